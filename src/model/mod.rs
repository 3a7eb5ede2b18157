//! The briefing types of docs/spec.md and the pure rules over them.

pub mod abbrev;
pub mod filter;
pub mod fold;
pub mod format;
pub mod gauge;
pub mod scope;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::Serialize;

pub use format::Lang;
pub use gauge::{Gauge, GaugeBasis, Reading, Status};

/// The only format version this viewer reads.
pub const FORMAT_VERSION: i64 = 1;

/// One briefing file: a working session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    /// Path relative to the briefing folder, `/`-separated, without `.toml`.
    pub id: String,
    pub title: String,
    pub date: SessionDate,
    pub host: Option<String>,
    pub chair: Option<String>,
    pub topic: Option<String>,
    pub location: Option<String>,
    pub source: Option<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub participants: Vec<Participant>,
    pub districts: Vec<District>,
    /// Directives of the session as a whole.
    pub directives: Vec<Directive>,
}

/// When a session is held, as precise as the file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SessionDate {
    Date(NaiveDate),
    Local(NaiveDateTime),
    Offset(DateTime<FixedOffset>),
}

impl SessionDate {
    /// The calendar day of the session, as written in the file.
    pub fn day(&self) -> NaiveDate {
        match self {
            SessionDate::Date(d) => *d,
            SessionDate::Local(dt) => dt.date(),
            SessionDate::Offset(dt) => dt.date_naive(),
        }
    }

    /// The time of day, when the file gives one.
    pub fn time(&self) -> Option<chrono::NaiveTime> {
        match self {
            SessionDate::Date(_) => None,
            SessionDate::Local(dt) => Some(dt.time()),
            SessionDate::Offset(dt) => Some(dt.time()),
        }
    }

    /// A key that orders sessions chronologically (day first, then time).
    pub fn sort_key(&self) -> NaiveDateTime {
        match self {
            SessionDate::Date(d) => d.and_time(chrono::NaiveTime::MIN),
            SessionDate::Local(dt) => *dt,
            SessionDate::Offset(dt) => dt.naive_local(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub name: String,
    pub role: Option<String>,
    pub part: Option<String>,
}

/// A locality reviewed in a session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct District {
    pub id: String,
    pub name: String,
    pub summary: Option<String>,
    pub highlights: Vec<String>,
    pub strengths: Vec<String>,
    pub shortcomings: Vec<String>,
    pub indicators: Vec<Indicator>,
    pub directives: Vec<Directive>,
}

/// How a figure relates to the true value ("trên", "dưới", "khoảng").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    #[default]
    Exact,
    AtLeast,
    AtMost,
    About,
}

impl Bound {
    pub const NAMES: [&'static str; 4] = ["exact", "at-least", "at-most", "about"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "exact" => Some(Bound::Exact),
            "at-least" => Some(Bound::AtLeast),
            "at-most" => Some(Bound::AtMost),
            "about" => Some(Bound::About),
            _ => None,
        }
    }

    /// The symbol written before the value (`≥ 385`), empty when exact.
    pub fn symbol(self) -> &'static str {
        match self {
            Bound::Exact => "",
            Bound::AtLeast => "≥ ",
            Bound::AtMost => "≤ ",
            Bound::About => "≈ ",
        }
    }
}

/// Which direction of an indicator is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

impl Better {
    pub const NAMES: [&'static str; 2] = ["higher", "lower"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "higher" => Some(Better::Higher),
            "lower" => Some(Better::Lower),
            _ => None,
        }
    }
}

/// A comparison such as "107% so với năm 2022".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub label: String,
    pub percent: f64,
}

/// A key figure of a district, shown as a gauge when it has a ratio.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub name: String,
    pub value: f64,
    pub unit: Option<String>,
    pub bound: Bound,
    pub period: Option<String>,
    pub target: Option<f64>,
    pub target_label: Option<String>,
    pub compare: Vec<Comparison>,
    pub better: Better,
}

/// A directive given in a session; `done*` is the only state the viewer writes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Directive {
    pub id: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub note: Option<String>,
    pub done: bool,
    pub done_at: Option<DateTime<FixedOffset>>,
    pub done_by: Option<String>,
}

impl Directive {
    /// Not done and its due date is before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.done && self.due.is_some_and(|due| due < today)
    }
}

/// Done and total counts of a set of directives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub overdue: usize,
}

impl Progress {
    pub fn of<'a>(directives: impl IntoIterator<Item = &'a Directive>, today: NaiveDate) -> Self {
        directives
            .into_iter()
            .fold(Progress::default(), |mut p, d| {
                p.total += 1;
                p.done += usize::from(d.done);
                p.overdue += usize::from(d.is_overdue(today));
                p
            })
    }

    pub fn open(&self) -> usize {
        self.total - self.done
    }
}

impl District {
    pub fn progress(&self, today: NaiveDate) -> Progress {
        Progress::of(&self.directives, today)
    }
}

/// Where a directive sits in its session: its district (`None` for the session's own
/// directives) and its place in that list. The one handle every screen, the search and the
/// write-back use for a directive; valid for the session it was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DirectiveRef {
    pub district: Option<usize>,
    pub index: usize,
}

impl Session {
    /// Every directive with its handle: the session's own first, then each district's, in file order.
    pub fn directives_with_refs(&self) -> impl Iterator<Item = (DirectiveRef, &Directive)> {
        let own = self.directives.iter().enumerate().map(|(index, d)| {
            let r = DirectiveRef {
                district: None,
                index,
            };
            (r, d)
        });
        let districts = self
            .districts
            .iter()
            .enumerate()
            .flat_map(|(di, district)| {
                district
                    .directives
                    .iter()
                    .enumerate()
                    .map(move |(index, d)| {
                        let r = DirectiveRef {
                            district: Some(di),
                            index,
                        };
                        (r, d)
                    })
            });
        own.chain(districts)
    }

    /// Every directive of the file: session-wide ones first, then each district's.
    pub fn all_directives(&self) -> impl Iterator<Item = &Directive> {
        self.directives_with_refs().map(|(_, d)| d)
    }

    pub fn directive(&self, r: DirectiveRef) -> Option<&Directive> {
        match r.district {
            None => self.directives.get(r.index),
            Some(d) => self.districts.get(d)?.directives.get(r.index),
        }
    }

    pub fn directive_mut(&mut self, r: DirectiveRef) -> Option<&mut Directive> {
        match r.district {
            None => self.directives.get_mut(r.index),
            Some(d) => self.districts.get_mut(d)?.directives.get_mut(r.index),
        }
    }

    /// The handle of the directive with id `id`.
    pub fn find_directive(&self, id: &str) -> Option<DirectiveRef> {
        self.directives_with_refs()
            .find(|(_, d)| d.id == id)
            .map(|(r, _)| r)
    }

    pub fn progress(&self, today: NaiveDate) -> Progress {
        Progress::of(self.all_directives(), today)
    }

    /// Held today or later.
    pub fn is_upcoming(&self, today: NaiveDate) -> bool {
        self.date.day() >= today
    }
}

/// Sorts sessions newest first; sessions on the same day keep a stable order by id.
pub fn sort_newest_first(sessions: &mut [Session]) {
    sessions.sort_by(|a, b| {
        b.date
            .sort_key()
            .cmp(&a.date.sort_key())
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// A minimal directive for unit tests: its state and due date only.
#[cfg(test)]
pub(crate) fn test_directive(done: bool, due: Option<&str>) -> Directive {
    Directive {
        id: "d".into(),
        text: "t".into(),
        owner: None,
        due: due.map(|s| s.parse().expect("test date")),
        note: None,
        done,
        done_at: None,
        done_by: None,
    }
}

#[cfg(test)]
mod tests {
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
                overdue: 1
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
            summary: None,
            highlights: vec![],
            strengths: vec![],
            shortcomings: vec![],
            indicators: vec![],
            directives: vec![theirs],
        };
        let mut s = Session {
            id: "s".into(),
            title: "t".into(),
            date: SessionDate::Date(day("2024-03-13")),
            host: None,
            chair: None,
            topic: None,
            location: None,
            source: None,
            tags: vec![],
            summary: None,
            participants: vec![],
            districts: vec![district.clone(), district],
            directives: vec![own],
        };
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
}
