//! `briefing merge-driver O A B [PATH]`: git's merge driver for briefings; merges check-offs,
//! else leaves git's normal conflict.

use std::fs;
use std::path::Path;
use std::process::{ExitCode, Stdio};

use super::{fail, os_error};
use crate::git::merge;
use crate::model::Lang;
use crate::store::{DEFAULT_MAX_FILE_SIZE, read_bounded};

#[derive(Debug, clap::Args)]
pub(super) struct MergeDriverArgs {
    /// The common ancestor's version (git's %O)
    base: std::path::PathBuf,
    /// Our version (git's %A); the result is written here
    ours: std::path::PathBuf,
    /// Their version (git's %B)
    theirs: std::path::PathBuf,
    /// The file's path in the repository (git's %P), for the conflict markers
    path: Option<String>,
}

/// Exit 0: merged into `ours`. Exit 1: a conflict, `ours` holds git's conflict markers.
///
/// A version larger than a briefing may be, or not UTF-8, is not read whole: git's own line
/// merge takes it, so no content of the repository can exhaust memory here.
pub(super) fn run(args: &MergeDriverArgs, lang: Lang) -> ExitCode {
    let read = |p: &Path| {
        let bytes = read_bounded(p, DEFAULT_MAX_FILE_SIZE).ok()?;
        String::from_utf8(bytes).ok()
    };
    let texts = (read(&args.base), read(&args.ours), read(&args.theirs));
    if let (Some(base), Some(ours), Some(theirs)) = &texts
        && let Some(merged) = merge::merge(base, ours, theirs)
    {
        return match fs::write(&args.ours, merged) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                let error = os_error(lang, &e);
                fail(lang, 2, format!("{}: {error}", args.ours.display()))
            }
        };
    }
    merge_file(args, lang)
}

/// git's own line merge, with its conflict markers: exit 0 when it merged cleanly.
fn merge_file(args: &MergeDriverArgs, lang: Lang) -> ExitCode {
    let path = args.path.as_deref().unwrap_or("briefing");
    let labels = [
        format!("{path} (ours)"),
        format!("{path} (base)"),
        format!("{path} (theirs)"),
    ];
    let status = std::process::Command::new("git")
        .arg("merge-file")
        .args(labels.iter().flat_map(|l| ["-L", l.as_str()]))
        .args([&args.ours, &args.base, &args.theirs])
        .stdin(Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => fail(lang, 2, format!("git merge-file: {}", os_error(lang, &e))),
    }
}
