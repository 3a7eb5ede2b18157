//! `briefing log`: who checked off or un-checked which directive, and when, from git history.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::git::history::{self, Action, Event, Filter};
use crate::i18n::{self, fill};
use crate::model::Lang;

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
    let events = match history::log(&repo, filter) {
        Ok(events) => events,
        Err(e) => return fail(ctx.lang, 1, e.message(ctx.lang)),
    };
    let mut out = crate::safe::out();
    let written = match format {
        LogFormat::Json => serde_json::to_string_pretty(&events)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{}", crate::safe::json(&json))),
        LogFormat::Text if events.is_empty() => {
            writeln!(out, "{}", i18n::strings(ctx.lang).no_history)
        }
        LogFormat::Text => events
            .iter()
            .try_for_each(|e| writeln!(out, "{}", crate::safe::one_line(&log_line(ctx.lang, e)))),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(ctx.lang, 1, super::os_error(ctx.lang, &e)),
    }
}

/// One history line: `28/11/2026 10:15 +07:00  checked off  2024/x  hh-ma-tuy  by lan (commit
/// abc1234, Lan Nguyen)`.
fn log_line(lang: Lang, e: &Event) -> String {
    let t = i18n::strings(lang);
    let template = match e.action {
        Action::Done => t.log_done,
        Action::Undone => t.log_undone,
    };
    fill(
        template,
        &[
            ("at", &history::when(e.at())),
            ("session", &e.session),
            ("directive", &e.directive),
            ("by", &e.by()),
            ("commit", &e.short_commit()),
            ("author", &e.author),
        ],
    )
}
