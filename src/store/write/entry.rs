//! What a person gives as a progress entry (the command line, the TUI's form), checked before
//! anything is written: a known state (else the one the word most likely means), a percent
//! from 0 to 100, a one-line note, a person, a time not in the future.

use chrono::{DateTime, Duration, FixedOffset};

use crate::i18n;
use crate::model::{Entry, Lang, State};

/// Why an entry a person gave is not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    /// A state that is none of the five names; `meant` is the one the word most likely means.
    UnknownState {
        written: String,
        meant: Option<State>,
    },
    /// A percent that is not a whole number from 0 to 100, as written.
    Percent { written: String },
    /// A note with a line break, a tab or another control character.
    NoteControl,
    /// No person to record (an empty `by`).
    NoBy,
    /// A time more than a minute after now.
    InFuture {
        at: DateTime<FixedOffset>,
        now: DateTime<FixedOffset>,
    },
    /// Neither a state, a note nor a percent.
    Nothing,
}

impl EntryError {
    /// What is wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        let names = State::ALL.map(State::name).join(", ");
        match self {
            EntryError::UnknownState { written, meant } => {
                let meant: Vec<String> = meant.iter().map(|s| s.name().to_string()).collect();
                t.entry_unknown_state(written, &names, &i18n::did_you_mean(lang, &meant))
            }
            EntryError::Percent { written } => t.entry_percent(written),
            EntryError::NoteControl => t.entry_note_control.to_string(),
            EntryError::NoBy => t.entry_no_by.to_string(),
            EntryError::InFuture { at, now } => t.entry_in_future(&stamp(at), &stamp(now)),
            EntryError::Nothing => t.entry_nothing.to_string(),
        }
    }
}

i18n::display_in_english!(EntryError);

fn stamp(at: &DateTime<FixedOffset>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// The state `word` names (`open`, `doing`, `blocked`, `done`, `dropped`), or an error that
/// suggests the state a Vietnamese or English word most likely means.
pub fn parse_state(word: &str) -> Result<State, EntryError> {
    State::from_name(word.trim()).ok_or_else(|| EntryError::UnknownState {
        written: word.to_string(),
        meant: State::meant(word),
    })
}

/// A percent as written: a whole number from 0 to 100.
pub fn parse_percent(written: &str) -> Result<u8, EntryError> {
    written
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| EntryError::Percent {
            written: written.to_string(),
        })
}

/// Checks an entry before it is written: something to record, a person, a one-line note, a
/// percent from 0 to 100, and a time at most a minute after `now`.
pub fn check(entry: &Entry, now: DateTime<FixedOffset>) -> Result<(), EntryError> {
    if entry.state.is_none() && entry.note.is_none() && entry.percent.is_none() {
        return Err(EntryError::Nothing);
    }
    if entry.by.trim().is_empty() {
        return Err(EntryError::NoBy);
    }
    if let Some(p) = entry.percent.filter(|p| *p > 100) {
        return Err(EntryError::Percent {
            written: p.to_string(),
        });
    }
    if entry
        .note
        .as_deref()
        .is_some_and(|n| n.chars().any(char::is_control))
    {
        return Err(EntryError::NoteControl);
    }
    if entry.at > now + Duration::minutes(1) {
        return Err(EntryError::InFuture { at: entry.at, now });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    fn entry() -> Entry {
        Entry {
            at: at("2024-04-02T09:15:00+07:00"),
            by: "lan".into(),
            state: Some(State::Doing),
            note: None,
            percent: None,
        }
    }

    #[test]
    fn a_state_word_is_refused_with_the_state_it_means() {
        assert_eq!(parse_state("doing"), Ok(State::Doing));
        let err = parse_state("hoàn thành").expect_err("not a name");
        assert_eq!(
            err.to_string(),
            "unknown state \"hoàn thành\": write one of open, doing, blocked, done, dropped (did you mean `done`?)"
        );
        assert!(
            err.message(Lang::Vi).contains("(có phải ý bạn là `done`?)"),
            "{}",
            err.message(Lang::Vi)
        );
        let none = parse_state("chuối").expect_err("nothing like it");
        assert!(!none.to_string().contains("did you mean"), "{none}");
    }

    #[test]
    fn percents_are_whole_numbers_from_0_to_100() {
        assert_eq!(parse_percent("0"), Ok(0));
        assert_eq!(parse_percent("100"), Ok(100));
        for bad in ["101", "-1", "40.5", "bốn mươi", ""] {
            assert!(parse_percent(bad).is_err(), "{bad}");
        }
        let said = parse_percent("150")
            .expect_err("too much")
            .message(Lang::Vi);
        assert!(said.contains("150") && said.contains("0 đến 100"), "{said}");
    }

    #[test]
    fn an_entry_is_checked_against_now() {
        let now = at("2024-04-02T09:14:30+07:00");
        assert_eq!(check(&entry(), now), Ok(()));
        let later = at("2024-04-02T09:13:59+07:00");
        assert!(matches!(
            check(&entry(), later),
            Err(EntryError::InFuture { .. })
        ));
        let mut e = entry();
        e.note = Some("một\ndòng".into());
        assert_eq!(check(&e, now), Err(EntryError::NoteControl));
        let mut e = entry();
        e.by = "".into();
        assert_eq!(check(&e, now), Err(EntryError::NoBy));
        let mut e = entry();
        e.state = None;
        assert_eq!(check(&e, now), Err(EntryError::Nothing));
        let mut e = entry();
        e.percent = Some(101);
        assert!(matches!(check(&e, now), Err(EntryError::Percent { .. })));
    }

    #[test]
    fn every_error_is_said_in_both_languages() {
        let all = [
            EntryError::UnknownState {
                written: "x".into(),
                meant: None,
            },
            EntryError::Percent {
                written: "150".into(),
            },
            EntryError::NoteControl,
            EntryError::NoBy,
            EntryError::InFuture {
                at: at("2024-05-02T09:15:00+07:00"),
                now: at("2024-04-02T09:15:00+07:00"),
            },
            EntryError::Nothing,
        ];
        for e in all {
            assert_ne!(e.message(Lang::En), e.message(Lang::Vi), "{e:?}");
        }
    }
}
