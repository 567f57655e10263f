//! `rpod system VERB`: one file per verb (`rpod info` is the shortcut of
//! `system info`, `rpod events` of `system events`).

pub mod doctor;
pub mod events;
pub mod info;
pub mod migrate;

use clap::Subcommand;

use crate::context::Context;

/// `rpod system ...`
#[derive(Debug, Subcommand)]
pub enum SystemCommand {
    /// Display rpod related system information
    Info(info::InfoArgs),
    /// Show rpod events
    Events(events::EventsArgs),
    /// Check this machine for what containers need, and say how to fix it
    Doctor(doctor::DoctorArgs),
    /// Stop the running containers and the pause process after the subordinate ID ranges changed
    Migrate(migrate::MigrateArgs),
}

pub fn dispatch(ctx: &Context, command: SystemCommand) -> anyhow::Result<()> {
    match command {
        SystemCommand::Info(args) => info::run(ctx, args),
        SystemCommand::Events(args) => events::run(ctx, args),
        SystemCommand::Doctor(args) => doctor::run(ctx, args),
        SystemCommand::Migrate(args) => migrate::run(ctx, args),
    }
}
