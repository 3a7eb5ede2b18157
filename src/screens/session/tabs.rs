//! The tab bar: which tabs fit the width around the open one, where each is drawn, and which
//! tab a column belongs to (for a click). Pure: the same layout is drawn and clicked.

use unicode_width::UnicodeWidthStr;

/// Between two tabs.
pub(super) const DIVIDER: &str = " │ ";
/// Before the first tab shown when tabs are hidden to its left, and after the last one.
pub(super) const MORE_LEFT: &str = "‹ ";
pub(super) const MORE_RIGHT: &str = " ›";

/// Where the tabs go in a bar of some width: the tabs shown, each with its first column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TabBar {
    /// `(tab, column, width)` of each tab shown, left to right.
    pub shown: Vec<(usize, usize, usize)>,
    /// Tabs are hidden to the left / to the right.
    pub more_left: bool,
    pub more_right: bool,
}

/// The label of tab `i` (0 is the overview): `3 Đầm Hà`, without a number from tab 10 on.
pub(super) fn label(i: usize, name: &str) -> String {
    if i < 9 {
        format!("{} {name}", i + 1)
    } else {
        name.to_string()
    }
}

impl TabBar {
    /// The tabs of `labels` that fit in `width` columns with `selected` among them: all of them
    /// when they fit, else a run around the selected one, with marks where tabs are hidden.
    pub(super) fn layout(labels: &[String], selected: usize, width: usize) -> Self {
        let widths: Vec<usize> = labels.iter().map(|l| l.width()).collect();
        let (first, last) = window(&widths, selected.min(widths.len().saturating_sub(1)), width);
        let more_left = first > 0;
        let more_right = last + 1 < widths.len();
        let mut column = if more_left { MORE_LEFT.width() } else { 0 };
        let mut shown = Vec::new();
        for (i, &w) in widths.iter().enumerate().take(last + 1).skip(first) {
            if i > first {
                column += DIVIDER.width();
            }
            shown.push((i, column, w));
            column += w;
        }
        TabBar {
            shown,
            more_left,
            more_right,
        }
    }

    /// The tab drawn at column `x`, if any.
    pub(super) fn tab_at(&self, x: usize) -> Option<usize> {
        (self.shown.iter())
            .find(|(_, column, w)| (*column..column + w).contains(&x))
            .map(|(i, ..)| *i)
    }
}

/// Columns taken by tabs `first..=last` with their dividers and the marks they need.
fn span(widths: &[usize], first: usize, last: usize) -> usize {
    let tabs: usize = widths[first..=last].iter().sum();
    let dividers = (last - first) * DIVIDER.width();
    let left = if first > 0 { MORE_LEFT.width() } else { 0 };
    let right = if last + 1 < widths.len() {
        MORE_RIGHT.width()
    } else {
        0
    };
    tabs + dividers + left + right
}

/// The widest run of tabs around `selected` that fits in `width`: grown to the right first
/// (the tabs that come next), then to the left.
fn window(widths: &[usize], selected: usize, width: usize) -> (usize, usize) {
    if widths.is_empty() {
        return (0, 0);
    }
    let (mut first, mut last) = (selected, selected);
    loop {
        if last + 1 < widths.len() && span(widths, first, last + 1) <= width {
            last += 1;
        } else if first > 0 && span(widths, first - 1, last) <= width {
            first -= 1;
        } else {
            return (first, last);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(n: usize) -> Vec<String> {
        (0..n).map(|i| label(i, &format!("Huyện số {i}"))).collect()
    }

    #[test]
    fn every_tab_shows_when_they_fit() {
        let bar = TabBar::layout(&labels(3), 0, 100);
        assert_eq!(bar.shown.len(), 3);
        assert!(!bar.more_left && !bar.more_right);
        assert_eq!(bar.shown[1], (1, 15, 12), "after `1 Huyện số 0 │ `");
    }

    #[test]
    fn the_open_tab_stays_in_view_on_a_narrow_bar() {
        let all = labels(14);
        for selected in 0..14 {
            let bar = TabBar::layout(&all, selected, 100);
            assert!(
                bar.shown.iter().any(|(i, ..)| *i == selected),
                "tab {selected}"
            );
            let (_, column, w) = bar.shown.last().expect("a tab");
            let end = column + w + if bar.more_right { 2 } else { 0 };
            assert!(end <= 100, "tab {selected} ends at {end}");
        }
        let last = TabBar::layout(&all, 13, 100);
        assert!(last.more_left && !last.more_right);
        let first = TabBar::layout(&all, 0, 100);
        assert!(!first.more_left && first.more_right);
    }

    #[test]
    fn a_column_finds_its_tab() {
        let bar = TabBar::layout(&labels(14), 10, 60);
        for &(i, column, w) in &bar.shown {
            assert_eq!(bar.tab_at(column), Some(i));
            assert_eq!(bar.tab_at(column + w - 1), Some(i));
            assert_eq!(bar.tab_at(column + w), None, "the divider");
        }
    }

    #[test]
    fn tabs_from_ten_on_have_no_number() {
        assert_eq!(label(2, "Đầm Hà"), "3 Đầm Hà");
        assert_eq!(label(9, "Tiên Yên"), "Tiên Yên");
    }
}
