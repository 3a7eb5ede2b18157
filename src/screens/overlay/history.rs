//! A directive's check-off history from git: asked for when opened, shown when read.

use super::Scrolled;
use crate::git::GitError;
use crate::git::history::Event;
use crate::i18n;
use crate::screens::Ctx;
use crate::ui::text::wrap;
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
    offset: usize,
}

impl HistoryView {
    /// The pop-up for `request`, while the history is being read.
    pub fn new(request: HistoryRequest) -> Self {
        HistoryView {
            request,
            history: History::Loading,
            offset: 0,
        }
    }

    /// The first line in view.
    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn request(&self) -> &HistoryRequest {
        &self.request
    }

    /// The history asked for has been read, or could not be.
    pub fn read(&mut self, result: Result<Vec<Event>, GitError>) {
        self.history = match result {
            Ok(events) => History::Loaded(events),
            Err(e) => History::Failed(e),
        };
    }
}

impl Scrolled for HistoryView {
    /// `Lịch sử đánh dấu: hh-ma-tuy`.
    fn title(&self, ctx: &Ctx) -> String {
        let title = i18n::strings(ctx.lang).history_title;
        format!("{title}: {}", self.request.directive_id)
    }

    fn offset(&self) -> usize {
        self.offset
    }

    fn set_offset(&mut self, offset: usize) {
        self.offset = offset;
    }

    /// The check-offs, newest first; or that they are being read, or why they cannot be.
    fn lines(&self, ctx: &Ctx, width: usize) -> Vec<Toned> {
        let lang = ctx.lang;
        let text: Vec<String> = match &self.history {
            History::Loading => vec![i18n::strings(lang).history_loading.to_string()],
            History::Failed(e) => vec![e.message(lang)],
            History::Loaded(events) if events.is_empty() => {
                vec![i18n::strings(lang).no_history.to_string()]
            }
            History::Loaded(events) => (events.iter())
                .map(|e| crate::git::history::history_line(lang, e))
                .collect(),
        };
        (text.iter())
            .flat_map(|t| wrap(t, width.saturating_sub(2)))
            .map(|part| Toned::one(format!(" {part}"), Tone::Plain))
            .collect()
    }
}
