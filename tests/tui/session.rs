//! One session: tabs, moving and paging through a tab, gauges and directives, filters.

use super::*;

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
        if text.lines().any(|l| l.starts_with("▌ Huyện Đầm Hà")) {
            break;
        }
        press(&mut app, &[Command::Down]);
    }
    press(&mut app, &[Command::Open]);
    assert_eq!(tab(&app), Some(2));
}

#[test]
fn snapshot_districts_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        for tab in [2u8, 3] {
            let mut app = app(Lang::Vi, w, h);
            press(&mut app, &[Command::Open, Command::JumpTab(tab)]);
            // Show the gauges: skip the summary.
            press(&mut app, &[Command::Down, Command::Down, Command::Down]);
            assert_snapshot!(format!("district_{tab}_{w}x{h}"), screen_text(&draw(&app)));
        }
    }
}

#[test]
fn snapshot_directives_en_120x40() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open, Command::Last]);
    assert_snapshot!(screen_text(&draw(&app)));
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
        briefing::api::model::filter::DirectiveFilter::Overdue
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
fn a_new_day_updates_what_is_overdue() {
    let mut app = app(Lang::En, 120, 40);
    press(&mut app, &[Command::Open]);
    assert!(!screen_text(&draw(&app)).contains("⚠ overdue"));
    app.update(Action::Today(
        NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
    ));
    assert!(screen_text(&draw(&app)).contains("⚠ overdue"));
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

/// Gauges in their status colours, overdue directives flagged, the selected one with its
/// gutter and detail.
#[test]
fn styled_district_tab_with_gauges_and_directives() {
    let mut app = app_on(Lang::Vi, day(2025, 1, 2), 120, 40);
    let catalog = sample_with(|t| {
        stamped("dh-khong-ma-tuy")(t).replace(
            "id = \"dh-thu-nhap-100-trieu\"\n",
            "id = \"dh-thu-nhap-100-trieu\"\ndue = 2024-06-30\n",
        )
    });
    app.update(Action::Loaded(Box::new(Ok(Loaded::new(catalog)))));
    press(&mut app, &[Command::Open, Command::JumpTab(3)]);
    select_directive(&mut app, "Là địa phương không có ma túy.");
    assert_snapshot!(styled_text(&draw(&app)));
}
