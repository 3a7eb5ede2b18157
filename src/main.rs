//! Entry point: hands over to the command-line interface.

fn main() -> std::process::ExitCode {
    briefing::main()
}
