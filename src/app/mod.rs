//! Application state and `update`: every change of state goes through an `Action`.

pub mod doc;
pub mod keymap;
pub mod layout;
pub mod review;

mod find;
mod lists;
mod session_view;
pub mod tab_cache;

use std::path::PathBuf;
use std::rc::Rc;

use chrono::NaiveDate;
use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

pub use find::SearchView;

use chrono::{DateTime, FixedOffset};

use crate::git::GitError;
use crate::git::history::Event;
use crate::model::filter::{DirectiveFilter, SessionFilter};
use crate::model::{Directive, Lang, Session};
use crate::search::SearchIndex;
use crate::store::write::{Change, WriteError};
use crate::store::{Catalog, FolderError};
use crate::ui::theme::Theme;
use doc::Block;
use keymap::{Command, Key, Keymap};
use tab_cache::{TabCache, TabLayout};

/// What the app is told: a key, a command, a new size, loaded data.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    Command(Command),
    Resize {
        width: u16,
        height: u16,
    },
    Loaded(Box<Result<Loaded, FolderError>>),
    /// The date changed (midnight passed while the app was open).
    Today(NaiveDate),
    /// A save asked for by `Effect::Save` finished: the change written, or why not.
    Saved {
        request: SaveRequest,
        result: Result<Change, WriteError>,
    },
    /// The history asked for by `Effect::LoadHistory`, newest first, or why it could not be read.
    History {
        request: HistoryRequest,
        result: Result<Vec<Event>, GitError>,
    },
}

/// A loaded folder with its search index, both built off the UI thread.
pub struct Loaded {
    pub catalog: Catalog,
    pub index: SearchIndex,
    /// The folder is in a git work tree (its history can be shown).
    pub shared: bool,
}

impl Loaded {
    /// Indexes `catalog` for search (the slow part of a load with many sessions).
    pub fn new(catalog: Catalog) -> Self {
        let index = SearchIndex::build(&catalog.sessions);
        Loaded {
            catalog,
            index,
            shared: false,
        }
    }
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loaded")
            .field("sessions", &self.catalog.sessions.len())
            .field("records", &self.index.len())
            .finish()
    }
}

/// Check a directive off (`done`) or on again, in its session's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub session_id: String,
    pub directive_id: String,
    pub done: bool,
}

/// Read the check-off history of one directive from git.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRequest {
    pub session_id: String,
    pub directive_id: String,
}

/// The history pop-up's content.
#[derive(Debug)]
pub enum History {
    Loading,
    Loaded(Vec<Event>),
    Failed(GitError),
}

/// What the status line says until the next key; put in words only when drawn.
#[derive(Debug)]
pub enum Notice {
    /// A check-off is being written.
    Saving,
    /// The file now says the directive was done by `by` at `at`.
    CheckedOff {
        by: String,
        at: DateTime<FixedOffset>,
    },
    /// The file no longer says the directive is done.
    Unchecked,
    /// The write failed and the mark went back.
    NotSaved(WriteError),
    /// A reload no longer has the open session.
    SessionGone,
    /// Space or x outside a directive.
    SelectDirective,
    /// L outside a directive.
    SelectDirectiveForHistory,
}

/// What the run loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Write a directive's new state to its file.
    Save(SaveRequest),
    /// Read a directive's check-off history (off the UI thread).
    LoadHistory(HistoryRequest),
}

#[derive(Debug)]
pub enum Loading {
    InProgress,
    Done,
    /// The folder itself could not be read.
    Failed(FolderError),
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
    /// What is due: the next session, open and overdue work per district.
    Due(Scroll),
    /// Everything given to one district (by id) across sessions.
    District {
        id: String,
        list: Scroll,
    },
    Search(SearchView),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help {
        offset: usize,
    },
    Diagnostics {
        offset: usize,
    },
    /// Choosing the district for the district view.
    Districts {
        selected: usize,
    },
    /// The selected directive's check-off history (`App::history`).
    History {
        offset: usize,
    },
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
    pub index: SearchIndex,
    pub loading: Loading,
    pub dir: PathBuf,
    pub lang: Lang,
    pub today: NaiveDate,
    pub keymap: Keymap,
    pub theme: Theme,
    pub size: Rect,
    pub screen: Screen,
    /// Screens to go back to, the latest last.
    back: Vec<Screen>,
    pub list: Scroll,
    pub overlay: Option<Overlay>,
    pub status: Option<Notice>,
    pub user: String,
    pub directive_filter: DirectiveFilter,
    pub session_filter: SessionFilter,
    /// The folder is in a git work tree.
    pub shared: bool,
    /// The history pop-up: which directive, and what was read.
    pub history: Option<(HistoryRequest, History)>,
    /// Directives shown toggled whose save has not finished, with their state before.
    pending: Vec<(SaveRequest, Directive)>,
    /// The open tab's layout, kept between keys.
    tabs: TabCache,
}

impl App {
    pub fn new(options: Options) -> Self {
        App {
            catalog: Catalog::default(),
            index: SearchIndex::build(&[]),
            loading: Loading::InProgress,
            dir: options.dir,
            lang: options.lang,
            today: options.today,
            keymap: options.keymap,
            theme: options.theme,
            size: Rect::new(0, 0, 80, 24),
            screen: Screen::Sessions,
            back: Vec::new(),
            list: Scroll::default(),
            overlay: None,
            status: None,
            user: options.user,
            directive_filter: DirectiveFilter::All,
            session_filter: SessionFilter::All,
            shared: false,
            history: None,
            pending: Vec::new(),
            tabs: TabCache::default(),
        }
    }

    /// The blocks of a tab, with the directive filter applied, laid out at
    /// the width of the session screen's content.
    pub fn tab_blocks(&self, session: &Session, tab: usize) -> Rc<TabLayout> {
        let width = layout::session(self.size, &session.title).content.width;
        self.tab_layout(session, tab, usize::from(width))
    }

    /// The blocks of a tab laid out at `width`; the last one is kept between keys.
    pub fn tab_layout(&self, session: &Session, tab: usize, width: usize) -> Rc<TabLayout> {
        self.tabs.get(&tab_cache::Request {
            sessions: &self.catalog.sessions,
            session,
            tab,
            filter: self.directive_filter,
            today: self.today,
            lang: self.lang,
            width,
        })
    }

    /// Height of block `i` of `layout`, taller when a selected directive shows its detail.
    pub fn block_height(
        &self,
        session: &Session,
        layout: &TabLayout,
        i: usize,
        selected: bool,
    ) -> usize {
        match layout.blocks.get(i) {
            Some(Block::Directive(_)) if selected => {
                let width = layout::session(self.size, &session.title).content.width;
                doc::height(session, layout, i, usize::from(width), true, self.lang)
            }
            _ => layout.heights.get(i).copied().unwrap_or(1),
        }
    }

    /// The open session, if any.
    pub fn current_session(&self) -> Option<(&Session, &SessionView)> {
        match &self.screen {
            Screen::Session(view) => self.catalog.sessions.get(view.session).map(|s| (s, view)),
            _ => None,
        }
    }

    pub fn has_pending_saves(&self) -> bool {
        !self.pending.is_empty()
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Key(ev) => {
                if ev.kind == KeyEventKind::Release {
                    return Effect::None;
                }
                if self.overlay.is_none()
                    && matches!(self.screen, Screen::Search(_))
                    && let Some(effect) = self.search_key(&ev)
                {
                    return effect;
                }
                match self.keymap.command(Key::from_event(&ev)) {
                    Some(c) => self.command(c),
                    None => Effect::None,
                }
            }
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
            Action::History { request, result } => {
                if let Some((asked, shown)) = &mut self.history
                    && *asked == request
                {
                    *shown = match result {
                        Ok(events) => History::Loaded(events),
                        Err(e) => History::Failed(e),
                    };
                }
                Effect::None
            }
            Action::Today(today) => {
                self.today = today;
                self.clamp_view();
                self.clamp_lists();
                self.keep_selection_visible();
                Effect::None
            }
        }
    }

    /// Takes a (re)loaded catalog, keeping the user's place: the selected and
    /// the open session by id, the tab, the selection and the scroll.
    fn loaded(&mut self, result: Result<Loaded, FolderError>) {
        let Loaded {
            catalog,
            index,
            shared,
        } = match result {
            Ok(loaded) => loaded,
            Err(e) => {
                self.loading = Loading::Failed(e);
                return;
            }
        };
        let listed = self.selected_session().map(|s| s.id.clone());
        let old_ids: Vec<String> = self.catalog.sessions.iter().map(|s| s.id.clone()).collect();
        self.index = index;
        self.catalog = catalog;
        self.shared = shared;
        self.loading = Loading::Done;
        self.reapply_pending();
        self.tabs.invalidate();
        self.reselect_listed(listed.as_deref());
        // Sessions are found again by id, on screen and on the Back stack alike;
        // screens of a session that is gone are dropped.
        let mut screens = std::mem::take(&mut self.back);
        screens.push(std::mem::replace(&mut self.screen, Screen::Sessions));
        let mut gone = false;
        let mut kept = Vec::with_capacity(screens.len());
        for screen in screens {
            match screen {
                Screen::Session(mut view) => {
                    let id = old_ids.get(view.session);
                    match id.and_then(|id| self.catalog.sessions.iter().position(|s| &s.id == id)) {
                        Some(index) => {
                            view.session = index;
                            kept.push(Screen::Session(view));
                        }
                        None => gone = true,
                    }
                }
                Screen::Search(mut view) => {
                    view.refresh(&self.index);
                    kept.push(Screen::Search(view));
                }
                other => kept.push(other),
            }
        }
        self.screen = kept.pop().unwrap_or(Screen::Sessions);
        self.back = kept;
        if gone {
            self.status = Some(Notice::SessionGone);
        }
        self.clamp_view();
        self.clamp_lists();
        self.keep_selection_visible();
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
            Command::Help => self.overlay = Some(Overlay::Help { offset: 0 }),
            Command::Diagnostics => self.overlay = Some(Overlay::Diagnostics { offset: 0 }),
            Command::Search => self.open_search(),
            Command::FilterDirectives => {
                self.directive_filter = self.directive_filter.next();
                self.clamp_view();
                self.clamp_lists();
            }
            Command::FilterSessions => {
                let listed = self.selected_session().map(|s| s.id.clone());
                self.session_filter = self.session_filter.next();
                self.reselect_listed(listed.as_deref());
            }
            Command::FilterDistrict => self.overlay = Some(Overlay::Districts { selected: 0 }),
            Command::DueView => {
                if !matches!(self.screen, Screen::Due(_)) {
                    self.push_screen(Screen::Due(Scroll::default()));
                    self.clamp_lists();
                }
            }
            _ => {
                return match self.screen {
                    Screen::Sessions => self.sessions_command(c),
                    Screen::Session(_) => self.session_command(c),
                    Screen::Due(_) | Screen::District { .. } => self.review_command(c),
                    Screen::Search(_) => self.search_command(c),
                };
            }
        }
        self.keep_selection_visible();
        Effect::None
    }

    fn overlay_command(&mut self, overlay: Overlay, c: Command) {
        let page = usize::from(self.size.height.saturating_sub(6)).max(1);
        let (offset, make): (usize, fn(usize) -> Overlay) = match overlay {
            Overlay::Help { offset } => (offset, |offset| Overlay::Help { offset }),
            Overlay::Diagnostics { offset } => (offset, |offset| Overlay::Diagnostics { offset }),
            Overlay::History { offset } => (offset, |offset| Overlay::History { offset }),
            Overlay::Districts { selected } => {
                self.districts_command(selected, c, page);
                return;
            }
        };
        let new = match c {
            Command::Up => offset.saturating_sub(1),
            Command::Down => offset + 1,
            Command::PageUp => offset.saturating_sub(page),
            Command::PageDown => offset + page,
            Command::First => 0,
            Command::Last => usize::MAX,
            Command::Back
            | Command::Quit
            | Command::Help
            | Command::Diagnostics
            | Command::History => {
                self.overlay = None;
                return;
            }
            _ => offset,
        };
        self.overlay = Some(make(new.min(crate::ui::overlay::max_offset(self, overlay))));
    }

    /// Opens `screen`, remembering the current one for `Back`.
    fn push_screen(&mut self, screen: Screen) {
        let previous = std::mem::replace(&mut self.screen, screen);
        self.back.push(previous);
    }

    /// Back to the session list, forgetting the screens in between (`q`).
    fn back_to_session_list(&mut self) {
        self.back.clear();
        self.screen = Screen::Sessions;
        self.keep_selection_visible();
    }

    /// Returns to the previous screen (the session list at the bottom).
    fn pop_screen(&mut self) {
        self.screen = self.back.pop().unwrap_or(Screen::Sessions);
        self.clamp_view();
        self.clamp_lists();
        self.keep_selection_visible();
    }

    /// Scrolls the list or the tab so the selection is in view.
    fn keep_selection_visible(&mut self) {
        let rows = layout::list_rows(self.size, self.visible_sessions().len());
        self.list.offset = scroll_into_view(self.list.offset, self.list.selected, 1, rows);
        match &self.screen {
            Screen::Session(_) => self.keep_block_visible(),
            Screen::Due(_) | Screen::District { .. } | Screen::Search(_) => self.keep_row_visible(),
            Screen::Sessions => {}
        }
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

/// Moves a selection among `count` rows by one command; `None` for other commands.
fn moved(selected: usize, count: usize, page: usize, c: Command) -> Option<usize> {
    let last = count.saturating_sub(1);
    let to = match c {
        Command::Up => selected.saturating_sub(1),
        Command::Down => selected + 1,
        Command::PageUp => selected.saturating_sub(page),
        Command::PageDown => selected + page,
        Command::First => 0,
        Command::Last => last,
        _ => return None,
    };
    Some(to.min(last))
}

fn next_selectable<T>(
    items: &[T],
    from: usize,
    steps: usize,
    selectable: impl Fn(&T) -> bool,
) -> usize {
    let mut at = from.min(items.len().saturating_sub(1));
    for _ in 0..steps {
        match (at + 1..items.len()).find(|&i| selectable(&items[i])) {
            Some(i) => at = i,
            None => break,
        }
    }
    at
}

fn prev_selectable<T>(
    items: &[T],
    from: usize,
    steps: usize,
    selectable: impl Fn(&T) -> bool,
) -> usize {
    let mut at = from.min(items.len().saturating_sub(1));
    for _ in 0..steps {
        match (0..at).rev().find(|&i| selectable(&items[i])) {
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
        assert_eq!(next_selectable(&blocks, 1, 1, Block::selectable), 3);
        assert_eq!(next_selectable(&blocks, 1, 5, Block::selectable), 4);
        assert_eq!(prev_selectable(&blocks, 3, 1, Block::selectable), 1);
        assert_eq!(prev_selectable(&blocks, 1, 1, Block::selectable), 1);
    }

    #[test]
    fn moved_clamps_to_the_list() {
        assert_eq!(moved(0, 5, 3, Command::Up), Some(0));
        assert_eq!(moved(4, 5, 3, Command::Down), Some(4));
        assert_eq!(moved(1, 5, 3, Command::PageDown), Some(4));
        assert_eq!(moved(1, 0, 3, Command::Last), Some(0));
        assert_eq!(moved(1, 5, 3, Command::Open), None);
    }
}
