//! `rpod pod stop`: stop the pods' containers (in parallel), the infra
//! container last.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct PodStopArgs {
    /// Stop all running pods
    #[arg(short, long)]
    pub all: bool,

    /// Ignore errors when a specified pod is missing
    #[arg(short, long)]
    pub ignore: bool,

    /// Act on the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Read the pod ID from the file (repeatable)
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,

    /// Seconds to wait for the stop signal before killing the containers (default: each container's stop timeout)
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,

    /// The pods (names or IDs)
    #[arg(value_name = "POD")]
    pub pods: Vec<String>,
}

pub fn run(ctx: &Context, args: PodStopArgs) -> anyhow::Result<()> {
    let timeout = args.time.map(Duration::from_secs);
    let t = super::Targets {
        all: args.all,
        latest: args.latest,
        ignore: args.ignore,
        pods: &args.pods,
        id_files: &args.pod_id_file,
    };
    super::each(ctx, t, |pods, pod| crate::pod::ops::stop(ctx, pods, pod, timeout))
}
