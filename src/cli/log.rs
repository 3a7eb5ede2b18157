//! `briefing log`: who did what to which directive, and when: the files' progress logs and
//! check-offs first (no git needed), with the commit and its author from git when the folder
//! is in a git work tree, and the check-offs and un-checks only git remembers.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::diag::closest;
use crate::git::actions::{self, Action, Kind, Only};
use crate::git::history::{self, Filter, History};
use crate::git::{GitError, Repo};
use crate::i18n;
use crate::model::{Lang, Session};
use crate::present::words::state_word;
use crate::store::{self, write, write::WriteError};
use crate::terminal_text::one_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum LogFormat {
    /// One line per action
    Text,
    /// An array of actions (schema in docs/json.md)
    Json,
}

pub(super) fn run(ctx: &Context, filter: &Filter, format: LogFormat) -> ExitCode {
    let filter = match checked(ctx, filter) {
        Ok(filter) => filter,
        Err(e) => return fail(ctx.lang, 1, e.message(ctx.lang)),
    };
    let sessions = match sessions(ctx, &filter) {
        Ok(sessions) => sessions,
        Err(e) => return fail(ctx.lang, 2, e.message(ctx.lang)),
    };
    let history = match Repo::find(&ctx.dir) {
        Ok(repo) => match history::log(&repo, &filter) {
            Ok(history) => Some(history),
            Err(e) => return fail(ctx.lang, 1, e.message(ctx.lang)),
        },
        Err(e) => {
            files_only(ctx.lang, &e);
            None
        }
    };
    let only = Only {
        session: filter.session.as_deref(),
        directive: filter.directive.as_deref(),
    };
    let all = actions::actions(&sessions, history.as_ref(), only);
    let mut out = crate::terminal_text::out();
    let written = match format {
        LogFormat::Json => serde_json::to_string_pretty(&all)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{}", crate::terminal_text::json(&json))),
        LogFormat::Text
            if all.is_empty() && history.as_ref().is_none_or(|h| h.unread.is_empty()) =>
        {
            writeln!(out, "{}", i18n::strings(ctx.lang).no_history)
        }
        LogFormat::Text => all.iter().try_for_each(|a| {
            writeln!(
                out,
                "{}",
                crate::terminal_text::one_line(&log_line(ctx.lang, a))
            )
        }),
    };
    drop(out);
    if let Some(history) = &history {
        warn_unread(ctx.lang, history);
    }
    match written {
        Ok(()) if history.as_ref().is_some_and(History::incomplete) => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(ctx.lang, 1, super::os_error(ctx.lang, &e)),
    }
}

/// The sessions the log reads: the one asked for, else every one of the folder (files that do
/// not load are left out; `check` says why).
fn sessions(ctx: &Context, filter: &Filter) -> Result<Vec<Session>, store::FolderError> {
    match &filter.session {
        Some(id) => {
            let rel = store::files::rel_of(id);
            let report = store::load_file_with(&ctx.dir, &rel, &ctx.limits);
            Ok(report.session.into_iter().collect())
        }
        None => Ok(store::load_dir_with(&ctx.dir, &ctx.limits)?.sessions),
    }
}

/// Says on standard error that git's facts are missing, and why.
fn files_only(lang: Lang, why: &GitError) {
    let t = i18n::strings(lang);
    let line = t.log_files_only(&one_line(&why.message(lang)));
    let _ = writeln!(crate::terminal_text::err(), "{}", t.log_warning(&line));
}

/// `filter` with its session as its id (the file name, with or without `.toml`, is enough
/// when unique, as for `show` and `done`), once the session is found in the folder and has
/// the directive: a mistyped name is said, with the closest, never taken for "no history".
fn checked(ctx: &Context, filter: &Filter) -> Result<Filter, WriteError> {
    let Some(given) = &filter.session else {
        return Ok(filter.clone());
    };
    let rel = write::session_file(&ctx.dir, given)?;
    let session = store::files::id_of(&rel);
    if let Some(directive) = &filter.directive {
        let report = store::load_session(&ctx.dir, &session, &ctx.limits)
            .ok()
            .flatten();
        if let Some(s) = report.as_ref().and_then(|r| r.session.as_ref())
            && s.find_directive(directive).is_none()
        {
            let ids = s.all_directives().map(|d| d.id.as_str());
            return Err(WriteError::DirectiveNotFound {
                session,
                id: directive.clone(),
                suggestions: closest(directive, ids)
                    .map(str::to_string)
                    .into_iter()
                    .collect(),
            });
        }
    }
    Ok(Filter {
        session: Some(session),
        directive: filter.directive.clone(),
    })
}

/// Each commit that could not be read as it is, on standard error, and what that means.
fn warn_unread(lang: Lang, history: &History) {
    let t = i18n::strings(lang);
    let mut err = crate::terminal_text::err();
    for u in &history.unread {
        let _ = writeln!(err, "{}", t.log_warning(&u.message(lang)));
    }
    let incomplete = history.unread.iter().filter(|u| u.is_incomplete()).count();
    if incomplete > 0 {
        let line = t.history_incomplete(&incomplete);
        let _ = writeln!(err, "{}", t.log_warning(&line));
    }
}

/// One line per action: `18/03/2024 09:00:00 +07:00  checked off  2024/x  hh-ma-tuy  by lan;
/// 40%; “note” (commit abc1234, Lan Nguyen)`.
fn log_line(lang: Lang, a: &Action) -> String {
    let t = i18n::strings(lang);
    let at = a.at.format("%d/%m/%Y %H:%M:%S %:z").to_string();
    let labels = [t.log_checked_off, t.log_unchecked, t.log_progress];
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let what = match a.action {
        Kind::Done => t.log_checked_off,
        Kind::Undone => t.log_unchecked,
        Kind::Progress => t.log_progress,
    };
    let mut rest = String::new();
    if let (Kind::Progress, Some(state)) = (a.action, a.update.state) {
        rest.push_str(&format!("; {}", state_word(state, lang)));
    }
    if let Some(p) = a.update.percent {
        rest.push_str(&format!("; {p}%"));
    }
    if let Some(note) = &a.update.note {
        rest.push_str(&format!("; “{}”", one_line(note)));
    }
    if let (Some(commit), Some(author)) = (&a.brought.commit, &a.brought.author) {
        let short = commit.get(..7).unwrap_or(commit);
        rest.push_str(&t.log_commit(&short, &one_line(author)));
    }
    t.log_line(
        &at,
        &format!("{what:<width$}"),
        &one_line(&a.session),
        &a.directive,
        &one_line(&a.by),
        &rest,
    )
}
