//! `rpod image diff`: the files an image's top layer added, changed or
//! deleted in the layers below it.

use clap::Args;

use crate::commands::container::diff::{check_format, image, one_name, output};
use crate::container::diff;
use crate::context::Context;

/// `rpod image diff`: images only.
#[derive(Debug, Args)]
pub struct ImageDiffArgs {
    /// Change the output format (json)
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// The image (name or ID)
    #[arg(value_name = "IMAGE", num_args = 1..=2, required = true)]
    pub names: Vec<String>,
}

pub fn run(ctx: &Context, args: ImageDiffArgs) -> anyhow::Result<()> {
    let json = check_format(args.format.as_deref())?;
    let name = one_name(&args.names)?.unwrap_or_default();
    let rec = image(ctx, name)?;
    output(json, &diff::image_changes(ctx.store()?, &rec)?)
}
