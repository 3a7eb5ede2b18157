//! What people did to directives, for `briefing log`: the files' progress logs and check-offs
//! first (no git needed), git's commit facts (commit, author) added where the history has them,
//! and the check-offs and un-checks only the history remembers; ordered by the time of the
//! action, each person named by their login.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::history::{Event, History, Logged, Mark};
use crate::model::{Entry, Session, State, Update};

/// What an action did: `done` and `undone` as before, `progress` for an entry that sets
/// another state or only adds a note or a percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Done,
    Undone,
    Progress,
}

/// One action on one directive, as `briefing log` lists it (docs/json.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    #[serde(flatten)]
    pub brought: Brought,
    pub session: String,
    pub directive: String,
    pub action: Kind,
    /// For `done`: when, as written in the file.
    pub done_at: Option<DateTime<FixedOffset>>,
    /// For `done`: who, as written in the file.
    pub done_by: Option<String>,
    /// When it was done: the entry's or the check-off's time, else (an un-check of a version
    /// 1 or 2 file) the commit's.
    pub at: DateTime<FixedOffset>,
    /// Who: a login (a commit author is named by the login their check-offs carry).
    pub by: String,
    /// What it said: a check-off sets the state `done`, an un-check `open`.
    #[serde(flatten)]
    pub update: Update,
}

/// The commit that brought an action, when the history has it: each part `None` when no
/// commit did (not committed, or no git).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Brought {
    /// The commit's full hash.
    pub commit: Option<String>,
    /// The commit's author (who synced it).
    pub author: Option<String>,
    /// The commit's author date.
    pub date: Option<DateTime<FixedOffset>>,
}

impl Brought {
    fn by(commit: &str, author: &str, date: DateTime<FixedOffset>) -> Self {
        Brought {
            commit: Some(commit.to_string()),
            author: Some(author.to_string()),
            date: Some(date),
        }
    }
}

/// Which directives: all, one session's, or one directive of it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Only<'a> {
    pub session: Option<&'a str>,
    pub directive: Option<&'a str>,
}

/// The actions the files record, with the history's commit facts and the actions only the
/// history knows, newest first by the time of the action.
pub(crate) fn actions(
    sessions: &[Session],
    history: Option<&History>,
    only: Only<'_>,
) -> Vec<Action> {
    let mut out = from_files(sessions, only);
    if let Some(history) = history {
        for logged in &history.logged {
            attach_entry(&mut out, logged);
        }
        let logins = logins(&history.events);
        for event in &history.events {
            if !attach_check_off(&mut out, event) {
                out.push(from_git(event, &logins));
            }
        }
    }
    out.sort_by_key(|a| std::cmp::Reverse(a.at));
    out
}

/// Every progress entry of the files, and each check-off of a version 1 or 2 directive (one
/// without states in its log) that says when it was made.
fn from_files(sessions: &[Session], only: Only<'_>) -> Vec<Action> {
    let mut out = Vec::new();
    let sessions = sessions
        .iter()
        .filter(|s| only.session.is_none_or(|id| *s.id == *id));
    for session in sessions {
        let directives = session
            .all_directives()
            .filter(|d| only.directive.is_none_or(|id| *d.id == *id));
        for d in directives {
            for entry in &d.more.progress {
                out.push(from_entry(&session.id, &d.id, entry));
            }
            let logged_state = d.more.progress.iter().any(|e| e.state.is_some());
            if let (false, true, Some(at)) = (logged_state, d.done, d.more.done_at) {
                let by = d.more.done_by.as_deref().unwrap_or_default().to_string();
                out.push(check_off(&session.id, &d.id, at, by));
            }
        }
    }
    out
}

fn from_entry(session: &str, directive: &str, entry: &Entry) -> Action {
    let action = match entry.state {
        Some(State::Done) => Kind::Done,
        Some(State::Open) => Kind::Undone,
        _ => Kind::Progress,
    };
    let done = action == Kind::Done;
    Action {
        brought: Brought::default(),
        session: session.to_string(),
        directive: directive.to_string(),
        action,
        done_at: done.then_some(entry.at),
        done_by: done.then(|| entry.by.to_string()),
        at: entry.at,
        by: entry.by.to_string(),
        update: Update::of(entry),
    }
}

/// A check-off of version 1 or 2 (`done`, `done_at`, `done_by`), as the entry that says it.
fn check_off(session: &str, directive: &str, at: DateTime<FixedOffset>, by: String) -> Action {
    let done = Update {
        state: Some(State::Done),
        ..Update::default()
    };
    let entry = done.stamped(at, by.into());
    from_entry(session, directive, &entry)
}

/// Gives the file's entry the commit that added it (the oldest such commit: the history comes
/// newest first, so a later one replaces an earlier).
fn attach_entry(actions: &mut [Action], logged: &Logged) {
    let same = |a: &Action| {
        a.session == logged.session
            && a.directive == logged.directive
            && a.at == logged.entry.at
            && a.by == *logged.entry.by
            && a.update == Update::of(&logged.entry)
    };
    if let Some(a) = actions.iter_mut().find(|a| same(a)) {
        a.brought = Brought::by(&logged.commit, &logged.author, logged.date);
    }
}

/// Gives the file's check-off (version 1 or 2) the commit that wrote it; `false` when the
/// event is no check-off the files still hold.
fn attach_check_off(actions: &mut [Action], event: &Event) -> bool {
    if event.action != Mark::Done {
        return false;
    }
    let found = actions.iter_mut().find(|a| {
        a.action == Kind::Done
            && a.session == event.session
            && a.directive == event.directive
            && a.done_at == event.done_at
            && a.done_by == event.done_by
            && a.brought.commit.as_ref().is_none_or(|c| *c != event.commit)
    });
    match found {
        Some(a) => {
            a.brought = Brought::by(&event.commit, &event.author, event.date);
            true
        }
        None => false,
    }
}

/// For each commit author, the login their check-offs carry most often: how an un-check (which
/// the file does not sign in versions 1 and 2) is named.
fn logins(events: &[Event]) -> HashMap<&str, &str> {
    let mut counts: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for e in events {
        if let Some(by) = e.done_by.as_deref() {
            *counts
                .entry(e.author.as_str())
                .or_default()
                .entry(by)
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(author, logins)| {
            let best = logins
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            Some((author, best.0))
        })
        .collect()
}

/// A check-off or un-check only the history remembers.
fn from_git(event: &Event, logins: &HashMap<&str, &str>) -> Action {
    let done = event.action == Mark::Done;
    let by = match &event.done_by {
        Some(by) => by.clone(),
        None => logins
            .get(event.author.as_str())
            .map_or_else(|| event.author.clone(), |l| l.to_string()),
    };
    Action {
        brought: Brought::by(&event.commit, &event.author, event.date),
        session: event.session.clone(),
        directive: event.directive.clone(),
        action: if done { Kind::Done } else { Kind::Undone },
        done_at: event.done_at,
        done_by: event.done_by.clone(),
        at: *event.at(),
        by,
        update: Update {
            state: Some(if done { State::Done } else { State::Open }),
            ..Update::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    fn event(commit: &str, author: &str, date: &str, done: Option<(&str, &str)>) -> Event {
        Event {
            commit: commit.into(),
            author: author.into(),
            date: at(date),
            session: "s".into(),
            directive: "a".into(),
            action: if done.is_some() {
                Mark::Done
            } else {
                Mark::Undone
            },
            done_at: done.map(|d| at(d.0)),
            done_by: done.map(|d| d.1.to_string()),
        }
    }

    #[test]
    fn an_un_check_is_named_by_the_login_its_author_checks_off_with() {
        let history = History {
            events: vec![
                event("c3", "Xã Quảng Tân", "2024-03-21T08:00:00+07:00", None),
                event(
                    "c2",
                    "Xã Quảng Tân",
                    "2024-03-20T12:00:00+07:00",
                    Some(("2024-03-20T09:00:00+07:00", "lan")),
                ),
                event("c1", "Tỉnh", "2024-03-19T08:00:00+07:00", None),
            ],
            ..History::default()
        };
        let all = actions(&[], Some(&history), Only::default());
        let said: Vec<(&str, Kind, &str)> = all
            .iter()
            .map(|a| {
                (
                    a.brought.commit.as_deref().unwrap_or_default(),
                    a.action,
                    a.by.as_str(),
                )
            })
            .collect();
        assert_eq!(
            said,
            [
                ("c3", Kind::Undone, "lan"),
                ("c2", Kind::Done, "lan"),
                ("c1", Kind::Undone, "Tỉnh"),
            ]
        );
    }

    #[test]
    fn actions_are_ordered_by_their_own_time_not_the_commit_s() {
        let history = History {
            events: vec![
                event(
                    "late-sync",
                    "A",
                    "2024-03-25T08:00:00+07:00",
                    Some(("2024-03-18T09:00:00+07:00", "a")),
                ),
                event(
                    "early-sync",
                    "B",
                    "2024-03-20T08:00:00+07:00",
                    Some(("2024-03-19T09:00:00+07:00", "b")),
                ),
            ],
            ..History::default()
        };
        let all = actions(&[], Some(&history), Only::default());
        let commits: Vec<_> = (all.iter())
            .filter_map(|a| a.brought.commit.as_deref())
            .collect();
        assert_eq!(commits, ["early-sync", "late-sync"]);
    }
}
