//! The key help: what was offered on the screen below, with the keys bound to each.

use ratatui::Frame;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::{OFFERS, Pager};
use crate::i18n;
use crate::input::Command;
use crate::screens::{Ctx, Intent, Offer, View};
use crate::ui::text::{pad, wrap};
use crate::ui::theme::Theme;
use crate::ui::tone::{Tone, Toned};

#[derive(Debug)]
pub struct Help {
    /// The commands of the screen it was opened on, in the order offered.
    commands: Vec<Command>,
    pager: Pager,
}

impl Help {
    pub fn new(commands: Vec<Command>) -> Self {
        Help {
            commands,
            pager: Pager::default(),
        }
    }

    pub fn offset(&self) -> usize {
        self.pager.offset()
    }

    /// Each command: its keys, then what it does, wrapped to `width`.
    fn lines(&self, ctx: &Ctx, width: usize) -> Vec<Toned> {
        let rows: Vec<(String, &'static str)> = (self.commands.iter())
            .map(|&c| {
                let keys = match c {
                    Command::JumpTab(_) => "1 … 9".to_string(),
                    _ => {
                        let labels: Vec<String> =
                            ctx.keymap.keys(c).iter().map(|k| k.label()).collect();
                        labels.join(", ")
                    }
                };
                (keys, c.text(ctx.lang).help)
            })
            .collect();
        let key_width = (rows.iter().map(|(k, _)| k.width()).max())
            .unwrap_or(0)
            .min(width / 2);
        let mut out = Vec::new();
        for (keys, what) in rows {
            for (i, part) in wrap(what, width.saturating_sub(key_width + 3))
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 {
                    format!(" {keys}{}  ", pad(&keys, key_width))
                } else {
                    " ".repeat(key_width + 3)
                };
                out.push(Toned::one(lead, Tone::Accent).and(part, Tone::Plain));
            }
        }
        out
    }
}

impl View for Help {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        OFFERS.to_vec()
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let mut pager = self.pager;
        let intent = pager.command(ctx, c, |ctx, width| self.lines(ctx, width));
        self.pager = pager;
        intent
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let mut pager = self.pager;
        pager.refresh(ctx, |ctx, width| self.lines(ctx, width));
        self.pager = pager;
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let (width, _) = super::inner_size(area);
        let title = i18n::strings(ctx.lang).keys_title;
        let lines = self.lines(ctx, width);
        self.pager.draw(frame, (area, ctx), title, lines, theme);
    }
}
