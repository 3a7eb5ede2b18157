//! `briefing done` / `briefing undo` on the real binary.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use briefing::api::store::write::current_user;
use common::{BIN, leftovers, run, sample_folder, stderr_of, stdout_of, succeeded};

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";

fn session_file(dir: &Path) -> std::path::PathBuf {
    dir.join(format!("{SESSION}.toml"))
}

/// The `done*` lines of the table of directive `id`.
fn stamp_of(text: &str, id: &str) -> Vec<String> {
    let start = text.find(&format!("id = \"{id}\"")).expect("directive");
    text[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('[') && !l.trim().is_empty())
        .filter(|l| l.starts_with("done"))
        .map(str::to_string)
        .collect()
}

#[test]
fn done_and_undo_are_idempotent_and_say_so() {
    let dir = sample_folder();
    let file = session_file(dir.path());
    let original = fs::read_to_string(&file).expect("read");

    let o = run(dir.path(), "en", &["done", SESSION, "hh-ma-tuy"]);
    let out = succeeded(&o);
    assert!(out.contains("Checked off directive `hh-ma-tuy`"), "{out}");
    let checked = fs::read_to_string(&file).expect("read");
    let stamp = stamp_of(&checked, "hh-ma-tuy");
    assert_eq!(stamp.len(), 3, "{stamp:?}");
    assert_eq!(stamp[0], "done = true");
    let at = stamp[1].strip_prefix("done_at = ").expect("done_at");
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
    assert!(!at.contains('.'), "seconds precision: {at}");
    assert_eq!(stamp[2], format!("done_by = \"{}\"", current_user()));

    let o = run(dir.path(), "en", &["done", SESSION, "hh-ma-tuy"]);
    let out = succeeded(&o);
    assert!(out.contains("was already checked off"), "{out}");
    assert_eq!(fs::read_to_string(&file).expect("read"), checked);

    let o = run(dir.path(), "en", &["undo", SESSION, "hh-ma-tuy"]);
    let out = succeeded(&o);
    assert!(out.contains("Un-checked directive `hh-ma-tuy`"), "{out}");
    let unchecked = fs::read_to_string(&file).expect("read");
    assert_eq!(stamp_of(&unchecked, "hh-ma-tuy"), ["done = false"]);
    assert_eq!(unchecked.replacen("done = false\n", "", 1), original);

    let o = run(dir.path(), "en", &["undo", SESSION, "hh-ma-tuy"]);
    let out = succeeded(&o);
    assert!(out.contains("was not checked off"), "{out}");
    assert_eq!(fs::read_to_string(&file).expect("read"), unchecked);
}

#[test]
fn messages_follow_lang_vi() {
    let dir = sample_folder();
    let o = run(dir.path(), "vi", &["done", SESSION, "dh-khong-ma-tuy"]);
    let out = succeeded(&o);
    assert!(out.contains("Đã đánh dấu hoàn thành"), "{out}");
    let o = run(dir.path(), "vi", &["done", SESSION, "dh-khong-ma-tuy"]);
    assert!(stdout_of(&o).contains("từ trước"), "{}", stdout_of(&o));
    let o = run(dir.path(), "vi", &["undo", SESSION, "dh-khong-ma-tuyy"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr_of(&o).contains("có phải ý bạn là `dh-khong-ma-tuy`"),
        "{}",
        stderr_of(&o)
    );
}

#[test]
fn unknown_session_fails_with_a_suggestion() {
    let dir = sample_folder();
    let before = fs::read(session_file(dir.path())).expect("read");
    for wrong in ["2024/2024-03-13-hai-ha-dam-h", "2024-03-13-hai-ha-dam"] {
        let o = run(dir.path(), "en", &["done", wrong, "hh-ma-tuy"]);
        assert_eq!(o.status.code(), Some(1), "{wrong}");
        let err = stderr_of(&o);
        assert!(
            err.contains(&format!("there is no session `{wrong}`")),
            "{err}"
        );
        assert!(err.contains(&format!("did you mean `{SESSION}`?")), "{err}");
        assert!(err.contains("briefing list"), "{err}");
    }
    assert_eq!(fs::read(session_file(dir.path())).expect("read"), before);
}

/// `done` and `undo` find a session as `show` does: by its id, with or without `.toml`, or by
/// its file name alone when no other file has that name.
#[test]
fn the_file_name_alone_finds_the_session() {
    let dir = sample_folder();
    let file = session_file(dir.path());
    let original = fs::read_to_string(&file).expect("read");
    let o = run(
        dir.path(),
        "en",
        &["done", "2024-03-13-hai-ha-dam-ha", "hh-ma-tuy"],
    );
    let out = succeeded(&o);
    assert!(out.contains(&format!("of session {SESSION}")), "{out}");
    assert_eq!(
        stamp_of(&fs::read_to_string(&file).expect("read"), "hh-ma-tuy").len(),
        3
    );
    let o = run(
        dir.path(),
        "en",
        &["undo", "2024-03-13-hai-ha-dam-ha.toml", "hh-ma-tuy"],
    );
    succeeded(&o);
    let unchecked = fs::read_to_string(&file).expect("read");
    assert_eq!(unchecked.replacen("done = false\n", "", 1), original);
    let o = run(dir.path(), "en", &["show", "2024-03-13-hai-ha-dam-ha"]);
    succeeded(&o);
}

#[test]
fn unknown_directive_fails_with_a_suggestion() {
    let dir = sample_folder();
    let before = fs::read(session_file(dir.path())).expect("read");
    let o = run(dir.path(), "en", &["undo", SESSION, "hh-ma-tuyy"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr_of(&o);
    assert!(err.contains("there is no directive `hh-ma-tuyy`"), "{err}");
    assert!(err.contains("did you mean `hh-ma-tuy`?"), "{err}");
    assert_eq!(fs::read(session_file(dir.path())).expect("read"), before);
}

/// A failing write that also fails as root: the file-size limit is 0, so writing the
/// temporary file fails (EFBIG; SIGXFSZ is ignored so the process survives to report it).
#[test]
fn a_failing_write_leaves_the_file_and_no_temporary_file() {
    let dir = sample_folder();
    let file = session_file(dir.path());
    let before = fs::read(&file).expect("read");
    let o = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\"")
        .arg(BIN)
        .arg("--dir")
        .arg(dir.path())
        .args(["--lang", "en", "done", SESSION, "hh-ma-tuy"])
        .output()
        .expect("run briefing");
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    let err = stderr_of(&o);
    assert!(err.contains("cannot write"), "{err}");
    assert!(err.contains("the file was not changed"), "{err}");
    assert_eq!(fs::read(&file).expect("read"), before);
    assert!(leftovers(file.parent().expect("dir")).is_empty());
}

/// The version 2 sample: session-wide directives with `to` and period deadlines, and a
/// `[[locality.directive]]`, are found by their id; checking off adds the stamp to that table
/// only, and undoing leaves `done = false` after its `due` line and nothing else changed.
#[test]
fn done_and_undo_work_on_a_version_2_file() {
    const V2: &str = "2026/2026-12-09-tan-lap-binh-minh-hon-ngoc";
    let dir = sample_folder();
    let file = dir.path().join(format!("{V2}.toml"));
    for id in ["chung-ha-tang-so", "hn-nuoc-ngot"] {
        let before = fs::read_to_string(&file).expect("read");
        let o = run(dir.path(), "vi", &["done", V2, id]);
        succeeded(&o);
        let checked = fs::read_to_string(&file).expect("read");
        assert_eq!(stamp_of(&checked, id).len(), 3, "{id}: {checked}");
        succeeded(&run(dir.path(), "vi", &["check"]));
        let o = run(dir.path(), "vi", &["undo", V2, id]);
        succeeded(&o);
        let undone = fs::read_to_string(&file).expect("read");
        let at = end_of_due_line(&before, id);
        let expected = format!("{}done = false\n{}", &before[..at], &before[at..]);
        assert_eq!(undone, expected, "{id}: only `done = false` is added");
    }
    let o = run(dir.path(), "en", &["done", V2, "chung-ha-tang"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr_of(&o).contains("did you mean `chung-ha-tang-so`?"),
        "{}",
        stderr_of(&o)
    );
    assert!(leftovers(&dir.path().join("2026")).is_empty());
}

/// Where the line after the `due` line of directive `id`'s table starts.
fn end_of_due_line(text: &str, id: &str) -> usize {
    let start = text.find(&format!("id = \"{id}\"")).expect("directive");
    let due = start + text[start..].find("\ndue = ").expect("due") + 1;
    due + text[due..].find('\n').expect("line end") + 1
}
