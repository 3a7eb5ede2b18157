//! Byte-exact check-off edits on the fixtures of `tests/fixtures/write/`.

use briefing::api::store::parse_file;
use briefing::api::store::write::{Change, Outcome, WriteError};
use chrono::DateTime;

mod common;

fn fixture(name: &str) -> String {
    String::from_utf8(common::fixture(name)).expect("UTF-8 fixture")
}

fn done() -> Change {
    Change::Done {
        at: DateTime::parse_from_rfc3339("2026-11-28T10:15:00+07:00").expect("date"),
        by: "thu.ky".to_string(),
    }
}

fn apply(text: &str, id: &str, change: &Change) -> (String, Outcome) {
    common::edited(text, id, change).expect("edit")
}

/// (input, directive, change, expected output)
fn cases() -> Vec<(&'static str, &'static str, Change, &'static str)> {
    vec![
        ("comments.toml", "chung-a", done(), "comments.done-a.toml"),
        ("comments.toml", "chung-b", done(), "comments.done-b.toml"),
        ("crlf.toml", "chung-a", done(), "crlf.done-a.toml"),
        ("crlf.toml", "chung-b", done(), "crlf.done-b.toml"),
        ("bom.toml", "bom-a", done(), "bom.done-a.toml"),
        ("bom.toml", "bom-b", done(), "bom.done-b.toml"),
        (
            "indented.toml",
            "hh-a",
            Change::Undone,
            "indented.undo-a.toml",
        ),
        ("indented.toml", "hh-b", done(), "indented.done-b.toml"),
        ("inline.toml", "i-a", done(), "inline.done-a.toml"),
        ("inline.toml", "i-b", done(), "inline.done-b.toml"),
        ("inline.toml", "d-a", Change::Undone, "inline.undo-d.toml"),
    ]
}

#[test]
fn fixtures_are_valid_briefings() {
    for (input, _, _, expected) in cases() {
        for name in [input, expected] {
            let report = parse_file(fixture(name).as_bytes(), name, "t");
            assert!(report.session.is_some(), "{name}: {:?}", report.diagnostics);
        }
    }
}

#[test]
fn edits_change_only_the_check_off_keys() {
    for (input, id, change, expected) in cases() {
        let (out, outcome) = apply(&fixture(input), id, &change);
        assert_eq!(outcome, Outcome::Changed, "{input} {id}");
        assert_eq!(out, fixture(expected), "{input} {id} → {expected}");
    }
}

#[test]
fn done_then_undo_restores_a_file_that_had_done_false() {
    for (input, id) in [
        ("comments.toml", "chung-a"),
        ("crlf.toml", "chung-a"),
        ("bom.toml", "bom-b"),
        ("inline.toml", "i-a"),
    ] {
        let original = fixture(input);
        let (checked, _) = apply(&original, id, &done());
        assert_ne!(checked, original);
        let (back, outcome) = apply(&checked, id, &Change::Undone);
        assert_eq!(outcome, Outcome::Changed);
        assert_eq!(back.as_bytes(), original.as_bytes(), "{input} {id}");
    }
}

#[test]
fn undo_after_an_inserted_done_keeps_done_false() {
    let original = fixture("comments.toml");
    let (checked, _) = apply(&original, "chung-b", &done());
    let (back, _) = apply(&checked, "chung-b", &Change::Undone);
    let expected = original.replace("text = \"Hai\"\n", "text = \"Hai\"\ndone = false\n");
    assert_eq!(back, expected);
}

#[test]
fn repeating_a_change_is_idempotent_and_writes_nothing() {
    let once = fixture("comments.done-a.toml");
    let (again, outcome) = apply(&once, "chung-a", &done());
    assert_eq!(outcome, Outcome::AlreadySo);
    assert_eq!(again, once);
    let original = fixture("comments.toml");
    for id in ["chung-a", "chung-b"] {
        let (same, outcome) = apply(&original, id, &Change::Undone);
        assert_eq!(outcome, Outcome::AlreadySo, "{id}");
        assert_eq!(same, original);
    }
}

#[test]
fn ids_are_compared_in_nfc() {
    let nfd = "[session]\ntitle = \"t\"\ndate = 2024-03-13\n\n[[directive]]\nid = \"\u{0111}a\u{0302}\u{0300}m\"\ntext = \"x\"\n";
    let (out, outcome) = apply(nfd, "đầm", &done());
    assert_eq!(outcome, Outcome::Changed);
    assert!(out.starts_with(nfd), "{out}");
}

#[test]
fn unknown_directive_suggests_the_closest_id() {
    let err = common::edited(&fixture("comments.toml"), "chung-c", &done()).expect_err("unknown");
    match &err {
        WriteError::DirectiveNotFound { suggestions, .. } => {
            assert!(
                suggestions.iter().any(|s| s == "chung-a" || s == "chung-b"),
                "{suggestions:?}"
            )
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().contains("did you mean"), "{err}");
}

#[test]
fn invalid_toml_is_refused_with_line_and_column() {
    let broken = "[session]\ntitle = \"t\"\ndate = \n";
    let err = common::edited(broken, "a", &done()).expect_err("invalid");
    assert!(matches!(err, WriteError::FileInvalid { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with("s.toml:3:8: invalid TOML"),
        "{err}"
    );
}

#[test]
fn a_name_with_quotes_is_escaped() {
    let change = Change::Done {
        at: DateTime::parse_from_rfc3339("2026-11-28T10:15:00+00:00").expect("date"),
        by: "a \"b\" \\ c".to_string(),
    };
    let (out, _) = apply(&fixture("bom.toml"), "bom-b", &change);
    assert!(out.contains("done_by = \"a \\\"b\\\" \\\\ c\"\n"), "{out}");
    assert!(
        out.contains("done_at = 2026-11-28T10:15:00+00:00\n"),
        "{out}"
    );
}
