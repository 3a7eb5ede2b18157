//! The session list: opening, filtering, quitting, loading and empty folders, the config's keys.

use super::*;

#[test]
fn open_navigate_tabs_and_come_back() {
    let mut app = app(Lang::Vi, 80, 24);
    assert!(app.screen().is_none(), "the session list");
    press(&mut app, &[Command::Open]);
    let Some(Screen::Session(view)) = app.screen() else {
        panic!("session not opened");
    };
    assert_eq!(
        (view.id(), view.tab()),
        ("2024/2024-03-13-hai-ha-dam-ha", 0)
    );
    press(&mut app, &[Command::NextTab]);
    assert_eq!(tab(&app), Some(1));
    press(&mut app, &[Command::PrevTab, Command::PrevTab]);
    assert_eq!(tab(&app), Some(2), "wraps around");
    press(&mut app, &[Command::JumpTab(2)]);
    assert_eq!(tab(&app), Some(1));
    press(&mut app, &[Command::JumpTab(9)]);
    assert_eq!(tab(&app), Some(1), "no tab 9: stays");
    press(&mut app, &[Command::Back]);
    assert!(app.screen().is_none());
}

#[test]
fn q_goes_back_from_a_session_and_quits_from_the_list() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::Open]);
    assert_eq!(press_effect(&mut app, Command::Quit), Effect::None);
    assert!(app.screen().is_none());
    assert_eq!(press_effect(&mut app, Command::Quit), Effect::Quit);
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::Open, Command::Help]);
    assert_eq!(press_effect(&mut app, Command::ForceQuit), Effect::Quit);
}

#[test]
fn snapshot_sessions_80x24() {
    assert_snapshot!(screen_text(&draw(&app(Lang::Vi, 80, 24))));
}

#[test]
fn snapshot_sessions_120x40_en() {
    assert_snapshot!(screen_text(&draw(&app(Lang::En, 120, 40))));
}

#[test]
fn the_selected_session_row_is_reversed() {
    let buf = draw(&app(Lang::Vi, 80, 24));
    let (x, y) = find(&buf, "13/03/2024").expect("row");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn loading_and_empty_folder_screens() {
    let mut app = App::new(Options {
        dir: "empty".into(),
        ..options(Lang::En, today(), Keymap::default())
    });
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert!(screen_text(&draw(&app)).contains("Loading…"));
    let empty = tempfile::tempdir().expect("tmp");
    load(&mut app, empty.path());
    let text = screen_text(&draw(&app));
    assert!(text.contains("No sessions in the folder empty"), "{text}");
    press(&mut app, &[Command::Down, Command::Open, Command::Last]);
    assert!(app.screen().is_none());
    load(&mut app, Path::new("nowhere"));
    assert!(matches!(
        app.loading(),
        Loading::Failed(store::FolderError::Missing(_))
    ));
    assert!(screen_text(&draw(&app)).contains("the briefing folder nowhere does not exist"));
}

#[test]
fn failed_files_are_counted_and_listed() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("bad.toml"), "[session]\ntitle = 1\n").expect("write");
    let mut app = app(Lang::En, 80, 24);
    load(&mut app, tmp.path());
    let text = screen_text(&draw(&app));
    assert!(text.contains("⚠ 1 file with errors (!)"), "{text}");
    press(&mut app, &[Command::Diagnostics]);
    let text = screen_text(&draw(&app));
    assert!(text.contains("bad.toml:2:9 error"), "{text}");
    assert!(
        text.contains("`title` in [session] must be a string"),
        "{text}"
    );
}

#[test]
fn session_filter_lists_upcoming_or_past() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::FilterSessions]);
    let text = screen_text(&draw(&app));
    assert!(text.contains("Filter: upcoming sessions"));
    assert!(
        !text.contains("13/03/2024"),
        "the sample is past on 20/03/2024"
    );
    press(&mut app, &[Command::FilterSessions]);
    assert!(screen_text(&draw(&app)).contains("13/03/2024"));
    press(&mut app, &[Command::Open]);
    assert!(matches!(app.screen(), Some(Screen::Session(_))));
}

#[test]
fn config_keys_and_theme_drive_the_app() {
    use crossterm::event::KeyCode;
    let (config, problems) = briefing::api::config::parse(
        "[keys]\ndown = [\"n\"]\nsearch = [\"ctrl-f\"]\n[theme]\nmet = \"lightblue\"\n",
        "config.toml",
        None,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = App::new(options(Lang::Vi, today(), config.keys));
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    load(&mut app, sample_dir().path());
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('3'));
    let before = place(&app);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(place(&app), before, "j is no longer bound");
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('n'));
    }
    assert_ne!(place(&app), before);
    let buf = draw_with(&app, &config.theme);
    assert!(
        screen_text(&buf).contains("n xuống"),
        "the hint bar follows the config"
    );
    let (x, y) = find(&buf, "✓ đạt").expect("met");
    assert_eq!(buf[(x, y)].fg, Color::LightBlue);
    app.update(Action::Key(crossterm::event::KeyEvent::new(
        KeyCode::Char('f'),
        crossterm::event::KeyModifiers::CONTROL,
    )));
    assert!(matches!(app.screen(), Some(Screen::Search(_))));
}

#[test]
fn styled_session_list() {
    assert_snapshot!(styled_text(&draw(&app(Lang::Vi, 80, 24))));
}

#[test]
fn problems_are_listed_in_vietnamese_with_dates_kept_whole() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(
        tmp.path().join("bad.toml"),
        "[session]\ntitle = \"Họp\"\ndate = \"2024-03-13\"\n",
    )
    .expect("write");
    let mut app = app(Lang::Vi, 60, 20);
    load(&mut app, tmp.path());
    press(&mut app, &[Command::Diagnostics]);
    let text = screen_text(&draw(&app));
    assert!(text.contains("bad.toml:3:8 lỗi"), "{text}");
    assert!(
        !text.contains("error"),
        "an English word in Vietnamese: {text}"
    );
    assert!(text.contains("2024-03-13"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        !lines.iter().any(|l| l.trim_end().ends_with("2024-")),
        "a date broken at a hyphen:\n{text}"
    );
}

/// Sessions whose titles all start alike are told apart at 80 columns: the localities have a
/// column of their own, the shared start of the titles is left out, counters carry words.
#[test]
fn the_list_tells_sessions_apart_at_80_columns() {
    let title = |rest: &str| format!("Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ {rest}");
    let catalog = folder(&[
        (
            "a.toml",
            session_file(
                &title("Huyện ủy Đầm Hà và Hải Hà"),
                "2024-03-13",
                &["Hải Hà", "Đầm Hà"],
            ),
        ),
        (
            "b.toml",
            session_file(&title("Thành ủy Móng Cái"), "2024-04-02", &["Móng Cái"]),
        ),
        (
            "c.toml",
            session_file(&title("Huyện ủy Tiên Yên"), "2024-05-20", &["Tiên Yên"]),
        ),
    ]);
    let app = app_with(catalog.path(), Lang::Vi, 80, 24);
    let text = screen_text(&draw(&app));
    for (place, part) in [
        ("Hải Hà, Đầm Hà", "…Huyện ủy Đầm Hà"),
        ("Móng Cái", "…Thành ủy Móng Cái"),
        ("Tiên Yên", "…Huyện ủy Tiên Yên"),
    ] {
        let row = (text.lines())
            .find(|l| l.contains(place))
            .unwrap_or_else(|| panic!("{place} listed: {text}"));
        assert!(row.contains(part), "{row}");
        assert!(row.contains("0/") && row.contains(" xong"), "{row}");
    }
    assert_snapshot!("sessions_told_apart_80x24", text);
}

/// The wheel moves through the sessions; a click selects one, a second click opens it.
#[test]
fn the_mouse_selects_and_opens_sessions() {
    use crossterm::event::MouseEventKind;
    let catalog = folder(&[
        ("a.toml", session_file("Một", "2024-03-13", &["Hải Hà"])),
        ("b.toml", session_file("Hai", "2024-04-02", &["Móng Cái"])),
    ]);
    let mut app = app_with(catalog.path(), Lang::Vi, 80, 24);
    mouse(&mut app, MouseEventKind::ScrollDown, 5, 2);
    assert_eq!(app.session_list().selected(), 1);
    let buf = draw(&app);
    let (x, y) = find(&buf, "Hai").expect("the newer session");
    click(&mut app, x, y);
    assert_eq!(app.session_list().selected(), 0);
    assert!(app.screen().is_none());
    click(&mut app, x, y);
    assert!(matches!(app.screen(), Some(Screen::Session(s)) if s.id() == "b"));
}

/// Two sessions with the same localities are told apart by their titles at 60×20, 80×24 and
/// 120×40: the title gets the room the counters and the localities do not need.
#[test]
fn sessions_with_the_same_localities_are_told_apart_at_every_size() {
    let file = |title: &str, date: &str| {
        let mut text = session_file(title, date, &["Hải Hà", "Đầm Hà"]);
        for i in 0..12 {
            text.push_str(&format!(
                "\n[[directive]]\nid = \"c{i}\"\ntext = \"Việc chung {i}\"\ndue = 2024-01-0{}\n",
                1 + i % 9
            ));
        }
        text
    };
    let catalog = folder(&[
        (
            "a.toml",
            file(
                "Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Đầm Hà và Hải Hà",
                "2024-03-13",
            ),
        ),
        (
            "b.toml",
            file(
                "Đoàn kiểm tra của Tỉnh ủy làm việc với Huyện ủy Đầm Hà và Hải Hà",
                "2024-02-02",
            ),
        ),
    ]);
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let app = app_with(catalog.path(), Lang::Vi, w, h);
        let text = screen_text(&draw(&app));
        for (date, title) in [
            ("13/03/2024", "Ban Thường vụ Tỉnh"),
            ("02/02/2024", "Đoàn kiểm tra của"),
        ] {
            let row = (text.lines())
                .find(|l| l.contains(date))
                .unwrap_or_else(|| panic!("{w}x{h}: {date} listed:\n{text}"));
            assert!(row.contains(title), "{w}x{h}: {row}");
            assert!(row.contains("⚠"), "{w}x{h}: the overdue mark stays: {row}");
        }
    }
}
