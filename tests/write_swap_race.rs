//! No race through names: an unprivileged attacker who owns the briefing folder swaps its
//! session folder with a symlink to a root-only folder while root checks directives off; no
//! root-owned file outside the attacker's reach is ever touched (issue #8, "What must hold" 3).

#![allow(
    unsafe_code,
    reason = "the attacker is a forked process, made and reaped with libc"
)]

mod common;

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::time::Duration;

use common::user::{TestUser, other_user};
use common::{
    briefing_text, file_state, hidden_names, ids, mkdir, run, session_of, shared_tempdir,
    stderr_of, wait_for, write_file,
};

const TRIES: usize = 300;

/// The attacker: a forked child running as the unprivileged user, exchanging `W/2024` with a
/// symlink to the secret folder in a tight loop. Killed when dropped.
struct Attacker {
    pid: libc::pid_t,
}

impl Attacker {
    fn spawn(user: &TestUser, w: &Path, secret: &Path) -> Attacker {
        let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).expect("path without NUL");
        let (real, swap, target) = (c(&w.join("2024")), c(&w.join("2024.swap")), c(secret));
        let (uid, gid) = (user.uid, user.gid);
        // SAFETY: getpid has no preconditions.
        let parent = unsafe { libc::getpid() };
        // SAFETY: the child only makes raw system calls on memory prepared before the fork
        // (no allocation, no locks) and leaves with _exit.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0, "fork: {}", std::io::Error::last_os_error());
        if pid == 0 {
            // SAFETY: see above; every pointer is a NUL-terminated string that outlives the loop.
            unsafe {
                if libc::setgroups(0, std::ptr::null()) != 0
                    || libc::setresgid(gid, gid, gid) != 0
                    || libc::setresuid(uid, uid, uid) != 0
                {
                    libc::_exit(2);
                }
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                if libc::getppid() != parent || libc::symlink(target.as_ptr(), swap.as_ptr()) != 0 {
                    libc::_exit(3);
                }
                loop {
                    libc::syscall(
                        libc::SYS_renameat2,
                        libc::AT_FDCWD,
                        real.as_ptr(),
                        libc::AT_FDCWD,
                        swap.as_ptr(),
                        libc::RENAME_EXCHANGE,
                    );
                }
            }
        }
        Attacker { pid }
    }

    /// Whether the attacker is still running (it never stops on its own).
    fn alive(&self) -> bool {
        let mut status = 0;
        // SAFETY: waiting without blocking on our own child.
        unsafe { libc::waitpid(self.pid, &mut status, libc::WNOHANG) == 0 }
    }
}

impl Drop for Attacker {
    fn drop(&mut self) {
        // SAFETY: our own child; reaped right after the signal.
        unsafe {
            libc::kill(self.pid, libc::SIGKILL);
            libc::waitpid(self.pid, std::ptr::null_mut(), 0);
        }
    }
}

#[test]
fn swapping_the_session_folder_mid_write_never_touches_a_root_only_file() {
    let Some(user) = other_user() else { return };
    let tmp = shared_tempdir();
    let (w, secret) = (tmp.path().join("W"), tmp.path().join("secret"));
    let text = briefing_text(&ids(1), 1);
    mkdir(&w, 0o755);
    mkdir(&w.join("2024"), 0o755);
    write_file(&w.join("2024/s.toml"), text.as_bytes(), 0o644);
    for p in [&w, &w.join("2024"), &w.join("2024/s.toml")] {
        user.own(p);
    }
    mkdir(&secret, 0o700);
    let target = secret.join("s.toml");
    write_file(&target, text.as_bytes(), 0o644);
    let before = file_state(&target);

    let attacker = Attacker::spawn(user, &w, &secret);
    wait_for("the attacker's first swap", Duration::from_secs(5), || {
        std::fs::symlink_metadata(w.join("2024")).is_ok_and(|m| m.file_type().is_symlink())
    });
    let (mut saved, mut refused) = (0, 0);
    for n in 0..TRIES {
        let verb = if n % 2 == 0 { "done" } else { "undo" };
        let o = run(&w, "en", &[verb, "2024/s", "d0"]);
        match o.status.code() {
            Some(0) => saved += 1,
            Some(1) => refused += 1,
            other => panic!("try {n}: exit {other:?}: {}", stderr_of(&o)),
        }
    }
    assert!(attacker.alive(), "the attacker swapped during every try");
    drop(attacker);

    eprintln!("{TRIES} tries: {saved} saved, {refused} refused");
    assert_eq!(
        file_state(&target),
        before,
        "the root-only file was touched (content, owner, mode or inode)"
    );
    let names: Vec<String> = std::fs::read_dir(&secret)
        .expect("read secret")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["s.toml"],
        "nothing was left in the root-only folder"
    );
    // The attacker's own file is still a whole briefing, wherever it ended up.
    let real = if std::fs::symlink_metadata(w.join("2024"))
        .expect("stat")
        .is_dir()
    {
        w.join("2024")
    } else {
        w.join("2024.swap")
    };
    session_of(&common::read(&real.join("s.toml")));
    assert!(hidden_names(&real).iter().all(|n| n == ".briefing.lock"));
}
