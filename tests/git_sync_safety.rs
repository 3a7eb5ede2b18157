//! `briefing sync` never leaves a clone half-merged, never sends back what the hub dropped, and
//! never waits on a prompt: real git, a bare hub and clones, no network.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use briefing::api::git::merge::states;
use common::git::{BIN, SESSION, Shared, check_off, state, text, two_clones};
use common::{assert_refused, succeeded};

fn is_done(dir: &Path, id: &str) -> bool {
    state(dir, id).done
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

fn stops(o: &Output, want: &str) {
    assert_refused(o, &[want], "sync");
}

/// [`two_clones`], the commune's set up for sharing too.
fn two_set_up_clones() -> Option<(Shared, PathBuf, PathBuf)> {
    let (shared, province, commune) = two_clones()?;
    succeeded(&shared.briefing(&commune, "en", &["sync", "--setup"]));
    Some((shared, province, commune))
}

/// The province checks off `chung-nuoc-sach` and syncs; the commune checks off `chung-cap-uy`
/// and has not synced yet.
fn one_check_off_each(shared: &Shared, province: &Path, commune: &Path) {
    check_off(
        province,
        "chung-nuoc-sach",
        "2024-03-18T09:00:00+07:00",
        "tinh",
    );
    succeeded(&shared.briefing(province, "en", &["sync"]));
    check_off(commune, "chung-cap-uy", "2024-03-19T09:00:00+07:00", "xa");
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
    let Some((shared, province, commune)) = two_set_up_clones() else {
        return;
    };
    check_off(
        &province,
        "chung-nuoc-sach",
        "2024-03-18T09:00:00+07:00",
        "tinh",
    );
    succeeded(&shared.briefing(&province, "en", &["sync"]));
    succeeded(&shared.briefing(&commune, "en", &["sync"]));
    let district = shared.clone_as("district");
    succeeded(&shared.briefing(&district, "en", &["sync", "--setup"]));
    succeeded(&shared.briefing(&district, "en", &["sync"]));
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

    let out = succeeded(&shared.briefing(&commune, "en", &["sync", "--drop-removed"]));
    assert!(out.contains("Dropped here too"), "{out}");
    assert!(!is_done(&commune, "chung-nuoc-sach"));
    assert!(is_done(&commune, "chung-cap-uy"));
    assert!(!hub_has_done(&shared, "chung-nuoc-sach"));
    assert!(hub_has_done(&shared, "chung-cap-uy"));
    succeeded(&shared.briefing(&commune, "en", &["sync"]));

    // The district had seen the dropped check-off too, and chooses to send it again.
    stops(
        &shared.briefing(&district, "en", &["sync"]),
        "no longer has commits",
    );
    let out = succeeded(&shared.briefing(&district, "en", &["sync", "--push-removed"]));
    assert!(out.contains("Sent again"), "{out}");
    assert!(hub_has_done(&shared, "chung-nuoc-sach"));
    succeeded(&shared.briefing(&district, "en", &["sync"]));
}

#[test]
fn an_uncommitted_edit_that_meets_the_upstream_leaves_everything_as_it_was() {
    let Some((shared, province, commune)) = two_set_up_clones() else {
        return;
    };
    fs::write(province.join("ghi-chu.md"), "Ghi chú\n").expect("write");
    fs::write(province.join("khac.md"), "Khác\n").expect("write");
    shared.git(&province, &["add", "ghi-chu.md", "khac.md"]);
    shared.git(&province, &["commit", "-q", "-m", "notes"]);
    shared.git(&province, &["push", "-q"]);
    succeeded(&shared.briefing(&commune, "en", &["sync"]));

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
    let out = succeeded(&shared.briefing(&commune, "en", &["sync"]));
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
    let Some((shared, province, commune)) = two_set_up_clones() else {
        return;
    };
    one_check_off_each(&shared, &province, &commune);
    let bare_home = shared.tmp.path().join("bare-home");
    fs::create_dir(&bare_home).expect("home");
    let mut cmd = shared.command(&commune, "en", &["sync"]);
    cmd.env("HOME", &bare_home)
        .env("XDG_CONFIG_HOME", &bare_home);
    for var in [
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
        "EMAIL",
    ] {
        cmd.env_remove(var);
    }
    let out = succeeded(&cmd.output().expect("run"));
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
    let Some((shared, _province, commune)) = two_set_up_clones() else {
        return;
    };
    let gone = "'/nonexistent/briefing' merge-driver %O %A %B %P";
    shared.git(&commune, &["config", "merge.briefing.driver", gone]);
    let out = succeeded(&shared.briefing(&commune, "en", &["sync"]));
    assert!(
        out.contains("/nonexistent/briefing, which no longer exists"),
        "{out}"
    );
    let out = succeeded(&shared.briefing(&commune, "vi", &["sync"]));
    assert!(out.contains("không còn nữa"), "{out}");
    let out = succeeded(&shared.briefing(&commune, "en", &["sync", "--setup"]));
    assert!(
        out.contains("Installed the check-off merge driver"),
        "{out}"
    );
    let now = shared.git(&commune, &["config", "merge.briefing.driver"]);
    assert!(now.contains(BIN) || now.contains("briefing'"), "{now}");
    let out = succeeded(&shared.briefing(&commune, "en", &["sync"]));
    assert!(!out.contains("no longer exists"), "{out}");
}

#[test]
fn pull_only_receives_and_keeps_local_check_offs_uncommitted() {
    let Some((shared, province, commune)) = two_set_up_clones() else {
        return;
    };
    one_check_off_each(&shared, &province, &commune);
    let head = shared.git(shared.remote().as_ref(), &["rev-parse", "main"]);
    let out = succeeded(&shared.briefing(&commune, "en", &["sync", "--pull-only"]));
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
    let out = succeeded(&shared.briefing(&commune, "vi", &["sync"]));
    assert!(out.contains("Chỉ nhận về"), "{out}");
    assert_eq!(
        shared.git(shared.remote().as_ref(), &["rev-parse", "main"]),
        head
    );
}

#[test]
fn a_dry_run_says_what_would_happen_and_changes_nothing() {
    let Some((shared, province, commune)) = two_set_up_clones() else {
        return;
    };
    one_check_off_each(&shared, &province, &commune);
    let before = snapshot(&shared, &commune);
    let tracking = shared.git(&commune, &["rev-parse", "origin/main"]);
    let out = succeeded(&shared.briefing(&commune, "en", &["sync", "--dry-run"]));
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
    let out = succeeded(&shared.briefing(&commune, "vi", &["sync", "--dry-run"]));
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
    let Some((shared, _province, commune)) = two_set_up_clones() else {
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
        let args = [&["sync"], extra].concat();
        shared
            .command(&commune, lang, &args)
            .env("PATH", &path)
            .env("FAKE_SSH", mode)
            .env_remove("GIT_SSH_COMMAND")
            .env_remove("GIT_SSH")
            .output()
            .expect("run")
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
    let Some((shared, province, commune)) = two_set_up_clones() else {
        return;
    };
    one_check_off_each(&shared, &province, &commune);
    let out = succeeded(&shared.briefing(&commune, "vi", &["sync"]));
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
