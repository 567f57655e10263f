//! `rpod pod rm`: remove pods with their containers (`-f` stops running
//! ones first). A missing pod exits 1, a running one without `-f` 2, as
//! in Podman.

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct PodRmArgs {
    #[command(flatten)]
    pub select: super::PodSelection,

    /// Stop running containers first, then remove the pod with all its containers (and ignore missing pods)
    #[arg(short, long)]
    pub force: bool,

    #[command(flatten)]
    pub stop: super::StopFlags,
}

pub fn run(ctx: &Context, args: PodRmArgs) -> anyhow::Result<()> {
    if args.stop.time.is_some() && !args.force {
        return Err(crate::error::Failure::new(
            crate::error::ExitCode::Engine,
            "--force option must be specified to use the --time option",
        )
        .into());
    }
    let timeout = args.stop.timeout();
    super::each(ctx, args.stop.targets(&args.select, args.force), |pods, pod| {
        crate::pod::ops::remove(ctx, pods, pod, args.force, timeout)
    })
}
