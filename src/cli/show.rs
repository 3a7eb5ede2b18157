//! `briefing show`: one session's briefing for printing, e-mail or `less`.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::diag::closest;
use crate::i18n::{self, Strings};
use crate::model::dossier::dossier;
use crate::model::fold::{fold, slug};
use crate::model::{District, Lang, Session};
use crate::present::locality_title;
use crate::report::{self, Format, History, Options};
use crate::store::{self, Named};

#[derive(Debug, clap::Args)]
pub(super) struct ShowArgs {
    /// Session id: the file's path below the folder without `.toml` (see `briefing list`);
    /// the file name alone is enough when it is unique
    #[arg(value_name = "SESSION_ID")]
    session: String,

    /// Only this locality (its id, e.g. `dam-ha`, or its name, e.g. "Đầm Hà", accents and
    /// case aside); the session-wide parts stay, with the shared directives that concern it
    #[arg(long, value_name = "ID")]
    district: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,

    /// ASCII gauges and symbols (`#######--- 80%`) for printers and limited fonts
    #[arg(long)]
    ascii: bool,

    /// For a public handout: leave out directive ids and who checked directives off
    #[arg(long)]
    handout: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    /// Plain text wrapped at 80 columns
    Text,
    /// Markdown (GitHub-flavoured: tables, task lists)
    Markdown,
    /// One self-contained HTML page (inline CSS, A4 print styles) to print from a browser
    Html,
    /// JSON, schema in docs/json.md
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Json => Format::Json,
        }
    }
}

pub(super) fn run(ctx: &Context, args: &ShowArgs) -> ExitCode {
    let t = i18n::strings(ctx.lang);
    let report = match store::load_named(&ctx.dir, &args.session, &ctx.limits) {
        Ok(Named::File(report)) => report,
        Ok(Named::Unknown(suggestions)) => {
            return fail(ctx.lang, 1, unknown_session(&args.session, &suggestions, t));
        }
        Err(e) => return fail(ctx.lang, 2, e.message(ctx.lang)),
    };
    let Some(session) = &report.session else {
        let why = report.diagnostics.iter().find(|d| d.is_error());
        let why = why.map(|d| d.line(ctx.lang)).unwrap_or_default();
        return fail(ctx.lang, 1, format!("{}: {why}", t.not_loaded));
    };
    let district = match &args.district {
        None => None,
        Some(given) => match locality(session, given) {
            Ok(d) => Some(d),
            Err(found) => {
                return fail(ctx.lang, 1, district_miss(session, given, &found, ctx.lang));
            }
        },
    };
    // A locality's history is in the other sessions: only `--district` reads the folder.
    let folder = match district {
        Some(_) => match store::load_dir_with(&ctx.dir, &ctx.limits) {
            Ok(c) => Some(c),
            Err(e) => return fail(ctx.lang, 2, e.message(ctx.lang)),
        },
        None => None,
    };
    // A locality seen in this session alone has no history to add.
    let dossier = district
        .zip(folder.as_ref())
        .map(|(d, folder)| dossier(&folder.sessions, &d.key()))
        .filter(|d| d.visits.len() > 1);
    let opts = Options {
        history: dossier
            .as_ref()
            .zip(folder.as_ref())
            .map(|(dossier, folder)| History {
                sessions: &folder.sessions,
                dossier,
            }),
        district: district.map(|d| d.id.as_str()),
        lang: ctx.lang,
        today: ctx.today,
        ascii: args.ascii,
        handout: args.handout,
    };
    let text = report::render(session, args.format.into(), &opts);
    let _ = crate::terminal_text::out().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// `no session with the id "x"; did you mean "y"?`, else the hint to list the sessions.
fn unknown_session(given: &str, suggestions: &[String], t: &Strings) -> String {
    let mut msg = format!("{} \"{given}\"", t.unknown_session);
    if suggestions.is_empty() {
        msg.push_str(&format!("; {}", t.see_list));
    } else {
        let quoted: Vec<String> = suggestions.iter().map(|s| format!("\"{s}\"")).collect();
        msg.push_str(&format!("; {} {}?", t.did_you_mean, quoted.join(", ")));
    }
    msg
}

/// The locality of `session` that `given` names: its id, else its name or its level and name
/// (`huyện Đầm Hà`, `Dam Ha district`), accents and case aside. `Err`: every locality that
/// name fits (none, or more than one).
fn locality<'s>(session: &'s Session, given: &str) -> Result<&'s District, Vec<&'s District>> {
    if let Some(d) = session.districts.iter().find(|d| d.id == given) {
        return Ok(d);
    }
    let wanted = fold(given.trim());
    let fits = |d: &District| {
        slug(given) == d.id.as_str()
            || [Lang::Vi, Lang::En]
                .iter()
                .any(|&lang| fold(&d.name) == wanted || fold(&locality_title(d, lang)) == wanted)
    };
    let found: Vec<&District> = session.districts.iter().filter(|d| fits(d)).collect();
    match found[..] {
        [one] => Ok(one),
        _ => Err(found),
    }
}

/// Why `--district` names no one locality: none (the closest id and every id), or several
/// (each with its id).
fn district_miss(session: &Session, given: &str, found: &[&District], lang: Lang) -> String {
    let t = i18n::strings(lang);
    if found.is_empty() {
        return unknown_district(session, given, t);
    }
    let listed: Vec<String> = (found.iter())
        .map(|d| format!("{} ({})", d.id, locality_title(d, lang)))
        .collect();
    t.ambiguous_district(&given, &listed.join(", "))
}

fn unknown_district(session: &Session, id: &str, t: &Strings) -> String {
    let ids: Vec<&str> = session.districts.iter().map(|d| d.id.as_str()).collect();
    let mut msg = format!("{} \"{id}\"", t.unknown_district);
    if let Some(g) = closest(id, ids.iter().copied()) {
        msg.push_str(&format!("; {} \"{g}\"?", t.did_you_mean));
    }
    if !ids.is_empty() {
        msg.push_str(&format!(" ({}: {})", t.known_ids, ids.join(", ")));
    }
    msg
}
