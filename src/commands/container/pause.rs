//! `rpod pause` (and `container pause`): freeze every process of running
//! containers through their cgroup v2 (`cgroup.freeze`); `unpause` thaws
//! them through the same code.

use clap::Args;

use crate::container::record::{Container, Containers, Status};
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct PauseArgs {
    /// Pause (or unpause) all running (or paused) containers
    #[arg(short, long)]
    pub all: bool,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER", required_unless_present = "all", conflicts_with = "all")]
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
    let targets: Vec<String> = if args.all {
        containers.list()?.into_iter().filter(|c| c.state.status == want).map(|c| c.id).collect()
    } else {
        args.containers.clone()
    };
    crate::commands::each(&targets, |name| {
        let c = containers.find(name)?;
        set(&mut containers, &c, frozen, ctx.rootless())?;
        print(&format!("{name}\n"))
    })
}

pub fn run(ctx: &Context, args: PauseArgs) -> anyhow::Result<()> {
    run_all(ctx, args, true)
}
