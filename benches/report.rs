//! The implementation report at scale (issue 25): `briefing report` against `briefing list` on
//! the same folder (the target: no more than 1.5× its time), and the TUI's report view drawn
//! after the load (target: 100 ms at 10,000 sessions).
//!
//! `cargo bench --bench report` (N = 10,000) or `BRIEFING_REPORT_N=1000 cargo bench --bench report`.
//! The generated sessions are version 3: session-wide and locality directives with deadlines and
//! progress logs; most directives of sessions two or more years old are done (as in a real
//! office), the recent ones are in every state, so every category and both lists are filled.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use briefing::api::app::Screen;
use briefing::api::input::Command as Key;
use briefing::api::model::Lang;
use briefing::api::report::follow_up::{Grouping, ReportFormat, Scope, render, tally};
use briefing::api::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

use common::app::{loaded_app, median, press, run};
use common::{PHRASES, PLACES, Rng, sentence};

const STATES: [&str; 5] = ["open", "doing", "blocked", "done", "dropped"];

/// One session: six session-wide directives and three localities of four directives, each
/// with a deadline and most with a progress entry or two.
fn session_text(rng: &mut Rng, n: usize) -> String {
    let year = 2014 + n % 12;
    let (month, day) = (n % 12 + 1, n % 28 + 1);
    let places = [rng.pick(PLACES), rng.pick(PLACES), rng.pick(PLACES)];
    let mut t = String::with_capacity(8 * 1024);
    let _ = writeln!(
        t,
        "version = 3\n\n[session]\ntitle = \"Làm việc với {} (số {n})\"\ndate = {year}-{month:02}-{day:02}\n",
        places[0]
    );
    let directive = |t: &mut String, table: &str, id: String, rng: &mut Rng| {
        let due = format!("{}-{:02}-28", year + rng.below(3), rng.below(12) + 1);
        let _ = writeln!(
            t,
            "[[{table}]]\nid = \"{id}\"\ntext = \"{}\"\nowner = \"Sở {}\"\ndue = {due}\n",
            sentence(rng, 2),
            rng.pick(PHRASES).split(' ').next().unwrap_or("A")
        );
        // Most directives of sessions two years old or more are closed, as in a real office;
        // the recent ones are in every state.
        let settled = year <= 2023 && rng.below(10) < 9;
        for e in 0..rng.below(3) + usize::from(settled) {
            let state = if settled {
                "done"
            } else {
                STATES[rng.below(STATES.len())]
            };
            let _ = writeln!(
                t,
                "[[{table}.progress]]\nat = {year}-{month:02}-{day:02}T{:02}:00:00+07:00\nby = \"lan\"\n\
                 state = \"{state}\"\nnote = \"{}\"\npercent = {}\n",
                9 + e,
                sentence(rng, 1),
                rng.below(101)
            );
        }
    };
    for d in 0..6 {
        directive(&mut t, "directive", format!("chung-{d}"), rng);
    }
    for (k, place) in places.iter().enumerate() {
        let _ = writeln!(t, "[[district]]\nid = \"l{k}\"\nname = \"{place} {k}\"\n");
        for d in 0..4 {
            directive(&mut t, "district.directive", format!("d{k}-{d}"), rng);
        }
    }
    t
}

fn generate(dir: &Path, n: usize) {
    let mut rng = Rng::new(0x5EED_2025);
    for i in 0..n {
        let year = dir.join(format!("{}", 2014 + i % 12));
        std::fs::create_dir_all(&year).expect("mkdir");
        std::fs::write(
            year.join(format!("s{i:05}.toml")),
            session_text(&mut rng, i),
        )
        .expect("write");
    }
}

/// From `r` to the report view drawn, from `b` to the next grouping drawn, one whole count of
/// the loaded sessions (`tally`, by locality) and its text (what `briefing report` adds to a
/// load).
fn view_times(dir: &Path, runs: usize) -> [Duration; 4] {
    let (width, height) = (120, 40);
    let mut term = Terminal::new(TestBackend::new(width, height)).expect("term");
    let mut opened = Vec::new();
    let mut switched = Vec::new();
    let mut counted = Vec::new();
    let mut rendered = Vec::new();
    for _ in 0..runs {
        let mut app = loaded_app(dir, width, height);
        let scope = Scope {
            from: None,
            to: None,
            by: Grouping::Locality,
            today: app.today(),
        };
        let start = Instant::now();
        let report = tally(&app.catalog().sessions, &scope);
        counted.push(start.elapsed());
        let start = Instant::now();
        let text = render(&report, ReportFormat::Text, Lang::Vi);
        rendered.push(start.elapsed());
        drop((report, text));
        let start = Instant::now();
        press(&mut app, Key::ReportView);
        term.draw(|f| app.draw(f, &Theme::default())).expect("draw");
        opened.push(start.elapsed());
        assert!(matches!(app.screen(), Some(Screen::Report(_))));
        let start = Instant::now();
        press(&mut app, Key::ReportBy);
        term.draw(|f| app.draw(f, &Theme::default())).expect("draw");
        switched.push(start.elapsed());
    }
    [opened, switched, counted, rendered].map(median)
}

/// The load averages, as `uptime` gives them.
fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let sizes: Vec<usize> = match std::env::var("BRIEFING_REPORT_N") {
        Ok(n) => n.split(',').filter_map(|s| s.trim().parse().ok()).collect(),
        Err(_) => vec![10_000],
    };
    println!("load average before: {}", load_average());
    println!(
        "{:>6} {:>10} {:>10} {:>7} {:>12} {:>10} {:>10} {:>10} {:>10}",
        "N", "list", "report", "ratio", "report json", "r drawn", "b drawn", "tally", "text"
    );
    for n in sizes {
        let dir = tempfile::tempdir().expect("tempdir");
        generate(dir.path(), n);
        let runs = if n >= 10_000 { 5 } else { 9 };
        let _ = run(dir.path(), &["list"], 1);
        let list = run(dir.path(), &["list"], runs);
        let report = run(dir.path(), &["report"], runs);
        let json = run(dir.path(), &["report", "--format", "json"], runs);
        let [opened, switched, counted, rendered] = view_times(dir.path(), 3);
        println!(
            "{n:>6} {:>10} {:>10} {:>7.2} {:>12} {:>10} {:>10} {:>10} {:>10}",
            ms(list),
            ms(report),
            report.as_secs_f64() / list.as_secs_f64(),
            ms(json),
            ms(opened),
            ms(switched),
            ms(counted),
            ms(rendered)
        );
    }
    println!("load average after: {}", load_average());
    println!(
        "(list, report: wall time of the binary, median; ratio: report / list, target ≤ 1.5; \
         r drawn: from the key to the report view drawn after the load, target ≤ 100 ms at \
         10,000; b drawn: the next grouping counted and drawn; tally: one whole count of the \
         loaded sessions by locality, in-process, median; text: that report rendered as text)"
    );
}
