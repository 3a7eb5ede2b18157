//! The review screens across sessions: what is due (the next session, open work per
//! locality, overdue and dated directives grouped by session), and everything given to one
//! locality. Rows wrap: a directive shows its whole text, then its due date and place.

pub(crate) mod rows;

use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::nav::{TallList, on_selectable};
use super::{
    Ctx, EditRequest, Intent, MOVES, Notice, Offer, View, header_and_list, list_line, without_tabs,
};
use crate::i18n;
use crate::input::Command;
use crate::model::District;
use crate::model::Followed;
use crate::model::dossier::{Trend, Visit};
use crate::model::filter::DirectiveFilter;
use crate::model::{Directive, DirectiveKey, DirectiveRef, Level, LocalityKey, Session};
use crate::present::follow_up::{says_more, standing_line};
use crate::present::trend::{chart_rows, trend_title};
use crate::present::words::{CHECKBOX, category_word, checkbox_cell, days_until, state_word};
use crate::present::{capitalised, level_and_name, truncate};
use crate::search::Target;
use crate::ui::chart::bar_chart_lines;
use crate::ui::text::{pad, wrap};
use crate::ui::theme::Theme;
use crate::ui::tone::{Tone, Toned};
use rows::{DistrictCount, Heading, Listing, Row};

/// Columns before a row's text.
const INDENT: usize = 3;

/// Which review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    /// What is due, as of today.
    Due,
    /// Everything given to this locality, across sessions.
    District(LocalityKey),
}

/// What a listing was made from: when any of it changes it is made again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Made {
    revision: u64,
    today: NaiveDate,
    filter: DirectiveFilter,
}

#[derive(Debug)]
pub struct ReviewScreen {
    review: Review,
    list: TallList,
    /// The rows as last made (a dossier reads every session of the folder), kept until the
    /// sessions, the day or the filter change; filled by `command` and `refresh`, read by `draw`.
    listed: Option<(Made, Arc<Listing>)>,
}

impl ReviewScreen {
    pub fn new(review: Review) -> Self {
        ReviewScreen {
            review,
            list: TallList::default(),
            listed: None,
        }
    }

    pub fn review(&self) -> &Review {
        &self.review
    }

    pub fn selected(&self) -> usize {
        self.list.selected
    }

    /// The first row in view.
    pub fn offset(&self) -> usize {
        self.list.offset
    }

    fn made_for(ctx: &Ctx) -> Made {
        Made {
            revision: ctx.revision,
            today: ctx.today,
            filter: ctx.filters.directives,
        }
    }

    /// The rows, as kept when made for this state of the world, else made now.
    fn listing(&self, ctx: &Ctx) -> Arc<Listing> {
        match &self.listed {
            Some((made, listing)) if *made == Self::made_for(ctx) => listing.clone(),
            _ => Arc::new(self.make_listing(ctx)),
        }
    }

    /// The rows, made again only when the world changed since they were kept.
    fn remake(&mut self, ctx: &Ctx) -> Arc<Listing> {
        let listing = self.listing(ctx);
        self.listed = Some((Self::made_for(ctx), listing.clone()));
        listing
    }

    fn make_listing(&self, ctx: &Ctx) -> Listing {
        let sessions = &ctx.catalog.sessions;
        match &self.review {
            Review::Due => Listing {
                rows: rows::due_rows(sessions, ctx.today),
                trends: Vec::new(),
            },
            Review::District(key) => {
                rows::dossier_rows(sessions, key, ctx.filters.directives, ctx.today)
            }
        }
    }

    fn title(&self, ctx: &Ctx) -> String {
        let t = i18n::strings(ctx.lang);
        match &self.review {
            Review::Due => t.due_title.to_string(),
            Review::District(key) => {
                let name = newest(ctx, key).map_or(key.id.to_string(), |d| {
                    with_parent(d.name.as_ref(), d.level, d.parent.as_deref(), ctx)
                });
                t.dossier_title(&name)
            }
        }
    }

    /// The lines of row `row`, `width` columns wide: the one producer of this screen's lines.
    fn row_lines(&self, ctx: &Ctx, listing: &Listing, row: &Row, width: usize) -> Vec<Toned> {
        match row {
            Row::Heading(Heading::Earlier) => earlier_lines(ctx, &self.review, width),
            Row::Trend(i) => match listing.trends.get(*i) {
                Some(trend) => trend_lines(ctx, trend, width),
                None => vec![Toned::new()],
            },
            Row::NoTrends => vec![Toned::one(
                format!(
                    "{}{}",
                    " ".repeat(INDENT),
                    i18n::strings(ctx.lang).dossier_no_trends
                ),
                Tone::Muted,
            )],
            Row::Heading(Heading::Group(i)) => vec![group_line(ctx, *i, width)],
            Row::Heading(Heading::Session(visit)) => vec![Toned::one(
                truncate(&format!("  {}", visit_text(ctx, *visit)), width),
                Tone::Title,
            )],
            Row::Heading(Heading::Shared) => vec![Toned::one(
                truncate(&format!("  {}", heading_text(ctx, Heading::Shared)), width),
                Tone::Title,
            )],
            Row::Heading(h) => {
                vec![Toned::one(
                    truncate(&format!(" {}", heading_text(ctx, *h)), width),
                    Tone::Heading,
                )]
            }
            Row::Nothing => vec![Toned::one(
                format!("{}{}", " ".repeat(INDENT), i18n::strings(ctx.lang).nothing),
                Tone::Muted,
            )],
            Row::District(d) => vec![district_line(ctx, d, width)],
            Row::Item(target) => self.item_lines(ctx, *target, width),
        }
    }

    fn item_lines(&self, ctx: &Ctx, target: Target, width: usize) -> Vec<Toned> {
        let Some(s) = ctx.catalog.sessions.get(target.session()) else {
            return vec![Toned::new()];
        };
        match target {
            Target::Directive { directive, .. } => match s.directive(directive) {
                Some(d) => directive_lines(ctx, (s, directive, d), &self.review, width),
                None => vec![Toned::new()],
            },
            _ => vec![session_line(ctx, s, width)],
        }
    }
}

/// The lines the rows may fill: the list less its first line, kept for the heading of the
/// session the rows in view belong to once that heading has scrolled off.
fn view_height(ctx: &Ctx) -> usize {
    let [_, list] = header_and_list(ctx.area);
    usize::from(list.height).saturating_sub(1).max(1)
}

/// The session heading (`13/03/2024 · Ban Thường vụ…`) the first row in view belongs to, when
/// that row is not the heading itself: it stays on the list's first line so the rows under
/// it keep their session after `PgDn`.
fn sticky_heading(rows: &[Row], offset: usize) -> Option<usize> {
    let is_session = |r: &Row| matches!(r, Row::Heading(Heading::Group(_) | Heading::Session(_)));
    if rows.get(offset).is_none_or(is_session) {
        return None;
    }
    let above = &rows[..offset.min(rows.len())];
    let nearest = above
        .iter()
        .rposition(|r| matches!(r, Row::Heading(h) if *h != Heading::Shared))?;
    is_session(&rows[nearest]).then_some(nearest)
}

fn heading_text(ctx: &Ctx, h: Heading) -> String {
    let t = i18n::strings(ctx.lang);
    match h {
        Heading::NextSession => t.next_session.to_string(),
        Heading::NoUpcoming => t.no_upcoming.to_string(),
        Heading::ByDistrict => t.by_district.to_string(),
        Heading::Overdue => t.overdue_directives.to_string(),
        Heading::OpenWithDue => t.open_with_due.to_string(),
        Heading::Shared => t.shared_directives.to_string(),
        Heading::Sessions(n) => t.dossier_sessions(&n),
        Heading::Trends => t.dossier_trends.to_string(),
        Heading::Earlier => String::new(),
        Heading::Session(visit) => visit_text(ctx, visit),
        Heading::Group(i) => (ctx.catalog.sessions.get(i))
            .map(|s| {
                format!(
                    "{} · {}",
                    crate::present::session_day(&s.date, ctx.lang),
                    s.title
                )
            })
            .unwrap_or_default(),
    }
}

/// `13/03/2024 · Ban Thường vụ…`, with `· khi còn là huyện Chư Păh` for a session of a unit
/// the locality came from.
fn visit_text(ctx: &Ctx, visit: Visit) -> String {
    let Some(s) = ctx.catalog.sessions.get(visit.session) else {
        return String::new();
    };
    let day = crate::present::session_day(&s.date, ctx.lang);
    let earlier = (s.districts.get(visit.locality))
        .filter(|_| visit.earlier)
        .map(|d| {
            let unit = level_and_name(&d.name, d.level, ctx.lang);
            format!(" · {}", i18n::strings(ctx.lang).dossier_earlier(&unit))
        })
        .unwrap_or_default();
    format!("{day} · {}{earlier}", s.title)
}

/// The locality of `key` as its newest session says it.
fn newest<'c>(ctx: &'c Ctx, key: &LocalityKey) -> Option<&'c District> {
    (ctx.catalog.sessions.iter())
        .flat_map(|s| &s.districts)
        .find(|d| d.is(key))
}

/// `Trước đây: huyện Chư Păh · Hợp nhất từ: xã A, xã B`: the units a dossier's locality came
/// from, as its newest session writes them.
fn earlier_lines(ctx: &Ctx, review: &Review, width: usize) -> Vec<Toned> {
    let Review::District(key) = review else {
        return Vec::new();
    };
    let Some(d) = newest(ctx, key) else {
        return Vec::new();
    };
    let facts = crate::present::earlier_names(d, ctx.lang).unwrap_or_default();
    Toned::wrapped(
        ("", Tone::Plain),
        (&facts, Tone::Muted),
        1,
        width.saturating_sub(1),
    )
}

/// A trend: its name and unit, then a bar per period with its value (and its plan).
fn trend_lines(ctx: &Ctx, trend: &Trend, width: usize) -> Vec<Toned> {
    let title = truncate(
        &format!("{}{}", " ".repeat(INDENT), trend_title(trend)),
        width,
    );
    let rows = chart_rows(&ctx.catalog.sessions, trend, ctx.lang);
    let mut lines = vec![Toned::one(title, Tone::Title)];
    lines.extend(bar_chart_lines(&rows, INDENT + 2, width));
    lines
}

/// `  13/03/2024 · Ban Thường vụ…`: the session of the directives under it.
fn group_line(ctx: &Ctx, session: usize, width: usize) -> Toned {
    let text = format!("  {}", heading_text(ctx, Heading::Group(session)));
    Toned::one(truncate(&text, width), Tone::Title)
}

fn session_line(ctx: &Ctx, s: &Session, width: usize) -> Toned {
    let days = (s.date.day() - ctx.today).num_days();
    let left = format!(
        "{}● {} ({})  ",
        " ".repeat(INDENT),
        crate::present::session_day(&s.date, ctx.lang),
        days_until(ctx.lang, days)
    );
    let title = truncate(&s.title, width.saturating_sub(left.width()));
    Toned::one(left, Tone::Accent).and(title, Tone::Plain)
}

/// `xã Mường La`, with ` (tỉnh Sơn La)` after it when the file says the unit it belongs to.
fn with_parent(name: &str, level: Option<Level>, parent: Option<&str>, ctx: &Ctx) -> String {
    let title = level_and_name(name, level, ctx.lang);
    match parent {
        Some(parent) => format!("{title} ({parent})"),
        None => title,
    }
}

/// A locality's row title: its level and name, and its parent unit when another locality
/// across the folder has the same level and name.
pub(crate) fn count_title(ctx: &Ctx, d: &DistrictCount) -> String {
    let parent = d.parent.as_deref().filter(|_| d.twin);
    capitalised(&with_parent(&d.name, d.level, parent, ctx))
}

/// `   Huyện Đầm Hà      21 đang mở    1 quá hạn`: counts in aligned columns, with words.
fn district_line(ctx: &Ctx, d: &DistrictCount, width: usize) -> Toned {
    let t = i18n::strings(ctx.lang);
    let counts = format!(
        "{:>4} {}  {:>3} {}",
        d.open, t.open_count, d.overdue, t.overdue
    );
    let name = truncate(
        &format!("{}{}", " ".repeat(INDENT), count_title(ctx, d)),
        width.saturating_sub(counts.width() + 2),
    );
    let gap = pad(&name, width.saturating_sub(counts.width()));
    let tone = if d.overdue > 0 {
        Tone::Overdue
    } else {
        Tone::Muted
    };
    Toned::one(name, Tone::Title)
        .and(gap, Tone::Plain)
        .and(counts, tone)
}

/// Where a directive applies, said in the due view: its locality, or for a session-wide one
/// `chung: Đầm Hà, Hải Hà` (one locality's view has the session-wide ones under a heading).
fn place(ctx: &Ctx, s: &Session, r: DirectiveRef, review: &Review) -> Option<String> {
    let t = i18n::strings(ctx.lang);
    match (r.district, review) {
        (_, Review::District(_)) => None,
        (Some(d), Review::Due) => s.districts.get(d).map(|d| d.name.to_string()),
        (None, Review::Due) => {
            let names: Vec<&str> = (s.localities_of(r).into_iter())
                .filter_map(|d| s.districts.get(d).map(|d| &*d.name))
                .collect();
            Some(format!("{}: {}", t.common, names.join(", ")))
        }
    }
}

/// A directive: `   [ ] ` and its text wrapped, then `⚠ quá hạn · Hạn: 31/12/2024 · place`.
fn directive_lines(
    ctx: &Ctx,
    (s, r, d): (&Session, DirectiveRef, &Directive),
    review: &Review,
    width: usize,
) -> Vec<Toned> {
    let t = i18n::strings(ctx.lang);
    let overdue = d.is_overdue(ctx.today);
    let lead = INDENT + CHECKBOX;
    let mark_tone = match (d.done, overdue) {
        (true, _) => Tone::Done,
        (false, true) => Tone::Overdue,
        (false, false) => Tone::Plain,
    };
    let text_tone = if d.done { Tone::Muted } else { Tone::Plain };
    let mut out: Vec<Toned> = (wrap(&d.text, width.saturating_sub(lead)).into_iter())
        .enumerate()
        .map(|(i, part)| {
            let head = if i == 0 {
                Toned::one(" ".repeat(INDENT), Tone::Plain).and(checkbox_cell(d.done), mark_tone)
            } else {
                Toned::one(" ".repeat(lead), Tone::Plain)
            };
            head.and(part, text_tone)
        })
        .collect();
    if !d.more.progress.is_empty() {
        let line = super::follow_up::line(ctx.lang, d, width.saturating_sub(lead));
        out.push(Toned::one(" ".repeat(lead), Tone::Plain).and_line(line));
    }
    let mut meta = Vec::new();
    // A dossier says every directive's state: in words, unless the follow-up line says it.
    if matches!(review, Review::District(_)) && !says_more(d) {
        meta.push(state_word(d.state(), ctx.lang).to_string());
    }
    meta.extend(crate::present::deadline(
        d.due,
        d.more.due_text.as_deref(),
        ctx.lang,
    ));
    // What is due names the category (the follow-up line above says the state); elsewhere the
    // standing says both.
    match review {
        Review::Due if says_more(d) => {
            meta.push(category_word(d.category(ctx.today), ctx.lang).to_string());
        }
        _ if says_more(d) => meta.push(standing_line(d, ctx.today, ctx.lang)),
        _ => {}
    }
    meta.extend(place(ctx, s, r, review));
    let mut flags = Vec::new();
    if d.urgent {
        flags.push(crate::present::urgent_mark(ctx.lang));
    }
    if overdue {
        flags.push(format!("⚠ {}", t.overdue));
    }
    let flag = match (flags.is_empty(), meta.is_empty()) {
        (true, _) => String::new(),
        (false, true) => flags.join(" · "),
        (false, false) => format!("{} · ", flags.join(" · ")),
    };
    if !flag.is_empty() || !meta.is_empty() {
        let room = width.saturating_sub(lead);
        let text = meta.join(" · ");
        out.extend(Toned::wrapped(
            (&flag, Tone::Overdue),
            (&text, Tone::Muted),
            lead,
            room,
        ));
    }
    out
}

/// Check the directive of `target` off, or on again; a session row explains.
pub(crate) fn toggle(ctx: &Ctx, target: Target) -> Intent {
    on_directive(ctx, target, Intent::Toggle, Notice::SelectDirective)
}

/// `then` with the key of the directive of `target`; `otherwise` said for any other row.
fn on_directive(
    ctx: &Ctx,
    target: Target,
    then: fn(DirectiveKey) -> Intent,
    otherwise: Notice,
) -> Intent {
    match (target, ctx.catalog.sessions.get(target.session())) {
        (Target::Directive { directive, .. }, Some(s)) => match DirectiveKey::of(s, directive) {
            Some(key) => then(key),
            None => Intent::Notice(otherwise),
        },
        _ => Intent::Notice(otherwise),
    }
}

impl View for ReviewScreen {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        let narrow = match self.review {
            Review::Due => Command::FilterDistrict,
            Review::District(_) => Command::FilterDirectives,
        };
        let mut offers = vec![
            Offer::hint(Command::Open),
            Offer::hint(Command::Toggle),
            Offer::hint(narrow),
            Offer::hint(Command::Back),
            Offer::hint(Command::Help),
            Offer::help(Command::Edit),
        ];
        offers.extend(MOVES);
        offers.push(Offer::help(Command::Progress));
        offers.push(Offer::help(Command::Quit));
        offers
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let c = without_tabs(c);
        let listing = self.remake(ctx);
        let rows = &listing.rows;
        let selectable: Vec<bool> = rows.iter().map(Row::selectable).collect();
        let width = usize::from(ctx.area.width);
        let height = |i: usize| self.row_lines(ctx, &listing, &rows[i], width).len();
        let mut list = self.list;
        if list.command(&height, &selectable, view_height(ctx), c) {
            self.list = list;
            return Intent::None;
        }
        match c {
            Command::Back => Intent::Back,
            Command::Quit => Intent::ToList,
            Command::Open => match rows.get(self.list.selected) {
                Some(Row::District(d)) => Intent::OpenDistrict(d.key.clone()),
                Some(Row::Item(target)) => Intent::Open(*target),
                Some(Row::Trend(i)) => match listing.trends.get(*i).and_then(|t| t.points.last()) {
                    Some(p) => Intent::Open(Target::Indicator {
                        session: p.session,
                        district: p.locality,
                        indicator: p.indicator,
                    }),
                    None => Intent::None,
                },
                _ => Intent::None,
            },
            Command::Toggle => match rows.get(self.list.selected) {
                Some(Row::Item(target)) => toggle(ctx, *target),
                _ => Intent::Notice(Notice::SelectDirective),
            },
            Command::Edit => match rows.get(self.list.selected) {
                Some(Row::Item(target)) => {
                    EditRequest::of(ctx, *target).map_or(Intent::None, Intent::Edit)
                }
                _ => Intent::None,
            },
            Command::Progress => match rows.get(self.list.selected) {
                Some(Row::Item(target)) => on_directive(
                    ctx,
                    *target,
                    Intent::Progress,
                    Notice::SelectDirectiveForProgress,
                ),
                _ => Intent::Notice(Notice::SelectDirectiveForProgress),
            },
            _ => Intent::None,
        }
    }

    /// A click on a row selects it; on the selected one, opens it.
    fn click(&mut self, ctx: &Ctx, _column: u16, row: u16) -> Intent {
        let Some(mut line) = list_line(ctx.area, row) else {
            return Intent::None;
        };
        let listing = self.listing(ctx);
        let rows = &listing.rows;
        let width = usize::from(header_and_list(ctx.area)[1].width);
        if sticky_heading(rows, self.list.offset).is_some() {
            let Some(below) = line.checked_sub(1) else {
                return Intent::None;
            };
            line = below;
        }
        let mut at = None;
        for (i, r) in rows.iter().enumerate().skip(self.list.offset) {
            let height = self.row_lines(ctx, &listing, r, width).len();
            if line < height {
                at = Some(i);
                break;
            }
            line -= height;
        }
        match at {
            Some(i) if i == self.list.selected => self.command(ctx, Command::Open),
            Some(i) if rows[i].selectable() => {
                self.list.selected = i;
                Intent::None
            }
            _ => Intent::None,
        }
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let listing = self.remake(ctx);
        let rows = &listing.rows;
        let selectable: Vec<bool> = rows.iter().map(Row::selectable).collect();
        let mut list = self.list;
        list.selected = on_selectable(&selectable, list.selected);
        list.offset = list.offset.min(rows.len().saturating_sub(1));
        let width = usize::from(ctx.area.width);
        let height = |i: usize| self.row_lines(ctx, &listing, &rows[i], width).len();
        list.keep_visible(&height, rows.len(), view_height(ctx));
        self.list = list;
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let [header, list] = header_and_list(area);
        let title = Span::styled(format!(" {}", self.title(ctx)), theme.heading());
        frame.render_widget(Paragraph::new(Line::from(title)), header);
        let width = usize::from(list.width);
        let height = usize::from(list.height);
        let mut lines: Vec<Line<'static>> = Vec::with_capacity(height);
        let listing = self.listing(ctx);
        let rows = &listing.rows;
        if let Some(heading) = sticky_heading(rows, self.list.offset) {
            let sticky = self.row_lines(ctx, &listing, &rows[heading], width);
            lines.extend(sticky.iter().take(1).map(|l| theme.paint(l)));
        }
        for (i, row) in rows.iter().enumerate().skip(self.list.offset) {
            if lines.len() >= height {
                break;
            }
            let selected = i == self.list.selected;
            for toned in self.row_lines(ctx, &listing, row, width) {
                lines.push(if selected {
                    let filler = pad(&toned.text(), width);
                    theme
                        .paint(&toned.and(filler, Tone::Plain))
                        .patch_style(theme.selected())
                } else {
                    theme.paint(&toned)
                });
            }
        }
        lines.truncate(height);
        frame.render_widget(Paragraph::new(lines), list);
    }
}
