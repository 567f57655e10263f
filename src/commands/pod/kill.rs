//! `rpod pod kill`: send a signal (SIGKILL by default) to the running
//! containers of pods.

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct PodKillArgs {
    #[command(flatten)]
    pub select: super::PodSelection,

    /// Signal to send to the containers of the pod (a name, a number, or a real-time one: RTMIN+3)
    #[arg(short, long, value_name = "SIGNAL", default_value = "KILL")]
    pub signal: String,
}

pub fn run(ctx: &Context, args: PodKillArgs) -> anyhow::Result<()> {
    let signal = crate::container::lifecycle::signal_number(&args.signal)?;
    super::each(ctx, args.select.targets(), |pods, pod| crate::pod::ops::kill(ctx, pods, pod, signal))
}
