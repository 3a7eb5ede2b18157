//! The machine-readable briefing and session list (schema in docs/json.md).

use chrono::NaiveDate;
use serde::Serialize;

use super::{Options, districts};
use crate::model::{
    Directive, District, GaugeBasis, Indicator, Lang, Participant, Progress, Session, SessionDate,
    Status,
};

/// Bumped when a field is removed or changes meaning; new fields may appear at any time.
const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    schema: u32,
    today: NaiveDate,
    lang: Lang,
    district: Option<&'a str>,
    session: SessionJson<'a>,
}

#[derive(Serialize)]
struct SessionJson<'a> {
    id: &'a str,
    title: &'a str,
    date: SessionDate,
    host: Option<&'a str>,
    chair: Option<&'a str>,
    topic: Option<&'a str>,
    location: Option<&'a str>,
    source: Option<&'a str>,
    tags: &'a [String],
    summary: Option<&'a str>,
    participants: &'a [Participant],
    progress: Progress,
    directives: Vec<DirectiveJson<'a>>,
    districts: Vec<DistrictJson<'a>>,
}

#[derive(Serialize)]
struct DistrictJson<'a> {
    id: &'a str,
    name: &'a str,
    summary: Option<&'a str>,
    highlights: &'a [String],
    strengths: &'a [String],
    shortcomings: &'a [String],
    progress: Progress,
    indicators: Vec<IndicatorJson<'a>>,
    directives: Vec<DirectiveJson<'a>>,
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    #[serde(flatten)]
    indicator: &'a Indicator,
    gauge: Option<GaugeJson<'a>>,
}

#[derive(Serialize)]
struct GaugeJson<'a> {
    ratio: f64,
    basis: &'static str,
    status: Status,
    fill: f64,
    exceeds: bool,
    label: Option<&'a str>,
}

#[derive(Serialize)]
struct DirectiveJson<'a> {
    #[serde(flatten)]
    directive: &'a Directive,
    overdue: bool,
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
        schema: SCHEMA,
        today: opts.today,
        lang: opts.lang,
        district: opts.district,
        session: session(s, opts),
    };
    to_json(&doc)
}

/// The sessions as a JSON array, in the order given.
pub fn list_json(sessions: &[Session], today: NaiveDate) -> String {
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
    crate::safe::json(&text).into_owned()
}

fn session<'a>(s: &'a Session, opts: &Options<'_>) -> SessionJson<'a> {
    SessionJson {
        id: &s.id,
        title: &s.title,
        date: s.date,
        host: s.host.as_deref(),
        chair: s.chair.as_deref(),
        topic: s.topic.as_deref(),
        location: s.location.as_deref(),
        source: s.source.as_deref(),
        tags: &s.tags,
        summary: s.summary.as_deref(),
        participants: &s.participants,
        progress: super::shown_progress(s, opts),
        directives: directives(super::session_directives(s, opts), opts.today),
        districts: districts(s, opts)
            .into_iter()
            .map(|d| district(d, opts.today))
            .collect(),
    }
}

fn district(d: &District, today: NaiveDate) -> DistrictJson<'_> {
    DistrictJson {
        id: &d.id,
        name: &d.name,
        summary: d.summary.as_deref(),
        highlights: &d.highlights,
        strengths: &d.strengths,
        shortcomings: &d.shortcomings,
        progress: d.progress(today),
        indicators: d.indicators.iter().map(indicator).collect(),
        directives: directives(&d.directives, today),
    }
}

fn indicator(ind: &Indicator) -> IndicatorJson<'_> {
    IndicatorJson {
        indicator: ind,
        gauge: ind.gauge().map(|g| GaugeJson {
            ratio: g.ratio,
            basis: match g.basis {
                GaugeBasis::Target => "target",
                GaugeBasis::Plan => "plan",
            },
            status: g.status,
            fill: g.fill(),
            exceeds: g.exceeds(),
            label: ind.gauge_label(),
        }),
    }
}

fn directives<'a>(
    list: impl IntoIterator<Item = &'a Directive>,
    today: NaiveDate,
) -> Vec<DirectiveJson<'a>> {
    list.into_iter()
        .map(|d| DirectiveJson {
            directive: d,
            overdue: d.is_overdue(today),
        })
        .collect()
}
