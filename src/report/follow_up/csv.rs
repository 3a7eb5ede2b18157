//! The report as CSV for LibreOffice and Excel: UTF-8 with a byte order mark (so both read
//! Vietnamese as UTF-8), commas, RFC 4180 quoting; the table, a blank line, then the overdue
//! and blocked directives as rows of their own. A text cell that a spreadsheet would read as a
//! formula (`=`, `+`, `-`, `@` first) starts with `'`.

use std::sync::Arc;

use super::{Counts, FollowUp, Listed, row_title, rows_heading, session_of};
use crate::i18n;
use crate::model::Lang;
use crate::model::progress::Category;
use crate::present::due_text;
use crate::present::follow_up::note_stamp;
use crate::present::words::category_word;

/// Tells a spreadsheet the file is UTF-8.
const BOM: &str = "\u{feff}";

pub(super) fn render(report: &FollowUp, lang: Lang) -> String {
    let t = i18n::strings(lang);
    let mut out = String::from(BOM);
    let mut head = vec![rows_heading(report.scope.by, lang).to_string()];
    head.extend(Category::ALL.map(|c| category_word(c, lang).to_string()));
    head.push(t.report_total.to_string());
    line(&mut out, &head);
    for row in &report.rows {
        counts(&mut out, row_title(&row.label, lang), &row.counts);
    }
    counts(&mut out, t.report_all_rows.to_string(), &report.total);
    listed(&mut out, t.report_overdue, &report.overdue, lang);
    listed(&mut out, t.report_blocked, &report.blocked, lang);
    out
}

fn counts(out: &mut String, title: String, counts: &Counts) {
    let mut cells = vec![title];
    cells.extend(counts.each().map(|(_, n)| n.to_string()));
    cells.push(counts.total().to_string());
    line(out, &cells);
}

/// A blank line, the list's heading, its column names, then a row per directive.
fn listed(out: &mut String, heading: &str, listed: &[Arc<Listed>], lang: Lang) {
    let t = i18n::strings(lang);
    out.push('\n');
    line(out, &[heading.to_string()]);
    let head = [
        t.field_directive,
        t.due,
        t.report_category,
        t.report_percent,
        t.districts,
        t.owner,
        t.report_row_session,
        t.report_session_id,
        t.latest_note,
        t.report_note_stamp,
    ];
    line(out, &head.map(str::to_string));
    for l in listed {
        let (note, stamp) = match &l.note {
            Some(n) => (n.text.to_string(), note_stamp(&n.at, Some(&n.by))),
            None => (String::new(), String::new()),
        };
        line(
            out,
            &[
                listed_text(l, lang),
                l.due.map(|d| due_text(d, lang)).unwrap_or_default(),
                category_word(l.category, lang).to_string(),
                l.percent.map(|p| p.to_string()).unwrap_or_default(),
                l.localities.join(", "),
                l.owner.as_deref().unwrap_or_default().to_string(),
                session_of(l, lang),
                l.session_id.to_string(),
                note,
                stamp,
            ],
        );
    }
}

/// The listed item's text; a locality's proposal marked as one (`Kiến nghị của địa phương: …`).
fn listed_text(l: &Listed, lang: Lang) -> String {
    match l.proposal {
        true => format!("{}: {}", i18n::strings(lang).report_proposal, l.text),
        false => l.text.to_string(),
    }
}

/// One record: fields quoted when they hold a comma, a quote or a line break, quotes doubled.
fn line(out: &mut String, cells: &[String]) {
    let fields: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&fields.join(","));
    out.push('\n');
}

fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(field("Đầm Hà"), "Đầm Hà");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("nói \"có\""), "\"nói \"\"có\"\"\"");
        assert_eq!(field("dòng 1\ndòng 2"), "\"dòng 1\ndòng 2\"");
        assert_eq!(field("=1+1"), "'=1+1");
    }
}
