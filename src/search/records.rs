//! The index's records in two bytes each beside their words: a record's kind and the length of
//! its words are a byte each, and every [`BLOCK`]th record notes its slot and where its words
//! start, so a record's slot and words are found from the block before it. A record's locality
//! needs no room at all: a session's fields are collected with each locality's after its name
//! (`fields::collect_session`), so its locality is the nearest name before it in its slot.

use super::slots::{Slot, reserve_some};
use super::{FieldKind, varint};

/// Records a block holds: the most lengths added up to find a record's words.
const BLOCK: usize = 16;

/// A length byte that says "look in `long`".
const LONG: u8 = u8::MAX;

/// Where a block's first record is: its slot, and where its words start.
#[derive(Debug, Clone, Copy)]
struct Block {
    slot: u32,
    start: u32,
}

/// Every record of the index, records of one slot consecutive.
#[derive(Debug, Default)]
pub(super) struct Records {
    /// Each record's kind: its place in [`FieldKind::ALL`].
    kinds: Vec<u8>,
    /// The bytes of each record's words in `words`, or [`LONG`].
    lens: Vec<u8>,
    /// The records of [`LONG`] bytes or more, ascending, with their length.
    long: Vec<(u32, u32)>,
    /// The first record of every [`BLOCK`] records.
    blocks: Vec<Block>,
    /// Every record's words as vocabulary ids in text order ([`varint`]), records end to end.
    words: Vec<u8>,
}

impl Records {
    pub(super) fn len(&self) -> usize {
        self.kinds.len()
    }

    pub(super) fn kind(&self, r: usize) -> FieldKind {
        FieldKind::ALL[usize::from(self.kinds[r])]
    }

    /// The slot of record `r`, among `slots` (those the records were added for).
    pub(super) fn slot(&self, r: usize, slots: &[Slot]) -> u32 {
        let mut s = self.blocks[r / BLOCK].slot as usize;
        while slots
            .get(s + 1)
            .is_some_and(|next| next.first as usize <= r)
        {
            s += 1;
        }
        s as u32
    }

    /// The words of record `r`, as [`varint`]s.
    pub(super) fn words(&self, r: usize) -> &[u8] {
        let start = self.start_of(r);
        &self.words[start..start + self.len_of(r)]
    }

    /// Where the words of record `r` start: its block's start and the lengths before it.
    fn start_of(&self, r: usize) -> usize {
        let from = r - r % BLOCK;
        let bytes: usize = self.lens[from..r].iter().map(|&l| usize::from(l)).sum();
        let at = self.long.partition_point(|&(q, _)| (q as usize) < from);
        let long: usize = (self.long[at..].iter())
            .take_while(|&&(q, _)| (q as usize) < r)
            .map(|&(_, len)| len as usize - usize::from(LONG))
            .sum();
        self.blocks[r / BLOCK].start as usize + bytes + long
    }

    /// How many bytes the words of record `r` take.
    pub(super) fn bytes(&self, r: usize) -> usize {
        self.len_of(r)
    }

    fn len_of(&self, r: usize) -> usize {
        match self.lens[r] {
            LONG => {
                let at = self.long.partition_point(|&(q, _)| (q as usize) < r);
                self.long[at].1 as usize
            }
            len => usize::from(len),
        }
    }

    /// Room for `records` more records of `bytes` bytes of words in all, at most.
    pub(super) fn reserve(&mut self, records: usize, bytes: usize) {
        reserve_some(&mut self.kinds, records);
        reserve_some(&mut self.lens, records);
        reserve_some(&mut self.words, bytes);
    }

    /// Appends a record of `slot`, its words numbered by `id`.
    pub(super) fn push(&mut self, slot: u32, kind: FieldKind, ids: impl IntoIterator<Item = u32>) {
        self.start_record(slot, kind);
        for id in ids {
            varint::push(&mut self.words, id);
        }
        self.end_record();
    }

    /// Appends a record of `slot` whose words are `words` ([`Records::words`] of another).
    pub(super) fn push_encoded(&mut self, slot: u32, kind: FieldKind, words: &[u8]) {
        self.start_record(slot, kind);
        self.words.extend_from_slice(words);
        self.end_record();
    }

    fn start_record(&mut self, slot: u32, kind: FieldKind) {
        if self.kinds.len().is_multiple_of(BLOCK) {
            self.blocks.push(Block {
                slot,
                start: self.words.len() as u32,
            });
        }
        self.kinds.push(kind as u8);
    }

    /// Notes the length of the record just started: the words added since its block's start
    /// and the records before it in the block.
    fn end_record(&mut self) {
        let r = self.kinds.len() - 1;
        let len = self.words.len() - self.start_of(r);
        match u8::try_from(len) {
            Ok(len) if len < LONG => self.lens.push(len),
            _ => {
                self.lens.push(LONG);
                self.long.push((r as u32, len as u32));
            }
        }
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.kinds.shrink_to_fit();
        self.lens.shrink_to_fit();
        self.long.shrink_to_fit();
        self.blocks.shrink_to_fit();
        self.words.shrink_to_fit();
    }

    /// The bytes of each array's room (with `chunk`, as the allocator gives them).
    pub(super) fn heap_bytes(&self, chunk: fn(usize) -> usize) -> [(&'static str, usize); 2] {
        let records = chunk(self.kinds.capacity())
            + chunk(self.lens.capacity())
            + chunk(self.long.capacity() * 8)
            + chunk(self.blocks.capacity() * size_of::<Block>());
        [
            ("records", records),
            ("words", chunk(self.words.capacity())),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(first: u32) -> Slot {
        Slot {
            id: "s".into(),
            date: Default::default(),
            first,
            position: 0,
            age: 0,
            live: true,
        }
    }

    /// Records of every length, short and long, across blocks and slots, come back whole.
    #[test]
    fn each_record_keeps_its_kind_slot_and_words() {
        let mut records = Records::default();
        let mut slots = Vec::new();
        let mut written = Vec::new();
        for r in 0..200u32 {
            if r % 7 == 0 || r == 3 {
                slots.push(slot(r));
            }
            let count = if r % 45 == 44 { 300 } else { (r % 5) as usize };
            let ids: Vec<u32> = (0..count as u32).map(|i| i * 97 + r).collect();
            let kind = FieldKind::ALL[r as usize % 16];
            records.push(slots.len() as u32 - 1, kind, ids.iter().copied());
            written.push((kind, slots.len() as u32 - 1, ids));
        }
        for (r, (kind, slot, ids)) in written.iter().enumerate() {
            assert_eq!(records.kind(r), *kind, "{r}");
            assert_eq!(records.slot(r, &slots), *slot, "{r}");
            assert_eq!(varint::decode(records.words(r)).collect::<Vec<_>>(), *ids);
        }
        assert!(!records.long.is_empty(), "long records are here");
    }
}
