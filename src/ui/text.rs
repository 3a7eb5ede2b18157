//! Fitting text into columns by display width: wrapping, padding, gaps, tails (cutting is `present::truncate`).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` at spaces to `width` display columns (at least 1); never empty. Each line
/// takes as many words as fit (first fit, as textwrap's `FirstFit` with no hyphenation).
/// Words are not split at their hyphens (`2024-03-13`, `kinh tế-xã hội` stay whole) unless
/// longer than a line. The lines are those of [`next_line`], one after another.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut from = 0;
    while from <= text.len() {
        let (range, next) = next_line(text, from, width);
        lines.push(&text[range]);
        from = next;
    }
    lines
}

/// The line of `text` that starts at byte `from`, wrapped as [`wrap`] wraps it, as a byte
/// range of `text` (its trailing spaces left out), and where the next line starts (past the
/// end of `text` after the last line). `from` must be 0 or a start given by an earlier call:
/// a long text can then be wrapped from any line that was seen start, without the lines
/// before it. Each character counts the columns it is drawn in: an escape or other control
/// character none, the rest of an escape sequence as the characters it shows.
pub(crate) fn next_line(text: &str, from: usize, width: usize) -> (std::ops::Range<usize>, usize) {
    let width = width.max(1);
    let bytes = text.as_bytes();
    // A source line shorter than `width` bytes is one line (textwrap's shortcut); only the
    // first `width` bytes are looked at, so a line costs its own length, not the text's.
    let at_source_start = from == 0 || bytes[from - 1] == b'\n';
    let near = &bytes[from..(from + width).min(bytes.len())];
    if at_source_start && (near.len() < width || near.contains(&b'\n')) {
        let end = memchr::memchr(b'\n', near).map_or(from + near.len(), |i| from + i);
        return (
            from..from + text[from..end].trim_end_matches(' ').len(),
            end + 1,
        );
    }
    let (mut used, mut first, mut pos, mut content_end) = (0, true, from, from);
    while pos < bytes.len() && bytes[pos] != b'\n' {
        let (word_end, word_width) = measure_word(text, pos);
        let space_end = word_end
            + (bytes[word_end..].iter())
                .position(|&b| b != b' ')
                .unwrap_or(bytes.len() - word_end);
        let spaces = space_end - word_end;
        let word = &text[pos..word_end];
        if word_width <= width {
            if !first && used + word_width > width {
                return (from..content_end, pos);
            }
            (used, first, content_end) = (used + word_width + spaces, false, word_end);
        } else {
            // Cut into pieces that fit, as textwrap's `break_words` does; the spaces go with
            // the last piece.
            let mut piece_start = pos;
            let mut piece_width = 0;
            for (i, c) in word.char_indices() {
                let w = c.width().unwrap_or(0);
                if piece_width > 0 && piece_width + w > width {
                    if !first && used + piece_width > width {
                        return (from..content_end, piece_start);
                    }
                    (used, first, content_end) = (used + piece_width, false, pos + i);
                    (piece_start, piece_width) = (pos + i, 0);
                }
                piece_width += w;
            }
            if !first && used + piece_width > width {
                return (from..content_end, piece_start);
            }
            (used, first, content_end) = (used + piece_width + spaces, false, word_end);
        }
        pos = space_end;
    }
    (from..content_end, pos + 1)
}

/// Where the word starting at `pos` ends (at a space, a line break or the end) and its
/// display width: the sum of its characters' widths (an emoji sequence is the sum of its
/// parts, a control character none), as textwrap measures text without escape sequences.
fn measure_word(text: &str, pos: usize) -> (usize, usize) {
    let mut width = 0;
    for (i, c) in text[pos..].char_indices() {
        match c {
            ' ' | '\n' => return (pos + i, width),
            '!'..='~' => width += 1,
            c => width += c.width().unwrap_or(0),
        }
    }
    (text.len(), width)
}

/// Spaces needed after `s` to reach `width` columns.
pub(crate) fn pad(s: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(s.width()))
}

/// The spaces between a left part of `left` columns and a right part of `right` columns so
/// that the right part ends at column `width`.
pub(crate) fn gap(width: usize, left: usize, right: usize) -> String {
    " ".repeat(width.saturating_sub(left + right))
}

/// The end of `text` that fits in `width` columns (what was typed last stays visible).
pub(crate) fn tail(text: &str, width: usize) -> &str {
    let mut used = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        used += c.width().unwrap_or(0);
        if used > width {
            break;
        }
        start = i;
    }
    &text[start..]
}

/// The part of a text to show in some columns: a byte range on character boundaries, and
/// whether a `…` goes before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Excerpt {
    pub range: std::ops::Range<usize>,
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The part of `text` to show in `width` columns (the `…` marks included) with byte `focus`
/// in it: the whole text when it fits; else whole words, from a word start a little before
/// `focus` (or the start, when `focus` is near it), cut after the last word that fits.
pub(crate) fn excerpt(text: &str, focus: usize, width: usize) -> Excerpt {
    let whole = Excerpt {
        range: 0..text.len(),
        cut_before: false,
        cut_after: false,
    };
    if text.width() <= width || width < 2 {
        return whole;
    }
    let focus = (0..=focus.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let starts: Vec<usize> = (text.char_indices())
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    let start = if text[..focus].width() < width * 2 / 3 {
        0
    } else {
        let near = (starts.iter().copied())
            .find(|&s| s <= focus && text[s..focus].width() <= width / 3)
            .or_else(|| starts.iter().copied().rfind(|&s| s <= focus))
            .unwrap_or(focus);
        near.min(words_before(text, &starts, focus, width))
    };
    let cut_before = start > 0;
    let room = width - usize::from(cut_before);
    if text[start..].width() <= room {
        return Excerpt {
            range: start..text.len(),
            cut_before,
            cut_after: false,
        };
    }
    let room = room - 1;
    let word_end = (text[start..].char_indices())
        .filter(|&(i, c)| c.is_whitespace() && i > 0)
        .map(|(i, _)| start + i)
        .take_while(|&e| text[start..e].width() <= room)
        .last();
    let end = word_end.unwrap_or_else(|| {
        let mut used = 0;
        let mut end = start;
        for (i, c) in text[start..].char_indices() {
            used += c.width().unwrap_or(0);
            if used > room {
                break;
            }
            end = start + i + c.len_utf8();
        }
        end
    });
    Excerpt {
        range: start..text[..end].trim_end().len(),
        cut_before,
        cut_after: true,
    }
}

/// How many words an excerpt keeps before its match when they fit: a negation or a
/// qualifier just before it (`không có`, `chưa đạt`, `chống`) must not be cut off.
const WORDS_BEFORE: usize = 2;

/// Where an excerpt starts to keep up to [`WORDS_BEFORE`] words before the word at `focus`,
/// as many as fit in `width` columns with that word and the two `…`.
fn words_before(text: &str, starts: &[usize], focus: usize, width: usize) -> usize {
    let at = starts.iter().rposition(|&s| s <= focus).unwrap_or(0);
    let word_end = (text[focus..].char_indices())
        .find(|&(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, _)| focus + i);
    (0..=WORDS_BEFORE.min(at))
        .rev()
        .map(|n| starts.get(at - n).copied().unwrap_or(focus))
        .find(|&from| text[from..word_end].width() + 2 <= width)
        .unwrap_or(focus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_words_by_display_width() {
        let lines = wrap("Đầm Hà và Hải Hà", 8);
        assert_eq!(lines, vec!["Đầm Hà", "và Hải", "Hà"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abc", 0), vec!["a", "b", "c"]);
        assert_eq!(wrap("ngày 2024-03-13", 12), vec!["ngày", "2024-03-13"]);
    }

    #[test]
    fn pads_and_gaps_by_display_width() {
        assert_eq!(pad("Hà", 4), "  ");
        assert_eq!(pad("toolong", 3), "");
        assert_eq!(gap(10, 3, 4), "   ");
        assert_eq!(gap(5, 3, 4), "");
    }

    fn shown(text: &str, focus: usize, width: usize) -> String {
        let e = excerpt(text, focus, width);
        let out = format!(
            "{}{}{}",
            if e.cut_before { "…" } else { "" },
            &text[e.range],
            if e.cut_after { "…" } else { "" }
        );
        assert!(out.width() <= width, "{out:?} is wider than {width}");
        out
    }

    #[test]
    fn an_excerpt_is_the_whole_text_when_it_fits() {
        let text = "Quan tâm hạ tầng nước sạch cho người dân.";
        assert_eq!(shown(text, 20, 60), text);
    }

    #[test]
    fn an_excerpt_cuts_between_words() {
        let text =
            "Tiếp tục cải thiện kết cấu hạ tầng thực hiện chương trình nông thôn mới nâng cao";
        assert_eq!(shown(text, 0, 30), "Tiếp tục cải thiện kết cấu hạ…");
        let at = text.find("nông").expect("word");
        let out = shown(text, at, 30);
        assert!(out.starts_with('…') && out.contains("nông thôn"), "{out}");
        let inner = out.trim_start_matches('…').trim_end_matches('…');
        assert!(text.contains(inner));
        let before = &text[..text.find(inner).expect("inside")];
        assert!(
            before.is_empty() || before.ends_with(' '),
            "starts at a word: {out}"
        );
    }

    /// A cut never drops the words just before the match (a negation reverses its meaning),
    /// at any width where they fit.
    #[test]
    fn an_excerpt_keeps_the_words_before_the_match() {
        let text = "Là địa phương không có ma túy.";
        let at = text.find("ma túy").expect("match");
        for width in 14..=30 {
            let out = shown(text, at, width);
            assert!(out.contains("không có ma"), "{width}: {out}");
        }
        let long =
            "Tiếp tục tuyên truyền để nhân dân hiểu rõ chủ trương và chưa đạt chuẩn nông thôn mới";
        let at = long.find("chuẩn").expect("match");
        for width in 17..=40 {
            let out = shown(long, at, width);
            assert!(out.contains("chưa đạt chuẩn"), "{width}: {out}");
        }
    }

    #[test]
    fn a_word_longer_than_the_room_is_cut() {
        assert_eq!(shown("abcdefghijklmnop qr", 0, 8), "abcdefg…");
    }

    /// The lines textwrap's first fit gives, without hyphenation: the behaviour the
    /// screens were made with, which [`wrap`] and [`next_line`] keep.
    fn textwrap_first_fit(text: &str, width: usize) -> Vec<String> {
        let options = textwrap::Options::new(width)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        let lines = textwrap::wrap(text, options);
        if lines.is_empty() {
            return vec![String::new()];
        }
        lines.into_iter().map(String::from).collect()
    }

    /// `wrap`, line by line from `next_line`, wraps as textwrap's first fit does, on seeded
    /// random texts:
    /// Vietnamese and ASCII words, runs of spaces (leading and trailing too), line breaks,
    /// empty lines, words longer than a line, combining marks, wide characters and emoji
    /// sequences.
    #[test]
    fn wrap_wraps_as_textwrap_first_fit_does() {
        const PARTS: [&str; 19] = [
            "Tiếp",
            "tục",
            "kinh tế-xã hội",
            "a",
            "nông thôn mới",
            "2024-03-13",
            " ",
            "  ",
            "\n",
            "\n\n",
            "Siêu-dài-một-từ-không-có-khoảng-trắng-nào-cả",
            "漢字漢字",
            "e\u{301}",
            "x",
            "❤\u{fe0f}",
            "👍🏽",
            "1\u{fe0f}\u{20e3}",
            "👨\u{200d}👩",
            "a\u{200b}b",
        ];
        let mut seed = 0x5EEDu64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..next(40) {
                text.push_str(PARTS[next(PARTS.len())]);
                if next(3) > 0 {
                    text.push(' ');
                }
            }
            let width = 1 + next(30);
            assert_eq!(
                wrap(&text, width),
                textwrap_first_fit(&text, width),
                "{text:?} at {width}"
            );
        }
    }

    /// Wrapping may start again at any line start seen, and gives the same lines from there.
    #[test]
    fn wrapping_resumes_at_a_line_start() {
        let text = "Tiếp tục phát triển kinh tế-xã hội; xây dựng nông thôn mới nâng cao. "
            .repeat(40)
            + "\n\nĐoạn hai: Siêu-dài-một-từ-không-có-khoảng-trắng-nào-cả và hết.";
        let all = wrap(&text, 17);
        let mut starts = vec![0];
        let mut from = 0;
        while from <= text.len() {
            from = next_line(&text, from, 17).1;
            starts.push(from);
        }
        for (k, &start) in starts.iter().enumerate().take(all.len()) {
            let (range, _) = next_line(&text, start, 17);
            assert_eq!(&text[range], all[k], "line {k}");
        }
    }

    /// An escape sequence is measured as it is drawn: the escape character in no column, the
    /// rest as the characters it shows (textwrap would take the whole sequence as none).
    #[test]
    fn escape_sequences_take_the_columns_they_are_drawn_in() {
        assert_eq!(wrap("\u{1b}[1mab cd", 6), ["\u{1b}[1mab", "cd"]);
        assert_eq!(wrap("\u{1b}ab cd", 6), ["\u{1b}ab cd"]);
    }

    #[test]
    fn tail_keeps_the_end() {
        assert_eq!(tail("một hai ba", 6), "hai ba");
        assert_eq!(tail("漢字", 3), "字");
        assert_eq!(tail("abc", 10), "abc");
    }
}
