//! What is searchable: the item a hit belongs to ([`Target`]), the kinds of field and their
//! order among hits of equal score ([`FieldKind`]), and a session's fields in the order the
//! index keeps them as records.

use crate::model::{Directive, DirectiveRef, Session};

/// The item a hit belongs to; indices into the slice given to [`SearchIndex::build`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Session {
        session: usize,
    },
    District {
        session: usize,
        district: usize,
    },
    Indicator {
        session: usize,
        district: usize,
        indicator: usize,
    },
    Directive {
        session: usize,
        directive: DirectiveRef,
    },
}

impl Target {
    pub fn session(&self) -> usize {
        match *self {
            Target::Session { session }
            | Target::District { session, .. }
            | Target::Indicator { session, .. }
            | Target::Directive { session, .. } => session,
        }
    }
}

/// Which field of the item matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// The session's title.
    Title,
    /// The session's topic.
    Topic,
    /// One tag of the session.
    Tag,
    /// A document the session refers to: its number or its title.
    Reference,
    /// A participant's name or role, or the chair.
    Participant,
    /// A district's name.
    DistrictName,
    /// A district's summary.
    DistrictSummary,
    /// One of the session's or a district's highlights.
    Highlight,
    /// One of the session's or a district's strengths.
    Strength,
    /// One of the session's or a district's shortcomings.
    Shortcoming,
    /// An indicator's name.
    Indicator,
    /// A directive's text.
    DirectiveText,
    /// A directive's owner, or one of its addressees outside the file's localities
    /// (`to_other`).
    DirectiveOwner,
    /// The session's summary.
    Summary,
    /// A photo's caption.
    Image,
    /// A locality's proposal: its text, who proposed it, the answer, the assignee.
    Proposal,
}

impl FieldKind {
    /// Every kind in declaration order, so that `ALL[kind as usize] == kind` (a record stores
    /// the kind in a byte).
    pub(super) const ALL: [FieldKind; 16] = [
        FieldKind::Title,
        FieldKind::Topic,
        FieldKind::Tag,
        FieldKind::Reference,
        FieldKind::Participant,
        FieldKind::DistrictName,
        FieldKind::DistrictSummary,
        FieldKind::Highlight,
        FieldKind::Strength,
        FieldKind::Shortcoming,
        FieldKind::Indicator,
        FieldKind::DirectiveText,
        FieldKind::DirectiveOwner,
        FieldKind::Summary,
        FieldKind::Image,
        FieldKind::Proposal,
    ];

    /// Tie-break rank: lower comes first among hits of equal score.
    pub(super) fn rank(self) -> u8 {
        match self {
            FieldKind::Title => 0,
            FieldKind::DistrictName => 1,
            FieldKind::Tag => 2,
            FieldKind::Reference => 3,
            FieldKind::Indicator => 4,
            FieldKind::DirectiveText | FieldKind::Proposal => 5,
            FieldKind::Topic => 6,
            FieldKind::Participant => 7,
            FieldKind::DirectiveOwner => 8,
            FieldKind::DistrictSummary
            | FieldKind::Highlight
            | FieldKind::Strength
            | FieldKind::Shortcoming => 9,
            FieldKind::Summary | FieldKind::Image => 10,
        }
    }
}

/// The `n`th searchable field of `session` (at `si` among the sessions), as indexed.
pub(super) fn nth_field(
    si: usize,
    session: &Session,
    n: usize,
) -> Option<(Target, FieldKind, &str)> {
    let mut seen = 0;
    let mut found = None;
    collect_session(si, session, &mut |target, field, text| {
        if seen == n {
            found = Some((target, field, text));
        }
        seen += 1;
    });
    found
}

/// The field kinds of a session's or a locality's statements (`statements()`), in their order.
const STATEMENTS: [FieldKind; 3] = [
    FieldKind::Highlight,
    FieldKind::Strength,
    FieldKind::Shortcoming,
];

pub(super) fn collect_session<'s>(
    si: usize,
    s: &'s Session,
    add: &mut impl FnMut(Target, FieldKind, &'s str),
) {
    let here = Target::Session { session: si };
    add(here, FieldKind::Title, &s.title);
    if let Some(topic) = &s.topic {
        add(here, FieldKind::Topic, topic);
    }
    for tag in &s.tags {
        add(here, FieldKind::Tag, tag);
    }
    for r in &s.references {
        for text in r.number.iter().chain(&r.title) {
            add(here, FieldKind::Reference, text);
        }
    }
    for chair in &s.chairs {
        add(here, FieldKind::Participant, chair);
    }
    for p in &s.participants {
        for text in p.name.iter().chain(&p.group).chain(&p.role) {
            add(here, FieldKind::Participant, text);
        }
    }
    if let Some(summary) = &s.summary {
        add(here, FieldKind::Summary, summary);
    }
    for (kind, texts) in STATEMENTS.into_iter().zip(s.statements()) {
        for text in texts {
            add(here, kind, text);
        }
    }
    for image in &s.images {
        if let Some(caption) = &image.caption {
            add(here, FieldKind::Image, caption);
        }
    }
    // Within one field kind and session, hits keep this order: the session's own directives,
    // then each district's.
    for (index, d) in s.directives.iter().enumerate() {
        let directive = DirectiveRef {
            district: None,
            index,
        };
        collect_directive(si, directive, d, add);
    }
    // Each locality's fields follow its name, so that the index finds a field's locality as
    // the nearest name before it (`records`).
    for (di, d) in s.districts.iter().enumerate() {
        collect_district(si, di, d, add);
    }
}

fn collect_directive<'s>(
    si: usize,
    directive: DirectiveRef,
    d: &'s Directive,
    add: &mut impl FnMut(Target, FieldKind, &'s str),
) {
    let target = Target::Directive {
        session: si,
        directive,
    };
    add(target, FieldKind::DirectiveText, &d.text);
    if let Some(owner) = &d.owner {
        add(target, FieldKind::DirectiveOwner, owner);
    }
    for addressee in &d.more.to_other {
        add(target, FieldKind::DirectiveOwner, addressee);
    }
}

pub(super) fn collect_district<'s>(
    si: usize,
    di: usize,
    d: &'s crate::model::District,
    add: &mut impl FnMut(Target, FieldKind, &'s str),
) {
    let here = Target::District {
        session: si,
        district: di,
    };
    add(here, FieldKind::DistrictName, &d.name);
    for text in d.body.iter().chain(&d.parent).chain(&d.summary) {
        add(here, FieldKind::DistrictSummary, text);
    }
    for (kind, texts) in STATEMENTS.into_iter().zip(d.statements()) {
        for text in texts {
            add(here, kind, text);
        }
    }
    for (k, ind) in d.indicators.iter().enumerate() {
        let target = Target::Indicator {
            session: si,
            district: di,
            indicator: k,
        };
        add(target, FieldKind::Indicator, &ind.name);
        if let Some(note) = &ind.note {
            add(target, FieldKind::Indicator, note);
        }
    }
    // A proposal's hit opens its locality's tab, at the line that lists it.
    for p in &d.more.proposals {
        let texts = std::iter::once(&p.text)
            .chain(&p.by)
            .chain(&p.answer)
            .chain(&p.assignee);
        for text in texts {
            add(here, FieldKind::Proposal, text);
        }
    }
    for (index, directive) in d.directives.iter().enumerate() {
        let at = DirectiveRef {
            district: Some(di),
            index,
        };
        collect_directive(si, at, directive, add);
    }
}
