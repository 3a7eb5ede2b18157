//! The report view (`r`): the numbers of `briefing report`, the grouping switch, scrolling,
//! both languages, at 80 and 120 columns, and its colours.

use std::path::Path;

use super::*;

/// The fixture `briefing report` is tested on (tests/cli_report.rs), judged on 2024-07-01.
fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/report"
    ))
}

fn report_app(lang: Lang, width: u16, height: u16) -> App {
    let mut app = App::new(options(lang, day(2024, 7, 1), Keymap::default()));
    app.update(Action::Resize { width, height });
    load(&mut app, fixture());
    press(&mut app, &[Command::ReportView]);
    app
}

fn report_screen(app: &App) -> &briefing::api::screens::ReportScreen {
    match app.screen() {
        Some(Screen::Report(r)) => r,
        other => panic!("not the report view: {other:?}"),
    }
}

#[test]
fn snapshot_report_80x24_vi() {
    let app = report_app(Lang::Vi, 80, 24);
    assert_snapshot!("report_80x24_vi", screen_text(&draw(&app)));
}

#[test]
fn snapshot_report_120x40_en() {
    let app = report_app(Lang::En, 120, 40);
    assert_snapshot!("report_120x40_en", screen_text(&draw(&app)));
}

/// `b` goes through locality → assignee → session and back, and the heading says which.
#[test]
fn b_switches_the_rows() {
    let mut app = report_app(Lang::Vi, 120, 40);
    let rows = |app: &App| report_screen(app).report().expect("report").rows.len();
    assert_eq!(rows(&app), 2);
    press(&mut app, &[Command::ReportBy]);
    assert!(screen_text(&draw(&app)).contains("theo đơn vị thực hiện"));
    assert_eq!(rows(&app), 5);
    press(&mut app, &[Command::ReportBy]);
    assert!(screen_text(&draw(&app)).contains("10/01/2024 · Làm việc với huyện Hải Hà"));
    assert_eq!(rows(&app), 3);
    press(&mut app, &[Command::ReportBy]);
    assert_eq!(rows(&app), 2);
}

/// The lists below the table are reached by scrolling; `g` goes back to the top.
#[test]
fn the_view_scrolls_to_the_lists() {
    let mut app = report_app(Lang::En, 80, 24);
    assert!(!screen_text(&draw(&app)).contains("Vướng mặt bằng"));
    press(&mut app, &[Command::Last]);
    assert!(report_screen(&app).offset() > 0);
    assert!(screen_text(&draw(&app)).contains("Vướng mặt bằng"));
    press(&mut app, &[Command::First]);
    assert_eq!(report_screen(&app).offset(), 0);
    press(&mut app, &[Command::PageDown]);
    assert!(report_screen(&app).offset() > 0);
    press(&mut app, &[Command::Back]);
    assert!(app.screen().is_none(), "Esc goes back to the list");
}

/// The hint bar offers the view's own keys, in both languages.
#[test]
fn the_hint_bar_offers_the_grouping_switch() {
    for (lang, words) in [(Lang::Vi, "b đổi nhóm"), (Lang::En, "b rows by")] {
        let app = report_app(lang, 120, 40);
        assert!(screen_text(&draw(&app)).contains(words), "{lang:?}");
    }
}

/// Overdue and blocked counts are in the overdue colour, zeros muted, the total row bold.
#[test]
fn styled_report_counts() {
    let app = report_app(Lang::En, 120, 40);
    let buf = draw(&app);
    let (x, y) = find(&buf, "All").expect("the totals row");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::BOLD),
        "the totals row"
    );
    let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
    // The totals row: 1 2 0 2 2 1 1 1 10; the fourth number (doing overdue) is 2.
    let cells: Vec<(u16, &str)> = (0..buf.area.width)
        .map(|x| (x, buf[(x, y)].symbol()))
        .filter(|(_, s)| s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty() && *s != " ")
        .collect();
    assert!(cells.len() >= 9, "{line}");
    let overdue = cells[3].0;
    assert_eq!(buf[(overdue, y)].fg, Color::LightRed, "{line}");
    let doing_in_time = cells[2].0;
    assert_eq!(
        buf[(doing_in_time, y)].fg,
        Color::DarkGray,
        "a zero is muted: {line}"
    );
}

/// The view's numbers are the command line's: the totals and each row of
/// `briefing report --format json`, by every grouping.
#[test]
fn the_view_gives_the_numbers_of_briefing_report() {
    let mut app = report_app(Lang::En, 120, 40);
    for by in ["locality", "assignee", "session"] {
        let out = bin::run_ok(bin::clean().arg("--dir").arg(fixture()).args([
            "--today",
            "2024-07-01",
            "report",
            "--format",
            "json",
            "--by",
            by,
        ]));
        let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        let report = report_screen(&app).report().expect("report");
        assert_eq!(report.scope.by.name(), by);
        let counts = |json: &serde_json::Value| -> Vec<usize> {
            (briefing::api::model::Category::ALL.iter())
                .map(|c| json[c.name()].as_u64().expect("n") as usize)
                .collect()
        };
        let total: Vec<usize> = report.total.each().map(|(_, n)| n).collect();
        assert_eq!(total, counts(&doc["total"]), "totals by {by}");
        let rows = doc["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), report.rows.len());
        for (json, row) in rows.iter().zip(&report.rows) {
            let row: Vec<usize> = row.counts.each().map(|(_, n)| n).collect();
            assert_eq!(row, counts(&json["counts"]), "a row by {by}");
        }
        // What the view draws is those numbers.
        let text = screen_text(&draw(&app));
        let drawn = (text.lines())
            .find(|l| l.trim_start().starts_with("All "))
            .expect("the totals row");
        let drawn: Vec<usize> = drawn
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        let mut want = total.clone();
        want.push(report.total.total());
        assert_eq!(drawn, want, "drawn by {by}");
        press(&mut app, &[Command::ReportBy]);
    }
}

/// `w` gives a directive with a progress log its category, with its state, percent and latest
/// note (`screens::follow_up`'s line).
#[test]
fn the_due_view_says_the_category_and_the_latest_note() {
    let mut app = App::new(options(Lang::Vi, day(2024, 6, 1), Keymap::default()));
    app.update(Action::Resize {
        width: 120,
        height: 60,
    });
    load(&mut app, fixture());
    press(&mut app, &[Command::DueView]);
    let text = screen_text(&draw(&app));
    assert!(text.contains("Đang thực hiện trong hạn"), "{text}");
    assert!(text.contains("Đã khởi công 2 công trình"), "{text}");
    assert!(
        !text.contains("Chưa thực hiện (trong hạn)"),
        "an open directive without a log reads as before: {text}"
    );
}
