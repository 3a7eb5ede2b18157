//! How the interface writes dates, values, counts and marks: the formatting helpers of the
//! screens in one place (the printed reports have their own, to be shared later).

use chrono::{DateTime, FixedOffset};

use crate::i18n::{self, fill};
use crate::model::{Lang, Participant, Progress, Session, format};

/// Columns before a directive's text (`[x] `).
pub const CHECKBOX: usize = 4;

/// `[x] ` for a done directive, `[ ] ` for an open one.
pub fn checkbox(done: bool) -> &'static str {
    if done { "[x] " } else { "[ ] " }
}

/// `Thứ Tư, 13/03/2024 08:00`: the day in words, and the time when the file gives one.
pub fn session_when(s: &Session, lang: Lang) -> String {
    let mut when = format::long_date(s.date.day(), lang);
    if let Some(time) = s.date.time() {
        when.push_str(&format!(" {}", time.format("%H:%M")));
    }
    when
}

/// `name — role (part)`.
pub fn participant_line(p: &Participant) -> String {
    let mut s = p.name.clone();
    if let Some(role) = &p.role {
        s.push_str(" — ");
        s.push_str(role);
    }
    if let Some(part) = &p.part {
        s.push_str(&format!(" ({part})"));
    }
    s
}

/// `3/23 xong`.
pub fn done_of(p: &Progress, lang: Lang) -> String {
    format!("{}/{} {}", p.done, p.total, i18n::strings(lang).done)
}

/// `2 quá hạn`.
pub fn overdue_count(n: usize, lang: Lang) -> String {
    format!("{n} {}", i18n::strings(lang).overdue)
}

/// Splits a multi-line summary into paragraphs (blank lines separate them).
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// `còn 5 ngày` / `in 5 days`, `hôm nay` / `today`.
pub fn days_until(lang: Lang, days: i64) -> String {
    let t = i18n::strings(lang);
    match days {
        0 => t.today.to_string(),
        1 => t.tomorrow.to_string(),
        n => fill(t.in_days, &[("n", &n.to_string())]),
    }
}

/// `2 buổi làm việc` / `2 sessions`.
pub fn session_count(lang: Lang, n: usize) -> String {
    let t = i18n::strings(lang);
    match n {
        1 => t.session_count_one.to_string(),
        n => fill(t.session_count, &[("n", &n.to_string())]),
    }
}

/// `3 tệp lỗi` / `3 files with errors`.
pub fn failed_files(lang: Lang, n: usize) -> String {
    let t = i18n::strings(lang);
    match n {
        1 => t.failed_files_one.to_string(),
        n => fill(t.failed_files, &[("n", &n.to_string())]),
    }
}

/// `Cửa sổ quá nhỏ (cần ít nhất 40×12)`.
pub fn too_small(lang: Lang, width: u16, height: u16) -> String {
    let (width, height) = (width.to_string(), height.to_string());
    fill(
        i18n::strings(lang).too_small,
        &[("width", &width), ("height", &height)],
    )
}

/// `Đã đánh dấu xong (lan, 09:15) và lưu vào tệp.`
pub fn checked_off(lang: Lang, by: &str, at: &DateTime<FixedOffset>) -> String {
    let time = at.format("%H:%M").to_string();
    fill(
        i18n::strings(lang).checked_off_notice,
        &[("by", &by), ("time", &time)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines_and_join_lines() {
        let text = "\nMột hai\nba.\n\n  \nBốn năm.\n";
        assert_eq!(paragraphs(text), vec!["Một hai ba.", "Bốn năm."]);
    }

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
}
