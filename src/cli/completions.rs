//! `briefing completions SHELL`: the shell completion script on stdout.
//!
//! bash, zsh and fish get small scripts that ask `briefing complete` for each word, so
//! session, directive and locality ids come from the folder as it is at that moment;
//! other shells get clap's static script (subcommands and options only).

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

const BASH: &str = r#"# bash completion for briefing (live: ids come from the briefing folder)
# Candidates come NUL-separated and are quoted here with printf %q (spaces, quotes, $, `, *,
# newlines), so nothing in a name is run, expanded or split.
_briefing() {
    local -a candidates
    local candidate quoted status
    COMPREPLY=()
    mapfile -d '' -t candidates < <(briefing complete --shell bash -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
    wait $! 2>/dev/null
    status=$?
    if [[ $status == 3 ]]; then
        compopt -o default
        return
    fi
    for candidate in "${candidates[@]}"; do
        printf -v quoted '%q' "$candidate"
        COMPREPLY+=("$quoted")
    done
}
complete -o nosort -F _briefing briefing
"#;

const ZSH: &str = r#"#compdef briefing
# zsh completion for briefing (live: ids come from the briefing folder)
# Candidates come NUL-separated, unquoted; compadd (without -Q) quotes each one for the line.
_briefing() {
    local -a candidates
    local out
    out=$(briefing complete --shell zsh -- "${(@Q)words[2,CURRENT]}" 2>/dev/null)
    if (( $? == 3 )); then
        _files
        return
    fi
    candidates=("${(@0)out}")
    candidates=(${candidates:#})
    if [[ $PREFIX == --*=* ]]; then
        compset -P '*='
    fi
    compadd -V briefing -a candidates
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _briefing "$@"
else
    compdef _briefing briefing
fi
"#;

const FISH: &str = r#"# fish completion for briefing (live: ids come from the briefing folder)
# Candidates come NUL-separated (`string split0` keeps a newline inside one); fish quotes
# each one for the line.
complete -c briefing -f -k -a '(briefing complete --shell fish -- (commandline -opc)[2..-1] (commandline -ct | string unescape) 2>/dev/null | string split0)'
complete -c briefing -l dir -r -F
complete -c briefing -l config -r -F
"#;

pub(super) fn run(shell: Shell) -> ExitCode {
    let mut out = std::io::stdout();
    let script = match shell {
        Shell::Bash => BASH,
        Shell::Zsh => ZSH,
        Shell::Fish => FISH,
        _ => {
            clap_complete::generate(shell, &mut Cli::command(), "briefing", &mut out);
            return ExitCode::SUCCESS;
        }
    };
    let _ = out.write_all(script.as_bytes());
    ExitCode::SUCCESS
}
