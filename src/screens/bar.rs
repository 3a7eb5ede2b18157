//! The two lines under every screen: the status line (a notice, the filters in force) and the
//! hint bar (the hinted commands of what is on top, with their keys).

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Ctx, EditError, Offer};
use crate::git::GitError;
use crate::i18n;
use crate::input::Command;
use crate::model::filter::{DirectiveFilter, SessionFilter};
use crate::model::{Lang, State};
use crate::present::words;
use crate::store::write::WriteError;
use crate::ui::theme::Theme;

/// What the status line says until the next key; put in words only when drawn.
#[derive(Debug)]
pub enum Notice {
    /// A check-off is being written.
    Saving,
    /// The file now says the directive was done by `by` at `at`.
    CheckedOff {
        by: String,
        at: DateTime<FixedOffset>,
    },
    /// The file no longer says the directive is done.
    Unchecked,
    /// The write failed and the mark went back.
    NotSaved(WriteError),
    /// A reload no longer has the open session.
    SessionGone,
    /// A reload moved, removed or changed the directive of the un-check question.
    QuestionClosed,
    /// Space or x outside a directive.
    SelectDirective,
    /// L outside a directive.
    SelectDirectiveForHistory,
    /// p outside a directive.
    SelectDirectiveForProgress,
    /// p or L on a locality's proposal without an id.
    ProposalWithoutId,
    /// p or L on a locality's proposal (this id) without an assignee.
    ProposalUnassigned(String),
    /// The progress form's Enter with nothing to record.
    NothingToRecord,
    /// A percent that is not a whole number from 0 to 100.
    PercentRange,
    /// The file now has the progress entry: the state it set (if any) and the percent.
    Recorded {
        state: Option<State>,
        percent: Option<u8>,
    },
    /// A progress entry could not be written (the form opens again with it) or taken out.
    ProgressNotSaved(WriteError),
    /// An undo was saved: the directive is as it was.
    Restored,
    /// `u` with nothing left to undo.
    NothingToUndo,
    /// `u` while the change to undo is still being saved.
    StillSaving,
    /// `n`/`N` with no search under the open session.
    NoSearch,
    /// `n` on the last hit, `N` on the first.
    LastHit,
    FirstHit,
    /// The editor ended; its file is being read again.
    Edited {
        file: String,
    },
    /// `e` where nothing can be edited, or the edit failed.
    NotEdited(EditError),
    /// A sync asked for by `S` is running.
    Syncing,
    /// `S` while a sync runs.
    AlreadySyncing,
    /// The sync finished: commits received and sent.
    Synced {
        received: usize,
        sent: usize,
    },
    /// The sync stopped; the folder is as it was.
    SyncFailed(GitError),
}

impl Notice {
    /// The notice in words.
    pub fn text(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        match self {
            Notice::Saving => t.saving.to_string(),
            Notice::CheckedOff { by, at } => words::checked_off(lang, by, at),
            Notice::Unchecked => t.unchecked.to_string(),
            Notice::NotSaved(e) => format!("{} {}", t.not_saved, e.message(lang)),
            Notice::SessionGone => t.session_gone.to_string(),
            Notice::QuestionClosed => t.question_closed.to_string(),
            Notice::SelectDirective => t.select_directive.to_string(),
            Notice::SelectDirectiveForHistory => t.select_directive_history.to_string(),
            Notice::SelectDirectiveForProgress => t.select_directive_progress.to_string(),
            Notice::ProposalWithoutId => t.proposal_needs_id.to_string(),
            Notice::ProposalUnassigned(id) => t.proposal_needs_assignee(id),
            Notice::NothingToRecord => t.nothing_to_record.to_string(),
            Notice::PercentRange => t.percent_range.to_string(),
            Notice::Recorded { state, percent } => recorded(lang, *state, *percent),
            Notice::ProgressNotSaved(e) => format!("{} {}", t.progress_not_saved, e.message(lang)),
            Notice::Restored => t.restored.to_string(),
            Notice::NothingToUndo => t.nothing_to_undo.to_string(),
            Notice::StillSaving => t.still_saving.to_string(),
            Notice::NoSearch => t.no_search.to_string(),
            Notice::LastHit => t.last_hit.to_string(),
            Notice::FirstHit => t.first_hit.to_string(),
            Notice::Edited { file } => t.edited(file),
            Notice::NotEdited(e) => edit_error(e, lang),
            Notice::Syncing => t.syncing.to_string(),
            Notice::AlreadySyncing => t.already_syncing.to_string(),
            Notice::Synced { received, sent } => t.synced(
                &words::commits(lang, *received),
                &words::commits(lang, *sent),
            ),
            Notice::SyncFailed(e) => t.sync_failed(&e.message(lang)),
        }
    }
}

/// Why an edit did not happen, in `lang`.
fn edit_error(e: &EditError, lang: Lang) -> String {
    let t = i18n::strings(lang);
    match e {
        EditError::Refused(e) => t.edit_refused(&e.message(lang)),
        EditError::NotStarted { editor, error } => {
            t.editor_not_started(editor, &error.message(lang))
        }
        EditError::Failed {
            editor,
            status: Some(code),
        } => t.editor_failed(editor, code),
        EditError::Failed { editor, .. } => t.editor_killed(editor),
    }
}

/// `Progress recorded: Doing, 40%.`, or `Note recorded.` for a note alone.
fn recorded(lang: Lang, state: Option<State>, percent: Option<u8>) -> String {
    let t = i18n::strings(lang);
    let parts: Vec<String> = (state.map(|s| words::state_word(s, lang).to_string()))
        .into_iter()
        .chain(percent.map(|p| format!("{p}%")))
        .collect();
    if parts.is_empty() {
        return t.note_recorded.to_string();
    }
    t.progress_recorded(&parts.join(", "))
}

/// Draws the status line and the hint bar.
pub(crate) fn draw(
    frame: &mut Frame<'_>,
    [status, hints]: [Rect; 2],
    ctx: &Ctx,
    notice: Option<&Notice>,
    offers: &[Offer],
    theme: &Theme,
) {
    let badge = filters(ctx).unwrap_or_default();
    let badge_width = u16::try_from(badge.width() + 1)
        .unwrap_or(status.width)
        .min(status.width);
    let [message, filter] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(badge_width)]).areas(status);
    if !badge.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(badge, theme.selected()))),
            filter,
        );
    }
    if let Some(notice) = notice {
        draw_notice(frame, &notice.text(ctx.lang), message, status, theme);
    }
    let line = hint_line(ctx, offers, usize::from(hints.width), theme);
    frame.render_widget(Paragraph::new(line), hints);
}

/// Between two hints.
const HINT_GAP: &str = "  ";

/// The hinted commands, each with its first key: `Enter mở  / tìm  ? trợ giúp`, as many as
/// fit in `width`, most useful first; the help (`?`), where offered, is always there, last.
fn hint_line(ctx: &Ctx, offers: &[Offer], width: usize, theme: &Theme) -> Line<'static> {
    let hint = |c: Command| {
        let key = ctx.keymap.keys(c).first()?;
        Some((key.label(), c.text(ctx.lang).hint.to_string()))
    };
    let hints: Vec<(String, String)> = (offers.iter())
        .filter(|o| o.hint && o.command != Command::Help)
        .filter_map(|o| hint(o.command))
        .collect();
    let offers_help = offers.iter().any(|o| o.hint && o.command == Command::Help);
    let help = offers_help.then(|| hint(Command::Help)).flatten();
    let mut spans = Vec::new();
    for (key, text) in fit_hints(hints, help, width) {
        if !spans.is_empty() {
            spans.push(Span::raw(HINT_GAP));
        }
        spans.push(Span::styled(key, theme.accent()));
        spans.push(Span::raw(format!(" {text}")));
    }
    Line::from(spans)
}

/// The hints that fit in `width` columns, in order, then `last` (which always stays, cut
/// to its key when even it does not fit whole).
fn fit_hints(
    hints: Vec<(String, String)>,
    last: Option<(String, String)>,
    width: usize,
) -> Vec<(String, String)> {
    let shown = |(key, text): &(String, String)| key.width() + 1 + text.width();
    let reserved = last.as_ref().map_or(0, |h| shown(h) + HINT_GAP.width());
    let mut used = 0;
    let mut out = Vec::new();
    for h in hints {
        let more = shown(&h) + if out.is_empty() { 0 } else { HINT_GAP.width() };
        if used + more + reserved > width {
            break;
        }
        used += more;
        out.push(h);
    }
    if let Some((key, text)) = last {
        let text = if key.width() + 1 + text.width() <= width.saturating_sub(used) {
            text
        } else {
            String::new()
        };
        out.push((key, text));
    }
    out
}

/// The filters in force in words (`Lọc: chỉ đạo quá hạn · buổi sắp tới`), when any.
fn filters(ctx: &Ctx) -> Option<String> {
    let t = i18n::strings(ctx.lang);
    let mut parts = Vec::new();
    match ctx.filters.directives {
        DirectiveFilter::All => {}
        DirectiveFilter::Open => parts.push(t.filter_open),
        DirectiveFilter::Overdue => parts.push(t.filter_overdue),
        DirectiveFilter::Done => parts.push(t.filter_done),
        DirectiveFilter::Category(c) => parts.push(words::category_word(c, ctx.lang)),
    }
    match ctx.filters.sessions {
        SessionFilter::All => {}
        SessionFilter::Upcoming => parts.push(t.filter_upcoming),
        SessionFilter::Past => parts.push(t.filter_past),
    }
    (!parts.is_empty()).then(|| format!("{}: {}", t.filter, parts.join(" · ")))
}

/// The notice on its line; one too long for it (a save's reason) grows upwards over the
/// screen, wrapped, so that it is read whole until the next key.
fn draw_notice(frame: &mut Frame<'_>, msg: &str, beside_badge: Rect, line: Rect, theme: &Theme) {
    let text = format!(" {msg}");
    if text.width() <= usize::from(beside_badge.width) {
        frame.render_widget(Paragraph::new(Line::from(text)), beside_badge);
        return;
    }
    let width = usize::from(line.width.saturating_sub(2)).max(1);
    // Unlike the screens' text, a notice may break inside a path at its hyphens: it is read
    // once, and every line it saves keeps more of the screen in view above it.
    let lines: Vec<Line<'_>> = textwrap::wrap(msg, width)
        .into_iter()
        .map(|l| Line::from(format!(" {l}")))
        .collect();
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(line.bottom());
    let area = Rect {
        y: line.bottom() - height,
        height,
        ..line
    };
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).style(theme.selected()), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(n: usize) -> Vec<(String, String)> {
        (0..n)
            .map(|i| (format!("k{i}"), "làm gì".to_string()))
            .collect()
    }

    #[test]
    fn hints_drop_from_the_end_and_keep_the_help() {
        let help = Some(("?".to_string(), "trợ giúp".to_string()));
        let all = fit_hints(hints(5), help.clone(), 200);
        assert_eq!(all.len(), 6);
        let few = fit_hints(hints(5), help.clone(), 32);
        assert_eq!(
            few.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
            ["k0", "k1", "?"]
        );
        let line: String = few
            .iter()
            .map(|(k, t)| format!("{k} {t}"))
            .collect::<Vec<_>>()
            .join(HINT_GAP);
        assert!(line.width() <= 32, "{line}");
        let none = fit_hints(hints(5), help, 5);
        assert_eq!(
            none,
            [("?".to_string(), String::new())],
            "the key alone at least"
        );
    }
}
