//! `rpod network reload CONTAINER...`: running containers' networks set up
//! again (e.g. after the firewall rules were flushed); prints their IDs.

use clap::Args;

use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct NetworkReloadArgs {
    /// Reload the networks of all running containers
    #[arg(short, long)]
    pub all: bool,

    /// Act on the latest container rpod is aware of
    #[arg(short, long)]
    pub latest: bool,

    /// The containers, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: NetworkReloadArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let keys: Vec<String> = if args.all {
        if args.latest || !args.containers.is_empty() {
            anyhow::bail!("--all, --latest and containers cannot be used together");
        }
        let on_bridges = containers
            .list()?
            .into_iter()
            .filter(|c| c.state.status.is_live() && matches!(c.config.network, crate::network::Mode::Bridge(_)));
        on_bridges.map(|c| c.id).collect()
    } else if args.latest {
        if !args.containers.is_empty() {
            anyhow::bail!("--latest and containers cannot be used together");
        }
        vec![crate::commands::select::latest_of(&mut containers)?.id]
    } else if args.containers.is_empty() {
        anyhow::bail!("you must provide at least one container name or ID, or --all or --latest");
    } else {
        args.containers
    };
    drop(containers);
    crate::commands::select::each(&keys, false, |k| {
        let id = crate::network::manage::reload(ctx, k)?;
        print(&format!("{id}\n"))
    })
}
