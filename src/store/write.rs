//! Checking a directive off (or back on) in its briefing file, safely and byte-exactly.

mod atomic;
mod edit;
mod resolve;

pub use atomic::TEMP_SUFFIX;

use std::collections::VecDeque;
use std::ffi::CStr;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local, Timelike};
use unicode_normalization::UnicodeNormalization;

use super::{FolderError, discover, display_path, parse_file, session_id};
use crate::store::validate::closest;
use atomic::Version;

/// What to write on a directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// `done = true`, `done_at = at`, `done_by = by`.
    Done {
        at: DateTime<FixedOffset>,
        by: String,
    },
    /// `done = false`, without `done_at` and `done_by`.
    Undone,
}

/// A property of a file that a replacement must keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribute {
    Owner(String),
    Group(u32),
    Mode(u32),
    /// An extended attribute, by name (`system.posix_acl_access` is the ACL).
    Extended(String),
}

impl std::fmt::Display for Attribute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Attribute::Owner(name) => write!(f, "owner ({name})"),
            Attribute::Group(gid) => write!(f, "group (id {gid})"),
            Attribute::Mode(mode) => write!(f, "permissions ({mode:o})"),
            Attribute::Extended(name) => write!(f, "extended attribute {name}"),
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
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            lock_wait: Duration::from_secs(2),
            settle: Duration::from_millis(30),
            max_file_size: super::DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// Why a directive could not be checked off; the file is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "there is no session `{id}` in {}{}; run `briefing list` to see the session ids",
        root.display(),
        did_you_mean(suggestions)
    )]
    SessionNotFound {
        id: String,
        root: PathBuf,
        suggestions: Vec<String>,
    },
    #[error(
        "there is no directive `{id}` in session `{session}`{}; directive ids are the `id = \"…\"` lines of the file",
        did_you_mean(suggestions)
    )]
    DirectiveNotFound {
        session: String,
        id: String,
        suggestions: Vec<String>,
    },
    #[error(
        "{}{message}; the file was not changed: fix it (`briefing check` shows the problems) and try again",
        at_place(place)
    )]
    FileInvalid { place: String, message: String },
    #[error(
        "another check-off of {} has held its lock for more than {} ms; try again in a moment",
        path.display(),
        waited.as_millis()
    )]
    LockTimeout { path: PathBuf, waited: Duration },
    #[error(
        "{} is being edited (it changed moments ago and keeps changing); save it in your editor, then try again",
        path.display()
    )]
    BeingEdited { path: PathBuf },
    #[error(
        "cannot write {}: you have no permission to write this file; ask its owner for write access",
        path.display()
    )]
    FileNotWritable { path: PathBuf },
    #[error(
        "cannot write {}: the file is read-only (no write permission for anyone); make it writable (chmod u+w) if it should change",
        path.display()
    )]
    ReadOnlyFile { path: PathBuf },
    #[error(
        "cannot write {}: you have no permission to write its folder {}, where the new version is made; ask the folder's owner for write access",
        path.display(),
        folder.display()
    )]
    FolderNotWritable { path: PathBuf, folder: PathBuf },
    #[error(
        "cannot write {}: it belongs to {owner}, and a check-off saved by you would make it yours; ask {owner} to check it off",
        path.display()
    )]
    NotYourFile { path: PathBuf, owner: String },
    #[error(
        "cannot write {}: it belongs to {owner} and its folder is sticky (owned by {folder_owner}), so only they may replace it; ask {owner} to check it off",
        path.display()
    )]
    StickyFolder {
        path: PathBuf,
        owner: String,
        folder_owner: String,
    },
    #[error(
        "cannot write {}: the file has {links} names (hard links) and a check-off would change only this one; keep one name, or use a symbolic link for the others",
        path.display()
    )]
    HardLinked { path: PathBuf, links: u64 },
    #[error(
        "cannot write through {}: it is a symbolic link of {owner} to a place {owner} does not own; check the directive off through the file itself",
        link.display()
    )]
    ForeignLink { link: PathBuf, owner: String },
    #[error(
        "cannot write {}: the file is {size} bytes, more than the limit of {} per briefing; split it, or raise `max_file_mib` in the config file",
        path.display(),
        super::human_size(*limit)
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("cannot write {}: it is not a regular file", path.display())]
    NotAFile { path: PathBuf },
    #[error(
        "cannot write {}: its {what} could not be kept on the new version, so nothing was written; ask the file's owner to check it off",
        path.display()
    )]
    CannotKeep { path: PathBuf, what: Attribute },
    #[error(
        "cannot write {}: you lack permission on the file or its folder; ask the folder's owner for write access",
        path.display()
    )]
    PermissionDenied { path: PathBuf },
    #[error(
        "cannot write {}: the disk is read-only (a read-only disk or mount); copy the briefings somewhere writable",
        path.display()
    )]
    ReadOnlyFs { path: PathBuf },
    #[error(
        "cannot write {}: the disk is full (or your quota is used up); free some space and try again",
        path.display()
    )]
    DiskFull { path: PathBuf },
    #[error("cannot write {}: {source}; the file was not changed", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Folder(#[from] FolderError),
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!(" (did you mean `{one}`?)"),
        many => format!(" (did you mean one of `{}`?)", many.join("`, `")),
    }
}

fn at_place(place: &str) -> String {
    if place.is_empty() {
        String::new()
    } else {
        format!("{place}: ")
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
    ours: Mutex<VecDeque<Version>>,
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

    /// Sets the check-off state of directive `directive_id` in session `session_id` below `root`.
    ///
    /// The file is resolved once into an open folder handle and locked itself (`flock`), so
    /// every path to it shares one lock; it is read once it has stopped changing, edited, the
    /// result validated, and then exchanged atomically with a new file that keeps its
    /// attributes. If an editor saved meanwhile, the edit is made again on the new text.
    pub fn set_directive(
        &self,
        root: &Path,
        session_id: &str,
        directive_id: &str,
        change: &Change,
    ) -> Result<Outcome, WriteError> {
        let rel = session_file(root, session_id)?;
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
            locked.check_writable()?;
            locked.remove_leftovers();
            let read = locked.read_settled(&self.opts, deadline, |v| self.is_ours(v))?;
            let Some((bytes, base)) = read else {
                self.pause_before_retry(deadline, locked.path())?;
                continue;
            };
            let (new, outcome) = edit_file(&bytes, &shown, session_id, directive_id, change)?;
            if outcome == Outcome::AlreadySo {
                return Ok(outcome);
            }
            if let Some(written) = locked.replace(new.as_bytes(), base)? {
                self.remember(written);
                return Ok(outcome);
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

    fn is_ours(&self, v: &Version) -> bool {
        self.ours.lock().is_ok_and(|ours| ours.contains(v))
    }

    fn remember(&self, v: Version) {
        if let Ok(mut ours) = self.ours.lock() {
            if ours.len() == REMEMBERED {
                ours.pop_front();
            }
            ours.push_back(v);
        }
    }
}

/// The file's bytes with the change applied, checked to validate.
fn edit_file(
    bytes: &[u8],
    shown: &str,
    session_id: &str,
    directive_id: &str,
    change: &Change,
) -> Result<(String, Outcome), WriteError> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(first_error(bytes, shown, session_id).unwrap_or_else(|| {
            WriteError::FileInvalid {
                place: shown.to_string(),
                message: "the file is not valid UTF-8".to_string(),
            }
        }));
    };
    let (new, outcome) = edit::apply(text, directive_id, change).map_err(|e| {
        first_error(bytes, shown, session_id).unwrap_or_else(|| in_session(e, shown, session_id))
    })?;
    if outcome == Outcome::Changed {
        ensure_written(new.as_bytes(), shown, session_id, directive_id, change)
            .map_err(|e| first_error(bytes, shown, session_id).unwrap_or(e))?;
    }
    Ok((new, outcome))
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
        WriteError::FileInvalid { place, message } => WriteError::FileInvalid {
            place: if place.is_empty() {
                shown.to_string()
            } else {
                format!("{shown}:{place}")
            },
            message,
        },
        other => other,
    }
}

/// Pure form of the edit: `text` with the change applied, every other byte kept.
pub fn apply_to_text(
    text: &str,
    directive_id: &str,
    change: &Change,
) -> Result<(String, Outcome), WriteError> {
    let (out, outcome) = edit::apply(text, directive_id, change)?;
    if outcome == Outcome::Changed {
        edit::verify(&out, directive_id, change)?;
    }
    Ok((out, outcome))
}

/// `text` without the `done`, `done_at` and `done_by` entries of every directive (a comment on
/// their lines stays). Two versions of a briefing whose stripped texts are equal differ only in
/// check-offs.
pub fn strip_checkoffs(text: &str) -> Result<String, WriteError> {
    edit::strip(text)
}

/// The first error of a file that does not validate (named by its own lines and columns).
fn first_error(bytes: &[u8], shown: &str, id: &str) -> Option<WriteError> {
    let report = parse_file(bytes, shown, id);
    let d = report.diagnostics.into_iter().find(|d| d.is_error())?;
    Some(WriteError::FileInvalid {
        place: d.place(),
        message: d.message,
    })
}

/// The edited file must still validate and show the directive in the requested state.
fn ensure_written(
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
    let wanted: String = directive_id.nfc().collect();
    let directive = report.session.as_ref().and_then(|s| {
        s.directives
            .iter()
            .chain(s.districts.iter().flat_map(|d| &d.directives))
            .find(|d| d.id == wanted)
    });
    let done = matches!(change, Change::Done { .. });
    match directive {
        Some(d) if d.done == done && d.done_at.is_some() == done && d.done_by.is_some() == done => {
            Ok(())
        }
        _ => Err(edit::unsafe_layout(directive_id)),
    }
}

/// The relative path of a session id, when the loader would find that file.
fn session_file(root: &Path, id: &str) -> Result<PathBuf, WriteError> {
    let id = id.strip_suffix(".toml").unwrap_or(id);
    let parts: Vec<&str> = id.split('/').collect();
    let plausible = parts
        .iter()
        .all(|p| !p.is_empty() && !p.starts_with('.') && !p.contains('\\') && !p.contains('\0'));
    if plausible {
        let rel: PathBuf = format!("{id}.toml").split('/').collect();
        if root.join(&rel).is_file() {
            return Ok(rel);
        }
    }
    let (files, _) = discover(root)?;
    let known: Vec<String> = files.iter().map(|f| session_id(f)).collect();
    Err(WriteError::SessionNotFound {
        id: id.to_string(),
        root: root.to_path_buf(),
        suggestions: suggest(id, &known),
    })
}

/// The closest id by spelling, else ids with the same last part (the file name).
fn suggest(id: &str, known: &[String]) -> Vec<String> {
    if let Some(best) = closest(id, known.iter().map(String::as_str)) {
        return vec![best.to_string()];
    }
    let last = id.rsplit('/').next().unwrap_or(id);
    known
        .iter()
        .filter(|k| k.rsplit('/').next() == Some(last))
        .take(3)
        .cloned()
        .collect()
}

/// The login name of the process's real user id, else that id as a number.
pub fn current_user() -> String {
    user_name(rustix::process::getuid().as_raw())
}

/// The login name of `uid`, else that id as a number.
pub(crate) fn user_name(uid: u32) -> String {
    login_name(uid).unwrap_or_else(|| uid.to_string())
}

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
pub fn now_local() -> DateTime<FixedOffset> {
    let now = Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}
