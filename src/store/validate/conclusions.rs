//! What version 3 adds for what real conclusions say: deadlines in words (`due_text`) and
//! urgency (`urgent`), addressees outside the file's localities (`to_other`), the
//! localities' proposals with the answers given (`[[locality.proposal]]`), figures that are
//! estimates or forecasts.

use std::collections::HashSet;

use super::fields::{Checker, Fields};
use super::slips;
use crate::diag::{Problem, Table};
use crate::model::{HostKind, Id, Period, Proposal, Shared, Text};

pub(super) const PROPOSAL_KEYS: &[&str] = &[
    "id", "text", "by", "answer", "assignee", "due", "due_text", "progress",
];

/// A directive's (or a proposal's) `due_text`: the deadline as the conclusion says it; empty
/// is an error, a date or period the viewer could read a warning that says to write `due`.
pub(super) fn due_text(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<Text> {
    let value = f.get("due_text")?;
    ck.needs_version_3(value.span(), "due_text", &f.what);
    let text = f.text(ck, "due_text")?;
    if text.trim().is_empty() {
        let problem = Problem::EmptyText {
            key: "due_text".to_string(),
            table: f.what.clone(),
        };
        ck.error(value.span(), problem);
        return None;
    }
    if let Some(due) = readable_deadline(&text) {
        let problem = Problem::DueTextIsADeadline {
            table: f.what.clone(),
            written: text.to_string(),
            due,
        };
        ck.warn(value.span(), problem);
    }
    Some(text)
}

/// `due` as it should be written for a deadline in words the viewer reads: `"2024-Q2"` for
/// `quý II/2024`, `2024-06-30` for `30/06/2024`.
fn readable_deadline(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(day) = slips::day_first_date(text) {
        return Some(day.format("%Y-%m-%d").to_string());
    }
    let period = Period::parse(text).or_else(|| slips::period_in_words(text))?;
    Some(format!("\"{period}\""))
}

/// `urgent = true` ("khẩn trương").
pub(super) fn urgent(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> bool {
    flag(ck, f, "urgent")
}

/// A version 3 boolean `key` (`urgent`, an indicator's `estimate` or `forecast`), false when
/// not written.
pub(super) fn flag(ck: &mut Checker<'_>, f: &Fields<'_, '_>, key: &str) -> bool {
    if let Some(value) = f.get(key) {
        ck.needs_version_3(value.span(), key, &f.what);
    }
    f.boolean(ck, key).unwrap_or(false)
}

/// `host_kind`, whose central bodies came with version 3.
pub(super) fn host_kind(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<HostKind> {
    let kind = f.keyword(ck, "host_kind", HostKind::NAMES, HostKind::parse)?;
    if let Some(value) = f.get("host_kind").filter(|_| kind.since_version_3()) {
        let what = format!("host_kind = \"{}\"", kind.name());
        ck.needs_version_3(value.span(), &what, &f.what);
    }
    Some(kind)
}

/// `to_other`: addressees outside the file's localities, as written.
pub(super) fn to_other(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Vec<Text> {
    if let Some(value) = f.get("to_other") {
        ck.needs_version_3(value.span(), "to_other", &f.what);
    }
    f.texts(ck, "to_other")
}

/// `value_other` with `unit_other`: the figure in a second unit; one without the other is an
/// error that names the missing key.
pub(super) fn other_unit(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<(f64, Shared)> {
    let (value, unit) = (f.get("value_other"), f.get("unit_other"));
    for (key, written) in [("value_other", value), ("unit_other", unit)] {
        if let Some(v) = written {
            ck.needs_version_3(v.span(), key, &f.what);
        }
    }
    match (value.is_some(), unit.is_some()) {
        (true, false) => f.missing(ck, "unit_other", "\"triệu USD\""),
        (false, true) => f.missing(ck, "value_other", "12.5"),
        _ => {}
    }
    let (value, _) = f.number(ck, "value_other")?;
    let unit = f.string(ck, "unit_other")?;
    Some((value, ck.share(unit.trim().to_string())))
}

/// `part_of`: the name of the whole the figure is a part of.
pub(super) fn part_of(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<Shared> {
    if let Some(v) = f.get("part_of") {
        ck.needs_version_3(v.span(), "part_of", &f.what);
    }
    f.shared(ck, "part_of")
}

/// The `[[locality.proposal]]` entries of a locality; one without `text` is said and left out.
/// `ids` are the ids directives and proposals of the file have taken so far: a proposal's id
/// must be none of them.
pub(super) fn proposals(
    ck: &mut Checker<'_>,
    locality: &Fields<'_, '_>,
    ids: &mut HashSet<String>,
) -> Vec<Proposal> {
    if let Some(value) = locality.get("proposal") {
        ck.needs_version_3(value.span(), "[[locality.proposal]]", &locality.what);
    }
    let what = |n| Table::Proposal {
        n,
        district: Box::new(locality.what.clone()),
    };
    locality.numbered_tables(ck, "proposal", what, |ck, f| proposal(ck, &f, ids))
}

fn proposal(
    ck: &mut Checker<'_>,
    f: &Fields<'_, '_>,
    ids: &mut HashSet<String>,
) -> Option<Proposal> {
    f.warn_unknown_keys(ck, PROPOSAL_KEYS);
    let text = f.required_string(ck, "text", "\"Đề nghị tỉnh hỗ trợ kinh phí …\"");
    let id = f.string(ck, "id").filter(|id| {
        let free = ids.insert(id.clone());
        if !free && let Some(v) = f.get("id") {
            ck.error(v.span(), Problem::ProposalIdTaken { id: id.clone() });
        }
        free
    });
    let proposal = Proposal {
        id: id.map(Id::from),
        by: f.text(ck, "by"),
        answer: f.text(ck, "answer"),
        assignee: f.text(ck, "assignee"),
        due: f.deadline(ck, "due"),
        due_text: due_text(ck, f),
        progress: super::progress_log(ck, f).into(),
        text: text?.into(),
    };
    if !proposal.progress.is_empty()
        && !proposal.is_followed()
        && let Some(log) = f.get("progress")
    {
        ck.warn(log.span(), Problem::ProposalLogUnassigned);
    }
    Some(proposal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_the_viewer_reads_are_told_apart_from_words() {
        assert_eq!(
            readable_deadline("quý II/2024").as_deref(),
            Some("\"2024-Q2\"")
        );
        assert_eq!(
            readable_deadline("30/06/2024").as_deref(),
            Some("2024-06-30")
        );
        assert_eq!(readable_deadline("2024").as_deref(), Some("\"2024\""));
        assert_eq!(readable_deadline("trong thời gian tới"), None);
        assert_eq!(readable_deadline("trước Đại hội Đảng bộ xã"), None);
    }
}
