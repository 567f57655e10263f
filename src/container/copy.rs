//! `rpod cp`: files between a container and the host (or a tar stream on
//! standard input or output), by Docker's rules:
//!
//! - `SRC` a file: to `DEST` when `DEST` is a file or does not exist (its
//!   parent must), into `DEST/` when it is a directory; `DEST/` that does
//!   not exist is an error.
//! - `SRC` a directory: `DEST` missing → created with `SRC`'s content;
//!   `DEST` a directory → `SRC` copied into it, or only its content when
//!   `SRC` ends in `/.`; `DEST` a file → error.
//! - `SRC` ending in `/` must be a directory. `-` reads a tar stream to
//!   extract into the directory `DEST`, or writes one of `SRC`.
//! - Owners: without `--archive`, files copied into a container belong to
//!   its root, files copied out to the caller; with it they keep the
//!   source's. `--follow-link` copies what a final symlink of `SRC`
//!   points to, under the link's name.
//!
//! # Confinement
//!
//! The container's side is a directory descriptor on its root: the
//! running container's own root (`/proc/PID/root`: its mounts, volumes
//! included, as it sees them), or, for a stopped one, its root file system
//! mounted in this command's private mount namespace while the
//! container's lock keeps it from starting. Every path in it is opened
//! with `openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS)` from that
//! descriptor, and the last component with `O_NOFOLLOW`; the tar is
//! written and read through descriptors only ([`rpod_storage::pack`],
//! [`rpod_storage::extract::extract_copy`]). A symlink in the container —
//! `/x -> /`, even one swapped in while the copy runs (CVE-2018-15664) —
//! resolves inside the container's root. Nothing of the container is ever
//! executed or loaded (no chroot, no helper process in it: CVE-2019-14271).

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, OwnedFd};

use anyhow::{anyhow, bail, Context as _};
use nix::errno::Errno;
use nix::fcntl::{openat2, AtFlags, OFlag, OpenHow, ResolveFlag};
use nix::mount::{umount2, MntFlags};
use nix::sys::stat::{fstatat, Mode, SFlag};

use super::record::{Container, Containers};
use crate::context::Context;
use crate::error::Failure;

/// One end of a copy as the command line gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A path on the host.
    Host(String),
    /// `-`: a tar stream on standard input or output.
    Stream,
    /// `CONTAINER:PATH`.
    Container { container: String, path: String },
}

impl Location {
    /// Docker's reading: `-` is a stream; a path starting with `/` or `.`
    /// is local; else `NAME:PATH` names a container.
    pub fn parse(arg: &str) -> Location {
        if arg == "-" {
            return Location::Stream;
        }
        if arg.starts_with('/') || arg.starts_with('.') {
            return Location::Host(arg.to_string());
        }
        match arg.split_once(':') {
            Some((c, p)) if !c.is_empty() => Location::Container { container: c.to_string(), path: p.to_string() },
            _ => Location::Host(arg.to_string()),
        }
    }
}

/// How to copy.
#[derive(Debug, Clone, Copy, Default)]
pub struct CopyOptions {
    /// Keep the source's owners.
    pub archive: bool,
    /// Follow a final symlink of the source.
    pub follow_link: bool,
    /// Replace a directory by a non-directory and the other way round.
    pub overwrite: bool,
}

/// A container's root directory, open for a copy.
pub struct ContainerRoot {
    fd: OwnedFd,
    /// The container's name, for messages.
    name: String,
    /// Who root in the container is, in this process's IDs.
    root_owner: (u32, u32),
    /// The stopped container's root, mounted here (unmounted on drop).
    mounted: Option<std::path::PathBuf>,
    _lock: Option<nix::fcntl::Flock<File>>,
}

impl Drop for ContainerRoot {
    fn drop(&mut self) {
        if let Some(m) = &self.mounted {
            let _ = umount2(m, MntFlags::MNT_DETACH);
        }
    }
}

/// Open the root of container `c`: a live one's own root, or a stopped
/// one's file system mounted here, the container locked meanwhile.
pub fn open_root(ctx: &Context, containers: &mut Containers, c: &Container) -> anyhow::Result<ContainerRoot> {
    // The user namespace and the private mount namespace, before any
    // thread starts.
    ctx.store()?;
    let mapping = super::userns::Mapping::of(&c.config)?;
    let root_owner = mapping.as_ref().map_or((0, 0), |m| m.root());
    let flags = OFlag::O_PATH | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC;
    if c.state.status.is_live() && c.state.pid > 0 {
        let p = format!("/proc/{}/root", c.state.pid);
        let fd = nix::fcntl::open(p.as_str(), flags, Mode::empty())
            .with_context(|| format!("opening the root of container {}", c.name))?;
        return Ok(ContainerRoot { fd, name: c.name.clone(), root_owner, mounted: None, _lock: None });
    }
    let lock = containers.lock(&c.id)?;
    let c = containers.get(&c.id)?.ok_or_else(|| Failure::no_such(format!("no such container {}", c.name)))?;
    if c.state.status.is_live() {
        bail!("container {} started while the copy was prepared: try again", c.name);
    }
    let (rootfs, _) = super::lifecycle::mount_rootfs(ctx, containers, &c)?;
    let mounted = (c.config.storage_driver != "vfs").then(|| rootfs.merged.clone());
    let fd = nix::fcntl::open(&rootfs.merged, flags, Mode::empty())
        .with_context(|| format!("opening {}", rootfs.merged.display()));
    let fd = fd.and_then(|fd| {
        mount_volumes(ctx, &c, &fd)?;
        Ok(fd)
    });
    let fd = match fd {
        Ok(fd) => fd,
        Err(e) => {
            if let Some(m) = &mounted {
                let _ = umount2(m, MntFlags::MNT_DETACH);
            }
            return Err(e);
        }
    };
    Ok(ContainerRoot { fd, name: c.name.clone(), root_owner, mounted, _lock: Some(lock) })
}

/// A stopped container's bind mounts and volumes, mounted at their places
/// in its root (`root`, just mounted here) so that a copy goes where the
/// container sees it. Each mount point is resolved inside the root
/// (`RESOLVE_IN_ROOT`) and mounted on through its descriptor, so a
/// symlink in the container cannot move a mount onto the host; a missing
/// one is created as the runtime would. Tmpfs, devpts and image mounts
/// hold nothing while the container is stopped: the copy goes to the
/// root file system under them, as Podman's does.
fn mount_volumes(ctx: &Context, c: &Container, root: &OwnedFd) -> anyhow::Result<()> {
    use crate::volume::mounts::Kind;
    use nix::mount::{mount, MsFlags};
    let mut specs: Vec<&crate::volume::mounts::MountSpec> =
        c.config.mounts.iter().filter(|m| matches!(m.kind, Kind::Bind | Kind::Volume) && !m.overlay).collect();
    // Parents first.
    specs.sort_by_key(|m| m.destination.matches('/').count());
    for m in specs {
        let source = match m.kind {
            Kind::Bind => std::path::PathBuf::from(&m.source),
            _ => {
                let vol = crate::volume::lookup(ctx, &m.source)?;
                if vol.config.options.contains_key("type") {
                    // A device volume is mounted fresh by each start: nothing here to copy to.
                    continue;
                }
                vol.mountpoint
            }
        };
        let is_dir = source.is_dir();
        let rel = m.destination.trim_start_matches('/');
        let how = |flags: OFlag| {
            OpenHow::new()
                .flags(flags | OFlag::O_CLOEXEC)
                .resolve(ResolveFlag::RESOLVE_IN_ROOT | ResolveFlag::RESOLVE_NO_MAGICLINKS)
        };
        let target = match openat2(root, rel, how(OFlag::O_PATH)) {
            Ok(fd) => fd,
            Err(Errno::ENOENT) => {
                let (parent, name) = rel.rsplit_once('/').unwrap_or(("", rel));
                let pfd = openat2(
                    root,
                    if parent.is_empty() { "." } else { parent },
                    how(OFlag::O_PATH | OFlag::O_DIRECTORY),
                )
                .with_context(|| format!("opening the parent of {} in container {}", m.destination, c.name))?;
                if is_dir {
                    nix::sys::stat::mkdirat(&pfd, name, Mode::from_bits_truncate(0o755))
                } else {
                    nix::sys::stat::mknodat(&pfd, name, SFlag::S_IFREG, Mode::from_bits_truncate(0o644), 0)
                }
                .with_context(|| format!("creating the mount point {} in container {}", m.destination, c.name))?;
                openat2(root, rel, how(OFlag::O_PATH))
                    .with_context(|| format!("opening {} in container {}", m.destination, c.name))?
            }
            Err(e) => return Err(e).with_context(|| format!("opening {} in container {}", m.destination, c.name)),
        };
        let at = format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&target));
        let mut flags = MsFlags::MS_BIND;
        if !m.non_recursive {
            flags |= MsFlags::MS_REC;
        }
        mount(Some(&source), at.as_str(), None::<&str>, flags, None::<&str>)
            .with_context(|| format!("mounting {} on {} for the copy", source.display(), m.destination))?;
        if m.read_only() {
            let target = openat2(root, rel, how(OFlag::O_PATH))
                .with_context(|| format!("opening {} in container {}", m.destination, c.name))?;
            let at = format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&target));
            mount(
                None::<&str>,
                at.as_str(),
                None::<&str>,
                MsFlags::MS_BIND | MsFlags::MS_REMOUNT | MsFlags::MS_RDONLY,
                None::<&str>,
            )
            .with_context(|| format!("making {} read-only for the copy", m.destination))?;
        }
    }
    Ok(())
}

/// Where paths are opened: the host, or inside a container's root.
#[derive(Clone, Copy)]
enum Side<'a> {
    Host,
    In(&'a ContainerRoot),
}

impl Side<'_> {
    /// Open `path`; in a container every component resolves inside its
    /// root.
    fn open(&self, path: &str, flags: OFlag) -> Result<OwnedFd, Errno> {
        match self {
            Side::Host => nix::fcntl::open(path, flags | OFlag::O_CLOEXEC, Mode::empty()),
            Side::In(root) => {
                let rel = path.trim_start_matches('/');
                let rel = if rel.is_empty() { "." } else { rel };
                let how = OpenHow::new()
                    .flags(flags | OFlag::O_CLOEXEC)
                    .resolve(ResolveFlag::RESOLVE_IN_ROOT | ResolveFlag::RESOLVE_NO_MAGICLINKS);
                let mut tries = 0;
                loop {
                    match openat2(root.fd.as_fd(), rel, how) {
                        Err(Errno::EAGAIN) if tries < 64 => tries += 1,
                        r => return r,
                    }
                }
            }
        }
    }

    fn describe(&self, path: &str) -> String {
        match self {
            Side::Host => path.to_string(),
            Side::In(root) => format!("{path} (in container {})", root.name),
        }
    }

    /// Podman's message for a missing path.
    fn missing(&self, path: &str) -> anyhow::Error {
        let on = match self {
            Side::Host => "the host".to_string(),
            Side::In(root) => format!("container {}", root.name),
        };
        Failure::no_such(format!("{path:?} could not be found on {on}: no such file or directory")).into()
    }
}

/// `path` cut into its parent and last component, Docker's markers noted:
/// a trailing `/` (must be a directory) and a trailing `/.` (a directory's
/// content). The root is `("/", ".")`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Split {
    parent: String,
    name: String,
    slash: bool,
    dot: bool,
}

fn split(path: &str, host: bool) -> Split {
    let dot = path == "." || path.ends_with("/.");
    let slash = path.ends_with('/') || dot;
    let mut p = path.to_string();
    loop {
        if p.ends_with("/.") {
            p.truncate(p.len() - 2);
        } else if p.len() > 1 && p.ends_with('/') {
            p.pop();
        } else {
            break;
        }
    }
    let empty_parent = if host { "." } else { "/" };
    if p.is_empty() || p == "/" || p == "." {
        let parent = if p == "/" || !host { "/" } else { "." };
        return Split { parent: parent.to_string(), name: ".".into(), slash: true, dot };
    }
    match p.rsplit_once('/') {
        Some(("", n)) => Split { parent: "/".into(), name: n.into(), slash, dot },
        Some((d, n)) => Split { parent: d.into(), name: n.into(), slash, dot },
        None => Split { parent: empty_parent.into(), name: p, slash, dot },
    }
}

/// What a path is, looked up without following its last component.
struct Found {
    dir: OwnedFd,
    name: String,
    kind: Option<SFlag>,
}

fn look(side: Side<'_>, s: &Split) -> anyhow::Result<Option<Found>> {
    let dir = match side.open(&s.parent, OFlag::O_PATH | OFlag::O_DIRECTORY) {
        Ok(fd) => fd,
        Err(Errno::ENOENT | Errno::ENOTDIR) => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("opening {}", side.describe(&s.parent))),
    };
    let kind = match fstatat(&dir, s.name.as_str(), AtFlags::AT_SYMLINK_NOFOLLOW) {
        Ok(st) => Some(SFlag::from_bits_truncate(st.st_mode & SFlag::S_IFMT.bits())),
        Err(Errno::ENOENT) => None,
        Err(e) => return Err(e).with_context(|| format!("looking up {}", side.describe(&s.name))),
    };
    Ok(Some(Found { dir, name: s.name.clone(), kind }))
}

/// The source: its parent directory and name, a directory or not, the
/// name it gets at the destination.
struct Source {
    dir: OwnedFd,
    name: String,
    is_dir: bool,
    /// Only the directory's content (`SRC/.`).
    contents: bool,
    base: String,
}

fn source(side: Side<'_>, path: &str, follow: bool, host: bool) -> anyhow::Result<Source> {
    let not_found = || side.missing(path);
    let s = split(path, host);
    let base = if s.name == "." { String::new() } else { s.name.clone() };
    let mut cur = s.clone();
    for _ in 0..40 {
        let f = look(side, &cur)?.ok_or_else(not_found)?;
        let kind = f.kind.ok_or_else(not_found)?;
        if kind == SFlag::S_IFLNK && (follow || s.slash) {
            let target = nix::fcntl::readlinkat(&f.dir, f.name.as_str())
                .with_context(|| format!("reading the link {}", side.describe(path)))?;
            let target = target.to_string_lossy().into_owned();
            let next = if target.starts_with('/') { target } else { format!("{}/{target}", cur.parent) };
            cur = Split { slash: false, dot: false, ..split(&next, host) };
            continue;
        }
        let is_dir = kind == SFlag::S_IFDIR;
        if s.slash && !is_dir {
            bail!("{}: not a directory", side.describe(path));
        }
        return Ok(Source { dir: f.dir, name: f.name, is_dir, contents: s.dot || (is_dir && s.name == "."), base });
    }
    bail!("{}: too many levels of symbolic links", side.describe(path))
}

/// Where the tar stream is extracted and the name the source gets there
/// (None: the source's content goes straight into the directory).
struct Target {
    dir: OwnedFd,
    top: Option<String>,
}

fn target(side: Side<'_>, path: &str, src: &Source, opts: &CopyOptions, host: bool) -> anyhow::Result<Target> {
    let d = split(path, host);
    let dir_flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY;
    // The destination itself, following symlinks (inside the root).
    match side.open(path, OFlag::O_PATH) {
        Ok(fd) => {
            let st = nix::sys::stat::fstat(&fd).with_context(|| format!("looking up {}", side.describe(path)))?;
            let is_dir = st.st_mode & SFlag::S_IFMT.bits() == SFlag::S_IFDIR.bits();
            if is_dir {
                let dir = side.open(path, dir_flags).with_context(|| format!("opening {}", side.describe(path)))?;
                if src.contents || src.base.is_empty() {
                    return Ok(Target { dir, top: None });
                }
                check_replace(&dir, &src.base, src.is_dir, opts, side, path)?;
                return Ok(Target { dir, top: Some(src.base.clone()) });
            }
            if d.slash {
                bail!("{}: not a directory", side.describe(path));
            }
            if src.is_dir && !opts.overwrite {
                bail!("destination must be a directory when copying a directory");
            }
        }
        Err(Errno::ENOENT) => {
            if d.slash && !src.is_dir {
                return Err(side.missing(path));
            }
        }
        Err(Errno::ENOTDIR) => bail!("{}: not a directory", side.describe(path)),
        Err(e) => return Err(e).with_context(|| format!("looking up {}", side.describe(path))),
    }
    let dir = match side.open(&d.parent, dir_flags) {
        Ok(fd) => fd,
        Err(Errno::ENOENT) => return Err(side.missing(path)),
        Err(e) => return Err(e).with_context(|| format!("opening {}", side.describe(&d.parent))),
    };
    Ok(Target { dir, top: Some(d.name) })
}

/// Podman's `--overwrite` rule at the top of the copy.
fn check_replace(
    dir: &OwnedFd,
    name: &str,
    src_is_dir: bool,
    opts: &CopyOptions,
    side: Side<'_>,
    path: &str,
) -> anyhow::Result<()> {
    if opts.overwrite {
        return Ok(());
    }
    if let Ok(st) = fstatat(dir, name, AtFlags::AT_SYMLINK_NOFOLLOW) {
        let is_dir = st.st_mode & SFlag::S_IFMT.bits() == SFlag::S_IFDIR.bits();
        let shown = side.describe(&format!("{}/{name}", path.trim_end_matches('/')));
        if is_dir && !src_is_dir {
            bail!("cannot overwrite directory {shown} with non-directory (see --overwrite)");
        }
        if !is_dir && src_is_dir {
            bail!("cannot overwrite non-directory {shown} with directory (see --overwrite)");
        }
    }
    Ok(())
}

/// Write the tar stream of `src` (named `top`, or its content) to `out`.
fn pack(src: &Source, top: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
    let mut p = rpod_storage::pack::Packer::new(out, rpod_storage::pack::PackOptions::default());
    match top {
        Some(t) if !(src.contents && src.is_dir) => p.add(src.dir.as_fd(), OsStr::new(&src.name), t)?,
        _ => {
            let fd = nix::fcntl::openat(
                &src.dir,
                src.name.as_str(),
                OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
                Mode::empty(),
            )
            .map_err(io::Error::from)?;
            p.add_contents(fd.as_fd(), top.unwrap_or(""))?
        }
    }
    p.finish()?.flush()
}

fn extract(dir: OwnedFd, tar: &mut dyn Read, owner: Option<(u32, u32)>) -> anyhow::Result<()> {
    let opts = rpod_storage::extract::CopyOptions {
        what: "the copy",
        ignore_chown_errors: false,
        owner: owner.map(|(u, g)| (u64::from(u), u64::from(g))),
    };
    rpod_storage::extract::extract_copy(dir, tar, &opts)?;
    Ok(())
}

/// The owner files written at the destination get (None: the tar's).
fn owner_at(dest: Side<'_>, opts: &CopyOptions) -> Option<(u32, u32)> {
    if opts.archive {
        return None;
    }
    Some(match dest {
        Side::In(root) => root.root_owner,
        Side::Host => (nix::unistd::geteuid().as_raw(), nix::unistd::getegid().as_raw()),
    })
}

/// Copy from the container to `dest` (a host path, or standard output).
pub fn copy_out(root: &ContainerRoot, src: &str, dest: &Location, opts: &CopyOptions) -> anyhow::Result<()> {
    let from = Side::In(root);
    let s = source(from, src, opts.follow_link, false)?;
    match dest {
        Location::Stream => {
            let top = if s.base.is_empty() { None } else { Some(s.base.as_str()) };
            let mut out = io::stdout().lock();
            pack(&s, top, &mut out).context("writing the tar stream")
        }
        Location::Host(path) => transfer(&s, Side::Host, path, opts, true),
        Location::Container { .. } => bail!("copying between containers is not supported"),
    }
}

/// Copy `src` (a host path, or a tar stream on standard input) into the
/// container at `dest`.
pub fn copy_in(root: &ContainerRoot, src: &Location, dest: &str, opts: &CopyOptions) -> anyhow::Result<()> {
    let to = Side::In(root);
    match src {
        Location::Stream => {
            let dir = match to.open(dest, OFlag::O_RDONLY | OFlag::O_DIRECTORY) {
                Ok(fd) => fd,
                Err(Errno::ENOENT) => return Err(to.missing(dest)),
                Err(Errno::ENOTDIR) => {
                    bail!("{}: destination must be a directory when copying from stdin", to.describe(dest))
                }
                Err(e) => return Err(e).with_context(|| format!("opening {}", to.describe(dest))),
            };
            let mut stdin = io::stdin().lock();
            extract(dir, &mut stdin, owner_at(to, opts)).context("extracting the tar stream from standard input")
        }
        Location::Host(path) => {
            let s = source(Side::Host, path, opts.follow_link, true)?;
            transfer(&s, to, dest, opts, false)
        }
        Location::Container { .. } => bail!("copying between containers is not supported"),
    }
}

/// Pack `s` in a thread and extract it at `dest` on `to`.
fn transfer(s: &Source, to: Side<'_>, dest: &str, opts: &CopyOptions, host: bool) -> anyhow::Result<()> {
    let t = target(to, dest, s, opts, host)?;
    let owner = owner_at(to, opts);
    let (mut rd, mut wr) = io::pipe().context("creating a pipe")?;
    std::thread::scope(|scope| {
        let top = t.top.clone();
        let producer = scope.spawn(move || {
            let r = pack(s, top.as_deref(), &mut wr);
            drop(wr);
            r
        });
        let extracted = extract(t.dir, &mut rd, owner);
        // Unblock a producer still writing when extraction failed.
        drop(rd);
        let packed = producer.join().map_err(|_| anyhow!("the copy's reader panicked"))?;
        match (extracted, packed) {
            (Err(e), _) => Err(e),
            (Ok(()), Err(e)) => Err(anyhow::Error::from(e).context("reading the files to copy")),
            (Ok(()), Ok(())) => Ok(()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations() {
        assert_eq!(Location::parse("-"), Location::Stream);
        assert_eq!(Location::parse("/a:b"), Location::Host("/a:b".into()));
        assert_eq!(Location::parse("./c:d"), Location::Host("./c:d".into()));
        assert_eq!(Location::parse("c:/etc"), Location::Container { container: "c".into(), path: "/etc".into() });
        assert_eq!(Location::parse("file"), Location::Host("file".into()));
    }

    #[test]
    fn splits() {
        let s = |p: &str| {
            let x = split(p, false);
            (x.parent, x.name, x.slash, x.dot)
        };
        assert_eq!(s("/etc/passwd"), ("/etc".into(), "passwd".into(), false, false));
        assert_eq!(s("/etc/"), ("/".into(), "etc".into(), true, false));
        assert_eq!(s("/etc/."), ("/".into(), "etc".into(), true, true));
        assert_eq!(s("/"), ("/".into(), ".".into(), true, false));
        assert_eq!(s("etc"), ("/".into(), "etc".into(), false, false));
        assert_eq!(split("x", true).parent, ".");
        assert_eq!(split("a/b/", true).parent, "a");
    }

    fn root_at(dir: &std::path::Path) -> ContainerRoot {
        let fd = nix::fcntl::open(dir, OFlag::O_PATH | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty()).unwrap();
        let (u, g) = (nix::unistd::geteuid().as_raw(), nix::unistd::getegid().as_raw());
        ContainerRoot { fd, name: "c".into(), root_owner: (u, g), mounted: None, _lock: None }
    }

    #[test]
    fn copies_follow_dockers_rules_and_stay_inside() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("root");
        let host = t.path().join("host");
        std::fs::create_dir_all(root.join("etc/sub")).unwrap();
        std::fs::create_dir_all(&host).unwrap();
        std::fs::write(root.join("etc/passwd"), "root:x:0:0").unwrap();
        std::fs::write(root.join("etc/sub/f"), "f").unwrap();
        std::os::unix::fs::symlink("/", root.join("escape")).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", root.join("pw")).unwrap();
        std::fs::write(host.join("secret"), "host secret").unwrap();
        let r = root_at(&root);
        let o = CopyOptions::default();
        let h = |p: &str| Location::Host(host.join(p).display().to_string());
        // A file to a new name, then into a directory.
        copy_out(&r, "/etc/passwd", &h("pw1"), &o).unwrap();
        assert_eq!(std::fs::read_to_string(host.join("pw1")).unwrap(), "root:x:0:0");
        std::fs::create_dir(host.join("d")).unwrap();
        copy_out(&r, "/etc/passwd", &h("d"), &o).unwrap();
        assert!(host.join("d/passwd").is_file());
        // A directory: new name gets the content, existing dir gets it inside, /. the content.
        copy_out(&r, "/etc", &h("e1"), &o).unwrap();
        assert!(host.join("e1/sub/f").is_file());
        copy_out(&r, "/etc", &h("d"), &o).unwrap();
        assert!(host.join("d/etc/sub/f").is_file());
        copy_out(&r, "/etc/.", &h("d"), &o).unwrap();
        assert!(host.join("d/sub/f").is_file());
        assert!(copy_out(&r, "/etc/passwd/", &h("x"), &o).is_err());
        assert!(copy_out(&r, "/etc/passwd", &h("nodir/"), &o).is_err());
        // -L copies the target under the link's name; without it, the link.
        copy_out(&r, "/pw", &h("l1"), &o).unwrap();
        assert!(std::fs::symlink_metadata(host.join("l1")).unwrap().file_type().is_symlink());
        copy_out(&r, "/pw", &h("l2"), &CopyOptions { follow_link: true, ..o }).unwrap();
        assert_eq!(std::fs::read_to_string(host.join("l2")).unwrap(), "root:x:0:0");
        // A symlink to / leads to the container's root, never the host's.
        let leak = copy_out(&r, &format!("/escape{}", host.join("secret").display()), &h("leak"), &o);
        assert!(leak.is_err() && !host.join("leak").exists());
        copy_in(&r, &h("secret"), "/escape/tmp-in", &o).unwrap();
        assert_eq!(std::fs::read_to_string(root.join("tmp-in")).unwrap(), "host secret");
        copy_in(&r, &h("secret"), &format!("/escape{}", host.display()), &o).unwrap_err();
        assert_eq!(std::fs::read_dir(&host).unwrap().count(), 6);
        // Into a directory, and onto an existing directory of the name.
        copy_in(&r, &h("d"), "/etc", &o).unwrap();
        assert!(root.join("etc/d/etc/sub/f").is_file());
        assert!(copy_in(&r, &h("secret"), "/etc/d/etc/", &o).is_ok());
        std::fs::create_dir(host.join("sub")).unwrap();
        assert!(copy_in(&r, &h("pw1"), "/etc/sub/f/", &o).is_err());
    }
}
