//! A directive's check-off history from git: asked for when opened, shown when read.

use super::Scrolled;
use crate::git::GitError;
use crate::git::history::History as Read;
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
    Loaded(Read),
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
    pub fn read(&mut self, result: Result<Read, GitError>) {
        self.history = match result {
            Ok(read) => History::Loaded(read),
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

    /// The check-offs, newest first, then the commits that could not be read; or that they are
    /// being read, or why they cannot be.
    fn lines(&self, ctx: &Ctx, width: usize) -> Vec<Toned> {
        let lang = ctx.lang;
        let text: Vec<(String, Tone)> = match &self.history {
            History::Loading => {
                vec![(i18n::strings(lang).history_loading.to_string(), Tone::Plain)]
            }
            History::Failed(e) => vec![(e.message(lang), Tone::Plain)],
            History::Loaded(read) if read.events.is_empty() && read.unread.is_empty() => {
                vec![(i18n::strings(lang).no_history.to_string(), Tone::Plain)]
            }
            History::Loaded(read) => (read.events.iter())
                .map(|e| (crate::git::history::history_line(lang, e), Tone::Plain))
                .chain(read.unread.iter().map(|u| (u.message(lang), Tone::Overdue)))
                .collect(),
        };
        (text.iter())
            .flat_map(|(t, tone)| {
                wrap(t, width.saturating_sub(2))
                    .into_iter()
                    .map(|part| Toned::one(format!(" {part}"), *tone))
            })
            .collect()
    }
}
