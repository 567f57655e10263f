//! `rpod port` / `rpod container port`: the published ports of
//! containers. Publishing (`-p`) comes with rootless networking; until then
//! no container has a published port, and asking for one says so.

use clap::Args;

use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct PortArgs {
    /// Display port information for all containers
    #[arg(short, long)]
    pub all: bool,

    /// The container (name or ID)
    #[arg(value_name = "CONTAINER", required_unless_present = "all")]
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
    let name = args.container.unwrap_or_default();
    containers.find(&name)?;
    if let Some(p) = args.port {
        let p = if p.contains('/') { p } else { format!("{p}/tcp") };
        return Err(Failure::new(ExitCode::Engine, format!("failed to find published port \"{p}\"")).into());
    }
    print("")
}
