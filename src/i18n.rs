//! Every user-facing string of the interface, in Vietnamese and English.

pub mod git;

use std::fmt::Display;

use crate::model::Lang;

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
    by_district: "By locality", "Theo địa phương";
    overdue_directives: "Overdue directives (oldest due first)", "Chỉ đạo quá hạn (hạn sớm nhất trước)";
    open_with_due: "Open directives with a due date", "Chỉ đạo đang mở có hạn";
    district_title: "Everything given to", "Mọi chỉ đạo cho";
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
    cmd_filter_directives: "Filter directives: all → open → overdue → done", "Lọc chỉ đạo: tất cả → đang mở → quá hạn → đã xong";
    hint_filter_directives: "filter", "lọc chỉ đạo";
    cmd_filter_sessions: "Filter sessions: all → upcoming → past", "Lọc buổi làm việc: tất cả → sắp tới → đã qua";
    hint_filter_sessions: "sessions", "lọc buổi";
    cmd_filter_district: "One locality across all sessions", "Một địa phương qua mọi buổi làm việc";
    hint_filter_district: "district", "địa phương";
    cmd_due_view: "What is due: next session, open and overdue work", "Việc cần theo dõi: buổi sắp tới, quá hạn, sắp đến hạn";
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

    // Errors of the core, one message per variant (store::write::WriteError, store::FolderError,
    // git::GitError), and the reports of sharing through git (git::sync, git::history, cli).
    /// After a name that is not known, with one suggestion.
    suggest_one: " (did you mean `{name}`?)", " (có phải ý bạn là `{name}`?)";
    /// After a name that is not known, with several suggestions (joined by `` `, ` ``).
    suggest_many: " (did you mean one of `{names}`?)", " (có phải ý bạn là `{names}`?)";
    write_session_not_found: "there is no session `{id}` in {root}{hint}; run `briefing list` to see the session ids", "không có buổi làm việc `{id}` trong {root}{hint}; chạy `briefing list` để xem mã các buổi làm việc";
    write_directive_not_found: "there is no directive `{id}` in session `{session}`{hint}; directive ids are the `id = \"…\"` lines of the file", "không có chỉ đạo `{id}` trong buổi làm việc `{session}`{hint}; mã chỉ đạo là các dòng `id = \"…\"` trong tệp";
    /// `{place}` is `path:line:col: ` or empty; `{message}` is the problem, in English.
    write_file_invalid: "{place}{message}; the file was not changed: fix it (`briefing check` shows the problems) and try again", "{place}{message}; tệp chưa bị thay đổi: hãy sửa tệp (`briefing check` chỉ ra các lỗi) rồi thử lại";
    write_lock_timeout: "another check-off of {path} has held its lock for more than {ms} ms; try again in a moment", "một lượt đánh dấu khác của {path} đã giữ khóa tệp quá {ms} ms; hãy thử lại sau giây lát";
    write_being_edited: "{path} is being edited (it changed moments ago and keeps changing); save it in your editor, then try again", "{path} đang được sửa (tệp vừa thay đổi và vẫn đang thay đổi); hãy lưu tệp trong trình soạn thảo rồi thử lại";
    write_file_not_writable: "cannot write {path}: you have no permission to write this file; ask its owner for write access", "không ghi được {path}: bạn không có quyền ghi tệp này; hãy nhờ chủ tệp cấp quyền ghi";
    write_read_only_file: "cannot write {path}: the file is read-only (no write permission for anyone); make it writable (chmod u+w) if it should change", "không ghi được {path}: tệp chỉ đọc (không ai có quyền ghi); nếu tệp cần thay đổi, hãy cho phép ghi (chmod u+w)";
    write_folder_not_writable: "cannot write {path}: you have no permission to write its folder {folder}, where the new version is made; ask the folder's owner for write access", "không ghi được {path}: bạn không có quyền ghi thư mục {folder}, nơi tạo bản mới của tệp; hãy nhờ chủ thư mục cấp quyền ghi";
    write_not_your_file: "cannot write {path}: it belongs to {owner}, and a check-off saved by you would make it yours; ask {owner} to check it off", "không ghi được {path}: tệp thuộc về {owner}, nếu bạn lưu thì tệp sẽ thành của bạn; hãy nhờ {owner} đánh dấu";
    write_sticky_folder: "cannot write {path}: it belongs to {owner} and its folder is sticky (owned by {folder_owner}), so only they may replace it; ask {owner} to check it off", "không ghi được {path}: tệp thuộc về {owner} và thư mục có bit sticky (của {folder_owner}), nên chỉ họ được thay tệp; hãy nhờ {owner} đánh dấu";
    write_hard_linked: "cannot write {path}: the file has {links} names (hard links) and a check-off would change only this one; keep one name, or use a symbolic link for the others", "không ghi được {path}: tệp có {links} tên (liên kết cứng) và việc đánh dấu chỉ thay đổi được một tên; hãy giữ một tên, hoặc dùng liên kết tượng trưng cho các tên khác";
    write_foreign_link: "cannot write through {link}: it is a symbolic link of {owner} to a place {owner} does not own; check the directive off through the file itself", "không ghi qua {link} được: đó là liên kết tượng trưng của {owner} trỏ tới nơi {owner} không sở hữu; hãy đánh dấu qua chính tệp đó";
    write_too_large: "cannot write {path}: the file is {size} bytes, more than the limit of {limit} per briefing; split it, or raise `max_file_mib` in the config file", "không ghi được {path}: tệp có {size} byte, vượt giới hạn {limit} cho một tệp; hãy tách tệp, hoặc tăng `max_file_mib` trong tệp cấu hình";
    write_not_a_file: "cannot write {path}: it is not a regular file", "không ghi được {path}: đây không phải một tệp thường";
    write_cannot_keep: "cannot write {path}: its {what} could not be kept on the new version, so nothing was written; ask the file's owner to check it off", "không ghi được {path}: không giữ được {what} của tệp cho bản mới, nên chưa ghi gì; hãy nhờ chủ tệp đánh dấu";
    write_permission_denied: "cannot write {path}: you lack permission on the file or its folder; ask the folder's owner for write access", "không ghi được {path}: bạn không có quyền ghi tệp hoặc thư mục chứa nó; hãy nhờ người quản lý thư mục cấp quyền ghi";
    write_read_only_fs: "cannot write {path}: the disk is read-only (a read-only disk or mount); copy the briefings somewhere writable", "không ghi được {path}: ổ đĩa chỉ đọc (ổ đĩa hoặc điểm gắn chỉ đọc); hãy chép các tệp sang nơi ghi được";
    write_disk_full: "cannot write {path}: the disk is full (or your quota is used up); free some space and try again", "không ghi được {path}: ổ đĩa đã đầy (hoặc hết hạn mức của bạn); hãy giải phóng bớt dung lượng rồi thử lại";
    write_io: "cannot write {path}: {error}; the file was not changed", "không ghi được {path}: {error}; tệp chưa bị thay đổi";
    /// What a replacement file could not keep (`write_cannot_keep`'s `{what}`).
    attribute_owner: "owner ({name})", "chủ sở hữu ({name})";
    attribute_group: "group (id {gid})", "nhóm (mã {gid})";
    attribute_mode: "permissions ({mode})", "quyền truy cập ({mode})";
    attribute_extended: "extended attribute {name}", "thuộc tính mở rộng {name}";
    folder_missing: "the briefing folder {path} does not exist; pass --dir DIR or set BRIEFING_DIR", "thư mục buổi làm việc {path} không tồn tại; hãy dùng --dir THƯ_MỤC hoặc đặt biến BRIEFING_DIR";
    folder_not_a_folder: "{path} is not a folder; pass --dir with the folder that holds the *.toml briefings", "{path} không phải là thư mục; hãy dùng --dir với thư mục chứa các tệp *.toml";
    folder_unreadable: "cannot read the briefing folder {path}: {error}", "không đọc được thư mục buổi làm việc {path}: {error}";
    git_no_git: "git is not installed (no `git` command on PATH); install git to share briefings", "chưa cài git (không có lệnh `git` trong PATH); hãy cài git để chia sẻ các buổi làm việc";
    git_not_a_work_tree: "{dir} is not in a git work tree, so there is nothing to share; clone the shared briefings with `git clone URL`, or run `git init` there", "{dir} không nằm trong một kho git, nên không có gì để chia sẻ; hãy lấy kho chung bằng `git clone ĐỊA_CHỈ`, hoặc chạy `git init` ở đó";
    git_no_remote: "the repository has no remote to sync with; add one: git remote add origin URL", "kho git chưa có kho từ xa (remote) để đồng bộ; hãy thêm: git remote add origin ĐỊA_CHỈ";
    git_no_upstream: "branch `{branch}` has no upstream to sync with; send it once with: git push -u {remote} {branch}", "nhánh `{branch}` chưa gắn với nhánh nào trên kho từ xa; gửi lần đầu bằng: git push -u {remote} {branch}";
    git_detached: "no branch is checked out (detached HEAD); check a branch out first: git switch main", "chưa ở trên nhánh nào (detached HEAD); hãy chuyển sang một nhánh: git switch main";
    git_in_progress: "a rebase or merge is already under way in {top}; finish it (git rebase --continue) or abort it (git rebase --abort), then sync again", "trong {top} đang dở một lần rebase hoặc merge; hãy hoàn tất (git rebase --continue) hoặc hủy (git rebase --abort) rồi đồng bộ lại";
    git_unreachable: "cannot reach the remote `{remote}` (no network, or the address is wrong: {detail}); your check-offs are kept here and the next sync sends them", "không kết nối được kho từ xa `{remote}` (mất mạng, hoặc địa chỉ sai: {detail}); các dấu hoàn thành vẫn được giữ ở đây và sẽ được gửi ở lần đồng bộ sau";
    git_authentication: "the remote `{remote}` refused your credentials ({detail}); check your password, token or SSH key, then sync again", "kho từ xa `{remote}` từ chối thông tin đăng nhập ({detail}); hãy kiểm tra mật khẩu, token hoặc khóa SSH rồi đồng bộ lại";
    git_diverged: "the history of `{upstream}` was rewritten on the remote (someone force-pushed), so it no longer continues yours; sync does not merge over rewritten history: ask whoever rewrote it, then reconcile by hand (git log {upstream}, git rebase)", "lịch sử của `{upstream}` trên kho từ xa đã bị viết lại (có người force-push), nên không còn nối tiếp lịch sử ở đây; sync không gộp đè lên lịch sử bị viết lại: hãy hỏi người đã viết lại, rồi tự đối chiếu (git log {upstream}, git rebase)";
    /// `{local}` is `git_conflict_local` or empty.
    git_conflict: "{files} changed here and on the remote in the same place, and not only check-offs, so it cannot be merged automatically; nothing was merged and the folder is as before the sync{local}. To merge by hand: git pull --rebase, edit the marked lines, git add FILE, git rebase --continue, then briefing sync", "{files} đã bị sửa ở đây và trên kho từ xa tại cùng một chỗ, không chỉ là dấu hoàn thành, nên không tự gộp được; chưa gộp gì và thư mục vẫn như trước khi đồng bộ{local}. Để gộp bằng tay: git pull --rebase, sửa các dòng được đánh dấu xung đột, git add TỆP, git rebase --continue, rồi briefing sync";
    git_conflict_local: " (your check-offs are committed here, in {commit}, not sent)", " (các dấu hoàn thành của bạn đã được commit ở đây, trong {commit}, chưa gửi đi)";
    git_rejected: "the remote rejected the push ({detail}); nothing was forced: sync again later", "kho từ xa từ chối nhận ({detail}); không có gì bị ghi đè: hãy đồng bộ lại sau";
    git_failed: "`git {command}` failed: {detail}", "lệnh `git {command}` thất bại: {detail}";
    git_cannot_run: "cannot run git: {error}", "không chạy được git: {error}";
    /// One check-off in a sync's commit message and report.
    sync_done_by: "- {directive}: done by {by}, {at}", "- {directive}: hoàn thành, {by}, {at}";
    sync_done: "- {directive}: done", "- {directive}: hoàn thành";
    sync_undone: "- {directive}: un-checked", "- {directive}: bỏ đánh dấu hoàn thành";
    /// The subject of a sync's commit.
    sync_subject: "Check-offs: {done} done, {undone} un-checked", "Đánh dấu chỉ đạo: {done} hoàn thành, {undone} bỏ đánh dấu";
    sync_subject_file: "Update 1 briefing file", "Cập nhật 1 tệp buổi làm việc";
    sync_subject_files: "Update {n} briefing files", "Cập nhật {n} tệp buổi làm việc";
    sync_files: "Files:", "Các tệp:";
    /// The subject of the commit of `sync --setup`.
    setup_subject: "Sharing through git: merge check-offs (.gitattributes), ignore temporary files (.gitignore)", "Chia sẻ qua git: gộp các dấu hoàn thành (.gitattributes), bỏ qua tệp tạm (.gitignore)";
    sync_committed_one: "Committed {commit} (1 check-off):", "Đã ghi commit {commit} (1 dấu):";
    sync_committed: "Committed {commit} ({n} check-offs):", "Đã ghi commit {commit} ({n} dấu):";
    sync_left_alone: "Left alone (not only check-offs; commit them yourself, or use --all): {files}", "Không commit (không chỉ là dấu hoàn thành; tự commit, hoặc dùng --all): {files}";
    sync_no_identity: "Note: git has no identity of yours, so the commit is by your login name: {who}.", "Lưu ý: git chưa có danh tính của bạn, nên commit ghi tên đăng nhập: {who}.";
    sync_set_identity: "Set yours: git config --global user.name \"Your Name\"; git config --global user.email you@example.org", "Đặt danh tính: git config --global user.name \"Họ Tên\"; git config --global user.email ten@example.vn";
    sync_in_step: "In step with {upstream}: nothing to receive or send.", "Đã khớp với {upstream}: không có gì để nhận hay gửi.";
    /// `{received}` and `{sent}` are `sync_commit_one` or `sync_commits`.
    sync_exchanged: "Received {received} from {upstream}, sent {sent} to {upstream}.", "Đã nhận {received} từ {upstream}, gửi {sent} lên {upstream}.";
    sync_commit_one: "1 commit", "1 commit";
    sync_commits: "{n} commits", "{n} commit";
    sync_driver_missing: "Note: the check-off merge driver is not installed for this folder; run `briefing sync --setup` so that check-offs of one file merge.", "Lưu ý: chưa cài bộ gộp dấu hoàn thành cho thư mục này; chạy `briefing sync --setup` để các dấu của cùng một tệp tự gộp được.";
    sync_temp_not_ignored: "Note: git does not ignore the temporary files of check-offs (.*.briefing-tmp); `briefing sync --setup` adds them to .gitignore.", "Lưu ý: git chưa bỏ qua tệp tạm khi đánh dấu (.*.briefing-tmp); `briefing sync --setup` thêm dòng đó vào .gitignore.";
    setup_installed: "Installed the check-off merge driver in .git/config: merge.briefing.driver = {driver}", "Đã cài bộ gộp dấu hoàn thành vào .git/config: merge.briefing.driver = {driver}";
    setup_present: "The check-off merge driver was already in .git/config.", "Bộ gộp dấu hoàn thành đã có trong .git/config.";
    setup_committed: "Wrote {files} and committed them as {commit}; the next `briefing sync` sends it to the other offices.", "Đã ghi {files} và commit {commit}; lần `briefing sync` tới sẽ gửi lên cho các đơn vị khác.";
    setup_unchanged: ".gitattributes and .gitignore were already right.", ".gitattributes và .gitignore đã đúng.";
    /// One line of `briefing log`.
    log_done: "{at}  checked off  {session}  {directive}  by {by} (commit {commit}, {author})", "{at}  hoàn thành     {session}  {directive}  bởi {by} (commit {commit}, {author})";
    log_undone: "{at}  un-checked   {session}  {directive}  by {by} (commit {commit})", "{at}  bỏ đánh dấu    {session}  {directive}  bởi {by} (commit {commit})";
    /// One line of a directive's history in the interface; `{mark}` is its checkbox.
    history_done: "{at}  {mark} checked off by {by}  ({commit})", "{at}  {mark} hoàn thành, bởi {by}  ({commit})";
    history_undone: "{at}  {mark} un-checked by {by}  ({commit})", "{at}  {mark} bỏ đánh dấu, bởi {by}  ({commit})";
    no_history: "No check-offs in the git history yet.", "Chưa có lần đánh dấu nào trong lịch sử git.";
    history_title: "Check-off history", "Lịch sử đánh dấu";
    history_loading: "Reading the git history…", "Đang đọc lịch sử git…";

    // The review that tells the whole truth (issue 11): shared directives, gauges without a
    // verdict, undo and its confirmation, search fields, the legend.
    shared_directives: "Session-wide directives for this locality", "Chỉ đạo chung áp dụng cho địa phương";
    indicator_verdicts: "indicators: {counts}", "chỉ tiêu: {counts}";
    directive_progress: "directives: {progress}", "chỉ đạo: {progress}";
    cmd_undo: "Undo the last check-off or un-check", "Hoàn tác lần đánh dấu / bỏ đánh dấu gần nhất";
    hint_undo: "undo", "hoàn tác";
    cmd_next_hit: "Next search hit", "Kết quả tìm tiếp theo";
    hint_next_hit: "next hit", "kết quả sau";
    cmd_prev_hit: "Previous search hit", "Kết quả tìm trước";
    hint_prev_hit: "prev hit", "kết quả trước";
    restored: "Undone and saved: the directive is as it was before.", "Đã hoàn tác và lưu: chỉ đạo trở lại như trước.";
    nothing_to_undo: "Nothing to undo.", "Không có gì để hoàn tác.";
    still_saving: "Still saving the last change; press u again in a moment.", "Đang lưu thay đổi vừa rồi; hãy bấm u lại sau giây lát.";
    confirm_uncheck_title: "Un-check this directive?", "Bỏ đánh dấu xong chỉ đạo này?";
    confirm_checked_by: "Checked off by {by} at {time} on {date}.", "Đã được {by} đánh dấu xong lúc {time} ngày {date}.";
    confirm_checked: "It is checked off.", "Chỉ đạo đang được đánh dấu xong.";
    confirm_keys: "Enter or Space: un-check · Esc: keep it", "Enter hoặc Space: bỏ đánh dấu · Esc: giữ nguyên";
    search_browse_help: "↑↓ select · Space check off · / edit the query · Enter open · Esc back", "↑↓ chọn · Space đánh dấu · / sửa câu tìm · Enter mở · Esc quay lại";
    no_search: "No search to go on with: search with / first.", "Chưa có kết quả tìm để đi tiếp: hãy tìm bằng / trước.";
    last_hit: "That was the last hit.", "Đã đến kết quả cuối.";
    first_hit: "That was the first hit.", "Đã ở kết quả đầu tiên.";
    open_count: "open", "đang mở";
    cmd_move: "Move up / down", "Lên / xuống";
    cmd_pages: "A screenful up / down", "Lên / xuống một trang";
    cmd_ends: "First / last item", "Về đầu / cuối";
    cmd_tabs: "Previous / next tab", "Thẻ trước / sau";
    cmd_hits: "Previous / next search hit, from the place opened", "Kết quả tìm trước / sau, từ chỗ đang mở";
    cmd_quits: "Back to the list, quit there; Ctrl-C quits at once", "Về danh sách, ở đó thì thoát; Ctrl-C thoát ngay";
    legend: "Symbols: ● upcoming · ✓ met · ~ near · ✗ behind a target/plan · ▲▼ growth, no verdict · ⚠ overdue · [x]\u{a0}done · [\u{a0}] open", "Ký hiệu: ● sắp tới · ✓ đạt · ~ gần đạt · ✗ chưa đạt mục tiêu/kế hoạch · ▲▼ tăng/giảm, không đánh giá · ⚠ quá hạn · [x]\u{a0}xong · [\u{a0}] đang mở";
}

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// `template` with each `{name}` replaced by its value, in one pass (values are not re-read).
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
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
                out.push_str(&value.to_string());
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

// The translation of the core's errors: each error type says itself through the catalogue.

/// Something said to the person in their language: an error or a notice, translated where it
/// is printed or drawn, never before.
pub trait Message {
    /// The message in `lang`.
    fn message(&self, lang: Lang) -> String;
}

/// A write-back error in `lang` (kept for the interface until it holds the typed error).
pub fn write_error(lang: Lang, e: &impl Message) -> String {
    e.message(lang)
}

/// ` (did you mean `a`?)`, ` (did you mean one of `a`, `b`?)` after a name that is not known;
/// empty without suggestions.
pub fn did_you_mean(lang: Lang, names: &[String]) -> String {
    let t = strings(lang);
    match names {
        [] => String::new(),
        [one] => fill(t.suggest_one, &[("name", one)]),
        many => fill(t.suggest_many, &[("names", &many.join("`, `"))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_values_once() {
        let t = fill("{a} and {b} and {c}", &[("a", &"{b}"), ("b", &"B")]);
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
