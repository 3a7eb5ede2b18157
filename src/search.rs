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
//!   name, tag, reference, indicator, directive text, topic, participant, owner,
//!   locality text, session summary), then the newer session, then index order.
//! - Abbreviations (`model::abbrev`): the query is also searched with each
//!   abbreviation in it spelt out and each long form abbreviated ("nong thon
//!   moi" also as `ntm`, which then matches whole words only); a field found
//!   several ways keeps its best score and highlights what matched.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::ops::Range;

use memchr::memmem;

use crate::model::abbrev::{Abbreviations, QueryWord};
use crate::model::fold::{fold, fold_with_offsets};
use crate::model::{DirectiveRef, Session};

/// The item a hit belongs to; indices into the slice given to [`SearchIndex::build`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Session {
        session: usize,
    },
    District {
        session: usize,
        district: usize,
    },
    Indicator {
        session: usize,
        district: usize,
        indicator: usize,
    },
    Directive {
        session: usize,
        directive: DirectiveRef,
    },
}

impl Target {
    pub fn session(&self) -> usize {
        match *self {
            Target::Session { session }
            | Target::District { session, .. }
            | Target::Indicator { session, .. }
            | Target::Directive { session, .. } => session,
        }
    }
}

/// Which field of the item matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// The session's title.
    Title,
    /// The session's topic.
    Topic,
    /// One tag of the session.
    Tag,
    /// A document the session refers to: its number or its title.
    Reference,
    /// A participant's name or role, or the chair.
    Participant,
    /// A district's name.
    DistrictName,
    /// A district's summary.
    DistrictSummary,
    /// One of a district's highlights.
    Highlight,
    /// One of a district's strengths.
    Strength,
    /// One of a district's shortcomings.
    Shortcoming,
    /// An indicator's name.
    Indicator,
    /// A directive's text.
    DirectiveText,
    /// A directive's owner.
    DirectiveOwner,
    /// The session's summary.
    Summary,
}

impl FieldKind {
    /// Tie-break rank: lower comes first among hits of equal score.
    fn rank(self) -> u8 {
        match self {
            FieldKind::Title => 0,
            FieldKind::DistrictName => 1,
            FieldKind::Tag => 2,
            FieldKind::Reference => 3,
            FieldKind::Indicator => 4,
            FieldKind::DirectiveText => 5,
            FieldKind::Topic => 6,
            FieldKind::Participant => 7,
            FieldKind::DirectiveOwner => 8,
            FieldKind::DistrictSummary
            | FieldKind::Highlight
            | FieldKind::Strength
            | FieldKind::Shortcoming => 9,
            FieldKind::Summary => 10,
        }
    }
}

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

struct Record {
    target: Target,
    field: FieldKind,
    text: String,
    /// Newer sessions get smaller values.
    age: usize,
}

/// The fields a record's words may also be found in: its locality's name, its session's title.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    name: Option<u32>,
    title: Option<u32>,
}

/// Points of each query word found in the item's locality name, or in its session's title.
const IN_NAME: u8 = 3;
const IN_TITLE: u8 = 1;

/// Folded words of every searchable field, built once from the sessions.
pub struct SearchIndex {
    records: Vec<Record>,
    /// Each record's place in the tie-break order (field kind, newer session, index).
    place: Vec<u32>,
    /// The records in that order.
    by_place: Vec<u32>,
    /// Every record's words as vocabulary ids, in text order, records end to end.
    tokens: Vec<u32>,
    /// Where each record's words start in `tokens`, plus the total length.
    token_starts: Vec<usize>,
    /// Every record's distinct words, records end to end.
    distinct: Vec<u32>,
    /// Where each record's distinct words start in `distinct`, plus the total length.
    distinct_starts: Vec<usize>,
    /// Every distinct folded word, each followed by `\n`.
    vocab: String,
    /// Byte offset in `vocab` where each word starts, plus the total length.
    vocab_starts: Vec<usize>,
    /// For each word of `vocab`, the records that contain it, ascending.
    postings: Vec<Vec<u32>>,
    /// What the query's abbreviations and long forms may also be written as.
    abbreviations: Abbreviations,
    /// Each record's context.
    context: Vec<Context>,
    /// For each record that is the context of others, those others.
    dependents: Vec<Vec<u32>>,
}

const WHOLE_WORD: u8 = 3;
const WORD_PREFIX: u8 = 2;
const MID_WORD: u8 = 1;
const PHRASE_BONUS: u32 = 2;
const EXACT_BONUS: u32 = 3;

impl SearchIndex {
    /// Folds and indexes every searchable field of `sessions`.
    pub fn build(sessions: &[Session]) -> Self {
        let ages = ages(sessions);
        let mut records = Vec::new();
        for (si, s) in sessions.iter().enumerate() {
            collect_session(si, s, &mut |target, field, text: &str| {
                records.push(Record {
                    target,
                    field,
                    text: text.to_string(),
                    age: ages[si],
                });
            });
        }
        let mut by_place: Vec<u32> = (0..records.len() as u32).collect();
        by_place.sort_by_key(|&r| {
            let rec = &records[r as usize];
            (rec.field.rank(), rec.age, r)
        });
        let mut place = vec![0; records.len()];
        for (p, &r) in by_place.iter().enumerate() {
            place[r as usize] = p as u32;
        }
        let mut index = SearchIndex {
            records,
            place,
            by_place,
            tokens: Vec::new(),
            token_starts: Vec::new(),
            distinct: Vec::new(),
            distinct_starts: Vec::new(),
            vocab: String::new(),
            vocab_starts: Vec::new(),
            postings: Vec::new(),
            abbreviations: Abbreviations::default(),
            context: Vec::new(),
            dependents: Vec::new(),
        };
        index.build_words();
        index.build_context();
        index
    }

    /// The index searching with `abbreviations` (the built-in table and the config file's)
    /// instead of the built-in table alone.
    pub fn with_abbreviations(mut self, abbreviations: Abbreviations) -> Self {
        self.abbreviations = abbreviations;
        self
    }

    /// Finds each record's locality name and session title among the records.
    fn build_context(&mut self) {
        let mut titles: HashMap<usize, u32> = HashMap::new();
        let mut names: HashMap<(usize, usize), u32> = HashMap::new();
        for (r, rec) in self.records.iter().enumerate() {
            match (rec.field, rec.target) {
                (FieldKind::Title, t) => {
                    titles.entry(t.session()).or_insert(r as u32);
                }
                (FieldKind::DistrictName, Target::District { session, district }) => {
                    names.entry((session, district)).or_insert(r as u32);
                }
                _ => {}
            }
        }
        self.dependents = vec![Vec::new(); self.records.len()];
        self.context = (self.records.iter().enumerate())
            .map(|(r, rec)| {
                let title = titles.get(&rec.target.session()).copied();
                let name = locality(rec.target).and_then(|d| names.get(&(rec.target.session(), d)));
                let context = Context {
                    name: name.copied().filter(|&n| n as usize != r),
                    title: title.filter(|&t| t as usize != r),
                };
                for c in [context.name, context.title].into_iter().flatten() {
                    self.dependents[c as usize].push(r as u32);
                }
                context
            })
            .collect();
    }

    /// Splits every record into words, numbers the distinct words and lists
    /// the records holding each.
    fn build_words(&mut self) {
        let mut ids: HashMap<String, u32> = HashMap::new();
        for (r, rec) in self.records.iter().enumerate() {
            self.token_starts.push(self.tokens.len());
            self.distinct_starts.push(self.distinct.len());
            for word in words_of(&fold(&rec.text)) {
                let id = match ids.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = self.postings.len() as u32;
                        ids.insert(word.to_string(), id);
                        self.vocab_starts.push(self.vocab.len());
                        self.vocab.push_str(word);
                        self.vocab.push('\n');
                        self.postings.push(Vec::new());
                        id
                    }
                };
                self.tokens.push(id);
                let list = &mut self.postings[id as usize];
                if list.last() != Some(&(r as u32)) {
                    list.push(r as u32);
                    self.distinct.push(id);
                }
            }
        }
        self.token_starts.push(self.tokens.len());
        self.distinct_starts.push(self.distinct.len());
        self.vocab_starts.push(self.vocab.len());
    }

    /// How many fields are indexed.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The best `limit` hits for `q`, best first; empty for a blank query. The query is also
    /// searched as its abbreviations may be written ([`Abbreviations::variants`]).
    pub fn query(&self, q: &str, limit: usize) -> Vec<Hit> {
        let words = query_words(q);
        if words.is_empty() {
            return Vec::new();
        }
        let variants = self.abbreviations.variants(&words);
        let found = self.best_of(&variants);
        let mut keys: Vec<u64> = (found.iter().enumerate())
            .filter(|(_, (_, ways))| *ways != 0)
            .map(|(r, (score, _))| (u64::from(u32::MAX - score) << 32) | u64::from(self.place[r]))
            .collect();
        if keys.len() > limit {
            keys.select_nth_unstable(limit);
            keys.truncate(limit);
        }
        keys.sort_unstable();
        keys.into_iter()
            .map(|key| {
                let score = u32::MAX - (key >> 32) as u32;
                let r = self.by_place[(key & 0xFFFF_FFFF) as usize] as usize;
                let ways = found[r].1;
                let matched: Vec<&QueryWord> = (variants.iter().enumerate())
                    .filter(|(v, _)| ways & (1 << v) != 0)
                    .flat_map(|(_, words)| words)
                    .collect();
                self.hit(r, score, &matched)
            })
            .collect()
    }

    /// For every record, its best score over the `variants` of a query and which of them
    /// (bit `v` for `variants[v]`; 0: none) match it.
    fn best_of(&self, variants: &[Vec<QueryWord>]) -> Vec<(u32, u32)> {
        let mut found = vec![(0, 0); self.records.len()];
        for (v, variant) in variants.iter().enumerate().take(32) {
            for (r, score) in self.matches(variant) {
                let (best, ways) = &mut found[r];
                *best = (*best).max(score);
                *ways |= 1 << v;
            }
        }
        found
    }

    /// Every record holding all of `words`, with its score.
    fn matches(&self, words: &[QueryWord]) -> Vec<(usize, u32)> {
        let quals: Vec<Vec<u8>> = words.iter().map(|w| self.vocab_quality(w)).collect();
        let Some(driver) = quals.iter().min_by_key(|q| self.postings_size(q)) else {
            return Vec::new();
        };
        self.records_with(driver)
            .filter_map(|r| Some((r, self.score(r, &quals)?)))
            .collect()
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
            let v = self.vocab_starts.partition_point(|&s| s <= pos) - 1;
            let (start, end) = (self.vocab_starts[v], self.vocab_starts[v + 1] - 1);
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

    /// The records holding any vocabulary word with a non-zero `quality`, or whose context
    /// holds one, ascending.
    fn records_with(&self, quality: &[u8]) -> impl Iterator<Item = usize> {
        let mut seen = vec![false; self.records.len()];
        for (_, list) in (quality.iter().zip(&self.postings)).filter(|(q, _)| **q > 0) {
            for &r in list {
                seen[r as usize] = true;
                for &d in &self.dependents[r as usize] {
                    seen[d as usize] = true;
                }
            }
        }
        seen.into_iter()
            .enumerate()
            .filter_map(|(r, s)| s.then_some(r))
    }

    fn distinct_of(&self, r: usize) -> &[u32] {
        &self.distinct[self.distinct_starts[r]..self.distinct_starts[r + 1]]
    }

    fn tokens_of(&self, r: usize) -> &[u32] {
        &self.tokens[self.token_starts[r]..self.token_starts[r + 1]]
    }

    /// The run of query words, two at least, at the start or the end of the query, that is a
    /// phrase of whole words of `r`'s locality name (preferred) or of its session's title:
    /// those words stand for the locality or the session, and the others must be in the field
    /// (`đầm hà thu nhập`). With the points each of its words scores.
    fn context_run(&self, r: usize, quals: &[Vec<u8>]) -> Option<(Range<usize>, u8)> {
        let n = quals.len();
        let runs = (2..n).rev().flat_map(|len| [0..len, n - len..n]);
        let Context { name, title } = self.context[r];
        let in_field = |field: Option<u32>, run: &Range<usize>| {
            field.is_some_and(|f| {
                let tokens = self.tokens_of(f as usize);
                let k = run.len();
                tokens.len() >= k
                    && (0..=tokens.len() - k)
                        .any(|i| is_phrase_at(&tokens[i..i + k], &quals[run.clone()], true))
            })
        };
        let runs: Vec<Range<usize>> = runs.collect();
        (runs
            .iter()
            .find(|run| in_field(name, run))
            .map(|run| (run.clone(), IN_NAME)))
        .or_else(|| {
            (runs.iter().find(|run| in_field(title, run))).map(|run| (run.clone(), IN_TITLE))
        })
    }

    /// The score of record `r`, `None` unless every query word occurs in it, or all but a run
    /// that is in its context (see [`Self::context_run`]).
    fn score(&self, r: usize, quals: &[Vec<u8>]) -> Option<u32> {
        self.score_words(r, quals).or_else(|| {
            let (run, points) = self.context_run(r, quals)?;
            let own: Vec<&[u8]> = (quals.iter().enumerate())
                .filter(|(j, _)| !run.contains(j))
                .map(|(_, q)| q.as_slice())
                .collect();
            let score = self.score_words(r, &own)?;
            Some(score + u32::from(points) * run.len() as u32)
        })
    }

    /// The score of the query words `own` in record `r`'s own text; `None` unless each of them
    /// occurs in it.
    fn score_words<Q: AsRef<[u8]>>(&self, r: usize, own: &[Q]) -> Option<u32> {
        let distinct = self.distinct_of(r);
        let mut total = 0;
        let mut phrase_possible = true;
        for (j, q) in own.iter().enumerate() {
            let best = best_quality(distinct, q.as_ref());
            if best == 0 {
                return None;
            }
            let needed = if j + 1 == own.len() {
                WORD_PREFIX
            } else {
                WHOLE_WORD
            };
            phrase_possible &= best >= needed;
            total += u32::from(best);
        }
        if !phrase_possible {
            return Some(total);
        }
        let tokens = self.tokens_of(r);
        if own.len() > 1 && has_phrase(tokens, own) {
            total += PHRASE_BONUS;
        }
        if tokens.len() == own.len() && is_phrase_at(tokens, own, true) {
            total += EXACT_BONUS;
        }
        Some(total)
    }

    fn hit(&self, i: usize, score: u32, words: &[&QueryWord]) -> Hit {
        let r = &self.records[i];
        Hit {
            target: r.target,
            field: r.field,
            text: r.text.clone(),
            ranges: highlight(&r.text, words),
            score,
        }
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

/// The locality an item belongs to, if any.
fn locality(target: Target) -> Option<usize> {
    match target {
        Target::District { district, .. } | Target::Indicator { district, .. } => Some(district),
        Target::Directive { directive, .. } => directive.district,
        Target::Session { .. } => None,
    }
}

/// Byte ranges of `text` where the words of `query` occur (accents and case aside), merged:
/// to highlight a query's matches anywhere its hits are shown.
pub fn matches(text: &str, query: &str) -> Vec<Range<usize>> {
    let words: Vec<QueryWord> = query_words(query)
        .into_iter()
        .map(|text| QueryWord { text, whole: false })
        .collect();
    let words: Vec<&QueryWord> = words.iter().collect();
    highlight(text, &words)
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

/// Newer sessions first: the age of each session is its place in that order.
fn ages(sessions: &[Session]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..sessions.len()).collect();
    order.sort_by_key(|&i| (Reverse(sessions[i].date.sort_key()), i));
    let mut ages = vec![0; sessions.len()];
    for (age, i) in order.into_iter().enumerate() {
        ages[i] = age;
    }
    ages
}

fn collect_session(si: usize, s: &Session, add: &mut impl FnMut(Target, FieldKind, &str)) {
    let here = Target::Session { session: si };
    add(here, FieldKind::Title, &s.title);
    if let Some(topic) = &s.topic {
        add(here, FieldKind::Topic, topic);
    }
    for tag in &s.tags {
        add(here, FieldKind::Tag, tag);
    }
    for r in &s.references {
        for text in r.number.iter().chain(&r.title) {
            add(here, FieldKind::Reference, text);
        }
    }
    for chair in &s.chairs {
        add(here, FieldKind::Participant, chair);
    }
    for p in &s.participants {
        for text in p.name.iter().chain(&p.group).chain(&p.role) {
            add(here, FieldKind::Participant, text);
        }
    }
    if let Some(summary) = &s.summary {
        add(here, FieldKind::Summary, summary);
    }
    let statements = (s.highlights.iter())
        .chain(&s.strengths)
        .chain(&s.shortcomings);
    for text in statements {
        add(here, FieldKind::Summary, text);
    }
    for image in &s.images {
        add(here, FieldKind::Summary, &image.caption);
    }
    for (di, d) in s.districts.iter().enumerate() {
        collect_district(si, di, d, add);
    }
    // Within one field kind and session, hits keep this order: the session's own directives,
    // then each district's.
    for (directive, d) in s.directives_with_refs() {
        let target = Target::Directive {
            session: si,
            directive,
        };
        add(target, FieldKind::DirectiveText, &d.text);
        if let Some(owner) = &d.owner {
            add(target, FieldKind::DirectiveOwner, owner);
        }
    }
}

fn collect_district(
    si: usize,
    di: usize,
    d: &crate::model::District,
    add: &mut impl FnMut(Target, FieldKind, &str),
) {
    let here = Target::District {
        session: si,
        district: di,
    };
    add(here, FieldKind::DistrictName, &d.name);
    for text in d.body.iter().chain(&d.parent).chain(&d.summary) {
        add(here, FieldKind::DistrictSummary, text);
    }
    let lists = [
        (FieldKind::Highlight, &d.highlights),
        (FieldKind::Strength, &d.strengths),
        (FieldKind::Shortcoming, &d.shortcomings),
    ];
    for (kind, texts) in lists {
        for text in texts {
            add(here, kind, text);
        }
    }
    for (k, ind) in d.indicators.iter().enumerate() {
        let target = Target::Indicator {
            session: si,
            district: di,
            indicator: k,
        };
        add(target, FieldKind::Indicator, &ind.name);
        if let Some(note) = &ind.note {
            add(target, FieldKind::Indicator, note);
        }
    }
}

/// Byte ranges of `text` covering every occurrence of every folded word (a word that must be
/// whole only where it is one).
fn highlight(text: &str, words: &[&QueryWord]) -> Vec<Range<usize>> {
    let (folded, offsets) = fold_with_offsets(text);
    let mut ranges: Vec<Range<usize>> = words
        .iter()
        .flat_map(|w| {
            folded
                .match_indices(w.text.as_str())
                .map(|(p, m)| p..p + m.len())
                .filter(|r| !w.whole || is_whole_word(&folded, r))
        })
        .map(|r| original_range(text, &offsets, r))
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    merge(ranges)
}

/// `range` of `folded` is a whole word: no letter or digit on either side.
fn is_whole_word(folded: &str, range: &Range<usize>) -> bool {
    let before = folded[..range.start].chars().next_back();
    let after = folded[range.end..].chars().next();
    ![before, after]
        .into_iter()
        .flatten()
        .any(char::is_alphanumeric)
}

/// Maps a range of the folded text back to the characters it came from,
/// including combining marks that follow the last one.
fn original_range(text: &str, offsets: &[usize], folded: Range<usize>) -> Range<usize> {
    let start = offsets[folded.start];
    let last = offsets[folded.end - 1];
    let last_end = last + text[last..].chars().next().map_or(0, char::len_utf8);
    let end = match offsets.get(folded.end) {
        Some(&next) => next.max(last_end),
        None => text.len(),
    };
    start..end
}

fn merge(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests;
