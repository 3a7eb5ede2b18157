use super::*;
use crate::store::load_dir_with;
use std::os::unix::fs::symlink;

const VALID: &str = "[session]\ntitle = \"Buổi làm việc\"\ndate = 2024-03-13\n";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, text).expect("write");
}

/// A folder with a briefing at every kind of place the walk takes or refuses.
fn folder() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let outside = tempfile::tempdir().expect("outside");
    let root = dir.path();
    write(root, "2024/a.toml", VALID);
    write(root, "2024/broken.toml", "[session]\ntitle = \"x\"\n");
    write(root, "2024/.hidden.toml", VALID);
    write(root, ".git/b.toml", VALID);
    write(root, "deep/1/2/3/c.toml", VALID);
    write(outside.path(), "d.toml", VALID);
    symlink(outside.path(), root.join("out")).expect("link out");
    symlink(root.join("2024"), root.join("alias")).expect("link in");
    symlink(root.join("gone"), root.join("dangling.toml")).expect("dangling");
    symlink(outside.path().join("d.toml"), root.join("linked.toml")).expect("file link");
    (dir, outside)
}

fn limits() -> Limits {
    Limits {
        max_depth: 3,
        ..Limits::default()
    }
}

#[test]
fn one_session_reads_as_the_load_of_the_whole_folder_reads_it() {
    let (dir, _outside) = folder();
    let root = dir.path();
    let catalog = load_dir_with(root, &limits()).expect("load");
    let ids = [
        "2024/a",
        "2024/broken",
        "2024/.hidden",
        ".git/b",
        "deep/1/2/3/c",
        "out/d",
        "dangling",
        "linked",
        "2024/missing",
        "../2024/a",
        "2024",
    ];
    for id in ids {
        let one = load_session(root, id, &limits()).expect("folder");
        let from_walk = catalog.session(id);
        let session = one.as_ref().and_then(|r| r.session.as_ref());
        assert_eq!(session, from_walk, "{id}");
        let errors = |d: &[Diagnostic]| -> Vec<Diagnostic> {
            d.iter().filter(|d| d.is_error()).cloned().collect()
        };
        let walked: Vec<Diagnostic> = (catalog.diagnostics.iter())
            .filter(|d| d.is_error() && d.path == files::file_of(id))
            .cloned()
            .collect();
        let read = one.map(|r| errors(&r.diagnostics)).unwrap_or_default();
        assert_eq!(read, walked, "{id}");
    }
    assert!(catalog.session("2024/a").is_some() && catalog.session("linked").is_some());
    assert!(
        load_session(root, "2024/broken", &limits())
            .expect("folder")
            .is_some()
    );
}

#[test]
fn a_link_to_a_folder_inside_is_entered_as_the_walk_could() {
    let (dir, _outside) = folder();
    let report = load_session(dir.path(), "alias/a", &limits()).expect("folder");
    let session = report.and_then(|r| r.session).expect("loaded");
    assert_eq!(session.id, "alias/a");
}

#[test]
fn a_name_is_its_id_or_its_unique_file_name_else_suggestions() {
    let (dir, _outside) = folder();
    let root = dir.path();
    write(root, "2023/a.toml", VALID);
    let found = |given: &str| match load_named(root, given, &limits()).expect("folder") {
        Named::File(report) => Ok(report.session.map(|s| s.id.to_string())),
        Named::Unknown(suggestions) => Err(suggestions),
    };
    assert_eq!(found("2024/a"), Ok(Some("2024/a".into())));
    assert_eq!(found("2024/a.toml"), Ok(Some("2024/a".into())));
    assert_eq!(found("broken"), Ok(None));
    assert_eq!(found("2024/brokn"), Err(vec!["2024/broken".into()]));
    assert_eq!(found("a"), Err(vec!["2023/a".into(), "2024/a".into()]));
    assert!(found("out/d").is_err(), "a folder outside is not entered");
}

#[test]
fn a_missing_folder_is_the_folder_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nowhere");
    let err = load_session(&missing, "a", &limits()).expect_err("missing");
    assert!(matches!(err, FolderError::Missing(_)), "{err:?}");
    let file = dir.path().join("f");
    fs::write(&file, "").expect("write");
    let err = load_named(&file, "a", &limits()).expect_err("not a folder");
    assert!(matches!(err, FolderError::NotAFolder(_)), "{err:?}");
}
