//! `rpod image prune`: remove dangling images (those without names), or
//! with `--all` every image; never one a container uses (as `rmi`).
//! Prints the removed images' IDs. Then it collects the layers nothing
//! references (no image, no container, no layer above), which older
//! versions left behind when an image went before its last container.
//!
//! Without `--force` it asks for confirmation on a terminal, and refuses
//! when standard input is not one (there is nobody to answer).

use anyhow::Context as _;
use clap::Args;

use crate::context::{print, Context};
use crate::image::{filter, lookup};

#[derive(Debug, Args)]
pub struct ImagePruneArgs {
    /// Remove all unused images, not just dangling ones
    #[arg(short, long)]
    pub all: bool,

    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,

    /// Remove images even when external containers use them (rpod has none: the same images)
    #[arg(long)]
    pub external: bool,

    /// Only prune images that pass these filters (as for `images --filter`)
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

pub fn run(ctx: &Context, args: ImagePruneArgs) -> anyhow::Result<()> {
    if !args.force && !confirm(args.all)? {
        return Ok(());
    }
    let search = ctx.config()?.registries.search_registries().to_vec();
    let store = ctx.store()?;
    let filters = filter::parse(&args.filter, |name| {
        Ok(lookup::find(store, &search, name).with_context(|| format!("looking up {name}"))?.image.created)
    })?;
    let containers = ctx.containers()?;
    let pruned = crate::image::remove::prune(store, &containers, args.all, &|img| filter::matches(&filters, img))?;
    let out: String = pruned.ids.iter().map(|id| format!("{id}\n")).collect();
    print(&out)?;
    pruned.error.map_or(Ok(()), Err)
}

/// Podman's prompt; `Ok(false)` when the answer is not yes.
fn confirm(all: bool) -> anyhow::Result<bool> {
    let what =
        if all { "all images without at least one container associated with them" } else { "all dangling images" };
    crate::commands::confirm(&format!(
        "WARNING! This command removes {what}.\nAre you sure you want to continue? [y/N] "
    ))
}
