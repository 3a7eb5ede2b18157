//! The key help: what was offered on the screen below, with the keys bound to each.

use unicode_width::UnicodeWidthStr;

use super::Scrolled;
use crate::i18n;
use crate::input::Command;
use crate::screens::Ctx;
use crate::ui::text::{pad, wrap};
use crate::ui::tone::{Tone, Toned};

#[derive(Debug)]
pub struct Help {
    /// The commands of the screen it was opened on, in the order offered.
    commands: Vec<Command>,
    offset: usize,
}

impl Help {
    pub fn new(commands: Vec<Command>) -> Self {
        Help {
            commands,
            offset: 0,
        }
    }

    /// The first line in view.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl Scrolled for Help {
    fn title(&self, ctx: &Ctx) -> String {
        i18n::strings(ctx.lang).keys_title.to_string()
    }

    fn offset(&self) -> usize {
        self.offset
    }

    fn set_offset(&mut self, offset: usize) {
        self.offset = offset;
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
