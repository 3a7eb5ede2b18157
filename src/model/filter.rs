//! Filters for the review: which directives and which sessions to show.

use chrono::NaiveDate;

use super::progress::Category;
use super::{Followed, Session};

/// Which directives are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DirectiveFilter {
    #[default]
    All,
    Open,
    Overdue,
    Done,
    /// The directives a follow-up report counts in this category today.
    Category(Category),
}

impl DirectiveFilter {
    /// Whether a directive (or a followed proposal) is shown.
    pub fn matches(self, d: &(impl Followed + ?Sized), today: NaiveDate) -> bool {
        match self {
            DirectiveFilter::All => true,
            DirectiveFilter::Open => !d.is_done(),
            DirectiveFilter::Overdue => d.is_overdue(today),
            DirectiveFilter::Done => d.is_done(),
            DirectiveFilter::Category(c) => d.category(today) == c,
        }
    }

    /// The next filter in the cycle all → open → overdue → done → each category in the
    /// report's order → all.
    pub fn next(self) -> Self {
        let first = DirectiveFilter::Category(Category::ALL[0]);
        match self {
            DirectiveFilter::All => DirectiveFilter::Open,
            DirectiveFilter::Open => DirectiveFilter::Overdue,
            DirectiveFilter::Overdue => DirectiveFilter::Done,
            DirectiveFilter::Done => first,
            DirectiveFilter::Category(c) => {
                let at = Category::ALL.iter().position(|x| *x == c).unwrap_or(0);
                (Category::ALL.get(at + 1))
                    .map_or(DirectiveFilter::All, |c| DirectiveFilter::Category(*c))
            }
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
    use crate::model::Directive;

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
    fn a_category_filter_shows_the_directives_of_that_category() {
        let today: NaiveDate = "2024-06-01".parse().expect("date");
        let open = directive(false, Some("2024-12-01"));
        let overdue = directive(false, Some("2024-01-01"));
        let late = DirectiveFilter::Category(Category::NotStartedOverdue);
        assert!(!late.matches(&open, today) && late.matches(&overdue, today));
        let in_time = DirectiveFilter::Category(Category::NotStartedInTime);
        assert!(in_time.matches(&open, today) && !in_time.matches(&overdue, today));
    }

    #[test]
    fn filters_cycle_through_the_categories_back_to_all() {
        let mut f = DirectiveFilter::All;
        let mut seen = Vec::new();
        for _ in 0..4 + Category::ALL.len() {
            f = f.next();
            seen.push(f);
        }
        assert_eq!(f, DirectiveFilter::All);
        for c in Category::ALL {
            assert!(seen.contains(&DirectiveFilter::Category(c)), "{c:?}");
        }
        assert_eq!(SessionFilter::Past.next(), SessionFilter::All);
    }
}
