//! The review screens: what is due, and one district across sessions.

use super::*;

#[test]
fn due_view_counts_per_district_and_opens_overdue_work() {
    let mut app = app_on(Lang::Vi, day(2025, 1, 2), 100, 30);
    press(&mut app, &[Command::DueView]);
    assert_snapshot!(screen_text(&draw(&app)));
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
    assert_snapshot!(screen_text(&draw(&app)));
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
fn a_reload_that_shortens_a_review_list_keeps_the_selection_inside() {
    let mut app = app(Lang::En, 100, 30);
    press(&mut app, &[Command::DueView, Command::Last]);
    let selected = |app: &App| match app.screen() {
        Some(Screen::Review(r)) => r.selected(),
        _ => panic!("not on the due view"),
    };
    assert_eq!(selected(&app), 7, "the last of eight rows");
    app.update(Action::Loaded(Box::new(Ok(Loaded::new(
        store::Catalog::default(),
    )))));
    // Nothing is due in an empty folder: seven rows, headings and "(none)".
    assert!(selected(&app) < 7);
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
    assert!(selected(&app) < 7);
    assert!(screen_text(&draw(&app)).contains("No upcoming session"));
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
