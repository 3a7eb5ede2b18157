//! Commands that name one session (`show`, `done`, `undo`, `progress`) read that session's file alone,
//! whatever the size of the folder: the bytes a run reads (its `rchar`, read from `/proc` once it
//! has ended and before it is reaped) stay far below the folder's. A name that fits no file
//! walks the folder's names for "did you mean", and reads no briefing either.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Stdio;

use rustix::process::{Pid, WaitId, WaitIdOptions, waitid};

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";

/// The sample folder and 400 more copies of its briefing (6.8 MB).
fn big_folder() -> (tempfile::TempDir, u64) {
    let dir = common::sample_folder();
    let sample = std::fs::read(dir.path().join(format!("{SESSION}.toml"))).expect("sample");
    let more = dir.path().join("2023");
    std::fs::create_dir(&more).expect("mkdir");
    for i in 0..400 {
        std::fs::write(more.join(format!("copy-{i:03}.toml")), &sample).expect("write");
    }
    (dir, 401 * sample.len() as u64)
}

/// What a run of the binary printed, its success, and the bytes it read.
struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
    read: u64,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let home = tempfile::tempdir().expect("home");
    let mut child = common::clean()
        .env("HOME", home.path())
        .arg("--dir")
        .arg(dir)
        .args(["--lang", "en", "--today", "2024-03-20"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run briefing");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let pid = Pid::from_child(&child);
    waitid(
        WaitId::Pid(pid),
        WaitIdOptions::EXITED | WaitIdOptions::NOWAIT,
    )
    .expect("waitid");
    let io = std::fs::read_to_string(format!("/proc/{}/io", child.id())).expect("/proc/PID/io");
    let read = (io.lines())
        .find_map(|l| l.strip_prefix("rchar:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("rchar");
    let ok = child.wait().expect("wait").success();
    Run {
        ok,
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
        read,
    }
}

/// At most this many bytes read by a run that reads one briefing (its own file, the sample's
/// 17 KB, possibly twice, and what the process reads besides: `/proc` for a check-off).
const ONE_FILE: u64 = 1 << 20;

#[test]
fn show_reads_the_one_file() {
    let (dir, bytes) = big_folder();
    assert!(bytes > 6 * ONE_FILE, "the folder is large");
    for given in [SESSION, "2024-03-13-hai-ha-dam-ha", "2023/copy-007.toml"] {
        let out = run(dir.path(), &["show", given]);
        assert!(out.ok, "{given}: {}", out.stderr);
        assert!(out.stdout.contains("Hải Hà"), "{given}: {}", out.stdout);
        assert!(out.read < ONE_FILE, "{given}: read {} bytes", out.read);
    }
}

#[test]
fn a_mistyped_name_walks_names_and_reads_no_briefing() {
    let (dir, _) = big_folder();
    let out = run(dir.path(), &["show", "2024/2024-03-13-hai-ha-dam"]);
    assert!(!out.ok);
    assert!(
        out.stderr.contains(&format!("did you mean \"{SESSION}\"")),
        "{}",
        out.stderr
    );
    assert!(out.read < ONE_FILE, "read {} bytes", out.read);
}

#[test]
fn a_file_that_does_not_load_is_said_from_itself() {
    let (dir, _) = big_folder();
    std::fs::write(
        dir.path().join("2023/copy-001.toml"),
        "[session]\ntitle = 1\n",
    )
    .expect("write");
    let out = run(dir.path(), &["show", "2023/copy-001"]);
    assert!(!out.ok);
    assert!(out.stderr.contains("did not load"), "{}", out.stderr);
    assert!(out.stderr.contains("2023/copy-001.toml:"), "{}", out.stderr);
    assert!(out.read < ONE_FILE, "read {} bytes", out.read);
}

#[test]
fn done_undo_and_progress_read_the_one_file() {
    let (dir, _) = big_folder();
    let runs: [&[&str]; 3] = [
        &["done", SESSION, "hh-ma-tuy"],
        &["undo", SESSION, "hh-ma-tuy"],
        &["progress", SESSION, "hh-ma-tuy", "--state", "doing"],
    ];
    for args in runs {
        let out = run(dir.path(), args);
        assert!(out.ok, "{args:?}: {}", out.stderr);
        assert!(out.read < ONE_FILE, "{args:?}: read {} bytes", out.read);
    }
}
