//! `check` and `done` judge a file alike: what `done` refuses, `check` reports as an error at the
//! same line and column (issue #8, "Messages": one parser and one set of rules for both).

mod common;

use std::path::Path;

use common::{file_state, run, stderr_of, stdout_of, write_file};

const BODY: &str = "[session]\ntitle = \"t\"\ndate = 2024-03-13\nx = {VALUE}\n\n[[directive]]\nid = \"a\"\ntext = \"x\"\n";

/// `line:column` of the first error `check` prints for `s.toml`.
fn first_check_error(stdout: &str) -> Option<String> {
    let line = stdout.lines().find(|l| l.contains(": error"))?;
    let after = &line[line.find("s.toml:")? + "s.toml:".len()..];
    let mut parts = after.splitn(3, ':');
    let (l, c) = (parts.next()?, parts.next()?);
    (l.parse::<usize>().is_ok() && c.parse::<usize>().is_ok()).then(|| format!("{l}:{c}"))
}

/// `check` fails naming the place on `line`; `done` refuses naming the same place and leaves the
/// file alone, in both languages.
fn assert_check_and_done_agree(bytes: &[u8], line: usize, what: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let w = dir.path();
    std::fs::create_dir(w.join("2024")).expect("mkdir");
    let file = w.join("2024/s.toml");
    write_file(&file, bytes, 0o644);
    let before = file_state(&file);

    let check = run(w, "en", &["check"]);
    assert_eq!(
        check.status.code(),
        Some(1),
        "{what}: check must fail: {}",
        stdout_of(&check)
    );
    let place = first_check_error(&stdout_of(&check))
        .unwrap_or_else(|| panic!("{what}: no error with a place: {}", stdout_of(&check)));
    assert!(
        place.starts_with(&format!("{line}:")),
        "{what}: on line {line}: {place}"
    );
    for lang in ["en", "vi"] {
        assert_done_refused_at(w, &file, &place, lang, what);
    }
    assert_eq!(file_state(&file), before, "{what}: the file is unchanged");
}

fn assert_done_refused_at(w: &Path, file: &Path, place: &str, lang: &str, what: &str) {
    let o = run(w, lang, &["done", "2024/s", "a"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{what} ({lang}): done must refuse; stdout: {} file:\n{}",
        stdout_of(&o),
        common::read_text(file)
    );
    assert!(
        stderr_of(&o).contains(&format!("s.toml:{place}")),
        "{what} ({lang}): done names the place check names ({place}): {}",
        stderr_of(&o)
    );
}

#[test]
fn an_overflowing_float_under_an_unknown_key_fails_check_and_done_alike() {
    let text = BODY.replace("{VALUE}", "1e999");
    assert_check_and_done_agree(text.as_bytes(), 4, "x = 1e999");
}

#[test]
fn a_hex_prefix_without_digits_under_an_unknown_key_fails_check_and_done_alike() {
    let text = BODY.replace("{VALUE}", "0x");
    assert_check_and_done_agree(text.as_bytes(), 4, "x = 0x");
}

#[test]
fn a_file_starting_with_two_byte_order_marks_fails_check_and_done_alike() {
    let text = BODY.replace("x = {VALUE}\n", "");
    let bytes = ["\u{feff}\u{feff}", text.as_str()].concat();
    assert_check_and_done_agree(bytes.as_bytes(), 1, "two BOMs");
}

/// The plain case, which already agreed before issue #8: a value missing after `=`.
#[test]
fn a_missing_value_fails_check_and_done_alike() {
    let text = BODY.replace("{VALUE}", "");
    assert_check_and_done_agree(text.as_bytes(), 4, "x = (nothing)");
}
