//! The implementation report's numbers: the directives of the chosen sessions, and the
//! localities' proposals with an assignee (followed up like directives), counted by category,
//! one row per locality, assignee or session, with the totals and the lists of overdue and
//! blocked items. One pure function, [`tally`], that every format of
//! `briefing report` draws, made of the per-session shares the TUI's report view keeps
//! ([`Tallies`]), so their numbers agree.

mod csv;
mod html;
mod json;
mod markdown;
mod tallies;
mod text;

use std::fmt::Write as _;
use std::io;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use unicode_width::UnicodeWidthStr;

use crate::i18n;
use crate::model::Followed;
use crate::model::progress::Category;
use crate::model::{
    Directive, DirectiveRef, Due, Id, Lang, Level, Proposal, Session, SessionDate, Shared, Text,
};
use crate::present::follow_up::note_stamp;
use crate::present::words::category_word;
use crate::present::{capitalised, due_text, level_and_name, numbers, session_day};

pub(crate) use tallies::Tallies;

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
        ReportFormat::Text => {
            let mut out = String::new();
            let _ = text::write(report, lang, &mut |piece| {
                out.push_str(piece);
                Ok(())
            });
            out
        }
        ReportFormat::Markdown => markdown::render(report, lang),
        ReportFormat::Html => html::render(report, lang),
        ReportFormat::Csv => csv::render(report, lang),
        ReportFormat::Json => json::render(report, lang),
    }
}

/// The report in `format`, in `lang`, given to `put` a piece at a time: the text format's
/// lists piece by piece (tens of megabytes at ten thousand sessions, never held whole), the
/// other formats whole.
pub(crate) fn write(
    report: &FollowUp,
    format: ReportFormat,
    lang: Lang,
    put: &mut dyn FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    match format {
        ReportFormat::Text => text::write(report, lang, put),
        _ => put(&render(report, format, lang)),
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
}

fn index(c: Category) -> usize {
    Category::ALL.iter().position(|&x| x == c).unwrap_or(0)
}

/// The widths of a count's column and of the total's, at least `cell` and `total`, that hold
/// the report's largest numbers with a space before each (ten thousand sessions count over a
/// hundred thousand directives in a column).
pub(crate) fn number_widths(report: &FollowUp, cell: usize, total: usize) -> (usize, usize) {
    let digits = |n: usize| n.checked_ilog10().map_or(1, |d| d as usize + 1);
    let counts = (report.rows.iter().map(|r| &r.counts)).chain([&report.total]);
    let (widest, widest_total) = counts.fold((0, 0), |(widest, widest_total), c| {
        let most = c.each().map(|(_, n)| n).max().unwrap_or(0);
        (widest.max(most), widest_total.max(c.total()))
    });
    (
        cell.max(digits(widest) + 1),
        total.max(digits(widest_total) + 1),
    )
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
/// says of it. Its texts are the session's, shared where the session shares them (its id,
/// title, localities' names and owners are one copy for every item of the session listed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// A locality's proposal (its id in `directive_id`, empty without one; its assignee in
    /// `owner`), not a directive.
    pub proposal: bool,
    pub session_id: Shared,
    pub session_title: Shared,
    pub session_date: SessionDate,
    pub directive_id: Id,
    pub text: Text,
    pub owner: Option<Shared>,
    /// The locality of its own, or the localities a session-wide one concerns.
    pub localities: Vec<Shared>,
    pub due: Option<Due>,
    pub category: Category,
    pub percent: Option<u8>,
    pub note: Option<Note>,
}

/// A directive's latest note from its progress log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: DateTime<FixedOffset>,
    pub by: Shared,
    pub text: Text,
}

/// The report: rows in order, the totals (each directive once), and the lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub scope: Scope,
    pub sessions: usize,
    pub rows: Vec<Row>,
    pub total: Counts,
    /// Overdue directives, the earliest deadline first (shared with the parts they were
    /// counted in: a report merged from kept parts copies no text).
    pub overdue: Vec<Arc<Listed>>,
    /// Blocked directives, the oldest session first.
    pub blocked: Vec<Arc<Listed>>,
}

/// The report over `sessions` for `scope`: the one function every format and the TUI use.
///
/// Each session's share is counted once ([`Tallies`]: per row, pre-aggregated) and the shares
/// are merged; the TUI keeps the shares between loads and merges only.
pub fn tally(sessions: &[Session], scope: &Scope) -> FollowUp {
    let mut tallies = Tallies::new(scope.today, Some(scope.by));
    tallies.count(sessions.iter().filter(|s| scope.takes(&s.date)));
    tallies.report(scope)
}

/// What every listed item of a session shares: its id, title and localities' names, made
/// once for the session when it first lists one.
#[derive(Debug)]
struct Shares {
    id: Shared,
    title: Shared,
    names: Vec<Shared>,
}

impl Shares {
    fn of(s: &Session) -> Self {
        Shares {
            id: Shared::new(&s.id),
            title: Shared::from(&s.title),
            names: (s.districts.iter())
                .map(|l| Shared::from(&l.name))
                .collect(),
        }
    }

    /// The names of the localities at `indices`.
    fn names(&self, indices: &[usize]) -> Vec<Shared> {
        (indices.iter())
            .filter_map(|&at| self.names.get(at).cloned())
            .collect()
    }
}

fn listed(
    s: &Session,
    shares: &Shares,
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
    Listed {
        proposal: false,
        session_id: shares.id.clone(),
        session_title: shares.title.clone(),
        session_date: s.date,
        directive_id: d.id.clone(),
        text: d.text.clone(),
        owner: d.owner.clone(),
        localities: shares.names(indices),
        due: d.due,
        category: c,
        percent: d.percent(),
        note: latest_note(d),
    }
}

/// A locality's proposal (of locality `l`) as the lists have it.
fn listed_proposal(s: &Session, shares: &Shares, l: usize, p: &Proposal, c: Category) -> Listed {
    Listed {
        proposal: true,
        session_id: shares.id.clone(),
        session_title: shares.title.clone(),
        session_date: s.date,
        directive_id: p.id.clone().unwrap_or_default(),
        text: p.text.clone(),
        owner: p.assignee.as_ref().map(Shared::from),
        localities: shares.names(&[l]),
        due: p.due,
        category: c,
        percent: p.percent(),
        note: latest_note(p),
    }
}

fn latest_note(d: &impl Followed) -> Option<Note> {
    d.latest_note().and_then(|e| {
        e.note.as_ref().map(|text| Note {
            at: e.at,
            by: e.by.clone(),
            text: text.clone(),
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

/// What a listed directive's line says after its text, joined by ` · `: deadline,
/// localities, assignee, its category and percent, its session.
pub(crate) fn listed_facts(l: &Listed, lang: Lang) -> String {
    let mut facts = String::new();
    Facts::new(lang).push(&mut facts, l);
    facts
}

/// Writes listed directives' facts ([`listed_facts`]) one after another into a buffer (the
/// text report writes over a hundred thousand), naming a session once for the items of it
/// that follow one another.
pub(crate) struct Facts {
    lang: Lang,
    /// The last session named: its id and title as the items share them, its date, and its
    /// words.
    session: Option<(Shared, Shared, SessionDate, String)>,
}

impl Facts {
    pub(crate) fn new(lang: Lang) -> Self {
        Facts {
            lang,
            session: None,
        }
    }

    /// The facts of `l`, appended to `out`.
    pub(crate) fn push(&mut self, out: &mut String, l: &Listed) {
        const SEPARATOR: &str = " · ";
        let lang = self.lang;
        let t = i18n::strings(lang);
        if l.proposal {
            out.push_str(t.report_proposal);
            out.push_str(SEPARATOR);
        }
        if let Some(due) = l.due {
            let _ = write!(out, "{}: ", t.due);
            push_due_text(out, due, lang);
            out.push_str(SEPARATOR);
        }
        out.push_str(category_word(l.category, lang));
        if let Some(p) = l.percent {
            let _ = write!(out, ", {p}%");
        }
        if let Some((first, others)) = l.localities.split_first() {
            let _ = write!(out, "{SEPARATOR}{}: {first}", t.districts);
            for locality in others {
                out.push_str(", ");
                out.push_str(locality);
            }
        }
        if let Some(owner) = &l.owner {
            let label = match l.proposal {
                true => t.proposal_assignee,
                false => t.owner,
            };
            let _ = write!(out, "{SEPARATOR}{label}: {owner}");
        }
        out.push_str(SEPARATOR);
        out.push_str(self.session_of(l));
    }

    /// [`session_of`] `l`, made again only when `l` is of another session than the last.
    fn session_of(&mut self, l: &Listed) -> &str {
        let same = |(id, title, date, _): &(Shared, Shared, SessionDate, String)| {
            Shared::ptr_eq(id, &l.session_id)
                && Shared::ptr_eq(title, &l.session_title)
                && *date == l.session_date
        };
        if !self.session.as_ref().is_some_and(same) {
            let words = session_of(l, self.lang);
            let (id, title) = (l.session_id.clone(), l.session_title.clone());
            self.session = Some((id, title, l.session_date, words));
        }
        self.session.as_ref().map_or("", |(.., words)| words)
    }
}

/// [`due_text`], appended to `out`.
fn push_due_text(out: &mut String, due: Due, lang: Lang) {
    match due {
        Due::Day(day) => numbers::push_date(out, day),
        Due::Period(_) => out.push_str(&due_text(due, lang)),
    }
}

/// `buổi làm việc ngày 13/03/2024: Làm việc với…`.
pub(crate) fn session_of(l: &Listed, lang: Lang) -> String {
    let t = i18n::strings(lang);
    t.report_session_of(&session_day(&l.session_date, lang), &l.session_title)
}

/// `Ghi nhận mới nhất (02/04/2024 09:15, lan): …`.
pub(crate) fn note_line(note: &Note, lang: Lang) -> String {
    let mut line = String::new();
    push_note_line(&mut line, note, lang);
    line
}

/// [`note_line`], appended to `out`.
pub(crate) fn push_note_line(out: &mut String, note: &Note, lang: Lang) {
    let _ = write!(
        out,
        "{} ({}): {}",
        i18n::strings(lang).latest_note,
        note_stamp(&note.at, Some(&note.by)),
        note.text
    );
}

#[cfg(test)]
mod tests;
