//! A briefing's follow-up as the merge reads it from the text: for each directive its
//! check-off keys as written (`done`, `done_at`, `done_by`, before the progress log is taken
//! into account) and its progress entries, each with the bytes it occupies, so an entry can be
//! copied from one version into another exactly as written.

use std::ops::Range;

use chrono::{DateTime, FixedOffset};
use toml_edit::{Document, Item, Table, Value};

const BOM: char = '\u{feff}';

/// A progress entry: what makes it the same entry in two versions, when, and where it is.
#[derive(Debug, Clone)]
pub(super) struct Logged {
    /// `at`, `by`, `state`, `note`, `percent` as written values: the same entry has the same
    /// key in every version.
    pub key: String,
    pub at: DateTime<FixedOffset>,
    /// The entry's text: the blank lines before its header, the header, its keys' lines.
    pub extent: Range<usize>,
}

/// A directive's check-off keys as written, and its progress log in file order.
#[derive(Debug, Clone)]
pub(super) struct Directive {
    pub id: String,
    pub done: bool,
    pub done_at: Option<DateTime<FixedOffset>>,
    pub done_by: Option<String>,
    pub log: Vec<Logged>,
    /// Where a first entry goes: the end of the directive's last line (of its own keys or of
    /// a table below it); `None` for an inline directive, which takes no entry here.
    pub end: Option<usize>,
}

/// The follow-up of one version of a file.
#[derive(Debug, Clone)]
pub(super) struct FollowUp {
    /// Length of a byte-order mark (spans below are in the text after it).
    pub bom: usize,
    pub directives: Vec<Directive>,
    /// The `version` value's place and number.
    pub version: Option<(Range<usize>, i64)>,
}

impl FollowUp {
    pub(super) fn directive(&self, id: &str) -> Option<&Directive> {
        self.directives.iter().find(|d| d.id == id)
    }
}

/// The follow-up of `text`, when it is TOML whose directives can be read.
pub(super) fn read(text: &str) -> Option<FollowUp> {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    let doc = Document::parse(body).ok()?;
    let root = doc.as_table();
    let mut directives = Vec::new();
    for t in directive_tables(root) {
        directives.push(directive(body, t)?);
    }
    let version = root.get("version").and_then(|item| {
        let value = item.as_value()?;
        Some((value.span()?, value.as_integer()?))
    });
    Some(FollowUp {
        bom: text.len() - body.len(),
        directives,
        version,
    })
}

/// The text without every progress entry and without the `version` line's value: two versions
/// whose texts are equal after this (and without check-off keys) differ only in follow-up.
pub(super) fn without_log(text: &str) -> Option<String> {
    let f = read(text)?;
    let body = &text[f.bom..];
    let mut cuts: Vec<Range<usize>> = f
        .directives
        .iter()
        .flat_map(|d| d.log.iter().map(|e| e.extent.clone()))
        .collect();
    if let Some((span, _)) = &f.version {
        cuts.push(span.clone());
    }
    cuts.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(body.len());
    out.push_str(&text[..f.bom]);
    let mut at = 0;
    for cut in cuts {
        if cut.start < at {
            return None;
        }
        out.push_str(&body[at..cut.start]);
        at = cut.end;
    }
    out.push_str(&body[at..]);
    Some(out)
}

/// Every directive table: `[[directive]]`, `[[district.directive]]`, `[[locality.directive]]`
/// (inline ones are read too, without a place for entries), and every locality's proposal
/// table with an id (`[[locality.proposal]]`: its log is follow-up as a directive's; the ids
/// of both are one list).
fn directive_tables(root: &Table) -> Vec<DirectiveItem<'_>> {
    let mut out = items_of(root.get("directive"));
    for localities in ["district", "locality"] {
        match root.get(localities) {
            Some(Item::ArrayOfTables(list)) => {
                for l in list.iter() {
                    out.extend(items_of(l.get("directive")));
                    out.extend(proposal_tables(l.get("proposal")));
                }
            }
            Some(Item::Value(Value::Array(list))) => {
                for l in list.iter().filter_map(Value::as_inline_table) {
                    if let Some(Value::Array(ds)) = l.get("directive") {
                        out.extend(
                            ds.iter()
                                .filter_map(Value::as_inline_table)
                                .map(DirectiveItem::Inline),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The proposal tables of a locality that have an id (the others cannot be followed up).
fn proposal_tables(item: Option<&Item>) -> Vec<DirectiveItem<'_>> {
    let Some(Item::ArrayOfTables(list)) = item else {
        return Vec::new();
    };
    (list.iter())
        .filter(|t| t.get("id").and_then(Item::as_str).is_some())
        .map(DirectiveItem::Table)
        .collect()
}

enum DirectiveItem<'d> {
    Table(&'d Table),
    Inline(&'d toml_edit::InlineTable),
}

fn items_of(item: Option<&Item>) -> Vec<DirectiveItem<'_>> {
    match item {
        Some(Item::ArrayOfTables(list)) => list.iter().map(DirectiveItem::Table).collect(),
        Some(Item::Value(Value::Array(list))) => list
            .iter()
            .filter_map(Value::as_inline_table)
            .map(DirectiveItem::Inline)
            .collect(),
        _ => Vec::new(),
    }
}

fn directive(body: &str, item: DirectiveItem<'_>) -> Option<Directive> {
    let get = |name: &str| -> Option<&Value> {
        match &item {
            DirectiveItem::Table(t) => t.get(name)?.as_value(),
            DirectiveItem::Inline(t) => t.get(name),
        }
    };
    let id = get("id")?.as_str()?.to_string();
    let done = get("done").and_then(Value::as_bool).unwrap_or(false);
    let done_at = get("done_at").and_then(datetime);
    let done_by = get("done_by").and_then(Value::as_str).map(str::to_string);
    let (log, end) = match &item {
        DirectiveItem::Table(t) => (log_of(body, t)?, Some(end_of(body, t)?)),
        DirectiveItem::Inline(_) => (Vec::new(), None),
    };
    Some(Directive {
        id,
        done,
        done_at,
        done_by,
        log,
        end,
    })
}

fn log_of(body: &str, directive: &Table) -> Option<Vec<Logged>> {
    let Some(item) = directive.get("progress") else {
        return Some(Vec::new());
    };
    let Item::ArrayOfTables(list) = item else {
        return None;
    };
    list.iter()
        .map(|t| {
            let get = |name: &str| t.get(name).and_then(Item::as_value);
            let at = get("at").and_then(datetime)?;
            let raw = |name: &str| get(name).map(|v| v.to_string().trim().to_string());
            let key = format!(
                "{}\u{0}{:?}\u{0}{:?}\u{0}{:?}\u{0}{:?}",
                at.to_rfc3339(),
                get("by").and_then(Value::as_str),
                get("state").and_then(Value::as_str),
                get("note").and_then(Value::as_str),
                raw("percent"),
            );
            let header = t.span()?.start;
            let start = blank_lines_before(body, line_start(body, header));
            Some(Logged {
                key,
                at,
                extent: start..end_of(body, t)?,
            })
        })
        .collect()
}

/// The end (after its line break) of the last line of a table: its header, its keys, and the
/// tables below it.
fn end_of(body: &str, t: &Table) -> Option<usize> {
    Some(line_end(body, last_content(t, t.span()?.end)?))
}

/// Where the last of a table's keys, values and tables below it ends (at least `from`).
fn last_content(t: &Table, from: usize) -> Option<usize> {
    let mut last = from;
    for (name, item) in t.iter() {
        match item {
            Item::Value(v) => {
                last = last.max(v.span()?.end);
                if let Some(key) = t.key(name).and_then(|k| k.span()) {
                    last = last.max(key.end);
                }
            }
            Item::Table(sub) => {
                let own = sub.span().map_or(0, |s| s.end);
                last = last.max(last_content(sub, own)?);
            }
            Item::ArrayOfTables(list) => {
                for sub in list.iter() {
                    last = last.max(last_content(sub, sub.span()?.end)?);
                }
            }
            Item::None => {}
        }
    }
    Some(last)
}

fn datetime(v: &Value) -> Option<DateTime<FixedOffset>> {
    let dt = v.as_datetime()?;
    DateTime::parse_from_rfc3339(&dt.to_string().replace(' ', "T")).ok()
}

fn line_start(body: &str, pos: usize) -> usize {
    body[..pos].rfind('\n').map_or(0, |i| i + 1)
}

/// The position after the line break of the line holding `pos` (the end of the text when the
/// line has none).
fn line_end(body: &str, pos: usize) -> usize {
    body[pos..].find('\n').map_or(body.len(), |i| pos + i + 1)
}

/// The start of the run of blank lines right before the line starting at `start`.
fn blank_lines_before(body: &str, start: usize) -> usize {
    let mut at = start;
    while at > 0 {
        let prev = line_start(body, at - 1);
        if body[prev..at].trim().is_empty() {
            at = prev;
        } else {
            break;
        }
    }
    at
}
