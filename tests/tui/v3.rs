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
