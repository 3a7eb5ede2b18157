//! What version 3 adds for what real conclusions say (issue 27, part 2): deadlines in words and
//! urgency, addressees outside the file's localities, proposals with their answers, central
//! hosts, a publication month, an inferred year; read without a problem, said in every format
//! and both languages, and warned of in an older file.

mod common;

use std::fs;
use std::path::Path;

use common::{flat, run, stdout_of};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v3");
const SESSION: &str = "2025-09-10-tan-lap";

fn show(lang: &str, format: &str) -> String {
    let o = run(
        Path::new(FIXTURE),
        lang,
        &["--today", "2026-01-10", "show", SESSION, "--format", format],
    );
    common::succeeded(&o)
}

#[test]
fn the_sample_passes_check_without_a_warning() {
    let o = run(Path::new(FIXTURE), "en", &["check"]);
    let said = stdout_of(&o);
    assert!(o.status.success(), "{said}");
    assert!(
        said.contains("1 session loaded, 0 errors, 0 warnings"),
        "{said}"
    );
}

#[test]
fn every_format_says_the_new_facts_in_both_languages() {
    let vi = [
        "‼ KHẨN",
        "Hạn: trước Đại hội Đảng bộ xã",
        "Hạn: quý IV/2025 (khẩn trương)",
        "Sở Nông nghiệp và Môi trường",
        "Kiến nghị, đề xuất và trả lời",
        "Trả lời: Đồng ý về chủ trương",
        "Giao: Sở Tài chính",
        "Hạn: trong thời gian tới",
        "(năm suy ra)",
        "09/2025",
        "cơ quan Trung ương Đảng",
        "Ảnh: Mai Thắm",
        "Giám đốc Sở Tài chính",
        "triệu đồng (ước tính)",
        "(dự báo)",
        "12,5 triệu USD",
        "Thu nội địa, thuộc Tổng thu ngân sách",
    ];
    let en = [
        "‼ URGENT",
        "Due: trước Đại hội Đảng bộ xã",
        "Due: Q4 2025 (khẩn trương)",
        "Proposals and answers",
        "Assigned to: Sở Tài chính",
        "(year inferred)",
        "central Party body",
        "triệu đồng (estimate)",
        "(forecast)",
        "12.5 triệu USD",
        "Thu nội địa, part of Tổng thu ngân sách",
    ];
    for format in ["text", "markdown", "html"] {
        let (vi_out, en_out) = (flat(&show("vi", format)), flat(&show("en", format)));
        for want in vi {
            assert!(vi_out.contains(want), "{format} vi: {want}\n{vi_out}");
        }
        for want in en {
            assert!(en_out.contains(want), "{format} en: {want}\n{en_out}");
        }
    }
}

#[test]
fn json_holds_the_new_fields_and_a_deadline_in_words_is_never_overdue() {
    let whole: serde_json::Value = serde_json::from_str(&show("en", "json")).expect("json");
    let json = &whole["session"];
    assert_eq!(json["year_inferred"], true);
    assert_eq!(json["published"], "2025-09");
    assert_eq!(json["host_kind"], "trung-uong");
    assert_eq!(json["images"][0]["caption"], serde_json::Value::Null);
    assert_eq!(json["images"][0]["credit"], "Ảnh: Mai Thắm");
    assert_eq!(json["participants"][0]["role"], "Giám đốc Sở Tài chính");
    assert_eq!(json["participants"][0]["name"], serde_json::Value::Null);
    assert_eq!(json["districts"][0]["indicators"][0]["estimate"], true);
    let indicators = &json["districts"][0]["indicators"];
    assert_eq!(indicators[1]["value_other"], 12.5);
    assert_eq!(indicators[1]["unit_other"], "triệu USD");
    assert_eq!(indicators[2]["part_of"], "Tổng thu ngân sách");
    assert_eq!(indicators[3]["forecast"], true);
    let locality = &json["districts"][0];
    let words_only = &locality["directives"][0];
    assert_eq!(words_only["due_text"], "trước Đại hội Đảng bộ xã");
    assert_eq!(words_only["urgent"], true);
    assert_eq!(
        words_only["overdue"], false,
        "due_text alone is never overdue"
    );
    let both = &locality["directives"][1];
    assert_eq!(both["due"], "2025-Q4");
    assert_eq!(
        both["overdue"], true,
        "the date of a due with words still counts"
    );
    assert_eq!(both["to_other"][0], "Sở Nông nghiệp và Môi trường");
    assert!(both.get("urgent").is_none(), "absent when not urgent");
    let proposal = &locality["proposals"][0];
    assert_eq!(proposal["id"], "tl-kn-1");
    assert_eq!(proposal["assignee"], "Sở Tài chính");
    assert_eq!(proposal["due"], "2025-12");
    assert_eq!(locality["proposals"][1]["due_text"], "trong thời gian tới");
}

#[test]
fn an_older_file_is_told_to_say_version_3_for_each_new_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text =
        fs::read_to_string(Path::new(FIXTURE).join(format!("{SESSION}.toml"))).expect("fixture");
    fs::write(
        dir.path().join("a.toml"),
        text.replace("version = 3", "version = 2"),
    )
    .expect("write");
    let o = run(dir.path(), "en", &["check"]);
    let said = stdout_of(&o);
    for key in [
        "`due_text`",
        "`urgent`",
        "`to_other`",
        "`[[locality.proposal]]`",
        "`year_inferred`",
        "`published = \"…\"`",
        "`host_kind = \"trung-uong\"`",
        "`estimate`",
        "`forecast`",
        "`value_other`",
        "`unit_other`",
        "`part_of`",
    ] {
        assert!(
            said.lines().any(|l| l.contains(key)
                && l.contains("error")
                && l.contains("needs `version = 3`")),
            "{key}: {said}"
        );
    }
    assert!(
        said.contains("[[session.image]] #1 is missing the required key `caption`"),
        "a version 2 file still needs the caption: {said}"
    );
    assert!(
        said.contains("[[session.participant]] #1 needs `name` (a person) or `group`"),
        "a version 2 file still needs a participant's name or group: {said}"
    );
    assert!(
        said.contains("0 sessions loaded") && !o.status.success(),
        "each is an error, so a version 2 file keeps meaning what it meant: {said}"
    );
    let vi = stdout_of(&run(dir.path(), "vi", &["check"]));
    assert!(vi.contains("cần `version = 3`"), "{vi}");
}

#[test]
fn mistakes_in_the_new_keys_are_said_with_what_to_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "version = 3\n[session]\ntitle = \"x\"\ndate = 2024-01-01\n\
[[directive]]\nid = \"a\"\ntext = \"t\"\ndue_text = \" \"\n\
[[directive]]\nid = \"b\"\ntext = \"t\"\ndue_text = \"quý II/2024\"\nurgent = \"có\"\n\
[[locality]]\nname = \"Tân Lập\"\n[[locality.proposal]]\nby = \"ai\"\n\
[[locality.indicator]]\nname = \"x\"\nvalue = 1\nvalue_other = 2\n";
    fs::write(dir.path().join("a.toml"), text).expect("write");
    let en = stdout_of(&run(dir.path(), "en", &["check"]));
    assert!(
        en.contains("8:12: error: `due_text` in [[directive]] #1 is empty"),
        "{en}"
    );
    assert!(en.contains("12:12: warning:"), "{en}");
    assert!(en.contains("write `due = \"2024-Q2\"`"), "{en}");
    assert!(
        en.contains("13:10: error: `urgent` in [[directive]] #2 must be"),
        "{en}"
    );
    assert!(
        en.contains("proposal #1 of [[locality]] #1 (Tân Lập)"),
        "{en}"
    );
    let vi = stdout_of(&run(dir.path(), "vi", &["check"]));
    assert!(vi.contains("đang để trống"), "{vi}");
    assert!(vi.contains("kiến nghị thứ 1 của"), "{vi}");
}
