//! `rpod healthcheck run CTR`: run the container's healthcheck once (what
//! its monitor does on the interval); exit 0 when healthy, 1 (printing the
//! status) when not, 125 when it has no healthcheck or is not running.

use clap::Args;

use crate::container::health;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct HealthcheckRunArgs {
    /// The container (name or ID)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn run(ctx: &Context, args: HealthcheckRunArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let c = containers.find(&args.container)?;
    let status = health::run_check(ctx, &mut containers, &c)?;
    if status == health::HEALTHY {
        return Ok(());
    }
    print(&format!("{status}\n"))?;
    Err(Failure::new(ExitCode::Container(1), "").into())
}
