//! A hostile repository, built with real git: committed links, names with spaces, numbers and
//! newlines, an author with a control character, a time zone no clock shows, attributes that
//! defeat the merge driver, a `%` in the program's path — driven through `log`, `sync --setup`,
//! `sync`, the merge driver (by a plain `git pull`) and `L` in tmux.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use briefing::api::store::write::{Change, WriteOptions, set_directive};
use common::git::{BIN, SESSION, Shared, check_off, check_off_in, have};
use common::tmux::Tmux;
use common::{stderr_of, stdout_of, succeeded};

const NUMBERS: &str = "2024/y 1 999999999999 ";
const SPACES: &str = "2024/Tổng kết 2024 Hải Hà";
const NEWLINE: &str = "2024/a\nSigned-off-by: Mallory <m@example.org>";

fn sample() -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("briefings/{SESSION}.toml")))
        .expect("sample")
}

/// The shared repository and the province's clone; `None` without git.
fn province() -> Option<(Shared, PathBuf)> {
    if !have("git") {
        return None;
    }
    let shared = Shared::new();
    let dir = shared.clone_as("province");
    Some((shared, dir))
}

/// Adds copies of the sample under hostile names and commits them.
fn add_hostile_names(shared: &Shared, dir: &Path) {
    for name in [NUMBERS, SPACES, NEWLINE] {
        fs::write(dir.join(format!("{name}.toml")), sample()).expect("write");
    }
    shared.git(dir, &["add", "-A"]);
    shared.git(dir, &["commit", "-q", "-m", "Hostile names"]);
}

/// Commits what is in the work tree as a commit object written by hand: its author has the
/// time zone `+9999`, which `git commit` refuses.
fn commit_with_zone_9999(shared: &Shared, dir: &Path) -> String {
    shared.git(dir, &["add", "-A"]);
    let tree = shared.git(dir, &["write-tree"]);
    let parent = shared.git(dir, &["rev-parse", "HEAD"]);
    let object = format!(
        "tree {}\nparent {}\nauthor Far Zone <far@example.vn> 1710910800 +9999\ncommitter Far Zone <far@example.vn> 1710910800 +9999\n\nA check-off from a zone no clock shows\n",
        tree.trim(),
        parent.trim()
    );
    let file = shared.tmp.path().join("commit-object");
    fs::write(&file, object).expect("write");
    let file = file.display().to_string();
    let hash = shared.git(
        dir,
        &["hash-object", "-t", "commit", "-w", "--literally", &file],
    );
    shared.git(dir, &["update-ref", "HEAD", hash.trim()]);
    hash.trim().to_string()
}

#[test]
fn log_shows_every_check_off_of_hostile_names_authors_and_zones() {
    let Some((shared, dir)) = province() else {
        return;
    };
    add_hostile_names(&shared, &dir);
    check_off_in(
        &dir,
        SPACES,
        "hh-ma-tuy",
        "2024-03-15T08:00:00+07:00",
        "mai",
    );
    shared.git_as(
        &dir,
        "Mai",
        &["commit", "-q", "-a", "-m", "Mai's check-off"],
    );
    check_off_in(
        &dir,
        NUMBERS,
        "hh-ma-tuy",
        "2024-03-16T08:00:00+07:00",
        "lan",
    );
    shared.git_as(&dir, "Ev\u{1}il", &["commit", "-q", "-a", "-m", "x"]);
    check_off_in(
        &dir,
        NEWLINE,
        "hh-ma-tuy",
        "2024-03-17T08:00:00+07:00",
        "tuan",
    );
    let o = shared.briefing(&dir, "en", &["sync"]);
    succeeded(&o);
    let message = shared.git(&dir, &["log", "-1", "--format=%B"]);
    assert!(
        !message.lines().any(|l| l.starts_with("Signed-off-by")),
        "a name cannot add a trailer:\n{message}"
    );
    assert_eq!(
        shared
            .git(&dir, &["log", "-1", "--format=%(trailers)"])
            .trim(),
        ""
    );
    check_off(&dir, "hh-ma-tuy", "2024-03-18T08:00:00+07:00", "xa");
    let far = commit_with_zone_9999(&shared, &dir);

    let o = shared.briefing(&dir, "en", &["log", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let events: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).expect("json");
    let seen: Vec<(String, String)> = events
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().expect(k).to_string();
            (s("session"), s("author"))
        })
        .collect();
    let want = [
        (SESSION, "Far Zone"),
        (NEWLINE, "province"),
        (NUMBERS, "Ev\u{1}il"),
        (SPACES, "Mai"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(s, a)| (s.to_string(), a.to_string()))
        .collect();
    assert_eq!(seen, want, "{}", stdout_of(&o));
    assert!(events.iter().all(|e| e["directive"] == "hh-ma-tuy"));
    assert_eq!(events[0]["commit"], far.as_str());
    assert_eq!(events[0]["date"], "2024-03-20T05:00:00Z", "shown in UTC");
    let warning = stderr_of(&o);
    assert!(
        warning.contains(&format!(
            "briefing: warning: commit {} has the time zone +9999, which does not exist; its time is shown in UTC",
            &far[..7]
        )),
        "{warning}"
    );

    let o = shared.briefing(&dir, "en", &["log"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    let lines: Vec<String> = stdout_of(&o).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 4, "one line per check-off:\n{}", stdout_of(&o));
    assert!(
        lines[1].contains("2024/a\\nSigned-off-by: Mallory <m@example.org>  hh-ma-tuy  by tuan"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains("(commit "), "{}", lines[2]);
    assert!(lines[2].ends_with(", Ev\\u{1}il)"), "{}", lines[2]);
    assert!(lines[3].contains("2024/Tổng kết 2024 Hải Hà  hh-ma-tuy  by mai"));

    let o = shared.briefing(&dir, "vi", &["log", NUMBERS]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert_eq!(stdout_of(&o).lines().count(), 1, "{}", stdout_of(&o));
    assert!(stdout_of(&o).contains("hoàn thành"), "{}", stdout_of(&o));
}

#[test]
fn log_reports_a_version_it_cannot_read_and_exits_1() {
    let Some((shared, dir)) = province() else {
        return;
    };
    let file = dir.join(format!("{SESSION}.toml"));
    let mut large = sample();
    large.extend(b"# padding\n".repeat(500_000));
    fs::write(&file, &large).expect("write");
    shared.git(&dir, &["commit", "-q", "-a", "-m", "Too large"]);
    let too_large = shared.git(&dir, &["rev-parse", "--short=7", "HEAD"]);
    let mut bytes = sample();
    bytes.extend_from_slice(b"# \xff not UTF-8\n");
    fs::write(&file, bytes).expect("write");
    shared.git(&dir, &["commit", "-q", "-a", "-m", "Broken bytes"]);
    let broken = shared.git(&dir, &["rev-parse", "--short=7", "HEAD"]);
    let o = shared.briefing(&dir, "en", &["log"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout_of(&o));
    let err = stderr_of(&o);
    assert!(
        err.contains(&format!(
            "briefing: warning: in commit {}, 2024/2024-03-13-hai-ha-dam-ha.toml could not be read as UTF-8 text",
            broken.trim()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "briefing: warning: in commit {}, 2024/2024-03-13-hai-ha-dam-ha.toml is {} bytes, more than a briefing may be (4194304 bytes)",
            too_large.trim(),
            large.len()
        )),
        "{err}"
    );
    assert!(err.contains("2 commit(s) could not be fully read"), "{err}");
    let o = shared.briefing(&dir, "vi", &["log"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr_of(&o).contains("briefing: cảnh báo: trong commit"),
        "{}",
        stderr_of(&o)
    );
}

/// Replaces a committed file of the folder by a link to `target` and commits it.
fn commit_link(shared: &Shared, dir: &Path, name: &str, target: &Path) {
    let _ = fs::remove_file(dir.join(name));
    std::os::unix::fs::symlink(target, dir.join(name)).expect("symlink");
    shared.git(dir, &["add", "-A"]);
    shared.git(dir, &["commit", "-q", "-m", "A link"]);
}

#[test]
fn setup_never_writes_through_a_committed_link() {
    let Some((shared, dir)) = province() else {
        return;
    };
    let outside = shared.tmp.path().join("outside");
    fs::create_dir(&outside).expect("mkdir");
    let attributes = outside.join("attributes");
    fs::write(&attributes, "keep me\n").expect("write");
    commit_link(&shared, &dir, ".gitattributes", &attributes);
    let config_before = fs::read_to_string(dir.join(".git/config")).expect("config");
    for (lang, words) in [
        ("en", "is a symbolic link (the repository made it one)"),
        ("vi", "là một liên kết tượng trưng (do kho git tạo)"),
    ] {
        let o = shared.briefing(&dir, lang, &["sync", "--setup"]);
        assert_eq!(o.status.code(), Some(1), "{}", stdout_of(&o));
        assert!(stderr_of(&o).contains(words), "{}", stderr_of(&o));
        assert!(
            stderr_of(&o).contains("/province/.gitattributes"),
            "{}",
            stderr_of(&o)
        );
    }
    assert_eq!(fs::read_to_string(&attributes).expect("read"), "keep me\n");
    assert_eq!(
        fs::read_to_string(dir.join(".git/config")).expect("config"),
        config_before
    );

    let created = outside.join("created-by-setup");
    shared.git(&dir, &["rm", "-q", ".gitattributes"]);
    shared.git(&dir, &["commit", "-q", "-m", "No attributes"]);
    commit_link(&shared, &dir, ".gitignore", &created);
    let o = shared.briefing(&dir, "en", &["sync", "--setup"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout_of(&o));
    assert!(
        stderr_of(&o).contains(".gitignore is a symbolic link"),
        "{}",
        stderr_of(&o)
    );
    assert!(!created.exists(), "nothing is created through the link");
    assert!(
        !dir.join(".gitattributes").exists(),
        "nothing is written at all"
    );
}

#[test]
fn setup_and_sync_name_the_attribute_line_that_defeats_the_driver() {
    let Some((shared, dir)) = province() else {
        return;
    };
    let attributes = fs::read_to_string(dir.join(".gitattributes")).expect("read");
    assert_eq!(attributes, "*.toml merge=briefing\n");
    fs::write(
        dir.join(".gitattributes"),
        "*.toml merge=briefing\n*.toml merge=binary\n",
    )
    .expect("write");
    fs::write(
        dir.join("2024/.gitattributes"),
        "# the year's own\n2024-*.toml -merge\n",
    )
    .expect("write");
    let ignore = fs::read_to_string(dir.join(".gitignore")).expect("read");
    fs::write(
        dir.join(".gitignore"),
        format!("{ignore}!.*.briefing-tmp\n"),
    )
    .expect("write");
    shared.git(&dir, &["add", "-A"]);
    shared.git(
        &dir,
        &["commit", "-q", "-m", "Attributes that defeat the driver"],
    );

    let o = shared.briefing(&dir, "en", &["sync", "--setup"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout_of(&o));
    assert!(
        !stdout_of(&o).contains("already right"),
        "{}",
        stdout_of(&o)
    );
    let err = stderr_of(&o);
    assert!(
        err.contains("Not finished: 2024/.gitattributes, line 2: `2024-*.toml -merge` gives 2024/2024-03-13-hai-ha-dam-ha.toml `-merge`"),
        "{err}"
    );
    assert!(
        err.contains("Not finished: .gitattributes, line 2: `*.toml merge=binary` gives a new briefing such as briefing.toml `merge=binary`"),
        "{err}"
    );
    assert!(
        err.contains("Not finished: .gitignore, line 4: `!.*.briefing-tmp` keeps git from ignoring the check-off temporary files"),
        "{err}"
    );
    let o = shared.briefing(&dir, "vi", &["sync", "--setup"]);
    assert!(
        stderr_of(&o).contains("2024/.gitattributes, dòng 2"),
        "{}",
        stderr_of(&o)
    );

    check_off(&dir, "hh-ma-tuy", "2024-03-18T08:00:00+07:00", "lan");
    let out = succeeded(&shared.briefing(&dir, "en", &["sync"]));
    assert!(out.contains("Note: 2024/.gitattributes, line 2:"), "{out}");
    assert!(out.contains("Note: .gitignore, line 4:"), "{out}");
    assert!(
        !out.contains("sync --setup"),
        "sync does not send back to --setup:\n{out}"
    );

    fs::write(dir.join(".gitattributes"), "*.toml merge=briefing\n").expect("write");
    fs::write(dir.join(".gitignore"), ignore).expect("write");
    shared.git(&dir, &["rm", "-q", "2024/.gitattributes"]);
    shared.git(&dir, &["commit", "-q", "-a", "-m", "Attributes fixed"]);
    let o = shared.briefing(&dir, "en", &["sync", "--setup"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    assert!(stdout_of(&o).contains("already right"), "{}", stdout_of(&o));
    let o = shared.briefing(&dir, "en", &["sync"]);
    assert!(!stdout_of(&o).contains("Note:"), "{}", stdout_of(&o));
}

#[test]
fn check_offs_are_sent_when_git_converts_line_endings() {
    let Some((shared, dir)) = province() else {
        return;
    };
    fs::write(
        dir.join(".gitattributes"),
        "*.toml merge=briefing\n*.toml eol=crlf\n",
    )
    .expect("write");
    shared.git(&dir, &["commit", "-q", "-a", "-m", "CRLF"]);
    fs::remove_file(dir.join(format!("{SESSION}.toml"))).expect("rm");
    shared.git(&dir, &["checkout", "--", "2024"]);
    let checked_out = fs::read(dir.join(format!("{SESSION}.toml"))).expect("read");
    assert!(
        checked_out.windows(2).any(|w| w == b"\r\n"),
        "CRLF in the folder"
    );
    let o = shared.briefing(&dir, "en", &["sync", "--setup"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr_of(&o));
    check_off(&dir, "hh-ma-tuy", "2024-03-18T08:00:00+07:00", "lan");
    let out = succeeded(&shared.briefing(&dir, "en", &["sync"]));
    assert!(out.contains("Committed"), "{out}");
    assert!(!out.contains("Left alone"), "{out}");
    let diff = shared.git(&dir, &["show", "--format=", "--numstat", "HEAD"]);
    assert_eq!(diff.trim(), format!("3\t0\t{SESSION}.toml"));
}

#[test]
fn the_merge_driver_works_from_a_path_with_percent_signs_and_a_gone_one_is_named() {
    let Some((shared, province)) = province() else {
        return;
    };
    let commune = shared.clone_as("commune");
    let bin_dir = shared.tmp.path().join("bin 100%O %%P");
    fs::create_dir(&bin_dir).expect("mkdir");
    let copy = bin_dir.join("briefing");
    fs::copy(BIN, &copy).expect("copy the program");
    let copy = copy.display().to_string();
    let o = shared.program(&copy, &commune, "en", &["sync", "--setup"]);
    succeeded(&o);
    let driver = shared.git(&commune, &["config", "merge.briefing.driver"]);
    assert!(driver.contains("bin 100%%O %%%%P/briefing"), "{driver}");

    check_off(&province, "hh-ma-tuy", "2024-03-18T08:00:00+07:00", "tinh");
    let o = shared.briefing(&province, "en", &["sync"]);
    succeeded(&o);
    check_off(
        &commune,
        "dh-khong-ma-tuy",
        "2024-03-18T09:00:00+07:00",
        "xa",
    );
    shared.git(&commune, &["commit", "-q", "-a", "-m", "By hand"]);
    shared.git(&commune, &["pull", "-q", "--rebase"]);
    let merged = fs::read_to_string(commune.join(format!("{SESSION}.toml"))).expect("read");
    assert!(merged.contains("done_by = \"tinh\""), "{merged}");
    assert!(merged.contains("done_by = \"xa\""), "{merged}");

    fs::remove_file(&copy).expect("rm");
    let o = shared.briefing(&commune, "en", &["sync"]);
    succeeded(&o);
    assert!(
        stdout_of(&o).contains(&format!(
            "Note: git's merge driver for briefings runs {copy}, which no longer exists"
        )),
        "{}",
        stdout_of(&o)
    );
}

#[test]
fn the_history_key_shows_the_history_of_a_hostile_name_and_the_app_goes_on() {
    let Some((shared, dir)) = province() else {
        return;
    };
    shared.git(
        &dir,
        &["mv", &format!("{SESSION}.toml"), &format!("{NUMBERS}.toml")],
    );
    shared.git(&dir, &["commit", "-q", "-m", "Renamed"]);
    check_off_in(
        &dir,
        NUMBERS,
        "dh-khong-ma-tuy",
        "2024-03-18T09:00:00+07:00",
        "lan",
    );
    shared.git_as(
        &dir,
        "Ev\u{1}il",
        &["commit", "-q", "-a", "-m", "Check-off"],
    );
    set_directive(
        &dir,
        NUMBERS,
        "dh-khong-ma-tuy",
        &Change::Undone,
        &WriteOptions::default(),
    )
    .expect("un-check");
    commit_with_zone_9999(&shared, &dir);
    let home = shared.home().display().to_string();
    let script = format!(
        "env HOME='{home}' GIT_CONFIG_NOSYSTEM=1 {BIN} --today 2024-03-20 --lang en --dir '{}'; echo EXIT=$?; sleep 60",
        dir.display()
    );
    let Some(t) = Tmux::spawn("git-hostile-history", 160, 30, &script) else {
        return;
    };
    t.wait_for("Directives: 0/23 done");
    t.keys(&["Enter", "3"]);
    t.wait_for("▌ Trong năm 2023, huyện Đầm Hà");
    t.move_down_to("▌ [ ] Là địa phương không có ma túy.");
    t.keys(&["L"]);
    t.wait_for("History: dh-khong-ma-tuy");
    let screen = t.wait_for("[x] checked off by lan");
    assert!(screen.contains("18/03/2024 09:00 +07:00"), "{screen}");
    assert!(
        screen.contains("20/03/2024 05:00 +00:00  [ ] un-checked by Far Zone"),
        "{screen}"
    );
    assert!(screen.contains("has the time zone +9999"), "{screen}");
    t.keys(&["Escape"]);
    t.wait_until("the pop-up to close", |s| {
        !s.contains("History: dh-khong-ma-tuy")
    });
    t.keys(&["C-c"]);
    t.wait_for("EXIT=0");
    assert_eq!(
        t.pane_value("#{alternate_on}"),
        "0",
        "the terminal is restored"
    );
    assert_eq!(t.pane_value("#{cursor_flag}"), "1", "the cursor is shown");
    assert_eq!(
        t.pane_value("#{mouse_any_flag}"),
        "0",
        "mouse reporting is off"
    );
}
