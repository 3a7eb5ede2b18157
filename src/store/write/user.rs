//! Who and when: the login name of a user id (the process's, a file's owner, a lock's holder)
//! through NSS, and now to the second, as a change is stamped.

use std::ffi::CStr;

use chrono::{DateTime, FixedOffset, Local, Timelike};

/// The login name of the process's real user id, else that id as a number.
pub fn current_user() -> String {
    user_name(rustix::process::getuid().as_raw())
}

/// The login name of `uid`, else that id as a number.
pub(crate) fn user_name(uid: u32) -> String {
    login_name(uid).unwrap_or_else(|| uid.to_string())
}

#[allow(unsafe_code, reason = "getpwuid_r (NSS) has no rustix equivalent")]
fn login_name(uid: libc::uid_t) -> Option<String> {
    let mut buf: Vec<libc::c_char> = vec![0; 1024];
    loop {
        // SAFETY: an all-zero passwd is a valid value (null pointers, zero ids).
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        // SAFETY: every pointer is valid for the call and `buf.len()` is its real length.
        let rc =
            unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut found) };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        if rc != 0 || found.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        // SAFETY: on success pw_name points to a NUL-terminated string inside `buf`.
        let name = unsafe { CStr::from_ptr(pwd.pw_name) }.to_string_lossy();
        return (!name.is_empty()).then(|| name.into_owned());
    }
}

/// Now, with the local offset, to the second.
pub(crate) fn now_local() -> DateTime<FixedOffset> {
    let now = Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}
