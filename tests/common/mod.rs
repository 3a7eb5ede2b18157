//! Helpers shared by the write-back tests: temporary briefing folders and fixtures.

#![allow(dead_code)]

pub mod git;

use std::fs;
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "write",
        name,
    ]
    .iter()
    .collect();
    fs::read(&path).expect("fixture")
}

/// A temporary briefing folder holding `bytes` as `2024/s.toml` (session `2024/s`).
pub fn folder_with(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let sub = dir.path().join("2024");
    fs::create_dir(&sub).expect("mkdir");
    let file = sub.join("s.toml");
    fs::write(&file, bytes).expect("write");
    (dir, file)
}

/// A temporary copy of the sample `briefings/` folder.
pub fn sample_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    copy_tree(&from, dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            fs::create_dir(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Names in `dir` that start with `.`: leftovers of a write (a write leaves none).
pub fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}
