//! The one error type that knows its exit code.
//!
//! Commands return `anyhow::Result`; anything that must leave rpod with a
//! code other than 125 wraps its cause in [`Failure`] (usually through
//! [`Failure::new`] or the [`exit`] helpers). `main` walks the error chain and
//! takes the first `Failure` it finds; an error with none exits 125, like
//! Docker and Podman when the engine itself fails.

use std::fmt;

/// Exit codes shared with Docker and Podman.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// 125: rpod itself failed (bad flag, store error, registry error, ...).
    Engine,
    /// 126: the container command exists but cannot be invoked.
    CannotInvoke,
    /// 127: the container command was not found.
    NotFound,
    /// Any other code: the container's own exit status.
    Container(i32),
}

impl ExitCode {
    pub fn code(self) -> i32 {
        match self {
            ExitCode::Engine => 125,
            ExitCode::CannotInvoke => 126,
            ExitCode::NotFound => 127,
            ExitCode::Container(c) => c,
        }
    }
}

/// What kind of failure, where a command's exit code depends on it
/// (Podman's `setExitCode`: `rm`, `stop`, `kill` of a missing container
/// exit 1, of one in the wrong state 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    Other,
    /// No container (or image) by that name or ID.
    NoSuchObject,
    /// The container is in a state the command cannot act on.
    StateImproper,
}

/// An error with the exit code rpod must leave with.
#[derive(Debug)]
pub struct Failure {
    pub exit: ExitCode,
    pub cause: Cause,
    message: String,
    /// Printed after the message (e.g. `See 'rpod run --help'.`).
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(exit: ExitCode, message: impl Into<String>) -> Self {
        Failure { exit, cause: Cause::Other, message: message.into(), hint: None }
    }

    /// A missing container or image (exit 125 unless the command says
    /// otherwise).
    pub fn no_such(message: impl Into<String>) -> Self {
        Failure { cause: Cause::NoSuchObject, ..Failure::new(ExitCode::Engine, message) }
    }

    /// A container in the wrong state for the command (exit 125 unless the
    /// command says otherwise).
    pub fn state_improper(message: impl Into<String>) -> Self {
        Failure { cause: Cause::StateImproper, ..Failure::new(ExitCode::Engine, message) }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// The exit code an error chain asks for: the first [`Failure`] in it, else 125.
pub fn exit_code_of(err: &anyhow::Error) -> i32 {
    failure_of(err).map(|f| f.exit.code()).unwrap_or(125)
}

/// The [`Cause`] of an error chain (of its first [`Failure`]).
pub fn cause_of(err: &anyhow::Error) -> Cause {
    failure_of(err).map_or(Cause::Other, |f| f.cause)
}

/// The first [`Failure`] in an error chain, if any.
pub fn failure_of(err: &anyhow::Error) -> Option<&Failure> {
    // `downcast_ref` on the anyhow error also sees a Failure used as
    // context (`.context(Failure::new(..))`); the chain sees causes.
    err.downcast_ref::<Failure>().or_else(|| err.chain().find_map(|e| e.downcast_ref::<Failure>()))
}

/// Format an error chain the way Podman does: `Error: outer: inner: root`.
pub fn render(err: &anyhow::Error) -> String {
    let mut out = String::from("Error: ");
    let mut first = true;
    for cause in err.chain() {
        if !first {
            out.push_str(": ");
        }
        first = false;
        out.push_str(&cause.to_string());
    }
    if let Some(hint) = failure_of(err).and_then(|f| f.hint.as_deref()) {
        out.push('\n');
        out.push_str(hint);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn plain_errors_exit_125() {
        let e = anyhow::anyhow!("boom");
        assert_eq!(exit_code_of(&e), 125);
        assert_eq!(render(&e), "Error: boom");
    }

    #[test]
    fn failure_code_survives_context() {
        let e: anyhow::Result<()> = Err(Failure::new(ExitCode::NotFound, "no such file").into());
        let e = e.context("starting container").unwrap_err();
        assert_eq!(exit_code_of(&e), 127);
        assert_eq!(render(&e), "Error: starting container: no such file");
        let e: anyhow::Error = Failure::new(ExitCode::Container(3), "exited").into();
        assert_eq!(exit_code_of(&e), 3);
    }

    #[test]
    fn failure_as_context_sets_the_code() {
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let e = anyhow::Error::from(io).context(Failure::new(ExitCode::NotFound, "executing nosuch"));
        assert_eq!(exit_code_of(&e), 127);
        let e = e.context("outer");
        assert_eq!(exit_code_of(&e), 127);
        assert!(render(&e).starts_with("Error: outer: executing nosuch: "), "{}", render(&e));
    }

    #[test]
    fn hint_is_printed_after_the_chain() {
        let e: anyhow::Error =
            Failure::new(ExitCode::Engine, "unknown flag: --x").with_hint("See 'rpod run --help'.").into();
        assert_eq!(render(&e), "Error: unknown flag: --x\nSee 'rpod run --help'.");
    }
}
