//! `e`: the terminal handed to the person's editor (`$VISUAL`, `$EDITOR`, else `vi`) at the
//! selected item's line, and taken back when it exits; the input thread keeps off the terminal
//! meanwhile.

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};

use super::Term;
use crate::app::{EditError, EditRequest};
use crate::diag::OsError;
use crate::store::{files, place, write};

/// The editor used when neither `VISUAL` nor `EDITOR` names one.
const FALLBACK_EDITOR: &str = "vi";

/// Held by whoever reads the terminal: the input thread while it reads keys, the shell while
/// an editor runs (which it also says, for the signal thread).
#[derive(Clone, Default)]
pub(super) struct Gate {
    lock: Arc<Mutex<()>>,
    editing: Arc<AtomicBool>,
}

impl Gate {
    pub(super) fn hold(&self) -> MutexGuard<'_, ()> {
        self.lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether an editor has the terminal now.
    pub(super) fn editing(&self) -> bool {
        self.editing.load(Ordering::SeqCst)
    }
}

/// The terminal held for an editor: keys are not read meanwhile, and the signal thread knows.
struct ForEditor<'g> {
    _held: MutexGuard<'g, ()>,
    gate: &'g Gate,
}

impl<'g> ForEditor<'g> {
    fn take(gate: &'g Gate) -> Self {
        let held = gate.hold();
        gate.editing.store(true, Ordering::SeqCst);
        ForEditor { _held: held, gate }
    }
}

impl Drop for ForEditor<'_> {
    fn drop(&mut self) {
        self.gate.editing.store(false, Ordering::SeqCst);
    }
}

/// What an edit needs from the shell.
pub(super) struct Editing {
    pub(super) dir: PathBuf,
    pub(super) mouse: bool,
    pub(super) gate: Gate,
}

/// The editor's command as the environment names it: `VISUAL`, else `EDITOR`, else `vi`.
fn editor_command(env: impl Fn(&str) -> Option<String>) -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|name| env(name).filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| FALLBACK_EDITOR.to_string())
}

/// Opens the file of `request` in the editor at the item's line and waits for it, the terminal
/// handed over meanwhile; the file as shown (its path below the folder), and the path to read
/// again when the editor ran.
pub(super) fn edit(
    term: &mut Term,
    editing: &Editing,
    request: &EditRequest,
) -> (Result<String, EditError>, Option<PathBuf>) {
    let shown = files::file_of(&request.session_id);
    let path = match write::editable(&editing.dir, &files::rel_of(&request.session_id)) {
        Ok(path) => path,
        Err(e) => return (Err(EditError::Refused(e)), None),
    };
    let line = std::fs::read_to_string(&path)
        .map(|text| place::line_of(&text, &request.spot))
        .unwrap_or(1);
    let editor = editor_command(|name| std::env::var(name).ok());
    let status = {
        let _held = ForEditor::take(&editing.gate);
        hand_over(term, editing.mouse);
        let status = run_editor(&editor, line, &path);
        take_back(term, editing.mouse);
        status
    };
    let result = match status {
        Ok(status) if status.success() => Ok(shown),
        Ok(status) => Err(EditError::Failed {
            editor,
            status: status.code(),
        }),
        Err(e) => Err(EditError::NotStarted {
            editor,
            error: OsError::from(&e),
        }),
    };
    (result, Some(path))
}

/// Leaves the alternate screen, raw mode and the mouse, as the terminal was before the app.
fn hand_over(term: &mut Term, mouse: bool) {
    let _ = term.backend_mut().writer_mut().commit();
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
}

/// Takes the terminal back as `setup` left it, and has the next frame drawn whole.
fn take_back(term: &mut Term, mouse: bool) {
    let _ = terminal::enable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, EnterAlternateScreen, cursor::Hide);
    if mouse {
        let _ = execute!(out, EnableMouseCapture);
    }
    let _ = term.clear();
}

/// Runs `editor +LINE PATH` through `sh`, as git runs its editor (so `EDITOR="code -w"` works),
/// on the terminal, and waits for it.
fn run_editor(editor: &str, line: usize, path: &Path) -> io::Result<std::process::ExitStatus> {
    let mut command = Command::new("/bin/sh");
    command
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .arg(format!("+{line}"))
        .arg(OsString::from(path.as_os_str()));
    if !io::stdin().is_terminal()
        && let Ok(tty) = std::fs::File::open("/dev/tty")
    {
        command.stdin(Stdio::from(tty));
    }
    command.status()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_before_editor_before_vi() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                (vars.iter())
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let both = env(&[("VISUAL", "nano"), ("EDITOR", "vim")]);
        assert_eq!(editor_command(both), "nano");
        assert_eq!(editor_command(env(&[("EDITOR", "emacs -nw")])), "emacs -nw");
        let blank = env(&[("VISUAL", " "), ("EDITOR", "")]);
        assert_eq!(editor_command(blank), "vi");
    }
}
