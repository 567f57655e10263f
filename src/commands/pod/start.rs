//! `rpod pod start`: start the pods' containers, the infra container first.

use std::path::PathBuf;

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct PodStartArgs {
    #[command(flatten)]
    pub select: super::PodSelection,

    /// Read the pod ID from the file (repeatable)
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,
}

pub fn run(ctx: &Context, args: PodStartArgs) -> anyhow::Result<()> {
    let t = super::Targets { id_files: &args.pod_id_file, ..args.select.targets() };
    super::each(ctx, t, |pods, pod| crate::pod::ops::start(ctx, pods, pod))
}
