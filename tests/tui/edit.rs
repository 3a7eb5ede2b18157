//! `e` without a terminal: the app asks the shell to edit the selected item's file (by ids),
//! and says how the edit went.

use briefing::api::app::{EditError, EditRequest};
use briefing::api::store::Spot;
use briefing::api::store::write::WriteError;

use super::*;

const SESSION: &str = "2024/2024-03-13-hai-ha-dam-ha";

fn edit_request(app: &mut App) -> EditRequest {
    match press_effect(app, Command::Edit) {
        Effect::Edit(request) => request,
        other => panic!("no edit asked for: {other:?}"),
    }
}

#[test]
fn e_asks_to_edit_the_selected_item_by_its_ids() {
    let mut at_directive = at_hh_ma_tuy(Lang::En, 100, 30);
    let request = edit_request(&mut at_directive);
    assert_eq!(request.session_id, SESSION);
    assert_eq!(request.spot, Spot::Directive("hh-ma-tuy".into()));

    let mut app = app(Lang::En, 100, 30);
    assert_eq!(edit_request(&mut app).spot, Spot::Session, "on the list");
    press(&mut app, &[Command::Open, Command::JumpTab(3)]);
    assert_eq!(
        edit_request(&mut app).spot,
        Spot::Locality("dam-ha".into()),
        "a locality's tab without an item of its own selected"
    );
}

#[test]
fn the_notice_says_how_the_edit_went_in_both_languages() {
    let request = EditRequest {
        session_id: SESSION.into(),
        spot: Spot::Session,
    };
    let cases: [(Lang, Result<String, EditError>, &str); 3] = [
        (
            Lang::En,
            Ok(format!("{SESSION}.toml")),
            "Edited 2024/2024-03-13-hai-ha-dam-ha.toml; read again.",
        ),
        (
            Lang::Vi,
            Err(EditError::Failed {
                editor: "vim".into(),
                status: Some(2),
            }),
            "Trình soạn thảo `vim` kết thúc với mã 2",
        ),
        (
            Lang::Vi,
            Err(EditError::Refused(WriteError::ReadOnlyFile {
                path: "a.toml".into(),
            })),
            "Không mở trong trình soạn thảo:",
        ),
    ];
    for (lang, result, said) in cases {
        let mut app = app(lang, 120, 30);
        let request = request.clone();
        assert_eq!(app.update(Action::Edited { request, result }), Effect::None);
        let screen = screen_text(&draw(&app));
        assert!(screen.contains(said), "{said}:\n{screen}");
    }
}
