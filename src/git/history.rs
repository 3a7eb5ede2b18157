//! Who checked off or un-checked which directive, and when, from the git history of the folder.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::merge::{State, states};
use super::{GitError, Repo};
use crate::i18n::{self, fill};
use crate::model::{Lang, fold};
use crate::present;

/// One change of one directive's check-off, in one commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// The commit's full hash.
    pub commit: String,
    /// The commit's author (who synced it).
    pub author: String,
    /// The commit's author date.
    pub date: DateTime<FixedOffset>,
    pub session: String,
    pub directive: String,
    pub action: Action,
    /// When it was checked off, as written in the file (only for `done`).
    pub done_at: Option<DateTime<FixedOffset>>,
    /// Who checked it off, as written in the file (only for `done`).
    pub done_by: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Done,
    Undone,
}

impl Event {
    /// When it was checked off: as written in the file, else when it was committed.
    pub fn at(&self) -> &DateTime<FixedOffset> {
        self.done_at.as_ref().unwrap_or(&self.date)
    }

    /// Who checked it off: as written in the file, else who committed it.
    pub fn by(&self) -> &str {
        self.done_by.as_deref().unwrap_or(&self.author)
    }

    /// The commit's abbreviated hash.
    pub fn short_commit(&self) -> &str {
        self.commit.get(..7).unwrap_or(&self.commit)
    }
}

/// `28/11/2026 10:15 +07:00`: when a check-off was made, as history shows it.
pub fn when(at: &DateTime<FixedOffset>) -> String {
    at.format("%d/%m/%Y %H:%M %:z").to_string()
}

/// One line of a directive's history in the interface: `28/11/2026 10:15 +07:00  [x] checked off
/// by lan  (abc1234)`.
pub fn history_line(lang: Lang, e: &Event) -> String {
    let t = i18n::strings(lang);
    let template = match e.action {
        Action::Done => t.history_done,
        Action::Undone => t.history_undone,
    };
    fill(
        template,
        &[
            ("at", &when(e.at())),
            ("mark", &present::checkbox(e.action == Action::Done)),
            ("by", &e.by()),
            ("commit", &e.short_commit()),
        ],
    )
}

/// Which check-offs to list: all, one session's, or one directive's.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub session: Option<String>,
    pub directive: Option<String>,
}

/// A commit that touched briefings of the folder.
struct Commit {
    hash: String,
    parent: Option<String>,
    author: String,
    date: DateTime<FixedOffset>,
    paths: Vec<String>,
}

/// The check-off changes of the history of HEAD, newest first (merges are left out: every
/// change is seen in the commit that made it).
pub fn log(repo: &Repo, filter: &Filter) -> Result<Vec<Event>, GitError> {
    let commits = commits(repo, filter)?;
    let mut wanted = Vec::new();
    for c in &commits {
        for path in &c.paths {
            wanted.push(format!("{}:{path}", c.hash));
            if let Some(p) = &c.parent {
                wanted.push(format!("{p}:{path}"));
            }
        }
    }
    let blobs = read_blobs(repo, &wanted)?;
    let directive = filter
        .directive
        .as_deref()
        .map(|d| fold::nfc(d).into_owned());
    let mut events = Vec::new();
    for c in &commits {
        for path in &c.paths {
            let Some(session) = repo.session_of(path) else {
                continue;
            };
            let new = blobs.get(&format!("{}:{path}", c.hash));
            let old = c
                .parent
                .as_ref()
                .and_then(|p| blobs.get(&format!("{p}:{path}")));
            let (Some(new), Some(old)) = (new, old) else {
                continue;
            };
            for (id, state) in changed(old, new) {
                if directive.as_ref().is_none_or(|d| *d == id) {
                    events.push(event(c, &session, id, state));
                }
            }
        }
    }
    Ok(events)
}

fn event(c: &Commit, session: &str, directive: String, state: State) -> Event {
    Event {
        commit: c.hash.clone(),
        author: c.author.clone(),
        date: c.date,
        session: session.to_string(),
        directive,
        action: if state.done {
            Action::Done
        } else {
            Action::Undone
        },
        done_at: state.at.filter(|_| state.done),
        done_by: state.by.filter(|_| state.done),
    }
}

/// Directives in both versions whose check-off changed, in file-id order, with their new state.
fn changed(old: &str, new: &str) -> Vec<(String, State)> {
    let (Some(old), Some(new)) = (states(old), states(new)) else {
        return Vec::new();
    };
    new.into_iter()
        .filter(|(id, s)| {
            old.get(id)
                .is_some_and(|o| o.done != s.done || (s.done && o != s))
        })
        .collect()
}

fn commits(repo: &Repo, filter: &Filter) -> Result<Vec<Commit>, GitError> {
    let pathspec = match &filter.session {
        Some(session) => format!(":(top,literal){}", repo.path_of(session)),
        None => format!(":(top){}*.toml", repo.prefix),
    };
    let out = repo.run([
        "log",
        "-z",
        "--no-merges",
        "--no-renames",
        "--name-only",
        "--format=%x01%H%x00%P%x00%an%x00%aI%x00",
        "--",
        &pathspec,
    ])?;
    if !out.status.success() {
        let detail = super::detail(&out);
        // A repository without any commit has no history yet.
        if detail.contains("does not have any commits") || detail.contains("bad default revision") {
            return Ok(Vec::new());
        }
        return Err(GitError::Failed {
            command: "log".to_string(),
            detail,
        });
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text.split('\u{1}').filter_map(parse_commit).collect())
}

fn parse_commit(record: &str) -> Option<Commit> {
    let mut fields = record.split('\0');
    let hash = fields.next()?.to_string();
    let parent = fields.next()?.split(' ').next().filter(|p| !p.is_empty());
    let author = fields.next()?.to_string();
    let date = DateTime::parse_from_rfc3339(fields.next()?).ok()?;
    let paths = fields
        .map(|p| p.trim_start_matches('\n'))
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    Some(Commit {
        hash,
        parent: parent.map(str::to_string),
        author,
        date,
        paths,
    })
}

/// The text of each `commit:path` (missing ones are left out), through one `git cat-file`.
fn read_blobs(repo: &Repo, names: &[String]) -> Result<HashMap<String, String>, GitError> {
    if names.is_empty() {
        return Ok(HashMap::new());
    }
    let mut child = super::command(&repo.top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(super::spawn_error)?;
    let input: String = names.iter().map(|n| format!("{n}\n")).collect();
    let mut stdin = child.stdin.take().ok_or_else(no_pipe)?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let stdout = child.stdout.take().ok_or_else(no_pipe)?;
    let blobs = parse_batch(BufReader::new(stdout), names);
    let _ = writer.join();
    let _ = child.wait();
    blobs.map_err(GitError::Io)
}

fn no_pipe() -> GitError {
    GitError::Io(std::io::Error::other("no pipe to git cat-file"))
}

/// Reads `<hash> <type> <size>\n<content>\n` (or `<name> missing\n`) for each name in turn.
fn parse_batch(
    mut reader: impl BufRead,
    names: &[String],
) -> std::io::Result<HashMap<String, String>> {
    let mut out = HashMap::with_capacity(names.len());
    for name in names {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 {
            break;
        }
        let Some(size) = header
            .split(' ')
            .nth(2)
            .and_then(|s| s.trim().parse::<usize>().ok())
        else {
            continue;
        };
        let mut content = vec![0; size + 1];
        reader.read_exact(&mut content)?;
        content.pop();
        if let Ok(text) = String::from_utf8(content) {
            out.insert(name.clone(), text);
        }
    }
    Ok(out)
}
