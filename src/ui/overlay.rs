//! Pop-ups over the current screen: the key help, the list of file problems, a directive's history.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::text::pad;
use crate::app::doc;
use crate::app::{App, History, Overlay};
use crate::i18n;

fn popup_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(100);
    let height = area.height.saturating_sub(2);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    popup
}

/// The last useful scroll offset of a scrolling overlay at the app's size.
pub fn max_offset(app: &App, overlay: Overlay) -> usize {
    let popup = popup_area(crate::app::layout::frame(app.size).body);
    let inner_width = usize::from(popup.width.saturating_sub(2));
    let inner_height = usize::from(popup.height.saturating_sub(2));
    let lines = match overlay {
        Overlay::Help { .. } => help_lines(app, inner_width).len(),
        Overlay::Diagnostics { .. } => diagnostic_lines(app, inner_width).len(),
        Overlay::History { .. } => history_lines(app, inner_width).len(),
        Overlay::Districts { .. } => 0,
    };
    lines.saturating_sub(inner_height)
}

pub fn render(frame: &mut Frame<'_>, app: &App, overlay: Overlay, area: Rect) {
    let t = i18n::strings(app.lang);
    let popup = popup_area(area);
    let (title, offset) = match overlay {
        Overlay::Help { offset } => (t.keys_title.to_string(), offset),
        Overlay::Diagnostics { offset } => (t.problems_title.to_string(), offset),
        Overlay::Districts { .. } => (t.choose_district.to_string(), 0),
        Overlay::History { offset } => (history_title(app), offset),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.accent())
        .title(format!(" {title} "))
        .title_bottom(format!(" {} ", t.close_hint));
    let inner = block.inner(popup);
    let width = usize::from(inner.width);
    let lines = match overlay {
        Overlay::Help { .. } => help_lines(app, width),
        Overlay::Diagnostics { .. } => diagnostic_lines(app, width),
        Overlay::History { .. } => history_lines(app, width),
        Overlay::Districts { selected } => super::review::district_choices(app, selected, width),
    };
    let offset = match overlay {
        Overlay::Districts { selected } => {
            super::review::choice_offset(selected, usize::from(inner.height))
        }
        _ => offset,
    };
    let max_offset = lines.len().saturating_sub(usize::from(inner.height));
    let visible: Vec<Line<'static>> = lines.into_iter().skip(offset.min(max_offset)).collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(visible).block(block), popup);
}

/// Every binding: its keys, then what it does.
pub fn help_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut seen_jump = false;
    let rows: Vec<(String, &'static str)> = app
        .keymap
        .bindings()
        .iter()
        .filter_map(|b| {
            if matches!(b.command, crate::app::keymap::Command::JumpTab(_)) {
                if seen_jump {
                    return None;
                }
                seen_jump = true;
                return Some((
                    "1 … 9".to_string(),
                    i18n::command_help(app.lang, b.command).0,
                ));
            }
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            Some((keys.join(", "), i18n::command_help(app.lang, b.command).0))
        })
        .collect();
    let key_width = rows
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let mut out = Vec::new();
    for (keys, what) in rows {
        let wrapped = doc::wrap(what, width.saturating_sub(key_width + 3));
        for (i, part) in wrapped.into_iter().enumerate() {
            let lead = if i == 0 {
                format!(" {keys}{}  ", pad(&keys, key_width))
            } else {
                " ".repeat(key_width + 3)
            };
            out.push(Line::from(vec![
                Span::styled(lead, app.theme.accent()),
                Span::raw(part.into_owned()),
            ]));
        }
    }
    out
}

/// `Lịch sử đánh dấu: hh-ma-tuy`.
fn history_title(app: &App) -> String {
    let title = i18n::git::history_title(app.lang);
    match &app.history {
        Some((request, _)) => format!("{title}: {}", request.directive_id),
        None => title.to_string(),
    }
}

/// The selected directive's check-offs from git, newest first; or that they are being read,
/// or why they cannot be.
pub fn history_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let text: Vec<String> = match app.history.as_ref().map(|(_, h)| h) {
        None | Some(History::Loading) => vec![i18n::git::history_loading(app.lang).to_string()],
        Some(History::Failed(e)) => vec![i18n::git::git_error(app.lang, e)],
        Some(History::Loaded(events)) if events.is_empty() => {
            vec![i18n::git::no_history(app.lang).to_string()]
        }
        Some(History::Loaded(events)) => events
            .iter()
            .map(|e| i18n::git::history_line(app.lang, e))
            .collect(),
    };
    text.iter()
        .flat_map(|t| doc::wrap(t, width.saturating_sub(2)))
        .map(|part| Line::from(format!(" {part}")))
        .collect()
}

/// Every problem: `path:line:col` then the message, wrapped.
pub fn diagnostic_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    if app.catalog.diagnostics.is_empty() {
        return vec![Line::from(format!(
            " {}",
            i18n::strings(app.lang).no_problems
        ))];
    }
    let mut out = Vec::new();
    for d in &app.catalog.diagnostics {
        let style = if d.is_error() {
            app.theme.overdue()
        } else {
            app.theme.status(crate::model::Status::Near)
        };
        out.push(Line::from(vec![
            Span::styled(format!(" {}", d.place()), app.theme.title()),
            Span::styled(format!(" {}", d.severity), style),
        ]));
        for part in doc::wrap(&d.message, width.saturating_sub(3)) {
            out.push(Line::from(format!("   {part}")));
        }
    }
    out
}
