//! Messages put together from the catalogue's: a size in exact units, a "did you mean", the
//! English `Display` of a type that says itself, and (for tests) a message checked in both
//! languages.

use super::strings;
use crate::model::Lang;

/// `4 MiB`, `512 KiB` or `1000 bytes`, whichever is exact.
pub(crate) fn human_size(lang: Lang, bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KiB", bytes >> 10)
    } else {
        strings(lang).size_bytes(&bytes)
    }
}

// The translation of the core's errors: each error type says itself through the catalogue.

/// `Display` for types that say themselves with `message(lang)` (an error, translated where it
/// is printed or drawn, never before): their English message.
macro_rules! display_in_english {
    ($($t:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.message($crate::model::Lang::En))
            }
        }
    )+};
}
pub(crate) use display_in_english;

/// ` (did you mean `a`?)`, ` (did you mean one of `a`, `b`?)` after a name that is not known;
/// empty without suggestions.
pub(crate) fn did_you_mean(lang: Lang, names: &[String]) -> String {
    let t = strings(lang);
    match names {
        [] => String::new(),
        [one] => t.suggest_one(one),
        many => t.suggest_many(&many.join("`, `")),
    }
}

/// Checks a message of `what` said in both languages: translated, no placeholder left, and
/// each of `facts` that the English says kept as it is in the Vietnamese.
#[cfg(test)]
pub(crate) fn check_said_in_both(what: &dyn std::fmt::Debug, en: &str, vi: &str, facts: &[&str]) {
    assert_ne!(en, vi, "{what:?} is not translated");
    for text in [en, vi] {
        assert!(!text.contains('{'), "a placeholder is left: {text}");
    }
    for fact in facts.iter().filter(|f| en.contains(*f)) {
        assert!(vi.contains(fact), "`{fact}` is missing in Vietnamese: {vi}");
    }
}
