//! The command line's help in Vietnamese, keyed by subcommand and argument id: what `--help`,
//! usage errors and the Vietnamese manual pages say. The English is clap's, from the doc
//! comments of `cli`; `cli::help` puts these texts in their place.

/// `(subcommand, argument, help)`: the help of each argument (`""` as subcommand: the program's
/// own, which every subcommand also takes), and of each subcommand (`""` as argument).
pub(crate) const HELP: &[(&str, &str, &str)] = &[
    (
        "",
        "",
        "Đọc và theo dõi các buổi làm việc của tỉnh từ các tệp TOML.",
    ),
    (
        "",
        "dir",
        "Thư mục chứa các tệp *.toml của các buổi làm việc [mặc định: $BRIEFING_DIR, nếu không có thì `dir` trong tệp cấu hình, nếu không có nữa thì ./briefings]",
    ),
    (
        "",
        "lang",
        "Ngôn ngữ giao diện [mặc định: $BRIEFING_LANG, nếu không có thì `lang` trong tệp cấu hình, rồi LC_ALL / LC_MESSAGES / LANG (vi* → vi), cuối cùng là en]",
    ),
    (
        "",
        "today",
        "Xem xét theo ngày này thay cho ngày hôm nay (YYYY-MM-DD)",
    ),
    (
        "",
        "now",
        "Coi thời điểm này là hiện tại thay cho đồng hồ (RFC 3339, ví dụ 2024-04-02T09:15:00+07:00): thời điểm mà done, undo và progress ghi lại, và thời điểm muộn nhất một mục tiến độ được phép ghi; để đầu ra lặp lại được và để kiểm thử (giao diện theo đồng hồ)",
    ),
    (
        "",
        "config",
        "Tệp cấu hình được đọc thay cho $XDG_CONFIG_HOME/briefing/config.toml (hoặc ~/.config/…)",
    ),
    (
        "",
        "no_cache",
        "Đọc và kiểm tra mọi tệp buổi làm việc, không dùng và không ghi bộ nhớ đệm mà list, check và report lưu trong $XDG_CACHE_HOME/briefing/ (hoặc ~/.cache/…) [hoặc: đặt biến $BRIEFING_NO_CACHE]",
    ),
    ("", "help", "In trợ giúp"),
    ("", "version", "In số phiên bản"),
    (
        "check",
        "",
        "Kiểm tra mọi tệp buổi làm việc; thoát với mã 1 nếu có tệp bị lỗi",
    ),
    ("list", "", "Mỗi buổi làm việc một dòng, mới nhất trước"),
    (
        "new",
        "",
        "Tạo khung có chú thích cho một buổi làm việc mới (một địa phương), sẵn để điền và `check`",
    ),
    (
        "new",
        "level",
        "Cấp của địa phương được làm việc (docs/spec.md, mục địa phương)",
    ),
    (
        "new",
        "id",
        "Mã buổi làm việc mới: đường dẫn tệp trong THƯ_MỤC, bỏ `.toml`, ví dụ 2025/2025-09-10-tan-lap (thư mục được tạo khi cần; không bao giờ ghi đè tệp đã có)",
    ),
    ("list", "format", "Định dạng đầu ra"),
    (
        "show",
        "",
        "In nội dung một buổi làm việc: phần đầu, tóm tắt, địa phương, chỉ tiêu, chỉ đạo",
    ),
    (
        "show",
        "session",
        "Mã buổi làm việc: đường dẫn của tệp trong thư mục, bỏ `.toml` (xem `briefing list`); chỉ tên tệp cũng đủ nếu không trùng với tệp khác",
    ),
    (
        "show",
        "district",
        "Chỉ địa phương này (theo mã, ví dụ `dam-ha`, hoặc theo tên, ví dụ \"Đầm Hà\", có dấu hay không, hoa hay thường đều được); các phần chung của buổi làm việc vẫn giữ, cùng các chỉ đạo chung gửi tới địa phương này",
    ),
    ("show", "format", "Định dạng đầu ra"),
    (
        "show",
        "ascii",
        "Thanh đo và ký hiệu ASCII (`#######--- 80%`) cho máy in và phông chữ hạn chế",
    ),
    (
        "show",
        "handout",
        "Bản phát công khai: bỏ mã chỉ đạo và tên người đánh dấu hoàn thành",
    ),
    (
        "report",
        "",
        "Báo cáo tình hình thực hiện chỉ đạo: số chỉ đạo theo từng loại cho mỗi địa phương, đơn vị thực hiện hoặc buổi làm việc, rồi các chỉ đạo quá hạn và vướng mắc cùng ghi nhận mới nhất",
    ),
    (
        "report",
        "from",
        "Chỉ các buổi làm việc từ ngày này trở đi (buổi ghi theo tháng hoặc năm tính theo ngày đầu) [mặc định: mọi buổi]",
    ),
    (
        "report",
        "to",
        "Chỉ các buổi làm việc đến hết ngày này [mặc định: mọi buổi]",
    ),
    (
        "report",
        "by",
        "Mỗi dòng một địa phương, một đơn vị thực hiện (`owner` của chỉ đạo) hoặc một buổi làm việc",
    ),
    ("report", "format", "Định dạng đầu ra"),
    (
        "completions",
        "",
        "In đoạn mã gợi ý lệnh cho shell (bash, zsh, fish, elvish, powershell)",
    ),
    (
        "completions",
        "shell",
        "Shell cần gợi ý lệnh. bash, zsh và fish gợi ý mã lấy trực tiếp từ thư mục, mỗi gợi ý được đặt trong dấu trích dẫn đúng cách của shell đó; elvish và powershell nhận đoạn mã tĩnh: chỉ lệnh, tùy chọn và giá trị của chúng, không có mã",
    ),
    (
        "done",
        "",
        "Đánh dấu hoàn thành một chỉ đạo: done = true, done_at = lúc này, done_by = tên đăng nhập của bạn",
    ),
    (
        "done",
        "session",
        "Buổi làm việc: đường dẫn tệp trong THƯ_MỤC, bỏ `.toml`, ví dụ 2024/2024-03-13-hai-ha-dam-ha; chỉ tên tệp cũng đủ nếu không trùng",
    ),
    ("done", "directive", "`id` của chỉ đạo"),
    (
        "undo",
        "",
        "Bỏ đánh dấu hoàn thành một chỉ đạo: done = false, xóa done_at và done_by",
    ),
    (
        "undo",
        "session",
        "Buổi làm việc: đường dẫn tệp trong THƯ_MỤC, bỏ `.toml` (hoặc chỉ tên tệp nếu không trùng)",
    ),
    ("undo", "directive", "`id` của chỉ đạo"),
    (
        "progress",
        "",
        "Ghi tiến độ của một chỉ đạo: một mục trong nhật ký tiến độ (định dạng phiên bản 3) với trạng thái, ghi chú và/hoặc phần trăm, lúc này, theo tên đăng nhập của bạn",
    ),
    (
        "progress",
        "session",
        "Buổi làm việc: đường dẫn tệp trong THƯ_MỤC, bỏ `.toml` (hoặc chỉ tên tệp nếu không trùng)",
    ),
    ("progress", "directive", "`id` của chỉ đạo"),
    (
        "progress",
        "state",
        "Trạng thái hiện nay: open (Chưa thực hiện), doing (Đang thực hiện), blocked (Vướng mắc), done (Hoàn thành), dropped (Dừng thực hiện)",
    ),
    (
        "progress",
        "note",
        "Ghi chú tình hình, một dòng (tiếng Việt gõ như thường)",
    ),
    (
        "progress",
        "percent",
        "Công việc đã làm được bao nhiêu, số nguyên từ 0 đến 100",
    ),
    (
        "sync",
        "",
        "Chia sẻ qua git: commit các dấu hoàn thành đánh ở đây (chỉ những thay đổi đó), pull --rebase, push",
    ),
    (
        "sync",
        "setup",
        "Cài bộ gộp dấu hoàn thành (.git/config, .gitattributes) và cho git bỏ qua tệp tạm khi đánh dấu (.gitignore), rồi commit hai tệp đó",
    ),
    (
        "sync",
        "all",
        "Commit mọi thay đổi trong thư mục các buổi làm việc, không chỉ các dấu hoàn thành",
    ),
    (
        "sync",
        "pull_only",
        "Chỉ nhận về: không commit, không gửi gì (cho đơn vị không có quyền ghi; cũng là `pull_only` trong mục [sync] của tệp cấu hình)",
    ),
    (
        "sync",
        "dry_run",
        "Không thay đổi gì: cho biết lần đồng bộ sẽ commit, nhận và gửi những gì",
    ),
    (
        "sync",
        "push_removed",
        "Khi kho từ xa đã bỏ các commit (force-push): gửi lại chúng",
    ),
    (
        "sync",
        "drop_removed",
        "Khi kho từ xa đã bỏ các commit (force-push): bỏ chúng ở đây",
    ),
    (
        "sync",
        "timeout",
        "Thời gian tối đa cho một lần fetch hoặc push, tính bằng giây",
    ),
    (
        "log",
        "",
        "Ai đã làm gì với chỉ đạo nào, lúc nào: nhật ký tiến độ và các dấu hoàn thành trong tệp (không cần git), kèm các commit từ lịch sử git (mới nhất trước, theo thời điểm của việc làm)",
    ),
    (
        "log",
        "session",
        "Chỉ buổi làm việc này (đường dẫn tệp trong THƯ_MỤC, bỏ `.toml`; chỉ tên tệp cũng đủ nếu không trùng với tệp khác)",
    ),
    (
        "log",
        "directive",
        "Chỉ chỉ đạo này của buổi làm việc (`id` của nó)",
    ),
    ("log", "format", "Định dạng đầu ra"),
    (
        "merge-driver",
        "",
        "Bộ gộp của git cho các tệp buổi làm việc (do `sync --setup` cài; không dùng bằng tay)",
    ),
    ("merge-driver", "base", "Bản gốc chung (%O của git)"),
    (
        "merge-driver",
        "ours",
        "Bản của máy này (%A của git); kết quả được ghi vào đây",
    ),
    ("merge-driver", "theirs", "Bản của nơi khác (%B của git)"),
    (
        "merge-driver",
        "path",
        "Đường dẫn của tệp trong kho git (%P của git), dùng trong các dấu xung đột",
    ),
    (
        "man",
        "",
        "In trang hướng dẫn briefing.1 (hoặc ghi mọi trang với --out THƯ_MỤC), theo ngôn ngữ của --lang",
    ),
    (
        "man",
        "out",
        "Ghi briefing.1 và mỗi lệnh một trang (briefing-show.1 …) vào thư mục này thay vì in briefing.1",
    ),
    (
        "complete",
        "",
        "Các gợi ý cho từ đang gõ (do đoạn mã của `completions` gọi)",
    ),
    (
        "complete",
        "shell",
        "Shell đang hỏi: các gợi ý cách nhau bằng byte NUL; không có: mỗi gợi ý một dòng (có thoát ký tự)",
    ),
    (
        "complete",
        "words",
        "Các từ sau `briefing`; từ cuối là từ đang được gợi ý",
    ),
    (
        "help",
        "",
        "In trợ giúp này, hoặc trợ giúp của (các) lệnh đã cho",
    ),
    ("help", "subcommand", "In trợ giúp của (các) lệnh này"),
];

/// What the program does beyond one line, after the `""` entry of [`HELP`] (`--help` only).
pub(crate) const LONG_ABOUT: &str = "Đọc và theo dõi các buổi làm việc của tỉnh từ các tệp TOML.

Không có lệnh thì mở giao diện trong terminal (bấm ? trong đó để xem mọi phím).";

/// `(subcommand, argument, value, help)`: what each value of an argument means.
pub(crate) const VALUES: &[(&str, &str, &str, &str)] = &[
    (
        "list",
        "format",
        "text",
        "Mỗi buổi làm việc một dòng, căn cột",
    ),
    (
        "list",
        "format",
        "json",
        "Một mảng các buổi làm việc (lược đồ trong docs/json.md)",
    ),
    (
        "show",
        "format",
        "text",
        "Văn bản thường, ngắt dòng ở cột 80",
    ),
    (
        "show",
        "format",
        "markdown",
        "Markdown (kiểu GitHub: bảng, danh sách việc)",
    ),
    (
        "show",
        "format",
        "html",
        "Một trang HTML trọn gói (CSS nằm sẵn trong trang, kiểu in khổ A4) để in từ trình duyệt",
    ),
    ("show", "format", "json", "JSON, lược đồ trong docs/json.md"),
    (
        "report",
        "by",
        "locality",
        "Mỗi địa phương một dòng; chỉ đạo chung được tính cho mỗi địa phương liên quan, nhưng chỉ một lần ở dòng tổng",
    ),
    (
        "report",
        "by",
        "assignee",
        "Mỗi đơn vị thực hiện (`owner` của chỉ đạo) một dòng",
    ),
    ("report", "by", "session", "Mỗi buổi làm việc một dòng"),
    (
        "report",
        "format",
        "text",
        "Văn bản thường, 80 cột, các cột phân loại được đánh số",
    ),
    (
        "report",
        "format",
        "markdown",
        "Markdown (bảng kiểu GitHub)",
    ),
    (
        "report",
        "format",
        "html",
        "Một trang HTML trọn gói, in vừa khổ A4 nằm ngang",
    ),
    (
        "report",
        "format",
        "csv",
        "CSV cho LibreOffice và Excel (UTF-8 có BOM)",
    ),
    (
        "report",
        "format",
        "json",
        "JSON, lược đồ trong docs/json.md",
    ),
    ("log", "format", "text", "Mỗi việc làm một dòng"),
    (
        "log",
        "format",
        "json",
        "Một mảng các việc làm (lược đồ trong docs/json.md)",
    ),
];

/// The placeholders of values in usage lines (`--dir <DIR>`), in Vietnamese.
pub(crate) const VALUE_NAMES: &[(&str, &str)] = &[
    ("DIR", "THƯ_MỤC"),
    ("PATH", "ĐƯỜNG_DẪN"),
    ("LANG", "NGÔN_NGỮ"),
    ("SESSION_ID", "MÃ_BUỔI"),
    ("SESSION", "BUỔI"),
    ("DIRECTIVE", "CHỈ_ĐẠO"),
    ("ID", "MÃ"),
    ("LEVEL", "CẤP"),
    ("FORMAT", "ĐỊNH_DẠNG"),
    ("ROWS", "DÒNG"),
    ("SHELL", "SHELL"),
    ("WORD", "TỪ"),
    ("BASE", "GỐC"),
    ("OURS", "CỦA_MÌNH"),
    ("THEIRS", "CỦA_NGƯỜI_KHÁC"),
    ("COMMAND", "LỆNH"),
    ("YYYY-MM-DD", "YYYY-MM-DD"),
    ("STATE", "TRẠNG_THÁI"),
    ("TEXT", "VĂN_BẢN"),
    ("N", "N"),
    ("TIME", "THỜI_ĐIỂM"),
    ("SECONDS", "GIÂY"),
];

/// Examples and the environment, after the program's `--help`.
pub(crate) const AFTER_HELP: &str = "\
Ví dụ:
  briefing                                       giao diện trong terminal, thư mục ./briefings
  briefing list                                  các buổi làm việc, mới nhất trước
  briefing list --format json                    như trên, dạng JSON
  briefing show 2024/2024-03-13-hai-ha-dam-ha    nội dung một buổi, để in hoặc xem bằng less
  briefing show 2024-03-13-hai-ha-dam-ha --district dam-ha --format markdown
  briefing --lang vi --today 2024-03-20 show 2024/2024-03-13-hai-ha-dam-ha --ascii
  briefing report --from 2024-01-01 --to 2024-06-30 --format html > bao-cao.html
                                                 báo cáo tình hình thực hiện, khổ A4 ngang
  briefing check                                 báo mọi lỗi trong thư mục
  briefing new --level xa 2025/2025-09-10-tan-lap khung có chú thích để điền
  briefing done 2024/2024-03-13-hai-ha-dam-ha hh-ma-tuy   đánh dấu hoàn thành (undo: bỏ đánh dấu)
  briefing progress 2024-03-13-hai-ha-dam-ha hh-ma-tuy --state doing --note \"Đã khởi công\" --percent 40
  briefing sync --setup                          một lần cho mỗi bản sao: gộp dấu hoàn thành qua git
  briefing sync                                  commit các dấu hoàn thành, pull --rebase, push
  briefing log 2024/2024-03-13-hai-ha-dam-ha hh-ma-tuy    ai đã làm gì, lúc nào (tệp, rồi git)
  briefing completions bash > ~/.local/share/bash-completion/completions/briefing
  briefing man --lang vi --out ~/.local/share/man/vi/man1   trang hướng dẫn tiếng Việt (man briefing)

Biến môi trường:
  BRIEFING_DIR          thư mục các buổi làm việc (sau --dir)
  BRIEFING_LANG         vi hoặc en (sau --lang)
  LC_ALL, LC_MESSAGES, LANG
                        biến đầu tiên có giá trị quyết định ngôn ngữ khi --lang,
                        BRIEFING_LANG và `lang` trong tệp cấu hình đều không có:
                        vi* → vi, còn lại → en; C/POSIX không chọn gì
  XDG_CONFIG_HOME, HOME vị trí tệp cấu hình: $XDG_CONFIG_HOME/briefing/config.toml,
                        nếu không có thì ~/.config/briefing/config.toml (xem docs/config.toml)
  XDG_CACHE_HOME        nơi list, check và report lưu những gì đã đọc:
                        $XDG_CACHE_HOME/briefing/, nếu không có thì ~/.cache/briefing/
  BRIEFING_NO_CACHE     đặt (giá trị bất kỳ): như --no-cache

Thứ tự ưu tiên: tham số dòng lệnh > biến môi trường (BRIEFING_*) > tệp cấu hình > mặc định
(locale là mặc định của ngôn ngữ).";

/// The Vietnamese help of `argument` of `subcommand` (or of the subcommand itself, for `""`).
pub(crate) fn help(subcommand: &str, argument: &str) -> Option<&'static str> {
    HELP.iter()
        .find(|(s, a, _)| *s == subcommand && *a == argument)
        .or_else(|| {
            HELP.iter()
                .find(|(s, a, _)| s.is_empty() && !a.is_empty() && *a == argument)
        })
        .map(|(.., text)| *text)
}

/// What `value` of `argument` of `subcommand` means, in Vietnamese.
pub(crate) fn value_help(subcommand: &str, argument: &str, value: &str) -> Option<&'static str> {
    VALUES
        .iter()
        .find(|(s, a, v, _)| *s == subcommand && *a == argument && *v == value)
        .map(|(.., text)| *text)
}

/// The Vietnamese placeholder for `name` (`DIR` → `THƯ_MỤC`).
pub(crate) fn value_name(name: &str) -> Option<&'static str> {
    VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == name)
        .map(|(_, vi)| *vi)
}
