//! Puts the terminal back however the process ends, unwinding or not: an abort (an allocation
//! failure, `panic = "abort"`), a fault, a fatal signal or `exit` run a restore that needs no
//! lock and no allocation — the escape bytes made beforehand, written with `write(2)`, and the
//! terminal's settings saved beforehand, set again with `tcsetattr`. Meanwhile what is written
//! to a standard error that is the terminal (the allocation failure's report, a child's
//! complaint) is kept aside, and said once the terminal is back, instead of being drawn over
//! the screen and lost with it.
//!
//! This is the one piece of process-wide state of the program: a signal handler can reach
//! nothing else. It is written once, before the terminal is changed.

#![allow(
    unsafe_code,
    reason = "signal handlers, termios and write(2) from a handler have no safe equivalent"
)]

use std::io::{self, IsTerminal};
use std::mem::MaybeUninit;
use std::os::fd::{IntoRawFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, OnceLock};

use libc::c_int;
use rustix::stdio::stderr;

/// Signals whose default action ends the process and that the shell does not already turn
/// into a quit through its event loop (SIGTERM, SIGHUP, SIGINT and SIGQUIT are; SIGKILL and
/// SIGSTOP cannot be caught).
const FATAL: [c_int; 16] = [
    libc::SIGABRT,
    libc::SIGSEGV,
    libc::SIGBUS,
    libc::SIGILL,
    libc::SIGFPE,
    libc::SIGSYS,
    libc::SIGTRAP,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGALRM,
    libc::SIGVTALRM,
    libc::SIGPROF,
    libc::SIGXCPU,
    libc::SIGXFSZ,
    libc::SIGPWR,
    libc::SIGSTKFLT,
];

/// Signals a faulting instruction raises again by itself once the handler returns (a trap,
/// reported after its instruction, would not: it is raised again like a sent signal).
const FAULTS: [c_int; 4] = [libc::SIGSEGV, libc::SIGBUS, libc::SIGILL, libc::SIGFPE];

/// What putting the terminal back needs, made before it is changed.
struct Saved {
    /// The terminal whose settings were saved.
    tty: RawFd,
    termios: libc::termios,
    /// Cancels a half-written escape sequence, then leaves the app's modes.
    bytes: Box<[u8]>,
    /// Each caught signal's action before ours, put back before the signal goes on.
    previous: Vec<(c_int, libc::sigaction)>,
    /// Where standard error goes meanwhile, and a copy of the real one.
    stderr: Option<HeldStderr>,
}

/// Standard error held aside while the app owns the terminal.
#[derive(Clone, Copy)]
struct HeldStderr {
    /// An anonymous file in memory that takes what is written meanwhile.
    held: RawFd,
    /// The terminal, as standard error was.
    real: RawFd,
}

/// Most bytes of held-aside standard error said at the end.
const MAX_HELD: usize = 1 << 20;

static SAVED: OnceLock<Saved> = OnceLock::new();
/// The terminal is in the app's state (raw, alternate screen, maybe mouse) and must be put back.
static CHANGED: AtomicBool = AtomicBool::new(false);
static INSTALLED: Once = Once::new();

/// Saves the terminal's settings and arms the restore, before the app changes the terminal;
/// `bytes` are what the terminal is sent to leave the app's modes.
pub(super) fn arm(tty: RawFd, bytes: Vec<u8>) -> io::Result<()> {
    let mut termios = MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr fills the termios it is given, or fails and leaves it unread.
    if unsafe { libc::tcgetattr(tty, termios.as_mut_ptr()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: tcgetattr succeeded, so the termios is initialised.
    let termios = unsafe { termios.assume_init() };
    SAVED.get_or_init(|| Saved {
        tty,
        termios,
        bytes: bytes.into_boxed_slice(),
        previous: FATAL
            .iter()
            .filter_map(|&sig| Some((sig, action_of(sig)?)))
            .collect(),
        stderr: hold_stderr(),
    });
    INSTALLED.call_once(install);
    CHANGED.store(true, Ordering::SeqCst);
    if let Some(HeldStderr { held, .. }) = SAVED.get().and_then(|saved| saved.stderr) {
        // SAFETY: both descriptors are open; dup2 only points 2 at the held file.
        unsafe {
            libc::dup2(held, libc::STDERR_FILENO);
        }
    }
    Ok(())
}

/// The terminal was put back the ordinary way: standard error goes to it again, with what was
/// written meanwhile.
pub(super) fn disarm() {
    if CHANGED.swap(false, Ordering::SeqCst)
        && let Some(saved) = SAVED.get()
    {
        release_stderr(saved);
    }
}

/// An anonymous file to hold standard error, and a copy of the real one, when standard error
/// is a terminal (written elsewhere, it disturbs no screen).
fn hold_stderr() -> Option<HeldStderr> {
    if !stderr().is_terminal() {
        return None;
    }
    let held =
        rustix::fs::memfd_create(c"briefing-stderr", rustix::fs::MemfdFlags::CLOEXEC).ok()?;
    let real = rustix::io::fcntl_dupfd_cloexec(stderr(), 3).ok()?;
    // Kept open for the life of the process: the signal handler may need them at any time.
    Some(HeldStderr {
        held: held.into_raw_fd(),
        real: real.into_raw_fd(),
    })
}

/// Points standard error at the terminal again and writes there what was held (at most
/// `MAX_HELD` bytes), then empties the held file. Async-signal-safe.
fn release_stderr(saved: &Saved) {
    let Some(HeldStderr { held, real }) = saved.stderr else {
        return;
    };
    let mut buf = [0u8; 512];
    let mut said = 0;
    // SAFETY: dup2, lseek, read and ftruncate on descriptors this module opened; reads go into
    // a live buffer, at most its length.
    unsafe {
        libc::dup2(real, libc::STDERR_FILENO);
        libc::lseek(held, 0, libc::SEEK_SET);
        while said < MAX_HELD {
            let n = libc::read(held, buf.as_mut_ptr().cast(), buf.len());
            if n <= 0 {
                break;
            }
            write_all(libc::STDERR_FILENO, &buf[..n as usize]);
            said += n as usize;
        }
        libc::ftruncate(held, 0);
    }
}

/// The current action of `sig`.
fn action_of(sig: c_int) -> Option<libc::sigaction> {
    let mut old = MaybeUninit::<libc::sigaction>::uninit();
    // SAFETY: a null new action only reads the current one into `old`.
    let rc = unsafe { libc::sigaction(sig, std::ptr::null(), old.as_mut_ptr()) };
    // SAFETY: sigaction succeeded, so `old` is filled.
    (rc == 0).then(|| unsafe { old.assume_init() })
}

/// Catches every fatal signal that is not ignored, and restores at `exit`.
fn install() {
    let Some(saved) = SAVED.get() else {
        return;
    };
    for (sig, previous) in &saved.previous {
        if previous.sa_sigaction == libc::SIG_IGN {
            continue;
        }
        // SAFETY: the action is fully initialised: a handler that is async-signal-safe, an
        // empty mask, and flags that give it the signal's details on the alternate stack
        // (where a stack overflow's SIGSEGV is handled).
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_fatal as *const () as libc::sighandler_t;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(*sig, &action, std::ptr::null_mut());
        }
    }
    // SAFETY: registers a plain function; a failure only loses the restore at exit.
    unsafe {
        libc::atexit(at_exit);
    }
}

/// Writes the saved bytes and sets the saved settings, once. Async-signal-safe: an atomic
/// swap, `write(2)` and `tcsetattr(3)` only.
fn put_back() {
    if !CHANGED.swap(false, Ordering::SeqCst) {
        return;
    }
    let Some(saved) = SAVED.get() else {
        return;
    };
    write_all(libc::STDOUT_FILENO, &saved.bytes);
    // SAFETY: the termios was filled by tcgetattr on this descriptor.
    unsafe {
        libc::tcsetattr(saved.tty, libc::TCSANOW, &saved.termios);
    }
    release_stderr(saved);
}

/// `write(2)` until every byte is out, the terminal fails, or a few tries made no progress.
fn write_all(fd: RawFd, mut bytes: &[u8]) {
    let mut tries = 0;
    while !bytes.is_empty() && tries < 16 {
        // SAFETY: writes from a live slice, at most its length.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        match n {
            n if n > 0 => bytes = &bytes[n as usize..],
            _ if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted => tries += 1,
            _ => return,
        }
    }
}

extern "C" fn at_exit() {
    put_back();
}

/// Puts the terminal back, then lets the signal do what it did before: a fault runs again into
/// the previous handler (std's stack-overflow report) or the default action; any other signal
/// is raised again, and is delivered when this handler returns.
extern "C" fn on_fatal(sig: c_int, info: *mut libc::siginfo_t, _context: *mut libc::c_void) {
    put_back();
    let previous = SAVED
        .get()
        .and_then(|saved| saved.previous.iter().find(|(s, _)| *s == sig))
        .map(|(_, action)| action);
    // SAFETY: sigaction and raise are async-signal-safe; `info` is the kernel's, valid here.
    unsafe {
        match previous {
            Some(action) => libc::sigaction(sig, action, std::ptr::null_mut()),
            None => libc::sigaction(sig, &default_action(), std::ptr::null_mut()),
        };
        let by_fault = FAULTS.contains(&sig) && !info.is_null() && (*info).si_code > 0;
        if !by_fault {
            libc::raise(sig);
        }
    }
}

fn default_action() -> libc::sigaction {
    // SAFETY: an all-zero sigaction is SIG_DFL with an empty mask and no flags.
    unsafe { std::mem::zeroed() }
}

/// For the end-to-end tests of the debug build only: `BRIEFING_TEST_CRASH` makes the first key
/// end the process the way it names (`abort`, `alloc`, `segv`, `exit`), without unwinding.
#[cfg(debug_assertions)]
pub(super) fn crash_if_asked() {
    match std::env::var("BRIEFING_TEST_CRASH").as_deref() {
        Ok("abort") => std::process::abort(),
        Ok("alloc") => {
            let huge = std::alloc::Layout::from_size_align(1 << 46, 8);
            if let Ok(layout) = huge {
                std::alloc::handle_alloc_error(layout);
            }
        }
        // SAFETY: deliberately not: a write to the unmapped first page faults (SIGSEGV).
        Ok("segv") => unsafe { std::ptr::without_provenance_mut::<u8>(8).write_volatile(1) },
        Ok("exit") => std::process::exit(3),
        _ => {}
    }
}

#[cfg(not(debug_assertions))]
pub(super) fn crash_if_asked() {}
