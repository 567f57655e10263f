//! At `start`: a container's [`MountSpec`]s made ready and turned into OCI
//! mounts. A volume's first use copies the image's files at the mount
//! point into it and gives it their owner (else the container user's);
//! `U` makes a source the container user's; `O` and image mounts get
//! their overlay directories in the container's directory.
//!
//! Runs in the engine's user namespace (rootless), where the container's
//! IDs are the engine's (keep-id: through `to_engine`).

use std::os::fd::AsRawFd;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context as _};
use nix::fcntl::{openat2, OFlag, OpenHow, ResolveFlag};
use nix::sys::stat::Mode;

use rpod_runtime::oci_spec::runtime::{Mount, MountBuilder};

use super::mounts::{bind_options, Kind, MountSpec};
use crate::context::Context;

/// What [`oci_mounts`] needs to know about the container.
pub struct Target<'a> {
    /// The container's merged root file system (the image's files).
    pub merged: &'a Path,
    /// `<graph root>/containers/<id>`: overlay layers of `O` and image mounts.
    pub dir: &'a Path,
    /// The container process's user and group, as engine IDs.
    pub user: (u32, u32),
    pub rootless: bool,
}

fn mount(dest: &str, typ: &str, source: &str, options: Vec<String>) -> anyhow::Result<Mount> {
    if typ == "overlay" {
        // `fsconfig` takes values of at most 256 bytes.
        if let Some(o) = options.iter().find(|o| o.split_once('=').is_some_and(|(_, v)| v.len() >= 256)) {
            anyhow::bail!("overlay option {o}: a path this long (256 bytes or more) cannot be given to the kernel");
        }
    }
    Ok(MountBuilder::default().destination(dest).typ(typ).source(source).options(options).build()?)
}

/// The OCI mounts of these specs, in order.
pub fn oci_mounts(ctx: &Context, specs: &[MountSpec], t: &Target) -> anyhow::Result<Vec<Mount>> {
    let mut out = Vec::new();
    for (i, m) in specs.iter().enumerate() {
        let what = || super::mounts::describe(m);
        out.push(one(ctx, i, m, t).with_context(what)?);
    }
    Ok(out)
}

fn one(ctx: &Context, i: usize, m: &MountSpec, t: &Target) -> anyhow::Result<Mount> {
    let dest = m.destination.as_str();
    match m.kind {
        Kind::Bind => {
            if m.chown {
                chown_tree(Path::new(&m.source), t.user)?;
            }
            if m.overlay {
                let base = t.dir.join("overlay").join(i.to_string());
                let (upper, work) = (base.join("upper"), base.join("work"));
                for d in [&upper, &work] {
                    std::fs::create_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
                }
                let mut o = vec![
                    format!("lowerdir={}", m.source),
                    format!("upperdir={}", upper.display()),
                    format!("workdir={}", work.display()),
                ];
                if t.rootless {
                    o.push("userxattr".into());
                }
                o.extend(m.options.iter().cloned());
                return mount(dest, "overlay", "overlay", o);
            }
            mount(dest, "bind", &m.source, bind_options(m))
        }
        Kind::Volume => {
            let vol = super::lookup(ctx, &m.source)?;
            if let Some(typ) = vol.config.options.get("type") {
                // The local driver's device: a new mount of it each time.
                let source = vol.config.options.get("device").cloned().unwrap_or_else(|| typ.clone());
                let mut o: Vec<String> = vol
                    .config
                    .options
                    .get("o")
                    .map(|o| o.split(',').filter(|x| !x.is_empty()).map(String::from).collect())
                    .unwrap_or_default();
                o.extend(m.options.iter().cloned());
                return mount(dest, typ, &source, o);
            }
            first_use(ctx, &vol, m, t)?;
            if m.chown {
                chown_tree(&vol.mountpoint, t.user)?;
            }
            mount(dest, "bind", &vol.mountpoint.to_string_lossy(), bind_options(m))
        }
        Kind::Tmpfs => {
            let mut o = m.options.clone();
            if m.chown {
                o.retain(|x| !x.starts_with("uid=") && !x.starts_with("gid="));
                o.push(format!("uid={}", t.user.0));
                o.push(format!("gid={}", t.user.1));
            }
            mount(dest, "tmpfs", "tmpfs", o)
        }
        Kind::Devpts => {
            let mut o = vec!["nosuid".to_string(), "noexec".to_string(), "newinstance".to_string()];
            o.extend(m.options.iter().cloned());
            mount(dest, "devpts", "devpts", o)
        }
        Kind::Image => {
            let store = ctx.store()?;
            let mut lowers: Vec<String> =
                m.layers.iter().rev().map(|l| store.layer_diff_path(l).display().to_string()).collect();
            let base = t.dir.join("image-mounts").join(i.to_string());
            let mut o = Vec::new();
            if m.read_only() {
                if lowers.len() == 1 {
                    // Overlay without an upper layer needs two lower ones.
                    let empty = base.join("empty");
                    std::fs::create_dir_all(&empty).with_context(|| format!("creating {}", empty.display()))?;
                    lowers.push(empty.display().to_string());
                }
                o.extend(lowerdir(&lowers));
            } else {
                let (upper, work) = (base.join("upper"), base.join("work"));
                for d in [&upper, &work] {
                    std::fs::create_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
                }
                o.extend(lowerdir(&lowers));
                o.push(format!("upperdir={}", upper.display()));
                o.push(format!("workdir={}", work.display()));
            }
            if t.rootless {
                o.push("userxattr".into());
            }
            o.extend(m.options.iter().cloned());
            mount(dest, "overlay", "overlay", o)
        }
    }
}

/// Overlay's lower layers (top first) as options: `lowerdir=A:B` when it
/// fits the 256 bytes `fsconfig` takes for a value, else one `lowerdir+`
/// per layer (Linux 6.8).
fn lowerdir(lowers: &[String]) -> Vec<String> {
    let joined = lowers.join(":");
    if joined.len() < 256 {
        return vec![format!("lowerdir={joined}")];
    }
    lowers.iter().map(|l| format!("lowerdir+={l}")).collect()
}

/// A volume's first mount: the image's files at the mount point copied
/// in (unless `nocopy` or the volume has files), and the volume given
/// their directory's owner, else the container user's.
fn first_use(ctx: &Context, vol: &super::Volume, m: &MountSpec, t: &Target) -> anyhow::Result<()> {
    if !vol.config.needs_copy_up && !vol.config.needs_chown {
        return Ok(());
    }
    let mut config = vol.config.clone();
    let empty = std::fs::read_dir(&vol.mountpoint)
        .with_context(|| format!("reading {}", vol.mountpoint.display()))?
        .next()
        .is_none();
    let mut copied = false;
    if config.needs_copy_up && !m.nocopy && empty {
        if let Some(src) = resolve_dir_in_root(t.merged, &m.destination)? {
            let same = |id: u32| Some(id);
            rpod_storage::shifted::copy_shifted(&src, &vol.mountpoint, &same, &same)
                .with_context(|| format!("copying the image's {} into volume {}", m.destination, vol.name))?;
            copied = true;
        }
    }
    if config.needs_copy_up && !m.nocopy {
        config.needs_copy_up = false;
    }
    if config.needs_chown && !copied {
        std::os::unix::fs::chown(&vol.mountpoint, Some(t.user.0), Some(t.user.1))
            .with_context(|| format!("chown {}", vol.mountpoint.display()))?;
    }
    config.needs_chown = false;
    let mut v = super::open(ctx)?;
    v.set_config(&vol.name, &serde_json::to_vec(&config)?)?;
    Ok(())
}

/// The real path of directory `path` inside the root `root`, resolved
/// with every symlink kept inside it (`RESOLVE_IN_ROOT`); None when it
/// is missing or no directory.
fn resolve_dir_in_root(root: &Path, path: &str) -> anyhow::Result<Option<PathBuf>> {
    let root_fd = nix::fcntl::open(root, OFlag::O_DIRECTORY | OFlag::O_RDONLY | OFlag::O_CLOEXEC, Mode::empty())
        .with_context(|| format!("opening {}", root.display()))?;
    let how = OpenHow::new()
        .flags(OFlag::O_DIRECTORY | OFlag::O_RDONLY | OFlag::O_CLOEXEC)
        .resolve(ResolveFlag::RESOLVE_IN_ROOT | ResolveFlag::RESOLVE_NO_MAGICLINKS);
    let rel = path.trim_start_matches('/');
    let fd = match openat2(&root_fd, if rel.is_empty() { "." } else { rel }, how) {
        Ok(fd) => fd,
        Err(nix::errno::Errno::ENOENT | nix::errno::Errno::ENOTDIR) => return Ok(None),
        Err(e) => return Err(anyhow!("opening {path} in the container: {e}")),
    };
    let real = std::fs::read_link(format!("/proc/self/fd/{}", fd.as_raw_fd()))
        .with_context(|| format!("locating {path} in the container"))?;
    if !real.starts_with(root) {
        return Err(anyhow!("{path} in the container resolved outside its root ({})", real.display()));
    }
    Ok(Some(real))
}

/// `U`: everything under `path` (not following symlinks) made `owner`'s.
pub fn chown_tree(path: &Path, owner: (u32, u32)) -> anyhow::Result<()> {
    let meta = std::fs::symlink_metadata(path).with_context(|| format!("reading {}", path.display()))?;
    if meta.uid() != owner.0 || meta.gid() != owner.1 {
        std::os::unix::fs::lchown(path, Some(owner.0), Some(owner.1))
            .with_context(|| format!("chown {}", path.display()))?;
    }
    if meta.is_dir() {
        for e in std::fs::read_dir(path).with_context(|| format!("reading {}", path.display()))? {
            chown_tree(&e?.path(), owner)?;
        }
    }
    Ok(())
}
