//! One briefing file locked (after the checks of `access.rs`), read once it is still, and
//! replaced: atomically (a new file exchanged with it, keeping owner, group, mode, ACL, extended
//! attributes and `chattr` flags) where that keeps everything, else rewritten in place with a
//! recovery copy (`inplace.rs`).

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rustix::fs::{
    AtFlags, FileType, IFlags, Mode, OFlags, RenameFlags, Stat, fchmod, fchown, fstat, fsync,
    openat, renameat, renameat_with, statat,
};
use rustix::io::Errno;

mod lock;
mod temp;

use super::access::{check_flags, check_folder, check_may_write};
use super::holders;
use super::resolve::{Reached, errno_error, reopen, still_there};
use super::{Attribute, WriteError, WriteOptions, user_name};
use crate::store::Stamp;
use lock::lock_until;
pub(super) use lock::{CONTENT_BYTE, try_lock_byte};
pub use temp::TEMP_SUFFIX;
use temp::{Temp, leftover_prefix, remove_if_ours_and_dead};

/// The `chattr` flags a new file must carry over (those a person sets; immutable and
/// append-only files are refused before).
const KEPT_FLAGS: IFlags = IFlags::from_bits_retain(
    IFlags::COMPRESSED.bits()
        | IFlags::DIRSYNC.bits()
        | IFlags::JOURNALING.bits()
        | IFlags::NOATIME.bits()
        | IFlags::NOCOW.bits()
        | IFlags::NODUMP.bits()
        | IFlags::NOTAIL.bits()
        | IFlags::PROJECT_INHERIT.bits()
        | IFlags::SECURE_REMOVAL.bits()
        | IFlags::SYNC.bits()
        | IFlags::TOPDIR.bits()
        | IFlags::UNRM.bits(),
);

/// Whether the last write of the file stamped `v` was less than `settle` ago (or is stamped in
/// the near future).
fn is_fresh(v: &Stamp, settle: Duration) -> bool {
    match age(v.modified) {
        Some(Ok(age)) => age < settle,
        Some(Err(ahead)) => ahead < settle,
        None => false,
    }
}

/// A new file `name` in `folder`, for writing, that only its owner may read: never an existing
/// file, never through a link (`EEXIST` when the name is taken).
pub(super) fn create_private(folder: impl AsFd, name: &OsStr) -> rustix::io::Result<OwnedFd> {
    let flags = OFlags::WRONLY
        | OFlags::CREATE
        | OFlags::EXCL
        | OFlags::NOFOLLOW
        | OFlags::CLOEXEC
        | OFlags::NOCTTY;
    openat(folder, name, flags, Mode::from_raw_mode(0o600))
}

/// How long ago a time stamp was (`Err`: how far ahead it is); `None` when out of range.
fn age((secs, nanos): (i64, i64)) -> Option<Result<Duration, Duration>> {
    let nanos = u32::try_from(nanos.clamp(0, 999_999_999)).unwrap_or_default();
    let at = u64::try_from(secs)
        .ok()
        .and_then(|s| UNIX_EPOCH.checked_add(Duration::new(s, nanos)))?;
    Some(match SystemTime::now().duration_since(at) {
        Ok(age) => Ok(age),
        Err(ahead) => Err(ahead.duration()),
    })
}

/// What a decision about the file rests on, read once it has settled under the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Facts {
    pub(super) uid: u32,
    pub(super) gid: u32,
    pub(super) mode: u32,
    pub(super) nlink: u64,
    pub(super) flags: IFlags,
}

impl Facts {
    fn of(st: &Stat, flags: IFlags) -> Self {
        // `st_nlink` is u32 on some architectures.
        #[allow(clippy::unnecessary_cast)]
        let nlink = st.st_nlink as u64;
        Facts {
            uid: st.st_uid,
            gid: st.st_gid,
            mode: st.st_mode & 0o7777,
            nlink,
            flags: flags & KEPT_FLAGS,
        }
    }

    /// Set-id bits a write by someone without `CAP_FSETID` clears.
    fn set_id_cleared_by_writing(&self) -> bool {
        self.mode & 0o4000 != 0 || self.mode & 0o2010 == 0o2010
    }
}

/// The version a write is based on: its bytes' stamp and the facts read with it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Base {
    pub(super) version: Stamp,
    pub(super) facts: Facts,
    /// The version is this writer's own last write: nobody was writing it then.
    ours: bool,
}

/// How the new text gets into the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    /// A new file, exchanged with the old one: atomic for every reader.
    Exchange,
    /// The same file rewritten under its lock, with a recovery copy: keeps what a new file
    /// could not (another person's ownership, hard links, attributes this user cannot set).
    InPlace,
}

/// The briefing file, open for reading and writing and locked for as long as this lives.
///
/// The lock is an open-file `fcntl` write lock, which only someone allowed to write the file
/// can take: a reader's `flock` does not stop a check-off.
pub(super) struct Locked {
    pub(super) file: File,
    pub(super) reached: Reached,
}

/// Why a step has to start again from the path: the name now leads to another file.
pub(super) struct Moved;

impl Locked {
    /// Checks that the person may write the reached file, opens it through its handle (never by
    /// name: what is not a regular file is not opened at all) and takes its lock, polling until
    /// `deadline`. `Ok(Err(Moved))` when the name was replaced meanwhile.
    pub(super) fn take(
        reached: Reached,
        deadline: Instant,
    ) -> Result<Result<Locked, Moved>, WriteError> {
        let path = &reached.path;
        if !FileType::from_raw_mode(reached.stat.st_mode).is_file() {
            return Err(WriteError::NotAFile { path: path.clone() });
        }
        let Some(reading) = reopen(&reached, OFlags::RDONLY)? else {
            return Ok(Err(Moved));
        };
        check_flags(&reading, path)?;
        check_may_write(&reached)?;
        check_folder(&reached)?;
        let fd = match reopen(&reached, OFlags::RDWR) {
            Ok(Some(fd)) => fd,
            Ok(None) => return Ok(Err(Moved)),
            Err(WriteError::PermissionDenied { path }) => {
                return Err(WriteError::FileNotWritable { path });
            }
            Err(e) => return Err(e),
        };
        lock_until(&fd, deadline, &reached)?;
        if !still_there(&reached.folder, &reached.name, &reached.stat) {
            return Ok(Err(Moved));
        }
        // Checked again now that the lock is ours: a chmod or chattr made while waiting
        // counts (one made later changes the status time, and the write starts over).
        check_flags(&fd, path)?;
        check_may_write(&reached)?;
        Ok(Ok(Locked {
            file: File::from(fd),
            reached,
        }))
    }

    pub(super) fn path(&self) -> &Path {
        &self.reached.path
    }

    /// Removes temporary files of this file's pattern that are provably this program's own and
    /// dead: nobody holds their lock (a live writer locks its temporary file from birth and its
    /// base file throughout), and the file is either the one the writer made (its inode is in
    /// its name) or the version it displaced (inode, size and time in its name). Anything else
    /// there (an editor's save displaced by a killed writer) stays.
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
            let tag = name
                .as_bytes()
                .strip_prefix(prefix.as_bytes())
                .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX.as_bytes()));
            if let Some(tag) = tag {
                remove_if_ours_and_dead(&self.reached.folder, name, tag);
            }
        }
    }

    /// The file's bytes once it has stopped changing: not changed within the settle time
    /// (unless `ours` says the last change was this program's own), not open for writing
    /// elsewhere, and the same before and after the read; with the facts read alongside.
    /// A file over the size limit is refused unread. `Ok(None)` when the name now leads to
    /// another file.
    pub(super) fn read_settled(
        &mut self,
        opts: &WriteOptions,
        deadline: Instant,
        ours: impl Fn(&Stamp) -> bool,
    ) -> Result<Option<(Vec<u8>, Base)>, WriteError> {
        let settle = opts.settle;
        loop {
            if !still_there(&self.reached.folder, &self.reached.name, &self.reached.stat) {
                return Ok(None);
            }
            let (before, facts) = self.facts()?;
            self.within(before.len, opts.max_file_size)?;
            // Our own last version was not being written by anyone else when we wrote it.
            let writers = if ours(&before) {
                Vec::new()
            } else {
                self.writers()
            };
            let pause = if is_fresh(&before, settle) && !ours(&before) || !writers.is_empty() {
                settle / 4
            } else {
                let bytes = self.read_all(opts.max_file_size)?;
                if self.facts()? == (before, facts) {
                    let base = Base {
                        version: before,
                        facts,
                        ours: ours(&before),
                    };
                    return Ok(Some((bytes, base)));
                }
                Duration::from_millis(2)
            };
            if Instant::now() + pause > deadline {
                let path = self.reached.path.clone();
                return Err(if writers.is_empty() {
                    WriteError::BeingEdited { path }
                } else {
                    WriteError::HeldOpen {
                        path,
                        holders: writers,
                    }
                });
            }
            std::thread::sleep(pause);
        }
    }

    /// The other processes that have the file open for writing (an editor saving it in place,
    /// piece by piece), as far as this user may see them.
    fn writers(&self) -> Vec<holders::Holder> {
        holders::writers(
            &self.file,
            self.reached.stat.st_dev,
            self.reached.stat.st_ino,
        )
    }

    /// The file's stamp and facts now.
    fn facts(&self) -> Result<(Stamp, Facts), WriteError> {
        let st = fstat(&self.file).map_err(|e| errno_error(&self.reached.path, e))?;
        let flags = rustix::fs::ioctl_getflags(&self.file).unwrap_or(IFlags::empty());
        Ok((Stamp::of_stat(&st), Facts::of(&st, flags)))
    }

    /// Whether the file is still exactly `base` under its name, facts included, with nobody
    /// else writing it.
    pub(super) fn unchanged(&self, base: &Base) -> Result<bool, WriteError> {
        Ok(self.facts()? == (base.version, base.facts)
            && still_there(&self.reached.folder, &self.reached.name, &self.reached.stat)
            && (base.ours || self.writers().is_empty()))
    }

    /// Reads at most one byte more than `limit`, so a file that grew past it is caught.
    fn read_all(&mut self, limit: u64) -> Result<Vec<u8>, WriteError> {
        let path = &self.reached.path;
        let mut bytes = Vec::new();
        self.file
            .rewind()
            .and_then(|()| (&mut self.file).take(limit + 1).read_to_end(&mut bytes))
            .map_err(|e| io_error(path, e))?;
        self.within(bytes.len() as u64, limit)?;
        Ok(bytes)
    }

    fn within(&self, size: u64, limit: u64) -> Result<(), WriteError> {
        if size <= limit {
            return Ok(());
        }
        Err(WriteError::TooLarge {
            path: self.reached.path.clone(),
            size,
            limit,
        })
    }

    /// Puts `bytes` in place of the file if it is still exactly `base`: by exchange where a new
    /// file keeps everything the old one had, else in place. `Ok(None)` when the file changed:
    /// read it again and redo the edit.
    pub(super) fn replace(
        &self,
        old: &[u8],
        bytes: &[u8],
        base: Base,
    ) -> Result<Option<Stamp>, WriteError> {
        match self.way(&base.facts) {
            Way::Exchange => match self.exchange(bytes, &base) {
                Err(WriteError::CannotKeep { .. }) => self.in_place(old, bytes, &base),
                other => other,
            },
            Way::InPlace => self.in_place(old, bytes, &base),
        }
    }

    /// Exchange when the new file can be this user's own copy of everything: they own the file
    /// (or are root) and it has one name.
    fn way(&self, facts: &Facts) -> Way {
        let euid = rustix::process::geteuid().as_raw();
        if facts.nlink == 1 && (euid == 0 || facts.uid == euid) {
            Way::Exchange
        } else {
            Way::InPlace
        }
    }

    /// Refuses an in-place write that would clear set-id bits this user cannot put back.
    pub(super) fn check_set_id_kept(&self, facts: &Facts) -> Result<(), WriteError> {
        let euid = rustix::process::geteuid().as_raw();
        if euid != 0 && facts.uid != euid && facts.set_id_cleared_by_writing() {
            return Err(WriteError::CannotKeep {
                path: self.reached.path.clone(),
                what: Attribute::Mode(facts.mode),
            });
        }
        Ok(())
    }

    /// A new file with the old one's attributes is exchanged with it, and exchanged back if what
    /// it displaced turns out not to be `base` (an editor saved, or someone linked, changed the
    /// mode or the owner at that very moment).
    fn exchange(&self, bytes: &[u8], base: &Base) -> Result<Option<Stamp>, WriteError> {
        let path = &self.reached.path;
        let folder = &self.reached.folder;
        let name = self.reached.name.as_os_str();
        let temp = Temp::create(folder, name, path, &base.version)?;
        let mut out = File::from(temp.fd.try_clone().map_err(|e| io_error(path, e))?);
        keep_owner(&temp.fd, &base.facts, path)?;
        out.write_all(bytes).map_err(|e| io_error(path, e))?;
        copy_xattrs(&self.file, &temp.fd, path)?;
        keep_flags(&temp.fd, &base.facts, path)?;
        // Last: writing and changing the owner clear set-id bits, and an ACL sets group bits.
        fchmod(&temp.fd, Mode::from_raw_mode(base.facts.mode))
            .map_err(|_| cannot(path, Attribute::Mode(base.facts.mode)))?;
        fsync(&temp.fd).map_err(|e| errno_error(path, e))?;
        if !self.unchanged(base)? {
            return Ok(None);
        }
        let exchanged = if temp.tagged {
            renameat_with(folder, &temp.name, folder, name, RenameFlags::EXCHANGE)
        } else {
            Err(Errno::NOSYS)
        };
        match exchanged {
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
        if !self.displaced_is(base, &temp.name)? {
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

    /// Whether the file now under the temporary name is `base` as it was: same inode, content,
    /// owner, group, mode, flags, and still one name (a link made just before the exchange
    /// would now be split from the file).
    fn displaced_is(&self, base: &Base, temp: &OsStr) -> Result<bool, WriteError> {
        let there = statat(&self.reached.folder, temp, AtFlags::SYMLINK_NOFOLLOW)
            .is_ok_and(|d| d.st_dev == base.version.dev && d.st_ino == base.version.ino);
        let (now, facts) = self.facts()?;
        Ok(there && now.same_content(&base.version) && facts == base.facts)
    }

    pub(super) fn new_version(&self, written: &File) -> Result<Stamp, WriteError> {
        let st = fstat(written).map_err(|e| errno_error(&self.reached.path, e))?;
        Ok(Stamp::of_stat(&st))
    }
}

fn cannot(path: &Path, what: Attribute) -> WriteError {
    WriteError::CannotKeep {
        path: path.to_path_buf(),
        what,
    }
}

/// Owner and group (root), group (others): what cannot be kept makes the write go in place.
fn keep_owner(to: &OwnedFd, facts: &Facts, path: &Path) -> Result<(), WriteError> {
    let uid = rustix::fs::Uid::from_raw(facts.uid);
    let gid = rustix::fs::Gid::from_raw(facts.gid);
    if rustix::process::geteuid().is_root() {
        fchown(to, Some(uid), Some(gid))
            .map_err(|_| cannot(path, Attribute::Owner(user_name(facts.uid))))
    } else if fstat(to).map_err(|e| errno_error(path, e))?.st_gid != facts.gid {
        fchown(to, None, Some(gid)).map_err(|_| cannot(path, Attribute::Group(facts.gid)))
    } else {
        Ok(())
    }
}

/// The old file's `chattr` flags on the new one.
fn keep_flags(to: &OwnedFd, facts: &Facts, path: &Path) -> Result<(), WriteError> {
    if facts.flags.is_empty() {
        return Ok(());
    }
    let now = rustix::fs::ioctl_getflags(to).unwrap_or(IFlags::empty());
    rustix::fs::ioctl_setflags(to, (now - KEPT_FLAGS) | facts.flags)
        .map_err(|_| cannot(path, Attribute::Flags(facts.flags.bits())))
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
        rustix::fs::fremovexattr(to, name).map_err(|_| {
            cannot(
                path,
                Attribute::Extended(name.to_string_lossy().into_owned()),
            )
        })?;
    }
    for name in &old {
        let name = OsStr::from_bytes(name);
        let value = get_xattr(from, name).map_err(|e| errno_error(path, e))?;
        if get_xattr(to.as_fd(), name).is_ok_and(|v| v == value) {
            continue;
        }
        rustix::fs::fsetxattr(to, name, &value, rustix::fs::XattrFlags::empty()).map_err(|_| {
            cannot(
                path,
                Attribute::Extended(name.to_string_lossy().into_owned()),
            )
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
pub(super) fn sync_folder(folder: &OwnedFd) {
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
    fn a_version_far_in_the_past_or_future_is_settled() {
        let mut v = Stamp {
            dev: 1,
            ino: 1,
            len: 0,
            modified: (0, 0),
            changed: (0, 0),
        };
        assert!(!is_fresh(&v, Duration::from_millis(30)));
        v.modified = (i64::MAX / 2, 0);
        assert!(!is_fresh(&v, Duration::from_millis(30)));
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("after 1970");
        v.modified = (now.as_secs() as i64, i64::from(now.subsec_nanos()));
        assert!(is_fresh(&v, Duration::from_secs(60)));
    }

    #[test]
    fn set_id_bits_a_write_clears_are_known() {
        let facts = |mode| Facts {
            uid: 1,
            gid: 1,
            mode,
            nlink: 1,
            flags: IFlags::empty(),
        };
        assert!(facts(0o4755).set_id_cleared_by_writing());
        assert!(facts(0o2775).set_id_cleared_by_writing());
        assert!(!facts(0o2664).set_id_cleared_by_writing());
        assert!(!facts(0o664).set_id_cleared_by_writing());
    }
}
