//! The district chooser: every district across sessions with its counts; Enter opens its
//! district view.

use std::sync::Arc;

use chrono::NaiveDate;
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
use crate::screens::review::rows::{DistrictCount, districts};
use crate::screens::{Ctx, Intent, Offer, View, without_tabs};
use crate::ui::text::gap;
use crate::ui::theme::Theme;

/// The localities with their counts, and the revision and day they were counted for.
type Counted = ((u64, NaiveDate), Arc<Vec<DistrictCount>>);

#[derive(Debug, Default)]
pub struct Chooser {
    selected: usize,
    /// Every locality with its counts, as last counted (every session of the folder is read),
    /// with the revision and day they were counted for; filled by `command` and `refresh`.
    counted: Option<Counted>,
}

impl Chooser {
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The localities, as kept when counted for this state of the world, else counted now.
    fn districts(&self, ctx: &Ctx) -> Arc<Vec<DistrictCount>> {
        match &self.counted {
            Some((made, counts)) if *made == (ctx.revision, ctx.today) => counts.clone(),
            _ => Arc::new(districts(&ctx.catalog.sessions, ctx.today)),
        }
    }

    /// The localities, counted again only when the sessions or the day changed.
    fn recount(&mut self, ctx: &Ctx) -> Arc<Vec<DistrictCount>> {
        let counts = self.districts(ctx);
        self.counted = Some(((ctx.revision, ctx.today), counts.clone()));
        counts
    }
}

impl View for Chooser {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        OFFERS.to_vec()
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let c = without_tabs(c);
        let districts = self.recount(ctx);
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
        let count = self.recount(ctx).len();
        let area = super::popup_for(ctx.area, count);
        let (_, height) = inner_size(ctx.area);
        let top = area.y + 1;
        if row < top || usize::from(row - top) >= height {
            return Intent::None;
        }
        let offset = self.selected.saturating_sub(height.saturating_sub(1));
        let at = offset + usize::from(row - top);
        if at >= count {
            return Intent::None;
        }
        if at == self.selected {
            return self.command(ctx, Command::Open);
        }
        self.selected = at;
        Intent::None
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let count = self.recount(ctx).len();
        self.selected = self.selected.min(count.saturating_sub(1));
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let t = i18n::strings(ctx.lang);
        let (width, height) = inner_size(area);
        let lines: Vec<Line<'static>> = (self.districts(ctx).iter())
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
