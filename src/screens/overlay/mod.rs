//! Pop-ups over the current screen: the key help, the files with problems, a directive's
//! check-off history, and the district chooser. Each is a [`View`] of its own.

mod districts;
mod help;
mod history;
mod problems;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Ctx, Intent, Offer, View, frame};
use crate::i18n;
use crate::input::Command;
use crate::ui::theme::Theme;
use crate::ui::tone::Toned;

pub use districts::Chooser;
pub use help::Help;
pub use history::{HistoryRequest, HistoryView};
pub use problems::Problems;

/// The pop-up on top, if any.
#[derive(Debug)]
pub enum Overlay {
    Help(Help),
    Problems(Problems),
    History(HistoryView),
    Districts(Chooser),
}

impl Overlay {
    pub(crate) fn view(&self) -> &dyn View {
        match self {
            Overlay::Help(o) => o,
            Overlay::Problems(o) => o,
            Overlay::History(o) => o,
            Overlay::Districts(o) => o,
        }
    }

    pub(crate) fn view_mut(&mut self) -> &mut dyn View {
        match self {
            Overlay::Help(o) => o,
            Overlay::Problems(o) => o,
            Overlay::History(o) => o,
            Overlay::Districts(o) => o,
        }
    }
}

/// What every pop-up hints at.
const OFFERS: [Offer; 3] = [
    Offer::hint(Command::Back),
    Offer::hint(Command::Down),
    Offer::hint(Command::Up),
];

/// The pop-up's box, centred over the screen of a terminal of size `area`.
fn popup(area: Rect) -> Rect {
    let area = frame(area).body;
    let width = area.width.saturating_sub(4).min(100);
    let height = area.height.saturating_sub(2);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    popup
}

/// The columns and rows inside the pop-up's border.
fn inner_size(area: Rect) -> (usize, usize) {
    let popup = popup(area);
    (
        usize::from(popup.width.saturating_sub(2)),
        usize::from(popup.height.saturating_sub(2)),
    )
}

/// Draws a pop-up titled `title` holding `lines`, from `offset` on.
fn draw_popup(
    frame: &mut Frame<'_>,
    (area, ctx): (Rect, &Ctx),
    title: &str,
    lines: Vec<Line<'static>>,
    offset: usize,
    theme: &Theme,
) {
    let area = popup(area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.accent())
        .title(format!(" {title} "))
        .title_bottom(format!(" {} ", i18n::strings(ctx.lang).close_hint));
    let visible: Vec<Line<'static>> = lines.into_iter().skip(offset).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(visible).block(block), area);
}

/// The scroll of a pop-up whose lines are made by `lines(ctx, width)`; the same lines are
/// counted to scroll and drawn.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pager {
    offset: usize,
}

impl Pager {
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Scrolls by one command; `Intent::Back` for the commands that close the pop-up.
    fn command(
        &mut self,
        ctx: &Ctx,
        c: Command,
        lines: impl Fn(&Ctx, usize) -> Vec<Toned>,
    ) -> Intent {
        let (width, height) = inner_size(ctx.area);
        let page = height.max(1);
        let last = lines(ctx, width).len().saturating_sub(height);
        self.offset = match c {
            Command::Up => self.offset.saturating_sub(1),
            Command::Down => self.offset + 1,
            Command::PageUp => self.offset.saturating_sub(page),
            Command::PageDown => self.offset + page,
            Command::First => 0,
            Command::Last => last,
            Command::Back
            | Command::Quit
            | Command::Help
            | Command::Diagnostics
            | Command::History => return Intent::Back,
            _ => self.offset,
        }
        .min(last);
        Intent::None
    }

    fn refresh(&mut self, ctx: &Ctx, lines: impl Fn(&Ctx, usize) -> Vec<Toned>) {
        let (width, height) = inner_size(ctx.area);
        self.offset = self
            .offset
            .min(lines(ctx, width).len().saturating_sub(height));
    }

    fn draw(
        &self,
        frame: &mut Frame<'_>,
        (area, ctx): (Rect, &Ctx),
        title: &str,
        lines: Vec<Toned>,
        theme: &Theme,
    ) {
        let (_, height) = inner_size(area);
        let offset = self.offset.min(lines.len().saturating_sub(height));
        let painted = lines.iter().map(|l| theme.paint(l)).collect();
        draw_popup(frame, (area, ctx), title, painted, offset, theme);
    }
}
