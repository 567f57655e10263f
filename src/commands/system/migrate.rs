//! `rpod system migrate`: after `/etc/subuid` or `/etc/subgid` changed,
//! stop the running containers and the pause process so that the next
//! command uses the new ranges (see [`crate::pause::migrate`]).

use clap::Args;

use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct MigrateArgs {}

pub fn run(ctx: &Context, _args: MigrateArgs) -> anyhow::Result<()> {
    let (stopped, pause) = crate::pause::migrate(ctx)?;
    for name in stopped {
        print(&format!("stopped container {name}\n"))?;
    }
    for pid in pause {
        print(&format!(
            "stopped pause process {pid}: the next command uses the ranges of /etc/subuid and /etc/subgid\n"
        ))?;
    }
    Ok(())
}
