//! The follow-up part of a session: what `briefing report` reads of it, for the parse cache
//! to keep beside the whole session.

use super::{District, DistrictMore, List, Rare, Session};

impl Session {
    /// This session with only what the follow-up report (`report::follow_up`, its tallies and
    /// `model::scope`) reads: the session's id, title, date and the other few scalars
    /// (version, part of the day, publication, host kind), its directives whole (their owners,
    /// addressees, due dates, check-offs and progress decide every category), and of each
    /// locality its id, name, level, parent unit, key and proposals (a row's label and
    /// identity, the directives' localities, the proposals counted). Everything the report
    /// never reads is left empty: summaries, highlights, strengths, shortcomings, indicators,
    /// participants, chairs, references, images, tags, the host, topic, location and source,
    /// a locality's body and its former and future units. The cache decodes this part for
    /// `report` instead of the whole session.
    pub fn follow_up_part(&self) -> Session {
        Session {
            id: self.id.clone(),
            version: self.version,
            title: self.title.clone(),
            date: self.date,
            part_of_day: self.part_of_day,
            published: self.published,
            year_inferred: self.year_inferred,
            host: None,
            host_kind: self.host_kind,
            chairs: List::new(),
            topic: None,
            location: None,
            source: None,
            tags: Vec::new(),
            summary: None,
            highlights: Vec::new(),
            strengths: List::new(),
            shortcomings: Vec::new(),
            references: List::new(),
            images: List::new(),
            participants: Vec::new(),
            districts: self
                .districts
                .iter()
                .map(District::follow_up_part)
                .collect(),
            directives: self.directives.clone(),
        }
    }
}

impl District {
    /// This locality with only what the follow-up report reads (see
    /// [`Session::follow_up_part`]).
    fn follow_up_part(&self) -> District {
        District {
            id: self.id.clone(),
            name: self.name.clone(),
            level: self.level,
            parent: self.parent.clone(),
            body: None,
            summary: None,
            highlights: Vec::new(),
            strengths: List::new(),
            shortcomings: Vec::new(),
            indicators: Vec::new(),
            directives: self.directives.clone(),
            more: Rare::new(DistrictMore {
                key: self.more.key.clone(),
                proposals: self.more.proposals.clone(),
                ..DistrictMore::default()
            }),
        }
    }
}
