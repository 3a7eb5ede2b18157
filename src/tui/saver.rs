//! The saver thread: writes check-offs, progress entries and their undos one after another,
//! then reads the file again.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;

use super::Msg;
use super::load::LoadRequest;
use crate::app::{Action, ProgressChange, ProgressRequest, Recorded, SaveRequest};
use crate::model::{DirectiveKey, Session};
use crate::store;
use crate::store::write::{self, Change, WriteError, WriteOptions, Writer};
use crate::watch::OwnWrites;

/// What the saver thread needs.
pub(super) struct Saver {
    pub(super) dir: PathBuf,
    /// Who checks directives off.
    pub(super) user: String,
    pub(super) opts: WriteOptions,
    pub(super) limits: store::Limits,
    /// Where the saver leaves each file it wrote, for the watcher to leave alone.
    pub(super) own: OwnWrites,
    /// For each directive (session and directive id), what undoes each of our writes, the
    /// latest last: its check-off keys as they were, or the progress entry to take out.
    pub(super) before: HashMap<(String, String), Vec<Change>>,
}

impl Saver {
    /// Writes one check-off, or an undo; then reads the file again, so the app shows what it
    /// holds now (an edit someone made meanwhile included) without reloading the folder. The
    /// file's session as read again, or (when it no longer loads) what the loader must read.
    fn save(
        &mut self,
        writer: &Writer,
        request: &SaveRequest,
    ) -> (
        Result<Change, WriteError>,
        Result<Box<Session>, LoadRequest>,
    ) {
        let (session, directive) = (&request.session_id, &request.directive_id);
        let key = (session.clone(), directive.clone());
        let change = self.change(request, &key);
        let rel = store::files::rel_of(session);
        let path = self.dir.join(&rel);
        let saving = self.own.saving(&path);
        let result = writer.write(&self.dir, session, directive, &change);
        match &result {
            Ok(written) => {
                saving.written();
                if let (false, Some(undo)) = (request.undo, &written.undo) {
                    self.before.entry(key).or_default().push(undo.clone());
                }
            }
            Err(_) if matches!(change, Change::Restore(_) | Change::Withdraw(_)) => {
                self.before.entry(key).or_default().push(change.clone());
            }
            Err(_) => {}
        }
        let after = match store::load_file_with(&self.dir, &rel, &self.limits).session {
            Some(session) => Ok(Box::new(session)),
            None => Err(LoadRequest::Paths(vec![self.dir.join(&rel)])),
        };
        (result.map(|_| change), after)
    }

    /// What to write: a check-off or an un-check stamped now, or for an undo what puts the
    /// file back as it was before our last write of the directive (as the request's state says
    /// when that write is not known, e.g. its file could not be read before it).
    fn change(&mut self, request: &SaveRequest, key: &(String, String)) -> Change {
        let remembered = request
            .undo
            .then(|| self.before.get_mut(key).and_then(Vec::pop))
            .flatten();
        match remembered {
            Some(undo) => undo,
            None if request.done => Change::Done {
                at: write::now_local(),
                by: self.user.clone(),
            },
            None => Change::Reopened {
                at: write::now_local(),
                by: self.user.clone(),
            },
        }
    }
}

impl Saver {
    /// Appends a progress entry stamped now by the user, or takes one out again; then reads
    /// the file again, as `save` does.
    fn record(
        &self,
        writer: &Writer,
        request: &ProgressRequest,
    ) -> (
        Result<Recorded, WriteError>,
        Result<Box<Session>, LoadRequest>,
    ) {
        let key = DirectiveKey {
            session: request.session_id.clone(),
            directive: request.directive_id.clone(),
        };
        let rel = store::files::rel_of(&key.session);
        let saving = self.own.saving(&self.dir.join(&rel));
        let result = match &request.change {
            ProgressChange::Add(new) => {
                let entry = new
                    .clone()
                    .stamped(write::now_local(), self.user.as_str().into());
                let change = Change::Progress(entry.clone());
                (writer.write(&self.dir, &key.session, &key.directive, &change)).map(|written| {
                    match written.undo {
                        Some(Change::Withdraw(appended)) => Recorded::Added {
                            entry: appended.entry.clone(),
                            undo: Some(appended),
                        },
                        _ => Recorded::Added { entry, undo: None },
                    }
                })
            }
            ProgressChange::Remove(appended) => {
                let change = Change::Withdraw(appended.clone());
                (writer.write(&self.dir, &key.session, &key.directive, &change))
                    .map(|_| Recorded::Removed)
            }
        };
        if result.is_ok() {
            saving.written();
        }
        let after = match store::load_file_with(&self.dir, &rel, &self.limits).session {
            Some(session) => Ok(Box::new(session)),
            None => Err(LoadRequest::Paths(vec![self.dir.join(&rel)])),
        };
        (result, after)
    }
}

/// What the saver thread writes: a check-off (or its undo), or a progress entry (or its undo).
pub(super) enum Job {
    Mark(SaveRequest),
    Progress(ProgressRequest),
}

/// Writes check-offs and progress entries one after another, in the order they were asked
/// for; a file that no longer loads after the save is the loader's to read.
pub(super) fn spawn_saver(
    tx: mpsc::Sender<Msg>,
    loader: mpsc::Sender<LoadRequest>,
    mut saver: Saver,
) -> mpsc::Sender<Job> {
    let (requests, rx) = mpsc::channel::<Job>();
    thread::spawn(move || {
        let writer = Writer::new(saver.opts.clone());
        for job in rx {
            let (action, saved, after) = match job {
                Job::Mark(request) => {
                    let (result, after) = saver.save(&writer, &request);
                    let saved = result.is_ok();
                    (Action::Saved { request, result }, saved, after)
                }
                Job::Progress(request) => {
                    let (result, after) = saver.record(&writer, &request);
                    let saved = result.is_ok();
                    let (request, result) = (Box::new(request), Box::new(result));
                    (Action::Recorded { request, result }, saved, after)
                }
            };
            if tx.send(Msg::App(action)).is_err() {
                break;
            }
            let sent = match (saved, after) {
                (false, _) => true,
                (true, Ok(session)) => tx.send(Msg::App(Action::Reread(session))).is_ok(),
                (true, Err(read)) => loader.send(read).is_ok(),
            };
            if !sent {
                break;
            }
        }
    });
    requests
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A saver on a copy of the sample, with the copy's file.
    fn saver_on_sample() -> (tempfile::TempDir, PathBuf, Saver) {
        let tmp = tempfile::tempdir().expect("tmp");
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("briefings/2024/2024-03-13-hai-ha-dam-ha.toml");
        std::fs::create_dir(tmp.path().join("2024")).expect("mkdir");
        let file = tmp.path().join("2024/2024-03-13-hai-ha-dam-ha.toml");
        std::fs::copy(sample, &file).expect("copy");
        let saver = Saver {
            dir: tmp.path().to_path_buf(),
            user: "lan".into(),
            opts: WriteOptions::default(),
            limits: store::Limits::default(),
            own: OwnWrites::default(),
            before: HashMap::new(),
        };
        (tmp, file, saver)
    }

    fn request(directive: &str, done: bool, undo: bool) -> SaveRequest {
        SaveRequest {
            session_id: "2024/2024-03-13-hai-ha-dam-ha".into(),
            directive_id: directive.into(),
            done,
            undo,
        }
    }

    /// Undo gives the file back its bytes: after a check-off, after an un-check of a directive
    /// someone else checked off, and after several check-offs undone in turn.
    #[test]
    fn an_undo_gives_the_file_back_its_bytes() {
        let (_tmp, file, mut saver) = saver_on_sample();
        let writer = Writer::new(WriteOptions::default());
        let original = std::fs::read(&file).expect("read");
        let (done, _) = saver.save(&writer, &request("dh-khong-ma-tuy", true, false));
        assert!(matches!(done, Ok(Change::Done { .. })), "{done:?}");
        let (second, _) = saver.save(&writer, &request("hh-ma-tuy", true, false));
        assert!(second.is_ok());
        assert_ne!(std::fs::read(&file).expect("read"), original);
        let (undone, _) = saver.save(&writer, &request("hh-ma-tuy", false, true));
        assert!(matches!(undone, Ok(Change::Restore(_))), "{undone:?}");
        let (undone, _) = saver.save(&writer, &request("dh-khong-ma-tuy", false, true));
        assert!(undone.is_ok());
        assert_eq!(std::fs::read(&file).expect("read"), original);

        let text = String::from_utf8(original).expect("utf-8").replace(
            "id = \"chung-nguon-nhan-luc\"\n",
            "id = \"chung-nguon-nhan-luc\"\ndone = true # họp giao ban\ndone_at = 2024-03-20T09:15:00+07:00\ndone_by = \"thu.ky\"\n",
        );
        std::fs::write(&file, &text).expect("write");
        let (unchecked, _) = saver.save(&writer, &request("chung-nguon-nhan-luc", false, false));
        assert!(
            matches!(unchecked, Ok(Change::Reopened { .. })),
            "{unchecked:?}"
        );
        assert_ne!(std::fs::read_to_string(&file).expect("read"), text);
        let (undone, _) = saver.save(&writer, &request("chung-nguon-nhan-luc", true, true));
        assert!(undone.is_ok());
        assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
    }

    /// In a version 3 file a check-off and an un-check are entries of the progress log, and
    /// `u` takes each out again: the file gets back its bytes there too.
    #[test]
    fn in_a_v3_file_an_undo_takes_the_entry_out_again() {
        let (_tmp, file, mut saver) = saver_on_sample();
        let writer = Writer::new(WriteOptions::default());
        let text =
            std::fs::read_to_string(&file)
                .expect("read")
                .replacen("version = 2", "version = 3", 1);
        std::fs::write(&file, &text).expect("write");
        let (done, _) = saver.save(&writer, &request("hh-ma-tuy", true, false));
        assert!(matches!(done, Ok(Change::Done { .. })), "{done:?}");
        let checked = std::fs::read_to_string(&file).expect("read");
        assert!(
            checked.contains("by = \"lan\"\nstate = \"done\""),
            "{checked}"
        );
        assert_eq!(
            checked.matches("[[district.directive.progress]]").count(),
            1
        );
        let (unchecked, _) = saver.save(&writer, &request("hh-ma-tuy", false, false));
        assert!(unchecked.is_ok(), "{unchecked:?}");
        assert!(
            std::fs::read_to_string(&file)
                .expect("read")
                .contains("state = \"open\"")
        );
        let (undone, _) = saver.save(&writer, &request("hh-ma-tuy", true, true));
        assert!(matches!(undone, Ok(Change::Withdraw(_))), "{undone:?}");
        assert_eq!(std::fs::read_to_string(&file).expect("read"), checked);
        let (undone, _) = saver.save(&writer, &request("hh-ma-tuy", false, true));
        assert!(matches!(undone, Ok(Change::Withdraw(_))), "{undone:?}");
        assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
    }
}
