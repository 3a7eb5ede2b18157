//! The review screens across sessions: what is due (the next session, open work per
//! district, overdue and dated directives), and everything given to one district.

pub mod rows;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::nav::{ListState, moved_among, on_selectable};
use super::{Ctx, Intent, MOVES, Offer, View, header_and_list};
use crate::i18n;
use crate::input::Command;
use crate::model::{Directive, Session};
use crate::present::{addressees, checkbox, due_text, overdue_text, session_day, truncate};
use crate::search::Target;
use crate::ui::format::days_until;
use crate::ui::text::gap;
use crate::ui::theme::Theme;
use rows::{DistrictCount, Heading, Row};

/// Which review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    /// What is due, as of today.
    Due,
    /// Everything given to the district with this id, across sessions.
    District(String),
}

#[derive(Debug)]
pub struct ReviewScreen {
    review: Review,
    list: ListState,
}

impl ReviewScreen {
    pub fn new(review: Review) -> Self {
        ReviewScreen {
            review,
            list: ListState::default(),
        }
    }

    pub fn review(&self) -> &Review {
        &self.review
    }

    pub fn selected(&self) -> usize {
        self.list.selected
    }

    pub fn offset(&self) -> usize {
        self.list.offset
    }

    fn rows(&self, ctx: &Ctx) -> Vec<Row> {
        let sessions = &ctx.catalog.sessions;
        match &self.review {
            Review::Due => rows::due_rows(sessions, ctx.today),
            Review::District(id) => {
                rows::district_rows(sessions, id, ctx.filters.directives, ctx.today)
            }
        }
    }

    fn title(&self, ctx: &Ctx) -> String {
        let t = i18n::strings(ctx.lang);
        match &self.review {
            Review::Due => t.due_title.to_string(),
            Review::District(id) => {
                let name = (ctx.catalog.sessions.iter())
                    .flat_map(|s| &s.districts)
                    .find(|d| d.id == *id)
                    .map_or(id.as_str(), |d| d.name.as_str());
                format!("{} {name}", t.district_title)
            }
        }
    }
}

fn page(ctx: &Ctx) -> usize {
    let [_, list] = header_and_list(ctx.area);
    usize::from(list.height).max(1)
}

fn heading_text(ctx: &Ctx, h: Heading) -> String {
    let t = i18n::strings(ctx.lang);
    match h {
        Heading::NextSession => t.next_session.to_string(),
        Heading::NoUpcoming => t.no_upcoming.to_string(),
        Heading::ByDistrict => t.by_district.to_string(),
        Heading::Overdue => t.overdue_directives.to_string(),
        Heading::OpenWithDue => t.open_with_due.to_string(),
        Heading::Session(i) => (ctx.catalog.sessions.get(i))
            .map(|s| format!("{} · {}", session_day(&s.date, ctx.lang), s.title))
            .unwrap_or_default(),
    }
}

fn row_line(ctx: &Ctx, row: &Row, width: usize, selected: bool, theme: &Theme) -> Line<'static> {
    let line = match row {
        Row::Heading(h) => {
            let text = truncate(&format!(" {}", heading_text(ctx, *h)), width);
            return Line::from(Span::styled(text, theme.heading()));
        }
        Row::Nothing => Line::from(Span::styled(
            format!("   {}", i18n::strings(ctx.lang).nothing),
            theme.muted(),
        )),
        Row::District(d) => district_line(ctx, d, width, theme),
        Row::Item(target) => item_line(ctx, *target, width, theme),
    };
    if selected {
        line.patch_style(theme.selected())
    } else {
        line
    }
}

fn item_line(ctx: &Ctx, target: Target, width: usize, theme: &Theme) -> Line<'static> {
    let Some(s) = ctx.catalog.sessions.get(target.session()) else {
        return Line::default();
    };
    match target {
        Target::Directive { directive, .. } => match s.directive(directive) {
            Some(d) => directive_line(ctx, s, directive.district, d, width, theme),
            None => Line::default(),
        },
        _ => session_line(ctx, s, width, theme),
    }
}

fn session_line(ctx: &Ctx, s: &Session, width: usize, theme: &Theme) -> Line<'static> {
    let days = (s.date.day() - ctx.today).num_days();
    let left = format!(
        "   ● {} ({})  ",
        session_day(&s.date, ctx.lang),
        days_until(ctx.lang, days)
    );
    let title = truncate(&s.title, width.saturating_sub(left.width()));
    Line::from(vec![Span::styled(left, theme.accent()), Span::raw(title)])
}

fn district_line(ctx: &Ctx, d: &DistrictCount, width: usize, theme: &Theme) -> Line<'static> {
    let counts = format!("{} · {}", d.open, overdue_text(d.overdue, ctx.lang));
    let name = truncate(
        &format!("   {}", d.name),
        width.saturating_sub(counts.width() + 2),
    );
    let gap = gap(width, name.width(), counts.width());
    let style = if d.overdue > 0 {
        theme.overdue()
    } else {
        theme.muted()
    };
    Line::from(vec![
        Span::styled(name, theme.title()),
        Span::raw(gap),
        Span::styled(counts, style),
    ])
}

fn directive_line(
    ctx: &Ctx,
    s: &Session,
    district: Option<usize>,
    d: &Directive,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let overdue = d.is_overdue(ctx.today);
    let mark = format!("   {} ", checkbox(d.done));
    let due = d.due.map(|due| due_text(due, ctx.lang)).unwrap_or_default();
    let place = match district.and_then(|i| s.districts.get(i)) {
        Some(district) => district.name.clone(),
        None => addressees(s, &d.to).unwrap_or_else(|| i18n::strings(ctx.lang).common.to_string()),
    };
    let right = format!(
        "{}{due}  {place} · {}",
        if overdue { "⚠ " } else { "" },
        session_day(&s.date, ctx.lang)
    );
    let text = truncate(
        &d.text,
        width.saturating_sub(mark.width() + right.width() + 2),
    );
    let gap = gap(width, mark.width() + text.width(), right.width());
    let right_style = if overdue {
        theme.overdue()
    } else {
        theme.muted()
    };
    let mark_style = if d.done { theme.done() } else { right_style };
    Line::from(vec![
        Span::styled(mark, mark_style),
        Span::raw(text),
        Span::raw(gap),
        Span::styled(right, right_style),
    ])
}

impl View for ReviewScreen {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        let narrow = match self.review {
            Review::Due => Command::FilterDistrict,
            Review::District(_) => Command::FilterDirectives,
        };
        let mut offers = vec![
            Offer::hint(Command::Open),
            Offer::hint(narrow),
            Offer::hint(Command::Back),
            Offer::hint(Command::Help),
        ];
        offers.extend(MOVES);
        offers.push(Offer::help(Command::Quit));
        offers
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let rows = self.rows(ctx);
        let selectable: Vec<bool> = rows.iter().map(Row::selectable).collect();
        if let Some(to) = moved_among(&selectable, self.list.selected, page(ctx), c) {
            self.list.selected = to;
            self.list.keep_visible(page(ctx));
            return Intent::None;
        }
        match c {
            Command::Back => Intent::Back,
            Command::Quit => Intent::ToList,
            Command::Open => match rows.get(self.list.selected) {
                Some(Row::District(d)) => Intent::OpenDistrict(d.id.clone()),
                Some(Row::Item(target)) => Intent::Open(*target),
                _ => Intent::None,
            },
            _ => Intent::None,
        }
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let selectable: Vec<bool> = self.rows(ctx).iter().map(Row::selectable).collect();
        let selected = on_selectable(&selectable, self.list.selected);
        self.list.settle(selected, page(ctx));
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let [header, list] = header_and_list(area);
        let title = Span::styled(format!(" {}", self.title(ctx)), theme.heading());
        frame.render_widget(Paragraph::new(Line::from(title)), header);
        let width = usize::from(list.width);
        let lines: Vec<Line<'static>> = (self.rows(ctx).iter().enumerate())
            .skip(self.list.offset)
            .take(usize::from(list.height))
            .map(|(i, row)| row_line(ctx, row, width, i == self.list.selected, theme))
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }
}
