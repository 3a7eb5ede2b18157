//! How briefing values read as text, shared by the terminal interface and the printed report:
//! plain functions from model values and a language to `String`s, with no styling, so that
//! either side can colour the pieces its own way.

pub(crate) mod follow_up;
pub(crate) mod numbers;
pub(crate) mod trend;
pub(crate) mod words;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n;
use crate::model::{
    Basis, Bound, Comparison, District, Due, Gauge, GaugeBasis, HostKind, Id, Image, Indicator,
    Lang, Level, PartOfDay, Participant, Period, Progress, Proposal, Reference, Session,
    SessionDate, Status, Text,
};

/// `Thứ Tư, 13/03/2024`, with ` 08:00` when the file gives the time; a session known to the
/// month or the year without a weekday (`01/2023`, `năm 2022`); with the part of the day
/// (`Chiều Thứ Tư, 09/12/2026`).
pub(crate) fn session_when(s: &Session, lang: Lang) -> String {
    let date = match (s.date.period(), s.date.time()) {
        (Some(_), _) => session_day(&s.date, lang),
        (None, Some(time)) => format!(
            "{} {}",
            numbers::long_date(s.date.day(), lang),
            time.format("%H:%M")
        ),
        (None, None) => numbers::long_date(s.date.day(), lang),
    };
    let date = match s.year_inferred {
        true => format!("{date} ({})", i18n::strings(lang).year_inferred),
        false => date,
    };
    match s.part_of_day {
        Some(part) => i18n::strings(lang).when_part_of_day(&date, &part_of_day(part, lang)),
        None => date,
    }
}

/// A session's date in short, as precise as the file: `13/03/2024`, `01/2023`, `năm 2022`.
pub(crate) fn session_day(date: &SessionDate, lang: Lang) -> String {
    match date.period() {
        Some(Period::Month(y, m)) => format!("{m:02}/{y}"),
        Some(p) => period_words(p, lang),
        None => numbers::date(date.day()),
    }
}

/// `10/12/2026`, with ` 06:30` when a time is given: when an account was published.
pub(crate) fn published(date: &SessionDate, lang: Lang) -> String {
    match date.time() {
        Some(time) => format!("{} {}", session_day(date, lang), time.format("%H:%M")),
        None => session_day(date, lang),
    }
}

/// A period in words: `quý II/2024`, `6 tháng cuối năm 2024`, `tháng 6/2024`, `năm 2024` /
/// `Q2 2024`, `second half of 2024`, `June 2024`, `2024`.
pub(crate) fn period_words(period: Period, lang: Lang) -> String {
    let t = i18n::strings(lang);
    let nth = |names: &str, n: usize| names.split('|').nth(n).unwrap_or_default().to_string();
    match period {
        Period::Year(year) => t.period_year(&year),
        Period::Half(year, 1) => t.period_h1(&year),
        Period::Half(year, _) => t.period_h2(&year),
        Period::Quarter(year, q) => t.period_quarter(
            &nth(t.quarter_names, usize::from(q).saturating_sub(1)),
            &year,
        ),
        Period::Month(year, m) => {
            t.period_month(&nth(t.month_names, (m as usize).saturating_sub(1)), &year)
        }
    }
}

/// A deadline: `30/06/2024`, or its period in words (`quý II/2024`).
pub(crate) fn due_text(due: Due, lang: Lang) -> String {
    match due {
        Due::Day(d) => numbers::date(d),
        Due::Period(p) => period_words(p, lang),
    }
}

/// `Hạn: 30/06/2024`, `Hạn: trong thời gian tới`, `Hạn: quý II/2024 (trước Đại hội Đảng bộ
/// xã)`: a deadline as written (`due`, and `due_text` in its words after it), or nothing.
pub(crate) fn deadline(due: Option<Due>, words: Option<&str>, lang: Lang) -> Option<String> {
    let t = i18n::strings(lang);
    let written = match (due, words) {
        (Some(due), Some(words)) => format!("{} ({words})", due_text(due, lang)),
        (Some(due), None) => due_text(due, lang),
        (None, Some(words)) => words.to_string(),
        (None, None) => return None,
    };
    Some(format!("{}: {written}", t.due))
}

/// `Đề nghị hỗ trợ kinh phí — Đề xuất: Bí thư Huyện ủy · Trả lời: Đồng ý · Giao: Sở Tài chính ·
/// Hạn: quý II/2024`: a locality's proposal on one line, each fact it has after its text.
pub(crate) fn proposal_line(p: &Proposal, lang: Lang) -> String {
    let t = i18n::strings(lang);
    let facts: Vec<String> = labelled([
        (t.proposal_by, &p.by),
        (t.proposal_answer, &p.answer),
        (t.proposal_assignee, &p.assignee),
    ])
    .chain(deadline(p.due, p.due_text.as_deref(), lang))
    .collect();
    match facts.is_empty() {
        true => p.text.to_string(),
        false => format!("{} — {}", p.text, facts.join(" · ")),
    }
}

/// `‼ khẩn` / `‼ urgent`: the mark of an urgent directive (a symbol and a word, not a colour).
pub(crate) fn urgent_mark(lang: Lang) -> String {
    format!("‼ {}", i18n::strings(lang).urgent)
}

/// `Sáng`, `Chiều`, `Tối` / `morning`, `afternoon`, `evening`.
pub(crate) fn part_of_day(part: PartOfDay, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match part {
        PartOfDay::Sang => t.part_sang,
        PartOfDay::Chieu => t.part_chieu,
        PartOfDay::Toi => t.part_toi,
    }
}

/// `cấp ủy Đảng` / `Party committee`: the kind of the host.
pub(crate) fn host_kind(kind: HostKind, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match kind {
        HostKind::Dang => t.host_dang,
        HostKind::ChinhQuyen => t.host_chinh_quyen,
        HostKind::MatTran => t.host_mat_tran,
        HostKind::QuocHoi => t.host_quoc_hoi,
        HostKind::TrungUong => t.host_trung_uong,
        HostKind::NhaNuoc => t.host_nha_nuoc,
        HostKind::Khac => t.host_khac,
    }
}

/// `Ban Thường vụ Tỉnh ủy (cấp ủy Đảng)`: the host with its kind, either alone, or nothing.
pub(crate) fn host_line(s: &Session, lang: Lang) -> Option<String> {
    match (&s.host, s.host_kind) {
        (Some(host), Some(kind)) => Some(format!("{host} ({})", host_kind(kind, lang))),
        (Some(host), None) => Some(host.to_string()),
        (None, Some(kind)) => Some(host_kind(kind, lang).to_string()),
        (None, None) => None,
    }
}

/// `huyện` / `district`: a level's name.
pub(crate) fn level_name(level: Level, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match level {
        Level::Tinh => t.level_tinh,
        Level::ThanhPhoTw => t.level_thanh_pho_tw,
        Level::Huyen => t.level_huyen,
        Level::ThiXa => t.level_thi_xa,
        Level::ThanhPho => t.level_thanh_pho,
        Level::Quan => t.level_quan,
        Level::Xa => t.level_xa,
        Level::Phuong => t.level_phuong,
        Level::ThiTran => t.level_thi_tran,
        Level::DacKhu => t.level_dac_khu,
    }
}

/// A locality with its level's name, capitalised: `Huyện Hải Hà`, `Xã Tân Lập` / `Hải Hà
/// district`; its name alone when its level is not written.
pub(crate) fn locality_title(d: &District, lang: Lang) -> String {
    capitalised(&level_and_name(&d.name, d.level, lang))
}

/// `huyện Mường La` / `Mường La district`: a name with its level's, when known, as said
/// inside a sentence.
pub(crate) fn level_and_name(name: &str, level: Option<Level>, lang: Lang) -> String {
    let Some(level) = level else {
        return name.to_string();
    };
    // Newspapers write "Thành phố Hồ Chí Minh", never the level's full name before it.
    let level = match level {
        Level::ThanhPhoTw => Level::ThanhPho,
        other => other,
    };
    i18n::strings(lang).locality_named(&name, &level_name(level, lang))
}

/// `text` with its first letter in upper case.
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `Trước đây: … · Hợp nhất từ: … · Sắp hợp nhất vào: …`: what a locality was called before,
/// what it was merged from, and what it is about to merge into, when written.
pub(crate) fn earlier_names(d: &District, lang: Lang) -> Option<String> {
    let t = i18n::strings(lang);
    let mut facts = Vec::new();
    if let Some(formerly) = &d.formerly {
        facts.push(format!("{}: {formerly}", t.dossier_formerly));
    }
    if !d.merged_from.is_empty() {
        facts.push(format!(
            "{}: {}",
            t.dossier_merged_from,
            d.merged_from.join(", ")
        ));
    }
    if let Some(into) = &d.merging_into {
        facts.push(format!("{}: {into}", t.locality_merging_into));
    }
    (!facts.is_empty()).then(|| facts.join(" · "))
}

/// `Làm việc với: Ban Thường vụ Huyện ủy · Thuộc: huyện Kon Plông · Sắp hợp nhất vào: xã Ia
/// Ly`: a locality's counterpart, the unit it belongs to and the one it is about to merge into,
/// when written.
pub(crate) fn locality_facts(d: &District, lang: Lang) -> Option<String> {
    let t = i18n::strings(lang);
    let facts: Vec<String> = labelled([
        (t.locality_body, &d.body),
        (t.locality_parent, &d.parent),
        (t.locality_merging_into, &d.merging_into),
    ])
    .collect();
    (!facts.is_empty()).then(|| facts.join(" · "))
}

/// `Nhãn: giá trị` for each fact that is written, in order.
fn labelled<'a, V: std::fmt::Display + 'a, const N: usize>(
    facts: [(&'a str, &'a Option<V>); N],
) -> impl Iterator<Item = String> + 'a {
    (facts.into_iter()).filter_map(|(label, value)| value.as_ref().map(|v| format!("{label}: {v}")))
}

/// `Hải Hà, Đầm Hà`: the names of the localities a directive's `to` names (an id the session
/// does not know stays an id); `None` when it has no `to`.
pub(crate) fn addressees(s: &Session, to: &[Id], others: &[Text]) -> Option<String> {
    let names: Vec<&str> = to
        .iter()
        .map(|id| {
            (s.districts.iter())
                .find(|d| d.id == *id)
                .map_or(id.as_str(), |d| &*d.name)
        })
        .chain(others.iter().map(|o| &**o))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// `20-NQ/TU — Nghị quyết …`, or the number or the title alone.
pub(crate) fn reference_line(r: &Reference) -> String {
    match (&r.number, &r.title) {
        (Some(number), Some(title)) => format!("{number} — {title}"),
        (Some(one), None) | (None, Some(one)) => one.to_string(),
        (None, None) => String::new(),
    }
}

/// `caption (credit)`.
pub(crate) fn image_line(i: &Image) -> String {
    match (&i.caption, &i.credit) {
        (Some(caption), Some(credit)) => format!("{caption} ({credit})"),
        (Some(one), None) | (None, Some(one)) => one.to_string(),
        (None, None) => String::new(),
    }
}

/// A gauge's ratio: one decimal when computed from a target, as written when it is a plan
/// comparison's percent (`100,75%`).
/// A target of zero has no ratio: `—`.
pub(crate) fn ratio_text(g: &Gauge, lang: Lang) -> String {
    match (g.basis, g.ratio) {
        (GaugeBasis::Target, Some(ratio)) => numbers::percent(ratio, lang),
        (GaugeBasis::Compare, Some(ratio)) => numbers::percent_figure(ratio, lang),
        (_, _) => "—".to_string(),
    }
}

/// What a gauge's ratio is measured against: the target with its label and unit
/// (`mục tiêu cuối nhiệm kỳ: 100 triệu đồng/người`), else the comparison's label.
pub(crate) fn measured_against(ind: &Indicator, gauge: &Gauge, lang: Lang) -> Option<String> {
    match (gauge.basis, ind.target) {
        (GaugeBasis::Target | GaugeBasis::ZeroTarget, Some(target)) => Some(format!(
            "{}: {}",
            ind.gauge_label().unwrap_or(i18n::strings(lang).target),
            with_unit(target, ind.unit.as_deref(), lang)
        )),
        _ => ind.gauge_label().map(str::to_string),
    }
}

/// A comparison the gauge does not show: the growth of a `previous` one (`▲ 7% so với năm
/// 2022`, `+7%` in ASCII), else its label and percent as written (`kế hoạch 146,7%`).
pub(crate) fn compare_text(c: &Comparison, lang: Lang, ascii: bool) -> String {
    if c.basis() != Basis::Previous {
        return format!("{} {}", c.label, numbers::percent_figure(c.percent, lang));
    }
    let change = c.percent - 100.0;
    let size = numbers::number(change.abs(), numbers::written_decimals(c.percent), lang);
    let sign = match (ascii, change.partial_cmp(&0.0)) {
        (false, Some(std::cmp::Ordering::Greater)) => "▲ ",
        (false, Some(std::cmp::Ordering::Less)) => "▼ ",
        (true, Some(std::cmp::Ordering::Greater)) => "+",
        (true, Some(std::cmp::Ordering::Less)) => "-",
        (_, _) => "±",
    };
    format!("{sign}{size}% {}", c.label)
}

/// A share's part of the whole in percent: computed from `of` with one decimal (`78,9%`), or
/// its value as written when it is a percentage (`4,35%`); `None` when it is no share.
pub(crate) fn share_text(ind: &Indicator, lang: Lang) -> Option<String> {
    let share = ind.share()?;
    Some(match (ind.of, ind.value) {
        (None, Some(value)) => numbers::percent_figure(value, lang),
        (_, _) => numbers::percent(share * 100.0, lang),
    })
}

/// `Tổng giá trị sản xuất (2023)`: the indicator's name with its period.
pub(crate) fn indicator_title(ind: &Indicator, lang: Lang) -> String {
    let title = match &ind.period {
        Some(p) => format!("{} ({p})", ind.name),
        None => ind.name.to_string(),
    };
    match &ind.part_of {
        Some(whole) => i18n::strings(lang).part_of(&title, whole),
        None => title,
    }
}

/// `33.497 tỷ đồng`, `67%`: a figure with its unit (a `%` follows without a space), with the
/// precision written.
pub(crate) fn with_unit(value: f64, unit: Option<&str>, lang: Lang) -> String {
    let n = numbers::figure(value, lang);
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

/// `≥ 385 tỷ đồng`, `15/19 tiêu chí`: an indicator's value with its bound, its whole and its
/// unit.
/// A figure known only as a percent of plan says so (`chỉ có % kế hoạch`), never a number.
pub(crate) fn value_text(ind: &Indicator, lang: Lang, ascii: bool) -> String {
    let t = i18n::strings(lang);
    let bound = bound_symbol(ind.bound, ascii);
    let value = match (ind.value, ind.of) {
        (None, _) => t.figure_plan_percent_only.to_string(),
        (Some(value), Some(of)) => {
            let whole = with_unit(of, ind.unit.as_deref(), lang);
            format!("{bound}{}/{whole}", numbers::figure(value, lang))
        }
        (Some(value), None) => format!("{bound}{}", with_unit(value, ind.unit.as_deref(), lang)),
    };
    let value = match &ind.other {
        Some((other, unit)) => format!("{value} ({})", with_unit(*other, Some(unit), lang)),
        None => value,
    };
    match (ind.estimate, ind.forecast) {
        (_, true) => format!("{value} ({})", t.figure_forecast),
        (true, false) => format!("{value} ({})", t.figure_estimate),
        (false, false) => value,
    }
}

/// `✓`, `~`, `✗` (`+`, `~`, `x` in ASCII): a status without colour.
pub(crate) fn status_symbol(status: Status, ascii: bool) -> &'static str {
    match (ascii, status) {
        (false, s) => s.symbol(),
        (true, Status::Met) => "+",
        (true, Status::Near) => "~",
        (true, Status::Behind) => "x",
    }
}

/// `đạt` / `met`: the word for an indicator's status.
pub(crate) fn status_word(status: Status, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match status {
        Status::Met => t.met,
        Status::Near => t.near,
        Status::Behind => t.behind,
    }
}

/// The filled and empty cells of a `width`-cell gauge bar for a fill of 0.0–1.0: full only
/// at 1.0: a 98% or 99,86% bar keeps an empty cell.
pub(crate) fn bar_cells(fill: f64, width: usize) -> (usize, usize) {
    let fill = if fill.is_nan() {
        0.0
    } else {
        fill.clamp(0.0, 1.0)
    };
    let mut filled = ((fill * width as f64).round() as usize).min(width);
    if fill < 1.0 && filled == width {
        filled = width.saturating_sub(1);
    }
    (filled, width - filled)
}

/// `3/23 xong` / `3/23 done`.
pub(crate) fn done_count(p: Progress, lang: Lang) -> String {
    format!("{}/{} {}", p.done, p.total, i18n::strings(lang).done)
}

/// `1 địa phương`, `3 địa phương` / `1 locality`, `3 localities`.
pub(crate) fn locality_count(n: usize, lang: Lang) -> String {
    let t = i18n::strings(lang);
    words::one_or_many(n, t.locality_count_one, |n| t.locality_count(&n))
}

/// `2 quá hạn` / `2 overdue`.
pub(crate) fn overdue_text(n: usize, lang: Lang) -> String {
    format!("{n} {}", i18n::strings(lang).overdue)
}

/// `2 quá hạn` / `2 overdue`, when any directive is overdue.
pub(crate) fn overdue_count(p: Progress, lang: Lang) -> Option<String> {
    (p.overdue > 0).then(|| overdue_text(p.overdue, lang))
}

/// `3/23 done`, then `sep` and `2 overdue` when any directive is overdue.
pub(crate) fn progress_text(p: Progress, lang: Lang, sep: &str) -> String {
    let done = done_count(p, lang);
    match overdue_count(p, lang) {
        Some(overdue) => format!("{done}{sep}{overdue}"),
        None => done,
    }
}

/// `name, role (part)` with `sep` = `", "`, or `name — role (part)`; a group alone
/// (`Lãnh đạo các sở, ngành (dự)`), or a person of a group after it (`Đoàn công tác: name, …`).
pub(crate) fn participant_line(p: &Participant, sep: &str) -> String {
    let mut line = match (&p.group, &p.name) {
        (Some(group), Some(name)) => format!("{group}: {name}"),
        (Some(one), None) | (None, Some(one)) => one.to_string(),
        (None, None) => String::new(),
    };
    if let Some(role) = &p.role {
        if !line.is_empty() {
            line.push_str(sep);
        }
        line.push_str(role);
    }
    if let Some(part) = &p.part {
        line.push_str(&format!(" ({part})"));
    }
    line
}

/// The paragraphs of a multi-line text: blank lines separate them, and the lines of one
/// paragraph are joined by spaces.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
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

/// `text` with the punctuation outside ASCII that has an ASCII form in it: `·` and `•` as
/// `|` and `-`, curly and angled quotes as straight ones, dashes as `-`, `…` as `...`, no-break
/// spaces as spaces. Letters (Vietnamese ones too) are left as they are.
pub(crate) fn ascii_punctuation(text: &str) -> std::borrow::Cow<'_, str> {
    let ascii = |c: char| -> Option<&'static str> {
        Some(match c {
            '·' => "|",
            '•' => "-",
            '“' | '”' | '„' | '«' | '»' | '″' => "\"",
            '‘' | '’' | '‚' | '′' => "'",
            '–' | '—' | '‐' | '‑' | '−' => "-",
            '…' => "...",
            '\u{a0}' | '\u{202f}' => " ",
            _ => return None,
        })
    };
    if !text.chars().any(|c| ascii(c).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match ascii(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `[x]` for a directive that is done, `[ ]` for one that is not.
pub(crate) fn checkbox(done: bool) -> &'static str {
    if done { "[x]" } else { "[ ]" }
}

/// `s` cut to at most `width` columns, ending with `…` when cut (right after the last word
/// kept, not after a space).
pub(crate) fn truncate(s: &str, width: usize) -> String {
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
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Comparison;

    fn indicator() -> Indicator {
        Indicator::sample(
            "Tổng thu ngân sách",
            385.0,
            Bound::AtLeast,
            "so với năm 2022",
        )
    }

    #[test]
    fn ascii_punctuation_keeps_the_letters() {
        assert_eq!(
            ascii_punctuation("Hạn: 31/12/2024 · Gửi: “Hải Hà” — ‘x’… tế–xã"),
            "Hạn: 31/12/2024 | Gửi: \"Hải Hà\" - 'x'... tế-xã"
        );
        assert!(matches!(
            ascii_punctuation("Đầm Hà"),
            std::borrow::Cow::Borrowed("Đầm Hà")
        ));
    }

    #[test]
    fn indicator_title_and_value() {
        let mut ind = indicator();
        assert_eq!(indicator_title(&ind, Lang::Vi), "Tổng thu ngân sách (2023)");
        assert_eq!(value_text(&ind, Lang::Vi, false), "≥ 385 tỷ đồng");
        assert_eq!(value_text(&ind, Lang::Vi, true), ">= 385 tỷ đồng");
        ind.value = Some(67.5);
        ind.unit = Some("%".into());
        ind.bound = Bound::Exact;
        ind.period = None;
        assert_eq!(indicator_title(&ind, Lang::Vi), "Tổng thu ngân sách");
        assert_eq!(value_text(&ind, Lang::Vi, false), "67,5%");
        assert_eq!(value_text(&ind, Lang::En, true), "67.5%");
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

    /// A bar is full only at 100% or more: 98% and 99,86% keep an empty cell at any width.
    #[test]
    fn a_bar_is_full_only_at_a_hundred_percent() {
        for width in [5, 10, 19, 26, 30] {
            for fill in [0.98, 0.9986, 0.999_999] {
                let (filled, empty) = bar_cells(fill, width);
                assert_eq!((filled, empty), (width - 1, 1), "{fill} in {width}");
            }
            assert_eq!(bar_cells(1.0, width), (width, 0));
        }
    }

    #[test]
    fn progress_with_and_without_overdue() {
        let p = Progress {
            done: 3,
            total: 23,
            overdue: 2,
            dropped: 0,
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
            name: Some("Lê Văn Tám".into()),
            group: None,
            role: Some("Bí thư".into()),
            part: Some("chủ trì".into()),
        };
        assert_eq!(participant_line(&p, ", "), "Lê Văn Tám, Bí thư (chủ trì)");
        assert_eq!(participant_line(&p, " — "), "Lê Văn Tám — Bí thư (chủ trì)");
        p.role = None;
        assert_eq!(participant_line(&p, ", "), "Lê Văn Tám (chủ trì)");
        p.group = Some("Đoàn công tác".into());
        assert_eq!(
            participant_line(&p, ", "),
            "Đoàn công tác: Lê Văn Tám (chủ trì)"
        );
        p.name = None;
        p.part = Some("dự".into());
        assert_eq!(participant_line(&p, ", "), "Đoàn công tác (dự)");
        p.group = None;
        p.role = Some("Giám đốc Sở Tài chính".into());
        assert_eq!(participant_line(&p, ", "), "Giám đốc Sở Tài chính (dự)");
    }

    #[test]
    fn periods_in_words_in_both_languages() {
        let words = |text: &str, lang| period_words(Period::parse(text).expect(text), lang);
        assert_eq!(words("2024-Q2", Lang::Vi), "quý II/2024");
        assert_eq!(words("2024-Q2", Lang::En), "Q2 2024");
        assert_eq!(words("2024-H2", Lang::Vi), "6 tháng cuối năm 2024");
        assert_eq!(words("2024-H1", Lang::En), "first half of 2024");
        assert_eq!(words("2024-06", Lang::Vi), "tháng 6/2024");
        assert_eq!(words("2024-06", Lang::En), "June 2024");
        assert_eq!(words("2024", Lang::Vi), "năm 2024");
        assert_eq!(words("2024", Lang::En), "2024");
        let day = "2024-06-30".parse().expect("date");
        assert_eq!(due_text(Due::Day(day), Lang::Vi), "30/06/2024");
    }

    #[test]
    fn session_dates_as_precise_as_written() {
        let mut s = crate::model::test_session(vec![], vec![]);
        assert_eq!(session_when(&s, Lang::Vi), "Thứ Tư, 13/03/2024");
        s.part_of_day = Some(PartOfDay::Chieu);
        assert_eq!(session_when(&s, Lang::Vi), "Chiều Thứ Tư, 13/03/2024");
        assert_eq!(
            session_when(&s, Lang::En),
            "Wednesday, 13/03/2024, afternoon"
        );
        s.part_of_day = None;
        s.date = SessionDate::Period(Period::Month(2023, 1));
        assert_eq!(session_when(&s, Lang::En), "01/2023");
        assert_eq!(session_day(&s.date, Lang::Vi), "01/2023");
        s.date = SessionDate::Period(Period::Year(2022));
        assert_eq!(session_when(&s, Lang::Vi), "năm 2022");
        assert_eq!(session_day(&s.date, Lang::En), "2022");
    }

    #[test]
    fn localities_are_named_with_their_level() {
        let mut d = District {
            name: "Tân Lập".into(),
            level: Some(Level::Xa),
            ..District::default()
        };
        assert_eq!(locality_title(&d, Lang::Vi), "Xã Tân Lập");
        assert_eq!(locality_title(&d, Lang::En), "Tân Lập commune");
        d.level = None;
        assert_eq!(locality_title(&d, Lang::Vi), "Tân Lập");
        assert_eq!(locality_facts(&d, Lang::Vi), None);
        d.body = Some("Ban Thường vụ Đảng ủy xã".into());
        d.parent = Some("tỉnh Hải Minh".into());
        assert_eq!(
            locality_facts(&d, Lang::Vi).as_deref(),
            Some("Làm việc với: Ban Thường vụ Đảng ủy xã · Thuộc: tỉnh Hải Minh")
        );
        d.merging_into = Some("xã Ia Ly".into());
        assert_eq!(
            locality_facts(&d, Lang::En).as_deref(),
            Some(
                "Counterpart: Ban Thường vụ Đảng ủy xã · Part of: tỉnh Hải Minh · To merge into: xã Ia Ly"
            )
        );
        assert_eq!(
            earlier_names(&d, Lang::Vi).as_deref(),
            Some("Sắp hợp nhất vào: xã Ia Ly")
        );
    }

    /// A figure known only as a percent of plan shows no number; a target of zero no ratio.
    #[test]
    fn no_value_and_a_zero_target_show_no_made_up_number() {
        let mut ind = Indicator {
            name: "Thu ngân sách".into(),
            unit: Some("tỷ đồng".into()),
            compare: smallvec::smallvec![Comparison {
                label: "kế hoạch".into(),
                percent: 95.0,
                written_basis: Some(Basis::Plan),
            }],
            ..Indicator::default()
        };
        assert_eq!(value_text(&ind, Lang::Vi, false), "chỉ có % kế hoạch");
        assert_eq!(value_text(&ind, Lang::En, true), "% of plan only");
        let g = ind.gauge().expect("a gauge from the plan");
        assert_eq!(ratio_text(&g, Lang::Vi), "95%");
        ind.value = Some(12.0);
        ind.unit = Some("hộ".into());
        ind.target = Some(0.0);
        let g = ind.gauge().expect("a gauge from the target");
        assert_eq!(ratio_text(&g, Lang::En), "—");
        assert_eq!(
            measured_against(&ind, &g, Lang::Vi).as_deref(),
            Some("mục tiêu: 0 hộ")
        );
    }

    #[test]
    fn comparisons_say_growth_or_their_percent_as_written() {
        let c = |label: &str, percent: f64| Comparison {
            label: label.into(),
            percent,
            written_basis: None,
        };
        for (label, percent, lang, ascii, said) in [
            (
                "so với năm 2022",
                119.5,
                Lang::Vi,
                false,
                "▲ 19,5% so với năm 2022",
            ),
            (
                "so với năm 2025",
                112.3,
                Lang::En,
                false,
                "▲ 12.3% so với năm 2025",
            ),
            ("cùng kỳ", 82.0, Lang::Vi, true, "-18% cùng kỳ"),
            ("cùng kỳ", 100.0, Lang::Vi, false, "±0% cùng kỳ"),
            ("kế hoạch", 100.75, Lang::Vi, false, "kế hoạch 100,75%"),
        ] {
            assert_eq!(compare_text(&c(label, percent), lang, ascii), said);
        }
        let mut ind = indicator();
        ind.of = Some(19.0);
        ind.value = Some(15.0);
        ind.bound = Bound::Exact;
        ind.unit = Some("tiêu chí".into());
        assert_eq!(value_text(&ind, Lang::Vi, false), "15/19 tiêu chí");
        assert_eq!(share_text(&ind, Lang::Vi), None, "not a share");
        ind.kind = crate::model::Kind::Share;
        assert_eq!(share_text(&ind, Lang::Vi).as_deref(), Some("78,9%"));
        ind.of = None;
        ind.unit = Some("%".into());
        ind.value = Some(4.35);
        assert_eq!(share_text(&ind, Lang::Vi).as_deref(), Some("4,35%"));
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
        assert_eq!(
            truncate("Đầm Hà và Hải Hà", 8),
            "Đầm Hà…",
            "no space before the mark"
        );
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }
}
