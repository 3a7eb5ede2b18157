//! The byte-exact text edit of one directive's check-off keys, or of the progress log of a
//! directive or a locality's proposal (`edit/progress.rs`).

mod progress;

use std::ops::Range;

use toml_edit::{Document, InlineTable, Item, Table, Value};

pub(super) use progress::appended_form;

use super::{Change, Outcome, Stamps, VersionBefore, WriteError};
use crate::diag::{Location, Problem, closest};
use crate::model::fold::nfc;

const BOM: char = '\u{feff}';

/// Applies `change` to the directive `directive_id` of `text`; every other byte is kept.
/// The result is not re-read here: the caller validates it (`validate_edited`).
#[cfg(test)]
pub(super) fn apply(
    text: &str,
    directive_id: &str,
    change: &Change,
) -> Result<(String, Outcome), WriteError> {
    apply_full(text, directive_id, change).map(|a| (a.text, a.outcome))
}

/// What an edit gives: the text, whether it changed, and (for an appended progress entry)
/// what the `version` line was.
pub(super) struct Applied {
    pub text: String,
    pub outcome: Outcome,
    pub version: Option<VersionBefore>,
}

/// [`apply`], with what an undo of an appended entry needs.
pub(super) fn apply_full(
    text: &str,
    directive_id: &str,
    change: &Change,
) -> Result<Applied, WriteError> {
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let doc = parse(body)?;
    let logged = matches!(change, Change::Progress(_) | Change::Withdraw(_));
    let target = find(&doc, body, directive_id, logged)?;
    let mut version = None;
    let edits = match change {
        Change::Done { at, by } => done_edits(body, &target, at, by)?,
        Change::Undone | Change::Reopened { .. } => undone_edits(body, &target)?,
        Change::Restore(stamps) => restore_edits(body, &target, stamps)?,
        Change::Progress(entry) => {
            let (edits, before) = progress::append_edits(&doc, &target, entry)?;
            version = Some(before);
            edits
        }
        Change::Withdraw(appended) => progress::withdraw_edits(&doc, &target, appended)?,
    };
    if edits.is_empty() {
        return Ok(Applied {
            text: text.to_string(),
            outcome: Outcome::AlreadySo,
            version: None,
        });
    }
    let mut out = String::with_capacity(text.len() + 96);
    if bom {
        out.push(BOM);
    }
    out.push_str(&splice(body, edits));
    Ok(Applied {
        text: out,
        outcome: Outcome::Changed,
        version,
    })
}

fn parse(body: &str) -> Result<Document<&str>, WriteError> {
    Document::parse(body).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        let detail = e.message().trim().to_string();
        invalid(body, at, Problem::InvalidToml { detail })
    })
}

/// The file is refused at byte `at` of `body` (the file is named by the caller).
fn invalid(body: &str, at: usize, problem: Problem) -> WriteError {
    WriteError::FileInvalid {
        file: String::new(),
        at: Some(Location::at(body, at)),
        problem: Box::new(problem),
    }
}

/// The edit did not give the intended result (an unusual layout): nothing is written.
pub(super) fn unsafe_layout(directive_id: &str) -> WriteError {
    WriteError::FileInvalid {
        file: String::new(),
        at: None,
        problem: Box::new(Problem::UnsafeLayout {
            directive: directive_id.to_string(),
        }),
    }
}

/// One `key = value` of a directive, with where its key and value are in the text.
struct Entry<'d> {
    name: &'d str,
    key: Range<usize>,
    value: Range<usize>,
    item: &'d Value,
}

/// A directive's table, its entries in file order.
struct Target<'d> {
    inline: bool,
    entries: Vec<Entry<'d>>,
    /// The header its progress entries take (`directive.progress`,
    /// `locality.directive.progress`, `locality.proposal.progress`); `None` for an inline
    /// table.
    log_header: Option<String>,
    /// Its table, when it is not inline.
    table: Option<&'d Table>,
}

impl<'d> Target<'d> {
    fn entry(&self, name: &str) -> Option<&Entry<'d>> {
        self.entries.iter().find(|e| e.name == name)
    }

    fn id(&self) -> Option<String> {
        let id = self.entry("id")?.item.as_str()?;
        Some(nfc(id).into_owned())
    }
}

/// The directive with id `directive_id`; with `proposals`, the directive or locality's
/// proposal with that id (what a progress log is written to).
fn find<'d>(
    doc: &'d Document<&str>,
    body: &str,
    directive_id: &str,
    proposals: bool,
) -> Result<Target<'d>, WriteError> {
    let wanted = nfc(directive_id);
    let mut all = if proposals {
        followed(doc.as_table())
    } else {
        directives(doc.as_table())
    };
    let ids: Vec<String> = all.iter().filter_map(Target::id).collect();
    let mut hits = all
        .iter()
        .enumerate()
        .filter(|(_, t)| t.id().as_deref() == Some(&*wanted))
        .map(|(i, _)| i);
    match (hits.next(), hits.next()) {
        (Some(i), None) => Ok(all.swap_remove(i)),
        (Some(_), Some(second)) => {
            let at = all[second].entry("id").map_or(0, |e| e.value.start);
            let id = wanted.to_string();
            Err(invalid(body, at, Problem::DirectiveIdRepeated { id }))
        }
        (None, _) => Err(WriteError::DirectiveNotFound {
            session: String::new(),
            id: directive_id.to_string(),
            suggestions: closest(&wanted, ids.iter().map(String::as_str))
                .map(str::to_string)
                .into_iter()
                .collect(),
        }),
    }
}

/// Every directive of the file: `[[directive]]`, `[[district.directive]]`,
/// `[[locality.directive]]`, and their inline forms.
fn directives(root: &Table) -> Vec<Target<'_>> {
    let mut out = tables_of(root.get("directive"), "directive");
    for localities in ["district", "locality"] {
        match root.get(localities) {
            Some(Item::ArrayOfTables(list)) => {
                for d in list.iter() {
                    out.extend(tables_of(d.get("directive"), localities));
                }
            }
            Some(Item::Value(Value::Array(list))) => {
                for d in list.iter().filter_map(Value::as_inline_table) {
                    out.extend(inline_tables_of(d.get("directive")));
                }
            }
            _ => {}
        }
    }
    out
}

/// Every directive and every locality's proposal of the file: what can keep a progress log.
fn followed(root: &Table) -> Vec<Target<'_>> {
    let mut out = directives(root);
    for localities in ["district", "locality"] {
        match root.get(localities) {
            Some(Item::ArrayOfTables(list)) => {
                let header = format!("{localities}.proposal.progress");
                for l in list.iter() {
                    out.extend(tables_with_header(l.get("proposal"), &header));
                }
            }
            Some(Item::Value(Value::Array(list))) => {
                for l in list.iter().filter_map(Value::as_inline_table) {
                    out.extend(inline_tables_of(l.get("proposal")));
                }
            }
            _ => {}
        }
    }
    out
}

/// The directives of `item`; `parent` is the key of their array (`directive`), or of the
/// locality array they belong to (`locality`, `district`).
fn tables_of<'d>(item: Option<&'d Item>, parent: &str) -> Vec<Target<'d>> {
    let header = match parent {
        "directive" => "directive.progress".to_string(),
        locality => format!("{locality}.directive.progress"),
    };
    tables_with_header(item, &header)
}

/// The tables of `item` (an array of tables, or of inline tables), whose progress entries
/// take `header`.
fn tables_with_header<'d>(item: Option<&'d Item>, header: &str) -> Vec<Target<'d>> {
    match item {
        Some(Item::ArrayOfTables(tables)) => tables
            .iter()
            .map(|t| table_target(t, header.to_string()))
            .collect(),
        Some(Item::Value(v)) => inline_tables_of(Some(v)),
        _ => Vec::new(),
    }
}

fn inline_tables_of(value: Option<&Value>) -> Vec<Target<'_>> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_inline_table)
            .map(inline_target)
            .collect(),
        _ => Vec::new(),
    }
}

fn table_target(t: &Table, log_header: String) -> Target<'_> {
    Target {
        log_header: Some(log_header),
        table: Some(t),
        ..sorted(false, table_entries(t))
    }
}

/// A table's `key = value` entries (its sub-tables left out), in file order.
fn table_entries(t: &Table) -> Vec<Entry<'_>> {
    t.iter()
        .filter_map(|(name, item)| entry(name, t.key(name)?.span(), item.as_value()?))
        .collect()
}

fn inline_target(t: &InlineTable) -> Target<'_> {
    let entries = t
        .iter()
        .filter_map(|(name, value)| entry(name, t.key(name)?.span(), value))
        .collect();
    sorted(true, entries)
}

fn entry<'d>(name: &'d str, key: Option<Range<usize>>, item: &'d Value) -> Option<Entry<'d>> {
    Some(Entry {
        name,
        key: key?,
        value: item.span()?,
        item,
    })
}

fn sorted(inline: bool, mut entries: Vec<Entry<'_>>) -> Target<'_> {
    entries.sort_by_key(|e| e.key.start);
    Target {
        inline,
        entries,
        log_header: None,
        table: None,
    }
}

/// Replace `range` of the text with `text` (an insertion when the range is empty).
struct Edit {
    range: Range<usize>,
    text: String,
}

impl Edit {
    fn replace(range: Range<usize>, text: impl Into<String>) -> Self {
        Edit {
            range,
            text: text.into(),
        }
    }

    fn insert(at: usize, text: String) -> Self {
        Edit::replace(at..at, text)
    }

    fn delete(range: Range<usize>) -> Self {
        Edit::replace(range, String::new())
    }
}

const STAMP_KEYS: [&str; 3] = ["done", "done_at", "done_by"];

fn done_flag(body: &str, target: &Target<'_>) -> Result<Option<bool>, WriteError> {
    let Some(e) = target.entry("done") else {
        return Ok(None);
    };
    match e.item.as_bool() {
        Some(b) => Ok(Some(b)),
        None => {
            let written = body[e.value.clone()].trim().to_string();
            let problem = Problem::DoneWord {
                written,
                done: None,
            };
            Err(invalid(body, e.value.start, problem))
        }
    }
}

/// `done = true`, `done_at`, `done_by`: existing values are replaced in place, missing keys are
/// added after the last of these keys present, else after the table's last key.
fn done_edits(
    body: &str,
    target: &Target<'_>,
    at: &chrono::DateTime<chrono::FixedOffset>,
    by: &str,
) -> Result<Vec<Edit>, WriteError> {
    if done_flag(body, target)? == Some(true) {
        return Ok(Vec::new());
    }
    let values = [
        "true".to_string(),
        at.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        quote(by),
    ];
    let mut edits = Vec::new();
    let mut missing = Vec::new();
    for (key, value) in STAMP_KEYS.iter().zip(values) {
        match target.entry(key) {
            Some(e) => edits.push(Edit::replace(e.value.clone(), value)),
            None => missing.push((*key, value)),
        }
    }
    if !missing.is_empty() {
        let anchor = STAMP_KEYS
            .iter()
            .filter_map(|k| target.entry(k))
            .max_by_key(|e| e.key.start)
            .or(target.entries.last());
        if let Some(anchor) = anchor {
            edits.push(insertion(body, target, anchor, &missing));
        }
    }
    Ok(edits)
}

fn insertion(body: &str, target: &Target<'_>, anchor: &Entry<'_>, keys: &[(&str, String)]) -> Edit {
    if target.inline {
        let text = keys.iter().map(|(k, v)| format!(", {k} = {v}")).collect();
        return Edit::insert(anchor.value.end, text);
    }
    let start = line_start(body, anchor.key.start);
    let indent = &body[start..anchor.key.start];
    let indent = if indent.trim().is_empty() { indent } else { "" };
    let (end, nl) = line_end(body, anchor.value.end);
    let text = keys
        .iter()
        .map(|(k, v)| format!("{nl}{indent}{k} = {v}"))
        .collect();
    Edit::insert(end, text)
}

/// `done = false` (when `done` is there) and `done_at`, `done_by` removed.
fn undone_edits(body: &str, target: &Target<'_>) -> Result<Vec<Edit>, WriteError> {
    let mut edits = Vec::new();
    if done_flag(body, target)? == Some(true)
        && let Some(e) = target.entry("done")
    {
        edits.push(Edit::replace(e.value.clone(), "false"));
    }
    edits.extend(removal_edits(body, target, |e| {
        e.name == "done_at" || e.name == "done_by"
    }));
    Ok(edits)
}

/// The check-off keys of directive `directive_id` in `text`, each value's text as written.
pub(super) fn stamps(text: &str, directive_id: &str) -> Result<Stamps, WriteError> {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    let doc = parse(body)?;
    let target = find(&doc, body, directive_id, false)?;
    let raw = |key: &str| target.entry(key).map(|e| body[e.value.clone()].to_string());
    Ok(Stamps {
        done: raw("done"),
        done_at: raw("done_at"),
        done_by: raw("done_by"),
    })
}

/// Whether `raw` is one TOML value of the kind `key` holds, and nothing else: what a restore
/// may write.
fn is_stamp_value(key: &str, raw: &str) -> bool {
    let Ok(doc) = format!("v = {raw}\n").parse::<toml_edit::DocumentMut>() else {
        return false;
    };
    let mut entries = doc.as_table().iter();
    let value = match (entries.next(), entries.next()) {
        (Some(("v", Item::Value(value))), None) => value.clone(),
        _ => return false,
    };
    match key {
        "done" => value.is_bool(),
        "version" => value.is_integer(),
        "done_at" => value.is_datetime(),
        _ => value.is_str(),
    }
}

/// The keys back as `stamps` has them: a value written differently is replaced, a missing
/// key is inserted (after the other check-off keys kept, else after the last key), one that
/// should not be there is removed.
fn restore_edits(
    body: &str,
    target: &Target<'_>,
    stamps: &Stamps,
) -> Result<Vec<Edit>, WriteError> {
    let wanted = [&stamps.done, &stamps.done_at, &stamps.done_by];
    let mut edits = Vec::new();
    let mut missing = Vec::new();
    for (key, value) in STAMP_KEYS.iter().zip(wanted) {
        if let Some(raw) = value
            && !is_stamp_value(key, raw)
        {
            return Err(unsafe_layout(&target.id().unwrap_or_default()));
        }
        match (target.entry(key), value) {
            (Some(e), Some(raw)) if body[e.value.clone()] != **raw => {
                edits.push(Edit::replace(e.value.clone(), raw.clone()));
            }
            (None, Some(raw)) => missing.push((*key, raw.clone())),
            _ => {}
        }
    }
    let doomed = |e: &Entry<'_>| {
        (STAMP_KEYS.iter().zip(wanted)).any(|(key, value)| e.name == *key && value.is_none())
    };
    if !missing.is_empty() {
        let kept = |e: &&Entry<'_>| !doomed(e);
        let anchor = (STAMP_KEYS.iter())
            .filter_map(|k| target.entry(k))
            .filter(kept)
            .max_by_key(|e| e.key.start)
            .or(target.entries.iter().rfind(|e| !doomed(e)));
        if let Some(anchor) = anchor {
            edits.push(insertion(body, target, anchor, &missing));
        }
    }
    edits.extend(removal_edits(body, target, doomed));
    Ok(edits)
}

/// Removes the entries `doomed` picks: whole lines (a comment on them stays), or their part of
/// an inline table.
fn removal_edits(
    body: &str,
    target: &Target<'_>,
    doomed: impl Fn(&Entry<'_>) -> bool,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut lines = Vec::new();
    for (i, e) in target.entries.iter().enumerate() {
        if !doomed(e) {
            continue;
        }
        if target.inline {
            let range = match i.checked_sub(1).map(|p| &target.entries[p]) {
                Some(prev) => prev.value.end..e.value.end,
                None => {
                    let next = target.entries[i..].iter().find(|n| !doomed(n));
                    e.key.start..next.map_or(e.value.end, |n| n.key.start)
                }
            };
            edits.push(Edit::delete(range));
        } else {
            match line_removal(body, e) {
                Removal::Line(range) => lines.push(range),
                Removal::KeepComment(edit) => edits.push(edit),
            }
        }
    }
    edits.extend(
        join_line_removals(body, lines)
            .into_iter()
            .map(Edit::delete),
    );
    edits
}

/// `text` without the `done`, `done_at` and `done_by` entries of any directive: two versions
/// of a file whose stripped texts are equal differ only in check-offs.
pub(super) fn strip(text: &str) -> Result<String, WriteError> {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    let doc = parse(body)?;
    let edits = directives(doc.as_table())
        .iter()
        .flat_map(|t| removal_edits(body, t, |e| STAMP_KEYS.contains(&e.name)))
        .collect();
    let bom = &text[..text.len() - body.len()];
    Ok(format!("{bom}{}", splice(body, edits)))
}

/// How a key's line goes away.
enum Removal {
    /// The whole line with its own line break.
    Line(Range<usize>),
    /// The key and value go; a comment that shared their line stays, on a line of its own.
    KeepComment(Edit),
}

fn line_removal(body: &str, e: &Entry<'_>) -> Removal {
    let start = line_start(body, e.key.start);
    let (end, _) = line_end(body, e.value.end);
    let comment = body[e.value.end..end].trim_start();
    if comment.starts_with('#') {
        let indent = &body[start..e.key.start];
        let indent = if indent.trim().is_empty() { indent } else { "" };
        return Removal::KeepComment(Edit::replace(start..end, format!("{indent}{comment}")));
    }
    let own_break = if body[end..].starts_with("\r\n") {
        2
    } else {
        usize::from(body[end..].starts_with('\n'))
    };
    Removal::Line(start..end + own_break)
}

/// Joins touching line removals; when they reach the end of a file that has no final line
/// break, the line break before them goes too, so the file still ends without one.
fn join_line_removals(body: &str, mut lines: Vec<Range<usize>>) -> Vec<Range<usize>> {
    lines.sort_by_key(|r| r.start);
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(lines.len());
    for r in lines {
        match joined.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => joined.push(r),
        }
    }
    if let Some(last) = joined.last_mut()
        && last.end == body.len()
        && !body.ends_with('\n')
        && last.start > 0
    {
        let before = &body[..last.start];
        last.start -= if before.ends_with("\r\n") { 2 } else { 1 };
    }
    joined
}

fn line_start(body: &str, pos: usize) -> usize {
    body[..pos].rfind('\n').map_or(0, |i| i + 1)
}

/// Where the line holding `pos` ends (before its line break), and the line break it uses
/// (for the last line: the file's first line break, else `\n`).
fn line_end(body: &str, pos: usize) -> (usize, &'static str) {
    match body[pos..].find('\n') {
        Some(i) => {
            let nl = pos + i;
            if body[..nl].ends_with('\r') {
                (nl - 1, "\r\n")
            } else {
                (nl, "\n")
            }
        }
        None => {
            let end = body.len();
            let crlf = body.find('\n').is_some_and(|i| body[..i].ends_with('\r'));
            (end, if crlf { "\r\n" } else { "\n" })
        }
    }
}

/// Applies non-overlapping edits (deletions may touch or overlap each other: they are merged).
fn splice(body: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut merged: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        match merged.last_mut() {
            Some(last)
                if last.text.is_empty() && e.text.is_empty() && e.range.start < last.range.end =>
            {
                last.range.end = last.range.end.max(e.range.end);
            }
            _ => merged.push(e),
        }
    }
    let mut out = String::with_capacity(body.len() + 96);
    let mut pos = 0;
    for e in merged {
        let start = e.range.start.max(pos);
        out.push_str(&body[pos..start]);
        out.push_str(&e.text);
        pos = e.range.end.max(pos);
    }
    out.push_str(&body[pos..]);
    out
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests;
