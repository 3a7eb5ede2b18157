//! Helpers shared by the integration tests (each takes them with `mod common;`): temporary
//! briefing folders and fixtures here; the real binary in `bin`, real git in `git`, other users
//! in `user`, tmux in `tmux`, what a bad fixture must say in `said`.

#![allow(dead_code)]
#![allow(
    unsafe_code,
    reason = "byte-range locks and extended attributes through libc"
)]

pub(crate) mod feed;
pub(crate) mod git;
pub(crate) mod reorder;
pub(crate) mod rng;
pub(crate) mod said;

use std::fs;
use std::path::{Path, PathBuf};

use briefing::api::store::write::{Change, Outcome, WriteError, edited_text};

/// `text` after the check-off edit, made by the very function a check-off runs before it
/// writes (`edited_text`: the edit, then the loader's validation of the result).
pub(crate) fn edited(
    text: &str,
    id: &str,
    change: &Change,
) -> Result<(String, Outcome), WriteError> {
    edited_text(text.as_bytes(), "s.toml", "s", id, change)
}

pub(crate) fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "write",
        name,
    ]
    .iter()
    .collect();
    fs::read(&path).expect("fixture")
}

/// A temporary briefing folder holding `bytes` as `2024/s.toml` (session `2024/s`).
pub(crate) fn folder_with(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let sub = dir.path().join("2024");
    fs::create_dir(&sub).expect("mkdir");
    let file = sub.join("s.toml");
    fs::write(&file, bytes).expect("write");
    (dir, file)
}

/// A temporary copy of the sample `briefings/` folder.
pub(crate) fn sample_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    copy_tree(&from, dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            fs::create_dir(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Names in `dir` that start with `.`: leftovers of a write (a write leaves none).
pub(crate) fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

pub(crate) fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// An open-file `fcntl` lock of `kind` (`F_RDLCK`, `F_WRLCK`) on the whole of `file`, as a
/// check-off (write) or a program that locks what it reads (read) takes it; held until the
/// file is closed.
pub(crate) fn ofd_lock(file: &std::fs::File, kind: libc::c_int) -> std::io::Result<()> {
    ofd_lock_range(file, kind, 0, 0)
}

/// [`ofd_lock`] on the one byte `at`.
pub(crate) fn ofd_lock_byte(
    file: &std::fs::File,
    kind: libc::c_int,
    at: i64,
) -> std::io::Result<()> {
    ofd_lock_range(file, kind, at, 1)
}

fn ofd_lock_range(
    file: &std::fs::File,
    kind: libc::c_int,
    start: i64,
    len: i64,
) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: an all-zero `flock` is valid; the fields the call reads are set below.
    let mut fl: libc::flock = unsafe { std::mem::zeroed() };
    fl.l_type = kind as libc::c_short;
    fl.l_whence = libc::SEEK_SET as libc::c_short;
    fl.l_start = start;
    fl.l_len = len;
    // SAFETY: fcntl on an open descriptor with a pointer to a valid `flock`.
    let rc = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_OFD_SETLK, &mut fl) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers of the issue-8 suites (tests/write_*.rs): briefing texts, file states, extended
// attributes, polling, and skipping where the machine cannot run a case.

pub(crate) mod bin;
pub(crate) mod tmux;
pub(crate) mod user;

#[allow(unused_imports, reason = "each test crate uses a part of them")]
pub(crate) use bin::{
    BIN, NO_CONFIG, assert_refused, clean, cli, flat, run, run_ok, stderr_of, stdout_of, succeeded,
    succeeded_as,
};

use std::collections::BTreeMap;
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::process::Command;
use std::time::{Duration, Instant};

use briefing::api::model::Session;
use briefing::api::store::parse_file;

/// A valid briefing: directives `ids` of the session as a whole, then `districts` districts
/// with one directive each (`q0`, `q1`, …).
pub(crate) fn briefing_text(ids: &[String], districts: usize) -> String {
    let mut s = String::from(
        "# ghi đồng thời\nversion = 1\n\n[session]\ntitle = \"Kiểm tra ghi\"\ndate = 2024-03-13\n",
    );
    for id in ids {
        s.push_str(&format!(
            "\n[[directive]]\nid = \"{id}\"  # chỉ đạo {id}\ntext = \"Chỉ đạo {id}\"\ndone = false\n"
        ));
    }
    for i in 0..districts {
        s.push_str(&format!(
            "\n[[district]]\nname = \"Huyện {i}\"\n\n[[district.directive]]\nid = \"q{i}\"\ntext = \"Việc của huyện {i}\"\n"
        ));
    }
    s
}

/// `d0`, `d1`, … `d{n-1}`.
pub(crate) fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("d{i}")).collect()
}

/// The session of a file that must be valid.
pub(crate) fn session_of(bytes: &[u8]) -> Session {
    let report = parse_file(bytes, "s.toml", "s");
    match report.session {
        Some(s) => s,
        None => panic!(
            "the file is not a valid briefing: {:?}\n{}",
            report.diagnostics,
            String::from_utf8_lossy(bytes)
        ),
    }
}

/// Whether directive `id` is checked off (with its stamp) in a valid file; `None` when absent.
pub(crate) fn done_state(bytes: &[u8], id: &str) -> Option<bool> {
    let session = session_of(bytes);
    let d = session
        .directives
        .iter()
        .chain(session.districts.iter().flat_map(|d| &d.directives))
        .find(|d| d.id == id)?;
    if d.done {
        assert!(
            d.more.done_at.is_some() && d.more.done_by.is_some(),
            "`{id}` is done without its stamp"
        );
    }
    Some(d.done)
}

/// `tmp/W/2024/s.toml` (session `2024/s`) in a folder every user may traverse: the briefing
/// folder `w`, its `2024` folder and the file, each made by root (the folders 0755).
pub(crate) struct Layout {
    pub _tmp: tempfile::TempDir,
    pub w: PathBuf,
    pub folder: PathBuf,
    pub file: PathBuf,
}

/// A [`Layout`] whose file holds `directives` directives and one district, with `mode`.
pub(crate) fn layout(directives: usize, mode: u32) -> Layout {
    let tmp = shared_tempdir();
    let w = tmp.path().join("W");
    let folder = w.join("2024");
    let file = folder.join("s.toml");
    mkdir(&w, 0o755);
    mkdir(&folder, 0o755);
    write_file(&file, briefing_text(&ids(directives), 1).as_bytes(), mode);
    Layout {
        _tmp: tmp,
        w,
        folder,
        file,
    }
}

/// A temporary folder under /tmp that every user may traverse (mode 0755), so a test can hand
/// parts of it to an unprivileged user.
pub(crate) fn shared_tempdir() -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("briefing-test-")
        .tempdir_in("/tmp")
        .expect("tempdir in /tmp");
    chmod(dir.path(), 0o755);
    dir
}

pub(crate) fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("chmod {mode:o} {}: {e}", path.display()));
}

pub(crate) fn chown(path: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid))
        .unwrap_or_else(|e| panic!("chown {}: {e}", path.display()));
}

pub(crate) fn mkdir(path: &Path, mode: u32) {
    fs::create_dir(path).unwrap_or_else(|e| panic!("mkdir {}: {e}", path.display()));
    chmod(path, mode);
}

pub(crate) fn write_file(path: &Path, bytes: &[u8], mode: u32) {
    fs::write(path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    chmod(path, mode);
}

pub(crate) fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Everything a refused write must leave as it was: bytes, inode, owner, group, mode, link
/// count, modification time and every extended attribute (POSIX ACLs included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileState {
    pub bytes: String,
    pub ino: u64,
    pub uid: u32,
    pub gid: u32,
    pub mode: u32,
    pub nlink: u64,
    pub mtime_ns: i128,
    pub xattrs: BTreeMap<String, Vec<u8>>,
}

pub(crate) fn file_state(path: &Path) -> FileState {
    let meta =
        fs::symlink_metadata(path).unwrap_or_else(|e| panic!("stat {}: {e}", path.display()));
    FileState {
        bytes: String::from_utf8_lossy(&read(path)).into_owned(),
        ino: meta.ino(),
        uid: meta.uid(),
        gid: meta.gid(),
        mode: meta.mode() & 0o7777,
        nlink: meta.nlink(),
        mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
        xattrs: xattrs(path),
    }
}

/// Owner, group, mode and extended attributes: what a successful write must keep.
pub(crate) fn kept_metadata(s: &FileState) -> (u32, u32, u32, &BTreeMap<String, Vec<u8>>) {
    (s.uid, s.gid, s.mode, &s.xattrs)
}

fn c_path(path: &Path) -> CString {
    CString::new(path.as_os_str().as_bytes()).expect("path without NUL")
}

/// Every extended attribute of `path` (not following a final symlink), by name.
pub(crate) fn xattrs(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let p = c_path(path);
    let mut names = vec![0u8; 4096];
    // SAFETY: `p` is NUL-terminated and `names` is valid for `names.len()` bytes.
    let n = unsafe { libc::llistxattr(p.as_ptr(), names.as_mut_ptr().cast(), names.len()) };
    assert!(
        n >= 0,
        "listxattr {}: {}",
        path.display(),
        std::io::Error::last_os_error()
    );
    names.truncate(n as usize);
    let mut out = BTreeMap::new();
    for name in names.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let c_name = CString::new(name).expect("attribute name");
        let mut value = vec![0u8; 65536];
        // SAFETY: both strings are NUL-terminated and `value` is valid for its length.
        let len = unsafe {
            libc::lgetxattr(
                p.as_ptr(),
                c_name.as_ptr(),
                value.as_mut_ptr().cast(),
                value.len(),
            )
        };
        assert!(
            len >= 0,
            "getxattr {}: {}",
            path.display(),
            std::io::Error::last_os_error()
        );
        value.truncate(len as usize);
        out.insert(String::from_utf8_lossy(name).into_owned(), value);
    }
    out
}

pub(crate) fn set_xattr(path: &Path, name: &str, value: &[u8]) {
    let (p, n) = (c_path(path), CString::new(name).expect("attribute name"));
    // SAFETY: both strings are NUL-terminated and `value` is valid for its length.
    let rc = unsafe {
        libc::setxattr(
            p.as_ptr(),
            n.as_ptr(),
            value.as_ptr().cast(),
            value.len(),
            0,
        )
    };
    assert_eq!(
        rc,
        0,
        "setxattr {name} on {}: {}",
        path.display(),
        std::io::Error::last_os_error()
    );
}

/// Every name in `dir` that starts with `.`, sorted.
pub(crate) fn hidden_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read_dir {}: {e}", dir.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// Polls `done` every millisecond until it holds; panics naming `what` after `timeout`.
pub(crate) fn wait_for(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// A case the machine cannot run: a failure where `CI=true` (CI must run every case), else a
/// notice on the real standard error (libtest's capture would hide an `eprintln!` of a test
/// that passes) and a line in the skip log `BRIEFING_SKIP_LOG` names, which `.ci/run` sums
/// up. `reason` is short and says what is missing ("no chromium").
pub(crate) fn skip(reason: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("cannot run this case under CI=true: {reason}");
    }
    let test = format!(
        "{}::{}",
        env!("CARGO_CRATE_NAME"),
        std::thread::current().name().unwrap_or("main")
    );
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("SKIPPED: {test}: {reason}\n").as_bytes(),
    );
    let Some(log) = std::env::var_os("BRIEFING_SKIP_LOG") else {
        return;
    };
    let _ = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .and_then(|mut f| {
            std::io::Write::write_all(&mut f, format!("{test}\t{reason}\n").as_bytes())
        });
}

/// Whether `tool` can be started (`-V`, else `--version`); without it the case is skipped (see
/// [`skip`]).
pub(crate) fn have(tool: &str) -> bool {
    let found = Command::new(tool)
        .arg("-V")
        .output()
        .or_else(|_| Command::new(tool).arg("--version").output())
        .is_ok();
    if !found {
        skip(&format!("no {tool}"));
    }
    found
}

/// Whether `tool` runs (`tool --version` exits 0).
pub(crate) fn have_tool(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Hidden names in `dir` a write may have left (temporary files), not counting the lock file of
/// the old design.
pub(crate) fn stray_files(dir: &Path) -> Vec<String> {
    hidden_names(dir)
        .into_iter()
        .filter(|n| n != ".briefing.lock")
        .collect()
}

/// Whether `text` names `folder` itself, not only a file inside it.
pub(crate) fn names_folder(text: &str, folder: &Path) -> bool {
    let folder = folder.display().to_string();
    text.match_indices(&folder).any(|(at, _)| {
        let rest = &text[at + folder.len()..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        !rest.starts_with(|c: char| c.is_alphanumeric() || "._-".contains(c))
    })
}

/// The file as text (lossy), for readable comparisons.
pub(crate) fn read_text(path: &Path) -> String {
    String::from_utf8_lossy(&read(path)).into_owned()
}

/// The ids of the checked-off directives of a valid file.
pub(crate) fn done_ids(bytes: &[u8]) -> std::collections::BTreeSet<String> {
    let session = session_of(bytes);
    session
        .directives
        .iter()
        .chain(session.districts.iter().flat_map(|d| &d.directives))
        .filter(|d| d.done)
        .map(|d| d.id.to_string())
        .collect()
}
