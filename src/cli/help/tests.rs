use super::*;

/// Every command of the definition, built (with clap's `help` subcommand), and its name in
/// the help table (`""` for the program).
fn commands() -> Vec<(String, Command)> {
    let mut root = Cli::command();
    root.build();
    let mut all = vec![(String::new(), root.clone())];
    for sub in root.get_subcommands() {
        all.push((sub.get_name().to_string(), sub.clone()));
    }
    all
}

#[test]
fn every_subcommand_and_argument_has_a_vietnamese_help() {
    for (name, cmd) in commands() {
        assert!(
            i18n::cli::help(&name, "").is_some(),
            "`{name}` has no Vietnamese help"
        );
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            assert!(
                i18n::cli::help(&name, id).is_some(),
                "`{name} {id}` has no Vietnamese help"
            );
            for value in arg.get_possible_values() {
                if value.get_help().is_some() {
                    assert!(
                        i18n::cli::value_help(&name, id, value.get_name()).is_some(),
                        "`{name} {id} {}` has no Vietnamese help",
                        value.get_name()
                    );
                }
            }
            let placeholders = match arg.get_action().takes_values() {
                true => arg.get_value_names().unwrap_or_default(),
                false => &[],
            };
            for placeholder in placeholders {
                assert!(
                    i18n::cli::value_name(placeholder.as_str()).is_some(),
                    "`{placeholder}` of `{name} {id}` has no Vietnamese name"
                );
            }
        }
    }
}

/// `briefing ARGS` as clap prints it in `lang`: the help, or the usage error.
fn printed(lang: Lang, args: &[&str]) -> String {
    let argv = std::iter::once("briefing").chain(args.iter().copied());
    match command(lang).try_get_matches_from(argv) {
        Ok(_) => panic!("{args:?} is neither help nor an error"),
        Err(e) if lang == Lang::Vi => e.apply::<Vietnamese>().render().to_string(),
        Err(e) => e.render().to_string(),
    }
}

/// Words of clap's English that must not be left in Vietnamese.
const CLAP_ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print",
    "default:",
    "possible values",
    "Possible",
    "error:",
    "tip:",
    "For more information",
    "unexpected",
    "required",
    "invalid",
    "[OPTIONS]",
    "[COMMAND]",
    "<DIR>",
    "<SESSION",
];

#[test]
fn the_help_of_every_subcommand_is_vietnamese() {
    for (name, _) in commands() {
        for flag in ["--help", "-h"] {
            let args: Vec<&str> = match name.as_str() {
                "" => vec![flag],
                "help" => vec!["help", "show"],
                name => vec![name, flag],
            };
            let help = printed(Lang::Vi, &args);
            for english in CLAP_ENGLISH {
                assert!(
                    !help.contains(english),
                    "`{english}` in `{args:?}`:\n{help}"
                );
            }
            assert!(help.contains("Cách dùng: briefing"), "{help}");
            assert!(
                help.contains("Tùy chọn:") && help.contains("In trợ giúp"),
                "{help}"
            );
        }
    }
    let show = printed(Lang::Vi, &["show", "--help"]);
    assert!(show.contains("Đối số:\n  <MÃ_BUỔI>"), "{show}");
    assert!(show.contains("- markdown: Markdown (kiểu GitHub"), "{show}");
    assert!(show.contains("[mặc định: text]"), "{show}");
    let root = printed(Lang::Vi, &["--help"]);
    assert!(root.contains("Lệnh:\n  check"), "{root}");
    assert!(
        root.contains("Ví dụ:") && root.contains("Biến môi trường:"),
        "{root}"
    );
}

#[test]
fn english_help_is_clap_s_own() {
    let show = printed(Lang::En, &["show", "--help"]);
    assert!(show.starts_with("Print one session's briefing"), "{show}");
    assert!(show.contains("Usage: briefing show [OPTIONS] <SESSION_ID>"));
    assert!(show.contains("Possible values:\n          - text:     Plain text"));
    assert!(show.contains("[default: text]"));
}

#[test]
fn usage_errors_are_said_in_vietnamese_with_their_facts() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--lang", "fr"],
            &[
                "lỗi: giá trị 'fr' không hợp lệ cho '--lang <NGÔN_NGỮ>'",
                "[các giá trị: vi, en]",
                "Xem thêm: '--help'.",
            ],
        ),
        (
            &["--bogus"],
            &[
                "không dùng được đối số '--bogus' ở đây",
                "Cách dùng: briefing [TÙY_CHỌN] [LỆNH]",
            ],
        ),
        (
            &["show", "--distrct", "x", "a"],
            &["gợi ý: có đối số gần giống: '--district'"],
        ),
        (
            &["shw"],
            &["không có lệnh 'shw'", "gợi ý: có lệnh gần giống: 'show'"],
        ),
        (
            &["done"],
            &[
                "thiếu các đối số bắt buộc sau:\n  <BUỔI>\n  <CHỈ_ĐẠO>",
                "Cách dùng: briefing done [TÙY_CHỌN] <BUỔI> <CHỈ_ĐẠO>",
            ],
        ),
        (
            &["--today", "13/03/2024", "list"],
            &[
                "giá trị '13/03/2024' không hợp lệ cho '--today <YYYY-MM-DD>': hãy viết ngày dạng YYYY-MM-DD",
            ],
        ),
        (
            &["sync", "--setup", "--all"],
            &["đối số '--setup' không dùng cùng được với '--all'"],
        ),
        (&["show", "-x"], &["hãy viết '-- -x'"]),
        (
            &["--dir"],
            &["'--dir <THƯ_MỤC>' cần một giá trị nhưng chưa có"],
        ),
    ];
    for (args, expected) in cases {
        let said = printed(Lang::Vi, args);
        for part in *expected {
            assert!(said.contains(part), "{args:?}: `{part}` not in\n{said}");
        }
        for english in CLAP_ENGLISH {
            assert!(!said.contains(english), "{args:?}: `{english}` in\n{said}");
        }
        assert!(said.starts_with("lỗi: "), "{said}");
    }
}
