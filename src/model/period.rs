//! Periods of the calendar written as strings (`"2024"`, `"2024-H2"`, `"2024-Q2"`,
//! `"2024-06"`), and the two things they date: a deadline that falls due at the end of its
//! period, and a session known only to the month or the year.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

/// A period of the calendar, as docs/spec.md writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// `"2024"`.
    Year(i32),
    /// `"2024-H1"`, `"2024-H2"`: half 1 or 2.
    Half(i32, u8),
    /// `"2024-Q2"`: quarter 1 to 4.
    Quarter(i32, u8),
    /// `"2024-06"`: month 1 to 12.
    Month(i32, u32),
}

impl Period {
    /// Every form a period may be written in, for messages.
    pub const FORMS: [&'static str; 5] = ["2024", "2024-H1", "2024-H2", "2024-Q2", "2024-06"];

    /// The period written `text`: a four-digit year, then optionally `-H1`/`-H2`, `-Q1`…`-Q4`
    /// (letters in either case) or a two-digit month.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, rest) = match text.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (text, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let Some(rest) = rest else {
            return Some(Period::Year(year));
        };
        // One digit from 1 to `max`.
        let digit = |d: u8, max: u8| (b'1'..=b'0' + max).contains(&d).then(|| d - b'0');
        let period = match rest.as_bytes() {
            [b'H' | b'h', d] => Period::Half(year, digit(*d, 2)?),
            [b'Q' | b'q', d] => Period::Quarter(year, digit(*d, 4)?),
            [tens @ b'0'..=b'1', ones @ b'0'..=b'9'] => {
                let month = u32::from((tens - b'0') * 10 + (ones - b'0'));
                (1..=12)
                    .contains(&month)
                    .then_some(Period::Month(year, month))?
            }
            _ => return None,
        };
        Some(period)
    }

    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Half(y, _) | Period::Quarter(y, _) | Period::Month(y, _) => y,
        }
    }

    /// The first and the one after the last month of the period, from 1 (13 is January of the
    /// next year).
    fn months(self) -> (u32, u32) {
        // Saturating, so a period built by hand out of range gives no date rather than a panic.
        let span = |n: u32, months: u32| {
            let last = n.saturating_mul(months);
            (last.saturating_sub(months - 1), last.saturating_add(1))
        };
        match self {
            Period::Year(_) => (1, 13),
            Period::Half(_, h) => span(u32::from(h), 6),
            Period::Quarter(_, q) => span(u32::from(q), 3),
            Period::Month(_, m) => (m, m.saturating_add(1)),
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> NaiveDate {
        let (first, _) = self.months();
        NaiveDate::from_ymd_opt(self.year(), first, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the period, when a deadline of this period falls due.
    pub fn last_day(self) -> NaiveDate {
        let (_, after) = self.months();
        let next = match after {
            13 => NaiveDate::from_ymd_opt(self.year() + 1, 1, 1),
            m => NaiveDate::from_ymd_opt(self.year(), m, 1),
        };
        next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
    }
}

/// The canonical form: `2024`, `2024-H1`, `2024-Q2`, `2024-06`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Half(y, h) => write!(f, "{y}-H{h}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A directive's deadline: a day, or a period that falls due on its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Due {
    Day(NaiveDate),
    Period(Period),
}

impl Due {
    /// The last day on which it is not yet overdue.
    pub fn last_day(self) -> NaiveDate {
        match self {
            Due::Day(d) => d,
            Due::Period(p) => p.last_day(),
        }
    }
}

impl From<NaiveDate> for Due {
    fn from(d: NaiveDate) -> Self {
        Due::Day(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn every_form_parses_and_prints_back() {
        for form in Period::FORMS {
            let p = Period::parse(form).expect(form);
            assert_eq!(p.to_string(), form);
        }
        assert_eq!(Period::parse("2024-q3"), Some(Period::Quarter(2024, 3)));
        assert_eq!(Period::parse("2024-h2"), Some(Period::Half(2024, 2)));
    }

    #[test]
    fn other_strings_are_not_periods() {
        for text in [
            "",
            "24",
            "20245",
            "2024-",
            "2024-Q5",
            "2024-Q0",
            "2024-H3",
            "2024-13",
            "2024-00",
            "2024-6",
            "2024-006",
            "Q2/2024",
            "2024-03-13",
            "2024 ",
            "năm 2024",
            "2024-+1",
        ] {
            assert_eq!(Period::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn periods_start_and_end_where_the_calendar_says() {
        let cases = [
            ("2024", "2024-01-01", "2024-12-31"),
            ("2024-H1", "2024-01-01", "2024-06-30"),
            ("2024-H2", "2024-07-01", "2024-12-31"),
            ("2024-Q1", "2024-01-01", "2024-03-31"),
            ("2024-Q2", "2024-04-01", "2024-06-30"),
            ("2024-Q4", "2024-10-01", "2024-12-31"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2023-02", "2023-02-01", "2023-02-28"),
            ("2024-12", "2024-12-01", "2024-12-31"),
        ];
        for (text, first, last) in cases {
            let p = Period::parse(text).expect(text);
            assert_eq!(
                (p.first_day(), p.last_day()),
                (day(first), day(last)),
                "{text}"
            );
        }
    }

    #[test]
    fn periods_out_of_range_do_not_panic() {
        for p in [
            Period::Quarter(2024, 0),
            Period::Half(2024, 9),
            Period::Month(2024, 0),
        ] {
            let _ = (p.first_day(), p.last_day(), p.to_string());
        }
    }

    #[test]
    fn a_deadline_falls_due_on_its_last_day() {
        let q2 = Due::Period(Period::Quarter(2024, 2));
        assert_eq!(q2.last_day(), day("2024-06-30"));
        assert_eq!(Due::from(day("2024-03-13")).last_day(), day("2024-03-13"));
    }

    #[test]
    fn deadlines_serialize_as_written() {
        let json = serde_json::to_string(&[
            Due::Day(day("2024-12-31")),
            Due::Period(Period::Half(2024, 2)),
        ])
        .expect("json");
        assert_eq!(json, r#"["2024-12-31","2024-H2"]"#);
    }
}
