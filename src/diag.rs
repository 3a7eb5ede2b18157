//! Problems found in the files a person writes (briefings, the config file): where (path,
//! line, column) and what, with the "did you mean" suggestion for a misspelt name.

use std::fmt;
use std::ops::Range;

use toml::de::DeValue;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path relative to the briefing folder, `/`-separated.
    pub path: String,
    pub location: Option<Location>,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn new(path: &str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_string(),
            location: None,
            severity,
            message: message.into(),
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
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.place(), self.severity, self.message)
    }
}

/// The closest of `known` to `key`, when it is close enough to be a likely typo.
pub fn closest<'k>(key: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    known
        .into_iter()
        .map(|k| (strsim::osa_distance(key, k), k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// What to say about an unknown `name`: ``did you mean `title`?`` when one of `known` is close,
/// else the whole list after `list` (`known keys: a, b, c`).
pub fn suggestion(name: &str, known: &[&str], list: &str) -> String {
    match closest(name, known.iter().copied()) {
        Some(k) => format!("did you mean `{k}`?"),
        None => format!("{list}: {}", known.join(", ")),
    }
}

/// `a string`, `an integer`…: a TOML value's type, for messages.
pub fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
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
        assert_eq!(suggestion("titel", &keys, "known"), "did you mean `title`?");
        assert_eq!(
            suggestion("xyzzy", &keys[..2], "known keys"),
            "known keys: title, date"
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
        let d = Diagnostic::new("2024/a.toml", Severity::Error, "boom").at("x\ny", 2..3);
        assert_eq!(d.to_string(), "2024/a.toml:2:1: error: boom");
        let w = Diagnostic::new("b.toml", Severity::Warning, "hm");
        assert_eq!(w.to_string(), "b.toml: warning: hm");
    }
}
