//! `briefing man`: the manual pages, generated from the same clap definition as `--help`, in
//! the reader's language (`--lang`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;

use super::{Cli, fail, help, os_error};
use crate::model::Lang;

#[derive(Debug, clap::Args)]
pub(super) struct ManArgs {
    /// Write briefing.1 and one page per subcommand (briefing-show.1 …) into this folder
    /// instead of printing briefing.1
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub(super) fn run(args: &ManArgs, lang: Lang) -> ExitCode {
    let result = match &args.out {
        Some(dir) => write_pages(dir, lang),
        None => print_main_page(lang),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(lang, 1, os_error(lang, &e)),
    }
}

fn command(lang: Lang) -> clap::Command {
    help::worded(Cli::command().disable_help_subcommand(true), lang)
}

/// One page: `cmd` rendered, its section headings in `lang`.
fn page(cmd: clap::Command, lang: Lang) -> std::io::Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page)?;
    match lang {
        Lang::En => Ok(page),
        Lang::Vi => Ok(vietnamese_headings(&String::from_utf8_lossy(&page)).into_bytes()),
    }
}

/// clap_mangen's English section headings (`.SH NAME` …) in Vietnamese.
fn vietnamese_headings(page: &str) -> String {
    const HEADINGS: [(&str, &str); 8] = [
        (".SH NAME", ".SH TÊN"),
        (".SH SYNOPSIS", ".SH CÚ PHÁP"),
        (".SH DESCRIPTION", ".SH MÔ TẢ"),
        (".SH OPTIONS", ".SH TÙY CHỌN"),
        (".SH SUBCOMMANDS", ".SH LỆNH"),
        (".SH Lệnh", ".SH LỆNH"),
        (".SH EXTRA", ".SH THÔNG TIN THÊM"),
        (".SH VERSION", ".SH PHIÊN BẢN"),
    ];
    page.lines()
        .map(|line| {
            HEADINGS
                .iter()
                .find(|(en, _)| line == *en)
                .map_or(line, |(_, vi)| vi)
        })
        .flat_map(|line| [line, "\n"])
        .collect()
}

fn print_main_page(lang: Lang) -> std::io::Result<()> {
    let page = page(command(lang), lang)?;
    crate::terminal_text::out().write_all(&page)
}

/// briefing.1 and one page per visible subcommand (`briefing-show.1` …) in `dir`.
fn write_pages(dir: &Path, lang: Lang) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut cmd = command(lang);
    cmd.build();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("{}.1", sub.get_display_name().unwrap_or(sub.get_name()));
        std::fs::write(dir.join(name), page(sub.clone(), lang)?)?;
    }
    std::fs::write(dir.join("briefing.1"), page(cmd, lang)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn main_page(lang: Lang) -> String {
        String::from_utf8(page(command(lang), lang).expect("render")).expect("UTF-8")
    }

    #[test]
    fn the_main_page_names_every_subcommand() {
        for lang in [Lang::En, Lang::Vi] {
            let page = main_page(lang);
            for sub in command(lang).get_subcommands().filter(|s| !s.is_hide_set()) {
                let name = format!("briefing\\-{}", sub.get_name());
                assert!(
                    page.contains(&name),
                    "{name} is not in the {lang:?} briefing.1"
                );
            }
            assert!(page.contains(".TH briefing 1"));
        }
    }

    #[test]
    fn the_vietnamese_page_is_in_vietnamese() {
        let page = main_page(Lang::Vi);
        let headings = [
            ".SH TÊN",
            ".SH CÚ PHÁP",
            ".SH MÔ TẢ",
            ".SH \"TÙY CHỌN\"",
            ".SH LỆNH",
        ];
        for heading in headings {
            assert!(page.contains(heading), "{heading} missing:\n{page}");
        }
        for english in [
            ".SH NAME",
            ".SH OPTIONS",
            "Print help",
            "Folder of",
            "Usage",
            "Examples:",
        ] {
            assert!(
                !page.contains(english),
                "`{english}` in the Vietnamese page"
            );
        }
        assert!(page.contains("Đọc và theo dõi các buổi làm việc"));
        assert!(page.contains("Ví dụ:"));
        assert!(main_page(Lang::En).contains(".SH OPTIONS"));
    }

    #[test]
    fn every_visible_subcommand_gets_its_page_in_each_language() {
        let dir = tempfile::tempdir().expect("tempdir");
        for (lang, folder) in [(Lang::En, "man1"), (Lang::Vi, "vi/man1")] {
            write_pages(&dir.path().join(folder), lang).expect("write");
            for sub in command(lang).get_subcommands().filter(|s| !s.is_hide_set()) {
                let page = dir
                    .path()
                    .join(format!("{folder}/briefing-{}.1", sub.get_name()));
                assert!(page.is_file(), "{} is missing", page.display());
            }
            assert!(
                !dir.path()
                    .join(folder)
                    .join("briefing-merge-driver.1")
                    .exists()
            );
        }
        let show =
            std::fs::read_to_string(dir.path().join("vi/man1/briefing-show.1")).expect("page");
        assert!(show.contains("In nội dung một buổi làm việc"), "{show}");
    }
}
