//! `rpod rmi IMAGE...` / `rpod image rm`: remove images, or names.
//!
//! Like Podman: given a name of an image that has other names, only that
//! name goes (`Untagged: NAME`); otherwise the image is deleted with all
//! its names (`Untagged: ...` for each, then `Deleted: <id>`), and with it
//! the layers no other image uses. An image with several names given by
//! ID is refused unless `--force`. Every image is tried; the exit code is
//! 1 when an image was not found, 125 for other failures.

use std::collections::HashSet;

use anyhow::Context as _;
use clap::Args;

use rpod_storage::StorageError;

use crate::container::lifecycle;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::image::{lookup, names};

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
}

/// Podman's exit code for an image that does not exist.
const EXIT_NOT_KNOWN: i32 = 1;
/// Podman's exit code for an image that containers use.
const EXIT_IN_USE: i32 = 2;

/// An image to remove and how the user named it.
struct Target {
    id: String,
    /// The stored name the user gave; None for an ID (or `--all`).
    name: Option<String>,
    /// Given by ID (names are then not untagged one by one).
    by_id: bool,
}

pub fn run(ctx: &Context, args: RmiArgs) -> anyhow::Result<()> {
    if args.all && !args.images.is_empty() {
        return Err(Failure::new(ExitCode::Engine, "when using the --all switch, you may not pass any images names or IDs").into());
    }
    if !args.all && args.images.is_empty() {
        return Err(Failure::new(ExitCode::Engine, "image name or ID must be specified").into());
    }
    let search = ctx.config()?.registries.search_registries().to_vec();
    let store = ctx.store()?;

    let mut errors: Vec<(i32, String)> = Vec::new();
    let mut targets = Vec::new();
    if args.all {
        for img in store.images().context("listing images")? {
            targets.push(Target { id: img.id, name: None, by_id: false });
        }
    } else {
        let mut seen = HashSet::new();
        for input in &args.images {
            match lookup::find(store, &search, input) {
                Ok(found) => {
                    if seen.insert(found.image.id.clone()) {
                        let by_id = found.by_id();
                        targets.push(Target { id: found.image.id, name: found.name, by_id });
                    }
                }
                Err(StorageError::ImageUnknown(_)) if args.ignore => {}
                Err(e @ StorageError::ImageUnknown(_)) => errors.push((EXIT_NOT_KNOWN, e.to_string())),
                Err(e) => errors.push((ExitCode::Engine.code(), e.to_string())),
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
        if !args.all && count > 1 {
            if t.by_id && !args.force {
                errors.push((
                    ExitCode::Engine.code(),
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
                    Err(e) => errors.push((ExitCode::Engine.code(), format!("removing the name {name}: {e}"))),
                }
                continue;
            }
        }
        // Containers made from the image: refused (Podman's exit code 2),
        // or removed first with --force.
        let users = containers.users_of_image(&img.id)?;
        if !users.is_empty() {
            if !args.force {
                errors.push((
                    EXIT_IN_USE,
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
                    errors.push((ExitCode::Engine.code(), format!("removing container {id}: {e:#}")));
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
            Err(e) => errors.push((ExitCode::Engine.code(), format!("removing image {}: {e}", img.id))),
        }
    }

    let mut out = String::new();
    for n in &untagged {
        out.push_str(&format!("Untagged: {n}\n"));
    }
    for id in &deleted {
        out.push_str(&format!("Deleted: {id}\n"));
    }
    print(&out)?;

    match errors.len() {
        0 => Ok(()),
        1 => {
            let (code, message) = errors.remove(0);
            Err(Failure::new(exit(code), message).into())
        }
        n => {
            // Podman's joined errors; the exit code of the last one.
            let code = errors.last().map_or(125, |e| e.0);
            let list: String = errors.iter().map(|(_, m)| format!("\n\t* {m}")).collect();
            Err(Failure::new(exit(code), format!("{n} errors occurred:{list}")).into())
        }
    }
}

fn exit(code: i32) -> ExitCode {
    if code == ExitCode::Engine.code() {
        ExitCode::Engine
    } else {
        ExitCode::Container(code)
    }
}
