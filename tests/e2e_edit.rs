//! `e` on the real binary in tmux: the editor (`EDITOR`, a script here) gets the terminal (raw
//! mode off, alternate screen left, the keys typed) and the item's line, the app takes the
//! terminal back and shows the file as the editor left it; a file that may not be written is
//! not opened.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::tmux::Tmux;

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha.toml";

/// An editor that says where it was asked to open, how the terminal was, then reads one line
/// from the keyboard and makes it the session's title.
fn editor_script(dir: &Path) -> String {
    let script = dir.join("editor.sh");
    let text = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{d}/args'\nstty -a > '{d}/stty'\n\
printf 'EDITOR READY\\n'\nread answer\nfile=''\nfor a; do file=\"$a\"; done\n\
sed -i \"s/^title = .*/title = \\\"$answer\\\"/\" \"$file\"\n",
        d = dir.display()
    );
    fs::write(&script, text).expect("script");
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).expect("chmod");
    script.display().to_string()
}

/// The line (from 1) of the first line of `file` that is `wanted`.
fn line_of(file: &Path, wanted: &str) -> usize {
    let text = fs::read_to_string(file).expect("read");
    1 + text.lines().position(|l| l == wanted).expect("line")
}

fn start(name: &str, folder: &Path, editor: &str) -> Option<Tmux> {
    let bin = env!("CARGO_BIN_EXE_briefing");
    let command = format!(
        "env -u VISUAL EDITOR={editor} {bin} --today 2024-03-20 --lang en --dir {}",
        folder.display()
    );
    Tmux::spawn(name, 100, 30, &command)
}

/// Opens the 2024 session's first locality's tab.
fn open_first_locality(t: &Tmux) {
    t.wait_for("Directives: 0/5 done");
    t.keys(&["j"]);
    t.wait_for("Directives: 0/23 done");
    t.keys(&["Enter"]);
    t.wait_for("1 Overview");
    t.keys(&["2"]);
    t.wait_for("e edit");
}

#[test]
fn e_hands_the_terminal_to_the_editor_at_the_line_and_reads_the_file_again() {
    let folder = common::sample_folder();
    let tools = tempfile::tempdir().expect("tempdir");
    let editor = editor_script(tools.path());
    let Some(t) = start("p27a-edit", folder.path(), &editor) else {
        return;
    };
    open_first_locality(&t);
    t.keys(&["e"]);
    t.wait_for("EDITOR READY");
    assert_eq!(t.pane_value("#{alternate_on}"), "0", "{}", t.screen());
    let stty = fs::read_to_string(tools.path().join("stty")).expect("stty");
    assert!(
        stty.contains(" icanon") && stty.contains(" echo"),
        "the editor got a raw terminal: {stty}"
    );
    let file = folder.path().join(SESSION);
    let args = fs::read_to_string(tools.path().join("args")).expect("args");
    let expected_line = line_of(&file, "[[district]]");
    assert_eq!(
        args.lines().collect::<Vec<_>>(),
        [format!("+{expected_line}"), file.display().to_string()],
    );
    t.keys(&["-l", "Tiêu đề mới từ trình soạn thảo"]);
    t.keys(&["Enter"]);
    t.wait_for("Tiêu đề mới từ trình soạn thảo");
    t.wait_for(&format!("Edited {SESSION}; read again."));
    assert_eq!(t.pane_value("#{alternate_on}"), "1");
    // The keys are the app's again.
    t.keys(&["q"]);
    t.wait_for("Enter open");
    t.keys(&["q"]);
    t.wait_until_gone();
}

#[test]
fn a_file_that_may_not_be_written_is_not_opened() {
    let folder = common::sample_folder();
    let tools = tempfile::tempdir().expect("tempdir");
    let editor = editor_script(tools.path());
    let file = folder.path().join(SESSION);
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).expect("chmod");
    let Some(t) = start("p27a-refused", folder.path(), &editor) else {
        return;
    };
    open_first_locality(&t);
    t.keys(&["e"]);
    t.wait_for("Not opened in the editor");
    assert!(!tools.path().join("args").exists(), "the editor ran");
    t.keys(&["C-c"]);
    t.wait_until_gone();
}

/// Ctrl-C in an editor that leaves the terminal cooked reaches the app too: it is the
/// editor's, and the app goes on, saying how the editor ended.
#[test]
fn ctrl_c_in_the_editor_does_not_end_the_app() {
    let folder = common::sample_folder();
    let tools = tempfile::tempdir().expect("tempdir");
    let editor = editor_script(tools.path());
    let Some(t) = start("p27a-ctrl-c", folder.path(), &editor) else {
        return;
    };
    open_first_locality(&t);
    t.keys(&["e"]);
    t.wait_for("EDITOR READY");
    t.keys(&["C-c"]);
    t.wait_until("the app to say how the editor ended", |s| {
        s.contains("The editor `") && s.contains("the file was read again")
    });
    t.keys(&["q"]);
    t.wait_for("Enter open");
    t.keys(&["q"]);
    t.wait_until_gone();
}
