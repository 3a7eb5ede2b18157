//! End-to-end: the real binary in tmux, driven with send-keys and read with capture-pane.

use std::path::Path;
use std::process::Command;

mod common;

use common::tmux::Tmux;

/// The app in a new tmux window, as of 2024-03-20; `None` (skipped) without tmux.
fn start(name: &str, width: u16, height: u16, args: &str) -> Option<Tmux> {
    start_with_env(name, width, height, "", args)
}

fn start_with_env(name: &str, width: u16, height: u16, env: &str, args: &str) -> Option<Tmux> {
    let bin = env!("CARGO_BIN_EXE_briefing");
    Tmux::spawn(
        name,
        width,
        height,
        &format!("env {env} {bin} --today 2024-03-20 {args}"),
    )
}

#[test]
fn list_session_districts_help_quit() {
    let Some(t) = start("walk", 80, 24, "--lang en --dir briefings") else {
        return;
    };
    // The version 2 sample (2026, upcoming) is first; the 2024 sample below it.
    t.wait_for("Directives: 0/5 done");
    t.keys(&["j"]);
    t.wait_for("Directives: 0/23 done");
    t.keys(&["Enter"]);
    t.wait_for("1 Overview │ 2 Hải Hà district │ 3 Đầm Hà district");
    t.keys(&["2", "j", "j", "j"]);
    t.wait_for("33,497 tỷ đồng");
    t.wait_for("▲ 7% so với năm 2022");
    t.keys(&["Tab", "j", "j", "j"]);
    t.wait_for("100.8% ▲  ✓ met     kế hoạch");
    t.keys(&["?"]);
    t.wait_for("Check off / on, record progress");
    t.keys(&["Escape"]);
    // Alone: an Esc followed at once by `q` reads as Alt-q.
    t.wait_until("the help to close", |s| !s.contains("┌ Keys"));
    t.keys(&["q"]);
    t.wait_for("Enter open");
    t.keys(&["q"]);
    t.wait_until_gone();
}

#[test]
fn tiny_terminal_shows_a_message_and_still_quits() {
    let Some(t) = start("tiny", 24, 6, "--lang en --dir briefings") else {
        return;
    };
    t.wait_for("Terminal too small");
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

/// The numeric parameters of every SGR escape (`ESC [ … m`) in `text`.
fn sgr_params(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for chunk in text.split("\x1b[").skip(1) {
        let Some(end) = chunk.find(|c: char| !(c.is_ascii_digit() || c == ';')) else {
            continue;
        };
        if chunk[end..].starts_with('m') {
            out.extend(
                chunk[..end]
                    .split(';')
                    .filter_map(|p| p.parse::<u32>().ok()),
            );
        }
    }
    out
}

fn is_colour(param: u32) -> bool {
    matches!(param, 30..=38 | 40..=48 | 90..=97 | 100..=107)
}

#[test]
fn sgr_parser_sees_colours() {
    assert!(sgr_params("a\x1b[1;31mb\x1b[0m").into_iter().any(is_colour));
    assert!(
        !sgr_params("\x1b[1m\x1b[7mx\x1b[39m")
            .into_iter()
            .any(is_colour)
    );
}

#[test]
fn no_color_emits_no_colour_codes() {
    let Some(t) = start_with_env(
        "nocolor",
        100,
        30,
        "NO_COLOR=1",
        "--lang vi --dir briefings",
    ) else {
        return;
    };
    t.wait_for("Chỉ đạo: 0/5 xong");
    t.keys(&["j"]);
    t.wait_for("Chỉ đạo: 0/23 xong");
    t.keys(&["Enter", "3", "j", "j", "j"]);
    t.wait_for("✗ chưa đạt");
    let styled = String::from_utf8_lossy(&t.run(&["capture-pane", "-p", "-e", "-t", "0"]).stdout)
        .into_owned();
    assert!(
        sgr_params(&styled).contains(&7),
        "reverse video is still used: {styled:?}"
    );
    let colours: Vec<u32> = sgr_params(&styled)
        .into_iter()
        .filter(|p| is_colour(*p))
        .collect();
    assert!(
        colours.is_empty(),
        "colour codes {colours:?} in:\n{styled:?}"
    );
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

#[test]
fn colours_are_used_without_no_color() {
    let Some(t) = start("color", 100, 30, "--lang vi --dir briefings") else {
        return;
    };
    t.wait_for("Chỉ đạo: 0/5 xong");
    t.keys(&["j"]);
    t.wait_for("Chỉ đạo: 0/23 xong");
    t.keys(&["Enter", "3", "j", "j", "j"]);
    t.wait_for("✗ chưa đạt");
    let styled = String::from_utf8_lossy(&t.run(&["capture-pane", "-p", "-e", "-t", "0"]).stdout)
        .into_owned();
    assert!(sgr_params(&styled).into_iter().any(is_colour));
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

fn signal_restores_the_terminal(signal: &str, code: i32) {
    let bin = env!("CARGO_BIN_EXE_briefing");
    let tmp = tempfile::tempdir().expect("tmp");
    let pidfile = tmp.path().join("pid");
    let script = format!(
        "sh -c 'echo $$ > {pid}; exec {bin} --today 2024-03-20 --lang en --dir briefings'; echo EXIT=$?; sleep 60",
        pid = pidfile.display()
    );
    let Some(t) = Tmux::spawn(&format!("sig{code}"), 80, 24, &script) else {
        return;
    };
    t.wait_for("Directives: 0/5 done");
    let alt = |t: &Tmux| {
        let out = t.run(&["display-message", "-p", "-t", "0", "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    assert_eq!(alt(&t), "1", "the app uses the alternate screen");
    let pid = std::fs::read_to_string(&pidfile).expect("pid file");
    let status = Command::new("sh")
        .args(["-c", &format!("kill {signal} {}", pid.trim())])
        .status()
        .expect("kill");
    assert!(status.success());
    t.wait_for(&format!("EXIT={code}"));
    assert_eq!(alt(&t), "0", "the alternate screen was left");
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("-TERM", 143);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("-HUP", 129);
}

#[test]
fn an_external_write_appears_in_the_running_app() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("2024/2024-03-13-hai-ha-dam-ha.toml");
    std::fs::create_dir_all(tmp.path().join("2024")).expect("mkdir");
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/2024/2024-03-13-hai-ha-dam-ha.toml");
    std::fs::copy(&sample, &file).expect("copy");
    let dir = tmp.path().display().to_string();
    let Some(t) = start("reload", 100, 30, &format!("--lang en --dir {dir}")) else {
        return;
    };
    t.wait_for("Directives: 0/23 done");
    t.keys(&["Enter", "3"]);
    t.keys(&["j"; 11]);
    t.wait_for("[ ] Là địa phương không có ma túy.");
    let text = std::fs::read_to_string(&file).expect("read");
    let edited = text.replace(
        "id = \"dh-khong-ma-tuy\"",
        "id = \"dh-khong-ma-tuy\"\ndone = true",
    );
    let tmp_file = tmp.path().join("2024/.edit.tmp");
    std::fs::write(&tmp_file, edited).expect("write");
    std::fs::rename(&tmp_file, &file).expect("rename");
    t.wait_for("[x] Là địa phương không có ma túy.");
    let screen = t.wait_for("1 Overview │ 2 Hải Hà district │ 3 Đầm Hà district");
    assert!(screen.contains("▌"), "the selection is kept:\n{screen}");
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

fn sample_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("2024/2024-03-13-hai-ha-dam-ha.toml");
    std::fs::create_dir_all(tmp.path().join("2024")).expect("mkdir");
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/2024/2024-03-13-hai-ha-dam-ha.toml");
    std::fs::copy(&sample, &file).expect("copy");
    (tmp, file)
}

/// Starts the app on `dir` and selects the Đầm Hà directive "Là địa phương không có ma túy.".
fn open_at_directive(name: &str, dir: &Path) -> Option<Tmux> {
    let t = start(name, 100, 30, &format!("--lang en --dir {}", dir.display()))?;
    t.wait_for("Directives: 0/23 done");
    t.keys(&["Enter", "3"]);
    // Each `j` then changes the screen once: none is taken for the keys before it.
    t.wait_for("▌ Trong năm 2023, huyện Đầm Hà");
    t.move_down_to("▌ [ ] Là địa phương không có ma túy.");
    Some(t)
}

#[test]
fn space_checks_a_directive_off_in_the_file() {
    let (tmp, file) = sample_copy();
    let before = std::fs::read_to_string(&file).expect("read");
    let Some(t) = open_at_directive("toggle", tmp.path()) else {
        return;
    };
    t.keys(&["Space"]);
    t.wait_for("and saved to the file.");
    let after = std::fs::read_to_string(&file).expect("read");
    assert!(after.contains("id = \"dh-khong-ma-tuy\"\ntext = \"Là địa phương không có ma túy.\"\nowner = \"Huyện ủy Đầm Hà\"\ndone = true\ndone_at = "), "{after}");
    t.wait_for("▌ [x] Là địa phương không có ma túy.");
    t.keys(&["x"]);
    t.wait_for("Un-check this directive?");
    t.keys(&["Enter"]);
    t.wait_for("Check mark removed");
    let undone = std::fs::read_to_string(&file).expect("read");
    assert!(
        undone.contains("owner = \"Huyện ủy Đầm Hà\"\ndone = false\n"),
        "{undone}"
    );
    assert_eq!(undone.replace("done = false\n", ""), before);
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

#[test]
fn a_save_that_cannot_get_the_lock_reverts_the_mark() {
    let (tmp, file) = sample_copy();
    let before = std::fs::read(&file).expect("read");
    // Another check-off's lock: an fcntl write lock, held for the life of `lock`.
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&file)
        .expect("open the briefing");
    common::ofd_lock(&lock, libc::F_WRLCK).expect("a writer's lock");
    let Some(t) = open_at_directive("locked", tmp.path()) else {
        return;
    };
    t.keys(&["Space"]);
    let screen = t.wait_for("Not saved, the mark was reverted:");
    assert!(
        screen.contains("▌ [ ] Là địa phương không có ma túy."),
        "{screen}"
    );
    assert_eq!(std::fs::read(&file).expect("read"), before);
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path().join("2024"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
    drop(lock);
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

#[test]
fn slash_dam_ha_finds_and_opens_dam_ha() {
    let Some(t) = start("search", 100, 30, "--lang vi --dir briefings") else {
        return;
    };
    t.wait_for("Chỉ đạo: 0/5 xong");
    t.keys(&["/"]);
    t.wait_for("Tìm:");
    t.keys(&["-l", "dam ha"]);
    t.wait_for("Địa phương Đầm Hà");
    t.keys(&["Enter"]);
    let screen = t.wait_for("│ 3 Huyện Đầm Hà");
    assert!(
        screen.contains("▌ Trong năm 2023, huyện Đầm Hà"),
        "at its first match: {screen}"
    );
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

#[test]
fn a_check_off_in_one_clone_appears_in_the_other_after_both_sync() {
    if !common::git::have("git") {
        return;
    }
    let shared = common::git::Shared::new();
    let province = shared.clone_as("province");
    let commune = shared.clone_as("commune");
    let Some(here) = open_at_directive("sync-province", &province) else {
        return;
    };
    let Some(there) = open_at_directive("sync-commune", &commune) else {
        return;
    };
    here.keys(&["Space"]);
    here.wait_for("and saved to the file.");
    let o = shared.briefing(&province, "en", &["sync"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let screen = there.screen();
    assert!(
        screen.contains("▌ [ ] Là địa phương không có ma túy."),
        "not before the commune syncs:\n{screen}"
    );
    let o = shared.briefing(&commune, "en", &["sync"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    there.wait_for("▌ [x] Là địa phương không có ma túy.");
    there.keys(&["L"]);
    there.wait_for("History: dh-khong-ma-tuy");
    there.wait_for("[x] checked off by");
    for t in [&here, &there] {
        t.keys(&["C-c"]);
        t.wait_until_gone();
    }
}

/// The row and display column of `needle` on `screen`.
fn place_of(screen: &str, needle: &str) -> Option<(u16, u16)> {
    use unicode_width::UnicodeWidthStr;
    screen.lines().enumerate().find_map(|(row, line)| {
        let at = line.find(needle)?;
        Some((line[..at].width() as u16, row as u16))
    })
}

#[test]
fn the_mouse_wheel_scrolls_and_a_click_opens_a_tab() {
    let Some(t) = start("mouse", 100, 30, "--lang vi --dir briefings") else {
        return;
    };
    t.wait_for("Chỉ đạo: 0/5 xong");
    t.wait_until("mouse reporting", |_| {
        t.pane_value("#{mouse_sgr_flag}") == "1"
    });
    let screen = t.screen();
    let (column, row) = place_of(&screen, "13/03/2024").expect("the session row");
    t.click(column, row);
    t.wait_for("Chỉ đạo: 0/23 xong");
    t.click(column, row);
    t.wait_for("1 Tổng quan │ 2 Huyện Hải Hà │ 3 Huyện Đầm Hà");
    let screen = t.screen();
    let (column, row) = place_of(&screen, "3 Huyện Đầm Hà").expect("the tab");
    t.click(column + 2, row);
    t.wait_for("▌ Trong năm 2023, huyện Đầm Hà");
    for _ in 0..3 {
        t.wheel(true, 10, 10);
    }
    t.wait_until("the wheel to move the selection", |s| {
        !s.contains("▌ Trong năm 2023") && s.contains("▌ ")
    });
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

#[test]
fn mouse_capture_can_be_turned_off_in_the_config() {
    let tmp = tempfile::tempdir().expect("tmp");
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "mouse = false\n").expect("config");
    let args = format!("--lang vi --dir briefings --config {}", config.display());
    let Some(t) = start("nomouse", 100, 30, &args) else {
        return;
    };
    t.wait_for("Chỉ đạo: 0/5 xong");
    assert_eq!(t.pane_value("#{mouse_sgr_flag}"), "0");
    assert_eq!(t.pane_value("#{mouse_any_flag}"), "0");
    assert_eq!(t.pane_value("#{mouse_button_flag}"), "0");
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

/// `u` gives the file back its bytes after a check-off; un-checking asks first, naming who
/// checked it off and when, and `u` after it puts that check-off back exactly.
#[test]
fn u_undoes_a_check_off_and_an_un_check_in_the_file() {
    let (tmp, file) = sample_copy();
    let before = std::fs::read(&file).expect("read");
    let Some(t) = open_at_directive("undo", tmp.path()) else {
        return;
    };
    t.keys(&["Space"]);
    t.wait_for("and saved to the file.");
    let checked = std::fs::read(&file).expect("read");
    assert_ne!(checked, before);
    t.keys(&["u"]);
    t.wait_for("Undone and saved");
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "the file as it was"
    );
    t.wait_for("▌ [ ] Là địa phương không có ma túy.");
    t.keys(&["Space"]);
    t.wait_for("and saved to the file.");
    let checked = std::fs::read_to_string(&file).expect("read");
    t.wait_for("▌ [x] Là địa phương không có ma túy.");
    t.keys(&["Space"]);
    let screen = t.wait_for("Un-check this directive?");
    assert!(screen.contains("Checked off by"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("Check mark removed");
    assert_ne!(std::fs::read_to_string(&file).expect("read"), checked);
    t.keys(&["C-z"]);
    t.wait_for("Undone and saved");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        checked,
        "done_at and done_by back as they were"
    );
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

/// `text` with two done directives of Đầm Hà, their blocks swapped when `swapped`.
fn two_done(text: &str, swapped: bool) -> String {
    let mut t = text.to_string();
    for id in ["dh-thu-nhap-100-trieu", "dh-khong-ma-tuy"] {
        t = t.replace(
            &format!("id = \"{id}\"\n"),
            &format!("id = \"{id}\"\ndone = true\ndone_by = \"lan\"\n"),
        );
    }
    if !swapped {
        return t;
    }
    common::reorder::swap_first_two_dam_ha_directives(&t)
}

/// The un-check question holds the directive's id: the file rewritten by someone else with
/// its directives reordered while the question is open, yes un-checks that directive and
/// leaves every other byte of the file as the rewrite left it.
#[test]
fn un_checking_after_the_file_is_reordered_changes_only_that_directive() {
    let (tmp, file) = sample_copy();
    let sample = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, two_done(&sample, false)).expect("write");
    let dir = tmp.path().display().to_string();
    let Some(t) = start(
        "review-acts-reorder",
        100,
        30,
        &format!("--lang en --dir {dir}"),
    ) else {
        return;
    };
    t.wait_for("Directives: 2/23 done");
    t.keys(&["Enter", "3"]);
    t.wait_for("▌ Trong năm 2023, huyện Đầm Hà");
    t.move_down_to("▌ [x] Là địa phương không có ma túy.");
    t.keys(&["Space"]);
    t.wait_for("Un-check this directive?");
    let reordered = two_done(&sample, true).replace(
        "title = \"Ban Thường vụ Tỉnh ủy làm việc",
        "title = \"Đã sửa: Ban Thường vụ Tỉnh ủy làm việc",
    );
    let edit = tmp.path().join("2024/.review-acts-edit.tmp");
    std::fs::write(&edit, &reordered).expect("write");
    std::fs::rename(&edit, &file).expect("rename");
    let screen = t.wait_for("Đã sửa: Ban Thường vụ");
    assert!(
        screen.contains("Un-check this directive?"),
        "the same directive, moved: the question stays\n{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_for("Check mark removed");
    let after = std::fs::read_to_string(&file).expect("read");
    let expected = reordered.replace(
        "id = \"dh-khong-ma-tuy\"\ndone = true\ndone_by = \"lan\"\n",
        "id = \"dh-khong-ma-tuy\"\ndone = false\n",
    );
    let changed: Vec<_> = (after.lines().zip(expected.lines()))
        .filter(|(a, e)| a != e)
        .collect();
    assert!(
        after == expected,
        "only the directive asked about changed: {changed:?}"
    );
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

/// Moving down and up a long list one line at a time scrolls its rows on the terminal (a
/// scrolling region) and sends only what changed: the list on screen is then exactly the rows
/// it should show, in order, none twice or blank.
#[test]
fn a_list_scrolled_line_by_line_shows_the_rows_it_should() {
    let dir = tempfile::tempdir().expect("tmp");
    for i in 0..40 {
        // Every third title is long: what replaces it in the preview is shorter, and the rest
        // of its line is erased.
        let about = if i % 3 == 0 {
            " về xây dựng nông thôn mới, du lịch biển đảo và phòng, chống ma túy"
        } else {
            ""
        };
        let text = format!(
            "[session]\ntitle = \"Phiên làm việc số {i:02}{about}\"\ndate = 2024-{:02}-{:02}\n",
            i / 28 + 1,
            i % 28 + 1
        );
        std::fs::write(dir.path().join(format!("s{i:02}.toml")), text).expect("write");
    }
    let args = format!("--lang vi --dir {}", dir.path().display());
    let Some(t) = start("p28-scroll", 100, 30, &args) else {
        return;
    };
    t.wait_for("40 buổi");
    let selected = |screen: &str| {
        (screen.lines())
            .find(|l| l.contains("│Phiên làm việc số"))
            .map(str::to_string)
    };
    // Newest first: row 0 is session 39. Down to row 14 (the list shows 8 rows, so it
    // scrolls up a line a key), up to row 5 (down a line a key), down to row 8.
    let mut moves = vec!["j"; 14];
    moves.extend(["k"; 9]);
    moves.extend(["j"; 3]);
    for key in moves {
        let before = selected(&t.screen());
        t.keys(&[key]);
        t.wait_until("the selection to move", |s| selected(s) != before);
    }
    let screen = t.wait_for("│Phiên làm việc số 31");
    let rows: Vec<&str> = (screen.lines())
        .filter(|l| l.contains("/2024") && l.contains('…'))
        .map(|l| l.split('…').nth(1).unwrap_or("").get(..2).unwrap_or(""))
        .collect();
    let wanted: Vec<String> = (27..=34).rev().map(|n| n.to_string()).collect();
    assert_eq!(rows, wanted, "{screen}");
    let preview = |start: &str| {
        let line = (screen.lines())
            .find(|l| l.starts_with(start))
            .unwrap_or("");
        line.trim_end_matches('│').trim_end().to_string()
    };
    assert_eq!(preview("│Phiên"), "│Phiên làm việc số 31", "{screen}");
    assert_eq!(preview("│Chủ Nhật"), "│Chủ Nhật, 04/02/2024", "{screen}");
    // What the frames sent since the first (their changes only, each look said as a change
    // from the one before) shows every cell as a whole frame paints it, colours, bold and
    // reverse video included: resizing the window and back makes the app paint it whole.
    let styled = |t: &Tmux| {
        let out = t.run(&["capture-pane", "-p", "-e", "-t", "0"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let sent_as_changes = styled(&t);
    for (width, corner) in [(99, 98), (100, 99)] {
        let out = t.run(&["resize-window", "-x", &width.to_string(), "-y", "30"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        t.wait_until("a frame as wide as the window", |s| {
            s.lines().any(|l| l.chars().nth(corner) == Some('┐'))
        });
    }
    t.wait_until("the list as it was", |s| s == screen);
    assert_eq!(styled(&t), sent_as_changes);
    t.keys(&["q"]);
    t.wait_until_gone();
}

/// `p`, a state, a Vietnamese note typed as the terminal sends it (UTF-8, composed), a
/// percent, Enter: the file gets exactly that entry (NFC) after the directive, and `version = 3`;
/// nothing else changes. `u` takes it out again, the file back to its bytes.
#[test]
fn p_records_a_vietnamese_note_in_the_file() {
    let (tmp, file) = sample_copy();
    let before = std::fs::read_to_string(&file).expect("read");
    let Some(t) = open_at_directive("p25c-progress", tmp.path()) else {
        return;
    };
    t.keys(&["p"]);
    t.wait_for("Record progress");
    t.wait_for("◀ Not started ▶");
    t.keys(&["Right"]);
    t.wait_for("◀ In progress ▶");
    t.keys(&["Tab"]);
    let note = "Đã khởi công 2 công trình nước sạch";
    t.keys(&["-l", note]);
    t.wait_for("công trình nước sạch");
    t.keys(&["Tab"]);
    t.keys(&["-l", "40"]);
    t.wait_for("Percent: 40");
    t.keys(&["Enter"]);
    t.wait_for("Progress recorded and saved to the file: In progress, 40%.");
    let after = std::fs::read_to_string(&file).expect("read");
    let directive = "id = \"dh-khong-ma-tuy\"\ntext = \"Là địa phương không có ma túy.\"\nowner = \"Huyện ủy Đầm Hà\"\n";
    let at = after
        .split("[[district.directive.progress]]\nat = ")
        .nth(1)
        .and_then(|rest| rest.split('\n').next())
        .expect("an entry with its time");
    let entry = format!(
        "\n[[district.directive.progress]]\nat = {at}\nby = \"{}\"\nstate = \"doing\"\nnote = \"{note}\"\npercent = 40\n",
        who_runs_the_tests()
    );
    let expected = before
        .replacen("version = 2\n", "version = 3\n", 1)
        .replacen(directive, &format!("{directive}{entry}"), 1);
    assert_eq!(
        after, expected,
        "only the version line and the entry change"
    );
    use unicode_normalization::UnicodeNormalization;
    assert_eq!(after.nfc().collect::<String>(), after, "the file is NFC");
    t.wait_for("In progress, 40% · Đã khởi công 2 công trình nước sạch");
    t.keys(&["u"]);
    t.wait_for("Undone and saved");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), before);
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

/// The login the app stamps entries with: the name of the user running the tests.
fn who_runs_the_tests() -> String {
    let id = Command::new("id").arg("-un").output().expect("id");
    String::from_utf8_lossy(&id.stdout).trim().to_string()
}

/// A key after a resize is read at once, however many keys came before it: crossterm's
/// default reader waits edge-triggered and, finding the resize and the key ready together,
/// returned the resize and lost the key's readiness, so the app heard nothing more until the
/// next key (the `use-dev-tty` reader polls level-triggered).
#[test]
fn a_key_after_a_resize_is_read_at_once() {
    let Some(t) = start("resize-keys", 100, 30, "--lang en --dir briefings") else {
        return;
    };
    t.wait_for("2 sessions");
    for _ in 0..3 {
        t.keys(&["j"]);
    }
    t.wait_for("Wednesday, 13/03/2024");
    let out = t.run(&["resize-window", "-x", "90", "-y", "25"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.wait_until("the new size", |s| s.lines().count() <= 25);
    t.keys(&["?"]);
    t.wait_for("Move up / down");
    t.keys(&["Escape"]);
    t.wait_until("the help to close", |s| !s.contains("Move up / down"));
    t.keys(&["q"]);
    t.wait_until_gone();
}
