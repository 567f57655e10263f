//! `rpod network VERB`: one file per verb.

pub mod ls;

use clap::Subcommand;

use crate::context::Context;

/// `rpod network ...`
#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// List networks
    #[command(visible_alias = "list")]
    Ls(ls::NetworkLsArgs),
}

pub fn dispatch(ctx: &Context, command: NetworkCommand) -> anyhow::Result<()> {
    match command {
        NetworkCommand::Ls(args) => ls::run(ctx, args),
    }
}
