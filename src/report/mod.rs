//! A session's briefing as a printable document: plain text, Markdown, HTML or JSON.

pub(crate) mod follow_up;
mod history;
mod html;
mod json;
mod markdown;
mod svg;
mod text;

use chrono::NaiveDate;

use crate::i18n::{self, Strings};
use crate::model::Followed;
use crate::model::{Directive, District, Gauge, Image, Indicator, Lang, Progress, Session, Text};
use crate::present::follow_up::proposal_follow_up;
use crate::present::{self, bar_cells, reference_line, status_symbol, status_word};

pub use history::History;
pub(crate) use json::list_json;

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
    /// Only this locality (by id); session-wide parts are kept, of the session-wide
    /// directives those that concern it.
    pub district: Option<&'a str>,
    pub lang: Lang,
    /// The day overdue directives are judged against.
    pub today: NaiveDate,
    /// ASCII gauges and symbols instead of block and math characters.
    pub ascii: bool,
    /// For a public handout: no directive ids, no login names of who checked off.
    pub handout: bool,
    /// The selected locality over time (`show --district`), printed after the session.
    pub history: Option<History<'a>>,
}

/// Renders the briefing of `session` in `format`.
pub fn render(session: &Session, format: Format, opts: &Options<'_>) -> String {
    match format {
        Format::Text => ascii_if_asked(text::render(session, opts), opts),
        Format::Markdown => ascii_if_asked(markdown::render(session, opts), opts),
        Format::Html => html::render(session, opts),
        Format::Json => json::render(session, opts),
    }
}

/// With `--ascii`, the punctuation a limited font or printer lacks (`·`, curly quotes,
/// dashes, `…`) in its ASCII form; the letters of Vietnamese stay.
fn ascii_if_asked(text: String, opts: &Options<'_>) -> String {
    if opts.ascii {
        present::ascii_punctuation(&text).into_owned()
    } else {
        text
    }
}

/// What one line of a briefing's header says, before each format adds its markup.
pub(super) enum HeaderValue<'s> {
    Text(std::borrow::Cow<'s, str>),
    Tags(&'s [Text]),
    Progress(Progress),
    Id(&'s str),
}

/// The header of a briefing, label by label: date, publication, host (with its kind),
/// chairs, topic, location, source, tags, directive progress and (unless a handout) the
/// session id.
pub(super) fn header_rows<'s>(
    s: &'s Session,
    opts: &Options<'_>,
) -> Vec<(&'static str, HeaderValue<'s>)> {
    let t = i18n::strings(opts.lang);
    let when = present::session_when(s, opts.lang);
    let mut rows = vec![(t.date, HeaderValue::Text(when.into()))];
    if let Some(published) = &s.published {
        let published = present::published(published, opts.lang);
        rows.push((t.published, HeaderValue::Text(published.into())));
    }
    for (label, value) in [
        (t.host, present::host_line(s, opts.lang)),
        (t.chair, s.chair_line()),
    ] {
        if let Some(v) = value {
            rows.push((label, HeaderValue::Text(v.into())));
        }
    }
    for (label, value) in [
        (t.topic, &s.topic),
        (t.location, &s.location),
        (t.source, &s.source),
    ] {
        if let Some(v) = value {
            rows.push((label, HeaderValue::Text((**v).into())));
        }
    }
    if !s.tags.is_empty() {
        rows.push((t.tags, HeaderValue::Tags(&s.tags)));
    }
    rows.push((t.district_directives, HeaderValue::Progress(total(s, opts))));
    if !opts.handout {
        rows.push((t.session_id, HeaderValue::Id(&s.id)));
    }
    rows
}

/// The directives of the session, or of the locality `opts` selects (its own and the
/// session-wide ones that concern it): the total the header gives.
fn total(s: &Session, opts: &Options<'_>) -> Progress {
    match opts
        .district
        .and_then(|id| s.districts.iter().position(|d| d.id == id))
    {
        Some(at) => s.locality_progress(at, opts.today),
        None => s.progress(opts.today),
    }
}

/// A locality as a briefing shows it, with what every view counts for it.
pub(super) struct Locality<'s> {
    pub district: &'s District,
    /// Its own directives and the session-wide ones that concern it, as the TUI counts.
    pub progress: Progress,
    /// How many of the session-wide directives concern it.
    pub shared: usize,
}

impl Locality<'_> {
    /// Its directives' section is shown: it has directives of its own or shared ones.
    fn has_directives(&self) -> bool {
        self.progress.total > 0
    }
}

/// The localities `opts` selects.
fn districts<'s>(session: &'s Session, opts: &Options<'_>) -> Vec<Locality<'s>> {
    (session.districts.iter().enumerate())
        .filter(|(_, d)| opts.district.is_none_or(|id| d.id == id))
        .map(|(at, district)| Locality {
            district,
            progress: session.locality_progress(at, opts.today),
            shared: session.shared_directives(at).count(),
        })
        .collect()
}

/// How one format writes the parts every briefing ends with: the heading of the session-wide
/// directives (with their progress), those directives, a locality, the locality over time.
struct Ending(
    fn(&mut String, Progress, &Options<'_>),
    fn(&mut String, &Session, &[&Directive], &Options<'_>),
    fn(&mut String, &Session, &Locality<'_>, &Strings, &Options<'_>),
    fn(&mut String, &history::HistoryView<'_>, &Options<'_>),
);

/// The end of every briefing, in this order: the session-wide directives `opts` selects (when
/// any), each selected locality, then the locality over time.
fn write_ending(out: &mut String, s: &Session, opts: &Options<'_>, format: &Ending) {
    let Ending(directives_heading, directives, locality, history) = format;
    let shared = shared_directives(s, opts);
    if !shared.is_empty() {
        directives_heading(out, Progress::of(shared.iter().copied(), opts.today), opts);
        directives(out, s, &shared, opts);
    }
    let t = i18n::strings(opts.lang);
    for l in districts(s, opts) {
        locality(out, s, &l, t, opts);
    }
    if let Some(h) = &opts.history {
        history(out, &history::view(h, opts), opts);
    }
}

/// `and 3 general directives (above)`: the shared directives a locality's count includes.
pub(super) fn shared_note(l: &Locality<'_>, lang: Lang) -> Option<String> {
    let t = i18n::strings(lang);
    (l.shared > 0).then(|| t.shared_also(&l.shared.to_string()))
}

/// The session-wide directives shown: all of them, or those that concern the locality `opts`
/// selects (the rule of `model::scope`, as in every view of a locality).
fn shared_directives<'s>(session: &'s Session, opts: &Options<'_>) -> Vec<&'s Directive> {
    match opts.district {
        Some(id) => session.shared_directives_of(id).collect(),
        None => session.directives.iter().collect(),
    }
}

/// A session's or a locality's statements (`statements()`), with their titles, those it has.
fn statement_lists<'a>(lists: [&'a [Text]; 3], t: &Strings) -> Vec<(&'static str, &'a [Text])> {
    [t.highlights, t.strengths, t.shortcomings]
        .into_iter()
        .zip(lists)
        .filter(|(_, items)| !items.is_empty())
        .collect()
}

/// A locality's statements, then its proposals with their answers (one line each; a followed
/// one with its state, category and latest note on `opts.today`), with their titles, those it
/// has.
fn locality_lists(d: &District, opts: &Options) -> Vec<(&'static str, Vec<Text>)> {
    let lang = opts.lang;
    let t = i18n::strings(lang);
    let proposals = (d.more.proposals.iter())
        .map(|p| {
            let line = present::proposal_line(p, lang);
            let follow_up = proposal_follow_up(p, opts.today, lang, opts.handout);
            Text::from(match follow_up {
                Some(f) => format!("{line} · {f}"),
                None => line,
            })
        })
        .collect();
    let mut lists: Vec<(&'static str, Vec<Text>)> = statement_lists(d.statements(), t)
        .into_iter()
        .map(|(title, items)| (title, items.to_vec()))
        .collect();
    lists.extend((!d.more.proposals.is_empty()).then_some((t.proposals, proposals)));
    lists
}

/// The session's lists with their titles, those it has: its statements, then its references.
fn session_lists(s: &Session, t: &Strings) -> Vec<(&'static str, Vec<String>)> {
    let statements = statement_lists(s.statements(), t).into_iter();
    let mut lists: Vec<(&str, Vec<String>)> = statements
        .map(|(title, items)| (title, items.iter().map(|i| i.to_string()).collect()))
        .collect();
    if !s.references.is_empty() {
        lists.push((
            t.references,
            s.references.iter().map(reference_line).collect(),
        ));
    }
    lists
}

/// Where an image's file is from the briefing folder: the session file's folder, then `file`.
fn image_path(s: &Session, image: &Image) -> Option<String> {
    let file = image.file.as_deref()?;
    Some(match s.id.rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/{file}"),
        None => file.to_string(),
    })
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
    present::measured_against(ind, gauge, opts.lang)
}

/// The comparisons not used by the gauge: growth (`▲ 19,5% so với năm 2022`) or a label
/// with its percent.
fn other_compares(ind: &Indicator, opts: &Options<'_>) -> Vec<String> {
    ind.other_compares()
        .map(|c| present::compare_text(c, opts.lang, opts.ascii))
        .collect()
}

/// A share's bar without a verdict: `████████░░  78,9%`; `None` for any other figure.
fn share_text(ind: &Indicator, opts: &Options<'_>, aligned: bool) -> Option<String> {
    let (full, empty) = if opts.ascii {
        ('#', '-')
    } else {
        ('█', '░')
    };
    let (filled, rest) = bar_cells(ind.share()?, GAUGE_CELLS);
    let bar: String = std::iter::repeat_n(full, filled)
        .chain(std::iter::repeat_n(empty, rest))
        .collect();
    let percent = present::share_text(ind, opts.lang)?;
    Some(if aligned {
        format!("{bar}  {percent:>6}")
    } else {
        format!("{bar} {percent}")
    })
}

/// `██████████▶   107% ✓ đạt`; `aligned` pads the bar and the percentage to fixed widths.
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

/// Owner, due date, overdue mark, done date and person, the localities it is for: one piece
/// each.
fn directive_meta(s: &Session, d: &Directive, opts: &Options<'_>) -> Vec<String> {
    let t = i18n::strings(opts.lang);
    let mut meta = Vec::new();
    if d.urgent {
        meta.push(present::urgent_mark(opts.lang).to_uppercase());
    }
    if let Some(owner) = &d.owner {
        meta.push(format!("{}: {owner}", t.owner));
    }
    meta.extend(present::deadline(
        d.due,
        d.more.due_text.as_deref(),
        opts.lang,
    ));
    if d.is_overdue(opts.today) {
        meta.push(t.overdue.to_uppercase());
    }
    if d.done {
        meta.push(done_text(d, t, opts.handout));
    }
    if let Some(to) = present::addressees(s, &d.more.to, &d.more.to_other) {
        meta.push(format!("{}: {to}", t.directive_to));
    }
    meta
}

fn done_text(d: &Directive, t: &Strings, handout: bool) -> String {
    let mut s = t.done_on.to_string();
    if let Some(at) = d.more.done_at {
        s.push_str(&format!(" {}", at.format("%d/%m/%Y %H:%M")));
    }
    if let Some(by) = d.more.done_by.as_ref().filter(|_| !handout) {
        s.push_str(&format!(" {} {by}", t.done_by));
    }
    s
}

#[cfg(test)]
mod tests;
