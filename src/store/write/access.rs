//! Whether a person may change a briefing file, by the rules every write follows (and the
//! editor's `e` asks before it starts): a regular file, neither immutable nor append-only, that
//! they may write (`faccessat` with the effective ids), in a folder that takes a new file.

use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use rustix::fs::{Access, AtFlags, FileType, IFlags, OFlags, accessat};
use rustix::io::Errno;

use super::WriteError;
use super::resolve::{self, Reached, errno_error, reopen};

/// Whether the briefing at `rel` below `root` may be changed in an editor, by the same rules
/// as a check-off (`faccessat` with the effective ids, immutable and append-only files
/// refused); the file's path when it may.
pub(crate) fn editable(root: &Path, rel: &Path) -> Result<PathBuf, WriteError> {
    let path = root.join(rel);
    let reached = resolve::resolve(&path)?;
    check_editable(&reached)?;
    Ok(path)
}

/// Whether a person could save the reached file with an editor, by the rules a check-off
/// follows: a regular file, neither immutable nor append-only, that they may write.
pub(super) fn check_editable(reached: &Reached) -> Result<(), WriteError> {
    if !FileType::from_raw_mode(reached.stat.st_mode).is_file() {
        return Err(WriteError::NotAFile {
            path: reached.path.clone(),
        });
    }
    if let Some(reading) = reopen(reached, OFlags::RDONLY)? {
        check_flags(&reading, &reached.path)?;
    }
    check_may_write(reached)
}

/// Immutable and append-only files get their own refusal.
pub(super) fn check_flags(fd: &OwnedFd, path: &Path) -> Result<(), WriteError> {
    let flags = rustix::fs::ioctl_getflags(fd).unwrap_or(IFlags::empty());
    let path = path.to_path_buf();
    if flags.contains(IFlags::IMMUTABLE) {
        return Err(WriteError::Immutable { path });
    }
    if flags.contains(IFlags::APPEND) {
        return Err(WriteError::AppendOnly { path });
    }
    Ok(())
}

/// Refuses what a person could not save with an editor: a file they may not write (as the
/// kernel judges it: owner, group, ACL), and for root a file nobody may write.
pub(super) fn check_may_write(reached: &Reached) -> Result<(), WriteError> {
    let path = reached.path.clone();
    let read_only = reached.stat.st_mode & 0o222 == 0;
    if rustix::process::geteuid().is_root() {
        return if read_only {
            Err(WriteError::ReadOnlyFile { path })
        } else {
            Ok(())
        };
    }
    match may(&reached.folder, reached.name.as_os_str(), Access::WRITE_OK) {
        Ok(()) => Ok(()),
        Err(Errno::ACCESS | Errno::PERM) if read_only => Err(WriteError::ReadOnlyFile { path }),
        Err(Errno::ACCESS | Errno::PERM) => Err(WriteError::FileNotWritable { path }),
        Err(e) => Err(errno_error(&path, e)),
    }
}

/// The folder must take the new file or the recovery copy.
pub(super) fn check_folder(reached: &Reached) -> Result<(), WriteError> {
    let folder = reached.folder_path().to_path_buf();
    match may(&reached.folder, ".", Access::WRITE_OK | Access::EXEC_OK) {
        Ok(()) => Ok(()),
        Err(Errno::ACCESS | Errno::PERM) => Err(WriteError::FolderNotWritable {
            path: reached.path.clone(),
            folder,
        }),
        Err(e) => Err(errno_error(&folder, e)),
    }
}

/// `faccessat` with the effective ids, as the kernel will judge the write itself.
fn may(folder: &OwnedFd, name: impl rustix::path::Arg + Copy, what: Access) -> Result<(), Errno> {
    match accessat(folder, name, what, AtFlags::EACCESS) {
        Err(Errno::NOSYS | Errno::INVAL) => accessat(folder, name, what, AtFlags::empty()),
        other => other,
    }
}
