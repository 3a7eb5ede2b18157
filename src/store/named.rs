//! One session read alone: the file its id names, reached by the walk's own rules and read as a
//! load reads it, whatever the size of the folder; only a name that fits no file walks the names.

use std::borrow::Cow;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::files;
use super::{
    Diagnostic, FileReport, FolderError, Limits, Problem, ReadError, Severity, discover_with,
    display_path, find_session, load_file_with, root_folder,
};
use crate::diag::{FileRead, OsError};
use crate::terminal_text::escape;

/// What the name of a session found.
#[derive(Debug)]
pub(crate) enum Named {
    /// The session's file, read and validated: its session, or why it did not load.
    File(Box<FileReport>),
    /// No briefing has that name; the ids to suggest (maybe none).
    Unknown(Vec<String>),
}

/// The session `given` names: its id (`.toml` allowed), or its file name alone when only one
/// briefing has it. The file of the id is read alone; only a name that names no file walks the
/// folder's names (nothing else is read) to find the file name or what to suggest. Ids are
/// compared as printed (risky characters written visibly), as `list` shows them.
pub(crate) fn load_named(root: &Path, given: &str, limits: &Limits) -> Result<Named, FolderError> {
    let id = files::without_ending(given);
    if let Some(report) = load_session(root, id, limits)? {
        return Ok(Named::File(Box::new(report)));
    }
    let (rels, _) = discover_with(root, limits)?;
    let ids: Vec<String> = rels.iter().map(|rel| files::id_of(rel)).collect();
    let shown: Vec<Cow<'_, str>> = ids.iter().map(|id| escape(id)).collect();
    let known: Vec<&str> = shown.iter().map(|id| id.as_ref()).collect();
    let found = match find_session(&escape(given), &known) {
        Ok(found) => found,
        Err(suggestions) => return Ok(Named::Unknown(suggestions)),
    };
    let Some(at) = known.iter().position(|k| *k == found) else {
        return Ok(Named::Unknown(Vec::new()));
    };
    Ok(match load_session(root, &ids[at], limits)? {
        Some(report) => Named::File(Box::new(report)),
        None => Named::Unknown(Vec::new()),
    })
}

/// The briefing of session `id`, read alone as a load of the whole folder would read it:
/// bounded by `limits`, under the content lock, through a recovery copy. `None` when a walk
/// would find no briefing there: the id names no file, a hidden one, one below a link to a
/// folder outside, on another file system or deeper than the walk goes. A name the walk
/// reports (a dangling link, a FIFO) comes back as the walk's own error.
pub(crate) fn load_session(
    root: &Path,
    id: &str,
    limits: &Limits,
) -> Result<Option<FileReport>, FolderError> {
    let root_meta = root_folder(root)?;
    let Some(rel) = files::rel_of_named(id) else {
        return Ok(None);
    };
    Ok(match reach(root, &root_meta, &rel, limits) {
        Reach::File => Some(load_file_with(root, &rel, limits)),
        Reach::Refused(problem) => {
            let diagnostic = Diagnostic::new(&display_path(&rel), Severity::Error, problem);
            Some(FileReport {
                session: None,
                diagnostics: vec![diagnostic],
            })
        }
        Reach::No => None,
    })
}

/// What the walk would make of a briefing's path.
enum Reach {
    /// A regular file it would read.
    File,
    /// A name it reports without reading.
    Refused(Problem),
    /// Nothing it would find.
    No,
}

/// Whether the walk of `root` would come to `rel` (a visible `*.toml` path), entering each of
/// its folders as the walk does: a link only to a folder inside the root, the root's file
/// system only, at most `limits.max_depth` levels down.
fn reach(root: &Path, root_meta: &fs::Metadata, rel: &Path, limits: &Limits) -> Reach {
    let inside = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let parts: Vec<_> = rel.iter().collect();
    let Some((_, folders)) = parts.split_last() else {
        return Reach::No;
    };
    if folders.len() > limits.max_depth {
        return Reach::No;
    }
    let mut full: PathBuf = root.to_path_buf();
    for name in folders {
        full.push(name);
        if !enters(&full, &inside, root_meta.dev()) {
            return Reach::No;
        }
    }
    full = root.join(rel);
    let Ok(own) = fs::symlink_metadata(&full) else {
        return Reach::No;
    };
    let meta = if own.file_type().is_symlink() {
        match fs::metadata(&full) {
            Ok(meta) => meta,
            Err(e) => {
                let error = OsError::from(&e);
                return Reach::Refused(Problem::DanglingLink { error });
            }
        }
    } else {
        own
    };
    match meta {
        m if m.is_file() => Reach::File,
        m if m.is_dir() => Reach::No,
        _ => Reach::Refused(ReadError::NotRegular.problem(FileRead::Briefing)),
    }
}

/// Whether the walk enters the folder at `full`: a folder (or a link to one inside `inside`,
/// the root's real path) on device `device`.
fn enters(full: &Path, inside: &Path, device: u64) -> bool {
    let Ok(own) = fs::symlink_metadata(full) else {
        return false;
    };
    let link = own.file_type().is_symlink();
    let Ok(meta) = (if link { fs::metadata(full) } else { Ok(own) }) else {
        return false;
    };
    let inside_root = !link || fs::canonicalize(full).is_ok_and(|real| real.starts_with(inside));
    meta.is_dir() && inside_root && meta.dev() == device
}

#[cfg(test)]
mod tests;
