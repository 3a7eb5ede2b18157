//! A session's briefing as a printable document: plain text, Markdown, HTML or JSON.

mod html;
mod json;
mod markdown;
mod text;

use chrono::NaiveDate;

use crate::i18n::{self, Strings};
use crate::model::{Directive, District, Gauge, Indicator, Lang, Progress, Session, format};
use crate::present::{self, bar_cells, status_symbol, status_word};

pub use json::list_json;

/// The output formats of `briefing show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
    Json,
}

/// What to render and how.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Only this district (by id); session-wide parts are kept.
    pub district: Option<&'a str>,
    pub lang: Lang,
    /// The day overdue directives are judged against.
    pub today: NaiveDate,
    /// ASCII gauges and symbols instead of block and math characters.
    pub ascii: bool,
    /// For a public handout: no directive ids, no login names of who checked off.
    pub handout: bool,
}

/// Renders the briefing of `session` in `format`.
pub fn render(session: &Session, format: Format, opts: &Options<'_>) -> String {
    match format {
        Format::Text => text::render(session, opts),
        Format::Markdown => markdown::render(session, opts),
        Format::Html => html::render(session, opts),
        Format::Json => json::render(session, opts),
    }
}

/// What one line of a briefing's header says, before each format adds its markup.
pub(super) enum HeaderValue<'s> {
    Text(std::borrow::Cow<'s, str>),
    Tags(&'s [String]),
    Progress(Progress),
    Id(&'s str),
}

/// The header of a briefing, label by label: date, host, chair, topic, location, source,
/// tags, directive progress and (unless a handout) the session id.
pub(super) fn header_rows<'s>(
    s: &'s Session,
    opts: &Options<'_>,
) -> Vec<(&'static str, HeaderValue<'s>)> {
    let t = i18n::strings(opts.lang);
    let when = present::session_when(s, opts.lang);
    let mut rows = vec![(t.date, HeaderValue::Text(when.into()))];
    for (label, value) in [
        (t.host, &s.host),
        (t.chair, &s.chair),
        (t.topic, &s.topic),
        (t.location, &s.location),
        (t.source, &s.source),
    ] {
        if let Some(v) = value {
            rows.push((label, HeaderValue::Text(v.as_str().into())));
        }
    }
    if !s.tags.is_empty() {
        rows.push((t.tags, HeaderValue::Tags(&s.tags)));
    }
    let progress = HeaderValue::Progress(shown_progress(s, opts));
    rows.push((t.district_directives, progress));
    if !opts.handout {
        rows.push((t.session_id, HeaderValue::Id(&s.id)));
    }
    rows
}

/// The districts `opts` selects.
fn districts<'s>(session: &'s Session, opts: &Options<'_>) -> Vec<&'s District> {
    session
        .districts
        .iter()
        .filter(|d| opts.district.is_none_or(|id| d.id == id))
        .collect()
}

/// The district `opts` keeps, by index, when it keeps one.
fn kept_district(session: &Session, opts: &Options<'_>) -> Option<usize> {
    let id = opts.district?;
    session.districts.iter().position(|d| d.id == id)
}

/// The session-wide directives shown: every one, or with `--district` those that concern it.
fn session_directives<'s>(session: &'s Session, opts: &Options<'_>) -> Vec<&'s Directive> {
    match kept_district(session, opts) {
        Some(d) => session.shared_directives(d).map(|(_, d)| d).collect(),
        None => session.directives.iter().collect(),
    }
}

/// The directive progress of what is shown: the session's, or with `--district` that
/// locality's (its own directives and the session-wide ones that concern it).
fn shown_progress(session: &Session, opts: &Options<'_>) -> Progress {
    match kept_district(session, opts) {
        Some(d) => session.locality_progress(d, opts.today),
        None => session.progress(opts.today),
    }
}

const GAUGE_CELLS: usize = 10;

/// `███████░░░` (or `#######---`), with `▶`/`>` after it when the ratio tops 100%.
fn gauge_bar(gauge: &Gauge, ascii: bool) -> String {
    let (full, empty, over) = if ascii {
        ('#', '-', '>')
    } else {
        ('█', '░', '▶')
    };
    let (filled, rest) = bar_cells(gauge.fill(), GAUGE_CELLS);
    let mut bar: String = std::iter::repeat_n(full, filled)
        .chain(std::iter::repeat_n(empty, rest))
        .collect();
    bar.push(if gauge.exceeds() { over } else { ' ' });
    bar
}

/// `≥ 385 tỷ đồng` (`>= 385 tỷ đồng` in ASCII).
fn value_text(ind: &Indicator, opts: &Options<'_>) -> String {
    present::value_text(ind, opts.lang, opts.ascii)
}

/// What the ratio is measured against: the comparison label, or the target with its label.
fn against(ind: &Indicator, gauge: &Gauge, opts: &Options<'_>) -> Option<String> {
    present::against(ind, gauge, opts.lang)
}

/// The comparisons the verdict does not use: `▲ 19,5% so với năm 2022`.
fn other_compares(ind: &Indicator, opts: &Options<'_>) -> Vec<String> {
    (ind.readings().iter())
        .map(|r| present::reading_text(r, opts.lang, opts.ascii))
        .collect()
}

/// `██████████▶ 100,8% ✓ đạt`; `aligned` pads the bar and the percentage to fixed widths.
fn gauge_text(gauge: &Gauge, opts: &Options<'_>, aligned: bool) -> String {
    let bar = gauge_bar(gauge, opts.ascii);
    let percent = present::ratio_text(gauge, opts.lang);
    let (bar, percent) = if aligned {
        (bar, format!("{percent:>6}"))
    } else {
        (bar.trim_end().to_string(), percent)
    };
    format!(
        "{bar} {percent} {} {}",
        status_symbol(gauge.status, opts.ascii),
        status_word(gauge.status, opts.lang)
    )
}

/// Owner, due date, overdue mark, done date and person, note: one piece each.
fn directive_meta(d: &Directive, opts: &Options<'_>) -> Vec<String> {
    let t = i18n::strings(opts.lang);
    let mut meta = Vec::new();
    if let Some(owner) = &d.owner {
        meta.push(format!("{}: {owner}", t.owner));
    }
    if let Some(due) = d.due {
        meta.push(format!("{}: {}", t.due, format::date(due)));
    }
    if d.is_overdue(opts.today) {
        meta.push(t.overdue.to_uppercase());
    }
    if d.done {
        meta.push(done_text(d, t, opts.handout));
    }
    meta
}

fn done_text(d: &Directive, t: &Strings, handout: bool) -> String {
    let mut s = t.done_on.to_string();
    if let Some(at) = d.done_at {
        s.push_str(&format!(" {}", at.format("%d/%m/%Y %H:%M")));
    }
    if let Some(by) = d.done_by.as_ref().filter(|_| !handout) {
        s.push_str(&format!(" {} {by}", t.done_by));
    }
    s
}

#[cfg(test)]
mod tests;
