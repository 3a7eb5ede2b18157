//! `briefing log`: who checked off or un-checked which directive, and when, from git history.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::git::history::{self, Filter};
use crate::i18n::git as text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One line per check-off change
    Text,
    /// An array of check-off changes (schema in docs/json.md)
    Json,
}

pub fn run(ctx: &Context, filter: &Filter, format: LogFormat) -> ExitCode {
    let repo = match super::sync::find(ctx) {
        Ok(repo) => repo,
        Err(code) => return code,
    };
    let events = match history::log(&repo, filter) {
        Ok(events) => events,
        Err(e) => return fail(1, text::git_error(ctx.lang, &e)),
    };
    let mut out = crate::safe::out();
    let written = match format {
        LogFormat::Json => serde_json::to_string_pretty(&events)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{}", crate::safe::json(&json))),
        LogFormat::Text if events.is_empty() => writeln!(out, "{}", text::no_history(ctx.lang)),
        LogFormat::Text => events
            .iter()
            .try_for_each(|e| writeln!(out, "{}", text::log_line(ctx.lang, e))),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(1, e),
    }
}
