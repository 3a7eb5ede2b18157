//! Config file, environment and flag precedence, completions and help, on the real binary.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{clean, stderr_of, stdout_of, succeeded};

fn briefings() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")
}

/// The binary with only `env` set (no locale, HOME or XDG variables unless given).
fn run(env: &[(&str, &str)], args: &[&str]) -> Output {
    clean()
        .envs(env.iter().copied())
        .args(["--today", "2024-03-20"])
        .args(args)
        .output()
        .expect("run briefing")
}

/// A config home holding `briefing/config.toml` with `contents`.
fn config_home(contents: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("briefing");
    std::fs::create_dir_all(&dir).expect("config folder");
    std::fs::write(dir.join("config.toml"), contents).expect("write config");
    home
}

fn lang_of_list(out: &Output) -> &'static str {
    let stdout = stdout_of(out);
    if stdout.contains("địa phương") {
        "vi"
    } else if stdout.contains("localities") {
        "en"
    } else {
        panic!("no list output: {stdout}\n{}", stderr_of(out))
    }
}

#[test]
fn the_config_in_xdg_config_home_sets_dir_and_lang() {
    let cfg = format!(
        "dir = {:?}\nlang = \"vi\"\n",
        briefings().display().to_string()
    );
    let home = config_home(&cfg);
    let xdg = home.path().to_str().expect("path");
    let out = run(&[("XDG_CONFIG_HOME", xdg)], &["list"]);
    succeeded(&out);
    assert_eq!(lang_of_list(&out), "vi");
    assert!(out.stderr.is_empty(), "{}", stderr_of(&out));
}

#[test]
fn home_dot_config_is_the_fallback() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join(".config").join("briefing");
    std::fs::create_dir_all(&dir).expect("config folder");
    std::fs::write(dir.join("config.toml"), "lang = \"vi\"\n").expect("write");
    let home = home.path().to_str().expect("path");
    let out = run(&[("HOME", home)], &["--dir", "briefings", "list"]);
    assert_eq!(lang_of_list(&out), "vi");
}

#[test]
fn environment_beats_config_and_flags_beat_environment() {
    let home = config_home("lang = \"vi\"\ndir = \"/nonexistent/from-config\"\n");
    let xdg = home.path().to_str().expect("path");
    let dir = briefings();
    let dir = dir.to_str().expect("path");
    let out = run(
        &[("XDG_CONFIG_HOME", xdg), ("BRIEFING_DIR", dir)],
        &["list"],
    );
    assert!(out.status.success(), "BRIEFING_DIR beats the config");
    assert_eq!(lang_of_list(&out), "vi");

    let env = [
        ("XDG_CONFIG_HOME", xdg),
        ("BRIEFING_DIR", dir),
        ("LANG", "en_US.UTF-8"),
    ];
    assert_eq!(
        lang_of_list(&run(&env, &["list"])),
        "vi",
        "the config beats the locale, which is only the default"
    );
    let env = [
        ("XDG_CONFIG_HOME", xdg),
        ("BRIEFING_DIR", dir),
        ("LANG", "C"),
    ];
    assert_eq!(
        lang_of_list(&run(&env, &["list"])),
        "vi",
        "LANG=C chooses nothing"
    );
    let env = [
        ("XDG_CONFIG_HOME", xdg),
        ("BRIEFING_DIR", "/nonexistent"),
        ("BRIEFING_LANG", "en"),
    ];
    let out = run(&env, &["--dir", "briefings", "list"]);
    assert_eq!(lang_of_list(&out), "en", "BRIEFING_LANG beats the config");
    let out = run(&env, &["--dir", "briefings", "--lang", "vi", "list"]);
    assert_eq!(lang_of_list(&out), "vi", "--lang beats BRIEFING_LANG");

    let out = run(&[("XDG_CONFIG_HOME", xdg)], &["list"]);
    assert_eq!(out.status.code(), Some(2), "the config's folder is used");
    assert!(stderr_of(&out).contains("/nonexistent/from-config"));
}

/// The warning is in the config's own language (`lang = "vi"` applies before it is printed).
#[test]
fn a_broken_entry_is_reported_and_the_rest_applies() {
    let home = config_home("lang = \"vi\"\n[theme]\naccent = \"purple\"\n");
    let xdg = home.path().to_str().expect("path");
    let out = run(&[("XDG_CONFIG_HOME", xdg)], &["--dir", "briefings", "list"]);
    succeeded(&out);
    assert_eq!(lang_of_list(&out), "vi");
    let path = home.path().join("briefing").join("config.toml");
    assert_eq!(
        stderr_of(&out),
        format!(
            "briefing: {}:3:10: cảnh báo: không có màu `purple` cho `accent`, đã bỏ qua; \
             các màu: black, red, green, yellow, blue, magenta, cyan, gray, darkgray, lightred, \
             lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white, reset\n",
            path.display()
        )
    );
}

#[test]
fn invalid_toml_warns_and_runs_on_defaults() {
    let home = config_home("lang = \"vi\"\n[keys\n");
    let xdg = home.path().to_str().expect("path");
    let out = run(&[("XDG_CONFIG_HOME", xdg)], &["--dir", "briefings", "list"]);
    succeeded(&out);
    assert_eq!(lang_of_list(&out), "en");
    let err = stderr_of(&out);
    assert!(err.contains("config.toml:2:"), "{err}");
    assert!(err.contains("invalid TOML"), "{err}");
}

#[test]
fn an_explicit_config_flag_is_read_and_a_missing_one_is_reported() {
    let home = config_home("lang = \"vi\"\n");
    let path = home.path().join("briefing").join("config.toml");
    let path = path.to_str().expect("path");
    let out = run(&[], &["--config", path, "--dir", "briefings", "list"]);
    assert_eq!(lang_of_list(&out), "vi");
    let out = run(
        &[],
        &[
            "--config",
            "/nonexistent/c.toml",
            "--dir",
            "briefings",
            "list",
        ],
    );
    succeeded(&out);
    assert!(stderr_of(&out).contains("/nonexistent/c.toml: warning: cannot read the config file"));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&[], &["completions", shell]);
        assert!(
            succeeded(&out).contains("briefing complete --"),
            "{shell}: live"
        );
    }
    for shell in ["elvish", "powershell"] {
        let out = run(&[], &["completions", shell]);
        let script = succeeded(&out);
        assert!(
            script.contains("show") && script.contains("district"),
            "{shell}: static"
        );
    }
    assert!(!run(&[], &["completions", "tcsh"]).status.success());
}

#[test]
fn help_names_every_subcommand_and_the_environment() {
    let help = succeeded(&run(&[], &["--help"]));
    for word in [
        "check",
        "list",
        "show",
        "completions",
        "--dir",
        "--lang",
        "--today",
        "--config",
        "BRIEFING_DIR",
        "BRIEFING_LANG",
        "XDG_CONFIG_HOME",
        "Examples:",
    ] {
        assert!(help.contains(word), "--help lacks {word}");
    }
    let show = succeeded(&run(&[], &["show", "--help"]));
    for word in [
        "SESSION_ID",
        "--district",
        "--format",
        "markdown",
        "--ascii",
    ] {
        assert!(show.contains(word), "show --help lacks {word}");
    }
}

#[test]
fn version_prints_the_package_version() {
    assert_eq!(
        succeeded(&run(&[], &["--version"])),
        format!("briefing {}\n", env!("CARGO_PKG_VERSION"))
    );
}
