//! What a session tab shows, as blocks: its sections in order, and the text of each block
//! (for finding a search's match in it).

use crate::model::{DirectiveRef, Followed, Lang, Session, Text};
use crate::present::{
    image_line, locality_facts, paragraphs, participant_line, proposal_line, reference_line,
};

/// A titled part of a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    Summary,
    Participants,
    Districts,
    SessionDirectives,
    /// The session-wide directives that concern the locality of the tab.
    SharedDirectives,
    Highlights,
    Strengths,
    Shortcomings,
    Indicators,
    Directives,
    References,
    Images,
    /// A locality's proposals and the answers given (version 3).
    Proposals,
}

/// One block of a tab. Every block but a heading can be selected.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    Heading(Section),
    Paragraph(String),
    Bullet(String),
    Participant(usize),
    /// A district's one-line overview (on the session's first tab).
    DistrictLine(usize),
    /// A locality's counterpart and the unit it belongs to (atop its tab).
    Facts(usize),
    Indicator {
        district: usize,
        index: usize,
    },
    Directive(DirectiveRef),
    /// A locality's proposal (version 3); one with an assignee is followed up like a directive.
    Proposal {
        district: usize,
        index: usize,
    },
    /// "none" under a section that has nothing.
    Nothing,
}

impl Block {
    pub(super) fn selectable(&self) -> bool {
        !matches!(self, Block::Heading(_))
    }

    /// Drawn reversed when selected (the others show the selection in the gutter only).
    pub(super) fn reversed_when_selected(&self) -> bool {
        matches!(
            self,
            Block::DistrictLine(_)
                | Block::Facts(_)
                | Block::Bullet(_)
                | Block::Participant(_)
                | Block::Nothing
        )
    }
}

fn push_section(blocks: &mut Vec<Block>, section: Section, items: Vec<Block>) {
    crate::screens::push_section(blocks, Block::Heading(section), items, Block::Nothing);
}

fn text_blocks(summary: Option<&str>) -> Vec<Block> {
    (summary.map(paragraphs).unwrap_or_default().into_iter())
        .map(Block::Paragraph)
        .collect()
}

/// The directives of `district` (`None`: the session's own) that `show` accepts.
fn directive_blocks(
    session: &Session,
    district: Option<usize>,
    show: &impl Fn(&dyn Followed) -> bool,
) -> Vec<Block> {
    session
        .directives_with_refs()
        .filter(|(r, d)| r.district == district && show(*d))
        .map(|(r, _)| Block::Directive(r))
        .collect()
}

/// The blocks of tab `tab`: 0 is the overview, 1.. are the districts in file order.
/// Only directives and followed proposals that `show` accepts are included; proposals without
/// an assignee (no state to filter by) only when `all` (no filter).
pub(super) fn blocks(
    session: &Session,
    tab: usize,
    show: impl Fn(&dyn Followed) -> bool,
    all: bool,
) -> Vec<Block> {
    let mut out = Vec::new();
    if tab == 0 {
        let summary = text_blocks(session.summary.as_deref());
        push_section(&mut out, Section::Summary, summary);
        bullet_sections(&mut out, STATEMENTS.into_iter().zip(session.statements()));
        let districts = (0..session.districts.len()).map(Block::DistrictLine);
        push_section(&mut out, Section::Districts, districts.collect());
        let participants = (0..session.participants.len()).map(Block::Participant);
        push_section(&mut out, Section::Participants, participants.collect());
        let references: Vec<Text> = (session.references.iter())
            .map(|r| reference_line(r).into())
            .collect();
        let images: Vec<Text> = (session.images.iter())
            .map(|i| image_line(i).into())
            .collect();
        bullet_sections(
            &mut out,
            [
                (Section::References, references.as_slice()),
                (Section::Images, images.as_slice()),
            ],
        );
        let directives = directive_blocks(session, None, &show);
        push_section(&mut out, Section::SessionDirectives, directives);
        return out;
    }
    let d = tab - 1;
    let Some(district) = session.districts.get(d) else {
        return out;
    };
    // The level is in the tab's title; the counterpart and the unit above come first.
    if district.body.is_some() || district.parent.is_some() {
        out.push(Block::Facts(d));
    }
    push_section(
        &mut out,
        Section::Summary,
        text_blocks(district.summary.as_deref()),
    );
    let indicators =
        (0..district.indicators.len()).map(|index| Block::Indicator { district: d, index });
    push_section(&mut out, Section::Indicators, indicators.collect());
    let directives = directive_blocks(session, Some(d), &show);
    push_section(&mut out, Section::Directives, directives);
    if session.shared_directives(d).next().is_some() {
        let shared: Vec<Block> = (session.shared_directives(d))
            .filter(|(_, directive)| show(*directive))
            .map(|(r, _)| Block::Directive(r))
            .collect();
        push_section(&mut out, Section::SharedDirectives, shared);
    }
    if !district.more.proposals.is_empty() {
        let proposals = (district.more.proposals.iter().enumerate())
            .filter(|(_, p)| if p.is_followed() { show(*p) } else { all })
            .map(|(index, _)| Block::Proposal { district: d, index })
            .collect();
        push_section(&mut out, Section::Proposals, proposals);
    }
    bullet_sections(&mut out, STATEMENTS.into_iter().zip(district.statements()));
    out
}

/// The sections of a session's or a locality's statements (`statements()`), in their order.
const STATEMENTS: [Section; 3] = [
    Section::Highlights,
    Section::Strengths,
    Section::Shortcomings,
];

/// A section of bullets for each list that has items.
fn bullet_sections<'a>(
    out: &mut Vec<Block>,
    lists: impl IntoIterator<Item = (Section, &'a [Text])>,
) {
    for (section, items) in lists {
        if !items.is_empty() {
            let bullets = items.iter().map(|t| Block::Bullet(t.to_string())).collect();
            push_section(out, section, bullets);
        }
    }
}

/// The text a block shows, for finding a search's match in it.
pub(super) fn block_text(session: &Session, block: &Block, lang: Lang) -> Option<String> {
    match block {
        Block::Paragraph(text) | Block::Bullet(text) => Some(text.clone()),
        Block::Participant(p) => (session.participants.get(*p)).map(|p| participant_line(p, " — ")),
        Block::DistrictLine(d) => session.districts.get(*d).map(|d| d.name.to_string()),
        Block::Facts(d) => (session.districts.get(*d)).and_then(|d| locality_facts(d, lang)),
        Block::Indicator { district, index } => (session.districts.get(*district))
            .and_then(|d| d.indicators.get(*index))
            .map(|i| i.name.to_string()),
        Block::Directive(r) => session.directive(*r).map(|d| d.text.to_string()),
        Block::Proposal { district, index } => (session.districts.get(*district))
            .and_then(|d| d.more.proposals.get(*index))
            .map(|p| proposal_line(p, lang)),
        Block::Heading(_) | Block::Nothing => None,
    }
}
