//! The terminal the keys come from, and whether it is still there: a hang-up, an end of file
//! or an I/O error on it (a dropped SSH line, a killed tmux session, a deleted pty) ends the
//! program instead of leaving it to read nothing forever.

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, RawFd};

/// The terminal crossterm reads keys from: standard input when it is a terminal, else
/// `/dev/tty`, kept open here so that it can be watched and restored.
pub struct Tty {
    fd: RawFd,
    /// `/dev/tty`, when standard input is not the terminal.
    _opened: Option<File>,
}

/// What waiting on the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    /// Bytes (keys) wait to be read.
    Input,
    /// Nothing yet (only after a wait with a timeout).
    Nothing,
    /// The terminal hung up or fails: reading it would only give an end of file or an error.
    Gone,
}

impl Tty {
    /// Standard input when it is a terminal (as crossterm chooses), else `/dev/tty`.
    pub fn open() -> io::Result<Tty> {
        // SAFETY: isatty only inspects the descriptor.
        if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            return Ok(Tty {
                fd: libc::STDIN_FILENO,
                _opened: None,
            });
        }
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")?;
        Ok(Tty {
            fd: file.as_raw_fd(),
            _opened: Some(file),
        })
    }

    pub fn fd(&self) -> RawFd {
        self.fd
    }

    /// Waits until keys come or the terminal goes away (no timeout: no CPU while idle).
    pub fn wait_for_input(&self) -> Readiness {
        wait(self.fd, libc::POLLIN, -1)
    }

    /// Whether keys wait or the terminal has gone, without waiting.
    pub fn input_now(&self) -> Readiness {
        wait(self.fd, libc::POLLIN, 0)
    }

    /// Waits, asleep, until the terminal hangs up or fails; keys do not wake it.
    pub fn wait_until_gone(&self) {
        while wait(self.fd, 0, -1) != Readiness::Gone {}
    }
}

/// `poll(2)` on one descriptor for `events`; a hang-up, an error or a closed descriptor is
/// `Gone` whatever was asked (poll always reports them).
fn wait(fd: RawFd, events: libc::c_short, timeout_ms: libc::c_int) -> Readiness {
    let mut pfd = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    loop {
        // SAFETY: one valid pollfd, and its count.
        let n = unsafe { libc::poll(&mut pfd, 1, timeout_ms) };
        if n >= 0 {
            break;
        }
        if io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return Readiness::Gone;
        }
    }
    if pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Readiness::Gone
    } else if pfd.revents & libc::POLLIN != 0 {
        Readiness::Input
    } else {
        Readiness::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::{FromRawFd, OwnedFd};

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

    fn tty_on(fd: &OwnedFd) -> Tty {
        Tty {
            fd: fd.as_raw_fd(),
            _opened: None,
        }
    }

    #[test]
    fn keys_are_input_and_silence_is_nothing() {
        let (master, slave) = pty();
        let tty = tty_on(&slave);
        assert_eq!(tty.input_now(), Readiness::Nothing);
        let written = unsafe { libc::write(master.as_raw_fd(), b"j\n".as_ptr().cast(), 2) };
        assert_eq!(written, 2);
        assert_eq!(tty.wait_for_input(), Readiness::Input);
    }

    /// The terminal's other end closed (reads give EIO): gone, at once and while waiting.
    #[test]
    fn a_closed_terminal_is_gone() {
        let (master, slave) = pty();
        let tty = tty_on(&slave);
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
        let tty = tty_on(&read);
        assert_eq!(tty.input_now(), Readiness::Nothing);
        drop(write);
        assert_eq!(tty.input_now(), Readiness::Gone);
        tty.wait_until_gone();
    }
}
