//! `rpod pod rm`: remove pods with their containers (`-f` stops running
//! ones first). A missing pod exits 1, a running one without `-f` 2, as
//! in Podman.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct PodRmArgs {
    /// Remove all pods
    #[arg(short, long)]
    pub all: bool,

    /// Stop running containers first, then remove the pod with all its containers (and ignore missing pods)
    #[arg(short, long)]
    pub force: bool,

    /// Ignore errors when a specified pod is missing
    #[arg(short, long)]
    pub ignore: bool,

    /// Act on the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Read the pod ID from the file (repeatable)
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,

    /// Seconds to wait for the stop signal before killing running containers with --force (default: each container's stop timeout)
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,

    /// The pods (names or IDs)
    #[arg(value_name = "POD")]
    pub pods: Vec<String>,
}

pub fn run(ctx: &Context, args: PodRmArgs) -> anyhow::Result<()> {
    if args.time.is_some() && !args.force {
        return Err(crate::error::Failure::new(
            crate::error::ExitCode::Engine,
            "--force option must be specified to use the --time option",
        )
        .into());
    }
    let timeout = args.time.map(Duration::from_secs);
    let t = super::Targets {
        all: args.all,
        latest: args.latest,
        ignore: args.ignore || args.force,
        pods: &args.pods,
        id_files: &args.pod_id_file,
    };
    super::each(ctx, t, |pods, pod| crate::pod::ops::remove(ctx, pods, pod, args.force, timeout))
}
