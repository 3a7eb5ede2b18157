//! The terminal shell around the app: set-up and restore, the event loop,
//! background loading, signals. Draws only when something happens.

use std::io::{self, BufWriter, Stdout, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;

use crossterm::event::Event;
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute, queue, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

use crate::app::{Action, App, Effect, HistoryRequest, Loaded, Options, SaveRequest};
use crate::git::GitError;
use crate::git::history::{self, Filter};
use crate::i18n;
use crate::store::write::{self, Change, WriteError, WriteOptions, Writer};
use crate::store::{self, FolderError};
use crate::ui::theme::Theme;

/// What wakes the event loop.
enum Msg {
    Input(Event),
    Signal(i32),
    /// A load finished; the number tells newer loads from older ones.
    Loaded(u64, Box<Result<Loaded, FolderError>>),
    /// Briefing files changed on disk.
    FilesChanged,
    Saved(SaveRequest, Result<Change, WriteError>),
    History(HistoryRequest, Result<Vec<history::Event>, GitError>),
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

fn setup() -> io::Result<Term> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    let writer = FrameWriter(BufWriter::with_capacity(1 << 18, io::stdout()));
    Terminal::new(CrosstermBackend::new(writer))
}

/// Puts the terminal back as it was; safe to call more than once.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, cursor::Show);
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

fn spawn_input(tx: mpsc::Sender<Msg>) {
    thread::spawn(move || {
        while let Ok(ev) = crossterm::event::read() {
            if tx.send(Msg::Input(ev)).is_err() {
                break;
            }
        }
    });
}

fn spawn_signals(tx: mpsc::Sender<Msg>) -> io::Result<()> {
    // Raw mode turns Ctrl-C and Ctrl-\\ into keys, so SIGINT and SIGQUIT come
    // only from outside (kill, a supervisor); each ends the app like SIGTERM.
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = tx.send(Msg::Signal(sig));
        }
    });
    Ok(())
}

fn spawn_loader(tx: mpsc::Sender<Msg>, dir: PathBuf, limits: store::Limits, generation: u64) {
    thread::spawn(move || {
        let result = Box::new(store::load_dir_with(&dir, &limits).map(|catalog| Loaded {
            shared: crate::git::Repo::find(&dir).is_ok(),
            ..Loaded::new(catalog)
        }));
        let _ = tx.send(Msg::Loaded(generation, result));
    });
}

/// Watches the folder from its own thread, so that setting up the watches of
/// a big folder never delays the first frame. Without a watcher (folder
/// missing, inotify limits) the app still works; it just won't live-reload.
fn spawn_watcher(tx: mpsc::Sender<Msg>, dir: PathBuf) {
    thread::spawn(move || {
        let watcher = crate::watch::spawn(dir, move || {
            let _ = tx.send(Msg::FilesChanged);
        });
        if watcher.is_ok() {
            loop {
                thread::park();
            }
        }
    });
}

/// Writes check-offs one after another, in the order they were asked for.
fn spawn_saver(
    tx: mpsc::Sender<Msg>,
    dir: PathBuf,
    user: String,
    opts: WriteOptions,
) -> mpsc::Sender<SaveRequest> {
    let (requests, rx) = mpsc::channel::<SaveRequest>();
    thread::spawn(move || {
        let writer = Writer::new(opts);
        for request in rx {
            let change = if request.done {
                Change::Done {
                    at: write::now_local(),
                    by: user.clone(),
                }
            } else {
                Change::Undone
            };
            let result = writer
                .set_directive(&dir, &request.session_id, &request.directive_id, &change)
                .map(|_| change);
            if tx.send(Msg::Saved(request, result)).is_err() {
                break;
            }
        }
    });
    requests
}

/// Reads one directive's check-off history from git on its own thread.
fn spawn_history(tx: mpsc::Sender<Msg>, dir: PathBuf, request: HistoryRequest) {
    thread::spawn(move || {
        let filter = Filter {
            session: Some(request.session_id.clone()),
            directive: Some(request.directive_id.clone()),
        };
        let result = crate::git::Repo::find(&dir).and_then(|repo| history::log(&repo, &filter));
        let _ = tx.send(Msg::History(request, result));
    });
}

/// Loads in the background, one load at a time: changes during a load ask for
/// one more load after it, and only the newest load's result is shown.
struct Loader {
    tx: mpsc::Sender<Msg>,
    dir: PathBuf,
    limits: store::Limits,
    started: u64,
    running: bool,
    queued: bool,
}

impl Loader {
    fn start(&mut self) {
        if self.running {
            self.queued = true;
            return;
        }
        self.started += 1;
        self.running = true;
        spawn_loader(self.tx.clone(), self.dir.clone(), self.limits, self.started);
    }

    /// A load ended; true when its result is the one to show.
    fn finished(&mut self, generation: u64) -> bool {
        self.running = false;
        if self.queued {
            self.queued = false;
            self.start();
            return false;
        }
        generation == self.started
    }
}

fn draw(term: &mut Term, app: &App, theme: &Theme) -> io::Result<()> {
    queue!(term.backend_mut().writer_mut(), BeginSynchronizedUpdate)?;
    term.draw(|frame| app.draw(frame, theme))?;
    queue!(term.backend_mut().writer_mut(), EndSynchronizedUpdate)?;
    term.backend_mut().writer_mut().commit()
}

/// What a message means for the loop.
enum Step {
    Act(Action),
    Ignore,
    /// A signal ended the session: exit with 128 + its number.
    Stop(i32),
}

fn step(msg: Msg, loader: &mut Loader) -> Step {
    match msg {
        Msg::Input(Event::Key(key)) => Step::Act(Action::Key(key)),
        Msg::Input(Event::Resize(width, height)) => Step::Act(Action::Resize { width, height }),
        Msg::Input(_) => Step::Ignore,
        Msg::Loaded(generation, result) if loader.finished(generation) => {
            Step::Act(Action::Loaded(result))
        }
        Msg::Loaded(..) => Step::Ignore,
        Msg::FilesChanged => {
            loader.start();
            Step::Ignore
        }
        Msg::Saved(request, result) => Step::Act(Action::Saved { request, result }),
        Msg::History(request, result) => Step::Act(Action::History { request, result }),
        Msg::Signal(sig) => Step::Stop(sig),
    }
}

/// Waits (briefly) for saves still under way, so quitting never cuts a write
/// short; returns what could not be saved, to be said once the screen is back.
fn finish_saves(app: &mut App, rx: &mpsc::Receiver<Msg>) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let mut problems = Vec::new();
    while app.has_pending_saves() {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(Msg::Saved(request, result)) => {
                if let Err(e) = &result {
                    let reason = i18n::write_error(app.lang(), e);
                    problems.push(format!("{}: {reason}", request.directive_id));
                }
                app.update(Action::Saved { request, result });
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

/// Runs the interface, drawn in `theme`, until the user quits; returns the exit status.
/// `follow_clock`: "today" moves on at midnight (no `--today` was given).
pub fn run(
    options: Options,
    theme: Theme,
    follow_clock: bool,
    limits: store::Limits,
) -> io::Result<i32> {
    let (tx, rx) = mpsc::channel();
    let mut loader = Loader {
        tx: tx.clone(),
        dir: options.dir.clone(),
        limits,
        started: 0,
        running: false,
        queued: false,
    };
    loader.start();
    spawn_watcher(tx.clone(), options.dir.clone());
    let saver = spawn_saver(
        tx.clone(),
        options.dir.clone(),
        options.user.clone(),
        WriteOptions {
            max_file_size: limits.max_file_size,
            ..WriteOptions::default()
        },
    );
    install_panic_hook();
    spawn_signals(tx.clone())?;
    let mut term = setup()?;
    let guard = Restore;
    spawn_input(tx);
    let mut app = App::new(options);
    let size = term.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let clock = follow_clock.then_some(local_today as fn() -> chrono::NaiveDate);
    let status = event_loop(&mut term, &mut app, &theme, &rx, &mut loader, &saver, clock);
    let problems = finish_saves(&mut app, &rx);
    drop(guard);
    for p in &problems {
        let _ = writeln!(
            crate::safe::err(),
            "briefing: {} {p}",
            i18n::strings(app.lang()).not_saved
        );
    }
    match status {
        Ok(0) if !problems.is_empty() => Ok(1),
        other => other,
    }
}

fn event_loop(
    term: &mut Term,
    app: &mut App,
    theme: &Theme,
    rx: &mpsc::Receiver<Msg>,
    loader: &mut Loader,
    saver: &mpsc::Sender<SaveRequest>,
    clock: Option<fn() -> chrono::NaiveDate>,
) -> io::Result<i32> {
    loop {
        if let Some(today) = clock.map(|now| now())
            && today != app.today()
        {
            app.update(Action::Today(today));
        }
        draw(term, app, theme)?;
        let Ok(first) = rx.recv() else {
            return Ok(0);
        };
        // Handle everything already waiting (a resize storm, pasted keys) before drawing once.
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            match step(msg, loader) {
                Step::Act(action) => match app.update(action) {
                    Effect::Quit => return Ok(0),
                    Effect::Save(request) => {
                        let _ = saver.send(request);
                    }
                    Effect::LoadHistory(request) => {
                        spawn_history(loader.tx.clone(), app.dir().to_path_buf(), request);
                    }
                    Effect::None => {}
                },
                Step::Ignore => {}
                Step::Stop(sig) => return Ok(128 + sig),
            }
        }
    }
}
