//! `rpod system migrate`: after `/etc/subuid` or `/etc/subgid` changed,
//! stop the running containers and the pause process so that the next
//! command uses the new ranges (see [`crate::pause::migrate`]).

use clap::Args;

use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Move every container to this external OCI runtime (a path, or a name in $PATH), after stopping them
    #[arg(long, value_name = "PATH")]
    pub new_runtime: Option<String>,
}

pub fn run(ctx: &Context, args: MigrateArgs) -> anyhow::Result<()> {
    let new_runtime = args.new_runtime.as_deref().map(crate::container::external::resolve).transpose()?;
    let (stopped, pause) = crate::pause::migrate(ctx)?;
    for name in stopped {
        print(&format!("stopped container {name}\n"))?;
    }
    if let Some(runtime) = new_runtime {
        for name in crate::container::lifecycle::set_runtime(ctx, &runtime)? {
            print(&format!("container {name} now uses {}\n", runtime.display()))?;
        }
    }
    for pid in pause {
        print(&format!(
            "stopped pause process {pid}: the next command uses the ranges of /etc/subuid and /etc/subgid\n"
        ))?;
    }
    Ok(())
}
