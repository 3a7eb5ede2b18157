//! Checking version 2 files: each problem of its keys at its place, in both languages, listing
//! the allowed values or the locality ids; the version 2 sample loads with every new fact.

mod common;

use std::path::Path;

use briefing::api::model::{
    Basis, Due, GaugeBasis, HostKind, Kind, Lang, Level, PartOfDay, Period, SessionDate,
};
use briefing::api::store;
use common::said::{Said, problems_of};

/// Each problem of `tests/fixtures/v2/…`.
const CASES: &[Said] = &[
    Said {
        file: "bad/level.toml",
        at: (9, 9),
        error: true,
        en: "`level` in [[locality]] #1 (Tân Lập) must be one of \"tinh\", \"thanh-pho-tw\", \"huyen\", \"thi-xa\", \"thanh-pho\", \"quan\", \"xa\", \"phuong\", \"thi-tran\", \"dac-khu\", found \"xã\" (did you mean `xa`?)",
        vi: "phải là một trong \"tinh\", \"thanh-pho-tw\", \"huyen\", \"thi-xa\", \"thanh-pho\", \"quan\", \"xa\", \"phuong\", \"thi-tran\", \"dac-khu\", nhưng lại là \"xã\" (có phải ý bạn là `xa`?)",
    },
    Said {
        file: "bad/basis.toml",
        at: (13, 64),
        error: true,
        en: "must be one of \"plan\", \"previous\", \"other\", found \"kế hoạch\"",
        vi: "phải là một trong \"plan\", \"previous\", \"other\"",
    },
    Said {
        file: "bad/kind.toml",
        at: (14, 8),
        error: true,
        en: "must be one of \"amount\", \"count\", \"share\", \"rate\", found \"ratio\"",
        vi: "phải là một trong \"amount\", \"count\", \"share\", \"rate\"",
    },
    Said {
        file: "bad/host-kind.toml",
        at: (6, 13),
        error: true,
        en: "found \"đảng\" (did you mean `dang`?)",
        vi: "nhưng lại là \"đảng\" (có phải ý bạn là `dang`?)",
    },
    Said {
        file: "bad/part-of-day.toml",
        at: (6, 15),
        error: true,
        en: "must be one of \"sang\", \"chieu\", \"toi\", found \"buổi chiều\" (did you mean `chieu`?)",
        vi: "(có phải ý bạn là `chieu`?)",
    },
    Said {
        file: "bad/due-period.toml",
        at: (10, 7),
        error: true,
        en: "`due` in [[directive]] #1 must be a date written without quotes (`2024-06-30`) or a period in quotes, one of `\"2024\"`, `\"2024-H1\"`, `\"2024-H2\"`, `\"2024-Q2\"`, `\"2024-06\"`, found \"2027-Q5\"",
        vi: "hoặc một kỳ trong dấu ngoặc kép, một trong `\"2024\"`, `\"2024-H1\"`, `\"2024-H2\"`, `\"2024-Q2\"`, `\"2024-06\"`",
    },
    Said {
        file: "bad/date-period.toml",
        at: (5, 8),
        error: true,
        en: "or a month (`\"2023-01\"`) or a year (`\"2022\"`) in quotes, found \"2026-Q4\"",
        vi: "hoặc một tháng (`\"2023-01\"`) hay một năm (`\"2022\"`) trong dấu ngoặc kép",
    },
    Said {
        file: "bad/to-unknown.toml",
        at: (10, 18),
        error: true,
        en: "`to` in [[directive]] #1 names `hon-ngọc`, which is not a locality of this file (did you mean `hon-ngoc`?); the locality ids are: tan-lap, hon-ngoc",
        vi: "không phải mã địa phương nào trong tệp (có phải ý bạn là `hon-ngoc`?); các mã địa phương là: tan-lap, hon-ngoc",
    },
    Said {
        file: "bad/to-no-localities.toml",
        at: (10, 7),
        error: true,
        en: "names `tan-lap`, but the file has no [[locality]] or [[district]]",
        vi: "nhưng tệp chưa có [[locality]] hay [[district]] nào",
    },
    Said {
        file: "bad/to-on-locality.toml",
        at: (13, 6),
        error: true,
        en: "`to` names the localities of a session-wide [[directive]]",
        vi: "`to` chỉ dùng cho [[directive]] chung",
    },
    Said {
        file: "bad/district-and-locality.toml",
        at: (10, 1),
        error: true,
        en: "the file has both [[district]] and [[locality]] tables; use one of them",
        vi: "tệp có cả bảng [[district]] và [[locality]]",
    },
    Said {
        file: "bad/participant-unnamed.toml",
        at: (7, 1),
        error: true,
        en: "[[session.participant]] #1 needs `name` (a person) or `group`",
        vi: "[[session.participant]] thứ 1 cần `name` (một người) hoặc `group`",
    },
    Said {
        file: "bad/reference-empty.toml",
        at: (6, 40),
        error: true,
        en: "`references` entry #2 needs `number`",
        vi: "mục `references` thứ 2 cần `number`",
    },
    Said {
        file: "bad/image-outside.toml",
        at: (9, 8),
        error: true,
        en: "`file = \"../anh/1.jpg\"` in [[session.image]] #1 must be a path inside the briefing folder",
        vi: "phải là đường dẫn nằm trong thư mục buổi làm việc",
    },
    Said {
        file: "bad/of-zero.toml",
        at: (13, 6),
        error: true,
        en: "`of` in indicator #1 of [[locality]] #1 (Tân Lập) must be greater than 0, found 0",
        vi: "`of` trong chỉ tiêu thứ 1 của [[locality]] thứ 1 (Tân Lập) phải lớn hơn 0",
    },
    Said {
        file: "slips/due-period-words.toml",
        at: (10, 7),
        error: true,
        en: "`due = \"quý II/2027\"`: write the period as `due = \"2027-Q2\"`",
        vi: "hãy viết kỳ này là `due = \"2027-Q2\"`",
    },
    Said {
        file: "slips/due-period-unquoted.toml",
        at: (10, 7),
        error: true,
        en: "`due = 2027-06`: a period is written in quotes: `due = \"2027-06\"`",
        vi: "phải đặt trong dấu ngoặc kép: `due = \"2027-06\"`",
    },
    Said {
        file: "slips/date-year-unquoted.toml",
        at: (5, 8),
        error: true,
        en: "`date = 2022`: a period is written in quotes: `date = \"2022\"`",
        vi: "`date = \"2022\"`",
    },
    Said {
        file: "slips/v2-key-in-v1.toml",
        at: (9, 9),
        error: false,
        en: "`level` belongs to format version 2, but the file says `version = 1`: write `version = 2` at the top (the key is read all the same)",
        vi: "`level` thuộc định dạng phiên bản 2, nhưng tệp ghi `version = 1`",
    },
];

#[test]
fn every_version_2_problem_is_said_at_its_place_in_both_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2");
    for case in CASES {
        let diags = problems_of(&dir.join(case.file));
        let d = (diags.iter())
            .find(|d| d.message(Lang::En).contains(case.en))
            .unwrap_or_else(|| panic!("{}: no {:?} in {diags:#?}", case.file, case.en));
        case.assert_is(d);
    }
}

#[test]
fn every_fixture_has_its_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2");
    let mut files = Vec::new();
    for sub in ["bad", "slips"] {
        for entry in std::fs::read_dir(dir.join(sub)).expect("dir") {
            let name = entry.expect("entry").file_name();
            files.push(format!("{sub}/{}", name.to_string_lossy()));
        }
    }
    files.sort();
    let mut cases: Vec<String> = CASES.iter().map(|c| c.file.to_string()).collect();
    cases.sort();
    assert_eq!(files, cases);
}

/// A version 2 key in a file that says `version = 1` is read, and warned of once per key.
#[test]
fn a_version_2_key_in_a_version_1_file_is_read_and_warned_of_once() {
    let text = "version = 1\n[session]\ntitle = \"t\"\ndate = 2024-03-13\n\n\
                [[district]]\nname = \"A\"\nlevel = \"xa\"\n\n[[district]]\nname = \"B\"\nlevel = \"xa\"\n";
    let report = store::parse_file(text.as_bytes(), "f.toml", "f");
    let warnings: Vec<String> = (report.diagnostics.iter())
        .map(|d| d.message(Lang::En))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let session = report.session.expect("loads");
    assert_eq!(session.districts[1].level, Some(Level::Xa));
    let unmarked = text.replacen("version = 1\n", "", 1);
    let report = store::parse_file(unmarked.as_bytes(), "f.toml", "f");
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
}

#[test]
fn the_version_2_sample_carries_every_new_fact() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    let catalog = store::load_dir(&root).expect("load");
    assert!(catalog.diagnostics.is_empty(), "{:#?}", catalog.diagnostics);
    let s = catalog
        .sessions
        .iter()
        .find(|s| s.id == "2026/2026-12-09-tan-lap-binh-minh-hon-ngoc")
        .expect("the version 2 sample");
    assert_eq!(s.version, 2);
    assert_eq!(s.part_of_day, Some(PartOfDay::Chieu));
    assert!(matches!(s.published, Some(SessionDate::Offset(_))));
    assert_eq!(s.host_kind, Some(HostKind::Dang));
    assert_eq!(s.chairs.len(), 2);
    assert_eq!(s.highlights.len(), 1);
    assert_eq!(s.shortcomings.len(), 1);
    assert_eq!(s.references[0].number.as_deref(), Some("01-NQ/TU"));
    assert_eq!(s.images[0].credit.as_deref(), Some("Ảnh minh họa"));
    let groups = s.participants.iter().filter(|p| p.group.is_some()).count();
    assert_eq!(groups, 2);
    let levels: Vec<Option<Level>> = s.districts.iter().map(|d| d.level).collect();
    assert_eq!(
        levels,
        [Some(Level::Xa), Some(Level::Phuong), Some(Level::DacKhu)]
    );
    let shared = &s.directives[1];
    assert_eq!(shared.more.to, ["tan-lap", "hon-ngoc"]);
    assert!(shared.concerns("hon-ngoc") && !shared.concerns("binh-minh"));
    assert_eq!(shared.due, Some(Due::Period(Period::Quarter(2027, 2))));
    let tan_lap = &s.districts[0];
    assert_eq!(tan_lap.indicators[0].kind, Kind::Share);
    assert_eq!(tan_lap.indicators[0].more.of, Some(19.0));
    assert!(tan_lap.indicators[0].note.is_some());
    assert_eq!(tan_lap.indicators[0].gauge(), None);
    let binh_minh = &s.districts[1];
    assert_eq!(binh_minh.indicators[0].kind, Kind::Rate);
    let budget = &binh_minh.indicators[1];
    assert_eq!(budget.compare[1].basis(), Basis::Previous);
    let g = budget.gauge().expect("a plan gives a verdict");
    assert_eq!((g.ratio, g.basis), (Some(100.75), GaugeBasis::Compare));
}
