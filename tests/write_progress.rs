//! Progress entries in the file (format version 3, issue 25): an entry appended changes nothing
//! else, its undo gives the file back byte for byte; check-offs in a version 3 file are
//! entries, in a version 1 or 2 file the `done` fields as before.

mod common;

use briefing::api::model::{Entry, State};
use briefing::api::store::write::{
    Appended, Change, Outcome, VersionBefore, WriteOptions, Writer, edited,
};
use chrono::DateTime;

const HEAD: &str = "[session]\ntitle = \"Giao ban\"\ndate = 2024-03-13\n";

fn entry(state: Option<State>, note: Option<&str>, percent: Option<u8>) -> Entry {
    Entry {
        at: DateTime::parse_from_rfc3339("2024-04-02T09:15:00+07:00").expect("time"),
        by: "lan".into(),
        state,
        note: note.map(Into::into),
        percent,
    }
}

fn doing() -> Entry {
    entry(
        Some(State::Doing),
        Some("Đã khởi công 2 công trình \"nước sạch\""),
        Some(40),
    )
}

/// `text` with `change` made on directive `id` as a write makes it (edit and validation).
fn edit(text: &str, id: &str, change: &Change) -> (String, Outcome, Option<Change>) {
    let e = edited(text.as_bytes(), "s.toml", "s", id, change).expect("edit");
    (e.text, e.outcome, e.undo)
}

/// Appends `entry` to `id`, checks the result is `expected`, then undoes it and checks the
/// bytes are back.
fn append_and_undo(text: &str, id: &str, entry: &Entry, expected: &str) {
    let (appended, outcome, undo) = edit(text, id, &Change::Progress(entry.clone()));
    assert_eq!(outcome, Outcome::Changed);
    assert_eq!(appended, expected, "appended");
    let undo = undo.expect("an undo");
    assert!(matches!(undo, Change::Withdraw(_)), "{undo:?}");
    let (back, outcome, _) = edit(&appended, id, &undo);
    assert_eq!(outcome, Outcome::Changed);
    assert_eq!(back, text, "undone");
}

const ENTRY_LINES: &str = "[[directive.progress]]\nat = 2024-04-02T09:15:00+07:00\nby = \"lan\"\nstate = \"doing\"\nnote = \"Đã khởi công 2 công trình \\\"nước sạch\\\"\"\npercent = 40";

#[test]
fn a_v1_file_without_a_version_line_gets_one_and_the_entry_after_its_directive() {
    let text = format!(
        "# Biên bản\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n\n# next\n[[directive]]\nid = \"b\"\ntext = \"y\"\n"
    );
    let expected = format!(
        "# Biên bản\nversion = 3\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n\n{ENTRY_LINES}\n\n# next\n[[directive]]\nid = \"b\"\ntext = \"y\"\n"
    );
    append_and_undo(&text, "a", &doing(), &expected);
}

#[test]
fn a_v2_file_says_version_3_and_only_that_line_changes() {
    let text =
        format!("version = 2 # định dạng\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n");
    let expected = format!(
        "version = 3 # định dạng\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n\n{ENTRY_LINES}\n"
    );
    append_and_undo(&text, "a", &doing(), &expected);
}

#[test]
fn a_v3_file_gets_the_entry_after_the_directive_s_last_entry() {
    let first = "[[directive.progress]]\nat = 2024-04-01T08:00:00+07:00\nby = \"minh\"\nstate = \"open\" # chưa\n";
    let text = format!(
        "version = 3\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n\n{first}\n[[directive]]\nid = \"b\"\ntext = \"y\"\n"
    );
    let expected = format!(
        "version = 3\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n\n{first}\n{ENTRY_LINES}\n\n[[directive]]\nid = \"b\"\ntext = \"y\"\n"
    );
    append_and_undo(&text, "a", &doing(), &expected);
}

#[test]
fn a_locality_s_directive_gets_a_locality_entry() {
    let text = format!(
        "version = 2\n{HEAD}\n[[locality]]\nid = \"hh\"\nname = \"Hải Hà\"\n\n[[locality.directive]]\nid = \"a\"\ntext = \"x\"\n\n[[locality]]\nid = \"dh\"\nname = \"Đầm Hà\"\n"
    );
    let expected = format!(
        "version = 3\n{HEAD}\n[[locality]]\nid = \"hh\"\nname = \"Hải Hà\"\n\n[[locality.directive]]\nid = \"a\"\ntext = \"x\"\n\n[[locality.directive.progress]]\nat = 2024-04-02T09:15:00+07:00\nby = \"lan\"\nnote = \"ghi chú\"\n\n[[locality]]\nid = \"dh\"\nname = \"Đầm Hà\"\n"
    );
    append_and_undo(&text, "a", &entry(None, Some("ghi chú"), None), &expected);
}

#[test]
fn crlf_files_and_files_without_a_final_newline_keep_their_endings() {
    let head = HEAD.replace('\n', "\r\n");
    let text = format!("version = 3\r\n{head}\r\n[[directive]]\r\nid = \"a\"\r\ntext = \"x\"");
    let expected = format!(
        "version = 3\r\n{head}\r\n[[directive]]\r\nid = \"a\"\r\ntext = \"x\"\r\n\r\n[[directive.progress]]\r\nat = 2024-04-02T09:15:00+07:00\r\nby = \"lan\"\r\npercent = 100"
    );
    append_and_undo(&text, "a", &entry(None, None, Some(100)), &expected);
    let plain = format!("{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"");
    let (appended, _, undo) = edit(&plain, "a", &Change::Progress(doing()));
    assert!(appended.ends_with("percent = 40"), "{appended}");
    let (back, _, _) = edit(&appended, "a", &undo.expect("undo"));
    assert_eq!(back, plain);
}

#[test]
fn a_note_is_nfc_and_escaped_and_its_undo_still_finds_it() {
    let text = format!("version = 3\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n");
    let decomposed = "Nguye\u{302}\u{303}n\\ta";
    let (appended, _, undo) = edit(
        &text,
        "a",
        &Change::Progress(entry(None, Some(decomposed), None)),
    );
    assert!(appended.contains("note = \"Nguyễn\\\\ta\"\n"), "{appended}");
    let (back, _, _) = edit(&appended, "a", &undo.expect("undo"));
    assert_eq!(back, text);
}

#[test]
fn undo_leaves_version_3_when_another_log_remains() {
    let text = format!(
        "version = 2\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n\n[[directive]]\nid = \"b\"\ntext = \"y\"\n"
    );
    let (one, _, undo_a) = edit(&text, "a", &Change::Progress(doing()));
    let (two, _, _) = edit(&one, "b", &Change::Progress(doing()));
    let (back, _, _) = edit(&two, "a", &undo_a.expect("undo"));
    assert!(back.starts_with("version = 3\n"), "{back}");
    assert!(!back.contains("id = \"a\"\ntext = \"x\"\n\n[[directive.progress]]"));
    assert_eq!(back.matches("[[directive.progress]]").count(), 1);
}

#[test]
fn an_undo_of_an_entry_no_longer_there_writes_nothing() {
    let text = format!("version = 3\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n");
    let gone = Change::Withdraw(Appended {
        entry: doing(),
        version: VersionBefore::Kept,
    });
    let (same, outcome, _) = edit(&text, "a", &gone);
    assert_eq!(outcome, Outcome::AlreadySo);
    assert_eq!(same, text);
}

#[test]
fn inline_directives_and_inline_logs_are_refused_with_what_to_do() {
    let inline = format!("directive = [{{ id = \"a\", text = \"x\" }}]\n{HEAD}");
    let log = format!(
        "version = 3\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\nprogress = [{{ at = 2024-04-01T08:00:00+07:00, by = \"minh\" }}]\n"
    );
    for text in [inline, log] {
        let err = edited(
            text.as_bytes(),
            "s.toml",
            "s",
            "a",
            &Change::Progress(doing()),
        )
        .expect_err("inline");
        let said = err.to_string();
        assert!(said.starts_with("s.toml:"), "{said}");
        assert!(said.contains("[[directive.progress]]"), "{said}");
        let vi = err.message(briefing::api::model::Lang::Vi);
        assert!(vi.contains("được viết thành bảng trên một dòng"), "{vi}");
    }
}

fn at(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn check_off() -> Change {
    Change::Done {
        at: at("2024-04-03T10:00:00+07:00"),
        by: "lan".into(),
    }
}

fn un_check() -> Change {
    Change::Reopened {
        at: at("2024-04-03T11:00:00+07:00"),
        by: "minh".into(),
    }
}

#[test]
fn in_a_v3_file_check_off_and_un_check_are_entries() {
    let text = format!("version = 3\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n");
    let (done, outcome, undo) = edit(&text, "a", &check_off());
    assert_eq!(outcome, Outcome::Changed);
    assert_eq!(
        done,
        format!(
            "{text}\n[[directive.progress]]\nat = 2024-04-03T10:00:00+07:00\nby = \"lan\"\nstate = \"done\"\n"
        )
    );
    let (again, outcome, _) = edit(&done, "a", &check_off());
    assert_eq!(
        (again.as_str(), outcome),
        (done.as_str(), Outcome::AlreadySo)
    );
    let (open, outcome, _) = edit(&done, "a", &un_check());
    assert_eq!(outcome, Outcome::Changed);
    assert!(
        open.ends_with("state = \"done\"\n\n[[directive.progress]]\nat = 2024-04-03T11:00:00+07:00\nby = \"minh\"\nstate = \"open\"\n"),
        "{open}"
    );
    let (same, outcome, _) = edit(&text, "a", &un_check());
    assert_eq!(
        (same.as_str(), outcome),
        (text.as_str(), Outcome::AlreadySo)
    );
    let (back, _, _) = edit(&done, "a", &undo.expect("undo"));
    assert_eq!(back, text);
}

#[test]
fn a_v3_check_off_of_a_directive_done_the_old_way_writes_nothing() {
    let text =
        format!("version = 3\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\ndone = true\n");
    let (_, outcome, _) = edit(&text, "a", &check_off());
    assert_eq!(outcome, Outcome::AlreadySo);
    let (open, _, _) = edit(&text, "a", &un_check());
    assert!(open.ends_with("state = \"open\"\n"), "{open}");
}

#[test]
fn v1_and_v2_check_offs_keep_the_done_fields_byte_for_byte() {
    for version in ["", "version = 1\n", "version = 2\n"] {
        let text = format!("{version}{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n");
        let (done, _, undo) = edit(&text, "a", &check_off());
        assert_eq!(
            done,
            format!("{text}done = true\ndone_at = 2024-04-03T10:00:00+07:00\ndone_by = \"lan\"\n")
        );
        assert!(matches!(undo, Some(Change::Restore(_))), "{undo:?}");
        let (open, _, _) = edit(&done, "a", &un_check());
        assert_eq!(open, format!("{text}done = false\n"));
        let (back, _, _) = edit(&done, "a", &undo.expect("undo"));
        assert_eq!(back, text);
    }
}

#[test]
fn the_writer_appends_and_withdraws_on_a_real_file() {
    let text = format!("version = 2\n{HEAD}\n[[directive]]\nid = \"a\"\ntext = \"x\"\n");
    let (dir, file) = common::folder_with(text.as_bytes());
    let writer = Writer::new(WriteOptions::default());
    let key = briefing::api::model::DirectiveKey {
        session: "2024/s".into(),
        directive: "a".into(),
    };
    let written = writer
        .write(
            dir.path(),
            &key.session,
            &key.directive,
            &Change::Progress(doing()),
        )
        .expect("append");
    assert_eq!(written.outcome, Outcome::Changed);
    let after = std::fs::read_to_string(&file).expect("read");
    assert!(after.starts_with("version = 3\n"), "{after}");
    let Some(Change::Withdraw(appended)) = written.undo else {
        panic!("{:?}", written.undo);
    };
    assert_eq!(appended.version, VersionBefore::Was("2".into()));
    let undone = writer
        .write(
            dir.path(),
            &key.session,
            &key.directive,
            &Change::Withdraw(appended),
        )
        .expect("withdraw");
    assert_eq!(undone.outcome, Outcome::Changed);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
}

#[test]
fn a_locality_s_directive_with_entries_in_a_crlf_file_gets_the_next_after_them() {
    let head = HEAD.replace('\n', "\r\n");
    let first = "[[locality.directive.progress]]\r\nat = 2024-04-01T08:00:00+07:00\r\nby = \"minh\"\r\nstate = \"blocked\"";
    let text = format!(
        "version = 3\r\n{head}\r\n[[locality]]\r\nid = \"hh\"\r\nname = \"Hải Hà\"\r\n\r\n[[locality.directive]]\r\nid = \"a\"\r\ntext = \"x\"\r\n\r\n{first}\r\n\r\n[[locality.directive]]\r\nid = \"b\"\r\ntext = \"y\"\r\n"
    );
    let expected = format!(
        "version = 3\r\n{head}\r\n[[locality]]\r\nid = \"hh\"\r\nname = \"Hải Hà\"\r\n\r\n[[locality.directive]]\r\nid = \"a\"\r\ntext = \"x\"\r\n\r\n{first}\r\n\r\n[[locality.directive.progress]]\r\nat = 2024-04-02T09:15:00+07:00\r\nby = \"lan\"\r\nstate = \"done\"\r\n\r\n[[locality.directive]]\r\nid = \"b\"\r\ntext = \"y\"\r\n"
    );
    append_and_undo(&text, "a", &entry(Some(State::Done), None, None), &expected);
}
