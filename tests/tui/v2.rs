//! The version 2 sample in the interface: localities with their level, groups, co-chairs,
//! periods, shares, growth, notes, references and images; the whole `briefings/` folder.

use super::*;

/// The app on the whole folder; the version 2 sample (2026) is the first row.
fn app_on_folder(lang: Lang, today: NaiveDate, width: u16, height: u16) -> App {
    let mut app = App::new(options(lang, today, Keymap::default()));
    app.update(Action::Resize { width, height });
    load(&mut app, &whole_folder());
    app
}

#[test]
fn the_list_shows_both_samples_the_upcoming_one_first() {
    let app = app_on_folder(Lang::Vi, today(), 120, 30);
    let text = screen_text(&draw(&app));
    let first = (text.lines())
        .find(|l| l.contains("09/12/2026"))
        .expect("the 2026 session");
    assert!(
        first.contains("│● 09/12/2026  Tân Lập, Bình Minh +1"),
        "{text}"
    );
    assert!(first.contains(" 0/5││"), "{text}");
    assert!(
        first.contains("…Đảng ủy xã Tân Lập,"),
        "the title keeps its room: {text}"
    );
    let second = (text
        .lines()
        .skip_while(|l| !l.contains("09/12/2026"))
        .nth(1))
    .unwrap_or("");
    assert!(
        second.contains("13/03/2024  Hải Hà, Đầm Hà"),
        "upcoming first: {text}"
    );
    assert!(text.contains("Chiều Thứ Tư, 09/12/2026"), "{text}");
    assert!(
        text.contains("Cơ quan chủ trì: Ban Thường vụ Tỉnh ủy (cấp ủy Đảng)"),
        "{text}"
    );
    assert!(
        text.contains("Địa phương: Xã Tân Lập, Phường Bình Minh, Đặc khu"),
        "{text}"
    );
    assert_snapshot!(text);
}

#[test]
fn the_overview_shows_what_concerns_every_locality() {
    let mut app = app_on_folder(Lang::Vi, day(2027, 7, 2), 120, 60);
    press(&mut app, &[Command::Open]);
    let text = screen_text(&draw(&app));
    for shown in [
        "Chiều Thứ Tư, 09/12/2026 · Chủ trì: Đồng chí Trần Văn An, Bí thư Tỉnh ủy; Đồng chí Lê Thị Bình",
        "1 Tổng quan │ 2 Xã Tân Lập │ 3 Phường Bình Minh │ 4 Đặc khu Hòn Ngọc",
        "• Cả ba địa phương hoàn thành sắp xếp bộ máy đúng thời hạn",
        "• Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy (dự)",
        "• 01-NQ/TU — Nghị quyết của Ban Thường vụ Tỉnh ủy về chuyển đổi số",
        "• Đồng chí Bí thư Tỉnh ủy phát biểu kết luận buổi làm việc (Ảnh minh họa)",
        "⚠ quá hạn · Hạn: quý II/2027 · Thực hiện: Đảng ủy xã Tân Lập, Đảng ủy đặc khu Hòn Ngọc · Gửi: Tân Lập, Hòn Ngọc",
    ] {
        assert!(text.contains(shown), "{shown:?} is not in:\n{text}");
    }
    assert_snapshot!(text);
}

#[test]
fn a_commune_tab_shows_its_counterpart_share_growth_and_note() {
    let mut app = app_on_folder(Lang::Vi, day(2027, 7, 2), 100, 30);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    let text = screen_text(&draw(&app));
    for shown in [
        "Làm việc với: Ban Thường vụ Đảng ủy xã · Thuộc: tỉnh Hải Minh",
        "15/19 tiêu chí",
        "78,9%",
        "Ghi chú: Theo báo cáo của Đảng ủy xã, tháng 11/2026",
        "▼ 18% so với cuối năm 2025",
        "Hạn: năm 2027 · Thực hiện: UBND xã Tân Lập",
    ] {
        assert!(text.contains(shown), "{shown:?} is not in:\n{text}");
    }
    assert!(
        !text.contains('✓') && !text.contains('✗'),
        "a share has no verdict:\n{text}"
    );
    assert_snapshot!(text);
}

#[test]
fn a_ward_tab_shows_a_plan_verdict_as_written_and_a_rate_as_a_figure() {
    let mut app = app_on_folder(Lang::En, today(), 100, 30);
    press(&mut app, &[Command::Open, Command::JumpTab(3)]);
    let text = screen_text(&draw(&app));
    assert!(
        text.contains(" 2 Tân Lập commune │ 3 Bình Minh ward │"),
        "{text}"
    );
    let gauge = (text.lines())
        .find(|l| l.contains("100.75% ▲  ✓ met"))
        .unwrap_or_else(|| panic!("the status next to the ratio:\n{text}"));
    assert!(gauge.contains("kế hoạch năm"), "{text}");
    assert!(text.contains("▲ 12.3% so với năm 2025"), "{text}");
    let rate = text
        .lines()
        .position(|l| l.contains("Tốc độ tăng trưởng giá trị sản xuất (2026)"))
        .expect("the rate");
    assert!(
        text.lines()
            .nth(rate + 1)
            .is_some_and(|l| l.contains("Thu ngân sách")),
        "a rate is a plain figure, one line:\n{text}"
    );
}

#[test]
fn the_due_view_says_period_deadlines_in_words() {
    let mut app = app_on_folder(Lang::Vi, day(2027, 7, 2), 110, 30);
    press(&mut app, &[Command::DueView]);
    let text = screen_text(&draw(&app));
    for shown in [
        "6 tháng đầu năm 2027",
        "quý II/2027",
        "tháng 6/2027",
        "năm 2027",
    ] {
        assert!(text.contains(shown), "{shown:?} is not in:\n{text}");
    }
    assert!(
        !text.contains("⚠ năm 2027"),
        "the year is not over:\n{text}"
    );
    assert_snapshot!(text);
}

/// The locality view (`d`) keeps the session-wide directives that concern the locality: Bình
/// Minh is not in the `to` of "Phủ sóng di động…".
#[test]
fn one_locality_lists_only_the_shared_directives_for_it() {
    let mut app = app_on_folder(Lang::Vi, today(), 110, 30);
    press(&mut app, &[Command::FilterDistrict]);
    let chooser = screen_text(&draw(&app));
    assert!(chooser.contains(" Bình Minh"), "{chooser}");
    press(&mut app, &[Command::Open]);
    assert!(matches!(
        app.screen(),
        Some(Screen::Review(r)) if matches!(r.review(), Review::District(k) if k.id == "binh-minh")
    ));
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("Hoàn thành chỉnh trang các tuyến phố"),
        "{text}"
    );
    assert!(text.contains("Đưa toàn bộ thủ tục hành chính"), "{text}");
    assert!(!text.contains("Phủ sóng di động"), "{text}");
}

/// Space on a session-wide directive with `to` and a period deadline asks to save it by its id.
#[test]
fn a_directive_with_to_and_a_period_deadline_is_checked_off_by_its_id() {
    let mut app = app_on_folder(Lang::En, today(), 120, 60);
    press(&mut app, &[Command::Open]);
    select_directive(&mut app, "Phủ sóng di động");
    let request = toggle(&mut app);
    assert_eq!(request.directive_id, "chung-ha-tang-so");
    assert_eq!(
        request.session_id,
        "2026/2026-12-09-tan-lap-binh-minh-hon-ngoc"
    );
    let text = screen_text(&draw(&app));
    assert!(text.contains("▌ [x] Phủ sóng di động"), "{text}");
}

/// Sessions known only to the month or the year: no weekday, sorted at the start of their
/// period, upcoming only when the whole period is ahead.
#[test]
fn sessions_known_to_the_month_or_the_year_show_no_invented_day() {
    let tmp = tempfile::tempdir().expect("tmp");
    for (name, date) in [
        ("thang", "\"2024-03\""),
        ("nam", "\"2022\""),
        ("ngay", "2024-03-02"),
    ] {
        let text = format!("version = 2\n[session]\ntitle = \"Phiên {name}\"\ndate = {date}\n");
        std::fs::write(tmp.path().join(format!("{name}.toml")), text).expect("write");
    }
    let catalog = store::load_dir(tmp.path()).expect("load");
    let ids: Vec<&str> = catalog.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["ngay", "thang", "nam"],
        "a month sorts at its first day"
    );
    let mut app = App::new(options(Lang::Vi, day(2024, 3, 1), Keymap::default()));
    app.update(Action::Resize {
        width: 120,
        height: 20,
    });
    load(&mut app, tmp.path());
    press(&mut app, &[Command::Down]);
    let text = screen_text(&draw(&app));
    let row = |date: &str| {
        (text.lines())
            .find(|l| l.contains(date))
            .unwrap_or_else(|| panic!("{date} in {text}"))
    };
    assert!(row("│● 02/03/2024").contains("ngay"), "{text}");
    assert!(row("│● 03/2024 ").contains("thang"), "{text}");
    assert!(row("│  năm 2022 ").contains("nam"), "{text}");
    assert!(
        text.contains("│03/2024  ● sắp tới"),
        "no weekday in the preview:\n{text}"
    );
    let later = App::new(options(Lang::Vi, day(2024, 3, 2), Keymap::default()));
    let mut later = later;
    later.update(Action::Resize {
        width: 120,
        height: 20,
    });
    load(&mut later, tmp.path());
    let text = screen_text(&draw(&later));
    assert!(
        text.contains("│  03/2024 "),
        "the month has begun, so it is not ahead:\n{text}"
    );
}
