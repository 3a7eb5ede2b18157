//! `briefing show`: one session's briefing for printing, e-mail or `less`.

use std::borrow::Cow;
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
use crate::store::{self, Catalog};
use crate::terminal_text;

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
    let catalog = match store::load_dir_with(&ctx.dir, &ctx.limits) {
        Ok(c) => c,
        Err(e) => return fail(ctx.lang, 2, e.message(ctx.lang)),
    };
    let t = i18n::strings(ctx.lang);
    let session = match find(&catalog, &args.session) {
        Ok(s) => s,
        Err(Missing::NotLoaded(id)) => match catalog.load_error(&id) {
            Some(problem) => {
                return fail(
                    ctx.lang,
                    1,
                    format!("{}: {}", t.not_loaded, problem.line(ctx.lang)),
                );
            }
            None => return fail(ctx.lang, 1, unknown_session(&args.session, &[], t)),
        },
        Err(Missing::Unknown(suggestions)) => {
            return fail(ctx.lang, 1, unknown_session(&args.session, &suggestions, t));
        }
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
    // A locality seen in this session alone has no history to add.
    let dossier = district
        .map(|d| dossier(&catalog.sessions, &d.key()))
        .filter(|d| d.visits.len() > 1);
    let opts = Options {
        history: dossier.as_ref().map(|dossier| History {
            sessions: &catalog.sessions,
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

/// Why the session a person named is not shown.
enum Missing {
    /// It names a file that did not load (by its id as printed).
    NotLoaded(String),
    /// It names no briefing; the ids to suggest.
    Unknown(Vec<String>),
}

/// The session `given` names among the loaded ones and the files that did not load, found as
/// `done` finds it ([`store::find_session`]). Ids are compared as printed (risky characters
/// written visibly), the form the files that did not load are known by.
fn find<'c>(catalog: &'c Catalog, given: &str) -> Result<&'c Session, Missing> {
    let loaded: Vec<Cow<'_, str>> = catalog
        .sessions
        .iter()
        .map(|s| terminal_text::escape(&s.id))
        .collect();
    let failed = catalog
        .failed_files()
        .into_iter()
        .filter_map(|path| store::files::id_of_file(path));
    let known: Vec<&str> = loaded.iter().map(|id| id.as_ref()).chain(failed).collect();
    let id =
        store::find_session(&terminal_text::escape(given), &known).map_err(Missing::Unknown)?;
    match loaded.iter().position(|shown| shown == id) {
        Some(at) => Ok(&catalog.sessions[at]),
        None => Err(Missing::NotLoaded(id.to_string())),
    }
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
