//! Fitting text into columns by display width: wrapping, padding, gaps, tails (cutting is `present::truncate`).

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` at spaces to `width` display columns (at least 1); never empty. Words are not
/// split at their hyphens (`2024-03-13`, `kinh tế-xã hội` stay whole) unless longer than a line.
pub fn wrap(text: &str, width: usize) -> Vec<Cow<'_, str>> {
    let options =
        textwrap::Options::new(width.max(1)).word_splitter(textwrap::WordSplitter::NoHyphenation);
    let lines = textwrap::wrap(text, options);
    if lines.is_empty() {
        vec![Cow::Borrowed("")]
    } else {
        lines
    }
}

/// Spaces needed after `s` to reach `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(s.width()))
}

/// The spaces between a left part of `left` columns and a right part of `right` columns so
/// that the right part ends at column `width`.
pub fn gap(width: usize, left: usize, right: usize) -> String {
    " ".repeat(width.saturating_sub(left + right))
}

/// The end of `text` that fits in `width` columns (what was typed last stays visible).
pub fn tail(text: &str, width: usize) -> &str {
    let mut used = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        used += c.width().unwrap_or(0);
        if used > width {
            break;
        }
        start = i;
    }
    &text[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_words_by_display_width() {
        let lines = wrap("Đầm Hà và Hải Hà", 8);
        assert_eq!(lines, vec!["Đầm Hà", "và Hải", "Hà"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abc", 0), vec!["a", "b", "c"]);
        assert_eq!(wrap("ngày 2024-03-13", 12), vec!["ngày", "2024-03-13"]);
    }

    #[test]
    fn pads_and_gaps_by_display_width() {
        assert_eq!(pad("Hà", 4), "  ");
        assert_eq!(pad("toolong", 3), "");
        assert_eq!(gap(10, 3, 4), "   ");
        assert_eq!(gap(5, 3, 4), "");
    }

    #[test]
    fn tail_keeps_the_end() {
        assert_eq!(tail("một hai ba", 6), "hai ba");
        assert_eq!(tail("漢字", 3), "字");
        assert_eq!(tail("abc", 10), "abc");
    }
}
