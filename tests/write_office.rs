//! The whole office on one server (issue 21): staff in one Unix group share a set-group-id
//! folder, and each may check off what the others wrote — exactly where they could have saved
//! the file with an editor — without changing its owner, group, mode, inode, ACL or flags, and
//! without a permission change made meanwhile being undone.
//!
//! The users (`bfow_lan`, `bfow_binh` in group `bfow_canbo`, `bfow_an` outside it) are created
//! when missing; the cases need root to switch to them and skip with a notice otherwise (and
//! fail under `CI=true`).

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use briefing::api::store::write::{CONTENT_LOCK_BYTE, Change, RESCUE_SUFFIX};
use common::rng::Rng;
use common::user::{Office, TestUser, office};
use common::{
    FileState, Layout, assert_refused, briefing_text, chmod, chown, done_state, file_state,
    have_tool, ids, mkdir, read, read_text, run, session_of, shared_tempdir, skip, stderr_of,
    stray_files, succeeded_as, wait_for, write_file,
};

const SESSION: &str = "2024/s";

/// `tmp/W/2024/s.toml`: `W` root's, `2024` root:bfow_canbo 2775, the file lan's, group
/// bfow_canbo, mode 0664.
fn shared(o: &Office) -> Layout {
    let s = common::layout(3, 0o664);
    chown(&s.folder, 0, o.gid);
    chmod(&s.folder, 0o2775);
    chown(&s.file, o.lan.uid, o.gid);
    s
}

/// The facts a colleague's check-off must keep: owner, group, mode, inode, extended attributes.
fn kept(
    s: &FileState,
) -> (
    u32,
    u32,
    u32,
    u64,
    &std::collections::BTreeMap<String, Vec<u8>>,
) {
    (s.uid, s.gid, s.mode, s.ino, &s.xattrs)
}

/// Gives `user` read and write on the file by an ACL entry, and on its folder (where a check-off
/// makes its recovery copy, as an editor its backup); `false` (after a visible notice) without
/// `setfacl`.
fn acl_grant(file: &Path, user: &TestUser) -> bool {
    if !have_tool("setfacl") {
        skip("`setfacl` is missing (install the `acl` package): the ACL cases did not run");
        return false;
    }
    let folder = file.parent().expect("a folder");
    for (path, rights) in [(file, "rw-"), (folder, "rwx")] {
        let o = Command::new("setfacl")
            .args(["-m", &format!("u:{}:{rights}", user.uid)])
            .arg(path)
            .output()
            .expect("run setfacl");
        assert!(o.status.success(), "setfacl: {}", stderr_of(&o));
    }
    true
}

#[test]
fn a_colleagues_check_off_keeps_owner_group_mode_inode_and_acl() {
    let Some(o) = office() else { return };
    let s = shared(o);
    let with_acl = acl_grant(&s.file, &o.an);
    let before = file_state(&s.file);
    assert_eq!((before.uid, before.gid), (o.lan.uid, o.gid));

    for (lang, user, id) in [("en", &o.binh, "d0"), ("vi", &o.binh, "d1")] {
        succeeded_as(&user.run(&s.w, lang, &["done", SESSION, id]), "binh, group");
        let after = file_state(&s.file);
        assert_eq!(kept(&after), kept(&before), "binh's check-off of {id}");
        assert_eq!(done_state(after.bytes.as_bytes(), id), Some(true));
    }
    if with_acl {
        succeeded_as(&o.an.run(&s.w, "en", &["done", SESSION, "d2"]), "an, ACL");
        let after = file_state(&s.file);
        assert_eq!(
            kept(&after),
            kept(&before),
            "an's check-off through the ACL"
        );
        assert_eq!(done_state(after.bytes.as_bytes(), "d2"), Some(true));
    }
    // The creator may still check off after colleagues did.
    succeeded_as(&o.lan.run(&s.w, "en", &["undo", SESSION, "d0"]), "lan");
    let after = file_state(&s.file);
    let same_owner = (after.uid, after.gid, after.mode, &after.xattrs);
    assert_eq!(
        same_owner,
        (before.uid, before.gid, before.mode, &before.xattrs)
    );
    assert_eq!(done_state(after.bytes.as_bytes(), "d0"), Some(false));
    assert!(
        stray_files(&s.folder).is_empty(),
        "{:?}",
        stray_files(&s.folder)
    );
}

#[test]
fn someone_who_may_not_write_is_refused_and_cannot_hold_up_those_who_may() {
    let Some(o) = office() else { return };
    let s = shared(o);
    let before = file_state(&s.file);
    for (lang, word) in [("en", "permission"), ("vi", "quyền")] {
        let out = o.an.run(&s.w, lang, &["done", SESSION, "d0"]);
        assert_refused(&out, &[word], "an is outside the group");
        assert_eq!(file_state(&s.file), before);
    }
    if !have_tool("flock") {
        skip("`flock` (util-linux) is missing: the reader's lock case did not run");
        return;
    }
    // an may read the file, so may `flock -s` it, for as long as they like.
    let mut reader =
        o.an.command("flock")
            .args(["-s"])
            .arg(&s.file)
            .args(["sleep", "30"])
            .spawn()
            .expect("flock -s as an");
    wait_for("an's flock", Duration::from_secs(5), || {
        fs::read_to_string("/proc/locks").is_ok_and(|l| {
            l.lines()
                .any(|l| l.contains("FLOCK") && l.ends_with(&format!(":{} 0 EOF", before.ino)))
        })
    });
    let out = o.binh.run(&s.w, "en", &["done", SESSION, "d0"]);
    let _ = reader.kill();
    let _ = reader.wait();
    succeeded_as(&out, "binh while an holds a shared flock");
    assert_eq!(done_state(&read(&s.file), "d0"), Some(true));
}

/// A check-off of `id` as `user`, started while the test holds a reader's `fcntl` lock on the
/// file, which it waits for.
fn waiting_check_off(file: &Path, w: &Path, user: &TestUser, id: &str) -> (Child, fs::File) {
    let reader = fs::File::open(file).expect("open for reading");
    common::ofd_lock(&reader, libc::F_RDLCK).expect("a reader's lock");
    let child = user
        .command(common::BIN)
        .arg("--dir")
        .arg(w)
        .args(["--lang", "en", "done", SESSION, id])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the check-off");
    let ino = fs::metadata(file).expect("stat").ino();
    let pid = child.id();
    wait_for(
        "the check-off to open the file",
        Duration::from_secs(5),
        || has_open(pid, ino),
    );
    (child, reader)
}

fn has_open(pid: u32, ino: u64) -> bool {
    let Ok(fds) = fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    fds.flatten()
        .any(|fd| fs::metadata(fd.path()).is_ok_and(|m| m.ino() == ino))
}

#[test]
fn chmod_chown_and_ln_made_while_a_check_off_waits_are_never_undone() {
    let Some(o) = office() else { return };
    // The owner's chmod 600 while their own check-off waits: the file stays private.
    let s = shared(o);
    let (child, reader) = waiting_check_off(&s.file, &s.w, &o.lan, "d0");
    chmod(&s.file, 0o600);
    drop(reader);
    succeeded_as(&child.wait_with_output().expect("wait"), "lan after chmod");
    let after = file_state(&s.file);
    assert_eq!(
        after.mode, 0o600,
        "the chmod made during the wait was undone"
    );
    assert_eq!(done_state(after.bytes.as_bytes(), "d0"), Some(true));

    // Root gives the file to binh while lan's check-off waits: it stays binh's.
    let s = shared(o);
    let (child, reader) = waiting_check_off(&s.file, &s.w, &o.lan, "d0");
    chown(&s.file, o.binh.uid, o.gid);
    drop(reader);
    succeeded_as(&child.wait_with_output().expect("wait"), "lan after chown");
    let after = file_state(&s.file);
    assert_eq!(
        after.uid, o.binh.uid,
        "the chown made during the wait was undone"
    );
    assert_eq!(done_state(after.bytes.as_bytes(), "d0"), Some(true));

    // A hard link made during the wait sees the check-off.
    let s = shared(o);
    let other = s.folder.join("other-name.toml.bak");
    let (child, reader) = waiting_check_off(&s.file, &s.w, &o.lan, "d0");
    fs::hard_link(&s.file, &other).expect("ln");
    drop(reader);
    let out = child.wait_with_output().expect("wait");
    assert_eq!(read_text(&s.file), read_text(&other), "{}", stderr_of(&out));
    succeeded_as(&out, "lan after ln");
    assert_eq!(file_state(&s.file).ino, file_state(&other).ino, "split");
    assert_eq!(done_state(&read(&other), "d0"), Some(true));

    // The owner takes write away from the group during binh's wait: binh is refused.
    let s = shared(o);
    let before = read_text(&s.file);
    let (child, reader) = waiting_check_off(&s.file, &s.w, &o.binh, "d0");
    chmod(&s.file, 0o644);
    drop(reader);
    let out = child.wait_with_output().expect("wait");
    assert_refused(&out, &["permission"], "binh after the group lost write");
    assert_eq!(read_text(&s.file), before);
    assert_eq!(file_state(&s.file).mode, 0o644);
}

#[test]
fn set_id_bits_are_kept_or_the_write_is_refused_saying_why() {
    let Some(o) = office() else { return };
    for mode in [0o6775, 0o2775, 0o4764] {
        let s = shared(o);
        chmod(&s.file, mode);
        succeeded_as(
            &o.lan.run(&s.w, "en", &["done", SESSION, "d0"]),
            "the owner",
        );
        assert_eq!(
            file_state(&s.file).mode,
            mode,
            "the owner's check-off, {mode:o}"
        );
        succeeded_as(&run(&s.w, "en", &["done", SESSION, "d1"]), "root");
        assert_eq!(file_state(&s.file).mode, mode, "root's check-off, {mode:o}");
        // A colleague's write would make the kernel clear them, and only the owner may set
        // them again: refused, saying so.
        let before = file_state(&s.file);
        for (lang, word) in [("en", "permissions"), ("vi", "quyền truy cập")] {
            let out = o.binh.run(&s.w, lang, &["done", SESSION, "d2"]);
            assert_refused(&out, &[word], "binh on a set-id file");
            assert!(
                stderr_of(&out).contains(&format!("{mode:o}")),
                "{}",
                stderr_of(&out)
            );
            assert_eq!(file_state(&s.file), before);
        }
    }
}

fn chattr(file: &Path, flags: &str) -> bool {
    Command::new("chattr")
        .arg(flags)
        .arg(file)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn lsattr(file: &Path) -> String {
    let o = Command::new("lsattr").arg(file).output().expect("lsattr");
    String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn chattr_flags_are_kept_and_immutable_or_append_only_files_are_refused_by_name() {
    let Some(o) = office() else { return };
    let s = shared(o);
    if !chattr(&s.file, "+dA") {
        skip(
            "`chattr +dA` does not work here (e2fsprogs missing, or the file system has no flags)",
        );
        return;
    }
    let flags = lsattr(&s.file);
    assert!(flags.contains('d') && flags.contains('A'), "{flags}");
    succeeded_as(
        &o.lan.run(&s.w, "en", &["done", SESSION, "d0"]),
        "the owner",
    );
    assert_eq!(lsattr(&s.file), flags, "the owner's check-off");
    succeeded_as(
        &o.binh.run(&s.w, "en", &["done", SESSION, "d1"]),
        "a colleague",
    );
    assert_eq!(lsattr(&s.file), flags, "a colleague's check-off");

    for (flag, words) in [
        ("+i", [("en", "immutable"), ("vi", "bất biến")]),
        ("+a", [("en", "append-only"), ("vi", "ghi thêm")]),
    ] {
        assert!(chattr(&s.file, flag), "chattr {flag}");
        let before = read_text(&s.file);
        for (lang, word) in words {
            for user in [None, Some(&o.lan)] {
                let out = match user {
                    Some(u) => u.run(&s.w, lang, &["done", SESSION, "d2"]),
                    None => run(&s.w, lang, &["done", SESSION, "d2"]),
                };
                assert_refused(&out, &[word], flag);
                assert!(stderr_of(&out).contains(&format!("chattr {flag}")));
            }
        }
        assert_eq!(read_text(&s.file), before);
        assert!(chattr(&s.file, &flag.replace('+', "-")), "chattr -{flag}");
    }
}

/// Root's `done` through a user's link to a FIFO never opens it: a writer blocked on the FIFO
/// stays blocked. The same for `show` and `check`, and for a link to a FIFO of root's.
#[test]
fn no_command_opens_a_fifo_a_users_link_leads_to() {
    let Some(o) = office() else { return };
    let tmp = shared_tempdir();
    let w = tmp.path().join("W");
    let private = tmp.path().join("private");
    mkdir(&w, 0o755);
    mkdir(&private, 0o700);
    let folder = w.join("2024");
    mkdir(&folder, 0o755);
    chown(&folder, o.binh.uid, o.binh.gid);
    let theirs = folder.join("fifo");
    let roots = private.join("fifo");
    for (fifo, owner) in [(&theirs, o.binh.uid), (&roots, 0)] {
        let made = Command::new("mkfifo").arg(fifo).status().expect("mkfifo");
        assert!(made.success());
        chown(fifo, owner, 0);
    }
    for target in [&theirs, &roots] {
        let link = folder.join("s.toml");
        let _ = fs::remove_file(&link);
        std::os::unix::fs::symlink(target, &link).expect("ln -s");
        std::os::unix::fs::lchown(&link, Some(o.binh.uid), Some(o.binh.gid)).expect("lchown");
        // A writer blocked until someone opens the FIFO for reading.
        let mut writer = Command::new("sh")
            .arg("-c")
            .arg("echo x > \"$1\"")
            .arg("sh")
            .arg(target)
            .spawn()
            .expect("a writer on the FIFO");
        for args in [&["done", SESSION, "d0"][..], &["show", SESSION], &["check"]] {
            let out = run(&w, "en", args);
            assert!(!out.status.success(), "{args:?} on a FIFO succeeded");
            sleep(Duration::from_millis(20));
            assert!(
                writer.try_wait().expect("poll the writer").is_none(),
                "`briefing {}` opened the FIFO {}",
                args.join(" "),
                target.display()
            );
        }
        let _ = writer.kill();
        let _ = writer.wait();
    }
}

/// `now` is `old`, or `old` with `verb` applied to `id` (the stamp read back from `now`).
fn is_old_or_new(old: &str, now: &str, id: &str, verb: &str) -> bool {
    if now == old {
        return true;
    }
    let change = if verb == "undo" {
        Change::Undone
    } else {
        let Ok(session) = std::panic::catch_unwind(|| session_of(now.as_bytes())) else {
            return false;
        };
        let Some(d) = session.directives.iter().find(|d| d.id == id) else {
            return false;
        };
        match (d.more.done_at, &d.more.done_by) {
            (Some(at), Some(by)) => Change::Done {
                at,
                by: by.to_string(),
            },
            _ => return false,
        }
    };
    common::edited(old, id, &change).is_ok_and(|(new, _)| new == now)
}

/// A toggle of `id` as `user`, to the end; the time it took.
fn complete(user: &TestUser, w: &Path, file: &Path, id: &str) -> Duration {
    let verb = verb_for(file, id);
    let began = Instant::now();
    let out = user.run(w, "en", &[verb, SESSION, id]);
    succeeded_as(&out, "a complete check-off");
    assert_eq!(
        done_state(&read(file), id),
        Some(verb == "done"),
        "a reported check-off is in the file"
    );
    began.elapsed()
}

fn verb_for(file: &Path, id: &str) -> &'static str {
    match done_state(&read(file), id) {
        Some(true) => "undo",
        _ => "done",
    }
}

const KILLS: usize = 300;
/// An editor's save (in place, as `cat >` or vim without a backup) after every this many kills.
const EDIT_EVERY: usize = 7;
/// A complete check-off after every this many kills.
const COMPLETE_EVERY: usize = 10;

/// A colleague's in-place check-off killed at a random moment (seeded): the file a reader sees
/// is always the whole old or new text, and once the next run has recovered it, the file too;
/// no editor's save and no reported check-off is lost, and no recovery copy stays.
#[test]
fn a_colleagues_in_place_check_off_killed_at_any_moment_leaves_a_whole_version() {
    let Some(o) = office() else { return };
    let s = shared(o);
    let rescue = s.folder.join(format!(".s.toml{RESCUE_SUFFIX}"));
    let ino = file_state(&s.file).ino;
    let mut rng = Rng::new(0x2026_1207);
    let mut window = complete(&o.binh, &s.w, &s.file, "d0") * 5 / 4;
    let mut markers: Vec<String> = Vec::new();
    let (mut before, mut after, mut half) = (0, 0, 0);
    for n in 0..KILLS {
        let old = read_text(&s.file);
        let id = format!("d{}", n % 3);
        let verb = verb_for(&s.file, &id);
        let mut child = o
            .binh
            .command(common::BIN)
            .arg("--dir")
            .arg(&s.w)
            .args(["--lang", "en", verb, SESSION, &id])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the check-off");
        sleep(rng.within(window));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");

        let seen = seen_by_a_reader(&s.w);
        assert!(
            is_old_or_new(&old, &seen, &id, verb),
            "kill {n}: a reader saw neither the old nor the new text:\n{seen}"
        );
        let raw = read_text(&s.file);
        if raw != seen {
            half += 1;
            assert!(
                rescue.exists(),
                "kill {n}: half-written without a recovery copy"
            );
            assert_eq!(
                seen, old,
                "kill {n}: a reader of a half-written file sees the old text"
            );
            // The next run puts the old text back, then makes its own change.
            let next = o.binh.run(&s.w, "en", &[verb, SESSION, &id]);
            succeeded_as(&next, "the run after a half-written file");
            let now = read_text(&s.file);
            assert!(
                now != old && is_old_or_new(&old, &now, &id, verb),
                "kill {n}: not recovered:\n{now}"
            );
        } else if raw == old {
            before += 1;
        } else {
            after += 1;
        }
        assert_eq!(file_state(&s.file).ino, ino, "kill {n}: the inode changed");
        if n % EDIT_EVERY == EDIT_EVERY - 1 {
            let marker = format!("# an editor's note {n}\n");
            let text = seen_by_a_reader(&s.w) + &marker;
            fs::write(&s.file, text).expect("an editor's save in place");
            markers.push(marker);
        }
        if n % COMPLETE_EVERY == COMPLETE_EVERY - 1 {
            window = complete(&o.binh, &s.w, &s.file, &id) * 5 / 4;
            assert!(
                !rescue.exists(),
                "after kill {n} and a complete write, a copy stays"
            );
            let text = read_text(&s.file);
            for m in &markers {
                assert!(
                    text.contains(m.as_str()),
                    "kill {n}: the editor's save {m} was lost"
                );
            }
        }
    }
    eprintln!("{KILLS} kills: {before} before the rewrite, {after} after, {half} half-way");
    assert!(before > 0 && after > 0, "the kills hit both sides");
    let state = file_state(&s.file);
    assert_eq!(
        (state.uid, state.gid, state.mode),
        (o.lan.uid, o.gid, 0o664)
    );
}

/// The file's text as the viewer's loader takes it.
fn seen_by_a_reader(w: &Path) -> String {
    let file = w.join(format!("{SESSION}.toml"));
    let bytes = briefing::api::store::read_as_loaded(&file).expect("the loader reads it");
    String::from_utf8(bytes).expect("utf-8")
}

/// A recovery copy as a rewrite writes it: device, inode, the text before and the new text.
fn plant_rescue(file: &Path, old: &str, new: &str) -> PathBuf {
    let meta = fs::metadata(file).expect("stat");
    let copy = file.with_file_name(format!(".s.toml{RESCUE_SUFFIX}"));
    let header = format!(
        "briefing-rescue 1 {} {} {} {}\n",
        meta.dev(),
        meta.ino(),
        old.len(),
        new.len()
    );
    fs::write(&copy, header + old + new).expect("write the copy");
    copy
}

/// A rewrite stopped half-way (a power cut between the write and the cut to length, or a
/// large file's write killed part-way): readers see the text before, and the next run puts it
/// back before making its own change. A copy about another file, or older than an editor's
/// save, is removed without touching the file.
#[test]
fn a_half_written_file_is_read_as_before_and_put_back_by_the_next_run() {
    let Some(o) = office() else { return };
    let s = shared(o);
    let old = read_text(&s.file);
    let stamp = Change::Done {
        at: chrono::DateTime::parse_from_rfc3339("2026-12-07T09:00:00+07:00").expect("date"),
        by: "bfow_binh".into(),
    };
    let (new, _) = common::edited(&old, "d0", &stamp).expect("the edit");
    // The new text written up to a few bytes past the first difference.
    let differ = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let mut half = new.as_bytes()[..differ + 8].to_vec();
    half.extend_from_slice(&old.as_bytes()[differ + 8..]);
    assert!(half != old.as_bytes() && half != new.as_bytes());
    fs::write(&s.file, &half).expect("half-written, in place");
    let copy = plant_rescue(&s.file, &old, &new);

    assert_eq!(
        seen_by_a_reader(&s.w),
        old,
        "a reader takes the text before"
    );
    let check = run(&s.w, "en", &["check"]);
    common::succeeded(&check);
    succeeded_as(
        &o.binh.run(&s.w, "en", &["done", SESSION, "d1"]),
        "the next run",
    );
    let now = read_text(&s.file);
    assert_eq!(
        done_state(now.as_bytes(), "d0"),
        Some(false),
        "put back:\n{now}"
    );
    assert_eq!(done_state(now.as_bytes(), "d1"), Some(true));
    assert!(!copy.exists(), "the copy is removed once used");

    // An editor saved after the crash: their save stays, the old copy goes.
    let saved = read_text(&s.file) + "# lan's note\n";
    let copy = plant_rescue(&s.file, &old, &new);
    fs::write(&s.file, &saved).expect("an editor's save");
    assert_eq!(seen_by_a_reader(&s.w), saved);
    succeeded_as(
        &o.binh.run(&s.w, "en", &["done", SESSION, "d2"]),
        "after the save",
    );
    assert!(
        read_text(&s.file).contains("# lan's note"),
        "the editor's save was lost"
    );
    assert!(!copy.exists());
    assert!(
        stray_files(&s.folder).is_empty(),
        "{:?}",
        stray_files(&s.folder)
    );
}

/// While colleagues check off in place, the loader's reads only ever see whole versions: each
/// text read is one the file held between two check-offs.
#[test]
fn the_loader_never_reads_a_file_being_rewritten_in_place() {
    use std::collections::HashSet;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    let Some(o) = office() else { return };
    let s = shared(o);
    // Many pages, all moved by a check-off near the top: a read during the rewrite would mix.
    write_file(&s.file, briefing_text(&ids(3), 200).as_bytes(), 0o664);
    chown(&s.file, o.lan.uid, o.gid);
    let versions = Arc::new(Mutex::new(HashSet::from([read_text(&s.file)])));
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (file, stop) = (s.file.clone(), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut seen = HashSet::new();
            while !stop.load(Ordering::Acquire) {
                let bytes = briefing::api::store::read_as_loaded(&file).expect("read");
                seen.insert(String::from_utf8(bytes).expect("utf-8"));
            }
            seen
        })
    };
    for n in 0..30 {
        let id = format!("d{}", n % 3);
        let verb = verb_for(&s.file, &id);
        succeeded_as(&o.binh.run(&s.w, "en", &[verb, SESSION, &id]), "binh");
        versions
            .lock()
            .expect("versions")
            .insert(read_text(&s.file));
    }
    stop.store(true, Ordering::Release);
    let seen = reader.join().expect("reader");
    let versions = versions.lock().expect("versions");
    let torn: Vec<&String> = seen.iter().filter(|t| !versions.contains(*t)).collect();
    assert!(
        torn.is_empty(),
        "the loader read a text the file never held: {torn:?}"
    );
    assert!(seen.len() > 1, "the reader saw the check-offs");
    assert_eq!(file_state(&s.file).uid, o.lan.uid, "written in place");
}

/// A loader in the middle of a read holds the content lock: an in-place rewrite waits for it
/// (its recovery copy made, the file untouched), then goes on.
#[test]
fn an_in_place_rewrite_waits_for_a_read_under_way() {
    let Some(o) = office() else { return };
    let s = shared(o);
    let old = read_text(&s.file);
    let rescue = s.folder.join(format!(".s.toml{RESCUE_SUFFIX}"));
    let reading = fs::File::open(&s.file).expect("open");
    common::ofd_lock_byte(&reading, libc::F_RDLCK, CONTENT_LOCK_BYTE).expect("a reader's lock");
    let child = o
        .binh
        .command(common::BIN)
        .arg("--dir")
        .arg(&s.w)
        .args(["--lang", "en", "done", SESSION, "d0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the check-off");
    wait_for(
        "the rewrite to wait for the reader",
        Duration::from_secs(5),
        || rescue.exists(),
    );
    assert_eq!(
        read_text(&s.file),
        old,
        "rewritten while a read was under way"
    );
    drop(reading);
    succeeded_as(&child.wait_with_output().expect("wait"), "after the read");
    assert_eq!(done_state(&read(&s.file), "d0"), Some(true));
    assert!(!rescue.exists());
}
