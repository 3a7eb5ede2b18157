//! Every user-facing string of the interface, in Vietnamese and English.

use crate::model::Lang;

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
};

/// The strings of `lang`.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
