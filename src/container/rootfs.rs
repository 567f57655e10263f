//! A container's root file system, by its storage driver:
//! - overlay: the image's layer directories as lower layers (top first)
//!   under a private upper layer, mounted in rpod's own mount namespace
//!   (rootless: with `userxattr`, the form the store extracts whiteouts
//!   in), by the kernel or by a FUSE `mount_program` (fuse-overlayfs);
//! - vfs: a plain copy, the layers applied in order ([`Rootfs::materialize`]);
//! - for `--userns=keep-id` the lower layer is the image's copy with
//!   translated owners ([`Rootfs::shifted_image`]).
//!
//! Also [`write_in_root`], for files rpod changes inside the root
//! (keep-id's passwd and group entries).

use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use nix::fcntl::{openat2, OFlag, OpenHow, ResolveFlag};
use nix::mount::{mount, umount2, MntFlags, MsFlags};
use nix::sys::stat::Mode;

/// The directories of one container's root file system.
#[derive(Debug, Clone)]
pub struct Rootfs {
    pub dir: PathBuf,
    pub merged: PathBuf,
}

impl Rootfs {
    /// `<graph root>/containers/<id>/{upper,work,merged}`.
    pub fn new(graph_root: &Path, id: &str) -> Rootfs {
        let dir = graph_root.join("containers").join(id);
        Rootfs { merged: dir.join("merged"), dir }
    }

    /// `containers/` and `containers/<id>` made `0700`: what containers
    /// write (setuid files too) is out of other users' reach even under a
    /// `--root` they may enter (an existing 0755 directory).
    fn private_dirs(&self) -> anyhow::Result<()> {
        for d in [self.dir.parent(), Some(self.dir.as_path())].into_iter().flatten() {
            crate::paths::private_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
        }
        Ok(())
    }

    /// Mount the overlay: `lowers` are the layer diff directories, base
    /// first (as the image lists them); the kernel's overlay, or the FUSE
    /// `mount_program` (fuse-overlayfs, which stays as a daemon serving
    /// the mount until it is unmounted). `root_owner`: who owns the root
    /// directory inside (the upper layer's root shows there), when that is
    /// not this process's root.
    pub fn mount(
        &self,
        lowers: &[PathBuf],
        rootless: bool,
        mount_program: Option<&str>,
        root_owner: Option<(u32, u32)>,
    ) -> anyhow::Result<()> {
        self.private_dirs()?;
        for d in ["upper", "work", "merged"] {
            std::fs::create_dir_all(self.dir.join(d))
                .with_context(|| format!("creating {}", self.dir.join(d).display()))?;
        }
        if let Some((uid, gid)) = root_owner {
            let upper = self.dir.join("upper");
            std::os::unix::fs::chown(&upper, Some(uid), Some(gid))
                .with_context(|| format!("chown {}", upper.display()))?;
        }
        let mut opts = format!(
            "lowerdir={},upperdir={},workdir={}",
            lowerdir(lowers)?,
            self.dir.join("upper").display(),
            self.dir.join("work").display()
        );
        if let Some(program) = mount_program {
            return fuse_mount(program, &opts, &self.merged);
        }
        if rootless {
            opts.push_str(",userxattr");
        }
        mount(Some("overlay"), &self.merged, Some("overlay"), MsFlags::empty(), Some(opts.as_str()))
            .with_context(|| format!("mounting the overlay on {}", self.merged.display()))
    }

    /// `--rootfs PATH`: the directory is the root file system (the
    /// container's changes are made in it).
    pub fn external(&self, dir: &Path) -> anyhow::Result<Rootfs> {
        self.private_dirs()?;
        Ok(Rootfs { dir: self.dir.clone(), merged: dir.to_path_buf() })
    }

    /// `--rootfs PATH:O`: an overlay with `lower` as its one lower layer
    /// and an upper layer emptied first, so the changes of a run are gone
    /// at the next (Podman's: they do not outlive the run).
    pub fn mount_discarding(&self, lower: &Path, rootless: bool, mount_program: Option<&str>) -> anyhow::Result<()> {
        self.discard_changes()?;
        self.mount(&[lower.to_path_buf()], rootless, mount_program, None)
    }

    /// Remove the upper layer (and overlay's work directory): the changes
    /// of the last run of a `--rootfs PATH:O` container.
    pub fn discard_changes(&self) -> anyhow::Result<()> {
        for d in ["upper", "work"] {
            let p = self.dir.join(d);
            match std::fs::remove_dir_all(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("removing {}", p.display())),
            }
        }
        Ok(())
    }

    /// The `vfs` driver: the root file system is a plain directory, the
    /// image's layers applied in order (owners translated for a user
    /// namespace of the container's own), made at the first start and kept
    /// with the container's changes after. Built aside and renamed into
    /// place, so an interrupted start leaves no half-made root.
    pub fn materialize(&self, lowers: &[PathBuf], m: Option<&super::userns::Mapping>) -> anyhow::Result<()> {
        if std::fs::read_dir(&self.merged).is_ok_and(|mut d| d.next().is_some()) {
            return Ok(());
        }
        self.private_dirs()?;
        let staging = self.dir.join("vfs-tmp");
        match std::fs::remove_dir_all(&staging) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("removing {}", staging.display())),
        }
        std::fs::create_dir_all(&staging).with_context(|| format!("creating {}", staging.display()))?;
        let uid = |id| m.map_or(Some(id), |m| rpod_runtime::userns::to_host(&m.uids, id));
        let gid = |id| m.map_or(Some(id), |m| rpod_runtime::userns::to_host(&m.gids, id));
        for layer in lowers {
            rpod_storage::shifted::apply_layer(layer, &staging, &uid, &gid)
                .with_context(|| format!("copying layer {} into the container's root", layer.display()))?;
        }
        if let Some(m) = m {
            // The root directory is root's inside (an empty root too: a
            // pod's infra container).
            let (uid, gid) = m.root();
            std::os::unix::fs::lchown(&staging, Some(uid), Some(gid))
                .with_context(|| format!("chown {}", staging.display()))?;
        }
        // `merged` may be there as an empty directory: rename replaces it.
        std::fs::rename(&staging, &self.merged)
            .with_context(|| format!("moving {} to {}", staging.display(), self.merged.display()))
    }

    /// The image (`lowers`, top layer `top`) with its owners translated for
    /// a container user namespace of its own (`--userns=keep-id`): one
    /// flattened copy per image and mapping, kept in the store and made
    /// here on first use from a read-only overlay of the layers mounted on
    /// `merged` for the while.
    pub fn shifted_image(
        &self,
        store: &rpod_storage::Store,
        top: &str,
        lowers: &[PathBuf],
        m: &super::userns::Mapping,
    ) -> anyhow::Result<PathBuf> {
        let key = m.key();
        let path = store.shifted_root_path(top, &key)?;
        if path.is_dir() {
            return Ok(path);
        }
        // Overlay without an upper layer needs two lower ones: an empty
        // directory is the bottom one.
        self.private_dirs()?;
        let empty = self.dir.join("empty");
        for d in [&empty, &self.merged] {
            std::fs::create_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
        }
        let mut all = vec![empty.clone()];
        all.extend(lowers.iter().cloned());
        let opts = format!("lowerdir={},userxattr", lowerdir(&all)?);
        mount(Some("overlay"), &self.merged, Some("overlay"), MsFlags::MS_RDONLY, Some(opts.as_str()))
            .with_context(|| format!("mounting the image read-only on {}", self.merged.display()))?;
        let uid = |id| rpod_runtime::userns::to_host(&m.uids, id);
        let gid = |id| rpod_runtime::userns::to_host(&m.gids, id);
        let made = store.put_shifted_root(top, &key, &self.merged, &uid, &gid);
        let _ = umount2(&self.merged, MntFlags::MNT_DETACH);
        let _ = std::fs::remove_dir(&empty);
        Ok(made?)
    }

    /// A read-only view of the container's file system at `at`: its
    /// upper layer as the top lower layer over `lowers` (base first), no
    /// upper layer of its own — so it can be mounted while the container
    /// runs (`export`, `commit --squash`). Unmounted when the returned
    /// guard drops.
    pub fn mount_view(
        &self,
        at: &Path,
        lowers: &[PathBuf],
        rootless: bool,
        mount_program: Option<&str>,
    ) -> anyhow::Result<MountGuard> {
        self.private_dirs()?;
        let upper = self.dir.join("upper");
        for d in [&upper, &at.to_path_buf()] {
            std::fs::create_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
        }
        let mut all = lowers.to_vec();
        all.push(upper);
        if all.len() < 2 {
            bail!("the image has no layers");
        }
        let mut opts = format!("lowerdir={}", lowerdir(&all)?);
        if let Some(program) = mount_program {
            fuse_mount(program, &opts, at)?;
        } else {
            if rootless {
                opts.push_str(",userxattr");
            }
            mount(Some("overlay"), at, Some("overlay"), MsFlags::MS_RDONLY, Some(opts.as_str()))
                .with_context(|| format!("mounting the container's files read-only on {}", at.display()))?;
        }
        Ok(MountGuard { at: at.to_path_buf() })
    }

    /// Unmount (lazily) and remove everything of this container.
    pub fn remove(&self) -> anyhow::Result<()> {
        let _ = umount2(&self.merged, MntFlags::MNT_DETACH);
        match std::fs::remove_dir_all(&self.dir) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e).with_context(|| format!("removing {}", self.dir.display())),
        }
    }
}

/// A mount made by this command: unmounted (lazily) and its directory
/// removed on drop.
pub struct MountGuard {
    at: PathBuf,
}

impl Drop for MountGuard {
    fn drop(&mut self) {
        let _ = umount2(&self.at, MntFlags::MNT_DETACH);
        let _ = std::fs::remove_dir(&self.at);
    }
}

/// Mount an overlay with the FUSE `program` (fuse-overlayfs, which stays
/// as a daemon serving the mount until it is unmounted).
fn fuse_mount(program: &str, opts: &str, at: &Path) -> anyhow::Result<()> {
    let out = std::process::Command::new(program)
        .arg("-o")
        .arg(opts)
        .arg(at)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .output()
        .with_context(|| format!("running {program}"))?;
    if !out.status.success() {
        bail!(
            "{program} could not mount the container's files on {}: {}",
            at.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// Overlay's `lowerdir=` value: the top layer first.
fn lowerdir(lowers: &[PathBuf]) -> anyhow::Result<String> {
    if lowers.is_empty() {
        bail!("the image has no layers");
    }
    let dirs: Vec<String> = lowers.iter().rev().map(|p| p.display().to_string()).collect();
    if let Some(l) = dirs.iter().find(|l| l.contains([',', ':'])) {
        bail!("layer path {l} contains ',' or ':', which overlay cannot take");
    }
    Ok(dirs.join(":"))
}

/// Write `content` to `path` (absolute, inside the container) in the root
/// file system `root`, resolving every component inside it: a symlink in
/// the image (`/etc/resolv.conf -> /run/...`) can never send the write out
/// of the container. An existing symlink at the final name is replaced.
/// `owner`: the file and the directories made for it get this owner.
pub fn write_in_root(root: &Path, path: &str, content: &[u8], owner: Option<(u32, u32)>) -> anyhow::Result<()> {
    let rel = path.trim_start_matches('/');
    let (parent, name) = match rel.rsplit_once('/') {
        Some((p, n)) => (p, n),
        None => ("", rel),
    };
    let root_fd: OwnedFd =
        nix::fcntl::open(root, OFlag::O_DIRECTORY | OFlag::O_RDONLY | OFlag::O_CLOEXEC, Mode::empty())
            .with_context(|| format!("opening {}", root.display()))?;
    // Each prefix of the parent is opened from the root with
    // RESOLVE_IN_ROOT, so absolute symlinks resolve inside the container;
    // missing directories are created.
    let how = || {
        OpenHow::new()
            .flags(OFlag::O_DIRECTORY | OFlag::O_RDONLY | OFlag::O_CLOEXEC)
            .resolve(ResolveFlag::RESOLVE_IN_ROOT | ResolveFlag::RESOLVE_NO_MAGICLINKS)
    };
    let components: Vec<&str> = parent.split('/').filter(|c| !c.is_empty()).collect();
    let mut dir = nix::unistd::dup(&root_fd).context("duplicating a descriptor")?;
    for i in 0..components.len() {
        let prefix = components[..=i].join("/");
        dir = match openat2(&root_fd, prefix.as_str(), how()) {
            Ok(fd) => fd,
            Err(nix::errno::Errno::ENOENT) => {
                nix::sys::stat::mkdirat(&dir, components[i], Mode::from_bits_truncate(0o755))
                    .with_context(|| format!("creating /{prefix} in the container"))?;
                let made = openat2(&root_fd, prefix.as_str(), how())
                    .with_context(|| format!("opening /{prefix} in the container"))?;
                chown_fd(&made, owner).with_context(|| format!("chown /{prefix} in the container"))?;
                made
            }
            Err(e) => return Err(e).with_context(|| format!("opening /{prefix} in the container")),
        };
    }
    let not_regular = || anyhow::anyhow!("{path} in the container is not a regular file");
    match nix::sys::stat::fstatat(&dir, name, nix::fcntl::AtFlags::AT_SYMLINK_NOFOLLOW) {
        Ok(st) if st.st_mode & libc::S_IFMT == libc::S_IFLNK => {
            nix::unistd::unlinkat(&dir, name, nix::unistd::UnlinkatFlags::NoRemoveDir)
                .with_context(|| format!("replacing the symlink {path} in the container"))?;
        }
        // The image's FIFO or device node is never opened.
        Ok(st) if st.st_mode & libc::S_IFMT != libc::S_IFREG => return Err(not_regular()),
        _ => {}
    }
    let fd = nix::fcntl::openat(
        &dir,
        name,
        OFlag::O_WRONLY
            | OFlag::O_CREAT
            | OFlag::O_TRUNC
            | OFlag::O_NOFOLLOW
            | OFlag::O_NONBLOCK
            | OFlag::O_NOCTTY
            | OFlag::O_CLOEXEC,
        Mode::from_bits_truncate(0o644),
    )
    .with_context(|| format!("writing {path} in the container"))?;
    if nix::sys::stat::fstat(&fd).map(|st| st.st_mode & libc::S_IFMT != libc::S_IFREG).unwrap_or(true) {
        return Err(not_regular());
    }
    chown_fd(&fd, owner).with_context(|| format!("chown {path} in the container"))?;
    let mut file = std::fs::File::from(fd);
    std::io::Write::write_all(&mut file, content).with_context(|| format!("writing {path} in the container"))
}

fn chown_fd(fd: &OwnedFd, owner: Option<(u32, u32)>) -> nix::Result<()> {
    match owner {
        Some((u, g)) => {
            nix::unistd::fchown(fd, Some(nix::unistd::Uid::from_raw(u)), Some(nix::unistd::Gid::from_raw(g)))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_stay_inside_the_root() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("root");
        let outside = t.path().join("outside");
        std::fs::create_dir_all(root.join("etc")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        // An image whose /etc/resolv.conf points out of the container (an
        // absolute host path), and whose /run is an absolute symlink that
        // must resolve inside the container.
        std::os::unix::fs::symlink(outside.join("resolv.conf"), root.join("etc/resolv.conf")).unwrap();
        std::fs::create_dir_all(root.join("var/run")).unwrap();
        std::os::unix::fs::symlink("/var/run", root.join("run")).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("hostdir")).unwrap();
        write_in_root(&root, "/etc/resolv.conf", b"nameserver 1.1.1.1\n", None).unwrap();
        write_in_root(&root, "/run/.containerenv", b"", None).unwrap();
        write_in_root(&root, "/etc/hostname", b"abc\n", None).unwrap();
        assert!(root.join("var/run/.containerenv").is_file());
        // A symlinked directory pointing outside resolves inside: the write
        // creates the path under the root or fails, but never escapes.
        let _ = write_in_root(&root, "/hostdir/x", b"no", None);
        assert_eq!(std::fs::read(root.join("etc/resolv.conf")).unwrap(), b"nameserver 1.1.1.1\n");
        assert!(!std::fs::symlink_metadata(root.join("etc/resolv.conf")).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0, "nothing may be written outside");
        assert_eq!(std::fs::read(root.join("etc/hostname")).unwrap(), b"abc\n");
    }

    /// An image's FIFO at /etc/passwd is refused, not opened for writing
    /// (which blocked until a reader came: issue 12).
    #[test]
    fn a_fifo_is_never_opened() {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(t.path().join("etc")).unwrap();
        nix::unistd::mkfifo(&t.path().join("etc/passwd"), Mode::from_bits_truncate(0o644)).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let root = t.path().to_path_buf();
        std::thread::spawn(move || {
            let _ =
                tx.send(write_in_root(&root, "/etc/passwd", b"x:x:1:1::/:/bin/sh\n", None).map_err(|e| e.to_string()));
        });
        let r = rx.recv_timeout(std::time::Duration::from_secs(5)).expect("writing into a FIFO hung");
        assert!(r.unwrap_err().contains("not a regular file"));
    }
}
