//! End-to-end under tmux: SIGINT and SIGQUIT from outside leave a sane terminal, and odd text keeps the borders in place.

use std::path::Path;
use std::process::Command;

mod common;

use common::tmux::Tmux;

/// The app gets `signal`, exits with `code`, and `stty` afterwards shows
/// canonical mode and echo back on, outside the alternate screen.
fn signal_leaves_a_sane_terminal(signal: &str, code: i32) {
    let bin = env!("CARGO_BIN_EXE_briefing");
    let tmp = tempfile::tempdir().expect("tmp");
    let pidfile = tmp.path().join("pid");
    let script = format!(
        "sh -c 'echo $$ > {pid}; exec {bin} --today 2024-03-20 --lang en --dir briefings'; echo EXIT=$?; echo SANE:$(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo -e isig -e icrnl -e opost | tr '\\n' ,); echo END; sleep 60",
        pid = pidfile.display()
    );
    let Some(t) = Tmux::spawn(&format!("sig{code}"), 100, 24, &script) else {
        return;
    };
    t.wait_for("Directives: 0/5 done");
    let pid = std::fs::read_to_string(&pidfile).expect("pid file");
    let status = Command::new("kill")
        .args([signal, pid.trim()])
        .status()
        .expect("kill");
    assert!(status.success());
    let screen = t.wait_for("END");
    common::tmux::assert_exit_and_sane_tty(&screen, code);
    let alt = t.run(&["display-message", "-p", "-t", "0", "#{alternate_on}"]);
    assert_eq!(String::from_utf8_lossy(&alt.stdout).trim(), "0");
}

#[test]
fn sigint_from_outside_restores_the_terminal() {
    signal_leaves_a_sane_terminal("-INT", 130);
}

#[test]
fn sigquit_from_outside_restores_the_terminal() {
    signal_leaves_a_sane_terminal("-QUIT", 131);
}

#[test]
fn joiners_and_emoji_keep_every_border_in_place() {
    let tmp = tempfile::tempdir().expect("tmp");
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/2024/2024-03-13-hai-ha-dam-ha.toml");
    let odd = "Ha\u{200d}Long 👨\u{200d}👩\u{200d}👧 ❤\u{fe0f} 漢字 e\u{301} \u{200b}x\u{202e}y";
    let text = std::fs::read_to_string(sample).expect("sample").replacen(
        "title = \"",
        &format!("title = \"{odd} "),
        1,
    );
    std::fs::write(tmp.path().join("odd.toml"), text).expect("write");
    let bin = env!("CARGO_BIN_EXE_briefing");
    let script = format!(
        "{bin} --today 2024-03-20 --lang en --dir {}; sleep 60",
        tmp.path().display()
    );
    let Some(t) = Tmux::spawn("width", 100, 24, &script) else {
        return;
    };
    let screen = t.wait_for("Directives: 0/23 done");
    for c in ['\u{200d}', '\u{fe0f}', '\u{200b}', '\u{202e}'] {
        assert!(!screen.contains(c), "{c:?} reached the terminal:\n{screen}");
    }
    for line in screen
        .lines()
        .filter(|l| l.ends_with('│') || l.ends_with('┐') || l.ends_with('┘'))
    {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert_eq!(width, 100, "a box row ends at column {width}:\n{screen}");
    }
    t.run(&["send-keys", "-t", "0", "C-c"]);
}
