//! An indicator's figures as text: its value with its bound, whole, unit and second unit, its
//! title, what its gauge measures against and the ratio, the comparisons it shows, its share,
//! its status, and the cells of its bar.

use super::numbers;
use crate::i18n;
use crate::model::{Basis, Bound, Comparison, Gauge, GaugeBasis, Indicator, Lang, Status};

/// A gauge's ratio: one decimal when computed from a target, as written when it is a plan
/// comparison's percent (`100,75%`).
/// A target of zero has no ratio: `—`.
pub(crate) fn ratio_text(g: &Gauge, lang: Lang) -> String {
    match (g.basis, g.ratio) {
        (GaugeBasis::Target, Some(ratio)) => numbers::percent(ratio, lang),
        (GaugeBasis::Compare, Some(ratio)) => numbers::percent_figure(ratio, lang),
        (_, _) => "—".to_string(),
    }
}

/// What a gauge's ratio is measured against: the target with its label and unit
/// (`mục tiêu cuối nhiệm kỳ: 100 triệu đồng/người`), else the comparison's label.
pub(crate) fn measured_against(ind: &Indicator, gauge: &Gauge, lang: Lang) -> Option<String> {
    match (gauge.basis, ind.more.target) {
        (GaugeBasis::Target | GaugeBasis::ZeroTarget, Some(target)) => Some(format!(
            "{}: {}",
            ind.gauge_label().unwrap_or(i18n::strings(lang).target),
            with_unit(target, ind.unit.as_deref(), lang)
        )),
        _ => ind.gauge_label().map(str::to_string),
    }
}

/// A comparison the gauge does not show: the growth of a `previous` one (`▲ 7% so với năm
/// 2022`, `+7%` in ASCII), else its label and percent as written (`kế hoạch 146,7%`).
pub(crate) fn compare_text(c: &Comparison, lang: Lang, ascii: bool) -> String {
    if c.basis() != Basis::Previous {
        return format!("{} {}", c.label, numbers::percent_figure(c.percent, lang));
    }
    let change = c.percent - 100.0;
    let size = numbers::number(change.abs(), numbers::written_decimals(c.percent), lang);
    let sign = match (ascii, change.partial_cmp(&0.0)) {
        (false, Some(std::cmp::Ordering::Greater)) => "▲ ",
        (false, Some(std::cmp::Ordering::Less)) => "▼ ",
        (true, Some(std::cmp::Ordering::Greater)) => "+",
        (true, Some(std::cmp::Ordering::Less)) => "-",
        (_, _) => "±",
    };
    format!("{sign}{size}% {}", c.label)
}

/// A share's part of the whole in percent: computed from `of` with one decimal (`78,9%`), or
/// its value as written when it is a percentage (`4,35%`); `None` when it is no share.
pub(crate) fn share_text(ind: &Indicator, lang: Lang) -> Option<String> {
    let share = ind.share()?;
    Some(match (ind.more.of, ind.value) {
        (None, Some(value)) => numbers::percent_figure(value, lang),
        (_, _) => numbers::percent(share * 100.0, lang),
    })
}

/// `Tổng giá trị sản xuất (2023)`: the indicator's name with its period.
pub(crate) fn indicator_title(ind: &Indicator, lang: Lang) -> String {
    let title = match &ind.period {
        Some(p) => format!("{} ({p})", ind.name),
        None => ind.name.to_string(),
    };
    match &ind.more.part_of {
        Some(whole) => i18n::strings(lang).part_of(&title, whole),
        None => title,
    }
}

/// `33.497 tỷ đồng`, `67%`: a figure with its unit (a `%` follows without a space), with the
/// precision written.
pub(crate) fn with_unit(value: f64, unit: Option<&str>, lang: Lang) -> String {
    let n = numbers::figure(value, lang);
    match unit {
        Some("%") => format!("{n}%"),
        Some(u) => format!("{n} {u}"),
        None => n,
    }
}

/// `≥ ` before a figure that is a lower bound (`>= ` in ASCII); empty for an exact figure.
pub(super) fn bound_symbol(bound: Bound, ascii: bool) -> &'static str {
    match (ascii, bound) {
        (false, b) => b.symbol(),
        (true, Bound::Exact) => "",
        (true, Bound::AtLeast) => ">= ",
        (true, Bound::AtMost) => "<= ",
        (true, Bound::About) => "~ ",
    }
}

/// `≥ 385 tỷ đồng`, `15/19 tiêu chí`: an indicator's value with its bound, its whole and its
/// unit.
/// A figure known only as a percent of plan says so (`chỉ có % kế hoạch`), never a number.
pub(crate) fn value_text(ind: &Indicator, lang: Lang, ascii: bool) -> String {
    let t = i18n::strings(lang);
    let bound = bound_symbol(ind.bound, ascii);
    let value = match (ind.value, ind.more.of) {
        (None, _) => t.figure_plan_percent_only.to_string(),
        (Some(value), Some(of)) => {
            let whole = with_unit(of, ind.unit.as_deref(), lang);
            format!("{bound}{}/{whole}", numbers::figure(value, lang))
        }
        (Some(value), None) => format!("{bound}{}", with_unit(value, ind.unit.as_deref(), lang)),
    };
    let value = match &ind.more.other {
        Some((other, unit)) => format!("{value} ({})", with_unit(*other, Some(unit), lang)),
        None => value,
    };
    match (ind.estimate, ind.forecast) {
        (_, true) => format!("{value} ({})", t.figure_forecast),
        (true, false) => format!("{value} ({})", t.figure_estimate),
        (false, false) => value,
    }
}

/// `✓`, `~`, `✗` (`+`, `~`, `x` in ASCII): a status without colour.
pub(crate) fn status_symbol(status: Status, ascii: bool) -> &'static str {
    match (ascii, status) {
        (false, s) => s.symbol(),
        (true, Status::Met) => "+",
        (true, Status::Near) => "~",
        (true, Status::Behind) => "x",
    }
}

/// `đạt` / `met`: the word for an indicator's status.
pub(crate) fn status_word(status: Status, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match status {
        Status::Met => t.met,
        Status::Near => t.near,
        Status::Behind => t.behind,
    }
}

/// The filled and empty cells of a `width`-cell gauge bar for a fill of 0.0–1.0: full only
/// at 1.0: a 98% or 99,86% bar keeps an empty cell.
pub(crate) fn bar_cells(fill: f64, width: usize) -> (usize, usize) {
    let fill = if fill.is_nan() {
        0.0
    } else {
        fill.clamp(0.0, 1.0)
    };
    let mut filled = ((fill * width as f64).round() as usize).min(width);
    if fill < 1.0 && filled == width {
        filled = width.saturating_sub(1);
    }
    (filled, width - filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator() -> Indicator {
        Indicator::sample(
            "Tổng thu ngân sách",
            385.0,
            Bound::AtLeast,
            "so với năm 2022",
        )
    }

    #[test]
    fn indicator_title_and_value() {
        let mut ind = indicator();
        assert_eq!(indicator_title(&ind, Lang::Vi), "Tổng thu ngân sách (2023)");
        assert_eq!(value_text(&ind, Lang::Vi, false), "≥ 385 tỷ đồng");
        assert_eq!(value_text(&ind, Lang::Vi, true), ">= 385 tỷ đồng");
        ind.value = Some(67.5);
        ind.unit = Some("%".into());
        ind.bound = Bound::Exact;
        ind.period = None;
        assert_eq!(indicator_title(&ind, Lang::Vi), "Tổng thu ngân sách");
        assert_eq!(value_text(&ind, Lang::Vi, false), "67,5%");
        assert_eq!(value_text(&ind, Lang::En, true), "67.5%");
    }

    #[test]
    fn status_words_and_symbols() {
        assert_eq!(status_word(Status::Behind, Lang::Vi), "chưa đạt");
        assert_eq!(status_word(Status::Met, Lang::En), "met");
        assert_eq!(status_symbol(Status::Behind, false), "✗");
        assert_eq!(status_symbol(Status::Behind, true), "x");
    }

    #[test]
    fn bar_fill_is_capped() {
        assert_eq!(bar_cells(0.8, 10), (8, 2));
        assert_eq!(bar_cells(1.75, 10), (10, 0));
        assert_eq!(bar_cells(-1.0, 10), (0, 10));
    }

    /// A bar is full only at 100% or more: 98% and 99,86% keep an empty cell at any width.
    #[test]
    fn a_bar_is_full_only_at_a_hundred_percent() {
        for width in [5, 10, 19, 26, 30] {
            for fill in [0.98, 0.9986, 0.999_999] {
                let (filled, empty) = bar_cells(fill, width);
                assert_eq!((filled, empty), (width - 1, 1), "{fill} in {width}");
            }
            assert_eq!(bar_cells(1.0, width), (width, 0));
        }
    }

    /// A figure known only as a percent of plan shows no number; a target of zero no ratio.
    #[test]
    fn no_value_and_a_zero_target_show_no_made_up_number() {
        let mut ind = Indicator {
            name: "Thu ngân sách".into(),
            unit: Some("tỷ đồng".into()),
            compare: smallvec::smallvec![Comparison {
                label: "kế hoạch".into(),
                percent: 95.0,
                written_basis: Some(Basis::Plan),
            }],
            ..Indicator::default()
        };
        assert_eq!(value_text(&ind, Lang::Vi, false), "chỉ có % kế hoạch");
        assert_eq!(value_text(&ind, Lang::En, true), "% of plan only");
        let g = ind.gauge().expect("a gauge from the plan");
        assert_eq!(ratio_text(&g, Lang::Vi), "95%");
        ind.value = Some(12.0);
        ind.unit = Some("hộ".into());
        ind.more.target = Some(0.0);
        let g = ind.gauge().expect("a gauge from the target");
        assert_eq!(ratio_text(&g, Lang::En), "—");
        assert_eq!(
            measured_against(&ind, &g, Lang::Vi).as_deref(),
            Some("mục tiêu: 0 hộ")
        );
    }

    #[test]
    fn comparisons_say_growth_or_their_percent_as_written() {
        let c = |label: &str, percent: f64| Comparison {
            label: label.into(),
            percent,
            written_basis: None,
        };
        for (label, percent, lang, ascii, said) in [
            (
                "so với năm 2022",
                119.5,
                Lang::Vi,
                false,
                "▲ 19,5% so với năm 2022",
            ),
            (
                "so với năm 2025",
                112.3,
                Lang::En,
                false,
                "▲ 12.3% so với năm 2025",
            ),
            ("cùng kỳ", 82.0, Lang::Vi, true, "-18% cùng kỳ"),
            ("cùng kỳ", 100.0, Lang::Vi, false, "±0% cùng kỳ"),
            ("kế hoạch", 100.75, Lang::Vi, false, "kế hoạch 100,75%"),
        ] {
            assert_eq!(compare_text(&c(label, percent), lang, ascii), said);
        }
        let mut ind = indicator();
        ind.more.of = Some(19.0);
        ind.value = Some(15.0);
        ind.bound = Bound::Exact;
        ind.unit = Some("tiêu chí".into());
        assert_eq!(value_text(&ind, Lang::Vi, false), "15/19 tiêu chí");
        assert_eq!(share_text(&ind, Lang::Vi), None, "not a share");
        ind.kind = crate::model::Kind::Share;
        assert_eq!(share_text(&ind, Lang::Vi).as_deref(), Some("78,9%"));
        ind.more.of = None;
        ind.unit = Some("%".into());
        ind.value = Some(4.35);
        assert_eq!(share_text(&ind, Lang::Vi).as_deref(), Some("4,35%"));
    }
}
