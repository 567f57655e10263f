//! `rpod container exists`: exit 0 when the container exists, 1 when not.

use clap::Args;

use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct ContainerExistsArgs {
    /// Check external containers as well (rpod has none: the same answer)
    #[arg(long)]
    pub external: bool,

    /// The container (name or ID)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn run(ctx: &Context, args: ContainerExistsArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    match containers.try_find(&args.container)? {
        Some(_) => Ok(()),
        None => Err(Failure::new(ExitCode::Container(1), "").into()),
    }
}
