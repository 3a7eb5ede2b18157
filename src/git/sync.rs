//! `briefing sync`: commit the check-offs made here, rebase onto the upstream with the
//! check-off merge driver, push (never forced); and `--setup`, which installs that driver.

use std::fs;
use std::path::{Path, PathBuf};

use super::merge::{State, only_checkoffs, states};
use super::{GitError, RemoteFailure, Repo, classify, detail};
use crate::i18n::{self, fill};
use crate::model::Lang;
use crate::store::write::{RESCUE_SUFFIX, TEMP_SUFFIX, current_user};

/// The `.gitattributes` line that gives the folder's briefings the check-off merge driver.
const ATTRIBUTE: &str = "*.toml merge=briefing";
/// The `.gitignore` lines: check-off temporary files, and the lock file of older versions.
const IGNORED: [&str; 3] = [".*.briefing-tmp", ".*.briefing-rescue", ".briefing.lock"];
/// How often a push that lost a race with another office's push is tried again.
const ATTEMPTS: usize = 3;

#[derive(Debug, Clone)]
pub struct Options {
    /// Commit every change of the folder, not only check-offs.
    pub all: bool,
    /// The language of the commit message.
    pub lang: Lang,
    /// `merge.briefing.driver`: the command git runs to merge two versions of a briefing.
    pub driver: String,
}

/// A directive whose check-off a sync commits, with its new state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkoff {
    pub session: String,
    pub directive: String,
    pub state: State,
}

/// A commit made by `sync` or `--setup`.
#[derive(Debug, Clone)]
pub struct Committed {
    /// Its abbreviated hash.
    pub commit: String,
    pub checkoffs: Vec<Checkoff>,
    /// The files committed, below the briefing folder.
    pub files: Vec<String>,
}

/// What a sync did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub committed: Option<Committed>,
    /// Changed files of the folder that were not committed (not only check-offs).
    pub left_alone: Vec<String>,
    /// No git identity is configured: the commit was made as this login-name identity.
    pub fallback_identity: Option<String>,
    /// The upstream, e.g. `origin/main`.
    pub upstream: String,
    /// Commits received from the upstream.
    pub received: usize,
    /// Commits sent to the upstream.
    pub sent: usize,
    /// The merge driver is not installed for this folder (`--setup` not run).
    pub driver_missing: bool,
    /// Check-off temporary files are not ignored by git.
    pub temp_not_ignored: bool,
}

/// `- hh-ma-tuy: done by lan, 28/11/2026 10:15 +07:00`.
fn checkoff_line(lang: Lang, c: &Checkoff) -> String {
    let t = i18n::strings(lang);
    let s = &c.state;
    match (s.done, &s.at, &s.by) {
        (true, Some(at), Some(by)) => fill(
            t.sync_done_by,
            &[
                ("directive", &c.directive),
                ("by", by),
                ("at", &super::history::when(at)),
            ],
        ),
        (true, ..) => fill(t.sync_done, &[("directive", &c.directive)]),
        (false, ..) => fill(t.sync_undone, &[("directive", &c.directive)]),
    }
}

/// The message of a sync's commit: a subject counting the check-offs, then each session with
/// its directives, then any other file committed (`--all`).
pub fn commit_message(lang: Lang, checkoffs: &[Checkoff], files: &[String]) -> String {
    let t = i18n::strings(lang);
    let done = checkoffs.iter().filter(|c| c.state.done).count();
    let undone = checkoffs.len() - done;
    let mut out = match (checkoffs.is_empty(), files.len()) {
        (false, _) => fill(t.sync_subject, &[("done", &done), ("undone", &undone)]),
        (true, 1) => t.sync_subject_file.to_string(),
        (true, n) => fill(t.sync_subject_files, &[("n", &n)]),
    };
    out.push_str("\n\n");
    let mut session = None;
    for c in checkoffs {
        if session != Some(&c.session) {
            out.push_str(&format!("{}:\n", c.session));
            session = Some(&c.session);
        }
        out.push_str(&checkoff_line(lang, c));
        out.push('\n');
    }
    let more_files = files.len() > sessions_of(checkoffs);
    if !checkoffs.is_empty() && more_files {
        out.push_str(&format!("\n{}\n", t.sync_files));
    }
    if checkoffs.is_empty() || more_files {
        for f in files {
            out.push_str(&format!("- {f}\n"));
        }
    }
    out.push_str("\n(briefing sync)\n");
    out
}

/// How many sessions the check-offs are in (they come grouped by session).
fn sessions_of(checkoffs: &[Checkoff]) -> usize {
    let mut sessions: Vec<&str> = checkoffs.iter().map(|c| c.session.as_str()).collect();
    sessions.dedup();
    sessions.len()
}

/// The message of the commit of `sync --setup`.
fn setup_message(lang: Lang) -> String {
    format!(
        "{}\n\n(briefing sync --setup)\n",
        i18n::strings(lang).setup_subject
    )
}

/// Where the branch syncs with.
struct Upstream {
    remote: String,
    /// The branch on the remote, `refs/heads/main`.
    merge: String,
    /// `origin/main`.
    name: String,
}

/// Commits the check-offs made here, rebases onto the upstream and pushes. The report says
/// what was done even when a later step failed (a commit made before the network failed).
pub fn sync(repo: &Repo, opts: &Options) -> (Report, Result<(), GitError>) {
    let mut report = Report::default();
    let result = run_sync(repo, opts, &mut report);
    (report, result)
}

fn run_sync(repo: &Repo, opts: &Options, report: &mut Report) -> Result<(), GitError> {
    ensure_idle(repo)?;
    let upstream = upstream(repo)?;
    report.upstream = upstream.name.clone();
    report.driver_missing = !driver_installed(repo);
    report.temp_not_ignored = !temp_ignored(repo);
    let (to_commit, left_alone) = changes(repo, opts.all)?;
    report.left_alone = left_alone;
    if !to_commit.is_empty() {
        let checkoffs = checkoffs_of(&to_commit);
        let paths: Vec<String> = to_commit.iter().map(|c| c.path.clone()).collect();
        let files: Vec<String> = paths.iter().map(|p| repo.below_folder(p)).collect();
        let message = commit_message(opts.lang, &checkoffs, &files);
        let (commit, fallback) = commit(repo, &paths, &message, opts.all)?;
        report.fallback_identity = fallback;
        report.committed = Some(Committed {
            commit,
            checkoffs,
            files,
        });
    }
    let local = report.committed.as_ref().map(|c| c.commit.clone());
    for attempt in 1..=ATTEMPTS {
        report.received += pull(repo, &upstream, &opts.driver, local.as_deref())?;
        let (ahead, _) = ahead_behind(repo)?;
        if ahead == 0 {
            return Ok(());
        }
        match push(repo, &upstream) {
            Ok(()) => {
                report.sent = ahead;
                return Ok(());
            }
            Err(GitError::Rejected { .. }) if attempt < ATTEMPTS => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// A changed file of the folder that a sync commits.
struct ToCommit {
    path: String,
    checkoffs: Vec<Checkoff>,
}

fn checkoffs_of(files: &[ToCommit]) -> Vec<Checkoff> {
    files.iter().flat_map(|f| f.checkoffs.clone()).collect()
}

impl Repo {
    /// A path below the top as a path below the briefing folder.
    fn below_folder(&self, path: &str) -> String {
        path.strip_prefix(&self.prefix).unwrap_or(path).to_string()
    }

    fn git_dir_has(&self, name: &str) -> bool {
        self.ok(["rev-parse", "--git-path", name])
            .map(|p| self.top.join(p.trim()).exists())
            .unwrap_or(false)
    }
}

fn ensure_idle(repo: &Repo) -> Result<(), GitError> {
    let busy = [
        "rebase-merge",
        "rebase-apply",
        "MERGE_HEAD",
        "CHERRY_PICK_HEAD",
    ]
    .iter()
    .any(|name| repo.git_dir_has(name));
    if busy {
        Err(GitError::InProgress {
            top: repo.top.clone(),
        })
    } else {
        Ok(())
    }
}

fn upstream(repo: &Repo) -> Result<Upstream, GitError> {
    let branch = repo
        .ok(["symbolic-ref", "--short", "-q", "HEAD"])
        .map_err(|_| GitError::Detached)?
        .trim()
        .to_string();
    let config = |key: &str| {
        repo.ok(["config", "--get", &format!("branch.{branch}.{key}")])
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let name = repo
        .ok([
            "rev-parse",
            "--abbrev-ref",
            "--symbolic-full-name",
            "@{upstream}",
        ])
        .ok()
        .map(|v| v.trim().to_string());
    match (name, config("remote"), config("merge")) {
        (Some(name), Some(remote), Some(merge)) => Ok(Upstream {
            remote,
            merge,
            name,
        }),
        _ => {
            let remotes = repo.ok(["remote"]).unwrap_or_default();
            match remotes.lines().next() {
                None => Err(GitError::NoRemote),
                Some(remote) => Err(GitError::NoUpstream {
                    branch,
                    remote: remote.to_string(),
                }),
            }
        }
    }
}

fn driver_installed(repo: &Repo) -> bool {
    let probe = format!("{}briefing.toml", repo.prefix);
    let attr = repo
        .ok(["check-attr", "merge", "--", &probe])
        .is_ok_and(|out| out.trim_end().ends_with(": briefing"));
    attr && repo
        .ok(["config", "--get", "merge.briefing.driver"])
        .is_ok()
}

fn temp_ignored(repo: &Repo) -> bool {
    let probe = format!("{}.briefing.toml.00000000{TEMP_SUFFIX}", repo.prefix);
    repo.run(["check-ignore", "-q", "--no-index", "--", &probe])
        .is_ok_and(|out| out.status.success())
}

/// The changed files of the folder: those to commit (only check-offs, or all with `all`) and
/// the others, below the folder.
fn changes(repo: &Repo, all: bool) -> Result<(Vec<ToCommit>, Vec<String>), GitError> {
    let scope = format!(":(top){}", repo.prefix);
    let status = repo.ok([
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--",
        &scope,
    ])?;
    let mut to_commit = Vec::new();
    let mut left = Vec::new();
    let mut entries = status.split('\0');
    while let Some(entry) = entries.next() {
        let (Some(xy), Some(path)) = (entry.get(..2), entry.get(3..)) else {
            continue;
        };
        if xy.starts_with('R') || xy.starts_with('C') {
            entries.next();
        }
        if is_scratch(path) {
            continue;
        }
        let modified = matches!(xy, " M" | "M " | "MM");
        let (only, checkoffs) = match repo.session_of(path) {
            Some(session) if modified => checkoffs_in(repo, path, &session)?,
            _ => (false, Vec::new()),
        };
        if only || all {
            to_commit.push(ToCommit {
                path: path.to_string(),
                checkoffs,
            });
        } else {
            left.push(repo.below_folder(path));
        }
    }
    Ok((to_commit, left))
}

/// A check-off temporary file, recovery copy or an old lock file: never committed, never
/// reported.
fn is_scratch(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.ends_with(TEMP_SUFFIX) || name.ends_with(RESCUE_SUFFIX) || name == ".briefing.lock"
}

/// Whether a briefing's change against HEAD is only check-offs, and the check-offs in it.
fn checkoffs_in(repo: &Repo, path: &str, session: &str) -> Result<(bool, Vec<Checkoff>), GitError> {
    let head = repo.ok(["cat-file", "blob", &format!("HEAD:{path}")])?;
    let Ok(work) = fs::read_to_string(repo.top.join(path)) else {
        return Ok((false, Vec::new()));
    };
    let (Some(before), Some(after)) = (states(&head), states(&work)) else {
        return Ok((false, Vec::new()));
    };
    let checkoffs = after
        .into_iter()
        .filter(|(id, s)| before.get(id).is_some_and(|b| b != s))
        .map(|(directive, state)| Checkoff {
            session: session.to_string(),
            directive,
            state,
        })
        .collect();
    Ok((only_checkoffs(&head, &work), checkoffs))
}

/// Commits exactly `paths` (staged changes of other files stay staged); gives the abbreviated
/// hash and, when no git identity is configured, the login-name identity used instead.
fn commit(
    repo: &Repo,
    paths: &[String],
    message: &str,
    all: bool,
) -> Result<(String, Option<String>), GitError> {
    if all {
        let mut add = vec!["--literal-pathspecs", "add", "-A", "--"];
        add.extend(paths.iter().map(String::as_str));
        repo.ok(&add)?;
    }
    let fallback = fallback_identity(repo);
    let mut args: Vec<String> = Vec::new();
    if let Some((name, email)) = &fallback {
        args.extend([
            "-c".into(),
            format!("user.name={name}"),
            "-c".into(),
            format!("user.email={email}"),
        ]);
    }
    args.extend(
        [
            "--literal-pathspecs",
            "commit",
            "--quiet",
            "--only",
            "-m",
            message,
            "--",
        ]
        .map(String::from),
    );
    args.extend(paths.iter().cloned());
    repo.ok(&args)?;
    let hash = repo
        .ok(["rev-parse", "--short", "HEAD"])?
        .trim()
        .to_string();
    Ok((hash, fallback.map(|(n, e)| format!("{n} <{e}>"))))
}

/// The login name and `login@host` for what git has no identity of its own for.
fn fallback_identity(repo: &Repo) -> Option<(String, String)> {
    let set = |env: &str, key: &str| {
        std::env::var_os(env).is_some_and(|v| !v.is_empty())
            || repo
                .ok(["config", "--get", key])
                .is_ok_and(|v| !v.trim().is_empty())
    };
    let name = set("GIT_AUTHOR_NAME", "user.name");
    let email = set("GIT_AUTHOR_EMAIL", "user.email") || std::env::var_os("EMAIL").is_some();
    if name && email {
        return None;
    }
    let login = current_user();
    let email = format!("{login}@{}", host_name());
    Some((login, email))
}

fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its whole length, which is what is passed.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    match std::str::from_utf8(&buf[..end]) {
        Ok(name) if rc == 0 && !name.is_empty() => name.to_string(),
        _ => "localhost".to_string(),
    }
}

/// Fetches and rebases onto the upstream (with the check-off merge driver); gives how many
/// commits came in. On a conflict the rebase is aborted, so the folder is as it was.
fn pull(
    repo: &Repo,
    upstream: &Upstream,
    driver: &str,
    local: Option<&str>,
) -> Result<usize, GitError> {
    let before = rev(repo, "@{upstream}");
    remote_op(
        repo,
        &upstream.remote,
        &["fetch", "--quiet", &upstream.remote],
    )?;
    let after = rev(repo, "@{upstream}");
    if let (Some(before), Some(after)) = (&before, &after)
        && before != after
        && !is_ancestor(repo, before, after)
    {
        return Err(GitError::Diverged {
            upstream: upstream.name.clone(),
        });
    }
    let (_, behind) = ahead_behind(repo)?;
    if behind == 0 {
        return Ok(0);
    }
    rebase(repo, driver, local)?;
    Ok(behind)
}

fn rebase(repo: &Repo, driver: &str, local: Option<&str>) -> Result<(), GitError> {
    let out = repo.run([
        "-c",
        &format!("merge.briefing.driver={driver}"),
        "-c",
        "merge.briefing.name=briefing check-offs",
        "rebase",
        "--quiet",
        "--autostash",
        "@{upstream}",
    ])?;
    if out.status.success() {
        return Ok(());
    }
    let files = repo
        .ok(["diff", "--name-only", "--diff-filter=U", "-z"])
        .unwrap_or_default();
    let files: Vec<String> = files
        .split('\0')
        .filter(|f| !f.is_empty())
        .map(|f| repo.below_folder(f))
        .collect();
    if repo.git_dir_has("rebase-merge") || repo.git_dir_has("rebase-apply") {
        repo.ok(["rebase", "--abort"])?;
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

fn push(repo: &Repo, upstream: &Upstream) -> Result<(), GitError> {
    let target = format!("HEAD:{}", upstream.merge);
    remote_op(
        repo,
        &upstream.remote,
        &["push", "--quiet", &upstream.remote, &target],
    )
}

/// A fetch or push, its failure told in terms of the remote.
fn remote_op(repo: &Repo, remote: &str, args: &[&str]) -> Result<(), GitError> {
    let out = repo.run(args)?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let detail = detail(&out);
    let remote = remote.to_string();
    Err(match classify(&stderr) {
        RemoteFailure::Unreachable => GitError::Unreachable { remote, detail },
        RemoteFailure::Authentication => GitError::Authentication { remote, detail },
        RemoteFailure::Rejected => GitError::Rejected { detail },
        RemoteFailure::Other => GitError::Failed {
            command: args.first().copied().unwrap_or("git").to_string(),
            detail,
        },
    })
}

fn rev(repo: &Repo, name: &str) -> Option<String> {
    repo.ok(["rev-parse", "--verify", "-q", name])
        .ok()
        .map(|s| s.trim().to_string())
}

fn is_ancestor(repo: &Repo, old: &str, new: &str) -> bool {
    repo.run(["merge-base", "--is-ancestor", old, new])
        .is_ok_and(|o| o.status.success())
}

/// Commits on HEAD not upstream, and upstream not on HEAD.
fn ahead_behind(repo: &Repo) -> Result<(usize, usize), GitError> {
    let out = repo.ok(["rev-list", "--left-right", "--count", "HEAD...@{upstream}"])?;
    let mut counts = out
        .split_whitespace()
        .map(|n| n.parse::<usize>().unwrap_or(0));
    Ok((counts.next().unwrap_or(0), counts.next().unwrap_or(0)))
}

/// What `--setup` did.
#[derive(Debug, Clone, Default)]
pub struct SetupReport {
    /// `merge.briefing.driver` was set or changed in the repository's config.
    pub configured: bool,
    /// Files written (below the folder): `.gitattributes`, `.gitignore`.
    pub written: Vec<String>,
    /// The commit of those files.
    pub committed: Option<String>,
    pub fallback_identity: Option<String>,
    pub driver: String,
}

/// Installs the check-off merge driver for the folder's briefings (repository config and
/// `.gitattributes`) and ignores check-off temporary files (`.gitignore`); commits the two
/// files (only them) so every clone gets them.
pub fn setup(repo: &Repo, dir: &Path, driver: &str, lang: Lang) -> Result<SetupReport, GitError> {
    let mut report = SetupReport {
        driver: driver.to_string(),
        ..SetupReport::default()
    };
    let current = repo.ok(["config", "--get", "merge.briefing.driver"]).ok();
    if current.as_deref().map(str::trim) != Some(driver) {
        repo.ok(["config", "merge.briefing.name", "briefing check-offs"])?;
        repo.ok(["config", "merge.briefing.driver", driver])?;
        report.configured = true;
    }
    let files = [
        (".gitattributes", &[ATTRIBUTE][..]),
        (".gitignore", &IGNORED[..]),
    ];
    for (name, lines) in files {
        if ensure_lines(&dir.join(name), lines).map_err(GitError::Io)? {
            report.written.push(name.to_string());
        }
    }
    if !report.written.is_empty() {
        let paths: Vec<String> = report
            .written
            .iter()
            .map(|n| format!("{}{n}", repo.prefix))
            .collect();
        let mut add = vec!["--literal-pathspecs", "add", "--"];
        add.extend(paths.iter().map(String::as_str));
        repo.ok(&add)?;
        let (commit, fallback) = commit(repo, &paths, &setup_message(lang), false)?;
        report.committed = Some(commit);
        report.fallback_identity = fallback;
    }
    Ok(report)
}

/// Appends each of `lines` missing from the file (creating it); true when it wrote.
fn ensure_lines(path: &PathBuf, lines: &[&str]) -> std::io::Result<bool> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let missing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !text.lines().any(|have| have.trim() == *l))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut out = text;
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for line in missing {
        out.push_str(line);
        out.push('\n');
    }
    fs::write(path, out)?;
    Ok(true)
}

/// `merge.briefing.driver` for this program: its absolute path, quoted for the shell git uses.
pub fn driver_command(exe: &Path) -> String {
    let path = exe.to_string_lossy();
    format!("'{}' merge-driver %O %A %B %P", path.replace('\'', "'\\''"))
}
