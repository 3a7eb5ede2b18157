//! Finds the `*.toml` files of a briefing folder without leaving it, and reads each one within a size limit.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::files::{self, Stamp};
use super::{Diagnostic, Severity, display_path};
use crate::diag::{FileRead, OsError, Problem, Refusal};
use crate::model::Lang;

/// Bounds on what one load reads, so any folder loads in bounded time and memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest briefing file read, in bytes.
    pub max_file_size: u64,
    /// Deepest sub-folder entered (the folder itself is depth 0).
    pub max_depth: usize,
    /// Most `*.toml` files loaded.
    pub max_files: usize,
    /// Most names looked at in the whole walk (files and folders of any kind).
    pub max_entries: usize,
    /// The present moment a file is checked against (a progress entry may not lie more than a
    /// minute after it): `None` is the clock; `--now` and tests give one.
    pub now: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// 4 MiB: the sample briefing is 16 KB and a long one with every district of
/// the province about 200 KB, so this is 20 times the largest real file, yet
/// a thousand of them would still fit in memory.
pub(crate) const DEFAULT_MAX_FILE_SIZE: u64 = 4 << 20;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_depth: 32,
            max_files: 10_000,
            max_entries: 100_000,
            now: None,
        }
    }
}

/// Why a briefing file was not read.
///
/// [`ReadError::problem`] is it as a diagnostic's problem; `Display` is the English message
/// of a briefing not read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    Io(#[from] io::Error),
    TooBig { size: u64, limit: u64 },
    NotRegular,
}

impl ReadError {
    /// The problem this is for `file` (a briefing, or the config), to be said in the reader's
    /// language.
    pub(crate) fn problem(&self, file: FileRead) -> Problem {
        let why = match self {
            ReadError::Io(e) => Refusal::Unreadable {
                error: OsError::from(e),
            },
            ReadError::TooBig { size, limit } => Refusal::TooBig {
                size: *size,
                limit: *limit,
            },
            ReadError::NotRegular => Refusal::NotRegular,
        };
        Problem::Refused { file, why }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.problem(FileRead::Briefing).message(Lang::En))
    }
}

/// The bytes of the file at `path`, refused without reading it all when it is larger than
/// `limit` or not a regular file (see [`read_bounded_meta`]).
pub(crate) fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_bounded_meta(path, limit).map(|(bytes, _)| bytes)
}

/// The bytes of the file at `path`, refused without reading it all when it is larger than
/// `limit` or not a regular file (opening never blocks on a pipe), with the file's metadata as
/// it was when opened (before it was read).
///
/// A whole version only: a check-off does not rewrite the file in place while it is read (the
/// content lock, see `store::write`); the file's stamp is taken before and after the read and
/// the read made again when they differ; a rewrite a crash left half-done is read through its
/// recovery copy (the text before).
pub(super) fn read_bounded_meta(
    path: &Path,
    limit: u64,
) -> Result<(Vec<u8>, fs::Metadata), ReadError> {
    read_whole(path, limit).map(|whole| (whole.bytes, whole.meta))
}

/// What [`read_whole`] read: the bytes, the file's metadata when opened, and whether the bytes
/// are a recovery copy's (a rewrite in place is half done).
pub(super) struct Whole {
    pub(super) bytes: Vec<u8>,
    pub(super) meta: fs::Metadata,
    pub(super) rescued: bool,
}

/// [`read_bounded_meta`], saying whether the bytes came through a recovery copy.
pub(super) fn read_whole(path: &Path, limit: u64) -> Result<Whole, ReadError> {
    // What is not a regular file (a FIFO, a device) is never opened: opening one can have
    // effects (a FIFO's writer goes on).
    if !fs::metadata(path)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    // Held while reading, released when the file is closed.
    super::write::lock_for_reading(&file);
    let mut attempts = 0;
    loop {
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(ReadError::NotRegular);
        }
        if meta.len() > limit {
            return Err(ReadError::TooBig {
                size: meta.len(),
                limit,
            });
        }
        let rescue = super::write::rescue_beside(path, limit);
        let bytes = read_from_start(&file, meta.len(), limit)?;
        attempts += 1;
        if Stamp::of(&meta) == Stamp::of(&file.metadata()?) || attempts == READ_ATTEMPTS {
            return Ok(match rescue {
                Some(r) if r.is_for(meta.dev(), meta.ino()) => Whole {
                    bytes: r.readable(&bytes).into_owned(),
                    meta,
                    rescued: true,
                },
                _ => Whole {
                    bytes,
                    meta,
                    rescued: false,
                },
            });
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// How often a file that keeps changing under the reader is read before its last read is taken.
const READ_ATTEMPTS: u32 = 50;

fn read_from_start(file: &fs::File, len: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Seek;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    let mut reader = file;
    reader.rewind()?;
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(ReadError::TooBig { size, limit });
    }
    Ok(bytes)
}

/// The state of one walk below `root`.
pub(super) struct Walk<'a> {
    root: &'a Path,
    inside: PathBuf,
    device: u64,
    limits: Limits,
    visited: HashSet<(u64, u64)>,
    pub(super) entries: usize,
    pub(super) stopped: bool,
    pub(super) found: Vec<PathBuf>,
    pub(super) problems: Vec<Diagnostic>,
}

impl<'a> Walk<'a> {
    pub(super) fn new(root: &'a Path, root_meta: &fs::Metadata, limits: Limits) -> Self {
        let mut visited = HashSet::new();
        visited.insert((root_meta.dev(), root_meta.ino()));
        Walk {
            root,
            inside: fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            device: root_meta.dev(),
            limits,
            visited,
            entries: 0,
            stopped: false,
            found: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, rel: &Path, severity: Severity, problem: Problem) {
        let shown = if rel.as_os_str().is_empty() {
            ".".to_string()
        } else {
            display_path(rel)
        };
        self.problems
            .push(Diagnostic::new(&shown, severity, problem));
    }

    /// Walks the folder `rel` (already read as `entries`), `depth` levels below the root.
    pub(super) fn folder(&mut self, rel: &Path, entries: fs::ReadDir, depth: usize) {
        let mut names: Vec<_> = (entries.flatten())
            .map(|e| (e.file_name(), e.file_type().is_ok_and(|t| t.is_file())))
            .collect();
        names.sort();
        for (name, plain_file) in names {
            if self.stopped {
                return;
            }
            if files::is_hidden(&name) {
                continue;
            }
            self.entries += 1;
            if self.entries > self.limits.max_entries {
                self.stop(Problem::WalkStopped {
                    entries: self.limits.max_entries,
                });
                return;
            }
            let rel = rel.join(&name);
            // A plain file, as the folder listing says: no need to ask the file system again.
            if plain_file {
                if files::is_briefing(&rel) {
                    self.found(rel);
                }
                continue;
            }
            self.entry(&rel, depth);
        }
    }

    fn stop(&mut self, problem: Problem) {
        self.stopped = true;
        self.problem(Path::new(""), Severity::Error, problem);
    }

    fn entry(&mut self, rel: &Path, depth: usize) {
        let full = self.root.join(rel);
        let is_toml = files::has_briefing_ending(rel);
        let Ok(own) = fs::symlink_metadata(&full) else {
            return;
        };
        let link = own.file_type().is_symlink();
        let meta = if link {
            match fs::metadata(&full) {
                Ok(m) => m,
                Err(e) if is_toml => {
                    let error = OsError::from(&e);
                    return self.problem(rel, Severity::Error, Problem::DanglingLink { error });
                }
                Err(_) => return,
            }
        } else {
            own
        };
        if meta.is_dir() {
            self.subfolder(rel, &full, &meta, link, depth + 1);
        } else if is_toml {
            self.briefing(rel, &meta);
        }
    }

    fn briefing(&mut self, rel: &Path, meta: &fs::Metadata) {
        if !meta.is_file() {
            let refused = ReadError::NotRegular.problem(FileRead::Briefing);
            return self.problem(rel, Severity::Error, refused);
        }
        self.found(rel.to_path_buf());
    }

    /// A regular briefing file, unless there are too many.
    fn found(&mut self, rel: PathBuf) {
        if self.found.len() >= self.limits.max_files {
            return self.stop(Problem::TooManyFiles {
                files: self.limits.max_files,
            });
        }
        self.found.push(rel);
    }

    fn subfolder(
        &mut self,
        rel: &Path,
        full: &Path,
        meta: &fs::Metadata,
        link: bool,
        depth: usize,
    ) {
        if link && !self.is_inside(full) {
            return self.problem(rel, Severity::Warning, Problem::LinkOutside);
        }
        if meta.dev() != self.device {
            return self.problem(rel, Severity::Warning, Problem::OtherFileSystem);
        }
        if !self.visited.insert((meta.dev(), meta.ino())) {
            return;
        }
        if depth > self.limits.max_depth {
            let levels = self.limits.max_depth;
            return self.problem(rel, Severity::Error, Problem::TooDeep { levels });
        }
        match fs::read_dir(full) {
            Ok(entries) => self.folder(rel, entries, depth),
            Err(e) => {
                let error = OsError::from(&e);
                self.problem(rel, Severity::Error, Problem::FolderUnreadable { error });
            }
        }
    }

    fn is_inside(&self, full: &Path) -> bool {
        fs::canonicalize(full).is_ok_and(|target| target.starts_with(&self.inside))
    }
}
