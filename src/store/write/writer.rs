//! The write itself: the session's file found, the folder's sync lock and the file's own lock
//! taken, the file read once it is still, the checked change made, and the file replaced;
//! started again when anything changed meanwhile.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::checked::edited;
use super::{Change, Outcome, WriteError, WriteOptions, Written, atomic, resolve};
use crate::store::sync_lock::SyncLock;
use crate::store::{Stamp, display_path, files};

/// Sets the check-off state of directive `directive_id` in session `session_id` below `root`.
/// One-shot form of [`Writer::set_directive`].
pub fn set_directive(
    root: &Path,
    session_id: &str,
    directive_id: &str,
    change: &Change,
    opts: &WriteOptions,
) -> Result<Outcome, WriteError> {
    Writer::new(opts.clone()).set_directive(root, session_id, directive_id, change)
}

/// Writes check-offs, remembering the versions it wrote itself so that its own recent writes
/// are not mistaken for an editor still saving.
#[derive(Debug, Default)]
pub struct Writer {
    opts: WriteOptions,
    ours: Mutex<VecDeque<Stamp>>,
}

/// How many of its own writes a [`Writer`] remembers.
const REMEMBERED: usize = 64;

impl Writer {
    pub fn new(opts: WriteOptions) -> Self {
        Writer {
            opts,
            ours: Mutex::default(),
        }
    }

    /// Sets the check-off state of directive `directive_id` in session `session_id` below `root`
    /// (the session as a person may name it: see [`session_file`]). See [`Writer::write`].
    pub fn set_directive(
        &self,
        root: &Path,
        session_id: &str,
        directive_id: &str,
        change: &Change,
    ) -> Result<Outcome, WriteError> {
        self.write(root, session_id, directive_id, change)
            .map(|w| w.outcome)
    }

    /// Makes `change` on directive `directive_id` of session `session_id` below `root`, and
    /// says what undoes it.
    ///
    /// The file is resolved once into an open folder handle and locked itself (an open-file
    /// `fcntl` write lock, which only those who may write it can take), so every path to it
    /// shares one lock; a rewrite a crash left half-done is put back first; the file is read
    /// once it has stopped changing, edited, the result validated, and then exchanged atomically
    /// with a new file that keeps its attributes, or rewritten in place where a new file could
    /// not keep them (see `atomic.rs`). If anything changed meanwhile (an editor's save, the
    /// owner, the mode, a new link), the edit is made again on what is there now.
    pub fn write(
        &self,
        root: &Path,
        session_id: &str,
        directive_id: &str,
        change: &Change,
    ) -> Result<Written, WriteError> {
        let wait = self.opts.sync_wait;
        let _sync = SyncLock::shared(root, wait, &mut || {})
            .map_err(|_| WriteError::SyncRunning { waited: wait })?;
        let rel = session_file(root, session_id)?;
        let session_id = &files::id_of(&rel);
        let shown = display_path(&rel);
        let deadline = Instant::now() + self.opts.lock_wait;
        loop {
            let reached = resolve::resolve(&root.join(&rel))?;
            let mut locked = match atomic::Locked::take(reached, deadline)? {
                Ok(locked) => locked,
                Err(atomic::Moved) => {
                    self.pause_before_retry(deadline, &root.join(&rel))?;
                    continue;
                }
            };
            locked.recover(&self.opts)?;
            locked.remove_leftovers();
            let read = locked.read_settled(&self.opts, deadline, |v| self.is_ours(v))?;
            let Some((bytes, base)) = read else {
                self.pause_before_retry(deadline, locked.path())?;
                continue;
            };
            let edited = edited(&bytes, &shown, session_id, directive_id, change)?;
            let written = Written {
                outcome: edited.outcome,
                undo: edited.undo,
            };
            if written.outcome == Outcome::AlreadySo {
                return Ok(written);
            }
            if let Some(stamp) = locked.replace(&bytes, edited.text.as_bytes(), base)? {
                self.remember(stamp);
                return Ok(written);
            }
            self.pause_before_retry(deadline, locked.path())?;
        }
    }

    /// A short pause before starting again, or "being edited" once the time is up.
    fn pause_before_retry(&self, deadline: Instant, path: &Path) -> Result<(), WriteError> {
        let pause = Duration::from_millis(2);
        if Instant::now() + pause > deadline {
            return Err(WriteError::BeingEdited {
                path: path.to_path_buf(),
            });
        }
        std::thread::sleep(pause);
        Ok(())
    }

    fn is_ours(&self, v: &Stamp) -> bool {
        self.ours.lock().is_ok_and(|ours| ours.contains(v))
    }

    fn remember(&self, v: Stamp) {
        if let Ok(mut ours) = self.ours.lock() {
            if ours.len() == REMEMBERED {
                ours.pop_front();
            }
            ours.push_back(v);
        }
    }
}

/// The file below `root` of the session a person named: its id (`.toml` allowed) when that
/// file is there (whatever it is: what cannot be read is refused later, by name), else its file
/// name alone when only one briefing has it, as `show` finds it (see
/// [`crate::store::find_session`]). The path is relative to `root`.
pub(crate) fn session_file(root: &Path, given: &str) -> Result<PathBuf, WriteError> {
    let id = files::without_ending(given);
    if let Some(rel) = files::rel_of_named(id)
        && std::fs::symlink_metadata(root.join(&rel)).is_ok()
    {
        return Ok(rel);
    }
    let (mut rels, _) = crate::store::discover(root)?;
    let known: Vec<String> = rels.iter().map(|f| files::id_of(f)).collect();
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    match crate::store::find_session(given, &known) {
        Ok(found) => {
            let at = known.iter().position(|k| *k == found).unwrap_or_default();
            Ok(rels.swap_remove(at))
        }
        Err(suggestions) => Err(WriteError::SessionNotFound {
            id: id.to_string(),
            root: root.to_path_buf(),
            suggestions,
        }),
    }
}
