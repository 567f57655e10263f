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
