//! Tar streams of directory trees, read through file descriptors: `rpod
//! cp` out of a container, `rpod export`, and a container's upper layer
//! as an image layer (`rpod commit`, overlay whiteouts in the OCI form).
//!
//! Every entry is opened relative to its parent directory's descriptor
//! and never followed (`O_NOFOLLOW`, `AT_SYMLINK_NOFOLLOW`): a symlink is
//! stored as a symlink, so a tree a container controls cannot make the
//! packer read a host file, whatever it swaps in meanwhile. FIFOs are
//! never opened (their header is enough), sockets are skipped. Directory
//! entries are sorted by name and hard links (same device and inode)
//! become link entries, so packing the same tree twice gives the same
//! stream. Extended attributes go into PAX `SCHILY.xattr.*` records,
//! except overlay's own (`*.overlay.*`), which [`PackOptions::overlay`]
//! turns into OCI whiteouts instead.

use std::collections::HashMap;
use std::ffi::{CString, OsStr};
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;

use nix::dir::Dir;
use nix::errno::Errno;
use nix::fcntl::{openat, readlinkat, AtFlags, OFlag};
use nix::sys::stat::{fstatat, major, minor, FileStat, Mode, SFlag};
use tar::{EntryType, Header};

use crate::fsutil::errno_io;

/// How to pack.
#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    /// The tree is an overlay upper directory: whiteouts (0:0 character
    /// devices, or files with the overlay `whiteout` xattr) become
    /// `.wh.NAME` entries and opaque directories get a `.wh..wh..opq`
    /// entry (OCI image spec, "whiteouts").
    pub overlay: bool,
    /// Every entry's modification time instead of the file's (`rpod build
    /// --timestamp`: reproducible layers).
    pub mtime: Option<u64>,
    /// The owners as a user namespace of the container's own sees them:
    /// its UID and GID maps, `(inside, outside, count)` each; an ID
    /// outside them is the overflow ID (65534), as the kernel shows it.
    pub owners: Option<OwnerMaps>,
}

/// UID and GID maps, `(inside, outside, count)` each.
pub type OwnerMaps = (Vec<(u32, u32, u32)>, Vec<(u32, u32, u32)>);

/// `id` (outside) as the maps see it inside (see [`PackOptions::owners`]).
fn inside(maps: &[(u32, u32, u32)], id: u32) -> u32 {
    maps.iter()
        .find(|&&(_, out, n)| id >= out && u64::from(id) < u64::from(out) + u64::from(n))
        .map_or(65534, |&(ins, out, _)| ins + (id - out))
}

/// What was packed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackStats {
    pub entries: u64,
    pub file_bytes: u64,
    pub whiteouts: u64,
}

/// Writes entries into a tar stream.
pub struct Packer<W: Write> {
    builder: tar::Builder<W>,
    opts: PackOptions,
    /// (device, inode) of files with several links → the first name.
    links: HashMap<(u64, u64), String>,
    buf: Vec<u8>,
    /// Entries below an added directory to leave out: called with the tar
    /// name and whether it is a directory (`rpod build`'s ignore file).
    skip: Option<Box<SkipFn>>,
    pub stats: PackStats,
}

/// See [`Packer::skip`].
pub type SkipFn = dyn Fn(&str, bool) -> bool;

fn at_err(what: &str, name: &str, e: Errno) -> io::Error {
    io::Error::new(errno_io(e).kind(), format!("{what} {name}: {}", e.desc()))
}

impl<W: Write> Packer<W> {
    pub fn new(out: W, opts: PackOptions) -> Packer<W> {
        let mut builder = tar::Builder::new(out);
        builder.follow_symlinks(false);
        Packer {
            builder,
            opts,
            links: HashMap::new(),
            buf: vec![0u8; 64 * 1024],
            skip: None,
            stats: PackStats::default(),
        }
    }

    /// Leave out the entries below added directories for which `f` (tar
    /// name, is a directory) says so (a directory left out is not entered).
    pub fn skip(&mut self, f: Box<SkipFn>) {
        self.skip = Some(f);
    }

    /// Adds `name` of directory `dir` as the tar path `tar_name` (no
    /// leading `/`) and, for a directory, everything below it.
    pub fn add(&mut self, dir: BorrowedFd<'_>, name: &OsStr, tar_name: &str) -> io::Result<()> {
        let st = fstatat(dir, name, AtFlags::AT_SYMLINK_NOFOLLOW).map_err(|e| at_err("lstat", tar_name, e))?;
        self.entry(dir, name.as_bytes(), &st, tar_name)
    }

    /// Adds what the directory `dir` holds (not the directory itself),
    /// each entry named `prefix/NAME` (`NAME` for an empty prefix).
    pub fn add_contents(&mut self, dir: BorrowedFd<'_>, prefix: &str) -> io::Result<()> {
        let fd = openat(dir, ".", OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())
            .map_err(|e| at_err("open", prefix, e))?;
        self.children(fd, prefix)
    }

    /// Writes the end of the archive; returns the writer.
    pub fn finish(self) -> io::Result<W> {
        self.builder.into_inner()
    }

    fn child_name(prefix: &str, name: &str) -> String {
        if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}/{name}")
        }
    }

    fn children(&mut self, fd: OwnedFd, prefix: &str) -> io::Result<()> {
        let mut d = Dir::from_fd(fd).map_err(|e| at_err("read directory", prefix, e))?;
        let mut names: Vec<CString> = Vec::new();
        for ent in d.iter() {
            let ent = ent.map_err(|e| at_err("read directory", prefix, e))?;
            let n = ent.file_name();
            if n.to_bytes() != b"." && n.to_bytes() != b".." {
                names.push(n.to_owned());
            }
        }
        names.sort();
        let dfd = d.as_fd();
        for n in &names {
            let display = Self::child_name(prefix, &String::from_utf8_lossy(n.to_bytes()));
            let st = match fstatat(dfd, n.as_c_str(), AtFlags::AT_SYMLINK_NOFOLLOW) {
                Ok(st) => st,
                // Removed meanwhile (a running container).
                Err(Errno::ENOENT) => continue,
                Err(e) => return Err(at_err("lstat", &display, e)),
            };
            if let Some(skip) = &self.skip {
                if skip(&display, st.st_mode & SFlag::S_IFMT.bits() == SFlag::S_IFDIR.bits()) {
                    continue;
                }
            }
            self.entry(dfd, n.to_bytes(), &st, &display)?;
        }
        Ok(())
    }

    fn header(&self, st: &FileStat, kind: EntryType) -> Header {
        let mut h = Header::new_gnu();
        h.set_entry_type(kind);
        h.set_mode(st.st_mode & 0o7777);
        let (uid, gid) = match &self.opts.owners {
            Some((u, g)) => (inside(u, st.st_uid), inside(g, st.st_gid)),
            None => (st.st_uid, st.st_gid),
        };
        h.set_uid(u64::from(uid));
        h.set_gid(u64::from(gid));
        h.set_mtime(self.opts.mtime.unwrap_or_else(|| u64::try_from(st.st_mtime).unwrap_or(0)));
        h.set_size(0);
        h
    }

    /// The extended attributes to record, and the overlay markers
    /// (whiteout, opaque) found among them.
    fn xattrs(&mut self, fd: &OwnedFd) -> (Vec<(String, Vec<u8>)>, bool, bool) {
        let mut out = Vec::new();
        let (mut whiteout, mut opaque) = (false, false);
        let n = match rustix::fs::flistxattr(fd, &mut self.buf[..]) {
            Ok(n) => n,
            Err(_) => return (out, false, false),
        };
        let list = self.buf[..n].to_vec();
        for raw in list.split(|b| *b == 0).filter(|n| !n.is_empty()) {
            let Ok(name) = std::str::from_utf8(raw) else { continue };
            let Ok(len) = rustix::fs::fgetxattr(fd, name, &mut self.buf[..]) else { continue };
            let value = self.buf[..len].to_vec();
            if let Some(what) = name.strip_prefix("trusted.overlay.").or_else(|| name.strip_prefix("user.overlay.")) {
                match what {
                    "whiteout" => whiteout = true,
                    "opaque" => opaque = value == b"y" || value == b"x",
                    _ => {}
                }
                continue;
            }
            out.push((name.to_string(), value));
        }
        (out, whiteout, opaque)
    }

    fn pax(&mut self, xattrs: &[(String, Vec<u8>)]) -> io::Result<()> {
        if xattrs.is_empty() {
            return Ok(());
        }
        let records: Vec<(String, &[u8])> =
            xattrs.iter().map(|(k, v)| (format!("SCHILY.xattr.{k}"), v.as_slice())).collect();
        self.builder.append_pax_extensions(records.iter().map(|(k, v)| (k.as_str(), *v)))
    }

    fn whiteout(&mut self, st: &FileStat, tar_name: &str) -> io::Result<()> {
        let (parent, name) = tar_name.rsplit_once('/').map_or(("", tar_name), |(p, n)| (p, n));
        let wh = Self::child_name(parent, &format!(".wh.{name}"));
        let mut h = self.header(st, EntryType::Regular);
        h.set_mode(0o644);
        self.stats.whiteouts += 1;
        self.stats.entries += 1;
        self.builder.append_data(&mut h, wh, io::empty())
    }

    fn entry(&mut self, dir: BorrowedFd<'_>, name: &[u8], st: &FileStat, tar_name: &str) -> io::Result<()> {
        let fmt = SFlag::from_bits_truncate(st.st_mode & SFlag::S_IFMT.bits());
        let nofollow = OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        match fmt {
            SFlag::S_IFDIR => {
                let fd = openat(dir, name, OFlag::O_RDONLY | OFlag::O_DIRECTORY | nofollow, Mode::empty())
                    .map_err(|e| at_err("open", tar_name, e))?;
                let (xattrs, _, opaque) = self.xattrs(&fd);
                let mut h = self.header(st, EntryType::Directory);
                self.pax(&xattrs)?;
                self.stats.entries += 1;
                self.builder.append_data(&mut h, format!("{tar_name}/"), io::empty())?;
                if opaque && self.opts.overlay {
                    let mut h = self.header(st, EntryType::Regular);
                    h.set_mode(0o644);
                    self.stats.entries += 1;
                    self.builder.append_data(&mut h, format!("{tar_name}/.wh..wh..opq"), io::empty())?;
                }
                self.children(fd, tar_name)
            }
            SFlag::S_IFREG => {
                if st.st_nlink > 1 {
                    let key = (st.st_dev, st.st_ino);
                    if let Some(first) = self.links.get(&key).cloned() {
                        let mut h = self.header(st, EntryType::Link);
                        self.stats.entries += 1;
                        return self.builder.append_link(&mut h, tar_name, first);
                    }
                    self.links.insert(key, tar_name.to_string());
                }
                let fd = openat(dir, name, OFlag::O_RDONLY | OFlag::O_NONBLOCK | nofollow, Mode::empty())
                    .map_err(|e| at_err("open", tar_name, e))?;
                let (xattrs, whiteout, _) = self.xattrs(&fd);
                if whiteout && self.opts.overlay && st.st_size == 0 {
                    return self.whiteout(st, tar_name);
                }
                let file = File::from(fd);
                let size = file.metadata()?.len();
                let mut h = self.header(st, EntryType::Regular);
                h.set_size(size);
                self.pax(&xattrs)?;
                self.stats.entries += 1;
                self.stats.file_bytes += size;
                // A file that shrinks while it is read (a running
                // container) is padded, one that grows cut: the header's
                // size always holds.
                let body = file.take(size).chain(io::repeat(0).take(size));
                self.builder.append_data(&mut h, tar_name, body.take(size))
            }
            SFlag::S_IFLNK => {
                let target = readlinkat(dir, name).map_err(|e| at_err("readlink", tar_name, e))?;
                let mut h = self.header(st, EntryType::Symlink);
                self.stats.entries += 1;
                self.builder.append_link(&mut h, tar_name, target)
            }
            SFlag::S_IFCHR | SFlag::S_IFBLK => {
                let dev = st.st_rdev;
                if self.opts.overlay && fmt == SFlag::S_IFCHR && major(dev) == 0 && minor(dev) == 0 {
                    return self.whiteout(st, tar_name);
                }
                let kind = if fmt == SFlag::S_IFCHR { EntryType::Char } else { EntryType::Block };
                let mut h = self.header(st, kind);
                h.set_device_major(u32::try_from(major(dev)).unwrap_or(0))?;
                h.set_device_minor(u32::try_from(minor(dev)).unwrap_or(0))?;
                self.stats.entries += 1;
                self.builder.append_data(&mut h, tar_name, io::empty())
            }
            SFlag::S_IFIFO => {
                let mut h = self.header(st, EntryType::Fifo);
                self.stats.entries += 1;
                self.builder.append_data(&mut h, tar_name, io::empty())
            }
            _ => {
                log::debug!("not packing {tar_name}: a socket");
                Ok(())
            }
        }
    }
}
