//! The last pass over every frame: each cell holds text whose width every terminal agrees on, and nothing that drives the terminal.

use ratatui::buffer::Buffer;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::terminal_text::is_risky;

/// Format characters (Unicode category Cf), variation selectors, emoji skin
/// tones and Hangul fillers: invisible, and drawn with different widths (or
/// joined with their neighbours) by different terminals.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
        | '\u{890}'..='\u{891}' | '\u{8e2}' | '\u{115f}' | '\u{1160}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}'
        | '\u{110bd}' | '\u{110cd}' | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{e0001}'
        | '\u{e0020}'..='\u{e007f}' | '\u{e0100}'..='\u{e01ef}')
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || is_risky(c) || is_invisible(c)
}

/// A cell symbol that every terminal draws `width` columns wide: its first
/// visible character with the combining marks after it, else `�`; `None`
/// when the symbol is already safe. The second value is the new width.
pub(crate) fn safe_symbol(symbol: &str, width: usize) -> Option<(String, usize)> {
    let plain = symbol
        .chars()
        .skip(1)
        .all(|c| !is_unsafe(c) && c.width() == Some(0));
    if plain && symbol.chars().next().is_none_or(|c| !is_unsafe(c)) {
        return None;
    }
    let mut visible = symbol.chars().filter(|&c| !is_unsafe(c));
    let mut out: String = visible.next().into_iter().collect();
    out.extend(visible.take_while(|c| c.width() == Some(0)));
    let w = out.width();
    if out.is_empty() || w == 0 || w > width {
        return Some(("\u{fffd}".to_string(), 1));
    }
    Some((out, w))
}

/// Makes every cell of `buf` safe; a cell that gets narrower leaves blanks
/// behind it, so every row still ends at the same column.
pub(crate) fn clean(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let width = buf[(x, y)].symbol().width().max(1);
            if let Some((symbol, used)) = safe_symbol(buf[(x, y)].symbol(), width) {
                buf[(x, y)].set_symbol(&symbol);
                let end = usize::from(x)
                    .saturating_add(width)
                    .min(usize::from(area.right()));
                for blank in usize::from(x) + used..end {
                    if let Ok(bx) = u16::try_from(blank) {
                        buf[(bx, y)].set_symbol(" ");
                    }
                }
            }
            x = x.saturating_add(u16::try_from(width).unwrap_or(1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joiners_marks_and_emoji_become_one_agreed_width() {
        assert_eq!(safe_symbol("a\u{200d}", 1), Some(("a".into(), 1)));
        assert_eq!(safe_symbol("a\u{301}", 1), None);
        assert_eq!(safe_symbol("漢", 2), None);
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(safe_symbol(family, 2), Some(("\u{1f468}".into(), 2)));
        assert_eq!(
            safe_symbol("\u{2764}\u{fe0f}", 2),
            Some(("\u{2764}".into(), 1))
        );
        assert_eq!(safe_symbol("\u{202e}", 1), Some(("\u{fffd}".into(), 1)));
        assert_eq!(safe_symbol("\u{1b}", 1), Some(("\u{fffd}".into(), 1)));
    }
}
