//! The report as JSON (schema in docs/json.md, "briefing report").

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use serde::ser::SerializeMap;

use super::{Counts, FollowUp, Label, Listed, row_title};
use crate::model::progress::Category;
use crate::model::{Due, Lang, SessionDate, Shared};
use crate::present::words::category_word;
use crate::report::json::Head;

/// Bumped when a field is removed or changes meaning; new fields may appear at any time.
const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    #[serde(flatten)]
    head: Head,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    by: &'static str,
    sessions: usize,
    /// The categories in column order, with their words in `lang`.
    categories: Vec<CategoryJson>,
    rows: Vec<RowJson<'a>>,
    /// Every directive once (a session-wide one counted in several localities too).
    total: CountsJson,
    overdue: Vec<ListedJson<'a>>,
    blocked: Vec<ListedJson<'a>>,
}

#[derive(Serialize)]
struct CategoryJson {
    name: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct RowJson<'a> {
    /// `locality`, `common`, `assignee`, `no_assignee` or `session`.
    kind: &'static str,
    /// The row's title in `lang`.
    label: String,
    /// The locality's id, the assignee as written, or the session's id.
    key: Option<&'a str>,
    counts: CountsJson,
}

/// Each category's count by its name, and the total.
struct CountsJson(Counts);

impl Serialize for CountsJson {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(Category::ALL.len() + 1))?;
        for (c, n) in self.0.each() {
            map.serialize_entry(c.name(), &n)?;
        }
        map.serialize_entry("total", &self.0.total())?;
        map.end()
    }
}

#[derive(Serialize)]
struct ListedJson<'a> {
    session: &'a str,
    session_title: &'a str,
    session_date: SessionDate,
    /// A locality's proposal (absent for a directive); `directive` is then its id.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    proposal: bool,
    directive: &'a str,
    text: &'a str,
    owner: Option<&'a str>,
    localities: &'a [Shared],
    due: Option<Due>,
    due_last_day: Option<NaiveDate>,
    category: Category,
    percent: Option<u8>,
    note: Option<NoteJson<'a>>,
}

#[derive(Serialize)]
struct NoteJson<'a> {
    at: DateTime<FixedOffset>,
    by: &'a str,
    text: &'a str,
}

pub(super) fn render(report: &FollowUp, lang: Lang) -> String {
    let doc = Doc {
        head: Head::new(SCHEMA, report.scope.today, lang),
        from: report.scope.from,
        to: report.scope.to,
        by: report.scope.by.name(),
        sessions: report.sessions,
        categories: (Category::ALL.into_iter())
            .map(|c| CategoryJson {
                name: c.name(),
                label: category_word(c, lang),
            })
            .collect(),
        rows: (report.rows.iter())
            .map(|r| RowJson {
                kind: kind(&r.label),
                label: row_title(&r.label, lang),
                key: key(&r.label),
                counts: CountsJson(r.counts),
            })
            .collect(),
        total: CountsJson(report.total),
        overdue: report.overdue.iter().map(|l| listed(l)).collect(),
        blocked: report.blocked.iter().map(|l| listed(l)).collect(),
    };
    let mut json = serde_json::to_string_pretty(&doc).unwrap_or_default();
    json.push('\n');
    json
}

fn kind(label: &Label) -> &'static str {
    match label {
        Label::Locality { .. } => "locality",
        Label::Common => "common",
        Label::Owner(_) => "assignee",
        Label::NoOwner => "no_assignee",
        Label::Session { .. } => "session",
    }
}

fn key(label: &Label) -> Option<&str> {
    match label {
        Label::Locality { id, .. } => Some(id),
        Label::Owner(owner) => Some(owner),
        Label::Session { id, .. } => Some(id),
        Label::Common | Label::NoOwner => None,
    }
}

fn listed(l: &Listed) -> ListedJson<'_> {
    ListedJson {
        session: &l.session_id,
        session_title: &l.session_title,
        session_date: l.session_date,
        proposal: l.proposal,
        directive: &l.directive_id,
        text: &l.text,
        owner: l.owner.as_deref(),
        localities: &l.localities,
        due: l.due,
        due_last_day: l.due.map(Due::last_day),
        category: l.category,
        percent: l.percent,
        note: l.note.as_ref().map(|n| NoteJson {
            at: n.at,
            by: &n.by,
            text: &n.text,
        }),
    }
}
