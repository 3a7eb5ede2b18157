//! The field reader: typed values read from one table of a parsed TOML file, each with its
//! place, and the problem said where a value is missing, of the wrong type or a known slip
//! (a date in quotes, a number with a thousands dot); the diagnostics of one file collected.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::{Datetime, Offset};

use crate::diag::{Diagnostic, Expected, Hint, Mismatch, Problem, Severity, Table, ValueType};
use crate::model::{Due, Period, SessionDate, Shared, Text, fold};
use crate::store::slips::{self, Edit};

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

/// One copy of each repeated text of the files read together (a part of a load, on every
/// core): the indicator names, units, labels and owners that recur from file to file are kept
/// once, not once a file. Dropped with the read, so it holds nothing for longer.
#[derive(Debug, Default)]
pub(crate) struct SharedTexts(Mutex<HashSet<Shared>>);

impl SharedTexts {
    /// `text` as the one copy the files read so far share.
    fn share(&self, text: String) -> Shared {
        let mut known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(copy) = known.get(text.as_str()) {
            return copy.clone();
        }
        let shared = Shared::from(text);
        known.insert(shared.clone());
        shared
    }
}

/// Collects the diagnostics of one file.
pub(in crate::store) struct Checker<'s> {
    src: &'s str,
    path: &'s str,
    pub(in crate::store) diagnostics: Vec<Diagnostic>,
    /// The slips replaced in the text that is checked: spans are mapped back through them to
    /// places in `src`.
    pub(in crate::store) edits: Vec<Edit>,
    /// The version the file says (`None`: it says none). Keys of a later version are read,
    /// and warned of once each.
    pub(super) declared: Option<i64>,
    warned_later: HashSet<String>,
    /// One copy of each repeated text of the file ([`Shared`]).
    shared: HashSet<Shared>,
    /// The copies shared with the other files read with this one.
    read_with: Option<&'s SharedTexts>,
    /// The present moment, for what may not lie in the future (a progress entry's `at`);
    /// `None`: the clock, read when first needed.
    now: Option<DateTime<FixedOffset>>,
}

impl<'s> Checker<'s> {
    pub(in crate::store) fn new(src: &'s str, path: &'s str) -> Self {
        Checker {
            src,
            path,
            diagnostics: Vec::new(),
            edits: Vec::new(),
            declared: None,
            warned_later: HashSet::new(),
            shared: HashSet::new(),
            read_with: None,
            now: None,
        }
    }

    /// Shares repeated texts with the other files read with `texts`.
    pub(in crate::store) fn sharing(mut self, texts: &'s SharedTexts) -> Self {
        self.read_with = Some(texts);
        self
    }

    /// Takes `now` as the present moment instead of the clock.
    pub(in crate::store) fn with_now(mut self, now: Option<DateTime<FixedOffset>>) -> Self {
        self.now = now;
        self
    }

    /// The present moment (the clock's, once read, when none was given).
    pub(super) fn now(&mut self) -> DateTime<FixedOffset> {
        *self
            .now
            .get_or_insert_with(|| chrono::Local::now().fixed_offset())
    }

    /// `text` as the file's one copy of it.
    pub(super) fn share(&mut self, text: String) -> Shared {
        if let Some(known) = self.shared.get(text.as_str()) {
            return known.clone();
        }
        let shared = match self.read_with {
            Some(texts) => texts.share(text),
            None => Shared::from(text),
        };
        self.shared.insert(shared.clone());
        shared
    }

    /// `what` (a key, or a key with its value) belongs to version 2: a warning in a file that
    /// says `version = 1`, once per file.
    pub(super) fn version_2(&mut self, span: Range<usize>, what: &str) {
        self.needs_version(span, what, 2);
    }

    /// `what` belongs to version 3: a warning in a file that says `version = 1` or `2`, once
    /// per file.
    pub(super) fn version_3(&mut self, span: Range<usize>, what: &str) {
        self.needs_version(span, what, 3);
    }

    /// `key` of `table` is an identity of version 3 (docs/spec.md §6–7): an error in a file of
    /// an earlier version, which would otherwise join or split histories unasked.
    pub(super) fn identity_key(&mut self, span: Range<usize>, key: &str, table: &Table) {
        self.needs_version_3(span, key, table);
    }

    /// `key` (or a value, as `host_kind = "quoc-hoi"`) of `table` belongs to version 3: an
    /// error in a file of an earlier version, which thus keeps meaning what it meant.
    pub(super) fn needs_version_3(&mut self, span: Range<usize>, key: &str, table: &Table) {
        let version = self.declared.unwrap_or(1);
        if version < 3 {
            let problem = Problem::NeedsVersion3 {
                key: key.to_string(),
                table: table.clone(),
                version,
            };
            self.error(span, problem);
        }
    }

    fn needs_version(&mut self, span: Range<usize>, what: &str, needs: i64) {
        let says = match self.declared {
            Some(says) if says < needs => says,
            _ => return,
        };
        if self.warned_later.insert(what.to_string()) {
            let key = what.to_string();
            self.warn(span, Problem::LaterVersionKey { key, needs, says });
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

    pub(in crate::store) fn error(&mut self, span: Range<usize>, problem: Problem) {
        self.push(Severity::Error, span, problem);
    }

    pub(super) fn warn(&mut self, span: Range<usize>, problem: Problem) {
        self.push(Severity::Warning, span, problem);
    }

    fn push(&mut self, severity: Severity, span: Range<usize>, problem: Problem) {
        let span = self.original(span);
        self.diagnostics
            .push(Diagnostic::new(self.path, severity, problem).at(self.src, span));
    }

    pub(super) fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// `s` in NFC, safe to print: a tab becomes a space, a carriage return goes,
/// and any other control character (which could drive the terminal when
/// printed) becomes `�`. Most text needs none of this, and is only copied.
pub(super) fn clean(s: &str) -> String {
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
pub(super) struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    pub(super) span: Range<usize>,
    pub(super) what: Table,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub(super) fn new(table: &'t DeTable<'i>, span: Range<usize>, what: Table) -> Self {
        Fields { table, span, what }
    }

    pub(super) fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    /// Warns of every key not in `known`; a table one letter off one of `tables` (the known
    /// keys that hold tables) is an error instead, as nothing below it would be read. Gives
    /// the tables so misnamed.
    pub(super) fn check_unknown_keys(
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

    pub(super) fn warn_unknown_keys(&self, ck: &mut Checker<'_>, known: &[&str]) {
        self.check_unknown_keys(ck, known, &[]);
    }

    pub(super) fn missing(&self, ck: &mut Checker<'_>, key: &str, example: &str) {
        let problem = Problem::MissingKey {
            key: key.to_string(),
            table: self.what.clone(),
            example: example.to_string(),
        };
        ck.error(self.span.clone(), problem);
    }

    /// Reports `value` (of `key`, or an item of it) as not `expected`: the problem is
    /// `Problem::WrongType` or `Problem::WrongItemType` of that mismatch.
    pub(super) fn wrong(
        &self,
        ck: &mut Checker<'_>,
        problem: fn(Mismatch) -> Problem,
        key: &str,
        value: &Value<'_>,
        expected: Expected,
    ) {
        let mismatch = Mismatch {
            key: key.to_string(),
            table: self.what.clone(),
            expected,
            found: ValueType::of(value.get_ref()),
        };
        ck.error(value.span(), problem(mismatch));
    }

    /// The items of the array `value` (the value of `key`); none when it is not an array,
    /// which is reported as not `expected`.
    pub(super) fn items(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        value: &'t Value<'i>,
        expected: Expected,
    ) -> &'t [Value<'i>] {
        match value.get_ref() {
            DeValue::Array(items) => items,
            _ => {
                self.wrong(ck, Problem::WrongType, key, value, expected);
                &[]
            }
        }
    }

    pub(super) fn string(&self, ck: &mut Checker<'_>, key: &str) -> Option<String> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(clean(s)),
            _ => {
                self.wrong(ck, Problem::WrongType, key, value, Expected::String);
                None
            }
        }
    }

    /// [`Fields::string`] as the model keeps text.
    pub(super) fn text(&self, ck: &mut Checker<'_>, key: &str) -> Option<Text> {
        self.string(ck, key).map(Text::from)
    }

    /// [`Fields::string`] as one copy shared with the file's other fields that say the same.
    pub(super) fn shared(&self, ck: &mut Checker<'_>, key: &str) -> Option<Shared> {
        self.string(ck, key).map(|s| ck.share(s))
    }

    /// [`Fields::strings`] as the model keeps text.
    pub(super) fn texts(&self, ck: &mut Checker<'_>, key: &str) -> Vec<Text> {
        self.strings(ck, key).into_iter().map(Text::from).collect()
    }

    pub(super) fn required_string(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        example: &str,
    ) -> Option<String> {
        if self.get(key).is_none() {
            self.missing(ck, key, example);
        }
        self.string(ck, key)
    }

    fn strings(&self, ck: &mut Checker<'_>, key: &str) -> Vec<String> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in self.items(ck, key, value, Expected::Strings) {
            match item.get_ref() {
                DeValue::String(s) => out.push(clean(s)),
                _ => self.wrong(ck, Problem::WrongItemType, key, item, Expected::String),
            }
        }
        out
    }

    pub(super) fn number(&self, ck: &mut Checker<'_>, key: &str) -> Option<(f64, Range<usize>)> {
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
                self.wrong(ck, Problem::WrongType, key, value, Expected::Number);
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
            return self.wrong(ck, Problem::WrongType, key, value, Expected::Number);
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

    pub(super) fn boolean(&self, ck: &mut Checker<'_>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            // The slips below name `done`: another key's wrong value is said as a wrong type.
            _ if key != "done" => {
                self.wrong(ck, Problem::WrongType, key, value, Expected::Boolean);
                None
            }
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
                self.wrong(ck, Problem::WrongType, key, value, Expected::Boolean);
                None
            }
        }
    }

    pub(super) fn datetime(
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
                self.wrong(ck, Problem::WrongType, key, value, expected);
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

    pub(super) fn bad_date_time(
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

    pub(super) fn keyword<T>(
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
    pub(super) fn version_2_keys(&self, ck: &mut Checker<'_>, keys: &[&str]) {
        for key in keys {
            if let Some(v) = self.get(key) {
                ck.version_2(v.span(), key);
            }
        }
    }

    /// `chair`: one string, or (version 2) an array of them.
    pub(super) fn string_or_strings(&self, ck: &mut Checker<'_>, key: &str) -> Vec<Text> {
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
                self.wrong(
                    ck,
                    Problem::WrongType,
                    key,
                    value,
                    Expected::StringOrStrings,
                );
                Vec::new()
            }
        }
    }

    /// A session's `date` (`session`: a month or a year) or a deadline (any period) written
    /// as a string: the period, else what the string is instead (a date in quotes, a period
    /// in words, nothing of the kind).
    pub(super) fn period_string(
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
    pub(super) fn unquoted_year(
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
            _ => self.wrong(ck, Problem::WrongType, key, value, expected),
        }
    }

    /// A deadline: a date, or (version 2) a period string.
    pub(super) fn deadline(&self, ck: &mut Checker<'_>, key: &str) -> Option<Due> {
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

    /// Each table of the array of tables `key` read by `read`, as the `n`th (from 1) table
    /// `what(n)` says; those `read` refuses are left out.
    pub(super) fn numbered_tables<T>(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        what: impl Fn(usize) -> Table,
        mut read: impl FnMut(&mut Checker<'_>, Fields<'t, 'i>) -> Option<T>,
    ) -> Vec<T> {
        (self.tables(ck, key).into_iter().enumerate())
            .filter_map(|(i, (t, span))| read(ck, Fields::new(t, span, what(i + 1))))
            .collect()
    }

    /// The entries of an array of tables (`[[x]]` or `x = [{..}, {..}]`).
    pub(super) fn tables(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in self.items(ck, key, value, Expected::TablesOf(key.to_string())) {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                _ => self.wrong(ck, Problem::WrongItemType, key, item, Expected::Table),
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

pub(super) fn to_session_date(dt: Datetime) -> Option<SessionDate> {
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

pub(super) fn to_offset_datetime(dt: Datetime) -> Option<DateTime<FixedOffset>> {
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

#[cfg(test)]
mod tests;
