//! `rpod __pause PIDFILE`: the pause process; see [`crate::pause`].

use std::ffi::OsString;
use std::path::PathBuf;

/// What `rpod __pause` was told: the PID file that must keep naming it.
pub struct Invocation {
    pub pid_file: PathBuf,
}

/// `rpod __pause PIDFILE`, as [`crate::pause`] starts it.
pub fn parse(args: &[OsString]) -> Option<Invocation> {
    match args {
        [_, cmd, file] if cmd == "__pause" => Some(Invocation { pid_file: PathBuf::from(file) }),
        _ => None,
    }
}

pub fn run(p: Invocation) -> i32 {
    crate::pause::pause_forever(&p.pid_file)
}
