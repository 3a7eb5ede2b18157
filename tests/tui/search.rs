//! The search screen: typing, hits, opening the item found.

use super::*;

#[test]
fn search_without_accents_finds_and_opens_the_district() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::Vi, 100, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "dam ha");
    let Some(Screen::Search(view)) = app.screen() else {
        panic!("search not open");
    };
    assert_eq!(view.query(), "dam ha");
    assert_eq!(app.search_hits()[0].text, "Đầm Hà");
    let buf = draw(&app);
    let (x, y) = find(&buf, "Đầm Hà").expect("hit on screen");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "match highlighted"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(tab(&app), Some(2));
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.screen(), Some(Screen::Search(_))),
        "Esc goes back to the hits"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.screen().is_none());
}

#[test]
fn search_keys_type_instead_of_acting() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::En, 80, 24);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "qjk");
    assert!(matches!(app.screen(), Some(Screen::Search(v)) if v.query() == "qjk"));
    key(&mut app, KeyCode::Backspace);
    assert!(matches!(app.screen(), Some(Screen::Search(v)) if v.query() == "qj"));
    app.update(Action::Paste(" đầm\nhà".into()));
    assert!(
        matches!(app.screen(), Some(Screen::Search(v)) if v.query() == "qj đầm hà"),
        "a paste is typed, on one line"
    );
    assert_eq!(
        app.update(Action::Key(crossterm::event::KeyEvent::new(
            KeyCode::Char('c'),
            crossterm::event::KeyModifiers::CONTROL
        ))),
        Effect::Quit
    );
}

#[test]
fn search_jumps_to_the_exact_directive() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::Vi, 100, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "khong co ma tuy la dia phuong");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("▌ [ ] Là địa phương không có ma túy."),
        "{text}"
    );
}

#[test]
fn a_long_query_shows_its_end() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::En, 40, 12);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "một câu tìm kiếm rất dài ở đây kết thúc ZZZ");
    let text = screen_text(&draw(&app));
    assert!(
        text.lines().next().is_some_and(|l| l.contains("ZZZ▏")),
        "{text}"
    );
}

#[test]
fn styled_search() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::Vi, 100, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "dam ha");
    press(&mut app, &[Command::Down]);
    assert_snapshot!(styled_text(&draw(&app)));
}

/// `n` and `N` open the next and previous hit from the place the last one opened, the match
/// highlighted there.
#[test]
fn n_and_shift_n_go_through_the_hits_from_the_opened_place() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::Vi, 100, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "ma tuy");
    let hits: Vec<String> = match app.screen() {
        Some(Screen::Search(_)) => app.search_hits().into_iter().map(|h| h.text).collect(),
        _ => panic!("search not open"),
    };
    assert!(hits.len() >= 3, "{hits:?}");
    key(&mut app, KeyCode::Enter);
    let selected_text = |app: &App| {
        let text = screen_text(&draw(app));
        text.lines()
            .filter(|l| l.starts_with("▌ "))
            .map(|l| l.trim_start_matches("▌ ").trim().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let first = selected_text(&app);
    key(&mut app, KeyCode::Char('n'));
    let second = selected_text(&app);
    assert_ne!(first, second, "n opened the next hit");
    let buf = draw(&app);
    let (x, y) = find(&buf, "ma túy").expect("the match on screen");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "highlighted where it opened"
    );
    key_effect(&mut app, KeyCode::Char('N'));
    assert_eq!(selected_text(&app), first, "N goes back");
    key_effect(&mut app, KeyCode::Char('N'));
    assert!(matches!(app.notice(), Some(Notice::FirstHit)));
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.screen(), Some(Screen::Search(s)) if s.selected() == 0),
        "Esc goes back to the hits"
    );
}

/// Without a search under the open session, `n` says so.
#[test]
fn n_without_a_search_says_so() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::Open]);
    key(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.notice(), Some(Notice::NoSearch)));
}

/// Once the hits are browsed (↓), Space checks a directive hit off; typing goes on with any
/// other letter, or after `/`.
#[test]
fn space_checks_off_a_directive_hit_once_the_hits_are_browsed() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::Vi, 100, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "la dia phuong khong co ma tuy");
    press(&mut app, &[Command::Down, Command::Up]);
    assert!(matches!(app.screen(), Some(Screen::Search(s)) if s.browsing()));
    let request = toggle(&mut app);
    assert_eq!(request.directive_id, "dh-khong-ma-tuy");
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, " x");
    assert!(
        matches!(app.screen(), Some(Screen::Search(s)) if s.query() == "la dia phuong khong co ma tuy x")
    );
}

/// A word may match the locality's name while the others match the field; the hit says
/// which field it is and where.
#[test]
fn the_locality_and_a_field_find_the_indicator_and_hits_name_their_field() {
    use crossterm::event::KeyCode;
    let mut app = app(Lang::Vi, 120, 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "đầm hà thu nhập");
    let text = screen_text(&draw(&app));
    let first = text.lines().nth(2).unwrap_or_default();
    assert!(first.contains("Chỉ tiêu"), "{text}");
    assert!(first.contains("Thu nhập bình quân đầu người"), "{text}");
    assert!(first.ends_with("13/03/2024 · Đầm Hà"), "{text}");
    assert!(text.contains("Kết quả nổi bật"), "{text}");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("▌ Thu nhập bình quân đầu người (2023)"),
        "{text}"
    );
}

/// A snippet is the whole text when it fits; when it does not, it is cut between words.
#[test]
fn snippets_are_whole_when_they_fit_and_cut_between_words() {
    use crossterm::event::KeyCode;
    let texts: Vec<String> = sample().sessions[0]
        .districts
        .iter()
        .flat_map(|d| d.shortcomings.iter().map(|s| s.to_string()))
        .collect();
    for width in [160u16, 60] {
        let mut app = app(Lang::Vi, width, 30);
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "tu duy");
        let text = screen_text(&draw(&app));
        let row = (text.lines())
            .find(|l| l.contains("Tồn tại, hạn chế"))
            .unwrap_or_else(|| panic!("a shortcoming hit: {text}"));
        let label = row.find("Tồn tại, hạn chế").expect("label") + "Tồn tại, hạn chế".len();
        let shown = row[label..].trim();
        let body = shown.split("  ").next().unwrap_or_default();
        if width == 160 {
            assert!(texts.iter().any(|t| t == body), "whole: {row}");
        } else {
            let inner = body.trim_start_matches('…').trim_end_matches('…');
            assert!(body.ends_with('…'), "{row}");
            let full = texts
                .iter()
                .find(|t| t.contains(inner))
                .expect("a part of the text");
            let after = &full[full.find(inner).expect("inside") + inner.len()..];
            assert!(
                after.starts_with(' ') || after.starts_with(','),
                "cut between words: {row}"
            );
        }
    }
}

/// A snippet cut to fit keeps the words just before the match: `…không có ma túy.`, never
/// `…có ma túy.` (a negation turns the meaning around), at 60×20, 80×24 and 120×40.
#[test]
fn a_cut_snippet_keeps_the_negation_before_the_match() {
    use crossterm::event::KeyCode;
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut app = app(Lang::Vi, w, h);
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "ma tuy");
        let text = screen_text(&draw(&app));
        let row = (text.lines())
            .find(|l| l.contains("có ma túy.") && l.contains("Đầm Hà"))
            .unwrap_or_else(|| panic!("{w}x{h}: the hit:\n{text}"));
        assert!(row.contains("không có ma túy."), "{w}x{h}: {row}");
    }
}

/// The rows of the selected block, joined, their gutter and wrapping spaces left out.
fn selected_block(app: &App) -> String {
    let text = screen_text(&draw(app));
    let rows: Vec<&str> = (text.lines()).filter_map(|l| l.strip_prefix("▌")).collect();
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A hit in a highlight, a strength or a shortcoming opens that very bullet, not the first
/// block sharing a word, so `n` walks from bullet to bullet; at 60×20, 80×24 and 120×40.
#[test]
fn statement_hits_open_their_own_bullet_and_n_moves_on() {
    use briefing::api::search::FieldKind;
    use crossterm::event::KeyCode;
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut app = app(Lang::Vi, w, h);
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "kinh te");
        let hits: Vec<(FieldKind, String)> = match app.screen() {
            Some(Screen::Search(_)) => (app.search_hits().into_iter())
                .map(|h| (h.field, h.text))
                .collect(),
            _ => panic!("search not open"),
        };
        key(&mut app, KeyCode::Enter);
        let mut statements = 0;
        for (i, (field, text)) in hits.iter().enumerate() {
            if i > 0 {
                key(&mut app, KeyCode::Char('n'));
            }
            let statement = matches!(
                field,
                FieldKind::Highlight | FieldKind::Strength | FieldKind::Shortcoming
            );
            if !statement {
                continue;
            }
            statements += 1;
            let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let shown = selected_block(&app);
            assert!(
                shown.contains(&squeezed),
                "{w}x{h}: hit {i} {text:?} opened {shown:?}"
            );
        }
        assert!(statements >= 4, "{w}x{h}: {hits:?}");
    }
}

/// A session-wide shortcoming is labelled as one, and a photo's caption as a photo, not
/// "Tóm tắt".
#[test]
fn session_statements_and_captions_have_their_own_labels() {
    use crossterm::event::KeyCode;
    for (query, label) in [
        ("ha tang so o cac thon", "Tồn tại, hạn chế"),
        ("hoan thanh sap xep bo may", "Kết quả nổi bật"),
        ("phat bieu ket luan", "Ảnh"),
    ] {
        for (w, h) in [(60, 20), (80, 24), (120, 40)] {
            let mut app = app_with(&whole_folder(), Lang::Vi, w, h);
            key(&mut app, KeyCode::Char('/'));
            type_text(&mut app, query);
            let text = screen_text(&draw(&app));
            let first = text.lines().nth(2).unwrap_or_default();
            assert!(
                first.starts_with(&format!(" {label} ")),
                "{w}x{h} {query}:\n{text}"
            );
            key(&mut app, KeyCode::Enter);
            assert_eq!(tab(&app), Some(0), "{query}");
        }
    }
}
