//! `rpod buildx VERB`: Docker's buildx command line; `buildx build` is
//! `rpod build` (the same `Args`, the same handler).

use clap::Subcommand;

use crate::context::Context;

/// `rpod buildx ...`
#[derive(Debug, Subcommand)]
pub enum BuildxCommand {
    /// Build an image using instructions from Containerfiles
    Build(Box<super::image::build::BuildArgs>),
}

pub fn dispatch(ctx: &Context, command: BuildxCommand) -> anyhow::Result<()> {
    match command {
        BuildxCommand::Build(args) => super::image::dispatch(ctx, super::image::ImageCommand::Build(args)),
    }
}
