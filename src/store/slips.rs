//! The slips Vietnamese authors make in a briefing — dates written `31/03/2027`, the decimal
//! comma `62,5`, thousands dots `1.234.567`, `107%`, `done = "x"`, a directive without `id`,
//! a table name one letter off, a period in words (`"quý II/2024"`) or without quotes
//! (`due = 2024-06`) — recognised, so each gets one message saying what to write.

use std::ops::Range;

use chrono::NaiveDate;

use crate::diag::Problem;
use crate::model::{Period, fold};

/// Where a multi-line string (`"""` or `'''`) opens that the text never closes, and its
/// quotes: the parser reads all the rest of the file into it and stops at the end, far from
/// the place to fix.
pub(super) fn unclosed_multiline(text: &str) -> Option<(usize, &'static str)> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => i += memchr::memchr(b'\n', &b[i..]).unwrap_or(b.len() - i),
            quote @ (b'"' | b'\'') => {
                let (triple, quotes) = if quote == b'"' {
                    (&b"\"\"\""[..], "\"\"\"")
                } else {
                    (&b"'''"[..], "'''")
                };
                let escapes = quote == b'"';
                if b[i..].starts_with(triple) {
                    let start = i;
                    i += 3;
                    loop {
                        match b.get(i) {
                            None => return Some((start, quotes)),
                            Some(b'\\') if escapes => i += 2,
                            Some(_) if b[i..].starts_with(triple) => {
                                i += 3;
                                while b.get(i) == Some(&quote) {
                                    i += 1;
                                }
                                break;
                            }
                            Some(_) => i += 1,
                        }
                    }
                } else {
                    i += 1;
                    while let Some(&c) = b.get(i) {
                        i += 1;
                        match c {
                            b'\\' if escapes => i += 1,
                            b'\n' => break,
                            c if c == quote => break,
                            _ => {}
                        }
                    }
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Keys whose value is a date, where a day-first date is a slip.
const DATE_KEYS: [&str; 2] = ["date", "due"];
/// Keys whose value is a number.
const NUMBER_KEYS: [&str; 3] = ["value", "target", "percent"];

/// A slip TOML cannot parse, on the line where the parser stopped: the value's place in the
/// text, what to say, and the value it should be (so the rest of the file can still be read).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct SyntaxSlip {
    pub span: Range<usize>,
    pub problem: Problem,
    pub fix: String,
}

/// One replacement made in the text so the parser could go on past a slip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Edit {
    at: usize,
    old_len: usize,
    new_len: usize,
}

/// Replaces `span` of `text` by `fix`, recording it in `edits`.
pub(super) fn replace(text: &mut String, edits: &mut Vec<Edit>, span: Range<usize>, fix: &str) {
    edits.push(Edit {
        at: span.start,
        old_len: span.len(),
        new_len: fix.len(),
    });
    text.replace_range(span, fix);
}

/// Where byte `offset` of the text after `edits` was in the text before them (a place inside
/// a replacement is its start).
pub(super) fn original(edits: &[Edit], offset: usize) -> usize {
    edits.iter().rev().fold(offset, |offset, e| {
        if offset >= e.at + e.new_len {
            offset - e.new_len + e.old_len
        } else {
            offset.min(e.at)
        }
    })
}

/// The slip behind the parser's error at byte `error_at` of `text`, if it is one: the last
/// `key = value` of that line starting at or before the error.
pub(super) fn syntax_slip(text: &str, error_at: usize) -> Option<SyntaxSlip> {
    let error_at = error_at.min(text.len());
    let start = text[..error_at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[error_at..]
        .find('\n')
        .map_or(text.len(), |i| error_at + i);
    let line = &text[start..end];
    let (key, value) = assignments(line)
        .into_iter()
        .rfind(|(_, value)| start + value.start <= error_at)?;
    let written = &line[value.clone()];
    let (problem, fix) = classify(key, written)?;
    let span = start + value.start..start + value.end;
    Some(SyntaxSlip { span, problem, fix })
}

/// What the slip `key = written` is, and the value to write instead.
fn classify(key: &str, written: &str) -> Option<(Problem, String)> {
    let key_owned = key.to_string();
    let written_owned = written.to_string();
    if DATE_KEYS.contains(&key) && Period::parse(written).is_some() {
        let problem = Problem::PeriodUnquoted {
            key: key_owned,
            written: written_owned,
        };
        return Some((problem, format!("\"{written}\"")));
    }
    if DATE_KEYS.contains(&key) {
        let date = day_first_date(written)?.format("%Y-%m-%d").to_string();
        let problem = Problem::DateOrder {
            key: key_owned,
            written: written_owned,
            date: date.clone(),
        };
        return Some((problem, date));
    }
    if key == "done" {
        let done = done_word(written);
        let fix = done.unwrap_or(false).to_string();
        return Some((
            Problem::DoneWord {
                written: written_owned,
                done,
            },
            fix,
        ));
    }
    if !NUMBER_KEYS.contains(&key) {
        return None;
    }
    let reading = read_number(written)?;
    let number = reading.number.clone();
    let problem = match reading {
        Reading { percent: true, .. } => Problem::PercentSign {
            key: key_owned,
            written: written_owned,
            number,
        },
        Reading {
            form: Form::ThousandsDots,
            ..
        } => Problem::ThousandsDots {
            key: key_owned,
            written: written_owned,
            number,
        },
        Reading {
            form: Form::DecimalComma,
            ..
        } => Problem::DecimalComma {
            key: key_owned,
            written: written_owned,
            number,
        },
        Reading {
            form: Form::Plain, ..
        } => return None,
    };
    Some((problem, reading.number))
}

/// Every `key = value` of one line, outside strings and before a comment: the key's last
/// part (`percent` of `a.percent`, quotes removed) and where the unquoted value is in the line.
fn assignments(line: &str) -> Vec<(&str, Range<usize>)> {
    let mut found = Vec::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut key_start = 0;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => escaped = true,
            (Some(q), c) if c == q && !escaped => quote = None,
            (Some(_), _) => escaped = false,
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => break,
            (None, '{' | ',' | '[') => key_start = i + 1,
            (None, '=') => {
                let key = last_key_part(&line[key_start..i]);
                let value = unquoted_value(line, i + 1);
                if !key.is_empty() && !value.is_empty() {
                    found.push((key, value));
                }
            }
            _ => {}
        }
    }
    found
}

fn last_key_part(key: &str) -> &str {
    let key = key.trim();
    let last = key.rsplit('.').next().unwrap_or(key).trim();
    last.trim_matches(|c| c == '"' || c == '\'')
}

/// The bare value starting after `=` at byte `from`: up to a space, a bracket, a quote or a
/// comment, without a trailing comma.
fn unquoted_value(line: &str, from: usize) -> Range<usize> {
    let rest = &line[from..];
    let start = from + (rest.len() - rest.trim_start().len());
    let len = line[start..]
        .find(|c: char| c.is_whitespace() || "{}[]#\"'=".contains(c))
        .unwrap_or(line.len() - start);
    let value = line[start..start + len].trim_end_matches(',');
    start..start + value.len()
}

/// `31/03/2027`, `13-03-2024`, `13.03.2024`, `2024/3/13` or `2024-3-13`: a date in a form
/// TOML does not read, as the date it is (day first unless the year is).
pub(super) fn day_first_date(text: &str) -> Option<NaiveDate> {
    let sep = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|d| d.is_ascii_digit()))
    {
        return None;
    }
    let (y, m, d) = match (a.len(), c.len()) {
        (4, 1..=2) if b.len() <= 2 => (a, b, c),
        (1..=2, 4) if b.len() <= 2 => (c, b, a),
        _ => return None,
    };
    let is_toml = sep == '-' && y == a && m.len() == 2 && d.len() == 2;
    if is_toml {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A period written in words or in another order, as the period it means: `quý II/2024`,
/// `Q2/2024` (quarters), `6/2024`, `tháng 6 năm 2024` (months), `6 tháng đầu năm 2024`,
/// `H2/2024` (halves), `năm 2024` (the year). Accents and case do not matter.
pub(super) fn period_in_words(text: &str) -> Option<Period> {
    let folded = fold::fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    let (year, rest) = words.split_last()?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let rest = rest.strip_suffix(&["nam"]).unwrap_or(rest);
    let period = match rest {
        [] => Period::Year(year),
        ["6", "thang", "dau"] | ["h1"] => Period::Half(year, 1),
        ["6", "thang", "cuoi"] | ["h2"] => Period::Half(year, 2),
        ["quy", q] => Period::Quarter(year, quarter(q)?),
        [q] if q.starts_with('q') => Period::Quarter(year, quarter(&q[1..])?),
        ["thang", m] => Period::Month(year, month(m)?),
        [m] => Period::Month(year, month(m.strip_prefix('t').unwrap_or(m))?),
        _ => return None,
    };
    Some(period)
}

/// `2`, `II`: a quarter from 1 to 4 (folded: lower case).
fn quarter(word: &str) -> Option<u8> {
    match word {
        "1" | "i" => Some(1),
        "2" | "ii" => Some(2),
        "3" | "iii" => Some(3),
        "4" | "iv" => Some(4),
        _ => None,
    }
}

/// `6`, `06`: a month from 1 to 12.
fn month(word: &str) -> Option<u32> {
    let ok = (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| word.parse().ok())
        .flatten()
        .filter(|m| (1..=12).contains(m))
}

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `62.5`, `33497`.
    Plain,
    /// `62,5`.
    DecimalComma,
    /// `1.234.567`, `1.234,5`.
    ThousandsDots,
}

/// A number as a person wrote it, and as TOML wants it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reading {
    /// The TOML number: `62.5`, `1234567`.
    pub number: String,
    /// It ended in `%`.
    pub percent: bool,
    form: Form,
}

/// `62,5`, `1.234.567`, `1.234,5`, `107%`, `-3`, `62.5`: the number meant, if it is one.
pub(super) fn read_number(text: &str) -> Option<Reading> {
    let (body, percent) = match text.trim().strip_suffix('%') {
        Some(body) => (body.trim_end(), true),
        None => (text.trim(), false),
    };
    let (sign, digits) = match body.strip_prefix(['-', '+']) {
        Some(rest) => (if body.starts_with('-') { "-" } else { "" }, rest),
        None => ("", body),
    };
    let (whole, fraction) = match digits.split_once(',') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let groups: Vec<&str> = whole.split('.').collect();
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !groups.iter().all(|g| all_digits(g)) || fraction.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let thousands = (groups.len() > 2 || (groups.len() == 2 && fraction.is_some()))
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3);
    let (form, mut number) = match (thousands, groups.len(), fraction) {
        (true, _, _) => (Form::ThousandsDots, groups.concat()),
        (false, 1, Some(_)) => (Form::DecimalComma, whole.to_string()),
        (false, 1 | 2, None) => (Form::Plain, whole.to_string()),
        _ => return None,
    };
    if let Some(f) = fraction {
        number.push('.');
        number.push_str(f);
    }
    Some(Reading {
        number: format!("{sign}{number}"),
        percent,
        form,
    })
}

/// What `done = …` most likely means: `x`, `có`, `rồi`, `xong`, `yes` are done; `không`,
/// `chưa`, `no`, empty are not; anything else is not known.
pub(super) fn done_word(text: &str) -> Option<bool> {
    let word = fold::fold(text.trim().trim_matches(|c| c == '"' || c == '\''));
    match word.trim() {
        "x" | "v" | "✓" | "✔" | "1" | "true" | "yes" | "y" | "ok" | "done" | "co" | "roi"
        | "xong" | "da xong" | "da" | "hoan thanh" | "da hoan thanh" => Some(true),
        "" | "0" | "false" | "no" | "n" | "khong" | "chua" | "chua xong" => Some(false),
        _ => None,
    }
}

/// An id for a directive made from the first words of its `text`, folded to ASCII with `-`
/// (`Kiểm soát tốt ma túy trên địa bàn` → `kiem-soat-tot-ma-tuy`), not one `taken` already.
pub(super) fn id_from_text(text: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    const WORDS: usize = 5;
    let slug = fold::slug(text);
    let base: Vec<&str> = slug
        .split('-')
        .filter(|w| !w.is_empty())
        .take(WORDS)
        .collect();
    if base.is_empty() {
        return None;
    }
    let base = base.join("-");
    (1..)
        .map(|n| match n {
            1 => base.clone(),
            n => format!("{base}-{n}"),
        })
        .find(|id| !taken(id))
}

/// `33.497` (exactly three decimals, one to three digits before the point): the whole number
/// it is when the dot separates thousands, `33497`.
pub(super) fn thousands_reading(float: &str) -> Option<String> {
    let (whole, decimals) = float.split_once('.')?;
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let plausible = (1..=3).contains(&whole.len())
        && !whole.starts_with('0')
        && decimals.len() == 3
        && digits(whole)
        && digits(decimals);
    plausible.then(|| format!("{whole}{decimals}"))
}

/// The known table name that `name` misses by one edit (`indicators` → `indicator`), or
/// whose plural it is, give or take one edit (`localities` → `locality`).
pub(super) fn near_table<'k>(name: &str, tables: &[&'k str]) -> Option<&'k str> {
    let near = |a: &str, b: &str| strsim::osa_distance(a, b) <= 1;
    tables
        .iter()
        .copied()
        .find(|t| name != *t && (near(name, t) || plurals(t).iter().any(|p| near(name, p))))
}

/// The English plurals a table name may be written as: `locality` → `localities`,
/// `image` → `images`, `compare` → `compares`.
fn plurals(name: &str) -> Vec<String> {
    let mut out = vec![format!("{name}s"), format!("{name}es")];
    if let Some(stem) = name.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    }
    out
}

/// How a misnamed table was written on its line of `src` (the key at `key`), and the same
/// with the right name: `[[district.indicators]]` → `[[district.indicator]]`, or the key alone
/// when it is not a header (`compares = [...]`).
pub(super) fn table_header(src: &str, key: Range<usize>, right: &str) -> (String, String) {
    let start = src[..key.start].rfind('\n').map_or(0, |i| i + 1);
    let end = src[key.end..].find('\n').map_or(src.len(), |i| key.end + i);
    let line = &src[start..end];
    let header_start = line.len() - line.trim_start().len();
    let close = line[key.end - start..]
        .find(']')
        .map(|i| key.end - start + i);
    let (from, to) = match close {
        Some(close) if line[header_start..].starts_with('[') => {
            let to = if line[close..].starts_with("]]") {
                close + 2
            } else {
                close + 1
            };
            (header_start, to)
        }
        _ => (key.start - start, key.end - start),
    };
    let written = line[from..to].to_string();
    let fixed = format!(
        "{}{right}{}",
        &line[from..key.start - start],
        &line[key.end - start..to]
    );
    (written, fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slip(text: &str) -> Option<(Problem, String)> {
        let at = toml::de::DeTable::parse(text)
            .err()?
            .span()
            .map_or(0, |s| s.start);
        syntax_slip(text, at).map(|s| {
            assert_eq!(&text[s.span.clone()].len(), &text[s.span].trim().len());
            (s.problem, s.fix)
        })
    }

    /// The fix of the slip in `text`.
    fn fix(text: &str) -> String {
        slip(text).expect(text).1
    }

    #[test]
    fn slips_the_parser_stops_at_are_recognised() {
        assert!(matches!(
            slip("due = 31/03/2027\n"),
            Some((Problem::DateOrder { .. }, _))
        ));
        assert_eq!(fix("due = 31/03/2027\n"), "2027-03-31");
        assert_eq!(fix("date = 13-03-2024\n"), "2024-03-13");
        assert_eq!(fix("date = 13.03.2024\n"), "2024-03-13");
        assert_eq!(fix("date = 2024-3-13\n"), "2024-03-13");
        assert_eq!(fix("value = 62,5\n"), "62.5");
        assert_eq!(
            slip("compare = [{ label = \"x\", percent = 107,5 }]\n")
                .expect("inline")
                .1,
            "107.5"
        );
        assert_eq!(fix("value = 1.234.567\n"), "1234567");
        assert_eq!(fix("value = 33.497,5\n"), "33497.5");
        assert_eq!(fix("percent = 107%\n"), "107");
        assert_eq!(fix("done = x\n"), "true");
        assert_eq!(fix("done = chưa\n"), "false");
    }

    #[test]
    fn periods_without_quotes_are_quoted() {
        assert_eq!(fix("due = 2024-06\n"), "\"2024-06\"");
        assert_eq!(fix("date = 2023-01\n"), "\"2023-01\"");
        assert_eq!(fix("due = 2024-Q2\n"), "\"2024-Q2\"");
        assert!(matches!(
            slip("due = 2024-06\n"),
            Some((Problem::PeriodUnquoted { .. }, _))
        ));
    }

    #[test]
    fn periods_in_words_are_read() {
        let p = |t: &str| period_in_words(t).map(|p| p.to_string());
        for (text, period) in [
            ("quý II/2024", "2024-Q2"),
            ("Quý 2 năm 2024", "2024-Q2"),
            ("Q4/2024", "2024-Q4"),
            ("q1 2024", "2024-Q1"),
            ("6/2024", "2024-06"),
            ("06/2024", "2024-06"),
            ("tháng 6/2024", "2024-06"),
            ("tháng 12 năm 2024", "2024-12"),
            ("T6/2024", "2024-06"),
            ("năm 2024", "2024"),
            ("6 tháng đầu năm 2024", "2024-H1"),
            ("6 tháng cuối năm 2024", "2024-H2"),
            ("H2/2024", "2024-H2"),
        ] {
            assert_eq!(p(text).as_deref(), Some(period), "{text}");
        }
        for text in [
            "quý V/2024",
            "13/2024",
            "tháng 6",
            "trước Đại hội",
            "2024/06",
            "hết 2024x",
        ] {
            assert_eq!(p(text), None, "{text}");
        }
    }

    #[test]
    fn other_errors_are_left_to_the_parser() {
        assert_eq!(slip("title = Hello world\n"), None);
        assert_eq!(slip("title = 13/03/2024\n"), None, "not a date key");
        assert_eq!(slip("due = 31/02/2027\n"), None, "not a date");
        assert_eq!(slip("value = \"62,5\n"), None);
        assert_eq!(slip("label = \"a = 62,5\" x\n"), None);
        assert_eq!(slip("value = 1 000\n"), None);
    }

    #[test]
    fn numbers_as_people_write_them() {
        let n = |t: &str| read_number(t).map(|r| (r.number, r.percent, r.form));
        assert_eq!(n("62,5"), Some(("62.5".into(), false, Form::DecimalComma)));
        assert_eq!(n("107%"), Some(("107".into(), true, Form::Plain)));
        assert_eq!(
            n("107,5 %"),
            Some(("107.5".into(), true, Form::DecimalComma))
        );
        assert_eq!(n("-3"), Some(("-3".into(), false, Form::Plain)));
        assert_eq!(n("33.497"), Some(("33.497".into(), false, Form::Plain)));
        assert_eq!(
            n("1.234.567"),
            Some(("1234567".into(), false, Form::ThousandsDots))
        );
        assert_eq!(n("1.23.4"), None);
        assert_eq!(n("abc"), None);
        assert_eq!(n(""), None);
    }

    #[test]
    fn dates_day_first_or_not_in_toml_form() {
        let d = |t: &str| day_first_date(t).map(|d| d.to_string());
        assert_eq!(d("31/03/2027").as_deref(), Some("2027-03-31"));
        assert_eq!(d("1/3/2027").as_deref(), Some("2027-03-01"));
        assert_eq!(d("2027/03/31").as_deref(), Some("2027-03-31"));
        assert_eq!(d("2027-03-31"), None, "already TOML's form");
        assert_eq!(d("31/13/2027"), None);
        assert_eq!(d("31/03/27"), None);
    }

    #[test]
    fn done_words_and_ids_and_thousands() {
        assert_eq!(done_word("\"x\""), Some(true));
        assert_eq!(done_word("Rồi"), Some(true));
        assert_eq!(done_word("chưa"), Some(false));
        assert_eq!(done_word("maybe"), None);
        let taken = |id: &str| id == "kiem-soat-tot-ma-tuy";
        assert_eq!(
            id_from_text("Kiểm soát tốt ma túy trên địa bàn", |_| false).as_deref(),
            Some("kiem-soat-tot-ma-tuy")
        );
        assert_eq!(
            id_from_text("Kiểm soát tốt ma túy trên địa bàn", taken).as_deref(),
            Some("kiem-soat-tot-ma-tuy-2")
        );
        assert_eq!(id_from_text("…", |_| false), None);
        assert_eq!(thousands_reading("33.497").as_deref(), Some("33497"));
        assert_eq!(thousands_reading("0.125"), None);
        assert_eq!(thousands_reading("1.25"), None);
        assert_eq!(thousands_reading("1234.567"), None);
    }

    #[test]
    fn places_after_replacements_map_back() {
        let mut text = "due = 1/3/2027\nx = 62,5\n".to_string();
        let mut edits = Vec::new();
        replace(&mut text, &mut edits, 6..14, "2027-03-01");
        assert_eq!(text, "due = 2027-03-01\nx = 62,5\n");
        let x = text.find('x').expect("x");
        assert_eq!(original(&edits, x), 15);
        assert_eq!(original(&edits, 8), 6);
        assert_eq!(original(&edits, 2), 2);
    }

    #[test]
    fn misnamed_tables_are_shown_as_written_and_as_meant() {
        let src = "[[district.indicators]] # x\nname = 1\n";
        let key = src.find("indicators").expect("key");
        assert_eq!(
            table_header(src, key..key + 10, "indicator"),
            (
                "[[district.indicators]]".into(),
                "[[district.indicator]]".into()
            )
        );
        let inline = "compares = [{ label = \"x\" }]\n";
        assert_eq!(
            table_header(inline, 0..8, "compare"),
            ("compares".into(), "compare".into())
        );
        assert_eq!(
            near_table("indicators", &["indicator", "directive"]),
            Some("indicator")
        );
        assert_eq!(near_table("summary", &["indicator", "directive"]), None);
        let top = ["session", "district", "locality", "directive"];
        assert_eq!(near_table("localities", &top), Some("locality"));
        assert_eq!(near_table("localitis", &top), Some("locality"));
        assert_eq!(near_table("districts", &top), Some("district"));
        assert_eq!(near_table("sessions", &top), Some("session"));
        assert_eq!(near_table("locality", &top), None);
        assert_eq!(near_table("reference", &["references"]), Some("references"));
    }
}
