//! `rpod container kill` / `rpod kill`: send a signal to running
//! containers. A missing container exits 1, one that is not running 2, as
//! in Podman.

use clap::Args;

use crate::commands::select::{self, All, Selection};
use crate::container::lifecycle;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct KillArgs {
    /// Signal all running containers
    #[arg(short, long)]
    pub all: bool,

    /// Signal to send to the container (a name, a number, or a real-time one: RTMIN+3)
    #[arg(short, long, value_name = "SIGNAL", default_value = "KILL")]
    pub signal: String,

    #[command(flatten)]
    pub selection: Selection,
}

pub fn run(ctx: &Context, args: KillArgs) -> anyhow::Result<()> {
    let signal = lifecycle::signal_number(&args.signal)?;
    let mut containers = ctx.containers()?;
    let targets = args.selection.resolve(&mut containers, args.all.then_some(All::Live))?;
    select::each(&targets, args.selection.ignore, |name| {
        let c = containers.find(name)?;
        lifecycle::kill_number(&mut containers, &c, signal)?;
        containers.event(&c, "kill");
        print(&format!("{name}\n"))
    })
}
