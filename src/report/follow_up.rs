//! The implementation report's numbers: the directives of the chosen sessions, and the
//! localities' proposals with an assignee (followed up like directives), counted by category,
//! one row per locality, assignee or session, with the totals and the lists of overdue and
//! blocked items. One pure function, [`tally`], that every format of
//! `briefing report` and the TUI's report view draw, so their numbers agree.

mod csv;
mod html;
mod json;
mod markdown;
mod text;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use unicode_width::UnicodeWidthStr;

use crate::i18n;
use crate::model::Followed;
use crate::model::fold::fold;
use crate::model::progress::Category;
use crate::model::{Directive, DirectiveRef, Due, Lang, Level, Proposal, Session, SessionDate};
use crate::present::follow_up::note_stamp;
use crate::present::words::category_word;
use crate::present::{capitalised, due_text, level_and_name, numbers, session_day};

/// The output formats of `briefing report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    #[default]
    Text,
    Markdown,
    Html,
    Csv,
    Json,
}

/// The report in `format`, in `lang`.
pub fn render(report: &FollowUp, format: ReportFormat, lang: Lang) -> String {
    match format {
        ReportFormat::Text => text::render(report, lang),
        ReportFormat::Markdown => markdown::render(report, lang),
        ReportFormat::Html => html::render(report, lang),
        ReportFormat::Csv => csv::render(report, lang),
        ReportFormat::Json => json::render(report, lang),
    }
}

/// What the rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// One row per locality (across sessions, by `LocalityKey`); a session-wide directive
    /// counts in each locality it concerns, and once in the totals.
    #[default]
    Locality,
    /// One row per directive owner (`owner`, as written, accents and case aside).
    Assignee,
    /// One row per session.
    Session,
}

impl Grouping {
    pub const ALL: [Grouping; 3] = [Grouping::Locality, Grouping::Assignee, Grouping::Session];

    /// The word the command line and JSON use.
    pub fn name(self) -> &'static str {
        match self {
            Grouping::Locality => "locality",
            Grouping::Assignee => "assignee",
            Grouping::Session => "session",
        }
    }

    /// The grouping after this one (the TUI's switch).
    pub fn next(self) -> Self {
        match self {
            Grouping::Locality => Grouping::Assignee,
            Grouping::Assignee => Grouping::Session,
            Grouping::Session => Grouping::Locality,
        }
    }
}

/// Which sessions, how to group, and the day categories are judged on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    /// Sessions on or after this day (a month or a year counts by its first day).
    pub from: Option<NaiveDate>,
    /// Sessions on or before this day.
    pub to: Option<NaiveDate>,
    pub by: Grouping,
    pub today: NaiveDate,
}

impl Scope {
    /// Whether a session dated `date` is in the report.
    pub fn takes(&self, date: &SessionDate) -> bool {
        let day = date.day();
        self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
    }
}

/// How many directives fall in each category, in `Category::ALL`'s order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts([usize; Category::ALL.len()]);

impl Counts {
    pub fn get(&self, c: Category) -> usize {
        self.0[index(c)]
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Each category with its count, in column order.
    pub fn each(&self) -> impl Iterator<Item = (Category, usize)> + '_ {
        Category::ALL.into_iter().zip(self.0)
    }

    fn add(&mut self, c: Category) {
        self.0[index(c)] += 1;
    }

    fn add_all(&mut self, other: &Counts) {
        self.0.iter_mut().zip(other.0).for_each(|(n, m)| *n += m);
    }
}

fn index(c: Category) -> usize {
    Category::ALL.iter().position(|&x| x == c).unwrap_or(0)
}

/// What a row stands for; each format puts it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Locality {
        id: String,
        name: String,
        level: Option<Level>,
        /// The unit it belongs to, when the file says so.
        parent: Option<String>,
    },
    /// Session-wide directives of a session that concern no locality of it.
    Common,
    Owner(String),
    NoOwner,
    Session {
        id: String,
        title: String,
        date: SessionDate,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: Label,
    pub counts: Counts,
}

/// A directive (or a locality's proposal) the report lists (overdue or blocked), with what it
/// says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// A locality's proposal (its id in `directive_id`, empty without one; its assignee in
    /// `owner`), not a directive.
    pub proposal: bool,
    pub session_id: String,
    pub session_title: String,
    pub session_date: SessionDate,
    pub directive_id: String,
    pub text: String,
    pub owner: Option<String>,
    /// The locality of its own, or the localities a session-wide one concerns.
    pub localities: Vec<String>,
    pub due: Option<Due>,
    pub category: Category,
    pub percent: Option<u8>,
    pub note: Option<Note>,
}

/// A directive's latest note from its progress log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: DateTime<FixedOffset>,
    pub by: String,
    pub text: String,
}

/// The report: rows in order, the totals (each directive once), and the lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub scope: Scope,
    pub sessions: usize,
    pub rows: Vec<Row>,
    pub total: Counts,
    /// Overdue directives, the earliest deadline first.
    pub overdue: Vec<Listed>,
    /// Blocked directives, the oldest session first.
    pub blocked: Vec<Listed>,
}

/// The report over `sessions` for `scope`: the one function every format and the TUI use.
///
/// Each session's directives are counted into per-session counts first and each row is
/// looked up once per session (once per distinct owner for assignees), so the cost per
/// directive is its category and an array increment: no key built, folded or hashed per
/// directive (issue 25's 100 ms for the TUI's report at 10,000 sessions).
pub fn tally(sessions: &[Session], scope: &Scope) -> FollowUp {
    let mut taken: Vec<&Session> = sessions.iter().filter(|s| scope.takes(&s.date)).collect();
    taken.sort_by(|a, b| (a.date.sort_key(), &a.id).cmp(&(b.date.sort_key(), &b.id)));
    let mut rows = Rows::default();
    let mut report = FollowUp {
        scope: *scope,
        sessions: taken.len(),
        rows: Vec::new(),
        total: Counts::default(),
        overdue: Vec::new(),
        blocked: Vec::new(),
    };
    let mut categories: Vec<(DirectiveRef, &Directive, Category)> = Vec::new();
    for s in taken {
        categories.clear();
        categories.extend(
            s.directives_with_refs()
                .map(|(r, d)| (r, d, d.category(scope.today))),
        );
        let shared = if needs_shared(scope.by, &categories) {
            s.shared_localities()
        } else {
            Vec::new()
        };
        for &(r, d, c) in &categories {
            report.total.add(c);
            if c.is_overdue() {
                report.overdue.push(listed(s, &shared, r, d, c));
            } else if c == Category::Blocked {
                report.blocked.push(listed(s, &shared, r, d, c));
            }
        }
        match scope.by {
            Grouping::Locality => rows.by_locality(s, &categories, &shared),
            Grouping::Assignee => rows.by_owner(&categories),
            Grouping::Session => rows.by_session(s, &categories),
        }
        count_proposals(s, scope, &mut report, &mut rows);
    }
    report
        .overdue
        .sort_by_key(|l| (l.due.map(Due::last_day), l.session_date.sort_key()));
    report.rows = rows.into_sorted();
    report
}

/// A session's proposals with an assignee, counted as directives are: in the totals, in their
/// locality's, assignee's or session's row, and in the lists.
fn count_proposals<'a>(s: &'a Session, scope: &Scope, report: &mut FollowUp, rows: &mut Rows<'a>) {
    let followed: Vec<(usize, &Proposal, Category)> = (s.proposals())
        .filter(|(_, p)| p.is_followed())
        .map(|(l, p)| (l, p, p.category(scope.today)))
        .collect();
    if followed.is_empty() {
        return;
    }
    for &(l, p, c) in &followed {
        report.total.add(c);
        if c.is_overdue() {
            report.overdue.push(listed_proposal(s, l, p, c));
        } else if c == Category::Blocked {
            report.blocked.push(listed_proposal(s, l, p, c));
        }
    }
    for &(l, p, c) in &followed {
        let at = match scope.by {
            Grouping::Locality => rows.locality(&s.districts[l]),
            Grouping::Assignee => rows.owner(p.assignee.as_deref()),
            Grouping::Session => rows.session(s),
        };
        rows.rows[at].1.counts.add(c);
    }
}

/// Whether the session-wide directives' localities are asked: for rows by locality, or for
/// a listed session-wide directive.
fn needs_shared(by: Grouping, categories: &[(DirectiveRef, &Directive, Category)]) -> bool {
    by == Grouping::Locality
        || (categories.iter())
            .any(|&(r, _, c)| r.district.is_none() && (c.is_overdue() || c == Category::Blocked))
}

/// The rows being counted, by what makes them one.
#[derive(Default)]
struct Rows<'a> {
    at: HashMap<RowKey, usize>,
    rows: Vec<(RowKey, Row)>,
    /// Each owner as written (trimmed) to its row, so an owner is folded once, not once per
    /// directive.
    owners: HashMap<&'a str, usize>,
    /// Each locality as written (key, name, level, parent) to its row, so its key is slugged
    /// and folded once, not once per session.
    localities: HashMap<Written<'a>, usize>,
}

/// A locality's fields that make its row: `key`, `name`, `level`, `parent`, as written.
type Written<'a> = (
    Option<&'a str>,
    &'a str,
    Option<&'static str>,
    Option<&'a str>,
);

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum RowKey {
    /// Who a locality is across sessions (`LocalityKey`: id, level, folded parent); the rows
    /// are sorted by name at the end.
    Locality(String, Option<&'static str>, Option<String>),
    Common,
    Owner(String),
    NoOwner,
    /// The session's place in time.
    Session(chrono::NaiveDateTime, String),
}

impl<'a> Rows<'a> {
    /// The row `key` names, made with `label` when it is new.
    fn row(&mut self, key: RowKey, label: impl FnOnce() -> Label) -> usize {
        if let Some(&at) = self.at.get(&key) {
            return at;
        }
        let at = self.rows.len();
        self.at.insert(key.clone(), at);
        let row = Row {
            label: label(),
            counts: Counts::default(),
        };
        self.rows.push((key, row));
        at
    }

    fn add(&mut self, key: RowKey, label: impl FnOnce() -> Label, counts: &Counts) {
        let at = self.row(key, label);
        self.rows[at].1.counts.add_all(counts);
    }

    /// A locality's own directives count for it; a session-wide one for each locality it
    /// concerns (`shared`, by its index), or in the common row when it concerns none. The
    /// localities are looked up in the order they are first counted.
    fn by_locality(
        &mut self,
        s: &'a Session,
        categories: &[(DirectiveRef, &Directive, Category)],
        shared: &[Vec<usize>],
    ) {
        let mut counts = vec![Counts::default(); s.districts.len()];
        let mut first_counted: Vec<usize> = Vec::new();
        let mut common = Counts::default();
        for &(r, _, c) in categories {
            let mut count = |at: usize| {
                if let Some(n) = counts.get_mut(at) {
                    if n.total() == 0 {
                        first_counted.push(at);
                    }
                    n.add(c);
                }
            };
            match r.district {
                Some(at) => count(at),
                None => match shared.get(r.index).map(Vec::as_slice) {
                    Some([]) | None => common.add(c),
                    Some(localities) => localities.iter().for_each(|&at| count(at)),
                },
            }
        }
        for at in first_counted {
            let row = self.locality(&s.districts[at]);
            self.rows[row].1.counts.add_all(&counts[at]);
        }
        if common.total() > 0 {
            self.add(RowKey::Common, || Label::Common, &common);
        }
    }

    /// The row of locality `l`.
    fn locality(&mut self, l: &'a crate::model::District) -> usize {
        let written = (
            l.key.as_deref(),
            &*l.name,
            l.level.map(Level::name),
            l.parent.as_deref(),
        );
        if let Some(&at) = self.localities.get(&written) {
            return at;
        }
        let (key, label) = locality_row(l);
        let at = self.row(key, || label);
        self.localities.insert(written, at);
        at
    }

    fn by_owner(&mut self, categories: &[(DirectiveRef, &'a Directive, Category)]) {
        for &(_, d, c) in categories {
            let at = self.owner(d.owner.as_deref());
            self.rows[at].1.counts.add(c);
        }
    }

    /// The row of a directive's owner or a proposal's assignee, as written (or of none).
    fn owner(&mut self, owner: Option<&'a str>) -> usize {
        match owner.map(str::trim).filter(|o| !o.is_empty()) {
            Some(owner) => match self.owners.get(owner) {
                Some(&at) => at,
                None => {
                    let at = self.row(RowKey::Owner(fold(owner)), || Label::Owner(owner.into()));
                    self.owners.insert(owner, at);
                    at
                }
            },
            None => self.row(RowKey::NoOwner, || Label::NoOwner),
        }
    }

    /// A session's row, even when it has no directive.
    fn by_session(&mut self, s: &Session, categories: &[(DirectiveRef, &Directive, Category)]) {
        let mut counts = Counts::default();
        categories.iter().for_each(|&(_, _, c)| counts.add(c));
        let at = self.session(s);
        self.rows[at].1.counts.add_all(&counts);
    }

    /// The row of session `s`.
    fn session(&mut self, s: &Session) -> usize {
        let key = RowKey::Session(s.date.sort_key(), s.id.to_string());
        self.row(key, || Label::Session {
            id: s.id.to_string(),
            title: s.title.to_string(),
            date: s.date,
        })
    }

    /// Localities by name (folded), the common row, assignees by name, the row without one,
    /// sessions oldest first.
    fn into_sorted(mut self) -> Vec<Row> {
        self.rows.sort_by_cached_key(|(key, row)| {
            let name = match &row.label {
                Label::Locality { name, .. } => fold(name),
                _ => String::new(),
            };
            let class = match key {
                RowKey::Locality(..) => 0,
                RowKey::Common => 1,
                RowKey::Owner(_) => 2,
                RowKey::NoOwner => 3,
                RowKey::Session(..) => 4,
            };
            (class, name, key.clone())
        });
        self.rows.into_iter().map(|(_, row)| row).collect()
    }
}

/// A locality's row: what makes it one across sessions (`LocalityKey`: id, level, parent),
/// sorted by name, and its title.
fn locality_row(l: &crate::model::District) -> (RowKey, Label) {
    let who = l.key();
    let key = RowKey::Locality(who.id.to_string(), who.level.map(Level::name), who.parent);
    let label = Label::Locality {
        id: l.id.to_string(),
        name: l.name.to_string(),
        level: l.level,
        parent: l.parent.as_deref().map(str::to_string),
    };
    (key, label)
}

fn listed(
    s: &Session,
    shared: &[Vec<usize>],
    r: DirectiveRef,
    d: &Directive,
    c: Category,
) -> Listed {
    let own;
    let indices: &[usize] = match r.district {
        Some(at) => {
            own = [at];
            &own
        }
        None => shared.get(r.index).map_or(&[], Vec::as_slice),
    };
    let localities = (indices.iter())
        .filter_map(|&at| s.districts.get(at).map(|l| l.name.to_string()))
        .collect();
    Listed {
        proposal: false,
        session_id: s.id.to_string(),
        session_title: s.title.to_string(),
        session_date: s.date,
        directive_id: d.id.to_string(),
        text: d.text.to_string(),
        owner: d.owner.as_deref().map(str::to_string),
        localities,
        due: d.due,
        category: c,
        percent: d.percent(),
        note: latest_note(d),
    }
}

/// A locality's proposal (of locality `l`) as the lists have it.
fn listed_proposal(s: &Session, l: usize, p: &Proposal, c: Category) -> Listed {
    Listed {
        proposal: true,
        session_id: s.id.to_string(),
        session_title: s.title.to_string(),
        session_date: s.date,
        directive_id: p.id.as_deref().unwrap_or_default().to_string(),
        text: p.text.to_string(),
        owner: p.assignee.as_deref().map(str::to_string),
        localities: (s.districts.get(l).map(|l| l.name.to_string()))
            .into_iter()
            .collect(),
        due: p.due,
        category: c,
        percent: p.percent(),
        note: latest_note(p),
    }
}

fn latest_note(d: &impl Followed) -> Option<Note> {
    d.latest_note().and_then(|e| {
        e.note.as_deref().map(|text| Note {
            at: e.at,
            by: e.by.to_string(),
            text: text.to_string(),
        })
    })
}

/// The heading of the rows' column: `Địa phương`, `Đơn vị thực hiện`, `Buổi làm việc`.
pub(crate) fn rows_heading(by: Grouping, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match by {
        Grouping::Locality => t.report_row_locality,
        Grouping::Assignee => t.report_row_assignee,
        Grouping::Session => t.report_row_session,
    }
}

/// The width of the rows' column: the widest of `titles` (the rows' titles as shown), the
/// column's heading and the all-rows label, at most `room`.
pub(crate) fn rows_width(
    titles: impl Iterator<Item = usize>,
    by: Grouping,
    lang: Lang,
    room: usize,
) -> usize {
    let all = i18n::strings(lang).report_all_rows;
    (titles.chain([rows_heading(by, lang).width(), all.width()]))
        .max()
        .unwrap_or(0)
        .min(room)
}

/// What a row is called: `Huyện Đầm Hà (tỉnh Quảng Ninh)`, `Sở Xây dựng`,
/// `13/03/2024 · Làm việc với…`.
pub(crate) fn row_title(label: &Label, lang: Lang) -> String {
    let t = i18n::strings(lang);
    match label {
        Label::Locality {
            name,
            level,
            parent,
            ..
        } => {
            let title = capitalised(&level_and_name(name, *level, lang));
            match parent {
                Some(parent) => format!("{title} ({parent})"),
                None => title,
            }
        }
        Label::Common => t.report_common.to_string(),
        Label::Owner(owner) => owner.clone(),
        Label::NoOwner => t.report_no_owner.to_string(),
        Label::Session { title, date, .. } => format!("{} · {title}", session_day(date, lang)),
    }
}

/// `12 buổi làm việc (từ 01/01/2024 đến 31/03/2024) · phân loại tính đến ngày 20/03/2024`.
pub(crate) fn scope_line(report: &FollowUp, lang: Lang) -> String {
    let t = i18n::strings(lang);
    let scope = &report.scope;
    let mut range: Vec<String> = Vec::new();
    if let Some(from) = scope.from {
        range.push(t.report_from(&numbers::date(from)));
    }
    if let Some(to) = scope.to {
        range.push(t.report_to(&numbers::date(to)));
    }
    let range = if range.is_empty() {
        t.report_all_sessions.to_string()
    } else {
        range.join(" ")
    };
    format!(
        "{} ({range}) · {}",
        crate::present::words::session_count(lang, report.sessions),
        t.report_as_of(&numbers::date(scope.today))
    )
}

/// What a listed directive's line says after its text: that it is a locality's proposal,
/// deadline, localities, assignee, its category and percent, its session.
pub(crate) fn listed_facts(l: &Listed, lang: Lang) -> Vec<String> {
    let t = i18n::strings(lang);
    let mut facts = Vec::new();
    if l.proposal {
        facts.push(t.report_proposal.to_string());
    }
    if let Some(due) = l.due {
        facts.push(format!("{}: {}", t.due, due_text(due, lang)));
    }
    facts.push(category_with_percent(l, lang));
    if !l.localities.is_empty() {
        facts.push(format!("{}: {}", t.districts, l.localities.join(", ")));
    }
    if let Some(owner) = &l.owner {
        let label = if l.proposal {
            t.proposal_assignee
        } else {
            t.owner
        };
        facts.push(format!("{label}: {owner}"));
    }
    facts.push(session_of(l, lang));
    facts
}

/// `Đang thực hiện quá hạn, 40%`.
fn category_with_percent(l: &Listed, lang: Lang) -> String {
    match l.percent {
        Some(p) => format!("{}, {p}%", category_word(l.category, lang)),
        None => category_word(l.category, lang).to_string(),
    }
}

/// `buổi làm việc ngày 13/03/2024: Làm việc với…`.
pub(crate) fn session_of(l: &Listed, lang: Lang) -> String {
    let t = i18n::strings(lang);
    t.report_session_of(&session_day(&l.session_date, lang), &l.session_title)
}

/// `Ghi nhận mới nhất (02/04/2024 09:15, lan): …`.
pub(crate) fn note_line(note: &Note, lang: Lang) -> String {
    format!(
        "{} ({}): {}",
        i18n::strings(lang).latest_note,
        note_stamp(&note.at, Some(&note.by)),
        note.text
    )
}

#[cfg(test)]
mod tests;
