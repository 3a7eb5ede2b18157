//! One locality over time (docs/spec.md, version 3): the sessions it was reviewed in, those of
//! the units it came from (`formerly`, `merged_from`, or theirs `merging_into` it), and the
//! trend of each figure seen in two or more of them. Made on demand for one locality; nothing is indexed at load.

use std::collections::HashSet;

use super::fold::{fold, slug};
use super::{Bound, District, Indicator, LocalityKey, Session, Shared};

/// A locality across the folder: its visits in time order and its figures' trends.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Dossier {
    /// Oldest first.
    pub visits: Vec<Visit>,
    /// In the order each figure first appears.
    pub trends: Vec<Trend>,
}

/// One session a locality (or a unit it came from) was reviewed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Visit {
    /// The session's place in the list the dossier was made from.
    pub session: usize,
    /// The locality's place in that session.
    pub locality: usize,
    /// The locality is a unit this one came from, not this one.
    pub earlier: bool,
}

/// A figure by period: its name and unit (as last written) and its values, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Trend {
    pub name: Shared,
    pub unit: Option<Shared>,
    pub points: Vec<Point>,
}

/// One value of a trend.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Point {
    pub session: usize,
    /// The locality and the indicator in that session.
    pub locality: usize,
    pub indicator: usize,
    pub value: f64,
    pub bound: Bound,
    /// The plan, where the file gives it (`target`).
    pub target: Option<f64>,
    /// The period the figure is for, as written; else the session's date says it.
    pub period: Option<Shared>,
}

/// Who a figure is across sessions: its `key`, else its folded name and unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FigureKey {
    Written(Shared),
    Named(String, String),
}

fn figure_key(ind: &Indicator) -> FigureKey {
    match &ind.more.key {
        Some(key) => FigureKey::Written(key.clone()),
        None => FigureKey::Named(
            slug(&ind.name),
            ind.unit.as_deref().map(fold).unwrap_or_default(),
        ),
    }
}

/// Whether `reference` (a `formerly` or `merged_from` entry) names `d`: its `key`, or its level
/// and name as Vietnamese write them (`huyện Chư Păh`), accents, case and spaces aside.
pub(crate) fn names(reference: &str, d: &District) -> bool {
    let reference = reference.trim();
    if d.more.key.as_deref() == Some(reference) {
        return true;
    }
    let Some(level) = d.level else {
        return false;
    };
    let wanted = slug(reference);
    (level.folded_words().iter()).any(|word| slug(&format!("{word} {}", d.name)) == wanted)
}

/// The dossier of the locality `key` among `sessions` (in any order).
pub(crate) fn dossier(sessions: &[Session], key: &LocalityKey) -> Dossier {
    let visits = visits(sessions, key);
    let trends = trends(sessions, &visits);
    Dossier { visits, trends }
}

/// The visits found so far, which (session, locality) pairs they are, and the earlier names
/// they give.
#[derive(Default)]
struct Found<'s> {
    visits: Vec<Visit>,
    taken: HashSet<(usize, usize)>,
    references: Vec<&'s str>,
}

impl<'s> Found<'s> {
    /// Takes the localities of `merging` whose `merging_into` names a visit found since the
    /// first `checked` (as earlier ones); whether any was taken.
    fn take_merging(
        &mut self,
        sessions: &[Session],
        merging: &[(usize, usize, &'s District)],
        checked: &mut usize,
    ) -> bool {
        let mut grew = false;
        while *checked < self.visits.len() {
            let visit = self.visits[*checked];
            *checked += 1;
            let Some(unit) =
                (sessions.get(visit.session)).and_then(|s| s.districts.get(visit.locality))
            else {
                continue;
            };
            for &(session, locality, d) in merging {
                let into = d.more.merging_into.as_deref().unwrap_or_default();
                if !self.taken.contains(&(session, locality)) && names(into, unit) {
                    self.take(session, locality, d, true);
                    grew = true;
                }
            }
        }
        grew
    }

    fn take(&mut self, session: usize, locality: usize, d: &'s District, earlier: bool) {
        self.taken.insert((session, locality));
        self.references.extend(d.predecessors());
        self.visits.push(Visit {
            session,
            locality,
            earlier,
        });
    }
}

/// The sessions of `key`, then, as long as new ones are found, those of the units the found
/// ones name as earlier (and every session of such a unit), and of the units that name a found
/// one as what they merge into; in time order.
fn visits(sessions: &[Session], key: &LocalityKey) -> Vec<Visit> {
    let mut found = Found::default();
    let mut earlier_keys: HashSet<LocalityKey> = HashSet::new();
    let every = || {
        (sessions.iter().enumerate()).flat_map(|(si, s)| {
            s.districts
                .iter()
                .enumerate()
                .map(move |(di, d)| (si, di, d))
        })
    };
    let mut merging = Vec::new();
    for (session, locality, d) in every() {
        if d.is(key) {
            found.take(session, locality, d, false);
        } else if d.more.merging_into.is_some() {
            merging.push((session, locality, d));
        }
    }
    let mut checked = 0;
    loop {
        let mut grew = false;
        if !found.references.is_empty() {
            for (session, locality, d) in every() {
                if found.taken.contains(&(session, locality)) {
                    continue;
                }
                let this = d.key();
                if earlier_keys.contains(&this) || found.references.iter().any(|r| names(r, d)) {
                    earlier_keys.insert(this);
                    found.take(session, locality, d, true);
                    grew = true;
                }
            }
        }
        grew |= found.take_merging(sessions, &merging, &mut checked);
        if !grew {
            break;
        }
    }
    let mut found = found.visits;
    found.sort_by(|a, b| {
        let (sa, sb) = (&sessions[a.session], &sessions[b.session]);
        (sa.date.sort_key().cmp(&sb.date.sort_key()))
            .then_with(|| sa.id.cmp(&sb.id))
            .then(a.locality.cmp(&b.locality))
    });
    found
}

/// Each figure the visits give in two or more sessions, with its values in the visits' order.
fn trends(sessions: &[Session], visits: &[Visit]) -> Vec<Trend> {
    let mut keys: Vec<FigureKey> = Vec::new();
    let mut trends: Vec<Trend> = Vec::new();
    for visit in visits {
        let indicators = &sessions[visit.session].districts[visit.locality].indicators;
        for (indicator, ind) in indicators.iter().enumerate() {
            let Some(value) = ind.value else {
                continue;
            };
            let key = figure_key(ind);
            let at = match keys.iter().position(|k| *k == key) {
                Some(at) => at,
                None => {
                    keys.push(key);
                    trends.push(Trend {
                        name: ind.name.clone(),
                        unit: ind.unit.clone(),
                        points: Vec::new(),
                    });
                    trends.len() - 1
                }
            };
            let trend = &mut trends[at];
            trend.name = ind.name.clone();
            trend.unit = ind.unit.clone();
            trend.points.push(Point {
                session: visit.session,
                locality: visit.locality,
                indicator,
                value,
                bound: ind.bound,
                target: ind.more.target,
                period: ind.period.clone(),
            });
        }
    }
    trends.retain(|t| {
        let first = t.points.first().map(|p| p.session);
        t.points.iter().any(|p| Some(p.session) != first)
    });
    trends
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, SessionDate, test_session};

    fn locality(name: &str, level: Option<Level>, figure: Option<(&str, f64)>) -> District {
        District {
            id: slug(name).into(),
            name: name.into(),
            level,
            indicators: (figure.into_iter())
                .map(|(name, value)| Indicator {
                    name: name.into(),
                    value: Some(value),
                    unit: Some("tỷ đồng".into()),
                    ..Indicator::default()
                })
                .collect(),
            ..District::default()
        }
    }

    fn session(id: &str, day: &str, localities: Vec<District>) -> Session {
        let mut s = test_session(localities, vec![]);
        s.id = id.into();
        s.date = SessionDate::Date(day.parse().expect("day"));
        s
    }

    /// The dossier of the first locality of session `n`.
    fn dossier_of(sessions: &[Session], n: usize) -> Dossier {
        dossier(sessions, &sessions[n].districts[0].key())
    }

    fn ids(sessions: &[Session], d: &Dossier) -> Vec<(String, bool)> {
        (d.visits.iter())
            .map(|v| (sessions[v.session].id.to_string(), v.earlier))
            .collect()
    }

    #[test]
    fn a_figure_in_two_sessions_is_a_trend_in_time_order() {
        let dam_ha = |id, day, name, level, figure| {
            session(id, day, vec![locality(name, Some(level), Some(figure))])
        };
        let sessions = vec![
            dam_ha(
                "2024",
                "2024-12-10",
                "Đầm Hà",
                Level::Huyen,
                ("Thu ngân sách", 420.5),
            ),
            dam_ha(
                "2023",
                "2023-01-12",
                "Dam Ha",
                Level::Huyen,
                ("thu ngân sách", 380.0),
            ),
            dam_ha(
                "xa",
                "2025-09-01",
                "Đầm Hà",
                Level::Xa,
                ("Thu ngân sách", 9.0),
            ),
        ];
        let d = dossier_of(&sessions, 0);
        assert_eq!(
            ids(&sessions, &d),
            [("2023".into(), false), ("2024".into(), false)],
            "the commune of the same name is another locality"
        );
        assert_eq!(d.trends.len(), 1);
        let values: Vec<f64> = d.trends[0].points.iter().map(|p| p.value).collect();
        assert_eq!(values, [380.0, 420.5]);
        assert_eq!(&*d.trends[0].name, "Thu ngân sách", "as last written");
    }

    #[test]
    fn a_figure_of_one_session_is_no_trend_and_a_key_joins_other_names() {
        let mut a = locality(
            "Tân Lập",
            Some(Level::Xa),
            Some(("Thu nhập bình quân", 60.0)),
        );
        a.indicators[0].more.key = Some("thu-nhap".into());
        let mut b = locality(
            "Tân Lập",
            Some(Level::Xa),
            Some(("Thu nhập BQ đầu người", 65.0)),
        );
        b.indicators[0].more.key = Some("thu-nhap".into());
        b.indicators.push(b.indicators[0].clone());
        b.indicators[1].more.key = None;
        let sessions = vec![
            session("a", "2024-01-01", vec![a]),
            session("b", "2025-01-01", vec![b]),
        ];
        let d = dossier_of(&sessions, 0);
        assert_eq!(d.trends.len(), 1);
        assert_eq!(d.trends[0].points.len(), 2);
    }

    #[test]
    fn formerly_and_merged_from_join_the_histories_of_the_units_named() {
        let mut commune = locality("Ia Ly", Some(Level::Xa), None);
        commune.more.key = Some("gia-lai/ia-ly".into());
        commune.more.merged_from = vec!["huyện Chư Păh".into()].into();
        let mut renamed = locality("Chư Păh", Some(Level::Huyen), None);
        renamed.more.formerly = Some("quang-ninh/old".into());
        let mut old = locality("Cũ", Some(Level::Huyen), None);
        old.more.key = Some("quang-ninh/old".into());
        let sessions = vec![
            session("commune", "2025-09-01", vec![commune]),
            session("district-2024", "2024-12-01", vec![renamed.clone()]),
            session("district-2023", "2023-01-01", vec![renamed]),
            session("older", "2020-01-01", vec![old]),
            session(
                "other",
                "2024-01-01",
                vec![locality("Chư Păh", Some(Level::Xa), None)],
            ),
        ];
        let d = dossier_of(&sessions, 0);
        assert_eq!(
            ids(&sessions, &d),
            [
                ("older".into(), true),
                ("district-2023".into(), true),
                ("district-2024".into(), true),
                ("commune".into(), false),
            ],
            "not the commune that shares the district's name"
        );
        let district_visits = dossier_of(&sessions, 1).visits.len();
        assert_eq!(district_visits, 3, "a district's history stops at itself");
    }

    /// Three communes about to merge into xã Ia Ly, in one session: the new commune's dossier
    /// holds that session (once, as earlier units), and what merged into those communes; a
    /// commune's own dossier stays its own; a figure without a value is no point of a trend.
    #[test]
    fn localities_merging_into_one_join_its_history() {
        let merging = |name: &str, into: &str| {
            let mut d = locality(name, Some(Level::Xa), Some(("Thu ngân sách", 10.0)));
            d.more.merging_into = Some(into.into());
            d
        };
        let mut ia_ly = locality("Ia Ly", Some(Level::Xa), Some(("Thu ngân sách", 40.0)));
        ia_ly.more.key = Some("gia-lai/ia-ly".into());
        let mut no_value = ia_ly.clone();
        no_value.indicators[0].value = None;
        let sessions = vec![
            session("new", "2025-09-01", vec![ia_ly]),
            session(
                "merging",
                "2025-06-01",
                vec![
                    merging("Ia Ly Cũ", "gia-lai/ia-ly"),
                    {
                        let mut kreng = merging("Ia Kreng", "Xã  ia ly");
                        kreng.more.formerly = Some("huyện Kreng".into());
                        kreng
                    },
                    merging("Ia Mơ", "xã Ia Grai"),
                ],
            ),
            session(
                "kreng",
                "2024-01-01",
                vec![locality("Kreng", Some(Level::Huyen), None)],
            ),
            session("later", "2026-01-01", vec![no_value]),
        ];
        let d = dossier_of(&sessions, 0);
        let visits: Vec<(&str, usize, bool)> = (d.visits.iter())
            .map(|v| (&*sessions[v.session].id, v.locality, v.earlier))
            .collect();
        assert_eq!(
            visits,
            [
                ("kreng", 0, true),
                ("merging", 0, true),
                ("merging", 1, true),
                ("new", 0, false),
                ("later", 0, false)
            ],
            "not the commune merging elsewhere"
        );
        let values: Vec<f64> = d.trends[0].points.iter().map(|p| p.value).collect();
        assert_eq!(values, [10.0, 10.0, 40.0], "no point without a value");
        let own_visits = dossier_of(&sessions, 1).visits.len();
        assert_eq!(own_visits, 1, "a merging commune's history is its own");
    }

    #[test]
    fn a_locality_is_its_key_without_making_it() {
        let mut d = locality("Chư Păh", Some(Level::Huyen), None);
        d.parent = Some("Tỉnh Gia Lai".into());
        let mut others = [d.clone(), d.clone(), d.clone(), d.clone()];
        others[0].level = Some(Level::Xa);
        others[1].parent = None;
        others[2].name = "Chư Prông".into();
        others[3].more.key = Some("chu-pah".into());
        for other in others.iter().chain([&d]) {
            assert_eq!(other.is(&d.key()), other.key() == d.key(), "{other:?}");
            assert_eq!(d.is(&other.key()), other.key() == d.key(), "{other:?}");
        }
        assert!(others[3].is(&others[3].key()) && d.is(&d.key()));
    }

    #[test]
    fn references_name_a_key_or_a_level_and_name() {
        let mut d = locality("Chư Păh", Some(Level::Huyen), None);
        assert!(names("huyện Chư Păh", &d));
        assert!(names("Huyen  chu pah", &d));
        assert!(!names("xã Chư Păh", &d));
        assert!(!names("Chư Păh", &d));
        d.more.key = Some("gia-lai/chu-pah".into());
        assert!(names(" gia-lai/chu-pah", &d));
        d.level = None;
        assert!(!names("huyện Chư Păh", &d));
    }
}
