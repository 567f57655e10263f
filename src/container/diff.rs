//! `rpod diff`: what a container changed in its image, or what an image's
//! top layer changed in the layers below it ([`rpod_storage::changes`]).

use std::path::PathBuf;

use anyhow::{anyhow, bail};
use rpod_storage::changes::{self, Change, ChangeKind};
use rpod_storage::{ImageRecord, Store};
use serde_json::{json, Map, Value};

use super::record::{Container, Containers};

/// The image layers under a container's upper layer, base first: the
/// owner-translated copy for keep-id, else the image's layers.
pub fn lower_dirs(store: &Store, c: &Container) -> Vec<PathBuf> {
    if let Some(dir) = &c.config.rootfs {
        return vec![PathBuf::from(dir)];
    }
    match &c.config.shifted_root {
        Some(p) if c.config.keep_id.is_some() || c.config.options.id_maps.is_some() => vec![PathBuf::from(p)],
        _ => c.config.layers.iter().map(|l| store.layer_diff_path(l)).collect(),
    }
}

/// The container's upper layer, refused for the vfs driver (whose root is
/// a full copy, with no layer of changes).
pub fn upper_dir(containers: &Containers, c: &Container) -> anyhow::Result<PathBuf> {
    if c.config.rootfs.is_some() && !c.config.rootfs_overlay {
        bail!(
            "container {} runs in its --rootfs directory, changing it in place: rpod keeps no layer of changes",
            c.name
        );
    }
    if c.config.storage_driver == "vfs" && c.config.rootfs.is_none() {
        bail!(
            "container {}: the vfs storage driver keeps no layer of changes, so rpod cannot tell them (use overlay)",
            c.name
        );
    }
    Ok(containers.dir(&c.id).join("upper"))
}

/// Mount points the engine and the runtime make in every container, left
/// out of its changes (Podman's `initInodes`).
const INIT_INODES: &[&str] = &[
    "/dev",
    "/etc/hostname",
    "/etc/hosts",
    "/etc/resolv.conf",
    "/proc",
    "/run",
    "/run/notify",
    "/run/.containerenv",
    "/run/secrets",
    "/sys",
    "/etc/mtab",
];

/// A container's changes to its image.
pub fn container_changes(store: &Store, containers: &Containers, c: &Container) -> anyhow::Result<Vec<Change>> {
    let upper = upper_dir(containers, c)?;
    if !upper.is_dir() {
        // Never started: nothing changed yet.
        return Ok(Vec::new());
    }
    let mut all = changes::changes(&upper, &lower_dirs(store, c))?;
    all.retain(|ch| !INIT_INODES.contains(&ch.path.as_str()));
    Ok(all)
}

/// An image's top layer's changes to the layers below.
pub fn image_changes(store: &Store, rec: &ImageRecord) -> anyhow::Result<Vec<Change>> {
    let (top, below) = rec.layers.split_last().ok_or_else(|| anyhow!("image {} has no layers", rec.id))?;
    let lowers: Vec<PathBuf> = below.iter().map(|l| store.layer_diff_path(l)).collect();
    Ok(changes::changes(&store.layer_diff_path(top), &lowers)?)
}

/// Podman's text (`C /etc`, one per line).
pub fn render_text(changes: &[Change]) -> String {
    changes.iter().map(|c| format!("{} {}\n", c.kind.letter(), c.path)).collect()
}

/// Podman's JSON: `changed`, `added`, `deleted` (empty ones left out).
pub fn render_json(changes: &[Change]) -> Value {
    let mut doc = Map::new();
    for (key, kind) in
        [("changed", ChangeKind::Changed), ("added", ChangeKind::Added), ("deleted", ChangeKind::Deleted)]
    {
        let paths: Vec<&str> = changes.iter().filter(|c| c.kind == kind).map(|c| c.path.as_str()).collect();
        if !paths.is_empty() {
            doc.insert(key.into(), json!(paths));
        }
    }
    Value::Object(doc)
}
