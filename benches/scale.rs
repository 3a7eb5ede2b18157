//! Scale figures at N = 100, 1,000 and 10,000 generated sessions (issue #14): loading against
//! a bare single-thread TOML parse of the same files, the search index, the interface's first
//! frame, the CPU a check-off and a changed file cost, search per keystroke, and peak memory;
//! the shipped binary's commands, `check`, `list` and `report` without and with their parse cache.
//!
//! `cargo bench --bench scale` (all sizes) or `BRIEFING_SCALE_N=10000 cargo bench --bench scale`;
//! `BRIEFING_SCALE_FIGURES=keys,down` measures only those figures (the names in `FIGURES`, and
//! `long` for the 4 MB summary); `BRIEFING_SCALE_KEEP=DIR` also keeps each generated folder as
//! DIR/N (to profile or run the TUI on). Each size prints one table: every figure of issue 28
//! (one function each) beside the bare parse of the same files, measured in the same run.
//! The generator is deterministic: the same N gives the same files, byte for byte.
//!
//! The interface's figures drive the app as the terminal shell does, in this process: the
//! loader's own code reads the folder in parts (`api::load`), each part goes to `App::update`,
//! and frames are drawn on a ratatui `TestBackend` (no terminal). Peak memory is measured in a
//! child process (this benchmark run again with `BRIEFING_SCALE_CHILD=DIR`), which loads the
//! folder that way, then checks off a directive in each of a hundred sessions and takes a
//! reload, and reports the kernel's high-water mark (`VmHWM`) after each.

#![allow(unsafe_code, reason = "peak memory through getrusage")]

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use briefing::api::app::{Action, App, Effect, Loading, Options, SaveRequest, Screen};
use briefing::api::input::Keymap;
use briefing::api::load::{first_load, read_changes};
use briefing::api::model::Lang;
use briefing::api::search::SearchIndex;
use briefing::api::store::write::{Change, WriteOptions, Writer};
use briefing::api::store::{self, Folder, Limits};
use briefing::api::ui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

use common::{INDICATORS, PHRASES, PLACES, Rng, sentence};

/// One session of about 11 KB: a summary, twelve session-wide directives, three localities
/// with indicators and directives.
fn session_text(rng: &mut Rng, n: usize) -> String {
    let (a, b) = (rng.pick(PLACES), rng.pick(PLACES));
    let mut t = String::with_capacity(12 * 1024);
    let _ = writeln!(
        t,
        "version = 1\n\n[session]\ntitle = \"Ban Thường vụ Tỉnh ủy làm việc với {a} và {b} (số {n})\"\n\
         date = {}-{:02}-{:02}\nhost = \"Ban Thường vụ Tỉnh ủy\"\ntopic = \"{}\"\ntags = [\"NTM\", \"{}\"]\n\
         summary = \"\"\"\n{}\n\n{}\n\"\"\"\n",
        2015 + n % 12,
        n % 12 + 1,
        n % 28 + 1,
        sentence(rng, 2),
        rng.pick(PHRASES),
        sentence(rng, 6),
        sentence(rng, 6),
    );
    for p in 0..4 {
        let _ = writeln!(
            t,
            "[[session.participant]]\nname = \"Người dự {p}\"\nrole = \"{}\"\n",
            rng.pick(PHRASES)
        );
    }
    for d in 0..12 {
        let _ = writeln!(
            t,
            "[[directive]]\nid = \"chung-{d}\"\ntext = \"{}\"\nowner = \"Huyện ủy {a}, Huyện ủy {b}\"\ndue = 2025-12-31\n",
            sentence(rng, 3)
        );
    }
    for (k, place) in [a, b, rng.pick(PLACES)].iter().enumerate() {
        let _ = writeln!(
            t,
            "[[district]]\nname = \"{place} {k}\"\nsummary = \"{}\"\nhighlights = [\"{}\", \"{}\"]\n\
             shortcomings = [\"{}\"]\n",
            sentence(rng, 4),
            sentence(rng, 1),
            sentence(rng, 1),
            sentence(rng, 2)
        );
        for (i, name) in INDICATORS.iter().enumerate() {
            let _ = writeln!(
                t,
                "[[district.indicator]]\nname = \"{name}\"\nvalue = {}\nunit = \"tỷ đồng\"\n\
                 compare = [{{ label = \"so với năm trước\", percent = {} }}]\n",
                100 + rng.below(40_000),
                80 + rng.below(40) + i
            );
        }
        for d in 0..3 {
            let _ = writeln!(
                t,
                "[[district.directive]]\nid = \"d{k}-{d}\"\ntext = \"{}\"\n",
                sentence(rng, 2)
            );
        }
    }
    t
}

/// Writes `n` sessions under `dir` (one folder per year), deterministically.
fn generate(dir: &Path, n: usize) -> u64 {
    let mut rng = Rng::new(0x5EED_2026);
    let mut bytes = 0;
    for i in 0..n {
        let text = session_text(&mut rng, i);
        let year = dir.join(format!("{}", 2015 + i % 12));
        std::fs::create_dir_all(&year).expect("mkdir");
        std::fs::write(year.join(format!("s{i:05}.toml")), &text).expect("write");
        bytes += text.len() as u64;
    }
    bytes
}

/// Longer than the parse cache waits before it keeps a file (`store::cache::SETTLED`).
const SETTLED: Duration = Duration::from_secs(4);

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

/// Reads and parses every file with toml alone, on one thread: the floor a loader is measured against.
fn bare_parse(dir: &Path) -> usize {
    let (files, _) = store::discover(dir).expect("discover");
    files
        .iter()
        .map(|rel| {
            let text = std::fs::read_to_string(dir.join(rel)).expect("read");
            toml::from_str::<toml::Table>(&text).map_or(0, |t| t.len())
        })
        .sum()
}

/// The loader's own work on one thread: read and validate each file.
fn load_one_thread(dir: &Path) -> usize {
    let (files, _) = store::discover(dir).expect("discover");
    files
        .iter()
        .filter_map(|rel| {
            let bytes = std::fs::read(dir.join(rel)).expect("read");
            let id = store::id_of(rel);
            store::parse_file(&bytes, &id, &id).session
        })
        .count()
}

/// Peak resident memory of `briefing check` on `dir`, in KiB: its `VmHWM` read until it ends
/// (the kernel's rusage of a child would count this benchmark's own memory, inherited at the
/// spawn).
fn check_peak_kib(dir: &Path) -> Option<u64> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("--dir")
        .arg(dir)
        .args(["check", "--no-cache"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let status = format!("/proc/{}/status", child.id());
    let mut peak = None;
    while child.try_wait().ok()?.is_none() {
        let text = std::fs::read_to_string(&status).unwrap_or_default();
        let hwm = (text.lines())
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
        peak = hwm.or(peak);
        std::thread::sleep(Duration::from_millis(2));
    }
    peak
}

/// One run of the shipped binary on `dir` with `args`, its parse cache in `cache`: its wall
/// time and its peak memory in KiB (`VmHWM`, polled while it runs).
fn run_binary(dir: &Path, cache: &Path, args: &[&str]) -> (Duration, Option<u64>) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env_clear()
        .env("HOME", dir)
        .env("XDG_CACHE_HOME", cache)
        .arg("--dir")
        .arg(dir)
        .args(["--lang", "en", "--today", "2026-06-01"])
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run briefing");
    let status = format!("/proc/{}/status", child.id());
    let mut peak = None;
    while child.try_wait().ok().flatten().is_none() {
        let text = std::fs::read_to_string(&status).unwrap_or_default();
        let hwm = (text.lines())
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
        peak = hwm.or(peak);
        std::thread::sleep(Duration::from_micros(500));
    }
    (start.elapsed(), peak)
}

/// `briefing report` ÷ `briefing list` from the parse cache, run one after the other `runs`
/// times (each pair on the machine as it is then, so a slower moment weighs on both): the
/// median of the pairs' ratios, the lowest and the highest. Nothing polls the children.
fn report_over_list(dir: &Path, runs: usize) -> (f64, f64, f64) {
    let cache = tempfile::tempdir().expect("cache folder");
    let run = |command: &str| {
        let start = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .env_clear()
            .env("HOME", dir)
            .env("XDG_CACHE_HOME", cache.path())
            .arg("--dir")
            .arg(dir)
            .args(["--lang", "en", "--today", "2026-06-01", command])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("run briefing");
        assert!(status.success(), "briefing {command}");
        start.elapsed().as_secs_f64()
    };
    run("list");
    run("report");
    let mut ratios: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let list = run("list");
            run("report") / list
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    let (low, high) = (ratios[0], ratios[ratios.len() - 1]);
    (ratios[ratios.len() / 2], low, high)
}

/// The commands of issue 28's table, each run `runs` times on the shipped binary: the median
/// wall time and the largest peak memory. `check`, `list` and `report` run without their parse
/// cache (`cold`), then from it (`warm`: filled by a run before those timed).
fn commands(dir: &Path, runs: usize) -> Vec<(&'static str, Duration, Option<u64>)> {
    let (files, _) = store::discover(dir).expect("discover");
    let one = store::id_of(&files[files.len() / 2]);
    let cache = tempfile::tempdir().expect("cache folder");
    let list: [(&str, Vec<&str>); 11] = [
        ("check cold", vec!["check", "--no-cache"]),
        ("check warm", vec!["check"]),
        ("list cold", vec!["list", "--no-cache"]),
        ("list warm", vec!["list"]),
        ("report cold", vec!["report", "--no-cache"]),
        ("report warm", vec!["report"]),
        ("show ONE", vec!["show", &one]),
        ("done", vec!["done", &one, "chung-0"]),
        ("undo", vec!["undo", &one, "chung-0"]),
        (
            "progress",
            vec!["progress", &one, "chung-1", "--state", "doing"],
        ),
        ("show MISTYPED", vec!["show", "s0000"]),
    ];
    list.into_iter()
        .map(|(name, args)| {
            let mut times = Vec::new();
            let mut peak = None;
            if name.ends_with("warm") {
                run_binary(dir, cache.path(), &args);
            }
            for _ in 0..runs {
                let (time, hwm) = run_binary(dir, cache.path(), &args);
                times.push(time);
                peak = peak.max(hwm);
            }
            (name, median(times), peak)
        })
        .collect()
}

/// CPU time of the calling thread: a key's own work, whatever else the machine runs.
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// A field of /proc/self/status in KiB (`VmHWM`, `VmRSS`).
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    (status.lines())
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

fn new_app(dir: &Path) -> App {
    let mut app = App::new(Options {
        dir: dir.to_path_buf(),
        lang: Lang::En,
        today: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("day"),
        keymap: Keymap::default(),
        user: "lan".into(),
        mouse: false,
    });
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    app
}

/// Draws a frame as the shell does after handling its messages.
fn draw(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| app.draw(f, &Theme::default())).expect("draw");
}

/// Updates the app as the shell does: the garbage goes elsewhere (here: dropped at once, which
/// the shell leaves to its dropper thread; counted, to err on the safe side).
fn update(app: &mut App, action: Action) -> Effect {
    let effect = app.update(action);
    drop(app.take_garbage());
    effect
}

/// Loads `dir` into a new app as the shell does, in parts; the time to the first frame that
/// lists sessions, and to the last part (search ready).
fn load_app(dir: &Path, term: &mut Terminal<TestBackend>) -> (App, Folder, Duration, Duration) {
    let start = Instant::now();
    let mut app = new_app(dir);
    let mut folder = Folder::new(dir, Limits::default());
    let mut first = None;
    first_load(
        &mut folder,
        Default::default(),
        || false,
        |part| {
            update(&mut app, part);
            draw(term, &app);
            first.get_or_insert_with(|| start.elapsed());
            true
        },
    );
    assert!(matches!(app.loading(), Loading::Done), "loaded");
    let all = start.elapsed();
    (app, folder, first.unwrap_or(all), all)
}

fn key(app: &mut App, code: KeyCode) -> Effect {
    update(app, Action::Key(KeyEvent::from(code)))
}

/// Opens the newest session and selects a directive that Space saves.
fn open_a_directive(app: &mut App, term: &mut Terminal<TestBackend>) -> SaveRequest {
    key(app, KeyCode::Enter);
    for _ in 0..40 {
        if let Effect::Save(request) = key(app, KeyCode::Char(' ')) {
            return request;
        }
        key(app, KeyCode::Char('j'));
        draw(term, app);
    }
    panic!("no directive to check off");
}

/// One check-off as the shell and its saver do it: the key, the write, the confirmation, the
/// file read again; a frame after each. Returns the request the next Space makes.
fn check_off(dir: &Path, app: &mut App, term: &mut Terminal<TestBackend>, request: SaveRequest) {
    draw(term, app);
    let change = if request.done {
        Change::Done {
            at: chrono::Local::now().fixed_offset(),
            by: "lan".into(),
        }
    } else {
        Change::Undone
    };
    let writer = Writer::new(WriteOptions::default());
    let result = writer
        .set_directive(dir, &request.session_id, &request.directive_id, &change)
        .map(|_| change);
    let id = request.session_id.clone();
    update(app, Action::Saved { request, result });
    draw(term, app);
    let rel = format!("{id}.toml");
    let bytes = std::fs::read(dir.join(&rel)).expect("read");
    let session = store::parse_file(&bytes, &rel, &id).session.expect("valid");
    update(app, Action::Reread(Box::new(session)));
    draw(term, app);
}

/// Median CPU time of `runs` check-offs (each Space flips the directive back and forth).
fn checkoff_cpu(
    dir: &Path,
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    runs: usize,
) -> Duration {
    let mut request = open_a_directive(app, term);
    median(
        (0..runs)
            .map(|i| {
                if i > 0 {
                    // Un-checking asks first (issue 11); Enter confirms.
                    let effect = match key(app, KeyCode::Char(' ')) {
                        Effect::None => key(app, KeyCode::Enter),
                        effect => effect,
                    };
                    let Effect::Save(next) = effect else {
                        panic!("Space saves");
                    };
                    request = next;
                }
                let start = common::cpu_of(libc::RUSAGE_SELF);
                check_off(dir, app, term, request.clone());
                common::cpu_of(libc::RUSAGE_SELF) - start
            })
            .collect(),
    )
}

/// Median CPU time of a change by someone else to one file: the watcher's path to the
/// loader, the file read, the app updated, a frame drawn.
fn change_cpu(
    dir: &Path,
    folder: &mut Folder,
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    runs: usize,
) -> Duration {
    let (files, _) = store::discover(dir).expect("discover");
    median(
        (0..runs)
            .map(|i| {
                let rel = &files[(i * 7919) % files.len()];
                let path = dir.join(rel);
                let text = std::fs::read_to_string(&path).expect("read");
                let edited = text.replacen("(số ", "(sửa, số ", 1);
                std::fs::write(&path, edited).expect("write");
                let start = common::cpu_of(libc::RUSAGE_SELF);
                let plan = folder.changed(std::slice::from_ref(&path)).expect("plan");
                assert_eq!(plan.read.len(), 1, "the one file read");
                read_changes(folder, plan, |part| {
                    update(app, part);
                    draw(term, app);
                    true
                });
                common::cpu_of(libc::RUSAGE_SELF) - start
            })
            .collect(),
    )
}

/// Per keystroke, as typed into the search screen (the key handled and a frame drawn):
/// median and worst over four queries typed a letter at a time (`BRIEFING_SCALE_KEY_ROUNDS`
/// times, once by default: more to profile them; `BRIEFING_SCALE_KEY_TRACE` prints each), in
/// wall time and in this thread's CPU time (which a busy machine's other work leaves out).
fn keystrokes(app: &mut App, term: &mut Terminal<TestBackend>) -> [(Duration, Duration); 2] {
    let rounds = (std::env::var("BRIEFING_SCALE_KEY_ROUNDS").ok())
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let trace = std::env::var_os("BRIEFING_SCALE_KEY_TRACE").is_some();
    let queries = ["dam ha", "nong thon moi", "ma tuy", "du lich bien dao"];
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for query in queries.iter().cycle().take(queries.len() * rounds) {
        key(app, KeyCode::Char('/'));
        for (typed, c) in query.char_indices() {
            let (start, start_cpu) = (Instant::now(), thread_cpu_time());
            key(app, KeyCode::Char(c));
            draw(term, app);
            wall.push(start.elapsed());
            cpu.push(thread_cpu_time().saturating_sub(start_cpu));
            if trace {
                let (w, c) = (start.elapsed(), thread_cpu_time() - start_cpu);
                println!("  key {:?}: {} ({} CPU)", &query[..=typed], ms(w), ms(c));
            }
        }
        assert!(
            matches!(app.screen(), Some(Screen::Search(s)) if !s.hits().is_empty()),
            "{query} finds something"
        );
        key(app, KeyCode::Esc);
    }
    [wall, cpu].map(|times| {
        let worst = times.iter().max().copied().unwrap_or_default();
        (median(times), worst)
    })
}

/// The bytes a real terminal is sent for the session list, each frame inside the synchronized
/// update the shell wraps it in: a full frame (every cell written, as over a screen of other
/// text; the figures are against ratatui's, which the painter's erases make no smaller than
/// what a screen holds), and the median frame after a Down, twenty from the top (most of which scroll the
/// list). `painted`: as the shell sends frames (`Painter`: what changed, a block of rows that
/// moved as a scroll); else as ratatui's own `Terminal::draw` does (its diff of the cells), as
/// the shell did before. The app is put back at the top of the list.
fn bytes_per_down(app: &mut App, painted: bool) -> (usize, usize) {
    use briefing::api::paint::Painter;
    use crossterm::queue;
    use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{Frame, TerminalOptions, Viewport};
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
    };
    let mut term =
        Terminal::with_options(CrosstermBackend::new(Vec::<u8>::new()), options).expect("term");
    let mut painter = Painter::new();
    let mut frame_bytes = |app: Option<&App>| {
        let draw = |f: &mut Frame<'_>| match app {
            Some(app) => app.draw(f, &Theme::default()),
            None => {
                let area = f.area();
                for y in area.top()..area.bottom() {
                    let other = "░".repeat(WIDTH.into());
                    f.buffer_mut()
                        .set_string(0, y, other, ratatui::style::Style::default());
                }
            }
        };
        term.backend_mut().writer_mut().clear();
        queue!(term.backend_mut().writer_mut(), BeginSynchronizedUpdate).expect("queue");
        if painted {
            painter.draw(&mut term, draw).expect("draw");
        } else {
            term.draw(draw).expect("draw");
        }
        let out = term.backend_mut().writer_mut();
        queue!(out, EndSynchronizedUpdate).expect("queue");
        if std::env::var_os("BRIEFING_SCALE_DUMP").is_some() {
            println!("{}", String::from_utf8_lossy(out).escape_debug());
        }
        out.len()
    };
    frame_bytes(None);
    let full = frame_bytes(Some(app));
    let mut downs: Vec<usize> = (0..20)
        .map(|_| {
            key(app, KeyCode::Down);
            frame_bytes(Some(app))
        })
        .collect();
    key(app, KeyCode::Home);
    downs.sort_unstable();
    (full, downs[downs.len() / 2])
}

/// A session whose summary is about `bytes` long (the generator's sentences, in paragraphs of
/// varied length, or all in one paragraph), opened and read as a person would: the key that opens it (which wraps the
/// tab once), then PgDn, `j`, End and PgUp, each handled and drawn. The open key's time, and
/// the median and worst of the others.
fn long_summary(bytes: usize, one_paragraph: bool) -> (Duration, Duration, Duration) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rng = Rng::new(0x4D_B17E);
    let mut summary = String::with_capacity(bytes + 1024);
    while summary.len() < bytes {
        let parts = 2 + rng.below(12);
        summary.push_str(&sentence(&mut rng, parts));
        let new_paragraph = !one_paragraph && rng.below(5) == 0;
        summary.push_str(if new_paragraph { "\n\n" } else { " " });
    }
    let text = format!(
        "version = 1\n\n[session]\ntitle = \"Tóm tắt dài\"\ndate = 2026-01-01\n\
         summary = \"\"\"\n{summary}\n\"\"\"\n"
    );
    std::fs::write(dir.path().join("long.toml"), text).expect("write");
    let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("term");
    let (mut app, _, _, _) = load_app(dir.path(), &mut term);
    assert_eq!(app.catalog().sessions.len(), 1, "the long session loads");
    let press = |app: &mut App, term: &mut Terminal<TestBackend>, code| {
        let start = Instant::now();
        key(app, code);
        draw(term, app);
        start.elapsed()
    };
    let open = press(&mut app, &mut term, KeyCode::Enter);
    assert!(matches!(app.screen(), Some(Screen::Session(_))), "opened");
    let keys = [KeyCode::PageDown; 30]
        .into_iter()
        .chain([KeyCode::Char('j'); 30])
        .chain([KeyCode::End])
        .chain([KeyCode::PageUp; 30]);
    let times: Vec<Duration> = keys.map(|code| press(&mut app, &mut term, code)).collect();
    let worst = times.iter().max().copied().unwrap_or_default();
    (open, median(times), worst)
}

/// How many sessions the memory child checks a directive off in before its reload.
const CHECK_OFFS: usize = 100;

/// Checks off a directive in each of the first `n` sessions of the list, as a person would:
/// open the session, select a directive, Space (saved and read again as the saver does), back
/// to the list, down to the next session.
fn check_off_sessions(dir: &Path, app: &mut App, term: &mut Terminal<TestBackend>, n: usize) {
    for _ in 0..n {
        let request = open_a_directive(app, term);
        check_off(dir, app, term, request);
        key(app, KeyCode::Esc);
        key(app, KeyCode::Down);
        draw(term, app);
    }
}

/// The child of `memory_peak`: loads `dir` as the interface does, then checks off a directive
/// in each of a hundred sessions and takes a reload (the walk of `R`, which reads those files
/// again), and prints the high-water marks after the load and after the reload.
fn memory_child(dir: &Path) {
    briefing::api::alloc_tuning::keep_large_arrays_apart();
    let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("term");
    let (mut app, mut folder, _, _) = load_app(dir, &mut term);
    let loaded = status_kib("VmHWM");
    check_off_sessions(dir, &mut app, &mut term, CHECK_OFFS);
    let plan = folder.walk().expect("walk");
    let checked = CHECK_OFFS.min(app.catalog().sessions.len());
    assert!(plan.read.len() >= checked, "the checked files read again");
    read_changes(&mut folder, plan, |part| {
        update(&mut app, part);
        draw(&mut term, &app);
        true
    });
    println!("{loaded} {} {}", status_kib("VmHWM"), status_kib("VmRSS"));
}

/// Peak resident memory of the interface's loading of `dir`, and after a hundred check-offs and
/// a reload, in KiB.
fn memory_peak(dir: &Path) -> Option<(u64, u64)> {
    let out = Command::new(std::env::current_exe().ok()?)
        .env("BRIEFING_SCALE_CHILD", dir)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut numbers = text.split_whitespace().filter_map(|n| n.parse().ok());
    Some((numbers.next()?, numbers.next()?))
}

fn mib(kib: u64) -> String {
    format!("{} MiB", kib / 1024)
}

fn ms(d: Duration) -> String {
    format!("{:.1}ms", d.as_secs_f64() * 1e3)
}

/// One line of the table: a figure at one N, what it measured, its time against the bare
/// parse of the same files when it is a time, and the target issue 28 sets.
struct Row {
    figure: String,
    value: String,
    time: Option<Duration>,
    target: &'static str,
}

impl Row {
    fn new(figure: impl Into<String>, value: impl Into<String>, target: &'static str) -> Self {
        Row {
            figure: figure.into(),
            value: value.into(),
            time: None,
            target,
        }
    }

    fn time(figure: impl Into<String>, time: Duration, target: &'static str) -> Self {
        Row {
            time: Some(time),
            ..Row::new(figure, ms(time), target)
        }
    }
}

/// One size's folder and what its figures share: the bare parse every time is set against,
/// and the app loaded as the interface loads it (made once, for the figures that drive it).
struct Bench {
    n: usize,
    dir: tempfile::TempDir,
    bytes: u64,
    runs: usize,
    bare: Duration,
    /// When the files were written.
    generated: Instant,
    term: Terminal<TestBackend>,
    loaded: Option<(App, Folder)>,
}

impl Bench {
    fn new(n: usize) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let bytes = generate(dir.path(), n);
        let generated = Instant::now();
        if let Some(keep) = std::env::var_os("BRIEFING_SCALE_KEEP") {
            let keep = Path::new(&keep).join(n.to_string());
            if !keep.exists() {
                generate(&keep, n);
            }
        }
        let runs = if n >= 10_000 { 3 } else { 7 };
        let _ = bare_parse(dir.path());
        let bare = timed(runs, || bare_parse(dir.path()));
        let term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("term");
        Bench {
            n,
            dir,
            bytes,
            runs,
            bare,
            generated,
            term,
            loaded: None,
        }
    }

    fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The app loaded, its folder and the terminal it draws on.
    fn app(&mut self) -> (&mut App, &mut Folder, &mut Terminal<TestBackend>) {
        if self.loaded.is_none() {
            let (app, folder, _, _) = load_app(self.dir.path(), &mut self.term);
            self.loaded = Some((app, folder));
        }
        let (app, folder) = self.loaded.as_mut().expect("loaded");
        (app, folder, &mut self.term)
    }
}

/// Loading (issue 14): the loader on one thread and on every core, the index, `check`'s peak.
fn figure_loading(b: &mut Bench) -> Vec<Row> {
    let (dir, runs) = (b.dir.path(), b.runs);
    let single = timed(runs, || load_one_thread(dir));
    let load = timed(runs, || store::load_dir(dir).expect("load"));
    let catalog = store::load_dir(dir).expect("load");
    assert_eq!(catalog.sessions.len(), b.n, "every generated session loads");
    let index = timed(runs, || SearchIndex::build(&catalog.sessions));
    drop(catalog);
    let rss = check_peak_kib(dir).map_or("?".to_string(), mib);
    vec![
        Row::time("read + validate, 1 thread", single, ""),
        Row::time("load, every core", load, "÷ bare ≤ 0.55"),
        Row::time("index build", index, ""),
        Row::new("`check` peak (its VmHWM)", rss, ""),
    ]
}

/// The shipped binary's commands: wall time (median) and peak memory.
fn figure_commands(b: &mut Bench) -> Vec<Row> {
    let target = |name: &str| match name {
        "check cold" | "list cold" => "check ÷ bare ≤ 0.55",
        "check warm" | "list warm" => "≤ 500 ms",
        "show ONE" => "≤ 30 ms, ≤ 10 MB",
        "done" | "undo" => "0–30 ms (keep)",
        _ => "",
    };
    // The cache keeps only files written more than its settling time before a load.
    std::thread::sleep(SETTLED.saturating_sub(b.generated.elapsed()));
    let commands = commands(b.dir(), b.runs);
    let mut rows: Vec<Row> = (commands.iter())
        .map(|&(name, time, peak)| {
            let peak = peak.map_or("?".to_string(), mib);
            Row {
                value: format!("{}, {peak}", ms(time)),
                ..Row::time(format!("`{name}`"), time, target(name))
            }
        })
        .collect();
    let time_of = |wanted: &str| {
        (commands.iter())
            .find(|(name, _, _)| *name == wanted)
            .map(|&(_, time, _)| time.as_secs_f64())
    };
    if let (Some(report), Some(list)) = (time_of("report warm"), time_of("list warm")) {
        let ratio = format!("{:.2}", report / list);
        rows.push(Row::new("`report warm` ÷ `list warm`", ratio, ""));
    }
    let (median, low, high) = report_over_list(b.dir(), b.runs.max(9));
    let ratio = format!("{median:.2} ({low:.2}–{high:.2})");
    rows.push(Row::new("`report` ÷ `list`, run in turn", ratio, "≤ 1.5"));
    rows
}

/// The first frame with titles and the last part read (search ready), in-process.
fn figure_first_frame(b: &mut Bench) -> Vec<Row> {
    let loads: Vec<(Duration, Duration)> = (0..b.runs)
        .map(|_| {
            let (_, _, first, all) = load_app(b.dir.path(), &mut b.term);
            (first, all)
        })
        .collect();
    let first = median(loads.iter().map(|l| l.0).collect());
    let all = median(loads.iter().map(|l| l.1).collect());
    vec![
        Row::time("first frame with titles", first, "≤ 50 ms"),
        Row::time("all read, search ready", all, ""),
    ]
}

/// Bytes a Down in the session list sends, as the shell sends frames and as ratatui did.
fn figure_bytes_per_down(b: &mut Bench) -> Vec<Row> {
    let (app, _, _) = b.app();
    let (full, before) = bytes_per_down(app, false);
    let (_, down) = bytes_per_down(app, true);
    let ratio = |bytes: usize| format!("{:.3} ({bytes} B of {full})", bytes as f64 / full as f64);
    vec![
        Row::new("bytes per Down ÷ full frame", ratio(down), "≤ 0.10"),
        Row::new("  the same, as ratatui sends", ratio(before), ""),
    ]
}

/// A search keystroke, handled and drawn: median and worst.
fn figure_keys(b: &mut Bench) -> Vec<Row> {
    let (app, _, term) = b.app();
    let [(median, worst), (cpu_median, cpu_worst)] = keystrokes(app, term);
    vec![
        Row::time("search keystroke, median", median, "≤ 3 ms"),
        Row::time("search keystroke, worst", worst, "≤ 8 ms"),
        Row::time("  its CPU, median", cpu_median, ""),
        Row::time("  its CPU, worst", cpu_worst, ""),
    ]
}

/// The report view (`r`) after the load: the key handled and the view drawn, median; then
/// back to the list.
fn figure_report_view(b: &mut Bench) -> Vec<Row> {
    let runs = b.runs;
    let (app, _, term) = b.app();
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            key(app, KeyCode::Char('r'));
            draw(term, app);
            let time = start.elapsed();
            assert!(matches!(app.screen(), Some(Screen::Report(_))), "report");
            key(app, KeyCode::Esc);
            draw(term, app);
            time
        })
        .collect();
    vec![Row::time("report view drawn", median(times), "≤ 100 ms")]
}

/// CPU of a check-off (the key, the write, the file read again) and of a file changed by
/// someone else, each with its frame.
fn figure_changes(b: &mut Bench) -> Vec<Row> {
    let dir = b.dir.path().to_path_buf();
    let (app, folder, term) = b.app();
    let checkoff = checkoff_cpu(&dir, app, term, 21);
    key(app, KeyCode::Esc);
    let change = change_cpu(&dir, folder, app, term, 21);
    vec![
        Row::time("check-off in the app (CPU)", checkoff, ""),
        Row::time("1 file changed (CPU)", change, ""),
    ]
}

/// Peak memory of the interface's load and after a hundred check-offs and a reload, against
/// the bytes of the files.
fn figure_memory(b: &mut Bench) -> Vec<Row> {
    let memory = memory_peak(b.dir());
    let of_data = |kib: u64| format!("{:.2}", kib as f64 * 1024.0 / b.bytes as f64);
    let (peak, reload) = memory.map_or(("?".into(), "?".into()), |(load, after)| {
        (
            format!("{} ({} × data)", mib(load), of_data(load)),
            format!("{} ({} × data)", mib(after), of_data(after)),
        )
    });
    vec![
        Row::new("peak RSS (TUI) ÷ data", peak, "≤ 1.5"),
        Row::new("  after 100 check-offs and a reload", reload, "≤ 1.5"),
    ]
}

/// A figure: what it measures on one size's folder, as rows of the table.
type Figure = fn(&mut Bench) -> Vec<Row>;

/// The figures, in the order they are measured and printed, each by the name
/// `BRIEFING_SCALE_FIGURES` may list (comma-separated; all when unset).
const FIGURES: [(&str, Figure); 8] = [
    ("loading", figure_loading),
    ("commands", figure_commands),
    ("first-frame", figure_first_frame),
    ("down", figure_bytes_per_down),
    ("keys", figure_keys),
    ("report", figure_report_view),
    ("changes", figure_changes),
    ("memory", figure_memory),
];

/// Whether figure `name` is measured in this run.
fn wanted(name: &str) -> bool {
    match std::env::var("BRIEFING_SCALE_FIGURES") {
        Ok(list) => list.split(',').any(|w| w.trim() == name),
        Err(_) => true,
    }
}

/// One size's table: every figure with the bare parse of the same files beside it.
fn print_table(b: &Bench, rows: &[Row]) {
    println!(
        "N = {}: {:.1} MB; bare single-thread toml parse {} (the floor)",
        b.n,
        b.bytes as f64 / 1e6,
        ms(b.bare)
    );
    println!(
        "  {:<32} {:>26} {:>8}  target",
        "figure", "measured", "÷ bare"
    );
    for row in rows {
        let ratio = row.time.map_or(String::new(), |t| {
            format!("{:.3}", t.as_secs_f64() / b.bare.as_secs_f64())
        });
        println!(
            "  {:<32} {:>26} {:>8}  {}",
            row.figure, row.value, ratio, row.target
        );
    }
    println!();
}

/// A 4 MB summary opened and read (once, whatever the sizes).
fn long_summaries() {
    for (one, shape) in [(false, "in paragraphs"), (true, "in one paragraph")] {
        let (open, scroll, worst) = long_summary(4_000_000, one);
        println!(
            "a 4 MB summary {shape}: opened in {}, then PgDn / j / End / PgUp median {}, \
             worst {} (each key handled and drawn)",
            ms(open),
            ms(scroll),
            ms(worst)
        );
    }
}

fn main() {
    if let Some(dir) = std::env::var_os("BRIEFING_SCALE_CHILD") {
        memory_child(Path::new(&dir));
        return;
    }
    let sizes: Vec<usize> = match std::env::var("BRIEFING_SCALE_N") {
        Ok(n) => n.split(',').filter_map(|s| s.trim().parse().ok()).collect(),
        Err(_) => vec![100, 1_000, 10_000],
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!("cores: {cores}\n");
    for n in sizes {
        let mut bench = Bench::new(n);
        let mut rows = Vec::new();
        for (name, figure) in FIGURES {
            if wanted(name) {
                rows.extend(figure(&mut bench));
            }
        }
        print_table(&bench, &rows);
    }
    if wanted("long") {
        long_summaries();
    }
    println!(
        "(commands: the shipped binary's wall time, median, and its peak memory; ÷ bare: a time \
         against the bare single-thread parse of the same files in this run; bytes per Down: \
         sent to the terminal for a Down in the session list, median of twenty from the top, \
         against a full frame (every cell written, as ratatui sends it); first frame: from the \
         start of the load to the first list drawn; all read: to the last part, search ready; \
         check-off and one changed file: CPU of this process; keys: typed into the search \
         screen, handled and drawn; report view: `r` handled and drawn after the load; peak: \
         VmHWM of a child loading as the interface does, then after a hundred check-offs (one a \
         session) and a reload; `report` ÷ `list` run in turn: the median of the ratios of nine \
         or more pairs run one after the other from the parse cache, the lowest and highest in \
         brackets)"
    );
}
