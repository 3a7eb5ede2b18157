//! The one-line hint bar, generated from the keymap, and the status line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::keymap::Command;
use crate::app::{App, Screen};
use crate::i18n;

/// The commands worth a hint on the current screen, most useful first.
fn commands(app: &App) -> Vec<Command> {
    use Command::*;
    if app.overlay.is_some() {
        return vec![Back, Down, Up];
    }
    match app.screen {
        Screen::Sessions => {
            let mut c = vec![Down, Open];
            if !app.catalog.failed_files().is_empty() {
                c.push(Diagnostics);
            }
            c.extend([Help, Quit]);
            c
        }
        Screen::Session(_) => vec![Down, NextTab, Toggle, Back, Help],
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

pub fn render(frame: &mut Frame<'_>, app: &App, status: Rect, hints: Rect) {
    if let Some(msg) = &app.status {
        frame.render_widget(Paragraph::new(Line::from(format!(" {msg}"))), status);
    }
    frame.render_widget(Paragraph::new(line(app)), hints);
}
