//! Problems found in the files a person writes (briefings, the config file): where (path,
//! line, column) and what, as data said in the reader's language where it is shown.

mod parts;
mod problem;

use std::fmt;
use std::ops::Range;

pub(crate) use parts::Expected;
pub(crate) use parts::Hint;
pub(crate) use parts::Mismatch;
pub(crate) use parts::OsError;
pub(crate) use parts::Table;
pub(crate) use parts::ValueType;
pub(crate) use problem::FileRead;
pub(crate) use problem::Problem;
pub(crate) use problem::Refusal;
pub(crate) use problem::Toml11Syntax;

use crate::i18n;
use crate::model::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` / `lỗi`, `warning` / `cảnh báo`.
    pub fn word(self, lang: Lang) -> &'static str {
        let t = i18n::strings(lang);
        match self {
            Severity::Error => t.severity_error,
            Severity::Warning => t.severity_warning,
        }
    }
}

/// The English word; [`Severity::word`] gives it in either language.
impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word(Lang::En))
    }
}

/// A place in a file: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// The text of that line, for showing a caret under the column.
    pub line_text: String,
}

impl Location {
    /// The location of byte `offset` in `src` (clamped to the text, snapped to a char boundary).
    pub fn at(src: &str, offset: usize) -> Self {
        let mut offset = offset.min(src.len());
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &src[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
        let line_text = src[line_start..line_end].trim_end_matches('\r');
        Location {
            line: before.matches('\n').count() + 1,
            column: src[line_start..offset].chars().count() + 1,
            line_text: truncate_line(line_text),
        }
    }
}

/// Keeps caret lines readable when a line is huge (a 5 MB string on one line)
/// and safe to print (no control characters reach the terminal).
fn truncate_line(line: &str) -> String {
    const MAX: usize = 400;
    let mut out: String = line
        .chars()
        .take(MAX)
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect();
    if line.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}

/// One problem found in one file.
///
/// Say it with [`Diagnostic::message`] (the problem) or [`Diagnostic::line`] (place, severity
/// and problem) in the reader's language; `Display` is the English line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path relative to the briefing folder, `/`-separated.
    pub path: String,
    pub location: Option<Location>,
    pub severity: Severity,
    /// What is wrong, as data.
    pub problem: Problem,
    /// The English words of `problem`, for callers that do not say it in the reader's
    /// language yet: prefer [`Diagnostic::message`].
    pub message: String,
}

impl Diagnostic {
    pub fn new(path: &str, severity: Severity, problem: Problem) -> Self {
        Diagnostic {
            path: path.to_string(),
            location: None,
            severity,
            message: problem.message(Lang::En),
            problem,
        }
    }

    pub fn at(mut self, src: &str, span: Range<usize>) -> Self {
        self.location = Some(Location::at(src, span.start));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col` (or just `path` when the problem has no place).
    pub fn place(&self) -> String {
        match &self.location {
            Some(loc) => format!("{}:{}:{}", self.path, loc.line, loc.column),
            None => self.path.clone(),
        }
    }

    /// What is wrong and what to write instead, in `lang` (without place or severity).
    pub fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }

    /// `path:line:col: error: message` in `lang`, as `briefing check` prints it.
    pub fn line(&self, lang: Lang) -> String {
        i18n::strings(lang).diagnostic_line(
            &self.place(),
            &self.severity.word(lang),
            &self.message(lang),
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

/// The closest of `known` to `key`, when it is close enough to be a likely typo.
pub(crate) fn closest<'k>(key: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    known
        .into_iter()
        .map(|k| (strsim::osa_distance(key, k), k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let keys = ["title", "date", "tags", "summary"];
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("summery", keys), Some("summary"));
        assert_eq!(closest("tag", keys), Some("tags"));
        assert_eq!(closest("xyzzy", keys), None);
        assert_eq!(Hint::of("titel", &keys), Hint::Closest("title".into()));
        assert_eq!(
            Hint::of("xyzzy", &keys[..2]),
            Hint::Known(vec!["title".into(), "date".into()])
        );
    }

    #[test]
    fn location_counts_lines_and_characters() {
        let src = "a = 1\nđầm = 2\n";
        let offset = src.find("= 2").expect("offset");
        let loc = Location::at(src, offset);
        assert_eq!((loc.line, loc.column), (2, 5));
        assert_eq!(loc.line_text, "đầm = 2");
    }

    #[test]
    fn location_clamps_and_snaps_offsets() {
        let src = "đ";
        assert_eq!(Location::at(src, 1).column, 1);
        assert_eq!(Location::at(src, 99).column, 2);
    }

    #[test]
    fn display_is_path_line_col_severity_message() {
        let d =
            Diagnostic::new("2024/a.toml", Severity::Error, Problem::NoSession).at("x\ny", 2..3);
        assert_eq!(
            d.to_string(),
            "2024/a.toml:2:1: error: the file has no [session] table; add one with at least `title = \"…\"` and `date = 2024-03-13`"
        );
        assert_eq!(d.message, d.message(Lang::En));
        assert!(
            d.line(Lang::Vi)
                .starts_with("2024/a.toml:2:1: lỗi: tệp chưa có bảng [session]"),
            "{}",
            d.line(Lang::Vi)
        );
        let w = Diagnostic::new("b.toml", Severity::Warning, Problem::LinkOutside);
        assert!(
            w.to_string()
                .starts_with("b.toml: warning: a symbolic link")
        );
        assert!(w.line(Lang::Vi).starts_with("b.toml: cảnh báo: "));
    }
}
