//! Byte-exactness of undo: every other line keeps its own line ending, and a comment sharing a
//! line with a removed `done_at` / `done_by` is kept or the undo is refused (issue #8, "What must
//! hold" 6).

mod common;

use briefing::api::store::write::{Change, Outcome};
use chrono::DateTime;
use common::{done_state, read, read_text, run, stderr_of, write_file};

const HEAD: &str = "[session]\r\ntitle = \"Đầu cuối lẫn lộn\"\ndate = 2024-03-13\r\n\r\n";

fn done() -> Change {
    Change::Done {
        at: DateTime::parse_from_rfc3339("2026-11-28T10:15:00+07:00").expect("date"),
        by: "thu.ky".to_string(),
    }
}

fn undo(text: &str) -> String {
    let (out, outcome) = common::edited(text, "a", &Change::Undone).expect("undo");
    assert_eq!(outcome, Outcome::Changed);
    out
}

/// A checked-off directive `a` whose stamp lines end differently from their neighbours, and the
/// exact text undo must give (the stamp lines gone with their own endings, nothing else moved).
fn mixed_cases() -> Vec<(String, String)> {
    let tail = "\r\n[[directive]]\nid = \"b\"\r\ntext = \"y\"\n";
    vec![
        (
            format!(
                "{HEAD}[[directive]]\r\nid = \"a\"\r\ntext = \"x\"\r\ndone = true\r\ndone_at = 2024-03-20T09:15:00+07:00\ndone_by = \"y\"\nnote = \"sau\"\r\n{tail}"
            ),
            format!(
                "{HEAD}[[directive]]\r\nid = \"a\"\r\ntext = \"x\"\r\ndone = false\r\nnote = \"sau\"\r\n{tail}"
            ),
        ),
        (
            format!(
                "{HEAD}[[directive]]\nid = \"a\"\ntext = \"x\"\ndone = true\ndone_at = 2024-03-20T09:15:00+07:00\r\ndone_by = \"y\"\r\n{tail}"
            ),
            format!("{HEAD}[[directive]]\nid = \"a\"\ntext = \"x\"\ndone = false\n{tail}"),
        ),
        (
            format!(
                "{HEAD}[[directive]]\nid = \"a\"\r\ndone_at = 2024-03-20T09:15:00+07:00\ntext = \"x\"\r\ndone_by = \"y\"\ndone = true\r\n{tail}"
            ),
            format!("{HEAD}[[directive]]\nid = \"a\"\r\ntext = \"x\"\r\ndone = false\r\n{tail}"),
        ),
    ]
}

#[test]
fn undo_keeps_the_line_ending_of_every_other_line_in_a_mixed_file() {
    for (i, (checked, expected)) in mixed_cases().into_iter().enumerate() {
        assert_eq!(done_state(checked.as_bytes(), "a"), Some(true), "case {i}");
        assert_eq!(undo(&checked), expected, "case {i}");
    }
}

#[test]
fn done_then_undo_gives_back_the_exact_bytes_of_a_mixed_file() {
    let originals = [
        format!(
            "{HEAD}[[directive]]\r\nid = \"a\"\r\ntext = \"x\"\r\ndone = false\nnote = \"n\"\r\n"
        ),
        format!("{HEAD}[[directive]]\nid = \"a\"\ntext = \"x\"\r\ndone = false\r\n\n"),
        format!("{HEAD}[[directive]]\r\nid = \"a\"\ntext = \"x\"\r\ndone = false"),
    ];
    for (i, original) in originals.iter().enumerate() {
        let (checked, _) = common::edited(original, "a", &done()).expect("done");
        assert_eq!(undo(&checked), *original, "case {i}");
    }
}

/// Lines of `text` other than those of the check-off keys and those holding `comments`.
fn other_lines<'t>(text: &'t str, comments: &[&str]) -> Vec<&'t str> {
    text.split_inclusive('\n')
        .filter(|l| !l.trim_start().starts_with("done"))
        .filter(|l| !comments.iter().any(|c| l.contains(c)))
        .collect()
}

#[test]
fn undo_keeps_comments_on_the_removed_stamp_lines_or_refuses() {
    let comments = ["# gọi điện báo", "# thư ký ghi"];
    let checked = format!(
        "{HEAD}[[directive]]\nid = \"a\"\ntext = \"x\"\r\ndone = true\ndone_at = 2024-03-20T09:15:00+07:00 {}\r\ndone_by = \"y\"   {}\nnote = \"n\"\n",
        comments[0], comments[1]
    );
    let Ok((out, _)) = common::edited(&checked, "a", &Change::Undone) else {
        return; // a refusal leaves the file as it is
    };
    assert_eq!(done_state(out.as_bytes(), "a"), Some(false), "{out}");
    for c in comments {
        assert_eq!(
            out.matches(c).count(),
            1,
            "the comment `{c}` is kept:\n{out}"
        );
    }
    assert_eq!(
        other_lines(&out, &comments),
        other_lines(&checked, &comments)
    );
}

#[test]
fn cli_done_then_undo_round_trips_a_mixed_file_exactly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let w = dir.path();
    std::fs::create_dir(w.join("2024")).expect("mkdir");
    let file = w.join("2024/s.toml");
    let original = format!(
        "{HEAD}[[directive]]\r\nid = \"a\"\ntext = \"x\"\r\ndone = false\nnote = \"n\"\r\n\r\n[[directive]]\nid = \"b\"\ntext = \"y\"\n"
    );
    write_file(&file, original.as_bytes(), 0o644);
    for verb in ["done", "undo"] {
        let o = run(w, "en", &[verb, "2024/s", "a"]);
        assert!(o.status.success(), "{verb}: {}", stderr_of(&o));
    }
    assert_eq!(read_text(&file), original);
}

#[test]
fn cli_undo_of_hand_stamped_mixed_lines_removes_only_those_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let w = dir.path();
    std::fs::create_dir(w.join("2024")).expect("mkdir");
    let file = w.join("2024/s.toml");
    let (checked, expected) = mixed_cases().remove(0);
    write_file(&file, checked.as_bytes(), 0o644);
    let o = run(w, "en", &["undo", "2024/s", "a"]);
    common::succeeded(&o);
    assert_eq!(String::from_utf8_lossy(&read(&file)), expected);
}
