//! `rpod system df`: the disk use of images, containers and volumes, and
//! how much of it pruning could reclaim.
//!
//! Images are measured by their layers (uncompressed tar sizes, as
//! `images` shows them): an image's *shared* size is that of its layers
//! other images use too, its *unique* size the rest. The store's total
//! counts each layer once; what is reclaimable is held only by images no
//! container uses. Containers are measured by their writable layers;
//! those of containers that are not running are reclaimable.

use std::collections::{HashMap, HashSet};

use anyhow::Context as _;
use rpod_storage::ImageRecord;

use crate::container::record::Container;
use crate::context::Context;

/// One image's use.
pub struct ImageUsage {
    pub image: ImageRecord,
    pub size: u64,
    pub shared: u64,
    pub unique: u64,
    /// Containers made from it.
    pub containers: usize,
}

/// One container's use.
pub struct ContainerUsage {
    pub container: Container,
    /// Its writable layer.
    pub size: u64,
}

/// One volume's use.
pub struct VolumeUsage {
    pub name: String,
    /// Containers using it.
    pub links: usize,
    pub size: u64,
}

/// Everything's use.
pub struct Usage {
    pub images: Vec<ImageUsage>,
    pub containers: Vec<ContainerUsage>,
    pub volumes: Vec<VolumeUsage>,
    /// Bytes of all layers, each counted once.
    pub layers_total: u64,
    /// Bytes of the layers only unused images hold.
    pub layers_reclaimable: u64,
}

/// A row of the summary (`TYPE TOTAL ACTIVE SIZE RECLAIMABLE`).
pub struct SummaryRow {
    pub kind: &'static str,
    pub total: usize,
    pub active: usize,
    pub size: u64,
    pub reclaimable: u64,
}

/// Measure everything (enters the user namespace: the layers belong to
/// the user's subordinate IDs).
pub fn usage(ctx: &Context) -> anyhow::Result<Usage> {
    let store = ctx.store()?;
    let mut containers = ctx.containers()?;
    let all = containers.list()?;
    let sizes: HashMap<String, u64> =
        store.layers().context("listing layers")?.into_iter().map(|l| (l.chain_id, l.size)).collect();
    let images = store.images().context("listing images")?;
    let mut users: HashMap<&str, usize> = HashMap::new();
    for c in &all {
        *users.entry(c.image_id.as_str()).or_default() += 1;
    }
    // How many images list each layer.
    let mut listed: HashMap<&str, usize> = HashMap::new();
    for img in &images {
        for l in img.layers.iter().collect::<HashSet<_>>() {
            *listed.entry(l.as_str()).or_default() += 1;
        }
    }
    let mut active_layers: HashSet<&str> = HashSet::new();
    for img in images.iter().filter(|i| users.contains_key(i.id.as_str())) {
        active_layers.extend(img.layers.iter().map(String::as_str));
    }
    for c in &all {
        active_layers.extend(c.config.layers.iter().map(String::as_str));
    }
    let layers_total = sizes.values().sum();
    let layers_reclaimable =
        sizes.iter().filter(|(chain, _)| !active_layers.contains(chain.as_str())).map(|(_, s)| s).sum();
    let mut out_images = Vec::with_capacity(images.len());
    for img in &images {
        let unique_layers: HashSet<&String> = img.layers.iter().collect();
        let size: u64 = unique_layers.iter().filter_map(|l| sizes.get(*l)).sum();
        let shared: u64 = unique_layers
            .iter()
            .filter(|l| listed.get(l.as_str()).copied().unwrap_or(0) > 1)
            .filter_map(|l| sizes.get(*l))
            .sum();
        out_images.push(ImageUsage {
            image: img.clone(),
            size,
            shared,
            unique: size - shared,
            containers: users.get(img.id.as_str()).copied().unwrap_or(0),
        });
    }
    let mut volumes = Vec::new();
    for v in crate::volume::list(ctx)? {
        let links = crate::volume::users(ctx, &v.name)?.len();
        volumes.push(VolumeUsage { size: crate::volume::size(&v.mountpoint), links, name: v.name });
    }
    let out_containers = all
        .into_iter()
        .map(|c| {
            let size = crate::container::size::sizes(&containers, &c).0;
            ContainerUsage { container: c, size }
        })
        .collect();
    Ok(Usage { images: out_images, containers: out_containers, volumes, layers_total, layers_reclaimable })
}

/// The three summary rows: images, containers, local volumes.
pub fn summary(u: &Usage) -> Vec<SummaryRow> {
    let running = |c: &Container| c.state.status.is_live();
    vec![
        SummaryRow {
            kind: "Images",
            total: u.images.len(),
            active: u.images.iter().filter(|i| i.containers > 0).count(),
            size: u.layers_total,
            reclaimable: u.layers_reclaimable,
        },
        SummaryRow {
            kind: "Containers",
            total: u.containers.len(),
            active: u.containers.iter().filter(|c| running(&c.container)).count(),
            size: u.containers.iter().map(|c| c.size).sum(),
            reclaimable: u.containers.iter().filter(|c| !running(&c.container)).map(|c| c.size).sum(),
        },
        SummaryRow {
            kind: "Local Volumes",
            total: u.volumes.len(),
            active: u.volumes.iter().filter(|v| v.links > 0).count(),
            size: u.volumes.iter().map(|v| v.size).sum(),
            reclaimable: u.volumes.iter().filter(|v| v.links == 0).map(|v| v.size).sum(),
        },
    ]
}

/// `1.988MB (32%)`: a reclaimable size with its share of the total.
pub fn reclaimable_text(reclaimable: u64, size: u64) -> String {
    let pct = if size == 0 { 0 } else { (reclaimable as f64 * 100.0 / size as f64).round() as u64 };
    format!("{} ({pct}%)", crate::format::human::size_precise(reclaimable))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reclaimable_shares() {
        assert_eq!(reclaimable_text(0, 0), "0B (0%)");
        assert_eq!(reclaimable_text(1_988_000, 6_253_000), "1.988MB (32%)");
        assert_eq!(reclaimable_text(18, 18), "18B (100%)");
    }
}
