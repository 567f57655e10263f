//! `rpod system prune`: remove what nothing uses — containers that are
//! not running, then dangling images (with `all`: every image no
//! container uses) and the layers only they held, and with `volumes` the
//! volumes no container uses. `--filter` (`label=`, `label!=`, `until=`)
//! narrows containers and images, as Podman's.

use anyhow::bail;

use crate::container::record::Container;
use crate::context::Context;

/// How to prune.
#[derive(Debug, Clone, Default)]
pub struct PruneOptions {
    pub all: bool,
    pub volumes: bool,
    pub filters: Vec<String>,
}

/// What was removed.
#[derive(Debug, Default)]
pub struct PruneReport {
    pub containers: Vec<String>,
    pub volumes: Vec<String>,
    pub images: Vec<String>,
    /// Bytes freed: the containers' writable layers and the image layers.
    pub reclaimed: u64,
    /// Failures, each rendered; the pruning went on after them.
    pub errors: Vec<String>,
}

/// The parsed `--filter`s.
struct Filters {
    /// (key, value, negated) for `label`.
    labels: Vec<(String, Option<String>, bool)>,
    /// Unix nanoseconds: only what was created before.
    until: Option<i64>,
}

fn parse(filters: &[String]) -> anyhow::Result<Filters> {
    let mut f = Filters { labels: Vec::new(), until: None };
    for raw in filters {
        let (key, value, negated) = match raw.split_once("!=") {
            Some((k, v)) if !k.contains('=') => (k, v, true),
            _ => match raw.split_once('=') {
                Some((k, v)) => (k, v, false),
                None => bail!("invalid filter {raw:?}: expected KEY=VALUE"),
            },
        };
        match (key, negated) {
            ("label", neg) | ("label!", neg @ false) => {
                let neg = neg || key == "label!";
                let (k, v) = match value.split_once('=') {
                    Some((k, v)) => (k.to_string(), Some(v.to_string())),
                    None => (value.to_string(), None),
                };
                f.labels.push((k, v, neg));
            }
            ("until", false) => {
                let now = crate::container::record::now_ns();
                let t = crate::timefmt::until_filter(value, now)
                    .map_err(|e| anyhow::anyhow!("invalid until filter {value:?}: {e}"))?;
                f.until = Some(t);
            }
            _ => bail!("invalid filter {raw:?}: supported are label=, label!= and until="),
        }
    }
    Ok(f)
}

impl Filters {
    fn labels_match(&self, labels: &dyn Fn(&str) -> Option<String>) -> bool {
        self.labels.iter().all(|(k, v, neg)| {
            let found = labels(k);
            let hit = match v {
                Some(v) => found.as_deref() == Some(v.as_str()),
                None => found.is_some(),
            };
            hit != *neg
        })
    }

    fn container(&self, c: &Container) -> bool {
        self.until.is_none_or(|u| c.created < u) && self.labels_match(&|k| c.config.labels.get(k).cloned())
    }

    fn image(&self, img: &rpod_storage::ImageRecord) -> bool {
        let config: serde_json::Value = serde_json::from_slice(&img.config).unwrap_or_default();
        let labels = &config["config"]["Labels"];
        self.until.is_none_or(|u| img.created.saturating_mul(1_000_000_000) < u)
            && self.labels_match(&|k| labels[k].as_str().map(str::to_string))
    }
}

/// Prune; Podman's order: containers, volumes, images.
pub fn prune(ctx: &Context, opts: &PruneOptions) -> anyhow::Result<PruneReport> {
    let filters = parse(&opts.filters)?;
    let store = ctx.store()?;
    let mut containers = ctx.containers()?;
    let mut report = PruneReport::default();
    for (c, removed) in remove_containers(ctx, &mut containers, &filters)? {
        match removed {
            Ok(size) => {
                report.reclaimed += size;
                report.containers.push(c);
            }
            Err(e) => report.errors.push(crate::error::render(&e)),
        }
    }
    if opts.volumes {
        let vf = crate::volume::Filters::parse(&opts.filters)?;
        let sizes: std::collections::HashMap<String, u64> = crate::volume::list(ctx)?
            .into_iter()
            .map(|v| {
                let size = crate::volume::size(&v.mountpoint);
                (v.name, size)
            })
            .collect();
        let (removed, errors) = crate::volume::prune(ctx, &vf)?;
        report.reclaimed += removed.iter().filter_map(|n| sizes.get(n)).sum::<u64>();
        report.volumes = removed;
        report.errors.extend(errors.iter().map(crate::error::render));
    }
    let pruned = crate::image::remove::prune(store, &containers, opts.all, &|img| filters.image(img))?;
    report.reclaimed += pruned.reclaimed;
    report.images = pruned.ids;
    if let Some(e) = pruned.error {
        report.errors.push(crate::error::render(&e));
    }
    Ok(report)
}

/// `container prune`: the containers that are not running and match
/// `filters` (`label=`, `label!=`, `until=`) removed; per container its ID
/// and the outcome.
pub fn prune_containers(ctx: &Context, filters: &[String]) -> anyhow::Result<Vec<(String, anyhow::Result<u64>)>> {
    let filters = parse(filters)?;
    remove_containers(ctx, &mut ctx.containers()?, &filters)
}

/// Removes the stopped containers `filters` let through; per container its
/// ID and the bytes of its writable layer, or the error.
fn remove_containers(
    ctx: &Context,
    containers: &mut crate::container::record::Containers,
    filters: &Filters,
) -> anyhow::Result<Vec<(String, anyhow::Result<u64>)>> {
    let mut out = Vec::new();
    for c in containers.list()? {
        // An infra container goes only with its pod.
        if c.state.status.is_live() || c.config.infra || !filters.container(&c) {
            continue;
        }
        let size = crate::container::size::sizes(containers, &c).0;
        let removed = crate::container::lifecycle::remove(ctx, containers, &c, false).map(|()| size);
        out.push((c.id, removed));
    }
    Ok(out)
}
