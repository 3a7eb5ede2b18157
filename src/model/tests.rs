//! Unit tests of the briefing types and their rules.

use super::*;

fn directive(done: bool, due: Option<&str>) -> Directive {
    test_directive(done, due)
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

#[test]
fn overdue_only_when_open_and_due_before_today() {
    let today = day("2024-04-01");
    assert!(directive(false, Some("2024-03-31")).is_overdue(today));
    assert!(!directive(false, Some("2024-04-01")).is_overdue(today));
    assert!(!directive(false, Some("2024-04-02")).is_overdue(today));
    assert!(!directive(true, Some("2024-03-01")).is_overdue(today));
    assert!(!directive(false, None).is_overdue(today));
}

#[test]
fn progress_counts_done_total_overdue() {
    let today = day("2024-04-01");
    let ds = [
        directive(true, None),
        directive(false, Some("2024-01-01")),
        directive(false, None),
    ];
    let p = Progress::of(&ds, today);
    assert_eq!(
        p,
        Progress {
            done: 1,
            total: 3,
            overdue: 1,
            dropped: 0
        }
    );
    assert_eq!(p.open(), 2);
}

#[test]
fn session_date_day_and_order() {
    let a = SessionDate::Date(day("2024-03-13"));
    let b = SessionDate::Local(day("2024-03-13").and_hms_opt(8, 0, 0).expect("time"));
    assert_eq!(a.day(), b.day());
    assert!(a.sort_key() < b.sort_key());
    assert_eq!(a.time(), None);
}

#[test]
fn directive_handles_walk_own_then_districts_and_find_back() {
    let mut own = directive(false, None);
    own.id = "own".into();
    let mut theirs = directive(false, None);
    theirs.id = "theirs".into();
    let district = District {
        id: "x".into(),
        name: "X".into(),
        directives: vec![theirs],
        ..District::default()
    };
    let mut s = test_session(vec![district.clone(), district], vec![own]);
    let refs: Vec<DirectiveRef> = s.directives_with_refs().map(|(r, _)| r).collect();
    let at = |district, index| DirectiveRef { district, index };
    assert_eq!(refs, [at(None, 0), at(Some(0), 0), at(Some(1), 0)]);
    for (r, d) in s.directives_with_refs() {
        assert_eq!(s.directive(r), Some(d));
    }
    assert_eq!(s.find_directive("theirs"), Some(at(Some(0), 0)));
    assert_eq!(s.find_directive("nobody"), None);
    assert_eq!(s.directive(at(Some(5), 0)), None);
    s.directive_mut(at(Some(1), 0)).expect("directive").done = true;
    assert!(s.districts[1].directives[0].done && !s.districts[0].directives[0].done);
}

#[test]
fn a_period_deadline_is_overdue_the_day_after_the_period_ends() {
    let mut d = directive(false, None);
    d.due = Period::parse("2024-Q2").map(Due::Period);
    assert!(!d.is_overdue(day("2024-06-30")));
    assert!(d.is_overdue(day("2024-07-01")));
    d.due = Period::parse("2024").map(Due::Period);
    assert!(!d.is_overdue(day("2024-12-31")));
    assert!(d.is_overdue(day("2025-01-01")));
    d.done = true;
    assert!(!d.is_overdue(day("2025-01-01")));
}

#[test]
fn a_directive_without_to_concerns_every_locality() {
    let mut d = directive(false, None);
    assert!(d.concerns("hai-ha") && d.concerns("anywhere"));
    d.more.to = vec!["hai-ha".into(), "dam-ha".into()].into();
    assert!(d.concerns("hai-ha") && d.concerns("dam-ha"));
    assert!(!d.concerns("tien-yen"));
    let locality = |id: &str| District {
        id: id.into(),
        name: id.into(),
        ..Default::default()
    };
    let localities = vec![locality("tien-yen"), locality("dam-ha")];
    let s = test_session(localities, vec![d.clone(), directive(false, None)]);
    assert_eq!(s.shared_directives_of("tien-yen").count(), 1);
    assert_eq!(s.shared_directives_of("dam-ha").count(), 2);
    assert_eq!(s.shared_directives_of("not-here").count(), 0);
}

#[test]
fn a_session_known_to_the_month_sorts_at_its_start_and_is_upcoming_only_ahead() {
    let mut s = test_session(vec![], vec![]);
    s.date = SessionDate::Period(Period::Month(2024, 3));
    assert_eq!(s.date.day(), day("2024-03-01"));
    assert_eq!(s.date.time(), None);
    assert!(s.date.sort_key() < SessionDate::Date(day("2024-03-02")).sort_key());
    assert!(s.is_upcoming(day("2024-03-01")));
    assert!(!s.is_upcoming(day("2024-03-02")));
    s.date = SessionDate::Period(Period::Year(2022));
    assert_eq!(serde_json::to_string(&s.date).expect("json"), "\"2022\"");
}

#[test]
fn chairs_read_as_one_line() {
    let mut s = test_session(vec![], vec![]);
    assert_eq!(s.chair_line(), None);
    s.chairs = vec!["A".into(), "B".into()].into();
    assert_eq!(s.chair_line().as_deref(), Some("A; B"));
}

/// Ten thousand sessions hold some 180,000 indicators, 210,000 directives and 30,000
/// localities: what they seldom write stays out of them (docs/performance.md, "Memory").
#[test]
fn indicators_directives_and_localities_keep_their_seldom_fields_apart() {
    assert_eq!(size_of::<Rare<IndicatorMore>>(), 8);
    assert_eq!(size_of::<Rare<DirectiveMore>>(), 8);
    assert_eq!(size_of::<Rare<DistrictMore>>(), 8);
    assert!(size_of::<Indicator>() <= 96, "{}", size_of::<Indicator>());
    assert!(size_of::<Directive>() <= 64, "{}", size_of::<Directive>());
    assert!(size_of::<District>() <= 176, "{}", size_of::<District>());
    let d = test_directive(false, None);
    assert!(d.more.is_absent() && d.more.to.is_empty() && d.more.done_at.is_none());
}

#[test]
fn bound_and_better_parse_only_documented_names() {
    for name in Bound::NAMES {
        assert!(Bound::parse(name).is_some());
    }
    for name in Better::NAMES {
        assert!(Better::parse(name).is_some());
    }
    assert_eq!(Bound::parse("above"), None);
    assert_eq!(Better::parse("Higher"), None);
}
