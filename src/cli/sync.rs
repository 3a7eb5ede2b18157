//! `briefing sync`: share the check-offs made here through git; `--setup` installs the merge driver.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::git::{Repo, sync};
use crate::i18n::git as text;
use crate::safe;

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// Install the check-off merge driver (.git/config, .gitattributes) and ignore check-off temporary files (.gitignore), then commit those two files
    #[arg(long)]
    pub setup: bool,
    /// Commit every change of the briefing folder, not only check-offs
    #[arg(long, conflicts_with = "setup")]
    pub all: bool,
}

pub fn run(ctx: &Context, args: &SyncArgs) -> ExitCode {
    let repo = match find(ctx) {
        Ok(repo) => repo,
        Err(code) => return code,
    };
    let driver = match std::env::current_exe() {
        Ok(exe) => sync::driver_command(&exe),
        Err(e) => return fail(1, e),
    };
    if args.setup {
        return match sync::setup(&repo, &ctx.dir, &driver, ctx.lang) {
            Ok(report) => {
                let mut out = safe::out();
                for line in text::setup_lines(ctx.lang, &report) {
                    let _ = writeln!(out, "{line}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(1, text::git_error(ctx.lang, &e)),
        };
    }
    let opts = sync::Options {
        all: args.all,
        lang: ctx.lang,
        driver,
    };
    let (report, result) = sync::sync(&repo, &opts);
    let mut out = safe::out();
    for line in text::sync_lines(ctx.lang, &report, result.is_ok()) {
        let _ = writeln!(out, "{line}");
    }
    drop(out);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(1, text::git_error(ctx.lang, &e)),
    }
}

/// The work tree of the briefing folder, or the exit code of a folder that is not shared.
pub fn find(ctx: &Context) -> Result<Repo, ExitCode> {
    if let Err(e) = crate::store::discover(&ctx.dir) {
        return Err(fail(2, e));
    }
    Repo::find(&ctx.dir).map_err(|e| fail(1, text::git_error(ctx.lang, &e)))
}
