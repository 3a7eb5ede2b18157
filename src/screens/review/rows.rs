//! The rows of the review screens, made from the catalog: what is due, and everything given
//! to one district; and every district with its counts, for the district chooser.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::Followed;
use crate::model::dossier::{Trend, Visit, dossier};
use crate::model::filter::DirectiveFilter;
use crate::model::scope::FoldedWords;
use crate::model::{Directive, Due, Level, LocalityKey, Progress, Session, fold};
use crate::search::Target;

/// A heading row of a review view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Heading {
    NextSession,
    NoUpcoming,
    ByDistrict,
    Overdue,
    OpenWithDue,
    /// A session in a locality's dossier; the rows under it come from it.
    Session(Visit),
    /// Before the dossier's sessions.
    Sessions(usize),
    /// Before the dossier's trends.
    Trends,
    /// What the dossier's locality was before (`formerly`, `merged_from`), when written.
    Earlier,
    /// The session of the directives under it, inside a section of what is due.
    Group(usize),
    /// Before the session-wide directives that concern the locality of the view.
    Shared,
}

/// One line of a review view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Row {
    Heading(Heading),
    District(DistrictCount),
    /// A session or a directive, opened with Enter.
    Item(Target),
    /// Trend `n` of the dossier: a chart; Enter opens its latest figure.
    Trend(usize),
    Nothing,
    /// A dossier without trends.
    NoTrends,
}

impl Row {
    pub(crate) fn selectable(&self) -> bool {
        !matches!(self, Row::Heading(_) | Row::Nothing | Row::NoTrends)
    }

    #[cfg(test)]
    pub(crate) fn directive<'s>(&self, sessions: &'s [Session]) -> Option<&'s Directive> {
        match self {
            Row::Item(Target::Directive { session, directive }) => {
                sessions.get(*session)?.directive(*directive)
            }
            _ => None,
        }
    }
}

/// A locality across all sessions (one [`LocalityKey`]), with its open and overdue
/// directives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DistrictCount {
    pub key: LocalityKey,
    pub name: String,
    pub level: Option<Level>,
    /// The unit it belongs to, as written, when the file says.
    pub parent: Option<String>,
    pub sessions: usize,
    pub open: usize,
    pub overdue: usize,
    /// Another locality has the same level and name (its parent tells them apart).
    pub twin: bool,
}

/// A locality as a file writes it: its name, level, parent and key.
type Written<'s> = (&'s str, Option<Level>, Option<&'s str>, Option<&'s str>);

/// Every locality that appears in some session, by [`LocalityKey`] (id, level and parent:
/// a district and a commune of the same name are two), with counts; ordered by name, then
/// level, then parent.
pub(crate) fn districts(sessions: &[Session], today: NaiveDate) -> Vec<DistrictCount> {
    let mut out: Vec<DistrictCount> = Vec::new();
    let mut by_key: HashMap<LocalityKey, usize> = HashMap::new();
    // A locality as a file writes it (name, level, parent, key) finds its row without making
    // its key again: most localities are written the same way in many sessions.
    let mut by_written: HashMap<Written<'_>, usize> = HashMap::new();
    // Names and owners repeat from session to session: each is folded once.
    let mut words = FoldedWords::default();
    for s in sessions {
        // Which localities each session-wide directive concerns, worked out once per session.
        let shared = s.shared_localities_with(&mut words);
        for (di, d) in s.districts.iter().enumerate() {
            let written = (
                &*d.name,
                d.level,
                d.parent.as_deref(),
                d.more.key.as_deref(),
            );
            let at = *by_written.entry(written).or_insert_with(|| {
                let key = d.key();
                *by_key.entry(key.clone()).or_insert_with(|| {
                    out.push(DistrictCount {
                        key,
                        name: d.name.to_string(),
                        level: d.level,
                        parent: d.parent.as_deref().map(str::to_string),
                        sessions: 0,
                        open: 0,
                        overdue: 0,
                        twin: false,
                    });
                    out.len() - 1
                })
            });
            let concern = (s.directives.iter().zip(&shared))
                .filter(|(_, localities)| localities.contains(&di))
                .map(|(directive, _)| directive);
            let p = Progress::of(d.directives.iter().chain(concern), today);
            let entry = &mut out[at];
            entry.sessions += 1;
            entry.open += p.open();
            entry.overdue += p.overdue;
        }
    }
    out.sort_by_cached_key(|d| {
        let level = d.level.map(Level::name);
        (
            fold::fold(&d.name),
            level,
            d.key.parent.clone(),
            d.key.id.clone(),
        )
    });
    for i in 1..out.len() {
        if out[i - 1].name == out[i].name && out[i - 1].level == out[i].level {
            out[i - 1].twin = true;
            out[i].twin = true;
        }
    }
    out
}

/// The session held soonest on or after `today` (sessions are newest first).
pub(crate) fn next_session(sessions: &[Session], today: NaiveDate) -> Option<usize> {
    sessions.iter().rposition(|s| s.is_upcoming(today))
}

/// Every directive of every session, as a search target.
fn all_directives(sessions: &[Session]) -> impl Iterator<Item = (Target, &Directive)> {
    sessions.iter().enumerate().flat_map(|(session, s)| {
        s.directives_with_refs()
            .map(move |(directive, d)| (Target::Directive { session, directive }, d))
    })
}

fn section(rows: &mut Vec<Row>, heading: Heading, items: Vec<Row>) {
    crate::screens::push_section(rows, Row::Heading(heading), items, Row::Nothing);
}

/// "What is due": the next session, districts by open/overdue work, overdue
/// directives (oldest due first), then open directives by due date.
pub(crate) fn due_rows(sessions: &[Session], today: NaiveDate) -> Vec<Row> {
    let mut rows = Vec::new();
    match next_session(sessions, today) {
        Some(session) => section(
            &mut rows,
            Heading::NextSession,
            vec![Row::Item(Target::Session { session })],
        ),
        None => rows.push(Row::Heading(Heading::NoUpcoming)),
    }
    let mut counts = districts(sessions, today);
    counts.retain(|d| d.open > 0);
    counts.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(b.open.cmp(&a.open)));
    section(
        &mut rows,
        Heading::ByDistrict,
        counts.into_iter().map(Row::District).collect(),
    );
    let mut dated: Vec<_> = all_directives(sessions)
        .filter(|(_, d)| !d.done && d.due.is_some())
        .collect();
    dated.sort_by_key(|(_, d)| d.due.map(Due::last_day));
    let (overdue, upcoming): (Vec<_>, Vec<_>) =
        dated.into_iter().partition(|(_, d)| d.is_overdue(today));
    section(&mut rows, Heading::Overdue, grouped(overdue));
    section(&mut rows, Heading::OpenWithDue, grouped(upcoming));
    rows
}

/// Directive rows under the heading of their session, a heading each time the session
/// changes (the order is kept).
fn grouped(items: Vec<(Target, &Directive)>) -> Vec<Row> {
    let mut rows = Vec::with_capacity(items.len() + 1);
    let mut session = None;
    for (target, _) in items {
        if session != Some(target.session()) {
            session = Some(target.session());
            rows.push(Row::Heading(Heading::Group(target.session())));
        }
        rows.push(Row::Item(target));
    }
    rows
}

/// The rows of a review and the trends its `Row::Trend`s draw.
#[derive(Debug, Default)]
pub(crate) struct Listing {
    pub rows: Vec<Row>,
    pub trends: Vec<Trend>,
}

/// A locality's dossier: what it was before (when written), its sessions oldest first with
/// everything given to it in each (its own directives, then the session-wide ones that
/// concern it), then each figure seen in two or more sessions.
pub(crate) fn dossier_rows(
    sessions: &[Session],
    key: &LocalityKey,
    filter: DirectiveFilter,
    today: NaiveDate,
) -> Listing {
    let dossier = dossier(sessions, key);
    let mut rows = Vec::new();
    let newest = (dossier.visits.iter().rev())
        .find(|v| !v.earlier)
        .and_then(|v| sessions.get(v.session)?.districts.get(v.locality));
    if newest.is_some_and(|d| d.predecessors().next().is_some()) {
        rows.push(Row::Heading(Heading::Earlier));
    }
    rows.push(Row::Heading(Heading::Sessions(dossier.visits.len())));
    for visit in &dossier.visits {
        let Some(s) = sessions.get(visit.session) else {
            continue;
        };
        rows.push(Row::Heading(Heading::Session(*visit)));
        let item = |directive| {
            Row::Item(Target::Directive {
                session: visit.session,
                directive,
            })
        };
        let (own, shared): (Vec<_>, Vec<_>) = (s.locality_directives(visit.locality))
            .filter(|(_, d)| filter.matches(*d, today))
            .map(|(r, _)| r)
            .partition(|r| r.district.is_some());
        if own.is_empty() && shared.is_empty() {
            rows.push(Row::Nothing);
        }
        rows.extend(own.into_iter().map(item));
        if !shared.is_empty() {
            rows.push(Row::Heading(Heading::Shared));
            rows.extend(shared.into_iter().map(item));
        }
    }
    rows.push(Row::Heading(Heading::Trends));
    if dossier.trends.is_empty() {
        rows.push(Row::NoTrends);
    }
    rows.extend((0..dossier.trends.len()).map(Row::Trend));
    Listing {
        rows,
        trends: dossier.trends,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;

    fn sessions() -> Vec<Session> {
        let mk = |id: &str, date: &str, body: &str| {
            let src = format!("[session]\ntitle = \"{id}\"\ndate = {date}\n{body}");
            store::parse_file(src.as_bytes(), "x.toml", id)
                .session
                .expect("valid")
        };
        let mut s = vec![
            mk(
                "old",
                "2024-01-10",
                "[[directive]]\nid = \"c\"\ntext = \"chung\"\ndue = 2024-02-01\n\n[[directive]]\nid = \"o\"\ntext = \"chỉ Hải Hà\"\nto = [\"hai-ha\"]\n\n[[district]]\nname = \"Đầm Hà\"\n\n[[district.directive]]\nid = \"a\"\ntext = \"cũ, quá hạn\"\ndue = 2024-03-01\n\n[[district.directive]]\nid = \"b\"\ntext = \"xong\"\ndone = true\n\n[[district]]\nname = \"Hải Hà\"\n",
            ),
            mk(
                "next",
                "2024-07-01",
                "[[district]]\nname = \"Dam Ha\"\n\n[[district.directive]]\nid = \"n\"\ntext = \"mới\"\ndue = 2024-08-01\n\n[[district]]\nname = \"Hải Hà\"\n",
            ),
            mk("later", "2024-09-01", ""),
        ];
        crate::model::sort_newest_first(&mut s);
        s
    }

    fn today() -> NaiveDate {
        "2024-06-01".parse().expect("date")
    }

    #[test]
    fn next_session_is_the_soonest_upcoming() {
        let s = sessions();
        assert_eq!(s[next_session(&s, today()).expect("next")].id, "next");
        assert_eq!(next_session(&s, "2025-01-01".parse().expect("date")), None);
    }

    #[test]
    fn districts_are_counted_across_sessions_by_id() {
        let d = districts(&sessions(), today());
        let dam_ha = d.iter().find(|d| d.key == dam_ha()).expect("dam-ha");
        assert_eq!(
            (dam_ha.sessions, dam_ha.open, dam_ha.overdue),
            (2, 3, 2),
            "the session-wide directive counts too"
        );
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn due_view_lists_overdue_oldest_first_then_open_by_due() {
        let s = sessions();
        let rows = due_rows(&s, today());
        let texts = directive_texts(&s, &rows);
        assert_eq!(texts, ["chung", "cũ, quá hạn", "mới"]);
        assert_eq!(rows[1], Row::Item(Target::Session { session: 1 }));
    }

    fn district_rows(
        sessions: &[Session],
        key: &LocalityKey,
        filter: DirectiveFilter,
        today: NaiveDate,
    ) -> Vec<Row> {
        dossier_rows(sessions, key, filter, today).rows
    }

    #[test]
    fn district_history_has_own_and_common_directives_oldest_first() {
        let s = sessions();
        let rows = district_rows(&s, &dam_ha(), DirectiveFilter::All, today());
        let texts = directive_texts(&s, &rows);
        assert_eq!(
            texts,
            ["cũ, quá hạn", "xong", "chung", "mới"],
            "not `chỉ Hải Hà`"
        );
        let open = district_rows(&s, &dam_ha(), DirectiveFilter::Overdue, today());
        let texts = directive_texts(&s, &open);
        assert_eq!(texts, ["cũ, quá hạn", "chung"]);
        let nowhere = LocalityKey {
            id: "nowhere".into(),
            ..dam_ha()
        };
        let rows = district_rows(&s, &nowhere, DirectiveFilter::All, today());
        assert!(!rows.iter().any(|r| matches!(r, Row::Item(_))));
    }

    /// The texts of the directives among `rows`, in order.
    fn directive_texts<'s>(s: &'s [Session], rows: &[Row]) -> Vec<&'s str> {
        (rows.iter().filter_map(|r| r.directive(s)))
            .map(|d| &*d.text)
            .collect()
    }

    fn dam_ha() -> LocalityKey {
        LocalityKey {
            id: "dam-ha".into(),
            level: Some(Level::Huyen),
            parent: None,
            written: false,
        }
    }

    /// huyện Mường La (2024) and xã Mường La (2025), both `muong-la`: two rows, each with
    /// its own counts and directives; the same with another parent is a third.
    #[test]
    fn a_district_and_a_commune_of_the_same_name_are_two_localities() {
        let mk = |id: &str, date: &str, body: &str| {
            let src = format!("version = 2\n[session]\ntitle = \"{id}\"\ndate = {date}\n{body}");
            store::parse_file(src.as_bytes(), "x.toml", id)
                .session
                .expect("valid")
        };
        let locality = |level: &str, parent: &str, text: &str| {
            format!(
                "[[locality]]\nname = \"Mường La\"\nlevel = \"{level}\"\n{parent}\n[[locality.directive]]\nid = \"{text}\"\ntext = \"{text}\"\ndue = 2024-03-01\n"
            )
        };
        let s = vec![
            mk(
                "xa",
                "2025-09-01",
                &locality("xa", "parent = \"tỉnh Sơn La\"", "xa-1"),
            ),
            mk(
                "xa-khac",
                "2025-08-01",
                &locality("xa", "parent = \"tỉnh Lai Châu\"", "xa-2"),
            ),
            mk("huyen", "2024-05-01", &locality("huyen", "", "huyen-1")),
        ];
        let d = districts(&s, today());
        let levels: Vec<_> = d
            .iter()
            .map(|d| (d.key.level, d.parent.as_deref()))
            .collect();
        assert_eq!(
            levels,
            [
                (Some(Level::Huyen), None),
                (Some(Level::Xa), Some("tỉnh Lai Châu")),
                (Some(Level::Xa), Some("tỉnh Sơn La")),
            ]
        );
        assert!(
            d.iter()
                .all(|d| (d.sessions, d.open, d.overdue) == (1, 1, 1))
        );
        for (count, text) in d.iter().zip(["huyen-1", "xa-2", "xa-1"]) {
            let rows = district_rows(&s, &count.key, DirectiveFilter::All, today());
            let texts = directive_texts(&s, &rows);
            assert_eq!(texts, [text]);
        }
    }
}
