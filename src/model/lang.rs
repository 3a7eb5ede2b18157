//! Vietnamese or English: the language of the interface and of numbers and dates.

use serde::Serialize;

/// The language of the interface and of formatted numbers and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Vi,
    #[default]
    En,
}

impl Lang {
    /// The language a locale string (`vi_VN.UTF-8`, `en_US`) asks for.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("vi") {
            Lang::Vi
        } else {
            Lang::En
        }
    }

    pub(crate) fn separators(self) -> (char, char) {
        match self {
            Lang::Vi => ('.', ','),
            Lang::En => (',', '.'),
        }
    }
}
