//! The district chooser: every district across sessions with its counts; Enter opens its
//! district view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{OFFERS, draw_popup, inner_size};
use crate::i18n;
use crate::input::Command;
use crate::present::truncate;
use crate::screens::nav::moved;
use crate::screens::review::count_title;
use crate::screens::review::rows::districts;
use crate::screens::{Ctx, Intent, Offer, View, without_tabs};
use crate::ui::text::gap;
use crate::ui::theme::Theme;

#[derive(Debug, Default)]
pub struct Chooser {
    selected: usize,
}

impl Chooser {
    pub fn selected(&self) -> usize {
        self.selected
    }
}

impl View for Chooser {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        OFFERS.to_vec()
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let c = without_tabs(c);
        let districts = districts(&ctx.catalog.sessions, ctx.today);
        let (_, height) = inner_size(ctx.area);
        if let Some(to) = moved(self.selected, districts.len(), height.max(1), c) {
            self.selected = to;
            return Intent::None;
        }
        match c {
            Command::Back | Command::Quit | Command::FilterDistrict => Intent::Back,
            Command::Open => match districts.get(self.selected) {
                Some(d) => Intent::OpenDistrict(d.key.clone()),
                None => Intent::None,
            },
            _ => Intent::None,
        }
    }

    /// A click on a locality selects it; on the selected one, opens its view.
    fn click(&mut self, ctx: &Ctx, _column: u16, row: u16) -> Intent {
        let count = districts(&ctx.catalog.sessions, ctx.today).len();
        let area = super::popup_for(ctx.area, count);
        let (_, height) = inner_size(ctx.area);
        let top = area.y + 1;
        if row < top || usize::from(row - top) >= height {
            return Intent::None;
        }
        let offset = self.selected.saturating_sub(height.saturating_sub(1));
        let at = offset + usize::from(row - top);
        if at >= districts(&ctx.catalog.sessions, ctx.today).len() {
            return Intent::None;
        }
        if at == self.selected {
            return self.command(ctx, Command::Open);
        }
        self.selected = at;
        Intent::None
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let count = districts(&ctx.catalog.sessions, ctx.today).len();
        self.selected = self.selected.min(count.saturating_sub(1));
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let t = i18n::strings(ctx.lang);
        let (width, height) = inner_size(area);
        let lines: Vec<Line<'static>> = (districts(&ctx.catalog.sessions, ctx.today).iter())
            .enumerate()
            .map(|(i, d)| {
                let counts = format!(
                    "{:>3} {}  {:>4} {}  {:>3} {}",
                    d.sessions, t.sessions_short, d.open, t.open_count, d.overdue, t.overdue
                );
                let name = truncate(
                    &format!(" {}", count_title(ctx, d)),
                    width.saturating_sub(counts.width() + 2),
                );
                let gap = gap(width, name.width() + 1, counts.width());
                let line = Line::from(vec![
                    Span::styled(name, theme.title()),
                    Span::raw(gap),
                    Span::styled(counts, theme.muted()),
                ]);
                if i == self.selected {
                    line.patch_style(theme.selected())
                } else {
                    line
                }
            })
            .collect();
        // The selection stays in view.
        let offset = self.selected.saturating_sub(height.saturating_sub(1));
        let title = t.choose_district;
        draw_popup(frame, (area, ctx), title, lines, offset, theme);
    }
}
