//! The search screen: the query as typed, and the hits, best first, each with the kind of
//! field it is in and its text around the match, highlighted. While typing, letters are text;
//! once the hits are browsed (↑ ↓), Space checks a directive hit off and `/` types again.
//! Enter opens the session at the item found, the match highlighted there.

use std::borrow::Cow;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::nav::{ListState, moved};
use super::review::toggle;
use super::{
    Ctx, EditRequest, Intent, Jump, MOVES, Notice, Offer, View, header_and_list, list_line,
    without_tabs,
};
use crate::i18n;
use crate::input::{Command, Key};
use crate::present::truncate;
use crate::search::{FieldKind, Hit, Hits, Target};
use crate::ui::text::{excerpt, gap, tail};
use crate::ui::theme::Theme;

/// At most this many hits are listed.
const MAX_HITS: usize = 200;

/// The widest field label column.
const LABEL_COLUMN: usize = 17;

/// The commands whose keys act, and are not typed, while the hits are browsed.
const BROWSING: [Command; 10] = [
    Command::Up,
    Command::Down,
    Command::First,
    Command::Last,
    Command::Toggle,
    Command::Edit,
    Command::Help,
    Command::Undo,
    Command::NextHit,
    Command::PrevHit,
];

/// The query as typed and its hits, best first.
#[derive(Debug, Default)]
pub struct SearchScreen {
    query: String,
    hits: Hits,
    /// The hits in view made whole (their text and highlights), by their place in `hits`:
    /// the others are made only when they come into view.
    made: Vec<(usize, Hit)>,
    list: ListState,
    /// The hits are being browsed: letters are commands, not text.
    browsing: bool,
}

impl SearchScreen {
    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn hits(&self) -> &Hits {
        &self.hits
    }

    /// Hit `i` made whole: as made when it came into view, else made now.
    pub(crate) fn hit(&self, ctx: &Ctx, i: usize) -> Option<Cow<'_, Hit>> {
        match self.made.iter().find(|(at, _)| *at == i) {
            Some((_, hit)) => Some(Cow::Borrowed(hit)),
            None => (self.hits)
                .hit(&ctx.index, &ctx.catalog.sessions, i)
                .map(Cow::Owned),
        }
    }

    /// Makes whole the hits in view that are not yet.
    fn make_shown(&mut self, ctx: &Ctx) {
        let shown = self.list.offset..(self.list.offset + page(ctx)).min(self.hits.len());
        for i in shown {
            if self.made.iter().all(|(at, _)| *at != i)
                && let Some(hit) = (self.hits).hit(&ctx.index, &ctx.catalog.sessions, i)
            {
                self.made.push((i, hit));
            }
        }
    }

    pub fn selected(&self) -> usize {
        self.list.selected
    }

    /// The hits are being browsed (letters are commands), not typed into.
    pub fn browsing(&self) -> bool {
        self.browsing
    }

    /// Runs the query again (after typing, or after the files were reloaded); the selection
    /// is kept in the hits by `refresh`.
    pub(crate) fn run(&mut self, ctx: &Ctx) {
        self.hits = ctx.index.hits(&ctx.catalog.sessions, &self.query, MAX_HITS);
        self.made.clear();
        self.make_shown(ctx);
    }

    /// Where the selected hit opens.
    pub(crate) fn jump(&self, ctx: &Ctx) -> Option<Jump> {
        let hit = self.hit(ctx, self.list.selected)?;
        Some(Jump {
            target: hit.target,
            text: hit.text.clone(),
            query: self.query.clone(),
        })
    }

    /// Selects the hit `step` after (or before) the selected one; `false` at either end.
    pub(crate) fn step(&mut self, ctx: &Ctx, forward: bool) -> bool {
        let to = if forward {
            self.list.selected + 1
        } else {
            match self.list.selected.checked_sub(1) {
                Some(to) => to,
                None => return false,
            }
        };
        if to >= self.hits.len() {
            return false;
        }
        self.list.selected = to;
        self.list.keep_visible(page(ctx));
        self.make_shown(ctx);
        true
    }

    fn type_key(&mut self, ctx: &Ctx, ev: &KeyEvent) -> Option<Intent> {
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
        self.browsing = false;
        self.list = ListState::default();
        self.run(ctx);
        Some(Intent::None)
    }
}

fn page(ctx: &Ctx) -> usize {
    let [_, list] = header_and_list(ctx.area);
    usize::from(list.height).max(1)
}

/// What kind of field a hit is in: `Tóm tắt`, `Kết quả nổi bật`, `Tồn tại, hạn chế`, `Chỉ tiêu`…
/// An addressee outside the file's localities shares the owner's kind and is labelled `Gửi`.
fn field_label(ctx: &Ctx, hit: &Hit) -> &'static str {
    let t = i18n::strings(ctx.lang);
    match hit.field {
        FieldKind::Title => t.field_title,
        FieldKind::Topic => t.topic,
        FieldKind::Tag => t.field_tag,
        FieldKind::Reference => t.field_reference,
        FieldKind::Participant => t.field_participant,
        FieldKind::DistrictName => t.field_district,
        FieldKind::DistrictSummary | FieldKind::Summary => t.summary,
        FieldKind::Highlight => t.highlights,
        FieldKind::Strength => t.strengths,
        FieldKind::Shortcoming => t.shortcomings,
        FieldKind::Indicator => t.field_indicator,
        FieldKind::DirectiveText => t.field_directive,
        FieldKind::DirectiveOwner if is_addressee(ctx, hit) => t.directive_to,
        FieldKind::DirectiveOwner => t.owner,
        FieldKind::Image => t.field_image,
        FieldKind::Proposal => t.field_proposal,
    }
}

/// The hit is one of its directive's `to_other`, not its owner.
fn is_addressee(ctx: &Ctx, hit: &Hit) -> bool {
    let Target::Directive { session, directive } = hit.target else {
        return false;
    };
    (ctx.catalog.sessions.get(session))
        .and_then(|s| s.directive(directive))
        .is_some_and(|d| d.owner.as_deref() != Some(hit.text.as_str()))
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
        Some(d) => format!(
            "{} · {}",
            crate::present::session_day(&s.date, ctx.lang),
            d.name
        ),
        None => crate::present::session_day(&s.date, ctx.lang),
    }
}

/// The hit's text in `width` columns: whole when it fits, else whole words around its first
/// match, with matches highlighted; line breaks become spaces byte for byte, so the match
/// ranges still fit.
fn snippet(hit: &Hit, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let text = hit.text.replace(['\n', '\r', '\t'], " ");
    let first = hit.ranges.first().map_or(0, |r| r.start);
    let shown = excerpt(&text, first, width);
    let highlight = theme
        .accent()
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut spans = Vec::new();
    if shown.cut_before {
        spans.push(Span::raw("…"));
    }
    let (start, end) = (shown.range.start, shown.range.end);
    let mut at = start;
    for r in &hit.ranges {
        let (from, to) = (r.start.max(at), r.end.min(end));
        if from >= to {
            continue;
        }
        spans.push(Span::raw(text[at..from].to_string()));
        spans.push(Span::styled(text[from..to].to_string(), highlight));
        at = to;
    }
    spans.push(Span::raw(text[at..end].to_string()));
    if shown.cut_after {
        spans.push(Span::raw("…"));
    }
    spans.retain(|s| !s.content.is_empty());
    spans
}

fn hit_line(
    ctx: &Ctx,
    (hit, label_width): (&Hit, usize),
    width: usize,
    selected: bool,
    theme: &Theme,
) -> Line<'static> {
    let label = truncate(field_label(ctx, hit), label_width);
    let label = format!(" {label}{} ", " ".repeat(label_width - label.width()));
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
        let mut offers = vec![Offer::hint(Command::Open)];
        if self.browsing {
            offers.extend([
                Offer::hint(Command::Toggle),
                Offer::hint(Command::Search),
                Offer::help(Command::Edit),
            ]);
        }
        offers.extend([Offer::hint(Command::Back), Offer::hint(Command::Help)]);
        offers.extend(MOVES);
        offers.extend([Offer::help(Command::NextHit), Offer::help(Command::PrevHit)]);
        offers
    }

    /// A paste is typed into the query (bracketed paste no longer sends it as keys), on one
    /// line.
    fn paste(&mut self, ctx: &Ctx, text: &str) -> Option<Intent> {
        let line = text.replace("\r\n", " ");
        let line: String = (line.chars())
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        self.query.push_str(&line);
        self.browsing = false;
        self.list = ListState::default();
        self.run(ctx);
        Some(Intent::None)
    }

    /// While typing, text keys edit the query; while browsing, the keys of the browsing
    /// commands act, `/` types again, and any other letter is typed.
    fn text_key(&mut self, ctx: &Ctx, ev: &KeyEvent) -> Option<Intent> {
        if !self.browsing {
            return self.type_key(ctx, ev);
        }
        let command = ctx.keymap.command(Key::from_event(ev));
        match (ev.code, command) {
            (_, Some(Command::Search)) => {
                self.browsing = false;
                Some(Intent::None)
            }
            (_, Some(c)) if BROWSING.contains(&c) => None,
            (KeyCode::Char(_) | KeyCode::Backspace, _) => self.type_key(ctx, ev),
            _ => None,
        }
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let c = without_tabs(match c {
            Command::NextHit => Command::Down,
            Command::PrevHit => Command::Up,
            other => other,
        });
        if let Some(to) = moved(self.list.selected, self.hits.len(), page(ctx), c) {
            self.browsing = !self.hits.is_empty();
            self.list.selected = to;
            self.list.keep_visible(page(ctx));
            self.make_shown(ctx);
            return Intent::None;
        }
        match c {
            Command::Back => Intent::Back,
            Command::Open => self.jump(ctx).map_or(Intent::None, Intent::Jump),
            Command::Toggle => match self.hit(ctx, self.list.selected) {
                Some(hit) => toggle(ctx, hit.target),
                None => Intent::Notice(Notice::SelectDirective),
            },
            Command::Edit if self.browsing => (self.hit(ctx, self.list.selected))
                .and_then(|hit| EditRequest::of(ctx, hit.target))
                .map_or(Intent::None, Intent::Edit),
            _ => Intent::None,
        }
    }

    /// A click on a hit selects it (and the hits are browsed); on the selected one, opens it.
    fn click(&mut self, ctx: &Ctx, _column: u16, row: u16) -> Intent {
        let Some(line) = list_line(ctx.area, row) else {
            return Intent::None;
        };
        let at = self.list.offset + line;
        if at >= self.hits.len() {
            return Intent::None;
        }
        if at == self.list.selected {
            return self.command(ctx, Command::Open);
        }
        self.browsing = true;
        self.list.selected = at;
        self.list.keep_visible(page(ctx));
        self.make_shown(ctx);
        Intent::None
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let selected = self.list.selected.min(self.hits.len().saturating_sub(1));
        self.list.settle(selected, page(ctx));
        self.make_shown(ctx);
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let t = i18n::strings(ctx.lang);
        let [header, list] = header_and_list(area);
        let prompt = format!(" {}: ", t.search_prompt);
        let room = usize::from(header.width).saturating_sub(prompt.width() + 1);
        let (cursor, help) = if self.browsing {
            ("", t.search_browse_help)
        } else {
            ("▏", t.search_help)
        };
        let lines = vec![
            Line::from(vec![
                Span::styled(prompt, theme.heading()),
                Span::raw(tail(&self.query, room).to_string()),
                Span::styled(cursor, theme.accent()),
            ]),
            Line::from(Span::styled(
                format!(
                    " {}",
                    truncate(help, usize::from(header.width).saturating_sub(2))
                ),
                theme.muted(),
            )),
        ];
        frame.render_widget(Paragraph::new(lines), header);
        if self.hits.is_empty() {
            if !ctx.search_ready() {
                frame.render_widget(Paragraph::new(format!(" {}", t.search_not_ready)), list);
            } else if !self.query.trim().is_empty() {
                frame.render_widget(Paragraph::new(format!(" {}", t.no_hits)), list);
            }
            return;
        }
        let width = usize::from(list.width);
        let shown =
            self.list.offset..(self.list.offset + usize::from(list.height)).min(self.hits.len());
        let hits: Vec<(usize, Cow<'_, Hit>)> =
            shown.filter_map(|i| Some((i, self.hit(ctx, i)?))).collect();
        let label_width = (hits.iter())
            .map(|(_, h)| field_label(ctx, h).width())
            .max()
            .unwrap_or(0)
            .min(LABEL_COLUMN);
        let lines: Vec<Line<'static>> = (hits.iter())
            .map(|(i, hit)| {
                let selected = *i == self.list.selected;
                hit_line(ctx, (hit, label_width), width, selected, theme)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }
}
