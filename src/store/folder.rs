//! What changed in a briefing folder since it was last read, so that a change costs what
//! changed. Every file is stamped (device, inode, size, modification and change times) as it
//! was when opened to be read; a walk reads only what is new or stamped otherwise, and a list
//! of changed paths (from the watcher) reads only those files, unless one of them could
//! change what a walk finds (a folder, a link, a limit), when the whole folder is walked.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::files::{self, Stamp};
use super::{
    Diagnostic, FileReport, FolderError, Limits, SharedTexts, load_file_meta, on_every_core,
    walk_folder,
};

/// A briefing folder as last looked at, kept by whoever reads it again and again (the loader).
#[derive(Debug)]
pub struct Folder {
    root: PathBuf,
    /// The root as the watcher names it.
    canonical: PathBuf,
    limits: Limits,
    /// Every briefing found, with its stamp when last read (`None`: not read or not opened).
    known: BTreeMap<PathBuf, Option<Stamp>>,
    /// The folders the last walk found briefings in, by the names it entered them by.
    dirs: HashSet<PathBuf>,
    /// Names the last walk looked at, with the files added and removed since.
    entries: usize,
    /// The folder has been walked, and the walk was not stopped by a limit.
    complete: bool,
}

/// What to read after a look at the folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files to read (new, or changed since read), relative and sorted.
    pub read: Vec<PathBuf>,
    /// Files gone since they were read (removed, or renamed to another name).
    pub gone: Vec<PathBuf>,
    /// The walk's own problems, when the folder was walked.
    pub walk: Option<Vec<Diagnostic>>,
    /// How many briefing files the folder holds now.
    pub files: usize,
}

/// What one changed path asks for.
enum Step {
    Read(PathBuf),
    Gone(PathBuf),
    Nothing,
    /// Something a walk must look at.
    Walk,
}

impl Folder {
    /// A folder not looked at yet: the first [`Folder::walk`] reads every file.
    pub fn new(root: &Path, limits: Limits) -> Self {
        Folder {
            root: root.to_path_buf(),
            canonical: fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            limits,
            known: BTreeMap::new(),
            dirs: HashSet::new(),
            entries: 0,
            complete: false,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Walks the whole folder: the files to read are those new or stamped otherwise than when
    /// last read, the gone ones those no longer found. Only files read before are looked at
    /// (the first walk of a big folder lists it without a `stat` per file).
    pub fn walk(&mut self) -> Result<Plan, FolderError> {
        let walk = walk_folder(&self.root, &self.limits)?;
        let mut known = Vec::with_capacity(walk.found.len());
        let mut read = Vec::new();
        for rel in walk.found {
            let before = self.known.remove(&rel).flatten();
            let now = before.and_then(|_| fs::metadata(self.root.join(&rel)).ok());
            let stamp = now.map(|m| Stamp::of(&m));
            if stamp.is_none() || before != stamp {
                read.push(rel.clone());
            }
            known.push((rel, stamp));
        }
        // Sorted already: the map is built without comparing paths again.
        let gone = std::mem::replace(&mut self.known, known.into_iter().collect())
            .into_keys()
            .collect();
        self.dirs.clear();
        let mut last: Option<&Path> = None;
        for parent in self.known.keys().filter_map(|rel| rel.parent()) {
            if last != Some(parent) {
                self.dirs.insert(parent.to_path_buf());
                last = Some(parent);
            }
        }
        self.entries = walk.entries;
        self.complete = !walk.stopped;
        Ok(Plan {
            read,
            gone,
            walk: Some(walk.problems),
            files: self.known.len(),
        })
    }

    /// Takes the paths a watcher saw change (absolute, below the root): reads the briefings
    /// among them that are there, drops those gone; walks the folder instead when
    /// one of them is something else (a folder, a link, the root) or may meet a limit.
    pub fn changed(&mut self, paths: &[PathBuf]) -> Result<Plan, FolderError> {
        if !self.complete {
            return self.walk();
        }
        let mut steps = Vec::with_capacity(paths.len());
        for path in paths {
            match self.step(path) {
                Step::Walk => return self.walk(),
                step => steps.push(step),
            }
        }
        let added = (steps.iter())
            .filter(|s| matches!(s, Step::Read(rel) if !self.known.contains_key(rel)))
            .count();
        let over_files = self.known.len() + added > self.limits.max_files;
        if over_files || self.entries + added > self.limits.max_entries {
            return self.walk();
        }
        let mut plan = Plan::default();
        for step in steps {
            match step {
                Step::Read(rel) => {
                    if self.known.insert(rel.clone(), None).is_none() {
                        self.entries += 1;
                    }
                    plan.read.push(rel);
                }
                Step::Gone(rel) => {
                    self.known.remove(&rel);
                    self.entries = self.entries.saturating_sub(1);
                    plan.gone.push(rel);
                }
                Step::Nothing | Step::Walk => {}
            }
        }
        plan.read.sort();
        plan.read.dedup();
        plan.gone.sort();
        plan.gone.dedup();
        plan.files = self.known.len();
        Ok(plan)
    }

    /// Reads `files` (as planned) on every core, with `then` done to each report on the thread
    /// that read it; each file is stamped as it was when opened, before it was read.
    pub fn read_then<T: Send>(
        &mut self,
        files: &[PathBuf],
        then: impl Fn(&Path, FileReport) -> T + Sync,
    ) -> Vec<T> {
        let (root, limits) = (&self.root, &self.limits);
        let texts = SharedTexts::default();
        let results = on_every_core(files, |rel| {
            let (report, meta) = load_file_meta(root, rel, limits, Some(&texts));
            (meta.map(|m| Stamp::of(&m)), then(rel, report))
        });
        for (rel, (stamp, _)) in files.iter().zip(&results) {
            if let Some(known) = self.known.get_mut(rel) {
                *known = *stamp;
            }
        }
        results.into_iter().map(|(_, t)| t).collect()
    }

    /// What the change of `path` asks for.
    fn step(&self, path: &Path) -> Step {
        let Some(rel) = self.relative(path) else {
            return Step::Nothing;
        };
        if rel.as_os_str().is_empty() {
            return Step::Walk;
        }
        if files::has_hidden_part(&rel) {
            return Step::Nothing;
        }
        let parent = rel.parent().unwrap_or(Path::new(""));
        let entered = parent.as_os_str().is_empty() || self.dirs.contains(parent);
        let depth = rel.components().count() - 1;
        if !files::has_briefing_ending(&rel) || !entered || depth > self.limits.max_depth {
            return Step::Walk;
        }
        match fs::symlink_metadata(self.root.join(&rel)) {
            // Read again even when stamped alike: two writes within one tick of the file
            // system's clock may leave the same stamp, and the watcher saw this one.
            Ok(meta) if meta.file_type().is_file() => Step::Read(rel),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if self.known.contains_key(&rel) {
                    Step::Gone(rel)
                } else {
                    Step::Nothing
                }
            }
            _ => Step::Walk,
        }
    }

    /// `path` relative to the root, whether named through the root as given or its canonical form.
    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let rel = (path.strip_prefix(&self.canonical).ok())
            .or_else(|| path.strip_prefix(&self.root).ok())?;
        Some(rel.to_path_buf())
    }
}

#[cfg(test)]
mod tests;
