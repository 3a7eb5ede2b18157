//! Checking a directive off (or back on) in its briefing file, safely and byte-exactly: what a
//! change is and what a write did; the work is in the modules below.

mod access;
mod atomic;
mod checked;
mod edit;
mod entry;
mod error;
mod holders;
mod inplace;
mod reading;
mod rescue;
mod resolve;
mod user;
mod writer;

pub(crate) use access::editable;
pub use atomic::TEMP_SUFFIX;
pub use checked::{Edited, edited, edited_text};
pub(crate) use checked::{stamps_of, strip_checkoffs};
pub use entry::{EntryError, check as check_entry, parse_percent, parse_state};
pub(crate) use error::Attribute;
pub use error::WriteError;
pub(crate) use reading::{lock_for_reading, rescue_beside};
pub use user::current_user;
pub(crate) use user::{now_local, user_name};
pub(crate) use writer::session_file;
pub use writer::{Writer, set_directive};

/// The byte of a briefing file whose `fcntl` lock keeps readers and in-place rewrites apart
/// (readers take it shared while they read; see `atomic.rs`).
pub const CONTENT_LOCK_BYTE: i64 = atomic::CONTENT_BYTE;
pub use holders::Hold;
pub use holders::Holder;
pub use rescue::RESCUE_SUFFIX;

use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::model::Entry;

/// What to write on a directive.
///
/// In a file that says `version = 3`, a check-off and an un-check are progress entries: `Done`
/// appends `state = "done"`, `Undone` and `Reopened` append `state = "open"` (`Undone` stamped
/// now by the process's user); a file of version 1 or 2 keeps its `done` fields instead.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// `done = true`, `done_at = at`, `done_by = by`.
    Done {
        at: DateTime<FixedOffset>,
        by: String,
    },
    /// `done = false`, without `done_at` and `done_by`.
    Undone,
    /// An un-check by `by` at `at`: as `Undone` in a version 1 or 2 file.
    Reopened {
        at: DateTime<FixedOffset>,
        by: String,
    },
    /// The check-off keys put back as they were written before a change (an undo): each key
    /// with the text of its value, or removed where it was missing.
    Restore(Stamps),
    /// A progress entry appended after the directive's last one (format version 3): a file
    /// that says an older version, or none, is made to say `version = 3`.
    Progress(Entry),
    /// An entry a `Progress` appended taken out again, and the `version` line put back when
    /// no directive keeps a log after that (an undo: the file gets its bytes back).
    Withdraw(Appended),
}

/// A progress entry as appended, and what the `version` line was before: what takes it out
/// again ([`Change::Withdraw`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appended {
    /// The entry as written: its time to the second, its note in NFC.
    pub entry: Entry,
    pub version: VersionBefore,
}

/// What a file's `version` line was before a progress entry made it `version = 3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionBefore {
    /// It already said 3.
    Kept,
    /// It said this value (as written, e.g. `2`).
    Was(String),
    /// There was none: `version = 3` was added as a line of its own.
    Added,
}

/// What a write did, and the change that undoes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub outcome: Outcome,
    /// Puts the file back as it was: the check-off keys as they were (`Restore`), or the entry
    /// appended taken out (`Withdraw`); `None` when nothing was written, or for an undo itself.
    pub undo: Option<Change>,
}

/// The check-off keys of one directive as its file writes them: each value's text exactly
/// (`true`, `2024-03-20T09:15:00+07:00`, `"lan"`), `None` where the key is missing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stamps {
    pub done: Option<String>,
    pub done_at: Option<String>,
    pub done_by: Option<String>,
}

/// The check-off a person asks for: a directive checked off, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    Done,
    Undone,
}

impl Mark {
    /// The change that writes this mark, stamped `at` by `by`.
    pub(crate) fn change_at(self, at: DateTime<FixedOffset>, by: impl Into<String>) -> Change {
        match self {
            Mark::Done => Change::Done { at, by: by.into() },
            Mark::Undone => Change::Reopened { at, by: by.into() },
        }
    }
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Changed,
    /// The file already had that state; nothing was written.
    AlreadySo,
}

#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// How long a check-off may wait, in all, for another writer's lock or for an editor to
    /// finish saving, before giving up.
    pub lock_wait: Duration,
    /// A file changed more recently than this (by anyone but this program) may still be being
    /// written: it is read again once it has been still for that long.
    pub settle: Duration,
    /// A larger file is refused without being read (as the loader refuses it).
    pub max_file_size: u64,
    /// How long a check-off waits for a `briefing sync` of the folder's clone to finish
    /// changing the work tree (see `store::sync_lock`).
    pub sync_wait: Duration,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            lock_wait: Duration::from_secs(2),
            settle: Duration::from_millis(30),
            max_file_size: super::DEFAULT_MAX_FILE_SIZE,
            sync_wait: Duration::from_secs(60),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_becomes_its_change() {
        let at = now_local();
        assert_eq!(at.timestamp_subsec_nanos(), 0);
        assert_eq!(
            Mark::Undone.change_at(at, "lan"),
            Change::Reopened {
                at,
                by: "lan".into()
            }
        );
        assert_eq!(
            Mark::Done.change_at(at, "lan"),
            Change::Done {
                at,
                by: "lan".into()
            }
        );
    }
}
