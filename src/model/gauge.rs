//! The gauge of an indicator: whether the source judges it (a verdict from a target or a plan
//! comparison), which ratio it shows, and the bar of a share.

use serde::Serialize;

use super::{Basis, Better, Comparison, Indicator, Kind, fold};

/// Where a gauge's ratio comes from (docs/spec.md, gauges and verdicts).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GaugeBasis {
    /// `value / target × 100`.
    Target,
    /// A target of zero ("không còn hộ nghèo": none left): met at zero, behind above it, and no
    /// ratio, since none can be computed.
    ZeroTarget,
    /// The percent of the first comparison whose basis is `plan`.
    Compare,
}

/// The words of a label that name a plan, folded (`kế hoạch`, `chỉ tiêu`, `mục tiêu`), and
/// `KH` as a whole word.
const PLAN_WORDS: [&[&str]; 4] = [
    &["ke", "hoach"],
    &["chi", "tieu"],
    &["muc", "tieu"],
    &["kh"],
];

/// The basis of a comparison whose file does not write one: `plan` when its label names a plan
/// (accents and case ignored, whole words), else `previous`.
pub(crate) fn basis_of_label(label: &str) -> Basis {
    let folded = fold::fold(label);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let names_plan = PLAN_WORDS
        .iter()
        .any(|phrase| words.windows(phrase.len()).any(|w| w == *phrase));
    if names_plan {
        Basis::Plan
    } else {
        Basis::Previous
    }
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
    /// The ratio in percent; may exceed 100. `None` against a target of zero.
    pub ratio: Option<f64>,
    pub basis: GaugeBasis,
    pub status: Status,
}

impl Gauge {
    /// How full the bar is, 0.0 to 1.0: against a target of zero, full when met, else empty.
    pub fn fill(&self) -> f64 {
        match self.ratio {
            Some(ratio) => (ratio / 100.0).clamp(0.0, 1.0),
            None if self.status == Status::Met => 1.0,
            None => 0.0,
        }
    }

    /// The ratio is above 100%.
    pub fn exceeds(&self) -> bool {
        self.ratio.is_some_and(|r| r > 100.0)
    }
}

impl Indicator {
    /// The gauge with its verdict, by docs/spec.md's rules: `value / target` when there is a
    /// value and a target (a target of zero: met at zero, else behind, without a ratio), else
    /// the first comparison with basis `plan` (a figure known only as a percent of plan);
    /// `None` when the source gives no verdict (a share, a growth, a rate or a plain figure).
    pub fn gauge(&self) -> Option<Gauge> {
        let against_target = self.value.zip(self.more.target.filter(|t| *t >= 0.0));
        let (ratio, basis) = match against_target {
            Some((value, 0.0)) => {
                let status = if value <= 0.0 {
                    Status::Met
                } else {
                    Status::Behind
                };
                return Some(Gauge {
                    ratio: None,
                    basis: GaugeBasis::ZeroTarget,
                    status,
                });
            }
            Some((value, target)) => (value / target * 100.0, GaugeBasis::Target),
            None => (self.plan_compare()?.1.percent, GaugeBasis::Compare),
        };
        ratio.is_finite().then(|| Gauge {
            ratio: Some(ratio),
            basis,
            status: Status::of(ratio, self.better),
        })
    }

    /// The first comparison against a plan, with its place in `compare`.
    pub fn plan_compare(&self) -> Option<(usize, &Comparison)> {
        (self.compare.iter().enumerate()).find(|(_, c)| c.basis() == Basis::Plan)
    }

    /// What the ratio is measured against: the target label, the comparison label, or nothing.
    pub fn gauge_label(&self) -> Option<&str> {
        match self.gauge()?.basis {
            GaugeBasis::Target | GaugeBasis::ZeroTarget => self.more.target_label.as_deref(),
            GaugeBasis::Compare => self.plan_compare().map(|(_, c)| &*c.label),
        }
    }

    /// The comparisons the gauge does not show, in file order.
    pub fn other_compares(&self) -> impl Iterator<Item = &Comparison> {
        let shown = match self.gauge().map(|g| g.basis) {
            Some(GaugeBasis::Compare) => self.plan_compare().map(|(i, _)| i),
            _ => None,
        };
        (self.compare.iter().enumerate())
            .filter(move |(i, _)| Some(*i) != shown)
            .map(|(_, c)| c)
    }

    /// The part of the whole a `share` is, 0.0–1.0 and beyond: `value / of`, else `value / 100`
    /// when its unit is `%`; `None` for other kinds and for a share of nothing known.
    pub fn share(&self) -> Option<f64> {
        if self.kind != Kind::Share {
            return None;
        }
        let value = self.value?;
        let part = match self.more.of {
            Some(of) if of > 0.0 => value / of,
            Some(_) => return None,
            None if self.unit.as_deref() == Some("%") => value / 100.0,
            None => return None,
        };
        part.is_finite().then_some(part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Comparison;

    fn indicator(value: f64) -> Indicator {
        Indicator {
            name: "x".into(),
            value: Some(value),
            ..Indicator::default()
        }
    }

    /// A comparison against a plan (by its label).
    fn compare(percent: f64) -> Comparison {
        Comparison {
            label: "so với kế hoạch năm".into(),
            percent,
            written_basis: None,
        }
    }

    fn previous(percent: f64) -> Comparison {
        Comparison {
            label: "so với năm 2022".into(),
            percent,
            written_basis: None,
        }
    }

    #[test]
    fn target_wins_over_compare_and_percent() {
        let mut i = indicator(80.0);
        i.unit = Some("%".into());
        i.compare = smallvec::smallvec![compare(107.0)];
        i.more.target = Some(100.0);
        let g = i.gauge().expect("gauge");
        assert_eq!(g.basis, GaugeBasis::Target);
        assert!((g.ratio.expect("a ratio") - 80.0).abs() < 1e-9);
    }

    #[test]
    fn the_first_plan_compare_gives_the_verdict() {
        let mut i = indicator(67.0);
        i.unit = Some("%".into());
        i.compare = smallvec::smallvec![previous(130.0), compare(119.5), compare(50.0)];
        let g = i.gauge().expect("gauge");
        assert_eq!((g.basis, g.ratio), (GaugeBasis::Compare, Some(119.5)));
        assert_eq!(i.gauge_label(), Some("so với kế hoạch năm"));
        let others: Vec<f64> = i.other_compares().map(|c| c.percent).collect();
        assert_eq!(others, [130.0, 50.0]);
    }

    #[test]
    fn a_percentage_or_a_growth_is_no_verdict() {
        let mut i = indicator(67.0);
        i.unit = Some("%".into());
        assert_eq!(i.gauge(), None);
        i.compare = smallvec::smallvec![previous(107.0)];
        assert_eq!(i.gauge(), None);
        assert_eq!(i.other_compares().count(), 1);
        i.compare[0].written_basis = Some(Basis::Plan);
        assert_eq!(i.gauge().and_then(|g| g.ratio), Some(107.0));
        i.compare[0].label = "kế hoạch".into();
        i.compare[0].written_basis = Some(Basis::Other);
        assert_eq!(i.gauge(), None, "the written basis wins over the label");
    }

    #[test]
    fn labels_that_name_a_plan_are_plans() {
        for label in [
            "kế hoạch",
            "so với kế hoạch của huyện",
            "KẾ HOẠCH",
            "ke hoach nam",
            "đạt 100,75% KH",
            "so với KH năm 2024",
            "chỉ tiêu Nghị quyết",
            "mục tiêu cuối nhiệm kỳ",
            "Ke-hoach",
        ] {
            assert_eq!(basis_of_label(label), Basis::Plan, "{label}");
        }
        for label in [
            "so với năm 2022",
            "cùng kỳ",
            "khoảng",
            "KHKT",
            "bình quân",
            "",
        ] {
            assert_eq!(basis_of_label(label), Basis::Previous, "{label}");
        }
    }

    #[test]
    fn a_share_is_its_part_of_the_whole() {
        let mut i = indicator(15.0);
        i.more.of = Some(19.0);
        assert_eq!(i.share(), None, "only a share has one");
        i.kind = Kind::Share;
        assert!((i.share().expect("share") - 15.0 / 19.0).abs() < 1e-12);
        i.more.of = None;
        assert_eq!(i.share(), None);
        i.unit = Some("%".into());
        i.value = Some(77.0);
        assert_eq!(i.share(), Some(0.77));
        i.more.of = Some(0.0);
        assert_eq!(i.share(), None);
        assert_eq!(i.gauge(), None, "a share has no verdict");
    }

    #[test]
    fn plain_figure_has_no_gauge() {
        let mut i = indicator(385.0);
        i.unit = Some("tỷ đồng".into());
        assert_eq!(i.gauge(), None);
    }

    /// Met from 100% on, near within 10 points, behind beyond; the other way round when lower
    /// is better.
    #[test]
    fn thresholds_depend_on_which_way_is_better() {
        use Status::{Behind, Met, Near};
        let higher = [100.0, 140.0, 99.9, 90.0, 89.99, 0.0].map(|r| Status::of(r, Better::Higher));
        assert_eq!(higher, [Met, Met, Near, Near, Behind, Behind]);
        let lower = [50.0, 100.0, 100.1, 110.0, 110.1].map(|r| Status::of(r, Better::Lower));
        assert_eq!(lower, [Met, Met, Near, Near, Behind]);
    }

    #[test]
    fn fill_is_capped_but_ratio_is_not() {
        let mut i = indicator(0.0);
        i.compare = smallvec::smallvec![compare(175.0)];
        let g = i.gauge().expect("gauge");
        assert_eq!(g.fill(), 1.0);
        assert!(g.exceeds());
        assert_eq!(g.ratio, Some(175.0));
    }

    /// A figure known only as a percent of plan has its gauge and verdict from the plan,
    /// whatever its target; without a plan it has none.
    #[test]
    fn a_figure_without_a_value_is_judged_by_its_plan_percent() {
        let mut i = indicator(0.0);
        i.value = None;
        i.more.target = Some(400.0);
        assert_eq!(i.gauge(), None, "no value, no plan: no verdict");
        i.compare = smallvec::smallvec![compare(95.0)];
        let g = i.gauge().expect("gauge");
        assert_eq!(
            (g.basis, g.ratio, g.status),
            (GaugeBasis::Compare, Some(95.0), Status::Near)
        );
        i.kind = Kind::Share;
        i.unit = Some("%".into());
        assert_eq!(i.share(), None, "no value, no share");
    }

    /// "Không còn hộ nghèo": a target of zero is met at zero and behind above it, whichever way
    /// is better, with no ratio, an empty or full bar, never NaN or infinity.
    #[test]
    fn a_target_of_zero_is_met_only_at_zero() {
        for better in [Better::Higher, Better::Lower] {
            let mut i = indicator(12.0);
            i.more.target = Some(0.0);
            i.better = better;
            i.compare = smallvec::smallvec![compare(50.0)];
            let g = i.gauge().expect("gauge");
            assert_eq!(
                (g.basis, g.ratio, g.status),
                (GaugeBasis::ZeroTarget, None, Status::Behind)
            );
            assert_eq!((g.fill(), g.exceeds()), (0.0, false));
            i.value = Some(0.0);
            let g = i.gauge().expect("gauge");
            assert_eq!((g.status, g.fill()), (Status::Met, 1.0));
        }
    }

    #[test]
    fn lower_better_status_uses_target_ratio() {
        let mut i = indicator(105.0);
        i.more.target = Some(100.0);
        i.better = Better::Lower;
        assert_eq!(i.gauge().map(|g| g.status), Some(Status::Near));
    }
}
