//! A figure across sessions as the rows of a chart: each value by its period, the plan under
//! it where the file gives one, the numbers in the reader's language.

use super::{bound_symbol, numbers, session_day, with_unit};
use crate::i18n;
use crate::model::Lang;
use crate::model::Session;
use crate::model::dossier::{Point, Trend};

/// One bar of a trend chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChartRow {
    /// The period (`2023`, `6 tháng đầu năm 2024`), or the session's date; `KH` / `plan`
    /// for a plan.
    pub label: String,
    pub value: f64,
    /// The value as read: `≥ 33.497`, `420,5`.
    pub text: String,
    /// The plan of the value above it.
    pub plan: bool,
}

/// `Thu ngân sách (tỷ đồng)`: a trend's name with its unit.
pub(crate) fn trend_title(trend: &Trend) -> String {
    match &trend.unit {
        Some(unit) => format!("{} ({unit})", trend.name),
        None => trend.name.to_string(),
    }
}

/// What a point is for: the period written with the figure, else its session's date.
pub(crate) fn point_label(sessions: &[Session], point: &Point, lang: Lang) -> String {
    match (&point.period, sessions.get(point.session)) {
        (Some(period), _) => period.to_string(),
        (None, Some(s)) => session_day(&s.date, lang),
        (None, None) => String::new(),
    }
}

/// `≥ 420,5` (`with_unit`: `≥ 420,5 tỷ đồng`): a point's value as read.
pub(crate) fn point_value(point: &Point, unit: Option<&str>, lang: Lang, ascii: bool) -> String {
    let bound = bound_symbol(point.bound, ascii);
    format!("{bound}{}", with_unit(point.value, unit, lang))
}

/// The bars of `trend`, oldest first: each value, then its plan where given.
pub(crate) fn chart_rows(sessions: &[Session], trend: &Trend, lang: Lang) -> Vec<ChartRow> {
    let t = i18n::strings(lang);
    let mut rows = Vec::with_capacity(trend.points.len() * 2);
    for point in &trend.points {
        rows.push(ChartRow {
            label: point_label(sessions, point, lang),
            value: point.value,
            text: point_value(point, None, lang, false),
            plan: false,
        });
        if let Some(target) = point.target {
            rows.push(ChartRow {
                label: t.plan_short.to_string(),
                value: target,
                text: numbers::figure(target, lang),
                plan: true,
            });
        }
    }
    rows
}

/// How long the bar of `value` is on a scale of `cells`, against the largest of `rows`
/// (a value at or below zero draws none).
pub(crate) fn bar_length(value: f64, rows: &[ChartRow], cells: usize) -> usize {
    let top = rows.iter().map(|r| r.value).fold(0.0_f64, f64::max);
    if top <= 0.0 || value <= 0.0 || !value.is_finite() {
        return 0;
    }
    let cells_f = cells as f64;
    ((value / top * cells_f).round().clamp(1.0, cells_f)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bound, SessionDate, test_session};

    fn sessions() -> Vec<Session> {
        let mut a = test_session(vec![], vec![]);
        a.date = SessionDate::Date("2023-01-12".parse().expect("day"));
        vec![a]
    }

    #[test]
    fn rows_say_periods_values_and_plans_in_the_language() {
        let trend = Trend {
            name: "Thu ngân sách".into(),
            unit: Some("tỷ đồng".into()),
            points: vec![
                Point {
                    session: 0,
                    locality: 0,
                    indicator: 0,
                    value: 33497.0,
                    bound: Bound::AtLeast,
                    target: Some(35000.5),
                    period: None,
                },
                Point {
                    session: 0,
                    locality: 0,
                    indicator: 0,
                    value: 420.5,
                    bound: Bound::Exact,
                    target: None,
                    period: Some("6 tháng đầu năm 2024".into()),
                },
            ],
        };
        let rows = chart_rows(&sessions(), &trend, Lang::Vi);
        let said: Vec<(&str, &str, bool)> = (rows.iter())
            .map(|r| (r.label.as_str(), r.text.as_str(), r.plan))
            .collect();
        assert_eq!(
            said,
            [
                ("12/01/2023", "≥ 33.497", false),
                ("KH", "35.000,5", true),
                ("6 tháng đầu năm 2024", "420,5", false),
            ]
        );
        assert_eq!(trend_title(&trend), "Thu ngân sách (tỷ đồng)");
        let en = chart_rows(&sessions(), &trend, Lang::En);
        assert_eq!(
            (en[0].text.as_str(), en[1].label.as_str()),
            ("≥ 33,497", "plan")
        );
        assert_eq!(bar_length(35000.5, &rows, 20), 20);
        assert_eq!(bar_length(420.5, &rows, 20), 1);
        assert_eq!(bar_length(-3.0, &rows, 20), 0);
    }
}
