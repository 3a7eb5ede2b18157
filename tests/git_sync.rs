//! Sharing through git, on real git without network: a bare repository and two clones,
//! "province" and "commune", checking off in both and syncing in either order.

mod common;

use std::fs;
use std::path::Path;

use briefing::api::git::merge::State;
use chrono::DateTime;
use common::git::{SESSION, Shared, check_off, have, session_text, state, text, two_clones};
use common::succeeded;

fn done(at: &str, by: &str) -> State {
    State {
        done: true,
        at: Some(DateTime::parse_from_rfc3339(at).expect("time")),
        by: Some(by.to_string()),
    }
}

fn sync(shared: &Shared, dir: &Path) -> String {
    succeeded(&shared.briefing(dir, "en", &["sync"]))
}

fn log_json(shared: &Shared, dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["log", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&succeeded(&shared.briefing(dir, "en", &all))).expect("json")
}

fn clean(shared: &Shared, dir: &Path) {
    assert_eq!(
        shared.git(dir, &["status", "--porcelain"]),
        "",
        "{}",
        dir.display()
    );
}

/// Both offices check off, one directive on both sides; `first` syncs first.
fn concurrent_check_offs(first: &str, second: &str) {
    let Some((shared, province, commune)) = two_clones() else {
        return;
    };
    check_off(&province, "hh-ma-tuy", "2024-03-18T09:00:00+07:00", "tinh");
    check_off(
        &province,
        "chung-nuoc-sach",
        "2024-03-19T10:00:00+07:00",
        "tinh",
    );
    check_off(
        &commune,
        "dh-khong-ma-tuy",
        "2024-03-18T09:30:00+07:00",
        "xa",
    );
    check_off(
        &commune,
        "chung-nuoc-sach",
        "2024-03-19T08:00:00+07:00",
        "xa",
    );
    let (a, b) = (shared.office(first), shared.office(second));
    sync(&shared, &a);
    let out = sync(&shared, &b);
    assert!(
        out.contains("Received 1 commit from origin/main, sent 1 commit"),
        "{out}"
    );
    sync(&shared, &a);

    assert_eq!(session_text(&province), session_text(&commune));
    let want = [
        ("hh-ma-tuy", done("2024-03-18T09:00:00+07:00", "tinh")),
        ("dh-khong-ma-tuy", done("2024-03-18T09:30:00+07:00", "xa")),
        ("chung-nuoc-sach", done("2024-03-19T08:00:00+07:00", "xa")),
    ];
    for (id, s) in &want {
        assert_eq!(&state(&province, id), s, "{id}");
    }
    clean(&shared, &province);
    clean(&shared, &commune);

    for dir in [&province, &commune] {
        let events = log_json(&shared, dir, &[]);
        for (id, s) in &want {
            // The log is ordered by the time of the action, so the check-off the merge kept
            // (the earlier) need not come first; it is there, with the commit that wrote it.
            let at = s.at.map(|a| a.to_rfc3339()).unwrap_or_default();
            let kept = events
                .iter()
                .find(|e| {
                    e["directive"] == *id
                        && e["action"] == "done"
                        && e["done_by"] == s.by.as_deref().unwrap_or_default()
                        && e["done_at"] == at.as_str()
                })
                .unwrap_or_else(|| panic!("{id} in {events:?}"));
            assert!(kept["commit"].is_string(), "{kept}");
            assert_eq!(kept["at"], at.as_str());
        }
    }
}

#[test]
fn check_offs_from_both_clones_all_arrive_province_first() {
    concurrent_check_offs("province", "commune");
}

#[test]
fn check_offs_from_both_clones_all_arrive_commune_first() {
    concurrent_check_offs("commune", "province");
}

#[test]
fn an_undo_is_shared_and_logged_with_who_did_it() {
    let Some((shared, province, commune)) = two_clones() else {
        return;
    };
    check_off(&province, "hh-ma-tuy", "2024-03-18T09:00:00+07:00", "tinh");
    sync(&shared, &province);
    sync(&shared, &commune);
    succeeded(&shared.briefing(&commune, "en", &["undo", SESSION, "hh-ma-tuy"]));
    let out = sync(&shared, &commune);
    assert!(out.contains("- hh-ma-tuy: un-checked"), "{out}");
    sync(&shared, &province);
    let open = State {
        done: false,
        at: None,
        by: None,
    };
    assert_eq!(state(&province, "hh-ma-tuy"), open);

    let events = log_json(&shared, &province, &[SESSION, "hh-ma-tuy"]);
    let actions: Vec<(&str, &str)> = events
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap_or_default(),
                e["author"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(actions, [("undone", "commune"), ("done", "province")]);
    let o = shared.briefing(&province, "vi", &["log", SESSION, "hh-ma-tuy"]);
    let lines = text(&o.stdout);
    assert!(lines.contains("bỏ đánh dấu"), "{lines}");
    assert!(
        lines.contains("18/03/2024 09:00:00 +07:00  hoàn thành   2024/2024-03-13-hai-ha-dam-ha  hh-ma-tuy  bởi tinh (commit "),
        "{lines}"
    );
}

#[test]
fn edited_text_on_both_sides_stops_with_the_folder_as_it_was() {
    let Some((shared, province, commune)) = two_clones() else {
        return;
    };
    let path = |dir: &Path| dir.join(format!("{SESSION}.toml"));
    let edit = |dir: &Path, to: &str| {
        let t = session_text(dir).replace("Quan tâm hạ tầng nước sạch", to);
        fs::write(path(dir), t).expect("write");
    };
    edit(&province, "Ưu tiên nước sạch");
    let o = shared.briefing(&province, "en", &["sync"]);
    assert!(
        text(&o.stdout).contains("Left alone (not only check-offs"),
        "{}",
        text(&o.stdout)
    );
    assert!(text(&o.stdout).contains(&format!("{SESSION}.toml")));
    succeeded(&shared.briefing(&province, "en", &["sync", "--all"]));

    edit(&commune, "Bảo đảm nước sạch");
    check_off(&commune, "hh-ma-tuy", "2024-03-18T09:00:00+07:00", "xa");
    let o = shared.briefing(&commune, "en", &["sync", "--all"]);
    let local = shared.git(&commune, &["rev-parse", "HEAD"]);
    let before = fs::read(path(&commune)).expect("read");
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    let err = text(&o.stderr);
    assert!(err.contains("cannot be merged automatically"), "{err}");
    assert!(err.contains("the folder is as before the sync"), "{err}");
    assert!(err.contains("git pull --rebase"), "{err}");
    assert_eq!(fs::read(path(&commune)).expect("read"), before);
    assert!(!String::from_utf8_lossy(&before).contains("<<<<<<<"));
    clean(&shared, &commune);
    assert_eq!(shared.git(&commune, &["rev-parse", "HEAD"]), local);
    let git_dir = commune.join(".git");
    assert!(!git_dir.join("rebase-merge").exists() && !git_dir.join("rebase-apply").exists());
    let remote_head = shared.git(&province, &["ls-remote", "origin", "main"]);
    assert!(!remote_head.starts_with(local.trim()), "nothing was pushed");

    let o = shared.briefing(&commune, "vi", &["sync", "--all"]);
    assert!(
        text(&o.stderr).contains("không tự gộp được"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn clear_messages_outside_git_without_remote_and_without_network() {
    if !have("git") {
        return;
    }
    let shared = Shared::new();
    let plain = shared.office("plain");
    fs::create_dir(&plain).expect("mkdir");
    for (lang, want) in [
        ("en", "is not in a git work tree"),
        ("vi", "không nằm trong một kho git"),
    ] {
        let o = shared.briefing(&plain, lang, &["sync"]);
        assert_eq!(o.status.code(), Some(1));
        assert!(text(&o.stderr).contains(want), "{}", text(&o.stderr));
        // `log` reads the files alone there, and says why git's facts are missing.
        let o = shared.briefing(&plain, lang, &["log"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        assert!(text(&o.stderr).contains(want), "{}", text(&o.stderr));
    }

    shared.git(&plain, &["init", "-q", "-b", "main"]);
    let o = shared.briefing(&plain, "en", &["sync"]);
    assert!(
        text(&o.stderr).contains("has no remote"),
        "{}",
        text(&o.stderr)
    );
    let o = shared.briefing(&plain, "vi", &["sync"]);
    assert!(
        text(&o.stderr).contains("chưa có kho từ xa"),
        "{}",
        text(&o.stderr)
    );
    shared.git(&plain, &["remote", "add", "origin", &shared.remote()]);
    let o = shared.briefing(&plain, "en", &["sync"]);
    assert!(
        text(&o.stderr).contains("git push -u origin main"),
        "{}",
        text(&o.stderr)
    );

    let commune = shared.clone_as("commune");
    shared.git(
        &commune,
        &[
            "remote",
            "set-url",
            "origin",
            "http://127.0.0.1:9/briefings.git",
        ],
    );
    check_off(&commune, "hh-ma-tuy", "2024-03-18T09:00:00+07:00", "xa");
    let o = shared.briefing(&commune, "en", &["sync"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("Committed"), "{}", text(&o.stdout));
    assert!(
        text(&o.stderr).contains("cannot reach the remote `origin`"),
        "{}",
        text(&o.stderr)
    );
    let o = shared.briefing(&commune, "vi", &["sync"]);
    assert!(
        text(&o.stderr).contains("không kết nối được kho từ xa"),
        "{}",
        text(&o.stderr)
    );
    clean(&shared, &commune);
}

#[test]
fn a_rewritten_upstream_is_not_merged_over() {
    let Some((shared, province, commune)) = two_clones() else {
        return;
    };
    check_off(&province, "hh-ma-tuy", "2024-03-18T09:00:00+07:00", "tinh");
    sync(&shared, &province);
    sync(&shared, &commune);
    shared.git(&province, &["reset", "-q", "--hard", "HEAD~1"]);
    shared.git(
        &province,
        &["commit", "-q", "--allow-empty", "-m", "rewritten"],
    );
    shared.git(&province, &["push", "-q", "--force", "origin", "main"]);
    check_off(
        &commune,
        "dh-khong-ma-tuy",
        "2024-03-18T09:30:00+07:00",
        "xa",
    );
    let o = shared.briefing(&commune, "en", &["sync"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("no longer has commits this clone saw on it"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(
        state(&commune, "hh-ma-tuy"),
        done("2024-03-18T09:00:00+07:00", "tinh")
    );
}

/// `log` takes the session as `show` and `done` do (the file name alone, with or without
/// `.toml`), and says so when the session or the directive is not there, with the closest,
/// in both languages, instead of "no history".
#[test]
fn log_finds_the_session_by_file_name_and_says_what_is_not_there() {
    let Some((shared, province, _commune)) = two_clones() else {
        return;
    };
    check_off(&province, "hh-ma-tuy", "2024-03-18T09:00:00+07:00", "tinh");
    sync(&shared, &province);
    let file_name = SESSION.rsplit('/').next().expect("name");
    for given in [
        SESSION.to_string(),
        file_name.to_string(),
        format!("{file_name}.toml"),
    ] {
        let events = log_json(&shared, &province, &[&given, "hh-ma-tuy"]);
        assert_eq!(events.len(), 1, "{given}");
        assert_eq!(events[0]["session"], SESSION, "{given}");
    }
    for (lang, words) in [
        ("en", "did you mean `hh-ma-tuy`?"),
        ("vi", "có phải ý bạn là `hh-ma-tuy`?"),
    ] {
        let o = shared.briefing(&province, lang, &["log", file_name, "hh-ma-tuyy"]);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
        assert!(text(&o.stderr).contains(words), "{}", text(&o.stderr));
        assert!(text(&o.stdout).is_empty());
    }
    let o = shared.briefing(&province, "en", &["log", "2024-03-13-hai-ha-dam-haa"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("there is no session `2024-03-13-hai-ha-dam-haa`") && err.contains(SESSION),
        "{err}"
    );
}
