//! How numbers and dates read in Vietnamese and English: grouped thousands, the
//! language's decimal separator, percentages, dates and weekdays.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::model::Lang;

/// Formats `value` with at most `max_decimals` decimals (trailing zeros
/// dropped), thousands grouped: `33.497` / `33,497`, `1,6` / `1.6`.
pub(crate) fn number(value: f64, max_decimals: u32, lang: Lang) -> String {
    // Beyond this the scaled value no longer fits an i128; such figures are
    // not real indicators, but they must still print as what they are.
    if !value.is_finite() || value.abs() >= 1e30 {
        return format!("{value:e}");
    }
    let scale = 10i128.pow(max_decimals);
    let scaled = (value * scale as f64).round() as i128;
    let negative = scaled < 0;
    let magnitude = scaled.unsigned_abs();
    let int_part = magnitude / scale as u128;
    let mut frac = format!(
        "{:0width$}",
        magnitude % scale as u128,
        width = max_decimals as usize
    );
    while frac.ends_with('0') {
        frac.pop();
    }
    let (group, decimal) = lang.separators();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_thousands(int_part, group));
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(&frac);
    }
    out
}

fn group_thousands(n: u128, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A percentage with at most one decimal: `100,8%` / `100.8%` (for ratios the viewer computes).
pub(crate) fn percent(value: f64, lang: Lang) -> String {
    format!("{}%", number(value, 1, lang))
}

/// How many decimals the shortest text that reads back as `value` has: what the file wrote,
/// less trailing zeros (`100.75` → 2, `33497` → 0), at most 9.
pub(crate) fn written_decimals(value: f64) -> u32 {
    let text = format!("{value}");
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
    u32::try_from(decimals).unwrap_or(9).min(9)
}

/// A figure of the file with the precision it was written with, never rounded to fewer
/// decimals: `100,75` / `100.75`, `33.497` / `33,497`, `0,125`.
pub(crate) fn figure(value: f64, lang: Lang) -> String {
    number(value, written_decimals(value), lang)
}

/// A percentage of the file as written: `100,75%` / `100.75%`.
pub(crate) fn percent_figure(value: f64, lang: Lang) -> String {
    format!("{}%", figure(value, lang))
}

/// `13/03/2024` in both languages.
pub(crate) fn date(d: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_date(&mut out, d);
    out
}

/// [`date`], appended to `out`: without chrono's format string, read again at each call (a
/// report lists a hundred thousand dates); a year beyond four digits as chrono writes it.
pub(crate) fn push_date(out: &mut String, d: NaiveDate) {
    use std::fmt::Write as _;
    let _ = match d.year() {
        year @ 0..=9999 => write!(out, "{:02}/{:02}/{year:04}", d.day(), d.month()),
        _ => write!(out, "{}", d.format("%d/%m/%Y")),
    };
}

/// The weekday's name: `Thứ Tư` / `Wednesday`.
pub(crate) fn weekday(d: NaiveDate, lang: Lang) -> &'static str {
    match (lang, d.weekday()) {
        (Lang::Vi, Weekday::Mon) => "Thứ Hai",
        (Lang::Vi, Weekday::Tue) => "Thứ Ba",
        (Lang::Vi, Weekday::Wed) => "Thứ Tư",
        (Lang::Vi, Weekday::Thu) => "Thứ Năm",
        (Lang::Vi, Weekday::Fri) => "Thứ Sáu",
        (Lang::Vi, Weekday::Sat) => "Thứ Bảy",
        (Lang::Vi, Weekday::Sun) => "Chủ Nhật",
        (Lang::En, Weekday::Mon) => "Monday",
        (Lang::En, Weekday::Tue) => "Tuesday",
        (Lang::En, Weekday::Wed) => "Wednesday",
        (Lang::En, Weekday::Thu) => "Thursday",
        (Lang::En, Weekday::Fri) => "Friday",
        (Lang::En, Weekday::Sat) => "Saturday",
        (Lang::En, Weekday::Sun) => "Sunday",
    }
}

/// `Thứ Tư, 13/03/2024` / `Wednesday, 13/03/2024`.
pub(crate) fn long_date(d: NaiveDate, lang: Lang) -> String {
    format!("{}, {}", weekday(d, lang), date(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        let days = [
            (-1, 6, 30),
            (0, 7, 4),
            (1, 1, 1),
            (2024, 3, 13),
            (9999, 12, 31),
            (10000, 1, 2),
            (262_000, 2, 28),
        ];
        for (y, m, d) in days {
            let day = NaiveDate::from_ymd_opt(y, m, d).expect("day");
            assert_eq!(date(day), day.format("%d/%m/%Y").to_string(), "{day:?}");
        }
    }

    #[test]
    fn groups_thousands_per_language() {
        assert_eq!(number(33497.0, 2, Lang::Vi), "33.497");
        assert_eq!(number(33497.0, 2, Lang::En), "33,497");
        assert_eq!(number(1234567.0, 0, Lang::Vi), "1.234.567");
        assert_eq!(number(999.0, 0, Lang::En), "999");
        assert_eq!(number(0.0, 2, Lang::En), "0");
    }

    #[test]
    fn decimals_use_the_language_separator_and_drop_zeros() {
        assert_eq!(number(1.6, 2, Lang::Vi), "1,6");
        assert_eq!(number(1.6, 2, Lang::En), "1.6");
        assert_eq!(number(2.50, 2, Lang::Vi), "2,5");
        assert_eq!(number(8351.25, 2, Lang::Vi), "8.351,25");
    }

    #[test]
    fn rounding_carries_into_the_integer_part() {
        assert_eq!(number(999.999, 2, Lang::Vi), "1.000");
        assert_eq!(number(999.999, 2, Lang::En), "1,000");
        assert_eq!(number(0.125, 2, Lang::En), "0.13");
        assert_eq!(number(2.4, 0, Lang::En), "2");
    }

    #[test]
    fn huge_values_print_in_scientific_notation() {
        assert_eq!(number(1e308, 2, Lang::En), "1e308");
        assert_eq!(number(-2.5e40, 2, Lang::Vi), "-2.5e40");
    }

    #[test]
    fn negatives_keep_their_sign() {
        assert_eq!(number(-1234.5, 1, Lang::Vi), "-1.234,5");
        assert_eq!(number(-0.001, 1, Lang::En), "0");
    }

    #[test]
    fn percentages_have_one_decimal_at_most() {
        assert_eq!(percent(100.8, Lang::Vi), "100,8%");
        assert_eq!(percent(100.8, Lang::En), "100.8%");
        assert_eq!(percent(107.0, Lang::Vi), "107%");
        assert_eq!(percent(119.54, Lang::En), "119.5%");
    }

    #[test]
    fn figures_keep_the_precision_written() {
        assert_eq!(figure(100.75, Lang::Vi), "100,75");
        assert_eq!(figure(100.75, Lang::En), "100.75");
        assert_eq!(figure(33497.0, Lang::Vi), "33.497");
        assert_eq!(figure(0.125, Lang::En), "0.125");
        assert_eq!(figure(4.35, Lang::Vi), "4,35");
        assert_eq!(figure(112.3, Lang::Vi), "112,3");
        assert_eq!(percent_figure(100.75, Lang::Vi), "100,75%");
        assert_eq!(percent_figure(107.0, Lang::En), "107%");
        assert_eq!(written_decimals(1e-12), 9);
        assert_eq!(figure(1e300, Lang::En), "1e300");
    }

    #[test]
    fn dates_and_weekdays() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 13).expect("date");
        assert_eq!(date(d), "13/03/2024");
        assert_eq!(weekday(d, Lang::Vi), "Thứ Tư");
        assert_eq!(weekday(d, Lang::En), "Wednesday");
        assert_eq!(long_date(d, Lang::Vi), "Thứ Tư, 13/03/2024");
        let sunday = NaiveDate::from_ymd_opt(2024, 3, 17).expect("date");
        assert_eq!(weekday(sunday, Lang::Vi), "Chủ Nhật");
    }

    #[test]
    fn locale_detection() {
        assert_eq!(Lang::from_locale("vi_VN.UTF-8"), Lang::Vi);
        assert_eq!(Lang::from_locale("VI"), Lang::Vi);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }
}
