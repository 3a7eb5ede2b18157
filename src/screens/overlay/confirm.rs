//! Un-checking a done directive asks first, naming who checked it off and when, so a stray
//! Space never erases a check-off unseen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{dialog_width, draw_dialog};
use crate::i18n;
use crate::input::Command;
use crate::model::{Directive, DirectiveKey};
use crate::present::numbers;
use crate::screens::{Ctx, Intent, Offer, View};
use crate::ui::text::wrap;
use crate::ui::theme::Theme;

/// The question: un-check this directive of this session? It holds the directive's ids and
/// the directive as it was asked about, so a reload that moves, removes or changes it is seen.
#[derive(Debug)]
pub struct Confirm {
    key: DirectiveKey,
    asked: Directive,
}

impl Confirm {
    pub fn new(key: DirectiveKey, asked: Directive) -> Self {
        Confirm { key, asked }
    }

    pub fn key(&self) -> &DirectiveKey {
        &self.key
    }

    fn directive<'c>(&self, ctx: &'c Ctx) -> Option<&'c Directive> {
        let session = ctx.catalog.session(&self.key.session)?;
        session.directive(session.find_directive(&self.key.directive)?)
    }

    /// The directive asked about is still there, done, and says what it said: the answer may
    /// act on it. Who checked it off and when may change meanwhile (our own save confirming
    /// it); the question shows them as they are.
    pub(crate) fn still_holds(&self, ctx: &Ctx) -> bool {
        self.directive(ctx)
            .is_some_and(|d| d.done && unstamped(d) == unstamped(&self.asked))
    }
}

/// `d` without who checked it off and when.
fn unstamped(d: &Directive) -> Directive {
    let mut d = d.clone();
    d.more.done_at = None;
    d.more.done_by = None;
    d
}

/// `Checked off by lan at 09:15 on 20/03/2024.`, or that it is checked off when the file
/// does not say by whom or when.
fn who_and_when(ctx: &Ctx, d: &Directive) -> String {
    let t = i18n::strings(ctx.lang);
    match (&d.more.done_by, d.more.done_at) {
        (Some(by), Some(at)) => {
            t.confirm_checked_by(by, &at.format("%H:%M"), &numbers::date(at.date_naive()))
        }
        (Some(by), None) => format!("{} {by}.", t.checked_by),
        _ => t.confirm_checked.to_string(),
    }
}

impl View for Confirm {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        vec![Offer::hint(Command::Toggle), Offer::hint(Command::Back)]
    }

    fn command(&mut self, _ctx: &Ctx, c: Command) -> Intent {
        match c {
            Command::Open | Command::Toggle => Intent::Uncheck(self.key.clone()),
            Command::Back | Command::Quit | Command::PrevTab => Intent::Back,
            _ => Intent::None,
        }
    }

    fn refresh(&mut self, _ctx: &Ctx) {}

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let t = i18n::strings(ctx.lang);
        let room = usize::from(dialog_width(area)).saturating_sub(4);
        let mut lines: Vec<Line<'static>> = Vec::new();
        if let Some(d) = self.directive(ctx) {
            for part in wrap(&format!("“{}”", d.text), room) {
                lines.push(Line::from(format!(" {part}")));
            }
            lines.push(Line::default());
            for part in wrap(&who_and_when(ctx, d), room) {
                lines.push(Line::from(Span::styled(format!(" {part}"), theme.done())));
            }
        }
        lines.push(Line::default());
        for part in wrap(t.confirm_keys, room) {
            lines.push(Line::from(Span::styled(format!(" {part}"), theme.accent())));
        }
        draw_dialog(frame, (area, t.confirm_uncheck_title), lines, theme);
    }
}
