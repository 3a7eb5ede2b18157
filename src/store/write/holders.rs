//! Who holds a briefing file: the locks `/proc/locks` lists on it, and the processes that have
//! it open for writing, each named by process id and user, to say what a check-off waits for.

use std::fs;
use std::os::fd::AsRawFd;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::i18n;
use crate::model::Lang;

use super::user_name;

/// One process that holds the file, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub user: String,
    pub how: Hold,
}

/// How a process holds a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// A `flock` lock (as `flock -s` takes).
    Flock,
    /// An `fcntl` record lock (a check-off's own lock is one).
    Fcntl,
    /// Open for writing, no lock.
    OpenForWriting,
}

impl Holder {
    /// Who holds the file and how, said in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        let how = match self.how {
            Hold::Flock => t.holder_flock,
            Hold::Fcntl => t.holder_fcntl,
            Hold::OpenForWriting => t.holder_open_for_writing,
        };
        t.holder_process(&self.pid, &self.user, &how)
    }
}

/// The holders in words: "process 4711 of user binh (flock)", "… and 2 more", or "another
/// program" when none could be named.
pub(super) fn said(holders: &[Holder], lang: Lang) -> String {
    let t = i18n::strings(lang);
    match holders {
        [] => t.holder_unknown.to_string(),
        [one] => one.message(lang),
        [first, rest @ ..] => t.holder_and_more(&first.message(lang), &rest.len()),
    }
}

/// The locks other processes hold on the file (device `dev`, inode `ino`), from `/proc/locks`.
/// A lock that names no process (an open-file lock shows pid -1) is named by the processes
/// that have the file open.
pub(super) fn lock_holders(dev: u64, ino: u64) -> Vec<Holder> {
    let Ok(table) = fs::read_to_string("/proc/locks") else {
        return Vec::new();
    };
    let me = std::process::id();
    let mut holders = Vec::new();
    let mut unnamed = false;
    for line in table.lines() {
        let Some((how, pid)) = lock_on(line, dev, ino) else {
            continue;
        };
        match pid {
            Some(pid) if pid != me => push(&mut holders, pid, how),
            Some(_) => {}
            None => unnamed = true,
        }
    }
    if unnamed {
        for pid in openers(dev, ino, None, Want::Locking) {
            push(&mut holders, pid, Hold::Fcntl);
        }
    }
    holders
}

/// The other processes that have the file open for writing (of those this user may see:
/// all of them for root, their own for anyone else), leaving out other runs of this program:
/// a check-off holds the file open for writing while it waits for the lock.
pub(super) fn writers(file: &impl AsRawFd, dev: u64, ino: u64) -> Vec<Holder> {
    let mut holders = Vec::new();
    let me = fs::metadata("/proc/self/exe")
        .ok()
        .map(|m| (m.dev(), m.ino()));
    let name = fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())).ok();
    for pid in openers(dev, ino, name.as_deref(), Want::Writing) {
        let exe = fs::metadata(format!("/proc/{pid}/exe")).ok();
        if me.is_some() && exe.map(|m| (m.dev(), m.ino())) == me {
            continue;
        }
        push(&mut holders, pid, Hold::OpenForWriting);
    }
    holders
}

fn push(holders: &mut Vec<Holder>, pid: u32, how: Hold) {
    if holders.iter().any(|h| h.pid == pid && h.how == how) {
        return;
    }
    let Ok(meta) = fs::metadata(format!("/proc/{pid}")) else {
        return;
    };
    holders.push(Holder {
        pid,
        user: user_name(meta.uid()),
        how,
    });
}

/// A line of `/proc/locks` about the file: how it is held and by which process (`None`: the
/// line names none). Waiters (`->`) are left out.
fn lock_on(line: &str, dev: u64, ino: u64) -> Option<(Hold, Option<u32>)> {
    let mut words = line.split_whitespace().skip(1);
    let kind = words.next()?;
    let how = match kind {
        "FLOCK" => Hold::Flock,
        "POSIX" | "OFDLCK" => Hold::Fcntl,
        _ => return None,
    };
    let _advisory = words.next()?;
    let _mode = words.next()?;
    let pid = words.next()?;
    let file = words.next()?;
    let mut parts = file.split(':');
    let major = u32::from_str_radix(parts.next()?, 16).ok()?;
    let minor = u32::from_str_radix(parts.next()?, 16).ok()?;
    let inode: u64 = parts.next()?.parse().ok()?;
    if inode != ino || libc::makedev(major, minor) != dev {
        return None;
    }
    Some((how, pid.parse::<u32>().ok()))
}

/// Which descriptors on a file count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// Opened for writing.
    Writing,
    /// Holding an open-file lock (fdinfo lists it).
    Locking,
}

/// The processes other than this one with a descriptor on the file that is as `want`s. With
/// the file's `name` as the kernel says it, descriptors are compared by the name they show
/// first, which is cheaper than a `stat` of each.
fn openers(dev: u64, ino: u64, name: Option<&Path>, want: Want) -> Vec<u32> {
    let me = std::process::id();
    let Ok(procs) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in procs.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != me && has_open(pid, dev, ino, name, want) {
            found.push(pid);
        }
    }
    found
}

fn has_open(pid: u32, dev: u64, ino: u64, name: Option<&Path>, want: Want) -> bool {
    let Ok(fds) = fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    fds.flatten().any(|fd| {
        let path = fd.path();
        let named = name.is_none_or(|name| fs::read_link(&path).is_ok_and(|l| l == name));
        let same = named && fs::metadata(&path).is_ok_and(|m| m.dev() == dev && m.ino() == ino);
        same && is_as_wanted(pid, &fd.file_name(), want)
    })
}

/// Whether descriptor `fd` of `pid` was opened for writing (its `flags:` in fdinfo), or holds
/// an open-file lock (a `lock:` line there).
fn is_as_wanted(pid: u32, fd: &std::ffi::OsStr, want: Want) -> bool {
    let Ok(info) = fs::read_to_string(format!("/proc/{pid}/fdinfo/{}", fd.to_string_lossy()))
    else {
        return false;
    };
    match want {
        Want::Writing => info
            .lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|flags| flags & libc::O_ACCMODE as u32 != libc::O_RDONLY as u32),
        Want::Locking => info
            .lines()
            .any(|l| l.starts_with("lock:") && l.contains("OFDLCK")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proc_locks_line_names_its_kind_and_process() {
        let dev = libc::makedev(8, 1);
        let line = "1: FLOCK  ADVISORY  READ  4711 08:01:1234 0 EOF";
        assert_eq!(lock_on(line, dev, 1234), Some((Hold::Flock, Some(4711))));
        let ofd = "2: OFDLCK ADVISORY  WRITE -1 08:01:1234 0 EOF";
        assert_eq!(lock_on(ofd, dev, 1234), Some((Hold::Fcntl, None)));
        assert_eq!(lock_on(line, dev, 99), None);
        assert_eq!(lock_on(line, libc::makedev(8, 2), 1234), None);
        let waiter = "1: -> FLOCK  ADVISORY  WRITE 12 08:01:1234 0 EOF";
        assert_eq!(lock_on(waiter, dev, 1234), None);
    }

    #[test]
    fn holders_are_said_in_both_languages() {
        let h = Holder {
            pid: 4711,
            user: "binh".into(),
            how: Hold::Flock,
        };
        assert_eq!(
            said(std::slice::from_ref(&h), Lang::En),
            "process 4711 of user binh (flock)"
        );
        assert!(said(std::slice::from_ref(&h), Lang::Vi).contains("4711"));
        let two = [h.clone(), h];
        assert_eq!(
            said(&two, Lang::En),
            "process 4711 of user binh (flock) and 1 more"
        );
        assert!(said(&two, Lang::Vi).contains("4711"));
        assert_ne!(said(&[], Lang::En), said(&[], Lang::Vi));
    }
}
