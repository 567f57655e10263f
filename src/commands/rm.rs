//! `rpod rm` / `rpod container rm`: remove containers (`-f` stops running
//! ones first).

use clap::Args;

use crate::container::lifecycle;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};

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
    let targets: Vec<String> =
        if args.all { containers.list()?.into_iter().map(|c| c.id).collect() } else { args.containers.clone() };
    super::each(&targets, |name| {
        let c = match containers.find(name) {
            Ok(c) => c,
            // `rm -f` of a missing container is not an error (Podman).
            Err(e) if args.force && crate::error::failure_of(&e).is_some_and(|f| f.exit == ExitCode::Engine) => {
                let msg = e.to_string();
                if msg.contains("no container with") {
                    return Ok(());
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        lifecycle::remove(ctx, &mut containers, &c, args.force)?;
        let shown = if args.all { c.id.clone() } else { name.clone() };
        print(&format!("{shown}\n"))
    })
    .map_err(|e| if crate::error::failure_of(&e).is_some() { e } else { Failure::new(ExitCode::Engine, format!("{e:#}")).into() })
}
