//! The screens of the interface, each in one place: its state, the commands it offers (one
//! list for the hint bar and the key help), what it does with a command, and its drawing.
//! Screens read the shared [`Ctx`] and answer a command with an [`Intent`]; the app routes.

pub(crate) mod bar;
pub(crate) mod follow_up;
pub(crate) mod nav;
pub(crate) mod overlay;
pub(crate) mod report;
pub(crate) mod review;
pub(crate) mod search;
pub(crate) mod session;
pub(crate) mod session_list;

use std::path::PathBuf;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::diag::OsError;
use crate::input::{Command, Keymap};
use crate::model::filter::{DirectiveFilter, SessionFilter};
use crate::model::{DirectiveKey, Lang, LocalityKey, Update};
use crate::report::follow_up::Tallies;
use crate::search::{SearchIndex, Target};
use crate::store::place::Spot;
use crate::store::write::WriteError;
use crate::store::{Catalog, FolderError};
use crate::ui::theme::Theme;

pub use bar::Notice;
pub(crate) use report::ReportScreen;
pub(crate) use review::ReviewScreen;
pub(crate) use search::SearchScreen;
pub(crate) use session::SessionScreen;
pub(crate) use session_list::SessionList;

/// Below this size the app shows a "terminal too small" message instead.
pub(crate) const MIN_WIDTH: u16 = 40;
pub(crate) const MIN_HEIGHT: u16 = 12;

/// Whether the folder has been read.
#[derive(Debug)]
pub enum Loading {
    InProgress,
    /// The first load is under way: the sessions of the files read so far are shown; search
    /// waits for its index (built once every file is read).
    Reading {
        read: usize,
        total: usize,
    },
    Done,
    /// The folder itself could not be read.
    Failed(FolderError),
}

/// The filters in force, on every screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filters {
    pub directives: DirectiveFilter,
    pub sessions: SessionFilter,
}

/// What every screen reads: the loaded folder, the day, the language, the filters, the
/// terminal's size. The app owns it and changes it; screens only read it.
pub(crate) struct Ctx {
    pub catalog: Catalog,
    pub index: SearchIndex,
    /// Changes whenever the catalog does, so lines made from it can be kept until then.
    pub revision: u64,
    /// Each session's share of the implementation report on `today`, kept by session id: the
    /// app forgets those it replaces or changes and counts them again before the screens
    /// refresh.
    pub tallies: Tallies,
    pub loading: Loading,
    pub dir: PathBuf,
    pub lang: Lang,
    pub today: NaiveDate,
    pub keymap: Keymap,
    /// The whole terminal.
    pub area: Rect,
    pub filters: Filters,
    /// The folder is in a git work tree (a directive's history can be shown).
    pub shared: bool,
    /// The index is being compacted on another thread: search waits for it.
    pub index_away: bool,
}

impl Ctx {
    /// Search can answer: the first load's index has come, and it is not away.
    pub(crate) fn search_ready(&self) -> bool {
        matches!(self.loading, Loading::Done) && !self.index_away
    }
}

/// What a screen asks of the app after a command.
#[derive(Debug)]
pub(crate) enum Intent {
    None,
    Quit,
    /// Back to the screen before (an overlay: close it).
    Back,
    /// Back to the session list, forgetting the screens in between.
    ToList,
    /// Open the session of an item, at that item.
    Open(Target),
    /// Open the session of a search hit, at the hit, its matches highlighted there.
    Jump(Jump),
    /// Open the view of this locality.
    OpenDistrict(LocalityKey),
    /// Check a directive off, or on again (un-checking asks first).
    Toggle(DirectiveKey),
    /// Un-check a directive, confirmed.
    Uncheck(DirectiveKey),
    /// Show a directive's history (its progress log, and check-offs from git).
    ShowHistory(DirectiveKey),
    /// Open an item's file in the person's editor, at the item's line.
    Edit(EditRequest),
    /// Open the progress form of a directive.
    Progress(DirectiveKey),
    /// Record a progress entry on a directive (the form's Enter).
    Record(DirectiveKey, Update),
    /// Say something on the status line.
    Notice(Notice),
}

/// An item to change in the person's editor: its session (by id) and the item in it, whose
/// line is found in the file as it is when the editor starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditRequest {
    pub session_id: String,
    pub spot: Spot,
}

impl EditRequest {
    /// The item of a row or a hit, to open in the editor.
    pub(crate) fn of(ctx: &Ctx, target: Target) -> Option<EditRequest> {
        let session = ctx.catalog.sessions.get(target.session())?;
        let locality = |d: usize| session.districts.get(d).map(|d| d.id.to_string());
        let spot = match target {
            Target::Session { .. } => Spot::Session,
            Target::District { district, .. } => Spot::Locality(locality(district)?),
            Target::Indicator {
                district,
                indicator,
                ..
            } => Spot::Indicator {
                locality: locality(district)?,
                index: indicator,
            },
            Target::Directive { directive, .. } => {
                Spot::Directive(session.directive(directive)?.id.to_string())
            }
        };
        Some(EditRequest {
            session_id: session.id.to_string(),
            spot,
        })
    }
}

/// Why an edit did not happen or did not end well; said when drawn.
#[derive(Debug)]
pub enum EditError {
    /// The file may not be changed (the rules of a check-off: permissions, immutable, …).
    Refused(WriteError),
    /// The editor could not be started.
    NotStarted { editor: String, error: OsError },
    /// The editor ended with this status (or by a signal: `None`).
    Failed { editor: String, status: Option<i32> },
}

/// Where a search hit opens: its item, the text of the field found (to find its block), and
/// the query (to highlight its matches there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Jump {
    pub target: Target,
    pub text: String,
    pub query: String,
}

/// A command a screen offers: in the hint bar (`hint`), or in the key help only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Offer {
    pub command: Command,
    pub hint: bool,
}

impl Offer {
    pub(crate) const fn hint(command: Command) -> Self {
        Offer {
            command,
            hint: true,
        }
    }

    pub(crate) const fn help(command: Command) -> Self {
        Offer {
            command,
            hint: false,
        }
    }
}

/// Moving in a list, offered by every list-like screen (help only).
pub(crate) const MOVES: [Offer; 6] = [
    Offer::help(Command::Up),
    Offer::help(Command::Down),
    Offer::help(Command::PageUp),
    Offer::help(Command::PageDown),
    Offer::help(Command::First),
    Offer::help(Command::Last),
];

/// In a screen without tabs, the tab keys (`→`/`l`/`]`, `←`/`h`/`[`) open and go back, as the
/// arrows always did there.
pub(crate) fn without_tabs(c: Command) -> Command {
    match c {
        Command::NextTab => Command::Open,
        Command::PrevTab => Command::Back,
        other => other,
    }
}

/// A screen (or a pop-up): one place for its state, its commands and its drawing.
pub(crate) trait View {
    /// The commands this screen offers, most useful first: the hinted ones make the hint bar,
    /// all of them the key help.
    fn offers(&self, ctx: &Ctx) -> Vec<Offer>;

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent;

    /// A key the screen takes before the keymap (typing a query); `None` passes it on.
    fn text_key(&mut self, _ctx: &Ctx, _key: &KeyEvent) -> Option<Intent> {
        None
    }

    /// Pasted text (the terminal's bracketed paste), for a screen that types; `None` leaves it.
    fn paste(&mut self, _ctx: &Ctx, _text: &str) -> Option<Intent> {
        None
    }

    /// A left click at `column`, `row` of the terminal: select what is there (open it when it
    /// was selected already).
    fn click(&mut self, _ctx: &Ctx, _column: u16, _row: u16) -> Intent {
        Intent::None
    }

    /// The world changed (a load, a filter, the day, the size): keep the selection on
    /// something that is there, and in view.
    fn refresh(&mut self, ctx: &Ctx);

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme);
}

/// The screens that open over the session list, the latest on top.
#[derive(Debug)]
pub enum Screen {
    Session(SessionScreen),
    Review(ReviewScreen),
    Report(ReportScreen),
    Search(SearchScreen),
}

impl Screen {
    pub(crate) fn view(&self) -> &dyn View {
        match self {
            Screen::Session(s) => s,
            Screen::Review(s) => s,
            Screen::Report(s) => s,
            Screen::Search(s) => s,
        }
    }

    pub(crate) fn view_mut(&mut self) -> &mut dyn View {
        match self {
            Screen::Session(s) => s,
            Screen::Review(s) => s,
            Screen::Report(s) => s,
            Screen::Search(s) => s,
        }
    }
}

/// Where the parts of every frame go: the screen, then a status line and a hint bar.
pub(crate) struct FrameLayout {
    pub body: Rect,
    pub status: Rect,
    pub hints: Rect,
}

pub(crate) fn frame(area: Rect) -> FrameLayout {
    let [body, status, hints] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    FrameLayout {
        body,
        status,
        hints,
    }
}

pub(crate) fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// A section of a screen's list: its heading, then its items, or the row saying there is
/// nothing when it has none.
pub(crate) fn push_section<T>(out: &mut Vec<T>, heading: T, items: Vec<T>, nothing: T) {
    out.push(heading);
    if items.is_empty() {
        out.push(nothing);
    } else {
        out.extend(items);
    }
}

/// The review and search screens: a header of two lines, then one row per line.
pub(crate) fn header_and_list(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(frame(area).body)
}

/// The line of the list a click on terminal row `row` is on, counted from the list's top;
/// `None` outside the list (on the header, the hint bar).
pub(crate) fn list_line(area: Rect, row: u16) -> Option<usize> {
    let [_, list] = header_and_list(area);
    (list.y..list.bottom())
        .contains(&row)
        .then(|| usize::from(row - list.y))
}
