//! Watches the briefing folder and reports, once things settle, that briefings changed.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the folder must be quiet before a change is reported, so that a
/// `git pull` touching many files or an editor's save-and-rename is one reload.
pub const SETTLE: Duration = Duration::from_millis(150);

/// Whether a change at `path` can change what is loaded from `root`: a
/// briefing (`*.toml`) or a folder (moved or removed whole), never below a
/// hidden name. Only the part below `root` is looked at, so a root such as
/// `~/.briefings` still counts.
pub fn matters(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = rel.components().any(|c| match c {
        Component::Normal(name) => name.to_string_lossy().starts_with('.'),
        _ => false,
    });
    !hidden && path.extension().is_none_or(|e| e == "toml")
}

fn relevant(root: &Path, event: &notify::Event) -> bool {
    matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    ) && event.paths.iter().any(|p| matters(root, p))
}

/// Starts watching `root`; `changed` is called (from another thread) after each
/// settled burst of changes. Keep the returned watcher alive for as long as needed.
pub fn spawn(
    root: PathBuf,
    changed: impl Fn() + Send + 'static,
) -> notify::Result<RecommendedWatcher> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    // Like the loader, the watch does not follow symbolic links out of the folder.
    let config = notify::Config::default().with_follow_symlinks(false);
    let mut watcher = RecommendedWatcher::new(tx, config)?;
    // Events name paths below the root as watched; watching the canonical
    // form makes them comparable with it.
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    watcher.watch(&root, RecursiveMode::Recursive)?;
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
    fn only_visible_briefings_and_folders_count() {
        let root = Path::new("/home/lan/.briefings");
        let m = |p: &str| matters(root, Path::new(p));
        assert!(m("/home/lan/.briefings/2024/a.toml"));
        assert!(
            m("/home/lan/.briefings/2024"),
            "a folder moved or removed whole"
        );
        assert!(!m("/home/lan/.briefings/.briefing.lock"));
        assert!(!m("/home/lan/.briefings/2024/.a.toml.tmp1234"));
        assert!(!m("/home/lan/.briefings/.git/x.toml"));
        assert!(!m("/home/lan/.briefings/notes.txt"));
        assert!(!m("/elsewhere/a.toml"));
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
