//! `briefing done` / `briefing undo`: check a directive off, or back on, in its file.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Context, fail};
use crate::i18n;
use crate::safe;
use crate::store::write::{self, Change, Outcome, WriteOptions};
use crate::store::{self, Diagnostic, Severity};

pub fn run(ctx: &Context, session: &str, directive: &str, check: bool) -> ExitCode {
    let change = if check {
        Change::Done {
            at: write::now_local(),
            by: write::current_user(),
        }
    } else {
        Change::Undone
    };
    if let Some(problem) = unreadable(ctx, session) {
        let t = i18n::strings(ctx.lang);
        return fail(1, format!("{}: {problem}", t.not_loaded));
    }
    let opts = WriteOptions {
        max_file_size: ctx.limits.max_file_size,
        ..WriteOptions::default()
    };
    match write::set_directive(&ctx.dir, session, directive, &change, &opts) {
        Ok(outcome) => {
            let t = i18n::strings(ctx.lang);
            let template = match (check, outcome) {
                (true, Outcome::Changed) => t.cli_checked_off,
                (true, Outcome::AlreadySo) => t.cli_already_checked_off,
                (false, Outcome::Changed) => t.cli_unchecked,
                (false, Outcome::AlreadySo) => t.cli_already_unchecked,
            };
            let values = [("directive", directive), ("session", session)];
            let _ = writeln!(safe::out(), "{}", i18n::fill(template, &values));
            ExitCode::SUCCESS
        }
        Err(e) => fail(1, i18n::write_error(ctx.lang, &e)),
    }
}

/// Why the file of `session` cannot be read at all (too big, not a regular
/// file, a dangling link, no permission), before any attempt to write it.
fn unreadable(ctx: &Context, session: &str) -> Option<Diagnostic> {
    let id = session.strip_suffix(".toml").unwrap_or(session);
    if id.split('/').any(|p| p.is_empty() || p.starts_with('.')) {
        return None;
    }
    let rel: PathBuf = format!("{id}.toml").split('/').collect();
    let full = ctx.dir.join(&rel);
    std::fs::symlink_metadata(&full).ok()?;
    let e = store::read_bounded(&full, ctx.limits.max_file_size).err()?;
    Some(Diagnostic::new(
        &store::display_path(&rel),
        Severity::Error,
        e.to_string(),
    ))
}
