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

/// A pop-up that scrolls through the lines it makes (the key help, the problems, the
/// history): the same lines are counted to scroll and drawn. Each is a [`View`] through this.
trait Scrolled {
    fn title(&self, ctx: &Ctx) -> String;

    /// The lines, `width` columns wide.
    fn lines(&self, ctx: &Ctx, width: usize) -> Vec<Toned>;

    /// The first line in view.
    fn offset(&self) -> usize;

    fn set_offset(&mut self, offset: usize);

    /// The last useful first line (the last page starts there) at the terminal's size `area`.
    fn last_offset(&self, ctx: &Ctx, area: Rect) -> usize {
        let (width, height) = inner_size(area);
        self.lines(ctx, width).len().saturating_sub(height)
    }
}

impl<T: Scrolled> View for T {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        OFFERS.to_vec()
    }

    /// Scrolls by one command; `Intent::Back` for the commands that close the pop-up.
    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let page = inner_size(ctx.area).1.max(1);
        let (offset, last) = (self.offset(), self.last_offset(ctx, ctx.area));
        let to = match c {
            Command::Up => offset.saturating_sub(1),
            Command::Down => offset + 1,
            Command::PageUp => offset.saturating_sub(page),
            Command::PageDown => offset + page,
            Command::First => 0,
            Command::Last => last,
            Command::Back
            | Command::Quit
            | Command::Help
            | Command::Diagnostics
            | Command::History => return Intent::Back,
            _ => offset,
        };
        self.set_offset(to.min(last));
        Intent::None
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let last = self.last_offset(ctx, ctx.area);
        self.set_offset(self.offset().min(last));
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let (width, _) = inner_size(area);
        let offset = self.offset().min(self.last_offset(ctx, area));
        let lines = self
            .lines(ctx, width)
            .iter()
            .map(|l| theme.paint(l))
            .collect();
        draw_popup(frame, (area, ctx), &self.title(ctx), lines, offset, theme);
    }
}
