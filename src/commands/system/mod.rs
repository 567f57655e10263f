//! `rpod system VERB`: one file per verb (`rpod info` is the shortcut of
//! `system info`).

pub mod info;

use clap::Subcommand;

use crate::context::Context;

/// `rpod system ...`
#[derive(Debug, Subcommand)]
pub enum SystemCommand {
    /// Display rpod related system information
    Info(info::InfoArgs),
}

pub fn dispatch(ctx: &Context, command: SystemCommand) -> anyhow::Result<()> {
    match command {
        SystemCommand::Info(args) => info::run(ctx, args),
    }
}
