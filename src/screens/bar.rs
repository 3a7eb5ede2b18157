//! The two lines under every screen: the status line (a notice, the filters in force) and the
//! hint bar (the hinted commands of what is on top, with their keys).

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Ctx, Offer};
use crate::i18n;
use crate::model::Lang;
use crate::model::filter::{DirectiveFilter, SessionFilter};
use crate::store::write::WriteError;
use crate::ui::format;
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
    /// Space or x outside a directive.
    SelectDirective,
    /// L outside a directive.
    SelectDirectiveForHistory,
}

impl Notice {
    /// The notice in words.
    pub fn text(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        match self {
            Notice::Saving => t.saving.to_string(),
            Notice::CheckedOff { by, at } => format::checked_off(lang, by, at),
            Notice::Unchecked => t.unchecked.to_string(),
            Notice::NotSaved(e) => format!("{} {}", t.not_saved, e.message(lang)),
            Notice::SessionGone => t.session_gone.to_string(),
            Notice::SelectDirective => t.select_directive.to_string(),
            Notice::SelectDirectiveForHistory => t.select_directive_history.to_string(),
        }
    }
}

/// Draws the status line and the hint bar.
pub fn draw(
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
    frame.render_widget(Paragraph::new(hint_line(ctx, offers, theme)), hints);
}

/// The hinted commands, each with its first key: `Enter mở  / tìm  ? trợ giúp`.
fn hint_line(ctx: &Ctx, offers: &[Offer], theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for offer in offers.iter().filter(|o| o.hint) {
        let Some(key) = ctx.keymap.keys(offer.command).first() else {
            continue;
        };
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key.label(), theme.accent()));
        spans.push(Span::raw(format!(" {}", offer.command.text(ctx.lang).hint)));
    }
    Line::from(spans)
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
