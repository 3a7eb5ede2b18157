//! Pop-ups over the current screen: the key help, the files with problems, a directive's
//! history, the district chooser, the question before un-checking, and the progress form. Each is a [`View`] of its own.

mod confirm;
mod districts;
mod help;
mod history;
mod problems;
mod progress;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::nav::moved;
use super::{Ctx, Intent, Offer, View, frame, without_tabs};
use crate::i18n;
use crate::input::Command;
use crate::ui::theme::Theme;
use crate::ui::tone::Toned;

pub(crate) use confirm::Confirm;
pub(crate) use districts::Chooser;
pub(crate) use help::Help;
pub use history::HistoryRequest;
pub(crate) use history::HistoryView;
pub(crate) use problems::Problems;
pub(crate) use progress::ProgressForm;

/// The pop-up on top, if any.
#[derive(Debug)]
pub enum Overlay {
    Help(Scroll<Help>),
    Problems(Scroll<Problems>),
    History(Scroll<HistoryView>),
    Districts(Chooser),
    Confirm(Confirm),
    Progress(ProgressForm),
}

/// `$then` with `$o` bound to the pop-up inside `$overlay`, whichever it is.
macro_rules! each_overlay {
    ($overlay:expr, $o:ident => $then:expr) => {
        match $overlay {
            Overlay::Help($o) => $then,
            Overlay::Problems($o) => $then,
            Overlay::History($o) => $then,
            Overlay::Districts($o) => $then,
            Overlay::Confirm($o) => $then,
            Overlay::Progress($o) => $then,
        }
    };
}

impl Overlay {
    pub(crate) fn view(&self) -> &dyn View {
        each_overlay!(self, o => o)
    }

    pub(crate) fn view_mut(&mut self) -> &mut dyn View {
        each_overlay!(self, o => o)
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
    let width = area.width.saturating_sub(4).min(120);
    let height = area.height;
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

/// The pop-up's box for `lines` lines: as tall as they need, at most the whole screen.
fn popup_for(area: Rect, lines: usize) -> Rect {
    let full = popup(area);
    let height = u16::try_from(lines + 2)
        .unwrap_or(u16::MAX)
        .min(full.height);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(crate::screens::frame(area).body);
    Rect {
        y: row.y,
        height,
        ..full
    }
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
    let area = popup_for(area, lines.len());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.accent())
        .title(format!(" {title} "))
        .title_bottom(format!(" {} ", i18n::strings(ctx.lang).close_hint));
    let visible: Vec<Line<'static>> = lines.into_iter().skip(offset).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(visible).block(block), area);
}

/// A small box in the middle of the screen, as tall as its `lines` (a question, a form).
fn draw_dialog(
    frame: &mut Frame<'_>,
    (area, title): (Rect, &str),
    lines: Vec<Line<'static>>,
    theme: &Theme,
) {
    let dialog = dialog_rect(area, lines.len());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.accent())
        .title(format!(" {title} "));
    frame.render_widget(Clear, dialog);
    frame.render_widget(Paragraph::new(lines).block(block), dialog);
}

/// Where a dialog of `lines` lines goes at the terminal's size `area`, its border included.
fn dialog_rect(area: Rect, lines: usize) -> Rect {
    let body = crate::screens::frame(area).body;
    let wanted = u16::try_from(lines + 2).unwrap_or(u16::MAX);
    let [row] = Layout::vertical([Constraint::Length(wanted.min(body.height))])
        .flex(Flex::Center)
        .areas(body);
    let width = dialog_width(area);
    let [dialog] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    dialog
}

/// The width of a question's box at the terminal's size `area`.
fn dialog_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(72)
}

/// What a scrolling pop-up shows (the key help, the problems, the history): the same lines
/// are counted to scroll and drawn. Each is a [`View`] inside a [`Scroll`].
trait Scrolled {
    fn title(&self, ctx: &Ctx) -> String;

    /// The lines, `width` columns wide.
    fn lines(&self, ctx: &Ctx, width: usize) -> Vec<Toned>;
}

/// A scrolling pop-up: what it shows, and the first line in view.
#[derive(Debug)]
pub struct Scroll<T> {
    content: T,
    offset: usize,
}

impl<T> Scroll<T> {
    /// `content` from its first line.
    pub(crate) fn new(content: T) -> Self {
        Scroll { content, offset: 0 }
    }

    /// The first line in view.
    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn content(&self) -> &T {
        &self.content
    }

    pub(crate) fn content_mut(&mut self) -> &mut T {
        &mut self.content
    }
}

/// The last useful first line of `content` (the last page starts there) at the terminal's
/// size `area`.
fn last_offset(content: &impl Scrolled, ctx: &Ctx, area: Rect) -> usize {
    let (width, height) = inner_size(area);
    content.lines(ctx, width).len().saturating_sub(height)
}

impl<T: Scrolled> View for Scroll<T> {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        OFFERS.to_vec()
    }

    /// Scrolls by one command; `Intent::Back` for the commands that close the pop-up.
    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let c = without_tabs(c);
        let page = inner_size(ctx.area).1.max(1);
        let (offset, last) = (self.offset, last_offset(&self.content, ctx, ctx.area));
        match c {
            Command::Back
            | Command::Quit
            | Command::Help
            | Command::Diagnostics
            | Command::History => return Intent::Back,
            _ => {}
        }
        let to = moved(offset, last + 1, page, c).unwrap_or(offset);
        self.offset = to.min(last);
        Intent::None
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let last = last_offset(&self.content, ctx, ctx.area);
        self.offset = self.offset.min(last);
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let (width, _) = inner_size(area);
        let offset = self.offset.min(last_offset(&self.content, ctx, area));
        let lines = (self.content.lines(ctx, width))
            .iter()
            .map(|l| theme.paint(l))
            .collect();
        let title = self.content.title(ctx);
        draw_popup(frame, (area, ctx), &title, lines, offset, theme);
    }
}
