//! `rpod pull` / `rpod image pull`: copy an image from a registry into the
//! store; prints the image ID.

use anyhow::Context as _;
use clap::Args;

use crate::commands::flags::{PlatformFlags, RegistryFlags};
use crate::context::{print, Context};
use crate::image::pull::{PullOptions, Puller};

#[derive(Debug, Args)]
pub struct PullArgs {
    /// The image to pull: NAME[:TAG|@DIGEST] (short names are resolved through registries.conf)
    #[arg(value_name = "IMAGE")]
    pub image: String,

    /// Pull all tagged images of the repository
    #[arg(short, long)]
    pub all_tags: bool,

    /// Suppress output information when pulling images: print only the image ID
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub platform: PlatformFlags,

    #[command(flatten)]
    pub registry: RegistryFlags,
}

pub fn run(ctx: &Context, args: PullArgs) -> anyhow::Result<()> {
    let platform = args.platform.or_host()?;
    let tls_verify = args.registry.tls_verify;
    let opts = PullOptions { platform, tls_verify, quiet: args.quiet };
    let puller = Puller::with_access(ctx, args.quiet, &args.registry.access()?)?;
    if !args.all_tags {
        let image = puller.pull(&args.image, &opts)?;
        return print(&format!("{}\n", image.id));
    }
    let (repo, tags) =
        puller.tags(&args.image, tls_verify).with_context(|| format!("listing the tags of {}", args.image))?;
    for tag in tags {
        let image = puller.pull(&format!("{repo}:{tag}"), &opts)?;
        print(&format!("{}\n", image.id))?;
    }
    Ok(())
}
