//! Loads that arrive in parts and changes of single files. The sessions of the first load
//! are shown as their files are read (the list says how far it is); search follows with the
//! last part, which brings the index built off the UI thread meanwhile. A change replaces just the sessions and index
//! entries of the files it read or lost. Whatever is replaced goes to the garbage, which the
//! shell frees on another thread so that no frame waits for it.

use super::{App, Away, Effect, Loading};
use crate::search::{Prepared, SearchIndex};
use crate::store::{Changes, FolderError};

/// Files read or gone, with the words of their sessions folded for search.
#[derive(Debug)]
pub struct Changed {
    pub changes: Changes,
    /// The sessions' words, folded off the UI thread (none while the first load builds the
    /// index itself).
    pub prepared: Vec<Prepared>,
    /// While the first load runs: how many files are read so far, and in all.
    pub reading: Option<(usize, usize)>,
    /// Whether the folder is in a git work tree, when looked at (with the first part).
    pub shared: Option<bool>,
    /// The first load's search index, with its last part.
    pub index: Option<Box<SearchIndex>>,
}

/// Data the app no longer needs, to be dropped where it costs no frame.
#[derive(Default)]
pub struct Garbage(Vec<Box<dyn Send>>);

impl Garbage {
    pub(super) fn keep<T: Send + 'static>(&mut self, old: T) {
        self.0.push(Box::new(old));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Garbage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Garbage({} items)", self.0.len())
    }
}

impl App {
    /// What the last updates replaced, for the caller to drop (on another thread).
    pub fn take_garbage(&mut self) -> Garbage {
        std::mem::take(&mut self.garbage)
    }

    /// Takes files read or gone, or the folder's failure: the first load, every reload and
    /// every change on disk come this way.
    pub(super) fn changed(&mut self, result: Result<Changed, FolderError>) -> Effect {
        match result {
            Ok(changed) => self.apply(changed),
            Err(e) => {
                self.ctx.loading = Loading::Failed(e);
                Effect::None
            }
        }
    }

    /// Takes files read or gone, keeping the user's place: their sessions replaced in the
    /// catalog and, once search is ready, in the index; screens find their sessions by id
    /// again, and those whose session is gone are dropped.
    fn apply(&mut self, changed: Changed) -> Effect {
        let Changed {
            changes,
            prepared,
            reading,
            shared,
            index,
        } = changed;
        if let Some(shared) = shared {
            self.ctx.shared = shared;
        }
        let listed = self.list.selected_session(&self.ctx).map(|s| s.id.clone());
        let ids = changes.ids();
        ids.iter().for_each(|id| self.ctx.tallies.forget(id));
        let old = self.ctx.catalog.apply(changes);
        self.garbage.keep(old);
        match (index, reading, &self.ctx.loading) {
            (Some(index), _, _) => self.indexed(*index),
            (None, Some((read, total)), _) => self.ctx.loading = Loading::Reading { read, total },
            (None, None, Loading::Reading { .. } | Loading::InProgress) => {}
            (None, None, _) if self.ctx.index_away => {
                self.queued.push((ids, prepared));
                self.ctx.loading = Loading::Done;
            }
            (None, None, _) => {
                let index = &mut self.ctx.index;
                index.update(
                    &self.ctx.catalog.sessions,
                    ids.iter().map(String::as_str),
                    prepared,
                );
                self.ctx.loading = Loading::Done;
            }
        }
        self.after_load(listed.as_deref());
        self.compact_if_due()
    }

    /// Sends the index away to be compacted once its dead records outnumber the living (a
    /// whole-folder change such as a pull rewriting every file, or a long day of edits):
    /// compacting ten thousand sessions would hold a frame for some 0.1 s.
    fn compact_if_due(&mut self) -> Effect {
        if self.ctx.index_away || !self.ctx.index.wants_compaction() {
            return Effect::None;
        }
        self.trips += 1;
        self.away = Some(self.trips);
        self.ctx.index_away = true;
        Effect::Compact(Away {
            index: Box::new(std::mem::take(&mut self.ctx.index)),
            trip: self.trips,
        })
    }

    /// Takes the index back, compacted, with the changes that came meanwhile; search runs
    /// again.
    pub(super) fn compacted(&mut self, away: Away) -> Effect {
        if self.away != Some(away.trip) {
            // A whole load replaced it meanwhile.
            self.garbage.keep(away.index);
            return Effect::None;
        }
        self.ctx.index = *away.index;
        self.ctx.index_away = false;
        self.away = None;
        for (ids, prepared) in std::mem::take(&mut self.queued) {
            let removed = ids.iter().map(String::as_str);
            self.ctx
                .index
                .update(&self.ctx.catalog.sessions, removed, prepared);
        }
        self.ctx.index.sync(&self.ctx.catalog.sessions);
        self.run_searches_again();
        self.compact_if_due()
    }

    /// Takes the first load's index: search is ready. An index away being compacted is older
    /// than this one: it is dropped when it comes back, and the changes waiting for it too.
    fn indexed(&mut self, mut index: SearchIndex) {
        index.sync(&self.ctx.catalog.sessions);
        self.garbage
            .keep(std::mem::replace(&mut self.ctx.index, index));
        self.ctx.index_away = false;
        self.away = None;
        self.queued.clear();
        self.ctx.loading = Loading::Done;
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crossterm::event::{KeyCode, KeyEvent};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::app::{Action, Options, Screen};
    use crate::input::Keymap;
    use crate::model::{Lang, Session};
    use crate::store::{self, FileReport};
    use crate::ui::theme::Theme;

    /// An app whose first load brought two sessions, `a` (Hải Hà) and `b` (Đầm Hà).
    fn loaded_two() -> App {
        let mut app = app();
        let first = vec![file("a", "Hải Hà"), file("b", "Đầm Hà")];
        let all = sessions(&first);
        app.update(part(first, Some((2, 2)), Some(&all)));
        app
    }

    fn app() -> App {
        let mut app = App::new(Options {
            dir: "briefings".into(),
            lang: Lang::En,
            today: chrono::NaiveDate::from_ymd_opt(2024, 3, 20).expect("day"),
            keymap: Keymap::default(),
            user: "lan".into(),
            mouse: false,
        });
        app.update(Action::Resize {
            width: 100,
            height: 20,
        });
        app
    }

    fn screen(app: &App) -> String {
        let mut term = Terminal::new(TestBackend::new(100, 20)).expect("term");
        term.draw(|f| app.draw(f, &Theme::default())).expect("draw");
        let buf = term.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The file `name.toml` holding a session titled `title`.
    fn file(name: &str, title: &str) -> (PathBuf, FileReport) {
        let text = format!("[session]\ntitle = \"{title}\"\ndate = 2024-03-13\n");
        let report = store::parse_file(text.as_bytes(), &format!("{name}.toml"), name);
        (PathBuf::from(format!("{name}.toml")), report)
    }

    /// A change reading `read`: a part of the first load while `reading`, its last part with
    /// the index of `all`; else a change on disk, with the words of its sessions folded.
    fn part(
        read: Vec<(PathBuf, FileReport)>,
        reading: Option<(usize, usize)>,
        all: Option<&[Session]>,
    ) -> Action {
        let prepared = match reading {
            Some(_) => Vec::new(),
            None => (read.iter())
                .filter_map(|(_, r)| r.session.as_ref().map(Prepared::new))
                .collect(),
        };
        Action::Changed(Box::new(Ok(Changed {
            changes: Changes {
                read,
                files: 3,
                ..Changes::default()
            },
            prepared,
            reading,
            shared: None,
            index: all.map(|sessions| Box::new(SearchIndex::build(sessions))),
        })))
    }

    /// A whole first load of the one file `name.toml` titled `title`, in place of every file
    /// the app shows.
    fn whole(app: &App, name: &str, title: &str) -> Action {
        let read = vec![file(name, title)];
        let all = sessions(&read);
        let Action::Changed(mut changed) = part(read, Some((1, 1)), Some(&all)) else {
            unreachable!("a part is a change");
        };
        if let Ok(changed) = changed.as_mut() {
            changed.changes.gone = (app.catalog().sessions.iter())
                .map(|s| PathBuf::from(format!("{}.toml", s.id)))
                .collect();
        }
        Action::Changed(changed)
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Key(KeyEvent::from(KeyCode::Char(c))));
        }
    }

    fn hits(app: &App) -> Vec<String> {
        match app.screen() {
            Some(Screen::Search(_)) => app.search_hits().into_iter().map(|h| h.text).collect(),
            _ => panic!("not searching"),
        }
    }

    fn sessions(files: &[(PathBuf, FileReport)]) -> Vec<Session> {
        files
            .iter()
            .filter_map(|(_, r)| r.session.clone())
            .collect()
    }

    #[test]
    fn the_list_shows_each_part_and_search_waits_for_its_index() {
        let mut app = app();
        let first = vec![file("c", "Hải Hà"), file("b", "Đầm Hà")];
        let mut all = sessions(&first);
        app.update(part(first, Some((2, 3)), None));
        let text = screen(&app);
        assert!(text.contains("Hải Hà") && text.contains("Đầm Hà"), "{text}");
        assert!(text.contains("loading 2/3…"), "{text}");
        app.update(Action::Key(KeyEvent::from(KeyCode::Char('/'))));
        type_text(&mut app, "ha");
        assert!(screen(&app).contains("Search is getting ready…"));
        let last = vec![file("a", "Móng Cái")];
        all.extend(sessions(&last));
        app.update(part(last, Some((3, 3)), Some(&all)));
        assert!(matches!(app.loading(), Loading::Done));
        assert_eq!(
            hits(&app),
            ["Đầm Hà", "Hải Hà"],
            "the query typed early runs"
        );
        assert!(!screen(&app).contains("getting ready"));
    }

    #[test]
    fn a_changed_file_replaces_its_session_and_its_search_entries_only() {
        let mut app = loaded_two();
        app.take_garbage();
        app.update(Action::Key(KeyEvent::from(KeyCode::Char('/'))));
        type_text(&mut app, "ha");
        app.update(part(vec![file("a", "Hạ Long")], None, None));
        assert_eq!(
            hits(&app),
            ["Hạ Long", "Đầm Hà"],
            "the search runs on the new text"
        );
        assert!(
            !app.take_garbage().is_empty(),
            "the old session is handed over"
        );
        let gone = Changes {
            gone: vec![PathBuf::from("b.toml")],
            files: 1,
            ..Changes::default()
        };
        app.update(Action::Changed(Box::new(Ok(Changed {
            changes: gone,
            prepared: Vec::new(),
            reading: None,
            shared: None,
            index: None,
        }))));
        assert_eq!(hits(&app), ["Hạ Long"]);
        assert_eq!(app.catalog().sessions.len(), 1);
    }

    /// A folder that cannot be read comes the same way, and says so.
    #[test]
    fn a_failed_folder_comes_as_a_change() {
        let mut app = app();
        let missing = FolderError::Missing(PathBuf::from("nowhere"));
        let effect = app.update(Action::Changed(Box::new(Err(missing))));
        assert_eq!(effect, Effect::None);
        assert!(matches!(
            app.loading(),
            Loading::Failed(FolderError::Missing(_))
        ));
        assert!(screen(&app).contains("nowhere"), "{}", screen(&app));
    }

    #[test]
    fn a_whole_load_hands_the_old_catalog_and_index_over() {
        let mut app = app();
        assert!(app.take_garbage().is_empty());
        app.update(whole(&app, "a", "Một"));
        app.take_garbage();
        app.update(whole(&app, "a", "Hai"));
        let garbage = app.take_garbage();
        assert_eq!(garbage.0.len(), 2, "the sessions and the index before");
        assert!(app.take_garbage().is_empty(), "taken once");
    }

    /// When more sessions were replaced than there are, the index goes to be compacted
    /// elsewhere: search says it is getting ready, a change that comes meanwhile waits, and
    /// the index that comes back answers as one built afresh.
    #[test]
    fn the_index_is_compacted_away_from_the_interface() {
        let mut app = loaded_two();
        app.update(Action::Key(KeyEvent::from(KeyCode::Char('/'))));
        type_text(&mut app, "ha");
        let effect = app.update(part(
            vec![file("a", "Hạ Long"), file("b", "Vân Đồn")],
            None,
            None,
        ));
        assert_eq!(effect, Effect::None, "as many dead as living: not yet");
        let Effect::Compact(mut away) = app.update(part(vec![file("a", "Cô Tô")], None, None))
        else {
            panic!("the index is sent away");
        };
        assert!(screen(&app).contains("Search is getting ready…"));
        let effect = app.update(part(vec![file("b", "Hà Cối")], None, None));
        assert_eq!(effect, Effect::None, "one compaction at a time");
        away.index.compact();
        assert!(!away.index.wants_compaction());
        let effect = app.update(Action::Compacted(away));
        assert_eq!(effect, Effect::None);
        assert!(!screen(&app).contains("getting ready"));
        assert_eq!(hits(&app), ["Hà Cối"], "the change that waited is in");
        let fresh = SearchIndex::build(&app.catalog().sessions);
        for q in ["ha", "co to", "long", "hai ha"] {
            assert_eq!(
                app.ctx.index.query(&app.catalog().sessions, q, 10),
                fresh.query(&app.catalog().sessions, q, 10),
                "{q}"
            );
        }

        let loads = |app: &mut App, name| {
            let load = whole(app, name, name);
            app.update(load);
        };
        loads(&mut app, "Hà Tĩnh");
        let send_away = |app: &mut App, titles: [&str; 5]| {
            titles
                .into_iter()
                .find_map(
                    |title| match app.update(part(vec![file("c", title)], None, None)) {
                        Effect::Compact(away) => Some(away),
                        _ => None,
                    },
                )
                .expect("sent away")
        };
        let before_load = send_away(
            &mut app,
            ["Hà Nam", "Hà Giang", "Hà Nội", "Hà Đông", "Hà Tiên"],
        );
        loads(&mut app, "Hà Tây");
        let mut after_load = send_away(
            &mut app,
            ["Hà Nam", "Hà Giang", "Hà Nội", "Hà Đông", "Hà Tiên"],
        );
        app.take_garbage();
        app.update(Action::Compacted(before_load));
        assert!(
            !app.ctx.search_ready(),
            "an index sent away before the load is not taken back"
        );
        assert!(!app.take_garbage().is_empty(), "it is freed elsewhere");
        after_load.index.compact();
        app.update(Action::Compacted(after_load));
        assert!(app.ctx.search_ready(), "the one sent last is");
        assert_eq!(hits(&app), ["Hà Tây", "Hà Đông"], "as the sessions are now");
    }
}
