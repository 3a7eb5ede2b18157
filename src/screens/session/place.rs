//! Where a tab's lines are: a tab made into lines once per width (kept in [`TabCache`], so a
//! key does not wrap it again), paragraphs and bullets only counted until in view, and with
//! one block selected, where every block starts and how tall it is.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;

use super::blocks::{Block, blocks};
use super::lines::{Cx, TextKind, block_lines};
use crate::model::filter::DirectiveFilter;
use crate::model::{Followed, Lang, Session};
use crate::ui::text::next_line;
use crate::ui::tone::Toned;

/// A paragraph or bullet remembers where every this-many-th of its lines starts.
const STEP: usize = 64;

/// One tab made into lines at one width, none selected.
#[derive(Debug)]
pub(super) struct TabLines {
    pub blocks: Vec<Block>,
    lines: Vec<Made>,
    /// First line of each block.
    tops: Vec<usize>,
    total: usize,
}

impl TabLines {
    /// Makes every block of tab `tab` into lines `width` columns wide.
    pub(super) fn make(
        cx: &Cx,
        session: &Session,
        tab: usize,
        filter: DirectiveFilter,
        width: usize,
    ) -> Self {
        let show = |d: &dyn Followed| filter.matches(d, cx.today);
        let blocks = blocks(session, tab, show, filter == DirectiveFilter::All);
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

    pub(super) fn first_selectable(&self) -> usize {
        self.blocks.iter().position(Block::selectable).unwrap_or(0)
    }

    pub(super) fn last_selectable(&self) -> usize {
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
    /// A paragraph's or a bullet's lines counted at `width`; `None` for other blocks.
    fn of(block: &Block, width: usize) -> Option<Self> {
        let (text, kind) = TextKind::of(block)?;
        let width = kind.room(width);
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
            height: wrapped + kind.after(),
        })
    }

    /// Lines `first..first + count` of the block holding `text`, made as `block_lines`
    /// would make them.
    fn window(&self, block: &Block, first: usize, count: usize) -> Vec<Toned> {
        let Some((text, kind)) = TextKind::of(block) else {
            return Vec::new();
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
                    out.push(kind.line(k, &text[range]));
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
pub(super) struct Placed<'t> {
    pub tab: &'t TabLines,
    pub selected: usize,
    /// The selected block's lines when they differ from the tab's (a directive's detail).
    selected_lines: Option<Vec<Toned>>,
}

impl<'t> Placed<'t> {
    pub(super) fn new(
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
    pub(super) fn window(&self, i: usize, first: usize, count: usize) -> Cow<'_, [Toned]> {
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

    pub(super) fn height(&self, i: usize) -> usize {
        match &self.selected_lines {
            Some(lines) if i == self.selected => lines.len(),
            _ => self.tab.lines.get(i).map_or(0, Made::height),
        }
    }

    pub(super) fn top(&self, i: usize) -> usize {
        let top = self.tab.tops.get(i).copied().unwrap_or(self.tab.total);
        if i > self.selected {
            top + self.extra()
        } else {
            top
        }
    }

    pub(super) fn total(&self) -> usize {
        self.tab.total + self.extra()
    }

    /// The block holding line `line` and the line's place in it (the last block past the end).
    pub(super) fn locate(&self, line: usize) -> (usize, usize) {
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
    pub(super) fn line_of(&self, i: usize, j: usize) -> usize {
        self.top(i) + j.min(self.height(i).saturating_sub(1))
    }

    /// Where block `i` starts and how tall it is, with the heading right above it, which is
    /// shown with it.
    pub(super) fn span_with_heading(&self, i: usize) -> (usize, usize) {
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
pub(super) struct TabKey {
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
pub(super) struct TabCache {
    slot: RefCell<Option<(TabKey, Rc<TabLines>)>>,
}

impl TabCache {
    /// The lines for `key`, made and kept when not kept already.
    pub(super) fn get(&self, key: TabKey, make: impl FnOnce() -> TabLines) -> Rc<TabLines> {
        if let Some(kept) = self.kept(key) {
            return kept;
        }
        let lines = Rc::new(make());
        self.slot.replace(Some((key, Rc::clone(&lines))));
        lines
    }

    /// The lines kept for `key`, else made without keeping them (drawing changes nothing).
    pub(super) fn kept_or_made(
        &self,
        key: TabKey,
        make: impl FnOnce() -> TabLines,
    ) -> Rc<TabLines> {
        self.kept(key).unwrap_or_else(|| Rc::new(make()))
    }

    fn kept(&self, key: TabKey) -> Option<Rc<TabLines>> {
        match &*self.slot.borrow() {
            Some((kept, lines)) if *kept == key => Some(Rc::clone(lines)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::session::lines::tests::{cx, texts};

    /// The sample folder, loaded.
    fn sample() -> crate::store::Catalog {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
        crate::store::load_dir(&root).expect("sample")
    }

    /// Every block's place follows from the lines made: tops add up heights, and a selected
    /// directive's detail pushes the blocks after it down.
    #[test]
    fn places_follow_the_lines_made() {
        let catalog = sample();
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
        let catalog = sample();
        let session = &catalog.sessions[0];
        let cx = cx(Lang::Vi);
        let long =
            "Tiếp tục phát triển kinh tế-xã hội; xây dựng nông thôn mới nâng cao. ".repeat(300);
        // 64 lines at width 1, 2 or 3: the blank line after it starts no stored line.
        let exact = "a ".repeat(64);
        for width in [1usize, 8, 28, 78] {
            for tab in 0..=session.districts.len() {
                let mut blocks = blocks(session, tab, |_| true, true);
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
