//! Lines whose pieces say what they are (a title, a muted note, an overdue mark) rather than
//! how they look: made once, without a theme, and painted with the theme when drawn.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::model::Status;

/// What a piece of text is, for the theme to give it its look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Title,
    Heading,
    Muted,
    Accent,
    Done,
    Overdue,
    Status(Status),
}

/// A line of text in pieces of one tone each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Toned(Vec<(String, Tone)>);

impl Toned {
    pub fn new() -> Self {
        Toned::default()
    }

    /// One piece of `text` in `tone`.
    pub fn one(text: impl Into<String>, tone: Tone) -> Self {
        Toned::new().and(text, tone)
    }

    /// The line with a piece added at its end (empty pieces are left out).
    pub fn and(mut self, text: impl Into<String>, tone: Tone) -> Self {
        let text = text.into();
        if !text.is_empty() {
            self.0.push((text, tone));
        }
        self
    }

    /// Columns taken on screen.
    pub fn width(&self) -> usize {
        self.0.iter().map(|(text, _)| text.width()).sum()
    }

    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|(text, _)| text.trim().is_empty())
    }

    /// The text without its tones.
    pub fn text(&self) -> String {
        self.0.iter().map(|(text, _)| text.as_str()).collect()
    }
}

impl Theme {
    /// The look of a tone.
    pub fn style(&self, tone: Tone) -> Style {
        match tone {
            Tone::Plain => Style::new(),
            Tone::Title => self.title(),
            Tone::Heading => self.heading(),
            Tone::Muted => self.muted(),
            Tone::Accent => self.accent(),
            Tone::Done => self.done(),
            Tone::Overdue => self.overdue(),
            Tone::Status(status) => self.status(status),
        }
    }

    /// `line` in this theme's colours.
    pub fn paint(&self, line: &Toned) -> Line<'static> {
        Line::from(
            line.0
                .iter()
                .map(|(text, tone)| Span::styled(text.clone(), self.style(*tone)))
                .collect::<Vec<_>>(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn a_line_is_made_once_and_painted_per_theme() {
        let line = Toned::one("3/5", Tone::Muted)
            .and("", Tone::Title)
            .and(" ⚠", Tone::Overdue);
        assert_eq!((line.text().as_str(), line.width()), ("3/5 ⚠", 5));
        let painted = Theme::default().paint(&line);
        assert_eq!(painted.spans.len(), 2, "empty pieces are left out");
        assert_eq!(painted.spans[1].style.fg, Some(Color::LightRed));
        let plain = Theme::monochrome().paint(&line);
        assert_eq!(plain.spans[1].style.fg, None);
        assert!(Toned::one("  ", Tone::Plain).is_blank());
    }
}
