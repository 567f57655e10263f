//! The few process-wide settings that need `unsafe`.
#![allow(unsafe_code)]

/// Restore the default SIGPIPE disposition, so `rpod ps | head -1` ends
/// quietly like any Unix tool instead of failing on a write error.
pub fn restore_sigpipe() {
    // SAFETY: called first thing in main, before any other thread exists;
    // SIG_DFL is a valid disposition and no Rust handler is replaced.
    unsafe {
        let _ = nix::sys::signal::signal(nix::sys::signal::Signal::SIGPIPE, nix::sys::signal::SigHandler::SigDfl);
    }
}

/// The window size of the terminal on `fd` as (rows, columns), if it is one.
pub fn window_size(fd: std::os::fd::BorrowedFd) -> Option<(u16, u16)> {
    use std::os::fd::AsRawFd;
    let mut ws = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes a `struct winsize` into the valid pointer given.
    let r = unsafe { libc::ioctl(fd.as_raw_fd(), libc::TIOCGWINSZ, &mut ws) };
    (r == 0 && ws.ws_row > 0 && ws.ws_col > 0).then_some((ws.ws_row, ws.ws_col))
}

/// Set the window size of the terminal on `fd` (a pty master).
pub fn set_window_size(fd: std::os::fd::BorrowedFd, rows: u16, cols: u16) {
    use std::os::fd::AsRawFd;
    let ws = libc::winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCSWINSZ reads a `struct winsize` from the valid pointer given.
    let _ = unsafe { libc::ioctl(fd.as_raw_fd(), libc::TIOCSWINSZ, &ws) };
}

/// In the child of `cmd`, make `fds` descriptors 3, 4, ... (kept across
/// exec), in that order.
pub fn pass_fds(cmd: &mut std::process::Command, fds: Vec<std::os::fd::RawFd>) {
    use std::os::unix::process::CommandExt;
    // SAFETY: the closure runs between fork and exec and calls only
    // async-signal-safe functions (fcntl, dup2, close) on plain integers.
    unsafe {
        cmd.pre_exec(move || {
            // First out of the way (a source may be another's target).
            let mut high = Vec::with_capacity(fds.len());
            for &fd in &fds {
                let h = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 100);
                if h < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                high.push(h);
            }
            for (i, &h) in high.iter().enumerate() {
                // dup2 leaves close-on-exec cleared on the new descriptor.
                if libc::dup2(h, 3 + i as i32) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                libc::close(h);
            }
            Ok(())
        });
    }
}

/// The child of `cmd` as a helper of the caller (a container's monitor):
/// SIGKILL when the calling thread dies, no signal blocked (the monitor
/// blocks the ones it reads through a signalfd, and a mask is inherited
/// across exec), and no descriptor above the `passed` ones from 3 on
/// ([`pass_fds`]) inherited (the container's stdio pipes among them, which
/// would otherwise never reach EOF).
pub fn helper_child(cmd: &mut std::process::Command, passed: u32) {
    use std::os::unix::process::CommandExt;
    let parent = std::process::id() as libc::pid_t;
    // SAFETY: the closure runs between fork and exec and calls only
    // async-signal-safe functions (prctl, getppid, sigprocmask, syscall,
    // _exit) on plain integers and a local signal set.
    unsafe {
        cmd.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong, 0, 0, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            // The parent died before the signal was armed.
            if libc::getppid() != parent {
                libc::_exit(1);
            }
            let mut none: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut none);
            if libc::sigprocmask(libc::SIG_SETMASK, &none, std::ptr::null_mut()) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            // Close-on-exec rather than closed: the standard library's own
            // pipe that reports a failed exec must stay open until then.
            if libc::syscall(libc::SYS_close_range, 3 + passed, u32::MAX, libc::CLOSE_RANGE_CLOEXEC) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// Descriptor `n` as given by [`pass_fds`], if it is open; close-on-exec
/// is set again so the container never inherits it.
pub fn take_fd(n: std::os::fd::RawFd) -> Option<std::os::fd::OwnedFd> {
    use std::os::fd::FromRawFd;
    // SAFETY: F_GETFD only inspects descriptor n.
    let flags = unsafe { libc::fcntl(n, libc::F_GETFD) };
    if flags < 0 {
        return None;
    }
    // SAFETY: descriptor n is open (checked above) and nothing else in this
    // process owns it: it was handed over by the parent for this purpose.
    unsafe {
        libc::fcntl(n, libc::F_SETFD, flags | libc::FD_CLOEXEC);
        Some(std::os::fd::OwnedFd::from_raw_fd(n))
    }
}

/// `--preserve-fds N`: the caller's descriptors 3..3+N, checked open and
/// made close-on-exec (they reach the container only where handed on
/// explicitly). Podman's message when one is missing.
pub fn inherited_fds(n: u32) -> anyhow::Result<Vec<std::os::fd::OwnedFd>> {
    // All checked before any is taken: a missing one leaves the others alone.
    for fd in 3..3 + n as std::os::fd::RawFd {
        // SAFETY: F_GETFD only inspects descriptor fd.
        if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
            return Err(crate::error::Failure::new(
                crate::error::ExitCode::Engine,
                format!(
                    "file descriptor {fd} is not available - the preserve-fds option requires that file descriptors must be passed"
                ),
            )
            .into());
        }
    }
    Ok((3..3 + n as std::os::fd::RawFd).filter_map(take_fd).collect())
}

/// Fork; the parent exits at once (status 0), the child returns. Called by
/// the monitor first thing, while it has a single thread.
pub fn fork_into_background() {
    // SAFETY: the process is single-threaded here (the monitor calls this
    // before starting anything), so the child may run arbitrary code.
    match unsafe { nix::unistd::fork() } {
        Ok(nix::unistd::ForkResult::Child) => {}
        // SAFETY: _exit ends the parent without running destructors or
        // atexit handlers that belong to the child's copy of the state.
        Ok(nix::unistd::ForkResult::Parent { .. }) => unsafe { libc::_exit(0) },
        Err(e) => {
            eprintln!("rpod monitor: fork: {e}");
            // SAFETY: as above.
            unsafe { libc::_exit(1) }
        }
    }
}

/// Whether `path` has the extended attribute `name` (e.g.
/// `security.capability`: file capabilities).
pub fn has_xattr(path: &std::path::Path, name: &str) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let (Ok(p), Ok(n)) = (std::ffi::CString::new(path.as_os_str().as_bytes()), std::ffi::CString::new(name)) else {
        return false;
    };
    // SAFETY: both strings are NUL-terminated; a zero-sized query writes nothing.
    unsafe { libc::getxattr(p.as_ptr(), n.as_ptr(), std::ptr::null_mut(), 0) >= 0 }
}

/// Sets the extended attribute `name` of `path` to `value`.
pub fn set_xattr(path: &std::path::Path, name: &str, value: &[u8]) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let p = std::ffi::CString::new(path.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    let n = std::ffi::CString::new(name).map_err(std::io::Error::other)?;
    // SAFETY: both strings are NUL-terminated; `value` is valid for its length.
    let r = unsafe { libc::setxattr(p.as_ptr(), n.as_ptr(), value.as_ptr().cast(), value.len(), 0) };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// kill(2) with a signal number nix's `Signal` cannot name (the real-time
/// ones, `SIGRTMIN+3` for systemd).
pub fn kill_raw(pid: i32, signal: i32) -> std::io::Result<()> {
    // SAFETY: kill(2) takes two integers and touches no memory of ours.
    if unsafe { libc::kill(pid, signal) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// SIGRTMIN of this C library (34 with glibc).
pub fn sigrtmin() -> i32 {
    libc::SIGRTMIN()
}

/// SIGRTMAX of this C library (64).
pub fn sigrtmax() -> i32 {
    libc::SIGRTMAX()
}
