//! The session screen: header, tabs, and the selected tab's blocks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};

use super::directive;
use super::gauge;
use super::text::truncate;
use crate::app::doc::{self, BULLET_INDENT, Block, GUTTER, Section};
use crate::app::tab_cache::TabLayout;
use crate::app::{App, SessionView, layout};
use crate::i18n;
use crate::model::{Session, format};

pub fn render(frame: &mut Frame<'_>, app: &App, session: &Session, view: &SessionView, area: Rect) {
    let l = layout::session(area, &session.title);
    render_header(frame, app, session, &l);
    render_tabs(frame, app, session, view, l.tabs);
    render_content(frame, app, session, view, l.content);
}

fn render_header(frame: &mut Frame<'_>, app: &App, session: &Session, l: &layout::SessionLayout) {
    let width = usize::from(l.title.width.saturating_sub(2));
    let head = layout::title_head(&session.title, l.title.width);
    let lines: Vec<Line<'_>> = doc::wrap(head, width)
        .into_iter()
        .take(usize::from(l.title.height))
        .map(|t| Line::from(Span::styled(format!(" {t}"), app.theme.title())))
        .collect();
    frame.render_widget(Paragraph::new(lines), l.title);
    let t = i18n::strings(app.lang);
    let mut meta = format::long_date(session.date.day(), app.lang);
    if let Some(time) = session.date.time() {
        meta.push_str(&format!(" {}", time.format("%H:%M")));
    }
    if session.is_upcoming(app.today) {
        meta.push_str(&format!(" ({})", t.upcoming));
    }
    if let Some(chair) = &session.chair {
        meta.push_str(&format!(" · {}: {chair}", t.chair));
    }
    let meta = truncate(&meta, usize::from(l.meta.width.saturating_sub(1)));
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {meta}"),
            app.theme.muted(),
        ))),
        l.meta,
    );
}

fn render_tabs(
    frame: &mut Frame<'_>,
    app: &App,
    session: &Session,
    view: &SessionView,
    area: Rect,
) {
    let t = i18n::strings(app.lang);
    let titles: Vec<String> = std::iter::once(t.overview.to_string())
        .chain(session.districts.iter().map(|d| d.name.clone()))
        .enumerate()
        .map(|(i, name)| {
            if i < 9 {
                format!("{} {name}", i + 1)
            } else {
                name
            }
        })
        .collect();
    let tabs = Tabs::new(titles)
        .select(view.tab)
        .style(app.theme.muted())
        .highlight_style(app.theme.selected())
        .divider("│");
    frame.render_widget(tabs, area);
}

fn section_title(app: &App, section: Section) -> &'static str {
    let t = i18n::strings(app.lang);
    match section {
        Section::Summary => t.summary,
        Section::Participants => t.participants,
        Section::Districts => t.districts,
        Section::SessionDirectives => t.session_directives,
        Section::Highlights => t.highlights,
        Section::Strengths => t.strengths,
        Section::Shortcomings => t.shortcomings,
        Section::Indicators => t.indicators,
        Section::Directives => t.directives,
    }
}

fn district_line(app: &App, session: &Session, d: usize, width: usize) -> Line<'static> {
    let Some(district) = session.districts.get(d) else {
        return Line::default();
    };
    let t = i18n::strings(app.lang);
    let p = district.progress(app.today);
    let gauges = district.indicators.iter().filter_map(|i| i.gauge());
    let mut counts = [0usize; 3];
    for g in gauges {
        counts[g.status as usize] += 1;
    }
    let mut right = format!("{}/{} {}", p.done, p.total, t.done);
    if p.overdue > 0 {
        right.push_str(&format!(" · {} {}", p.overdue, t.overdue));
    }
    let name = format!(
        "{}  ✓{} ~{} ✗{}",
        district.name, counts[0], counts[1], counts[2]
    );
    let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(right.as_str()) + 2);
    let name = truncate(&name, room);
    let gap = room.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str())) + 2;
    Line::from(vec![
        Span::styled(name, app.theme.title()),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, app.theme.muted()),
    ])
}

/// The lines of one block, without the gutter; a paragraph's lines are
/// `wrapped` when given (already wrapped at `width`).
fn block_lines(
    app: &App,
    session: &Session,
    block: &Block,
    gap: bool,
    width: usize,
    selected: bool,
    wrapped: Option<&[String]>,
) -> Vec<Line<'static>> {
    let cx = directive::Context {
        lang: app.lang,
        today: app.today,
        theme: &app.theme,
    };
    let bullet = |text: &str| -> Vec<Line<'static>> {
        doc::wrap(text, width.saturating_sub(BULLET_INDENT))
            .into_iter()
            .enumerate()
            .map(|(i, l)| Line::from(format!("{}{l}", if i == 0 { "• " } else { "  " })))
            .collect()
    };
    match block {
        Block::Heading(section) => {
            let title = Line::from(Span::styled(
                section_title(app, *section).to_string(),
                app.theme.heading(),
            ));
            if gap {
                vec![Line::default(), title]
            } else {
                vec![title]
            }
        }
        Block::Paragraph(p) => {
            let mut lines: Vec<Line<'static>> = match wrapped {
                Some(done) => done.iter().map(|l| Line::from(l.clone())).collect(),
                None => doc::wrap(p, width)
                    .into_iter()
                    .map(|l| Line::from(l.into_owned()))
                    .collect(),
            };
            lines.push(Line::default());
            lines
        }
        Block::Bullet(b) => bullet(b),
        Block::Participant(i) => bullet(&doc::participant_line(session, *i)),
        Block::DistrictLine(d) => vec![district_line(app, session, *d, width)],
        Block::Indicator { district, index } => session
            .districts
            .get(*district)
            .and_then(|d| d.indicators.get(*index))
            .map(|ind| gauge::lines(ind, width, app.lang, &app.theme))
            .unwrap_or_default(),
        Block::Directive(r) => session
            .directive(*r)
            .map(|d| directive::lines(d, width, selected, &cx))
            .unwrap_or_default(),
        Block::Nothing => vec![Line::from(Span::styled(
            i18n::strings(app.lang).nothing,
            app.theme.muted(),
        ))],
    }
}

/// Every line of the tab, with the selection gutter.
pub fn tab_lines(
    app: &App,
    session: &Session,
    view: &SessionView,
    width: usize,
) -> Vec<Line<'static>> {
    let blocks = app.tab_blocks(session, view.tab);
    let inner = width.saturating_sub(GUTTER);
    let mut out = Vec::new();
    for i in 0..blocks.len() {
        out.extend(with_gutter(
            app,
            session,
            &blocks,
            i,
            inner,
            i == view.selected,
            None,
        ));
    }
    out
}

/// The lines of block `i` with the selection gutter.
fn with_gutter(
    app: &App,
    session: &Session,
    blocks: &[Block],
    i: usize,
    inner: usize,
    selected: bool,
    wrapped: Option<&[String]>,
) -> Vec<Line<'static>> {
    let block = &blocks[i];
    let (mark, style) = if selected {
        ("▌ ", app.theme.gutter())
    } else {
        ("  ", Style::new())
    };
    let gap = doc::gap_before(blocks, i);
    let mut out = Vec::new();
    for mut line in block_lines(app, session, block, gap, inner, selected, wrapped) {
        if selected
            && matches!(
                block,
                Block::DistrictLine(_) | Block::Bullet(_) | Block::Participant(_) | Block::Nothing
            )
        {
            line = line.patch_style(app.theme.selected());
        }
        // The blank line after a paragraph is spacing, not part of the selection.
        let (mark, style) = if line.width() == 0 {
            ("  ", Style::new())
        } else {
            (mark, style)
        };
        line.spans.insert(0, Span::styled(mark, style));
        out.push(line);
    }
    out
}

fn render_content(
    frame: &mut Frame<'_>,
    app: &App,
    session: &Session,
    view: &SessionView,
    area: Rect,
) {
    let width = usize::from(area.width);
    let layout = app.tab_layout(session, view.tab, width);
    let visible = visible_lines(app, session, view, &layout, width, usize::from(area.height));
    frame.render_widget(Paragraph::new(visible), area);
}

/// The `rows` lines of the tab from `view.offset` on: only the blocks in
/// view are drawn, and paragraphs come already wrapped from `layout`.
fn visible_lines(
    app: &App,
    session: &Session,
    view: &SessionView,
    layout: &TabLayout,
    width: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let base = |i: usize| layout.heights.get(i).copied().unwrap_or(0);
    let extra = app
        .block_height(session, layout, view.selected, true)
        .saturating_sub(base(view.selected));
    let height = |i: usize| base(i) + if i == view.selected { extra } else { 0 };
    let top = |i: usize| layout.tops[i] + if i > view.selected { extra } else { 0 };
    let (mut lo, mut hi) = (0, layout.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if top(mid) + height(mid) <= view.offset {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let inner = width.saturating_sub(GUTTER);
    let mut out: Vec<Line<'static>> = Vec::with_capacity(rows);
    for i in lo..layout.len() {
        let room = rows.saturating_sub(out.len());
        if room == 0 {
            break;
        }
        let skip = view.offset.saturating_sub(top(i));
        let selected = i == view.selected;
        let lines = match layout.get(i) {
            Some(Block::Paragraph(_)) => {
                let all = &layout.wrapped[i];
                let part = &all[skip.min(all.len())..(skip + room).min(all.len())];
                with_gutter(app, session, layout, i, inner, selected, Some(part))
            }
            _ => with_gutter(app, session, layout, i, inner, selected, None)
                .into_iter()
                .skip(skip)
                .collect(),
        };
        out.extend(lines.into_iter().take(room));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::doc;
    use crate::model::Lang;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    /// Drawing only what is in view gives the same lines as drawing everything.
    #[test]
    fn visible_lines_are_the_window_of_all_lines() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
        let catalog = crate::store::load_dir(&root).expect("sample");
        let mut app = crate::app::App::new(crate::app::Options {
            dir: root,
            lang: Lang::Vi,
            today: chrono::NaiveDate::from_ymd_opt(2024, 3, 20).expect("date"),
            keymap: Default::default(),
            theme: Default::default(),
            user: "lan".into(),
        });
        app.catalog = catalog;
        let session = &app.catalog.sessions[0];
        for width in [30usize, 80] {
            for tab in 0..=session.districts.len() {
                let layout = app.tab_layout(session, tab, width);
                for selected in (0..layout.len()).step_by(3) {
                    let view = SessionView {
                        session: 0,
                        tab,
                        selected,
                        offset: 0,
                    };
                    let all = tab_lines(&app, session, &view, width);
                    for offset in (0..all.len()).step_by(4) {
                        let view = SessionView { offset, ..view };
                        let seen = visible_lines(&app, session, &view, &layout, width, 10);
                        let want: Vec<_> = all.iter().skip(offset).take(10).cloned().collect();
                        assert_eq!(
                            text(&seen),
                            text(&want),
                            "width {width} tab {tab} selected {selected} offset {offset}"
                        );
                    }
                }
            }
        }
    }

    /// The drawn lines of each block must match the heights navigation assumes.
    #[test]
    fn drawn_heights_match_doc_heights() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
        let catalog = crate::store::load_dir(&root).expect("sample");
        let session = &catalog.sessions[0];
        let mut app = crate::app::App::new(crate::app::Options {
            dir: root,
            lang: Lang::Vi,
            today: chrono::NaiveDate::from_ymd_opt(2024, 3, 20).expect("date"),
            keymap: Default::default(),
            theme: Default::default(),
            user: "lan".into(),
        });
        app.catalog = catalog.clone();
        for width in [30usize, 80, 120] {
            for tab in 0..=session.districts.len() {
                let blocks = app.tab_blocks(session, tab);
                for selected in 0..blocks.len() {
                    let view = SessionView {
                        session: 0,
                        tab,
                        selected,
                        offset: 0,
                    };
                    let drawn = tab_lines(&app, session, &view, width).len();
                    let expected: usize = (0..blocks.len())
                        .map(|i| doc::height(session, &blocks, i, width, i == selected, Lang::Vi))
                        .sum();
                    assert_eq!(
                        drawn, expected,
                        "width {width} tab {tab} selected {selected}"
                    );
                }
            }
        }
    }
}
