//! The follow-up of a directive or of a locality's proposal with an assignee (format version
//! 3): its progress log, the state the log leaves it in, and the category a report counts it
//! in. Both are a [`Followed`] item, so every rule here is said once for both.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Directive, Due, List, Proposal, Shared, Text};

/// Where a directive stands: the `state` of a progress entry (docs/spec.md, version 3).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Not started, or started again after an un-check.
    #[default]
    Open,
    Doing,
    /// Held up: the locality waits for something (land, money, a decision).
    Blocked,
    Done,
    /// Stopped for good (a plan changed): neither open nor done.
    Dropped,
}

impl State {
    pub const ALL: [State; 5] = [
        State::Open,
        State::Doing,
        State::Blocked,
        State::Done,
        State::Dropped,
    ];

    /// The word a file writes.
    pub fn name(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Doing => "doing",
            State::Blocked => "blocked",
            State::Done => "done",
            State::Dropped => "dropped",
        }
    }

    /// The state a file's word names, if any.
    pub fn from_name(word: &str) -> Option<Self> {
        State::ALL.into_iter().find(|s| s.name() == word)
    }

    /// The state a person most likely meant by a word that is not a state's name: a
    /// Vietnamese or English word for it ("hoàn thành", "xong", "finished" → done; "đang",
    /// "in progress" → doing; "vướng" → blocked; "dừng", "hủy", "cancelled" → dropped;
    /// "chưa" → open), with or without accents, in any case; a name itself in another case.
    pub fn meant(word: &str) -> Option<Self> {
        let slug = super::fold::slug(word);
        if let Some(state) = State::from_name(&slug) {
            return Some(state);
        }
        let has = |words: &[&str]| {
            words
                .iter()
                .any(|w| slug == *w || slug.starts_with(&format!("{w}-")))
        };
        MEANT
            .iter()
            .find(|(_, words)| has(words))
            .map(|(state, _)| *state)
    }

    /// Done or dropped: nothing more is expected, so it is never overdue.
    pub fn is_closed(self) -> bool {
        matches!(self, State::Done | State::Dropped)
    }
}

/// One entry of a progress log, as the file has it: appended, never rewritten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub at: DateTime<FixedOffset>,
    /// Who: the login, as for `done_by`.
    pub by: Shared,
    /// The state it sets; a note alone keeps the state.
    pub state: Option<State>,
    pub note: Option<Text>,
    /// 0–100.
    pub percent: Option<u8>,
}

/// What a progress entry says besides when and by whom: the state it sets (a note alone keeps
/// the state), its note, its percent. The progress form asks for one, `briefing log` shows
/// one per action.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Update {
    pub state: Option<State>,
    pub note: Option<Text>,
    /// 0–100.
    pub percent: Option<u8>,
}

impl Update {
    /// What `entry` says.
    pub fn of(entry: &Entry) -> Self {
        Update {
            state: entry.state,
            note: entry.note.clone(),
            percent: entry.percent,
        }
    }

    /// `entry` made by `by` at `at`.
    pub fn stamped(self, at: DateTime<FixedOffset>, by: Shared) -> Entry {
        Entry {
            at,
            by,
            state: self.state,
            note: self.note,
            percent: self.percent,
        }
    }
}

/// The words, slugged (no accents, `-` between words), that say each state, in the order they
/// are tried: a slug that is one of them, or starts with one and a `-`, means that state.
const MEANT: [(State, &[&str]); 5] = [
    (
        State::Done,
        &[
            "hoan-thanh",
            "xong",
            "da-xong",
            "da-hoan-thanh",
            "finished",
            "finish",
            "complete",
            "completed",
            "closed",
            "ok",
        ],
    ),
    (
        State::Blocked,
        &[
            "vuong",
            "vuong-mac",
            "bi-vuong",
            "stuck",
            "blocking",
            "block",
            "on-hold",
        ],
    ),
    (
        State::Dropped,
        &[
            "dung",
            "dung-thuc-hien",
            "huy",
            "huy-bo",
            "bo",
            "cancelled",
            "canceled",
            "cancel",
            "abandoned",
            "stopped",
            "stop",
        ],
    ),
    (
        State::Doing,
        &[
            "dang",
            "dang-thuc-hien",
            "dang-lam",
            "in-progress",
            "ongoing",
            "started",
            "working",
            "progress",
        ],
    ),
    (
        State::Open,
        &[
            "chua",
            "chua-thuc-hien",
            "chua-lam",
            "not-started",
            "todo",
            "to-do",
            "new",
            "reopened",
        ],
    ),
];

/// Where a directive stands, since when and set by whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing<'a> {
    pub state: State,
    /// When the state was set; `None` for a directive never touched, or a v1/v2 check-off
    /// without `done_at`.
    pub since: Option<DateTime<FixedOffset>>,
    pub by: Option<&'a str>,
}

impl Standing<'_> {
    const UNTOUCHED: Standing<'static> = Standing {
        state: State::Open,
        since: None,
        by: None,
    };
}

/// The category a directive is counted in for a follow-up report, relative to its deadline
/// and a day: the categories Vietnamese follow-up systems use, with "not started" split by
/// deadline and "blocked" apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    DoneOnTime,
    DoneLate,
    DoingInTime,
    DoingOverdue,
    NotStartedInTime,
    NotStartedOverdue,
    Blocked,
    Dropped,
}

impl Category {
    /// Every category, in the order a report's columns take.
    pub const ALL: [Category; 8] = [
        Category::DoneOnTime,
        Category::DoneLate,
        Category::DoingInTime,
        Category::DoingOverdue,
        Category::NotStartedInTime,
        Category::NotStartedOverdue,
        Category::Blocked,
        Category::Dropped,
    ];

    /// The word JSON, CSV and the command line use (`done_on_time`, …).
    pub fn name(self) -> &'static str {
        match self {
            Category::DoneOnTime => "done_on_time",
            Category::DoneLate => "done_late",
            Category::DoingInTime => "doing_in_time",
            Category::DoingOverdue => "doing_overdue",
            Category::NotStartedInTime => "not_started_in_time",
            Category::NotStartedOverdue => "not_started_overdue",
            Category::Blocked => "blocked",
            Category::Dropped => "dropped",
        }
    }

    /// The category a name says, if any.
    pub fn from_name(word: &str) -> Option<Self> {
        Category::ALL.into_iter().find(|c| c.name() == word)
    }

    /// Past its deadline and not done: what a report lists as overdue.
    pub fn is_overdue(self) -> bool {
        matches!(self, Category::DoingOverdue | Category::NotStartedOverdue)
    }

    /// The category of a directive in `standing` with deadline `due`, on `today`. Done counts
    /// as on time when it was done on or before the deadline's last day (by the day written
    /// in its own offset), or when there is no deadline or no time of completion; open and
    /// doing are overdue once today is past the last day.
    pub fn of(standing: Standing<'_>, due: Option<Due>, today: NaiveDate) -> Self {
        let last_day = due.map(Due::last_day);
        let late = |day: NaiveDate| last_day.is_some_and(|last| day > last);
        match standing.state {
            State::Done => match standing.since {
                Some(at) if late(at.date_naive()) => Category::DoneLate,
                _ => Category::DoneOnTime,
            },
            State::Doing if late(today) => Category::DoingOverdue,
            State::Doing => Category::DoingInTime,
            State::Open if late(today) => Category::NotStartedOverdue,
            State::Open => Category::NotStartedInTime,
            State::Blocked => Category::Blocked,
            State::Dropped => Category::Dropped,
        }
    }
}

/// What can be followed up: a directive, or a locality's proposal with an assignee. Each
/// gives its log, its deadline and (a directive of version 1 or 2) its check-off; the rules of
/// state, category, percent and note are these provided methods, one for both.
pub trait Followed {
    /// The progress log, in file order.
    fn log(&self) -> &[Entry];
    /// The log, to append an entry the file now has or put one back.
    fn log_mut(&mut self) -> &mut List<Entry>;
    /// Its deadline (a day or a period), if it has one.
    fn deadline(&self) -> Option<Due>;
    /// A v1/v2 check-off (`done = true`): `Some((done_at, done_by))`; `None` when it has none.
    fn checked_off(&self) -> Option<(Option<DateTime<FixedOffset>>, Option<&str>)> {
        None
    }
    /// Once the log changed: what says done besides the log agrees with it again.
    fn settle(&mut self) {}
    /// Its follow-up as it is now, to put back with [`Followed::restore`].
    fn snapshot(&self) -> Snapshot;
    /// Puts back the follow-up a [`Followed::snapshot`] took.
    fn restore(&mut self, snapshot: Snapshot);

    /// Where it stands: the last progress entry by `at` that names a state, a v1/v2
    /// `done = true` counting as a `done` entry at `done_at` (before every entry when it has
    /// no time). Of entries at the same time, the later in the file wins.
    fn standing(&self) -> Standing<'_> {
        let legacy = self.checked_off().map(|(since, by)| Standing {
            state: State::Done,
            since,
            by,
        });
        let logged = self.log().iter().filter_map(|e| {
            e.state.map(|state| Standing {
                state,
                since: Some(e.at),
                by: Some(&*e.by),
            })
        });
        legacy
            .into_iter()
            .chain(logged)
            .reduce(|best, next| if next.since >= best.since { next } else { best })
            .unwrap_or(Standing::UNTOUCHED)
    }

    /// The current state (see `standing`).
    fn state(&self) -> State {
        self.standing().state
    }

    /// Shown as done: its state, or a directive's `done` (which a check-off being saved sets
    /// at once).
    fn is_done(&self) -> bool {
        self.state() == State::Done
    }

    /// The category a report counts it in on `today`.
    fn category(&self, today: NaiveDate) -> Category {
        Category::of(self.standing(), self.deadline(), today)
    }

    /// Neither done nor dropped, and its deadline (a day, or the last day of a period) is
    /// before `today`.
    fn is_overdue(&self, today: NaiveDate) -> bool {
        self.deadline().is_some_and(|due| due.last_day() < today) && !self.state().is_closed()
    }

    /// The latest entry by `at` with a note (a later one in the file wins a tie).
    fn latest_note(&self) -> Option<&Entry> {
        latest(self.log().iter().filter(|e| e.note.is_some()))
    }

    /// The latest percent written (by `at`).
    fn percent(&self) -> Option<u8> {
        latest(self.log().iter().filter(|e| e.percent.is_some())).and_then(|e| e.percent)
    }

    /// The log in time order (a stable sort: the file's order among equal times).
    fn log_by_time(&self) -> Vec<&Entry> {
        let mut log: Vec<&Entry> = self.log().iter().collect();
        log.sort_by_key(|e| e.at);
        log
    }
}

/// A followed item's follow-up as it was: its log, and a directive's `done*` fields.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    pub progress: List<Entry>,
    pub done: bool,
    pub done_at: Option<DateTime<FixedOffset>>,
    pub done_by: Option<Shared>,
}

impl Followed for Directive {
    fn log(&self) -> &[Entry] {
        &self.more.progress
    }

    fn log_mut(&mut self) -> &mut List<Entry> {
        &mut self.more.progress
    }

    fn deadline(&self) -> Option<Due> {
        self.due
    }

    fn checked_off(&self) -> Option<(Option<DateTime<FixedOffset>>, Option<&str>)> {
        self.done
            .then_some((self.more.done_at, self.more.done_by.as_deref()))
    }

    fn is_done(&self) -> bool {
        self.done
    }

    /// `done`, `done_at` and `done_by` say the current state (done or not, and when and by
    /// whom), so every count and view that asks `done` agrees with the log. A directive without
    /// a log keeps its v1/v2 fields as written.
    fn settle(&mut self) {
        if !self.more.progress.iter().any(|e| e.state.is_some()) {
            return;
        }
        let standing = self.standing();
        let done = standing.state == State::Done;
        let since = standing.since.filter(|_| done);
        let by = done.then(|| standing.by.map(Shared::from)).flatten();
        self.done = done;
        self.more.done_at = since;
        self.more.done_by = by;
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            progress: self.more.progress.clone(),
            done: self.done,
            done_at: self.more.done_at,
            done_by: self.more.done_by.clone(),
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        self.done = snapshot.done;
        let more = &mut *self.more;
        more.progress = snapshot.progress;
        more.done_at = snapshot.done_at;
        more.done_by = snapshot.done_by;
        self.more.tidy();
    }
}

impl Followed for Proposal {
    fn log(&self) -> &[Entry] {
        &self.progress
    }

    fn log_mut(&mut self) -> &mut List<Entry> {
        &mut self.progress
    }

    fn deadline(&self) -> Option<Due> {
        self.due
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            progress: self.progress.clone(),
            ..Snapshot::default()
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        self.progress = snapshot.progress;
    }
}

impl Proposal {
    /// Followed up like a directive: a body is assigned to act on it. The one rule of which
    /// proposals the session tab's badges, `show` and the report count. (Writing its progress
    /// also needs an `id` to name it by.)
    pub fn is_followed(&self) -> bool {
        self.assignee
            .as_deref()
            .is_some_and(|a| !a.trim().is_empty())
    }
}

fn latest<'a>(entries: impl Iterator<Item = &'a Entry>) -> Option<&'a Entry> {
    entries.reduce(|best, next| if next.at >= best.at { next } else { best })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DirectiveMore, Rare};

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("day")
    }

    fn entry(time: &str, state: Option<State>) -> Entry {
        Entry {
            at: at(time),
            by: Shared::from("lan"),
            state,
            note: None,
            percent: None,
        }
    }

    fn directive(due: Option<&str>, log: Vec<Entry>) -> Directive {
        Directive {
            id: "d1".into(),
            text: "Làm đường".into(),
            due: due.map(|d| Due::Day(day(d))),
            more: Rare::new(DirectiveMore {
                progress: log.into(),
                ..DirectiveMore::default()
            }),
            ..Directive::default()
        }
    }

    #[test]
    fn untouched_is_open_and_not_started() {
        let d = directive(Some("2024-06-30"), vec![]);
        assert_eq!(d.state(), State::Open);
        assert_eq!(d.category(day("2024-06-30")), Category::NotStartedInTime);
        assert_eq!(d.category(day("2024-07-01")), Category::NotStartedOverdue);
    }

    #[test]
    fn the_last_entry_by_time_wins_not_the_last_in_the_file() {
        let d = directive(
            None,
            vec![
                entry("2024-04-02T09:00:00+07:00", Some(State::Done)),
                entry("2024-04-01T09:00:00+07:00", Some(State::Doing)),
            ],
        );
        assert_eq!(d.state(), State::Done);
    }

    #[test]
    fn a_note_alone_keeps_the_state() {
        let mut note = entry("2024-04-03T09:00:00+07:00", None);
        note.note = Some("vướng mặt bằng".into());
        let d = directive(
            None,
            vec![
                entry("2024-04-02T09:00:00+07:00", Some(State::Blocked)),
                note,
            ],
        );
        assert_eq!(d.state(), State::Blocked);
        assert_eq!(
            d.latest_note().and_then(|e| e.note.as_deref()),
            Some("vướng mặt bằng")
        );
    }

    #[test]
    fn a_v2_check_off_is_a_done_entry_at_its_time() {
        let mut d = directive(
            None,
            vec![entry("2024-04-05T09:00:00+07:00", Some(State::Open))],
        );
        d.done = true;
        d.more.done_at = Some(at("2024-04-04T09:00:00+07:00"));
        assert_eq!(d.state(), State::Open, "the un-check came after");
        d.more.done_at = Some(at("2024-04-06T09:00:00+07:00"));
        assert_eq!(d.state(), State::Done, "the check-off came after");
        d.more.done_at = None;
        assert_eq!(d.state(), State::Open, "no time: before every entry");
    }

    #[test]
    fn done_on_the_last_day_is_on_time_the_next_day_late() {
        let today = day("2025-01-01");
        let on_time = directive(
            Some("2024-06-30"),
            vec![entry("2024-06-30T23:59:00+07:00", Some(State::Done))],
        );
        assert_eq!(on_time.category(today), Category::DoneOnTime);
        let late = directive(
            Some("2024-06-30"),
            vec![entry("2024-07-01T00:01:00+07:00", Some(State::Done))],
        );
        assert_eq!(late.category(today), Category::DoneLate);
    }

    #[test]
    fn doing_blocked_dropped_by_deadline() {
        let doing = directive(
            Some("2024-06-30"),
            vec![entry("2024-04-01T09:00:00+07:00", Some(State::Doing))],
        );
        assert_eq!(doing.category(day("2024-06-30")), Category::DoingInTime);
        assert_eq!(doing.category(day("2024-07-01")), Category::DoingOverdue);
        let blocked = directive(
            Some("2024-06-30"),
            vec![entry("2024-04-01T09:00:00+07:00", Some(State::Blocked))],
        );
        assert_eq!(blocked.category(day("2024-07-01")), Category::Blocked);
        let dropped = directive(
            Some("2024-06-30"),
            vec![entry("2024-04-01T09:00:00+07:00", Some(State::Dropped))],
        );
        assert_eq!(dropped.category(day("2024-07-01")), Category::Dropped);
        assert!(!dropped.is_overdue(day("2024-07-01")));
    }

    #[test]
    fn settle_makes_done_say_the_log() {
        let mut d = directive(
            None,
            vec![
                entry("2024-04-01T09:00:00+07:00", Some(State::Done)),
                entry("2024-04-02T09:00:00+07:00", Some(State::Open)),
            ],
        );
        Followed::settle(&mut d);
        assert!(!d.done);
        d.more
            .progress
            .push(entry("2024-04-03T09:00:00+07:00", Some(State::Done)));
        d.settle();
        assert!(d.done);
        assert_eq!(d.more.done_at, Some(at("2024-04-03T09:00:00+07:00")));
        assert_eq!(d.more.done_by.as_deref(), Some("lan"));
        let before = d.clone();
        d.settle();
        assert_eq!(d, before, "settling twice changes nothing");
    }

    #[test]
    fn names_round_trip() {
        for s in State::ALL {
            assert_eq!(State::from_name(s.name()), Some(s));
        }
        for c in Category::ALL {
            assert_eq!(Category::from_name(c.name()), Some(c));
        }
        assert_eq!(State::from_name("finished"), None);
    }

    #[test]
    fn words_people_write_suggest_a_state() {
        let cases: [(Option<State>, &[&str]); 6] = [
            (
                Some(State::Done),
                &["hoàn thành", "Hoàn Thành", "xong", "finished", "DONE"],
            ),
            (Some(State::Doing), &["đang thực hiện", "in progress"]),
            (Some(State::Blocked), &["vướng mặt bằng"]),
            (Some(State::Dropped), &["dừng", "hủy", "cancelled"]),
            (Some(State::Open), &["chưa"]),
            (None, &["banana", ""]),
        ];
        for (state, words) in cases {
            for word in words {
                assert_eq!(State::meant(word), state, "{word}");
            }
        }
    }
}
