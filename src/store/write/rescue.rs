//! The recovery copy of an in-place rewrite: `.NAME.briefing-rescue` beside the file holds the
//! file's device and inode, the text before and the text being written. Made and synced before
//! the first byte is rewritten and removed once the new text is synced, it lets any reader see
//! a whole version and the next writer put a half-written file back as it was.

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};

/// What ends the name of a recovery copy.
pub const RESCUE_SUFFIX: &str = ".briefing-rescue";

const MAGIC: &str = "briefing-rescue 1";

/// The name of `name`'s recovery copy in the same folder.
pub(crate) fn rescue_name(name: &OsStr) -> OsString {
    let mut copy = OsString::from(".");
    copy.push(name);
    copy.push(RESCUE_SUFFIX);
    copy
}

/// A recovery copy, read back.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Rescue {
    pub(crate) dev: u64,
    pub(crate) ino: u64,
    pub(crate) old: Vec<u8>,
    pub(crate) new: Vec<u8>,
}

/// Where the file stands against its recovery copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    /// The rewrite was not begun: the file holds the text before.
    Old,
    /// The rewrite was finished: the file holds the new text.
    New,
    /// Half-written: every byte is the one before or the new one, and it is neither.
    Half,
    /// Changed since by someone else: the copy is out of date.
    Other,
}

/// The bytes of a recovery copy.
pub(crate) fn encode(dev: u64, ino: u64, old: &[u8], new: &[u8]) -> Vec<u8> {
    let header = format!("{MAGIC} {dev} {ino} {} {}\n", old.len(), new.len());
    let mut out = Vec::with_capacity(header.len() + old.len() + new.len());
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(old);
    out.extend_from_slice(new);
    out
}

/// A recovery copy from its bytes; `None` for anything else (a copy cut short included).
pub(crate) fn decode(bytes: &[u8]) -> Option<Rescue> {
    let end = bytes.iter().position(|b| *b == b'\n')?;
    let header = std::str::from_utf8(&bytes[..end]).ok()?;
    let rest = header.strip_prefix(MAGIC)?;
    let mut n = rest.split_whitespace().map(str::parse::<u64>);
    let (dev, ino, old_len, new_len) = (n.next()?.ok()?, n.next()?.ok()?, n.next()?, n.next()?);
    let (old_len, new_len) = (usize::try_from(old_len.ok()?).ok()?, new_len.ok()?);
    let body = &bytes[end + 1..];
    let new_len = usize::try_from(new_len).ok()?;
    if n.next().is_some() || body.len() != old_len.checked_add(new_len)? {
        return None;
    }
    Some(Rescue {
        dev,
        ino,
        old: body[..old_len].to_vec(),
        new: body[old_len..].to_vec(),
    })
}

/// Whether `bytes` are the start of a recovery copy whose writing was cut short.
pub(crate) fn is_cut_short(bytes: &[u8]) -> bool {
    MAGIC.as_bytes().starts_with(bytes) || bytes.starts_with(MAGIC.as_bytes())
}

impl Rescue {
    /// Whether the copy is about this file (device and inode).
    pub(crate) fn is_for(&self, dev: u64, ino: u64) -> bool {
        (self.dev, self.ino) == (dev, ino)
    }

    /// Where `current` (the file's bytes now) stands against this copy.
    pub(crate) fn state_of(&self, current: &[u8]) -> State {
        if current == self.new {
            State::New
        } else if current == self.old {
            State::Old
        } else if self.is_mix(current) {
            State::Half
        } else {
            State::Other
        }
    }

    /// The rewrite puts the new text over the old one and then cuts the file to its length:
    /// a file stopped on the way is as long as the new text, or between the old length and
    /// the longer of the two, and has every byte from one of them.
    fn is_mix(&self, current: &[u8]) -> bool {
        let (old, new) = (&self.old, &self.new);
        let len = current.len();
        (len == new.len() || (old.len()..=old.len().max(new.len())).contains(&len))
            && current
                .iter()
                .enumerate()
                .all(|(i, b)| old.get(i) == Some(b) || new.get(i) == Some(b))
    }

    /// The bytes a reader takes: the text before while the file is half-written, else the file.
    pub(crate) fn readable<'a>(&'a self, current: &'a [u8]) -> Cow<'a, [u8]> {
        match self.state_of(current) {
            State::Half => Cow::Borrowed(&self.old),
            _ => Cow::Borrowed(current),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy() -> Rescue {
        decode(&encode(3, 7, b"done = false\n", b"done = true\nby = 1\n")).expect("decodes")
    }

    #[test]
    fn a_copy_reads_back_as_written_and_a_cut_copy_not_at_all() {
        let bytes = encode(3, 7, b"old", b"newer");
        let r = decode(&bytes).expect("decodes");
        assert_eq!((r.dev, r.ino), (3, 7));
        assert_eq!((&r.old[..], &r.new[..]), (&b"old"[..], &b"newer"[..]));
        assert!(r.is_for(3, 7) && !r.is_for(3, 8));
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None);
        assert_eq!(decode(b"not a copy\nold"), None);
        assert_eq!(rescue_name(OsStr::new("s.toml")), ".s.toml.briefing-rescue");
    }

    #[test]
    fn every_stop_of_a_rewrite_is_half_and_an_editors_save_is_other() {
        let r = copy();
        assert_eq!(r.state_of(&r.old), State::Old);
        assert_eq!(r.state_of(&r.new), State::New);
        for k in 1..r.new.len() {
            let mut stopped = r.new[..k].to_vec();
            if k < r.old.len() {
                stopped.extend_from_slice(&r.old[k..]);
            }
            let state = r.state_of(&stopped);
            if stopped != r.old && stopped != r.new {
                assert_eq!(state, State::Half, "stopped after {k} bytes");
            }
            let readable = r.readable(&stopped);
            assert!(
                *readable == r.old[..] || *readable == r.new[..],
                "after {k} bytes"
            );
        }
        let saved = b"done = false\n# a note\n";
        assert_eq!(r.state_of(saved), State::Other);
        assert_eq!(&*r.readable(saved), &saved[..]);
    }
}
