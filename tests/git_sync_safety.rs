//! `briefing sync` never leaves a clone half-merged, never sends back what the hub dropped, and
//! never waits on a prompt: real git, a bare hub and clones, no network.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use briefing::api::git::merge::states;
use briefing::api::store::write::{Change, WriteOptions, set_directive};
use chrono::DateTime;
use common::git::{BIN, SESSION, Shared, have, text};

fn check_off(dir: &Path, id: &str, at: &str, by: &str) {
    let change = Change::Done {
        at: DateTime::parse_from_rfc3339(at).expect("time"),
        by: by.to_string(),
    };
    set_directive(dir, SESSION, id, &change, &WriteOptions::default()).expect("check off");
}

fn is_done(dir: &Path, id: &str) -> bool {
    let t = fs::read_to_string(dir.join(format!("{SESSION}.toml"))).expect("read");
    states(&t)
        .expect("valid")
        .remove(id)
        .expect("directive")
        .done
}

fn hub_has_done(shared: &Shared, id: &str) -> bool {
    let remote = shared.remote();
    let show = format!("main:{SESSION}.toml");
    let t = shared.git(Path::new(&remote), &["show", &show]);
    states(&t)
        .expect("valid")
        .remove(id)
        .expect("directive")
        .done
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\n{}{}",
        o.status.code(),
        text(&o.stdout),
        text(&o.stderr)
    );
    text(&o.stdout)
}

fn stops(o: &Output, want: &str) {
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    assert!(text(&o.stderr).contains(want), "{}", text(&o.stderr));
}

fn two_clones() -> Option<(Shared, PathBuf, PathBuf)> {
    if !have("git") {
        return None;
    }
    let shared = Shared::new();
    let province = shared.clone_as("province");
    let commune = shared.clone_as("commune");
    let o = shared.briefing(&commune, "en", &["sync", "--setup"]);
    ok(&o);
    Some((shared, province, commune))
}

/// Everything `git status`, the index and the stash list say, to compare before and after.
fn snapshot(shared: &Shared, dir: &Path) -> (String, String, String, String) {
    (
        shared.git(dir, &["rev-parse", "HEAD"]),
        shared.git(dir, &["status", "--porcelain=v1", "--untracked-files=all"]),
        shared.git(dir, &["diff", "--cached"]),
        shared.git(dir, &["stash", "list", "--format=%H %s"]),
    )
}

#[test]
fn a_force_push_stops_every_sync_until_a_flag_says_what_to_do() {
    let Some((shared, province, commune)) = two_clones() else {
        return;
    };
    check_off(
        &province,
        "chung-nuoc-sach",
        "2024-03-18T09:00:00+07:00",
        "tinh",
    );
    ok(&shared.briefing(&province, "en", &["sync"]));
    ok(&shared.briefing(&commune, "en", &["sync"]));
    let district = shared.clone_as("district");
    ok(&shared.briefing(&district, "en", &["sync", "--setup"]));
    ok(&shared.briefing(&district, "en", &["sync"]));
    shared.git(&province, &["reset", "-q", "--hard", "HEAD~1"]);
    shared.git(&province, &["push", "-q", "--force", "origin", "main"]);
    assert!(!hub_has_done(&shared, "chung-nuoc-sach"));

    check_off(&commune, "chung-cap-uy", "2024-03-19T09:00:00+07:00", "xa");
    for round in 0..3 {
        if round == 2 {
            shared.git(&commune, &["fetch", "-q"]);
        }
        let o = shared.briefing(&commune, "en", &["sync"]);
        stops(&o, "no longer has commits this clone saw on it");
        assert!(
            text(&o.stderr).contains("Check-offs: 1 done"),
            "{}",
            text(&o.stderr)
        );
        assert!(!hub_has_done(&shared, "chung-nuoc-sach"), "round {round}");
    }
    let o = shared.briefing(&commune, "vi", &["sync"]);
    stops(&o, "không còn các commit");

    let out = ok(&shared.briefing(&commune, "en", &["sync", "--drop-removed"]));
    assert!(out.contains("Dropped here too"), "{out}");
    assert!(!is_done(&commune, "chung-nuoc-sach"));
    assert!(is_done(&commune, "chung-cap-uy"));
    assert!(!hub_has_done(&shared, "chung-nuoc-sach"));
    assert!(hub_has_done(&shared, "chung-cap-uy"));
    ok(&shared.briefing(&commune, "en", &["sync"]));

    // The district had seen the dropped check-off too, and chooses to send it again.
    stops(
        &shared.briefing(&district, "en", &["sync"]),
        "no longer has commits",
    );
    let out = ok(&shared.briefing(&district, "en", &["sync", "--push-removed"]));
    assert!(out.contains("Sent again"), "{out}");
    assert!(hub_has_done(&shared, "chung-nuoc-sach"));
    ok(&shared.briefing(&district, "en", &["sync"]));
}

#[test]
fn an_uncommitted_edit_that_meets_the_upstream_leaves_everything_as_it_was() {
    let Some((shared, province, commune)) = two_clones() else {
        return;
    };
    fs::write(province.join("ghi-chu.md"), "Ghi chú\n").expect("write");
    fs::write(province.join("khac.md"), "Khác\n").expect("write");
    shared.git(&province, &["add", "ghi-chu.md", "khac.md"]);
    shared.git(&province, &["commit", "-q", "-m", "notes"]);
    shared.git(&province, &["push", "-q"]);
    ok(&shared.briefing(&commune, "en", &["sync"]));

    fs::write(province.join("ghi-chu.md"), "Ghi chú của tỉnh\n").expect("write");
    shared.git(&province, &["commit", "-q", "-am", "province notes"]);
    shared.git(&province, &["push", "-q"]);

    fs::write(commune.join("khac.md"), "Khác, đã sửa\n").expect("write");
    shared.git(&commune, &["stash", "push", "-q", "-m", "old work"]);
    fs::write(commune.join("ghi-chu.md"), "Ghi chú của xã\n").expect("write");
    fs::write(commune.join("staged.md"), "Đã stage\n").expect("write");
    shared.git(&commune, &["add", "staged.md"]);
    fs::write(commune.join("untracked.md"), "x\n").expect("write");
    let before = snapshot(&shared, &commune);

    let o = shared.briefing(&commune, "en", &["sync"]);
    stops(
        &o,
        "your uncommitted changes to ghi-chu.md meet changes from the remote",
    );
    assert_eq!(snapshot(&shared, &commune), before);
    let notes = fs::read_to_string(commune.join("ghi-chu.md")).expect("read");
    assert_eq!(notes, "Ghi chú của xã\n");
    let o = shared.briefing(&commune, "vi", &["sync"]);
    stops(&o, "các thay đổi chưa commit của bạn trong ghi-chu.md");
    assert_eq!(snapshot(&shared, &commune), before);

    // Without the clash the changes stay as they were, the staged file still staged.
    fs::write(commune.join("ghi-chu.md"), "Ghi chú của tỉnh\n").expect("write");
    shared.git(&commune, &["checkout", "-q", "--", "ghi-chu.md"]);
    fs::write(commune.join("khac.md"), "Khác, xã sửa\n").expect("write");
    check_off(&commune, "chung-cap-uy", "2024-03-19T09:00:00+07:00", "xa");
    let out = ok(&shared.briefing(&commune, "en", &["sync"]));
    assert!(out.contains("Received 1 commit"), "{out}");
    assert_eq!(
        shared.git(&commune, &["diff", "--cached", "--name-only"]),
        "staged.md\n"
    );
    assert_eq!(
        fs::read_to_string(commune.join("khac.md")).expect("read"),
        "Khác, xã sửa\n"
    );
    assert_eq!(
        shared.git(&commune, &["stash", "list", "--format=%s"]),
        "On main: old work\n"
    );
    assert!(hub_has_done(&shared, "chung-cap-uy"));
}

#[test]
fn a_clone_without_any_identity_syncs_as_its_login() {
    let Some((shared, province, commune)) = two_clones() else {
        return;
    };
    check_off(
        &province,
        "chung-nuoc-sach",
        "2024-03-18T09:00:00+07:00",
        "tinh",
    );
    ok(&shared.briefing(&province, "en", &["sync"]));
    check_off(&commune, "chung-cap-uy", "2024-03-19T09:00:00+07:00", "xa");
    let bare_home = shared.tmp.path().join("bare-home");
    fs::create_dir(&bare_home).expect("home");
    let mut cmd = Command::new(BIN);
    cmd.current_dir(&commune)
        .arg("--dir")
        .arg(&commune)
        .args(["--lang", "en", "sync"])
        .env("HOME", &bare_home)
        .env("XDG_CONFIG_HOME", &bare_home)
        .env("GIT_CONFIG_NOSYSTEM", "1");
    for var in [
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
        "EMAIL",
        "GIT_DIR",
        "GIT_WORK_TREE",
        "BRIEFING_DIR",
    ] {
        cmd.env_remove(var);
    }
    let out = ok(&cmd.output().expect("run"));
    assert!(out.contains("git has no identity of yours"), "{out}");
    assert!(out.contains("Received 1 commit"), "{out}");
    assert!(hub_has_done(&shared, "chung-cap-uy"));
    assert!(hub_has_done(&shared, "chung-nuoc-sach"));
    let remote = shared.remote();
    let who = shared.git(Path::new(&remote), &["log", "-1", "--format=%an <%ae>|%cn"]);
    let login = briefing::api::store::write::current_user();
    assert!(who.starts_with(&format!("{login} <{login}@")), "{who}");
    assert!(who.trim_end().ends_with(&format!("|{login}")), "{who}");
}

#[test]
fn a_stale_driver_path_is_reported_and_setup_repairs_it() {
    let Some((shared, _province, commune)) = two_clones() else {
        return;
    };
    let gone = "'/nonexistent/briefing' merge-driver %O %A %B %P";
    shared.git(&commune, &["config", "merge.briefing.driver", gone]);
    let out = ok(&shared.briefing(&commune, "en", &["sync"]));
    assert!(
        out.contains("/nonexistent/briefing, which no longer exists"),
        "{out}"
    );
    let out = ok(&shared.briefing(&commune, "vi", &["sync"]));
    assert!(out.contains("không còn nữa"), "{out}");
    let out = ok(&shared.briefing(&commune, "en", &["sync", "--setup"]));
    assert!(
        out.contains("Installed the check-off merge driver"),
        "{out}"
    );
    let now = shared.git(&commune, &["config", "merge.briefing.driver"]);
    assert!(now.contains(BIN) || now.contains("briefing'"), "{now}");
    let out = ok(&shared.briefing(&commune, "en", &["sync"]));
    assert!(!out.contains("no longer exists"), "{out}");
}

#[test]
fn pull_only_receives_and_keeps_local_check_offs_uncommitted() {
    let Some((shared, province, commune)) = two_clones() else {
        return;
    };
    check_off(
        &province,
        "chung-nuoc-sach",
        "2024-03-18T09:00:00+07:00",
        "tinh",
    );
    ok(&shared.briefing(&province, "en", &["sync"]));
    check_off(&commune, "chung-cap-uy", "2024-03-19T09:00:00+07:00", "xa");
    let head = shared.git(shared.remote().as_ref(), &["rev-parse", "main"]);
    let out = ok(&shared.briefing(&commune, "en", &["sync", "--pull-only"]));
    assert!(out.contains("Pull only: kept uncommitted here"), "{out}");
    assert!(is_done(&commune, "chung-nuoc-sach"));
    assert!(is_done(&commune, "chung-cap-uy"));
    assert_eq!(
        shared.git(shared.remote().as_ref(), &["rev-parse", "main"]),
        head
    );
    let status = shared.git(&commune, &["status", "--porcelain"]);
    assert!(status.contains(&format!("{SESSION}.toml")), "{status}");

    let config = shared.home().join("briefing");
    fs::create_dir_all(&config).expect("config dir");
    fs::write(config.join("config.toml"), "[sync]\npull_only = true\n").expect("config");
    let out = ok(&shared.briefing(&commune, "vi", &["sync"]));
    assert!(out.contains("Chỉ nhận về"), "{out}");
    assert_eq!(
        shared.git(shared.remote().as_ref(), &["rev-parse", "main"]),
        head
    );
}

#[test]
fn a_dry_run_says_what_would_happen_and_changes_nothing() {
    let Some((shared, province, commune)) = two_clones() else {
        return;
    };
    check_off(
        &province,
        "chung-nuoc-sach",
        "2024-03-18T09:00:00+07:00",
        "tinh",
    );
    ok(&shared.briefing(&province, "en", &["sync"]));
    check_off(&commune, "chung-cap-uy", "2024-03-19T09:00:00+07:00", "xa");
    let before = snapshot(&shared, &commune);
    let tracking = shared.git(&commune, &["rev-parse", "origin/main"]);
    let out = ok(&shared.briefing(&commune, "en", &["sync", "--dry-run"]));
    assert!(out.contains("Would commit 1 check-offs:"), "{out}");
    assert!(out.contains("- chung-cap-uy: done by xa"), "{out}");
    assert!(
        out.contains("Would receive 1 commit from origin/main and send 1 commit."),
        "{out}"
    );
    assert_eq!(snapshot(&shared, &commune), before);
    assert_eq!(
        shared.git(&commune, &["rev-parse", "origin/main"]),
        tracking
    );
    assert_eq!(shared.git(&commune, &["for-each-ref", "refs/briefing"]), "");
    let out = ok(&shared.briefing(&commune, "vi", &["sync", "--dry-run"]));
    assert!(out.contains("Chưa thay đổi gì (chạy thử)"), "{out}");
}

/// A fake `ssh` on PATH: it records its arguments, then acts as `FAKE_SSH` says; without
/// `BatchMode=yes` it waits as a password prompt would.
fn fake_ssh(dir: &Path) -> PathBuf {
    let bin = dir.join("fake-bin");
    fs::create_dir_all(&bin).expect("bin");
    let script = format!(
        r#"#!/bin/sh
echo "$@" >> '{log}'
case "$*" in *BatchMode=yes*) ;; *) echo "Password: " >&2; exec sleep 600 ;; esac
case "$FAKE_SSH" in
  hostkey) echo "Host key verification failed." >&2; exit 255 ;;
  refused) echo "git@fakehost: Permission denied (publickey)." >&2; exit 255 ;;
  *) exec sleep 600 ;;
esac
"#,
        log = dir.join("ssh-args").display()
    );
    let path = bin.join("ssh");
    fs::write(&path, script).expect("script");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("chmod");
    bin
}

#[test]
fn ssh_never_prompts_and_says_host_key_and_refused_key_apart() {
    let Some((shared, _province, commune)) = two_clones() else {
        return;
    };
    let bin = fake_ssh(shared.tmp.path());
    shared.git(
        &commune,
        &[
            "remote",
            "set-url",
            "origin",
            "ssh://fakehost/briefings.git",
        ],
    );
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = |mode: &str, lang: &str, extra: &[&str]| {
        let mut cmd = Command::new(BIN);
        cmd.current_dir(&commune)
            .arg("--dir")
            .arg(&commune)
            .args(["--lang", lang, "sync"])
            .args(extra)
            .env("PATH", &path)
            .env("FAKE_SSH", mode)
            .env("HOME", shared.home())
            .env("XDG_CONFIG_HOME", shared.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "commune")
            .env("GIT_AUTHOR_EMAIL", "commune@example.vn")
            .env("GIT_COMMITTER_NAME", "commune")
            .env("GIT_COMMITTER_EMAIL", "commune@example.vn")
            .env_remove("GIT_SSH_COMMAND")
            .env_remove("GIT_SSH")
            .env_remove("BRIEFING_DIR");
        cmd.output().expect("run")
    };
    stops(
        &run("hostkey", "en", &[]),
        "SSH does not know the host key of `origin`",
    );
    stops(
        &run("hostkey", "vi", &[]),
        "SSH chưa biết khóa máy chủ của `origin`",
    );
    stops(
        &run("refused", "en", &[]),
        "the remote `origin` refused your SSH key",
    );
    stops(&run("refused", "vi", &[]), "từ chối khóa SSH của bạn");
    stops(
        &run("hang", "en", &["--timeout", "1"]),
        "talking to the remote `origin` took over 1 s",
    );
    stops(&run("hang", "vi", &["--timeout", "1"]), "quá 1 giây");
    let args = fs::read_to_string(shared.tmp.path().join("ssh-args")).expect("ssh ran");
    for line in args.lines() {
        assert!(line.contains("-o BatchMode=yes"), "{line}");
        assert!(line.contains("-o ConnectTimeout="), "{line}");
    }
}

#[test]
fn the_commit_is_named_as_sent_and_written_in_english_whatever_the_language() {
    let Some((shared, province, commune)) = two_clones() else {
        return;
    };
    check_off(
        &province,
        "chung-nuoc-sach",
        "2024-03-18T09:00:00+07:00",
        "tinh",
    );
    ok(&shared.briefing(&province, "en", &["sync"]));
    check_off(&commune, "chung-cap-uy", "2024-03-19T09:00:00+07:00", "xa");
    let out = ok(&shared.briefing(&commune, "vi", &["sync"]));
    let remote = shared.remote();
    let sent = shared.git(Path::new(&remote), &["rev-parse", "--short", "main"]);
    assert!(
        out.contains(&format!("Đã ghi commit {} (1 dấu):", sent.trim())),
        "{out}"
    );
    let subject = shared.git(
        Path::new(&remote),
        &["log", "-1", "--format=%s%n%b", "main"],
    );
    assert!(
        subject.starts_with("Check-offs: 1 done, 0 un-checked\n"),
        "{subject}"
    );
    assert!(subject.contains("- chung-cap-uy: done by xa"), "{subject}");
}
