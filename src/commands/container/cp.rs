//! `rpod cp` / `rpod container cp`: copy files between a container and the
//! host, or a tar stream (see [`crate::container::copy`]).

use anyhow::bail;
use clap::Args;

use crate::container::copy::{self, CopyOptions, Location};
use crate::context::Context;

#[derive(Debug, Args)]
pub struct CpArgs {
    /// Keep the source's owners (UID and GID); without it, files copied into a container belong to its root and files copied out to you
    #[arg(short, long, num_args = 0..=1, default_missing_value = "true", require_equals = true, value_name = "BOOL")]
    pub archive: Option<bool>,

    /// Always follow a symbolic link in SRC_PATH
    #[arg(short = 'L', long)]
    pub follow_link: bool,

    /// Allow to overwrite directories with non-directories and vice versa
    #[arg(long)]
    pub overwrite: bool,

    /// CONTAINER:SRC_PATH, a host path, or - for a tar stream on standard input
    #[arg(value_name = "SRC_PATH")]
    pub source: String,

    /// CONTAINER:DEST_PATH, a host path, or - for a tar stream on standard output
    #[arg(value_name = "DEST_PATH")]
    pub destination: String,
}

pub fn run(ctx: &Context, args: CpArgs) -> anyhow::Result<()> {
    let opts = CopyOptions {
        archive: args.archive.unwrap_or(false),
        follow_link: args.follow_link,
        overwrite: args.overwrite,
    };
    let (src, dest) = (Location::parse(&args.source), Location::parse(&args.destination));
    let mut containers = ctx.containers()?;
    match (&src, &dest) {
        (Location::Container { container, path }, Location::Host(_) | Location::Stream) => {
            let c = containers.find(container)?;
            let root = copy::open_root(ctx, &mut containers, &c)?;
            copy::copy_out(&root, path, &dest, &opts)
        }
        (Location::Host(_) | Location::Stream, Location::Container { container, path }) => {
            let c = containers.find(container)?;
            let root = copy::open_root(ctx, &mut containers, &c)?;
            copy::copy_in(&root, &src, path, &opts)
        }
        (Location::Container { .. }, Location::Container { .. }) => {
            bail!("copying between containers is not supported: copy to the host first")
        }
        _ => bail!("invalid arguments {}, {}: one of them must be CONTAINER:PATH", args.source, args.destination),
    }
}
