//! Every user-facing string of the interface, in Vietnamese and English.

pub(crate) mod cli;
mod compose;
pub(crate) mod toml_parse;

#[cfg(test)]
pub(crate) use compose::check_said_in_both;
pub(crate) use compose::{did_you_mean, display_in_english, human_size};

use std::fmt::Display;

use crate::model::Lang;

include!("i18n/catalogue.rs");

catalogue! {
    sessions: "Sessions", "Buổi làm việc";
    details: "Details", "Chi tiết";
    loading: "Loading…", "Đang tải…";
    upcoming: "upcoming", "sắp tới";
    overview: "Overview", "Tổng quan";
    host: "Host", "Cơ quan chủ trì";
    chair: "Chair", "Chủ trì";
    topic: "Topic", "Nội dung";
    location: "Location", "Địa điểm";
    source: "Source", "Nguồn";
    districts: "Localities", "Địa phương";
    directives: "Directives", "Chỉ đạo";
    done: "done", "xong";
    urgent: "urgent", "khẩn";
    year_inferred: "year inferred", "năm suy ra";
    figure_estimate: "estimate", "ước tính";
    figure_forecast: "forecast", "dự báo";
    figure_plan_percent_only: "% of plan only", "chỉ có % kế hoạch";
    part_of(title, whole): "{title}, part of {whole}", "{title}, thuộc {whole}";
    overdue: "overdue", "quá hạn";
    // A directive's follow-up (format version 3): its state, and the category a report counts it in.
    state_open: "Not started", "Chưa thực hiện";
    state_doing: "In progress", "Đang thực hiện";
    state_blocked: "Blocked", "Vướng mắc";
    state_done: "Done", "Hoàn thành";
    state_dropped: "Dropped", "Dừng thực hiện";
    category_done_on_time: "Done on time", "Hoàn thành đúng hạn";
    category_done_late: "Done late", "Hoàn thành quá hạn";
    category_doing_in_time: "In progress, within deadline", "Đang thực hiện trong hạn";
    category_doing_overdue: "In progress, overdue", "Đang thực hiện quá hạn";
    category_not_started_in_time: "Not started (within deadline)", "Chưa thực hiện (trong hạn)";
    category_not_started_overdue: "Not started (overdue)", "Chưa thực hiện (quá hạn)";
    category_blocked: "Blocked", "Vướng mắc";
    category_dropped: "Dropped", "Dừng thực hiện";
    latest_note: "Latest note", "Ghi nhận mới nhất";
    follow_up: "Follow-up", "Theo dõi";
    // The implementation report (`briefing report`, the `r` view).
    report_title: "Implementation report", "Báo cáo tình hình thực hiện chỉ đạo";
    report_grouped(what): "by {what}", "theo {what}";
    report_all_sessions: "all sessions", "mọi buổi làm việc";
    report_from(day): "from {day}", "từ {day}";
    report_to(day): "to {day}", "đến {day}";
    report_as_of(day): "categories as of {day}", "phân loại tính đến ngày {day}";
    report_no_sessions: "No session in this period.", "Không có buổi làm việc nào trong khoảng thời gian này.";
    report_range_reversed(from, to): "--from {from} is after --to {to}: no session could be counted; swap them.", "--from {from} sau --to {to}: không buổi làm việc nào được tính; hãy đổi chỗ hai ngày.";
    report_row_locality: "Locality", "Địa phương";
    report_row_assignee: "Assignee", "Đơn vị thực hiện";
    report_row_session: "Session", "Buổi làm việc";
    report_common: "Session-wide (no locality)", "Chung (không gắn địa phương)";
    report_no_owner: "(no assignee)", "(chưa giao đơn vị)";
    report_total: "Total", "Tổng số";
    report_all_rows: "All", "Tổng cộng";
    report_blocked: "Blocked directives", "Chỉ đạo vướng mắc";
    report_overdue: "Overdue directives (earliest deadline first)", "Chỉ đạo quá hạn (hạn sớm nhất trước)";
    report_columns: "Columns", "Các cột";
    report_category: "Category", "Phân loại";
    report_percent: "Percent done", "Tỷ lệ hoàn thành (%)";
    report_session_id: "Session id", "Mã buổi làm việc";
    report_note_stamp: "Noted at, by", "Thời điểm, người ghi";
    report_session_of(day, title): "session of {day}: {title}", "buổi làm việc ngày {day}: {title}";
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
    proposals: "Proposals and answers", "Kiến nghị, đề xuất và trả lời";
    proposal_by: "Proposed by", "Người đề xuất";
    proposal_answer: "Answer", "Trả lời";
    proposal_assignee: "Assigned to", "Giao";
    indicators: "Indicators", "Chỉ tiêu";
    keys_title: "Keys", "Phím";
    problems_title: "Files with problems", "Tệp có lỗi";
    no_problems: "Every file is valid.", "Mọi tệp đều hợp lệ.";
    close_hint: "Esc: close · ↑↓: scroll", "Esc: đóng · ↑↓: cuộn";
    select_directive: "Select a directive to check it off.", "Chọn một chỉ đạo để đánh dấu.";
    select_directive_history: "Select a directive to see its check-off history.", "Chọn một chỉ đạo để xem lịch sử đánh dấu.";
    edited(file): "Edited {file}; read again.", "Đã sửa {file}; đã đọc lại.";
    edit_refused(reason): "Not opened in the editor: {reason}", "Không mở trong trình soạn thảo: {reason}";
    editor_not_started(editor, error): "Could not start the editor `{editor}`: {error}. Set VISUAL or EDITOR to your editor.", "Không chạy được trình soạn thảo `{editor}`: {error}. Hãy đặt VISUAL hoặc EDITOR là trình soạn thảo của bạn.";
    editor_failed(editor, code): "The editor `{editor}` ended with status {code}; the file was read again.", "Trình soạn thảo `{editor}` kết thúc với mã {code}; tệp đã được đọc lại.";
    editor_killed(editor): "The editor `{editor}` was stopped by a signal; the file was read again.", "Trình soạn thảo `{editor}` bị dừng bởi tín hiệu; tệp đã được đọc lại.";
    select_directive_progress: "Select a directive to record its progress.", "Chọn một chỉ đạo để ghi tiến độ.";
    empty_folder: "No sessions in the folder", "Chưa có buổi làm việc nào trong thư mục";
    empty_folder_help: "Add *.toml files (see README.md), or open another folder: briefing --dir DIR", "Thêm tệp *.toml (xem README.md), hoặc mở thư mục khác: briefing --dir THƯ_MỤC";
    folder_unreadable_help: "Use --dir DIR or set BRIEFING_DIR.", "Dùng --dir THƯ_MỤC hoặc đặt biến BRIEFING_DIR.";
    too_small(width, height): "Terminal too small (need at least {width}×{height})", "Cửa sổ quá nhỏ (cần ít nhất {width}×{height})";
    session_gone: "The open session is no longer in the folder (its file was removed, renamed or has errors).", "Buổi làm việc đang mở không còn trong thư mục (tệp bị xóa, đổi tên hoặc có lỗi).";
    question_closed: "The directive asked about changed in its file: the question is closed and nothing was changed.", "Chỉ đạo đang hỏi đã thay đổi trong tệp: đã đóng câu hỏi, không thay đổi gì.";
    saving: "Saving…", "Đang lưu…";
    unchecked: "Check mark removed and saved to the file.", "Đã bỏ đánh dấu xong và lưu vào tệp.";
    not_saved: "Not saved, the mark was reverted:", "Không lưu được, đã hoàn tác dấu:";
    unsaved_on_exit: "a check-off was still being saved at exit; check the file.", "có đánh dấu chưa kịp lưu khi thoát; hãy kiểm tra lại tệp.";
    due_title: "What is due", "Việc cần theo dõi";
    next_session: "Next session", "Buổi làm việc sắp tới";
    no_upcoming: "No upcoming session", "Không có buổi làm việc nào sắp tới";
    by_district: "By locality: open · overdue", "Theo địa phương: đang mở · quá hạn";
    overdue_directives: "Overdue directives (oldest due first)", "Chỉ đạo quá hạn (hạn sớm nhất trước)";
    open_with_due: "Open directives with a due date", "Chỉ đạo đang mở có hạn";
    dossier_title(name): "{name} over time", "Hồ sơ {name}";
    dossier_sessions(n): "Sessions ({n}), oldest first", "Các buổi làm việc ({n}), cũ trước";
    dossier_earlier(unit): "as {unit}", "khi còn là {unit}";
    dossier_trends: "Figures over time", "Chỉ tiêu qua các kỳ";
    dossier_no_trends: "No figure appears in two sessions yet.", "Chưa có chỉ tiêu nào xuất hiện ở hai buổi làm việc.";
    dossier_formerly: "Formerly", "Trước đây";
    dossier_merged_from: "Merged from", "Hợp nhất từ";
    plan_short: "plan", "KH";
    dossier_period: "Period", "Kỳ";
    dossier_chart: "Chart", "Biểu đồ";
    choose_district: "Choose a locality", "Chọn địa phương";
    search_prompt: "Search", "Tìm";
    search_help: "Type to search, accents optional · ↑↓ select · Enter open · Esc back", "Gõ để tìm, không cần dấu · ↑↓ chọn · Enter mở · Esc quay lại";
    no_hits: "No matches.", "Không tìm thấy.";
    filter: "Filter", "Lọc";
    filter_open: "open directives", "chỉ đạo đang mở";
    filter_overdue: "overdue directives", "chỉ đạo quá hạn";
    filter_done: "done directives", "chỉ đạo đã xong";
    filter_upcoming: "upcoming sessions", "buổi sắp tới";
    filter_past: "past sessions", "buổi đã qua";
    common: "all localities", "chung";
    today: "today", "hôm nay";
    sessions_short: "sessions", "buổi";
    // The interface: counts, dates and notices filled in when drawn.
    session_count_one: "1 session", "1 buổi làm việc";
    session_count(n): "{n} sessions", "{n} buổi làm việc";
    locality_count_one: "1 locality", "1 địa phương";
    locality_count(n): "{n} localities", "{n} địa phương";
    failed_files_one: "1 file with errors", "1 tệp lỗi";
    failed_files(n): "{n} files with errors", "{n} tệp lỗi";
    tomorrow: "tomorrow", "còn 1 ngày";
    in_days(n): "in {n} days", "còn {n} ngày";
    checked_off_notice(by, time): "Checked off by {by} at {time} and saved to the file.", "Đã đánh dấu xong ({by}, {time}) và lưu vào tệp.";
    // The interface: the kind of field a search hit is in (Topic, Owner, Summary have their own keys).
    field_title: "Title", "Tiêu đề";
    field_tag: "Tag", "Nhãn";
    field_participant: "Participant", "Người dự";
    field_district: "Locality", "Địa phương";
    field_indicator: "Indicator", "Chỉ tiêu";
    field_directive: "Directive", "Chỉ đạo";
    field_image: "Photo", "Ảnh";
    field_proposal: "Proposal", "Kiến nghị";
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
    cmd_open: "Open the session / locality", "Mở buổi làm việc / địa phương";
    hint_open: "open", "mở";
    cmd_back: "Go back / close", "Quay lại / đóng";
    hint_back: "back", "quay lại";
    cmd_next_tab: "Next tab (in a list: open)", "Thẻ tiếp theo (trong danh sách: mở)";
    hint_next_tab: "next tab", "thẻ sau";
    cmd_prev_tab: "Previous tab (in a list: back)", "Thẻ trước (trong danh sách: quay lại)";
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
    cmd_filter_directives: "Filter: all → open → overdue → done → each category", "Lọc: tất cả → đang mở → quá hạn → đã xong → từng nhóm";
    hint_filter_directives: "filter", "lọc chỉ đạo";
    cmd_filter_sessions: "Filter sessions: all → upcoming → past", "Lọc buổi làm việc: tất cả → sắp tới → đã qua";
    hint_filter_sessions: "sessions", "lọc buổi";
    cmd_filter_district: "A locality's dossier across all sessions", "Hồ sơ một địa phương qua mọi buổi";
    hint_filter_district: "locality", "địa phương";
    cmd_due_view: "What is due: next session, open and overdue per locality", "Việc cần theo dõi: buổi sắp tới, quá hạn theo địa phương";
    hint_due_view: "due", "việc cần làm";
    cmd_report_view: "Implementation report: directives by category", "Báo cáo tình hình thực hiện chỉ đạo theo loại";
    hint_report_view: "report", "báo cáo";
    cmd_report_by: "Rows by locality → assignee → session", "Mỗi dòng là: địa phương → đơn vị thực hiện → buổi làm việc";
    hint_report_by: "rows by", "đổi nhóm";
    cmd_history: "History: progress log, and check-offs in git", "Lịch sử: nhật ký tiến độ, đánh dấu trong git";
    hint_history: "history", "lịch sử";
    cmd_edit: "Edit the selected item in $VISUAL / $EDITOR (else vi)", "Sửa mục đang chọn bằng $VISUAL / $EDITOR (mặc định vi)";
    hint_edit: "edit", "sửa";
    cmd_progress: "Record progress: state, note, percent", "Ghi tiến độ: tình trạng, ghi chú, phần trăm";
    hint_progress: "progress", "tiến độ";
    files_checked: "files checked", "tệp đã kiểm tra";
    files_checked_one: "file checked", "tệp đã kiểm tra";
    errors: "errors", "lỗi";
    errors_one: "error", "lỗi";
    warnings: "warnings", "cảnh báo";
    warnings_one: "warning", "cảnh báo";
    sessions_loaded: "sessions loaded", "buổi làm việc đọc được";
    sessions_loaded_one: "session loaded", "buổi làm việc đọc được";
    /// `briefing done` / `briefing undo`; `{directive}` and `{session}` are filled in.
    cli_checked_off(directive, session): "Checked off directive `{directive}` of session {session}", "Đã đánh dấu hoàn thành chỉ đạo `{directive}` của buổi làm việc {session}";
    cli_already_checked_off(directive, session): "Directive `{directive}` of session {session} was already checked off; nothing changed", "Chỉ đạo `{directive}` của buổi làm việc {session} đã được đánh dấu hoàn thành từ trước; không thay đổi gì";
    cli_unchecked(directive, session): "Un-checked directive `{directive}` of session {session}", "Đã bỏ đánh dấu hoàn thành chỉ đạo `{directive}` của buổi làm việc {session}";
    cli_already_unchecked(directive, session): "Directive `{directive}` of session {session} was not checked off; nothing changed", "Chỉ đạo `{directive}` của buổi làm việc {session} chưa được đánh dấu hoàn thành; không thay đổi gì";
    /// `briefing new`: the skeleton written, or why not.
    new_written(path): "Wrote {path}: fill it in, then run `briefing check`", "Đã tạo {path}: hãy điền nội dung rồi chạy `briefing check`";
    new_bad_id(id): "cannot make a session with id `{id}`: write a path below the folder without `.toml`, its parts not empty and not starting with a dot (e.g. 2025/2025-09-10-tan-lap)", "không tạo được buổi làm việc mã `{id}`: hãy viết đường dẫn trong thư mục, bỏ `.toml`, không có phần rỗng hay bắt đầu bằng dấu chấm (ví dụ 2025/2025-09-10-tan-lap)";
    new_exists(path): "{path} already exists; nothing was written (choose another id, or edit that file)", "{path} đã có; không ghi gì (hãy chọn mã khác, hoặc sửa tệp đó)";
    new_io(path, error): "cannot write {path}: {error}", "không ghi được {path}: {error}";
    /// `briefing progress`.
    cli_progress_recorded(directive, session, at, by, what): "Recorded progress on directive `{directive}` of session {session} at {at} by {by}: {what}", "Đã ghi tiến độ chỉ đạo `{directive}` của buổi làm việc {session} lúc {at}, người ghi {by}: {what}";
    cli_progress_state(word, name): "state {word} ({name})", "trạng thái {word} ({name})";
    cli_progress_note(note): "note “{note}”", "ghi chú “{note}”";
    date: "Date", "Ngày";
    tags: "Tags", "Nhãn";
    session_id: "Id", "Mã";
    district_directives: "Directives", "Chỉ đạo";
    shared_also(n): "Also counted here: {n} of the general directives (above) that concern this locality.", "Tính cả {n} chỉ đạo chung ở trên áp dụng cho địa phương này.";
    done_on: "Done", "Hoàn thành";
    done_by: "by", "bởi";
    target: "target", "mục tiêu";
    ratio: "Ratio", "Tỷ lệ";
    value: "Value", "Giá trị";
    compared_to: "Against", "So với";
    unknown_session: "no session with the id", "không có buổi làm việc";
    unknown_district: "this session has no locality with the id or name", "buổi làm việc này không có địa phương nào có mã hoặc tên";
    ambiguous_district(name, localities): "\"{name}\" is the name of more than one locality of this session: {localities}; give its id", "\"{name}\" là tên của nhiều địa phương trong buổi làm việc này: {localities}; hãy ghi mã (id) của địa phương";
    did_you_mean: "did you mean", "có phải là";
    known_ids: "known ids", "các mã hiện có";
    see_list: "run `briefing list` to see the session ids", "xem `briefing list` để biết mã các buổi làm việc";
    /// Before the first problem of a session's file that did not load.
    not_loaded: "the file of this session did not load", "tệp của buổi làm việc này không đọc được";

    // Errors of the core, one message per variant (store::write::WriteError, store::FolderError,
    // git::GitError), and the reports of sharing through git (git::sync, git::history, cli).
    /// After a name that is not known, with one suggestion.
    suggest_one(name): " (did you mean `{name}`?)", " (có phải ý bạn là `{name}`?)";
    /// After a name that is not known, with several suggestions (joined by `` `, ` ``).
    suggest_many(names): " (did you mean one of `{names}`?)", " (có phải ý bạn là `{names}`?)";
    write_session_not_found(id, root, hint): "there is no session `{id}` in {root}{hint}; run `briefing list` to see the session ids", "không có buổi làm việc `{id}` trong {root}{hint}; chạy `briefing list` để xem mã các buổi làm việc";
    write_directive_not_found(id, session, hint): "there is no directive `{id}` in session `{session}`{hint}; directive ids are the `id = \"…\"` lines of the file", "không có chỉ đạo `{id}` trong buổi làm việc `{session}`{hint}; mã chỉ đạo là các dòng `id = \"…\"` trong tệp";
    /// `{place}` is `path:line:col: ` or empty; `{message}` is the problem (diag::Problem).
    write_file_invalid(place, message): "{place}{message}; the file was not changed: fix it (`briefing check` shows the problems) and try again", "{place}{message}; tệp chưa bị thay đổi: hãy sửa tệp (`briefing check` chỉ ra các lỗi) rồi thử lại";
    write_sync_running(seconds): "a `briefing sync` of this folder kept it busy for {seconds} s, so nothing was written; try again when it has finished", "một lần `briefing sync` của thư mục này chiếm thư mục quá {seconds} giây, nên chưa ghi gì; hãy thử lại khi đồng bộ xong";
    write_waiting_for_sync: "A `briefing sync` of this folder is running; waiting for it to finish…", "Đang có một lần `briefing sync` của thư mục này; đang chờ đồng bộ xong…";
    write_lock_timeout(path, holders, ms): "{path} is locked by {holders} for over {ms} ms; try again in a moment", "{path} đang bị {holders} khóa quá {ms} ms; hãy thử lại sau giây lát";
    write_being_edited(path): "{path} is being edited (it changed moments ago and keeps changing); save it in your editor, then try again", "{path} đang được sửa (tệp vừa thay đổi và vẫn đang thay đổi); hãy lưu tệp trong trình soạn thảo rồi thử lại";
    write_held_open(path, holders): "{path} is open for writing in {holders} and was not closed while the check-off waited; save and close it there, then try again", "{path} đang được mở để ghi trong {holders} và chưa được đóng trong lúc chờ đánh dấu; hãy lưu và đóng tệp ở đó rồi thử lại";
    write_immutable(path): "cannot write {path}: the file is immutable (`chattr +i`), so nobody may change it; remove the flag (`chattr -i`, as root) if it should change", "không ghi được {path}: tệp bị khóa bất biến (`chattr +i`), không ai được thay đổi; nếu tệp cần thay đổi, hãy bỏ cờ này (`chattr -i`, với quyền root)";
    write_append_only(path): "cannot write {path}: the file is append-only (`chattr +a`), so a check-off cannot change what is written; remove the flag (`chattr -a`, as root) if it should change", "không ghi được {path}: tệp chỉ cho phép ghi thêm vào cuối (`chattr +a`), nên không thể sửa nội dung đã có; nếu tệp cần thay đổi, hãy bỏ cờ này (`chattr -a`, với quyền root)";
    /// Who holds a file (`write_lock_timeout`'s and `write_held_open`'s `{holders}`).
    holder_process(pid, user, how): "process {pid} of user {user} ({how})", "tiến trình {pid} của người dùng {user} ({how})";
    holder_flock: "flock", "khóa flock";
    holder_fcntl: "fcntl lock", "khóa fcntl";
    holder_open_for_writing: "open for writing", "đang mở để ghi";
    holder_unknown: "another program", "một chương trình khác";
    holder_and_more(holder, n): "{holder} and {n} more", "{holder} và {n} tiến trình khác";
    write_file_not_writable(path): "cannot write {path}: you have no permission to write this file; ask its owner for write access", "không ghi được {path}: bạn không có quyền ghi tệp này; hãy nhờ chủ tệp cấp quyền ghi";
    write_read_only_file(path): "cannot write {path}: the file is read-only (no write permission for anyone); make it writable (chmod u+w) if it should change", "không ghi được {path}: tệp chỉ đọc (không ai có quyền ghi); nếu tệp cần thay đổi, hãy cho phép ghi (chmod u+w)";
    write_folder_not_writable(path, folder): "cannot write {path}: you have no permission to write its folder {folder}, where the new version is made; ask the folder's owner for write access", "không ghi được {path}: bạn không có quyền ghi thư mục {folder}, nơi tạo bản mới của tệp; hãy nhờ chủ thư mục cấp quyền ghi";
    write_foreign_link(link, owner): "cannot write through {link}: it is a symbolic link of {owner} to a place {owner} does not own; check the directive off through the file itself", "không ghi qua {link} được: đó là liên kết tượng trưng của {owner} trỏ tới nơi {owner} không sở hữu; hãy đánh dấu qua chính tệp đó";
    write_too_large(path, size, limit): "cannot write {path}: the file is {size} bytes, more than the limit of {limit} per briefing; split it, or raise `max_file_mib` in the config file", "không ghi được {path}: tệp có {size} byte, vượt giới hạn {limit} cho một tệp; hãy tách tệp, hoặc tăng `max_file_mib` trong tệp cấu hình";
    write_not_a_file(path): "cannot write {path}: it is not a regular file", "không ghi được {path}: đây không phải một tệp thường";
    write_cannot_keep(path, what): "cannot write {path}: its {what} would not survive the write, so nothing was written; ask the file's owner to check it off", "không ghi được {path}: {what} của tệp sẽ không giữ được khi ghi, nên chưa ghi gì; hãy nhờ chủ tệp đánh dấu";
    write_permission_denied(path): "cannot write {path}: you lack permission on the file or its folder; ask the folder's owner for write access", "không ghi được {path}: bạn không có quyền ghi tệp hoặc thư mục chứa nó; hãy nhờ người quản lý thư mục cấp quyền ghi";
    write_read_only_fs(path): "cannot write {path}: the disk is read-only (a read-only disk or mount); copy the briefings somewhere writable", "không ghi được {path}: ổ đĩa chỉ đọc (ổ đĩa hoặc điểm gắn chỉ đọc); hãy chép các tệp sang nơi ghi được";
    write_disk_full(path): "cannot write {path}: the disk is full (or your quota is used up); free some space and try again", "không ghi được {path}: ổ đĩa đã đầy (hoặc hết hạn mức của bạn); hãy giải phóng bớt dung lượng rồi thử lại";
    write_io(path, error): "cannot write {path}: {error}; the file was not changed", "không ghi được {path}: {error}; tệp chưa bị thay đổi";
    /// What a replacement file could not keep (`write_cannot_keep`'s `{what}`).
    attribute_owner(name): "owner ({name})", "chủ sở hữu ({name})";
    attribute_group(gid): "group (id {gid})", "nhóm (mã {gid})";
    attribute_mode(mode): "permissions ({mode})", "quyền truy cập ({mode})";
    attribute_extended(name): "extended attribute {name}", "thuộc tính mở rộng {name}";
    attribute_flags(bits): "`chattr` flags ({bits})", "cờ `chattr` ({bits})";
    folder_missing(path): "the briefing folder {path} does not exist; pass --dir DIR or set BRIEFING_DIR", "thư mục buổi làm việc {path} không tồn tại; hãy dùng --dir THƯ_MỤC hoặc đặt biến BRIEFING_DIR";
    folder_not_a_folder(path): "{path} is not a folder; pass --dir with the folder that holds the *.toml briefings", "{path} không phải là thư mục; hãy dùng --dir với thư mục chứa các tệp *.toml";
    folder_unreadable(path, error): "cannot read the briefing folder {path}: {error}", "không đọc được thư mục buổi làm việc {path}: {error}";
    git_no_git: "git is not installed (no `git` command on PATH); install git to share briefings", "chưa cài git (không có lệnh `git` trong PATH); hãy cài git để chia sẻ các buổi làm việc";
    git_not_a_work_tree(dir): "{dir} is not in a git work tree, so there is nothing to share; clone the shared briefings with `git clone URL`, or run `git init` there", "{dir} không nằm trong một kho git, nên không có gì để chia sẻ; hãy lấy kho chung bằng `git clone ĐỊA_CHỈ`, hoặc chạy `git init` ở đó";
    git_no_remote: "the repository has no remote to sync with; add one: git remote add origin URL", "kho git chưa có kho từ xa (remote) để đồng bộ; hãy thêm: git remote add origin ĐỊA_CHỈ";
    git_no_upstream(branch, remote): "branch `{branch}` has no upstream to sync with; send it once with: git push -u {remote} {branch}", "nhánh `{branch}` chưa gắn với nhánh nào trên kho từ xa; gửi lần đầu bằng: git push -u {remote} {branch}";
    git_detached: "no branch is checked out (detached HEAD); check a branch out first: git switch main", "chưa ở trên nhánh nào (detached HEAD); hãy chuyển sang một nhánh: git switch main";
    git_in_progress(top): "a rebase or merge is already under way in {top}; finish it (git rebase --continue) or abort it (git rebase --abort), then sync again", "trong {top} đang dở một lần rebase hoặc merge; hãy hoàn tất (git rebase --continue) hoặc hủy (git rebase --abort) rồi đồng bộ lại";
    git_unreachable(remote, detail): "cannot reach the remote `{remote}` (no network, or the address is wrong: {detail}); your check-offs are kept here and the next sync sends them", "không kết nối được kho từ xa `{remote}` (mất mạng, hoặc địa chỉ sai: {detail}); các dấu hoàn thành vẫn được giữ ở đây và sẽ được gửi ở lần đồng bộ sau";
    git_authentication(remote, detail): "the remote `{remote}` refused your credentials ({detail}); check your password, token or SSH key, then sync again", "kho từ xa `{remote}` từ chối thông tin đăng nhập ({detail}); hãy kiểm tra mật khẩu, token hoặc khóa SSH rồi đồng bộ lại";
    git_rewritten(upstream, dropped): "`{upstream}` no longer has commits this clone saw on it (someone force-pushed): {dropped}. Nothing was merged or sent. Ask whoever rewrote it why; then either drop them here too (briefing sync --drop-removed) or send them again (briefing sync --push-removed)", "`{upstream}` không còn các commit mà bản sao này đã thấy trên đó (có người force-push): {dropped}. Chưa gộp hay gửi gì. Hãy hỏi người đã viết lại lịch sử; rồi bỏ chúng ở đây (briefing sync --drop-removed) hoặc gửi lại (briefing sync --push-removed)";
    /// `{local}` is `git_conflict_local` or empty.
    git_conflict(files, local): "{files}: the same lines were edited here and on the remote (text, not check-offs or progress), so they cannot be merged automatically; nothing was merged and the folder is as before the sync{local}. To merge by hand: git pull --rebase, edit the marked lines, git add FILE, git rebase --continue, then briefing sync", "{files}: cùng những dòng đã bị sửa ở đây và trên kho từ xa (nội dung, không phải dấu hoàn thành hay tiến độ), nên không tự gộp được; chưa gộp gì và thư mục vẫn như trước khi đồng bộ{local}. Để gộp bằng tay: git pull --rebase, sửa các dòng được đánh dấu xung đột, git add TỆP, git rebase --continue, rồi briefing sync";
    /// `{local}` is `git_conflict_local` or empty.
    git_uncommitted(files, local): "your uncommitted changes to {files} meet changes from the remote, so the sync was undone: the folder, what you staged and your stashes are as before{local}. Commit those changes (git commit) or put them aside (git stash), then sync again", "các thay đổi chưa commit của bạn trong {files} trùng với thay đổi từ kho từ xa, nên lần đồng bộ đã được hoàn tác: thư mục, những gì đã stage và các stash vẫn như trước{local}. Hãy commit các thay đổi đó (git commit) hoặc cất tạm (git stash), rồi đồng bộ lại";
    git_conflict_local(commit): " (your check-offs are committed here, in {commit}, not sent)", " (các dấu hoàn thành của bạn đã được commit ở đây, trong {commit}, chưa gửi đi)";
    git_rejected(detail): "the remote rejected the push ({detail}); nothing was forced: sync again later", "kho từ xa từ chối nhận ({detail}); không có gì bị ghi đè: hãy đồng bộ lại sau";
    git_read_only_hub(remote, detail): "the remote `{remote}` does not let you write to it ({detail}); nothing was sent, your check-offs stay committed here. If this office only reads, sync with --pull-only (or pull_only = true under [sync] in the config file); else ask for write access", "kho từ xa `{remote}` không cho bạn ghi ({detail}); chưa gửi gì, các dấu hoàn thành vẫn được commit ở đây. Nếu đơn vị này chỉ xem, hãy đồng bộ với --pull-only (hoặc pull_only = true trong mục [sync] của tệp cấu hình); nếu không, hãy xin quyền ghi";
    git_host_key_unknown(remote, detail): "SSH does not know the host key of `{remote}` ({detail}), and sync never asks; check the key with whoever runs the server, then connect once by hand (ssh HOST) to accept it, and sync again", "SSH chưa biết khóa máy chủ của `{remote}` ({detail}), và sync không bao giờ hỏi; hãy kiểm tra khóa với người quản lý máy chủ, rồi tự kết nối một lần (ssh MÁY_CHỦ) để chấp nhận, và đồng bộ lại";
    git_key_refused(remote, detail): "the remote `{remote}` refused your SSH key ({detail}); load it (ssh-add) or give the server your public key, then sync again", "kho từ xa `{remote}` từ chối khóa SSH của bạn ({detail}); hãy nạp khóa (ssh-add) hoặc gửi khóa công khai cho máy chủ, rồi đồng bộ lại";
    git_timed_out(remote, seconds): "talking to the remote `{remote}` took over {seconds} s, so it was stopped; your check-offs are kept here and the next sync sends them", "kết nối với kho từ xa `{remote}` quá {seconds} giây nên đã dừng; các dấu hoàn thành vẫn được giữ ở đây và sẽ được gửi ở lần đồng bộ sau";
    git_sync_busy(seconds): "another `briefing sync` of this folder, or a check-off, kept it busy for {seconds} s; nothing was done: sync again in a moment", "một lần `briefing sync` khác của thư mục này, hoặc một lần đánh dấu, chiếm thư mục quá {seconds} giây; chưa làm gì: hãy đồng bộ lại sau giây lát";
    git_linked_file(path): "{path} is a symbolic link (the repository made it one), and sync --setup never writes through a link; nothing was written. Replace the link by a plain file (git rm it, then run sync --setup again), or add the lines yourself", "{path} là một liên kết tượng trưng (do kho git tạo), và sync --setup không bao giờ ghi qua liên kết; chưa ghi gì. Hãy thay liên kết bằng một tệp thường (git rm nó rồi chạy lại sync --setup), hoặc tự thêm các dòng cần thiết";
    git_setup_file(path, error): "cannot read or add to {path}: {error}; nothing was committed", "không đọc hoặc ghi thêm được vào {path}: {error}; chưa commit gì";
    /// `{local}` is `git_conflict_local` or empty.
    git_driver_failed(detail, local): "the check-off merge driver failed by itself ({detail}); that is not a conflict in the files. Nothing was merged and the folder is as before the sync{local}; check that briefing runs (briefing --version), run `briefing sync --setup`, then sync again", "bộ gộp dấu hoàn thành tự gặp lỗi ({detail}); đây không phải xung đột trong các tệp. Chưa gộp gì và thư mục vẫn như trước khi đồng bộ{local}; hãy kiểm tra briefing chạy được (briefing --version), chạy `briefing sync --setup`, rồi đồng bộ lại";
    git_driver_gone(program): "the check-off merge driver's program {program} no longer exists (moved or uninstalled), so nothing was merged; run `briefing sync --setup` with the program as installed now, then sync again", "chương trình của bộ gộp dấu hoàn thành {program} không còn nữa (đã bị chuyển hoặc gỡ cài đặt), nên chưa gộp gì; hãy chạy `briefing sync --setup` bằng chương trình đang cài, rồi đồng bộ lại";
    git_failed(command, detail): "`git {command}` failed: {detail}", "lệnh `git {command}` thất bại: {detail}";
    git_cannot_run(error): "cannot run git: {error}", "không chạy được git: {error}";
    /// One check-off in a sync's commit message and report.
    sync_done_by(directive, by, at): "- {directive}: done by {by}, {at}", "- {directive}: hoàn thành, {by}, {at}";
    sync_done(directive): "- {directive}: done", "- {directive}: hoàn thành";
    sync_undone(directive): "- {directive}: un-checked", "- {directive}: bỏ đánh dấu hoàn thành";
    /// The subject of a sync's commit.
    sync_subject(done, undone): "Check-offs: {done} done, {undone} un-checked", "Đánh dấu chỉ đạo: {done} hoàn thành, {undone} bỏ đánh dấu";
    sync_subject_file: "Update 1 briefing file", "Cập nhật 1 tệp buổi làm việc";
    sync_subject_files(n): "Update {n} briefing files", "Cập nhật {n} tệp buổi làm việc";
    sync_files: "Files:", "Các tệp:";
    /// The subject of the commit of `sync --setup`.
    setup_subject: "Sharing through git: merge check-offs (.gitattributes), ignore temporary files (.gitignore)", "Chia sẻ qua git: gộp các dấu hoàn thành (.gitattributes), bỏ qua tệp tạm (.gitignore)";
    sync_committed_one(commit): "Committed {commit} (1 check-off):", "Đã ghi commit {commit} (1 dấu):";
    sync_committed(commit, n): "Committed {commit} ({n} check-offs):", "Đã ghi commit {commit} ({n} dấu):";
    sync_left_alone(files): "Left alone (not only check-offs; commit them yourself, or use --all): {files}", "Không commit (không chỉ là dấu hoàn thành; tự commit, hoặc dùng --all): {files}";
    sync_no_identity(who): "Note: git has no identity of yours, so the commit is by your login name: {who}.", "Lưu ý: git chưa có danh tính của bạn, nên commit ghi tên đăng nhập: {who}.";
    sync_set_identity: "Set yours: git config --global user.name \"Your Name\"; git config --global user.email you@example.org", "Đặt danh tính: git config --global user.name \"Họ Tên\"; git config --global user.email ten@example.vn";
    sync_in_step(upstream): "In step with {upstream}: nothing to receive or send.", "Đã khớp với {upstream}: không có gì để nhận hay gửi.";
    sync_pull_only(files): "Pull only: kept uncommitted here, not sent: {files}", "Chỉ nhận về: giữ ở đây, chưa commit, chưa gửi: {files}";
    sync_unsent(n): "Pull only: {n} local commits not sent.", "Chỉ nhận về: {n} commit ở đây chưa gửi.";
    sync_dry_commit(n): "Would commit {n} check-offs:", "Sẽ commit {n} dấu:";
    sync_dry_nothing: "Would commit nothing.", "Sẽ không commit gì.";
    /// `{received}` and `{sent}` are `sync_commit_one` or `sync_commits`.
    sync_dry_exchange(received, upstream, sent): "Would receive {received} from {upstream} and send {sent}. Nothing was changed (dry run).", "Sẽ nhận {received} từ {upstream} và gửi {sent}. Chưa thay đổi gì (chạy thử).";
    sync_dry_dropped(upstream, dropped): "Would stop: {upstream} no longer has {dropped}.", "Sẽ dừng: {upstream} không còn {dropped}.";
    sync_removed_sent(dropped): "Sent again what the upstream had dropped (--push-removed): {dropped}", "Đã gửi lại những gì kho từ xa đã bỏ (--push-removed): {dropped}";
    sync_removed_dropped(dropped): "Dropped here too what the upstream had dropped (--drop-removed): {dropped}", "Đã bỏ ở đây những gì kho từ xa đã bỏ (--drop-removed): {dropped}";
    /// `{received}` and `{sent}` are `sync_commit_one` or `sync_commits`.
    sync_exchanged(received, upstream, sent): "Received {received} from {upstream}, sent {sent} to {upstream}.", "Đã nhận {received} từ {upstream}, gửi {sent} lên {upstream}.";
    sync_commit_one: "1 commit", "1 commit";
    sync_commits(n): "{n} commits", "{n} commit";
    sync_driver_missing: "Note: the check-off merge driver is not installed for this folder; run `briefing sync --setup` so that check-offs of one file merge.", "Lưu ý: chưa cài bộ gộp dấu hoàn thành cho thư mục này; chạy `briefing sync --setup` để các dấu của cùng một tệp tự gộp được.";
    sync_temp_not_ignored: "Note: git does not ignore the temporary files of check-offs (.*.briefing-tmp); `briefing sync --setup` adds them to .gitignore.", "Lưu ý: git chưa bỏ qua tệp tạm khi đánh dấu (.*.briefing-tmp); `briefing sync --setup` thêm dòng đó vào .gitignore.";
    sync_driver_stale(program): "Note: git's merge driver for briefings runs {program}, which no longer exists, so `git pull` cannot merge check-offs; run `briefing sync --setup` to point it at this program.", "Lưu ý: bộ gộp dấu hoàn thành của git đang chạy {program}, chương trình này không còn nữa, nên `git pull` không gộp được các dấu; hãy chạy `briefing sync --setup` để trỏ về chương trình này.";
    sync_defeated(message): "Note: {message}.", "Lưu ý: {message}.";
    setup_defeated(message): "Not finished: {message}.", "Chưa xong: {message}.";
    setup_installed(driver): "Installed the check-off merge driver in .git/config: merge.briefing.driver = {driver}", "Đã cài bộ gộp dấu hoàn thành vào .git/config: merge.briefing.driver = {driver}";
    setup_present: "The check-off merge driver was already in .git/config.", "Bộ gộp dấu hoàn thành đã có trong .git/config.";
    setup_committed(files, commit): "Wrote {files} and committed them as {commit}; the next `briefing sync` sends it to the other offices.", "Đã ghi {files} và commit {commit}; lần `briefing sync` tới sẽ gửi lên cho các đơn vị khác.";
    setup_unchanged: ".gitattributes and .gitignore were already right.", ".gitattributes và .gitignore đã đúng.";
    attr_merge_line(file, line, text, path, more, setting): "{file}, line {line}: `{text}` gives {path}{more} `{setting}`, so git does not use the check-off merge driver and sync cannot merge check-offs; remove that line or change it to `merge=briefing`, then commit it", "{file}, dòng {line}: `{text}` đặt `{setting}` cho {path}{more}, nên git không dùng bộ gộp dấu hoàn thành và sync không gộp được các dấu; hãy xóa dòng đó hoặc đổi thành `merge=briefing`, rồi commit";
    attr_merge_unknown(path, more, setting): "git gives {path}{more} `{setting}` from an attributes file outside the folder's .gitattributes (.git/info/attributes, core.attributesFile or the system's gitattributes), so git does not use the check-off merge driver; find that line with `git check-attr -a {path}` and remove it", "git đặt `{setting}` cho {path}{more} từ một tệp thuộc tính ngoài .gitattributes của thư mục (.git/info/attributes, core.attributesFile hoặc gitattributes của hệ thống), nên git không dùng bộ gộp dấu hoàn thành; hãy tìm dòng đó bằng `git check-attr -a {path}` rồi xóa";
    attr_encoding_line(file, line, text, path, more, setting): "{file}, line {line}: `{text}` gives {path}{more} `{setting}`, so git writes the briefings in another encoding than UTF-8 and they cannot be read; remove that line, then commit it", "{file}, dòng {line}: `{text}` đặt `{setting}` cho {path}{more}, nên git ghi các tệp buổi làm việc theo bảng mã khác UTF-8 và không đọc được; hãy xóa dòng đó rồi commit";
    attr_encoding_unknown(path, more, setting): "git gives {path}{more} `{setting}` from an attributes file outside the folder's .gitattributes, so the briefings are not written in UTF-8; find that line with `git check-attr -a {path}` and remove it", "git đặt `{setting}` cho {path}{more} từ một tệp thuộc tính ngoài .gitattributes của thư mục, nên các tệp buổi làm việc không được ghi theo UTF-8; hãy tìm dòng đó bằng `git check-attr -a {path}` rồi xóa";
    ignore_kept_line(file, line, text): "{file}, line {line}: `{text}` keeps git from ignoring the check-off temporary files (.*.briefing-tmp), so they could be committed; remove that line, then commit it", "{file}, dòng {line}: `{text}` khiến git không bỏ qua tệp tạm khi đánh dấu (.*.briefing-tmp), nên chúng có thể bị commit; hãy xóa dòng đó rồi commit";
    attr_more_files(n): " (and {n} more briefings)", " (và {n} tệp buổi làm việc khác)";
    attr_new_briefing(path): "a new briefing such as {path}", "tệp buổi làm việc mới, như {path}";
    /// One line of `briefing log`.
    log_line(at, what, session, directive, by, rest): "{at}  {what}  {session}  {directive}  by {by}{rest}", "{at}  {what}  {session}  {directive}  bởi {by}{rest}";
    log_checked_off: "checked off", "hoàn thành";
    log_unchecked: "un-checked", "bỏ đánh dấu";
    log_progress: "progress", "tiến độ";
    log_commit(commit, author): " (commit {commit}, {author})", " (commit {commit}, {author})";
    log_files_only(why): "the log is read from the files alone, without git's commits (and without the un-checks of version 1 and 2 files, which only git remembers): {why}", "nhật ký chỉ được đọc từ các tệp, không có các commit của git (và không có các lần bỏ đánh dấu trong tệp phiên bản 1 và 2, vốn chỉ git ghi nhớ): {why}";
    log_warning(message): "briefing: warning: {message}", "briefing: cảnh báo: {message}";
    /// One line of a directive's history in the interface; `{mark}` is its checkbox.
    history_done(at, mark, by, commit): "{at}  {mark} checked off by {by}  ({commit})", "{at}  {mark} hoàn thành, bởi {by}  ({commit})";
    history_undone(at, mark, by, commit): "{at}  {mark} un-checked by {by}  ({commit})", "{at}  {mark} bỏ đánh dấu, bởi {by}  ({commit})";
    no_history: "No check-offs in the git history yet.", "Chưa có lần đánh dấu nào trong lịch sử git.";
    history_title: "History", "Lịch sử";
    progress_log: "Progress, newest first", "Tiến độ, mới nhất trước";
    no_progress: "No progress recorded yet.", "Chưa ghi tiến độ nào.";
    git_history: "Check-offs in git", "Đánh dấu trong git";
    history_loading: "Reading the git history…", "Đang đọc lịch sử git…";
    history_unread_commit(commit): "commit {commit} could not be read from git; its check-offs are not listed", "không đọc được commit {commit} từ git; các dấu hoàn thành trong đó không được liệt kê";
    history_unread_date(commit): "commit {commit} has no author time that can be read; its check-offs are not listed", "commit {commit} không có thời điểm tác giả đọc được; các dấu hoàn thành trong đó không được liệt kê";
    history_unread_zone(commit, zone): "commit {commit} has the time zone {zone}, which does not exist; its time is shown in UTC", "commit {commit} có múi giờ {zone}, là múi giờ không tồn tại; thời điểm của nó được hiện theo giờ UTC";
    history_unread_too_large(commit, path, size, limit): "in commit {commit}, {path} is {size} bytes, more than a briefing may be ({limit} bytes); its check-offs there are not listed", "trong commit {commit}, {path} có {size} byte, lớn hơn mức cho phép của một tệp buổi làm việc ({limit} byte); các dấu hoàn thành của tệp đó trong commit này không được liệt kê";
    history_unread_not_text(commit, path): "in commit {commit}, {path} could not be read as UTF-8 text; its check-offs there are not listed", "trong commit {commit}, không đọc được {path} dưới dạng văn bản UTF-8; các dấu hoàn thành của tệp đó trong commit này không được liệt kê";
    history_unread_missing(commit, path): "in commit {commit}, a version of {path} is not in this clone (a shallow or partial clone); its check-offs there are not listed", "trong commit {commit}, một phiên bản của {path} không có trong bản sao này (bản sao nông hoặc một phần); các dấu hoàn thành của tệp đó trong commit này không được liệt kê";
    history_unread_invalid(commit, path): "in commit {commit}, {path} (or its version before) is not a valid briefing; its check-offs there are not listed", "trong commit {commit}, {path} (hoặc bản trước đó) không phải tệp buổi làm việc hợp lệ; các dấu hoàn thành của tệp đó trong commit này không được liệt kê";
    history_incomplete(n): "{n} commit(s) could not be fully read; the list above may miss check-offs.", "có {n} commit không đọc được trọn vẹn; danh sách trên có thể thiếu dấu hoàn thành.";

    // Problems in files (diag::Problem): briefings, the folder, the config file; one message
    // per variant. `{where}` is one of the `where_*` names below.
    /// One line of `briefing check`; `{severity}` is `severity_*`.
    diagnostic_line(place, severity, message): "{place}: {severity}: {message}", "{place}: {severity}: {message}";
    severity_error: "error", "lỗi";
    severity_warning: "warning", "cảnh báo";
    where_file: "the file", "tệp";
    where_participant(n): "[[session.participant]] #{n}", "[[session.participant]] thứ {n}";
    where_district(n): "[[district]] #{n}", "[[district]] thứ {n}";
    where_district_named(n, name): "[[district]] #{n} ({name})", "[[district]] thứ {n} ({name})";
    where_indicator(n, district): "indicator #{n} of {district}", "chỉ tiêu thứ {n} của {district}";
    where_compare(indicator): "a `compare` entry of {indicator}", "một mục `compare` của {indicator}";
    where_directive(n): "[[directive]] #{n}", "[[directive]] thứ {n}";
    where_progress(n, directive): "progress entry #{n} of {directive}", "mục tiến độ thứ {n} của {directive}";
    where_proposal(n, district): "proposal #{n} of {district}", "kiến nghị thứ {n} của {district}";
    where_district_directive(district, n): "a directive of {district} #{n}", "chỉ đạo thứ {n} của {district}";
    type_string: "a string", "một chuỗi";
    type_integer: "an integer", "một số nguyên";
    type_float: "a float", "một số thập phân";
    type_boolean: "a boolean", "một giá trị true/false";
    type_datetime: "a date-time", "một ngày giờ";
    type_array: "an array", "một mảng";
    type_table: "a table", "một bảng";
    expect_strings: "an array of strings", "một mảng chuỗi";
    expect_number: "a number (integer or float)", "một số (số nguyên hoặc số thập phân)";
    expect_boolean: "true or false", "true hoặc false";
    expect_session_table: "a table (`[session]`)", "một bảng (`[session]`)";
    expect_tables(key): "an array of tables (`[[{key}]]`)", "một mảng bảng (`[[{key}]]`)";
    expect_session_date: "a date (`2024-03-13`), a local date-time (`2024-03-13T08:00:00`), an offset date-time (`2024-03-13T08:00:00+07:00`), or a month (`\"2023-01\"`) or a year (`\"2022\"`) in quotes", "một ngày (`2024-03-13`), một ngày giờ (`2024-03-13T08:00:00`), một ngày giờ kèm múi giờ (`2024-03-13T08:00:00+07:00`), hoặc một tháng (`\"2023-01\"`) hay một năm (`\"2022\"`) trong dấu ngoặc kép";
    expect_offset_date_time: "an offset date-time like `2024-03-20T09:15:00+07:00`", "một ngày giờ kèm múi giờ dạng `2024-03-20T09:15:00+07:00`";
    hint_did_you_mean(name): "did you mean `{name}`?", "có phải ý bạn là `{name}`?";
    hint_known_keys(names): "known keys: {names}", "các khóa hợp lệ: {names}";
    hint_known(names): "known: {names}", "các tên hợp lệ: {names}";
    hint_colours(names): "colours: {names}", "các màu: {names}";
    check_not_utf8: "the file is not valid UTF-8; save it as UTF-8 (most editors: \"Save with encoding\")", "tệp không phải UTF-8 hợp lệ; hãy lưu lại dưới dạng UTF-8 (trong hầu hết trình soạn thảo: \"Lưu với bảng mã\" / \"Save with encoding\")";
    check_two_boms: "the file starts with two byte-order marks (U+FEFF); remove the second one (most editors: save as \"UTF-8\" without BOM)", "tệp bắt đầu bằng hai dấu thứ tự byte (U+FEFF); hãy xóa dấu thứ hai (trong hầu hết trình soạn thảo: lưu dạng \"UTF-8\" không có BOM)";
    /// `{detail}` is the TOML parser's message (`i18n::toml`).
    check_invalid_toml(detail): "invalid TOML: {detail}", "TOML không hợp lệ: {detail}";
    check_unclosed_string(quotes): "this {quotes} string is never closed: the rest of the file was read into it; end it with {quotes} on the line after its text", "chuỗi {quotes} mở ở đây không được đóng: phần còn lại của tệp bị đọc vào chuỗi; hãy đóng bằng {quotes} ở dòng sau nội dung";
    check_toml11_inline_newline: "a line break inside an inline table (a table written as a value) is TOML 1.1, but briefing files are TOML 1.0 (docs/spec.md) so every TOML tool reads them; write the table on one line, or as its own `[table]` section", "xuống dòng bên trong bảng nội tuyến (bảng viết như một giá trị) là cú pháp TOML 1.1, nhưng tệp buổi làm việc theo TOML 1.0 (docs/spec.md) để mọi công cụ TOML đọc được; hãy viết bảng trên một dòng, hoặc thành mục `[bảng]` riêng";
    check_toml11_trailing_comma: "a comma right before `}` is TOML 1.1, but briefing files are TOML 1.0 (docs/spec.md) so every TOML tool reads them; remove that comma", "dấu phẩy ngay trước `}` là cú pháp TOML 1.1, nhưng tệp buổi làm việc theo TOML 1.0 (docs/spec.md) để mọi công cụ TOML đọc được; hãy xóa dấu phẩy đó";
    check_toml11_escape_e: "the escape `\\e` is TOML 1.1, but briefing files are TOML 1.0 (docs/spec.md) so every TOML tool reads them; write `\\u001B` instead", "mã thoát `\\e` là cú pháp TOML 1.1, nhưng tệp buổi làm việc theo TOML 1.0 (docs/spec.md) để mọi công cụ TOML đọc được; hãy viết `\\u001B` thay thế";
    check_toml11_escape_x(hex): "the escape `\\x{hex}` is TOML 1.1, but briefing files are TOML 1.0 (docs/spec.md) so every TOML tool reads them; write `\\u00{hex}` instead", "mã thoát `\\x{hex}` là cú pháp TOML 1.1, nhưng tệp buổi làm việc theo TOML 1.0 (docs/spec.md) để mọi công cụ TOML đọc được; hãy viết `\\u00{hex}` thay thế";
    check_toml11_no_seconds(time, fixed): "a time without seconds (`{time}`) is TOML 1.1, but briefing files are TOML 1.0 (docs/spec.md) so every TOML tool reads them; write `{fixed}`", "giờ không có giây (`{time}`) là cú pháp TOML 1.1, nhưng tệp buổi làm việc theo TOML 1.0 (docs/spec.md) để mọi công cụ TOML đọc được; hãy viết `{fixed}`";
    check_no_session: "the file has no [session] table; add one with at least `title = \"…\"` and `date = 2024-03-13`", "tệp chưa có bảng [session]; hãy thêm bảng này, ít nhất có `title = \"…\"` và `date = 2024-03-13`";
    check_version(found, supported): "unsupported format version {found}; this viewer reads versions {supported} (write `version = 3`, or leave it out for version 1)", "phiên bản định dạng {found} không được hỗ trợ; chương trình đọc các phiên bản {supported} (hãy viết `version = 3`, hoặc bỏ dòng này nếu là phiên bản 1)";
    check_unknown_key(key, r#where, hint): "unknown key `{key}` in {where}; {hint}", "khóa `{key}` trong {where} không có trong định dạng; {hint}";
    check_unknown_table(written, right): "there is no table `{written}` in the format, so nothing below it is read: write `{right}`", "định dạng không có bảng `{written}`, nên mọi thứ bên dưới không được đọc: hãy viết `{right}`";
    check_missing_key(r#where, key, example): "{where} is missing the required key `{key}` (for example `{key} = {example}`)", "{where} thiếu khóa bắt buộc `{key}` (ví dụ `{key} = {example}`)";
    check_wrong_type(key, r#where, expected, found): "`{key}` in {where} must be {expected}, found {found}", "`{key}` trong {where} phải là {expected}, nhưng lại là {found}";
    check_wrong_item_type(key, r#where, expected, found): "every item of `{key}` in {where} must be {expected}, found {found}", "mọi phần tử của `{key}` trong {where} phải là {expected}, nhưng có {found}";
    check_integer_too_large: "invalid TOML: this integer is malformed or too large (at most 19 digits, ±9223372036854775807)", "TOML không hợp lệ: số nguyên này viết sai hoặc quá lớn (tối đa 19 chữ số, ±9223372036854775807)";
    check_float_too_large: "invalid TOML: this number is too large for a floating-point value", "TOML không hợp lệ: số này quá lớn đối với một số thập phân";
    check_not_finite(key, r#where): "`{key}` in {where} must be a finite number", "`{key}` trong {where} phải là một số hữu hạn";
    check_not_one_of(key, r#where, names, found): "`{key}` in {where} must be one of {names}, found \"{found}\"", "`{key}` trong {where} phải là một trong {names}, nhưng lại là \"{found}\"";
    check_quoted_value(key, r#where, expected, found): "`{key}` in {where} must be {expected} written without quotes, found the string \"{found}\"", "`{key}` trong {where} phải là {expected}, viết không có dấu ngoặc kép, nhưng lại là chuỗi \"{found}\"";
    check_bad_date_time(key, r#where, expected, found): "`{key}` in {where} must be {expected}, found `{found}`", "`{key}` trong {where} phải là {expected}, nhưng lại là `{found}`";
    check_target_not_positive(r#where, value): "`target` in {where} must be greater than 0 (or, in version 3, 0 for none left), found {value}", "`target` trong {where} phải lớn hơn 0 (hoặc, ở phiên bản 3, bằng 0 khi mục tiêu là không còn), nhưng lại là {value}";
    check_zero_target_higher(r#where): "`target = 0` in {where} is met only at 0 (none left), so `better = \"higher\"` says nothing: leave `better` out, or write `better = \"lower\"`", "`target = 0` trong {where} chỉ đạt khi bằng 0 (không còn), nên `better = \"higher\"` không có nghĩa: hãy bỏ `better`, hoặc viết `better = \"lower\"`";
    check_value_missing(r#where): "{where} is missing the required key `value` (for example `value = 33497`); a figure known only as a percent of its plan gives that percent instead, in version 3, as a comparison with `basis = \"plan\"` (`percent = 95`)", "{where} thiếu khóa bắt buộc `value` (ví dụ `value = 33497`); chỉ tiêu chỉ biết tỷ lệ % so với kế hoạch thì ghi tỷ lệ đó, ở phiên bản 3, thành một so sánh có `basis = \"plan\"` (`percent = 95`)";
    check_plan_percent_only_needs_version_3(r#where, version): "{where} has no `value`, only a percent of its plan: such a figure needs `version = 3` at the top (the file is version {version}); or write its `value` (`value = 33497`)", "{where} không có `value`, chỉ có tỷ lệ % so với kế hoạch: chỉ tiêu như vậy cần `version = 3` ở đầu tệp (tệp đang là phiên bản {version}); hoặc hãy ghi `value` (`value = 33497`)";
    check_progress_percent(r#where, value): "`percent` in {where} must be a whole number from 0 to 100, found {value}: write how far the work is, e.g. `percent = 40`", "`percent` trong {where} phải là số nguyên từ 0 đến 100, nhưng lại là {value}: hãy ghi công việc đã làm được bao nhiêu, ví dụ `percent = 40`";
    check_progress_in_future(r#where, at, now): "`at` in {where} is {at}, later than now ({now}): a progress entry records what has been done; write when it happened (or check the computer's clock)", "`at` trong {where} là {at}, muộn hơn hiện tại ({now}): mục tiến độ ghi lại việc đã làm; hãy ghi thời điểm việc diễn ra (hoặc kiểm tra đồng hồ của máy tính)";
    check_progress_note_control(r#where): "`note` in {where} holds a control character (a line break, a tab or another invisible character): write the note as one line of text", "`note` trong {where} có ký tự điều khiển (xuống dòng, tab hoặc ký tự vô hình khác): hãy viết ghi chú thành một dòng chữ";
    check_percent_negative(r#where, value): "`percent` in {where} must be 0 or more, found {value}", "`percent` trong {where} phải từ 0 trở lên, nhưng lại là {value}";
    check_empty_id(r#where): "`id` in {where} must not be empty", "`id` trong {where} không được để trống";
    check_duplicate_district(id): "two localities have the id `{id}`; give one of them a different `id = \"…\"`", "hai địa phương có cùng mã `{id}`; hãy đặt cho một trong hai một `id = \"…\"` khác";
    check_directive_id_malformed(id): "directive id \"{id}\" may only use letters, digits, `.`, `_` and `-` (for example \"hh-ma-tuy\")", "mã chỉ đạo \"{id}\" chỉ được dùng chữ cái, chữ số, `.`, `_` và `-` (ví dụ \"hh-ma-tuy\")";
    check_directive_id_repeated(id): "directive id \"{id}\" is used twice in this file; every directive needs its own id", "mã chỉ đạo \"{id}\" được dùng hai lần trong tệp; mỗi chỉ đạo cần một mã riêng";
    check_directive_id_missing(r#where, id): "{where} has no `id`; add one, for example `id = \"{id}\"` (made from its text; keep it unchanged once in use)", "{where} chưa có `id`; hãy thêm, ví dụ `id = \"{id}\"` (tạo từ nội dung chỉ đạo; đã dùng thì giữ nguyên)";
    /// The slips of Vietnamese authors; `{written}` is what the file says.
    slip_date_order(key, written, date): "`{key} = {written}` is not a date TOML reads: write the year first, with `-` and without quotes: `{key} = {date}`", "`{key} = {written}` không phải dạng ngày TOML đọc được: hãy viết năm trước, dùng dấu `-` và không có dấu ngoặc kép: `{key} = {date}`";
    slip_date_in_quotes(key, r#where, date): "`{key}` in {where} is a date written in quotes; remove the quotes: `{key} = {date}`", "`{key}` trong {where} là ngày nhưng bị đặt trong dấu ngoặc kép; hãy bỏ dấu ngoặc kép: `{key} = {date}`";
    slip_decimal_comma(key, written, number): "`{key} = {written}`: numbers take a decimal point, not a comma: write `{key} = {number}`", "`{key} = {written}`: số thập phân dùng dấu chấm, không dùng dấu phẩy: hãy viết `{key} = {number}`";
    slip_thousands_dots(key, written, number): "`{key} = {written}`: numbers are written without thousands separators: write `{key} = {number}`", "`{key} = {written}`: số viết liền, không có dấu chấm ngăn cách hàng nghìn: hãy viết `{key} = {number}`";
    slip_percent_sign(key, written, number): "`{key} = {written}`: write the number without `%`: `{key} = {number}`", "`{key} = {written}`: hãy viết số, không kèm `%`: `{key} = {number}`";
    slip_number_in_quotes(key, r#where, number, written): "`{key}` in {where} must be a number, without quotes: write `{key} = {number}` (not `{written}`)", "`{key}` trong {where} phải là một số, không có dấu ngoặc kép: hãy viết `{key} = {number}` (không phải `{written}`)";
    slip_percent_value_in_quotes(key, r#where, number, written): "`{key}` in {where} must be a number, without quotes or `%`: write `{key} = {number}` and `unit = \"%\"` (not `{written}`)", "`{key}` trong {where} phải là một số, không có dấu ngoặc kép hay `%`: hãy viết `{key} = {number}` và `unit = \"%\"` (không phải `{written}`)";
    slip_done_true(written): "`done = {written}`: `done` is true or false, without quotes: write `done = true`", "`done = {written}`: `done` chỉ nhận true hoặc false, không có dấu ngoặc kép: hãy viết `done = true`";
    slip_done_false(written): "`done = {written}`: `done` is true or false, without quotes: write `done = false`", "`done = {written}`: `done` chỉ nhận true hoặc false, không có dấu ngoặc kép: hãy viết `done = false`";
    slip_done_either(written): "`done = {written}`: `done` is true or false, without quotes: write `done = true` (done) or `done = false` (not yet)", "`done = {written}`: `done` chỉ nhận true hoặc false, không có dấu ngoặc kép: hãy viết `done = true` (đã xong) hoặc `done = false` (chưa xong)";
    slip_three_decimals(key, written, whole): "`{key} = {written}` has exactly three decimals: if it means {whole} (a dot between thousands), write `{key} = {whole}`; if it is a decimal, add a fourth decimal ({written}0) to say so", "`{key} = {written}` có đúng ba chữ số thập phân: nếu ý là {whole} (dấu chấm ngăn cách hàng nghìn), hãy viết `{key} = {whole}`; nếu đúng là số thập phân, hãy thêm chữ số thập phân thứ tư ({written}0) cho rõ";
    read_unreadable(error): "cannot read the file: {error}", "không đọc được tệp: {error}";
    read_too_big(size, limit): "the file is {size} bytes, more than the limit of {limit} per briefing; it is not read (split it, or raise `max_file_mib` in the config file)", "tệp có {size} byte, vượt giới hạn {limit} cho một tệp; tệp không được đọc (hãy tách tệp, hoặc tăng `max_file_mib` trong tệp cấu hình)";
    read_not_regular: "not a regular file (a pipe, socket or device); it is not read", "không phải tệp thường (là ống dẫn, socket hoặc thiết bị); không được đọc";
    walk_stopped(n): "stopped after looking at {n} files and folders: this does not look like a briefing folder (check --dir); what was found so far is loaded", "đã dừng sau khi xem {n} tệp và thư mục: đây có vẻ không phải thư mục buổi làm việc (kiểm tra --dir); những gì tìm được đến lúc đó vẫn được đọc";
    walk_dangling_link(error): "the symbolic link points to nothing that can be read ({error}); it is not loaded", "liên kết tượng trưng không trỏ tới tệp nào đọc được ({error}); không được đọc";
    walk_too_many_files(n): "more than {n} briefing files: only the first {n} are loaded (check --dir)", "có hơn {n} tệp buổi làm việc: chỉ {n} tệp đầu được đọc (kiểm tra --dir)";
    walk_link_outside: "a symbolic link to a folder outside the briefing folder; not followed", "liên kết tượng trưng tới một thư mục nằm ngoài thư mục buổi làm việc; không đi theo";
    walk_other_file_system: "a folder on another file system (a mount point); not entered", "thư mục trên một hệ thống tệp khác (điểm gắn); không vào";
    walk_too_deep(n): "folders nested more than {n} levels deep; this one is not entered", "thư mục lồng nhau quá {n} cấp; không vào thư mục này";
    walk_folder_unreadable(error): "cannot read this folder ({error}); its briefings are not loaded", "không đọc được thư mục này ({error}); các buổi làm việc trong đó không được đọc";
    write_unsafe_layout(directive): "the layout around directive `{directive}` could not be edited safely", "không sửa được an toàn phần tệp quanh chỉ đạo `{directive}` (cách trình bày bất thường)";
    write_progress_inline(directive): "directive `{directive}` is written as an inline table, or its progress log is (`progress = [ … ]`): progress is appended as a `[[directive.progress]]` table, so write the directive as a `[[directive]]` table (and its log as `[[directive.progress]]` tables) first", "chỉ đạo `{directive}` được viết thành bảng trên một dòng, hoặc nhật ký tiến độ của nó được viết như vậy (`progress = [ … ]`): tiến độ được ghi thêm thành bảng `[[directive.progress]]`, nên hãy viết chỉ đạo thành bảng `[[directive]]` (và nhật ký thành các bảng `[[directive.progress]]`) trước";
    entry_unknown_state(written, names, meant): "unknown state \"{written}\": write one of {names}{meant}", "trạng thái \"{written}\" không có: hãy ghi một trong {names}{meant}";
    entry_percent(written): "percent {written} is not a whole number from 0 to 100: write how far the work is, e.g. 40", "phần trăm {written} không phải số nguyên từ 0 đến 100: hãy ghi công việc đã làm được bao nhiêu, ví dụ 40";
    entry_note_control: "the note holds a line break, a tab or another control character: write it as one line of text", "ghi chú có ký tự xuống dòng, tab hoặc ký tự điều khiển khác: hãy viết thành một dòng chữ";
    entry_no_by: "a progress entry needs the person who records it (`by`), and none is known: check the login name of this account", "mục tiến độ cần người ghi (`by`) nhưng không xác định được: hãy kiểm tra tên đăng nhập của tài khoản này";
    entry_in_future(at, now): "the time {at} is later than now ({now}): progress records what has been done; check the computer's clock (or `--now`)", "thời điểm {at} muộn hơn hiện tại ({now}): tiến độ ghi lại việc đã làm; hãy kiểm tra đồng hồ của máy tính (hoặc `--now`)";
    entry_nothing: "nothing to record: give a state (--state), a note (--note) or a percent (--percent)", "không có gì để ghi: hãy cho trạng thái (--state), ghi chú (--note) hoặc phần trăm (--percent)";
    /// An error of the operating system: `{what}` is one of `os_*`, `{code}` its number.
    os_error(what, code): "{what} (os error {code})", "{what} (mã lỗi hệ thống {code})";
    os_not_found: "No such file or directory", "không có tệp hay thư mục này";
    os_permission_denied: "Permission denied", "không có quyền truy cập";
    os_already_exists: "File exists", "tệp đã tồn tại";
    os_is_a_directory: "Is a directory", "đây là một thư mục";
    os_not_a_directory: "Not a directory", "không phải là thư mục";
    os_read_only: "Read-only file system", "hệ thống tệp chỉ đọc";
    os_storage_full: "No space left on device", "ổ đĩa đã đầy";
    os_bad_name: "File name too long", "tên tệp quá dài";
    size_bytes(n): "{n} bytes", "{n} byte";
    config_unreadable(error): "cannot read the config file ({error}); using the defaults for every setting", "không đọc được tệp cấu hình ({error}); dùng giá trị mặc định cho mọi thiết lập";
    config_too_big(size, limit): "the config file is {size} bytes, more than the {limit} a config file may be; it is not read, and the defaults apply", "tệp cấu hình có {size} byte, vượt giới hạn {limit} cho một tệp cấu hình; tệp không được đọc, mọi thiết lập dùng giá trị mặc định";
    config_not_regular: "the config file is not a regular file (a pipe, socket or device); it is not read, and the defaults apply", "tệp cấu hình không phải tệp thường (là ống dẫn, socket hoặc thiết bị); tệp không được đọc, mọi thiết lập dùng giá trị mặc định";
    config_invalid_toml(detail): "invalid TOML: {detail}; the whole config is ignored until this is fixed", "TOML không hợp lệ: {detail}; cả tệp cấu hình bị bỏ qua cho đến khi sửa xong";
    config_unknown_setting(name, hint): "unknown setting `{name}`, ignored; {hint}", "không có thiết lập `{name}`, đã bỏ qua; {hint}";
    config_unknown_slot(name, hint): "unknown theme slot `{name}`, ignored; {hint}", "không có vị trí màu `{name}`, đã bỏ qua; {hint}";
    config_unknown_action(name, hint): "unknown action `{name}`, ignored; {hint}", "không có thao tác `{name}`, đã bỏ qua; {hint}";
    config_not_string(key, found): "`{key}` must be a string, found {found}; ignored", "`{key}` phải là một chuỗi, nhưng lại là {found}; đã bỏ qua";
    config_not_boolean(key, found): "`{key}` must be true or false, found {found}; ignored", "`{key}` phải là true hoặc false, nhưng lại là {found}; đã bỏ qua";
    config_not_table(key, found): "`{key}` must be a table (`[{key}]`), found {found}; ignored", "`{key}` phải là một bảng (`[{key}]`), nhưng lại là {found}; đã bỏ qua";
    config_not_key_list(action, found): "`{action}` must be a list of keys like [\"j\", \"down\"], found {found}; ignored", "`{action}` phải là một danh sách phím như [\"j\", \"down\"], nhưng lại là {found}; đã bỏ qua";
    config_max_file_mib(max): "`max_file_mib` must be a whole number of MiB from 1 to {max}, e.g. `max_file_mib = 8`; ignored", "`max_file_mib` phải là một số nguyên MiB từ 1 đến {max}, ví dụ `max_file_mib = 8`; đã bỏ qua";
    config_unknown_language(name): "unknown language `{name}`, ignored; write `lang = \"vi\"` or `lang = \"en\"`", "không có ngôn ngữ `{name}`, đã bỏ qua; hãy viết `lang = \"vi\"` hoặc `lang = \"en\"`";
    config_unknown_colour(name, slot, hint): "unknown colour `{name}` for `{slot}`, ignored; {hint}", "không có màu `{name}` cho `{slot}`, đã bỏ qua; {hint}";
    config_unknown_key(text): "unknown key `{text}`; write a character (`j`, `J`, `?`), a name (enter, esc, space, tab, backspace, delete, insert, home, end, pgup, pgdn, up, down, left, right, f1–f12), optionally after ctrl-, alt- or shift-; ignored", "không có phím `{text}`; hãy viết một ký tự (`j`, `J`, `?`) hoặc tên phím (enter, esc, space, tab, backspace, delete, insert, home, end, pgup, pgdn, up, down, left, right, f1–f12), có thể thêm ctrl-, alt- hoặc shift- ở trước; đã bỏ qua";
    config_fixed_key(text, action): "the key `{text}` cannot be bound to `{action}`: Ctrl-C always quits and 1–9 always jump to a tab; ignored", "không thể gán phím `{text}` cho `{action}`: Ctrl-C luôn để thoát, 1–9 luôn để chuyển thẻ; đã bỏ qua";
    config_abbreviation_not_text(name, found): "`{name}` in [abbreviations] must be a string, what it stands for (e.g. `NTM = \"nông thôn mới\"`), found {found}; ignored", "`{name}` trong [abbreviations] phải là một chuỗi ghi nghĩa đầy đủ (ví dụ `NTM = \"nông thôn mới\"`), nhưng lại là {found}; đã bỏ qua";
    config_abbreviation_empty(name): "the abbreviation `{name}` needs letters or digits on both sides of `=` (e.g. `NTM = \"nông thôn mới\"`); ignored", "chữ viết tắt `{name}` cần có chữ cái hoặc chữ số ở cả hai bên dấu `=` (ví dụ `NTM = \"nông thôn mới\"`); đã bỏ qua";

    // Format version 2 (docs/spec.md): levels of localities, kinds of host, parts of the day,
    // periods, references and images, and the problems of its keys.
    level_tinh: "province", "tỉnh";
    level_thanh_pho_tw: "centrally-run city", "thành phố trực thuộc trung ương";
    level_huyen: "district", "huyện";
    level_thi_xa: "town", "thị xã";
    level_thanh_pho: "city", "thành phố";
    level_quan: "urban district", "quận";
    level_xa: "commune", "xã";
    level_phuong: "ward", "phường";
    level_thi_tran: "township", "thị trấn";
    level_dac_khu: "special zone", "đặc khu";
    /// A locality with its level's name: `Hải Hà district` / `huyện Hải Hà`.
    locality_named(name, level): "{name} {level}", "{level} {name}";
    locality_body: "Counterpart", "Làm việc với";
    locality_parent: "Part of", "Thuộc";
    locality_merging_into: "To merge into", "Sắp hợp nhất vào";
    host_dang: "Party committee", "cấp ủy Đảng";
    host_chinh_quyen: "government", "chính quyền";
    host_mat_tran: "Fatherland Front", "Mặt trận Tổ quốc";
    host_quoc_hoi: "National Assembly", "Quốc hội";
    host_trung_uong: "central Party body", "cơ quan Trung ương Đảng";
    host_nha_nuoc: "central state body", "cơ quan nhà nước Trung ương";
    host_khac: "other body", "cơ quan khác";
    part_sang: "morning", "Sáng";
    part_chieu: "afternoon", "Chiều";
    part_toi: "evening", "Tối";
    /// The date of a session with its part of the day.
    when_part_of_day(date, part): "{date}, {part}", "{part} {date}";
    published: "Published", "Ngày đăng";
    /// Periods of deadlines and session dates, in words.
    period_year(year): "{year}", "năm {year}";
    period_h1(year): "first half of {year}", "6 tháng đầu năm {year}";
    period_h2(year): "second half of {year}", "6 tháng cuối năm {year}";
    period_quarter(quarter, year): "{quarter} {year}", "quý {quarter}/{year}";
    /// The names of the quarters, `|` between them.
    quarter_names: "Q1|Q2|Q3|Q4", "I|II|III|IV";
    period_month(month, year): "{month} {year}", "tháng {month}/{year}";
    /// The names of the months, `|` between them.
    month_names: "January|February|March|April|May|June|July|August|September|October|November|December", "1|2|3|4|5|6|7|8|9|10|11|12";
    references: "References", "Văn bản liên quan";
    images: "Images", "Ảnh";
    directive_to: "For", "Gửi";
    field_reference: "Reference", "Văn bản";
    check_later_version_key(key, needs, says): "`{key}` belongs to format version {needs}, but the file says `version = {says}`: write `version = {needs}` at the top (the key is read all the same)", "`{key}` thuộc định dạng phiên bản {needs}, nhưng tệp ghi `version = {says}`: hãy viết `version = {needs}` ở đầu tệp (khóa này vẫn được đọc)";
    check_not_a_session_period(key, r#where, found): "`{key}` in {where} must be a date written without quotes (`2024-03-13`), or a month (`\"2023-01\"`) or a year (`\"2022\"`) in quotes, found \"{found}\"", "`{key}` trong {where} phải là một ngày viết không có dấu ngoặc kép (`2024-03-13`), hoặc một tháng (`\"2023-01\"`) hay một năm (`\"2022\"`) trong dấu ngoặc kép, nhưng lại là \"{found}\"";
    check_not_a_due_period(key, r#where, forms, found): "`{key}` in {where} must be a date written without quotes (`2024-06-30`) or a period in quotes, one of {forms}, found \"{found}\"", "`{key}` trong {where} phải là một ngày viết không có dấu ngoặc kép (`2024-06-30`) hoặc một kỳ trong dấu ngoặc kép, một trong {forms}, nhưng lại là \"{found}\"";
    slip_period_words(key, written, period): "`{key} = {written}`: write the period as `{key} = \"{period}\"`", "`{key} = {written}`: hãy viết kỳ này là `{key} = \"{period}\"`";
    slip_period_unquoted(key, written): "`{key} = {written}`: a period is written in quotes: `{key} = \"{written}\"`", "`{key} = {written}`: kỳ (tháng, quý, năm) phải đặt trong dấu ngoặc kép: `{key} = \"{written}\"`";
    check_district_and_locality: "the file has both [[district]] and [[locality]] tables; use one of them (a [[district]] is a [[locality]] with `level = \"huyen\"`)", "tệp có cả bảng [[district]] và [[locality]]; hãy chỉ dùng một loại ([[district]] là [[locality]] có `level = \"huyen\"`)";
    check_participant_unnamed(r#where): "{where} needs `name` (a person) or `group` (a group, for example `group = \"Lãnh đạo các sở, ngành\"`); with `version = 3`, `role` alone is a person known only by title", "{where} cần `name` (một người) hoặc `group` (một nhóm, ví dụ `group = \"Lãnh đạo các sở, ngành\"`); với `version = 3`, chỉ `role` là một người chỉ biết chức vụ";
    check_reference_empty(r#where): "{where} needs `number` (for example `number = \"20-NQ/TU\"`) or `title`", "{where} cần `number` (ví dụ `number = \"20-NQ/TU\"`) hoặc `title`";
    check_image_outside(file, r#where): "`file = \"{file}\"` in {where} must be a path inside the briefing folder, relative to this file's folder, without `..` (for example `file = \"anh/2024-03-13-1.jpg\"`)", "`file = \"{file}\"` trong {where} phải là đường dẫn nằm trong thư mục buổi làm việc, tính từ thư mục của tệp này, không có `..` (ví dụ `file = \"anh/2024-03-13-1.jpg\"`)";
    check_not_positive(key, r#where, value): "`{key}` in {where} must be greater than 0, found {value}", "`{key}` trong {where} phải lớn hơn 0, nhưng lại là {value}";
    check_to_on_locality(r#where): "`to` in {where} is not read: `to` names the localities of a session-wide [[directive]]; a locality's own directive already concerns it", "`to` trong {where} không được đọc: `to` chỉ dùng cho [[directive]] chung của buổi làm việc; chỉ đạo riêng của một địa phương đã là của địa phương đó";
    check_needs_version_3(key, r#where, version): "`{key}` in {where} needs `version = 3`, but the file is version {version}: write `version = 3` at the top of the file (nothing else changes meaning)", "`{key}` trong {where} cần `version = 3`, nhưng tệp đang là phiên bản {version}: hãy viết `version = 3` ở đầu tệp (mọi nội dung khác giữ nguyên ý nghĩa)";
    check_blank_identity(key, r#where, example): "`{key}` in {where} is empty: write it (`{key} = {example}`) or leave it out", "`{key}` trong {where} đang để trống: hãy ghi giá trị (`{key} = {example}`) hoặc bỏ dòng này";
    check_locality_key_repeated(key, r#where): "{where} has the `key` \"{key}\" of another locality of this file: each locality needs its own `key`", "{where} có `key` \"{key}\" trùng với một địa phương khác trong tệp: mỗi địa phương cần một `key` riêng";
    check_figure_key_repeated(key, r#where): "{where} has the `key` \"{key}\" of another indicator of the same locality: give each figure its own `key`", "{where} có `key` \"{key}\" trùng với một chỉ tiêu khác của cùng địa phương: mỗi chỉ tiêu cần một `key` riêng";
    check_names_itself(key, reference, r#where): "`{key} = \"{reference}\"` in {where} names the locality itself: name the unit it came from, by that unit's `key` or its level and name (`\"huyện Chư Păh\"`)", "`{key} = \"{reference}\"` trong {where} lại chỉ chính địa phương này: hãy ghi đơn vị trước đây, bằng `key` của đơn vị đó hoặc cấp và tên (`\"huyện Chư Păh\"`)";
    check_merges_into_itself(reference, r#where): "`merging_into = \"{reference}\"` in {where} names the locality itself: name the new unit it merges into, by that unit's `key` or its level and name (`\"xã Ia Ly\"`)", "`merging_into = \"{reference}\"` trong {where} lại chỉ chính địa phương này: hãy ghi đơn vị mới sẽ hợp nhất vào, bằng `key` của đơn vị đó hoặc cấp và tên (`\"xã Ia Ly\"`)";
    check_unknown_locality(r#where, id, hint, ids): "`to` in {where} names `{id}`, which is not a locality of this file{hint}; the locality ids are: {ids} (an addressee outside the file's localities goes in `to_other`, as written, with `version = 3`)", "`to` trong {where} ghi `{id}`, không phải mã địa phương nào trong tệp{hint}; các mã địa phương là: {ids} (nơi nhận ngoài các địa phương của tệp thì ghi vào `to_other`, đúng như văn bản, với `version = 3`)";
    check_empty_text(key, r#where): "`{key}` in {where} is empty: write it as the conclusion says it (`due_text = \"trong thời gian tới\"`), or leave the key out", "`{key}` trong {where} đang để trống: hãy ghi đúng như kết luận (`due_text = \"trong thời gian tới\"`), hoặc bỏ khóa này";
    check_due_text_is_a_deadline(written, r#where, due): "`due_text = \"{written}\"` in {where} is a deadline the viewer can read: write `due = {due}` so it falls overdue in time (keep `due_text` for deadlines in words)", "`due_text = \"{written}\"` trong {where} là một hạn chương trình đọc được: hãy viết `due = {due}` để biết khi nào quá hạn (`due_text` chỉ dành cho hạn bằng lời)";
    check_unknown_locality_none(r#where, id): "`to` in {where} names `{id}`, but the file has no [[locality]] or [[district]]", "`to` trong {where} ghi `{id}`, nhưng tệp chưa có [[locality]] hay [[district]] nào";
    where_locality(n): "[[locality]] #{n}", "[[locality]] thứ {n}";
    where_locality_named(n, name): "[[locality]] #{n} ({name})", "[[locality]] thứ {n} ({name})";
    where_reference(n): "`references` entry #{n}", "mục `references` thứ {n}";
    where_image(n): "[[session.image]] #{n}", "[[session.image]] thứ {n}";
    expect_strings_or_string: "a string or an array of strings", "một chuỗi hoặc một mảng chuỗi";
    expect_deadline: "a date like `2024-06-30`, or a period in quotes like `\"2024-Q2\"`", "một ngày dạng `2024-06-30`, hoặc một kỳ trong dấu ngoặc kép dạng `\"2024-Q2\"`";
    expect_date_or_date_time: "a date (`2024-03-14`) or a date-time (`2024-03-14T06:30:00+07:00`)", "một ngày (`2024-03-14`) hoặc một ngày giờ (`2024-03-14T06:30:00+07:00`)";

    // The command line: the words around the help and usage errors (the help texts themselves
    // are in i18n::cli); the English is clap's own, which English keeps printing.
    cli_error(message): "briefing: error: {message}", "briefing: lỗi: {message}";
    cli_terminal(error): "terminal: {error}", "lỗi terminal: {error}";
    list_not_loaded(n): "briefing: {n} file(s) could not be loaded; run `briefing check` for details", "briefing: {n} tệp không đọc được; chạy `briefing check` để xem chi tiết";
    help_usage: "Usage:", "Cách dùng:";
    help_commands: "Commands", "Lệnh";
    help_arguments: "Arguments", "Đối số";
    help_options: "Options", "Tùy chọn";
    help_options_placeholder: "[OPTIONS]", "[TÙY_CHỌN]";
    help_default(value): "[default: {value}]", "[mặc định: {value}]";
    help_values(values): "[possible values: {values}]", "[các giá trị: {values}]";
    help_values_long: "Possible values:", "Các giá trị:";
    clap_error: "error:", "lỗi:";
    clap_invalid_value(value, arg): "invalid value '{value}' for '{arg}'", "giá trị '{value}' không hợp lệ cho '{arg}'";
    clap_value_required(arg): "a value is required for '{arg}' but none was supplied", "'{arg}' cần một giá trị nhưng chưa có";
    clap_date_hint: "write the date as YYYY-MM-DD", "hãy viết ngày dạng YYYY-MM-DD";
    clap_unknown_argument(arg): "unexpected argument '{arg}' found", "không dùng được đối số '{arg}' ở đây";
    clap_similar_argument(name): "tip: a similar argument exists: '{name}'", "gợi ý: có đối số gần giống: '{name}'";
    clap_similar_subcommand(name): "tip: a similar subcommand exists: '{name}'", "gợi ý: có lệnh gần giống: '{name}'";
    clap_similar_value(name): "tip: a similar value exists: '{name}'", "gợi ý: có giá trị gần giống: '{name}'";
    clap_as_value(arg): "tip: to pass '{arg}' as a value, use '-- {arg}'", "gợi ý: để dùng '{arg}' làm giá trị, hãy viết '-- {arg}'";
    clap_unknown_subcommand(name): "unrecognized subcommand '{name}'", "không có lệnh '{name}'";
    clap_missing_arguments: "the following required arguments were not provided:", "thiếu các đối số bắt buộc sau:";
    clap_missing_subcommand(name): "'{name}' requires a subcommand but one was not provided", "'{name}' cần một lệnh con nhưng chưa có";
    clap_subcommands(names): "[subcommands: {names}]", "[các lệnh con: {names}]";
    clap_conflict(arg, other): "the argument '{arg}' cannot be used with '{other}'", "đối số '{arg}' không dùng cùng được với '{other}'";
    clap_conflict_many(arg): "the argument '{arg}' cannot be used with one or more of the other specified arguments", "đối số '{arg}' không dùng cùng được với các đối số khác đã cho";
    clap_repeated(arg): "the argument '{arg}' cannot be used multiple times", "đối số '{arg}' chỉ được dùng một lần";
    clap_too_many_values(value, arg): "unexpected value '{value}' for '{arg}' found; no more were expected", "giá trị '{value}' thừa cho '{arg}': không cần thêm giá trị nào";
    clap_wrong_count(arg): "wrong number of values for '{arg}'", "số giá trị cho '{arg}' không đúng";
    clap_no_equals(arg): "equal sign is needed when assigning values to '{arg}'", "cần dấu = khi gán giá trị cho '{arg}'";
    clap_not_utf8: "invalid UTF-8 was detected in one or more arguments", "có đối số không phải UTF-8 hợp lệ";
    clap_other: "the command line could not be read", "không đọc được dòng lệnh";
    clap_try_help(help): "For more information, try '{help}'.", "Xem thêm: '{help}'.";
    // The review that tells the whole truth (issue 11): shared directives, gauges without a
    // verdict, undo and its confirmation, search fields, the legend.
    shared_directives: "Session-wide directives for this locality", "Chỉ đạo chung áp dụng cho địa phương";
    cmd_undo: "Undo the last check-off, un-check or progress", "Hoàn tác lần đánh dấu / ghi tiến độ gần nhất";
    hint_undo: "undo", "hoàn tác";
    cmd_sync: "Share through git: commit the check-offs and progress made here, receive, send (briefing sync)", "Chia sẻ qua git: commit các dấu hoàn thành và tiến độ ghi ở đây, nhận về, gửi đi (briefing sync)";
    hint_sync: "sync", "đồng bộ";
    syncing: "Syncing through git…", "Đang đồng bộ qua git…";
    already_syncing: "A sync is already running; its result comes here.", "Đang đồng bộ; kết quả sẽ hiện ở đây.";
    /// `{received}` and `{sent}` are `sync_commit_one` or `sync_commits`.
    synced(received, sent): "Synced: received {received}, sent {sent}.", "Đã đồng bộ: nhận {received}, gửi {sent}.";
    sync_failed(message): "Sync stopped: {message}", "Đồng bộ dừng: {message}";
    cmd_next_hit: "Next search hit", "Kết quả tìm tiếp theo";
    hint_next_hit: "next hit", "kết quả sau";
    cmd_prev_hit: "Previous search hit", "Kết quả tìm trước";
    hint_prev_hit: "prev hit", "kết quả trước";
    restored: "Undone and saved: the directive is as it was before.", "Đã hoàn tác và lưu: chỉ đạo trở lại như trước.";
    nothing_to_undo: "Nothing to undo.", "Không có gì để hoàn tác.";
    still_saving: "Still saving the last change; press u again in a moment.", "Đang lưu thay đổi vừa rồi; hãy bấm u lại sau giây lát.";
    confirm_uncheck_title: "Un-check this directive?", "Bỏ đánh dấu xong chỉ đạo này?";
    confirm_checked_by(by, time, date): "Checked off by {by} at {time} on {date}.", "Đã được {by} đánh dấu xong lúc {time} ngày {date}.";
    confirm_checked: "It is checked off.", "Chỉ đạo đang được đánh dấu xong.";
    confirm_keys: "Enter or Space: un-check · Esc: keep it", "Enter hoặc Space: bỏ đánh dấu · Esc: giữ nguyên";
    progress_title: "Record progress", "Ghi tiến độ";
    progress_state: "State", "Tình trạng";
    progress_note: "Note", "Ghi chú";
    progress_percent: "Percent", "Phần trăm";
    progress_keys: "Enter: save · Tab: next field · ←→: state · Esc: cancel", "Enter: lưu · Tab: sang ô khác · ←→: tình trạng · Esc: hủy";
    nothing_to_record: "Nothing to record: choose another state, or type a note or a percent.", "Chưa có gì để ghi: hãy chọn tình trạng khác, hoặc nhập ghi chú hay phần trăm.";
    percent_range: "The percent is a whole number from 0 to 100.", "Phần trăm là số nguyên từ 0 đến 100.";
    progress_recorded(what): "Progress recorded and saved to the file: {what}.", "Đã ghi tiến độ vào tệp: {what}.";
    note_recorded: "Note recorded and saved to the file.", "Đã ghi chú tiến độ vào tệp.";
    progress_not_saved: "Progress not saved:", "Không lưu được tiến độ:";
    search_browse_help: "↑↓ select · Space check off · / edit the query · Enter open · Esc back", "↑↓ chọn · Space đánh dấu · / sửa câu tìm · Enter mở · Esc quay lại";
    no_search: "No search to go on with: search with / first.", "Chưa có kết quả tìm để đi tiếp: hãy tìm bằng / trước.";
    last_hit: "That was the last hit.", "Đã đến kết quả cuối.";
    first_hit: "That was the first hit.", "Đã ở kết quả đầu tiên.";
    open_count: "open", "đang mở";
    cmd_move: "Move up / down", "Lên / xuống";
    cmd_pages: "A screenful up / down", "Lên / xuống một trang";
    cmd_ends: "First / last item", "Về đầu / cuối";
    cmd_tabs: "Previous / next tab", "Thẻ trước / sau";
    cmd_marks: "Check off / on, record progress", "Đánh dấu / bỏ đánh dấu, ghi tiến độ";
    cmd_hits: "Previous / next search hit, from the place opened", "Kết quả tìm trước / sau, từ chỗ đang mở";
    cmd_quits: "Back to the list, quit there; Ctrl-C quits at once", "Về danh sách, ở đó thì thoát; Ctrl-C thoát ngay";
    legend: "Symbols: ● upcoming · ✓ met · ~ near · ✗ behind a target/plan · ▲▼ growth, no verdict · ⚠ overdue · [x]\u{a0}done · [\u{a0}] open", "Ký hiệu: ● sắp tới · ✓ đạt · ~ gần đạt · ✗ chưa đạt mục tiêu/kế hoạch · ▲▼ tăng/giảm, không đánh giá · ⚠ quá hạn · [x]\u{a0}xong · [\u{a0}] đang mở";
    // Loading in parts (issue 14): the list while the files are read, search before its index.
    loading_progress(read, total): "loading {read}/{total}…", "đang tải {read}/{total}…";
    search_not_ready: "Search is getting ready…", "Đang chuẩn bị tìm kiếm…";
}

/// The strings of `lang`.
pub(crate) fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The catalogue's own checks: both languages say the same things, and nothing in it is dead.
#[cfg(test)]
mod catalogue_tests;
