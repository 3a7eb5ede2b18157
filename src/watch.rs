//! Watches the briefing folder and reports, once things settle, that briefings changed.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the folder must be quiet before a change is reported, so that a
/// `git pull` touching many files or an editor's save-and-rename is one reload.
pub const SETTLE: Duration = Duration::from_millis(150);

/// A briefing file (not hidden, `*.toml`) below `root`.
pub fn is_briefing(root: &Path, path: &Path) -> bool {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let hidden = rel.components().any(|c| match c {
        Component::Normal(name) => name.to_string_lossy().starts_with('.'),
        _ => false,
    });
    !hidden && path.extension().is_some_and(|e| e == "toml")
}

fn relevant(root: &Path, event: &notify::Event) -> bool {
    matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    ) && event.paths.iter().any(|p| is_briefing(root, p))
}

/// Starts watching `root`; `changed` is called (from another thread) after each
/// settled burst of changes. Keep the returned watcher alive for as long as needed.
pub fn spawn(
    root: PathBuf,
    changed: impl Fn() + Send + 'static,
) -> notify::Result<RecommendedWatcher> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx)?;
    watcher.watch(&root, RecursiveMode::Recursive)?;
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut any = first.is_ok_and(|e| relevant(&root, &e));
            while let Ok(next) = rx.recv_timeout(SETTLE) {
                any |= next.is_ok_and(|e| relevant(&root, &e));
            }
            if any {
                changed();
            }
        }
    });
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_toml_files_count() {
        let root = Path::new("/b");
        assert!(is_briefing(root, Path::new("/b/2024/a.toml")));
        assert!(!is_briefing(root, Path::new("/b/.briefing.lock")));
        assert!(!is_briefing(root, Path::new("/b/2024/.a.toml.tmp1234")));
        assert!(!is_briefing(root, Path::new("/b/.git/x.toml")));
        assert!(!is_briefing(root, Path::new("/b/notes.txt")));
    }

    #[test]
    fn a_write_is_reported() {
        let tmp = tempfile::tempdir().expect("tmp");
        let (tx, rx) = mpsc::channel();
        let _w = spawn(tmp.path().to_path_buf(), move || {
            let _ = tx.send(());
        })
        .expect("watch");
        std::fs::write(tmp.path().join(".hidden.toml"), "x").expect("write");
        std::fs::write(tmp.path().join("a.toml"), "x").expect("write");
        rx.recv_timeout(Duration::from_secs(10))
            .expect("change reported");
    }
}
