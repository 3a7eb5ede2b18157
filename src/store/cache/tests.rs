use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::store::load_dir_with;

/// A present moment long after every file of the tests was written: each is settled.
fn later() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2099-01-01T00:00:00+07:00").expect("now")
}

fn limits_at(now: DateTime<FixedOffset>) -> Limits {
    Limits {
        now: Some(now),
        ..Limits::default()
    }
}

struct Setup {
    folder: tempfile::TempDir,
    cache_home: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        Setup {
            folder: tempfile::tempdir().expect("folder"),
            cache_home: tempfile::tempdir().expect("cache"),
        }
    }

    /// A folder of one session file, `a.toml` (titled Alpha), and its path.
    fn with_alpha() -> (Self, PathBuf) {
        let setup = Setup::new();
        let a = setup.path("a.toml");
        fs::write(&a, session_text("Alpha")).expect("write");
        (setup, a)
    }

    fn cache(&self) -> Cache {
        Cache::in_dir(self.cache_home.path().join("briefing"))
    }

    fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }

    fn load(&self) -> (Catalog, Used) {
        self.load_part(Part::Whole)
    }

    fn load_part(&self, part: Part) -> (Catalog, Used) {
        load_dir_cached(self.folder.path(), &limits_at(later()), &self.cache(), part).expect("load")
    }

    /// The one cache file there is.
    fn cache_file(&self) -> PathBuf {
        let dir = self.cache_home.path().join("briefing");
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .expect("cache dir")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        files.remove(0)
    }
}

fn session_text(title: &str) -> String {
    format!("[session]\ntitle = \"{title}\"\ndate = 2024-03-13\n")
}

fn titles(catalog: &Catalog) -> Vec<&str> {
    catalog.sessions.iter().map(|s| &*s.title).collect()
}

/// The catalog loaded through the cache is the one loaded from the files, field by field.
fn assert_same(cached: &Catalog, cold: &Catalog) {
    assert_eq!(cached.sessions, cold.sessions);
    assert_eq!(cached.diagnostics, cold.diagnostics);
    assert_eq!(cached.files, cold.files);
    assert_eq!(cached.walk_problems, cold.walk_problems);
}

/// A follow-up load of `dir` from the filled `cache`, and one that fills another cache, give
/// the follow-up part of every session of `cold` and its problems.
fn assert_follow_up_part_of(dir: &Path, cache: &Cache, cold: &Catalog, folder: &str) {
    let limits = limits_at(later());
    let fresh_home = tempfile::tempdir().expect("cache");
    let fresh = Cache::in_dir(fresh_home.path());
    let (warm, used) = load_dir_cached(dir, &limits, cache, Part::FollowUp).expect("warm");
    let (filling, _) = load_dir_cached(dir, &limits, &fresh, Part::FollowUp).expect("filling");
    let parts: Vec<Session> = cold.sessions.iter().map(Session::follow_up_part).collect();
    for (what, catalog) in [("warm", &warm), ("filling", &filling)] {
        assert_eq!(catalog.sessions, parts, "{folder} {what}");
        assert_eq!(catalog.diagnostics, cold.diagnostics, "{folder} {what}");
    }
    assert!(
        !used.written,
        "{folder}: the follow-up parts were kept with the sessions"
    );
}

fn set_modified(path: &Path, at: SystemTime) {
    let file = fs::File::options().write(true).open(path).expect("open");
    file.set_modified(at).expect("set mtime");
}

/// Calls `change` until the file's status time is no longer `before`'s (the clock of file
/// times moves in ticks), within a deadline.
fn change_until_restamped(path: &Path, before: Stamp, change: impl Fn()) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        change();
        let now = Stamp::of_path(path).expect("stamp");
        if now.changed != before.changed {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "status time never moved"
        );
        std::thread::yield_now();
    }
}

#[test]
fn the_sample_and_every_fixture_load_the_same_from_the_cache() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Each folder, and whether every file of it loads without a problem (so all are kept).
    let folders = [
        ("briefings", true),
        ("tests/fixtures/v1", true),
        ("tests/fixtures/v2", false),
        ("tests/fixtures/v3", true),
        ("tests/fixtures/report", true),
        ("tests/fixtures/dossier", true),
        ("tests/fixtures/write", true),
        ("tests/fixtures/bad", false),
        ("tests/fixtures/slips", false),
    ];
    let mut entries = 0;
    let mut proposals = 0;
    for (folder, all_clean) in folders {
        let dir = root.join(folder);
        let cache_home = tempfile::tempdir().expect("cache");
        let cache = Cache::in_dir(cache_home.path());
        let limits = limits_at(later());
        let cold = load_dir_with(&dir, &limits).expect("cold");
        let (first, filled) = load_dir_cached(&dir, &limits, &cache, Part::Whole).expect("first");
        let (warm, used) = load_dir_cached(&dir, &limits, &cache, Part::Whole).expect("warm");
        assert_same(&first, &cold);
        assert_same(&warm, &cold);
        assert_eq!(filled.written, filled.added > 0, "{folder}");
        assert_eq!(used.cached, filled.added, "{folder}");
        assert_eq!(used.cached + used.parsed, cold.files, "{folder}");
        assert!(!used.written, "{folder}: nothing changed, nothing to write");
        assert_follow_up_part_of(&dir, &cache, &cold, folder);
        if all_clean {
            assert_eq!(used.cached, cold.files, "{folder}");
            for s in &warm.sessions {
                let local = s.districts.iter().flat_map(|d| &d.directives);
                entries += s
                    .directives
                    .iter()
                    .chain(local)
                    .map(|d| d.more.progress.len())
                    .sum::<usize>();
                proposals += s
                    .districts
                    .iter()
                    .map(|d| d.more.proposals.len())
                    .sum::<usize>();
            }
        }
    }
    assert!(
        entries > 0 && proposals > 0,
        "the fixtures have progress logs and proposals"
    );
}

#[test]
fn a_file_edited_in_the_same_second_with_the_same_size_is_read_again() {
    let (setup, a) = Setup::with_alpha();
    let at = SystemTime::UNIX_EPOCH + Duration::from_millis(1_700_000_000_500);
    set_modified(&a, at);
    let (_, used) = setup.load();
    assert_eq!(used.added, 1);
    let before = Stamp::of_path(&a).expect("stamp");
    change_until_restamped(&a, before, || {
        fs::write(&a, session_text("Omega")).expect("edit");
        set_modified(&a, at);
    });
    let after = Stamp::of_path(&a).expect("stamp");
    assert_eq!((after.len, after.modified), (before.len, before.modified));
    let (catalog, used) = setup.load();
    assert_eq!(titles(&catalog), ["Omega"]);
    assert_eq!(used.cached, 0);
}

#[test]
fn a_file_replaced_by_a_rename_is_read_again() {
    let (setup, a) = Setup::with_alpha();
    setup.load();
    let new = setup.path(".a.toml.new");
    fs::write(&new, session_text("Omega")).expect("write");
    fs::rename(&new, &a).expect("rename");
    let (catalog, used) = setup.load();
    assert_eq!(titles(&catalog), ["Omega"]);
    assert_eq!((used.cached, used.parsed), (0, 1));
}

#[test]
fn a_touched_file_is_read_again_and_kept_anew() {
    let (setup, a) = Setup::with_alpha();
    setup.load();
    set_modified(
        &a,
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000),
    );
    let (catalog, used) = setup.load();
    assert_eq!(titles(&catalog), ["Alpha"]);
    assert_eq!((used.cached, used.parsed, used.added), (0, 1, 1));
    let (_, used) = setup.load();
    assert_eq!(used.cached, 1);
}

#[test]
fn a_deleted_file_is_gone_and_an_added_one_is_read() {
    let (setup, _) = Setup::with_alpha();
    fs::write(setup.path("b.toml"), session_text("Beta")).expect("write");
    setup.load();
    fs::remove_file(setup.path("a.toml")).expect("remove");
    let (catalog, used) = setup.load();
    assert_eq!(titles(&catalog), ["Beta"]);
    assert_eq!((used.cached, used.parsed), (1, 0));
    assert!(used.written, "the entry of the deleted file is dropped");
    fs::write(setup.path("c.toml"), session_text("Gamma")).expect("write");
    let (catalog, used) = setup.load();
    assert_eq!(catalog.sessions.len(), 2);
    assert_eq!((used.cached, used.parsed, used.added), (1, 1, 1));
}

#[test]
fn a_file_with_a_problem_is_never_kept() {
    let setup = Setup::new();
    let text = "[session]\ntitle = \"Alpha\"\ndate = 2024-03-13\ncolour = \"red\"\n";
    fs::write(setup.path("a.toml"), text).expect("write");
    fs::write(setup.path("b.toml"), "[session\n").expect("write");
    let (first, used) = setup.load();
    assert_eq!((used.parsed, used.added), (2, 0));
    let (again, used) = setup.load();
    assert_eq!(used.parsed, 2);
    assert_eq!(again.diagnostics, first.diagnostics);
    assert!(!again.diagnostics.is_empty());
}

#[test]
fn a_file_written_just_before_the_load_is_not_kept() {
    let (setup, a) = Setup::with_alpha();
    // Written back to an old time: the status time still says when it was changed.
    set_modified(
        &a,
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000),
    );
    let stamp = Stamp::of_path(&a).expect("stamp");
    let changed = DateTime::from_timestamp(stamp.changed.0, 0).expect("time");
    let load_at = |after: i64| {
        let now = (changed + chrono::Duration::seconds(after)).fixed_offset();
        load_dir_cached(
            setup.folder.path(),
            &limits_at(now),
            &setup.cache(),
            Part::Whole,
        )
        .expect("load")
    };
    assert_eq!(load_at(1).1.added, 0, "a second after its last change");
    assert_eq!(load_at(10).1.added, 1, "ten seconds after");
    assert_eq!(load_at(10).1.cached, 1);
}

#[test]
fn an_entry_validated_later_than_now_is_validated_again() {
    let setup = Setup::new();
    let text = "version = 3\n[session]\ntitle = \"Alpha\"\ndate = 2024-03-13\n\n\
                [[directive]]\nid = \"a\"\ntext = \"Làm\"\n\n[[directive.progress]]\n\
                at = 2030-01-01T08:00:00+07:00\nby = \"lan\"\nstate = \"doing\"\n";
    fs::write(setup.path("a.toml"), text).expect("write");
    let (catalog, used) = setup.load();
    assert_eq!(
        (catalog.sessions.len(), used.added),
        (1, 1),
        "{:?}",
        catalog.diagnostics
    );
    let earlier = DateTime::parse_from_rfc3339("2029-01-01T00:00:00+07:00").expect("now");
    let (catalog, used) = load_dir_cached(
        setup.folder.path(),
        &limits_at(earlier),
        &setup.cache(),
        Part::Whole,
    )
    .expect("load");
    assert_eq!(used.cached, 0);
    assert_eq!(
        catalog.error_count(),
        1,
        "the entry lies in the future of that moment"
    );
}

#[test]
fn a_corrupt_truncated_or_foreign_cache_is_rebuilt() {
    let setup = Setup::new();
    for (i, title) in ["Alpha", "Beta", "Gamma"].iter().enumerate() {
        fs::write(setup.path(&format!("{i}.toml")), session_text(title)).expect("write");
    }
    let (cold, _) = setup.load();
    let file = setup.cache_file();
    let good = fs::read(&file).expect("cache");
    let mut flipped = good.clone();
    // The first "Gamma" is the whole session's; its follow-up part's follows.
    let gamma = good
        .windows(5)
        .position(|w| w == b"Gamma")
        .expect("a title");
    flipped[gamma] ^= 0x20;
    let mut in_header = good.clone();
    in_header[20] ^= 0x01;
    let spoilt: [(&str, Vec<u8>); 5] = [
        ("a byte of a session", flipped),
        ("a byte of the header", in_header),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("another program's", b"GIF89a and so on".to_vec()),
    ];
    for (what, bytes) in spoilt {
        fs::write(&file, &bytes).expect("spoil");
        let (catalog, used) = setup.load();
        assert_same(&catalog, &cold);
        assert!(used.parsed > 0 && used.written, "{what}: {used:?}");
        let (catalog, used) = setup.load();
        assert_same(&catalog, &cold);
        assert_eq!(used.cached, 3, "{what}: rebuilt");
    }
}

#[test]
fn a_cache_of_another_version_or_folder_is_not_read() {
    let (setup, _) = Setup::with_alpha();
    setup.load();
    let path = setup.cache_file();
    let bytes = fs::read(&path).expect("cache");
    let folder = fs::canonicalize(setup.folder.path()).expect("canonical");
    let stored = file::Stored::parse(&bytes, &folder_key(&folder), file::Held::Both).expect("ours");
    let records: Vec<_> = stored.get("a.toml").into_iter().cloned().collect();
    let others = [
        ("0.0.1", file::BUILD, folder_key(&folder)),
        ("0.1.0", "another build", folder_key(&folder)),
    ];
    for (version, build, key) in
        others
            .iter()
            .chain(&[(file::VERSION, file::BUILD, "/elsewhere".to_string())])
    {
        file::write_as(&path, key, &records, version, build).expect("write");
        let (catalog, used) = setup.load();
        assert_eq!(titles(&catalog), ["Alpha"]);
        assert_eq!(
            (used.cached, used.parsed),
            (0, 1),
            "{version} {build} {key}"
        );
    }
}

#[test]
fn a_cache_folder_that_cannot_be_written_changes_nothing() {
    let (setup, _) = Setup::with_alpha();
    let blocked = setup.cache_home.path().join("not-a-folder");
    fs::write(&blocked, "").expect("write");
    let cache = Cache::in_dir(blocked.join("briefing"));
    let (catalog, used) = load_dir_cached(
        setup.folder.path(),
        &limits_at(later()),
        &cache,
        Part::Whole,
    )
    .expect("load");
    assert_eq!(titles(&catalog), ["Alpha"]);
    assert_eq!((used.parsed, used.added, used.written), (1, 1, false));
}

#[test]
fn the_cache_file_is_the_owners_alone_and_no_temporary_file_is_left() {
    use std::os::unix::fs::PermissionsExt;
    let (setup, _) = Setup::with_alpha();
    setup.load();
    let file = setup.cache_file();
    let mode = fs::metadata(&file).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(file.extension().is_some_and(|e| e == "cache"));
}

#[test]
fn the_cache_folder_comes_from_the_environment() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    const BOTH: &[(&str, &str)] = &[("XDG_CACHE_HOME", "/x/cache"), ("HOME", "/home/lan")];
    assert_eq!(
        Cache::from_env(env(BOTH)),
        Some(Cache::in_dir("/x/cache/briefing"))
    );
    const RELATIVE: &[(&str, &str)] = &[("XDG_CACHE_HOME", "cache"), ("HOME", "/home/lan")];
    assert_eq!(
        Cache::from_env(env(RELATIVE)),
        Some(Cache::in_dir("/home/lan/.cache/briefing"))
    );
    assert_eq!(Cache::from_env(env(&[])), None);
}

#[test]
fn the_check_sees_every_change() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
    let reference = file::check(&bytes);
    for at in [0, 7, 8, 500, 999] {
        let mut changed = bytes.clone();
        changed[at] ^= 1;
        assert_ne!(file::check(&changed), reference, "{at}");
    }
    assert_ne!(file::check(&bytes[..999]), reference);
    let mut padded = bytes.clone();
    padded.push(0);
    assert_ne!(file::check(&padded), reference);
}

#[test]
fn a_follow_up_part_whose_bytes_are_corrupt_is_read_from_the_file_again() {
    let (setup, a) = Setup::with_alpha();
    fs::write(
        &a,
        "[session]\ntitle = \"Alpha\"\ndate = 2024-03-13\nsummary = \"Tóm tắt\"\n\n\
         [[directive]]\nid = \"d1\"\ntext = \"Chỉ đạo\"\n",
    )
    .expect("write");
    let (cold, _) = setup.load();
    let whole = cold.sessions[0].clone();
    assert!(whole.summary.is_some());
    let path = setup.cache_file();
    let mut bytes = fs::read(&path).expect("cache");
    // The only entry's follow-up part is the last bytes of the file.
    if let Some(last) = bytes.last_mut() {
        *last ^= 0x55;
    }
    fs::write(&path, &bytes).expect("spoil");
    let follow_up = |setup: &Setup| setup.load_part(Part::FollowUp);
    let (catalog, used) = follow_up(&setup);
    assert_eq!(catalog.sessions, [whole.follow_up_part()]);
    assert_eq!((used.cached, used.parsed, used.added), (0, 1, 1));
    assert!(used.written, "the entry is kept again, whole");
    let (catalog, used) = follow_up(&setup);
    assert_eq!(catalog.sessions, [whole.follow_up_part()]);
    assert_eq!((used.cached, used.parsed), (1, 0));
    let (catalog, used) = setup.load();
    assert_eq!(catalog.sessions, [whole]);
    assert_eq!(used.cached, 1);
}

#[test]
fn a_load_of_one_part_keeps_the_other_part_of_the_entries_it_did_not_read() {
    let (setup, _) = Setup::with_alpha();
    let b = setup.path("b.toml");
    fs::write(&b, session_text("Beta")).expect("write");
    let load = |part| setup.load_part(part);
    let (whole, _) = load(Part::Whole);
    fs::write(&b, session_text("Beta, again")).expect("edit");
    let (_, used) = load(Part::FollowUp);
    assert_eq!((used.cached, used.parsed, used.written), (1, 1, true));
    let (catalog, used) = load(Part::Whole);
    assert_eq!((used.cached, used.parsed), (2, 0), "Alpha's session kept");
    assert_eq!(titles(&catalog), ["Alpha", "Beta, again"]);
    assert_eq!(catalog.sessions[0], whole.sessions[0]);
    let (_, used) = load(Part::FollowUp);
    assert_eq!((used.cached, used.parsed), (2, 0));
}
