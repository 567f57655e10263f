//! `rpod kill` / `rpod container kill`: send a signal to running
//! containers.

use clap::Args;

use crate::container::lifecycle;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct KillArgs {
    /// Signal all running containers
    #[arg(short, long)]
    pub all: bool,

    /// Signal to send to the container
    #[arg(short, long, value_name = "SIGNAL", default_value = "KILL")]
    pub signal: String,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER", required_unless_present = "all", conflicts_with = "all")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: KillArgs) -> anyhow::Result<()> {
    let signal = lifecycle::parse_signal(&args.signal)?;
    let mut containers = ctx.containers()?;
    let targets = crate::commands::targets(&mut containers, args.all, true, &args.containers)?;
    crate::commands::each(&targets, |name| {
        let c = containers.find(name)?;
        lifecycle::kill(&mut containers, &c, signal)?;
        print(&format!("{name}\n"))
    })
}
