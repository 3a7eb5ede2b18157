//! One lock per file, however it is reached: writers that reach one file through different
//! `--dir` folders or through symlinked folders lose no check-off (issue #8, "What must hold" 1).

mod common;

use std::path::{Path, PathBuf};
use std::thread;

use common::{briefing_text, done_state, ids, read, run, stderr_of, stdout_of, write_file};

const WRITERS: usize = 4;
const TOGGLES: usize = 15;

/// One writer: the `--dir` it uses and the session id of the shared file seen from there.
struct View {
    dir: PathBuf,
    session: String,
}

/// What one writer saw: check-offs of its own directive that another writer undid (lost),
/// refusals, and the state of its last successful write.
#[derive(Debug, Default)]
struct Tally {
    lost: Vec<String>,
    refused: Vec<String>,
    last_saved: Option<bool>,
}

/// Writer `i` toggles its own directive `d{i}` through its view; before each toggle it reads
/// the shared file: nobody else touches `d{i}`, so it must still show its last saved state.
fn writer(i: usize, view: &View, file: &Path) -> Tally {
    let id = format!("d{i}");
    let mut tally = Tally::default();
    for n in 0..TOGGLES {
        let state = done_state(&read(file), &id).expect("own directive");
        if let Some(saved) = tally.last_saved
            && state != saved
        {
            tally
                .lost
                .push(format!("toggle {n}: saved {saved}, file has {state}"));
        }
        let verb = if n % 2 == 0 { "done" } else { "undo" };
        let o = run(&view.dir, "en", &[verb, &view.session, &id]);
        if o.status.success() {
            assert!(
                stdout_of(&o).contains(&format!("`{id}`")),
                "a saved change says so: {}",
                stdout_of(&o)
            );
            tally.last_saved = Some(verb == "done");
        } else {
            assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
            let why = stderr_of(&o);
            assert!(!why.trim().is_empty(), "a failure says why");
            tally.refused.push(why);
        }
    }
    tally
}

/// Runs the writers (writer `i` uses view `i`), then checks that nothing was lost.
fn race(views: [View; WRITERS], file: &Path) {
    let tallies: Vec<Tally> = thread::scope(|s| {
        let handles: Vec<_> = views
            .iter()
            .enumerate()
            .map(|(i, view)| s.spawn(move || writer(i, view, file)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("writer thread"))
            .collect()
    });
    let end = read(file);
    let mut lost = 0;
    for (i, t) in tallies.iter().enumerate() {
        let id = format!("d{i}");
        let state = done_state(&end, &id).expect("directive");
        let expected = t.last_saved.unwrap_or(false);
        if state != expected {
            lost += 1;
            eprintln!("d{i}: last saved {expected}, file ends with {state}");
        }
        lost += t.lost.len();
        for l in &t.lost {
            eprintln!("d{i} lost a check-off: {l}");
        }
        assert!(
            t.refused.len() < TOGGLES / 3,
            "{id}: most writes should succeed; refusals: {:?}",
            t.refused
        );
    }
    assert_eq!(
        lost,
        0,
        "check-offs reported saved were lost; the file:\n{}",
        String::from_utf8_lossy(&end)
    );
    assert_eq!(
        common::session_of(&end).districts.len(),
        2,
        "the rest of the file is kept"
    );
}

#[test]
fn writers_through_two_dir_views_of_one_file_lose_no_check_off() {
    let dir = tempfile::tempdir().expect("tempdir");
    let w = dir.path();
    std::fs::create_dir(w.join("2024")).expect("mkdir");
    let file = w.join("2024/s.toml");
    write_file(&file, briefing_text(&ids(WRITERS), 2).as_bytes(), 0o644);
    let wide = || View {
        dir: w.to_path_buf(),
        session: "2024/s".into(),
    };
    let narrow = || View {
        dir: w.join("2024"),
        session: "s".into(),
    };
    race([wide(), narrow(), wide(), narrow()], &file);
}

#[test]
fn writers_through_two_symlinked_folders_lose_no_check_off() {
    let dir = tempfile::tempdir().expect("tempdir");
    let w = dir.path();
    for sub in ["a", "b", "data"] {
        std::fs::create_dir(w.join(sub)).expect("mkdir");
    }
    let file = w.join("data/s.toml");
    write_file(&file, briefing_text(&ids(WRITERS), 2).as_bytes(), 0o644);
    // The links point outside the `--dir` of their writers.
    for sub in ["a", "b"] {
        std::os::unix::fs::symlink(&file, w.join(sub).join("s.toml")).expect("symlink");
    }
    let view = |sub: &str| View {
        dir: w.join(sub),
        session: "s".into(),
    };
    race([view("a"), view("b"), view("a"), view("b")], &file);
    for sub in ["a", "b"] {
        let link = w.join(sub).join("s.toml");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink(),
            "{} stays a symlink",
            link.display()
        );
    }
}
