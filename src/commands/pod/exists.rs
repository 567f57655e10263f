//! `rpod pod exists POD`: exit 0 when the pod exists, 1 when not.

use clap::Args;

use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct PodExistsArgs {
    /// The pod (name or ID)
    #[arg(value_name = "POD")]
    pub pod: String,
}

pub fn run(ctx: &Context, args: PodExistsArgs) -> anyhow::Result<()> {
    match crate::pod::Pods::open(ctx)?.find(&args.pod) {
        Ok(_) => Ok(()),
        Err(e) if crate::error::cause_of(&e) == crate::error::Cause::NoSuchObject => {
            Err(Failure::new(ExitCode::Container(1), "").into())
        }
        Err(e) => Err(e),
    }
}
