//! The gauge of an indicator and the rule for its verdict: only a target, or a comparison
//! with a plan, says whether the indicator is met; every other comparison is growth, and a
//! share in % without a target is a plain figure.

use serde::Serialize;

use super::fold::fold;
use super::{Better, Comparison, Indicator};

/// What a verdict is judged against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GaugeBasis {
    /// `value / target × 100`.
    Target,
    /// The `percent` of the first comparison with a plan (`kế hoạch`, `KH`, `chỉ tiêu`,
    /// `mục tiêu` in its label).
    Plan,
}

/// How an indicator stands against its target or plan.
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

/// An indicator's verdict: its ratio against a target or plan, and whether it is met.
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

/// A comparison the verdict does not use, as it is to be read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading<'a> {
    /// Against an earlier period: the change in percent (`107` → `7`, `95` → `-5`).
    Growth { label: &'a str, change: f64 },
    /// Against a plan other than the verdict's: the percent itself.
    Plan { label: &'a str, percent: f64 },
}

/// Whether a comparison's label names a plan: `kế hoạch`, `KH`, `chỉ tiêu`, `mục tiêu` (or
/// `plan`, `target`), accents and case aside.
pub fn is_plan(label: &str) -> bool {
    let folded = fold(label);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |phrase: &[&str]| words.windows(phrase.len()).any(|w| w == phrase);
    [
        &["ke", "hoach"][..],
        &["kh"],
        &["chi", "tieu"],
        &["muc", "tieu"],
        &["plan"],
        &["target"],
    ]
    .into_iter()
    .any(has)
}

impl Indicator {
    /// The verdict: against the target when there is one (> 0), else against the first
    /// comparison with a plan; `None` when the file gives neither.
    pub fn gauge(&self) -> Option<Gauge> {
        let (ratio, basis) = if let Some(target) = self.target.filter(|t| *t > 0.0) {
            (self.value / target * 100.0, GaugeBasis::Target)
        } else {
            (
                self.compare.get(self.plan_index()?)?.percent,
                GaugeBasis::Plan,
            )
        };
        ratio.is_finite().then(|| Gauge {
            ratio,
            basis,
            status: Status::of(ratio, self.better),
        })
    }

    /// Which comparison the verdict uses, when it uses one.
    fn plan_index(&self) -> Option<usize> {
        if self.target.is_some_and(|t| t > 0.0) {
            return None;
        }
        self.compare.iter().position(|c| is_plan(&c.label))
    }

    /// What the verdict is judged against: the target label, or the plan's label.
    pub fn gauge_label(&self) -> Option<&str> {
        match self.gauge()?.basis {
            GaugeBasis::Target => self.target_label.as_deref(),
            GaugeBasis::Plan => self
                .compare
                .get(self.plan_index()?)
                .map(|c| c.label.as_str()),
        }
    }

    /// Every comparison the verdict does not use, in file order.
    pub fn readings(&self) -> Vec<Reading<'_>> {
        let used = self.gauge().and_then(|_| self.plan_index());
        (self.compare.iter().enumerate())
            .filter(|(i, _)| Some(*i) != used)
            .map(|(_, c)| reading(c))
            .collect()
    }

    /// A value in % with no verdict: the share it is, 0.0 to 1.0, for a bar.
    pub fn share(&self) -> Option<f64> {
        let is_share = self.unit.as_deref() == Some("%") && self.gauge().is_none();
        (is_share && self.value.is_finite()).then(|| (self.value / 100.0).clamp(0.0, 1.0))
    }
}

fn reading(c: &Comparison) -> Reading<'_> {
    if is_plan(&c.label) {
        Reading::Plan {
            label: &c.label,
            percent: c.percent,
        }
    } else {
        Reading::Growth {
            label: &c.label,
            change: c.percent - 100.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bound;

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

    fn compare(label: &str, percent: f64) -> Comparison {
        Comparison {
            label: label.into(),
            percent,
        }
    }

    #[test]
    fn plans_are_named_in_the_label() {
        for plan in [
            "kế hoạch",
            "so với Kế Hoạch năm",
            "KH",
            "đạt 105% KH tỉnh giao",
            "chỉ tiêu Nghị quyết",
            "mục tiêu cuối nhiệm kỳ",
            "ke hoach cua huyen",
        ] {
            assert!(is_plan(plan), "{plan}");
        }
        for growth in ["so với năm 2022", "cùng kỳ", "khách", "tiêu dùng"] {
            assert!(!is_plan(growth), "{growth}");
        }
    }

    #[test]
    fn a_target_gives_the_verdict_and_leaves_every_comparison_as_growth() {
        let mut i = indicator(80.0);
        i.unit = Some("%".into());
        i.compare = vec![compare("so với năm 2020", 140.0), compare("kế hoạch", 90.0)];
        i.target = Some(100.0);
        let g = i.gauge().expect("gauge");
        assert_eq!((g.basis, g.status), (GaugeBasis::Target, Status::Behind));
        assert!((g.ratio - 80.0).abs() < 1e-9);
        assert_eq!(
            i.readings(),
            [
                Reading::Growth {
                    label: "so với năm 2020",
                    change: 40.0
                },
                Reading::Plan {
                    label: "kế hoạch",
                    percent: 90.0
                }
            ]
        );
        assert_eq!(i.share(), None, "a value with a verdict has no share bar");
    }

    #[test]
    fn the_first_plan_gives_the_verdict_wherever_it_is() {
        let mut i = indicator(8351.0);
        i.compare = vec![
            compare("so với năm 2022", 119.5),
            compare("kế hoạch", 100.8),
            compare("KH tỉnh giao", 95.0),
        ];
        let g = i.gauge().expect("gauge");
        assert_eq!(
            (g.basis, g.ratio, g.status),
            (GaugeBasis::Plan, 100.8, Status::Met)
        );
        assert_eq!(i.gauge_label(), Some("kế hoạch"));
        assert_eq!(i.readings().len(), 2);
        assert!(
            matches!(i.readings()[0], Reading::Growth { change, .. } if (change - 19.5).abs() < 1e-9)
        );
        assert!(matches!(i.readings()[1], Reading::Plan { percent, .. } if percent == 95.0));
    }

    #[test]
    fn growth_alone_gives_no_verdict() {
        let mut i = indicator(33497.0);
        i.compare = vec![compare("so với năm 2022", 107.0), compare("cùng kỳ", 95.0)];
        assert_eq!(i.gauge(), None);
        assert_eq!(i.gauge_label(), None);
        let changes: Vec<f64> = (i.readings().into_iter())
            .filter_map(|r| match r {
                Reading::Growth { change, .. } => Some(change),
                Reading::Plan { .. } => None,
            })
            .collect();
        assert_eq!(changes, [7.0, -5.0]);
    }

    #[test]
    fn a_percent_value_without_target_is_a_share_not_a_verdict() {
        let mut i = indicator(67.0);
        i.unit = Some("%".into());
        assert_eq!(i.gauge(), None);
        assert_eq!(i.share(), Some(0.67));
        i.better = Better::Lower;
        assert_eq!(
            i.gauge(),
            None,
            "lower is better, but no target: no verdict"
        );
        i.value = 140.0;
        assert_eq!(i.share(), Some(1.0));
    }

    #[test]
    fn lower_is_better_needs_a_target_or_plan() {
        let mut i = indicator(0.0);
        i.better = Better::Lower;
        assert_eq!(i.gauge(), None);
        i.value = 105.0;
        i.target = Some(100.0);
        assert_eq!(i.gauge().map(|g| g.status), Some(Status::Near));
    }

    #[test]
    fn plain_figure_has_no_gauge() {
        let mut i = indicator(385.0);
        i.unit = Some("tỷ đồng".into());
        assert_eq!((i.gauge(), i.share()), (None, None));
        assert!(i.readings().is_empty());
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
        i.compare = vec![compare("kế hoạch", 175.0)];
        let g = i.gauge().expect("gauge");
        assert_eq!(g.fill(), 1.0);
        assert!(g.exceeds());
        assert_eq!(g.ratio, 175.0);
    }
}
