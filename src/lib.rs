//! rpod: a daemonless, rootless container engine.
//!
//! The binary (`src/main.rs`) only parses the command line and calls
//! [`commands::dispatch`]. Every command lives in its own file under
//! `src/commands/`; shared pieces are:
//! - [`cli`]: the whole command tree and its flags (also the source of the
//!   man pages and shell completions),
//! - [`context`]: global flags, paths and configuration, resolved lazily,
//! - [`config`]: Podman's configuration files,
//! - [`format`]: `--format` (Go templates, `table`, `json`),
//! - [`error`]: the error type that carries rpod's exit code.
#![deny(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod container;
pub mod context;
pub mod driver;
pub mod error;
pub mod files;
pub mod format;
pub mod generate;
pub mod image;
pub mod logging;
pub mod paths;
pub mod pause;
pub mod registry;
pub mod sys;
pub mod timefmt;
pub mod yaml;
