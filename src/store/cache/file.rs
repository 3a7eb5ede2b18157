//! The cache file of one briefing folder: a fixed mark, the lengths of the header and of the
//! two regions after it, a header (the format, the crate's version and build, the folder,
//! then per file its path, stamp, the moment it was validated against, and the length and
//! check of its session and of its follow-up part), the header's check, then the region of
//! the sessions' postcard bytes one after another, then the region of their follow-up parts'
//! ([`Session::follow_up_part`], what `report` reads). A load reads the header and the one
//! region it needs. It is written whole to a new file that replaces the old
//! one, so a reader sees the old file or the new one, never a mix.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
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

/// The mark and the lengths of the header, the sessions' region and the parts' region.
const PREFIX: usize = MARK.len() + 3 * 8;

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

/// A file's entry in the header: its session's bytes stand in the region of whole sessions,
/// its follow-up part's in the region after it, each region in the header's order.
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
    /// Absent when the file was read for the follow-up parts alone.
    whole: Option<Blob<'c>>,
    /// Absent when the file was read for the whole sessions alone.
    follow_up: Option<Blob<'c>>,
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
            whole: Some(Blob::of(session)?),
            follow_up: Some(Blob::of(&session.follow_up_part())?),
        })
    }

    /// The `part` of the session kept, when its bytes are whole and read back to the end.
    pub(super) fn session(&self, part: Part) -> Option<Session> {
        self.blob(part)?.session()
    }

    fn blob(&self, part: Part) -> Option<&Blob<'_>> {
        match part {
            Part::Whole => self.whole.as_ref(),
            Part::FollowUp => self.follow_up.as_ref(),
        }
    }

    /// This entry with both its blobs, the one it lacks taken from `full` (the cache file
    /// read whole) when it holds the same entry; `None` when it cannot be completed.
    pub(super) fn completed<'a>(&'a self, full: Option<&'a Stored<'a>>) -> Option<Record<'a>> {
        let same = |other: &Record<'_>, part| {
            let (ours, theirs) = (self.blob(part), other.blob(part));
            ours.is_none() || ours.map(|b| b.check) == theirs.map(|b| b.check)
        };
        let (whole, follow_up) = match (&self.whole, &self.follow_up) {
            (Some(whole), Some(follow_up)) => (whole.clone(), follow_up.clone()),
            _ => {
                let other = full?.get(&self.rel)?;
                let alike = other.stamp == self.stamp
                    && other.validated_at == self.validated_at
                    && same(other, Part::Whole)
                    && same(other, Part::FollowUp);
                if !alike {
                    return None;
                }
                (other.whole.clone()?, other.follow_up.clone()?)
            }
        };
        Some(Record {
            rel: Cow::Borrowed(&self.rel),
            stamp: self.stamp,
            validated_at: self.validated_at,
            whole: Some(whole),
            follow_up: Some(follow_up),
        })
    }

    /// The entry's head, when it has both its blobs.
    fn head(&self) -> Option<Head<'_>> {
        let s = &self.stamp;
        let (whole, follow_up) = (self.whole.as_ref()?, self.follow_up.as_ref()?);
        Some(Head {
            rel: &self.rel,
            stamp: (s.dev, s.ino, s.len, s.modified, s.changed),
            validated_at: self.validated_at,
            len: whole.bytes.len() as u64,
            check: whole.check,
            follow_up_len: follow_up.bytes.len() as u64,
            follow_up_check: follow_up.check,
        })
    }
}

/// The entries of a cache file, by the path of their briefing.
#[derive(Debug, Default)]
pub(super) struct Stored<'c> {
    entries: HashMap<&'c str, Record<'c>>,
}

impl<'c> Stored<'c> {
    /// The entries of the cache file `bytes` as [`read`] gave it (the regions of `held`), when
    /// it is whole, of this format, version and build, and of the briefing folder `folder`.
    pub(super) fn parse(bytes: &'c [u8], folder: &str, held: Held) -> Option<Self> {
        let prefix = Prefix::of(bytes)?;
        let rest = &bytes[PREFIX..];
        let header_bytes = rest.get(..prefix.header)?;
        let (header, after): (Header<'c>, &'c [u8]) =
            postcard::take_from_bytes(header_bytes).ok()?;
        let written = rest.get(prefix.header..prefix.header + 8)?;
        let ours = (header.format, header.version, header.build) == (FORMAT, VERSION, BUILD);
        let checked = written == check(header_bytes).to_le_bytes();
        if !ours || !after.is_empty() || header.folder != folder || !checked {
            return None;
        }
        let mut regions = &rest[prefix.header + 8..];
        let mut region = |len: usize, wanted: bool| {
            let taken = wanted.then(|| regions.get(..len)).flatten();
            if taken.is_some() {
                regions = &regions[len..];
            }
            taken
        };
        let (wants_whole, wants_parts) = held.regions();
        let mut wholes = region(prefix.whole, wants_whole);
        let mut parts = region(prefix.parts, wants_parts);
        let all_there = wholes.is_some() == wants_whole && parts.is_some() == wants_parts;
        if !all_there || !regions.is_empty() {
            return None;
        }
        let mut entries = HashMap::with_capacity(header.entries.len());
        for head in header.entries {
            let whole = take(&mut wholes, head.len, head.check)?;
            let follow_up = take(&mut parts, head.follow_up_len, head.follow_up_check)?;
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
        let used_up = |region: Option<&[u8]>| region.is_none_or(<[u8]>::is_empty);
        (used_up(wholes) && used_up(parts)).then_some(Stored { entries })
    }

    /// The entry of the briefing at `rel`.
    pub(super) fn get(&self, rel: &str) -> Option<&Record<'c>> {
        self.entries.get(rel)
    }

    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }
}

/// Which regions of a cache file a read holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Held {
    Both,
    Only(Part),
}

impl Held {
    /// Whether it holds the sessions' region, and the follow-up parts'.
    fn regions(self) -> (bool, bool) {
        match self {
            Held::Both => (true, true),
            Held::Only(Part::Whole) => (true, false),
            Held::Only(Part::FollowUp) => (false, true),
        }
    }
}

/// The lengths a cache file starts with, after its mark.
struct Prefix {
    header: usize,
    whole: usize,
    parts: usize,
}

impl Prefix {
    fn of(bytes: &[u8]) -> Option<Prefix> {
        let rest = bytes.strip_prefix(MARK.as_slice())?;
        let mut lengths = rest.chunks_exact(8).take(3).map(|chunk| {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            usize::try_from(u64::from_le_bytes(word)).ok()
        });
        Some(Prefix {
            header: lengths.next()??,
            whole: lengths.next()??,
            parts: lengths.next()??,
        })
    }

    /// The length of a file with these parts.
    fn file_len(&self) -> Option<u64> {
        let len = (PREFIX + 8).checked_add(self.header)?;
        let len = len.checked_add(self.whole)?.checked_add(self.parts)?;
        u64::try_from(len).ok()
    }
}

/// The next blob of `len` bytes and check `check` from `region`, or an absent one when the
/// region was not read; `None` when the region is too short.
fn take<'c>(region: &mut Option<&'c [u8]>, len: u64, check: u64) -> Option<Option<Blob<'c>>> {
    let Some(bytes) = region else {
        return Some(None);
    };
    let len = usize::try_from(len).ok()?;
    let taken = bytes.get(..len)?;
    *bytes = &bytes[len..];
    Some(Some(Blob {
        bytes: Cow::Borrowed(taken),
        check,
    }))
}

/// The cache file at `path`, when there is one to read: its start and header, then the
/// regions `held` names (the other skipped, unread).
pub(super) fn read(path: &Path, held: Held) -> Option<Vec<u8>> {
    if held == Held::Both {
        return fs::read(path).ok();
    }
    let mut file = fs::File::open(path).ok()?;
    let mut bytes = vec![0; PREFIX];
    file.read_exact(&mut bytes).ok()?;
    let prefix = Prefix::of(&bytes)?;
    if file.metadata().ok()?.len() != prefix.file_len()? {
        return None;
    }
    let head = prefix.header.checked_add(8)?;
    let (skip, len) = match held.regions() {
        (true, false) => (0, prefix.whole),
        _ => (prefix.whole, prefix.parts),
    };
    bytes.resize(PREFIX + head + len, 0);
    file.read_exact(&mut bytes[PREFIX..PREFIX + head]).ok()?;
    file.seek(SeekFrom::Current(i64::try_from(skip).ok()?))
        .ok()?;
    file.read_exact(&mut bytes[PREFIX + head..]).ok()?;
    Some(bytes)
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
    let entries: Option<Vec<Head>> = records.iter().map(Record::head).collect();
    let header = Header {
        format: FORMAT,
        version,
        build,
        folder,
        entries: entries.ok_or_else(|| io::Error::other("an entry lacks a part"))?,
    };
    let header = postcard::to_allocvec(&header).map_err(io::Error::other)?;
    let region = |part| -> u64 {
        let blobs = records.iter().filter_map(|r| r.blob(part));
        blobs.map(|b| b.bytes.len() as u64).sum()
    };
    let (wholes, parts) = (region(Part::Whole), region(Part::FollowUp));
    sweep_leftovers(path);
    let (temp, file) = new_temporary(path)?;
    let written = (|| {
        let mut out = io::BufWriter::with_capacity(1 << 20, &file);
        out.write_all(MARK)?;
        for len in [header.len() as u64, wholes, parts] {
            out.write_all(&len.to_le_bytes())?;
        }
        out.write_all(&header)?;
        out.write_all(&check(&header).to_le_bytes())?;
        for part in [Part::Whole, Part::FollowUp] {
            for blob in records.iter().filter_map(|r| r.blob(part)) {
                out.write_all(&blob.bytes)?;
            }
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
