//! A check-off succeeds only where the person could have saved the file with an editor, and
//! keeps owner, group, mode, ACLs and extended attributes (issue #8, "What must hold" 2).
//!
//! CI runs as root, which ignores permission bits: the ordinary-user cases run the binary through
//! `setpriv` as the unprivileged user of `common::user` (skipped with a notice when not root).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::user::{TestUser, other_user};
use common::{
    FileState, Layout, assert_refused, chown, done_state, file_state, have_tool, kept_metadata,
    names_folder, read, run, set_xattr, skip, stderr_of, stray_files, succeeded_as,
};

const SESSION: &str = "2024/s";

/// The layout of these cases: two directives, the file of `mode`.
fn layout(mode: u32) -> Layout {
    common::layout(2, mode)
}

/// Checks that a refused write left the file exactly as it was, with no stray file.
fn assert_untouched(l: &Layout, before: &FileState, o: &Output) {
    assert_eq!(
        &file_state(&l.file),
        before,
        "a refused write must leave the file alone; stderr: {}",
        stderr_of(o)
    );
    assert!(
        stray_files(&l.folder).is_empty(),
        "{:?}",
        stray_files(&l.folder)
    );
}

#[test]
fn a_read_only_file_is_refused_even_for_root_and_left_unchanged() {
    let l = layout(0o444);
    let before = file_state(&l.file);
    let o = run(&l.w, "en", &["done", SESSION, "d0"]);
    assert_refused(&o, &["read-only", "read only"], "0444 file, en");
    assert_untouched(&l, &before, &o);
    let o = run(&l.w, "vi", &["done", SESSION, "d0"]);
    assert_refused(&o, &["chỉ đọc"], "0444 file, vi");
    assert_untouched(&l, &before, &o);
}

#[test]
fn a_read_only_file_is_refused_for_its_owner_in_their_own_folder() {
    let Some(user) = other_user() else { return };
    let l = layout(0o444);
    for p in [&l.w, &l.folder, &l.file] {
        user.own(p);
    }
    let before = file_state(&l.file);
    let o = user.run(&l.w, "en", &["done", SESSION, "d0"]);
    assert_refused(&o, &["read-only", "read only"], "own 0444 file");
    assert_untouched(&l, &before, &o);
}

#[test]
fn a_root_owned_file_in_a_users_folder_is_refused_and_stays_roots() {
    let Some(user) = other_user() else { return };
    let l = layout(0o644);
    user.own(&l.w);
    user.own(&l.folder);
    let before = file_state(&l.file);
    assert_eq!(before.uid, 0);
    let o = user.run(&l.w, "en", &["done", SESSION, "d0"]);
    assert_refused(&o, &["permission"], "root's file, en");
    assert_untouched(&l, &before, &o);
    let o = user.run(&l.w, "vi", &["undo", SESSION, "d0"]);
    assert_refused(&o, &["quyền"], "root's file, vi");
    assert_untouched(&l, &before, &o);
}

#[test]
fn a_users_file_in_a_folder_they_cannot_write_is_refused_naming_the_folder() {
    let Some(user) = other_user() else { return };
    let l = layout(0o644);
    user.own(&l.w);
    user.own(&l.file);
    let before = file_state(&l.file);
    for (lang, word) in [("en", "folder"), ("vi", "thư mục")] {
        let o = user.run(&l.w, lang, &["done", SESSION, "d0"]);
        assert_refused(&o, &[word], "folder of root");
        assert!(
            names_folder(&stderr_of(&o), &l.folder),
            "the message names the folder {}: {}",
            l.folder.display(),
            stderr_of(&o)
        );
        assert_untouched(&l, &before, &o);
    }
}

/// The briefing root belongs to root, the session's own folder and file to the user: an editor
/// could save the file, so the check-off must not fail for want of a lock file in the root.
#[test]
fn a_read_only_briefing_root_does_not_block_a_writable_session_folder() {
    let Some(user) = other_user() else { return };
    let l = layout(0o644);
    user.own(&l.folder);
    user.own(&l.file);
    let o = user.run(&l.w, "en", &["done", SESSION, "d0"]);
    succeeded_as(&o, "the session folder is the user's");
    assert_eq!(done_state(&read(&l.file), "d0"), Some(true));
    assert_eq!(file_state(&l.file).uid, user.uid);
}

/// A user.* attribute, and an ACL whose mask grants the named user write (the group bits of the
/// mode show the mask, not the owning group).
fn decorate(file: &Path) -> bool {
    if !have_tool("setfacl") {
        skip("`setfacl` is missing: install the `acl` package");
        return false;
    }
    set_xattr(file, "user.briefing-test", b"kept \xff bytes");
    let o = Command::new("setfacl")
        .args(["-m", "u:4242:rw-,g::r--,m::rw-"])
        .arg(file)
        .output()
        .expect("run setfacl");
    assert!(o.status.success(), "setfacl: {}", stderr_of(&o));
    true
}

/// `getfacl` of the file without its name, to show an ACL difference readably.
fn acl_text(file: &Path) -> String {
    let o = Command::new("getfacl")
        .args(["-n", "--omit-header"])
        .arg(file)
        .output()
        .expect("run getfacl");
    assert!(o.status.success(), "getfacl: {}", stderr_of(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn assert_metadata_kept(file: &Path, before: &FileState, acl_before: &str) {
    let after = file_state(file);
    assert_eq!(acl_text(file), acl_before, "the ACL is kept");
    assert_eq!(
        kept_metadata(&after),
        kept_metadata(before),
        "owner, group, mode and extended attributes are kept"
    );
    assert_eq!(done_state(after.bytes.as_bytes(), "d0"), Some(true));
}

#[test]
fn acl_and_xattrs_are_kept_by_a_check_off() {
    let l = layout(0o640);
    if !decorate(&l.file) {
        return;
    }
    let (before, acl) = (file_state(&l.file), acl_text(&l.file));
    assert!(before.xattrs.contains_key("system.posix_acl_access"));
    assert_eq!(before.mode, 0o660, "the mask shows as the group bits");
    succeeded_as(&run(&l.w, "en", &["done", SESSION, "d0"]), "ACL file");
    assert_metadata_kept(&l.file, &before, &acl);
}

#[test]
fn acl_and_xattrs_are_kept_by_the_owners_check_off() {
    let Some(user) = other_user() else { return };
    let l = layout(0o640);
    for p in [&l.w, &l.folder, &l.file] {
        user.own(p);
    }
    if !decorate(&l.file) {
        return;
    }
    let (before, acl) = (file_state(&l.file), acl_text(&l.file));
    succeeded_as(
        &user.run(&l.w, "en", &["done", SESSION, "d0"]),
        "owner's ACL file",
    );
    assert_metadata_kept(&l.file, &before, &acl);
}

#[test]
fn group_and_mode_are_kept_by_a_root_check_off() {
    let l = layout(0o640);
    if common::is_root() {
        chown(&l.file, 0, 4243);
    }
    let before = file_state(&l.file);
    succeeded_as(&run(&l.w, "en", &["done", SESSION, "d0"]), "0640 file");
    let after = file_state(&l.file);
    assert_eq!(kept_metadata(&after), kept_metadata(&before));
}

#[test]
fn owner_group_and_mode_are_kept_by_the_owners_check_off() {
    let Some(user) = other_user() else { return };
    let l = layout(0o604);
    for p in [&l.w, &l.folder, &l.file] {
        user.own(p);
    }
    check_off_as(user, &l);
}

fn check_off_as(user: &TestUser, l: &Layout) {
    let before = file_state(&l.file);
    succeeded_as(&user.run(&l.w, "en", &["done", SESSION, "d0"]), "0604 file");
    let after = file_state(&l.file);
    assert_eq!(kept_metadata(&after), kept_metadata(&before));
    assert_eq!(after.uid, user.uid);
}
