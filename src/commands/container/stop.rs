//! `rpod stop` / `rpod container stop`: the stop signal, then SIGKILL
//! after the timeout.

use std::time::Duration;

use clap::Args;

use crate::container::lifecycle;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct StopArgs {
    /// Stop all running containers
    #[arg(short, long)]
    pub all: bool,

    /// Seconds to wait for the stop signal before killing the container (default: the container's stop timeout)
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER", required_unless_present = "all", conflicts_with = "all")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: StopArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let targets = crate::commands::targets(&mut containers, args.all, true, &args.containers)?;
    crate::commands::each(&targets, |name| {
        let c = containers.find(name)?;
        let t = Duration::from_secs(args.time.unwrap_or(u64::from(c.config.stop_timeout)));
        lifecycle::stop(&mut containers, &c, t)?;
        print(&format!("{name}\n"))
    })
}
