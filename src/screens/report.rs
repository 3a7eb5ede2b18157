//! The implementation report view (`r`): the numbers of `briefing report` over every loaded
//! session, by locality, assignee or session (`b` switches), then the overdue and blocked
//! directives with their latest note. Merged from each session's share of the report, which the
//! app keeps in `Ctx::tallies` (the shares `report::follow_up::tally`, the function every
//! printed format uses, merges), so the numbers agree; the lines are made when the world or the
//! width changes, never while drawing.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Ctx, Intent, MOVES, Offer, View, header_and_list, without_tabs};
use crate::i18n;
use crate::input::Command;
use crate::model::Lang;
use crate::model::progress::Category;
use crate::present::follow_up::{column_legend, column_mark};
use crate::present::truncate;
use crate::report::follow_up::{
    self, Counts, FollowUp, Grouping, Listed, Scope, listed_facts, note_line, number_widths,
    row_title, rows_heading, rows_width, scope_line,
};
use crate::ui::text::{pad, wrap};
use crate::ui::theme::Theme;
use crate::ui::tone::{Tone, Toned};

/// One count's column, at least.
const CELL: usize = 5;
/// The total's column, at least.
const TOTAL: usize = 9;
/// Columns before a listed directive's text.
const INDENT: usize = 2;

/// What the lines were made from: when any of it changes they are made again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Made {
    revision: u64,
    today: NaiveDate,
    by: Grouping,
    lang: Lang,
    width: u16,
}

#[derive(Debug, Default)]
pub struct ReportScreen {
    by: Grouping,
    /// The first line in view: a block and a line of it.
    at: Place,
    report: Option<FollowUp>,
    /// The lines before each list (the table, the legend, the lists' headings); a listed
    /// directive's lines are made only when it comes into view.
    parts: Parts,
    made: Option<Made>,
}

/// A line of the view: the `line`th of block `block`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    block: usize,
    line: usize,
}

/// The view as blocks: each line of `head` one block, each overdue directive one, each line of
/// `middle` one, each blocked directive one.
#[derive(Debug, Default)]
struct Parts {
    head: Vec<Toned>,
    middle: Vec<Toned>,
    width: usize,
    lang: Lang,
}

/// What a block is.
enum Block<'a> {
    Line(&'a Toned),
    Item(&'a Listed),
}

impl ReportScreen {
    pub(crate) fn new(ctx: &Ctx) -> Self {
        let mut screen = ReportScreen::default();
        screen.refresh(ctx);
        screen
    }

    /// The grouping in force.
    pub fn by(&self) -> Grouping {
        self.by
    }

    /// The report shown (the same numbers as `briefing report` over the loaded sessions).
    pub fn report(&self) -> Option<&FollowUp> {
        self.report.as_ref()
    }

    /// The first block in view (a line of the table, or a listed directive).
    pub fn offset(&self) -> usize {
        self.at.block
    }

    fn made_for(&self, ctx: &Ctx) -> Made {
        Made {
            revision: ctx.revision,
            today: ctx.today,
            by: self.by,
            lang: ctx.lang,
            width: ctx.area.width,
        }
    }

    /// Merges the sessions' kept shares again when the sessions or the day changed, the rows
    /// alone when the grouping did; makes the fixed lines again when any of those or the
    /// language or the width did.
    fn remake(&mut self, ctx: &Ctx) {
        let made = self.made_for(ctx);
        if self.made == Some(made) {
            return;
        }
        let counted =
            (self.made).is_some_and(|m| (m.revision, m.today) == (made.revision, made.today));
        match &mut self.report {
            Some(report) if counted && ctx.tallies.covers(ctx.today) => {
                if report.scope.by != self.by {
                    ctx.tallies.regroup(report, self.by);
                }
            }
            _ => self.report = Some(self.count(ctx)),
        }
        if let Some(report) = &self.report {
            self.parts = parts(report, ctx.lang, usize::from(ctx.area.width));
        }
        self.made = Some(made);
    }

    /// The report over every loaded session: merged from the kept shares, or counted afresh
    /// when they are not those of the catalog on this day.
    fn count(&self, ctx: &Ctx) -> FollowUp {
        let scope = Scope {
            from: None,
            to: None,
            by: self.by,
            today: ctx.today,
        };
        if ctx.tallies.covers(ctx.today) {
            ctx.tallies.report(&scope)
        } else {
            follow_up::tally(&ctx.catalog.sessions, &scope)
        }
    }

    fn blocks(&self) -> usize {
        let listed = self
            .report
            .as_ref()
            .map_or(0, |r| r.overdue.len() + r.blocked.len());
        self.parts.head.len() + self.parts.middle.len() + listed
    }

    fn block(&self, i: usize) -> Option<Block<'_>> {
        let report = self.report.as_ref()?;
        let (head, middle) = (&self.parts.head, &self.parts.middle);
        let mut i = i;
        if let Some(line) = head.get(i) {
            return Some(Block::Line(line));
        }
        i -= head.len();
        if let Some(item) = report.overdue.get(i) {
            return Some(Block::Item(item));
        }
        i -= report.overdue.len();
        if let Some(line) = middle.get(i) {
            return Some(Block::Line(line));
        }
        i -= middle.len();
        report.blocked.get(i).map(|l| Block::Item(l))
    }

    fn lines_of(&self, i: usize) -> Vec<Toned> {
        match self.block(i) {
            Some(Block::Line(line)) => vec![line.clone()],
            Some(Block::Item(item)) => item_lines(item, self.parts.lang, self.parts.width),
            None => Vec::new(),
        }
    }

    fn height(&self, i: usize) -> usize {
        self.lines_of(i).len().max(1)
    }

    /// The last first line: the place from which the last lines fill the view.
    fn last_place(&self, view: usize) -> Place {
        let mut left = view;
        for block in (0..self.blocks()).rev() {
            let height = self.height(block);
            if height >= left {
                return Place {
                    block,
                    line: height - left,
                };
            }
            left -= height;
        }
        Place::default()
    }

    /// `n` lines down from `at` (or up, when `up`), kept within the view's range.
    fn moved(&self, at: Place, n: usize, up: bool, view: usize) -> Place {
        let mut at = at;
        for _ in 0..n {
            if up {
                if at.line > 0 {
                    at.line -= 1;
                } else if at.block > 0 {
                    at.block -= 1;
                    at.line = self.height(at.block) - 1;
                } else {
                    break;
                }
            } else if at.line + 1 < self.height(at.block) {
                at.line += 1;
            } else if at.block + 1 < self.blocks() {
                at = Place {
                    block: at.block + 1,
                    line: 0,
                };
            } else {
                break;
            }
        }
        at.min(self.last_place(view))
    }

    fn scroll(&mut self, ctx: &Ctx, c: Command) -> bool {
        let view = view_height(ctx);
        self.at = match c {
            Command::Up => self.moved(self.at, 1, true, view),
            Command::Down => self.moved(self.at, 1, false, view),
            Command::PageUp => self.moved(self.at, view, true, view),
            Command::PageDown => self.moved(self.at, view, false, view),
            Command::First => Place::default(),
            Command::Last => self.last_place(view),
            _ => return false,
        };
        true
    }

    /// The lines in view from `at`, at most `height` of them.
    fn visible(&self, height: usize) -> Vec<Toned> {
        let mut out = Vec::with_capacity(height);
        let mut skip = self.at.line;
        for block in self.at.block..self.blocks() {
            if out.len() >= height {
                break;
            }
            out.extend(self.lines_of(block).into_iter().skip(skip));
            skip = 0;
        }
        out.truncate(height);
        out
    }
}

fn view_height(ctx: &Ctx) -> usize {
    let [_, list] = header_and_list(ctx.area);
    usize::from(list.height).max(1)
}

/// The fixed lines of the view at `width` columns: the table and the legend with the first
/// list's heading, and the second list's heading.
fn parts(report: &FollowUp, lang: Lang, width: usize) -> Parts {
    let t = i18n::strings(lang);
    let mut head = Vec::new();
    let mut middle = Vec::new();
    if report.sessions == 0 {
        head.push(Toned::one(
            format!(" {}", t.report_no_sessions),
            Tone::Muted,
        ));
    } else {
        table(&mut head, report, lang, width);
        head.push(Toned::new());
        head.push(Toned::one(format!(" {}:", t.report_columns), Tone::Muted));
        let legends: Vec<String> = Category::ALL.map(|c| column_legend(c, lang)).to_vec();
        let column = legends.iter().map(|l| l.width()).max().unwrap_or(0) + 3;
        let per_line = ((width.saturating_sub(2)) / column).clamp(1, 4);
        for chunk in legends.chunks(per_line) {
            let text: String = chunk.iter().map(|l| padded(l, column)).collect();
            head.push(Toned::one(
                truncate(&format!("  {}", text.trim_end()), width),
                Tone::Muted,
            ));
        }
        list_heading(
            &mut head,
            t.report_overdue,
            report.overdue.len(),
            lang,
            width,
        );
        list_heading(
            &mut middle,
            t.report_blocked,
            report.blocked.len(),
            lang,
            width,
        );
    }
    Parts {
        head,
        middle,
        width,
        lang,
    }
}

/// Every line of the view at `width` columns: the table, the legend, the lists.
#[cfg(test)]
pub(crate) fn report_lines(report: &FollowUp, lang: Lang, width: usize) -> Vec<Toned> {
    let parts = parts(report, lang, width);
    let items = |list: &[std::sync::Arc<Listed>]| -> Vec<Toned> {
        list.iter()
            .flat_map(|l| item_lines(l, lang, width))
            .collect()
    };
    let mut out = parts.head.clone();
    out.extend(items(&report.overdue));
    out.extend(parts.middle.clone());
    out.extend(items(&report.blocked));
    out
}

/// The widths of the table's columns at a terminal width: the label's beside the numbers, or
/// on a line of its own above them when the terminal is narrow.
#[derive(Clone, Copy)]
struct Columns {
    label: usize,
    cell: usize,
    total: usize,
    stacked: bool,
}

impl Columns {
    fn numbers(&self) -> usize {
        Category::ALL.len() * self.cell + self.total
    }
}

/// A label narrower than this goes on its own line.
const MIN_LABEL: usize = 12;

fn columns(report: &FollowUp, lang: Lang, width: usize) -> Columns {
    let (cell, total) = number_widths(report, CELL, TOTAL);
    let wide = Category::ALL.len() * cell + total;
    let stacked = width < wide + 2 + MIN_LABEL;
    let (cell, total) = if width < wide + 2 {
        number_widths(report, CELL - 1, TOTAL - 3)
    } else {
        (cell, total)
    };
    let room = if stacked { 0 } else { width - wide - 2 };
    let widths = (report.rows.iter()).map(|r| row_title(&r.label, lang).width());
    let label = rows_width(widths, report.scope.by, lang, room);
    Columns {
        label,
        cell,
        total,
        stacked,
    }
}

fn table(out: &mut Vec<Toned>, report: &FollowUp, lang: Lang, width: usize) {
    let t = i18n::strings(lang);
    let cols = columns(report, lang, width);
    let heading = rows_heading(report.scope.by, lang);
    if cols.stacked {
        out.push(Toned::one(
            truncate(&format!(" {heading}"), width),
            Tone::Heading,
        ));
    }
    let mut head = format!(
        " {}",
        padded(if cols.stacked { "" } else { heading }, cols.label)
    );
    for c in Category::ALL {
        head.push_str(&format!("{:>w$}", column_mark(c), w = cols.cell));
    }
    let total = truncate(t.report_total, cols.total - 1);
    head.push_str(&format!(
        "{}{total}",
        " ".repeat(cols.total - total.width())
    ));
    out.push(Toned::one(truncate(&head, width), Tone::Heading));
    let rule = "─".repeat(cols.label + cols.numbers());
    let rule = Toned::one(truncate(&format!(" {rule}"), width), Tone::Muted);
    out.push(rule.clone());
    for row in &report.rows {
        let title = row_title(&row.label, lang);
        rows_lines(out, &title, &row.counts, cols, Tone::Plain, width);
    }
    out.push(rule);
    rows_lines(
        out,
        t.report_all_rows,
        &report.total,
        cols,
        Tone::Title,
        width,
    );
}

/// A row's line, or its label's line and its counts' when the table is stacked.
fn rows_lines(
    out: &mut Vec<Toned>,
    title: &str,
    counts: &Counts,
    cols: Columns,
    tone: Tone,
    width: usize,
) {
    if cols.stacked {
        out.push(Toned::one(truncate(&format!(" {title}"), width), tone));
        out.push(counts_line("", counts, cols, tone));
    } else {
        out.push(counts_line(title, counts, cols, tone));
    }
}

/// ` Huyện Đầm Hà      1    0 …   21`: a row's counts, overdue and blocked ones in their tone
/// when not zero, zeros muted.
fn counts_line(title: &str, counts: &Counts, cols: Columns, tone: Tone) -> Toned {
    let label = cols.label;
    let mut line = Toned::one(format!(" {}", padded(&truncate(title, label), label)), tone);
    for (c, n) in counts.each() {
        let cell_tone = match (n, c) {
            (0, _) => Tone::Muted,
            (_, c) if c.is_overdue() || c == Category::Blocked => Tone::Overdue,
            (_, Category::DoneOnTime | Category::DoneLate) => Tone::Done,
            _ => tone,
        };
        line = line.and(format!("{n:>w$}", w = cols.cell), cell_tone);
    }
    line.and(
        format!("{:>w$}", counts.total(), w = cols.total),
        Tone::Title,
    )
}

/// `text` and the spaces that make it `width` columns wide.
fn padded(text: &str, width: usize) -> String {
    format!("{text}{}", pad(text, width))
}

/// A blank line, then a list's heading with its count, and `(none)` under an empty one.
fn list_heading(out: &mut Vec<Toned>, heading: &str, count: usize, lang: Lang, width: usize) {
    let t = i18n::strings(lang);
    out.push(Toned::new());
    let title = format!(" {heading} ({count})");
    out.push(Toned::one(truncate(&title, width), Tone::Heading));
    if count == 0 {
        out.push(Toned::one(
            format!("{}{}", " ".repeat(INDENT), t.nothing),
            Tone::Muted,
        ));
    }
}

/// A listed directive: its text after a bullet, its facts, its latest note; wrapped.
fn item_lines(l: &Listed, lang: Lang, width: usize) -> Vec<Toned> {
    let room = width.saturating_sub(INDENT + 2).max(1);
    let mut out = Vec::new();
    for (i, part) in wrap(&l.text, room).into_iter().enumerate() {
        let head = if i == 0 { "• " } else { "  " };
        out.push(
            Toned::one(" ".repeat(INDENT), Tone::Plain)
                .and(head, Tone::Overdue)
                .and(part, Tone::Plain),
        );
    }
    let facts = listed_facts(l, lang);
    out.extend(Toned::wrapped(
        ("", Tone::Muted),
        (&facts, Tone::Muted),
        INDENT + 2,
        room,
    ));
    if let Some(note) = &l.note {
        let note = note_line(note, lang);
        out.extend(Toned::wrapped(
            ("", Tone::Plain),
            (&note, Tone::Accent),
            INDENT + 2,
            room,
        ));
    }
    out
}

impl View for ReportScreen {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        let mut offers = vec![
            Offer::hint(Command::ReportBy),
            Offer::hint(Command::PageDown),
            Offer::hint(Command::Back),
            Offer::hint(Command::Help),
        ];
        offers.extend(MOVES.into_iter().filter(|o| o.command != Command::PageDown));
        offers.push(Offer::help(Command::Quit));
        offers
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let c = without_tabs(c);
        if self.scroll(ctx, c) {
            return Intent::None;
        }
        match c {
            Command::ReportBy => {
                self.by = self.by.next();
                self.at = Place::default();
                self.remake(ctx);
                Intent::None
            }
            Command::Back => Intent::Back,
            Command::Quit => Intent::ToList,
            _ => Intent::None,
        }
    }

    fn refresh(&mut self, ctx: &Ctx) {
        self.remake(ctx);
        let blocks = self.blocks();
        if self.at.block >= blocks {
            self.at = Place::default();
        }
        self.at.line = self.at.line.min(self.height(self.at.block) - 1);
        self.at = self.at.min(self.last_place(view_height(ctx)));
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let [header, body] = header_and_list(area);
        let t = i18n::strings(ctx.lang);
        let width = usize::from(header.width);
        let by = rows_heading(self.by, ctx.lang).to_lowercase();
        let title = format!(" {} · {}", t.report_title, t.report_grouped(&by));
        let scope = self
            .report
            .as_ref()
            .map(|r| format!(" {}", scope_line(r, ctx.lang)))
            .unwrap_or_default();
        let head = vec![
            theme.paint(&Toned::one(truncate(&title, width), Tone::Title)),
            theme.paint(&Toned::one(truncate(&scope, width), Tone::Muted)),
        ];
        frame.render_widget(Paragraph::new(head), header);
        let lines: Vec<Line<'static>> = (self.visible(usize::from(body.height)).iter())
            .map(|l| theme.paint(l))
            .collect();
        frame.render_widget(Paragraph::new(lines), body);
    }
}

#[cfg(test)]
mod tests;
