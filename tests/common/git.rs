//! Real git for the sharing tests: a bare repository and clones in a temporary folder, with a
//! fixed identity and a HOME of their own, so the machine's git config does not matter.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use briefing::api::git::merge::{State, states};
use briefing::api::store::write::{Change, WriteOptions, set_directive};
use chrono::DateTime;

pub(crate) use super::bin::BIN;
pub(crate) use super::have;
pub(crate) const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";

/// Checks off directive `id` of `session` in the clone `dir`, as the app does, at `at` (RFC
/// 3339) by `by`.
pub(crate) fn check_off_in(dir: &Path, session: &str, id: &str, at: &str, by: &str) {
    let change = Change::Done {
        at: DateTime::parse_from_rfc3339(at).expect("time"),
        by: by.to_string(),
    };
    set_directive(dir, session, id, &change, &WriteOptions::default()).expect("check off");
}

/// [`check_off_in`] the sample session.
pub(crate) fn check_off(dir: &Path, id: &str, at: &str, by: &str) {
    check_off_in(dir, SESSION, id, at, by);
}

/// The text of the sample session's file in the clone `dir`.
pub(crate) fn session_text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(format!("{SESSION}.toml"))).expect("read")
}

/// The check-off state of directive `id` of the sample session in the clone `dir`.
pub(crate) fn state(dir: &Path, id: &str) -> State {
    states(&session_text(dir))
        .expect("valid")
        .remove(id)
        .expect("directive")
}

/// A shared bare repository with the "province" and "commune" clones; `None` without git.
pub(crate) fn two_clones() -> Option<(Shared, PathBuf, PathBuf)> {
    if !have("git") {
        return None;
    }
    let shared = Shared::new();
    let province = shared.clone_as("province");
    let commune = shared.clone_as("commune");
    Some((shared, province, commune))
}

/// A bare "remote" and the folder the clones live in.
pub(crate) struct Shared {
    pub tmp: tempfile::TempDir,
}

impl Shared {
    /// A bare repository holding the sample briefings, set up for sharing by "province".
    pub(crate) fn new() -> Shared {
        let shared = Shared {
            tmp: tempfile::tempdir().expect("tmp"),
        };
        std::fs::create_dir(shared.home()).expect("home");
        let remote = shared.remote();
        shared.git(
            shared.tmp.path(),
            &["init", "-q", "--bare", "-b", "main", &remote],
        );
        let province = shared.clone_as("province");
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/2024");
        std::fs::create_dir(province.join("2024")).expect("mkdir");
        for entry in std::fs::read_dir(sample).expect("sample") {
            let entry = entry.expect("entry");
            std::fs::copy(entry.path(), province.join("2024").join(entry.file_name()))
                .expect("copy");
        }
        shared.git(&province, &["add", "."]);
        shared.git(&province, &["commit", "-q", "-m", "Briefings"]);
        shared.git(&province, &["push", "-q", "-u", "origin", "main"]);
        let o = shared.briefing(&province, "en", &["sync", "--setup"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let o = shared.briefing(&province, "en", &["sync"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        shared
    }

    pub(crate) fn home(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    pub(crate) fn remote(&self) -> String {
        self.tmp.path().join("remote.git").display().to_string()
    }

    pub(crate) fn office(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// Clones the remote as `name` (once) and gives its folder.
    pub(crate) fn clone_as(&self, name: &str) -> PathBuf {
        let dir = self.office(name);
        if !dir.exists() {
            let remote = self.remote();
            self.git(self.tmp.path(), &["clone", "-q", &remote, name]);
        }
        dir
    }

    fn env(&self, cmd: &mut Command, who: &str) {
        cmd.env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_AUTHOR_NAME", who)
            .env("GIT_AUTHOR_EMAIL", format!("{who}@example.vn"))
            .env("GIT_COMMITTER_NAME", who)
            .env("GIT_COMMITTER_EMAIL", format!("{who}@example.vn"))
            .env("GIT_AUTHOR_DATE", "2024-03-20T12:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2024-03-20T12:00:00+07:00")
            .env_remove("BRIEFING_DIR")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
    }

    /// Runs git in `dir` (as the office named by the folder), failing the test if it fails.
    pub(crate) fn git(&self, dir: &Path, args: &[&str]) -> String {
        self.git_as(dir, &who(dir), args)
    }

    /// Runs git in `dir` as the author and committer `who`, failing the test if it fails.
    pub(crate) fn git_as(&self, dir: &Path, who: &str, args: &[&str]) -> String {
        let mut cmd = Command::new("git");
        cmd.current_dir(dir).args(args);
        self.env(&mut cmd, who);
        let o = cmd.output().expect("git");
        assert!(o.status.success(), "git {args:?}: {}", text(&o.stderr));
        text(&o.stdout)
    }

    /// Runs `briefing --dir DIR --lang LANG ARGS` as the office of `dir`.
    pub(crate) fn briefing(&self, dir: &Path, lang: &str, args: &[&str]) -> Output {
        self.program(BIN, dir, lang, args)
    }

    /// Runs the program at `bin` (a copy of briefing) as [`Shared::briefing`] runs briefing.
    pub(crate) fn program(&self, bin: &str, dir: &Path, lang: &str, args: &[&str]) -> Output {
        output_when_executable(&mut self.command_of(bin, dir, lang, args))
    }

    /// `briefing --dir DIR --lang LANG ARGS` as the office of `dir` runs it, to be changed
    /// further (an environment variable added or taken away) before it runs.
    pub(crate) fn command(&self, dir: &Path, lang: &str, args: &[&str]) -> Command {
        self.command_of(BIN, dir, lang, args)
    }

    fn command_of(&self, bin: &str, dir: &Path, lang: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(bin);
        cmd.current_dir(dir)
            .arg("--dir")
            .arg(dir)
            .args(["--lang", lang, "--today", "2024-03-20"])
            .args(args);
        self.env(&mut cmd, &who(dir));
        cmd
    }
}

/// `cmd`'s output, for a program a test has just copied: while another test thread forks, the
/// child can hold the copy's write descriptor open until it execs, and running the copy then
/// fails with ETXTBSY ("text file busy"); that passes within moments, so it is tried again.
fn output_when_executable(cmd: &mut Command) -> Output {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match cmd.output() {
            Err(e)
                if e.raw_os_error() == Some(libc::ETXTBSY)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            result => return result.expect("briefing"),
        }
    }
}

fn who(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n == "province" || n == "commune")
        .unwrap_or_else(|| "setup".to_string())
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
