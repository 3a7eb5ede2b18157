//! Who checked off or un-checked which directive, and when, from the git history of the folder.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdout, Stdio};
use std::thread::JoinHandle;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use super::merge::State;
use super::{GitError, Repo};
use crate::i18n::{self, Strings};
use crate::model::{Entry, Lang, fold};
use crate::present;
use crate::store::DEFAULT_MAX_FILE_SIZE;
use crate::terminal_text::one_line;

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
    pub action: Mark,
    /// When it was checked off, as written in the file (only for `done`).
    pub done_at: Option<DateTime<FixedOffset>>,
    /// Who checked it off, as written in the file (only for `done`).
    pub done_by: Option<String>,
}

/// What a commit did to a directive's check-off mark (not to be confused with the app's `Action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
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
pub(crate) fn when(at: &DateTime<FixedOffset>) -> String {
    at.format("%d/%m/%Y %H:%M %:z").to_string()
}

/// One line of a directive's history in the interface: `28/11/2026 10:15 +07:00  [x] checked off
/// by lan  (abc1234)`.
pub(crate) fn history_line(lang: Lang, e: &Event) -> String {
    let t = i18n::strings(lang);
    let line = match e.action {
        Mark::Done => Strings::history_done,
        Mark::Undone => Strings::history_undone,
    };
    line(
        t,
        &when(e.at()),
        &present::checkbox(e.action == Mark::Done),
        &e.by(),
        &e.short_commit(),
    )
}

/// Which check-offs to list: all, one session's, or one directive's.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filter {
    pub session: Option<String>,
    pub directive: Option<String>,
}

/// A progress entry (format version 3) as the commit that added it to a directive's log.
#[derive(Debug, Clone, PartialEq)]
pub struct Logged {
    /// The commit's full hash.
    pub commit: String,
    /// The commit's author (who synced it).
    pub author: String,
    /// The commit's author date.
    pub date: DateTime<FixedOffset>,
    pub session: String,
    pub directive: String,
    pub entry: Entry,
}

/// The check-off changes of the history, newest first, and what of it could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Check-offs and un-checks written as `done` fields (versions 1 and 2): a directive whose
    /// progress log a commit changed is in `logged` for that commit instead.
    pub events: Vec<Event>,
    /// The progress entries each commit added, newest commit first.
    pub logged: Vec<Logged>,
    /// Commits (or briefings in them) whose check-offs are not in `events`, or are there with
    /// something changed, and why; newest first.
    pub unread: Vec<Unread>,
}

impl History {
    /// Whether some check-offs of the history may be missing from `events`.
    pub fn incomplete(&self) -> bool {
        self.unread.iter().any(Unread::is_incomplete)
    }
}

/// A commit of the history that could not be read as it is, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// The commit's full hash.
    pub commit: String,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// git gave no readable commit object for it.
    Commit,
    /// Its author line has no time that can be read: its check-offs are left out.
    Date,
    /// Its author time zone is not one a clock can show (`+9999`): it is shown in UTC.
    Zone { zone: String },
    /// A version of a briefing in it is larger than a briefing may be.
    TooLarge { path: String, size: u64, limit: u64 },
    /// A version of a briefing in it is not UTF-8 text.
    NotText { path: String },
    /// A version of a briefing in it is not in this clone (shallow or partial).
    Missing { path: String },
    /// A version of a briefing in it (or the one before) does not validate.
    Invalid { path: String },
}

impl Unread {
    /// Whether check-offs of the commit may be missing (not only shown differently).
    pub fn is_incomplete(&self) -> bool {
        !matches!(self.reason, Reason::Zone { .. })
    }

    /// The commit's abbreviated hash.
    pub fn short_commit(&self) -> &str {
        self.commit.get(..7).unwrap_or(&self.commit)
    }

    /// What could not be read and what it means, in `lang`, on one line.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        let commit = self.short_commit();
        let path = |p: &str| one_line(p).into_owned();
        match &self.reason {
            Reason::Commit => t.history_unread_commit(&commit),
            Reason::Date => t.history_unread_date(&commit),
            Reason::Zone { zone } => t.history_unread_zone(&commit, &one_line(zone)),
            Reason::TooLarge {
                path: p,
                size,
                limit,
            } => t.history_unread_too_large(&commit, &path(p), size, limit),
            Reason::NotText { path: p } => t.history_unread_not_text(&commit, &path(p)),
            Reason::Missing { path: p } => t.history_unread_missing(&commit, &path(p)),
            Reason::Invalid { path: p } => t.history_unread_invalid(&commit, &path(p)),
        }
    }
}

/// A commit that touched files of the folder, with the briefings it modified.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Touched {
    hash: String,
    changes: Vec<Modified>,
}

/// A regular file a commit modified: the blobs before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Modified {
    path: String,
    old: String,
    new: String,
}

/// Who made a commit, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Author {
    name: String,
    date: DateTime<FixedOffset>,
    /// The time zone as written, when it is not one a clock can show.
    odd_zone: Option<String>,
}

/// The check-off changes of the history of HEAD, newest first (merges are left out: every
/// change is seen in the commit that made it), and every commit that could not be read.
///
/// git's output is read as data: the commits and the blobs each modified from `git log -z
/// --raw` (names end at NUL), their contents through `git cat-file --batch` asked for by object
/// id only, sizes checked against the briefing size limit before anything is allocated.
pub(crate) fn log(repo: &Repo, filter: &Filter) -> Result<History, GitError> {
    let touched: Vec<Touched> = touched(repo, filter)?
        .into_iter()
        .map(|mut t| {
            t.changes.retain(|m| repo.session_of(&m.path).is_some());
            t
        })
        .filter(|t| !t.changes.is_empty())
        .collect();
    let directive = filter
        .directive
        .as_deref()
        .map(|d| fold::nfc(d).into_owned());
    let mut history = History::default();
    if touched.is_empty() {
        return Ok(history);
    }
    let mut batch = Batch::start(repo, &touched)?;
    for t in &touched {
        read_commit(repo, t, &mut batch, directive.as_deref(), &mut history)
            .map_err(GitError::Io)?;
    }
    Ok(history)
}

/// Adds one commit's check-off changes to `history`, or why they cannot be read; its objects
/// come next from `batch` (the commit, then each change's two blobs), one pair held at a time.
fn read_commit(
    repo: &Repo,
    t: &Touched,
    batch: &mut Batch,
    directive: Option<&str>,
    history: &mut History,
) -> io::Result<()> {
    let mut unread = |reason| {
        history.unread.push(Unread {
            commit: t.hash.clone(),
            reason,
        })
    };
    let author = match batch.next()? {
        Object::Found {
            kind,
            data: Some(data),
            ..
        } if kind == "commit" => author_of(&data).ok_or(Reason::Date),
        _ => Err(Reason::Commit),
    };
    let author = match author {
        Ok(author) => Some(author),
        Err(reason) => {
            unread(reason);
            None
        }
    };
    if let Some(zone) = author.as_ref().and_then(|a| a.odd_zone.clone()) {
        unread(Reason::Zone { zone });
    }
    for m in &t.changes {
        let (old, new) = (batch.next()?, batch.next()?);
        let (Some(author), Some(session)) = (&author, repo.session_of(&m.path)) else {
            continue;
        };
        let texts = (text_of(&old, &m.path), text_of(&new, &m.path));
        let (old, new) = match texts {
            (Ok(old), Ok(new)) => (old, new),
            (_, Err(reason)) | (Err(reason), _) => {
                unread(reason);
                continue;
            }
        };
        let (Some(old), Some(new)) = (snapshot(old), snapshot(new)) else {
            unread(Reason::Invalid {
                path: m.path.clone(),
            });
            continue;
        };
        for (id, entry) in added(&old, &new) {
            if directive.is_none_or(|d| d == id) {
                history.logged.push(Logged {
                    commit: t.hash.clone(),
                    author: author.name.clone(),
                    date: author.date,
                    session: session.clone(),
                    directive: id.to_string(),
                    entry: entry.clone(),
                });
            }
        }
        let states = |snap: &Snapshot| -> BTreeMap<String, State> {
            snap.iter()
                .map(|(id, (state, _))| (id.clone(), state.clone()))
                .collect()
        };
        let log_changed = |id: &str| old.get(id).map(|o| &o.1) != new.get(id).map(|n| &n.1);
        for (id, state) in changed(&states(&old), states(&new)) {
            if directive.is_none_or(|d| d == id) && !log_changed(&id) {
                history.events.push(event(t, author, &session, id, state));
            }
        }
    }
    Ok(())
}

/// Each directive of a valid briefing, by id: its check-off (as `done*` say it once the log is
/// read) and its progress log.
type Snapshot = BTreeMap<String, (State, Vec<Entry>)>;

/// The snapshot of a briefing's text; `None` when it does not validate.
fn snapshot(text: &str) -> Option<Snapshot> {
    let session = crate::store::parse_file(text.as_bytes(), "briefing", "briefing").session?;
    Some(
        session
            .all_directives()
            .map(|d| {
                let state = State {
                    done: d.done,
                    at: d.more.done_at,
                    by: d.more.done_by.as_deref().map(str::to_string),
                };
                (d.id.to_string(), (state, d.more.progress.to_vec()))
            })
            .collect(),
    )
}

/// The entries each directive's log has in `new` and not in `old` (each entry of `old` used up
/// once), in file order.
fn added<'a>(old: &Snapshot, new: &'a Snapshot) -> Vec<(&'a str, &'a Entry)> {
    let mut out = Vec::new();
    for (id, (_, log)) in new {
        let mut before: Vec<&Entry> = old
            .get(id)
            .map(|o| o.1.iter().collect())
            .unwrap_or_default();
        for entry in log {
            match before.iter().position(|e| *e == entry) {
                Some(i) => {
                    before.swap_remove(i);
                }
                None => out.push((id.as_str(), entry)),
            }
        }
    }
    out
}

/// A blob's text, or why it has none.
fn text_of<'a>(object: &'a Object, path: &str) -> Result<&'a str, Reason> {
    let path = || path.to_string();
    match object {
        Object::Found {
            data: Some(data), ..
        } => std::str::from_utf8(data).map_err(|_| Reason::NotText { path: path() }),
        Object::Found {
            data: None, size, ..
        } => Err(Reason::TooLarge {
            path: path(),
            size: *size,
            limit: DEFAULT_MAX_FILE_SIZE,
        }),
        Object::Missing => Err(Reason::Missing { path: path() }),
    }
}

fn event(t: &Touched, author: &Author, session: &str, directive: String, state: State) -> Event {
    Event {
        commit: t.hash.clone(),
        author: author.name.clone(),
        date: author.date,
        session: session.to_string(),
        directive,
        action: if state.done { Mark::Done } else { Mark::Undone },
        done_at: state.at.filter(|_| state.done),
        done_by: state.by.filter(|_| state.done),
    }
}

/// Directives in both versions whose check-off changed, in file-id order, with their new state.
fn changed(old: &BTreeMap<String, State>, new: BTreeMap<String, State>) -> Vec<(String, State)> {
    new.into_iter()
        .filter(|(id, s)| {
            old.get(id)
                .is_some_and(|o| o.done != s.done || (s.done && o != s))
        })
        .collect()
}

/// The commits of HEAD (no merges) that touched the folder (or the session's file), newest
/// first, each with the regular files it modified.
fn touched(repo: &Repo, filter: &Filter) -> Result<Vec<Touched>, GitError> {
    let pathspec = match &filter.session {
        Some(session) => format!(":(top,literal){}", repo.path_of(session)),
        None if repo.prefix.is_empty() => ":(top)".to_string(),
        None => format!(":(top,literal){}", repo.prefix),
    };
    let out = repo.run([
        "log",
        "-z",
        "--no-merges",
        "--no-renames",
        "--no-color",
        "--no-show-signature",
        "--raw",
        "--no-abbrev",
        "--format=%H",
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
    Ok(parse_log(&out.stdout))
}

/// Reads `git log -z --raw --format=%H`: a commit's hash, then for each file it changed
/// `:MODE MODE OLD NEW STATUS` and the path, each ending at a NUL (a newline may come before a
/// hash or a `:` line, never inside a path).
fn parse_log(out: &[u8]) -> Vec<Touched> {
    let mut commits: Vec<Touched> = Vec::new();
    let mut tokens = out.split(|&b| b == 0);
    while let Some(token) = tokens.next() {
        let token = trim_newlines(token);
        if let Some(raw) = token.strip_prefix(b":") {
            let path = tokens.next();
            if let (Some(commit), Some(path)) = (commits.last_mut(), path)
                && let Some(modified) = modified(raw, path)
            {
                commit.changes.push(modified);
            }
        } else if is_object_id(token) {
            commits.push(Touched {
                hash: String::from_utf8_lossy(token).into_owned(),
                changes: Vec::new(),
            });
        }
    }
    commits
}

fn trim_newlines(token: &[u8]) -> &[u8] {
    let start = token
        .iter()
        .position(|&b| b != b'\n')
        .unwrap_or(token.len());
    &token[start..]
}

fn is_object_id(token: &[u8]) -> bool {
    matches!(token.len(), 40 | 64) && token.iter().all(u8::is_ascii_hexdigit)
}

/// A `:100644 100644 OLD NEW M` line of a regular file modified in place, with its path.
fn modified(raw: &[u8], path: &[u8]) -> Option<Modified> {
    let raw = std::str::from_utf8(raw).ok()?;
    let fields: Vec<&str> = raw.split(' ').collect();
    let [old_mode, new_mode, old, new, status] = fields[..] else {
        return None;
    };
    let regular = |mode: &str| mode == "100644" || mode == "100755";
    let ok = regular(old_mode)
        && regular(new_mode)
        && status == "M"
        && is_object_id(old.as_bytes())
        && is_object_id(new.as_bytes());
    ok.then(|| Modified {
        path: String::from_utf8_lossy(path).into_owned(),
        old: old.to_string(),
        new: new.to_string(),
    })
}

/// The author of a commit object and when, from its `author NAME <EMAIL> SECONDS ZONE` line;
/// `None` when there is no such line with a time that can be read.
fn author_of(commit: &[u8]) -> Option<Author> {
    let line = commit
        .split(|&b| b == b'\n')
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix(b"author "))?;
    let line = String::from_utf8_lossy(line);
    let (ident, when) = line.rsplit_once('>')?;
    let name = ident
        .split('<')
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    let mut parts = when.split_whitespace();
    let seconds: i64 = parts.next()?.parse().ok()?;
    let zone = parts.next().unwrap_or("+0000");
    let utc = DateTime::<Utc>::from_timestamp(seconds, 0)?;
    Some(match offset_of(zone) {
        Some(offset) => Author {
            name,
            date: utc.with_timezone(&offset),
            odd_zone: None,
        },
        None => Author {
            name,
            date: utc.fixed_offset(),
            odd_zone: Some(zone.to_string()),
        },
    })
}

/// `+0700` as an offset; `None` for what no clock shows (`+9999`, `+0760`, `7`).
fn offset_of(zone: &str) -> Option<FixedOffset> {
    let (sign, digits) = match zone.as_bytes().first()? {
        b'+' => (1, zone.get(1..)?),
        b'-' => (-1, zone.get(1..)?),
        _ => return None,
    };
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..)?.parse().ok()?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// One object of a `git cat-file --batch` reply.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Object {
    /// `data` is `None` when the object is larger than the limit (it was skipped unread).
    Found {
        kind: String,
        size: u64,
        data: Option<Vec<u8>>,
    },
    Missing,
}

/// One `git cat-file --batch`, asked for every object of the commits (by id, never by name:
/// names may hold newlines) and read one reply at a time, each at most a briefing's size.
struct Batch {
    child: Child,
    reader: BufReader<ChildStdout>,
    writer: Option<JoinHandle<io::Result<()>>>,
}

impl Batch {
    /// Asks for each commit, then each of its changes' old and new blob, in that order.
    fn start(repo: &Repo, touched: &[Touched]) -> Result<Batch, GitError> {
        let mut input = String::new();
        for t in touched {
            input.push_str(&t.hash);
            input.push('\n');
            for m in &t.changes {
                input.push_str(&format!("{}\n{}\n", m.old, m.new));
            }
        }
        let mut child = super::command(&repo.top)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(super::spawn_error)?;
        let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(GitError::Io(io::Error::other("no pipe to git cat-file")));
        };
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        Ok(Batch {
            child,
            reader: BufReader::new(stdout),
            writer: Some(writer),
        })
    }

    /// The next reply.
    fn next(&mut self) -> io::Result<Object> {
        read_object(&mut self.reader, DEFAULT_MAX_FILE_SIZE)?
            .ok_or_else(|| bad_reply("fewer replies than objects asked for"))
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

/// The longest header line read: an object id, a type and a size, or a name and `missing`.
const MAX_HEADER: u64 = 4096;

/// Reads one reply: `<oid> <type> <size>\n<content>\n`, or `<name> missing\n` (also
/// `ambiguous`); `None` at the end. The header is read from its end, so a name echoed back
/// never matters.
fn read_object(reader: &mut impl BufRead, limit: u64) -> io::Result<Option<Object>> {
    let mut header = Vec::new();
    reader.take(MAX_HEADER).read_until(b'\n', &mut header)?;
    if header.is_empty() {
        return Ok(None);
    }
    if header.pop() != Some(b'\n') {
        return Err(bad_reply("a header without its end"));
    }
    Ok(Some(match parse_header(&header)? {
        None => Object::Missing,
        Some((kind, size)) => {
            let data = read_content(reader, size, limit)?;
            Object::Found { kind, size, data }
        }
    }))
}

/// The type and size of `<oid> <type> <size>`, `None` for `<name> missing` or `ambiguous`.
fn parse_header(header: &[u8]) -> io::Result<Option<(String, u64)>> {
    let text = String::from_utf8_lossy(header);
    let mut words = text.rsplitn(3, ' ');
    let last = words.next().unwrap_or_default();
    if last == "missing" || last == "ambiguous" {
        return Ok(None);
    }
    let size = last
        .parse::<u64>()
        .map_err(|_| bad_reply("a header without a size"))?;
    let kind = words
        .next()
        .ok_or_else(|| bad_reply("a header without a type"))?;
    Ok(Some((kind.to_string(), size)))
}

/// An object's `size` bytes and the newline after them (memory grows with what arrives, not
/// with what the header says); skipped (`None`) above `limit`.
fn read_content(reader: &mut impl BufRead, size: u64, limit: u64) -> io::Result<Option<Vec<u8>>> {
    if size > limit {
        let skipped = io::copy(&mut reader.take(size + 1), &mut io::sink())?;
        return if skipped == size + 1 {
            Ok(None)
        } else {
            Err(bad_reply("an object cut short"))
        };
    }
    let mut content = Vec::new();
    reader.take(size + 1).read_to_end(&mut content)?;
    if content.len() as u64 != size + 1 {
        return Err(bad_reply("an object cut short"));
    }
    if content.pop() != Some(b'\n') {
        return Err(bad_reply("an object without its end"));
    }
    Ok(Some(content))
}

fn bad_reply(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("git cat-file --batch gave {what}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const OID: &str = "0123456789abcdef0123456789abcdef01234567";

    /// Every reply of `reply`, each at most `limit` bytes.
    fn replies(reply: &[u8], limit: u64) -> io::Result<Vec<Object>> {
        let mut reader = reply;
        let mut out = Vec::new();
        while let Some(object) = read_object(&mut reader, limit)? {
            out.push(object);
        }
        Ok(out)
    }

    #[test]
    fn a_missing_name_with_numbers_in_it_is_missing_not_a_size() {
        let reply = b"abc:y 1 999999999999 .toml missing\n";
        assert_eq!(replies(reply, 100).expect("parsed"), vec![Object::Missing]);
    }

    #[test]
    fn sizes_above_the_limit_are_skipped_unread_and_the_next_reply_still_parses() {
        let reply = format!("{OID} blob 5\nhello\n{OID} blob 2\nok\n");
        let found = |data: Option<&[u8]>, size| Object::Found {
            kind: "blob".into(),
            size,
            data: data.map(<[u8]>::to_vec),
        };
        assert_eq!(
            replies(reply.as_bytes(), 4).expect("parsed"),
            vec![found(None, 5), found(Some(b"ok"), 2)]
        );
    }

    #[test]
    fn a_reply_cut_short_or_without_a_size_is_an_error_not_an_allocation() {
        let cut = format!("{OID} blob 999999999999\nabc");
        assert!(replies(cut.as_bytes(), u64::MAX).is_err());
        assert!(replies(cut.as_bytes(), 10).is_err());
        let no_size = format!("{OID} blob x\n");
        assert!(replies(no_size.as_bytes(), 10).is_err());
        let endless = vec![b'a'; 10_000];
        assert!(replies(&endless, 10).is_err());
    }

    #[test]
    fn time_zones_no_clock_shows_are_kept_apart() {
        assert_eq!(offset_of("+0700"), FixedOffset::east_opt(7 * 3600));
        assert_eq!(
            offset_of("-0230"),
            FixedOffset::east_opt(-(2 * 3600 + 30 * 60))
        );
        for odd in ["+9999", "+2400", "+0760", "0700", "+07", "+07:00", ""] {
            assert_eq!(offset_of(odd), None, "{odd}");
        }
    }

    #[test]
    fn the_author_line_is_read_from_its_end() {
        let commit = b"tree x\nauthor Ev\x01il <a> b> 1710910800 +9999\ncommitter c <c> 1 +0000\n\nauthor not this\n";
        let author = author_of(commit).expect("author");
        assert_eq!(author.name, "Ev\u{1}il");
        assert_eq!(author.odd_zone.as_deref(), Some("+9999"));
        assert_eq!(author.date.to_rfc3339(), "2024-03-20T05:00:00+00:00");
        let normal = b"author Lan <l@x> 1710910800 +0700\n\n";
        let normal = author_of(normal).expect("author");
        assert_eq!(normal.date.to_rfc3339(), "2024-03-20T12:00:00+07:00");
        assert_eq!(normal.odd_zone, None);
        assert_eq!(author_of(b"author Lan <l@x> soon +0700\n"), None);
        assert_eq!(author_of(b"tree x\n\nauthor Lan <l@x> 1 +0700\n"), None);
    }

    #[test]
    fn log_paths_end_at_nul_only() {
        let other = "89abcdef0123456789abcdef0123456789abcdef";
        let out = format!(
            "{OID}\0\n:100644 100644 {OID} {other} M\0a\nSigned-off-by: x.toml\0:000000 100644 {z} {other} A\0new.toml\0{other}\0\n:120000 120000 {OID} {other} M\0link.toml\0",
            z = "0".repeat(40)
        );
        let got = parse_log(out.as_bytes());
        assert_eq!(
            got,
            vec![
                Touched {
                    hash: OID.into(),
                    changes: vec![Modified {
                        path: "a\nSigned-off-by: x.toml".into(),
                        old: OID.into(),
                        new: other.into(),
                    }],
                },
                Touched {
                    hash: other.into(),
                    changes: vec![],
                },
            ]
        );
    }
}
