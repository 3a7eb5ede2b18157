//! The parts a problem's message is made of: the kind of a value found, what was expected,
//! the table it is in, a "did you mean", an error of the operating system; each in words.

use std::fmt::Display;
use std::io;

use toml::de::DeValue;

use crate::i18n::{self, Strings};
use crate::model::Lang;

/// The kind of a TOML value, for "found an integer".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
    Table,
}

impl ValueType {
    /// The kind of `v`.
    pub fn of(v: &DeValue<'_>) -> Self {
        match v {
            DeValue::String(_) => ValueType::String,
            DeValue::Integer(_) => ValueType::Integer,
            DeValue::Float(_) => ValueType::Float,
            DeValue::Boolean(_) => ValueType::Boolean,
            DeValue::Datetime(_) => ValueType::Datetime,
            DeValue::Array(_) => ValueType::Array,
            DeValue::Table(_) => ValueType::Table,
        }
    }

    pub(super) fn words(self, t: &Strings) -> &'static str {
        match self {
            ValueType::String => t.type_string,
            ValueType::Integer => t.type_integer,
            ValueType::Float => t.type_float,
            ValueType::Boolean => t.type_boolean,
            ValueType::Datetime => t.type_datetime,
            ValueType::Array => t.type_array,
            ValueType::Table => t.type_table,
        }
    }
}

/// A catalogue template of four facts, as `check_wrong_type` (key, where, expected, found).
type FourFacts = fn(&Strings, &dyn Display, &dyn Display, &dyn Display, &dyn Display) -> String;

/// A value (or an item of it) of another type than the format gives `key` in `table`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub key: String,
    pub table: Table,
    pub expected: Expected,
    pub found: ValueType,
}

impl Mismatch {
    /// Its message, by the catalogue's template `say` (key, where, expected, found).
    pub(super) fn words(&self, t: &Strings, say: FourFacts) -> String {
        let (table, expected) = (self.table.words(t), self.expected.words(t));
        say(t, &self.key, &table, &expected, &self.found.words(t))
    }
}

/// What a value should have been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    String,
    Strings,
    Number,
    Boolean,
    Integer,
    Table,
    /// `[session]`.
    SessionTable,
    /// `[[key]]`.
    TablesOf(String),
    /// A date, a local date-time or an offset date-time.
    SessionDate,
    /// An offset date-time (`done_at`).
    OffsetDateTime,
    /// `chair`: a string or (version 2) an array of strings.
    StringOrStrings,
    /// `due`: a date or (version 2) a period string.
    Deadline,
    /// `published`: a date or a date-time, no period.
    DateOrDateTime,
}

impl Expected {
    pub(super) fn words(&self, t: &Strings) -> String {
        match self {
            Expected::String => t.type_string.to_string(),
            Expected::Strings => t.expect_strings.to_string(),
            Expected::Number => t.expect_number.to_string(),
            Expected::Boolean => t.expect_boolean.to_string(),
            Expected::Integer => t.type_integer.to_string(),
            Expected::Table => t.type_table.to_string(),
            Expected::SessionTable => t.expect_session_table.to_string(),
            Expected::TablesOf(key) => t.expect_tables(key),
            Expected::SessionDate => t.expect_session_date.to_string(),
            Expected::OffsetDateTime => t.expect_offset_date_time.to_string(),
            Expected::StringOrStrings => t.expect_strings_or_string.to_string(),
            Expected::Deadline => t.expect_deadline.to_string(),
            Expected::DateOrDateTime => t.expect_date_or_date_time.to_string(),
        }
    }
}

/// Which table of a briefing a problem is in, as messages name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Table {
    /// The top level.
    File,
    Session,
    /// `[[session.participant]]` number `n` (from 1).
    Participant(usize),
    /// `[[district]]` number `n`, with its name when it has one.
    District {
        n: usize,
        name: Option<String>,
    },
    /// `[[locality]]` number `n`, with its name when it has one.
    Locality {
        n: usize,
        name: Option<String>,
    },
    /// Entry `n` (from 1) of the session's `references`.
    Reference(usize),
    /// `[[session.image]]` number `n` (from 1).
    Image(usize),
    Indicator {
        n: usize,
        district: Box<Table>,
    },
    Compare {
        indicator: Box<Table>,
    },
    /// `[[directive]]` number `n`, or the `n`th directive of a district.
    Directive {
        n: usize,
        district: Option<Box<Table>>,
    },
    /// Entry `n` (from 1) of a directive's progress log.
    Progress {
        n: usize,
        directive: Box<Table>,
    },
    /// Proposal `n` (from 1) of a locality.
    Proposal {
        n: usize,
        district: Box<Table>,
    },
}

impl Table {
    pub(super) fn words(&self, t: &Strings) -> String {
        match self {
            Table::File => t.where_file.to_string(),
            Table::Session => "[session]".to_string(),
            Table::Participant(n) => t.where_participant(n),
            Table::District { n, name: None } => t.where_district(n),
            Table::District {
                n,
                name: Some(name),
            } => t.where_district_named(n, name),
            Table::Locality { n, name: None } => t.where_locality(n),
            Table::Locality {
                n,
                name: Some(name),
            } => t.where_locality_named(n, name),
            Table::Reference(n) => t.where_reference(n),
            Table::Image(n) => t.where_image(n),
            Table::Indicator { n, district } => t.where_indicator(n, &district.words(t)),
            Table::Compare { indicator } => t.where_compare(&indicator.words(t)),
            Table::Directive { n, district: None } => t.where_directive(n),
            Table::Directive {
                n,
                district: Some(district),
            } => t.where_district_directive(&district.words(t), n),
            Table::Progress { n, directive } => t.where_progress(n, &directive.words(t)),
            Table::Proposal { n, district } => t.where_proposal(n, &district.words(t)),
        }
    }
}

/// What to say about a name that is not known: the close one, or every known one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    Closest(String),
    Known(Vec<String>),
}

impl Hint {
    /// The closest of `known` to `name` when it is a likely typo, else all of them.
    pub fn of(name: &str, known: &[&str]) -> Self {
        match super::closest(name, known.iter().copied()) {
            Some(k) => Hint::Closest(k.to_string()),
            None => Hint::Known(known.iter().map(|k| k.to_string()).collect()),
        }
    }

    /// ``did you mean `title`?``, else `list` filled with every known name.
    pub(super) fn words(&self, t: &Strings, list: fn(&Strings, &dyn Display) -> String) -> String {
        match self {
            Hint::Closest(name) => t.hint_did_you_mean(name),
            Hint::Known(names) => list(t, &names.join(", ")),
        }
    }
}

/// An error of the operating system, kept as data so it can be said in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsError {
    pub kind: io::ErrorKind,
    /// `errno`, when the system gave one.
    pub code: Option<i32>,
    /// The system's own text, in English (`Permission denied (os error 13)`).
    pub text: String,
}

impl From<&io::Error> for OsError {
    fn from(e: &io::Error) -> Self {
        OsError {
            kind: e.kind(),
            code: e.raw_os_error(),
            text: e.to_string(),
        }
    }
}

impl OsError {
    /// The error in `lang`: the system's text in English; in Vietnamese the common kinds in
    /// words with the error number, anything else as the system said it.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        let (Lang::Vi, Some(code), Some(what)) = (lang, self.code, os_words(t, self.kind)) else {
            return self.text.clone();
        };
        t.os_error(&what, &code)
    }
}

fn os_words(t: &Strings, kind: io::ErrorKind) -> Option<&'static str> {
    use io::ErrorKind::*;
    Some(match kind {
        NotFound => t.os_not_found,
        PermissionDenied => t.os_permission_denied,
        AlreadyExists => t.os_already_exists,
        IsADirectory => t.os_is_a_directory,
        NotADirectory => t.os_not_a_directory,
        ReadOnlyFilesystem => t.os_read_only,
        StorageFull | QuotaExceeded => t.os_storage_full,
        InvalidFilename => t.os_bad_name,
        _ => return None,
    })
}
