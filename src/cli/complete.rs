//! `briefing complete`: the candidates for the word being typed, for the shell scripts of `completions`.
//!
//! The scripts pass the words typed after `briefing`, the last one being the word under the
//! cursor (possibly empty). Options and subcommands come from the clap definition; session
//! ids from the folder's file names, directive and locality ids from that session's file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory};

use super::Cli;
use crate::model::Session;
use crate::store::{self, Limits, Named};

/// The exit status that asks the shell script for its own file-name completion.
const WANTS_FILES: u8 = 3;
/// Options whose value is a path.
const PATH_OPTIONS: [&str; 2] = ["dir", "config"];

/// The shells whose scripts ask for candidates; each gets them NUL-separated, so a name
/// with a newline stays one candidate, and the shell quotes each one as it inserts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum CompleteShell {
    // The words are as typed (`COMP_WORDS`): quotes and backslashes are taken off here.
    Bash,
    // zsh and fish give the words without their quotes (`${(Q)words}`, `commandline -opc`).
    Zsh,
    Fish,
}

#[derive(Debug, clap::Args)]
pub(super) struct CompleteArgs {
    /// The shell asking: candidates NUL-separated; without it, one per line (escaped)
    #[arg(long, value_enum)]
    pub shell: Option<CompleteShell>,
    /// The words after `briefing`; the last is the word being completed
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "WORD"
    )]
    pub words: Vec<String>,
}

pub(super) fn run(args: &CompleteArgs, dir_fallback: impl FnOnce() -> PathBuf) -> ExitCode {
    let words = match args.shell {
        Some(CompleteShell::Bash) => bash_words(&args.words),
        _ => args.words.clone(),
    };
    let (typed, current) = split_current(words);
    let place = Place::of(&typed);
    if place
        .wants_value_of
        .as_deref()
        .is_some_and(|o| PATH_OPTIONS.contains(&o))
    {
        return ExitCode::from(WANTS_FILES);
    }
    let dir = place.dir.clone().unwrap_or_else(dir_fallback);
    let found = candidates(&place, &current, &dir);
    let matching = found.iter().filter(|c| c.starts_with(current.as_str()));
    if args.shell.is_some() {
        let _ = crate::terminal_text::write_nul_separated(matching.map(String::as_str));
    } else {
        let mut out = crate::terminal_text::out();
        for candidate in matching {
            let _ = writeln!(out, "{}", crate::terminal_text::one_line(candidate));
        }
    }
    ExitCode::SUCCESS
}

/// The words typed before the cursor's word, and that word; `--option=value` under the
/// cursor is the option and the value being typed.
fn split_current(mut words: Vec<String>) -> (Vec<String>, String) {
    let current = words.pop().unwrap_or_default();
    if let Some((option, value)) = current.split_once('=')
        && option.starts_with("--")
    {
        words.push(option.to_string());
        return (words, value.to_string());
    }
    (words, current)
}

/// bash's `COMP_WORDS` as the command will get them: `--option`, `=`, `value` (bash breaks
/// words at `=`) joined again, and each word's quoting taken off.
fn bash_words(raw: &[String]) -> Vec<String> {
    let mut words: Vec<String> = Vec::with_capacity(raw.len());
    let mut joining = false;
    for word in raw {
        let after_option = words.last().is_some_and(|w| w.starts_with("--"));
        match words.last_mut() {
            Some(last) if word == "=" && after_option && !last.contains('=') => {
                last.push('=');
                joining = true;
                continue;
            }
            Some(last) if joining => last.push_str(&bash_dequote(word)),
            _ => words.push(bash_dequote(word)),
        }
        joining = false;
    }
    words
}

/// A word as bash reads it, perhaps cut short at the cursor: `\x`, `'…'`, `"…"` and `$'…'`
/// taken off, nothing expanded; an unclosed quote runs to the end.
fn bash_dequote(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '\'' => out.extend(chars.by_ref().take_while(|&c| c != '\'')),
            '"' => double_quoted(&mut chars, &mut out),
            '$' if chars.peek() == Some(&'\'') => {
                chars.next();
                ansi_c_quoted(&mut chars, &mut out);
            }
            c => out.push(c),
        }
    }
    out
}

/// The rest of a `"…"` word: a backslash escapes only `$`, `` ` ``, `"`, `\\` and a newline.
fn double_quoted(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, out: &mut String) {
    while let Some(c) = chars.next() {
        match c {
            '"' => return,
            '\\' => match chars.peek() {
                Some('$' | '`' | '"' | '\\') => out.extend(chars.next()),
                Some('\n') => {
                    chars.next();
                }
                _ => out.push('\\'),
            },
            c => out.push(c),
        }
    }
}

/// The rest of a `$'…'` word, with its backslash escapes.
fn ansi_c_quoted(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, out: &mut String) {
    while let Some(c) = chars.next() {
        match c {
            '\'' => return,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('e' | 'E') => out.push('\u{1b}'),
                Some('a') => out.push('\u{7}'),
                Some('x') => {
                    let hex: String = std::iter::from_fn(|| chars.next_if(char::is_ascii_hexdigit))
                        .take(2)
                        .collect();
                    let byte = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                    out.extend(byte);
                }
                Some(other) => out.push(other),
                None => {}
            },
            c => out.push(c),
        }
    }
}

/// Where the cursor is: which subcommand, which positional, which option wants a value.
#[derive(Debug, Default)]
struct Place {
    subcommand: Option<String>,
    /// The positionals of the subcommand typed so far.
    positionals: Vec<String>,
    /// The option right before the cursor, when it takes a value.
    wants_value_of: Option<String>,
    /// `--district ID` typed so far, and `--dir DIR`.
    dir: Option<PathBuf>,
}

impl Place {
    fn of(typed: &[String]) -> Place {
        let root = Cli::command();
        let mut place = Place::default();
        let mut words = typed.iter();
        while let Some(word) = words.next() {
            if let Some(long) = word.strip_prefix("--") {
                let (name, inline) = match long.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (long, None),
                };
                if !takes_value(&root, place.subcommand.as_deref(), name) {
                    continue;
                }
                let value = match inline {
                    Some(v) => Some(v),
                    None => words.next().cloned(),
                };
                match value {
                    Some(v) if name == "dir" => place.dir = Some(PathBuf::from(v)),
                    Some(_) => {}
                    None => place.wants_value_of = Some(name.to_string()),
                }
            } else if word.starts_with('-') {
                continue;
            } else if place.subcommand.is_none() {
                place.subcommand = Some(word.clone());
            } else {
                place.positionals.push(word.clone());
            }
        }
        place
    }
}

/// Whether `--name` takes a value, on the subcommand or globally.
fn takes_value(root: &clap::Command, sub: Option<&str>, name: &str) -> bool {
    long_option(root, sub, name)
        .is_some_and(|arg| matches!(arg.get_action(), ArgAction::Set | ArgAction::Append))
}

fn long_option<'c>(root: &'c clap::Command, sub: Option<&str>, name: &str) -> Option<&'c Arg> {
    let in_sub = sub
        .and_then(|s| root.find_subcommand(s))
        .and_then(|s| s.get_arguments().find(|a| a.get_long() == Some(name)));
    in_sub.or_else(|| root.get_arguments().find(|a| a.get_long() == Some(name)))
}

fn candidates(place: &Place, current: &str, dir: &Path) -> Vec<String> {
    let root = Cli::command();
    if let Some(option) = &place.wants_value_of {
        return option_values(&root, place, option, dir);
    }
    let sub = place
        .subcommand
        .as_deref()
        .and_then(|s| root.find_subcommand(s));
    if current.starts_with('-') {
        let mut options: Vec<String> = sub
            .into_iter()
            .flat_map(|s| s.get_arguments())
            .chain(root.get_arguments())
            .filter(|a| !a.is_hide_set())
            .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
            .collect();
        options.extend(["--help".to_string()]);
        options.dedup();
        return options;
    }
    let Some(sub) = sub else {
        return root
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| s.get_name().to_string())
            .collect();
    };
    positional_values(sub, place, dir)
}

fn option_values(root: &clap::Command, place: &Place, option: &str, dir: &Path) -> Vec<String> {
    if option == "district" {
        return match place.positionals.first() {
            Some(session) => locality_ids(dir, session),
            None => Vec::new(),
        };
    }
    if option == "state" && place.subcommand.as_deref() == Some("progress") {
        return crate::model::State::ALL
            .map(|s| s.name().to_string())
            .to_vec();
    }
    long_option(root, place.subcommand.as_deref(), option)
        .map(possible_values)
        .unwrap_or_default()
}

/// What the next positional of `sub` can be: its own possible values, or ids from the folder.
fn positional_values(sub: &clap::Command, place: &Place, dir: &Path) -> Vec<String> {
    let index = place.positionals.len();
    let Some(arg) = sub.get_positionals().nth(index) else {
        return Vec::new();
    };
    let values = possible_values(arg);
    if !values.is_empty() {
        return values;
    }
    match (sub.get_name(), index) {
        ("show" | "done" | "undo" | "progress" | "log", 0) => session_ids(dir),
        ("done" | "undo" | "progress" | "log", 1) => directive_ids(dir, &place.positionals[0]),
        _ => Vec::new(),
    }
}

fn possible_values(arg: &Arg) -> Vec<String> {
    arg.get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect()
}

/// Session ids from the file names alone (nothing is parsed, so it stays quick).
fn session_ids(dir: &Path) -> Vec<String> {
    match store::discover(dir) {
        Ok((files, _)) => files.iter().map(|rel| store::files::id_of(rel)).collect(),
        Err(_) => Vec::new(),
    }
}

/// The session of `session`'s file, found the way `show` finds it, when it loads.
fn load(dir: &Path, session: &str) -> Option<Session> {
    match store::load_named(dir, session, &Limits::default()).ok()? {
        Named::File(report) => report.session,
        Named::Unknown(_) => None,
    }
}

fn directive_ids(dir: &Path, session: &str) -> Vec<String> {
    let Some(s) = load(dir, session) else {
        return Vec::new();
    };
    let mut open = Vec::new();
    let mut done = Vec::new();
    for d in s.all_directives() {
        if d.done { &mut done } else { &mut open }.push(d.id.to_string());
    }
    open.extend(done);
    open
}

fn locality_ids(dir: &Path, session: &str) -> Vec<String> {
    load(dir, session)
        .map(|s| s.districts.iter().map(|d| d.id.to_string()).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")
    }

    fn complete(words: &[&str]) -> Vec<String> {
        let (current, typed) = words.split_last().expect("a word");
        let typed: Vec<String> = typed.iter().map(|w| w.to_string()).collect();
        let place = Place::of(&typed);
        let dir = place.dir.clone().unwrap_or_else(sample);
        candidates(&place, current, &dir)
            .into_iter()
            .filter(|c| c.starts_with(current))
            .collect()
    }

    const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";
    const V2_SESSION: &str = "2026/2026-12-09-tan-lap-binh-minh-hon-ngoc";

    #[test]
    fn subcommands_first_then_session_ids() {
        let subs = complete(&[""]);
        assert!(subs.contains(&"show".to_string()) && subs.contains(&"undo".to_string()));
        assert!(!subs.iter().any(|s| s == "merge-driver" || s == "complete"));
        assert_eq!(complete(&["sh"]), ["show"]);
        assert_eq!(complete(&["show", ""]), [SESSION, V2_SESSION]);
        assert_eq!(complete(&["done", "2024/"]), [SESSION]);
    }

    #[test]
    fn directive_ids_follow_the_session_open_ones_first() {
        let ids = complete(&["done", SESSION, ""]);
        assert!(ids.contains(&"hh-ma-tuy".to_string()), "{ids:?}");
        assert_eq!(complete(&["undo", SESSION, "hh-ma"]), ["hh-ma-tuy"]);
        assert_eq!(complete(&["progress", SESSION, "hh-ma"]), ["hh-ma-tuy"]);
        assert_eq!(complete(&["progress", "2024/"]), [SESSION]);
        assert_eq!(
            complete(&["progress", SESSION, "hh-ma-tuy", "--state", "d"]),
            ["doing", "done", "dropped"]
        );
        assert!(complete(&["done", "no-such-session", ""]).is_empty());
        assert!(complete(&["done", SESSION, "hh-ma-tuy", ""]).is_empty());
    }

    #[test]
    fn locality_ids_after_district_and_values_of_enums() {
        assert_eq!(
            complete(&["show", SESSION, "--district", ""]),
            ["hai-ha", "dam-ha"]
        );
        assert_eq!(complete(&["show", SESSION, "--format", "m"]), ["markdown"]);
        assert!(complete(&["--lang", ""]).contains(&"vi".to_string()));
        let shells = complete(&["completions", ""]);
        assert!(shells.contains(&"bash".to_string()) && shells.contains(&"fish".to_string()));
        assert!(!shells.iter().any(|s| s.contains('/')), "{shells:?}");
    }

    #[test]
    fn options_of_the_subcommand_and_global_ones() {
        let options = complete(&["show", "--"]);
        for o in ["--district", "--format", "--handout", "--dir", "--lang"] {
            assert!(options.contains(&o.to_string()), "{o} in {options:?}");
        }
        assert!(
            complete(&["--dir", ""]).is_empty(),
            "paths are left to the shell"
        );
    }

    #[test]
    fn bash_words_are_read_as_bash_reads_them() {
        let words = |w: &[&str]| bash_words(&w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            words(&[r"a\ b", "'c d'", "\"e\\\"f\\x\""]),
            ["a b", "c d", "e\"f\\x"]
        );
        assert_eq!(words(&[r"$'i\nj\x41\''", "'open"]), ["i\njA'", "open"]);
        assert_eq!(words(&[r"x\$\(y\)", "\"$(z)\""]), ["x$(y)", "$(z)"]);
        assert_eq!(words(&["--dir", "=", "/t", "show"]), ["--dir=/t", "show"]);
        assert_eq!(words(&["--format", "="]), ["--format="]);
        assert_eq!(words(&["=", "x"]), ["=", "x"]);
    }

    #[test]
    fn an_option_with_its_value_under_the_cursor_completes_the_value() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (typed, current) = split_current(words(&["show", "x", "--format=m"]));
        assert_eq!(
            (typed, current.as_str()),
            (words(&["show", "x", "--format"]), "m")
        );
    }

    #[test]
    fn the_folder_given_on_the_line_is_the_one_read() {
        let empty = tempfile::tempdir().expect("tempdir");
        let dir = empty.path().to_string_lossy().into_owned();
        assert!(complete(&["--dir", &dir, "show", ""]).is_empty());
        assert_eq!(complete(&["--dir=briefings", "show", "2024/"]).len(), 1);
    }
}
