//! The gauge of an indicator: which ratio it shows and whether it is met.

use serde::Serialize;

use super::{Better, Indicator};

/// Where a gauge's ratio comes from (docs/spec.md, the gauge rules).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GaugeBasis {
    /// `value / target × 100`.
    Target,
    /// The first `compare` entry's percent.
    Compare,
    /// The value itself, a percentage.
    Percent,
}

/// How an indicator stands against its ratio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Met,
    Near,
    Behind,
}

impl Status {
    /// A symbol that carries the status without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Met => "✓",
            Status::Near => "~",
            Status::Behind => "✗",
        }
    }

    /// The status for `ratio` (a percentage) when `better` is the good direction.
    pub fn of(ratio: f64, better: Better) -> Self {
        match better {
            Better::Higher if ratio >= 100.0 => Status::Met,
            Better::Higher if ratio >= 90.0 => Status::Near,
            Better::Higher => Status::Behind,
            Better::Lower if ratio <= 100.0 => Status::Met,
            Better::Lower if ratio <= 110.0 => Status::Near,
            Better::Lower => Status::Behind,
        }
    }
}

/// An indicator's ratio with its basis and status.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gauge {
    /// The ratio in percent; may exceed 100.
    pub ratio: f64,
    pub basis: GaugeBasis,
    pub status: Status,
}

impl Gauge {
    /// How full the bar is, 0.0 to 1.0.
    pub fn fill(&self) -> f64 {
        (self.ratio / 100.0).clamp(0.0, 1.0)
    }

    /// The ratio is above 100%.
    pub fn exceeds(&self) -> bool {
        self.ratio > 100.0
    }
}

impl Indicator {
    /// The gauge, chosen by docs/spec.md's rules in order; `None` for a plain figure.
    pub fn gauge(&self) -> Option<Gauge> {
        let (ratio, basis) = if let Some(target) = self.target.filter(|t| *t > 0.0) {
            (self.value / target * 100.0, GaugeBasis::Target)
        } else if let Some(first) = self.compare.first() {
            (first.percent, GaugeBasis::Compare)
        } else if self.unit.as_deref() == Some("%") {
            (self.value, GaugeBasis::Percent)
        } else {
            return None;
        };
        ratio.is_finite().then(|| Gauge {
            ratio,
            basis,
            status: Status::of(ratio, self.better),
        })
    }

    /// What the ratio is measured against: the target label, the comparison label, or nothing.
    pub fn gauge_label(&self) -> Option<&str> {
        match self.gauge()?.basis {
            GaugeBasis::Target => self.target_label.as_deref(),
            GaugeBasis::Compare => self.compare.first().map(|c| c.label.as_str()),
            GaugeBasis::Percent => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bound, Comparison};

    fn indicator(value: f64) -> Indicator {
        Indicator {
            name: "x".into(),
            value,
            unit: None,
            bound: Bound::Exact,
            period: None,
            target: None,
            target_label: None,
            compare: vec![],
            better: Better::Higher,
        }
    }

    fn compare(percent: f64) -> Comparison {
        Comparison {
            label: "so với năm 2022".into(),
            percent,
        }
    }

    #[test]
    fn target_wins_over_compare_and_percent() {
        let mut i = indicator(80.0);
        i.unit = Some("%".into());
        i.compare = vec![compare(107.0)];
        i.target = Some(100.0);
        let g = i.gauge().expect("gauge");
        assert_eq!(g.basis, GaugeBasis::Target);
        assert!((g.ratio - 80.0).abs() < 1e-9);
    }

    #[test]
    fn first_compare_wins_over_percent_unit() {
        let mut i = indicator(67.0);
        i.unit = Some("%".into());
        i.compare = vec![compare(119.5), compare(50.0)];
        let g = i.gauge().expect("gauge");
        assert_eq!((g.basis, g.ratio), (GaugeBasis::Compare, 119.5));
        assert_eq!(i.gauge_label(), Some("so với năm 2022"));
    }

    #[test]
    fn percent_unit_is_its_own_ratio() {
        let mut i = indicator(67.0);
        i.unit = Some("%".into());
        let g = i.gauge().expect("gauge");
        assert_eq!((g.basis, g.ratio), (GaugeBasis::Percent, 67.0));
        assert_eq!(i.gauge_label(), None);
    }

    #[test]
    fn plain_figure_has_no_gauge() {
        let mut i = indicator(385.0);
        i.unit = Some("tỷ đồng".into());
        assert_eq!(i.gauge(), None);
    }

    #[test]
    fn higher_is_better_thresholds() {
        assert_eq!(Status::of(100.0, Better::Higher), Status::Met);
        assert_eq!(Status::of(140.0, Better::Higher), Status::Met);
        assert_eq!(Status::of(99.9, Better::Higher), Status::Near);
        assert_eq!(Status::of(90.0, Better::Higher), Status::Near);
        assert_eq!(Status::of(89.99, Better::Higher), Status::Behind);
        assert_eq!(Status::of(0.0, Better::Higher), Status::Behind);
    }

    #[test]
    fn lower_is_better_thresholds() {
        assert_eq!(Status::of(50.0, Better::Lower), Status::Met);
        assert_eq!(Status::of(100.0, Better::Lower), Status::Met);
        assert_eq!(Status::of(100.1, Better::Lower), Status::Near);
        assert_eq!(Status::of(110.0, Better::Lower), Status::Near);
        assert_eq!(Status::of(110.1, Better::Lower), Status::Behind);
    }

    #[test]
    fn fill_is_capped_but_ratio_is_not() {
        let mut i = indicator(0.0);
        i.compare = vec![compare(175.0)];
        let g = i.gauge().expect("gauge");
        assert_eq!(g.fill(), 1.0);
        assert!(g.exceeds());
        assert_eq!(g.ratio, 175.0);
    }

    #[test]
    fn lower_better_status_uses_target_ratio() {
        let mut i = indicator(105.0);
        i.target = Some(100.0);
        i.better = Better::Lower;
        assert_eq!(i.gauge().map(|g| g.status), Some(Status::Near));
    }
}
