//! `show` on a locality's proposal with an assignee (issue 27): its state, category, percent and
//! latest note in text, Markdown and HTML, its follow-up fields in JSON; a proposal without an
//! assignee has none of them.

mod common;

use std::fs;

use common::{run, stderr_of, stdout_of};

const SESSION: &str = "2025-09-10-tan-lap";

/// The version 3 sample with a progress entry on proposal `tl-kn-1`.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v3/2025-09-10-tan-lap.toml"
    );
    let text = fs::read_to_string(sample).expect("sample");
    let anchor = "due = \"2025-12\"\n";
    let entry = "\n[[locality.proposal.progress]]\nat = 2025-10-01T08:00:00+07:00\nby = \"lan\"\nstate = \"doing\"\nnote = \"Sở đã trình UBND tỉnh\"\npercent = 30\n";
    assert!(text.contains(anchor), "the sample's proposal");
    let text = text.replacen(anchor, &format!("{anchor}{entry}"), 1);
    fs::write(dir.path().join(format!("{SESSION}.toml")), text).expect("write");
    dir
}

fn show(dir: &std::path::Path, lang: &str, format: &str) -> String {
    let o = run(
        dir,
        lang,
        &["--today", "2026-01-10", "show", SESSION, "--format", format],
    );
    assert!(o.status.success(), "{}", stderr_of(&o));
    stdout_of(&o)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_format_says_a_followed_proposal_s_state_and_category() {
    let dir = folder();
    for (lang, want) in [
        (
            "vi",
            "Giao: Sở Tài chính · Hạn: tháng 12/2025 · Tình trạng: Đang thực hiện quá hạn, 30% · Ghi nhận mới nhất (01/10/2025 08:00, lan): Sở đã trình UBND tỉnh",
        ),
        (
            "en",
            "State: In progress, overdue, 30% · Latest note (01/10/2025 08:00, lan): Sở đã trình UBND tỉnh",
        ),
    ] {
        for format in ["text", "markdown", "html"] {
            let out = show(dir.path(), lang, format);
            assert!(out.contains(want), "{lang} {format}: {out}");
        }
    }
    let text = show(dir.path(), "vi", "text");
    assert!(
        text.contains(
            "Đề nghị sớm bàn giao trụ sở cũ của huyện. — Hạn: trong thời gian tới Chỉ tiêu"
        ),
        "no assignee, no state: {text}"
    );
}

#[test]
fn json_gives_a_followed_proposal_a_directive_s_follow_up_fields() {
    let dir = folder();
    let o = run(
        dir.path(),
        "en",
        &["--today", "2026-01-10", "show", SESSION, "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let proposals = doc["session"]["districts"][0]["proposals"]
        .as_array()
        .expect("proposals");
    let followed = &proposals[0];
    assert_eq!(followed["state"], "doing");
    assert_eq!(followed["category"], "doing_overdue");
    assert_eq!(followed["overdue"], true);
    assert_eq!(followed["percent"], 30);
    assert_eq!(followed["due_last_day"], "2025-12-31");
    assert_eq!(followed["progress"][0]["note"], "Sở đã trình UBND tỉnh");
    let other = &proposals[1];
    assert!(
        other.get("state").is_none() && other.get("progress").is_none(),
        "{other}"
    );
}
