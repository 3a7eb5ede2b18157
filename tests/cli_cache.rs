//! The parse cache through the real binary: `list`, `check` and `report` print the same
//! without it, filling it and from it; `--no-cache`; a cache folder that cannot be written;
//! two processes filling one cache at once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

use briefing::api::store::Limits;
use briefing::api::store::cache::{Cache, Part, Used, load_dir_cached};
use common::clean;

/// Long after every file of the tests was written, so each is settled enough to be kept.
const NOW: &str = "2099-01-01T00:00:00+07:00";

/// The binary with no environment but its cache folder, `cache_home`, on `dir`.
fn briefing(dir: &Path, cache_home: &Path, args: &[&str]) -> Command {
    let mut c = clean();
    c.env("XDG_CACHE_HOME", cache_home)
        .arg("--dir")
        .arg(dir)
        .args(["--lang", "en", "--today", "2024-03-20", "--now", NOW])
        .args(args);
    c
}

fn run(mut command: Command) -> Output {
    command.output().expect("run briefing")
}

/// How a load in this process uses the cache the binary filled in `cache_home`.
fn cache_use(dir: &Path, cache_home: &Path) -> Used {
    let limits = Limits {
        now: Some(chrono::DateTime::parse_from_rfc3339(NOW).expect("now")),
        ..Limits::default()
    };
    let cache = Cache::in_dir(cache_home.join("briefing"));
    load_dir_cached(dir, &limits, &cache, Part::Whole)
        .expect("load")
        .1
}

fn project(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
}

/// `list`, `check`, and `report` (which reads the sessions' follow-up parts from the cache)
/// by each of its rows in each of its formats.
fn commands() -> Vec<Vec<&'static str>> {
    let mut commands = vec![
        vec!["list"],
        vec!["list", "--format", "json"],
        vec!["check"],
    ];
    for by in ["locality", "assignee", "session"] {
        for format in ["text", "markdown", "html", "csv", "json"] {
            commands.push(vec!["report", "--by", by, "--format", format]);
        }
    }
    commands
}

#[test]
fn list_check_and_report_print_the_same_without_the_cache_filling_it_and_from_it() {
    // Each folder, and whether it has a file without any problem (one the cache keeps).
    let folders = [
        ("briefings", true),
        ("tests/fixtures/v1", true),
        ("tests/fixtures/v2", false),
        ("tests/fixtures/v3", true),
        ("tests/fixtures/report", true),
    ];
    for (folder, kept) in folders {
        let dir = project(folder);
        // Each command fills a cache of its own, then reads it; the last one's serves below.
        let mut home = tempfile::tempdir().expect("cache home");
        for args in commands() {
            let args = args.as_slice();
            home = tempfile::tempdir().expect("cache home");
            let mut cold = briefing(&dir, home.path(), args);
            cold.arg("--no-cache");
            let cold = run(cold);
            let filling = run(briefing(&dir, home.path(), args));
            let warm = run(briefing(&dir, home.path(), args));
            for (what, out) in [("filling", &filling), ("warm", &warm)] {
                assert_eq!(
                    out.status.code(),
                    cold.status.code(),
                    "{folder} {args:?} {what}"
                );
                assert_eq!(
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&cold.stdout),
                    "{folder} {args:?} {what}"
                );
                assert_eq!(out.stderr, cold.stderr, "{folder} {args:?} {what}");
            }
        }
        // A cache `report` filled serves `list` too.
        let used = cache_use(&dir, home.path());
        assert_eq!(used.cached > 0, kept, "{folder}: {used:?}");
        assert!(!used.written, "{folder}: {used:?}");
    }
}

#[test]
fn no_cache_and_its_variable_neither_read_nor_write_one() {
    let dir = project("briefings");
    let home = tempfile::tempdir().expect("cache home");
    let mut flag = briefing(&dir, home.path(), &["list"]);
    flag.arg("--no-cache");
    assert!(run(flag).status.success());
    let mut variable = briefing(&dir, home.path(), &["check"]);
    variable.env("BRIEFING_NO_CACHE", "1");
    assert!(run(variable).status.success());
    assert!(!home.path().join("briefing").exists());
    assert!(run(briefing(&dir, home.path(), &["list"])).status.success());
    assert!(home.path().join("briefing").is_dir());
}

#[test]
fn a_cache_folder_that_cannot_be_written_is_left_alone() {
    let dir = project("briefings");
    let home = tempfile::tempdir().expect("cache home");
    let blocked = home.path().join("a-file");
    std::fs::write(&blocked, "").expect("write");
    let mut cold = briefing(&dir, home.path(), &["list"]);
    cold.arg("--no-cache");
    let cold = run(cold);
    let out = run(briefing(&dir, &blocked, &["list"]));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, cold.stdout);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn two_processes_filling_the_cache_at_once_leave_one_whole_cache() {
    let dir = tempfile::tempdir().expect("folder");
    let files = 400;
    for i in 0..files {
        let text = format!(
            "[session]\ntitle = \"Buổi {i}\"\ndate = 2024-{:02}-{:02}\n\n\
             [[directive]]\nid = \"d{i}\"\ntext = \"Chỉ đạo {i}\"\n",
            i % 12 + 1,
            i % 28 + 1
        );
        std::fs::write(dir.path().join(format!("{i:03}.toml")), text).expect("write");
    }
    for round in 0..3 {
        let home = tempfile::tempdir().expect("cache home");
        let children: Vec<_> = (0..2)
            .map(|_| {
                let mut c = briefing(dir.path(), home.path(), &["list"]);
                c.stdout(std::process::Stdio::piped());
                c.spawn().expect("spawn")
            })
            .collect();
        let outputs: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().expect("wait"))
            .collect();
        assert!(outputs.iter().all(|o| o.status.success()), "round {round}");
        assert_eq!(outputs[0].stdout, outputs[1].stdout, "round {round}");
        let used = cache_use(dir.path(), home.path());
        assert_eq!((used.cached, used.parsed), (files, 0), "round {round}");
        let left: Vec<_> = std::fs::read_dir(home.path().join("briefing"))
            .expect("cache folder")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(left.len(), 1, "round {round}: {left:?}");
    }
}
