//! The real binary in Vietnamese: every subcommand's `--help`, usage errors, `check`, config
//! warnings and folder errors, and a server without the `vi_VN.UTF-8` locale.

mod common;

use std::process::Output;

use common::{clean, stderr_of, stdout_of, succeeded};

/// The binary with only `env` set (no locale, HOME or XDG variables unless given).
fn run(env: &[(&str, &str)], args: &[&str]) -> Output {
    clean()
        .envs(env.iter().copied())
        .args(args)
        .output()
        .expect("run briefing")
}

/// English words of clap and of the program's messages that must not reach a Vietnamese reader.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print help",
    "[default:",
    "possible values",
    "error:",
    "For more information",
    "warning:",
    "could not be loaded",
    "must be",
    "did you mean",
    "files checked",
];

fn assert_vietnamese(what: &str, said: &str) {
    for english in ENGLISH {
        assert!(!said.contains(english), "{what}: `{english}` in\n{said}");
    }
}

const SUBCOMMANDS: [&str; 10] = [
    "check",
    "list",
    "show",
    "completions",
    "done",
    "undo",
    "progress",
    "sync",
    "log",
    "man",
];

#[test]
fn every_subcommand_s_help_is_vietnamese_with_lang_vi() {
    let help = succeeded(&run(&[], &["--help", "--lang", "vi"]));
    assert_vietnamese("--help", &help);
    assert!(
        help.contains("Cách dùng: briefing [TÙY_CHỌN] [LỆNH]"),
        "{help}"
    );
    for sub in SUBCOMMANDS {
        assert!(help.contains(&format!("\n  {sub} ")), "{sub} in\n{help}");
        let help = succeeded(&run(&[], &[sub, "--help", "--lang", "vi"]));
        assert_vietnamese(sub, &help);
        assert!(
            help.contains(&format!("Cách dùng: briefing {sub}")),
            "{sub}:\n{help}"
        );
    }
}

#[test]
fn the_language_of_the_help_comes_from_the_environment_and_the_config_too() {
    let vi = run(&[("BRIEFING_LANG", "vi")], &["show", "-h"]);
    assert!(stdout_of(&vi).contains("Cách dùng: briefing show"));
    let locale = run(&[("LANG", "vi_VN.UTF-8")], &["-h"]);
    assert!(stdout_of(&locale).contains("Tùy chọn:"));
    let config = tempfile::NamedTempFile::new().expect("config");
    std::fs::write(config.path(), "lang = \"vi\"\n").expect("write");
    let path = config.path().to_str().expect("path");
    let from_config = run(&[], &["--config", path, "check", "-h"]);
    assert!(stdout_of(&from_config).contains("Kiểm tra mọi tệp"));
    let flag_wins = run(&[("BRIEFING_LANG", "vi")], &["--lang=en", "-h"]);
    assert!(stdout_of(&flag_wins).contains("Usage: briefing [OPTIONS] [COMMAND]"));
}

#[test]
fn usage_errors_are_vietnamese_and_english_stays_clap_s() {
    let out = run(&[("BRIEFING_LANG", "vi")], &["--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr_of(&out);
    assert_eq!(
        said,
        "lỗi: giá trị 'fr' không hợp lệ cho '--lang <NGÔN_NGỮ>'\n  [các giá trị: vi, en]\n\nXem thêm: '--help'.\n"
    );
    let english = run(&[], &["--lang", "fr"]);
    assert_eq!(
        stderr_of(&english),
        "error: invalid value 'fr' for '--lang <LANG>'\n  [possible values: vi, en]\n\nFor more information, try '--help'.\n"
    );
    let missing = run(&[], &["--lang", "vi", "done"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_vietnamese("done", &stderr_of(&missing));
    assert!(stderr_of(&missing).contains("thiếu các đối số bắt buộc sau:"));
}

#[test]
fn check_config_and_folder_messages_are_vietnamese() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(
        tmp.path().join("a.toml"),
        "[session]\ntitel = \"x\"\ntitle = \"T\"\ndate = 2024-01-02\n",
    )
    .expect("write");
    std::fs::write(
        tmp.path().join("b.toml"),
        "[session]\ntitle = \"T\"\ndate = 2024-01-02\n\n[[directive]]\nid = \"a\"\ntext = \"x\"\ndue = 31/03/2027\n",
    )
    .expect("write");
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("config.toml");
    std::fs::write(&config, "[theme]\naccent = \"purple\"\n").expect("write");
    let dir = tmp.path().to_str().expect("dir");
    let config = config.to_str().expect("config");
    let args = ["--lang", "vi", "--config", config, "--dir", dir];

    let check = run(&[], &[&args[..], &["check"]].concat());
    assert_eq!(check.status.code(), Some(1));
    let out = stdout_of(&check);
    assert_vietnamese("check", &out);
    assert!(
        out.contains("a.toml:2:1: cảnh báo: khóa `titel` trong [session]"),
        "{out}"
    );
    assert!(out.contains("b.toml:8:7: lỗi: `due = 31/03/2027`"), "{out}");
    assert!(out.contains("hãy viết năm trước"), "{out}");
    assert!(out.contains("2 tệp đã kiểm tra: 1 buổi làm việc đọc được, 1 lỗi, 1 cảnh báo"));
    let err = stderr_of(&check);
    assert!(
        err.starts_with(&format!(
            "briefing: {config}:2:10: cảnh báo: không có màu `purple`"
        )),
        "{err}"
    );
    assert_vietnamese("config", &err);

    let list = run(
        &[],
        &[&args[..], &["list", "--today", "2024-03-20"]].concat(),
    );
    let err = stderr_of(&list);
    assert!(err.contains("briefing: 1 tệp không đọc được"), "{err}");
    assert_vietnamese("list", &err);

    let missing = run(
        &[],
        &["--lang", "vi", "--dir", "/nonexistent/b", "show", "x"],
    );
    assert_eq!(missing.status.code(), Some(2));
    let err = stderr_of(&missing);
    assert!(
        err.starts_with("briefing: lỗi: thư mục buổi làm việc /nonexistent/b không tồn tại"),
        "{err}"
    );
}

/// A server without the Vietnamese locale: the program works, says nothing about it, and
/// still prints the accents (they are UTF-8 whatever the locale).
#[test]
fn a_missing_vi_locale_changes_nothing() {
    for env in [
        &[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "vi_VN.UTF-8")][..],
        &[("LANG", "C.UTF-8"), ("BRIEFING_LANG", "vi")][..],
        &[("LANG", "C"), ("BRIEFING_LANG", "vi")][..],
    ] {
        let out = run(env, &["--today", "2024-03-20", "list"]);
        let list = succeeded(&out);
        assert!(out.stderr.is_empty(), "{env:?}: {}", stderr_of(&out));
        assert!(list.contains("Ban Thường vụ Tỉnh ủy"), "{env:?}: {list}");
        assert!(list.contains("địa phương"), "{env:?}: {list}");
    }
}
