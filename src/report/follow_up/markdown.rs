//! The report as Markdown: a GitHub table with the categories as columns, then the lists.

use std::sync::Arc;

use super::{
    Counts, FollowUp, Listed, listed_facts, note_line, row_title, rows_heading, scope_line,
};
use crate::i18n;
use crate::model::Lang;
use crate::model::progress::Category;
use crate::present::words::category_word;
use crate::report::markdown::escape;

pub(super) fn render(report: &FollowUp, lang: Lang) -> String {
    let t = i18n::strings(lang);
    let mut out = format!(
        "# {}\n\n{}\n",
        t.report_title,
        escape(&scope_line(report, lang))
    );
    if report.sessions == 0 {
        out.push_str(&format!("\n{}\n", t.report_no_sessions));
        return out;
    }
    out.push('\n');
    let mut head = vec![cell(rows_heading(report.scope.by, lang))];
    head.extend(Category::ALL.map(|c| cell(category_word(c, lang))));
    head.push(cell(t.report_total));
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    let mut rule = vec![":--".to_string()];
    rule.extend(std::iter::repeat_n(
        "--:".to_string(),
        Category::ALL.len() + 1,
    ));
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in &report.rows {
        out.push_str(&counts_row(
            &cell(&row_title(&row.label, lang)),
            &row.counts,
        ));
    }
    let all = format!("**{}**", cell(t.report_all_rows));
    out.push_str(&counts_row(&all, &report.total));
    list(&mut out, t.report_overdue, &report.overdue, lang);
    list(&mut out, t.report_blocked, &report.blocked, lang);
    out
}

fn counts_row(title: &str, counts: &Counts) -> String {
    let numbers: Vec<String> = counts.each().map(|(_, n)| n.to_string()).collect();
    format!(
        "| {title} | {} | {} |\n",
        numbers.join(" | "),
        counts.total()
    )
}

/// Text for a table cell: on one line, escaped (pipes too).
fn cell(text: &str) -> String {
    escape(&text.replace(['\n', '\r'], " "))
}

fn list(out: &mut String, heading: &str, listed: &[Arc<Listed>], lang: Lang) {
    let t = i18n::strings(lang);
    out.push_str(&format!("\n## {} ({})\n\n", escape(heading), listed.len()));
    if listed.is_empty() {
        out.push_str(&format!("{}\n", t.nothing));
    }
    for l in listed {
        out.push_str(&format!("- {}  \n", escape(&l.text)));
        out.push_str(&format!("  *{}*", escape(&listed_facts(l, lang))));
        if let Some(note) = &l.note {
            out.push_str(&format!("  \n  {}", escape(&note_line(note, lang))));
        }
        out.push('\n');
    }
}
