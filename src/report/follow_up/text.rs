//! The report as plain text for a terminal or a printer: the table at 80 columns with
//! numbered category columns and their legend, then the lists, written a piece at a time.

use std::fmt::Write as _;
use std::io;
use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use super::{
    Counts, Facts, FollowUp, Listed, number_widths, push_note_line, row_title, rows_heading,
    rows_width, scope_line,
};
use crate::i18n;
use crate::model::Lang;
use crate::model::progress::Category;
use crate::present::follow_up::{column_legend, column_mark};
use crate::present::truncate;
use crate::report::text::wrap_into;

/// The whole width.
const WIDTH: usize = 80;
/// One number's column, at least.
const CELL: usize = 5;
/// The total's column, at least.
const TOTAL: usize = 9;

/// Listed directives made into one text, a few hundred kilobytes: every core makes the next
/// while the one before is written.
const ROUND: usize = 512;

/// The report given to `put` a piece at a time: the table and the legend, then each list's
/// directives, rounds of them made on every core and put in order (ten thousand sessions
/// list over a hundred thousand: their text, tens of megabytes, is never held whole).
pub(super) fn write(
    report: &FollowUp,
    lang: Lang,
    put: &mut dyn FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    let t = i18n::strings(lang);
    let mut out = String::with_capacity(4096);
    out.push_str(&t.report_title.to_uppercase());
    out.push('\n');
    wrap_into(&mut out, &scope_line(report, lang), "", "");
    out.push('\n');
    if report.sessions == 0 {
        out.push_str(t.report_no_sessions);
        out.push('\n');
        return put(&out);
    }
    table(&mut out, report, lang);
    out.push('\n');
    out.push_str(&format!("{}:\n", t.report_columns));
    for c in Category::ALL {
        out.push_str(&format!("  {}\n", column_legend(c, lang)));
    }
    list(&mut out, t.report_overdue, &report.overdue, lang, put)?;
    list(&mut out, t.report_blocked, &report.blocked, lang, put)?;
    put(&out)
}

/// The table: one line per row, the totals last.
fn table(out: &mut String, report: &FollowUp, lang: Lang) {
    let t = i18n::strings(lang);
    let (cell, total) = number_widths(report, CELL, TOTAL);
    let numbers = Category::ALL.len() * cell + total;
    let room = WIDTH.saturating_sub(numbers + 1);
    let titles: Vec<String> = (report.rows.iter())
        .map(|r| {
            truncate(
                &crate::terminal_text::one_line(&row_title(&r.label, lang)),
                room,
            )
        })
        .collect();
    let widths = titles.iter().map(|l| l.width());
    let label_width = rows_width(widths, report.scope.by, lang, room);
    let mut head = pad(rows_heading(report.scope.by, lang), label_width);
    for c in Category::ALL {
        head.push_str(&format!("{:>cell$}", column_mark(c)));
    }
    head.push_str(&right(t.report_total, total));
    out.push_str(head.trim_end());
    out.push('\n');
    out.push_str(&"─".repeat(label_width + numbers));
    out.push('\n');
    let line = |title: &str, counts: &Counts| {
        let mut line = pad(title, label_width);
        for (_, n) in counts.each() {
            line.push_str(&format!("{n:>cell$}"));
        }
        line.push_str(&format!("{:>total$}\n", counts.total()));
        line
    };
    for (title, row) in titles.iter().zip(&report.rows) {
        out.push_str(&line(title, &row.counts));
    }
    out.push_str(&"─".repeat(label_width + numbers));
    out.push('\n');
    out.push_str(&line(t.report_all_rows, &report.total));
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn right(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// A list of directives under its heading (after what `out` holds), each with its facts and
/// latest note.
fn list(
    out: &mut String,
    heading: &str,
    listed: &[Arc<Listed>],
    lang: Lang,
    put: &mut dyn FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    let t = i18n::strings(lang);
    let _ = write!(out, "\n{heading} ({})\n", listed.len());
    if listed.is_empty() {
        let _ = writeln!(out, "  {}", t.nothing);
    }
    put(out)?;
    out.clear();
    let rounds: Vec<&[Arc<Listed>]> = listed.chunks(ROUND).collect();
    crate::cores::write_in_order(&rounds, |text, round| items(text, round, lang), put)
}

/// Listed directives as the list has them, in `out` (emptied first): each text after its
/// bullet, its facts, its note.
pub(super) fn items(out: &mut String, listed: &[Arc<Listed>], lang: Lang) {
    out.clear();
    out.reserve(size(listed));
    // One line of facts at a time, made in the same buffer and wrapped into `out`.
    let mut line = String::new();
    let mut facts = Facts::new(lang);
    for l in listed {
        wrap_into(out, &l.text, "  • ", "    ");
        line.clear();
        facts.push(&mut line, l);
        wrap_into(out, &line, "    ", "    ");
        if let Some(note) = &l.note {
            line.clear();
            push_note_line(&mut line, note, lang);
            wrap_into(out, &line, "    ", "    ");
        }
    }
}

/// About how many bytes `listed` take as text: each directive's texts and ~200 bytes of facts
/// and indents (enough that the text is not copied as it grows).
fn size(listed: &[Arc<Listed>]) -> usize {
    (listed.iter())
        .map(|l| {
            l.text.len() + l.session_title.len() + l.note.as_ref().map_or(0, |n| n.text.len()) + 200
        })
        .sum()
}
