//! `rpod restart` / `rpod container restart`: stop (if running), then
//! start again.

use std::time::Duration;

use clap::Args;

use crate::container::lifecycle;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct RestartArgs {
    /// Restart all containers
    #[arg(short, long)]
    pub all: bool,

    /// Seconds to wait for the stop signal before killing the container
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER", required_unless_present = "all", conflicts_with = "all")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: RestartArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let targets = crate::commands::targets(&mut containers, args.all, false, &args.containers)?;
    crate::commands::each(&targets, |name| {
        let c = containers.find(name)?;
        let t = Duration::from_secs(args.time.unwrap_or(u64::from(c.config.stop_timeout)));
        lifecycle::stop(&mut containers, &c, t)?;
        // The monitor of the old run finishes its clean-up first.
        let c = containers.find(&c.id)?;
        lifecycle::wait_monitor_gone(&c.state, Duration::from_secs(10));
        lifecycle::start(ctx, &mut containers, &c, false)?;
        print(&format!("{name}\n"))
    })
}
