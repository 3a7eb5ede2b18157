//! A file's text after a change, checked before anything is written: the edit of `edit.rs`
//! (a check-off in a file of version 3 made a progress entry), the result validated as the
//! loader validates it, and the change that undoes it.

use super::{
    Appended, Change, Outcome, Stamps, WriteError, check_entry, current_user, edit, now_local,
};
use crate::model::{Entry, State, fold};
use crate::store::{Problem, parse_file};

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

/// [`edited_text`], with the change that undoes it: what [`super::Writer::write`] writes.
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
/// progress entry: the last entry of the directive's or proposal's log, in a file of version
/// 3).
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
    if d.done == done && d.more.done_at.is_some() == at && d.more.done_by.is_some() == by {
        Ok(())
    } else {
        Err(edit::unsafe_layout(directive_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
