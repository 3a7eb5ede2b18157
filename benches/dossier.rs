//! A locality's dossier at scale (issue 27): from `d` to the chooser of localities drawn, and
//! from Enter to one locality's dossier drawn, after the load of 10,000 sessions (target: 100
//! ms each); and `show --district` on the binary.
//!
//! `cargo bench --bench dossier` (N = 10,000) or `BRIEFING_DOSSIER_N=1000 cargo bench --bench dossier`.
//! The generated sessions are version 3, each with three localities among 120 recurring ones
//! (so a locality has about 250 sessions), each with directives and figures that recur, and a
//! tenth of them named by a `key`: every dossier has long lists of visits and many trends.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use briefing::api::app::Screen;
use briefing::api::input::Command as Key;
use briefing::api::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

use common::app::{loaded_app, median, press, run};
use common::{PHRASES, PLACES, Rng, sentence};

const LEVELS: [&str; 3] = ["huyen", "xa", "phuong"];
const FIGURES: [(&str, &str); 4] = [
    ("Thu ngân sách trên địa bàn", "tỷ đồng"),
    ("Tổng giá trị sản xuất", "tỷ đồng"),
    ("Thu nhập bình quân đầu người", "triệu đồng"),
    ("Tỷ lệ hộ nghèo", "%"),
];

/// One of the 120 recurring localities: a place, a level, a number.
fn locality(t: &mut String, rng: &mut Rng, k: usize, which: usize) {
    let place = PLACES[which % PLACES.len()];
    let level = LEVELS[which % LEVELS.len()];
    let _ = writeln!(
        t,
        "[[locality]]\nid = \"l{k}\"\nname = \"{place} {}\"\nlevel = \"{level}\"\nparent = \"tỉnh Quảng Ninh\"",
        which / PLACES.len()
    );
    if which.is_multiple_of(10) {
        let _ = writeln!(t, "key = \"qn/{which}\"");
    }
    t.push('\n');
    for (f, (name, unit)) in FIGURES.iter().enumerate() {
        let _ = writeln!(
            t,
            "[[locality.indicator]]\nname = \"{name}\"\nvalue = {}\nunit = \"{unit}\"\ntarget = {}\n",
            100 + rng.below(900) + f,
            500 + rng.below(100)
        );
    }
    for d in 0..3 {
        let _ = writeln!(
            t,
            "[[locality.directive]]\nid = \"d{k}-{d}\"\ntext = \"{}\"\nowner = \"Sở {}\"\ndue = \"{}-Q{}\"\n",
            sentence(rng, 2),
            rng.pick(PHRASES).split(' ').next().unwrap_or("A"),
            2015 + rng.below(12),
            rng.below(4) + 1
        );
    }
}

fn session_text(rng: &mut Rng, n: usize) -> String {
    let year = 2014 + n % 12;
    let (month, day) = (n % 12 + 1, n % 28 + 1);
    let mut t = String::with_capacity(8 * 1024);
    let _ = writeln!(
        t,
        "version = 3\n\n[session]\ntitle = \"Làm việc với các địa phương (số {n})\"\ndate = {year}-{month:02}-{day:02}\n"
    );
    for d in 0..2 {
        let _ = writeln!(
            t,
            "[[directive]]\nid = \"chung-{d}\"\ntext = \"{}\"\n",
            sentence(rng, 2)
        );
    }
    let first = rng.below(120);
    for k in 0..3 {
        locality(&mut t, rng, k, (first + k * 41) % 120);
    }
    t
}

fn generate(dir: &Path, n: usize) {
    let mut rng = Rng::new(0x5EED_2027);
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

/// The wall and CPU time of `step`.
fn timed(step: impl FnOnce()) -> (Duration, Duration) {
    let (start, cpu) = (Instant::now(), common::cpu_of(libc::RUSAGE_THREAD));
    step();
    (start.elapsed(), common::cpu_of(libc::RUSAGE_THREAD) - cpu)
}

/// From `d` to the chooser drawn, and from Enter (on its 7th locality) to the dossier drawn:
/// the medians of wall and CPU time.
fn view_times(dir: &Path, runs: usize) -> [Duration; 4] {
    let (width, height) = (120, 40);
    let mut term = Terminal::new(TestBackend::new(width, height)).expect("term");
    let (mut chooser, mut chooser_cpu) = (Vec::new(), Vec::new());
    let (mut dossier, mut dossier_cpu) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let mut app = loaded_app(dir, width, height);
        let (wall, cpu) = timed(|| {
            press(&mut app, Key::FilterDistrict);
            term.draw(|f| app.draw(f, &Theme::default())).expect("draw");
        });
        chooser.push(wall);
        chooser_cpu.push(cpu);
        for _ in 0..6 {
            press(&mut app, Key::Down);
        }
        let (wall, cpu) = timed(|| {
            press(&mut app, Key::Open);
            term.draw(|f| app.draw(f, &Theme::default())).expect("draw");
        });
        dossier.push(wall);
        dossier_cpu.push(cpu);
        assert!(matches!(app.screen(), Some(Screen::Review(_))), "a dossier");
    }
    [chooser, chooser_cpu, dossier, dossier_cpu].map(median)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let sizes: Vec<usize> = match std::env::var("BRIEFING_DOSSIER_N") {
        Ok(n) => n.split(',').filter_map(|s| s.trim().parse().ok()).collect(),
        Err(_) => vec![10_000],
    };
    println!(
        "{:>6} {:>10} {:>10} {:>12} {:>12} {:>16} {:>10}",
        "N", "d drawn", "d cpu", "Enter drawn", "Enter cpu", "show --district", "list"
    );
    for n in sizes {
        let dir = tempfile::tempdir().expect("tempdir");
        generate(dir.path(), n);
        let [chooser, chooser_cpu, dossier, dossier_cpu] = view_times(dir.path(), 3);
        let runs = if n >= 10_000 { 5 } else { 9 };
        let show_args = ["show", "2014/s00000", "--district", "l0"];
        let _ = run(dir.path(), &show_args, 1);
        let show = run(dir.path(), &show_args, runs);
        let list = run(dir.path(), &["list"], runs);
        println!(
            "{n:>6} {:>10} {:>10} {:>12} {:>12} {:>16} {:>10}",
            ms(chooser),
            ms(chooser_cpu),
            ms(dossier),
            ms(dossier_cpu),
            ms(show),
            ms(list)
        );
    }
    println!(
        "(d drawn: from the key to the chooser of localities drawn after the load; Enter drawn: \
         from Enter to one locality's dossier drawn, target ≤ 100 ms each at 10,000; cpu: the \
         same in this thread's CPU time, which a busy machine does not inflate; \
         show --district, list: wall time of the binary, median: both read the whole folder)"
    );
}
