//! The `fcntl` byte-range locks on a briefing file: the writers' lock, held for a whole
//! check-off, and the content lock, held while bytes change in place or are read.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd};
use std::time::{Duration, Instant};

use rustix::io::Errno;

use super::super::WriteError;
use super::super::holders;
use super::super::resolve::{Reached, errno_error};

/// The byte the writers' lock covers (far past any briefing's end): writers exclude each other
/// with a write lock on it, held for the whole check-off.
const WRITERS_BYTE: i64 = i64::MAX - 1;

/// The byte of the content lock: an in-place rewrite holds a write lock on it while the bytes
/// change, and the loader a read lock while it reads, so it never takes a half-written file.
pub(crate) const CONTENT_BYTE: i64 = i64::MAX - 2;

/// An open-file `fcntl` lock of `kind` on the one byte `at` of `fd`'s file: `Ok(false)` while
/// someone else holds a lock in the way.
#[allow(
    unsafe_code,
    reason = "rustix locks whole files only; this lock is on one byte"
)]
pub(crate) fn try_lock_byte(fd: &impl AsRawFd, kind: libc::c_int, at: i64) -> Result<bool, Errno> {
    // SAFETY: an all-zero `flock` is valid; every field the call reads is set below.
    let mut fl: libc::flock = unsafe { std::mem::zeroed() };
    fl.l_type = kind as libc::c_short;
    fl.l_whence = libc::SEEK_SET as libc::c_short;
    fl.l_start = at;
    fl.l_len = 1;
    // SAFETY: fcntl on an open descriptor with a pointer to a valid `flock`.
    let rc = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_OFD_SETLK, &mut fl) };
    if rc == 0 {
        return Ok(true);
    }
    match Errno::from_io_error(&io::Error::last_os_error()) {
        Some(Errno::AGAIN | Errno::ACCESS | Errno::INTR) => Ok(false),
        Some(e) => Err(e),
        None => Err(Errno::IO),
    }
}

/// The writers' lock on `fd` (see [`WRITERS_BYTE`]).
pub(super) fn try_lock(fd: &impl AsRawFd) -> Result<bool, Errno> {
    try_lock_byte(fd, libc::F_WRLCK, WRITERS_BYTE)
}

/// Whether anyone holds a lock on `fd`'s file that a writer's lock would wait for.
#[allow(unsafe_code, reason = "rustix cannot ask who holds a byte-range lock")]
pub(super) fn is_locked(fd: &impl AsRawFd) -> bool {
    // SAFETY: as in `try_lock`.
    let mut fl: libc::flock = unsafe { std::mem::zeroed() };
    fl.l_type = libc::F_WRLCK as libc::c_short;
    fl.l_whence = libc::SEEK_SET as libc::c_short;
    // SAFETY: as in `try_lock`; F_OFD_GETLK only reports.
    let rc = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_OFD_GETLK, &mut fl) };
    rc != 0 || fl.l_type != libc::F_UNLCK as libc::c_short
}

pub(super) fn lock_until(
    fd: &OwnedFd,
    deadline: Instant,
    reached: &Reached,
) -> Result<(), WriteError> {
    let started = Instant::now();
    let mut pause = Duration::from_micros(200);
    loop {
        match try_lock(fd) {
            Ok(true) => return Ok(()),
            Ok(false) => {}
            Err(e) => return Err(errno_error(&reached.path, e)),
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(WriteError::LockTimeout {
                path: reached.path.clone(),
                waited: now - started,
                holders: holders::lock_holders(reached.stat.st_dev, reached.stat.st_ino),
            });
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(5));
    }
}
