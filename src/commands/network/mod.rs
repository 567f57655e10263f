//! `rpod network VERB`: one file per verb; the library is
//! [`crate::network`] ([`crate::network::manage`]).

pub mod connect;
pub mod create;
pub mod disconnect;
pub mod exists;
pub mod inspect;
pub mod ls;
pub mod prune;
pub mod reload;
pub mod rm;

use clap::Subcommand;

use crate::context::Context;

/// `rpod network ...`
#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// Connect a container to a network
    Connect(connect::NetworkConnectArgs),
    /// Create a network
    Create(create::NetworkCreateArgs),
    /// Disconnect a container from a network
    Disconnect(disconnect::NetworkDisconnectArgs),
    /// Check if the given network exists (exit 0 if it does, 1 if not)
    Exists(exists::NetworkExistsArgs),
    /// Display the network configuration for one or more networks
    Inspect(inspect::NetworkInspectArgs),
    /// List networks
    #[command(visible_alias = "list")]
    Ls(ls::NetworkLsArgs),
    /// Remove all unused networks
    Prune(prune::NetworkPruneArgs),
    /// Reload the network of containers (their firewall rules)
    Reload(reload::NetworkReloadArgs),
    /// Remove one or more networks
    #[command(visible_alias = "remove")]
    Rm(rm::NetworkRmArgs),
}

pub fn dispatch(ctx: &Context, command: NetworkCommand) -> anyhow::Result<()> {
    match command {
        NetworkCommand::Connect(args) => connect::run(ctx, args),
        NetworkCommand::Create(args) => create::run(ctx, args),
        NetworkCommand::Disconnect(args) => disconnect::run(ctx, args),
        NetworkCommand::Exists(args) => exists::run(ctx, args),
        NetworkCommand::Inspect(args) => inspect::run(ctx, args),
        NetworkCommand::Ls(args) => ls::run(ctx, args),
        NetworkCommand::Prune(args) => prune::run(ctx, args),
        NetworkCommand::Reload(args) => reload::run(ctx, args),
        NetworkCommand::Rm(args) => rm::run(ctx, args),
    }
}
