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
use std::process::Command;
use std::time::{Duration, Instant};

use briefing::api::app::{Action, App, Loading, Options, Screen};
use briefing::api::input::{Command as Key, Keymap};
use briefing::api::load::first_load;
use briefing::api::model::Lang;
use briefing::api::store::{Folder, Limits};
use briefing::api::ui::theme::Theme;
use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

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

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The wall time of `show --district` on the first session, the median of `runs`.
fn show_district(dir: &Path, runs: usize) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
                    .env_clear()
                    .arg("--dir")
                    .arg(dir)
                    .args(["--today", "2026-06-01", "--lang", "vi"])
                    .args(["show", "2014/s00000", "--district", "l0"])
                    .output()
                    .expect("run briefing");
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                start.elapsed()
            })
            .collect(),
    )
}

/// The app on `dir`, loaded as the shell loads it.
fn loaded_app(dir: &Path, width: u16, height: u16) -> App {
    let mut app = App::new(Options {
        dir: dir.to_path_buf(),
        lang: Lang::Vi,
        today: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("day"),
        keymap: Keymap::default(),
        user: "lan".into(),
        mouse: false,
    });
    app.update(Action::Resize { width, height });
    let mut folder = Folder::new(dir, Limits::default());
    first_load(
        &mut folder,
        Default::default(),
        || false,
        |part| {
            app.update(part);
            drop(app.take_garbage());
            true
        },
    );
    assert!(matches!(app.loading(), Loading::Done), "loaded");
    app
}

fn press(app: &mut App, c: Key) {
    let keymap = Keymap::default();
    let key = keymap.keys(c).first().copied().expect("a key");
    app.update(Action::Key(KeyEvent::new(key.code, key.mods)));
}

/// From `d` to the chooser drawn, and from Enter (on its 7th locality) to the dossier drawn.
fn view_times(dir: &Path, runs: usize) -> (Duration, Duration) {
    let (width, height) = (120, 40);
    let mut term = Terminal::new(TestBackend::new(width, height)).expect("term");
    let mut chooser = Vec::new();
    let mut dossier = Vec::new();
    for _ in 0..runs {
        let mut app = loaded_app(dir, width, height);
        let start = Instant::now();
        press(&mut app, Key::FilterDistrict);
        term.draw(|f| app.draw(f, &Theme::default())).expect("draw");
        chooser.push(start.elapsed());
        for _ in 0..6 {
            press(&mut app, Key::Down);
        }
        let start = Instant::now();
        press(&mut app, Key::Open);
        term.draw(|f| app.draw(f, &Theme::default())).expect("draw");
        dossier.push(start.elapsed());
        assert!(matches!(app.screen(), Some(Screen::Review(_))), "a dossier");
    }
    (median(chooser), median(dossier))
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
        "{:>6} {:>12} {:>12} {:>16}",
        "N", "d drawn", "Enter drawn", "show --district"
    );
    for n in sizes {
        let dir = tempfile::tempdir().expect("tempdir");
        generate(dir.path(), n);
        let (chooser, dossier) = view_times(dir.path(), 3);
        let runs = if n >= 10_000 { 5 } else { 9 };
        let _ = show_district(dir.path(), 1);
        let show = show_district(dir.path(), runs);
        println!(
            "{n:>6} {:>12} {:>12} {:>16}",
            ms(chooser),
            ms(dossier),
            ms(show)
        );
    }
    println!(
        "(d drawn: from the key to the chooser of localities drawn after the load; Enter drawn: \
         from Enter to one locality's dossier drawn, target ≤ 100 ms each at 10,000; \
         show --district: wall time of the binary, median)"
    );
}
