//! Live shell completion: the bash script of `briefing completions bash`, run in a real bash
//! with the binary on the PATH, completes subcommands, session, directive and locality ids;
//! and bash, zsh and fish, driven in tmux as a person types, insert hostile names quoted
//! (nothing run, expanded or split).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::tmux::Tmux;

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";
const V2_SESSION: &str = "2026/2026-12-09-tan-lap-binh-minh-hon-ngoc";

/// Runs the completion function for `words` (the last is the word being typed), each put in
/// `COMP_WORDS` as it would be typed, and returns what bash would offer.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let bin = Path::new(env!("CARGO_BIN_EXE_briefing"));
    let bin_dir = bin.parent().expect("binary folder");
    let home = tempfile::tempdir().expect("home");
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', r"'\''")))
        .collect();
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

/// File names that would run a command, split, glob or end the line if inserted unquoted;
/// each starts with its own letter, so typing up to it completes one name.
const HOSTILE: [&str; 7] = [
    "a$(touch PWNED-a)",
    "b`touch PWNED-b`",
    "c d",
    "e'f\"g",
    "h*",
    "i\nj",
    "k;touch PWNED-k&&x|y<z>",
];

/// A briefing folder holding the sample under each hostile name (`2024/2024-03-13-NAME.toml`).
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let year = dir.path().join("2024");
    std::fs::create_dir(&year).expect("mkdir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("briefings")
        .join(SESSION);
    for name in HOSTILE {
        let file = year.join(format!("2024-03-13-{name}.toml"));
        std::fs::copy(sample.with_extension("toml"), file).expect("copy the sample");
    }
    dir
}

#[test]
fn bash_reads_a_quoted_session_to_complete_its_directives() {
    let dir = hostile_folder();
    let d = dir.path().to_string_lossy().into_owned();
    for typed in [
        r"2024/2024-03-13-c\ d",
        "'2024/2024-03-13-c d'",
        "\"2024/2024-03-13-c d\"",
        r"2024/2024-03-13-a\$\(touch\ PWNED-a\)",
        r"$'2024/2024-03-13-i\nj'",
    ] {
        let words = ["--dir", &d, "done", typed, "hh-ma"];
        assert_eq!(bash_complete(&words), ["hh-ma-tuy"], "{typed}");
    }
    assert_eq!(
        bash_complete(&["show", "--format", "=", "h"]),
        ["html"],
        "bash splits --format=h at ="
    );
}

/// A shell run in tmux in a hostile folder, with a `briefing` on its PATH that completes with
/// the real binary and otherwise writes the arguments it got to a file.
struct Typist {
    tmux: Tmux,
    args: PathBuf,
    folder: tempfile::TempDir,
    _home: tempfile::TempDir,
}

impl Typist {
    /// `shell` started in tmux, its completion loaded; `None` (with a notice, or a failure
    /// under CI) when tmux or the shell is missing.
    fn start(shell: &str) -> Option<Typist> {
        if !common::have_tool(shell) {
            common::skip(&format!("{shell} is not installed (.ci/run installs it)"));
            return None;
        }
        let folder = hostile_folder();
        let home = tempfile::tempdir().expect("home");
        let args = home.path().join("args");
        let bin = home.path().join("bin");
        std::fs::create_dir(&bin).expect("mkdir");
        let wrapper = format!(
            "#!/bin/sh\ncase \"$1\" in complete|completions) exec '{real}' \"$@\";; esac\n\
             for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > '{args}.part' && mv '{args}.part' '{args}'\n",
            real = env!("CARGO_BIN_EXE_briefing"),
            args = args.display(),
        );
        let script = bin.join("briefing");
        std::fs::write(&script, wrapper).expect("write the wrapper");
        common::chmod(&script, 0o755);
        let (run, load) = match shell {
            "bash" => (
                "bash --norc --noprofile -i",
                "source <(briefing completions bash)",
            ),
            "zsh" => (
                "zsh -f -i",
                "autoload -Uz compinit && compinit -u -D && source <(briefing completions zsh)",
            ),
            _ => ("fish --no-config -i", "briefing completions fish | source"),
        };
        let command = format!(
            "cd '{folder}' && exec env -i PATH='{bin}:/usr/bin:/bin' HOME='{home}' TERM=xterm \
             LANG=C.UTF-8 BRIEFING_DIR='{folder}' {run}",
            folder = folder.path().display(),
            bin = bin.display(),
            home = home.path().display(),
        );
        let tmux = Tmux::spawn(&format!("hostile-output-{shell}"), 160, 50, &command)?;
        tmux.keys(&["-l", &format!("{load}; echo READ''Y")]);
        tmux.keys(&["Enter"]);
        tmux.wait_until("the completion loaded", |s| {
            s.lines().any(|l| l.trim() == "READY")
        });
        Some(Typist {
            tmux,
            args,
            folder,
            _home: home,
        })
    }

    /// Types `text`, presses Tab and waits for the line to grow, then presses Enter and
    /// returns the arguments the command got.
    fn complete_and_run(&self, text: &str) -> Vec<String> {
        let _ = std::fs::remove_file(&self.args);
        self.tmux.keys(&["-l", text]);
        self.tmux.wait_for(text);
        self.tmux.keys(&["Tab"]);
        self.tmux
            .wait_until(&format!("{text} to be completed"), |s| {
                let last = s.lines().rev().find(|l| !l.trim().is_empty());
                last.is_some_and(|l| !l.trim_end().ends_with(text))
            });
        self.tmux.keys(&["Enter"]);
        common::wait_for("the command to run", Duration::from_secs(20), || {
            self.args.exists()
        });
        let got = std::fs::read_to_string(&self.args).expect("the arguments");
        got.strip_suffix("]\n")
            .unwrap_or(&got)
            .strip_prefix('[')
            .unwrap_or(&got)
            .split("]\n[")
            .map(str::to_string)
            .collect()
    }

    /// Every hostile name completed after `show`, then a directive after one of them: each
    /// reaches the command whole, and nothing in a name ran.
    fn completes_hostile_names_inert(&self, shell: &str) {
        for name in HOSTILE {
            let letter = &name[..1];
            let got = self.complete_and_run(&format!("briefing show 2024/2024-03-13-{letter}"));
            assert_eq!(got, ["show", &format!("2024/2024-03-13-{name}")], "{shell}");
        }
        let _ = std::fs::remove_file(&self.args);
        self.tmux.keys(&["-l", "briefing done 2024/2024-03-13-a"]);
        self.tmux.keys(&["Tab"]);
        self.tmux.wait_until("the session to be completed", |s| {
            s.contains("PWNED-a") && s.lines().any(|l| l.trim_end().ends_with("PWNED-a\\)"))
        });
        let got = self.complete_and_run(" hh-ma");
        assert_eq!(
            got,
            ["done", "2024/2024-03-13-a$(touch PWNED-a)", "hh-ma-tuy"],
            "{shell}"
        );
        let pwned: Vec<String> = std::fs::read_dir(self.folder.path())
            .expect("the folder")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("PWNED"))
            .collect();
        assert!(pwned.is_empty(), "{shell} ran a name: {pwned:?}");
    }
}

#[test]
fn bash_inserts_hostile_names_quoted() {
    if let Some(typist) = Typist::start("bash") {
        typist.completes_hostile_names_inert("bash");
    }
}

#[test]
fn zsh_inserts_hostile_names_quoted() {
    if let Some(typist) = Typist::start("zsh") {
        typist.completes_hostile_names_inert("zsh");
    }
}

#[test]
fn fish_inserts_hostile_names_quoted() {
    if let Some(typist) = Typist::start("fish") {
        typist.completes_hostile_names_inert("fish");
    }
}
