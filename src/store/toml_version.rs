//! Finds the syntax TOML 1.1 added, which briefing files (TOML 1.0, docs/spec.md) must not use.
//!
//! The `toml` crate reads TOML 1.1; a file that needs it would not load in tools that read
//! TOML 1.0 (most editors' checkers, Python's `tomllib`, older programs), so each use is an
//! error with its place and what to write instead: a line break or a trailing comma inside
//! an inline table, the escapes `\e` and `\xHH`, and a time without seconds.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml_parser::Source;
use toml_parser::lexer::TokenKind;

use crate::diag::{Problem, Toml11Syntax};

/// Every use of TOML 1.1-only syntax in `text` (which parses), in order, with its span.
pub(super) fn uses(text: &str) -> Vec<(Range<usize>, Problem)> {
    let mut found = Vec::new();
    let mut open: Vec<TokenKind> = Vec::new();
    let mut last_comma_in_table: Option<Range<usize>> = None;
    for token in Source::new(text).lex() {
        let span = token.span().start()..token.span().end();
        let raw = &text[span.clone()];
        let in_inline_table = open.last() == Some(&TokenKind::LeftCurlyBracket);
        match token.kind() {
            TokenKind::LeftCurlyBracket | TokenKind::LeftSquareBracket => open.push(token.kind()),
            TokenKind::RightCurlyBracket => {
                if let Some(comma) = last_comma_in_table.take() {
                    found.push((comma, syntax(Toml11Syntax::TrailingComma)));
                }
                open.pop();
            }
            TokenKind::RightSquareBracket => {
                open.pop();
            }
            TokenKind::Newline | TokenKind::Comment if in_inline_table => {
                found.push((span.clone(), syntax(Toml11Syntax::InlineTableNewline)));
                // One report per table is enough; what follows is the same table.
                open.pop();
                open.push(TokenKind::Eof);
            }
            TokenKind::BasicString | TokenKind::MlBasicString => {
                found.extend(new_escapes(raw, span.start));
            }
            TokenKind::Atom => found.extend(time_without_seconds(raw, span.start)),
            _ => {}
        }
        last_comma_in_table = match token.kind() {
            TokenKind::Comma if in_inline_table => Some(span),
            TokenKind::Whitespace | TokenKind::Newline | TokenKind::Comment => last_comma_in_table,
            _ => None,
        };
    }
    found
}

/// [`uses`] for a `text` that parsed as `root`, lexing only what may hold TOML 1.1 syntax: each
/// inline table and each time without seconds, found in `root`; the whole text when it has a
/// backslash (an escape may be anywhere, keys included). The same uses, at the same places.
pub(super) fn uses_parsed(text: &str, root: &DeTable<'_>) -> Vec<(Range<usize>, Problem)> {
    if memchr::memchr(b'\\', text.as_bytes()).is_some() {
        return uses(text);
    }
    let mut spans = Vec::new();
    for value in root.values() {
        may_use(text, value, &mut spans);
    }
    spans.sort_by_key(|span| span.start);
    let mut found = Vec::new();
    for span in spans {
        let start = span.start;
        found.extend(
            (uses(&text[span]).into_iter())
                .map(|(at, problem)| (at.start + start..at.end + start, problem)),
        );
    }
    found
}

/// The spans below `value` that [`uses`] must lex: inline tables (`{` where the value starts)
/// and times written without seconds.
fn may_use(text: &str, value: &Spanned<DeValue<'_>>, spans: &mut Vec<Range<usize>>) {
    let span = value.span();
    match value.get_ref() {
        DeValue::Table(_) if text.as_bytes().get(span.start) == Some(&b'{') => spans.push(span),
        DeValue::Table(table) => table.values().for_each(|v| may_use(text, v, spans)),
        DeValue::Array(array) => array.iter().for_each(|v| may_use(text, v, spans)),
        DeValue::Datetime(d) if d.time.is_some_and(|t| t.second.is_none()) => spans.push(span),
        _ => {}
    }
}

fn syntax(syntax: Toml11Syntax) -> Problem {
    Problem::Toml11 { syntax }
}

/// The `\e` and `\xHH` escapes of a basic string's raw text starting at byte `at`.
fn new_escapes(raw: &str, at: usize) -> Vec<(Range<usize>, Problem)> {
    let mut found = Vec::new();
    let mut chars = raw.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            continue;
        }
        match chars.next() {
            Some((_, 'e')) => found.push((at + i..at + i + 2, syntax(Toml11Syntax::EscapeE))),
            Some((_, 'x')) => {
                let hex: String = raw[i + 2..].chars().take(2).collect();
                let end = at + i + 2 + hex.len();
                found.push((at + i..end, syntax(Toml11Syntax::EscapeX { hex })));
            }
            _ => {}
        }
    }
    found
}

/// A time in `atom` (a bare value starting at byte `at`) written `HH:MM` without `:SS`: at
/// the start (a time, or the time after a date and a space) or after `YYYY-MM-DDT`. An
/// offset after fractional seconds (`56.6+08:00`, lexed apart at the dot) is not a time.
fn time_without_seconds(atom: &str, at: usize) -> Option<(Range<usize>, Problem)> {
    let bytes = atom.as_bytes();
    let after_date = bytes.len() > 11 && matches!(bytes[10], b'T' | b't') && bytes[4] == b'-';
    let start = if after_date { 11 } else { 0 };
    if !is_hours_minutes(&bytes[start..]) || bytes.get(start + 5) == Some(&b':') {
        return None;
    }
    let time = atom[start..start + 5].to_string();
    let span = at + start..at + start + 5;
    Some((span, syntax(Toml11Syntax::NoSeconds { time })))
}

/// Whether `bytes` starts with `DD:DD`.
fn is_hours_minutes(bytes: &[u8]) -> bool {
    matches!(bytes, [a, b, b':', c, d, ..] if [a, b, c, d].iter().all(|x| x.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Toml11Syntax)> {
        assert!(toml::de::DeTable::parse(text).is_ok(), "{text}");
        uses(text)
            .into_iter()
            .map(|(span, p)| match p {
                Problem::Toml11 { syntax } => (text[span].to_string(), syntax),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    /// Every text of these tests, and the samples with each construct added.
    #[test]
    fn lexing_what_may_hold_toml_1_1_finds_what_lexing_everything_finds() {
        let mut texts = vec![
            "a = { b = 1, c = [1,\n 2,\n] }\ne = 1979-05-27T07:32:00-07:00\nf = 07:32:00.5\n\
             [t]\ni = [ { j = 1 }, ]\n# k = { 07:32 }\nl = 1987-07-05T17:45:56.6+08:00\n"
                .to_string(),
            "a = {\n  b = 1,\n}\nc = { d = 1, }\ne = { # x\n f = 1 }\n".to_string(),
            "x = [[{ a = { b = 07:32 }, }], 1979-05-27 07:32Z]\n[y.z]\nw = 13:37\n".to_string(),
            "a = 13:37\nb = 1979-05-27 07:32Z\nc = 1979-05-27 07:32-07:00\nd = 1979-05-27T07:32\n"
                .to_string(),
            "a = \"\\e[31m \\xE9\"\nb = { c = 1, }\n".to_string(),
        ];
        for sample in [
            include_str!("../../briefings/2024/2024-03-13-hai-ha-dam-ha.toml"),
            include_str!("../../briefings/2026/2026-12-09-tan-lap-binh-minh-hon-ngoc.toml"),
        ] {
            texts.push(sample.to_string());
            texts.push(format!("{sample}\nx = {{ a = 1,\n b = 08:00 }}\n"));
            texts.push(sample.replacen("\n[[", "\nt = 08:00\n\n[[", 1));
        }
        for text in &texts {
            let root = toml::de::DeTable::parse(text).expect("parses");
            let kinds = |found: Vec<(Range<usize>, Problem)>| -> Vec<(Range<usize>, String)> {
                found
                    .into_iter()
                    .map(|(s, p)| (s, format!("{p:?}")))
                    .collect()
            };
            let everything = kinds(uses(text));
            assert_eq!(
                kinds(uses_parsed(text, root.get_ref())),
                everything,
                "{text}"
            );
        }
        assert!(!uses(&texts[1]).is_empty() && !uses(&texts[2]).is_empty());
    }

    #[test]
    fn toml_1_0_is_left_alone() {
        let text = "a = { b = 1, c = [1,\n 2,\n] }\nd = \"x\\u001B\\\\e \\\\x41\"\n\
                    e = 1979-05-27T07:32:00-07:00\nf = 07:32:00.5\ng = 'C:\\e\\x41'\n\
                    h = '''\n\\e\n'''\n[t]\ni = [ { j = 1 }, ]\n# k = { \\e, 07:32 }\n\
                    l = 1987-07-05T17:45:56.6+08:00\nm = 1979-05-27 00:32:00.999-07:00\n";
        assert_eq!(kinds(text), []);
    }

    #[test]
    fn line_breaks_and_trailing_commas_in_inline_tables() {
        assert_eq!(
            kinds("a = {\n  b = 1,\n}\nc = { d = 1, }\ne = { # x\n f = 1 }\n"),
            [
                ("\n".to_string(), Toml11Syntax::InlineTableNewline),
                (",".to_string(), Toml11Syntax::TrailingComma),
                ("# x".to_string(), Toml11Syntax::InlineTableNewline),
            ]
        );
    }

    #[test]
    fn the_new_escapes() {
        assert_eq!(
            kinds("a = \"\\e[31m \\xE9\"\nb = \"\"\"\n\\x41\"\"\"\n"),
            [
                ("\\e".to_string(), Toml11Syntax::EscapeE),
                (
                    "\\xE9".to_string(),
                    Toml11Syntax::EscapeX { hex: "E9".into() }
                ),
                (
                    "\\x41".to_string(),
                    Toml11Syntax::EscapeX { hex: "41".into() }
                ),
            ]
        );
    }

    #[test]
    fn times_without_seconds() {
        let text = "a = 13:37\nb = 1979-05-27 07:32Z\nc = 1979-05-27 07:32-07:00\n\
                    d = 1979-05-27T07:32\n";
        let found = kinds(text);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found.iter().all(|(raw, s)| matches!(s,
            Toml11Syntax::NoSeconds { time } if time == raw)));
    }
}

#[cfg(test)]
mod in_a_briefing {
    use crate::diag::Problem;
    use crate::model::Lang;

    const SAMPLE: &str = include_str!("../../briefings/2024/2024-03-13-hai-ha-dam-ha.toml");

    /// The sample with `from` replaced by `to`: not loaded, one TOML 1.1 error at `place`.
    fn refused(from: &str, to: &str, place: (usize, usize)) -> String {
        assert!(SAMPLE.contains(from), "{from}");
        let text = SAMPLE.replacen(from, to, 1);
        let report = crate::store::parse_file(text.as_bytes(), "s.toml", "2024/s");
        assert!(report.session.is_none(), "{to} loaded");
        let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            matches!(errors[0].problem, Problem::Toml11 { .. }),
            "{errors:?}"
        );
        let at = errors[0].location.as_ref().expect("a place");
        assert_eq!((at.line, at.column), place, "{to}");
        errors[0].line(Lang::En)
    }

    #[test]
    fn each_toml_1_1_construct_is_an_error_with_its_place_and_fix() {
        let line = |s: &str| {
            SAMPLE[..SAMPLE.find(s).expect("in the sample")]
                .lines()
                .count()
                + 1
        };
        let title = line("title = ");
        let said = refused(
            "date = 2024-03-13\n",
            "date = 2024-03-13 08:00\n",
            (title + 2, 19),
        );
        assert!(said.contains("write `08:00:00`"), "{said}");
        let said = refused("title = \"Ban", "title = \"\\xC2n Ban", (title, 10));
        assert!(said.contains("`\\u00C2`"), "{said}");
        let said = refused("title = \"Ban", "title = \"x \\e Ban", (title, 12));
        assert!(said.contains("`\\u001B`"), "{said}");
        let said = refused(
            "to = [\"hai-ha\", \"dam-ha\"]",
            "to = [\"hai-ha\", \"dam-ha\"]\nx = { a = 1, }",
            (line("to = [\"hai-ha\"") + 1, 12),
        );
        assert!(said.contains("remove that comma"), "{said}");
        let said = refused(
            "to = [\"hai-ha\", \"dam-ha\"]",
            "to = [\"hai-ha\", \"dam-ha\"]\nx = {\n a = 1 }",
            (line("to = [\"hai-ha\"") + 1, 6),
        );
        assert!(said.contains("on one line"), "{said}");
    }
}
