//! `rpod healthcheck VERB`: one file per verb.

pub mod run;

use clap::Subcommand;

use crate::context::Context;

/// `rpod healthcheck ...`
#[derive(Debug, Subcommand)]
pub enum HealthcheckCommand {
    /// Run the healthcheck of a container
    Run(run::HealthcheckRunArgs),
}

pub fn dispatch(ctx: &Context, command: HealthcheckCommand) -> anyhow::Result<()> {
    match command {
        HealthcheckCommand::Run(args) => run::run(ctx, args),
    }
}
