//! The best matches of a query without scoring every record. A selective query scores the
//! records its rarest word is in. A broad one walks the records in the order hits are shown
//! (`place`) and stops once `limit` of them reach the highest score the records not yet seen
//! could reach; the records that could score above that bound (a rare word's whole matches,
//! the records that may be the query exactly) are scored apart first. The walk skips the
//! records the query's rarest word shows cannot reach the bound, unless that word is nearly
//! everywhere: then the hits come soon and marking its records would cost more. The bound follows
//! `SearchIndex::score`: whoever changes the scoring changes `bound` with it (debug builds
//! check it, and a test compares with scoring every record).

use std::ops::Range;

use super::{PHRASE_BONUS, SearchIndex, WHOLE_WORD, Words, phrase_needs};

/// The least of the two thresholds below (small in tests, so that small indexes have broad
/// queries too).
const FLOOR: usize = if cfg!(test) { 64 } else { 4096 };

/// At most this many postings for the rarest word: its records are all scored.
fn selective(records: usize) -> usize {
    FLOOR + records / 64
}

/// A word whose whole matches are in at most this many records: those are scored apart.
fn rare(records: usize) -> usize {
    FLOOR + records / 128
}

/// A broad query whose rarest word is in more than this fraction of the records (one in so
/// many) scores its first records in the order of hits before it marks that word's records.
const MARKED_AT_MOST: usize = 8;

/// How many records of the order of hits that is (few in tests, so that small indexes go on
/// past them too).
const UNMARKED_HEAD: usize = if cfg!(test) { 64 } else { 8192 };

/// One bit per record.
pub(super) struct Bitset(Vec<u64>);

impl Bitset {
    pub(super) fn new(records: usize) -> Self {
        Bitset(vec![0; records.div_ceil(64)])
    }

    pub(super) fn set(&mut self, r: u32) {
        self.0[r as usize / 64] |= 1 << (r % 64);
    }

    /// The bytes it holds (with `chunk`, as the allocator gives them).
    pub(super) fn heap_bytes(&self, chunk: fn(usize) -> usize) -> usize {
        chunk(self.0.capacity() * 8)
    }

    pub(super) fn has(&self, r: u32) -> bool {
        self.0[r as usize / 64] & (1 << (r % 64)) != 0
    }

    fn records(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let bit = bits.trailing_zeros();
                bits &= bits - 1;
                Some(i as u32 * 64 + bit)
            })
        })
    }
}

/// What a broad query's words allow outside the records scored apart: the highest score, the
/// best quality each word can have there.
struct Bound {
    score: u32,
    qualities: Vec<u8>,
    /// No record outside those scored apart can match.
    none_outside: bool,
}

impl SearchIndex {
    /// Every match of `quals` (one way of writing a query, as `vocab_quality`) that can be
    /// among its best `limit`, with its score; others may come too.
    pub(super) fn top_matches(&self, words: &Words, limit: usize) -> Vec<(u32, u32)> {
        let Some(size) = words.quals.iter().map(|q| self.postings_size(q)).min() else {
            return Vec::new();
        };
        if limit == 0 {
            return Vec::new();
        }
        if size <= selective(self.records.len()) {
            return self.matches(words);
        }
        self.broad(words, limit, size)
    }

    /// The records of postings whose word has `quality` for a query word.
    pub(super) fn records_at<'a>(
        &'a self,
        quality: &'a [u8],
        wanted: u8,
    ) -> impl Iterator<Item = u32> + 'a {
        (quality.iter().zip(&self.postings))
            .filter(move |(q, _)| **q == wanted)
            .flat_map(|(_, p)| p.records())
    }

    fn size_at(&self, quality: &[u8], wanted: u8) -> usize {
        (quality.iter().zip(&self.postings))
            .filter(|(q, _)| **q == wanted)
            .map(|(_, p)| p.len())
            .sum()
    }

    /// A broad query: the records scored apart; then, in the order of hits, those that can
    /// reach the bound, until `limit` of them do; if they do not, the others, until `limit`
    /// records reach the bound less one (which no other record can pass); in the worst case
    /// every record.
    fn broad(&self, words: &Words, limit: usize, driver_size: usize) -> Vec<(u32, u32)> {
        let quals = &words.quals[..];
        let n = self.records.len();
        let mut apart = Bitset::new(n);
        let bound = self.bound(quals, &mut apart);
        // Matches through the context can score above the bound: they are all scored apart.
        for r in self.context_candidates(&words.holders) {
            apart.set(r);
        }
        let mut tokens = Vec::new();
        let mut found: Vec<(u32, u32)> = (apart.records())
            .filter(|&r| self.is_listed(r as usize))
            .filter_map(|r| Some((r, self.score(r as usize, words, &mut tokens)?)))
            .collect();
        if bound.none_outside {
            return found;
        }
        let Some((size, rarest, least)) = self.rarest(quals, &bound.qualities) else {
            return found;
        };
        let outside = |r: u32| !apart.has(r);
        let (mut first, mut reached, mut from) = (Vec::new(), 0, 0);
        if size > n / MARKED_AT_MOST {
            // The rarest word is nearly everywhere, so the hits likely come among the first
            // records: those are scored without marking the word's records first.
            from = self.place.len().min(UNMARKED_HEAD);
            (first, reached) = self.scan(words, (bound.score, limit), outside, &[], 0..from);
            if reached >= limit {
                found.extend(first);
                return found;
            }
        }
        let best = self.marked(rarest, least);
        let can_reach = |r: u32| outside(r) && best.has(r);
        let rest = from..self.place.len();
        let (more, more_reached) =
            self.scan(words, (bound.score, limit - reached), can_reach, &[], rest);
        first.extend(more);
        reached += more_reached;
        if reached >= limit {
            found.extend(first);
            return found;
        }
        let driver = (driver_size <= n / 2).then(|| {
            let q = quals.iter().min_by_key(|q| self.postings_size(q));
            let mut set = Bitset::new(n);
            q.into_iter().for_each(|q| self.mark(q, 1, &mut set));
            set
        });
        let others =
            |r: u32| outside(r) && !best.has(r) && driver.as_ref().is_none_or(|d| d.has(r));
        let everywhere = 0..self.place.len();
        let (second, _) = self.scan(
            words,
            (bound.score.saturating_sub(1), limit),
            others,
            &first,
            everywhere,
        );
        found.extend(first);
        found.extend(second);
        found
    }

    /// The matches of `words` among the records `wanted` at `places` of the order of hits
    /// (none of which can score more than `at`), in that order, until `limit` of them (with
    /// those `before`, matches found in the same order) score `at` or more; and how many did.
    fn scan(
        &self,
        words: &Words,
        (at, limit): (u32, usize),
        wanted: impl Fn(u32) -> bool,
        before: &[(u32, u32)],
        places: Range<usize>,
    ) -> (Vec<(u32, u32)>, usize) {
        let (mut tokens, mut found, mut reached) = (Vec::new(), Vec::new(), 0);
        let mut before = before.iter().peekable();
        for &r in &self.place[places] {
            let score = match before.next_if(|(b, _)| *b == r) {
                Some(&(_, score)) => score,
                None if wanted(r) && self.is_listed(r as usize) => {
                    let Some(score) = self.score(r as usize, words, &mut tokens) else {
                        continue;
                    };
                    debug_assert!(score <= at, "the bound of a broad query is wrong");
                    found.push((r, score));
                    score
                }
                None => continue,
            };
            if score >= at {
                reached += 1;
                if reached >= limit {
                    break;
                }
            }
        }
        (found, reached)
    }

    /// The query word whose records with at least its quality in `qualities` are fewest: how
    /// many postings they have, its quality for every vocabulary word, and that least quality.
    /// Every record that can reach the bound is among its records.
    fn rarest<'q>(&self, quals: &'q [Vec<u8>], qualities: &[u8]) -> Option<(usize, &'q [u8], u8)> {
        (quals.iter().zip(qualities))
            .map(|(q, &least)| (self.size_at_least(q, least), q.as_slice(), least))
            .min_by_key(|(size, _, _)| *size)
    }

    /// The records of the words with at least quality `least` in `quality`.
    fn marked(&self, quality: &[u8], least: u8) -> Bitset {
        let mut set = Bitset::new(self.records.len());
        self.mark(quality, least, &mut set);
        set
    }

    /// How many postings the words with at least quality `least` in `quality` have.
    fn size_at_least(&self, quality: &[u8], least: u8) -> usize {
        (quality.iter().zip(&self.postings))
            .filter(|(q, _)| **q >= least.max(1))
            .map(|(_, p)| p.len())
            .sum()
    }

    /// Marks in `set` the records of the words with at least quality `least` in `quality`.
    fn mark(&self, quality: &[u8], least: u8, set: &mut Bitset) {
        let words = quality.iter().zip(&self.postings);
        for (_, posting) in words.filter(|(q, _)| **q >= least.max(1)) {
            posting.records().for_each(|r| set.set(r));
        }
    }

    /// The highest score of a record outside `apart`, into which go the records that could
    /// score more: each rare word's whole matches, and the records as long as the query (an
    /// exact match earns a bonus).
    fn bound(&self, quals: &[Vec<u8>], apart: &mut Bitset) -> Bound {
        let (mut score, mut none_outside, mut all_whole) = (0, false, true);
        let mut qualities = Vec::with_capacity(quals.len());
        let mut phrase = quals.len() > 1;
        let mut fewest_whole: Option<(usize, &Vec<u8>)> = None;
        for (j, q) in quals.iter().enumerate() {
            let whole = self.size_at(q, WHOLE_WORD);
            let partial = (q.iter())
                .filter(|&&x| x < WHOLE_WORD)
                .max()
                .copied()
                .unwrap_or(0);
            let here = if whole > 0 && whole <= rare(self.records.len()) {
                self.records_at(q, WHOLE_WORD).for_each(|r| apart.set(r));
                partial
            } else if whole > 0 {
                WHOLE_WORD
            } else {
                partial
            };
            none_outside |= here == 0;
            qualities.push(here);
            phrase &= here >= phrase_needs(j, quals.len());
            score += u32::from(here);
            all_whole &= whole > 0;
            if whole > 0 && fewest_whole.is_none_or(|(size, _)| whole < size) {
                fewest_whole = Some((whole, q));
            }
        }
        if let Some((_, q)) = fewest_whole.filter(|_| all_whole) {
            for r in self.records_at(q, WHOLE_WORD) {
                if self.has_words(r as usize, quals.len()) {
                    apart.set(r);
                }
            }
        }
        if phrase {
            score += PHRASE_BONUS;
        }
        Bound {
            score,
            qualities,
            none_outside,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Directive, District, Session, SessionDate};
    use crate::search::{Hit, query_words};

    const PHRASES: [&str; 8] = [
        "xây dựng nông thôn mới nâng cao",
        "phòng, chống ma túy và tệ nạn xã hội",
        "phát triển du lịch biển đảo",
        "Đầm Hà",
        "Hải Hà",
        "NTM kiểu mẫu",
        "thu hút đầu tư",
        "a",
    ];

    /// A deterministic session whose fields repeat a few phrases, as the scale bench's do.
    fn session(n: usize) -> Session {
        let pick = |k: usize| PHRASES[(n * 31 + k * 17 + n / 7) % PHRASES.len()];
        let directive = |k: usize| Directive {
            id: format!("d{k}").into(),
            text: format!("{} {}", pick(k), pick(k + 3)).into(),
            owner: Some(format!("Huyện ủy {}", pick(k + 1)).into()),
            ..Directive::default()
        };
        let district = District {
            id: "d".into(),
            name: pick(7).into(),
            summary: Some(pick(8).into()),
            highlights: vec![pick(9).into()],
            directives: (0..3).map(directive).collect(),
            ..District::default()
        };
        let mut s = crate::model::test_session(vec![district], (3..9).map(directive).collect());
        s.id = format!("s{n:04}").into();
        s.title = format!("Làm việc với {} và {}", pick(0), pick(1)).into();
        s.date = SessionDate::Date(
            chrono::NaiveDate::from_ymd_opt(2020 + (n % 5) as i32, 1, (n % 28) as u32 + 1)
                .expect("day"),
        );
        s.topic = Some(pick(2).into());
        s.tags = if n.is_multiple_of(50) {
            vec!["Cô Tô".into()]
        } else {
            vec![pick(3).into(), "a".into()]
        };
        s.summary = Some(format!("{}. {}, {}.", pick(4), pick(5), pick(6)).into());
        s
    }

    /// The hits found by scoring every record of the index.
    fn every_match(index: &SearchIndex, sessions: &[Session], q: &str, limit: usize) -> Vec<Hit> {
        let hits = index.found(sessions, q, limit, |words| {
            let mut tokens = Vec::new();
            (0..index.records.len() as u32)
                .filter(|&r| index.is_listed(r as usize))
                .filter_map(|r| Some((r, index.score(r as usize, words, &mut tokens)?)))
                .collect()
        });
        hits.all(index, sessions)
    }

    /// Typed a letter at a time, each query answers as scoring every record would, whether
    /// selective (a rare word) or broad (a word in every record), with small and large limits.
    #[test]
    fn the_best_hits_are_those_of_scoring_every_record() {
        let mut sessions: Vec<Session> = (0..200).map(session).collect();
        crate::model::sort_newest_first(&mut sessions);
        let index = SearchIndex::build(&sessions);
        let broad = |q: &str| {
            let words = crate::model::abbrev::Abbreviations::none().variants(&query_words(q));
            let quals = words[0].iter().map(|w| index.vocab_quality(w));
            quals.map(|q| index.postings_size(&q)).min() > Some(selective(index.len()))
        };
        assert!(broad("a") && broad("nong thon"), "broad queries are here");
        assert!(!broad("co to"), "and selective ones");
        let typed = [
            "nong thon moi nang",
            "dam ha",
            "ma tuy va te",
            "huyen uy hai ha",
            "a",
            "ntm kieu",
            "xay dung ntm",
            "lam viec voi dam ha va",
            "co to",
        ];
        for phrase in typed {
            for end in (1..=phrase.len()).filter(|&e| phrase.is_char_boundary(e)) {
                let q = &phrase[..end];
                for limit in [1, 7, 200] {
                    assert_eq!(
                        index.query(&sessions, q, limit),
                        every_match(&index, &sessions, q, limit),
                        "{q:?}, limit {limit}"
                    );
                }
            }
        }
    }
}
