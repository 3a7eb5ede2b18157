//! The follow-up merge: two versions of a briefing that differ from their base only in
//! check-offs and progress entries (on at least one side) are merged directive by directive,
//! byte-exactly: check-off keys replayed, progress logs united.

mod followup;

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use crate::store::parse_file;
use crate::store::write::{Change, edited_text, stamps_of, strip_checkoffs};

/// A directive's check-off as a file states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub done: bool,
    pub at: Option<DateTime<FixedOffset>>,
    pub by: Option<String>,
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
                at: d.more.done_at,
                by: d.more.done_by.as_deref().map(str::to_string),
            };
            (d.id.to_string(), state)
        })
        .collect(),
    )
}

/// Whether `other` differs from `base` in follow-up only: check-offs (`done`, `done_at`,
/// `done_by`), progress entries, and the `version` line that recording progress raises.
pub(super) fn only_checkoffs(base: &str, other: &str) -> bool {
    match (comparable(base), comparable(other)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// The text without any follow-up: what two versions that differ only in follow-up share.
fn comparable(text: &str) -> Option<String> {
    followup::without_log(&strip_checkoffs(text).ok()?)
}

/// The merge of `ours` and `theirs` (both made from `base`), or `None` when it is not a merge of
/// follow-up: both sides changed more than check-offs and progress, or the result would not
/// validate.
///
/// The side that changed only follow-up is replayed onto the other (onto `ours` when both
/// did): its check-off keys where it changed them (when both sides changed a directive's, see
/// [`agree`]), and each progress entry the other side lacks, copied as written and placed
/// among the directive's entries by `at` (the same entry is never there twice). Every change
/// of state is an entry in a version 3 file, so two offices never conflict over one: the state
/// is the last entry by time.
pub(crate) fn merge(base: &str, ours: &str, theirs: &str) -> Option<String> {
    let (onto, replayed) = if only_checkoffs(base, theirs) {
        (ours, theirs)
    } else if only_checkoffs(base, ours) {
        (theirs, ours)
    } else {
        return None;
    };
    let before = followup::read(base)?;
    let onto_f = followup::read(onto)?;
    let replayed_f = followup::read(replayed)?;
    let mut out = onto.to_string();
    for d in &replayed_f.directives {
        let state = legacy(d);
        let base_state = before.directive(&d.id).map(legacy);
        if base_state.as_ref() == Some(&state) {
            continue;
        }
        let have = legacy(onto_f.directive(&d.id)?);
        let target = if base_state.as_ref() == Some(&have) {
            state
        } else {
            agree(&have, &state)?
        };
        if target != have {
            let stamps = stamps_of(replayed, &d.id).ok()?;
            out = edit(&out, &d.id, &Change::Restore(stamps))?;
        }
    }
    let (out, added) = add_entries(out, replayed, &replayed_f)?;
    let out = raise_version(out, added, &replayed_f)?;
    let kept = comparable(&out)? == comparable(onto)?;
    (kept && states(&out).is_some()).then_some(out)
}

/// A directive's check-off keys as written.
fn legacy(d: &followup::Directive) -> State {
    State {
        done: d.done,
        at: d.done_at,
        by: d.done_by.clone(),
    }
}

/// `out` with every progress entry of `from` (whose follow-up is `from_f`) that it lacks,
/// each before the first entry of its directive that is later; and whether it added any.
fn add_entries(mut out: String, from: &str, from_f: &followup::FollowUp) -> Option<(String, bool)> {
    let from_body = &from[from_f.bom..];
    let mut added = false;
    for d in &from_f.directives {
        for entry in &d.log {
            let now = followup::read(&out)?;
            let have = now.directive(&d.id)?;
            if have.log.iter().any(|e| e.key == entry.key) {
                continue;
            }
            let place = match have.log.iter().find(|e| e.at > entry.at) {
                Some(later) => later.extent.start,
                None => have.log.last().map(|e| e.extent.end).or(have.end)?,
            };
            let mut text = from_body[entry.extent.clone()].to_string();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            let at = now.bom + place;
            if at == out.len() && !out.ends_with('\n') {
                text.insert(0, '\n');
            }
            out.insert_str(at, &text);
            added = true;
        }
    }
    Some((out, added))
}

/// A file that got progress entries is at least the version of the side they came from.
fn raise_version(mut out: String, added: bool, from_f: &followup::FollowUp) -> Option<String> {
    let wanted = from_f.version.as_ref().map(|(_, v)| *v);
    let now = followup::read(&out)?;
    if let (true, Some(wanted), Some((span, have))) = (added, wanted, now.version)
        && have < wanted
    {
        let start = now.bom + span.start;
        out.replace_range(start..now.bom + span.end, &wanted.to_string());
    }
    Some(out)
}

/// One state for a directive whose check-off keys both sides changed: the same; of two
/// check-offs the earlier `done_at` (then the smaller `done_by`, so that both orders agree);
/// a check-off against an un-check of a version 1/2 file (which records no time) keeps the
/// check-off, the one action with a time.
fn agree(a: &State, b: &State) -> Option<State> {
    if a == b {
        return Some(a.clone());
    }
    let stamped = |s: &State| s.done && s.at.is_some() && s.by.is_some();
    match (stamped(a), stamped(b)) {
        (true, true) => {
            let (Some(at_a), Some(at_b)) = (a.at, b.at) else {
                return None;
            };
            let order = at_a
                .cmp(&at_b)
                .then_with(|| a.by.cmp(&b.by))
                .then_with(|| at_a.to_rfc3339().cmp(&at_b.to_rfc3339()));
            Some(if order == Ordering::Greater { b } else { a }.clone())
        }
        (true, false) if !b.done => Some(a.clone()),
        (false, true) if !a.done => Some(b.clone()),
        _ => None,
    }
}

/// `text` with `change` made as the writer makes it (validated as it validates).
fn edit(text: &str, id: &str, change: &Change) -> Option<String> {
    let (out, _) = edited_text(text.as_bytes(), "briefing", "briefing", id, change).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "version = 1\n\n[session]\ntitle = \"t\"\ndate = 2024-03-13\n\n";

    /// The merge of `a` and `b` over `base` is `want`, whichever side each is on.
    fn merges_both_ways(base: &str, a: &str, b: &str, want: &str) {
        assert_eq!(merge(base, a, b).as_deref(), Some(want), "a as ours");
        assert_eq!(merge(base, b, a).as_deref(), Some(want), "b as ours");
    }

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
        merges_both_ways(&base, &ours, &theirs, &both);
    }

    #[test]
    fn the_earlier_check_off_wins_whichever_side_has_it() {
        let base = file(&[("a", "")]);
        let lan = file(&[("a", A_LAN)]);
        let mai = file(&[("a", A_MAI)]);
        merges_both_ways(&base, &lan, &mai, &lan);
    }

    #[test]
    fn an_undo_against_a_new_check_off_of_a_version_1_file_keeps_the_check_off() {
        let base = file(&[("a", A_LAN)]);
        let undone = file(&[("a", "done = false\n")]);
        let again = file(&[("a", A_MAI)]);
        merges_both_ways(&base, &undone, &again, &again);
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
        merges_both_ways(&base, &edited, &checked, &want);
    }

    const V3: &str = "version = 3\n\n[session]\ntitle = \"t\"\ndate = 2024-03-13\n\n";

    fn entry(at: &str, by: &str, state: &str) -> String {
        format!("\n[[directive.progress]]\nat = {at}\nby = \"{by}\"\nstate = \"{state}\"\n")
    }

    fn v3(directives: &[(&str, &[String])]) -> String {
        let mut out = V3.to_string();
        for (id, log) in directives {
            out.push_str(&format!("[[directive]]\nid = \"{id}\"\ntext = \"x\"\n"));
            for e in *log {
                out.push_str(e);
            }
            out.push('\n');
        }
        out
    }

    /// Three entries a day apart by lan, mai and lan, in `states`: over a log of the first, ours
    /// adds the third and theirs the second, and the merge both ways has all three in time
    /// order. `file` writes the whole file around one log; the base and ours, for more checks.
    fn logs_unite_both_ways(states: [&str; 3], file: impl Fn(&[String]) -> String) -> [String; 2] {
        let [s1, s2, s3] = states;
        let first = entry("2024-03-18T09:00:00+07:00", "lan", s1);
        let second = entry("2024-03-19T09:00:00+07:00", "mai", s2);
        let third = entry("2024-03-20T09:00:00+07:00", "lan", s3);
        let base = file(std::slice::from_ref(&first));
        let ours = file(&[first.clone(), third.clone()]);
        let theirs = file(&[first.clone(), second.clone()]);
        merges_both_ways(&base, &ours, &theirs, &file(&[first, second, third]));
        [base, ours]
    }

    #[test]
    fn progress_logs_of_one_directive_are_united_in_time_order_both_ways() {
        let [base, ours] = logs_unite_both_ways(["doing", "done", "open"], |log| {
            v3(&[("a", log), ("b", &[])])
        });
        let same = merge(&base, &ours, &ours);
        assert_eq!(
            same.as_deref(),
            Some(ours.as_str()),
            "the same entry never twice"
        );
    }

    /// A locality with a proposal (`kn`, assigned) whose log is `log`.
    fn with_proposal(log: &[String]) -> String {
        let mut out = V3.to_string();
        out.push_str("[[locality]]\nid = \"hh\"\nname = \"Hải Hà\"\n\n");
        out.push_str(
            "[[locality.proposal]]\nid = \"kn\"\ntext = \"Đề nghị\"\nassignee = \"Sở Tài chính\"\n",
        );
        for e in log {
            out.push_str(&e.replace("[[directive.progress]]", "[[locality.proposal.progress]]"));
        }
        out
    }

    #[test]
    fn a_proposal_s_progress_logs_are_united_as_a_directive_s() {
        let [base, ours] = logs_unite_both_ways(["doing", "blocked", "done"], with_proposal);
        assert!(
            only_checkoffs(&base, &ours),
            "a proposal's entry is follow-up"
        );
    }

    #[test]
    fn an_un_check_and_a_re_check_recorded_as_entries_never_conflict() {
        let done = entry("2024-03-18T09:00:00+07:00", "lan", "done");
        let undone = entry("2024-03-19T09:00:00+07:00", "mai", "open");
        let again = entry("2024-03-19T10:00:00+07:00", "lan", "done");
        let base = v3(&[("a", std::slice::from_ref(&done))]);
        let ours = v3(&[("a", &[done.clone(), undone.clone()])]);
        let theirs = v3(&[("a", &[done.clone(), again.clone()])]);
        let merged = merge(&base, &ours, &theirs).expect("merged");
        assert_eq!(merged, v3(&[("a", &[done, undone, again])]));
        let session = crate::store::parse_file(merged.as_bytes(), "b", "b")
            .session
            .expect("valid");
        let d = session.all_directives().next().expect("a");
        assert_eq!(
            crate::model::Followed::state(d),
            crate::model::progress::State::Done
        );
    }

    #[test]
    fn progress_on_a_version_1_file_meets_a_check_off_and_raises_the_version() {
        let base = file(&[("a", ""), ("b", "")]);
        let checked = file(&[("a", A_LAN), ("b", "")]);
        let note = entry("2024-03-21T09:00:00+07:00", "mai", "doing");
        let progressed = file(&[("a", ""), ("b", &note)]).replace("version = 1", "version = 3");
        let want = file(&[("a", A_LAN), ("b", &note)]).replace("version = 1", "version = 3");
        merges_both_ways(&base, &checked, &progressed, &want);
    }

    #[test]
    fn an_entry_in_the_middle_of_a_file_keeps_every_other_byte() {
        let e1 = entry("2024-03-18T09:00:00+07:00", "lan", "doing");
        let e2 = entry("2024-03-19T09:00:00+07:00", "mai", "blocked");
        let base = v3(&[("a", &[]), ("b", &[])]).replace("id = \"b\"", "# the second\nid = \"b\"");
        let ours = base.replace(
            "text = \"x\"\n\n[[directive]]",
            &format!("text = \"x\"\n{e1}\n[[directive]]"),
        );
        let theirs = base.replace(
            "text = \"x\"\n\n[[directive]]",
            &format!("text = \"x\"\n{e2}\n[[directive]]"),
        );
        let merged = merge(&base, &ours, &theirs).expect("merged");
        assert_eq!(
            merged,
            base.replace(
                "text = \"x\"\n\n[[directive]]",
                &format!("text = \"x\"\n{e1}{e2}\n[[directive]]")
            )
        );
    }
}
