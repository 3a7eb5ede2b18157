//! Moving a selection through a list and keeping it in view; shared by every list-like screen.

use crate::input::Command;

/// A selection in a list of rows, with the first row in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ListState {
    pub selected: usize,
    pub offset: usize,
    /// Where on screen the selection was put last, kept through resizes.
    row: usize,
}

impl ListState {
    /// After a move: scrolls so the selected row is among the `rows` in view, and remembers
    /// where on screen it is.
    pub(crate) fn keep_visible(&mut self, rows: usize) {
        self.offset = scroll_into_view(self.offset, self.selected, 1, rows.max(1));
        self.row = self.selected - self.offset;
    }

    /// After the view or the list changed, with the selection now on `selected`: a selection
    /// kept goes back where it was on screen, as far as the `rows` in view allow; one that had
    /// to move is scrolled into view.
    pub(crate) fn settle(&mut self, selected: usize, rows: usize) {
        if selected == self.selected {
            self.offset = self.selected.saturating_sub(self.row.min(rows.max(1) - 1));
        } else {
            self.selected = selected;
            self.keep_visible(rows);
        }
    }
}

/// The smallest change of `offset` that shows `top..top+height` in `view` lines; a block
/// taller than the view shows its top.
pub(crate) fn scroll_into_view(offset: usize, top: usize, height: usize, view: usize) -> usize {
    if top < offset {
        top
    } else if top + height > offset + view {
        (top + height).saturating_sub(view).min(top)
    } else {
        offset
    }
}

/// Moves a selection among `count` rows that can all be selected; `None` for other commands.
pub(crate) fn moved(selected: usize, count: usize, page: usize, c: Command) -> Option<usize> {
    let last = count.saturating_sub(1);
    let to = match c {
        Command::Up => selected.saturating_sub(1),
        Command::Down => selected + 1,
        Command::PageUp => selected.saturating_sub(page),
        Command::PageDown => selected + page,
        Command::First => 0,
        Command::Last => last,
        _ => return None,
    };
    Some(to.min(last))
}

/// Moves a selection among rows of which only some can be selected, by one command; a page
/// moves by `page` rows (not selectable ones), so no row is passed unseen. `None` for other
/// commands.
pub(crate) fn moved_among(
    selectable: &[bool],
    selected: usize,
    page: usize,
    c: Command,
) -> Option<usize> {
    let can = |i: usize| selectable.get(i).copied().unwrap_or(false);
    let last = selectable.len().saturating_sub(1);
    let to = match c {
        Command::Up => rows(selectable).prev(selected),
        Command::Down => rows(selectable).next(selected),
        Command::PageUp => nearest(selectable, selected.saturating_sub(page), selected),
        Command::PageDown => nearest(selectable, (selected + page).min(last), selected),
        Command::First => nearest(selectable, 0, 0),
        Command::Last => selectable.iter().rposition(|s| *s).unwrap_or(0),
        _ => return None,
    };
    Some(
        if can(to) || !can(selected) {
            to
        } else {
            selected
        }
        .min(last),
    )
}

/// The selectable row nearest `at`, looking towards `from` first (so a page never overshoots).
fn nearest(selectable: &[bool], at: usize, from: usize) -> usize {
    let can = |i: usize| selectable.get(i).copied().unwrap_or(false);
    if can(at) {
        return at;
    }
    let before = rows(selectable).prev(at);
    let after = rows(selectable).next(at);
    let order = if from < at {
        [before, after]
    } else {
        [after, before]
    };
    order.into_iter().find(|&i| can(i)).unwrap_or(from)
}

/// A list's items, of which those `can` accepts may be selected: the steps between them.
pub(crate) struct Selectable<'a, T> {
    items: &'a [T],
    can: fn(&T) -> bool,
}

impl<'a, T> Selectable<'a, T> {
    pub(crate) fn new(items: &'a [T], can: fn(&T) -> bool) -> Self {
        Selectable { items, can }
    }

    fn can(&self, i: usize) -> bool {
        self.items.get(i).is_some_and(self.can)
    }

    /// `i` within the items.
    fn clamp(&self, i: usize) -> usize {
        i.min(self.items.len().saturating_sub(1))
    }

    /// The next selectable item after `from`, else `from` (within the items): the last one
    /// stays.
    pub(crate) fn next(&self, from: usize) -> usize {
        let at = self.clamp(from);
        (at + 1..self.items.len())
            .find(|&i| self.can(i))
            .unwrap_or(at)
    }

    /// The selectable item before `from`, else `from` (within the items): the first one stays.
    pub(crate) fn prev(&self, from: usize) -> usize {
        let at = self.clamp(from);
        (0..at).rev().find(|&i| self.can(i)).unwrap_or(at)
    }

    /// `at` kept on a selectable item: itself, else the next one, else the one before.
    pub(crate) fn near(&self, at: usize) -> usize {
        let at = self.clamp(at);
        if self.can(at) {
            return at;
        }
        let next = self.next(at);
        if self.can(next) { next } else { self.prev(at) }
    }
}

/// Rows of which those marked `true` may be selected.
fn rows(selectable: &[bool]) -> Selectable<'_, bool> {
    Selectable::new(selectable, |s| *s)
}

/// `selected` kept on a selectable row: itself, else the next one, else the one before.
pub(crate) fn on_selectable(selectable: &[bool], selected: usize) -> usize {
    rows(selectable).near(selected)
}

/// A selection in a list of rows of different heights (wrapped texts), with the first row
/// in view. Heights are asked for row by row (`height(i)`, in lines), and only for rows near
/// the view, so a long list costs no more than a short one; `view` is the lines shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TallList {
    pub selected: usize,
    /// The first row in view.
    pub offset: usize,
}

/// How many rows from `offset` on (of `len`) are wholly in `view` lines (at least one).
fn rows_in_view(height: &impl Fn(usize) -> usize, len: usize, offset: usize, view: usize) -> usize {
    let mut used = 0;
    let mut n = 0;
    for i in offset..len {
        let h = height(i);
        if used + h > view && n > 0 {
            break;
        }
        used += h;
        n += 1;
    }
    n.max(1)
}

impl TallList {
    /// Scrolls the least so the selected row is wholly in view (its top, when it is taller).
    pub(crate) fn keep_visible(
        &mut self,
        height: &impl Fn(usize) -> usize,
        len: usize,
        view: usize,
    ) {
        if self.selected < self.offset {
            self.offset = self.selected;
        }
        while self.offset < self.selected
            && self.offset + rows_in_view(height, len, self.offset, view) <= self.selected
        {
            self.offset += 1;
        }
    }

    /// One command: moves among the selectable rows; a page starts at the first row not
    /// wholly seen (PgDn) or ends where the view began (PgUp), so no row is passed unseen.
    /// `false` for other commands.
    pub(crate) fn command(
        &mut self,
        height: &impl Fn(usize) -> usize,
        selectable: &[bool],
        view: usize,
        c: Command,
    ) -> bool {
        let len = selectable.len();
        match c {
            Command::PageDown => {
                let next = self.offset + rows_in_view(height, len, self.offset, view);
                if next >= len {
                    self.selected = selectable.iter().rposition(|s| *s).unwrap_or(self.selected);
                } else {
                    self.offset = next;
                    self.selected = on_selectable(selectable, next);
                }
            }
            Command::PageUp => {
                let mut start = self.offset;
                let mut used = 0;
                while start > 0 && used + height(start - 1) <= view {
                    start -= 1;
                    used += height(start);
                }
                if start == self.offset && start > 0 {
                    start -= 1;
                }
                self.offset = start;
                self.selected = on_selectable(selectable, start);
            }
            _ => match moved_among(selectable, self.selected, 1, c) {
                Some(to) => self.selected = to,
                None => return false,
            },
        }
        self.keep_visible(height, len, view);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scroll_into_view_moves_least() {
        assert_eq!(scroll_into_view(0, 3, 2, 10), 0);
        assert_eq!(scroll_into_view(5, 3, 2, 10), 3);
        assert_eq!(scroll_into_view(0, 9, 3, 10), 2);
        // A block taller than the view shows its top.
        assert_eq!(scroll_into_view(0, 4, 30, 10), 4);
    }

    #[test]
    fn selectable_steps_skip_headings() {
        let marks = [false, true, false, true, true];
        let rows = rows(&marks);
        assert_eq!(rows.next(1), 3);
        assert_eq!(rows.next(4), 4);
        assert_eq!(rows.next(9), 4);
        assert_eq!(rows.prev(3), 1);
        assert_eq!(rows.prev(1), 1);
        assert_eq!(on_selectable(&marks, 0), 1);
        assert_eq!(on_selectable(&marks, 9), 4);
    }

    #[test]
    fn a_list_keeps_the_selection_on_its_row_through_resizes() {
        let mut list = ListState {
            selected: 12,
            ..ListState::default()
        };
        list.keep_visible(10);
        assert_eq!((list.offset, list.row), (3, 9));
        list.settle(12, 4);
        assert_eq!(list.offset, 9, "the selection stays in view");
        list.settle(12, 10);
        assert_eq!(list.offset, 3, "and comes back to its row");
        list.settle(20, 10);
        assert_eq!(
            (list.selected, list.offset),
            (20, 11),
            "moved, it is scrolled to"
        );
    }

    #[test]
    fn moved_clamps_to_the_list() {
        assert_eq!(moved(0, 5, 3, Command::Up), Some(0));
        assert_eq!(moved(4, 5, 3, Command::Down), Some(4));
        assert_eq!(moved(1, 5, 3, Command::PageDown), Some(4));
        assert_eq!(moved(1, 0, 3, Command::Last), Some(0));
        assert_eq!(moved(1, 5, 3, Command::Open), None);
    }

    #[test]
    fn pages_of_tall_rows_pass_no_row_unseen() {
        let heights = [1, 3, 1, 2, 4, 1, 1, 3, 2, 1];
        let selectable = [false, true, true, true, true, false, true, true, true, true];
        for view in [4usize, 6, 10] {
            let mut list = TallList {
                selected: 1,
                offset: 0,
            };
            let mut seen = vec![false; heights.len()];
            let height = |i: usize| heights[i];
            let mark = |list: &TallList, seen: &mut Vec<bool>| {
                let n = rows_in_view(&height, heights.len(), list.offset, view);
                for s in seen.iter_mut().skip(list.offset).take(n) {
                    *s = true;
                }
            };
            mark(&list, &mut seen);
            for _ in 0..20 {
                list.command(&height, &selectable, view, Command::PageDown);
                mark(&list, &mut seen);
            }
            assert!(seen.iter().all(|s| *s), "PgDn at {view}: {seen:?}");
            assert_eq!(list.selected, 9);
            let mut seen = vec![false; heights.len()];
            mark(&list, &mut seen);
            for _ in 0..20 {
                list.command(&height, &selectable, view, Command::PageUp);
                mark(&list, &mut seen);
            }
            assert!(seen.iter().all(|s| *s), "PgUp at {view}: {seen:?}");
            assert_eq!((list.offset, list.selected), (0, 1));
        }
    }

    #[test]
    fn a_tall_selection_is_scrolled_into_view() {
        let heights = [2, 2, 2, 5];
        let height = |i: usize| heights[i];
        let mut list = TallList {
            selected: 3,
            offset: 0,
        };
        list.keep_visible(&height, 4, 6);
        assert_eq!(list.offset, 3, "taller than the view: its top");
        list.selected = 2;
        list.keep_visible(&height, 4, 6);
        assert_eq!(list.offset, 2);
        list.selected = 0;
        list.keep_visible(&height, 4, 6);
        assert_eq!(list.offset, 0);
    }

    #[test]
    fn a_page_moves_by_rows_not_by_selectable_rows() {
        // Headings (false) between the items: a page of 3 rows lands at most 3 rows on.
        let rows = [false, true, false, true, true, false, true, true, true];
        assert_eq!(moved_among(&rows, 1, 3, Command::PageDown), Some(4));
        assert_eq!(moved_among(&rows, 4, 3, Command::PageDown), Some(7));
        assert_eq!(moved_among(&rows, 7, 3, Command::PageDown), Some(8));
        assert_eq!(moved_among(&rows, 8, 3, Command::PageUp), Some(6));
        assert_eq!(moved_among(&rows, 4, 3, Command::PageUp), Some(1));
        assert_eq!(moved_among(&rows, 4, 3, Command::First), Some(1));
        assert_eq!(moved_among(&rows, 1, 3, Command::Last), Some(8));
        assert_eq!(moved_among(&rows, 1, 3, Command::Open), None);
        assert_eq!(moved_among(&[], 0, 3, Command::Down), Some(0));
    }
}
