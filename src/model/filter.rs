//! Filters for the review: which directives and which sessions to show.

use chrono::NaiveDate;

use super::{Directive, Session};

/// Which directives are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DirectiveFilter {
    #[default]
    All,
    Open,
    Overdue,
    Done,
}

impl DirectiveFilter {
    pub fn matches(self, d: &Directive, today: NaiveDate) -> bool {
        match self {
            DirectiveFilter::All => true,
            DirectiveFilter::Open => !d.done,
            DirectiveFilter::Overdue => d.is_overdue(today),
            DirectiveFilter::Done => d.done,
        }
    }

    /// The next filter in the cycle all → open → overdue → done → all.
    pub fn next(self) -> Self {
        match self {
            DirectiveFilter::All => DirectiveFilter::Open,
            DirectiveFilter::Open => DirectiveFilter::Overdue,
            DirectiveFilter::Overdue => DirectiveFilter::Done,
            DirectiveFilter::Done => DirectiveFilter::All,
        }
    }
}

/// Which sessions are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SessionFilter {
    #[default]
    All,
    Upcoming,
    Past,
}

impl SessionFilter {
    pub fn matches(self, s: &Session, today: NaiveDate) -> bool {
        match self {
            SessionFilter::All => true,
            SessionFilter::Upcoming => s.is_upcoming(today),
            SessionFilter::Past => !s.is_upcoming(today),
        }
    }

    /// The next filter in the cycle all → upcoming → past → all.
    pub fn next(self) -> Self {
        match self {
            SessionFilter::All => SessionFilter::Upcoming,
            SessionFilter::Upcoming => SessionFilter::Past,
            SessionFilter::Past => SessionFilter::All,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directive(done: bool, due: Option<&str>) -> Directive {
        crate::model::test_directive(done, due)
    }

    #[test]
    fn directive_filters() {
        let today: NaiveDate = "2024-06-01".parse().expect("date");
        let open = directive(false, Some("2024-12-01"));
        let overdue = directive(false, Some("2024-01-01"));
        let done = directive(true, Some("2024-01-01"));
        let table = [
            (DirectiveFilter::All, [true, true, true]),
            (DirectiveFilter::Open, [true, true, false]),
            (DirectiveFilter::Overdue, [false, true, false]),
            (DirectiveFilter::Done, [false, false, true]),
        ];
        for (f, want) in table {
            let got = [&open, &overdue, &done].map(|d| f.matches(d, today));
            assert_eq!(got, want, "{f:?}");
        }
    }

    #[test]
    fn filters_cycle_back_to_all() {
        let mut f = DirectiveFilter::All;
        for _ in 0..4 {
            f = f.next();
        }
        assert_eq!(f, DirectiveFilter::All);
        assert_eq!(SessionFilter::Past.next(), SessionFilter::All);
    }
}
