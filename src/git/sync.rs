//! `briefing sync`: commit the check-offs made here, bring the upstream in with the check-off
//! merge driver, push (never forced); `--pull-only`, `--dry-run`; and `--setup`, which installs
//! that driver. The steps are modules: what is committed (`commit`), bringing the upstream in
//! whole or not at all (`integrate`), the upstream last seen (`seen`), the set-up (`setup`).

mod commit;
mod integrate;
mod seen;
mod setup;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub(crate) use commit::{Checkoff, Committed, commit_message, identity_env};
pub(crate) use setup::{SetupReport, driver_command, setup};

use super::attributes::{Defeat, Source, defeats};
use super::remote::{batch_env, remote_op};
use super::{GitError, Repo};
use crate::model::Lang;
use crate::store::sync_lock::SyncLock;
use crate::store::write::TEMP_SUFFIX;
use commit::{changes, checkoffs_of};
use integrate::integrate;
use seen::{Seen, dropped, is_ancestor};

/// How often a push that lost a race with another office's push is tried again.
const ATTEMPTS: usize = 3;
/// The temporary ref a dry run fetches the upstream into.
const DRY_RUN_REF: &str = "refs/briefing/dry-run";

/// What a sync does with the remote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Mode {
    /// Commit, bring the upstream in, push.
    #[default]
    Full,
    /// Bring the upstream in only: nothing is committed or sent (an office that only reads).
    PullOnly,
    /// Change nothing; say what a sync would commit, receive and send.
    DryRun,
}

/// What a sync does when the upstream dropped commits it had (a force-push).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Removed {
    /// Stop, naming them (every time, until told otherwise).
    #[default]
    Stop,
    /// Send them again (`--push-removed`).
    PushAgain,
    /// Drop them here too (`--drop-removed`).
    Drop,
}

#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Commit every change of the folder, not only check-offs.
    pub all: bool,
    /// `merge.briefing.driver`: the command git runs to merge two versions of a briefing.
    pub driver: String,
    pub mode: Mode,
    pub removed: Removed,
    /// The longest a fetch or push may take.
    pub timeout: Duration,
    /// The longest the sync waits for check-offs being written and for another sync.
    pub lock_wait: Duration,
}

impl Options {
    pub(crate) fn new(driver: String) -> Options {
        Options {
            all: false,
            driver,
            mode: Mode::Full,
            removed: Removed::Stop,
            timeout: Duration::from_secs(120),
            lock_wait: Duration::from_secs(60),
        }
    }
}

/// What a dry run found.
#[derive(Debug, Clone, Default)]
pub(crate) struct DryRun {
    /// Check-offs and files a sync would commit.
    pub checkoffs: Vec<Checkoff>,
    pub files: Vec<String>,
    /// Commits it would receive and send.
    pub exchange: Exchange,
    /// Commits the upstream dropped (a sync would stop).
    pub dropped: Vec<String>,
}

/// The commits a sync receives from the upstream and sends to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Exchange {
    pub received: usize,
    pub sent: usize,
}

/// What a sync did.
#[derive(Debug, Clone, Default)]
pub(crate) struct Report {
    pub committed: Option<Committed>,
    /// Changed files of the folder that were not committed (not only check-offs).
    pub left_alone: Vec<String>,
    /// The upstream, e.g. `origin/main`.
    pub upstream: String,
    pub exchanged: Exchange,
    /// `--pull-only`: the changed files kept uncommitted, and the local commits not sent.
    pub pull_only: Option<(Vec<String>, usize)>,
    /// `--dry-run`: what a sync would do.
    pub dry_run: Option<DryRun>,
    /// Commits the upstream had dropped, sent again or dropped here as the flag said.
    pub removed: Vec<String>,
    pub removed_how: Removed,
    pub notes: Notes,
}

/// The notes about the set-up that every sync repeats until it is right.
#[derive(Debug, Clone, Default)]
pub(crate) struct Notes {
    /// The merge driver is not installed for this folder (`--setup` not run).
    pub driver_missing: bool,
    /// The program `merge.briefing.driver` runs, when it no longer exists.
    pub driver_stale: Option<String>,
    /// Check-off temporary files are not ignored by git.
    pub temp_not_ignored: bool,
    pub defeated: Defeated,
}

/// The lines of git's own files that undo what `--setup` sets, and that it cannot set right
/// by adding lines of its own.
#[derive(Debug, Clone, Default)]
pub(crate) struct Defeated {
    /// Attribute lines that keep the merge driver or UTF-8 text from the briefings.
    pub attributes: Vec<Defeat>,
    /// The `!…` line that keeps git from ignoring check-off temporary files, when one does.
    pub temp_kept_by: Option<Source>,
}

impl Defeated {
    /// Nothing undoes the set-up.
    pub(crate) fn is_empty(&self) -> bool {
        self.attributes.is_empty() && self.temp_kept_by.is_none()
    }
}

/// Where the branch syncs with.
struct Upstream {
    remote: String,
    /// The branch on the remote, `refs/heads/main`.
    merge: String,
    /// `origin/main`.
    name: String,
}

/// Commits the check-offs made here, brings the upstream in and pushes. The report says what
/// was done even when a later step failed (a commit made before the network failed).
///
/// Every git command runs with an identity (the login name where git has none) and without
/// any prompt (SSH in batch mode); the work tree is changed only under the folder's sync lock,
/// which check-offs wait for.
pub(crate) fn sync(repo: &Repo, opts: &Options) -> (Report, Result<(), GitError>) {
    let mut report = Report::default();
    let (identity, fallback) = identity_env(repo);
    let mut repo = repo.clone();
    repo.env.extend(identity);
    let batch = batch_env(&repo);
    repo.env.extend(batch);
    let result = run_sync(&repo, opts, &mut report);
    if let Some(committed) = &mut report.committed {
        committed.fallback_identity = fallback;
    }
    (report, result)
}

fn run_sync(repo: &Repo, opts: &Options, report: &mut Report) -> Result<(), GitError> {
    let git_dir = git_dir(repo)?;
    ensure_idle(repo, &git_dir)?;
    let upstream = upstream(repo)?;
    report.upstream = upstream.name.clone();
    report.notes = notes(repo);
    if opts.mode == Mode::DryRun {
        return dry_run(repo, &upstream, opts, report);
    }
    let mut seen = Seen::read(&git_dir, &upstream.remote, &upstream.merge);
    {
        let _lock = lock(&git_dir, opts.lock_wait)?;
        ensure_idle(repo, &git_dir)?;
        commit_here(repo, opts, report)?;
    }
    for attempt in 1..=ATTEMPTS {
        let before = rev(repo, "@{upstream}");
        fetch(repo, &upstream, opts.timeout)?;
        let now = rev(repo, "@{upstream}");
        let last = seen.commit.clone().or(before);
        let from = removed_commits(
            repo,
            &upstream,
            last.as_deref(),
            now.as_deref(),
            opts,
            report,
        )?;
        if let Some(now) = &now {
            seen.remember(now);
        }
        let lock = lock(&git_dir, opts.lock_wait)?;
        ensure_idle(repo, &git_dir)?;
        let local = report.committed.as_ref().map(|c| c.commit.clone());
        let (_, behind) = ahead_behind(repo)?;
        if behind > 0 || from.is_some() {
            integrate(repo, &opts.driver, from.as_deref(), local.as_deref())?;
            report.exchanged.received += behind;
        }
        let (ahead, _) = ahead_behind(repo)?;
        name_final_commit(repo, report, ahead)?;
        drop(lock);
        if opts.mode == Mode::PullOnly {
            if let Some((_, unsent)) = &mut report.pull_only {
                *unsent = ahead;
            }
            return Ok(());
        }
        if ahead == 0 {
            return Ok(());
        }
        match push(repo, &upstream, opts.timeout) {
            Ok(()) => {
                report.exchanged.sent = ahead;
                if let Some(head) = rev(repo, "HEAD") {
                    seen.remember(&head);
                }
                return Ok(());
            }
            Err(GitError::Rejected { .. }) if attempt < ATTEMPTS => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The notes a sync adds whatever happens: the merge driver missing or stale, attribute lines
/// that defeat it, temporary files git does not ignore.
fn notes(repo: &Repo) -> Notes {
    let defeated = Defeated {
        // A check that cannot run is no reason not to sync: `--setup` runs it again and says why.
        attributes: defeats(repo).unwrap_or_default(),
        temp_kept_by: temp_kept_by(repo),
    };
    let merge_defeated = (defeated.attributes.iter()).any(|d| d.setting.contains("merge"));
    Notes {
        driver_missing: (!driver_installed(repo) && !merge_defeated) || !driver_configured(repo),
        driver_stale: stale_driver(repo),
        temp_not_ignored: defeated.temp_kept_by.is_none() && !temp_ignored(repo),
        defeated,
    }
}

/// Commits this office's check-offs (not with `--pull-only`: those stay uncommitted).
fn commit_here(repo: &Repo, opts: &Options, report: &mut Report) -> Result<(), GitError> {
    let (to_commit, left_alone) = changes(repo, opts.all)?;
    report.left_alone = left_alone;
    let paths: Vec<String> = to_commit.iter().map(|c| c.path.clone()).collect();
    let files: Vec<String> = paths.iter().map(|p| repo.below_folder(p)).collect();
    if opts.mode == Mode::PullOnly {
        report.pull_only = Some((files, 0));
        return Ok(());
    }
    if to_commit.is_empty() {
        return Ok(());
    }
    let checkoffs = checkoffs_of(&to_commit);
    let message = commit_message(Lang::En, &checkoffs, &files);
    let commit = commit::commit(repo, &paths, &message, opts.all)?;
    report.committed = Some(Committed {
        commit,
        checkoffs,
        files,
        fallback_identity: None,
    });
    Ok(())
}

/// After a rebase the check-offs' commit has another hash: the report names the one sent.
fn name_final_commit(repo: &Repo, report: &mut Report, ahead: usize) -> Result<(), GitError> {
    if let Some(c) = &mut report.committed
        && ahead > 0
    {
        c.commit = repo
            .ok(["rev-parse", "--short", "HEAD"])?
            .trim()
            .to_string();
    }
    Ok(())
}

/// Whether the upstream dropped commits since `last` (the upstream this clone last saw): an
/// error naming them, unless the options say to send them again (`Ok(None)`: a plain rebase
/// replays them) or to drop them here too (`Ok(Some(last))`: only what came after is replayed).
fn removed_commits(
    repo: &Repo,
    upstream: &Upstream,
    last: Option<&str>,
    now: Option<&str>,
    opts: &Options,
    report: &mut Report,
) -> Result<Option<String>, GitError> {
    let (Some(last), Some(now)) = (last, now) else {
        return Ok(None);
    };
    let gone = dropped(repo, last, now)?;
    if gone.is_empty() {
        return Ok(None);
    }
    match opts.removed {
        Removed::Stop => Err(GitError::Rewritten {
            upstream: upstream.name.clone(),
            dropped: gone,
        }),
        Removed::PushAgain => {
            report.removed = gone;
            report.removed_how = Removed::PushAgain;
            Ok(None)
        }
        Removed::Drop => {
            report.removed = gone;
            report.removed_how = Removed::Drop;
            let head_has_it = is_ancestor(repo, last, "HEAD");
            Ok(head_has_it.then(|| last.to_string()))
        }
    }
}

/// Says what a sync would commit, receive and send; changes nothing in the work tree, the
/// index or the branches (the upstream is fetched into a temporary ref, removed after).
fn dry_run(
    repo: &Repo,
    upstream: &Upstream,
    opts: &Options,
    report: &mut Report,
) -> Result<(), GitError> {
    let (to_commit, left_alone) = changes(repo, opts.all)?;
    report.left_alone = left_alone;
    let refspec = format!("+{}:{DRY_RUN_REF}", upstream.merge);
    let args = [
        "fetch",
        "--quiet",
        "--no-write-fetch-head",
        "--no-tags",
        "--refmap=",
        &upstream.remote,
        &refspec,
    ];
    remote_op(repo, &upstream.remote, &args, opts.timeout)?;
    let fetched = rev(repo, DRY_RUN_REF);
    let counted = counts(repo, DRY_RUN_REF);
    let _ = repo.ok(["update-ref", "-d", DRY_RUN_REF]);
    let (send, receive) = counted?;
    let git_dir = git_dir(repo)?;
    let seen = Seen::read(&git_dir, &upstream.remote, &upstream.merge);
    let last = seen.commit.or_else(|| rev(repo, "@{upstream}"));
    let gone = match (&last, &fetched) {
        (Some(last), Some(now)) => dropped(repo, last, now)?,
        _ => Vec::new(),
    };
    let files: Vec<String> = to_commit
        .iter()
        .map(|c| repo.below_folder(&c.path))
        .collect();
    let would_commit = !to_commit.is_empty() && opts.mode != Mode::PullOnly;
    report.dry_run = Some(DryRun {
        checkoffs: checkoffs_of(&to_commit),
        files,
        exchange: Exchange {
            received: receive,
            sent: send + usize::from(would_commit),
        },
        dropped: gone,
    });
    Ok(())
}

impl Repo {
    /// Whether the git directory holds `name` (a rebase or merge under way).
    fn git_dir_has(&self, name: &str) -> bool {
        git_dir(self).is_ok_and(|dir| dir.join(name).exists())
    }
}

fn git_dir(repo: &Repo) -> Result<PathBuf, GitError> {
    Ok(PathBuf::from(
        repo.ok(["rev-parse", "--absolute-git-dir"])?.trim(),
    ))
}

/// The folder's sync lock, waiting for check-offs being written and for another sync.
fn lock(git_dir: &Path, wait: Duration) -> Result<SyncLock, GitError> {
    match SyncLock::exclusive(git_dir, wait) {
        Ok(Ok(lock)) => Ok(lock),
        Ok(Err(_)) => Err(GitError::SyncBusy {
            seconds: wait.as_secs(),
        }),
        Err(e) => Err(GitError::Io(e)),
    }
}

fn ensure_idle(repo: &Repo, git_dir: &Path) -> Result<(), GitError> {
    let busy = [
        "rebase-merge",
        "rebase-apply",
        "MERGE_HEAD",
        "CHERRY_PICK_HEAD",
    ]
    .iter()
    .any(|name| git_dir.join(name).exists());
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
    let program = setup::driver_program(configured.trim_end_matches('\n'))?;
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

fn fetch(repo: &Repo, upstream: &Upstream, timeout: Duration) -> Result<(), GitError> {
    let args = ["fetch", "--quiet", &upstream.remote];
    remote_op(repo, &upstream.remote, &args, timeout).map(drop)
}

fn push(repo: &Repo, upstream: &Upstream, timeout: Duration) -> Result<(), GitError> {
    let target = format!("HEAD:{}", upstream.merge);
    let args = ["push", "--quiet", &upstream.remote, &target];
    remote_op(repo, &upstream.remote, &args, timeout).map(drop)
}

fn rev(repo: &Repo, name: &str) -> Option<String> {
    repo.ok(["rev-parse", "--verify", "-q", name])
        .ok()
        .map(|s| s.trim().to_string())
}

/// Commits on HEAD not upstream, and upstream not on HEAD.
fn ahead_behind(repo: &Repo) -> Result<(usize, usize), GitError> {
    counts(repo, "@{upstream}")
}

/// Commits on HEAD not on `other`, and on `other` not on HEAD.
fn counts(repo: &Repo, other: &str) -> Result<(usize, usize), GitError> {
    let range = format!("HEAD...{other}");
    let out = repo.ok(["rev-list", "--left-right", "--count", &range])?;
    let mut counts = out
        .split_whitespace()
        .map(|n| n.parse::<usize>().unwrap_or(0));
    Ok((counts.next().unwrap_or(0), counts.next().unwrap_or(0)))
}
