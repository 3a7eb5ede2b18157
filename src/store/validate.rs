//! Turns the parsed TOML of one file into a `Session`, reporting every problem
//! with its place: missing keys, wrong types, bad values, duplicate ids,
//! unknown keys (with the closest known key as a suggestion), version 2 keys in a file that
//! says it is version 1.

use std::collections::HashSet;
use std::ops::Range;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::{Datetime, Offset};

use super::slips::{self, Edit};
use crate::diag::{self, Diagnostic, Expected, Hint, Problem, Severity, Table, ValueType};
use crate::model::{
    Basis, Better, Bound, Comparison, Directive, District, Due, FORMAT_VERSIONS, HostKind, Id,
    Image, Indicator, Kind, Level, PartOfDay, Participant, Period, Reference, Session, SessionDate,
    Shared, Text, fold,
};

type Value<'i> = Spanned<DeValue<'i>>;

const TOP_KEYS: &[&str] = &["version", "session", "district", "locality", "directive"];
const SESSION_KEYS: &[&str] = &[
    "title",
    "date",
    "part_of_day",
    "published",
    "host",
    "host_kind",
    "chair",
    "topic",
    "location",
    "source",
    "tags",
    "summary",
    "highlights",
    "strengths",
    "shortcomings",
    "references",
    "participant",
    "image",
];
/// The keys of the top level that hold tables.
const TOP_TABLES: &[&str] = &["session", "district", "locality", "directive"];
const PARTICIPANT_KEYS: &[&str] = &["name", "group", "role", "part"];
const REFERENCE_KEYS: &[&str] = &["number", "title"];
const IMAGE_KEYS: &[&str] = &["caption", "credit", "file"];
const DISTRICT_KEYS: &[&str] = &[
    "name",
    "id",
    "level",
    "parent",
    "body",
    "summary",
    "highlights",
    "strengths",
    "shortcomings",
    "indicator",
    "directive",
];
const INDICATOR_KEYS: &[&str] = &[
    "name",
    "value",
    "unit",
    "kind",
    "of",
    "bound",
    "period",
    "target",
    "target_label",
    "compare",
    "better",
    "note",
];
const COMPARE_KEYS: &[&str] = &["label", "percent", "basis"];
const DIRECTIVE_KEYS: &[&str] = &[
    "id", "text", "owner", "to", "due", "note", "done", "done_at", "done_by",
];

/// The keys version 2 adds, by table (a file that says `version = 1` is warned of each).
const SESSION_KEYS_2: &[&str] = &[
    "part_of_day",
    "published",
    "host_kind",
    "highlights",
    "strengths",
    "shortcomings",
    "references",
    "image",
];
const LOCALITY_KEYS_2: &[&str] = &["level", "parent", "body"];
const INDICATOR_KEYS_2: &[&str] = &["kind", "of", "note"];

/// Collects the diagnostics of one file.
pub(super) struct Checker<'s> {
    src: &'s str,
    path: &'s str,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// The slips replaced in the text that is checked: spans are mapped back through them to
    /// places in `src`.
    pub(super) edits: Vec<Edit>,
    /// The file says `version = 1`: version 2 keys are read, and warned of once each.
    explicit_v1: bool,
    warned_v2: HashSet<String>,
    /// One copy of each repeated text of the file ([`Shared`]).
    shared: HashSet<Shared>,
}

impl<'s> Checker<'s> {
    pub(super) fn new(src: &'s str, path: &'s str) -> Self {
        Checker {
            src,
            path,
            diagnostics: Vec::new(),
            edits: Vec::new(),
            explicit_v1: false,
            warned_v2: HashSet::new(),
            shared: HashSet::new(),
        }
    }

    /// `text` as the file's one copy of it.
    fn share(&mut self, text: String) -> Shared {
        if let Some(known) = self.shared.get(text.as_str()) {
            return known.clone();
        }
        let shared = Shared::from(text);
        self.shared.insert(shared.clone());
        shared
    }

    /// `what` (a key, or a key with its value) belongs to version 2: a warning in a file that
    /// says `version = 1`, once per file.
    fn version_2(&mut self, span: Range<usize>, what: &str) {
        if self.explicit_v1 && self.warned_v2.insert(what.to_string()) {
            let key = what.to_string();
            self.warn(span, Problem::Version2Key { key });
        }
    }

    /// A table named one letter off `right` at `key` (a span of the checked text).
    fn misnamed_table(&mut self, key: Range<usize>, right: &str) {
        let (written, right) = slips::table_header(self.src, self.original(key.clone()), right);
        self.error(key, Problem::UnknownTable { written, right });
    }

    /// `span` of the checked text, in `src`.
    fn original(&self, span: Range<usize>) -> Range<usize> {
        slips::original(&self.edits, span.start)..slips::original(&self.edits, span.end)
    }

    pub(super) fn error(&mut self, span: Range<usize>, problem: Problem) {
        self.push(Severity::Error, span, problem);
    }

    fn warn(&mut self, span: Range<usize>, problem: Problem) {
        self.push(Severity::Warning, span, problem);
    }

    fn push(&mut self, severity: Severity, span: Range<usize>, problem: Problem) {
        let span = self.original(span);
        self.diagnostics
            .push(Diagnostic::new(self.path, severity, problem).at(self.src, span));
    }

    fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// `s` in NFC, safe to print: a tab becomes a space, a carriage return goes,
/// and any other control character (which could drive the terminal when
/// printed) becomes `�`. Most text needs none of this, and is only copied.
fn clean(s: &str) -> String {
    let text = fold::nfc(s);
    if !has_control(&text) {
        return text.into_owned();
    }
    text.chars()
        .filter(|&c| c != '\r')
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() && c != '\n' => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Whether `s` holds a control character other than a line feed (C0, DEL or C1), scanned as
/// bytes: C1 characters are the only ones whose UTF-8 starts with 0xC2 0x80–0x9F.
fn has_control(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && b != b'\n')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// Numbers below an unknown key are not read, but they must still be numbers TOML can hold:
/// the write-back parses the whole file, and must refuse exactly what `check` refuses.
fn check_numbers(ck: &mut Checker<'_>, value: &Value<'_>) {
    match value.get_ref() {
        DeValue::Integer(i) if i64::from_str_radix(i.as_str(), i.radix()).is_err() => {
            ck.error(value.span(), Problem::IntegerTooLarge)
        }
        DeValue::Float(f) => {
            let text = f.as_str();
            let special = text.contains("inf") || text.contains("nan");
            if !special && !text.parse::<f64>().is_ok_and(f64::is_finite) {
                ck.error(value.span(), Problem::FloatTooLarge);
            }
        }
        DeValue::Array(items) => items.iter().for_each(|item| check_numbers(ck, item)),
        DeValue::Table(table) => table.iter().for_each(|(_, v)| check_numbers(ck, v)),
        _ => {}
    }
}

/// One table of the file, with what it is called in messages.
struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    what: Table,
}

impl<'t, 'i> Fields<'t, 'i> {
    fn new(table: &'t DeTable<'i>, span: Range<usize>, what: Table) -> Self {
        Fields { table, span, what }
    }

    fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    /// Warns of every key not in `known`; a table one letter off one of `tables` (the known
    /// keys that hold tables) is an error instead, as nothing below it would be read. Gives
    /// the tables so misnamed.
    fn check_unknown_keys(
        &self,
        ck: &mut Checker<'_>,
        known: &[&str],
        tables: &[&'static str],
    ) -> Vec<&'static str> {
        let mut misnamed = Vec::new();
        for (key, value) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            check_numbers(ck, value);
            match slips::near_table(name, tables).filter(|_| holds_tables(value)) {
                Some(right) => {
                    misnamed.push(right);
                    ck.misnamed_table(key.span(), right);
                }
                None => {
                    let problem = Problem::UnknownKey {
                        key: name.to_string(),
                        table: self.what.clone(),
                        hint: Hint::of(name, known),
                    };
                    ck.warn(key.span(), problem);
                }
            }
        }
        misnamed
    }

    fn warn_unknown_keys(&self, ck: &mut Checker<'_>, known: &[&str]) {
        self.check_unknown_keys(ck, known, &[]);
    }

    fn missing(&self, ck: &mut Checker<'_>, key: &str, example: &str) {
        let problem = Problem::MissingKey {
            key: key.to_string(),
            table: self.what.clone(),
            example: example.to_string(),
        };
        ck.error(self.span.clone(), problem);
    }

    fn wrong_type(&self, ck: &mut Checker<'_>, key: &str, value: &Value<'_>, expected: Expected) {
        let problem = Problem::WrongType {
            key: key.to_string(),
            table: self.what.clone(),
            expected,
            found: ValueType::of(value.get_ref()),
        };
        ck.error(value.span(), problem);
    }

    fn wrong_item_type(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        item: &Value<'_>,
        expected: Expected,
    ) {
        let problem = Problem::WrongItemType {
            key: key.to_string(),
            table: self.what.clone(),
            expected,
            found: ValueType::of(item.get_ref()),
        };
        ck.error(item.span(), problem);
    }

    fn string(&self, ck: &mut Checker<'_>, key: &str) -> Option<String> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(clean(s)),
            _ => {
                self.wrong_type(ck, key, value, Expected::String);
                None
            }
        }
    }

    /// [`Fields::string`] as the model keeps text.
    fn text(&self, ck: &mut Checker<'_>, key: &str) -> Option<Text> {
        self.string(ck, key).map(Text::from)
    }

    /// [`Fields::string`] as one copy shared with the file's other fields that say the same.
    fn shared(&self, ck: &mut Checker<'_>, key: &str) -> Option<Shared> {
        self.string(ck, key).map(|s| ck.share(s))
    }

    /// [`Fields::strings`] as the model keeps text.
    fn texts(&self, ck: &mut Checker<'_>, key: &str) -> Vec<Text> {
        self.strings(ck, key).into_iter().map(Text::from).collect()
    }

    fn required_string(&self, ck: &mut Checker<'_>, key: &str, example: &str) -> Option<String> {
        if self.get(key).is_none() {
            self.missing(ck, key, example);
        }
        self.string(ck, key)
    }

    fn strings(&self, ck: &mut Checker<'_>, key: &str) -> Vec<String> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(ck, key, value, Expected::Strings);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(clean(s)),
                _ => self.wrong_item_type(ck, key, item, Expected::String),
            }
        }
        out
    }

    fn number(&self, ck: &mut Checker<'_>, key: &str) -> Option<(f64, Range<usize>)> {
        let value = self.get(key)?;
        let n = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => {
                self.warn_three_decimals(ck, key, f.as_str(), value.span());
                f.as_str().parse::<f64>().ok()
            }
            DeValue::String(s) => {
                self.number_in_quotes(ck, key, s, value);
                return None;
            }
            _ => {
                self.wrong_type(ck, key, value, Expected::Number);
                return None;
            }
        };
        match n.filter(|n| n.is_finite()) {
            Some(n) => Some((n, value.span())),
            None => {
                let problem = Problem::NotFinite {
                    key: key.to_string(),
                    table: self.what.clone(),
                };
                ck.error(value.span(), problem);
                None
            }
        }
    }

    /// `value = 33.497` may be thirty-three thousand written with a thousands dot: a warning.
    fn warn_three_decimals(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        float: &str,
        span: Range<usize>,
    ) {
        if let Some(whole) = slips::thousands_reading(float) {
            let problem = Problem::ThreeDecimals {
                key: key.to_string(),
                written: float.to_string(),
                whole,
            };
            ck.warn(span, problem);
        }
    }

    /// `percent = "107%"`, `value = "62,5"`: the number to write, else the wrong type.
    fn number_in_quotes(&self, ck: &mut Checker<'_>, key: &str, text: &str, value: &Value<'_>) {
        let Some(reading) = slips::read_number(text) else {
            return self.wrong_type(ck, key, value, Expected::Number);
        };
        let problem = Problem::NumberInQuotes {
            key: key.to_string(),
            table: self.what.clone(),
            written: format!("\"{text}\""),
            number: reading.number,
            percent: reading.percent && key == "value",
        };
        ck.error(value.span(), problem);
    }

    fn boolean(&self, ck: &mut Checker<'_>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            DeValue::String(s) => {
                let written = format!("\"{s}\"");
                let done = slips::done_word(s);
                ck.error(value.span(), Problem::DoneWord { written, done });
                None
            }
            DeValue::Integer(i) => {
                let written = i.as_str().to_string();
                let done = slips::done_word(&written);
                ck.error(value.span(), Problem::DoneWord { written, done });
                None
            }
            _ => {
                self.wrong_type(ck, key, value, Expected::Boolean);
                None
            }
        }
    }

    fn datetime(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        expected: Expected,
    ) -> Option<(Datetime, Range<usize>)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Datetime(dt) => Some((*dt, value.span())),
            DeValue::String(s) => {
                let problem = self.quoted_date(key, s, expected);
                ck.error(value.span(), problem);
                None
            }
            _ => {
                self.wrong_type(ck, key, value, expected);
                None
            }
        }
    }

    /// A date in quotes: remove the quotes, or write it year first, or (not a date at all)
    /// say what it must be.
    fn quoted_date(&self, key: &str, text: &str, expected: Expected) -> Problem {
        let key = key.to_string();
        if text.trim().parse::<Datetime>().is_ok() {
            let date = text.trim().to_string();
            let table = self.what.clone();
            return Problem::DateInQuotes { key, table, date };
        }
        match slips::day_first_date(text.trim()) {
            Some(date) => Problem::DateOrder {
                key,
                written: format!("\"{text}\""),
                date: date.format("%Y-%m-%d").to_string(),
            },
            None => Problem::QuotedValue {
                key,
                table: self.what.clone(),
                expected,
                found: text.to_string(),
            },
        }
    }

    fn bad_date_time(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        span: Range<usize>,
        expected: Expected,
        found: Datetime,
    ) {
        let problem = Problem::BadDateTime {
            key: key.to_string(),
            table: self.what.clone(),
            expected,
            found: found.to_string(),
        };
        ck.error(span, problem);
    }

    fn keyword<T>(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        names: &[&str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let s = self.string(ck, key)?;
        let parsed = parse(&s);
        if parsed.is_none() {
            let span = self.get(key).map(|v| v.span()).unwrap_or(self.span.clone());
            let problem = Problem::NotOneOf {
                key: key.to_string(),
                table: self.what.clone(),
                names: names.iter().map(|n| n.to_string()).collect(),
                closest: meant(&s, names),
                found: s,
            };
            ck.error(span, problem);
        }
        parsed
    }

    /// Warns of each of `keys` present, in a file that says `version = 1`.
    fn version_2_keys(&self, ck: &mut Checker<'_>, keys: &[&str]) {
        for key in keys {
            if let Some(v) = self.get(key) {
                ck.version_2(v.span(), key);
            }
        }
    }

    /// `chair`: one string, or (version 2) an array of them.
    fn string_or_strings(&self, ck: &mut Checker<'_>, key: &str) -> Vec<Text> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        match value.get_ref() {
            DeValue::String(s) => vec![clean(s).into()],
            DeValue::Array(_) => {
                ck.version_2(value.span(), &format!("{key} = [ … ]"));
                self.texts(ck, key)
            }
            _ => {
                self.wrong_type(ck, key, value, Expected::StringOrStrings);
                Vec::new()
            }
        }
    }

    /// A session's `date` (`session`: a month or a year) or a deadline (any period) written
    /// as a string: the period, else what the string is instead (a date in quotes, a period
    /// in words, nothing of the kind).
    fn period_string(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        value: &Value<'_>,
        text: &str,
        session: bool,
    ) -> Option<Period> {
        let fits = |p: &Period| !session || matches!(p, Period::Year(_) | Period::Month(..));
        if let Some(period) = Period::parse(text.trim()).filter(fits) {
            ck.version_2(value.span(), &format!("{key} = \"{text}\""));
            return Some(period);
        }
        let expected = if session {
            Expected::SessionDate
        } else {
            Expected::Deadline
        };
        let problem = match self.quoted_date(key, text, expected) {
            Problem::QuotedValue { .. } => match slips::period_in_words(text).filter(fits) {
                Some(period) => Problem::PeriodInWords {
                    key: key.to_string(),
                    written: format!("\"{text}\""),
                    period: period.to_string(),
                },
                None => Problem::NotAPeriod {
                    key: key.to_string(),
                    table: self.what.clone(),
                    found: text.to_string(),
                    session,
                },
            },
            slip => slip,
        };
        ck.error(value.span(), problem);
        None
    }

    /// `due = 2024`: a year written as a number, to be quoted; else the wrong type.
    fn unquoted_year(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        value: &Value<'_>,
        expected: Expected,
    ) {
        match value.get_ref() {
            DeValue::Integer(i) if Period::parse(i.as_str()).is_some() => {
                let written = i.as_str().to_string();
                ck.error(
                    value.span(),
                    Problem::PeriodUnquoted {
                        key: key.to_string(),
                        written,
                    },
                );
            }
            _ => self.wrong_type(ck, key, value, expected),
        }
    }

    /// A deadline: a date, or (version 2) a period string.
    fn deadline(&self, ck: &mut Checker<'_>, key: &str) -> Option<Due> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Datetime(dt) => {
                let day = to_local_date(*dt);
                if day.is_none() {
                    self.bad_date_time(ck, key, value.span(), Expected::Deadline, *dt);
                }
                day.map(Due::Day)
            }
            DeValue::String(s) => self
                .period_string(ck, key, value, s, false)
                .map(Due::Period),
            _ => {
                self.unquoted_year(ck, key, value, Expected::Deadline);
                None
            }
        }
    }

    /// The entries of an array of tables (`[[x]]` or `x = [{..}, {..}]`).
    fn tables(&self, ck: &mut Checker<'_>, key: &str) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(ck, key, value, Expected::TablesOf(key.to_string()));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                _ => self.wrong_item_type(ck, key, item, Expected::Table),
            }
        }
        out
    }
}

/// The one of `names` that `written` means: the same once folded to ASCII with `-` between
/// words (`"xã"` → `xa`, `"Đặc khu"` → `dac-khu`), else one of its words (`"buổi chiều"` →
/// `chieu`). Not a guess by spelling: `"above"` is not `about`.
fn meant(written: &str, names: &[&str]) -> Option<String> {
    let slug = fold::slug(written);
    let exact = names.iter().find(|n| **n == slug);
    let word = || names.iter().find(|n| slug.split('-').any(|w| w == **n));
    (exact.or_else(word))
        .filter(|name| **name != written)
        .map(|name| name.to_string())
}

fn to_date(d: toml::value::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

fn to_time(t: toml::value::Time) -> Option<NaiveTime> {
    NaiveTime::from_hms_nano_opt(
        t.hour.into(),
        t.minute.into(),
        t.second.unwrap_or(0).into(),
        t.nanosecond.unwrap_or(0),
    )
}

fn to_offset(o: Offset) -> Option<FixedOffset> {
    match o {
        Offset::Z => FixedOffset::east_opt(0),
        Offset::Custom { minutes } => FixedOffset::east_opt(i32::from(minutes) * 60),
    }
}

fn to_session_date(dt: Datetime) -> Option<SessionDate> {
    let date = to_date(dt.date?)?;
    let Some(time) = dt.time else {
        return dt.offset.is_none().then_some(SessionDate::Date(date));
    };
    let local = NaiveDateTime::new(date, to_time(time)?);
    match dt.offset {
        None => Some(SessionDate::Local(local)),
        Some(o) => local
            .and_local_timezone(to_offset(o)?)
            .single()
            .map(SessionDate::Offset),
    }
}

fn to_offset_datetime(dt: Datetime) -> Option<DateTime<FixedOffset>> {
    match to_session_date(dt)? {
        SessionDate::Offset(dt) => Some(dt),
        _ => None,
    }
}

fn to_local_date(dt: Datetime) -> Option<NaiveDate> {
    match to_session_date(dt)? {
        SessionDate::Date(d) => Some(d),
        _ => None,
    }
}

/// Checks a parsed document and builds its session (`None` when it has errors).
pub(super) fn session(
    ck: &mut Checker<'_>,
    root: &Spanned<DeTable<'_>>,
    id: &str,
) -> Option<Session> {
    let top = Fields::new(root.get_ref(), 0..0, Table::File);
    let misnamed = top.check_unknown_keys(ck, TOP_KEYS, TOP_TABLES);
    let version = check_version(ck, &top);

    let info = match top.get("session") {
        Some(v) => match v.get_ref() {
            DeValue::Table(t) => session_info(ck, Fields::new(t, v.span(), Table::Session)),
            _ => {
                top.wrong_type(ck, "session", v, Expected::SessionTable);
                None
            }
        },
        None => {
            if !misnamed.contains(&"session") {
                ck.error(0..0, Problem::NoSession);
            }
            None
        }
    };

    let mut seen = Seen::default();
    let directives = directive_list(ck, &top, None, &mut seen);
    let districts = localities(ck, &top, &mut seen);
    check_to(ck, &seen, &districts);

    let info = info?;
    if ck.has_errors() {
        return None;
    }
    Some(Session {
        id: id.into(),
        version: version.unwrap_or(1),
        title: info.title,
        date: info.date,
        part_of_day: info.part_of_day,
        published: info.published,
        host: info.host,
        host_kind: info.host_kind,
        chairs: info.chairs,
        topic: info.topic,
        location: info.location,
        source: info.source,
        tags: info.tags,
        summary: info.summary,
        highlights: info.highlights,
        strengths: info.strengths,
        shortcomings: info.shortcomings,
        references: info.references,
        images: info.images,
        participants: info.participants,
        districts,
        directives,
    })
}

/// The version the file declares, when it declares one it may; remembers an explicit 1.
fn check_version(ck: &mut Checker<'_>, top: &Fields<'_, '_>) -> Option<i64> {
    let value = top.get("version")?;
    match value.get_ref() {
        DeValue::Integer(i) => {
            let declared = (i.radix() == 10)
                .then(|| i.as_str().parse::<i64>().ok())
                .flatten()
                .filter(|v| FORMAT_VERSIONS.contains(v));
            match declared {
                Some(v) => {
                    ck.explicit_v1 = v == 1;
                    return Some(v);
                }
                None => ck.error(
                    value.span(),
                    Problem::UnsupportedVersion {
                        found: i.to_string(),
                    },
                ),
            }
        }
        _ => top.wrong_type(ck, "version", value, Expected::Integer),
    }
    None
}

struct SessionInfo {
    title: Text,
    date: SessionDate,
    part_of_day: Option<PartOfDay>,
    published: Option<SessionDate>,
    host: Option<Text>,
    host_kind: Option<HostKind>,
    chairs: Vec<Text>,
    topic: Option<Text>,
    location: Option<Text>,
    source: Option<Text>,
    tags: Vec<Text>,
    summary: Option<Text>,
    highlights: Vec<Text>,
    strengths: Vec<Text>,
    shortcomings: Vec<Text>,
    references: Vec<Reference>,
    images: Vec<Image>,
    participants: Vec<Participant>,
}

fn session_info(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<SessionInfo> {
    f.check_unknown_keys(ck, SESSION_KEYS, &["participant", "image", "references"]);
    f.version_2_keys(ck, SESSION_KEYS_2);
    let title = f.required_string(ck, "title", "\"Ban Thường vụ Tỉnh ủy làm việc với …\"");
    let date = session_date(ck, &f);
    let participants = f
        .tables(ck, "participant")
        .into_iter()
        .enumerate()
        .filter_map(|(i, (t, span))| {
            participant(ck, Fields::new(t, span, Table::Participant(i + 1)))
        })
        .collect();
    let references = f
        .tables(ck, "references")
        .into_iter()
        .enumerate()
        .filter_map(|(i, (t, span))| reference(ck, Fields::new(t, span, Table::Reference(i + 1))))
        .collect();
    let images = f
        .tables(ck, "image")
        .into_iter()
        .enumerate()
        .filter_map(|(i, (t, span))| image(ck, Fields::new(t, span, Table::Image(i + 1))))
        .collect();
    Some(SessionInfo {
        part_of_day: f.keyword(ck, "part_of_day", PartOfDay::NAMES, PartOfDay::parse),
        published: published(ck, &f),
        host: f.text(ck, "host"),
        host_kind: f.keyword(ck, "host_kind", HostKind::NAMES, HostKind::parse),
        chairs: f.string_or_strings(ck, "chair"),
        topic: f.text(ck, "topic"),
        location: f.text(ck, "location"),
        source: f.text(ck, "source"),
        tags: f.texts(ck, "tags"),
        summary: f.text(ck, "summary"),
        highlights: f.texts(ck, "highlights"),
        strengths: f.texts(ck, "strengths"),
        shortcomings: f.texts(ck, "shortcomings"),
        references,
        images,
        participants,
        title: title?.into(),
        date: date?,
    })
}

/// `date`: a day or a date-time without quotes, or (version 2) a month or a year in quotes.
fn session_date(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<SessionDate> {
    let Some(value) = f.get("date") else {
        f.missing(ck, "date", "2024-03-13");
        return None;
    };
    match value.get_ref() {
        DeValue::Datetime(dt) => {
            let parsed = to_session_date(*dt);
            if parsed.is_none() {
                f.bad_date_time(ck, "date", value.span(), Expected::SessionDate, *dt);
            }
            parsed
        }
        DeValue::String(s) => f
            .period_string(ck, "date", value, s, true)
            .map(SessionDate::Period),
        _ => {
            f.unquoted_year(ck, "date", value, Expected::SessionDate);
            None
        }
    }
}

/// `published`: a day or a date-time, never a period.
fn published(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<SessionDate> {
    let (dt, span) = f.datetime(ck, "published", Expected::DateOrDateTime)?;
    let parsed = to_session_date(dt);
    if parsed.is_none() {
        f.bad_date_time(ck, "published", span, Expected::DateOrDateTime, dt);
    }
    parsed
}

fn participant(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Participant> {
    f.warn_unknown_keys(ck, PARTICIPANT_KEYS);
    f.version_2_keys(ck, &["group"]);
    let name = f.text(ck, "name");
    let group = f.text(ck, "group");
    if f.get("name").is_none() && f.get("group").is_none() {
        let table = f.what.clone();
        ck.error(f.span.clone(), Problem::ParticipantUnnamed { table });
    }
    if name.is_none() && group.is_none() {
        return None;
    }
    Some(Participant {
        name,
        group,
        role: f.text(ck, "role"),
        part: f.text(ck, "part"),
    })
}

/// One of `references`: a `number`, a `title`, or both.
fn reference(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Reference> {
    f.warn_unknown_keys(ck, REFERENCE_KEYS);
    let number = f.text(ck, "number");
    let title = f.text(ck, "title");
    if f.get("number").is_none() && f.get("title").is_none() {
        let table = f.what.clone();
        ck.error(f.span.clone(), Problem::ReferenceEmpty { table });
        return None;
    }
    Some(Reference { number, title })
}

fn image(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Image> {
    f.warn_unknown_keys(ck, IMAGE_KEYS);
    let caption = f.required_string(ck, "caption", "\"Đồng chí Bí thư Tỉnh ủy phát biểu\"");
    let file = f.string(ck, "file");
    if let (Some(file), Some(value)) = (&file, f.get("file"))
        && !stays_in_folder(file)
    {
        let problem = Problem::ImageOutside {
            table: f.what.clone(),
            file: file.clone(),
        };
        ck.error(value.span(), problem);
    }
    Some(Image {
        caption: caption?.into(),
        credit: f.text(ck, "credit"),
        file: file.map(Text::from),
    })
}

/// A path relative to the briefing file's folder that cannot leave the briefing folder: not
/// empty, not absolute, no `..`, no drive or backslash.
fn stays_in_folder(file: &str) -> bool {
    !file.trim().is_empty()
        && !file.starts_with('/')
        && !file.contains(['\\', ':'])
        && file.split('/').all(|part| part != "..")
}

/// The localities of the file: its `[[district]]` or its `[[locality]]` tables (not both), in
/// file order, each id once.
fn localities(ck: &mut Checker<'_>, top: &Fields<'_, '_>, seen: &mut Seen) -> Vec<District> {
    let districts = top.tables(ck, "district");
    let localities = top.tables(ck, "locality");
    if let Some(v) = top.get("locality") {
        ck.version_2(v.span(), "[[locality]]");
        if !districts.is_empty() {
            ck.error(v.span(), Problem::DistrictAndLocality);
        }
    }
    let tables = (districts.into_iter().map(|t| (t, false)))
        .chain(localities.into_iter().map(|t| (t, true)));
    let mut ids: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    let (mut districts_seen, mut localities_seen) = (0, 0);
    for ((table, span), is_locality) in tables {
        let name = table
            .iter()
            .find(|(k, _)| k.get_ref() == "name")
            .and_then(|(_, v)| v.get_ref().as_str().map(clean));
        let what = if is_locality {
            localities_seen += 1;
            Table::Locality {
                n: localities_seen,
                name,
            }
        } else {
            districts_seen += 1;
            Table::District {
                n: districts_seen,
                name,
            }
        };
        let f = Fields::new(table, span.clone(), what);
        let Some(d) = locality(ck, &f, is_locality, seen) else {
            continue;
        };
        if ids.insert(d.id.to_string()) {
            out.push(d);
        } else {
            let at = (f.get("id").or(f.get("name")))
                .map(|v| v.span())
                .unwrap_or(span);
            ck.error(at, Problem::DuplicateDistrict { id: d.id.into() });
        }
    }
    out
}

/// One `[[locality]]` or `[[district]]` (whose level is `huyen` unless it says otherwise).
fn locality(
    ck: &mut Checker<'_>,
    f: &Fields<'_, '_>,
    is_locality: bool,
    seen: &mut Seen,
) -> Option<District> {
    f.check_unknown_keys(ck, DISTRICT_KEYS, &["indicator", "directive"]);
    f.version_2_keys(ck, LOCALITY_KEYS_2);
    let name = f.required_string(ck, "name", "\"Hải Hà\"");
    let id = f.string(ck, "id");
    if let (Some(id), Some(v)) = (&id, f.get("id"))
        && id.trim().is_empty()
    {
        let table = f.what.clone();
        ck.error(v.span(), Problem::EmptyId { table });
    }
    let level = f.keyword(ck, "level", Level::NAMES, Level::parse);
    let default_level = (!is_locality).then_some(Level::Huyen);
    let indicators = f
        .tables(ck, "indicator")
        .into_iter()
        .enumerate()
        .filter_map(|(i, (t, span))| {
            let what = Table::Indicator {
                n: i + 1,
                district: Box::new(f.what.clone()),
            };
            indicator(ck, Fields::new(t, span, what))
        })
        .collect();
    let directives = directive_list(ck, f, Some(&f.what), seen);
    let name = name?;
    Some(District {
        id: id.unwrap_or_else(|| fold::slug(&name)).into(),
        level: level.or(default_level),
        parent: f.text(ck, "parent"),
        body: f.text(ck, "body"),
        summary: f.text(ck, "summary"),
        highlights: f.texts(ck, "highlights"),
        strengths: f.texts(ck, "strengths"),
        shortcomings: f.texts(ck, "shortcomings"),
        name: name.into(),
        indicators,
        directives,
    })
}

fn indicator(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Indicator> {
    f.check_unknown_keys(ck, INDICATOR_KEYS, &["compare"]);
    f.version_2_keys(ck, INDICATOR_KEYS_2);
    let name = f.required_string(ck, "name", "\"Tổng giá trị sản xuất\"");
    if f.get("value").is_none() {
        f.missing(ck, "value", "33497");
    }
    let value = f.number(ck, "value");
    let target = f.number(ck, "target");
    if let Some((t, span)) = &target
        && *t <= 0.0
    {
        let problem = Problem::TargetNotPositive {
            table: f.what.clone(),
            value: t.to_string(),
        };
        ck.error(span.clone(), problem);
    }
    let of = f.number(ck, "of");
    if let Some((of, span)) = &of
        && *of <= 0.0
    {
        let problem = Problem::NotPositive {
            key: "of".to_string(),
            table: f.what.clone(),
            value: of.to_string(),
        };
        ck.error(span.clone(), problem);
    }
    let compare = f
        .tables(ck, "compare")
        .into_iter()
        .filter_map(|(t, span)| {
            let what = Table::Compare {
                indicator: Box::new(f.what.clone()),
            };
            comparison(ck, Fields::new(t, span, what))
        })
        .collect();
    Some(Indicator {
        unit: f.string(ck, "unit").map(|u| ck.share(u.trim().to_string())),
        kind: f
            .keyword(ck, "kind", Kind::NAMES, Kind::parse)
            .unwrap_or_default(),
        of: of.map(|(of, _)| of),
        bound: f
            .keyword(ck, "bound", &Bound::NAMES, Bound::parse)
            .unwrap_or_default(),
        period: f.shared(ck, "period"),
        target_label: f.shared(ck, "target_label"),
        better: f
            .keyword(ck, "better", &Better::NAMES, Better::parse)
            .unwrap_or_default(),
        note: f.text(ck, "note"),
        compare,
        target: target.map(|(t, _)| t),
        name: ck.share(name?),
        value: value?.0,
    })
}

fn comparison(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Comparison> {
    f.warn_unknown_keys(ck, COMPARE_KEYS);
    f.version_2_keys(ck, &["basis"]);
    let label = f.required_string(ck, "label", "\"so với năm 2022\"");
    if f.get("percent").is_none() {
        f.missing(ck, "percent", "107");
    }
    let written_basis = f.keyword(ck, "basis", Basis::NAMES, Basis::parse);
    let (percent, span) = f.number(ck, "percent")?;
    if percent < 0.0 {
        let problem = Problem::PercentNegative {
            table: f.what.clone(),
            value: percent.to_string(),
        };
        ck.error(span, problem);
    }
    Some(Comparison {
        label: ck.share(label?),
        percent,
        written_basis,
    })
}

/// A table, or a non-empty array of tables (`[[x]]`).
fn holds_tables(value: &Value<'_>) -> bool {
    match value.get_ref() {
        DeValue::Table(_) => true,
        DeValue::Array(items) => {
            !items.is_empty()
                && items
                    .iter()
                    .all(|i| matches!(i.get_ref(), DeValue::Table(_)))
        }
        _ => false,
    }
}

/// A directive without `id`: suggest one made from its text, else show an example.
fn missing_directive_id(ck: &mut Checker<'_>, f: &Fields<'_, '_>, seen: &Seen) {
    let text = f.get("text").and_then(|v| v.get_ref().as_str());
    match text.and_then(|t| slips::id_from_text(t, |id| seen.ids.contains(id))) {
        Some(suggestion) => {
            let table = f.what.clone();
            ck.error(
                f.span.clone(),
                Problem::DirectiveIdMissing { table, suggestion },
            );
        }
        None => f.missing(ck, "id", "\"dh-ntm-kieu-mau\""),
    }
}

/// What the file's directives have said so far: their ids, which must be unique across it,
/// and the locality ids their `to` names, checked once the localities are read.
#[derive(Default)]
struct Seen {
    ids: HashSet<String>,
    to: Vec<(String, Range<usize>, Table)>,
}

/// Letters, digits, `.`, `_`, `-`.
fn is_valid_directive_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The `[[directive]]` entries of `parent`: the file, or the `locality` named in messages.
fn directive_list(
    ck: &mut Checker<'_>,
    parent: &Fields<'_, '_>,
    locality: Option<&Table>,
    seen: &mut Seen,
) -> Vec<Directive> {
    parent
        .tables(ck, "directive")
        .into_iter()
        .enumerate()
        .filter_map(|(i, (t, span))| {
            let what = Table::Directive {
                n: i + 1,
                district: locality.map(|d| Box::new(d.clone())),
            };
            directive(ck, Fields::new(t, span, what), seen)
        })
        .collect()
}

fn directive(ck: &mut Checker<'_>, f: Fields<'_, '_>, seen: &mut Seen) -> Option<Directive> {
    f.warn_unknown_keys(ck, DIRECTIVE_KEYS);
    let id = match f.get("id") {
        Some(_) => f.string(ck, "id"),
        None => {
            missing_directive_id(ck, &f, seen);
            None
        }
    };
    let id_span = f.get("id").map(|v| v.span()).unwrap_or(f.span.clone());
    let id = id.and_then(|id| {
        if !is_valid_directive_id(&id) {
            ck.error(id_span.clone(), Problem::DirectiveIdMalformed { id });
            None
        } else if !seen.ids.insert(id.clone()) {
            ck.error(id_span.clone(), Problem::DirectiveIdRepeated { id });
            None
        } else {
            Some(id)
        }
    });
    let text = f.required_string(ck, "text", "\"…\"");
    let to = addressees(ck, &f, seen);
    let due = f.deadline(ck, "due");
    let done_at = f
        .datetime(ck, "done_at", Expected::OffsetDateTime)
        .and_then(|(dt, span)| {
            let d = to_offset_datetime(dt);
            if d.is_none() {
                f.bad_date_time(ck, "done_at", span, Expected::OffsetDateTime, dt);
            }
            d
        });
    Some(Directive {
        owner: f.shared(ck, "owner"),
        note: f.text(ck, "note"),
        done: f.boolean(ck, "done").unwrap_or(false),
        done_by: f.shared(ck, "done_by"),
        to: to.into_iter().map(Id::from).collect(),
        due,
        done_at,
        id: id?.into(),
        text: text?.into(),
    })
}

/// A directive's `to`: the locality ids of a session-wide directive, remembered with their
/// place to be checked against the localities; on a locality's own directive, an error.
fn addressees(ck: &mut Checker<'_>, f: &Fields<'_, '_>, seen: &mut Seen) -> Vec<String> {
    let Some(value) = f.get("to") else {
        return Vec::new();
    };
    ck.version_2(value.span(), "to");
    if matches!(
        f.what,
        Table::Directive {
            district: Some(_),
            ..
        }
    ) {
        let table = f.what.clone();
        ck.error(value.span(), Problem::ToOnLocality { table });
        return Vec::new();
    }
    let DeValue::Array(items) = value.get_ref() else {
        f.wrong_type(ck, "to", value, Expected::Strings);
        return Vec::new();
    };
    let mut to = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(id) => {
                let id = clean(id);
                seen.to.push((id.clone(), item.span(), f.what.clone()));
                to.push(id);
            }
            _ => f.wrong_item_type(ck, "to", item, Expected::String),
        }
    }
    to
}

/// Every id a `to` names must be a locality of the file.
fn check_to(ck: &mut Checker<'_>, seen: &Seen, localities: &[District]) {
    let ids: Vec<&str> = localities.iter().map(|d| d.id.as_str()).collect();
    for (id, span, table) in &seen.to {
        if ids.contains(&id.as_str()) {
            continue;
        }
        let problem = Problem::UnknownLocality {
            id: id.clone(),
            table: table.clone(),
            ids: ids.iter().map(|i| i.to_string()).collect(),
            closest: diag::closest(id, ids.iter().copied()).map(str::to_string),
        };
        ck.error(span.clone(), problem);
    }
}

#[cfg(test)]
mod control_tests {
    use super::has_control;

    #[test]
    fn control_characters_are_found_as_bytes_as_they_are_as_chars() {
        let samples = [
            "Đầm Hà\n",
            "a\tb",
            "x\u{7f}",
            "\u{85}next",
            "\u{9f}",
            "\u{a0}ok",
            "Â\u{80}",
            "ủy",
        ];
        for s in samples {
            let by_char = s.chars().any(|c| c.is_control() && c != '\n');
            assert_eq!(has_control(s), by_char, "{s:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_made_safe_to_print() {
        assert_eq!(clean("a\tb"), "a b");
        assert_eq!(clean("dòng 1\r\ndòng 2"), "dòng 1\ndòng 2");
        assert_eq!(clean("x\u{7}y\u{1b}[2J"), "x\u{fffd}y\u{fffd}[2J");
        assert_eq!(clean("Ha\u{300}"), "Hà");
    }

    #[test]
    fn directive_ids() {
        assert!(is_valid_directive_id("hh-ma-tuy.2024_1"));
        assert!(!is_valid_directive_id(""));
        assert!(!is_valid_directive_id("a b"));
        assert!(!is_valid_directive_id("a/b"));
    }
}
