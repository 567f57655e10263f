//! `rpod system VERB`: one file per verb (`rpod info` is the shortcut of
//! `system info`, `rpod events` of `system events`).

pub mod df;
pub mod doctor;
pub mod events;
pub mod info;
pub mod migrate;
pub mod prune;
pub mod reset;

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
    /// Show rpod disk usage
    Df(df::DfArgs),
    /// Remove unused data
    Prune(prune::SystemPruneArgs),
    /// Reset rpod storage
    Reset(reset::ResetArgs),
}

pub fn dispatch(ctx: &Context, command: SystemCommand) -> anyhow::Result<()> {
    match command {
        SystemCommand::Info(args) => info::run(ctx, args),
        SystemCommand::Events(args) => events::run(ctx, args),
        SystemCommand::Doctor(args) => doctor::run(ctx, args),
        SystemCommand::Migrate(args) => migrate::run(ctx, args),
        SystemCommand::Df(args) => df::run(ctx, args),
        SystemCommand::Prune(args) => prune::run(ctx, args),
        SystemCommand::Reset(args) => reset::run(ctx, args),
    }
}
