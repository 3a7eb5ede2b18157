//! What a fixture of a bad briefing must say: the problem's file, place and severity, and a
//! part of its message in each language, checked against what the loader says of that file.

use std::path::Path;

use briefing::api::model::Lang;
use briefing::api::store::{Diagnostic, parse_file};

/// The problems the loader finds in the file at `path` (named `f.toml`, session `f`).
pub(crate) fn problems_of(path: &Path) -> Vec<Diagnostic> {
    let bytes = std::fs::read(path).expect("fixture");
    parse_file(&bytes, "f.toml", "f").diagnostics
}

/// One problem a fixture gives: its file, its place (line, column), whether it is an error, and
/// a part of what it says in English and in Vietnamese.
pub(crate) struct Said {
    pub file: &'static str,
    pub at: (usize, usize),
    pub error: bool,
    pub en: &'static str,
    pub vi: &'static str,
}

impl Said {
    /// Fails unless `d` is this problem: its severity, its place, and both its messages.
    #[track_caller]
    pub(crate) fn assert_is(&self, d: &Diagnostic) {
        let (en, vi) = (d.message(Lang::En), d.message(Lang::Vi));
        assert_eq!(d.is_error(), self.error, "{}: {en}", self.file);
        let loc = d.location.as_ref().expect("a place");
        assert_eq!((loc.line, loc.column), self.at, "{}: {en}", self.file);
        assert!(en.contains(self.en), "{}: {en}", self.file);
        assert!(vi.contains(self.vi), "{}: {vi}", self.file);
    }
}
