//! `rpod pod kill`: send a signal (SIGKILL by default) to the running
//! containers of pods.

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct PodKillArgs {
    /// Kill the containers of all pods
    #[arg(short, long)]
    pub all: bool,

    /// Act on the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Signal to send to the containers of the pod
    #[arg(short, long, value_name = "SIGNAL", default_value = "KILL")]
    pub signal: String,

    /// The pods (names or IDs)
    #[arg(value_name = "POD")]
    pub pods: Vec<String>,
}

pub fn run(ctx: &Context, args: PodKillArgs) -> anyhow::Result<()> {
    let signal = crate::container::lifecycle::parse_signal(&args.signal)?;
    let t = super::Targets { all: args.all, latest: args.latest, ignore: false, pods: &args.pods, id_files: &[] };
    super::each(ctx, t, |pods, pod| crate::pod::ops::kill(ctx, pods, pod, signal))
}
