//! Sharing a briefing folder through git: runs the `git` command, merges check-offs, reads history.

pub mod history;
pub mod merge;
pub mod sync;

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Why a git operation did not happen or did not finish; the folder is as it was in every case.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("git is not installed (no `git` command on PATH); install git to share briefings")]
    NoGit,
    #[error(
        "{} is not in a git work tree, so there is nothing to share; clone the shared briefings with `git clone URL`, or run `git init` there",
        dir.display()
    )]
    NotAWorkTree { dir: PathBuf },
    #[error("the repository has no remote to sync with; add one: git remote add origin URL")]
    NoRemote,
    #[error(
        "branch `{branch}` has no upstream to sync with; send it once with: git push -u {remote} {branch}"
    )]
    NoUpstream { branch: String, remote: String },
    #[error("no branch is checked out (detached HEAD); check a branch out first: git switch main")]
    Detached,
    #[error(
        "a rebase or merge is already under way in {}; finish it (git rebase --continue) or abort it (git rebase --abort), then sync again",
        top.display()
    )]
    InProgress { top: PathBuf },
    #[error(
        "cannot reach the remote `{remote}` (no network, or the address is wrong: {detail}); your check-offs are kept here and the next sync sends them"
    )]
    Unreachable { remote: String, detail: String },
    #[error(
        "the remote `{remote}` refused your credentials ({detail}); check your password, token or SSH key, then sync again"
    )]
    Authentication { remote: String, detail: String },
    #[error(
        "the history of `{upstream}` was rewritten on the remote (someone force-pushed), so it no longer continues yours; sync does not merge over rewritten history: ask whoever rewrote it, then reconcile by hand (git log {upstream}, git rebase)"
    )]
    Diverged { upstream: String },
    #[error(
        "{} changed here and on the remote in the same place, and not only check-offs, so it cannot be merged automatically; nothing was merged and the folder is as before the sync{}. To merge by hand: git pull --rebase, edit the marked lines, git add FILE, git rebase --continue, then briefing sync",
        files.join(", "),
        local_note(local)
    )]
    Conflict {
        files: Vec<String>,
        local: Option<String>,
    },
    #[error("the remote rejected the push ({detail}); nothing was forced: sync again later")]
    Rejected { detail: String },
    #[error("`git {command}` failed: {detail}")]
    Failed { command: String, detail: String },
    #[error("cannot run git: {0}")]
    Io(io::Error),
}

fn local_note(local: &Option<String>) -> String {
    match local {
        Some(commit) => format!(" (your check-offs are committed here, in {commit}, not sent)"),
        None => String::new(),
    }
}

/// A briefing folder inside a git work tree.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The top of the work tree.
    pub top: PathBuf,
    /// The briefing folder below `top`, `/`-separated, ending in `/` (empty at the top).
    pub prefix: String,
}

impl Repo {
    /// The work tree holding `dir`.
    pub fn find(dir: &Path) -> Result<Repo, GitError> {
        let out = git_in(dir, ["rev-parse", "--show-toplevel", "--show-prefix"])?;
        let not_tree = || GitError::NotAWorkTree {
            dir: dir.to_path_buf(),
        };
        if !out.status.success() {
            return Err(not_tree());
        }
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut lines = text.lines();
        let top = lines
            .next()
            .filter(|t| !t.is_empty())
            .ok_or_else(not_tree)?;
        Ok(Repo {
            top: PathBuf::from(top),
            prefix: lines.next().unwrap_or_default().to_string(),
        })
    }

    /// Runs git at the top of the work tree.
    pub fn run<I, S>(&self, args: I) -> Result<Output, GitError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        git_in(&self.top, args)
    }

    /// Runs git and gives its standard output, or `Failed` with its error output.
    pub fn ok<I, S>(&self, args: I) -> Result<String, GitError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<S> = args.into_iter().collect();
        let out = self.run(&args)?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(failed(&args, &out))
        }
    }

    /// The path below the top of a session id of the briefing folder.
    pub fn path_of(&self, session_id: &str) -> String {
        format!("{}{session_id}.toml", self.prefix)
    }

    /// The session id of a path below the top, when it is a briefing of the folder.
    pub fn session_of(&self, path: &str) -> Option<String> {
        let rel = path.strip_prefix(&self.prefix)?.strip_suffix(".toml")?;
        let visible = !rel.is_empty() && rel.split('/').all(|p| !p.starts_with('.'));
        visible.then(|| rel.to_string())
    }
}

fn git_in<I, S>(dir: &Path, args: I) -> Result<Output, GitError>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    command(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(spawn_error)
}

/// `git` in `dir`, with messages in English (they are matched to explain failures).
pub fn command(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .env("LC_ALL", "C")
        .env_remove("LANGUAGE");
    cmd
}

fn spawn_error(e: io::Error) -> GitError {
    if e.kind() == io::ErrorKind::NotFound {
        GitError::NoGit
    } else {
        GitError::Io(e)
    }
}

fn failed<S: AsRef<OsStr>>(args: &[S], out: &Output) -> GitError {
    let command = args
        .iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    GitError::Failed {
        command,
        detail: detail(out),
    }
}

/// The useful part of git's error output: its `fatal:`/`error:` lines, else all of it.
pub fn detail(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr);
    let key: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("fatal:") || l.starts_with("error:"))
        .collect();
    let lines: Vec<&str> = if key.is_empty() {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    } else {
        key
    };
    lines.join(" ")
}

/// What a failed fetch or push says about the remote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteFailure {
    Unreachable,
    Authentication,
    Rejected,
    Other,
}

/// Tells from git's error output why talking to a remote failed.
pub fn classify(stderr: &str) -> RemoteFailure {
    let s = stderr.to_ascii_lowercase();
    let any = |needles: &[&str]| needles.iter().any(|n| s.contains(n));
    if any(&[
        "authentication failed",
        "permission denied",
        "could not read username",
        "could not read password",
        "terminal prompts disabled",
        "invalid username or password",
        "access denied",
        "returned error: 401",
        "returned error: 403",
    ]) {
        RemoteFailure::Authentication
    } else if any(&[
        "[rejected]",
        "non-fast-forward",
        "fetch first",
        "failed to push some refs",
    ]) {
        RemoteFailure::Rejected
    } else if any(&[
        "could not resolve host",
        "couldn't resolve host",
        "connection refused",
        "failed to connect",
        "network is unreachable",
        "connection timed out",
        "timed out",
        "no route to host",
        "could not read from remote repository",
        "does not appear to be a git repository",
        "unable to access",
        "name or service not known",
        "temporary failure in name resolution",
    ]) {
        RemoteFailure::Unreachable
    } else {
        RemoteFailure::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_failures_are_told_apart() {
        use RemoteFailure::*;
        let cases = [
            (
                "fatal: unable to access 'https://x/': Could not resolve host: x",
                Unreachable,
            ),
            (
                "ssh: connect to host x port 22: Connection refused\nfatal: Could not read from remote repository.",
                Unreachable,
            ),
            (
                "fatal: '/tmp/nope' does not appear to be a git repository",
                Unreachable,
            ),
            (
                "remote: Invalid username or password.\nfatal: Authentication failed for 'https://x/'",
                Authentication,
            ),
            (
                "git@x: Permission denied (publickey).\nfatal: Could not read from remote repository.",
                Authentication,
            ),
            (
                "fatal: could not read Username for 'https://x': terminal prompts disabled",
                Authentication,
            ),
            (
                " ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs",
                Rejected,
            ),
            ("fatal: something else", Other),
        ];
        for (stderr, want) in cases {
            assert_eq!(classify(stderr), want, "{stderr}");
        }
    }

    #[test]
    fn briefing_paths_of_the_folder_only() {
        let repo = Repo {
            top: PathBuf::from("/r"),
            prefix: "briefings/".to_string(),
        };
        assert_eq!(
            repo.session_of("briefings/2024/a.toml").as_deref(),
            Some("2024/a")
        );
        assert_eq!(repo.session_of("briefings/2024/.a.toml"), None);
        assert_eq!(repo.session_of("briefings/notes.md"), None);
        assert_eq!(repo.session_of("other/a.toml"), None);
        assert_eq!(repo.path_of("2024/a"), "briefings/2024/a.toml");
    }
}
