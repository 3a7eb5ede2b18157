//! End-to-end under tmux: losing the terminal ends the app at once, however it was started
//! (SIGHUP, or a pty that simply goes away under `su -c` or `setsid`), without spinning; and
//! every way the app can end — an abort, an allocation failure, a fault, `exit`, a fatal
//! signal — leaves the terminal as it was.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::BIN;
use common::tmux::Tmux;

/// The user the `su` case runs the app as (created when missing).
const SU_USER: &str = "briefing-bfterm";

/// Clock ticks of CPU time a process may use between the terminal's loss and its end; a busy
/// loop until the deadline would use about a hundred.
const MAX_TICKS_AFTER_LOSS: u64 = 20;

/// A process of the app found by its command line, and its CPU time.
struct Proc {
    pid: u32,
    /// User plus system time, in clock ticks.
    ticks: u64,
}

/// The live (not zombie) processes of `BIN` whose command line names `marker`.
fn app_processes(marker: &str) -> Vec<Proc> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
            let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
            let ours = args.first() == Some(&BIN.as_bytes())
                && args.iter().any(|a| a == &marker.as_bytes());
            if !ours {
                return None;
            }
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
            // After the name: state (3rd field of the line), …, utime (14th), stime (15th).
            if fields.first() == Some(&"Z") {
                return None;
            }
            let utime: u64 = fields.get(11)?.parse().ok()?;
            let stime: u64 = fields.get(12)?.parse().ok()?;
            Some(Proc {
                pid,
                ticks: utime + stime,
            })
        })
        .collect()
}

/// The one process of the app, once it is running.
fn the_app(marker: &str) -> Proc {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let mut found = app_processes(marker);
        if found.len() == 1 {
            return found.remove(0);
        }
        assert!(Instant::now() < deadline, "the app never ran alone");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A copy of the sample folder every user may read, and its path (the marker of the app's
/// command line).
fn shared_sample() -> (tempfile::TempDir, String) {
    let dir = common::sample_folder();
    common::chmod(dir.path(), 0o755);
    let path = dir.path().display().to_string();
    (dir, path)
}

/// The app's command line on the sample copy at `dir`.
fn app_command(dir: &str) -> String {
    format!("{BIN} --today 2024-03-20 --lang en --dir {dir}")
}

/// Starts `command` in tmux, waits for the app to draw, kills the tmux session, and checks the
/// app ends within a second having used next to no CPU meanwhile (and none while idle before).
fn ends_when_the_terminal_goes(name: &str, command: &str, dir: &str) {
    let Some(t) = Tmux::spawn(name, 100, 24, command) else {
        return;
    };
    t.wait_for("Directives: 0/5 done");
    let app = the_app(dir);
    let idle_from = app.ticks;
    std::thread::sleep(Duration::from_millis(300));
    let idle = the_app(dir).ticks - idle_from;
    assert!(idle <= 2, "the idle app used {idle} ticks of CPU in 0.3 s");

    let before = the_app(dir).ticks;
    let killed = t.run(&["kill-server"]);
    assert!(killed.status.success(), "tmux kill-server failed");
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut last = before;
    loop {
        match app_processes(dir).first() {
            None => break,
            Some(p) => last = p.ticks,
        }
        if Instant::now() > deadline {
            let _ = Command::new("kill")
                .args(["-KILL", &app.pid.to_string()])
                .status();
            panic!(
                "the app still runs 1 s after its terminal went away, having used {} ticks of CPU",
                last - before
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        last - before <= MAX_TICKS_AFTER_LOSS,
        "the app used {} ticks of CPU after its terminal went away",
        last - before
    );
}

/// The SSH case of the office server: `su USER -c briefing` puts the app in a session of its
/// own, so no SIGHUP comes when the pty is deleted; reading it gives only an end of file.
#[test]
fn a_tui_started_through_su_ends_when_its_terminal_is_killed() {
    let Some(user) = common::user::user_named(SU_USER) else {
        return;
    };
    let (_dir, path) = shared_sample();
    let command = format!(
        "su -s /bin/sh {} -c 'exec {}'",
        user.name,
        app_command(&path)
    );
    ends_when_the_terminal_goes("bfterm-su", &command, &path);
}

/// The same without root: `setsid` gives the app a session without a controlling terminal.
#[test]
fn a_tui_in_a_session_of_its_own_ends_when_its_terminal_is_killed() {
    if !common::have_tool("setsid") {
        common::skip("no setsid (util-linux)");
        return;
    }
    let (_dir, path) = shared_sample();
    let command = format!("setsid -w {}", app_command(&path));
    ends_when_the_terminal_goes("bfterm-setsid", &command, &path);
}

/// Started directly, the app gets SIGHUP when its terminal is killed.
#[test]
fn a_tui_ends_on_the_hang_up_of_its_terminal() {
    let (_dir, path) = shared_sample();
    let command = format!("exec {}", app_command(&path));
    ends_when_the_terminal_goes("bfterm-hup", &command, &path);
}

/// The pane after the app ended: the shell's report of its exit status, and whether the
/// terminal is back to normal (outside the alternate screen, cursor shown, no mouse reporting,
/// line editing and echo on).
fn ended_with_a_sane_terminal(
    name: &str,
    env: &str,
    end: impl FnOnce(&Tmux, u32),
    code: i32,
) -> Option<String> {
    let dir = common::sample_folder();
    let marker = dir.path().display().to_string();
    let script = format!(
        "env {env} {}; echo EXIT=$?; \
         echo SANE:$(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo -e isig -e icrnl -e opost | tr '\\n' ,); \
         echo END; sleep 60",
        app_command(&marker)
    );
    let t = Tmux::spawn(name, 100, 24, &script)?;
    t.wait_for("Directives: 0/5 done");
    assert_eq!(
        t.pane_value("#{alternate_on}"),
        "1",
        "the app runs in the alternate screen"
    );
    assert_eq!(
        t.pane_value("#{cursor_flag}"),
        "0",
        "the app hides the cursor"
    );
    let app = the_app(&marker);
    end(&t, app.pid);
    let screen = t.wait_for("END");
    common::tmux::assert_exit_and_sane_tty(&screen, code);
    for (flag, normal) in [
        ("#{alternate_on}", "0"),
        ("#{cursor_flag}", "1"),
        ("#{mouse_any_flag}", "0"),
        ("#{mouse_button_flag}", "0"),
        ("#{mouse_standard_flag}", "0"),
        ("#{mouse_sgr_flag}", "0"),
    ] {
        assert_eq!(
            t.pane_value(flag),
            normal,
            "{flag} after the end:\n{screen}"
        );
    }
    Some(screen)
}

fn key(t: &Tmux, _pid: u32) {
    t.keys(&["j"]);
}

fn signal(name: &'static str) -> impl FnOnce(&Tmux, u32) {
    move |_, pid| {
        let sent = Command::new("kill")
            .args([name, &pid.to_string()])
            .status()
            .expect("kill");
        assert!(sent.success());
    }
}

#[test]
fn an_abort_leaves_the_terminal_as_it_was() {
    ended_with_a_sane_terminal("bfterm-abort", "BRIEFING_TEST_CRASH=abort", key, 134);
}

/// The allocation failure's report, written while the app drew, is said once the terminal is
/// back.
#[test]
fn an_allocation_failure_leaves_the_terminal_as_it_was() {
    let screen = ended_with_a_sane_terminal(
        "bfterm-alloc",
        "RUST_BACKTRACE=0 BRIEFING_TEST_CRASH=alloc",
        key,
        134,
    );
    assert!(
        screen
            .as_deref()
            .is_none_or(|s| s.contains("memory allocation of 70368744177664 bytes failed")),
        "{screen:?}"
    );
}

#[test]
fn a_fault_leaves_the_terminal_as_it_was() {
    ended_with_a_sane_terminal("bfterm-segv", "BRIEFING_TEST_CRASH=segv", key, 139);
}

#[test]
fn an_exit_without_unwinding_leaves_the_terminal_as_it_was() {
    ended_with_a_sane_terminal("bfterm-exit", "BRIEFING_TEST_CRASH=exit", key, 3);
}

#[test]
fn a_fatal_signal_leaves_the_terminal_as_it_was() {
    ended_with_a_sane_terminal("bfterm-usr1", "", signal("-USR1"), 138);
}

#[test]
fn sigterm_and_sighup_leave_the_terminal_as_it_was() {
    ended_with_a_sane_terminal("bfterm-term", "", signal("-TERM"), 143);
    ended_with_a_sane_terminal("bfterm-hup-kill", "", signal("-HUP"), 129);
}
