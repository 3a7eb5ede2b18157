//! Version 3's facts of real conclusions in the interface: urgency, a deadline in words, the
//! addressees outside the file, a locality's proposals, an inferred year.

use super::*;

fn v3_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3")
}

use super::bin::flat;

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

fn gaps_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3-gaps")
}

/// The locality tabs of a session with communes about to merge: what each merges into, a
/// figure known only as a percent of plan with its gauge and no number, and zero targets
/// judged without a ratio.
#[test]
fn a_merging_session_shows_plan_percents_and_zero_targets() {
    for (lang, wants) in [
        (
            Lang::Vi,
            [
                "Sắp hợp nhất vào: xã Ia Ly",
                "chỉ có % kế hoạch",
                "95% ~ gần đạt",
                "— ✓ đạt",
            ],
        ),
        (
            Lang::En,
            [
                "To merge into: xã Ia Ly",
                "% of plan only",
                "95% ~ near",
                "— ✓ met",
            ],
        ),
    ] {
        let mut app = App::new(options(lang, day(2025, 11, 1), Keymap::default()));
        app.update(Action::Resize {
            width: 120,
            height: 40,
        });
        load(&mut app, &gaps_folder());
        press(
            &mut app,
            &[Command::Down, Command::Open, Command::JumpTab(3)],
        );
        let screen = flat(&screen_text(&draw(&app)));
        for want in wants {
            assert!(screen.contains(want), "{lang:?}: {want}\n{screen}");
        }
        for never in ["NaN", "inf"] {
            assert!(!screen.contains(never), "{screen}");
        }
        press(&mut app, &[Command::JumpTab(2)]);
        let screen = flat(&screen_text(&draw(&app)));
        let behind = if lang == Lang::Vi {
            "— ✗ chưa đạt"
        } else {
            "— ✗ behind"
        };
        assert!(screen.contains(behind), "{lang:?}\n{screen}");
    }
}

/// The new unit's dossier (`d`) lists the session of the communes merging into it, each as the
/// unit it was.
#[test]
fn the_new_units_dossier_holds_the_merging_communes() {
    let mut app = App::new(options(Lang::Vi, day(2025, 11, 1), Keymap::default()));
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    load(&mut app, &gaps_folder());
    press(
        &mut app,
        &[
            Command::FilterDistrict,
            Command::Down,
            Command::Down,
            Command::Open,
        ],
    );
    let screen = flat(&screen_text(&draw(&app)));
    assert!(screen.contains("Hồ sơ xã Ia Ly"), "{screen}");
    for was in [
        "khi còn là thị trấn Ia Ly",
        "khi còn là xã Ia Mơ Nông",
        "khi còn là xã Ia Kreng",
    ] {
        assert!(screen.contains(was), "{was}\n{screen}");
    }
}
