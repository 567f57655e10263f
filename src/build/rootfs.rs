//! File systems a build writes into or reads from, outside any container:
//! the step's root (an overlay of the parent image's layers under a fresh
//! upper directory, which becomes the step's layer: `COPY`, `ADD`,
//! `WORKDIR`) and read-only views of other images (`COPY --from`).
//!
//! Everything lives in a work directory of the build under the graph root
//! (`build/<pid>-<random>`, flock-held while the build runs); mounts are
//! in this command's private mount namespace. A build killed mid-step
//! leaves its work directory, removed by the next build.

use std::fs::File;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use nix::fcntl::{Flock, FlockArg, OFlag};
use nix::mount::{mount, umount2, MntFlags, MsFlags};
use nix::sys::stat::Mode;

use crate::container::rootfs::Rootfs;
use crate::context::Context;

/// The build's work directory.
pub struct Workdir {
    pub dir: PathBuf,
    n: std::cell::Cell<u64>,
    _lock: Flock<File>,
}

impl Workdir {
    /// Make it (and remove those of builds that are gone).
    pub fn new(ctx: &Context) -> anyhow::Result<Workdir> {
        let base = ctx.paths()?.graph_root.join("build");
        std::fs::create_dir_all(&base).with_context(|| format!("creating {}", base.display()))?;
        remove_stale(&base);
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
        let dir = base.join(format!("{}-{t:x}", std::process::id()));
        std::fs::create_dir(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let f = File::create(dir.join("lock")).with_context(|| format!("creating {}/lock", dir.display()))?;
        let lock = Flock::lock(f, FlockArg::LockExclusiveNonblock)
            .map_err(|(_, e)| anyhow::anyhow!("locking {}: {e}", dir.display()))?;
        Ok(Workdir { dir, n: std::cell::Cell::new(0), _lock: lock })
    }

    /// A new empty directory in it.
    pub fn fresh(&self, what: &str) -> anyhow::Result<PathBuf> {
        let n = self.n.get() + 1;
        self.n.set(n);
        let d = self.dir.join(format!("{what}-{n}"));
        std::fs::create_dir_all(&d).with_context(|| format!("creating {}", d.display()))?;
        Ok(d)
    }
}

impl Drop for Workdir {
    fn drop(&mut self) {
        if let Err(e) = remove_tree(&self.dir) {
            log::warn!("removing {}: {e:#}", self.dir.display());
        }
    }
}

fn remove_tree(dir: &Path) -> anyhow::Result<()> {
    // Anything still mounted below (an interrupted build's) goes first.
    if let Ok(mounts) = std::fs::read_to_string("/proc/self/mountinfo") {
        let prefix = format!("{}/", dir.display());
        for line in mounts.lines() {
            if let Some(p) = line.split(' ').nth(4).filter(|p| p.starts_with(&prefix)) {
                let _ = umount2(p, MntFlags::MNT_DETACH);
            }
        }
    }
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("removing {}", dir.display())),
    }
}

/// Remove the work directories whose build is gone (their lock is free).
fn remove_stale(base: &Path) {
    let Ok(entries) = std::fs::read_dir(base) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let free = match File::open(p.join("lock")) {
            Ok(f) => Flock::lock(f, FlockArg::LockExclusiveNonblock).is_ok(),
            Err(_) => true,
        };
        if free {
            if let Err(e) = remove_tree(&p) {
                log::warn!("removing {}: {e:#}", p.display());
            }
        }
    }
}

fn open_dir(p: &Path) -> anyhow::Result<OwnedFd> {
    nix::fcntl::open(p, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())
        .with_context(|| format!("opening {}", p.display()))
}

/// The root of one step, writable; its changes land in [`Edit::upper`].
pub struct Edit {
    rootfs: Rootfs,
    mounted: bool,
}

impl Edit {
    /// Over the layers `lowers` (diff directories, base first; none for a
    /// scratch stage: the root is the upper directory itself).
    pub fn new(ctx: &Context, work: &Workdir, lowers: &[PathBuf]) -> anyhow::Result<Edit> {
        let dir = work.fresh("edit")?;
        let mut rootfs = Rootfs { merged: dir.join("merged"), dir };
        if lowers.is_empty() {
            let upper = rootfs.dir.join("upper");
            std::fs::create_dir_all(&upper).with_context(|| format!("creating {}", upper.display()))?;
            rootfs.merged = upper;
            return Ok(Edit { rootfs, mounted: false });
        }
        let program = mount_program(ctx)?;
        rootfs.mount(lowers, ctx.rootless(), program.as_deref(), None)?;
        Ok(Edit { rootfs, mounted: true })
    }

    /// The root directory, open.
    pub fn root(&self) -> anyhow::Result<OwnedFd> {
        open_dir(&self.rootfs.merged)
    }

    /// The root's path (for messages and the user database).
    pub fn root_path(&self) -> &Path {
        &self.rootfs.merged
    }

    /// Unmount; returns the upper directory (the changes), `None` when
    /// nothing changed.
    pub fn finish(&mut self) -> anyhow::Result<Option<PathBuf>> {
        if self.mounted {
            umount2(&self.rootfs.merged, MntFlags::MNT_DETACH)
                .with_context(|| format!("unmounting {}", self.rootfs.merged.display()))?;
            self.mounted = false;
        }
        let upper = self.rootfs.dir.join("upper");
        let changed =
            std::fs::read_dir(&upper).with_context(|| format!("reading {}", upper.display()))?.next().is_some();
        Ok(changed.then_some(upper))
    }
}

impl Drop for Edit {
    fn drop(&mut self) {
        if self.mounted {
            let _ = umount2(&self.rootfs.merged, MntFlags::MNT_DETACH);
        }
        let _ = remove_tree(&self.rootfs.dir);
    }
}

/// The FUSE program configured for overlay (fuse-overlayfs), if any;
/// the vfs driver is refused (it keeps no layer of changes).
fn mount_program(ctx: &Context) -> anyhow::Result<Option<String>> {
    match crate::driver::graph_driver(ctx)? {
        rpod_storage::driver::Driver::Overlay { mount_program } => Ok(mount_program.map(|p| p.display().to_string())),
        d => bail!("rpod build needs the overlay storage driver (this store uses {})", d.name()),
    }
}

/// An image's files, read-only (`COPY --from`): unmounted on drop.
pub struct View {
    at: PathBuf,
}

impl View {
    pub fn new(ctx: &Context, work: &Workdir, lowers: &[PathBuf]) -> anyhow::Result<View> {
        let dir = work.fresh("view")?;
        let at = dir.join("merged");
        let empty = dir.join("empty");
        for d in [&at, &empty] {
            std::fs::create_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
        }
        // Overlay without an upper layer needs two lower ones.
        let mut all: Vec<String> = lowers.iter().rev().map(|p| p.display().to_string()).collect();
        all.push(empty.display().to_string());
        if let Some(l) = all.iter().find(|l| l.contains([',', ':'])) {
            bail!("layer path {l} contains ',' or ':', which overlay cannot take");
        }
        let mut opts = format!("lowerdir={}", all.join(":"));
        if mount_program(ctx)?.is_none() && ctx.rootless() {
            opts.push_str(",userxattr");
        }
        mount(Some("overlay"), &at, Some("overlay"), MsFlags::MS_RDONLY, Some(opts.as_str()))
            .with_context(|| format!("mounting an image's files read-only on {}", at.display()))?;
        Ok(View { at })
    }

    pub fn root(&self) -> anyhow::Result<OwnedFd> {
        open_dir(&self.at)
    }

    pub fn path(&self) -> &Path {
        &self.at
    }
}

impl Drop for View {
    fn drop(&mut self) {
        let _ = umount2(&self.at, MntFlags::MNT_DETACH);
    }
}
