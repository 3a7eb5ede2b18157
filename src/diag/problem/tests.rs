use super::*;
use std::io;

fn district() -> Table {
    Table::District {
        n: 1,
        name: Some("Hải Hà".into()),
    }
}

fn indicator() -> Table {
    Table::Indicator {
        n: 2,
        district: Box::new(district()),
    }
}

fn os() -> OsError {
    OsError::from(&io::Error::from_raw_os_error(13))
}

fn s(text: &str) -> String {
    text.to_string()
}

/// One problem of every kind; [`kind`] makes the compiler list a new variant here.
fn every_problem() -> Vec<Problem> {
    let hint = || Hint::Closest(s("title"));
    vec![
        Problem::NotUtf8,
        Problem::TwoBoms,
        Problem::InvalidToml {
            detail: s("unexpected key or value, expected newline, `#`"),
        },
        Problem::NoSession,
        Problem::UnsupportedVersion { found: s("2") },
        Problem::UnknownKey {
            key: s("titel"),
            table: Table::Session,
            hint: hint(),
        },
        Problem::UnknownTable {
            written: s("[[district.indicators]]"),
            right: s("[[district.indicator]]"),
        },
        Problem::MissingKey {
            key: s("value"),
            table: indicator(),
            example: s("33497"),
        },
        Problem::WrongType(Mismatch {
            key: s("title"),
            table: Table::Session,
            expected: Expected::String,
            found: ValueType::Integer,
        }),
        Problem::WrongItemType(Mismatch {
            key: s("tags"),
            table: Table::Session,
            expected: Expected::String,
            found: ValueType::Float,
        }),
        Problem::IntegerTooLarge,
        Problem::FloatTooLarge,
        Problem::NotFinite {
            key: s("value"),
            table: indicator(),
        },
        Problem::NotOneOf {
            key: s("bound"),
            table: indicator(),
            names: vec![s("exact"), s("about")],
            found: s("trên"),
            closest: None,
        },
        Problem::NotOneOf {
            key: s("level"),
            table: Table::Locality {
                n: 1,
                name: Some(s("Tân Lập")),
            },
            names: vec![s("xa"), s("phuong")],
            found: s("xã"),
            closest: Some(s("xa")),
        },
        Problem::QuotedValue {
            key: s("date"),
            table: Table::Session,
            expected: Expected::SessionDate,
            found: s("hôm qua"),
        },
        Problem::BadDateTime {
            key: s("due"),
            table: Table::Directive {
                n: 3,
                district: Some(Box::new(district())),
            },
            expected: Expected::Deadline,
            found: s("08:00:00"),
        },
        Problem::TargetNotPositive {
            table: indicator(),
            value: s("0"),
        },
        Problem::ValueMissing {
            table: indicator(),
            plan: true,
            version: 2,
        },
        Problem::ValueMissing {
            table: indicator(),
            plan: false,
            version: 3,
        },
        Problem::ZeroTargetHigher { table: indicator() },
        Problem::PercentNegative {
            table: Table::Compare {
                indicator: Box::new(indicator()),
            },
            value: s("-1"),
        },
        Problem::EmptyText {
            key: s("due_text"),
            table: Table::Directive {
                n: 1,
                district: None,
            },
        },
        Problem::DueTextIsADeadline {
            table: Table::Proposal {
                n: 1,
                district: Box::new(Table::Locality {
                    n: 1,
                    name: Some(s("Tân Lập")),
                }),
            },
            written: s("quý II/2024"),
            due: s("\"2024-Q2\""),
        },
        Problem::ProgressPercent {
            table: Table::Progress {
                n: 2,
                directive: Box::new(Table::Directive {
                    n: 1,
                    district: None,
                }),
            },
            value: s("140"),
        },
        Problem::ProgressInFuture {
            table: Table::Progress {
                n: 1,
                directive: Box::new(Table::Directive {
                    n: 1,
                    district: None,
                }),
            },
            at: s("2024-05-02T09:15:00+07:00"),
            now: s("2024-04-02T09:15:00+07:00"),
        },
        Problem::ProgressNoteControl {
            table: Table::Progress {
                n: 1,
                directive: Box::new(Table::Directive {
                    n: 1,
                    district: None,
                }),
            },
        },
        Problem::EmptyId { table: district() },
        Problem::DuplicateDistrict { id: s("hai-ha") },
        Problem::DirectiveIdMalformed { id: s("a b") },
        Problem::DirectiveIdRepeated { id: s("hh-ma-tuy") },
        Problem::ProposalIdTaken { id: s("kn-1") },
        Problem::ProposalLogUnassigned,
        Problem::DirectiveIdMissing {
            table: Table::Directive {
                n: 1,
                district: None,
            },
            suggestion: s("kiem-soat-tot-ma-tuy"),
        },
        Problem::DateOrder {
            key: s("due"),
            written: s("31/03/2027"),
            date: s("2027-03-31"),
        },
        Problem::DateInQuotes {
            key: s("date"),
            table: Table::Session,
            date: s("2024-03-13"),
        },
        Problem::DecimalComma {
            key: s("value"),
            written: s("62,5"),
            number: s("62.5"),
        },
        Problem::ThousandsDots {
            key: s("value"),
            written: s("1.234.567"),
            number: s("1234567"),
        },
        Problem::PercentSign {
            key: s("percent"),
            written: s("107%"),
            number: s("107"),
        },
        Problem::NumberInQuotes {
            key: s("percent"),
            table: Table::Compare {
                indicator: Box::new(indicator()),
            },
            written: s("\"107%\""),
            number: s("107"),
            percent: false,
        },
        Problem::NumberInQuotes {
            key: s("value"),
            table: indicator(),
            written: s("\"62%\""),
            number: s("62"),
            percent: true,
        },
        Problem::DoneWord {
            written: s("\"x\""),
            done: Some(true),
        },
        Problem::DoneWord {
            written: s("\"chưa\""),
            done: Some(false),
        },
        Problem::DoneWord {
            written: s("\"?\""),
            done: None,
        },
        Problem::ThreeDecimals {
            key: s("value"),
            written: s("33.497"),
            whole: s("33497"),
        },
        Problem::LaterVersionKey {
            key: s("level"),
            needs: 2,
            says: 1,
        },
        Problem::NotAPeriod {
            key: s("date"),
            table: Table::Session,
            found: s("2024-Q2"),
            session: true,
        },
        Problem::NotAPeriod {
            key: s("due"),
            table: Table::Directive {
                n: 2,
                district: Some(Box::new(Table::Locality {
                    n: 1,
                    name: Some(s("Tân Lập")),
                })),
            },
            found: s("Q5/2024"),
            session: false,
        },
        Problem::PeriodInWords {
            key: s("due"),
            written: s("\"quý II/2024\""),
            period: s("2024-Q2"),
        },
        Problem::PeriodUnquoted {
            key: s("due"),
            written: s("2024-06"),
        },
        Problem::DistrictAndLocality,
        Problem::ParticipantUnnamed {
            table: Table::Participant(3),
        },
        Problem::ReferenceEmpty {
            table: Table::Reference(1),
        },
        Problem::ImageOutside {
            table: Table::Image(2),
            file: s("../x.jpg"),
        },
        Problem::NotPositive {
            key: s("of"),
            table: indicator(),
            value: s("0"),
        },
        Problem::ToOnLocality {
            table: Table::Directive {
                n: 1,
                district: Some(Box::new(Table::Locality { n: 2, name: None })),
            },
        },
        Problem::UnknownLocality {
            id: s("hai-hà"),
            table: Table::Directive {
                n: 1,
                district: None,
            },
            ids: vec![s("hai-ha"), s("dam-ha")],
            closest: Some(s("hai-ha")),
        },
        Problem::UnknownLocality {
            id: s("hai-ha"),
            table: Table::Directive {
                n: 1,
                district: None,
            },
            ids: vec![],
            closest: None,
        },
        Problem::NeedsVersion3 {
            key: s("key"),
            table: Table::Locality {
                n: 1,
                name: Some(s("Ia Ly")),
            },
            version: 2,
        },
        Problem::BlankIdentity {
            key: s("formerly"),
            table: Table::Locality { n: 1, name: None },
        },
        Problem::BlankIdentity {
            key: s("key"),
            table: indicator(),
        },
        Problem::IdentityRepeated {
            key: s("gia-lai/ia-ly"),
            table: Table::Locality { n: 2, name: None },
            figure: false,
        },
        Problem::IdentityRepeated {
            key: s("thu-ngan-sach"),
            table: indicator(),
            figure: true,
        },
        Problem::NamesItself {
            key: s("formerly"),
            table: Table::Locality { n: 1, name: None },
            reference: s("xã Ia Ly"),
        },
        Problem::Refused {
            file: FileRead::Briefing,
            why: Refusal::Unreadable { error: os() },
        },
        Problem::Refused {
            file: FileRead::Briefing,
            why: Refusal::TooBig {
                size: 5 << 20,
                limit: 4 << 20,
            },
        },
        Problem::Refused {
            file: FileRead::Briefing,
            why: Refusal::NotRegular,
        },
        Problem::WalkStopped { entries: 100_000 },
        Problem::DanglingLink { error: os() },
        Problem::TooManyFiles { files: 10_000 },
        Problem::LinkOutside,
        Problem::OtherFileSystem,
        Problem::TooDeep { levels: 32 },
        Problem::FolderUnreadable { error: os() },
        Problem::UnsafeLayout {
            directive: s("hh-ma-tuy"),
        },
        Problem::ProgressInline {
            directive: s("hh-ma-tuy"),
        },
        Problem::Toml11 {
            syntax: Toml11Syntax::InlineTableNewline,
        },
        Problem::Toml11 {
            syntax: Toml11Syntax::TrailingComma,
        },
        Problem::Toml11 {
            syntax: Toml11Syntax::EscapeE,
        },
        Problem::Toml11 {
            syntax: Toml11Syntax::EscapeX { hex: s("E9") },
        },
        Problem::Toml11 {
            syntax: Toml11Syntax::NoSeconds { time: s("07:32") },
        },
        Problem::Refused {
            file: FileRead::Config,
            why: Refusal::Unreadable { error: os() },
        },
        Problem::Refused {
            file: FileRead::Config,
            why: Refusal::TooBig {
                size: 5 << 20,
                limit: 4 << 20,
            },
        },
        Problem::Refused {
            file: FileRead::Config,
            why: Refusal::NotRegular,
        },
        Problem::ConfigInvalidToml {
            detail: s("unclosed table, expected `]`"),
        },
        Problem::UnknownSetting {
            name: s("dri"),
            hint: Hint::Closest(s("dir")),
        },
        Problem::UnknownThemeSlot {
            name: s("colour"),
            hint: Hint::Known(vec![s("accent"), s("met")]),
        },
        Problem::UnknownAction {
            name: s("jump"),
            hint: Hint::Known(vec![s("up")]),
        },
        Problem::ConfigNotString {
            key: s("dir"),
            found: ValueType::Boolean,
        },
        Problem::ConfigNotTable {
            key: s("theme"),
            found: ValueType::Array,
        },
        Problem::ConfigNotBoolean {
            key: s("mouse"),
            found: ValueType::String,
        },
        Problem::ConfigNotKeyList {
            action: s("down"),
            found: ValueType::Integer,
        },
        Problem::MaxFileMib { max: 1024 },
        Problem::UnknownLanguage { name: s("fr") },
        Problem::UnknownColour {
            name: s("purple"),
            slot: s("accent"),
            hint: Hint::Known(vec![s("red"), s("green")]),
        },
        Problem::UnknownKeyName { text: s("hyper-x") },
        Problem::FixedKey {
            text: s("ctrl-c"),
            action: s("quit"),
        },
        Problem::AbbreviationNotText {
            name: s("NTM"),
            found: ValueType::Integer,
        },
        Problem::AbbreviationEmpty { name: s("NTM") },
        Problem::UnclosedString {
            quotes: s("\"\"\""),
        },
    ]
}

/// `kind` (a problem's variant, by name) and `KINDS` (every name) from one list, matched
/// without a wildcard: a new variant does not compile until it is named here, and then
/// [`every_variant_is_walked`] fails until it has a sample.
macro_rules! kinds {
    ($($variant:ident,)*) => {
        fn kind(p: &Problem) -> &'static str {
            match p {
                $(Problem::$variant { .. } => stringify!($variant),)*
            }
        }

        const KINDS: &[&str] = &[$(stringify!($variant),)*];
    };
}

kinds! {
    NotUtf8, TwoBoms, InvalidToml, UnclosedString, Toml11, NoSession, UnsupportedVersion,
    UnknownKey, UnknownTable, MissingKey, WrongType, WrongItemType, IntegerTooLarge, FloatTooLarge,
    NotFinite, NotOneOf, QuotedValue, BadDateTime, TargetNotPositive, PercentNegative,
    ProgressPercent, ProgressInFuture, ProgressNoteControl, EmptyId, DuplicateDistrict,
    DirectiveIdMalformed, DirectiveIdRepeated, ProposalIdTaken, ProposalLogUnassigned,
    DirectiveIdMissing, DateOrder, DateInQuotes, DecimalComma, ThousandsDots, PercentSign,
    NumberInQuotes, DoneWord, ThreeDecimals, LaterVersionKey, NotAPeriod, PeriodInWords,
    PeriodUnquoted, DistrictAndLocality, ParticipantUnnamed, ReferenceEmpty, ImageOutside,
    NotPositive, ToOnLocality, EmptyText, DueTextIsADeadline, ValueMissing, ZeroTargetHigher,
    UnknownLocality, NeedsVersion3, BlankIdentity, IdentityRepeated, NamesItself, Refused,
    WalkStopped, DanglingLink, TooManyFiles, LinkOutside, OtherFileSystem, TooDeep,
    FolderUnreadable, UnsafeLayout, ProgressInline, ConfigInvalidToml, UnknownSetting,
    UnknownThemeSlot, UnknownAction, ConfigNotString, ConfigNotTable, ConfigNotBoolean,
    ConfigNotKeyList, MaxFileMib, UnknownLanguage, UnknownColour, UnknownKeyName, FixedKey,
    AbbreviationNotText, AbbreviationEmpty,
}

#[test]
fn every_variant_is_walked() {
    let walked: Vec<&str> = every_problem().iter().map(kind).collect();
    let missing: Vec<&str> = (KINDS.iter().copied())
        .filter(|k| !walked.contains(k))
        .collect();
    assert!(missing.is_empty(), "no sample of {missing:?}");
}

/// English words that give away an untranslated message (outside `code` and names).
const ENGLISH: &[&str] = &[
    "the", "must", "found", "is", "in", "of", "write", "file", "not", "and", "or", "key",
    "unknown", "ignored", "table", "number", "date", "without", "quotes", "folder", "read",
    "expected", "missing", "did", "you", "mean", "known", "colours", "error", "denied",
];

/// The words of `text` outside backquotes and double quotes.
fn prose_words(text: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut quoted: Option<char> = None;
    for c in text.chars() {
        match (quoted, c) {
            (None, '`' | '"') => quoted = Some(c),
            (Some(q), c) if c == q => quoted = None,
            (None, c) => prose.push(c),
            _ => {}
        }
    }
    prose
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The facts of `every_problem()` that a message says as they are, in either language.
const FACTS: [&str; 21] = [
    "titel",
    "Hải Hà",
    "hai-ha",
    "2027-03-31",
    "62.5",
    "1234567",
    "33497",
    "purple",
    "hyper-x",
    "NTM",
    "hh-ma-tuy",
    "kiem-soat-tot-ma-tuy",
    "100000",
    "4 MiB",
    "2024-Q2",
    "Q5/2024",
    "Tân Lập",
    "../x.jpg",
    "hai-hà",
    "dam-ha",
    "2024-06",
];

#[test]
fn every_problem_is_said_in_both_languages_with_its_facts() {
    for p in every_problem() {
        let (en, vi) = (p.message(Lang::En), p.message(Lang::Vi));
        assert_eq!(p.to_string(), en);
        assert!(!en.is_empty() && !vi.is_empty(), "{p:?} says nothing");
        i18n::check_said_in_both(&p, &en, &vi, &FACTS);
        for word in prose_words(&vi) {
            assert!(
                !ENGLISH.contains(&word.to_lowercase().as_str()),
                "English `{word}` in the Vietnamese of {p:?}: {vi}"
            );
        }
    }
}

#[test]
fn tables_are_named_as_before_in_english() {
    let directive = Table::Directive {
        n: 2,
        district: Some(Box::new(district())),
    };
    let t = i18n::strings(Lang::En);
    assert_eq!(
        directive.words(t),
        "a directive of [[district]] #1 (Hải Hà) #2"
    );
    assert_eq!(
        Table::Compare {
            indicator: Box::new(indicator())
        }
        .words(t),
        "a `compare` entry of indicator #2 of [[district]] #1 (Hải Hà)"
    );
    let vi = i18n::strings(Lang::Vi);
    assert_eq!(
        directive.words(vi),
        "chỉ đạo thứ 2 của [[district]] thứ 1 (Hải Hà)"
    );
}

#[test]
fn system_errors_keep_their_number_in_vietnamese() {
    let e = os();
    assert_eq!(e.message(Lang::En), "Permission denied (os error 13)");
    assert_eq!(
        e.message(Lang::Vi),
        "không có quyền truy cập (mã lỗi hệ thống 13)"
    );
    let custom = OsError::from(&io::Error::other("boom"));
    assert_eq!(custom.message(Lang::Vi), "boom");
}
