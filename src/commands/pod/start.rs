//! `rpod pod start`: start the pods' containers, the infra container first.

use std::path::PathBuf;

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct PodStartArgs {
    /// Start all pods
    #[arg(short, long)]
    pub all: bool,

    /// Act on the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Read the pod ID from the file (repeatable)
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,

    /// The pods (names or IDs)
    #[arg(value_name = "POD")]
    pub pods: Vec<String>,
}

pub fn run(ctx: &Context, args: PodStartArgs) -> anyhow::Result<()> {
    let t = super::Targets {
        all: args.all,
        latest: args.latest,
        ignore: false,
        pods: &args.pods,
        id_files: &args.pod_id_file,
    };
    super::each(ctx, t, |pods, pod| crate::pod::ops::start(ctx, pods, pod))
}
