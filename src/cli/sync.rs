//! `briefing sync`: share the check-offs made here through git; `--setup` installs the merge driver.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::git::Repo;
use crate::git::sync::{self, Committed, Mode, Removed, Report, SetupReport};
use crate::i18n::{self, Strings};
use crate::model::Lang;
use crate::present::words;
use crate::terminal_text;

#[derive(Debug, clap::Args)]
pub(super) struct SyncArgs {
    /// Install the check-off merge driver (.git/config, .gitattributes) and ignore check-off temporary files (.gitignore), then commit those two files
    #[arg(long)]
    setup: bool,
    /// Commit every change of the briefing folder, not only check-offs
    #[arg(long, conflicts_with = "setup")]
    all: bool,
    /// Only receive: commit nothing, send nothing (for an office without push rights; also `pull_only` under [sync] in the config file)
    #[arg(long, conflicts_with_all = ["setup", "all"])]
    pull_only: bool,
    /// Change nothing: say what a sync would commit, receive and send
    #[arg(long, conflicts_with = "setup")]
    dry_run: bool,
    /// When the upstream dropped commits (a force-push): send them again
    #[arg(long, conflicts_with_all = ["setup", "drop_removed"])]
    push_removed: bool,
    /// When the upstream dropped commits (a force-push): drop them here too
    #[arg(long, conflicts_with = "setup")]
    drop_removed: bool,
    /// The longest a fetch or a push may take, in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..=3600))]
    timeout: u64,
}

pub(super) fn run(ctx: &Context, args: &SyncArgs) -> ExitCode {
    let repo = match find(ctx) {
        Ok(repo) => repo,
        Err(code) => return code,
    };
    let driver = match std::env::current_exe() {
        Ok(exe) => sync::driver_command(&exe),
        Err(e) => return fail(ctx.lang, 1, super::os_error(ctx.lang, &e)),
    };
    if args.setup {
        return match sync::setup(&repo, &ctx.dir, &driver) {
            Ok(report) => {
                let mut out = terminal_text::out();
                for line in setup_lines(ctx.lang, &report) {
                    let _ = writeln!(out, "{}", terminal_text::one_line(&line));
                }
                drop(out);
                setup_defeated(ctx.lang, &report)
            }
            Err(e) => fail(ctx.lang, 1, e.message(ctx.lang)),
        };
    }
    let pull_only = args.pull_only || ctx.config.sync_pull_only == Some(true);
    let opts = sync::Options {
        all: args.all,
        mode: match (args.dry_run, pull_only) {
            (true, _) => Mode::DryRun,
            (false, true) => Mode::PullOnly,
            (false, false) => Mode::Full,
        },
        removed: match (args.push_removed, args.drop_removed) {
            (true, _) => Removed::PushAgain,
            (false, true) => Removed::Drop,
            (false, false) => Removed::Stop,
        },
        timeout: std::time::Duration::from_secs(args.timeout),
        ..sync::Options::new(driver)
    };
    let (report, result) = sync::sync(&repo, &opts);
    let mut out = terminal_text::out();
    for line in sync_lines(ctx.lang, &report, result.is_ok()) {
        let _ = writeln!(out, "{}", terminal_text::one_line(&line));
    }
    drop(out);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(ctx.lang, 1, e.message(ctx.lang)),
    }
}

/// The work tree of the briefing folder, or the exit code of a folder that is not shared.
pub(super) fn find(ctx: &Context) -> Result<Repo, ExitCode> {
    if let Err(e) = crate::store::discover(&ctx.dir) {
        return Err(fail(ctx.lang, 2, e.message(ctx.lang)));
    }
    Repo::find(&ctx.dir).map_err(|e| fail(ctx.lang, 1, e.message(ctx.lang)))
}

/// What a sync did, one line each, in order; `finished`: it got as far as the push.
fn sync_lines(lang: Lang, r: &Report, finished: bool) -> Vec<String> {
    let t = i18n::strings(lang);
    let mut out = Vec::new();
    if let Some(dry) = &r.dry_run {
        return dry_run_lines(lang, r, dry);
    }
    if let Some(c) = &r.committed {
        out.push(match c.checkoffs.len() {
            1 => t.sync_committed_one(&c.commit),
            n => t.sync_committed(&c.commit, &n),
        });
        out.extend(message_body(lang, &c.checkoffs, &c.files));
    }
    if !r.left_alone.is_empty() {
        out.push(t.sync_left_alone(&file_list(&r.left_alone)));
    }
    if let Some((kept, unsent)) = &r.pull_only {
        if !kept.is_empty() {
            out.push(t.sync_pull_only(&file_list(kept)));
        }
        if *unsent > 0 {
            out.push(t.sync_unsent(unsent));
        }
    }
    if !r.removed.is_empty() {
        let said = match r.removed_how {
            Removed::Drop => Strings::sync_removed_dropped,
            _ => Strings::sync_removed_sent,
        };
        out.push(said(t, &file_list(&r.removed)));
    }
    if let Some(Committed {
        fallback_identity: Some(who),
        ..
    }) = &r.committed
    {
        let note = t.sync_no_identity(who);
        out.push(format!("{note} {}", t.sync_set_identity));
    }
    if finished {
        out.push(match (r.exchanged.received, r.exchanged.sent) {
            (0, 0) => t.sync_in_step(&r.upstream),
            (got, sent) => t.sync_exchanged(
                &words::commits(lang, got),
                &r.upstream,
                &words::commits(lang, sent),
            ),
        });
    }
    out.extend(note_lines(lang, &r.notes));
    out
}

/// The commit message's list of what it brings (after the subject and blank line, without
/// the parenthesised notes), each line indented.
fn message_body(lang: Lang, checkoffs: &[sync::Checkoff], files: &[String]) -> Vec<String> {
    let message = sync::commit_message(lang, checkoffs, files);
    (message.lines().skip(2))
        .filter(|line| !line.is_empty() && !line.starts_with('('))
        .map(|line| format!("  {line}"))
        .collect()
}

fn file_list(files: &[String]) -> String {
    let files: Vec<_> = files.iter().map(|f| terminal_text::one_line(f)).collect();
    files.join(", ")
}

/// What `--dry-run` found: what would be committed, received and sent.
fn dry_run_lines(lang: Lang, r: &Report, dry: &sync::DryRun) -> Vec<String> {
    let t = i18n::strings(lang);
    let mut out = Vec::new();
    if dry.files.is_empty() {
        out.push(t.sync_dry_nothing.to_string());
    } else {
        out.push(t.sync_dry_commit(&dry.checkoffs.len()));
        out.extend(message_body(lang, &dry.checkoffs, &dry.files));
    }
    if !r.left_alone.is_empty() {
        out.push(t.sync_left_alone(&file_list(&r.left_alone)));
    }
    if !dry.dropped.is_empty() {
        out.push(t.sync_dry_dropped(&r.upstream, &file_list(&dry.dropped)));
    }
    out.push(t.sync_dry_exchange(
        &words::commits(lang, dry.exchange.received),
        &r.upstream,
        &words::commits(lang, dry.exchange.sent),
    ));
    out.extend(note_lines(lang, &r.notes));
    out
}

/// The notes about the set-up that every sync repeats until it is right.
fn note_lines(lang: Lang, notes: &sync::Notes) -> Vec<String> {
    let t = i18n::strings(lang);
    let defeated = &notes.defeated;
    let mut out = Vec::new();
    for d in &defeated.attributes {
        out.push(t.sync_defeated(&d.message(lang)));
    }
    if notes.driver_missing {
        out.push(t.sync_driver_missing.to_string());
    }
    if let Some(program) = &notes.driver_stale {
        out.push(t.sync_driver_stale(&terminal_text::one_line(program)));
    }
    if notes.temp_not_ignored {
        out.push(t.sync_temp_not_ignored.to_string());
    }
    if let Some(line) = &defeated.temp_kept_by {
        out.push(t.sync_defeated(&line.keeps_temp_files(lang)));
    }
    out
}

/// Each attribute or ignore line that `--setup` cannot set right by itself, on standard error:
/// exit 1, since sync keeps saying so until it is changed; else exit 0.
fn setup_defeated(lang: Lang, r: &SetupReport) -> ExitCode {
    let t = i18n::strings(lang);
    let defeated = &r.defeated;
    let attributes = defeated.attributes.iter().map(|d| d.message(lang));
    let kept = defeated
        .temp_kept_by
        .iter()
        .map(|s| s.keeps_temp_files(lang));
    let messages: Vec<String> = attributes.chain(kept).collect();
    for message in &messages {
        let _ = fail(lang, 1, t.setup_defeated(message));
    }
    if messages.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// What `sync --setup` did, one line each.
fn setup_lines(lang: Lang, r: &SetupReport) -> Vec<String> {
    let t = i18n::strings(lang);
    let mut out = vec![if r.configured {
        t.setup_installed(&r.driver)
    } else {
        t.setup_present.to_string()
    }];
    match &r.committed {
        Some(c) => out.push(t.setup_committed(&c.files.join(", "), &c.commit)),
        None if r.defeated.is_empty() => out.push(t.setup_unchanged.to_string()),
        None => {}
    }
    if let Some(Committed {
        fallback_identity: Some(who),
        ..
    }) = &r.committed
    {
        out.push(t.sync_no_identity(who));
    }
    out
}
