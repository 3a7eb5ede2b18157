//! The list screens' part of `update`: the session list (with its filter), the
//! review views (what is due, one district) and the district chooser.

use super::keymap::Command;
use super::review::{self, Row};
use super::{
    App, Effect, Overlay, Screen, Scroll, layout, moved, next_selectable, prev_selectable,
    scroll_into_view,
};
use crate::model::Session;
use crate::search::Target;

impl App {
    /// Indices (into the catalog) of the sessions the session filter lets through.
    pub fn visible_sessions(&self) -> Vec<usize> {
        self.catalog
            .sessions
            .iter()
            .enumerate()
            .filter(|(_, s)| self.session_filter.matches(s, self.today))
            .map(|(i, _)| i)
            .collect()
    }

    pub fn selected_session(&self) -> Option<&Session> {
        let index = *self.visible_sessions().get(self.list.selected)?;
        self.catalog.sessions.get(index)
    }

    /// Selects session `id` in the (filtered) list again, or stays near the old row.
    pub(super) fn reselect_listed(&mut self, id: Option<&str>) {
        let visible = self.visible_sessions();
        let found = id.and_then(|id| {
            visible
                .iter()
                .position(|&i| self.catalog.sessions[i].id == id)
        });
        self.list.selected =
            found.unwrap_or(self.list.selected.min(visible.len().saturating_sub(1)));
    }

    pub(super) fn sessions_command(&mut self, c: Command) -> Effect {
        let visible = self.visible_sessions();
        let page = layout::list_rows(self.size, visible.len());
        if let Some(to) = moved(self.list.selected, visible.len(), page, c) {
            self.list.selected = to;
        } else {
            match c {
                Command::Open => {
                    if let Some(&index) = visible.get(self.list.selected) {
                        self.open_at(Target::Session { session: index });
                    }
                }
                Command::Quit => return Effect::Quit,
                _ => {}
            }
        }
        self.keep_selection_visible();
        Effect::None
    }

    /// The rows of the review or search screen on display.
    pub fn review_rows(&self) -> Vec<Row> {
        match &self.screen {
            Screen::Due(_) => review::due_rows(&self.catalog.sessions, self.today),
            Screen::District { id, .. } => review::district_rows(
                &self.catalog.sessions,
                id,
                self.directive_filter,
                self.today,
            ),
            _ => Vec::new(),
        }
    }

    fn row_scroll(&mut self) -> Option<&mut Scroll> {
        match &mut self.screen {
            Screen::Due(list) | Screen::District { list, .. } => Some(list),
            Screen::Search(view) => Some(&mut view.list),
            _ => None,
        }
    }

    /// Number of rows on the current list screen, and whether row `i` can be selected.
    fn rows_and_selectable(&self) -> (usize, Vec<bool>) {
        match &self.screen {
            Screen::Search(view) => (view.hits.len(), vec![true; view.hits.len()]),
            _ => {
                let rows = self.review_rows();
                (rows.len(), rows.iter().map(Row::selectable).collect())
            }
        }
    }

    /// Keeps the selected row of a list screen on a selectable row and in view.
    pub(super) fn clamp_lists(&mut self) {
        let (count, selectable) = self.rows_and_selectable();
        let Some(list) = self.row_scroll() else {
            return;
        };
        let at = list.selected.min(count.saturating_sub(1));
        list.selected = if selectable.get(at).copied().unwrap_or(false) {
            at
        } else {
            let forward = next_selectable(&selectable, at, 1, |s| *s);
            if selectable.get(forward).copied().unwrap_or(false) {
                forward
            } else {
                prev_selectable(&selectable, at, 1, |s| *s)
            }
        };
    }

    pub(super) fn keep_row_visible(&mut self) {
        let height = usize::from(layout::review(self.size).list.height).max(1);
        if let Some(list) = self.row_scroll() {
            list.offset = scroll_into_view(list.offset, list.selected, 1, height);
        }
    }

    pub(super) fn review_command(&mut self, c: Command) -> Effect {
        let rows = self.review_rows();
        let page = usize::from(layout::review(self.size).list.height).max(1);
        let Some(list) = self.row_scroll().copied() else {
            return Effect::None;
        };
        let selected = list.selected;
        let to = match c {
            Command::Up => Some(prev_selectable(&rows, selected, 1, Row::selectable)),
            Command::Down => Some(next_selectable(&rows, selected, 1, Row::selectable)),
            Command::PageUp => Some(prev_selectable(&rows, selected, page, Row::selectable)),
            Command::PageDown => Some(next_selectable(&rows, selected, page, Row::selectable)),
            Command::First => Some(next_selectable(
                &rows,
                0,
                usize::from(!rows.first().is_some_and(Row::selectable)),
                Row::selectable,
            )),
            Command::Last => Some(rows.iter().rposition(Row::selectable).unwrap_or(0)),
            _ => None,
        };
        if let Some(to) = to {
            if let Some(list) = self.row_scroll() {
                list.selected = to;
            }
            self.keep_selection_visible();
            return Effect::None;
        }
        match c {
            Command::Back => self.pop_screen(),
            Command::Quit => self.back_to_session_list(),
            Command::Open => match rows.get(selected) {
                Some(Row::District(d)) => self.open_district(d.id.clone()),
                Some(Row::Item(target)) => self.open_at(*target),
                _ => {}
            },
            _ => {}
        }
        Effect::None
    }

    fn open_district(&mut self, id: String) {
        self.push_screen(Screen::District {
            id,
            list: Scroll::default(),
        });
        self.clamp_lists();
        self.keep_selection_visible();
    }

    /// Keys in the district chooser.
    pub(super) fn districts_command(&mut self, selected: usize, c: Command, page: usize) {
        let districts = review::districts(&self.catalog.sessions, self.today);
        if let Some(to) = moved(selected, districts.len(), page, c) {
            self.overlay = Some(Overlay::Districts { selected: to });
            return;
        }
        match c {
            Command::Back | Command::Quit | Command::FilterDistrict => self.overlay = None,
            Command::Open => {
                self.overlay = None;
                if let Some(d) = districts.get(selected) {
                    self.open_district(d.id.clone());
                }
            }
            _ => {}
        }
    }
}
