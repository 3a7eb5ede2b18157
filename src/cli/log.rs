//! `briefing log`: who checked off or un-checked which directive, and when, from git history.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::diag::closest;
use crate::git::history::{self, Event, Filter, History, Mark};
use crate::i18n;
use crate::model::Lang;
use crate::store::{self, write, write::WriteError};
use crate::terminal_text::one_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum LogFormat {
    /// One line per check-off change
    Text,
    /// An array of check-off changes (schema in docs/json.md)
    Json,
}

pub(super) fn run(ctx: &Context, filter: &Filter, format: LogFormat) -> ExitCode {
    let repo = match super::sync::find(ctx) {
        Ok(repo) => repo,
        Err(code) => return code,
    };
    let filter = match checked(ctx, filter) {
        Ok(filter) => filter,
        Err(e) => return fail(ctx.lang, 1, e.message(ctx.lang)),
    };
    let history = match history::log(&repo, &filter) {
        Ok(history) => history,
        Err(e) => return fail(ctx.lang, 1, e.message(ctx.lang)),
    };
    let events = &history.events;
    let mut out = crate::terminal_text::out();
    let written = match format {
        LogFormat::Json => serde_json::to_string_pretty(events)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{}", crate::terminal_text::json(&json))),
        LogFormat::Text if events.is_empty() && history.unread.is_empty() => {
            writeln!(out, "{}", i18n::strings(ctx.lang).no_history)
        }
        LogFormat::Text => events.iter().try_for_each(|e| {
            writeln!(
                out,
                "{}",
                crate::terminal_text::one_line(&log_line(ctx.lang, e))
            )
        }),
    };
    drop(out);
    warn_unread(ctx.lang, &history);
    match written {
        Ok(()) if history.incomplete() => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(ctx.lang, 1, super::os_error(ctx.lang, &e)),
    }
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

/// One history line: `28/11/2026 10:15 +07:00  checked off  2024/x  hh-ma-tuy  by lan (commit
/// abc1234, Lan Nguyen)`.
fn log_line(lang: Lang, e: &Event) -> String {
    let t = i18n::strings(lang);
    let at = history::when(e.at());
    let (session, by) = (one_line(&e.session), one_line(e.by()));
    let (directive, commit) = (&e.directive, e.short_commit());
    match e.action {
        Mark::Done => t.log_done(&at, &session, directive, &by, &commit, &one_line(&e.author)),
        Mark::Undone => t.log_undone(&at, &session, directive, &by, &commit),
    }
}
