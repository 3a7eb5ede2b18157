//! One session's searchable fields folded into words, ready for the index: made on the
//! loader's threads, so that adding a session on the interface's thread only numbers its words.

use chrono::NaiveDateTime;

use super::{FieldKind, collect_session, words_of};
use crate::model::Session;
use crate::model::fold::fold;

/// The folded words of every searchable field of one session, in `collect_session` order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub(super) id: String,
    /// When the session is held (newer sessions' hits come first).
    pub(super) date: NaiveDateTime,
    pub(super) fields: Vec<FieldKind>,
    /// How many words each field has.
    pub(super) counts: Vec<u32>,
    /// Every field's words, each followed by `\n`, fields end to end.
    pub(super) words: String,
}

impl Prepared {
    /// Folds the searchable fields of `session`.
    pub fn new(session: &Session) -> Self {
        let mut prepared = Prepared {
            id: session.id.to_string(),
            date: session.date.sort_key(),
            fields: Vec::new(),
            counts: Vec::new(),
            words: String::new(),
        };
        collect_session(0, session, &mut |_, field, text| {
            let mut count = 0;
            for word in words_of(&fold(text)) {
                prepared.words.push_str(word);
                prepared.words.push('\n');
                count += 1;
            }
            prepared.fields.push(field);
            prepared.counts.push(count);
        });
        prepared
    }

    /// The id of the session.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// Below this many sessions one thread is quicker than starting others.
const PARALLEL_FROM: usize = 64;

/// Every session of `sessions` prepared, in order, on every core.
pub(super) fn all(sessions: &[Session]) -> Vec<Prepared> {
    crate::cores::map_in_order(sessions, PARALLEL_FROM, Prepared::new)
}
