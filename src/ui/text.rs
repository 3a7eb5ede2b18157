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

/// The part of a text to show in some columns: a byte range on character boundaries, and
/// whether a `…` goes before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub range: std::ops::Range<usize>,
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The part of `text` to show in `width` columns (the `…` marks included) with byte `focus`
/// in it: the whole text when it fits; else whole words, from a word start a little before
/// `focus` (or the start, when `focus` is near it), cut after the last word that fits.
pub fn excerpt(text: &str, focus: usize, width: usize) -> Excerpt {
    let whole = Excerpt {
        range: 0..text.len(),
        cut_before: false,
        cut_after: false,
    };
    if text.width() <= width || width < 2 {
        return whole;
    }
    let focus = (0..=focus.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let starts: Vec<usize> = (text.char_indices())
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    let start = if text[..focus].width() < width * 2 / 3 {
        0
    } else {
        (starts.iter().copied())
            .find(|&s| s <= focus && text[s..focus].width() <= width / 3)
            .or_else(|| starts.iter().copied().rfind(|&s| s <= focus))
            .unwrap_or(focus)
    };
    let cut_before = start > 0;
    let room = width - usize::from(cut_before);
    if text[start..].width() <= room {
        return Excerpt {
            range: start..text.len(),
            cut_before,
            cut_after: false,
        };
    }
    let room = room - 1;
    let word_end = (text[start..].char_indices())
        .filter(|&(i, c)| c.is_whitespace() && i > 0)
        .map(|(i, _)| start + i)
        .take_while(|&e| text[start..e].width() <= room)
        .last();
    let end = word_end.unwrap_or_else(|| {
        let mut used = 0;
        let mut end = start;
        for (i, c) in text[start..].char_indices() {
            used += c.width().unwrap_or(0);
            if used > room {
                break;
            }
            end = start + i + c.len_utf8();
        }
        end
    });
    Excerpt {
        range: start..text[..end].trim_end().len(),
        cut_before,
        cut_after: true,
    }
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

    fn shown(text: &str, focus: usize, width: usize) -> String {
        let e = excerpt(text, focus, width);
        let out = format!(
            "{}{}{}",
            if e.cut_before { "…" } else { "" },
            &text[e.range],
            if e.cut_after { "…" } else { "" }
        );
        assert!(out.width() <= width, "{out:?} is wider than {width}");
        out
    }

    #[test]
    fn an_excerpt_is_the_whole_text_when_it_fits() {
        let text = "Quan tâm hạ tầng nước sạch cho người dân.";
        assert_eq!(shown(text, 20, 60), text);
    }

    #[test]
    fn an_excerpt_cuts_between_words() {
        let text =
            "Tiếp tục cải thiện kết cấu hạ tầng thực hiện chương trình nông thôn mới nâng cao";
        assert_eq!(shown(text, 0, 30), "Tiếp tục cải thiện kết cấu hạ…");
        let at = text.find("nông").expect("word");
        let out = shown(text, at, 30);
        assert!(out.starts_with('…') && out.contains("nông thôn"), "{out}");
        let inner = out.trim_start_matches('…').trim_end_matches('…');
        assert!(text.contains(inner));
        let before = &text[..text.find(inner).expect("inside")];
        assert!(
            before.is_empty() || before.ends_with(' '),
            "starts at a word: {out}"
        );
    }

    #[test]
    fn a_word_longer_than_the_room_is_cut() {
        assert_eq!(shown("abcdefghijklmnop qr", 0, 8), "abcdefg…");
    }

    #[test]
    fn tail_keeps_the_end() {
        assert_eq!(tail("một hai ba", 6), "hai ba");
        assert_eq!(tail("漢字", 3), "字");
        assert_eq!(tail("abc", 10), "abc");
    }
}
