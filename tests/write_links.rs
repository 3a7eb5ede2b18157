//! Links cannot redirect or split a check-off: a planted `.briefing.lock` symlink is not
//! followed, a hard-linked file is never split silently, and a symlinked folder of another user
//! cannot lead root to a file that user does not own (issue #8, "What must hold" 3 and 5).

mod common;

use std::fs;
use std::os::unix::fs::{MetadataExt, symlink};

use common::user::other_user;
use common::{
    assert_refused, briefing_text, done_state, file_state, ids, mkdir, read, read_text, run,
    shared_tempdir, stderr_of, stray_files, write_file,
};

#[test]
fn a_planted_lock_file_symlink_is_not_followed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (w, elsewhere) = (tmp.path().join("W"), tmp.path().join("elsewhere"));
    fs::create_dir_all(w.join("2024")).expect("mkdir");
    fs::create_dir(&elsewhere).expect("mkdir");
    let file = w.join("2024/s.toml");
    write_file(&file, briefing_text(&ids(1), 0).as_bytes(), 0o644);
    // In the briefing root (the old lock's place) and in the session's folder.
    let planted = [
        (w.join(".briefing.lock"), elsewhere.join("made-by-root")),
        (
            w.join("2024/.briefing.lock"),
            elsewhere.join("made-in-folder"),
        ),
    ];
    for (link, target) in &planted {
        symlink(target, link).expect("plant the symlink");
    }
    let o = run(&w, "en", &["done", "2024/s", "d0"]);
    common::succeeded(&o);
    assert_eq!(done_state(&read(&file), "d0"), Some(true));
    for (link, target) in &planted {
        assert!(
            !target.exists(),
            "root created {} through the planted {}",
            target.display(),
            link.display()
        );
        assert!(
            fs::symlink_metadata(link)
                .expect("still there")
                .file_type()
                .is_symlink()
        );
    }
}

#[test]
fn a_hard_linked_file_is_never_split_silently() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let w = tmp.path().join("W");
    fs::create_dir_all(w.join("2024")).expect("mkdir");
    let file = w.join("2024/s.toml");
    let other = tmp.path().join("other-name.toml");
    write_file(&file, briefing_text(&ids(1), 0).as_bytes(), 0o644);
    fs::hard_link(&file, &other).expect("hard link");
    let before = file_state(&file);
    for (lang, word) in [("en", "link"), ("vi", "liên kết")] {
        let o = run(&w, lang, &["done", "2024/s", "d0"]);
        assert_eq!(
            read_text(&file),
            read_text(&other),
            "both names must see the same text ({lang}): {}",
            stderr_of(&o)
        );
        if o.status.success() {
            assert_eq!(done_state(&read(&other), "d0"), Some(true));
            assert_eq!(
                fs::metadata(&file).expect("stat").ino(),
                fs::metadata(&other).expect("stat").ino()
            );
            return;
        }
        assert_refused(&o, &[word, "link"], "hard-linked file");
        assert_eq!(file_state(&file), before, "a refusal leaves the file alone");
        assert!(stray_files(&w.join("2024")).is_empty());
    }
}

/// `W/2024` is the user's symlink to a root-only folder: root must not write through it.
#[test]
fn a_users_symlinked_folder_cannot_lead_root_to_a_file_the_user_does_not_own() {
    let Some(user) = other_user() else { return };
    let tmp = shared_tempdir();
    let (w, secret) = (tmp.path().join("W"), tmp.path().join("secret"));
    mkdir(&w, 0o755);
    user.own(&w);
    mkdir(&secret, 0o700);
    let target = secret.join("s.toml");
    write_file(&target, briefing_text(&ids(1), 0).as_bytes(), 0o644);
    symlink(&secret, w.join("2024")).expect("symlink");
    user.own(&w.join("2024"));
    let before = file_state(&target);
    let o = run(&w, "en", &["done", "2024/s", "d0"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "root wrote through the user's link"
    );
    assert!(!stderr_of(&o).trim().is_empty());
    assert_eq!(file_state(&target), before);
    assert!(
        stray_files(&secret).is_empty(),
        "{:?}",
        stray_files(&secret)
    );
}

/// The same link to a folder the user owns is an ordinary set-up and keeps working.
#[test]
fn a_users_symlinked_folder_to_their_own_folder_still_works_for_root() {
    let Some(user) = other_user() else { return };
    let tmp = shared_tempdir();
    let (w, data) = (tmp.path().join("W"), tmp.path().join("data"));
    mkdir(&w, 0o755);
    mkdir(&data, 0o755);
    let target = data.join("s.toml");
    write_file(&target, briefing_text(&ids(1), 0).as_bytes(), 0o644);
    symlink(&data, w.join("2024")).expect("symlink");
    for p in [&w, &data, &target, &w.join("2024")] {
        user.own(p);
    }
    let o = run(&w, "en", &["done", "2024/s", "d0"]);
    common::succeeded(&o);
    assert_eq!(done_state(&read(&target), "d0"), Some(true));
    assert_eq!(file_state(&target).uid, user.uid, "the owner is kept");
}
