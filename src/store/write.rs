//! Checking a directive off (or back on) in its briefing file, safely and byte-exactly.

mod atomic;
mod edit;
mod entry;
mod holders;
mod inplace;
mod rescue;
mod resolve;

pub use atomic::TEMP_SUFFIX;
pub use entry::{EntryError, check as check_entry, parse_percent, parse_state};

/// The byte of a briefing file whose `fcntl` lock keeps readers and in-place rewrites apart
/// (readers take it shared while they read; see `atomic.rs`).
pub const CONTENT_LOCK_BYTE: i64 = atomic::CONTENT_BYTE;
pub use holders::Hold;
pub use holders::Holder;
pub use rescue::RESCUE_SUFFIX;

use std::collections::VecDeque;
use std::ffi::CStr;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local, Timelike};

use super::sync_lock::SyncLock;
use super::{FolderError, Location, Problem, Stamp, display_path, files, parse_file};
use crate::diag::OsError;
use crate::i18n;
use crate::model::{DirectiveKey, Entry, Lang, State, fold};

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

/// A property of a file that a replacement must keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribute {
    Owner(String),
    Group(u32),
    Mode(u32),
    /// An extended attribute, by name (`system.posix_acl_access` is the ACL).
    Extended(String),
    /// `chattr` flags, as the kernel's bits.
    Flags(u32),
}

impl Attribute {
    /// The attribute, said in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        match self {
            Attribute::Owner(name) => t.attribute_owner(name),
            Attribute::Group(gid) => t.attribute_group(gid),
            Attribute::Mode(mode) => t.attribute_mode(&format!("{mode:o}")),
            Attribute::Extended(name) => t.attribute_extended(name),
            Attribute::Flags(bits) => t.attribute_flags(&format!("{bits:#x}")),
        }
    }
}

i18n::display_in_english!(Attribute);

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

/// Why a directive could not be checked off; the file is unchanged in every case.
///
/// Its words are catalogue keys: [`WriteError::message`] says it in either language, and
/// `Display` is the English message.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    SessionNotFound {
        id: String,
        root: PathBuf,
        suggestions: Vec<String>,
    },
    DirectiveNotFound {
        session: String,
        id: String,
        suggestions: Vec<String>,
    },
    /// The file does not validate (or the edit would not): `file` as shown, and where in it
    /// when known, and what is wrong.
    FileInvalid {
        file: String,
        at: Option<Location>,
        problem: Box<Problem>,
    },
    /// A `briefing sync` of the folder's clone held the work tree for all of `waited`.
    SyncRunning {
        waited: Duration,
    },
    /// Someone else held a lock on the file for all of `waited`.
    LockTimeout {
        path: PathBuf,
        waited: Duration,
        holders: Vec<Holder>,
    },
    BeingEdited {
        path: PathBuf,
    },
    /// Other processes kept the file open for writing for the whole wait.
    HeldOpen {
        path: PathBuf,
        holders: Vec<Holder>,
    },
    /// `chattr +i`.
    Immutable {
        path: PathBuf,
    },
    /// `chattr +a`.
    AppendOnly {
        path: PathBuf,
    },
    FileNotWritable {
        path: PathBuf,
    },
    ReadOnlyFile {
        path: PathBuf,
    },
    FolderNotWritable {
        path: PathBuf,
        folder: PathBuf,
    },
    ForeignLink {
        link: PathBuf,
        owner: String,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    NotAFile {
        path: PathBuf,
    },
    CannotKeep {
        path: PathBuf,
        what: Attribute,
    },
    PermissionDenied {
        path: PathBuf,
    },
    ReadOnlyFs {
        path: PathBuf,
    },
    DiskFull {
        path: PathBuf,
    },
    Io {
        path: PathBuf,
        source: io::Error,
    },
    Folder(#[from] FolderError),
    /// A progress entry that is not written as given (a percent over 100, a note on two
    /// lines, no person, a time in the future).
    Entry(#[from] EntryError),
}

impl WriteError {
    /// What went wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        match self {
            WriteError::SessionNotFound {
                id,
                root,
                suggestions,
            } => t.write_session_not_found(
                id,
                &root.display(),
                &i18n::did_you_mean(lang, suggestions),
            ),
            WriteError::DirectiveNotFound {
                session,
                id,
                suggestions,
            } => t.write_directive_not_found(id, session, &i18n::did_you_mean(lang, suggestions)),
            WriteError::FileInvalid { file, at, problem } => {
                let place = place(file, at.as_ref());
                let place = if place.is_empty() {
                    place
                } else {
                    format!("{place}: ")
                };
                t.write_file_invalid(&place, &problem.message(lang))
            }
            WriteError::SyncRunning { waited } => t.write_sync_running(&waited.as_secs()),
            WriteError::LockTimeout {
                path,
                waited,
                holders,
            } => t.write_lock_timeout(
                &path.display(),
                &holders::said(holders, lang),
                &waited.as_millis(),
            ),
            WriteError::BeingEdited { path } => t.write_being_edited(&path.display()),
            WriteError::HeldOpen { path, holders } => {
                t.write_held_open(&path.display(), &holders::said(holders, lang))
            }
            WriteError::Immutable { path } => t.write_immutable(&path.display()),
            WriteError::AppendOnly { path } => t.write_append_only(&path.display()),
            WriteError::FileNotWritable { path } => t.write_file_not_writable(&path.display()),
            WriteError::ReadOnlyFile { path } => t.write_read_only_file(&path.display()),
            WriteError::FolderNotWritable { path, folder } => {
                t.write_folder_not_writable(&path.display(), &folder.display())
            }
            WriteError::ForeignLink { link, owner } => t.write_foreign_link(&link.display(), owner),
            WriteError::TooLarge { path, size, limit } => {
                t.write_too_large(&path.display(), size, &i18n::human_size(lang, *limit))
            }
            WriteError::NotAFile { path } => t.write_not_a_file(&path.display()),
            WriteError::CannotKeep { path, what } => {
                t.write_cannot_keep(&path.display(), &what.message(lang))
            }
            WriteError::PermissionDenied { path } => t.write_permission_denied(&path.display()),
            WriteError::ReadOnlyFs { path } => t.write_read_only_fs(&path.display()),
            WriteError::DiskFull { path } => t.write_disk_full(&path.display()),
            WriteError::Io { path, source } => {
                t.write_io(&path.display(), &OsError::from(source).message(lang))
            }
            WriteError::Folder(f) => f.message(lang),
            WriteError::Entry(e) => e.message(lang),
        }
    }
}

i18n::display_in_english!(WriteError);

/// `file:line:col`, `file`, `line:col` or nothing: where a problem is, as far as known.
fn place(file: &str, at: Option<&Location>) -> String {
    match (file.is_empty(), at) {
        (true, None) => String::new(),
        (false, None) => file.to_string(),
        (true, Some(at)) => format!("{}:{}", at.line, at.column),
        (false, Some(at)) => format!("{file}:{}:{}", at.line, at.column),
    }
}

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

    /// Appends a progress entry to the directive `key` names (format version 3: a file that
    /// says an older version, or none, is made to say `version = 3`, and nothing else changes).
    /// The `undo` of the result takes exactly that entry out again ([`Writer::withdraw_progress`]).
    pub fn append_progress(
        &self,
        root: &Path,
        key: &DirectiveKey,
        entry: &Entry,
    ) -> Result<Written, WriteError> {
        let change = Change::Progress(entry.clone());
        self.write(root, &key.session, &key.directive, &change)
    }

    /// Takes out the entry [`Writer::append_progress`] appended (and puts the `version` line
    /// back when no log is left): the file as it was before, byte for byte. `AlreadySo` when
    /// the entry is no longer there.
    pub fn withdraw_progress(
        &self,
        root: &Path,
        key: &DirectiveKey,
        appended: &Appended,
    ) -> Result<Written, WriteError> {
        let change = Change::Withdraw(appended.clone());
        self.write(root, &key.session, &key.directive, &change)
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

/// Takes the content lock for reading on `file` (a briefing just opened by the loader), waiting
/// a little for an in-place rewrite under way; released when the file is closed. Without it
/// (a lock held for longer, a file system without locks) the reader's other checks remain.
pub(crate) fn lock_for_reading(file: &std::fs::File) {
    for _ in 0..200 {
        match atomic::try_lock_byte(file, libc::F_RDLCK, atomic::CONTENT_BYTE) {
            Ok(false) => std::thread::sleep(Duration::from_millis(1)),
            _ => return,
        }
    }
}

/// The recovery copy beside the briefing file at `path`, if there is one that reads back whole:
/// what a reader needs to take a whole version while the file is rewritten in place.
pub(crate) fn rescue_beside(path: &Path, limit: u64) -> Option<rescue::Rescue> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let name = path.file_name()?;
    let copy = path.with_file_name(rescue::rescue_name(name));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(copy)
        .ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_mul(2).saturating_add(4096))
        .read_to_end(&mut bytes)
        .ok()?;
    rescue::decode(&bytes)
}

/// The text of briefing file `shown` (of session `session_id`) after the change, checked as
/// a check-off checks it before writing: the edit keeps every other byte, and the result must
/// validate as the loader validates and show the directive in the requested state. This is the
/// whole of what a check-off writes; only the file handling (lock, read, replace) is around it.
pub fn edited_text(
    bytes: &[u8],
    shown: &str,
    session_id: &str,
    directive_id: &str,
    change: &Change,
) -> Result<(String, Outcome), WriteError> {
    edited(bytes, shown, session_id, directive_id, change).map(|e| (e.text, e.outcome))
}

/// A file's text after a change, and the change that undoes it.
#[derive(Debug)]
pub struct Edited {
    pub text: String,
    pub outcome: Outcome,
    pub undo: Option<Change>,
}

/// [`edited_text`], with the change that undoes it: what [`Writer::write`] writes.
pub fn edited(
    bytes: &[u8],
    shown: &str,
    session_id: &str,
    directive_id: &str,
    change: &Change,
) -> Result<Edited, WriteError> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(first_error(bytes, shown, session_id).unwrap_or_else(|| {
            WriteError::FileInvalid {
                file: shown.to_string(),
                at: None,
                problem: Box::new(Problem::NotUtf8),
            }
        }));
    };
    let unchanged = || Edited {
        text: text.to_string(),
        outcome: Outcome::AlreadySo,
        undo: None,
    };
    let as_logged = match as_progress(bytes, shown, session_id, directive_id, change) {
        Logged::Already => return Ok(unchanged()),
        Logged::Entry(entry) => Some(Change::Progress(entry)),
        Logged::NotVersion3 => None,
    };
    let change = as_logged.as_ref().unwrap_or(change);
    if let Change::Progress(entry) = change {
        check_entry(entry, now_local())?;
    }
    let stamps_before = match change {
        Change::Done { .. } | Change::Undone | Change::Reopened { .. } => {
            edit::stamps(text, directive_id).ok()
        }
        _ => None,
    };
    let applied = edit::apply_full(text, directive_id, change).map_err(|e| {
        first_error(bytes, shown, session_id).unwrap_or_else(|| in_session(e, shown, session_id))
    })?;
    if applied.outcome == Outcome::AlreadySo {
        return Ok(unchanged());
    }
    validate_edited(
        applied.text.as_bytes(),
        shown,
        session_id,
        directive_id,
        change,
    )
    .map_err(|e| first_error(bytes, shown, session_id).unwrap_or(e))?;
    let undo = match (change, applied.version) {
        (Change::Progress(entry), Some(version)) => Some(Change::Withdraw(Appended {
            entry: edit::appended_form(entry),
            version,
        })),
        _ => stamps_before.map(Change::Restore),
    };
    Ok(Edited {
        text: applied.text,
        outcome: applied.outcome,
        undo,
    })
}

/// A check-off or un-check in a file that says `version = 3`.
enum Logged {
    /// The file is of an older version, or the change is no check-off: the change as it is.
    NotVersion3,
    /// The directive already stands so: nothing to write.
    Already,
    /// The entry that records it.
    Entry(Entry),
}

/// What a check-off or un-check writes in a version 3 file: a `done` or `open` entry, or
/// nothing when the directive already stands so (an un-check of a directive that is not done).
fn as_progress(
    bytes: &[u8],
    shown: &str,
    session_id: &str,
    directive_id: &str,
    change: &Change,
) -> Logged {
    let (state, at, by) = match change {
        Change::Done { at, by } => (State::Done, *at, by.clone()),
        Change::Reopened { at, by } => (State::Open, *at, by.clone()),
        Change::Undone => (State::Open, now_local(), current_user()),
        _ => return Logged::NotVersion3,
    };
    if !may_say_version_3(bytes) {
        return Logged::NotVersion3;
    }
    let report = parse_file(bytes, shown, session_id);
    let Some(session) = report.session.filter(|s| s.version >= 3) else {
        return Logged::NotVersion3;
    };
    let wanted = fold::nfc(directive_id);
    let now = session.followed(&wanted).map(|d| d.state());
    let already = match state {
        State::Done => now == Some(State::Done),
        _ => now.is_some_and(|s| s != State::Done),
    };
    if already {
        return Logged::Already;
    }
    Logged::Entry(Entry {
        at,
        by: by.into(),
        state: Some(state),
        note: None,
        percent: None,
    })
}

/// Names the file and session in an error of the text edit.
fn in_session(e: WriteError, shown: &str, session_id: &str) -> WriteError {
    match e {
        WriteError::DirectiveNotFound {
            id, suggestions, ..
        } => WriteError::DirectiveNotFound {
            session: session_id.to_string(),
            id,
            suggestions,
        },
        WriteError::FileInvalid { at, problem, .. } => WriteError::FileInvalid {
            file: shown.to_string(),
            at,
            problem,
        },
        other => other,
    }
}

/// The check-off keys of directive `directive_id` in `text`, each value as written.
pub(crate) fn stamps_of(text: &str, directive_id: &str) -> Result<Stamps, WriteError> {
    edit::stamps(text, directive_id)
}

/// `text` without the `done`, `done_at` and `done_by` entries of every directive (a comment on
/// their lines stays). Two versions of a briefing whose stripped texts are equal differ only in
/// check-offs.
pub(crate) fn strip_checkoffs(text: &str) -> Result<String, WriteError> {
    edit::strip(text)
}

/// The first error of a file that does not validate (named by its own lines and columns).
fn first_error(bytes: &[u8], shown: &str, id: &str) -> Option<WriteError> {
    let report = parse_file(bytes, shown, id);
    let d = report.diagnostics.into_iter().find(|d| d.is_error())?;
    Some(WriteError::FileInvalid {
        file: d.path,
        at: d.location,
        problem: Box::new(d.problem),
    })
}

/// Whether a line before the file's first table says `version = 3` (spaces and a comment
/// aside): a check-off of a file that does not is written as `done` fields without reading the
/// file's state first. A file that does is validated to be sure.
fn may_say_version_3(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim())
        .take_while(|l| !l.starts_with('['))
        .any(|l| {
            let code = l.split('#').next().unwrap_or_default();
            code.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                == "version=3"
        })
}

/// The edited file must still validate and show the directive in the requested state (a
/// progress entry: the directive's last entry in the file, in a file of version 3).
fn validate_edited(
    bytes: &[u8],
    shown: &str,
    session_id: &str,
    directive_id: &str,
    change: &Change,
) -> Result<(), WriteError> {
    let report = parse_file(bytes, shown, session_id);
    if report.diagnostics.iter().any(|d| d.is_error()) {
        return Err(edit::unsafe_layout(directive_id));
    }
    let wanted = fold::nfc(directive_id);
    let Some(session) = report.session.as_ref() else {
        return Err(edit::unsafe_layout(directive_id));
    };
    let logged = match change {
        Change::Progress(entry) => {
            let last = session.followed(&wanted).and_then(|d| d.log().last());
            Some(session.version == 3 && last == Some(&edit::appended_form(entry)))
        }
        Change::Withdraw(_) => Some(session.followed(&wanted).is_some()),
        _ => None,
    };
    match logged {
        Some(true) => return Ok(()),
        Some(false) => return Err(edit::unsafe_layout(directive_id)),
        None => {}
    }
    let Some(d) = session.all_directives().find(|d| d.id == wanted) else {
        return Err(edit::unsafe_layout(directive_id));
    };
    let (done, at, by) = match change {
        Change::Done { .. } => (true, true, true),
        Change::Undone | Change::Reopened { .. } => (false, false, false),
        Change::Restore(s) => (
            s.done.as_deref() == Some("true"),
            s.done_at.is_some(),
            s.done_by.is_some(),
        ),
        Change::Progress(_) | Change::Withdraw(_) => return Ok(()),
    };
    if d.done == done && d.done_at.is_some() == at && d.done_by.is_some() == by {
        Ok(())
    } else {
        Err(edit::unsafe_layout(directive_id))
    }
}

/// Whether the briefing at `rel` below `root` may be changed in an editor, by the same rules
/// as a check-off (`faccessat` with the effective ids, immutable and append-only files
/// refused); the file's path when it may.
pub(crate) fn editable(root: &Path, rel: &Path) -> Result<PathBuf, WriteError> {
    let path = root.join(rel);
    let reached = resolve::resolve(&path)?;
    atomic::check_editable(&reached)?;
    Ok(path)
}

/// The file below `root` of the session a person named: its id (`.toml` allowed) when that
/// file is there (whatever it is: what cannot be read is refused later, by name), else its file
/// name alone when only one briefing has it, as `show` finds it (see [`super::find_session`]).
/// The path is relative to `root`.
pub(crate) fn session_file(root: &Path, given: &str) -> Result<PathBuf, WriteError> {
    let id = files::without_ending(given);
    if let Some(rel) = files::rel_of_named(id)
        && std::fs::symlink_metadata(root.join(&rel)).is_ok()
    {
        return Ok(rel);
    }
    let (mut rels, _) = super::discover(root)?;
    let known: Vec<String> = rels.iter().map(|f| files::id_of(f)).collect();
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    match super::find_session(given, &known) {
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

/// The login name of the process's real user id, else that id as a number.
pub fn current_user() -> String {
    user_name(rustix::process::getuid().as_raw())
}

/// The login name of `uid`, else that id as a number.
pub(crate) fn user_name(uid: u32) -> String {
    login_name(uid).unwrap_or_else(|| uid.to_string())
}

#[allow(unsafe_code, reason = "getpwuid_r (NSS) has no rustix equivalent")]
fn login_name(uid: libc::uid_t) -> Option<String> {
    let mut buf: Vec<libc::c_char> = vec![0; 1024];
    loop {
        // SAFETY: an all-zero passwd is a valid value (null pointers, zero ids).
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        // SAFETY: every pointer is valid for the call and `buf.len()` is its real length.
        let rc =
            unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut found) };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        if rc != 0 || found.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        // SAFETY: on success pw_name points to a NUL-terminated string inside `buf`.
        let name = unsafe { CStr::from_ptr(pwd.pw_name) }.to_string_lossy();
        return (!name.is_empty()).then(|| name.into_owned());
    }
}

/// Now, with the local offset, to the second.
pub(crate) fn now_local() -> DateTime<FixedOffset> {
    let now = Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One error of every kind, with every field set.
    fn every_error() -> Vec<WriteError> {
        let path = || PathBuf::from("2024/a.toml");
        let some = || vec!["2024/b".to_string()];
        vec![
            WriteError::SessionNotFound {
                id: "2024/x".into(),
                root: PathBuf::from("briefings"),
                suggestions: some(),
            },
            WriteError::DirectiveNotFound {
                session: "2024/a".into(),
                id: "x".into(),
                suggestions: vec!["a".into(), "b".into()],
            },
            WriteError::FileInvalid {
                file: "2024/a.toml".into(),
                at: Some(Location::at("a\nb = 1", 2)),
                problem: Box::new(Problem::NoSession),
            },
            WriteError::LockTimeout {
                path: path(),
                waited: Duration::from_secs(2),
                holders: vec![Holder {
                    pid: 4711,
                    user: "lan".into(),
                    how: Hold::Flock,
                }],
            },
            WriteError::BeingEdited { path: path() },
            WriteError::HeldOpen {
                path: path(),
                holders: vec![Holder {
                    pid: 4711,
                    user: "lan".into(),
                    how: Hold::OpenForWriting,
                }],
            },
            WriteError::Immutable { path: path() },
            WriteError::AppendOnly { path: path() },
            WriteError::FileNotWritable { path: path() },
            WriteError::ReadOnlyFile { path: path() },
            WriteError::FolderNotWritable {
                path: path(),
                folder: PathBuf::from("2024"),
            },
            WriteError::ForeignLink {
                link: path(),
                owner: "lan".into(),
            },
            WriteError::TooLarge {
                path: path(),
                size: 5 << 20,
                limit: 4 << 20,
            },
            WriteError::NotAFile { path: path() },
            WriteError::CannotKeep {
                path: path(),
                what: Attribute::Mode(0o640),
            },
            WriteError::PermissionDenied { path: path() },
            WriteError::ReadOnlyFs { path: path() },
            WriteError::DiskFull { path: path() },
            WriteError::Io {
                path: path(),
                source: io::Error::other("boom"),
            },
            WriteError::Folder(FolderError::Missing(PathBuf::from("briefings"))),
            WriteError::Entry(EntryError::Percent {
                written: "4711".into(),
            }),
        ]
    }

    #[test]
    fn every_error_is_said_in_both_languages_with_its_facts() {
        for e in every_error() {
            let en = e.message(Lang::En);
            let vi = e.message(Lang::Vi);
            assert_eq!(e.to_string(), en);
            assert_ne!(en, vi, "{e:?} is not translated");
            for text in [&en, &vi] {
                assert!(!text.contains('{'), "a placeholder is left: {text}");
            }
            let facts = [
                "2024/a.toml",
                "2024/x",
                "2024/b",
                "lan",
                "4 MiB",
                "640",
                "boom",
                "4711",
            ];
            for fact in facts.iter().filter(|f| en.contains(*f)) {
                assert!(vi.contains(fact), "`{fact}` is missing in Vietnamese: {vi}");
            }
        }
    }

    #[test]
    fn suggestions_and_places_read_as_before() {
        let all = every_error();
        assert_eq!(
            all[0].to_string(),
            "there is no session `2024/x` in briefings (did you mean `2024/b`?); run `briefing list` to see the session ids"
        );
        assert!(
            all[1]
                .to_string()
                .contains("(did you mean one of `a`, `b`?)"),
            "{}",
            all[1]
        );
        assert!(
            all[1]
                .message(Lang::Vi)
                .contains("(có phải ý bạn là `a`, `b`?)")
        );
        assert!(
            all[2]
                .to_string()
                .starts_with("2024/a.toml:2:1: the file has no [session] table; add one with at least `title = \"…\"` and `date = 2024-03-13`; the file was not changed"),
            "{}",
            all[2]
        );
        assert_eq!(Attribute::Group(100).to_string(), "group (id 100)");
    }

    #[test]
    fn only_a_file_that_may_say_version_3_is_read_for_its_state() {
        for yes in [
            "version = 3\n[session]\n",
            "\u{feff}# đầu\n  version=3 # v3\r\n[session]\n",
        ] {
            assert!(may_say_version_3(yes.as_bytes()), "{yes:?}");
        }
        for no in [
            "version = 2\n[session]\n",
            "[session]\nversion = 3\n",
            "# version = 3\n[session]\n",
            "version = 33\n",
        ] {
            assert!(!may_say_version_3(no.as_bytes()), "{no:?}");
        }
    }

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
