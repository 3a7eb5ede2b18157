//! Loader tests: the bad-input corpus, hostile files, and the sample session.

mod common;

use std::path::Path;

use briefing::api::model::{Basis, Bound, GaugeBasis, Lang, Status};
use briefing::api::store::{self, Severity};
use common::said::{Said, problems_of};

/// (file, line, column, part of the message) for each error kind of docs/spec.md.
const CORPUS: &[(&str, usize, usize, &str)] = &[
    (
        "version.toml",
        1,
        11,
        "unsupported format version 4; this viewer reads versions 1, 2, 3 (write `version = 3`, or leave it out for version 1)",
    ),
    ("syntax.toml", 4, 22, "invalid TOML"),
    ("missing-session.toml", 1, 1, "no [session] table"),
    (
        "missing-title.toml",
        1,
        1,
        "missing the required key `title`",
    ),
    ("missing-date.toml", 1, 1, "missing the required key `date`"),
    (
        "missing-district-name.toml",
        5,
        1,
        "missing the required key `name`",
    ),
    (
        "missing-indicator-value.toml",
        8,
        1,
        "missing the required key `value`",
    ),
    (
        "wrong-type.toml",
        2,
        9,
        "`title` in [session] must be a string, found an integer",
    ),
    (
        "wrong-type-array.toml",
        4,
        14,
        "every item of `tags` in [session] must be a string",
    ),
    (
        "date-string.toml",
        3,
        8,
        "remove the quotes: `date = 2024-03-13`",
    ),
    (
        "date-time-only.toml",
        3,
        8,
        "`date` in [session] must be a date",
    ),
    (
        "due-not-date.toml",
        8,
        7,
        "`due` in [[directive]] #1 must be a date",
    ),
    (
        "done-at-no-offset.toml",
        8,
        11,
        "must be an offset date-time",
    ),
    (
        "bad-bound.toml",
        11,
        9,
        "`bound` in indicator #1 of [[district]] #1 (Hải Hà) must be one of",
    ),
    (
        "bad-better.toml",
        11,
        10,
        "must be one of \"higher\", \"lower\", found \"more\"",
    ),
    (
        "target-zero.toml",
        11,
        10,
        "`target = 0` in indicator #1 of [[district]] #1 (Hải Hà) needs `version = 3`, but the file is version 1",
    ),
    (
        "percent-negative.toml",
        11,
        44,
        "`percent` in a `compare` entry",
    ),
    (
        "directive-id-missing.toml",
        5,
        1,
        "has no `id`; add one, for example `id = \"khong-co-id\"`",
    ),
    (
        "directive-id-malformed.toml",
        6,
        6,
        "may only use letters, digits",
    ),
    (
        "directive-id-repeated.toml",
        13,
        6,
        "directive id \"a\" is used twice",
    ),
    (
        "district-id-repeated.toml",
        9,
        8,
        "two localities have the id `hai-ha`",
    ),
];

#[test]
fn every_error_kind_is_reported_at_its_place() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    for (file, line, column, message) in CORPUS {
        let diags = problems_of(&dir.join(file));
        let found = diags
            .iter()
            .find(|d| d.is_error() && d.message.contains(message));
        let d = found
            .unwrap_or_else(|| panic!("{file}: no error containing {message:?} in {diags:#?}"));
        let loc = d
            .location
            .as_ref()
            .unwrap_or_else(|| panic!("{file}: no location"));
        assert_eq!(
            (loc.line, loc.column),
            (*line, *column),
            "{file}: {}",
            d.message
        );
    }
}

#[test]
fn the_corpus_covers_every_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let count = std::fs::read_dir(dir).expect("dir").count();
    assert_eq!(count, CORPUS.len());
}

/// A slip Vietnamese authors make, one per file of `tests/fixtures/slips`, and what its one
/// message says.
const SLIPS: &[Said] = &[
    Said {
        file: "due-day-first.toml",
        at: (8, 7),
        error: true,
        en: "`due = 31/03/2027` is not a date TOML reads: write the year first, with `-` and without quotes: `due = 2027-03-31`",
        vi: "hãy viết năm trước, dùng dấu `-` và không có dấu ngoặc kép: `due = 2027-03-31`",
    },
    Said {
        file: "date-day-first-quoted.toml",
        at: (3, 8),
        error: true,
        en: "write the year first, with `-` and without quotes: `date = 2024-03-13`",
        vi: "`date = \"13/03/2024\"` không phải dạng ngày TOML đọc được",
    },
    Said {
        file: "date-dashes.toml",
        at: (3, 8),
        error: true,
        en: "`date = 13-03-2024` is not a date TOML reads",
        vi: "hãy viết năm trước, dùng dấu `-` và không có dấu ngoặc kép: `date = 2024-03-13`",
    },
    Said {
        file: "date-quoted.toml",
        at: (3, 8),
        error: true,
        en: "`date` in [session] is a date written in quotes; remove the quotes: `date = 2024-03-13`",
        vi: "`date` trong [session] là ngày nhưng bị đặt trong dấu ngoặc kép; hãy bỏ dấu ngoặc kép: `date = 2024-03-13`",
    },
    Said {
        file: "decimal-comma.toml",
        at: (11, 9),
        error: true,
        en: "`value = 62,5`: numbers take a decimal point, not a comma: write `value = 62.5`",
        vi: "số thập phân dùng dấu chấm, không dùng dấu phẩy: hãy viết `value = 62.5`",
    },
    Said {
        file: "thousands-dots.toml",
        at: (11, 9),
        error: true,
        en: "without thousands separators: write `value = 1234567`",
        vi: "không có dấu chấm ngăn cách hàng nghìn: hãy viết `value = 1234567`",
    },
    Said {
        file: "percent-sign.toml",
        at: (12, 51),
        error: true,
        en: "`percent = 107%`: write the number without `%`: `percent = 107`",
        vi: "hãy viết số, không kèm `%`: `percent = 107`",
    },
    Said {
        file: "percent-quoted.toml",
        at: (12, 51),
        error: true,
        en: "must be a number, without quotes: write `percent = 107` (not `\"107%\"`)",
        vi: "phải là một số, không có dấu ngoặc kép: hãy viết `percent = 107`",
    },
    Said {
        file: "value-percent-quoted.toml",
        at: (11, 9),
        error: true,
        en: "write `value = 95` and `unit = \"%\"`",
        vi: "hãy viết `value = 95` và `unit = \"%\"`",
    },
    Said {
        file: "done-x.toml",
        at: (8, 8),
        error: true,
        en: "`done = \"x\"`: `done` is true or false, without quotes: write `done = true`",
        vi: "`done` chỉ nhận true hoặc false, không có dấu ngoặc kép: hãy viết `done = true`",
    },
    Said {
        file: "done-bare.toml",
        at: (8, 8),
        error: true,
        en: "`done = chưa`: `done` is true or false, without quotes: write `done = false`",
        vi: "hãy viết `done = false`",
    },
    Said {
        file: "directive-no-id.toml",
        at: (5, 1),
        error: true,
        en: "[[directive]] #1 has no `id`; add one, for example `id = \"kiem-soat-tot-ma-tuy\"`",
        vi: "[[directive]] thứ 1 chưa có `id`; hãy thêm, ví dụ `id = \"kiem-soat-tot-ma-tuy\"`",
    },
    Said {
        file: "district-indicators.toml",
        at: (8, 12),
        error: true,
        en: "there is no table `[[district.indicators]]` in the format, so nothing below it is read: write `[[district.indicator]]`",
        vi: "định dạng không có bảng `[[district.indicators]]`, nên mọi thứ bên dưới không được đọc: hãy viết `[[district.indicator]]`",
    },
    Said {
        file: "directives-plural.toml",
        at: (5, 3),
        error: true,
        en: "there is no table `[[directives]]` in the format, so nothing below it is read: write `[[directive]]`",
        vi: "hãy viết `[[directive]]`",
    },
    Said {
        file: "localities-plural.toml",
        at: (11, 3),
        error: true,
        en: "there is no table `[[localities]]` in the format, so nothing below it is read: write `[[locality]]`",
        vi: "hãy viết `[[locality]]`",
    },
    Said {
        file: "session-misspelt.toml",
        at: (1, 2),
        error: true,
        en: "there is no table `[sesion]` in the format, so nothing below it is read: write `[session]`",
        vi: "hãy viết `[session]`",
    },
    Said {
        file: "three-decimals.toml",
        at: (11, 9),
        error: false,
        en: "`value = 33.497` has exactly three decimals: if it means 33497 (a dot between thousands), write `value = 33497`",
        vi: "`value = 33.497` có đúng ba chữ số thập phân: nếu ý là 33497 (dấu chấm ngăn cách hàng nghìn), hãy viết `value = 33497`",
    },
];

#[test]
fn each_slip_gives_one_message_in_both_languages_with_its_place() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/slips");
    for slip in SLIPS {
        let diags = problems_of(&dir.join(slip.file));
        let [d] = &diags[..] else {
            panic!("{}: not one message: {diags:#?}", slip.file);
        };
        slip.assert_is(d);
        assert_eq!(d.message, d.message(Lang::En));
    }
    let count = std::fs::read_dir(dir).expect("dir").count();
    assert_eq!(count, SLIPS.len(), "every fixture has its entry");
}

#[test]
fn slips_after_a_slip_are_found_at_their_own_places() {
    let src = "[session]\ntitle = \"T\"\ndate = 2024-03-13\n\n[[directive]]\nid = \"a\"\ntext = \"x\"\ndue = 1/4/2027\n\n[[directive]]\nid = \"b\"\ntext = \"y\"\ndue = 30/04/2027\ndone = 1\n";
    let report = store::parse_file(src.as_bytes(), "f.toml", "f");
    assert!(report.session.is_none());
    let places: Vec<(usize, usize, String)> = report
        .diagnostics
        .iter()
        .map(|d| {
            let loc = d.location.as_ref().expect("place");
            (loc.line, loc.column, d.message.clone())
        })
        .collect();
    assert_eq!(places.len(), 3, "{places:#?}");
    assert_eq!((places[0].0, places[0].1), (8, 7));
    assert!(places[0].2.ends_with("`due = 2027-04-01`"));
    assert_eq!((places[1].0, places[1].1), (13, 7));
    assert!(places[1].2.ends_with("`due = 2027-04-30`"));
    assert_eq!((places[2].0, places[2].1), (14, 8));
    assert!(
        places[2].2.contains("write `done = true`"),
        "{}",
        places[2].2
    );
}

#[test]
fn one_bad_file_does_not_hide_the_others() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::copy(dir.join("syntax.toml"), tmp.path().join("a.toml")).expect("copy");
    std::fs::write(
        tmp.path().join("b.toml"),
        "[session]\ntitle = \"Tốt\"\ndate = 2024-01-02\n",
    )
    .expect("write");
    let catalog = store::load_dir(tmp.path()).expect("load");
    assert_eq!(catalog.files, 2);
    assert_eq!(catalog.sessions.len(), 1);
    assert_eq!(catalog.failed_files(), vec!["a.toml"]);
}

#[test]
fn misspelt_key_is_a_warning_with_a_suggestion() {
    let src = "[session]\ntitel = \"x\"\ntitle = \"Phiên họp\"\ndate = 2024-03-13\n";
    let report = store::parse_file(src.as_bytes(), "f.toml", "f");
    assert!(report.session.is_some(), "warnings do not reject a file");
    let w = &report.diagnostics[0];
    assert_eq!(w.severity, Severity::Warning);
    assert!(w.message.contains("did you mean `title`?"), "{}", w.message);
    assert_eq!(
        w.location.as_ref().map(|l| (l.line, l.column)),
        Some((2, 1))
    );
}

fn hostile(bytes: &[u8]) -> store::FileReport {
    let report = store::parse_file(bytes, "h.toml", "h");
    assert!(report.session.is_none());
    assert!(report.diagnostics.iter().any(|d| d.is_error()));
    report
}

#[test]
fn hostile_inputs_are_reported_not_fatal() {
    let invalid_utf8 = hostile(b"[session]\ntitle = \"\xff\xfe\"\n");
    let loc = invalid_utf8.diagnostics[0]
        .location
        .clone()
        .expect("location");
    assert_eq!((loc.line, loc.column), (2, 10));
    assert!(
        invalid_utf8.diagnostics[0]
            .message
            .contains("not valid UTF-8")
    );

    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    hostile(&random);
    hostile(b"");
    let nested = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    hostile(nested.as_bytes());
    let nested_tables = format!("a = {}1{}", "{b=".repeat(100_000), "}".repeat(100_000));
    hostile(nested_tables.as_bytes());
}

#[test]
fn a_five_megabyte_string_loads() {
    let src = format!(
        "[session]\ntitle = \"{}\"\ndate = 2024-03-13\n",
        "ư".repeat(2_500_000)
    );
    let report = store::parse_file(src.as_bytes(), "big.toml", "big");
    assert!(report.session.is_some());
}

#[test]
fn bom_and_decomposed_text_load_as_nfc() {
    let nfd = "[session]\ntitle = \"Đa\u{300}m Ha\u{300}\"\ndate = 2024-03-13\n";
    let with_bom = format!("\u{feff}{nfd}");
    let report = store::parse_file(with_bom.as_bytes(), "n.toml", "n");
    let session = report.session.expect("session");
    assert_eq!(&*session.title, "Đàm Hà");
}

#[test]
fn hidden_files_and_folders_are_skipped() {
    let tmp = tempfile::tempdir().expect("tmp");
    let good = "[session]\ntitle = \"T\"\ndate = 2024-01-02\n";
    std::fs::create_dir_all(tmp.path().join(".git")).expect("mkdir");
    std::fs::create_dir_all(tmp.path().join("2024/03")).expect("mkdir");
    std::fs::write(tmp.path().join(".git/x.toml"), "garbage").expect("write");
    std::fs::write(tmp.path().join(".hidden.toml"), "garbage").expect("write");
    std::fs::write(tmp.path().join("2024/03/a.toml"), good).expect("write");
    std::fs::write(tmp.path().join("2024/notes.txt"), "not toml").expect("write");
    let catalog = store::load_dir(tmp.path()).expect("load");
    assert_eq!(catalog.files, 1);
    assert_eq!(catalog.sessions[0].id, "2024/03/a");
    assert!(catalog.diagnostics.is_empty());
}

#[test]
fn a_missing_folder_is_an_error() {
    let err = store::load_dir(Path::new("/nonexistent/briefings")).expect_err("missing");
    assert!(err.to_string().contains("does not exist"));
}

#[test]
fn the_sample_validates_and_carries_the_key_figures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    let catalog = store::load_dir(&root).expect("load");
    assert!(catalog.diagnostics.is_empty(), "{:#?}", catalog.diagnostics);
    let s = catalog
        .sessions
        .iter()
        .find(|s| s.id == "2024/2024-03-13-hai-ha-dam-ha")
        .expect("sample");
    assert_eq!(s.date.day().to_string(), "2024-03-13");
    assert_eq!(
        s.chair_line().map(|c| c.contains("Nguyễn Xuân Ký")),
        Some(true)
    );
    let names: Vec<&str> = s.districts.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(names, ["hai-ha", "dam-ha"]);

    let hai_ha = &s.districts[0];
    let gtsx = &hai_ha.indicators[0];
    assert_eq!(
        (gtsx.value, gtsx.unit.as_deref()),
        (Some(33497.0), Some("tỷ đồng"))
    );
    assert_eq!(gtsx.gauge(), None, "a growth over 2022 is no verdict");
    assert_eq!(gtsx.compare[0].basis(), Basis::Previous);
    let budget = &hai_ha.indicators[1];
    assert_eq!((budget.value, budget.bound), (Some(385.0), Bound::AtLeast));
    assert_eq!(budget.gauge(), None);
    assert!(
        hai_ha
            .indicators
            .iter()
            .any(|i| i.value == Some(1.6) && i.unit.as_deref() == Some("tỷ USD"))
    );

    let dam_ha = &s.districts[1];
    let plan = dam_ha.indicators[0].gauge().expect("gauge");
    assert_eq!(
        (plan.ratio, plan.basis, plan.status),
        (Some(100.8), GaugeBasis::Compare, Status::Met)
    );
    assert_eq!(dam_ha.indicators[0].compare[1].percent, 119.5);
    let income = dam_ha
        .indicators
        .iter()
        .find(|i| i.more.target == Some(100.0))
        .expect("income target");
    let g = income.gauge().expect("gauge");
    assert_eq!(
        (g.ratio, g.basis, g.status),
        (Some(80.0), GaugeBasis::Target, Status::Behind)
    );
    assert_eq!(income.gauge_label(), Some("mục tiêu cuối nhiệm kỳ"));
    assert!(
        dam_ha
            .directives
            .iter()
            .any(|d| d.text.contains("không có ma túy"))
    );
    assert!(hai_ha.directives.iter().any(|d| d.text.contains("ma túy")));
    assert!(s.directives.len() >= 10);
    assert_eq!(s.version, 2);
    assert_eq!(s.directives[0].more.to, ["hai-ha", "dam-ha"]);
    assert!(s.directives[1].more.to.is_empty());
}
