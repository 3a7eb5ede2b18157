//! Live shell completion: the bash script of `briefing completions bash`, run in a real bash
//! with the binary on the PATH, completes subcommands, session, directive and locality ids.

use std::path::Path;
use std::process::Command;

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";
const V2_SESSION: &str = "2026/2026-12-09-tan-lap-binh-minh-hon-ngoc";

/// Runs the completion function for `words` (the last is the word being typed) and
/// returns what bash would offer.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let bin = Path::new(env!("CARGO_BIN_EXE_briefing"));
    let bin_dir = bin.parent().expect("binary folder");
    let home = tempfile::tempdir().expect("home");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "source <(briefing completions bash)\n\
         COMP_WORDS=(briefing {})\nCOMP_CWORD={}\n\
         _briefing 2>/dev/null\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        quoted.join(" "),
        words.len()
    );
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .arg("--norc")
        .arg("-c")
        .arg(&script)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", path)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("BRIEFING_DIR")
        .output()
        .expect("run bash");
    assert!(
        out.status.success(),
        "bash: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_subcommands_and_session_ids() {
    let subs = bash_complete(&[""]);
    for sub in [
        "check",
        "list",
        "show",
        "done",
        "undo",
        "log",
        "sync",
        "completions",
    ] {
        assert!(subs.contains(&sub.to_string()), "{sub} in {subs:?}");
    }
    assert!(!subs.iter().any(|s| s == "merge-driver" || s == "complete"));
    assert_eq!(bash_complete(&["sh"]), ["show"]);
    for sub in ["show", "done", "undo", "log"] {
        assert_eq!(bash_complete(&[sub, ""]), [SESSION, V2_SESSION], "{sub}");
        assert_eq!(bash_complete(&[sub, "2024/"]), [SESSION], "{sub}");
    }
}

#[test]
fn bash_completes_directive_ids_after_the_session() {
    let ids = bash_complete(&["done", SESSION, ""]);
    assert!(ids.contains(&"hh-ma-tuy".to_string()), "{ids:?}");
    assert!(ids.contains(&"chung-hoan-thanh-chi-tieu".to_string()));
    assert_eq!(bash_complete(&["undo", SESSION, "hh-ma"]), ["hh-ma-tuy"]);
    assert_eq!(
        bash_complete(&["done", "2024-03-13-hai-ha-dam-ha", "hh-ma"]),
        ["hh-ma-tuy"]
    );
}

#[test]
fn bash_completes_localities_formats_and_shells() {
    assert_eq!(
        bash_complete(&["show", SESSION, "--district", ""]),
        ["hai-ha", "dam-ha"]
    );
    assert_eq!(bash_complete(&["show", SESSION, "--format", "h"]), ["html"]);
    let shells = bash_complete(&["completions", ""]);
    assert_eq!(shells, ["bash", "elvish", "fish", "powershell", "zsh"]);
    assert!(bash_complete(&["--dir", "/nonexistent", "show", ""]).is_empty());
}
