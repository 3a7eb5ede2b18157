//! Check-offs under way: a toggle shows at once and asks for a save; the save's result
//! confirms it with what was written, or puts the directive back as it was; the file read
//! again after the save replaces its session, so our own save needs no reload.

use super::{App, Effect, Notice, SaveRequest};
use crate::model::{Directive, DirectiveRef, Session};
use crate::store::write::{Change, WriteError};

/// The directive `id` of session `session_id` in `sessions`.
fn directive_mut<'s>(
    sessions: &'s mut [Session],
    session_id: &str,
    id: &str,
) -> Option<&'s mut Directive> {
    let session = sessions.iter_mut().find(|s| s.id == session_id)?;
    let r = session.find_directive(id)?;
    session.directive_mut(r)
}

/// `session` with every directive open and unstamped.
fn without_checkoffs(session: &Session) -> Session {
    let mut s = session.clone();
    let refs: Vec<DirectiveRef> = s.directives_with_refs().map(|(r, _)| r).collect();
    for r in refs {
        if let Some(d) = s.directive_mut(r) {
            d.done = false;
            d.done_at = None;
            d.done_by = None;
        }
    }
    s
}

impl App {
    /// Flips a directive at once and asks for it to be saved.
    pub(super) fn toggle(&mut self, session_id: &str, r: DirectiveRef) -> Effect {
        let user = self.user.clone();
        let sessions = &mut self.ctx.catalog.sessions;
        let Some(d) =
            (sessions.iter_mut().find(|s| s.id == session_id)).and_then(|s| s.directive_mut(r))
        else {
            return Effect::None;
        };
        let before = d.clone();
        d.done = !d.done;
        d.done_at = None;
        d.done_by = d.done.then_some(user);
        let request = SaveRequest {
            session_id: session_id.to_string(),
            directive_id: d.id.clone(),
            done: d.done,
        };
        self.pending.push((request.clone(), before));
        self.notice = Some(Notice::Saving);
        self.catalog_changed();
        self.refresh();
        Effect::Save(request)
    }

    /// Confirms a toggled directive with what was written, or puts it back as it was. A
    /// later toggle of the same directive still under way wins.
    pub(super) fn saved(&mut self, request: SaveRequest, result: Result<Change, WriteError>) {
        let before = (self.pending.iter())
            .position(|(r, _)| *r == request)
            .map(|i| self.pending.remove(i).1);
        let superseded = self.pending.iter().any(|(r, _)| {
            r.session_id == request.session_id && r.directive_id == request.directive_id
        });
        let sessions = &mut self.ctx.catalog.sessions;
        let directive = directive_mut(sessions, &request.session_id, &request.directive_id)
            .filter(|_| !superseded);
        self.notice = Some(match result {
            Ok(Change::Done { at, by }) => {
                if let Some(d) = directive {
                    d.done = true;
                    d.done_at = Some(at);
                    d.done_by = Some(by.clone());
                }
                Notice::CheckedOff { by, at }
            }
            Ok(Change::Undone) => {
                if let Some(d) = directive {
                    d.done = false;
                    d.done_at = None;
                    d.done_by = None;
                }
                Notice::Unchecked
            }
            Err(e) => {
                if let (Some(d), Some(before)) = (directive, before) {
                    *d = before;
                }
                Notice::NotSaved(e)
            }
        });
        self.catalog_changed();
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
        self.reapply_pending();
        self.catalog_changed();
        self.refresh();
        Effect::None
    }

    /// Shows the toggles still being saved on freshly loaded data.
    pub(super) fn reapply_pending(&mut self) {
        for (request, _) in &self.pending {
            let sessions = &mut self.ctx.catalog.sessions;
            if let Some(d) = directive_mut(sessions, &request.session_id, &request.directive_id)
                && d.done != request.done
            {
                d.done = request.done;
                d.done_at = None;
                d.done_by = request.done.then(|| self.user.clone());
            }
        }
    }
}
