//! Reading version 3's progress logs: each mistake an error at its place with what to write
//! (a state word suggests the state it means), checked against an injected now; reading leaves
//! every file as it was.

mod common;

use briefing::api::model::Lang;
use briefing::api::store::{Diagnostic, parse_file_at};
use chrono::DateTime;

const HEAD: &str = "version = 3\n[session]\ntitle = \"Giao ban\"\ndate = 2024-03-13\n\n[[directive]]\nid = \"a\"\ntext = \"x\"\n\n[[directive.progress]]\n";

fn errors(entry: &str, lang: Lang) -> Vec<String> {
    let text = format!("{HEAD}{entry}");
    let now = DateTime::parse_from_rfc3339("2024-04-02T09:15:00+07:00").expect("now");
    let report = parse_file_at(text.as_bytes(), "s.toml", "s", Some(now));
    report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d: &Diagnostic| d.line(lang))
        .collect()
}

#[test]
fn an_unknown_state_suggests_the_state_its_word_means() {
    let cases = [
        ("hoàn thành", "done"),
        ("xong", "done"),
        ("finished", "done"),
        ("đang", "doing"),
        ("in progress", "doing"),
        ("vướng", "blocked"),
        ("dừng", "dropped"),
        ("hủy", "dropped"),
        ("cancelled", "dropped"),
        ("chưa", "open"),
    ];
    for (word, state) in cases {
        let said = errors(
            &format!("at = 2024-04-01T08:00:00+07:00\nby = \"lan\"\nstate = \"{word}\"\n"),
            Lang::En,
        );
        assert_eq!(said.len(), 1, "{word}: {said:?}");
        assert!(said[0].starts_with("s.toml:13:9: "), "{}", said[0]);
        assert!(
            said[0].contains(&format!("did you mean `{state}`")),
            "{word}: {}",
            said[0]
        );
    }
    let vi = errors(
        "at = 2024-04-01T08:00:00+07:00\nby = \"lan\"\nstate = \"xong\"\n",
        Lang::Vi,
    );
    assert!(vi[0].contains("có phải ý bạn là `done`"), "{}", vi[0]);
}

#[test]
fn percent_future_time_missing_person_and_control_characters_are_errors_at_their_place() {
    let cases = [
        (
            "at = 2024-04-01T08:00:00+07:00\nby = \"lan\"\npercent = 140\n",
            "s.toml:13:11: ",
            "from 0 to 100",
        ),
        (
            "at = 2024-04-02T09:16:01+07:00\nby = \"lan\"\nnote = \"x\"\n",
            "s.toml:11:6: ",
            "later than now (2024-04-02T09:15:00+07:00)",
        ),
        (
            "at = 2024-04-01T08:00:00+07:00\nnote = \"x\"\n",
            "s.toml:",
            "`by`",
        ),
        (
            "at = 2024-04-01T08:00:00+07:00\nby = \"lan\"\nnote = \"hai\\ndòng\"\n",
            "s.toml:13:8: ",
            "control character",
        ),
    ];
    for (entry, place, what) in cases {
        let said = errors(entry, Lang::En);
        assert_eq!(said.len(), 1, "{entry}: {said:?}");
        assert!(said[0].starts_with(place), "{}", said[0]);
        assert!(said[0].contains(what), "{}", said[0]);
        assert_ne!(errors(entry, Lang::Vi), said, "not translated: {entry}");
    }
    let within_a_minute = "at = 2024-04-02T09:16:00+07:00\nby = \"lan\"\nnote = \"x\"\n";
    assert!(errors(within_a_minute, Lang::En).is_empty());
}

#[test]
fn reading_and_checking_leave_v1_and_v2_files_byte_identical() {
    let dir = common::sample_folder();
    let files: Vec<_> = ["2024/2024-03-13-hai-ha-dam-ha.toml"]
        .iter()
        .map(|f| dir.path().join(f))
        .collect();
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).expect("read"))
        .collect();
    let catalog = briefing::api::store::load_dir(dir.path()).expect("load");
    assert!(!catalog.sessions.is_empty());
    let o = common::run(dir.path(), "en", &["check"]);
    common::succeeded(&o);
    let o = common::run(dir.path(), "en", &["show", "2024-03-13-hai-ha-dam-ha"]);
    common::succeeded(&o);
    for (f, b) in files.iter().zip(before) {
        assert_eq!(std::fs::read(f).expect("read"), b, "{}", f.display());
    }
}
