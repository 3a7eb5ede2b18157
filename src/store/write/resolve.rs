//! Resolves a briefing file's path once, component by component, into an open folder handle
//! and a name, so that nothing done afterwards can be redirected by renaming folders or links.

use std::collections::VecDeque;
use std::ffi::{OsStr, OsString};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

use rustix::fs::{AtFlags, CWD, FileType, Mode, OFlags, Stat, fstat, openat, readlinkat};
use rustix::io::Errno;

use super::{WriteError, user_name};

/// The most symbolic links followed for one path, as the kernel's own limit.
const MAX_LINKS: u32 = 40;

/// A file reached through its real folder: `folder` is an `O_PATH` handle of that folder.
#[derive(Debug)]
pub(super) struct Reached {
    pub(super) folder: OwnedFd,
    /// An `O_PATH` handle of the file itself: it is opened through this, never by name again.
    pub(super) handle: OwnedFd,
    pub(super) name: OsString,
    pub(super) stat: Stat,
    /// The real path, for messages only: nothing is ever opened by it.
    pub(super) path: PathBuf,
}

impl Reached {
    pub(super) fn folder_path(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("/"))
    }
}

/// Follows `path` (relative to the working folder, or absolute) to the file it names.
///
/// Every component is opened with `O_NOFOLLOW` from the handle of the one before; a symbolic
/// link is read through its own handle. When root writes, a link is followed only when it
/// belongs to root or to the owner of what it leads to: a link planted by a user cannot make
/// root write somewhere that user could not. (Anyone else may only replace files of their own,
/// so a link can lead them nowhere they could not write anyway.)
pub(super) fn resolve(path: &Path) -> Result<Reached, WriteError> {
    let euid = rustix::process::geteuid().as_raw();
    let mut walker = Walker { euid, links: 0 };
    let (start, start_path) = if path.is_absolute() {
        (open_path(CWD, "/", path)?, PathBuf::from("/"))
    } else {
        let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        (open_path(CWD, ".", path)?, here)
    };
    let node = walker.walk(start, start_path, components(path.as_os_str()), path)?;
    match node {
        Node::File(reached) => Ok(reached),
        Node::Folder { path, .. } => Err(WriteError::NotAFile { path }),
    }
}

struct Walker {
    euid: u32,
    links: u32,
}

/// Where a walk ended: a folder (the handle is the folder itself) or a file in a folder.
enum Node {
    Folder { fd: OwnedFd, path: PathBuf },
    File(Reached),
}

impl Node {
    fn owner(&self) -> Result<u32, Errno> {
        match self {
            Node::Folder { fd, .. } => Ok(fstat(fd)?.st_uid),
            Node::File(r) => Ok(r.stat.st_uid),
        }
    }
}

impl Walker {
    fn walk(
        &mut self,
        mut folder: OwnedFd,
        mut folder_path: PathBuf,
        mut rest: VecDeque<OsString>,
        asked: &Path,
    ) -> Result<Node, WriteError> {
        while let Some(name) = rest.pop_front() {
            if name == ".." {
                folder = open_path(&folder, "..", &folder_path)?;
                folder_path.pop();
                continue;
            }
            let here = folder_path.join(&name);
            let fd = open_path(&folder, name.as_os_str(), &here)?;
            let stat = fstat(&fd).map_err(|e| errno_error(&here, e))?;
            let node = match FileType::from_raw_mode(stat.st_mode) {
                FileType::Symlink => {
                    self.follow(&folder, &folder_path, &fd, &stat, &here, asked)?
                }
                FileType::Directory => Node::Folder {
                    fd,
                    path: here.clone(),
                },
                _ => Node::File(Reached {
                    folder: rustix::io::dup(&folder).map_err(|e| errno_error(&here, e))?,
                    handle: fd,
                    name: name.clone(),
                    stat,
                    path: here.clone(),
                }),
            };
            match node {
                Node::Folder { fd, path } => {
                    folder = fd;
                    folder_path = path;
                }
                file @ Node::File(_) if rest.is_empty() => return Ok(file),
                Node::File(_) => return Err(WriteError::NotAFile { path: here }),
            }
        }
        Ok(Node::Folder {
            fd: folder,
            path: folder_path,
        })
    }

    /// Reads the link through its own handle and walks what it says, checking who may lead where.
    fn follow(
        &mut self,
        folder: &OwnedFd,
        folder_path: &Path,
        link: &OwnedFd,
        stat: &Stat,
        here: &Path,
        asked: &Path,
    ) -> Result<Node, WriteError> {
        self.links += 1;
        if self.links > MAX_LINKS {
            return Err(WriteError::Io {
                path: asked.to_path_buf(),
                source: Errno::LOOP.into(),
            });
        }
        let target = readlinkat(link, "", Vec::new()).map_err(|e| errno_error(here, e))?;
        let target = OsStr::from_bytes(target.as_bytes());
        let (start, start_path) = if Path::new(target).is_absolute() {
            (open_path(CWD, "/", here)?, PathBuf::from("/"))
        } else {
            let again = rustix::io::dup(folder).map_err(|e| errno_error(here, e))?;
            (again, folder_path.to_path_buf())
        };
        let node = self.walk(start, start_path, components(target), asked)?;
        let link_owner = stat.st_uid;
        let trusted = self.euid != 0 || link_owner == 0;
        if !trusted && node.owner().map_err(|e| errno_error(here, e))? != link_owner {
            return Err(WriteError::ForeignLink {
                link: here.to_path_buf(),
                owner: user_name(link_owner),
            });
        }
        Ok(node)
    }
}

fn components(path: &OsStr) -> VecDeque<OsString> {
    Path::new(path)
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_os_string()),
            Component::ParentDir => Some(OsString::from("..")),
            Component::RootDir | Component::CurDir | Component::Prefix(_) => None,
        })
        .collect()
}

/// An `O_PATH` handle of `name` in `folder`, never following a link.
fn open_path<Fd: std::os::fd::AsFd>(
    folder: Fd,
    name: impl rustix::path::Arg,
    shown: &Path,
) -> Result<OwnedFd, WriteError> {
    openat(
        folder,
        name,
        OFlags::PATH | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| errno_error(shown, e))
}

/// Whether `name` in `folder` is still the file that was reached (same device and inode).
pub(super) fn still_there(folder: &OwnedFd, name: &OsStr, stat: &Stat) -> bool {
    rustix::fs::statat(folder, name, AtFlags::SYMLINK_NOFOLLOW)
        .is_ok_and(|now| now.st_dev == stat.st_dev && now.st_ino == stat.st_ino)
}

pub(super) fn errno_error(path: &Path, e: Errno) -> WriteError {
    super::atomic::io_error(path, e.into())
}

/// Opens the reached file anew through its `O_PATH` handle (`/proc/self/fd`), so the name is
/// not looked up again; without `/proc`, by name without following links, checked to be the
/// same file. `Ok(None)` when the name now leads elsewhere.
pub(super) fn reopen(reached: &Reached, access: OFlags) -> Result<Option<OwnedFd>, WriteError> {
    let flags = access | OFlags::CLOEXEC | OFlags::NOCTTY | OFlags::NONBLOCK;
    let magic = format!("/proc/self/fd/{}", reached.handle.as_raw_fd());
    let opened = match openat(rustix::fs::CWD, magic.as_str(), flags, Mode::empty()) {
        Err(Errno::NOENT) => openat(
            &reached.folder,
            reached.name.as_os_str(),
            flags | OFlags::NOFOLLOW,
            Mode::empty(),
        ),
        other => other,
    };
    let fd = match opened {
        Ok(fd) => fd,
        Err(Errno::LOOP | Errno::NOENT) => return Ok(None),
        Err(e) => return Err(errno_error(&reached.path, e)),
    };
    let st = fstat(&fd).map_err(|e| errno_error(&reached.path, e))?;
    let same = (st.st_dev, st.st_ino) == (reached.stat.st_dev, reached.stat.st_ino);
    Ok(same.then_some(fd))
}
