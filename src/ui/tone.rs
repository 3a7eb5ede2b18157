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
    /// A search match.
    Match,
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

    /// `flag` (in `flag_tone`) then `text` (in `tone`), wrapped to `width` columns after
    /// `indent` spaces on every line.
    pub fn wrapped(
        flag: (&str, Tone),
        (text, tone): (&str, Tone),
        indent: usize,
        width: usize,
    ) -> Vec<Toned> {
        let whole = format!("{}{text}", flag.0);
        let mut flag_left = flag.0.len();
        (super::text::wrap(&whole, width.max(1)).into_iter())
            .map(|part| {
                let head = flag_left.min(part.len());
                let head = (0..=head)
                    .rev()
                    .find(|&i| part.is_char_boundary(i))
                    .unwrap_or(0);
                flag_left -= head;
                Toned::one(" ".repeat(indent), Tone::Plain)
                    .and(&part[..head], flag.1)
                    .and(&part[head..], tone)
            })
            .collect()
    }

    /// The line with `other`'s pieces added at its end.
    pub fn and_line(mut self, other: Toned) -> Self {
        self.0.extend(other.0);
        self
    }

    /// The pieces, each with its tone.
    #[cfg(test)]
    pub(crate) fn pieces(&self) -> &[(String, Tone)] {
        &self.0
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

    /// The line with the byte `ranges` of its text (sorted, apart, on character boundaries)
    /// in [`Tone::Match`].
    pub fn marked(&self, ranges: &[std::ops::Range<usize>]) -> Toned {
        if ranges.is_empty() {
            return self.clone();
        }
        let mut out = Toned::new();
        let mut at = 0;
        for (text, tone) in &self.0 {
            let end = at + text.len();
            let mut pos = at;
            for r in ranges.iter().filter(|r| r.start < end && r.end > at) {
                let (from, to) = (r.start.max(at), r.end.min(end));
                out = out.and(&text[pos - at..from - at], *tone);
                out = out.and(&text[from - at..to - at], Tone::Match);
                pos = to;
            }
            out = out.and(&text[pos - at..], *tone);
            at = end;
        }
        out
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
            Tone::Match => self.accent().add_modifier(
                ratatui::style::Modifier::BOLD | ratatui::style::Modifier::UNDERLINED,
            ),
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

    #[test]
    fn marks_cut_across_pieces() {
        let line = Toned::one("Đầm ", Tone::Title).and("Hà xa", Tone::Plain);
        let marked = line.marked(&[2..6, 8..10]);
        assert_eq!(marked.text(), line.text());
        let tones: Vec<(String, Tone)> = marked.0.clone();
        assert_eq!(
            tones,
            [
                ("Đ".to_string(), Tone::Title),
                ("ầm".to_string(), Tone::Match),
                (" ".to_string(), Tone::Title),
                ("H".to_string(), Tone::Plain),
                ("à".to_string(), Tone::Match),
                (" xa".to_string(), Tone::Plain),
            ]
        );
    }
}
