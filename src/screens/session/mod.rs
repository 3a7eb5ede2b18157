//! One session: its header, a tab per district after the overview, and the selected tab's
//! blocks; moving between blocks and tabs, paging, checking directives off.

mod blocks;
mod lines;
mod place;
mod tabs;

use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::nav::{Selectable, scroll_into_view};
use super::{Ctx, EditRequest, Intent, Jump, MOVES, Notice, Offer, View, frame};
use crate::i18n;
use crate::input::Command;
use crate::model::{DirectiveKey, Session};
use crate::present::{locality_title, session_when, truncate};
use crate::search::Target;
use crate::store::place::Spot;
use crate::ui::text::wrap;
use crate::ui::theme::Theme;
use blocks::Block;
use lines::{Cx, GUTTER};
use place::{Placed, TabCache, TabKey, TabLines};
use tabs::TabBar;

/// An open session: which tab, which block is selected, and the first line in view.
#[derive(Debug)]
pub struct SessionScreen {
    /// The session's id, so a reload finds it wherever it moved in the catalog.
    id: String,
    tab: usize,
    selected: usize,
    offset: usize,
    /// Where on screen the selected block was put last, kept through resizes and reloads.
    row: usize,
    lines: TabCache,
    /// The search whose hit opened the session: its matches are highlighted.
    query: Option<String>,
}

struct Areas {
    title: Rect,
    meta: Rect,
    tabs: Rect,
    content: Rect,
}

/// The start of `title` that can fill the header's (at most two) lines at `width`, so that
/// wrapping costs the same for a title of any length.
fn title_head(title: &str, width: u16) -> &str {
    let keep = usize::from(width).saturating_mul(3);
    match title.char_indices().nth(keep) {
        Some((end, _)) => &title[..end],
        None => title,
    }
}

fn title_lines(title: &str, width: u16) -> Vec<String> {
    let lines = wrap(
        title_head(title, width),
        usize::from(width.saturating_sub(2)),
    );
    lines.into_iter().take(2).map(str::to_string).collect()
}

fn areas(area: Rect, title: &str) -> Areas {
    let title_height = u16::try_from(title_lines(title, area.width).len()).unwrap_or(1);
    let [title, meta, tabs, content] = Layout::vertical([
        Constraint::Length(title_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(frame(area).body);
    Areas {
        title,
        meta,
        tabs,
        content,
    }
}

/// Where the selection goes when the tab opens at `target`.
fn tab_of(target: Target) -> usize {
    match target {
        Target::Session { .. } => 0,
        Target::District { district, .. } | Target::Indicator { district, .. } => district + 1,
        Target::Directive { directive, .. } => directive.district.map_or(0, |d| d + 1),
    }
}

fn is_block_of(target: Target, block: &Block) -> bool {
    match (target, block) {
        (Target::Directive { directive, .. }, Block::Directive(r)) => directive == *r,
        (
            Target::Indicator {
                district,
                indicator,
                ..
            },
            Block::Indicator { district: d, index },
        ) => district == *d && indicator == *index,
        _ => false,
    }
}

/// The block that holds a search hit's text: the block that says exactly that text (a
/// bullet, a name), else the paragraph of it that holds the match, else a block that quotes
/// it (a participant's role in their line, a caption with its credit), else the first block
/// sharing a word of the query.
fn block_of_hit(ctx: &Ctx, session: &Session, blocks: &[Block], jump: &Jump) -> Option<usize> {
    let texts: Vec<Option<String>> = (blocks.iter())
        .map(|b| {
            (b.selectable())
                .then(|| blocks::block_text(session, b, ctx.lang))
                .flatten()
        })
        .collect();
    let matches = |text: &str| !crate::search::matches(text, &jump.query).is_empty();
    let paragraphs = crate::present::paragraphs(&jump.text);
    let find =
        |test: &dyn Fn(&str) -> bool| (texts.iter()).position(|t| t.as_deref().is_some_and(test));
    find(&|t| t == jump.text)
        .or_else(|| find(&|t| paragraphs.iter().any(|p| p == t) && matches(t)))
        .or_else(|| find(&|t| !jump.text.is_empty() && t.contains(jump.text.as_str())))
        .or_else(|| find(&|t| !jump.query.is_empty() && matches(t)))
}

/// `p` or `L` on a locality's proposal: its form or its log when it has an id and an assignee,
/// else what to add to the file.
fn proposal_intent(session: &Session, district: usize, index: usize, c: Command) -> Intent {
    let Some(p) = session
        .districts
        .get(district)
        .and_then(|d| d.more.proposals.get(index))
    else {
        return Intent::None;
    };
    let Some(id) = &p.id else {
        return Intent::Notice(Notice::ProposalWithoutId);
    };
    if !p.is_followed() {
        return Intent::Notice(Notice::ProposalUnassigned(id.to_string()));
    }
    let key = DirectiveKey {
        session: session.id.to_string(),
        directive: id.to_string(),
    };
    match c {
        Command::Progress => Intent::Progress(key),
        _ => Intent::ShowHistory(key),
    }
}

/// A tab's blocks, of which those [`Block::selectable`] may be selected.
fn blocks(blocks: &[Block]) -> Selectable<'_, Block> {
    Selectable::new(blocks, Block::selectable)
}

impl SessionScreen {
    /// The screen of the session of `target`, at that item (a directive the directive
    /// filter hides is not found: the app clears the filter first).
    /// A search hit's `jump` selects the block that holds its match and highlights the query.
    pub(crate) fn open(ctx: &Ctx, target: Target, jump: Option<&Jump>) -> Option<Self> {
        let session = ctx.catalog.sessions.get(target.session())?;
        let mut screen = SessionScreen {
            id: session.id.to_string(),
            tab: tab_of(target).min(session.districts.len()),
            selected: 0,
            offset: 0,
            row: 0,
            lines: TabCache::default(),
            query: jump.map(|j| j.query.clone()),
        };
        let lines = screen.tab_lines(ctx, session);
        screen.selected = (lines.blocks.iter())
            .position(|b| is_block_of(target, b))
            .or_else(|| jump.and_then(|j| block_of_hit(ctx, session, &lines.blocks, j)))
            .unwrap_or_else(|| lines.first_selectable());
        screen.keep_visible(ctx, session);
        Some(screen)
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn tab(&self) -> usize {
        self.tab
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first line of the tab in view.
    pub fn offset(&self) -> usize {
        self.offset
    }

    pub(crate) fn session<'c>(&self, ctx: &'c Ctx) -> Option<&'c Session> {
        ctx.catalog.session(&self.id)
    }

    fn cx(ctx: &Ctx) -> Cx {
        Cx {
            lang: ctx.lang,
            today: ctx.today,
        }
    }

    /// The content area: its width less the gutter, and its height.
    fn view_size(ctx: &Ctx, session: &Session) -> (usize, usize) {
        let content = areas(ctx.area, &session.title).content;
        let width = usize::from(content.width).saturating_sub(GUTTER);
        (width, usize::from(content.height))
    }

    fn key(&self, ctx: &Ctx, width: usize) -> TabKey {
        TabKey {
            revision: ctx.revision,
            tab: self.tab,
            filter: ctx.filters.directives,
            today: ctx.today,
            lang: ctx.lang,
            width,
        }
    }

    /// The open tab made into lines at the screen's width, kept for the next key.
    fn tab_lines(&self, ctx: &Ctx, session: &Session) -> Rc<TabLines> {
        let (width, _) = Self::view_size(ctx, session);
        self.lines.get(self.key(ctx, width), || {
            TabLines::make(
                &Self::cx(ctx),
                session,
                self.tab,
                ctx.filters.directives,
                width,
            )
        })
    }

    fn placed<'t>(&self, ctx: &Ctx, session: &Session, lines: &'t TabLines) -> Placed<'t> {
        let (width, _) = Self::view_size(ctx, session);
        Placed::new(&Self::cx(ctx), session, lines, self.selected, width)
    }

    fn select_tab(&mut self, ctx: &Ctx, session: &Session, tab: usize) {
        self.tab = tab;
        self.selected = self.tab_lines(ctx, session).first_selectable();
        self.offset = 0;
    }

    /// After a move: scrolls so the selected block, with the heading right above it, is in
    /// view, and remembers where on screen it is.
    fn keep_visible(&mut self, ctx: &Ctx, session: &Session) {
        let lines = self.tab_lines(ctx, session);
        let placed = self.placed(ctx, session, &lines);
        let (_, height) = Self::view_size(ctx, session);
        let (top, span) = placed.span_with_heading(self.selected);
        self.offset = scroll_into_view(self.offset, top, span, height);
        self.remember_row(&placed);
    }

    fn remember_row(&mut self, placed: &Placed<'_>) {
        let (top, _) = placed.span_with_heading(self.selected);
        self.row = top.saturating_sub(self.offset);
    }

    /// After the size, the session or the filter changed: the selected block back where it
    /// was on screen, as far as it then fits.
    fn settle(&mut self, ctx: &Ctx, session: &Session) {
        let lines = self.tab_lines(ctx, session);
        let placed = self.placed(ctx, session, &lines);
        let (_, height) = Self::view_size(ctx, session);
        let (top, span) = placed.span_with_heading(self.selected);
        self.offset = scroll_into_view(top.saturating_sub(self.row), top, span, height);
    }

    /// The first line to show so the selected block is in view, moving from `anchor` only
    /// upwards when the block starts above it (a block taller than the view may be shown in
    /// part, from `anchor`).
    fn offset_showing(placed: &Placed<'_>, block: usize, anchor: usize, view: usize) -> usize {
        let (top, span) = placed.span_with_heading(block);
        if span <= view {
            scroll_into_view(anchor, top, span, view)
        } else {
            anchor.clamp(top, top + span - view)
        }
    }

    /// The next screenful: it starts at the first line not yet seen (or, near the end, at
    /// the last screenful), so no line is passed unseen. The selection is the first block
    /// that starts in it, so its first line (a directive's checkbox) is on screen; a block
    /// taller than the view that fills it is selected itself. With every line seen, the
    /// last block is selected and the view stays.
    fn page_down(&mut self, ctx: &Ctx, session: &Session) {
        let (width, view) = Self::view_size(ctx, session);
        let cx = Self::cx(ctx);
        let lines = self.tab_lines(ctx, session);
        let old = self.placed(ctx, session, &lines);
        if self.offset + view >= old.total() {
            self.selected = lines.last_selectable();
            self.keep_visible(ctx, session);
            return;
        }
        let start = (self.offset + view).min(old.total().saturating_sub(view));
        let (k, j) = old.locate(start);
        let selected = Self::first_starting_in(&old, start, start + view)
            .unwrap_or_else(|| blocks(&lines.blocks).near(k));
        self.selected = selected;
        let new = Placed::new(&cx, session, &lines, selected, width);
        let anchor = new.line_of(k, j).min(new.total().saturating_sub(view));
        self.offset = scroll_into_view(anchor, new.top(selected), 1, view);
        self.remember_row(&new);
    }

    /// The screenful before: it ends where the view started (or further down, to show the
    /// selected block whole), so no line is passed unseen, even when the block selected now
    /// shows its detail and pushes the lines after it down. The selection is the first block
    /// that starts in it; at the top, the first block.
    fn page_up(&mut self, ctx: &Ctx, session: &Session) {
        let (width, view) = Self::view_size(ctx, session);
        let cx = Self::cx(ctx);
        let lines = self.tab_lines(ctx, session);
        if self.offset == 0 {
            self.selected = lines.first_selectable();
            self.keep_visible(ctx, session);
            return;
        }
        let old = self.placed(ctx, session, &lines);
        let (top_block, top_line) = old.locate(self.offset);
        let mut start = self.offset.saturating_sub(view);
        let mut selected = Self::first_starting_in(&old, start, self.offset)
            .unwrap_or_else(|| blocks(&lines.blocks).near(old.locate(start).0));
        let mut new = Placed::new(&cx, session, &lines, selected, width);
        for _ in 0..lines.blocks.len() {
            let was = new.line_of(top_block, top_line);
            start = was.saturating_sub(view);
            match Self::first_starting_in(&new, start, was) {
                Some(i) if i != selected => {
                    selected = i;
                    new = Placed::new(&cx, session, &lines, selected, width);
                }
                _ => break,
            }
        }
        self.selected = selected;
        self.offset = Self::offset_showing(&new, selected, start, view).max(start);
        self.remember_row(&new);
    }

    /// The first selectable block that starts (with its heading) at or after line `from` and
    /// before line `to`.
    fn first_starting_in(placed: &Placed<'_>, from: usize, to: usize) -> Option<usize> {
        (0..placed.tab.blocks.len()).find(|&i| {
            let (top, _) = placed.span_with_heading(i);
            placed.tab.blocks[i].selectable() && top >= from && placed.top(i) < to
        })
    }

    /// What `e` opens: the selected item, else the open tab's locality, else the session.
    fn edit_request(&self, ctx: &Ctx, session: &Session) -> EditRequest {
        let locality = |d: usize| session.districts.get(d).map(|d| d.id.to_string());
        let spot = match self.selected_block(ctx, session) {
            Some(Block::Directive(r)) => session
                .directive(r)
                .map(|d| Spot::Directive(d.id.to_string())),
            Some(Block::Indicator { district, index }) => {
                locality(district).map(|locality| Spot::Indicator { locality, index })
            }
            Some(Block::DistrictLine(d) | Block::Facts(d)) => locality(d).map(Spot::Locality),
            Some(Block::Participant(p)) => Some(Spot::Participant(p)),
            _ => None,
        };
        let tab = self.tab.checked_sub(1).and_then(locality);
        EditRequest {
            session_id: self.id.clone(),
            spot: spot.or(tab.map(Spot::Locality)).unwrap_or(Spot::Session),
        }
    }

    fn selected_block(&self, ctx: &Ctx, session: &Session) -> Option<Block> {
        self.tab_lines(ctx, session)
            .blocks
            .get(self.selected)
            .cloned()
    }

    fn draw_header(
        &self,
        frame: &mut Frame<'_>,
        l: &Areas,
        ctx: &Ctx,
        session: &Session,
        theme: &Theme,
    ) {
        let lines: Vec<Line<'_>> = title_lines(&session.title, l.title.width)
            .into_iter()
            .take(usize::from(l.title.height))
            .map(|t| Line::from(Span::styled(format!(" {t}"), theme.title())))
            .collect();
        frame.render_widget(Paragraph::new(lines), l.title);
        let t = i18n::strings(ctx.lang);
        let mut meta = session_when(session, ctx.lang);
        if session.is_upcoming(ctx.today) {
            meta.push_str(&format!(" ({})", t.upcoming));
        }
        if let Some(chair) = session.chair_line() {
            meta.push_str(&format!(" · {}: {chair}", t.chair));
        }
        let meta = truncate(&meta, usize::from(l.meta.width.saturating_sub(1)));
        let meta = Span::styled(format!(" {meta}"), theme.muted());
        frame.render_widget(Paragraph::new(Line::from(meta)), l.meta);
        let tabs = self.bar_line(ctx, session, l.tabs, theme);
        frame.render_widget(Paragraph::new(tabs), l.tabs);
    }

    /// The labels of the tabs: the overview, then each locality.
    fn tab_labels(ctx: &Ctx, session: &Session) -> Vec<String> {
        let overview = i18n::strings(ctx.lang).overview.to_string();
        let localities = (session.districts.iter()).map(|d| locality_title(d, ctx.lang));
        std::iter::once(overview)
            .chain(localities)
            .enumerate()
            .map(|(i, name)| tabs::label(i, &name))
            .collect()
    }

    /// The tab bar laid out in `area` (a column of margin on each side).
    fn tab_bar(&self, ctx: &Ctx, session: &Session, area: Rect) -> TabBar {
        let width = usize::from(area.width.saturating_sub(2));
        TabBar::layout(&Self::tab_labels(ctx, session), self.tab, width)
    }

    /// The tab bar's line in `area`: the tabs that fit around the open one, with `‹`/`›`
    /// where some are hidden.
    fn bar_line(&self, ctx: &Ctx, session: &Session, area: Rect, theme: &Theme) -> Line<'static> {
        let labels = Self::tab_labels(ctx, session);
        let bar = self.tab_bar(ctx, session, area);
        let mut spans = vec![Span::raw(" ")];
        if bar.more_left {
            spans.push(Span::styled(tabs::MORE_LEFT, theme.accent()));
        }
        for (n, &(i, ..)) in bar.shown.iter().enumerate() {
            if n > 0 {
                spans.push(Span::styled(tabs::DIVIDER, theme.muted()));
            }
            let style = if i == self.tab {
                theme.selected()
            } else {
                theme.muted()
            };
            spans.push(Span::styled(labels[i].clone(), style));
        }
        if bar.more_right {
            spans.push(Span::styled(tabs::MORE_RIGHT, theme.accent()));
        }
        Line::from(spans)
    }

    /// The tab's lines in view in `area`, from the offset on, with the selection gutter.
    fn content(
        &self,
        ctx: &Ctx,
        session: &Session,
        area: Rect,
        theme: &Theme,
    ) -> Vec<Line<'static>> {
        let width = usize::from(area.width).saturating_sub(GUTTER);
        let cx = Self::cx(ctx);
        let lines = self.lines.kept_or_made(self.key(ctx, width), || {
            TabLines::make(&cx, session, self.tab, ctx.filters.directives, width)
        });
        let placed = Placed::new(&cx, session, &lines, self.selected, width);
        let rows = usize::from(area.height);
        let (first, mut skip) = placed.locate(self.offset);
        let mut out: Vec<Line<'static>> = Vec::with_capacity(rows);
        for i in first..lines.blocks.len() {
            if out.len() == rows {
                break;
            }
            let selected = i == self.selected;
            let reversed = selected && lines.blocks[i].reversed_when_selected();
            for toned in placed.window(i, skip, rows - out.len()).iter() {
                let mut line = match &self.query {
                    Some(q) => {
                        theme.paint(&toned.marked(&crate::search::matches(&toned.text(), q)))
                    }
                    None => theme.paint(toned),
                };
                if reversed {
                    line = line.patch_style(theme.selected());
                }
                // The blank line after a paragraph is spacing, not part of the selection.
                let gutter = if selected && !toned.is_blank() {
                    Span::styled("▌ ", theme.gutter())
                } else {
                    Span::styled("  ", Style::new())
                };
                line.spans.insert(0, gutter);
                out.push(line);
            }
            skip = 0;
        }
        out
    }
}

impl View for SessionScreen {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        use Command::*;
        let hints = [
            Down,
            NextTab,
            Toggle,
            Progress,
            Edit,
            Back,
            FilterDirectives,
            History,
            Help,
        ];
        let mut offers = hints.map(Offer::hint).to_vec();
        // `↓` is a hint here: it leads into the tab.
        offers.extend(MOVES.into_iter().filter(|o| o.command != Down));
        offers.extend([PrevTab, JumpTab(1), Open, Quit].map(Offer::help));
        offers
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let Some(session) = self.session(ctx) else {
            return Intent::Back;
        };
        let tabs = session.districts.len() + 1;
        let lines = self.tab_lines(ctx, session);
        match c {
            Command::Back => return Intent::Back,
            Command::Quit => return Intent::ToList,
            Command::NextTab => self.select_tab(ctx, session, (self.tab + 1) % tabs),
            Command::PrevTab => self.select_tab(ctx, session, (self.tab + tabs - 1) % tabs),
            Command::JumpTab(n) if usize::from(n) <= tabs => {
                self.select_tab(ctx, session, usize::from(n) - 1)
            }
            Command::Open => {
                if let Some(Block::DistrictLine(d)) = lines.blocks.get(self.selected) {
                    self.select_tab(ctx, session, d + 1);
                }
            }
            Command::Up => self.selected = blocks(&lines.blocks).prev(self.selected),
            Command::Down => self.selected = blocks(&lines.blocks).next(self.selected),
            Command::PageDown => {
                self.page_down(ctx, session);
                return Intent::None;
            }
            Command::PageUp => {
                self.page_up(ctx, session);
                return Intent::None;
            }
            Command::First => {
                self.selected = lines.first_selectable();
                self.offset = 0;
            }
            Command::Last => self.selected = lines.last_selectable(),
            Command::Edit => return Intent::Edit(self.edit_request(ctx, session)),
            Command::Toggle | Command::History | Command::Progress => {
                let key = match self.selected_block(ctx, session) {
                    Some(Block::Directive(directive)) => DirectiveKey::of(session, directive),
                    Some(Block::Proposal { district, index }) if c != Command::Toggle => {
                        return proposal_intent(session, district, index, c);
                    }
                    _ => None,
                };
                return match (key, c) {
                    (Some(key), Command::Toggle) => Intent::Toggle(key),
                    (Some(key), Command::Progress) => Intent::Progress(key),
                    (Some(key), _) => Intent::ShowHistory(key),
                    (_, Command::Toggle) => Intent::Notice(Notice::SelectDirective),
                    (_, Command::Progress) => Intent::Notice(Notice::SelectDirectiveForProgress),
                    _ => Intent::Notice(Notice::SelectDirectiveForHistory),
                };
            }
            _ => return Intent::None,
        }
        self.keep_visible(ctx, session);
        Intent::None
    }

    /// A click on a tab opens it; on a block of the tab, selects it (a second click on a
    /// locality's line opens its tab).
    fn click(&mut self, ctx: &Ctx, column: u16, row: u16) -> Intent {
        let Some(session) = self.session(ctx) else {
            return Intent::None;
        };
        let l = areas(ctx.area, &session.title);
        if row == l.tabs.y {
            let x = column.checked_sub(l.tabs.x + 1).map(usize::from);
            if let Some(tab) = x.and_then(|x| self.tab_bar(ctx, session, l.tabs).tab_at(x)) {
                self.select_tab(ctx, session, tab);
                self.keep_visible(ctx, session);
            }
            return Intent::None;
        }
        let inside = (l.content.y..l.content.bottom()).contains(&row);
        if !inside {
            return Intent::None;
        }
        let lines = self.tab_lines(ctx, session);
        let placed = self.placed(ctx, session, &lines);
        let line = self.offset + usize::from(row - l.content.y);
        if line >= placed.total() {
            return Intent::None;
        }
        let (block, _) = placed.locate(line);
        if !lines.blocks.get(block).is_some_and(Block::selectable) {
            return Intent::None;
        }
        if block == self.selected {
            return self.command(ctx, Command::Open);
        }
        self.selected = block;
        let new = self.placed(ctx, session, &lines);
        self.remember_row(&new);
        self.keep_visible(ctx, session);
        Intent::None
    }

    /// Keeps the tab and the selection within what the session shows now.
    fn refresh(&mut self, ctx: &Ctx) {
        let Some(session) = self.session(ctx) else {
            return;
        };
        self.tab = self.tab.min(session.districts.len());
        let lines = self.tab_lines(ctx, session);
        let at = self.selected.min(lines.blocks.len().saturating_sub(1));
        self.selected = if lines.blocks.get(at).is_some_and(Block::selectable) {
            at
        } else {
            blocks(&lines.blocks).prev(at)
        };
        self.settle(ctx, session);
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let Some(session) = self.session(ctx) else {
            return;
        };
        let l = areas(area, &session.title);
        self.draw_header(frame, &l, ctx, session, theme);
        let content = self.content(ctx, session, l.content, theme);
        frame.render_widget(Paragraph::new(content), l.content);
    }
}
