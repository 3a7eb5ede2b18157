//! Which localities a directive concerns: a locality's own directives concern it alone; a
//! session-wide directive concerns the localities its `to` list names (format version 2), or
//! without one, those its owner names, or all of them when it names none. The one place that
//! rule lives.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::fold::folded_words;
use super::{Directive, DirectiveRef, Progress, Session, Text};

/// The folded words of texts met before, by the text: a folder's localities and owners repeat
/// from session to session.
#[derive(Debug, Default)]
pub(crate) struct FoldedWords(HashMap<Text, Box<[String]>>);

impl FoldedWords {
    /// Folds `text`, unless it was met before.
    pub(crate) fn learn(&mut self, text: &str) {
        if !self.0.contains_key(text) {
            self.0.insert(text.into(), folded_words(text).into());
        }
    }

    /// The folded words of `text`, learnt before (none when it was not).
    pub(crate) fn get(&self, text: &str) -> &[String] {
        self.0.get(text).map_or(&[], |w| w)
    }
}

/// A directive's owner as written, or nothing.
fn owner_of(d: &Directive) -> &str {
    d.owner.as_deref().unwrap_or_default()
}

/// `name`'s words occur one after another, whole, among `text`'s words.
fn names(text: &[String], name: &[String]) -> bool {
    !name.is_empty() && text.windows(name.len()).any(|w| w == name)
}

impl Session {
    /// Whether the directive at `r` concerns locality `district` (an index into `districts`).
    pub fn concerns(&self, r: DirectiveRef, district: usize) -> bool {
        if district >= self.districts.len() {
            return false;
        }
        match r.district {
            Some(own) => own == district,
            None => match self.directive(r) {
                Some(d) => self.shared_concerns(d, district, &self.locality_words()),
                None => false,
            },
        }
    }

    /// The folded words of each locality's name, in order.
    fn locality_words(&self) -> Vec<Vec<String>> {
        self.districts
            .iter()
            .map(|l| folded_words(&l.name))
            .collect()
    }

    /// The rule for a session-wide directive: its `to` names the locality; without `to`, its
    /// owner names the locality (accents and case aside), or names no locality of the session.
    /// `localities` is [`Session::locality_words`], folded once by the caller.
    fn shared_concerns(&self, d: &Directive, district: usize, localities: &[Vec<String>]) -> bool {
        if !d.more.to.is_empty() {
            return (self.districts.get(district)).is_some_and(|l| d.concerns(&l.id));
        }
        let owner = folded_words(d.owner.as_deref().unwrap_or_default());
        let named: Vec<bool> = localities.iter().map(|l| names(&owner, l)).collect();
        !named.contains(&true) || named.get(district).copied().unwrap_or(false)
    }

    /// The session-wide directives that concern locality `district`, in file order (the
    /// localities' names are folded once for the whole walk).
    pub fn shared_directives(
        &self,
        district: usize,
    ) -> impl Iterator<Item = (DirectiveRef, &Directive)> {
        let localities = self.locality_words();
        let in_range = district < self.districts.len();
        self.directives_with_refs().filter(move |(r, d)| {
            in_range && r.district.is_none() && self.shared_concerns(d, district, &localities)
        })
    }

    /// Every directive that concerns locality `district`: its own, then the session-wide ones.
    pub fn locality_directives(
        &self,
        district: usize,
    ) -> impl Iterator<Item = (DirectiveRef, &Directive)> {
        let own = self
            .directives_with_refs()
            .filter(move |(r, _)| r.district == Some(district));
        own.chain(self.shared_directives(district))
    }

    /// Done, total and overdue of every directive that concerns locality `district`.
    pub fn locality_progress(&self, district: usize, today: NaiveDate) -> Progress {
        Progress::of(self.locality_directives(district).map(|(_, d)| d), today)
    }

    /// For each session-wide directive (by its index in `directives`), the localities
    /// (indices) it concerns, in file order: `concerns` for them all at once, each name and
    /// owner folded once.
    pub fn shared_localities(&self) -> Vec<Vec<usize>> {
        self.shared_localities_with(&mut FoldedWords::default())
    }

    /// [`Session::shared_localities`], with the names and owners folded before taken from
    /// `words` (a walk over many sessions folds each text once).
    pub(crate) fn shared_localities_with(&self, words: &mut FoldedWords) -> Vec<Vec<usize>> {
        self.learn_shared_words(words);
        self.shared_localities_in(words)
    }

    /// Folds into `words` what [`Session::shared_localities_in`] reads: the localities' names
    /// and the owners of the session-wide directives without `to`, each unless met before.
    fn learn_shared_words(&self, words: &mut FoldedWords) {
        let untold = self.directives.iter().filter(|d| d.more.to.is_empty());
        (self.districts.iter().map(|l| &*l.name))
            .chain(untold.map(owner_of))
            .for_each(|text| words.learn(text));
    }

    /// [`Session::shared_localities`] from `words`, which has learnt this session's words
    /// ([`Session::learn_shared_words`]).
    fn shared_localities_in(&self, words: &FoldedWords) -> Vec<Vec<usize>> {
        let localities: Vec<&[String]> = (self.districts.iter())
            .map(|l| words.get(&l.name))
            .collect();
        let all: Vec<usize> = (0..self.districts.len()).collect();
        (self.directives.iter())
            .map(|d| {
                if !d.more.to.is_empty() {
                    return (self.districts.iter().enumerate())
                        .filter(|(_, l)| d.concerns(&l.id))
                        .map(|(at, _)| at)
                        .collect();
                }
                let owner = words.get(owner_of(d));
                let named: Vec<usize> = (localities.iter().enumerate())
                    .filter(|(_, l)| names(owner, l))
                    .map(|(at, _)| at)
                    .collect();
                if named.is_empty() { all.clone() } else { named }
            })
            .collect()
    }

    /// The localities (indices) a directive concerns, in file order.
    pub fn localities_of(&self, r: DirectiveRef) -> Vec<usize> {
        (0..self.districts.len())
            .filter(|&d| self.concerns(r, d))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{District, Session, test_directive};

    use super::*;

    fn locality(name: &str) -> District {
        District {
            id: crate::model::fold::slug(name).into(),
            name: name.into(),
            summary: None,
            highlights: vec![],
            strengths: vec![].into(),
            shortcomings: vec![],
            indicators: vec![],
            directives: vec![test_directive(false, Some("2024-01-01"))],
            ..Default::default()
        }
    }

    fn session(owners: &[Option<&str>]) -> Session {
        let directives = owners
            .iter()
            .map(|o| {
                let mut d = test_directive(false, Some("2024-01-01"));
                d.owner = o.map(Into::into);
                d
            })
            .collect();
        crate::model::test_session(
            vec![locality("Đầm Hà"), locality("Hải Hà"), locality("Hà Cối")],
            directives,
        )
    }

    fn shared(index: usize) -> DirectiveRef {
        DirectiveRef {
            district: None,
            index,
        }
    }

    #[test]
    fn an_owner_naming_localities_concerns_those_only() {
        let s = session(&[
            Some("Huyện ủy Đầm Hà, Huyện ủy Hải Hà"),
            Some("UBND HẢI HA"),
        ]);
        assert_eq!(s.localities_of(shared(0)), [0, 1]);
        assert_eq!(s.localities_of(shared(1)), [1], "accents and case aside");
    }

    #[test]
    fn an_owner_naming_no_locality_concerns_all() {
        let s = session(&[Some("Cấp ủy cấp huyện và cấp xã"), None, Some("Hà")]);
        for i in 0..3 {
            assert_eq!(s.localities_of(shared(i)), [0, 1, 2], "directive {i}");
        }
    }

    #[test]
    fn a_name_matches_whole_words_only() {
        let s = session(&[Some("Huyện ủy Hà Cối")]);
        assert_eq!(s.localities_of(shared(0)), [2], "not Đầm Hà or Hải Hà");
    }

    #[test]
    fn a_locality_directive_concerns_its_own_locality() {
        let s = session(&[]);
        let own = DirectiveRef {
            district: Some(1),
            index: 0,
        };
        assert_eq!(s.localities_of(own), [1]);
        assert!(!s.concerns(own, 7));
    }

    #[test]
    fn a_locality_counts_its_own_and_the_shared_directives() {
        let today = "2024-06-01".parse().expect("date");
        let s = session(&[Some("Huyện ủy Đầm Hà"), Some("Sở Nội vụ")]);
        let p = s.locality_progress(0, today);
        assert_eq!((p.total, p.overdue), (3, 3));
        assert_eq!(s.locality_progress(1, today).total, 2);
        let refs: Vec<DirectiveRef> = s.locality_directives(0).map(|(r, _)| r).collect();
        assert_eq!(
            refs,
            [
                DirectiveRef {
                    district: Some(0),
                    index: 0
                },
                shared(0),
                shared(1)
            ]
        );
    }

    #[test]
    fn shared_localities_say_what_concerns_says() {
        let mut s = session(&[
            Some("Huyện ủy Đầm Hà, Huyện ủy Hải Hà"),
            Some("Cấp ủy cấp huyện và cấp xã"),
            Some("Huyện ủy Hà Cối"),
            None,
        ]);
        s.directives[3].more.to = vec!["hai-ha".into()].into();
        let all = s.shared_localities();
        for (i, localities) in all.iter().enumerate() {
            assert_eq!(*localities, s.localities_of(shared(i)), "directive {i}");
        }
        assert_eq!(all, [vec![0, 1], vec![0, 1, 2], vec![2], vec![1]]);
    }

    /// Words folded for one session serve the next: the same answers as folding afresh, for a
    /// session whose owners name other localities than the first's.
    #[test]
    fn words_folded_before_give_the_same_localities() {
        let first = session(&[Some("Huyện ủy Đầm Hà"), Some("Sở Nội vụ")]);
        let mut second = session(&[Some("Huyện ủy Hà Cối"), Some("Sở Nội vụ"), None]);
        second.districts.swap(0, 2);
        let mut words = FoldedWords::default();
        for s in [&first, &second, &first] {
            assert_eq!(s.shared_localities_with(&mut words), s.shared_localities());
        }
        assert_eq!(second.shared_localities_with(&mut words)[0], [0]);
    }
}
