//! Finds the `*.toml` files of a briefing folder without leaving it, and reads each one within a size limit.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::{Diagnostic, Severity, display_path};

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
}

/// 4 MiB: the sample briefing is 16 KB and a long one with every district of
/// the province about 200 KB, so this is 20 times the largest real file, yet
/// a thousand of them would still fit in memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 4 << 20;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_depth: 32,
            max_files: 10_000,
            max_entries: 100_000,
        }
    }
}

/// `4 MiB`, `512 KiB` or `1000 bytes`, whichever is exact.
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

/// Why a briefing file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the file: {0}")]
    Io(#[from] io::Error),
    #[error(
        "the file is {size} bytes, more than the limit of {} per briefing; it is not read (split it, or raise `max_file_mib` in the config file)",
        human_size(*limit)
    )]
    TooBig { size: u64, limit: u64 },
    #[error("not a regular file (a pipe, socket or device); it is not read")]
    NotRegular,
}

/// The bytes of the file at `path`, refused without reading it all when it
/// is larger than `limit` or not a regular file (opening never blocks on a pipe).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
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
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
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
    entries: usize,
    stopped: bool,
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

    fn problem(&mut self, rel: &Path, severity: Severity, message: String) {
        let shown = if rel.as_os_str().is_empty() {
            ".".to_string()
        } else {
            display_path(rel)
        };
        self.problems
            .push(Diagnostic::new(&shown, severity, message));
    }

    /// Walks the folder `rel` (already read as `entries`), `depth` levels below the root.
    pub(super) fn folder(&mut self, rel: &Path, entries: fs::ReadDir, depth: usize) {
        let mut names: Vec<_> = entries.flatten().map(|e| e.file_name()).collect();
        names.sort();
        for name in names {
            if self.stopped {
                return;
            }
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            self.entries += 1;
            if self.entries > self.limits.max_entries {
                self.stop(format!(
                    "stopped after looking at {} files and folders: this does not look like a briefing folder (check --dir); what was found so far is loaded",
                    self.limits.max_entries
                ));
                return;
            }
            self.entry(&rel.join(&name), depth);
        }
    }

    fn stop(&mut self, message: String) {
        self.stopped = true;
        self.problem(Path::new(""), Severity::Error, message);
    }

    fn entry(&mut self, rel: &Path, depth: usize) {
        let full = self.root.join(rel);
        let is_toml = rel.extension().is_some_and(|e| e == "toml");
        let Ok(own) = fs::symlink_metadata(&full) else {
            return;
        };
        let link = own.file_type().is_symlink();
        let meta = if link {
            match fs::metadata(&full) {
                Ok(m) => m,
                Err(e) if is_toml => {
                    let message = format!(
                        "the symbolic link points to nothing that can be read ({e}); it is not loaded"
                    );
                    return self.problem(rel, Severity::Error, message);
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
            let message = ReadError::NotRegular.to_string();
            return self.problem(rel, Severity::Error, message);
        }
        if self.found.len() >= self.limits.max_files {
            return self.stop(format!(
                "more than {} briefing files: only the first {0} are loaded (check --dir)",
                self.limits.max_files
            ));
        }
        self.found.push(rel.to_path_buf());
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
            let message =
                "a symbolic link to a folder outside the briefing folder; not followed".to_string();
            return self.problem(rel, Severity::Warning, message);
        }
        if meta.dev() != self.device {
            let message =
                "a folder on another file system (a mount point); not entered".to_string();
            return self.problem(rel, Severity::Warning, message);
        }
        if !self.visited.insert((meta.dev(), meta.ino())) {
            return;
        }
        if depth > self.limits.max_depth {
            let message = format!(
                "folders nested more than {} levels deep; this one is not entered",
                self.limits.max_depth
            );
            return self.problem(rel, Severity::Error, message);
        }
        match fs::read_dir(full) {
            Ok(entries) => self.folder(rel, entries, depth),
            Err(e) => {
                let message =
                    format!("cannot read this folder ({e}); its briefings are not loaded");
                self.problem(rel, Severity::Error, message);
            }
        }
    }

    fn is_inside(&self, full: &Path) -> bool {
        fs::canonicalize(full).is_ok_and(|target| target.starts_with(&self.inside))
    }
}
