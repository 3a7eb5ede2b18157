//! A writer killed at any moment leaves the whole old or the whole new text, and the next writer
//! of the file removes the temporary files a dead writer left; they are never loaded (issue #8,
//! "What must hold" 7).

mod common;

use std::path::Path;
use std::process::Stdio;
use std::thread::sleep;
use std::time::{Duration, Instant};

use briefing::api::store::write::Change;
use common::rng::Rng;
use common::{
    briefing_text, cli, done_state, ids, read, read_text, run, session_of, stderr_of, stdout_of,
    stray_files, write_file,
};

const KILLS: usize = 300;
/// A full write after every this many kills, then the folder is checked for leftovers.
const CLEAN_EVERY: usize = 10;
/// A dead writer's temporary file, planted: the next writer removes it.
const DEAD_TEMP: &str = ".s.toml.dead0123.briefing-tmp";
/// Hidden files that are not ours (an editor's swap file, and an editor's save that a killed
/// writer displaced: another inode than its name says, and not the version it names): they stay.
const FOREIGN: [&str; 3] = [".s.toml.swp", ".keep", ".s.toml.1.2-3-4-5.briefing-tmp"];
const UNLOADED_TITLE: &str = "Không bao giờ được nạp";

/// `now` is `old`, or `old` with `verb` applied to `id` (the stamp read back from `now`).
fn assert_whole_old_or_new(old: &str, now: &str, id: &str, verb: &str, n: usize) {
    if now == old {
        return;
    }
    let change = if verb == "undo" {
        Change::Undone
    } else {
        let session = session_of(now.as_bytes());
        let d = session
            .directives
            .iter()
            .find(|d| d.id == id)
            .expect("directive");
        match (d.more.done_at, &d.more.done_by) {
            (Some(at), Some(by)) => Change::Done {
                at,
                by: by.to_string(),
            },
            _ => panic!("kill {n}: neither the old nor the new text:\n{now}"),
        }
    };
    let (new, _) = common::edited(old, id, &change).expect("the edit applies");
    assert_eq!(now, new, "kill {n}: neither the old nor the new text");
}

fn plant_leftovers(folder: &Path) {
    let other = briefing_text(&ids(1), 0).replace("Kiểm tra ghi", UNLOADED_TITLE);
    write_file(&folder.join(DEAD_TEMP), other.as_bytes(), 0o600);
    for name in FOREIGN {
        write_file(&folder.join(name), b"not a briefing", 0o600);
    }
}

/// After a complete write: only the foreign hidden files remain, and discovery sees one file.
fn assert_clean(w: &Path, folder: &Path, n: usize) {
    let stray: Vec<String> = stray_files(folder)
        .into_iter()
        .filter(|s| !FOREIGN.contains(&s.as_str()))
        .collect();
    assert!(
        stray.is_empty(),
        "after kill {n} and a full write, leftovers remain: {stray:?}"
    );
    for name in FOREIGN {
        assert!(folder.join(name).exists(), "{name} is not the writer's");
    }
    let check = run(w, "en", &["check"]);
    common::succeeded(&check);
    let list = run(w, "en", &["list"]);
    for o in [&check, &list] {
        let out = stdout_of(o) + &stderr_of(o);
        assert!(
            !out.contains("briefing-tmp"),
            "a temp file was found: {out}"
        );
        assert!(
            !out.contains(UNLOADED_TITLE),
            "a temp file was loaded: {out}"
        );
    }
    assert!(stdout_of(&check).starts_with("1 "), "{}", stdout_of(&check));
}

/// Toggles `d0` to the end, and gives the window to kill a writer in: 1.25 × the time it took,
/// at least 4 ms.
fn complete_write(w: &Path, file: &Path) -> Duration {
    let verb = match done_state(&read(file), "d0") {
        Some(true) => "undo",
        _ => "done",
    };
    let began = Instant::now();
    let o = run(w, "en", &[verb, "2024/s", "d0"]);
    common::succeeded(&o);
    (began.elapsed() * 5 / 4).max(Duration::from_millis(4))
}

#[test]
fn a_killed_writer_leaves_the_whole_old_or_new_text_and_the_next_writer_cleans_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let w = dir.path();
    let folder = w.join("2024");
    std::fs::create_dir(&folder).expect("mkdir");
    let file = folder.join("s.toml");
    write_file(&file, briefing_text(&ids(3), 1).as_bytes(), 0o644);
    plant_leftovers(&folder);
    let mut rng = Rng::new(0x2024_0313);
    // Kills are spread over the whole life of a writer, however long it takes (a settle-time
    // wait included): a seeded moment within 1.25 × the last complete write.
    let mut window = complete_write(w, &file);
    let (mut unchanged, mut changed) = (0, 0);
    for n in 0..KILLS {
        let old = read_text(&file);
        let id = format!("d{}", n % 3);
        let verb = match done_state(old.as_bytes(), &id) {
            Some(true) => "undo",
            _ => "done",
        };
        let mut child = cli(w, "en", &[verb, "2024/s", &id])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn briefing");
        sleep(rng.within(window));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        let now = read_text(&file);
        if now == old {
            unchanged += 1;
        } else {
            changed += 1;
        }
        assert_whole_old_or_new(&old, &now, &id, verb, n);
        if n % CLEAN_EVERY == CLEAN_EVERY - 1 {
            window = complete_write(w, &file);
            assert_clean(w, &folder, n);
        }
    }
    eprintln!(
        "{KILLS} kills: {unchanged} before the rename, {changed} after (last window {window:?})"
    );
    assert!(changed > 0 && unchanged > 0, "the kills hit both sides");
    session_of(&read(&file));
}
