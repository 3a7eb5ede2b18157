//! The locality over time in JSON (`show --district`; docs/json.md, `history`).

use serde::Serialize;

use super::super::Options;
use super::super::history::History;
use super::{DirectiveJson, directive};
use crate::model::Followed;
use crate::model::dossier::{Point, Trend};
use crate::model::{Bound, District, Level, SessionDate, State};

#[derive(Serialize)]
pub(super) struct HistoryJson<'a> {
    /// Its sessions (and those of the units it came from), oldest first.
    sessions: Vec<VisitJson<'a>>,
    /// Each figure seen in two or more of them.
    trends: Vec<TrendJson<'a>>,
}

#[derive(Serialize)]
struct VisitJson<'a> {
    /// `null` in a handout.
    session: Option<&'a str>,
    date: SessionDate,
    title: &'a str,
    locality: LocalityJson<'a>,
    /// The session is one of a unit this locality came from (`formerly`, `merged_from`).
    earlier: bool,
    directives: Vec<StatedJson<'a>>,
}

#[derive(Serialize)]
struct LocalityJson<'a> {
    id: &'a str,
    name: &'a str,
    level: Option<Level>,
    key: Option<&'a str>,
}

/// A directive with the state it stands in.
#[derive(Serialize)]
struct StatedJson<'a> {
    #[serde(flatten)]
    directive: DirectiveJson<'a>,
    state: State,
}

#[derive(Serialize)]
struct TrendJson<'a> {
    name: &'a str,
    unit: Option<&'a str>,
    points: Vec<PointJson<'a>>,
}

#[derive(Serialize)]
struct PointJson<'a> {
    /// `null` in a handout.
    session: Option<&'a str>,
    date: SessionDate,
    /// The period written with the figure.
    period: Option<&'a str>,
    value: f64,
    bound: Bound,
    /// The plan (`target`), where written.
    target: Option<f64>,
}

pub(super) fn history<'a>(h: &History<'a>, opts: &Options<'_>) -> HistoryJson<'a> {
    let sessions = (h.dossier.visits.iter())
        .filter_map(|v| {
            let s = h.sessions.get(v.session)?;
            let d = s.districts.get(v.locality)?;
            Some(VisitJson {
                session: (!opts.handout).then_some(&*s.id),
                date: s.date,
                title: &s.title,
                locality: locality(d),
                earlier: v.earlier,
                directives: (s.locality_directives(v.locality))
                    .map(|(_, d)| StatedJson {
                        directive: directive(d, opts),
                        state: d.state(),
                    })
                    .collect(),
            })
        })
        .collect();
    let trends = (h.dossier.trends.iter())
        .map(|t| trend(h, t, opts))
        .collect();
    HistoryJson { sessions, trends }
}

fn locality(d: &District) -> LocalityJson<'_> {
    LocalityJson {
        id: &d.id,
        name: &d.name,
        level: d.level,
        key: d.more.key.as_deref(),
    }
}

fn trend<'a>(h: &History<'a>, t: &'a Trend, opts: &Options<'_>) -> TrendJson<'a> {
    TrendJson {
        name: &t.name,
        unit: t.unit.as_deref(),
        points: (t.points.iter())
            .filter_map(|p| point(h, p, opts))
            .collect(),
    }
}

fn point<'a>(h: &History<'a>, p: &'a Point, opts: &Options<'_>) -> Option<PointJson<'a>> {
    let s = h.sessions.get(p.session)?;
    Some(PointJson {
        session: (!opts.handout).then_some(&*s.id),
        date: s.date,
        period: p.period.as_deref(),
        value: p.value,
        bound: p.bound,
        target: p.target,
    })
}
