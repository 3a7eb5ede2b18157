//! What a session tab shows, as blocks, and the one producer of their lines. Navigation and
//! drawing both use the lines it makes: a block's height is the number of its lines, and a tab
//! is made into lines once per width (kept in [`TabCache`]), so a key does not wrap it again.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::i18n;
use crate::model::filter::DirectiveFilter;
use crate::model::{
    Directive, DirectiveRef, Gauge, Indicator, Lang, Reading, Session, Status, format,
};
use crate::present::{
    against, bar_cells, done_count, indicator_title, overdue_text, paragraphs, participant_line,
    ratio_text, reading_text, status_word, truncate, value_text,
};
use crate::ui::format::{CHECKBOX, checkbox_cell};
use crate::ui::text::{pad, wrap};
use crate::ui::tone::{Tone, Toned};

/// Columns taken by the selection gutter on every line.
pub const GUTTER: usize = 2;
/// Columns before a bullet's text.
const BULLET_INDENT: usize = 2;

/// A titled part of a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Summary,
    Participants,
    Districts,
    SessionDirectives,
    /// The session-wide directives that concern a locality, on its tab.
    SharedDirectives,
    Highlights,
    Strengths,
    Shortcomings,
    Indicators,
    Directives,
}

/// One block of a tab. Every block but a heading can be selected.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(Section),
    Paragraph(String),
    Bullet(String),
    Participant(usize),
    /// A district's one-line overview (on the session's first tab).
    DistrictLine(usize),
    Indicator {
        district: usize,
        index: usize,
    },
    Directive(DirectiveRef),
    /// "none" under a section that has nothing.
    Nothing,
}

impl Block {
    pub fn selectable(&self) -> bool {
        !matches!(self, Block::Heading(_))
    }

    /// Drawn reversed when selected (the others show the selection in the gutter only).
    pub fn reversed_when_selected(&self) -> bool {
        matches!(
            self,
            Block::DistrictLine(_) | Block::Bullet(_) | Block::Participant(_) | Block::Nothing
        )
    }
}

fn push_section(blocks: &mut Vec<Block>, section: Section, items: Vec<Block>) {
    blocks.push(Block::Heading(section));
    if items.is_empty() {
        blocks.push(Block::Nothing);
    } else {
        blocks.extend(items);
    }
}

fn text_blocks(summary: Option<&str>) -> Vec<Block> {
    (summary.map(paragraphs).unwrap_or_default().into_iter())
        .map(Block::Paragraph)
        .collect()
}

/// The directives of `district` (`None`: the session's own) that `show` accepts.
fn directive_blocks(
    session: &Session,
    district: Option<usize>,
    show: &impl Fn(&Directive) -> bool,
) -> Vec<Block> {
    session
        .directives_with_refs()
        .filter(|(r, d)| r.district == district && show(d))
        .map(|(r, _)| Block::Directive(r))
        .collect()
}

/// The blocks of tab `tab`: 0 is the overview, 1.. are the districts in file order.
/// Only directives that `show` accepts are included.
pub fn blocks(session: &Session, tab: usize, show: impl Fn(&Directive) -> bool) -> Vec<Block> {
    let mut out = Vec::new();
    if tab == 0 {
        let summary = text_blocks(session.summary.as_deref());
        push_section(&mut out, Section::Summary, summary);
        let districts = (0..session.districts.len()).map(Block::DistrictLine);
        push_section(&mut out, Section::Districts, districts.collect());
        let participants = (0..session.participants.len()).map(Block::Participant);
        push_section(&mut out, Section::Participants, participants.collect());
        let directives = directive_blocks(session, None, &show);
        push_section(&mut out, Section::SessionDirectives, directives);
        return out;
    }
    let d = tab - 1;
    let Some(district) = session.districts.get(d) else {
        return out;
    };
    push_section(
        &mut out,
        Section::Summary,
        text_blocks(district.summary.as_deref()),
    );
    let indicators =
        (0..district.indicators.len()).map(|index| Block::Indicator { district: d, index });
    push_section(&mut out, Section::Indicators, indicators.collect());
    let directives = directive_blocks(session, Some(d), &show);
    push_section(&mut out, Section::Directives, directives);
    let shared: Vec<Block> = (session.shared_directives(d))
        .filter(|(_, directive)| show(directive))
        .map(|(r, _)| Block::Directive(r))
        .collect();
    if session.shared_directives(d).next().is_some() {
        push_section(&mut out, Section::SharedDirectives, shared);
    }
    for (section, items) in [
        (Section::Highlights, &district.highlights),
        (Section::Strengths, &district.strengths),
        (Section::Shortcomings, &district.shortcomings),
    ] {
        if !items.is_empty() {
            let bullets = items.iter().cloned().map(Block::Bullet).collect();
            push_section(&mut out, section, bullets);
        }
    }
    out
}

/// The text a block shows, for finding a search's match in it.
pub fn block_text(session: &Session, block: &Block) -> Option<String> {
    match block {
        Block::Paragraph(text) | Block::Bullet(text) => Some(text.clone()),
        Block::Participant(p) => session
            .participants
            .get(*p)
            .map(|p| participant_line(p, " — ")),
        Block::DistrictLine(d) => session.districts.get(*d).map(|d| d.name.clone()),
        Block::Indicator { district, index } => (session.districts.get(*district))
            .and_then(|d| d.indicators.get(*index))
            .map(|i| i.name.clone()),
        Block::Directive(r) => session.directive(*r).map(|d| d.text.clone()),
        Block::Heading(_) | Block::Nothing => None,
    }
}

/// What the lines depend on besides the session and the width.
#[derive(Debug, Clone, Copy)]
pub struct Cx {
    pub lang: Lang,
    pub today: NaiveDate,
}

/// A heading has a blank line above it, unless it is first or follows a paragraph (which
/// ends with one).
fn gap_before(blocks: &[Block], i: usize) -> bool {
    i > 0 && !matches!(blocks.get(i - 1), Some(Block::Paragraph(_)))
}

fn section_title(lang: Lang, section: Section) -> &'static str {
    let t = i18n::strings(lang);
    match section {
        Section::Summary => t.summary,
        Section::Participants => t.participants,
        Section::Districts => t.districts,
        Section::SessionDirectives => t.session_directives,
        Section::SharedDirectives => t.shared_directives,
        Section::Highlights => t.highlights,
        Section::Strengths => t.strengths,
        Section::Shortcomings => t.shortcomings,
        Section::Indicators => t.indicators,
        Section::Directives => t.directives,
    }
}

/// The lines of block `i` of `blocks`, `width` columns wide (the gutter not included); a
/// selected directive also shows its note and who checked it off. The one producer of a
/// tab's lines.
pub fn block_lines(
    cx: &Cx,
    session: &Session,
    blocks: &[Block],
    i: usize,
    width: usize,
    selected: bool,
) -> Vec<Toned> {
    let bullet = |text: &str| -> Vec<Toned> {
        (wrap(text, width.saturating_sub(BULLET_INDENT))
            .into_iter()
            .enumerate())
        .map(|(i, l)| {
            Toned::one(
                format!("{}{l}", if i == 0 { "• " } else { "  " }),
                Tone::Plain,
            )
        })
        .collect()
    };
    let Some(block) = blocks.get(i) else {
        return Vec::new();
    };
    match block {
        Block::Heading(section) => {
            let title = Toned::one(section_title(cx.lang, *section), Tone::Heading);
            if gap_before(blocks, i) {
                vec![Toned::new(), title]
            } else {
                vec![title]
            }
        }
        Block::Paragraph(p) => {
            let mut lines: Vec<Toned> = (wrap(p, width).into_iter())
                .map(|l| Toned::one(l, Tone::Plain))
                .collect();
            lines.push(Toned::new());
            lines
        }
        Block::Bullet(b) => bullet(b),
        Block::Participant(p) => session
            .participants
            .get(*p)
            .map(|p| bullet(&participant_line(p, " — ")))
            .unwrap_or_default(),
        Block::DistrictLine(d) => district_lines(cx, session, *d, width),
        Block::Indicator { district, index } => session
            .districts
            .get(*district)
            .and_then(|d| d.indicators.get(*index))
            .map(|ind| indicator_lines(ind, width, cx.lang))
            .unwrap_or_default(),
        Block::Directive(r) => session
            .directive(*r)
            .map(|d| directive_lines(cx, d, width, selected))
            .unwrap_or_default(),
        Block::Nothing => vec![Toned::one(i18n::strings(cx.lang).nothing, Tone::Muted)],
    }
}

/// `chỉ tiêu: 4 đạt, 1 chưa đạt`: how many indicators of a locality have each verdict; `None`
/// when none has one.
fn verdict_counts(cx: &Cx, district: &crate::model::District) -> Option<String> {
    let statuses: Vec<Status> = (district.indicators.iter())
        .filter_map(|i| i.gauge().map(|g| g.status))
        .collect();
    let counts: Vec<String> = [Status::Met, Status::Near, Status::Behind]
        .into_iter()
        .map(|s| (s, statuses.iter().filter(|x| **x == s).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", status_word(s, cx.lang)))
        .collect();
    let t = i18n::strings(cx.lang);
    (!counts.is_empty())
        .then(|| i18n::fill(t.indicator_verdicts, &[("counts", &counts.join(", "))]))
}

/// A locality on the overview: its name (in a column as wide as the longest name), its
/// indicators' verdicts, and at the right its directives (the session-wide ones that concern
/// it included): `Đầm Hà   chỉ tiêu: 4 đạt, 1 chưa đạt   chỉ đạo: 0/21 xong · 1 quá hạn`.
/// When that does not fit, the verdicts go on a second line.
fn district_lines(cx: &Cx, session: &Session, d: usize, width: usize) -> Vec<Toned> {
    use unicode_width::UnicodeWidthStr;
    let Some(district) = session.districts.get(d) else {
        return Vec::new();
    };
    let t = i18n::strings(cx.lang);
    let p = session.locality_progress(d, cx.today);
    let mut progress = done_count(p, cx.lang);
    if p.overdue > 0 {
        progress.push_str(&format!(" · {}", overdue_text(p.overdue, cx.lang)));
    }
    let right = i18n::fill(t.directive_progress, &[("progress", &progress)]);
    let right_tone = if p.overdue > 0 {
        Tone::Overdue
    } else {
        Tone::Muted
    };
    let column = (session.districts.iter().map(|l| l.name.width()).max())
        .unwrap_or(0)
        .min(width / 3);
    let name = truncate(&district.name, column);
    let name_cell = format!("{name}{}", pad(&name, column));
    let verdicts = verdict_counts(cx, district).unwrap_or_default();
    let one_line = column + 2 + verdicts.width() + 2 + right.width() <= width;
    let middle = if one_line { verdicts.as_str() } else { "" };
    let left = (Toned::one(name_cell, Tone::Title).and("  ", Tone::Plain)).and(middle, Tone::Plain);
    let right = truncate(&right, width.saturating_sub(column + 2));
    let gap = " ".repeat(width.saturating_sub(left.width() + right.width()));
    let first = left.and(gap, Tone::Plain).and(right, right_tone);
    if one_line || verdicts.is_empty() {
        return vec![first];
    }
    let second = Toned::one("  ", Tone::Plain)
        .and(truncate(&verdicts, width.saturating_sub(2)), Tone::Plain);
    vec![first, second]
}

/// A bar of `width` cells filled to `fill` (0.0–1.0), the filled part in `tone`.
fn bar(fill: f64, width: usize, tone: Tone) -> Toned {
    let (filled, empty) = bar_cells(fill, width);
    Toned::one("█".repeat(filled), tone).and("░".repeat(empty), Tone::Muted)
}

/// The first line of an indicator, its lines under it (the verdict, or the share as a bar),
/// then every comparison the verdict does not use: `▲ 19,5% so với năm 2022`.
fn indicator_lines(ind: &Indicator, width: usize, lang: Lang) -> Vec<Toned> {
    use unicode_width::UnicodeWidthStr;
    let value = value_text(ind, lang, false);
    let name_room = width.saturating_sub(value.width() + 2);
    let name = truncate(&indicator_title(ind), name_room);
    let padding = pad(&name, name_room) + "  ";
    let first = (Toned::one(name, Tone::Plain).and(padding, Tone::Plain)).and(value, Tone::Title);
    let bar_width = (width / 3).clamp(5, 30);
    let mut out = vec![first];
    if let Some(g) = ind.gauge() {
        out.push(verdict_line(ind, &g, width, bar_width, lang));
    } else if let Some(share) = ind.share() {
        let text = format!(" {}", crate::present::with_unit(ind.value, Some("%"), lang));
        out.push(bar(share, bar_width, Tone::Accent).and(text, Tone::Muted));
    }
    for reading in ind.readings() {
        let text = reading_text(&reading, lang, false);
        let tone = match reading {
            Reading::Growth { .. } => Tone::Accent,
            Reading::Plan { .. } => Tone::Muted,
        };
        out.push(Toned::one(truncate(&text, width), tone));
    }
    out
}

/// `██████████▶ 100,8%  kế hoạch        ✓ đạt`: the bar, the ratio, what it is judged
/// against, and the verdict in a symbol and a word at the right.
fn verdict_line(ind: &Indicator, g: &Gauge, width: usize, bar_width: usize, lang: Lang) -> Toned {
    use unicode_width::UnicodeWidthStr;
    let tone = Tone::Status(g.status);
    let status = format!("{} {}", g.status.symbol(), status_word(g.status, lang));
    let over = if g.exceeds() { "▶" } else { " " };
    let ratio = format!("{:>7}", ratio_text(g, lang));
    let label = against(ind, g, lang).unwrap_or_default();
    let used = bar_width + 2 + ratio.width() + 2 + status.width() + 2;
    let label = truncate(&label, width.saturating_sub(used));
    let gap = width.saturating_sub(used - 2 + label.width());
    bar(g.fill(), bar_width, tone)
        .and(over, tone)
        .and(" ", Tone::Plain)
        .and(ratio, tone)
        .and("  ", Tone::Plain)
        .and(label, Tone::Muted)
        .and(" ".repeat(gap), Tone::Plain)
        .and(status, tone)
}

/// A directive: checkbox and wrapped text, owner and due date, and when selected its detail
/// (the note, who checked it off and when).
fn directive_lines(cx: &Cx, d: &Directive, width: usize, selected: bool) -> Vec<Toned> {
    let t = i18n::strings(cx.lang);
    let overdue = d.is_overdue(cx.today);
    let mark_tone = match (d.done, overdue) {
        (true, _) => Tone::Done,
        (false, true) => Tone::Overdue,
        (false, false) => Tone::Plain,
    };
    let text_tone = if d.done { Tone::Muted } else { Tone::Plain };
    let indent = " ".repeat(CHECKBOX);
    let room = width.saturating_sub(CHECKBOX);
    let mut out: Vec<Toned> = (wrap(&d.text, room).into_iter().enumerate())
        .map(|(i, l)| {
            let lead = if i == 0 {
                Toned::one(checkbox_cell(d.done), mark_tone)
            } else {
                Toned::one(indent.clone(), Tone::Plain)
            };
            lead.and(l, text_tone)
        })
        .collect();
    if d.owner.is_some() || d.due.is_some() {
        out.extend(meta_lines(cx, d, room, overdue));
    }
    if !selected {
        return out;
    }
    if let Some(note) = &d.note {
        for l in wrap(&format!("{}: {note}", t.note), room) {
            out.push(Toned::one(indent.clone(), Tone::Plain).and(l, Tone::Muted));
        }
    }
    if d.done && (d.done_by.is_some() || d.done_at.is_some()) {
        let mut s = t.checked_by.to_string();
        if let Some(by) = &d.done_by {
            s.push_str(&format!(" {by}"));
        }
        if let Some(at) = d.done_at {
            let when = format::date(at.date_naive());
            s.push_str(&format!(" {} {} {when}", t.at, at.format("%H:%M")));
        }
        out.push(Toned::one(indent, Tone::Plain).and(truncate(&s, room), Tone::Done));
    }
    out
}

/// `⚠ quá hạn · Hạn: 30/06/2024 · Thực hiện: Huyện ủy`, wrapped to `room` columns after the
/// indent.
fn meta_lines(cx: &Cx, d: &Directive, room: usize, overdue: bool) -> Vec<Toned> {
    let t = i18n::strings(cx.lang);
    let mut parts = Vec::new();
    if let Some(due) = d.due {
        parts.push(format!("{}: {}", t.due, format::date(due)));
    }
    if let Some(owner) = &d.owner {
        parts.push(format!("{}: {owner}", t.owner));
    }
    let flag = if overdue {
        format!("⚠ {} · ", t.overdue)
    } else {
        String::new()
    };
    let text = parts.join(" · ");
    Toned::wrapped((&flag, Tone::Overdue), (&text, Tone::Muted), CHECKBOX, room)
}

/// One tab made into lines at one width, none selected.
#[derive(Debug)]
pub struct TabLines {
    pub blocks: Vec<Block>,
    lines: Vec<Vec<Toned>>,
    /// First line of each block.
    tops: Vec<usize>,
    total: usize,
}

impl TabLines {
    /// Makes every block of tab `tab` into lines `width` columns wide.
    pub fn make(
        cx: &Cx,
        session: &Session,
        tab: usize,
        filter: DirectiveFilter,
        width: usize,
    ) -> Self {
        let blocks = blocks(session, tab, |d| filter.matches(d, cx.today));
        let lines: Vec<Vec<Toned>> = (0..blocks.len())
            .map(|i| block_lines(cx, session, &blocks, i, width, false))
            .collect();
        let mut tops = Vec::with_capacity(lines.len());
        let mut total = 0;
        for l in &lines {
            tops.push(total);
            total += l.len();
        }
        TabLines {
            blocks,
            lines,
            tops,
            total,
        }
    }

    pub fn first_selectable(&self) -> usize {
        self.blocks.iter().position(Block::selectable).unwrap_or(0)
    }

    pub fn last_selectable(&self) -> usize {
        self.blocks.iter().rposition(Block::selectable).unwrap_or(0)
    }
}

/// A tab with one block selected: the selected block's lines (with its detail) in place, and
/// where every block starts then.
pub struct Placed<'t> {
    pub tab: &'t TabLines,
    pub selected: usize,
    selected_lines: Vec<Toned>,
}

impl<'t> Placed<'t> {
    pub fn new(
        cx: &Cx,
        session: &Session,
        tab: &'t TabLines,
        selected: usize,
        width: usize,
    ) -> Self {
        let selected_lines = match tab.blocks.get(selected) {
            Some(Block::Directive(_)) => {
                block_lines(cx, session, &tab.blocks, selected, width, true)
            }
            _ => tab.lines.get(selected).cloned().unwrap_or_default(),
        };
        Placed {
            tab,
            selected,
            selected_lines,
        }
    }

    fn extra(&self) -> usize {
        let base = self.tab.lines.get(self.selected).map_or(0, Vec::len);
        self.selected_lines.len().saturating_sub(base)
    }

    pub fn lines(&self, i: usize) -> &[Toned] {
        if i == self.selected {
            &self.selected_lines
        } else {
            self.tab.lines.get(i).map_or(&[], Vec::as_slice)
        }
    }

    pub fn height(&self, i: usize) -> usize {
        self.lines(i).len()
    }

    pub fn top(&self, i: usize) -> usize {
        let top = self.tab.tops.get(i).copied().unwrap_or(self.tab.total);
        if i > self.selected {
            top + self.extra()
        } else {
            top
        }
    }

    pub fn total(&self) -> usize {
        self.tab.total + self.extra()
    }

    /// The block holding line `line` and the line's place in it (the last block past the end).
    pub fn locate(&self, line: usize) -> (usize, usize) {
        let n = self.tab.blocks.len();
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.top(mid) + self.height(mid) <= line {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let i = lo.min(n.saturating_sub(1));
        (i, line.saturating_sub(self.top(i)))
    }

    /// Where line `j` of block `i` is, kept inside the block.
    pub fn line_of(&self, i: usize, j: usize) -> usize {
        self.top(i) + j.min(self.height(i).saturating_sub(1))
    }

    /// Where block `i` starts and how tall it is, with the heading right above it, which is
    /// shown with it.
    pub fn span_with_heading(&self, i: usize) -> (usize, usize) {
        let (mut top, mut height) = (self.top(i), self.height(i));
        if i > 0 && matches!(self.tab.blocks.get(i - 1), Some(Block::Heading(_))) {
            let heading = self.height(i - 1);
            top -= heading;
            height += heading;
        }
        (top, height)
    }
}

/// What a tab's lines depend on besides the session (each screen has its own cache).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub revision: u64,
    pub tab: usize,
    pub filter: DirectiveFilter,
    pub today: NaiveDate,
    pub lang: Lang,
    pub width: usize,
}

/// The last tab made into lines, kept until the catalog, the tab, the filter, the day, the
/// language or the width changes. A memo of a pure function, not state: losing it changes
/// nothing but time.
#[derive(Debug, Default)]
pub struct TabCache {
    slot: RefCell<Option<(Key, Rc<TabLines>)>>,
}

impl TabCache {
    /// The lines for `key`, made and kept when not kept already.
    pub fn get(&self, key: Key, make: impl FnOnce() -> TabLines) -> Rc<TabLines> {
        if let Some(kept) = self.kept(key) {
            return kept;
        }
        let lines = Rc::new(make());
        self.slot.replace(Some((key, Rc::clone(&lines))));
        lines
    }

    /// The lines kept for `key`, else made without keeping them (drawing changes nothing).
    pub fn kept_or_made(&self, key: Key, make: impl FnOnce() -> TabLines) -> Rc<TabLines> {
        self.kept(key).unwrap_or_else(|| Rc::new(make()))
    }

    fn kept(&self, key: Key) -> Option<Rc<TabLines>> {
        match &*self.slot.borrow() {
            Some((kept, lines)) if *kept == key => Some(Rc::clone(lines)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Better, Bound, Comparison};

    fn indicator() -> Indicator {
        Indicator {
            name: "Tổng giá trị sản xuất".into(),
            value: 33497.0,
            unit: Some("tỷ đồng".into()),
            bound: Bound::Exact,
            period: Some("2023".into()),
            target: None,
            target_label: None,
            compare: vec![Comparison {
                label: "so với năm 2022".into(),
                percent: 107.0,
            }],
            better: Better::Higher,
        }
    }

    fn directive() -> Directive {
        Directive {
            id: "a".into(),
            text: "Kiểm soát tốt ma túy trên địa bàn, tăng số xã không có ma túy.".into(),
            owner: Some("Huyện ủy Hải Hà".into()),
            due: NaiveDate::from_ymd_opt(2024, 6, 30),
            note: Some("Báo cáo hằng quý.".into()),
            done: false,
            done_at: None,
            done_by: None,
        }
    }

    fn cx(lang: Lang) -> Cx {
        Cx {
            lang,
            today: NaiveDate::from_ymd_opt(2024, 7, 1).expect("date"),
        }
    }

    fn texts(lines: &[Toned]) -> Vec<String> {
        lines.iter().map(Toned::text).collect()
    }

    #[test]
    fn growth_is_shown_as_growth_without_a_verdict() {
        let lines = texts(&indicator_lines(&indicator(), 70, Lang::Vi));
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("Tổng giá trị sản xuất (2023)"));
        assert!(lines[0].ends_with("33.497 tỷ đồng"));
        assert_eq!(lines[1], "▲ 7% so với năm 2022");
    }

    #[test]
    fn a_plan_gives_the_verdict_and_every_other_comparison_is_shown() {
        let mut ind = indicator();
        ind.compare.insert(
            0,
            Comparison {
                label: "kế hoạch".into(),
                percent: 100.75,
            },
        );
        let lines = indicator_lines(&ind, 70, Lang::Vi);
        let text = texts(&lines);
        assert_eq!(text.len(), 3, "{text:?}");
        assert!(text[1].contains("▶ 100,75%  kế hoạch"), "{}", text[1]);
        assert!(text[1].ends_with("✓ đạt"), "{}", text[1]);
        assert_eq!(lines[1].width(), 70);
        assert_eq!(text[2], "▲ 7% so với năm 2022");
    }

    #[test]
    fn a_target_is_named_with_its_figure() {
        let mut ind = indicator();
        ind.compare.clear();
        ind.value = 80.0;
        ind.unit = Some("triệu đồng/người".into());
        ind.target = Some(100.0);
        ind.target_label = Some("mục tiêu cuối nhiệm kỳ".into());
        let text = texts(&indicator_lines(&ind, 100, Lang::Vi));
        assert!(
            text[1].contains(" 80%  mục tiêu cuối nhiệm kỳ: 100 triệu đồng/người"),
            "{}",
            text[1]
        );
        assert!(text[1].ends_with("✗ chưa đạt"));
    }

    #[test]
    fn a_share_without_target_is_a_bar_without_a_verdict() {
        let mut ind = indicator();
        ind.compare.clear();
        ind.value = 67.0;
        ind.unit = Some("%".into());
        ind.bound = Bound::AtLeast;
        let text = texts(&indicator_lines(&ind, 60, Lang::Vi));
        assert_eq!(text.len(), 2);
        assert!(text[0].ends_with("≥ 67%"));
        assert!(
            text[1].starts_with("█") && text[1].ends_with(" 67%"),
            "{}",
            text[1]
        );
        for word in ["đạt", "✓", "✗", "~"] {
            assert!(!text[1].contains(word), "{}", text[1]);
        }
    }

    #[test]
    fn plain_figures_have_one_line_with_bound() {
        let mut ind = indicator();
        ind.compare.clear();
        ind.value = 385.0;
        ind.bound = Bound::AtLeast;
        let lines = indicator_lines(&ind, 60, Lang::En);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].text().ends_with("≥ 385 tỷ đồng"));
    }

    #[test]
    fn open_overdue_directive_is_flagged_in_words() {
        let lines = texts(&directive_lines(&cx(Lang::Vi), &directive(), 40, false));
        assert!(lines[0].starts_with("[ ] Kiểm soát"));
        let meta = (lines.iter())
            .find(|l| l.contains("⚠ quá hạn"))
            .expect("the overdue flag");
        assert!(meta.contains("Hạn: 30/06/2024"), "{meta}");
        assert!(
            lines.last().is_some_and(|l| l.ends_with("Hải Hà")),
            "the owner wrapped, not cut: {lines:?}"
        );
    }

    #[test]
    fn selected_done_directive_shows_who_and_when() {
        let mut d = directive();
        d.done = true;
        d.done_by = Some("lan".into());
        d.done_at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").ok();
        let all = texts(&directive_lines(&cx(Lang::En), &d, 60, true));
        assert!(all[0].starts_with("[x] "));
        assert!(all.iter().any(|l| l.contains("Note: Báo cáo hằng quý.")));
        assert!(
            all.iter()
                .any(|l| l.contains("Checked off by lan at 09:15 20/03/2024"))
        );
        assert!(!all.iter().any(|l| l.contains("overdue")));
        let unselected = texts(&directive_lines(&cx(Lang::En), &d, 60, false));
        assert!(
            !unselected
                .iter()
                .any(|l| l.contains("Note:") || l.contains("Checked off"))
        );
    }

    /// Every block's place follows from the lines made: tops add up heights, and a selected
    /// directive's detail pushes the blocks after it down.
    #[test]
    fn places_follow_the_lines_made() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
        let catalog = crate::store::load_dir(&root).expect("sample");
        let session = &catalog.sessions[0];
        let cx = cx(Lang::Vi);
        for width in [8usize, 28, 78] {
            for tab in 0..=session.districts.len() {
                let lines = TabLines::make(&cx, session, tab, DirectiveFilter::All, width);
                for selected in 0..lines.blocks.len() {
                    let placed = Placed::new(&cx, session, &lines, selected, width);
                    let mut top = 0;
                    for i in 0..lines.blocks.len() {
                        assert_eq!(placed.top(i), top, "width {width} tab {tab} block {i}");
                        for j in 0..placed.height(i) {
                            assert_eq!(placed.locate(top + j), (i, j));
                            assert_eq!(placed.line_of(i, j), top + j);
                        }
                        top += placed.height(i);
                    }
                    assert_eq!(placed.total(), top);
                }
            }
        }
    }
}
