//! The whole app on a `TestBackend`, one module per screen: update without a terminal, screen
//! snapshots (styled ones too), sizes. This file holds the helpers the modules share.

/// `insta::assert_snapshot!`, keeping the snapshots in tests/snapshots with the other binaries'.
macro_rules! assert_snapshot {
    ($($arg:tt)*) => {
        insta::with_settings!({ snapshot_path => "../snapshots" }, {
            insta::assert_snapshot!($($arg)*);
        })
    };
}

mod counts;
mod dossier;
mod edit;
mod list;
mod overlays;
mod progress;
mod reload;
mod report;
mod review;
mod saves;
mod search;
mod session;
mod sizes;
mod v2;
mod v3;

#[path = "../common/bin.rs"]
#[allow(
    dead_code,
    reason = "the TUI tests run the binary only to compare with it"
)]
mod bin;
#[path = "../common/feed.rs"]
mod feed;
#[path = "../common/reorder.rs"]
mod reorder;

use std::path::{Path, PathBuf};

use briefing::api::app::{Action, App, Effect, Loading, Notice, Options, Overlay, Screen};
use briefing::api::input::{Command, Keymap};
use briefing::api::model::Lang;
use briefing::api::screens::review::Review;
use briefing::api::store;
use briefing::api::store::write::WriteError;
use briefing::api::ui::theme::Theme;
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn today() -> NaiveDate {
    day(2024, 3, 20)
}

fn options(lang: Lang, today: NaiveDate, keymap: Keymap) -> Options {
    Options {
        dir: "briefings".into(),
        lang,
        today,
        keymap,
        user: "lan".into(),
        mouse: true,
    }
}

/// A folder holding the 2024 sample of `briefings/` alone (as `2024/…`): the session these
/// tests were written for, first in the list. The version 2 sample, newer, would come first;
/// `v2.rs` drives the whole folder.
fn sample_dir() -> tempfile::TempDir {
    sample_with(|text| text)
}

/// The 2024 sample's catalog, to compare the screens with.
fn sample() -> store::Catalog {
    catalog(&sample_dir())
}

/// The catalog of the folder `dir`, as the command line reads it.
fn catalog(dir: &tempfile::TempDir) -> store::Catalog {
    store::load_dir(dir.path()).expect("load")
}

/// `briefings/`: the version 2 sample (2026, upcoming) first.
fn whole_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")
}

/// Gives `app` the folder `dir` as the interface's loader does (see `feed`).
fn load(app: &mut App, dir: &Path) {
    feed::load(app, dir);
}

fn app_on(lang: Lang, day: NaiveDate, width: u16, height: u16) -> App {
    let mut app = App::new(options(lang, day, Keymap::default()));
    app.update(Action::Resize { width, height });
    load(&mut app, sample_dir().path());
    app
}

fn app(lang: Lang, width: u16, height: u16) -> App {
    app_on(lang, today(), width, height)
}

fn draw_with(app: &App, theme: &Theme) -> Buffer {
    let area = app.area();
    let mut term = Terminal::new(TestBackend::new(area.width, area.height)).expect("term");
    term.draw(|f| app.draw(f, theme)).expect("draw");
    term.backend().buffer().clone()
}

fn draw(app: &App) -> Buffer {
    draw_with(app, &Theme::default())
}

fn screen_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Presses the first key bound to each command in the default keymap.
fn press(app: &mut App, commands: &[Command]) {
    let keymap = Keymap::default();
    for c in commands {
        let key = keymap.keys(*c).first().expect("a key for every command");
        app.update(Action::Key(KeyEvent::new(key.code, key.mods)));
    }
}

fn press_effect(app: &mut App, c: Command) -> Effect {
    let keymap = Keymap::default();
    let key = keymap.keys(c).first().expect("a key for every command");
    app.update(Action::Key(KeyEvent::new(key.code, key.mods)))
}

/// The position of the first cell of `needle` on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?.to_string();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol() != first {
                continue;
            }
            let mut s = String::new();
            let mut cx = x;
            while cx < buf.area.width && s.chars().count() < needle.chars().count() {
                s.push_str(buf[(cx, y)].symbol());
                cx += 1;
            }
            if s == needle {
                return Some((x, y));
            }
        }
    }
    None
}

/// The open session screen: (tab, selected block, first line in view).
fn place(app: &App) -> Option<(usize, usize, usize)> {
    match app.screen() {
        Some(Screen::Session(s)) => Some((s.tab(), s.selected(), s.offset())),
        _ => None,
    }
}

fn tab(app: &App) -> Option<usize> {
    place(app).map(|(tab, _, _)| tab)
}

/// A folder holding the 2024 sample with `edit` made to its text.
fn sample_with(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/2024/2024-03-13-hai-ha-dam-ha.toml");
    std::fs::create_dir_all(tmp.path().join("2024")).expect("mkdir");
    let text = std::fs::read_to_string(src).expect("sample");
    std::fs::write(
        tmp.path().join("2024/2024-03-13-hai-ha-dam-ha.toml"),
        edit(text),
    )
    .expect("write");
    tmp
}

fn select_directive(app: &mut App, text: &str) {
    for _ in 0..60 {
        if screen_text(&draw(app))
            .lines()
            .any(|l| l.starts_with("▌ [") && l.contains(text))
        {
            return;
        }
        press(app, &[Command::Down]);
    }
    panic!("directive {text:?} not found");
}

/// The app on Hải Hà's tab with its directive "Kiểm soát tốt ma túy…" selected.
fn at_hh_ma_tuy(lang: Lang, width: u16, height: u16) -> App {
    let mut app = app(lang, width, height);
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    select_directive(&mut app, "Kiểm soát tốt ma túy");
    app
}

/// Presses Space on the selected directive: the save it asks for.
fn toggle(app: &mut App) -> briefing::api::app::SaveRequest {
    match press_effect(app, Command::Toggle) {
        Effect::Save(request) => request,
        other => panic!("no save asked for: {other:?}"),
    }
}

fn directive_state(app: &App, id: &str) -> briefing::api::model::Directive {
    app.catalog().sessions[0]
        .all_directives()
        .find(|d| d.id == id)
        .cloned()
        .expect("directive")
}

fn type_text(app: &mut App, text: &str) {
    use crossterm::event::{KeyCode, KeyModifiers};
    for c in text.chars() {
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn key(app: &mut App, code: crossterm::event::KeyCode) -> Effect {
    app.update(Action::Key(crossterm::event::KeyEvent::new(
        code,
        crossterm::event::KeyModifiers::NONE,
    )))
}

/// A folder holding the 2024 sample and a session of `date` titled "NEW SESSION".
fn with_extra_session(date: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    std::fs::create_dir_all(tmp.path().join("2024")).expect("mkdir");
    std::fs::copy(
        src.join("2024/2024-03-13-hai-ha-dam-ha.toml"),
        tmp.path().join("2024/2024-03-13-hai-ha-dam-ha.toml"),
    )
    .expect("copy");
    std::fs::write(
        tmp.path().join("new.toml"),
        format!("[session]\ntitle = \"NEW SESSION\"\ndate = {date}\n"),
    )
    .expect("write");
    tmp
}

fn key_effect(app: &mut App, code: crossterm::event::KeyCode) -> Effect {
    let mods = match code {
        crossterm::event::KeyCode::Char(c) if c.is_uppercase() => {
            crossterm::event::KeyModifiers::SHIFT
        }
        _ => crossterm::event::KeyModifiers::NONE,
    };
    app.update(Action::Key(crossterm::event::KeyEvent::new(code, mods)))
}

/// The sample's session as its file reads with `edit` made to its text.
fn session_with(edit: impl Fn(String) -> String) -> Box<briefing::api::model::Session> {
    Box::new(catalog(&sample_with(edit)).sessions.remove(0))
}

fn stamped(id: &str) -> impl Fn(String) -> String + '_ {
    move |t: String| {
        t.replace(
            &format!("id = \"{id}\"\n"),
            &format!(
                "id = \"{id}\"\ndone = true\ndone_by = \"lan\"\ndone_at = 2024-03-20T09:15:00+07:00\n"
            ),
        )
    }
}

fn checked_off_by_lan() -> Result<briefing::api::store::write::Change, WriteError> {
    let at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").expect("time");
    Ok(briefing::api::store::write::Change::Done {
        at,
        by: "lan".into(),
    })
}

/// The screen as text, each row followed by its runs of cells not in the default style:
/// `   │ 2..14 Cyan BOLD | REVERSED`, so a lost colour, bold or reverse shows in a snapshot.
fn styled_text(buf: &Buffer) -> String {
    let plain = (Color::Reset, Color::Reset, Modifier::empty());
    let mut out = String::new();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(&format!("{y:>2}│{}\n", row.trim_end()));
        let style = |x: u16| {
            let c = &buf[(x, y)];
            (c.fg, c.bg, c.modifier)
        };
        let mut runs = Vec::new();
        let mut x = 0;
        while x < buf.area.width {
            let (start, here) = (x, style(x));
            while x < buf.area.width && style(x) == here {
                x += 1;
            }
            if here != plain {
                let (fg, bg, modifier) = here;
                let mut run = format!("{start}..{x}");
                if fg != Color::Reset {
                    run.push_str(&format!(" {fg:?}"));
                }
                if bg != Color::Reset {
                    run.push_str(&format!(" on {bg:?}"));
                }
                if !modifier.is_empty() {
                    run.push_str(&format!(" {modifier:?}"));
                }
                runs.push(run);
            }
        }
        if !runs.is_empty() {
            out.push_str(&format!("  │ {}\n", runs.join(" · ")));
        }
    }
    out
}

/// A folder holding `files` (name, text).
fn folder(files: &[(&str, String)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    for (name, text) in files {
        std::fs::write(tmp.path().join(name), text).expect("write");
    }
    tmp
}

/// A session of `date` titled `title`, with a locality (one directive each) per name.
fn session_file(title: &str, date: &str, localities: &[&str]) -> String {
    let mut text = format!("[session]\ntitle = \"{title}\"\ndate = {date}\n");
    for (i, name) in localities.iter().enumerate() {
        text.push_str(&format!(
            "\n[[district]]\nname = \"{name}\"\n\n[[district.directive]]\nid = \"d{i}\"\ntext = \"Việc của {name}\"\n"
        ));
    }
    text
}

/// The app with the folder `dir` loaded over the sample, as of the sample's test day.
fn app_with(dir: &Path, lang: Lang, width: u16, height: u16) -> App {
    let mut app = app(lang, width, height);
    load(&mut app, dir);
    app
}

/// A mouse event of `kind` at `column`, `row`.
fn mouse(app: &mut App, kind: crossterm::event::MouseEventKind, column: u16, row: u16) -> Effect {
    app.update(Action::Mouse(crossterm::event::MouseEvent {
        kind,
        column,
        row,
        modifiers: crossterm::event::KeyModifiers::NONE,
    }))
}

/// A left click at `column`, `row`.
fn click(app: &mut App, column: u16, row: u16) -> Effect {
    let down = crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left);
    mouse(app, down, column, row)
}
