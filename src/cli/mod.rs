//! Command-line interface: global options and the subcommands.

mod check;
mod complete;
mod completions;
mod done;
mod help;
mod list;
mod log;
mod man;
mod merge_driver;
mod new;
mod progress;
mod report;
mod show;
mod sync;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Parser, Subcommand};

use crate::config::{self, Config};
use crate::diag::OsError;
use crate::i18n;
use crate::model::Lang;
use crate::store::cache::{Cache, Part, load_dir_cached};
use crate::store::write::Mark;
use crate::store::{Catalog, DEFAULT_MAX_FILE_SIZE, FolderError, Limits};
use crate::terminal_text;

const AFTER_HELP: &str = "\
Examples:
  briefing                                       the terminal interface on ./briefings
  briefing list                                  sessions, newest first
  briefing list --format json                    the same as JSON
  briefing show 2024/2024-03-13-hai-ha-dam-ha    one briefing, for printing or less
  briefing show 2024-03-13-hai-ha-dam-ha --district dam-ha --format markdown
  briefing --lang vi --today 2024-03-20 show 2024/2024-03-13-hai-ha-dam-ha --ascii
  briefing report --from 2024-01-01 --to 2024-06-30 --format html > report.html
                                                 the implementation report, A4 landscape
  briefing check                                 report every problem in the folder
  briefing new --level xa 2025/2025-09-10-tan-lap a commented skeleton to fill in
  briefing done 2024/2024-03-13-hai-ha-dam-ha hh-ma-tuy   check a directive off (undo: un-check)
  briefing progress 2024-03-13-hai-ha-dam-ha hh-ma-tuy --state doing --note \"Đã khởi công\" --percent 40
  briefing sync --setup                          once per clone: merge check-offs through git
  briefing sync                                  commit the check-offs, pull --rebase, push
  briefing log 2024/2024-03-13-hai-ha-dam-ha hh-ma-tuy    who did what, when (files, then git)
  briefing completions bash > ~/.local/share/bash-completion/completions/briefing
  briefing man --out ~/.local/share/man/man1      the manual pages (man briefing)

Environment:
  BRIEFING_DIR          briefing folder (after --dir)
  BRIEFING_LANG         vi or en (after --lang)
  LC_ALL, LC_MESSAGES, LANG
                        the first one set gives the language when neither --lang,
                        BRIEFING_LANG nor the config file's `lang` does:
                        vi* → vi, else en; C/POSIX choose nothing
  XDG_CONFIG_HOME, HOME where the config file is: $XDG_CONFIG_HOME/briefing/config.toml,
                        else ~/.config/briefing/config.toml (see docs/config.toml)
  XDG_CACHE_HOME        where list, check and report keep what they read:
                        $XDG_CACHE_HOME/briefing/, else ~/.cache/briefing/
  BRIEFING_NO_CACHE     set (to anything): as --no-cache

Precedence: flags > environment (BRIEFING_*) > config file > defaults
(the locale is the language's default).";

/// Read and follow up provincial working sessions from TOML briefing files.
///
/// With no command, opens the terminal interface (press ? in it for every key).
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about, after_help = AFTER_HELP)]
struct Cli {
    /// Folder of *.toml briefings [default: $BRIEFING_DIR, else `dir` in the config file, else ./briefings]
    #[arg(long, global = true, value_name = "DIR")]
    dir: Option<PathBuf>,

    /// Language of the interface [default: $BRIEFING_LANG, else `lang` in the config file, else LC_ALL / LC_MESSAGES / LANG (vi* → vi), else en]
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,

    /// Review as of this date instead of the local date (YYYY-MM-DD)
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    today: Option<NaiveDate>,

    /// Take this moment as now instead of the clock (RFC 3339, e.g. 2024-04-02T09:15:00+07:00):
    /// the time done, undo and progress record, and the latest a progress entry may say; for
    /// reproducible output and tests (the interface follows the clock)
    #[arg(long, global = true, value_name = "TIME")]
    now: Option<DateTime<FixedOffset>>,

    /// Config file to read instead of $XDG_CONFIG_HOME/briefing/config.toml (or ~/.config/…)
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,

    /// Read and validate every briefing file, neither using nor filling the cache that list,
    /// check and report keep in $XDG_CACHE_HOME/briefing/ (or ~/.cache/…) [also:
    /// $BRIEFING_NO_CACHE set]
    #[arg(long, global = true)]
    no_cache: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum LangArg {
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
enum Command {
    /// Validate every briefing file; exit 1 if any has an error
    Check,
    /// One line per session, newest first
    List {
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Write a commented skeleton of a new session (one locality), ready to fill and `check`
    New(new::NewArgs),
    /// Print one session's briefing: header, summary, districts, indicators, directives
    Show(show::ShowArgs),
    /// The implementation report: directives by category per locality, assignee or session,
    /// then the overdue and blocked ones with their latest note
    Report(report::ReportArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        /// The shell to complete for. bash, zsh and fish complete ids live from the folder,
        /// each inserted quoted for the shell; elvish and powershell get a static script:
        /// subcommands, options and their values only, no ids
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Check a directive off: done = true, done_at = now, done_by = your login name
    Done {
        /// The session: the file path below DIR without `.toml`, e.g. 2024/2024-03-13-hai-ha-dam-ha;
        /// the file name alone is enough when it is unique
        session: String,
        /// The directive's `id`
        directive: String,
    },
    /// Un-check a directive: done = false, done_at and done_by removed
    Undo {
        /// The session: the file path below DIR without `.toml` (or the file name alone when unique)
        session: String,
        /// The directive's `id`
        directive: String,
    },
    /// Record how a directive's follow-up stands: an entry of its progress log (format
    /// version 3) with a state, a note and/or a percent, stamped now by your login name
    Progress(progress::ProgressArgs),
    /// Share through git: commit the check-offs made here (only those), pull --rebase, push
    Sync(sync::SyncArgs),
    /// Who did what to which directive, and when: the files' progress logs and check-offs
    /// (no git needed), with the commits from git history (newest first by the time of the action)
    Log {
        /// Only this session (the file path below DIR without `.toml`; the file name alone is
        /// enough when it is unique)
        session: Option<String>,
        /// Only this directive of the session (its `id`)
        directive: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = log::LogFormat::Text)]
        format: log::LogFormat,
    },
    /// Git's merge driver for briefings (installed by `sync --setup`; not for use by hand)
    #[command(hide = true)]
    MergeDriver(merge_driver::MergeDriverArgs),
    /// Print the manual page briefing.1 (or write every page with --out DIR)
    Man(man::ManArgs),
    /// Candidates for the word being typed (called by the scripts of `completions`)
    #[command(hide = true)]
    Complete(complete::CompleteArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    /// One aligned line per session
    Text,
    /// An array of sessions (schema in docs/json.md)
    Json,
}

/// Options every command needs, resolved from flags, environment, config file and defaults.
struct Context {
    dir: PathBuf,
    lang: Lang,
    today: NaiveDate,
    /// `--now`, else the clock when the context was resolved (to the second).
    now: DateTime<FixedOffset>,
    /// What one load may read (the file size limit comes from the config file).
    limits: Limits,
    /// The config file as read (theme and keys for the interface).
    config: Config,
    /// Where `list`, `check` and `report` keep the sessions they read; `None`: `--no-cache`.
    cache: Option<Cache>,
}

impl Context {
    /// Reads the config file, reports its problems on stderr, and resolves.
    fn resolve(cli: &Cli) -> Self {
        let (config, problems) = read_config(cli);
        let ctx = Context::with_config(cli, config);
        for p in &problems {
            let _ = writeln!(
                terminal_text::err(),
                "briefing: {}",
                terminal_text::one_line(&p.line(ctx.lang))
            );
        }
        ctx
    }

    /// Like `resolve`, but silent about the config file's problems (for completion).
    fn quiet(cli: &Cli) -> Self {
        Context::with_config(cli, read_config(cli).0)
    }

    fn with_config(cli: &Cli, config: Config) -> Self {
        let today = cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        Context::from_sources(cli, env_nonempty, config, today)
    }

    /// Flags > environment (`env`) > config > defaults. For the language the
    /// locale (`LC_ALL`/`LC_MESSAGES`/`LANG`) is the default, below the config
    /// file: it is set on nearly every system, and would otherwise make the
    /// config's `lang` useless. `BRIEFING_LANG` is the environment override.
    fn from_sources(
        cli: &Cli,
        env: impl Fn(&str) -> Option<String>,
        config: Config,
        today: NaiveDate,
    ) -> Self {
        let dir = cli
            .dir
            .clone()
            .or_else(|| env("BRIEFING_DIR").map(PathBuf::from))
            .or_else(|| config.dir.clone())
            .unwrap_or_else(|| PathBuf::from("briefings"));
        let lang = resolve_lang(cli.lang.map(Lang::from), &env, || config.lang);
        let limits = Limits {
            max_file_size: config.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            now: cli.now,
            ..Limits::default()
        };
        let no_cache = cli.no_cache || env("BRIEFING_NO_CACHE").is_some();
        let cache = if no_cache {
            None
        } else {
            Cache::from_env(&env)
        };
        Context {
            dir,
            lang,
            today,
            now: cli.now.unwrap_or_else(crate::store::write::now_local),
            limits,
            config,
            cache,
        }
    }
}

/// Every briefing of the folder, each session the `part` the command reads, through the cache
/// unless `--no-cache` (`list`, `check` and `report`).
fn load_folder(ctx: &Context, part: Part) -> Result<Catalog, FolderError> {
    match &ctx.cache {
        Some(cache) => {
            load_dir_cached(&ctx.dir, &ctx.limits, cache, part).map(|(catalog, _)| catalog)
        }
        None => crate::store::load_dir_with(&ctx.dir, &ctx.limits),
    }
}

/// The language: `flag` > `BRIEFING_LANG` > the config file's (read only when needed) > the
/// locale > English.
fn resolve_lang(
    flag: Option<Lang>,
    env: impl Fn(&str) -> Option<String>,
    config: impl FnOnce() -> Option<Lang>,
) -> Lang {
    flag.or_else(|| env("BRIEFING_LANG").map(|l| Lang::from_locale(&l)))
        .or_else(config)
        .or_else(|| locale_lang(&env))
        .unwrap_or_default()
}

/// The language before the command line is parsed, for `--help` and usage errors: `--lang`
/// as typed (when it is a language), then as [`resolve_lang`], with the config file named by
/// `--config` as typed.
fn early_lang(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    let flag = typed_values(args, "--lang")
        .iter()
        .rev()
        .find_map(|v| match v.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        });
    let config = || {
        let path = typed_values(args, "--config").pop().map(PathBuf::from);
        config_at(path.as_deref()).0.lang
    };
    resolve_lang(flag, env, config)
}

/// The values of every `--name VALUE` and `--name=VALUE` before a `--`, in order.
fn typed_values(args: &[OsString], name: &str) -> Vec<String> {
    let words: Vec<&str> = args
        .iter()
        .skip(1)
        .map(|a| a.to_str().unwrap_or_default())
        .take_while(|a| *a != "--")
        .collect();
    let with_equals = format!("{name}=");
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if *word == name {
            found.extend(words.get(i + 1).map(|v| v.to_string()));
        } else if let Some(value) = word.strip_prefix(&with_equals) {
            found.push(value.to_string());
        }
    }
    found
}

/// The config file named by `--config`, else the default one when it exists.
fn read_config(cli: &Cli) -> (Config, Vec<crate::store::Diagnostic>) {
    config_at(cli.config.as_deref())
}

/// The config file at `path` (given with `--config`), else the default one when it exists.
fn config_at(path: Option<&Path>) -> (Config, Vec<crate::store::Diagnostic>) {
    match (path, config::default_path()) {
        (Some(path), _) => config::load(path, true),
        (None, Some(path)) => config::load(&path, false),
        (None, None) => (Config::default(), Vec::new()),
    }
}

fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The language of the first of LC_ALL, LC_MESSAGES, LANG that is set (POSIX
/// order); `C`/`POSIX` choose nothing.
fn locale_lang(env: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| env(name))?;
    let base = locale.split(['.', '@']).next().unwrap_or_default();
    (!matches!(base, "C" | "POSIX")).then(|| Lang::from_locale(&locale))
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    crate::alloc_tuning::keep_large_arrays_apart();
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = early_lang(&args, env_nonempty);
    let cli = help::parse(lang, args);
    match &cli.command {
        Some(Command::Completions { shell }) => return completions::run(*shell),
        Some(Command::MergeDriver(args)) => return merge_driver::run(args, lang),
        Some(Command::Complete(args)) => {
            return complete::run(args, || Context::quiet(&cli).dir);
        }
        Some(Command::Man(args)) => return man::run(args, lang),
        _ => {}
    }
    let ctx = Context::resolve(&cli);
    let follow_clock = cli.today.is_none();
    match cli.command {
        Some(Command::Check) => check::run(&ctx),
        Some(Command::List { format }) => list::run(&ctx, format),
        Some(Command::Show(args)) => show::run(&ctx, &args),
        Some(Command::New(args)) => new::run(&ctx, &args),
        Some(Command::Report(args)) => report::run(&ctx, &args),
        Some(Command::Completions { shell }) => completions::run(shell),
        Some(Command::Done { session, directive }) => {
            done::run(&ctx, &session, &directive, Mark::Done)
        }
        Some(Command::Undo { session, directive }) => {
            done::run(&ctx, &session, &directive, Mark::Undone)
        }
        Some(Command::Progress(args)) => progress::run(&ctx, &args),
        Some(Command::Sync(args)) => sync::run(&ctx, &args),
        Some(Command::Log {
            session,
            directive,
            format,
        }) => {
            let filter = crate::git::history::Filter { session, directive };
            log::run(&ctx, &filter, format)
        }
        Some(Command::MergeDriver(args)) => merge_driver::run(&args, ctx.lang),
        Some(Command::Complete(args)) => complete::run(&args, || ctx.dir.clone()),
        Some(Command::Man(args)) => man::run(&args, ctx.lang),
        None if terminal_text::out_is_terminal() => run_tui(ctx, follow_clock),
        None => list::run(&ctx, ListFormat::Text),
    }
}

/// `follow_clock`: no `--today` was given, so "today" moves on at midnight.
fn run_tui(ctx: Context, follow_clock: bool) -> ExitCode {
    let lang = ctx.lang;
    let options = crate::app::Options {
        dir: ctx.dir,
        lang: ctx.lang,
        today: ctx.today,
        keymap: ctx.config.keys,
        user: crate::store::write::current_user(),
        mouse: ctx.config.mouse.unwrap_or(true),
    };
    let settings = crate::tui::Settings {
        theme: crate::ui::theme::Theme::unless_no_color(ctx.config.theme),
        sync_pull_only: ctx.config.sync_pull_only == Some(true),
        follow_clock,
        // The interface follows the clock: its saves are stamped by it.
        limits: Limits {
            now: None,
            ..ctx.limits
        },
        abbreviations: ctx.config.abbreviations,
    };
    match crate::tui::run(options, settings) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => {
            let error = os_error(lang, &e);
            let message = i18n::strings(lang).cli_terminal(&error);
            fail(lang, 1, message)
        }
    }
}

/// Lets the process's exit free what a printed command loaded: freeing ten thousand sessions
/// one allocation at a time costs a tenth of `list` or `check`, and the memory goes back with
/// the process anyway.
fn leave_to_the_exit<T>(loaded: T) {
    std::mem::forget(loaded);
}

/// Prints an error the way every subcommand does, in `lang`, and gives its exit code.
fn fail(lang: Lang, code: u8, message: impl std::fmt::Display) -> ExitCode {
    let line = i18n::strings(lang).cli_error(&message);
    let _ = writeln!(terminal_text::err(), "{line}");
    ExitCode::from(code)
}

/// An error of the operating system in `lang`.
fn os_error(lang: Lang, e: &std::io::Error) -> String {
    OsError::from(e).message(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn ctx(args: &[&str], env: &[(&str, &str)], config: &str) -> Context {
        let cli = Cli::parse_from(std::iter::once("briefing").chain(args.iter().copied()));
        let env = |name: &str| {
            env.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        let (config, problems) = config::parse(config, "config.toml", None);
        assert!(problems.is_empty(), "{problems:?}");
        let today = NaiveDate::from_ymd_opt(2024, 3, 20).expect("date");
        Context::from_sources(&cli, env, config, today)
    }

    #[test]
    fn dir_flag_beats_environment_beats_config_beats_default() {
        let config = "dir = \"/from/config\"";
        let env = [("BRIEFING_DIR", "/from/env")];
        assert_eq!(
            ctx(&["--dir", "/flag"], &env, config).dir,
            PathBuf::from("/flag")
        );
        assert_eq!(ctx(&[], &env, config).dir, PathBuf::from("/from/env"));
        assert_eq!(ctx(&[], &[], config).dir, PathBuf::from("/from/config"));
        assert_eq!(ctx(&[], &[], "").dir, PathBuf::from("briefings"));
    }

    #[test]
    fn lang_flag_beats_briefing_lang_beats_config_beats_locale() {
        let vi = "lang = \"vi\"";
        let en = "lang = \"en\"";
        assert_eq!(
            ctx(&["--lang", "en"], &[("BRIEFING_LANG", "vi")], vi).lang,
            Lang::En
        );
        assert_eq!(ctx(&[], &[("BRIEFING_LANG", "en")], vi).lang, Lang::En);
        assert_eq!(
            ctx(
                &[],
                &[("BRIEFING_LANG", "vi"), ("LC_ALL", "en_US.UTF-8")],
                en
            )
            .lang,
            Lang::Vi
        );
        assert_eq!(ctx(&[], &[("LANG", "en_US.UTF-8")], vi).lang, Lang::Vi);
        assert_eq!(ctx(&[], &[("LANG", "vi_VN.UTF-8")], en).lang, Lang::En);
        assert_eq!(ctx(&[], &[("LANG", "vi_VN.UTF-8")], "").lang, Lang::Vi);
        assert_eq!(ctx(&[], &[], vi).lang, Lang::Vi);
        assert_eq!(ctx(&[], &[], "").lang, Lang::En);
    }

    #[test]
    fn locale_variables_in_posix_order_and_c_chooses_nothing() {
        let both = [("LC_ALL", "vi_VN.UTF-8"), ("LANG", "en_US.UTF-8")];
        assert_eq!(locale_lang(|n| lookup(&both, n)), Some(Lang::Vi));
        let msgs = [("LC_MESSAGES", "en_GB"), ("LANG", "vi_VN")];
        assert_eq!(locale_lang(|n| lookup(&msgs, n)), Some(Lang::En));
        for c in ["C", "POSIX", "C.UTF-8"] {
            assert_eq!(locale_lang(|n| lookup(&[("LANG", c)], n)), None, "{c}");
        }
        assert_eq!(
            ctx(&[], &[("LANG", "C.UTF-8")], "lang = \"vi\"").lang,
            Lang::Vi
        );
    }

    fn lookup(vars: &[(&str, &str)], name: &str) -> Option<String> {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_language_is_known_before_the_command_line_is_parsed() {
        let config = tempfile::NamedTempFile::new().expect("config");
        std::fs::write(config.path(), "lang = \"vi\"\n").expect("write");
        let empty = tempfile::NamedTempFile::new().expect("config");
        let (vi, none) = (
            config.path().to_str().expect("path"),
            empty.path().to_str().expect("path"),
        );
        let lang = |args: &[&str], env: &[(&str, &str)]| {
            let argv: Vec<OsString> = std::iter::once("briefing")
                .chain(args.iter().copied())
                .map(OsString::from)
                .collect();
            early_lang(&argv, |n| lookup(env, n))
        };
        assert_eq!(lang(&["--lang", "vi", "list"], &[]), Lang::Vi);
        assert_eq!(
            lang(&["list", "--lang=vi", "--config", none], &[]),
            Lang::Vi
        );
        assert_eq!(lang(&["--lang", "vi", "--lang", "fr"], &[]), Lang::Vi);
        assert_eq!(
            lang(&["--config", none, "complete", "--", "--lang", "vi"], &[]),
            Lang::En
        );
        let env_vi = [("BRIEFING_LANG", "vi"), ("LANG", "en_US.UTF-8")];
        assert_eq!(lang(&["--config", none], &env_vi), Lang::Vi);
        assert_eq!(lang(&["--lang", "en"], &env_vi), Lang::En);
        assert_eq!(lang(&["--config", vi], &[("LANG", "en_US")]), Lang::Vi);
        assert_eq!(
            lang(&["--config", none], &[("LANG", "vi_VN.UTF-8")]),
            Lang::Vi
        );
        assert_eq!(lang(&["--config", none], &[("LANG", "C.UTF-8")]), Lang::En);
    }

    #[test]
    fn every_subcommand_and_argument_has_help() {
        let cmd = Cli::command();
        for sub in cmd.get_subcommands() {
            assert!(sub.get_about().is_some(), "{} has no help", sub.get_name());
            for arg in sub.get_arguments() {
                assert!(
                    arg.get_help().is_some(),
                    "{} {} has no help",
                    sub.get_name(),
                    arg.get_id()
                );
            }
        }
        for arg in cmd.get_arguments() {
            assert!(arg.get_help().is_some(), "--{} has no help", arg.get_id());
        }
        cmd.debug_assert();
    }
}
