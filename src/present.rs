//! How briefing values read as text, shared by the terminal interface and the printed report:
//! plain functions from model values and a language to `String`s, with no styling, so that
//! either side can colour the pieces its own way.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n;
use crate::model::{
    Bound, Gauge, GaugeBasis, Indicator, Lang, Participant, Progress, Reading, Session, Status,
    format,
};

/// `Thứ Tư, 13/03/2024`, with ` 08:00` when the file gives the time.
pub fn session_when(s: &Session, lang: Lang) -> String {
    let day = format::long_date(s.date.day(), lang);
    match s.date.time() {
        Some(time) => format!("{day} {}", time.format("%H:%M")),
        None => day,
    }
}

/// `Tổng giá trị sản xuất (2023)`: the indicator's name with its period.
pub fn indicator_title(ind: &Indicator) -> String {
    match &ind.period {
        Some(p) => format!("{} ({p})", ind.name),
        None => ind.name.clone(),
    }
}

/// Decimals a figure from the file keeps: as many as written (a float holds fewer than this).
const WRITTEN: u32 = 6;

/// `100,75` / `100.75`: a number from the file with the decimals it was written with.
pub fn figure(value: f64, lang: Lang) -> String {
    format::number(value, WRITTEN, lang)
}

/// `33.497 tỷ đồng`, `67%`: a figure with its unit (a `%` follows without a space).
pub fn with_unit(value: f64, unit: Option<&str>, lang: Lang) -> String {
    let n = figure(value, lang);
    match unit {
        Some("%") => format!("{n}%"),
        Some(u) => format!("{n} {u}"),
        None => n,
    }
}

/// `≥ ` before a figure that is a lower bound (`>= ` in ASCII); empty for an exact figure.
fn bound_symbol(bound: Bound, ascii: bool) -> &'static str {
    match (ascii, bound) {
        (false, b) => b.symbol(),
        (true, Bound::Exact) => "",
        (true, Bound::AtLeast) => ">= ",
        (true, Bound::AtMost) => "<= ",
        (true, Bound::About) => "~ ",
    }
}

/// `≥ 385 tỷ đồng`: an indicator's value with its bound and unit.
pub fn value_text(ind: &Indicator, lang: Lang, ascii: bool) -> String {
    format!(
        "{}{}",
        bound_symbol(ind.bound, ascii),
        with_unit(ind.value, ind.unit.as_deref(), lang)
    )
}

/// `✓`, `~`, `✗` (`+`, `~`, `x` in ASCII): a status without colour.
pub fn status_symbol(status: Status, ascii: bool) -> &'static str {
    match (ascii, status) {
        (false, s) => s.symbol(),
        (true, Status::Met) => "+",
        (true, Status::Near) => "~",
        (true, Status::Behind) => "x",
    }
}

/// `đạt` / `met`: the word for an indicator's status.
pub fn status_word(status: Status, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match status {
        Status::Met => t.met,
        Status::Near => t.near,
        Status::Behind => t.behind,
    }
}

/// `80%` for a ratio computed from a target (one decimal at most), `100,75%` for a plan's
/// percent as the file writes it.
pub fn ratio_text(gauge: &Gauge, lang: Lang) -> String {
    match gauge.basis {
        GaugeBasis::Target => format::percent(gauge.ratio, lang),
        GaugeBasis::Plan => format!("{}%", figure(gauge.ratio, lang)),
    }
}

/// What a verdict is judged against: `mục tiêu cuối nhiệm kỳ: 100 triệu đồng/người` (the
/// target with its label), or the plan's label.
pub fn against(ind: &Indicator, gauge: &Gauge, lang: Lang) -> Option<String> {
    match (gauge.basis, ind.target) {
        (GaugeBasis::Target, Some(target)) => Some(format!(
            "{}: {}",
            ind.gauge_label().unwrap_or(i18n::strings(lang).target),
            with_unit(target, ind.unit.as_deref(), lang)
        )),
        _ => ind.gauge_label().map(str::to_string),
    }
}

/// `▲ 7%` / `▼ 5%` / `= 0%` (`+7%`, `-5%`, `=0%` in ASCII): growth, never a verdict.
pub fn growth_text(change: f64, lang: Lang, ascii: bool) -> String {
    let size = format!("{}%", figure(change.abs(), lang));
    let (up, down, same) = if ascii {
        ("+", "-", "=")
    } else {
        ("▲ ", "▼ ", "= ")
    };
    let sign = if size == "0%" {
        same
    } else if change > 0.0 {
        up
    } else {
        down
    };
    format!("{sign}{size}")
}

/// `▲ 19,5% so với năm 2022`, `175% kế hoạch của huyện`: a comparison the verdict does not use.
pub fn reading_text(reading: &Reading<'_>, lang: Lang, ascii: bool) -> String {
    match reading {
        Reading::Growth { label, change } => {
            format!("{} {label}", growth_text(*change, lang, ascii))
        }
        Reading::Plan { label, percent } => format!("{}% {label}", figure(*percent, lang)),
    }
}

/// The filled and empty cells of a `width`-cell gauge bar for a fill of 0.0–1.0.
pub fn bar_cells(fill: f64, width: usize) -> (usize, usize) {
    let filled = ((fill.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    (filled, width - filled)
}

/// `3/23 xong` / `3/23 done`.
pub fn done_count(p: Progress, lang: Lang) -> String {
    format!("{}/{} {}", p.done, p.total, i18n::strings(lang).done)
}

/// `2 quá hạn` / `2 overdue`.
pub fn overdue_text(n: usize, lang: Lang) -> String {
    format!("{n} {}", i18n::strings(lang).overdue)
}

/// `2 quá hạn` / `2 overdue`, when any directive is overdue.
pub fn overdue_count(p: Progress, lang: Lang) -> Option<String> {
    (p.overdue > 0).then(|| overdue_text(p.overdue, lang))
}

/// `3/23 done`, then `sep` and `2 overdue` when any directive is overdue.
pub fn progress_text(p: Progress, lang: Lang, sep: &str) -> String {
    let done = done_count(p, lang);
    match overdue_count(p, lang) {
        Some(overdue) => format!("{done}{sep}{overdue}"),
        None => done,
    }
}

/// `name, role (part)` with `sep` = `", "`, or `name — role (part)`.
pub fn participant_line(p: &Participant, sep: &str) -> String {
    let mut line = p.name.clone();
    if let Some(role) = &p.role {
        line.push_str(sep);
        line.push_str(role);
    }
    if let Some(part) = &p.part {
        line.push_str(&format!(" ({part})"));
    }
    line
}

/// The paragraphs of a multi-line text: blank lines separate them, and the lines of one
/// paragraph are joined by spaces.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// `[x]` for a directive that is done, `[ ]` for one that is not.
pub fn checkbox(done: bool) -> &'static str {
    if done { "[x]" } else { "[ ]" }
}

/// `s` cut to at most `width` columns, ending with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Better, Comparison};

    fn indicator() -> Indicator {
        Indicator {
            name: "Tổng thu ngân sách".into(),
            value: 385.0,
            unit: Some("tỷ đồng".into()),
            bound: Bound::AtLeast,
            period: Some("2023".into()),
            target: None,
            target_label: None,
            compare: vec![Comparison {
                label: "so với năm 2022".into(),
                percent: 107.0,
            }],
            better: Better::Higher,
        }
    }

    #[test]
    fn indicator_title_and_value() {
        let mut ind = indicator();
        assert_eq!(indicator_title(&ind), "Tổng thu ngân sách (2023)");
        assert_eq!(value_text(&ind, Lang::Vi, false), "≥ 385 tỷ đồng");
        assert_eq!(value_text(&ind, Lang::Vi, true), ">= 385 tỷ đồng");
        ind.value = 67.5;
        ind.unit = Some("%".into());
        ind.bound = Bound::Exact;
        ind.period = None;
        assert_eq!(indicator_title(&ind), "Tổng thu ngân sách");
        assert_eq!(value_text(&ind, Lang::Vi, false), "67,5%");
        assert_eq!(value_text(&ind, Lang::En, true), "67.5%");
    }

    #[test]
    fn figures_keep_the_decimals_written() {
        assert_eq!(figure(100.75, Lang::Vi), "100,75");
        assert_eq!(figure(33497.0, Lang::Vi), "33.497");
        assert_eq!(with_unit(0.125, Some("%"), Lang::En), "0.125%");
        let plan = Gauge {
            ratio: 100.75,
            basis: GaugeBasis::Plan,
            status: Status::Met,
        };
        assert_eq!(ratio_text(&plan, Lang::Vi), "100,75%");
        let target = Gauge {
            ratio: 80.0 / 3.0,
            basis: GaugeBasis::Target,
            ..plan
        };
        assert_eq!(
            ratio_text(&target, Lang::Vi),
            "26,7%",
            "a computed ratio: one decimal"
        );
    }

    #[test]
    fn growth_reads_as_growth() {
        assert_eq!(growth_text(7.0, Lang::Vi, false), "▲ 7%");
        assert_eq!(growth_text(146.7 - 100.0, Lang::Vi, false), "▲ 46,7%");
        assert_eq!(growth_text(-5.25, Lang::En, false), "▼ 5.25%");
        assert_eq!(growth_text(0.0, Lang::En, false), "= 0%");
        assert_eq!(growth_text(-5.0, Lang::En, true), "-5%");
        let r = Reading::Growth {
            label: "so với năm 2022",
            change: 19.5,
        };
        assert_eq!(reading_text(&r, Lang::Vi, false), "▲ 19,5% so với năm 2022");
        let p = Reading::Plan {
            label: "KH huyện",
            percent: 175.0,
        };
        assert_eq!(reading_text(&p, Lang::Vi, true), "175% KH huyện");
    }

    #[test]
    fn status_words_and_symbols() {
        assert_eq!(status_word(Status::Behind, Lang::Vi), "chưa đạt");
        assert_eq!(status_word(Status::Met, Lang::En), "met");
        assert_eq!(status_symbol(Status::Behind, false), "✗");
        assert_eq!(status_symbol(Status::Behind, true), "x");
    }

    #[test]
    fn bar_fill_is_capped() {
        assert_eq!(bar_cells(0.8, 10), (8, 2));
        assert_eq!(bar_cells(1.75, 10), (10, 0));
        assert_eq!(bar_cells(-1.0, 10), (0, 10));
    }

    #[test]
    fn progress_with_and_without_overdue() {
        let p = Progress {
            done: 3,
            total: 23,
            overdue: 2,
        };
        assert_eq!(progress_text(p, Lang::Vi, ", "), "3/23 xong, 2 quá hạn");
        assert_eq!(progress_text(p, Lang::En, " · "), "3/23 done · 2 overdue");
        let calm = Progress { overdue: 0, ..p };
        assert_eq!(progress_text(calm, Lang::En, ", "), "3/23 done");
        assert_eq!(overdue_count(calm, Lang::En), None);
    }

    #[test]
    fn participant_lines() {
        let mut p = Participant {
            name: "Lê Văn Tám".into(),
            role: Some("Bí thư".into()),
            part: Some("chủ trì".into()),
        };
        assert_eq!(participant_line(&p, ", "), "Lê Văn Tám, Bí thư (chủ trì)");
        assert_eq!(participant_line(&p, " — "), "Lê Văn Tám — Bí thư (chủ trì)");
        p.role = None;
        assert_eq!(participant_line(&p, ", "), "Lê Văn Tám (chủ trì)");
    }

    #[test]
    fn paragraphs_join_lines_and_split_on_blank_lines() {
        assert_eq!(paragraphs("a\n b\n\n \nc\n"), ["a b", "c"]);
        assert!(paragraphs("\n \n").is_empty());
    }

    #[test]
    fn checkboxes() {
        assert_eq!(checkbox(true), "[x]");
        assert_eq!(checkbox(false), "[ ]");
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Đầm Hà", 10), "Đầm Hà");
        assert_eq!(truncate("Đầm Hà và Hải Hà", 8), "Đầm Hà …");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }
}
