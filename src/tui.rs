//! The terminal shell around the app: set-up and restore, the event loop,
//! background loading, signals. Draws only when something happens.

use std::collections::HashMap;
mod editor;
mod guard;
pub(crate) mod load;
pub(crate) mod paint;
mod saver;
mod tty;

use std::io::{self, BufWriter, Stdout, Write};
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::thread;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use crossterm::style::{Attribute, Print, SetAttribute};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute, queue, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};

use crate::app::{self, Action, App, Away, Effect, Garbage, HistoryRequest, Options};
use crate::git::history::{self, Filter};
use crate::git::sync;
use crate::i18n;
use crate::model::abbrev::Abbreviations;
use crate::store::write::WriteOptions;
use crate::store::{self, Folder};
use crate::ui::theme::Theme;
use crate::watch::OwnWrites;
use load::LoadRequest;
use paint::Painter;
use saver::{Job, Saver, spawn_saver};
use tty::{Readiness, Tty};

/// What wakes the event loop: something for the app (a key, a size, a worker's result, each
/// already the [`Action`] the app takes), or the end of the session.
enum Msg {
    App(Action),
    /// A signal, or the terminal hanging up or failing (a dropped line, a killed tmux session,
    /// a deleted pty, taken as SIGHUP), ended the session: exit with 128 + this number.
    Stop(i32),
}

/// Buffers a whole frame and writes it with one `write` when committed.
/// ratatui's own flush after each draw is held back so that the synchronized
/// update markers and the frame leave together.
struct FrameWriter(BufWriter<Stdout>);

impl Write for FrameWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl FrameWriter {
    fn commit(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// Raw mode, the alternate screen, bracketed paste (a paste comes as one piece, its line
/// breaks not taken as Enter), and the mouse unless `mouse` is off; armed first to be put
/// back however the process ends.
fn setup(tty: &Tty, mouse: bool) -> io::Result<Term> {
    guard::arm(tty.fd(), restore_bytes())?;
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    let writer = FrameWriter(BufWriter::with_capacity(1 << 18, io::stdout()));
    Terminal::new(CrosstermBackend::new(writer))
}

/// What leaves every mode the app may have set, even from the middle of a frame: CAN ends a
/// half-written escape sequence, then the frame, the colours, the mouse, bracketed paste, the
/// alternate screen and the hidden cursor end.
fn restore_bytes() -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = queue!(
        bytes,
        Print('\u{18}'),
        EndSynchronizedUpdate,
        SetAttribute(Attribute::Reset),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    bytes
}

/// Puts the terminal back as it was; safe to call more than once.
pub(crate) fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    guard::disarm();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
        // A background thread's panic would leave the loop running on a
        // restored terminal; end the program as a panic on the main thread does.
        if std::thread::current().name() != Some("main") {
            std::process::exit(101);
        }
    }));
}

/// Why the input thread stopped forwarding.
enum InputEnd {
    /// Nothing more to read for now: wait for the terminal.
    Drained,
    /// The terminal is gone (or crossterm failed to read it).
    Gone,
    /// The loop no longer listens.
    Closed,
}

/// Reads keys and mouse events while the terminal has them. crossterm is asked to read only
/// when the terminal has bytes or crossterm holds parsed events, never on a terminal that hung
/// up: there its read would get an end of file or EIO and try again forever.
/// While an editor has the terminal the thread waits at `gate`, and reads nothing it left.
fn spawn_input(tx: mpsc::Sender<Msg>, tty: Arc<Tty>, gate: editor::Gate) {
    thread::spawn(move || {
        let end = loop {
            if tty.wait_for_input() == Readiness::Gone {
                break InputEnd::Gone;
            }
            let _held = gate.hold();
            match tty.input_now() {
                Readiness::Gone => break InputEnd::Gone,
                Readiness::Nothing => continue,
                Readiness::Input => {}
            }
            match forward_input(&tx, &tty) {
                InputEnd::Drained => {}
                end => break end,
            }
        };
        if let InputEnd::Gone = end {
            let _ = tx.send(Msg::Stop(SIGHUP));
        }
    });
}

/// How long to ask crossterm for events it has already parsed. Not zero: crossterm's
/// `use-dev-tty` reader looks at what it parsed only inside its wait, which a zero timeout
/// skips, so keys that came in one burst would wait for the next byte.
const PARSED_WAIT: std::time::Duration = std::time::Duration::from_millis(1);

/// Sends every event crossterm reads, until neither the terminal nor crossterm has more.
fn forward_input(tx: &mpsc::Sender<Msg>, tty: &Tty) -> InputEnd {
    loop {
        let Ok(event) = crossterm::event::read() else {
            return InputEnd::Gone;
        };
        if let Some(action) = input_action(event)
            && tx.send(Msg::App(action)).is_err()
        {
            return InputEnd::Closed;
        }
        match tty.input_now() {
            Readiness::Gone => return InputEnd::Gone,
            Readiness::Input => {}
            Readiness::Nothing => {
                if !crossterm::event::poll(PARSED_WAIT).unwrap_or(false) {
                    return InputEnd::Drained;
                }
            }
        }
    }
}

/// The app's action for a terminal event: keys, the mouse, sizes and pastes; nothing for the
/// rest (focus).
fn input_action(event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => Some(Action::Key(key)),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Mouse(mouse) => Some(Action::Mouse(mouse)),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

/// Tells the loop when the terminal hangs up, asleep until then: the input thread may be
/// inside crossterm at that moment, and no signal comes when the program runs in a session of
/// its own (`su USER -c`, `setsid`).
fn spawn_hangup_watch(tx: mpsc::Sender<Msg>, tty: Arc<Tty>) {
    thread::spawn(move || {
        tty.wait_until_gone();
        let _ = tx.send(Msg::Stop(SIGHUP));
    });
}

/// Sends the terminal's new size on each SIGWINCH: the input thread waits on the terminal
/// itself, so crossterm does not see the signal until the next key.
fn spawn_resizes(tx: mpsc::Sender<Msg>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGWINCH])?;
    thread::spawn(move || {
        for _ in signals.forever() {
            let Ok((width, height)) = terminal::size() else {
                continue;
            };
            if tx.send(Msg::App(Action::Resize { width, height })).is_err() {
                break;
            }
        }
    });
    Ok(())
}

fn spawn_signals(tx: mpsc::Sender<Msg>, gate: editor::Gate) -> io::Result<()> {
    // Raw mode turns Ctrl-C and Ctrl-\\ into keys, so SIGINT and SIGQUIT come
    // only from outside (kill, a supervisor); each ends the app like SIGTERM. While an editor
    // has the terminal (out of raw mode), Ctrl-C and Ctrl-\\ there are the editor's: they
    // reach this process too, and are let go.
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    thread::spawn(move || {
        let ends = signals
            .forever()
            .find(|&sig| !(gate.editing() && matches!(sig, SIGINT | SIGQUIT)));
        if let Some(sig) = ends {
            let _ = tx.send(Msg::Stop(sig));
        }
    });
    Ok(())
}

/// What the loader reads and how it indexes: the folder, the limits, the abbreviations search knows.
#[derive(Clone)]
struct LoadJob {
    dir: PathBuf,
    limits: store::Limits,
    abbreviations: Arc<Abbreviations>,
}

/// Compacts the index on a thread of its own (its old arrays are freed there too), and
/// sends it back.
fn spawn_compaction(tx: mpsc::Sender<Msg>, mut away: Away) {
    thread::spawn(move || {
        away.index.compact();
        let _ = tx.send(Msg::App(Action::Compacted(away)));
    });
}

/// Lowers the calling thread's priority (and that of the threads it starts) a little, so that
/// on a shared server the interface's thread draws and answers keys first while ten thousand
/// files are read on every core.
fn yield_to_the_interface() {
    // On Linux the process id 0 names the calling thread: only its nice value changes. A
    // refusal only leaves the priority as it was.
    let _ = rustix::process::setpriority_process(None, 5);
}

/// Reads the folder on its own thread: first every file, in parts the list shows as they come
/// (newest names first), with the search index built meanwhile and sent with the last; then each
/// request in turn, reading only the files that changed. Requests that queue up while it reads
/// are taken together.
fn spawn_loader(tx: mpsc::Sender<Msg>, job: LoadJob) -> mpsc::Sender<LoadRequest> {
    let (requests, rx) = mpsc::channel::<LoadRequest>();
    thread::spawn(move || {
        yield_to_the_interface();
        let mut folder = Folder::new(&job.dir, job.limits);
        let abbreviations = Abbreviations::clone(&job.abbreviations);
        // Asking git takes a few milliseconds: meanwhile the first files are read.
        let dir = job.dir.clone();
        let finding = thread::spawn(move || crate::git::Repo::find(&dir).is_ok());
        let shared = || finding.join().unwrap_or(false);
        let mut send = |action| tx.send(Msg::App(action)).is_ok();
        if !load::first_load(&mut folder, abbreviations, shared, &mut send) {
            return;
        }
        while let Ok(first) = rx.recv() {
            let request = rx.try_iter().fold(first, LoadRequest::and);
            if !load::reload(&mut folder, request, &mut send) {
                break;
            }
        }
    });
    requests
}

/// Frees what the app let go of on its own thread: a big catalog or index takes a while to free.
fn spawn_dropper() -> mpsc::Sender<Garbage> {
    let (tx, rx) = mpsc::channel::<Garbage>();
    thread::spawn(move || rx.into_iter().for_each(drop));
    tx
}

/// Watches the folder from its own thread, so that setting up the watches of
/// a big folder never delays the first frame. Without a watcher (folder
/// missing, inotify limits) the app still works; it just won't live-reload.
/// What it sees goes straight to the loader, whose parts then come to the app.
fn spawn_watcher(loader: mpsc::Sender<LoadRequest>, dir: PathBuf, own: OwnWrites) {
    thread::spawn(move || {
        let watcher = crate::watch::spawn(dir, own, move |paths| {
            let _ = loader.send(LoadRequest::Paths(paths.to_vec()));
        });
        if watcher.is_ok() {
            loop {
                thread::park();
            }
        }
    });
}

/// Reads one directive's check-off history from git on its own thread.
fn spawn_history(tx: mpsc::Sender<Msg>, dir: PathBuf, request: HistoryRequest) {
    thread::spawn(move || {
        let filter = Filter {
            session: Some(request.session_id.clone()),
            directive: Some(request.directive_id.clone()),
        };
        let result = crate::git::Repo::find(&dir).and_then(|repo| history::log(&repo, &filter));
        let _ = tx.send(Msg::App(Action::History { request, result }));
    });
}

/// Runs `briefing sync` on its own thread (as the command does: this program as the merge
/// driver); the files it changes come back through the watcher like any change.
fn spawn_sync(tx: mpsc::Sender<Msg>, dir: PathBuf, pull_only: bool) {
    thread::spawn(move || {
        let (report, result) = match (crate::git::Repo::find(&dir), std::env::current_exe()) {
            (Ok(repo), Ok(exe)) => {
                let mut opts = sync::Options::new(sync::driver_command(&exe));
                if pull_only {
                    opts.mode = sync::Mode::PullOnly;
                }
                sync::sync(&repo, &opts)
            }
            (Err(e), _) => (sync::Report::default(), Err(e)),
            (_, Err(e)) => (sync::Report::default(), Err(crate::git::GitError::Io(e))),
        };
        let _ = tx.send(Msg::App(Action::Synced {
            received: report.exchanged.received,
            sent: report.exchanged.sent,
            result,
        }));
    });
}

fn draw(term: &mut Term, painter: &mut Painter, app: &App, theme: &Theme) -> io::Result<()> {
    queue!(term.backend_mut().writer_mut(), BeginSynchronizedUpdate)?;
    // Only the progress form's note places the terminal's cursor.
    if matches!(app.overlay(), Some(crate::app::Overlay::Progress(_))) {
        painter.draw_with_cursor(term, |frame| app.draw(frame, theme))?;
    } else {
        painter.draw(term, |frame| app.draw(frame, theme))?;
    }
    queue!(term.backend_mut().writer_mut(), EndSynchronizedUpdate)?;
    term.backend_mut().writer_mut().commit()
}

/// Waits (briefly) for saves still under way, so quitting never cuts a write
/// short; returns what could not be saved, to be said once the screen is back.
fn finish_saves(app: &mut App, rx: &mpsc::Receiver<Msg>) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let mut problems = Vec::new();
    while app.has_pending_saves() {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(Msg::App(Action::Saved { request, result })) => {
                if let Err(e) = &result {
                    let reason = e.message(app.lang());
                    problems.push(format!("{}: {reason}", request.directive_id));
                }
                app.update(Action::Saved { request, result });
            }
            Ok(Msg::App(Action::Recorded { request, result })) => {
                if let Err(e) = &*result {
                    let reason = e.message(app.lang());
                    problems.push(format!("{}: {reason}", request.directive_id));
                }
                app.update(Action::Recorded { request, result });
            }
            Ok(_) => {}
            Err(_) => {
                problems.push(i18n::strings(app.lang()).unsaved_on_exit.to_string());
                break;
            }
        }
    }
    problems
}

fn local_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Puts the terminal back when dropped, whichever way `run` ends.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore();
    }
}

/// The threads the loop hands work to.
struct Workers {
    tx: mpsc::Sender<Msg>,
    dir: PathBuf,
    loader: mpsc::Sender<LoadRequest>,
    saver: mpsc::Sender<Job>,
    dropper: mpsc::Sender<Garbage>,
    editing: editor::Editing,
    sync_pull_only: bool,
}

impl Workers {
    fn load(&self, request: LoadRequest) {
        let _ = self.loader.send(request);
    }

    /// Hands what the app let go of to the dropper.
    fn discard(&self, garbage: Garbage) {
        if !garbage.is_empty() {
            let _ = self.dropper.send(garbage);
        }
    }

    /// Starts what the app asked for; `false` to quit.
    fn start(&mut self, effect: Effect) -> bool {
        match effect {
            Effect::Quit => return false,
            Effect::Save(request) => {
                let _ = self.saver.send(Job::Mark(request));
            }
            Effect::Record(request) => {
                let _ = self.saver.send(Job::Progress(request));
            }
            Effect::LoadHistory(request) => {
                spawn_history(self.tx.clone(), self.dir.clone(), request);
            }
            Effect::Reload => self.load(LoadRequest::Walk),
            Effect::Sync => spawn_sync(self.tx.clone(), self.dir.clone(), self.sync_pull_only),
            Effect::Compact(away) => spawn_compaction(self.tx.clone(), away),
            // The loop runs the editor itself: it needs the terminal (`edit`).
            Effect::Edit(_) | Effect::None => {}
        }
        true
    }
}

/// What the shell needs besides the app's options.
pub(crate) struct Settings {
    pub theme: Theme,
    /// `pull_only` of the config file's `[sync]`: `S` only receives.
    pub sync_pull_only: bool,
    /// "Today" moves on at midnight (no `--today` was given).
    pub follow_clock: bool,
    pub limits: store::Limits,
    /// The built-in abbreviations and the config file's, for search.
    pub abbreviations: Abbreviations,
}

/// Runs the interface until the user quits; returns the exit status.
pub(crate) fn run(options: Options, settings: Settings) -> io::Result<i32> {
    let Settings {
        theme,
        sync_pull_only,
        follow_clock,
        limits,
        abbreviations,
    } = settings;
    let (tx, rx) = mpsc::channel();
    let own = OwnWrites::default();
    let saver = Saver {
        dir: options.dir.clone(),
        user: options.user.clone(),
        opts: WriteOptions {
            max_file_size: limits.max_file_size,
            ..WriteOptions::default()
        },
        limits,
        own: own.clone(),
        before: HashMap::new(),
    };
    let job = LoadJob {
        dir: options.dir.clone(),
        limits,
        abbreviations: Arc::new(abbreviations),
    };
    let loader = spawn_loader(tx.clone(), job);
    let gate = editor::Gate::default();
    let mut workers = Workers {
        tx: tx.clone(),
        dir: options.dir.clone(),
        loader: loader.clone(),
        saver: spawn_saver(tx.clone(), loader.clone(), saver),
        dropper: spawn_dropper(),
        editing: editor::Editing {
            dir: options.dir.clone(),
            mouse: options.mouse,
            gate: gate.clone(),
        },
        sync_pull_only,
    };
    spawn_watcher(loader, options.dir.clone(), own);
    install_panic_hook();
    spawn_signals(tx.clone(), gate.clone())?;
    let tty = Arc::new(Tty::open()?);
    let mut term = setup(&tty, options.mouse).inspect_err(|_| restore())?;
    let guard = Restore;
    spawn_resizes(tx.clone())?;
    spawn_hangup_watch(tx.clone(), Arc::clone(&tty));
    spawn_input(tx, tty, gate);
    let mut app = App::new(options);
    let size = term.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let clock = follow_clock.then_some(local_today as fn() -> chrono::NaiveDate);
    let status = event_loop(&mut term, (&mut app, &theme), &rx, &mut workers, clock);
    let problems = finish_saves(&mut app, &rx);
    drop(guard);
    for p in &problems {
        let _ = writeln!(
            crate::terminal_text::err(),
            "briefing: {} {p}",
            i18n::strings(app.lang()).not_saved
        );
    }
    match status {
        Ok(0) if !problems.is_empty() => Ok(1),
        other => other,
    }
}

/// Hands the terminal to the editor until it exits, then has the file read again and tells
/// the app how it went (and the terminal's size, which may have changed meanwhile).
fn edit(term: &mut Term, app: &mut App, workers: &Workers, request: app::EditRequest) -> Effect {
    let (result, reread) = editor::edit(term, &workers.editing, &request);
    if let Some(path) = reread {
        workers.load(LoadRequest::Paths(vec![path]));
    }
    if let Ok((width, height)) = terminal::size() {
        app.update(Action::Resize { width, height });
    }
    app.update(Action::Edited { request, result })
}

fn event_loop(
    term: &mut Term,
    (app, theme): (&mut App, &Theme),
    rx: &mpsc::Receiver<Msg>,
    workers: &mut Workers,
    clock: Option<fn() -> chrono::NaiveDate>,
) -> io::Result<i32> {
    let mut painter = Painter::new();
    loop {
        if let Some(today) = clock.map(|now| now())
            && today != app.today()
        {
            app.update(Action::Today(today));
        }
        draw(term, &mut painter, app, theme)?;
        let Ok(first) = rx.recv() else {
            return Ok(0);
        };
        // Handle everything already waiting (a resize storm, pasted keys) before drawing once.
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            let action = match msg {
                Msg::App(action) => action,
                Msg::Stop(sig) => return Ok(128 + sig),
            };
            if let Action::Key(_) = action {
                guard::crash_if_asked();
            }
            let effect = match app.update(action) {
                Effect::Edit(request) => edit(term, app, workers, request),
                effect => effect,
            };
            workers.discard(app.take_garbage());
            if !workers.start(effect) {
                return Ok(0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Changed;
    use crate::store::FolderError;
    use crossterm::event::{KeyCode, KeyEvent};

    /// Keys, the mouse and sizes become the app's actions as they are; other terminal events
    /// are left out.
    #[test]
    fn terminal_events_become_the_apps_actions() {
        let key = KeyEvent::from(KeyCode::Char('j'));
        assert!(matches!(
            input_action(Event::Key(key)),
            Some(Action::Key(k)) if k == key
        ));
        assert!(matches!(
            input_action(Event::Resize(80, 24)),
            Some(Action::Resize {
                width: 80,
                height: 24
            })
        ));
        assert!(input_action(Event::FocusGained).is_none());
        assert!(matches!(
            input_action(Event::Paste("x\ny".into())),
            Some(Action::Paste(text)) if text == "x\ny"
        ));
    }

    /// Requests that queue up while the loader reads are taken as one: paths together, and a
    /// walk covering them all.
    #[test]
    fn queued_requests_are_taken_together() {
        let (a, b) = (PathBuf::from("/b/a.toml"), PathBuf::from("/b/c.toml"));
        let paths = LoadRequest::Paths(vec![a.clone()]).and(LoadRequest::Paths(vec![b.clone()]));
        assert_eq!(paths, LoadRequest::Paths(vec![a.clone(), b]));
        assert_eq!(
            LoadRequest::Paths(vec![a.clone()]).and(LoadRequest::Walk),
            LoadRequest::Walk
        );
        assert_eq!(
            LoadRequest::Walk.and(LoadRequest::Paths(vec![a])),
            LoadRequest::Walk
        );
    }

    /// The bytes a crash writes end a half-written sequence first, then every mode the app sets.
    #[test]
    fn the_restore_bytes_leave_every_mode_the_app_sets() {
        let bytes = String::from_utf8(restore_bytes()).expect("ASCII");
        assert!(bytes.starts_with('\u{18}'), "{bytes:?}");
        for mode in [
            "?2026l", "[0m", "?1000l", "?1002l", "?1003l", "?1006l", "?1049l", "?25h",
        ] {
            assert!(bytes.contains(mode), "{mode} missing from {bytes:?}");
        }
    }

    fn briefing(title: &str) -> String {
        format!("[session]\ntitle = \"{title}\"\ndate = 2024-03-13\n")
    }

    /// The next message from the loader, failing after a deadline.
    fn next(rx: &mpsc::Receiver<Msg>) -> Msg {
        rx.recv_timeout(std::time::Duration::from_secs(20))
            .expect("the loader answers")
    }

    fn changed(msg: Msg) -> Changed {
        match msg {
            Msg::App(Action::Changed(changed)) => match *changed {
                Ok(changed) => changed,
                Err(e) => panic!("the folder failed: {e}"),
            },
            _ => panic!("not a change"),
        }
    }

    /// The first load comes in growing parts, newest names first, then the index of them all;
    /// a changed file is then read alone, with its words folded for search.
    #[test]
    fn the_loader_sends_parts_then_the_index_then_single_changes() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = std::fs::canonicalize(tmp.path()).expect("root");
        let n = load::FIRST_PART + 10;
        for i in 0..n {
            std::fs::write(
                root.join(format!("{i:03}.toml")),
                briefing(&format!("B {i}")),
            )
            .expect("write");
        }
        let (tx, rx) = mpsc::channel();
        let job = LoadJob {
            dir: root.clone(),
            limits: store::Limits::default(),
            abbreviations: Arc::new(Abbreviations::default()),
        };
        let loader = spawn_loader(tx, job);
        let first = changed(next(&rx));
        assert_eq!(first.reading, Some((load::FIRST_PART, n)));
        assert_eq!(first.changes.read.len(), load::FIRST_PART);
        assert_eq!(
            first.changes.read[0].0,
            PathBuf::from(format!("{:03}.toml", n - 1))
        );
        assert!(
            first.prepared.is_empty(),
            "the loader indexes the first load itself"
        );
        assert!(first.index.is_none());
        let second = changed(next(&rx));
        assert_eq!(second.reading, Some((n, n)));
        assert_eq!(first.shared, Some(false), "said with the first part");
        assert_eq!(second.shared, None);
        let index = second.index.expect("the last part brings the index");
        assert_eq!(index.len(), n, "one title each");
        std::fs::write(root.join("005.toml"), briefing("Đổi")).expect("write");
        loader
            .send(LoadRequest::Paths(vec![root.join("005.toml")]))
            .expect("send");
        let one = changed(next(&rx));
        assert_eq!(one.reading, None);
        assert_eq!(one.changes.read.len(), 1, "the changed file alone");
        assert_eq!(one.prepared.len(), 1);
        std::fs::remove_file(root.join("006.toml")).expect("remove");
        loader.send(LoadRequest::Walk).expect("send");
        let walked = changed(next(&rx));
        assert_eq!(walked.changes.gone, [PathBuf::from("006.toml")]);
        assert!(walked.changes.read.is_empty(), "nothing else changed");
        std::fs::remove_dir_all(&root).expect("remove");
        loader.send(LoadRequest::Walk).expect("send");
        assert!(
            matches!(next(&rx), Msg::App(Action::Changed(c)) if matches!(*c, Err(FolderError::Missing(_)))),
            "a folder gone comes to the app as the change that failed"
        );
    }
}
