use chrono::NaiveDate;

use super::*;
use crate::model::{District, SessionDate, test_directive, test_session};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("day")
}

fn scope(by: Grouping) -> Scope {
    Scope {
        from: None,
        to: None,
        by,
        today: day("2024-07-01"),
    }
}

fn locality(id: &str, name: &str, level: Option<Level>, directives: Vec<Directive>) -> District {
    District {
        id: id.into(),
        name: name.into(),
        level,
        directives,
        ..District::default()
    }
}

fn owned(owner: &str, due: &str) -> Directive {
    Directive {
        owner: Some(owner.into()),
        ..test_directive(false, Some(due))
    }
}

fn dated(mut s: Session, id: &str, date: &str) -> Session {
    s.id = id.into();
    s.date = SessionDate::Date(day(date));
    s
}

#[test]
fn a_session_wide_directive_of_a_session_without_localities_is_in_the_common_row() {
    let s = test_session(vec![], vec![test_directive(false, Some("2024-06-30"))]);
    let report = tally(&[s], &scope(Grouping::Locality));
    assert_eq!(report.rows.len(), 1);
    assert_eq!(report.rows[0].label, Label::Common);
    assert_eq!(report.rows[0].counts.get(Category::NotStartedOverdue), 1);
    assert_eq!(report.total.total(), 1);
}

#[test]
fn one_locality_across_sessions_is_one_row_and_a_level_apart_is_another() {
    let muong_la = |level, done| {
        let directives = vec![test_directive(done, None)];
        test_session(
            vec![locality("muong-la", "Mường La", Some(level), directives)],
            vec![],
        )
    };
    let a = muong_la(Level::Huyen, false);
    let b = muong_la(Level::Huyen, true);
    let c = muong_la(Level::Xa, false);
    let sessions = [
        dated(a, "a", "2024-01-01"),
        dated(b, "b", "2024-02-01"),
        dated(c, "c", "2025-09-01"),
    ];
    let report = tally(&sessions, &scope(Grouping::Locality));
    let totals: Vec<usize> = report.rows.iter().map(|r| r.counts.total()).collect();
    assert_eq!(totals, [2, 1], "huyện Mường La twice, xã Mường La once");
    assert_eq!(report.total.total(), 3);
}

#[test]
fn assignees_are_one_row_whatever_the_accents_and_case() {
    let s = test_session(
        vec![],
        vec![
            owned("Sở Xây dựng", "2024-12-31"),
            owned("sở xây dựng ", "2024-12-31"),
            test_directive(false, None),
        ],
    );
    let report = tally(&[s], &scope(Grouping::Assignee));
    let labels: Vec<&Label> = report.rows.iter().map(|r| &r.label).collect();
    assert_eq!(
        labels,
        [&Label::Owner("Sở Xây dựng".into()), &Label::NoOwner]
    );
    assert_eq!(report.rows[0].counts.total(), 2);
}

#[test]
fn the_range_takes_both_of_its_days() {
    let sessions = [
        dated(
            test_session(vec![], vec![test_directive(false, None)]),
            "a",
            "2024-01-01",
        ),
        dated(
            test_session(vec![], vec![test_directive(false, None)]),
            "b",
            "2024-02-01",
        ),
        dated(
            test_session(vec![], vec![test_directive(false, None)]),
            "c",
            "2024-03-01",
        ),
    ];
    let mut within = scope(Grouping::Session);
    within.from = Some(day("2024-01-01"));
    within.to = Some(day("2024-02-01"));
    let report = tally(&sessions, &within);
    assert_eq!(report.sessions, 2);
    let ids: Vec<&Label> = report.rows.iter().map(|r| &r.label).collect();
    assert!(
        matches!(ids[0], Label::Session { id, .. } if id == "a"),
        "oldest first"
    );
    assert_eq!(report.total.total(), 2);
}

#[test]
fn a_session_without_directives_still_has_its_row_by_session() {
    let s = dated(test_session(vec![], vec![]), "empty", "2024-01-01");
    let report = tally(&[s], &scope(Grouping::Session));
    assert_eq!(report.rows.len(), 1);
    assert_eq!(report.rows[0].counts.total(), 0);
}

/// The deadline's last day is within it, the day after overdue; a period's last day counts.
#[test]
fn categories_at_the_boundary_days_in_the_report() {
    let s = test_session(
        vec![],
        vec![
            test_directive(false, Some("2024-07-01")),
            test_directive(false, Some("2024-06-30")),
            Directive {
                due: Some(Due::Period(crate::model::Period::Quarter(2024, 3))),
                ..test_directive(false, None)
            },
        ],
    );
    let report = tally(&[s], &scope(Grouping::Locality));
    assert_eq!(report.total.get(Category::NotStartedInTime), 2);
    assert_eq!(report.total.get(Category::NotStartedOverdue), 1);
    assert_eq!(report.overdue.len(), 1);
    assert_eq!(report.overdue[0].due, Some(Due::Day(day("2024-06-30"))));
}

/// The text's lists are made a round at a time on every core and written piece by piece: the
/// same text as the whole list made in one go.
#[test]
fn a_long_list_is_written_in_pieces_as_one_made_in_one_go() {
    let directives: Vec<Directive> = (0..5000)
        .map(|i| Directive {
            id: format!("d-{i}").into(),
            text: format!("Việc thứ {i} cần làm ")
                .repeat(i % 9 + 1)
                .as_str()
                .into(),
            ..test_directive(false, Some("2024-06-30"))
        })
        .collect();
    let report = tally(
        &[test_session(vec![], directives)],
        &scope(Grouping::Locality),
    );
    assert_eq!(report.overdue.len(), 5000);
    let mut pieces = Vec::new();
    write(&report, ReportFormat::Text, Lang::Vi, &mut |piece| {
        pieces.push(piece.to_string());
        Ok(())
    })
    .expect("written");
    assert!(pieces.len() > 2, "{} pieces", pieces.len());
    let mut one_go = String::new();
    text::items(&mut one_go, &report.overdue, Lang::Vi);
    let written = pieces.concat();
    let at = written.find("  • ").expect("a listed directive");
    assert_eq!(&written[at..at + one_go.len()], one_go);
    assert_eq!(written, render(&report, ReportFormat::Text, Lang::Vi));
}

/// The text's lists name each directive's own session when sessions alternate in them (the
/// facts name a session once for the items of it in a row), as `listed_facts` does alone.
#[test]
fn listed_items_of_alternating_sessions_name_their_own_session() {
    let session = |id: &str, date: &str, title: &str| {
        let directives = vec![
            owned("Sở Xây dựng", "2024-03-01"),
            owned("Sở Tài chính", "2024-03-01"),
        ];
        let mut s = dated(test_session(vec![], directives), id, date);
        s.title = title.into();
        s
    };
    let sessions = [
        session("a", "2024-01-10", "Làm việc với xã A"),
        session("b", "2024-01-10", "Làm việc với xã B"),
        session("c", "2024-02-10", "Làm việc với xã A"),
    ];
    let report = tally(&sessions, &scope(Grouping::Locality));
    let mut listed = report.overdue.clone();
    listed.swap(1, 2);
    listed.swap(3, 4);
    let ids: Vec<&str> = listed.iter().map(|l| &*l.session_id).collect();
    assert_eq!(ids, ["a", "b", "a", "c", "b", "c"]);
    for lang in [Lang::Vi, Lang::En] {
        let mut made = String::new();
        text::items(&mut made, &listed, lang);
        let mut one_by_one = String::new();
        for l in &listed {
            let mut alone = String::new();
            text::items(&mut alone, std::slice::from_ref(l), lang);
            let words = alone.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(words.contains(&session_of(l, lang)), "{alone}");
            one_by_one.push_str(&alone);
        }
        assert_eq!(made, one_by_one);
    }
}

/// Counts of six digits (ten thousand sessions) keep a space before each in the text table and
/// the `r` view, whose columns widen for them.
#[test]
fn large_counts_stay_apart_in_their_columns() {
    let s = test_session(
        vec![locality(
            "x",
            "Xã Một",
            None,
            vec![test_directive(false, None)],
        )],
        vec![],
    );
    let mut report = tally(&[s], &scope(Grouping::Locality));
    let big = Counts([0, 0, 0, 0, 90_000, 120_000, 7, 1_234_567]);
    report.rows[0].counts = big;
    report.total = big;
    assert_eq!(number_widths(&report, 5, 9), (8, 9));
    let numbers = |line: &str| -> Vec<String> {
        line.split_whitespace()
            .rev()
            .take(9)
            .map(str::to_string)
            .collect()
    };
    let expected = [
        "1444574", "1234567", "7", "120000", "90000", "0", "0", "0", "0",
    ];
    let text = render(&report, ReportFormat::Text, Lang::Vi);
    let totals = (text.lines())
        .find(|l| l.starts_with("Tổng cộng"))
        .expect("the totals' line");
    assert_eq!(numbers(totals), expected, "{text}");
    for width in [60, 100] {
        let lines = crate::screens::report::report_lines(&report, Lang::Vi, width);
        let totals = (lines.iter().rev().map(|l| l.text()))
            .find(|l| l.contains("1444574"))
            .expect("the totals' numbers");
        assert_eq!(numbers(&totals), expected, "{width}: {totals:?}");
    }
}

/// A folder of `n` made-up sessions with what the follow-up part drops (summaries, participants,
/// indicators, bodies, strengths) beside all it keeps: localities with and without keys and
/// parents, session-wide directives whose `to` or owner names a locality or none, local
/// directives before and after their deadlines, done or not, with progress, and proposals.
fn generated_folder(n: usize) -> tempfile::TempDir {
    const PLACES: [&str; 5] = ["Đầm Hà", "Hải Hà", "Tiên Yên", "Bình Liêu", "Ba Chẽ"];
    const STATES: [&str; 4] = ["doing", "blocked", "done", "dropped"];
    let dir = tempfile::tempdir().expect("folder");
    for i in 0..n {
        let (a, b) = (PLACES[i % 5], PLACES[(i * 3 + 1) % 5]);
        let mut t = format!(
            "version = 3\n\n[session]\ntitle = \"Làm việc với {a} và {b} ({i})\"\n\
             date = 2024-{:02}-{:02}\nhost = \"Ban Thường vụ Tỉnh ủy\"\nchair = \"Bí thư\"\n\
             topic = \"Nông thôn mới\"\ntags = [\"NTM\"]\nsummary = \"Tóm tắt {i}\"\n\
             highlights = [\"Kết quả {i}\"]\nshortcomings = [\"Hạn chế {i}\"]\n\n\
             [[session.participant]]\nname = \"Người dự {i}\"\nrole = \"Chánh Văn phòng\"\n\n",
            i % 12 + 1,
            i % 28 + 1
        );
        for (k, place) in [a, b].iter().enumerate() {
            let key = match (i + k) % 3 {
                0 => format!("key = \"qn/{}\"\n", crate::model::fold::slug(place)),
                1 => "parent = \"tỉnh Quảng Ninh\"\n".to_string(),
                _ => String::new(),
            };
            t += &format!(
                "[[locality]]\nid = \"l{k}\"\nname = \"{place}\"\nlevel = \"huyen\"\n{key}\
                 body = \"Ban Thường vụ Huyện ủy\"\nsummary = \"Địa phương {k}\"\n\
                 strengths = [\"Ưu điểm\"]\n\n\
                 [[locality.indicator]]\nname = \"Thu ngân sách\"\nvalue = {}\nunit = \"tỷ đồng\"\n\n",
                100 + i
            );
            for d in 0..3 {
                let due = format!("2024-{:02}-15", (i + d) % 12 + 1);
                t += &format!(
                    "[[locality.directive]]\nid = \"l{k}-{d}\"\ntext = \"Chỉ đạo {d}\"\n\
                     owner = \"UBND huyện {place}\"\ndue = {due}\ndone = {}\n\n",
                    (i + d) % 4 == 0
                );
                if (i + d) % 3 == 1 {
                    t += &format!(
                        "[[locality.directive.progress]]\nat = 2024-06-01T09:00:00+07:00\n\
                         by = \"lan\"\nstate = \"{}\"\nnote = \"Ghi chú {d}\"\n\n",
                        STATES[(i + d) % 4]
                    );
                }
            }
            t += &format!(
                "[[locality.proposal]]\nid = \"p{k}\"\ntext = \"Đề nghị {k}\"\n\
                 assignee = \"Sở Tài chính\"\ndue = 2024-{:02}-28\n\n",
                i % 11 + 1
            );
        }
        let owners = [
            format!("Huyện ủy {a}"),
            "Sở Xây dựng".to_string(),
            String::new(),
        ];
        for (d, owner) in owners.iter().enumerate() {
            let owner = match owner.is_empty() {
                true => "to = [\"l1\"]\n".to_string(),
                false => format!("owner = \"{owner}\"\n"),
            };
            t += &format!(
                "[[directive]]\nid = \"s{d}\"\ntext = \"Chỉ đạo chung {d}\"\n{owner}\
                 due = 2024-{:02}-01\n\n",
                (i + d) % 12 + 1
            );
        }
        std::fs::write(dir.path().join(format!("s{i:03}.toml")), t).expect("write");
    }
    dir
}

#[test]
fn the_follow_up_part_of_every_session_gives_the_same_report() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = generated_folder(60);
    let mut folders: Vec<std::path::PathBuf> = [
        "briefings",
        "tests/fixtures/v1",
        "tests/fixtures/v2",
        "tests/fixtures/v3",
        "tests/fixtures/v3-gaps",
        "tests/fixtures/report",
        "tests/fixtures/dossier",
        "tests/fixtures/write",
    ]
    .iter()
    .map(|f| root.join(f))
    .collect();
    folders.push(generated.path().to_path_buf());
    let formats = [
        ReportFormat::Text,
        ReportFormat::Markdown,
        ReportFormat::Html,
        ReportFormat::Csv,
        ReportFormat::Json,
    ];
    let mut counted = 0;
    for dir in &folders {
        let catalog = crate::store::load_dir(dir).expect("load");
        let whole = catalog.sessions;
        let parts: Vec<Session> = whole.iter().map(Session::follow_up_part).collect();
        if dir == generated.path() {
            assert_eq!(whole.len(), 60, "{:?}", catalog.diagnostics);
            assert!(catalog.diagnostics.is_empty(), "{:?}", catalog.diagnostics);
            assert!(
                parts.iter().zip(&whole).all(|(p, w)| p != w),
                "the parts drop something"
            );
        }
        for by in [Grouping::Locality, Grouping::Assignee, Grouping::Session] {
            for (from, to) in [
                (None, None),
                (Some(day("2024-03-01")), Some(day("2024-09-30"))),
            ] {
                let scope = Scope {
                    from,
                    to,
                    ..scope(by)
                };
                let report = tally(&whole, &scope);
                assert_eq!(tally(&parts, &scope), report, "{dir:?} {by:?} {from:?}");
                counted += report.rows.len();
                for (format, lang) in formats
                    .iter()
                    .flat_map(|f| [(*f, Lang::Vi), (*f, Lang::En)])
                {
                    assert_eq!(
                        render(&tally(&parts, &scope), format, lang),
                        render(&report, format, lang),
                        "{dir:?} {by:?} {format:?} {lang:?}"
                    );
                }
            }
        }
    }
    assert!(counted > 0, "the folders have rows to count");
}
