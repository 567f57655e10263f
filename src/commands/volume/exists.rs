//! `rpod volume exists NAME`: exit 0 when the volume exists, 1 when not.

use clap::Args;

use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct VolumeExistsArgs {
    /// The volume's name
    #[arg(value_name = "VOLUME")]
    pub name: String,
}

pub fn run(ctx: &Context, args: VolumeExistsArgs) -> anyhow::Result<()> {
    match crate::volume::open(ctx)?.get(&args.name)? {
        Some(_) => Ok(()),
        None => Err(Failure::new(ExitCode::Container(1), "").into()),
    }
}
