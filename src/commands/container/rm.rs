//! `rpod container rm` / `rpod rm`: remove containers (`-f` stops running
//! ones first). A missing container exits 1, a running one without `-f` 2,
//! as in Podman.

use std::time::Duration;

use clap::Args;

use crate::commands::select::{self, All, Selection};
use crate::container::lifecycle;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Remove all containers
    #[arg(short, long)]
    pub all: bool,

    /// Force removal of a running or paused container (and ignore missing ones)
    #[arg(short, long)]
    pub force: bool,

    /// Seconds to wait for the stop signal before killing a running container with --force (default 0)
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,

    /// Remove anonymous volumes associated with the container (rpod creates none yet)
    #[arg(short, long)]
    pub volumes: bool,

    #[command(flatten)]
    pub selection: Selection,
}

pub fn run(ctx: &Context, args: RmArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let targets = args.selection.resolve(&mut containers, args.all.then_some(All::Every))?;
    let stop_first = args.force.then(|| Duration::from_secs(args.time.unwrap_or(0)));
    // `rm -f` of a missing container is not an error (Podman).
    let ignore = args.selection.ignore || args.force;
    select::each(&targets, ignore, |name| {
        let c = containers.find(name)?;
        lifecycle::remove_stopping(ctx, &mut containers, &c, stop_first)?;
        let shown = if args.all { c.id.clone() } else { name.clone() };
        print(&format!("{shown}\n"))
    })
}
