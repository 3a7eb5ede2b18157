//! Keeping the index up to date one session at a time: a changed or removed session's slot is
//! marked dead and its records skipped, a new one is appended; when the dead outnumber the
//! living the arrays are compacted. After each change every slot learns where its session is
//! now in the sessions shown and how new it is, and the records' tie-break order (`place`)
//! loses the dead records and takes the new ones in where binary searches find their places.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDateTime;

use super::records::Records;
use super::top::Bitset;
use super::{Prepared, SearchIndex, varint};
use crate::model::Session;

/// A slot whose session is not in the sessions last synced (or is dead).
const NOT_LISTED: u32 = u32::MAX;

/// One indexed session.
#[derive(Debug, Clone)]
pub(super) struct Slot {
    /// The id of its session.
    pub id: Box<str>,
    /// When its session is held.
    pub date: NaiveDateTime,
    /// Its first record; a session's records are consecutive, in `collect_session` order.
    pub first: u32,
    /// Its place in the sessions last synced, or `NOT_LISTED`.
    pub position: u32,
    /// Its place among the living slots newest first (ties by position, then id).
    pub age: u32,
    /// Not replaced or removed since it was added.
    pub live: bool,
}

impl Slot {
    /// Searched: alive, and among the sessions last synced.
    pub(super) fn is_listed(&self) -> bool {
        self.live && self.position != NOT_LISTED
    }
}

/// Makes room for `additional` more items, growing by an eighth rather than doubling once the
/// array is large: the index is built a session at a time, and doubling would leave up to
/// half of each array unused at the end of the first load (some 18 MiB at 10,000 sessions).
pub(super) fn reserve_some<T>(vec: &mut Vec<T>, additional: usize) {
    if vec.capacity() - vec.len() < additional {
        vec.reserve_exact(additional.max(vec.len() / 8));
    }
}

impl Default for SearchIndex {
    fn default() -> Self {
        SearchIndex {
            records: Records::default(),
            slots: Vec::new(),
            by_id: Default::default(),
            dead: 0,
            place: Vec::new(),
            listed: Bitset::new(0),
            vocab: String::new(),
            vocab_starts: vec![0],
            word_ids: Default::default(),
            postings: Vec::new(),
            abbreviations: Default::default(),
        }
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("sessions", &self.by_id.len())
            .field("records", &self.len())
            .field("dead", &self.dead)
            .finish()
    }
}

impl SearchIndex {
    /// Takes a change of the sessions: the sessions with the ids in `removed` or in `prepared`
    /// are dropped from the index, those `prepared` added, and every indexed session is found
    /// in `sessions` (the sessions as they are now, in the order hits will refer to; none
    /// while a loader builds the index, which the app then syncs).
    pub fn update<'i>(
        &mut self,
        sessions: &[Session],
        removed: impl IntoIterator<Item = &'i str>,
        prepared: Vec<Prepared>,
    ) {
        let mut killed = Vec::new();
        for id in removed {
            self.kill(id, &mut killed);
        }
        for p in &prepared {
            self.kill(&p.id, &mut killed);
        }
        let added = self.records.len() as u32;
        for p in prepared {
            self.add(p);
        }
        self.sort_ids();
        self.find_sessions(sessions);
        self.order_added(&killed, added);
    }

    /// The dead records outnumber the living: time for [`SearchIndex::compact`], which the
    /// interface runs on another thread (it takes ~0.1 s at 10,000 sessions).
    pub fn wants_compaction(&self) -> bool {
        self.dead > self.records.len() - self.dead
    }

    /// Finds every indexed session in `sessions` (by id) and orders them newest first.
    pub fn sync(&mut self, sessions: &[Session]) {
        self.find_sessions(sessions);
        self.keep_order();
    }

    /// Frees the capacity the arrays grew into (after a build in many updates).
    pub fn shrink_to_fit(&mut self) {
        self.records.shrink_to_fit();
        self.slots.shrink_to_fit();
        self.place.shrink_to_fit();
        self.vocab.shrink_to_fit();
        self.vocab_starts.shrink_to_fit();
        self.postings.shrink_to_fit();
        for list in &mut self.postings {
            list.shrink_to_fit();
        }
    }

    /// The bytes the index holds on the heap, part by part (as the allocator gives them: each
    /// allocation rounded up with its header): what docs/performance.md gives for the index.
    pub fn heap_bytes(&self) -> Vec<(&'static str, usize)> {
        fn chunk(bytes: usize) -> usize {
            if bytes == 0 {
                0
            } else {
                (bytes + 8).next_multiple_of(16).max(32)
            }
        }
        fn vec<T>(v: &Vec<T>) -> usize {
            chunk(v.capacity() * std::mem::size_of::<T>())
        }
        fn map<K, V>(m: &HashMap<K, V>) -> usize {
            chunk(m.capacity() * (std::mem::size_of::<(K, V)>() + 1))
        }
        let mut parts = self.records.heap_bytes(chunk).to_vec();
        parts.extend([
            (
                "slots",
                vec(&self.slots) + self.slots.iter().map(|s| chunk(s.id.len())).sum::<usize>(),
            ),
            ("by_id", vec(&self.by_id)),
            ("place", vec(&self.place)),
            ("listed", self.listed.heap_bytes(chunk)),
            (
                "vocab",
                chunk(self.vocab.capacity()) + vec(&self.vocab_starts),
            ),
            (
                "word_ids",
                map(&self.word_ids) + self.word_ids.keys().map(|k| chunk(k.len())).sum::<usize>(),
            ),
            (
                "postings",
                vec(&self.postings)
                    + self
                        .postings
                        .iter()
                        .map(|p| p.heap_bytes(chunk))
                        .sum::<usize>(),
            ),
        ]);
        parts
    }

    /// Sets each slot's position in `sessions` and its age.
    fn find_sessions(&mut self, sessions: &[Session]) {
        for slot in &mut self.slots {
            slot.position = NOT_LISTED;
        }
        for (p, session) in sessions.iter().enumerate() {
            let free = self.by_id[self.slots_of(session.id.as_str())]
                .iter()
                .find(|&&s| self.slots[s as usize].position == NOT_LISTED);
            if let Some(&s) = free {
                self.slots[s as usize].position = p as u32;
            }
        }
        let mut living: Vec<u32> = (0..self.slots.len() as u32)
            .filter(|&s| self.slots[s as usize].live)
            .collect();
        living.sort_by(|&a, &b| {
            let (a, b) = (&self.slots[a as usize], &self.slots[b as usize]);
            (Reverse(a.date), a.position, &a.id).cmp(&(Reverse(b.date), b.position, &b.id))
        });
        for (age, s) in living.into_iter().enumerate() {
            self.slots[s as usize].age = age as u32;
        }
        self.note_listed();
    }

    /// Notes which records are searched, a bit each.
    fn note_listed(&mut self) {
        let mut listed = Bitset::new(self.records.len());
        for (s, slot) in self.slots.iter().enumerate().filter(|(_, s)| s.is_listed()) {
            let records = slot.first..slot.first + self.slot_len(s) as u32;
            records.for_each(|r| listed.set(r));
        }
        self.listed = listed;
    }

    /// Takes the records `killed` out of the tie-break order and puts those from `added` on
    /// in, each where a binary search finds its place (the order of the others holds: ages
    /// shift, but not past one another).
    fn order_added(&mut self, killed: &[Range<u32>], added: u32) {
        if !killed.is_empty() {
            let mut dead = Bitset::new(self.records.len());
            killed
                .iter()
                .flat_map(Clone::clone)
                .for_each(|r| dead.set(r));
            self.place.retain(|&r| !dead.has(r));
        }
        let mut new: Vec<u32> = (added..self.records.len() as u32).collect();
        if new.is_empty() {
            return;
        }
        new.sort_unstable_by_key(|&r| self.place_key(r));
        let mut merged = Vec::with_capacity(self.place.len() + new.len());
        let mut from = 0;
        for n in new {
            let key = self.place_key(n);
            let at = from + self.place[from..].partition_point(|&r| self.place_key(r) < key);
            merged.extend_from_slice(&self.place[from..at]);
            merged.push(n);
            from = at;
        }
        merged.extend_from_slice(&self.place[from..]);
        self.place = merged;
    }

    /// Sorts the order again if the ages moved the living records out of it (sessions given
    /// in another order than before).
    fn keep_order(&mut self) {
        let sorted = (self.place.windows(2)).all(|w| self.place_key(w[0]) <= self.place_key(w[1]));
        if !sorted {
            self.order_all();
        }
    }

    /// Every living record in the tie-break order.
    fn order_all(&mut self) {
        let mut place: Vec<u32> = (0..self.records.len() as u32)
            .filter(|&r| self.is_alive(r))
            .collect();
        place.sort_unstable_by_key(|&r| self.place_key(r));
        self.place = place;
    }

    /// Record `r`'s session has not been replaced or removed.
    fn is_alive(&self, r: u32) -> bool {
        self.slot_of(r as usize).live
    }

    /// The session `id` leaves the index: its slots are dead, their records added to `killed`.
    fn kill(&mut self, id: &str, killed: &mut Vec<Range<u32>>) {
        let mine = self.slots_of(id);
        for s in self.by_id.drain(mine).collect::<Vec<_>>() {
            let len = self.slot_len(s as usize);
            let slot = &mut self.slots[s as usize];
            if slot.live {
                slot.live = false;
                slot.position = NOT_LISTED;
                self.dead += len;
                killed.push(slot.first..slot.first + len as u32);
            }
        }
    }

    /// How many records slot `s` has.
    pub(super) fn slot_len(&self, s: usize) -> usize {
        let end = self
            .slots
            .get(s + 1)
            .map_or(self.records.len() as u32, |next| next.first);
        (end - self.slots[s].first) as usize
    }

    /// Appends a session's records, numbering its words.
    fn add(&mut self, prepared: Prepared) {
        let slot = self.slots.len() as u32;
        self.slots.push(Slot {
            id: prepared.id.as_str().into(),
            date: prepared.date,
            first: self.records.len() as u32,
            position: NOT_LISTED,
            age: 0,
            live: true,
        });
        let words_total: usize = prepared.counts.iter().map(|&c| c as usize).sum();
        self.records
            .reserve(prepared.fields.len(), words_total * varint::MAX_LEN);
        let mut words = prepared.words.split_terminator('\n');
        let mut ids = Vec::new();
        for (&field, &count) in prepared.fields.iter().zip(&prepared.counts) {
            let r = self.records.len() as u32;
            ids.clear();
            ids.extend(words.by_ref().take(count as usize).map(|w| self.word_id(w)));
            for &id in &ids {
                self.postings[id as usize].push(r);
            }
            self.records.push(slot, field, ids.iter().copied());
        }
        self.by_id.push(slot);
    }

    /// Where the living slots of session `id` are in `by_id`.
    fn slots_of(&self, id: &str) -> Range<usize> {
        let id_of = |s: &u32| &*self.slots[*s as usize].id;
        let from = self.by_id.partition_point(|s| id_of(s) < id);
        let to = from + self.by_id[from..].partition_point(|s| id_of(s) <= id);
        from..to
    }

    /// Puts `by_id` in order again after slots were added at its end.
    fn sort_ids(&mut self) {
        let slots = &self.slots;
        self.by_id
            .sort_by(|&a, &b| (&slots[a as usize].id, a).cmp(&(&slots[b as usize].id, b)));
    }

    /// The id of `word` in the vocabulary, added when new.
    fn word_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.word_ids.get(word) {
            return id;
        }
        let id = self.postings.len() as u32;
        self.word_ids.insert(word.into(), id);
        self.vocab.push_str(word);
        self.vocab.push('\n');
        self.vocab_starts.push(self.vocab.len() as u32);
        self.postings.push(Default::default());
        id
    }

    /// Rewrites the arrays without the dead slots' records (the vocabulary stays; `place`
    /// must hold the living only).
    pub fn compact(&mut self) {
        let old_records = std::mem::take(&mut self.records);
        let old_slots = std::mem::take(&mut self.slots);
        for list in &mut self.postings {
            list.clear();
        }
        let mut renumbered = vec![NOT_LISTED; old_slots.len()];
        let mut new_first = vec![0; old_slots.len()];
        for (s, slot) in old_slots.iter().enumerate().filter(|(_, s)| s.live) {
            let end = old_slots
                .get(s + 1)
                .map_or(old_records.len() as u32, |next| next.first);
            let new_slot = self.slots.len() as u32;
            renumbered[s] = new_slot;
            new_first[s] = self.records.len() as u32;
            self.slots.push(Slot {
                first: self.records.len() as u32,
                ..slot.clone()
            });
            for old_r in slot.first as usize..end as usize {
                let r = self.records.len() as u32;
                let words = old_records.words(old_r);
                for id in varint::decode(words) {
                    self.postings[id as usize].push(r);
                }
                self.records
                    .push_encoded(new_slot, old_records.kind(old_r), words);
            }
        }
        for s in &mut self.by_id {
            *s = renumbered[*s as usize];
        }
        // The living keep their order: only their numbers change.
        for r in &mut self.place {
            let old = old_records.slot(*r as usize, &old_slots) as usize;
            *r = new_first[old] + (*r - old_slots[old].first);
        }
        self.dead = 0;
        self.note_listed();
        self.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fold::fold;
    use crate::model::{District, SessionDate, sort_newest_first};
    use crate::search::FieldKind;

    const WORDS: [&str; 12] = [
        "Đầm Hà",
        "Hải Hà",
        "nông thôn mới",
        "ma túy",
        "kinh tế",
        "biển",
        "du lịch",
        "NTM",
        "Móng Cái",
        "an ninh",
        "đầu tư",
        "hạ tầng",
    ];

    /// A session whose texts come from `seed`; `day` orders it (ties on purpose).
    fn session(id: &str, seed: usize, day: u32) -> Session {
        let pick = |k: usize| WORDS[(seed * 7 + k * 5) % WORDS.len()];
        let district = |k: usize| District {
            id: format!("d{k}").into(),
            name: pick(k).into(),
            summary: Some(format!("{} và {}", pick(k + 1), pick(k + 2)).into()),
            highlights: vec![pick(k + 3).into()],
            ..District::default()
        };
        let mut s = crate::model::test_session((0..seed % 3).map(district).collect(), vec![]);
        s.id = id.into();
        s.title = format!("{} {}", pick(0), pick(1)).into();
        s.date =
            SessionDate::Date(chrono::NaiveDate::from_ymd_opt(2024, 1, day % 28 + 1).expect("day"));
        s.topic = Some(pick(4).into());
        s.tags = vec![pick(5).into()];
        s.summary = Some(format!("{}, {} {}", pick(6), pick(7), pick(8)).into());
        s
    }

    const QUERIES: [&str; 12] = [
        "dam ha mong cai",
        "nong thon moi bien",
        "dam ha",
        "ha",
        "nong thon moi",
        "ntm",
        "ma",
        "tuy",
        "kinh te bien",
        "an",
        "m",
        "xyz",
    ];

    fn answers(index: &SearchIndex, sessions: &[Session]) -> Vec<Vec<super::super::Hit>> {
        (QUERIES.iter())
            .flat_map(|q| [3, 1000].map(|limit| index.query(sessions, q, limit)))
            .collect()
    }

    /// Changes the sessions (edits, additions, removals, renames) and tells the index each
    /// change; after each step it answers every query as an index built afresh.
    #[test]
    fn an_updated_index_answers_as_a_fresh_one() {
        let mut sessions: Vec<Session> = (0..30)
            .map(|i| session(&format!("s{i:02}"), i, (i % 9) as u32))
            .collect();
        sort_newest_first(&mut sessions);
        let mut index = SearchIndex::build(&sessions);
        // A hit of `field` whose text lacks the query's first word came through its context.
        let through_context = |index: &SearchIndex, sessions: &[Session], q: &str, field| {
            let first = q.split(' ').next().unwrap_or(q);
            let hits = index.query(sessions, q, 1000);
            hits.iter()
                .any(|h| h.field == field && !fold(&h.text).contains(first))
        };
        assert!(
            through_context(&index, &sessions, "dam ha mong cai", FieldKind::Topic),
            "a topic through its session's title"
        );
        assert!(
            through_context(
                &index,
                &sessions,
                "nong thon moi bien",
                FieldKind::Highlight
            ),
            "a highlight through its locality's name"
        );
        for step in 0..60usize {
            let mut removed: Vec<String> = Vec::new();
            let mut changed: Vec<String> = Vec::new();
            match step % 4 {
                0 => {
                    let at = (step * 11) % sessions.len();
                    let id = sessions[at].id.clone();
                    sessions[at] = session(&id, step + 100, (step % 5) as u32);
                    changed.push(id.to_string());
                }
                1 => {
                    let id = format!("new{step}");
                    sessions.push(session(&id, step, (step % 7) as u32));
                    changed.push(id);
                }
                2 => {
                    let gone = sessions.remove((step * 5) % sessions.len());
                    removed.push(gone.id.to_string());
                }
                _ => {
                    let at = (step * 3) % sessions.len();
                    removed.push(sessions[at].id.to_string());
                    sessions[at].id = format!("renamed{step}").into();
                    changed.push(sessions[at].id.to_string());
                }
            }
            sort_newest_first(&mut sessions);
            let prepared = (sessions.iter())
                .filter(|s| changed.iter().any(|c| *c == s.id))
                .map(Prepared::new)
                .collect();
            index.update(&sessions, removed.iter().map(String::as_str), prepared);
            if index.wants_compaction() {
                index.compact();
            }
            let fresh = SearchIndex::build(&sessions);
            assert_eq!(index.len(), fresh.len(), "step {step}");
            assert_eq!(
                answers(&index, &sessions),
                answers(&fresh, &sessions),
                "step {step}"
            );
        }
        assert!(index.records.len() < 2 * index.len() + 200, "compacted");
    }

    #[test]
    fn hits_come_only_from_the_sessions_given() {
        let sessions = vec![session("a", 1, 1), session("b", 2, 2)];
        let index = SearchIndex::build(&sessions);
        let hits = index.query(&sessions, "dam ha", 10);
        assert!(!hits.is_empty());
        assert!(
            index.query(&sessions[..1], "dam ha", 10).len() < hits.len(),
            "a session not given gives no hit, and no panic"
        );
        assert!(index.query(&[], "dam ha", 10).is_empty());
    }
}
