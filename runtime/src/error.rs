//! The runtime's error type.

use nix::errno::Errno;

/// Everything that can go wrong starting or running a container.
#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    /// The container's command does not exist (`execve` said ENOENT/ENOTDIR):
    /// the CLI exits 127.
    #[error("{command}: executable file not found in $PATH or in the container")]
    CommandNotFound { command: String },
    /// The command exists but cannot be executed (EACCES, ENOEXEC, EISDIR,
    /// ...): the CLI exits 126.
    #[error("{command}: cannot execute: {errno}")]
    CannotInvoke { command: String, errno: Errno },
    /// A step of setting the container up failed in the container's init,
    /// e.g. `mounting proc on /proc: EPERM: Operation not permitted`.
    #[error("{step}: {errno}")]
    Setup { step: String, errno: Errno },
    /// The spec cannot be run as given.
    #[error("invalid container configuration: {0}")]
    InvalidSpec(String),
    /// A system call made by the engine side of the runtime failed.
    #[error("{what}: {errno}")]
    Sys { what: String, errno: Errno },
    /// An I/O error of the engine side (reading or writing a file).
    #[error("{what}: {source}")]
    Io { what: String, source: std::io::Error },
    /// The container's init died before it finished its set-up, without a
    /// report (killed from outside, crashed).
    #[error("the container's init died during set-up ({0})")]
    InitDied(String),
    /// A lifecycle hook failed (exit status, timeout, could not start).
    #[error("{stage} hook {path}: {why}")]
    Hook { stage: &'static str, path: String, why: String },
}

impl RuntimeError {
    /// The exit code a Docker-compatible CLI uses for this error: 127 for a
    /// command not found, 126 for one that cannot be invoked, else 125.
    pub fn exit_code(&self) -> i32 {
        match self {
            RuntimeError::CommandNotFound { .. } => 127,
            RuntimeError::CannotInvoke { .. } => 126,
            _ => 125,
        }
    }

    pub(crate) fn sys(what: impl Into<String>, errno: Errno) -> Self {
        RuntimeError::Sys { what: what.into(), errno }
    }

    pub(crate) fn io(what: impl Into<String>, source: std::io::Error) -> Self {
        RuntimeError::Io { what: what.into(), source }
    }

    /// The error an `execve` of `command` that failed with `errno` means.
    pub(crate) fn from_exec(command: &str, errno: Errno) -> Self {
        match errno {
            Errno::ENOENT | Errno::ENOTDIR => RuntimeError::CommandNotFound { command: command.to_string() },
            _ => RuntimeError::CannotInvoke { command: command.to_string(), errno },
        }
    }
}
