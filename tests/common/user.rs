//! An ordinary user to run the binary as. CI runs as root, which ignores permission bits, so the
//! permission cases drop privileges with `setpriv` to a dedicated unprivileged user.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

use super::{BIN, skip};

/// The dedicated user the tests create when it is missing (`useradd --system`).
pub const TEST_USER: &str = "briefing-test";

#[derive(Debug, Clone)]
pub struct TestUser {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
}

impl TestUser {
    /// `program` run as this user: real and effective ids, no supplementary groups.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new("setpriv");
        c.arg(format!("--reuid={}", self.uid))
            .arg(format!("--regid={}", self.gid))
            .arg("--clear-groups")
            .arg("--")
            .arg(program)
            // Root's config folder is not the user's to read.
            .env_remove("HOME")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("BRIEFING_DIR");
        c
    }

    /// `briefing --dir DIR --lang LANG ARGS…` as this user.
    pub fn run(&self, dir: &Path, lang: &str, args: &[&str]) -> Output {
        self.command(BIN)
            .arg("--dir")
            .arg(dir)
            .args(["--lang", lang])
            .args(args)
            .output()
            .expect("run briefing through setpriv")
    }

    /// Hands `path` (not following a final symlink) to this user and their group.
    pub fn own(&self, path: &Path) {
        std::os::unix::fs::lchown(path, Some(self.uid), Some(self.gid))
            .unwrap_or_else(|e| panic!("chown {} to {}: {e}", path.display(), self.name));
    }
}

/// The unprivileged user, when the tests run as root and can switch to it; otherwise a visible
/// notice (a failure under `CI=true`) and `None`: the caller returns.
pub fn other_user() -> Option<&'static TestUser> {
    static USER: OnceLock<Result<TestUser, String>> = OnceLock::new();
    match USER.get_or_init(find_or_create) {
        Ok(user) => Some(user),
        Err(why) => {
            skip(why);
            None
        }
    }
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
            let _ = Command::new("useradd")
                .args([
                    "--system",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                ])
                .arg(TEST_USER)
                .output();
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
    })
}

/// The unprivileged user `name` (created when missing, as `other_user` does), for a test that
/// needs a user of its own; `None` with a visible notice (a failure under `CI=true`).
pub fn user_named(name: &str) -> Option<TestUser> {
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
