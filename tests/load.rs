//! Loader tests: the bad-input corpus, hostile files, and the sample session.

use std::path::Path;

use briefing::model::{Bound, GaugeBasis, Status};
use briefing::store::{self, Severity};

fn check_one(path: &Path) -> Vec<store::Diagnostic> {
    let bytes = std::fs::read(path).expect("fixture");
    store::parse_file(&bytes, "f.toml", "f").diagnostics
}

/// (file, line, column, part of the message) for each error kind of FORMAT.md.
const CORPUS: &[(&str, usize, usize, &str)] = &[
    (
        "version.toml",
        1,
        11,
        "unsupported format version 2; this viewer reads version 1",
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
    ("date-string.toml", 3, 8, "written without quotes"),
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
        "`target` in indicator #1 of [[district]] #1 (Hải Hà) must be greater than 0",
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
        "missing the required key `id`",
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
        "two districts have the id `hai-ha`",
    ),
];

#[test]
fn every_error_kind_is_reported_at_its_place() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    for (file, line, column, message) in CORPUS {
        let diags = check_one(&dir.join(file));
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
    assert_eq!(session.title, "Đàm Hà");
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
        s.chair.as_deref().map(|c| c.contains("Nguyễn Xuân Ký")),
        Some(true)
    );
    let names: Vec<&str> = s.districts.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(names, ["hai-ha", "dam-ha"]);

    let hai_ha = &s.districts[0];
    let gtsx = &hai_ha.indicators[0];
    assert_eq!(
        (gtsx.value, gtsx.unit.as_deref()),
        (33497.0, Some("tỷ đồng"))
    );
    assert_eq!(gtsx.gauge(), None, "growth against 2022 is no verdict");
    assert_eq!(
        gtsx.readings(),
        [briefing::model::Reading::Growth {
            label: "so với năm 2022",
            change: 7.0
        }]
    );
    let budget = &hai_ha.indicators[1];
    assert_eq!((budget.value, budget.bound), (385.0, Bound::AtLeast));
    assert_eq!(budget.gauge(), None);
    assert!(
        hai_ha
            .indicators
            .iter()
            .any(|i| i.value == 1.6 && i.unit.as_deref() == Some("tỷ USD"))
    );

    let dam_ha = &s.districts[1];
    let plan = dam_ha.indicators[0].gauge().expect("gauge");
    assert_eq!(
        (plan.ratio, plan.basis, plan.status),
        (100.8, GaugeBasis::Plan, Status::Met)
    );
    assert_eq!(dam_ha.indicators[0].compare[1].percent, 119.5);
    let income = dam_ha
        .indicators
        .iter()
        .find(|i| i.target == Some(100.0))
        .expect("income target");
    let g = income.gauge().expect("gauge");
    assert_eq!(
        (g.ratio, g.basis, g.status),
        (80.0, GaugeBasis::Target, Status::Behind)
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
}
