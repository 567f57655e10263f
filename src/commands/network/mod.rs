//! `rpod network VERB`: one file per verb.

pub mod inspect;
pub mod ls;

use clap::Subcommand;

use crate::context::Context;

/// `rpod network ...`
#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// Display the network configuration for one or more networks
    Inspect(inspect::NetworkInspectArgs),
    /// List networks
    #[command(visible_alias = "list")]
    Ls(ls::NetworkLsArgs),
}

pub fn dispatch(ctx: &Context, command: NetworkCommand) -> anyhow::Result<()> {
    match command {
        NetworkCommand::Inspect(args) => inspect::run(ctx, args),
        NetworkCommand::Ls(args) => ls::run(ctx, args),
    }
}
