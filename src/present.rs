//! How briefing values read as text, shared by the terminal interface and the printed report:
//! plain functions from model values and a language to `String`s, with no styling, so that
//! either side can colour the pieces its own way.

mod figures;
pub(crate) mod follow_up;
pub(crate) mod numbers;
pub(crate) mod trend;
pub(crate) mod words;

use figures::bound_symbol;
pub(crate) use figures::{
    bar_cells, compare_text, indicator_title, measured_against, ratio_text, share_text,
    status_symbol, status_word, value_text, with_unit,
};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n;
use crate::model::{
    District, Due, HostKind, Id, Image, Lang, Level, PartOfDay, Participant, Period, Progress,
    Proposal, Reference, Session, SessionDate, Text,
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
    if let Some(formerly) = &d.more.formerly {
        facts.push(format!("{}: {formerly}", t.dossier_formerly));
    }
    if !d.more.merged_from.is_empty() {
        facts.push(format!(
            "{}: {}",
            t.dossier_merged_from,
            d.more.merged_from.join(", ")
        ));
    }
    if let Some(into) = &d.more.merging_into {
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
        (t.locality_merging_into, &d.more.merging_into),
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
        d.more.merging_into = Some("xã Ia Ly".into());
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
