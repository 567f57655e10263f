//! Containers on the CLI side. Today: running one in the foreground
//! (`rpod run`), from an image in the store to the runtime and back.
//!
//! - [`config`]: the process a container runs, by Docker's rules (entrypoint
//!   and command, environment, user, working directory).
//! - [`rootfs`]: the container's root file system (an overlay of the
//!   image's layers with a private upper layer) and the files rpod writes
//!   into it (`/etc/hostname`, `/etc/hosts`, `/etc/resolv.conf`,
//!   `/run/.containerenv`).
//! - [`run`]: the whole foreground run, and the terminal plumbing.

pub mod config;
pub mod rootfs;
pub mod run;
mod terminal;
