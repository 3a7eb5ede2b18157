//! `briefing sync --setup`: installs the check-off merge driver (repository config and
//! `.gitattributes`), ignores check-off temporary files (`.gitignore`), and commits those files.

use std::fs;
use std::path::Path;

use super::Defeated;
use super::commit::{Committed, commit, identity_env};
use crate::git::attributes::defeats;
use crate::git::{GitError, Repo, read_no_follow};
use crate::i18n;
use crate::model::Lang;

/// The `.gitattributes` line that gives the folder's briefings the check-off merge driver.
const ATTRIBUTE: &str = "*.toml merge=briefing";
/// The `.gitignore` lines: check-off temporary files, and the lock file of older versions.
const IGNORED: [&str; 3] = [".*.briefing-tmp", ".*.briefing-rescue", ".briefing.lock"];
/// The largest `.gitattributes`/`.gitignore` that `--setup` adds its lines to.
const MAX_SETUP_FILE: u64 = 1 << 20;

/// The message of the commit of `sync --setup`, in English as every commit sync makes.
fn setup_message() -> String {
    format!(
        "{}\n\n(briefing sync --setup)\n",
        i18n::strings(Lang::En).setup_subject
    )
}

/// What `--setup` did.
#[derive(Debug, Clone, Default)]
pub(crate) struct SetupReport {
    /// `merge.briefing.driver` was set or changed in the repository's config.
    pub configured: bool,
    pub driver: String,
    /// The commit of the files it wrote (below the folder): `.gitattributes`, `.gitignore`.
    pub committed: Option<Committed>,
    /// What still keeps the merge driver or the ignoring of temporary files from working.
    pub defeated: Defeated,
}

/// Installs the check-off merge driver for the folder's briefings (repository config and
/// `.gitattributes`) and ignores check-off temporary files (`.gitignore`); commits the two
/// files (only them) so every clone gets them.
pub(crate) fn setup(repo: &Repo, dir: &Path, driver: &str) -> Result<SetupReport, GitError> {
    let (env, fallback) = identity_env(repo);
    let repo = &Repo {
        env: env.into_iter().chain(repo.env.iter().cloned()).collect(),
        ..repo.clone()
    };
    let mut report = SetupReport {
        driver: driver.to_string(),
        ..SetupReport::default()
    };
    let files = [
        (".gitattributes", &[ATTRIBUTE][..]),
        (".gitignore", &IGNORED[..]),
    ];
    let mut texts = Vec::new();
    for (name, lines) in files {
        let path = dir.join(name);
        let text = read_setup_file(&path)?;
        texts.push((path, name, lines, text));
    }
    let current = repo.ok(["config", "--get", "merge.briefing.driver"]).ok();
    if current.as_deref().map(|c| c.trim_end_matches('\n')) != Some(driver) {
        repo.ok(["config", "merge.briefing.name", "briefing check-offs"])?;
        repo.ok(["config", "merge.briefing.driver", driver])?;
        report.configured = true;
    }
    let mut written = Vec::new();
    for (path, name, lines, text) in texts {
        if append_missing(&path, &text, lines).map_err(|e| setup_io(&path, e))? {
            written.push(name.to_string());
        }
    }
    if !written.is_empty() {
        let paths: Vec<String> = (written.iter())
            .map(|n| format!("{}{n}", repo.prefix))
            .collect();
        let mut add = vec!["--literal-pathspecs", "add", "--"];
        add.extend(paths.iter().map(String::as_str));
        repo.ok(&add)?;
        report.committed = Some(Committed {
            commit: commit(repo, &paths, &setup_message(), false)?,
            checkoffs: Vec::new(),
            files: written,
            fallback_identity: fallback,
        });
    }
    report.defeated = Defeated {
        attributes: defeats(repo)?,
        temp_kept_by: super::temp_kept_by(repo),
    };
    Ok(report)
}

/// The text of a `.gitattributes`/`.gitignore` that `--setup` may add to (empty when it does
/// not exist); refused when the repository made it a link, or it is not a regular file.
fn read_setup_file(path: &Path) -> Result<String, GitError> {
    let linked = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if linked {
        return Err(GitError::LinkedFile {
            path: path.to_path_buf(),
        });
    }
    match read_no_follow(path, MAX_SETUP_FILE) {
        Ok(text) => Ok(text.unwrap_or_default()),
        Err(e) => Err(setup_io(path, e)),
    }
}

/// A link put in place between the check and the write is refused by `O_NOFOLLOW` (`ELOOP`).
fn setup_io(path: &Path, e: std::io::Error) -> GitError {
    if e.raw_os_error() == Some(libc::ELOOP) {
        GitError::LinkedFile {
            path: path.to_path_buf(),
        }
    } else {
        GitError::SetupFile {
            path: path.to_path_buf(),
            error: e,
        }
    }
}

/// Appends each of `lines` missing from `text` (the file's content) to the file at `path`,
/// creating it, never through a link; true when it wrote.
fn append_missing(path: &Path, text: &str, lines: &[&str]) -> std::io::Result<bool> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let missing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !text.lines().any(|have| have.trim() == *l))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut out = String::new();
    if !text.is_empty() && !text.ends_with('\n') {
        out.push('\n');
    }
    for line in missing {
        out.push_str(line);
        out.push('\n');
    }
    let mut file = fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o644)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    file.write_all(out.as_bytes())?;
    Ok(true)
}

/// `merge.briefing.driver` for this program: its absolute path, quoted for the shell git uses,
/// with each `%` doubled so that git does not read it as one of its `%O %A %B %P`.
pub(crate) fn driver_command(exe: &Path) -> String {
    let path = exe.to_string_lossy();
    let quoted = path.replace('\'', "'\\''").replace('%', "%%");
    format!("'{quoted}' merge-driver %O %A %B %P")
}

/// The program of a driver command [`driver_command`] made; `None` for any other command.
pub(super) fn driver_program(command: &str) -> Option<String> {
    let rest = command.strip_prefix('\'')?;
    let mut program = String::new();
    let mut chars = rest.chars().peekable();
    loop {
        match chars.next()? {
            '\'' if chars.peek().is_none() => return None,
            '\'' => {
                if rest_is(&mut chars, "\\''") {
                    program.push('\'');
                } else {
                    break;
                }
            }
            '%' if chars.peek() == Some(&'%') => {
                chars.next();
                program.push('%');
            }
            c => program.push(c),
        }
    }
    let tail: String = chars.collect();
    tail.starts_with(" merge-driver ").then_some(program)
}

/// Whether `chars` go on with `expected`, which is then taken.
fn rest_is(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, expected: &str) -> bool {
    let ahead: String = chars.clone().take(expected.chars().count()).collect();
    if ahead == expected {
        for _ in 0..expected.chars().count() {
            chars.next();
        }
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_driver_command_keeps_any_path_whole() {
        for path in [
            "/usr/bin/briefing",
            "/opt/100%O ok/it's/briefing",
            "/a%%b/%P",
        ] {
            let command = driver_command(Path::new(path));
            assert_eq!(driver_program(&command).as_deref(), Some(path), "{command}");
        }
        assert_eq!(
            driver_command(Path::new("/opt/100%O/briefing")),
            "'/opt/100%%O/briefing' merge-driver %O %A %B %P"
        );
        assert_eq!(driver_program("cat %A"), None);
    }
}
