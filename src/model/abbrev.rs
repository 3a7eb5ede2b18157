//! The abbreviations officials write (NTM, UBND, KT-XH …) and what they stand for, so that a
//! search finds either form: "nong thon moi" finds a text saying "NTM", and "NTM" one saying
//! "nông thôn mới". [`BUILT_IN`] is the table; the config file's `[abbreviations]` adds to it.

use std::collections::{BTreeSet, HashMap};

use super::fold::folded_words;

/// `(abbreviation, what it stands for)`, as officials write them. Case, accents and the
/// punctuation between words do not matter (`KT-XH` is the words `kt xh`).
pub(crate) const BUILT_IN: &[(&str, &str)] = &[
    ("NTM", "nông thôn mới"),
    ("KKT", "khu kinh tế"),
    ("KCN", "khu công nghiệp"),
    ("HTX", "hợp tác xã"),
    ("UBND", "ủy ban nhân dân"),
    ("HĐND", "hội đồng nhân dân"),
    ("MTTQ", "mặt trận tổ quốc"),
    ("ANTT", "an ninh trật tự"),
    ("KT-XH", "kinh tế - xã hội"),
    ("KTXH", "kinh tế - xã hội"),
    ("GTSX", "giá trị sản xuất"),
    ("NS", "ngân sách"),
    ("DTTS", "dân tộc thiểu số"),
    ("CCHC", "cải cách hành chính"),
    ("QP-AN", "quốc phòng - an ninh"),
    ("BTV", "ban thường vụ"),
    ("BCH", "ban chấp hành"),
    ("GPMB", "giải phóng mặt bằng"),
    ("BHXH", "bảo hiểm xã hội"),
    ("BHYT", "bảo hiểm y tế"),
    ("TTHC", "thủ tục hành chính"),
    ("XDCB", "xây dựng cơ bản"),
];

/// At most this many ways to say one query are searched.
const MAX_VARIANTS: usize = 16;

/// One word of a query as searched: folded, and whether only a whole word matches it (an
/// abbreviation put in for its long form: `ns` must not match inside other words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub text: String,
    pub whole: bool,
}

/// The abbreviation table, folded as search folds text, indexed by each side so that adding
/// an entry and finding the entries in a query take time by the query, not by the table
/// (tens of thousands of entries from a config file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abbreviations {
    /// Each entry's abbreviation and long form, as folded words, in the order added.
    pairs: Vec<(Vec<String>, Vec<String>)>,
    /// Each side written in `pairs` and the entries (indices, in order) that have it.
    by_side: HashMap<Vec<String>, Vec<usize>>,
    /// How many words the sides have, every length once.
    lengths: BTreeSet<usize>,
}

impl Default for Abbreviations {
    /// The built-in table.
    fn default() -> Self {
        let mut table = Abbreviations::none();
        for (short, long) in BUILT_IN {
            table.add(short, long);
        }
        table
    }
}

/// A place in a query where one side of an entry is written, and the other ways to say it.
struct Occurrence {
    start: usize,
    len: usize,
    others: Vec<Vec<QueryWord>>,
}

impl Abbreviations {
    /// No abbreviations at all.
    pub fn none() -> Self {
        Abbreviations {
            pairs: Vec::new(),
            by_side: HashMap::new(),
            lengths: BTreeSet::new(),
        }
    }

    /// Adds `short` standing for `long`; `false` (and nothing added) when a side has no letter
    /// or digit, or both sides are the same words.
    pub fn add(&mut self, short: &str, long: &str) -> bool {
        let (short, long) = (folded_words(short), folded_words(long));
        if short.is_empty() || long.is_empty() || short == long {
            return false;
        }
        let known = self.entries_with(&short).any(|i| self.pairs[i].1 == long);
        if !known {
            let index = self.pairs.len();
            for side in [&short, &long] {
                self.lengths.insert(side.len());
                self.by_side.entry(side.clone()).or_default().push(index);
            }
            self.pairs.push((short, long));
        }
        true
    }

    /// The entries one of whose sides is `words`, in the order added.
    fn entries_with<'a>(&'a self, words: &[String]) -> impl Iterator<Item = usize> + 'a {
        self.by_side.get(words).into_iter().flatten().copied()
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The ways to search the folded query `words`: as typed first, then with abbreviations in
    /// it spelt out and long forms abbreviated, in every combination (at most 16 in all).
    pub fn variants(&self, words: &[String]) -> Vec<Vec<QueryWord>> {
        let typed: Vec<QueryWord> = words
            .iter()
            .map(|w| QueryWord {
                text: w.clone(),
                whole: false,
            })
            .collect();
        let mut variants = vec![typed];
        for occurrence in self.occurrences(words).iter().rev() {
            let mut more = Vec::new();
            for variant in &variants {
                for other in &occurrence.others {
                    let mut v = variant.clone();
                    v.splice(
                        occurrence.start..occurrence.start + occurrence.len,
                        other.iter().cloned(),
                    );
                    more.push(v);
                }
            }
            variants.extend(more);
            variants.truncate(MAX_VARIANTS);
        }
        variants
    }

    /// Where either side of an entry is written in `words`, left to right, longest first,
    /// not overlapping.
    fn occurrences(&self, words: &[String]) -> Vec<Occurrence> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.occurrence_at(words, i) {
                Some(o) => {
                    i += o.len;
                    found.push(o);
                }
                None => i += 1,
            }
        }
        found
    }

    fn occurrence_at(&self, words: &[String], i: usize) -> Option<Occurrence> {
        let rest = &words[i..];
        let len = self
            .lengths
            .range(..=rest.len())
            .rev()
            .copied()
            .find(|&n| self.by_side.contains_key(&rest[..n]))?;
        let others = self
            .sides_written(&rest[..len])
            .map(|(other, whole)| {
                other
                    .iter()
                    .map(|w| QueryWord {
                        text: w.clone(),
                        whole,
                    })
                    .collect()
            })
            .collect();
        Some(Occurrence {
            start: i,
            len,
            others,
        })
    }

    /// For every entry one of whose sides is `words`: its other side, and whether that is the
    /// abbreviation.
    fn sides_written<'a>(
        &'a self,
        words: &'a [String],
    ) -> impl Iterator<Item = (&'a Vec<String>, bool)> + 'a {
        self.entries_with(words).map(move |i| {
            let (short, long) = &self.pairs[i];
            if short.as_slice() == words {
                (long, false)
            } else {
                (short, true)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<String> {
        folded_words(q)
    }

    fn said(variants: &[Vec<QueryWord>]) -> Vec<String> {
        variants
            .iter()
            .map(|v| {
                v.iter()
                    .map(|w| match w.whole {
                        true => format!("={}", w.text),
                        false => w.text.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The ways `table` searches the query `q`.
    fn spelt(table: &Abbreviations, q: &str) -> Vec<String> {
        said(&table.variants(&words(q)))
    }

    #[test]
    fn both_ways_and_as_typed_first() {
        let table = Abbreviations::default();
        assert_eq!(spelt(&table, "Nông thôn mới"), ["nong thon moi", "=ntm"]);
        assert_eq!(spelt(&table, "NTM"), ["ntm", "nong thon moi"]);
        assert_eq!(
            spelt(&table, "xã NTM kiểu mẫu"),
            ["xa ntm kieu mau", "xa nong thon moi kieu mau"]
        );
        assert_eq!(spelt(&table, "HĐND"), ["hdnd", "hoi dong nhan dan"]);
    }

    #[test]
    fn a_long_form_with_two_abbreviations_and_two_occurrences() {
        let table = Abbreviations::default();
        assert_eq!(
            spelt(&table, "kinh tế - xã hội"),
            ["kinh te xa hoi", "=kt =xh", "=ktxh"]
        );
        assert_eq!(spelt(&table, "KT-XH"), ["kt xh", "kinh te xa hoi"]);
        assert_eq!(spelt(&table, "NTM HTX").len(), 4);
        assert_eq!(spelt(&table, "đầm hà"), ["dam ha"]);
    }

    #[test]
    fn the_table_can_grow_and_refuses_empty_sides() {
        let mut table = Abbreviations::none();
        assert!(table.is_empty());
        assert!(table.add("TĐC", "tái định cư"));
        assert!(!table.add("—", "x"));
        assert!(!table.add("a", "A"));
        assert_eq!(table.len(), 1);
        assert_eq!(spelt(&table, "tdc"), ["tdc", "tai dinh cu"]);
        let many: Vec<String> = (0..6).map(|_| "tdc".to_string()).collect();
        assert_eq!(table.variants(&many).len(), MAX_VARIANTS);
    }

    /// The abbreviations README names as built in: the upper-case words of its list.
    fn named_in_the_readme() -> BTreeSet<&'static str> {
        let readme = include_str!("../../README.md");
        let list = (readme.split_once("Built in (one").map(|(_, rest)| rest))
            .and_then(|rest| rest.split_once("adds more"))
            .map_or("", |(list, _)| list);
        list.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c == '-'))
            .collect()
    }

    /// Every entry of the table is searched for its long form, and README names exactly the
    /// table's abbreviations.
    #[test]
    fn every_built_in_entry_is_spelt_out_and_named_in_the_readme() {
        let table = Abbreviations::default();
        for (short, long) in BUILT_IN {
            let spelt = table.variants(&words(short));
            assert!(
                said(&spelt).contains(&words(long).join(" ")),
                "{short} → {long}: {:?}",
                said(&spelt)
            );
        }
        let built_in: BTreeSet<&str> = BUILT_IN.iter().map(|(short, _)| *short).collect();
        assert_eq!(named_in_the_readme(), built_in);
    }
}
