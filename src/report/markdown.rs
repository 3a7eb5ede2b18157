//! The briefing as Markdown (GitHub-flavoured: tables and task lists).

use super::history::{HistoryView, TEXT_BAR, text_bar};
use super::{
    Ending, HeaderValue, Locality, Options, against, directive_meta, gauge_text, header_rows,
    image_path, locality_lists, other_compares, session_lists, share_text, shared_note, value_text,
    write_ending,
};
use crate::i18n::{self, Strings};
use crate::model::{Directive, District, Lang, Participant, Progress, Session};
use crate::present::follow_up::{latest_note_line, says_more, standing_line};
use crate::present::trend::bar_length;
use crate::present::{
    checkbox, done_count, image_line, indicator_title, locality_facts, locality_title,
    overdue_count, paragraphs, participant_line,
};

/// The parts every briefing ends with, as this format writes them.
const ENDING: Ending = Ending(directives_heading, directives, district, history);

pub(super) fn render(s: &Session, opts: &Options<'_>) -> String {
    let t = i18n::strings(opts.lang);
    let mut out = format!("# {}\n\n", escape(&s.title));
    header(&mut out, s, opts);
    if !s.participants.is_empty() {
        out.push_str(&format!("\n## {}\n\n", t.participants));
        for p in &s.participants {
            let shown = Participant {
                name: (p.name.as_deref()).map(|n| format!("**{}**", escape(n)).into()),
                group: (p.group.as_deref()).map(|g| match p.name {
                    Some(_) => escape(g).into(),
                    None => format!("**{}**", escape(g)).into(),
                }),
                role: p.role.as_deref().map(|r| escape(r).into()),
                part: p.part.as_deref().map(|r| escape(r).into()),
            };
            out.push_str(&format!("- {}\n", participant_line(&shown, ", ")));
        }
    }
    if let Some(summary) = &s.summary {
        out.push_str(&format!("\n## {}\n", t.summary));
        text_block(&mut out, summary);
    }
    for (title, items) in session_lists(s, t) {
        list(&mut out, "##", title, &items);
    }
    images(&mut out, s, t);
    write_ending(&mut out, s, opts, &ENDING);
    out
}

/// The locality over time: its sessions with each directive and its state, then a table of
/// each figure seen twice, its bars in the last column.
fn history(out: &mut String, h: &HistoryView<'_>, opts: &Options<'_>) {
    let t = i18n::strings(opts.lang);
    out.push_str(&format!("\n## {}\n", escape(&h.title)));
    if let Some(earlier) = &h.earlier {
        out.push_str(&format!("\n{}\n", escape(earlier)));
    }
    out.push_str(&format!("\n### {}\n\n", escape(&h.sessions_heading)));
    for v in &h.visits {
        out.push_str(&format!("- **{}**", escape(&v.heading)));
        if !opts.handout {
            out.push_str(&format!(" {}", code(&v.session.id)));
        }
        out.push('\n');
        for d in &v.directives {
            out.push_str(&format!(
                "  - {} {}  \n    *{}*\n",
                checkbox(d.directive.done),
                escape(&d.directive.text),
                escape(&d.meta)
            ));
        }
    }
    out.push_str(&format!("\n### {}\n", h.trends_heading));
    if h.trends.is_empty() {
        out.push_str(&format!("\n{}\n", h.no_trends));
    }
    for trend in &h.trends {
        out.push_str(&format!(
            "\n#### {}\n\n| {} | {} | {} |\n| --- | ---: | --- |\n",
            escape(&trend.title),
            t.dossier_period,
            t.value,
            t.dossier_chart
        ));
        for row in &trend.rows {
            let bar = text_bar(
                bar_length(row.value, &trend.rows, TEXT_BAR / 2),
                row.plan,
                opts.ascii,
            );
            out.push_str(&format!(
                "| {} | {} | {bar} |\n",
                cell(&row.label),
                cell(&row.text)
            ));
        }
    }
}

/// A titled list of texts under a heading of `level` (`##`).
fn list(out: &mut String, level: &str, title: &str, items: &[impl AsRef<str>]) {
    out.push_str(&format!("\n{level} {title}\n\n"));
    for item in items {
        out.push_str(&format!("- {}\n", escape(item.as_ref())));
    }
}

/// The captions of the photos; a caption links its file when the file is named.
fn images(out: &mut String, s: &Session, t: &Strings) {
    if s.images.is_empty() {
        return;
    }
    out.push_str(&format!("\n## {}\n\n", t.images));
    for image in &s.images {
        let line = escape(&image_line(image));
        match image_path(s, image) {
            Some(path) => out.push_str(&format!("- [{line}](<{}>)\n", link(&path))),
            None => out.push_str(&format!("- {line}\n")),
        }
    }
}

/// A path as a Markdown link target inside `<…>`: the characters that would end it escaped,
/// line breaks and other controls percent-encoded, and `./` before a path that would read as
/// a scheme (`javascript:…`), so the link stays a relative link to that file.
fn link(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 2);
    if looks_like_scheme(path) {
        out.push_str("./");
    }
    for c in path.chars() {
        match c {
            '\\' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '%' => out.push_str("%25"),
            c if c.is_control() => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `path` starts like a URL scheme (`letters:` before any `/`).
fn looks_like_scheme(path: &str) -> bool {
    let before_slash = path.split('/').next().unwrap_or_default();
    before_slash.split_once(':').is_some_and(|(scheme, _)| {
        scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// `text` as a code span that nothing in it can end or break: on one line (line breaks and
/// controls written as `\n`, `\e`…), fenced by more backticks than its longest run of them.
fn code(text: &str) -> String {
    let text = crate::terminal_text::one_line(text);
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let spaced = text.starts_with(' ') && text.ends_with(' ');
    let pad = if text.starts_with('`') || text.ends_with('`') || spaced {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn header(out: &mut String, s: &Session, opts: &Options<'_>) {
    for (label, value) in header_rows(s, opts) {
        let value = match value {
            HeaderValue::Text(text) => escape(&text),
            HeaderValue::Tags(tags) => {
                let tags: Vec<String> = tags.iter().map(|tag| code(tag)).collect();
                tags.join(", ")
            }
            HeaderValue::Progress(p) => progress_text(p, opts.lang),
            HeaderValue::Id(id) => code(id),
        };
        out.push_str(&format!("- **{label}:** {value}\n"));
    }
}

/// `3/23 done, **2 overdue**`.
fn progress_text(p: Progress, lang: Lang) -> String {
    let done = done_count(p, lang);
    match overdue_count(p, lang) {
        Some(overdue) => format!("{done}, **{overdue}**"),
        None => done,
    }
}

fn district(out: &mut String, s: &Session, l: &Locality<'_>, t: &Strings, opts: &Options<'_>) {
    let d = l.district;
    let title = locality_title(d, opts.lang);
    out.push_str(&format!("\n## {}\n", escape(&title)));
    if let Some(facts) = locality_facts(d, opts.lang) {
        out.push_str(&format!("\n*{}*\n", escape(&facts)));
    }
    if let Some(summary) = &d.summary {
        text_block(out, summary);
    }
    for (title, items) in locality_lists(d, opts) {
        list(out, "###", title, &items);
    }
    if !d.indicators.is_empty() {
        out.push_str(&format!("\n### {}\n\n", t.indicators));
        indicators(out, d, t, opts);
    }
    if l.has_directives() {
        out.push_str(&format!(
            "\n### {} ({})\n\n",
            t.district_directives,
            progress_text(l.progress, opts.lang)
        ));
        let own: Vec<&Directive> = d.directives.iter().collect();
        directives(out, s, &own, opts);
        if let Some(note) = shared_note(l, opts.lang) {
            out.push_str(&format!("\n*{}*\n", escape(&note)));
        }
    }
}

fn indicators(out: &mut String, d: &District, t: &Strings, opts: &Options<'_>) {
    out.push_str(&format!(
        "| {} | {} | {} | {} |\n| --- | ---: | --- | --- |\n",
        t.indicators, t.value, t.ratio, t.compared_to
    ));
    for ind in &d.indicators {
        let gauge = ind.gauge();
        let bar = match &gauge {
            Some(g) => gauge_text(g, opts, false),
            None => share_text(ind, opts, false).unwrap_or_default(),
        };
        let mut notes: Vec<String> = gauge
            .as_ref()
            .and_then(|g| against(ind, g, opts))
            .into_iter()
            .collect();
        notes.extend(other_compares(ind, opts));
        notes.extend(ind.note.as_ref().map(|n| format!("{}: {n}", t.note)));
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(&indicator_title(ind, opts.lang)),
            cell(&value_text(ind, opts)),
            cell(&bar),
            cell(&notes.join("; "))
        ));
    }
}

/// The heading of the session-wide directives, with their progress.
fn directives_heading(out: &mut String, p: Progress, opts: &Options<'_>) {
    let t = i18n::strings(opts.lang);
    out.push_str(&format!(
        "\n## {} ({})\n\n",
        t.session_directives,
        progress_text(p, opts.lang)
    ));
}

fn directives(out: &mut String, s: &Session, list: &[&Directive], opts: &Options<'_>) {
    let t = i18n::strings(opts.lang);
    for d in list {
        out.push_str(&format!("- {} {}", checkbox(d.done), escape(&d.text)));
        let meta = directive_meta(s, d, opts);
        if !meta.is_empty() {
            out.push_str(&format!("  \n  *{}*", escape(&meta.join(" · "))));
        }
        if let Some(note) = &d.more.note {
            out.push_str(&format!("  \n  {}: {}", t.note, escape(note)));
        }
        if says_more(*d) {
            let standing = standing_line(*d, opts.today, opts.lang);
            out.push_str(&format!("  \n  {}: {}", t.follow_up, escape(&standing)));
        }
        if let Some(latest) = latest_note_line(*d, opts.lang, opts.handout) {
            out.push_str(&format!("  \n  {}", escape(&latest)));
        }
        out.push('\n');
    }
}

fn text_block(out: &mut String, text: &str) {
    for para in paragraphs(text) {
        out.push('\n');
        out.push_str(&escape(&para));
        out.push('\n');
    }
}

/// Escapes the characters that would start Markdown markup or inline HTML inside running
/// text. Each line is made to start as text: blank lines and indentation go, and a first
/// character that would open a block (heading, list item, quote, fence, setext underline)
/// is escaped, so a newline in a value cannot start a block.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lines = text
        .split(['\n', '\r'])
        .map(str::trim_start)
        .filter(|line| !line.trim().is_empty());
    for (n, line) in lines.enumerate() {
        if n > 0 {
            out.push('\n');
        }
        escape_line(&mut out, line);
    }
    out
}

/// One line of `escape`, which starts with no whitespace.
fn escape_line(out: &mut String, line: &str) {
    let marker = ordered_list_marker(line);
    for (i, c) in line.char_indices() {
        let opens_block = i == 0 && matches!(c, '#' | '-' | '+' | '=');
        let inline = matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
        );
        if opens_block || inline || Some(i) == marker {
            out.push('\\');
        }
        out.push(c);
    }
}

/// The byte offset of the `.` or `)` of an ordered list marker the line starts with (`1. `,
/// not `33.497`).
fn ordered_list_marker(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let marker = matches!(bytes.get(digits), Some(b'.' | b')'));
    let ends = matches!(bytes.get(digits + 1), None | Some(b' ' | b'\t'));
    ((1..=9).contains(&digits) && marker && ends).then_some(digits)
}

/// A table cell: escaped, on one line.
fn cell(text: &str) -> String {
    escape(&text.replace('\n', " "))
}

#[cfg(test)]
mod tests {
    use super::{code, escape, link};

    #[test]
    fn markup_characters_are_escaped() {
        let raw = ["a|b *c* [d]", "Đầm Hà #1", "# x", "a & b ~~c~~"];
        let escaped = [
            "a\\|b \\*c\\* \\[d\\]",
            "Đầm Hà #1",
            "\\# x",
            "a \\& b \\~\\~c\\~\\~",
        ];
        assert_eq!(raw.map(escape), escaped);
    }

    #[test]
    fn no_line_of_a_value_starts_a_block() {
        assert_eq!(
            escape("a\n# h\n  - i\n\n2. j\n10) k\n---\n=\n+ l\r> q"),
            "a\n\\# h\n\\- i\n2\\. j\n10\\) k\n\\---\n\\=\n\\+ l\n\\> q"
        );
        assert_eq!(escape("2024. Năm"), "2024\\. Năm");
        assert_eq!(escape("33.497 tỷ"), "33.497 tỷ");
    }

    #[test]
    fn code_spans_are_longer_than_any_run_of_backticks() {
        assert_eq!(
            ["2024/a", "a``b", "`x", "a\n# b"].map(code),
            ["`2024/a`", "```a``b```", "`` `x ``", "`a\\n# b`"]
        );
    }

    #[test]
    fn links_stay_relative_and_on_one_line() {
        assert_eq!(link("javascript:alert(1)"), "./javascript:alert(1)");
        assert_eq!(link("2024/a:b.jpg"), "2024/a:b.jpg");
        assert_eq!(link("a\n# b%.jpg"), "a%0A# b%25.jpg");
    }
}
