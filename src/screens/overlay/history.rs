//! A directive's check-off history from git: asked for when opened, shown when read.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{OFFERS, Pager};
use crate::git::GitError;
use crate::git::history::Event;
use crate::i18n;
use crate::input::Command;
use crate::screens::{Ctx, Intent, Offer, View};
use crate::ui::text::wrap;
use crate::ui::theme::Theme;
use crate::ui::tone::{Tone, Toned};

/// Read the check-off history of one directive from git.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRequest {
    pub session_id: String,
    pub directive_id: String,
}

/// What the pop-up has to show.
#[derive(Debug)]
enum History {
    Loading,
    Loaded(Vec<Event>),
    Failed(GitError),
}

#[derive(Debug)]
pub struct HistoryView {
    request: HistoryRequest,
    history: History,
    pager: Pager,
}

impl HistoryView {
    /// The pop-up for `request`, while the history is being read.
    pub fn new(request: HistoryRequest) -> Self {
        HistoryView {
            request,
            history: History::Loading,
            pager: Pager::default(),
        }
    }

    pub fn request(&self) -> &HistoryRequest {
        &self.request
    }

    pub fn offset(&self) -> usize {
        self.pager.offset()
    }

    /// The history asked for has been read, or could not be.
    pub fn read(&mut self, result: Result<Vec<Event>, GitError>) {
        self.history = match result {
            Ok(events) => History::Loaded(events),
            Err(e) => History::Failed(e),
        };
    }

    /// The check-offs, newest first; or that they are being read, or why they cannot be.
    fn lines(&self, ctx: &Ctx, width: usize) -> Vec<Toned> {
        let lang = ctx.lang;
        let text: Vec<String> = match &self.history {
            History::Loading => vec![i18n::git::history_loading(lang).to_string()],
            History::Failed(e) => vec![i18n::git::git_error(lang, e)],
            History::Loaded(events) if events.is_empty() => {
                vec![i18n::git::no_history(lang).to_string()]
            }
            History::Loaded(events) => (events.iter())
                .map(|e| i18n::git::history_line(lang, e))
                .collect(),
        };
        (text.iter())
            .flat_map(|t| wrap(t, width.saturating_sub(2)))
            .map(|part| Toned::one(format!(" {part}"), Tone::Plain))
            .collect()
    }
}

impl View for HistoryView {
    fn offers(&self, _ctx: &Ctx) -> Vec<Offer> {
        OFFERS.to_vec()
    }

    fn command(&mut self, ctx: &Ctx, c: Command) -> Intent {
        let mut pager = self.pager;
        let intent = pager.command(ctx, c, |ctx, width| self.lines(ctx, width));
        self.pager = pager;
        intent
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let mut pager = self.pager;
        pager.refresh(ctx, |ctx, width| self.lines(ctx, width));
        self.pager = pager;
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, theme: &Theme) {
        let (width, _) = super::inner_size(area);
        let title = format!(
            "{}: {}",
            i18n::git::history_title(ctx.lang),
            self.request.directive_id
        );
        let lines = self.lines(ctx, width);
        self.pager.draw(frame, (area, ctx), &title, lines, theme);
    }
}
