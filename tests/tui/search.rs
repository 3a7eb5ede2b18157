//! The search screen: typing, hits, opening the item found.

use super::*;

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
fn styled_search() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::Vi, 100, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "dam ha");
    press(&mut app, &[Command::Down]);
    assert_snapshot!(styled_text(&draw(&app)));
}
