//! A tmux server of the test's own, to drive the real binary as a person would.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server on its own socket, killed on drop.
pub(crate) struct Tmux {
    socket: String,
}

/// Whether tmux is there; without it a test is skipped with a notice, except in CI.
pub(crate) fn have_tmux() -> bool {
    let found = Command::new("tmux").arg("-V").output().is_ok();
    if !found {
        super::skip("no tmux");
    }
    found
}

impl Tmux {
    /// Runs `command` (a shell command line) in a new `width`×`height` window, in the
    /// repository's folder; `None` (with a notice) when tmux is missing.
    pub(crate) fn spawn(name: &str, width: u16, height: u16, command: &str) -> Option<Tmux> {
        if !have_tmux() {
            return None;
        }
        let tmux = Tmux {
            socket: format!("briefing-test-{name}-{}", std::process::id()),
        };
        let out = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-e",
            "BRIEFING_DIR=",
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(tmux)
    }

    pub(crate) fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
            .env_remove("TMUX")
            // The server passes its environment to the app: no config file of the machine's,
            // no colour or language choice of the person running the tests.
            .env("XDG_CONFIG_HOME", super::NO_CONFIG)
            .env_remove("NO_COLOR")
            .env_remove("BRIEFING_LANG")
            .output()
            .expect("tmux runs")
    }

    pub(crate) fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub(crate) fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    /// Polls the screen until it contains `text`, failing after a deadline.
    pub(crate) fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Polls the screen until `done` holds for it, failing after a deadline with `what`.
    pub(crate) fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A left click at `column`, `row` (from 0), as a terminal reports it (SGR mouse mode).
    pub(crate) fn click(&self, column: u16, row: u16) {
        let (x, y) = (column + 1, row + 1);
        self.keys(&["-l", &format!("\x1b[<0;{x};{y}M")]);
        self.keys(&["-l", &format!("\x1b[<0;{x};{y}m")]);
    }

    /// One turn of the wheel, down or up, at `column`, `row`.
    pub(crate) fn wheel(&self, down: bool, column: u16, row: u16) {
        let button = if down { 65 } else { 64 };
        self.keys(&["-l", &format!("\x1b[<{button};{};{}M", column + 1, row + 1)]);
    }

    /// A tmux format value of the pane (`#{mouse_sgr_flag}`).
    pub(crate) fn pane_value(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "0", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Presses `j` until `text` is on screen (one key at a time, polling in between), then
    /// `k` back up if it was passed (a reload redrawing meanwhile can make two keys look like one).
    pub(crate) fn move_down_to(&self, text: &str) {
        for key in ["j", "k"] {
            for _ in 0..40 {
                let before = self.screen();
                if before.contains(text) {
                    return;
                }
                self.keys(&[key]);
                let deadline = Instant::now() + Duration::from_secs(5);
                while self.screen() == before && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(10));
                }
                if self.screen() == before {
                    break;
                }
                self.settled();
            }
        }
        panic!("never reached {text:?}:\n{}", self.screen());
    }

    /// Waits (with a deadline) until two looks at the screen 20 ms apart agree: a frame seen
    /// while the terminal is still being written is not yet the answer to the last key.
    fn settled(&self) {
        let deadline = Instant::now() + Duration::from_secs(2);
        let mut last = self.screen();
        while Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
            let now = self.screen();
            if now == last {
                return;
            }
            last = now;
        }
    }

    pub(crate) fn wait_until_gone(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.run(&["has-session"]).status.success() {
            assert!(
                Instant::now() < deadline,
                "the app did not quit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A pane script's last lines say the app's exit status (`EXIT=code`) and, from `stty -a`,
/// the terminal modes afterwards (`SANE:icanon,echo,…`): the status is `code` and the modes a
/// shell needs are back.
pub(crate) fn assert_exit_and_sane_tty(screen: &str, code: i32) {
    assert!(screen.contains(&format!("EXIT={code}")), "{screen}");
    let sane = screen
        .lines()
        .find_map(|l| l.strip_prefix("SANE:"))
        .unwrap_or_default();
    for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            sane.split(',').any(|m| m == mode),
            "stty lacks {mode}:\n{screen}"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
