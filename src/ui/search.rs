//! The search screen: the query line and the hits with their matches highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::text::truncate;
use crate::app::{App, SearchView, layout};
use crate::i18n;
use crate::model::format;
use crate::search::{Hit, Target};

pub fn render(frame: &mut Frame<'_>, app: &App, view: &SearchView, area: Rect) {
    let t = i18n::strings(app.lang);
    let l = layout::review(area);
    let prompt = format!(" {}: ", t.search_prompt);
    let room = usize::from(l.header.width).saturating_sub(prompt.width() + 1);
    let header = vec![
        Line::from(vec![
            Span::styled(prompt, app.theme.heading()),
            Span::raw(tail(&view.query, room)),
            Span::styled("▏", app.theme.accent()),
        ]),
        Line::from(Span::styled(
            format!(" {}", t.search_help),
            app.theme.muted(),
        )),
    ];
    frame.render_widget(Paragraph::new(header), l.header);
    if view.hits.is_empty() {
        if !view.query.trim().is_empty() {
            frame.render_widget(Paragraph::new(format!(" {}", t.no_hits)), l.list);
        }
        return;
    }
    let width = usize::from(l.list.width);
    let lines: Vec<Line<'static>> = view
        .hits
        .iter()
        .enumerate()
        .skip(view.list.offset)
        .take(usize::from(l.list.height))
        .map(|(i, hit)| hit_line(app, hit, width, i == view.list.selected))
        .collect();
    frame.render_widget(Paragraph::new(lines), l.list);
}

/// The end of `text` that fits in `width` columns (what was typed last stays visible).
fn tail(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > width {
            break;
        }
        start = i;
    }
    text[start..].to_string()
}

/// Where a hit is: `13/03/2024 · Đầm Hà`.
fn where_text(app: &App, target: Target) -> String {
    let Some(s) = app.catalog.sessions.get(target.session()) else {
        return String::new();
    };
    let district = match target {
        Target::District { district, .. } | Target::Indicator { district, .. } => Some(district),
        Target::Directive { directive, .. } => directive.district,
        Target::Session { .. } => None,
    };
    match district.and_then(|d| s.districts.get(d)) {
        Some(d) => format!("{} · {}", format::date(s.date.day()), d.name),
        None => format::date(s.date.day()),
    }
}

/// The hit's text from a little before its first match, with matches highlighted.
pub fn snippet(app: &App, hit: &Hit, width: usize) -> Vec<Span<'static>> {
    let first = hit.ranges.first().map_or(0, |r| r.start);
    let mut start = 0;
    let lead = hit.text[..first].chars().count();
    if lead > 12 {
        start = hit.text[..first]
            .char_indices()
            .nth(lead - 12)
            .map_or(0, |(i, _)| i);
    }
    let highlight = app
        .theme
        .accent()
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut spans = Vec::new();
    let mut used = 0;
    let mut push = |text: &str, marked: bool, spans: &mut Vec<Span<'static>>| {
        let room = width.saturating_sub(used);
        if room == 0 || text.is_empty() {
            return;
        }
        let piece = truncate(text, room);
        used += piece.width();
        spans.push(if marked {
            Span::styled(piece, highlight)
        } else {
            Span::raw(piece)
        });
    };
    if start > 0 {
        push("…", false, &mut spans);
    }
    let mut at = start;
    for r in &hit.ranges {
        if r.end <= at {
            continue;
        }
        let from = r.start.max(at);
        push(&hit.text[at..from], false, &mut spans);
        push(&hit.text[from..r.end], true, &mut spans);
        at = r.end;
    }
    push(&hit.text[at..], false, &mut spans);
    spans
}

fn hit_line(app: &App, hit: &Hit, width: usize, selected: bool) -> Line<'static> {
    let label = format!(" {:<11}", i18n::field_label(app.lang, hit.field));
    let place = where_text(app, hit.target);
    let room = width.saturating_sub(label.width() + place.width() + 2);
    // Line breaks become spaces byte for byte, so the match ranges still fit.
    let flat = Hit {
        text: hit.text.replace(['\n', '\r', '\t'], " "),
        ..hit.clone()
    };
    let body = snippet(app, &flat, room);
    let body_width: usize = body.iter().map(|s| s.content.width()).sum();
    let gap = width.saturating_sub(label.width() + body_width + place.width());
    let mut spans = vec![Span::styled(label, app.theme.muted())];
    spans.extend(body);
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(place, app.theme.muted()));
    let line = Line::from(spans);
    if selected {
        line.patch_style(app.theme.selected())
    } else {
        line
    }
}
