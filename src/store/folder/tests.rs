//! A folder changed in every way a person or a program changes it: after each change, the
//! catalog that took only what the plan read equals a fresh load of the folder.

use std::fs;
use std::path::PathBuf;

use super::*;
use crate::store::{Catalog, Changes, load_dir};

fn briefing(title: &str, day: u32) -> String {
    format!(
        "[session]\ntitle = \"{title}\"\ndate = 2024-03-{day:02}\n\n[[directive]]\nid = \"a\"\ntext = \"Làm {title}\"\n"
    )
}

/// Reads what `plan` asks for, as the loader does.
fn read(folder: &mut Folder, plan: Plan) -> Changes {
    let reports = folder.read_then(&plan.read, |_, report| report);
    Changes {
        read: plan.read.into_iter().zip(reports).collect(),
        gone: plan.gone,
        walk: plan.walk,
        files: plan.files,
    }
}

struct Setup {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    folder: Folder,
    catalog: Catalog,
}

impl Setup {
    fn new() -> Self {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = fs::canonicalize(tmp.path()).expect("root");
        fs::create_dir(root.join("2024")).expect("mkdir");
        for i in 1..=5 {
            let text = briefing(&format!("Buổi {i}"), i);
            fs::write(root.join(format!("2024/s{i}.toml")), text).expect("write");
        }
        fs::write(root.join("top.toml"), briefing("Gốc", 9)).expect("write");
        let mut folder = Folder::new(&root, Limits::default());
        let plan = folder.walk().expect("walk");
        assert_eq!(plan.read.len(), 6, "the first walk reads every file");
        let mut catalog = Catalog::default();
        catalog.apply(read(&mut folder, plan));
        let setup = Setup {
            _tmp: tmp,
            root,
            folder,
            catalog,
        };
        setup.same_as_fresh("first walk");
        setup
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Tells the folder `paths` changed; returns what it read.
    fn changed(&mut self, paths: &[&str]) -> Vec<PathBuf> {
        let paths: Vec<PathBuf> = paths.iter().map(|p| self.path(p)).collect();
        let plan = self.folder.changed(&paths).expect("plan");
        let files = plan.read.clone();
        self.catalog.apply(read(&mut self.folder, plan));
        files
    }

    /// Writes `text` to the file `rel` and tells the folder; returns what it read.
    fn rewrite(&mut self, rel: &str, text: &str) -> Vec<PathBuf> {
        fs::write(self.path(rel), text).expect("write");
        self.changed(&[rel])
    }

    /// Writes `text` to the file `rel` and tells the folder, which must read that file alone.
    fn rewrite_alone(&mut self, rel: &str, text: &str) {
        assert_eq!(self.rewrite(rel, text), rels(&[rel]), "{rel}");
    }

    fn same_as_fresh(&self, what: &str) {
        let fresh = load_dir(&self.root).expect("load");
        assert_eq!(self.catalog.sessions, fresh.sessions, "{what}");
        assert_eq!(self.catalog.diagnostics, fresh.diagnostics, "{what}");
        assert_eq!(self.catalog.files, fresh.files, "{what}");
        assert_eq!(self.catalog.walk_problems, fresh.walk_problems, "{what}");
    }
}

fn rels(paths: &[&str]) -> Vec<PathBuf> {
    paths.iter().map(PathBuf::from).collect()
}

#[test]
fn a_changed_file_is_read_alone() {
    let mut s = Setup::new();
    s.rewrite_alone("2024/s2.toml", &briefing("Đổi tên", 2));
    s.same_as_fresh("edited");
    assert!(s.catalog.sessions.iter().any(|x| &*x.title == "Đổi tên"));
}

#[test]
fn added_removed_and_renamed_files_are_seen() {
    let mut s = Setup::new();
    s.rewrite_alone("2024/new.toml", &briefing("Mới", 20));
    s.same_as_fresh("added");
    fs::remove_file(s.path("2024/s1.toml")).expect("remove");
    assert!(s.changed(&["2024/s1.toml"]).is_empty());
    s.same_as_fresh("removed");
    fs::rename(s.path("2024/s3.toml"), s.path("2024/s3-renamed.toml")).expect("rename");
    let read = s.changed(&["2024/s3.toml", "2024/s3-renamed.toml"]);
    assert_eq!(read, rels(&["2024/s3-renamed.toml"]));
    s.same_as_fresh("renamed");
    assert!(s.catalog.session("2024/s3-renamed").is_some());
    assert!(s.catalog.session("2024/s3").is_none());
}

#[test]
fn a_file_that_breaks_and_mends_moves_between_sessions_and_problems() {
    let mut s = Setup::new();
    s.rewrite("2024/s4.toml", "[session\ntitle = 1");
    s.same_as_fresh("broken");
    assert_eq!(s.catalog.failed_files(), ["2024/s4.toml"]);
    s.rewrite("2024/s4.toml", &briefing("Sửa lại", 4));
    s.same_as_fresh("mended");
    assert!(s.catalog.diagnostics.is_empty());
}

#[test]
fn folders_links_and_the_root_make_a_walk_that_reads_only_what_changed() {
    let mut s = Setup::new();
    fs::create_dir(s.path("2025")).expect("mkdir");
    fs::write(s.path("2025/a.toml"), briefing("Năm sau", 1)).expect("write");
    assert_eq!(
        s.changed(&["2025/a.toml"]),
        rels(&["2025/a.toml"]),
        "a folder not walked yet: walked, only the new file read"
    );
    s.same_as_fresh("new folder");
    s.rewrite_alone("2025/b.toml", &briefing("Năm sau 2", 2));
    std::os::unix::fs::symlink(s.path("top.toml"), s.path("2024/link.toml")).expect("link");
    assert_eq!(s.changed(&["2024/link.toml"]), rels(&["2024/link.toml"]));
    s.same_as_fresh("a link");
    fs::rename(s.path("2025"), s.path("2026")).expect("move folder");
    let read = s.changed(&["2025", "2026"]);
    assert_eq!(read, rels(&["2026/a.toml", "2026/b.toml"]));
    s.same_as_fresh("folder moved");
    fs::remove_dir_all(s.path("2026")).expect("remove folder");
    assert!(s.changed(&["2026"]).is_empty());
    s.same_as_fresh("folder removed");
    assert!(
        s.changed(&[""]).is_empty(),
        "the root: a walk finding nothing new"
    );
    s.same_as_fresh("walked again");
}

#[test]
fn paths_outside_or_hidden_are_left_alone_and_a_walk_sees_missed_changes() {
    let mut s = Setup::new();
    assert!(s.rewrite(".hidden.toml", &briefing("Ẩn", 1)).is_empty());
    let outside = s.folder.changed(&[PathBuf::from("/elsewhere/x.toml")]);
    let plan = outside.expect("plan");
    assert!(plan.read.is_empty() && plan.gone.is_empty() && plan.walk.is_none());
    // Changes the watcher missed (it overflowed): a walk reads what is stamped otherwise.
    fs::write(s.path("2024/s5.toml"), briefing("Bỏ lỡ, dài hơn", 5)).expect("write");
    fs::remove_file(s.path("top.toml")).expect("remove");
    let plan = s.folder.walk().expect("walk");
    assert_eq!(plan.read, rels(&["2024/s5.toml"]));
    assert_eq!(plan.gone, rels(&["top.toml"]));
    s.catalog.apply(read(&mut s.folder, plan));
    s.same_as_fresh("missed changes");
}

#[test]
fn a_file_beyond_the_limit_makes_a_walk_that_reports_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = fs::canonicalize(tmp.path()).expect("root");
    for i in 0..3 {
        fs::write(root.join(format!("{i}.toml")), briefing("x", 1)).expect("write");
    }
    let limits = Limits {
        max_files: 3,
        ..Limits::default()
    };
    let mut folder = Folder::new(&root, limits);
    let mut catalog = Catalog::default();
    let plan = folder.walk().expect("walk");
    catalog.apply(read(&mut folder, plan));
    fs::write(root.join("3.toml"), briefing("x", 1)).expect("write");
    let plan = folder.changed(&[root.join("3.toml")]).expect("plan");
    assert!(plan.walk.is_some(), "walked");
    catalog.apply(read(&mut folder, plan));
    let fresh = crate::store::load_dir_with(&root, &limits).expect("load");
    assert_eq!(catalog.diagnostics, fresh.diagnostics);
    assert_eq!(catalog.sessions, fresh.sessions);
    assert_eq!(catalog.walk_problems, 1);
}
