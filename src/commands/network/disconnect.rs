//! `rpod network disconnect NETWORK CONTAINER`: a container leaves a
//! network (at once when it runs).

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct NetworkDisconnectArgs {
    /// Force removal of the container from the network (go on when the teardown fails)
    #[arg(short, long)]
    pub force: bool,

    /// The network, by name or ID
    #[arg(value_name = "NETWORK")]
    pub network: String,

    /// The container, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn run(ctx: &Context, args: NetworkDisconnectArgs) -> anyhow::Result<()> {
    crate::network::manage::disconnect(ctx, &args.network, &args.container, args.force)
}
