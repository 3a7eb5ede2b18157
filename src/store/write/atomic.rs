//! The folder lock and the atomic replacement of a file (temporary file, fsync, rename).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

use super::WriteError;

/// An exclusive `flock` on the lock file, released when dropped.
pub struct FolderLock {
    _file: File,
}

/// Takes the lock on `path`, polling until `wait` has passed.
pub fn lock(path: &Path, wait: Duration) -> Result<FolderLock, WriteError> {
    let file = open_lock_file(path)?;
    let deadline = Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(FolderLock { _file: file }),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(TryLockError::Error(e)) => return Err(io_error(path, e)),
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(WriteError::LockTimeout {
                lock: path.to_path_buf(),
                waited: wait,
            });
        }
        std::thread::sleep((deadline - now).min(Duration::from_millis(5)));
    }
}

/// Opens (creating it if needed) the lock file; read-only is enough to lock.
fn open_lock_file(path: &Path) -> Result<File, WriteError> {
    let rw = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o666)
        .open(path);
    match rw {
        Ok(f) => Ok(f),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            File::open(path).map_err(|e| io_error(path, e))
        }
        Err(e) => Err(io_error(path, e)),
    }
}

/// Replaces `path` by `bytes` so that readers see either the old or the new file, with the
/// old file's permission bits (and owner and group where allowed).
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .rand_bytes(6)
        .tempfile_in(dir)
        .map_err(|e| io_error(dir, e))?;
    copy_owner(tmp.as_file(), &meta);
    let file = tmp.as_file_mut();
    file.set_permissions(meta.permissions())
        .and_then(|()| file.write_all(bytes))
        .and_then(|()| file.sync_data())
        .map_err(|e| io_error(path, e))?;
    tmp.persist(path).map_err(|e| io_error(path, e.error))?;
    // The new file is in place and visible from here on: a failing folder fsync only weakens
    // durability across a crash, and reporting it would make the user redo a change that happened.
    let _ = File::open(dir).and_then(|d| d.sync_all());
    Ok(())
}

/// Owner and group of the original where the process may set them; otherwise the group
/// alone; otherwise left as created (EPERM is not an error here).
fn copy_owner(file: &File, meta: &fs::Metadata) {
    use std::os::unix::fs::fchown;
    if fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        let _ = fchown(file, None, Some(meta.gid()));
    }
}

/// Plain words for the errors a user can do something about (EACCES/EPERM, EROFS), also when
/// wrapped by another layer that kept the error kind.
pub fn io_error(path: &Path, e: io::Error) -> WriteError {
    let path = path.to_path_buf();
    match e.kind() {
        io::ErrorKind::PermissionDenied => WriteError::PermissionDenied { path },
        io::ErrorKind::ReadOnlyFilesystem => WriteError::ReadOnly { path },
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
        assert!(matches!(of(libc::EROFS), WriteError::ReadOnly { .. }));
        assert!(matches!(of(libc::ENOSPC), WriteError::Io { .. }));
        assert!(of(libc::EROFS).to_string().contains("read-only"));
    }
}
