//! Each session's share of the implementation report, counted once for a day, and the report
//! merged from the shares. `tally` counts and merges in one go; the TUI keeps the shares by
//! session id between loads ([`Tallies`]) and counts again only the sessions a load or a save
//! replaced, so opening the report or switching its rows is a merge of small, pre-aggregated
//! parts: no directive read, no key made, folded or hashed, no text copied.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use smallvec::SmallVec;

use super::{
    Counts, FollowUp, Grouping, Label, Listed, Row, Scope, Shares, index, listed, listed_proposal,
};
use crate::cores;
use crate::model::fold::fold;
use crate::model::progress::Category;
use crate::model::scope::FoldedWords;
use crate::model::{
    Directive, DirectiveRef, District, Due, Followed, Id, Level, Proposal, Session, SessionDate,
    Text,
};

/// A session's count per category, in `Category::ALL`'s order: [`Counts`] kept small, since ten
/// thousand sessions each keep a few.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Few([u32; Category::ALL.len()]);

impl Few {
    fn add(&mut self, c: Category) {
        self.0[index(c)] += 1;
    }

    fn is_empty(&self) -> bool {
        self.0.iter().all(|&n| n == 0)
    }
}

impl Counts {
    fn add_few(&mut self, few: &Few) {
        (self.0.iter_mut().zip(few.0)).for_each(|(n, m)| *n += m as usize);
    }
}

/// A directive with its category, as a session's directives are walked.
type Counted<'a> = (DirectiveRef, &'a Directive, Category);

/// A locality's proposal with an assignee (counted as a directive), its locality's index and
/// its category.
type Proposed<'a> = (usize, &'a Proposal, Category);

/// One session's share of the report on a day: its counts per row of every grouping asked for,
/// and its overdue and blocked directives, made once.
#[derive(Debug)]
struct Part {
    id: Id,
    date: SessionDate,
    /// `date.sort_key()`: sessions are merged oldest first, then by id.
    order: NaiveDateTime,
    title: Text,
    total: Few,
    /// Each locality counted (a written variant, see [`Rows`]) in the order first counted.
    localities: Box<[(u32, Few)]>,
    /// Session-wide directives that concern no locality of the session.
    common: Few,
    /// Each owner as written (trimmed), in the order first met.
    owners: Box<[(u32, Few)]>,
    no_owner: Few,
    /// Overdue directives with their deadline's last day, in file order.
    overdue: Box<[(Option<NaiveDate>, Arc<Listed>)]>,
    blocked: Box<[Arc<Listed>]>,
}

/// What makes rows one: who a locality is across sessions (`LocalityKey`: id, level, folded
/// parent), an owner folded.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum RowKey {
    Locality(String, Option<&'static str>, Option<String>),
    Owner(String),
}

/// A locality or an owner as a file writes it: the row it counts in, and the label it gives
/// that row when it is the first of the row in a report.
#[derive(Debug)]
struct Written {
    row: u32,
    label: Label,
    /// A locality's `key`, which the label does not say.
    key: Option<Id>,
    /// A locality's name folded: rows are listed by it.
    folded: String,
}

impl Written {
    /// Whether `l` is this locality as written: the same id, name, level, parent and key.
    fn is(&self, l: &District) -> bool {
        match &self.label {
            Label::Locality {
                id,
                name,
                level,
                parent,
            } => {
                id.as_str() == l.id.as_str()
                    && **name == *l.name
                    && *level == l.level
                    && parent.as_deref() == l.parent.as_deref()
                    && self.key == l.more.key
            }
            _ => false,
        }
    }
}

/// The rows of every report made from the same parts: each identity once, each locality and
/// owner as written once, so a part holds small numbers, not texts.
#[derive(Debug, Default)]
struct Rows {
    at: HashMap<RowKey, u32>,
    keys: Vec<RowKey>,
    written: Vec<Written>,
    /// The written localities by name (the rest of what they write told apart in the bucket).
    localities: HashMap<Text, SmallVec<[u32; 1]>>,
    /// The written owners, trimmed.
    owners: HashMap<Text, u32>,
}

impl Rows {
    fn row(&mut self, key: RowKey) -> u32 {
        if let Some(&at) = self.at.get(&key) {
            return at;
        }
        let at = self.keys.len() as u32;
        self.at.insert(key.clone(), at);
        self.keys.push(key);
        at
    }

    fn write(&mut self, row: RowKey, label: Label, key: Option<Id>, folded: String) -> u32 {
        let row = self.row(row);
        self.written.push(Written {
            row,
            label,
            key,
            folded,
        });
        (self.written.len() - 1) as u32
    }

    /// The written variant of locality `l`.
    fn locality(&mut self, l: &District) -> u32 {
        if let Some(bucket) = self.localities.get(&*l.name)
            && let Some(&w) = bucket.iter().find(|&&w| self.written[w as usize].is(l))
        {
            return w;
        }
        let who = l.key();
        let row = RowKey::Locality(who.id.to_string(), who.level.map(Level::name), who.parent);
        let label = Label::Locality {
            id: l.id.to_string(),
            name: l.name.to_string(),
            level: l.level,
            parent: l.parent.as_deref().map(str::to_string),
        };
        let w = self.write(row, label, l.more.key.clone(), fold(&l.name));
        self.localities.entry(l.name.clone()).or_default().push(w);
        w
    }

    /// The written variant of `owner` (trimmed, not empty).
    fn owner(&mut self, owner: &str) -> u32 {
        if let Some(&w) = self.owners.get(owner) {
            return w;
        }
        let label = Label::Owner(owner.into());
        let w = self.write(RowKey::Owner(fold(owner)), label, None, String::new());
        self.owners.insert(owner.into(), w);
        w
    }

    /// Session `s`'s part: its `share` with each locality and owner named by its row.
    fn part(&mut self, s: &Session, share: Share<'_>) -> Part {
        let localities = (share.localities.iter())
            .map(|&(at, few)| (self.locality(&s.districts[at]), few))
            .collect();
        let owners = (share.owners.iter())
            .map(|&(owner, few)| (self.owner(owner), few))
            .collect();
        Part {
            id: s.id.clone(),
            date: s.date,
            order: s.date.sort_key(),
            title: s.title.clone(),
            total: share.total,
            localities,
            common: share.common,
            owners,
            no_owner: share.no_owner,
            overdue: share.overdue.into(),
            blocked: share.blocked.into(),
        }
    }

    /// The rows of `parts` (oldest session first) by locality or by owner: each row's label is
    /// that of its first part, its counts the sum; listed by name (localities) or folded owner,
    /// then the common row or the row without an owner.
    fn rows(&self, parts: &[&Part], by: Grouping) -> Vec<Row> {
        let mut counts = vec![Counts::default(); self.keys.len()];
        let mut labels: Vec<Option<u32>> = vec![None; self.keys.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut rest = Counts::default();
        let mut any_rest = false;
        for p in parts {
            let (own, other) = match by {
                Grouping::Locality => (&p.localities, &p.common),
                _ => (&p.owners, &p.no_owner),
            };
            for (w, few) in own.iter() {
                let row = self.written[*w as usize].row as usize;
                if labels[row].is_none() {
                    labels[row] = Some(*w);
                    touched.push(row as u32);
                }
                counts[row].add_few(few);
            }
            if !other.is_empty() {
                rest.add_few(other);
                any_rest = true;
            }
        }
        let label = |row: u32| labels[row as usize].map(|w| &self.written[w as usize]);
        touched.sort_by(|&a, &b| {
            let name = |row| label(row).map_or("", |w| w.folded.as_str());
            (name(a), &self.keys[a as usize]).cmp(&(name(b), &self.keys[b as usize]))
        });
        let mut rows: Vec<Row> = (touched.iter())
            .filter_map(|&row| {
                label(row).map(|w| Row {
                    label: w.label.clone(),
                    counts: counts[row as usize],
                })
            })
            .collect();
        if any_rest {
            let label = match by {
                Grouping::Locality => Label::Common,
                _ => Label::NoOwner,
            };
            rows.push(Row {
                label,
                counts: rest,
            });
        }
        rows
    }
}

/// A session's share before its rows are named: worked out from the session alone (with the
/// words its thread folded before), so sessions are shared out on every core.
#[derive(Debug)]
struct Share<'s> {
    total: Few,
    /// Each locality counted, by its index, in the order first counted.
    localities: SmallVec<[(usize, Few); 8]>,
    common: Few,
    /// Each owner as written (trimmed), in the order first met.
    owners: SmallVec<[(&'s str, Few); 8]>,
    no_owner: Few,
    overdue: Vec<(Option<NaiveDate>, Arc<Listed>)>,
    blocked: Vec<Arc<Listed>>,
}

impl<'s> Share<'s> {
    /// Session `s`'s share on `today`, with the rows of `only` (every grouping when `None`);
    /// `words` keeps the names and owners folded for the sessions before.
    fn of(
        s: &'s Session,
        today: NaiveDate,
        only: Option<Grouping>,
        words: &mut FoldedWords,
    ) -> Self {
        let counted: Vec<Counted<'_>> = (s.directives_with_refs())
            .map(|(r, d)| (r, d, d.category(today)))
            .collect();
        let wants = |g: Grouping| only.is_none_or(|o| o == g);
        let shared = if needs_shared(wants(Grouping::Locality), &counted) {
            s.shared_localities_with(words)
        } else {
            Vec::new()
        };
        let mut total = Few::default();
        let mut overdue = Vec::new();
        let mut blocked = Vec::new();
        let mut shares = None;
        for &(r, d, c) in &counted {
            total.add(c);
            if c.is_overdue() {
                let shares = shares.get_or_insert_with(|| Shares::of(s));
                let due = d.due.map(Due::last_day);
                overdue.push((due, Arc::new(listed(s, shares, &shared, r, d, c))));
            } else if c == Category::Blocked {
                let shares = shares.get_or_insert_with(|| Shares::of(s));
                blocked.push(Arc::new(listed(s, shares, &shared, r, d, c)));
            }
        }
        let proposed: Vec<Proposed<'_>> = (s.proposals())
            .filter(|(_, p)| p.is_followed())
            .map(|(l, p)| (l, p, p.category(today)))
            .collect();
        for &(l, p, c) in &proposed {
            total.add(c);
            if c.is_overdue() {
                let shares = shares.get_or_insert_with(|| Shares::of(s));
                let due = p.due.map(Due::last_day);
                overdue.push((due, Arc::new(listed_proposal(s, shares, l, p, c))));
            } else if c == Category::Blocked {
                let shares = shares.get_or_insert_with(|| Shares::of(s));
                blocked.push(Arc::new(listed_proposal(s, shares, l, p, c)));
            }
        }
        let (localities, common) = if wants(Grouping::Locality) {
            by_locality(s, &counted, &shared, &proposed)
        } else {
            Default::default()
        };
        let (owners, no_owner) = if wants(Grouping::Assignee) {
            by_owner(&counted, &proposed)
        } else {
            Default::default()
        };
        Share {
            total,
            localities,
            common,
            owners,
            no_owner,
            overdue,
            blocked,
        }
    }
}

/// A locality's own directives and followed proposals count for it; a session-wide directive
/// for each locality it concerns (`shared`, by its index), or in the common row when it
/// concerns none. Each locality counted by its index, in the order first counted.
fn by_locality(
    s: &Session,
    counted: &[Counted<'_>],
    shared: &[Vec<usize>],
    proposed: &[Proposed<'_>],
) -> (SmallVec<[(usize, Few); 8]>, Few) {
    let mut counts: SmallVec<[Few; 8]> = SmallVec::from_elem(Few::default(), s.districts.len());
    let mut first_counted: SmallVec<[usize; 8]> = SmallVec::new();
    let mut common = Few::default();
    let mut count = |at: usize, c: Category| {
        if let Some(n) = counts.get_mut(at) {
            if n.is_empty() {
                first_counted.push(at);
            }
            n.add(c);
        }
    };
    for &(r, _, c) in counted {
        match r.district {
            Some(at) => count(at, c),
            None => match shared.get(r.index).map(Vec::as_slice) {
                Some([]) | None => common.add(c),
                Some(localities) => localities.iter().for_each(|&at| count(at, c)),
            },
        }
    }
    proposed.iter().for_each(|&(at, _, c)| count(at, c));
    let localities = first_counted.iter().map(|&at| (at, counts[at])).collect();
    (localities, common)
}

/// Each owner (or followed proposal's assignee) as written (trimmed) with its counts, in the
/// order first met; the directives without one apart.
fn by_owner<'s>(
    counted: &[Counted<'s>],
    proposed: &[Proposed<'s>],
) -> (SmallVec<[(&'s str, Few); 8]>, Few) {
    let mut owners: SmallVec<[(&str, Few); 8]> = SmallVec::new();
    let mut none = Few::default();
    let directives = counted.iter().map(|&(_, d, c)| (d.owner.as_deref(), c));
    let proposals = proposed.iter().map(|&(_, p, c)| (p.assignee.as_deref(), c));
    for (owner, c) in directives.chain(proposals) {
        match owner.map(str::trim).filter(|o| !o.is_empty()) {
            Some(owner) => match owners.iter_mut().find(|(o, _)| *o == owner) {
                Some((_, n)) => n.add(c),
                None => {
                    let mut n = Few::default();
                    n.add(c);
                    owners.push((owner, n));
                }
            },
            None => none.add(c),
        }
    }
    (owners, none)
}

/// Whether the session-wide directives' localities are asked: for rows by locality, or for
/// a listed session-wide directive.
fn needs_shared(by_locality: bool, counted: &[Counted<'_>]) -> bool {
    by_locality
        || (counted.iter())
            .any(|&(r, _, c)| r.district.is_none() && (c.is_overdue() || c == Category::Blocked))
}

/// The report's shares of the sessions, by session id, for one day: counted again only for the
/// sessions [`Tallies::forget`] names (a load replaced them, a save changed them), or all of
/// them on another day. Nothing is counted until the report is first asked for
/// ([`Tallies::want`]): the shares of ten thousand sessions hold their overdue and blocked
/// directives, memory a person who never opens the report should not pay for.
#[derive(Debug)]
pub(crate) struct Tallies {
    /// The report was asked for: the shares are kept from then on.
    wanted: bool,
    /// Every session is to be counted again (the report was just asked for).
    all_stale: bool,
    today: NaiveDate,
    /// The grouping its parts count rows for; every one when `None`.
    only: Option<Grouping>,
    parts: Vec<Part>,
    at: HashMap<Id, usize>,
    rows: Rows,
    /// Sessions to count again.
    stale: HashSet<Id>,
}

/// Below this many sessions to count again, each is looked for; above, the sessions are walked
/// once.
const FEW_STALE: usize = 8;

/// Fewer sessions than this for each core are counted on one (starting a thread costs more).
const SHARES_PER_THREAD: usize = 32;

impl Tallies {
    /// No session counted yet, for `today`, with the rows of `only` (every grouping when
    /// `None`).
    pub(crate) fn new(today: NaiveDate, only: Option<Grouping>) -> Self {
        Tallies {
            wanted: false,
            all_stale: false,
            today,
            only,
            parts: Vec::new(),
            at: HashMap::new(),
            rows: Rows::default(),
            stale: HashSet::new(),
        }
    }

    /// Whether the parts are those of every session given to [`Tallies::catch_up`] last, on
    /// `today`.
    pub(crate) fn covers(&self, today: NaiveDate) -> bool {
        self.wanted && !self.all_stale && self.today == today && self.stale.is_empty()
    }

    /// The report is asked for: from the next [`Tallies::catch_up`] on, every session has its
    /// share (all are counted then, the first time).
    pub(crate) fn want(&mut self) {
        if !self.wanted {
            self.wanted = true;
            self.all_stale = true;
        }
    }

    /// Session `id` was replaced, removed or changed: its part goes, and it is counted again
    /// (if it is still there) by the next [`Tallies::catch_up`].
    pub(crate) fn forget(&mut self, id: &str) {
        if !self.wanted {
            return;
        }
        self.drop_part(id);
        if !self.stale.contains(id) {
            self.stale.insert(id.into());
        }
    }

    /// Counts the sessions forgotten since the last call, or every one when the day is not the
    /// parts' day.
    pub(crate) fn catch_up(&mut self, sessions: &[Session], today: NaiveDate) {
        if !self.wanted {
            return;
        }
        if today != self.today || self.all_stale {
            *self = Tallies {
                wanted: true,
                ..Tallies::new(today, self.only)
            };
            self.count(sessions);
            return;
        }
        if self.stale.is_empty() {
            return;
        }
        let stale = std::mem::take(&mut self.stale);
        if stale.len() <= FEW_STALE {
            let found = stale
                .iter()
                .filter_map(|id| sessions.iter().find(|s| s.id == *id));
            self.count(found);
        } else {
            self.count(sessions.iter().filter(|s| stale.contains(&s.id)));
        }
    }

    /// Counts `sessions` (each replacing its part, if it had one): each session's share on
    /// every core, then its rows named in order.
    pub(crate) fn count<'s>(&mut self, sessions: impl IntoIterator<Item = &'s Session>) {
        let sessions: Vec<&Session> = sessions.into_iter().collect();
        let (today, only) = (self.today, self.only);
        let shares = cores::map_in_order_with(
            &sessions,
            SHARES_PER_THREAD,
            FoldedWords::default,
            |words, s| Share::of(s, today, only, words),
        );
        for (s, share) in sessions.into_iter().zip(shares) {
            self.drop_part(&s.id);
            let part = self.rows.part(s, share);
            self.at.insert(part.id.clone(), self.parts.len());
            self.parts.push(part);
        }
    }

    fn drop_part(&mut self, id: &str) {
        let Some(at) = self.at.remove(id) else {
            return;
        };
        self.parts.swap_remove(at);
        if let Some(moved) = self.parts.get(at) {
            self.at.insert(moved.id.clone(), at);
        }
    }

    /// The parts of the sessions `scope` takes, oldest first (then by id).
    fn taken(&self, scope: &Scope) -> Vec<&Part> {
        let mut taken: Vec<&Part> = (self.parts.iter())
            .filter(|p| scope.takes(&p.date))
            .collect();
        taken.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
        taken
    }

    /// The report of the sessions counted, for `scope` (whose day must be the parts' day).
    pub(crate) fn report(&self, scope: &Scope) -> FollowUp {
        let parts = self.taken(scope);
        let mut total = Counts::default();
        parts.iter().for_each(|p| total.add_few(&p.total));
        let mut overdue: Vec<(Option<NaiveDate>, NaiveDateTime, &Arc<Listed>)> = (parts.iter())
            .flat_map(|p| (p.overdue.iter()).map(|(due, l)| (*due, p.order, l)))
            .collect();
        overdue.sort_by_key(|&(due, order, _)| (due, order));
        FollowUp {
            scope: *scope,
            sessions: parts.len(),
            rows: self.rows_of(&parts, scope.by),
            total,
            overdue: overdue.into_iter().map(|(_, _, l)| Arc::clone(l)).collect(),
            blocked: (parts.iter())
                .flat_map(|p| p.blocked.iter().cloned())
                .collect(),
        }
    }

    /// `report`, made by [`Tallies::report`], with its rows by `by`: the rest stays as it is.
    pub(crate) fn regroup(&self, report: &mut FollowUp, by: Grouping) {
        let scope = Scope { by, ..report.scope };
        report.rows = self.rows_of(&self.taken(&scope), by);
        report.scope = scope;
    }

    fn rows_of(&self, parts: &[&Part], by: Grouping) -> Vec<Row> {
        debug_assert!(
            self.only.is_none_or(|only| only == by),
            "the parts count the rows of {:?} alone",
            self.only
        );
        match by {
            Grouping::Locality | Grouping::Assignee => self.rows.rows(parts, by),
            Grouping::Session => (parts.iter())
                .map(|p| {
                    let mut counts = Counts::default();
                    counts.add_few(&p.total);
                    Row {
                        label: Label::Session {
                            id: p.id.to_string(),
                            title: p.title.to_string(),
                            date: p.date,
                        },
                        counts,
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
