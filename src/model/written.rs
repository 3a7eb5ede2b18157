//! The model's values that serialize as the text a file or JSON writes (dates, periods, the
//! closed lists), read back from that text: what makes the model's serde form round-trip
//! (the parse cache, `store::cache`) while JSON keeps its shape.

use std::fmt;
use std::marker::PhantomData;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::{Due, Period, SessionDate};

/// The value `parse` makes of the text `deserializer` gives; `expected` says what the text
/// should have been.
pub(crate) fn from_text<'de, D, T>(
    deserializer: D,
    parse: fn(&str) -> Option<T>,
    expected: &'static str,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_str(TextVisitor {
        parse,
        expected,
        made: PhantomData,
    })
}

struct TextVisitor<T> {
    parse: fn(&str) -> Option<T>,
    expected: &'static str,
    made: PhantomData<T>,
}

impl<T> Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expected)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
    }
}

impl SessionDate {
    /// The date as its serde form writes it: a date-time with or without an offset, a day,
    /// or a period.
    fn from_written(text: &str) -> Option<Self> {
        if let Ok(at) = text.parse::<DateTime<FixedOffset>>() {
            return Some(SessionDate::Offset(at));
        }
        if let Ok(at) = text.parse::<NaiveDateTime>() {
            return Some(SessionDate::Local(at));
        }
        if let Ok(day) = text.parse::<NaiveDate>() {
            return Some(SessionDate::Date(day));
        }
        Period::parse(text).map(SessionDate::Period)
    }
}

impl<'de> Deserialize<'de> for SessionDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_text(d, SessionDate::from_written, "a session date")
    }
}

impl Due {
    /// The deadline as its serde form writes it: a day or a period.
    fn from_written(text: &str) -> Option<Self> {
        match text.parse::<NaiveDate>() {
            Ok(day) => Some(Due::Day(day)),
            Err(_) => Period::parse(text).map(Due::Period),
        }
    }
}

impl<'de> Deserialize<'de> for Due {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_text(d, Due::from_written, "a deadline")
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_text(d, Period::parse, "a period")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Basis, HostKind, Kind, Level, PartOfDay};

    fn round_trip<T>(value: T)
    where
        T: serde::Serialize + for<'de> Deserialize<'de> + PartialEq + fmt::Debug,
    {
        let bytes = postcard::to_allocvec(&value).expect("serialize");
        let back: T = postcard::from_bytes(&bytes).expect("deserialize");
        assert_eq!(back, value);
        let json = serde_json::to_string(&value).expect("json");
        let back: T = serde_json::from_str(&json).expect("from json");
        assert_eq!(back, value, "{json}");
    }

    #[test]
    fn every_kind_of_session_date_and_deadline_reads_back_as_written() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 13).expect("day");
        let at = day.and_hms_nano_opt(8, 30, 5, 120_000_000).expect("time");
        let offsets = [7 * 3600, 0, -(5 * 3600 + 30 * 60)];
        for seconds in offsets {
            let offset = FixedOffset::east_opt(seconds).expect("offset");
            let zoned = at.and_local_timezone(offset).single().expect("zoned");
            round_trip(SessionDate::Offset(zoned));
        }
        round_trip(SessionDate::Local(at));
        round_trip(SessionDate::Local(day.and_hms_opt(14, 0, 0).expect("time")));
        round_trip(SessionDate::Date(day));
        let periods = [
            Period::Year(2022),
            Period::Half(2024, 2),
            Period::Quarter(2024, 1),
            Period::Month(2023, 1),
            Period::Month(2023, 12),
        ];
        for period in periods {
            round_trip(SessionDate::Period(period));
            round_trip(Due::Period(period));
            round_trip(period);
        }
        round_trip(Due::Day(day));
    }

    #[test]
    fn the_closed_lists_read_back_by_name() {
        for name in Level::NAMES {
            round_trip(Level::parse(name).expect("level"));
        }
        for name in HostKind::NAMES {
            round_trip(HostKind::parse(name).expect("host kind"));
        }
        for name in PartOfDay::NAMES {
            round_trip(PartOfDay::parse(name).expect("part of day"));
        }
        for name in Kind::NAMES {
            round_trip(Kind::parse(name).expect("kind"));
        }
        for name in Basis::NAMES {
            round_trip(Basis::parse(name).expect("basis"));
        }
    }

    #[test]
    fn a_text_that_is_no_value_is_an_error_not_a_guess() {
        let bytes = postcard::to_allocvec("2024-13").expect("serialize");
        assert!(postcard::from_bytes::<SessionDate>(&bytes).is_err());
        assert!(postcard::from_bytes::<Due>(&bytes).is_err());
        let bytes = postcard::to_allocvec("huyện").expect("serialize");
        assert!(postcard::from_bytes::<Level>(&bytes).is_err());
    }
}
