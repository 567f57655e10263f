//! `rpod pod stop`: stop the pods' containers (in parallel), the infra
//! container last.

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct PodStopArgs {
    #[command(flatten)]
    pub select: super::PodSelection,

    #[command(flatten)]
    pub stop: super::StopFlags,
}

pub fn run(ctx: &Context, args: PodStopArgs) -> anyhow::Result<()> {
    let timeout = args.stop.timeout();
    super::each(ctx, args.stop.targets(&args.select, false), |pods, pod| crate::pod::ops::stop(ctx, pods, pod, timeout))
}
