//! The session list, the first screen: sessions newest first (through the session filter),
//! and a preview of the selected one, beside the list when wide, below it otherwise.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::nav::{ListState, moved};
use super::{Ctx, EditRequest, Intent, Loading, MOVES, Offer, View, frame, without_tabs};
use crate::i18n;
use crate::input::Command;
use crate::model::Followed;
use crate::model::Session;
use crate::model::filter::DirectiveFilter;
use crate::present::words::{self, failed_files, session_count};
use crate::present::{
    done_count, host_line, locality_title, overdue_text, session_day, session_when, truncate,
};
use crate::search::Target;
use crate::ui::text::{gap, pad};
use crate::ui::theme::Theme;

/// At or above this width the preview sits beside the list.
const WIDE: u16 = 110;

/// The list's place; the rows are the sessions the filter lets through, newest first.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SessionList {
    list: ListState,
}

struct Areas {
    header: Rect,
    list: Rect,
    preview: Rect,
}

fn areas(area: Rect, rows: usize) -> Areas {
    let [header, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(frame(area).body);
    let [list, preview] = if area.width >= WIDE {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    } else {
        let wanted = u16::try_from(rows + 2).unwrap_or(u16::MAX);
        let list_height = wanted.clamp(3, (body.height * 2 / 5).max(3));
        Layout::vertical([Constraint::Length(list_height), Constraint::Min(0)]).areas(body)
    };
    Areas {
        header,
        list,
        preview,
    }
}

/// Rows of the list that fit inside its border.
fn list_rows(area: Rect, rows: usize) -> usize {
    usize::from(areas(area, rows).list.height.saturating_sub(2)).max(1)
}

/// Indices (into the catalog) of the sessions the session filter lets through.
fn visible(ctx: &Ctx) -> Vec<usize> {
    let filter = ctx.filters.sessions;
    (ctx.catalog.sessions.iter().enumerate())
        .filter(|(_, s)| filter.matches(s, ctx.today))
        .map(|(i, _)| i)
        .collect()
}

impl SessionList {
    pub fn selected(&self) -> usize {
        self.list.selected
    }

    pub fn offset(&self) -> usize {
        self.list.offset
    }

    pub(crate) fn selected_session<'c>(&self, ctx: &'c Ctx) -> Option<&'c Session> {
        let index = *visible(ctx).get(self.list.selected)?;
        ctx.catalog.sessions.get(index)
    }

    /// Selects session `id` in the (filtered) list again, or stays near the old row.
    pub(crate) fn reselect(&mut self, ctx: &Ctx, id: Option<&str>) {
        let visible = visible(ctx);
        let found = id.and_then(|id| {
            (visible.iter()).position(|&i| ctx.catalog.sessions.get(i).is_some_and(|s| s.id == id))
        });
        let selected = found.unwrap_or(self.list.selected.min(visible.len().saturating_sub(1)));
        self.list
            .settle(selected, list_rows(ctx.area, visible.len()));
    }

    fn draw_header(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let mut spans = vec![
            Span::styled(" briefing ", theme.selected()),
            Span::raw(format!(" {}", ctx.dir.display())),
        ];
        if let Loading::Reading { read, total } = ctx.loading {
            spans.push(Span::styled(loading_note(ctx, read, total), theme.muted()));
        } else if matches!(ctx.loading, Loading::Done) {
            spans.push(Span::styled(
                format!(" · {}", session_count(ctx.lang, ctx.catalog.sessions.len())),
                theme.muted(),
            ));
            let failed = ctx.catalog.failed_files().len();
            if failed > 0 {
                let key = (ctx.keymap.keys(Command::Diagnostics).first())
                    .map(|k| k.label())
                    .unwrap_or_default();
                spans.push(Span::styled(
                    format!(" · ⚠ {} ({key})", failed_files(ctx.lang, failed)),
                    theme.overdue(),
                ));
            }
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

/// ` · loading 1234/10000…` while the first load reads the files.
fn loading_note(ctx: &Ctx, read: usize, total: usize) -> String {
    let t = i18n::strings(ctx.lang);
    let (read, total) = (read.to_string(), total.to_string());
    let note = t.loading_progress(&read, &total);
    format!(" · {note}")
}

fn draw_message(frame: &mut Frame<'_>, area: Rect, message: &str, help: &str, theme: &Theme) {
    let text = vec![
        Line::from(Span::styled(message.to_string(), theme.title())),
        Line::default(),
        Line::from(Span::styled(help.to_string(), theme.muted())),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// The longest start, ending at a word, that every title of `titles` shares (when there are
/// two at least): left out of each, so the part that tells the sessions apart shows.
fn shared_start<'t>(titles: impl IntoIterator<Item = &'t str>) -> usize {
    let mut titles = titles.into_iter();
    let Some(first) = titles.next() else {
        return 0;
    };
    let mut common = first.len();
    let mut others = 0;
    for t in titles {
        others += 1;
        common = (first.char_indices())
            .zip(t.chars())
            .take_while(|((i, a), b)| *i < common && a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
    }
    if others == 0 {
        return 0;
    }
    first[..common].rfind(' ').map_or(0, |space| space + 1)
}

/// `Hải Hà, Đầm Hà` in `room` columns; the names that do not fit are counted: `Hải Hà +12`.
fn localities_text(s: &Session, room: usize) -> String {
    let names: Vec<&str> = s.districts.iter().map(|d| &*d.name).collect();
    for shown in (1..=names.len()).rev() {
        let mut text = names[..shown].join(", ");
        if shown < names.len() {
            text.push_str(&format!(" +{}", names.len() - shown));
        }
        if text.width() <= room {
            return text;
        }
    }
    truncate(&names.join(", "), room)
}

/// The widths of a row's columns, the same for every row of the list. The title gets the
/// room the other columns do not need: the counters drop their words (`0/23 · ⚠ 1`) and the
/// localities shorten (`Hải Hà +1`) before the title goes below a third of the row.
struct Columns {
    date: usize,
    localities: usize,
    right: usize,
    /// The counters without their words.
    compact: bool,
    /// Bytes of every title left out (their shared start).
    shared: usize,
}

/// Columns of a row outside the date, the localities, the title and the counters: the
/// upcoming mark and the gaps.
const GAPS: usize = 2 + 2 + 2 + 2;
/// The fewest columns the title keeps, when the row is that wide.
const TITLE_AT_LEAST: usize = 16;

impl Columns {
    fn of(ctx: &Ctx, sessions: &[&Session], width: usize) -> Self {
        let widest = |widths: &mut dyn Iterator<Item = usize>| widths.max().unwrap_or(0);
        let shared = shared_start(sessions.iter().map(|s| &*s.title));
        let date = widest(
            &mut sessions
                .iter()
                .map(|s| session_day(&s.date, ctx.lang).width()),
        );
        let title = widest(&mut sessions.iter().map(|s| title_text(s, shared).width()));
        let title = title.min((width / 3).max(TITLE_AT_LEAST));
        let natural = widest(
            &mut sessions
                .iter()
                .map(|s| localities_text(s, width / 3).width()),
        );
        let counters = |compact| {
            widest(
                &mut sessions
                    .iter()
                    .map(|s| progress_text(ctx, s, compact).width()),
            )
        };
        let compact = date + natural + title + counters(false) + GAPS > width;
        let right = counters(compact);
        let room = width
            .saturating_sub(date + title + right + GAPS)
            .min(natural);
        let localities = widest(&mut sessions.iter().map(|s| localities_text(s, room).width()));
        Columns {
            date,
            localities,
            right,
            compact,
            shared,
        }
    }
}

/// The title without the start every title shares (`…làm việc với Ban Thường vụ Huyện ủy`).
fn title_text(s: &Session, shared: usize) -> String {
    match s.title.get(shared..) {
        Some(rest) if shared > 0 => format!("…{rest}"),
        _ => s.title.to_string(),
    }
}

/// `0/23 xong · ⚠ 1 quá hạn`, or without the words when `compact`: `0/23 · ⚠ 1`. Under a
/// category filter, the directives of that category: `3/23 Đang thực hiện quá hạn` (`3/23`).
fn progress_text(ctx: &Ctx, s: &Session, compact: bool) -> String {
    let p = s.progress(ctx.today);
    if let DirectiveFilter::Category(c) = ctx.filters.directives {
        let n = (s.directives_with_refs())
            .filter(|(_, d)| d.category(ctx.today) == c)
            .count();
        return match compact {
            true => format!("{n}/{}", p.total),
            false => format!("{n}/{} {}", p.total, words::category_word(c, ctx.lang)),
        };
    }
    let mut text = if compact {
        format!("{}/{}", p.done, p.total)
    } else {
        done_count(p, ctx.lang)
    };
    match (p.overdue, compact) {
        (0, _) => {}
        (n, true) => text.push_str(&format!(" · ⚠ {n}")),
        (n, false) => text.push_str(&format!(" · ⚠ {}", overdue_text(n, ctx.lang))),
    }
    text
}

/// `● 13/03/2024  Hải Hà, Đầm Hà  …làm việc với Ban Thường vụ Huyện ủy  0/23 xong · ⚠ 1 quá hạn`:
/// the date, the localities, the title without what every title shares, the directives.
fn row(
    ctx: &Ctx,
    s: &Session,
    (columns, width): (&Columns, usize),
    selected: bool,
    theme: &Theme,
) -> Line<'static> {
    let p = s.progress(ctx.today);
    let upcoming = s.is_upcoming(ctx.today);
    let day = session_day(&s.date, ctx.lang);
    let left = format!(
        "{} {day}{}  ",
        if upcoming { "●" } else { " " },
        pad(&day, columns.date)
    );
    let places = localities_text(s, columns.localities);
    let places = format!("{places}{}  ", pad(&places, columns.localities));
    let right = format!(
        "{:>w$}",
        progress_text(ctx, s, columns.compact),
        w = columns.right
    );
    let title = title_text(s, columns.shared);
    let room = width.saturating_sub(left.width() + places.width() + right.width() + 2);
    let title = truncate(&title, room);
    let gap = gap(
        width,
        left.width() + places.width() + title.width(),
        right.width(),
    );
    let left_style = if upcoming {
        theme.accent()
    } else {
        theme.muted()
    };
    let right_style = if p.overdue > 0 {
        theme.overdue()
    } else {
        theme.muted()
    };
    let line = Line::from(vec![
        Span::styled(left, left_style),
        Span::styled(places, theme.title()),
        Span::raw(title),
        Span::raw(gap),
        Span::styled(right, right_style),
    ]);
    if selected {
        line.patch_style(theme.selected())
    } else {
        line
    }
}

fn draw_preview(frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, s: Option<&Session>, theme: &Theme) {
    let t = i18n::strings(ctx.lang);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(format!(" {} ", t.details));
    let Some(s) = s else {
        frame.render_widget(block, area);
        return;
    };
    let mut lines = vec![Line::from(Span::styled(s.title.to_string(), theme.title()))];
    let mut date_spans = vec![Span::raw(session_when(s, ctx.lang))];
    if s.is_upcoming(ctx.today) {
        date_spans.push(Span::styled(format!("  ● {}", t.upcoming), theme.accent()));
    }
    lines.push(Line::from(date_spans));
    let field = |label: &str, value: Option<&str>| {
        value.map(|v| {
            Line::from(vec![
                Span::styled(format!("{label}: "), theme.muted()),
                Span::raw(v.to_string()),
            ])
        })
    };
    lines.extend(field(t.host, host_line(s, ctx.lang).as_deref()));
    lines.extend(field(t.chair, s.chair_line().as_deref()));
    lines.extend(field(t.topic, s.topic.as_deref()));
    lines.extend(field(t.location, s.location.as_deref()));
    let names: Vec<String> = (s.districts.iter())
        .map(|d| locality_title(d, ctx.lang))
        .collect();
    if !names.is_empty() {
        lines.extend(field(t.districts, Some(&names.join(", "))));
    }
    let p = s.progress(ctx.today);
    let mut progress = vec![
        Span::styled(format!("{}: ", t.directives), theme.muted()),
        Span::raw(done_count(p, ctx.lang)),
    ];
    if p.overdue > 0 {
        progress.push(Span::styled(
            format!(" · ⚠ {}", overdue_text(p.overdue, ctx.lang)),
            theme.overdue(),
        ));
    }
    lines.push(Line::from(progress));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

impl View for SessionList {
    fn offers(&self, ctx: &Ctx) -> Vec<Offer> {
        use Command::*;
        let mut offers = [Open, Search, DueView, FilterSessions]
            .map(Offer::hint)
            .to_vec();
        if !ctx.catalog.failed_files().is_empty() {
            offers.push(Offer::hint(Diagnostics));
        }
        offers.extend([Help, Quit].map(Offer::hint));
        offers.push(Offer::help(Edit));
        offers.extend(MOVES);
        offers.push(Offer::help(Command::ReportView));
        offers
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let c = without_tabs(c);
        let visible = visible(ctx);
        let page = list_rows(ctx.area, visible.len());
        if let Some(to) = moved(self.list.selected, visible.len(), page, c) {
            self.list.selected = to;
            self.list.keep_visible(page);
            return Intent::None;
        }
        match c {
            Command::Open => match visible.get(self.list.selected) {
                Some(&session) => Intent::Open(Target::Session { session }),
                None => Intent::None,
            },
            Command::Quit => Intent::Quit,
            Command::Edit => (visible.get(self.list.selected))
                .and_then(|&session| EditRequest::of(ctx, Target::Session { session }))
                .map_or(Intent::None, Intent::Edit),
            _ => Intent::None,
        }
    }

    /// A click on a session selects it; on the selected one, opens it.
    fn click(&mut self, ctx: &Ctx, column: u16, row: u16) -> Intent {
        let visible = visible(ctx);
        let list = areas(ctx.area, visible.len()).list;
        let inner = Rect {
            x: list.x + 1,
            y: list.y + 1,
            width: list.width.saturating_sub(2),
            height: list.height.saturating_sub(2),
        };
        if !inner.contains(ratatui::layout::Position::new(column, row)) {
            return Intent::None;
        }
        let at = self.list.offset + usize::from(row - inner.y);
        if at >= visible.len() {
            return Intent::None;
        }
        if at == self.list.selected {
            return self.command(ctx, Command::Open);
        }
        self.list.selected = at;
        self.list.keep_visible(list_rows(ctx.area, visible.len()));
        Intent::None
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let count = visible(ctx).len();
        let selected = self.list.selected.min(count.saturating_sub(1));
        self.list.settle(selected, list_rows(ctx.area, count));
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let visible = visible(ctx);
        let l = areas(area, visible.len());
        self.draw_header(frame, l.header, ctx, theme);
        let t = i18n::strings(ctx.lang);
        let list_block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border())
            .title(format!(" {} ", t.sessions));
        let inner = list_block.inner(l.list);
        frame.render_widget(list_block, l.list);
        match &ctx.loading {
            Loading::InProgress => {
                frame.render_widget(Paragraph::new(t.loading), inner);
                return;
            }
            Loading::Reading { .. } if ctx.catalog.sessions.is_empty() => {
                frame.render_widget(Paragraph::new(t.loading), inner);
                return;
            }
            Loading::Failed(e) => {
                draw_message(
                    frame,
                    inner,
                    &e.message(ctx.lang),
                    t.folder_unreadable_help,
                    theme,
                );
                return;
            }
            Loading::Done if ctx.catalog.sessions.is_empty() => {
                let msg = format!("{} {}", t.empty_folder, ctx.dir.display());
                let area = l.preview.union(inner);
                draw_message(frame, area, &msg, t.empty_folder_help, theme);
                return;
            }
            Loading::Done | Loading::Reading { .. } => {}
        }
        let width = usize::from(inner.width);
        let sessions: Vec<&Session> = (visible.iter())
            .filter_map(|&i| ctx.catalog.sessions.get(i))
            .collect();
        let columns = Columns::of(ctx, &sessions, width);
        let rows: Vec<Line<'_>> = (sessions.iter().enumerate())
            .skip(self.list.offset)
            .take(usize::from(inner.height))
            .map(|(i, s)| row(ctx, s, (&columns, width), i == self.list.selected, theme))
            .collect();
        if rows.is_empty() {
            let none = Span::styled(format!(" {}", t.nothing), theme.muted());
            frame.render_widget(Paragraph::new(Line::from(none)), inner);
        } else {
            frame.render_widget(Paragraph::new(rows), inner);
        }
        let selected = (visible.get(self.list.selected)).and_then(|&i| ctx.catalog.sessions.get(i));
        draw_preview(frame, l.preview, ctx, selected, theme);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_the_start_they_all_share_at_a_word() {
        let titles = [
            "Ban Thường vụ Tỉnh ủy làm việc với Huyện ủy Đầm Hà",
            "Ban Thường vụ Tỉnh ủy làm việc với Thành ủy Móng Cái",
        ];
        let shared = shared_start(titles);
        assert_eq!(&titles[0][shared..], "Huyện ủy Đầm Hà");
        assert_eq!(shared_start(["Một tiêu đề"]), 0, "one title keeps it whole");
        assert_eq!(shared_start(["Ban A", "Bàn B"]), 0);
        assert_eq!(shared_start(["Họp Quý 1", "Họp Quý 2"]), "Họp Quý ".len());
    }
}
