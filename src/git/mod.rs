//! Sharing a briefing folder through git: runs the `git` command, merges check-offs, reads history.

pub(crate) mod actions;
pub(crate) mod attributes;
pub(crate) mod history;
pub(crate) mod merge;
mod remote;
pub(crate) mod sync;

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::i18n;
use crate::model::Lang;
use crate::store::files;
use crate::terminal_text::one_line;

/// Why a git operation did not happen or did not finish; the folder is as it was in every case.
///
/// [`GitError::message`] says it in either language; `Display` is the English message.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    NoGit,
    NotAWorkTree {
        dir: PathBuf,
    },
    NoRemote,
    NoUpstream {
        branch: String,
        remote: String,
    },
    Detached,
    InProgress {
        top: PathBuf,
    },
    Unreachable {
        remote: String,
        detail: String,
    },
    Authentication {
        remote: String,
        detail: String,
    },
    /// The upstream no longer holds commits this clone saw on it (someone force-pushed):
    /// `dropped` are those commits, `abbreviated-hash subject`.
    Rewritten {
        upstream: String,
        dropped: Vec<String>,
    },
    /// An uncommitted change of a tracked file meets a change from the upstream; the sync
    /// was undone.
    Uncommitted {
        files: Vec<String>,
        local: Option<String>,
    },
    /// `local`: the commit that holds the check-offs made here, when one was made.
    Conflict {
        files: Vec<String>,
        local: Option<String>,
    },
    Rejected {
        detail: String,
    },
    /// The hub takes no pushes from this office (no write permission on it).
    ReadOnlyHub {
        remote: String,
        detail: String,
    },
    /// SSH does not know the remote's host key.
    HostKeyUnknown {
        remote: String,
        detail: String,
    },
    /// SSH offered keys and the remote refused them all.
    KeyRefused {
        remote: String,
        detail: String,
    },
    /// Talking to the remote took longer than the sync allows.
    TimedOut {
        remote: String,
        seconds: u64,
    },
    /// Another `briefing sync` of this clone kept the work tree for all of the wait.
    SyncBusy {
        seconds: u64,
    },
    /// `--setup` does not write through a link the repository supplied.
    LinkedFile {
        path: PathBuf,
    },
    /// `--setup` could not read or add to `.gitattributes`/`.gitignore`.
    SetupFile {
        path: PathBuf,
        #[source]
        error: io::Error,
    },
    /// The merge driver could not run or failed by itself; the rebase was aborted.
    DriverFailed {
        detail: String,
        local: Option<String>,
    },
    /// The program the merge driver runs is gone (this program was moved or uninstalled).
    DriverGone {
        program: String,
    },
    Failed {
        command: String,
        detail: String,
    },
    Io(#[source] io::Error),
}

impl GitError {
    /// What went wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        match self {
            GitError::NoGit => t.git_no_git.to_string(),
            GitError::NotAWorkTree { dir } => t.git_not_a_work_tree(&dir.display()),
            GitError::NoRemote => t.git_no_remote.to_string(),
            GitError::NoUpstream { branch, remote } => t.git_no_upstream(branch, remote),
            GitError::Detached => t.git_detached.to_string(),
            GitError::InProgress { top } => t.git_in_progress(&top.display()),
            GitError::Unreachable { remote, detail } => t.git_unreachable(remote, detail),
            GitError::Authentication { remote, detail } => t.git_authentication(remote, detail),
            GitError::Rewritten { upstream, dropped } => {
                let dropped: Vec<_> = dropped.iter().map(|c| one_line(c)).collect();
                t.git_rewritten(upstream, &dropped.join("; "))
            }
            GitError::Conflict { files, local } => {
                t.git_conflict(&file_list(files), &local_note(lang, local.as_deref()))
            }
            GitError::Uncommitted { files, local } => {
                t.git_uncommitted(&file_list(files), &local_note(lang, local.as_deref()))
            }
            GitError::Rejected { detail } => t.git_rejected(detail),
            GitError::ReadOnlyHub { remote, detail } => t.git_read_only_hub(remote, detail),
            GitError::HostKeyUnknown { remote, detail } => t.git_host_key_unknown(remote, detail),
            GitError::KeyRefused { remote, detail } => t.git_key_refused(remote, detail),
            GitError::TimedOut { remote, seconds } => t.git_timed_out(remote, seconds),
            GitError::SyncBusy { seconds } => t.git_sync_busy(seconds),
            GitError::LinkedFile { path } => t.git_linked_file(&one_line(&path.to_string_lossy())),
            GitError::SetupFile { path, error } => {
                t.git_setup_file(&one_line(&path.to_string_lossy()), error)
            }
            GitError::DriverFailed { detail, local } => {
                t.git_driver_failed(&one_line(detail), &local_note(lang, local.as_deref()))
            }
            GitError::DriverGone { program } => t.git_driver_gone(&one_line(program)),
            GitError::Failed { command, detail } => t.git_failed(command, detail),
            GitError::Io(e) => t.git_cannot_run(e),
        }
    }
}

i18n::display_in_english!(GitError);

/// ` (your check-offs are committed here, in abc1234, not sent)`, or nothing.
fn local_note(lang: Lang, local: Option<&str>) -> String {
    local
        .map(|commit| i18n::strings(lang).git_conflict_local(&commit))
        .unwrap_or_default()
}

fn file_list(files: &[String]) -> String {
    let files: Vec<_> = files.iter().map(|f| one_line(f)).collect();
    files.join(", ")
}

/// A briefing folder inside a git work tree.
#[derive(Debug, Clone)]
pub(crate) struct Repo {
    /// The top of the work tree.
    pub top: PathBuf,
    /// The briefing folder below `top`, `/`-separated, ending in `/` (empty at the top).
    pub prefix: String,
    /// Variables set for every git command (a sync's identity and its SSH settings).
    pub env: Vec<(String, String)>,
}

impl Repo {
    /// The work tree holding `dir`.
    pub(crate) fn find(dir: &Path) -> Result<Repo, GitError> {
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
            env: Vec::new(),
        })
    }

    /// Runs git at the top of the work tree.
    fn run<I, S>(&self, args: I) -> Result<Output, GitError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command()
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(spawn_error)
    }

    /// `git` at the top of the work tree, with this repository's variables.
    fn command(&self) -> Command {
        let mut cmd = command(&self.top);
        cmd.envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd
    }

    /// git with `args`, reading `stdin`, its output and its errors caught in pipes.
    fn piped(&self, args: &[&str], stdin: Stdio) -> Command {
        let mut cmd = self.command();
        cmd.args(args)
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// Runs git and gives its standard output, or `Failed` with its error output.
    fn ok<I, S>(&self, args: I) -> Result<String, GitError>
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

    /// Runs git with `input` on its standard input (written from another thread, so a long
    /// input and a long output cannot wait on each other); its output, or `Failed`.
    fn ok_with_input(&self, args: &[&str], input: Vec<u8>) -> Result<String, GitError> {
        use std::io::Write;
        let mut child = (self.piped(args, Stdio::piped()))
            .spawn()
            .map_err(spawn_error)?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| GitError::Io(io::Error::other("no pipe to git")))?;
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let out = child.wait_with_output().map_err(GitError::Io)?;
        let _ = writer.join();
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(failed(args, &out))
        }
    }

    /// The path below the top of a session id of the briefing folder.
    pub(super) fn path_of(&self, session_id: &str) -> String {
        format!("{}{}", self.prefix, files::file_of(session_id))
    }

    /// The session id of a path below the top, when it is a briefing of the folder.
    fn session_of(&self, path: &str) -> Option<String> {
        let rel = path.strip_prefix(&self.prefix)?;
        files::id_of_file(rel).map(str::to_string)
    }
}

/// The text of a file the repository may supply, never through a link: `Ok(None)` when it does
/// not exist; an error when it is a link (`ELOOP`), not a regular file, larger than `limit` or
/// not UTF-8. Opening never blocks on a pipe.
fn read_no_follow(path: &Path, limit: u64) -> io::Result<Option<String>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let file = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::other("too large"));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
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
fn command(dir: &Path) -> Command {
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
fn detail(out: &Output) -> String {
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
enum RemoteFailure {
    Unreachable,
    Authentication,
    HostKeyUnknown,
    KeyRefused,
    ReadOnly,
    Rejected,
    Other,
}

/// Tells from git's error output why talking to a remote failed.
fn classify(stderr: &str) -> RemoteFailure {
    let s = stderr.to_ascii_lowercase();
    let any = |needles: &[&str]| needles.iter().any(|n| s.contains(n));
    if any(&[
        "host key verification failed",
        "no matching host key",
        "remote host identification has changed",
    ]) {
        RemoteFailure::HostKeyUnknown
    } else if any(&[
        "permission denied (publickey",
        "too many authentication failures",
    ]) {
        RemoteFailure::KeyRefused
    } else if any(&[
        "insufficient permission",
        "unpacker error",
        "remote unpack failed",
        "unable to create temporary object directory",
        "read-only file system",
        "[remote rejected]",
    ]) {
        RemoteFailure::ReadOnly
    } else if any(&[
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
                KeyRefused,
            ),
            (
                "Host key verification failed.\nfatal: Could not read from remote repository.",
                HostKeyUnknown,
            ),
            (
                "remote: error: insufficient permission for adding an object to repository database ./objects\n ! [remote rejected] main -> main (unpacker error)\nerror: failed to push some refs",
                ReadOnly,
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
    fn every_error_is_said_in_both_languages() {
        let errors = [
            GitError::NoGit,
            GitError::NotAWorkTree {
                dir: PathBuf::from("/b"),
            },
            GitError::NoRemote,
            GitError::NoUpstream {
                branch: "main".into(),
                remote: "origin".into(),
            },
            GitError::Detached,
            GitError::InProgress {
                top: PathBuf::from("/b"),
            },
            GitError::Unreachable {
                remote: "origin".into(),
                detail: "no route".into(),
            },
            GitError::Authentication {
                remote: "origin".into(),
                detail: "403".into(),
            },
            GitError::Rewritten {
                upstream: "origin/main".into(),
                dropped: vec!["abc1234 Check-offs: 1 done, 0 un-checked".into()],
            },
            GitError::Uncommitted {
                files: vec!["notes.md".into()],
                local: None,
            },
            GitError::ReadOnlyHub {
                remote: "origin".into(),
                detail: "insufficient permission".into(),
            },
            GitError::HostKeyUnknown {
                remote: "origin".into(),
                detail: "Host key verification failed.".into(),
            },
            GitError::KeyRefused {
                remote: "origin".into(),
                detail: "Permission denied (publickey).".into(),
            },
            GitError::TimedOut {
                remote: "origin".into(),
                seconds: 120,
            },
            GitError::SyncBusy { seconds: 60 },
            GitError::Conflict {
                files: vec!["a.toml".into()],
                local: Some("abc1234".into()),
            },
            GitError::Rejected {
                detail: "fetch first".into(),
            },
            GitError::LinkedFile {
                path: PathBuf::from("/b/.gitattributes"),
            },
            GitError::SetupFile {
                path: PathBuf::from("/b/.gitignore"),
                error: io::Error::other("boom"),
            },
            GitError::DriverFailed {
                detail: "sh: 1: /opt/briefing: not found".into(),
                local: None,
            },
            GitError::DriverGone {
                program: "/opt/briefing".into(),
            },
            GitError::Failed {
                command: "status".into(),
                detail: "fatal".into(),
            },
            GitError::Io(io::Error::other("boom")),
        ];
        for e in errors {
            let (en, vi) = (e.message(Lang::En), e.message(Lang::Vi));
            assert_eq!(e.to_string(), en);
            assert_ne!(en, vi, "{e:?} is not translated");
            assert!(!en.contains('{') && !vi.contains('{'), "{en} / {vi}");
        }
        let conflict = GitError::Conflict {
            files: vec!["a.toml".into(), "b.toml".into()],
            local: Some("abc1234".into()),
        };
        assert!(
            conflict
                .to_string()
                .starts_with("a.toml, b.toml: the same lines were edited here")
        );
        assert!(
            conflict
                .to_string()
                .contains("(your check-offs are committed here, in abc1234, not sent)")
        );
    }

    #[test]
    fn briefing_paths_of_the_folder_only() {
        let repo = Repo {
            top: PathBuf::from("/r"),
            prefix: "briefings/".to_string(),
            env: Vec::new(),
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
