//! A directive's history: its progress log from the file (newest first: when, who, the state,
//! the percent, the note), then, in a git work tree, its check-offs from git, asked for when
//! opened and shown when read.

use super::Scrolled;
use crate::git::GitError;
use crate::git::history::History as Read;
use crate::i18n;
use crate::model::progress::Entry;
use crate::model::{Followed, Lang};
use crate::present::{follow_up, numbers};
use crate::screens::Ctx;
use crate::ui::text::wrap;
use crate::ui::tone::{Tone, Toned};

/// Read the check-off history of one directive from git.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRequest {
    pub session_id: String,
    pub directive_id: String,
}

/// What the pop-up has to show from git.
#[derive(Debug)]
enum History {
    /// The folder is not in a git work tree: the file's log alone.
    NoGit,
    Loading,
    Loaded(Read),
    Failed(GitError),
}

#[derive(Debug)]
pub struct HistoryView {
    request: HistoryRequest,
    history: History,
}

impl HistoryView {
    /// The pop-up for `request`: while git's history is being read when `git`, else the
    /// file's log alone.
    pub fn new(request: HistoryRequest, git: bool) -> Self {
        HistoryView {
            request,
            history: if git {
                History::Loading
            } else {
                History::NoGit
            },
        }
    }

    /// The directive or locality's proposal whose log this is.
    fn directive<'c>(&self, ctx: &'c Ctx) -> Option<&'c dyn Followed> {
        let session = ctx.catalog.session(&self.request.session_id)?;
        session.followed(&self.request.directive_id)
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

    /// The progress log, newest first; then the check-offs from git, newest first, and the
    /// commits that could not be read, or that they are being read, or why they cannot be.
    fn lines(&self, ctx: &Ctx, width: usize) -> Vec<Toned> {
        let lang = ctx.lang;
        let t = i18n::strings(lang);
        let log = self
            .directive(ctx)
            .map(|d| d.log_by_time())
            .unwrap_or_default();
        let mut text: Vec<(String, Tone)> = Vec::new();
        if !log.is_empty() || matches!(self.history, History::NoGit) {
            text.push((t.progress_log.to_string(), Tone::Heading));
        }
        if log.is_empty() && matches!(self.history, History::NoGit) {
            text.push((t.no_progress.to_string(), Tone::Plain));
        }
        for entry in log.iter().rev() {
            let tone = if entry.state.is_some() {
                Tone::Plain
            } else {
                Tone::Muted
            };
            text.push((entry_line(lang, entry), tone));
        }
        let from_git: Vec<(String, Tone)> = match &self.history {
            History::NoGit => Vec::new(),
            History::Loading => vec![(t.history_loading.to_string(), Tone::Plain)],
            History::Failed(e) => vec![(e.message(lang), Tone::Plain)],
            History::Loaded(read) if read.events.is_empty() && read.unread.is_empty() => {
                vec![(t.no_history.to_string(), Tone::Plain)]
            }
            History::Loaded(read) => (read.events.iter())
                .map(|e| (crate::git::history::history_line(lang, e), Tone::Plain))
                .chain(read.unread.iter().map(|u| (u.message(lang), Tone::Overdue)))
                .collect(),
        };
        if !from_git.is_empty() && !log.is_empty() {
            text.push((String::new(), Tone::Plain));
            text.push((t.git_history.to_string(), Tone::Heading));
        }
        text.extend(from_git);
        (text.iter())
            .flat_map(|(t, tone)| {
                if t.is_empty() {
                    return vec![Toned::new()];
                }
                (wrap(t, width.saturating_sub(2)).into_iter())
                    .map(|part| Toned::one(format!(" {part}"), *tone))
                    .collect()
            })
            .collect()
    }
}

/// `07/12/2026 09:15 · lan · In progress, 40% · Started two water works`.
fn entry_line(lang: Lang, e: &Entry) -> String {
    let mut parts = vec![
        format!(
            "{} {}",
            numbers::date(e.at.date_naive()),
            e.at.format("%H:%M")
        ),
        e.by.to_string(),
    ];
    match (e.state, e.percent) {
        (Some(state), percent) => parts.push(follow_up::state_with_percent(state, percent, lang)),
        (None, Some(p)) => parts.push(format!("{p}%")),
        (None, None) => {}
    }
    parts.extend(e.note.as_deref().map(str::to_string));
    parts.join(" · ")
}
