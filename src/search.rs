//! Accent- and case-insensitive search over the text of loaded sessions.
//!
//! Semantics (also in README.md):
//! - Every searchable field of every item is one record; a hit is one field of
//!   one item. Text is folded once, when the index is built (`model::fold`:
//!   lower case, tone and vowel marks removed, `đ` → `d`), so NFC and NFD
//!   input, upper and lower case, with or without accents all match alike.
//! - The query is folded the same way and split into words at every
//!   character that is not a letter or digit. A field matches when every word
//!   occurs in it; or when a run of two words or more at the start or the end
//!   of the query is a phrase of the field's context (the name of its locality,
//!   else the title of its session) and every other word occurs in the field
//!   (`dam ha thu nhap` finds Đầm Hà's income indicator).
//! - A word occurrence is *whole-word* (3 points), *word-prefix* (2) or
//!   *mid-word* (1); a field scores the best occurrence of each word, summed,
//!   plus 2 when the query's words follow one another in the field (whatever
//!   punctuation is between; all whole words but the last, which may be a
//!   prefix), plus 3 more when they are the whole field (`dam ha` finds the
//!   district `Đầm Hà` before titles that mention it). A word of the context
//!   run scores 3 in the locality's name (as a whole word would), 1 in the session's title.
//! - Order: score (higher first), then the kind of field (title, locality
//!   name, tag, reference, indicator, directive text and proposal, topic, participant, owner,
//!   locality text, session summary), then the newer session, then index order.
//! - Abbreviations (`model::abbrev`): the query is also searched with each
//!   abbreviation in it spelt out and each long form abbreviated ("nong thon
//!   moi" also as `ntm`, which then matches whole words only); a field found
//!   several ways keeps its best score and highlights what matched.
//!
//! Storage (issue #14): the index keeps no text of its own. Each session is a run of records
//! (its fields in `collect_session` order) in a slot; a hit finds its text and target again in
//! the sessions it is asked about. Sessions are replaced one by one (`update`): the old slot
//! is marked dead and a new one appended, so a change costs what changed.

mod fields;
mod highlight;
mod prepare;
mod records;
mod slots;
mod top;
mod varint;

use std::collections::HashMap;
use std::ops::Range;

use memchr::memmem;

use crate::model::Session;
use crate::model::abbrev::{Abbreviations, QueryWord};
use crate::model::fold::fold;

pub use fields::FieldKind;
pub(crate) use fields::Target;
use fields::{collect_session, nth_field};
use highlight::highlight;
pub(crate) use highlight::matches;
pub use prepare::Prepared;
use records::Records;
use slots::Slot;
use top::Bitset;
use varint::Posting;

/// One matching field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub field: FieldKind,
    /// The original text of the field.
    pub text: String,
    /// Byte ranges of `text` to highlight: sorted, merged, on char boundaries.
    pub ranges: Vec<Range<usize>>,
    /// Match quality; higher is better (see the module doc).
    pub score: u32,
}

/// One way of writing a query, ready to score records with.
struct Words {
    /// For each query word, how well it matches every vocabulary word
    /// ([`SearchIndex::vocab_quality`]).
    quals: Vec<Vec<u8>>,
    /// The fields that may be the context of a match ([`SearchIndex::context_holders`]).
    holders: Vec<Holder>,
}

/// A locality's name or a session's title that may be the context of a match, and the records
/// whose context it is (those after it in its locality, or in its session).
#[derive(Debug, Clone)]
struct Holder {
    record: u32,
    covers: Range<u32>,
}

/// Points of each query word found in the item's locality name, or in its session's title.
const IN_NAME: u8 = 3;
const IN_TITLE: u8 = 1;

/// Folded words of every searchable field, built once from the sessions and kept up to date
/// session by session.
pub struct SearchIndex {
    /// Every field's kind and words, in slots ([`records`]).
    records: Records,
    /// Each indexed session: its records, and where it is among the sessions last synced.
    slots: Vec<Slot>,
    /// The living slots in the order of their session's id (then their own): more than one a
    /// session only when ids repeat.
    by_id: Vec<u32>,
    /// Records of dead slots, still in the arrays until the next compaction.
    dead: usize,
    /// The living records in the tie-break order of hits (kind of field, newer session, place
    /// in the session), so a broad query can stop once its best hits are known.
    place: Vec<u32>,
    /// The records that are searched ([`Slot::is_listed`]), a bit each: a broad query asks
    /// for every record it walks.
    listed: Bitset,
    /// Every distinct folded word, each followed by `\n`.
    vocab: String,
    /// Byte offset in `vocab` where each word starts, plus the total length.
    vocab_starts: Vec<u32>,
    /// The id of each word of `vocab`.
    word_ids: HashMap<Box<str>, u32>,
    /// For each word of `vocab`, the records that contain it.
    postings: Vec<Posting>,
    /// What the query's abbreviations and long forms may also be written as.
    abbreviations: Abbreviations,
}

const WHOLE_WORD: u8 = 3;
const WORD_PREFIX: u8 = 2;
const MID_WORD: u8 = 1;
const PHRASE_BONUS: u32 = 2;

/// The least quality the query word at `j` of `n` needs in a field for the query to match
/// it as a phrase: the last word may be a prefix (it is still being typed), the others whole.
fn phrase_needs(j: usize, n: usize) -> u8 {
    if j + 1 == n { WORD_PREFIX } else { WHOLE_WORD }
}
const EXACT_BONUS: u32 = 3;

impl SearchIndex {
    /// Folds and indexes every searchable field of `sessions` (folding on every core).
    pub fn build(sessions: &[Session]) -> Self {
        let mut index = SearchIndex::default();
        // A part at a time, so the folded words of all sessions are never held at once.
        for part in sessions.chunks(256) {
            index.update(&[], std::iter::empty(), prepare::all(part));
        }
        index.sync(sessions);
        index.shrink_to_fit();
        index
    }

    /// The index searching with `abbreviations` (the built-in table and the config file's)
    /// instead of the built-in table alone.
    pub fn with_abbreviations(mut self, abbreviations: Abbreviations) -> Self {
        self.abbreviations = abbreviations;
        self
    }

    /// How many fields are indexed.
    pub fn len(&self) -> usize {
        self.records.len() - self.dead
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The best `limit` hits for `q` in `sessions` (those the index was last updated with),
    /// best first; empty for a blank query. The query is also searched as its abbreviations
    /// may be written ([`Abbreviations::variants`]).
    pub fn query(&self, sessions: &[Session], q: &str, limit: usize) -> Vec<Hit> {
        self.hits(sessions, q, limit).all(self, sessions)
    }

    /// [`SearchIndex::query`] without the hits' text: a list makes whole only the hits it
    /// shows ([`Hits::hit`]).
    pub fn hits(&self, sessions: &[Session], q: &str, limit: usize) -> Hits {
        self.found(sessions, q, limit, |words| self.top_matches(words, limit))
    }

    /// [`SearchIndex::hits`], with the matches of each way of writing the query found by
    /// `matches` (all of them, or those that can be among the best `limit`).
    fn found(
        &self,
        sessions: &[Session],
        q: &str,
        limit: usize,
        matches: impl Fn(&Words) -> Vec<(u32, u32)>,
    ) -> Hits {
        let words = query_words(q);
        if words.is_empty() {
            return Hits::default();
        }
        let variants = self.abbreviations.variants(&words);
        let ways: Vec<Words> = (variants.iter().take(32))
            .map(|words| self.words(words))
            .collect();
        let mut found: Vec<(u32, u32)> = ways.iter().flat_map(&matches).collect();
        found.sort_unstable_by_key(|&(r, score)| (r, std::cmp::Reverse(score)));
        found.dedup_by_key(|&mut (r, _)| r);
        let mut keys: Vec<u128> = (found.iter())
            .filter_map(|&(r, score)| self.order_key(r as usize, score))
            .collect();
        if keys.len() > limit {
            keys.select_nth_unstable(limit);
            keys.truncate(limit);
        }
        keys.sort_unstable();
        let found = (keys.into_iter())
            .filter_map(|key| {
                let r = (key & 0xFFFF_FFFF) as u32;
                let score = u32::MAX - (key >> 96) as u32;
                self.found_at(sessions, r, score)
            })
            .collect();
        Hits {
            found,
            variants,
            ways,
            vocabulary: self.postings.len(),
        }
    }

    /// The hit of record `r` without its text, when its session is in `sessions` where it
    /// was indexed.
    fn found_at(&self, sessions: &[Session], r: u32, score: u32) -> Option<Found> {
        let slot = self.slot_of(r as usize);
        sessions
            .get(slot.position as usize)
            .filter(|s| *s.id == *slot.id)?;
        Some(Found {
            field: self.records.kind(r as usize),
            score,
            record: r,
        })
    }

    /// The order of hits as one number, smaller first: higher score, then the place of the
    /// record ([`SearchIndex::place_key`]); the record in the low bits. `None` for a record of
    /// a session no longer there.
    fn order_key(&self, r: usize, score: u32) -> Option<u128> {
        if !self.is_listed(r) {
            return None;
        }
        let place = u128::from(self.place_key(r as u32));
        Some((u128::from(u32::MAX - score) << 96) | (place << 32) | r as u128)
    }

    /// The tie-break order of hits as one number, smaller first: the kind of field, then the
    /// newer session, then the field's place in its session.
    fn place_key(&self, r: u32) -> u64 {
        let slot = self.slot_of(r as usize);
        let ordinal = u64::from(r - slot.first).min((1 << 28) - 1);
        let rank = self.records.kind(r as usize).rank();
        (u64::from(rank) << 60) | (u64::from(slot.age) << 28) | ordinal
    }

    /// One way of writing a query, ready to score records with.
    fn words(&self, query: &[QueryWord]) -> Words {
        let quals: Vec<Vec<u8>> = query.iter().map(|w| self.vocab_quality(w)).collect();
        let holders = self.context_holders(&quals);
        Words { quals, holders }
    }

    /// Every listed record matching `words`, with its score.
    fn matches(&self, words: &Words) -> Vec<(u32, u32)> {
        let Some(driver) = (words.quals.iter()).min_by_key(|q| self.postings_size(q)) else {
            return Vec::new();
        };
        let mut tokens = Vec::new();
        let mut candidates = self.records_with(driver);
        let context = self.context_candidates(&words.holders);
        if !context.is_empty() {
            candidates.extend(context);
            candidates.sort_unstable();
            candidates.dedup();
        }
        candidates
            .into_iter()
            .filter(|&r| self.is_listed(r as usize))
            .filter_map(|r| Some((r, self.score(r as usize, words, &mut tokens)?)))
            .collect()
    }

    /// Record `r` is searched: its session is alive and among those last synced.
    fn is_listed(&self, r: usize) -> bool {
        self.listed.has(r as u32)
    }

    /// The slot of record `r`.
    fn slot_of(&self, r: usize) -> &Slot {
        &self.slots[self.records.slot(r, &self.slots) as usize]
    }

    /// For every vocabulary word, how well `word` matches inside it (0: not at all; a word
    /// that must be whole matches whole words only).
    fn vocab_quality(&self, word: &QueryWord) -> Vec<u8> {
        let (whole, word) = (word.whole, word.text.as_str());
        let mut quality = vec![0u8; self.postings.len()];
        let finder = memmem::Finder::new(word.as_bytes());
        let hay = self.vocab.as_bytes();
        let mut from = 0;
        while let Some(found) = finder.find(&hay[from..]) {
            let pos = from + found;
            let v = self.vocab_starts.partition_point(|&s| s as usize <= pos) - 1;
            let (start, end) = (
                self.vocab_starts[v] as usize,
                self.vocab_starts[v + 1] as usize - 1,
            );
            quality[v] = match (pos == start, pos + word.len() == end) {
                (true, true) => WHOLE_WORD,
                _ if whole => 0,
                (true, false) => WORD_PREFIX,
                _ => MID_WORD,
            };
            from = end + 1;
        }
        quality
    }

    fn postings_size(&self, quality: &[u8]) -> usize {
        (quality.iter().zip(&self.postings))
            .filter(|(q, _)| **q > 0)
            .map(|(_, p)| p.len())
            .sum()
    }

    /// The records holding any vocabulary word with a non-zero `quality`, ascending.
    fn records_with(&self, quality: &[u8]) -> Vec<u32> {
        let mut found: Vec<u32> = (quality.iter().zip(&self.postings))
            .filter(|(q, _)| **q > 0)
            .flat_map(|(_, p)| p.records())
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The words of record `r` as vocabulary ids in text order, decoded into `tokens`.
    fn tokens_of<'t>(&self, r: usize, tokens: &'t mut Vec<u32>) -> &'t [u32] {
        tokens.clear();
        tokens.extend(varint::decode(self.records.words(r)));
        tokens
    }

    /// Record `r` has exactly `n` words: told at once by the bytes of most records, which
    /// are too many (or too few) for that many words.
    fn has_words(&self, r: usize, n: usize) -> bool {
        (n..=n * varint::MAX_LEN).contains(&self.records.bytes(r))
            && varint::count(self.records.words(r)) == n
    }

    /// The holders (of `holders`) that are the context of `r`: its locality's name and its
    /// session's title (a record is not its own context).
    fn context_of(&self, r: usize, holders: &[Holder]) -> (Option<usize>, Option<usize>) {
        let r = r as u32;
        let covering = |h: &Holder| h.covers.contains(&r).then_some(h.record as usize);
        let before = holders.partition_point(|h| h.record < r);
        let name = (before.checked_sub(1).map(|i| &holders[i]))
            .filter(|h| self.records.kind(h.record as usize) == FieldKind::DistrictName)
            .and_then(covering);
        let first = self.slot_of(r as usize).first;
        let title = (self.records.kind(first as usize) == FieldKind::Title)
            .then(|| holders.binary_search_by_key(&first, |h| h.record).ok())
            .flatten()
            .and_then(|i| covering(&holders[i]));
        (name, title)
    }

    /// The run of query words, two at least, at the start or the end of the query, that is a
    /// phrase of whole words of `r`'s locality name (preferred) or of its session's title:
    /// those words stand for the locality or the session, and the others must be in the field
    /// (`đầm hà thu nhập`). With the points each of its words scores.
    /// Only a field among `words.holders` can hold such a run.
    fn context_run(&self, r: usize, words: &Words) -> Option<(Range<usize>, u8)> {
        let (name, title) = self.context_of(r, &words.holders);
        if name.is_none() && title.is_none() {
            return None;
        }
        let quals = &words.quals;
        let n = quals.len();
        let runs: Vec<Range<usize>> = (2..n).rev().flat_map(|len| [0..len, n - len..n]).collect();
        let mut tokens = Vec::new();
        let mut in_field = |field: Option<usize>, points: u8| {
            let tokens = self.tokens_of(field?, &mut tokens);
            let run = runs.iter().find(|run| {
                let k = run.len();
                tokens.len() >= k
                    && (0..=tokens.len() - k)
                        .any(|i| is_phrase_at(&tokens[i..i + k], &quals[(*run).clone()], true))
            })?;
            Some((run.clone(), points))
        };
        in_field(name, IN_NAME).or_else(|| in_field(title, IN_TITLE))
    }

    /// The listed session titles and locality names holding the first two or the last two
    /// words of `quals` whole, ascending; none for a query of fewer than three words (a run
    /// in the context leaves at least one word for the field). Every field that can hold a
    /// run of [`SearchIndex::context_run`] is among them.
    fn context_holders(&self, quals: &[Vec<u8>]) -> Vec<Holder> {
        let n = quals.len();
        if n < 3 {
            return Vec::new();
        }
        let mut tokens = Vec::new();
        let mut found = Vec::new();
        for (a, b) in [(0, 1), (n - 2, n - 1)] {
            for c in self.records_at(&quals[a], WHOLE_WORD) {
                let field = self.records.kind(c as usize);
                if matches!(field, FieldKind::Title | FieldKind::DistrictName)
                    && self.is_listed(c as usize)
                    && (self.tokens_of(c as usize, &mut tokens).iter())
                        .any(|&t| quals[b][t as usize] == WHOLE_WORD)
                {
                    found.push(c);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|c| self.holder(c)).collect()
    }

    /// Title or locality name `c` with the records it is the context of: the rest of its
    /// session, or of its locality (up to the next name).
    fn holder(&self, c: u32) -> Holder {
        let s = self.records.slot(c as usize, &self.slots);
        let end = self.slots[s as usize].first + self.slot_len(s as usize) as u32;
        let end = match self.records.kind(c as usize) {
            FieldKind::DistrictName => (c + 1..end)
                .find(|&r| self.records.kind(r as usize) == FieldKind::DistrictName)
                .unwrap_or(end),
            _ => end,
        };
        Holder {
            record: c,
            covers: c + 1..end,
        }
    }

    /// The records whose context is one of `holders` (from
    /// [`SearchIndex::context_holders`]): those that may match through it. Ascending.
    fn context_candidates(&self, holders: &[Holder]) -> Vec<u32> {
        let mut found: Vec<u32> = holders.iter().flat_map(|h| h.covers.clone()).collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The score of record `r`, `None` unless every query word occurs in it, or all but a run
    /// that is in its context (see [`SearchIndex::context_run`]); `tokens`: room to decode its
    /// words in. [`SearchIndex::bound`] must stay an upper bound of it outside
    /// [`SearchIndex::context_candidates`].
    fn score(&self, r: usize, words: &Words, tokens: &mut Vec<u32>) -> Option<u32> {
        let quals = &words.quals;
        self.score_words(r, quals, tokens).or_else(|| {
            let (run, points) = self.context_run(r, words)?;
            let own: Vec<&[u8]> = (quals.iter().enumerate())
                .filter(|(j, _)| !run.contains(j))
                .map(|(_, q)| q.as_slice())
                .collect();
            let score = self.score_words(r, &own, tokens)?;
            Some(score + u32::from(points) * run.len() as u32)
        })
    }

    /// The score of the query words `own` in record `r`'s own text; `None` unless each of them
    /// occurs in it.
    fn score_words<Q: AsRef<[u8]>>(
        &self,
        r: usize,
        own: &[Q],
        tokens: &mut Vec<u32>,
    ) -> Option<u32> {
        let tokens = self.tokens_of(r, tokens);
        let mut total = 0;
        let mut phrase_possible = true;
        for (j, q) in own.iter().enumerate() {
            let best = best_quality(tokens, q.as_ref());
            if best == 0 {
                return None;
            }
            phrase_possible &= best >= phrase_needs(j, own.len());
            total += u32::from(best);
        }
        if !phrase_possible {
            return Some(total);
        }
        if own.len() > 1 && has_phrase(tokens, own) {
            total += PHRASE_BONUS;
        }
        if tokens.len() == own.len() && is_phrase_at(tokens, own, true) {
            total += EXACT_BONUS;
        }
        Some(total)
    }

    /// The target and text of record `r` found again in its session, which must be the one
    /// indexed (`None` when `sessions` are not those the index was updated with).
    fn field_of<'s>(&self, sessions: &'s [Session], r: usize) -> Option<(Target, &'s str)> {
        if r >= self.records.len() {
            return None;
        }
        let slot = self.slot_of(r);
        let position = slot.position as usize;
        let session = sessions.get(position).filter(|s| *s.id == *slot.id)?;
        let (target, field, text) = nth_field(position, session, (r as u32 - slot.first) as usize)?;
        (field == self.records.kind(r)).then_some((target, text))
    }
}

/// One hit of a query without its text: the kind of field, its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub field: FieldKind,
    /// Match quality; higher is better (see the module doc).
    pub score: u32,
    record: u32,
}

/// The hits of a query, best first, found without their text (and the item they are in),
/// and what makes any of them whole: a list of two hundred hits shows a screenful, and only
/// those need their text and highlights.
#[derive(Default)]
pub struct Hits {
    found: Vec<Found>,
    /// Each way of writing the query, with its words ready to score: the ways a hit matches
    /// say which words it highlights.
    variants: Vec<Vec<QueryWord>>,
    ways: Vec<Words>,
    /// The size of the vocabulary the query was scored with: another index has another.
    vocabulary: usize,
}

impl std::fmt::Debug for Hits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.found).finish()
    }
}

impl Hits {
    pub fn len(&self) -> usize {
        self.found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&Found> {
        self.found.get(i)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Found> {
        self.found.iter()
    }

    /// Hit `i` made whole, its text found in `sessions` and its matches highlighted; `None`
    /// when `index` and `sessions` are no longer those the query ran on.
    pub fn hit(&self, index: &SearchIndex, sessions: &[Session], i: usize) -> Option<Hit> {
        let found = self.found.get(i)?;
        if index.postings.len() != self.vocabulary {
            return None;
        }
        let r = found.record as usize;
        let (target, text) = index.field_of(sessions, r)?;
        let mut tokens = Vec::new();
        let matched: Vec<&QueryWord> = (self.variants.iter().zip(&self.ways))
            .filter(|(_, w)| index.score(r, w, &mut tokens).is_some())
            .flat_map(|(words, _)| words)
            .collect();
        Some(Hit {
            target,
            field: found.field,
            text: text.to_string(),
            ranges: highlight(text, &matched),
            score: found.score,
        })
    }

    /// Every hit made whole.
    fn all(&self, index: &SearchIndex, sessions: &[Session]) -> Vec<Hit> {
        (0..self.len())
            .filter_map(|i| self.hit(index, sessions, i))
            .collect()
    }
}

/// The best quality of `quality` over `words`, stopping at a whole word.
fn best_quality(words: &[u32], quality: &[u8]) -> u8 {
    let mut best = 0;
    for &w in words {
        best = best.max(quality[w as usize]);
        if best == WHOLE_WORD {
            break;
        }
    }
    best
}

/// The query words occur one after the other somewhere in `tokens`.
fn has_phrase<Q: AsRef<[u8]>>(tokens: &[u32], quals: &[Q]) -> bool {
    let k = quals.len();
    let first: &[u8] = quals[0].as_ref();
    tokens.len() >= k
        && (0..=tokens.len() - k).any(|i| {
            first[tokens[i] as usize] == WHOLE_WORD && is_phrase_at(&tokens[i..i + k], quals, false)
        })
}

/// `tokens` (as long as the query) are the query words: all whole, but the
/// last may be a prefix unless `whole` is asked for.
fn is_phrase_at<Q: AsRef<[u8]>>(tokens: &[u32], quals: &[Q], whole: bool) -> bool {
    let last = quals.len() - 1;
    quals.iter().zip(tokens).enumerate().all(|(j, (q, &t))| {
        let quality = q.as_ref()[t as usize];
        quality == WHOLE_WORD || (j == last && !whole && quality == WORD_PREFIX)
    })
}

/// The folded words of a query.
fn query_words(q: &str) -> Vec<String> {
    words_of(&fold(q)).map(str::to_string).collect()
}

/// The maximal runs of letters and digits in folded text.
fn words_of(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests;
