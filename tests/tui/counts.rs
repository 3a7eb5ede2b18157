//! One count everywhere: every session of the samples and the fixtures, its total and each
//! locality's (its own directives and the session-wide ones that concern it), the same in
//! the TUI, text, Markdown, HTML and JSON; and `--district` gives that locality's total.

use super::*;
use briefing::api::report::{Format, Options as ReportOptions, render};

/// Done, total, overdue.
type Count = (usize, usize, usize);

/// Every `3/23 done` in `text`, in order, with the overdue count written after it on the same
/// line (`, 1 overdue`, ` · ⚠ 1 overdue`, `, **1 overdue**`, `, <strong>1 overdue</strong>`).
fn counts(text: &str) -> Vec<Count> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut rest = line;
        while let Some(at) = rest.find(" done") {
            let before = &rest[..at];
            let total_start = before
                .rfind(|c: char| !c.is_ascii_digit())
                .map_or(0, |i| i + 1);
            let total = &before[total_start..];
            let head = &before[..total_start];
            let after = &rest[at + " done".len()..];
            rest = after;
            let Some(head) = head.strip_suffix('/') else {
                continue;
            };
            let done_start = head
                .rfind(|c: char| !c.is_ascii_digit())
                .map_or(0, |i| i + 1);
            let (Ok(done), Ok(total)) = (head[done_start..].parse(), total.parse()) else {
                continue;
            };
            let tail = after
                .trim_start_matches([',', ' ', '·', '*', '⚠'])
                .trim_start_matches("<strong>");
            let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
            let overdue = match tail[digits.len()..].starts_with(" overdue") {
                true => digits.parse().unwrap_or(0),
                false => 0,
            };
            out.push((done, total, overdue));
        }
    }
    out
}

fn json_count(v: &serde_json::Value) -> Count {
    let n = |k: &str| v[k].as_u64().expect("a count") as usize;
    (n("done"), n("total"), n("overdue"))
}

/// What the TUI shows for the session alone in the folder: the list's total, then each
/// locality's line of the overview.
fn tui_counts(session: &briefing::api::model::Session, today: NaiveDate) -> (Count, Vec<Count>) {
    let mut app = App::new(options(Lang::En, today, Keymap::default()));
    app.update(Action::Resize {
        width: 220,
        height: 400,
    });
    let alone = folder_of(session);
    load(&mut app, alone.path());
    let list = screen_text(&draw(&app));
    let total = *counts(&list).first().expect("the list's count");
    press(&mut app, &[Command::Open]);
    let overview = screen_text(&draw(&app));
    let localities = overview
        .lines()
        .filter(|l| l.contains('✓') && l.contains(" ~") && l.contains('✗'))
        .flat_map(counts)
        .collect();
    (total, localities)
}

/// The folders the sessions compared come from.
const ROOTS: [&str; 2] = ["briefings", "tests/fixtures"];

/// A folder holding `session`'s file alone, where it was.
fn folder_of(session: &briefing::api::model::Session) -> tempfile::TempDir {
    let rel = format!("{}.toml", session.id);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let from = (ROOTS.iter())
        .map(|dir| root.join(dir).join(&rel))
        .find(|path| path.is_file())
        .expect("the session's file");
    let tmp = tempfile::tempdir().expect("tmp");
    let to = tmp.path().join(&rel);
    std::fs::create_dir_all(to.parent().expect("a folder")).expect("mkdir");
    std::fs::copy(from, to).expect("copy");
    tmp
}

fn report(session: &briefing::api::model::Session, format: Format, opts: &ReportOptions) -> String {
    render(session, format, opts)
}

#[test]
fn every_output_counts_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sessions = Vec::new();
    for dir in ROOTS {
        let catalog = store::load_dir(&root.join(dir)).expect("folder");
        sessions.extend(catalog.sessions);
    }
    assert!(sessions.len() > 10, "the samples and the fixtures load");
    let mut compared = 0;
    for today in [day(2024, 3, 20), day(2027, 7, 2)] {
        for s in &sessions {
            let opts = ReportOptions {
                district: None,
                lang: Lang::En,
                today,
                ascii: false,
                handout: false,
                history: None,
            };
            let (tui_total, tui_localities) = tui_counts(s, today);
            let json: serde_json::Value =
                serde_json::from_str(&report(s, Format::Json, &opts)).expect("json");
            let json_total = json_count(&json["session"]["progress"]);
            let json_localities: Vec<Count> = (json["session"]["districts"].as_array())
                .expect("districts")
                .iter()
                .map(|d| json_count(&d["locality_progress"]))
                .collect();
            assert_eq!(tui_total, json_total, "{}: the total", s.id);
            assert_eq!(tui_localities, json_localities, "{}: the localities", s.id);
            for format in [Format::Text, Format::Markdown, Format::Html] {
                let all = counts(&report(s, format, &opts));
                assert_eq!(all[0], tui_total, "{} {format:?}: the total", s.id);
                // Only localities with directives have a count in a printed briefing, last.
                let with_directives: Vec<Count> = (tui_localities.iter().copied())
                    .filter(|c| c.1 > 0)
                    .collect();
                let printed = &all[all.len().saturating_sub(with_directives.len())..];
                assert_eq!(printed, with_directives, "{} {format:?}", s.id);
            }
            for (at, d) in s.districts.iter().enumerate() {
                let opts = ReportOptions {
                    district: Some(&d.id),
                    ..opts
                };
                for format in [Format::Text, Format::Markdown, Format::Html] {
                    let all = counts(&report(s, format, &opts));
                    assert_eq!(
                        all[0], tui_localities[at],
                        "{} --district {} {format:?}: the locality's total",
                        s.id, d.id
                    );
                }
                let json: serde_json::Value =
                    serde_json::from_str(&report(s, Format::Json, &opts)).expect("json");
                assert_eq!(
                    json_count(&json["session"]["districts"][0]["locality_progress"]),
                    tui_localities[at],
                    "{} --district {} json",
                    s.id,
                    d.id
                );
            }
            compared += 1;
        }
    }
    assert!(compared > 20);
}
