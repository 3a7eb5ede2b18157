//! `briefing man`: the manual pages, generated from the same clap definition as `--help`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;

use super::{Cli, fail};

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write briefing.1 and one page per subcommand (briefing-show.1 …) into this folder
    /// instead of printing briefing.1
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &ManArgs) -> ExitCode {
    let result = match &args.out {
        Some(dir) => write_pages(dir),
        None => print_main_page(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(1, e),
    }
}

fn command() -> clap::Command {
    Cli::command().disable_help_subcommand(true)
}

fn print_main_page() -> std::io::Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command()).render(&mut page)?;
    crate::safe::out().write_all(&page)
}

fn write_pages(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    clap_mangen::generate_to(command(), dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_page_names_every_subcommand() {
        let mut page = Vec::new();
        clap_mangen::Man::new(command())
            .render(&mut page)
            .expect("render");
        let page = String::from_utf8(page).expect("UTF-8");
        for sub in command().get_subcommands().filter(|s| !s.is_hide_set()) {
            let name = format!("briefing\\-{}", sub.get_name());
            assert!(page.contains(&name), "{name} is not in briefing.1");
        }
        assert!(page.contains(".TH briefing 1"));
    }

    #[test]
    fn every_visible_subcommand_gets_its_page() {
        let dir = tempfile::tempdir().expect("tempdir");
        write_pages(&dir.path().join("man1")).expect("write");
        for sub in command().get_subcommands().filter(|s| !s.is_hide_set()) {
            let page = dir
                .path()
                .join(format!("man1/briefing-{}.1", sub.get_name()));
            assert!(page.is_file(), "{} is missing", page.display());
        }
        assert!(!dir.path().join("man1/briefing-merge-driver.1").exists());
    }
}
