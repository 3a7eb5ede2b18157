//! Command-line interface: global options and the subcommands.

mod check;
mod done;
mod list;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::model::Lang;

/// Read and follow up provincial working sessions from TOML briefing files.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about, long_about = None)]
pub struct Cli {
    /// Folder of *.toml briefings [default: $BRIEFING_DIR, else ./briefings]
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Language of the interface [default: from LC_ALL / LC_MESSAGES / LANG: vi* → vi, else en]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Review as of this date instead of the local date (YYYY-MM-DD)
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every briefing file; exit 1 if any has an error
    Check,
    /// One line per session, newest first
    List,
    /// Check a directive off: done = true, done_at = now, done_by = your login name
    Done {
        /// The session: the file path below DIR without `.toml`, e.g. 2024/2024-03-13-hai-ha-dam-ha
        session: String,
        /// The directive's `id`
        directive: String,
    },
    /// Un-check a directive: done = false, done_at and done_by removed
    Undo {
        /// The session: the file path below DIR without `.toml`
        session: String,
        /// The directive's `id`
        directive: String,
    },
}

/// Options every command needs, resolved from flags, environment and defaults.
pub struct Context {
    pub dir: PathBuf,
    pub lang: Lang,
    pub today: NaiveDate,
}

impl Context {
    fn resolve(cli: &Cli) -> Self {
        let dir = cli
            .dir
            .clone()
            .or_else(|| env_nonempty("BRIEFING_DIR").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("briefings"));
        let lang = cli.lang.map(Lang::from).unwrap_or_else(lang_from_env);
        let today = cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        Context { dir, lang, today }
    }
}

fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// POSIX order: the first of LC_ALL, LC_MESSAGES, LANG that is set decides.
pub fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| env_nonempty(name))
        .map(|locale| Lang::from_locale(&locale))
        .unwrap_or_default()
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Context::resolve(&cli);
    match cli.command {
        Some(Command::Check) => check::run(&ctx),
        Some(Command::List) => list::run(&ctx),
        None if std::io::stdout().is_terminal() => run_tui(ctx),
        None => list::run(&ctx),
        Some(Command::Done { session, directive }) => done::run(&ctx, &session, &directive, true),
        Some(Command::Undo { session, directive }) => done::run(&ctx, &session, &directive, false),
    }
}

fn run_tui(ctx: Context) -> ExitCode {
    let options = crate::app::Options {
        dir: ctx.dir,
        lang: ctx.lang,
        today: ctx.today,
        keymap: crate::app::keymap::Keymap::default(),
        theme: crate::ui::theme::Theme::from_env(),
        user: crate::store::write::current_user(),
    };
    match crate::tui::run(options) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => fail(1, format!("terminal: {e}")),
    }
}

/// Prints an error the way every subcommand does and gives its exit code.
fn fail(code: u8, message: impl std::fmt::Display) -> ExitCode {
    eprintln!("briefing: error: {message}");
    ExitCode::from(code)
}
