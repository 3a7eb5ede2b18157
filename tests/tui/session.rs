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
    press(&mut app, &[Command::FilterDirectives; 7]);
    assert_eq!(
        app.filters().directives,
        briefing::api::model::filter::DirectiveFilter::Category(
            briefing::api::model::Category::NotStartedOverdue
        )
    );
    let text = screen_text(&draw(&app));
    assert!(text.contains("Filter: Not started (overdue)"), "{text}");
    assert!(text.contains("Xác định quyết tâm chính trị cao nhất"));
    press(&mut app, &[Command::Back]);
    let list = screen_text(&draw(&app));
    assert!(list.contains(" 1/23│"), "the list counts follow: {list}");
    assert!(list.contains("Filter: Not started (overdue)"), "{list}");
    for _ in 0..3 {
        press(&mut app, &[Command::FilterDirectives]);
    }
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

/// A line cut with `…` (a directive's details when not selected) whose whole text was seen
/// wrapped on one or two lines (when the directive was selected).
fn shown_whole(line: &str, seen: &std::collections::HashSet<String>) -> bool {
    let Some(cut) = line.strip_suffix('…') else {
        return false;
    };
    let cut = cut.trim_end();
    seen.iter()
        .any(|a| a.contains(cut) || (seen.iter()).any(|b| format!("{a} {b}").starts_with(cut)))
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
    for (width, height) in [(80, 24), (60, 20), (60, 16), (120, 40)] {
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
                let missed: Vec<&String> = (all.iter())
                    .filter(|l| !seen.contains(*l) && !shown_whole(l, seen))
                    .collect();
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
    load(&mut app, catalog.path());
    press(&mut app, &[Command::Open, Command::JumpTab(3)]);
    select_directive(&mut app, "Là địa phương không có ma túy.");
    assert_snapshot!(styled_text(&draw(&app)));
}

/// A clerk preparing Đầm Hà's part sees the overdue directive the session gave both localities,
/// in its own section of Đầm Hà's tab, and counted with Đầm Hà on the overview.
#[test]
fn a_locality_tab_shows_the_overdue_session_wide_directive_that_concerns_it() {
    let mut app = app_on(Lang::Vi, day(2025, 1, 2), 100, 200);
    press(&mut app, &[Command::Open, Command::JumpTab(3)]);
    let text = screen_text(&draw(&app));
    let section = text
        .find("Chỉ đạo chung áp dụng cho địa phương")
        .expect("the shared section");
    let shared = &text[section..];
    assert!(
        shared.contains("[ ] Xác định quyết tâm chính trị cao nhất"),
        "{text}"
    );
    assert!(shared.contains("⚠ quá hạn · Hạn: 31/12/2024"), "{text}");
    assert!(
        !text[..section].contains("⚠ quá hạn"),
        "Đầm Hà's own are not overdue"
    );
    press(&mut app, &[Command::JumpTab(1)]);
    let overview = screen_text(&draw(&app));
    assert!(overview.contains("0/21 xong · 1 quá hạn"), "{overview}");
}

/// `←`/`→`, `h`/`l` and `[`/`]` move between tabs and never leave the session; `Esc` and `q`
/// go back. On the session list `→` still opens.
#[test]
fn arrows_letters_and_brackets_move_between_tabs() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::Vi, 80, 24);
    key(&mut app, KeyCode::Left);
    assert!(app.screen().is_none(), "← on the list stays there");
    key(&mut app, KeyCode::Right);
    assert_eq!(tab(&app), Some(0), "→ on the list opens the session");
    let steps = [
        (KeyCode::Right, 1),
        (KeyCode::Char('l'), 2),
        (KeyCode::Char(']'), 0),
        (KeyCode::Left, 2),
        (KeyCode::Char('h'), 1),
        (KeyCode::Left, 0),
        (KeyCode::Char('['), 2),
        (KeyCode::Tab, 0),
        (KeyCode::BackTab, 2),
    ];
    for (code, want) in steps {
        key(&mut app, code);
        assert_eq!(tab(&app), Some(want), "after {code:?}");
    }
    key(&mut app, KeyCode::Esc);
    assert!(app.screen().is_none(), "Esc goes back");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('q'));
    assert!(app.screen().is_none(), "q goes back");
}

/// With thirteen localities at 100 columns the tab bar scrolls: the open tab's name is
/// always on it, with `‹`/`›` where tabs are hidden.
#[test]
fn the_tab_bar_keeps_the_open_tab_in_view() {
    let names = [
        "Hạ Long",
        "Cẩm Phả",
        "Uông Bí",
        "Móng Cái",
        "Đông Triều",
        "Quảng Yên",
        "Hải Hà",
        "Đầm Hà",
        "Tiên Yên",
        "Bình Liêu",
        "Ba Chẽ",
        "Vân Đồn",
        "Cô Tô",
    ];
    let catalog = folder(&[("tinh.toml", session_file("Cả tỉnh", "2024-03-01", &names))]);
    for (width, height) in [(100, 30), (60, 20)] {
        let mut app = app_with(catalog.path(), Lang::Vi, width, height);
        press(&mut app, &[Command::Open]);
        for (i, name) in names.iter().enumerate() {
            press(&mut app, &[Command::NextTab]);
            assert_eq!(tab(&app), Some(i + 1));
            let text = screen_text(&draw(&app));
            let bar = text.lines().nth(2).unwrap_or_default();
            assert!(bar.contains(name), "tab {} at {width}: {bar}", i + 1);
            if i + 1 < names.len() && width == 100 && i > 6 {
                assert!(bar.contains('‹'), "{bar}");
            }
        }
        if width == 100 {
            assert_snapshot!(
                "tab_bar_scrolled_100x30",
                screen_text(&draw(&app))
                    .lines()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

/// The wheel moves the selection; a click on a tab opens it; a click on a block selects it,
/// a second click on a locality's line opens its tab.
#[test]
fn the_mouse_scrolls_selects_and_opens_tabs() {
    use crossterm::event::MouseEventKind;
    let mut app = app(Lang::Vi, 80, 24);
    press(&mut app, &[Command::Open]);
    let buf = draw(&app);
    let (x, y) = find(&buf, "3 Huyện Đầm Hà").expect("the tab");
    click(&mut app, x + 2, y);
    assert_eq!(tab(&app), Some(2));
    let before = place(&app).expect("a session");
    mouse(&mut app, MouseEventKind::ScrollDown, 10, 10);
    mouse(&mut app, MouseEventKind::ScrollDown, 10, 10);
    assert!(
        place(&app).expect("a session").1 > before.1,
        "the wheel moved down"
    );
    mouse(&mut app, MouseEventKind::ScrollUp, 10, 10);
    mouse(&mut app, MouseEventKind::ScrollUp, 10, 10);
    assert_eq!(place(&app), Some(before));
    let (x, y) = find(&buf, "1 Tổng quan").expect("the overview tab");
    click(&mut app, x, y);
    assert_eq!(tab(&app), Some(0));
    for _ in 0..8 {
        press(&mut app, &[Command::Down]);
    }
    let buf = draw(&app);
    let (x, y) = find(&buf, "Huyện Đầm Hà  ✓").expect("Đầm Hà's line");
    click(&mut app, x, y);
    assert!(
        screen_text(&draw(&app)).contains("▌ Huyện Đầm Hà"),
        "selected"
    );
    assert_eq!(tab(&app), Some(0));
    click(&mut app, x, y);
    assert_eq!(tab(&app), Some(2), "a second click opens it");
}

/// The first line of the selection on screen, without its gutter.
fn first_selected_row(buf: &Buffer) -> Option<String> {
    let text = screen_text(buf);
    let row = text.lines().find(|l| l.starts_with('▌'))?;
    Some(row.trim_start_matches('▌').to_string())
}

/// PgDn to the end of every tab, at every size, on both samples: the selected block's first
/// line (a directive's checkbox) is always on screen, so Space checks off what the reader
/// sees; at the end, PgDn changes nothing.
#[test]
fn page_down_keeps_the_selection_whole_in_view_and_stays_at_the_end() {
    for (width, height) in [(60, 20), (80, 24), (120, 40), (60, 16), (100, 30)] {
        for (first, tabs) in [(0usize, 4u8), (1, 3)] {
            for tab in 1..=tabs {
                let mut app = App::new(options(Lang::Vi, day(2027, 7, 2), Keymap::default()));
                app.update(Action::Resize { width, height });
                load(&mut app, &whole_folder());
                let mut keys = vec![Command::Down; first];
                keys.extend([Command::Open, Command::JumpTab(tab)]);
                press(&mut app, &keys);
                let at = format!("{width}x{height}, session {first}, tab {tab}");
                let mut before = place(&app);
                for step in 0..60 {
                    press(&mut app, &[Command::PageDown]);
                    let buf = draw(&app);
                    let row = first_selected_row(&buf)
                        .unwrap_or_else(|| panic!("{at}: no selection\n{}", screen_text(&buf)));
                    assert!(
                        !row.starts_with("    "),
                        "{at}, PgDn {step}: the selected block's first line is off screen\n{}",
                        screen_text(&buf)
                    );
                    if place(&app) == before {
                        break;
                    }
                    before = place(&app);
                }
                for _ in 0..3 {
                    press(&mut app, &[Command::PageDown]);
                    assert_eq!(place(&app), before, "{at}: PgDn at the end stays");
                }
            }
        }
    }
}

/// Presses ↓ until a selected row (`▌ `) holds `text`.
fn select_row(app: &mut App, text: &str) {
    for _ in 0..60 {
        let screen = screen_text(&draw(app));
        if screen
            .lines()
            .any(|l| l.starts_with("▌ ") && l.contains(text))
        {
            return;
        }
        press(app, &[Command::Down]);
    }
    panic!("no row with {text:?}");
}

/// A target's value is on screen with its label (as `show` prints it), and the verdict stands
/// next to its ratio, not at the far edge, at 60×20, 80×24 and 120×40.
#[test]
fn a_target_shows_its_value_and_the_verdict_stands_by_its_gauge() {
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut app = app(Lang::Vi, w, h);
        press(&mut app, &[Command::Open, Command::JumpTab(3)]);
        select_row(&mut app, "Thu nhập bình quân đầu người");
        let buf = draw(&app);
        let text = screen_text(&buf);
        assert!(
            text.contains("mục tiêu cuối nhiệm kỳ: 100 triệu đồng/người"),
            "{w}x{h}:\n{text}"
        );
        let (ratio_x, ratio_y) = find(&buf, "80%").expect("the ratio");
        let (status_x, status_y) = find(&buf, "✗ chưa đạt").expect("the verdict");
        assert_eq!(ratio_y, status_y, "{w}x{h}:\n{text}");
        assert!(
            status_x - ratio_x <= 7,
            "{w}x{h}: {ratio_x} {status_x}\n{text}"
        );
        let (met_x, _) = find(&buf, "✓ đạt").expect("a met verdict");
        assert!(met_x < 50, "{w}x{h}: ✓ đạt at column {met_x}\n{text}");
    }
}

/// The selected directive shows its whole due, owner and addressee line, wrapped, never cut
/// with `…`; the others keep one line each.
#[test]
fn the_selected_directive_shows_its_owner_and_addressees_whole() {
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut app = app(Lang::Vi, w, h);
        press(&mut app, &[Command::Open, Command::JumpTab(3)]);
        select_directive(&mut app, "Xác định quyết tâm chính trị");
        let text = screen_text(&draw(&app));
        let selected: Vec<&str> = (text.lines())
            .filter_map(|l| l.strip_prefix("▌ "))
            .collect();
        let joined = selected.join(" ");
        let squeezed = joined.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            squeezed.contains("Thực hiện: Huyện ủy Đầm Hà, Huyện ủy Hải Hà · Gửi: Hải Hà, Đầm Hà"),
            "{w}x{h}:\n{text}"
        );
        assert!(
            selected.iter().all(|l| !l.trim_end().ends_with('…')),
            "{w}x{h}:\n{text}"
        );
    }
}

/// A 99,86% ratio is not drawn as a full bar: at 60×20, 80×24 and 120×40 its bar keeps an
/// empty cell (only 100% or more fills it, `present::bar_cells`).
#[test]
fn an_almost_met_ratio_does_not_look_full() {
    let catalog = sample_with(|t| {
        t.replace(
            "{ label = \"kế hoạch\", percent = 100.8, basis = \"plan\" }",
            "{ label = \"kế hoạch\", percent = 99.86, basis = \"plan\" }",
        )
    });
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut app = app_with(catalog.path(), Lang::Vi, w, h);
        press(&mut app, &[Command::Open, Command::JumpTab(3)]);
        select_row(&mut app, "Tổng giá trị sản xuất");
        let text = screen_text(&draw(&app));
        let bar = (text.lines())
            .find(|l| l.contains("99,86%"))
            .unwrap_or_else(|| panic!("{w}x{h}: the gauge:\n{text}"));
        assert!(bar.contains("█░ "), "{w}x{h}: {bar}");
    }
}
