use chrono::NaiveDate;

use super::*;
use crate::model::State;
use crate::model::progress::Entry;
use crate::report::follow_up::tally;

/// The fixture `briefing report` is tested on (tests/fixtures/report): every category, a
/// session-wide directive in two localities, a locality in two sessions.
const FIXTURE: [(&str, &str); 3] = [
    (
        "2024/2024-01-10-hai-ha",
        include_str!("../../../../tests/fixtures/report/2024/2024-01-10-hai-ha.toml"),
    ),
    (
        "2024/2024-03-13-dam-ha-hai-ha",
        include_str!("../../../../tests/fixtures/report/2024/2024-03-13-dam-ha-hai-ha.toml"),
    ),
    (
        "2024/2024-05-20-dam-ha",
        include_str!("../../../../tests/fixtures/report/2024/2024-05-20-dam-ha.toml"),
    ),
];

fn day(s: &str) -> NaiveDate {
    s.parse().expect("day")
}

fn sessions() -> Vec<Session> {
    let now = chrono::DateTime::parse_from_rfc3339("2024-07-01T12:00:00+07:00").expect("now");
    (FIXTURE.iter())
        .map(|(id, text)| {
            let report = crate::store::parse_file_at(text.as_bytes(), id, id, Some(now));
            report.session.expect("the fixture loads")
        })
        .collect()
}

fn scope(by: Grouping, today: &str) -> Scope {
    Scope {
        from: None,
        to: None,
        by,
        today: day(today),
    }
}

/// Every session counted into kept parts, as the app does when the report is opened.
fn kept(sessions: &[Session], today: &str) -> Tallies {
    let mut tallies = Tallies::new(day(today), None);
    sessions.iter().for_each(|s| tallies.forget(&s.id));
    tallies.catch_up(sessions, day(today));
    assert!(
        !tallies.covers(day(today)),
        "nothing counted before the report is asked for"
    );
    tallies.want();
    tallies.catch_up(sessions, day(today));
    assert!(tallies.covers(day(today)));
    tallies
}

/// Session `id`'s directive `directive`, to change.
fn directive<'s>(sessions: &'s mut [Session], id: &str, directive: &str) -> &'s mut Directive {
    let s = sessions.iter_mut().find(|s| s.id == id).expect("session");
    let r = s.find_directive(directive).expect("directive");
    s.directive_mut(r).expect("directive")
}

fn dropped(d: &mut Directive) {
    d.more.progress.push(Entry {
        at: chrono::DateTime::parse_from_rfc3339("2024-06-30T09:00:00+07:00").expect("time"),
        by: "lan".into(),
        state: Some(State::Dropped),
        note: None,
        percent: None,
    });
    d.settle();
}

/// The kept parts merged give `tally`'s report, rows, lists and labels, by every grouping,
/// made afresh or regrouped from another.
#[test]
fn kept_parts_merge_into_what_tally_counts() {
    let sessions = sessions();
    for today in ["2024-03-01", "2024-07-01", "2025-01-01"] {
        let tallies = kept(&sessions, today);
        for by in Grouping::ALL {
            let want = tally(&sessions, &scope(by, today));
            assert_eq!(tallies.report(&scope(by, today)), want, "{by:?} on {today}");
            let mut regrouped = tallies.report(&scope(by.next(), today));
            tallies.regroup(&mut regrouped, by);
            assert_eq!(regrouped, want, "{by:?} regrouped on {today}");
        }
    }
    let mut within = scope(Grouping::Session, "2024-07-01");
    within.from = Some(day("2024-03-01"));
    let tallies = kept(&sessions, "2024-07-01");
    assert_eq!(tallies.report(&within), tally(&sessions, &within));
}

/// A session forgotten is counted again; one not forgotten keeps its part, even when the
/// slice given holds it changed (so a part is never counted when nothing said it changed).
#[test]
fn only_forgotten_sessions_are_counted_again() {
    let mut sessions = sessions();
    let mut tallies = kept(&sessions, "2024-07-01");
    let before = tally(&sessions, &scope(Grouping::Locality, "2024-07-01"));
    dropped(directive(
        &mut sessions,
        "2024/2024-05-20-dam-ha",
        "dh-nuoc",
    ));
    dropped(directive(
        &mut sessions,
        "2024/2024-01-10-hai-ha",
        "hh-rung",
    ));
    tallies.forget("2024/2024-05-20-dam-ha");
    assert!(!tallies.covers(day("2024-07-01")));
    tallies.catch_up(&sessions, day("2024-07-01"));
    let report = tallies.report(&scope(Grouping::Locality, "2024-07-01"));
    let n = |r: &FollowUp, c| r.total.get(c);
    assert_eq!(
        n(&report, Category::DoingOverdue),
        n(&before, Category::DoingOverdue) - 1
    );
    assert_eq!(
        n(&report, Category::Dropped),
        n(&before, Category::Dropped) + 1
    );
    assert_eq!(
        n(&report, Category::NotStartedInTime),
        n(&before, Category::NotStartedInTime),
        "the session not forgotten keeps its part"
    );
    tallies.forget("2024/2024-01-10-hai-ha");
    tallies.catch_up(&sessions, day("2024-07-01"));
    let scope = scope(Grouping::Locality, "2024-07-01");
    assert_eq!(tallies.report(&scope), tally(&sessions, &scope));
}

/// A session gone loses its part; many forgotten at once (a load's part) are found in one walk.
#[test]
fn sessions_gone_lose_their_parts() {
    let mut sessions = sessions();
    let mut tallies = kept(&sessions, "2024-07-01");
    let gone = sessions.remove(0);
    tallies.forget(&gone.id);
    tallies.catch_up(&sessions, day("2024-07-01"));
    let scope = scope(Grouping::Session, "2024-07-01");
    assert_eq!(tallies.report(&scope), tally(&sessions, &scope));
    assert_eq!(tallies.report(&scope).sessions, 2);

    let many: Vec<Session> = (0..FEW_STALE + 2)
        .map(|i| {
            let mut s = sessions[i % 2].clone();
            s.id = format!("copy-{i}").into();
            s
        })
        .collect();
    many.iter().for_each(|s| tallies.forget(&s.id));
    sessions.extend(many);
    tallies.catch_up(&sessions, day("2024-07-01"));
    assert_eq!(tallies.report(&scope), tally(&sessions, &scope));
}

/// On another day every session is counted again: directives fall overdue.
#[test]
fn another_day_counts_every_session_again() {
    let sessions = sessions();
    let mut tallies = kept(&sessions, "2024-07-01");
    tallies.catch_up(&sessions, day("2024-07-02"));
    assert!(tallies.covers(day("2024-07-02")));
    let later = scope(Grouping::Locality, "2024-07-02");
    let report = tallies.report(&later);
    assert_eq!(report, tally(&sessions, &later));
    let earlier = tally(&sessions, &scope(Grouping::Locality, "2024-07-01"));
    assert_eq!(
        report.total.get(Category::NotStartedOverdue),
        earlier.total.get(Category::NotStartedOverdue) + 1,
        "the directive due on 2024-07-01 is overdue the day after"
    );
}
