//! `briefing done` / `briefing undo`: check a directive off, or back on, in its file.

use std::process::ExitCode;

use super::{Context, fail};
use crate::i18n;
use crate::store::write::{self, Change, Outcome, WriteOptions};

pub fn run(ctx: &Context, session: &str, directive: &str, check: bool) -> ExitCode {
    let change = if check {
        Change::Done {
            at: write::now_local(),
            by: write::current_user(),
        }
    } else {
        Change::Undone
    };
    let opts = WriteOptions::default();
    match write::set_directive(&ctx.dir, session, directive, &change, &opts) {
        Ok(outcome) => {
            let t = i18n::text(ctx.lang);
            let template = match (check, outcome) {
                (true, Outcome::Changed) => t.checked_off,
                (true, Outcome::AlreadySo) => t.already_checked_off,
                (false, Outcome::Changed) => t.unchecked,
                (false, Outcome::AlreadySo) => t.already_unchecked,
            };
            let values = [("directive", directive), ("session", session)];
            println!("{}", i18n::fill(template, &values));
            ExitCode::SUCCESS
        }
        Err(e) => fail(1, i18n::write_error(ctx.lang, &e)),
    }
}
