//! Reloading the folder keeps the place.

use super::*;

#[test]
fn reload_keeps_the_place_and_shows_the_new_state() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open, Command::JumpTab(3)]);
    select_directive(&mut app, "Là địa phương không có ma túy.");
    press(&mut app, &[Command::Down, Command::Down]);
    let before = place(&app);
    let catalog = sample_with(|t| {
        t.replace(
            "id = \"dh-khong-ma-tuy\"",
            "id = \"dh-khong-ma-tuy\"\ndone = true\ndone_by = \"lan\"\ndone_at = 2024-03-19T09:15:00+07:00",
        )
    });
    load(&mut app, catalog.path());
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
    let empty = tempfile::tempdir().expect("tmp");
    load(&mut app, empty.path());
    assert!(app.screen().is_none());
    assert!(matches!(app.notice(), Some(Notice::SessionGone)));
    assert!(screen_text(&draw(&app)).contains("no longer in the folder"));
}

#[test]
fn a_reload_finds_sessions_on_the_back_stack_by_id() {
    let mut app = app(Lang::En, 100, 30);
    press(
        &mut app,
        &[Command::Open, Command::JumpTab(3), Command::DueView],
    );
    load(&mut app, with_extra_session("2030-01-01").path());
    assert_eq!(&*app.catalog().sessions[0].title, "NEW SESSION");
    press(&mut app, &[Command::Back]);
    let session = app.current_session().expect("back in the session");
    assert_eq!(session.id, "2024/2024-03-13-hai-ha-dam-ha");
    assert_eq!(tab(&app), Some(2));
}
