//! rpod's OCI runtime: namespaces, mounts, cgroups and process start.
//!
//! Today it holds what the engine needs to learn about the host (cgroup
//! layout, ID mappings, capabilities, native overlay support) and how a
//! rootless rpod enters the user's user namespace; the container start path
//! grows here with the runtime issue.
#![deny(unsafe_code)]

pub mod caps;
pub mod cgroups;
pub mod host;
pub mod overlay_probe;
pub mod rootless;
pub mod userns;
