//! `rpod container stop` / `rpod stop`: the stop signal, then SIGKILL
//! after the timeout. A missing container exits 1, as in Podman.

use std::time::Duration;

use clap::Args;

use crate::commands::select::{self, All, Selection};
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

    /// Signal to send instead of the container's stop signal (Docker's flag)
    #[arg(short, long, value_name = "SIGNAL")]
    pub signal: Option<String>,

    /// Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,

    #[command(flatten)]
    pub selection: Selection,
}

pub fn run(ctx: &Context, args: StopArgs) -> anyhow::Result<()> {
    let signal = args.signal.as_deref().map(lifecycle::parse_signal).transpose()?;
    let mut containers = ctx.containers()?;
    let targets = args.selection.resolve_filtered(&mut containers, args.all.then_some(All::Live), &args.filter)?;
    select::each(&targets, args.selection.ignore, |name| {
        let c = containers.find(name)?;
        let t = Duration::from_secs(args.time.unwrap_or(u64::from(c.config.stop_timeout)));
        lifecycle::stop(&mut containers, &c, t, signal)?;
        print(&format!("{name}\n"))
    })
}
