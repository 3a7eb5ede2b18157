//! The check-off merge: two versions of a briefing that differ from their base only in
//! check-offs (on at least one side) are merged directive by directive, byte-exactly.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use crate::store::parse_file;
use crate::store::write::{Change, edited_text, strip_checkoffs};

/// A directive's check-off as a file states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub done: bool,
    pub at: Option<DateTime<FixedOffset>>,
    pub by: Option<String>,
}

impl State {
    /// The edit that gives this state, when it is one the program writes.
    fn change(&self) -> Option<Change> {
        match (self.done, &self.at, &self.by) {
            (true, Some(at), Some(by)) => Some(Change::Done {
                at: *at,
                by: by.clone(),
            }),
            (false, _, _) => Some(Change::Undone),
            _ => None,
        }
    }
}

/// Every directive of a valid briefing, by id, with its check-off; `None` when the text does
/// not validate.
pub fn states(text: &str) -> Option<BTreeMap<String, State>> {
    let session = parse_file(text.as_bytes(), "briefing", "briefing").session?;
    let all = session.all_directives();
    Some(
        all.map(|d| {
            let state = State {
                done: d.done,
                at: d.done_at,
                by: d.done_by.as_deref().map(str::to_string),
            };
            (d.id.to_string(), state)
        })
        .collect(),
    )
}

/// Whether `other` differs from `base` in check-offs only (`done`, `done_at`, `done_by`).
pub(super) fn only_checkoffs(base: &str, other: &str) -> bool {
    match (strip_checkoffs(base), strip_checkoffs(other)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The merge of `ours` and `theirs` (both made from `base`), or `None` when it is not a merge of
/// check-offs: both sides changed more than check-offs, or changed one directive's check-off in
/// ways that do not agree (other than both checking it off: the earlier `done_at` is kept).
///
/// The side that changed only check-offs is replayed onto the other (onto `ours` when both
/// did), so the result differs from each side only in the `done*` lines of the directives the
/// other side changed.
pub(crate) fn merge(base: &str, ours: &str, theirs: &str) -> Option<String> {
    let (onto, replayed) = if only_checkoffs(base, theirs) {
        (ours, theirs)
    } else if only_checkoffs(base, ours) {
        (theirs, ours)
    } else {
        return None;
    };
    let before = states(base)?;
    let onto_states = states(onto)?;
    let mut wanted = onto_states.clone();
    let mut out = onto.to_string();
    for (id, state) in states(replayed)? {
        if before.get(&id) == Some(&state) {
            continue;
        }
        let have = onto_states.get(&id)?;
        let target = if before.get(&id) == Some(have) {
            state
        } else {
            agree(have, &state)?
        };
        if &target != have {
            out = set_state(&out, &id, have, &target)?;
        }
        wanted.insert(id, target);
    }
    let kept = strip_checkoffs(&out).ok()? == strip_checkoffs(onto).ok()?;
    (kept && states(&out)? == wanted).then_some(out)
}

/// One state for a directive both sides changed: the same, or the earlier of two check-offs
/// (the earlier `done_at`, then the smaller `done_by`, so that both orders agree).
fn agree(a: &State, b: &State) -> Option<State> {
    if a == b {
        return Some(a.clone());
    }
    match (a, b) {
        (
            State {
                done: true,
                at: Some(at_a),
                by: Some(by_a),
            },
            State {
                done: true,
                at: Some(at_b),
                by: Some(by_b),
            },
        ) => {
            let order = at_a
                .cmp(at_b)
                .then_with(|| by_a.cmp(by_b))
                .then_with(|| at_a.to_rfc3339().cmp(&at_b.to_rfc3339()));
            Some(if order == Ordering::Greater { b } else { a }.clone())
        }
        _ => None,
    }
}

/// `text` with directive `id` moved from `have` to `target`.
fn set_state(text: &str, id: &str, have: &State, target: &State) -> Option<String> {
    let change = target.change()?;
    let start = if have.done && target.done {
        edit(text, id, &Change::Undone)?
    } else {
        text.to_string()
    };
    edit(&start, id, &change)
}

/// `text` with `change` made as a check-off makes it (validated as it validates).
fn edit(text: &str, id: &str, change: &Change) -> Option<String> {
    let (out, _) = edited_text(text.as_bytes(), "briefing", "briefing", id, change).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "version = 1\n\n[session]\ntitle = \"t\"\ndate = 2024-03-13\n\n";

    fn file(directives: &[(&str, &str)]) -> String {
        let mut out = HEAD.to_string();
        for (id, extra) in directives {
            out.push_str(&format!(
                "[[directive]]\nid = \"{id}\"\ntext = \"x\"\n{extra}\n"
            ));
        }
        out
    }

    const A_LAN: &str = "done = true\ndone_at = 2024-03-20T09:00:00+07:00\ndone_by = \"lan\"\n";
    const A_MAI: &str = "done = true\ndone_at = 2024-03-20T10:00:00+07:00\ndone_by = \"mai\"\n";

    #[test]
    fn different_directives_merge_both_ways() {
        let base = file(&[("a", ""), ("b", "")]);
        let ours = file(&[("a", A_LAN), ("b", "")]);
        let theirs = file(&[("a", ""), ("b", A_MAI)]);
        let both = file(&[("a", A_LAN), ("b", A_MAI)]);
        assert_eq!(merge(&base, &ours, &theirs).as_deref(), Some(both.as_str()));
        assert_eq!(merge(&base, &theirs, &ours).as_deref(), Some(both.as_str()));
    }

    #[test]
    fn the_earlier_check_off_wins_whichever_side_has_it() {
        let base = file(&[("a", "")]);
        let lan = file(&[("a", A_LAN)]);
        let mai = file(&[("a", A_MAI)]);
        assert_eq!(merge(&base, &lan, &mai).as_deref(), Some(lan.as_str()));
        assert_eq!(merge(&base, &mai, &lan).as_deref(), Some(lan.as_str()));
    }

    #[test]
    fn an_undo_against_a_new_check_off_is_a_conflict() {
        let base = file(&[("a", A_LAN)]);
        let undone = file(&[("a", "done = false\n")]);
        let again = file(&[("a", A_MAI)]);
        assert_eq!(merge(&base, &undone, &again), None);
        let undone_too = file(&[("a", "")]);
        assert_eq!(
            merge(&base, &undone, &undone_too).as_deref(),
            Some(undone.as_str())
        );
    }

    #[test]
    fn text_edits_on_both_sides_are_not_merged_here() {
        let base = file(&[("a", "")]);
        let ours = base.replace("text = \"x\"", "text = \"y\"");
        let theirs = base.replace("text = \"x\"", "text = \"z\"");
        assert_eq!(merge(&base, &ours, &theirs), None);
    }

    #[test]
    fn check_offs_are_replayed_onto_an_edited_text() {
        let base = file(&[("a", ""), ("b", "")]);
        let edited = base.replace("title = \"t\"", "title = \"new\"");
        let checked = file(&[("a", A_LAN), ("b", "")]);
        let want = file(&[("a", A_LAN), ("b", "")]).replace("title = \"t\"", "title = \"new\"");
        assert_eq!(
            merge(&base, &edited, &checked).as_deref(),
            Some(want.as_str())
        );
        assert_eq!(
            merge(&base, &checked, &edited).as_deref(),
            Some(want.as_str())
        );
    }
}
