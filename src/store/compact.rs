//! Loaded sessions hold no spare room: every list is cut to its length once validated, since
//! ten thousand sessions kept for hours would otherwise carry some 40 MB of unused capacity.

use crate::model::{Directive, District, Indicator, Session, Text};

/// Frees the unused capacity of every list in `session` (the strings are exact already).
pub(super) fn shrink(session: &mut Session) {
    shrink_texts([
        &mut session.tags,
        &mut session.highlights,
        &mut session.shortcomings,
    ]);
    session.chairs.shrink_to_fit();
    session.strengths.shrink_to_fit();
    session.references.shrink_to_fit();
    session.images.shrink_to_fit();
    session.participants.shrink_to_fit();
    session.districts.shrink_to_fit();
    session.districts.iter_mut().for_each(shrink_district);
    shrink_directives(&mut session.directives);
}

fn shrink_district(district: &mut District) {
    shrink_texts([&mut district.highlights, &mut district.shortcomings]);
    district.strengths.shrink_to_fit();
    district.indicators.shrink_to_fit();
    district.indicators.iter_mut().for_each(shrink_indicator);
    shrink_directives(&mut district.directives);
}

fn shrink_texts<const N: usize>(lists: [&mut Vec<Text>; N]) {
    lists.into_iter().for_each(Vec::shrink_to_fit);
}

fn shrink_indicator(indicator: &mut Indicator) {
    indicator.compare.shrink_to_fit();
}

fn shrink_directives(directives: &mut Vec<Directive>) {
    directives.shrink_to_fit();
    (directives.iter_mut())
        .filter(|d| !d.more.to.is_empty())
        .for_each(|d| d.more.to.shrink_to_fit());
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_loaded_session_has_no_spare_capacity() {
        let sample = include_str!("../../briefings/2024/2024-03-13-hai-ha-dam-ha.toml");
        let session = super::super::parse_file(sample.as_bytes(), "s.toml", "s")
            .session
            .expect("the sample loads");
        assert_eq!(session.directives.capacity(), session.directives.len());
        assert_eq!(session.districts.capacity(), session.districts.len());
        for d in &session.districts {
            assert_eq!(d.indicators.capacity(), d.indicators.len());
            assert_eq!(d.directives.capacity(), d.directives.len());
            assert_eq!(d.highlights.capacity(), d.highlights.len());
            for i in &d.indicators {
                assert!(!i.compare.spilled() || i.compare.capacity() == i.compare.len());
            }
        }
        assert!(session.directives.len() > 2, "the sample has lists to cut");
    }
}
