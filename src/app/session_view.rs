//! The session screen's part of `update`: tabs, moving between blocks, checking off.

use super::doc::Block;
use super::keymap::Command;
use super::{
    App, Effect, History, HistoryRequest, Notice, Overlay, SaveRequest, Screen, SessionView,
    layout, next_selectable, prev_selectable, scroll_into_view,
};
use crate::search::Target;
use crate::store::write::{Change, WriteError};

impl App {
    /// Opens the session of `target` at that item, remembering where we came from.
    pub(super) fn open_at(&mut self, target: Target) {
        let index = target.session();
        let Some(session) = self.catalog.sessions.get(index) else {
            return;
        };
        let tab = match target {
            Target::Session { .. } => 0,
            Target::District { district, .. } | Target::Indicator { district, .. } => district + 1,
            Target::Directive { directive, .. } => directive.district.map_or(0, |d| d + 1),
        };
        let tab = tab.min(session.districts.len());
        if let Target::Directive { directive, .. } = target
            && let Some(d) = session.directive(directive)
            && !self.directive_filter.matches(d, self.today)
        {
            self.directive_filter = Default::default();
        }
        let blocks = self.tab_blocks(session, tab);
        let wanted = blocks.iter().position(|b| match (target, b) {
            (Target::Directive { directive, .. }, Block::Directive(r)) => directive == *r,
            (
                Target::Indicator {
                    district,
                    indicator,
                    ..
                },
                Block::Indicator { district: d, index },
            ) => district == *d && indicator == *index,
            _ => false,
        });
        let selected =
            wanted.unwrap_or_else(|| blocks.iter().position(Block::selectable).unwrap_or(0));
        self.push_screen(Screen::Session(SessionView {
            session: index,
            tab,
            selected,
            offset: 0,
        }));
        self.keep_selection_visible();
    }

    fn select_tab(&mut self, tab: usize) {
        let Some((session, _)) = self.current_session() else {
            return;
        };
        let blocks = self.tab_blocks(session, tab);
        let first = blocks.iter().position(Block::selectable).unwrap_or(0);
        if let Screen::Session(view) = &mut self.screen {
            view.tab = tab;
            view.selected = first;
            view.offset = 0;
        }
    }

    pub(super) fn session_command(&mut self, c: Command) -> Effect {
        let Some((session, view)) = self.current_session() else {
            self.pop_screen();
            return Effect::None;
        };
        let tabs = session.districts.len() + 1;
        let blocks = self.tab_blocks(session, view.tab);
        let (tab, selected) = (view.tab, view.selected);
        let step = |n| next_selectable(&blocks, selected, n, Block::selectable);
        let step_back = |n| prev_selectable(&blocks, selected, n, Block::selectable);
        match c {
            Command::Back => {
                self.pop_screen();
                return Effect::None;
            }
            Command::Quit => {
                self.back_to_session_list();
                return Effect::None;
            }
            Command::NextTab => self.select_tab((tab + 1) % tabs),
            Command::PrevTab => self.select_tab((tab + tabs - 1) % tabs),
            Command::JumpTab(n) if usize::from(n) <= tabs => self.select_tab(usize::from(n) - 1),
            Command::Open => {
                if let Some(Block::DistrictLine(d)) = blocks.get(selected) {
                    self.select_tab(d + 1);
                }
            }
            Command::Up => self.move_to(step_back(1)),
            Command::Down => self.move_to(step(1)),
            Command::PageUp => self.move_to(step_back(self.page_blocks())),
            Command::PageDown => self.move_to(step(self.page_blocks())),
            Command::First => {
                self.move_to(blocks.iter().position(Block::selectable).unwrap_or(0));
                self.set_offset(0);
            }
            Command::Last => self.move_to(blocks.iter().rposition(Block::selectable).unwrap_or(0)),
            Command::Toggle => return self.toggle(),
            Command::History => return self.open_history(),
            _ => {}
        }
        self.keep_selection_visible();
        Effect::None
    }

    /// Flips the selected directive at once and asks for it to be saved.
    fn toggle(&mut self) -> Effect {
        let target = self.current_session().and_then(|(s, view)| {
            match self.tab_blocks(s, view.tab).get(view.selected) {
                Some(Block::Directive(r)) => Some((view.session, *r)),
                _ => None,
            }
        });
        let Some((index, r)) = target else {
            self.status = Some(Notice::SelectDirective);
            return Effect::None;
        };
        let user = self.user.clone();
        let session = &mut self.catalog.sessions[index];
        let session_id = session.id.clone();
        let Some(d) = session.directive_mut(r) else {
            return Effect::None;
        };
        let before = d.clone();
        d.done = !d.done;
        d.done_at = None;
        d.done_by = d.done.then_some(user);
        let request = SaveRequest {
            session_id,
            directive_id: d.id.clone(),
            done: d.done,
        };
        self.pending.push((request.clone(), before));
        self.tabs.invalidate();
        self.status = Some(Notice::Saving);
        self.clamp_view();
        self.keep_selection_visible();
        Effect::Save(request)
    }

    /// Opens the history pop-up of the selected directive and asks for its history.
    fn open_history(&mut self) -> Effect {
        let request = self.current_session().and_then(|(s, view)| {
            match self.tab_blocks(s, view.tab).get(view.selected) {
                Some(Block::Directive(r)) => Some(HistoryRequest {
                    session_id: s.id.clone(),
                    directive_id: s.directive(*r)?.id.clone(),
                }),
                _ => None,
            }
        });
        let Some(request) = request else {
            self.status = Some(Notice::SelectDirectiveForHistory);
            return Effect::None;
        };
        self.history = Some((request.clone(), History::Loading));
        self.overlay = Some(Overlay::History { offset: 0 });
        Effect::LoadHistory(request)
    }

    /// Confirms a toggled directive with what was written, or puts it back as
    /// it was. A later toggle of the same directive still under way wins.
    pub(super) fn saved(&mut self, request: SaveRequest, result: Result<Change, WriteError>) {
        let before = self
            .pending
            .iter()
            .position(|(r, _)| *r == request)
            .map(|i| self.pending.remove(i).1);
        let superseded = self.pending.iter().any(|(r, _)| {
            r.session_id == request.session_id && r.directive_id == request.directive_id
        });
        let directive = self
            .catalog
            .sessions
            .iter_mut()
            .find(|s| s.id == request.session_id)
            .and_then(|s| {
                let r = s.find_directive(&request.directive_id)?;
                s.directive_mut(r)
            })
            .filter(|_| !superseded);
        match result {
            Ok(Change::Done { at, by }) => {
                if let Some(d) = directive {
                    d.done = true;
                    d.done_at = Some(at);
                    d.done_by = Some(by.clone());
                }
                self.status = Some(Notice::CheckedOff { by, at });
            }
            Ok(Change::Undone) => {
                self.status = Some(Notice::Unchecked);
                if let Some(d) = directive {
                    d.done = false;
                    d.done_at = None;
                    d.done_by = None;
                }
            }
            Err(e) => {
                if let (Some(d), Some(before)) = (directive, before) {
                    *d = before;
                }
                self.status = Some(Notice::NotSaved(e));
            }
        }
        self.tabs.invalidate();
        self.clamp_view();
        self.keep_selection_visible();
    }

    /// Shows the toggles still being saved on freshly loaded data.
    pub(super) fn reapply_pending(&mut self) {
        for (request, _) in &self.pending {
            let directive = self
                .catalog
                .sessions
                .iter_mut()
                .find(|s| s.id == request.session_id)
                .and_then(|s| {
                    let r = s.find_directive(&request.directive_id)?;
                    s.directive_mut(r)
                });
            if let Some(d) = directive
                && d.done != request.done
            {
                d.done = request.done;
                d.done_at = None;
                d.done_by = request.done.then(|| self.user.clone());
            }
        }
    }

    /// After the session or the filter changed, keeps tab and selection within it.
    pub(super) fn clamp_view(&mut self) {
        let Some((session, view)) = self.current_session() else {
            return;
        };
        let tab = view.tab.min(session.districts.len());
        let blocks = self.tab_blocks(session, tab);
        let at = view.selected.min(blocks.len().saturating_sub(1));
        let selected = if blocks.get(at).is_some_and(Block::selectable) {
            at
        } else {
            prev_selectable(&blocks, at, 1, Block::selectable)
        };
        if let Screen::Session(view) = &mut self.screen {
            view.tab = tab;
            view.selected = selected;
        }
    }

    /// How many blocks a page-key moves: about one screenful of lines.
    fn page_blocks(&self) -> usize {
        let Some((session, view)) = self.current_session() else {
            return 1;
        };
        let content = layout::session(self.size, &session.title).content;
        let blocks = self.tab_blocks(session, view.tab);
        let mut lines = 0;
        let mut count = 0;
        for i in view.selected..blocks.len() {
            lines += blocks.heights[i];
            if lines > usize::from(content.height) {
                break;
            }
            count += 1;
        }
        count.max(1)
    }

    fn move_to(&mut self, selected: usize) {
        if let Screen::Session(view) = &mut self.screen {
            view.selected = selected;
        }
    }

    fn set_offset(&mut self, offset: usize) {
        if let Screen::Session(view) = &mut self.screen {
            view.offset = offset;
        }
    }

    /// Scrolls the tab so the selected block (and a heading right above it) is in view.
    pub(super) fn keep_block_visible(&mut self) {
        let Some((session, view)) = self.current_session() else {
            return;
        };
        let content = layout::session(self.size, &session.title).content;
        let blocks = self.tab_blocks(session, view.tab);
        let mut top = blocks.tops.get(view.selected).copied().unwrap_or(0);
        let mut height = self.block_height(session, &blocks, view.selected, true);
        if view.selected > 0 && matches!(blocks.get(view.selected - 1), Some(Block::Heading(_))) {
            let heading = blocks.heights[view.selected - 1];
            top -= heading;
            height += heading;
        }
        let offset = scroll_into_view(view.offset, top, height, usize::from(content.height));
        self.set_offset(offset);
    }
}
