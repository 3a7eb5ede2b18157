//! The locality over time that `show --district` adds after the session (docs/spec.md,
//! version 3): its sessions oldest first with every directive given to it and its state,
//! and each figure seen in two or more sessions. Said once here as text; each format marks
//! it up.

use super::Options;
use crate::i18n;
use crate::model::Followed;
use crate::model::dossier::Dossier;
use crate::model::{District, Lang, Session};
use crate::present::follow_up::{says_more, standing_line};
use crate::present::trend::{ChartRow, chart_rows, trend_title};
use crate::present::words::state_word;
use crate::present::{self, capitalised, level_and_name};

/// The folder's sessions and the dossier made from them for the locality shown.
#[derive(Debug, Clone, Copy)]
pub struct History<'a> {
    pub(crate) sessions: &'a [Session],
    pub(crate) dossier: &'a Dossier,
}

/// How long a text chart's bar and label may be (`show --district`, text and Markdown).
pub(super) const TEXT_BAR: usize = 40;

/// `████████` (a plan `░░░░`; in ASCII `####`, `----`): a bar of `length` cells.
pub(super) fn text_bar(length: usize, plan: bool, ascii: bool) -> String {
    let cell = match (plan, ascii) {
        (false, false) => "█",
        (true, false) => "░",
        (false, true) => "#",
        (true, true) => "-",
    };
    cell.repeat(length)
}

/// The history as the formats print it.
pub(super) struct HistoryView<'a> {
    /// `Hồ sơ huyện Chư Păh`.
    pub title: String,
    /// `Hợp nhất từ: huyện Chư Păh`, when the file writes what it was.
    pub earlier: Option<String>,
    pub sessions_heading: String,
    pub visits: Vec<VisitView<'a>>,
    pub trends_heading: &'static str,
    /// Said when no figure appears twice.
    pub no_trends: &'static str,
    pub trends: Vec<TrendView>,
}

/// One session of the history.
pub(super) struct VisitView<'a> {
    pub session: &'a Session,
    /// `12/01/2023 · Ban Thường vụ…`, with `· khi còn là huyện Chư Păh` for an earlier unit.
    pub heading: String,
    pub earlier: bool,
    pub directives: Vec<DirectiveView<'a>>,
}

/// A directive with its state in words.
pub(super) struct DirectiveView<'a> {
    pub directive: &'a crate::model::Directive,
    pub overdue: bool,
    /// `Trạng thái · Hạn: 31/12/2023`.
    pub meta: String,
}

/// A figure over time.
pub(super) struct TrendView {
    pub title: String,
    pub rows: Vec<ChartRow>,
}

/// `Huyện Chư Păh`: the locality as its newest session names it.
fn newest<'a>(h: &History<'a>) -> Option<&'a District> {
    let visit = h.dossier.visits.iter().rev().find(|v| !v.earlier)?;
    h.sessions.get(visit.session)?.districts.get(visit.locality)
}

pub(super) fn view<'a>(h: &History<'a>, opts: &Options<'_>) -> HistoryView<'a> {
    let t = i18n::strings(opts.lang);
    let name = newest(h).map_or_else(String::new, |d| level_and_name(&d.name, d.level, opts.lang));
    HistoryView {
        title: capitalised(&t.dossier_title(&name)),
        earlier: newest(h).and_then(|d| present::earlier_names(d, opts.lang)),
        sessions_heading: t.dossier_sessions(&h.dossier.visits.len()),
        visits: (h.dossier.visits.iter())
            .filter_map(|v| {
                let session = h.sessions.get(v.session)?;
                let locality = session.districts.get(v.locality)?;
                Some(VisitView {
                    session,
                    heading: visit_heading(session, locality, v.earlier, opts.lang),
                    earlier: v.earlier,
                    directives: (session.locality_directives(v.locality))
                        .map(|(_, d)| directive(d, opts))
                        .collect(),
                })
            })
            .collect(),
        trends_heading: t.dossier_trends,
        no_trends: t.dossier_no_trends,
        trends: (h.dossier.trends.iter())
            .map(|trend| TrendView {
                title: trend_title(trend),
                rows: chart_rows(h.sessions, trend, opts.lang),
            })
            .collect(),
    }
}

fn visit_heading(s: &Session, d: &District, earlier: bool, lang: Lang) -> String {
    let day = present::session_day(&s.date, lang);
    let mut heading = format!("{day} · {}", s.title);
    if earlier {
        let unit = level_and_name(&d.name, d.level, lang);
        heading.push_str(&format!(
            " · {}",
            i18n::strings(lang).dossier_earlier(&unit)
        ));
    }
    heading
}

fn directive<'a>(d: &'a crate::model::Directive, opts: &Options<'_>) -> DirectiveView<'a> {
    let t = i18n::strings(opts.lang);
    let overdue = d.is_overdue(opts.today);
    let mut meta = Vec::new();
    if !says_more(d) {
        meta.push(state_word(d.state(), opts.lang).to_string());
    }
    if let Some(due) = d.due {
        meta.push(format!("{}: {}", t.due, present::due_text(due, opts.lang)));
    }
    if says_more(d) {
        meta.push(standing_line(d, opts.today, opts.lang));
    }
    if overdue {
        meta.push(t.overdue.to_uppercase());
    }
    DirectiveView {
        directive: d,
        overdue,
        meta: meta.join(" · "),
    }
}
