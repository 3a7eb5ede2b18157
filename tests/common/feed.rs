//! The one way the interface tests give the app a folder: the loader's own first load, run
//! here rather than on its thread, each part (or the failure) reaching `App::update` as the
//! same `Action::Changed` the interface's loader sends.

use std::path::{Path, PathBuf};

use briefing::api::app::{Action, App};
use briefing::api::load::first_load;
use briefing::api::store::{Folder, Limits};

/// Gives `app` the folder `dir` as the interface's loader gives it its folder. Whatever the
/// app showed before and `dir` lacks is gone, as the loader's walk finds it once a folder's
/// files are replaced by those of `dir`.
pub(crate) fn load(app: &mut App, dir: &Path) {
    feed(app, dir, false);
}

/// As [`load`], for a folder in a git work tree (its check-off history can be shown).
pub(crate) fn load_shared(app: &mut App, dir: &Path) {
    feed(app, dir, true);
}

fn feed(app: &mut App, dir: &Path, shared: bool) {
    let mut gone = Some(shown(app));
    let mut folder = Folder::new(dir, Limits::default());
    first_load(
        &mut folder,
        Default::default(),
        || shared,
        |mut action| {
            if let (Some(gone), Action::Changed(changed)) = (gone.take(), &mut action)
                && let Ok(changed) = changed.as_mut()
            {
                changed.changes.gone.extend(gone);
            }
            app.update(action);
            true
        },
    );
}

/// The files of what the app shows: its sessions' and its problems'.
fn shown(app: &App) -> Vec<PathBuf> {
    let catalog = app.catalog();
    let sessions = (catalog.sessions.iter()).map(|s| PathBuf::from(format!("{}.toml", s.id)));
    let problems = (catalog.diagnostics.iter()).map(|d| PathBuf::from(&d.path));
    sessions.chain(problems).collect()
}
