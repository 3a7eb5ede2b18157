//! Version 3's facts of real conclusions in the interface: urgency, a deadline in words, the
//! addressees outside the file, a locality's proposals, an inferred year.

use super::*;

fn v3_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3")
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_locality_tab_shows_urgency_words_addressees_and_proposals() {
    for (lang, wants) in [
        (
            Lang::Vi,
            [
                "(năm suy ra)",
                "‼ khẩn · Hạn: trước Đại hội Đảng bộ xã",
                "⚠ quá hạn · Hạn: quý IV/2025 (khẩn trương)",
                "Kiến nghị, đề xuất và trả lời",
                "Giao: Sở Tài chính",
            ],
        ),
        (
            Lang::En,
            [
                "(year inferred)",
                "‼ urgent · Due: trước Đại hội Đảng bộ xã",
                "⚠ overdue · Due: Q4 2025 (khẩn trương)",
                "Proposals and answers",
                "Assigned to: Sở Tài chính",
            ],
        ),
    ] {
        let mut app = App::new(options(lang, day(2026, 1, 10), Keymap::default()));
        app.update(Action::Resize {
            width: 160,
            height: 50,
        });
        load(&mut app, &v3_folder());
        press(&mut app, &[Command::Open, Command::JumpTab(2)]);
        let screen = flat(&screen_text(&draw(&app)));
        for want in wants {
            assert!(screen.contains(want), "{lang:?}: {want}\n{screen}");
        }
        // The directive with addressees outside the file shows them when selected.
        select_directive(&mut app, "Rà soát");
        let screen = flat(&screen_text(&draw(&app)));
        assert!(screen.contains("Sở Nông nghiệp và Môi trường"), "{screen}");
    }
}

/// A proposal's answer is found without accents, labelled as a proposal, and opens its
/// locality at the proposal's line; an addressee outside the file is labelled as one.
#[test]
fn search_finds_a_proposals_answer_and_an_addressee() {
    use crossterm::event::KeyCode;
    for (lang, proposal, addressee) in [
        (Lang::Vi, "Kiến nghị", "Gửi"),
        (Lang::En, "Proposal", "For"),
    ] {
        let mut app = App::new(options(lang, day(2026, 1, 10), Keymap::default()));
        app.update(Action::Resize {
            width: 160,
            height: 50,
        });
        load(&mut app, &v3_folder());
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "can doi nguon von");
        let screen = screen_text(&draw(&app));
        let line = (screen.lines())
            .find(|l| l.contains("cân đối nguồn vốn"))
            .unwrap_or_else(|| panic!("{lang:?}: no hit\n{screen}"));
        assert!(line.contains(proposal), "{lang:?}: {line}");
        key(&mut app, KeyCode::Enter);
        assert_eq!(tab(&app), Some(1), "{lang:?}");
        let screen = flat(&screen_text(&draw(&app)));
        let selected = (screen.split('▌').nth(1)).unwrap_or_default();
        assert!(
            selected.contains("Đề nghị tỉnh hỗ trợ kinh phí"),
            "{lang:?}: {screen}"
        );
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "phuong hong hai");
        let screen = screen_text(&draw(&app));
        let line = (screen.lines())
            .find(|l| l.contains("Hồng Hải"))
            .unwrap_or_else(|| panic!("{lang:?}: no hit\n{screen}"));
        assert!(line.contains(addressee), "{lang:?}: {line}");
    }
}
