//! A directive's progress log (format version 3): each `[[…directive.progress]]` entry, its
//! time (not in the future), who, the state it sets, its note and its percent.

use chrono::{DateTime, FixedOffset};

use toml::de::DeValue;

use super::fields::{Checker, Fields, to_offset_datetime};
use crate::diag::{Expected, Problem, Table};
use crate::model::{Entry, State};

const PROGRESS_KEYS: &[&str] = &["at", "by", "state", "note", "percent"];

/// A directive's `[[…directive.progress]]` entries (version 3), in file order; an entry
/// with a mistake is said and left out.
pub(super) fn progress_log(ck: &mut Checker<'_>, directive: &Fields<'_, '_>) -> Vec<Entry> {
    if let Some(value) = directive.get("progress") {
        ck.version_3(value.span(), "progress");
    }
    let what = |n| Table::Progress {
        n,
        directive: Box::new(directive.what.clone()),
    };
    directive.numbered_tables(ck, "progress", what, |ck, f| progress_entry(ck, &f))
}

fn progress_entry(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<Entry> {
    f.warn_unknown_keys(ck, PROGRESS_KEYS);
    let at = match f.datetime(ck, "at", Expected::OffsetDateTime) {
        Some((dt, span)) => {
            let at = to_offset_datetime(dt);
            if at.is_none() {
                f.bad_date_time(ck, "at", span, Expected::OffsetDateTime, dt);
            }
            at
        }
        None => {
            if f.get("at").is_none() {
                f.missing(ck, "at", "2024-04-02T09:15:00+07:00");
            }
            None
        }
    };
    let by = match f.get("by") {
        Some(_) => f.shared(ck, "by"),
        None => {
            f.missing(ck, "by", "\"lan\"");
            None
        }
    };
    let at = at.filter(|at| not_in_future(ck, f, *at));
    let state = f.get("state").map(|_| state(ck, f));
    let percent = f.get("percent").map(|_| percent(ck, f));
    let note_ok = note_is_clean(ck, f);
    let note = f.text(ck, "note");
    Some(Entry {
        at: at?,
        by: by?,
        state: state.flatten(),
        note,
        percent: percent.flatten(),
    })
    .filter(|_| !matches!(state, Some(None)) && !matches!(percent, Some(None)) && note_ok)
}

/// An entry's `state`: one of the five names; another word is an error that suggests the
/// state it most likely means ("xong", "hoàn thành" → `done`).
fn state(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<State> {
    let written = f.string(ck, "state")?;
    if let Some(state) = State::from_name(&written) {
        return Some(state);
    }
    let span = f.get("state").map_or(f.span.clone(), |v| v.span());
    let problem = Problem::NotOneOf {
        key: "state".to_string(),
        table: f.what.clone(),
        names: State::ALL.map(|s| s.name().to_string()).to_vec(),
        closest: State::meant(&written).map(|s| s.name().to_string()),
        found: written,
    };
    ck.error(span, problem);
    None
}

/// An entry's `at` may be at most a minute after now (the checker's now: the clock, or the
/// one a test or `--now` gives): a log records what was done.
fn not_in_future(ck: &mut Checker<'_>, f: &Fields<'_, '_>, at: DateTime<FixedOffset>) -> bool {
    let now = ck.now();
    if at <= now + chrono::Duration::minutes(1) {
        return true;
    }
    let span = f.get("at").map_or(f.span.clone(), |v| v.span());
    let problem = Problem::ProgressInFuture {
        table: f.what.clone(),
        at: at.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        now: now.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    };
    ck.error(span, problem);
    false
}

/// An entry's `note` is one line of text: a control character (a line break, a tab, an
/// escape) is an error.
fn note_is_clean(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> bool {
    let Some(value) = f.get("note") else {
        return true;
    };
    let DeValue::String(note) = value.get_ref() else {
        return true;
    };
    if !note.chars().any(char::is_control) {
        return true;
    }
    let span = value.span();
    let problem = Problem::ProgressNoteControl {
        table: f.what.clone(),
    };
    ck.error(span, problem);
    false
}

/// An entry's `percent`: a whole number from 0 to 100.
fn percent(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<u8> {
    let (n, span) = f.number(ck, "percent")?;
    let whole = (n.fract() == 0.0 && (0.0..=100.0).contains(&n)).then_some(n as u8);
    if whole.is_none() {
        let problem = Problem::ProgressPercent {
            table: f.what.clone(),
            value: n.to_string(),
        };
        ck.error(span, problem);
    }
    whole
}
