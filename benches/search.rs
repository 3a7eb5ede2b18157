//! Times search re-filtering per keystroke over 1,000 generated sessions.

use std::time::{Duration, Instant};

use briefing::api::model::{
    Better, Bound, Comparison, Directive, District, Indicator, Participant, Session, SessionDate,
    Text,
};
use briefing::api::search::SearchIndex;

const SESSIONS: usize = 1_000;
const RUNS: usize = 31;

mod common;

use common::{INDICATORS, PEOPLE, PLACES, Rng, sentence};

fn directive(rng: &mut Rng, id: String) -> Directive {
    Directive {
        id: id.into(),
        text: sentence(rng, 2).into(),
        owner: Some(format!("Huyện ủy {}", rng.pick(PLACES)).into()),
        done: rng.below(2) == 0,
        ..Directive::default()
    }
}

fn district(rng: &mut Rng, k: usize) -> District {
    let name = rng.pick(PLACES).to_string();
    District {
        id: format!("d{k}").into(),
        summary: Some(Text::from(format!(
            "Năm 2023, huyện {name} {}\n\n{}",
            sentence(rng, 4),
            sentence(rng, 3)
        ))),
        name: name.into(),
        highlights: (0..4).map(|_| sentence(rng, 1).into()).collect(),
        strengths: (0..2).map(|_| sentence(rng, 1).into()).collect(),
        shortcomings: (0..4).map(|_| sentence(rng, 2).into()).collect(),
        indicators: (0..6)
            .map(|i| Indicator {
                name: INDICATORS[i].into(),
                value: Some(rng.below(10_000) as f64),
                unit: Some("tỷ đồng".into()),
                bound: Bound::Exact,
                period: Some("2023".into()),
                compare: vec![Comparison {
                    label: "so với năm 2022".into(),
                    percent: 80.0 + rng.below(60) as f64,
                    written_basis: None,
                }]
                .into_iter()
                .collect(),
                better: Better::Higher,
                ..Indicator::default()
            })
            .collect(),
        directives: (0..4)
            .map(|i| directive(rng, format!("d{k}-{i}")))
            .collect(),
        ..District::default()
    }
}

fn session(rng: &mut Rng, n: usize) -> Session {
    let (a, b) = (rng.pick(PLACES), rng.pick(PLACES));
    let day =
        chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + chrono::Days::new(n as u64);
    Session {
        id: format!("s{n}").into(),
        version: 1,
        title: format!("Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy {a} và {b}")
            .into(),
        date: SessionDate::Date(day),
        part_of_day: None,
        published: None,
        year_inferred: false,
        host: Some("Ban Thường vụ Tỉnh ủy".into()),
        host_kind: None,
        chairs: vec![format!("Đồng chí {}, Bí thư Tỉnh ủy", rng.pick(PEOPLE)).into()].into(),
        topic: Some(format!("Kết quả công tác năm 2023, {}", sentence(rng, 1)).into()),
        location: None,
        source: None,
        tags: vec![
            "20-NQ/TU".into(),
            "nông thôn mới".into(),
            "kinh tế biển".into(),
        ],
        summary: Some(Text::from(format!(
            "{}\n\n{}\n\n{}",
            sentence(rng, 5),
            sentence(rng, 5),
            sentence(rng, 4)
        ))),
        highlights: vec![],
        strengths: vec![].into(),
        shortcomings: vec![],
        references: vec![].into(),
        images: vec![].into(),
        participants: (0..5)
            .map(|_| Participant {
                name: Some(rng.pick(PEOPLE).into()),
                group: None,
                role: Some("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh".into()),
                part: Some("phát biểu".into()),
            })
            .collect(),
        districts: (0..3).map(|k| district(rng, k)).collect(),
        directives: (0..12).map(|i| directive(rng, format!("c{i}"))).collect(),
    }
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn time_query(index: &SearchIndex, sessions: &[Session], q: &str) -> (Duration, usize) {
    let mut runs = Vec::with_capacity(RUNS);
    let mut found = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        found = std::hint::black_box(index.query(sessions, q, 200)).len();
        runs.push(start.elapsed());
    }
    (median(runs), found)
}

fn main() {
    let mut rng = Rng::new(20240313);
    let sessions: Vec<Session> = (0..SESSIONS).map(|n| session(&mut rng, n)).collect();
    let start = Instant::now();
    let index = SearchIndex::build(&sessions);
    println!(
        "build: {:.1} ms for {SESSIONS} sessions, {} fields",
        start.elapsed().as_secs_f64() * 1e3,
        index.len()
    );
    let typed = ["dam ha", "nong thon moi", "ma tuy", "nguyen xuan"];
    let mut all = Vec::new();
    for phrase in typed {
        for end in 1..=phrase.len() {
            let q = &phrase[..end];
            let (t, found) = time_query(&index, &sessions, q);
            println!(
                "  {q:<16} {:>8.3} ms  ({found} hits)",
                t.as_secs_f64() * 1e3
            );
            all.push(t);
        }
    }
    let worst = all.iter().max().copied().unwrap_or_default();
    println!(
        "per keystroke: median {:.3} ms, worst {:.3} ms (target ≤ 5 ms)",
        median(all).as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3
    );
}
