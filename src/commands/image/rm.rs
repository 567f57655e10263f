//! `rpod image rm IMAGE...` / `rpod rmi`: remove images, or names (see
//! [`crate::image::remove`]); prints `Untagged: NAME` for each name and
//! `Deleted: ID` for each image, and every failure, as Podman does.

use clap::Args;

use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::image::remove::{remove, RemoveOptions};
#[derive(Debug, Args)]
pub struct RmiArgs {
    /// Images to remove, by name or ID
    #[arg(value_name = "IMAGE")]
    pub images: Vec<String>,

    /// Remove all images
    #[arg(short, long)]
    pub all: bool,

    /// Remove an image even when it has several names and is given by ID
    #[arg(short, long)]
    pub force: bool,

    /// Ignore errors when a specified image does not exist
    #[arg(short, long)]
    pub ignore: bool,

    /// Do not remove dangling parent images (accepted: rpod's images have no parent images, pulled and loaded images are whole, so there are none to keep)
    #[arg(long)]
    pub no_prune: bool,
}

pub fn run(ctx: &Context, args: RmiArgs) -> anyhow::Result<()> {
    if args.all && !args.images.is_empty() {
        return Err(Failure::new(
            ExitCode::Engine,
            "when using the --all switch, you may not pass any images names or IDs",
        )
        .into());
    }
    if !args.all && args.images.is_empty() {
        return Err(Failure::new(ExitCode::Engine, "image name or ID must be specified").into());
    }
    let opts = RemoveOptions { all: args.all, force: args.force, ignore: args.ignore };
    let mut report = remove(ctx, &args.images, opts)?;
    let mut out = String::new();
    for n in &report.untagged {
        ctx.event(&crate::events::Event::image("untag", "", n));
        out.push_str(&format!("Untagged: {n}\n"));
    }
    for id in &report.deleted {
        ctx.event(&crate::events::Event::image("remove", id, ""));
        out.push_str(&format!("Deleted: {id}\n"));
    }
    print(&out)?;

    match report.errors.len() {
        0 => Ok(()),
        1 => {
            let (code, message) = report.errors.remove(0);
            Err(Failure::new(code, message).into())
        }
        n => {
            // Podman's joined errors; the exit code of the last one.
            let code = report.errors.last().map_or(ExitCode::Engine, |e| e.0);
            let list: String = report.errors.iter().map(|(_, m)| format!("\n\t* {m}")).collect();
            Err(Failure::new(code, format!("{n} errors occurred:{list}")).into())
        }
    }
}
