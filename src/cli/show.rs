//! `briefing show`: one session's briefing for printing, e-mail or `less`.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::i18n::{self, Strings};
use crate::model::Session;
use crate::report::{self, Format, Options};
use crate::store::{self, validate::closest};

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Session id: the file's path below the folder without `.toml` (see `briefing list`);
    /// the file name alone is enough when it is unique
    #[arg(value_name = "SESSION_ID")]
    pub session: String,

    /// Only this district (its id, e.g. `dam-ha`); the session-wide parts stay
    #[arg(long, value_name = "ID")]
    pub district: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,

    /// ASCII gauges and symbols (`#######--- 80%`) for printers and limited fonts
    #[arg(long)]
    pub ascii: bool,

    /// For a public handout: leave out directive ids and who checked directives off
    #[arg(long)]
    pub handout: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
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

pub fn run(ctx: &Context, args: &ShowArgs) -> ExitCode {
    let catalog = match store::load_dir_with(&ctx.dir, &ctx.limits) {
        Ok(c) => c,
        Err(e) => return fail(2, e),
    };
    let t = i18n::strings(ctx.lang);
    let session = match find_session(&catalog.sessions, &args.session) {
        Ok(s) => s,
        Err(()) => match catalog.load_error(&args.session) {
            Some(problem) => return fail(1, format!("{}: {problem}", t.not_loaded)),
            None => return fail(1, unknown_session(&catalog.sessions, &args.session, t)),
        },
    };
    if let Some(id) = &args.district
        && !session.districts.iter().any(|d| &d.id == id)
    {
        return fail(1, unknown_district(session, id, t));
    }
    let opts = Options {
        district: args.district.as_deref(),
        lang: ctx.lang,
        today: ctx.today,
        ascii: args.ascii,
        handout: args.handout,
    };
    let text = report::render(session, args.format.into(), &opts);
    let _ = crate::safe::out().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// The session with id `id`, or the only one whose file name is `id`.
fn find_session<'a>(sessions: &'a [Session], id: &str) -> Result<&'a Session, ()> {
    let id = id.trim_end_matches(".toml");
    if let Some(s) = sessions.iter().find(|s| s.id == id) {
        return Ok(s);
    }
    let mut by_name = sessions.iter().filter(|s| file_name(&s.id) == id);
    match (by_name.next(), by_name.next()) {
        (Some(s), None) => Ok(s),
        _ => Err(()),
    }
}

fn file_name(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

fn unknown_session(sessions: &[Session], id: &str, t: &Strings) -> String {
    let ids = sessions.iter().map(|s| s.id.as_str());
    let guess = closest(id, ids).or_else(|| {
        let names = sessions.iter().map(|s| file_name(&s.id));
        let name = closest(file_name(id), names)?;
        sessions
            .iter()
            .map(|s| s.id.as_str())
            .find(|s| file_name(s) == name)
    });
    let mut msg = format!("{} \"{id}\"", t.unknown_session);
    match guess {
        Some(g) => msg.push_str(&format!("; {} \"{g}\"?", t.did_you_mean)),
        None => msg.push_str(&format!("; {}", t.see_list)),
    }
    msg
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
