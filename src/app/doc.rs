//! The content of a session tab as a list of blocks, with their heights at a width.
//! Both navigation (which block is selected, how far to scroll) and drawing use it.

use std::borrow::Cow;

use crate::i18n;
use crate::model::{Directive, DirectiveRef, Lang, Session};

/// A titled part of a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Summary,
    Participants,
    Districts,
    SessionDirectives,
    Highlights,
    Strengths,
    Shortcomings,
    Indicators,
    Directives,
}

/// One block of a tab. Every block but a heading can be selected.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(Section),
    Paragraph(String),
    Bullet(String),
    Participant(usize),
    /// A district's one-line overview (on the session's first tab).
    DistrictLine(usize),
    Indicator {
        district: usize,
        index: usize,
    },
    Directive(DirectiveRef),
    /// "none" under a section that has nothing.
    Nothing,
}

impl Block {
    pub fn selectable(&self) -> bool {
        !matches!(self, Block::Heading(_))
    }
}

/// Columns taken by the selection gutter on every line.
pub const GUTTER: usize = 2;
/// Columns before a bullet's text.
pub const BULLET_INDENT: usize = 2;
/// Columns before a directive's text (`[x] `).
pub const CHECKBOX: usize = 4;

/// Wraps `text` at word boundaries to `width` display columns (at least 1).
pub fn wrap(text: &str, width: usize) -> Vec<Cow<'_, str>> {
    let lines = textwrap::wrap(text, width.max(1));
    if lines.is_empty() {
        vec![Cow::Borrowed("")]
    } else {
        lines
    }
}

/// Splits a multi-line summary into paragraphs (blank lines separate them).
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

fn push_section(blocks: &mut Vec<Block>, section: Section, items: Vec<Block>) {
    blocks.push(Block::Heading(section));
    if items.is_empty() {
        blocks.push(Block::Nothing);
    } else {
        blocks.extend(items);
    }
}

fn text_blocks(summary: Option<&str>) -> Vec<Block> {
    summary
        .map(paragraphs)
        .unwrap_or_default()
        .into_iter()
        .map(Block::Paragraph)
        .collect()
}

fn bullets(items: &[String]) -> Vec<Block> {
    items.iter().cloned().map(Block::Bullet).collect()
}

/// The directives of `district` (`None`: the session's own) that `show` accepts.
fn directive_blocks(
    session: &Session,
    district: Option<usize>,
    show: &impl Fn(&Directive) -> bool,
) -> Vec<Block> {
    session
        .directives_with_refs()
        .filter(|(r, d)| r.district == district && show(d))
        .map(|(r, _)| Block::Directive(r))
        .collect()
}

/// The blocks of tab `tab`: 0 is the overview, 1.. are the districts in file order.
/// Only directives that `show` accepts are included.
pub fn blocks(session: &Session, tab: usize, show: impl Fn(&Directive) -> bool) -> Vec<Block> {
    let mut out = Vec::new();
    if tab == 0 {
        push_section(
            &mut out,
            Section::Summary,
            text_blocks(session.summary.as_deref()),
        );
        push_section(
            &mut out,
            Section::Districts,
            (0..session.districts.len())
                .map(Block::DistrictLine)
                .collect(),
        );
        push_section(
            &mut out,
            Section::Participants,
            (0..session.participants.len())
                .map(Block::Participant)
                .collect(),
        );
        push_section(
            &mut out,
            Section::SessionDirectives,
            directive_blocks(session, None, &show),
        );
        return out;
    }
    let Some(district) = session.districts.get(tab - 1) else {
        return out;
    };
    let d = tab - 1;
    push_section(
        &mut out,
        Section::Summary,
        text_blocks(district.summary.as_deref()),
    );
    push_section(
        &mut out,
        Section::Indicators,
        (0..district.indicators.len())
            .map(|index| Block::Indicator { district: d, index })
            .collect(),
    );
    push_section(
        &mut out,
        Section::Directives,
        directive_blocks(session, Some(d), &show),
    );
    for (section, items) in [
        (Section::Highlights, &district.highlights),
        (Section::Strengths, &district.strengths),
        (Section::Shortcomings, &district.shortcomings),
    ] {
        if !items.is_empty() {
            push_section(&mut out, section, bullets(items));
        }
    }
    out
}

/// The owner/due line of a directive is shown when there is something to say.
pub fn has_meta_line(d: &Directive) -> bool {
    d.owner.is_some() || d.due.is_some()
}

/// Lines of a selected directive's detail: its note, then who checked it off and when.
pub fn detail_lines(d: &Directive, width: usize, lang: Lang) -> usize {
    let note = note_text(d, lang).map_or(0, |n| {
        wrap(&n, width.saturating_sub(GUTTER + CHECKBOX)).len()
    });
    let done = usize::from(d.done && (d.done_by.is_some() || d.done_at.is_some()));
    note + done
}

/// A directive's note with its label, as shown in the detail.
pub fn note_text(d: &Directive, lang: Lang) -> Option<String> {
    d.note
        .as_deref()
        .map(|n| format!("{}: {n}", i18n::strings(lang).note))
}

/// The participant line: `name — role (part)`.
pub fn participant_line(session: &Session, index: usize) -> String {
    let Some(p) = session.participants.get(index) else {
        return String::new();
    };
    let mut s = p.name.clone();
    if let Some(role) = &p.role {
        s.push_str(" — ");
        s.push_str(role);
    }
    if let Some(part) = &p.part {
        s.push_str(&format!(" ({part})"));
    }
    s
}

/// A heading has a blank line above it, unless it is first or follows a
/// paragraph (which ends with one).
pub fn gap_before(blocks: &[Block], i: usize) -> bool {
    i > 0 && !matches!(blocks.get(i - 1), Some(Block::Paragraph(_)))
}

/// Height in lines of block `i` at `width`, when it is or is not selected.
pub fn height(
    session: &Session,
    blocks: &[Block],
    i: usize,
    width: usize,
    selected: bool,
    lang: Lang,
) -> usize {
    let text_width = width.saturating_sub(GUTTER);
    match &blocks[i] {
        Block::Heading(_) => 1 + usize::from(gap_before(blocks, i)),
        Block::Paragraph(p) => wrap(p, text_width).len() + 1,
        Block::Bullet(b) => wrap(b, text_width.saturating_sub(BULLET_INDENT)).len(),
        Block::Participant(p) => wrap(
            &participant_line(session, *p),
            text_width.saturating_sub(BULLET_INDENT),
        )
        .len(),
        Block::DistrictLine(_) | Block::Nothing => 1,
        Block::Indicator { district, index } => session
            .districts
            .get(*district)
            .and_then(|d| d.indicators.get(*index))
            .map_or(1, |ind| if ind.gauge().is_some() { 2 } else { 1 }),
        Block::Directive(r) => session.directive(*r).map_or(1, |d| {
            let text = wrap(&d.text, text_width.saturating_sub(CHECKBOX)).len();
            let detail = if selected {
                detail_lines(d, width, lang)
            } else {
                0
            };
            text + usize::from(has_meta_line(d)) + detail
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines_and_join_lines() {
        let text = "\nMột hai\nba.\n\n  \nBốn năm.\n";
        assert_eq!(paragraphs(text), vec!["Một hai ba.", "Bốn năm."]);
    }

    #[test]
    fn wrap_breaks_at_words_by_display_width() {
        let lines = wrap("Đầm Hà và Hải Hà", 8);
        assert_eq!(lines, vec!["Đầm Hà", "và Hải", "Hà"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abc", 0), vec!["a", "b", "c"]);
    }
}
