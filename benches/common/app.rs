//! What the benchmarks that drive the app or the binary share: the binary timed on a folder,
//! the app loaded as the shell loads it, a command pressed by its first key.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use briefing::api::app::{Action, App, Loading, Options};
use briefing::api::input::{Command as Key, Keymap};
use briefing::api::load::first_load;
use briefing::api::model::Lang;
use briefing::api::store::{Folder, Limits};
use crossterm::event::KeyEvent;

pub(crate) fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The wall time of the binary with `args` on `dir` (no environment, `--today 2026-06-01`,
/// Vietnamese), the median of `runs`.
pub(crate) fn run(dir: &Path, args: &[&str], runs: usize) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
                    .env_clear()
                    .arg("--dir")
                    .arg(dir)
                    .args(["--today", "2026-06-01", "--lang", "vi"])
                    .args(args)
                    .output()
                    .expect("run briefing");
                assert!(
                    out.status.success(),
                    "{args:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                start.elapsed()
            })
            .collect(),
    )
}

/// The app on `dir`, loaded as the shell loads it.
pub(crate) fn loaded_app(dir: &Path, width: u16, height: u16) -> App {
    let mut app = App::new(Options {
        dir: dir.to_path_buf(),
        lang: Lang::Vi,
        today: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("day"),
        keymap: Keymap::default(),
        user: "lan".into(),
        mouse: false,
    });
    app.update(Action::Resize { width, height });
    let mut folder = Folder::new(dir, Limits::default());
    first_load(
        &mut folder,
        Default::default(),
        || false,
        |part| {
            app.update(part);
            drop(app.take_garbage());
            true
        },
    );
    assert!(matches!(app.loading(), Loading::Done), "loaded");
    app
}

/// Command `c`, pressed by its first key in the default keymap.
pub(crate) fn press(app: &mut App, c: Key) {
    let keymap = Keymap::default();
    let key = keymap.keys(c).first().copied().expect("a key");
    app.update(Action::Key(KeyEvent::new(key.code, key.mods)));
}
