//! `briefing report` on the real binary: golden files in both languages and every format, the
//! session range, the numbers each format gives agreeing; and `show` on a version 3 session
//! (its directives' categories and latest notes).

mod common;

use std::process::{Command, Output};

use common::{clean, run_ok};

/// Three made-up sessions with a directive in every category on 2024-07-01 (each at its
/// boundary day), a session-wide directive that concerns two localities, one that concerns one.
const DIR: &str = "tests/fixtures/report";
const TODAY: &str = "2024-07-01";
const FORMATS: [&str; 5] = ["text", "markdown", "html", "csv", "json"];
/// The categories in column order, as JSON names them.
const CATEGORIES: [&str; 8] = [
    "done_on_time",
    "done_late",
    "doing_in_time",
    "doing_overdue",
    "not_started_in_time",
    "not_started_overdue",
    "blocked",
    "dropped",
];

/// The binary with a clean environment on the fixture folder, judged on `today`.
fn briefing_on(today: &str, args: &[&str]) -> Command {
    let mut c = clean();
    c.args(["--dir", DIR, "--today", today]).args(args);
    c
}

/// The binary on the fixture folder, judged on `TODAY`.
fn briefing(args: &[&str]) -> Output {
    briefing_on(TODAY, args).output().expect("run briefing")
}

/// What a run on `TODAY` that must succeed prints.
fn stdout(args: &[&str]) -> String {
    run_ok(&mut briefing_on(TODAY, args))
}

#[test]
fn report_golden_files_in_both_languages_and_every_format() {
    for lang in ["vi", "en"] {
        for format in FORMATS {
            let text = stdout(&["--lang", lang, "report", "--format", format]);
            insta::assert_snapshot!(format!("report_{lang}_{format}"), text);
        }
    }
}

#[test]
fn report_golden_files_by_assignee_and_by_session() {
    for by in ["assignee", "session"] {
        let text = stdout(&["--lang", "vi", "report", "--by", by]);
        insta::assert_snapshot!(format!("report_vi_text_by_{by}"), text);
    }
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout(&all)).expect("JSON")
}

/// The totals row of the JSON, in column order, with the total last.
fn json_total(doc: &serde_json::Value) -> Vec<u64> {
    let counts = &doc["total"];
    (CATEGORIES.iter().chain(&["total"]))
        .map(|c| counts[*c].as_u64().expect("a count"))
        .collect()
}

/// The last numbers of the line of `text` that starts with `label`.
fn numbers_after(text: &str, label: &str, sep: char) -> Vec<u64> {
    let line = (text.lines())
        .find(|l| l.trim_start_matches('\u{feff}').starts_with(label))
        .unwrap_or_else(|| panic!("no line {label}: {text}"));
    line.split(sep)
        .filter_map(|w| w.trim().parse().ok())
        .collect()
}

/// Each category on 2024-07-01, one directive at each boundary: the deadline's last day is
/// still within it, the day after is overdue, done on the last day is on time, the day after
/// late; a blocked or dropped directive is neither overdue nor done.
#[test]
fn each_category_at_its_boundary_day() {
    let doc = json(&[]);
    assert_eq!(json_total(&doc), [1, 2, 0, 2, 2, 1, 1, 1, 10]);
    let overdue: Vec<&str> = (doc["overdue"].as_array().expect("list").iter())
        .map(|d| d["directive"].as_str().expect("id"))
        .collect();
    assert_eq!(overdue, ["chung-dau-tu", "dh-cho", "dh-nuoc"]);
    let blocked = &doc["blocked"][0];
    assert_eq!(blocked["directive"], "dh-mat-bang");
    assert_eq!(
        blocked["note"]["text"],
        "Vướng mặt bằng, đề nghị tỉnh hỗ trợ"
    );
    // A day earlier the deadline of 30/06 is not past yet.
    let before = json_with_today("2024-06-30");
    assert_eq!(before["total"]["not_started_overdue"], 0);
    assert_eq!(before["total"]["doing_in_time"], 2);
}

fn json_with_today(today: &str) -> serde_json::Value {
    let out = run_ok(&mut briefing_on(today, &["report", "--format", "json"]));
    serde_json::from_str(&out).expect("JSON")
}

/// A session-wide directive counts in each locality it concerns; the totals row counts it once.
#[test]
fn a_shared_directive_counts_per_locality_and_once_in_the_total() {
    let doc = json(&[]);
    let rows = doc["rows"].as_array().expect("rows");
    let keys: Vec<&str> = rows
        .iter()
        .map(|r| r["key"].as_str().expect("key"))
        .collect();
    assert_eq!(keys, ["dam-ha", "hai-ha"]);
    let sum: u64 = rows
        .iter()
        .map(|r| r["counts"]["total"].as_u64().expect("n"))
        .sum();
    assert_eq!(sum, 11, "chung-dau-tu is in both rows");
    assert_eq!(doc["total"]["total"], 10, "and once in the total");
    for by in ["assignee", "session"] {
        let doc = json(&["--by", by]);
        let rows = doc["rows"].as_array().expect("rows");
        let sum: u64 = rows
            .iter()
            .map(|r| r["counts"]["total"].as_u64().expect("n"))
            .sum();
        assert_eq!(sum, 10, "{by}: every directive in one row");
    }
}

/// Text, CSV and JSON give the same totals (the TUI's view is checked in tests/tui/report.rs).
#[test]
fn text_csv_and_json_give_the_same_numbers() {
    for by in ["locality", "assignee", "session"] {
        let want = json_total(&json(&["--by", by]));
        let text = stdout(&["--lang", "en", "report", "--by", by]);
        assert_eq!(numbers_after(&text, "All", ' '), want, "text by {by}");
        let csv = stdout(&["--lang", "en", "report", "--by", by, "--format", "csv"]);
        assert_eq!(numbers_after(&csv, "All,", ','), want, "CSV by {by}");
        let md = stdout(&["--lang", "en", "report", "--by", by, "--format", "markdown"]);
        assert_eq!(
            numbers_after(&md, "| **All**", '|'),
            want,
            "Markdown by {by}"
        );
    }
}

/// `--from`/`--to` keep the sessions dated within them, both days included.
#[test]
fn the_range_keeps_the_sessions_within_it() {
    let doc = json(&["--from", "2024-03-13", "--to", "2024-05-20"]);
    assert_eq!(doc["sessions"], 2);
    assert_eq!(doc["total"]["total"], 9);
    let doc = json(&["--to", "2024-03-12"]);
    assert_eq!(doc["sessions"], 1);
    let doc = json(&["--from", "2025-01-01"]);
    assert_eq!(doc["sessions"], 0);
    let text = stdout(&["--lang", "vi", "report", "--from", "2025-01-01"]);
    assert!(text.contains("Không có buổi làm việc nào"), "{text}");
}

#[test]
fn a_reversed_range_is_refused_with_a_message_in_both_languages() {
    for (lang, words) in [("en", "is after --to"), ("vi", "sau --to")] {
        let out = briefing(&[
            "--lang",
            lang,
            "report",
            "--from",
            "2024-06-01",
            "--to",
            "2024-01-01",
        ]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words) && err.contains("01/06/2024"), "{err}");
    }
}

/// The CSV starts with a byte order mark, quotes what RFC 4180 says, and keeps Vietnamese.
#[test]
fn csv_is_utf8_with_a_bom_and_quoted_fields() {
    let csv = stdout(&["--lang", "vi", "report", "--format", "csv"]);
    assert!(csv.starts_with('\u{feff}'), "no BOM");
    assert!(csv.contains("Chưa thực hiện (quá hạn)"));
    assert!(
        csv.contains("\"Đã khởi công 2 công trình, \"\"ưu tiên\"\" nước sạch\""),
        "a comma and quotes are quoted: {csv}"
    );
}

/// The printable page asks for A4 landscape and escapes what the files say.
#[test]
fn html_is_a4_landscape_and_escaped() {
    let html = stdout(&["--lang", "vi", "report", "--format", "html"]);
    assert!(html.contains("@page { size: A4 landscape;"));
    assert!(html.contains("&quot;ưu tiên&quot;"), "{html}");
}

#[test]
fn show_gives_a_v3_directive_its_category_and_latest_note() {
    let session = "2024/2024-03-13-dam-ha-hai-ha";
    insta::assert_snapshot!(
        "show_v3_text_vi",
        stdout(&["--lang", "vi", "show", session])
    );
    insta::assert_snapshot!(
        "show_v3_markdown_en",
        stdout(&["--lang", "en", "show", session, "--format", "markdown"])
    );
    let doc: serde_json::Value =
        serde_json::from_str(&stdout(&["show", session, "--format", "json", "--handout"]))
            .expect("JSON");
    let d = &doc["session"]["directives"][0];
    assert_eq!(d["state"], "doing");
    assert_eq!(d["category"], "doing_overdue");
    assert_eq!(d["percent"], 40);
    assert_eq!(
        d["progress"][0]["by"],
        serde_json::Value::Null,
        "a handout has no logins"
    );
    let html = stdout(&["--lang", "vi", "show", session, "--format", "html"]);
    assert!(html.contains("badge state-blocked"), "{html}");
}

/// What the files say reaches the terminal made safe (a bidi override written `\u{202E}`, no
/// escape byte), and HTML escaped (a note may hold no control character at all: the validator
/// refuses it, so the text of the directive carries them here).
#[test]
fn notes_are_terminal_safe_and_html_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("s.toml"),
        "version = 3\n[session]\ntitle = \"T\"\ndate = 2024-03-13\n\n[[directive]]\nid = \"a\"\n\
         text = \"<b>Việc</b> \\u001b[31mđỏ\\u202e\"\ndue = 2024-01-01\n\n\
         [[directive.progress]]\nat = 2024-02-01T09:00:00+07:00\nby = \"lan\"\n\
         state = \"blocked\"\nnote = \"vướng\"\n",
    )
    .expect("write");
    let run = |format: &str| {
        run_ok(
            clean()
                .arg("--dir")
                .arg(dir.path())
                .args(["--today", TODAY, "report", "--format", format]),
        )
    };
    for format in FORMATS {
        let text = run(format);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{format}: {text}"
        );
    }
    assert!(run("text").contains("[31mđỏ\\u{202E}"), "{}", run("text"));
    assert!(run("html").contains("&lt;b&gt;Việc&lt;/b&gt;"));
}
