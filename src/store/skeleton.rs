//! `briefing new`: a commented Vietnamese skeleton of a version 3 briefing (one session, one
//! locality of a chosen level) that passes `check`, written to a file that did not exist.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::files;
use crate::diag::OsError;
use crate::i18n;
use crate::model::{Lang, Level};

/// Why a skeleton could not be written. [`NewError::message`] says it in either language.
#[derive(Debug, thiserror::Error)]
pub(crate) enum NewError {
    /// The id cannot name a briefing file (empty part, hidden part, `..`, a backslash).
    BadId { id: String },
    /// A file (or anything else) is there already.
    Exists { path: PathBuf },
    /// The file or its folders could not be made.
    Io { path: PathBuf, source: io::Error },
}

impl NewError {
    /// What went wrong and what to do, in `lang`.
    pub(crate) fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        match self {
            NewError::BadId { id } => t.new_bad_id(&id),
            NewError::Exists { path } => t.new_exists(&path.display()),
            NewError::Io { path, source } => {
                t.new_io(&path.display(), &OsError::from(source).message(lang))
            }
        }
    }
}

i18n::display_in_english!(NewError);

/// Writes the skeleton of session `id` (`.toml` allowed) below `root`, never over a file that
/// is there; the path written, relative to `root`.
pub(crate) fn write_new(
    root: &Path,
    id: &str,
    level: Level,
    today: NaiveDate,
) -> Result<PathBuf, NewError> {
    let id = files::without_ending(id);
    let Some(rel) = files::rel_of_named(id) else {
        return Err(NewError::BadId { id: id.to_string() });
    };
    let path = root.join(&rel);
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| NewError::Io { path, source }
    };
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(io_error(folder))?;
    }
    let mut file = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return Err(NewError::Exists { path });
        }
        Err(e) => return Err(io_error(&path)(e)),
    };
    file.write_all(skeleton(level, today).as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(io_error(&path))?;
    Ok(rel)
}

/// The counterpart a session usually works with at `level`, and the unit's name in words.
fn level_words(level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Tinh => ("Ban Thường vụ Tỉnh ủy", "tỉnh"),
        Level::ThanhPhoTw => ("Ban Thường vụ Thành ủy", "thành phố"),
        Level::Huyen => ("Ban Thường vụ Huyện ủy", "huyện"),
        Level::ThiXa => ("Ban Thường vụ Thị ủy", "thị xã"),
        Level::ThanhPho => ("Ban Thường vụ Thành ủy", "thành phố"),
        Level::Quan => ("Ban Thường vụ Quận ủy", "quận"),
        Level::Xa => ("Ban Thường vụ Đảng ủy xã", "xã"),
        Level::Phuong => ("Ban Thường vụ Đảng ủy phường", "phường"),
        Level::ThiTran => ("Ban Thường vụ Đảng ủy thị trấn", "thị trấn"),
        Level::DacKhu => ("Ban Thường vụ Đảng ủy đặc khu", "đặc khu"),
    }
}

/// The text of a new briefing: every required key filled with a value to replace, the
/// optional ones commented out with an example, each with a line saying what it holds.
pub(crate) fn skeleton(level: Level, today: NaiveDate) -> String {
    let (body, unit) = level_words(level);
    let level = level.name();
    let date = today.format("%Y-%m-%d");
    let year = today.format("%Y");
    format!(
        r#"# Buổi làm việc mới. Sửa các giá trị mẫu, bỏ dấu # trước các dòng cần dùng,
# rồi chạy `briefing check` để kiểm tra. Đặc tả đầy đủ: docs/spec.md.
# Ngày viết không có ngoặc kép, năm trước (2025-09-10); kỳ hạn trong ngoặc kép
# ("2025-Q4", "2025-H2", "2025-09", "2025"); số không có dấu phân cách hàng nghìn,
# dấu thập phân là dấu chấm (33497, 62.5).
version = 3

[session]
# Tiêu đề một dòng: ai làm việc với ai.
title = "Ban Thường vụ Tỉnh ủy làm việc với {body} Tên {unit}"
# Ngày làm việc; chỉ biết tháng: "{year}-09", chỉ biết năm: "{year}".
date = {date}
# Buổi: sang, chieu hoặc toi.
# part_of_day = "sang"
# Cơ quan chủ trì, và loại: dang, chinh-quyen, mat-tran hoặc khac.
host = "Ban Thường vụ Tỉnh ủy"
host_kind = "dang"
# Người chủ trì, kèm chức vụ; nhiều người: ["…", "…"].
# chair = "Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy"
# Nội dung làm việc.
# topic = "Kết quả thực hiện nhiệm vụ 6 tháng đầu năm {year}"
# location = "Trụ sở Đảng ủy {unit} Tên {unit}"
# Nguồn tin và ngày đăng.
# source = "Báo …"
# published = {date}
# tags = ["nông thôn mới"]
# Tóm tắt; dòng trống ngăn các đoạn.
# summary = """
# …
# """

# Người dự: mỗi người (name) hoặc nhóm (group) một bảng.
# [[session.participant]]
# name = "Nguyễn Văn A"
# role = "Bí thư Tỉnh ủy"
# part = "phát biểu kết luận"

# Địa phương được làm việc.
[[locality]]
name = "Tên {unit}"
level = "{level}"
# Mã ổn định trong tệp; mặc định lấy theo tên ("Tân Lập" → tan-lap).
# id = "tan-lap"
# Đơn vị cấp trên.
# parent = "tỉnh …"
body = "{body}"
# summary = """
# …
# """
# Kết quả nổi bật, lợi thế, tồn tại hạn chế.
# highlights = ["…"]
# strengths = ["…"]
# shortcomings = ["…"]

# Chỉ tiêu: mỗi con số một bảng.
# [[locality.indicator]]
# name = "Tổng giá trị sản xuất"
# value = 33497
# unit = "tỷ đồng"
# period = "{year}"
# compare = [{{ label = "đạt so với kế hoạch", percent = 100.75, basis = "plan" }}]

# Chỉ đạo, kết luận: mỗi việc một bảng; id không trùng trong tệp.
# [[locality.directive]]
# id = "viec-1"
# text = "…"
# owner = "{body}"
# Hạn: một ngày (2025-12-31) hoặc một kỳ ("2025-Q4"); hạn bằng lời: due_text.
# due = "{year}-Q4"
# due_text = "trong thời gian tới"
# urgent = true
# Nơi nhận ngoài các địa phương của tệp (sở, ngành, đơn vị sau sắp xếp).
# to_other = ["Sở Tài chính"]

# Kiến nghị của địa phương và ý kiến trả lời tại buổi làm việc.
# [[locality.proposal]]
# text = "Đề nghị tỉnh hỗ trợ kinh phí …"
# by = "Đồng chí Bí thư {body}"
# answer = "Đồng ý về chủ trương; giao Sở Tài chính cân đối nguồn vốn."
# assignee = "Sở Tài chính"
# due = "{year}-Q4"
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_never_written_over_and_a_bad_id_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let today = NaiveDate::from_ymd_opt(2025, 9, 10).expect("date");
        let rel = write_new(dir.path(), "2025/a.toml", Level::Xa, today).expect("new");
        assert_eq!(rel, PathBuf::from("2025/a.toml"));
        let written = fs::read_to_string(dir.path().join(&rel)).expect("read");
        assert_eq!(written, skeleton(Level::Xa, today));
        fs::write(dir.path().join(&rel), "kept").expect("write");
        let again = write_new(dir.path(), "2025/a", Level::Huyen, today);
        assert!(matches!(again, Err(NewError::Exists { .. })), "{again:?}");
        assert_eq!(
            fs::read_to_string(dir.path().join(&rel)).expect("read"),
            "kept"
        );
        for bad in ["", "../a", "a/../b", ".a", "a//b", "/a", "a\\b", "2025/"] {
            let refused = write_new(dir.path(), bad, Level::Xa, today);
            assert!(matches!(refused, Err(NewError::BadId { .. })), "{bad}");
        }
    }
}
