//! `briefing progress`: record how a directive's (or a locality's proposal's) follow-up stands,
//! as one entry appended to its progress log (format version 3), in that session's file only.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::i18n;
use crate::model::{Entry, Lang, Text, Update, fold};
use crate::present::words::state_word;
use crate::store;
use crate::store::write::{self, Change, EntryError, WriteOptions, Writer};
use crate::terminal_text;

#[derive(Debug, clap::Args)]
pub(super) struct ProgressArgs {
    /// The session: the file path below DIR without `.toml` (or the file name alone when unique)
    session: String,
    /// The `id` of the directive, or of the locality's proposal (with an assignee)
    directive: String,
    /// The state it is in now: open (not started: Chưa thực hiện), doing (under way: Đang thực
    /// hiện), blocked (held up: Vướng mắc), done (Hoàn thành), dropped (stopped for good: Dừng
    /// thực hiện)
    #[arg(long, value_name = "STATE")]
    state: Option<String>,
    /// A note on how it stands, one line (Vietnamese as you type it)
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// How far the work is, a whole number from 0 to 100
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    percent: Option<String>,
}

pub(super) fn run(ctx: &Context, args: &ProgressArgs) -> ExitCode {
    let entry = match entry_of(ctx, args) {
        Ok(entry) => entry,
        Err(e) => return fail(ctx.lang, 2, e.message(ctx.lang)),
    };
    let rel = match write::session_file(&ctx.dir, &args.session) {
        Ok(rel) => rel,
        Err(e) => return fail(ctx.lang, 1, e.message(ctx.lang)),
    };
    let session = store::files::id_of(&rel);
    let writer = Writer::new(WriteOptions {
        max_file_size: ctx.limits.max_file_size,
        ..WriteOptions::default()
    });
    let change = Change::Progress(entry.clone());
    let item = item_named(ctx, &session, &args.directive);
    if let Item::Unassigned = item {
        let refused = i18n::strings(ctx.lang).proposal_needs_assignee(&args.directive);
        return fail(ctx.lang, 1, refused);
    }
    if store::sync_lock::SyncLock::held_by_sync(&ctx.dir) {
        let waiting = i18n::strings(ctx.lang).write_waiting_for_sync;
        let _ = writeln!(terminal_text::err(), "{waiting}");
    }
    match writer.write(&ctx.dir, &session, &args.directive, &change) {
        Ok(_) => {
            let said = recorded(ctx.lang, &args.directive, &session, &entry, &item);
            let _ = writeln!(terminal_text::out(), "{}", terminal_text::one_line(&said));
            ExitCode::SUCCESS
        }
        Err(e @ write::WriteError::DirectiveNotFound { .. }) if item == Item::UnnamedProposals => {
            let t = i18n::strings(ctx.lang);
            fail(
                ctx.lang,
                1,
                format!("{}\n{}", e.message(ctx.lang), t.proposal_needs_id),
            )
        }
        Err(e) => fail(ctx.lang, 1, e.message(ctx.lang)),
    }
}

/// What the id names in the session as it reads now (the writer checks again under its lock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    /// A directive, or a session that does not read: the writer says why.
    Directive,
    Proposal,
    /// A proposal without an assignee: nothing would count its progress.
    Unassigned,
    /// Nothing, and some proposal of the session has no id to be named by.
    UnnamedProposals,
}

fn item_named(ctx: &Context, session: &str, id: &str) -> Item {
    let report = store::load_session(&ctx.dir, session, &ctx.limits)
        .ok()
        .flatten();
    let Some(s) = report.and_then(|r| r.session) else {
        return Item::Directive;
    };
    let id = fold::nfc(id);
    if s.find_directive(&id).is_some() {
        return Item::Directive;
    }
    match s.proposals().find(|(_, p)| p.id.as_deref() == Some(&*id)) {
        Some((_, p)) if p.is_followed() => Item::Proposal,
        Some(_) => Item::Unassigned,
        None if s.proposals().any(|(_, p)| p.id.is_none()) => Item::UnnamedProposals,
        None => Item::Directive,
    }
}

/// The entry the arguments give, stamped `ctx.now` by the process's user, checked as the
/// writer checks it.
fn entry_of(ctx: &Context, args: &ProgressArgs) -> Result<Entry, EntryError> {
    let state = args.state.as_deref().map(write::parse_state).transpose()?;
    let percent = args
        .percent
        .as_deref()
        .map(write::parse_percent)
        .transpose()?;
    let note = (args.note.as_deref())
        .filter(|n| !n.trim().is_empty())
        .map(|n| Text::from(fold::nfc(n)));
    let update = Update {
        state,
        note,
        percent,
    };
    let entry = update.stamped(ctx.now, write::current_user().into());
    write::check_entry(&entry, ctx.now)?;
    Ok(entry)
}

/// What was recorded, in one line: where, when, by whom, and the state, percent and note.
fn recorded(lang: Lang, directive: &str, session: &str, entry: &Entry, item: &Item) -> String {
    let t = i18n::strings(lang);
    let mut what = Vec::new();
    if let Some(state) = entry.state {
        what.push(t.cli_progress_state(&state_word(state, lang), &state.name()));
    }
    if let Some(p) = entry.percent {
        what.push(format!("{p}%"));
    }
    if let Some(note) = &entry.note {
        what.push(t.cli_progress_note(note));
    }
    let at = entry.at.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let what = what.join("; ");
    match item {
        Item::Proposal => {
            t.cli_progress_recorded_proposal(&directive, &session, &at, &entry.by, &what)
        }
        _ => t.cli_progress_recorded(&directive, &session, &at, &entry.by, &what),
    }
}
