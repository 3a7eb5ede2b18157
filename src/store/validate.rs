//! Turns the parsed TOML of one file into a `Session`, reporting every problem
//! with its place: missing keys, wrong types, bad values, duplicate ids,
//! unknown keys (with the closest known key as a suggestion).

use std::collections::HashSet;
use std::ops::Range;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::{Datetime, Offset};

use crate::diag::{Diagnostic, Severity, suggestion, type_name};
use crate::model::{
    Better, Bound, Comparison, Directive, District, FORMAT_VERSION, Indicator, Participant,
    Session, SessionDate, fold,
};

type Value<'i> = Spanned<DeValue<'i>>;

const TOP_KEYS: &[&str] = &["version", "session", "district", "directive"];
const SESSION_KEYS: &[&str] = &[
    "title",
    "date",
    "host",
    "chair",
    "topic",
    "location",
    "source",
    "tags",
    "summary",
    "participant",
];
const PARTICIPANT_KEYS: &[&str] = &["name", "role", "part"];
const DISTRICT_KEYS: &[&str] = &[
    "name",
    "id",
    "summary",
    "highlights",
    "strengths",
    "shortcomings",
    "indicator",
    "directive",
];
const INDICATOR_KEYS: &[&str] = &[
    "name",
    "value",
    "unit",
    "bound",
    "period",
    "target",
    "target_label",
    "compare",
    "better",
];
const COMPARE_KEYS: &[&str] = &["label", "percent"];
const DIRECTIVE_KEYS: &[&str] = &[
    "id", "text", "owner", "due", "note", "done", "done_at", "done_by",
];

/// Collects the diagnostics of one file.
pub(super) struct Checker<'s> {
    src: &'s str,
    path: &'s str,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl<'s> Checker<'s> {
    pub(super) fn new(src: &'s str, path: &'s str) -> Self {
        Checker {
            src,
            path,
            diagnostics: Vec::new(),
        }
    }

    pub(super) fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(Severity::Error, span, message.into());
    }

    fn warn(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(Severity::Warning, span, message.into());
    }

    fn push(&mut self, severity: Severity, span: Range<usize>, message: String) {
        self.diagnostics
            .push(Diagnostic::new(self.path, severity, message).at(self.src, span));
    }

    fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// `s` in NFC, safe to print: a tab becomes a space, a carriage return goes,
/// and any other control character (which could drive the terminal when
/// printed) becomes `�`. Most text needs none of this, and is only copied.
fn clean(s: &str) -> String {
    let text = fold::nfc(s);
    if !has_control(&text) {
        return text.into_owned();
    }
    text.chars()
        .filter(|&c| c != '\r')
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() && c != '\n' => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Whether `s` holds a control character other than a line feed (C0, DEL or C1), scanned as
/// bytes: C1 characters are the only ones whose UTF-8 starts with 0xC2 0x80–0x9F.
fn has_control(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && b != b'\n')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// Numbers below an unknown key are not read, but they must still be numbers TOML can hold:
/// the write-back parses the whole file, and must refuse exactly what `check` refuses.
fn check_numbers(ck: &mut Checker<'_>, value: &Value<'_>) {
    match value.get_ref() {
        DeValue::Integer(i) if i64::from_str_radix(i.as_str(), i.radix()).is_err() => ck.error(
            value.span(),
            "invalid TOML: this integer is malformed or too large (at most 19 digits, ±9223372036854775807)",
        ),
        DeValue::Float(f) => {
            let text = f.as_str();
            let special = text.contains("inf") || text.contains("nan");
            if !special && !text.parse::<f64>().is_ok_and(f64::is_finite) {
                ck.error(
                    value.span(),
                    "invalid TOML: this number is too large for a floating-point value",
                );
            }
        }
        DeValue::Array(items) => items.iter().for_each(|item| check_numbers(ck, item)),
        DeValue::Table(table) => table.iter().for_each(|(_, v)| check_numbers(ck, v)),
        _ => {}
    }
}

/// One table of the file, with what it is called in messages.
struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    what: String,
}

impl<'t, 'i> Fields<'t, 'i> {
    fn new(table: &'t DeTable<'i>, span: Range<usize>, what: impl Into<String>) -> Self {
        Fields {
            table,
            span,
            what: what.into(),
        }
    }

    fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    fn warn_unknown_keys(&self, ck: &mut Checker<'_>, known: &[&str]) {
        for (key, value) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            check_numbers(ck, value);
            let hint = suggestion(name, known, "known keys");
            ck.warn(
                key.span(),
                format!("unknown key `{name}` in {}; {hint}", self.what),
            );
        }
    }

    fn missing(&self, ck: &mut Checker<'_>, key: &str, example: &str) {
        ck.error(
            self.span.clone(),
            format!(
                "{} is missing the required key `{key}` (for example `{key} = {example}`)",
                self.what
            ),
        );
    }

    fn wrong_type(&self, ck: &mut Checker<'_>, key: &str, value: &Value<'_>, expected: &str) {
        ck.error(
            value.span(),
            format!(
                "`{key}` in {} must be {expected}, found {}",
                self.what,
                type_name(value.get_ref())
            ),
        );
    }

    fn string(&self, ck: &mut Checker<'_>, key: &str) -> Option<String> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(clean(s)),
            _ => {
                self.wrong_type(ck, key, value, "a string");
                None
            }
        }
    }

    fn required_string(&self, ck: &mut Checker<'_>, key: &str, example: &str) -> Option<String> {
        if self.get(key).is_none() {
            self.missing(ck, key, example);
        }
        self.string(ck, key)
    }

    fn strings(&self, ck: &mut Checker<'_>, key: &str) -> Vec<String> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(ck, key, value, "an array of strings");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(clean(s)),
                other => ck.error(
                    item.span(),
                    format!(
                        "every item of `{key}` in {} must be a string, found {}",
                        self.what,
                        type_name(other)
                    ),
                ),
            }
        }
        out
    }

    fn number(&self, ck: &mut Checker<'_>, key: &str) -> Option<(f64, Range<usize>)> {
        let value = self.get(key)?;
        let n = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            _ => {
                self.wrong_type(ck, key, value, "a number (integer or float)");
                return None;
            }
        };
        match n.filter(|n| n.is_finite()) {
            Some(n) => Some((n, value.span())),
            None => {
                ck.error(
                    value.span(),
                    format!("`{key}` in {} must be a finite number", self.what),
                );
                None
            }
        }
    }

    fn boolean(&self, ck: &mut Checker<'_>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(ck, key, value, "true or false");
                None
            }
        }
    }

    fn datetime(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        expected: &str,
    ) -> Option<(Datetime, Range<usize>)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Datetime(dt) => Some((*dt, value.span())),
            DeValue::String(s) => {
                ck.error(
                    value.span(),
                    format!(
                        "`{key}` in {} must be {expected} written without quotes, found the string \"{s}\"",
                        self.what
                    ),
                );
                None
            }
            _ => {
                self.wrong_type(ck, key, value, expected);
                None
            }
        }
    }

    fn keyword<T>(
        &self,
        ck: &mut Checker<'_>,
        key: &str,
        names: &[&str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let s = self.string(ck, key)?;
        let parsed = parse(&s);
        if parsed.is_none() {
            let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
            let span = self.get(key).map(|v| v.span()).unwrap_or(self.span.clone());
            ck.error(
                span,
                format!(
                    "`{key}` in {} must be one of {}, found \"{s}\"",
                    self.what,
                    quoted.join(", ")
                ),
            );
        }
        parsed
    }

    /// The entries of an array of tables (`[[x]]` or `x = [{..}, {..}]`).
    fn tables(&self, ck: &mut Checker<'_>, key: &str) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(ck, key, value, &format!("an array of tables (`[[{key}]]`)"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                other => ck.error(
                    item.span(),
                    format!(
                        "every item of `{key}` in {} must be a table, found {}",
                        self.what,
                        type_name(other)
                    ),
                ),
            }
        }
        out
    }
}

fn to_date(d: toml::value::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

fn to_time(t: toml::value::Time) -> Option<NaiveTime> {
    NaiveTime::from_hms_nano_opt(
        t.hour.into(),
        t.minute.into(),
        t.second.unwrap_or(0).into(),
        t.nanosecond.unwrap_or(0),
    )
}

fn to_offset(o: Offset) -> Option<FixedOffset> {
    match o {
        Offset::Z => FixedOffset::east_opt(0),
        Offset::Custom { minutes } => FixedOffset::east_opt(i32::from(minutes) * 60),
    }
}

fn to_session_date(dt: Datetime) -> Option<SessionDate> {
    let date = to_date(dt.date?)?;
    let Some(time) = dt.time else {
        return dt.offset.is_none().then_some(SessionDate::Date(date));
    };
    let local = NaiveDateTime::new(date, to_time(time)?);
    match dt.offset {
        None => Some(SessionDate::Local(local)),
        Some(o) => local
            .and_local_timezone(to_offset(o)?)
            .single()
            .map(SessionDate::Offset),
    }
}

fn to_offset_datetime(dt: Datetime) -> Option<DateTime<FixedOffset>> {
    match to_session_date(dt)? {
        SessionDate::Offset(dt) => Some(dt),
        _ => None,
    }
}

fn to_local_date(dt: Datetime) -> Option<NaiveDate> {
    match to_session_date(dt)? {
        SessionDate::Date(d) => Some(d),
        _ => None,
    }
}

/// Checks a parsed document and builds its session (`None` when it has errors).
pub(super) fn session(
    ck: &mut Checker<'_>,
    root: &Spanned<DeTable<'_>>,
    id: &str,
) -> Option<Session> {
    let top = Fields::new(root.get_ref(), 0..0, "the file");
    top.warn_unknown_keys(ck, TOP_KEYS);
    check_version(ck, &top);

    let info = match top.get("session") {
        Some(v) => match v.get_ref() {
            DeValue::Table(t) => session_info(ck, Fields::new(t, v.span(), "[session]")),
            _ => {
                top.wrong_type(ck, "session", v, "a table (`[session]`)");
                None
            }
        },
        None => {
            ck.error(
                0..0,
                "the file has no [session] table; add one with at least `title = \"…\"` and `date = 2024-03-13`",
            );
            None
        }
    };

    let mut ids = DirectiveIds::default();
    let directives = directive_list(ck, &top, "[[directive]]", &mut ids);
    let districts = districts(ck, &top, &mut ids);

    let info = info?;
    if ck.has_errors() {
        return None;
    }
    Some(Session {
        id: id.to_string(),
        title: info.title,
        date: info.date,
        host: info.host,
        chair: info.chair,
        topic: info.topic,
        location: info.location,
        source: info.source,
        tags: info.tags,
        summary: info.summary,
        participants: info.participants,
        districts,
        directives,
    })
}

fn check_version(ck: &mut Checker<'_>, top: &Fields<'_, '_>) {
    let Some(value) = top.get("version") else {
        return;
    };
    match value.get_ref() {
        DeValue::Integer(i) if i.as_str() == FORMAT_VERSION.to_string() && i.radix() == 10 => {}
        DeValue::Integer(i) => ck.error(
            value.span(),
            format!(
                "unsupported format version {i}; this viewer reads version {FORMAT_VERSION} (write `version = {FORMAT_VERSION}` or leave it out)"
            ),
        ),
        _ => top.wrong_type(ck, "version", value, "an integer"),
    }
}

struct SessionInfo {
    title: String,
    date: SessionDate,
    host: Option<String>,
    chair: Option<String>,
    topic: Option<String>,
    location: Option<String>,
    source: Option<String>,
    tags: Vec<String>,
    summary: Option<String>,
    participants: Vec<Participant>,
}

fn session_info(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<SessionInfo> {
    f.warn_unknown_keys(ck, SESSION_KEYS);
    let title = f.required_string(ck, "title", "\"Ban Thường vụ Tỉnh ủy làm việc với …\"");
    let date = session_date(ck, &f);
    let participants = f
        .tables(ck, "participant")
        .into_iter()
        .enumerate()
        .filter_map(|(i, (t, span))| {
            participant(
                ck,
                Fields::new(t, span, format!("[[session.participant]] #{}", i + 1)),
            )
        })
        .collect();
    Some(SessionInfo {
        host: f.string(ck, "host"),
        chair: f.string(ck, "chair"),
        topic: f.string(ck, "topic"),
        location: f.string(ck, "location"),
        source: f.string(ck, "source"),
        tags: f.strings(ck, "tags"),
        summary: f.string(ck, "summary"),
        participants,
        title: title?,
        date: date?,
    })
}

fn session_date(ck: &mut Checker<'_>, f: &Fields<'_, '_>) -> Option<SessionDate> {
    const EXPECTED: &str = "a date (`2024-03-13`), a local date-time (`2024-03-13T08:00:00`) or an offset date-time (`2024-03-13T08:00:00+07:00`)";
    if f.get("date").is_none() {
        f.missing(ck, "date", "2024-03-13");
        return None;
    }
    let (dt, span) = f.datetime(ck, "date", EXPECTED)?;
    let parsed = to_session_date(dt);
    if parsed.is_none() {
        ck.error(
            span,
            format!("`date` in [session] must be {EXPECTED}, found `{dt}`"),
        );
    }
    parsed
}

fn participant(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Participant> {
    f.warn_unknown_keys(ck, PARTICIPANT_KEYS);
    Some(Participant {
        role: f.string(ck, "role"),
        part: f.string(ck, "part"),
        name: f.required_string(ck, "name", "\"Nguyễn Văn A\"")?,
    })
}

fn districts(ck: &mut Checker<'_>, top: &Fields<'_, '_>, ids: &mut DirectiveIds) -> Vec<District> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (i, (table, span)) in top.tables(ck, "district").into_iter().enumerate() {
        let name_hint = table
            .iter()
            .find(|(k, _)| k.get_ref() == "name")
            .and_then(|(_, v)| v.get_ref().as_str().map(clean));
        let what = match &name_hint {
            Some(n) => format!("[[district]] #{} ({n})", i + 1),
            None => format!("[[district]] #{}", i + 1),
        };
        let f = Fields::new(table, span.clone(), what);
        if let Some(d) = district(ck, &f, ids) {
            if seen.insert(d.id.clone()) {
                out.push(d);
            } else {
                let at = f
                    .get("id")
                    .or(f.get("name"))
                    .map(|v| v.span())
                    .unwrap_or(span);
                ck.error(
                    at,
                    format!(
                        "two districts have the id `{}`; give one of them a different `id = \"…\"`",
                        d.id
                    ),
                );
            }
        }
    }
    out
}

fn district(ck: &mut Checker<'_>, f: &Fields<'_, '_>, ids: &mut DirectiveIds) -> Option<District> {
    f.warn_unknown_keys(ck, DISTRICT_KEYS);
    let name = f.required_string(ck, "name", "\"Hải Hà\"");
    let id = f.string(ck, "id");
    if let (Some(id), Some(v)) = (&id, f.get("id"))
        && id.trim().is_empty()
    {
        ck.error(v.span(), format!("`id` in {} must not be empty", f.what));
    }
    let indicators = f
        .tables(ck, "indicator")
        .into_iter()
        .enumerate()
        .filter_map(|(i, (t, span))| {
            indicator(
                ck,
                Fields::new(t, span, format!("indicator #{} of {}", i + 1, f.what)),
            )
        })
        .collect();
    let directives = directive_list(ck, f, &format!("a directive of {}", f.what), ids);
    let name = name?;
    Some(District {
        id: id.unwrap_or_else(|| fold::slug(&name)),
        summary: f.string(ck, "summary"),
        highlights: f.strings(ck, "highlights"),
        strengths: f.strings(ck, "strengths"),
        shortcomings: f.strings(ck, "shortcomings"),
        name,
        indicators,
        directives,
    })
}

fn indicator(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Indicator> {
    f.warn_unknown_keys(ck, INDICATOR_KEYS);
    let name = f.required_string(ck, "name", "\"Tổng giá trị sản xuất\"");
    if f.get("value").is_none() {
        f.missing(ck, "value", "33497");
    }
    let value = f.number(ck, "value");
    let target = f.number(ck, "target");
    if let Some((t, span)) = &target
        && *t <= 0.0
    {
        ck.error(
            span.clone(),
            format!("`target` in {} must be greater than 0, found {t}", f.what),
        );
    }
    let compare = f
        .tables(ck, "compare")
        .into_iter()
        .filter_map(|(t, span)| {
            comparison(
                ck,
                Fields::new(t, span, format!("a `compare` entry of {}", f.what)),
            )
        })
        .collect();
    Some(Indicator {
        unit: f.string(ck, "unit").map(|u| u.trim().to_string()),
        bound: f
            .keyword(ck, "bound", &Bound::NAMES, Bound::parse)
            .unwrap_or_default(),
        period: f.string(ck, "period"),
        target_label: f.string(ck, "target_label"),
        better: f
            .keyword(ck, "better", &Better::NAMES, Better::parse)
            .unwrap_or_default(),
        compare,
        target: target.map(|(t, _)| t),
        name: name?,
        value: value?.0,
    })
}

fn comparison(ck: &mut Checker<'_>, f: Fields<'_, '_>) -> Option<Comparison> {
    f.warn_unknown_keys(ck, COMPARE_KEYS);
    let label = f.required_string(ck, "label", "\"so với năm 2022\"");
    if f.get("percent").is_none() {
        f.missing(ck, "percent", "107");
    }
    let (percent, span) = f.number(ck, "percent")?;
    if percent < 0.0 {
        ck.error(
            span,
            format!("`percent` in {} must be 0 or more, found {percent}", f.what),
        );
    }
    Some(Comparison {
        label: label?,
        percent,
    })
}

/// Directive ids seen so far in the file, which must be unique across it.
#[derive(Default)]
struct DirectiveIds(HashSet<String>);

/// Letters, digits, `.`, `_`, `-`.
fn is_valid_directive_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The `[[directive]]` entries of `parent`; `owner` names each in messages (`{owner} #2`).
fn directive_list(
    ck: &mut Checker<'_>,
    parent: &Fields<'_, '_>,
    owner: &str,
    ids: &mut DirectiveIds,
) -> Vec<Directive> {
    parent
        .tables(ck, "directive")
        .into_iter()
        .enumerate()
        .filter_map(|(i, (t, span))| {
            directive(ck, Fields::new(t, span, format!("{owner} #{}", i + 1)), ids)
        })
        .collect()
}

fn directive(ck: &mut Checker<'_>, f: Fields<'_, '_>, ids: &mut DirectiveIds) -> Option<Directive> {
    f.warn_unknown_keys(ck, DIRECTIVE_KEYS);
    let id = f.required_string(ck, "id", "\"dh-ntm-kieu-mau\"");
    let id_span = f.get("id").map(|v| v.span()).unwrap_or(f.span.clone());
    let id = id.and_then(|id| {
        if !is_valid_directive_id(&id) {
            ck.error(
                id_span.clone(),
                format!(
                    "directive id \"{id}\" may only use letters, digits, `.`, `_` and `-` (for example \"hh-ma-tuy\")"
                ),
            );
            None
        } else if !ids.0.insert(id.clone()) {
            ck.error(
                id_span.clone(),
                format!("directive id \"{id}\" is used twice in this file; every directive needs its own id"),
            );
            None
        } else {
            Some(id)
        }
    });
    let text = f.required_string(ck, "text", "\"…\"");
    let due = f
        .datetime(ck, "due", "a date like `2024-06-30`")
        .and_then(|(dt, span)| {
            let d = to_local_date(dt);
            if d.is_none() {
                ck.error(
                    span,
                    format!(
                        "`due` in {} must be a date like `2024-06-30`, found `{dt}`",
                        f.what
                    ),
                );
            }
            d
        });
    let done_at = f
        .datetime(ck, "done_at", "an offset date-time like `2024-03-20T09:15:00+07:00`")
        .and_then(|(dt, span)| {
            let d = to_offset_datetime(dt);
            if d.is_none() {
                ck.error(
                    span,
                    format!("`done_at` in {} must be an offset date-time like `2024-03-20T09:15:00+07:00`, found `{dt}`", f.what),
                );
            }
            d
        });
    Some(Directive {
        owner: f.string(ck, "owner"),
        note: f.string(ck, "note"),
        done: f.boolean(ck, "done").unwrap_or(false),
        done_by: f.string(ck, "done_by"),
        due,
        done_at,
        id: id?,
        text: text?,
    })
}

#[cfg(test)]
mod control_tests {
    use super::has_control;

    #[test]
    fn control_characters_are_found_as_bytes_as_they_are_as_chars() {
        let samples = [
            "Đầm Hà\n",
            "a\tb",
            "x\u{7f}",
            "\u{85}next",
            "\u{9f}",
            "\u{a0}ok",
            "Â\u{80}",
            "ủy",
        ];
        for s in samples {
            let by_char = s.chars().any(|c| c.is_control() && c != '\n');
            assert_eq!(has_control(s), by_char, "{s:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_made_safe_to_print() {
        assert_eq!(clean("a\tb"), "a b");
        assert_eq!(clean("dòng 1\r\ndòng 2"), "dòng 1\ndòng 2");
        assert_eq!(clean("x\u{7}y\u{1b}[2J"), "x\u{fffd}y\u{fffd}[2J");
        assert_eq!(clean("Ha\u{300}"), "Hà");
    }

    #[test]
    fn directive_ids() {
        assert!(is_valid_directive_id("hh-ma-tuy.2024_1"));
        assert!(!is_valid_directive_id(""));
        assert!(!is_valid_directive_id("a b"));
        assert!(!is_valid_directive_id("a/b"));
    }
}
