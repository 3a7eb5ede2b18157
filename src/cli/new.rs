//! `briefing new`: write a commented skeleton of a new session, ready to fill.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::i18n;
use crate::model::Level;
use crate::store::skeleton;
use crate::terminal_text;

#[derive(Debug, clap::Args)]
pub(super) struct NewArgs {
    /// The level of the session's locality (docs/spec.md, localities)
    #[arg(long, value_name = "LEVEL", default_value = "xa",
          value_parser = clap::builder::PossibleValuesParser::new(Level::NAMES))]
    level: String,
    /// The new session's id: its file's path below DIR without `.toml`, e.g.
    /// 2025/2025-09-10-tan-lap (folders are made as needed; an existing file is never replaced)
    id: String,
}

pub(super) fn run(ctx: &Context, args: &NewArgs) -> ExitCode {
    let level = Level::parse(&args.level).unwrap_or(Level::Xa);
    match skeleton::write_new(&ctx.dir, &args.id, level, ctx.today) {
        Ok(rel) => {
            let path = ctx.dir.join(rel);
            let said = i18n::strings(ctx.lang).new_written(&path.display());
            let _ = writeln!(terminal_text::out(), "{}", terminal_text::one_line(&said));
            ExitCode::SUCCESS
        }
        Err(e) => fail(ctx.lang, 1, e.message(ctx.lang)),
    }
}
