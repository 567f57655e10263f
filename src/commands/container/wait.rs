//! `rpod wait` / `rpod container wait`: block until containers reach a
//! condition (default: stopped) and print their exit codes.

use std::time::Duration;

use clap::{Args, ValueEnum};

use crate::container::lifecycle;
use crate::container::record::Status;
use crate::context::{print, Context};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Condition {
    Created,
    Running,
    Paused,
    Exited,
    Stopped,
}

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Condition to wait on
    #[arg(long, value_enum, default_value = "stopped")]
    pub condition: Vec<Condition>,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: WaitArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let conds = args.condition.clone();
    crate::commands::each(&args.containers, |name| {
        let c = containers.find(name)?;
        let state = lifecycle::wait_for(
            &mut containers,
            &c.id,
            |s| {
                conds.iter().any(|cond| match cond {
                    Condition::Created => s.status == Status::Created,
                    Condition::Running => s.status == Status::Running,
                    Condition::Paused => s.status == Status::Paused,
                    Condition::Exited | Condition::Stopped => s.status == Status::Exited,
                })
            },
            None::<Duration>,
        )?;
        print(&format!("{}\n", state.map_or(-1, |s| s.exit_code)))
    })
}
