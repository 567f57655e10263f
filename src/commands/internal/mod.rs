//! The entry points rpod starts itself, never typed by a user and not in
//! the command tree: `rpod __monitor ID` (a container's monitor) and `rpod
//! __pause PIDFILE` (the pause process that keeps the rootless user
//! namespace), `rpod __rootless-netns DIR` (the holder of the rootless
//! network namespace), `rpod __port-forward WORD...` (a rootless
//! container's published ports on user-defined networks). They are read
//! here, once, without clap, so that these long-lived processes touch as
//! little of the binary as they can.

pub mod monitor;
pub mod pause;
pub mod port_forward;
pub mod rootless_netns;

use std::ffi::OsString;

/// An internal entry point and what it was told.
pub enum Entry {
    Monitor(Box<monitor::Invocation>),
    Pause(pause::Invocation),
    RootlessNetns(rootless_netns::Invocation),
    PortForward(port_forward::Invocation),
}

/// The internal entry point `args` name, or `None` for a user's command.
pub fn parse(args: &[OsString]) -> Option<Entry> {
    if let Some(p) = pause::parse(args) {
        return Some(Entry::Pause(p));
    }
    if let Some(n) = rootless_netns::parse(args) {
        return Some(Entry::RootlessNetns(n));
    }
    if let Some(f) = port_forward::parse(args) {
        return Some(Entry::PortForward(f));
    }
    monitor::parse(args).map(|m| Entry::Monitor(Box::new(m)))
}

/// Run an internal entry point; its exit code.
pub fn run(entry: Entry) -> i32 {
    match entry {
        Entry::Monitor(m) => monitor::run(*m),
        Entry::Pause(p) => pause::run(p),
        Entry::RootlessNetns(n) => rootless_netns::run(n),
        Entry::PortForward(f) => port_forward::run(f),
    }
}
