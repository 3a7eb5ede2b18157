//! Drawing: `render(&App)` paints a frame and never changes the app.

pub mod cells;
pub mod directive;
pub mod gauge;
pub mod hints;
pub mod overlay;
pub mod review;
pub mod search;
pub mod session;
pub mod sessions;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Screen, layout};
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, app: &App) {
    draw(frame, app);
    cells::clean(frame.buffer_mut());
}

fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    if layout::too_small(area) {
        render_too_small(frame, app, area);
        return;
    }
    let f = layout::frame(area);
    match &app.screen {
        Screen::Sessions => sessions::render(frame, app, area),
        Screen::Session(view) => match app.catalog.sessions.get(view.session) {
            Some(s) => session::render(frame, app, s, view, area),
            None => sessions::render(frame, app, area),
        },
        Screen::Due(_) | Screen::District { .. } => review::render(frame, app, area),
        Screen::Search(view) => search::render(frame, app, view, area),
    }
    if let Some(overlay) = app.overlay {
        overlay::render(frame, app, overlay, f.body);
    }
    hints::render(frame, app, f.status, f.hints);
}

fn render_too_small(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let msg = i18n::too_small(app.lang, layout::MIN_WIDTH, layout::MIN_HEIGHT);
    frame.render_widget(
        Paragraph::new(Line::from(msg)).wrap(Wrap { trim: true }),
        area,
    );
}
