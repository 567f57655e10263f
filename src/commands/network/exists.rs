//! `rpod network exists NETWORK`: exit 0 when the network exists, 1 when not.

use clap::Args;

use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct NetworkExistsArgs {
    /// The network's name or ID
    #[arg(value_name = "NETWORK")]
    pub name: String,
}

pub fn run(ctx: &Context, args: NetworkExistsArgs) -> anyhow::Result<()> {
    match crate::network::config::find(&ctx.networks()?, &args.name) {
        Ok(_) => Ok(()),
        Err(_) => Err(Failure::new(ExitCode::Container(1), "").into()),
    }
}
