//! The messages of sharing through git (`sync`, `log`, the history pop-up), in Vietnamese and English.

use chrono::{DateTime, FixedOffset};

use crate::git::GitError;
use crate::git::history::{Action, Event};
use crate::git::sync::{Checkoff, Report, SetupReport};
use crate::model::Lang;

fn when(at: &DateTime<FixedOffset>) -> String {
    at.format("%d/%m/%Y %H:%M %:z").to_string()
}

/// `- hh-ma-tuy: done by lan, 28/11/2026 10:15 +07:00`.
fn checkoff_line(lang: Lang, c: &Checkoff) -> String {
    let s = &c.state;
    match (lang, s.done, &s.at, &s.by) {
        (Lang::Vi, true, Some(at), Some(by)) => {
            format!("- {}: hoàn thành, {by}, {}", c.directive, when(at))
        }
        (Lang::Vi, true, ..) => format!("- {}: hoàn thành", c.directive),
        (Lang::Vi, false, ..) => format!("- {}: bỏ đánh dấu hoàn thành", c.directive),
        (Lang::En, true, Some(at), Some(by)) => {
            format!("- {}: done by {by}, {}", c.directive, when(at))
        }
        (Lang::En, true, ..) => format!("- {}: done", c.directive),
        (Lang::En, false, ..) => format!("- {}: un-checked", c.directive),
    }
}

/// The message of a sync's commit: a subject counting the check-offs, then each session with
/// its directives, then any other file committed (`--all`).
pub fn commit_message(lang: Lang, checkoffs: &[Checkoff], files: &[String]) -> String {
    let done = checkoffs.iter().filter(|c| c.state.done).count();
    let undone = checkoffs.len() - done;
    let mut out = match (lang, checkoffs.is_empty()) {
        (Lang::Vi, false) => format!("Đánh dấu chỉ đạo: {done} hoàn thành, {undone} bỏ đánh dấu"),
        (Lang::En, false) => format!("Check-offs: {done} done, {undone} un-checked"),
        (Lang::Vi, true) => format!("Cập nhật {} tệp buổi làm việc", files.len()),
        (Lang::En, true) => format!(
            "Update {} briefing file{}",
            files.len(),
            plural(files.len())
        ),
    };
    out.push_str("\n\n");
    let mut session = None;
    for c in checkoffs {
        if session != Some(&c.session) {
            out.push_str(&format!("{}:\n", c.session));
            session = Some(&c.session);
        }
        out.push_str(&checkoff_line(lang, c));
        out.push('\n');
    }
    if !checkoffs.is_empty() && files.len() > checkoffs_files(checkoffs) {
        out.push_str(match lang {
            Lang::Vi => "\nCác tệp:\n",
            Lang::En => "\nFiles:\n",
        });
    }
    if checkoffs.is_empty() || files.len() > checkoffs_files(checkoffs) {
        for f in files {
            out.push_str(&format!("- {f}\n"));
        }
    }
    out.push_str("\n(briefing sync)\n");
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn checkoffs_files(checkoffs: &[Checkoff]) -> usize {
    let mut sessions: Vec<&str> = checkoffs.iter().map(|c| c.session.as_str()).collect();
    sessions.dedup();
    sessions.len()
}

/// The message of the commit of `sync --setup`.
pub fn setup_message(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => {
            "Chia sẻ qua git: gộp các dấu hoàn thành (.gitattributes), bỏ qua tệp tạm (.gitignore)\n\n(briefing sync --setup)\n"
        }
        Lang::En => {
            "Sharing through git: merge check-offs (.gitattributes), ignore temporary files (.gitignore)\n\n(briefing sync --setup)\n"
        }
    }
}

/// What a sync did, one line each, in order; `finished`: it got as far as the push.
pub fn sync_lines(lang: Lang, r: &Report, finished: bool) -> Vec<String> {
    let vi = lang == Lang::Vi;
    let mut out = Vec::new();
    if let Some(c) = &r.committed {
        out.push(if vi {
            format!("Đã ghi commit {} ({} dấu):", c.commit, c.checkoffs.len())
        } else {
            format!(
                "Committed {} ({} check-off{}):",
                c.commit,
                c.checkoffs.len(),
                plural(c.checkoffs.len())
            )
        });
        for line in commit_message(lang, &c.checkoffs, &c.files).lines().skip(2) {
            if !line.is_empty() && !line.starts_with('(') {
                out.push(format!("  {line}"));
            }
        }
    }
    if !r.left_alone.is_empty() {
        out.push(if vi {
            format!(
                "Không commit (không chỉ là dấu hoàn thành; tự commit, hoặc dùng --all): {}",
                r.left_alone.join(", ")
            )
        } else {
            format!(
                "Left alone (not only check-offs; commit them yourself, or use --all): {}",
                r.left_alone.join(", ")
            )
        });
    }
    if let Some(who) = &r.fallback_identity {
        out.push(if vi {
            format!("Lưu ý: git chưa có danh tính của bạn, nên commit ghi tên đăng nhập: {who}. Đặt danh tính: git config --global user.name \"Họ Tên\"; git config --global user.email ten@example.vn")
        } else {
            format!("Note: git has no identity of yours, so the commit is by your login name: {who}. Set yours: git config --global user.name \"Your Name\"; git config --global user.email you@example.org")
        });
    }
    if finished {
        out.push(match (vi, r.received, r.sent) {
            (true, 0, 0) => format!("Đã khớp với {}: không có gì để nhận hay gửi.", r.upstream),
            (false, 0, 0) => format!("In step with {}: nothing to receive or send.", r.upstream),
            (true, got, sent) => format!(
                "Đã nhận {got} commit từ {0}, gửi {sent} commit lên {0}.",
                r.upstream
            ),
            (false, got, sent) => format!(
                "Received {got} commit{} from {2}, sent {sent} commit{} to {2}.",
                plural(got),
                plural(sent),
                r.upstream
            ),
        });
    }
    if r.driver_missing {
        out.push(if vi {
            "Lưu ý: chưa cài bộ gộp dấu hoàn thành cho thư mục này; chạy `briefing sync --setup` để các dấu của cùng một tệp tự gộp được.".to_string()
        } else {
            "Note: the check-off merge driver is not installed for this folder; run `briefing sync --setup` so that check-offs of one file merge.".to_string()
        });
    }
    if r.temp_not_ignored {
        out.push(if vi {
            "Lưu ý: git chưa bỏ qua tệp tạm khi đánh dấu (.*.briefing-tmp); `briefing sync --setup` thêm dòng đó vào .gitignore.".to_string()
        } else {
            "Note: git does not ignore the temporary files of check-offs (.*.briefing-tmp); `briefing sync --setup` adds them to .gitignore.".to_string()
        });
    }
    out
}

/// What `sync --setup` did, one line each.
pub fn setup_lines(lang: Lang, r: &SetupReport) -> Vec<String> {
    let vi = lang == Lang::Vi;
    let mut out = Vec::new();
    out.push(match (vi, r.configured) {
        (true, true) => format!(
            "Đã cài bộ gộp dấu hoàn thành vào .git/config: merge.briefing.driver = {}",
            r.driver
        ),
        (false, true) => format!(
            "Installed the check-off merge driver in .git/config: merge.briefing.driver = {}",
            r.driver
        ),
        (true, false) => "Bộ gộp dấu hoàn thành đã có trong .git/config.".to_string(),
        (false, false) => "The check-off merge driver was already in .git/config.".to_string(),
    });
    match (&r.committed, vi) {
        (Some(commit), true) => out.push(format!(
            "Đã ghi {} và commit {commit}; lần `briefing sync` tới sẽ gửi lên cho các đơn vị khác.",
            r.written.join(", ")
        )),
        (Some(commit), false) => out.push(format!(
            "Wrote {} and committed them as {commit}; the next `briefing sync` sends it to the other offices.",
            r.written.join(", ")
        )),
        (None, true) => out.push(".gitattributes và .gitignore đã đúng.".to_string()),
        (None, false) => out.push(".gitattributes and .gitignore were already right.".to_string()),
    }
    if let Some(who) = &r.fallback_identity {
        out.push(if vi {
            format!("Lưu ý: git chưa có danh tính của bạn, nên commit ghi tên đăng nhập: {who}.")
        } else {
            format!(
                "Note: git has no identity of yours, so the commit is by your login name: {who}."
            )
        });
    }
    out
}

/// One history line: `28/11/2026 10:15 +07:00  done       2024/x  hh-ma-tuy  by lan (commit abc1234, Lan Nguyen)`.
pub fn log_line(lang: Lang, e: &Event) -> String {
    let short = e.commit.get(..7).unwrap_or(&e.commit);
    let at = e.done_at.as_ref().unwrap_or(&e.date);
    let by = e.done_by.as_deref().unwrap_or(&e.author);
    match (lang, e.action) {
        (Lang::Vi, Action::Done) => format!(
            "{}  hoàn thành     {}  {}  bởi {by} (commit {short}, {})",
            when(at),
            e.session,
            e.directive,
            e.author
        ),
        (Lang::Vi, Action::Undone) => format!(
            "{}  bỏ đánh dấu    {}  {}  bởi {by} (commit {short})",
            when(at),
            e.session,
            e.directive
        ),
        (Lang::En, Action::Done) => format!(
            "{}  checked off  {}  {}  by {by} (commit {short}, {})",
            when(at),
            e.session,
            e.directive,
            e.author
        ),
        (Lang::En, Action::Undone) => format!(
            "{}  un-checked   {}  {}  by {by} (commit {short})",
            when(at),
            e.session,
            e.directive
        ),
    }
}

/// One line of a directive's history in the interface: `28/11/2026 10:15 +07:00  ✓ lan`.
pub fn history_line(lang: Lang, e: &Event) -> String {
    let at = e.done_at.as_ref().unwrap_or(&e.date);
    let by = e.done_by.as_deref().unwrap_or(&e.author);
    let short = e.commit.get(..7).unwrap_or(&e.commit);
    match (lang, e.action) {
        (Lang::Vi, Action::Done) => format!("{}  [x] hoàn thành, bởi {by}  ({short})", when(at)),
        (Lang::Vi, Action::Undone) => format!("{}  [ ] bỏ đánh dấu, bởi {by}  ({short})", when(at)),
        (Lang::En, Action::Done) => format!("{}  [x] checked off by {by}  ({short})", when(at)),
        (Lang::En, Action::Undone) => format!("{}  [ ] un-checked by {by}  ({short})", when(at)),
    }
}

/// When nothing in the history matches.
pub fn no_history(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Chưa có lần đánh dấu nào trong lịch sử git.",
        Lang::En => "No check-offs in the git history yet.",
    }
}

/// The title of the history pop-up.
pub fn history_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Lịch sử đánh dấu",
        Lang::En => "Check-off history",
    }
}

pub fn history_loading(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Đang đọc lịch sử git…",
        Lang::En => "Reading the git history…",
    }
}

/// A git error in `lang` (the error's own message is the English one).
pub fn git_error(lang: Lang, e: &GitError) -> String {
    match lang {
        Lang::En => e.to_string(),
        Lang::Vi => git_error_vi(e),
    }
}

fn git_error_vi(e: &GitError) -> String {
    match e {
        GitError::NoGit => "chưa cài git (không có lệnh `git` trong PATH); hãy cài git để chia sẻ các buổi làm việc".to_string(),
        GitError::NotAWorkTree { dir } => format!(
            "{} không nằm trong một kho git, nên không có gì để chia sẻ; hãy lấy kho chung bằng `git clone ĐỊA_CHỈ`, hoặc chạy `git init` ở đó",
            dir.display()
        ),
        GitError::NoRemote => "kho git chưa có kho từ xa (remote) để đồng bộ; hãy thêm: git remote add origin ĐỊA_CHỈ".to_string(),
        GitError::NoUpstream { branch, remote } => format!(
            "nhánh `{branch}` chưa gắn với nhánh nào trên kho từ xa; gửi lần đầu bằng: git push -u {remote} {branch}"
        ),
        GitError::Detached => "chưa ở trên nhánh nào (detached HEAD); hãy chuyển sang một nhánh: git switch main".to_string(),
        GitError::InProgress { top } => format!(
            "trong {} đang dở một lần rebase hoặc merge; hãy hoàn tất (git rebase --continue) hoặc hủy (git rebase --abort) rồi đồng bộ lại",
            top.display()
        ),
        GitError::Unreachable { remote, detail } => format!(
            "không kết nối được kho từ xa `{remote}` (mất mạng, hoặc địa chỉ sai: {detail}); các dấu hoàn thành vẫn được giữ ở đây và sẽ được gửi ở lần đồng bộ sau"
        ),
        GitError::Authentication { remote, detail } => format!(
            "kho từ xa `{remote}` từ chối thông tin đăng nhập ({detail}); hãy kiểm tra mật khẩu, token hoặc khóa SSH rồi đồng bộ lại"
        ),
        GitError::Diverged { upstream } => format!(
            "lịch sử của `{upstream}` trên kho từ xa đã bị viết lại (có người force-push), nên không còn nối tiếp lịch sử ở đây; sync không gộp đè lên lịch sử bị viết lại: hãy hỏi người đã viết lại, rồi tự đối chiếu (git log {upstream}, git rebase)"
        ),
        GitError::Conflict { files, local } => format!(
            "{} đã bị sửa ở đây và trên kho từ xa tại cùng một chỗ, không chỉ là dấu hoàn thành, nên không tự gộp được; chưa gộp gì và thư mục vẫn như trước khi đồng bộ{}. Để gộp bằng tay: git pull --rebase, sửa các dòng được đánh dấu xung đột, git add TỆP, git rebase --continue, rồi briefing sync",
            files.join(", "),
            match local {
                Some(commit) => format!(" (các dấu hoàn thành của bạn đã được commit ở đây, trong {commit}, chưa gửi đi)"),
                None => String::new(),
            }
        ),
        GitError::Rejected { detail } => format!(
            "kho từ xa từ chối nhận ({detail}); không có gì bị ghi đè: hãy đồng bộ lại sau"
        ),
        GitError::Failed { command, detail } => format!("lệnh `git {command}` thất bại: {detail}"),
        GitError::Io(e) => format!("không chạy được git: {e}"),
    }
}
