//! What can be wrong in a file a person writes, as data: one variant per kind of problem, put
//! into words (English or Vietnamese) only when it is printed or drawn.

use crate::i18n::{self, Strings};
use crate::model::Lang;

use super::parts::{Expected, Hint, Mismatch, OsError, Table, ValueType};

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
    /// The value of a key is not of the type the format gives it.
    WrongType(Mismatch),
    /// One item of an array is not of the type the format gives its items.
    WrongItemType(Mismatch),
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
    /// A progress entry's `percent` that is not a whole number from 0 to 100.
    ProgressPercent {
        table: Table,
        value: String,
    },
    /// A progress entry's `at` more than a minute after now.
    ProgressInFuture {
        table: Table,
        at: String,
        now: String,
    },
    /// A progress entry's `note` with a control character (a line break, a tab, an escape).
    ProgressNoteControl {
        table: Table,
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
    /// A proposal's id that a directive or another proposal of the file already has (they
    /// share one list of ids, so `briefing progress SESSION ID` names one item).
    ProposalIdTaken {
        id: String,
    },
    /// A proposal with a progress log but no `assignee`: no report counts it.
    ProposalLogUnassigned,
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
    LaterVersionKey {
        key: String,
        needs: i64,
        says: i64,
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
    /// A text key written empty where its words are the point (`due_text = ""`).
    EmptyText {
        key: String,
        table: Table,
    },
    /// `due_text` that is a date or a period the viewer reads (a warning: write `due`).
    DueTextIsADeadline {
        table: Table,
        written: String,
        due: String,
    },
    /// An indicator without `value`: `plan` when it has a comparison with a plan (a figure
    /// known only as a percent of plan, which needs version 3; the file says `version`).
    ValueMissing {
        table: Table,
        plan: bool,
        version: i64,
    },
    /// `target = 0` with `better = "higher"` written (a warning: a zero target is met only at 0).
    ZeroTargetHigher {
        table: Table,
    },
    /// `to` names no locality of the file; `ids` are the file's, `closest` the likely one.
    UnknownLocality {
        id: String,
        table: Table,
        ids: Vec<String>,
        closest: Option<String>,
    },

    // The keys of format version 3: who a locality and a figure are across files.
    /// A version 3 key in a file that declares `version` 1 or 2 (or none).
    NeedsVersion3 {
        key: String,
        table: Table,
        version: i64,
    },
    /// `key = ""`, `formerly = " "`: an identity or a reference that says nothing.
    BlankIdentity {
        key: String,
        table: Table,
    },
    /// Two localities of the file (`figure`: two figures of one locality) with one `key`.
    IdentityRepeated {
        key: String,
        table: Table,
        figure: bool,
    },
    /// `formerly`/`merged_from`/`merging_into` naming the locality itself.
    NamesItself {
        key: String,
        table: Table,
        reference: String,
    },

    // Reading the folder and its files.
    /// A file that was not read (a briefing, or the config file: each entry of the config is
    /// then skipped, never fatal), and why.
    Refused {
        file: FileRead,
        why: Refusal,
    },
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
    /// A progress entry cannot be appended: the directive, or its log, is written inline.
    ProgressInline {
        directive: String,
    },

    // The config file.
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

/// Which file a [`Problem::Refused`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRead {
    Briefing,
    Config,
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Unreadable {
        error: OsError,
    },
    /// Larger than a file of its kind may be (the briefing limit, or `config::MAX_SIZE`).
    TooBig {
        size: u64,
        limit: u64,
    },
    /// A pipe, socket or device.
    NotRegular,
}

impl Refusal {
    /// Why `file` was not read, and what is done instead.
    fn message(&self, file: FileRead, t: &Strings, lang: Lang) -> String {
        let size = |limit: u64| i18n::human_size(lang, limit);
        match (file, self) {
            (FileRead::Briefing, Refusal::Unreadable { error }) => {
                t.read_unreadable(&error.message(lang))
            }
            (FileRead::Briefing, Refusal::TooBig { size: n, limit }) => {
                t.read_too_big(n, &size(*limit))
            }
            (FileRead::Briefing, Refusal::NotRegular) => t.read_not_regular.to_string(),
            (FileRead::Config, Refusal::Unreadable { error }) => {
                t.config_unreadable(&error.message(lang))
            }
            (FileRead::Config, Refusal::TooBig { size: n, limit }) => {
                t.config_too_big(n, &size(*limit))
            }
            (FileRead::Config, Refusal::NotRegular) => t.config_not_regular.to_string(),
        }
    }
}

impl Toml11Syntax {
    fn message(&self, t: &Strings) -> String {
        match self {
            Toml11Syntax::InlineTableNewline => t.check_toml11_inline_newline.to_string(),
            Toml11Syntax::TrailingComma => t.check_toml11_trailing_comma.to_string(),
            Toml11Syntax::EscapeE => t.check_toml11_escape_e.to_string(),
            Toml11Syntax::EscapeX { hex } => t.check_toml11_escape_x(hex),
            Toml11Syntax::NoSeconds { time } => {
                t.check_toml11_no_seconds(time, &format!("{time}:00"))
            }
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
        if let Some(v3) = self.in_version_3(t) {
            return Some(v3);
        }
        Some(match self {
            Problem::NotUtf8 => t.check_not_utf8.to_string(),
            Problem::TwoBoms => t.check_two_boms.to_string(),
            Problem::InvalidToml { detail } => {
                t.check_invalid_toml(&i18n::toml_parse::parser_message(lang, detail))
            }
            Problem::UnclosedString { quotes } => t.check_unclosed_string(quotes),
            Problem::Toml11 { syntax } => syntax.message(t),
            Problem::NoSession => t.check_no_session.to_string(),
            Problem::UnsupportedVersion { found } => {
                let supported = crate::model::FORMAT_VERSIONS.map(|v| v.to_string());
                t.check_version(found, &supported.join(", "))
            }
            Problem::UnknownKey { key, table, hint } => {
                t.check_unknown_key(key, &at(table), &hint.words(t, Strings::hint_known_keys))
            }
            Problem::UnknownTable { written, right } => t.check_unknown_table(written, right),
            Problem::MissingKey {
                key,
                table,
                example,
            } => t.check_missing_key(&at(table), key, example),
            Problem::WrongType(m) => m.words(t, Strings::check_wrong_type),
            Problem::WrongItemType(m) => m.words(t, Strings::check_wrong_item_type),
            Problem::IntegerTooLarge => t.check_integer_too_large.to_string(),
            Problem::FloatTooLarge => t.check_float_too_large.to_string(),
            Problem::NotFinite { key, table } => t.check_not_finite(key, &at(table)),
            Problem::NotOneOf {
                key,
                table,
                names,
                found,
                closest,
            } => {
                let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
                let said = t.check_not_one_of(key, &at(table), &quoted.join(", "), found);
                said + &i18n::did_you_mean(lang, closest.as_slice())
            }
            Problem::QuotedValue {
                key,
                table,
                expected,
                found,
            } => t.check_quoted_value(key, &at(table), &expected.words(t), found),
            Problem::BadDateTime {
                key,
                table,
                expected,
                found,
            } => t.check_bad_date_time(key, &at(table), &expected.words(t), found),
            Problem::TargetNotPositive { table, value } => {
                t.check_target_not_positive(&at(table), value)
            }
            Problem::ProgressPercent { table, value } => {
                t.check_progress_percent(&at(table), value)
            }
            Problem::ProgressInFuture {
                table,
                at: when,
                now,
            } => t.check_progress_in_future(&at(table), when, now),
            Problem::ProgressNoteControl { table } => t.check_progress_note_control(&at(table)),
            Problem::PercentNegative { table, value } => {
                t.check_percent_negative(&at(table), value)
            }
            Problem::EmptyId { table } => t.check_empty_id(&at(table)),
            Problem::DuplicateDistrict { id } => t.check_duplicate_district(id),
            Problem::DirectiveIdMalformed { id } => t.check_directive_id_malformed(id),
            Problem::DirectiveIdRepeated { id } => t.check_directive_id_repeated(id),
            Problem::ProposalIdTaken { id } => t.check_proposal_id_taken(id),
            Problem::ProposalLogUnassigned => t.check_proposal_log_unassigned.to_string(),
            Problem::DirectiveIdMissing { table, suggestion } => {
                t.check_directive_id_missing(&at(table), suggestion)
            }
            _ => return None,
        })
    }

    /// The problems of the keys version 2 adds.
    fn in_version_2(&self, t: &Strings, lang: Lang) -> Option<String> {
        let at = |table: &Table| table.words(t);
        Some(match self {
            Problem::LaterVersionKey { key, needs, says } => {
                t.check_later_version_key(key, needs, says)
            }
            Problem::NotAPeriod {
                key,
                table,
                found,
                session: true,
            } => t.check_not_a_session_period(key, &at(table), found),
            Problem::NotAPeriod {
                key,
                table,
                found,
                session: false,
            } => {
                let forms = crate::model::Period::FORMS.map(|f| format!("`\"{f}\"`"));
                t.check_not_a_due_period(key, &at(table), &forms.join(", "), found)
            }
            Problem::PeriodInWords {
                key,
                written,
                period,
            } => t.slip_period_words(key, written, period),
            Problem::PeriodUnquoted { key, written } => t.slip_period_unquoted(key, written),
            Problem::DistrictAndLocality => t.check_district_and_locality.to_string(),
            Problem::ParticipantUnnamed { table } => t.check_participant_unnamed(&at(table)),
            Problem::ReferenceEmpty { table } => t.check_reference_empty(&at(table)),
            Problem::ImageOutside { table, file } => t.check_image_outside(file, &at(table)),
            Problem::NotPositive { key, table, value } => {
                t.check_not_positive(key, &at(table), value)
            }
            Problem::ToOnLocality { table } => t.check_to_on_locality(&at(table)),
            Problem::EmptyText { key, table } => t.check_empty_text(key, &at(table)),
            Problem::DueTextIsADeadline {
                table,
                written,
                due,
            } => t.check_due_text_is_a_deadline(written, &at(table), due),
            Problem::ValueMissing {
                table,
                plan: true,
                version,
            } => t.check_plan_percent_only_needs_version_3(&at(table), version),
            Problem::ValueMissing { table, .. } => t.check_value_missing(&at(table)),
            Problem::ZeroTargetHigher { table } => t.check_zero_target_higher(&at(table)),
            Problem::UnknownLocality {
                id,
                table,
                ids,
                closest,
            } => {
                if ids.is_empty() {
                    return Some(t.check_unknown_locality_none(&at(table), id));
                }
                let hint = i18n::did_you_mean(lang, closest.as_slice());
                t.check_unknown_locality(&at(table), id, &hint, &ids.join(", "))
            }
            _ => return None,
        })
    }

    /// The problems of the identity keys version 3 adds.
    fn in_version_3(&self, t: &Strings) -> Option<String> {
        let at = |table: &Table| table.words(t);
        Some(match self {
            Problem::NeedsVersion3 {
                key,
                table,
                version,
            } => t.check_needs_version_3(key, &at(table), version),
            Problem::BlankIdentity { key, table } => {
                let example = match key.as_str() {
                    "formerly" | "merged_from" => "\"huyện Chư Păh\"",
                    "merging_into" => "\"xã Ia Ly\"",
                    _ => "\"gia-lai/chu-pah\"",
                };
                t.check_blank_identity(key, &at(table), &example)
            }
            Problem::IdentityRepeated {
                key,
                table,
                figure: false,
            } => t.check_locality_key_repeated(key, &at(table)),
            Problem::IdentityRepeated {
                key,
                table,
                figure: true,
            } => t.check_figure_key_repeated(key, &at(table)),
            Problem::NamesItself {
                key,
                table,
                reference,
            } if key == "merging_into" => t.check_merges_into_itself(reference, &at(table)),
            Problem::NamesItself {
                key,
                table,
                reference,
            } => t.check_names_itself(key, reference, &at(table)),
            _ => return None,
        })
    }

    /// The slips of Vietnamese authors, each saying what to write instead.
    fn slip(&self, t: &Strings) -> Option<String> {
        Some(match self {
            Problem::DateOrder { key, written, date } => t.slip_date_order(key, written, date),
            Problem::DateInQuotes { key, table, date } => {
                t.slip_date_in_quotes(key, &table.words(t), date)
            }
            Problem::DecimalComma {
                key,
                written,
                number,
            } => t.slip_decimal_comma(key, written, number),
            Problem::ThousandsDots {
                key,
                written,
                number,
            } => t.slip_thousands_dots(key, written, number),
            Problem::PercentSign {
                key,
                written,
                number,
            } => t.slip_percent_sign(key, written, number),
            Problem::NumberInQuotes {
                key,
                table,
                written,
                number,
                percent,
            } => {
                let slip = match percent {
                    true => Strings::slip_percent_value_in_quotes,
                    false => Strings::slip_number_in_quotes,
                };
                slip(t, key, &table.words(t), number, written)
            }
            Problem::DoneWord { written, done } => {
                let slip = match done {
                    Some(true) => Strings::slip_done_true,
                    Some(false) => Strings::slip_done_false,
                    None => Strings::slip_done_either,
                };
                slip(t, written)
            }
            Problem::ThreeDecimals {
                key,
                written,
                whole,
            } => t.slip_three_decimals(key, written, whole),
            _ => return None,
        })
    }

    /// The problems of walking the folder and reading its files.
    fn in_folder(&self, t: &Strings, lang: Lang) -> Option<String> {
        Some(match self {
            Problem::Refused { file, why } => why.message(*file, t, lang),
            Problem::WalkStopped { entries } => t.walk_stopped(entries),
            Problem::DanglingLink { error } => t.walk_dangling_link(&error.message(lang)),
            Problem::TooManyFiles { files } => t.walk_too_many_files(files),
            Problem::LinkOutside => t.walk_link_outside.to_string(),
            Problem::OtherFileSystem => t.walk_other_file_system.to_string(),
            Problem::TooDeep { levels } => t.walk_too_deep(levels),
            Problem::FolderUnreadable { error } => t.walk_folder_unreadable(&error.message(lang)),
            Problem::UnsafeLayout { directive } => t.write_unsafe_layout(directive),
            Problem::ProgressInline { directive } => t.write_progress_inline(directive),
            _ => return None,
        })
    }

    /// The problems of the config file; each entry is skipped, never fatal.
    fn in_config(&self, t: &Strings, lang: Lang) -> Option<String> {
        Some(match self {
            Problem::ConfigInvalidToml { detail } => {
                t.config_invalid_toml(&i18n::toml_parse::parser_message(lang, detail))
            }
            Problem::UnknownSetting { name, hint } => {
                t.config_unknown_setting(name, &hint.words(t, Strings::hint_known))
            }
            Problem::UnknownThemeSlot { name, hint } => {
                t.config_unknown_slot(name, &hint.words(t, Strings::hint_known))
            }
            Problem::UnknownAction { name, hint } => {
                t.config_unknown_action(name, &hint.words(t, Strings::hint_known))
            }
            Problem::ConfigNotString { key, found } => t.config_not_string(key, &found.words(t)),
            Problem::ConfigNotBoolean { key, found } => t.config_not_boolean(key, &found.words(t)),
            Problem::ConfigNotTable { key, found } => t.config_not_table(key, &found.words(t)),
            Problem::ConfigNotKeyList { action, found } => {
                t.config_not_key_list(action, &found.words(t))
            }
            Problem::MaxFileMib { max } => t.config_max_file_mib(max),
            Problem::UnknownLanguage { name } => t.config_unknown_language(name),
            Problem::UnknownColour { name, slot, hint } => {
                t.config_unknown_colour(name, slot, &hint.words(t, Strings::hint_colours))
            }
            Problem::UnknownKeyName { text } => t.config_unknown_key(text),
            Problem::FixedKey { text, action } => t.config_fixed_key(text, action),
            Problem::AbbreviationNotText { name, found } => {
                t.config_abbreviation_not_text(name, &found.words(t))
            }
            Problem::AbbreviationEmpty { name } => t.config_abbreviation_empty(name),
            _ => return None,
        })
    }
}

i18n::display_in_english!(Problem);

#[cfg(test)]
mod tests;
