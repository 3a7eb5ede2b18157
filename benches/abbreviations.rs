//! A config file with many abbreviations: reading it, and spelling out a query with it. Each
//! size doubles the table; linear work doubles the time, quadratic work quadruples it
//! (issue 22: 20,000 entries used to cost seconds per command).

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use briefing::api::config;

const RUNS: usize = 5;
const QUERIES: usize = 1_000;

fn config_text(entries: usize) -> String {
    let mut text = String::from("[abbreviations]\n");
    for i in 0..entries {
        let _ = writeln!(text, "AB{i} = \"từ viết tắt số {i} dài\"");
    }
    text
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let query: Vec<String> = ["xa", "ab123", "nong", "thon", "moi", "tu", "viet", "tat"]
        .iter()
        .map(|w| w.to_string())
        .collect();
    println!("entries  read the config  one query spelt out ({QUERIES}×)");
    for entries in [5_000, 10_000, 20_000, 40_000] {
        let text = config_text(entries);
        let mut reads = Vec::new();
        let mut queries = Vec::new();
        for _ in 0..RUNS {
            let start = Instant::now();
            let (cfg, problems) = config::parse(&text, "bench.toml", None);
            reads.push(start.elapsed());
            assert!(problems.is_empty(), "{problems:?}");
            let start = Instant::now();
            for _ in 0..QUERIES {
                std::hint::black_box(cfg.abbreviations.variants(&query));
            }
            queries.push(start.elapsed());
        }
        println!(
            "{entries:>7}  {:>15.1?}  {:>20.1?}",
            median(reads),
            median(queries)
        );
    }
}
