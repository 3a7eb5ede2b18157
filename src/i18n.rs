//! Every user-facing string of the interface, in Vietnamese and English.

use crate::model::Lang;
use crate::store::write::WriteError;

/// The fixed strings of one language.
pub struct Text {
    pub districts: &'static str,
    pub directives: &'static str,
    pub done: &'static str,
    pub overdue: &'static str,
    pub upcoming: &'static str,
    pub no_sessions: &'static str,
    pub files_checked: &'static str,
    pub errors: &'static str,
    pub warnings: &'static str,
    pub sessions_loaded: &'static str,
    /// `briefing done` / `briefing undo`; `{directive}` and `{session}` are filled in.
    pub checked_off: &'static str,
    pub already_checked_off: &'static str,
    pub unchecked: &'static str,
    pub already_unchecked: &'static str,
}

const VI: Text = Text {
    districts: "địa phương",
    directives: "chỉ đạo",
    done: "xong",
    overdue: "quá hạn",
    upcoming: "sắp tới",
    no_sessions: "Không có buổi làm việc nào",
    files_checked: "tệp đã kiểm tra",
    errors: "lỗi",
    warnings: "cảnh báo",
    sessions_loaded: "buổi làm việc đọc được",
    checked_off: "Đã đánh dấu hoàn thành chỉ đạo `{directive}` của buổi làm việc {session}",
    already_checked_off: "Chỉ đạo `{directive}` của buổi làm việc {session} đã được đánh dấu hoàn thành từ trước; không thay đổi gì",
    unchecked: "Đã bỏ đánh dấu hoàn thành chỉ đạo `{directive}` của buổi làm việc {session}",
    already_unchecked: "Chỉ đạo `{directive}` của buổi làm việc {session} chưa được đánh dấu hoàn thành; không thay đổi gì",
};

const EN: Text = Text {
    districts: "districts",
    directives: "directives",
    done: "done",
    overdue: "overdue",
    upcoming: "upcoming",
    no_sessions: "No sessions",
    files_checked: "files checked",
    errors: "errors",
    warnings: "warnings",
    sessions_loaded: "sessions loaded",
    checked_off: "Checked off directive `{directive}` of session {session}",
    already_checked_off: "Directive `{directive}` of session {session} was already checked off; nothing changed",
    unchecked: "Un-checked directive `{directive}` of session {session}",
    already_unchecked: "Directive `{directive}` of session {session} was not checked off; nothing changed",
};

/// The strings of `lang`.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// `template` with each `{name}` replaced by its value, in one pass (values are not re-read).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hit = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match hit {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A write-back error in `lang` (the error's own message is the English one).
pub fn write_error(lang: Lang, e: &WriteError) -> String {
    match lang {
        Lang::En => e.to_string(),
        Lang::Vi => write_error_vi(e),
    }
}

fn write_error_vi(e: &WriteError) -> String {
    match e {
        WriteError::SessionNotFound {
            id,
            root,
            suggestions,
        } => format!(
            "không có buổi làm việc `{id}` trong {}{}; chạy `briefing list` để xem mã các buổi làm việc",
            root.display(),
            hint_vi(suggestions)
        ),
        WriteError::DirectiveNotFound {
            session,
            id,
            suggestions,
        } => format!(
            "không có chỉ đạo `{id}` trong buổi làm việc `{session}`{}; mã chỉ đạo là các dòng `id = \"…\"` trong tệp",
            hint_vi(suggestions)
        ),
        WriteError::FileInvalid { place, message } => format!(
            "{}{message}; tệp chưa bị thay đổi: hãy sửa tệp (`briefing check` chỉ ra các lỗi) rồi thử lại",
            if place.is_empty() {
                String::new()
            } else {
                format!("{place}: ")
            }
        ),
        WriteError::LockTimeout { lock, waited } => format!(
            "có người khác đang ghi: khóa {} bị giữ quá {} ms; hãy thử lại sau giây lát",
            lock.display(),
            waited.as_millis()
        ),
        WriteError::PermissionDenied { path } => format!(
            "không ghi được {}: bạn không có quyền ghi tệp hoặc thư mục chứa nó; hãy nhờ người quản lý thư mục cấp quyền ghi",
            path.display()
        ),
        WriteError::ReadOnly { path } => format!(
            "không ghi được {}: tệp hoặc thư mục chứa nó chỉ đọc (ổ đĩa hoặc điểm gắn chỉ đọc); hãy chép các tệp sang nơi ghi được",
            path.display()
        ),
        WriteError::Io { path, source } => format!(
            "không ghi được {}: {source}; tệp chưa bị thay đổi",
            path.display()
        ),
        WriteError::Folder(f) => f.to_string(),
    }
}

fn hint_vi(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        many => format!(" (có phải ý bạn là `{}`?)", many.join("`, `")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_values_once() {
        let t = fill("{a} and {b} and {c}", &[("a", "{b}"), ("b", "B")]);
        assert_eq!(t, "{b} and B and {c}");
    }
}
