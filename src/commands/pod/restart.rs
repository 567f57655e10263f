//! `rpod pod restart`: stop the pods' containers, then start them again.

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct PodRestartArgs {
    /// Restart all pods
    #[arg(short, long)]
    pub all: bool,

    /// Act on the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The pods (names or IDs)
    #[arg(value_name = "POD")]
    pub pods: Vec<String>,
}

pub fn run(ctx: &Context, args: PodRestartArgs) -> anyhow::Result<()> {
    let t = super::Targets { all: args.all, latest: args.latest, ignore: false, pods: &args.pods, id_files: &[] };
    super::each(ctx, t, |pods, pod| crate::pod::ops::restart(ctx, pods, pod))
}
