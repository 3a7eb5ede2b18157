//! The progress log of a directive or a locality's proposal in its file (format version 3): one
//! entry appended after the item's last entry (or its own keys), or that entry taken out again;
//! the `version` line made `3`, and put back as it was when the last entry goes.

use chrono::Timelike;
use toml_edit::{Document, Item, Table};

use super::{Edit, Target, followed, invalid, is_stamp_value, line_end, line_start, quote};
use crate::diag::Problem;
use crate::model::Entry;
use crate::model::fold::nfc;
use crate::store::write::{Appended, VersionBefore, WriteError};

/// The entry as the file will hold it: its time to the second, its note in NFC.
pub(in crate::store::write) fn appended_form(entry: &Entry) -> Entry {
    let mut e = entry.clone();
    e.at = e.at.with_nanosecond(0).unwrap_or(e.at);
    e.note = e.note.map(|n| nfc(&n).into());
    e
}

/// The entry's `key = value` pairs, in the order the file gets them.
fn pairs(entry: &Entry) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("at", entry.at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()),
        ("by", quote(&entry.by)),
    ];
    if let Some(state) = entry.state {
        out.push(("state", quote(state.name())));
    }
    if let Some(note) = &entry.note {
        out.push(("note", quote(note)));
    }
    if let Some(percent) = entry.percent {
        out.push(("percent", percent.to_string()));
    }
    out
}

/// The directive's table and its header for entries, or why an entry cannot be appended.
fn log_of<'t, 'd>(body: &str, target: &'t Target<'d>) -> Result<(&'d Table, &'t str), WriteError> {
    let inline = || {
        let at = target.entries.first().map_or(0, |e| e.key.start);
        let directive = target.id().unwrap_or_default();
        invalid(body, at, Problem::ProgressInline { directive })
    };
    let (Some(table), Some(header)) = (target.table, target.log_header.as_deref()) else {
        return Err(inline());
    };
    match table.get("progress") {
        None | Some(Item::ArrayOfTables(_)) => Ok((table, header)),
        Some(_) => Err(inline()),
    }
}

/// Where a table's last value ends (its header when it has none).
fn table_end(t: &Table) -> usize {
    let header = t.span().map_or(0, |s| s.end);
    super::table_entries(t)
        .iter()
        .map(|e| e.value.end)
        .fold(header, usize::max)
}

/// The text inserted for `entry`: a blank line, the header, one line per key.
fn entry_text(entry: &Entry, header: &str, indent: &str, nl: &str) -> String {
    let mut text = format!("{nl}{nl}{indent}[[{header}]]");
    for (key, value) in pairs(entry) {
        text.push_str(&format!("{nl}{indent}{key} = {value}"));
    }
    text
}

/// Appends `entry` after the directive's last progress entry (or after its own keys), and
/// makes the file (`doc`, with its text) say `version = 3`; what the version line was, for an
/// undo.
pub(super) fn append_edits(
    doc: &Document<&str>,
    target: &Target<'_>,
    entry: &Entry,
) -> Result<(Vec<Edit>, VersionBefore), WriteError> {
    let body = doc.raw();
    let (table, header) = log_of(body, target)?;
    let anchor = match table.get("progress") {
        Some(Item::ArrayOfTables(log)) => log.iter().map(table_end).max(),
        _ => None,
    };
    let anchor = anchor
        .or_else(|| target.entries.iter().map(|e| e.value.end).max())
        .unwrap_or_else(|| table_end(table));
    let start = line_start(body, anchor);
    let indent = body[start..].len() - body[start..].trim_start_matches([' ', '\t']).len();
    let indent = &body[start..start + indent];
    let (end, nl) = line_end(body, anchor);
    let entry = appended_form(entry);
    let mut edits = vec![Edit::insert(end, entry_text(&entry, header, indent, nl))];
    let (version, before) = version_edit(doc)?;
    edits.extend(version);
    Ok((edits, before))
}

/// The edit that makes the file say `version = 3`, and what it said before.
fn version_edit(doc: &Document<&str>) -> Result<(Option<Edit>, VersionBefore), WriteError> {
    let (root, body) = (doc.as_table(), doc.raw());
    let Some(item) = root.get("version") else {
        let at = first_content_line(body);
        let (_, nl) = line_end(body, at);
        let edit = Edit::insert(at, format!("version = 3{nl}"));
        return Ok((Some(edit), VersionBefore::Added));
    };
    let value = item.as_value().filter(|v| v.as_integer().is_some());
    let Some(span) = value.and_then(|v| v.span()) else {
        let at = item.span().map_or(0, |s| s.start);
        let problem = Problem::UnsupportedVersion {
            found: body[item.span().unwrap_or(0..0)].trim().to_string(),
        };
        return Err(invalid(body, at, problem));
    };
    if value.and_then(|v| v.as_integer()) == Some(3) {
        return Ok((None, VersionBefore::Kept));
    }
    let was = body[span.clone()].to_string();
    Ok((Some(Edit::replace(span, "3")), VersionBefore::Was(was)))
}

/// The start of the first line that is neither blank nor a comment: where a new top-level
/// key goes (before every table).
fn first_content_line(body: &str) -> usize {
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let content = line.trim_start();
        if !content.is_empty() && !content.starts_with('#') {
            return pos;
        }
        pos += line.len();
    }
    pos
}

/// Takes out the last entry of the item's log that is exactly `appended.entry` as the writer
/// writes it (nothing when none is); when no directive or proposal keeps a log after that, the
/// `version` line goes back to what it was.
pub(super) fn withdraw_edits(
    doc: &Document<&str>,
    target: &Target<'_>,
    appended: &Appended,
) -> Result<Vec<Edit>, WriteError> {
    let body = doc.raw();
    let Some(Item::ArrayOfTables(log)) = target.table.and_then(|t| t.get("progress")) else {
        return Ok(Vec::new());
    };
    let wanted = pairs(&appended_form(&appended.entry));
    let Some(found) = log.iter().filter(|t| written_as(body, t, &wanted)).last() else {
        return Ok(Vec::new());
    };
    let mut edits = vec![Edit::delete(entry_range(body, found))];
    let others = followed(doc.as_table())
        .iter()
        .filter(|d| d.table.and_then(|t| t.get("progress")).is_some())
        .count();
    if log.len() == 1 && others == 1 && !has_proposals(doc.as_table()) {
        edits.extend(version_back(doc, &appended.version));
    }
    Ok(edits)
}

/// Whether a locality has proposals: a table of version 3, so the file keeps `version = 3`
/// (an older version would not validate).
fn has_proposals(root: &Table) -> bool {
    ["district", "locality"]
        .iter()
        .any(|key| match root.get(key) {
            Some(Item::ArrayOfTables(list)) => list.iter().any(|l| l.contains_key("proposal")),
            Some(Item::Value(toml_edit::Value::Array(list))) => (list.iter())
                .filter_map(toml_edit::Value::as_inline_table)
                .any(|l| l.contains_key("proposal")),
            _ => false,
        })
}

/// Whether table `t` holds exactly these keys and values, in this order, as written.
fn written_as(body: &str, t: &Table, wanted: &[(&str, String)]) -> bool {
    let entries = super::table_entries(t);
    entries.len() == wanted.len()
        && t.iter().count() == wanted.len()
        && (entries.iter().zip(wanted))
            .all(|(e, (key, value))| e.name == *key && body[e.value.clone()] == **value)
}

/// The bytes an appended entry took: from the blank line before its header to the end of its
/// last line. An entry whose surroundings were edited since loses its own lines only.
fn entry_range(body: &str, t: &Table) -> std::ops::Range<usize> {
    let header = line_start(body, t.span().map_or(0, |s| s.start));
    let (end, _) = line_end(body, table_end(t));
    for blank in ["\r\n\r\n", "\n\n"] {
        if body[..header].ends_with(blank) {
            return header - blank.len()..end;
        }
    }
    let own_break = if body[end..].starts_with("\r\n") {
        2
    } else {
        usize::from(body[end..].starts_with('\n'))
    };
    let lines = std::iter::once(header..end + own_break).collect();
    match super::join_line_removals(body, lines).pop() {
        Some(range) => range,
        None => header..end + own_break,
    }
}

/// The `version` line as it was before the entry made it 3, if it still says 3.
fn version_back(doc: &Document<&str>, before: &VersionBefore) -> Option<Edit> {
    let (root, body) = (doc.as_table(), doc.raw());
    let value = root.get("version")?.as_value()?;
    if value.as_integer() != Some(3) {
        return None;
    }
    let span = value.span()?;
    match before {
        VersionBefore::Kept => None,
        VersionBefore::Was(raw) if is_stamp_value("version", raw) => {
            Some(Edit::replace(span, raw.clone()))
        }
        VersionBefore::Was(_) => None,
        VersionBefore::Added => {
            let key = root.key("version")?.span()?;
            let start = line_start(body, key.start);
            let (end, _) = line_end(body, span.end);
            if body[start..end] != *"version = 3" {
                return None;
            }
            let own_break = if body[end..].starts_with("\r\n") {
                2
            } else {
                1
            };
            Some(Edit::delete(start..(end + own_break).min(body.len())))
        }
    }
}
