//! Three offices (a province and two communes), each its own Unix user with its own clone and
//! git identity, one bare hub: a seeded run of check-offs, un-checks and progress entries with
//! syncs in between, and actions made while a sync of the same clone is rebasing (a
//! `post-checkout` hook holds it there; the check-off says it waits). Every action is the
//! `briefing` command run as the office's user, stamped by `--now`. After two more syncs each, every clone must hold every
//! action, and every directive's state must be the last action's: 0 lost, 0 revived, 0 stuck.
//! Also a hub the office may not write to. Real git, no network; needs root (CI runs as root).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use briefing::api::model::{Followed, State};
use briefing::api::store::parse_file;
use chrono::{DateTime, FixedOffset};
use common::git::{BIN, SESSION, have, text};
use common::rng::Rng;
use common::user::{TestUser, user_named};

const OFFICES: [&str; 3] = ["bfsy_tinh", "bfsy_xa1", "bfsy_xa2"];
const SEED: u64 = 0x2026_1207_0026;

/// Actions per office: 50 under CI=true (about half a minute on 2 cores), 20 for a plain
/// `cargo test`.
fn per_office() -> usize {
    match std::env::var("CI").as_deref() {
        Ok("true") => 50,
        _ => 20,
    }
}

struct Office {
    user: TestUser,
    clone: PathBuf,
    home: PathBuf,
    /// The `post-checkout` hook waits while this file is missing…
    release: PathBuf,
    /// …after making this one.
    mark: PathBuf,
}

struct Hub {
    tmp: tempfile::TempDir,
    offices: Vec<Office>,
}

fn run(cmd: &mut Command) -> Output {
    let o = cmd.output().expect("run");
    assert!(
        o.status.success(),
        "{cmd:?}: {}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    o
}

fn chown_tree(path: &Path, user: &TestUser) {
    run(Command::new("chown")
        .arg("-R")
        .arg(format!("{}:{}", user.uid, user.gid))
        .arg(path));
}

impl Office {
    /// `program` as this office: its user, its home (identity, `safe.directory`), no system config.
    fn command(&self, program: &str) -> Command {
        let mut c = self.user.command(program);
        c.current_dir(&self.clone)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", &self.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_AUTHOR_NAME")
            .env_remove("GIT_AUTHOR_EMAIL")
            .env_remove("GIT_COMMITTER_NAME")
            .env_remove("GIT_COMMITTER_EMAIL")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
        c
    }

    fn sync_command(&self) -> Command {
        let mut c = self.command(BIN);
        c.arg("--dir")
            .arg(&self.clone)
            .args(["--lang", "en", "sync"]);
        c
    }

    fn file(&self) -> PathBuf {
        self.clone.join(format!("{SESSION}.toml"))
    }
}

/// The hub with the sample briefing as version 3 and the offices' clones, set up for sharing.
fn hub() -> Option<Hub> {
    if !have("git") {
        return None;
    }
    let users: Vec<TestUser> = OFFICES
        .iter()
        .map(|n| user_named(n))
        .collect::<Option<_>>()?;
    // In memory where there is /dev/shm: every check-off and commit syncs its files to disk.
    let shm = Path::new("/dev/shm");
    let tmp = match shm.is_dir() {
        true => tempfile::tempdir_in(shm).or_else(|_| tempfile::tempdir()),
        false => tempfile::tempdir(),
    }
    .expect("tmp");
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    let hub = tmp.path().join("hub.git");
    run(Command::new("git")
        .args(["init", "-q", "--bare", "--shared=0666", "-b", "main"])
        .arg(&hub));
    let seed = tmp.path().join("seed");
    let root_git = |dir: &Path, args: &[&str]| {
        run(Command::new("git")
            .current_dir(dir)
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", tmp.path())
            .env("GIT_AUTHOR_NAME", "setup")
            .env("GIT_AUTHOR_EMAIL", "setup@example.vn")
            .env("GIT_COMMITTER_NAME", "setup")
            .env("GIT_COMMITTER_EMAIL", "setup@example.vn"))
    };
    root_git(
        tmp.path(),
        &["clone", "-q", &hub.display().to_string(), "seed"],
    );
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("briefings/{SESSION}.toml"));
    let v3 = fs::read_to_string(sample)
        .expect("sample")
        .replacen("version = 2", "version = 3", 1);
    fs::create_dir(seed.join("2024")).expect("mkdir");
    fs::write(seed.join(format!("{SESSION}.toml")), v3).expect("write");
    root_git(&seed, &["add", "."]);
    root_git(&seed, &["commit", "-q", "-m", "Briefings"]);
    root_git(&seed, &["push", "-q", "-u", "origin", "main"]);
    let o = Command::new(BIN)
        .current_dir(&seed)
        .arg("--dir")
        .arg(&seed)
        .args(["--lang", "en", "sync", "--setup"])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", tmp.path())
        .env("XDG_CONFIG_HOME", tmp.path())
        .env("GIT_AUTHOR_NAME", "setup")
        .env("GIT_AUTHOR_EMAIL", "setup@example.vn")
        .env("GIT_COMMITTER_NAME", "setup")
        .env("GIT_COMMITTER_EMAIL", "setup@example.vn")
        .output()
        .expect("setup");
    assert!(o.status.success(), "{}", text(&o.stderr));
    root_git(&seed, &["push", "-q"]);
    run(Command::new("chmod").args(["-R", "a+rwX"]).arg(&hub));

    let mut offices = Vec::new();
    for user in users {
        let base = tmp.path().join(&user.name);
        let home = base.join("home");
        fs::create_dir_all(&home).expect("home");
        fs::write(
            home.join(".gitconfig"),
            format!(
                "[user]\n\tname = {0}\n\temail = {0}@example.vn\n[safe]\n\tdirectory = *\n",
                user.name
            ),
        )
        .expect("gitconfig");
        chown_tree(&base, &user);
        let office = Office {
            clone: base.join("clone"),
            release: base.join("release"),
            mark: base.join("in-rebase"),
            home,
            user,
        };
        let mut clone = office.command("git");
        clone
            .current_dir(&base)
            .args(["clone", "-q"])
            .arg(&hub)
            .arg("clone");
        run(&mut clone);
        let hook = office.clone.join(".git/hooks/post-checkout");
        fs::write(
            &hook,
            format!(
                "#!/bin/sh\n: > '{mark}'\ni=0\nwhile [ ! -e '{release}' ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done\n",
                mark = office.mark.display(),
                release = office.release.display()
            ),
        )
        .expect("hook");
        fs::set_permissions(&hook, fs::Permissions::from_mode(0o755)).expect("chmod");
        fs::write(&office.release, "").expect("release");
        chown_tree(&base, &office.user);
        let mut setup = office.command(BIN);
        setup
            .arg("--dir")
            .arg(&office.clone)
            .args(["--lang", "en", "sync", "--setup"]);
        run(&mut setup);
        offices.push(office);
    }
    Some(Hub { tmp, offices })
}

/// One action, as the test made it.
#[derive(Debug, Clone)]
struct Action {
    directive: String,
    at: DateTime<FixedOffset>,
    by: String,
    state: State,
}

fn directive_ids(path: &Path) -> Vec<String> {
    let bytes = fs::read(path).expect("read");
    let session = parse_file(&bytes, "b", SESSION).session.expect("valid");
    session.all_directives().map(|d| d.id.to_string()).collect()
}

/// A progress entry as `(at, by, state)`.
type Logged = (DateTime<FixedOffset>, String, Option<State>);

/// Each directive's current state and its log.
fn read_states(path: &Path) -> BTreeMap<String, (State, Vec<Logged>)> {
    let bytes = fs::read(path).expect("read");
    let report = parse_file(&bytes, "b", SESSION);
    let session = report.session.expect("valid");
    session
        .all_directives()
        .map(|d| {
            let log = d
                .more
                .progress
                .iter()
                .map(|e| (e.at, e.by.to_string(), e.state))
                .collect();
            (d.id.to_string(), (d.state(), log))
        })
        .collect()
}

/// The command that makes one action in `office`'s clone, as its user, at `at`: a toggle of
/// what the clone shows (`done` or `undo`), or a progress entry; and that action.
fn action_command(
    office: &Office,
    directive: &str,
    at: DateTime<FixedOffset>,
    pick: usize,
) -> (Command, Action) {
    let now = read_states(&office.file())
        .remove(directive)
        .map(|(s, _)| s)
        .unwrap_or_default();
    let mut c = office.command(BIN);
    c.arg("--dir")
        .arg(&office.clone)
        .args(["--lang", "en", "--now", &at.to_rfc3339()]);
    let state = match (pick, now) {
        (0, State::Done) => {
            c.args(["undo", SESSION, directive]);
            State::Open
        }
        (0, _) => {
            c.args(["done", SESSION, directive]);
            State::Done
        }
        (n, _) => {
            let state = [
                State::Doing,
                State::Blocked,
                State::Done,
                State::Dropped,
                State::Open,
            ][n % 5];
            let note = format!("Ghi chú lúc {}", at.format("%H:%M:%S"));
            let percent = (n * 7 % 101).to_string();
            c.args(["progress", SESSION, directive, "--state", state_name(state)])
                .args(["--note", &note, "--percent", &percent]);
            state
        }
    };
    let action = Action {
        directive: directive.to_string(),
        at,
        by: office.user.name.clone(),
        state,
    };
    (c, action)
}

fn state_name(state: State) -> &'static str {
    match state {
        State::Open => "open",
        State::Doing => "doing",
        State::Blocked => "blocked",
        State::Done => "done",
        State::Dropped => "dropped",
    }
}

/// Makes one action in `office`'s clone (see [`action_command`]).
fn act(office: &Office, directive: &str, at: DateTime<FixedOffset>, pick: usize) -> Action {
    let (mut c, action) = action_command(office, directive, at, pick);
    run(&mut c);
    action
}

fn sync(office: &Office, failures: &mut Vec<String>) {
    let o = office.sync_command().output().expect("sync");
    if !o.status.success() {
        failures.push(format!("{}: {}", office.user.name, text(&o.stderr)));
    }
}

fn wait_child(mut child: Child) -> Output {
    child.stdin.take();
    child.wait_with_output().expect("wait")
}

/// A sync of `office` held in its rebase by the hook, an action made meanwhile (it waits for
/// the sync), then the sync let go; gives the action and whether the sync was caught rebasing.
fn act_during_sync(
    office: &Office,
    directive: &str,
    at: DateTime<FixedOffset>,
    pick: usize,
    failures: &mut Vec<String>,
) -> (Action, bool) {
    let _ = fs::remove_file(&office.mark);
    fs::remove_file(&office.release).expect("hold the hook");
    let mut child = office
        .sync_command()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sync");
    let deadline = Instant::now() + Duration::from_secs(30);
    let caught = loop {
        if office.mark.exists() {
            break true;
        }
        if child.try_wait().expect("wait").is_some() || Instant::now() > deadline {
            break false;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let (mut command, action) = action_command(office, directive, at, pick);
    let mut writer = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("action");
    if caught {
        // The sync holds the clone: the check-off says it waits, and waits.
        let mut line = String::new();
        let stderr = writer.stderr.take().expect("stderr");
        BufReader::new(stderr).read_line(&mut line).expect("read");
        assert!(line.contains("waiting for it to finish"), "{line:?}");
        assert!(
            writer.try_wait().expect("wait").is_none(),
            "wrote during a rebase"
        );
    }
    fs::write(&office.release, "").expect("release");
    let o = wait_child(writer);
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
    let o = wait_child(child);
    if !o.status.success() {
        failures.push(format!("{} (held): {}", office.user.name, text(&o.stderr)));
    }
    (action, caught)
}

#[test]
fn three_offices_lose_nothing_revive_nothing_and_never_get_stuck() {
    let Some(hub) = hub() else {
        return;
    };
    let offices = &hub.offices;
    let ids = directive_ids(&offices[0].file());
    let start = DateTime::parse_from_rfc3339("2024-03-20T08:00:00+07:00").expect("time");
    let mut rng = Rng::new(SEED);
    let mut actions: Vec<Action> = Vec::new();
    let mut made = [0usize; 3];
    let mut failures = Vec::new();
    let mut caught = 0;
    let mut tick = 0i64;
    let mut next_at = || {
        tick += 1;
        start + chrono::Duration::seconds(tick)
    };
    while made.iter().any(|&n| n < per_office()) {
        let c = rng.below(3);
        let directive = ids[rng.below(ids.len().min(8))].clone();
        let pick = rng.below(4);
        if rng.below(6) == 0 {
            // Another office sends something first, so this sync has to rebase.
            let other = (c + 1 + rng.below(2)) % 3;
            let d = ids[rng.below(ids.len().min(8))].clone();
            actions.push(act(&offices[other], &d, next_at(), rng.below(4)));
            made[other] += 1;
            sync(&offices[other], &mut failures);
            let (action, held) =
                act_during_sync(&offices[c], &directive, next_at(), pick, &mut failures);
            actions.push(action);
            caught += usize::from(held);
        } else {
            actions.push(act(&offices[c], &directive, next_at(), pick));
            if rng.below(3) == 0 {
                sync(&offices[c], &mut failures);
            }
        }
        made[c] += 1;
    }
    let mut stuck = 0;
    for _round in 0..2 {
        for office in offices {
            let mut f = Vec::new();
            sync(office, &mut f);
            stuck += f.len();
            failures.extend(f);
        }
    }

    let mut last: BTreeMap<&str, State> = BTreeMap::new();
    for a in &actions {
        last.insert(&a.directive, a.state);
    }
    let (mut lost, mut revived) = (0, 0);
    let mut wrong = Vec::new();
    for office in offices {
        let now = read_states(&office.file());
        for a in &actions {
            let log = &now[&a.directive].1;
            if !log
                .iter()
                .any(|(at, by, s)| *at == a.at && *by == a.by && *s == Some(a.state))
            {
                lost += 1;
                wrong.push(format!("{}: {a:?} missing", office.user.name));
            }
        }
        for (id, want) in &last {
            let have = now[*id].0;
            if have != *want {
                if have == State::Done {
                    revived += 1;
                } else {
                    lost += 1;
                }
                wrong.push(format!(
                    "{}: {id} is {have:?}, the last action says {want:?}",
                    office.user.name
                ));
            }
        }
    }
    let texts: Vec<String> = offices
        .iter()
        .map(|o| fs::read_to_string(o.file()).expect("read"))
        .collect();
    assert!(caught > 0, "no action was made while a sync was rebasing");
    assert_eq!(
        (lost, revived, stuck),
        (0, 0, 0),
        "{wrong:#?}\n{failures:#?}"
    );
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(texts.windows(2).all(|w| w[0] == w[1]), "the clones differ");
    for office in offices {
        let status = office
            .command("git")
            .args(["status", "--porcelain"])
            .output()
            .expect("git");
        assert_eq!(text(&status.stdout), "", "{}", office.user.name);
    }
    drop(hub.tmp);
}

#[test]
fn a_hub_the_office_may_not_write_to_is_said_as_such() {
    let Some(hub) = hub() else {
        return;
    };
    let office = &hub.offices[1];
    let hub_dir = hub.tmp.path().join("hub.git");
    run(Command::new("chmod").args(["-R", "a-w"]).arg(&hub_dir));
    let at = DateTime::parse_from_rfc3339("2024-03-20T09:00:00+07:00").expect("time");
    let ids = directive_ids(&office.file());
    act(office, &ids[0], at, 0);
    let o = office.sync_command().output().expect("sync");
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    let said = text(&o.stderr);
    assert!(said.contains("does not let you write to it"), "{said}");
    assert!(said.contains("--pull-only"), "{said}");
    assert!(!said.contains("sync again later"), "{said}");
    let mut vi = office.command(BIN);
    vi.arg("--dir")
        .arg(&office.clone)
        .args(["--lang", "vi", "sync"]);
    let o = vi.output().expect("sync");
    assert!(
        text(&o.stderr).contains("không cho bạn ghi"),
        "{}",
        text(&o.stderr)
    );
    let mut pull = office.sync_command();
    pull.arg("--pull-only");
    let o = pull.output().expect("sync");
    assert!(o.status.success(), "{}", text(&o.stderr));
    run(Command::new("chmod").args(["-R", "u+w"]).arg(&hub_dir));
}
