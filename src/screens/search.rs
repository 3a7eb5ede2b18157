//! The search screen: the query as typed, and the hits, best first, with their matches
//! highlighted; Enter opens the session at the item found.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::nav::{ListState, moved};
use super::{Ctx, Intent, Loading, MOVES, Offer, View, header_and_list};
use crate::i18n;
use crate::input::Command;
use crate::model::{Lang, format};
use crate::present::truncate;
use crate::search::{FieldKind, Hit, Target};
use crate::ui::text::{gap, tail};
use crate::ui::theme::Theme;

/// At most this many hits are listed.
const MAX_HITS: usize = 200;

/// The query as typed and its hits, best first.
#[derive(Debug, Default)]
pub struct SearchScreen {
    query: String,
    hits: Vec<Hit>,
    list: ListState,
}

impl SearchScreen {
    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    pub fn selected(&self) -> usize {
        self.list.selected
    }

    /// Runs the query again (after typing, or after the files were reloaded); the selection
    /// is kept in the hits by `refresh`.
    pub(crate) fn run(&mut self, ctx: &Ctx) {
        self.hits = ctx
            .index
            .query(&ctx.catalog.sessions, &self.query, MAX_HITS);
    }
}

fn page(ctx: &Ctx) -> usize {
    let [_, list] = header_and_list(ctx.area);
    usize::from(list.height).max(1)
}

/// What kind of field a hit is in.
fn field_label(lang: Lang, field: FieldKind) -> &'static str {
    let t = i18n::strings(lang);
    match field {
        FieldKind::Title => t.field_title,
        FieldKind::Topic => t.topic,
        FieldKind::Tag => t.field_tag,
        FieldKind::Participant => t.field_participant,
        FieldKind::DistrictName | FieldKind::DistrictText => t.field_district,
        FieldKind::Indicator => t.field_indicator,
        FieldKind::DirectiveText => t.field_directive,
        FieldKind::DirectiveOwner => t.owner,
        FieldKind::Summary => t.summary,
    }
}

/// Where a hit is: `13/03/2024 · Đầm Hà`.
fn where_text(ctx: &Ctx, target: Target) -> String {
    let Some(s) = ctx.catalog.sessions.get(target.session()) else {
        return String::new();
    };
    let district = match target {
        Target::District { district, .. } | Target::Indicator { district, .. } => Some(district),
        Target::Directive { directive, .. } => directive.district,
        Target::Session { .. } => None,
    };
    match district.and_then(|d| s.districts.get(d)) {
        Some(d) => format!("{} · {}", format::date(s.date.day()), d.name),
        None => format::date(s.date.day()),
    }
}

/// The hit's text from a little before its first match, with matches highlighted; line
/// breaks become spaces byte for byte, so the match ranges still fit.
fn snippet(hit: &Hit, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let text = hit.text.replace(['\n', '\r', '\t'], " ");
    let first = hit.ranges.first().map_or(0, |r| r.start);
    let mut start = 0;
    let lead = text[..first].chars().count();
    if lead > 12 {
        start = (text[..first].char_indices().nth(lead - 12)).map_or(0, |(i, _)| i);
    }
    let highlight = theme
        .accent()
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut spans = Vec::new();
    let mut used = 0;
    let mut push = |piece: &str, marked: bool, spans: &mut Vec<Span<'static>>| {
        let room = width.saturating_sub(used);
        if room == 0 || piece.is_empty() {
            return;
        }
        let piece = truncate(piece, room);
        used += piece.width();
        spans.push(if marked {
            Span::styled(piece, highlight)
        } else {
            Span::raw(piece)
        });
    };
    if start > 0 {
        push("…", false, &mut spans);
    }
    let mut at = start;
    for r in &hit.ranges {
        if r.end <= at {
            continue;
        }
        let from = r.start.max(at);
        push(&text[at..from], false, &mut spans);
        push(&text[from..r.end], true, &mut spans);
        at = r.end;
    }
    push(&text[at..], false, &mut spans);
    spans
}

fn hit_line(ctx: &Ctx, hit: &Hit, width: usize, selected: bool, theme: &Theme) -> Line<'static> {
    let label = format!(" {:<11}", field_label(ctx.lang, hit.field));
    let place = where_text(ctx, hit.target);
    let room = width.saturating_sub(label.width() + place.width() + 2);
    let body = snippet(hit, room, theme);
    let body_width: usize = body.iter().map(|s| s.content.width()).sum();
    let gap = gap(width, label.width() + body_width, place.width());
    let mut spans = vec![Span::styled(label, theme.muted())];
    spans.extend(body);
    spans.push(Span::raw(gap));
    spans.push(Span::styled(place, theme.muted()));
    let line = Line::from(spans);
    if selected {
        line.patch_style(theme.selected())
    } else {
        line
    }
}

impl View for SearchScreen {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        let mut offers = vec![Offer::hint(Command::Open), Offer::hint(Command::Back)];
        offers.extend(MOVES);
        offers
    }

    /// Text keys edit the query; the others go to the keymap.
    fn text_key(&mut self, ctx: &Ctx, ev: &KeyEvent) -> Option<Intent> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Char(c) if !ctrl && !ev.modifiers.contains(KeyModifiers::ALT) => {
                self.query.push(c)
            }
            KeyCode::Char('u') if ctrl => self.query.clear(),
            KeyCode::Backspace => {
                self.query.pop()?;
            }
            _ => return None,
        }
        self.list = ListState::default();
        self.run(ctx);
        Some(Intent::None)
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        if let Some(to) = moved(self.list.selected, self.hits.len(), page(ctx), c) {
            self.list.selected = to;
            self.list.keep_visible(page(ctx));
            return Intent::None;
        }
        match c {
            Command::Back => Intent::Back,
            Command::Open => match self.hits.get(self.list.selected) {
                Some(hit) => Intent::Open(hit.target),
                None => Intent::None,
            },
            _ => Intent::None,
        }
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let selected = self.list.selected.min(self.hits.len().saturating_sub(1));
        self.list.settle(selected, page(ctx));
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let t = i18n::strings(ctx.lang);
        let [header, list] = header_and_list(area);
        let prompt = format!(" {}: ", t.search_prompt);
        let room = usize::from(header.width).saturating_sub(prompt.width() + 1);
        let lines = vec![
            Line::from(vec![
                Span::styled(prompt, theme.heading()),
                Span::raw(tail(&self.query, room).to_string()),
                Span::styled("▏", theme.accent()),
            ]),
            Line::from(Span::styled(format!(" {}", t.search_help), theme.muted())),
        ];
        frame.render_widget(Paragraph::new(lines), header);
        if self.hits.is_empty() {
            if !matches!(ctx.loading, Loading::Done) {
                frame.render_widget(Paragraph::new(format!(" {}", t.search_not_ready)), list);
            } else if !self.query.trim().is_empty() {
                frame.render_widget(Paragraph::new(format!(" {}", t.no_hits)), list);
            }
            return;
        }
        let width = usize::from(list.width);
        let lines: Vec<Line<'static>> = (self.hits.iter().enumerate())
            .skip(self.list.offset)
            .take(usize::from(list.height))
            .map(|(i, hit)| hit_line(ctx, hit, width, i == self.list.selected, theme))
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }
}
