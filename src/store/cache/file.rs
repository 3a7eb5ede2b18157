//! The cache file of one briefing folder: a fixed mark, a header (the format, the crate's
//! version and build, the folder, then per file its path, stamp, the moment it was validated
//! against, and the length and check of its session and of its follow-up part), the header's
//! check, then per file the postcard bytes of its session and of its follow-up part
//! ([`Session::follow_up_part`], what `report` reads), one file after another. It is written whole to a new file that replaces the old
//! one, so a reader sees the old file or the new one, never a mix.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::Part;
use crate::model::Session;
use crate::store::Stamp;

/// What every cache file starts with.
const MARK: &[u8; 16] = b"briefing-cache\n\0";

/// The layout of this file; the model's own form is in [`BUILD`].
const FORMAT: u32 = 2;

/// The crate's version.
pub(super) const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A hash of the source and the locked dependencies the binary was built from (`build.rs`):
/// another model, validator or serializer is another build, whose entries are never read.
pub(super) const BUILD: &str = env!("BRIEFING_SOURCE_HASH");

/// A temporary file a writer left behind (it was killed) is removed after this long.
const LEFTOVER: Duration = Duration::from_secs(3600);

#[derive(Serialize, Deserialize)]
struct Header<'a> {
    format: u32,
    version: &'a str,
    build: &'a str,
    folder: &'a str,
    #[serde(borrow)]
    entries: Vec<Head<'a>>,
}

/// A file's entry in the header; its session's bytes, then its follow-up part's, follow the
/// header in the same order.
#[derive(Serialize, Deserialize)]
struct Head<'a> {
    rel: &'a str,
    stamp: (u64, u64, u64, (i64, i64), (i64, i64)),
    validated_at: i64,
    len: u64,
    check: u64,
    follow_up_len: u64,
    follow_up_check: u64,
}

/// One file's entry: its session's bytes and its follow-up part's, where they belong and what
/// they were made from.
#[derive(Debug, Clone)]
pub(super) struct Record<'c> {
    rel: Cow<'c, str>,
    pub(super) stamp: Stamp,
    /// The moment the file was validated against ([`moment`]).
    pub(super) validated_at: i64,
    whole: Blob<'c>,
    follow_up: Blob<'c>,
}

/// The postcard bytes of a session, or of its follow-up part, and their check.
#[derive(Debug, Clone)]
struct Blob<'c> {
    bytes: Cow<'c, [u8]>,
    check: u64,
}

impl Blob<'_> {
    fn of(session: &Session) -> Option<Blob<'static>> {
        let bytes = postcard::to_allocvec(session).ok()?;
        Some(Blob {
            check: check(&bytes),
            bytes: Cow::Owned(bytes),
        })
    }

    /// The session kept, when its bytes are whole and read back to the end.
    fn session(&self) -> Option<Session> {
        if check(&self.bytes) != self.check {
            return None;
        }
        let (session, rest) = postcard::take_from_bytes(&self.bytes).ok()?;
        rest.is_empty().then_some(session)
    }
}

impl Record<'_> {
    /// The entry of `session`, read from the file at `rel` with `stamp` and validated at `now`.
    pub(super) fn of(
        rel: &str,
        stamp: Stamp,
        now: DateTime<FixedOffset>,
        session: &Session,
    ) -> Option<Record<'static>> {
        Some(Record {
            rel: Cow::Owned(rel.to_string()),
            stamp,
            validated_at: moment(now),
            whole: Blob::of(session)?,
            follow_up: Blob::of(&session.follow_up_part())?,
        })
    }

    /// The `part` of the session kept, when its bytes are whole and read back to the end.
    pub(super) fn session(&self, part: Part) -> Option<Session> {
        match part {
            Part::Whole => self.whole.session(),
            Part::FollowUp => self.follow_up.session(),
        }
    }

    fn head(&self) -> Head<'_> {
        let s = &self.stamp;
        Head {
            rel: &self.rel,
            stamp: (s.dev, s.ino, s.len, s.modified, s.changed),
            validated_at: self.validated_at,
            len: self.whole.bytes.len() as u64,
            check: self.whole.check,
            follow_up_len: self.follow_up.bytes.len() as u64,
            follow_up_check: self.follow_up.check,
        }
    }
}

/// The entries of a cache file, by the path of their briefing.
#[derive(Debug, Default)]
pub(super) struct Stored<'c> {
    entries: HashMap<&'c str, Record<'c>>,
}

impl<'c> Stored<'c> {
    /// The entries of the cache file `bytes`, when it is whole, of this format, version and
    /// build, and of the briefing folder `folder`.
    pub(super) fn parse(bytes: &'c [u8], folder: &str) -> Option<Self> {
        let rest = bytes.strip_prefix(MARK.as_slice())?;
        let (header, after): (Header<'c>, &'c [u8]) = postcard::take_from_bytes(rest).ok()?;
        let header_bytes = &rest[..rest.len() - after.len()];
        let (written, mut blobs) = after.split_first_chunk::<8>()?;
        let ours = (header.format, header.version, header.build) == (FORMAT, VERSION, BUILD);
        if !ours || header.folder != folder || u64::from_le_bytes(*written) != check(header_bytes) {
            return None;
        }
        let mut entries = HashMap::with_capacity(header.entries.len());
        let mut take = |len: u64| {
            let len = usize::try_from(len).ok()?;
            let taken = blobs.get(..len)?;
            blobs = &blobs[len..];
            Some(Cow::Borrowed(taken))
        };
        for head in header.entries {
            let whole = Blob {
                bytes: take(head.len)?,
                check: head.check,
            };
            let follow_up = Blob {
                bytes: take(head.follow_up_len)?,
                check: head.follow_up_check,
            };
            let (dev, ino, len, modified, changed) = head.stamp;
            let record = Record {
                rel: Cow::Borrowed(head.rel),
                stamp: Stamp {
                    dev,
                    ino,
                    len,
                    modified,
                    changed,
                },
                validated_at: head.validated_at,
                whole,
                follow_up,
            };
            entries.insert(head.rel, record);
        }
        blobs.is_empty().then_some(Stored { entries })
    }

    /// The entry of the briefing at `rel`.
    pub(super) fn get(&self, rel: &str) -> Option<&Record<'c>> {
        self.entries.get(rel)
    }

    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }
}

/// The bytes of the cache file at `path`, when there is one to read.
pub(super) fn read(path: &Path) -> Option<Vec<u8>> {
    fs::read(path).ok()
}

/// Writes `records` as the cache file at `path` of the briefing folder `folder`: to a new
/// file (mode 0600) beside it, which then replaces it. Its folder is made (mode 0700) when
/// missing.
pub(super) fn write(path: &Path, folder: &str, records: &[Record<'_>]) -> io::Result<()> {
    write_as(path, folder, records, VERSION, BUILD)
}

/// [`write`], as the `version` and `build` given would write it.
pub(super) fn write_as(
    path: &Path,
    folder: &str,
    records: &[Record<'_>],
    version: &str,
    build: &str,
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let header = Header {
        format: FORMAT,
        version,
        build,
        folder,
        entries: records.iter().map(Record::head).collect(),
    };
    let header = postcard::to_allocvec(&header).map_err(io::Error::other)?;
    sweep_leftovers(path);
    let (temp, file) = new_temporary(path)?;
    let written = (|| {
        let mut out = io::BufWriter::with_capacity(1 << 20, &file);
        out.write_all(MARK)?;
        out.write_all(&header)?;
        out.write_all(&check(&header).to_le_bytes())?;
        for record in records {
            out.write_all(&record.whole.bytes)?;
            out.write_all(&record.follow_up.bytes)?;
        }
        out.flush()?;
        drop(out);
        fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// A new file beside `path` that no other writer has, named after it.
fn new_temporary(path: &Path) -> io::Result<(PathBuf, fs::File)> {
    let mut attempt = 0;
    loop {
        let temp = temporary_name(path, attempt);
        let opened = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp);
        match opened {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

fn temporary_name(path: &Path, attempt: u32) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{}-{attempt}.tmp", std::process::id()));
    PathBuf::from(name)
}

/// Removes the temporary files of `path` that writers killed on the way left over an hour ago.
fn sweep_leftovers(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!("{}.", name.to_string_lossy());
    let old = |entry: &fs::DirEntry| {
        let modified = entry.metadata().and_then(|m| m.modified());
        modified.is_ok_and(|t| t.elapsed().is_ok_and(|age| age > LEFTOVER))
    };
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let entry_name = entry_name.to_string_lossy();
        if entry_name.starts_with(&prefix) && entry_name.ends_with(".tmp") && old(&entry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A moment as the cache keeps it: nanoseconds since 1970 (the latest for a moment past 2262,
/// which no later moment passes).
pub(super) fn moment(at: DateTime<FixedOffset>) -> i64 {
    at.timestamp_nanos_opt().unwrap_or(i64::MAX)
}

/// FNV-1a, 64 bits, of `bytes`: the cache file's name for a folder.
pub(super) fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A check of `bytes` that a change of any of them, a missing end or bytes in another order
/// alter: eight bytes at a time, fast enough to check every session read from the cache.
pub(super) fn check(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, word: u64| (h ^ word).wrapping_mul(K).rotate_left(29);
    let mut chunks = bytes.chunks_exact(8);
    let mut h = mix(K, bytes.len() as u64);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    let mut last = [0; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = mix(h, u64::from_le_bytes(last));
    (h ^ (h >> 32)).wrapping_mul(K)
}
