//! `rpod system prune`: remove unused containers, images and (with
//! `--volumes`) volumes (see [`crate::system::prune`]).

use crate::error::{ExitCode, Failure};
use clap::Args;

use crate::context::{print, Context};
use crate::system::prune::{self, PruneOptions};

#[derive(Debug, Args)]
pub struct SystemPruneArgs {
    /// Remove all unused images, not just dangling ones
    #[arg(short, long)]
    pub all: bool,

    /// Provide filter values (label=KEY[=VALUE], label!=KEY[=VALUE], until=TIMESTAMP)
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Do not prompt for confirmation
    #[arg(short, long)]
    pub force: bool,

    /// Prune volumes
    #[arg(long)]
    pub volumes: bool,
}

pub fn run(ctx: &Context, args: SystemPruneArgs) -> anyhow::Result<()> {
    if !args.force {
        let volumes = if args.volumes { "\n\t- all volumes not used by at least one container" } else { "" };
        let images = if args.all {
            "all images without at least one container associated with them"
        } else {
            "all dangling images"
        };
        let prompt = format!(
            "WARNING! This command removes:\n\t- all stopped containers{volumes}\n\t- {images}\n\nAre you sure you want to continue? [y/N] "
        );
        if !crate::commands::confirm(&prompt)? {
            return Ok(());
        }
    }
    let opts = PruneOptions { all: args.all, volumes: args.volumes, filters: args.filter };
    let r = prune::prune(ctx, &opts)?;
    let mut out = String::new();
    for (heading, ids) in
        [("Deleted Containers", &r.containers), ("Deleted Volumes", &r.volumes), ("Deleted Images", &r.images)]
    {
        if !ids.is_empty() {
            out.push_str(heading);
            out.push('\n');
            for id in ids {
                out.push_str(id);
                out.push('\n');
            }
        }
    }
    out.push_str(&format!("Total reclaimed space: {}\n", crate::format::human::size_precise(r.reclaimed)));
    print(&out)?;
    for e in &r.errors {
        eprintln!("{e}");
    }
    if r.errors.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(ExitCode::Engine, "some objects could not be removed").into())
    }
}
