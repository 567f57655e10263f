//! `rpod image prune`: remove dangling images (those without names), or
//! with `--all` every image; never one a container uses (as `rmi`).
//! Prints the removed images' IDs. Then it collects the layers nothing
//! references (no image, no container, no layer above), which older
//! versions left behind when an image went before its last container.
//!
//! Without `--force` it asks for confirmation on a terminal, and refuses
//! when standard input is not one (there is nobody to answer).

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Context as _;
use clap::Args;

use rpod_storage::StorageError;

use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::image::{filter, lookup};

#[derive(Debug, Args)]
pub struct ImagePruneArgs {
    /// Remove all unused images, not just dangling ones
    #[arg(short, long)]
    pub all: bool,

    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,

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
    let mut out = String::new();
    for img in store.images().context("listing images")? {
        if (!args.all && !img.names.is_empty()) || !filter::matches(&filters, &img) {
            continue;
        }
        if !containers.users_of_image(&img.id)?.is_empty() {
            continue;
        }
        match store.remove_image(&img.id) {
            Ok(_) => {
                out.push_str(&img.id);
                out.push('\n');
            }
            // Removed meanwhile by someone else.
            Err(StorageError::ImageUnknown(_)) => {}
            Err(e) => {
                print(&out)?;
                return Err(anyhow::Error::from(e).context(format!("removing image {}", img.id)));
            }
        }
    }
    print(&out)?;
    // A younger layer may belong to a pull that has stored it but not yet
    // held it or stored its image.
    let collected = store.remove_unused_layers(UNUSED_LAYER_MIN_AGE).context("removing unused layers")?;
    if !collected.is_empty() {
        log::info!("removed {} layers nothing used: {}", collected.len(), collected.join(" "));
    }
    Ok(())
}

/// How old a layer nothing references must be for `prune` to remove it.
const UNUSED_LAYER_MIN_AGE: std::time::Duration = std::time::Duration::from_secs(60);

/// Podman's prompt; `Ok(false)` when the answer is not yes.
fn confirm(all: bool) -> anyhow::Result<bool> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(Failure::new(
            ExitCode::Engine,
            "standard input is not a terminal to confirm on: use --force to prune without confirmation",
        )
        .into());
    }
    let what =
        if all { "all images without at least one container associated with them" } else { "all dangling images" };
    let mut err = std::io::stderr().lock();
    write!(err, "WARNING! This command removes {what}.\nAre you sure you want to continue? [y/N] ")
        .and_then(|()| err.flush())
        .context("writing the prompt")?;
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer).context("reading the answer")?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes" | "YES"))
}
