//! The files with problems: every diagnostic of the last load, `path:line:col` then its
//! message.

use super::Scrolled;
use crate::i18n;
use crate::model::Status;
use crate::screens::Ctx;
use crate::ui::text::wrap;
use crate::ui::tone::{Tone, Toned};

#[derive(Debug, Default)]
pub struct Problems;

impl Scrolled for Problems {
    fn title(&self, ctx: &Ctx) -> String {
        i18n::strings(ctx.lang).problems_title.to_string()
    }

    fn lines(&self, ctx: &Ctx, width: usize) -> Vec<Toned> {
        lines(ctx, width)
    }
}

fn lines(ctx: &Ctx, width: usize) -> Vec<Toned> {
    if ctx.catalog.diagnostics.is_empty() {
        let none = format!(" {}", i18n::strings(ctx.lang).no_problems);
        return vec![Toned::one(none, Tone::Plain)];
    }
    let mut out = Vec::new();
    for d in &ctx.catalog.diagnostics {
        let tone = if d.is_error() {
            Tone::Overdue
        } else {
            Tone::Status(Status::Near)
        };
        out.push(
            Toned::one(format!(" {}", d.place()), Tone::Title)
                .and(format!(" {}", d.severity.word(ctx.lang)), tone),
        );
        for part in wrap(&d.message(ctx.lang), width.saturating_sub(3)) {
            out.push(Toned::one(format!("   {part}"), Tone::Plain));
        }
    }
    out
}
