//! rpod: a daemonless, rootless container engine.
//!
//! The binary (`src/main.rs`) only calls [`cli::main`], which parses the
//! command line and dispatches. Every command lives in its own file under
//! `src/commands/<noun>/<verb>.rs`; shared pieces are:
//! - [`cli`]: the root of the command tree (also the source of the
//!   man pages and shell completions),
//! - [`context`]: global flags, paths and configuration, resolved lazily,
//! - [`config`]: Podman's configuration files,
//! - [`format`]: `--format` (Go templates, `table`, `json`),
//! - [`error`]: the error type that carries rpod's exit code.
#![deny(unsafe_code)]
// The inspect document (container/view.rs) is one json! literal of Podman's ~180 keys.
#![recursion_limit = "512"]

pub mod build;
pub mod cli;
pub mod commands;
pub mod config;
pub mod container;
pub mod context;
pub mod doctor;
pub mod driver;
pub mod error;
pub mod events;
pub mod files;
pub mod filter;
pub mod format;
pub mod generate;
pub mod image;
pub mod logging;
pub mod network;
pub mod oci_state;
pub mod paths;
pub mod pause;
pub mod pod;
pub mod procfs;
#[cfg(test)]
mod proptests;
pub mod registry;
pub mod secret;
pub mod sys;
pub mod system;
pub mod timefmt;
pub mod volume;
pub mod yaml;
