//! Where each part of a screen goes, as a pure function of the terminal size.
//! Navigation uses it to know how much fits; drawing uses it to place widgets.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

use super::doc;

/// Below this size the app shows a "terminal too small" message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// At or above this width the session preview sits beside the list.
pub const WIDE: u16 = 110;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Status line and hint bar at the bottom of every screen.
pub struct Frame {
    pub body: Rect,
    pub status: Rect,
    pub hints: Rect,
}

pub fn frame(area: Rect) -> Frame {
    let [body, status, hints] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Frame {
        body,
        status,
        hints,
    }
}

pub struct SessionsLayout {
    pub header: Rect,
    pub list: Rect,
    pub preview: Rect,
}

pub fn sessions(area: Rect, rows: usize) -> SessionsLayout {
    let f = frame(area);
    let [header, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(f.body);
    let (list, preview) = if area.width >= WIDE {
        let [l, p] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(body);
        (l, p)
    } else {
        let wanted = u16::try_from(rows + 2).unwrap_or(u16::MAX);
        let list_height = wanted.clamp(3, (body.height * 2 / 5).max(3));
        let [l, p] = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(list_height), Constraint::Min(0)])
            .areas(body);
        (l, p)
    };
    SessionsLayout {
        header,
        list,
        preview,
    }
}

/// Rows of the session list that fit inside its border.
pub fn list_rows(area: Rect, rows: usize) -> usize {
    usize::from(sessions(area, rows).list.height.saturating_sub(2)).max(1)
}

pub struct SessionLayout {
    pub title: Rect,
    pub meta: Rect,
    pub tabs: Rect,
    pub content: Rect,
}

/// The start of `title` that can fill the header's (at most two) lines at
/// `width`, so that wrapping costs the same for a title of any length.
pub fn title_head(title: &str, width: u16) -> &str {
    let keep = usize::from(width).saturating_mul(3);
    match title.char_indices().nth(keep) {
        Some((end, _)) => &title[..end],
        None => title,
    }
}

/// Title lines shown in the session header (wrapped, at most two).
pub fn title_lines(title: &str, width: u16) -> usize {
    doc::wrap(
        title_head(title, width),
        usize::from(width.saturating_sub(2)),
    )
    .len()
    .clamp(1, 2)
}

pub fn session(area: Rect, title: &str) -> SessionLayout {
    let f = frame(area);
    let title_height = u16::try_from(title_lines(title, area.width)).unwrap_or(1);
    let [title, meta, tabs, content] = Layout::vertical([
        Constraint::Length(title_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(f.body);
    SessionLayout {
        title,
        meta,
        tabs,
        content,
    }
}

pub struct ReviewLayout {
    pub header: Rect,
    pub list: Rect,
}

/// The review and search screens: a header line (or the query), then one row per line.
pub fn review(area: Rect) -> ReviewLayout {
    let f = frame(area);
    let [header, list] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(f.body);
    ReviewLayout { header, list }
}
