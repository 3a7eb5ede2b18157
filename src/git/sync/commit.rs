//! What a sync commits: the changed briefings that differ from `HEAD` only in check-offs and
//! progress (or every change with `--all`), in one commit with a message in English; and the
//! identity every git command of a sync runs with.

use super::super::merge::{State, only_checkoffs, states};
use crate::git::{GitError, Repo, read_no_follow};
use crate::i18n;
use crate::model::Lang;
use crate::store::DEFAULT_MAX_FILE_SIZE;
use crate::store::write::{RESCUE_SUFFIX, TEMP_SUFFIX, current_user};
use crate::terminal_text::one_line;

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
    /// No git identity is configured: git ran with this login-name identity.
    pub fallback_identity: Option<String>,
}

/// `- hh-ma-tuy: done by lan, 28/11/2026 10:15 +07:00`.
fn checkoff_line(lang: Lang, c: &Checkoff) -> String {
    let t = i18n::strings(lang);
    let s = &c.state;
    match (s.done, &s.at, &s.by) {
        (true, Some(at), Some(by)) => {
            t.sync_done_by(&c.directive, &one_line(by), &crate::git::history::when(at))
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

/// A changed file of the folder that a sync commits.
pub(super) struct ToCommit {
    pub path: String,
    pub checkoffs: Vec<Checkoff>,
}

pub(super) fn checkoffs_of(files: &[ToCommit]) -> Vec<Checkoff> {
    files.iter().flat_map(|f| f.checkoffs.clone()).collect()
}

impl Repo {
    /// A path below the top as a path below the briefing folder.
    pub(super) fn below_folder(&self, path: &str) -> String {
        path.strip_prefix(&self.prefix).unwrap_or(path).to_string()
    }
}

/// The changed files of the folder: those to commit (only check-offs, or all with `all`) and
/// the others, below the folder.
pub(super) fn changes(repo: &Repo, all: bool) -> Result<(Vec<ToCommit>, Vec<String>), GitError> {
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
/// hash.
pub(super) fn commit(
    repo: &Repo,
    paths: &[String],
    message: &str,
    all: bool,
) -> Result<String, GitError> {
    if all {
        let mut add = vec!["--literal-pathspecs", "add", "-A", "--"];
        add.extend(paths.iter().map(String::as_str));
        repo.ok(&add)?;
    }
    let mut args: Vec<&str> = vec![
        "--literal-pathspecs",
        "commit",
        "--quiet",
        "--only",
        "-m",
        message,
        "--",
    ];
    args.extend(paths.iter().map(String::as_str));
    repo.ok(&args)?;
    Ok(repo
        .ok(["rev-parse", "--short", "HEAD"])?
        .trim()
        .to_string())
}

/// The variables that give every git command of a sync an identity where git has none of its
/// own (no `user.name`/`user.email`, no `GIT_AUTHOR_*`/`GIT_COMMITTER_*`): the login name and
/// `login@host`; and that identity as `name <email>` when the author's is one of them.
pub(crate) fn identity_env(repo: &Repo) -> (Vec<(String, String)>, Option<String>) {
    let env_set = |var: &str| std::env::var_os(var).is_some_and(|v| !v.is_empty());
    let configured = |key: &str| {
        repo.ok(["config", "--get", key])
            .is_ok_and(|v| !v.trim().is_empty())
    };
    let name_known = configured("user.name");
    let email_known = configured("user.email") || env_set("EMAIL");
    let login = current_user();
    let email = format!("{login}@{}", host_name());
    let mut env = Vec::new();
    for (var, known, value) in [
        ("GIT_AUTHOR_NAME", name_known, &login),
        ("GIT_COMMITTER_NAME", name_known, &login),
        ("GIT_AUTHOR_EMAIL", email_known, &email),
        ("GIT_COMMITTER_EMAIL", email_known, &email),
    ] {
        if !known && !env_set(var) {
            env.push((var.to_string(), value.clone()));
        }
    }
    let author_filled = env.iter().any(|(var, _)| var.starts_with("GIT_AUTHOR"));
    let shown = author_filled.then(|| {
        let get = |var: &str, fallback: &str| {
            env.iter()
                .find(|(v, _)| v == var)
                .map(|(_, value)| value.clone())
                .or_else(|| std::env::var(var).ok().filter(|v| !v.is_empty()))
                .or_else(|| {
                    let key = if var.ends_with("NAME") {
                        "user.name"
                    } else {
                        "user.email"
                    };
                    repo.ok(["config", "--get", key])
                        .ok()
                        .map(|v| v.trim().to_string())
                })
                .unwrap_or_else(|| fallback.to_string())
        };
        format!(
            "{} <{}>",
            get("GIT_AUTHOR_NAME", &login),
            get("GIT_AUTHOR_EMAIL", &email)
        )
    });
    (env, shown)
}

fn host_name() -> String {
    let uname = rustix::system::uname();
    match uname.nodename().to_str() {
        Ok(name) if !name.is_empty() => name.to_string(),
        _ => "localhost".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
