//! The briefing as Markdown (GitHub-flavoured: tables and task lists).

use super::{
    HeaderValue, Locality, Options, against, directive_meta, districts, gauge_text, header_rows,
    image_path, locality_lists, other_compares, session_lists, share_text, shared_directives,
    shared_note, value_text,
};
use crate::i18n::{self, Strings};
use crate::model::{Directive, District, Lang, Participant, Progress, Session};
use crate::present::{
    checkbox, done_count, image_line, indicator_title, locality_facts, locality_title,
    overdue_count, paragraphs, participant_line, reference_line,
};

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
        list(&mut out, "##", title, items);
    }
    if !s.references.is_empty() {
        let lines: Vec<String> = s.references.iter().map(reference_line).collect();
        list(&mut out, "##", t.references, &lines);
    }
    images(&mut out, s, t);
    let shared = shared_directives(s, opts);
    if !shared.is_empty() {
        let p = Progress::of(shared.iter().copied(), opts.today);
        out.push_str(&format!(
            "\n## {} ({})\n\n",
            t.session_directives,
            progress_text(p, opts.lang)
        ));
        directives(&mut out, s, &shared, opts);
    }
    for l in districts(s, opts) {
        district(&mut out, s, &l, t, opts);
    }
    out
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

/// A path as a Markdown link target inside `<…>`: the characters that would end it escaped.
fn link(path: &str) -> String {
    path.replace('\\', "\\\\")
        .replace('<', "\\<")
        .replace('>', "\\>")
}

fn header(out: &mut String, s: &Session, opts: &Options<'_>) {
    for (label, value) in header_rows(s, opts) {
        let value = match value {
            HeaderValue::Text(text) => escape(&text),
            HeaderValue::Tags(tags) => {
                let tags: Vec<String> = tags.iter().map(|tag| format!("`{tag}`")).collect();
                tags.join(", ")
            }
            HeaderValue::Progress(p) => progress_text(p, opts.lang),
            HeaderValue::Id(id) => format!("`{id}`"),
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
    for (title, items) in locality_lists(d, t) {
        list(out, "###", title, items);
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
            cell(&indicator_title(ind)),
            cell(&value_text(ind, opts)),
            cell(&bar),
            cell(&notes.join("; "))
        ));
    }
}

fn directives(out: &mut String, s: &Session, list: &[&Directive], opts: &Options<'_>) {
    let t = i18n::strings(opts.lang);
    for d in list {
        out.push_str(&format!("- {} {}", checkbox(d.done), escape(&d.text)));
        let meta = directive_meta(s, d, opts);
        if !meta.is_empty() {
            out.push_str(&format!("  \n  *{}*", escape(&meta.join(" · "))));
        }
        if let Some(note) = &d.note {
            out.push_str(&format!("  \n  {}: {}", t.note, escape(note)));
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

/// Escapes the characters that would start Markdown markup inside running text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let heading = i == 0 && c == '#';
        if heading || matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A table cell: escaped, on one line.
fn cell(text: &str) -> String {
    escape(&text.replace('\n', " "))
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("a|b *c* [d]"), "a\\|b \\*c\\* \\[d\\]");
        assert_eq!(escape("Đầm Hà #1"), "Đầm Hà #1");
        assert_eq!(escape("# x"), "\\# x");
    }
}
