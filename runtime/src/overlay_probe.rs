//! Can this user mount the kernel's own overlayfs (with `userxattr` when
//! rootless)? Tried for real, in a throw-away child in its own user and
//! mount namespaces, on a tmpfs, so nothing of the caller changes.
//!
//! This is the one module of the crate that forks, hence `unsafe`.
#![allow(unsafe_code)]

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// The outcome of a probe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Native overlay works.
    Native,
    /// It does not; the step that failed and its errno.
    Unsupported { step: &'static str, errno: i32 },
}

impl Outcome {
    pub fn is_native(self) -> bool {
        self == Outcome::Native
    }
}

const STEPS: [&str; 8] =
    ["fork", "unshare", "setgroups", "uid_map", "gid_map", "make-private", "mount tmpfs", "mount overlay"];

/// Probe native overlay in an empty directory `scratch` that the caller
/// owns (it is only mounted over in the child, then left empty).
/// `rootless` = enter a user namespace mapping the caller to root first and
/// mount with `userxattr`, as rootless storage will.
pub fn probe(scratch: &Path, rootless: bool) -> Outcome {
    let uid = nix::unistd::getuid().as_raw();
    let gid = nix::unistd::getgid().as_raw();
    // Everything the child needs is prepared here: after fork it only makes
    // system calls on these buffers.
    let c = |s: &str| CString::new(s).expect("no NUL in probe strings");
    let dir = match CString::new(scratch.as_os_str().as_bytes()) {
        Ok(d) => d,
        Err(_) => return Outcome::Unsupported { step: "fork", errno: libc::EINVAL },
    };
    let sub = |name: &str| CString::new([scratch.as_os_str().as_bytes(), b"/", name.as_bytes()].concat()).ok();
    let (Some(lower), Some(upper), Some(work), Some(merged)) = (sub("l"), sub("u"), sub("w"), sub("m")) else {
        return Outcome::Unsupported { step: "fork", errno: libc::EINVAL };
    };
    let opts = format!(
        "lowerdir={},upperdir={},workdir={}{}",
        lower.to_string_lossy(),
        upper.to_string_lossy(),
        work.to_string_lossy(),
        if rootless { ",userxattr" } else { "" }
    );
    let opts = match CString::new(opts) {
        Ok(o) => o,
        Err(_) => return Outcome::Unsupported { step: "fork", errno: libc::EINVAL },
    };
    let uid_map = c(&format!("0 {uid} 1\n"));
    let gid_map = c(&format!("0 {gid} 1\n"));
    let (setgroups_path, uid_map_path, gid_map_path) =
        (c("/proc/self/setgroups"), c("/proc/self/uid_map"), c("/proc/self/gid_map"));
    let (deny, tmpfs, overlay, root) = (c("deny"), c("tmpfs"), c("overlay"), c("/"));

    // SAFETY: fork in a process that may have other threads is only sound if
    // the child restricts itself to async-signal-safe calls; the child below
    // calls only raw syscalls (unshare, open, write, close, mount, mkdir,
    // _exit) on buffers allocated before the fork, and never returns.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Outcome::Unsupported { step: STEPS[0], errno: nix::errno::Errno::last_raw() };
    }
    if pid == 0 {
        // SAFETY: see above; every pointer is a valid NUL-terminated string
        // that outlives the call, and the child ends with _exit.
        unsafe {
            let fail = |step: i32| -> ! { libc::_exit(step) };
            let write_file = |path: &CString, data: &CString| -> bool {
                let fd = libc::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
                if fd < 0 {
                    return false;
                }
                let bytes = data.as_bytes();
                let n = libc::write(fd, bytes.as_ptr().cast(), bytes.len());
                libc::close(fd);
                n == bytes.len() as isize
            };
            let flags = if rootless { libc::CLONE_NEWUSER | libc::CLONE_NEWNS } else { libc::CLONE_NEWNS };
            if libc::unshare(flags) != 0 {
                fail(1);
            }
            if rootless {
                if !write_file(&setgroups_path, &deny) {
                    fail(2);
                }
                if !write_file(&uid_map_path, &uid_map) {
                    fail(3);
                }
                if !write_file(&gid_map_path, &gid_map) {
                    fail(4);
                }
            }
            if libc::mount(
                std::ptr::null(),
                root.as_ptr(),
                std::ptr::null(),
                libc::MS_REC | libc::MS_PRIVATE,
                std::ptr::null(),
            ) != 0
            {
                fail(5);
            }
            if libc::mount(tmpfs.as_ptr(), dir.as_ptr(), tmpfs.as_ptr(), 0, std::ptr::null()) != 0 {
                fail(6);
            }
            for d in [&lower, &upper, &work, &merged] {
                if libc::mkdir(d.as_ptr(), 0o755) != 0 {
                    fail(6);
                }
            }
            if libc::mount(overlay.as_ptr(), merged.as_ptr(), overlay.as_ptr(), 0, opts.as_ptr().cast()) != 0 {
                fail(7);
            }
            libc::_exit(0);
        }
    }
    let mut status = 0;
    // SAFETY: waiting for the child we just forked; `status` is a valid out pointer.
    let r = unsafe { libc::waitpid(pid, &mut status, 0) };
    if r != pid || !libc::WIFEXITED(status) {
        return Outcome::Unsupported { step: STEPS[0], errno: libc::ECHILD };
    }
    match libc::WEXITSTATUS(status) {
        0 => Outcome::Native,
        n => Outcome::Unsupported { step: STEPS[(n as usize).min(STEPS.len() - 1)], errno: 0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probe_answers_without_touching_the_caller() {
        let dir = tempfile::tempdir().unwrap();
        let rootless = !nix::unistd::geteuid().is_root();
        let outcome = probe(dir.path(), rootless);
        // Either answer is possible on some kernel; what must hold is that
        // the caller's directory is untouched (the mounts lived in the child).
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "{outcome:?}");
    }
}
