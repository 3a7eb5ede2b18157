//! The machine-readable briefing and session list (schema in docs/json.md).

mod history;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use super::{Locality, Options, districts, shared_directives};
use crate::model::Followed;
use crate::model::Proposal;
use crate::model::progress::Category;
use crate::model::{
    Basis, Better, Bound, Comparison, Directive, Due, GaugeBasis, HostKind, Id, Image, Indicator,
    Kind, Lang, Level, PartOfDay, Participant, Progress, Reference, Session, SessionDate, State,
    Status, Text,
};

/// Bumped when a field is removed or changes meaning; new fields may appear at any time.
const SCHEMA: u32 = 1;

/// The fields every JSON document starts with: its schema number, the day it is judged on,
/// the language of its words.
#[derive(Serialize)]
pub(super) struct Head {
    schema: u32,
    today: NaiveDate,
    lang: Lang,
}

impl Head {
    pub(super) fn new(schema: u32, today: NaiveDate, lang: Lang) -> Self {
        Head {
            schema,
            today,
            lang,
        }
    }
}

#[derive(Serialize)]
struct Doc<'a> {
    #[serde(flatten)]
    head: Head,
    district: Option<&'a str>,
    session: SessionJson<'a>,
    /// With `--district`: that locality over time (version 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<history::HistoryJson<'a>>,
}

#[derive(Serialize)]
struct SessionJson<'a> {
    /// `null` in a handout, like the ids text, Markdown and HTML leave out.
    id: Option<&'a str>,
    version: i64,
    title: &'a str,
    date: SessionDate,
    part_of_day: Option<PartOfDay>,
    published: Option<SessionDate>,
    /// Version 3, absent unless true: the year of `date` is inferred.
    #[serde(skip_serializing_if = "is_false")]
    year_inferred: bool,
    host: Option<&'a str>,
    host_kind: Option<HostKind>,
    /// The chairs in one line (`A; B`), as version 1 printed the one chair.
    chair: Option<String>,
    chairs: &'a [Text],
    topic: Option<&'a str>,
    location: Option<&'a str>,
    source: Option<&'a str>,
    tags: &'a [Text],
    summary: Option<&'a str>,
    highlights: &'a [Text],
    strengths: &'a [Text],
    shortcomings: &'a [Text],
    references: &'a [Reference],
    images: &'a [Image],
    participants: &'a [Participant],
    progress: Progress,
    directives: Vec<DirectiveJson<'a>>,
    districts: Vec<DistrictJson<'a>>,
}

#[derive(Serialize)]
struct DistrictJson<'a> {
    id: &'a str,
    name: &'a str,
    level: Option<Level>,
    parent: Option<&'a str>,
    body: Option<&'a str>,
    summary: Option<&'a str>,
    highlights: &'a [Text],
    strengths: &'a [Text],
    shortcomings: &'a [Text],
    /// Its own directives.
    progress: Progress,
    /// Its own directives and the session-wide ones that concern it: the count every view
    /// gives for it.
    locality_progress: Progress,
    /// How many of the session-wide directives concern it.
    shared_directives: usize,
    indicators: Vec<IndicatorJson<'a>>,
    directives: Vec<DirectiveJson<'a>>,
    /// Version 3: who it is across files, and the units it came from (absent when not written).
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    formerly: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Text]>::is_empty")]
    merged_from: &'a [Text],
    #[serde(skip_serializing_if = "Option::is_none")]
    merging_into: Option<&'a str>,
    /// Version 3: absent when the locality has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    proposals: Vec<ProposalJson<'a>>,
}

/// A locality's proposal (version 3); in a handout its `id` is `null`.
#[derive(Serialize)]
struct ProposalJson<'a> {
    id: Option<&'a str>,
    text: &'a str,
    by: Option<&'a str>,
    answer: Option<&'a str>,
    assignee: Option<&'a str>,
    due: Option<Due>,
    due_text: Option<&'a str>,
    /// Its follow-up, for a proposal with an assignee (absent for the others).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    follow_up: Option<FollowUpJson<'a>>,
}

/// A followed proposal's follow-up: the fields a directive has for it, with the same meaning.
#[derive(Serialize)]
struct FollowUpJson<'a> {
    due_last_day: Option<NaiveDate>,
    overdue: bool,
    state: State,
    category: Category,
    percent: Option<u8>,
    progress: Vec<EntryJson<'a>>,
}

/// An indicator: the file's fields with defaults filled in, the basis of each comparison
/// (written or read from its label), its gauge and its share.
#[derive(Serialize)]
struct IndicatorJson<'a> {
    name: &'a str,
    /// `null`: a figure known only as a percent of plan (version 3).
    value: Option<f64>,
    unit: Option<&'a str>,
    kind: Kind,
    of: Option<f64>,
    bound: Bound,
    period: Option<&'a str>,
    target: Option<f64>,
    target_label: Option<&'a str>,
    compare: Vec<CompareJson<'a>>,
    better: Better,
    note: Option<&'a str>,
    /// Version 3, absent unless true.
    #[serde(skip_serializing_if = "is_false")]
    estimate: bool,
    #[serde(skip_serializing_if = "is_false")]
    forecast: bool,
    /// Version 3, absent when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    value_other: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit_other: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<&'a str>,
    gauge: Option<GaugeJson<'a>>,
    share: Option<f64>,
    /// Version 3: who the figure is across files (absent when not written).
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
}

#[derive(Serialize)]
struct CompareJson<'a> {
    label: &'a str,
    percent: f64,
    basis: Basis,
}

#[derive(Serialize)]
struct GaugeJson<'a> {
    /// `null` against a target of zero.
    ratio: Option<f64>,
    basis: &'static str,
    status: Status,
    fill: f64,
    exceeds: bool,
    label: Option<&'a str>,
}

/// A directive; in a handout its `id` and `done_by` are `null`.
#[derive(Serialize)]
pub(super) struct DirectiveJson<'a> {
    id: Option<&'a str>,
    text: &'a str,
    owner: Option<&'a str>,
    to: &'a [Id],
    due: Option<Due>,
    note: Option<&'a str>,
    done: bool,
    done_at: Option<DateTime<FixedOffset>>,
    done_by: Option<&'a str>,
    /// The last day before it is overdue: `due` itself, or the end of its period.
    due_last_day: Option<chrono::NaiveDate>,
    overdue: bool,
    /// Where it stands (version 3; `open` or `done` for a v1/v2 directive).
    state: State,
    /// The report category on `today`.
    category: Category,
    /// The latest percent its log wrote.
    percent: Option<u8>,
    /// Its progress log in time order; in a handout each entry's `by` is `null`.
    progress: Vec<EntryJson<'a>>,
    /// Version 3, each absent when not written: the deadline in words, the urgency, the
    /// addressees outside the file's localities.
    #[serde(skip_serializing_if = "Option::is_none")]
    due_text: Option<&'a str>,
    #[serde(skip_serializing_if = "is_false")]
    urgent: bool,
    #[serde(skip_serializing_if = "<[Text]>::is_empty")]
    to_other: &'a [Text],
}

fn is_false(b: &bool) -> bool {
    !b
}

/// One progress entry.
#[derive(Serialize)]
struct EntryJson<'a> {
    at: DateTime<FixedOffset>,
    by: Option<&'a str>,
    state: Option<State>,
    note: Option<&'a str>,
    percent: Option<u8>,
}

/// One entry of `briefing list --format json`.
#[derive(Debug, Serialize)]
struct SessionSummary<'a> {
    id: &'a str,
    title: &'a str,
    date: SessionDate,
    districts: usize,
    progress: Progress,
    upcoming: bool,
}

pub(super) fn render(s: &Session, opts: &Options<'_>) -> String {
    let doc = Doc {
        head: Head::new(SCHEMA, opts.today, opts.lang),
        district: opts.district,
        session: session(s, opts),
        history: opts.history.as_ref().map(|h| history::history(h, opts)),
    };
    to_json(&doc)
}

/// The sessions as a JSON array, in the order given.
pub(crate) fn list_json(sessions: &[Session], today: NaiveDate) -> String {
    let list: Vec<SessionSummary<'_>> = sessions
        .iter()
        .map(|s| SessionSummary {
            id: &s.id,
            title: &s.title,
            date: s.date,
            districts: s.districts.len(),
            progress: s.progress(today),
            upcoming: s.is_upcoming(today),
        })
        .collect();
    to_json(&list)
}

fn to_json(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    text.push('\n');
    crate::terminal_text::json(&text).into_owned()
}

fn session<'a>(s: &'a Session, opts: &Options<'_>) -> SessionJson<'a> {
    SessionJson {
        id: (!opts.handout).then_some(&*s.id),
        version: s.version,
        title: &s.title,
        date: s.date,
        part_of_day: s.part_of_day,
        published: s.published,
        year_inferred: s.year_inferred,
        host: s.host.as_deref(),
        host_kind: s.host_kind,
        chair: s.chair_line(),
        chairs: &s.chairs,
        topic: s.topic.as_deref(),
        location: s.location.as_deref(),
        source: s.source.as_deref(),
        tags: &s.tags,
        summary: s.summary.as_deref(),
        highlights: &s.highlights,
        strengths: &s.strengths,
        shortcomings: &s.shortcomings,
        references: &s.references,
        images: &s.images,
        participants: &s.participants,
        progress: s.progress(opts.today),
        directives: directives(shared_directives(s, opts), opts),
        districts: districts(s, opts)
            .into_iter()
            .map(|l| district(l, opts))
            .collect(),
    }
}

fn district<'a>(l: Locality<'a>, opts: &Options<'_>) -> DistrictJson<'a> {
    let d = l.district;
    DistrictJson {
        id: &d.id,
        name: &d.name,
        level: d.level,
        parent: d.parent.as_deref(),
        body: d.body.as_deref(),
        summary: d.summary.as_deref(),
        highlights: &d.highlights,
        strengths: &d.strengths,
        shortcomings: &d.shortcomings,
        progress: d.progress(opts.today),
        locality_progress: l.progress,
        shared_directives: l.shared,
        indicators: d.indicators.iter().map(indicator).collect(),
        directives: directives(d.directives.iter(), opts),
        proposals: d.more.proposals.iter().map(|p| proposal(p, opts)).collect(),
        key: d.more.key.as_deref(),
        formerly: d.more.formerly.as_deref(),
        merged_from: &d.more.merged_from,
        merging_into: d.more.merging_into.as_deref(),
    }
}

fn indicator(ind: &Indicator) -> IndicatorJson<'_> {
    IndicatorJson {
        name: &ind.name,
        value: ind.value,
        unit: ind.unit.as_deref(),
        kind: ind.kind,
        of: ind.more.of,
        bound: ind.bound,
        period: ind.period.as_deref(),
        target: ind.more.target,
        target_label: ind.more.target_label.as_deref(),
        compare: ind.compare.iter().map(comparison).collect(),
        better: ind.better,
        note: ind.note.as_deref(),
        estimate: ind.estimate,
        forecast: ind.forecast,
        value_other: ind.more.other.as_ref().map(|(v, _)| *v),
        unit_other: ind.more.other.as_ref().map(|(_, u)| &**u),
        part_of: ind.more.part_of.as_deref(),
        gauge: ind.gauge().map(|g| GaugeJson {
            ratio: g.ratio,
            basis: match g.basis {
                GaugeBasis::Target => "target",
                GaugeBasis::ZeroTarget => "zero-target",
                GaugeBasis::Compare => "compare",
            },
            status: g.status,
            fill: g.fill(),
            exceeds: g.exceeds(),
            label: ind.gauge_label(),
        }),
        share: ind.share(),
        key: ind.more.key.as_deref(),
    }
}

fn comparison(c: &Comparison) -> CompareJson<'_> {
    CompareJson {
        label: &c.label,
        percent: c.percent,
        basis: c.basis(),
    }
}

fn directives<'a>(
    list: impl IntoIterator<Item = &'a Directive>,
    opts: &Options<'_>,
) -> Vec<DirectiveJson<'a>> {
    list.into_iter().map(|d| directive(d, opts)).collect()
}

/// An item's progress log in time order; in a handout without who wrote each entry.
fn log<'a>(d: &'a (impl Followed + ?Sized), public: bool) -> Vec<EntryJson<'a>> {
    (d.log_by_time().into_iter())
        .map(|e| EntryJson {
            at: e.at,
            by: (!public).then_some(&*e.by),
            state: e.state,
            note: e.note.as_deref(),
            percent: e.percent,
        })
        .collect()
}

/// A locality's proposal, with its follow-up when it has an assignee.
fn proposal<'a>(p: &'a Proposal, opts: &Options<'_>) -> ProposalJson<'a> {
    let follow_up = p.is_followed().then(|| FollowUpJson {
        due_last_day: p.due.map(Due::last_day),
        overdue: p.is_overdue(opts.today),
        state: p.state(),
        category: p.category(opts.today),
        percent: p.percent(),
        progress: log(p, opts.handout),
    });
    ProposalJson {
        id: p.id.as_deref().filter(|_| !opts.handout),
        text: &p.text,
        by: p.by.as_deref(),
        answer: p.answer.as_deref(),
        assignee: p.assignee.as_deref(),
        due: p.due,
        due_text: p.due_text.as_deref(),
        follow_up,
    }
}

pub(super) fn directive<'a>(d: &'a Directive, opts: &Options<'_>) -> DirectiveJson<'a> {
    let public = opts.handout;
    DirectiveJson {
        id: (!public).then_some(&*d.id),
        text: &d.text,
        owner: d.owner.as_deref(),
        to: &d.more.to,
        due: d.due,
        note: d.more.note.as_deref(),
        done: d.done,
        done_at: d.more.done_at,
        done_by: d.more.done_by.as_deref().filter(|_| !public),
        due_last_day: d.due.map(Due::last_day),
        overdue: d.is_overdue(opts.today),
        state: d.state(),
        category: d.category(opts.today),
        percent: d.percent(),
        progress: log(d, public),
        due_text: d.more.due_text.as_deref(),
        urgent: d.urgent,
        to_other: &d.more.to_other,
    }
}
