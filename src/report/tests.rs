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
        history: None,
    }
}

fn gauge(ratio: f64) -> Gauge {
    Gauge {
        ratio: Some(ratio),
        basis: GaugeBasis::Compare,
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
    for said in [
        "Thứ Tư, 13/03/2024",
        "████████░░     80% ✗ chưa đạt · mục tiêu cuối nhiệm kỳ: 100 triệu đồng/người",
        "██████████▶ 100,8% ✓ đạt · kế hoạch\n",
        // A growth and a share have no verdict.
        "    ▲ 7% so với năm 2022\n",
        "Tổng thu ngân sách nhà nước (2023): ≥ 385 tỷ đồng",
        "    ▲ 19,5% so với năm 2022\n",
        "███████░░░     67%\n",
        "Hạn: 31/12/2024 · Gửi: Hải\n      Hà, Đầm Hà\n",
    ] {
        assert!(vi.contains(said), "`{said}` is not in: {vi}");
    }
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
    d.more.done_by = Some("Lê Văn Tám".into());
    d.more.done_at = Some("2024-03-15T09:30:00+07:00".parse().expect("date-time"));
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
    assert!(text.contains("━━━ Huyện Đầm Hà ━━━"), "{text}");
    assert!(!text.contains("━━━ Huyện Hải Hà ━━━"));
    assert!(text.contains("Chỉ đạo chung"));
    let json: serde_json::Value =
        serde_json::from_str(&render(&s, Format::Json, &o)).expect("valid JSON");
    assert_eq!(json["district"], "dam-ha");
    assert_eq!(
        json["session"]["districts"].as_array().map(Vec::len),
        Some(1)
    );
}

/// Only the session-wide directives a locality's `to` names it in (or without `to`) are shown
/// with `--district`.
#[test]
fn the_district_filter_keeps_the_shared_directives_that_concern_it() {
    let mut s = sample();
    s.directives[1].more.to = vec!["hai-ha".into()].into();
    let mut o = opts(Lang::En, false);
    o.district = Some("dam-ha");
    let text = render(&s, Format::Text, &o);
    assert!(text.contains("General directives (0/16 done)"), "{text}");
    assert!(!text.contains("thay đổi tư duy làm kinh tế"), "{text}");
    assert!(text.contains("Xác định quyết tâm"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&render(&s, Format::Json, &o)).expect("JSON");
    assert_eq!(
        json["session"]["directives"].as_array().map(Vec::len),
        Some(16)
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
    let water = &json["session"]["districts"][0]["indicators"][4];
    assert_eq!(water["kind"], "share");
    assert_eq!(water["gauge"], serde_json::Value::Null);
    assert_eq!(water["share"], 0.67);
    let output = &json["session"]["districts"][1]["indicators"][0];
    assert_eq!(output["compare"][0]["basis"], "plan");
    assert_eq!(output["compare"][1]["basis"], "previous");
    assert_eq!(output["gauge"]["basis"], "compare");
    assert_eq!(output["gauge"]["label"], "kế hoạch");
    assert_eq!(json["session"]["version"], 2);
    assert_eq!(json["session"]["directives"][0]["to"][1], "dam-ha");
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
    s.directives[0].more.done_by = Some("thu-ky-lan".into());
    let directive_id = format!("{:?}", &*s.directives[0].id);
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Json] {
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
    let handout = Options {
        handout: true,
        ..opts(Lang::Vi, false)
    };
    let json = render(&s, Format::Json, &handout);
    assert!(!json.contains(&directive_id), "{json}");
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert!(json["session"]["id"].is_null());
    assert!(json["session"]["directives"][0]["id"].is_null());
    assert!(json["session"]["directives"][0]["done_by"].is_null());
    assert_eq!(json["session"]["directives"][0]["done"], true);
}

const V2_SAMPLE: &str =
    include_str!("../../briefings/2026/2026-12-09-tan-lap-binh-minh-hon-ngoc.toml");

fn v2_sample() -> Session {
    store::parse_file(V2_SAMPLE.as_bytes(), "v2.toml", "2026/v2")
        .session
        .expect("the version 2 sample loads")
}

#[test]
fn markdown_links_an_image_file_from_the_briefing_folder() {
    let mut s = v2_sample();
    let plain = render(&s, Format::Markdown, &opts(Lang::Vi, false));
    assert!(
        plain.contains(
            "- Đồng chí Bí thư Tỉnh ủy phát biểu kết luận buổi làm việc (Ảnh minh họa)\n"
        ),
        "{plain}"
    );
    s.images[0].file = Some("anh/ket-luan <1>.jpg".into());
    let md = render(&s, Format::Markdown, &opts(Lang::Vi, false));
    assert!(
        md.contains(
            "- [Đồng chí Bí thư Tỉnh ủy phát biểu kết luận buổi làm việc (Ảnh minh họa)](<2026/anh/ket-luan \\<1\\>.jpg>)\n"
        ),
        "{md}"
    );
}

#[test]
fn html_shows_levels_counterparts_shares_references_and_periods() {
    let html = render(&v2_sample(), Format::Html, &opts(Lang::Vi, false));
    for shown in [
        "<dt>Ngày</dt><dd>Chiều Thứ Tư, 09/12/2026</dd>",
        "<dt>Ngày đăng</dt><dd>10/12/2026 06:30</dd>",
        "<h2>Xã Tân Lập</h2>",
        "<p class=\"facts\">Làm việc với: Ban Thường vụ Đảng ủy xã · Thuộc: tỉnh Hải Minh</p>",
        "<li><strong>Lãnh đạo các sở, ngành</strong> (dự)</li>",
        "<li>01-NQ/TU — Nghị quyết của Ban Thường vụ Tỉnh ủy về chuyển đổi số</li>",
        "Hạn: quý II/2027",
        "Gửi: Tân Lập, Hòn Ngọc",
        "<span class=\"figure\">100,75 % ▲</span>",
        "<span class=\"figure\">78,9 %</span>",
        "▼ <span class=\"figure\">18 %</span> so với cuối năm 2025",
    ] {
        assert!(html.contains(shown), "{shown:?} is not in the HTML");
    }
    let share_row = (html.lines())
        .find(|l| l.contains("Tiêu chí nông thôn mới nâng cao"))
        .expect("the share's row");
    assert!(
        share_row.starts_with("<tr class=\"\">"),
        "no verdict: {share_row}"
    );
}

#[test]
fn one_locality_keeps_the_shared_directives_its_owner_names_when_there_is_no_to() {
    let mut s = sample();
    for d in &mut s.directives {
        d.more.to.clear();
        d.owner = Some("Huyện ủy Đầm Hà, Huyện ủy Hải Hà".into());
    }
    s.directives[0].owner = Some("Huyện ủy Hải Hà".into());
    let first = s.directives[0].text.clone();
    let only = |id: &'static str| Options {
        district: Some(id),
        ..opts(Lang::Vi, false)
    };
    let hai_ha = render(&s, Format::Text, &only("hai-ha"));
    let dam_ha = render(&s, Format::Text, &only("dam-ha"));
    let head: String = first.chars().take(30).collect();
    assert!(hai_ha.contains(&head), "Hải Hà is named:\n{hai_ha}");
    assert!(!dam_ha.contains(&head), "Đầm Hà is not named:\n{dam_ha}");
}

/// Written text keeps its percentages as written in HTML (`"77%"` stays `"77%"`); only the
/// figures the report computes are set as `77 %`.
#[test]
fn html_keeps_a_written_percent_as_written() {
    let mut s = v2_sample();
    let ind = &mut s.districts[0].indicators[0];
    ind.note = Some("Theo báo cáo, đạt \"77%\" kế hoạch".into());
    for c in &mut s.districts[1]
        .indicators
        .iter_mut()
        .flat_map(|i| i.compare.iter_mut())
    {
        c.label = "so với mức \"77%\" năm trước".into();
    }
    let html = render(&s, Format::Html, &opts(Lang::Vi, false));
    assert!(html.contains("đạt &quot;77%&quot; kế hoạch"), "{html}");
    assert!(
        html.contains("so với mức &quot;77%&quot; năm trước"),
        "{html}"
    );
    assert!(!html.contains("77 %"), "{html}");
    assert!(
        html.contains("<span class=\"figure\">78,9 %</span>"),
        "{html}"
    );
}
