//! `briefing check`: report every problem in the briefing folder.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::i18n;
use crate::store::Diagnostic;
use crate::store::cache::Part;
use crate::terminal_text;

pub(super) fn run(ctx: &Context) -> ExitCode {
    let catalog = match super::load_folder(ctx, Part::Whole) {
        Ok(c) => c,
        Err(e) => return fail(ctx.lang, 2, e.message(ctx.lang)),
    };
    let carets = terminal_text::out_is_terminal();
    let mut out = terminal_text::out();
    for d in in_reading_order(&catalog.diagnostics) {
        let _ = writeln!(out, "{}", terminal_text::one_line(&with_folder(ctx, d)));
        if carets {
            let _ = write!(out, "{}", caret(d));
        }
    }
    let t = i18n::strings(ctx.lang);
    let _ = writeln!(
        out,
        "{} {}: {} {}, {} {}, {} {}",
        catalog.files,
        counted(catalog.files, t.files_checked_one, t.files_checked),
        catalog.sessions.len(),
        counted(
            catalog.sessions.len(),
            t.sessions_loaded_one,
            t.sessions_loaded
        ),
        catalog.error_count(),
        counted(catalog.error_count(), t.errors_one, t.errors),
        catalog.warning_count(),
        counted(catalog.warning_count(), t.warnings_one, t.warnings),
    );
    let code = if catalog.error_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    super::leave_to_the_exit(catalog);
    code
}

/// The word after a count: `one` for 1 (`1 file checked`), else `many`.
fn counted(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// The problems by file, then line, then column, as an editor lists them; a file's problem
/// without a place (it could not be read) before those with one.
fn in_reading_order(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    let place = |d: &Diagnostic| d.location.as_ref().map(|l| (l.line, l.column));
    sorted.sort_by(|a, b| {
        (a.path.split('/').cmp(b.path.split('/'))).then_with(|| place(a).cmp(&place(b)))
    });
    sorted
}

/// The diagnostic's line in the reader's language, its path joined to the folder so editors
/// can open it.
fn with_folder(ctx: &Context, d: &Diagnostic) -> String {
    let mut d = d.clone();
    d.path = match d.path.as_str() {
        "." => ctx.dir.display().to_string(),
        rel => ctx.dir.join(rel).display().to_string(),
    };
    d.line(ctx.lang)
}

/// rustc-style source line with a caret under the column.
fn caret(d: &Diagnostic) -> String {
    let Some(loc) = &d.location else {
        return String::new();
    };
    let gutter = loc.line.to_string();
    let pad = " ".repeat(gutter.len());
    let before: String = loc.line_text.chars().take(loc.column - 1).collect();
    let before = terminal_text::one_line(&before);
    let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(before.as_ref()));
    let line = terminal_text::one_line(&loc.line_text);
    format!("{pad} |\n{gutter} | {line}\n{pad} | {indent}^\n")
}
