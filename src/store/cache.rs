//! The parse cache of `list`, `check` and `report`: per briefing file, the session loading it
//! made, kept for the next command while the file keeps its stamp.
//!
//! One cache file per briefing folder, in `$XDG_CACHE_HOME/briefing/` (else
//! `~/.cache/briefing/`), named by a hash of the folder's canonical path (`file.rs` has its
//! format). Only a file that loaded without any problem is kept: one with an error or a
//! warning is read and validated every time, so `check` says its problems as a fresh load
//! does. An entry is used only when the file's [`Stamp`] (device, inode, size, last write and
//! status change, in nanoseconds) is the one it was read with, and was taken more than
//! [`SETTLED`] before that load began (git's "racily clean" case: a file written again within
//! the same tick keeps its stamp), and when the present moment is not before the one it was
//! validated against. Anything else about the cache (missing, of another build or folder,
//! truncated, corrupt, not writable) only means the files are read as without it. Beside each
//! session an entry keeps its follow-up part, all `report` reads, so `report` decodes that
//! ([`Part::FollowUp`]) while `list` and `check` decode the whole session (the interface does
//! not load through the cache).

mod file;
#[cfg(test)]
mod tests;

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, FixedOffset};

use super::{
    Catalog, FileReport, FolderError, Limits, Stamp, discover_with, files, load_file_opened,
    on_every_core,
};
use crate::model::{self, Session};
use file::{Held, Record, Stored};

/// How long before a load began a file must have been last written and changed for its
/// entry to be kept: more than the coarsest time stamps of the file systems in use (FAT's two
/// seconds), so a write after the read always gives the file another stamp.
pub(crate) const SETTLED: Duration = Duration::from_secs(3);

/// The folder of the cache files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

/// Which part of each session a command needs from a load: the whole session, or only its
/// follow-up part ([`Session::follow_up_part`]) that `report` reads, which the cache keeps
/// beside it and decodes in a fraction of the time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Part {
    #[default]
    Whole,
    FollowUp,
}

impl Part {
    /// `session` as this part keeps it.
    fn of(self, session: Session) -> Session {
        match self {
            Part::Whole => session,
            Part::FollowUp => session.follow_up_part(),
        }
    }
}

/// How one load used the cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Used {
    /// Sessions taken from the cache.
    pub cached: usize,
    /// Files read and validated.
    pub parsed: usize,
    /// Of those, the ones added to the cache.
    pub added: usize,
    /// Whether the cache file was written anew.
    pub written: bool,
}

impl Cache {
    /// The cache files in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Cache { dir: dir.into() }
    }

    /// `$XDG_CACHE_HOME/briefing` (when it is an absolute path), else `$HOME/.cache/briefing`;
    /// `None` when neither is set. `env` gives a variable's value when it is set and not empty.
    pub fn from_env(env: impl Fn(&str) -> Option<String>) -> Option<Self> {
        let base = env("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| env("HOME").map(|home| PathBuf::from(home).join(".cache")))?;
        Some(Cache::in_dir(base.join("briefing")))
    }

    /// The cache file of the briefing folder whose canonical path is `root`.
    fn file_of(&self, root: &Path) -> PathBuf {
        let hash = file::fnv(root.as_os_str().as_bytes());
        self.dir.join(format!("{hash:016x}.cache"))
    }
}

/// Every briefing below `root`, as [`super::load_dir_with`] loads it, taking from `cache` the
/// sessions of the files unchanged since it kept them, and keeping there those it had to read.
/// Each session is the `part` asked for: a file read afresh is reduced to it after validation,
/// as the cache keeps it, so a load from the cache and one without give the same catalog.
pub fn load_dir_cached(
    root: &Path,
    limits: &Limits,
    cache: &Cache,
    part: Part,
) -> Result<(Catalog, Used), FolderError> {
    let (found, mut diagnostics) = discover_with(root, limits)?;
    let walk_problems = diagnostics.len();
    let now = limits
        .now
        .unwrap_or_else(|| chrono::Local::now().fixed_offset());
    let limits = Limits {
        now: Some(now),
        ..*limits
    };
    let place = std::fs::canonicalize(root)
        .ok()
        .map(|canonical| (cache.file_of(&canonical), canonical));
    let bytes = place
        .as_ref()
        .and_then(|(path, _)| file::read(path, Held::Only(part)));
    let stored = match (&bytes, &place) {
        (Some(bytes), Some((_, canonical))) => {
            Stored::parse(bytes, &folder_key(canonical), Held::Only(part))
        }
        _ => None,
    }
    .unwrap_or_default();
    let outcomes = on_every_core(&found, |rel| {
        one_file(root, rel, &limits, &stored, now, part)
    });
    let mut used = Used::default();
    let mut sessions = Vec::with_capacity(found.len());
    let mut records = Vec::with_capacity(found.len());
    for outcome in outcomes {
        match outcome {
            Outcome::Cached(session, record) => {
                used.cached += 1;
                sessions.push(session);
                records.push(record);
            }
            Outcome::Parsed(report, record) => {
                used.parsed += 1;
                diagnostics.extend(report.diagnostics);
                sessions.extend(report.session);
                used.added += usize::from(record.is_some());
                records.extend(record);
            }
        }
    }
    if let Some((path, canonical)) = &place
        && (used.added > 0 || records.len() != stored.len())
    {
        let key = folder_key(canonical);
        // The entries taken from the cache lack the part not read: the file gives it again.
        let full = match records.iter().all(|r| r.completed(None).is_some()) {
            true => None,
            false => file::read(path, Held::Both),
        };
        let full = full
            .as_deref()
            .and_then(|b| Stored::parse(b, &key, Held::Both));
        let complete: Vec<Record<'_>> = records
            .iter()
            .filter_map(|r| r.completed(full.as_ref()))
            .collect();
        used.written = file::write(path, &key, &complete).is_ok();
    }
    model::sort_newest_first(&mut sessions);
    let catalog = Catalog {
        sessions,
        diagnostics,
        files: found.len(),
        walk_problems,
    };
    Ok((catalog, used))
}

/// What loading one file gave: its session from the cache, with the entry to keep; or its
/// report read from the file, with the entry to add when it is one to keep.
enum Outcome<'c> {
    Cached(Session, Record<'c>),
    Parsed(FileReport, Option<Record<'c>>),
}

/// The folder as the cache file names it inside.
fn folder_key(canonical: &Path) -> String {
    canonical.to_string_lossy().into_owned()
}

fn one_file<'c>(
    root: &Path,
    rel: &Path,
    limits: &Limits,
    stored: &Stored<'c>,
    now: DateTime<FixedOffset>,
    part: Part,
) -> Outcome<'c> {
    let entry = rel.to_str().and_then(|key| stored.get(key));
    if let Some(entry) = entry
        && let Some(session) = from_cache(root, rel, limits, entry, now, part)
    {
        return Outcome::Cached(session, entry.clone());
    }
    let (mut report, opened) = load_file_opened(root, rel, limits);
    let record = match (&report.session, opened, rel.to_str()) {
        (Some(session), Some((meta, false)), Some(key)) if report.diagnostics.is_empty() => {
            let stamp = Stamp::of(&meta);
            settled(&stamp, now)
                .then(|| Record::of(key, stamp, now, session))
                .flatten()
        }
        _ => None,
    };
    report.session = report.session.map(|session| part.of(session));
    Outcome::Parsed(report, record)
}

/// The `part` of the session `entry` keeps, when the file at `rel` still has the stamp it was
/// read with, may still be read (`limits`), and `now` is not before the moment it was
/// validated against.
fn from_cache(
    root: &Path,
    rel: &Path,
    limits: &Limits,
    entry: &Record<'_>,
    now: DateTime<FixedOffset>,
    part: Part,
) -> Option<Session> {
    let stamp = Stamp::of_path(&root.join(rel))?;
    let usable = stamp == entry.stamp
        && stamp.len <= limits.max_file_size
        && file::moment(now) >= entry.validated_at;
    if !usable {
        return None;
    }
    let session = entry.session(part)?;
    (session.id == files::id_of(rel)).then_some(session)
}

/// Whether the file of `stamp` was last written and changed long enough before `now` that a
/// later write cannot leave its stamp as it is.
fn settled(stamp: &Stamp, now: DateTime<FixedOffset>) -> bool {
    let Some(before) = SystemTime::from(now).checked_sub(SETTLED) else {
        return false;
    };
    let at = |(secs, nanos): (i64, i64)| {
        let since = Duration::new(secs.unsigned_abs(), u32::try_from(nanos).unwrap_or(0));
        match secs >= 0 {
            true => SystemTime::UNIX_EPOCH.checked_add(since),
            false => SystemTime::UNIX_EPOCH.checked_sub(since),
        }
    };
    [stamp.modified, stamp.changed]
        .into_iter()
        .all(|time| at(time).is_some_and(|t| t < before))
}
