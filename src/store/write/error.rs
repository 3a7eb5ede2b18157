//! Why a write was refused or failed ([`WriteError`], and the [`Attribute`] a replacement could
//! not keep), said in either language.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use super::entry::EntryError;
use super::holders::{self, Holder};
use crate::diag::OsError;
use crate::i18n;
use crate::model::Lang;
use crate::store::{FolderError, Location, Problem};

/// A property of a file that a replacement must keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribute {
    Owner(String),
    Group(u32),
    Mode(u32),
    /// An extended attribute, by name (`system.posix_acl_access` is the ACL).
    Extended(String),
    /// `chattr` flags, as the kernel's bits.
    Flags(u32),
}

impl Attribute {
    /// The attribute, said in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        match self {
            Attribute::Owner(name) => t.attribute_owner(name),
            Attribute::Group(gid) => t.attribute_group(gid),
            Attribute::Mode(mode) => t.attribute_mode(&format!("{mode:o}")),
            Attribute::Extended(name) => t.attribute_extended(name),
            Attribute::Flags(bits) => t.attribute_flags(&format!("{bits:#x}")),
        }
    }
}

i18n::display_in_english!(Attribute);

/// Why a directive could not be checked off; the file is unchanged in every case.
///
/// Its words are catalogue keys: [`WriteError::message`] says it in either language, and
/// `Display` is the English message.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    SessionNotFound {
        id: String,
        root: PathBuf,
        suggestions: Vec<String>,
    },
    DirectiveNotFound {
        session: String,
        id: String,
        suggestions: Vec<String>,
    },
    /// The file does not validate (or the edit would not): `file` as shown, and where in it
    /// when known, and what is wrong.
    FileInvalid {
        file: String,
        at: Option<Location>,
        problem: Box<Problem>,
    },
    /// A `briefing sync` of the folder's clone held the work tree for all of `waited`.
    SyncRunning {
        waited: Duration,
    },
    /// Someone else held a lock on the file for all of `waited`.
    LockTimeout {
        path: PathBuf,
        waited: Duration,
        holders: Vec<Holder>,
    },
    BeingEdited {
        path: PathBuf,
    },
    /// Other processes kept the file open for writing for the whole wait.
    HeldOpen {
        path: PathBuf,
        holders: Vec<Holder>,
    },
    /// `chattr +i`.
    Immutable {
        path: PathBuf,
    },
    /// `chattr +a`.
    AppendOnly {
        path: PathBuf,
    },
    FileNotWritable {
        path: PathBuf,
    },
    ReadOnlyFile {
        path: PathBuf,
    },
    FolderNotWritable {
        path: PathBuf,
        folder: PathBuf,
    },
    ForeignLink {
        link: PathBuf,
        owner: String,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    NotAFile {
        path: PathBuf,
    },
    CannotKeep {
        path: PathBuf,
        what: Attribute,
    },
    PermissionDenied {
        path: PathBuf,
    },
    ReadOnlyFs {
        path: PathBuf,
    },
    DiskFull {
        path: PathBuf,
    },
    Io {
        path: PathBuf,
        source: io::Error,
    },
    Folder(#[from] FolderError),
    /// A progress entry that is not written as given (a percent over 100, a note on two
    /// lines, no person, a time in the future).
    Entry(#[from] EntryError),
}

impl WriteError {
    /// What went wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        match self {
            WriteError::SessionNotFound {
                id,
                root,
                suggestions,
            } => t.write_session_not_found(
                id,
                &root.display(),
                &i18n::did_you_mean(lang, suggestions),
            ),
            WriteError::DirectiveNotFound {
                session,
                id,
                suggestions,
            } => t.write_directive_not_found(id, session, &i18n::did_you_mean(lang, suggestions)),
            WriteError::FileInvalid { file, at, problem } => {
                let place = place(file, at.as_ref());
                let place = if place.is_empty() {
                    place
                } else {
                    format!("{place}: ")
                };
                t.write_file_invalid(&place, &problem.message(lang))
            }
            WriteError::SyncRunning { waited } => t.write_sync_running(&waited.as_secs()),
            WriteError::LockTimeout {
                path,
                waited,
                holders,
            } => t.write_lock_timeout(
                &path.display(),
                &holders::said(holders, lang),
                &waited.as_millis(),
            ),
            WriteError::BeingEdited { path } => t.write_being_edited(&path.display()),
            WriteError::HeldOpen { path, holders } => {
                t.write_held_open(&path.display(), &holders::said(holders, lang))
            }
            WriteError::Immutable { path } => t.write_immutable(&path.display()),
            WriteError::AppendOnly { path } => t.write_append_only(&path.display()),
            WriteError::FileNotWritable { path } => t.write_file_not_writable(&path.display()),
            WriteError::ReadOnlyFile { path } => t.write_read_only_file(&path.display()),
            WriteError::FolderNotWritable { path, folder } => {
                t.write_folder_not_writable(&path.display(), &folder.display())
            }
            WriteError::ForeignLink { link, owner } => t.write_foreign_link(&link.display(), owner),
            WriteError::TooLarge { path, size, limit } => {
                t.write_too_large(&path.display(), size, &i18n::human_size(lang, *limit))
            }
            WriteError::NotAFile { path } => t.write_not_a_file(&path.display()),
            WriteError::CannotKeep { path, what } => {
                t.write_cannot_keep(&path.display(), &what.message(lang))
            }
            WriteError::PermissionDenied { path } => t.write_permission_denied(&path.display()),
            WriteError::ReadOnlyFs { path } => t.write_read_only_fs(&path.display()),
            WriteError::DiskFull { path } => t.write_disk_full(&path.display()),
            WriteError::Io { path, source } => {
                t.write_io(&path.display(), &OsError::from(source).message(lang))
            }
            WriteError::Folder(f) => f.message(lang),
            WriteError::Entry(e) => e.message(lang),
        }
    }
}

i18n::display_in_english!(WriteError);

/// `file:line:col`, `file`, `line:col` or nothing: where a problem is, as far as known.
fn place(file: &str, at: Option<&Location>) -> String {
    match (file.is_empty(), at) {
        (true, None) => String::new(),
        (false, None) => file.to_string(),
        (true, Some(at)) => format!("{}:{}", at.line, at.column),
        (false, Some(at)) => format!("{file}:{}:{}", at.line, at.column),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::write::Hold;

    /// One error of every kind, with every field set.
    fn every_error() -> Vec<WriteError> {
        let path = || PathBuf::from("2024/a.toml");
        let some = || vec!["2024/b".to_string()];
        vec![
            WriteError::SessionNotFound {
                id: "2024/x".into(),
                root: PathBuf::from("briefings"),
                suggestions: some(),
            },
            WriteError::DirectiveNotFound {
                session: "2024/a".into(),
                id: "x".into(),
                suggestions: vec!["a".into(), "b".into()],
            },
            WriteError::FileInvalid {
                file: "2024/a.toml".into(),
                at: Some(Location::at("a\nb = 1", 2)),
                problem: Box::new(Problem::NoSession),
            },
            WriteError::LockTimeout {
                path: path(),
                waited: Duration::from_secs(2),
                holders: vec![Holder {
                    pid: 4711,
                    user: "lan".into(),
                    how: Hold::Flock,
                }],
            },
            WriteError::BeingEdited { path: path() },
            WriteError::HeldOpen {
                path: path(),
                holders: vec![Holder {
                    pid: 4711,
                    user: "lan".into(),
                    how: Hold::OpenForWriting,
                }],
            },
            WriteError::Immutable { path: path() },
            WriteError::AppendOnly { path: path() },
            WriteError::FileNotWritable { path: path() },
            WriteError::ReadOnlyFile { path: path() },
            WriteError::FolderNotWritable {
                path: path(),
                folder: PathBuf::from("2024"),
            },
            WriteError::ForeignLink {
                link: path(),
                owner: "lan".into(),
            },
            WriteError::TooLarge {
                path: path(),
                size: 5 << 20,
                limit: 4 << 20,
            },
            WriteError::NotAFile { path: path() },
            WriteError::CannotKeep {
                path: path(),
                what: Attribute::Mode(0o640),
            },
            WriteError::PermissionDenied { path: path() },
            WriteError::ReadOnlyFs { path: path() },
            WriteError::DiskFull { path: path() },
            WriteError::Io {
                path: path(),
                source: io::Error::other("boom"),
            },
            WriteError::Folder(FolderError::Missing(PathBuf::from("briefings"))),
            WriteError::Entry(EntryError::Percent {
                written: "4711".into(),
            }),
        ]
    }

    #[test]
    fn every_error_is_said_in_both_languages_with_its_facts() {
        for e in every_error() {
            let en = e.message(Lang::En);
            let vi = e.message(Lang::Vi);
            assert_eq!(e.to_string(), en);
            assert_ne!(en, vi, "{e:?} is not translated");
            for text in [&en, &vi] {
                assert!(!text.contains('{'), "a placeholder is left: {text}");
            }
            let facts = [
                "2024/a.toml",
                "2024/x",
                "2024/b",
                "lan",
                "4 MiB",
                "640",
                "boom",
                "4711",
            ];
            for fact in facts.iter().filter(|f| en.contains(*f)) {
                assert!(vi.contains(fact), "`{fact}` is missing in Vietnamese: {vi}");
            }
        }
    }

    #[test]
    fn suggestions_and_places_read_as_before() {
        let all = every_error();
        assert_eq!(
            all[0].to_string(),
            "there is no session `2024/x` in briefings (did you mean `2024/b`?); run `briefing list` to see the session ids"
        );
        assert!(
            all[1]
                .to_string()
                .contains("(did you mean one of `a`, `b`?)"),
            "{}",
            all[1]
        );
        assert!(
            all[1]
                .message(Lang::Vi)
                .contains("(có phải ý bạn là `a`, `b`?)")
        );
        assert!(
            all[2]
                .to_string()
                .starts_with("2024/a.toml:2:1: the file has no [session] table; add one with at least `title = \"…\"` and `date = 2024-03-13`; the file was not changed"),
            "{}",
            all[2]
        );
        assert_eq!(Attribute::Group(100).to_string(), "group (id 100)");
    }
}
