//! The loader's work, apart from its thread (the benchmarks and the interface tests drive it
//! too): the first load in parts, and the reading of what changed afterwards. Whatever it
//! finds reaches the app as `Action::Changed`, parts and failures alike.

use std::path::PathBuf;

use crate::app::{Action, Changed};
use crate::model::abbrev::Abbreviations;
use crate::search::{Prepared, SearchIndex};
use crate::store::{Changes, FileReport, Folder, FolderError, Plan};

/// The first load's parts: a few files at first, for a quick first frame, then more at a time.
pub const FIRST_PART: usize = 32;
const LARGEST_PART: usize = 512;

/// A change of many files (a `git pull`) goes to the app in parts of this many, so that none
/// keeps a frame waiting while the app takes it.
const CHANGE_PART: usize = 128;

/// What the loader is asked for after the first load.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LoadRequest {
    /// Walk the whole folder, reading what is new or changed.
    Walk,
    /// These paths changed (absolute, as the watcher names them).
    Paths(Vec<PathBuf>),
}

impl LoadRequest {
    /// This request and `next` as one: a walk reads every path too.
    pub(crate) fn and(self, next: LoadRequest) -> LoadRequest {
        match (self, next) {
            (LoadRequest::Paths(mut paths), LoadRequest::Paths(more)) => {
                paths.extend(more);
                LoadRequest::Paths(paths)
            }
            _ => LoadRequest::Walk,
        }
    }
}

/// The action that carries one part, or the failure, to the app.
fn action(result: Result<Changed, FolderError>) -> Action {
    Action::Changed(Box::new(result))
}

/// Reads every file of `folder` in parts, newest names first, giving each to `send` as the
/// app's action (`send` says whether to go on); the search index is built meanwhile and comes
/// with the last part. `shared` tells, with the first part, whether the folder is in a git
/// work tree. A folder that cannot be read at all is sent as the failure. `false` when `send`
/// said to stop.
pub fn first_load(
    folder: &mut Folder,
    abbreviations: Abbreviations,
    shared: impl FnOnce() -> bool,
    mut send: impl FnMut(Action) -> bool,
) -> bool {
    match load_parts(folder, abbreviations, shared, |part| send(action(Ok(part)))) {
        Ok(went_on) => went_on,
        Err(e) => send(action(Err(e))),
    }
}

/// Reads what `request` names again and sends it in parts, or the failure, as `first_load`
/// does; `false` when `send` said to stop.
pub(crate) fn reload(
    folder: &mut Folder,
    request: LoadRequest,
    mut send: impl FnMut(Action) -> bool,
) -> bool {
    let plan = match request {
        LoadRequest::Walk => folder.walk(),
        LoadRequest::Paths(paths) => folder.changed(&paths),
    };
    match plan {
        Ok(plan) => read_changes(folder, plan, send),
        Err(e) => send(action(Err(e))),
    }
}

/// The first load's parts, each given to `send`; `Ok(false)` when `send` said to stop.
fn load_parts(
    folder: &mut Folder,
    abbreviations: Abbreviations,
    shared: impl FnOnce() -> bool,
    mut send: impl FnMut(Changed) -> bool,
) -> Result<bool, FolderError> {
    let Plan {
        mut read,
        gone,
        walk,
        files,
    } = folder.walk()?;
    let total_files = files;
    read.reverse();
    let total = read.len();
    let mut index = SearchIndex::default().with_abbreviations(abbreviations);
    let mut changes = Changes {
        gone,
        walk,
        files,
        ..Changes::default()
    };
    let mut shared = Some(shared);
    let (mut done, mut part) = (0, FIRST_PART);
    loop {
        let batch = &read[done..(done + part).min(total)];
        let (reads, prepared) = read_files(folder, batch);
        done += batch.len();
        changes.read = reads;
        changes.files = total_files;
        let mut changed = Changed {
            changes: std::mem::take(&mut changes),
            prepared: Vec::new(),
            reading: Some((done, total)),
            shared: shared.take().map(|find| find()),
            index: None,
        };
        if done == total {
            index.update(&[], std::iter::empty(), prepared);
            index.shrink_to_fit();
            changed.index = Some(Box::new(index));
            return Ok(send(changed));
        }
        if !send(changed) {
            return Ok(false);
        }
        index.update(&[], std::iter::empty(), prepared);
        part = (part * 2).min(LARGEST_PART);
    }
}

/// Reads what `plan` asks for and gives it to `send` in parts (the first with the files gone
/// and the walk's problems), with the sessions' words folded for search; `false` when `send`
/// said to stop.
pub fn read_changes(folder: &mut Folder, plan: Plan, mut send: impl FnMut(Action) -> bool) -> bool {
    let mut changes = Changes {
        gone: plan.gone,
        walk: plan.walk,
        files: plan.files,
        ..Changes::default()
    };
    let mut parts = plan.read.chunks(CHANGE_PART).peekable();
    loop {
        let batch = parts.next().unwrap_or_default();
        let (reads, prepared) = read_files(folder, batch);
        changes.read = reads;
        let changed = Changed {
            changes: std::mem::take(&mut changes),
            prepared,
            reading: None,
            shared: None,
            index: None,
        };
        changes.files = plan.files;
        if !send(action(Ok(changed))) {
            return false;
        }
        if parts.peek().is_none() {
            return true;
        }
    }
}

/// Reads `files` on every core, folding each session's words for search on the thread that
/// read it.
fn read_files(
    folder: &mut Folder,
    files: &[PathBuf],
) -> (Vec<(PathBuf, FileReport)>, Vec<Prepared>) {
    let read = folder.read_then(files, |rel, report| {
        let prepared = report.session.as_ref().map(Prepared::new);
        ((rel.to_path_buf(), report), prepared)
    });
    let (reads, prepared): (Vec<_>, Vec<_>) = read.into_iter().unzip();
    (reads, prepared.into_iter().flatten().collect())
}
