//! Checking a directive off (or back on) in its briefing file, safely and byte-exactly.

mod atomic;
mod edit;

use std::ffi::CStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local, Timelike};
use unicode_normalization::UnicodeNormalization;

use super::{FolderError, LOCK_FILE, discover, display_path, parse_file, session_id};
use crate::store::validate::closest;

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

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Changed,
    /// The file already had that state; nothing was written.
    AlreadySo,
}

#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// How long to wait for another writer's lock before giving up.
    pub lock_wait: Duration,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            lock_wait: Duration::from_secs(2),
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
        "another writer has held the lock {} for more than {} ms; try again in a moment",
        lock.display(),
        waited.as_millis()
    )]
    LockTimeout { lock: PathBuf, waited: Duration },
    #[error(
        "cannot write {}: you lack permission on the file or its folder; ask the folder's owner for write access",
        path.display()
    )]
    PermissionDenied { path: PathBuf },
    #[error(
        "cannot write {}: the file or its folder is read-only (a read-only disk or mount); copy the briefings somewhere writable",
        path.display()
    )]
    ReadOnly { path: PathBuf },
    #[error("cannot write {}: {source}; the file was not changed", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error(
        "{} keeps changing (someone is saving it); try again in a moment",
        path.display()
    )]
    Busy { path: PathBuf },
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
///
/// Under an exclusive lock on `root/.briefing.lock`, the file is read again and edited; the
/// result must validate and show the change before it atomically replaces the file, so a file
/// that does not validate is never overwritten (the error names the original's first problem).
pub fn set_directive(
    root: &Path,
    session_id: &str,
    directive_id: &str,
    change: &Change,
    opts: &WriteOptions,
) -> Result<Outcome, WriteError> {
    let rel = session_file(root, session_id)?;
    let shown = display_path(&rel);
    let _lock = atomic::lock(&root.join(LOCK_FILE), opts.lock_wait)?;
    let path =
        fs::canonicalize(root.join(&rel)).map_err(|e| atomic::io_error(&root.join(&rel), e))?;
    // The lock keeps other viewers out, not editors: if the file changes while
    // the edit is prepared, the edit is made again on the new text.
    for _ in 0..3 {
        let bytes = fs::read(&path).map_err(|e| atomic::io_error(&path, e))?;
        let (new, outcome) = edit_file(&bytes, &shown, session_id, directive_id, change)?;
        if outcome == Outcome::AlreadySo {
            return Ok(outcome);
        }
        let now = fs::read(&path).map_err(|e| atomic::io_error(&path, e))?;
        if now == bytes {
            atomic::replace(&path, new.as_bytes())?;
            return Ok(outcome);
        }
    }
    Err(WriteError::Busy { path })
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
    let (new, outcome) =
        edit::apply(text, directive_id, change).map_err(|e| in_session(e, shown, session_id))?;
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
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() };
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
