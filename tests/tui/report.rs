//! The report view (`r`): the numbers of `briefing report`, the grouping switch, scrolling,
//! both languages, at 80 and 120 columns, and its colours.

use std::path::Path;

use briefing::api::model::Category;
use briefing::api::report::follow_up::{FollowUp, Grouping, Scope, tally};

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
    assert_eq!(rows(&app), 6, "Sở Tài chính is a proposal's assignee");
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
        // The lists hold the same items, the locality's proposals marked as such.
        for (list, listed) in [("overdue", &report.overdue), ("blocked", &report.blocked)] {
            let json: Vec<(String, bool)> = (doc[list].as_array().expect("list").iter())
                .map(|l| {
                    (
                        l["directive"].as_str().expect("id").to_string(),
                        l["proposal"] == true,
                    )
                })
                .collect();
            let view: Vec<(String, bool)> = (listed.iter())
                .map(|l| (l.directive_id.to_string(), l.proposal))
                .collect();
            assert_eq!(view, json, "{list} by {by}");
            assert!(
                view.iter().any(|(_, proposal)| *proposal),
                "{list} lists a proposal"
            );
        }
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

/// The report a fresh count of the app's sessions gives, by `by`, on `today`: what the view
/// must show whatever it kept.
fn counted_afresh(app: &App, by: Grouping) -> FollowUp {
    let scope = Scope {
        from: None,
        to: None,
        by,
        today: app.today(),
    };
    tally(&app.catalog().sessions, &scope)
}

/// The view's report, checked against a fresh count by every grouping (`b` switches through
/// them and back).
fn viewed(app: &mut App) -> FollowUp {
    let shown = report_screen(app).report().expect("report").clone();
    assert_eq!(
        shown,
        counted_afresh(app, shown.scope.by),
        "as a fresh count"
    );
    for _ in Grouping::ALL {
        press(app, &[Command::ReportBy]);
        let by = report_screen(app).by();
        let report = report_screen(app).report().expect("report");
        assert_eq!(
            *report,
            counted_afresh(app, by),
            "as a fresh count by {by:?}"
        );
    }
    shown
}

/// The totals after minus before, category by category (only the non-zero ones).
fn moved(before: &FollowUp, after: &FollowUp) -> Vec<(Category, i64)> {
    (before.total.each().zip(after.total.each()))
        .map(|((c, b), (_, a))| (c, a as i64 - b as i64))
        .filter(|&(_, d)| d != 0)
        .collect()
}

/// The fixture in a folder of its own, to change on disk.
fn fixture_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(tmp.path().join("2024")).expect("mkdir");
    for entry in std::fs::read_dir(fixture().join("2024")).expect("fixture") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name");
        std::fs::copy(&path, tmp.path().join("2024").join(name)).expect("copy");
    }
    tmp
}

/// The list's `n`th session (newest first) opened at its first locality's tab, with the
/// directive reading `text` selected.
fn at_directive(app: &mut App, n: usize, text: &str) {
    press(app, &[Command::Back]);
    assert!(app.screen().is_none(), "on the list");
    press(app, &[Command::First]);
    for _ in 0..n {
        press(app, &[Command::Down]);
    }
    press(app, &[Command::Open, Command::JumpTab(2)]);
    select_directive(app, text);
}

/// A check-off (Space, then the save's confirmation) moves its directive, and only it, from
/// "not started" to "done on time"; the view opened again shows it.
#[test]
fn a_check_off_moves_its_directive_in_the_view() {
    let mut app = report_app(Lang::En, 120, 40);
    let before = viewed(&mut app);
    at_directive(&mut app, 2, "Trồng rừng thay thế");
    let request = toggle(&mut app);
    assert_eq!(request.directive_id, "hh-rung");
    press(&mut app, &[Command::ReportView]);
    let shown = viewed(&mut app);
    assert_eq!(
        moved(&before, &shown),
        [(Category::DoneOnTime, 1), (Category::NotStartedInTime, -1)],
        "shown at once"
    );
    let at = chrono::DateTime::parse_from_rfc3339("2024-07-01T09:15:00+07:00").expect("time");
    app.update(Action::Saved {
        request,
        result: Ok(briefing::api::store::write::Change::Done {
            at,
            by: "lan".into(),
        }),
    });
    let saved = viewed(&mut app);
    assert_eq!(moved(&before, &saved), moved(&before, &shown));
    assert_eq!(saved.overdue, before.overdue, "the lists are untouched");
}

/// A progress entry written (the `p` form, then the saver's answer) moves its directive from
/// "doing, overdue" to "blocked": out of the overdue list, into the blocked one, with its note.
#[test]
fn a_progress_entry_moves_its_directive_in_the_view() {
    use briefing::api::app::{ProgressChange, Recorded};
    use briefing::api::model::{Entry, State};
    let mut app = report_app(Lang::En, 120, 40);
    let before = viewed(&mut app);
    at_directive(&mut app, 0, "Cấp nước sinh hoạt");
    assert_eq!(press_effect(&mut app, Command::Progress), Effect::None);
    key(&mut app, crossterm::event::KeyCode::Right);
    key(&mut app, crossterm::event::KeyCode::Tab);
    type_text(&mut app, "Chờ vốn");
    let Effect::Record(request) = key(&mut app, crossterm::event::KeyCode::Enter) else {
        panic!("no entry asked for");
    };
    let ProgressChange::Add(asked) = &request.change else {
        panic!("not an entry");
    };
    assert_eq!(asked.state, Some(State::Blocked));
    let entry = Entry {
        at: chrono::DateTime::parse_from_rfc3339("2024-06-20T09:15:00+07:00").expect("time"),
        by: "lan".into(),
        state: asked.state,
        note: asked.note.as_deref().map(Into::into),
        percent: asked.percent,
    };
    app.update(Action::Recorded {
        request: Box::new(request.clone()),
        result: Box::new(Ok(Recorded::Added { entry, undo: None })),
    });
    press(&mut app, &[Command::ReportView]);
    let after = viewed(&mut app);
    assert_eq!(
        moved(&before, &after),
        [(Category::DoingOverdue, -1), (Category::Blocked, 1)]
    );
    let ids = |list: &[std::sync::Arc<briefing::api::report::follow_up::Listed>]| -> Vec<String> {
        list.iter().map(|l| l.directive_id.to_string()).collect()
    };
    assert!(ids(&before.overdue).contains(&"dh-nuoc".to_string()));
    assert!(!ids(&after.overdue).contains(&"dh-nuoc".to_string()));
    // The fixture's blocked proposal of the same session comes after its directives.
    assert_eq!(ids(&after.blocked), ["dh-mat-bang", "dh-nuoc", "dh-kn-von"]);
    let note = after.blocked[1].note.as_ref().expect("its note");
    assert_eq!(note.text, "Chờ vốn");
}

/// A file changed on disk, read as the watcher's path: its session's directives move, the
/// others' stay; the view open meanwhile shows it at once.
#[test]
fn a_file_changed_on_disk_moves_its_directives_in_the_open_view() {
    use briefing::api::load::{first_load, read_changes};
    use briefing::api::store::{Folder, Limits};
    let dir = fixture_copy();
    let mut app = App::new(options(Lang::En, day(2024, 7, 1), Keymap::default()));
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let mut folder = Folder::new(dir.path(), Limits::default());
    first_load(
        &mut folder,
        Default::default(),
        || false,
        |a| {
            app.update(a);
            true
        },
    );
    press(&mut app, &[Command::ReportView]);
    let before = viewed(&mut app);
    let file = dir.path().join("2024/2024-01-10-hai-ha.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    let text = text.replace(
        "due = 2024-12-31",
        "due = 2024-06-30\ndone = true\ndone_at = 2024-06-29T10:00:00+07:00\ndone_by = \"lan\"",
    );
    std::fs::write(&file, text).expect("write");
    let plan = folder.changed(&[file]).expect("plan");
    read_changes(&mut folder, plan, |a| {
        app.update(a);
        true
    });
    assert!(
        matches!(app.screen(), Some(Screen::Report(_))),
        "still open"
    );
    let after = viewed(&mut app);
    assert_eq!(
        moved(&before, &after),
        [(Category::DoneOnTime, 1), (Category::NotStartedInTime, -1)]
    );
    let text = screen_text(&draw(&app));
    let all = (text.lines())
        .find(|l| l.trim_start().starts_with("All "))
        .expect("the totals row");
    let drawn: Vec<usize> = all
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let mut want: Vec<usize> = after.total.each().map(|(_, n)| n).collect();
    want.push(after.total.total());
    assert_eq!(drawn, want, "drawn");
}

/// A new day (midnight while the app is open): the directive due the day before falls overdue
/// in the open view, into the overdue list.
#[test]
fn a_new_day_moves_directives_past_their_deadline() {
    let mut app = report_app(Lang::En, 120, 40);
    let before = viewed(&mut app);
    app.update(Action::Today(day(2024, 7, 2)));
    let after = viewed(&mut app);
    assert_eq!(after.scope.today, day(2024, 7, 2));
    assert_eq!(
        moved(&before, &after),
        [
            (Category::NotStartedInTime, -1),
            (Category::NotStartedOverdue, 1)
        ]
    );
    assert_eq!(after.overdue.len(), before.overdue.len() + 1);
    assert!(after.overdue.iter().any(|l| l.directive_id == "dh-truong"));
    let text = screen_text(&draw(&app));
    assert!(text.contains("02/07/2024"), "the day drawn: {text}");
}
