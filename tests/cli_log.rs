//! `briefing log` (issues 25 and 26 item 7): the files' progress logs first, without git; with
//! git, each entry gets the commit that added it; ordered by the time of the action, seconds,
//! un-check times from the log, one name per person.

mod common;

use std::fs;
use std::path::Path;

use briefing::api::store::write::current_user;
use common::git::{SESSION, Shared, have, text};
use common::{run, sample_folder, stderr_of, stdout_of};

fn file_of(dir: &Path) -> std::path::PathBuf {
    dir.join(format!("{SESSION}.toml"))
}

/// The sample with three entries on `hh-ma-tuy`, written out of time order.
fn with_log(dir: &Path) {
    let file = file_of(dir);
    let text = fs::read_to_string(&file).expect("read");
    let at = text.find("id = \"hh-ma-tuy\"").expect("directive");
    let end = at + text[at..].find("\n\n").expect("end of its table");
    let log = "\n\n[[district.directive.progress]]\nat = 2024-04-02T09:15:30+07:00\nby = \"lan\"\nstate = \"doing\"\nnote = \"Đã khởi công\"\npercent = 40\n\n[[district.directive.progress]]\nat = 2024-04-01T08:00:00+07:00\nby = \"minh\"\nstate = \"blocked\"\n\n[[district.directive.progress]]\nat = 2024-04-03T10:00:05+07:00\nby = \"lan\"\nstate = \"done\"";
    let text =
        format!("{}{log}{}", &text[..end], &text[end..]).replacen("version = 2", "version = 3", 1);
    fs::write(&file, text).expect("write");
}

#[test]
fn without_git_the_log_is_the_files_own_newest_first_to_the_second() {
    let dir = sample_folder();
    with_log(dir.path());
    let o = run(dir.path(), "en", &["log", SESSION, "hh-ma-tuy"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(
        stderr_of(&o).contains("read from the files alone"),
        "{}",
        stderr_of(&o)
    );
    let lines: Vec<String> = stdout_of(&o).lines().map(str::to_string).collect();
    assert_eq!(
        lines,
        [
            format!("03/04/2024 10:00:05 +07:00  checked off  {SESSION}  hh-ma-tuy  by lan"),
            format!(
                "02/04/2024 09:15:30 +07:00  progress     {SESSION}  hh-ma-tuy  by lan; In progress; 40%; “Đã khởi công”"
            ),
            format!(
                "01/04/2024 08:00:00 +07:00  progress     {SESSION}  hh-ma-tuy  by minh; Blocked"
            ),
        ],
        "{}",
        stdout_of(&o)
    );
    let o = run(dir.path(), "en", &["log", "--format", "json"]);
    let all: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).expect("json");
    let ours: Vec<&serde_json::Value> = all
        .iter()
        .filter(|a| a["directive"] == "hh-ma-tuy")
        .collect();
    assert_eq!(ours.len(), 3);
    assert_eq!(ours[1]["action"], "progress");
    assert_eq!(ours[1]["state"], "doing");
    assert_eq!(ours[1]["percent"], 40);
    assert_eq!(ours[1]["note"], "Đã khởi công");
    assert_eq!(ours[1]["at"], "2024-04-02T09:15:30+07:00");
    assert!(ours[1]["commit"].is_null());
    assert_eq!(ours[0]["action"], "done");
    assert_eq!(ours[0]["done_by"], "lan");
    let times: Vec<&str> = all.iter().map(|a| a["at"].as_str().expect("at")).collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| {
        let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).expect("time");
        t(b).cmp(&t(a))
    });
    assert_eq!(times, sorted, "newest first by the time of the action");
}

#[test]
fn with_git_each_entry_has_its_commit_and_an_un_check_its_own_time_and_login() {
    if !have("git") {
        return;
    }
    let shared = Shared::new();
    let province = shared.clone_as("province");
    let file = file_of(&province);
    let text3 = fs::read_to_string(&file)
        .expect("read")
        .replacen("version = 2", "version = 3", 1);
    fs::write(&file, text3).expect("write");
    shared.git(&province, &["commit", "-q", "-am", "Version 3"]);
    let b = |args: &[&str]| {
        let o = shared.briefing(&province, "en", args);
        assert!(o.status.success(), "{args:?}: {}", text(&o.stderr));
    };
    b(&[
        "--now",
        "2024-03-18T09:00:00+07:00",
        "done",
        SESSION,
        "hh-ma-tuy",
    ]);
    shared.git(&province, &["commit", "-q", "-am", "Done"]);
    b(&[
        "--now",
        "2024-03-19T15:30:45+07:00",
        "undo",
        SESSION,
        "hh-ma-tuy",
    ]);
    shared.git(&province, &["commit", "-q", "-am", "Undone"]);

    let o = shared.briefing(
        &province,
        "en",
        &["log", "--format", "json", SESSION, "hh-ma-tuy"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let all: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).expect("json");
    let me = current_user();
    let seen: Vec<(&str, &str, &str, &str)> = all
        .iter()
        .map(|a| {
            let s = |k: &str| a[k].as_str().unwrap_or_default();
            (s("action"), s("at"), s("by"), s("author"))
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "undone",
                "2024-03-19T15:30:45+07:00",
                me.as_str(),
                "province"
            ),
            ("done", "2024-03-18T09:00:00+07:00", me.as_str(), "province"),
        ],
        "{all:?}"
    );
    assert!(
        all.iter()
            .all(|a| a["commit"].as_str().is_some_and(|c| c.len() == 40))
    );
    assert!(all.iter().all(|a| a["date"] == "2024-03-20T12:00:00+07:00"));

    let o = shared.briefing(&province, "vi", &["log", SESSION, "hh-ma-tuy"]);
    let out = text(&o.stdout);
    assert!(
        out.starts_with(&format!(
            "19/03/2024 15:30:45 +07:00  bỏ đánh dấu  {SESSION}  hh-ma-tuy  bởi {me} (commit "
        )),
        "{out}"
    );
}
