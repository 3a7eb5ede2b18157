//! Where an item of a briefing is written in its file: the line an editor opens at (`+LINE`),
//! found from the file as it is now (toml_edit's spans), never from what was loaded before.

use std::ops::Range;

use toml_edit::{Document, Item, Table};

use crate::model::fold::{nfc, slug};

/// An item of a session, named by ids (or by its place among its kind), as a screen selects it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    /// The session's own table, `[session]`.
    Session,
    /// The `n`-th `[[session.participant]]` (from 0).
    Participant(usize),
    /// The locality with this id (written, or made from its name).
    Locality(String),
    /// The `index`-th indicator (from 0) of the locality with this id.
    Indicator { locality: String, index: usize },
    /// The directive with this id, wherever it is.
    Directive(String),
}

/// The line (from 1) where `spot` starts in `text`; the line of its closest enclosing table
/// that is still there when the item is not (a directive renamed meanwhile), else 1.
pub(crate) fn line_of(text: &str, spot: &Spot) -> usize {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(doc) = Document::parse(body) else {
        return 1;
    };
    let start = start_of(doc.as_table(), spot).unwrap_or(0);
    line_at(body, start)
}

fn start_of(root: &Table, spot: &Spot) -> Option<usize> {
    match spot {
        Spot::Session => span(root.get("session")?).map(|s| s.start),
        Spot::Participant(n) => {
            let session = root.get("session")?;
            let participants = session.get("participant");
            participants
                .and_then(|p| nth_table(p, *n))
                .or_else(|| span(session).map(|s| s.start))
        }
        Spot::Locality(id) => localities(root).find(|(lid, _)| lid == id).map(|l| l.1),
        Spot::Indicator { locality, index } => {
            let table = locality_table(root, locality)?;
            (table.get("indicator").and_then(|i| nth_table(i, *index)))
                .or_else(|| table.span().map(|s| s.start))
        }
        Spot::Directive(id) => directive_start(root, id),
    }
}

/// The start of the table of directive `id`: session-wide or of a locality.
fn directive_start(root: &Table, id: &str) -> Option<usize> {
    let wanted = nfc(id);
    let own = root.get("directive").into_iter();
    let of_localities = ["district", "locality"]
        .iter()
        .filter_map(|k| root.get(k)?.as_array_of_tables())
        .flat_map(|list| list.iter().filter_map(|t| t.get("directive")));
    own.chain(of_localities)
        .filter_map(Item::as_array_of_tables)
        .flat_map(|list| list.iter())
        .find(|t| t.get("id").and_then(Item::as_str).map(nfc).as_deref() == Some(&*wanted))
        .and_then(|t| t.span().map(|s| s.start))
}

/// Each locality table's id (as the validator makes it) and where it starts.
fn localities(root: &Table) -> impl Iterator<Item = (String, usize)> + '_ {
    ["district", "locality"]
        .into_iter()
        .filter_map(|k| root.get(k)?.as_array_of_tables())
        .flat_map(|list| list.iter())
        .filter_map(|t| Some((locality_id(t)?, t.span()?.start)))
}

fn locality_table<'d>(root: &'d Table, id: &str) -> Option<&'d Table> {
    ["district", "locality"]
        .into_iter()
        .filter_map(|k| root.get(k)?.as_array_of_tables())
        .flat_map(|list| list.iter())
        .find(|t| locality_id(t).as_deref() == Some(id))
}

/// A locality's `id`, else its name made an id (`Hải Hà` → `hai-ha`).
fn locality_id(t: &Table) -> Option<String> {
    match t.get("id").and_then(Item::as_str) {
        Some(id) => Some(nfc(id.trim()).to_string()),
        None => Some(slug(&nfc(t.get("name")?.as_str()?))),
    }
}

fn nth_table(item: &Item, n: usize) -> Option<usize> {
    item.as_array_of_tables()?.get(n)?.span().map(|s| s.start)
}

fn span(item: &Item) -> Option<Range<usize>> {
    match item {
        Item::Table(t) => t.span(),
        other => other.span(),
    }
}

/// The line (from 1) of byte `at`.
fn line_at(body: &str, at: usize) -> usize {
    let at = at.min(body.len());
    1 + body.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\u{feff}version = 2\n\n[session]\ntitle = \"T\"\ndate = 2024-03-13\n\n\
[[session.participant]]\nname = \"A\"\n\n[[session.participant]]\nname = \"B\"\n\n\
[[locality]]\nname = \"Hải Hà\"\n\n[[locality.indicator]]\nname = \"x\"\nvalue = 1\n\n\
[[locality.indicator]]\nname = \"y\"\nvalue = 2\n\n[[locality.directive]]\nid = \"hh-1\"\n\
text = \"t\"\n\n[[locality]]\nname = \"Đầm Hà\"\nid = \"dh\"\n\n[[directive]]\nid = \"c-1\"\ntext = \"t\"\n";

    #[test]
    fn every_item_is_found_at_its_table() {
        let at = |spot: Spot| line_of(TEXT, &spot);
        assert_eq!(at(Spot::Session), 3);
        assert_eq!(at(Spot::Participant(1)), 10);
        assert_eq!(at(Spot::Locality("hai-ha".into())), 13);
        assert_eq!(at(Spot::Locality("dh".into())), 28);
        let second = Spot::Indicator {
            locality: "hai-ha".into(),
            index: 1,
        };
        assert_eq!(at(second), 20);
        assert_eq!(at(Spot::Directive("hh-1".into())), 24);
        assert_eq!(at(Spot::Directive("c-1".into())), 32);
    }

    #[test]
    fn what_is_gone_opens_at_the_start() {
        assert_eq!(line_of(TEXT, &Spot::Directive("gone".into())), 1);
        assert_eq!(line_of("not = [toml", &Spot::Session), 1);
        let moved = Spot::Indicator {
            locality: "hai-ha".into(),
            index: 9,
        };
        assert_eq!(line_of(TEXT, &moved), 13);
    }
}
