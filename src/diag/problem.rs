//! What can be wrong in a file a person writes, as data: one variant per kind of problem, put
//! into words (English or Vietnamese) only when it is printed or drawn.

use std::io;

use toml::de::DeValue;

use crate::i18n::{self, Strings, fill};
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

    fn words(self, t: &Strings) -> &'static str {
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
    /// A local date (`due`).
    Date,
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
    fn words(&self, t: &Strings) -> String {
        match self {
            Expected::String => t.type_string.to_string(),
            Expected::Strings => t.expect_strings.to_string(),
            Expected::Number => t.expect_number.to_string(),
            Expected::Boolean => t.expect_boolean.to_string(),
            Expected::Integer => t.type_integer.to_string(),
            Expected::Table => t.type_table.to_string(),
            Expected::SessionTable => t.expect_session_table.to_string(),
            Expected::TablesOf(key) => fill(t.expect_tables, &[("key", key)]),
            Expected::SessionDate => t.expect_session_date.to_string(),
            Expected::Date => t.expect_date.to_string(),
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
}

impl Table {
    fn words(&self, t: &Strings) -> String {
        match self {
            Table::File => t.where_file.to_string(),
            Table::Session => "[session]".to_string(),
            Table::Participant(n) => fill(t.where_participant, &[("n", n)]),
            Table::District { n, name: None } => fill(t.where_district, &[("n", n)]),
            Table::District {
                n,
                name: Some(name),
            } => fill(t.where_district_named, &[("n", n), ("name", name)]),
            Table::Locality { n, name: None } => fill(t.where_locality, &[("n", n)]),
            Table::Locality {
                n,
                name: Some(name),
            } => fill(t.where_locality_named, &[("n", n), ("name", name)]),
            Table::Reference(n) => fill(t.where_reference, &[("n", n)]),
            Table::Image(n) => fill(t.where_image, &[("n", n)]),
            Table::Indicator { n, district } => fill(
                t.where_indicator,
                &[("n", n), ("district", &district.words(t))],
            ),
            Table::Compare { indicator } => {
                fill(t.where_compare, &[("indicator", &indicator.words(t))])
            }
            Table::Directive { n, district: None } => fill(t.where_directive, &[("n", n)]),
            Table::Directive {
                n,
                district: Some(district),
            } => fill(
                t.where_district_directive,
                &[("n", n), ("district", &district.words(t))],
            ),
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
    fn words(&self, t: &Strings, list: &str) -> String {
        match self {
            Hint::Closest(name) => fill(t.hint_did_you_mean, &[("name", name)]),
            Hint::Known(names) => fill(list, &[("names", &names.join(", "))]),
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
        fill(t.os_error, &[("what", &what), ("code", &code)])
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

/// One problem found in a file, with the facts its message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    // The file as a whole.
    NotUtf8,
    TwoBoms,
    /// The TOML parser's own message (in English; translated where printed).
    InvalidToml {
        detail: String,
    },
    /// A multi-line string (`"""` or `'''`) opened and never closed: said where it opens.
    UnclosedString {
        quotes: String,
    },
    /// Syntax only TOML 1.1 allows, in a briefing file (TOML 1.0).
    Toml11 {
        syntax: Toml11Syntax,
    },
    NoSession,
    UnsupportedVersion {
        found: String,
    },

    // Keys and values of a briefing.
    UnknownKey {
        key: String,
        table: Table,
        hint: Hint,
    },
    /// A table or array of tables one edit from a known one (`[[district.indicators]]`).
    UnknownTable {
        written: String,
        right: String,
    },
    MissingKey {
        key: String,
        table: Table,
        example: String,
    },
    WrongType {
        key: String,
        table: Table,
        expected: Expected,
        found: ValueType,
    },
    WrongItemType {
        key: String,
        table: Table,
        expected: Expected,
        found: ValueType,
    },
    IntegerTooLarge,
    FloatTooLarge,
    NotFinite {
        key: String,
        table: Table,
    },
    /// `closest`: the name meant, when the value is one written with accents or a typo away.
    NotOneOf {
        key: String,
        table: Table,
        names: Vec<String>,
        found: String,
        closest: Option<String>,
    },
    /// A string where a date or date-time belongs, that is no date in any form.
    QuotedValue {
        key: String,
        table: Table,
        expected: Expected,
        found: String,
    },
    BadDateTime {
        key: String,
        table: Table,
        expected: Expected,
        found: String,
    },
    TargetNotPositive {
        table: Table,
        value: String,
    },
    PercentNegative {
        table: Table,
        value: String,
    },
    EmptyId {
        table: Table,
    },
    DuplicateDistrict {
        id: String,
    },
    DirectiveIdMalformed {
        id: String,
    },
    DirectiveIdRepeated {
        id: String,
    },
    /// A directive without `id`; `suggestion` is made from its text.
    DirectiveIdMissing {
        table: Table,
        suggestion: String,
    },

    // The slips Vietnamese authors make, each with what to write instead.
    /// `due = 31/03/2027` or `"13-03-2024"`: day first, or not TOML's form.
    DateOrder {
        key: String,
        written: String,
        date: String,
    },
    /// `date = "2024-03-13"`.
    DateInQuotes {
        key: String,
        table: Table,
        date: String,
    },
    /// `value = 62,5`.
    DecimalComma {
        key: String,
        written: String,
        number: String,
    },
    /// `value = 1.234.567`.
    ThousandsDots {
        key: String,
        written: String,
        number: String,
    },
    /// `percent = 107%`.
    PercentSign {
        key: String,
        written: String,
        number: String,
    },
    /// `percent = "107%"`, `value = "62,5"`; `percent`: it had a `%` and is the `value`.
    NumberInQuotes {
        key: String,
        table: Table,
        written: String,
        number: String,
        percent: bool,
    },
    /// `done = "x"`, `done = có`; `done` is what it most likely means.
    DoneWord {
        written: String,
        done: Option<bool>,
    },
    /// `value = 33.497`: perhaps thirty-three thousand with a thousands dot.
    ThreeDecimals {
        key: String,
        written: String,
        whole: String,
    },

    // The keys of format version 2.
    /// A version 2 key in a file that says `version = 1` (a warning: the key is read).
    Version2Key {
        key: String,
    },
    /// A string that is no period a session date (`session`) or a deadline may be.
    NotAPeriod {
        key: String,
        table: Table,
        found: String,
        session: bool,
    },
    /// `due = "quý II/2024"`, `due = "6/2024"`: a period in words, and how to write it.
    PeriodInWords {
        key: String,
        written: String,
        period: String,
    },
    /// `due = 2024-06` (TOML cannot read it) or `due = 2024` (an integer): quote it.
    PeriodUnquoted {
        key: String,
        written: String,
    },
    /// Both `[[district]]` and `[[locality]]` in one file.
    DistrictAndLocality,
    /// A participant with neither `name` nor `group`.
    ParticipantUnnamed {
        table: Table,
    },
    /// A reference with neither `number` nor `title`.
    ReferenceEmpty {
        table: Table,
    },
    /// An image `file` that is absolute or leaves the folder.
    ImageOutside {
        table: Table,
        file: String,
    },
    /// `of = 0`: a number that must be greater than 0.
    NotPositive {
        key: String,
        table: Table,
        value: String,
    },
    /// `to` on a locality's own directive.
    ToOnLocality {
        table: Table,
    },
    /// `to` names no locality of the file; `ids` are the file's, `closest` the likely one.
    UnknownLocality {
        id: String,
        table: Table,
        ids: Vec<String>,
        closest: Option<String>,
    },

    // Reading the folder and its files.
    Unreadable {
        error: OsError,
    },
    TooBig {
        size: u64,
        limit: u64,
    },
    NotRegular,
    WalkStopped {
        entries: usize,
    },
    DanglingLink {
        error: OsError,
    },
    TooManyFiles {
        files: usize,
    },
    LinkOutside,
    OtherFileSystem,
    TooDeep {
        levels: usize,
    },
    FolderUnreadable {
        error: OsError,
    },

    /// A check-off whose edit did not give the intended text.
    UnsafeLayout {
        directive: String,
    },

    // The config file.
    ConfigUnreadable {
        error: OsError,
    },
    /// The config file is larger than a config file may be (`config::MAX_SIZE`).
    ConfigTooBig {
        size: u64,
        limit: u64,
    },
    /// The config file is a pipe, socket or device.
    ConfigNotRegular,
    ConfigInvalidToml {
        detail: String,
    },
    UnknownSetting {
        name: String,
        hint: Hint,
    },
    UnknownThemeSlot {
        name: String,
        hint: Hint,
    },
    UnknownAction {
        name: String,
        hint: Hint,
    },
    ConfigNotString {
        key: String,
        found: ValueType,
    },
    ConfigNotTable {
        key: String,
        found: ValueType,
    },
    ConfigNotBoolean {
        key: String,
        found: ValueType,
    },
    ConfigNotKeyList {
        action: String,
        found: ValueType,
    },
    MaxFileMib {
        max: i64,
    },
    UnknownLanguage {
        name: String,
    },
    UnknownColour {
        name: String,
        slot: String,
        hint: Hint,
    },
    UnknownKeyName {
        text: String,
    },
    /// A key the interface keeps for itself (Ctrl-C, 1–9) bound to an action.
    FixedKey {
        text: String,
        action: String,
    },
    AbbreviationNotText {
        name: String,
        found: ValueType,
    },
    AbbreviationEmpty {
        name: String,
    },
}

/// What TOML 1.1 added that a briefing file (TOML 1.0) used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Toml11Syntax {
    /// A line break (or a comment) inside an inline table `{ … }`.
    InlineTableNewline,
    /// A comma before an inline table's `}`.
    TrailingComma,
    /// The escape `\e`.
    EscapeE,
    /// The escape `\xHH`, with its digits.
    EscapeX { hex: String },
    /// A time `HH:MM` without seconds.
    NoSeconds { time: String },
}

impl Toml11Syntax {
    fn message(&self, t: &Strings) -> String {
        match self {
            Toml11Syntax::InlineTableNewline => t.check_toml11_inline_newline.to_string(),
            Toml11Syntax::TrailingComma => t.check_toml11_trailing_comma.to_string(),
            Toml11Syntax::EscapeE => t.check_toml11_escape_e.to_string(),
            Toml11Syntax::EscapeX { hex } => fill(t.check_toml11_escape_x, &[("hex", hex)]),
            Toml11Syntax::NoSeconds { time } => fill(
                t.check_toml11_no_seconds,
                &[("time", time), ("fixed", &format!("{time}:00"))],
            ),
        }
    }
}

impl Problem {
    /// What is wrong and what to write instead, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        self.in_file(t, lang)
            .or_else(|| self.slip(t))
            .or_else(|| self.in_folder(t, lang))
            .or_else(|| self.in_config(t, lang))
            .unwrap_or_default()
    }

    /// The problems of a briefing's keys and values.
    fn in_file(&self, t: &Strings, lang: Lang) -> Option<String> {
        let at = |table: &Table| table.words(t);
        if let Some(v2) = self.in_version_2(t, lang) {
            return Some(v2);
        }
        Some(match self {
            Problem::NotUtf8 => t.check_not_utf8.to_string(),
            Problem::TwoBoms => t.check_two_boms.to_string(),
            Problem::InvalidToml { detail } => fill(
                t.check_invalid_toml,
                &[("detail", &i18n::toml_parse::parser_message(lang, detail))],
            ),
            Problem::UnclosedString { quotes } => {
                fill(t.check_unclosed_string, &[("quotes", quotes)])
            }
            Problem::Toml11 { syntax } => syntax.message(t),
            Problem::NoSession => t.check_no_session.to_string(),
            Problem::UnsupportedVersion { found } => {
                let supported = crate::model::FORMAT_VERSIONS.map(|v| v.to_string());
                fill(
                    t.check_version,
                    &[("found", found), ("supported", &supported.join(", "))],
                )
            }
            Problem::UnknownKey { key, table, hint } => fill(
                t.check_unknown_key,
                &[
                    ("key", key),
                    ("where", &at(table)),
                    ("hint", &hint.words(t, t.hint_known_keys)),
                ],
            ),
            Problem::UnknownTable { written, right } => fill(
                t.check_unknown_table,
                &[("written", written), ("right", right)],
            ),
            Problem::MissingKey {
                key,
                table,
                example,
            } => fill(
                t.check_missing_key,
                &[("key", key), ("where", &at(table)), ("example", example)],
            ),
            Problem::WrongType {
                key,
                table,
                expected,
                found,
            } => fill(
                t.check_wrong_type,
                &[
                    ("key", key),
                    ("where", &at(table)),
                    ("expected", &expected.words(t)),
                    ("found", &found.words(t)),
                ],
            ),
            Problem::WrongItemType {
                key,
                table,
                expected,
                found,
            } => fill(
                t.check_wrong_item_type,
                &[
                    ("key", key),
                    ("where", &at(table)),
                    ("expected", &expected.words(t)),
                    ("found", &found.words(t)),
                ],
            ),
            Problem::IntegerTooLarge => t.check_integer_too_large.to_string(),
            Problem::FloatTooLarge => t.check_float_too_large.to_string(),
            Problem::NotFinite { key, table } => {
                fill(t.check_not_finite, &[("key", key), ("where", &at(table))])
            }
            Problem::NotOneOf {
                key,
                table,
                names,
                found,
                closest,
            } => {
                let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
                let said = fill(
                    t.check_not_one_of,
                    &[
                        ("key", key),
                        ("where", &at(table)),
                        ("names", &quoted.join(", ")),
                        ("found", found),
                    ],
                );
                said + &i18n::did_you_mean(lang, closest.as_slice())
            }
            Problem::QuotedValue {
                key,
                table,
                expected,
                found,
            } => fill(
                t.check_quoted_value,
                &[
                    ("key", key),
                    ("where", &at(table)),
                    ("expected", &expected.words(t)),
                    ("found", found),
                ],
            ),
            Problem::BadDateTime {
                key,
                table,
                expected,
                found,
            } => fill(
                t.check_bad_date_time,
                &[
                    ("key", key),
                    ("where", &at(table)),
                    ("expected", &expected.words(t)),
                    ("found", found),
                ],
            ),
            Problem::TargetNotPositive { table, value } => fill(
                t.check_target_not_positive,
                &[("where", &at(table)), ("value", value)],
            ),
            Problem::PercentNegative { table, value } => fill(
                t.check_percent_negative,
                &[("where", &at(table)), ("value", value)],
            ),
            Problem::EmptyId { table } => fill(t.check_empty_id, &[("where", &at(table))]),
            Problem::DuplicateDistrict { id } => fill(t.check_duplicate_district, &[("id", id)]),
            Problem::DirectiveIdMalformed { id } => {
                fill(t.check_directive_id_malformed, &[("id", id)])
            }
            Problem::DirectiveIdRepeated { id } => {
                fill(t.check_directive_id_repeated, &[("id", id)])
            }
            Problem::DirectiveIdMissing { table, suggestion } => fill(
                t.check_directive_id_missing,
                &[("where", &at(table)), ("id", suggestion)],
            ),
            _ => return None,
        })
    }

    /// The problems of the keys version 2 adds.
    fn in_version_2(&self, t: &Strings, lang: Lang) -> Option<String> {
        let at = |table: &Table| table.words(t);
        Some(match self {
            Problem::Version2Key { key } => fill(t.check_version_2_key, &[("key", key)]),
            Problem::NotAPeriod {
                key,
                table,
                found,
                session: true,
            } => fill(
                t.check_not_a_session_period,
                &[("key", key), ("where", &at(table)), ("found", found)],
            ),
            Problem::NotAPeriod {
                key,
                table,
                found,
                session: false,
            } => {
                let forms = crate::model::Period::FORMS.map(|f| format!("`\"{f}\"`"));
                fill(
                    t.check_not_a_due_period,
                    &[
                        ("key", key),
                        ("where", &at(table)),
                        ("found", found),
                        ("forms", &forms.join(", ")),
                    ],
                )
            }
            Problem::PeriodInWords {
                key,
                written,
                period,
            } => fill(
                t.slip_period_words,
                &[("key", key), ("written", written), ("period", period)],
            ),
            Problem::PeriodUnquoted { key, written } => fill(
                t.slip_period_unquoted,
                &[("key", key), ("written", written)],
            ),
            Problem::DistrictAndLocality => t.check_district_and_locality.to_string(),
            Problem::ParticipantUnnamed { table } => {
                fill(t.check_participant_unnamed, &[("where", &at(table))])
            }
            Problem::ReferenceEmpty { table } => {
                fill(t.check_reference_empty, &[("where", &at(table))])
            }
            Problem::ImageOutside { table, file } => fill(
                t.check_image_outside,
                &[("where", &at(table)), ("file", file)],
            ),
            Problem::NotPositive { key, table, value } => fill(
                t.check_not_positive,
                &[("key", key), ("where", &at(table)), ("value", value)],
            ),
            Problem::ToOnLocality { table } => {
                fill(t.check_to_on_locality, &[("where", &at(table))])
            }
            Problem::UnknownLocality {
                id,
                table,
                ids,
                closest,
            } => {
                if ids.is_empty() {
                    return Some(fill(
                        t.check_unknown_locality_none,
                        &[("id", id), ("where", &at(table))],
                    ));
                }
                let hint = i18n::did_you_mean(lang, closest.as_slice());
                fill(
                    t.check_unknown_locality,
                    &[
                        ("id", id),
                        ("where", &at(table)),
                        ("hint", &hint),
                        ("ids", &ids.join(", ")),
                    ],
                )
            }
            _ => return None,
        })
    }

    /// The slips of Vietnamese authors, each saying what to write instead.
    fn slip(&self, t: &Strings) -> Option<String> {
        Some(match self {
            Problem::DateOrder { key, written, date } => fill(
                t.slip_date_order,
                &[("key", key), ("written", written), ("date", date)],
            ),
            Problem::DateInQuotes { key, table, date } => fill(
                t.slip_date_in_quotes,
                &[("key", key), ("where", &table.words(t)), ("date", date)],
            ),
            Problem::DecimalComma {
                key,
                written,
                number,
            } => fill(
                t.slip_decimal_comma,
                &[("key", key), ("written", written), ("number", number)],
            ),
            Problem::ThousandsDots {
                key,
                written,
                number,
            } => fill(
                t.slip_thousands_dots,
                &[("key", key), ("written", written), ("number", number)],
            ),
            Problem::PercentSign {
                key,
                written,
                number,
            } => fill(
                t.slip_percent_sign,
                &[("key", key), ("written", written), ("number", number)],
            ),
            Problem::NumberInQuotes {
                key,
                table,
                written,
                number,
                percent,
            } => fill(
                if *percent {
                    t.slip_percent_value_in_quotes
                } else {
                    t.slip_number_in_quotes
                },
                &[
                    ("key", key),
                    ("where", &table.words(t)),
                    ("written", written),
                    ("number", number),
                ],
            ),
            Problem::DoneWord { written, done } => {
                let template = match done {
                    Some(true) => t.slip_done_true,
                    Some(false) => t.slip_done_false,
                    None => t.slip_done_either,
                };
                fill(template, &[("written", written)])
            }
            Problem::ThreeDecimals {
                key,
                written,
                whole,
            } => fill(
                t.slip_three_decimals,
                &[("key", key), ("written", written), ("whole", whole)],
            ),
            _ => return None,
        })
    }

    /// The problems of walking the folder and reading its files.
    fn in_folder(&self, t: &Strings, lang: Lang) -> Option<String> {
        Some(match self {
            Problem::Unreadable { error } => {
                fill(t.read_unreadable, &[("error", &error.message(lang))])
            }
            Problem::TooBig { size, limit } => fill(
                t.read_too_big,
                &[("size", size), ("limit", &i18n::human_size(lang, *limit))],
            ),
            Problem::NotRegular => t.read_not_regular.to_string(),
            Problem::WalkStopped { entries } => fill(t.walk_stopped, &[("n", entries)]),
            Problem::DanglingLink { error } => {
                fill(t.walk_dangling_link, &[("error", &error.message(lang))])
            }
            Problem::TooManyFiles { files } => fill(t.walk_too_many_files, &[("n", files)]),
            Problem::LinkOutside => t.walk_link_outside.to_string(),
            Problem::OtherFileSystem => t.walk_other_file_system.to_string(),
            Problem::TooDeep { levels } => fill(t.walk_too_deep, &[("n", levels)]),
            Problem::FolderUnreadable { error } => {
                fill(t.walk_folder_unreadable, &[("error", &error.message(lang))])
            }
            Problem::UnsafeLayout { directive } => {
                fill(t.write_unsafe_layout, &[("directive", directive)])
            }
            _ => return None,
        })
    }

    /// The problems of the config file; each entry is skipped, never fatal.
    fn in_config(&self, t: &Strings, lang: Lang) -> Option<String> {
        Some(match self {
            Problem::ConfigUnreadable { error } => {
                fill(t.config_unreadable, &[("error", &error.message(lang))])
            }
            Problem::ConfigTooBig { size, limit } => fill(
                t.config_too_big,
                &[("size", size), ("limit", &i18n::human_size(lang, *limit))],
            ),
            Problem::ConfigNotRegular => t.config_not_regular.to_string(),
            Problem::ConfigInvalidToml { detail } => fill(
                t.config_invalid_toml,
                &[("detail", &i18n::toml_parse::parser_message(lang, detail))],
            ),
            Problem::UnknownSetting { name, hint } => fill(
                t.config_unknown_setting,
                &[("name", name), ("hint", &hint.words(t, t.hint_known))],
            ),
            Problem::UnknownThemeSlot { name, hint } => fill(
                t.config_unknown_slot,
                &[("name", name), ("hint", &hint.words(t, t.hint_known))],
            ),
            Problem::UnknownAction { name, hint } => fill(
                t.config_unknown_action,
                &[("name", name), ("hint", &hint.words(t, t.hint_known))],
            ),
            Problem::ConfigNotString { key, found } => fill(
                t.config_not_string,
                &[("key", key), ("found", &found.words(t))],
            ),
            Problem::ConfigNotBoolean { key, found } => fill(
                t.config_not_boolean,
                &[("key", key), ("found", &found.words(t))],
            ),
            Problem::ConfigNotTable { key, found } => fill(
                t.config_not_table,
                &[("key", key), ("found", &found.words(t))],
            ),
            Problem::ConfigNotKeyList { action, found } => fill(
                t.config_not_key_list,
                &[("action", action), ("found", &found.words(t))],
            ),
            Problem::MaxFileMib { max } => fill(t.config_max_file_mib, &[("max", max)]),
            Problem::UnknownLanguage { name } => fill(t.config_unknown_language, &[("name", name)]),
            Problem::UnknownColour { name, slot, hint } => fill(
                t.config_unknown_colour,
                &[
                    ("name", name),
                    ("slot", slot),
                    ("hint", &hint.words(t, t.hint_colours)),
                ],
            ),
            Problem::UnknownKeyName { text } => fill(t.config_unknown_key, &[("text", text)]),
            Problem::FixedKey { text, action } => {
                fill(t.config_fixed_key, &[("text", text), ("action", action)])
            }
            Problem::AbbreviationNotText { name, found } => fill(
                t.config_abbreviation_not_text,
                &[("name", name), ("found", &found.words(t))],
            ),
            Problem::AbbreviationEmpty { name } => {
                fill(t.config_abbreviation_empty, &[("name", name)])
            }
            _ => return None,
        })
    }
}

impl i18n::Message for Problem {
    fn message(&self, lang: Lang) -> String {
        Problem::message(self, lang)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests;
