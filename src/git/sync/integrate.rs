//! Bringing the upstream in as one step that either happens whole or not at all: uncommitted
//! changes (staged and not) are kept in a stash entry of their own, the local commits are
//! rebased with the check-off merge driver, and the changes are put back as they were staged;
//! on any failure the branch, the work tree, the index and the stash list are put back exactly
//! as before.

use std::path::Path;

use super::setup::driver_program;
use crate::git::{GitError, Repo, detail};

/// The message of the stash entry that keeps uncommitted changes while a sync runs.
const STASH_MESSAGE: &str = "briefing sync: uncommitted changes kept during the sync";

/// Rebases the branch onto its upstream (only the commits after `from` when given), keeping
/// uncommitted changes; `local` is the commit of this sync's check-offs, for the messages.
pub(super) fn integrate(
    repo: &Repo,
    driver: &str,
    from: Option<&str>,
    local: Option<&str>,
) -> Result<(), GitError> {
    if let Some(program) = driver_program(driver).filter(|p| !Path::new(p).exists()) {
        return Err(GitError::DriverGone { program });
    }
    let orig = repo
        .ok(["rev-parse", "--verify", "HEAD"])?
        .trim()
        .to_string();
    let kept = keep_uncommitted(repo)?;
    let result = rebase(repo, driver, from, local).and_then(|()| match &kept {
        Some(stash) => put_back(repo, driver, stash, local),
        None => Ok(()),
    });
    match result {
        Ok(()) => {
            if let Some(stash) = &kept {
                drop_entry(repo, stash);
            }
            Ok(())
        }
        Err(e) => {
            undo(repo, &orig, kept.as_deref())?;
            Err(e)
        }
    }
}

/// Stashes the uncommitted changes of tracked files (an entry of its own, so a crash leaves
/// them in `git stash list`) and cleans the work tree; the stash commit, or `None` when clean.
fn keep_uncommitted(repo: &Repo) -> Result<Option<String>, GitError> {
    let stash = repo.ok(["stash", "create"])?.trim().to_string();
    if stash.is_empty() {
        return Ok(None);
    }
    repo.ok(["stash", "store", "-q", "-m", STASH_MESSAGE, &stash])?;
    if let Err(e) = repo.ok(["reset", "--hard", "-q"]) {
        let _ = repo.ok(["stash", "apply", "--index", "-q", &stash]);
        drop_entry(repo, &stash);
        return Err(e);
    }
    Ok(Some(stash))
}

/// Removes the stash entry of commit `stash` (wherever it is in the list now).
fn drop_entry(repo: &Repo, stash: &str) {
    let Ok(list) = repo.ok(["stash", "list", "--format=%H"]) else {
        return;
    };
    if let Some(n) = list.lines().position(|h| h.trim() == stash) {
        let _ = repo.ok(["stash", "drop", "-q", &format!("stash@{{{n}}}")]);
    }
}

fn with_driver<'a>(driver: &'a str, args: &[&'a str]) -> Vec<String> {
    let mut all = vec![
        "-c".to_string(),
        format!("merge.briefing.driver={driver}"),
        "-c".to_string(),
        "merge.briefing.name=briefing check-offs".to_string(),
    ];
    all.extend(args.iter().map(|a| a.to_string()));
    all
}

fn rebase(
    repo: &Repo,
    driver: &str,
    from: Option<&str>,
    local: Option<&str>,
) -> Result<(), GitError> {
    let args = match from {
        Some(from) => with_driver(
            driver,
            &["rebase", "--quiet", "--onto", "@{upstream}", from],
        ),
        None => with_driver(driver, &["rebase", "--quiet", "@{upstream}"]),
    };
    let out = repo.run(&args)?;
    if out.status.success() {
        return Ok(());
    }
    let files = unmerged(repo);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if let Some(detail) = driver_failure(&stderr, driver_program(driver).as_deref()) {
        return Err(GitError::DriverFailed {
            detail,
            local: local.map(str::to_string),
        });
    }
    if files.is_empty() {
        return Err(GitError::Failed {
            command: "rebase".to_string(),
            detail: detail(&out),
        });
    }
    Err(GitError::Conflict {
        files,
        local: local.map(str::to_string),
    })
}

/// Applies the kept changes onto the rebased branch, staged as they were.
fn put_back(repo: &Repo, driver: &str, stash: &str, local: Option<&str>) -> Result<(), GitError> {
    let args = with_driver(driver, &["stash", "apply", "--index", "-q", stash]);
    let out = repo.run(&args)?;
    if out.status.success() && unmerged(repo).is_empty() {
        return Ok(());
    }
    let mut files = unmerged(repo);
    if files.is_empty() {
        let changed = repo
            .ok(["diff", "--name-only", "-z", &format!("{stash}^1"), stash])
            .unwrap_or_default();
        files = changed
            .split('\0')
            .filter(|f| !f.is_empty())
            .map(|f| repo.below_folder(f))
            .collect();
    }
    Err(GitError::Uncommitted {
        files,
        local: local.map(str::to_string),
    })
}

/// The files left in conflict, below the folder.
fn unmerged(repo: &Repo) -> Vec<String> {
    repo.ok(["diff", "--name-only", "--diff-filter=U", "-z"])
        .unwrap_or_default()
        .split('\0')
        .filter(|f| !f.is_empty())
        .map(|f| repo.below_folder(f))
        .collect()
}

/// The branch, work tree, index and stash list as they were before [`integrate`].
fn undo(repo: &Repo, orig: &str, kept: Option<&str>) -> Result<(), GitError> {
    if repo.git_dir_has("rebase-merge") || repo.git_dir_has("rebase-apply") {
        let _ = repo.ok(["rebase", "--abort"]);
    }
    repo.ok(["reset", "--hard", "-q", orig])?;
    if let Some(stash) = kept {
        repo.ok(["stash", "apply", "--index", "-q", stash])?;
        drop_entry(repo, stash);
    }
    Ok(())
}

/// The line of git's error output that says the merge driver itself failed (could not be
/// run, or said an error of its own), when one does: that is not a conflict of the files.
fn driver_failure(stderr: &str, program: Option<&str>) -> Option<String> {
    let cannot_run = [
        "not found",
        "No such file",
        "Permission denied",
        "cannot execute",
    ];
    stderr
        .lines()
        .map(str::trim)
        .find(|line| {
            line.starts_with("briefing: ")
                || program.is_some_and(|p| {
                    line.contains(p) && cannot_run.iter().any(|c| line.contains(c))
                })
        })
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_driver_is_told_apart_from_a_conflict() {
        let program = Some("/opt/b/briefing");
        let gone = "error: could not apply 1234567... x\n/bin/sh: 1: /opt/b/briefing: not found\nCONFLICT (content): Merge conflict in 2024/a.toml";
        assert_eq!(
            driver_failure(gone, program).as_deref(),
            Some("/bin/sh: 1: /opt/b/briefing: not found")
        );
        let said = "briefing: error: /tmp/.merge_file_x: Permission denied\nCONFLICT (content)";
        assert!(driver_failure(said, program).is_some());
        let conflict =
            "Auto-merging 2024/a.toml\nCONFLICT (content): Merge conflict in 2024/a.toml";
        assert_eq!(driver_failure(conflict, program), None);
    }
}
