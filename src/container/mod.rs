//! Containers on the CLI side: records, lifecycle, the monitor, attach.
//!
//! - [`config`]: the process a container runs, by Docker's rules (entrypoint
//!   and command, environment, user, working directory, security options).
//! - [`record`]: what is stored about a container (configuration, state)
//!   and how a stale state is noticed.
//! - [`lifecycle`]: create, start, stop, kill, remove, wait — from flags to
//!   the monitor.
//! - [`monitor`]: the per-container process that owns the container's
//!   stdio and records how it ends.
//! - [`attach`]: the monitor's socket protocol and the attach client.
//! - [`logfile`]: the `k8s-file` log.
//! - [`rootfs`]: the overlay root file system and files written into it.
//! - [`view`]: `ps` rows and `inspect` documents.
//! - [`names`]: generated names.

pub mod attach;
pub mod config;
pub mod copy;
pub mod diff;
pub mod export;
pub mod external;
pub mod filter;
pub mod health;
pub mod hooks;
pub mod lifecycle;
pub mod limits;
pub mod logfile;
pub mod monitor;
pub mod names;
pub mod options;
pub mod record;
pub mod rootfs;
pub mod sdnotify;
pub mod size;
pub(crate) mod terminal;
pub mod top;
pub mod userns;
pub mod view;

/// The destinations of a container's volumes and bind mounts (`commit
/// --include-volumes`, as Podman's user volumes).
pub fn volumes_of(c: &record::Container) -> Vec<String> {
    use crate::volume::mounts::Kind;
    c.config
        .mounts
        .iter()
        .filter(|m| matches!(m.kind, Kind::Volume | Kind::Bind))
        .map(|m| m.destination.clone())
        .collect()
}
