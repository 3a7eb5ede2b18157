//! `briefing done` / `briefing undo`: check a directive off, or back on, in its file.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::i18n::{self, Strings};
use crate::store;
use crate::store::write::{self, Mark, Outcome, WriteOptions};
use crate::terminal_text;

pub(super) fn run(ctx: &Context, session: &str, directive: &str, mark: Mark) -> ExitCode {
    let t = i18n::strings(ctx.lang);
    let rel = match write::session_file(&ctx.dir, session) {
        Ok(rel) => rel,
        Err(e) => return fail(ctx.lang, 1, e.message(ctx.lang)),
    };
    // Nothing is opened here: the writer reaches the file through its safe walk and opens
    // only a regular file, so a link to a FIFO or a device is refused unopened.
    let session = store::files::id_of(&rel);
    let opts = WriteOptions {
        max_file_size: ctx.limits.max_file_size,
        ..WriteOptions::default()
    };
    let change = mark.change_at(ctx.now, write::current_user());
    if store::sync_lock::SyncLock::held_by_sync(&ctx.dir) {
        let _ = writeln!(terminal_text::err(), "{}", t.write_waiting_for_sync);
    }
    match write::set_directive(&ctx.dir, &session, directive, &change, &opts) {
        Ok(outcome) => {
            let said = match (mark, outcome) {
                (Mark::Done, Outcome::Changed) => Strings::cli_checked_off,
                (Mark::Done, Outcome::AlreadySo) => Strings::cli_already_checked_off,
                (Mark::Undone, Outcome::Changed) => Strings::cli_unchecked,
                (Mark::Undone, Outcome::AlreadySo) => Strings::cli_already_unchecked,
            };
            let said = said(t, &directive, &session);
            let _ = writeln!(terminal_text::out(), "{}", terminal_text::one_line(&said));
            ExitCode::SUCCESS
        }
        Err(e) => fail(ctx.lang, 1, e.message(ctx.lang)),
    }
}
