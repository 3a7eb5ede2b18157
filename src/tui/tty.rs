//! The terminal the keys come from, and whether it is still there: a hang-up, an end of file
//! or an I/O error on it (a dropped SSH line, a killed tmux session, a deleted pty) ends the
//! program instead of leaving it to read nothing forever.

use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};

use rustix::event::{PollFd, PollFlags, Timespec};

/// The terminal crossterm reads keys from: standard input when it is a terminal, else
/// `/dev/tty`, kept open here so that it can be watched and restored.
pub(super) struct Tty {
    /// `/dev/tty`, when standard input is not the terminal.
    opened: Option<OwnedFd>,
}

/// What waiting on the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Readiness {
    /// Bytes (keys) wait to be read.
    Input,
    /// Nothing yet (only after a wait with a timeout).
    Nothing,
    /// The terminal hung up or fails: reading it would only give an end of file or an error.
    Gone,
}

impl Tty {
    /// Standard input when it is a terminal (as crossterm chooses), else `/dev/tty`.
    pub(super) fn open() -> io::Result<Tty> {
        if io::stdin().is_terminal() {
            return Ok(Tty { opened: None });
        }
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")?;
        Ok(Tty {
            opened: Some(file.into()),
        })
    }

    pub(super) fn fd(&self) -> RawFd {
        self.as_fd().as_raw_fd()
    }

    /// Waits until keys come or the terminal goes away (no timeout: no CPU while idle).
    pub(super) fn wait_for_input(&self) -> Readiness {
        wait(self.as_fd(), PollFlags::IN, None)
    }

    /// Whether keys wait or the terminal has gone, without waiting.
    pub(super) fn input_now(&self) -> Readiness {
        wait(self.as_fd(), PollFlags::IN, Some(&Timespec::default()))
    }

    /// Waits, asleep, until the terminal hangs up or fails; keys do not wake it.
    pub(super) fn wait_until_gone(&self) {
        while wait(self.as_fd(), PollFlags::empty(), None) != Readiness::Gone {}
    }
}

impl AsFd for Tty {
    fn as_fd(&self) -> BorrowedFd<'_> {
        match &self.opened {
            Some(fd) => fd.as_fd(),
            None => rustix::stdio::stdin(),
        }
    }
}

/// `poll(2)` on one descriptor for `events`; a hang-up, an error or a closed descriptor is
/// `Gone` whatever was asked (poll always reports them).
fn wait(fd: BorrowedFd<'_>, events: PollFlags, timeout: Option<&Timespec>) -> Readiness {
    let mut fds = [PollFd::from_borrowed_fd(fd, events)];
    loop {
        match rustix::event::poll(&mut fds, timeout) {
            Ok(_) => break,
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return Readiness::Gone,
        }
    }
    let revents = fds[0].revents();
    if revents.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
        Readiness::Gone
    } else if revents.contains(PollFlags::IN) {
        Readiness::Input
    } else {
        Readiness::Nothing
    }
}

#[cfg(test)]
#[allow(
    unsafe_code,
    reason = "the tests make pseudo-terminals and pipes with libc"
)]
mod tests {
    use super::*;
    use std::os::fd::FromRawFd;

    /// A pseudo-terminal: (master, slave).
    fn pty() -> (OwnedFd, OwnedFd) {
        // SAFETY: plain libc calls on descriptors this function owns; ptsname_r writes at most
        // the buffer's length.
        unsafe {
            let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
            assert!(master >= 0, "posix_openpt: {}", io::Error::last_os_error());
            assert_eq!(libc::grantpt(master), 0);
            assert_eq!(libc::unlockpt(master), 0);
            let mut name = [0 as libc::c_char; 128];
            assert_eq!(libc::ptsname_r(master, name.as_mut_ptr(), name.len()), 0);
            let slave = libc::open(name.as_ptr(), libc::O_RDWR | libc::O_NOCTTY);
            assert!(slave >= 0, "open the pty: {}", io::Error::last_os_error());
            (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave))
        }
    }

    fn tty_on(fd: OwnedFd) -> Tty {
        Tty { opened: Some(fd) }
    }

    #[test]
    fn keys_are_input_and_silence_is_nothing() {
        let (master, slave) = pty();
        let tty = tty_on(slave);
        assert_eq!(tty.input_now(), Readiness::Nothing);
        // SAFETY: the buffer is valid for the two bytes passed.
        let written = unsafe { libc::write(master.as_raw_fd(), b"j\n".as_ptr().cast(), 2) };
        assert_eq!(written, 2);
        assert_eq!(tty.wait_for_input(), Readiness::Input);
    }

    /// The terminal's other end closed (reads give EIO): gone, at once and while waiting.
    #[test]
    fn a_closed_terminal_is_gone() {
        let (master, slave) = pty();
        let tty = tty_on(slave);
        let waiter = std::thread::spawn(move || {
            tty.wait_until_gone();
            tty.wait_for_input()
        });
        drop(master);
        assert_eq!(waiter.join().expect("waiter"), Readiness::Gone);
    }

    /// Input that ends (reads give 0 bytes) is gone too.
    #[test]
    fn an_ended_input_is_gone() {
        let mut fds = [0; 2];
        // SAFETY: pipe writes two descriptors into the array.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        // SAFETY: both descriptors were just made and are owned here.
        let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        let tty = tty_on(read);
        assert_eq!(tty.input_now(), Readiness::Nothing);
        drop(write);
        assert_eq!(tty.input_now(), Readiness::Gone);
        tty.wait_until_gone();
    }
}
