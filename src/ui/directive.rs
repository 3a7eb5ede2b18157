//! A directive as lines: checkbox and wrapped text, owner and due date, and the
//! selected directive's detail (note, who checked it off and when).

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use super::text::truncate;
use super::theme::Theme;
use crate::app::doc::{self, CHECKBOX};
use crate::i18n;
use crate::model::{Directive, Lang, format};

pub struct Context<'a> {
    pub lang: Lang,
    pub today: NaiveDate,
    pub theme: &'a Theme,
}

/// The lines of a directive, `width` columns wide (gutter excluded).
pub fn lines(d: &Directive, width: usize, selected: bool, cx: &Context<'_>) -> Vec<Line<'static>> {
    let t = i18n::strings(cx.lang);
    let overdue = d.is_overdue(cx.today);
    let (mark, mark_style) = if d.done {
        ("[x] ", cx.theme.done())
    } else if overdue {
        ("[ ] ", cx.theme.overdue())
    } else {
        ("[ ] ", ratatui::style::Style::new())
    };
    let text_style = if d.done {
        cx.theme.muted()
    } else {
        ratatui::style::Style::new()
    };
    let indent = " ".repeat(CHECKBOX);
    let mut out: Vec<Line<'static>> = doc::wrap(&d.text, width.saturating_sub(CHECKBOX))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 {
                Span::styled(mark, mark_style)
            } else {
                Span::raw(indent.clone())
            };
            Line::from(vec![lead, Span::styled(l.into_owned(), text_style)])
        })
        .collect();
    if doc::has_meta_line(d) {
        out.push(meta_line(d, width, overdue, cx));
    }
    if selected {
        if let Some(note) = doc::note_text(d, cx.lang) {
            for l in doc::wrap(&note, width.saturating_sub(CHECKBOX)) {
                out.push(Line::from(vec![
                    Span::raw(indent.clone()),
                    Span::styled(l.into_owned(), cx.theme.muted()),
                ]));
            }
        }
        if d.done && (d.done_by.is_some() || d.done_at.is_some()) {
            let mut s = t.checked_by.to_string();
            if let Some(by) = &d.done_by {
                s.push_str(&format!(" {by}"));
            }
            if let Some(at) = d.done_at {
                s.push_str(&format!(
                    " {} {} {}",
                    t.at,
                    at.format("%H:%M"),
                    format::date(at.date_naive())
                ));
            }
            out.push(Line::from(vec![
                Span::raw(indent.clone()),
                Span::styled(
                    truncate(&s, width.saturating_sub(CHECKBOX)),
                    cx.theme.done(),
                ),
            ]));
        }
    }
    out
}

fn meta_line(d: &Directive, width: usize, overdue: bool, cx: &Context<'_>) -> Line<'static> {
    let t = i18n::strings(cx.lang);
    let mut parts = Vec::new();
    if let Some(due) = d.due {
        parts.push(format!("{}: {}", t.due, format::date(due)));
    }
    if let Some(owner) = &d.owner {
        parts.push(format!("{}: {owner}", t.owner));
    }
    let room = width.saturating_sub(CHECKBOX);
    let mut spans = vec![Span::raw(" ".repeat(CHECKBOX))];
    if overdue {
        let flag = format!("⚠ {} · ", t.overdue);
        let rest = truncate(
            &parts.join(" · "),
            room.saturating_sub(unicode_width::UnicodeWidthStr::width(flag.as_str())),
        );
        spans.push(Span::styled(flag, cx.theme.overdue()));
        spans.push(Span::styled(rest, cx.theme.muted()));
    } else {
        spans.push(Span::styled(
            truncate(&parts.join(" · "), room),
            cx.theme.muted(),
        ));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directive() -> Directive {
        Directive {
            id: "a".into(),
            text: "Kiểm soát tốt ma túy trên địa bàn, tăng số xã không có ma túy.".into(),
            owner: Some("Huyện ủy Hải Hà".into()),
            due: NaiveDate::from_ymd_opt(2024, 6, 30),
            note: Some("Báo cáo hằng quý.".into()),
            done: false,
            done_at: None,
            done_by: None,
        }
    }

    fn text(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn open_overdue_directive_is_flagged_in_words() {
        let theme = Theme::monochrome();
        let cx = Context {
            lang: Lang::Vi,
            today: NaiveDate::from_ymd_opt(2024, 7, 1).expect("date"),
            theme: &theme,
        };
        let lines = lines(&directive(), 40, false, &cx);
        assert!(text(&lines[0]).starts_with("[ ] Kiểm soát"));
        let meta = text(lines.last().expect("meta"));
        assert!(meta.contains("⚠ quá hạn"), "{meta}");
        assert!(meta.contains("Hạn: 30/06/2024"), "{meta}");
    }

    #[test]
    fn selected_done_directive_shows_who_and_when() {
        let theme = Theme::monochrome();
        let cx = Context {
            lang: Lang::En,
            today: NaiveDate::from_ymd_opt(2024, 7, 1).expect("date"),
            theme: &theme,
        };
        let mut d = directive();
        d.done = true;
        d.done_by = Some("lan".into());
        d.done_at = chrono::DateTime::parse_from_rfc3339("2024-03-20T09:15:00+07:00").ok();
        let all: Vec<String> = lines(&d, 60, true, &cx).iter().map(text).collect();
        assert!(all[0].starts_with("[x] "));
        assert!(all.iter().any(|l| l.contains("Note: Báo cáo hằng quý.")));
        assert!(
            all.iter()
                .any(|l| l.contains("Checked off by lan at 09:15 20/03/2024"))
        );
        assert!(!all.iter().any(|l| l.contains("overdue")));
        let unselected: Vec<String> = lines(&d, 60, false, &cx).iter().map(text).collect();
        assert!(
            !unselected
                .iter()
                .any(|l| l.contains("Note:") || l.contains("Checked off"))
        );
    }
}
