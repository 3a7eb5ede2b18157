//! `briefing completions SHELL`: the shell completion script on stdout.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

pub(super) fn run(shell: Shell) -> ExitCode {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "briefing", &mut std::io::stdout());
    ExitCode::SUCCESS
}
