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
        Some(Screen::Review(r)) if matches!(r.review(), Review::District(k) if k.id == "dam-ha")
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
    assert_eq!(selected(&app), 8, "the last of nine rows");
    let empty = tempfile::tempdir().expect("tmp");
    load(&mut app, empty.path());
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

/// Space checks off from the due view and from one locality's view, as in a session: at
/// once, with a save; un-checking asks first; on a row that is no directive it explains.
#[test]
fn space_checks_off_from_the_review_lists() {
    let mut app = app_on(Lang::Vi, day(2025, 1, 2), 100, 30);
    press(&mut app, &[Command::DueView]);
    press(&mut app, &[Command::First]);
    assert_eq!(press_effect(&mut app, Command::Toggle), Effect::None);
    assert!(matches!(app.notice(), Some(Notice::SelectDirective)));
    press(&mut app, &[Command::Last]);
    let request = toggle(&mut app);
    assert_eq!(
        (request.directive_id.as_str(), request.done),
        ("chung-hoan-thanh-chi-tieu", true)
    );
    assert!(directive_state(&app, "chung-hoan-thanh-chi-tieu").done);
    press(
        &mut app,
        &[Command::Back, Command::FilterDistrict, Command::Open],
    );
    let request = toggle(&mut app);
    assert_eq!(request.directive_id, "dh-ntm-kieu-mau");
    for _ in 0..4 {
        press(&mut app, &[Command::Down]);
    }
    let text = screen_text(&draw(&app));
    assert!(
        text.lines()
            .any(|l| l.contains("[x] Xác định quyết tâm chính trị cao nhất")),
        "the shared one, checked off in the due view: {text}"
    );
    assert_eq!(press_effect(&mut app, Command::Toggle), Effect::None);
    assert!(
        matches!(app.overlay(), Some(Overlay::Confirm(_))),
        "un-checking asks first here too"
    );
}

/// Paging a review list shows every directive at every size: rows wrap, and a page starts at
/// the first row not yet wholly seen.
#[test]
fn paging_the_review_lists_shows_every_directive() {
    let texts: Vec<String> = sample().sessions[0]
        .all_directives()
        .map(|d| d.text.to_string())
        .collect();
    for (width, height) in [(60, 20), (80, 24), (120, 40)] {
        let mut app = app_on(Lang::Vi, day(2025, 1, 2), width, height);
        press(&mut app, &[Command::FilterDistrict, Command::Open]);
        let mut seen = String::new();
        for _ in 0..40 {
            seen.push_str(&screen_text(&draw(&app)));
            press(&mut app, &[Command::PageDown]);
        }
        let words: String = seen.split_whitespace().collect::<Vec<_>>().join(" ");
        for text in texts
            .iter()
            .filter(|t| !t.contains("Kiểm soát tốt ma túy") && !t.contains("quy hoạch KKT"))
        {
            let start: String = text
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                words.contains(&start),
                "{start:?} never shown at {width}x{height}"
            );
        }
    }
}

/// The due view groups directives under their session instead of repeating it on each row,
/// and wraps their text.
#[test]
fn the_due_view_groups_rows_by_session_and_wraps() {
    let mut app = app_on(Lang::Vi, day(2025, 1, 2), 60, 20);
    press(&mut app, &[Command::DueView]);
    let text = screen_text(&draw(&app));
    assert_eq!(text.matches("13/03/2024").count(), 1, "{text}");
    assert!(
        text.contains("tiêu, mục tiêu của cả nhiệm kỳ"),
        "wrapped: {text}"
    );
    assert!(text.contains("chung: Hải Hà, Đầm Hà"), "{text}");
}

/// A folder of two files: huyện Mường La (2024) and, after the 2025 reform, xã Mường La;
/// both have the id `muong-la`.
fn muong_la() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = |name: &str, date: &str, (level, said): (&str, &str), id: &str, due: &str| {
        let text = format!(
            "version = 2\n\n[session]\ntitle = \"Làm việc với {said} Mường La\"\ndate = {date}\n\n\
             [[locality]]\nname = \"Mường La\"\nlevel = \"{level}\"\n\n\
             [[locality.directive]]\nid = \"{id}-1\"\ntext = \"Việc thứ nhất của {id}\"\ndue = {due}\n\n\
             [[locality.directive]]\nid = \"{id}-2\"\ntext = \"Việc thứ hai của {id}\"\ndue = 2030-01-01\n"
        );
        std::fs::write(tmp.path().join(name), text).expect("write");
    };
    file(
        "2024-05-10-muong-la.toml",
        "2024-05-10",
        ("huyen", "huyện"),
        "huyen",
        "2024-12-31",
    );
    file(
        "2025-09-10-muong-la.toml",
        "2025-09-10",
        ("xa", "xã"),
        "xa",
        "2026-06-30",
    );
    tmp
}

fn app_on_muong_la(width: u16, height: u16) -> App {
    let mut app = App::new(options(Lang::Vi, day(2026, 1, 5), Keymap::default()));
    app.update(Action::Resize { width, height });
    load(&mut app, muong_la().path());
    app
}

/// huyện Mường La and xã Mường La share a name and an id but are two localities: two rows
/// in `w` and in the `d` chooser, each with its own counts, each opening its own view.
#[test]
fn a_district_and_a_commune_of_one_name_are_two_rows_in_w_and_d() {
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut app = app_on_muong_la(w, h);
        press(&mut app, &[Command::DueView]);
        let due = screen_text(&draw(&app));
        let rows: Vec<&str> = due.lines().filter(|l| l.contains("Mường La ")).collect();
        assert_eq!(rows.len(), 2, "{due}");
        assert!(
            rows[0].starts_with("   Huyện Mường La") && rows[0].ends_with("2 đang mở    1 quá hạn"),
            "{due}"
        );
        assert!(
            rows[1].starts_with("   Xã Mường La") && rows[1].ends_with("2 đang mở    0 quá hạn"),
            "{due}"
        );
        assert_snapshot!(format!("muong_la_due_{w}x{h}"), due);

        press(&mut app, &[Command::FilterDistrict]);
        let chooser = screen_text(&draw(&app));
        assert!(chooser.contains(" Huyện Mường La "), "{chooser}");
        assert!(chooser.contains(" Xã Mường La "), "{chooser}");
        assert_snapshot!(format!("muong_la_chooser_{w}x{h}"), chooser);

        press(&mut app, &[Command::Down, Command::Open]);
        let view = screen_text(&draw(&app));
        assert!(view.contains("Hồ sơ xã Mường La"), "{view}");
        assert!(view.contains("Việc thứ nhất của xa"), "{view}");
        assert!(!view.contains("của huyen"), "only the commune's: {view}");
    }
}

/// After `PgDn` the rows in view keep their session: its heading stays on the list's first
/// line (a section heading or a session heading, never a directive cut from its session), in
/// the due view and in one locality's view, at 60×20, 80×24 and 120×40.
#[test]
fn the_session_heading_stays_in_view_after_page_down() {
    let file = |title: &str, date: &str, month: u32| {
        let mut text = session_file(title, date, &["Hải Hà"]);
        for i in 0..24 {
            text.push_str(&format!(
                "\n[[district.directive]]\nid = \"s{i}\"\ntext = \"Việc thứ {i} của {title}\"\ndue = 2024-{month:02}-{:02}\n",
                1 + i
            ));
        }
        text
    };
    let catalog = folder(&[
        ("a.toml", file("Phiên A", "2024-03-13", 6)),
        ("b.toml", file("Phiên B", "2024-02-02", 9)),
    ]);
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        for open in [Command::DueView, Command::FilterDistrict] {
            let mut app = app_with(catalog.path(), Lang::Vi, w, h);
            press(&mut app, &[open]);
            if open == Command::FilterDistrict {
                press(&mut app, &[Command::Open]);
            }
            let mut pages = 0;
            loop {
                let before = match app.screen() {
                    Some(Screen::Review(r)) => (r.selected(), r.offset()),
                    _ => panic!("a review"),
                };
                press(&mut app, &[Command::PageDown]);
                let after = match app.screen() {
                    Some(Screen::Review(r)) => (r.selected(), r.offset()),
                    _ => panic!("a review"),
                };
                if after == before {
                    break;
                }
                pages += 1;
                let text = screen_text(&draw(&app));
                let first = text.lines().nth(2).unwrap_or_default();
                let heading = first.starts_with("  Phiên")
                    || first.contains("/2024 · Phiên")
                    || !first.starts_with("  ");
                assert!(heading, "{w}x{h} {open:?} page {pages}:\n{text}");
            }
            assert!(pages >= 2, "{w}x{h} {open:?}: paged {pages} times");
        }
    }
}
