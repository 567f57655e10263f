//! `rpod inspect NAME...`: low-level information on objects: containers
//! and images (`--type container|image|all`; with `all` a name is looked
//! up as a container first, like Podman).

use clap::Args;

use rpod_storage::StorageError;

use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Objects to inspect, by name or ID
    #[arg(value_name = "NAME", required_unless_present = "latest")]
    pub names: Vec<String>,

    /// Inspect the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Display the total file size of containers (SizeRw and SizeRootFs)
    #[arg(short, long)]
    pub size: bool,

    /// Format the output using the given Go template, or 'json' (the default)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Only look for objects of this type
    #[arg(short, long = "type", value_name = "TYPE", default_value = "all", value_parser = ["container", "image", "all"])]
    pub kind: String,
}

pub fn run(ctx: &Context, args: InspectArgs) -> anyhow::Result<()> {
    if args.kind != "image" {
        let mut containers = ctx.containers()?;
        let mut docs = Vec::new();
        let mut rest = Vec::new();
        if args.latest {
            let c = super::select::latest_of(&mut containers)?;
            docs.push(super::container::inspect::document_sized(&containers, &c, args.size));
        }
        for n in &args.names {
            match containers.find(n) {
                Ok(c) => docs.push(super::container::inspect::document_sized(&containers, &c, args.size)),
                Err(e) if args.kind == "container" => return Err(e),
                Err(_) => rest.push(n.clone()),
            }
        }
        if rest.is_empty() {
            return super::container::inspect::print_documents(&docs, args.format.as_deref());
        }
        if !docs.is_empty() {
            super::container::inspect::print_documents(&docs, args.format.as_deref())?;
        }
        return inspect_images(ctx, &rest, args.format.as_deref(), false);
    }
    inspect_images(ctx, &args.names, args.format.as_deref(), true)
}

fn inspect_images(ctx: &Context, names: &[String], format: Option<&str>, by_type: bool) -> anyhow::Result<()> {
    super::image::inspect::inspect_images(ctx, names, format, |name, e| match e {
        StorageError::ImageUnknown(_) if by_type => {
            Failure::new(ExitCode::Engine, format!("{name}: image not known")).into()
        }
        StorageError::ImageUnknown(_) => Failure::new(ExitCode::Engine, format!("no such object: {name:?}")).into(),
        e => anyhow::Error::from(e).context(format!("inspecting {name}")),
    })
}
