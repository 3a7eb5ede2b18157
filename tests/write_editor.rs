//! Editors and check-offs on one file: an editor's save is never overwritten, a check-off
//! reported saved is not lost, and a half-written file is never the base of a write (issue #8,
//! "What must hold" 4).

mod common;

use std::collections::BTreeSet;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::thread;
use std::time::{Duration, Instant};

use briefing::api::store::write::Change;
use common::{
    assert_refused, briefing_text, cli, done_ids, done_state, ids, read_text, run, session_of,
    stderr_of, stray_files, write_file,
};

/// How long the editor and the check-offs run side by side.
const RUN: Duration = Duration::from_millis(2500);
const EDITOR_EVERY: Duration = Duration::from_millis(50);
const CHECK_OFF_EVERY: Duration = Duration::from_millis(100);
const DIRECTIVES: usize = 30;

fn marker(n: usize) -> String {
    format!("# editor save {n}\n")
}

/// Directives whose check-off state differs between two complete texts.
fn changed(a: &str, b: &str) -> Vec<String> {
    if a == b {
        return Vec::new();
    }
    let (a, b) = (done_ids(a.as_bytes()), done_ids(b.as_bytes()));
    a.symmetric_difference(&b).cloned().collect()
}

/// Swaps `from` and `to` atomically (renameat2 RENAME_EXCHANGE).
fn exchange(from: &Path, to: &Path) {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, from, CWD, to, RenameFlags::EXCHANGE).expect("renameat2");
}

/// What the editor did: its saves, the check-offs it overwrote itself (detected exactly), and
/// the moments between its last look at the file and its truncation (an in-place save cannot
/// see a check-off landing there).
#[derive(Default)]
struct EditorLog {
    saves: usize,
    clobbered: BTreeSet<String>,
    blind: Vec<(Instant, Instant)>,
}

/// Saves every 50 ms, each time re-reading the file and appending a marker line: rename saves
/// (write a temporary file, exchange it with the file, look at what it displaced) alternate with
/// in-place saves (truncate, write in two pieces with a gap).
fn editor(file: &Path) -> EditorLog {
    let tmp = file.with_file_name(".s.toml.editor~");
    let mut log = EditorLog::default();
    let start = Instant::now();
    while start.elapsed() < RUN {
        let base = read_text(file);
        let new = base.clone() + &marker(log.saves);
        if log.saves % 2 == 0 {
            write_file(&tmp, new.as_bytes(), 0o644);
            exchange(&tmp, file);
            let displaced = read_text(&tmp);
            fs::remove_file(&tmp).expect("remove the editor's temp file");
            log.clobbered.extend(changed(&base, &displaced));
        } else {
            let looked = Instant::now();
            let current = read_text(file);
            log.clobbered.extend(changed(&base, &current));
            let mut f = OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(file)
                .expect("open for an in-place save");
            log.blind.push((looked, Instant::now()));
            let (first, second) = new.as_bytes().split_at(new.len() / 2);
            f.write_all(first).expect("first piece");
            thread::sleep(Duration::from_millis(2));
            f.write_all(second).expect("second piece");
        }
        log.saves += 1;
        thread::sleep(EDITOR_EVERY);
    }
    log
}

/// One check-off through the CLI: its directive, when it ran, and whether it reported success.
struct CheckOff {
    id: String,
    ran: (Instant, Instant),
    saved: bool,
}

fn check_offs(w: &Path) -> Vec<CheckOff> {
    let start = Instant::now();
    let mut out = Vec::new();
    for id in ids(DIRECTIVES) {
        if start.elapsed() >= RUN {
            break;
        }
        let began = Instant::now();
        let o = run(w, "en", &["done", "2024/s", &id]);
        let ran = (began, Instant::now());
        if !o.status.success() {
            assert_eq!(o.status.code(), Some(1), "{id}: {}", stderr_of(&o));
            eprintln!("{id} refused: {}", stderr_of(&o).trim());
        }
        out.push(CheckOff {
            id,
            ran,
            saved: o.status.success(),
        });
        thread::sleep(CHECK_OFF_EVERY);
    }
    out
}

fn overlaps(a: (Instant, Instant), b: (Instant, Instant)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

#[test]
fn an_editor_saving_every_50_ms_loses_no_save_and_no_reported_check_off() {
    let dir = tempfile::tempdir().expect("tempdir");
    let w = dir.path().to_path_buf();
    fs::create_dir(w.join("2024")).expect("mkdir");
    let file: PathBuf = w.join("2024/s.toml");
    write_file(&file, briefing_text(&ids(DIRECTIVES), 2).as_bytes(), 0o644);

    let (log, offs) = thread::scope(|s| {
        let ed = s.spawn(|| editor(&file));
        let co = s.spawn(|| check_offs(&w));
        (
            ed.join().expect("editor thread"),
            co.join().expect("check-off thread"),
        )
    });

    let end = read_text(&file);
    let lost_saves: Vec<usize> = (0..log.saves)
        .filter(|&n| !end.contains(&marker(n)))
        .collect();
    assert!(
        lost_saves.is_empty(),
        "{} of {} editor saves lost: {lost_saves:?}",
        lost_saves.len(),
        log.saves
    );
    assert_eq!(session_of(end.as_bytes()).districts.len(), 2);

    let saved: Vec<&CheckOff> = offs.iter().filter(|c| c.saved).collect();
    let lost: Vec<&str> = saved
        .iter()
        .filter(|c| done_state(end.as_bytes(), &c.id) != Some(true))
        .filter(|c| !log.clobbered.contains(&c.id))
        .filter(|c| !log.blind.iter().any(|&b| overlaps(b, c.ran)))
        .map(|c| c.id.as_str())
        .collect();
    eprintln!(
        "{} editor saves; {} of {} check-offs saved; overwritten by the editor itself: {:?}",
        log.saves,
        saved.len(),
        offs.len(),
        log.clobbered
    );
    assert!(
        lost.is_empty(),
        "check-offs reported saved were lost: {lost:?}"
    );
    assert!(
        saved.len() * 4 >= offs.len(),
        "most check-offs should get through between the editor's saves"
    );
    assert!(stray_files(&w.join("2024")).is_empty());
}

/// The editor truncated the file and wrote a valid prefix (session and directives, districts
/// still to come ~100 ms later): a check-off now must not make that prefix the file.
#[test]
fn a_half_written_in_place_save_is_never_written_back() {
    for (lang, busy) in [("en", ["edit", "saving"]), ("vi", ["đang", "sửa"])] {
        let dir = tempfile::tempdir().expect("tempdir");
        let w = dir.path();
        fs::create_dir(w.join("2024")).expect("mkdir");
        let file = w.join("2024/s.toml");
        let full = briefing_text(&ids(2), 2);
        let cut = full.find("\n[[district]]").expect("districts");
        let (prefix, rest) = full.split_at(cut);
        session_of(prefix.as_bytes());
        write_file(&file, full.as_bytes(), 0o644);

        let mut editor = OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&file)
            .expect("open for an in-place save");
        editor.write_all(prefix.as_bytes()).expect("first piece");
        let child = cli(w, lang, &["done", "2024/s", "d0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn briefing");
        thread::sleep(Duration::from_millis(100)); // the editor's pause between the pieces
        editor.write_all(rest.as_bytes()).expect("second piece");
        drop(editor);
        let o = child.wait_with_output().expect("wait for briefing");

        let end = read_text(&file);
        assert_eq!(
            session_of(end.as_bytes()).districts.len(),
            2,
            "{lang}: the second piece of the save was lost:\n{end}"
        );
        if o.status.success() {
            let d = session_of(end.as_bytes()).directives.remove(0);
            let (Some(at), Some(by)) = (d.more.done_at, d.more.done_by.clone()) else {
                panic!("{lang}: reported saved but not in the file:\n{end}");
            };
            let (expected, _) = common::edited(
                &full,
                "d0",
                &Change::Done {
                    at,
                    by: by.to_string(),
                },
            )
            .expect("the edit applies");
            assert_eq!(end, expected, "{lang}: the whole save plus the check-off");
        } else {
            assert_refused(&o, &busy, "a file being saved");
            assert_eq!(end, full, "{lang}: a refusal leaves the editor's save");
        }
    }
}
