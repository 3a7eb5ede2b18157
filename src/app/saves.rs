//! Check-offs under way: a toggle shows at once and asks for a save (un-checking asks first);
//! the save's result confirms it with what was written, or puts the directive back as it was;
//! the file read again after the save replaces its session, so our own save needs no reload.
//! `u` undoes the last check-off or un-check, and the file gets back what it had.
//! A progress entry (the `p` form) is shown once the file has it, with the time and person
//! the saver stamped; `u` takes exactly that entry out again.

use super::{
    App, Effect, NewEntry, Notice, Overlay, ProgressChange, ProgressRequest, Recorded, SaveRequest,
};
use crate::model::progress::Snapshot;
use crate::model::{Directive, DirectiveKey, DirectiveRef, Followed, Session};
use crate::screens::Ctx;
use crate::screens::overlay::{Confirm, ProgressForm};
use crate::store::write::Appended;
use crate::store::write::{Change, WriteError};

/// The directive `id` of session `session_id`, to be changed: the session's share of the
/// report is forgotten, to be counted again.
fn directive_mut<'c>(ctx: &'c mut Ctx, session_id: &str, id: &str) -> Option<&'c mut Directive> {
    let session = (ctx.catalog.sessions.iter_mut()).find(|s| s.id == session_id)?;
    let r = session.find_directive(id)?;
    ctx.tallies.forget(session_id);
    session.directive_mut(r)
}

/// The directive or locality's proposal `id` of session `session_id`, to be changed (what a
/// progress entry is written to): the session's share of the report is forgotten, to be
/// counted again.
fn followed_mut<'c>(ctx: &'c mut Ctx, session_id: &str, id: &str) -> Option<&'c mut dyn Followed> {
    let session = (ctx.catalog.sessions.iter_mut()).find(|s| s.id == session_id)?;
    let found = session.followed(id).is_some();
    if found {
        ctx.tallies.forget(session_id);
    }
    session.followed_mut(id)
}

/// The directive or locality's proposal named by `key` in `sessions`.
fn followed<'s>(sessions: &'s [Session], key: &DirectiveKey) -> Option<&'s dyn Followed> {
    let session = sessions.iter().find(|s| s.id == key.session)?;
    session.followed(&key.directive)
}

/// The directive named by `key` in `sessions`.
fn directive<'s>(sessions: &'s [Session], key: &DirectiveKey) -> Option<&'s Directive> {
    let session = sessions.iter().find(|s| s.id == key.session)?;
    session.directive(session.find_directive(&key.directive)?)
}

/// `session` with every directive open, unstamped and without a progress log, and every
/// proposal without a log.
fn without_checkoffs(session: &Session) -> Session {
    let mut s = session.clone();
    let proposing = (s.districts.iter_mut()).filter(|l| !l.more.proposals.is_empty());
    for p in proposing.flat_map(|l| l.more.proposals.iter_mut()) {
        p.progress.clear();
    }
    let refs: Vec<DirectiveRef> = s.directives_with_refs().map(|(r, _)| r).collect();
    for r in refs {
        if let Some(d) = s.directive_mut(r) {
            d.done = false;
            d.more.done_at = None;
            d.more.done_by = None;
            d.more.progress.clear();
        }
    }
    s
}

/// A check-off, un-check or progress entry that `u` can undo: which directive (or proposal),
/// its follow-up before, and the entry appended (for a progress entry).
#[derive(Debug)]
pub(super) struct Undoable {
    session_id: String,
    directive_id: String,
    before: Snapshot,
    entry: Option<Appended>,
}

/// A progress entry being written or taken out: the directive as shown before (to put back
/// if it fails), and for an undo the entry `u` took (to give back).
#[derive(Debug)]
pub(super) struct Recording {
    request: ProgressRequest,
    shown: Snapshot,
    undone: Option<Undoable>,
}

/// How many check-offs `u` can undo, one after another.
const UNDO_DEPTH: usize = 100;

impl App {
    /// Checks a directive off at once; un-checking a done one asks first, naming who checked
    /// it off and when.
    pub(super) fn toggle(&mut self, key: DirectiveKey) -> Effect {
        let asked = directive(&self.ctx.catalog.sessions, &key).filter(|d| d.done);
        if let Some(asked) = asked {
            self.overlay = Some(Overlay::Confirm(Confirm::new(key, asked.clone())));
            return Effect::None;
        }
        self.flip(&key)
    }

    /// Un-checks the directive the question was about, if it is still there as it was asked
    /// about; else says the question was closed and changes nothing.
    pub(super) fn uncheck(&mut self, key: DirectiveKey) -> Effect {
        let holds = match self.overlay.take() {
            Some(Overlay::Confirm(question)) => {
                *question.key() == key && question.still_holds(&self.ctx)
            }
            _ => false,
        };
        if !holds {
            self.notice = Some(Notice::QuestionClosed);
            return Effect::None;
        }
        self.flip(&key)
    }

    /// Closes the un-check question when a reload moved, removed or changed its directive.
    pub(super) fn close_stale_question(&mut self) {
        if let Some(Overlay::Confirm(question)) = &self.overlay
            && !question.still_holds(&self.ctx)
        {
            self.overlay = None;
            self.notice = Some(Notice::QuestionClosed);
        }
    }

    /// Flips a directive at once and asks for it to be saved; remembers it for `u`.
    pub(super) fn flip(&mut self, key: &DirectiveKey) -> Effect {
        let user = self.user.clone();
        let Some(d) = directive_mut(&mut self.ctx, &key.session, &key.directive) else {
            return Effect::None;
        };
        let before = d.clone();
        d.done = !d.done;
        d.more.done_at = None;
        d.more.done_by = d.done.then(|| user.into());
        let request = SaveRequest {
            session_id: key.session.clone(),
            directive_id: key.directive.clone(),
            done: d.done,
            undo: false,
        };
        self.remember(Undoable {
            session_id: request.session_id.clone(),
            directive_id: request.directive_id.clone(),
            before: before.snapshot(),
            entry: None,
        });
        self.start_save(request, before)
    }

    fn remember(&mut self, undoable: Undoable) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(undoable);
    }

    fn start_save(&mut self, request: SaveRequest, before: Directive) -> Effect {
        self.pending.push((request.clone(), before));
        self.notice = Some(Notice::Saving);
        self.catalog_changed();
        self.refresh();
        Effect::Save(request)
    }

    /// Puts the directive of the last check-off or un-check back as it was, at once, and asks
    /// for the file to get back what it had.
    pub(super) fn undo(&mut self) -> Effect {
        let Some(last) = self.undo.last() else {
            self.notice = Some(Notice::NothingToUndo);
            return Effect::None;
        };
        let same = |session: &str, directive: &str| {
            session == last.session_id && directive == last.directive_id
        };
        let saving = (self.pending.iter()).any(|(r, _)| same(&r.session_id, &r.directive_id))
            || (self.recording.iter())
                .any(|r| same(&r.request.session_id, &r.request.directive_id));
        if saving {
            self.notice = Some(Notice::StillSaving);
            return Effect::None;
        }
        let Some(last) = self.undo.pop() else {
            return Effect::None;
        };
        if last.entry.is_some() {
            return self.take_out(last);
        }
        let Some(d) = directive_mut(&mut self.ctx, &last.session_id, &last.directive_id) else {
            self.notice = Some(Notice::NothingToUndo);
            return Effect::None;
        };
        let now = d.clone();
        d.restore(last.before);
        let request = SaveRequest {
            session_id: last.session_id,
            directive_id: last.directive_id,
            done: d.done,
            undo: true,
        };
        self.start_save(request, now)
    }

    /// Confirms a toggled directive with what was written, or puts it back as it was. A
    /// later toggle of the same directive still under way wins.
    pub(super) fn saved(&mut self, request: SaveRequest, result: Result<Change, WriteError>) {
        let before = (self.pending.iter())
            .position(|(r, _)| *r == request)
            .map(|i| self.pending.remove(i).1);
        if result.is_err() {
            self.undo_failed(&request);
        }
        let superseded = self.pending.iter().any(|(r, _)| {
            r.session_id == request.session_id && r.directive_id == request.directive_id
        });
        let directive = directive_mut(&mut self.ctx, &request.session_id, &request.directive_id)
            .filter(|_| !superseded);
        self.notice = Some(match result {
            Ok(Change::Done { at, by }) => {
                if let Some(d) = directive {
                    d.done = true;
                    d.more.done_at = Some(at);
                    d.more.done_by = Some(by.as_str().into());
                }
                if request.undo {
                    Notice::Restored
                } else {
                    Notice::CheckedOff { by, at }
                }
            }
            Ok(Change::Undone | Change::Reopened { .. }) => {
                if let Some(d) = directive {
                    d.done = false;
                    d.more.done_at = None;
                    d.more.done_by = None;
                }
                if request.undo {
                    Notice::Restored
                } else {
                    Notice::Unchecked
                }
            }
            // The directive was shown as it was before at once; the file now says so too.
            Ok(Change::Restore(_) | Change::Withdraw(_)) => Notice::Restored,
            // A progress entry (version 3) is shown from the file read again after the save.
            Ok(Change::Progress(entry)) => match entry.state {
                Some(crate::model::State::Done) => Notice::CheckedOff {
                    by: entry.by.to_string(),
                    at: entry.at,
                },
                _ => Notice::Unchecked,
            },
            Err(e) => {
                if let (Some(d), Some(before)) = (directive, before) {
                    *d = before;
                }
                Notice::NotSaved(e)
            }
        });
        self.catalog_changed();
    }

    /// A check-off that could not be saved cannot be undone: the latest entry for its
    /// directive goes. An undo that could not be saved can be tried again: it comes back.
    fn undo_failed(&mut self, request: &SaveRequest) {
        let same = |u: &Undoable| {
            u.session_id == request.session_id && u.directive_id == request.directive_id
        };
        if !request.undo {
            if let Some(i) = self.undo.iter().rposition(same) {
                self.undo.remove(i);
            }
            return;
        }
        let sessions = &self.ctx.catalog.sessions;
        if let Some(s) = sessions.iter().find(|s| s.id == request.session_id)
            && let Some(r) = s.find_directive(&request.directive_id)
            && let Some(d) = s.directive(r)
        {
            self.undo.push(Undoable {
                session_id: request.session_id.clone(),
                directive_id: request.directive_id.clone(),
                before: d.snapshot(),
                entry: None,
            });
        }
    }

    /// Takes a session's file as read after our save. Only check-offs differing (someone
    /// else's, made meanwhile, kept by our write), it replaces the session; anything else
    /// changed (a text the index holds, the date that orders the list), the folder is
    /// reloaded.
    pub(super) fn reread(&mut self, session: Session) -> Effect {
        let Some(old) = (self.ctx.catalog.sessions.iter_mut()).find(|s| s.id == session.id) else {
            return Effect::Reload;
        };
        if without_checkoffs(old) != without_checkoffs(&session) {
            return Effect::Reload;
        }
        *old = session;
        self.ctx.tallies.forget(&old.id);
        self.reapply_pending();
        self.catalog_changed();
        self.refresh();
        Effect::None
    }

    /// Shows the toggles still being saved on freshly loaded data.
    pub(super) fn reapply_pending(&mut self) {
        for (request, _) in &self.pending {
            if let Some(d) =
                directive_mut(&mut self.ctx, &request.session_id, &request.directive_id)
                && d.done != request.done
            {
                d.done = request.done;
                d.more.done_at = None;
                d.more.done_by = request.done.then(|| self.user.as_str().into());
            }
        }
    }
}

impl App {
    /// Opens the progress form of a directive or a proposal, its current state chosen.
    pub(super) fn open_progress(&mut self, key: DirectiveKey) {
        if let Some(d) = followed(&self.ctx.catalog.sessions, &key) {
            let state = d.state();
            self.overlay = Some(Overlay::Progress(ProgressForm::new(key, state)));
        }
    }

    /// Closes the form and asks for its entry to be appended to the directive's file; the
    /// directive shows it once the file has it.
    pub(super) fn record(&mut self, key: DirectiveKey, entry: NewEntry) -> Effect {
        self.overlay = None;
        let Some(shown) = followed(&self.ctx.catalog.sessions, &key).map(|d| d.snapshot()) else {
            self.notice = Some(Notice::SessionGone);
            return Effect::None;
        };
        let request = ProgressRequest {
            session_id: key.session,
            directive_id: key.directive,
            change: ProgressChange::Add(entry),
        };
        self.recording.push(Recording {
            request: request.clone(),
            shown,
            undone: None,
        });
        self.notice = Some(Notice::Saving);
        Effect::Record(request)
    }

    /// `u` on a progress entry: the directive is shown as it was before it at once, and the
    /// file is asked to lose exactly that entry.
    fn take_out(&mut self, last: Undoable) -> Effect {
        let (Some(entry), Some(d)) = (
            last.entry.clone(),
            followed_mut(&mut self.ctx, &last.session_id, &last.directive_id),
        ) else {
            self.notice = Some(Notice::NothingToUndo);
            return Effect::None;
        };
        let shown = d.snapshot();
        d.restore(last.before.clone());
        let request = ProgressRequest {
            session_id: last.session_id.clone(),
            directive_id: last.directive_id.clone(),
            change: ProgressChange::Remove(entry),
        };
        self.recording.push(Recording {
            request: request.clone(),
            shown,
            undone: Some(last),
        });
        self.notice = Some(Notice::Saving);
        self.catalog_changed();
        self.refresh();
        Effect::Record(request)
    }

    /// A progress write finished: an entry written is shown and can be undone; one taken
    /// out stays out. On failure the directive is shown as before, the form opens again with
    /// what was typed, or the undo can be tried again.
    pub(super) fn recorded(
        &mut self,
        request: ProgressRequest,
        result: Result<Recorded, super::WriteError>,
    ) {
        let Some(i) = self.recording.iter().position(|r| r.request == request) else {
            return;
        };
        let recording = self.recording.remove(i);
        let d = followed_mut(&mut self.ctx, &request.session_id, &request.directive_id);
        self.notice = Some(match (result, d) {
            (Ok(Recorded::Added { entry, undo }), d) => {
                let notice = Notice::Recorded {
                    state: entry.state,
                    percent: entry.percent,
                };
                if let Some(d) = d {
                    let before = d.snapshot();
                    d.log_mut().push(entry);
                    d.settle();
                    if undo.is_some() {
                        self.remember(Undoable {
                            session_id: request.session_id,
                            directive_id: request.directive_id,
                            before,
                            entry: undo,
                        });
                    }
                }
                notice
            }
            (Ok(Recorded::Removed), _) => Notice::Restored,
            (Err(e), d) => {
                if let Some(d) = d {
                    d.restore(recording.shown);
                }
                self.failed_to_record(&request, recording.undone);
                Notice::ProgressNotSaved(e)
            }
        });
        self.catalog_changed();
        self.refresh();
    }

    /// After a failed write: the form again with what was asked (when nothing else is open),
    /// or the undo back on the stack.
    fn failed_to_record(&mut self, request: &ProgressRequest, undone: Option<Undoable>) {
        match &request.change {
            ProgressChange::Add(asked) => {
                let key = DirectiveKey {
                    session: request.session_id.clone(),
                    directive: request.directive_id.clone(),
                };
                let current = followed(&self.ctx.catalog.sessions, &key).map(|d| d.state());
                if let (None, Some(current)) = (&self.overlay, current) {
                    let form = ProgressForm::again(key, current, asked);
                    self.overlay = Some(Overlay::Progress(form));
                }
            }
            ProgressChange::Remove(_) => {
                if let Some(undone) = undone {
                    self.remember(undone);
                }
            }
        }
    }
}
