//! A locality's proposal with an assignee followed up like a directive in a session's tab
//! (issue 27): its state badge, `p` opening the progress form on it, the entry written shown
//! on it, `u` taking it out, `L` its log, and the filter `f` counting it.

use super::*;
use briefing::api::app::{ProgressChange, ProgressRequest, Recorded};
use briefing::api::model::filter::DirectiveFilter;
use briefing::api::model::{Entry, Followed, State};
use briefing::api::store::write::{Appended, VersionBefore};
use crossterm::event::KeyCode;

const SESSION: &str = "2025-09-10-tan-lap";

/// The version 3 sample (proposal `tl-kn-1` assigned to Sở Tài chính, due 12/2025; another
/// without an id or assignee) on its locality's tab, judged on 10/01/2026.
fn on_the_locality(lang: Lang, width: u16, height: u16) -> App {
    let mut app = App::new(options(lang, day(2026, 1, 10), Keymap::default()));
    app.update(Action::Resize { width, height });
    load(
        &mut app,
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3"),
    );
    press(&mut app, &[Command::Open, Command::JumpTab(2)]);
    app
}

/// Moves down until the selected line is the proposal starting with `text`.
fn select_proposal(app: &mut App, text: &str) {
    for _ in 0..60 {
        if screen_text(&draw(app))
            .lines()
            .any(|l| l.starts_with("▌ • ") && l.contains(text))
        {
            return;
        }
        press(app, &[Command::Down]);
    }
    panic!("proposal {text:?} not found");
}

/// The overdue list of the report view (`r`), then back to the session: each item's id,
/// whether it is a proposal, and its category.
fn overdue_in_the_report(app: &mut App) -> Vec<(String, bool, briefing::api::model::Category)> {
    press(app, &[Command::ReportView]);
    let listed = match app.screen() {
        Some(Screen::Report(r)) => (r.report().expect("report").overdue.iter())
            .map(|l| (l.directive_id.to_string(), l.proposal, l.category))
            .collect(),
        other => panic!("not the report view: {other:?}"),
    };
    press(app, &[Command::Back]);
    listed
}

fn the_proposal(app: &App) -> briefing::api::model::Proposal {
    app.catalog().sessions[0]
        .proposals()
        .map(|(_, p)| p)
        .find(|p| p.id.as_deref() == Some("tl-kn-1"))
        .cloned()
        .expect("proposal")
}

/// The app's request answered: `entry` written, with the undo that takes it out.
fn written(app: &mut App, request: &ProgressRequest, entry: &Entry) -> Appended {
    let appended = Appended {
        entry: entry.clone(),
        version: VersionBefore::Kept,
    };
    app.update(Action::Recorded {
        request: Box::new(request.clone()),
        result: Box::new(Ok(Recorded::Added {
            entry: entry.clone(),
            undo: Some(appended.clone()),
        })),
    });
    appended
}

#[test]
fn a_followed_proposal_shows_its_state_and_p_records_on_it() {
    let mut app = on_the_locality(Lang::En, 100, 40);
    let screen = screen_text(&draw(&app));
    assert!(
        screen.contains("⚠ overdue · Not started"),
        "the badge of a proposal past its deadline:\n{screen}"
    );
    use briefing::api::model::Category;
    let proposal = |c| ("tl-kn-1".to_string(), true, c);
    assert!(overdue_in_the_report(&mut app).contains(&proposal(Category::NotStartedOverdue)));
    select_proposal(&mut app, "Đề nghị tỉnh hỗ trợ");
    assert_snapshot!("proposal_selected_en_100x40", screen_text(&draw(&app)));
    assert_eq!(press_effect(&mut app, Command::Progress), Effect::None);
    assert!(matches!(app.overlay(), Some(Overlay::Progress(f)) if f.state() == State::Open));
    assert!(screen_text(&draw(&app)).contains("Đề nghị tỉnh hỗ trợ kinh phí"));
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Sở đã trình UBND tỉnh");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "30");
    let Effect::Record(request) = key(&mut app, KeyCode::Enter) else {
        panic!("no record asked for");
    };
    assert_eq!(request.session_id, SESSION);
    assert_eq!(request.directive_id, "tl-kn-1");
    let ProgressChange::Add(asked) = &request.change else {
        panic!("not an addition");
    };
    assert_eq!(asked.state, Some(State::Doing));
    let entry = Entry {
        at: chrono::DateTime::parse_from_rfc3339("2026-01-09T09:15:00+07:00").expect("time"),
        by: "lan".into(),
        state: asked.state,
        note: asked.note.as_deref().map(Into::into),
        percent: asked.percent,
    };
    written(&mut app, &request, &entry);
    assert_eq!(the_proposal(&app).state(), State::Doing);
    let overdue = overdue_in_the_report(&mut app);
    assert!(
        overdue.contains(&proposal(Category::DoingOverdue)),
        "the report view counts the entry at once: {overdue:?}"
    );
    let screen = screen_text(&draw(&app));
    assert!(
        screen.contains("⚠ overdue · In progress, 30% · Sở đã trình UBND tỉnh"),
        "{screen}"
    );
    // `L`: its log.
    press(&mut app, &[Command::History]);
    let log = screen_text(&draw(&app));
    assert!(
        log.contains("tl-kn-1") && log.contains("Sở đã trình UBND tỉnh"),
        "{log}"
    );
    press(&mut app, &[Command::Back]);
    // `u`: the entry goes, the proposal is as before at once.
    let Effect::Record(undo) = press_effect(&mut app, Command::Undo) else {
        panic!("no undo asked for");
    };
    assert!(matches!(undo.change, ProgressChange::Remove(_)));
    assert_eq!(the_proposal(&app).state(), State::Open);
    assert!(the_proposal(&app).progress.is_empty());
}

#[test]
fn p_on_a_proposal_without_an_id_says_to_add_one_in_both_languages() {
    for (lang, words) in [
        (Lang::En, "add `id = \"…\"`"),
        (Lang::Vi, "hãy thêm `id = \"…\"`"),
    ] {
        let mut app = on_the_locality(lang, 160, 40);
        select_proposal(&mut app, "Đề nghị sớm bàn giao");
        assert_eq!(press_effect(&mut app, Command::Progress), Effect::None);
        assert!(app.overlay().is_none());
        assert!(matches!(app.notice(), Some(Notice::ProposalWithoutId)));
        assert!(flat_text(&app).contains(words), "{lang:?}");
    }
}

#[test]
fn the_category_filter_keeps_a_followed_proposal_in_its_category() {
    let mut app = on_the_locality(Lang::En, 160, 40);
    for _ in 0..20 {
        if app.filters().directives
            == DirectiveFilter::Category(briefing::api::model::Category::NotStartedOverdue)
        {
            break;
        }
        press(&mut app, &[Command::FilterDirectives]);
    }
    let screen = flat_text(&app);
    assert!(screen.contains("Đề nghị tỉnh hỗ trợ kinh phí"), "{screen}");
    assert!(
        !screen.contains("Đề nghị sớm bàn giao"),
        "no assignee: not followed\n{screen}"
    );
    press(&mut app, &[Command::FilterDirectives]);
    let screen = flat_text(&app);
    assert!(!screen.contains("Đề nghị tỉnh hỗ trợ kinh phí"), "{screen}");
}

fn flat_text(app: &App) -> String {
    screen_text(&draw(app))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
