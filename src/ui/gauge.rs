//! An indicator as lines: name and value, then a bar with ratio, comparison and status.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::text::{pad, truncate};
use super::theme::Theme;
use crate::i18n;
use crate::model::{Indicator, Lang, Status, format};

/// `≥ 385 tỷ đồng`: the value with its bound and unit.
pub fn value_text(ind: &Indicator, lang: Lang) -> String {
    let mut s = format!(
        "{}{}",
        ind.bound.symbol(),
        format::number(ind.value, 2, lang)
    );
    if let Some(unit) = &ind.unit {
        if unit != "%" {
            s.push(' ');
        }
        s.push_str(unit);
    }
    s
}

pub fn status_word(status: Status, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match status {
        Status::Met => t.met,
        Status::Near => t.near,
        Status::Behind => t.behind,
    }
}

/// The bar's filled and empty cells for a fill of 0.0–1.0.
pub fn bar_cells(fill: f64, width: usize) -> (usize, usize) {
    let filled = ((fill.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    (filled, width - filled)
}

/// One line (plain figure) or two (gauge) for an indicator, `width` columns wide.
pub fn lines(ind: &Indicator, width: usize, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let value = value_text(ind, lang);
    let name = match &ind.period {
        Some(p) => format!("{} ({p})", ind.name),
        None => ind.name.clone(),
    };
    let name_room = width.saturating_sub(value.width() + 2);
    let name = truncate(&name, name_room);
    let first = Line::from(vec![
        Span::raw(name.clone()),
        Span::raw(pad(&name, name_room)),
        Span::raw("  "),
        Span::styled(value, theme.title()),
    ]);
    let Some(g) = ind.gauge() else {
        return vec![first];
    };
    let status_style = theme.status(g.status);
    let status = format!("{} {}", g.status.symbol(), status_word(g.status, lang));
    let ratio = format!(
        "{}{}",
        format::percent(g.ratio, lang),
        if g.exceeds() { " ▲" } else { "" }
    );
    let bar_width = (width / 3).clamp(5, 30);
    let (filled, empty) = bar_cells(g.fill(), bar_width);
    let label = ind.gauge_label().unwrap_or_default();
    let used = bar_width + 1 + ratio.width() + 2 + status.width() + 2;
    let label = truncate(label, width.saturating_sub(used));
    let mut spans = vec![
        Span::styled("█".repeat(filled), status_style),
        Span::styled("░".repeat(empty), theme.muted()),
        Span::raw(" "),
        Span::styled(ratio.clone(), status_style),
        Span::raw("  "),
        Span::styled(label.clone(), theme.muted()),
    ];
    let gap =
        width.saturating_sub(bar_width + 1 + ratio.width() + 2 + label.width() + status.width());
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(status, status_style));
    vec![first, Line::from(spans)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Better, Bound, Comparison};

    fn indicator() -> Indicator {
        Indicator {
            name: "Tổng giá trị sản xuất".into(),
            value: 33497.0,
            unit: Some("tỷ đồng".into()),
            bound: Bound::Exact,
            period: Some("2023".into()),
            target: None,
            target_label: None,
            compare: vec![Comparison {
                label: "so với năm 2022".into(),
                percent: 107.0,
            }],
            better: Better::Higher,
        }
    }

    fn text(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn gauge_lines_carry_value_ratio_label_and_status() {
        let lines = lines(&indicator(), 70, Lang::Vi, &Theme::monochrome());
        assert_eq!(lines.len(), 2);
        assert!(text(&lines[0]).starts_with("Tổng giá trị sản xuất (2023)"));
        assert!(text(&lines[0]).ends_with("33.497 tỷ đồng"));
        let bar = text(&lines[1]);
        assert!(bar.contains("107% ▲"), "{bar}");
        assert!(bar.contains("so với năm 2022"));
        assert!(bar.ends_with("✓ đạt"));
        assert_eq!(lines[1].width(), 70);
    }

    #[test]
    fn plain_figures_have_one_line_with_bound() {
        let mut ind = indicator();
        ind.compare.clear();
        ind.value = 385.0;
        ind.bound = Bound::AtLeast;
        let lines = lines(&ind, 60, Lang::En, &Theme::monochrome());
        assert_eq!(lines.len(), 1);
        assert!(text(&lines[0]).ends_with("≥ 385 tỷ đồng"));
    }

    #[test]
    fn bar_fill_is_capped() {
        assert_eq!(bar_cells(0.8, 10), (8, 2));
        assert_eq!(bar_cells(1.75, 10), (10, 0));
        assert_eq!(bar_cells(-1.0, 10), (0, 10));
    }

    #[test]
    fn percent_values_have_no_space_before_the_unit() {
        let mut ind = indicator();
        ind.value = 67.0;
        ind.unit = Some("%".into());
        ind.bound = Bound::AtLeast;
        assert_eq!(value_text(&ind, Lang::Vi), "≥ 67%");
    }
}
