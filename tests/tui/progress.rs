//! The progress form (`p`) without a terminal: editing the note by grapheme, a paste, the
//! percent's limits, Esc, Enter and what it asks the saver for; the entry written shown on its
//! directive (state, percent, latest note) and in the history; `u` taking it out again.

use super::*;
use briefing::api::app::{NewEntry, ProgressChange, ProgressRequest, Recorded};
use briefing::api::model::{Entry, Followed, State};
use briefing::api::store::write::{Appended, VersionBefore};
use crossterm::event::KeyCode;
use unicode_normalization::UnicodeNormalization;

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";

/// The app at 80×24 on "Kiểm soát tốt ma túy…" with its progress form open.
fn form_open(lang: Lang) -> App {
    let mut app = at_hh_ma_tuy(lang, 80, 24);
    assert_eq!(press_effect(&mut app, Command::Progress), Effect::None);
    assert!(matches!(app.overlay(), Some(Overlay::Progress(f)) if f.state() == State::Open));
    app
}

/// The form's note and percent as typed.
fn fields(app: &App) -> (String, String) {
    match app.overlay() {
        Some(Overlay::Progress(f)) => (f.note().to_string(), f.percent().to_string()),
        other => panic!("no form: {other:?}"),
    }
}

fn ma_tuy(app: &App) -> briefing::api::model::Directive {
    directive_state(app, "hh-ma-tuy")
}

/// The entry the saver would write for `asked`, at a fixed time.
fn written(asked: &NewEntry) -> Entry {
    Entry {
        at: chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").expect("time"),
        by: "lan".into(),
        state: asked.state,
        note: asked.note.as_deref().map(Into::into),
        percent: asked.percent,
    }
}

/// Fills the form (In progress, a decomposed note, 40) and presses Enter: the request.
fn record_doing(app: &mut App) -> ProgressRequest {
    key(app, KeyCode::Right);
    key(app, KeyCode::Tab);
    type_text(
        app,
        &"Đã khởi công 2 công trình nước sạch"
            .nfd()
            .collect::<String>(),
    );
    key(app, KeyCode::Tab);
    type_text(app, "40");
    match key(app, KeyCode::Enter) {
        Effect::Record(request) => request,
        other => panic!("no record asked for: {other:?}"),
    }
}

/// Gives the app the saver's answer: `request`'s entry written.
fn saved(app: &mut App, request: &ProgressRequest) -> Appended {
    let ProgressChange::Add(asked) = &request.change else {
        panic!("not an addition");
    };
    let entry = written(asked);
    let appended = Appended {
        entry: entry.clone(),
        version: VersionBefore::Was("2".into()),
    };
    app.update(Action::Recorded {
        request: Box::new(request.clone()),
        result: Box::new(Ok(Recorded::Added {
            entry,
            undo: Some(appended.clone()),
        })),
    });
    appended
}

#[test]
fn backspace_takes_a_whole_letter_with_its_accents() {
    let mut app = form_open(Lang::Vi);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Nguyễn");
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(fields(&app).0, "Nguy");
    type_text(&mut app, &"ễn".nfd().collect::<String>());
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(fields(&app).0, "Nguy", "a decomposed ễ goes as one letter");
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Delete);
    assert_eq!(fields(&app).0, "guy");
}

#[test]
fn a_paste_with_line_breaks_is_one_line_of_the_note() {
    let mut app = form_open(Lang::Vi);
    // On the state field a paste goes to the note.
    let effect = app.update(Action::Paste(
        "Đã khởi công\n2 công trình\r\nnước sạch".into(),
    ));
    assert_eq!(effect, Effect::None);
    assert_eq!(fields(&app).0, "Đã khởi công 2 công trình nước sạch");
}

#[test]
fn the_percent_takes_digits_from_0_to_100_and_says_why_not() {
    let mut app = form_open(Lang::Vi);
    key(&mut app, KeyCode::BackTab);
    type_text(&mut app, "1x");
    assert!(matches!(app.notice(), Some(Notice::PercentRange)));
    assert!(
        screen_text(&draw(&app)).contains("Phần trăm là số nguyên từ 0 đến 100."),
        "the status line says why"
    );
    type_text(&mut app, "01");
    assert_eq!(fields(&app).1, "10", "101 is refused");
    assert!(matches!(app.notice(), Some(Notice::PercentRange)));
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "00");
    assert_eq!(fields(&app).1, "100");
    assert!(app.notice().is_none());
}

#[test]
fn enter_with_nothing_to_record_says_so_and_keeps_the_form() {
    let mut app = form_open(Lang::En);
    assert_eq!(key(&mut app, KeyCode::Enter), Effect::None);
    assert!(matches!(app.notice(), Some(Notice::NothingToRecord)));
    assert!(matches!(app.overlay(), Some(Overlay::Progress(_))));
    assert!(screen_text(&draw(&app)).contains("Nothing to record"));
}

#[test]
fn esc_writes_nothing_and_loses_nothing_saved() {
    let mut app = form_open(Lang::En);
    let request = record_doing(&mut app);
    saved(&mut app, &request);
    let before = ma_tuy(&app);
    assert_eq!(before.more.progress.len(), 1);
    assert_eq!(press_effect(&mut app, Command::Progress), Effect::None);
    assert!(matches!(app.overlay(), Some(Overlay::Progress(f)) if f.state() == State::Doing));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "không lưu");
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(
        fields(&app).0,
        "không lưu",
        "Backspace on the state field keeps the form"
    );
    assert_eq!(key(&mut app, KeyCode::Esc), Effect::None);
    assert!(app.overlay().is_none());
    assert_eq!(ma_tuy(&app), before);
}

#[test]
fn enter_asks_for_the_entry_composed_and_the_directive_shows_it_once_written() {
    let mut app = form_open(Lang::En);
    let request = record_doing(&mut app);
    assert_eq!(
        request,
        ProgressRequest {
            session_id: SESSION.into(),
            directive_id: "hh-ma-tuy".into(),
            change: ProgressChange::Add(NewEntry {
                state: Some(State::Doing),
                note: Some("Đã khởi công 2 công trình nước sạch".into()),
                percent: Some(40),
            }),
        }
    );
    assert!(app.overlay().is_none());
    assert!(matches!(app.notice(), Some(Notice::Saving)));
    assert!(
        ma_tuy(&app).more.progress.is_empty(),
        "shown once the file has it"
    );
    let appended = saved(&mut app, &request);
    assert!(matches!(
        app.notice(),
        Some(Notice::Recorded {
            state: Some(State::Doing),
            percent: Some(40)
        })
    ));
    assert_eq!(ma_tuy(&app).state(), State::Doing);
    let buf = draw(&app);
    let screen = screen_text(&buf);
    assert!(
        screen.contains("Progress recorded and saved to the file: In progress, 40%."),
        "{screen}"
    );
    assert_snapshot!("directive_with_progress_80x24", screen);
    let theme = Theme::default();
    let (x, y) = find(&buf, "In progress, 40%").expect("the badge");
    assert_eq!(buf[(x, y)].fg, theme.accent().fg.unwrap_or(Color::Reset));
    let (x, y) = find(&buf, "Đã khởi công").expect("the note");
    let muted = theme.muted();
    match muted.fg {
        Some(fg) => assert_eq!(buf[(x, y)].fg, fg, "the note is dimmed"),
        None => assert!(
            buf[(x, y)].modifier.contains(Modifier::DIM),
            "the note is dimmed"
        ),
    }

    assert_eq!(
        press_effect(&mut app, Command::Undo),
        Effect::Record(ProgressRequest {
            session_id: SESSION.into(),
            directive_id: "hh-ma-tuy".into(),
            change: ProgressChange::Remove(appended),
        })
    );
    assert!(ma_tuy(&app).more.progress.is_empty(), "undone at once");
}

#[test]
fn a_write_that_fails_opens_the_form_again_with_what_was_typed() {
    let mut app = form_open(Lang::En);
    let request = record_doing(&mut app);
    app.update(Action::Recorded {
        request: Box::new(request),
        result: Box::new(Err(WriteError::BeingEdited {
            path: "2024/2024-03-13-hai-ha-dam-ha.toml".into(),
        })),
    });
    assert!(matches!(app.notice(), Some(Notice::ProgressNotSaved(_))));
    assert!(matches!(app.overlay(), Some(Overlay::Progress(f)) if f.state() == State::Doing));
    assert_eq!(
        fields(&app),
        ("Đã khởi công 2 công trình nước sạch".into(), "40".into())
    );
    assert!(ma_tuy(&app).more.progress.is_empty());
    assert_eq!(press_effect(&mut app, Command::Back), Effect::None);
    assert!(matches!(
        press_effect(&mut app, Command::Undo),
        Effect::None
    ));
    assert!(matches!(app.notice(), Some(Notice::NothingToUndo)));
}

#[test]
fn snapshot_the_form_80x24() {
    let mut app = form_open(Lang::Vi);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    type_text(
        &mut app,
        "Vướng mặt bằng, đề nghị tỉnh hỗ trợ giải phóng mặt bằng sớm",
    );
    let buf = draw(&app);
    assert_snapshot!("progress_form_vi_80x24", screen_text(&buf));
    let theme = Theme::default();
    let (x, y) = find(&buf, "◀ Vướng mắc ▶").expect("the state");
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find(&buf, "hỗ trợ").expect("the note, scrolled to its end");
    assert_eq!(buf[(x, y)].fg, theme.accent().fg.unwrap_or(Color::Reset));
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "the field in focus"
    );
}

#[test]
fn the_history_shows_the_log_newest_first_without_git() {
    let mut app = form_open(Lang::En);
    let request = record_doing(&mut app);
    saved(&mut app, &request);
    press(&mut app, &[Command::Progress]);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "xong 1 công trình");
    let Effect::Record(second) = key(&mut app, KeyCode::Enter) else {
        panic!("no second record");
    };
    let ProgressChange::Add(asked) = &second.change else {
        panic!("not an addition");
    };
    let mut later = written(asked);
    later.at = chrono::DateTime::parse_from_rfc3339("2024-03-21T10:00:00+07:00").expect("time");
    app.update(Action::Recorded {
        request: Box::new(second.clone()),
        result: Box::new(Ok(Recorded::Added {
            entry: later,
            undo: None,
        })),
    });
    assert!(screen_text(&draw(&app)).contains("In progress, 40% · xong 1 công trình"));
    assert_eq!(press_effect(&mut app, Command::History), Effect::None);
    let screen = screen_text(&draw(&app));
    let newest = screen.find("21/03/2024 10:00 · lan · xong 1 công trình");
    let older = screen.find("20/03/2024 09:15 · lan · In progress, 40% · Đã khởi công");
    assert!(newest.is_some(), "{screen}");
    assert!(older.is_some(), "{screen}");
    assert!(newest < older, "newest first: {screen}");
}

/// `p` works in the due view too, on a directive's row; elsewhere it explains.
#[test]
fn p_opens_the_form_from_the_due_view() {
    let mut app = app_on(Lang::Vi, day(2025, 1, 2), 100, 30);
    press(&mut app, &[Command::DueView, Command::First]);
    assert_eq!(press_effect(&mut app, Command::Progress), Effect::None);
    assert!(matches!(
        app.notice(),
        Some(Notice::SelectDirectiveForProgress)
    ));
    press(&mut app, &[Command::Last]);
    assert_eq!(press_effect(&mut app, Command::Progress), Effect::None);
    assert!(matches!(app.overlay(), Some(Overlay::Progress(_))));
    assert!(screen_text(&draw(&app)).contains("Ghi tiến độ"));
    let request = record_doing(&mut app);
    saved(&mut app, &request);
    let screen = screen_text(&draw(&app));
    assert!(
        screen.contains("Đã khởi công 2 công trình nước sạch"),
        "the due view shows the follow-up too: {screen}"
    );
}

/// The terminal's cursor shows in the field being typed in, after the last letter (by display
/// width), and is hidden again once the form is closed.
#[test]
fn the_cursor_shows_where_the_note_is_typed() {
    let mut app = form_open(Lang::En);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("term");
    let theme = Theme::default();
    term.draw(|f| app.draw(f, &theme)).expect("draw");
    assert!(
        !term.backend().cursor_visible(),
        "no cursor on the state field"
    );
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Đã xong");
    term.draw(|f| app.draw(f, &theme)).expect("draw");
    assert!(term.backend().cursor_visible());
    let at = term.backend().cursor_position();
    let buf = term.backend().buffer().clone();
    let (x, y) = find(&buf, "Đã xong").expect("the note");
    assert_eq!((at.x, at.y), (x + 7, y));
    key(&mut app, KeyCode::Left);
    term.draw(|f| app.draw(f, &theme)).expect("draw");
    assert_eq!(term.backend().cursor_position().x, x + 6);
    key(&mut app, KeyCode::Esc);
    term.draw(|f| app.draw(f, &theme)).expect("draw");
    assert!(!term.backend().cursor_visible());
}

/// At the smallest size the form still shows every field and its keys.
#[test]
fn the_form_fits_40x12() {
    let mut app = at_hh_ma_tuy(Lang::Vi, 40, 12);
    press(&mut app, &[Command::Progress]);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Đã khởi công 2 công trình nước sạch");
    let screen = screen_text(&draw(&app));
    for part in [
        "Tình trạng:",
        "Ghi chú:",
        "Phần trăm:",
        "Enter: lưu",
        "nước sạch",
    ] {
        assert!(screen.contains(part), "{part}: {screen}");
    }
}
