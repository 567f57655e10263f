//! Removing images, or names of images (`rmi`, `image rm`), with Podman's
//! rules: given a name of an image that has other names, only that name
//! goes; otherwise the image is deleted with all its names, and with it the
//! layers no other image uses. An image with several names given by ID is
//! refused unless forced; an image containers use is refused (exit 2)
//! unless forced, which removes those containers first. Every image is
//! tried and every failure reported.

use std::collections::HashSet;

use anyhow::Context as _;

use rpod_storage::StorageError;

use crate::container::lifecycle;
use crate::context::Context;
use crate::error::ExitCode;
use crate::image::{lookup, names};

/// Podman's exit code for an image that does not exist.
pub const EXIT_NOT_KNOWN: i32 = 1;
/// Podman's exit code for an image that containers use.
pub const EXIT_IN_USE: i32 = 2;

/// An image to remove and how the user named it.
struct Target {
    id: String,
    /// The stored name the user gave; None for an ID (or `--all`).
    name: Option<String>,
    /// Given by ID (names are then not untagged one by one).
    by_id: bool,
}

/// How to remove.
#[derive(Debug, Clone, Copy, Default)]
pub struct RemoveOptions {
    /// Every image (no names may be given).
    pub all: bool,
    /// Remove an image with several names given by ID, and the containers
    /// that use an image.
    pub force: bool,
    /// Images that do not exist are no error.
    pub ignore: bool,
}

/// What a removal did, in order, and what failed (with each failure's
/// exit code: 1 not found, 2 in use, 125 other).
#[derive(Debug, Default)]
pub struct RemoveReport {
    pub untagged: Vec<String>,
    pub deleted: Vec<String>,
    pub errors: Vec<(ExitCode, String)>,
}

/// Remove `inputs` (names or IDs), or every image with `opts.all`.
pub fn remove(ctx: &Context, inputs: &[String], opts: RemoveOptions) -> anyhow::Result<RemoveReport> {
    let search = ctx.config()?.registries.search_registries().to_vec();
    let store = ctx.store()?;

    let mut errors: Vec<(ExitCode, String)> = Vec::new();
    let mut targets = Vec::new();
    if opts.all {
        for img in store.images().context("listing images")? {
            targets.push(Target { id: img.id, name: None, by_id: false });
        }
    } else {
        let mut seen = HashSet::new();
        for input in inputs {
            match lookup::find(store, &search, input) {
                Ok(found) => {
                    if seen.insert(found.image.id.clone()) {
                        let by_id = found.by_id();
                        targets.push(Target { id: found.image.id, name: found.name, by_id });
                    }
                }
                Err(StorageError::ImageUnknown(_)) if opts.ignore => {}
                Err(e @ StorageError::ImageUnknown(_)) => {
                    errors.push((ExitCode::Container(EXIT_NOT_KNOWN), e.to_string()))
                }
                Err(e) => errors.push((ExitCode::Engine, e.to_string())),
            }
        }
    }

    let mut containers = ctx.containers()?;
    let mut untagged = Vec::new();
    let mut deleted = Vec::new();
    for t in targets {
        // Removing an earlier target may have changed this one.
        let Some(img) = store.image(&t.id).context("reading the image")? else { continue };
        let count = img.names.len();
        if !opts.all && count > 1 {
            if t.by_id && !opts.force {
                errors.push((
                    ExitCode::Engine,
                    format!(
                        "unable to delete {} (must be forced) - image is referenced in multiple repositories",
                        names::short_id(&img.id)
                    ),
                ));
                continue;
            }
            if let (Some(name), false) = (&t.name, t.by_id) {
                match store.untag(&img.id, name) {
                    Ok(()) => untagged.push(name.clone()),
                    Err(e) => errors.push((ExitCode::Engine, format!("removing the name {name}: {e}"))),
                }
                continue;
            }
        }
        // Containers made from the image: refused (Podman's exit code 2),
        // or removed first with --force.
        let users = containers.users_of_image(&img.id)?;
        if !users.is_empty() {
            if !opts.force {
                errors.push((
                    ExitCode::Container(EXIT_IN_USE),
                    format!(
                        "image used by {}: image is in use by a container: consider listing external containers and force-removing image",
                        users[0]
                    ),
                ));
                continue;
            }
            let mut failed = false;
            for id in &users {
                let r = containers.find(id).and_then(|c| lifecycle::remove(ctx, &mut containers, &c, true));
                if let Err(e) = r {
                    errors.push((ExitCode::Engine, format!("removing container {id}: {e:#}")));
                    failed = true;
                }
            }
            if failed {
                continue;
            }
        }
        match store.remove_image(&img.id) {
            Ok(_) => {
                untagged.extend(img.names.iter().cloned());
                deleted.push(img.id.clone());
            }
            Err(StorageError::ImageUnknown(_)) => {}
            Err(e) => errors.push((ExitCode::Engine, format!("removing image {}: {e}", img.id))),
        }
    }

    Ok(RemoveReport { untagged, deleted, errors })
}

/// What [`prune`] removed.
#[derive(Debug, Default)]
pub struct Pruned {
    /// The removed images' IDs, in order.
    pub ids: Vec<String>,
    /// Bytes of the layers removed with them (uncompressed tar sizes).
    pub reclaimed: u64,
    /// The failure that stopped the pruning, after `ids`.
    pub error: Option<anyhow::Error>,
}

/// Remove dangling images (with `all`: every image), those `wanted` lets
/// through and no container uses; then the layers nothing references any
/// more (`image prune`, `system prune`).
pub fn prune(
    store: &rpod_storage::Store,
    containers: &crate::container::record::Containers,
    all: bool,
    wanted: &dyn Fn(&rpod_storage::ImageRecord) -> bool,
) -> anyhow::Result<Pruned> {
    use anyhow::Context as _;
    let mut pruned = Pruned::default();
    let sizes: std::collections::HashMap<String, u64> =
        store.layers().context("listing layers")?.into_iter().map(|l| (l.chain_id, l.size)).collect();
    for img in store.images().context("listing images")? {
        if (!all && !img.names.is_empty()) || !wanted(&img) {
            continue;
        }
        if !containers.users_of_image(&img.id)?.is_empty() {
            continue;
        }
        match store.remove_image(&img.id) {
            Ok(layers) => {
                pruned.reclaimed += layers.iter().filter_map(|l| sizes.get(l)).sum::<u64>();
                pruned.ids.push(img.id);
            }
            // Removed meanwhile by someone else.
            Err(rpod_storage::StorageError::ImageUnknown(_)) => {}
            Err(e) => {
                pruned.error = Some(anyhow::Error::from(e).context(format!("removing image {}", img.id)));
                return Ok(pruned);
            }
        }
    }
    // A younger layer may belong to a pull that has stored it but not yet
    // held it or stored its image.
    let collected = store.remove_unused_layers(UNUSED_LAYER_MIN_AGE).context("removing unused layers")?;
    if !collected.is_empty() {
        pruned.reclaimed += collected.iter().filter_map(|l| sizes.get(l)).sum::<u64>();
        log::info!("removed {} layers nothing used: {}", collected.len(), collected.join(" "));
    }
    Ok(pruned)
}

/// How old a layer nothing references must be for `prune` to remove it.
const UNUSED_LAYER_MIN_AGE: std::time::Duration = std::time::Duration::from_secs(60);
