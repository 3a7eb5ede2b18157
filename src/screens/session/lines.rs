//! What a session tab shows, as blocks, and the one producer of their lines. Navigation and
//! drawing both use the lines it makes: a block's height is the number of its lines, and a tab
//! is made into lines once per width (kept in [`TabCache`]), so a key does not wrap it again.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::i18n;
use crate::model::filter::DirectiveFilter;
use crate::model::{Directive, DirectiveRef, Indicator, Lang, Session, Status, Text, format};
use crate::present::{
    addressees, bar_cells, checkbox, compare_text, done_count, due_text, image_line,
    indicator_title, locality_facts, locality_title, measured_against, overdue_text, paragraphs,
    participant_line, ratio_text, reference_line, share_text, truncate, value_text,
};
use crate::ui::format::CHECKBOX;
use crate::ui::text::{next_line, pad, wrap};
use crate::ui::tone::{Tone, Toned};

/// Columns taken by the selection gutter on every line.
pub const GUTTER: usize = 2;
/// Columns before a bullet's text.
const BULLET_INDENT: usize = 2;
/// A paragraph or bullet remembers where every this-many-th of its lines starts.
const STEP: usize = 64;

/// A titled part of a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Summary,
    Participants,
    Districts,
    SessionDirectives,
    /// The session-wide directives that concern the locality of the tab.
    SharedDirectives,
    Highlights,
    Strengths,
    Shortcomings,
    Indicators,
    Directives,
    References,
    Images,
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
    /// A locality's counterpart and the unit it belongs to (atop its tab).
    Facts(usize),
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
            Block::DistrictLine(_)
                | Block::Facts(_)
                | Block::Bullet(_)
                | Block::Participant(_)
                | Block::Nothing
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
        bullet_sections(
            &mut out,
            [
                (Section::Highlights, &session.highlights),
                (Section::Strengths, &session.strengths),
                (Section::Shortcomings, &session.shortcomings),
            ],
        );
        let districts = (0..session.districts.len()).map(Block::DistrictLine);
        push_section(&mut out, Section::Districts, districts.collect());
        let participants = (0..session.participants.len()).map(Block::Participant);
        push_section(&mut out, Section::Participants, participants.collect());
        let references: Vec<Text> = (session.references.iter())
            .map(|r| reference_line(r).into())
            .collect();
        let images: Vec<Text> = (session.images.iter())
            .map(|i| image_line(i).into())
            .collect();
        bullet_sections(
            &mut out,
            [
                (Section::References, &references),
                (Section::Images, &images),
            ],
        );
        let directives = directive_blocks(session, None, &show);
        push_section(&mut out, Section::SessionDirectives, directives);
        return out;
    }
    let d = tab - 1;
    let Some(district) = session.districts.get(d) else {
        return out;
    };
    // The level is in the tab's title; the counterpart and the unit above come first.
    if district.body.is_some() || district.parent.is_some() {
        out.push(Block::Facts(d));
    }
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
    if session.shared_directives(d).next().is_some() {
        let shared: Vec<Block> = (session.shared_directives(d))
            .filter(|(_, directive)| show(directive))
            .map(|(r, _)| Block::Directive(r))
            .collect();
        push_section(&mut out, Section::SharedDirectives, shared);
    }
    bullet_sections(
        &mut out,
        [
            (Section::Highlights, &district.highlights),
            (Section::Strengths, &district.strengths),
            (Section::Shortcomings, &district.shortcomings),
        ],
    );
    out
}

/// A section of bullets for each list that has items.
fn bullet_sections<const N: usize>(out: &mut Vec<Block>, lists: [(Section, &[Text]); N]) {
    for (section, items) in lists {
        if !items.is_empty() {
            let bullets = items.iter().map(|t| Block::Bullet(t.to_string())).collect();
            push_section(out, section, bullets);
        }
    }
}

/// The text a block shows, for finding a search's match in it.
pub fn block_text(session: &Session, block: &Block, lang: Lang) -> Option<String> {
    match block {
        Block::Paragraph(text) | Block::Bullet(text) => Some(text.clone()),
        Block::Participant(p) => (session.participants.get(*p)).map(|p| participant_line(p, " — ")),
        Block::DistrictLine(d) => session.districts.get(*d).map(|d| d.name.to_string()),
        Block::Facts(d) => (session.districts.get(*d)).and_then(|d| locality_facts(d, lang)),
        Block::Indicator { district, index } => (session.districts.get(*district))
            .and_then(|d| d.indicators.get(*index))
            .map(|i| i.name.to_string()),
        Block::Directive(r) => session.directive(*r).map(|d| d.text.to_string()),
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
        Section::References => t.references,
        Section::Images => t.images,
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
        Block::DistrictLine(d) => vec![district_line(cx, session, *d, width)],
        Block::Facts(d) => (session.districts.get(*d))
            .and_then(|d| locality_facts(d, cx.lang))
            .map(|facts| {
                (wrap(&facts, width).into_iter())
                    .map(|l| Toned::one(l, Tone::Muted))
                    .collect()
            })
            .unwrap_or_default(),
        Block::Indicator { district, index } => session
            .districts
            .get(*district)
            .and_then(|d| d.indicators.get(*index))
            .map(|ind| indicator_lines(ind, width, cx.lang))
            .unwrap_or_default(),
        Block::Directive(r) => session
            .directive(*r)
            .map(|d| {
                let to = addressees(session, &d.to);
                directive_lines(cx, d, to.as_deref(), width, selected)
            })
            .unwrap_or_default(),
        Block::Nothing => vec![Toned::one(i18n::strings(cx.lang).nothing, Tone::Muted)],
    }
}

/// `Đầm Hà  ✓2 ~1 ✗0      3/12 xong · 1 quá hạn`.
fn district_line(cx: &Cx, session: &Session, d: usize, width: usize) -> Toned {
    let Some(district) = session.districts.get(d) else {
        return Toned::new();
    };
    let p = session.locality_progress(d, cx.today);
    let (mut met, mut near, mut behind) = (0, 0, 0);
    for g in district.indicators.iter().filter_map(|i| i.gauge()) {
        match g.status {
            Status::Met => met += 1,
            Status::Near => near += 1,
            Status::Behind => behind += 1,
        }
    }
    let mut right = done_count(p, cx.lang);
    if p.overdue > 0 {
        right.push_str(&format!(" · {}", overdue_text(p.overdue, cx.lang)));
    }
    let name = format!(
        "{}  ✓{met} ~{near} ✗{behind}",
        locality_title(district, cx.lang)
    );
    let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(right.as_str()) + 2);
    let name = truncate(&name, room);
    let gap = pad(&name, room) + "  ";
    (Toned::one(name, Tone::Title).and(gap, Tone::Plain)).and(right, Tone::Muted)
}

/// An indicator, `width` columns wide: its name and value; its gauge with a verdict, or the
/// bar of a share; then each other comparison (growth ▲/▼) and its note.
fn indicator_lines(ind: &Indicator, width: usize, lang: Lang) -> Vec<Toned> {
    use unicode_width::UnicodeWidthStr;
    let value = value_text(ind, lang, false);
    let name_room = width.saturating_sub(value.width() + 2);
    let name = truncate(&indicator_title(ind), name_room);
    let padding = pad(&name, name_room) + "  ";
    let first = (Toned::one(name, Tone::Plain).and(padding, Tone::Plain)).and(value, Tone::Title);
    let mut lines = vec![first];
    let gauge = gauge_lines(ind, width, lang);
    if gauge.is_empty() {
        lines.extend(share_line(ind, width, lang));
    }
    lines.extend(gauge);
    for c in ind.other_compares() {
        let text = truncate(&compare_text(c, lang, false), width);
        lines.push(Toned::one(text, Tone::Muted));
    }
    if let Some(note) = &ind.note {
        let t = i18n::strings(lang);
        for l in wrap(&format!("{}: {note}", t.note), width) {
            lines.push(Toned::one(l, Tone::Muted));
        }
    }
    lines
}

/// The bar of a share, without a verdict: `████████░░ 78,9%`.
fn share_line(ind: &Indicator, width: usize, lang: Lang) -> Option<Toned> {
    let share = ind.share()?;
    let bar_width = (width / 3).clamp(5, 30);
    let (filled, empty) = bar_cells(share, bar_width);
    let line = Toned::one("█".repeat(filled), Tone::Title)
        .and("░".repeat(empty), Tone::Muted)
        .and(" ", Tone::Plain)
        .and(share_text(ind, lang).unwrap_or_default(), Tone::Title);
    Some(line)
}

/// The gauge of an indicator with a verdict: bar, ratio and status, close together and in
/// columns of their own so a tab's gauges line up; then what it is measured against (the
/// target with its value, or the comparison's label), after them when it fits, else wrapped
/// on the lines below.
fn gauge_lines(ind: &Indicator, width: usize, lang: Lang) -> Vec<Toned> {
    use unicode_width::UnicodeWidthStr;
    let Some(g) = ind.gauge() else {
        return Vec::new();
    };
    let status_tone = Tone::Status(g.status);
    let status = format!(
        "{} {}",
        g.status.symbol(),
        crate::present::status_word(g.status, lang)
    );
    let status_column = [Status::Met, Status::Near, Status::Behind]
        .into_iter()
        .map(|s| crate::present::status_word(s, lang).width() + 2)
        .max()
        .unwrap_or(0);
    let ratio = format!(
        "{:>8}{}",
        ratio_text(&g, lang),
        if g.exceeds() { " ▲" } else { "  " }
    );
    let bar_width = (width / 3).clamp(5, 30);
    let (filled, empty) = bar_cells(g.fill(), bar_width);
    let mut first = Toned::one("█".repeat(filled), status_tone)
        .and("░".repeat(empty), Tone::Muted)
        .and(" ", Tone::Plain)
        .and(ratio.clone(), status_tone)
        .and("  ", Tone::Plain)
        .and(status.clone(), status_tone);
    let Some(against) = measured_against(ind, &g, lang) else {
        return vec![first];
    };
    let used = bar_width + 1 + ratio.width() + 2 + status_column + 2;
    if used + against.width() <= width {
        let gap = " ".repeat(status_column + 2 - status.width());
        first = first.and(gap, Tone::Plain).and(against, Tone::Muted);
        return vec![first];
    }
    let mut lines = vec![first];
    lines.extend(
        wrap(&against, width)
            .into_iter()
            .map(|l| Toned::one(l, Tone::Muted)),
    );
    lines
}

/// A directive: checkbox and wrapped text, owner, the localities it is `to` and due date, and
/// when selected its detail (the note, who checked it off and when).
fn directive_lines(
    cx: &Cx,
    d: &Directive,
    to: Option<&str>,
    width: usize,
    selected: bool,
) -> Vec<Toned> {
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
                Toned::one(format!("{} ", checkbox(d.done)), mark_tone)
            } else {
                Toned::one(indent.clone(), Tone::Plain)
            };
            lead.and(l, text_tone)
        })
        .collect();
    if d.owner.is_some() || d.due.is_some() || to.is_some() {
        out.extend(meta_lines(cx, d, to, room, overdue, selected));
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

/// `⚠ quá hạn · Hạn: 30/06/2024 · Thực hiện: Huyện ủy · Gửi: Hải Hà, Đầm Hà`, in `room`
/// columns after the indent: one line cut with `…`, or whole (wrapped) when `whole` (the
/// selected directive shows all of it).
fn meta_lines(
    cx: &Cx,
    d: &Directive,
    to: Option<&str>,
    room: usize,
    overdue: bool,
    whole: bool,
) -> Vec<Toned> {
    use unicode_width::UnicodeWidthStr;
    let t = i18n::strings(cx.lang);
    let mut parts = Vec::new();
    if let Some(due) = d.due {
        parts.push(format!("{}: {}", t.due, due_text(due, cx.lang)));
    }
    if let Some(owner) = &d.owner {
        parts.push(format!("{}: {owner}", t.owner));
    }
    if let Some(to) = to {
        parts.push(format!("{}: {to}", t.directive_to));
    }
    let indent = || Toned::one(" ".repeat(CHECKBOX), Tone::Plain);
    let flag = if overdue {
        format!("⚠ {} · ", t.overdue)
    } else {
        String::new()
    };
    let rest = parts.join(" · ");
    if !whole {
        let rest = truncate(&rest, room.saturating_sub(flag.width()));
        return vec![indent().and(flag, Tone::Overdue).and(rest, Tone::Muted)];
    }
    Toned::wrapped((&flag, Tone::Overdue), (&rest, Tone::Muted), CHECKBOX, room)
}

/// One tab made into lines at one width, none selected.
#[derive(Debug)]
pub struct TabLines {
    pub blocks: Vec<Block>,
    lines: Vec<Made>,
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
        let lines: Vec<Made> = (0..blocks.len())
            .map(|i| match Counted::of(&blocks[i], width) {
                Some(counted) => Made::Counted(counted),
                None => Made::Lines(block_lines(cx, session, &blocks, i, width, false)),
            })
            .collect();
        let mut tops = Vec::with_capacity(lines.len());
        let mut total = 0;
        for l in &lines {
            tops.push(total);
            total += l.height();
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

/// A block made into lines, or (a paragraph or a bullet) only counted.
#[derive(Debug)]
enum Made {
    Lines(Vec<Toned>),
    Counted(Counted),
}

impl Made {
    fn height(&self) -> usize {
        match self {
            Made::Lines(lines) => lines.len(),
            Made::Counted(text) => text.height,
        }
    }
}

/// A paragraph or bullet, its lines counted but made only when in view: opening a 4 MB
/// summary costs a count of its lines (no line is kept), a key the lines in view.
#[derive(Debug)]
struct Counted {
    width: usize,
    /// The text's wrapped lines (a paragraph's blank line after them not counted).
    wrapped: usize,
    /// Where every [`STEP`]-th wrapped line starts in the text.
    starts: Vec<usize>,
    height: usize,
}

impl Counted {
    /// A paragraph's or a bullet's lines counted at `width`; `None` for other blocks (and for
    /// text with an escape character, which loaded text never has).
    fn of(block: &Block, width: usize) -> Option<Self> {
        let (text, width, after) = match block {
            Block::Paragraph(p) => (p, width, 1),
            Block::Bullet(b) => (b, width.saturating_sub(BULLET_INDENT), 0),
            _ => return None,
        };
        if text.contains('\u{1b}') {
            return None; // `next_line` measures no escape sequence; `wrap` does.
        }
        let (mut wrapped, mut starts, mut from) = (0, Vec::new(), 0);
        while from <= text.len() {
            if wrapped % STEP == 0 {
                starts.push(from);
            }
            from = next_line(text, from, width).1;
            wrapped += 1;
        }
        Some(Counted {
            width,
            wrapped,
            starts,
            height: wrapped + after,
        })
    }

    /// Lines `first..first + count` of the block holding `text`, made as `block_lines`
    /// would make them.
    fn window(&self, block: &Block, first: usize, count: usize) -> Vec<Toned> {
        let (text, bullet) = match block {
            Block::Paragraph(p) => (p, false),
            Block::Bullet(b) => (b, true),
            _ => return Vec::new(),
        };
        let last = (first + count).min(self.height);
        if first >= last {
            return Vec::new();
        }
        // The nearest start at or before `first` (the blank line after a paragraph has none of
        // its own: it follows the last wrapped line).
        let base = first.min(self.wrapped.saturating_sub(1)) / STEP;
        let Some(&start) = self.starts.get(base) else {
            return Vec::new();
        };
        let (mut k, mut from, mut out) = (base * STEP, start, Vec::new());
        while k < last {
            if k >= self.wrapped {
                out.push(Toned::new());
            } else {
                let (range, next) = next_line(text, from, self.width);
                if k >= first {
                    let line = &text[range];
                    out.push(match (bullet, k) {
                        (false, _) => Toned::one(line, Tone::Plain),
                        (true, 0) => Toned::one(format!("• {line}"), Tone::Plain),
                        (true, _) => Toned::one(format!("  {line}"), Tone::Plain),
                    });
                }
                from = next;
            }
            k += 1;
        }
        out
    }
}

/// A tab with one block selected: the selected block's lines (with its detail) in place, and
/// where every block starts then.
pub struct Placed<'t> {
    pub tab: &'t TabLines,
    pub selected: usize,
    /// The selected block's lines when they differ from the tab's (a directive's detail).
    selected_lines: Option<Vec<Toned>>,
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
                Some(block_lines(cx, session, &tab.blocks, selected, width, true))
            }
            _ => None,
        };
        Placed {
            tab,
            selected,
            selected_lines,
        }
    }

    fn extra(&self) -> usize {
        let base = self.tab.lines.get(self.selected).map_or(0, Made::height);
        (self.selected_lines.as_ref()).map_or(0, |l| l.len().saturating_sub(base))
    }

    /// Lines `first..first + count` of block `i` (fewer at its end).
    pub fn window(&self, i: usize, first: usize, count: usize) -> Cow<'_, [Toned]> {
        let slice = |lines: &'t [Toned]| {
            let first = first.min(lines.len());
            Cow::Borrowed(&lines[first..(first + count).min(lines.len())])
        };
        match (&self.selected_lines, self.tab.lines.get(i)) {
            (Some(lines), _) if i == self.selected => {
                let first = first.min(lines.len());
                Cow::Borrowed(&lines[first..(first + count).min(lines.len())])
            }
            (_, Some(Made::Lines(lines))) => slice(lines),
            (_, Some(Made::Counted(text))) => {
                Cow::Owned(text.window(&self.tab.blocks[i], first, count))
            }
            (_, None) => Cow::Borrowed(&[]),
        }
    }

    pub fn height(&self, i: usize) -> usize {
        match &self.selected_lines {
            Some(lines) if i == self.selected => lines.len(),
            _ => self.tab.lines.get(i).map_or(0, Made::height),
        }
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
    use crate::model::{Basis, Bound, Comparison, Due, Kind, Period};

    fn indicator() -> Indicator {
        Indicator {
            name: "Tổng giá trị sản xuất".into(),
            value: 33497.0,
            unit: Some("tỷ đồng".into()),
            bound: Bound::Exact,
            period: Some("2023".into()),
            compare: smallvec::smallvec![Comparison {
                label: "kế hoạch".into(),
                percent: 107.0,
                written_basis: None,
            }],
            ..Indicator::default()
        }
    }

    fn directive() -> Directive {
        Directive {
            id: "a".into(),
            text: "Kiểm soát tốt ma túy trên địa bàn, tăng số xã không có ma túy.".into(),
            owner: Some("Huyện ủy Hải Hà".into()),
            due: NaiveDate::from_ymd_opt(2024, 6, 30).map(Due::Day),
            note: Some("Báo cáo hằng quý.".into()),
            ..Directive::default()
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
    fn gauge_lines_carry_value_ratio_label_and_status() {
        let lines = indicator_lines(&indicator(), 70, Lang::Vi);
        let text = texts(&lines);
        assert_eq!(lines.len(), 2);
        assert!(text[0].starts_with("Tổng giá trị sản xuất (2023)"));
        assert!(text[0].ends_with("33.497 tỷ đồng"));
        assert!(text[1].contains("107% ▲  ✓ đạt"), "{}", text[1]);
        assert!(text[1].ends_with("kế hoạch"), "{}", text[1]);
        assert!(lines[1].width() <= 70);
    }

    /// A target's value is said with its label, after the status when it fits, else on the
    /// lines below; the status stays next to the ratio at every width.
    #[test]
    fn a_target_is_shown_with_its_value_at_every_width() {
        let ind = Indicator {
            name: "Thu nhập bình quân đầu người".into(),
            value: 80.0,
            unit: Some("triệu đồng/người".into()),
            target: Some(100.0),
            target_label: Some("mục tiêu cuối nhiệm kỳ".into()),
            ..Indicator::default()
        };
        for width in [56, 76, 116] {
            let lines = indicator_lines(&ind, width, Lang::Vi);
            let text = texts(&lines).join("\n");
            assert!(text.contains("80%    ✗ chưa đạt"), "{width}: {text}");
            let joined = text.replace('\n', " ");
            assert!(
                joined.contains("mục tiêu cuối nhiệm kỳ: 100 triệu đồng/người"),
                "{width}: {text}"
            );
            assert!(lines.iter().all(|l| l.width() <= width), "{width}: {text}");
        }
        let wide = texts(&indicator_lines(&ind, 116, Lang::Vi));
        assert_eq!(wide.len(), 2, "one line at 120 columns: {wide:?}");
    }

    #[test]
    fn growth_share_and_note_each_have_a_line_without_a_verdict() {
        let mut ind = indicator();
        ind.compare[0].written_basis = Some(Basis::Previous);
        ind.note = Some("Ước cả năm".into());
        let text = texts(&indicator_lines(&ind, 60, Lang::Vi));
        assert_eq!(text.len(), 3, "{text:?}");
        assert_eq!(text[1], "▲ 7% kế hoạch");
        assert_eq!(text[2], "Ghi chú: Ước cả năm");
        let share = Indicator {
            name: "Tiêu chí".into(),
            value: 15.0,
            of: Some(19.0),
            kind: Kind::Share,
            ..Indicator::default()
        };
        let text = texts(&indicator_lines(&share, 60, Lang::Vi));
        assert!(text[0].ends_with("15/19"), "{text:?}");
        assert!(text[1].ends_with("78,9%"), "{text:?}");
        assert!(!text[1].contains("đạt"), "a share has no verdict: {text:?}");
    }

    #[test]
    fn a_period_deadline_and_the_localities_it_is_for_are_said() {
        let mut d = directive();
        d.due = Period::parse("2024-Q2").map(Due::Period);
        let lines = texts(&directive_lines(
            &cx(Lang::Vi),
            &d,
            Some("Hải Hà"),
            90,
            false,
        ));
        let meta = lines.last().expect("meta");
        assert!(meta.contains("⚠ quá hạn"), "{meta}");
        assert!(meta.contains("Hạn: quý II/2024"), "{meta}");
        assert!(meta.contains("Gửi: Hải Hà"), "{meta}");
        let on_time = Cx {
            today: NaiveDate::from_ymd_opt(2024, 6, 30).expect("date"),
            ..cx(Lang::En)
        };
        let lines = texts(&directive_lines(&on_time, &d, None, 90, false));
        assert!(!lines.iter().any(|l| l.contains("overdue")), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.contains("Due: Q2 2024")),
            "{lines:?}"
        );
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
    fn bar_fill_is_capped() {
        assert_eq!(bar_cells(0.8, 10), (8, 2));
        assert_eq!(bar_cells(1.75, 10), (10, 0));
        assert_eq!(bar_cells(-1.0, 10), (0, 10));
    }

    /// A bar is full only at 100% or more: 98% and 99,86% keep an empty cell at any width.
    #[test]
    fn a_bar_is_full_only_at_a_hundred_percent() {
        for width in [5, 10, 19, 26, 30] {
            for fill in [0.98, 0.9986, 0.999_999] {
                let (filled, empty) = bar_cells(fill, width);
                assert_eq!((filled, empty), (width - 1, 1), "{fill} in {width}");
            }
            assert_eq!(bar_cells(1.0, width), (width, 0));
        }
    }

    #[test]
    fn open_overdue_directive_is_flagged_in_words() {
        let lines = texts(&directive_lines(
            &cx(Lang::Vi),
            &directive(),
            None,
            40,
            false,
        ));
        assert!(lines[0].starts_with("[ ] Kiểm soát"));
        let meta = lines.last().expect("meta");
        assert!(meta.contains("⚠ quá hạn"), "{meta}");
        assert!(meta.contains("Hạn: 30/06/2024"), "{meta}");
    }

    #[test]
    fn selected_done_directive_shows_who_and_when() {
        let mut d = directive();
        d.done = true;
        d.done_by = Some("lan".into());
        d.done_at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").ok();
        let all = texts(&directive_lines(&cx(Lang::En), &d, None, 60, true));
        assert!(all[0].starts_with("[x] "));
        assert!(all.iter().any(|l| l.contains("Note: Báo cáo hằng quý.")));
        assert!(
            all.iter()
                .any(|l| l.contains("Checked off by lan at 09:15 20/03/2024"))
        );
        assert!(!all.iter().any(|l| l.contains("overdue")));
        let unselected = texts(&directive_lines(&cx(Lang::En), &d, None, 60, false));
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

    /// A counted paragraph or bullet gives, for any window, the lines `block_lines` makes of
    /// it whole: on the sample's tabs and on a long text, at several widths, from every line.
    #[test]
    fn counted_text_gives_the_lines_of_the_block() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
        let catalog = crate::store::load_dir(&root).expect("sample");
        let session = &catalog.sessions[0];
        let cx = cx(Lang::Vi);
        let long =
            "Tiếp tục phát triển kinh tế-xã hội; xây dựng nông thôn mới nâng cao. ".repeat(300);
        // 64 lines at width 1, 2 or 3: the blank line after it starts no stored line.
        let exact = "a ".repeat(64);
        for width in [1usize, 8, 28, 78] {
            for tab in 0..=session.districts.len() {
                let mut blocks = blocks(session, tab, |_| true);
                blocks.push(Block::Paragraph(long.clone()));
                blocks.push(Block::Bullet(long.clone()));
                blocks.push(Block::Paragraph(exact.clone()));
                for (i, block) in blocks.iter().enumerate() {
                    let Some(counted) = Counted::of(block, width) else {
                        continue;
                    };
                    let whole = texts(&block_lines(&cx, session, &blocks, i, width, false));
                    assert_eq!(counted.height, whole.len(), "width {width}, block {i}");
                    let every = (0..whole.len()).step_by(7);
                    for first in every.chain([whole.len() - 1, whole.len()]) {
                        let window = counted.window(block, first, 9);
                        let end = (first + 9).min(whole.len());
                        assert_eq!(
                            texts(&window),
                            whole[first..end],
                            "width {width}, from {first}"
                        );
                    }
                }
            }
        }
    }
}
