//! A directive's (or a followed proposal's) follow-up on one line, under its text in a
//! session's tab: its state (in words, or a mark when narrow), its latest percent and its
//! latest note, dimmed.

use unicode_width::UnicodeWidthStr;

use crate::model::{Followed, Lang, State};
use crate::present::{follow_up, truncate, words};
use crate::ui::tone::{Tone, Toned};

/// Below this many columns a directive's state is a mark (`◐ 40%`), not words.
const STATE_IN_WORDS: usize = 36;

/// A directive with a progress log: its state (words, or a mark when narrow) and percent, then
/// its latest note dimmed, on one line cut to `room` columns.
pub(crate) fn line(lang: Lang, d: &(impl Followed + ?Sized), room: usize) -> Toned {
    let state = d.state();
    let badge = match (room >= STATE_IN_WORDS, d.percent()) {
        (true, percent) => follow_up::state_with_percent(state, percent, lang),
        (false, Some(p)) => format!("{} {p}%", words::state_mark(state)),
        (false, None) => words::state_mark(state).to_string(),
    };
    let badge = truncate(&badge, room);
    let tone = match state {
        State::Open => Tone::Plain,
        State::Doing => Tone::Accent,
        State::Blocked => Tone::Overdue,
        State::Done => Tone::Done,
        State::Dropped => Tone::Muted,
    };
    let mut line = Toned::one(badge.clone(), tone);
    if let Some(note) = d.latest_note().and_then(|e| e.note.as_deref()) {
        let left = room.saturating_sub(badge.width() + 3);
        if left > 0 {
            line = line.and(format!(" · {}", truncate(note, left)), Tone::Muted);
        }
    }
    line
}
