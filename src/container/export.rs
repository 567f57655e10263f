//! A container's file system out of it: as a tar stream (`rpod export`:
//! the image and the container's changes merged, without the engine's
//! mounts and volumes) or as a new image (`rpod commit`: the container's
//! upper layer on top of its image, see [`crate::image::commit`]).
//!
//! Both read the container's layers, never its live root: the merged view
//! is a read-only overlay of the upper layer over the image's layers,
//! mounted in this command's private mount namespace (allowed while the
//! container runs, since it takes no upper layer of its own).

use std::io::Write;
use std::os::fd::AsFd;
use std::path::PathBuf;

use anyhow::{bail, Context as _};
use serde_json::{json, Map, Value};

use super::diff::{lower_dirs, upper_dir};
use super::record::{Container, Containers, Status};
use super::rootfs::{MountGuard, Rootfs};
use crate::context::Context;
use crate::image::commit::{LayerSource, NewImage};
use crate::image::progress::Progress;

/// The container's merged file system, read-only, at a directory of its
/// own (unmounted when the guard drops); vfs: its root directory itself.
fn merged_view(
    ctx: &Context,
    containers: &mut Containers,
    c: &Container,
) -> anyhow::Result<(PathBuf, Option<MountGuard>)> {
    let store = ctx.store()?;
    let rootfs = Rootfs::new(containers.graph_root(), &c.id);
    if let (Some(dir), false) = (&c.config.rootfs, c.config.rootfs_overlay) {
        return Ok((PathBuf::from(dir), None));
    }
    if c.config.storage_driver == "vfs" && c.config.rootfs.is_none() {
        if !rootfs.merged.is_dir() {
            // Never started: its root is made the way start makes it.
            let _lock = containers.lock(&c.id)?;
            super::lifecycle::mount_rootfs(ctx, containers, c)?;
        }
        return Ok((rootfs.merged, None));
    }
    let at = containers.dir(&c.id).join(format!("view-{}", std::process::id()));
    let guard = rootfs.mount_view(&at, &lower_dirs(store, c), ctx.rootless(), c.config.mount_program.as_deref())?;
    Ok((at, Some(guard)))
}

/// Write the container's file system to `out` as a tar stream.
pub fn export(ctx: &Context, containers: &mut Containers, c: &Container, out: &mut dyn Write) -> anyhow::Result<()> {
    let (dir, _guard) = merged_view(ctx, containers, c)?;
    let fd = nix::fcntl::open(
        &dir,
        nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY | nix::fcntl::OFlag::O_CLOEXEC,
        nix::sys::stat::Mode::empty(),
    )
    .with_context(|| format!("opening {}", dir.display()))?;
    // A user namespace of its own: the owners as the container sees them.
    let owners = super::userns::Mapping::of(&c.config)?.map(|m| m.owners());
    let opts = rpod_storage::pack::PackOptions { owners, ..Default::default() };
    let mut p = rpod_storage::pack::Packer::new(out, opts);
    p.add_contents(fd.as_fd(), "").context("writing the container's files")?;
    p.finish().and_then(|w| w.flush()).context("writing the container's files")
}

/// How `commit` makes the image.
#[derive(Debug, Clone, Default)]
pub struct CommitOptions {
    pub image: NewImage,
    /// Freeze the container while its files are read.
    pub pause: bool,
    /// One layer with everything (the image's and the container's files).
    pub squash: bool,
    /// Declare the container's volumes as the image's `VOLUME`s.
    pub include_volumes: bool,
}

/// The container's own settings, as the new image's `config` (Docker's
/// field names), before `--change`.
fn container_settings(c: &Container) -> Map<String, Value> {
    let mut m = Map::new();
    let cfg = &c.config;
    if !cfg.cmd.is_empty() {
        m.insert("Cmd".into(), json!(cfg.cmd));
    }
    if !cfg.entrypoint.is_empty() {
        m.insert("Entrypoint".into(), json!(cfg.entrypoint));
    }
    // The engine's own variables describe this container, not the image.
    let env: Vec<&String> =
        cfg.env.iter().filter(|e| !e.starts_with("HOSTNAME=") && !e.starts_with("container=")).collect();
    if !env.is_empty() {
        m.insert("Env".into(), json!(env));
    }
    if !cfg.working_dir.is_empty() {
        m.insert("WorkingDir".into(), json!(cfg.working_dir));
    }
    if !cfg.user.is_empty() {
        m.insert("User".into(), json!(cfg.user));
    }
    if !cfg.labels.is_empty() {
        m.insert("Labels".into(), json!(cfg.labels));
    }
    m
}

/// Thaws a frozen cgroup on drop.
struct Frozen(PathBuf);

impl Drop for Frozen {
    fn drop(&mut self) {
        if let Err(e) = rpod_runtime::cgroup_manager::freeze(&self.0, false) {
            log::warn!("unpausing the container after commit: {e:#}");
        }
    }
}

/// Make an image of the container: its image plus its changes (or
/// everything, squashed), configured by its settings and `opts`.
pub fn commit(
    ctx: &Context,
    containers: &mut Containers,
    c: &Container,
    opts: &CommitOptions,
    progress: &Progress,
) -> anyhow::Result<rpod_storage::ImageRecord> {
    let store = ctx.store()?;
    if c.config.rootfs.is_some() {
        bail!("container {} was made with --rootfs: it has no image to commit its changes onto", c.name);
    }
    let parent = store.image(&c.image_id)?.with_context(|| {
        format!("the image of container {} ({}) was removed: rpod needs it to commit", c.name, c.image_id)
    })?;
    let upper = upper_dir(containers, c)?;
    let mut image = opts.image.clone();
    image.owners = super::userns::Mapping::of(&c.config)?.map(|m| m.owners());
    let mut settings = container_settings(c);
    settings.extend(std::mem::take(&mut image.config));
    image.config = settings;
    if opts.include_volumes {
        for dest in super::volumes_of(c) {
            let volumes = image.config.entry("Volumes").or_insert_with(|| json!({}));
            if let Some(v) = volumes.as_object_mut() {
                v.insert(dest, json!({}));
            }
        }
    }
    let _frozen = if opts.pause && c.state.status == Status::Running {
        if c.state.cgroup.is_empty() {
            bail!("cannot pause {} for the commit: it has no cgroup (the cgroup v2 freezer is needed)", c.name);
        }
        let cg = PathBuf::from(&c.state.cgroup);
        rpod_runtime::cgroup_manager::freeze(&cg, true)?;
        Some(Frozen(cg))
    } else {
        None
    };
    if opts.squash {
        let (dir, _guard) = merged_view(ctx, containers, c)?;
        crate::image::commit::commit(store, &parent, LayerSource::Squashed(&dir), &image, progress)
    } else {
        std::fs::create_dir_all(&upper).with_context(|| format!("creating {}", upper.display()))?;
        crate::image::commit::commit(store, &parent, LayerSource::Diff(&upper), &image, progress)
    }
}
