//! A change of the folder as read (files read again or for the first time, files gone, the
//! walk's problems), and a catalog taking it: just those sessions and problems are replaced,
//! and the catalog ends as a fresh load of the folder would be.

use std::collections::HashSet;
use std::path::PathBuf;

use super::files::id_of;
use super::{Catalog, Diagnostic, FileReport, display_path};
use crate::model::{self, Session};

/// Files read and gone, as a loader found them (see [`super::Folder`]).
#[derive(Debug, Default)]
pub struct Changes {
    /// Files read (again), relative, with what each gave.
    pub read: Vec<(PathBuf, FileReport)>,
    /// Files gone, relative.
    pub gone: Vec<PathBuf>,
    /// The walk's own problems, when the folder was walked again.
    pub walk: Option<Vec<Diagnostic>>,
    /// How many briefing files the folder holds now.
    pub files: usize,
}

impl Changes {
    /// The ids of the sessions these changes replace or remove (whether loaded or not).
    pub fn ids(&self) -> Vec<String> {
        let read = self.read.iter().map(|(rel, _)| rel);
        read.chain(&self.gone).map(|rel| id_of(rel)).collect()
    }
}

impl Catalog {
    /// Takes `changes`: the sessions and problems of the files read or gone are replaced, the
    /// walk's problems too when walked again; sessions stay newest first and problems in path
    /// order. Returns the sessions replaced or removed, to be freed where it costs no frame.
    pub fn apply(&mut self, changes: Changes) -> Vec<Session> {
        let ids: HashSet<String> = changes.ids().into_iter().collect();
        let paths: HashSet<String> = (changes.read.iter().map(|(rel, _)| rel))
            .chain(&changes.gone)
            .map(|rel| display_path(rel))
            .collect();
        // In place: ten thousand sessions are not copied for a change of a few.
        let old: Vec<Session> = (self.sessions)
            .extract_if(.., |s| ids.contains(s.id.as_str()))
            .collect();
        let mut files: Vec<Diagnostic> = self.diagnostics.split_off(self.walk_problems);
        files.retain(|d| !paths.contains(&d.path));
        // Exactly the room the folder's sessions need: growing by doubling would leave up
        // to half of it unused once ten thousand are in.
        let coming = changes.read.len();
        if self.sessions.capacity() - self.sessions.len() < coming {
            let want = changes.files.max(self.sessions.len() + coming);
            self.sessions.reserve_exact(want - self.sessions.len());
        }
        for (_, report) in changes.read {
            self.sessions.extend(report.session);
            files.extend(report.diagnostics);
        }
        files.sort_by(|a, b| a.path.split('/').cmp(b.path.split('/')));
        if let Some(walk) = changes.walk {
            self.diagnostics = walk;
        }
        self.walk_problems = self.diagnostics.len();
        self.diagnostics.extend(files);
        model::sort_newest_first(&mut self.sessions);
        self.files = changes.files;
        old
    }
}
