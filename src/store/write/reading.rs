//! What the loader needs of the writer's files: the content lock taken shared while a file is
//! read, and the recovery copy that keeps a whole version while a file is rewritten in place.

use std::path::Path;
use std::time::Duration;

use super::{atomic, rescue};

/// Takes the content lock for reading on `file` (a briefing just opened by the loader), waiting
/// a little for an in-place rewrite under way; released when the file is closed. Without it
/// (a lock held for longer, a file system without locks) the reader's other checks remain.
pub(crate) fn lock_for_reading(file: &std::fs::File) {
    for _ in 0..200 {
        match atomic::try_lock_byte(file, libc::F_RDLCK, atomic::CONTENT_BYTE) {
            Ok(false) => std::thread::sleep(Duration::from_millis(1)),
            _ => return,
        }
    }
}

/// The recovery copy beside the briefing file at `path`, if there is one that reads back whole:
/// what a reader needs to take a whole version while the file is rewritten in place.
pub(crate) fn rescue_beside(path: &Path, limit: u64) -> Option<rescue::Rescue> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let name = path.file_name()?;
    let copy = path.with_file_name(rescue::rescue_name(name));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(copy)
        .ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_mul(2).saturating_add(4096))
        .read_to_end(&mut bytes)
        .ok()?;
    rescue::decode(&bytes)
}
