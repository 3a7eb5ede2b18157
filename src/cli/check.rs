//! `briefing check`: report every problem in the briefing folder.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, fail};
use crate::i18n;
use crate::safe;
use crate::store::{self, Diagnostic};

pub(super) fn run(ctx: &Context) -> ExitCode {
    let catalog = match store::load_dir_with(&ctx.dir, &ctx.limits) {
        Ok(c) => c,
        Err(e) => return fail(ctx.lang, 2, e.message(ctx.lang)),
    };
    let carets = safe::out_is_terminal();
    let mut out = safe::out();
    for d in &catalog.diagnostics {
        let _ = writeln!(out, "{}", safe::one_line(&with_folder(ctx, d)));
        if carets {
            let _ = write!(out, "{}", caret(d));
        }
    }
    let t = i18n::strings(ctx.lang);
    let _ = writeln!(
        out,
        "{} {}: {} {}, {} {}, {} {}",
        catalog.files,
        t.files_checked,
        catalog.sessions.len(),
        t.sessions_loaded,
        catalog.error_count(),
        t.errors,
        catalog.warning_count(),
        t.warnings,
    );
    if catalog.error_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
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
    let before = safe::one_line(&before);
    let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(before.as_ref()));
    let line = safe::one_line(&loc.line_text);
    format!("{pad} |\n{gutter} | {line}\n{pad} | {indent}^\n")
}
