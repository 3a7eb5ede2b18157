//! The sessions screen: the list (newest first) and a preview of the selected session.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::text::truncate;
use crate::app::{App, Loading, layout};
use crate::i18n;
use crate::model::{Session, format};

pub fn render(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let l = layout::sessions(area, app.visible_sessions().len());
    render_header(frame, app, l.header);
    let t = i18n::strings(app.lang);
    let list_block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border())
        .title(format!(" {} ", t.sessions));
    let inner = list_block.inner(l.list);
    frame.render_widget(list_block, l.list);
    match &app.loading {
        Loading::InProgress => {
            frame.render_widget(Paragraph::new(t.loading), inner);
            return;
        }
        Loading::Failed(e) => {
            render_message(frame, app, inner, &e.to_string(), t.folder_unreadable_help);
            return;
        }
        Loading::Done if app.catalog.sessions.is_empty() => {
            let msg = format!("{} {}", t.empty_folder, app.dir.display());
            render_message(
                frame,
                app,
                l.preview.union(inner),
                &msg,
                t.empty_folder_help,
            );
            return;
        }
        Loading::Done => {}
    }
    let visible = app.visible_sessions();
    let rows: Vec<Line<'_>> = visible
        .iter()
        .filter_map(|&i| app.catalog.sessions.get(i))
        .enumerate()
        .skip(app.list.offset)
        .take(usize::from(inner.height))
        .map(|(i, s)| row(app, s, i == app.list.selected, usize::from(inner.width)))
        .collect();
    if rows.is_empty() {
        let text = Span::styled(
            format!(" {}", i18n::strings(app.lang).nothing),
            app.theme.muted(),
        );
        frame.render_widget(Paragraph::new(Line::from(text)), inner);
    }
    frame.render_widget(Paragraph::new(rows), inner);
    render_preview(frame, app, l.preview);
}

fn render_header(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let mut spans = vec![
        Span::styled(" briefing ", app.theme.selected()),
        Span::raw(format!(" {}", app.dir.display())),
    ];
    if matches!(app.loading, Loading::Done) {
        spans.push(Span::styled(
            format!(
                " · {}",
                i18n::session_count(app.lang, app.catalog.sessions.len())
            ),
            app.theme.muted(),
        ));
        let failed = app.catalog.failed_files().len();
        if failed > 0 {
            let key = app
                .keymap
                .keys(crate::app::keymap::Command::Diagnostics)
                .first()
                .map(|k| k.label())
                .unwrap_or_default();
            spans.push(Span::styled(
                format!(" · ⚠ {} ({key})", i18n::failed_files(app.lang, failed)),
                app.theme.overdue(),
            ));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_message(frame: &mut Frame<'_>, app: &App, area: Rect, message: &str, help: &str) {
    let text = vec![
        Line::from(Span::styled(message.to_string(), app.theme.title())),
        Line::default(),
        Line::from(Span::styled(help.to_string(), app.theme.muted())),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// `● 13/03/2024  Title…   2 ĐP · 0/23 · ⚠ 3`
fn row(app: &App, s: &Session, selected: bool, width: usize) -> Line<'static> {
    let t = i18n::strings(app.lang);
    let p = s.progress(app.today);
    let upcoming = s.is_upcoming(app.today);
    let mut right = format!(
        "{} {} · {}/{}",
        s.districts.len(),
        i18n::strings(app.lang).districts_lower,
        p.done,
        p.total
    );
    if p.overdue > 0 {
        right.push_str(&format!(" · ⚠ {} {}", p.overdue, t.overdue));
    }
    let left = format!(
        "{} {}  ",
        if upcoming { "●" } else { " " },
        format::date(s.date.day())
    );
    let room = width.saturating_sub(left.width() + right.width() + 1);
    let title = truncate(&s.title, room);
    let gap = width.saturating_sub(left.width() + title.width() + right.width());
    let mut line = Line::from(vec![
        Span::styled(
            left,
            if upcoming {
                app.theme.accent()
            } else {
                app.theme.muted()
            },
        ),
        Span::raw(title),
        Span::raw(" ".repeat(gap)),
        Span::styled(
            right,
            if p.overdue > 0 {
                app.theme.overdue()
            } else {
                app.theme.muted()
            },
        ),
    ]);
    if selected {
        line = line.patch_style(app.theme.selected());
    }
    line
}

fn render_preview(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let t = i18n::strings(app.lang);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border())
        .title(format!(" {} ", t.details));
    let Some(s) = app.selected_session() else {
        frame.render_widget(block, area);
        return;
    };
    let mut lines = vec![Line::from(Span::styled(s.title.clone(), app.theme.title()))];
    let mut when = format::long_date(s.date.day(), app.lang);
    if let Some(time) = s.date.time() {
        when.push_str(&format!(" {}", time.format("%H:%M")));
    }
    let mut date_spans = vec![Span::raw(when)];
    if s.is_upcoming(app.today) {
        date_spans.push(Span::styled(
            format!("  ● {}", t.upcoming),
            app.theme.accent(),
        ));
    }
    lines.push(Line::from(date_spans));
    let field = |label: &str, value: &Option<String>| {
        value.as_ref().map(|v| {
            Line::from(vec![
                Span::styled(format!("{label}: "), app.theme.muted()),
                Span::raw(v.clone()),
            ])
        })
    };
    lines.extend(field(t.host, &s.host));
    lines.extend(field(t.chair, &s.chair));
    lines.extend(field(t.topic, &s.topic));
    lines.extend(field(t.location, &s.location));
    let names: Vec<&str> = s.districts.iter().map(|d| d.name.as_str()).collect();
    if !names.is_empty() {
        lines.extend(field(t.districts, &Some(names.join(", "))));
    }
    let p = s.progress(app.today);
    let mut progress = vec![
        Span::styled(format!("{}: ", t.directives), app.theme.muted()),
        Span::raw(format!("{}/{} {}", p.done, p.total, t.done)),
    ];
    if p.overdue > 0 {
        progress.push(Span::styled(
            format!(" · ⚠ {} {}", p.overdue, t.overdue),
            app.theme.overdue(),
        ));
    }
    lines.push(Line::from(progress));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
