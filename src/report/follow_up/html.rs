//! The report as one self-contained HTML page that prints on A4 landscape: the table with a
//! column per category, then the lists.

use std::fmt::Write;
use std::sync::Arc;

use super::{
    Counts, FollowUp, Listed, listed_facts, note_line, row_title, rows_heading, scope_line,
};
use crate::i18n;
use crate::model::Lang;
use crate::model::progress::Category;
use crate::present::words::category_word;
use crate::report::html::esc;

/// Inline style sheet: screen and A4 landscape print, no web fonts, no network. The table's
/// ten columns share the page's width (fixed layout), so it never runs off the paper.
const STYLE: &str = r#"
:root { --ink: #1b1f24; --muted: #5b6570; --rule: #c9d0d6; --behind: #b42318; --near: #9a6700; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); }
body { margin: 0 auto; max-width: 70rem; padding: 1.5rem; line-height: 1.45; font-size: 11pt; }
h1 { font-size: 1.45rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
p.scope { color: var(--muted); margin: 0 0 1rem; }
h1, h2, p, li, td, th { overflow-wrap: anywhere; hyphens: manual; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
col.name { width: 22%; }
th, td { padding: .3rem .35rem; border: 1px solid var(--rule); vertical-align: top; }
th { font-weight: 600; font-size: .85em; text-align: center; background: #f2f4f6; }
th.name, td.name { text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n.zero { color: var(--muted); }
th.overdue, td.overdue { color: var(--behind); }
th.blocked, td.blocked { color: var(--near); }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
ul.listed { list-style: none; padding-left: 0; margin: .3rem 0; }
ul.listed li { padding: .3rem 0; border-bottom: 1px dotted var(--rule); }
.facts { display: block; color: var(--muted); font-size: .9em; }
.note { display: block; font-size: .9em; }
@page { size: A4 landscape; margin: 12mm 12mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr, ul.listed li { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"#;

pub(super) fn render(report: &FollowUp, lang: Lang) -> String {
    let t = i18n::strings(lang);
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(t.report_title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(t.report_title));
    let _ = writeln!(
        out,
        "<p class=\"scope\">{}</p>",
        esc(&scope_line(report, lang))
    );
    if report.sessions == 0 {
        let _ = writeln!(out, "<p>{}</p>", esc(t.report_no_sessions));
    } else {
        table(&mut out, report, lang);
        list(&mut out, t.report_overdue, &report.overdue, lang);
        list(&mut out, t.report_blocked, &report.blocked, lang);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn class(c: Category) -> &'static str {
    match c {
        c if c.is_overdue() => " overdue",
        Category::Blocked => " blocked",
        _ => "",
    }
}

fn table(out: &mut String, report: &FollowUp, lang: Lang) {
    let t = i18n::strings(lang);
    out.push_str("<table class=\"report\">\n<colgroup><col class=\"name\">");
    out.push_str(&"<col>".repeat(Category::ALL.len() + 1));
    out.push_str("</colgroup>\n<thead><tr>");
    let _ = write!(
        out,
        "<th class=\"name\" scope=\"col\">{}</th>",
        esc(rows_heading(report.scope.by, lang))
    );
    for c in Category::ALL {
        let _ = write!(
            out,
            "<th class=\"{}\" scope=\"col\">{}</th>",
            class(c).trim(),
            esc(category_word(c, lang))
        );
    }
    let _ = writeln!(
        out,
        "<th scope=\"col\">{}</th></tr></thead>",
        esc(t.report_total)
    );
    out.push_str("<tbody>\n");
    for row in &report.rows {
        counts_row(out, "", &row_title(&row.label, lang), &row.counts);
    }
    counts_row(out, " class=\"total\"", t.report_all_rows, &report.total);
    out.push_str("</tbody>\n</table>\n");
}

fn counts_row(out: &mut String, attrs: &str, title: &str, counts: &Counts) {
    let _ = write!(out, "<tr{attrs}><td class=\"name\">{}</td>", esc(title));
    for (c, n) in counts.each() {
        let zero = if n == 0 { " zero" } else { "" };
        let _ = write!(out, "<td class=\"n{}{zero}\">{n}</td>", class(c));
    }
    let _ = writeln!(out, "<td class=\"n\">{}</td></tr>", counts.total());
}

fn list(out: &mut String, heading: &str, listed: &[Arc<Listed>], lang: Lang) {
    let t = i18n::strings(lang);
    let _ = writeln!(out, "<h2>{} ({})</h2>", esc(heading), listed.len());
    if listed.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(t.nothing));
        return;
    }
    out.push_str("<ul class=\"listed\">\n");
    for l in listed {
        let _ = write!(
            out,
            "<li>{}<span class=\"facts\">{}</span>",
            esc(&l.text),
            esc(&listed_facts(l, lang))
        );
        if let Some(note) = &l.note {
            let _ = write!(
                out,
                "<span class=\"note\">{}</span>",
                esc(&note_line(note, lang))
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}
