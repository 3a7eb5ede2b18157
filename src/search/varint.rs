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

/// The records holding one word, ascending, each stored as its distance from the one before.
#[derive(Debug, Default, Clone)]
pub(super) struct Posting {
    bytes: Vec<u8>,
    last: u32,
    len: u32,
}

impl Posting {
    /// Adds record `r`, which must not come before the last one (again: nothing to add).
    pub(super) fn push(&mut self, r: u32) {
        if self.len > 0 && r == self.last {
            return;
        }
        let gap = if self.len == 0 { r } else { r - self.last };
        super::slots::reserve_some(&mut self.bytes, MAX_LEN);
        push(&mut self.bytes, gap);
        self.last = r;
        self.len += 1;
    }

    /// How many records.
    pub(super) fn len(&self) -> usize {
        self.len as usize
    }

    /// The records, ascending.
    pub(super) fn records(&self) -> impl Iterator<Item = u32> + '_ {
        decode(&self.bytes).scan(0u32, |at, gap| {
            *at += gap;
            Some(*at)
        })
    }

    pub(super) fn clear(&mut self) {
        *self = Posting::default();
    }

    pub(super) fn heap_bytes(&self, chunk: fn(usize) -> usize) -> usize {
        chunk(self.bytes.capacity())
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
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
}
