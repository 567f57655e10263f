//! `rpod-init`: the `--init` of rpod's containers, a small program of its
//! own, statically linked (it must run in any image) and embedded in the
//! engine (`runtime/build.rs`), which runs it from a sealed memfd: so the
//! container's `/proc/1/exe` is never the engine's binary on the host (the
//! runc CVE-2019-5736 class), and it cannot be written.
//!
//! The container's init sets the container up, forks the command, and then
//! executes this program as `rpod-init PID` with the forwarded signals and
//! SIGCHLD already blocked (so none is lost across the exec). It forwards
//! those signals to the command, reaps every child (orphans come to PID 1),
//! and exits with the command's exit code, 128+n when it was killed by
//! signal n, like tini or catatonit.
//!
//! `rpod-init --pause` is the process of a pod's infra container (what
//! Podman runs `catatonit -P` in a pause image for): it holds the pod's
//! namespaces, reaps whatever is reparented to it (it is PID 1 when the
//! pod shares its PID namespace), and exits 0 on SIGTERM, SIGINT or SIGHUP.

use std::os::raw::{c_int, c_ulong};

/// glibc's `sigset_t` (1024 bits).
#[repr(C)]
struct SigSet([u64; 16]);

extern "C" {
    fn sigemptyset(set: *mut SigSet) -> c_int;
    fn sigaddset(set: *mut SigSet, sig: c_int) -> c_int;
    fn sigprocmask(how: c_int, set: *const SigSet, old: *mut SigSet) -> c_int;
    fn sigwait(set: *const SigSet, sig: *mut c_int) -> c_int;
    fn waitpid(pid: c_int, status: *mut c_int, options: c_int) -> c_int;
    fn kill(pid: c_int, sig: c_int) -> c_int;
    fn prctl(option: c_int, arg2: c_ulong, arg3: c_ulong, arg4: c_ulong, arg5: c_ulong) -> c_int;
}

const SIGCHLD: c_int = 17;
/// SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM, SIGCONT,
/// SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH (the runtime's `init::FORWARDED`).
const FORWARDED: [c_int; 12] = [1, 2, 3, 10, 12, 14, 15, 18, 20, 21, 22, 28];
const SIG_BLOCK: c_int = 0;
const WNOHANG: c_int = 1;
const PR_SET_NAME: c_int = 15;

fn fail(msg: &str) -> ! {
    eprintln!("rpod-init: {msg}");
    std::process::exit(125)
}

/// The exit code of a wait status the Docker way.
fn code_of(status: c_int) -> Option<i32> {
    let sig = status & 0x7f;
    if sig == 0 {
        Some((status >> 8) & 0xff)
    } else if sig != 0x7f {
        Some(128 + sig)
    } else {
        None
    }
}

/// Reap every exited child; the command's exit code if it was among them.
fn reap_all(command: c_int) -> Option<i32> {
    let mut result = None;
    loop {
        let mut status: c_int = 0;
        // SAFETY: waitpid writes one int to `status`.
        let pid = unsafe { waitpid(-1, &mut status, WNOHANG) };
        if pid <= 0 {
            return result;
        }
        if pid == command {
            result = code_of(status).or(result);
        }
    }
}

const SIGHUP: c_int = 1;
const SIGINT: c_int = 2;
const SIGTERM: c_int = 15;

fn main() {
    let arg = std::env::args().nth(1);
    let pause = arg.as_deref() == Some("--pause");
    let command: c_int = match arg.map(|a| a.parse()) {
        _ if pause => 0,
        Some(Ok(pid)) if pid > 0 => pid,
        _ => fail("usage: rpod-init PID (run by rpod for --init), or rpod-init --pause"),
    };
    // SAFETY: the set is a plain bit array initialised by sigemptyset; prctl
    // PR_SET_NAME reads a NUL-terminated string of at most 16 bytes.
    let set = unsafe {
        let mut set = SigSet([0; 16]);
        sigemptyset(&mut set);
        for sig in FORWARDED.into_iter().chain([SIGCHLD]) {
            sigaddset(&mut set, sig);
        }
        if sigprocmask(SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            fail("blocking signals");
        }
        prctl(PR_SET_NAME, c"rpod-init".as_ptr() as c_ulong, 0, 0, 0);
        set
    };
    if pause {
        loop {
            let mut sig: c_int = 0;
            // SAFETY: sigwait reads the set and writes one int.
            if unsafe { sigwait(&set, &mut sig) } != 0 {
                continue;
            }
            match sig {
                SIGTERM | SIGINT | SIGHUP => std::process::exit(0),
                SIGCHLD => {
                    reap_all(0);
                }
                _ => {}
            }
        }
    }
    // A command that ended before this program started left SIGCHLD pending.
    if let Some(code) = reap_all(command) {
        std::process::exit(code);
    }
    loop {
        let mut sig: c_int = 0;
        // SAFETY: sigwait reads the set and writes one int.
        if unsafe { sigwait(&set, &mut sig) } != 0 {
            continue;
        }
        if sig != SIGCHLD {
            // SAFETY: kill has no memory arguments.
            unsafe { kill(command, sig) };
            continue;
        }
        if let Some(code) = reap_all(command) {
            std::process::exit(code);
        }
    }
}
