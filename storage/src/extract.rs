//! Extraction of an uncompressed layer tar stream into a directory that
//! can serve as an overlay lower dir. This is the security-critical part of
//! the store: the tar comes from a registry and is hostile until proven
//! otherwise.
//!
//! # Path safety
//!
//! * Entry paths are normalised lexically (`./` and `.` dropped, `a/..`
//!   folded); an absolute path or one whose `..` leaves the layer root is
//!   refused with [`StorageError::UnsafePath`] naming the layer and entry.
//! * The parent directory of every entry is opened with `openat2(2)` and
//!   `RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV` relative
//!   to the layer root, so a symlink planted by an earlier entry (`link ->
//!   /`, `up -> ..`) resolves *inside* the layer: `link/etc/passwd` lands
//!   in `<layer>/etc/passwd`, never in the host's.
//! * The last component is created with `*at` calls relative to that
//!   parent fd, `O_CREAT | O_EXCL | O_NOFOLLOW` for files, and never
//!   followed (`AT_SYMLINK_NOFOLLOW` for owners and times). An existing
//!   name of another type is removed first (a directory only when replaced
//!   by a non-directory; an entry for an existing directory updates it).
//! * Hardlink targets are normalised the same way, their parent resolved
//!   in the root, and linked with `linkat` without `AT_SYMLINK_FOLLOW` (a
//!   hardlink to a symlink links the symlink itself).
//! * Extended attributes that drive overlayfs itself (`trusted.overlay.*`,
//!   `user.overlay.*`) are never taken from the tar: a layer could
//!   otherwise forge redirects or metacopy files.
//!
//! # Overlay conversion
//!
//! * `.wh.NAME` becomes an overlay whiteout for `NAME`: a character device
//!   0:0 (`mknodat`; unprivileged since Linux 5.8). When that fails (a file
//!   system or LSM that refuses it) the extractor falls back to the
//!   *xattr whiteout* of Linux >= 6.7 (Documentation/filesystems/
//!   overlayfs.rst, "whiteouts and opaque directories"): a zero-size
//!   regular file with the xattr `<prefix>whiteout`, its parent directory
//!   marked `<prefix>opaque=x` (unless already opaque `y`), where
//!   `<prefix>` is `user.overlay.` for rootless (`userxattr` mounts) and
//!   `trusted.overlay.` otherwise.
//! * `.wh..wh..opq` in `D` sets `<prefix>opaque=y` on `D`. Other
//!   `.wh..wh.*` (aufs metadata) are skipped. No `.wh.*` name ever appears
//!   in the extracted tree.
//!
//! # Metadata
//!
//! Owners from the tar (PAX `uid`/`gid` win) are applied with
//! `fchown`/`fchownat(AT_SYMLINK_NOFOLLOW)`; inside rpod's user namespace
//! these are the image's IDs, and an ID outside the namespace's map
//! (EINVAL) is reported as [`StorageError::UnmappedId`]. Modes (with
//! setuid/setgid/sticky) are set after the owner (chown clears them),
//! xattrs from PAX `SCHILY.xattr.*` after that (`security.*`/`trusted.*`
//! that the kernel refuses are skipped with a debug log), then atime/mtime
//! (PAX fractional times honoured). Directories are created `0700` and get
//! their final mode and times in a last pass, deepest first, after their
//! content is complete. Character and block devices that cannot be
//! created (EPERM, rootless) are skipped with a debug log.
//!
//! The whole stream is read to its end (trailing padding included) so that
//! the caller's hash of it is the layer's diff ID.
//!
//! # tar-split
//!
//! [`extract_with_tar_split`] also records everything of the stream that is
//! not regular-file content (see [`crate::tarsplit`]) so the exact stream
//! can be re-assembled later. In that mode an entry that a later entry of
//! the same tar replaces is moved into a scratch directory instead of
//! deleted when it is a file or directory (its content may be referenced),
//! and when anything was replaced the record is checked and repaired at
//! the end.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use nix::errno::Errno;
use nix::fcntl::{openat, renameat, AtFlags, OFlag, ResolveFlag};
use nix::sys::stat::{
    fchmod, fchmodat, fstat, fstatat, futimens, makedev, mkdirat, mknodat, utimensat, FchmodatFlags, Mode, SFlag,
    UtimensatFlags,
};
use nix::sys::time::TimeSpec;
use nix::unistd::{fchown, fchownat, linkat, symlinkat, Gid, Uid};
use rustix::fs::XattrFlags;
use tar::EntryType;

use crate::error::{Result, StorageError};
use crate::fsutil::{errno_io, remove_tree_at};
use crate::tarsplit::{self, Recorder, TapReader};

/// Size of the buffer file contents are copied through, and of the read
/// buffer in front of the tar parser.
const COPY_BUF: usize = 1 << 20;

/// How to extract.
#[derive(Debug, Clone)]
pub struct ExtractOptions<'a> {
    /// Names the layer in errors (its diff ID).
    pub layer: &'a str,
    /// Whiteouts/opaque dirs in the `userxattr` form (`user.overlay.*`)
    /// rather than `trusted.overlay.*`.
    pub rootless_xattrs: bool,
    /// Test hook: write xattr whiteouts without trying the 0:0 device.
    #[doc(hidden)]
    pub force_xattr_whiteouts: bool,
    /// Owners outside the user namespace are not an error: such entries
    /// keep the extractor's own IDs (storage.conf's `ignore_chown_errors`).
    pub ignore_chown_errors: bool,
    /// How far one layer may expand.
    pub limits: ExtractLimits,
}

/// Bounds on what one layer may expand to: a small compressed blob can
/// claim terabytes of file content (sparse holes are written out) or
/// millions of entries. Past either, extraction stops with
/// [`StorageError::TooLarge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractLimits {
    /// Bytes of regular file content (holes of sparse files included).
    pub max_bytes: u64,
    /// Tar entries.
    pub max_entries: u64,
}

impl ExtractLimits {
    /// Generous: far beyond real images (the largest public ones are tens
    /// of GiB and a few hundred thousand files).
    pub const DEFAULT: ExtractLimits = ExtractLimits { max_bytes: 512 << 30, max_entries: 10_000_000 };
}

impl Default for ExtractLimits {
    fn default() -> Self {
        ExtractLimits::DEFAULT
    }
}

/// What an extraction did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractStats {
    /// Tar entries processed (GNU/PAX meta entries not counted).
    pub entries: u64,
    /// Bytes of regular file content written.
    pub file_bytes: u64,
    /// Whiteouts written as 0:0 character devices.
    pub whiteouts: u64,
    /// Whiteouts written in the xattr form.
    pub xattr_whiteouts: u64,
    /// Directories made opaque.
    pub opaque_dirs: u64,
    /// Device nodes skipped because they could not be created.
    pub skipped_devices: u64,
    /// Extended attributes skipped (refused by the kernel or overlay's own).
    pub skipped_xattrs: u64,
    /// Entries whose unmapped owner was replaced by the extractor's own
    /// (`ignore_chown_errors`).
    pub squashed_owners: u64,
}

/// Where [`extract_with_tar_split`] records the tar-split.
#[derive(Debug, Clone, Copy)]
pub struct TarSplitOptions<'a> {
    /// The tar-split file to create (must not exist yet).
    pub output: &'a Path,
    /// An existing directory on the file system of `root`, outside it:
    /// files and directories that later entries of the same tar replace
    /// are moved here rather than deleted. The caller removes it.
    pub scratch: &'a Path,
}

/// Extracts the uncompressed tar stream `tar` into the existing, empty
/// directory `root`, reading the stream to its end.
pub fn extract(root: &Path, tar: &mut dyn Read, opts: &ExtractOptions<'_>) -> Result<ExtractStats> {
    let root_fd = open_dir_fd(root).map_err(|e| StorageError::io("open", root, e))?;
    let mut x = Extractor::new(Rc::new(root_fd), opts);
    x.run(BufReader::with_capacity(COPY_BUF, tar))?;
    x.finish_dirs()?;
    Ok(x.stats)
}

/// [`extract`], recording the stream's tar-split at `split.output`: with
/// it and the extracted files, [`crate::tarsplit::LayerTar`] re-assembles
/// the exact stream.
pub fn extract_with_tar_split(
    root: &Path,
    tar: &mut dyn Read,
    opts: &ExtractOptions<'_>,
    split: &TarSplitOptions<'_>,
) -> Result<ExtractStats> {
    let root_fd = open_dir_fd(root).map_err(|e| StorageError::io("open", root, e))?;
    let scratch = open_dir_fd(split.scratch).map_err(|e| StorageError::io("open", split.scratch, e))?;
    let (rec, tap) = Recorder::create(split.output).map_err(|e| StorageError::io("create", split.output, e))?;
    let mut x = Extractor::new(Rc::new(root_fd), opts);
    x.split = Some(Split { rec, inos: Vec::new(), scratch, moved: 0, replaced: 0 });
    let ran = x.run(TapReader { inner: BufReader::with_capacity(COPY_BUF, tar), tap });
    let s = x.split.take().expect("set above");
    if let Err(e) = ran {
        return Err(match s.rec.take_error() {
            Some(we) => StorageError::io("write", split.output, we),
            None => e,
        });
    }
    s.rec.finish().map_err(|e| StorageError::io("write", split.output, e))?;
    if s.replaced > 0 {
        // Before the directories get their final (possibly unreadable) modes.
        let n = tarsplit::repair(split.output, x.root.as_fd(), s.scratch.as_fd(), &s.inos)
            .map_err(|e| StorageError::io("check the tar-split", split.output, e))?;
        log::debug!(
            "layer {}: {} entries replaced by later ones; {n} file(s) inlined in the tar-split",
            opts.layer,
            s.replaced
        );
    }
    x.finish_dirs()?;
    Ok(x.stats)
}

/// How [`extract_copy`] writes (`rpod cp`).
#[derive(Debug, Clone)]
pub struct CopyOptions<'a> {
    /// Names the copy in errors.
    pub what: &'a str,
    /// See [`ExtractOptions::ignore_chown_errors`].
    pub ignore_chown_errors: bool,
    /// Every entry gets this owner instead of the tar's.
    pub owner: Option<(u64, u64)>,
}

/// Extracts a tar stream of plain files (`rpod cp`) into the directory
/// `dir`: the same path safety as [`extract`] (every parent resolved with
/// `RESOLVE_IN_ROOT` relative to `dir`, the last component never
/// followed), but names are taken as they are (`.wh.*` is an ordinary
/// file here) and mount points below `dir` (a container's volumes) are
/// crossed.
pub fn extract_copy(dir: OwnedFd, tar: &mut dyn Read, opts: &CopyOptions<'_>) -> Result<ExtractStats> {
    let x_opts = ExtractOptions {
        layer: opts.what,
        rootless_xattrs: false,
        force_xattr_whiteouts: false,
        ignore_chown_errors: opts.ignore_chown_errors,
        limits: ExtractLimits::DEFAULT,
    };
    let mut x = Extractor::new(Rc::new(dir), &x_opts);
    x.whiteouts = false;
    x.owner = opts.owner;
    x.resolve = ResolveFlag::RESOLVE_IN_ROOT | ResolveFlag::RESOLVE_NO_MAGICLINKS;
    x.run(BufReader::with_capacity(COPY_BUF, tar))?;
    x.finish_dirs()?;
    Ok(x.stats)
}

fn open_dir_fd(path: &Path) -> io::Result<OwnedFd> {
    nix::fcntl::open(path, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty()).map_err(errno_io)
}

/// Normalises a tar path into `out`: components joined by `/`, no leading
/// or trailing slash, `""` for the root. Fails when absolute or escaping.
fn normalize(raw: &[u8], out: &mut Vec<u8>) -> std::result::Result<(), &'static str> {
    out.clear();
    if raw.first() == Some(&b'/') {
        return Err("absolute path");
    }
    if raw.contains(&0) {
        return Err("NUL byte in path");
    }
    for comp in raw.split(|&b| b == b'/') {
        match comp {
            b"" | b"." => {}
            b".." => {
                if out.is_empty() {
                    return Err("path leaves the layer (..)");
                }
                let cut = out.iter().rposition(|&b| b == b'/').unwrap_or(0);
                out.truncate(cut);
            }
            c => {
                if !out.is_empty() {
                    out.push(b'/');
                }
                out.extend_from_slice(c);
            }
        }
    }
    Ok(())
}

/// `(parent, name)` of a normalised non-empty path.
fn split_last(path: &[u8]) -> (&[u8], &[u8]) {
    match path.iter().rposition(|&b| b == b'/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => (&[], path),
    }
}

fn depth(path: &[u8]) -> usize {
    if path.is_empty() {
        0
    } else {
        1 + path.iter().filter(|&&b| b == b'/').count()
    }
}

/// Parses a PAX time (`1704067200`, `1704067200.5`, `-1.25`).
fn parse_pax_time(v: &[u8]) -> Option<TimeSpec> {
    let s = std::str::from_utf8(v).ok()?.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let secs: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    if !frac.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let nanos = frac.bytes().chain(std::iter::repeat(b'0')).take(9).fold(0i64, |n, c| n * 10 + i64::from(c - b'0'));
    let (secs, nanos) = match (neg, nanos) {
        (false, n) => (secs, n),
        (true, 0) => (-secs, 0),
        (true, n) => (-secs - 1, 1_000_000_000 - n),
    };
    Some(TimeSpec::new(secs, nanos))
}

fn parse_pax_u64(v: &[u8]) -> Option<u64> {
    std::str::from_utf8(v).ok()?.trim().parse().ok()
}

/// Metadata of one entry, from the header and its PAX records.
struct Meta {
    mode: u32,
    uid: u64,
    gid: u64,
    atime: TimeSpec,
    mtime: TimeSpec,
    xattrs: Vec<(Vec<u8>, Vec<u8>)>,
}

/// A directory whose mode and times are set in the final pass.
struct PendingDir {
    start: usize,
    end: usize,
    mode: u32,
    atime: TimeSpec,
    mtime: TimeSpec,
}

/// The tar-split being recorded.
struct Split {
    rec: Recorder,
    /// The inode of each FILE record's file, in record order.
    inos: Vec<u64>,
    /// Where replaced files and directories go.
    scratch: OwnedFd,
    /// Entries moved into `scratch` (and its next free name).
    moved: u64,
    /// Entries that later entries replaced (moved or removed).
    replaced: u64,
}

/// Where to apply metadata: an open fd, or a name in a directory.
enum Target<'a> {
    Fd(BorrowedFd<'a>),
    At(BorrowedFd<'a>, &'a [u8]),
}

struct Extractor<'a> {
    root: Rc<OwnedFd>,
    layer: &'a str,
    prefix: &'static str,
    force_xattr_whiteouts: bool,
    ignore_chown_errors: bool,
    limits: ExtractLimits,
    /// None = not tried yet.
    mknod_whiteouts: Option<bool>,
    /// `.wh.*` entries are overlay whiteouts (layers), not files (`cp`).
    whiteouts: bool,
    /// How parents are resolved (layers: never across a mount).
    resolve: ResolveFlag,
    /// Overrides the tar's owners.
    owner: Option<(u64, u64)>,
    buf: Vec<u8>,
    raw: Vec<u8>,
    path: Vec<u8>,
    link: Vec<u8>,
    /// The last parent directory opened, by normalised path.
    cache: Option<(Vec<u8>, Rc<OwnedFd>)>,
    dirs: Vec<PendingDir>,
    dir_paths: Vec<u8>,
    euid: u64,
    egid: u64,
    stats: ExtractStats,
    split: Option<Split>,
}

impl<'a> Extractor<'a> {
    fn new(root: Rc<OwnedFd>, opts: &ExtractOptions<'a>) -> Extractor<'a> {
        Extractor {
            root,
            layer: opts.layer,
            prefix: if opts.rootless_xattrs { "user.overlay." } else { "trusted.overlay." },
            force_xattr_whiteouts: opts.force_xattr_whiteouts,
            ignore_chown_errors: opts.ignore_chown_errors,
            limits: opts.limits,
            mknod_whiteouts: None,
            whiteouts: true,
            resolve: tarsplit::LAYER_RESOLVE,
            owner: None,
            buf: vec![0u8; COPY_BUF],
            raw: Vec::with_capacity(256),
            path: Vec::with_capacity(256),
            link: Vec::with_capacity(256),
            cache: None,
            dirs: Vec::new(),
            dir_paths: Vec::new(),
            euid: u64::from(nix::unistd::geteuid().as_raw()),
            egid: u64::from(nix::unistd::getegid().as_raw()),
            stats: ExtractStats::default(),
            split: None,
        }
    }

    /// Extracts every entry of the stream and reads it to its end.
    fn run<R: Read>(&mut self, reader: R) -> Result<()> {
        let mut archive = tar::Archive::new(crate::targuard::HeaderGuard::new(reader));
        let layer = self.layer;
        let read_err = |source: io::Error| StorageError::Read { layer: layer.to_string(), source };
        {
            let entries = archive.entries().map_err(read_err)?;
            for entry in entries {
                let mut entry = entry.map_err(read_err)?;
                self.entry(&mut entry)?;
            }
        }
        // The end-of-archive blocks and any padding belong to the diff ID too.
        let mut rest = archive.into_inner();
        io::copy(&mut rest, &mut io::sink()).map_err(read_err)?;
        Ok(())
    }

    fn entry_err(&self, entry: &[u8], what: &'static str, e: impl Into<io::Error>) -> StorageError {
        StorageError::Entry {
            layer: self.layer.to_string(),
            entry: String::from_utf8_lossy(entry).into_owned(),
            what,
            source: e.into(),
        }
    }

    fn unsafe_path(&self, entry: &[u8], reason: &'static str) -> StorageError {
        StorageError::UnsafePath {
            layer: self.layer.to_string(),
            entry: String::from_utf8_lossy(entry).into_owned(),
            reason,
        }
    }

    fn too_large(&self, what: &'static str) -> StorageError {
        let (limit, option) = if what == "the number of entries" {
            (self.limits.max_entries, "layer_max_entries")
        } else {
            (self.limits.max_bytes, "layer_max_bytes")
        };
        StorageError::TooLarge { layer: self.layer.to_string(), what, limit, option }
    }

    fn read_err(&self, e: io::Error) -> StorageError {
        StorageError::Read { layer: self.layer.to_string(), source: e }
    }

    fn entry<R: Read>(&mut self, entry: &mut tar::Entry<'_, R>) -> Result<()> {
        let kind = entry.header().entry_type();
        if kind.is_pax_global_extensions() {
            return Ok(());
        }
        let mut meta = self.meta(entry)?;
        let mut raw = std::mem::take(&mut self.raw);
        raw.clear();
        raw.extend_from_slice(&entry.path_bytes());
        let mut path = std::mem::take(&mut self.path);
        let res = match normalize(&raw, &mut path) {
            Ok(()) if self.stats.entries >= self.limits.max_entries => Err(self.too_large("the number of entries")),
            Ok(()) => {
                self.stats.entries += 1;
                self.dispatch(entry, kind, &raw, &path, &mut meta)
            }
            Err(r) => Err(self.unsafe_path(&raw, r)),
        };
        self.raw = raw;
        self.path = path;
        res
    }

    fn meta<R: Read>(&self, entry: &mut tar::Entry<'_, R>) -> Result<Meta> {
        let h = entry.header();
        let bad = |what: &'static str, e: io::Error| self.entry_err(&entry.path_bytes(), what, e);
        let mode = h.mode().map_err(|e| bad("mode", e))? & 0o7777;
        let uid = h.uid().map_err(|e| bad("uid", e))?;
        let gid = h.gid().map_err(|e| bad("gid", e))?;
        let secs = h.mtime().map_err(|e| bad("mtime", e))?;
        let mtime = TimeSpec::new(i64::try_from(secs).unwrap_or(i64::MAX), 0);
        let mut m = Meta { mode, uid, gid, atime: mtime, mtime, xattrs: Vec::new() };
        let mut atime = None;
        let layer = self.layer;
        if let Some(exts) = entry.pax_extensions().map_err(|e| StorageError::Read { layer: layer.into(), source: e })? {
            for ext in exts {
                let ext = ext.map_err(|e| StorageError::Read { layer: layer.into(), source: e })?;
                let key = ext.key_bytes();
                let v = ext.value_bytes();
                match key {
                    b"uid" => m.uid = parse_pax_u64(v).unwrap_or(m.uid),
                    b"gid" => m.gid = parse_pax_u64(v).unwrap_or(m.gid),
                    b"mtime" => m.mtime = parse_pax_time(v).unwrap_or(m.mtime),
                    b"atime" => atime = parse_pax_time(v),
                    _ => {
                        if let Some(name) = key.strip_prefix(b"SCHILY.xattr.") {
                            m.xattrs.push((name.to_vec(), v.to_vec()));
                        }
                    }
                }
            }
        }
        m.atime = atime.unwrap_or(m.mtime);
        if let Some((uid, gid)) = self.owner {
            (m.uid, m.gid) = (uid, gid);
        }
        Ok(m)
    }

    fn dispatch<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
        kind: EntryType,
        raw: &[u8],
        path: &[u8],
        meta: &mut Meta,
    ) -> Result<()> {
        if path.is_empty() {
            if kind != EntryType::Directory {
                return Err(self.unsafe_path(raw, "a non-directory entry for the layer root"));
            }
            let fd = reopen_dir(self.root.as_fd()).map_err(|e| self.entry_err(raw, "open", e))?;
            self.apply_dir_meta(fd.as_fd(), raw, path, meta, false)?;
            return Ok(());
        }
        let (parent, name) = split_last(path);
        if let Some(target) = name.strip_prefix(b".wh.").filter(|_| self.whiteouts) {
            let dir = self.parent_fd(parent, true, raw)?;
            return self.whiteout(&dir, target, raw);
        }
        match kind {
            EntryType::Regular | EntryType::Continuous | EntryType::GNUSparse => {
                let dir = self.parent_fd(parent, true, raw)?;
                self.file(&dir, name, entry, kind, raw, path, meta)
            }
            EntryType::Directory => {
                let dir = self.parent_fd(parent, true, raw)?;
                self.directory(&dir, name, raw, path, meta)
            }
            EntryType::Symlink => {
                let target = match entry.link_name_bytes() {
                    Some(t) if !t.is_empty() => t.into_owned(),
                    _ => return Err(self.entry_err(raw, "symlink", io::Error::other("no link target"))),
                };
                let dir = self.parent_fd(parent, true, raw)?;
                self.symlink(&dir, name, &target, raw, meta)
            }
            EntryType::Link => {
                let target = match entry.link_name_bytes() {
                    Some(t) => t.into_owned(),
                    None => return Err(self.entry_err(raw, "hardlink", io::Error::other("no link target"))),
                };
                let dir = self.parent_fd(parent, true, raw)?;
                self.hardlink(&dir, name, &target, raw, path)
            }
            EntryType::Fifo | EntryType::Char | EntryType::Block => {
                let dir = self.parent_fd(parent, true, raw)?;
                self.node(&dir, name, entry, kind, raw, meta)
            }
            other => {
                log::debug!(
                    "layer {}: skipping entry {:?} of tar type {:?}",
                    self.layer,
                    String::from_utf8_lossy(raw),
                    other
                );
                Ok(())
            }
        }
    }

    // ---- directories and path resolution ----

    /// `openat2` in the layer root (`RESOLVE_IN_ROOT`, no magic links, no
    /// mount crossing), retrying the EAGAIN that a concurrent rename
    /// elsewhere in the system can cause. [`tarsplit::LayerTar`] resolves
    /// the same way.
    fn open_in_root(&self, path: &[u8], flags: OFlag) -> std::result::Result<OwnedFd, Errno> {
        tarsplit::open_in_root_with(self.root.as_fd(), path, flags, self.resolve)
    }

    /// The directory `parent` (normalised, relative to the root), resolved
    /// inside the root; missing directories are created (`0755`) when
    /// `create`.
    fn parent_fd(&mut self, parent: &[u8], create: bool, raw: &[u8]) -> Result<Rc<OwnedFd>> {
        if parent.is_empty() {
            return Ok(self.root.clone());
        }
        if let Some((p, fd)) = &self.cache {
            if p.as_slice() == parent {
                return Ok(fd.clone());
            }
        }
        let flags = OFlag::O_PATH | OFlag::O_DIRECTORY;
        let fd = match self.open_in_root(parent, flags) {
            Ok(fd) => fd,
            Err(Errno::ENOENT) if create => self.create_parents(parent, raw)?,
            Err(Errno::ENOSYS) => {
                return Err(self.entry_err(raw, "openat2 (Linux 5.6 or later needed)", errno_io(Errno::ENOSYS)))
            }
            Err(e) => return Err(self.entry_err(raw, "resolve parent directory", errno_io(e))),
        };
        let fd = Rc::new(fd);
        match &mut self.cache {
            Some((p, f)) => {
                p.clear();
                p.extend_from_slice(parent);
                *f = fd.clone();
            }
            None => self.cache = Some((parent.to_vec(), fd.clone())),
        }
        Ok(fd)
    }

    fn create_parents(&mut self, parent: &[u8], raw: &[u8]) -> Result<OwnedFd> {
        let flags = OFlag::O_PATH | OFlag::O_DIRECTORY;
        let mut cur: Option<OwnedFd> = None;
        let mut start = 0;
        loop {
            let end = parent[start..].iter().position(|&b| b == b'/').map_or(parent.len(), |i| start + i);
            let prefix = &parent[..end];
            let comp = &parent[start..end];
            match self.open_in_root(prefix, flags) {
                Ok(fd) => cur = Some(fd),
                Err(Errno::ENOENT) => {
                    let base = cur.as_ref().map_or(self.root.as_fd(), |f| f.as_fd());
                    match mkdirat(base, comp, Mode::from_bits_truncate(0o755)) {
                        Ok(()) => {}
                        Err(Errno::EEXIST) => {
                            return Err(self.entry_err(
                                raw,
                                "create parent directory (a dangling symlink is in the way)",
                                errno_io(Errno::EEXIST),
                            ))
                        }
                        Err(e) => return Err(self.entry_err(raw, "create parent directory", errno_io(e))),
                    }
                    fchmodat(base, comp, Mode::from_bits_truncate(0o755), FchmodatFlags::FollowSymlink)
                        .map_err(|e| self.entry_err(raw, "chmod parent directory", errno_io(e)))?;
                    let fd = openat(base, comp, flags | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC, Mode::empty())
                        .map_err(|e| self.entry_err(raw, "open parent directory", errno_io(e)))?;
                    cur = Some(fd);
                }
                Err(e) => return Err(self.entry_err(raw, "resolve parent directory", errno_io(e))),
            }
            if end == parent.len() {
                break;
            }
            start = end + 1;
        }
        Ok(cur.expect("parent is not empty"))
    }

    /// Makes room for a new entry `name` in `dir`: an existing directory
    /// is kept when `keep_dir` (returns true), anything else removed.
    fn clear_slot(&mut self, dir: BorrowedFd<'_>, name: &[u8], keep_dir: bool, raw: &[u8]) -> Result<bool> {
        let st = match fstatat(dir, name, AtFlags::AT_SYMLINK_NOFOLLOW) {
            Ok(st) => st,
            Err(Errno::ENOENT) => return Ok(false),
            Err(e) => return Err(self.entry_err(raw, "lstat", errno_io(e))),
        };
        let fmt = st.st_mode & SFlag::S_IFMT.bits();
        let is_dir = fmt == SFlag::S_IFDIR.bits();
        if is_dir && keep_dir {
            return Ok(true);
        }
        // Anything cached below a removed directory is stale.
        self.cache = None;
        if let Some(s) = &mut self.split {
            // Recording a tar-split: file content may be referenced, keep it.
            s.replaced += 1;
            if is_dir || fmt == SFlag::S_IFREG.bits() {
                let to = s.moved.to_string();
                s.moved += 1;
                let r = renameat(dir, name, s.scratch.as_fd(), to.as_str());
                return match r {
                    Ok(()) => Ok(false),
                    Err(e) => Err(self.entry_err(raw, "move the replaced entry aside", errno_io(e))),
                };
            }
        }
        remove_tree_at(dir, name).map_err(|e| self.entry_err(raw, "remove the existing entry", e))?;
        Ok(false)
    }

    fn directory(&mut self, dir: &OwnedFd, name: &[u8], raw: &[u8], path: &[u8], meta: &Meta) -> Result<()> {
        let fresh = match mkdirat(dir.as_fd(), name, Mode::from_bits_truncate(0o700)) {
            Ok(()) => true,
            Err(Errno::EEXIST) => {
                if self.clear_slot(dir.as_fd(), name, true, raw)? {
                    false
                } else {
                    mkdirat(dir.as_fd(), name, Mode::from_bits_truncate(0o700))
                        .map_err(|e| self.entry_err(raw, "mkdir", errno_io(e)))?;
                    true
                }
            }
            Err(e) => return Err(self.entry_err(raw, "mkdir", errno_io(e))),
        };
        let fd = openat(
            dir.as_fd(),
            name,
            OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
            Mode::empty(),
        )
        .map_err(|e| self.entry_err(raw, "open directory", errno_io(e)))?;
        self.apply_dir_meta(fd.as_fd(), raw, path, meta, fresh)
    }

    fn apply_dir_meta(&mut self, fd: BorrowedFd<'_>, raw: &[u8], path: &[u8], meta: &Meta, fresh: bool) -> Result<()> {
        self.chown(Target::Fd(fd), raw, meta, fresh)?;
        self.xattrs(Target::Fd(fd), raw, meta)?;
        let start = self.dir_paths.len();
        self.dir_paths.extend_from_slice(path);
        self.dirs.push(PendingDir {
            start,
            end: self.dir_paths.len(),
            mode: meta.mode,
            atime: meta.atime,
            mtime: meta.mtime,
        });
        Ok(())
    }

    /// Sets directories' modes and times, deepest first, once their
    /// content is complete. Later entries for the same directory win.
    fn finish_dirs(&mut self) -> Result<()> {
        let mut dirs = std::mem::take(&mut self.dirs);
        let paths = std::mem::take(&mut self.dir_paths);
        dirs.sort_by_key(|d| std::cmp::Reverse(depth(&paths[d.start..d.end])));
        self.cache = None;
        for d in &dirs {
            let path = &paths[d.start..d.end];
            let fd = if path.is_empty() {
                reopen_dir(self.root.as_fd()).map_err(|e| self.entry_err(path, "open", e))?
            } else {
                let (parent, name) = split_last(path);
                let pfd = if parent.is_empty() {
                    self.root.clone()
                } else {
                    match self.open_in_root(parent, OFlag::O_PATH | OFlag::O_DIRECTORY) {
                        Ok(fd) => Rc::new(fd),
                        // Removed or replaced by a later entry.
                        Err(Errno::ENOENT | Errno::ENOTDIR) => continue,
                        Err(e) => return Err(self.entry_err(path, "resolve directory", errno_io(e))),
                    }
                };
                let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
                match openat(pfd.as_fd(), name, flags, Mode::empty()) {
                    Ok(fd) => fd,
                    Err(Errno::ENOENT | Errno::ENOTDIR | Errno::ELOOP) => continue,
                    Err(e) => return Err(self.entry_err(path, "open directory", errno_io(e))),
                }
            };
            fchmod(fd.as_fd(), Mode::from_bits_truncate(d.mode))
                .map_err(|e| self.entry_err(path, "chmod directory", errno_io(e)))?;
            futimens(fd.as_fd(), &d.atime, &d.mtime)
                .map_err(|e| self.entry_err(path, "set directory times", errno_io(e)))?;
        }
        Ok(())
    }

    // ---- non-directories ----

    #[allow(clippy::too_many_arguments)]
    fn file<R: Read>(
        &mut self,
        dir: &OwnedFd,
        name: &[u8],
        entry: &mut tar::Entry<'_, R>,
        kind: EntryType,
        raw: &[u8],
        path: &[u8],
        meta: &Meta,
    ) -> Result<()> {
        let flags = OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        let mode = Mode::from_bits_truncate(0o600);
        let fd = match openat(dir.as_fd(), name, flags, mode) {
            Ok(fd) => fd,
            Err(Errno::EEXIST) => {
                self.clear_slot(dir.as_fd(), name, false, raw)?;
                openat(dir.as_fd(), name, flags, mode).map_err(|e| self.entry_err(raw, "create", errno_io(e)))?
            }
            Err(e) => return Err(self.entry_err(raw, "create", errno_io(e))),
        };
        let mut f = File::from(fd);
        // Regular content lands verbatim in this file: the tar-split refers
        // to it instead of copying it (sparse files stay inline).
        let size = entry.size();
        let recorded = match &mut self.split {
            Some(s) if size > 0 && matches!(kind, EntryType::Regular | EntryType::Continuous) => {
                s.rec.file(entry.raw_file_position(), size, path)
            }
            _ => Ok(false),
        }
        .map_err(|e| self.entry_err(raw, "record tar-split", e))?;
        let mut buf = std::mem::take(&mut self.buf);
        // What the layer may still write (checked before each write: a
        // sparse file's holes come out of the reader as zeros).
        let room = self.limits.max_bytes.saturating_sub(self.stats.file_bytes);
        let copied = (|| {
            let mut total = 0u64;
            loop {
                let n = match entry.read(&mut buf) {
                    Ok(0) => return Ok(total),
                    Ok(n) => n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(self.read_err(e)),
                };
                if total + n as u64 > room {
                    return Err(self.too_large("the size of its files"));
                }
                f.write_all(&buf[..n]).map_err(|e| self.entry_err(raw, "write", e))?;
                total += n as u64;
            }
        })();
        self.buf = buf;
        let copied = copied?;
        self.stats.file_bytes += copied;
        if recorded {
            if copied != size {
                return Err(self.read_err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("entry {:?}: {copied} of {size} bytes of content", String::from_utf8_lossy(raw)),
                )));
            }
            let ino = fstat(f.as_fd()).map_err(|e| self.entry_err(raw, "stat", errno_io(e)))?.st_ino;
            if let Some(s) = &mut self.split {
                s.inos.push(ino);
            }
        }
        self.chown(Target::Fd(f.as_fd()), raw, meta, true)?;
        fchmod(f.as_fd(), Mode::from_bits_truncate(meta.mode))
            .map_err(|e| self.entry_err(raw, "chmod", errno_io(e)))?;
        self.xattrs(Target::Fd(f.as_fd()), raw, meta)?;
        futimens(f.as_fd(), &meta.atime, &meta.mtime).map_err(|e| self.entry_err(raw, "set times", errno_io(e)))?;
        Ok(())
    }

    fn symlink(&mut self, dir: &OwnedFd, name: &[u8], target: &[u8], raw: &[u8], meta: &Meta) -> Result<()> {
        match symlinkat(target, dir.as_fd(), name) {
            Ok(()) => {}
            Err(Errno::EEXIST) => {
                self.clear_slot(dir.as_fd(), name, false, raw)?;
                symlinkat(target, dir.as_fd(), name).map_err(|e| self.entry_err(raw, "symlink", errno_io(e)))?;
            }
            Err(e) => return Err(self.entry_err(raw, "symlink", errno_io(e))),
        }
        self.chown(Target::At(dir.as_fd(), name), raw, meta, true)?;
        self.xattrs(Target::At(dir.as_fd(), name), raw, meta)?;
        utimensat(dir.as_fd(), name, &meta.atime, &meta.mtime, UtimensatFlags::NoFollowSymlink)
            .map_err(|e| self.entry_err(raw, "set times", errno_io(e)))?;
        Ok(())
    }

    fn hardlink(&mut self, dir: &OwnedFd, name: &[u8], target_raw: &[u8], raw: &[u8], path: &[u8]) -> Result<()> {
        let mut target = std::mem::take(&mut self.link);
        let res = (|| {
            normalize(target_raw, &mut target).map_err(|r| self.unsafe_path(raw, hardlink_reason(r)))?;
            if target.is_empty() {
                return Err(self.unsafe_path(raw, "hardlink to the layer root"));
            }
            if target.as_slice() == path {
                return Ok(());
            }
            let (tparent, tname) = split_last(&target);
            let tdir = match self.parent_fd(tparent, false, raw) {
                Ok(fd) => fd,
                Err(StorageError::Entry { source, .. }) => {
                    return Err(self.entry_err(raw, "hardlink target's directory", source))
                }
                Err(e) => return Err(e),
            };
            match linkat(tdir.as_fd(), tname, dir.as_fd(), name, AtFlags::empty()) {
                Ok(()) => Ok(()),
                Err(Errno::EEXIST) => {
                    self.clear_slot(dir.as_fd(), name, false, raw)?;
                    linkat(tdir.as_fd(), tname, dir.as_fd(), name, AtFlags::empty())
                        .map_err(|e| self.entry_err(raw, "hardlink", errno_io(e)))
                }
                Err(e) => Err(self.entry_err(raw, "hardlink", errno_io(e))),
            }
        })();
        self.link = target;
        res
    }

    fn node<R: Read>(
        &mut self,
        dir: &OwnedFd,
        name: &[u8],
        entry: &tar::Entry<'_, R>,
        kind: EntryType,
        raw: &[u8],
        meta: &Meta,
    ) -> Result<()> {
        let (sflag, dev) = match kind {
            EntryType::Fifo => (SFlag::S_IFIFO, 0),
            _ => {
                let h = entry.header();
                let major = h.device_major().map_err(|e| self.entry_err(raw, "device number", e))?.unwrap_or(0);
                let minor = h.device_minor().map_err(|e| self.entry_err(raw, "device number", e))?.unwrap_or(0);
                let f = if kind == EntryType::Char { SFlag::S_IFCHR } else { SFlag::S_IFBLK };
                (f, makedev(u64::from(major), u64::from(minor)))
            }
        };
        let perm = Mode::from_bits_truncate(0o600);
        let mut res = mknodat(dir.as_fd(), name, sflag, perm, dev);
        if res == Err(Errno::EEXIST) {
            self.clear_slot(dir.as_fd(), name, false, raw)?;
            res = mknodat(dir.as_fd(), name, sflag, perm, dev);
        }
        match res {
            Ok(()) => {}
            Err(Errno::EPERM | Errno::EACCES) if sflag != SFlag::S_IFIFO => {
                log::debug!(
                    "layer {}: skipping device node {:?}: not permitted here",
                    self.layer,
                    String::from_utf8_lossy(raw)
                );
                self.stats.skipped_devices += 1;
                return Ok(());
            }
            Err(e) => return Err(self.entry_err(raw, "mknod", errno_io(e))),
        }
        self.chown(Target::At(dir.as_fd(), name), raw, meta, true)?;
        // The node was just created by us in the private staging tree;
        // following is harmless and works where NOFOLLOW chmod does not.
        fchmodat(dir.as_fd(), name, Mode::from_bits_truncate(meta.mode), FchmodatFlags::FollowSymlink)
            .map_err(|e| self.entry_err(raw, "chmod", errno_io(e)))?;
        self.xattrs(Target::At(dir.as_fd(), name), raw, meta)?;
        utimensat(dir.as_fd(), name, &meta.atime, &meta.mtime, UtimensatFlags::NoFollowSymlink)
            .map_err(|e| self.entry_err(raw, "set times", errno_io(e)))?;
        Ok(())
    }

    // ---- whiteouts ----

    fn whiteout(&mut self, dir: &OwnedFd, target: &[u8], raw: &[u8]) -> Result<()> {
        if target == b".wh..opq" {
            let d = reopen_dir(dir.as_fd()).map_err(|e| self.entry_err(raw, "open directory", e))?;
            let name = format!("{}opaque", self.prefix);
            rustix::fs::fsetxattr(&d, name.as_str(), b"y", XattrFlags::empty())
                .map_err(|e| self.entry_err(raw, "mark directory opaque", io::Error::from(e)))?;
            self.stats.opaque_dirs += 1;
            return Ok(());
        }
        if target.starts_with(b".wh.") {
            log::debug!("layer {}: skipping aufs metadata {:?}", self.layer, String::from_utf8_lossy(raw));
            return Ok(());
        }
        if target.is_empty() || target == b"." || target == b".." {
            return Err(self.unsafe_path(raw, "whiteout without a name"));
        }
        self.clear_slot(dir.as_fd(), target, false, raw)?;
        if !self.force_xattr_whiteouts && self.mknod_whiteouts != Some(false) {
            match mknodat(dir.as_fd(), target, SFlag::S_IFCHR, Mode::empty(), makedev(0, 0)) {
                Ok(()) => {
                    self.mknod_whiteouts = Some(true);
                    self.stats.whiteouts += 1;
                    return Ok(());
                }
                Err(e @ (Errno::EPERM | Errno::EACCES | Errno::EINVAL | Errno::EOPNOTSUPP)) => {
                    log::debug!(
                        "layer {}: 0:0 whiteout device refused ({e}); using {}whiteout xattrs",
                        self.layer,
                        self.prefix
                    );
                    self.mknod_whiteouts = Some(false);
                }
                Err(e) => return Err(self.entry_err(raw, "create whiteout", errno_io(e))),
            }
        }
        // The xattr whiteout: an empty regular file with <prefix>whiteout,
        // its directory marked <prefix>opaque=x (unless really opaque).
        let flags = OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        let fd = openat(dir.as_fd(), target, flags, Mode::from_bits_truncate(0o600))
            .map_err(|e| self.entry_err(raw, "create whiteout", errno_io(e)))?;
        let wh = format!("{}whiteout", self.prefix);
        rustix::fs::fsetxattr(&fd, wh.as_str(), b"", XattrFlags::empty())
            .map_err(|e| self.entry_err(raw, "set whiteout xattr", io::Error::from(e)))?;
        let d = reopen_dir(dir.as_fd()).map_err(|e| self.entry_err(raw, "open directory", e))?;
        let opq = format!("{}opaque", self.prefix);
        let mut cur = [0u8; 4];
        let already_opaque = matches!(rustix::fs::fgetxattr(&d, opq.as_str(), &mut cur[..]), Ok(1) if cur[0] == b'y');
        if !already_opaque {
            rustix::fs::fsetxattr(&d, opq.as_str(), b"x", XattrFlags::empty())
                .map_err(|e| self.entry_err(raw, "mark directory for xattr whiteouts", io::Error::from(e)))?;
        }
        self.stats.xattr_whiteouts += 1;
        Ok(())
    }

    // ---- metadata ----

    /// Sets the owner. `fresh`: the inode was just created by us, so it
    /// already has our IDs (no directory has its setgid bit before the
    /// final pass).
    fn chown(&mut self, t: Target<'_>, raw: &[u8], meta: &Meta, fresh: bool) -> Result<()> {
        if fresh && meta.uid == self.euid && meta.gid == self.egid {
            return Ok(());
        }
        let (uid, gid) = match (u32::try_from(meta.uid), u32::try_from(meta.gid)) {
            (Ok(u), Ok(g)) if u != u32::MAX && g != u32::MAX => (Uid::from_raw(u), Gid::from_raw(g)),
            _ => return self.unmapped_or_squash(raw, meta),
        };
        let r = match t {
            Target::Fd(fd) => fchown(fd, Some(uid), Some(gid)),
            Target::At(dir, name) => fchownat(dir, name, Some(uid), Some(gid), AtFlags::AT_SYMLINK_NOFOLLOW),
        };
        match r {
            Ok(()) => Ok(()),
            Err(Errno::EINVAL) => self.unmapped_or_squash(raw, meta),
            Err(e) => Err(self.entry_err(
                raw,
                "set owner (is rpod running as root of its user namespace?)",
                io::Error::other(format!("chown to {}:{}: {}", meta.uid, meta.gid, e.desc())),
            )),
        }
    }

    /// An owner outside our user namespace: an error, or with
    /// `ignore_chown_errors` the entry keeps our own IDs.
    fn unmapped_or_squash(&mut self, raw: &[u8], meta: &Meta) -> Result<()> {
        if self.ignore_chown_errors {
            log::debug!(
                "layer {}: entry {:?}: owner {}:{} not mapped, kept as ours",
                self.layer,
                String::from_utf8_lossy(raw),
                meta.uid,
                meta.gid
            );
            self.stats.squashed_owners += 1;
            return Ok(());
        }
        Err(self.unmapped(raw, meta))
    }

    /// The error for an owner outside our user namespace: names the uid
    /// when it is the one not mapped, else the gid.
    fn unmapped(&self, raw: &[u8], meta: &Meta) -> StorageError {
        let uid_ok = id_mapped("/proc/self/uid_map", meta.uid);
        let (kind, id) = if uid_ok == Some(true) { ("gid", meta.gid) } else { ("uid", meta.uid) };
        StorageError::UnmappedId {
            layer: self.layer.to_string(),
            entry: String::from_utf8_lossy(raw).into_owned(),
            kind,
            id,
        }
    }

    fn xattrs(&mut self, t: Target<'_>, raw: &[u8], meta: &Meta) -> Result<()> {
        for (name, value) in &meta.xattrs {
            if name.starts_with(b"trusted.overlay.") || name.starts_with(b"user.overlay.") {
                log::debug!(
                    "layer {}: entry {:?}: ignoring overlay control xattr {}",
                    self.layer,
                    String::from_utf8_lossy(raw),
                    String::from_utf8_lossy(name)
                );
                self.stats.skipped_xattrs += 1;
                continue;
            }
            let n = OsStr::from_bytes(name);
            let r = match t {
                Target::Fd(fd) => rustix::fs::fsetxattr(fd, n, value, XattrFlags::empty()),
                Target::At(dir, entry_name) => {
                    // No lsetxattrat before Linux 6.13: go through the
                    // parent fd's /proc link, not following the last name.
                    let mut p = PathBuf::from(format!("/proc/self/fd/{}", dir.as_raw_fd()));
                    p.push(OsStr::from_bytes(entry_name));
                    rustix::fs::lsetxattr(&p, n, value, XattrFlags::empty())
                }
            };
            match r {
                Ok(()) => {}
                Err(e)
                    if e == rustix::io::Errno::PERM
                        || e == rustix::io::Errno::NOTSUP
                        || e == rustix::io::Errno::ACCESS =>
                {
                    log::debug!(
                        "layer {}: entry {:?}: skipping xattr {}: {}",
                        self.layer,
                        String::from_utf8_lossy(raw),
                        String::from_utf8_lossy(name),
                        e
                    );
                    self.stats.skipped_xattrs += 1;
                }
                Err(e) => return Err(self.entry_err(raw, "set xattr", io::Error::from(e))),
            }
        }
        Ok(())
    }
}

fn hardlink_reason(r: &'static str) -> &'static str {
    match r {
        "absolute path" => "hardlink target is an absolute path",
        "path leaves the layer (..)" => "hardlink target leaves the layer (..)",
        other => other,
    }
}

/// Opens `.` of a directory fd (possibly `O_PATH`) for reading.
fn reopen_dir(dir: BorrowedFd<'_>) -> io::Result<OwnedFd> {
    openat(dir, ".", OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty()).map_err(errno_io)
}

/// Whether `id` is inside the ID map at `map_path` (None if unreadable).
fn id_mapped(map_path: &str, id: u64) -> Option<bool> {
    let text = std::fs::read_to_string(map_path).ok()?;
    Some(text.lines().any(|l| {
        let f: Vec<u64> = l.split_whitespace().filter_map(|x| x.parse().ok()).collect();
        f.len() == 3 && id >= f[0] && id - f[0] < f[2]
    }))
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn normalisation() {
        let mut out = Vec::new();
        let mut n = |s: &str| normalize(s.as_bytes(), &mut out).map(|()| String::from_utf8(out.clone()).unwrap());
        assert_eq!(n("./a/b/").unwrap(), "a/b");
        assert_eq!(n("a//./b").unwrap(), "a/b");
        assert_eq!(n("./").unwrap(), "");
        assert_eq!(n(".").unwrap(), "");
        assert_eq!(n("a/../b").unwrap(), "b");
        assert!(n("../escape").is_err());
        assert!(n("/abs").is_err());
        assert!(n("a/../../x").is_err());
        assert!(n("./..").is_err());
        assert_eq!(split_last(b"a/b/c"), (&b"a/b"[..], &b"c"[..]));
        assert_eq!(split_last(b"c"), (&b""[..], &b"c"[..]));
        assert_eq!(depth(b""), 0);
        assert_eq!(depth(b"a/b"), 2);
    }

    #[test]
    fn pax_times() {
        assert_eq!(parse_pax_time(b"1704067200"), Some(TimeSpec::new(1_704_067_200, 0)));
        assert_eq!(parse_pax_time(b"1704067200.5"), Some(TimeSpec::new(1_704_067_200, 500_000_000)));
        assert_eq!(parse_pax_time(b"1.123456789123"), Some(TimeSpec::new(1, 123_456_789)));
        assert_eq!(parse_pax_time(b"-1.25"), Some(TimeSpec::new(-2, 750_000_000)));
        assert_eq!(parse_pax_time(b"x"), None);
        assert_eq!(parse_pax_time(b"1.2x"), None);
    }
}
