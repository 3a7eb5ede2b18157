use super::*;
use crate::diag::Refusal;
use crossterm::event::{KeyCode, KeyModifiers};

fn parse_ok(text: &str) -> Config {
    let (config, diags) = parse(text, "config.toml", None);
    assert!(diags.is_empty(), "unexpected: {diags:?}");
    config
}

fn warnings(text: &str) -> (Config, Vec<String>) {
    let (config, diags) = parse(text, "config.toml", None);
    (config, diags.iter().map(ToString::to_string).collect())
}

#[test]
fn the_documented_config_is_the_default() {
    let text = include_str!("../../docs/config.toml");
    assert_eq!(parse_ok(text), Config::default());
}

#[test]
fn the_documented_keys_are_the_defaults_of_every_action() {
    let text = include_str!("../../docs/config.toml");
    for c in Command::CONFIGURABLE {
        assert!(
            text.contains(&format!("\n{} ", c.name())),
            "{} is documented",
            c.name()
        );
        assert!(
            !Keymap::default().keys(c).is_empty(),
            "{} has keys",
            c.name()
        );
    }
}

#[test]
fn settings_apply() {
    let c = parse_ok(
        r#"
dir = "/srv/briefings"
lang = "vi"
[theme]
accent = "Magenta"
[keys]
quit = ["Q", "ctrl-q"]
"#,
    );
    assert_eq!(c.dir, Some(PathBuf::from("/srv/briefings")));
    assert_eq!(c.lang, Some(Lang::Vi));
    assert_eq!(c.theme.accent, Some(Color::Magenta));
    assert_eq!(c.theme.met, Theme::default().met);
    assert_eq!(
        c.keys.keys(Command::Quit),
        [
            Key::new(KeyCode::Char('Q'), KeyModifiers::NONE),
            Key::new(KeyCode::Char('q'), KeyModifiers::CONTROL)
        ]
    );
    assert_eq!(
        c.keys
            .command(Key::new(KeyCode::Char('q'), KeyModifiers::NONE)),
        None
    );
    assert_eq!(
        c.keys.keys(Command::Up),
        Keymap::default().keys(Command::Up)
    );
}

#[test]
fn a_relative_dir_is_below_the_config_folder() {
    let (c, _) = parse(
        "dir = \"notes\"",
        "c.toml",
        Some(Path::new("/etc/briefing")),
    );
    assert_eq!(c.dir, Some(PathBuf::from("/etc/briefing/notes")));
}

#[test]
fn bad_entries_are_skipped_with_their_place_and_the_rest_applies() {
    let (c, w) = warnings(
        r#"lang = "fr"
dri = "x"
[theme]
accent = "purple"
met = "lightgreen"
colour = "red"
[keys]
up = ["k", "ctrl-", "hyper-x"]
jump = ["J"]
down = 5
quit = ["bogus-key"]
"#,
    );
    assert_eq!(c.lang, None);
    assert_eq!(c.dir, None);
    assert_eq!(c.theme.accent, Theme::default().accent);
    assert_eq!(c.theme.met, Some(Color::LightGreen));
    assert_eq!(
        c.keys.keys(Command::Up),
        [Key::new(KeyCode::Char('k'), KeyModifiers::NONE)]
    );
    assert_eq!(
        c.keys.keys(Command::Down),
        Keymap::default().keys(Command::Down)
    );
    assert_eq!(
        c.keys.keys(Command::Quit),
        Keymap::default().keys(Command::Quit)
    );
    let expect = [
        "config.toml:1:8: warning: unknown language `fr`",
        "config.toml:2:1: warning: unknown setting `dri`, ignored; did you mean `dir`?",
        "config.toml:4:10: warning: unknown colour `purple` for `accent`",
        "config.toml:6:1: warning: unknown theme slot `colour`",
        "config.toml:8:12: warning: unknown key `ctrl-`",
        "config.toml:8:21: warning: unknown key `hyper-x`",
        "config.toml:9:1: warning: unknown action `jump`",
        "config.toml:10:8: warning: `down` must be a list of keys",
        "config.toml:11:9: warning: unknown key `bogus-key`",
    ];
    assert_eq!(w.len(), expect.len(), "{w:#?}");
    for (got, want) in w.iter().zip(expect) {
        assert!(got.starts_with(want), "{got}\n  should start with\n{want}");
    }
}

#[test]
fn invalid_toml_keeps_every_default() {
    let (c, w) = warnings("lang = \"vi\"\n[theme\naccent = \"red\"\n");
    assert_eq!(c, Config::default());
    assert_eq!(w.len(), 1);
    assert!(w[0].starts_with("config.toml:2:"), "{}", w[0]);
    assert!(w[0].contains("invalid TOML"), "{}", w[0]);
}

#[test]
fn wrong_types_are_reported() {
    let (c, w) = warnings("lang = 1\ntheme = \"dark\"\nkeys = []\n");
    assert_eq!(c, Config::default());
    assert_eq!(w.len(), 3, "{w:#?}");
    assert!(w[0].contains("`lang` must be a string, found an integer"));
    assert!(w[1].contains("`theme` must be a table"));
}

#[test]
fn key_syntax() {
    let k = |s: &str| Key::parse(s).expect(s);
    assert_eq!(k("j"), Key::new(KeyCode::Char('j'), KeyModifiers::NONE));
    assert_eq!(k("J"), Key::new(KeyCode::Char('J'), KeyModifiers::NONE));
    assert_eq!(k("shift-j"), k("J"));
    assert_eq!(
        k("ctrl-c"),
        Key::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
    );
    assert_eq!(k("Ctrl-C"), k("ctrl-c"));
    assert_eq!(k("alt-x"), Key::new(KeyCode::Char('x'), KeyModifiers::ALT));
    assert_eq!(
        k("shift-tab"),
        Key::new(KeyCode::BackTab, KeyModifiers::NONE)
    );
    assert_eq!(k("enter"), Key::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(k("esc"), Key::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(k("space"), Key::new(KeyCode::Char(' '), KeyModifiers::NONE));
    assert_eq!(k("pgup"), Key::new(KeyCode::PageUp, KeyModifiers::NONE));
    assert_eq!(k("PgDn"), Key::new(KeyCode::PageDown, KeyModifiers::NONE));
    assert_eq!(k("f5"), Key::new(KeyCode::F(5), KeyModifiers::NONE));
    assert_eq!(k("-"), Key::new(KeyCode::Char('-'), KeyModifiers::NONE));
    assert_eq!(
        k("ctrl--"),
        Key::new(KeyCode::Char('-'), KeyModifiers::CONTROL)
    );
    assert_eq!(k("đ"), Key::new(KeyCode::Char('đ'), KeyModifiers::NONE));
    for bad in ["", "f13", "f0", "ctrl-", "hyper-x", "enterr"] {
        assert!(Key::parse(bad).is_none(), "{bad:?} should fail");
    }
}

#[test]
fn key_names_round_trip() {
    for a in Command::CONFIGURABLE {
        for &key in Keymap::default().keys(a) {
            assert_eq!(
                Key::parse(&key.config_name()),
                Some(key),
                "{}",
                key.config_name()
            );
        }
    }
    assert_eq!(Key::parse("ctrl-c").expect("key").config_name(), "ctrl-c");
    assert_eq!(
        Key::parse("shift-tab").expect("key").config_name(),
        "shift-tab"
    );
}

#[test]
fn default_actions_do_not_share_keys() {
    let keys = Keymap::default();
    let mut seen = std::collections::HashSet::new();
    for a in Command::CONFIGURABLE {
        for k in keys.keys(a) {
            assert!(seen.insert(*k), "{} is bound twice", k.config_name());
        }
    }
}

#[test]
fn max_file_mib_sets_the_size_limit_in_whole_mebibytes() {
    assert_eq!(parse_ok("max_file_mib = 8").max_file_size, Some(8 << 20));
    for bad in [
        "max_file_mib = 0",
        "max_file_mib = 5000",
        "max_file_mib = \"8\"",
    ] {
        let (config, problems) = warnings(bad);
        assert_eq!(config.max_file_size, None, "{bad}");
        assert!(problems[0].contains("from 1 to 1024"), "{problems:?}");
    }
}

#[test]
fn abbreviations_add_to_the_built_in_table_and_bad_entries_are_named() {
    let (config, problems) = warnings(
        r#"[abbreviations]
TDC = "tái định cư"
"HĐND" = "hội đồng nhân dân"
NTM = 5
"—" = "gạch ngang"
"#,
    );
    let mut expected = Abbreviations::default();
    assert!(expected.add("TDC", "tái định cư"));
    assert_eq!(config.abbreviations, expected);
    assert_eq!(
        problems,
        [
            "config.toml:4:7: warning: `NTM` in [abbreviations] must be a string, what it stands \
             for (e.g. `NTM = \"nông thôn mới\"`), found an integer; ignored",
            "config.toml:5:1: warning: the abbreviation `—` needs letters or digits on both \
             sides of `=` (e.g. `NTM = \"nông thôn mới\"`); ignored",
        ]
    );
    let (_, diags) = parse("abbreviations = 1", "config.toml", None);
    assert!(
        diags[0].message(Lang::Vi).contains("phải là một bảng"),
        "{diags:?}"
    );
}

#[test]
fn mouse_capture_can_be_turned_off() {
    assert_eq!(parse_ok("mouse = false\n").mouse, Some(false));
    assert_eq!(Config::default().mouse, None, "on unless the file says");
    let (config, problems) = warnings("mouse = \"no\"\n");
    assert_eq!(config.mouse, None);
    assert!(
        problems[0].contains("`mouse` must be true or false"),
        "{problems:?}"
    );
}

#[test]
fn a_fixed_key_bound_to_an_action_is_a_warning_and_stays_fixed() {
    let (c, warnings) = warnings("[keys]\nquit = [\"ctrl-c\", \"1\", \"Q\"]\nhelp = \"9\"\n");
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(warnings[0].contains("2:9") && warnings[0].contains("`ctrl-c`"));
    assert!(warnings[1].contains("`1`") && warnings[1].contains("always"));
    assert!(warnings[2].contains("3:8") && warnings[2].contains("`9`"));
    assert_eq!(c.keys.keys(Command::Quit), [Key::char('Q')]);
    assert!(
        !c.keys.keys(Command::Help).is_empty(),
        "help keeps its keys"
    );
    let ctrl_c = Key::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(c.keys.command(ctrl_c), Some(Command::ForceQuit));
    assert_eq!(c.keys.command(Key::char('1')), Some(Command::JumpTab(1)));
}

#[test]
fn rebinding_never_takes_a_fixed_key_from_its_command() {
    let mut keys = Keymap::default();
    keys.rebind(Command::Quit, vec![Key::char('1')]);
    assert_eq!(keys.keys(Command::JumpTab(1)), [Key::char('1')]);
}

/// `load` of `path` on a thread, which must end (a pipe must not be waited on).
fn load_ending(path: &Path) -> (Config, Vec<Diagnostic>) {
    let path = path.to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(load(&path, true));
    });
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .expect("reading the config ended")
}

#[test]
fn devices_and_pipes_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("config.toml");
    make_fifo(&fifo, 0o600);
    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        let (config, diags) = load_ending(path);
        assert_eq!(config, Config::default());
        assert_eq!(diags.len(), 1, "{diags:?}");
        let refused = Problem::Refused {
            file: FileRead::Config,
            why: Refusal::NotRegular,
        };
        assert_eq!(diags[0].problem, refused, "{path:?}");
    }
    let (config, diags) = load_ending(Path::new("/dev/null"));
    assert_eq!((config, diags.len()), (Config::default(), 0));
}

#[test]
fn a_config_file_beyond_the_limit_is_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config.toml");
    let mut text = "lang = \"vi\"\n".to_string();
    text.push_str(&"#".repeat(usize::try_from(MAX_SIZE).expect("size")));
    std::fs::write(&path, &text).expect("write");
    let (config, diags) = load(&path, true);
    assert_eq!(config, Config::default());
    let size = text.len() as u64;
    let limit = MAX_SIZE;
    assert_eq!(
        diags.iter().map(|d| &d.problem).collect::<Vec<_>>(),
        [&Problem::Refused {
            file: FileRead::Config,
            why: Refusal::TooBig { size, limit }
        }]
    );
    text.truncate(usize::try_from(MAX_SIZE).expect("size"));
    std::fs::write(&path, &text).expect("write");
    assert_eq!(load(&path, true).0.lang, Some(Lang::Vi));
}

#[test]
fn twenty_thousand_abbreviations_are_each_found_once() {
    let mut text = String::from("[abbreviations]\n");
    for i in 0..20_000 {
        text.push_str(&format!("AB{i} = \"từ số {i}\"\nab{i} = \"Từ số {i}\"\n"));
    }
    let config = parse_ok(&text);
    let table = &config.abbreviations;
    assert_eq!(table.len(), Abbreviations::default().len() + 20_000);
    for (typed, long) in [("ab19999", "tu so 19999"), ("ab0", "tu so 0")] {
        let spelt = table.variants(&[typed.to_string()]);
        let said: Vec<String> = spelt
            .iter()
            .map(|v| {
                v.iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(said, [typed, long]);
    }
}

fn make_fifo(path: &Path, mode: u32) {
    use rustix::fs::{CWD, FileType, Mode, mknodat};
    mknodat(CWD, path, FileType::Fifo, Mode::from_raw_mode(mode), 0).expect("mkfifo");
}
