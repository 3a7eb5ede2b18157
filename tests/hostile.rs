//! Hostile and unlucky folders through the real binary: escapes in names and
//! values, a symlink to `/`, an oversized file, dangling links.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const SAMPLE: &str = "briefings/2024/2024-03-13-hai-ha-dam-ha.toml";
/// The title changes the terminal's title, the name the clipboard (OSC 52), both colour it.
const EVIL_NAME: &str = "x\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[31m\u{9b}1m\u{202e}y";

fn sample() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    std::fs::read_to_string(path).expect("sample")
}

/// Runs the binary to the end, reading its output meanwhile (a pipe holds only 64 KiB), and
/// kills it after a generous deadline.
fn run(dir: &Path, args: &[&str]) -> Output {
    let child = common::cli(dir, "en", &[&["--today", "2024-03-20"], args].concat())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id().to_string();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(output) => output.expect("output"),
        Err(_) => {
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
            panic!("briefing {args:?} did not finish");
        }
    }
}

/// Bytes that would drive a terminal: ESC, BEL, C1 controls, bidi overrides.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| briefing::api::terminal_text::is_risky(c))
        .collect();
    assert!(bad.is_empty(), "{what} printed {bad:?}:\n{text}");
}

fn evil_folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(tmp.path().join("2024")).expect("mkdir");
    let text = sample().replacen(
        "host = \"Ban Thường vụ Tỉnh ủy\"",
        "host = \"H\\u001b[31m\\u009b\\u202eE\"\n\"k\\u001b]0;owned\\u0007\" = \"v\"",
        1,
    );
    std::fs::write(tmp.path().join(format!("2024/{EVIL_NAME}.toml")), text).expect("write");
    let bad =
        "[session]\ntitle = 5\ndate = \"2024\\u001b[2J\\u0007\"\n\"\\u001b]2;t\\u0007\" = 1\n";
    std::fs::write(tmp.path().join(format!("{EVIL_NAME}-bad.toml")), bad).expect("write");
    tmp
}

#[test]
fn nothing_from_the_folder_reaches_the_terminal_raw() {
    let tmp = evil_folder();
    let dir = tmp.path();
    let id = format!("2024/{EVIL_NAME}");
    let bad_id = format!("{EVIL_NAME}-bad");
    let near = format!("2024/{EVIL_NAME}z");
    let commands: Vec<Vec<&str>> = vec![
        vec!["check"],
        vec!["list"],
        vec!["list", "--format", "json"],
        vec!["show", &id],
        vec!["show", &id, "--format", "markdown"],
        vec!["show", &id, "--format", "json"],
        vec!["show", &near],
        vec!["show", &bad_id],
        vec!["done", &id, "hh-ma-tuy"],
        vec!["undo", &id, "hh-ma-tuy"],
        vec!["done", &near, "hh-ma-tuy"],
        vec!["done", &id, "hh-ma-tuyy"],
        vec!["done", &bad_id, "x"],
    ];
    for args in &commands {
        let out = run(dir, args);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {:?}",
            out.status
        );
        assert_inert(&format!("{args:?} stdout"), &out.stdout);
        assert_inert(&format!("{args:?} stderr"), &out.stderr);
    }
    let json = run(dir, &["show", &id, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(
        value["session"]["id"],
        serde_json::Value::String(id.clone())
    );
    assert_eq!(value["session"]["host"], "H\u{fffd}[31m\u{fffd}\u{202e}E");
    assert!(String::from_utf8_lossy(&json.stdout).contains("\\u202e"));
    let check = String::from_utf8_lossy(&run(dir, &["check"]).stdout).into_owned();
    assert!(
        check.contains("x\\e]52;c;cHduZWQ=\\u{7}\\e[31m\\u{9B}1m\\u{202E}y"),
        "{check}"
    );
}

#[test]
fn a_symlink_to_the_root_is_not_followed_and_dir_root_ends() {
    let tmp = common::sample_folder();
    std::os::unix::fs::symlink("/", tmp.path().join("root")).expect("symlink");
    let out = run(tmp.path(), &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("root: warning: a symbolic link to a folder outside"),
        "{text}"
    );
    assert!(
        text.contains("2 files checked: 2 sessions loaded"),
        "{text}"
    );
}

/// A folder that is no briefing folder — nested past the depth limit, a link loop, a named
/// pipe, thousands of bad files — is walked to the end, and its long report read whole.
#[test]
fn a_folder_of_anything_ends_with_every_problem_said() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut deep = tmp.path().to_path_buf();
    for level in 0..40 {
        deep.push(format!("d{level}"));
    }
    std::fs::create_dir_all(&deep).expect("mkdir -p");
    std::os::unix::fs::symlink(".", tmp.path().join("loop")).expect("symlink");
    let fifo = tmp.path().join("pipe.toml");
    let (mode, fifo_type) = (
        rustix::fs::Mode::from_raw_mode(0o644),
        rustix::fs::FileType::Fifo,
    );
    rustix::fs::mknodat(rustix::fs::CWD, &fifo, fifo_type, mode, 0).expect("mkfifo");
    for i in 0..2000 {
        std::fs::write(tmp.path().join(format!("bad-{i:04}.toml")), "= nothing\n").expect("write");
    }
    let out = run(tmp.path(), &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        &text[..text.len().min(2000)]
    );
    assert!(
        text.len() > 64 << 10,
        "the report is longer than a pipe holds"
    );
    assert!(
        text.contains("bad-1999.toml:1:1: error"),
        "every bad file is said"
    );
    assert!(
        text.contains("nested more than 32 levels"),
        "the depth limit is said"
    );
    assert!(text.contains("pipe.toml: error"), "the named pipe is said");
}

#[test]
fn an_oversized_file_is_refused_without_reading_it() {
    let tmp = common::sample_folder();
    let big = std::fs::File::create(tmp.path().join("big.toml")).expect("create");
    big.set_len(5 << 20).expect("sparse file");
    let out = run(tmp.path(), &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("big.toml: error: the file is 5242880 bytes, more than the limit of 4 MiB"),
        "{text}"
    );
    let show = run(tmp.path(), &["show", "big"]);
    let err = String::from_utf8_lossy(&show.stderr);
    assert_eq!(show.status.code(), Some(1));
    assert!(
        err.contains("did not load: big.toml: error: the file is 5242880 bytes"),
        "{err}"
    );
    let done = run(tmp.path(), &["done", "big", "x"]);
    assert!(String::from_utf8_lossy(&done.stderr).contains("limit of 4 MiB"));
    let config = tmp.path().join(".config.toml");
    std::fs::write(&config, "max_file_mib = 8\n").expect("config");
    let config = config.to_str().expect("a UTF-8 path");
    let raised = common::run(tmp.path(), "en", &["--config", config, "check"]);
    assert!(!String::from_utf8_lossy(&raised.stdout).contains("limit of"));
}

#[test]
fn dangling_links_and_unreadable_folders_are_errors() {
    let tmp = common::sample_folder();
    let nowhere = tmp.path().join("no-such-folder/x.toml");
    std::os::unix::fs::symlink(&nowhere, tmp.path().join("gone.toml")).expect("ln");
    let out = run(tmp.path(), &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("gone.toml: error: the symbolic link points to nothing"),
        "{text}"
    );
    let show = run(tmp.path(), &["show", "gone"]);
    let err = String::from_utf8_lossy(&show.stderr);
    assert!(
        err.contains("the file of this session did not load: gone.toml"),
        "{err}"
    );
    let locked = tmp.path().join("locked");
    common::mkdir(&locked, 0o000);
    // Root reads any folder: as root, the check runs as an ordinary user.
    let out = if common::is_root() {
        let Some(user) = common::user::other_user() else {
            return;
        };
        common::chmod(tmp.path(), 0o755);
        user.run(tmp.path(), "en", &["check"])
    } else {
        run(tmp.path(), &["check"])
    };
    common::chmod(&locked, 0o755);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("locked: error: cannot read this folder"),
        "{text}"
    );
}

#[test]
fn a_failed_file_is_named_by_show() {
    let tmp = evil_folder();
    let out = run(tmp.path(), &["show", &format!("{EVIL_NAME}-bad")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("the file of this session did not load"),
        "{err}"
    );
    assert!(err.contains("-bad.toml:2:9: error: `title`"), "{err}");
}

/// Every cell of every screen holds text that each terminal draws at the
/// width ratatui assumed (so each row ends at its border), and nothing risky.
#[test]
fn every_cell_has_an_agreed_width_for_any_text() {
    use briefing::api::app::{Action, App, Options};
    use briefing::api::input::{Command as Key, Keymap};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

    let tmp = evil_folder();
    let odd = "a\u{200d}b 👨\u{200d}👩\u{200d}👧 ❤\u{fe0f} 👍\u{1f3fd} 漢字 e\u{301}\u{302} \u{200b}\u{2060}\u{feff}\u{ad}x \u{202e}rtl\u{2066}";
    let text = sample()
        .replacen("title = \"", &format!("title = \"{odd} "), 1)
        .replacen(
            "summary = \"\"\"\n",
            &format!("summary = \"\"\"\n{odd}\n"),
            1,
        );
    std::fs::write(tmp.path().join("odd.toml"), text).expect("write");
    let mut app = App::new(Options {
        dir: tmp.path().to_path_buf(),
        lang: briefing::api::model::Lang::En,
        today: chrono::NaiveDate::from_ymd_opt(2024, 3, 20).expect("date"),
        keymap: Keymap::default(),
        user: "lan".into(),
        mouse: true,
    });
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    common::feed::load(&mut app, tmp.path());
    let screens: [&[Key]; 4] = [
        &[],
        &[Key::Down],
        &[Key::Open],
        &[Key::Back, Key::Back, Key::Diagnostics],
    ];
    for keys in screens {
        for k in keys {
            let key = Keymap::default().keys(*k)[0];
            app.update(Action::Key(crossterm::event::KeyEvent::new(
                key.code, key.mods,
            )));
        }
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("term");
        term.draw(|f| app.draw(f, &Default::default()))
            .expect("draw");
        let buf = term.backend().buffer();
        for (i, cell) in buf.content.iter().enumerate() {
            let symbol = cell.symbol();
            let each: usize = symbol.chars().map(|c| c.width().unwrap_or(0)).sum();
            let whole = symbol.width();
            assert!(
                symbol.is_empty() || each == whole.max(1) || (symbol == " " && each == 1),
                "cell {i} {symbol:?}: {each} columns drawn one by one, {whole} assumed"
            );
            assert!(
                !symbol
                    .chars()
                    .any(|c| briefing::api::terminal_text::is_risky(c)
                        || c == '\u{200d}'
                        || c == '\u{fe0f}'),
                "cell {i} holds {symbol:?}"
            );
        }
    }
}
