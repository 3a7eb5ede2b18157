//! Every user-facing string of the interface, in Vietnamese and English.

pub mod git;

use crate::app::keymap::Command;
use crate::model::{Lang, Status};
use crate::search::FieldKind;
use crate::store::write::{Attribute, WriteError};

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
    pub date: &'static str,
    pub host: &'static str,
    pub chair: &'static str,
    pub topic: &'static str,
    pub location: &'static str,
    pub source: &'static str,
    pub tags: &'static str,
    pub session_id: &'static str,
    pub participants: &'static str,
    pub summary: &'static str,
    pub highlights: &'static str,
    pub strengths: &'static str,
    pub shortcomings: &'static str,
    pub indicators: &'static str,
    pub general_directives: &'static str,
    pub district_directives: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub note: &'static str,
    pub done_on: &'static str,
    pub done_by: &'static str,
    pub met: &'static str,
    pub near: &'static str,
    pub behind: &'static str,
    pub target: &'static str,
    pub ratio: &'static str,
    pub value: &'static str,
    pub status: &'static str,
    pub compared_to: &'static str,
    pub period: &'static str,
    pub over_100: &'static str,
    pub unknown_session: &'static str,
    pub unknown_district: &'static str,
    pub did_you_mean: &'static str,
    pub known_ids: &'static str,
    pub see_list: &'static str,
    /// Before the first problem of a session's file that did not load.
    pub not_loaded: &'static str,
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
    date: "Ngày",
    host: "Cơ quan chủ trì",
    chair: "Chủ trì",
    topic: "Nội dung",
    location: "Hình thức",
    source: "Nguồn",
    tags: "Nhãn",
    session_id: "Mã",
    participants: "Thành phần",
    summary: "Tóm tắt",
    highlights: "Kết quả nổi bật",
    strengths: "Lợi thế",
    shortcomings: "Tồn tại, hạn chế",
    indicators: "Chỉ tiêu",
    general_directives: "Chỉ đạo chung",
    district_directives: "Chỉ đạo",
    owner: "Thực hiện",
    due: "Hạn",
    note: "Ghi chú",
    done_on: "Hoàn thành",
    done_by: "bởi",
    met: "đạt",
    near: "gần đạt",
    behind: "chưa đạt",
    target: "mục tiêu",
    ratio: "Tỷ lệ",
    value: "Giá trị",
    status: "Tình trạng",
    compared_to: "So với",
    period: "Kỳ",
    over_100: "vượt 100%",
    unknown_session: "không có buổi làm việc",
    unknown_district: "buổi làm việc này không có địa phương",
    did_you_mean: "có phải là",
    known_ids: "các mã hiện có",
    see_list: "xem `briefing list` để biết mã các buổi làm việc",
    not_loaded: "tệp của buổi làm việc này không đọc được",
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
    date: "Date",
    host: "Host",
    chair: "Chair",
    topic: "Topic",
    location: "Location",
    source: "Source",
    tags: "Tags",
    session_id: "Id",
    participants: "Participants",
    summary: "Summary",
    highlights: "Highlights",
    strengths: "Strengths",
    shortcomings: "Shortcomings",
    indicators: "Indicators",
    general_directives: "General directives",
    district_directives: "Directives",
    owner: "Owner",
    due: "Due",
    note: "Note",
    done_on: "Done",
    done_by: "by",
    met: "met",
    near: "near",
    behind: "behind",
    target: "target",
    ratio: "Ratio",
    value: "Value",
    status: "Status",
    compared_to: "Against",
    period: "Period",
    over_100: "over 100%",
    unknown_session: "no session with the id",
    unknown_district: "this session has no district with the id",
    did_you_mean: "did you mean",
    known_ids: "known ids",
    see_list: "run `briefing list` to see the session ids",
    not_loaded: "the file of this session did not load",
};

impl Text {
    /// The word for an indicator's status.
    pub fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Met => self.met,
            Status::Near => self.near,
            Status::Behind => self.behind,
        }
    }
}

/// The strings of `lang`.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The strings of the terminal interface.
pub struct Ui {
    pub sessions: &'static str,
    pub details: &'static str,
    pub loading: &'static str,
    pub upcoming: &'static str,
    pub overview: &'static str,
    pub host: &'static str,
    pub chair: &'static str,
    pub topic: &'static str,
    pub location: &'static str,
    pub source: &'static str,
    pub districts: &'static str,
    pub directives: &'static str,
    pub done: &'static str,
    pub overdue: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub note: &'static str,
    pub checked_by: &'static str,
    pub at: &'static str,
    pub nothing: &'static str,
    pub met: &'static str,
    pub near: &'static str,
    pub behind: &'static str,
    pub exceeds: &'static str,
    pub summary: &'static str,
    pub participants: &'static str,
    pub session_directives: &'static str,
    pub highlights: &'static str,
    pub strengths: &'static str,
    pub shortcomings: &'static str,
    pub indicators: &'static str,
    pub keys_title: &'static str,
    pub problems_title: &'static str,
    pub no_problems: &'static str,
    pub close_hint: &'static str,
    pub select_directive: &'static str,
    pub select_directive_history: &'static str,
    pub empty_folder: &'static str,
    pub empty_folder_help: &'static str,
    pub folder_unreadable_help: &'static str,
    pub too_small: &'static str,
    pub in_list: &'static str,
    pub in_session: &'static str,
    pub everywhere: &'static str,
    pub session_gone: &'static str,
    pub saving: &'static str,
    pub unchecked: &'static str,
    pub not_saved: &'static str,
    pub unsaved_on_exit: &'static str,
    pub due_title: &'static str,
    pub next_session: &'static str,
    pub no_upcoming: &'static str,
    pub by_district: &'static str,
    pub overdue_directives: &'static str,
    pub open_with_due: &'static str,
    pub district_title: &'static str,
    pub choose_district: &'static str,
    pub search_prompt: &'static str,
    pub search_help: &'static str,
    pub no_hits: &'static str,
    pub filter: &'static str,
    pub filter_open: &'static str,
    pub filter_overdue: &'static str,
    pub filter_done: &'static str,
    pub filter_upcoming: &'static str,
    pub filter_past: &'static str,
    pub common: &'static str,
    pub today: &'static str,
    pub sessions_short: &'static str,
    pub districts_lower: &'static str,
}

const UI_VI: Ui = Ui {
    sessions: "Buổi làm việc",
    details: "Chi tiết",
    loading: "Đang tải…",
    upcoming: "sắp tới",
    overview: "Tổng quan",
    host: "Đơn vị",
    chair: "Chủ trì",
    topic: "Nội dung",
    location: "Hình thức",
    source: "Nguồn",
    districts: "Địa phương",
    directives: "Chỉ đạo",
    done: "xong",
    overdue: "quá hạn",
    owner: "Thực hiện",
    due: "Hạn",
    note: "Ghi chú",
    checked_by: "Đánh dấu xong bởi",
    at: "lúc",
    nothing: "(không có)",
    met: "đạt",
    near: "gần đạt",
    behind: "chưa đạt",
    exceeds: "vượt",
    summary: "Tóm tắt",
    participants: "Thành phần",
    session_directives: "Chỉ đạo chung",
    highlights: "Kết quả nổi bật",
    strengths: "Lợi thế",
    shortcomings: "Tồn tại, hạn chế",
    indicators: "Chỉ tiêu",
    keys_title: "Phím",
    problems_title: "Tệp có lỗi",
    no_problems: "Mọi tệp đều hợp lệ.",
    close_hint: "Esc: đóng · ↑↓: cuộn",
    select_directive: "Chọn một chỉ đạo để đánh dấu.",
    select_directive_history: "Chọn một chỉ đạo để xem lịch sử đánh dấu.",
    empty_folder: "Chưa có buổi làm việc nào trong thư mục",
    empty_folder_help: "Thêm tệp *.toml (xem README.md), hoặc mở thư mục khác: briefing --dir THƯ_MỤC",
    folder_unreadable_help: "Dùng --dir THƯ_MỤC hoặc đặt biến BRIEFING_DIR.",
    too_small: "Cửa sổ quá nhỏ",
    in_list: "Danh sách",
    in_session: "Trong buổi làm việc",
    everywhere: "Mọi nơi",
    saving: "Đang lưu…",
    unchecked: "Đã bỏ đánh dấu xong và lưu vào tệp.",
    not_saved: "Không lưu được, đã hoàn tác dấu:",
    unsaved_on_exit: "có đánh dấu chưa kịp lưu khi thoát; hãy kiểm tra lại tệp.",
    due_title: "Việc cần theo dõi",
    next_session: "Buổi làm việc sắp tới",
    no_upcoming: "Không có buổi làm việc nào sắp tới",
    by_district: "Theo địa phương: đang mở · quá hạn",
    overdue_directives: "Chỉ đạo quá hạn (hạn sớm nhất trước)",
    open_with_due: "Chỉ đạo đang mở có hạn",
    district_title: "Mọi chỉ đạo cho",
    choose_district: "Chọn địa phương",
    search_prompt: "Tìm",
    search_help: "Gõ để tìm, không cần dấu · ↑↓ chọn · Enter mở · Esc quay lại",
    no_hits: "Không tìm thấy.",
    filter: "Lọc",
    filter_open: "chỉ đạo đang mở",
    filter_overdue: "chỉ đạo quá hạn",
    filter_done: "chỉ đạo đã xong",
    filter_upcoming: "buổi sắp tới",
    filter_past: "buổi đã qua",
    common: "chung",
    today: "hôm nay",
    sessions_short: "buổi",
    districts_lower: "địa phương",
    session_gone: "Buổi làm việc đang mở không còn trong thư mục (tệp bị xóa, đổi tên hoặc có lỗi).",
};

const UI_EN: Ui = Ui {
    sessions: "Sessions",
    details: "Details",
    loading: "Loading…",
    upcoming: "upcoming",
    overview: "Overview",
    host: "Host",
    chair: "Chair",
    topic: "Topic",
    location: "Location",
    source: "Source",
    districts: "Districts",
    directives: "Directives",
    done: "done",
    overdue: "overdue",
    owner: "Owner",
    due: "Due",
    note: "Note",
    checked_by: "Checked off by",
    at: "at",
    nothing: "(none)",
    met: "met",
    near: "near",
    behind: "behind",
    exceeds: "exceeds",
    summary: "Summary",
    participants: "Participants",
    session_directives: "Directives for all districts",
    highlights: "Highlights",
    strengths: "Strengths",
    shortcomings: "Shortcomings",
    indicators: "Indicators",
    keys_title: "Keys",
    problems_title: "Files with problems",
    no_problems: "Every file is valid.",
    close_hint: "Esc: close · ↑↓: scroll",
    select_directive: "Select a directive to check it off.",
    select_directive_history: "Select a directive to see its check-off history.",
    empty_folder: "No sessions in the folder",
    empty_folder_help: "Add *.toml files (see README.md), or open another folder: briefing --dir DIR",
    folder_unreadable_help: "Use --dir DIR or set BRIEFING_DIR.",
    too_small: "Terminal too small",
    in_list: "Session list",
    in_session: "In a session",
    everywhere: "Everywhere",
    saving: "Saving…",
    unchecked: "Check mark removed and saved to the file.",
    not_saved: "Not saved, the mark was reverted:",
    unsaved_on_exit: "a check-off was still being saved at exit; check the file.",
    due_title: "What is due",
    next_session: "Next session",
    no_upcoming: "No upcoming session",
    by_district: "By district: open · overdue",
    overdue_directives: "Overdue directives (oldest due first)",
    open_with_due: "Open directives with a due date",
    district_title: "Everything given to",
    choose_district: "Choose a district",
    search_prompt: "Search",
    search_help: "Type to search, accents optional · ↑↓ select · Enter open · Esc back",
    no_hits: "No matches.",
    filter: "Filter",
    filter_open: "open directives",
    filter_overdue: "overdue directives",
    filter_done: "done directives",
    filter_upcoming: "upcoming sessions",
    filter_past: "past sessions",
    common: "all districts",
    today: "today",
    sessions_short: "sessions",
    districts_lower: "districts",
    session_gone: "The open session is no longer in the folder (its file was removed, renamed or has errors).",
};

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Vi => &UI_VI,
        Lang::En => &UI_EN,
    }
}

/// What a command does, for the help overlay (long) and the hint bar (short).
pub fn command_help(lang: Lang, command: Command) -> (&'static str, &'static str) {
    use Command::*;
    match (lang, command) {
        (Lang::Vi, Up) => ("Lên", "lên"),
        (Lang::Vi, Down) => ("Xuống", "xuống"),
        (Lang::Vi, PageUp) => ("Lên một trang", "trang trước"),
        (Lang::Vi, PageDown) => ("Xuống một trang", "trang sau"),
        (Lang::Vi, First) => ("Về đầu", "đầu"),
        (Lang::Vi, Last) => ("Về cuối", "cuối"),
        (Lang::Vi, Open) => ("Mở buổi làm việc / địa phương", "mở"),
        (Lang::Vi, Back) => ("Quay lại / đóng", "quay lại"),
        (Lang::Vi, NextTab) => ("Thẻ tiếp theo", "thẻ sau"),
        (Lang::Vi, PrevTab) => ("Thẻ trước", "thẻ trước"),
        (Lang::Vi, JumpTab(_)) => ("Đến thẻ 1–9", "thẻ"),
        (Lang::Vi, Help) => ("Trợ giúp phím", "trợ giúp"),
        (Lang::Vi, Quit) => ("Thoát (trong buổi làm việc: quay lại danh sách)", "thoát"),
        (Lang::Vi, ForceQuit) => ("Thoát ngay, từ mọi nơi", "thoát"),
        (Lang::Vi, Toggle) => ("Đánh dấu / bỏ đánh dấu chỉ đạo đã xong", "đánh dấu"),
        (Lang::Vi, Diagnostics) => ("Xem các tệp lỗi", "tệp lỗi"),
        (Lang::Vi, Search) => ("Tìm trong mọi buổi làm việc (không cần dấu)", "tìm"),
        (Lang::Vi, FilterDirectives) => (
            "Lọc chỉ đạo: tất cả → đang mở → quá hạn → đã xong",
            "lọc chỉ đạo",
        ),
        (Lang::Vi, FilterSessions) => ("Lọc buổi làm việc: tất cả → sắp tới → đã qua", "lọc buổi"),
        (Lang::Vi, FilterDistrict) => ("Một địa phương qua mọi buổi làm việc", "địa phương"),
        (Lang::Vi, History) => ("Lịch sử đánh dấu của chỉ đạo đang chọn, từ git", "lịch sử"),
        (Lang::Vi, DueView) => (
            "Việc cần theo dõi: buổi sắp tới, quá hạn theo địa phương",
            "việc cần làm",
        ),
        (Lang::En, Up) => ("Move up", "up"),
        (Lang::En, Down) => ("Move down", "down"),
        (Lang::En, PageUp) => ("Page up", "page up"),
        (Lang::En, PageDown) => ("Page down", "page down"),
        (Lang::En, First) => ("Go to the first item", "first"),
        (Lang::En, Last) => ("Go to the last item", "last"),
        (Lang::En, Open) => ("Open the session / district", "open"),
        (Lang::En, Back) => ("Go back / close", "back"),
        (Lang::En, NextTab) => ("Next tab", "next tab"),
        (Lang::En, PrevTab) => ("Previous tab", "prev tab"),
        (Lang::En, JumpTab(_)) => ("Jump to tab 1–9", "tab"),
        (Lang::En, Help) => ("Help on keys", "help"),
        (Lang::En, Quit) => ("Quit (in a session: back to the list)", "quit"),
        (Lang::En, ForceQuit) => ("Quit at once, from anywhere", "quit"),
        (Lang::En, Toggle) => ("Check a directive off / on", "check off"),
        (Lang::En, Diagnostics) => ("Show files with problems", "problems"),
        (Lang::En, Search) => ("Search all sessions (accents optional)", "search"),
        (Lang::En, FilterDirectives) => {
            ("Filter directives: all → open → overdue → done", "filter")
        }
        (Lang::En, FilterSessions) => ("Filter sessions: all → upcoming → past", "sessions"),
        (Lang::En, FilterDistrict) => ("One district across all sessions", "district"),
        (Lang::En, History) => (
            "Check-off history of the selected directive, from git",
            "history",
        ),
        (Lang::En, DueView) => (
            "What is due: next session, open and overdue per district",
            "due",
        ),
    }
}

/// `Cửa sổ quá nhỏ (cần ít nhất 40×12)`.
pub fn too_small(lang: Lang, width: u16, height: u16) -> String {
    let need = match lang {
        Lang::Vi => "cần ít nhất",
        Lang::En => "need at least",
    };
    format!("{} ({need} {width}×{height})", ui(lang).too_small)
}

/// `3 tệp lỗi` / `3 files with errors`.
pub fn failed_files(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("{n} tệp lỗi"),
        Lang::En if n == 1 => "1 file with errors".to_string(),
        Lang::En => format!("{n} files with errors"),
    }
}

/// `Đã đánh dấu xong (lan, 09:15) và lưu vào tệp.`
pub fn checked_off(lang: Lang, by: &str, time: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã đánh dấu xong ({by}, {time}) và lưu vào tệp."),
        Lang::En => format!("Checked off by {by} at {time} and saved to the file."),
    }
}

/// What kind of field a search hit is in.
pub fn field_label(lang: Lang, field: FieldKind) -> &'static str {
    let vi = lang == Lang::Vi;
    let (v, e) = match field {
        FieldKind::Title => ("Tiêu đề", "Title"),
        FieldKind::Topic => ("Nội dung", "Topic"),
        FieldKind::Tag => ("Nhãn", "Tag"),
        FieldKind::Participant => ("Người dự", "Participant"),
        FieldKind::DistrictName | FieldKind::DistrictText => ("Địa phương", "District"),
        FieldKind::Indicator => ("Chỉ tiêu", "Indicator"),
        FieldKind::DirectiveText => ("Chỉ đạo", "Directive"),
        FieldKind::DirectiveOwner => ("Thực hiện", "Owner"),
        FieldKind::Summary => ("Tóm tắt", "Summary"),
    };
    if vi { v } else { e }
}

/// `còn 5 ngày` / `in 5 days`, `hôm nay` / `today`.
pub fn days_until(lang: Lang, days: i64) -> String {
    match (lang, days) {
        (_, 0) => ui(lang).today.to_string(),
        (Lang::Vi, n) => format!("còn {n} ngày"),
        (Lang::En, 1) => "tomorrow".to_string(),
        (Lang::En, n) => format!("in {n} days"),
    }
}

/// `2 buổi làm việc` / `2 sessions`.
pub fn session_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("{n} buổi làm việc"),
        Lang::En if n == 1 => "1 session".to_string(),
        Lang::En => format!("{n} sessions"),
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
        WriteError::LockTimeout { path, waited } => format!(
            "một lượt đánh dấu khác của {} đã giữ khóa tệp quá {} ms; hãy thử lại sau giây lát",
            path.display(),
            waited.as_millis()
        ),
        WriteError::BeingEdited { path } => format!(
            "{} đang được sửa (tệp vừa thay đổi và vẫn đang thay đổi); hãy lưu tệp trong trình soạn thảo rồi thử lại",
            path.display()
        ),
        WriteError::FileNotWritable { path } => format!(
            "không ghi được {}: bạn không có quyền ghi tệp này; hãy nhờ chủ tệp cấp quyền ghi",
            path.display()
        ),
        WriteError::ReadOnlyFile { path } => format!(
            "không ghi được {}: tệp chỉ đọc (không ai có quyền ghi); nếu tệp cần thay đổi, hãy cho phép ghi (chmod u+w)",
            path.display()
        ),
        WriteError::FolderNotWritable { path, folder } => format!(
            "không ghi được {}: bạn không có quyền ghi thư mục {}, nơi tạo bản mới của tệp; hãy nhờ chủ thư mục cấp quyền ghi",
            path.display(),
            folder.display()
        ),
        WriteError::NotYourFile { path, owner } => format!(
            "không ghi được {}: tệp thuộc về {owner}, nếu bạn lưu thì tệp sẽ thành của bạn; hãy nhờ {owner} đánh dấu",
            path.display()
        ),
        WriteError::StickyFolder {
            path,
            owner,
            folder_owner,
        } => format!(
            "không ghi được {}: tệp thuộc về {owner} và thư mục có bit sticky (của {folder_owner}), nên chỉ họ được thay tệp; hãy nhờ {owner} đánh dấu",
            path.display()
        ),
        WriteError::HardLinked { path, links } => format!(
            "không ghi được {}: tệp có {links} tên (liên kết cứng) và việc đánh dấu chỉ thay đổi được một tên; hãy giữ một tên, hoặc dùng liên kết tượng trưng cho các tên khác",
            path.display()
        ),
        WriteError::ForeignLink { link, owner } => format!(
            "không ghi qua {} được: đó là liên kết tượng trưng của {owner} trỏ tới nơi {owner} không sở hữu; hãy đánh dấu qua chính tệp đó",
            link.display()
        ),
        WriteError::TooLarge { path, size, limit } => format!(
            "không ghi được {}: tệp có {size} byte, vượt giới hạn {} cho một tệp; hãy tách tệp, hoặc tăng `max_file_mib` trong tệp cấu hình",
            path.display(),
            crate::store::human_size(*limit)
        ),
        WriteError::NotAFile { path } => {
            format!(
                "không ghi được {}: đây không phải một tệp thường",
                path.display()
            )
        }
        WriteError::CannotKeep { path, what } => format!(
            "không ghi được {}: không giữ được {} của tệp cho bản mới, nên chưa ghi gì; hãy nhờ chủ tệp đánh dấu",
            path.display(),
            attribute_vi(what)
        ),
        WriteError::PermissionDenied { path } => format!(
            "không ghi được {}: bạn không có quyền ghi tệp hoặc thư mục chứa nó; hãy nhờ người quản lý thư mục cấp quyền ghi",
            path.display()
        ),
        WriteError::ReadOnlyFs { path } => format!(
            "không ghi được {}: ổ đĩa chỉ đọc (ổ đĩa hoặc điểm gắn chỉ đọc); hãy chép các tệp sang nơi ghi được",
            path.display()
        ),
        WriteError::DiskFull { path } => format!(
            "không ghi được {}: ổ đĩa đã đầy (hoặc hết hạn mức của bạn); hãy giải phóng bớt dung lượng rồi thử lại",
            path.display()
        ),
        WriteError::Io { path, source } => format!(
            "không ghi được {}: {source}; tệp chưa bị thay đổi",
            path.display()
        ),
        WriteError::Folder(f) => f.to_string(),
    }
}

fn attribute_vi(a: &Attribute) -> String {
    match a {
        Attribute::Owner(name) => format!("chủ sở hữu ({name})"),
        Attribute::Group(gid) => format!("nhóm (mã {gid})"),
        Attribute::Mode(mode) => format!("quyền truy cập ({mode:o})"),
        Attribute::Extended(name) => format!("thuộc tính mở rộng {name}"),
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
