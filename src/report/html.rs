//! The briefing as one self-contained HTML page that prints well on A4 (the meeting handout).

use std::fmt::Write;

use super::history::HistoryView;
use super::svg::bar_chart;
use super::{
    Ending, HeaderValue, Locality, Options, against, directive_meta, header_rows, locality_lists,
    session_lists, shared_note, value_text, write_ending,
};
use crate::i18n::{self, Strings};
use crate::model::Followed;
use crate::model::{Comparison, Directive, Gauge, Indicator, Lang, Progress, Session, Status};
use crate::present::follow_up::{latest_note_line, says_more, state_with_percent};
use crate::present::words::category_word;
use crate::present::{
    self, image_line, indicator_title, locality_facts, locality_title, paragraphs,
    participant_line, ratio_text, share_text, status_word,
};

/// Inline style sheet: screen and A4 print, no web fonts, no network.
const STYLE: &str = r#"
:root { --ink: #1b1f24; --muted: #5b6570; --rule: #c9d0d6; --met: #1e7b34; --near: #9a6700; --behind: #b42318; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; line-height: 1.5; font-size: 11pt; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 .75rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .35rem; }
h1, h2, h3, p, li, td, th, dt, dd { overflow-wrap: anywhere; hyphens: manual; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: 0 0 1rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
ul { padding-left: 1.3rem; margin: .3rem 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: .4rem 0 .8rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid var(--rule); }
th { color: var(--muted); font-weight: 600; font-size: .9em; }
col.name { width: 36%; } col.value { width: 20%; } col.gauge { width: 22%; } col.notes { width: 22%; }
.figure { display: inline-block; max-width: 100%; }
td.value { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: block; height: .55rem; background: #e6e9ec; border-radius: .2rem; overflow: hidden; margin: .2rem 0; }
.bar > span { display: block; height: 100%; background: var(--muted); }
.met .bar > span { background: var(--met); } .near .bar > span { background: var(--near); } .behind .bar > span { background: var(--behind); }
.status { font-weight: 600; } .met .status { color: var(--met); } .near .status { color: var(--near); } .behind .status { color: var(--behind); }
ul.directives { list-style: none; padding-left: 0; }
ul.directives li { padding: .3rem 0 .3rem 1.6rem; text-indent: -1.6rem; border-bottom: 1px dotted var(--rule); }
ul.directives li > * { text-indent: 0; }
.box { display: inline-block; width: 1.6rem; text-indent: 0; }
.meta-line { display: block; color: var(--muted); font-size: .9em; }
.overdue .flag { color: var(--behind); font-weight: 700; }
.id { color: var(--muted); font-size: .85em; font-family: ui-monospace, monospace; }
.note { display: block; font-size: .9em; }
.follow-up { display: block; font-size: .9em; }
.badge { font-weight: 600; } .state-blocked { color: var(--near); } .state-dropped { color: var(--muted); }
.facts { color: var(--muted); margin: 0 0 .5rem; }
ul.visits { list-style: none; padding-left: 0; }
ul.visits > li { margin: .4rem 0; }
ul.visits > li.earlier > strong { color: var(--muted); }
figure.trend { margin: .4rem 0 1rem; }
figure.trend figcaption { font-weight: 600; }
svg.trend { display: block; max-width: 40rem; height: auto; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  section.locality, section.history { break-before: page; }
  figure.trend { break-inside: avoid; }
  svg.trend rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2, h3 { break-after: avoid; }
  tr, ul.directives li { break-inside: avoid; }
  .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"#;

/// The parts every briefing ends with, as this format writes them.
const ENDING: Ending = Ending(directives_heading, directives, locality, history);

pub(super) fn render(s: &Session, opts: &Options<'_>) -> String {
    let t = i18n::strings(opts.lang);
    let mut out = String::with_capacity(16 * 1024);
    head(&mut out, s, opts.lang);
    let _ = writeln!(out, "<h1>{}</h1>", esc(&s.title));
    header(&mut out, s, t, opts);
    participants(&mut out, s, t);
    if let Some(summary) = &s.summary {
        let _ = writeln!(out, "<h2>{}</h2>", t.summary);
        text_block(&mut out, summary);
    }
    for (title, items) in session_lists(s, t) {
        list(&mut out, "h2", title, &items);
    }
    if !s.images.is_empty() {
        let lines: Vec<String> = s.images.iter().map(image_line).collect();
        list(&mut out, "h2", t.images, &lines);
    }
    write_ending(&mut out, s, opts, &ENDING);
    out.push_str("</body>\n</html>\n");
    out
}

fn head(out: &mut String, s: &Session, lang: Lang) {
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"briefing\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        esc(&s.title)
    );
}

fn header(out: &mut String, s: &Session, t: &Strings, opts: &Options<'_>) {
    out.push_str("<dl class=\"meta\">\n");
    for (label, value) in header_rows(s, opts) {
        let value = match value {
            HeaderValue::Text(text) => esc(&text),
            HeaderValue::Tags(tags) => tags
                .iter()
                .map(|tag| esc(tag))
                .collect::<Vec<_>>()
                .join(", "),
            HeaderValue::Progress(p) => progress_html(p, t),
            HeaderValue::Id(id) => format!("<span class=\"id\">{}</span>", esc(id)),
        };
        let _ = writeln!(out, "<dt>{label}</dt><dd>{value}</dd>");
    }
    out.push_str("</dl>\n");
}

fn participants(out: &mut String, s: &Session, t: &Strings) {
    if s.participants.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h2>{}</h2>\n<ul>", t.participants);
    for p in &s.participants {
        let who = crate::model::Participant {
            role: None,
            part: None,
            ..p.clone()
        };
        let named = participant_line(&who, "");
        match (named.is_empty(), &p.role) {
            // A participant known only by title (version 3): the title is who it is.
            (true, Some(role)) => {
                let _ = write!(out, "<li><strong>{}</strong>", esc(role));
            }
            (_, role) => {
                let _ = write!(out, "<li><strong>{}</strong>", esc(&named));
                if let Some(role) = role {
                    let _ = write!(out, ", {}", esc(role));
                }
            }
        }
        if let Some(part) = &p.part {
            let _ = write!(out, " ({})", esc(part));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// A titled list of texts under a heading `tag` (`h2`, `h3`).
fn list(out: &mut String, tag: &str, title: &str, items: &[impl AsRef<str>]) {
    let _ = writeln!(out, "<{tag}>{title}</{tag}>\n<ul>");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", esc(item.as_ref()));
    }
    out.push_str("</ul>\n");
}

fn locality(out: &mut String, s: &Session, l: &Locality<'_>, t: &Strings, opts: &Options<'_>) {
    let d = l.district;
    let _ = writeln!(
        out,
        "<section class=\"locality\">\n<h2>{}</h2>",
        esc(&locality_title(d, opts.lang))
    );
    if let Some(facts) = locality_facts(d, opts.lang) {
        let _ = writeln!(out, "<p class=\"facts\">{}</p>", esc(&facts));
    }
    if let Some(summary) = &d.summary {
        text_block(out, summary);
    }
    for (title, items) in locality_lists(d, opts) {
        list(out, "h3", title, &items);
    }
    if !d.indicators.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>", t.indicators);
        indicators(out, &d.indicators, t, opts);
    }
    if l.has_directives() {
        let _ = writeln!(
            out,
            "<h3>{} <small>({})</small></h3>",
            t.district_directives,
            progress_html(l.progress, t)
        );
        let own: Vec<&Directive> = d.directives.iter().collect();
        directives(out, s, &own, opts);
        if let Some(note) = shared_note(l, opts.lang) {
            let _ = writeln!(out, "<p class=\"shared\">{}</p>", esc(&note));
        }
    }
    out.push_str("</section>\n");
}

fn indicators(out: &mut String, list: &[Indicator], t: &Strings, opts: &Options<'_>) {
    let _ = writeln!(
        out,
        "<table>\n<colgroup><col class=\"name\"><col class=\"value\"><col class=\"gauge\"><col class=\"notes\"></colgroup>\n\
         <thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        t.indicators, t.value, t.ratio, t.compared_to
    );
    for ind in list {
        let gauge = ind.gauge();
        let mut notes: Vec<String> = gauge
            .as_ref()
            .and_then(|g| against_html(ind, g, opts))
            .into_iter()
            .collect();
        notes.extend(ind.other_compares().map(|c| compare_html(c, opts)));
        notes.extend(ind.note.as_ref().map(|n| esc(&format!("{}: {n}", t.note))));
        let class = gauge.as_ref().map_or("", |g| status_class(g.status));
        let shown = match &gauge {
            Some(g) => gauge_html(g, opts.lang),
            None => share_html(ind, opts.lang).unwrap_or_default(),
        };
        let _ = writeln!(
            out,
            "<tr class=\"{class}\"><td>{}</td><td class=\"value\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&indicator_title(ind, opts.lang)),
            figure(&value_text(ind, opts)),
            shown,
            notes.join("<br>")
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// What the ratio is measured against, in HTML: the target's figure set as a figure, the
/// label as written.
fn against_html(ind: &Indicator, gauge: &Gauge, opts: &Options<'_>) -> Option<String> {
    let text = against(ind, gauge, opts)?;
    let label = ind.gauge_label().unwrap_or_default();
    Some(written_and_figure(&text, label))
}

/// A comparison the gauge does not show, in HTML: its figure set as a figure, its label as
/// written (a `77%` quoted in a label stays `77%`).
fn compare_html(c: &Comparison, opts: &Options<'_>) -> String {
    let text = present::compare_text(c, opts.lang, opts.ascii);
    written_and_figure(&text, &c.label)
}

/// `text` made of the written `label` and a figure before or after it: the label escaped as
/// written, the rest set as a figure.
fn written_and_figure(text: &str, label: &str) -> String {
    if label.is_empty() {
        return figure(text);
    }
    if let Some(made) = text.strip_prefix(label) {
        return format!("{}{}", esc(label), figure(made));
    }
    if let Some(made) = text.strip_suffix(label) {
        return format!("{}{}", figure(made), esc(label));
    }
    figure(text)
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::Near => "near",
        Status::Behind => "behind",
    }
}

/// How wide a bar's fill is drawn, in percent: full only at 100%, a 98% or 99,86% fill
/// leaves a gap that shows on paper.
fn fill_width(fill: f64) -> f64 {
    let percent = (fill * 100.0).clamp(0.0, 100.0);
    if percent < 100.0 {
        percent.min(97.0)
    } else {
        percent
    }
}

/// A CSS bar filled to the ratio (at most full), the ratio itself and the status in words
/// (a target of zero has no ratio: the bar is labelled with the status).
fn gauge_html(g: &Gauge, lang: Lang) -> String {
    let fill = fill_width(g.fill());
    let over = if g.exceeds() { " ▲" } else { "" };
    let percent = percent_text(&ratio_text(g, lang));
    let label = match g.ratio {
        Some(_) => percent.clone(),
        None => status_word(g.status, lang).to_string(),
    };
    format!(
        "<span class=\"bar\" role=\"img\" aria-label=\"{label}\"><span style=\"width:{fill:.1}%\"></span></span>\
         <span class=\"figure\">{percent}{over}</span> <span class=\"status\">{} {}</span>",
        g.status.symbol(),
        status_word(g.status, lang),
    )
}

/// A share's bar, in the muted colour (no verdict), and its percentage.
fn share_html(ind: &Indicator, lang: Lang) -> Option<String> {
    let fill = fill_width(ind.share()?);
    let percent = share_text(ind, lang)?;
    Some(format!(
        "<span class=\"bar\" role=\"img\" aria-label=\"{percent}\"><span style=\"width:{fill:.1}%\"></span></span>\
         <span class=\"figure\">{percent}</span>",
        percent = percent_text(&percent),
    ))
}

/// `100,8 %`: a percentage (`100,8%`) with a space before the sign, kept on one line.
fn percent_text(percent: &str) -> String {
    match percent.strip_suffix('%') {
        Some(n) => format!("{n} %"),
        None => percent.to_string(),
    }
}

/// Escaped text in which each percentage reads `107 %` and never breaks before its sign.
fn figure(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match word.strip_suffix('%') {
            Some(number) if number.ends_with(|c: char| c.is_ascii_digit()) => {
                let _ = write!(out, "<span class=\"figure\">{} %</span>", esc(number));
            }
            _ => out.push_str(&esc(word)),
        }
    }
    out
}

/// The heading of the session-wide directives, with their progress.
fn directives_heading(out: &mut String, p: Progress, opts: &Options<'_>) {
    let t = i18n::strings(opts.lang);
    let _ = writeln!(
        out,
        "<h2>{} <small>({})</small></h2>",
        t.session_directives,
        progress_html(p, t)
    );
}

fn directives(out: &mut String, s: &Session, list: &[&Directive], opts: &Options<'_>) {
    let t = i18n::strings(opts.lang);
    out.push_str("<ul class=\"directives\">\n");
    for d in list {
        let overdue = d.is_overdue(opts.today);
        let class = if overdue { " class=\"overdue\"" } else { "" };
        let mark = if d.done { "☑" } else { "☐" };
        let _ = write!(
            out,
            "<li{class}><span class=\"box\">{mark}</span>{}",
            esc(&d.text)
        );
        if !opts.handout {
            let _ = write!(out, " <span class=\"id\">{}</span>", esc(&d.id));
        }
        let meta = directive_meta(s, d, opts);
        if !meta.is_empty() {
            let pieces: Vec<String> = meta
                .iter()
                .map(|piece| {
                    if overdue && *piece == t.overdue.to_uppercase() {
                        format!("<span class=\"flag\">⚠ {}</span>", esc(piece))
                    } else {
                        esc(piece)
                    }
                })
                .collect();
            let _ = write!(
                out,
                "<span class=\"meta-line\">{}</span>",
                pieces.join(" · ")
            );
        }
        if let Some(note) = &d.more.note {
            let _ = write!(out, "<span class=\"note\">{}: {}</span>", t.note, esc(note));
        }
        if says_more(*d) {
            let state = d.state();
            let _ = write!(
                out,
                "<span class=\"follow-up\">{}: <span class=\"badge state-{}\">{}</span> · {}</span>",
                esc(t.follow_up),
                state.name(),
                esc(&state_with_percent(state, d.percent(), opts.lang)),
                esc(category_word(d.category(opts.today), opts.lang))
            );
        }
        if let Some(latest) = latest_note_line(*d, opts.lang, opts.handout) {
            let _ = write!(out, "<span class=\"note latest\">{}</span>", esc(&latest));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn progress_html(p: Progress, t: &Strings) -> String {
    let mut s = format!("{}/{} {}", p.done, p.total, t.done);
    if p.overdue > 0 {
        let _ = write!(s, ", <strong>{} {}</strong>", p.overdue, t.overdue);
    }
    s
}

fn text_block(out: &mut String, text: &str) {
    for para in paragraphs(text) {
        let _ = writeln!(out, "<p>{}</p>", esc(&para));
    }
}

/// The locality over time: its sessions with their directives and states, then a chart of
/// each figure seen twice.
fn history(out: &mut String, h: &HistoryView<'_>, opts: &Options<'_>) {
    let _ = writeln!(
        out,
        "<section class=\"history\">\n<h2>{}</h2>",
        esc(&h.title)
    );
    if let Some(earlier) = &h.earlier {
        let _ = writeln!(out, "<p class=\"facts\">{}</p>", esc(earlier));
    }
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<ul class=\"visits\">",
        esc(&h.sessions_heading)
    );
    for v in &h.visits {
        let class = if v.earlier { " class=\"earlier\"" } else { "" };
        let _ = write!(out, "<li{class}><strong>{}</strong>", esc(&v.heading));
        if !opts.handout {
            let _ = write!(out, " <span class=\"id\">{}</span>", esc(&v.session.id));
        }
        out.push_str("\n<ul class=\"directives\">\n");
        for d in &v.directives {
            let class = if d.overdue { " class=\"overdue\"" } else { "" };
            let mark = if d.directive.done { "☑" } else { "☐" };
            let _ = writeln!(
                out,
                "<li{class}><span class=\"box\">{mark}</span>{}<span class=\"meta-line\">{}</span></li>",
                esc(&d.directive.text),
                esc(&d.meta)
            );
        }
        out.push_str("</ul></li>\n");
    }
    let _ = writeln!(out, "</ul>\n<h3>{}</h3>", h.trends_heading);
    if h.trends.is_empty() {
        let _ = writeln!(out, "<p class=\"facts\">{}</p>", h.no_trends);
    }
    for trend in &h.trends {
        let _ = writeln!(
            out,
            "<figure class=\"trend\">\n<figcaption>{}</figcaption>",
            esc(&trend.title)
        );
        out.push_str(&bar_chart(&trend.title, &trend.rows));
        out.push_str("</figure>\n");
    }
    out.push_str("</section>\n");
}

/// Escapes text for HTML element content and attribute values.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{esc, figure, fill_width, written_and_figure};

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            esc("<b>Đầm Hà & \"Hải Hà\"</b>"),
            "&lt;b&gt;Đầm Hà &amp; &quot;Hải Hà&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn a_percentage_keeps_its_sign_on_its_line_after_a_space() {
        assert_eq!(
            figure("kế hoạch 100,8%"),
            "kế hoạch <span class=\"figure\">100,8 %</span>"
        );
        assert_eq!(figure("% & 5"), "% &amp; 5");
    }

    #[test]
    fn a_bar_is_drawn_full_only_at_a_hundred_percent() {
        assert_eq!(fill_width(1.0), 100.0);
        assert_eq!(fill_width(0.5), 50.0);
        for almost in [0.98, 0.9986] {
            assert!(fill_width(almost) <= 97.0, "{almost}");
        }
    }

    #[test]
    fn a_written_label_keeps_its_percent_as_written() {
        assert_eq!(
            written_and_figure("▲ 7% so với \"77%\" năm trước", "so với \"77%\" năm trước"),
            "▲ <span class=\"figure\">7 %</span> so với &quot;77%&quot; năm trước"
        );
        assert_eq!(
            written_and_figure("kế hoạch \"77%\" 100,8%", "kế hoạch \"77%\""),
            "kế hoạch &quot;77%&quot; <span class=\"figure\">100,8 %</span>"
        );
    }
}
