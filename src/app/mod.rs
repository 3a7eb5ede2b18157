//! Application state and `update`: every change of state goes through an `Action`.

pub mod doc;
pub mod keymap;
pub mod layout;

use std::path::PathBuf;

use chrono::NaiveDate;
use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

use crate::i18n;
use crate::model::Directive;
use crate::model::{Lang, Session};
use crate::store::Catalog;
use crate::store::write::Change;
use crate::ui::theme::Theme;
use doc::Block;
use keymap::{Command, Key, Keymap};

/// What the app is told: a key, a command, a new size, loaded data.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    Command(Command),
    Resize {
        width: u16,
        height: u16,
    },
    Loaded(Box<Result<Catalog, String>>),
    /// A save asked for by `Effect::Save` finished: the change written, or why not.
    Saved {
        request: SaveRequest,
        result: Result<Change, String>,
    },
}

/// Check a directive off (`done`) or on again, in its session's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub session_id: String,
    pub directive_id: String,
    pub done: bool,
}

/// What the run loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Write a directive's new state to its file.
    Save(SaveRequest),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loading {
    InProgress,
    Done,
    /// The folder itself could not be read.
    Failed(String),
}

/// A selection in a list with the first visible row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub selected: usize,
    pub offset: usize,
}

/// An open session: which tab, which block is selected, and the first visible line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionView {
    pub session: usize,
    pub tab: usize,
    pub selected: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Sessions,
    Session(SessionView),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help { offset: usize },
    Diagnostics { offset: usize },
}

/// Everything the app needs at start.
pub struct Options {
    pub dir: PathBuf,
    pub lang: Lang,
    pub today: NaiveDate,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Who checks directives off (shown at once, before the file confirms it).
    pub user: String,
}

pub struct App {
    pub catalog: Catalog,
    pub loading: Loading,
    pub dir: PathBuf,
    pub lang: Lang,
    pub today: NaiveDate,
    pub keymap: Keymap,
    pub theme: Theme,
    pub size: Rect,
    pub screen: Screen,
    pub list: Scroll,
    pub overlay: Option<Overlay>,
    pub status: Option<String>,
    pub user: String,
    /// Directives shown toggled whose save has not finished, with their state before.
    pending: Vec<(SaveRequest, Directive)>,
}

impl App {
    pub fn new(options: Options) -> Self {
        App {
            catalog: Catalog::default(),
            loading: Loading::InProgress,
            dir: options.dir,
            lang: options.lang,
            today: options.today,
            keymap: options.keymap,
            theme: options.theme,
            size: Rect::new(0, 0, 80, 24),
            screen: Screen::Sessions,
            list: Scroll::default(),
            overlay: None,
            status: None,
            user: options.user,
            pending: Vec::new(),
        }
    }

    /// The open session, if any.
    pub fn current_session(&self) -> Option<(&Session, &SessionView)> {
        match &self.screen {
            Screen::Session(view) => self.catalog.sessions.get(view.session).map(|s| (s, view)),
            Screen::Sessions => None,
        }
    }

    pub fn selected_session(&self) -> Option<&Session> {
        self.catalog.sessions.get(self.list.selected)
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Key(ev) => match self.command_for(&ev) {
                Some(c) => self.command(c),
                None => Effect::None,
            },
            Action::Command(c) => self.command(c),
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.keep_selection_visible();
                Effect::None
            }
            Action::Loaded(result) => {
                self.loaded(*result);
                Effect::None
            }
            Action::Saved { request, result } => {
                self.saved(request, result);
                Effect::None
            }
        }
    }

    fn command_for(&self, ev: &KeyEvent) -> Option<Command> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        self.keymap.command(Key::from_event(ev))
    }

    /// Takes a (re)loaded catalog, keeping the user's place: the selected and
    /// the open session by id, the tab, the selection and the scroll.
    fn loaded(&mut self, result: Result<Catalog, String>) {
        let catalog = match result {
            Ok(catalog) => catalog,
            Err(message) => {
                self.loading = Loading::Failed(message);
                return;
            }
        };
        let listed = self.selected_session().map(|s| s.id.clone());
        let open = self.current_session().map(|(s, _)| s.id.clone());
        self.catalog = catalog;
        self.loading = Loading::Done;
        let position = |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| self.catalog.sessions.iter().position(|s| &s.id == id))
        };
        let last = self.catalog.sessions.len().saturating_sub(1);
        self.list.selected = position(&listed).unwrap_or(self.list.selected.min(last));
        if let Screen::Session(view) = &self.screen {
            match position(&open) {
                Some(index) => {
                    let mut view = view.clone();
                    view.session = index;
                    self.screen = Screen::Session(view);
                    self.clamp_view();
                }
                None => {
                    self.screen = Screen::Sessions;
                    self.status = Some(i18n::ui(self.lang).session_gone.to_string());
                }
            }
        }
        self.keep_selection_visible();
    }

    /// After the session changed on disk, keeps tab and selection within it.
    fn clamp_view(&mut self) {
        let Some((session, view)) = self.current_session() else {
            return;
        };
        let tab = view.tab.min(session.districts.len());
        let blocks = doc::blocks(session, tab);
        let selected = if blocks.get(view.selected).is_some_and(Block::selectable) {
            view.selected
        } else {
            prev_selectable(
                &blocks,
                view.selected.min(blocks.len().saturating_sub(1)),
                1,
            )
        };
        if let Screen::Session(view) = &mut self.screen {
            view.tab = tab;
            view.selected = selected;
        }
    }

    fn command(&mut self, c: Command) -> Effect {
        self.status = None;
        if c == Command::ForceQuit {
            return Effect::Quit;
        }
        if let Some(overlay) = self.overlay {
            self.overlay_command(overlay, c);
            return Effect::None;
        }
        match c {
            Command::Help => {
                self.overlay = Some(Overlay::Help { offset: 0 });
                Effect::None
            }
            Command::Diagnostics => {
                self.overlay = Some(Overlay::Diagnostics { offset: 0 });
                Effect::None
            }
            _ => match self.screen {
                Screen::Sessions => self.sessions_command(c),
                Screen::Session(_) => self.session_command(c),
            },
        }
    }

    fn overlay_command(&mut self, overlay: Overlay, c: Command) {
        let (offset, make): (usize, fn(usize) -> Overlay) = match overlay {
            Overlay::Help { offset } => (offset, |offset| Overlay::Help { offset }),
            Overlay::Diagnostics { offset } => (offset, |offset| Overlay::Diagnostics { offset }),
        };
        let page = usize::from(self.size.height.saturating_sub(6)).max(1);
        let new = match c {
            Command::Up => offset.saturating_sub(1),
            Command::Down => offset + 1,
            Command::PageUp => offset.saturating_sub(page),
            Command::PageDown => offset + page,
            Command::First => 0,
            Command::Last => usize::MAX / 2,
            Command::Back | Command::Quit | Command::Help | Command::Diagnostics => {
                self.overlay = None;
                return;
            }
            _ => offset,
        };
        self.overlay = Some(make(new));
    }

    fn sessions_command(&mut self, c: Command) -> Effect {
        let n = self.catalog.sessions.len();
        let page = layout::list_rows(self.size, n);
        let sel = self.list.selected;
        self.list.selected = match c {
            Command::Up => sel.saturating_sub(1),
            Command::Down => sel + 1,
            Command::PageUp => sel.saturating_sub(page),
            Command::PageDown => sel + page,
            Command::First => 0,
            Command::Last => n.saturating_sub(1),
            Command::Open => {
                self.open_session(sel);
                return Effect::None;
            }
            Command::Quit => return Effect::Quit,
            _ => sel,
        }
        .min(n.saturating_sub(1));
        self.keep_selection_visible();
        Effect::None
    }

    fn open_session(&mut self, index: usize) {
        if index >= self.catalog.sessions.len() {
            return;
        }
        self.screen = Screen::Session(SessionView {
            session: index,
            tab: 0,
            selected: 0,
            offset: 0,
        });
        self.select_tab(0);
    }

    fn select_tab(&mut self, tab: usize) {
        let Some((session, _)) = self.current_session() else {
            return;
        };
        let blocks = doc::blocks(session, tab);
        let first = blocks.iter().position(Block::selectable).unwrap_or(0);
        if let Screen::Session(view) = &mut self.screen {
            view.tab = tab;
            view.selected = first;
            view.offset = 0;
        }
        self.keep_selection_visible();
    }

    fn session_command(&mut self, c: Command) -> Effect {
        let Some((session, view)) = self.current_session() else {
            self.screen = Screen::Sessions;
            return Effect::None;
        };
        let tabs = session.districts.len() + 1;
        let blocks = doc::blocks(session, view.tab);
        let (tab, selected) = (view.tab, view.selected);
        match c {
            Command::Back | Command::Quit => self.screen = Screen::Sessions,
            Command::NextTab => self.select_tab((tab + 1) % tabs),
            Command::PrevTab => self.select_tab((tab + tabs - 1) % tabs),
            Command::JumpTab(n) if usize::from(n) <= tabs => self.select_tab(usize::from(n) - 1),
            Command::Open => {
                if let Some(Block::DistrictLine(d)) = blocks.get(selected) {
                    self.select_tab(d + 1);
                }
            }
            Command::Up => self.move_to(prev_selectable(&blocks, selected, 1)),
            Command::Down => self.move_to(next_selectable(&blocks, selected, 1)),
            Command::PageUp => {
                let n = self.page_blocks();
                self.move_to(prev_selectable(&blocks, selected, n))
            }
            Command::PageDown => {
                let n = self.page_blocks();
                self.move_to(next_selectable(&blocks, selected, n))
            }
            Command::First => {
                self.move_to(blocks.iter().position(Block::selectable).unwrap_or(0));
                self.set_offset(0);
            }
            Command::Last => self.move_to(blocks.iter().rposition(Block::selectable).unwrap_or(0)),
            Command::Toggle => return self.toggle(),
            _ => {}
        }
        Effect::None
    }

    pub fn has_pending_saves(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Flips the selected directive at once and asks for it to be saved.
    fn toggle(&mut self) -> Effect {
        let t = i18n::ui(self.lang);
        let target = self.current_session().and_then(|(s, view)| {
            match doc::blocks(s, view.tab).get(view.selected) {
                Some(Block::Directive(r)) => Some((view.session, *r)),
                _ => None,
            }
        });
        let Some((index, r)) = target else {
            self.status = Some(t.select_directive.to_string());
            return Effect::None;
        };
        let user = self.user.clone();
        let session = &mut self.catalog.sessions[index];
        let session_id = session.id.clone();
        let Some(d) = directive_at(session, r) else {
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
        self.status = Some(t.saving.to_string());
        self.keep_selection_visible();
        Effect::Save(request)
    }

    /// Confirms a toggled directive with what was written, or puts it back as it was.
    fn saved(&mut self, request: SaveRequest, result: Result<Change, String>) {
        let t = i18n::ui(self.lang);
        let before = self
            .pending
            .iter()
            .position(|(r, _)| *r == request)
            .map(|i| self.pending.remove(i).1);
        let directive = self
            .catalog
            .sessions
            .iter_mut()
            .find(|s| s.id == request.session_id)
            .and_then(|s| s.directive_mut(&request.directive_id));
        match result {
            Ok(Change::Done { at, by }) => {
                self.status = Some(i18n::checked_off(
                    self.lang,
                    &by,
                    &at.format("%H:%M").to_string(),
                ));
                if let Some(d) = directive {
                    d.done = true;
                    d.done_at = Some(at);
                    d.done_by = Some(by);
                }
            }
            Ok(Change::Undone) => self.status = Some(t.unchecked.to_string()),
            Err(message) => {
                self.status = Some(format!("{} {message}", t.not_saved));
                if let (Some(d), Some(before)) = (directive, before) {
                    *d = before;
                }
            }
        }
        self.keep_selection_visible();
    }

    /// How many blocks a page-key moves: about one screenful of lines.
    fn page_blocks(&self) -> usize {
        let Some((session, view)) = self.current_session() else {
            return 1;
        };
        let content = layout::session(self.size, &session.title).content;
        let blocks = doc::blocks(session, view.tab);
        let width = usize::from(content.width);
        let mut lines = 0;
        let mut count = 0;
        for i in view.selected..blocks.len() {
            lines += doc::height(session, &blocks, i, width, false, self.lang);
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
        self.keep_selection_visible();
    }

    fn set_offset(&mut self, offset: usize) {
        if let Screen::Session(view) = &mut self.screen {
            view.offset = offset;
        }
    }

    /// Scrolls the list or the tab so the selection is in view.
    fn keep_selection_visible(&mut self) {
        let rows = layout::list_rows(self.size, self.catalog.sessions.len());
        self.list.offset = scroll_into_view(self.list.offset, self.list.selected, 1, rows);
        let Some((session, view)) = self.current_session() else {
            return;
        };
        let content = layout::session(self.size, &session.title).content;
        let blocks = doc::blocks(session, view.tab);
        let width = usize::from(content.width);
        let heights: Vec<usize> = (0..blocks.len())
            .map(|i| doc::height(session, &blocks, i, width, i == view.selected, self.lang))
            .collect();
        let top: usize = heights.iter().take(view.selected).sum();
        let height = heights.get(view.selected).copied().unwrap_or(1);
        // Keep a heading directly above the selection in view with it.
        if view.selected > 0 && matches!(blocks.get(view.selected - 1), Some(Block::Heading(_))) {
            let heading = heights[view.selected - 1];
            return self.set_offset(scroll_into_view(
                view.offset,
                top - heading,
                height + heading,
                usize::from(content.height),
            ));
        }
        let offset = scroll_into_view(view.offset, top, height, usize::from(content.height));
        self.set_offset(offset);
    }
}

fn directive_at(session: &mut Session, r: doc::DirectiveRef) -> Option<&mut Directive> {
    match r.district {
        None => session.directives.get_mut(r.index),
        Some(d) => session.districts.get_mut(d)?.directives.get_mut(r.index),
    }
}

/// The smallest change of `offset` that shows `top..top+height` in `view` lines.
pub fn scroll_into_view(offset: usize, top: usize, height: usize, view: usize) -> usize {
    if top < offset {
        top
    } else if top + height > offset + view {
        (top + height).saturating_sub(view).min(top)
    } else {
        offset
    }
}

fn next_selectable(blocks: &[Block], from: usize, steps: usize) -> usize {
    let mut at = from;
    for _ in 0..steps {
        match (at + 1..blocks.len()).find(|&i| blocks[i].selectable()) {
            Some(i) => at = i,
            None => break,
        }
    }
    at
}

fn prev_selectable(blocks: &[Block], from: usize, steps: usize) -> usize {
    let mut at = from;
    for _ in 0..steps {
        match (0..at).rev().find(|&i| blocks[i].selectable()) {
            Some(i) => at = i,
            None => break,
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scroll_into_view_moves_least() {
        assert_eq!(scroll_into_view(0, 3, 2, 10), 0);
        assert_eq!(scroll_into_view(5, 3, 2, 10), 3);
        assert_eq!(scroll_into_view(0, 9, 3, 10), 2);
        // A block taller than the view shows its top.
        assert_eq!(scroll_into_view(0, 4, 30, 10), 4);
    }

    #[test]
    fn selectable_steps_skip_headings() {
        use doc::Section;
        let blocks = vec![
            Block::Heading(Section::Summary),
            Block::Nothing,
            Block::Heading(Section::Directives),
            Block::Nothing,
            Block::Nothing,
        ];
        assert_eq!(next_selectable(&blocks, 1, 1), 3);
        assert_eq!(next_selectable(&blocks, 1, 5), 4);
        assert_eq!(prev_selectable(&blocks, 3, 1), 1);
        assert_eq!(prev_selectable(&blocks, 1, 1), 1);
    }
}
