//! `rpod volume rm`: remove volumes. A volume in use is refused (exit 2)
//! unless `--force`, which removes its containers first; a missing one
//! exits 1, as in Podman.

use clap::Args;

use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct VolumeRmArgs {
    /// Remove all volumes
    #[arg(short, long)]
    pub all: bool,

    /// Remove a volume by force, even if it is being used by a container (the container is removed)
    #[arg(short, long)]
    pub force: bool,

    /// Seconds to wait for running containers to stop before killing them with --force
    #[arg(short, long, value_name = "SECONDS", default_value_t = 10)]
    pub time: u64,

    /// The volumes' names
    #[arg(value_name = "VOLUME", required_unless_present = "all", conflicts_with = "all")]
    pub names: Vec<String>,
}

pub fn run(ctx: &Context, args: VolumeRmArgs) -> anyhow::Result<()> {
    let names: Vec<String> =
        if args.all { crate::volume::list(ctx)?.into_iter().map(|v| v.name).collect() } else { args.names.clone() };
    let stop = args.force.then(|| std::time::Duration::from_secs(args.time));
    crate::commands::select::each(&names, false, |n| {
        crate::volume::remove_stopping(ctx, n, stop)?;
        print(&format!("{n}\n"))
    })
}
