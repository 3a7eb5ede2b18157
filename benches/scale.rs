//! Scale figures at N = 100, 1,000 and 10,000 generated sessions (issue #14): loading against
//! a bare single-thread TOML parse of the same files, the search index, and peak memory.
//!
//! `cargo bench --bench scale` (all sizes) or `BRIEFING_SCALE_N=10000 cargo bench --bench scale`;
//! `BRIEFING_SCALE_KEEP=DIR` also keeps each generated folder as DIR/N (to profile or run the TUI on).
//! The generator is deterministic: the same N gives the same files, byte for byte.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use briefing::api::search::SearchIndex;
use briefing::api::store;

mod common;

use common::{INDICATORS, PHRASES, PLACES, Rng};

/// One session of about 11 KB: a summary, twelve session-wide directives, three localities
/// with indicators and directives.
fn session_text(rng: &mut Rng, n: usize) -> String {
    let (a, b) = (rng.pick(PLACES), rng.pick(PLACES));
    let mut t = String::with_capacity(12 * 1024);
    let _ = writeln!(
        t,
        "version = 1\n\n[session]\ntitle = \"Ban Thường vụ Tỉnh ủy làm việc với {a} và {b} (số {n})\"\n\
         date = {}-{:02}-{:02}\nhost = \"Ban Thường vụ Tỉnh ủy\"\ntopic = \"{}\"\ntags = [\"NTM\", \"{}\"]\n\
         summary = \"\"\"\n{}\n\n{}\n\"\"\"\n",
        2015 + n % 12,
        n % 12 + 1,
        n % 28 + 1,
        rng.sentence(2),
        rng.pick(PHRASES),
        rng.sentence(6),
        rng.sentence(6),
    );
    for p in 0..4 {
        let _ = writeln!(
            t,
            "[[session.participant]]\nname = \"Người dự {p}\"\nrole = \"{}\"\n",
            rng.pick(PHRASES)
        );
    }
    for d in 0..12 {
        let _ = writeln!(
            t,
            "[[directive]]\nid = \"chung-{d}\"\ntext = \"{}\"\nowner = \"Huyện ủy {a}, Huyện ủy {b}\"\ndue = 2025-12-31\n",
            rng.sentence(3)
        );
    }
    for (k, place) in [a, b, rng.pick(PLACES)].iter().enumerate() {
        let _ = writeln!(
            t,
            "[[district]]\nname = \"{place} {k}\"\nsummary = \"{}\"\nhighlights = [\"{}\", \"{}\"]\n\
             shortcomings = [\"{}\"]\n",
            rng.sentence(4),
            rng.sentence(1),
            rng.sentence(1),
            rng.sentence(2)
        );
        for (i, name) in INDICATORS.iter().enumerate() {
            let _ = writeln!(
                t,
                "[[district.indicator]]\nname = \"{name}\"\nvalue = {}\nunit = \"tỷ đồng\"\n\
                 compare = [{{ label = \"so với năm trước\", percent = {} }}]\n",
                100 + rng.next(40_000),
                80 + rng.next(40) + i
            );
        }
        for d in 0..3 {
            let _ = writeln!(
                t,
                "[[district.directive]]\nid = \"d{k}-{d}\"\ntext = \"{}\"\n",
                rng.sentence(2)
            );
        }
    }
    t
}

/// Writes `n` sessions under `dir` (one folder per year), deterministically.
fn generate(dir: &Path, n: usize) -> u64 {
    let mut rng = Rng(0x5EED_2026);
    let mut bytes = 0;
    for i in 0..n {
        let text = session_text(&mut rng, i);
        let year = dir.join(format!("{}", 2015 + i % 12));
        std::fs::create_dir_all(&year).expect("mkdir");
        std::fs::write(year.join(format!("s{i:05}.toml")), &text).expect("write");
        bytes += text.len() as u64;
    }
    bytes
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

/// Reads and parses every file with toml alone, on one thread: the floor a loader is measured against.
fn bare_parse(dir: &Path) -> usize {
    let (files, _) = store::discover(dir).expect("discover");
    files
        .iter()
        .map(|rel| {
            let text = std::fs::read_to_string(dir.join(rel)).expect("read");
            toml::from_str::<toml::Table>(&text).map_or(0, |t| t.len())
        })
        .sum()
}

/// The loader's own work on one thread: read and validate each file.
fn load_one_thread(dir: &Path) -> usize {
    let (files, _) = store::discover(dir).expect("discover");
    files
        .iter()
        .filter_map(|rel| {
            let bytes = std::fs::read(dir.join(rel)).expect("read");
            let id = store::session_id(rel);
            store::parse_file(&bytes, &id, &id).session
        })
        .count()
}

/// Peak resident memory of `briefing check` on `dir`, in KiB (the kernel's rusage of that child).
fn check_peak_kib(dir: &Path) -> Option<i64> {
    let child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("--dir")
        .arg(dir)
        .arg("check")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let pid = libc::pid_t::try_from(child.id()).ok()?;
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: waits for our own child and fills the status and rusage it is given.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, usage.as_mut_ptr()) };
    // SAFETY: initialised by the successful wait4 above.
    (waited == pid).then(|| unsafe { usage.assume_init() }.ru_maxrss)
}

fn main() {
    let sizes: Vec<usize> = match std::env::var("BRIEFING_SCALE_N") {
        Ok(n) => n.split(',').filter_map(|s| s.trim().parse().ok()).collect(),
        Err(_) => vec![100, 1_000, 10_000],
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!("cores: {cores}");
    println!(
        "{:>6} {:>8} {:>10} {:>10} {:>10} {:>7} {:>10} {:>10}",
        "N", "MB", "bare", "1 thread", "load", "ratio", "index", "check RSS"
    );
    for n in sizes {
        let dir = tempfile::tempdir().expect("tempdir");
        let bytes = generate(dir.path(), n);
        if let Some(keep) = std::env::var_os("BRIEFING_SCALE_KEEP") {
            let keep = Path::new(&keep).join(n.to_string());
            if !keep.exists() {
                generate(&keep, n);
            }
        }
        let runs = if n >= 10_000 { 3 } else { 7 };
        let _ = bare_parse(dir.path());
        let bare = timed(runs, || bare_parse(dir.path()));
        let single = timed(runs, || load_one_thread(dir.path()));
        let load = timed(runs, || store::load_dir(dir.path()).expect("load"));
        let catalog = store::load_dir(dir.path()).expect("load");
        assert_eq!(catalog.sessions.len(), n, "every generated session loads");
        let index = timed(runs, || SearchIndex::build(&catalog.sessions));
        let rss =
            check_peak_kib(dir.path()).map_or("?".to_string(), |k| format!("{} MiB", k / 1024));
        println!(
            "{n:>6} {:>8.1} {:>9.0}ms {:>9.0}ms {:>9.0}ms {:>7.2} {:>9.0}ms {:>10}",
            bytes as f64 / 1e6,
            bare.as_secs_f64() * 1e3,
            single.as_secs_f64() * 1e3,
            load.as_secs_f64() * 1e3,
            load.as_secs_f64() / bare.as_secs_f64(),
            index.as_secs_f64() * 1e3,
            rss
        );
    }
}
