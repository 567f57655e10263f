//! `rpod __monitor ID` (hidden): the monitor of one container, started by
//! `run`, `start` and `restart`; see [`crate::container::monitor`].

use clap::Args;

use crate::container::monitor::{self, MonitorOptions};
use crate::context::Context;

#[derive(Debug, Args)]
pub struct MonitorArgs {
    /// Wait for the first attach client before starting the container
    #[arg(long)]
    pub attach_first: bool,

    /// The store belongs to an unprivileged user (this process is in their user namespace)
    #[arg(long)]
    pub rootless: bool,

    /// The container's full ID
    #[arg(value_name = "ID")]
    pub id: String,
}

pub fn run(ctx: &Context, args: MonitorArgs) -> anyhow::Result<()> {
    monitor::main(ctx, MonitorOptions { id: args.id, attach_first: args.attach_first, rootless: args.rootless })
}
