//! The container lifecycle on the CLI side, from flag to monitor:
//!
//! - [`create`]: the image found (pulled when missing), the process worked
//!   out by Docker's rules, the storage driver and `--userns` settled, the
//!   image's layers held, the record stored (status `created`).
//! - [`start`]: the root file system assembled by the container's driver
//!   ([`super::rootfs`]: overlay of the layers plus the container's upper
//!   layer in this command's private mount namespace, through
//!   fuse-overlayfs when configured, or a vfs copy; for keep-id on the
//!   image's owner-translated copy), the engine's files written into the
//!   run directory, the OCI spec built, and the monitor
//!   ([`super::monitor`]) started: it detaches, owns the container's stdio
//!   and records how it ends.
//! - [`stop`], [`kill`], [`set_paused`], [`remove`], [`wait_for`].
//!
//! One file per verb: `create.rs`, `start.rs` (with `spec.rs`, the OCI spec,
//! and `files.rs`, the engine's files), `stop.rs`, `remove.rs`.
//!
//! Commands that change a container hold its lock ([`super::record::Containers::lock`]);
//! readers (`ps`, `inspect`, `logs`) never do.

mod create;
mod files;
mod pause;
mod remove;
mod spec;
mod start;
mod stop;

pub use create::*;
use files::*;
pub use pause::*;
pub use remove::*;
pub use spec::*;
pub use start::*;
pub use stop::*;

use std::os::fd::OwnedFd;

use anyhow::{anyhow, Context as _};
use nix::sys::signal::Signal;

use crate::error::{ExitCode, Failure};

/// The holder name of a container's layer hold in the store.
pub fn holder(id: &str) -> String {
    format!("container-{id}")
}

/// Docker's rule for names: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`.
pub fn check_name(n: &str) -> anyhow::Result<()> {
    let mut chars = n.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !ok {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("invalid container name \"{n}\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*"),
        )
        .into());
    }
    Ok(())
}

/// `SIGTERM`, `TERM`, `term`, `15`.
/// A signal by name or number, the real-time ones too (`RTMIN+3`,
/// `SIGRTMAX-1`, `37`): its number.
pub fn signal_number(s: &str) -> anyhow::Result<i32> {
    let upper = s.to_ascii_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    let (min, max) = (crate::sys::sigrtmin(), crate::sys::sigrtmax());
    let rt = |base: i32, rest: &str| -> Option<i32> {
        let n = match rest {
            "" => 0,
            r => r.parse::<i32>().ok()?,
        };
        Some(base + n).filter(|v| (min..=max).contains(v))
    };
    if let Some(rest) = name.strip_prefix("RTMIN") {
        return rt(min, rest.trim_start_matches('+')).ok_or_else(|| anyhow!("invalid signal: {s}"));
    }
    if let Some(rest) = name.strip_prefix("RTMAX") {
        return rt(max, rest).ok_or_else(|| anyhow!("invalid signal: {s}"));
    }
    if let Ok(n) = s.parse::<i32>() {
        if (min..=max).contains(&n) {
            return Ok(n);
        }
    }
    Ok(parse_signal(s)? as i32)
}

pub fn parse_signal(s: &str) -> anyhow::Result<Signal> {
    if let Ok(n) = s.parse::<i32>() {
        return Signal::try_from(n).map_err(|_| anyhow!("invalid signal: {s}"));
    }
    let upper = s.to_ascii_uppercase();
    let name = if upper.starts_with("SIG") { upper } else { format!("SIG{upper}") };
    name.parse::<Signal>().map_err(|_| anyhow!("invalid signal: {s}"))
}

/// A descriptor of `/dev/null`.
pub fn dev_null() -> anyhow::Result<OwnedFd> {
    Ok(std::fs::File::open("/dev/null").context("opening /dev/null")?.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capability_flags() {
        let d: Vec<String> = ["CAP_CHOWN", "CAP_KILL"].iter().map(|s| s.to_string()).collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(capabilities(&d, &s(&["net_raw"]), &s(&["kill"])).unwrap(), s(&["CAP_CHOWN", "CAP_NET_RAW"]));
        assert_eq!(capabilities(&d, &s(&["chown"]), &s(&["ALL"])).unwrap(), s(&["CAP_CHOWN"]));
        assert_eq!(capabilities(&d, &s(&["all"]), &[]).unwrap(), s(&["ALL"]));
        assert!(capabilities(&d, &s(&["bogus"]), &[]).is_err());
    }

    #[test]
    fn realtime_signal_numbers() {
        assert_eq!(signal_number("SIGRTMIN+3").unwrap(), 37);
        assert_eq!(signal_number("rtmin+3").unwrap(), 37);
        assert_eq!(signal_number("RTMIN").unwrap(), 34);
        assert_eq!(signal_number("RTMAX-1").unwrap(), 63);
        assert_eq!(signal_number("37").unwrap(), 37);
        assert_eq!(signal_number("TERM").unwrap(), 15);
        assert!(signal_number("RTMIN+40").is_err() && signal_number("RTMINX").is_err() && signal_number("99").is_err());
    }

    #[test]
    fn signals_and_names() {
        assert_eq!(parse_signal("SIGTERM").unwrap(), Signal::SIGTERM);
        assert_eq!(parse_signal("kill").unwrap(), Signal::SIGKILL);
        assert_eq!(parse_signal("9").unwrap(), Signal::SIGKILL);
        assert!(parse_signal("SIGNOPE").is_err());
        assert!(check_name("web-1.a_b").is_ok());
        assert!(check_name("-x").is_err());
        assert!(check_name("a b").is_err());
        assert!(check_name("").is_err());
    }
}
