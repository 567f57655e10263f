//! `rpod network rm NETWORK...`: remove networks; one containers use is
//! refused (exit 2) unless `--force`, which removes them first; a missing
//! one exits 1, as in Podman.

use clap::Args;

use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct NetworkRmArgs {
    /// Remove any containers using the network
    #[arg(short, long)]
    pub force: bool,

    /// Seconds to wait for running containers to stop before killing them (with --force)
    #[arg(short, long, value_name = "SECONDS", default_value_t = 10)]
    pub time: u64,

    /// Networks to remove, by name or ID
    #[arg(value_name = "NETWORK", required = true)]
    pub networks: Vec<String>,
}

pub fn run(ctx: &Context, args: NetworkRmArgs) -> anyhow::Result<()> {
    let stop = args.force.then(|| std::time::Duration::from_secs(args.time));
    crate::commands::select::each(&args.networks, false, |n| {
        let name = crate::network::manage::remove(ctx, n, stop)?;
        print(&format!("{name}\n"))
    })
}
