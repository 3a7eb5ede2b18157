//! The review screens: what is due, and everything given to one district.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::text::truncate;
use crate::app::review::{DistrictCount, Heading, Row};
use crate::app::{App, Screen, layout};
use crate::i18n;
use crate::model::{Directive, Session, format};
use crate::search::Target;

pub fn render(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let (title, list) = match &app.screen {
        Screen::Due(list) => (i18n::strings(app.lang).due_title.to_string(), *list),
        Screen::District { id, list } => (district_title(app, id), *list),
        _ => return,
    };
    let l = layout::review(area);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {title}"),
            app.theme.heading(),
        ))),
        l.header,
    );
    let width = usize::from(l.list.width);
    let rows = app.review_rows();
    let lines: Vec<Line<'static>> = rows
        .iter()
        .enumerate()
        .skip(list.offset)
        .take(usize::from(l.list.height))
        .map(|(i, row)| row_line(app, row, width, i == list.selected))
        .collect();
    frame.render_widget(Paragraph::new(lines), l.list);
}

fn district_title(app: &App, id: &str) -> String {
    let name = app
        .catalog
        .sessions
        .iter()
        .flat_map(|s| &s.districts)
        .find(|d| d.id == id)
        .map_or(id, |d| d.name.as_str());
    format!("{} {name}", i18n::strings(app.lang).district_title)
}

fn heading_text(app: &App, h: Heading) -> String {
    let t = i18n::strings(app.lang);
    match h {
        Heading::NextSession => t.next_session.to_string(),
        Heading::NoUpcoming => t.no_upcoming.to_string(),
        Heading::ByDistrict => t.by_district.to_string(),
        Heading::Overdue => t.overdue_directives.to_string(),
        Heading::OpenWithDue => t.open_with_due.to_string(),
        Heading::Session(i) => app
            .catalog
            .sessions
            .get(i)
            .map(|s| format!("{} · {}", format::date(s.date.day()), s.title))
            .unwrap_or_default(),
    }
}

fn row_line(app: &App, row: &Row, width: usize, selected: bool) -> Line<'static> {
    let mut line = match row {
        Row::Heading(h) => {
            return Line::from(Span::styled(
                truncate(&format!(" {}", heading_text(app, *h)), width),
                app.theme.heading(),
            ));
        }
        Row::Nothing => Line::from(Span::styled(
            format!("   {}", i18n::strings(app.lang).nothing),
            app.theme.muted(),
        )),
        Row::District(d) => district_line(app, d, width),
        Row::Item(target) => item_line(app, *target, width),
    };
    if selected {
        line = line.patch_style(app.theme.selected());
    }
    line
}

fn item_line(app: &App, target: Target, width: usize) -> Line<'static> {
    let Some(s) = app.catalog.sessions.get(target.session()) else {
        return Line::default();
    };
    match target {
        Target::Directive { directive, .. } => match s.directive(directive) {
            Some(d) => directive_line(app, s, directive.district, d, width),
            None => Line::default(),
        },
        _ => session_line(app, s, width),
    }
}

fn session_line(app: &App, s: &Session, width: usize) -> Line<'static> {
    let days = (s.date.day() - app.today).num_days();
    let left = format!(
        "   ● {} ({})  ",
        format::date(s.date.day()),
        i18n::days_until(app.lang, days)
    );
    let title = truncate(&s.title, width.saturating_sub(left.width()));
    Line::from(vec![
        Span::styled(left, app.theme.accent()),
        Span::raw(title),
    ])
}

fn district_line(app: &App, d: &DistrictCount, width: usize) -> Line<'static> {
    let t = i18n::strings(app.lang);
    let counts = format!("{} · {} {}", d.open, d.overdue, t.overdue);
    let name = truncate(
        &format!("   {}", d.name),
        width.saturating_sub(counts.width() + 2),
    );
    let gap = width.saturating_sub(name.width() + counts.width());
    let style = if d.overdue > 0 {
        app.theme.overdue()
    } else {
        app.theme.muted()
    };
    Line::from(vec![
        Span::styled(name, app.theme.title()),
        Span::raw(" ".repeat(gap)),
        Span::styled(counts, style),
    ])
}

fn directive_line(
    app: &App,
    s: &Session,
    district: Option<usize>,
    d: &Directive,
    width: usize,
) -> Line<'static> {
    let t = i18n::strings(app.lang);
    let overdue = d.is_overdue(app.today);
    let mark = if d.done { "   [x] " } else { "   [ ] " };
    let due = d.due.map(format::date).unwrap_or_default();
    let place = match district.and_then(|i| s.districts.get(i)) {
        Some(district) => district.name.clone(),
        None => t.common.to_string(),
    };
    let right = format!(
        "{}{}  {} · {}",
        if overdue { "⚠ " } else { "" },
        due,
        place,
        format::date(s.date.day())
    );
    let text = truncate(
        &d.text,
        width.saturating_sub(mark.width() + right.width() + 2),
    );
    let gap = width.saturating_sub(mark.width() + text.width() + right.width());
    let right_style = if overdue {
        app.theme.overdue()
    } else {
        app.theme.muted()
    };
    Line::from(vec![
        Span::styled(
            mark,
            if d.done {
                app.theme.done()
            } else {
                right_style
            },
        ),
        Span::raw(text),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, right_style),
    ])
}

/// Rows of the district chooser overlay.
pub fn district_choices(app: &App, selected: usize, width: usize) -> Vec<Line<'static>> {
    crate::app::review::districts(&app.catalog.sessions, app.today)
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let t = i18n::strings(app.lang);
            let counts = format!(
                "{} {} · {} · {} {}",
                d.sessions, t.sessions_short, d.open, d.overdue, t.overdue
            );
            let name = truncate(
                &format!(" {}", d.name),
                width.saturating_sub(counts.width() + 2),
            );
            let gap = width.saturating_sub(name.width() + counts.width() + 1);
            let line = Line::from(vec![
                Span::styled(name, app.theme.title()),
                Span::raw(" ".repeat(gap)),
                Span::styled(counts, app.theme.muted()),
            ]);
            if i == selected {
                line.patch_style(app.theme.selected())
            } else {
                line
            }
        })
        .collect()
}

/// Scroll for the chooser: the selection stays in view.
pub fn choice_offset(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}
