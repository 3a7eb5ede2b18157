//! `briefing list`: one line per session, newest first.

use std::io::Write;
use std::process::ExitCode;

use unicode_width::UnicodeWidthStr;

use super::{Context, ListFormat, fail};
use crate::i18n;
use crate::present::{locality_count, progress_text, session_day};
use crate::report;
use crate::store;
use crate::store::cache::Part;
use crate::terminal_text;

pub(super) fn run(ctx: &Context, format: ListFormat) -> ExitCode {
    let catalog = match super::load_folder(ctx, Part::Whole) {
        Ok(c) => c,
        Err(e) => return fail(ctx.lang, 2, e.message(ctx.lang)),
    };
    if format == ListFormat::Json {
        let json = report::list_json(&catalog.sessions, ctx.today);
        let _ = terminal_text::out().write_all(json.as_bytes());
        warn_failed(ctx, &catalog);
        super::leave_to_the_exit(catalog);
        return ExitCode::SUCCESS;
    }
    let days: Vec<String> = (catalog.sessions.iter())
        .map(|s| session_day(&s.date, ctx.lang))
        .collect();
    let ids: Vec<_> = (catalog.sessions.iter())
        .map(|s| terminal_text::one_line(&s.id))
        .collect();
    let widest = |widths: &mut dyn Iterator<Item = usize>| widths.max().unwrap_or(0);
    let day_width = widest(&mut days.iter().map(|d| d.width()));
    let id_width = widest(&mut ids.iter().map(|id| id.width()));
    let mut out = terminal_text::out();
    for ((s, day), id) in catalog.sessions.iter().zip(&days).zip(&ids) {
        let p = s.progress(ctx.today);
        let _ = writeln!(
            out,
            "{day}{}  {id}{}  {}  {}  {}",
            " ".repeat(day_width - day.width()),
            " ".repeat(id_width - id.width()),
            terminal_text::one_line(&s.title),
            locality_count(s.districts.len(), ctx.lang),
            progress_text(p, ctx.lang, ", "),
        );
    }
    warn_failed(ctx, &catalog);
    super::leave_to_the_exit(catalog);
    ExitCode::SUCCESS
}

fn warn_failed(ctx: &Context, catalog: &store::Catalog) {
    let failed = catalog.failed_files().len();
    if failed > 0 {
        let t = i18n::strings(ctx.lang);
        let _ = writeln!(terminal_text::err(), "{}", t.list_not_loaded(&failed));
    }
}
