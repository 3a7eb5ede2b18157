//! What a hostile folder's names and values do to printed output: one line per item in
//! line-oriented outputs (names with newlines shown escaped), and Markdown that stays inert
//! when rendered.

use std::path::Path;
use std::process::{Command, Output};

const SAMPLE: &str = "briefings/2024/2024-03-13-hai-ha-dam-ha.toml";

fn sample() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    std::fs::read_to_string(path).expect("sample")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args([
            "--lang",
            "en",
            "--today",
            "2024-03-20",
            "--config",
            "/dev/null",
        ])
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env_remove("BRIEFING_DIR")
        .output()
        .expect("run briefing")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A folder with a good session and a broken file, both named with a newline that would
/// start a fake line, and a tab and a line separator.
fn folder_of_newlines() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let year = dir.path().join("2024");
    std::fs::create_dir(&year).expect("mkdir");
    let good = year.join("2024-03-13-a\nSigned-off-by: x\t\u{2028}y.toml");
    std::fs::write(good, sample()).expect("write");
    let broken = year.join("2024-03-14-b\n- fake.toml");
    std::fs::write(broken, "title = \"x\"\n[broken\n").expect("write");
    dir
}

#[test]
fn check_gives_each_problem_one_line() {
    let dir = folder_of_newlines();
    let out = run(dir.path(), &["check"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("2024-03-14-b\\n- fake.toml:2:"), "{text}");
    assert!(lines[1].starts_with("2 files checked"), "{text}");
}

#[test]
fn list_gives_each_session_one_line() {
    let dir = folder_of_newlines();
    let mut text = sample().replacen(
        "title = \"",
        "title = \"Fake\\n13/03/2024  2024/other  \\u2028",
        1,
    );
    assert_ne!(text, sample(), "the sample has a title to change");
    text.push('\n');
    let file = dir
        .path()
        .join("2024/2024-03-13-a\nSigned-off-by: x\t\u{2028}y.toml");
    std::fs::write(file, text).expect("write");
    let out = run(dir.path(), &["list"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains("2024/2024-03-13-a\\nSigned-off-by: x\\t\\u{2028}y  Fake\\n13/03/2024"),
        "{text}"
    );
}

#[test]
fn done_names_the_session_on_one_line() {
    let dir = folder_of_newlines();
    let session = "2024/2024-03-13-a\nSigned-off-by: x\t\u{2028}y";
    let out = run(dir.path(), &["done", session, "hh-ma-tuy"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("a\\nSigned-off-by"), "{text}");
}
