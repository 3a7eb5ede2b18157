//! Watches the briefing folder and reports, once things settle, the briefings that changed,
//! leaving out the files whose last write was our own.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::store::Stamp;
use crate::store::files;

/// How long the folder must be quiet before a change is reported, so that a
/// `git pull` touching many files or an editor's save-and-rename is one reload.
pub(crate) const SETTLE: Duration = Duration::from_millis(150);

/// Whether a change at `path` can change what is loaded from `root`: a
/// briefing (`*.toml`) or a folder (moved or removed whole), never below a
/// hidden name. Only the part below `root` is looked at, so a root such as
/// `~/.briefings` still counts.
pub(crate) fn matters(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let folder_or_briefing = path.extension().is_none() || files::has_briefing_ending(path);
    folder_or_briefing && !files::has_hidden_part(rel)
}

/// The paths of `event` that can change what is loaded from `root`.
fn relevant<'e>(root: &Path, event: &'e notify::Event) -> impl Iterator<Item = &'e PathBuf> {
    let kind = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    );
    (event.paths.iter()).filter(move |p| kind && matters(root, p))
}

/// Where our own save of a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Own {
    /// Under way: events for the file wait for its end.
    Writing,
    /// Done, leaving the file as stamped.
    Written(Stamp),
}

/// The files as our own saves left them, so the watcher can tell our writes (already shown,
/// nothing to reload) from anyone else's. Shared between the saver and the watcher.
#[derive(Debug, Clone, Default)]
pub(crate) struct OwnWrites(Arc<Mutex<HashMap<PathBuf, Own>>>);

/// A save of one file under way; [`Saving::written`] when it wrote, else dropped.
pub(crate) struct Saving<'o> {
    own: &'o OwnWrites,
    path: PathBuf,
}

impl OwnWrites {
    /// Marks a save of the file at `path` as under way.
    pub(crate) fn saving(&self, path: &Path) -> Saving<'_> {
        let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.set(&path, Some(Own::Writing));
        Saving { own: self, path }
    }

    fn set(&self, path: &Path, state: Option<Own>) {
        if let Ok(mut own) = self.0.lock() {
            match state {
                Some(state) => own.insert(path.to_path_buf(), state),
                None => own.remove(path),
            };
        }
    }

    fn state(&self, path: &Path) -> Option<Own> {
        self.0.lock().ok()?.get(path).copied()
    }

    /// The file at `path` is still just as our last save of it left it.
    pub(crate) fn is_own(&self, path: &Path) -> bool {
        matches!(self.state(path), Some(Own::Written(ours)) if Stamp::of_path(path) == Some(ours))
    }

    /// One of `paths` is being saved by us right now.
    fn writing_any<'p>(&self, mut paths: impl Iterator<Item = &'p PathBuf>) -> bool {
        paths.any(|p| self.state(p) == Some(Own::Writing))
    }
}

impl Saving<'_> {
    /// The save wrote the file: it is ours as it is now.
    pub(crate) fn written(self) {
        if let Some(stamp) = Stamp::of_path(&self.path) {
            self.own.set(&self.path, Some(Own::Written(stamp)));
        }
    }
}

impl Drop for Saving<'_> {
    /// A save that did not write (or whose file could not be stamped) leaves no mark.
    fn drop(&mut self) {
        if self.own.state(&self.path) == Some(Own::Writing) {
            self.own.set(&self.path, None);
        }
    }
}

/// Starts watching `root`; `changed` is called (from another thread) after each settled burst
/// of changes with the briefings and folders changed, unless each of them is as our own last
/// save left it (a burst touching a file we are saving waits for that save to end); with the
/// root itself among them when changes may have been missed. Keep the returned watcher alive
/// for as long as needed.
pub(crate) fn spawn(
    root: PathBuf,
    own: OwnWrites,
    changed: impl Fn(&[PathBuf]) + Send + 'static,
) -> notify::Result<RecommendedWatcher> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    // Like the loader, the watch does not follow symbolic links out of the folder.
    let config = notify::Config::default().with_follow_symlinks(false);
    let mut watcher = RecommendedWatcher::new(tx, config)?;
    // Events name paths below the root as watched; watching the canonical
    // form makes them comparable with it.
    let root = fs::canonicalize(&root).unwrap_or(root);
    watcher.watch(&root, RecursiveMode::Recursive)?;
    thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut paths = BTreeSet::new();
            // Events lost (the kernel's queue overflowed) or a failing watch: the root itself,
            // for the whole folder to be looked at again.
            let add =
                |paths: &mut BTreeSet<PathBuf>, event: notify::Result<notify::Event>| match event {
                    Ok(event) if !event.need_rescan() => {
                        paths.extend(relevant(&root, &event).cloned());
                    }
                    _ => {
                        paths.insert(root.clone());
                    }
                };
            add(&mut paths, first);
            loop {
                match rx.recv_timeout(SETTLE) {
                    Ok(next) => add(&mut paths, next),
                    Err(RecvTimeoutError::Timeout) if own.writing_any(paths.iter()) => {}
                    Err(_) => break,
                }
            }
            let theirs: Vec<PathBuf> = paths.into_iter().filter(|p| !own.is_own(p)).collect();
            if !theirs.is_empty() {
                changed(&theirs);
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
    fn a_file_is_ours_until_anyone_writes_it_again() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = fs::canonicalize(tmp.path()).expect("root");
        let file = root.join("a.toml");
        fs::write(&file, "x").expect("write");
        let own = OwnWrites::default();
        assert!(!own.is_own(&file), "not saved by us");
        let saving = own.saving(&file);
        assert!(own.writing_any([file.clone()].iter()));
        assert!(!own.is_own(&file), "not before the save ends");
        saving.written();
        assert!(own.is_own(&file));
        assert!(!own.writing_any([file.clone()].iter()));
        // Another length: two writes within one clock tick may share their times.
        fs::write(&file, "yy").expect("write in place");
        assert!(!own.is_own(&file), "written again in place");
        own.saving(&file).written();
        let other = root.join(".new");
        fs::write(&other, "y").expect("write");
        fs::rename(&other, &file).expect("replace");
        assert!(!own.is_own(&file), "replaced by another file");
        fs::remove_file(&file).expect("remove");
        assert!(!own.is_own(&file), "removed");
        drop(own.saving(&file));
        assert!(
            !own.writing_any([file].iter()),
            "a save that wrote nothing leaves no mark"
        );
    }

    /// Our own save through the real writer is not reported; a later write by anyone to the
    /// same file is.
    #[test]
    fn our_own_save_is_left_alone_and_the_next_write_is_not() {
        use crate::store::write::{Change, WriteOptions, Writer};
        let tmp = tempfile::tempdir().expect("tmp");
        let root = fs::canonicalize(tmp.path()).expect("root");
        let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("briefings/2024/2024-03-13-hai-ha-dam-ha.toml");
        fs::create_dir(root.join("2024")).expect("mkdir");
        let file = root.join("2024/s.toml");
        fs::copy(sample, &file).expect("copy");
        let own = OwnWrites::default();
        let (tx, rx) = mpsc::channel();
        let _w = spawn(root.clone(), own.clone(), move |paths| {
            let _ = tx.send(paths.to_vec());
        })
        .expect("watch");
        let saving = own.saving(&file);
        let change = Change::Done {
            at: "2024-03-20T09:15:00+07:00".parse().expect("time"),
            by: "lan".into(),
        };
        Writer::new(WriteOptions::default())
            .set_directive(&root, "2024/s", "hh-ma-tuy", &change)
            .expect("saved");
        saving.written();
        fs::write(root.join("other.toml"), "x").expect("write");
        let first = rx.recv_timeout(Duration::from_secs(10)).expect("reported");
        assert_eq!(first, [root.join("other.toml")], "our save is not reported");
        let text = fs::read_to_string(&file).expect("read");
        fs::write(&file, text + "# edited\n").expect("edit");
        let next = rx.recv_timeout(Duration::from_secs(10)).expect("reported");
        assert_eq!(next, [file], "an edit after our save is");
    }

    #[test]
    fn a_write_is_reported() {
        let tmp = tempfile::tempdir().expect("tmp");
        let (tx, rx) = mpsc::channel();
        let _w = spawn(
            tmp.path().to_path_buf(),
            OwnWrites::default(),
            move |paths| {
                let _ = tx.send(paths.to_vec());
            },
        )
        .expect("watch");
        fs::write(tmp.path().join(".hidden.toml"), "x").expect("write");
        fs::write(tmp.path().join("a.toml"), "x").expect("write");
        let paths = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("change reported");
        assert!(paths.iter().all(|p| p.ends_with("a.toml")), "{paths:?}");
    }
}
