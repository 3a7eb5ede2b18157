//! The search screen's part of `update`: typing a query, moving through hits, jumping.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::Command;
use super::{App, Effect, Screen, Scroll, layout, moved};
use crate::search::{Hit, SearchIndex};

/// At most this many hits are listed.
pub const MAX_HITS: usize = 200;

/// The search screen: the query as typed and its hits, best first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchView {
    pub query: String,
    pub hits: Vec<Hit>,
    pub list: Scroll,
}

impl SearchView {
    /// Runs the query again (after typing, or after the files were reloaded).
    pub fn refresh(&mut self, index: &SearchIndex) {
        self.hits = index.query(&self.query, MAX_HITS);
        self.list.selected = self.list.selected.min(self.hits.len().saturating_sub(1));
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        if !matches!(self.screen, Screen::Search(_)) {
            self.push_screen(Screen::Search(SearchView::default()));
        }
    }

    /// Text keys edit the query; `None` lets the keymap handle the key.
    pub(super) fn search_key(&mut self, ev: &KeyEvent) -> Option<Effect> {
        let Screen::Search(view) = &mut self.screen else {
            return None;
        };
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Char(c) if !ctrl && !ev.modifiers.contains(KeyModifiers::ALT) => {
                view.query.push(c)
            }
            KeyCode::Char('u') if ctrl => view.query.clear(),
            KeyCode::Backspace => {
                view.query.pop()?;
            }
            _ => return None,
        }
        view.list = Scroll::default();
        view.refresh(&self.index);
        self.status = None;
        Some(Effect::None)
    }

    pub(super) fn search_command(&mut self, c: Command) -> Effect {
        let Screen::Search(view) = &self.screen else {
            return Effect::None;
        };
        let page = usize::from(layout::review(self.size).list.height).max(1);
        if let Some(to) = moved(view.list.selected, view.hits.len(), page, c) {
            if let Screen::Search(view) = &mut self.screen {
                view.list.selected = to;
            }
            self.keep_selection_visible();
            return Effect::None;
        }
        match c {
            Command::Back => self.pop_screen(),
            Command::Open => {
                if let Some(hit) = view.hits.get(view.list.selected) {
                    let target = hit.target;
                    self.open_at(target);
                }
            }
            _ => {}
        }
        Effect::None
    }
}
