//! A one-line text field: typed characters (composed as input methods send them, or
//! decomposed), a paste, moving and deleting by grapheme, and the part of the text that fits
//! its width around the cursor.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::model::fold::nfc;

/// What a field lets in: any text, or a whole number up to a bound (a percent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Accept {
    Text,
    Number { max: u32 },
}

impl Accept {
    fn allows(self, text: &str) -> bool {
        match self {
            Accept::Text => true,
            Accept::Number { max } => {
                text.is_empty()
                    || (text.len() <= 9
                        && text.bytes().all(|b| b.is_ascii_digit())
                        && text.parse::<u32>().is_ok_and(|n| n <= max))
            }
        }
    }
}

/// What a key or a paste did to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor moved (or stayed at an end).
    Moved,
    /// The field does not take it (a letter in a number, a number too big): nothing changed.
    Refused,
    /// Not a key of the field: the caller may use it.
    Ignored,
}

/// A line of text being typed, with a cursor at a grapheme boundary (a byte offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextField {
    text: String,
    cursor: usize,
    accept: Accept,
}

impl TextField {
    pub(crate) fn new(accept: Accept) -> Self {
        TextField {
            text: String::new(),
            cursor: 0,
            accept,
        }
    }

    /// The text as typed.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's place, in bytes from the start.
    #[cfg(test)]
    pub(crate) fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text to keep: composed (NFC), without the spaces around it; `None` when empty.
    pub(crate) fn value(&self) -> Option<String> {
        let text = nfc(self.text.trim());
        (!text.is_empty()).then(|| text.into_owned())
    }

    /// Takes one key: a character (never with Ctrl or Alt), `←`/`→`, `Home`/`End`,
    /// `Ctrl-A`/`Ctrl-E`, `Backspace`/`Delete`, `Ctrl-U` (everything before the cursor).
    pub(crate) fn key(&mut self, ev: &KeyEvent) -> Edit {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match ev.code {
            KeyCode::Char('a') if ctrl => self.move_to(0),
            KeyCode::Char('e') if ctrl => self.move_to(self.text.len()),
            KeyCode::Char('u') if ctrl => self.replace(0..self.cursor, ""),
            KeyCode::Char(c) if !ctrl && !alt && !c.is_control() => {
                self.replace(self.cursor..self.cursor, c.encode_utf8(&mut [0; 4]))
            }
            KeyCode::Left => self.move_to(self.previous()),
            KeyCode::Right => self.move_to(self.next()),
            KeyCode::Home => self.move_to(0),
            KeyCode::End => self.move_to(self.text.len()),
            KeyCode::Backspace => self.replace(self.previous()..self.cursor, ""),
            KeyCode::Delete => self.replace(self.cursor..self.next(), ""),
            _ => Edit::Ignored,
        }
    }

    /// Inserts pasted text at the cursor, on one line: each line break (and tab) becomes a
    /// space, other control characters are left out.
    pub(crate) fn paste(&mut self, text: &str) -> Edit {
        let one_line = text.replace("\r\n", " ");
        let clean: String = (one_line.chars())
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        self.replace(self.cursor..self.cursor, &clean)
    }

    /// The part of the text in view in `width` columns, and the cursor's column in it: the
    /// start when it all fits or the cursor is near it, else scrolled so the cursor is at the
    /// right edge.
    pub(crate) fn window(&self, width: usize) -> (String, usize) {
        if width == 0 {
            return (String::new(), 0);
        }
        let mut start = 0;
        for (i, _) in self.text[..self.cursor].grapheme_indices(true) {
            start = i;
            if self.text[i..self.cursor].width() < width {
                break;
            }
        }
        if self.text[..self.cursor].width() < width {
            start = 0;
        }
        let column = self.text[start..self.cursor].width();
        let mut shown = String::new();
        let mut used = 0;
        for g in self.text[start..].graphemes(true) {
            used += g.width();
            if used > width {
                break;
            }
            shown.push_str(g);
        }
        (shown, column)
    }

    fn previous(&self) -> usize {
        (self.text[..self.cursor].grapheme_indices(true))
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next(&self) -> usize {
        (self.text[self.cursor..].graphemes(true).next())
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    fn move_to(&mut self, cursor: usize) -> Edit {
        self.cursor = cursor;
        Edit::Moved
    }

    /// Replaces `range` with `with`, the cursor after it, if the field takes the result.
    fn replace(&mut self, range: std::ops::Range<usize>, with: &str) -> Edit {
        if range.is_empty() && with.is_empty() {
            return Edit::Moved;
        }
        let mut text = self.text.clone();
        text.replace_range(range.clone(), with);
        if !self.accept.allows(&text) {
            return Edit::Refused;
        }
        self.text = text;
        self.cursor = range.start + with.len();
        Edit::Changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typed(text: &str) -> TextField {
        let mut f = TextField::new(Accept::Text);
        for c in text.chars() {
            f.key(&key(KeyCode::Char(c)));
        }
        f
    }

    #[test]
    fn backspace_takes_one_grapheme_composed_or_not() {
        let mut f = typed("Nguyễn");
        f.key(&key(KeyCode::Backspace));
        f.key(&key(KeyCode::Backspace));
        assert_eq!(f.text(), "Nguy");
        let decomposed: String = "Nguyễn".nfd().collect();
        assert_ne!(decomposed, "Nguyễn");
        let mut f = typed(&decomposed);
        f.key(&key(KeyCode::Backspace));
        f.key(&key(KeyCode::Backspace));
        assert_eq!(f.text(), "Nguy");
    }

    #[test]
    fn decomposed_input_is_saved_composed() {
        let decomposed: String = "Đã khởi công".nfd().collect();
        let f = typed(&format!("  {decomposed} "));
        assert_eq!(f.value().as_deref(), Some("Đã khởi công"));
        assert_eq!(typed("   ").value(), None);
    }

    #[test]
    fn the_cursor_moves_and_deletes_by_grapheme() {
        let mut f = typed("Hà Nội");
        f.key(&key(KeyCode::Home));
        f.key(&key(KeyCode::Right));
        f.key(&key(KeyCode::Delete));
        assert_eq!(f.text(), "H Nội");
        f.key(&KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL));
        f.key(&key(KeyCode::Left));
        f.key(&key(KeyCode::Char('!')));
        assert_eq!(f.text(), "H Nộ!i");
        f.key(&KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL));
        assert_eq!(f.cursor(), 0);
        assert_eq!(f.key(&key(KeyCode::Backspace)), Edit::Moved);
        f.key(&key(KeyCode::End));
        assert_eq!(f.cursor(), f.text().len());
        assert_eq!(f.key(&key(KeyCode::Delete)), Edit::Moved);
        assert_eq!(f.key(&key(KeyCode::Enter)), Edit::Ignored);
    }

    #[test]
    fn a_paste_is_one_line_at_the_cursor() {
        let mut f = typed("ab");
        f.key(&key(KeyCode::Left));
        assert_eq!(f.paste("xin\r\nchào\nbạn\t!\u{7}"), Edit::Changed);
        assert_eq!(f.text(), "axin chào bạn !b");
        assert_eq!(f.cursor(), "axin chào bạn !".len());
    }

    #[test]
    fn a_number_takes_digits_up_to_its_bound() {
        let mut f = TextField::new(Accept::Number { max: 100 });
        assert_eq!(f.key(&key(KeyCode::Char('x'))), Edit::Refused);
        assert_eq!(f.key(&key(KeyCode::Char('4'))), Edit::Changed);
        assert_eq!(f.key(&key(KeyCode::Char('0'))), Edit::Changed);
        assert_eq!(f.key(&key(KeyCode::Char('0'))), Edit::Refused);
        assert_eq!(f.text(), "40");
        assert_eq!(f.paste("-1"), Edit::Refused);
        f.key(&key(KeyCode::Backspace));
        f.key(&key(KeyCode::Backspace));
        assert_eq!(f.paste("100"), Edit::Changed);
        assert_eq!(f.paste("0"), Edit::Refused);
        assert_eq!(f.text(), "100");
    }

    #[test]
    fn the_window_follows_the_cursor_by_display_width() {
        let f = typed("Đã khởi công 2 công trình");
        assert_eq!(f.window(40), ("Đã khởi công 2 công trình".to_string(), 25));
        assert_eq!(f.window(10), ("ông trình".to_string(), 9));
        let mut f = typed("ab國字cd");
        f.key(&key(KeyCode::Home));
        assert_eq!(f.window(4), ("ab國".to_string(), 0));
        f.key(&key(KeyCode::End));
        let (shown, column) = f.window(4);
        assert!(shown.width() <= 4 && column < 4, "{shown:?} {column}");
        assert!(shown.ends_with("cd"));
    }
}
