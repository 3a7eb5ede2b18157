//! The real binary: `check` and `list` exit codes and output.

mod common;

use std::path::Path;
use std::process::Output;

use common::{clean, stdout_of, succeeded};

/// The binary with no environment (so no folder variable, locale or config) in the project's
/// folder.
fn briefing(args: &[&str]) -> Output {
    clean().args(args).output().expect("run briefing")
}

#[test]
fn check_passes_on_the_sample() {
    let o = briefing(&["check", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout_of(&o));
    assert!(stdout_of(&o).contains("2 files checked: 2 sessions loaded, 0 errors, 0 warnings"));
}

#[test]
fn check_names_every_broken_file_and_exits_1() {
    let o = briefing(&["check", "--dir", "tests/fixtures/bad", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout_of(&o);
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad"))
        .expect("dir")
    {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            out.contains(&format!("tests/fixtures/bad/{name}:")),
            "{name} missing from:\n{out}"
        );
    }
    assert!(
        out.contains("tests/fixtures/bad/version.toml:1:11: error: unsupported format version 4")
    );
    assert!(
        !out.contains(" | "),
        "no caret lines when stdout is not a terminal"
    );
}

#[test]
fn check_exits_0_with_warnings_only() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(
        tmp.path().join("a.toml"),
        "[session]\ntitel = \"x\"\ntitle = \"T\"\ndate = 2024-01-02\n",
    )
    .expect("write");
    let dir = tmp.path().to_string_lossy().into_owned();
    let o = briefing(&["check", "--dir", &dir, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout_of(&o).contains(
            "a.toml:2:1: warning: unknown key `titel` in [session]; did you mean `title`?"
        )
    );
    assert!(
        stdout_of(&o).contains("1 file checked: 1 session loaded, 0 errors, 1 warning"),
        "{}",
        stdout_of(&o)
    );
}

/// `[[localities]]` would put a ward's directives under the commune before it: `check` fails.
#[test]
fn check_fails_on_a_plural_locality_table() {
    let tmp = tempfile::tempdir().expect("tmp");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/slips/localities-plural.toml");
    std::fs::copy(fixture, tmp.path().join("a.toml")).expect("copy");
    let dir = tmp.path().to_string_lossy().into_owned();
    let o = briefing(&["check", "--dir", &dir, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout_of(&o));
    assert!(
        stdout_of(&o).contains("a.toml:11:3: error: there is no table `[[localities]]`"),
        "{}",
        stdout_of(&o)
    );
}

#[test]
fn check_on_a_missing_folder_exits_2() {
    let o = briefing(&["check", "--dir", "no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not exist"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(briefing(&["check", "--bogus"]).status.code(), Some(2));
    assert_eq!(
        briefing(&["list", "--today", "13/03/2024"]).status.code(),
        Some(2)
    );
}

#[test]
fn dir_comes_from_the_environment_when_no_flag() {
    let o = clean()
        .args(["check", "--lang", "en"])
        .env("BRIEFING_DIR", "tests/fixtures/bad")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn list_is_newest_first_with_progress() {
    let tmp = tempfile::tempdir().expect("tmp");
    let write = |name: &str, date: &str, extra: &str| {
        std::fs::write(
            tmp.path().join(name),
            format!("[session]\ntitle = \"Phiên {name}\"\ndate = {date}\n{extra}"),
        )
        .expect("write");
    };
    write("old.toml", "2023-05-01", "");
    write(
        "new.toml",
        "2024-06-01T08:00:00",
        "\n[[directive]]\nid = \"a\"\ntext = \"x\"\ndone = true\n\n[[directive]]\nid = \"b\"\ntext = \"y\"\ndue = 2024-06-10\n",
    );
    write("mid.toml", "2024-01-01", "");
    let dir = tmp.path().to_string_lossy().into_owned();
    let o = briefing(&[
        "list",
        "--dir",
        &dir,
        "--lang",
        "en",
        "--today",
        "2024-07-01",
    ]);
    let out = succeeded(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0].starts_with("01/06/2024  new  Phiên new.toml  0 localities  1/2 done, 1 overdue"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("01/01/2024  mid "));
    assert!(lines[2].starts_with("01/05/2023  old "));
}

/// Problems are listed by file, line and column, whatever order the checks found them in.
#[test]
fn check_lists_problems_in_line_order() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(
        tmp.path().join("a.toml"),
        "[session]\ntitel = \"x\"\ntitle = \"T\"\ndate = 2024-01-02\n\n[[district]]\nname = \"A\"\n\n\
         [[district.directive]]\nid = \"x\"\ntext = \"y\"\ndue = \"30/06/2024\"\ndonee = true\n",
    )
    .expect("write");
    std::fs::write(tmp.path().join("b.toml"), "[session]\ntitel = \"x\"\n").expect("write");
    let dir = tmp.path().to_string_lossy().into_owned();
    let o = briefing(&["check", "--dir", &dir, "--lang", "en"]);
    let out = stdout_of(&o);
    let places: Vec<(String, usize, usize)> = (out.lines())
        .filter(|l| l.contains(".toml:"))
        .map(|l| {
            let (file, rest) = l.split_once(".toml:").expect("a place");
            let mut numbers = rest.split(':').map(|n| n.parse::<usize>().unwrap_or(0));
            let line = numbers.next().unwrap_or(0);
            (file.to_string(), line, numbers.next().unwrap_or(0))
        })
        .collect();
    assert!(places.len() >= 4, "{out}");
    assert!(
        out.contains("2 files checked: 0 sessions loaded, 3 errors, 3 warnings"),
        "{out}"
    );
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted, "{out}");
    assert!(out.contains("a.toml:12:7: error"), "{out}");
}

/// Dates known only to the month or the year line up with full dates, and one locality is
/// said in the singular, in both languages.
#[test]
fn list_aligns_partial_dates_and_counts_localities_in_words() {
    let tmp = tempfile::tempdir().expect("tmp");
    let write = |name: &str, date: &str, localities: usize| {
        let mut text = format!("[session]\ntitle = \"Phiên {name}\"\ndate = {date}\n");
        for i in 0..localities {
            text.push_str(&format!("\n[[district]]\nname = \"Xã {i}\"\n"));
        }
        std::fs::write(tmp.path().join(name), text).expect("write");
    };
    write("day.toml", "2024-06-01", 1);
    write("month.toml", "\"2023-01\"", 2);
    write("year.toml", "\"2022\"", 0);
    let dir = tmp.path().to_string_lossy().into_owned();
    for (lang, one, two) in [
        ("en", "  1 locality  ", "  2 localities  "),
        ("vi", "  1 địa phương  ", "  2 địa phương  "),
    ] {
        let o = briefing(&[
            "list",
            "--dir",
            &dir,
            "--lang",
            lang,
            "--today",
            "2024-07-01",
        ]);
        let out = stdout_of(&o);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        let id_column: Vec<usize> = (lines.iter())
            .map(|l| {
                let at = l
                    .find("day ")
                    .or_else(|| l.find("month "))
                    .or_else(|| l.find("year "));
                l[..at.expect("the id")].chars().count()
            })
            .collect();
        assert!(id_column.iter().all(|&c| c == id_column[0]), "{out}");
        assert!(lines[0].contains(one), "{out}");
        assert!(lines[1].contains(two), "{out}");
        assert!(lines[1].starts_with("01/2023 "), "{out}");
    }
}

/// A `"""` or `'''` string left open is reported where it opens, not at the end of the file
/// the parser reached reading everything after it into the string.
#[test]
fn an_unclosed_multiline_string_is_reported_where_it_opens() {
    for quotes in ["\"\"\"", "'''"] {
        let tmp = tempfile::tempdir().expect("tmp");
        std::fs::write(
            tmp.path().join("a.toml"),
            format!(
                "# a comment with \"\"\" and '''\n[session]\ntitle = \"T\"\ndate = 2024-01-02\n\
                 summary = {quotes}\nMột \"đoạn\" 'x'\n\n[[district]]\nname = \"A\"\n\n\
                 [[district.directive]]\nid = \"x\"\ntext = \"y\"\n"
            ),
        )
        .expect("write");
        let dir = tmp.path().to_string_lossy().into_owned();
        let o = briefing(&["check", "--dir", &dir, "--lang", "en"]);
        let out = stdout_of(&o);
        assert_eq!(o.status.code(), Some(1), "{out}");
        assert!(
            out.contains(&format!(
                "a.toml:5:11: error: this {quotes} string is never closed"
            )),
            "{out}"
        );
    }
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(
        tmp.path().join("a.toml"),
        "[session]\ntitle = \"T\"\ndate = 2024-01-02\nsummary = \"\"\"\nclosed \"\"\"\nx = = 1\n",
    )
    .expect("write");
    let dir = tmp.path().to_string_lossy().into_owned();
    let out = stdout_of(&briefing(&["check", "--dir", &dir, "--lang", "en"]));
    assert!(
        out.contains("a.toml:6:") && out.contains("invalid TOML"),
        "a closed string leaves the error where it is: {out}"
    );
}
