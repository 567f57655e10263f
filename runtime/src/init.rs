//! `--init`: a minimal init for PID 1 of a container. It forks the real
//! command, forwards the usual signals to it, reaps every zombie that is
//! reparented to it, and exits with the command's exit code (128+n when the
//! command was killed by signal n), like tini or catatonit.

use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStrExt;

use nix::errno::Errno;
use nix::sys::signal::{kill, SigSet, SigmaskHow, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;

use crate::sys;

/// The signals passed on to the command.
pub const FORWARDED: [Signal; 12] = [
    Signal::SIGHUP,
    Signal::SIGINT,
    Signal::SIGQUIT,
    Signal::SIGUSR1,
    Signal::SIGUSR2,
    Signal::SIGALRM,
    Signal::SIGTERM,
    Signal::SIGCONT,
    Signal::SIGTSTP,
    Signal::SIGTTIN,
    Signal::SIGTTOU,
    Signal::SIGWINCH,
];

fn fail(msg: &str, code: i32) -> ! {
    eprintln!("rpod-init: {msg}");
    std::process::exit(code)
}

/// Run `args` (command and arguments, looked up in `PATH`) as the child of
/// this process and act as its init. Call it in a single-threaded process.
pub fn tiny_init(args: &[OsString]) -> ! {
    let Some(cmd) = args.first() else { fail("no command given", 125) };
    let argv: Vec<CString> = match args.iter().map(|a| CString::new(a.as_bytes())).collect() {
        Ok(v) => v,
        Err(_) => fail("an argument contains a NUL byte", 125),
    };
    let mut set = SigSet::empty();
    for s in FORWARDED {
        set.add(s);
    }
    set.add(Signal::SIGCHLD);
    if let Err(e) = nix::sys::signal::sigprocmask(SigmaskHow::SIG_BLOCK, Some(&set), None) {
        fail(&format!("blocking signals: {e}"), 125);
    }
    // Orphans of the command's descendants come to us even when we are not
    // PID 1 of a namespace.
    let _ = nix::sys::prctl::set_child_subreaper(true);

    let child = match sys::fork_single_threaded() {
        Err(e) => fail(&format!("fork: {e}"), 125),
        Ok(None) => {
            let _ = nix::sys::signal::sigprocmask(SigmaskHow::SIG_SETMASK, Some(&SigSet::empty()), None);
            let e = nix::unistd::execvp(&argv[0], &argv).err().unwrap_or(Errno::ENOENT);
            let code = if matches!(e, Errno::ENOENT | Errno::ENOTDIR) { 127 } else { 126 };
            fail(&format!("{}: {}", cmd.to_string_lossy(), e.desc()), code)
        }
        Ok(Some(pid)) => pid,
    };

    loop {
        let sig = match set.wait() {
            Ok(s) => s,
            Err(Errno::EINTR) => continue,
            Err(e) => fail(&format!("sigwait: {e}"), 125),
        };
        if sig != Signal::SIGCHLD {
            let _ = kill(child, sig);
            continue;
        }
        if let Some(code) = reap_all(child) {
            std::process::exit(code);
        }
    }
}

/// Reap every exited child; the command's exit code if it was among them.
fn reap_all(child: Pid) -> Option<i32> {
    let mut result = None;
    loop {
        match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::Exited(pid, code)) if pid == child => result = Some(code),
            Ok(WaitStatus::Signaled(pid, sig, _)) if pid == child => result = Some(128 + sig as i32),
            Ok(WaitStatus::StillAlive) | Err(Errno::ECHILD) => return result,
            Ok(_) | Err(Errno::EINTR) => {}
            Err(_) => return result,
        }
    }
}
