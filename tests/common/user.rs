//! An ordinary user to run the binary as. CI runs as root, which ignores permission bits, so the
//! permission cases drop privileges with `setpriv` to a dedicated unprivileged user.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

use super::{BIN, skip};

/// The dedicated user the tests create when it is missing (`useradd --system`).
pub(crate) const TEST_USER: &str = "briefing-test";

#[derive(Debug, Clone)]
pub(crate) struct TestUser {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    /// Supplementary groups (none for the plain test user).
    pub groups: Vec<u32>,
}

impl TestUser {
    /// `program` run as this user: real and effective ids, their supplementary groups.
    pub(crate) fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new("setpriv");
        c.arg(format!("--reuid={}", self.uid))
            .arg(format!("--regid={}", self.gid));
        if self.groups.is_empty() {
            c.arg("--clear-groups");
        } else {
            let list: Vec<String> = self.groups.iter().map(u32::to_string).collect();
            c.arg(format!("--groups={}", list.join(",")));
        }
        c.arg("--")
            .arg(program)
            // Root's config folder is not the user's to read.
            .env_remove("HOME")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("BRIEFING_DIR");
        c
    }

    /// `briefing --dir DIR --lang LANG ARGS…` as this user.
    pub(crate) fn run(&self, dir: &Path, lang: &str, args: &[&str]) -> Output {
        self.command(BIN)
            .arg("--dir")
            .arg(dir)
            .args(["--lang", lang])
            .args(args)
            .output()
            .expect("run briefing through setpriv")
    }

    /// Hands `path` (not following a final symlink) to this user and their group.
    pub(crate) fn own(&self, path: &Path) {
        std::os::unix::fs::lchown(path, Some(self.uid), Some(self.gid))
            .unwrap_or_else(|e| panic!("chown {} to {}: {e}", path.display(), self.name));
    }
}

/// The unprivileged user, when the tests run as root and can switch to it; otherwise a visible
/// notice (a failure under `CI=true`) and `None`: the caller returns.
pub(crate) fn other_user() -> Option<&'static TestUser> {
    static USER: OnceLock<Result<TestUser, String>> = OnceLock::new();
    made_once(&USER, find_or_create)
}

/// What `make` made the first time (once per test binary), or `None` after the notice of why it
/// could not be made (a failure under `CI=true`).
fn made_once<T>(
    cell: &'static OnceLock<Result<T, String>>,
    make: fn() -> Result<T, String>,
) -> Option<&'static T> {
    match cell.get_or_init(make) {
        Ok(made) => Some(made),
        Err(why) => {
            skip(why);
            None
        }
    }
}

/// `useradd` of a system user `name` without a home or a login shell, in `group` if given;
/// whether it worked is for the caller to look up (another test binary may add it meanwhile).
fn add_user(name: &str, group: Option<&str>) {
    let mut add = Command::new("useradd");
    add.args([
        "--system",
        "--no-create-home",
        "--shell",
        "/usr/sbin/nologin",
    ]);
    if let Some(group) = group {
        add.args(["-G", group]);
    }
    let _ = add.arg(name).output();
}

fn find_or_create() -> Result<TestUser, String> {
    if !super::is_root() {
        return Err("needs root to switch to an ordinary user (CI runs as root)".to_string());
    }
    if !super::have_tool("setpriv") {
        return Err("`setpriv` (util-linux) is missing".to_string());
    }
    let user = match lookup(TEST_USER) {
        Some(u) => u,
        None => {
            // Another test binary may create it at the same moment: look again either way.
            add_user(TEST_USER, None);
            lookup(TEST_USER)
                .or_else(|| lookup("nobody"))
                .ok_or_else(|| format!("could not create `{TEST_USER}` and there is no `nobody`"))?
        }
    };
    if user.uid == 0 {
        return Err(format!("`{}` is root", user.name));
    }
    let probe = user
        .command(BIN)
        .arg("--version")
        .output()
        .map_err(|e| format!("setpriv failed: {e}"))?;
    if !probe.status.success() {
        return Err(format!(
            "`{}` cannot run {BIN} (is the target folder traversable?): {}",
            user.name,
            String::from_utf8_lossy(&probe.stderr)
        ));
    }
    Ok(user)
}

/// Uid and primary gid of `name`, from `id`.
fn lookup(name: &str) -> Option<TestUser> {
    let id = |flag: &str| -> Option<u32> {
        let o = Command::new("id").arg(flag).arg(name).output().ok()?;
        if !o.status.success() {
            return None;
        }
        String::from_utf8_lossy(&o.stdout).trim().parse().ok()
    };
    Some(TestUser {
        name: name.to_string(),
        uid: id("-u")?,
        gid: id("-g")?,
        groups: Vec::new(),
    })
}

/// The unprivileged user `name` (created when missing, as `other_user` does), for a test that
/// needs a user of its own; `None` with a visible notice (a failure under `CI=true`).
pub(crate) fn user_named(name: &str) -> Option<TestUser> {
    if !super::is_root() {
        skip("not root: cannot switch to an ordinary user (CI runs as root)");
        return None;
    }
    if lookup(name).is_none() {
        let _ = Command::new("useradd")
            .args([
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
            ])
            .arg(name)
            .output();
    }
    match lookup(name) {
        Some(user) if user.uid != 0 => Some(user),
        _ => {
            skip(&format!("could not create the user `{name}`"));
            None
        }
    }
}

/// An office on one server: staff in one Unix group sharing a folder (issue 21).
#[derive(Debug)]
pub(crate) struct Office {
    /// The group's name and id.
    pub group: String,
    pub gid: u32,
    /// Made the file; in the group.
    pub lan: TestUser,
    /// A colleague in the group.
    pub binh: TestUser,
    /// Not in the group; may be given rights by an ACL entry.
    pub an: TestUser,
}

pub(crate) const OFFICE_GROUP: &str = "bfow_canbo";

/// The office's users and group, created when missing; `None` (after a visible notice, a
/// failure under `CI=true`) where the tests cannot switch users.
pub(crate) fn office() -> Option<&'static Office> {
    static OFFICE: OnceLock<Result<Office, String>> = OnceLock::new();
    made_once(&OFFICE, make_office)
}

fn make_office() -> Result<Office, String> {
    other_user().ok_or("no ordinary user to switch to")?;
    if group_id(OFFICE_GROUP).is_none() {
        let _ = Command::new("groupadd")
            .args(["--system", OFFICE_GROUP])
            .output();
    }
    let gid = group_id(OFFICE_GROUP).ok_or(format!("could not create group `{OFFICE_GROUP}`"))?;
    let member = |name: &str, in_group: bool| -> Result<TestUser, String> {
        if lookup(name).is_none() {
            add_user(name, in_group.then_some(OFFICE_GROUP));
        }
        let mut user = lookup(name).ok_or(format!("could not create user `{name}`"))?;
        if in_group {
            user.groups = vec![user.gid, gid];
        }
        Ok(user)
    };
    Ok(Office {
        group: OFFICE_GROUP.to_string(),
        gid,
        lan: member("bfow_lan", true)?,
        binh: member("bfow_binh", true)?,
        an: member("bfow_an", false)?,
    })
}

fn group_id(name: &str) -> Option<u32> {
    let o = Command::new("getent").args(["group", name]).output().ok()?;
    let line = String::from_utf8_lossy(&o.stdout);
    line.trim().split(':').nth(2)?.parse().ok()
}
