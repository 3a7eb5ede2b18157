//! `briefing show` and `briefing list --format json` on the real binary, as snapshots.

mod common;

use std::process::{Command, Output};

use common::{clean, run_ok};

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";
/// The version 2 sample: three localities after the 2025 reform.
const V2: &str = "2026/2026-12-09-tan-lap-binh-minh-hon-ngoc";

/// The binary with a clean environment (no locale, no config, no folder variable) on the
/// folder `dir`, judged on 2024-03-20.
fn briefing_on(dir: &str, args: &[&str]) -> Command {
    let mut c = clean();
    c.args(["--dir", dir, "--today", "2024-03-20"]).args(args);
    c
}

/// The binary on the folder `dir`.
fn briefing_in(dir: &str, args: &[&str]) -> Output {
    briefing_on(dir, args).output().expect("run briefing")
}

/// The binary on the sample folder.
fn briefing(args: &[&str]) -> Output {
    briefing_in("briefings", args)
}

/// What a run on the sample folder that must succeed prints.
fn stdout(args: &[&str]) -> String {
    run_ok(&mut briefing_on("briefings", args))
}

#[test]
fn show_text_vi() {
    insta::assert_snapshot!(stdout(&["--lang", "vi", "show", SESSION]));
}

#[test]
fn show_text_en() {
    insta::assert_snapshot!(stdout(&["--lang", "en", "show", SESSION]));
}

#[test]
fn show_text_ascii_vi() {
    insta::assert_snapshot!(stdout(&["--lang", "vi", "show", SESSION, "--ascii"]));
}

/// With `--ascii`, nothing outside ASCII is left but the letters (and their marks): no `·`,
/// no curly quotes, no dashes or `…`, in text and Markdown, both samples, both languages.
#[test]
fn ascii_leaves_only_letters_outside_ascii() {
    for session in [SESSION, V2] {
        for lang in ["vi", "en"] {
            for format in ["text", "markdown"] {
                let args = [
                    "--lang", lang, "show", session, "--ascii", "--format", format,
                ];
                let out = stdout(&args);
                let left: std::collections::BTreeSet<char> = (out.chars())
                    .filter(|c| !c.is_ascii() && !c.is_alphabetic())
                    .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
                    .collect();
                assert!(left.is_empty(), "{args:?} keeps {left:?}");
            }
        }
    }
    let plain = stdout(&["--lang", "vi", "show", SESSION]);
    assert!(
        plain.contains('·') && plain.contains('“'),
        "only --ascii changes them"
    );
}

#[test]
fn show_markdown_vi() {
    insta::assert_snapshot!(stdout(&[
        "--lang", "vi", "show", SESSION, "--format", "markdown"
    ]));
}

#[test]
fn show_markdown_en_one_district() {
    insta::assert_snapshot!(stdout(&[
        "--lang",
        "en",
        "show",
        SESSION,
        "--format",
        "markdown",
        "--district",
        "dam-ha"
    ]));
}

#[test]
fn show_json() {
    let text = stdout(&["--lang", "en", "show", SESSION, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["session"]["id"], SESSION);
    insta::assert_snapshot!(text);
}

#[test]
fn show_v2_text_vi() {
    insta::assert_snapshot!(stdout(&["--lang", "vi", "show", V2]));
}

#[test]
fn show_v2_text_en_ascii() {
    insta::assert_snapshot!(stdout(&["--lang", "en", "show", V2, "--ascii"]));
}

#[test]
fn show_v2_markdown_vi() {
    insta::assert_snapshot!(stdout(&[
        "--lang", "vi", "show", V2, "--format", "markdown"
    ]));
}

#[test]
fn show_v2_json() {
    let text = stdout(&["--lang", "en", "show", V2, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["session"]["version"], 2);
    assert_eq!(value["session"]["date"], "2026-12-09");
    assert_eq!(value["session"]["directives"][1]["to"][1], "hon-ngoc");
    assert_eq!(value["session"]["directives"][1]["due"], "2027-Q2");
    assert_eq!(
        value["session"]["directives"][1]["due_last_day"],
        "2027-06-30"
    );
    insta::assert_snapshot!(text);
}

/// A locality's own view keeps the session-wide directives whose `to` names it (or that have
/// no `to`): Bình Minh is not among the localities of `chung-ha-tang-so`.
#[test]
fn show_v2_one_locality_keeps_the_directives_for_it() {
    let one = |id: &str| {
        stdout(&[
            "--lang",
            "en",
            "show",
            V2,
            "--district",
            id,
            "--format",
            "json",
        ])
    };
    let ids = |text: String| -> Vec<String> {
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        (value["session"]["directives"]
            .as_array()
            .expect("directives")
            .iter())
        .map(|d| d["id"].as_str().unwrap_or_default().to_string())
        .collect()
    };
    assert_eq!(ids(one("binh-minh")), ["chung-dich-vu-cong"]);
    assert_eq!(
        ids(one("hon-ngoc")),
        ["chung-dich-vu-cong", "chung-ha-tang-so"]
    );
    let text = stdout(&["--lang", "vi", "show", V2, "--district", "binh-minh"]);
    assert!(text.contains("━━━ Phường Bình Minh ━━━"), "{text}");
    assert!(!text.contains("Phủ sóng di động"), "{text}");
}

#[test]
fn json_does_not_depend_on_the_language() {
    let vi = stdout(&["--lang", "vi", "show", SESSION, "--format", "json"]);
    let en = stdout(&["--lang", "en", "show", SESSION, "--format", "json"]);
    assert_eq!(vi.replace("\"lang\": \"vi\"", "\"lang\": \"en\""), en);
}

#[test]
fn list_json() {
    insta::assert_snapshot!(stdout(&["--lang", "en", "list", "--format", "json"]));
}

#[test]
fn list_text_stays_the_default() {
    let text = stdout(&["--lang", "en", "list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("09/12/2026  2026/2026-12-09-tan-lap-binh-minh-hon-ngoc  "),
        "{text}"
    );
    assert!(
        lines[1].starts_with("13/03/2024  2024/2024-03-13-hai-ha-dam-ha               "),
        "{text}"
    );
    assert!(lines[0].ends_with("  3 localities  0/5 done"), "{text}");
    assert_eq!(text, stdout(&["--lang", "en", "list", "--format", "text"]));
}

#[test]
fn the_file_name_alone_finds_the_session() {
    assert_eq!(
        stdout(&["--lang", "en", "show", "2024-03-13-hai-ha-dam-ha"]),
        stdout(&["--lang", "en", "show", SESSION])
    );
}

#[test]
fn unknown_session_suggests_the_closest_id() {
    let out = briefing(&["--lang", "en", "show", "2024/2024-03-13-hai-ha-dam"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err,
        "briefing: error: no session with the id \"2024/2024-03-13-hai-ha-dam\"; \
         did you mean \"2024/2024-03-13-hai-ha-dam-ha\"?\n"
    );
    let out = briefing(&["--lang", "vi", "show", "xyz"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("không có buổi làm việc \"xyz\""), "{err}");
    assert!(err.contains("briefing list"), "{err}");
}

#[test]
fn unknown_district_suggests_and_lists_the_ids() {
    let out = briefing(&["--lang", "en", "show", SESSION, "--district", "damha"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "briefing: error: this session has no locality with the id or name \"damha\"; \
         did you mean \"dam-ha\"? (known ids: hai-ha, dam-ha)\n"
    );
}

/// `--district` takes a locality's name as people type it: accents optional, any case, with
/// or without its level; the output is the one of its id.
#[test]
fn district_by_name_accents_and_case_aside() {
    let by_id = stdout(&["--lang", "en", "show", SESSION, "--district", "dam-ha"]);
    for given in [
        "Đầm Hà",
        "dam ha",
        "ĐẦM HÀ",
        "huyện Đầm Hà",
        "Dam Ha district",
    ] {
        let out = briefing(&["--lang", "en", "show", SESSION, "--district", given]);
        assert_eq!(out.status.code(), Some(0), "{given}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), by_id, "{given}");
    }
}

/// A name two localities of the session share is refused, each listed with its id.
#[test]
fn a_name_of_two_localities_lists_both() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(
        tmp.path().join("a.toml"),
        "version = 2\n[session]\ntitle = \"T\"\ndate = 2025-09-10\n\n\
         [[locality]]\nname = \"Mường La\"\nid = \"muong-la-huyen\"\nlevel = \"huyen\"\n\n\
         [[locality]]\nname = \"Mường La\"\nlevel = \"xa\"\n",
    )
    .expect("write");
    let dir = tmp.path().to_string_lossy().into_owned();
    for (lang, words) in [
        (
            "en",
            "\"muong la\" is the name of more than one locality of this session: muong-la-huyen (Mường La district), muong-la (Mường La commune); give its id",
        ),
        (
            "vi",
            "\"muong la\" là tên của nhiều địa phương trong buổi làm việc này: muong-la-huyen (Huyện Mường La), muong-la (Xã Mường La)",
        ),
    ] {
        let out = briefing_in(
            &dir,
            &["--lang", lang, "show", "a", "--district", "muong la"],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(words), "{err}");
    }
    let out = briefing_in(
        &dir,
        &["--lang", "en", "show", "a", "--district", "xã Mường La"],
    );
    assert_eq!(out.status.code(), Some(0), "the level tells them apart");
}

#[test]
fn a_missing_folder_is_exit_2() {
    let out = briefing_in("/nonexistent/briefings", &["--lang", "en", "show", SESSION]);
    assert_eq!(out.status.code(), Some(2));
}

/// Huyện Chư Păh in January 2023 and December 2024, a commune merged from it, and a commune
/// that only shares its name.
const DOSSIER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dossier");

fn dossier_show(lang: &str, session: &str, district: &str, format: &str) -> String {
    let args = [
        "--lang",
        lang,
        "show",
        session,
        "--district",
        district,
        "--format",
        format,
    ];
    run_ok(&mut briefing_on(DOSSIER, &args))
}

/// `show --district` ends with the locality over time: both sessions in order with each
/// directive's state, and the figure of both as bars with the numbers in Vietnamese.
#[test]
fn show_district_text_vi_has_the_locality_over_time() {
    let out = dossier_show("vi", "2024-12-10-chu-pah", "chu-pah", "text");
    let history = &out[out.find("━━━ Hồ sơ huyện Chư Păh ━━━").expect("history")..];
    let first = history.find("12/01/2023 · ").expect("first session");
    let second = history.find("10/12/2024 · ").expect("second session");
    assert!(first < second, "{history}");
    assert!(
        history.contains("Chưa thực hiện · Hạn: 31/12/2023 · QUÁ HẠN"),
        "{history}"
    );
    let (old, new) = (
        history.find("█ 380,5").or(history.find("  380,5")),
        history.find("  420"),
    );
    assert!(old.zip(new).is_some_and(|(o, n)| o < n), "{history}");
    assert!(!history.contains("Ia Ly") && !history.contains("9 tháng năm 2025"));
    insta::assert_snapshot!(history);
}

#[test]
fn show_district_markdown_en_has_the_locality_over_time() {
    let out = dossier_show("en", "2025-09-20-ia-ly", "ia-ly", "markdown");
    let history = &out[out.find("## Ia Ly commune over time").expect("history")..];
    assert!(history.contains("Merged from: huyện Chư Păh"), "{history}");
    assert!(history.contains("as Chư Păh district"), "{history}");
    assert!(history.contains("| 2022 | 380.5 |") && history.contains("| 9 tháng năm 2025 | 95 |"));
    insta::assert_snapshot!(history);
}

#[test]
fn show_district_json_has_the_history() {
    let out = dossier_show("vi", "2025-09-20-ia-ly", "ia-ly", "json");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let history = &json["history"];
    let sessions: Vec<(&str, bool)> = (history["sessions"].as_array().expect("sessions").iter())
        .map(|s| (s["session"].as_str().unwrap_or(""), s["earlier"] == true))
        .collect();
    assert_eq!(
        sessions,
        [
            ("2023-01-12-chu-pah", true),
            ("2024-12-10-chu-pah", true),
            ("2025-09-20-ia-ly", false)
        ]
    );
    assert_eq!(history["sessions"][0]["directives"][0]["state"], "open");
    assert_eq!(history["sessions"][1]["directives"][0]["state"], "done");
    let trend = &history["trends"][0];
    assert_eq!(trend["name"], "Thu ngân sách trên địa bàn");
    let values: Vec<f64> = (trend["points"].as_array().expect("points").iter())
        .filter_map(|p| p["value"].as_f64())
        .collect();
    assert_eq!(values, [380.5, 420.0, 95.0]);
    assert_eq!(trend["points"][0]["target"], 400.0);
    assert_eq!(json["session"]["districts"][0]["key"], "gia-lai/ia-ly");
    assert_eq!(
        json["session"]["districts"][0]["merged_from"][0],
        "huyện Chư Păh"
    );
    let plain = dossier_show("vi", "2025-09-20-ia-ly", "ia-ly", "json");
    assert_eq!(plain, out, "the same every time");
    let whole = run_ok(&mut briefing_on(
        DOSSIER,
        &["show", "2025-09-20-ia-ly", "--format", "json"],
    ));
    let whole: serde_json::Value = serde_json::from_str(&whole).expect("JSON");
    assert!(whole.get("history").is_none(), "only with --district");
    let args = [
        "show",
        "2025-09-20-ia-ly",
        "--district",
        "ia-ly",
        "--format",
        "json",
        "--handout",
    ];
    let handout: serde_json::Value =
        serde_json::from_str(&run_ok(&mut briefing_on(DOSSIER, &args))).expect("JSON");
    let history = &handout["history"];
    assert!(history["sessions"][0]["session"].is_null(), "{history}");
    assert!(history["sessions"][0]["directives"][0]["id"].is_null());
    assert!(history["trends"][0]["points"][0]["session"].is_null());
    for format in ["text", "markdown", "html"] {
        let args = [
            "show",
            "2025-09-20-ia-ly",
            "--district",
            "ia-ly",
            "--format",
            format,
            "--handout",
        ];
        let out = run_ok(&mut briefing_on(DOSSIER, &args));
        assert!(out.contains("380"), "{format}: the history is there");
        assert!(
            !out.contains("2023-01-12-chu-pah"),
            "{format} names a session id"
        );
    }
}
