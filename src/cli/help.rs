//! The command line in the reader's language: the clap definition re-worded in Vietnamese for
//! `--help`, the manual pages and usage errors, and clap's errors said again in Vietnamese.
//! English is clap's own output, unchanged.

use std::ffi::OsString;
use std::fmt::{Display, Write as _};

use clap::builder::{Str, StyledStr};
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n::{self, Strings};
use crate::model::Lang;

/// The command line `args` (program name first), or the help or usage error clap prints in
/// `lang`, after which the process exits (0 for `--help`, 2 for a usage error).
pub(super) fn parse(lang: Lang, args: Vec<OsString>) -> Cli {
    let parsed = command(lang)
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match (parsed, lang) {
        (Ok(cli), _) => cli,
        (Err(e), Lang::En) => e.exit(),
        (Err(e), Lang::Vi) => e.apply::<Vietnamese>().exit(),
    }
}

/// The whole command line's definition, worded in `lang`.
pub(super) fn command(lang: Lang) -> Command {
    worded(Cli::command(), lang)
}

/// `cmd` (the definition, perhaps with settings of its own) worded in `lang`.
pub(super) fn worded(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Vi => vietnamese(cmd),
    }
}

/// `cmd` built (so the help flags and the `help` subcommand exist) and worded in Vietnamese.
fn vietnamese(mut cmd: Command) -> Command {
    cmd.build();
    let t = i18n::strings(Lang::Vi);
    let cmd = localize(cmd, "", t)
        .long_about(i18n::cli::LONG_ABOUT)
        .after_help(i18n::cli::AFTER_HELP)
        .subcommand_help_heading(t.help_commands)
        .subcommand_value_name(value_name("COMMAND"));
    with_usages(cmd, t)
}

/// The texts of `cmd` (subcommand `name`, `""` for the program), of its arguments and of its
/// subcommands, in Vietnamese.
fn localize(cmd: Command, name: &str, t: &Strings) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = ids.iter().fold(cmd, |cmd, id| {
        cmd.mut_arg(id, |arg| localize_arg(arg, name, t))
    });
    if let Some(about) = i18n::cli::help(name, "") {
        cmd = cmd.about(about);
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t.help_usage
    );
    cmd = cmd.help_template(template);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    subs.iter().fold(cmd, |cmd, sub| {
        cmd.mut_subcommand(sub, |s| localize(s, sub, t))
    })
}

/// One argument in Vietnamese: its help (with its values and default, which clap would
/// otherwise print in English), its heading and its placeholders.
fn localize_arg(arg: Arg, command: &str, t: &Strings) -> Arg {
    let id = arg.get_id().to_string();
    let help = i18n::cli::help(command, &id).unwrap_or_default();
    let heading = if arg.is_positional() {
        t.help_arguments
    } else {
        t.help_options
    };
    let names: Vec<Str> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|n| i18n::cli::value_name(n.as_str()).map_or_else(|| n.clone(), Str::from))
        .collect();
    let (short, long) = help_with_values(&arg, command, help, t);
    let arg = match long {
        Some(long) => arg.long_help(long),
        None => arg.long_help(None::<&'static str>),
    };
    let arg = arg
        .help(short)
        .help_heading(heading)
        .hide_possible_values(true)
        .hide_default_value(true);
    if names.is_empty() {
        arg
    } else {
        arg.value_names(names)
    }
}

/// The short and long help of `arg`: `help` with its default and possible values, and in the
/// long help what each value means (when that is known).
fn help_with_values(arg: &Arg, command: &str, help: &str, t: &Strings) -> (String, Option<String>) {
    let values: Vec<String> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect()
    };
    let shows_default = arg.get_action().takes_values() && !arg.is_hide_default_value_set();
    let default: Vec<String> = match !shows_default {
        true => Vec::new(),
        false => arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect(),
    };
    let default = (!default.is_empty()).then(|| t.help_default(&default.join(",")));
    let list = (!values.is_empty()).then(|| t.help_values(&values.join(", ")));
    let short = [Some(help.to_string()), default.clone(), list.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let id = arg.get_id().as_str();
    let meanings: Vec<(&str, &str)> = values
        .iter()
        .filter_map(|v| Some((v.as_str(), i18n::cli::value_help(command, id, v)?)))
        .collect();
    if meanings.is_empty() {
        return (short, None);
    }
    let width = meanings.iter().map(|(v, _)| v.len()).max().unwrap_or(0);
    let mut long = format!("{help}\n\n{}", t.help_values_long);
    for (value, meaning) in &meanings {
        let _ = write!(
            long,
            "\n- {:width$} {meaning}",
            format!("{value}:"),
            width = width + 1
        );
    }
    if let Some(default) = default {
        let _ = write!(long, "\n\n{default}");
    }
    (short, Some(long))
}

fn value_name(name: &str) -> &str {
    i18n::cli::value_name(name).unwrap_or(name)
}

/// Each command's usage line fixed in Vietnamese (`[TÙY_CHỌN]`, not clap's `[OPTIONS]`), for
/// the help and for usage errors.
fn with_usages(mut cmd: Command, t: &Strings) -> Command {
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in &subs {
        let usage = cmd
            .find_subcommand_mut(sub)
            .map(|s| usage_line(s.render_usage(), t));
        if let Some(usage) = usage {
            cmd = cmd.mut_subcommand(sub, |s| s.override_usage(usage));
        }
    }
    let usage = usage_line(cmd.render_usage(), t);
    cmd.override_usage(usage)
}

/// `briefing show [TÙY_CHỌN] <MÃ_BUỔI>` from clap's `Usage: briefing show [OPTIONS] <MÃ_BUỔI>`.
fn usage_line(rendered: StyledStr, t: &Strings) -> String {
    let text = rendered.to_string();
    let text = text.strip_prefix("Usage:").unwrap_or(&text).trim();
    text.replace("[OPTIONS]", t.help_options_placeholder)
}

/// clap's errors, said in Vietnamese from their kind and context.
pub(super) struct Vietnamese;

impl ErrorFormatter for Vietnamese {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let t = i18n::strings(Lang::Vi);
        let styles = clap::builder::Styles::styled();
        let red = styles.get_error();
        let mut out = StyledStr::new();
        let _ = write!(out, "{red}{}{red:#} {}", t.clap_error, what(error, t));
        let tips = tips(error, t);
        if !tips.is_empty() {
            out.push_str("\n");
        }
        for tip in tips {
            let _ = write!(out, "\n  {tip}");
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
            let _ = write!(out, "\n\n{} {usage}", t.help_usage);
        }
        let _ = write!(out, "\n\n{}\n", t.clap_try_help(&"--help"));
        out
    }
}

/// The text of a context value, one line per string.
fn text(value: Option<&ContextValue>) -> Option<String> {
    match value? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(s) => Some(s.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What went wrong, without tips or usage.
fn what<F: ErrorFormatter>(error: &clap::error::Error<F>, t: &Strings) -> String {
    let get = |kind| text(error.get(kind)).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => t.clap_value_required(&arg),
        ErrorKind::InvalidValue => {
            let mut out = t.clap_invalid_value(&value, &arg);
            if let Some(valid) = text(error.get(ContextKind::ValidValue)) {
                let _ = write!(out, "\n  {}", t.help_values(&valid));
            }
            out
        }
        ErrorKind::ValueValidation => {
            let mut out = t.clap_invalid_value(&value, &arg);
            if arg.contains("YYYY-MM-DD") {
                let _ = write!(out, ": {}", t.clap_date_hint);
            }
            out
        }
        ErrorKind::UnknownArgument => t.clap_unknown_argument(&arg),
        ErrorKind::InvalidSubcommand => {
            t.clap_unknown_subcommand(&get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => {
            let mut out = t.clap_missing_arguments.to_string();
            if let Some(ContextValue::Strings(missing)) = error.get(ContextKind::InvalidArg) {
                for m in missing {
                    let _ = write!(out, "\n  {m}");
                }
            }
            out
        }
        ErrorKind::MissingSubcommand => {
            let name = get(ContextKind::InvalidSubcommand);
            let mut out = t.clap_missing_subcommand(&name);
            if let Some(valid) = text(error.get(ContextKind::ValidSubcommand)) {
                let _ = write!(out, "\n  {}", t.clap_subcommands(&valid));
            }
            out
        }
        ErrorKind::ArgumentConflict => conflict(error, &arg, t),
        ErrorKind::TooManyValues => t.clap_too_many_values(&value, &arg),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => t.clap_wrong_count(&arg),
        ErrorKind::NoEquals => t.clap_no_equals(&arg),
        ErrorKind::InvalidUtf8 => t.clap_not_utf8.to_string(),
        _ => t.clap_other.to_string(),
    }
}

fn conflict<F: ErrorFormatter>(error: &clap::error::Error<F>, arg: &str, t: &Strings) -> String {
    match error.get(ContextKind::PriorArg) {
        Some(ContextValue::String(prior)) if prior == arg => t.clap_repeated(&arg),
        Some(ContextValue::String(prior)) => t.clap_conflict(&arg, prior),
        Some(ContextValue::Strings(prior)) => t.clap_conflict(&arg, &prior.join("', '")),
        _ => t.clap_conflict_many(&arg),
    }
}

/// A tip naming the one thing clap found close to what was typed.
type Tip = fn(&Strings, &dyn Display) -> String;

/// The suggestions clap found: a similar name, or how to pass a value that looks like a flag.
fn tips<F: ErrorFormatter>(error: &clap::error::Error<F>, t: &Strings) -> Vec<String> {
    let mut tips = Vec::new();
    let similar = [
        (
            ContextKind::SuggestedSubcommand,
            Strings::clap_similar_subcommand as Tip,
        ),
        (ContextKind::SuggestedArg, Strings::clap_similar_argument),
        (ContextKind::SuggestedValue, Strings::clap_similar_value),
    ];
    for (kind, tip) in similar {
        if let Some(name) = text(error.get(kind)) {
            tips.push(tip(t, &name));
        }
    }
    if let Some(ContextValue::StyledStrs(suggested)) = error.get(ContextKind::Suggested) {
        for s in suggested {
            let s = s.to_string();
            let as_value = s
                .strip_prefix("to pass '")
                .and_then(|rest| rest.split_once("' as a value"))
                .map(|(arg, _)| t.clap_as_value(&arg));
            tips.extend(as_value);
        }
    }
    tips
}

#[cfg(test)]
mod tests;
