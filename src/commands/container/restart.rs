//! `rpod container restart` / `rpod restart`: stop (if running), then
//! start again.

use std::time::Duration;

use clap::Args;

use crate::commands::select::{self, All, Selection};
use crate::container::lifecycle;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct RestartArgs {
    /// Restart all containers
    #[arg(short, long)]
    pub all: bool,

    /// Restart only the containers that are running (with --all)
    #[arg(long)]
    pub running: bool,

    /// Seconds to wait for the stop signal before killing the container
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,

    /// Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,

    #[command(flatten)]
    pub selection: Selection,
}

pub fn run(ctx: &Context, args: RestartArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let all = args.all.then_some(if args.running { All::Live } else { All::Every });
    let targets = args.selection.resolve_filtered(&mut containers, all, &args.filter)?;
    select::each(&targets, args.selection.ignore, |name| {
        let c = containers.find(name)?;
        let t = Duration::from_secs(args.time.unwrap_or(u64::from(c.config.stop_timeout)));
        lifecycle::stop(&mut containers, &c, t, None)?;
        // The monitor of the old run finishes its clean-up first.
        let c = containers.find(&c.id)?;
        lifecycle::wait_monitor_gone(&c.state, Duration::from_secs(10));
        lifecycle::start(ctx, &mut containers, &c, false)?;
        containers.event(&c, "restart");
        print(&format!("{name}\n"))
    })
}
