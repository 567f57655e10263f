//! `rpod rm` / `rpod container rm`: remove containers (`-f` stops running
//! ones first).

use clap::Args;

use crate::container::lifecycle;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Remove all containers
    #[arg(short, long)]
    pub all: bool,

    /// Force removal of a running or paused container
    #[arg(short, long)]
    pub force: bool,

    /// Remove anonymous volumes associated with the container (rpod creates none yet)
    #[arg(short, long)]
    pub volumes: bool,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER", required_unless_present = "all", conflicts_with = "all")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: RmArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let targets = crate::commands::targets(&mut containers, args.all, false, &args.containers)?;
    crate::commands::each(&targets, |name| {
        // `rm -f` of a missing container is not an error (Podman).
        let c = match containers.try_find(name)? {
            Some(c) => c,
            None if args.force => return Ok(()),
            None => return Err(crate::container::record::unknown(name)),
        };
        lifecycle::remove(ctx, &mut containers, &c, args.force)?;
        let shown = if args.all { c.id.clone() } else { name.clone() };
        print(&format!("{shown}\n"))
    })
}
