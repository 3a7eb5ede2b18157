//! The real binary as the tests run it: a command line in an environment the machine cannot
//! change (none at all, or without `BRIEFING_DIR` and the machine's config), run to the end,
//! and its exit judged with both outputs in the failure.

use std::path::Path;
use std::process::{Command, Output};

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_briefing");

/// A config folder that holds no config file (inside the project's `target/tmp`), so that no
/// test reads the machine's `~/.config/briefing/config.toml`.
pub(crate) const NO_CONFIG: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config");

/// `briefing --dir DIR --lang LANG ARGS…`, not influenced by BRIEFING_DIR.
pub(crate) fn cli(dir: &Path, lang: &str, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--dir")
        .arg(dir)
        .args(["--lang", lang])
        .args(args)
        .env_remove("BRIEFING_DIR")
        .env("XDG_CONFIG_HOME", NO_CONFIG);
    c
}

/// Runs `briefing --dir DIR --lang LANG ARGS…` to the end.
pub(crate) fn run(dir: &Path, lang: &str, args: &[&str]) -> Output {
    cli(dir, lang, args).output().expect("run briefing")
}

/// The binary with no environment at all (no locale, `HOME`, config or `BRIEFING_*` variable),
/// started in the project's folder, so that a relative `--dir` names one of its folders.
pub(crate) fn clean() -> Command {
    let mut c = Command::new(BIN);
    c.env_clear().current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Runs `cmd` to the end and gives its standard output, which must be UTF-8; fails the test
/// unless it exits 0 (see [`succeeded`]).
#[track_caller]
pub(crate) fn run_ok(cmd: &mut Command) -> String {
    let o = cmd.output().expect("run briefing");
    succeeded(&o);
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

/// The standard output of a run that must have succeeded: exit 0, else the test fails with the
/// exit status and both outputs.
#[track_caller]
pub(crate) fn succeeded(o: &Output) -> String {
    succeeded_as(o, "briefing")
}

/// [`succeeded`], the failure naming `what` was run.
#[track_caller]
pub(crate) fn succeeded_as(o: &Output, what: &str) -> String {
    assert!(
        o.status.success(),
        "{what}: expected success, got {}\nstdout: {}\nstderr: {}",
        o.status,
        stdout_of(o),
        stderr_of(o)
    );
    stdout_of(o)
}

/// `text` with every run of white space one space, so wrapped lines read as one.
pub(crate) fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn stdout_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn stderr_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts a refusal: exit code 1 and a message on stderr holding one of `keywords`
/// (case-insensitive), so a test names the cause without fixing the exact wording.
#[track_caller]
pub(crate) fn assert_refused(o: &Output, keywords: &[&str], what: &str) {
    let err = stderr_of(o);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{what}: expected a refusal (exit 1); stdout: {} stderr: {err}",
        stdout_of(o)
    );
    let lower = err.to_lowercase();
    assert!(
        keywords.iter().any(|k| lower.contains(&k.to_lowercase())),
        "{what}: the message should name the cause (one of {keywords:?}): {err}"
    );
}
