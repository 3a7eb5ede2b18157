//! Small numbers in few bytes: the index's word numbers and posting lists are kept as
//! variable-length integers (seven bits a byte, the high bit set on all but the last byte),
//! posting lists as the distance from one record to the next. Most words and distances fit
//! one or two bytes instead of four.

/// The most bytes a number takes.
pub(super) const MAX_LEN: usize = 5;

/// Appends `value`.
pub(super) fn push(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The numbers in `bytes`, in order.
pub(super) fn decode(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut value = 0u32;
        let mut shift = 0;
        loop {
            let byte = *bytes.get(at)?;
            at += 1;
            value |= u32::from(byte & 0x7F) << shift;
            if byte < 0x80 {
                return Some(value);
            }
            shift += 7;
        }
    })
}

/// How many numbers `bytes` holds.
pub(super) fn count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b < 0x80).count()
}

/// The records holding one word, ascending: each stored as its distance from the one before,
/// or, once that takes more bytes than a bit for every record (a word in more than about one
/// record in eight), as those bits.
#[derive(Debug, Default, Clone)]
pub(super) struct Posting {
    bytes: Vec<u8>,
    last: u32,
    len: u32,
    /// `bytes` are bits, record `r` at bit `r % 8` of byte `r / 8`.
    dense: bool,
}

impl Posting {
    /// Adds record `r`, which must not come before the last one (again: nothing to add).
    pub(super) fn push(&mut self, r: u32) {
        if self.len > 0 && r == self.last {
            return;
        }
        if self.dense {
            let at = r as usize / 8;
            if self.bytes.len() <= at {
                let more = at + 1 - self.bytes.len();
                super::slots::reserve_some(&mut self.bytes, more);
                self.bytes.resize(at + 1, 0);
            }
            self.bytes[at] |= 1 << (r % 8);
        } else {
            let gap = if self.len == 0 { r } else { r - self.last };
            super::slots::reserve_some(&mut self.bytes, MAX_LEN);
            push(&mut self.bytes, gap);
        }
        self.last = r;
        self.len += 1;
        if !self.dense && self.bytes.len() > r as usize / 8 + 64 {
            self.make_dense();
        }
    }

    /// Keeps the records as bits.
    fn make_dense(&mut self) {
        let mut bits = vec![0u8; self.last as usize / 8 + 1];
        for r in self.records() {
            bits[r as usize / 8] |= 1 << (r % 8);
        }
        self.bytes = bits;
        self.dense = true;
    }

    /// How many records.
    pub(super) fn len(&self) -> usize {
        self.len as usize
    }

    /// The records, ascending.
    pub(super) fn records(&self) -> impl Iterator<Item = u32> + '_ {
        let (gaps, bits) = if self.dense {
            (&[][..], &self.bytes[..])
        } else {
            (&self.bytes[..], &[][..])
        };
        let from_gaps = decode(gaps).scan(0u32, |at, gap| {
            *at += gap;
            Some(*at)
        });
        let from_bits = bits.iter().enumerate().flat_map(|(i, &byte)| {
            let mut byte = byte;
            std::iter::from_fn(move || {
                (byte != 0).then(|| {
                    let bit = byte.trailing_zeros();
                    byte &= byte - 1;
                    i as u32 * 8 + bit
                })
            })
        });
        from_gaps.chain(from_bits)
    }

    pub(super) fn clear(&mut self) {
        *self = Posting::default();
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
    }

    /// The bytes it holds (with `chunk`, as the allocator gives them).
    pub(super) fn heap_bytes(&self, chunk: fn(usize) -> usize) -> usize {
        chunk(self.bytes.capacity())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_come_back_as_written() {
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, u32::MAX];
        let mut bytes = Vec::new();
        for v in values {
            push(&mut bytes, v);
        }
        assert_eq!(decode(&bytes).collect::<Vec<_>>(), values);
        assert_eq!(count(&bytes), values.len());
        assert_eq!(bytes.len(), 1 + 1 + 1 + 2 + 2 + 2 + 3 + 3 + 5);
    }

    #[test]
    fn a_posting_keeps_each_record_once_in_order() {
        let mut posting = Posting::default();
        for r in [0, 0, 3, 3, 200, 70_000] {
            posting.push(r);
        }
        assert_eq!(posting.records().collect::<Vec<_>>(), [0, 3, 200, 70_000]);
        assert_eq!(posting.len(), 4);
        posting.clear();
        posting.push(5);
        assert_eq!(posting.records().collect::<Vec<_>>(), [5]);
    }

    /// A word in most records keeps them as bits, and still gives each once, in order.
    #[test]
    fn a_dense_posting_keeps_its_records_as_bits() {
        let mut posting = Posting::default();
        let records: Vec<u32> = (0..5_000).filter(|r| r % 3 != 0).chain([9_000]).collect();
        for &r in &records {
            posting.push(r);
            posting.push(r);
        }
        assert!(posting.dense, "dense");
        assert!(posting.bytes.len() <= 9_000 / 8 + 1);
        assert_eq!(posting.records().collect::<Vec<_>>(), records);
        assert_eq!(posting.len(), records.len());
    }
}
