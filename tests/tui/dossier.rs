//! A locality's dossier (`d`, Enter): its sessions oldest first with everything given to it,
//! and each figure seen in two or more sessions as a chart of its values by period.

use super::*;

/// Huyện Chư Păh in January 2023 and December 2024, xã Ia Ly merged from it in 2025, and a
/// xã Chư Păh that only shares its name.
fn dossier_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dossier")
}

/// The dossier of row `row` of the `d` chooser (huyện Chư Păh, xã Chư Păh, xã Ia Ly).
fn open_dossier(lang: Lang, width: u16, height: u16, row: usize) -> App {
    let mut app = App::new(options(lang, day(2025, 11, 1), Keymap::default()));
    app.update(Action::Resize { width, height });
    load(&mut app, &dossier_folder());
    press(&mut app, &[Command::FilterDistrict]);
    for _ in 0..row {
        press(&mut app, &[Command::Down]);
    }
    press(&mut app, &[Command::Open]);
    app
}

/// The line of `text` holding `needle`, and where.
fn line_of(text: &str, needle: &str) -> usize {
    (text.lines().position(|l| l.contains(needle)))
        .unwrap_or_else(|| panic!("no {needle:?} in\n{text}"))
}

#[test]
fn the_dossier_charts_a_figure_of_two_sessions_in_time_order() {
    for (width, height) in [(60, 30), (120, 40)] {
        let app = open_dossier(Lang::Vi, width, height, 0);
        let text = screen_text(&draw(&app));
        assert_snapshot!(format!("dossier_chu_pah_{width}x{height}"), &text);
        assert!(text.contains("Hồ sơ huyện Chư Păh"), "{text}");
        let (first, second) = (
            line_of(&text, "12/01/2023 · "),
            line_of(&text, "10/12/2024 · "),
        );
        assert!(first < second, "sessions oldest first:\n{text}");
        assert!(
            text.contains("⚠ quá hạn · Chưa thực hiện · Hạn: 31/12/2023")
                && text.contains("Hoàn thành · Hạn: năm 2025"),
            "every directive with its state:\n{text}"
        );
        let trends = line_of(&text, "Chỉ tiêu qua các kỳ");
        let chart = line_of(&text, "Thu ngân sách trên địa bàn (tỷ đồng)");
        let (old, new) = (line_of(&text, " 380,5"), line_of(&text, " 420"));
        assert!(trends < chart && chart < old && old < new, "{text}");
        assert!(text.lines().nth(old).is_some_and(|l| l.contains("2022 █")));
        assert!(
            text.lines()
                .nth(old + 1)
                .is_some_and(|l| l.contains("KH") && l.ends_with(" 400")),
            "the plan under its value:\n{text}"
        );
        assert!(
            text.contains("Tỷ lệ hộ nghèo & cận nghèo <đa chiều> (%)"),
            "{text}"
        );
        assert!(text.contains(" 4,35"), "Vietnamese decimals: {text}");
        for other in [" 95", " 12"] {
            assert!(
                !text.lines().any(|l| l.ends_with(other)),
                "not the communes' {other:?}:\n{text}"
            );
        }
        assert!(
            !text.contains("Ia Ly") && !text.contains("xã Chư Păh"),
            "{text}"
        );
    }
}

/// The chart's bars are drawn in the accent colour, its plan muted, its values plain.
#[test]
fn the_chart_bars_are_in_the_accent_colour() {
    let app = open_dossier(Lang::Vi, 60, 30, 0);
    let buf = draw(&app);
    let theme = Theme::default();
    let text = screen_text(&buf);
    let y = u16::try_from(line_of(&text, " 380,5")).expect("row");
    let x = (0..buf.area.width)
        .find(|&x| buf[(x, y)].symbol() == "█")
        .expect("a bar");
    assert_eq!(buf[(x, y)].fg, theme.accent().fg.expect("accent colour"));
    let plan = (0..buf.area.width)
        .find(|&x| buf[(x, y + 1)].symbol() == "█")
        .expect("the plan's bar");
    assert_eq!(
        buf[(plan, y + 1)].fg,
        theme.muted().fg.expect("muted colour")
    );
    assert_ne!(theme.accent().fg, theme.muted().fg);
    assert_snapshot!(styled_text(&buf));
}

#[test]
fn the_dossier_says_itself_in_english() {
    let app = open_dossier(Lang::En, 60, 30, 0);
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("Chư Păh district (tỉnh Gia Lai) over time"),
        "{text}"
    );
    assert!(text.contains("Figures over time"), "{text}");
    assert!(text.contains(" 380.5") && text.contains("plan"), "{text}");
}

/// Xã Ia Ly, merged from huyện Chư Păh: its dossier holds the district's sessions, marked as
/// such, and the figure's trend runs through all three.
#[test]
fn a_commune_merged_from_a_district_has_the_district_history() {
    let app = open_dossier(Lang::Vi, 120, 40, 2);
    let text = screen_text(&draw(&app));
    assert!(text.contains("Hồ sơ xã Ia Ly"), "{text}");
    assert!(text.contains("Hợp nhất từ: huyện Chư Păh"), "{text}");
    let sessions: Vec<usize> = ["12/01/2023", "10/12/2024", "20/09/2025"]
        .iter()
        .map(|d| line_of(&text, &format!("{d} · ")))
        .collect();
    assert!(sessions.is_sorted(), "{text}");
    assert!(
        text.lines()
            .nth(sessions[0])
            .is_some_and(|l| l.ends_with("khi còn là huyện Chư Păh")),
        "{text}"
    );
    let values: Vec<usize> = [" 380,5", " 420", " 95"]
        .iter()
        .map(|v| line_of(&text, v))
        .collect();
    assert!(values.is_sorted(), "{text}");
    assert!(
        !text.lines().any(|l| l.ends_with(" 12")),
        "not xã Chư Păh's figure: {text}"
    );
}

/// Xã Chư Păh shares the district's name but not its level: its own dossier, one session,
/// no trend.
#[test]
fn a_commune_of_a_district_name_is_another_locality() {
    let app = open_dossier(Lang::Vi, 120, 40, 1);
    let text = screen_text(&draw(&app));
    assert!(text.contains("Hồ sơ xã Chư Păh"), "{text}");
    assert!(text.contains("Các buổi làm việc (1), cũ trước"), "{text}");
    assert!(
        text.contains("Chưa có chỉ tiêu nào xuất hiện ở hai buổi làm việc."),
        "{text}"
    );
}

/// Enter on a chart opens the locality's tab of the session of its latest figure.
#[test]
fn enter_on_a_chart_opens_its_latest_figure() {
    let mut app = open_dossier(Lang::Vi, 120, 40, 0);
    press(&mut app, &[Command::Last, Command::Open]);
    assert!(matches!(app.screen(), Some(Screen::Session(_))));
    let text = screen_text(&draw(&app));
    assert!(text.contains("Tỷ lệ hộ nghèo & cận nghèo"), "{text}");
}

/// The dossier is made anew from the folder: a third session of the district that arrives
/// while it is open adds its value to the chart, after the others.
#[test]
fn a_new_session_on_disk_joins_the_open_dossier() {
    let tmp = tempfile::tempdir().expect("tmp");
    for entry in std::fs::read_dir(dossier_folder()).expect("fixtures") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, tmp.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let mut app = App::new(options(Lang::Vi, day(2025, 11, 1), Keymap::default()));
    app.update(Action::Resize {
        width: 60,
        height: 40,
    });
    load(&mut app, tmp.path());
    press(&mut app, &[Command::FilterDistrict, Command::Open]);
    assert!(!screen_text(&draw(&app)).contains("2025 "));
    let later = std::fs::read_to_string(tmp.path().join("2024-12-10-chu-pah.toml"))
        .expect("read")
        .replace("date = 2024-12-10", "date = 2025-06-01")
        .replace(
            "period = \"2024\"\ntarget = 410",
            "period = \"6 tháng 2025\"",
        )
        .replace("value = 420", "value = 236.75")
        .replace("cp-nong-thon-moi", "cp-2025");
    std::fs::write(tmp.path().join("2025-06-01-chu-pah.toml"), later).expect("write");
    load(&mut app, tmp.path());
    let text = screen_text(&draw(&app));
    assert!(text.contains("Các buổi làm việc (3), cũ trước"), "{text}");
    let values: Vec<usize> = [" 380,5", " 420", " 236,75"]
        .iter()
        .map(|v| line_of(&text, v))
        .collect();
    assert!(values.is_sorted(), "{text}");
}
