//! The words of sharing through git, for the interface's history pop-up. The messages themselves
//! are catalogue keys; the reports that put them together live with git (`git::sync`,
//! `git::history`) and the command line (`cli::sync`, `cli::log`).

use super::{Message, strings};
use crate::model::Lang;

/// When nothing in the history matches.
pub fn no_history(lang: Lang) -> &'static str {
    strings(lang).no_history
}

/// The title of the history pop-up.
pub fn history_title(lang: Lang) -> &'static str {
    strings(lang).history_title
}

/// While the history is being read.
pub fn history_loading(lang: Lang) -> &'static str {
    strings(lang).history_loading
}

/// A git error in `lang` (kept for the interface until it holds the typed error).
pub fn git_error(lang: Lang, e: &impl Message) -> String {
    e.message(lang)
}
