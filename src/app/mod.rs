//! The app: a router over a stack of screens. `update` takes an [`Action`] (a key, a new
//! size, files read, a finished save), gives commands to the screen on top and carries
//! out what it asks; it returns the [`Effect`] the shell must start. `draw` paints the screen
//! on top, its pop-up and the two lines under it, and changes nothing.

mod changes;
mod saves;

use std::path::PathBuf;

use chrono::NaiveDate;
use crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::git::GitError;
use crate::git::history::History;
use crate::input::{Command, Key, Keymap};
use crate::model::progress::Entry;
use crate::model::{Directive, DirectiveKey, Lang, Session};
use crate::present::words;
use crate::report::follow_up::Tallies;
use crate::screens::overlay::{Chooser, Help, HistoryView, Problems, Scroll};
use crate::screens::review::Review;
use crate::screens::{
    Ctx, Intent, Jump, MIN_HEIGHT, MIN_WIDTH, ReportScreen, ReviewScreen, SearchScreen,
    SessionList, SessionScreen, View, bar, too_small,
};
use crate::search::{Hit, SearchIndex, Target};
use crate::store::write::{Appended, Change, WriteError};
use crate::store::{Catalog, FolderError};
use crate::ui::{cells, theme::Theme};

pub use crate::screens::EditError;
pub use crate::screens::EditRequest;
pub(crate) use crate::screens::Filters;
pub use crate::screens::Loading;
pub use crate::screens::Notice;
pub use crate::screens::Screen;
pub use crate::screens::overlay::HistoryRequest;
pub use crate::screens::overlay::Overlay;
pub use changes::Changed;
pub use changes::Garbage;

/// Everything that reaches the app from outside, through [`App::update`] alone: a key, a new
/// size, files read, a finished save, a history read. Worker threads send these as they are.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    /// The wheel, or a click.
    Mouse(MouseEvent),
    Resize {
        width: u16,
        height: u16,
    },
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
        result: Result<History, GitError>,
    },
    /// A session's file as read again after our own save of it (the watcher leaves that
    /// write alone, so the folder is not reloaded for it).
    Reread(Box<Session>),
    /// Files read or gone (a part of the first load, or a change on disk), or why the folder
    /// could not be read: the one way the folder's contents come in.
    Changed(Box<Result<Changed, FolderError>>),
    /// The index sent away by `Effect::Compact`, compacted.
    Compacted(Away),
    /// The editor `Effect::Edit` started has ended (the file, as shown to the person, is
    /// being read again), or the edit was refused or failed.
    Edited {
        request: EditRequest,
        result: Result<String, EditError>,
    },
    /// Text pasted into the terminal (bracketed paste), in one piece.
    Paste(String),
    /// A progress entry asked for by `Effect::Record` was written (as written) or taken out,
    /// or why not.
    Recorded {
        request: Box<ProgressRequest>,
        result: Box<Result<Recorded, WriteError>>,
    },
    /// The sync asked for by `Effect::Sync` finished: the commits it received and sent, and
    /// whether it got through.
    Synced {
        received: usize,
        sent: usize,
        result: Result<(), GitError>,
    },
}

/// Check a directive off (`done`) or on again, in its session's file. Ids, not places: the
/// file is found by them, and they still hold after a reload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub session_id: String,
    pub directive_id: String,
    /// The state the directive is shown in until the save confirms it.
    pub done: bool,
    /// Put back what the file had before the last save of this directive (an undo).
    pub undo: bool,
}

/// Append a progress entry to a directive, or take out the one we appended (an undo). Ids,
/// as for [`SaveRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressRequest {
    pub session_id: String,
    pub directive_id: String,
    pub change: ProgressChange,
}

/// What the progress form asks to record: what the entry says, which the saver stamps with
/// the time and the person running the app.
pub type NewEntry = crate::model::Update;

/// What a [`ProgressRequest`] writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressChange {
    /// A new entry, stamped by the saver with the time and the person running the app.
    Add(NewEntry),
    /// Exactly this entry, appended earlier in this run, out again (and the file's `version`
    /// line as it was).
    Remove(Appended),
}

/// What a progress write did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// The entry as the file now has it, and what takes it out again.
    Added {
        entry: Entry,
        undo: Option<Appended>,
    },
    Removed,
}

/// What the shell must do after an update.
#[derive(Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Write a directive's new state to its file.
    Save(SaveRequest),
    /// Append a progress entry to its file, or take it out again.
    Record(ProgressRequest),
    /// Read a directive's check-off history (off the UI thread).
    LoadHistory(HistoryRequest),
    /// Open an item's file in the person's editor at its line, the terminal handed over
    /// meanwhile; then read the file again.
    Edit(EditRequest),
    /// Load the whole folder again.
    Reload,
    /// Share the folder through git (`briefing sync`) off the UI thread, and give the result
    /// back as `Action::Synced`.
    Sync,
    /// Compact the search index off the UI thread, and give it back as
    /// `Action::Compacted`.
    Compact(Away),
}

/// The search index on its way to be compacted and back, numbered: only the one sent last
/// is taken back (a whole load may have replaced the index meanwhile). Two are equal when
/// they are the same trip.
#[derive(Debug)]
pub struct Away {
    pub index: Box<SearchIndex>,
    pub trip: u64,
}

impl PartialEq for Away {
    fn eq(&self, other: &Self) -> bool {
        self.trip == other.trip
    }
}

impl Eq for Away {}

/// Everything the app needs at start.
pub struct Options {
    pub dir: PathBuf,
    pub lang: Lang,
    pub today: NaiveDate,
    pub keymap: Keymap,
    /// Who checks directives off (shown at once, before the file confirms it).
    pub user: String,
    /// The shell takes the mouse (wheel and clicks come as [`Action::Mouse`]).
    pub mouse: bool,
}

/// The commands the app handles itself, whatever the screen: in the key help after the
/// screen's own.
const GLOBAL: [Command; 10] = [
    Command::Undo,
    Command::Sync,
    Command::Search,
    Command::DueView,
    Command::FilterDistrict,
    Command::FilterDirectives,
    Command::FilterSessions,
    Command::Diagnostics,
    Command::Help,
    Command::ForceQuit,
];

pub struct App {
    ctx: Ctx,
    /// The first screen, always under the others.
    list: SessionList,
    /// The screens opened over the list, the latest last.
    stack: Vec<Screen>,
    overlay: Option<Overlay>,
    notice: Option<Notice>,
    user: String,
    /// Directives shown toggled whose save has not finished, with their state before.
    pending: Vec<(SaveRequest, Directive)>,
    /// Progress entries being written or taken out, with what to show if that fails.
    recording: Vec<saves::Recording>,
    /// Check-offs, un-checks and progress entries that `u` can undo, the latest last.
    undo: Vec<saves::Undoable>,
    /// Data replaced by a load or a change, for the shell to free off the UI thread.
    garbage: Garbage,
    /// Changes of the sessions that came while the index was away being compacted: the
    /// ids replaced or removed, and the sessions' words to add.
    queued: Vec<(Vec<String>, Vec<crate::search::Prepared>)>,
    /// The trip of the index away being compacted, if any, and how many were made.
    away: Option<u64>,
    trips: u64,
    /// A sync asked for by `S` is running.
    syncing: bool,
}

impl App {
    pub fn new(options: Options) -> Self {
        App {
            ctx: Ctx {
                catalog: Catalog::default(),
                index: SearchIndex::build(&[]),
                revision: 0,
                tallies: Tallies::new(options.today, None),
                loading: Loading::InProgress,
                dir: options.dir,
                lang: options.lang,
                today: options.today,
                keymap: options.keymap,
                area: Rect::new(0, 0, 80, 24),
                filters: Filters::default(),
                shared: false,
                index_away: false,
            },
            list: SessionList::default(),
            stack: Vec::new(),
            overlay: None,
            notice: None,
            user: options.user,
            pending: Vec::new(),
            recording: Vec::new(),
            undo: Vec::new(),
            garbage: Garbage::default(),
            queued: Vec::new(),
            away: None,
            trips: 0,
            syncing: false,
        }
    }

    /// The screen on top of the session list; `None` when the list itself is shown.
    pub fn screen(&self) -> Option<&Screen> {
        self.stack.last()
    }

    /// Every hit of the search on top, made whole (its text and highlights), best first;
    /// empty when no search is on top.
    pub fn search_hits(&self) -> Vec<Hit> {
        match self.stack.last() {
            Some(Screen::Search(s)) => (0..s.hits().len())
                .filter_map(|i| s.hit(&self.ctx, i).map(std::borrow::Cow::into_owned))
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn session_list(&self) -> &SessionList {
        &self.list
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// What the status line says: the last notice, else that a sync is running.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice
            .as_ref()
            .or(self.syncing.then_some(&Notice::Syncing))
    }

    pub fn catalog(&self) -> &Catalog {
        &self.ctx.catalog
    }

    pub fn loading(&self) -> &Loading {
        &self.ctx.loading
    }

    pub fn filters(&self) -> Filters {
        self.ctx.filters
    }

    pub fn lang(&self) -> Lang {
        self.ctx.lang
    }

    pub fn today(&self) -> NaiveDate {
        self.ctx.today
    }

    /// The terminal's size as last told.
    pub fn area(&self) -> Rect {
        self.ctx.area
    }

    /// The session of the screen on top, if it is a session's.
    pub fn current_session(&self) -> Option<&Session> {
        match self.stack.last() {
            Some(Screen::Session(s)) => s.session(&self.ctx),
            _ => None,
        }
    }

    pub fn has_pending_saves(&self) -> bool {
        !self.pending.is_empty() || !self.recording.is_empty()
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Key(ev) => return self.key(&ev),
            Action::Mouse(ev) => return self.mouse(&ev),
            Action::Resize { width, height } => self.ctx.area = Rect::new(0, 0, width, height),
            Action::Saved { request, result } => self.saved(request, result),
            Action::Recorded { request, result } => self.recorded(*request, *result),
            Action::Paste(text) => return self.paste(&text),
            Action::Reread(session) => return self.reread(*session),
            Action::Changed(changed) => {
                let effect = self.changed(*changed);
                self.refresh();
                return effect;
            }
            Action::Compacted(away) => {
                let effect = self.compacted(away);
                self.refresh();
                return effect;
            }
            Action::History { request, result } => {
                if let Some(Overlay::History(view)) = &mut self.overlay
                    && *view.content().request() == request
                {
                    view.content_mut().read(result);
                }
            }
            Action::Today(today) => self.ctx.today = today,
            Action::Edited { result, .. } => {
                self.notice = Some(match result {
                    Ok(file) => Notice::Edited { file },
                    Err(e) => Notice::NotEdited(e),
                });
            }
            Action::Synced {
                received,
                sent,
                result,
            } => self.synced(received, sent, result),
        }
        self.refresh();
        Effect::None
    }

    fn top(&self) -> &dyn View {
        match self.stack.last() {
            Some(screen) => screen.view(),
            None => &self.list,
        }
    }

    fn key(&mut self, ev: &KeyEvent) -> Effect {
        if ev.kind == KeyEventKind::Release {
            return Effect::None;
        }
        if let Some(overlay) = &mut self.overlay
            && let Some(intent) = overlay.view_mut().text_key(&self.ctx, ev)
        {
            self.notice = None;
            return self.follow(intent);
        }
        if self.overlay.is_none() {
            let top: &mut dyn View = match self.stack.last_mut() {
                Some(screen) => screen.view_mut(),
                None => &mut self.list,
            };
            if let Some(intent) = top.text_key(&self.ctx, ev) {
                self.notice = None;
                return self.follow(intent);
            }
        }
        match self.ctx.keymap.command(Key::from_event(ev)) {
            Some(c) => self.command(c),
            None => Effect::None,
        }
    }

    /// Pasted text goes to the pop-up, else to the screen on top, if either types.
    fn paste(&mut self, text: &str) -> Effect {
        let intent = match &mut self.overlay {
            Some(overlay) => overlay.view_mut().paste(&self.ctx, text),
            None => {
                let top: &mut dyn View = match self.stack.last_mut() {
                    Some(screen) => screen.view_mut(),
                    None => &mut self.list,
                };
                top.paste(&self.ctx, text)
            }
        };
        match intent {
            Some(intent) => {
                self.notice = None;
                self.follow(intent)
            }
            None => Effect::None,
        }
    }

    /// The wheel moves as `↑`/`↓` do where it is turned; a left click goes to the pop-up, or
    /// to the screen, at its place.
    fn mouse(&mut self, ev: &MouseEvent) -> Effect {
        match ev.kind {
            MouseEventKind::ScrollDown => self.command(Command::Down),
            MouseEventKind::ScrollUp => self.command(Command::Up),
            MouseEventKind::Down(MouseButton::Left) => {
                self.notice = None;
                let (column, row) = (ev.column, ev.row);
                let intent = match &mut self.overlay {
                    Some(overlay) => overlay.view_mut().click(&self.ctx, column, row),
                    None => {
                        let top: &mut dyn View = match self.stack.last_mut() {
                            Some(screen) => screen.view_mut(),
                            None => &mut self.list,
                        };
                        top.click(&self.ctx, column, row)
                    }
                };
                self.follow(intent)
            }
            _ => Effect::None,
        }
    }

    fn command(&mut self, c: Command) -> Effect {
        self.notice = None;
        if c == Command::ForceQuit {
            return Effect::Quit;
        }
        if let Some(overlay) = &mut self.overlay {
            let intent = overlay.view_mut().command(&self.ctx, c);
            return self.follow(intent);
        }
        match c {
            Command::Help => {
                self.overlay = Some(Overlay::Help(Scroll::new(Help::new(self.help_commands()))))
            }
            Command::Diagnostics => self.overlay = Some(Overlay::Problems(Scroll::new(Problems))),
            Command::FilterDistrict => self.overlay = Some(Overlay::Districts(Chooser::default())),
            Command::Search => {
                if !matches!(self.stack.last(), Some(Screen::Search(_))) {
                    self.stack.push(Screen::Search(SearchScreen::default()));
                }
            }
            Command::DueView => {
                if !matches!(self.stack.last(), Some(Screen::Review(r)) if *r.review() == Review::Due)
                {
                    self.stack
                        .push(Screen::Review(ReviewScreen::new(Review::Due)));
                }
            }
            Command::ReportView => {
                if !matches!(self.stack.last(), Some(Screen::Report(_))) {
                    let ctx = &mut self.ctx;
                    ctx.tallies.want();
                    ctx.tallies.catch_up(&ctx.catalog.sessions, ctx.today);
                    let screen = ReportScreen::new(&self.ctx);
                    self.stack.push(Screen::Report(screen));
                }
            }
            Command::FilterDirectives => {
                self.ctx.filters.directives = self.ctx.filters.directives.next();
            }
            Command::Undo => return self.undo(),
            Command::Sync => return self.sync(),
            Command::NextHit | Command::PrevHit
                if !matches!(self.stack.last(), Some(Screen::Search(_))) =>
            {
                self.next_hit(c == Command::NextHit);
            }
            Command::FilterSessions => {
                let listed = self.list.selected_session(&self.ctx).map(|s| s.id.clone());
                self.ctx.filters.sessions = self.ctx.filters.sessions.next();
                self.list.reselect(&self.ctx, listed.as_deref());
            }
            _ => {
                let top: &mut dyn View = match self.stack.last_mut() {
                    Some(screen) => screen.view_mut(),
                    None => &mut self.list,
                };
                let intent = top.command(&self.ctx, c);
                return self.follow(intent);
            }
        }
        self.refresh();
        Effect::None
    }

    /// Starts a sync, unless one is running; the files it changes come in as any change does.
    fn sync(&mut self) -> Effect {
        if self.syncing {
            self.notice = Some(Notice::AlreadySyncing);
            return Effect::None;
        }
        self.syncing = true;
        self.notice = Some(Notice::Syncing);
        Effect::Sync
    }

    fn synced(&mut self, received: usize, sent: usize, result: Result<(), GitError>) {
        self.syncing = false;
        self.notice = Some(match result {
            Ok(()) => Notice::Synced { received, sent },
            Err(e) => Notice::SyncFailed(e),
        });
    }

    /// The commands of the key help: the screen's own, then the app's.
    fn help_commands(&self) -> Vec<Command> {
        let mut commands: Vec<Command> = Vec::new();
        let offered = self.top().offers(&self.ctx).into_iter().map(|o| o.command);
        let problems = !self.ctx.catalog.failed_files().is_empty();
        for c in offered.chain(GLOBAL) {
            let sync = c != Command::Sync || self.ctx.shared;
            if (c != Command::Diagnostics || problems) && sync && !commands.contains(&c) {
                commands.push(c);
            }
        }
        commands
    }

    /// Carries out what a screen or a pop-up asked for.
    fn follow(&mut self, intent: Intent) -> Effect {
        match intent {
            Intent::None => return Effect::None,
            Intent::Quit => return Effect::Quit,
            Intent::Back => {
                if self.overlay.take().is_none() {
                    self.stack.pop();
                }
            }
            Intent::ToList => self.stack.clear(),
            Intent::Open(target) => self.open(target),
            Intent::Jump(jump) => self.open_at(jump.target, Some(&jump)),
            Intent::OpenDistrict(key) => {
                self.overlay = None;
                let screen = ReviewScreen::new(Review::District(key));
                self.stack.push(Screen::Review(screen));
            }
            Intent::Toggle(key) => return self.toggle(key),
            Intent::Uncheck(key) => return self.uncheck(key),
            Intent::ShowHistory(key) => return self.show_history(key),
            Intent::Edit(request) => return Effect::Edit(request),
            Intent::Progress(key) => self.open_progress(key),
            Intent::Record(key, entry) => return self.record(key, entry),
            Intent::Notice(notice) => self.notice = Some(notice),
        }
        self.refresh();
        Effect::None
    }

    /// Opens the session of `target` at that item; a directive the filter hides clears it.
    fn open(&mut self, target: Target) {
        self.open_at(target, None);
    }

    /// Opens the session of `target` at that item, with a search's matches highlighted.
    fn open_at(&mut self, target: Target, jump: Option<&Jump>) {
        let Some(session) = self.ctx.catalog.sessions.get(target.session()) else {
            return;
        };
        if let Target::Directive { directive, .. } = target
            && let Some(d) = session.directive(directive)
            && !self.ctx.filters.directives.matches(d, self.ctx.today)
        {
            self.ctx.filters.directives = Default::default();
        }
        if let Some(screen) = SessionScreen::open(&self.ctx, target, jump) {
            self.stack.push(Screen::Session(screen));
        }
    }

    /// The next (or previous) search hit, from the place the last one opened: the search under
    /// the open session moves on and opens it.
    fn next_hit(&mut self, forward: bool) {
        let n = self.stack.len();
        let below = match self.stack.as_mut_slice() {
            [.., Screen::Search(search), Screen::Session(_)] => search,
            _ => {
                self.notice = Some(Notice::NoSearch);
                return;
            }
        };
        if !below.step(&self.ctx, forward) {
            self.notice = Some(if forward {
                Notice::LastHit
            } else {
                Notice::FirstHit
            });
            return;
        }
        let jump = below.jump(&self.ctx);
        self.stack.truncate(n - 1);
        if let Some(jump) = jump {
            self.open_at(jump.target, Some(&jump));
        }
    }

    /// Opens the history pop-up of a directive and asks for its history.
    fn show_history(&mut self, key: DirectiveKey) -> Effect {
        let Some(session) = self.ctx.catalog.session(&key.session) else {
            return Effect::None;
        };
        if session.followed(&key.directive).is_none() {
            return Effect::None;
        }
        let request = HistoryRequest {
            session_id: key.session,
            directive_id: key.directive,
        };
        let git = self.ctx.shared;
        self.overlay = Some(Overlay::History(Scroll::new(HistoryView::new(
            request.clone(),
            git,
        ))));
        if git {
            Effect::LoadHistory(request)
        } else {
            Effect::None
        }
    }

    /// After the catalog changed under the screens: the toggles under way shown again, lines
    /// made anew, screens whose session is gone dropped, searches run again, the list's
    /// selection kept on the session `listed`.
    fn after_load(&mut self, listed: Option<&str>) {
        self.reapply_pending();
        self.catalog_changed();
        let before = self.stack.len();
        let ctx = &self.ctx;
        self.stack.retain(|screen| match screen {
            Screen::Session(s) => s.session(ctx).is_some(),
            _ => true,
        });
        if self.stack.len() < before {
            self.notice = Some(Notice::SessionGone);
        }
        self.run_searches_again();
        self.list.reselect(&self.ctx, listed);
    }

    /// Every open search, run again on the catalog and index as they are now.
    fn run_searches_again(&mut self) {
        for screen in &mut self.stack {
            if let Screen::Search(search) = screen {
                search.run(&self.ctx);
            }
        }
    }

    /// Lines made from the old catalog are stale now.
    fn catalog_changed(&mut self) {
        self.ctx.revision = self.ctx.revision.wrapping_add(1);
    }

    /// After the world changed: the list, the screen on top and its pop-up keep their
    /// selection on something that is there, and in view.
    fn refresh(&mut self) {
        let ctx = &mut self.ctx;
        ctx.tallies.catch_up(&ctx.catalog.sessions, ctx.today);
        self.close_stale_question();
        self.list.refresh(&self.ctx);
        if let Some(screen) = self.stack.last_mut() {
            screen.view_mut().refresh(&self.ctx);
        }
        if let Some(overlay) = &mut self.overlay {
            overlay.view_mut().refresh(&self.ctx);
        }
    }

    /// Paints the frame: the screen on top, its pop-up, the status line and the hint bar.
    pub fn draw(&self, frame: &mut Frame<'_>, theme: &Theme) {
        let area = frame.area();
        if too_small(area) {
            let msg = words::too_small(self.ctx.lang, MIN_WIDTH, MIN_HEIGHT);
            let text = Paragraph::new(Line::from(msg)).wrap(Wrap { trim: true });
            frame.render_widget(text, area);
        } else {
            self.top().draw(frame, area, &self.ctx, theme);
            let offers = match &self.overlay {
                Some(overlay) => {
                    overlay.view().draw(frame, area, &self.ctx, theme);
                    overlay.view().offers(&self.ctx)
                }
                None => self.top().offers(&self.ctx),
            };
            let f = crate::screens::frame(area);
            let notice = self.notice();
            bar::draw(
                frame,
                [f.status, f.hints],
                &self.ctx,
                notice,
                &offers,
                theme,
            );
        }
        cells::clean(frame.buffer_mut());
    }
}
