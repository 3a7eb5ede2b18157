//! Every size: no panics, too small, resizes keep the place, every screen at two sizes.

use super::*;

/// Every screen at sizes on each side of each limit (too small; the preview beside the list)
/// and far beyond, one app resized from one to the next: drawing and moving never panic.
#[test]
fn no_size_panics() {
    use Command::*;
    let mut app = app(Lang::Vi, 80, 24);
    let screens: [&[Command]; 7] = [
        &[],
        &[Open, JumpTab(2), Last, PageUp],
        &[Open, Help, Last],
        &[DueView, Last, PageUp],
        &[FilterDistrict, Last],
        &[Diagnostics, PageDown],
        &[Search, Down],
    ];
    for width in [1u16, 2, 5, 39, 40, 41, 109, 110, 300] {
        for height in [1u16, 2, 5, 11, 12, 13, 24, 100] {
            app.update(Action::Resize { width, height });
            for keys in screens {
                press(&mut app, keys);
                draw(&app);
                press(&mut app, &[Back, Back]);
            }
            assert!(app.screen().is_none() && app.overlay().is_none());
        }
    }
}

#[test]
fn tiny_terminal_says_so() {
    let text = screen_text(&draw(&app(Lang::En, 30, 8)));
    assert!(text.contains("Terminal too small"), "{text}");
}

/// Through any resizes, back at the first size the screen is as it was: the same tab, the same
/// block selected, the same first line; the session list under it kept its place too.
#[test]
fn resize_storm_keeps_the_place() {
    let mut app = app(Lang::Vi, 80, 24);
    press(
        &mut app,
        &[Command::Open, Command::JumpTab(3), Command::Last],
    );
    press(&mut app, &[Command::Up, Command::Up]);
    let before = place(&app).expect("a session");
    assert!(before.2 > 0, "scrolled: {before:?}");
    let shown = screen_text(&draw(&app));
    let list = app.session_list().clone();
    let storm = [
        (1, 1),
        (300, 100),
        (39, 11),
        (41, 13),
        (120, 40),
        (60, 5),
        (200, 12),
        (2, 50),
    ];
    for (width, height) in storm {
        app.update(Action::Resize { width, height });
        draw(&app);
    }
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(place(&app), Some(before), "tab, selected block, first line");
    assert_eq!(screen_text(&draw(&app)), shown);
    assert_eq!(app.session_list(), &list);
}

/// Every screen at the sizes staff use: 60×20, 80×24 and 120×40.
#[test]
fn snapshot_every_screen_at_60x20_80x24_and_120x40() {
    use crossterm::event::KeyCode;
    type GetThere = fn(&mut App);
    let screens: [(&str, GetThere); 8] = [
        ("list", |_| {}),
        ("overview", |a| press(a, &[Command::Open])),
        ("locality", |a| {
            press(a, &[Command::Open, Command::JumpTab(3)]);
            select_directive(a, "Xác định quyết tâm chính trị");
        }),
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
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        for (name, go) in screens {
            let mut app = app_on(Lang::Vi, day(2025, 1, 2), w, h);
            go(&mut app);
            assert_snapshot!(format!("screen_{name}_{w}x{h}"), screen_text(&draw(&app)));
        }
    }
}

/// At 60 columns the hint bar drops hints by priority, never cuts one, and keeps `?`.
#[test]
fn the_hint_bar_keeps_the_help_at_60_columns() {
    use crossterm::event::KeyCode;
    type GetThere = fn(&mut App);
    let screens: [(&str, GetThere); 5] = [
        ("list", |_| {}),
        ("session", |a| {
            press(a, &[Command::Open, Command::JumpTab(3)])
        }),
        ("due", |a| press(a, &[Command::DueView])),
        ("district", |a| {
            press(a, &[Command::FilterDistrict, Command::Open])
        }),
        ("search", |a| {
            key(a, KeyCode::Char('/'));
            type_text(a, "ma tuy");
        }),
    ];
    for lang in [Lang::Vi, Lang::En] {
        for (name, go) in screens {
            let mut app = app(lang, 60, 20);
            go(&mut app);
            let text = screen_text(&draw(&app));
            let hints = text.lines().last().unwrap_or_default();
            let help = match lang {
                Lang::Vi => "? trợ giúp",
                Lang::En => "? help",
            };
            assert!(hints.ends_with(help), "{name} {lang:?}: {hints}");
            assert!(hints.chars().count() <= 60);
        }
    }
}
