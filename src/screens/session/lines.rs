//! The one producer of a tab's lines: a block made into toned lines at a width (a heading,
//! a paragraph or bullet wrapped, a locality's overview, an indicator's gauge, a directive
//! with its deadline and, when selected, its detail). Navigation and drawing both use them.

use chrono::NaiveDate;

use super::blocks::{Block, Section};
use crate::i18n::{self, Strings};
use crate::model::Followed;
use crate::model::{Directive, Indicator, Lang, Proposal, Session, Status};
use crate::present::numbers;
use crate::present::words::CHECKBOX;
use crate::present::{
    addressees, bar_cells, checkbox, compare_text, done_count, indicator_title, locality_facts,
    locality_title, measured_against, overdue_text, participant_line, proposal_line, ratio_text,
    share_text, truncate, value_text,
};
use crate::present::{deadline, urgent_mark};
use crate::screens::follow_up;
use crate::ui::text::{pad, wrap};
use crate::ui::tone::{Tone, Toned};

/// Columns taken by the selection gutter on every line.
pub(super) const GUTTER: usize = 2;
/// Columns before a bullet's text.
const BULLET_INDENT: usize = 2;

/// What the lines depend on besides the session and the width.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cx {
    pub lang: Lang,
    pub today: NaiveDate,
}

/// A heading has a blank line above it, unless it is first or follows a paragraph (which
/// ends with one).
fn gap_before(blocks: &[Block], i: usize) -> bool {
    i > 0 && !matches!(blocks.get(i - 1), Some(Block::Paragraph(_)))
}

fn section_title(t: &Strings, section: Section) -> &'static str {
    match section {
        Section::Summary => t.summary,
        Section::Participants => t.participants,
        Section::Districts => t.districts,
        Section::SessionDirectives => t.session_directives,
        Section::SharedDirectives => t.shared_directives,
        Section::Highlights => t.highlights,
        Section::Strengths => t.strengths,
        Section::Shortcomings => t.shortcomings,
        Section::Indicators => t.indicators,
        Section::Directives => t.directives,
        Section::References => t.references,
        Section::Images => t.images,
        Section::Proposals => t.proposals,
    }
}

/// How the wrapped text of a paragraph or a bullet is shown: the one maker of their lines,
/// whether a block is made into lines whole ([`block_lines`]) or only counted and made a window
/// at a time (`place::Counted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextKind {
    Paragraph,
    Bullet,
}

impl TextKind {
    /// The text and kind of a paragraph or a bullet; `None` for other blocks.
    pub(super) fn of(block: &Block) -> Option<(&str, TextKind)> {
        match block {
            Block::Paragraph(p) => Some((p, TextKind::Paragraph)),
            Block::Bullet(b) => Some((b, TextKind::Bullet)),
            _ => None,
        }
    }

    /// The columns the text is wrapped to in a tab `width` columns wide.
    pub(super) fn room(self, width: usize) -> usize {
        match self {
            TextKind::Paragraph => width,
            TextKind::Bullet => width.saturating_sub(BULLET_INDENT),
        }
    }

    /// Wrapped line `k` as shown: a bullet's first line after `• `, its others below the text.
    pub(super) fn line(self, k: usize, line: &str) -> Toned {
        match (self, k) {
            (TextKind::Paragraph, _) => Toned::one(line, Tone::Plain),
            (TextKind::Bullet, 0) => Toned::one(format!("• {line}"), Tone::Plain),
            (TextKind::Bullet, _) => Toned::one(format!("  {line}"), Tone::Plain),
        }
    }

    /// The blank lines after the text: a paragraph ends with one.
    pub(super) fn after(self) -> usize {
        match self {
            TextKind::Paragraph => 1,
            TextKind::Bullet => 0,
        }
    }
}

/// The lines of block `i` of `blocks`, `width` columns wide (the gutter not included); a
/// selected directive also shows its note and who checked it off. The one producer of a
/// tab's lines.
pub(super) fn block_lines(
    cx: &Cx,
    session: &Session,
    blocks: &[Block],
    i: usize,
    width: usize,
    selected: bool,
) -> Vec<Toned> {
    let text_lines = |text: &str, kind: TextKind| -> Vec<Toned> {
        let wrapped = wrap(text, kind.room(width)).into_iter().enumerate();
        let mut lines: Vec<Toned> = wrapped.map(|(k, line)| kind.line(k, line)).collect();
        lines.extend(std::iter::repeat_with(Toned::new).take(kind.after()));
        lines
    };
    let Some(block) = blocks.get(i) else {
        return Vec::new();
    };
    match block {
        Block::Heading(section) => {
            let title = Toned::one(
                section_title(i18n::strings(cx.lang), *section),
                Tone::Heading,
            );
            if gap_before(blocks, i) {
                vec![Toned::new(), title]
            } else {
                vec![title]
            }
        }
        Block::Paragraph(p) => text_lines(p, TextKind::Paragraph),
        Block::Bullet(b) => text_lines(b, TextKind::Bullet),
        Block::Participant(p) => session
            .participants
            .get(*p)
            .map(|p| text_lines(&participant_line(p, " — "), TextKind::Bullet))
            .unwrap_or_default(),
        Block::DistrictLine(d) => vec![district_line(cx, session, *d, width)],
        Block::Facts(d) => (session.districts.get(*d))
            .and_then(|d| locality_facts(d, cx.lang))
            .map(|facts| {
                (wrap(&facts, width).into_iter())
                    .map(|l| Toned::one(l, Tone::Muted))
                    .collect()
            })
            .unwrap_or_default(),
        Block::Indicator { district, index } => session
            .districts
            .get(*district)
            .and_then(|d| d.indicators.get(*index))
            .map(|ind| indicator_lines(ind, width, cx.lang))
            .unwrap_or_default(),
        Block::Directive(r) => session
            .directive(*r)
            .map(|d| {
                let to = addressees(session, &d.more.to, &d.more.to_other);
                directive_lines(cx, d, to.as_deref(), width, selected)
            })
            .unwrap_or_default(),
        Block::Proposal { district, index } => (session.districts.get(*district))
            .and_then(|d| d.more.proposals.get(*index))
            .map(|p| proposal_lines(cx, p, width))
            .unwrap_or_default(),
        Block::Nothing => vec![Toned::one(i18n::strings(cx.lang).nothing, Tone::Muted)],
    }
}

/// A locality's proposal as a bullet with its facts; one with an assignee then has its
/// follow-up line as a directive has (state, percent, latest note), after `⚠ quá hạn` when it is
/// overdue.
fn proposal_lines(cx: &Cx, p: &Proposal, width: usize) -> Vec<Toned> {
    use unicode_width::UnicodeWidthStr;
    let kind = TextKind::Bullet;
    let text = proposal_line(p, cx.lang);
    let wrapped = wrap(&text, kind.room(width)).into_iter().enumerate();
    let mut out: Vec<Toned> = wrapped.map(|(k, line)| kind.line(k, line)).collect();
    if p.is_followed() {
        let mut lead = Toned::one(" ".repeat(BULLET_INDENT), Tone::Plain);
        let mut room = kind.room(width);
        if p.is_overdue(cx.today) {
            let flag = format!("⚠ {} · ", i18n::strings(cx.lang).overdue);
            room = room.saturating_sub(flag.width());
            lead = lead.and(flag, Tone::Overdue);
        }
        out.push(lead.and_line(follow_up::line(cx.lang, p, room)));
    }
    out
}

/// `Đầm Hà  ✓2 ~1 ✗0      3/12 xong · 1 quá hạn`.
fn district_line(cx: &Cx, session: &Session, d: usize, width: usize) -> Toned {
    let Some(district) = session.districts.get(d) else {
        return Toned::new();
    };
    let p = session.locality_progress(d, cx.today);
    let (mut met, mut near, mut behind) = (0, 0, 0);
    for g in district.indicators.iter().filter_map(|i| i.gauge()) {
        match g.status {
            Status::Met => met += 1,
            Status::Near => near += 1,
            Status::Behind => behind += 1,
        }
    }
    let mut right = done_count(p, cx.lang);
    if p.overdue > 0 {
        right.push_str(&format!(" · {}", overdue_text(p.overdue, cx.lang)));
    }
    let name = format!(
        "{}  ✓{met} ~{near} ✗{behind}",
        locality_title(district, cx.lang)
    );
    let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(right.as_str()) + 2);
    let name = truncate(&name, room);
    let gap = pad(&name, room) + "  ";
    (Toned::one(name, Tone::Title).and(gap, Tone::Plain)).and(right, Tone::Muted)
}

/// An indicator, `width` columns wide: its name and value; its gauge with a verdict, or the
/// bar of a share; then each other comparison (growth ▲/▼) and its note.
fn indicator_lines(ind: &Indicator, width: usize, lang: Lang) -> Vec<Toned> {
    use unicode_width::UnicodeWidthStr;
    let value = value_text(ind, lang, false);
    let name_room = width.saturating_sub(value.width() + 2);
    let name = truncate(&indicator_title(ind, lang), name_room);
    let padding = pad(&name, name_room) + "  ";
    let first = (Toned::one(name, Tone::Plain).and(padding, Tone::Plain)).and(value, Tone::Title);
    let mut lines = vec![first];
    let gauge = gauge_lines(ind, width, lang);
    if gauge.is_empty() {
        lines.extend(share_line(ind, width, lang));
    }
    lines.extend(gauge);
    for c in ind.other_compares() {
        let text = truncate(&compare_text(c, lang, false), width);
        lines.push(Toned::one(text, Tone::Muted));
    }
    if let Some(note) = &ind.note {
        let t = i18n::strings(lang);
        for l in wrap(&format!("{}: {note}", t.note), width) {
            lines.push(Toned::one(l, Tone::Muted));
        }
    }
    lines
}

/// The bar of a share, without a verdict: `████████░░ 78,9%`.
fn share_line(ind: &Indicator, width: usize, lang: Lang) -> Option<Toned> {
    let share = ind.share()?;
    let bar_width = (width / 3).clamp(5, 30);
    let (filled, empty) = bar_cells(share, bar_width);
    let line = Toned::one("█".repeat(filled), Tone::Title)
        .and("░".repeat(empty), Tone::Muted)
        .and(" ", Tone::Plain)
        .and(share_text(ind, lang).unwrap_or_default(), Tone::Title);
    Some(line)
}

/// The gauge of an indicator with a verdict: bar, ratio and status, close together and in
/// columns of their own so a tab's gauges line up; then what it is measured against (the
/// target with its value, or the comparison's label), after them when it fits, else wrapped
/// on the lines below.
fn gauge_lines(ind: &Indicator, width: usize, lang: Lang) -> Vec<Toned> {
    use unicode_width::UnicodeWidthStr;
    let Some(g) = ind.gauge() else {
        return Vec::new();
    };
    let status_tone = Tone::Status(g.status);
    let status = format!(
        "{} {}",
        g.status.symbol(),
        crate::present::status_word(g.status, lang)
    );
    let status_column = [Status::Met, Status::Near, Status::Behind]
        .into_iter()
        .map(|s| crate::present::status_word(s, lang).width() + 2)
        .max()
        .unwrap_or(0);
    let ratio = format!(
        "{:>8}{}",
        ratio_text(&g, lang),
        if g.exceeds() { " ▲" } else { "  " }
    );
    let bar_width = (width / 3).clamp(5, 30);
    let (filled, empty) = bar_cells(g.fill(), bar_width);
    let mut first = Toned::one("█".repeat(filled), status_tone)
        .and("░".repeat(empty), Tone::Muted)
        .and(" ", Tone::Plain)
        .and(ratio.clone(), status_tone)
        .and("  ", Tone::Plain)
        .and(status.clone(), status_tone);
    let Some(against) = measured_against(ind, &g, lang) else {
        return vec![first];
    };
    let used = bar_width + 1 + ratio.width() + 2 + status_column + 2;
    if used + against.width() <= width {
        let gap = " ".repeat(status_column + 2 - status.width());
        first = first.and(gap, Tone::Plain).and(against, Tone::Muted);
        return vec![first];
    }
    let mut lines = vec![first];
    lines.extend(
        wrap(&against, width)
            .into_iter()
            .map(|l| Toned::one(l, Tone::Muted)),
    );
    lines
}

/// A directive: checkbox and wrapped text, owner, the localities it is `to` and due date, and
/// when selected its detail (the note, who checked it off and when).
fn directive_lines(
    cx: &Cx,
    d: &Directive,
    to: Option<&str>,
    width: usize,
    selected: bool,
) -> Vec<Toned> {
    let t = i18n::strings(cx.lang);
    let overdue = d.is_overdue(cx.today);
    let mark_tone = match (d.done, overdue) {
        (true, _) => Tone::Done,
        (false, true) => Tone::Overdue,
        (false, false) => Tone::Plain,
    };
    let text_tone = if d.done { Tone::Muted } else { Tone::Plain };
    let indent = " ".repeat(CHECKBOX);
    let room = width.saturating_sub(CHECKBOX);
    let mut out: Vec<Toned> = (wrap(&d.text, room).into_iter().enumerate())
        .map(|(i, l)| {
            let lead = if i == 0 {
                Toned::one(format!("{} ", checkbox(d.done)), mark_tone)
            } else {
                Toned::one(indent.clone(), Tone::Plain)
            };
            lead.and(l, text_tone)
        })
        .collect();
    if !d.more.progress.is_empty() {
        let line = follow_up::line(cx.lang, d, room);
        out.push(Toned::one(indent.clone(), Tone::Plain).and_line(line));
    }
    if d.owner.is_some() || d.due.is_some() || d.more.due_text.is_some() || d.urgent || to.is_some()
    {
        out.extend(meta_lines(cx, d, to, room, overdue, selected));
    }
    if !selected {
        return out;
    }
    if let Some(note) = &d.more.note {
        for l in wrap(&format!("{}: {note}", t.note), room) {
            out.push(Toned::one(indent.clone(), Tone::Plain).and(l, Tone::Muted));
        }
    }
    if d.done && (d.more.done_by.is_some() || d.more.done_at.is_some()) {
        let mut s = t.checked_by.to_string();
        if let Some(by) = &d.more.done_by {
            s.push_str(&format!(" {by}"));
        }
        if let Some(at) = d.more.done_at {
            let when = numbers::date(at.date_naive());
            s.push_str(&format!(" {} {} {when}", t.at, at.format("%H:%M")));
        }
        out.push(Toned::one(indent, Tone::Plain).and(truncate(&s, room), Tone::Done));
    }
    out
}

/// `⚠ quá hạn · Hạn: 30/06/2024 · Thực hiện: Huyện ủy · Gửi: Hải Hà, Đầm Hà`, in `room`
/// columns after the indent: one line cut with `…`, or whole (wrapped) when `whole` (the
/// selected directive shows all of it).
fn meta_lines(
    cx: &Cx,
    d: &Directive,
    to: Option<&str>,
    room: usize,
    overdue: bool,
    whole: bool,
) -> Vec<Toned> {
    use unicode_width::UnicodeWidthStr;
    let t = i18n::strings(cx.lang);
    let mut parts = Vec::new();
    parts.extend(deadline(d.due, d.more.due_text.as_deref(), cx.lang));
    if let Some(owner) = &d.owner {
        parts.push(format!("{}: {owner}", t.owner));
    }
    if let Some(to) = to {
        parts.push(format!("{}: {to}", t.directive_to));
    }
    let indent = || Toned::one(" ".repeat(CHECKBOX), Tone::Plain);
    let mut flags = Vec::new();
    if d.urgent {
        flags.push(urgent_mark(cx.lang));
    }
    if overdue {
        flags.push(format!("⚠ {}", t.overdue));
    }
    let flag = match flags.is_empty() {
        true => String::new(),
        false => format!("{} · ", flags.join(" · ")),
    };
    let rest = parts.join(" · ");
    if !whole {
        let rest = truncate(&rest, room.saturating_sub(flag.width()));
        return vec![indent().and(flag, Tone::Overdue).and(rest, Tone::Muted)];
    }
    Toned::wrapped((&flag, Tone::Overdue), (&rest, Tone::Muted), CHECKBOX, room)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Basis, Bound, DirectiveMore, Due, IndicatorMore, Kind, Period, Rare};

    fn indicator() -> Indicator {
        Indicator::sample("Tổng giá trị sản xuất", 33497.0, Bound::Exact, "kế hoạch")
    }

    fn directive() -> Directive {
        Directive {
            id: "a".into(),
            text: "Kiểm soát tốt ma túy trên địa bàn, tăng số xã không có ma túy.".into(),
            owner: Some("Huyện ủy Hải Hà".into()),
            due: NaiveDate::from_ymd_opt(2024, 6, 30).map(Due::Day),
            more: Rare::new(DirectiveMore {
                note: Some("Báo cáo hằng quý.".into()),
                ..DirectiveMore::default()
            }),
            ..Directive::default()
        }
    }

    pub(in crate::screens::session) fn cx(lang: Lang) -> Cx {
        Cx {
            lang,
            today: NaiveDate::from_ymd_opt(2024, 7, 1).expect("date"),
        }
    }

    pub(in crate::screens::session) fn texts(lines: &[Toned]) -> Vec<String> {
        lines.iter().map(Toned::text).collect()
    }

    #[test]
    fn a_directive_with_a_log_shows_its_state_percent_and_latest_note() {
        use crate::model::State;
        use crate::model::progress::Entry;
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).expect("time");
        let mut d = directive();
        d.more.progress = vec![
            Entry {
                at: at("2024-04-02T09:15:00+07:00"),
                by: "lan".into(),
                state: Some(State::Blocked),
                note: Some("Vướng mặt bằng, đề nghị tỉnh hỗ trợ".into()),
                percent: Some(40),
            },
            Entry {
                at: at("2024-04-01T09:15:00+07:00"),
                by: "minh".into(),
                state: Some(State::Doing),
                note: Some("cũ hơn".into()),
                percent: None,
            },
        ]
        .into();
        let wide = directive_lines(&cx(Lang::Vi), &d, None, 80, false);
        assert_eq!(
            texts(&wide)[1],
            "    Vướng mắc, 40% · Vướng mặt bằng, đề nghị tỉnh hỗ trợ"
        );
        assert_eq!(wide[1].pieces()[1].1, Tone::Overdue);
        assert_eq!(wide[1].pieces()[2].1, Tone::Muted);
        let narrow = directive_lines(&cx(Lang::Vi), &d, None, 30, false);
        let line = texts(&narrow)
            .into_iter()
            .find(|l| l.contains("40%"))
            .expect("the badge");
        assert_eq!(line, "    ⊘ 40% · Vướng mặt bằng, đ…");
        d.more.progress.clear();
        let none = texts(&directive_lines(&cx(Lang::Vi), &d, None, 80, false));
        assert!(!none.iter().any(|l| l.contains("%")), "{none:?}");
    }

    #[test]
    fn gauge_lines_carry_value_ratio_label_and_status() {
        let lines = indicator_lines(&indicator(), 70, Lang::Vi);
        let text = texts(&lines);
        assert_eq!(lines.len(), 2);
        assert!(text[0].starts_with("Tổng giá trị sản xuất (2023)"));
        assert!(text[0].ends_with("33.497 tỷ đồng"));
        assert!(text[1].contains("107% ▲  ✓ đạt"), "{}", text[1]);
        assert!(text[1].ends_with("kế hoạch"), "{}", text[1]);
        assert!(lines[1].width() <= 70);
    }

    /// A target's value is said with its label, after the status when it fits, else on the
    /// lines below; the status stays next to the ratio at every width.
    #[test]
    fn a_target_is_shown_with_its_value_at_every_width() {
        let ind = Indicator {
            name: "Thu nhập bình quân đầu người".into(),
            value: Some(80.0),
            unit: Some("triệu đồng/người".into()),
            more: Rare::new(IndicatorMore {
                target: Some(100.0),
                target_label: Some("mục tiêu cuối nhiệm kỳ".into()),
                ..IndicatorMore::default()
            }),
            ..Indicator::default()
        };
        for width in [56, 76, 116] {
            let lines = indicator_lines(&ind, width, Lang::Vi);
            let text = texts(&lines).join("\n");
            assert!(text.contains("80%    ✗ chưa đạt"), "{width}: {text}");
            let joined = text.replace('\n', " ");
            assert!(
                joined.contains("mục tiêu cuối nhiệm kỳ: 100 triệu đồng/người"),
                "{width}: {text}"
            );
            assert!(lines.iter().all(|l| l.width() <= width), "{width}: {text}");
        }
        let wide = texts(&indicator_lines(&ind, 116, Lang::Vi));
        assert_eq!(wide.len(), 2, "one line at 120 columns: {wide:?}");
    }

    #[test]
    fn growth_share_and_note_each_have_a_line_without_a_verdict() {
        let mut ind = indicator();
        ind.compare[0].written_basis = Some(Basis::Previous);
        ind.note = Some("Ước cả năm".into());
        let text = texts(&indicator_lines(&ind, 60, Lang::Vi));
        assert_eq!(text.len(), 3, "{text:?}");
        assert_eq!(text[1], "▲ 7% kế hoạch");
        assert_eq!(text[2], "Ghi chú: Ước cả năm");
        let share = Indicator {
            name: "Tiêu chí".into(),
            value: Some(15.0),
            more: Rare::new(IndicatorMore {
                of: Some(19.0),
                ..IndicatorMore::default()
            }),
            kind: Kind::Share,
            ..Indicator::default()
        };
        let text = texts(&indicator_lines(&share, 60, Lang::Vi));
        assert!(text[0].ends_with("15/19"), "{text:?}");
        assert!(text[1].ends_with("78,9%"), "{text:?}");
        assert!(!text[1].contains("đạt"), "a share has no verdict: {text:?}");
    }

    #[test]
    fn a_period_deadline_and_the_localities_it_is_for_are_said() {
        let mut d = directive();
        d.due = Period::parse("2024-Q2").map(Due::Period);
        let lines = texts(&directive_lines(
            &cx(Lang::Vi),
            &d,
            Some("Hải Hà"),
            90,
            false,
        ));
        let meta = lines.last().expect("meta");
        assert!(meta.contains("⚠ quá hạn"), "{meta}");
        assert!(meta.contains("Hạn: quý II/2024"), "{meta}");
        assert!(meta.contains("Gửi: Hải Hà"), "{meta}");
        let on_time = Cx {
            today: NaiveDate::from_ymd_opt(2024, 6, 30).expect("date"),
            ..cx(Lang::En)
        };
        let lines = texts(&directive_lines(&on_time, &d, None, 90, false));
        assert!(!lines.iter().any(|l| l.contains("overdue")), "{lines:?}");
        assert!(
            lines.iter().any(|l| l.contains("Due: Q2 2024")),
            "{lines:?}"
        );
    }

    #[test]
    fn plain_figures_have_one_line_with_bound() {
        let mut ind = indicator();
        ind.compare.clear();
        ind.value = Some(385.0);
        ind.bound = Bound::AtLeast;
        let lines = indicator_lines(&ind, 60, Lang::En);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].text().ends_with("≥ 385 tỷ đồng"));
    }

    #[test]
    fn open_overdue_directive_is_flagged_in_words() {
        let lines = texts(&directive_lines(
            &cx(Lang::Vi),
            &directive(),
            None,
            40,
            false,
        ));
        assert!(lines[0].starts_with("[ ] Kiểm soát"));
        let meta = lines.last().expect("meta");
        assert!(meta.contains("⚠ quá hạn"), "{meta}");
        assert!(meta.contains("Hạn: 30/06/2024"), "{meta}");
    }

    #[test]
    fn selected_done_directive_shows_who_and_when() {
        let mut d = directive();
        d.done = true;
        d.more.done_by = Some("lan".into());
        d.more.done_at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").ok();
        let all = texts(&directive_lines(&cx(Lang::En), &d, None, 60, true));
        assert!(all[0].starts_with("[x] "));
        assert!(all.iter().any(|l| l.contains("Note: Báo cáo hằng quý.")));
        assert!(
            all.iter()
                .any(|l| l.contains("Checked off by lan at 09:15 20/03/2024"))
        );
        assert!(!all.iter().any(|l| l.contains("overdue")));
        let unselected = texts(&directive_lines(&cx(Lang::En), &d, None, 60, false));
        assert!(
            !unselected
                .iter()
                .any(|l| l.contains("Note:") || l.contains("Checked off"))
        );
    }
}
