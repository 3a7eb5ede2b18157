//! Seeded mutation fuzzing of the loader, the reports and the write-back, in-process and through the binary.
//!
//! `BRIEFING_FUZZ_ITERS` (default 4000) and `BRIEFING_FUZZ_SEED` (default
//! 0x5eed) choose the campaign; a longer run is
//! `BRIEFING_FUZZ_ITERS=200000 cargo test --release --test fuzz`.

use std::path::{Path, PathBuf};

use briefing::api::model::Lang;
use briefing::api::report::{self, Format, Options};
use briefing::api::store::write::{self, Change, Outcome};

mod common;
use common::rng::Rng;

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = vec![root.join("briefings/2024/2024-03-13-hai-ha-dam-ha.toml")];
    let mut bad: Vec<PathBuf> = std::fs::read_dir(root.join("tests/fixtures/bad"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    bad.sort();
    files.extend(bad);
    files
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect()
}

const PUNCTUATION: &[&[u8]] = &[
    b"[", b"]", b"[[", b"]]", b"{", b"}", b"=", b"\"", b"'", b"\"\"\"", b",", b"#", b"\n", b".",
    b"\\", b"\\u", b"\r\n", b"\t",
];
const HUGE: &[&[u8]] = &[
    b"9999999999999999999999999",
    b"1e999",
    b"-1e308",
    b"nan",
    b"inf",
    b"0x7fffffffffffffff",
    b"1979-05-27T07:32:00Z",
];

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// One random change of `bytes`.
fn mutate(rng: &mut Rng, mut bytes: Vec<u8>) -> Vec<u8> {
    let at = rng.below(bytes.len() + 1);
    match rng.below(9) {
        0 if !bytes.is_empty() => {
            let i = at.min(bytes.len() - 1);
            bytes[i] ^= 1 << rng.below(8);
        }
        1 => {
            let p = PUNCTUATION[rng.below(PUNCTUATION.len())];
            bytes.splice(at..at, p.iter().copied());
        }
        2 => {
            let mut ls = lines(&bytes);
            if !ls.is_empty() {
                ls.remove(rng.below(ls.len()));
            }
            bytes = ls.concat();
        }
        3 => {
            let mut ls = lines(&bytes);
            if !ls.is_empty() {
                let i = rng.below(ls.len());
                ls.insert(i, ls[i].clone());
            }
            bytes = ls.concat();
        }
        4 => {
            let mut ls = lines(&bytes);
            if ls.len() > 1 {
                let (a, b) = (rng.below(ls.len()), rng.below(ls.len()));
                ls.swap(a, b);
            }
            bytes = ls.concat();
        }
        5 => bytes.truncate(at),
        6 => {
            let invalid: &[&[u8]] = &[b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\x00"];
            bytes.splice(at..at, invalid[rng.below(invalid.len())].iter().copied());
        }
        7 => {
            let digits = bytes.iter().position(|b| b.is_ascii_digit());
            let at = digits.map_or(at, |d| (d + at) % bytes.len().max(1));
            let h = HUGE[rng.below(HUGE.len())];
            bytes.splice(at..at, h.iter().copied());
        }
        _ => {
            let esc: &[&[u8]] = &[
                b"\x1b]0;x\x07",
                b"\xc2\x9b",
                b"\xe2\x80\xae",
                b"\xe2\x80\x8d",
            ];
            bytes.splice(at..at, esc[rng.below(esc.len())].iter().copied());
        }
    }
    bytes
}

fn mutant(rng: &mut Rng, corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut bytes = corpus[rng.below(corpus.len())].clone();
    for _ in 0..=rng.below(3) {
        bytes = mutate(rng, bytes);
    }
    bytes
}

/// A directive id of the file, when it loads.
fn directive_of(bytes: &[u8]) -> Option<String> {
    let report = briefing::api::store::parse_file(bytes, "f.toml", "f");
    let session = report.session?;
    for format in [Format::Json, Format::Text, Format::Markdown, Format::Html] {
        let opts = Options {
            district: None,
            lang: Lang::Vi,
            today: chrono::NaiveDate::from_ymd_opt(2024, 3, 20).expect("date"),
            ascii: false,
            handout: false,
            history: None,
        };
        let out = report::render(&session, format, &opts);
        if format == Format::Json {
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&out);
            assert!(parsed.is_ok(), "show --format json is not JSON:\n{out}");
        }
    }
    session.all_directives().next().map(|d| d.id.to_string())
}

fn done() -> Change {
    let at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").expect("time");
    Change::Done {
        at,
        by: "lan".into(),
    }
}

/// `text` after the check-off edit, as a check-off makes it (validated before it would write).
fn edit(text: &str, id: &str, change: &Change) -> Result<(String, Outcome), write::WriteError> {
    write::edited_text(text.as_bytes(), "m.toml", "m", id, change)
}

/// `text` after done then undo: the directive un-checked with `done = false`.
fn cycle(text: &str, id: &str) -> Option<String> {
    let (unchecked, _) = edit(text, id, &Change::Undone).ok()?;
    let (checked, _) = edit(&unchecked, id, &done()).ok()?;
    let (back, _) = edit(&checked, id, &Change::Undone).ok()?;
    Some(back)
}

/// From a directive with `done = false`, done then undo gives back the same bytes.
fn assert_done_undo_exact(text: &str, id: &str) {
    let Some(start) = cycle(text, id) else {
        return;
    };
    let Ok((checked, outcome)) = edit(&start, id, &done()) else {
        return;
    };
    if outcome == Outcome::AlreadySo {
        return;
    }
    let (back, _) = edit(&checked, id, &Change::Undone).expect("undo after done");
    assert_eq!(back, start, "done then undo of {id} changed the file");
}

#[test]
fn mutants_never_panic_and_round_trip_in_process() {
    let iterations = env_or("BRIEFING_FUZZ_ITERS", 4000);
    let mut rng = Rng::new(env_or("BRIEFING_FUZZ_SEED", 0x5eed) | 1);
    let corpus = corpus();
    let mut loaded = 0;
    for _ in 0..iterations {
        let bytes = mutant(&mut rng, &corpus);
        if let Some(id) = directive_of(&bytes) {
            loaded += 1;
            if let Ok(text) = std::str::from_utf8(&bytes) {
                assert_done_undo_exact(text, &id);
            }
        }
    }
    assert!(loaded > 0, "no mutant loaded: the mutations are too strong");
}

fn run(dir: &Path, args: &[&str]) -> (i32, Vec<u8>) {
    let out = common::run(dir, "en", &[&["--today", "2024-03-20"], args].concat());
    let code = out.status.code().unwrap_or(-1);
    assert!(
        matches!(code, 0 | 1),
        "briefing {args:?} exited {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    (code, out.stdout)
}

#[test]
fn a_sample_of_mutants_through_the_binary() {
    let iterations = env_or("BRIEFING_FUZZ_ITERS", 4000) / 100;
    let mut rng = Rng::new(env_or("BRIEFING_FUZZ_SEED", 0x5eed).rotate_left(17) | 1);
    let corpus = corpus();
    for _ in 0..iterations.max(4) {
        let bytes = mutant(&mut rng, &corpus);
        let tmp = tempfile::tempdir().expect("tmp");
        let file = tmp.path().join("m.toml");
        std::fs::write(&file, &bytes).expect("write");
        let (code, _) = run(tmp.path(), &["check"]);
        let (shown, json) = run(tmp.path(), &["show", "m", "--format", "json"]);
        if shown == 0 {
            serde_json::from_slice::<serde_json::Value>(&json).expect("show --format json");
        }
        let Some(id) = directive_of(&bytes).filter(|_| code == 0) else {
            run(tmp.path(), &["done", "m", "x"]);
            continue;
        };
        run(tmp.path(), &["done", "m", &id]);
        run(tmp.path(), &["undo", "m", &id]);
        let start = std::fs::read(&file).expect("read");
        let (checked, _) = run(tmp.path(), &["done", "m", &id]);
        run(tmp.path(), &["undo", "m", &id]);
        if checked == 0 {
            assert_eq!(
                std::fs::read(&file).expect("read"),
                start,
                "done/undo of {id}"
            );
        }
    }
}
