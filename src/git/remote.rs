//! Talking to the remote without a terminal: no prompt can wait for an answer (SSH in batch
//! mode with a connect timeout, git's and SSH's prompts off), and a fetch or push that takes
//! longer than allowed is stopped with its whole process group.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Child, Output, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{GitError, RemoteFailure, Repo, classify, detail, spawn_error};

/// How long SSH may take to connect before it gives up.
const CONNECT_TIMEOUT_SECONDS: u64 = 15;

/// How often a running fetch or push is looked at.
const POLL: Duration = Duration::from_millis(20);

/// The variables that keep every prompt away from a sync: the SSH command the user chose
/// (`GIT_SSH_COMMAND`, `core.sshCommand`, `GIT_SSH`, else `ssh`) in batch mode with a
/// connect timeout, and git's terminal and SSH's graphical prompts off.
pub(super) fn batch_env(repo: &Repo) -> Vec<(String, String)> {
    let chosen = std::env::var("GIT_SSH_COMMAND")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(|| {
            repo.ok(["config", "--get", "core.sshCommand"])
                .ok()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
        })
        .or_else(|| {
            std::env::var("GIT_SSH")
                .ok()
                .filter(|p| !p.is_empty())
                .map(|p| shell_quote(&p))
        })
        .unwrap_or_else(|| "ssh".to_string());
    let ssh = format!("{chosen} -o BatchMode=yes -o ConnectTimeout={CONNECT_TIMEOUT_SECONDS}");
    vec![
        ("GIT_SSH_COMMAND".into(), ssh),
        ("GIT_TERMINAL_PROMPT".into(), "0".into()),
        ("SSH_ASKPASS_REQUIRE".into(), "never".into()),
        ("GCM_INTERACTIVE".into(), "never".into()),
    ]
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A fetch, push or `ls-remote` to `remote`, stopped after `timeout`; its failure told in terms
/// of the remote. Gives git's standard output.
pub(super) fn remote_op(
    repo: &Repo,
    remote: &str,
    args: &[&str],
    timeout: Duration,
) -> Result<String, GitError> {
    let out = run_bounded(repo, args, timeout).map_err(|e| match e {
        Bounded::TimedOut => GitError::TimedOut {
            remote: remote.to_string(),
            seconds: timeout.as_secs(),
        },
        Bounded::Spawn(e) => e,
    })?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let detail = detail(&out);
    let remote = remote.to_string();
    Err(match classify(&stderr) {
        RemoteFailure::Unreachable => GitError::Unreachable { remote, detail },
        RemoteFailure::Authentication => GitError::Authentication { remote, detail },
        RemoteFailure::HostKeyUnknown => GitError::HostKeyUnknown { remote, detail },
        RemoteFailure::KeyRefused => GitError::KeyRefused { remote, detail },
        RemoteFailure::ReadOnly => GitError::ReadOnlyHub { remote, detail },
        RemoteFailure::Rejected => GitError::Rejected { detail },
        RemoteFailure::Other => GitError::Failed {
            command: args.first().copied().unwrap_or("git").to_string(),
            detail,
        },
    })
}

enum Bounded {
    TimedOut,
    Spawn(GitError),
}

/// Runs git in its own process group (so SSH and whatever it started go with it), reading its
/// output on threads; kills the group once `timeout` has passed.
fn run_bounded(repo: &Repo, args: &[&str], timeout: Duration) -> Result<Output, Bounded> {
    let mut child = (repo.piped(args, Stdio::null()))
        .process_group(0)
        .spawn()
        .map_err(|e| Bounded::Spawn(spawn_error(e)))?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(POLL),
            Ok(None) => {
                kill_group(&mut child);
                return Err(Bounded::TimedOut);
            }
            Err(e) => {
                kill_group(&mut child);
                return Err(Bounded::Spawn(GitError::Io(e)));
            }
        }
    };
    Ok(Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

fn kill_group(child: &mut Child) {
    if let Some(pid) = rustix::process::Pid::from_raw(child.id() as i32) {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}
