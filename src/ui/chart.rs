//! A trend as toned lines: ratatui's horizontal `BarChart` draws the periods and their bars
//! into a buffer of its own, whose rows become lines that scroll with the rest of a list; each
//! bar is followed by its value as the reader's language writes it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::widgets::{Bar, BarChart, Widget};
use unicode_width::UnicodeWidthStr;

use super::tone::{Tone, Toned};
use crate::present::trend::{ChartRow, bar_length};
use crate::present::truncate;

/// The longest bar: wider lines keep the values next to their bars.
const MAX_BAR: usize = 50;

/// The columns a label may take: a third of the line.
fn label_room(rows: &[ChartRow], width: usize) -> usize {
    let widest = rows.iter().map(|r| r.label.width()).max().unwrap_or(0);
    widest.min(width / 3).max(1)
}

/// The lines of a horizontal bar chart of `rows`, `width` columns wide after `indent` spaces:
/// `2023        ██████████████      380`, a plan muted under its value.
pub(crate) fn bar_chart_lines(rows: &[ChartRow], indent: usize, width: usize) -> Vec<Toned> {
    let room = width.saturating_sub(indent);
    let value_width = rows.iter().map(|r| r.text.width()).max().unwrap_or(0);
    let label_width = label_room(rows, room);
    let bar_cells = (room.saturating_sub(value_width + 1))
        .saturating_sub(label_width + 1)
        .min(MAX_BAR);
    let chart_width = label_width + 1 + bar_cells;
    let (Ok(chart_w), Ok(height), Ok(cells)) = (
        u16::try_from(chart_width),
        u16::try_from(rows.len()),
        u64::try_from(bar_cells),
    ) else {
        return Vec::new();
    };
    if bar_cells == 0 || height == 0 {
        return rows
            .iter()
            .map(|r| Toned::one(" ".repeat(indent), Tone::Plain).and(&r.text, Tone::Plain))
            .collect();
    }
    let bars: Vec<Bar<'static>> = (rows.iter())
        .map(|r| {
            let length = bar_length(r.value, rows, bar_cells) as u64;
            Bar::default()
                .value(length)
                .label(truncate(&r.label, label_width))
                .text_value(String::new())
        })
        .collect();
    let area = Rect::new(0, 0, chart_w, height);
    let mut buf = Buffer::empty(area);
    BarChart::horizontal(bars)
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .max(cells.max(1))
        .render(area, &mut buf);
    (rows.iter().enumerate())
        .map(|(y, r)| {
            let drawn = buffer_row(&buf, y as u16, chart_w);
            let (label, bar) = split_at_column(&drawn, label_width + 1);
            let (mark, rest) = if r.plan {
                (Tone::Muted, Tone::Muted)
            } else {
                (Tone::Accent, Tone::Plain)
            };
            let value = format!(" {:>value_width$}", r.text, value_width = value_width);
            Toned::one(" ".repeat(indent), Tone::Plain)
                .and(label, if r.plan { Tone::Muted } else { Tone::Plain })
                .and(bar, mark)
                .and(value, rest)
        })
        .collect()
}

/// Row `y` of `buf` as text, a wide character once.
fn buffer_row(buf: &Buffer, y: u16, width: u16) -> String {
    let mut out = String::new();
    let mut x = 0;
    while x < width {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
    }
    out
}

/// `text` cut after `columns` columns.
fn split_at_column(text: &str, columns: usize) -> (String, String) {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        if used >= columns {
            return (text[..at].to_string(), text[at..].to_string());
        }
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    (text.to_string(), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, value: f64, plan: bool) -> ChartRow {
        ChartRow {
            label: label.to_string(),
            value,
            text: crate::present::numbers::figure(value, crate::model::Lang::Vi),
            plan,
        }
    }

    #[test]
    fn bars_grow_with_their_values_and_end_with_the_number() {
        let rows = [
            row("01/2023", 380.0, false),
            row("KH", 400.0, true),
            row("12/2024", 420.5, false),
        ];
        let lines = bar_chart_lines(&rows, 2, 60);
        let texts: Vec<String> = lines.iter().map(Toned::text).collect();
        assert_eq!(texts.len(), 3);
        for line in &texts {
            assert_eq!(line.width(), 60, "{line:?}");
        }
        let wide = bar_chart_lines(&rows, 2, 200);
        assert!(
            wide.iter().all(|l| l.text().width() < 80),
            "bars stay near their values"
        );
        let bars: Vec<usize> = texts.iter().map(|t| t.matches('█').count()).collect();
        assert!(bars[0] < bars[1] && bars[1] < bars[2], "{bars:?}");
        assert!(texts[0].starts_with("  01/2023 █"), "{:?}", texts[0]);
        assert!(texts[2].ends_with(" 420,5"), "{:?}", texts[2]);
        assert!(texts[1].trim_end().ends_with("400"));
    }

    #[test]
    fn a_line_too_narrow_for_bars_keeps_the_numbers() {
        let rows = [row("2023", 1.0, false), row("2024", 2.0, false)];
        let texts: Vec<String> = (bar_chart_lines(&rows, 2, 6).iter())
            .map(Toned::text)
            .collect();
        assert_eq!(texts, ["  1", "  2"]);
    }
}
