//! The upstream commit this clone last saw, kept in `.git/briefing-sync` (one line per
//! upstream: remote, branch, commit), so a sync can tell every time, not only the first, that
//! the upstream dropped commits (a force-push), whatever plain `git fetch`es happened meanwhile.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::git::{GitError, Repo};

/// The file's name inside the git directory.
const FILE: &str = "briefing-sync";
/// How many dropped commits an error names before "and N more".
const NAMED: usize = 10;

/// The remembered upstream of one branch.
pub(super) struct Seen {
    path: PathBuf,
    remote: String,
    merge: String,
    /// The commit last seen on the upstream, when one is remembered.
    pub commit: Option<String>,
}

impl Seen {
    pub(super) fn read(git_dir: &Path, remote: &str, merge: &str) -> Seen {
        let path = git_dir.join(FILE);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let commit = text.lines().find_map(|line| {
            let mut fields = line.split(' ');
            let (r, m, c) = (fields.next()?, fields.next()?, fields.next()?);
            (r == remote && m == merge && is_hash(c)).then(|| c.to_string())
        });
        Seen {
            path,
            remote: remote.to_string(),
            merge: merge.to_string(),
            commit,
        }
    }

    /// Remembers `commit` as the upstream seen now, keeping the other upstreams' lines; a
    /// file that cannot be written only costs the check at the next sync.
    pub(super) fn remember(&mut self, commit: &str) {
        if self.commit.as_deref() == Some(commit) || !is_hash(commit) {
            return;
        }
        self.commit = Some(commit.to_string());
        let old = std::fs::read_to_string(&self.path).unwrap_or_default();
        let mut text = String::from("# briefing sync: the upstream commit last seen\n");
        for line in old.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split(' ');
            if (fields.next(), fields.next()) != (Some(&self.remote), Some(&self.merge)) {
                text.push_str(line);
                text.push('\n');
            }
        }
        text.push_str(&format!("{} {} {commit}\n", self.remote, self.merge));
        let _ = write_replacing(&self.path, &text);
    }
}

fn is_hash(s: &str) -> bool {
    s.len() >= 40 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn write_replacing(path: &Path, text: &str) -> std::io::Result<()> {
    let temp = path.with_extension("tmp");
    let mut file = std::fs::File::create(&temp)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&temp, path)
}

/// The commits of `last` that `now` no longer holds, `abbreviated-hash subject` each (the first
/// few, then how many more); empty when `now` continues `last`, or when `last` is not known
/// here (nothing to compare).
pub(super) fn dropped(repo: &Repo, last: &str, now: &str) -> Result<Vec<String>, GitError> {
    if last == now || is_ancestor(repo, last, now) || !exists(repo, last) {
        return Ok(Vec::new());
    }
    let range = format!("{now}..{last}");
    let out = repo.ok(["log", "--no-decorate", "--format=%h %s", &range])?;
    let lines: Vec<String> = out.lines().map(str::to_string).collect();
    let mut named: Vec<String> = lines.iter().take(NAMED).cloned().collect();
    if lines.len() > NAMED {
        named.push(format!("+{}", lines.len() - NAMED));
    }
    Ok(named)
}

pub(super) fn is_ancestor(repo: &Repo, old: &str, new: &str) -> bool {
    repo.run(["merge-base", "--is-ancestor", old, new])
        .is_ok_and(|o| o.status.success())
}

fn exists(repo: &Repo, commit: &str) -> bool {
    repo.run(["cat-file", "-e", &format!("{commit}^{{commit}}")])
        .is_ok_and(|o| o.status.success())
}
