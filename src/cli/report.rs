//! `briefing report`: the implementation report over the sessions of a period, counted by
//! category per locality, assignee or session, with the overdue and blocked directives.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{Context, fail};
use crate::i18n;
use crate::report::follow_up::{self, Grouping, ReportFormat, Scope};
use crate::store::cache::Part;
use crate::terminal_text;

#[derive(Debug, clap::Args)]
pub(super) struct ReportArgs {
    /// Only sessions on or after this day (a session dated by month or year counts by its
    /// first day) [default: all sessions]
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<NaiveDate>,

    /// Only sessions on or before this day [default: all sessions]
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<NaiveDate>,

    /// One row per locality, assignee (the directive's `owner`) or session
    #[arg(long, value_enum, value_name = "ROWS", default_value_t = ByArg::Locality)]
    by: ByArg,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ByArg {
    /// One row per locality; a session-wide directive counts in each locality it concerns,
    /// once in the total
    Locality,
    /// One row per assignee (the directive's `owner`)
    Assignee,
    /// One row per session
    Session,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    /// Plain text, 80 columns, numbered category columns
    Text,
    /// Markdown (a GitHub table)
    Markdown,
    /// One self-contained HTML page that prints on A4 landscape
    Html,
    /// CSV for LibreOffice and Excel (UTF-8 with a byte order mark)
    Csv,
    /// JSON, schema in docs/json.md
    Json,
}

impl From<ByArg> for Grouping {
    fn from(b: ByArg) -> Self {
        match b {
            ByArg::Locality => Grouping::Locality,
            ByArg::Assignee => Grouping::Assignee,
            ByArg::Session => Grouping::Session,
        }
    }
}

impl From<FormatArg> for ReportFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => ReportFormat::Text,
            FormatArg::Markdown => ReportFormat::Markdown,
            FormatArg::Html => ReportFormat::Html,
            FormatArg::Csv => ReportFormat::Csv,
            FormatArg::Json => ReportFormat::Json,
        }
    }
}

pub(super) fn run(ctx: &Context, args: &ReportArgs) -> ExitCode {
    let t = i18n::strings(ctx.lang);
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        let day = crate::present::numbers::date;
        return fail(ctx.lang, 1, t.report_range_reversed(&day(from), &day(to)));
    }
    let catalog = match super::load_folder(ctx, Part::FollowUp) {
        Ok(c) => c,
        Err(e) => return fail(ctx.lang, 2, e.message(ctx.lang)),
    };
    let scope = Scope {
        from: args.from,
        to: args.to,
        by: args.by.into(),
        today: ctx.today,
    };
    let report = follow_up::tally(&catalog.sessions, &scope);
    let mut out = terminal_text::out();
    let _ = follow_up::write(&report, args.format.into(), ctx.lang, &mut |piece| {
        out.write_text(piece)
    });
    drop(out);
    let failed = catalog.failed_files().len();
    if failed > 0 {
        let _ = writeln!(terminal_text::err(), "{}", t.list_not_loaded(&failed));
    }
    super::leave_to_the_exit((catalog, report));
    ExitCode::SUCCESS
}
