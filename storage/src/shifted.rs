//! A copy of a directory tree whose owners are translated ([`copy_shifted`]),
//! and the application of one extracted layer onto such a copy
//! ([`apply_layer`], the `vfs` storage driver). The copy is how a container
//! in a user namespace of its own (`--userns=keep-id`) gets an image's
//! files with the owners it expects. The source is the image's merged
//! root (an overlay of its layers, so whiteouts are already applied); the
//! copy keeps contents, modes (set-ID bits too), hard links, symlinks,
//! FIFOs, sockets, times and extended attributes, and gives each entry the
//! owner `uid(owner)`, `gid(group)`.
//!
//! Overlay control attributes (`*.overlay.*`) and POSIX ACLs (which carry
//! IDs of their own) are not copied; attributes the kernel refuses
//! (`security.*` without the privilege) are skipped like the extractor
//! skips them. Device nodes are copied only where `mknod` is allowed (real
//! root).

use std::collections::HashMap;
use std::ffi::{CStr, CString};
use std::io;
use std::os::fd::OwnedFd;
use std::path::Path;

use rustix::fs::{AtFlags, FileType, Mode, OFlags, Timestamps};
use rustix::io::Errno;

/// Translates an ID; None: the ID has no counterpart.
pub type IdFn<'a> = &'a dyn Fn(u32) -> Option<u32>;

/// What [`copy_shifted`] copied.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CopyStats {
    pub entries: u64,
    pub bytes: u64,
    pub hardlinks: u64,
    pub skipped_xattrs: u64,
}

/// A failure, with the path (relative to the source) it happened at.
#[derive(Debug, thiserror::Error)]
pub enum ShiftError {
    #[error("{path}: {what}: {source}")]
    Io {
        path: String,
        what: &'static str,
        #[source]
        source: io::Error,
    },
    #[error("{path}: {kind} {id} has no counterpart in the container's user namespace")]
    Unmapped { path: String, kind: &'static str, id: u32 },
}

struct Copier<'a> {
    /// Applying a layer over existing content (whiteouts remove, opaque
    /// directories replace); else the destination starts empty.
    merge: bool,
    uid: IdFn<'a>,
    gid: IdFn<'a>,
    dst_root: OwnedFd,
    /// (dev, ino) of multiply linked sources -> their path in the copy.
    links: HashMap<(u64, u64), CString>,
    stats: CopyStats,
    buf: Vec<u8>,
}

fn io_err<'a>(path: &'a [u8], what: &'static str) -> impl FnOnce(Errno) -> ShiftError + 'a {
    move |e| ShiftError::Io { path: display(path), what, source: io::Error::from(e) }
}

fn display(rel: &[u8]) -> String {
    format!("/{}", String::from_utf8_lossy(rel))
}

fn join(rel: &[u8], name: &[u8]) -> Vec<u8> {
    let mut p = rel.to_vec();
    if !p.is_empty() {
        p.push(b'/');
    }
    p.extend_from_slice(name);
    p
}

const DIR_FLAGS: OFlags = OFlags::RDONLY.union(OFlags::DIRECTORY).union(OFlags::NOFOLLOW).union(OFlags::CLOEXEC);

/// Copies the tree under `src` into the existing empty directory `dst`,
/// translating owners; `dst` itself gets `src`'s owner, mode, attributes
/// and times.
pub fn copy_shifted(src: &Path, dst: &Path, uid: IdFn<'_>, gid: IdFn<'_>) -> Result<CopyStats, ShiftError> {
    let open = |p: &Path| {
        rustix::fs::open(p, DIR_FLAGS, Mode::empty()).map_err(|e| ShiftError::Io {
            path: p.display().to_string(),
            what: "open",
            source: e.into(),
        })
    };
    let s = open(src)?;
    let d = open(dst)?;
    let dst_root = rustix::io::dup(&d).map_err(io_err(b"", "dup"))?;
    let mut c = Copier {
        merge: false,
        uid,
        gid,
        dst_root,
        links: HashMap::new(),
        stats: CopyStats::default(),
        buf: vec![0; 1 << 16],
    };
    c.dir(&s, &d, b"")?;
    let st = rustix::fs::fstat(&s).map_err(io_err(b"", "stat"))?;
    c.finish(&s, &d, b"", &st)?;
    Ok(c.stats)
}

/// Applies the layer directory `layer` (an overlay lower dir as the store
/// extracts it) onto `dst`, which holds the layers below it applied the
/// same way: a whiteout (a 0:0 character device, or an empty file with the
/// overlay `whiteout` xattr) removes its name, an opaque directory (overlay
/// `opaque=y`) replaces the directory, and everything else is copied over
/// what is there, owners translated. For `dst` empty this is
/// [`copy_shifted`] (whiteouts of the first layer are skipped).
pub fn apply_layer(layer: &Path, dst: &Path, uid: IdFn<'_>, gid: IdFn<'_>) -> Result<CopyStats, ShiftError> {
    let open = |p: &Path| {
        rustix::fs::open(p, DIR_FLAGS, Mode::empty()).map_err(|e| ShiftError::Io {
            path: p.display().to_string(),
            what: "open",
            source: e.into(),
        })
    };
    let s = open(layer)?;
    let d = open(dst)?;
    let dst_root = rustix::io::dup(&d).map_err(io_err(b"", "dup"))?;
    let mut c = Copier {
        merge: true,
        uid,
        gid,
        dst_root,
        links: HashMap::new(),
        stats: CopyStats::default(),
        buf: vec![0; 1 << 16],
    };
    c.dir(&s, &d, b"")?;
    let st = rustix::fs::fstat(&s).map_err(io_err(b"", "stat"))?;
    c.finish(&s, &d, b"", &st)?;
    Ok(c.stats)
}

/// The overlay xattr `<prefix>name` on the open file `fd`, either prefix.
fn overlay_xattr(fd: &OwnedFd, name: &str, buf: &mut [u8]) -> Option<Vec<u8>> {
    for prefix in ["user.overlay.", "trusted.overlay."] {
        if let Ok(n) = rustix::fs::fgetxattr(fd, format!("{prefix}{name}").as_str(), &mut *buf) {
            return Some(buf[..n].to_vec());
        }
    }
    None
}

/// Removes `name` in `d` whatever it is (a directory with its content).
fn remove_at(d: &OwnedFd, name: &CStr, rel: &[u8]) -> Result<(), ShiftError> {
    use std::os::fd::AsFd;
    crate::fsutil::remove_tree_at(d.as_fd(), name.to_bytes()).map_err(|e| ShiftError::Io {
        path: display(rel),
        what: "remove",
        source: e,
    })
}

impl Copier<'_> {
    /// Is this entry of a layer a whiteout?
    fn is_whiteout(&mut self, s: &OwnedFd, name: &CStr, st: &rustix::fs::Stat) -> bool {
        match FileType::from_raw_mode(st.st_mode) {
            FileType::CharacterDevice => st.st_rdev == 0,
            FileType::RegularFile if st.st_size == 0 => {
                let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK;
                match rustix::fs::openat(s, name, flags, Mode::empty()) {
                    Ok(fd) => overlay_xattr(&fd, "whiteout", &mut self.buf).is_some(),
                    Err(_) => false,
                }
            }
            _ => false,
        }
    }

    fn owner(&self, rel: &[u8], st: &rustix::fs::Stat) -> Result<(u32, u32), ShiftError> {
        let u = (self.uid)(st.st_uid).ok_or_else(|| ShiftError::Unmapped {
            path: display(rel),
            kind: "uid",
            id: st.st_uid,
        })?;
        let g = (self.gid)(st.st_gid).ok_or_else(|| ShiftError::Unmapped {
            path: display(rel),
            kind: "gid",
            id: st.st_gid,
        })?;
        Ok((u, g))
    }

    /// Owner, mode, attributes and times of a copied file or directory
    /// (in that order: chown clears set-ID bits and file capabilities).
    fn finish(&mut self, s: &OwnedFd, d: &OwnedFd, rel: &[u8], st: &rustix::fs::Stat) -> Result<(), ShiftError> {
        let (u, g) = self.owner(rel, st)?;
        rustix::fs::fchown(d, Some(rustix::fs::Uid::from_raw(u)), Some(rustix::fs::Gid::from_raw(g)))
            .map_err(io_err(rel, "chown"))?;
        rustix::fs::fchmod(d, Mode::from_raw_mode(st.st_mode & 0o7777)).map_err(io_err(rel, "chmod"))?;
        self.xattrs(s, d, rel)?;
        rustix::fs::futimens(d, &times(st)).map_err(io_err(rel, "set times"))
    }

    /// [`Copier::finish`] for an entry that cannot be opened (symlinks,
    /// FIFOs, sockets, devices), by name in `d`; no attributes.
    fn finish_at(
        &self,
        d: &OwnedFd,
        name: &CStr,
        rel: &[u8],
        st: &rustix::fs::Stat,
        chmod: bool,
    ) -> Result<(), ShiftError> {
        let (u, g) = self.owner(rel, st)?;
        let (u, g) = (Some(rustix::fs::Uid::from_raw(u)), Some(rustix::fs::Gid::from_raw(g)));
        rustix::fs::chownat(d, name, u, g, AtFlags::SYMLINK_NOFOLLOW).map_err(io_err(rel, "chown"))?;
        if chmod {
            rustix::fs::chmodat(d, name, Mode::from_raw_mode(st.st_mode & 0o7777), AtFlags::empty())
                .map_err(io_err(rel, "chmod"))?;
        }
        rustix::fs::utimensat(d, name, &times(st), AtFlags::SYMLINK_NOFOLLOW).map_err(io_err(rel, "set times"))
    }

    fn xattrs(&mut self, s: &OwnedFd, d: &OwnedFd, rel: &[u8]) -> Result<(), ShiftError> {
        let n = match rustix::fs::flistxattr(s, &mut self.buf[..]) {
            Ok(n) => n,
            Err(Errno::NOTSUP) => return Ok(()),
            Err(e) => return Err(io_err(rel, "list xattrs")(e)),
        };
        let names: Vec<CString> =
            self.buf[..n].split(|b| *b == 0).filter(|n| !n.is_empty()).filter_map(|n| CString::new(n).ok()).collect();
        for name in names {
            let b = name.as_bytes();
            if b.starts_with(b"user.overlay.")
                || b.starts_with(b"trusted.overlay.")
                || b.starts_with(b"system.posix_acl_")
            {
                self.stats.skipped_xattrs += 1;
                continue;
            }
            let len = match rustix::fs::fgetxattr(s, name.as_c_str(), &mut self.buf[..]) {
                Ok(len) => len,
                Err(Errno::NODATA) => continue,
                Err(e) => return Err(io_err(rel, "read xattr")(e)),
            };
            match rustix::fs::fsetxattr(d, name.as_c_str(), &self.buf[..len], rustix::fs::XattrFlags::empty()) {
                Ok(()) => {}
                Err(e) if e == Errno::PERM || e == Errno::NOTSUP || e == Errno::ACCESS || e == Errno::INVAL => {
                    log::debug!("{}: skipping xattr {}: {e}", display(rel), name.to_string_lossy());
                    self.stats.skipped_xattrs += 1;
                }
                Err(e) => return Err(io_err(rel, "set xattr")(e)),
            }
        }
        Ok(())
    }

    fn dir(&mut self, s: &OwnedFd, d: &OwnedFd, rel: &[u8]) -> Result<(), ShiftError> {
        for name in list(s, rel)? {
            self.entry(s, d, rel, &name)?;
        }
        Ok(())
    }

    fn entry(&mut self, s: &OwnedFd, d: &OwnedFd, parent: &[u8], name: &CStr) -> Result<(), ShiftError> {
        let rel = join(parent, name.to_bytes());
        let st = rustix::fs::statat(s, name, AtFlags::SYMLINK_NOFOLLOW).map_err(io_err(&rel, "stat"))?;
        self.stats.entries += 1;
        let kind = FileType::from_raw_mode(st.st_mode);
        if self.is_whiteout(s, name, &st) {
            return if self.merge { remove_at(d, name, &rel) } else { Ok(()) };
        }
        // Over existing content: a directory merges into a directory; any
        // other pair replaces what is there.
        let mut existing_dir = false;
        if self.merge {
            match rustix::fs::statat(d, name, AtFlags::SYMLINK_NOFOLLOW) {
                Ok(old)
                    if kind == FileType::Directory && FileType::from_raw_mode(old.st_mode) == FileType::Directory =>
                {
                    existing_dir = true;
                }
                Ok(_) => remove_at(d, name, &rel)?,
                Err(Errno::NOENT) => {}
                Err(e) => return Err(io_err(&rel, "stat")(e)),
            }
        }
        if kind != FileType::Directory && st.st_nlink > 1 {
            if let Some(first) = self.links.get(&(st.st_dev, st.st_ino)) {
                rustix::fs::linkat(&self.dst_root, first.as_c_str(), d, name, AtFlags::empty())
                    .map_err(io_err(&rel, "link"))?;
                self.stats.hardlinks += 1;
                return Ok(());
            }
            let key = CString::new(rel.clone()).map_err(|_| ShiftError::Io {
                path: display(&rel),
                what: "name",
                source: io::ErrorKind::InvalidInput.into(),
            })?;
            self.links.insert((st.st_dev, st.st_ino), key);
        }
        match kind {
            FileType::Directory => {
                if !existing_dir {
                    rustix::fs::mkdirat(d, name, Mode::from_raw_mode(0o700)).map_err(io_err(&rel, "mkdir"))?;
                }
                let sd = rustix::fs::openat(s, name, DIR_FLAGS, Mode::empty()).map_err(io_err(&rel, "open"))?;
                let dd = rustix::fs::openat(d, name, DIR_FLAGS, Mode::empty()).map_err(io_err(&rel, "open"))?;
                if existing_dir && overlay_xattr(&sd, "opaque", &mut self.buf).as_deref() == Some(b"y") {
                    // Opaque: what the layers below put here is gone.
                    for child in list(&dd, &rel)? {
                        remove_at(&dd, &child, &join(&rel, child.to_bytes()))?;
                    }
                }
                self.dir(&sd, &dd, &rel)?;
                self.finish(&sd, &dd, &rel, &st)
            }
            FileType::RegularFile => {
                let sf =
                    rustix::fs::openat(s, name, OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC, Mode::empty())
                        .map_err(io_err(&rel, "open"))?;
                let df = rustix::fs::openat(
                    d,
                    name,
                    OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                    Mode::from_raw_mode(0o600),
                )
                .map_err(io_err(&rel, "create"))?;
                let mut from = std::fs::File::from(sf);
                let mut to = std::fs::File::from(df);
                // std's copy uses copy_file_range (a reflink where the file
                // system shares extents).
                self.stats.bytes += io::copy(&mut from, &mut to).map_err(|e| ShiftError::Io {
                    path: display(&rel),
                    what: "copy",
                    source: e,
                })?;
                let (sf, df) = (OwnedFd::from(from), OwnedFd::from(to));
                self.finish(&sf, &df, &rel, &st)
            }
            FileType::Symlink => {
                let target = rustix::fs::readlinkat(s, name, Vec::new()).map_err(io_err(&rel, "readlink"))?;
                rustix::fs::symlinkat(target.as_c_str(), d, name).map_err(io_err(&rel, "symlink"))?;
                // (A symlink's mode cannot be set, nor needs to be.)
                self.finish_at(d, name, &rel, &st, false)
            }
            FileType::CharacterDevice if st.st_rdev == 0 => Ok(()), // an overlay whiteout
            FileType::Fifo | FileType::Socket | FileType::CharacterDevice | FileType::BlockDevice => {
                rustix::fs::mknodat(d, name, kind, Mode::from_raw_mode(0o600), st.st_rdev)
                    .map_err(io_err(&rel, "mknod"))?;
                self.finish_at(d, name, &rel, &st, true)
            }
            FileType::Unknown => Err(ShiftError::Io {
                path: display(&rel),
                what: "copy",
                source: io::Error::new(io::ErrorKind::Unsupported, "unknown file type"),
            }),
        }
    }
}

/// The names in the directory `fd` (without `.` and `..`).
fn list(fd: &OwnedFd, rel: &[u8]) -> Result<Vec<CString>, ShiftError> {
    let mut names: Vec<CString> = Vec::new();
    let dup = rustix::io::dup(fd).map_err(io_err(rel, "dup"))?;
    let mut it = rustix::fs::Dir::new(dup).map_err(io_err(rel, "read directory"))?;
    while let Some(ent) = it.read() {
        let ent = ent.map_err(io_err(rel, "read directory"))?;
        let n = ent.file_name();
        if n.to_bytes() != b"." && n.to_bytes() != b".." {
            names.push(n.to_owned());
        }
    }
    Ok(names)
}

fn times(st: &rustix::fs::Stat) -> Timestamps {
    Timestamps {
        last_access: rustix::fs::Timespec { tv_sec: st.st_atime, tv_nsec: st.st_atime_nsec as _ },
        last_modification: rustix::fs::Timespec { tv_sec: st.st_mtime, tv_nsec: st.st_mtime_nsec as _ },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    #[test]
    fn copies_contents_links_modes_and_times_with_owners_translated() {
        let t = tempfile::tempdir().unwrap();
        let (src, dst) = (t.path().join("src"), t.path().join("dst"));
        std::fs::create_dir_all(src.join("bin")).unwrap();
        std::fs::create_dir_all(dst.join("")).unwrap();
        std::fs::write(src.join("bin/busybox"), b"binary").unwrap();
        std::fs::hard_link(src.join("bin/busybox"), src.join("bin/sh")).unwrap();
        std::os::unix::fs::symlink("busybox", src.join("bin/ls")).unwrap();
        std::fs::set_permissions(src.join("bin/busybox"), std::fs::Permissions::from_mode(0o4755)).unwrap();
        std::fs::set_permissions(src.join("bin"), std::fs::Permissions::from_mode(0o751)).unwrap();
        nix::unistd::mkfifo(&src.join("fifo"), nix::sys::stat::Mode::from_bits_truncate(0o640)).unwrap();
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        std::fs::File::options().write(true).open(src.join("bin/busybox")).unwrap().set_modified(old).unwrap();

        // Owners stay ours (an unprivileged test may only give files its
        // own IDs); the translation is checked through the calls it makes.
        let me = (nix::unistd::getuid().as_raw(), nix::unistd::getgid().as_raw());
        let asked = std::cell::RefCell::new(Vec::new());
        let uid = |id: u32| {
            asked.borrow_mut().push(id);
            Some(me.0)
        };
        let gid = |_: u32| Some(me.1);
        let stats = copy_shifted(&src, &dst, &uid, &gid).unwrap();
        assert_eq!(stats.hardlinks, 1);
        assert_eq!(stats.bytes, 6);
        assert_eq!(std::fs::read(dst.join("bin/sh")).unwrap(), b"binary");
        let a = std::fs::metadata(dst.join("bin/busybox")).unwrap();
        assert_eq!(a.ino(), std::fs::metadata(dst.join("bin/sh")).unwrap().ino());
        assert_eq!(a.mode() & 0o7777, 0o4755);
        assert_eq!(a.modified().unwrap(), old);
        assert_eq!(std::fs::read_link(dst.join("bin/ls")).unwrap(), Path::new("busybox"));
        assert_eq!(std::fs::metadata(dst.join("bin")).unwrap().mode() & 0o7777, 0o751);
        let f = std::fs::symlink_metadata(dst.join("fifo")).unwrap();
        assert!(std::os::unix::fs::FileTypeExt::is_fifo(&f.file_type()));
        assert_eq!(f.mode() & 0o777, 0o640);
        assert!(asked.borrow().iter().all(|id| *id == me.0));
        assert!(asked.borrow().len() >= 5);
    }

    #[test]
    fn layers_apply_with_whiteouts_opaque_dirs_and_type_changes() {
        let t = tempfile::tempdir().unwrap();
        let (l1, l2, dst) = (t.path().join("l1"), t.path().join("l2"), t.path().join("dst"));
        for d in ["a", "d/old", "c-dir"] {
            std::fs::create_dir_all(l1.join(d)).unwrap();
        }
        for f in ["a/x", "a/y", "a/z", "d/old/f", "d/keep-not", "c-file"] {
            std::fs::write(l1.join(f), f).unwrap();
        }
        std::fs::write(l1.join("c-dir/inner"), b"inner").unwrap();
        // Whiteouts in both forms, an opaque directory, and type changes.
        std::fs::create_dir_all(l2.join("a")).unwrap();
        std::fs::create_dir_all(l2.join("d")).unwrap();
        std::fs::create_dir_all(l2.join("c-file")).unwrap();
        nix::sys::stat::mknod(&l2.join("a/x"), nix::sys::stat::SFlag::S_IFCHR, nix::sys::stat::Mode::empty(), 0)
            .unwrap();
        std::fs::write(l2.join("a/y"), b"").unwrap();
        let xattrs =
            rustix::fs::setxattr(l2.join("a/y"), "user.overlay.whiteout", b"", rustix::fs::XattrFlags::empty())
                .and_then(|()| {
                    rustix::fs::setxattr(l2.join("d"), "user.overlay.opaque", b"y", rustix::fs::XattrFlags::empty())
                });
        if xattrs.is_err() {
            eprintln!("skipped: no user xattrs on {}", t.path().display());
            return;
        }
        std::fs::write(l2.join("d/new"), b"new").unwrap();
        std::fs::write(l2.join("a/z"), b"replaced").unwrap();
        std::fs::write(l2.join("c-file/now-a-dir"), b"").unwrap();
        std::fs::write(l2.join("c-dir"), b"now a file").unwrap();
        std::fs::create_dir_all(&dst).unwrap();
        let same = |id: u32| Some(id);
        apply_layer(&l1, &dst, &same, &same).unwrap();
        apply_layer(&l2, &dst, &same, &same).unwrap();
        let mut found: Vec<String> = Vec::new();
        fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                let rel = p.strip_prefix(root).unwrap().display().to_string();
                if e.file_type().unwrap().is_dir() {
                    out.push(format!("{rel}/"));
                    walk(root, &p, out);
                } else {
                    out.push(format!("{rel}={}", std::fs::read_to_string(&p).unwrap()));
                }
            }
        }
        walk(&dst, &dst, &mut found);
        found.sort();
        assert_eq!(
            found,
            ["a/", "a/z=replaced", "c-dir=now a file", "c-file/", "c-file/now-a-dir=", "d/", "d/new=new"],
            "{found:?}"
        );
    }

    #[test]
    fn an_unmapped_owner_fails_naming_the_path() {
        let t = tempfile::tempdir().unwrap();
        let (src, dst) = (t.path().join("src"), t.path().join("dst"));
        std::fs::create_dir_all(src.join("etc")).unwrap();
        std::fs::create_dir_all(&dst).unwrap();
        std::fs::write(src.join("etc/passwd"), b"x").unwrap();
        let err = copy_shifted(&src, &dst, &|_| None, &|_| Some(0)).unwrap_err();
        assert!(err.to_string().contains("/etc"), "{err}");
        assert!(err.to_string().contains("no counterpart"), "{err}");
    }
}
