//! The interface's own words and marks (the checkbox column, counts in the status
//! line, the too-small notice), beside how model values read in `present`.

use chrono::{DateTime, FixedOffset};

use crate::i18n;
use crate::model::progress::Category;
use crate::model::{Lang, State};

/// Columns before a directive's text (`[x] `).
pub(crate) const CHECKBOX: usize = 4;

/// The checkbox column: `[x] ` for a done directive, `[ ] ` for an open one.
pub(crate) fn checkbox_cell(done: bool) -> String {
    format!("{} ", crate::present::checkbox(done))
}

/// `còn 5 ngày` / `in 5 days`, `hôm nay` / `today`.
pub(crate) fn days_until(lang: Lang, days: i64) -> String {
    let t = i18n::strings(lang);
    match days {
        0 => t.today.to_string(),
        1 => t.tomorrow.to_string(),
        n => t.in_days(&n.to_string()),
    }
}

/// `2 buổi làm việc` / `2 sessions`.
pub(crate) fn session_count(lang: Lang, n: usize) -> String {
    let t = i18n::strings(lang);
    one_or_many(n, t.session_count_one, |n| t.session_count(&n.to_string()))
}

/// `1 commit`, `3 commits`.
pub(crate) fn commits(lang: Lang, n: usize) -> String {
    let t = i18n::strings(lang);
    one_or_many(n, t.sync_commit_one, |n| t.sync_commits(&n))
}

/// `3 tệp lỗi` / `3 files with errors`.
pub(crate) fn failed_files(lang: Lang, n: usize) -> String {
    let t = i18n::strings(lang);
    one_or_many(n, t.failed_files_one, |n| t.failed_files(&n.to_string()))
}

/// `one` for a count of 1, else what `many` says of `n`.
pub(crate) fn one_or_many(n: usize, one: &str, many: impl FnOnce(usize) -> String) -> String {
    match n {
        1 => one.to_string(),
        n => many(n),
    }
}

/// `Cửa sổ quá nhỏ (cần ít nhất 40×12)`.
pub(crate) fn too_small(lang: Lang, width: u16, height: u16) -> String {
    let (width, height) = (width.to_string(), height.to_string());
    i18n::strings(lang).too_small(&width, &height)
}

/// `Đã đánh dấu xong (lan, 09:15) và lưu vào tệp.`
pub(crate) fn checked_off(lang: Lang, by: &str, at: &DateTime<FixedOffset>) -> String {
    let time = at.format("%H:%M").to_string();
    i18n::strings(lang).checked_off_notice(&by, &time)
}

/// A directive's state in words: `Đang thực hiện` / `In progress`.
pub(crate) fn state_word(state: State, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match state {
        State::Open => t.state_open,
        State::Doing => t.state_doing,
        State::Blocked => t.state_blocked,
        State::Done => t.state_done,
        State::Dropped => t.state_dropped,
    }
}

/// A report category in words: `Hoàn thành đúng hạn` / `Done on time`.
pub(crate) fn category_word(category: Category, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match category {
        Category::DoneOnTime => t.category_done_on_time,
        Category::DoneLate => t.category_done_late,
        Category::DoingInTime => t.category_doing_in_time,
        Category::DoingOverdue => t.category_doing_overdue,
        Category::NotStartedInTime => t.category_not_started_in_time,
        Category::NotStartedOverdue => t.category_not_started_overdue,
        Category::Blocked => t.category_blocked,
        Category::Dropped => t.category_dropped,
    }
}

/// A directive's state as one mark, where its word does not fit: `○` open, `◐` doing, `⊘`
/// blocked, `✓` done, `–` dropped.
pub(crate) fn state_mark(state: State) -> &'static str {
    match state {
        State::Open => "○",
        State::Doing => "◐",
        State::Blocked => "⊘",
        State::Done => "✓",
        State::Dropped => "–",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_days_in_both_languages() {
        assert_eq!(days_until(Lang::En, 0), "today");
        assert_eq!(days_until(Lang::En, 1), "tomorrow");
        assert_eq!(days_until(Lang::Vi, 5), "còn 5 ngày");
        assert_eq!(session_count(Lang::En, 1), "1 session");
        assert_eq!(session_count(Lang::Vi, 2), "2 buổi làm việc");
        assert_eq!(failed_files(Lang::En, 3), "3 files with errors");
        assert_eq!(
            too_small(Lang::Vi, 40, 12),
            "Cửa sổ quá nhỏ (cần ít nhất 40×12)"
        );
    }

    #[test]
    fn states_and_categories_in_both_languages() {
        assert_eq!(state_word(State::Doing, Lang::Vi), "Đang thực hiện");
        assert_eq!(state_word(State::Dropped, Lang::Vi), "Dừng thực hiện");
        assert_eq!(state_word(State::Open, Lang::En), "Not started");
        assert_eq!(
            category_word(Category::NotStartedOverdue, Lang::Vi),
            "Chưa thực hiện (quá hạn)"
        );
        assert_eq!(category_word(Category::DoneLate, Lang::En), "Done late");
        let words: std::collections::HashSet<_> = Category::ALL
            .into_iter()
            .map(|c| category_word(c, Lang::Vi))
            .collect();
        assert_eq!(
            words.len(),
            Category::ALL.len(),
            "every category reads apart"
        );
    }
}
