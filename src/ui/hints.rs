//! The one-line hint bar, generated from the keymap, and the status line.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::keymap::Command;
use crate::app::{App, Notice, Screen};
use crate::i18n;
use crate::model::Lang;
use crate::model::filter::{DirectiveFilter, SessionFilter};

/// The commands worth a hint on the current screen, most useful first.
fn commands(app: &App) -> Vec<Command> {
    use Command::*;
    if app.overlay.is_some() {
        return vec![Back, Down, Up];
    }
    match app.screen {
        Screen::Sessions => {
            let mut c = vec![Open, Search, DueView, FilterSessions];
            if !app.catalog.failed_files().is_empty() {
                c.push(Diagnostics);
            }
            c.extend([Help, Quit]);
            c
        }
        Screen::Session(_) if app.shared => {
            vec![Down, NextTab, Toggle, History, FilterDirectives, Back, Help]
        }
        Screen::Session(_) => vec![Down, NextTab, Toggle, FilterDirectives, Back, Help],
        Screen::Due(_) => vec![Open, FilterDistrict, Back, Help],
        Screen::District { .. } => vec![Open, FilterDirectives, Back, Help],
        Screen::Search(_) => vec![Open, Back],
    }
}

pub fn line(app: &App) -> Line<'static> {
    let mut spans = Vec::new();
    for c in commands(app) {
        let Some(key) = app.keymap.keys(c).first() else {
            continue;
        };
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key.label(), app.theme.accent()));
        spans.push(Span::raw(format!(" {}", i18n::command_help(app.lang, c).1)));
    }
    Line::from(spans)
}

/// The active filters in words (`Lọc: chỉ đạo quá hạn · buổi sắp tới`), when any.
pub fn filters(app: &App) -> Option<String> {
    let t = i18n::strings(app.lang);
    let mut parts = Vec::new();
    match app.directive_filter {
        DirectiveFilter::All => {}
        DirectiveFilter::Open => parts.push(t.filter_open),
        DirectiveFilter::Overdue => parts.push(t.filter_overdue),
        DirectiveFilter::Done => parts.push(t.filter_done),
    }
    match app.session_filter {
        SessionFilter::All => {}
        SessionFilter::Upcoming => parts.push(t.filter_upcoming),
        SessionFilter::Past => parts.push(t.filter_past),
    }
    (!parts.is_empty()).then(|| format!("{}: {}", t.filter, parts.join(" · ")))
}

/// What a notice says in `lang`.
pub fn notice_text(lang: Lang, notice: &Notice) -> String {
    let t = i18n::strings(lang);
    match notice {
        Notice::Saving => t.saving.to_string(),
        Notice::CheckedOff { by, at } => {
            i18n::checked_off(lang, by, &at.format("%H:%M").to_string())
        }
        Notice::Unchecked => t.unchecked.to_string(),
        Notice::NotSaved(e) => format!("{} {}", t.not_saved, i18n::write_error(lang, e)),
        Notice::SessionGone => t.session_gone.to_string(),
        Notice::SelectDirective => t.select_directive.to_string(),
        Notice::SelectDirectiveForHistory => t.select_directive_history.to_string(),
    }
}

/// The status message on its line; one too long for it (a save's reason) grows upwards over
/// the screen, wrapped, so that it is read whole until the next key.
fn render_status(frame: &mut Frame<'_>, app: &App, msg: &str, beside_badge: Rect, line: Rect) {
    let text = format!(" {msg}");
    if text.width() <= usize::from(beside_badge.width) {
        frame.render_widget(Paragraph::new(Line::from(text)), beside_badge);
        return;
    }
    let width = usize::from(line.width.saturating_sub(2)).max(1);
    let lines: Vec<Line<'_>> = textwrap::wrap(msg, width)
        .into_iter()
        .map(|l| Line::from(format!(" {l}")))
        .collect();
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(line.bottom());
    let area = Rect {
        y: line.bottom() - height,
        height,
        ..line
    };
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).style(app.theme.selected()), area);
}

pub fn render(frame: &mut Frame<'_>, app: &App, status: Rect, hints: Rect) {
    let badge = filters(app).unwrap_or_default();
    let badge_width = u16::try_from(badge.width() + 1)
        .unwrap_or(status.width)
        .min(status.width);
    let [message, filter] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(badge_width)]).areas(status);
    if !badge.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(badge, app.theme.selected()))),
            filter,
        );
    }
    if let Some(notice) = &app.status {
        render_status(frame, app, &notice_text(app.lang, notice), message, status);
    }
    frame.render_widget(Paragraph::new(line(app)), hints);
}
