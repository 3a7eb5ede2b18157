//! Unit tests of the byte-exact edits of a briefing file.

use super::*;

const HEAD: &str = "[session]\ntitle = \"t\"\ndate = 2024-03-13\n\n";

fn undo(text: &str) -> String {
    apply(text, "a", &Change::Undone).expect("edit").0
}

#[test]
fn undo_removes_the_stamps_and_keeps_every_other_byte() {
    let cases = [
        (
            "stamps that come first in an inline table",
            format!(
                "directive = [{{ done_at = 2024-03-20T09:15:00+07:00, done_by = \"y\", id = \"a\", text = \"t\", done = true }}]\n{HEAD}"
            ),
            format!("directive = [{{ id = \"a\", text = \"t\", done = false }}]\n{HEAD}"),
        ),
        (
            "stamp lines at the end of a file without final newline",
            format!(
                "{HEAD}[[directive]]\nid = \"a\"\ndone = true\ndone_at = 2024-03-20T09:15:00+07:00\ndone_by = \"y\""
            ),
            format!("{HEAD}[[directive]]\nid = \"a\"\ndone = false"),
        ),
        (
            "every other line ending of a mixed file",
            format!(
                "{HEAD}[[directive]]\r\nid = \"a\"\r\ndone = true\r\ndone_at = 2024-03-20T09:15:00+07:00\ndone_by = \"y\"\r\ntext = \"t\"\n"
            ),
            format!("{HEAD}[[directive]]\r\nid = \"a\"\r\ndone = false\r\ntext = \"t\"\n"),
        ),
        (
            "comments written on the stamp lines",
            format!(
                "{HEAD}[[directive]]\nid = \"a\"\ndone = true\n  done_at = 2024-03-20T09:15:00+07:00 # giờ họp\ndone_by = \"y\"  # thư ký\r\n"
            ),
            format!("{HEAD}[[directive]]\nid = \"a\"\ndone = false\n  # giờ họp\n# thư ký\r\n"),
        ),
    ];
    for (what, text, expected) in cases {
        assert_eq!(undo(&text), expected, "{what}");
    }
}

#[test]
fn a_done_that_is_not_a_boolean_is_refused() {
    let text = format!("{HEAD}[[directive]]\nid = \"a\"\ndone = \"yes\"\n");
    let err = apply(&text, "a", &Change::Undone).expect_err("not a boolean");
    assert!(matches!(err, WriteError::FileInvalid { .. }), "{err:?}");
    assert!(err.to_string().starts_with("7:8:"), "{err}");
}

#[test]
fn done_then_undo_is_exact_at_the_end_of_a_file_without_final_newline() {
    let text = format!("{HEAD}[[directive]]\r\nid = \"a\"\r\ndone = false");
    let at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").expect("date");
    let done = apply(&text, "a", &Change::Done { at, by: "y".into() })
        .expect("done")
        .0;
    assert_eq!(undo(&done), text);
}

#[test]
fn strip_removes_every_stamp_of_every_directive_and_nothing_else() {
    let text = format!(
        "{HEAD}[[directive]]\r\nid = \"a\"\r\ndone = true # ok\r\ndone_at = 2024-03-20T09:15:00+07:00\r\ndone_by = \"y\"\r\n\n[[district]]\nid = \"d\"\nname = \"D\"\ndirective = [{{ done = false, id = \"b\", text = \"t\", done_by = \"z\" }}]\n"
    );
    assert_eq!(
        strip(&text).expect("strip"),
        format!(
            "{HEAD}[[directive]]\r\nid = \"a\"\r\n# ok\r\n\n[[district]]\nid = \"d\"\nname = \"D\"\ndirective = [{{ id = \"b\", text = \"t\" }}]\n"
        )
    );
    let plain = format!("{HEAD}[[directive]]\nid = \"a\"\n");
    assert_eq!(strip(&plain).expect("strip"), plain);
}

/// `text` after `change` on directive `a`, then restored to the keys it had: the bytes.
fn round_trip(text: &str, change: &Change) -> String {
    let before = stamps(text, "a").expect("stamps");
    let (changed, _) = apply(text, "a", change).expect("change");
    assert_ne!(changed, text, "the change changed something");
    apply(&changed, "a", &Change::Restore(before))
        .expect("restore")
        .0
}

fn checked_off() -> Change {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:15:00+07:00").expect("date");
    Change::Done {
        at,
        by: "thu.ky".into(),
    }
}

#[test]
fn restore_gives_back_the_bytes_before_a_check_off() {
    let texts = [
        format!(
            "{HEAD}[[directive]]\nid = \"a\"\ntext = \"t\"\n\n# next\n[[directive]]\nid = \"b\"\n"
        ),
        format!("{HEAD}[[directive]]\r\nid = \"a\"\r\ndone = false # not yet\r\ntext = \"t\""),
        format!("directive = [{{ id = \"a\", text = \"t\" }}]\n{HEAD}"),
        format!("{HEAD}[[directive]]\n  id = \"a\"\n  done_by = \"old\"\n"),
    ];
    for text in texts {
        assert_eq!(round_trip(&text, &checked_off()), text);
    }
}

#[test]
fn restore_gives_back_the_bytes_before_an_un_check() {
    let texts = [
        format!(
            "{HEAD}[[directive]]\nid = \"a\"\ndone = true\ndone_at = 2024-03-20T09:15:00+07:00\ndone_by = \"lan\"\ntext = \"t\"\n"
        ),
        format!(
            "{HEAD}[[directive]]\nid = \"a\"\ndone = true\ndone_at = 2024-03-20 09:15:00.5+07:00\ndone_by = 'lan'\n"
        ),
        format!(
            "directive = [{{ id = \"a\", done = true, done_at = 2024-03-20T09:15:00Z, done_by = \"lan\" }}]\n{HEAD}"
        ),
    ];
    for text in texts {
        assert_eq!(round_trip(&text, &Change::Undone), text);
    }
}

#[test]
fn stamps_are_the_values_as_written() {
    let text = format!("{HEAD}[[directive]]\nid = \"a\"\ndone = true\ndone_by = 'lan'\n");
    assert_eq!(
        stamps(&text, "a").expect("stamps"),
        Stamps {
            done: Some("true".into()),
            done_at: None,
            done_by: Some("'lan'".into()),
        }
    );
}

#[test]
fn a_restore_writes_one_value_per_key_and_nothing_else() {
    let text = format!("{HEAD}[[directive]]\nid = \"a\"\n");
    for bad in [
        Stamps {
            done_by: Some("\"x\"\nnote = \"y\"".into()),
            ..Stamps::default()
        },
        Stamps {
            done: Some("\"yes\"".into()),
            ..Stamps::default()
        },
        Stamps {
            done_at: Some("true".into()),
            ..Stamps::default()
        },
    ] {
        let err = apply(&text, "a", &Change::Restore(bad.clone()));
        assert!(err.is_err(), "{bad:?} was written");
    }
}

#[test]
fn lines_end_with_the_line_break_of_their_own_line() {
    assert_eq!(line_end("a\r\nb\nc", 0), (1, "\r\n"));
    assert_eq!(line_end("a\r\nb\nc", 3), (4, "\n"));
    assert_eq!(line_end("a\r\nb\nc", 5), (6, "\r\n"));
    assert_eq!(line_end("abc", 1), (3, "\n"));
}
