//! The whole app on a `TestBackend`: update without a terminal, screen snapshots, styles, sizes.

use std::path::Path;

use briefing::app::{Action, App, Effect, Loaded, Loading, Notice, Options, Overlay, Screen};
use briefing::input::{Command, Keymap};
use briefing::model::Lang;
use briefing::screens::review::Review;
use briefing::store;
use briefing::store::write::WriteError;
use briefing::ui::theme::Theme;
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn today() -> NaiveDate {
    day(2024, 3, 20)
}

fn options(lang: Lang, today: NaiveDate, keymap: Keymap) -> Options {
    Options {
        dir: "briefings".into(),
        lang,
        today,
        keymap,
        user: "lan".into(),
    }
}

fn sample() -> store::Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    store::load_dir(&dir).expect("sample")
}

fn app_on(lang: Lang, day: NaiveDate, width: u16, height: u16) -> App {
    let mut app = App::new(options(lang, day, Keymap::default()));
    app.update(Action::Resize { width, height });
    app.update(Action::Loaded(Box::new(Ok(Loaded::new(sample())))));
    app
}

fn app(lang: Lang, width: u16, height: u16) -> App {
    app_on(lang, today(), width, height)
}

fn draw_with(app: &App, theme: &Theme) -> Buffer {
    let area = app.area();
    let mut term = Terminal::new(TestBackend::new(area.width, area.height)).expect("term");
    term.draw(|f| app.draw(f, theme)).expect("draw");
    term.backend().buffer().clone()
}

fn draw(app: &App) -> Buffer {
    draw_with(app, &Theme::default())
}

fn screen_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Presses the first key bound to each command in the default keymap.
fn press(app: &mut App, commands: &[Command]) {
    let keymap = Keymap::default();
    for c in commands {
        let key = keymap.keys(*c).first().expect("a key for every command");
        app.update(Action::Key(KeyEvent::new(key.code, key.mods)));
    }
}

fn press_effect(app: &mut App, c: Command) -> Effect {
    let keymap = Keymap::default();
    let key = keymap.keys(c).first().expect("a key for every command");
    app.update(Action::Key(KeyEvent::new(key.code, key.mods)))
}

/// The position of the first cell of `needle` on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?.to_string();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol() != first {
                continue;
            }
            let mut s = String::new();
            let mut cx = x;
            while cx < buf.area.width && s.chars().count() < needle.chars().count() {
                s.push_str(buf[(cx, y)].symbol());
                cx += 1;
            }
            if s == needle {
                return Some((x, y));
            }
        }
    }
    None
}

/// The open session screen: (tab, selected block, first line in view).
fn place(app: &App) -> Option<(usize, usize, usize)> {
    match app.screen() {
        Some(Screen::Session(s)) => Some((s.tab(), s.selected(), s.offset())),
        _ => None,
    }
}

fn tab(app: &App) -> Option<usize> {
    place(app).map(|(tab, _, _)| tab)
}

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
fn help_overlay_opens_and_closes() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::Open, Command::Help]);
    assert!(matches!(app.overlay(), Some(Overlay::Help(h)) if h.offset() == 0));
    press(&mut app, &[Command::Down]);
    assert!(matches!(app.overlay(), Some(Overlay::Help(h)) if h.offset() == 1));
    press(&mut app, &[Command::Back]);
    assert!(app.overlay().is_none());
    assert!(
        matches!(app.screen(), Some(Screen::Session(_))),
        "Esc closes the overlay only"
    );
}

/// The key help lists what the screen below offers: checking off in a session, not on the list.
#[test]
fn help_lists_the_commands_of_the_screen_below() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Help]);
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("Filter sessions: all → upcoming → past"),
        "{text}"
    );
    assert!(!text.contains("Check a directive off / on"), "{text}");
    press(&mut app, &[Command::Back, Command::Open, Command::Help]);
    let text = screen_text(&draw(&app));
    assert!(text.contains("Check a directive off / on"), "{text}");
    assert!(text.contains("1 … 9"), "{text}");
}

#[test]
fn moving_down_scrolls_the_selection_into_view() {
    let mut app = app(Lang::Vi, 80, 24);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    for _ in 0..40 {
        press(&mut app, &[Command::Down]);
    }
    let (_, _, offset) = place(&app).expect("a session");
    assert!(offset > 0);
    let buf = draw(&app);
    assert!(find(&buf, "▌").is_some(), "the selection is on screen");
    press(&mut app, &[Command::First]);
    assert_eq!(place(&app), Some((1, 1, 0)));
}

#[test]
fn page_keys_move_by_a_screenful() {
    let mut app = app(Lang::Vi, 80, 24);
    press(
        &mut app,
        &[Command::Open, Command::JumpTab(2), Command::PageDown],
    );
    let (_, after, _) = place(&app).expect("a session");
    assert!(after > 3, "moved several blocks: {after}");
    press(&mut app, &[Command::PageUp]);
    let (_, before, _) = place(&app).expect("a session");
    assert!(before < after);
}

#[test]
fn district_line_opens_its_tab() {
    let mut app = app(Lang::Vi, 80, 24);
    press(&mut app, &[Command::Open]);
    // Overview: summary paragraphs, then the district lines.
    for _ in 0..10 {
        let buf = draw(&app);
        let text = screen_text(&buf);
        if text.lines().any(|l| l.starts_with("▌ Đầm Hà")) {
            break;
        }
        press(&mut app, &[Command::Down]);
    }
    press(&mut app, &[Command::Open]);
    assert_eq!(tab(&app), Some(2));
}

#[test]
fn snapshot_sessions_80x24() {
    insta::assert_snapshot!(screen_text(&draw(&app(Lang::Vi, 80, 24))));
}

#[test]
fn snapshot_sessions_120x40_en() {
    insta::assert_snapshot!(screen_text(&draw(&app(Lang::En, 120, 40))));
}

#[test]
fn snapshot_districts_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        for tab in [2u8, 3] {
            let mut app = app(Lang::Vi, w, h);
            press(&mut app, &[Command::Open, Command::JumpTab(tab)]);
            // Show the gauges: skip the summary.
            press(&mut app, &[Command::Down, Command::Down, Command::Down]);
            insta::assert_snapshot!(format!("district_{tab}_{w}x{h}"), screen_text(&draw(&app)));
        }
    }
}

#[test]
fn snapshot_directives_en_120x40() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open, Command::Last]);
    insta::assert_snapshot!(screen_text(&draw(&app)));
}

#[test]
fn snapshot_help_80x24() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::Help]);
    insta::assert_snapshot!(screen_text(&draw(&app)));
}

#[test]
fn gauge_status_has_colour_and_words() {
    let mut app = app(Lang::Vi, 120, 40);
    press(&mut app, &[Command::Open, Command::JumpTab(3)]);
    press(&mut app, &[Command::Down, Command::Down, Command::Down]);
    let buf = draw(&app);
    let (x, y) = find(&buf, "✓ đạt").expect("met status");
    assert_eq!(buf[(x, y)].fg, Color::Green);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&buf, "✗ chưa đạt").expect("behind status (income 80%)");
    assert_eq!(buf[(x, y)].fg, Color::Red);
    let (x, y) = find(&buf, "80%").expect("ratio");
    assert_eq!(buf[(x, y)].fg, Color::Red);
}

#[test]
fn the_selected_session_row_is_reversed() {
    let buf = draw(&app(Lang::Vi, 80, 24));
    let (x, y) = find(&buf, "13/03/2024").expect("row");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn overdue_directives_are_marked_in_words_and_colour() {
    let mut app = app_on(Lang::En, day(2025, 1, 2), 120, 40);
    press(&mut app, &[Command::Open, Command::Last]);
    for _ in 0..40 {
        press(&mut app, &[Command::Up]);
    }
    let buf = draw(&app);
    let (x, y) = find(&buf, "⚠ overdue").expect("overdue flag");
    assert_eq!(buf[(x, y)].fg, Color::LightRed);
}

#[test]
fn no_color_theme_draws_no_colours_but_keeps_status_words() {
    let mut app = app(Lang::Vi, 120, 40);
    press(&mut app, &[Command::Open, Command::JumpTab(3)]);
    press(&mut app, &[Command::Down, Command::Down, Command::Down]);
    let buf = draw_with(&app, &Theme::monochrome());
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    let text = screen_text(&buf);
    assert!(text.contains("✓ đạt") && text.contains("✗ chưa đạt"));
}

#[test]
fn no_size_panics() {
    let widths = [
        1u16, 2, 3, 5, 10, 20, 39, 40, 41, 59, 80, 109, 110, 120, 200, 300,
    ];
    let heights = [1u16, 2, 3, 5, 11, 12, 13, 24, 40, 100];
    for w in widths {
        for h in heights {
            let mut app = app(Lang::Vi, w, h);
            draw(&app);
            press(
                &mut app,
                &[Command::Open, Command::JumpTab(2), Command::Last],
            );
            draw(&app);
            press(&mut app, &[Command::Help, Command::Last]);
            draw(&app);
        }
    }
}

#[test]
fn tiny_terminal_says_so() {
    let text = screen_text(&draw(&app(Lang::En, 30, 8)));
    assert!(text.contains("Terminal too small"), "{text}");
}

#[test]
fn resize_storm_keeps_the_place() {
    let mut app = app(Lang::Vi, 80, 24);
    press(
        &mut app,
        &[Command::Open, Command::JumpTab(3), Command::Last],
    );
    for i in 0..500u16 {
        app.update(Action::Resize {
            width: 1 + (i * 37) % 300,
            height: 1 + (i * 13) % 100,
        });
    }
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(tab(&app), Some(2));
    draw(&app);
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
    app.update(Action::Loaded(Box::new(Ok(Loaded::new(
        store::Catalog::default(),
    )))));
    let text = screen_text(&draw(&app));
    assert!(text.contains("No sessions in the folder empty"), "{text}");
    press(&mut app, &[Command::Down, Command::Open, Command::Last]);
    assert!(app.screen().is_none());
    app.update(Action::Loaded(Box::new(Err(store::FolderError::Missing(
        "nowhere".into(),
    )))));
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
    let catalog = store::load_dir(tmp.path()).expect("load");
    let mut app = app(Lang::En, 80, 24);
    app.update(Action::Loaded(Box::new(Ok(Loaded::new(catalog)))));
    let text = screen_text(&draw(&app));
    assert!(text.contains("⚠ 1 file with errors (e)"), "{text}");
    press(&mut app, &[Command::Diagnostics]);
    let text = screen_text(&draw(&app));
    assert!(text.contains("bad.toml:2:9 error"), "{text}");
    assert!(
        text.contains("`title` in [session] must be a string"),
        "{text}"
    );
}

fn sample_with(edit: impl Fn(String) -> String) -> store::Catalog {
    let tmp = tempfile::tempdir().expect("tmp");
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/2024/2024-03-13-hai-ha-dam-ha.toml");
    std::fs::create_dir_all(tmp.path().join("2024")).expect("mkdir");
    let text = std::fs::read_to_string(src).expect("sample");
    std::fs::write(
        tmp.path().join("2024/2024-03-13-hai-ha-dam-ha.toml"),
        edit(text),
    )
    .expect("write");
    store::load_dir(tmp.path()).expect("load")
}

#[test]
fn reload_keeps_the_place_and_shows_the_new_state() {
    let mut app = app(Lang::En, 120, 40);
    press(
        &mut app,
        &[Command::Open, Command::JumpTab(3), Command::Last],
    );
    press(
        &mut app,
        &[
            Command::Up,
            Command::Up,
            Command::Up,
            Command::Up,
            Command::Up,
        ],
    );
    let before = place(&app);
    let catalog = sample_with(|t| {
        t.replace(
            "id = \"dh-khong-ma-tuy\"",
            "id = \"dh-khong-ma-tuy\"\ndone = true\ndone_by = \"lan\"\ndone_at = 2024-03-19T09:15:00+07:00",
        )
    });
    app.update(Action::Loaded(Box::new(Ok(Loaded::new(catalog)))));
    assert_eq!(place(&app), before);
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("[x] Là địa phương không có ma túy."),
        "{text}"
    );
}

#[test]
fn reload_without_the_open_session_goes_back_to_the_list() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::Open]);
    app.update(Action::Loaded(Box::new(Ok(Loaded::new(
        store::Catalog::default(),
    )))));
    assert!(app.screen().is_none());
    assert!(matches!(app.notice(), Some(Notice::SessionGone)));
    assert!(screen_text(&draw(&app)).contains("no longer in the folder"));
}

fn select_directive(app: &mut App, text: &str) {
    for _ in 0..60 {
        if screen_text(&draw(app))
            .lines()
            .any(|l| l.starts_with("▌ [") && l.contains(text))
        {
            return;
        }
        press(app, &[Command::Down]);
    }
    panic!("directive {text:?} not found");
}

fn directive_state(app: &App, id: &str) -> briefing::model::Directive {
    app.catalog().sessions[0]
        .all_directives()
        .find(|d| d.id == id)
        .cloned()
        .expect("directive")
}

#[test]
fn toggle_shows_at_once_and_asks_for_a_save() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    select_directive(&mut app, "Kiểm soát tốt ma túy");
    let effect = press_effect(&mut app, Command::Toggle);
    let request = briefing::app::SaveRequest {
        session_id: "2024/2024-03-13-hai-ha-dam-ha".into(),
        directive_id: "hh-ma-tuy".into(),
        done: true,
    };
    assert_eq!(effect, Effect::Save(request.clone()));
    assert!(directive_state(&app, "hh-ma-tuy").done);
    assert!(matches!(app.notice(), Some(Notice::Saving)));
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("▌ [x] Kiểm soát tốt ma túy"), "{screen}");
    assert!(screen.contains("Saving…"), "{screen}");

    let at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").expect("time");
    app.update(Action::Saved {
        request,
        result: Ok(briefing::store::write::Change::Done {
            at,
            by: "lan".into(),
        }),
    });
    let d = directive_state(&app, "hh-ma-tuy");
    assert_eq!(
        (d.done, d.done_by.as_deref(), d.done_at),
        (true, Some("lan"), Some(at))
    );
    assert!(
        matches!(app.notice(), Some(Notice::CheckedOff { by, at: when }) if by == "lan" && *when == at)
    );
    let screen = screen_text(&draw(&app));
    assert!(
        screen.contains("Checked off by lan at 09:15 and saved to the file."),
        "{screen}"
    );
    assert!(screen.contains("Checked off by lan at 09:15 20/03/2024"));
    assert!(!app.has_pending_saves());
}

#[test]
fn a_failed_save_reverts_the_mark_and_says_why() {
    let mut app = app(Lang::Vi, 120, 40);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    select_directive(&mut app, "Kiểm soát tốt ma túy");
    let Effect::Save(request) = press_effect(&mut app, Command::Toggle) else {
        panic!("no save asked for");
    };
    app.update(Action::Saved {
        request,
        result: Err(WriteError::ReadOnlyFile {
            path: "/srv/a.toml".into(),
        }),
    });
    let d = directive_state(&app, "hh-ma-tuy");
    assert!(!d.done && d.done_by.is_none());
    assert!(matches!(
        app.notice(),
        Some(Notice::NotSaved(WriteError::ReadOnlyFile { .. }))
    ));
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("▌ [ ] Kiểm soát tốt ma túy"), "{screen}");
    assert!(
        screen.contains("Không lưu được, đã hoàn tác dấu: không ghi được /srv/a.toml"),
        "{screen}"
    );
}

#[test]
fn a_long_reason_is_shown_whole_wrapped_above_the_hint_bar() {
    let mut app = app(Lang::En, 60, 20);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    select_directive(&mut app, "Kiểm soát tốt ma túy");
    let Effect::Save(request) = press_effect(&mut app, Command::Toggle) else {
        panic!("no save asked for");
    };
    app.update(Action::Saved {
        request,
        result: Err(WriteError::NotYourFile {
            path: "/srv/briefings/2024/2024-03-13-hai-ha-dam-ha.toml".into(),
            owner: "lan".into(),
        }),
    });
    let buf = draw(&app);
    let words: String = screen_text(&buf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("ask lan to check it off"), "{words}");
    assert!(words.contains("would make it yours;"), "{words}");
    let last_message_row = buf.area.height - 2;
    let row: String = (0..buf.area.width)
        .map(|x| buf[(x, last_message_row)].symbol())
        .collect();
    assert!(
        row.contains("check it off"),
        "the message ends on the status line: {row}"
    );
    let (got, want) = (
        buf[(1, last_message_row)].style(),
        Theme::default().selected(),
    );
    assert!(got.add_modifier.contains(want.add_modifier), "{got:?}");
    assert!(want.bg.is_none() || got.bg == want.bg, "{got:?}");
}

#[test]
fn toggle_outside_a_directive_explains() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::Open]);
    assert_eq!(press_effect(&mut app, Command::Toggle), Effect::None);
    assert!(matches!(app.notice(), Some(Notice::SelectDirective)));
    let text = screen_text(&draw(&app));
    assert!(text.contains("Select a directive to check it off."));
}

fn type_text(app: &mut App, text: &str) {
    use crossterm::event::{KeyCode, KeyModifiers};
    for c in text.chars() {
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn key(app: &mut App, code: crossterm::event::KeyCode) -> Effect {
    app.update(Action::Key(crossterm::event::KeyEvent::new(
        code,
        crossterm::event::KeyModifiers::NONE,
    )))
}

#[test]
fn search_without_accents_finds_and_opens_the_district() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::Vi, 100, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "dam ha");
    let Some(Screen::Search(view)) = app.screen() else {
        panic!("search not open");
    };
    assert_eq!(view.query(), "dam ha");
    assert_eq!(view.hits()[0].text, "Đầm Hà");
    let buf = draw(&app);
    let (x, y) = find(&buf, "Đầm Hà").expect("hit on screen");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "match highlighted"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(tab(&app), Some(2));
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.screen(), Some(Screen::Search(_))),
        "Esc goes back to the hits"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.screen().is_none());
}

#[test]
fn search_keys_type_instead_of_acting() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::En, 80, 24);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "qjk");
    assert!(matches!(app.screen(), Some(Screen::Search(v)) if v.query() == "qjk"));
    key(&mut app, KeyCode::Backspace);
    assert!(matches!(app.screen(), Some(Screen::Search(v)) if v.query() == "qj"));
    assert_eq!(
        app.update(Action::Key(crossterm::event::KeyEvent::new(
            KeyCode::Char('c'),
            crossterm::event::KeyModifiers::CONTROL
        ))),
        Effect::Quit
    );
}

#[test]
fn search_jumps_to_the_exact_directive() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::Vi, 100, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "khong co ma tuy la dia phuong");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("▌ [ ] Là địa phương không có ma túy."),
        "{text}"
    );
}

#[test]
fn directive_filter_hides_and_is_shown() {
    let mut app = app_on(Lang::En, day(2025, 1, 2), 120, 40);
    press(
        &mut app,
        &[
            Command::Open,
            Command::FilterDirectives,
            Command::FilterDirectives,
        ],
    );
    assert_eq!(
        app.filters().directives,
        briefing::model::filter::DirectiveFilter::Overdue
    );
    press(&mut app, &[Command::Last]);
    let text = screen_text(&draw(&app));
    assert!(text.contains("Filter: overdue directives"), "{text}");
    assert!(text.contains("Xác định quyết tâm chính trị cao nhất"));
    assert!(
        !text.contains("Tích cực triển khai các hoạt động đối ngoại"),
        "{text}"
    );
    press(
        &mut app,
        &[Command::FilterDirectives, Command::FilterDirectives],
    );
    assert!(!screen_text(&draw(&app)).contains("Filter:"));
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
fn due_view_counts_per_district_and_opens_overdue_work() {
    let mut app = app_on(Lang::Vi, day(2025, 1, 2), 100, 30);
    press(&mut app, &[Command::DueView]);
    insta::assert_snapshot!(screen_text(&draw(&app)));
    press(&mut app, &[Command::Last, Command::Open]);
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("▌ [ ] Xác định quyết tâm chính trị cao nhất"),
        "{text}"
    );
}

#[test]
fn district_view_lists_everything_given_to_it() {
    let mut app = app(Lang::Vi, 100, 30);
    press(&mut app, &[Command::FilterDistrict]);
    assert!(matches!(app.overlay(), Some(Overlay::Districts(c)) if c.selected() == 0));
    press(&mut app, &[Command::Open]);
    assert!(matches!(
        app.screen(),
        Some(Screen::Review(r)) if *r.review() == Review::District("dam-ha".into())
    ));
    insta::assert_snapshot!(screen_text(&draw(&app)));
    press(&mut app, &[Command::Open]);
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("▌ [ ] Hết nhiệm kỳ này phải trở thành huyện NTM"),
        "{text}"
    );
    press(&mut app, &[Command::Back]);
    assert!(matches!(
        app.screen(),
        Some(Screen::Review(r)) if matches!(r.review(), Review::District(_))
    ));
}

#[test]
fn config_keys_and_theme_drive_the_app() {
    use crossterm::event::KeyCode;
    let (config, problems) = briefing::config::parse(
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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    app.update(Action::Loaded(Box::new(
        store::load_dir(&dir).map(Loaded::new),
    )));
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

/// Every screen at the two sizes staff use most.
#[test]
fn snapshot_every_screen_at_80x24_and_120x40() {
    use crossterm::event::KeyCode;
    type GetThere = fn(&mut App);
    let screens: [(&str, GetThere); 6] = [
        ("overview", |a| press(a, &[Command::Open])),
        ("help", |a| press(a, &[Command::Open, Command::Help])),
        ("due", |a| press(a, &[Command::DueView])),
        ("district", |a| {
            press(a, &[Command::FilterDistrict, Command::Open])
        }),
        ("chooser", |a| press(a, &[Command::FilterDistrict])),
        ("search", |a| {
            key(a, KeyCode::Char('/'));
            type_text(a, "nong thon moi");
        }),
    ];
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, go) in screens {
            let mut app = app(Lang::Vi, w, h);
            go(&mut app);
            insta::assert_snapshot!(format!("screen_{name}_{w}x{h}"), screen_text(&draw(&app)));
        }
    }
}

fn with_extra_session(date: &str) -> store::Catalog {
    let tmp = tempfile::tempdir().expect("tmp");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    std::fs::create_dir_all(tmp.path().join("2024")).expect("mkdir");
    std::fs::copy(
        src.join("2024/2024-03-13-hai-ha-dam-ha.toml"),
        tmp.path().join("2024/2024-03-13-hai-ha-dam-ha.toml"),
    )
    .expect("copy");
    std::fs::write(
        tmp.path().join("new.toml"),
        format!("[session]\ntitle = \"NEW SESSION\"\ndate = {date}\n"),
    )
    .expect("write");
    store::load_dir(tmp.path()).expect("load")
}

#[test]
fn a_reload_that_shortens_a_review_list_keeps_the_selection_inside() {
    let mut app = app(Lang::En, 100, 30);
    press(&mut app, &[Command::DueView, Command::Last]);
    app.update(Action::Loaded(Box::new(Ok(Loaded::new(
        store::Catalog::default(),
    )))));
    press(
        &mut app,
        &[
            Command::Up,
            Command::PageUp,
            Command::Down,
            Command::Last,
            Command::Open,
        ],
    );
    draw(&app);
}

#[test]
fn a_reload_finds_sessions_on_the_back_stack_by_id() {
    let mut app = app(Lang::En, 100, 30);
    press(
        &mut app,
        &[Command::Open, Command::JumpTab(3), Command::DueView],
    );
    app.update(Action::Loaded(Box::new(Ok(Loaded::new(
        with_extra_session("2030-01-01"),
    )))));
    assert_eq!(app.catalog().sessions[0].title, "NEW SESSION");
    press(&mut app, &[Command::Back]);
    let session = app.current_session().expect("back in the session");
    assert_eq!(session.id, "2024/2024-03-13-hai-ha-dam-ha");
    assert_eq!(tab(&app), Some(2));
}

#[test]
fn two_quick_toggles_end_in_the_state_of_the_last() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    select_directive(&mut app, "Kiểm soát tốt ma túy");
    let Effect::Save(first) = press_effect(&mut app, Command::Toggle) else {
        panic!("no save");
    };
    let Effect::Save(second) = press_effect(&mut app, Command::Toggle) else {
        panic!("no save");
    };
    assert!(!directive_state(&app, "hh-ma-tuy").done);
    let at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").expect("time");
    app.update(Action::Saved {
        request: first,
        result: Ok(briefing::store::write::Change::Done {
            at,
            by: "lan".into(),
        }),
    });
    assert!(
        !directive_state(&app, "hh-ma-tuy").done,
        "the later toggle wins"
    );
    app.update(Action::Saved {
        request: second,
        result: Ok(briefing::store::write::Change::Undone),
    });
    let d = directive_state(&app, "hh-ma-tuy");
    assert!(!d.done && d.done_at.is_none() && d.done_by.is_none());
    assert!(!app.has_pending_saves());
}

#[test]
fn a_reload_during_a_save_keeps_the_mark_shown() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    select_directive(&mut app, "Kiểm soát tốt ma túy");
    press_effect(&mut app, Command::Toggle);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    let catalog = store::load_dir(&dir).expect("load");
    app.update(Action::Loaded(Box::new(Ok(Loaded::new(catalog)))));
    assert!(directive_state(&app, "hh-ma-tuy").done);
}

#[test]
fn a_new_day_updates_what_is_overdue() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open]);
    assert!(!screen_text(&draw(&app)).contains("⚠ overdue"));
    app.update(Action::Today(
        NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
    ));
    assert!(screen_text(&draw(&app)).contains("⚠ overdue"));
}

#[test]
fn help_scrolls_back_up_after_end() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::Open, Command::Help, Command::Last]);
    let Some(Overlay::Help(help)) = app.overlay() else {
        panic!("help closed");
    };
    let end = help.offset();
    assert!(end > 0 && end < 100, "end is the last page: {end}");
    press(&mut app, &[Command::Down, Command::Down, Command::Up]);
    assert!(matches!(app.overlay(), Some(Overlay::Help(h)) if h.offset() == end - 1));
}

#[test]
fn q_returns_to_the_list_from_deep_screens() {
    let mut app = app(Lang::En, 100, 30);
    press(
        &mut app,
        &[
            Command::DueView,
            Command::FilterDistrict,
            Command::Open,
            Command::Open,
        ],
    );
    assert!(matches!(app.screen(), Some(Screen::Session(_))));
    press(&mut app, &[Command::Quit]);
    assert!(app.screen().is_none());
    press(&mut app, &[Command::Back]);
    assert!(app.screen().is_none(), "nothing left on the Back stack");
}

#[test]
fn a_long_query_shows_its_end() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::En, 40, 12);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "một câu tìm kiếm rất dài ở đây kết thúc ZZZ");
    let text = screen_text(&draw(&app));
    assert!(
        text.lines().next().is_some_and(|l| l.contains("ZZZ▏")),
        "{text}"
    );
}

#[test]
fn the_history_key_asks_for_the_directive_history_and_shows_it() {
    use briefing::app::HistoryRequest;
    use briefing::git::history::{Action as Did, Event};
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    select_directive(&mut app, "Kiểm soát tốt ma túy");
    let request = HistoryRequest {
        session_id: "2024/2024-03-13-hai-ha-dam-ha".into(),
        directive_id: "hh-ma-tuy".into(),
    };
    let key = crossterm::event::KeyCode::Char('L');
    assert_eq!(
        key_effect(&mut app, key),
        Effect::LoadHistory(request.clone())
    );
    assert!(matches!(app.overlay(), Some(Overlay::History(h)) if h.offset() == 0));
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("Check-off history: hh-ma-tuy"), "{screen}");
    assert!(screen.contains("Reading the git history…"), "{screen}");

    let at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").expect("time");
    let event = |action, done_at: Option<_>, by: Option<&str>| Event {
        commit: "0123456789abcdef".into(),
        author: "Tỉnh".into(),
        date: at,
        session: request.session_id.clone(),
        directive: request.directive_id.clone(),
        action,
        done_at,
        done_by: by.map(String::from),
    };
    let events = vec![
        event(Did::Undone, None, None),
        event(Did::Done, Some(at), Some("lan")),
    ];
    app.update(Action::History {
        request,
        result: Ok(events),
    });
    let screen = screen_text(&draw(&app));
    assert!(
        screen.contains("20/03/2024 09:15 +07:00  [ ] un-checked by Tỉnh  (0123456)"),
        "{screen}"
    );
    assert!(
        screen.contains("20/03/2024 09:15 +07:00  [x] checked off by lan  (0123456)"),
        "{screen}"
    );
    key_effect(&mut app, crossterm::event::KeyCode::Esc);
    assert!(app.overlay().is_none());
}

#[test]
fn the_history_key_needs_a_directive_and_is_hinted_only_in_a_git_folder() {
    let mut app = app(Lang::Vi, 120, 40);
    press(&mut app, &[Command::Open]);
    assert!(!screen_text(&draw(&app)).contains("L lịch sử"));
    press(&mut app, &[Command::First]);
    assert_eq!(press_effect(&mut app, Command::History), Effect::None);
    assert!(matches!(
        app.notice(),
        Some(Notice::SelectDirectiveForHistory)
    ));
    assert!(screen_text(&draw(&app)).contains("Chọn một chỉ đạo để xem lịch sử đánh dấu."));
    let shared = Loaded {
        shared: true,
        ..Loaded::new(sample())
    };
    app.update(Action::Loaded(Box::new(Ok(shared))));
    assert!(screen_text(&draw(&app)).contains("L lịch sử"));
}

fn key_effect(app: &mut App, code: crossterm::event::KeyCode) -> Effect {
    let mods = match code {
        crossterm::event::KeyCode::Char(c) if c.is_uppercase() => {
            crossterm::event::KeyModifiers::SHIFT
        }
        _ => crossterm::event::KeyModifiers::NONE,
    };
    app.update(Action::Key(crossterm::event::KeyEvent::new(code, mods)))
}

/// The rows of a drawn session tab without the selection gutter, the status line and the hint bar.
fn tab_rows(buf: &Buffer) -> Vec<String> {
    let text = screen_text(buf);
    let rows: Vec<&str> = text.lines().collect();
    rows[..rows.len() - 2]
        .iter()
        .map(|row| {
            let row = row.strip_prefix("▌ ").unwrap_or(row);
            row.trim().to_string()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

/// Every line of the tab open in `app`, as drawn on a terminal tall enough for all of it.
fn whole_tab(app: &App, tab: u8) -> Vec<String> {
    let mut tall = self::app(app.lang(), app.area().width, 400);
    press(&mut tall, &[Command::Open, Command::JumpTab(tab)]);
    tab_rows(&draw(&tall))
}

/// Paging with `c` until the place stops changing; every line shown on the way.
fn page_through(app: &mut App, c: Command) -> std::collections::HashSet<String> {
    let mut seen: std::collections::HashSet<String> = tab_rows(&draw(app)).into_iter().collect();
    for _ in 0..100 {
        let before = place(app);
        press(app, &[c]);
        seen.extend(tab_rows(&draw(app)));
        if place(app) == before {
            return seen;
        }
    }
    panic!("paging never ends");
}

#[test]
fn page_down_and_up_show_every_line_of_every_tab() {
    for (width, height) in [(80, 24), (60, 16), (120, 40)] {
        for tab in [1u8, 2, 3] {
            let mut app = app(Lang::Vi, width, height);
            press(&mut app, &[Command::Open, Command::JumpTab(tab)]);
            let all = whole_tab(&app, tab);
            let down = page_through(&mut app, Command::PageDown);
            let (_, last, _) = place(&app).expect("a session");
            press(&mut app, &[Command::Last]);
            assert_eq!(
                place(&app).map(|p| p.1),
                Some(last),
                "PgDn ends on the last block"
            );
            let up = page_through(&mut app, Command::PageUp);
            assert_eq!(
                place(&app),
                Some((usize::from(tab) - 1, 1, 0)),
                "PgUp ends at the top"
            );
            for (way, seen) in [("PgDn", &down), ("PgUp", &up)] {
                let missed: Vec<&String> = all.iter().filter(|l| !seen.contains(*l)).collect();
                assert!(
                    missed.is_empty(),
                    "{way} at {width}x{height} on tab {tab} never showed {missed:#?}"
                );
            }
        }
    }
}

/// The sample's session as its file reads with `edit` made to its text.
fn session_with(edit: impl Fn(String) -> String) -> Box<briefing::model::Session> {
    Box::new(sample_with(edit).sessions.remove(0))
}

fn stamped(id: &str) -> impl Fn(String) -> String + '_ {
    move |t: String| {
        t.replace(
            &format!("id = \"{id}\"\n"),
            &format!(
                "id = \"{id}\"\ndone = true\ndone_by = \"lan\"\ndone_at = 2024-03-20T09:15:00+07:00\n"
            ),
        )
    }
}

fn checked_off_by_lan() -> Result<briefing::store::write::Change, WriteError> {
    let at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").expect("time");
    Ok(briefing::store::write::Change::Done {
        at,
        by: "lan".into(),
    })
}

/// After our own save the file is read again and replaces its session; the folder is not
/// reloaded (the watcher leaves our write alone, see `watch`).
#[test]
fn our_own_save_is_shown_from_the_file_without_a_reload() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    select_directive(&mut app, "Kiểm soát tốt ma túy");
    let before = place(&app);
    let Effect::Save(request) = press_effect(&mut app, Command::Toggle) else {
        panic!("no save asked for");
    };
    app.update(Action::Saved {
        request,
        result: checked_off_by_lan(),
    });
    // Someone else checked another directive of the file off meanwhile; our write kept it.
    let file = session_with(|t| stamped("dh-khong-ma-tuy")(stamped("hh-ma-tuy")(t)));
    assert_eq!(app.update(Action::Reread(file)), Effect::None);
    assert!(directive_state(&app, "hh-ma-tuy").done);
    assert!(
        directive_state(&app, "dh-khong-ma-tuy").done,
        "theirs is shown too"
    );
    assert_eq!(place(&app), before);
    assert!(matches!(app.notice(), Some(Notice::CheckedOff { .. })));
}

#[test]
fn a_file_changed_beyond_check_offs_after_our_save_reloads_the_folder() {
    let mut app = app(Lang::En, 120, 40);
    let retitled = session_with(|t| t.replacen("title = \"", "title = \"NEW ", 1));
    assert_eq!(app.update(Action::Reread(retitled)), Effect::Reload);
    let mut gone = session_with(|t| t);
    gone.id = "elsewhere".into();
    assert_eq!(app.update(Action::Reread(gone)), Effect::Reload);
}

#[test]
fn a_reread_keeps_a_toggle_still_being_saved() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    select_directive(&mut app, "Kiểm soát tốt ma túy");
    let Effect::Save(first) = press_effect(&mut app, Command::Toggle) else {
        panic!("no save asked for");
    };
    press(&mut app, &[Command::JumpTab(3)]);
    select_directive(&mut app, "Là địa phương không có ma túy.");
    let Effect::Save(_second) = press_effect(&mut app, Command::Toggle) else {
        panic!("no save asked for");
    };
    app.update(Action::Saved {
        request: first,
        result: checked_off_by_lan(),
    });
    assert_eq!(
        app.update(Action::Reread(session_with(stamped("hh-ma-tuy")))),
        Effect::None
    );
    assert!(directive_state(&app, "hh-ma-tuy").done);
    assert!(
        directive_state(&app, "dh-khong-ma-tuy").done,
        "the second toggle is still shown while it is saved"
    );
    assert!(app.has_pending_saves());
}
