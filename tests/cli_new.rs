//! `briefing new` on the real binary: the skeleton of every level passes `check`, loads as the
//! level asked for, and a file that is there is never replaced.

mod common;

use std::fs;

use briefing::api::model::Level;
use common::{assert_refused, run, session_of, stderr_of, stdout_of};

#[test]
fn the_skeleton_of_every_level_passes_check() {
    for level in Level::NAMES {
        let dir = tempfile::tempdir().expect("tempdir");
        let id = format!("2025/2025-09-10-{level}");
        let o = run(
            dir.path(),
            "en",
            &["--today", "2025-09-10", "new", "--level", level, &id],
        );
        assert!(o.status.success(), "{level}: {}", stderr_of(&o));
        assert!(stdout_of(&o).contains(&format!("{id}.toml")), "{level}");
        let check = run(dir.path(), "en", &["check"]);
        let said = stdout_of(&check);
        assert!(check.status.success(), "{level}: {said}");
        assert!(said.contains("0 errors, 0 warnings"), "{level}: {said}");
        let bytes = fs::read(dir.path().join(format!("{id}.toml"))).expect("read");
        let session = session_of(&bytes);
        assert_eq!(session.version, 3, "{level}");
        assert_eq!(session.districts.len(), 1, "{level}");
        assert_eq!(
            session.districts[0].level.map(Level::name),
            Some(*level),
            "{level}"
        );
        assert_eq!(session.date.day().to_string(), "2025-09-10");
    }
}

#[test]
fn a_file_that_is_there_is_never_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.toml");
    fs::write(&path, "# mine\n").expect("write");
    let o = run(dir.path(), "vi", &["new", "a.toml"]);
    assert_refused(&o, &["đã có"], "new over a file");
    assert_eq!(fs::read_to_string(&path).expect("read"), "# mine\n");
    let o = run(dir.path(), "en", &["new", "../outside"]);
    assert_refused(&o, &["cannot make a session"], "new outside the folder");
    assert!(!dir.path().join("../outside.toml").exists());
}

/// The skeleton's commented examples are valid too: a person who removes the `#` before each
/// gets a file that still passes `check`.
#[test]
fn every_commented_example_of_the_skeleton_passes_check_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run(
        dir.path(),
        "en",
        &["--today", "2025-09-10", "new", "--level", "phuong", "a"],
    );
    common::succeeded(&o);
    let path = dir.path().join("a.toml");
    let text = fs::read_to_string(&path).expect("read");
    let is_example = |l: &str| {
        let Some(rest) = l.strip_prefix("# ") else {
            return false;
        };
        let key = rest.split(" = ").next().unwrap_or_default();
        !rest.contains("\"\"\"")
            && (rest.starts_with("[[")
                || (rest.contains(" = ")
                    && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')))
    };
    let uncommented: Vec<String> = text
        .lines()
        .map(|l| match is_example(l) {
            true => l[2..].to_string(),
            false => l.to_string(),
        })
        .collect();
    assert!(
        uncommented.len() > 30 && uncommented.iter().filter(|l| l.starts_with("[[")).count() >= 4
    );
    fs::write(&path, uncommented.join("\n")).expect("write");
    let check = run(dir.path(), "vi", &["check"]);
    let said = stdout_of(&check);
    assert!(
        said.contains("0 lỗi, 0 cảnh báo"),
        "{said}\n{}",
        uncommented.join("\n")
    );
}
