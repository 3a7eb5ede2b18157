use super::*;
use crate::model::{GaugeBasis, Status};
use crate::store;

const SAMPLE: &str = include_str!("../../briefings/2024/2024-03-13-hai-ha-dam-ha.toml");

fn sample() -> Session {
    store::parse_file(SAMPLE.as_bytes(), "sample.toml", "2024/sample")
        .session
        .expect("the sample loads")
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn opts(lang: Lang, ascii: bool) -> Options<'static> {
    Options {
        district: None,
        lang,
        today: day("2024-03-20"),
        ascii,
        handout: false,
    }
}

fn gauge(ratio: f64) -> Gauge {
    Gauge {
        ratio,
        basis: GaugeBasis::Plan,
        status: Status::of(ratio, crate::model::Better::Higher),
    }
}

#[test]
fn gauge_bars_have_ten_cells_and_an_overflow_mark() {
    assert_eq!(gauge_bar(&gauge(80.0), false), "████████░░ ");
    assert_eq!(gauge_bar(&gauge(80.0), true), "########-- ");
    assert_eq!(gauge_bar(&gauge(175.0), false), "██████████▶");
    assert_eq!(gauge_bar(&gauge(175.0), true), "##########>");
    assert_eq!(gauge_bar(&gauge(0.0), true), "---------- ");
    assert_eq!(gauge_bar(&gauge(100.0), true), "########## ");
}

#[test]
fn text_shows_gauges_status_words_and_labels() {
    let s = sample();
    let vi = render(&s, Format::Text, &opts(Lang::Vi, false));
    assert!(vi.contains("Thứ Tư, 13/03/2024"), "{vi}");
    assert!(
        vi.contains("████████░░     80% ✗ chưa đạt · mục tiêu cuối nhiệm kỳ: 100 triệu đồng/người"),
        "{vi}"
    );
    assert!(
        vi.contains("33.497 tỷ đồng\n    ▲ 7% so với năm 2022\n"),
        "growth, not a verdict: {vi}"
    );
    assert!(
        vi.contains("██████████▶ 100,8% ✓ đạt · kế hoạch\n    ▲ 19,5% so với năm 2022"),
        "{vi}"
    );
    assert!(
        vi.contains("Số hộ dân được sử dụng nước sạch (2023): ≥ 67%\n"),
        "{vi}"
    );
    assert!(
        vi.contains("Tổng thu ngân sách nhà nước (2023): ≥ 385 tỷ đồng"),
        "{vi}"
    );
    let en = render(&s, Format::Text, &opts(Lang::En, true));
    assert!(en.contains("########--     80% x behind"), "{en}");
    assert!(
        en.contains("Total production value (2023)") || en.contains("33,497 tỷ đồng"),
        "{en}"
    );
    assert!(en.contains("Wednesday, 13/03/2024"), "{en}");
}

#[test]
fn done_and_overdue_directives_are_marked() {
    let mut s = sample();
    let d = s
        .find_directive("hh-ma-tuy")
        .and_then(|r| s.directive_mut(r))
        .expect("directive");
    d.done = true;
    d.done_by = Some("Lê Văn Tám".into());
    d.done_at = Some("2024-03-15T09:30:00+07:00".parse().expect("date-time"));
    let mut o = opts(Lang::Vi, false);
    o.today = day("2025-01-02");
    let text = render(&s, Format::Text, &o);
    assert!(text.contains("[x] Kiểm soát tốt ma túy"), "{text}");
    assert!(
        text.contains("Hoàn thành 15/03/2024 09:30 bởi Lê Văn Tám"),
        "{text}"
    );
    assert!(text.contains("Hạn: 31/12/2024 · QUÁ HẠN"), "{text}");
    assert!(text.contains("1/23 xong, 1 quá hạn"), "{text}");
    let md = render(&s, Format::Markdown, &o);
    assert!(md.contains("- [x] Kiểm soát tốt ma túy"), "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&render(&s, Format::Json, &o)).expect("valid JSON");
    assert_eq!(json["session"]["directives"][0]["overdue"], true);
    assert_eq!(json["session"]["progress"]["done"], 1);
    assert_eq!(
        json["session"]["districts"][0]["directives"][0]["done_by"],
        "Lê Văn Tám"
    );
}

#[test]
fn the_district_filter_keeps_one_district_and_the_session_parts() {
    let s = sample();
    let mut o = opts(Lang::Vi, false);
    o.district = Some("dam-ha");
    let text = render(&s, Format::Text, &o);
    assert!(text.contains("━━━ Đầm Hà ━━━"));
    assert!(!text.contains("━━━ Hải Hà ━━━"));
    assert!(text.contains("Chỉ đạo chung"));
    let json: serde_json::Value =
        serde_json::from_str(&render(&s, Format::Json, &o)).expect("valid JSON");
    assert_eq!(json["district"], "dam-ha");
    assert_eq!(
        json["session"]["districts"].as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn one_district_counts_and_lists_the_session_wide_directives_that_concern_it() {
    let mut s = sample();
    s.directives[1].owner = Some("Huyện ủy Hải Hà".into());
    let mut o = opts(Lang::Vi, false);
    o.today = day("2025-01-02");
    o.district = Some("dam-ha");
    let text = render(&s, Format::Text, &o);
    assert!(text.contains("0/20 xong, 1 quá hạn"), "{text}");
    assert!(
        text.contains("Chỉ đạo chung (0/16 xong, 1 quá hạn)"),
        "{text}"
    );
    assert!(
        !text.contains("nhiệm vụ trung tâm; thay đổi"),
        "Hải Hà's only: {text}"
    );
    o.district = Some("hai-ha");
    let text = render(&s, Format::Text, &o);
    assert!(text.contains("0/19 xong, 1 quá hạn"), "{text}");
    assert!(text.contains("nhiệm vụ trung tâm; thay đổi"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&render(&s, Format::Json, &o)).expect("JSON");
    assert_eq!(json["session"]["progress"]["total"], 19);
    assert_eq!(
        json["session"]["directives"].as_array().map(Vec::len),
        Some(17)
    );
}

#[test]
fn json_has_computed_gauges() {
    let s = sample();
    let json: serde_json::Value =
        serde_json::from_str(&render(&s, Format::Json, &opts(Lang::En, false))).expect("JSON");
    let income = &json["session"]["districts"][1]["indicators"][4];
    assert_eq!(income["name"], "Thu nhập bình quân đầu người");
    assert_eq!(income["gauge"]["basis"], "target");
    assert_eq!(income["gauge"]["status"], "behind");
    assert_eq!(income["gauge"]["ratio"], 80.0);
    assert_eq!(income["gauge"]["label"], "mục tiêu cuối nhiệm kỳ");
    assert_eq!(
        json["session"]["districts"][0]["indicators"][1]["gauge"],
        serde_json::Value::Null
    );
    assert_eq!(json["schema"], 1);
}

#[test]
fn list_json_is_an_array_of_summaries() {
    let s = sample();
    let json: serde_json::Value =
        serde_json::from_str(&list_json(&[s], day("2024-03-20"))).expect("JSON");
    assert_eq!(json[0]["id"], "2024/sample");
    assert_eq!(json[0]["date"], "2024-03-13");
    assert_eq!(json[0]["districts"], 2);
    assert_eq!(json[0]["progress"]["total"], 23);
    assert_eq!(json[0]["upcoming"], false);
}

#[test]
fn a_handout_leaves_out_who_checked_off_and_the_session_id() {
    let mut s = sample();
    s.directives[0].done = true;
    s.directives[0].done_by = Some("thu-ky-lan".to_string());
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let full = render(&s, format, &opts(Lang::Vi, false));
        assert!(full.contains("thu-ky-lan") && full.contains("2024/sample"));
        let handout = Options {
            handout: true,
            ..opts(Lang::Vi, false)
        };
        let public = render(&s, format, &handout);
        assert!(
            !public.contains("thu-ky-lan"),
            "{format:?} names who checked off"
        );
        assert!(
            !public.contains("2024/sample"),
            "{format:?} shows the session id"
        );
    }
}
