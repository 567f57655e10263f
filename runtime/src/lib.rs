//! rpod's OCI runtime: namespaces, mounts, cgroups and process start.
//!
//! Host facts (cgroup layout, ID mappings, capabilities, native overlay
//! support) and the container start path: [`default_spec`] builds a
//! Podman-like OCI configuration, [`create`] runs it (a `clone3` into all the
//! namespaces, the mount namespace set up around `pivot_root`, then the
//! process), [`start`] opens a start gate, [`wait`] collects the exit code,
//! [`exec`] joins a running container, [`tiny_init`] is `--init`.
#![deny(unsafe_code)]

mod bpf;
pub mod caps;
pub mod cgroup_manager;
pub mod cgroups;
mod child;
mod container;
pub mod devices;
mod error;
pub mod hooks;
pub mod host;
mod init;
pub mod overlay_probe;
mod plan;
pub mod rootless;
pub mod seccomp;
mod seccomp_syscalls;
pub mod spec;
mod sys;
pub mod user;
pub mod userns;

pub use container::{
    create, exec, forget, init_program, sealed_copy, start, try_wait, wait, CreateOptions, Created, NetnsHook,
    StartGate, Stdio,
};
pub use error::RuntimeError;
pub use init::tiny_init;
pub use plan::in_initial_userns_as_root;
pub use spec::{default_spec, NetworkMode, Rlimit, Seccomp, SpecOptions, UserNamespace, UserSpec};

/// Re-exported so the CLI uses the same types.
pub use nix::unistd::Pid;
pub use oci_spec;
