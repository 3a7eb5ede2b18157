//! Finds, reads and validates briefing files; one bad file never hides the others.

pub(crate) mod cache;
mod changes;
mod compact;
pub(crate) mod files;
mod folder;
mod named;
pub(crate) mod place;
pub(crate) mod skeleton;
mod slips;
pub(crate) mod sync_lock;
mod toml_version;
mod validate;
mod walk;
pub(crate) mod write;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use crate::diag::Diagnostic;
pub(crate) use crate::diag::Location;
pub(crate) use crate::diag::Problem;
pub use crate::diag::Severity;
pub use changes::Changes;
pub(crate) use files::Stamp;
pub use folder::Folder;
pub use folder::Plan;
pub(crate) use named::{Named, load_named, load_session};
pub(crate) use walk::DEFAULT_MAX_FILE_SIZE;
pub use walk::Limits;
pub(crate) use walk::ReadError;
pub(crate) use walk::read_bounded;

use crate::diag::{FileRead, OsError, closest};
use crate::i18n;
use crate::model::{self, Lang, Session};
use validate::SharedTexts;

/// Why a briefing folder could not be read at all.
///
/// [`FolderError::message`] says it in either language; `Display` is the English message.
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    Missing(PathBuf),
    NotAFolder(PathBuf),
    Unreadable { path: PathBuf, source: io::Error },
}

impl FolderError {
    /// What went wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        match self {
            FolderError::Missing(path) => t.folder_missing(&path.display()),
            FolderError::NotAFolder(path) => t.folder_not_a_folder(&path.display()),
            FolderError::Unreadable { path, source } => {
                t.folder_unreadable(&path.display(), &OsError::from(source).message(lang))
            }
        }
    }
}

i18n::display_in_english!(FolderError);

/// Everything loaded from one folder.
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    /// Sessions that loaded, newest first.
    pub sessions: Vec<Session>,
    /// Every problem found, in path order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many `*.toml` files were found.
    pub files: usize,
    /// How many of the first `diagnostics` are the walk's own (the files' follow).
    pub walk_problems: usize,
}

impl Catalog {
    /// The loaded session with id `id`.
    pub fn session(&self, id: &str) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// Paths of files that were rejected (had at least one error).
    pub fn failed_files(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.path.as_str())
            .collect();
        paths.dedup();
        paths
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// The first error of the file of session `id` when that file did not
    /// load (the id may also be the file name alone, when unique).
    pub fn load_error(&self, id: &str) -> Option<&Diagnostic> {
        let wanted = files::file_of(&crate::terminal_text::escape(files::without_ending(id)));
        let errors = || self.diagnostics.iter().filter(|d| d.is_error());
        if let Some(d) = errors().find(|d| d.path == wanted) {
            return Some(d);
        }
        if wanted.contains('/') {
            return None;
        }
        let mut by_name = errors().filter(|d| d.path.rsplit('/').next() == Some(wanted.as_str()));
        let first = by_name.next()?;
        by_name.all(|d| d.path == first.path).then_some(first)
    }
}

/// The session a person named among the `known` ids: its id (`.toml` allowed), or its file name
/// alone when only one id ends with it. Else the ids to suggest: the closest by spelling, or
/// those whose file name is closest (at most three). `show`, `done` and `undo` all find
/// sessions this way.
pub(crate) fn find_session<'k>(given: &str, known: &[&'k str]) -> Result<&'k str, Vec<String>> {
    let id = files::without_ending(given);
    if let Some(found) = known.iter().find(|k| **k == id) {
        return Ok(found);
    }
    let mut by_name = known.iter().filter(|k| file_name(k) == id);
    if let (Some(found), None) = (by_name.next(), by_name.next()) {
        return Ok(found);
    }
    if let Some(best) = closest(id, known.iter().copied()) {
        return Err(vec![best.to_string()]);
    }
    let name = closest(file_name(id), known.iter().map(|k| file_name(k)));
    Err(known
        .iter()
        .filter(|k| Some(file_name(k)) == name)
        .take(3)
        .map(|k| k.to_string())
        .collect())
}

/// The last part of a session id: its file name without `.toml`.
fn file_name(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// What one file gave: its session when valid, and its diagnostics.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub session: Option<Session>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Display form of a relative path, `/`-separated, safe to print (control
/// and bidi characters written visibly, see [`crate::terminal_text::escape`]).
pub(crate) fn display_path(rel: &Path) -> String {
    let joined = rel
        .iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    crate::terminal_text::escape(&joined).into_owned()
}

/// Every `*.toml` below `root` with the default [`Limits`], relative and sorted.
pub fn discover(root: &Path) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), FolderError> {
    discover_with(root, &Limits::default())
}

/// Every `*.toml` below `root` (any depth, hidden names skipped), relative and
/// sorted, without leaving the folder: symbolic links to folders are followed
/// only inside it, each folder is entered once, other file systems (such as
/// `/proc`) are not entered, and `limits` bound the walk. Everything not
/// loaded is reported, never skipped silently.
fn discover_with(
    root: &Path,
    limits: &Limits,
) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), FolderError> {
    let walk = walk_folder(root, limits)?;
    Ok((walk.found, walk.problems))
}

/// The walk of [`discover_with`], with what it counted.
fn walk_folder<'r>(root: &'r Path, limits: &Limits) -> Result<walk::Walk<'r>, FolderError> {
    let meta = root_folder(root)?;
    let top = fs::read_dir(root).map_err(|source| FolderError::Unreadable {
        path: root.to_path_buf(),
        source,
    })?;
    let mut walk = walk::Walk::new(root, &meta, *limits);
    walk.folder(Path::new(""), top, 0);
    walk.found.sort();
    Ok(walk)
}

/// The metadata of the briefing folder `root`, once it is known to be a folder.
fn root_folder(root: &Path) -> Result<fs::Metadata, FolderError> {
    let meta = fs::metadata(root).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => FolderError::Missing(root.to_path_buf()),
        _ => FolderError::Unreadable {
            path: root.to_path_buf(),
            source: e,
        },
    })?;
    if !meta.is_dir() {
        return Err(FolderError::NotAFolder(root.to_path_buf()));
    }
    Ok(meta)
}

/// The bytes of the briefing file at `path` as the loader takes them: a whole version, also
/// while a check-off rewrites it in place; `None` when it cannot be read.
pub fn read_as_loaded(path: &Path) -> Option<Vec<u8>> {
    walk::read_bounded_meta(path, DEFAULT_MAX_FILE_SIZE)
        .ok()
        .map(|(bytes, _)| bytes)
}

/// Reads (at most `limits.max_file_size` bytes) and validates one file below `root`.
pub(crate) fn load_file_with(root: &Path, rel: &Path, limits: &Limits) -> FileReport {
    load_file_meta(root, rel, limits, None).0
}

/// [`load_file_with`], with the file's metadata when it was opened (`None`: not opened),
/// sharing repeated texts with the other files read with `texts`.
fn load_file_meta(
    root: &Path,
    rel: &Path,
    limits: &Limits,
    texts: Option<&SharedTexts>,
) -> (FileReport, Option<fs::Metadata>) {
    let (report, opened) = load_file_sharing(root, rel, limits, texts);
    (report, opened.map(|(meta, _)| meta))
}

/// [`load_file_with`], with the file's metadata when it was opened and whether its bytes were
/// a recovery copy's (`None`: not opened).
fn load_file_opened(
    root: &Path,
    rel: &Path,
    limits: &Limits,
) -> (FileReport, Option<(fs::Metadata, bool)>) {
    load_file_sharing(root, rel, limits, None)
}

/// [`load_file_opened`], sharing repeated texts with the other files read with `texts`.
fn load_file_sharing(
    root: &Path,
    rel: &Path,
    limits: &Limits,
    texts: Option<&SharedTexts>,
) -> (FileReport, Option<(fs::Metadata, bool)>) {
    let path = display_path(rel);
    match walk::read_whole(&root.join(rel), limits.max_file_size) {
        Ok(whole) => {
            let id = files::id_of(rel);
            let report = parse_sharing(&whole.bytes, &path, &id, limits.now, texts);
            (report, Some((whole.meta, whole.rescued)))
        }
        Err(e) => {
            let diagnostics = vec![Diagnostic::new(
                &path,
                Severity::Error,
                e.problem(FileRead::Briefing),
            )];
            let report = FileReport {
                session: None,
                diagnostics,
            };
            (report, None)
        }
    }
}

/// Validates the bytes of one briefing file; `path` names it in messages.
pub fn parse_file(bytes: &[u8], path: &str, id: &str) -> FileReport {
    parse_file_at(bytes, path, id, None)
}

/// [`parse_file`], checked against `now` as the present moment (`None`: the clock).
pub fn parse_file_at(
    bytes: &[u8],
    path: &str,
    id: &str,
    now: Option<chrono::DateTime<chrono::FixedOffset>>,
) -> FileReport {
    parse_sharing(bytes, path, id, now, None)
}

/// [`parse_file_at`], sharing repeated texts with the other files read with `texts`.
fn parse_sharing(
    bytes: &[u8],
    path: &str,
    id: &str,
    now: Option<chrono::DateTime<chrono::FixedOffset>>,
    texts: Option<&SharedTexts>,
) -> FileReport {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let diag = Diagnostic::new(path, Severity::Error, Problem::NotUtf8)
                .at(&valid, valid.len()..valid.len());
            return FileReport {
                session: None,
                diagnostics: vec![diag],
            };
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut checker = validate::Checker::new(text, path).with_now(now);
    if let Some(texts) = texts {
        checker = checker.sharing(texts);
    }
    if text.starts_with('\u{feff}') {
        checker.error(0..'\u{feff}'.len_utf8(), Problem::TwoBoms);
        return FileReport {
            session: None,
            diagnostics: checker.diagnostics,
        };
    }
    let mut session = parse_past_slips(&mut checker, text, id);
    if let Some(session) = &mut session {
        compact::shrink(session);
    }
    FileReport {
        session,
        diagnostics: checker.diagnostics,
    }
}

/// At most this many slips are stepped over in one file before its next parse error is
/// reported as it is (each one costs a parse of the whole file).
const MAX_SLIPS: usize = 32;

/// Parses and validates `text`. Where the parser stops at a slip (`due = 31/03/2027`,
/// `value = 62,5`), the slip is reported and replaced by what it should be, and parsing goes
/// on, so one `check` shows every slip and the problems after them, each at its own place.
fn parse_past_slips(checker: &mut validate::Checker<'_>, text: &str, id: &str) -> Option<Session> {
    let mut patched = text.to_string();
    loop {
        let error = match toml::de::DeTable::parse(&patched) {
            Ok(root) => {
                for (span, problem) in toml_version::uses_parsed(&patched, root.get_ref()) {
                    checker.error(span, problem);
                }
                return validate::session(checker, &root, id);
            }
            Err(e) => e,
        };
        let span = error.span().unwrap_or(0..0);
        match slips::syntax_slip(&patched, span.start) {
            Some(slip) if checker.edits.len() < MAX_SLIPS => {
                checker.error(slip.span.clone(), slip.problem);
                slips::replace(&mut patched, &mut checker.edits, slip.span, &slip.fix);
            }
            _ => {
                match slips::unclosed_multiline(&patched) {
                    Some((at, quotes)) if at <= span.start => {
                        let quotes = quotes.to_string();
                        checker.error(at..at + quotes.len(), Problem::UnclosedString { quotes });
                    }
                    _ => {
                        let detail = error.message().trim().to_string();
                        checker.error(span, Problem::InvalidToml { detail });
                    }
                }
                return None;
            }
        }
    }
}

/// Loads every briefing below `root` with the default [`Limits`].
pub fn load_dir(root: &Path) -> Result<Catalog, FolderError> {
    load_dir_with(root, &Limits::default())
}

/// Loads every briefing below `root`: sessions newest first, plus diagnostics.
pub(crate) fn load_dir_with(root: &Path, limits: &Limits) -> Result<Catalog, FolderError> {
    let (files, mut diagnostics) = discover_with(root, limits)?;
    let walk_problems = diagnostics.len();
    let reports = load_files(root, &files, limits);
    let mut sessions = Vec::with_capacity(files.len());
    for report in reports {
        diagnostics.extend(report.diagnostics);
        sessions.extend(report.session);
    }
    model::sort_newest_first(&mut sessions);
    Ok(Catalog {
        sessions,
        diagnostics,
        files: files.len(),
        walk_problems,
    })
}

/// Below this many files one thread is quicker than starting others.
const PARALLEL_FROM: usize = 32;

/// Reads and validates `files` on every core, each thread taking the next file when it is
/// free (files differ in size); the reports come back in the order of `files`.
fn load_files(root: &Path, files: &[PathBuf], limits: &Limits) -> Vec<FileReport> {
    load_files_then(root, files, limits, |_, report| report)
}

/// Like [`load_files`], with `then` done to each report on the thread that read it (to fold
/// a session's words for search while other files are read).
pub(crate) fn load_files_then<T: Send>(
    root: &Path,
    files: &[PathBuf],
    limits: &Limits,
    then: impl Fn(&Path, FileReport) -> T + Sync,
) -> Vec<T> {
    let texts = SharedTexts::default();
    on_every_core(files, |rel| {
        then(rel, load_file_meta(root, rel, limits, Some(&texts)).0)
    })
}

/// `read` of each of `files` on every core; the results in the order of `files`.
fn on_every_core<T: Send>(files: &[PathBuf], read: impl Fn(&PathBuf) -> T + Sync) -> Vec<T> {
    crate::cores::map_in_order(files, PARALLEL_FROM, read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_loaded_on_every_core_come_back_in_folder_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        for i in 0..(PARALLEL_FROM * 4) {
            let text = if i % 7 == 3 {
                format!("[session]\ntitle = \"hỏng {i}\"\n")
            } else {
                format!(
                    "[session]\ntitle = \"Buổi {i}\"\ndate = 2024-03-{:02}\n",
                    i % 28 + 1
                )
            };
            fs::write(dir.path().join(format!("{i:03}.toml")), text).expect("write");
        }
        let limits = Limits::default();
        let (files, _) = discover_with(dir.path(), &limits).expect("discover");
        let one_by_one: Vec<FileReport> = files
            .iter()
            .map(|rel| load_file_with(dir.path(), rel, &limits))
            .collect();
        let parallel = load_files(dir.path(), &files, &limits);
        assert_eq!(parallel.len(), one_by_one.len());
        for (a, b) in parallel.iter().zip(&one_by_one) {
            assert_eq!(a.session, b.session);
            assert_eq!(a.diagnostics, b.diagnostics);
        }
        assert!(parallel.iter().any(|r| r.session.is_none()));
    }

    /// The groups of seldom fields (`model::Rare`) stay unallocated through the whole load
    /// (validation, settling, compaction) for the indicators and directives that write none.
    #[test]
    fn a_loaded_file_allocates_the_seldom_fields_only_where_written() {
        let text = "[session]\ntitle = \"T\"\ndate = 2024-03-13\n\n\
            [[directive]]\nid = \"plain\"\ntext = \"A\"\nowner = \"B\"\ndue = 2024-06-30\n\n\
            [[directive]]\nid = \"noted\"\ntext = \"C\"\nnote = \"D\"\n\n\
            [[district]]\nname = \"Hải Hà\"\n\n\
            [[district.indicator]]\nname = \"Thu\"\nvalue = 5\nunit = \"tỷ đồng\"\n\
            compare = [{ label = \"so với năm trước\", percent = 107 }]\n\n\
            [[district.indicator]]\nname = \"Chi\"\nvalue = 5\ntarget = 6\n\n\
            [[district.directive]]\nid = \"own\"\ntext = \"E\"\n";
        let report = parse_file(text.as_bytes(), "s.toml", "s");
        assert_eq!(report.diagnostics, [], "the file is valid");
        let session = report.session.expect("the file loads");
        let allocated: Vec<bool> = (session.all_directives())
            .map(|d| d.more.is_allocated())
            .collect();
        assert_eq!(allocated, [false, true, false]);
        assert!(
            !session.districts[0].more.is_allocated(),
            "no key, history or proposal"
        );
        let indicators = &session.districts[0].indicators;
        assert!(!indicators[0].more.is_allocated());
        assert!(indicators[1].more.is_allocated());
        assert_eq!(indicators[1].more.target, Some(6.0));
    }

    /// Files read together keep one copy of a text they repeat (an indicator's name and unit,
    /// an owner), on every core; a file read alone keeps its own.
    #[test]
    fn files_read_together_share_the_texts_they_repeat() {
        let dir = tempfile::tempdir().expect("tempdir");
        for i in 0..(PARALLEL_FROM * 4) {
            let text = format!(
                "[session]\ntitle = \"Buổi {i}\"\ndate = 2024-03-13\n\n\
                 [[directive]]\nid = \"d\"\ntext = \"Việc {i}\"\nowner = \"Huyện ủy\"\n\n\
                 [[district]]\nname = \"Hải Hà\"\n\n\
                 [[district.indicator]]\nname = \"Tổng thu\"\nvalue = {i}\nunit = \"tỷ đồng\"\n"
            );
            fs::write(dir.path().join(format!("{i:03}.toml")), text).expect("write");
        }
        let limits = Limits::default();
        let (files, _) = discover_with(dir.path(), &limits).expect("discover");
        let sessions: Vec<Session> = load_files(dir.path(), &files, &limits)
            .into_iter()
            .map(|r| r.session.expect("loads"))
            .collect();
        let first = &sessions[0];
        let name = |s: &Session| s.districts[0].indicators[0].name.clone();
        let unit = |s: &Session| s.districts[0].indicators[0].unit.clone().expect("unit");
        let owner = |s: &Session| s.directives[0].owner.clone().expect("owner");
        for s in &sessions[1..] {
            assert!(model::Shared::ptr_eq(&name(s), &name(first)));
            assert!(model::Shared::ptr_eq(&unit(s), &unit(first)));
            assert!(model::Shared::ptr_eq(&owner(s), &owner(first)));
        }
        let alone = load_file_with(dir.path(), &files[0], &limits);
        let alone = alone.session.expect("loads");
        assert_eq!(alone, sessions[0]);
        assert!(!model::Shared::ptr_eq(&name(&alone), &name(first)));
    }

    #[test]
    fn display_path_is_the_relative_path_with_slashes() {
        let rel: PathBuf = ["2024", "03", "2024-03-13-dam-ha.toml"].iter().collect();
        assert_eq!(display_path(&rel), "2024/03/2024-03-13-dam-ha.toml");
    }

    #[test]
    fn folder_errors_are_said_in_both_languages() {
        let missing = FolderError::Missing(PathBuf::from("/b"));
        assert_eq!(
            missing.to_string(),
            "the briefing folder /b does not exist; pass --dir DIR or set BRIEFING_DIR"
        );
        assert!(
            missing
                .message(Lang::Vi)
                .starts_with("thư mục buổi làm việc /b không tồn tại")
        );
        let unreadable = FolderError::Unreadable {
            path: PathBuf::from("/b"),
            source: io::Error::other("boom"),
        };
        assert!(unreadable.message(Lang::Vi).ends_with("/b: boom"));
        assert_ne!(
            FolderError::NotAFolder(PathBuf::from("/b")).message(Lang::Vi),
            FolderError::NotAFolder(PathBuf::from("/b")).to_string()
        );
    }

    #[test]
    fn a_session_is_found_by_id_or_by_its_unique_file_name() {
        let known = ["2024/a-dam-ha", "2024/b-hai-ha", "2023/b-hai-ha", "c"];
        assert_eq!(find_session("2024/a-dam-ha", &known), Ok("2024/a-dam-ha"));
        assert_eq!(
            find_session("2024/a-dam-ha.toml", &known),
            Ok("2024/a-dam-ha")
        );
        assert_eq!(find_session("a-dam-ha", &known), Ok("2024/a-dam-ha"));
        assert_eq!(find_session("c", &known), Ok("c"));
        assert_eq!(
            find_session("2024/a-dam", &known),
            Err(vec!["2024/a-dam-ha".to_string()])
        );
        assert_eq!(
            find_session("b-hai-ha", &known),
            Err(vec![
                "2024/b-hai-ha".to_string(),
                "2023/b-hai-ha".to_string()
            ])
        );
        assert_eq!(
            find_session("x/a-dam-ha", &known),
            Err(vec!["2024/a-dam-ha".to_string()])
        );
        assert_eq!(find_session("xyzzy-qwerty", &known), Err(Vec::new()));
    }
}
