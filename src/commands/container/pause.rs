//! `rpod pause` (and `container pause`): freeze every process of running
//! containers through their cgroup v2 (`cgroup.freeze`); `unpause` thaws
//! them through the same code.

use std::path::PathBuf;

use clap::Args;

use crate::commands::select::{All, Selection};

use crate::container::record::Status;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct PauseArgs {
    /// Pause (or unpause) all running (or paused) containers
    #[arg(short, long)]
    pub all: bool,

    /// Read the container ID from the file (repeatable)
    #[arg(long, value_name = "CIDFILE")]
    pub cidfile: Vec<PathBuf>,

    /// Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

pub(super) fn run_all(ctx: &Context, args: PauseArgs, frozen: bool) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let want = if frozen { Status::Running } else { Status::Paused };
    let selection =
        Selection { latest: args.latest, cidfile: args.cidfile, ignore: false, containers: args.containers };
    let mut targets = selection.resolve_filtered(&mut containers, args.all.then_some(All::Every), &args.filter)?;
    if args.all && args.filter.is_empty() {
        // Only those in the state to change (Podman skips the others).
        let list = containers.list()?;
        targets.retain(|id| list.iter().any(|c| c.id == *id && c.state.status == want));
    }
    crate::commands::each(&targets, |name| {
        let c = containers.find(name)?;
        crate::container::lifecycle::set_paused(&mut containers, &c, frozen, ctx.rootless())?;
        print(&format!("{name}\n"))
    })
}

pub fn run(ctx: &Context, args: PauseArgs) -> anyhow::Result<()> {
    run_all(ctx, args, true)
}
