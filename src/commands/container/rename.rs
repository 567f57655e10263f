//! `rpod rename` / `rpod container rename`: give a container a new name.

use clap::Args;

use crate::container::lifecycle;
use crate::context::Context;

#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The container (name or ID)
    #[arg(value_name = "CONTAINER")]
    pub container: String,

    /// Its new name
    #[arg(value_name = "NAME")]
    pub name: String,
}

pub fn run(ctx: &Context, args: RenameArgs) -> anyhow::Result<()> {
    lifecycle::check_name(&args.name)?;
    let mut containers = ctx.containers()?;
    let c = containers.find(&args.container)?;
    let _lock = containers.lock(&c.id)?;
    containers.rename(&c.id, &args.name)
}
