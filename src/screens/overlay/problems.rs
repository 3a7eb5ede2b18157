//! The files with problems: every diagnostic of the last load, `path:line:col` then its
//! message.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{OFFERS, Pager};
use crate::i18n;
use crate::input::Command;
use crate::model::Status;
use crate::screens::{Ctx, Intent, Offer, View};
use crate::ui::text::wrap;
use crate::ui::theme::Theme;
use crate::ui::tone::{Tone, Toned};

#[derive(Debug, Default)]
pub struct Problems {
    pager: Pager,
}

impl Problems {
    pub fn offset(&self) -> usize {
        self.pager.offset()
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
                .and(format!(" {}", d.severity), tone),
        );
        for part in wrap(&d.message, width.saturating_sub(3)) {
            out.push(Toned::one(format!("   {part}"), Tone::Plain));
        }
    }
    out
}

impl View for Problems {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        OFFERS.to_vec()
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        self.pager.command(ctx, c, lines)
    }

    fn refresh(&mut self, ctx: &Ctx) {
        self.pager.refresh(ctx, lines);
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let (width, _) = super::inner_size(area);
        let title = i18n::strings(ctx.lang).problems_title;
        self.pager
            .draw(frame, (area, ctx), title, lines(ctx, width), theme);
    }
}
