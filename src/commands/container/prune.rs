//! `rpod container prune`: remove every container that is not running
//! (`--filter label=|label!=|until=`: those of them that match).

use clap::Args;

use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct ContainerPruneArgs {
    /// Do not prompt for confirmation
    #[arg(short, long)]
    pub force: bool,

    /// Provide filter values (label=KEY[=VALUE], label!=KEY[=VALUE], until=TIMESTAMP)
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

pub fn run(ctx: &Context, args: ContainerPruneArgs) -> anyhow::Result<()> {
    if !args.force
        && !crate::commands::confirm(
            "WARNING! This will remove all non running containers.\nAre you sure you want to continue? [y/N] ",
        )?
    {
        return Ok(());
    }
    let mut out = String::new();
    let mut last_err = None;
    for (id, removed) in crate::system::prune::prune_containers(ctx, &args.filter)? {
        match removed {
            Ok(_) => {
                out.push_str(&id);
                out.push('\n');
            }
            Err(e) => {
                if let Some(prev) = last_err.replace(e) {
                    eprintln!("{}", crate::error::render(&prev));
                }
            }
        }
    }
    print(&out)?;
    last_err.map_or(Ok(()), Err)
}
