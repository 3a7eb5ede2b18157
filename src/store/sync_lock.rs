//! The lock a `briefing sync` holds while it changes the work tree (commit, rebase, putting
//! uncommitted changes back), and that every check-off holds shared while it writes, so no
//! check-off lands in the middle of a rebase and is thrown away by it.
//!
//! It is an `flock` on `briefing-sync.lock` in the folder's git directory (the `.git` folder,
//! or the one a `.git` file names). A writer takes it shared only when the file exists and can
//! be read: a folder that was never synced costs nothing, and a person who may check off but
//! not write the git directory still waits for a sync.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rustix::fs::{FlockOperation, flock};

/// The lock file's name inside the git directory.
pub(crate) const LOCK_NAME: &str = "briefing-sync.lock";

/// How often a blocked lock is tried again.
const POLL: Duration = Duration::from_millis(20);

/// A held sync lock; released when dropped (the file is closed).
#[derive(Debug)]
pub(crate) struct SyncLock {
    _file: File,
}

/// The lock could not be taken in the time allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Busy;

/// The git directory of the work tree holding `folder`, found without running git: the first
/// `.git` above it, a folder, or a file saying `gitdir: PATH`.
pub(crate) fn git_dir_of(folder: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(folder).ok()?;
    for dir in start.ancestors() {
        let dot_git = dir.join(".git");
        let Ok(meta) = std::fs::symlink_metadata(&dot_git) else {
            continue;
        };
        if meta.is_dir() {
            return Some(dot_git);
        }
        if meta.is_file() {
            let text = std::fs::read_to_string(&dot_git).ok()?;
            let named = text.lines().next()?.strip_prefix("gitdir:")?.trim();
            return Some(dir.join(named));
        }
        return None;
    }
    None
}

impl SyncLock {
    /// The shared lock a check-off holds while it writes in `folder`, waiting up to `wait` for
    /// a sync; `Ok(None)` when the folder is not in git or was never synced. `waiting` is
    /// called once, when a sync holds the lock at the first try.
    pub(crate) fn shared(
        folder: &Path,
        wait: Duration,
        waiting: &mut dyn FnMut(),
    ) -> Result<Option<SyncLock>, Busy> {
        let Some(path) = git_dir_of(folder).map(|g| g.join(LOCK_NAME)) else {
            return Ok(None);
        };
        let Ok(file) = open(&path, false) else {
            return Ok(None);
        };
        take(file, FlockOperation::NonBlockingLockShared, wait, waiting).map(Some)
    }

    /// The exclusive lock of a sync of the work tree whose git directory is `git_dir`,
    /// waiting up to `wait` for check-offs being written and for another sync.
    pub(crate) fn exclusive(git_dir: &Path, wait: Duration) -> io::Result<Result<SyncLock, Busy>> {
        let path = git_dir.join(LOCK_NAME);
        // Made by a colleague of a shared clone: a lock needs only a descriptor, not writing.
        let file = open(&path, true).or_else(|_| open(&path, false))?;
        Ok(take(
            file,
            FlockOperation::NonBlockingLockExclusive,
            wait,
            &mut || {},
        ))
    }

    /// Whether a sync holds the lock of `folder` now.
    pub(crate) fn held_by_sync(folder: &Path) -> bool {
        matches!(
            SyncLock::shared(folder, Duration::ZERO, &mut || {}),
            Err(Busy)
        )
    }
}

fn open(path: &Path, create: bool) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC | libc::O_NONBLOCK);
    if create {
        opts.write(true).create(true).mode(0o644);
    }
    let file = opts.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    Ok(file)
}

fn take(
    file: File,
    how: FlockOperation,
    wait: Duration,
    waiting: &mut dyn FnMut(),
) -> Result<SyncLock, Busy> {
    let deadline = Instant::now() + wait;
    let mut told = false;
    loop {
        match flock(&file, how) {
            Ok(()) => return Ok(SyncLock { _file: file }),
            Err(rustix::io::Errno::INTR) => continue,
            Err(rustix::io::Errno::WOULDBLOCK) => {}
            // A file system without locks: nothing to wait for.
            Err(_) => return Ok(SyncLock { _file: file }),
        }
        if Instant::now() >= deadline {
            return Err(Busy);
        }
        if !told {
            told = true;
            waiting();
        }
        std::thread::sleep(POLL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folder `name` made in `parent`.
    fn made_dir(parent: &Path, name: &str) -> PathBuf {
        let dir = parent.join(name);
        std::fs::create_dir(&dir).expect(name);
        dir
    }

    #[test]
    fn a_check_off_waits_for_a_sync_and_goes_on_after_it() {
        let tmp = tempfile::tempdir().expect("tmp");
        let git = made_dir(tmp.path(), ".git");
        let folder = made_dir(tmp.path(), "briefings");
        assert_eq!(git_dir_of(&folder), std::fs::canonicalize(&git).ok());
        assert!(matches!(
            SyncLock::shared(&folder, Duration::ZERO, &mut || {}),
            Ok(None)
        ));
        let sync = SyncLock::exclusive(&git, Duration::ZERO)
            .expect("open")
            .expect("free");
        assert!(SyncLock::held_by_sync(&folder));
        let mut told = 0;
        let blocked = SyncLock::shared(&folder, Duration::from_millis(50), &mut || told += 1);
        assert!(matches!(blocked, Err(Busy)));
        assert_eq!(told, 1);
        drop(sync);
        assert!(!SyncLock::held_by_sync(&folder));
        let writer = SyncLock::shared(&folder, Duration::ZERO, &mut || {});
        assert!(matches!(writer, Ok(Some(_))));
        assert!(matches!(
            SyncLock::exclusive(&git, Duration::ZERO).expect("open"),
            Err(Busy)
        ));
    }

    #[test]
    fn a_git_file_names_the_git_directory() {
        let tmp = tempfile::tempdir().expect("tmp");
        let real = made_dir(tmp.path(), "real-git");
        let tree = made_dir(tmp.path(), "tree");
        std::fs::write(tree.join(".git"), format!("gitdir: {}\n", real.display())).expect("w");
        let found = git_dir_of(&tree).and_then(|p| std::fs::canonicalize(p).ok());
        assert_eq!(found, std::fs::canonicalize(&real).ok());
    }
}
