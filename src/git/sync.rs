//! `briefing sync`: commit the check-offs made here, rebase onto the upstream with the
//! check-off merge driver, push (never forced); and `--setup`, which installs that driver.

use std::fs;
use std::path::Path;

use super::attributes::{Defeat, Source, defeats};
use super::merge::{State, only_checkoffs, states};
use super::{GitError, RemoteFailure, Repo, classify, detail, read_no_follow};
use crate::i18n;
use crate::model::Lang;
use crate::store::DEFAULT_MAX_FILE_SIZE;
use crate::store::write::{RESCUE_SUFFIX, TEMP_SUFFIX, current_user};
use crate::terminal_text::one_line;

/// The `.gitattributes` line that gives the folder's briefings the check-off merge driver.
const ATTRIBUTE: &str = "*.toml merge=briefing";
/// The `.gitignore` lines: check-off temporary files, and the lock file of older versions.
const IGNORED: [&str; 3] = [".*.briefing-tmp", ".*.briefing-rescue", ".briefing.lock"];
/// The largest `.gitattributes`/`.gitignore` that `--setup` adds its lines to.
const MAX_SETUP_FILE: u64 = 1 << 20;
/// How often a push that lost a race with another office's push is tried again.
const ATTEMPTS: usize = 3;

#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Commit every change of the folder, not only check-offs.
    pub all: bool,
    /// The language of the commit message.
    pub lang: Lang,
    /// `merge.briefing.driver`: the command git runs to merge two versions of a briefing.
    pub driver: String,
}

/// A directive whose check-off a sync commits, with its new state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Checkoff {
    pub session: String,
    pub directive: String,
    pub state: State,
}

/// A commit made by `sync` or `--setup`.
#[derive(Debug, Clone)]
pub(crate) struct Committed {
    /// Its abbreviated hash.
    pub commit: String,
    pub checkoffs: Vec<Checkoff>,
    /// The files committed, below the briefing folder.
    pub files: Vec<String>,
}

/// What a sync did.
#[derive(Debug, Clone, Default)]
pub(crate) struct Report {
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
    /// Attribute lines that keep the merge driver or UTF-8 text from the briefings.
    pub defeats: Vec<Defeat>,
    /// The program `merge.briefing.driver` runs, when it no longer exists.
    pub driver_stale: Option<String>,
    /// Check-off temporary files are not ignored by git.
    pub temp_not_ignored: bool,
    /// The `!…` line that keeps git from ignoring them, when one does.
    pub temp_kept_by: Option<Source>,
}

/// `- hh-ma-tuy: done by lan, 28/11/2026 10:15 +07:00`.
fn checkoff_line(lang: Lang, c: &Checkoff) -> String {
    let t = i18n::strings(lang);
    let s = &c.state;
    match (s.done, &s.at, &s.by) {
        (true, Some(at), Some(by)) => {
            t.sync_done_by(&c.directive, &one_line(by), &super::history::when(at))
        }
        (true, ..) => t.sync_done(&c.directive),
        (false, ..) => t.sync_undone(&c.directive),
    }
}

/// The message of a sync's commit: a subject counting the check-offs, then each session with
/// its directives, then any other file committed (`--all`); one line each, whatever the names
/// hold (a newline in a name cannot add a trailer such as `Signed-off-by:`).
pub(crate) fn commit_message(lang: Lang, checkoffs: &[Checkoff], files: &[String]) -> String {
    let t = i18n::strings(lang);
    let done = checkoffs.iter().filter(|c| c.state.done).count();
    let undone = checkoffs.len() - done;
    let mut out = match (checkoffs.is_empty(), files.len()) {
        (false, _) => t.sync_subject(&done, &undone),
        (true, 1) => t.sync_subject_file.to_string(),
        (true, n) => t.sync_subject_files(&n),
    };
    out.push_str("\n\n");
    let mut session = None;
    for c in checkoffs {
        if session != Some(&c.session) {
            out.push_str(&format!("{}:\n", one_line(&c.session)));
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
            out.push_str(&format!("- {}\n", one_line(f)));
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
pub(crate) fn sync(repo: &Repo, opts: &Options) -> (Report, Result<(), GitError>) {
    let mut report = Report::default();
    let result = run_sync(repo, opts, &mut report);
    (report, result)
}

fn run_sync(repo: &Repo, opts: &Options, report: &mut Report) -> Result<(), GitError> {
    ensure_idle(repo)?;
    let upstream = upstream(repo)?;
    report.upstream = upstream.name.clone();
    // A check that cannot run is no reason not to sync: `--setup` runs it again and says why.
    report.defeats = defeats(repo).unwrap_or_default();
    let merge_defeated = report.defeats.iter().any(|d| d.setting.contains("merge"));
    report.driver_missing =
        (!driver_installed(repo) && !merge_defeated) || !driver_configured(repo);
    report.driver_stale = stale_driver(repo);
    report.temp_kept_by = temp_kept_by(repo);
    report.temp_not_ignored = report.temp_kept_by.is_none() && !temp_ignored(repo);
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

/// Whether a new briefing of the folder gets the check-off merge driver.
fn driver_installed(repo: &Repo) -> bool {
    let probe = repo.path_of("briefing");
    repo.ok(["check-attr", "merge", "--", &probe])
        .is_ok_and(|out| out.trim_end().ends_with(": briefing"))
}

fn driver_configured(repo: &Repo) -> bool {
    repo.ok(["config", "--get", "merge.briefing.driver"])
        .is_ok()
}

/// The program of the configured `merge.briefing.driver`, when it is one `--setup` wrote and
/// that program is gone (moved, uninstalled): `git pull` would then fail on every briefing.
fn stale_driver(repo: &Repo) -> Option<String> {
    let configured = repo.ok(["config", "--get", "merge.briefing.driver"]).ok()?;
    let program = driver_program(configured.trim_end_matches('\n'))?;
    (!Path::new(&program).exists()).then_some(program)
}

/// A check-off temporary file of the folder, as `git check-ignore` is asked about it.
fn temp_probe(repo: &Repo) -> String {
    format!("{}.briefing.toml.00000000{TEMP_SUFFIX}", repo.prefix)
}

fn temp_ignored(repo: &Repo) -> bool {
    repo.run(["check-ignore", "-q", "--no-index", "--", &temp_probe(repo)])
        .is_ok_and(|out| out.status.success())
}

/// The negative pattern (`!.*.briefing-tmp`) of an ignore file that keeps git from ignoring
/// check-off temporary files, when one does: `--setup` cannot add a line that wins over it.
fn temp_kept_by(repo: &Repo) -> Option<Source> {
    let args = ["check-ignore", "-v", "-z", "--stdin", "--no-index"];
    let input = format!("{}\0", temp_probe(repo)).into_bytes();
    let out = repo.ok_with_input(&args, input).ok()?;
    let mut fields = out.split('\0');
    let (file, line, pattern) = (fields.next()?, fields.next()?, fields.next()?);
    pattern.starts_with('!').then(|| Source {
        file: file.to_string(),
        line: line.parse().unwrap_or(0),
        text: pattern.to_string(),
    })
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
///
/// HEAD's version is taken as git checks it out (`--filters`: line endings, `eol=crlf`), so it
/// compares with the file as it is in the folder; either one larger than a briefing may be is
/// not compared.
fn checkoffs_in(repo: &Repo, path: &str, session: &str) -> Result<(bool, Vec<Checkoff>), GitError> {
    let object = format!("HEAD:{path}");
    let size = repo.ok(["cat-file", "-s", &object])?;
    let small = |n: u64| n <= DEFAULT_MAX_FILE_SIZE;
    if !size.trim().parse::<u64>().is_ok_and(small) {
        return Ok((false, Vec::new()));
    }
    let head = repo.ok(["cat-file", "--filters", &object])?;
    let Ok(Some(work)) = read_no_follow(&repo.top.join(path), DEFAULT_MAX_FILE_SIZE) else {
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
    let uname = rustix::system::uname();
    match uname.nodename().to_str() {
        Ok(name) if !name.is_empty() => name.to_string(),
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
    if let Some(program) = driver_program(driver).filter(|p| !Path::new(p).exists()) {
        return Err(GitError::DriverGone { program });
    }
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
pub(crate) struct SetupReport {
    /// `merge.briefing.driver` was set or changed in the repository's config.
    pub configured: bool,
    /// Files written (below the folder): `.gitattributes`, `.gitignore`.
    pub written: Vec<String>,
    /// The commit of those files.
    pub committed: Option<String>,
    pub fallback_identity: Option<String>,
    pub driver: String,
    /// Attribute lines that still keep the merge driver or UTF-8 text from the briefings.
    pub defeats: Vec<Defeat>,
    /// The `!…` line that keeps git from ignoring check-off temporary files, when one does.
    pub temp_kept_by: Option<Source>,
}

/// Installs the check-off merge driver for the folder's briefings (repository config and
/// `.gitattributes`) and ignores check-off temporary files (`.gitignore`); commits the two
/// files (only them) so every clone gets them.
pub(crate) fn setup(
    repo: &Repo,
    dir: &Path,
    driver: &str,
    lang: Lang,
) -> Result<SetupReport, GitError> {
    let mut report = SetupReport {
        driver: driver.to_string(),
        ..SetupReport::default()
    };
    let files = [
        (".gitattributes", &[ATTRIBUTE][..]),
        (".gitignore", &IGNORED[..]),
    ];
    let mut texts = Vec::new();
    for (name, lines) in files {
        let path = dir.join(name);
        let text = read_setup_file(&path)?;
        texts.push((path, name, lines, text));
    }
    let current = repo.ok(["config", "--get", "merge.briefing.driver"]).ok();
    if current.as_deref().map(|c| c.trim_end_matches('\n')) != Some(driver) {
        repo.ok(["config", "merge.briefing.name", "briefing check-offs"])?;
        repo.ok(["config", "merge.briefing.driver", driver])?;
        report.configured = true;
    }
    for (path, name, lines, text) in texts {
        if append_missing(&path, &text, lines).map_err(|e| setup_io(&path, e))? {
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
    report.defeats = defeats(repo)?;
    report.temp_kept_by = temp_kept_by(repo);
    Ok(report)
}

/// The text of a `.gitattributes`/`.gitignore` that `--setup` may add to (empty when it does
/// not exist); refused when the repository made it a link, or it is not a regular file.
fn read_setup_file(path: &Path) -> Result<String, GitError> {
    let linked = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if linked {
        return Err(GitError::LinkedFile {
            path: path.to_path_buf(),
        });
    }
    match read_no_follow(path, MAX_SETUP_FILE) {
        Ok(text) => Ok(text.unwrap_or_default()),
        Err(e) => Err(setup_io(path, e)),
    }
}

/// A link put in place between the check and the write is refused by `O_NOFOLLOW` (`ELOOP`).
fn setup_io(path: &Path, e: std::io::Error) -> GitError {
    if e.raw_os_error() == Some(libc::ELOOP) {
        GitError::LinkedFile {
            path: path.to_path_buf(),
        }
    } else {
        GitError::SetupFile {
            path: path.to_path_buf(),
            error: e,
        }
    }
}

/// Appends each of `lines` missing from `text` (the file's content) to the file at `path`,
/// creating it, never through a link; true when it wrote.
fn append_missing(path: &Path, text: &str, lines: &[&str]) -> std::io::Result<bool> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let missing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !text.lines().any(|have| have.trim() == *l))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut out = String::new();
    if !text.is_empty() && !text.ends_with('\n') {
        out.push('\n');
    }
    for line in missing {
        out.push_str(line);
        out.push('\n');
    }
    let mut file = fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o644)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    file.write_all(out.as_bytes())?;
    Ok(true)
}

/// `merge.briefing.driver` for this program: its absolute path, quoted for the shell git uses,
/// with each `%` doubled so that git does not read it as one of its `%O %A %B %P`.
pub(crate) fn driver_command(exe: &Path) -> String {
    let path = exe.to_string_lossy();
    let quoted = path.replace('\'', "'\\''").replace('%', "%%");
    format!("'{quoted}' merge-driver %O %A %B %P")
}

/// The program of a driver command [`driver_command`] made; `None` for any other command.
fn driver_program(command: &str) -> Option<String> {
    let rest = command.strip_prefix('\'')?;
    let mut program = String::new();
    let mut chars = rest.chars().peekable();
    loop {
        match chars.next()? {
            '\'' if chars.peek().is_none() => return None,
            '\'' => {
                if rest_is(&mut chars, "\\''") {
                    program.push('\'');
                } else {
                    break;
                }
            }
            '%' if chars.peek() == Some(&'%') => {
                chars.next();
                program.push('%');
            }
            c => program.push(c),
        }
    }
    let tail: String = chars.collect();
    tail.starts_with(" merge-driver ").then_some(program)
}

/// Whether `chars` go on with `expected`, which is then taken.
fn rest_is(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, expected: &str) -> bool {
    let ahead: String = chars.clone().take(expected.chars().count()).collect();
    if ahead == expected {
        for _ in 0..expected.chars().count() {
            chars.next();
        }
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_driver_command_keeps_any_path_whole() {
        for path in [
            "/usr/bin/briefing",
            "/opt/100%O ok/it's/briefing",
            "/a%%b/%P",
        ] {
            let command = driver_command(Path::new(path));
            assert_eq!(driver_program(&command).as_deref(), Some(path), "{command}");
        }
        assert_eq!(
            driver_command(Path::new("/opt/100%O/briefing")),
            "'/opt/100%%O/briefing' merge-driver %O %A %B %P"
        );
        assert_eq!(driver_program("cat %A"), None);
    }

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

    #[test]
    fn names_with_newlines_cannot_add_lines_to_a_commit_message() {
        let checkoff = Checkoff {
            session: "2024/a\nSigned-off-by: Mallory <m@x>".into(),
            directive: "d".into(),
            state: State {
                done: false,
                at: None,
                by: None,
            },
        };
        let files = ["x\nSigned-off-by: M <m@x>".to_string()];
        for message in [
            commit_message(Lang::En, std::slice::from_ref(&checkoff), &files),
            commit_message(Lang::Vi, &[], &files),
        ] {
            assert!(
                !message.lines().any(|l| l.starts_with("Signed-off-by")),
                "{message}"
            );
        }
    }
}
