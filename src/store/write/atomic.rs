//! The lock on one briefing file, the checks that a person may change it, and its atomic
//! replacement that keeps owner, group, mode, ACL and extended attributes.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rustix::fs::{
    Access, AtFlags, FileType, FlockOperation, Mode, OFlags, RenameFlags, Stat, accessat, fchmod,
    fchown, fdatasync, flock, fstat, openat, renameat, renameat_with, statat, unlinkat,
};
use rustix::io::Errno;

use super::resolve::{Reached, errno_error, still_there};
use super::{Attribute, WriteError, WriteOptions, user_name};

/// What marks the temporary files of a write: `.NAME.XXXXXXXX.briefing-tmp`.
pub const TEMP_SUFFIX: &str = ".briefing-tmp";

/// One version of a file: a write is based on exactly this, or it starts again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Version {
    dev: u64,
    ino: u64,
    size: i64,
    mtime: (i64, u64),
    ctime: (i64, u64),
}

impl Version {
    pub(super) fn of(st: &Stat) -> Self {
        Version {
            dev: st.st_dev,
            ino: st.st_ino,
            size: st.st_size,
            mtime: (st.st_mtime, st.st_mtime_nsec),
            ctime: (st.st_ctime, st.st_ctime_nsec),
        }
    }

    /// The same content: the exchange itself changes the status time, so that is left out.
    fn same_content(&self, other: &Version) -> bool {
        (self.dev, self.ino, self.size, self.mtime)
            == (other.dev, other.ino, other.size, other.mtime)
    }

    /// Changed less than `settle` ago (or stamped in the near future).
    fn is_fresh(&self, settle: Duration) -> bool {
        let (secs, nanos) = self.mtime;
        let mtime = u64::try_from(secs)
            .ok()
            .and_then(|s| UNIX_EPOCH.checked_add(Duration::new(s, nanos.min(999_999_999) as u32)));
        let Some(mtime) = mtime else {
            return false;
        };
        match SystemTime::now().duration_since(mtime) {
            Ok(age) => age < settle,
            Err(ahead) => ahead.duration() < settle,
        }
    }
}

/// The briefing file, open and exclusively locked (`flock`) for as long as this lives.
pub(super) struct Locked {
    file: File,
    reached: Reached,
}

/// Why a step has to start again from the path: the name now leads to another file.
pub(super) struct Moved;

impl Locked {
    /// Opens the reached file and takes its lock, polling until `deadline`. `Ok(Err(Moved))`
    /// when the name was replaced meanwhile (a writer that held the lock renamed a new file in).
    pub(super) fn take(
        reached: Reached,
        deadline: Instant,
    ) -> Result<Result<Locked, Moved>, WriteError> {
        let opened = openat(
            &reached.folder,
            reached.name.as_os_str(),
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NOCTTY | OFlags::NONBLOCK,
            Mode::empty(),
        );
        let fd = match opened {
            Ok(fd) => fd,
            Err(Errno::LOOP | Errno::NOENT) => return Ok(Err(Moved)),
            Err(e) => return Err(errno_error(&reached.path, e)),
        };
        let stat = fstat(&fd).map_err(|e| errno_error(&reached.path, e))?;
        if !FileType::from_raw_mode(stat.st_mode).is_file() {
            return Err(WriteError::NotAFile {
                path: reached.path.clone(),
            });
        }
        lock_until(&fd, deadline, &reached.path)?;
        if !still_there(&reached.folder, &reached.name, &stat) {
            return Ok(Err(Moved));
        }
        let reached = Reached { stat, ..reached };
        Ok(Ok(Locked {
            file: File::from(fd),
            reached,
        }))
    }

    pub(super) fn path(&self) -> &Path {
        &self.reached.path
    }

    /// Refuses what a person could not save with an editor, and what a replacement would not
    /// keep: the file's owner (for anyone but root) and every other name of a hard-linked file.
    pub(super) fn check_writable(&self) -> Result<(), WriteError> {
        let st = &self.reached.stat;
        let path = self.reached.path.clone();
        if st.st_nlink > 1 {
            // `st_nlink` is u32 on some architectures.
            #[allow(clippy::unnecessary_cast)]
            let links = st.st_nlink as u64;
            return Err(WriteError::HardLinked { path, links });
        }
        let euid = rustix::process::geteuid().as_raw();
        let read_only = st.st_mode & 0o222 == 0;
        if euid == 0 {
            if read_only {
                return Err(WriteError::ReadOnlyFile { path });
            }
        } else {
            match may(
                &self.reached.folder,
                self.reached.name.as_os_str(),
                Access::WRITE_OK,
            ) {
                Ok(()) => {}
                Err(Errno::ACCESS | Errno::PERM) if read_only => {
                    return Err(WriteError::ReadOnlyFile { path });
                }
                Err(Errno::ACCESS | Errno::PERM) => {
                    return Err(WriteError::FileNotWritable { path });
                }
                Err(e) => return Err(errno_error(&path, e)),
            }
            if st.st_uid != euid {
                return Err(self.not_yours(euid));
            }
        }
        let folder = self.reached.folder_path().to_path_buf();
        match may(
            &self.reached.folder,
            ".",
            Access::WRITE_OK | Access::EXEC_OK,
        ) {
            Ok(()) => Ok(()),
            Err(Errno::ACCESS | Errno::PERM) => Err(WriteError::FolderNotWritable { path, folder }),
            Err(e) => Err(errno_error(&folder, e)),
        }
    }

    fn not_yours(&self, euid: u32) -> WriteError {
        let path = self.reached.path.clone();
        let owner = user_name(self.reached.stat.st_uid);
        let folder = rustix::fs::fstat(&self.reached.folder).ok();
        match folder {
            Some(f) if f.st_mode & 0o1000 != 0 && f.st_uid != euid => WriteError::StickyFolder {
                path,
                owner,
                folder_owner: user_name(f.st_uid),
            },
            _ => WriteError::NotYourFile { path, owner },
        }
    }

    /// Removes temporary files of this file's pattern left by a writer that died: nobody holds
    /// their lock any more (a live writer locks its temporary file from the moment it exists).
    pub(super) fn remove_leftovers(&self) {
        let prefix = leftover_prefix(&self.reached.name);
        let Ok(dir) = openat(
            &self.reached.folder,
            ".",
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        ) else {
            return;
        };
        let Ok(entries) = rustix::fs::Dir::read_from(&dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = OsStr::from_bytes(entry.file_name().to_bytes());
            let bytes = name.as_bytes();
            if bytes.starts_with(prefix.as_bytes()) && bytes.ends_with(TEMP_SUFFIX.as_bytes()) {
                remove_if_abandoned(&self.reached.folder, name);
            }
        }
    }

    /// The file's bytes once it has stopped changing: not changed within the settle time
    /// (unless `ours` says the last change was this program's own), not open for writing
    /// elsewhere, and the same before and after the read. A file over the size limit is
    /// refused unread. `Ok(None)` when the name now leads to another file.
    pub(super) fn read_settled(
        &mut self,
        opts: &WriteOptions,
        deadline: Instant,
        ours: impl Fn(&Version) -> bool,
    ) -> Result<Option<(Vec<u8>, Version)>, WriteError> {
        let settle = opts.settle;
        loop {
            if !still_there(&self.reached.folder, &self.reached.name, &self.reached.stat) {
                return Ok(None);
            }
            let before = self.version()?;
            self.within(before.size, opts.max_file_size)?;
            let pause = if before.is_fresh(settle) && !ours(&before) || self.open_for_writing() {
                settle / 4
            } else {
                let bytes = self.read_all(opts.max_file_size)?;
                if self.version()? == before {
                    return Ok(Some((bytes, before)));
                }
                Duration::from_millis(2)
            };
            if Instant::now() + pause > deadline {
                return Err(WriteError::BeingEdited {
                    path: self.reached.path.clone(),
                });
            }
            std::thread::sleep(pause);
        }
    }

    /// Whether another process has the file open for writing (an editor saving it in place,
    /// piece by piece): a read lease is refused exactly then. Where leases are not available
    /// (some network file systems), only the settle time protects.
    fn open_for_writing(&self) -> bool {
        ignore_lease_breaks();
        let fd = self.file.as_raw_fd();
        // SAFETY: fcntl on a descriptor this value owns; F_SETLEASE takes an int argument.
        let taken = unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_RDLCK) };
        if taken == 0 {
            // SAFETY: as above; gives the lease back at once.
            unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_UNLCK) };
            return false;
        }
        io::Error::last_os_error().raw_os_error() == Some(libc::EAGAIN)
    }

    fn version(&self) -> Result<Version, WriteError> {
        let st = fstat(&self.file).map_err(|e| errno_error(&self.reached.path, e))?;
        Ok(Version::of(&st))
    }

    /// Reads at most one byte more than `limit`, so a file that grew past it is caught.
    fn read_all(&mut self, limit: u64) -> Result<Vec<u8>, WriteError> {
        let path = &self.reached.path;
        let mut bytes = Vec::new();
        self.file
            .rewind()
            .and_then(|()| (&mut self.file).take(limit + 1).read_to_end(&mut bytes))
            .map_err(|e| io_error(path, e))?;
        self.within(bytes.len() as i64, limit)?;
        Ok(bytes)
    }

    fn within(&self, size: i64, limit: u64) -> Result<(), WriteError> {
        let size = u64::try_from(size).unwrap_or(0);
        if size <= limit {
            return Ok(());
        }
        Err(WriteError::TooLarge {
            path: self.reached.path.clone(),
            size,
            limit,
        })
    }

    /// Replaces the file by `bytes` if it is still exactly `base`, atomically: a new file with
    /// the old one's attributes is exchanged with it, and exchanged back if what it displaced
    /// turns out not to be `base` (an editor saved at that very moment). `Ok(None)` when the
    /// file changed: read it again and redo the edit.
    pub(super) fn replace(
        &self,
        bytes: &[u8],
        base: Version,
    ) -> Result<Option<Version>, WriteError> {
        let path = &self.reached.path;
        let folder = &self.reached.folder;
        let name = self.reached.name.as_os_str();
        let temp = Temp::create(folder, name, path)?;
        keep_attributes(&self.file, &temp.fd, &self.reached.stat, path)?;
        let mut out = File::from(temp.fd.try_clone().map_err(|e| io_error(path, e))?);
        out.write_all(bytes).map_err(|e| io_error(path, e))?;
        fdatasync(&temp.fd).map_err(|e| errno_error(path, e))?;
        if self.version()? != base
            || !still_there(folder, name, &self.reached.stat)
            || self.open_for_writing()
        {
            return Ok(None);
        }
        match renameat_with(folder, &temp.name, folder, name, RenameFlags::EXCHANGE) {
            Ok(()) => {}
            Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => {
                // No exchange on this file system: a plain rename right after the last check.
                renameat(folder, &temp.name, folder, name).map_err(|e| errno_error(path, e))?;
                temp.forget();
                sync_folder(folder);
                return self.new_version(&out).map(Some);
            }
            Err(e) => return Err(errno_error(path, e)),
        }
        let displaced_base = statat(folder, &temp.name, AtFlags::SYMLINK_NOFOLLOW)
            .is_ok_and(|d| d.st_dev == base.dev && d.st_ino == base.ino);
        if !displaced_base || !self.version()?.same_content(&base) {
            let ours = fstat(&temp.fd).map_err(|e| errno_error(path, e))?;
            if still_there(folder, name, &ours)
                && let Err(e) =
                    renameat_with(folder, &temp.name, folder, name, RenameFlags::EXCHANGE)
            {
                // What was displaced is someone's save: it stays under the temporary name.
                temp.forget();
                return Err(errno_error(path, e));
            }
            return Ok(None);
        }
        drop(temp);
        sync_folder(folder);
        self.new_version(&out).map(Some)
    }

    fn new_version(&self, written: &File) -> Result<Version, WriteError> {
        let st = fstat(written).map_err(|e| errno_error(&self.reached.path, e))?;
        Ok(Version::of(&st))
    }
}

/// A lease held for an instant can still be broken by another process opening the file for
/// writing; the kernel then signals SIGIO, whose default action would end this process.
fn ignore_lease_breaks() {
    static IGNORE: std::sync::Once = std::sync::Once::new();
    IGNORE.call_once(|| {
        // SAFETY: installs SIG_IGN for SIGIO, which this program uses for nothing else.
        unsafe { libc::signal(libc::SIGIO, libc::SIG_IGN) };
    });
}

fn lock_until(fd: &OwnedFd, deadline: Instant, path: &Path) -> Result<(), WriteError> {
    let started = Instant::now();
    let mut pause = Duration::from_micros(200);
    loop {
        match flock(fd, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => return Ok(()),
            Err(Errno::WOULDBLOCK | Errno::INTR) => {}
            Err(e) => return Err(errno_error(path, e)),
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(WriteError::LockTimeout {
                path: path.to_path_buf(),
                waited: now - started,
            });
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(5));
    }
}

/// `faccessat` with the effective ids, as the kernel will judge the write itself.
fn may(folder: &OwnedFd, name: impl rustix::path::Arg + Copy, what: Access) -> Result<(), Errno> {
    match accessat(folder, name, what, AtFlags::EACCESS) {
        Err(Errno::NOSYS | Errno::INVAL) => accessat(folder, name, what, AtFlags::empty()),
        other => other,
    }
}

fn leftover_prefix(name: &OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    prefix
}

fn remove_if_abandoned(folder: &OwnedFd, name: &OsStr) {
    let Ok(fd) = openat(
        folder,
        name,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK | OFlags::NOCTTY,
        Mode::empty(),
    ) else {
        return;
    };
    let regular = fstat(&fd).is_ok_and(|st| FileType::from_raw_mode(st.st_mode).is_file());
    if regular && flock(&fd, FlockOperation::NonBlockingLockExclusive).is_ok() {
        let _ = unlinkat(folder, name, AtFlags::empty());
    }
}

/// A new file beside the target, locked from birth, removed when dropped unless renamed away.
struct Temp<'f> {
    folder: &'f OwnedFd,
    name: OsString,
    fd: OwnedFd,
    keep: bool,
}

impl<'f> Temp<'f> {
    fn create(folder: &'f OwnedFd, target: &OsStr, path: &Path) -> Result<Self, WriteError> {
        let mut attempt = 0u32;
        loop {
            let mut name = leftover_prefix(target);
            name.push(random_tag(attempt));
            name.push(TEMP_SUFFIX);
            let made = openat(
                folder,
                name.as_os_str(),
                OFlags::WRONLY
                    | OFlags::CREATE
                    | OFlags::EXCL
                    | OFlags::NOFOLLOW
                    | OFlags::CLOEXEC
                    | OFlags::NOCTTY,
                Mode::from_raw_mode(0o600),
            );
            match made {
                Ok(fd) => {
                    let temp = Temp {
                        folder,
                        name,
                        fd,
                        keep: false,
                    };
                    flock(&temp.fd, FlockOperation::NonBlockingLockExclusive)
                        .map_err(|e| errno_error(path, e))?;
                    return Ok(temp);
                }
                Err(Errno::EXIST) if attempt < 16 => attempt += 1,
                Err(Errno::ACCESS | Errno::PERM) => {
                    return Err(WriteError::FolderNotWritable {
                        path: path.to_path_buf(),
                        folder: path.parent().unwrap_or(Path::new("/")).to_path_buf(),
                    });
                }
                Err(e) => return Err(errno_error(path, e)),
            }
        }
    }

    fn forget(mut self) {
        self.keep = true;
    }
}

impl Drop for Temp<'_> {
    fn drop(&mut self) {
        if !self.keep {
            let _ = unlinkat(self.folder, self.name.as_os_str(), AtFlags::empty());
        }
    }
}

/// Eight letters that differ between processes, attempts and moments.
fn random_tag(attempt: u32) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut x = u64::from(std::process::id()) << 32 ^ u64::from(nanos) ^ u64::from(attempt) << 48;
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..8)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            LETTERS[(x % LETTERS.len() as u64) as usize] as char
        })
        .collect()
}

/// Owner and group (root), group (others), every extended attribute (which carries the POSIX
/// ACL), then the mode: anything that cannot be kept refuses the write rather than drop it.
fn keep_attributes(from: &File, to: &OwnedFd, st: &Stat, path: &Path) -> Result<(), WriteError> {
    let cannot = |what: Attribute| WriteError::CannotKeep {
        path: path.to_path_buf(),
        what,
    };
    let uid = rustix::fs::Uid::from_raw(st.st_uid);
    let gid = rustix::fs::Gid::from_raw(st.st_gid);
    if rustix::process::geteuid().is_root() {
        fchown(to, Some(uid), Some(gid))
            .map_err(|_| cannot(Attribute::Owner(user_name(st.st_uid))))?;
    } else if fstat(to).map_err(|e| errno_error(path, e))?.st_gid != st.st_gid {
        fchown(to, None, Some(gid)).map_err(|_| cannot(Attribute::Group(st.st_gid)))?;
    }
    copy_xattrs(from.as_fd(), to, path)?;
    // Last, as changing the owner clears set-id bits and an ACL sets the group bits.
    fchmod(to, Mode::from_raw_mode(st.st_mode & 0o7777))
        .map_err(|_| cannot(Attribute::Mode(st.st_mode & 0o7777)))
}

/// The new file gets exactly the old one's extended attributes: those it inherited from the
/// folder (a default ACL) but the old one did not have are removed.
fn copy_xattrs(from: impl AsFd + Copy, to: &OwnedFd, path: &Path) -> Result<(), WriteError> {
    let names = |fd| match list_xattrs(fd) {
        Ok(names) => Ok(names),
        Err(Errno::NOTSUP) => Ok(Vec::new()),
        Err(e) => Err(errno_error(path, e)),
    };
    let (old, new) = (names(from.as_fd())?, names(to.as_fd())?);
    let split = |list: &[u8]| -> Vec<Vec<u8>> {
        list.split(|b| *b == 0)
            .filter(|n| !n.is_empty())
            .map(<[u8]>::to_vec)
            .collect()
    };
    let old = split(&old);
    for extra in split(&new).iter().filter(|n| !old.contains(n)) {
        let name = OsStr::from_bytes(extra);
        rustix::fs::fremovexattr(to, name).map_err(|_| WriteError::CannotKeep {
            path: path.to_path_buf(),
            what: Attribute::Extended(name.to_string_lossy().into_owned()),
        })?;
    }
    for name in &old {
        let name = OsStr::from_bytes(name);
        let value = get_xattr(from, name).map_err(|e| errno_error(path, e))?;
        if get_xattr(to.as_fd(), name).is_ok_and(|v| v == value) {
            continue;
        }
        rustix::fs::fsetxattr(to, name, &value, rustix::fs::XattrFlags::empty()).map_err(|_| {
            WriteError::CannotKeep {
                path: path.to_path_buf(),
                what: Attribute::Extended(name.to_string_lossy().into_owned()),
            }
        })?;
    }
    Ok(())
}

fn list_xattrs(fd: impl AsFd + Copy) -> Result<Vec<u8>, Errno> {
    loop {
        let size = rustix::fs::flistxattr_query(fd)?;
        let mut buf = vec![0u8; size];
        match rustix::fs::flistxattr(fd, &mut buf[..]) {
            Ok(n) => {
                buf.truncate(n);
                return Ok(buf);
            }
            Err(Errno::RANGE) => continue,
            Err(e) => return Err(e),
        }
    }
}

fn get_xattr(fd: impl AsFd + Copy, name: &OsStr) -> Result<Vec<u8>, Errno> {
    loop {
        let size = rustix::fs::fgetxattr_query(fd, name)?;
        let mut buf = vec![0u8; size];
        match rustix::fs::fgetxattr(fd, name, &mut buf[..]) {
            Ok(n) => {
                buf.truncate(n);
                return Ok(buf);
            }
            Err(Errno::RANGE) => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Makes the rename durable. The new file is already in place and visible: a failing folder
/// fsync only weakens durability across a crash, and reporting it would make the user redo a
/// change that happened.
fn sync_folder(folder: &OwnedFd) {
    if let Ok(dir) = openat(
        folder,
        ".",
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    ) {
        let _ = rustix::fs::fsync(&dir);
    }
}

/// Plain words for the errors a user can do something about, also when wrapped by another
/// layer that kept the error kind.
pub(super) fn io_error(path: &Path, e: io::Error) -> WriteError {
    let path = path.to_path_buf();
    match e.raw_os_error() {
        Some(libc::EACCES | libc::EPERM) => WriteError::PermissionDenied { path },
        Some(libc::EROFS) => WriteError::ReadOnlyFs { path },
        Some(libc::ENOSPC | libc::EDQUOT) => WriteError::DiskFull { path },
        _ => WriteError::Io { path, source: e },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_errors_get_plain_words() {
        let p = Path::new("a.toml");
        let of = |code| io_error(p, io::Error::from_raw_os_error(code));
        assert!(matches!(
            of(libc::EACCES),
            WriteError::PermissionDenied { .. }
        ));
        assert!(matches!(
            of(libc::EPERM),
            WriteError::PermissionDenied { .. }
        ));
        assert!(matches!(of(libc::EROFS), WriteError::ReadOnlyFs { .. }));
        assert!(matches!(of(libc::ENOSPC), WriteError::DiskFull { .. }));
        assert!(matches!(of(libc::EDQUOT), WriteError::DiskFull { .. }));
        assert!(matches!(of(libc::EIO), WriteError::Io { .. }));
    }

    #[test]
    fn temporary_names_follow_the_leftover_pattern() {
        let prefix = leftover_prefix(OsStr::new("s.toml"));
        assert_eq!(prefix, ".s.toml.");
        let tag = random_tag(0);
        assert_eq!(tag.len(), 8);
        assert_ne!(random_tag(1), random_tag(2));
    }

    #[test]
    fn a_version_far_in_the_past_or_future_is_settled() {
        let mut v = Version {
            dev: 1,
            ino: 1,
            size: 0,
            mtime: (0, 0),
            ctime: (0, 0),
        };
        assert!(!v.is_fresh(Duration::from_millis(30)));
        v.mtime = (i64::MAX / 2, 0);
        assert!(!v.is_fresh(Duration::from_millis(30)));
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("after 1970");
        v.mtime = (now.as_secs() as i64, u64::from(now.subsec_nanos()));
        assert!(v.is_fresh(Duration::from_secs(60)));
    }
}
