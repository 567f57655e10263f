//! `rpod port` / `rpod container port`: the published ports of
//! containers. Publishing (`-p`) comes with rootless networking; until then
//! no container has a published port, and asking for one says so.

use clap::Args;

use crate::commands::select;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct PortArgs {
    /// Display port information for all containers
    #[arg(short, long)]
    pub all: bool,

    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The container (name or ID)
    #[arg(value_name = "CONTAINER")]
    pub container: Option<String>,

    /// A private port, e.g. 80 or 80/tcp
    #[arg(value_name = "PRIVATE_PORT")]
    pub port: Option<String>,
}

pub fn run(ctx: &Context, args: PortArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    if args.all {
        containers.list()?;
        return print("");
    }
    // With --latest the one argument is the port.
    let (name, port) = if args.latest { (None, args.container.or(args.port)) } else { (args.container, args.port) };
    select::one(&mut containers, args.latest, name.as_deref())?;
    if let Some(p) = port {
        let p = if p.contains('/') { p } else { format!("{p}/tcp") };
        return Err(Failure::new(ExitCode::Engine, format!("failed to find published port \"{p}\"")).into());
    }
    print("")
}
