//! The pop-ups: the key help and a directive's history.

use super::*;

#[test]
fn help_overlay_opens_and_closes() {
    let mut app = app(Lang::En, 60, 20);
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
    assert!(text.contains("Check off / on, record progress"), "{text}");
    assert!(text.contains("1 … 9"), "{text}");
}

#[test]
fn snapshot_help_80x24() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::Help]);
    assert_snapshot!(screen_text(&draw(&app)));
}

#[test]
fn help_scrolls_back_up_after_end() {
    let mut app = app(Lang::En, 60, 20);
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
fn the_history_key_asks_for_the_directive_history_and_shows_it() {
    use briefing::api::app::HistoryRequest;
    use briefing::api::git::history::{Event, History, Mark, Reason, Unread};
    let mut app = at_hh_ma_tuy(Lang::En, 120, 40);
    let request = HistoryRequest {
        session_id: "2024/2024-03-13-hai-ha-dam-ha".into(),
        directive_id: "hh-ma-tuy".into(),
    };
    let key = crossterm::event::KeyCode::Char('L');
    assert_eq!(
        key_effect(&mut app, key),
        Effect::None,
        "no git: the file's log"
    );
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("No progress recorded yet."), "{screen}");
    assert!(!screen.contains("git"), "{screen}");
    key_effect(&mut app, crossterm::event::KeyCode::Esc);
    feed::load_shared(&mut app, sample_dir().path());
    assert_eq!(
        key_effect(&mut app, key),
        Effect::LoadHistory(request.clone())
    );
    assert!(matches!(app.overlay(), Some(Overlay::History(h)) if h.offset() == 0));
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("History: hh-ma-tuy"), "{screen}");
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
        event(Mark::Undone, None, None),
        event(Mark::Done, Some(at), Some("lan")),
    ];
    let unread = vec![Unread {
        commit: "fedcba9876543210".into(),
        reason: Reason::Zone {
            zone: "+9999".into(),
        },
    }];
    app.update(Action::History {
        request,
        result: Ok(History {
            events,
            unread,
            ..History::default()
        }),
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
    assert!(
        screen.contains("commit fedcba9 has the time zone +9999"),
        "{screen}"
    );
    key_effect(&mut app, crossterm::event::KeyCode::Esc);
    assert!(app.overlay().is_none());
}

#[test]
fn the_history_key_needs_a_directive_and_is_hinted_with_or_without_git() {
    let mut app = app(Lang::Vi, 120, 40);
    press(&mut app, &[Command::Open]);
    assert!(screen_text(&draw(&app)).contains("L lịch sử"));
    press(&mut app, &[Command::First]);
    assert_eq!(press_effect(&mut app, Command::History), Effect::None);
    assert!(matches!(
        app.notice(),
        Some(Notice::SelectDirectiveForHistory)
    ));
    assert!(screen_text(&draw(&app)).contains("Chọn một chỉ đạo để xem lịch sử đánh dấu."));
    feed::load_shared(&mut app, sample_dir().path());
    assert!(screen_text(&draw(&app)).contains("L lịch sử"));
}

/// The help says what the symbols mean, and in a session at 80×24 it fits without scrolling.
#[test]
fn the_help_has_a_legend_and_fits_80x24() {
    for lang in [Lang::Vi, Lang::En] {
        let mut app = app(lang, 80, 24);
        press(&mut app, &[Command::Open, Command::Help, Command::Last]);
        assert!(
            matches!(app.overlay(), Some(Overlay::Help(h)) if h.offset() == 0),
            "{lang:?}: the help scrolls at 80×24"
        );
        let text = screen_text(&draw(&app));
        let legend = match lang {
            Lang::Vi => ["● sắp tới", "✓ đạt", "~ gần đạt", "✗ chưa đạt", "⚠ quá hạn"],
            Lang::En => ["● upcoming", "✓ met", "~ near", "✗ behind", "⚠ overdue"],
        };
        for symbol in legend {
            assert!(text.contains(symbol), "{symbol}: {text}");
        }
    }
}

/// At 120 columns the help has two columns.
#[test]
fn the_help_has_two_columns_when_wide() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open, Command::Help]);
    let text = screen_text(&draw(&app));
    let row = (text.lines())
        .find(|l| l.contains("Move up / down"))
        .expect("the first row");
    assert!(
        row.contains("Jump to tab 1–9"),
        "the second column starts beside the first: {row}"
    );
    assert!(
        text.contains("[x]\u{a0}done") && text.contains("[\u{a0}] open"),
        "the legend's marks stay whole: {text}"
    );
}

/// `S` starts a sync on a worker (one at a time), says so on the status line until it ends,
/// then says what it did or why it stopped, in the interface's language.
#[test]
fn the_sync_key_runs_one_sync_and_says_how_it_ended() {
    let mut app = app(Lang::En, 120, 40);
    assert_eq!(press_effect(&mut app, Command::Sync), Effect::Sync);
    assert!(screen_text(&draw(&app)).contains("Syncing through git…"));
    assert_eq!(press_effect(&mut app, Command::Sync), Effect::None);
    assert!(screen_text(&draw(&app)).contains("A sync is already running"));
    press(&mut app, &[Command::Down]);
    assert!(screen_text(&draw(&app)).contains("Syncing through git…"));
    app.update(Action::Synced {
        received: 1,
        sent: 2,
        result: Ok(()),
    });
    let screen = screen_text(&draw(&app));
    assert!(
        screen.contains("Synced: received 1 commit, sent 2 commits."),
        "{screen}"
    );
    assert!(!screen.contains("Syncing"), "{screen}");

    let mut app = super::app(Lang::Vi, 120, 40);
    assert_eq!(press_effect(&mut app, Command::Sync), Effect::Sync);
    app.update(Action::Synced {
        received: 0,
        sent: 0,
        result: Err(briefing::api::git::GitError::TimedOut {
            remote: "origin".into(),
            seconds: 120,
        }),
    });
    let screen = screen_text(&draw(&app));
    assert!(
        screen.contains("Đồng bộ dừng: kết nối với kho từ xa `origin` quá 120 giây"),
        "{screen}"
    );
    assert_eq!(press_effect(&mut app, Command::Sync), Effect::Sync);
}
