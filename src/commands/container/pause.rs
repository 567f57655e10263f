//! `rpod pause` (and `container pause`): freeze every process of running
//! containers through their cgroup v2 (`cgroup.freeze`); `unpause` thaws
//! them through the same code.

use std::path::PathBuf;

use clap::Args;

use crate::commands::select::{All, Selection};

use crate::container::record::{Container, Containers, Status};
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct PauseArgs {
    /// Pause (or unpause) all running (or paused) containers
    #[arg(short, long)]
    pub all: bool,

    /// Read the container ID from the file (repeatable)
    #[arg(long, value_name = "CIDFILE")]
    pub cidfile: Vec<PathBuf>,

    /// Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

fn set(containers: &mut Containers, c: &Container, frozen: bool, rootless: bool) -> anyhow::Result<()> {
    let _lock = containers.lock(&c.id)?;
    let Some(c) = containers.get(&c.id)? else { anyhow::bail!("container {} was removed", c.id) };
    let (from, to, verb) =
        if frozen { (Status::Running, Status::Paused, "pause") } else { (Status::Paused, Status::Running, "unpause") };
    if c.state.status != from {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("\"{}\" is not {}, can't {verb}: container state improper", c.name, from.as_str()),
        )
        .into());
    }
    if c.state.cgroup.is_empty() {
        return Err(Failure::new(
            ExitCode::Engine,
            format!(
                "cannot {verb} {}: it has no cgroup (the cgroup v2 freezer is needed); {}",
                c.name,
                rpod_runtime::cgroup_manager::delegation_help(rootless)
            ),
        )
        .into());
    }
    rpod_runtime::cgroup_manager::freeze(std::path::Path::new(&c.state.cgroup), frozen)?;
    containers.update_state(&c.id, |s| {
        if s.status == from {
            s.status = to;
            true
        } else {
            false
        }
    })?;
    containers.event(&c, verb);
    Ok(())
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
        set(&mut containers, &c, frozen, ctx.rootless())?;
        print(&format!("{name}\n"))
    })
}

pub fn run(ctx: &Context, args: PauseArgs) -> anyhow::Result<()> {
    run_all(ctx, args, true)
}
