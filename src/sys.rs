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
