//! `rpod inspect NAME...`: low-level information on objects. Images only
//! for now (`--type image|all`); containers join when they exist.

use clap::Args;

use rpod_storage::StorageError;

use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Objects to inspect, by name or ID
    #[arg(value_name = "NAME", required = true)]
    pub names: Vec<String>,

    /// Format the output using the given Go template, or 'json' (the default)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Only look for objects of this type
    #[arg(short, long = "type", value_name = "TYPE", default_value = "all", value_parser = ["image", "all"])]
    pub kind: String,
}

pub fn run(ctx: &Context, args: InspectArgs) -> anyhow::Result<()> {
    let by_type = args.kind == "image";
    super::image_inspect::inspect_images(ctx, &args.names, args.format.as_deref(), |name, e| match e {
        StorageError::ImageUnknown(_) if by_type => {
            Failure::new(ExitCode::Engine, format!("{name}: image not known")).into()
        }
        StorageError::ImageUnknown(_) => Failure::new(ExitCode::Engine, format!("no such object: {name:?}")).into(),
        e => anyhow::Error::from(e).context(format!("inspecting {name}")),
    })
}
