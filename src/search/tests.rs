use unicode_normalization::UnicodeNormalization;

use super::*;
use crate::model::{DirectiveRef, District, SessionDate};
use crate::store;

const SAMPLE: &str = include_str!("../../briefings/2024/2024-03-13-hai-ha-dam-ha.toml");

fn sample() -> Vec<Session> {
    let report = store::parse_file(SAMPLE.as_bytes(), "sample.toml", "2024/sample");
    vec![report.session.expect("the sample loads")]
}

fn session(title: &str, date: &str, districts: &[&str]) -> Session {
    let mut s = crate::model::test_session(districts.iter().map(|n| district(n)).collect(), vec![]);
    s.id = title.into();
    s.title = title.into();
    s.date = SessionDate::Date(date.parse().expect("test date"));
    s
}

fn district(name: &str) -> District {
    District {
        id: crate::model::fold::slug(name).into(),
        name: name.into(),
        ..District::default()
    }
}

/// The texts of the first ten hits of `q`.
fn found(index: &SearchIndex, sessions: &[Session], q: &str) -> Vec<String> {
    (texts(&index.query(sessions, q, 10)).into_iter())
        .map(str::to_string)
        .collect()
}

fn texts(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.text.as_str()).collect()
}

fn marked(hit: &Hit) -> Vec<&str> {
    hit.ranges.iter().map(|r| &hit.text[r.clone()]).collect()
}

#[test]
fn every_spelling_of_dam_ha_finds_the_district_first() {
    let sessions = sample();
    let index = SearchIndex::build(&sessions);
    let nfd: String = "đầm hà".nfd().collect();
    for q in [
        "dam ha",
        "Dam Ha",
        "đầm hà",
        "ĐẦM HÀ",
        "DAM HA",
        nfd.as_str(),
    ] {
        let hits = index.query(&sessions, q, 5);
        let first = hits.first().unwrap_or_else(|| panic!("no hit for {q:?}"));
        assert_eq!(first.field, FieldKind::DistrictName, "{q:?}");
        assert_eq!(first.text, "Đầm Hà", "{q:?}");
        assert_eq!(
            first.target,
            Target::District {
                session: 0,
                district: 1
            }
        );
        assert_eq!(marked(first), ["Đầm", "Hà"], "{q:?}");
    }
}

#[test]
fn folding_table_tones_case_and_d_stroke() {
    let names = ["ma", "mà", "má", "mả", "mã", "mạ", "MẠ", "Ma"];
    let sessions = [session("t", "2024-01-01", &names)];
    let index = SearchIndex::build(&sessions);
    // ngang, huyền, sắc, hỏi, ngã, nặng; NFC and NFD; upper and lower case
    let queries = ["ma", "mà", "má", "mả", "mã", "mạ", "MÃ", "Mạ"];
    for q in queries {
        for form in [q.nfc().collect::<String>(), q.nfd().collect::<String>()] {
            let hits = index.query(&sessions, &form, 100);
            let found: Vec<&str> = hits
                .iter()
                .filter(|h| h.field == FieldKind::DistrictName)
                .map(|h| h.text.as_str())
                .collect();
            assert_eq!(found, names, "query {form:?}");
        }
    }
    let d = [session("t", "2024-01-01", &["Đông Triều", "đông", "Dong"])];
    let sessions = d;
    let index = SearchIndex::build(&sessions);
    for q in ["dong", "Đông", "ĐÔNG", "đong"] {
        assert_eq!(index.query(&sessions, q, 10).len(), 3, "query {q:?}");
    }
}

#[test]
fn decomposed_text_in_the_file_matches_and_highlights_its_marks() {
    let name: String = "Hải Hà".nfd().collect();
    let sessions = [session("t", "2024-01-01", &[&name])];
    let index = SearchIndex::build(&sessions);
    let hits = index.query(&sessions, "hai ha", 10);
    assert_eq!(hits.len(), 1);
    let want: Vec<String> = ["Hải", "Hà"].iter().map(|w| w.nfd().collect()).collect();
    assert_eq!(marked(&hits[0]), want, "marks stay inside the highlight");
    let hits = index.query(&sessions, "HẢI", 10);
    let h = &hits[0];
    assert_eq!(
        &h.text[h.ranges[0].clone()],
        "Hải".nfd().collect::<String>()
    );
}

#[test]
fn a_run_of_words_may_match_the_title_or_the_locality_and_the_rest_the_field() {
    let mut s = session("Kinh tế biển", "2024-01-01", &["Du lịch", "Vân Đồn"]);
    s.tags = vec!["kinh tế".into()];
    for d in &mut s.districts {
        d.highlights = vec!["Doanh thu tăng".into()];
    }
    let sessions = [s];
    let index = SearchIndex::build(&sessions);
    let hits = index.query(&sessions, "du lich doanh thu", 10);
    assert_eq!(
        texts(&hits),
        ["Doanh thu tăng"],
        "the locality's name, then the field"
    );
    assert_eq!(
        hits[0].target,
        Target::District {
            session: 0,
            district: 0
        }
    );
    assert_eq!(
        marked(&hits[0]),
        ["Doanh", "thu"],
        "only the field's own words are marked"
    );
    let hits = index.query(&sessions, "doanh thu kinh te", 10);
    assert_eq!(
        hits.len(),
        2,
        "the session's title, at the end: both localities"
    );
    assert!(
        index.query(&sessions, "du doanh thu", 10).is_empty(),
        "one word is no run"
    );
    assert!(
        index
            .query(&sessions, "du lich", 10)
            .iter()
            .all(|h| h.field == FieldKind::DistrictName)
    );
    assert_eq!(
        texts(&index.query(&sessions, "bien kinh", 10)),
        ["Kinh tế biển"],
        "a query of two words is all in one field"
    );
}

#[test]
fn the_locality_and_a_field_find_the_item() {
    let sessions = sample();
    let index = SearchIndex::build(&sessions);
    let hits = index.query(&sessions, "đầm hà thu nhập", 10);
    let first = hits.first().expect("a hit");
    assert_eq!(first.text, "Thu nhập bình quân đầu người");
    assert_eq!(
        first.target,
        Target::Indicator {
            session: 0,
            district: 1,
            indicator: 4
        }
    );
    let hits = index.query(&sessions, "ma tuy hai ha", 50);
    assert_eq!(
        hits.first().map(|h| h.text.as_str()),
        Some("Kiểm soát tốt ma túy trên địa bàn, tăng số xã không có ma túy."),
        "Hải Hà's own directive first"
    );
    for h in &hits {
        let f = fold(&h.text);
        assert!(f.contains("ma") && f.contains("tuy"), "{}", h.text);
    }
}

#[test]
fn hits_in_a_locality_say_which_list_they_are_in() {
    let sessions = sample();
    let index = SearchIndex::build(&sessions);
    let kinds = |q: &str| -> Vec<FieldKind> {
        index
            .query(&sessions, q, 10)
            .iter()
            .map(|h| h.field)
            .collect()
    };
    assert!(kinds("nuoi bien").contains(&FieldKind::Highlight));
    assert!(kinds("hoan thanh quy hoach nuoi bien").contains(&FieldKind::DistrictSummary));
    assert!(kinds("tu duy doi ngu can bo").contains(&FieldKind::Shortcoming));
    assert!(kinds("cao toc").contains(&FieldKind::Strength));
}

#[test]
fn whole_word_then_prefix_then_mid_word() {
    let sessions = [session(
        "t",
        "2024-01-01",
        &["Nhanh", "Ánh Dương", "An Bình"],
    )];
    let index = SearchIndex::build(&sessions);
    let hits = index.query(&sessions, "an", 10);
    assert_eq!(texts(&hits), ["An Bình", "Ánh Dương", "Nhanh"]);
    assert!(hits[0].score > hits[1].score && hits[1].score > hits[2].score);
}

#[test]
fn ties_go_to_the_better_field_then_the_newer_session() {
    let older = session("Hạ Long", "2023-05-01", &["Hạ Long"]);
    let mut newer = session("Hạ Long", "2024-05-01", &[]);
    newer.summary = Some("Hạ Long".into());
    let sessions = [older, newer];
    let index = SearchIndex::build(&sessions);
    let hits = index.query(&sessions, "ha long", 10);
    let order: Vec<(FieldKind, usize)> =
        hits.iter().map(|h| (h.field, h.target.session())).collect();
    assert_eq!(
        order,
        [
            (FieldKind::Title, 1),
            (FieldKind::Title, 0),
            (FieldKind::DistrictName, 0),
            (FieldKind::Summary, 1),
        ]
    );
}

#[test]
fn a_phrase_beats_scattered_words() {
    let sessions = [session("t", "2024-01-01", &["Hà Đầm", "Đầm Hà"])];
    let index = SearchIndex::build(&sessions);
    assert_eq!(found(&index, &sessions, "dam ha"), ["Đầm Hà", "Hà Đầm"]);
}

#[test]
fn highlights_are_merged_and_on_char_boundaries() {
    let sessions = [session("t", "2024-01-01", &["Đầm Hà"])];
    let index = SearchIndex::build(&sessions);
    let hits = index.query(&sessions, "dam d", 10);
    assert_eq!(hits[0].ranges, vec![0.."Đầm".len()]);
    let hits = index.query(&sessions, "a", 10);
    let h = &hits[0];
    assert_eq!(marked(h), ["ầ", "à"]);
    for r in &h.ranges {
        assert!(h.text.is_char_boundary(r.start) && h.text.is_char_boundary(r.end));
    }
}

#[test]
fn targets_point_at_the_item() {
    let sessions = sample();
    let index = SearchIndex::build(&sessions);
    let hits = index.query(&sessions, "ma tuy tren dia ban", 10);
    let h = hits
        .iter()
        .find(|h| h.field == FieldKind::DirectiveText)
        .expect("directive hit");
    let Target::Directive { session, directive } = h.target else {
        panic!("not a directive: {:?}", h.target);
    };
    assert!(directive.district.is_some(), "a district's directive");
    assert_eq!(
        sessions[session]
            .directive(directive)
            .map(|d| d.id.as_str()),
        Some("hh-ma-tuy")
    );

    let hits = index.query(&sessions, "nuoc sach", 10);
    assert!(hits.iter().any(|h| matches!(
        h.target,
        Target::Indicator {
            indicator: 4,
            district: 0,
            ..
        }
    )));
    assert!(hits.iter().any(|h| h.target
        == Target::Directive {
            session: 0,
            directive: DirectiveRef {
                district: None,
                index: 6
            }
        }));
    let hits = index.query(&sessions, "nguyen xuan ky", 10);
    assert!(hits.iter().all(|h| h.field == FieldKind::Participant));
    assert_eq!(hits.len(), 2, "the chair and the participant");
    let hits = index.query(&sessions, "20-NQ/TU", 10);
    assert_eq!(hits[0].field, FieldKind::Tag);
}

#[test]
fn blank_queries_and_limits() {
    let sessions = sample();
    let index = SearchIndex::build(&sessions);
    assert!(index.query(&sessions, "", 10).is_empty());
    assert!(index.query(&sessions, "  -/ ", 10).is_empty());
    assert_eq!(index.query(&sessions, "a", 3).len(), 3);
    assert!(index.query(&sessions, "a", 0).is_empty());
    assert!(index.query(&sessions, "xyzzy", 10).is_empty());
    assert!(!index.is_empty());
}

#[test]
fn a_phrase_runs_across_punctuation() {
    let mut s = session("t", "2024-01-01", &[]);
    s.tags = vec!["xã hội, kinh tế".into(), "kinh tế-xã hội".into()];
    let sessions = [s];
    let index = SearchIndex::build(&sessions);
    let hits = index.query(&sessions, "kinh te xa hoi", 10);
    assert_eq!(texts(&hits), ["kinh tế-xã hội", "xã hội, kinh tế"]);
    assert_eq!(marked(&hits[0]), ["kinh", "tế", "xã", "hội"]);
}

#[test]
fn abbreviations_are_found_both_ways() {
    let sessions = [
        session("Xây dựng NTM kiểu mẫu", "2024-03-13", &[]),
        session("Hội nghị về nông thôn mới", "2024-01-02", &[]),
        session("Thu NS năm 2024", "2024-01-03", &[]),
        session("Trường Vinschool", "2024-01-04", &[]),
        session("Phát triển KT-XH", "2024-01-05", &[]),
    ];
    let index = SearchIndex::build(&sessions);
    for q in ["nong thon moi", "NTM", "Nông thôn mới"] {
        let hits = index.query(&sessions, q, 10);
        let found = texts(&hits);
        assert!(found.contains(&"Xây dựng NTM kiểu mẫu"), "{q}: {found:?}");
        assert!(
            found.contains(&"Hội nghị về nông thôn mới"),
            "{q}: {found:?}"
        );
    }
    let hits = index.query(&sessions, "nong thon moi", 10);
    let ntm = hits
        .iter()
        .find(|h| h.text.contains("NTM"))
        .expect("the NTM title");
    assert_eq!(marked(ntm), ["NTM"]);
    assert_eq!(found(&index, &sessions, "ngân sách"), ["Thu NS năm 2024"]);
    assert_eq!(
        found(&index, &sessions, "kinh te xa hoi"),
        ["Phát triển KT-XH"]
    );
    assert!(index.query(&sessions, "khu kinh tế", 10).is_empty());
}

#[test]
fn the_table_is_the_index_s_own_and_can_be_extended() {
    let sessions = [
        session("Xây dựng NTM kiểu mẫu", "2024-03-13", &[]),
        session("Khu TĐC Hải Hà", "2024-01-02", &[]),
    ];
    let plain = SearchIndex::build(&sessions).with_abbreviations(Abbreviations::none());
    assert!(plain.query(&sessions, "nong thon moi", 10).is_empty());
    let mut table = Abbreviations::default();
    assert!(table.add("TĐC", "tái định cư"));
    let extended = SearchIndex::build(&sessions).with_abbreviations(table);
    assert_eq!(
        found(&extended, &sessions, "tai dinh cu"),
        ["Khu TĐC Hải Hà"]
    );
    assert_eq!(
        found(&extended, &sessions, "nong thon moi"),
        ["Xây dựng NTM kiểu mẫu"]
    );
}

const V2_SAMPLE: &str =
    include_str!("../../briefings/2026/2026-12-09-tan-lap-binh-minh-hon-ngoc.toml");

fn v2_sample() -> Vec<Session> {
    let report = store::parse_file(V2_SAMPLE.as_bytes(), "v2.toml", "2026/v2");
    vec![report.session.expect("the version 2 sample loads")]
}

/// Version 2 facts are searchable: a reference by its number, a group, a co-chair, the
/// session's own statements, an image caption, a locality's counterpart and an indicator note.
#[test]
fn version_2_facts_are_found() {
    let sessions = v2_sample();
    let index = SearchIndex::build(&sessions);
    let first = |q: &str| {
        let hits = index.query(&sessions, q, 5);
        let hit = hits.first().unwrap_or_else(|| panic!("no hit for {q:?}"));
        (hit.field, hit.text.clone(), hit.target)
    };
    let (field, text, _) = first("01-NQ/TU");
    assert_eq!((field, text.as_str()), (FieldKind::Reference, "01-NQ/TU"));
    let (field, _, _) = first("ke hoach cai cach hanh chinh");
    assert_eq!(field, FieldKind::Reference);
    let (field, text, _) = first("lanh dao cac so");
    assert_eq!(
        (field, text.as_str()),
        (FieldKind::Participant, "Lãnh đạo các sở, ngành")
    );
    let (field, _, _) = first("Le Thi Binh");
    assert_eq!(field, FieldKind::Participant);
    let (field, _, _) = first("ha tang so thon vung cao");
    assert!(
        matches!(field, FieldKind::Shortcoming | FieldKind::DirectiveText),
        "{field:?}"
    );
    let (field, _, _) = first("phat bieu ket luan");
    assert_eq!(
        field,
        FieldKind::Image,
        "a photo's caption is labelled as one"
    );
    let (field, text, target) = first("uoc ca nam");
    assert_eq!((field, text.as_str()), (FieldKind::Indicator, "Ước cả năm"));
    assert!(matches!(target, Target::Indicator { district: 2, .. }));
    let (field, text, target) = first("ban thuong vu dang uy dac khu");
    assert_eq!(
        (field, text.as_str()),
        (FieldKind::DistrictSummary, "Ban Thường vụ Đảng ủy đặc khu")
    );
    assert!(matches!(target, Target::District { district: 2, .. }));
}

const V3_SAMPLE: &str = include_str!("../../tests/fixtures/v3/2025-09-10-tan-lap.toml");

/// A locality's proposals (text, who, answer, assignee) and a directive's addressees outside
/// the file's localities are found, accents and case aside, in their locality's context.
#[test]
fn proposals_and_addressees_outside_the_file_are_found() {
    let report = store::parse_file(V3_SAMPLE.as_bytes(), "v3.toml", "2025/v3");
    let sessions = vec![report.session.expect("the version 3 sample loads")];
    let index = SearchIndex::build(&sessions);
    let first = |q: &str| {
        let hits = index.query(&sessions, q, 5);
        let hit = hits.first().unwrap_or_else(|| panic!("no hit for {q:?}"));
        (
            hit.field,
            hit.text.clone(),
            hit.target,
            marked(hit).join("|"),
        )
    };
    let answer = "Đồng ý về chủ trương; giao Sở Tài chính cân đối nguồn vốn.";
    for q in [
        "can doi nguon von",
        "CÂN ĐỐI NGUỒN VỐN",
        "cân đối nguồn vốn",
    ] {
        let (field, text, target, marks) = first(q);
        assert_eq!((field, text.as_str()), (FieldKind::Proposal, answer), "{q}");
        assert_eq!(
            target,
            Target::District {
                session: 0,
                district: 0
            }
        );
        assert_eq!(marks, "cân|đối|nguồn|vốn", "{q}");
    }
    let (field, text, ..) = first("truong mam non");
    assert_eq!(
        (field, text.as_str()),
        (
            FieldKind::Proposal,
            "Đề nghị tỉnh hỗ trợ kinh phí xây dựng trường mầm non."
        )
    );
    let (field, text, ..) = first("bi thu dang uy xa");
    assert_eq!(
        (field, text.as_str()),
        (FieldKind::Proposal, "Đồng chí Bí thư Đảng ủy xã")
    );
    let (field, text, ..) = first("tan lap so tai chinh");
    assert_eq!(
        (field, text.as_str()),
        (FieldKind::Proposal, "Sở Tài chính")
    );
    let (field, text, target, _) = first("phuong hong hai");
    assert_eq!(
        (field, text.as_str()),
        (
            FieldKind::DirectiveOwner,
            "UBND phường Hồng Hải (sau sắp xếp)"
        )
    );
    assert!(matches!(target, Target::Directive { .. }), "{target:?}");
}

/// `ALL` lists every kind at its own number, the byte a record keeps (the match stops
/// building when a kind is added).
#[test]
fn every_kind_has_its_own_number() {
    let number = |k: FieldKind| match k {
        FieldKind::Title => 0,
        FieldKind::Topic => 1,
        FieldKind::Tag => 2,
        FieldKind::Reference => 3,
        FieldKind::Participant => 4,
        FieldKind::DistrictName => 5,
        FieldKind::DistrictSummary => 6,
        FieldKind::Highlight => 7,
        FieldKind::Strength => 8,
        FieldKind::Shortcoming => 9,
        FieldKind::Indicator => 10,
        FieldKind::DirectiveText => 11,
        FieldKind::DirectiveOwner => 12,
        FieldKind::Summary => 13,
        FieldKind::Image => 14,
        FieldKind::Proposal => 15,
    };
    assert!(FieldKind::ALL.len() <= 256);
    for (i, &kind) in FieldKind::ALL.iter().enumerate() {
        assert_eq!((number(kind), kind as usize), (i, i));
    }
}

/// The index finds a field's locality as the nearest locality name before it in its session:
/// every field of a locality (its directives too) comes after its name and before the next.
#[test]
fn every_field_of_a_locality_follows_its_name() {
    let sessions = sample();
    let mut current: Option<usize> = None;
    let mut seen = 0;
    fields::collect_session(0, &sessions[0], &mut |target, field, _| {
        let locality = match target {
            Target::District { district, .. } | Target::Indicator { district, .. } => {
                Some(district)
            }
            Target::Directive { directive, .. } => directive.district,
            Target::Session { .. } => None,
        };
        if field == FieldKind::DistrictName {
            current = locality;
        } else {
            assert_eq!(locality, current, "{field:?}");
            seen += usize::from(locality.is_some() && matches!(target, Target::Directive { .. }));
        }
    });
    assert!(seen > 0, "the sample has a locality's directives");
}
