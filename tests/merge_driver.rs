//! `briefing merge-driver O A B`: the merged file byte-checked against expected files, and
//! git's normal conflict for edited text.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::git::{BIN, have};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// Runs the driver on copies (A is written in place) and gives its output and the new A.
fn drive(base: &[u8], ours: &[u8], theirs: &[u8]) -> (Output, Vec<u8>) {
    let tmp = tempfile::tempdir().expect("tmp");
    let [o, a, b] = ["o", "a", "b"].map(|n| tmp.path().join(n));
    fs::write(&o, base).expect("write");
    fs::write(&a, ours).expect("write");
    fs::write(&b, theirs).expect("write");
    let out = std::process::Command::new(BIN)
        .arg("merge-driver")
        .args([&o, &a, &b])
        .arg("2024/s.toml")
        .current_dir(tmp.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", tmp.path())
        .output()
        .expect("run");
    let merged = fs::read(&a).expect("read");
    (out, merged)
}

fn read(path: &str) -> Vec<u8> {
    fs::read(fixture(path)).expect("fixture")
}

#[test]
fn check_offs_of_different_directives_merge_exactly_either_way() {
    for name in ["comments", "crlf", "inline"] {
        let base = read(&format!("write/{name}.toml"));
        let a = read(&format!("write/{name}.done-a.toml"));
        let b = read(&format!("write/{name}.done-b.toml"));
        let want = read(&format!("git/{name}.merged-ab.toml"));
        for (ours, theirs) in [(&a, &b), (&b, &a)] {
            let (out, merged) = drive(&base, ours, theirs);
            assert!(
                out.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(
                String::from_utf8_lossy(&merged),
                String::from_utf8_lossy(&want),
                "{name}"
            );
            assert_eq!(merged, want, "{name}: byte for byte");
        }
    }
}

#[test]
fn the_earlier_check_off_of_one_directive_is_kept_with_its_author() {
    let base = read("write/comments.toml");
    let late = read("write/comments.done-a.toml");
    let early = read("git/comments.done-a-early.toml");
    for (ours, theirs) in [(&late, &early), (&early, &late)] {
        let (out, merged) = drive(&base, ours, theirs);
        assert!(out.status.success());
        assert_eq!(merged, early);
    }
}

#[test]
fn edited_text_on_both_sides_is_git_s_normal_conflict() {
    if !have("git") {
        return;
    }
    let base = read("write/comments.toml");
    let text = String::from_utf8_lossy(&base).into_owned();
    let ours = text.replace("text = \"Hai\"", "text = \"Hai (tỉnh)\"");
    let theirs = text.replace("text = \"Hai\"", "text = \"Hai (xã)\"");
    let (out, merged) = drive(&base, ours.as_bytes(), theirs.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let merged = String::from_utf8_lossy(&merged).into_owned();
    let want = text.replace(
        "text = \"Hai\"\n",
        "<<<<<<< 2024/s.toml (ours)\ntext = \"Hai (tỉnh)\"\n=======\ntext = \"Hai (xã)\"\n>>>>>>> 2024/s.toml (theirs)\n",
    );
    assert_eq!(merged, want);
}

#[test]
fn a_version_larger_than_a_briefing_is_left_to_git_s_line_merge() {
    if !have("git") {
        return;
    }
    let padding = b"# padding\n".repeat(500_000);
    let padded = |path: &str| [read(path), padding.clone()].concat();
    let base = padded("write/comments.toml");
    let late = padded("write/comments.done-a.toml");
    let early = padded("git/comments.done-a-early.toml");
    let (out, merged) = drive(&base, &late, &early);
    assert_eq!(
        out.status.code(),
        Some(1),
        "not read whole, so not merged here"
    );
    assert!(String::from_utf8_lossy(&merged).contains("<<<<<<< 2024/s.toml (ours)"));
}
