//! Checking off: shown at once, confirmed or reverted by the save, read back from the file.

use super::*;

#[test]
fn toggle_shows_at_once_and_asks_for_a_save() {
    let mut app = at_hh_ma_tuy(Lang::En, 120, 40);
    let effect = press_effect(&mut app, Command::Toggle);
    let request = briefing::api::app::SaveRequest {
        session_id: "2024/2024-03-13-hai-ha-dam-ha".into(),
        directive_id: "hh-ma-tuy".into(),
        done: true,
        undo: false,
    };
    assert_eq!(effect, Effect::Save(request.clone()));
    assert!(directive_state(&app, "hh-ma-tuy").done);
    assert!(matches!(app.notice(), Some(Notice::Saving)));
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("▌ [x] Kiểm soát tốt ma túy"), "{screen}");
    assert!(screen.contains("Saving…"), "{screen}");

    let at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").expect("time");
    app.update(Action::Saved {
        request,
        result: Ok(briefing::api::store::write::Change::Done {
            at,
            by: "lan".into(),
        }),
    });
    let d = directive_state(&app, "hh-ma-tuy");
    assert_eq!(
        (d.done, d.more.done_by.as_deref(), d.more.done_at),
        (true, Some("lan"), Some(at))
    );
    assert!(
        matches!(app.notice(), Some(Notice::CheckedOff { by, at: when }) if by == "lan" && *when == at)
    );
    let screen = screen_text(&draw(&app));
    assert!(
        screen.contains("Checked off by lan at 09:15 and saved to the file."),
        "{screen}"
    );
    assert!(screen.contains("Checked off by lan at 09:15 20/03/2024"));
    assert!(!app.has_pending_saves());
}

#[test]
fn a_failed_save_reverts_the_mark_and_says_why() {
    let mut app = at_hh_ma_tuy(Lang::Vi, 120, 40);
    let request = toggle(&mut app);
    app.update(Action::Saved {
        request,
        result: Err(WriteError::ReadOnlyFile {
            path: "/srv/a.toml".into(),
        }),
    });
    let d = directive_state(&app, "hh-ma-tuy");
    assert!(!d.done && d.more.done_by.is_none());
    assert!(matches!(
        app.notice(),
        Some(Notice::NotSaved(WriteError::ReadOnlyFile { .. }))
    ));
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("▌ [ ] Kiểm soát tốt ma túy"), "{screen}");
    assert!(
        screen.contains("Không lưu được, đã hoàn tác dấu: không ghi được /srv/a.toml"),
        "{screen}"
    );
}

#[test]
fn a_long_reason_is_shown_whole_wrapped_above_the_hint_bar() {
    let mut app = at_hh_ma_tuy(Lang::En, 60, 20);
    let request = toggle(&mut app);
    app.update(Action::Saved {
        request,
        result: Err(WriteError::Immutable {
            path: "/srv/briefings/2024/2024-03-13-hai-ha-dam-ha.toml".into(),
        }),
    });
    let buf = draw(&app);
    let words: String = screen_text(&buf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("if it should change"), "{words}");
    assert!(words.contains("(`chattr +i`), so nobody"), "{words}");
    let last_message_row = buf.area.height - 2;
    let row: String = (0..buf.area.width)
        .map(|x| buf[(x, last_message_row)].symbol())
        .collect();
    assert!(
        row.contains("should change"),
        "the message ends on the status line: {row}"
    );
    let (got, want) = (
        buf[(1, last_message_row)].style(),
        Theme::default().selected(),
    );
    assert!(got.add_modifier.contains(want.add_modifier), "{got:?}");
    assert!(want.bg.is_none() || got.bg == want.bg, "{got:?}");
}

#[test]
fn toggle_outside_a_directive_explains() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &[Command::Open]);
    assert_eq!(press_effect(&mut app, Command::Toggle), Effect::None);
    assert!(matches!(app.notice(), Some(Notice::SelectDirective)));
    let text = screen_text(&draw(&app));
    assert!(text.contains("Select a directive to check it off."));
}

#[test]
fn two_quick_toggles_end_in_the_state_of_the_last() {
    let mut app = at_hh_ma_tuy(Lang::En, 120, 40);
    let first = toggle(&mut app);
    assert_eq!(press_effect(&mut app, Command::Toggle), Effect::None);
    assert!(
        matches!(app.overlay(), Some(Overlay::Confirm(_))),
        "un-checking what shows as done asks first"
    );
    let second = confirm(&mut app);
    assert!(!directive_state(&app, "hh-ma-tuy").done);
    let at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").expect("time");
    app.update(Action::Saved {
        request: first,
        result: Ok(briefing::api::store::write::Change::Done {
            at,
            by: "lan".into(),
        }),
    });
    assert!(
        !directive_state(&app, "hh-ma-tuy").done,
        "the later toggle wins"
    );
    app.update(Action::Saved {
        request: second,
        result: Ok(briefing::api::store::write::Change::Undone),
    });
    let d = directive_state(&app, "hh-ma-tuy");
    assert!(!d.done && d.more.done_at.is_none() && d.more.done_by.is_none());
    assert!(!app.has_pending_saves());
}

#[test]
fn a_reload_during_a_save_keeps_the_mark_shown() {
    let mut app = at_hh_ma_tuy(Lang::En, 120, 40);
    press_effect(&mut app, Command::Toggle);
    load(&mut app, sample_dir().path());
    assert!(directive_state(&app, "hh-ma-tuy").done);
}

/// After our own save the file is read again and replaces its session; the folder is not
/// reloaded (the watcher leaves our write alone, see `watch`).
#[test]
fn our_own_save_is_shown_from_the_file_without_a_reload() {
    let mut app = at_hh_ma_tuy(Lang::En, 120, 40);
    let before = place(&app);
    let request = toggle(&mut app);
    app.update(Action::Saved {
        request,
        result: checked_off_by_lan(),
    });
    // Someone else checked another directive of the file off meanwhile; our write kept it.
    let file = session_with(|t| stamped("dh-khong-ma-tuy")(stamped("hh-ma-tuy")(t)));
    assert_eq!(app.update(Action::Reread(file)), Effect::None);
    assert!(directive_state(&app, "hh-ma-tuy").done);
    assert!(
        directive_state(&app, "dh-khong-ma-tuy").done,
        "theirs is shown too"
    );
    assert_eq!(place(&app), before);
    assert!(matches!(app.notice(), Some(Notice::CheckedOff { .. })));
}

#[test]
fn a_file_changed_beyond_check_offs_after_our_save_reloads_the_folder() {
    let mut app = app(Lang::En, 120, 40);
    let retitled = session_with(|t| t.replacen("title = \"", "title = \"NEW ", 1));
    assert_eq!(app.update(Action::Reread(retitled)), Effect::Reload);
    let mut gone = session_with(|t| t);
    gone.id = "elsewhere".into();
    assert_eq!(app.update(Action::Reread(gone)), Effect::Reload);
}

#[test]
fn a_reread_keeps_a_toggle_still_being_saved() {
    let mut app = at_hh_ma_tuy(Lang::En, 120, 40);
    let first = toggle(&mut app);
    press(&mut app, &[Command::JumpTab(3)]);
    select_directive(&mut app, "Là địa phương không có ma túy.");
    let _second = toggle(&mut app);
    app.update(Action::Saved {
        request: first,
        result: checked_off_by_lan(),
    });
    assert_eq!(
        app.update(Action::Reread(session_with(stamped("hh-ma-tuy")))),
        Effect::None
    );
    assert!(directive_state(&app, "hh-ma-tuy").done);
    assert!(
        directive_state(&app, "dh-khong-ma-tuy").done,
        "the second toggle is still shown while it is saved"
    );
    assert!(app.has_pending_saves());
}

/// Enter on the question before un-checking: the save it asks for.
fn confirm(app: &mut App) -> briefing::api::app::SaveRequest {
    match press_effect(app, Command::Open) {
        Effect::Save(request) => request,
        other => panic!("no save asked for: {other:?}"),
    }
}

/// The app on Đầm Hà's tab with "Là địa phương không có ma túy." checked off by lan in the file.
fn at_checked_off(lang: Lang) -> App {
    let mut app = app(lang, 120, 40);
    load(&mut app, sample_with(stamped("dh-khong-ma-tuy")).path());
    press(&mut app, &[Command::Open, Command::JumpTab(3)]);
    select_directive(&mut app, "Là địa phương không có ma túy.");
    app
}

#[test]
fn un_checking_asks_first_and_names_who_checked_off_and_when() {
    let mut app = at_checked_off(Lang::Vi);
    assert_eq!(press_effect(&mut app, Command::Toggle), Effect::None);
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("Bỏ đánh dấu xong chỉ đạo này?"), "{screen}");
    assert!(
        screen.contains("Đã được lan đánh dấu xong lúc 09:15 ngày 20/03/2024."),
        "{screen}"
    );
    assert!(
        directive_state(&app, "dh-khong-ma-tuy").done,
        "nothing changed yet"
    );
    press(&mut app, &[Command::Back]);
    assert!(app.overlay().is_none());
    assert!(
        directive_state(&app, "dh-khong-ma-tuy").done,
        "Esc keeps it"
    );
    press(&mut app, &[Command::Toggle]);
    let request = confirm(&mut app);
    assert_eq!((request.done, request.undo), (false, false));
    assert!(app.overlay().is_none());
    assert!(!directive_state(&app, "dh-khong-ma-tuy").done);
}

#[test]
fn snapshot_the_question_before_un_checking() {
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut app = at_checked_off(Lang::Vi);
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        press(&mut app, &[Command::Toggle]);
        assert_snapshot!(format!("confirm_uncheck_{w}x{h}"), screen_text(&draw(&app)));
    }
}

#[test]
fn u_undoes_a_check_off_at_once_and_asks_the_file_back() {
    let mut app = at_hh_ma_tuy(Lang::En, 120, 40);
    let request = toggle(&mut app);
    app.update(Action::Saved {
        request,
        result: checked_off_by_lan(),
    });
    assert!(directive_state(&app, "hh-ma-tuy").done);
    let undo = match key_effect(&mut app, crossterm::event::KeyCode::Char('u')) {
        Effect::Save(request) => request,
        other => panic!("no undo asked for: {other:?}"),
    };
    assert_eq!((undo.done, undo.undo), (false, true));
    let d = directive_state(&app, "hh-ma-tuy");
    assert!(
        !d.done && d.more.done_at.is_none() && d.more.done_by.is_none(),
        "{d:?}"
    );
    app.update(Action::Saved {
        request: undo,
        result: Ok(briefing::api::store::write::Change::Restore(
            Default::default(),
        )),
    });
    assert!(matches!(app.notice(), Some(Notice::Restored)));
    assert!(screen_text(&draw(&app)).contains("Undone and saved"));
    assert_eq!(press_effect(&mut app, Command::Undo), Effect::None);
    assert!(matches!(app.notice(), Some(Notice::NothingToUndo)));
}

#[test]
fn ctrl_z_undoes_an_un_check_back_to_who_and_when() {
    let mut app = at_checked_off(Lang::En);
    let was = directive_state(&app, "dh-khong-ma-tuy");
    press(&mut app, &[Command::Toggle]);
    let request = confirm(&mut app);
    app.update(Action::Saved {
        request,
        result: Ok(briefing::api::store::write::Change::Undone),
    });
    let effect = app.update(Action::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('z'),
        crossterm::event::KeyModifiers::CONTROL,
    )));
    assert!(
        matches!(&effect, Effect::Save(r) if r.undo && r.done),
        "{effect:?}"
    );
    assert_eq!(
        directive_state(&app, "dh-khong-ma-tuy"),
        was,
        "done_at and done_by too"
    );
}

#[test]
fn u_waits_for_the_save_it_would_undo() {
    let mut app = at_hh_ma_tuy(Lang::En, 120, 40);
    toggle(&mut app);
    assert_eq!(press_effect(&mut app, Command::Undo), Effect::None);
    assert!(matches!(app.notice(), Some(Notice::StillSaving)));
    assert!(directive_state(&app, "hh-ma-tuy").done);
}

#[test]
fn a_check_off_that_was_not_saved_is_not_undone() {
    let mut app = at_hh_ma_tuy(Lang::En, 120, 40);
    let request = toggle(&mut app);
    app.update(Action::Saved {
        request,
        result: Err(WriteError::ReadOnlyFile {
            path: "/srv/a.toml".into(),
        }),
    });
    assert_eq!(press_effect(&mut app, Command::Undo), Effect::None);
    assert!(matches!(app.notice(), Some(Notice::NothingToUndo)));
}

/// Two done directives of Đầm Hà, in the sample's order or swapped.
fn two_checked_off(swapped: bool) -> impl Fn(String) -> String {
    move |t: String| {
        let t = stamped("dh-khong-ma-tuy")(stamped("dh-thu-nhap-100-trieu")(t));
        if !swapped {
            return t;
        }
        crate::reorder::swap_first_two_dam_ha_directives(&t)
    }
}

/// The question holds the directive's id: the file rewritten with its directives reordered
/// while it is asked, yes un-checks that directive and changes no other.
#[test]
fn un_checking_after_a_reorder_acts_on_the_directive_asked_about() {
    let mut app = app(Lang::En, 120, 40);
    load(&mut app, sample_with(two_checked_off(false)).path());
    press(&mut app, &[Command::Open, Command::JumpTab(3)]);
    select_directive(&mut app, "Là địa phương không có ma túy.");
    press(&mut app, &[Command::Toggle]);
    assert!(matches!(app.overlay(), Some(Overlay::Confirm(_))));
    let reordered = sample_with(two_checked_off(true));
    let before: Vec<_> = catalog(&reordered).sessions[0]
        .all_directives()
        .cloned()
        .collect();
    load(&mut app, reordered.path());
    assert!(
        matches!(app.overlay(), Some(Overlay::Confirm(_))),
        "the same directive, moved: the question stays"
    );
    let request = confirm(&mut app);
    assert_eq!(request.directive_id, "dh-khong-ma-tuy");
    for d in &before {
        let now = directive_state(&app, &d.id);
        if d.id == "dh-khong-ma-tuy" {
            assert!(!now.done, "the directive asked about is un-checked");
        } else {
            assert_eq!(&now, d, "no other directive changed");
        }
    }
}

/// A reload that removes or rewrites the directive asked about closes the question with a
/// notice, in both languages, and changes nothing.
#[test]
fn a_reload_that_changes_the_directive_asked_about_closes_the_question() {
    let rewrites: [fn(String) -> String; 3] = [
        |t| {
            t.replace(
                "Là địa phương không có ma túy.",
                "Là địa phương sạch ma túy.",
            )
        },
        |t| t.replace("id = \"dh-khong-ma-tuy\"", "id = \"dh-sach-ma-tuy\""),
        |t| {
            t.replace(
                "id = \"dh-khong-ma-tuy\"\ndone = true",
                "id = \"dh-khong-ma-tuy\"\ndone = false",
            )
        },
    ];
    for (lang, words) in [
        (Lang::En, "the question is closed and nothing was changed."),
        (Lang::Vi, "đã đóng câu hỏi, không thay đổi gì."),
    ] {
        for rewrite in rewrites {
            let mut app = at_checked_off(lang);
            press(&mut app, &[Command::Toggle]);
            assert!(matches!(app.overlay(), Some(Overlay::Confirm(_))));
            let stamp = stamped("dh-khong-ma-tuy");
            let rewritten = sample_with(move |t| rewrite(stamp(t)));
            let before: Vec<_> = catalog(&rewritten).sessions[0]
                .all_directives()
                .cloned()
                .collect();
            load(&mut app, rewritten.path());
            assert!(app.overlay().is_none(), "the question is closed");
            assert!(matches!(app.notice(), Some(Notice::QuestionClosed)));
            let screen = screen_text(&draw(&app));
            assert!(screen.contains(words), "{screen}");
            assert_eq!(press_effect(&mut app, Command::Open), Effect::None);
            let after: Vec<_> = app.catalog().sessions[0]
                .all_directives()
                .cloned()
                .collect();
            assert_eq!(before, after, "nothing changed");
        }
    }
}

/// Space twice at once: the question is asked while the check-off is being saved; the save
/// confirming it (with who and when) keeps the question open, and yes un-checks.
#[test]
fn a_save_confirmed_while_the_question_is_open_keeps_it() {
    let mut app = at_hh_ma_tuy(Lang::En, 120, 40);
    let first = toggle(&mut app);
    assert_eq!(press_effect(&mut app, Command::Toggle), Effect::None);
    assert!(matches!(app.overlay(), Some(Overlay::Confirm(_))));
    app.update(Action::Saved {
        request: first,
        result: checked_off_by_lan(),
    });
    assert!(
        matches!(app.overlay(), Some(Overlay::Confirm(_))),
        "our own save changed nothing the question is about"
    );
    let request = confirm(&mut app);
    assert_eq!(
        (request.directive_id.as_str(), request.done),
        ("hh-ma-tuy", false)
    );
}

/// The notice that closes the question, whole at every size, in both languages.
#[test]
fn snapshot_the_question_closed_by_a_reload() {
    for lang in [Lang::Vi, Lang::En] {
        for (w, h) in [(60, 20), (80, 24), (120, 40)] {
            let mut app = at_checked_off(lang);
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            press(&mut app, &[Command::Toggle]);
            let stamp = stamped("dh-khong-ma-tuy");
            let rewritten =
                sample_with(move |t| stamp(t).replace("không có ma túy.", "sạch ma túy."));
            load(&mut app, rewritten.path());
            let screen = screen_text(&draw(&app));
            let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
            let notice = match lang {
                Lang::Vi => {
                    "Chỉ đạo đang hỏi đã thay đổi trong tệp: đã đóng câu hỏi, không thay đổi gì."
                }
                Lang::En => {
                    "The directive asked about changed in its file: the question is closed and nothing was changed."
                }
            };
            assert!(flat.contains(notice), "{screen}");
            assert_snapshot!(format!("question_closed_{lang:?}_{w}x{h}"), screen);
        }
    }
}
