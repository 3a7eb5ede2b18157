//! Every user-facing string of the interface, in Vietnamese and English.

pub mod git;

use crate::model::{Lang, Status};
use crate::store::write::{Attribute, WriteError};

/// Declares the catalogue: one line per key, English then Vietnamese, so the two stay side by side.
macro_rules! catalogue {
    ($($(#[$doc:meta])* $key:ident: $en:literal, $vi:literal;)*) => {
        /// Every fixed string and message template of the program, in one language.
        pub struct Strings {
            $($(#[$doc])* pub $key: &'static str,)*
        }

        static EN: Strings = Strings { $($key: $en,)* };
        static VI: Strings = Strings { $($key: $vi,)* };

        /// Every key with its English and Vietnamese text (for the catalogue's own checks).
        #[cfg(test)]
        const ENTRIES: &[(&str, &str, &str)] = &[$((stringify!($key), $en, $vi),)*];
    };
}

catalogue! {
    sessions: "Sessions", "Buổi làm việc";
    details: "Details", "Chi tiết";
    loading: "Loading…", "Đang tải…";
    upcoming: "upcoming", "sắp tới";
    overview: "Overview", "Tổng quan";
    host: "Host", "Cơ quan chủ trì";
    chair: "Chair", "Chủ trì";
    topic: "Topic", "Nội dung";
    location: "Location", "Hình thức";
    source: "Source", "Nguồn";
    districts: "Districts", "Địa phương";
    directives: "Directives", "Chỉ đạo";
    done: "done", "xong";
    overdue: "overdue", "quá hạn";
    owner: "Owner", "Thực hiện";
    due: "Due", "Hạn";
    note: "Note", "Ghi chú";
    checked_by: "Checked off by", "Đánh dấu xong bởi";
    at: "at", "lúc";
    nothing: "(none)", "(không có)";
    met: "met", "đạt";
    near: "near", "gần đạt";
    behind: "behind", "chưa đạt";
    summary: "Summary", "Tóm tắt";
    participants: "Participants", "Thành phần";
    session_directives: "General directives", "Chỉ đạo chung";
    highlights: "Highlights", "Kết quả nổi bật";
    strengths: "Strengths", "Lợi thế";
    shortcomings: "Shortcomings", "Tồn tại, hạn chế";
    indicators: "Indicators", "Chỉ tiêu";
    keys_title: "Keys", "Phím";
    problems_title: "Files with problems", "Tệp có lỗi";
    no_problems: "Every file is valid.", "Mọi tệp đều hợp lệ.";
    close_hint: "Esc: close · ↑↓: scroll", "Esc: đóng · ↑↓: cuộn";
    select_directive: "Select a directive to check it off.", "Chọn một chỉ đạo để đánh dấu.";
    select_directive_history: "Select a directive to see its check-off history.", "Chọn một chỉ đạo để xem lịch sử đánh dấu.";
    empty_folder: "No sessions in the folder", "Chưa có buổi làm việc nào trong thư mục";
    empty_folder_help: "Add *.toml files (see README.md), or open another folder: briefing --dir DIR", "Thêm tệp *.toml (xem README.md), hoặc mở thư mục khác: briefing --dir THƯ_MỤC";
    folder_unreadable_help: "Use --dir DIR or set BRIEFING_DIR.", "Dùng --dir THƯ_MỤC hoặc đặt biến BRIEFING_DIR.";
    too_small: "Terminal too small (need at least {width}×{height})", "Cửa sổ quá nhỏ (cần ít nhất {width}×{height})";
    session_gone: "The open session is no longer in the folder (its file was removed, renamed or has errors).", "Buổi làm việc đang mở không còn trong thư mục (tệp bị xóa, đổi tên hoặc có lỗi).";
    saving: "Saving…", "Đang lưu…";
    unchecked: "Check mark removed and saved to the file.", "Đã bỏ đánh dấu xong và lưu vào tệp.";
    not_saved: "Not saved, the mark was reverted:", "Không lưu được, đã hoàn tác dấu:";
    unsaved_on_exit: "a check-off was still being saved at exit; check the file.", "có đánh dấu chưa kịp lưu khi thoát; hãy kiểm tra lại tệp.";
    due_title: "What is due", "Việc cần theo dõi";
    next_session: "Next session", "Buổi làm việc sắp tới";
    no_upcoming: "No upcoming session", "Không có buổi làm việc nào sắp tới";
    by_district: "By district: open · overdue", "Theo địa phương: đang mở · quá hạn";
    overdue_directives: "Overdue directives (oldest due first)", "Chỉ đạo quá hạn (hạn sớm nhất trước)";
    open_with_due: "Open directives with a due date", "Chỉ đạo đang mở có hạn";
    district_title: "Everything given to", "Mọi chỉ đạo cho";
    choose_district: "Choose a district", "Chọn địa phương";
    search_prompt: "Search", "Tìm";
    search_help: "Type to search, accents optional · ↑↓ select · Enter open · Esc back", "Gõ để tìm, không cần dấu · ↑↓ chọn · Enter mở · Esc quay lại";
    no_hits: "No matches.", "Không tìm thấy.";
    filter: "Filter", "Lọc";
    filter_open: "open directives", "chỉ đạo đang mở";
    filter_overdue: "overdue directives", "chỉ đạo quá hạn";
    filter_done: "done directives", "chỉ đạo đã xong";
    filter_upcoming: "upcoming sessions", "buổi sắp tới";
    filter_past: "past sessions", "buổi đã qua";
    common: "all districts", "chung";
    today: "today", "hôm nay";
    sessions_short: "sessions", "buổi";
    districts_lower: "districts", "địa phương";
    // The interface: counts, dates and notices filled in when drawn.
    session_count_one: "1 session", "1 buổi làm việc";
    session_count: "{n} sessions", "{n} buổi làm việc";
    failed_files_one: "1 file with errors", "1 tệp lỗi";
    failed_files: "{n} files with errors", "{n} tệp lỗi";
    tomorrow: "tomorrow", "còn 1 ngày";
    in_days: "in {n} days", "còn {n} ngày";
    checked_off_notice: "Checked off by {by} at {time} and saved to the file.", "Đã đánh dấu xong ({by}, {time}) và lưu vào tệp.";
    // The interface: the kind of field a search hit is in (Topic, Owner, Summary have their own keys).
    field_title: "Title", "Tiêu đề";
    field_tag: "Tag", "Nhãn";
    field_participant: "Participant", "Người dự";
    field_district: "District", "Địa phương";
    field_indicator: "Indicator", "Chỉ tiêu";
    field_directive: "Directive", "Chỉ đạo";
    // The interface: what each command does, in the key help (cmd_) and the hint bar (hint_).
    cmd_up: "Move up", "Lên";
    hint_up: "up", "lên";
    cmd_down: "Move down", "Xuống";
    hint_down: "down", "xuống";
    cmd_page_up: "Page up", "Lên một trang";
    hint_page_up: "page up", "trang trước";
    cmd_page_down: "Page down", "Xuống một trang";
    hint_page_down: "page down", "trang sau";
    cmd_first: "Go to the first item", "Về đầu";
    hint_first: "first", "đầu";
    cmd_last: "Go to the last item", "Về cuối";
    hint_last: "last", "cuối";
    cmd_open: "Open the session / district", "Mở buổi làm việc / địa phương";
    hint_open: "open", "mở";
    cmd_back: "Go back / close", "Quay lại / đóng";
    hint_back: "back", "quay lại";
    cmd_next_tab: "Next tab", "Thẻ tiếp theo";
    hint_next_tab: "next tab", "thẻ sau";
    cmd_prev_tab: "Previous tab", "Thẻ trước";
    hint_prev_tab: "prev tab", "thẻ trước";
    cmd_jump_tab: "Jump to tab 1–9", "Đến thẻ 1–9";
    hint_jump_tab: "tab", "thẻ";
    cmd_help: "Help on keys", "Trợ giúp phím";
    hint_help: "help", "trợ giúp";
    cmd_quit: "Quit (in a session: back to the list)", "Thoát (trong buổi làm việc: quay lại danh sách)";
    hint_quit: "quit", "thoát";
    cmd_force_quit: "Quit at once, from anywhere", "Thoát ngay, từ mọi nơi";
    hint_force_quit: "quit", "thoát";
    cmd_toggle: "Check a directive off / on", "Đánh dấu / bỏ đánh dấu chỉ đạo đã xong";
    hint_toggle: "check off", "đánh dấu";
    cmd_diagnostics: "Show files with problems", "Xem các tệp lỗi";
    hint_diagnostics: "problems", "tệp lỗi";
    cmd_search: "Search all sessions (accents optional)", "Tìm trong mọi buổi làm việc (không cần dấu)";
    hint_search: "search", "tìm";
    cmd_filter_directives: "Filter directives: all → open → overdue → done", "Lọc chỉ đạo: tất cả → đang mở → quá hạn → đã xong";
    hint_filter_directives: "filter", "lọc chỉ đạo";
    cmd_filter_sessions: "Filter sessions: all → upcoming → past", "Lọc buổi làm việc: tất cả → sắp tới → đã qua";
    hint_filter_sessions: "sessions", "lọc buổi";
    cmd_filter_district: "One district across all sessions", "Một địa phương qua mọi buổi làm việc";
    hint_filter_district: "district", "địa phương";
    cmd_due_view: "What is due: next session, open and overdue per district", "Việc cần theo dõi: buổi sắp tới, quá hạn theo địa phương";
    hint_due_view: "due", "việc cần làm";
    cmd_history: "Check-off history of the selected directive, from git", "Lịch sử đánh dấu của chỉ đạo đang chọn, từ git";
    hint_history: "history", "lịch sử";
    files_checked: "files checked", "tệp đã kiểm tra";
    errors: "errors", "lỗi";
    warnings: "warnings", "cảnh báo";
    sessions_loaded: "sessions loaded", "buổi làm việc đọc được";
    /// `briefing done` / `briefing undo`; `{directive}` and `{session}` are filled in.
    cli_checked_off: "Checked off directive `{directive}` of session {session}", "Đã đánh dấu hoàn thành chỉ đạo `{directive}` của buổi làm việc {session}";
    cli_already_checked_off: "Directive `{directive}` of session {session} was already checked off; nothing changed", "Chỉ đạo `{directive}` của buổi làm việc {session} đã được đánh dấu hoàn thành từ trước; không thay đổi gì";
    cli_unchecked: "Un-checked directive `{directive}` of session {session}", "Đã bỏ đánh dấu hoàn thành chỉ đạo `{directive}` của buổi làm việc {session}";
    cli_already_unchecked: "Directive `{directive}` of session {session} was not checked off; nothing changed", "Chỉ đạo `{directive}` của buổi làm việc {session} chưa được đánh dấu hoàn thành; không thay đổi gì";
    date: "Date", "Ngày";
    tags: "Tags", "Nhãn";
    session_id: "Id", "Mã";
    district_directives: "Directives", "Chỉ đạo";
    done_on: "Done", "Hoàn thành";
    done_by: "by", "bởi";
    target: "target", "mục tiêu";
    ratio: "Ratio", "Tỷ lệ";
    value: "Value", "Giá trị";
    compared_to: "Against", "So với";
    unknown_session: "no session with the id", "không có buổi làm việc";
    unknown_district: "this session has no district with the id", "buổi làm việc này không có địa phương";
    did_you_mean: "did you mean", "có phải là";
    known_ids: "known ids", "các mã hiện có";
    see_list: "run `briefing list` to see the session ids", "xem `briefing list` để biết mã các buổi làm việc";
    /// Before the first problem of a session's file that did not load.
    not_loaded: "the file of this session did not load", "tệp của buổi làm việc này không đọc được";
}

impl Strings {
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
pub fn strings(lang: Lang) -> &'static Strings {
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

/// The catalogue's own checks: both languages say the same things, and nothing in it is dead.
#[cfg(test)]
mod catalogue_tests {
    use super::ENTRIES;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn placeholders(text: &str) -> BTreeSet<&str> {
        let mut found = BTreeSet::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            found.insert(&after[..close]);
            rest = &after[close + 1..];
        }
        found
    }

    #[test]
    fn both_languages_carry_the_same_placeholders() {
        for (key, en, vi) in ENTRIES {
            assert_eq!(
                placeholders(en),
                placeholders(vi),
                "placeholders of `{key}` differ"
            );
            assert!(
                !en.trim().is_empty() && !vi.trim().is_empty(),
                "`{key}` is empty"
            );
        }
    }

    fn sources(dir: &Path, out: &mut String) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push_str(without_catalogue(&text));
            }
        }
    }

    /// The code after the `catalogue!` block (the block itself names every key).
    fn without_catalogue(text: &str) -> &str {
        match text.find("\ncatalogue! {") {
            Some(start) => match text[start..].find("\n}\n") {
                Some(end) => &text[start + end..],
                None => text,
            },
            None => text,
        }
    }

    #[test]
    fn every_key_is_used_outside_the_catalogue() {
        let mut code = String::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut code,
        );
        let unused: Vec<&str> = ENTRIES
            .iter()
            .map(|(key, ..)| *key)
            .filter(|key| !code.contains(&format!(".{key}")))
            .collect();
        assert!(unused.is_empty(), "keys never used: {unused:?}");
    }
}
