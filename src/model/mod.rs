//! The briefing types of docs/spec.md and the pure rules over them.

pub(crate) mod abbrev;
pub(crate) mod dossier;
pub mod filter;
pub(crate) mod fold;
pub(crate) mod gauge;
pub(crate) mod lang;
mod list;
mod part;
pub(crate) mod period;
pub(crate) mod progress;
mod rare;
pub(crate) mod scope;
mod thin;
pub(crate) mod values;
mod written;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

pub(crate) use gauge::Gauge;
pub use gauge::GaugeBasis;
pub use gauge::Status;
pub use lang::Lang;
pub use period::Due;
pub use period::Period;
pub use progress::{Entry, Followed, State, Update};
pub use values::Basis;
pub use values::HostKind;
pub use values::Kind;
pub use values::Level;
pub use values::PartOfDay;

/// Text of a loaded briefing: exactly as long as it is, in one pointer (`model::thin`: a
/// `String` would carry 16 bytes more in every field of ten thousand sessions, `Box<str>` 8).
pub use thin::Text;

/// A list most briefings leave empty: one pointer, nothing allocated while empty
/// (`model::list`).
pub use list::List;

/// Fields most briefings leave out, in one pointer, allocated only when one is written
/// (`model::rare`).
pub use rare::Rare;
pub(crate) use rare::Seldom;

/// An id of a session, a locality or a directive: ids are short, so most are kept inline,
/// without an allocation of their own.
pub(crate) type Id = compact_str::CompactString;

/// An indicator's comparisons: most have one, kept inline (no allocation of its own).
pub(crate) type Comparisons = smallvec::SmallVec<[Comparison; 1]>;

/// Text that repeats through a briefing (indicator names, units, comparison labels, owners,
/// who checked off):
/// one copy per file, shared by every field that says it, in one pointer (`model::thin`).
pub(crate) use thin::Shared;

/// The format versions this viewer reads (docs/spec.md); a file without `version` is version 1.
pub(crate) const FORMAT_VERSIONS: [i64; 3] = [1, 2, 3];

/// One briefing file: a working session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Path relative to the briefing folder, `/`-separated, without `.toml`.
    pub id: Id,
    /// The format version the file declares (1 when it says none).
    pub version: i64,
    pub title: Text,
    pub date: SessionDate,
    pub part_of_day: Option<PartOfDay>,
    /// When the account was published: a day or a date-time, never a period.
    pub published: Option<SessionDate>,
    /// The day and month of `date` are the source's, its year inferred (version 3).
    pub year_inferred: bool,
    pub host: Option<Text>,
    pub host_kind: Option<HostKind>,
    /// Who chairs it: one, several co-chairs, or none written.
    pub chairs: List<Text>,
    pub topic: Option<Text>,
    pub location: Option<Text>,
    pub source: Option<Text>,
    pub tags: Vec<Text>,
    pub summary: Option<Text>,
    /// Results, strengths and shortcomings of all localities together.
    pub highlights: Vec<Text>,
    pub strengths: List<Text>,
    pub shortcomings: Vec<Text>,
    pub references: List<Reference>,
    pub images: List<Image>,
    pub participants: Vec<Participant>,
    /// The localities reviewed (`[[district]]` or `[[locality]]`), in file order.
    pub districts: Vec<District>,
    /// Directives of the session as a whole.
    pub directives: Vec<Directive>,
}

/// A document the session refers to (`20-NQ/TU`, its title); at least one of the two is set.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reference {
    pub number: Option<Text>,
    pub title: Option<Text>,
}

/// A photo of the account: its caption, its credit, and the file when the folder has it
/// (a path relative to the briefing file's folder, never leaving the briefing folder).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Image {
    /// What the photo shows; `None` only for a photo known by its credit alone (version 3).
    pub caption: Option<Text>,
    pub credit: Option<Text>,
    pub file: Option<Text>,
}

/// When a session is held, as precise as the file says: a day, a date-time, or (version 2) only
/// the month or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SessionDate {
    Date(NaiveDate),
    Local(NaiveDateTime),
    Offset(DateTime<FixedOffset>),
    /// `"2023-01"` or `"2022"`: a month or a year, no day known.
    Period(Period),
}

impl SessionDate {
    /// The calendar day of the session as written, or the first day of its period.
    pub fn day(&self) -> NaiveDate {
        match self {
            SessionDate::Date(d) => *d,
            SessionDate::Local(dt) => dt.date(),
            SessionDate::Offset(dt) => dt.date_naive(),
            SessionDate::Period(p) => p.first_day(),
        }
    }

    /// The period, when only the month or the year is known.
    pub fn period(&self) -> Option<Period> {
        match self {
            SessionDate::Period(p) => Some(*p),
            _ => None,
        }
    }

    /// The time of day, when the file gives one.
    pub fn time(&self) -> Option<chrono::NaiveTime> {
        match self {
            SessionDate::Date(_) | SessionDate::Period(_) => None,
            SessionDate::Local(dt) => Some(dt.time()),
            SessionDate::Offset(dt) => Some(dt.time()),
        }
    }

    /// A key that orders sessions chronologically (day first, then time); a period sorts at
    /// its start.
    pub fn sort_key(&self) -> NaiveDateTime {
        match self {
            SessionDate::Date(_) | SessionDate::Period(_) => {
                self.day().and_time(chrono::NaiveTime::MIN)
            }
            SessionDate::Local(dt) => *dt,
            SessionDate::Offset(dt) => dt.naive_local(),
        }
    }
}

/// Who took part: a person (`name`), a group (`group`), or a person of a group; at least one
/// of the two is set.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Participant {
    pub name: Option<Text>,
    pub group: Option<Text>,
    pub role: Option<Text>,
    pub part: Option<Text>,
}

/// A locality reviewed in a session, of any level (`[[locality]]`; a `[[district]]` is one
/// whose level is `huyen` unless it says otherwise).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct District {
    pub id: Id,
    pub name: Text,
    /// The level of local government; `None` when a `[[locality]]` does not say.
    pub level: Option<Level>,
    /// The unit it belongs to (`huyện Kon Plông`).
    pub parent: Option<Text>,
    /// The counterpart the session works with (`Ban Thường vụ Huyện ủy`).
    pub body: Option<Text>,
    pub summary: Option<Text>,
    pub highlights: Vec<Text>,
    pub strengths: List<Text>,
    pub shortcomings: Vec<Text>,
    pub indicators: Vec<Indicator>,
    pub directives: Vec<Directive>,
    /// Its key, its history and its proposals (version 3), which most localities do not write.
    pub more: Rare<DistrictMore>,
}

/// What version 3 adds to a locality and few files write: who it is across files, the units it
/// was and is about to be, and what it proposed. Kept apart so a locality that writes none of
/// it carries one empty pointer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DistrictMore {
    /// Who it is across files, as written (version 3, `key`): stable through renamings.
    pub key: Option<Id>,
    /// The unit it was before a renaming (version 3, `formerly`): a key or a level and name.
    pub formerly: Option<Text>,
    /// The units merged into it (version 3, `merged_from`): keys or levels and names.
    pub merged_from: List<Text>,
    /// The unit it is about to merge into, with others (version 3, `merging_into`): a key or a
    /// level and name.
    pub merging_into: Option<Text>,
    /// What the locality proposed and the answers given at the meeting (version 3).
    pub proposals: List<Proposal>,
}

impl Seldom for DistrictMore {
    const ABSENT: &'static Self = &DistrictMore {
        key: None,
        formerly: None,
        merged_from: List::new(),
        merging_into: None,
        proposals: List::new(),
    };
}

/// A proposal of a locality (`[[locality.proposal]]`, version 3): what it asked for, who asked,
/// the leader's answer at the meeting, the body assigned to act on it and by when.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Proposal {
    pub id: Option<Id>,
    pub text: Text,
    /// Who proposed it (`Đồng chí Bí thư Huyện ủy`).
    pub by: Option<Text>,
    /// The answer given at the meeting.
    pub answer: Option<Text>,
    /// The body assigned to act (`Sở Tài chính`).
    pub assignee: Option<Text>,
    pub due: Option<Due>,
    pub due_text: Option<Text>,
    /// Its follow-up log, as a directive's (`[[locality.proposal.progress]]`).
    pub progress: List<Entry>,
}

/// Who a locality is across sessions: the `key` the file writes (`written`), else its name
/// (as a slug), its level and the unit it belongs to (folded, where the file gives it). After
/// the 2025 reform many communes carry a former district's name: huyện Mường La (2024) and xã
/// Mường La (2025) are two localities, never one row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalityKey {
    /// The key written, or the name's slug.
    pub id: Id,
    pub level: Option<Level>,
    pub parent: Option<String>,
    /// `id` is a `key` the file writes (level and parent then say nothing).
    pub written: bool,
}

impl Session {
    /// Its highlights, strengths and shortcomings about all localities, in the order every
    /// view lists them.
    pub(crate) fn statements(&self) -> [&[Text]; 3] {
        [&self.highlights, &self.strengths, &self.shortcomings]
    }
}

impl District {
    /// Its highlights, strengths and shortcomings, in the order every view lists them.
    pub(crate) fn statements(&self) -> [&[Text]; 3] {
        [&self.highlights, &self.strengths, &self.shortcomings]
    }

    /// Who this locality is across sessions.
    pub fn key(&self) -> LocalityKey {
        match &self.more.key {
            Some(key) => LocalityKey {
                id: key.clone(),
                level: None,
                parent: None,
                written: true,
            },
            None => LocalityKey {
                id: fold::slug(&self.name).into(),
                level: self.level,
                parent: self.parent.as_deref().map(fold::fold),
                written: false,
            },
        }
    }

    /// Whether this is the locality `key` names: [`District::key`] compared without making
    /// it, the cheap parts first (a dossier asks it of every locality of the folder).
    pub fn is(&self, key: &LocalityKey) -> bool {
        match &self.more.key {
            Some(written) => key.written && *written == key.id,
            None => {
                !key.written
                    && self.level == key.level
                    && self.parent.is_some() == key.parent.is_some()
                    && fold::slug(&self.name) == key.id
                    && self.parent.as_deref().map(fold::fold) == key.parent
            }
        }
    }

    /// The earlier units this one names (`formerly`, then `merged_from`).
    pub fn predecessors(&self) -> impl Iterator<Item = &str> {
        self.more
            .formerly
            .iter()
            .chain(&self.more.merged_from)
            .map(|r| &**r)
    }
}

/// How a figure relates to the true value ("trên", "dưới", "khoảng").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Comparison {
    pub label: Shared,
    pub percent: f64,
    /// The basis the file writes (version 2); see [`Comparison::basis`] for the one that counts.
    pub written_basis: Option<Basis>,
}

impl Comparison {
    /// What the percent is measured against: the basis written, else the one its label names
    /// (docs/spec.md: a label that names a plan — `kế hoạch`, `KH`, `chỉ tiêu`, `mục tiêu` — is
    /// `plan`, any other `previous`). The one rule every verdict and growth goes through.
    pub fn basis(&self) -> Basis {
        self.written_basis
            .unwrap_or_else(|| gauge::basis_of_label(&self.label))
    }
}

#[cfg(test)]
impl Indicator {
    /// A figure in tỷ đồng for 2023 with one comparison, at 107%, labelled `compare` (for tests).
    pub(crate) fn sample(name: &str, value: f64, bound: Bound, compare: &str) -> Self {
        let compare = Comparison {
            label: compare.into(),
            percent: 107.0,
            written_basis: None,
        };
        Indicator {
            name: name.into(),
            value: Some(value),
            unit: Some("tỷ đồng".into()),
            bound,
            period: Some("2023".into()),
            compare: smallvec::smallvec![compare],
            ..Indicator::default()
        }
    }
}

/// A key figure of a locality, shown as a gauge when it has a verdict.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Indicator {
    pub name: Shared,
    /// `None`: a figure known only as a percent of its plan (version 3).
    pub value: Option<f64>,
    pub unit: Option<Shared>,
    pub kind: Kind,
    pub bound: Bound,
    pub period: Option<Shared>,
    pub compare: Comparisons,
    pub better: Better,
    /// The source of the figure or a clarification.
    pub note: Option<Text>,
    /// The figure is an estimate ("ước đạt", version 3).
    pub estimate: bool,
    /// The figure is a forecast ("dự báo", "dự kiến", version 3).
    pub forecast: bool,
    /// Its whole, plan, second unit and identity, which most figures do not write.
    pub more: Rare<IndicatorMore>,
}

/// What few indicators write: the whole the figure is part of, its plan, the same figure in
/// a second unit, the figure it is part of, and its key (most of them version 3). Kept apart
/// so the eighteen-odd figures of a session that write none of it carry one empty pointer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndicatorMore {
    /// The whole the value is part of (`15` of `19` criteria).
    pub of: Option<f64>,
    pub target: Option<f64>,
    pub target_label: Option<Shared>,
    /// The same figure in a second unit (version 3: `value_other = 12.5`, `unit_other = "triệu
    /// USD"` beside the value in VND).
    pub other: Option<(f64, Shared)>,
    /// The name of the whole this figure is a part of (version 3: `part_of = "Tổng thu ngân
    /// sách"`).
    pub part_of: Option<Shared>,
    /// Who the figure is across sessions, as written (version 3, `key`).
    pub key: Option<Shared>,
}

impl Seldom for IndicatorMore {
    const ABSENT: &'static Self = &IndicatorMore {
        of: None,
        target: None,
        target_label: None,
        other: None,
        part_of: None,
        key: None,
    };
}

/// A directive given in a session. `done*` say whether it is done now, and when and by whom:
/// as written in a v1/v2 file, or as its progress log leaves it (`progress::Directive::settle`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Directive {
    pub id: Id,
    pub text: Text,
    pub owner: Option<Shared>,
    pub due: Option<Due>,
    pub done: bool,
    /// The conclusion says it is urgent ("khẩn trương"; version 3).
    pub urgent: bool,
    /// Its addressees, note, check-off and log, which most directives do not write.
    pub more: Rare<DirectiveMore>,
}

/// What few directives write, or have only once checked off: who it is addressed to, a note,
/// when and by whom it was done, its follow-up log and a deadline in words. Kept apart so the
/// twenty-odd directives of a session that write none of it carry one empty pointer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DirectiveMore {
    /// The ids of the localities a session-wide directive concerns; empty: all of them.
    pub to: List<Id>,
    pub note: Option<Text>,
    pub done_at: Option<DateTime<FixedOffset>>,
    pub done_by: Option<Shared>,
    /// The follow-up log (version 3), in file order; empty for most directives.
    pub progress: List<Entry>,
    /// A deadline in words, as the conclusion says it (version 3: `"trong thời gian tới"`);
    /// shown as written, never overdue by itself.
    pub due_text: Option<Text>,
    /// Addressees outside the file's localities (version 3: the parent district, a future
    /// merged unit, a department), as written.
    pub to_other: List<Text>,
}

impl Seldom for DirectiveMore {
    const ABSENT: &'static Self = &DirectiveMore {
        to: List::new(),
        note: None,
        done_at: None,
        done_by: None,
        progress: List::new(),
        due_text: None,
        to_other: List::new(),
    };
}

impl Directive {
    /// Whether this session-wide directive concerns the locality with id `locality` by its
    /// `to` list: a directive without `to` concerns every locality of its session. The one
    /// rule for `to` (docs/spec.md, directives).
    pub fn concerns(&self, locality: &str) -> bool {
        self.more.to.is_empty() || self.more.to.iter().any(|id| id == locality)
    }
}

/// Done and total counts of a set of directives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub overdue: usize,
    /// Stopped for good: neither done nor open.
    pub dropped: usize,
}

impl Progress {
    pub fn of<'a>(directives: impl IntoIterator<Item = &'a Directive>, today: NaiveDate) -> Self {
        directives
            .into_iter()
            .fold(Progress::default(), |mut p, d| {
                p.total += 1;
                p.done += usize::from(d.done);
                p.overdue += usize::from(d.is_overdue(today));
                p.dropped +=
                    usize::from(!d.more.progress.is_empty() && d.state() == State::Dropped);
                p
            })
    }

    pub fn open(&self) -> usize {
        self.total - self.done - self.dropped
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

/// A directive named by ids, its session's and its own: what every action that waits (a
/// question, a save, an undo, a history read) holds, so a reload that reorders or rewrites
/// the file finds the same directive, or none, never the one now at its place.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DirectiveKey {
    pub session: String,
    pub directive: String,
}

impl DirectiveKey {
    /// The key of the directive at `r` in `session`.
    pub fn of(session: &Session, r: DirectiveRef) -> Option<Self> {
        Some(DirectiveKey {
            session: session.id.to_string(),
            directive: session.directive(r)?.id.to_string(),
        })
    }
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

    /// The directive, or else the locality's proposal, with id `id`: what a progress entry is
    /// written to (their ids are one list, docs/spec.md).
    pub fn followed(&self, id: &str) -> Option<&dyn Followed> {
        if let Some(d) = self.all_directives().find(|d| d.id == id) {
            return Some(d);
        }
        let p = self.proposals().find(|(_, p)| p.id.as_deref() == Some(id));
        p.map(|(_, p)| p as &dyn Followed)
    }

    /// [`Session::followed`], to change.
    pub fn followed_mut(&mut self, id: &str) -> Option<&mut dyn Followed> {
        if let Some(r) = self.find_directive(id) {
            return self.directive_mut(r).map(|d| d as &mut dyn Followed);
        }
        // Only the localities with proposals: a write through `more` would allocate it.
        (self.districts.iter_mut())
            .filter(|l| !l.more.proposals.is_empty())
            .flat_map(|l| l.more.proposals.iter_mut())
            .find(|p| p.id.as_deref() == Some(id))
            .map(|p| p as &mut dyn Followed)
    }

    /// Every locality's proposals with the index of their locality, in file order.
    pub fn proposals(&self) -> impl Iterator<Item = (usize, &Proposal)> {
        (self.districts.iter().enumerate())
            .flat_map(|(i, l)| l.more.proposals.iter().map(move |p| (i, p)))
    }

    /// Held today or later; a session dated by a month or a year only when the whole period
    /// is: its first day is today or later.
    pub fn is_upcoming(&self, today: NaiveDate) -> bool {
        self.date.day() >= today
    }

    /// The chairs as one line: `A; B`, or `None` when no chair is written.
    pub fn chair_line(&self) -> Option<String> {
        (!self.chairs.is_empty()).then(|| self.chairs.join("; "))
    }

    /// The session-wide directives that concern the locality with id `locality` (see `scope`).
    pub fn shared_directives_of<'s>(
        &'s self,
        locality: &str,
    ) -> impl Iterator<Item = &'s Directive> + use<'s> {
        let index = self.districts.iter().position(|d| d.id == locality);
        index
            .into_iter()
            .flat_map(move |i| self.shared_directives(i).map(|(_, d)| d))
    }
}

/// Sorts sessions newest first; sessions on the same day keep a stable order by id.
pub(crate) fn sort_newest_first(sessions: &mut [Session]) {
    // Ids are unique, so the order is total and an in-place sort gives the one answer.
    sessions.sort_unstable_by(|a, b| {
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
        due: due.map(|s| Due::Day(s.parse().expect("test date"))),
        done,
        ..Directive::default()
    }
}

/// A session of `districts` and `directives` and nothing else, for unit tests.
#[cfg(test)]
pub(crate) fn test_session(districts: Vec<District>, directives: Vec<Directive>) -> Session {
    Session {
        id: "s".into(),
        version: 1,
        title: "t".into(),
        date: SessionDate::Date(NaiveDate::from_ymd_opt(2024, 3, 13).expect("date")),
        part_of_day: None,
        published: None,
        year_inferred: false,
        host: None,
        host_kind: None,
        chairs: vec![].into(),
        topic: None,
        location: None,
        source: None,
        tags: vec![],
        summary: None,
        highlights: vec![],
        strengths: vec![].into(),
        shortcomings: vec![],
        references: vec![].into(),
        images: vec![].into(),
        participants: vec![],
        districts,
        directives,
    }
}

#[cfg(test)]
mod tests;
