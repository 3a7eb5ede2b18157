//! What a briefing file is, how its path and its session id name each other, and how a file on
//! disk is told from another version of it: the one home of this knowledge for the walk, the
//! folder, the watcher, the writer, git and the saver.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

/// The ending of a briefing file's name, without the dot.
const EXTENSION: &str = "toml";

/// What a briefing file's name ends with.
const SUFFIX: &str = ".toml";

/// A name the walk, the watcher and git pass over: it starts with a dot.
pub(crate) fn is_hidden(name: &OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Whether `rel` (relative to the briefing folder) lies below a hidden name or is one; `.` and
/// `..` count as hidden, so no such path leaves the folder.
pub(crate) fn has_hidden_part(rel: &Path) -> bool {
    rel.components().any(|c| match c {
        Component::Normal(name) => is_hidden(name),
        Component::CurDir | Component::ParentDir => true,
        Component::RootDir | Component::Prefix(_) => false,
    })
}

/// Whether `path` has a briefing file's ending (`*.toml`).
pub(crate) fn has_briefing_ending(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == EXTENSION)
}

/// Whether `rel` (relative to the briefing folder) names a briefing file: `*.toml`, with no
/// hidden part.
pub(crate) fn is_briefing(rel: &Path) -> bool {
    has_briefing_ending(rel) && !has_hidden_part(rel)
}

/// The session id of a briefing at `rel`: its parts joined by `/`, without `.toml`.
pub fn id_of(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let joined = parts.join("/");
    match joined.strip_suffix(SUFFIX) {
        Some(id) => id.to_string(),
        None => joined,
    }
}

/// The session id of a `/`-separated path when it names a briefing: `None` when it is empty,
/// has another ending or a hidden part.
pub(crate) fn id_of_file(file: &str) -> Option<&str> {
    let id = file.strip_suffix(SUFFIX)?;
    is_briefing(Path::new(file)).then_some(id)
}

/// The `/`-separated path of the briefing of session `id`.
pub(crate) fn file_of(id: &str) -> String {
    format!("{id}{SUFFIX}")
}

/// The path, relative to the briefing folder, of the briefing of session `id`.
pub(crate) fn rel_of(id: &str) -> PathBuf {
    file_of(id).split('/').collect()
}

/// The path of the briefing of session `id` when `id` can name one: every part a visible name,
/// none empty, no backslash or NUL (what a person types may be anything).
pub(crate) fn rel_of_named(id: &str) -> Option<PathBuf> {
    let plain = |p: &str| !p.is_empty() && !p.contains(['\\', '\0']);
    let rel = rel_of(id);
    (id.split('/').all(plain) && is_briefing(&rel)).then_some(rel)
}

/// A session as a person names it, with `.toml` allowed: the id alone.
pub(crate) fn without_ending(given: &str) -> &str {
    given.strip_suffix(SUFFIX).unwrap_or(given)
}

/// What a file on disk is right now: which file (device, inode), how long, when last written
/// and changed. Any write by anyone, in place or by replacing the file, gives another stamp; so
/// does a `chmod`, `chown`, `ln` or `chattr`, which change the status time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub(in crate::store) dev: u64,
    pub(in crate::store) ino: u64,
    pub(in crate::store) len: u64,
    /// Last written: seconds and nanoseconds.
    pub(in crate::store) modified: (i64, i64),
    /// Last changed (status time): seconds and nanoseconds.
    pub(in crate::store) changed: (i64, i64),
}

impl Stamp {
    /// The stamp of the file at `path` (links followed), if it can be read.
    pub(crate) fn of_path(path: &Path) -> Option<Self> {
        fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }

    /// The stamp of a file as `meta` describes it.
    pub(crate) fn of(meta: &fs::Metadata) -> Self {
        Stamp {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            modified: (meta.mtime(), meta.mtime_nsec()),
            changed: (meta.ctime(), meta.ctime_nsec()),
        }
    }

    /// The stamp of a file as `fstat` or `statat` gave it.
    pub(in crate::store) fn of_stat(st: &rustix::fs::Stat) -> Self {
        // The field types differ between architectures.
        #[allow(clippy::unnecessary_cast, clippy::useless_conversion)]
        Stamp {
            dev: st.st_dev as u64,
            ino: st.st_ino as u64,
            len: u64::try_from(st.st_size).unwrap_or_default(),
            modified: (st.st_mtime as i64, st.st_mtime_nsec as i64),
            changed: (st.st_ctime as i64, st.st_ctime_nsec as i64),
        }
    }

    /// The same content: the same file, length and last write. The status time is left out,
    /// since exchanging a file for another changes it without writing.
    pub(crate) fn same_content(&self, other: &Stamp) -> bool {
        (self.dev, self.ino, self.len, self.modified)
            == (other.dev, other.ino, other.len, other.modified)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_briefing_is_a_visible_toml_file() {
        assert!(is_briefing(Path::new("2024/a.toml")));
        assert!(is_briefing(Path::new("a.toml")));
        assert!(!is_briefing(Path::new("2024/a.md")));
        assert!(!is_briefing(Path::new("2024")));
        assert!(!is_briefing(Path::new(".git/a.toml")));
        assert!(!is_briefing(Path::new("2024/.a.toml")));
        assert!(!is_briefing(Path::new("../a.toml")));
        assert!(!is_briefing(Path::new("2024/../a.toml")));
    }

    #[test]
    fn ids_and_paths_name_each_other() {
        let rel: PathBuf = ["2024", "03", "a.toml"].iter().collect();
        assert_eq!(id_of(&rel), "2024/03/a");
        assert_eq!(rel_of("2024/03/a"), rel);
        assert_eq!(id_of(&rel_of("2024/03/a")), "2024/03/a");
        assert_eq!(file_of("2024/a"), "2024/a.toml");
        assert_eq!(id_of_file("2024/a.toml"), Some("2024/a"));
        assert_eq!(id_of_file("2024/.a.toml"), None);
        assert_eq!(id_of_file(".toml"), None);
        assert_eq!(id_of_file("2024/.toml"), None);
        assert_eq!(id_of_file("../a.toml"), None);
        assert_eq!(id_of_file("2024/a.md"), None);
        assert_eq!(rel_of_named("2024/a"), Some(rel_of("2024/a")));
        for bad in ["", "2024//a", "/a", "a/", "../a", "2024/.a", "a\\b", "a\0b"] {
            assert_eq!(rel_of_named(bad), None, "{bad:?}");
        }
        assert_eq!(without_ending("2024/a.toml"), "2024/a");
        assert_eq!(without_ending("2024/a"), "2024/a");
    }

    #[test]
    fn the_loader_and_the_writer_stamp_a_file_alike() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.toml");
        fs::write(&path, "x = 1\n").expect("write");
        let st = rustix::fs::stat(&path).expect("stat");
        assert_eq!(Stamp::of_path(&path), Some(Stamp::of_stat(&st)));
        assert_eq!(Stamp::of_path(&dir.path().join("gone.toml")), None);
    }

    #[test]
    fn the_same_content_leaves_out_the_status_time() {
        let a = Stamp {
            dev: 1,
            ino: 2,
            len: 3,
            modified: (4, 5),
            changed: (6, 7),
        };
        let chmod = Stamp {
            changed: (8, 0),
            ..a
        };
        assert!(a.same_content(&chmod));
        assert_ne!(a, chmod);
        let written = Stamp {
            modified: (4, 6),
            ..a
        };
        assert!(!a.same_content(&written));
    }
}
