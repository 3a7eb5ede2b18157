//! Rewriting a briefing file in place (the same inode, so owner, group, mode, ACL, flags and
//! every hard link stay), under its lock and crash-safely: the recovery copy is written and
//! synced first, then the file is rewritten, cut to length and synced, then the copy removed.
//! The next writer puts a half-written file back from the copy ([`Locked::recover`]).

use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::FileExt;
use std::time::{Duration, Instant};

use rustix::fs::{AtFlags, FileType, Mode, OFlags, fchmod, fchown, fdatasync, fstat, openat};
use rustix::io::Errno;

use super::atomic::{Base, CONTENT_BYTE, Locked, Version, io_error, sync_folder, try_lock_byte};
use super::rescue::{self, State};
use super::resolve::errno_error;
use super::{WriteError, WriteOptions};

/// How long a rewrite waits for readers to finish reading (they hold the content lock for
/// the time of one read).
const READERS_WAIT: Duration = Duration::from_millis(500);

impl Locked {
    /// Rewrites the file with `new` (its text was `old`) if it is still exactly `base`.
    /// `Ok(None)` when it changed meanwhile.
    pub(super) fn in_place(
        &self,
        old: &[u8],
        new: &[u8],
        base: &Base,
    ) -> Result<Option<Version>, WriteError> {
        self.check_set_id_kept(&base.facts)?;
        let copy = self.write_rescue(old, new, base)?;
        if !self.unchanged(base)? {
            self.remove_rescue();
            return Ok(None);
        }
        drop(copy);
        if let Err(e) = self.rewrite(new) {
            if self.rewrite(old).is_ok() {
                self.remove_rescue();
            }
            return Err(e);
        }
        self.put_back_mode(base);
        self.remove_rescue();
        self.new_version(&self.file).map(Some)
    }

    /// Puts the file back as it was before a rewrite that died half-way, and removes a recovery
    /// copy nobody needs: the writer that made it is gone, as this one holds the lock.
    pub(super) fn recover(&self, opts: &WriteOptions) -> Result<(), WriteError> {
        let path = &self.reached.path;
        let name = rescue::rescue_name(&self.reached.name);
        let opened = openat(
            &self.reached.folder,
            name.as_os_str(),
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK,
            Mode::empty(),
        );
        let fd = match opened {
            Ok(fd) => fd,
            Err(Errno::NOENT) => return Ok(()),
            Err(e) => return Err(errno_error(path, e)),
        };
        let st = fstat(&fd).map_err(|e| errno_error(path, e))?;
        if !FileType::from_raw_mode(st.st_mode).is_file() {
            return Ok(());
        }
        let mut bytes = Vec::new();
        File::from(fd)
            .take(opts.max_file_size.saturating_mul(2).saturating_add(4096))
            .read_to_end(&mut bytes)
            .map_err(|e| io_error(path, e))?;
        let Some(copy) = rescue::decode(&bytes) else {
            if rescue::is_cut_short(&bytes) {
                // Cut short while it was written: the rewrite had not begun.
                self.remove_rescue();
            }
            return Ok(());
        };
        let here = &self.reached.stat;
        let size = fstat(&self.file).map_or(i64::MAX, |st| st.st_size);
        let bounded = u64::try_from(size).is_ok_and(|size| size <= opts.max_file_size);
        if copy.is_for(here.st_dev, here.st_ino) {
            if !bounded {
                // Too large to judge here: the read that follows refuses the file anyway.
                return Ok(());
            }
            let mut current = Vec::new();
            self.file
                .read_at_end(&mut current)
                .map_err(|e| io_error(path, e))?;
            if copy.state_of(&current) == State::Half {
                self.rewrite(&copy.old)?;
            }
        }
        self.remove_rescue();
        Ok(())
    }

    /// The recovery copy, written and synced with the folder that names it.
    fn write_rescue(&self, old: &[u8], new: &[u8], base: &Base) -> Result<File, WriteError> {
        let path = &self.reached.path;
        let name = rescue::rescue_name(&self.reached.name);
        let create = || {
            openat(
                &self.reached.folder,
                name.as_os_str(),
                OFlags::WRONLY
                    | OFlags::CREATE
                    | OFlags::EXCL
                    | OFlags::NOFOLLOW
                    | OFlags::CLOEXEC
                    | OFlags::NOCTTY,
                Mode::from_raw_mode(0o600),
            )
        };
        let fd = match create() {
            Err(Errno::EXIST) => {
                self.remove_rescue();
                create()
            }
            other => other,
        }
        .map_err(|e| errno_error(path, e))?;
        // Those who may read the file may read its copy.
        let _ = fchown(&fd, None, Some(rustix::fs::Gid::from_raw(base.facts.gid)));
        let _ = fchmod(&fd, Mode::from_raw_mode(base.facts.mode & 0o444 | 0o600));
        let (dev, ino) = (self.reached.stat.st_dev, self.reached.stat.st_ino);
        let mut out = File::from(fd);
        let synced = out
            .write_all(&rescue::encode(dev, ino, old, new))
            .and_then(|()| fdatasync(&out).map_err(Into::into));
        if let Err(e) = synced {
            self.remove_rescue();
            return Err(io_error(path, e));
        }
        sync_folder(&self.reached.folder);
        Ok(out)
    }

    fn remove_rescue(&self) {
        let name = rescue::rescue_name(&self.reached.name);
        let _ = rustix::fs::unlinkat(&self.reached.folder, name.as_os_str(), AtFlags::empty());
    }

    /// The file's bytes become `bytes`: written over from the start and cut to length under
    /// the content lock (no reader of this program reads meanwhile), then synced.
    fn rewrite(&self, bytes: &[u8]) -> Result<(), WriteError> {
        let path = &self.reached.path;
        self.lock_content()?;
        let written = self
            .file
            .write_all_at(bytes, 0)
            .and_then(|()| self.file.set_len(bytes.len() as u64));
        let _ = try_lock_byte(&self.file, libc::F_UNLCK, CONTENT_BYTE);
        written.map_err(|e| io_error(path, e))?;
        fdatasync(&self.file).map_err(|e| errno_error(path, e))
    }

    /// Waits for the readers reading now; a lock held longer is named.
    fn lock_content(&self) -> Result<(), WriteError> {
        let path = &self.reached.path;
        let started = Instant::now();
        loop {
            match try_lock_byte(&self.file, libc::F_WRLCK, CONTENT_BYTE) {
                Ok(true) => return Ok(()),
                Ok(false) => {}
                Err(e) => return Err(errno_error(path, e)),
            }
            if started.elapsed() > READERS_WAIT {
                let st = &self.reached.stat;
                return Err(WriteError::LockTimeout {
                    path: path.clone(),
                    waited: started.elapsed(),
                    holders: super::holders::lock_holders(st.st_dev, st.st_ino),
                });
            }
            std::thread::sleep(Duration::from_micros(500));
        }
    }

    /// The owner's set-id bits, which the kernel clears on a write.
    fn put_back_mode(&self, base: &Base) {
        let mode = base.facts.mode;
        let now = fstat(&self.file).map(|st| st.st_mode & 0o7777);
        if now.is_ok_and(|now| now != mode) {
            let _ = fchmod(&self.file, Mode::from_raw_mode(mode));
        }
    }
}

/// Reads the whole file from its start without moving its offset.
trait ReadAtEnd {
    fn read_at_end(&self, out: &mut Vec<u8>) -> std::io::Result<()>;
}

impl ReadAtEnd for File {
    fn read_at_end(&self, out: &mut Vec<u8>) -> std::io::Result<()> {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = self.read_at(&mut buf, out.len() as u64)?;
            if n == 0 {
                return Ok(());
            }
            out.extend_from_slice(&buf[..n]);
        }
    }
}
