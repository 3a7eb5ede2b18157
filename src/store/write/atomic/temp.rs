//! The temporary files a write makes beside a briefing (`.NAME.TAG.briefing-tmp`): named so a
//! later write can tell its own leftovers from anyone else's files, and removed when dropped.

use std::ffi::{OsStr, OsString};
use std::os::fd::OwnedFd;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use rustix::fs::{
    AtFlags, FileType, Mode, OFlags, RenameFlags, Stat, fstat, openat, renameat_with, unlinkat,
};
use rustix::io::Errno;

use super::super::WriteError;
use super::super::resolve::errno_error;
use super::create_private;
use super::lock::{is_locked, try_lock};
use crate::store::Stamp;

/// What marks the temporary files of a write: `.NAME.TAG.briefing-tmp`.
pub const TEMP_SUFFIX: &str = ".briefing-tmp";

pub(super) fn leftover_prefix(name: &OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    prefix
}

/// The tag of a temporary file that holds `ino`, made for a write based on `base`:
/// `INO.BASEINO-SIZE-SECS-NANOS`.
pub(super) fn temp_tag(ino: u64, base: &Stamp) -> String {
    let (secs, nanos) = base.modified;
    format!("{ino}.{}-{}-{secs}-{nanos}", base.ino, base.len)
}

/// Whether the file `st` under a temporary name of tag `tag` is one a writer of this program
/// made or displaced: a fresh tag (a file not yet renamed to its final tag, so never
/// exchanged), its own inode, or exactly the version its write was based on.
pub(super) fn is_ours(tag: &[u8], st: &Stat) -> bool {
    let Ok(tag) = std::str::from_utf8(tag) else {
        return false;
    };
    let Some((ino, base)) = tag.split_once('.') else {
        return tag.len() == TAG_LEN && tag.bytes().all(|b| b.is_ascii_alphanumeric());
    };
    if ino.parse::<u64>() == Ok(st.st_ino) {
        return true;
    }
    let numbers: Vec<Option<i64>> = base.split('-').map(|n| n.parse().ok()).collect();
    let (secs, nanos) = (st.st_mtime, st.st_mtime_nsec as i64);
    let displaced = [st.st_ino as i64, st.st_size, secs, nanos].map(Some);
    numbers == displaced
}

pub(super) fn remove_if_ours_and_dead(folder: &OwnedFd, name: &OsStr, tag: &[u8]) {
    let Ok(fd) = openat(
        folder,
        name,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK | OFlags::NOCTTY,
        Mode::empty(),
    ) else {
        return;
    };
    let Ok(st) = fstat(&fd) else {
        return;
    };
    if FileType::from_raw_mode(st.st_mode).is_file() && is_ours(tag, &st) && !is_locked(&fd) {
        let _ = unlinkat(folder, name, AtFlags::empty());
    }
}

/// A new file beside the target, locked from birth, removed when dropped unless renamed away.
pub(super) struct Temp<'f> {
    folder: &'f OwnedFd,
    pub(super) name: OsString,
    pub(super) fd: OwnedFd,
    keep: bool,
    /// Under the name that tells its inode and base (only such a file is ever exchanged: what
    /// it displaces must be told apart from it).
    pub(super) tagged: bool,
}

impl<'f> Temp<'f> {
    /// Made under a fresh tag, locked, then renamed to the tag that names its inode and the
    /// version it is based on.
    pub(super) fn create(
        folder: &'f OwnedFd,
        target: &OsStr,
        path: &Path,
        base: &Stamp,
    ) -> Result<Self, WriteError> {
        let mut temp = Self::fresh(folder, target, path)?;
        let ino = fstat(&temp.fd).map_err(|e| errno_error(path, e))?.st_ino;
        let mut name = leftover_prefix(target);
        name.push(temp_tag(ino, base));
        name.push(TEMP_SUFFIX);
        match renameat_with(folder, &temp.name, folder, &name, RenameFlags::NOREPLACE) {
            Ok(()) => {
                temp.name = name;
                temp.tagged = true;
            }
            // No renameat2 flags here: no exchange either, a plain rename replaces the file.
            Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => {}
            Err(e) => return Err(errno_error(path, e)),
        }
        Ok(temp)
    }

    fn fresh(folder: &'f OwnedFd, target: &OsStr, path: &Path) -> Result<Self, WriteError> {
        let mut attempt = 0u32;
        loop {
            let mut name = leftover_prefix(target);
            name.push(random_tag(attempt));
            name.push(TEMP_SUFFIX);
            let made = create_private(folder, &name);
            match made {
                Ok(fd) => {
                    let temp = Temp {
                        folder,
                        name,
                        fd,
                        keep: false,
                        tagged: false,
                    };
                    if !try_lock(&temp.fd).map_err(|e| errno_error(path, e))? {
                        return Err(errno_error(path, Errno::AGAIN));
                    }
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

    pub(super) fn forget(mut self) {
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

const TAG_LEN: usize = 8;

/// Eight letters that differ between processes, attempts and moments.
pub(super) fn random_tag(attempt: u32) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut x = u64::from(std::process::id()) << 32 ^ u64::from(nanos) ^ u64::from(attempt) << 48;
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..TAG_LEN)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            LETTERS[(x % LETTERS.len() as u64) as usize] as char
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(ino: u64, len: u64, modified: (i64, i64)) -> Stamp {
        Stamp {
            dev: 1,
            ino,
            len,
            modified,
            changed: (0, 0),
        }
    }

    #[allow(unsafe_code, reason = "a made-up `stat` has no safe constructor")]
    fn stat(ino: u64, size: i64, mtime: (i64, u64)) -> Stat {
        // SAFETY: an all-zero `stat` is a valid value.
        let mut st: Stat = unsafe { std::mem::zeroed() };
        st.st_ino = ino;
        st.st_size = size;
        st.st_mtime = mtime.0;
        st.st_mtime_nsec = mtime.1 as _;
        st
    }

    #[test]
    fn temporary_names_follow_the_leftover_pattern() {
        let prefix = leftover_prefix(OsStr::new("s.toml"));
        assert_eq!(prefix, ".s.toml.");
        let tag = random_tag(0);
        assert_eq!(tag.len(), TAG_LEN);
        assert_ne!(random_tag(1), random_tag(2));
        let base = version(7, 300, (1_700_000_000, 5));
        assert_eq!(temp_tag(42, &base), "42.7-300-1700000000-5");
    }

    #[test]
    fn only_a_writers_own_file_or_its_displaced_base_counts_as_ours() {
        let base = version(7, 300, (1_700_000_000, 5));
        let tag = temp_tag(42, &base);
        assert!(
            is_ours(tag.as_bytes(), &stat(42, 999, (1, 1))),
            "the new file"
        );
        assert!(
            is_ours(tag.as_bytes(), &stat(7, 300, (1_700_000_000, 5))),
            "the base"
        );
        assert!(
            !is_ours(tag.as_bytes(), &stat(7, 310, (1_700_000_001, 0))),
            "the base saved again in place by an editor"
        );
        assert!(
            !is_ours(tag.as_bytes(), &stat(99, 300, (1, 1))),
            "an editor's new file"
        );
        assert!(
            is_ours(b"abcd1234", &stat(99, 0, (1, 1))),
            "not yet renamed"
        );
        assert!(!is_ours(b"swp", &stat(99, 0, (1, 1))));
    }
}
