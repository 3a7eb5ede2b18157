//! The plain-text briefing, wrapped for printing, e-mail or `less`.

use unicode_width::UnicodeWidthStr;

use super::history::{HistoryView, TEXT_BAR, text_bar};
use super::{
    Ending, HeaderValue, Locality, Options, against, directive_meta, gauge_text, header_rows,
    locality_lists, other_compares, share_text, shared_note, statement_lists, value_text,
    write_ending,
};
use crate::i18n::{self, Strings};
use crate::model::{Directive, Indicator, Progress, Session};
use crate::present::follow_up::{latest_note_line, says_more, standing_line};
use crate::present::trend::bar_length;
use crate::present::truncate;
use crate::present::{
    checkbox, image_line, indicator_title, locality_facts, locality_title, paragraphs,
    participant_line, progress_text, reference_line,
};

const WIDTH: usize = 80;

/// The parts every briefing ends with, as this format writes them.
const ENDING: Ending = Ending(directives_heading, directives, district, history);

pub(super) fn render(s: &Session, opts: &Options<'_>) -> String {
    let t = i18n::strings(opts.lang);
    let mut out = String::new();
    header(&mut out, s, opts);
    if !s.participants.is_empty() {
        section(&mut out, t.participants, opts);
        for p in &s.participants {
            bullet(&mut out, &participant_line(p, ", "), 0, opts);
        }
    }
    if let Some(summary) = &s.summary {
        section(&mut out, t.summary, opts);
        text_block(&mut out, summary);
    }
    for (title, items) in statement_lists(s.statements(), t) {
        section(&mut out, title, opts);
        for item in items {
            bullet(&mut out, item, 0, opts);
        }
    }
    if !s.references.is_empty() {
        section(&mut out, t.references, opts);
        for r in &s.references {
            bullet(&mut out, &reference_line(r), 0, opts);
        }
    }
    if !s.images.is_empty() {
        section(&mut out, t.images, opts);
        for image in &s.images {
            bullet(&mut out, &image_line(image), 0, opts);
        }
    }
    write_ending(&mut out, s, opts, &ENDING);
    out
}

/// The locality over time: its sessions with each directive and its state, then each figure
/// seen twice as bars.
fn history(out: &mut String, h: &HistoryView<'_>, opts: &Options<'_>) {
    let rule = if opts.ascii { "=" } else { "━" };
    out.push_str(&format!(
        "\n{} {} {}\n",
        rule.repeat(3),
        h.title,
        rule.repeat(3)
    ));
    if let Some(earlier) = &h.earlier {
        out.push_str(&wrap(earlier, "", ""));
    }
    section(out, &h.sessions_heading, opts);
    for v in &h.visits {
        let id = if opts.handout {
            String::new()
        } else {
            format!(" ({})", v.session.id)
        };
        bullet(out, &format!("{}{id}", v.heading), 0, opts);
        for d in &v.directives {
            let mark = checkbox(d.directive.done);
            out.push_str(&wrap(
                &d.directive.text,
                &format!("      {mark} "),
                "          ",
            ));
            out.push_str(&wrap(&d.meta, "          ", "          "));
        }
    }
    section(out, h.trends_heading, opts);
    if h.trends.is_empty() {
        out.push_str(&wrap(h.no_trends, "  ", "  "));
    }
    for trend in &h.trends {
        out.push_str(&wrap(&trend.title, "  ", "    "));
        let label = (trend.rows.iter().map(|r| r.label.width()).max())
            .unwrap_or(0)
            .min(TEXT_BAR / 2);
        let value = trend.rows.iter().map(|r| r.text.width()).max().unwrap_or(0);
        let cells = (WIDTH - 4 - label - 2 - value - 1).min(TEXT_BAR);
        for row in &trend.rows {
            let name = truncate(&row.label, label);
            let bar = text_bar(
                bar_length(row.value, &trend.rows, cells),
                row.plan,
                opts.ascii,
            );
            out.push_str(&format!(
                "    {}  {} {:>value$}\n",
                pad(&name, label),
                pad(&bar, cells),
                row.text
            ));
        }
    }
}

/// `text` and spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn header(out: &mut String, s: &Session, opts: &Options<'_>) {
    out.push_str(&wrap(&s.title, "", ""));
    let rule = if opts.ascii { "=" } else { "═" };
    out.push_str(&rule.repeat(s.title.width().min(WIDTH)));
    out.push('\n');
    let rows: Vec<(&str, String)> = header_rows(s, opts)
        .into_iter()
        .map(|(label, value)| {
            let value = match value {
                HeaderValue::Text(text) => text.into_owned(),
                HeaderValue::Tags(tags) => tags.join(", "),
                HeaderValue::Progress(p) => progress_text(p, opts.lang, ", "),
                HeaderValue::Id(id) => id.to_string(),
            };
            (label, value)
        })
        .collect();
    let label_width = rows.iter().map(|(l, _)| l.width()).max().unwrap_or(0) + 2;
    for (label, value) in rows {
        let first = format!("{label}:{}", " ".repeat(label_width - label.width() - 1));
        out.push_str(&wrap(&value, &first, &" ".repeat(label_width)));
    }
}

fn titled(title: &str, p: Progress, opts: &Options<'_>) -> String {
    format!("{title} ({})", progress_text(p, opts.lang, ", "))
}

fn section(out: &mut String, title: &str, opts: &Options<'_>) {
    let rule = if opts.ascii { "-" } else { "─" };
    out.push('\n');
    out.push_str(title);
    out.push('\n');
    out.push_str(&rule.repeat(title.width().min(WIDTH)));
    out.push('\n');
}

fn district(out: &mut String, s: &Session, l: &Locality<'_>, t: &Strings, opts: &Options<'_>) {
    let d = l.district;
    let rule = if opts.ascii { "=" } else { "━" };
    out.push('\n');
    out.push_str(&format!(
        "{} {} {}\n",
        rule.repeat(3),
        locality_title(d, opts.lang),
        rule.repeat(3)
    ));
    if let Some(facts) = locality_facts(d, opts.lang) {
        out.push_str(&wrap(&facts, "", ""));
    }
    if let Some(summary) = &d.summary {
        out.push('\n');
        text_block(out, summary);
    }
    for (title, items) in locality_lists(d, opts) {
        section(out, title, opts);
        for item in &items {
            bullet(out, item, 0, opts);
        }
    }
    if !d.indicators.is_empty() {
        section(out, t.indicators, opts);
        for ind in &d.indicators {
            indicator(out, ind, opts);
        }
    }
    if l.has_directives() {
        section(out, &titled(t.district_directives, l.progress, opts), opts);
        let own: Vec<&Directive> = d.directives.iter().collect();
        directives(out, s, &own, opts);
        if let Some(note) = shared_note(l, opts.lang) {
            out.push('\n');
            out.push_str(&wrap(&note, "", ""));
        }
    }
}

fn indicator(out: &mut String, ind: &Indicator, opts: &Options<'_>) {
    let head = format!(
        "{}: {}",
        indicator_title(ind, opts.lang),
        value_text(ind, opts)
    );
    bullet(out, &head, 0, opts);
    if let Some(g) = &ind.gauge() {
        let mut line = gauge_text(g, opts, true);
        if let Some(a) = against(ind, g, opts) {
            line.push_str(&format!(" · {a}"));
        }
        out.push_str(&format!("    {line}\n"));
    } else if let Some(share) = share_text(ind, opts, true) {
        out.push_str(&format!("    {share}\n"));
    }
    for c in other_compares(ind, opts) {
        out.push_str(&wrap(&c, "    ", "    "));
    }
    if let Some(note) = &ind.note {
        let t = i18n::strings(opts.lang);
        out.push_str(&wrap(&format!("{}: {note}", t.note), "    ", "    "));
    }
}

/// The heading of the session-wide directives, with their progress.
fn directives_heading(out: &mut String, p: Progress, opts: &Options<'_>) {
    let t = i18n::strings(opts.lang);
    section(out, &titled(t.session_directives, p, opts), opts);
}

fn directives(out: &mut String, s: &Session, list: &[&Directive], opts: &Options<'_>) {
    let t = i18n::strings(opts.lang);
    for d in list {
        let mark = checkbox(d.done);
        out.push_str(&wrap(&d.text, &format!("  {mark} "), "      "));
        let meta = directive_meta(s, d, opts);
        if !meta.is_empty() {
            out.push_str(&wrap(&meta.join(" · "), "      ", "      "));
        }
        if let Some(note) = &d.more.note {
            out.push_str(&wrap(&format!("{}: {note}", t.note), "      ", "      "));
        }
        if says_more(*d) {
            let standing = standing_line(*d, opts.today, opts.lang);
            let line = format!("{}: {standing}", t.follow_up);
            out.push_str(&wrap(&line, "      ", "      "));
        }
        if let Some(latest) = latest_note_line(*d, opts.lang, opts.handout) {
            out.push_str(&wrap(&latest, "      ", "      "));
        }
    }
}

fn bullet(out: &mut String, text: &str, depth: usize, opts: &Options<'_>) {
    let dot = if opts.ascii { "-" } else { "•" };
    let indent = "  ".repeat(depth + 1);
    out.push_str(&wrap(
        text,
        &format!("{indent}{dot} "),
        &format!("{indent}  "),
    ));
}

fn text_block(out: &mut String, text: &str) {
    for (i, para) in paragraphs(text).iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&wrap(para, "", ""));
    }
}

/// Word-wraps `text` to `WIDTH` columns; `first` starts the first line, `rest` the others.
pub(super) fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::with_capacity(first.len() + text.len() + 1);
    wrap_into(&mut out, text, first, rest);
    out
}

/// [`wrap`], appended to `out`: no line or word is copied but into `out` itself, so a report of
/// ten thousand sessions (tens of megabytes of wrapped lines) allocates nothing per line.
pub(super) fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    if !text.is_empty() && is_plain(text) {
        return wrap_plain(out, text, first, rest);
    }
    let mut start = out.len();
    out.push_str(first);
    // The line's width, kept as words are added: measuring the line again at each word made
    // a report of ten thousand sessions spend most of its time here.
    let mut width = width_of(first);
    let mut empty = true;
    for (word, word_width) in words(text) {
        if !empty && width + 1 + word_width > WIDTH {
            out.push('\n');
            start = out.len();
            out.push_str(rest);
            width = width_of(rest);
            empty = true;
        }
        if !empty {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += word_width;
        empty = false;
    }
    if empty {
        // Only the indent is on the line: it ends without its trailing spaces.
        let kept = out[start..].trim_end().len();
        out.truncate(start + kept);
    }
    out.push('\n');
}

/// Whether `text` wraps by counting characters: each one column wide whatever surrounds it
/// (printable ASCII, the Latin letters Vietnamese is written in, the printable Latin-1 signs
/// such as `·`), its words apart by single ASCII spaces and none at either end. Nearly every
/// directive, note and line of facts is.
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    // Each byte is looked at with the one after it, all of them, without a branch: the
    // compiler checks many at once.
    let pairs = bytes.iter().zip(&bytes[1..]);
    first != b' '
        && last != b' '
        && plain_at(last, 0)
        && pairs.fold(true, |all, (&b, &next)| all & plain_at(b, next))
}

/// Whether byte `b` of a UTF-8 text, followed by `next`, is part of a plain text
/// ([`is_plain`]): printable ASCII but a space followed by another, a continuation byte, or
/// the first byte of U+00A1–U+00BF but the soft hyphen, of U+00C0–U+023F or of U+1E00–U+1EFF.
fn plain_at(b: u8, next: u8) -> bool {
    let ascii = (b.wrapping_sub(b' ') < 0x5f) & !((b == b' ') & (next == b' '));
    let continuation = b & 0xc0 == 0x80;
    let sign = (b == 0xc2) & (next.wrapping_sub(0xa1) < 0x1f) & (next != 0xad);
    let latin = b.wrapping_sub(0xc3) < 6;
    let extended = (b == 0xe1) & (next.wrapping_sub(0xb8) < 4);
    ascii | continuation | sign | latin | extended
}

/// [`wrap_into`] for a text [`is_plain`] says is: each line is the most characters that fit,
/// cut at the last space before the first that does not, copied whole.
fn wrap_plain(out: &mut String, text: &str, first: &str, rest: &str) {
    let mut indent = first;
    let mut left = text;
    loop {
        out.push_str(indent);
        let (line, after) = first_line(left, WIDTH.saturating_sub(width_of(indent)));
        out.push_str(line);
        out.push('\n');
        match after {
            Some(after) => left = after,
            None => return,
        }
        indent = rest;
    }
}

/// The first line of a plain text in `room` columns, and the text after it (past the space it
/// was cut at), if any: a word longer than `room` is the line alone.
fn first_line(text: &str, room: usize) -> (&str, Option<&str>) {
    let bytes = text.as_bytes();
    let Some(cut) = nth_char(bytes, room) else {
        return (text, None);
    };
    let end = if bytes[cut] == b' ' {
        cut
    } else if let Some(space) = memchr::memrchr(b' ', &bytes[..cut]) {
        space
    } else if let Some(space) = memchr::memchr(b' ', &bytes[cut..]) {
        cut + space
    } else {
        return (text, None);
    };
    (&text[..end], Some(&text[end + 1..]))
}

/// Where character `n` (from 0) of UTF-8 `bytes` starts, if there are more than `n`: the
/// characters counted a stretch of bytes at a time (no stretch holds more characters than
/// bytes, so none goes past it), which the compiler makes a few wide instructions.
fn nth_char(bytes: &[u8], n: usize) -> Option<usize> {
    let (mut at, mut chars) = (0, 0);
    while chars < n {
        let end = at + (n - chars);
        chars += bytes
            .get(at..end)?
            .iter()
            .filter(|&&b| starts_char(b))
            .count();
        at = end;
    }
    (at..bytes.len()).find(|&at| starts_char(bytes[at]))
}

/// The columns `text` takes, as `unicode-width` measures it; counted from the bytes when
/// every character is one column wide with no context (ASCII, the Latin letters Vietnamese is
/// written in), which is nearly every word of a report.
pub(super) fn width_of(text: &str) -> usize {
    let bytes = text.as_bytes();
    let latin = (0..bytes.len()).all(|at| !starts_char(bytes[at]) || is_latin(bytes, at));
    if latin {
        bytes.iter().filter(|&&b| starts_char(b)).count()
    } else {
        text.width()
    }
}

/// The words of `text`, as `split_whitespace` gives them, each with its width (`width_of`),
/// in one pass over the bytes: only a character that may be a space beyond ASCII is decoded.
fn words(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        let mut chars = 0;
        let mut latin = true;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_graphic() {
                // Most of a word: one byte, one column.
                start.get_or_insert(at);
                chars += 1;
                at += 1;
                continue;
            }
            let (len, space) = char_at(text, at, b);
            if space {
                if start.is_some() {
                    break;
                }
            } else {
                start.get_or_insert(at);
                chars += 1;
                latin &= is_latin(bytes, at);
            }
            at += len;
        }
        let word = &text[start?..at];
        Some((word, if latin { chars } else { word.width() }))
    })
}

/// The length of the character starting at `at` (whose first byte is `b`) and whether it is
/// white space (`char::is_whitespace`), from its bytes alone.
fn char_at(text: &str, at: usize, b: u8) -> (usize, bool) {
    let bytes = text.as_bytes();
    let next = |n: usize| bytes.get(at + n).copied().unwrap_or(0);
    match b {
        0..=0x7f => (1, matches!(b, b'\t'..=b'\r' | b' ')),
        // U+0085, U+00A0.
        0xc2 => (2, matches!(next(1), 0x85 | 0xa0)),
        0x80..=0xdf => (2, false),
        // U+1680.
        0xe1 => (3, next(1) == 0x9a && next(2) == 0x80),
        // U+2000–U+200A, U+2028, U+2029, U+202F; U+205F.
        0xe2 => (
            3,
            match next(1) {
                0x80 => matches!(next(2), 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf),
                0x81 => next(2) == 0x9f,
                _ => false,
            },
        ),
        // U+3000.
        0xe3 => (3, next(1) == 0x80 && next(2) == 0x80),
        0xe0..=0xef => (3, false),
        _ => (4, false),
    }
}

/// Whether a UTF-8 byte starts a character.
fn starts_char(b: u8) -> bool {
    b & 0xc0 != 0x80
}

/// Whether the character at `at` is one column wide whatever surrounds it: printable ASCII,
/// U+00C0–U+023F (Latin-1 letters, Latin Extended-A and -B) or U+1E00–U+1EFF (Latin Extended
/// Additional: ạ, ế, ữ …).
fn is_latin(bytes: &[u8], at: usize) -> bool {
    match bytes[at] {
        b' '..=b'~' | 0xc3..=0xc8 => true,
        0xe1 => matches!(bytes.get(at + 1), Some(0xb8..=0xbb)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_width_with_indents() {
        let text = "một hai ba ".repeat(20);
        let out = wrap(&text, "  - ", "    ");
        for line in out.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= super::WIDTH,
                "{line}"
            );
        }
        assert!(out.starts_with("  - một"));
        assert!(out.lines().skip(1).all(|l| l.starts_with("    ")));
    }

    /// The wrapping as it was before it wrote into one buffer: a line at a time, trimmed.
    fn wrap_by_lines(text: &str, first: &str, rest: &str) -> String {
        use unicode_width::UnicodeWidthStr;
        let mut out = String::new();
        let mut line = first.to_string();
        let mut empty = true;
        for word in text.split_whitespace() {
            if !empty && line.width() + 1 + word.width() > super::WIDTH {
                out.push_str(line.trim_end());
                out.push('\n');
                line = rest.to_string();
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        out.push_str(line.trim_end());
        out.push('\n');
        out
    }

    #[test]
    fn wraps_byte_for_byte_as_line_by_line() {
        let texts = [
            String::new(),
            " \t ".to_string(),
            "Đã khởi công 2 công trình nước sạch, vướng mặt bằng ".repeat(7),
            "plain ascii words of many lengths abcdefghij ".repeat(9),
            "宽字符 占两列 ".repeat(20),
            format!("a {} b", "y".repeat(90)),
            "x\u{1b}y e\u{301} ".repeat(30),
        ];
        let prefixes = [
            ("", ""),
            ("  • ", "    "),
            ("    ", "    "),
            ("      ○ ", "          "),
        ];
        for text in &texts {
            for (first, rest) in prefixes {
                let mut out = String::from("kept\n");
                super::wrap_into(&mut out, text, first, rest);
                let expected = format!("kept\n{}", wrap_by_lines(text, first, rest));
                assert_eq!(out, expected, "{text:?} after {first:?}");
            }
        }
    }

    /// Texts made of pieces drawn by a seeded generator (plain words, Vietnamese, signs, wide
    /// and combining characters, spaces of every kind, words longer than a line), so both the
    /// plain and the general wrapping are compared with the line-by-line one.
    #[test]
    fn wraps_seeded_random_texts_as_line_by_line() {
        let long = "x".repeat(83);
        let pieces = [
            "a",
            "Đầm",
            "ữ",
            "công",
            "trình",
            " ",
            " ",
            " ",
            "  ",
            "·",
            "•",
            "\u{a0}",
            "宽",
            "e\u{301}",
            "\t",
            "©",
            "\u{ad}",
            "31/12/2025",
            "(số",
            "0)",
            &long,
        ];
        let mut seed: u64 = 0x2026_1208;
        let mut next = |below: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % below
        };
        let (wide, wider) = (" ".repeat(79), "·".repeat(84));
        let indents = [
            ("", ""),
            ("  • ", "    "),
            ("    ", "    "),
            (wide.as_str(), "  "),
            ("  ", wider.as_str()),
        ];
        let plain = |piece: &&str| super::is_plain(piece);
        let words: Vec<&str> = pieces.iter().copied().filter(plain).collect();
        for round in 0..4000 {
            let count = next(60);
            let text = if round % 2 == 0 {
                let text: Vec<&str> = (0..count).map(|_| words[next(words.len())]).collect();
                let text = text.join(" ");
                assert!(super::is_plain(&text), "{text:?}");
                text
            } else {
                (0..count).map(|_| pieces[next(pieces.len())]).collect()
            };
            let (first, rest) = indents[next(indents.len())];
            let mut out = String::from("kept\n");
            super::wrap_into(&mut out, &text, first, rest);
            let expected = format!("kept\n{}", wrap_by_lines(&text, first, rest));
            assert_eq!(out, expected, "{text:?} after {first:?}");
        }
    }

    #[test]
    fn a_plain_character_is_one_column_wide_and_no_space() {
        use unicode_width::UnicodeWidthStr;
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("ữ{c}a"), format!("{c}{c}")] {
                if super::is_plain(&text) {
                    assert_eq!(text.width(), text.chars().count(), "{:X}", u32::from(c));
                    assert!(c == ' ' || !c.is_whitespace(), "{:X}", u32::from(c));
                }
            }
        }
        assert!(super::is_plain(
            "Hạn: 31/12/2025 · Chưa thực hiện (quá hạn)"
        ));
        for text in ["", " a", "a ", "a  b", "a\tb", "a\u{a0}b", "e\u{301}", "宽"] {
            assert_eq!(super::is_plain(text), text.is_empty(), "{text:?}");
        }
    }

    #[test]
    fn words_are_split_and_measured_as_split_whitespace_and_unicode_width() {
        use unicode_width::UnicodeWidthStr;
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b  ữ{c}\u{a0}{c}x ");
            let expected: Vec<(&str, usize)> =
                (text.split_whitespace()).map(|w| (w, w.width())).collect();
            let got: Vec<(&str, usize)> = super::words(&text).collect();
            assert_eq!(got, expected, "{:X}", u32::from(c));
        }
    }

    #[test]
    fn width_of_agrees_with_unicode_width() {
        use unicode_width::UnicodeWidthStr;
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(super::width_of(&alone), alone.width(), "{:X}", u32::from(c));
            let within = format!("Đã{c}ữ");
            assert_eq!(
                super::width_of(&within),
                within.width(),
                "{:X}",
                u32::from(c)
            );
        }
        let vietnamese = "ẮẰẲẴẶăắằẳẵặÂẤẦẨẪẬâấầẩẫậĐđÊẾỀỂỄỆêếềểễệÔỐỒỔỖỘôốồổỗộƠỚỜỞỠỢơớờởỡợƯỨỪỬỮỰưứừửữự\
            ÝỲỶỸỴýỳỷỹỵÁÀẢÃẠáàảãạÉÈẺẼẸéèẻẽẹÍÌỈĨỊíìỉĩịÓÒỎÕỌóòỏõọÚÙỦŨỤúùủũụ";
        let bytes = vietnamese.as_bytes();
        let latin =
            (0..bytes.len()).all(|at| !super::starts_char(bytes[at]) || super::is_latin(bytes, at));
        assert!(latin);
        assert_eq!(super::width_of(vietnamese), vietnamese.chars().count());
        for text in [
            "abc ~",
            "Đầm Hà",
            "宽",
            "a\u{7f}b",
            "\u{1b}",
            "",
            "e\u{301}",
            "·",
        ] {
            assert_eq!(
                super::width_of(text),
                unicode_width::UnicodeWidthStr::width(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_word_longer_than_the_line_stays_whole() {
        let long = "x".repeat(100);
        assert_eq!(wrap(&long, "", ""), format!("{long}\n"));
    }
}
