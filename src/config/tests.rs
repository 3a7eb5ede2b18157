use super::*;

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
    for a in Action::ALL {
        assert!(
            text.contains(&format!("\n{} ", a.name())),
            "{} is documented",
            a.name()
        );
        assert!(
            !KeyMap::default().keys(a).is_empty(),
            "{} has keys",
            a.name()
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
    assert_eq!(c.theme.accent, Color::Magenta);
    assert_eq!(c.theme.met, Theme::default().met);
    assert_eq!(
        c.keys.keys(Action::Quit),
        [
            (KeyCode::Char('Q'), KeyModifiers::NONE),
            (KeyCode::Char('q'), KeyModifiers::CONTROL)
        ]
    );
    assert_eq!(c.keys.action(KeyCode::Char('q'), KeyModifiers::NONE), None);
    assert_eq!(c.keys.keys(Action::Up), KeyMap::default().keys(Action::Up));
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
    assert_eq!(c.theme.met, Color::LightGreen);
    assert_eq!(
        c.keys.keys(Action::Up),
        [(KeyCode::Char('k'), KeyModifiers::NONE)]
    );
    assert_eq!(
        c.keys.keys(Action::Down),
        KeyMap::default().keys(Action::Down)
    );
    assert_eq!(
        c.keys.keys(Action::Quit),
        KeyMap::default().keys(Action::Quit)
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
    let k = |s: &str| parse_key(s).expect(s);
    assert_eq!(k("j"), (KeyCode::Char('j'), KeyModifiers::NONE));
    assert_eq!(k("J"), (KeyCode::Char('J'), KeyModifiers::NONE));
    assert_eq!(k("shift-j"), k("J"));
    assert_eq!(k("ctrl-c"), (KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(k("Ctrl-C"), k("ctrl-c"));
    assert_eq!(k("alt-x"), (KeyCode::Char('x'), KeyModifiers::ALT));
    assert_eq!(k("shift-tab"), (KeyCode::BackTab, KeyModifiers::NONE));
    assert_eq!(k("enter"), (KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(k("esc"), (KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(k("space"), (KeyCode::Char(' '), KeyModifiers::NONE));
    assert_eq!(k("pgup"), (KeyCode::PageUp, KeyModifiers::NONE));
    assert_eq!(k("PgDn"), (KeyCode::PageDown, KeyModifiers::NONE));
    assert_eq!(k("f5"), (KeyCode::F(5), KeyModifiers::NONE));
    assert_eq!(k("-"), (KeyCode::Char('-'), KeyModifiers::NONE));
    assert_eq!(k("ctrl--"), (KeyCode::Char('-'), KeyModifiers::CONTROL));
    assert_eq!(k("đ"), (KeyCode::Char('đ'), KeyModifiers::NONE));
    for bad in ["", "f13", "f0", "ctrl-", "hyper-x", "enterr"] {
        assert!(parse_key(bad).is_err(), "{bad:?} should fail");
    }
}

#[test]
fn key_names_round_trip() {
    for a in Action::ALL {
        for &key in KeyMap::default().keys(a) {
            assert_eq!(parse_key(&key_name(key)), Ok(key), "{}", key_name(key));
        }
    }
    assert_eq!(key_name(parse_key("ctrl-c").expect("key")), "ctrl-c");
    assert_eq!(key_name(parse_key("shift-tab").expect("key")), "shift-tab");
}

#[test]
fn events_find_their_action() {
    let keys = KeyMap::default();
    assert_eq!(
        keys.action(KeyCode::Char('j'), KeyModifiers::NONE),
        Some(Action::Down)
    );
    assert_eq!(
        keys.action(KeyCode::Char('G'), KeyModifiers::SHIFT),
        Some(Action::Last)
    );
    assert_eq!(
        keys.action(KeyCode::BackTab, KeyModifiers::SHIFT),
        Some(Action::PrevTab)
    );
    assert_eq!(
        keys.action(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::Quit)
    );
    assert_eq!(keys.action(KeyCode::Char('z'), KeyModifiers::NONE), None);
}

#[test]
fn default_actions_do_not_share_keys() {
    let keys = KeyMap::default();
    let mut seen = std::collections::HashSet::new();
    for a in Action::ALL {
        for k in keys.keys(a) {
            assert!(seen.insert(*k), "{} is bound twice", key_name(*k));
        }
    }
}
