//! A followed item's follow-up as words (format version 3): its state with its percent, its
//! report category, its latest note. Shared by `show`, the report and the screens, so a
//! directive or a locality's proposal with an assignee reads the same everywhere.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};

use crate::i18n;
use crate::model::progress::Category;
use crate::model::{Followed, Lang, Proposal, State};
use crate::present::numbers;
use crate::present::words::{category_word, state_word};

/// `Đang thực hiện, 40%` / `In progress, 40%`: the state, and the latest percent written.
pub(crate) fn state_with_percent(state: State, percent: Option<u8>, lang: Lang) -> String {
    match percent {
        Some(p) => format!("{}, {p}%", state_word(state, lang)),
        None => state_word(state, lang).to_string(),
    }
}

/// `Đang thực hiện quá hạn, 40%`: a directive's category on `today` (which says its state
/// too: done, doing, not started, blocked or dropped) and the latest percent written; the line
/// `show` gives every directive.
pub(crate) fn standing_line(d: &(impl Followed + ?Sized), today: NaiveDate, lang: Lang) -> String {
    let category = category_word(d.category(today), lang);
    match d.percent() {
        Some(p) => format!("{category}, {p}%"),
        None => category.to_string(),
    }
}

/// Whether the follow-up line says more than a directive's checkbox and overdue mark: it has
/// a progress log, or it was done against a deadline (on time or late). The documents and the
/// due view give the line only then; JSON always has the state and the category.
pub(crate) fn says_more(d: &(impl Followed + ?Sized)) -> bool {
    !d.log().is_empty() || (d.checked_off().is_some() && d.deadline().is_some())
}

/// `Tình trạng: Đang thực hiện trong hạn, 20% · Ghi nhận mới nhất (…): …`: what a followed
/// proposal's line in `show` adds after its facts; `None` for one without an assignee.
pub(crate) fn proposal_follow_up(
    p: &Proposal,
    today: NaiveDate,
    lang: Lang,
    handout: bool,
) -> Option<String> {
    if !p.is_followed() {
        return None;
    }
    let t = i18n::strings(lang);
    let standing = format!("{}: {}", t.progress_state, standing_line(p, today, lang));
    Some(match latest_note_line(p, lang, handout) {
        Some(note) => format!("{standing} · {note}"),
        None => standing,
    })
}

/// `02/04/2024 09:15, lan`: when and by whom a note was written (`by` left out in a handout).
pub(crate) fn note_stamp(at: &DateTime<FixedOffset>, by: Option<&str>) -> String {
    let local = at.naive_local();
    let mut stamp = String::with_capacity(32);
    numbers::push_date(&mut stamp, local.date());
    let _ = write!(stamp, " {:02}:{:02}", local.hour(), local.minute());
    if let Some(by) = by {
        stamp.push_str(", ");
        stamp.push_str(by);
    }
    stamp
}

/// `Ghi nhận mới nhất (02/04/2024 09:15, lan): Đã khởi công…`: the directive's latest note,
/// when its log has one.
pub(crate) fn latest_note_line(
    d: &(impl Followed + ?Sized),
    lang: Lang,
    handout: bool,
) -> Option<String> {
    let entry = d.latest_note()?;
    let note = entry.note.as_deref()?;
    let by = (!handout).then_some(&*entry.by);
    Some(format!(
        "{} ({}): {note}",
        i18n::strings(lang).latest_note,
        note_stamp(&entry.at, by)
    ))
}

/// A category's place among the report's columns, numbered from 1: `(3)`.
pub(crate) fn column_mark(c: Category) -> String {
    let n = Category::ALL.iter().position(|&x| x == c).unwrap_or(0) + 1;
    format!("({n})")
}

/// `(1) Hoàn thành đúng hạn`: the legend of a numbered column.
pub(crate) fn column_legend(c: Category, lang: Lang) -> String {
    format!("{} {}", column_mark(c), category_word(c, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Directive, Entry};

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    #[test]
    fn a_note_is_stamped_with_its_own_time_and_author() {
        let stamp = |s: &str, by| note_stamp(&at(s), by);
        assert_eq!(
            stamp("2024-04-02T09:05:59+07:00", Some("lan")),
            "02/04/2024 09:05, lan"
        );
        assert_eq!(stamp("2024-12-31T23:59:00-05:00", None), "31/12/2024 23:59");
        let t = at("2024-04-02T00:00:00+07:00");
        assert_eq!(note_stamp(&t, None), t.format("%d/%m/%Y %H:%M").to_string());
    }

    #[test]
    fn a_directive_reads_its_state_category_and_note() {
        let mut d = Directive {
            due: Some(crate::model::Due::Day("2024-06-30".parse().expect("day"))),
            ..Directive::default()
        };
        d.more.progress.push(Entry {
            at: at("2024-04-02T09:15:00+07:00"),
            by: "lan".into(),
            state: Some(State::Doing),
            note: Some("Đã khởi công 2 công trình".into()),
            percent: Some(40),
        });
        let today = "2024-07-01".parse().expect("day");
        assert_eq!(
            standing_line(&d, today, Lang::Vi),
            "Đang thực hiện quá hạn, 40%"
        );
        assert_eq!(
            latest_note_line(&d, Lang::En, false).as_deref(),
            Some("Latest note (02/04/2024 09:15, lan): Đã khởi công 2 công trình")
        );
        assert_eq!(
            latest_note_line(&d, Lang::Vi, true).as_deref(),
            Some("Ghi nhận mới nhất (02/04/2024 09:15): Đã khởi công 2 công trình")
        );
        assert_eq!(
            state_with_percent(State::Doing, Some(40), Lang::En),
            "In progress, 40%"
        );
        assert_eq!(
            column_legend(Category::DoneLate, Lang::Vi),
            "(2) Hoàn thành quá hạn"
        );
    }
}
