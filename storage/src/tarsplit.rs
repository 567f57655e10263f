//! tar-split: everything of a layer's tar stream except file content,
//! recorded while the layer is extracted, so that the exact stream — and
//! with it the diff ID, hence the image ID — can be re-assembled from the
//! record and the extracted files (`rpod save`, `rpod push`). The idea and
//! the name come from containers/storage's tar-split; the format is rpod's.
//!
//! # File format
//!
//! `layers/<chain-hex>/tar-split.zst`, next to `diff/`: one zstd frame
//! (with zstd's content checksum) whose content is
//!
//! ```text
//! "rpod-tar-split 1\n"                          magic and version
//! records:
//!   0x01 RAW  n:uvarint, n bytes                stream bytes, verbatim
//!   0x03 ZERO n:uvarint                         n zero bytes (runs of 32 or
//!                                               more: most of a header and
//!                                               the padding; keeps zstd's
//!                                               input ~5x smaller)
//!   0x02 FILE size:uvarint, len:uvarint, path   `size` bytes of content from
//!                                               the file `path` under diff/
//!   0x00 END  total:uvarint, files:uvarint      stream length, FILE count
//! ```
//!
//! `uvarint` is unsigned LEB128; nothing follows END. RAW and ZERO hold every byte
//! that is not regular-file content on disk: the 512-byte header blocks
//! (ustar, GNU, PAX `x`/`g` and GNU long-name/long-link blocks with their
//! data), content padding, the end-of-archive blocks and anything after
//! them — and the data of the rare entries whose bytes are not a regular
//! file in the layer (GNU sparse files, whiteouts or unknown types that
//! carry data, content of a file a later entry of the same layer replaced).
//! FILE paths are the extractor's normalised entry paths (relative, no
//! `.`/`..`), resolved the way the extractor resolved them: `openat2` with
//! `RESOLVE_IN_ROOT` in the layer's diff dir (a symlink, even an absolute
//! one, stays inside it), the last component never followed.
//!
//! # Guarantees
//!
//! [`LayerTar`] hashes what it produces and fails the read that would
//! return the end of the stream unless the digest is the layer's diff ID,
//! so a damaged layer can never pass for a good stream. Content is checked
//! for its size before it is read.
//!
//! A later entry replacing one written earlier in the same tar (duplicate
//! names, a directory or symlink swapped) would leave a FILE record naming
//! different content; the extractor therefore moves replaced files and
//! directories aside instead of deleting them and, when anything was
//! replaced, checks every FILE record's inode afterwards and inlines the
//! content of those that moved (`repair`).
//!
//! Reading the files needs the user namespace they were extracted in: see
//! [`LayerTar`].

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::rc::Rc;

use nix::dir::Dir;
use nix::errno::Errno;
use nix::fcntl::{openat2, AtFlags, OFlag, OpenHow, ResolveFlag};
use nix::sys::stat::{fstat, fstatat, FileStat, Mode, SFlag};
use sha2::{Digest, Sha256};

use crate::digest::to_hex;
use crate::error::StorageError;
use crate::fsutil::errno_io;

/// The tar-split file's name in a layer directory.
pub const FILE_NAME: &str = "tar-split.zst";

const MAGIC: &[u8] = b"rpod-tar-split 1\n";
const T_END: u8 = 0;
const T_RAW: u8 = 1;
const T_FILE: u8 = 2;
const T_ZERO: u8 = 3;
/// Zero runs at least this long become ZERO records.
const MIN_ZERO: usize = 32;
/// Longest FILE path accepted when reading (the kernel's limit is 4096).
const MAX_PATH: u64 = 64 * 1024;
/// zstd level: the data is mostly tar headers; level 1 (zstd's fastest
/// real level) compresses it as well as level 3 does (within 0.5% on the
/// test bed's big image, which ends up at ~20-25 bytes per entry).
const LEVEL: i32 = 1;

// ---- recording ----

/// Unclassified bytes beyond this are written out as RAW: they can only
/// be file content if the parser read ahead, which it does not (and if it
/// did, that content would merely stay inline). Bounds memory for entries
/// whose data is skipped rather than extracted (sparse, unknown types).
const FLUSH: usize = 256 * 1024;

/// The classification state between the raw stream and the tar parser:
/// bytes read but not yet known to be file content or not, and the writer.
pub(crate) struct Tap {
    /// Bytes of the stream read so far.
    pos: u64,
    /// Bytes before this offset are content being skipped.
    skip_end: u64,
    /// Unclassified bytes, ending at `pos`.
    pending: Vec<u8>,
    /// None once finished.
    writer: Option<Writer>,
    /// A write error met while reading, reported by the recorder.
    failed: Option<io::Error>,
}

impl Tap {
    fn observe(&mut self, mut data: &[u8]) {
        let start = self.pos;
        self.pos += data.len() as u64;
        if start < self.skip_end {
            let k = usize::try_from(self.skip_end - start).unwrap_or(usize::MAX).min(data.len());
            data = &data[k..];
        }
        self.pending.extend_from_slice(data);
        if self.pending.len() >= FLUSH && self.failed.is_none() {
            if let Some(w) = &mut self.writer {
                if let Err(e) = w.raw(&self.pending) {
                    self.failed = Some(e);
                }
            }
            self.pending.clear();
        }
    }

    /// Stream offset of `pending[0]`.
    fn pending_off(&self) -> u64 {
        if self.skip_end > self.pos {
            self.skip_end
        } else {
            self.pos - self.pending.len() as u64
        }
    }
}

/// Reads the layer stream for the tar parser and shows every byte to the
/// [`Tap`]. Sits *above* the read buffer, so the tap sees exactly what the
/// parser consumed: when an entry is handed out, the stream has been read
/// up to the start of its content.
pub(crate) struct TapReader<R> {
    pub(crate) inner: R,
    pub(crate) tap: Rc<RefCell<Tap>>,
}

impl<R: Read> Read for TapReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut tap = self.tap.borrow_mut();
        tap.observe(&buf[..n]);
        if tap.failed.is_some() {
            // The recorder reports the error itself (Recorder::take_error).
            return Err(io::Error::other("recording the tar-split failed"));
        }
        Ok(n)
    }
}

/// The first run of at least [`MIN_ZERO`] zero bytes: (start, length).
/// Steps 8 bytes at a time: such a run always covers a whole step, which
/// is then widened (8 bytes at a time, then byte by byte).
fn zero_run(bytes: &[u8]) -> Option<(usize, usize)> {
    const STEP: usize = 8;
    const _: () = assert!(MIN_ZERO >= 2 * STEP - 1);
    let n = bytes.len();
    let mut w = 0;
    while w + STEP <= n {
        let word = u64::from_ne_bytes(bytes[w..w + STEP].try_into().expect("8 bytes"));
        if word != 0 {
            w += STEP;
            continue;
        }
        let mut start = w;
        while start > 0 && bytes[start - 1] == 0 {
            start -= 1;
        }
        let mut end = w + STEP;
        while end + STEP <= n && bytes[end..end + STEP] == [0u8; STEP] {
            end += STEP;
        }
        while end < n && bytes[end] == 0 {
            end += 1;
        }
        if end - start >= MIN_ZERO {
            return Some((start, end - start));
        }
        w = end;
    }
    None
}

/// Writes the records of a tar-split file.
pub(crate) struct Writer {
    out: BufWriter<zstd::stream::write::Encoder<'static, File>>,
    files: u64,
}

fn put_uvarint(out: &mut impl Write, mut v: u64) -> io::Result<()> {
    let mut buf = [0u8; 10];
    let mut i = 0;
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            buf[i] = b;
            i += 1;
            break;
        }
        buf[i] = b | 0x80;
        i += 1;
    }
    out.write_all(&buf[..i])
}

impl Writer {
    /// Creates `path` (which must not exist).
    pub(crate) fn create(path: &Path) -> io::Result<Writer> {
        let f = OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
        let mut enc = zstd::stream::write::Encoder::new(f, LEVEL)?;
        enc.include_checksum(true)?;
        let mut out = BufWriter::with_capacity(64 * 1024, enc);
        out.write_all(MAGIC)?;
        Ok(Writer { out, files: 0 })
    }

    /// Stream bytes: runs of zeros as ZERO, the rest as RAW.
    fn raw(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        while let Some((start, len)) = zero_run(bytes) {
            self.verbatim(&bytes[..start])?;
            self.zero(len as u64)?;
            bytes = &bytes[start + len..];
        }
        self.verbatim(bytes)
    }

    fn verbatim(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.out.write_all(&[T_RAW])?;
        put_uvarint(&mut self.out, bytes.len() as u64)?;
        self.out.write_all(bytes)
    }

    fn zero(&mut self, n: u64) -> io::Result<()> {
        self.out.write_all(&[T_ZERO])?;
        put_uvarint(&mut self.out, n)
    }

    /// A RAW record of `n` bytes copied from `r`.
    fn raw_from(&mut self, n: u64, r: &mut impl Read) -> io::Result<()> {
        if n == 0 {
            return Ok(());
        }
        self.out.write_all(&[T_RAW])?;
        put_uvarint(&mut self.out, n)?;
        let copied = io::copy(&mut r.take(n), &mut self.out)?;
        if copied != n {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, format!("{copied} of {n} bytes")));
        }
        Ok(())
    }

    fn file(&mut self, size: u64, path: &[u8]) -> io::Result<()> {
        self.out.write_all(&[T_FILE])?;
        put_uvarint(&mut self.out, size)?;
        put_uvarint(&mut self.out, path.len() as u64)?;
        self.out.write_all(path)?;
        self.files += 1;
        Ok(())
    }

    /// Writes END and closes the file (not fsynced: the store syncs the
    /// whole layer when asked to be durable).
    fn end(mut self, total: u64) -> io::Result<()> {
        self.out.write_all(&[T_END])?;
        put_uvarint(&mut self.out, total)?;
        put_uvarint(&mut self.out, self.files)?;
        let enc = self.out.into_inner().map_err(|e| e.into_error())?;
        enc.finish()?;
        Ok(())
    }
}

/// Records a tar-split while the extractor parses the stream through a
/// [`TapReader`] sharing its [`Tap`].
pub(crate) struct Recorder {
    tap: Rc<RefCell<Tap>>,
}

impl Recorder {
    pub(crate) fn create(path: &Path) -> io::Result<(Recorder, Rc<RefCell<Tap>>)> {
        let tap = Tap { pos: 0, skip_end: 0, pending: Vec::new(), writer: Some(Writer::create(path)?), failed: None };
        let tap = Rc::new(RefCell::new(tap));
        Ok((Recorder { tap: tap.clone() }, tap))
    }

    /// The write error that made the [`TapReader`] fail, if any.
    pub(crate) fn take_error(&self) -> Option<io::Error> {
        self.tap.borrow_mut().failed.take()
    }

    /// The entry about to be read has `size` bytes of content at stream
    /// offset `start`, which will be the file `path`: records the bytes
    /// before it and a FILE record. Returns false (nothing recorded; the
    /// content stays in RAW) when the stream position does not allow it,
    /// which the tar parser never causes.
    pub(crate) fn file(&mut self, start: u64, size: u64, path: &[u8]) -> io::Result<bool> {
        let mut guard = self.tap.borrow_mut();
        let tap = &mut *guard;
        let off = tap.pending_off();
        if start < off || start > tap.pos {
            return Ok(false);
        }
        let head = (start - off) as usize;
        if let Some(e) = tap.failed.take() {
            return Err(e);
        }
        let w = tap.writer.as_mut().ok_or_else(|| io::Error::other("tar-split already finished"))?;
        w.raw(&tap.pending[..head])?;
        w.file(size, path)?;
        let end = start + size;
        if end <= tap.pos {
            let cut = (end - off) as usize;
            tap.pending.drain(..cut);
        } else {
            tap.pending.clear();
            tap.skip_end = end;
        }
        Ok(true)
    }

    /// After the whole stream was read: the remaining bytes and END.
    pub(crate) fn finish(self) -> io::Result<()> {
        let mut tap = self.tap.borrow_mut();
        if tap.skip_end > tap.pos {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the stream ended inside file content"));
        }
        if let Some(e) = tap.failed.take() {
            return Err(e);
        }
        let mut w = tap.writer.take().ok_or_else(|| io::Error::other("tar-split already finished"))?;
        w.raw(&tap.pending)?;
        w.end(tap.pos)
    }
}

// ---- reading ----

fn invalid(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

/// One record; after `Raw(n)` the next `n` bytes of the reader are its data.
#[derive(Debug, PartialEq, Eq)]
enum Rec {
    Raw(u64),
    Zero(u64),
    File { size: u64, path: Vec<u8> },
    End { total: u64, files: u64 },
}

type Decoded = BufReader<zstd::stream::read::Decoder<'static, BufReader<File>>>;

struct Records<R> {
    r: R,
}

impl Records<Decoded> {
    /// Opens a tar-split file and checks its magic.
    fn open(file: File) -> io::Result<Records<Decoded>> {
        let mut r = BufReader::with_capacity(64 * 1024, zstd::stream::read::Decoder::new(file)?);
        let mut magic = [0u8; MAGIC.len()];
        r.read_exact(&mut magic).map_err(|_| invalid("not tar-split data (too short)"))?;
        if magic != MAGIC {
            return Err(invalid("not rpod tar-split data, or an unknown version"));
        }
        Ok(Records { r })
    }
}

impl<R: BufRead> Records<R> {
    fn byte(&mut self) -> io::Result<u8> {
        let mut b = [0u8];
        match self.r.read_exact(&mut b) {
            Ok(()) => Ok(b[0]),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Err(invalid("tar-split data is truncated")),
            Err(e) => Err(e),
        }
    }

    fn uvarint(&mut self) -> io::Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                break;
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(invalid("tar-split data is corrupt (bad number)"))
    }

    fn next(&mut self) -> io::Result<Rec> {
        match self.byte()? {
            T_RAW => Ok(Rec::Raw(self.uvarint()?)),
            T_ZERO => Ok(Rec::Zero(self.uvarint()?)),
            T_FILE => {
                let size = self.uvarint()?;
                let len = self.uvarint()?;
                if len == 0 || len > MAX_PATH {
                    return Err(invalid(format!("tar-split data is corrupt (path of {len} bytes)")));
                }
                let mut path = vec![0u8; len as usize];
                self.r.read_exact(&mut path).map_err(|_| invalid("tar-split data is truncated"))?;
                // The extractor's normalised form, nothing else.
                if path.contains(&0) || path.split(|&b| b == b'/').any(|c| matches!(c, b"" | b"." | b"..")) {
                    return Err(invalid(format!(
                        "tar-split data is corrupt (path {:?})",
                        String::from_utf8_lossy(&path)
                    )));
                }
                Ok(Rec::File { size, path })
            }
            T_END => {
                let total = self.uvarint()?;
                let files = self.uvarint()?;
                if !self.r.fill_buf()?.is_empty() {
                    return Err(invalid("tar-split data is corrupt (data after the end)"));
                }
                Ok(Rec::End { total, files })
            }
            t => Err(invalid(format!("tar-split data is corrupt (record type {t})"))),
        }
    }

    /// Skips the data of a `Raw(n)`.
    fn skip(&mut self, n: u64) -> io::Result<()> {
        let skipped = io::copy(&mut (&mut self.r).take(n), &mut io::sink())?;
        if skipped != n {
            return Err(invalid("tar-split data is truncated"));
        }
        Ok(())
    }
}

/// `openat2` of `path` inside `root` the way the extractor resolves entry
/// paths (`RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV`),
/// retrying the EAGAIN a concurrent rename elsewhere can cause.
pub(crate) fn open_in_root(root: BorrowedFd<'_>, path: &[u8], flags: OFlag) -> Result<OwnedFd, Errno> {
    open_in_root_with(root, path, flags, LAYER_RESOLVE)
}

/// How paths inside a layer resolve: in its root, no magic links, no
/// mount crossing.
pub(crate) const LAYER_RESOLVE: ResolveFlag =
    ResolveFlag::RESOLVE_IN_ROOT.union(ResolveFlag::RESOLVE_NO_MAGICLINKS).union(ResolveFlag::RESOLVE_NO_XDEV);

/// [`open_in_root`] with the resolve flags given.
pub(crate) fn open_in_root_with(
    root: BorrowedFd<'_>,
    path: &[u8],
    flags: OFlag,
    resolve: ResolveFlag,
) -> Result<OwnedFd, Errno> {
    let how = OpenHow::new().flags(flags | OFlag::O_CLOEXEC).resolve(resolve);
    let mut tries = 0;
    loop {
        match openat2(root, path, how) {
            Err(Errno::EAGAIN) if tries < 64 => tries += 1,
            r => return r,
        }
    }
}

/// Opens a FILE record's content for reading: never following the last
/// component, never blocking on a FIFO planted in its place, without
/// touching its atime when allowed (owner or CAP_FOWNER).
fn open_content(root: BorrowedFd<'_>, path: &[u8]) -> Result<(File, FileStat), Errno> {
    let flags = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_NONBLOCK;
    let fd = match open_in_root(root, path, flags | OFlag::O_NOATIME) {
        Err(Errno::EPERM) => open_in_root(root, path, flags)?,
        r => r?,
    };
    let st = fstat(&fd)?;
    Ok((File::from(fd), st))
}

fn is_regular(st: &FileStat) -> bool {
    st.st_mode & SFlag::S_IFMT.bits() == SFlag::S_IFREG.bits()
}

enum State {
    Next,
    Raw(u64),
    Zero(u64),
    File { f: File, left: u64, path: Vec<u8> },
    Done,
}

/// The uncompressed tar stream of a stored layer, re-assembled from its
/// tar-split record and its files ([`crate::Store::layer_tar`]).
///
/// File content is read from the layer's diff dir through `openat2`
/// confined to it, so it must be read **in the user namespace the layer
/// was extracted in** (rpod's, for a rootless store): the files belong to
/// the image's owners mapped to subordinate IDs and are often readable by
/// those owners only; outside the namespace opening them fails with
/// "Permission denied".
///
/// The stream is hashed as it is produced: the read that reaches its end
/// fails (`InvalidData`, wrapping [`StorageError::LayerDamaged`]) unless it
/// matches the diff ID, as does any read when a file's size changed or the
/// record is corrupt. Errors wrap a [`StorageError`] (get it with
/// `io::Error::get_ref` and `downcast_ref`).
pub struct LayerTar {
    chain_id: String,
    diff_hex: String,
    recs: Records<Decoded>,
    root: OwnedFd,
    state: State,
    total: u64,
    files: u64,
    hasher: Sha256,
    /// The error that ended the stream, repeated to later reads.
    failed: Option<(io::ErrorKind, String)>,
}

impl std::fmt::Debug for LayerTar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LayerTar").field("chain_id", &self.chain_id).field("offset", &self.total).finish()
    }
}

impl LayerTar {
    /// Opens the layer in `layer_dir` (`layers/<hex>`).
    pub(crate) fn open(chain_id: &str, diff_hex: &str, layer_dir: &Path) -> Result<LayerTar, StorageError> {
        let damaged = |reason: String| StorageError::LayerDamaged { chain_id: chain_id.to_string(), reason };
        let split_path = layer_dir.join(FILE_NAME);
        let file = match File::open(&split_path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(StorageError::NoTarSplit(chain_id.to_string()))
            }
            Err(e) => return Err(StorageError::io("open", &split_path, e)),
        };
        let recs = Records::open(file).map_err(|e| damaged(format!("{}: {e}", split_path.display())))?;
        let diff = layer_dir.join("diff");
        let root = nix::fcntl::open(
            &diff,
            OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
            Mode::empty(),
        )
        .map_err(|e| damaged(format!("{}: {}", diff.display(), e.desc())))?;
        Ok(LayerTar {
            chain_id: chain_id.to_string(),
            diff_hex: diff_hex.to_string(),
            recs,
            root,
            state: State::Next,
            total: 0,
            files: 0,
            hasher: Sha256::new(),
            failed: None,
        })
    }

    fn damaged(&self, reason: String) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            StorageError::LayerDamaged { chain_id: self.chain_id.clone(), reason },
        )
    }

    /// An error reading the record (corrupt data, zstd's checksum, I/O).
    fn corrupt(&self, e: io::Error) -> io::Error {
        self.damaged(format!("{FILE_NAME}: {e}"))
    }

    /// Reads the next record and sets the state for it.
    fn advance(&mut self) -> io::Result<()> {
        let rec = self.recs.next().map_err(|e| self.corrupt(e))?;
        self.state = match rec {
            Rec::Raw(0) | Rec::Zero(0) => State::Next,
            Rec::Raw(n) => State::Raw(n),
            Rec::Zero(n) => State::Zero(n),
            Rec::File { size, path } => {
                let shown = String::from_utf8_lossy(&path).into_owned();
                let (f, st) = match open_content(self.root.as_fd(), &path) {
                    Ok(x) => x,
                    Err(e @ (Errno::EACCES | Errno::EPERM)) => {
                        return Err(io::Error::new(
                            io::ErrorKind::PermissionDenied,
                            StorageError::Entry {
                                layer: self.chain_id.clone(),
                                entry: shown,
                                what: "open (layers must be read inside rpod's user namespace)",
                                source: errno_io(e),
                            },
                        ))
                    }
                    Err(e @ (Errno::ENOENT | Errno::ENOTDIR | Errno::ELOOP | Errno::EXDEV)) => {
                        return Err(self.damaged(format!("file {shown} is missing ({})", e.desc())))
                    }
                    Err(e) => {
                        return Err(io::Error::other(StorageError::Entry {
                            layer: self.chain_id.clone(),
                            entry: shown,
                            what: "open",
                            source: errno_io(e),
                        }))
                    }
                };
                if !is_regular(&st) {
                    return Err(self.damaged(format!("file {shown} is not a regular file any more")));
                }
                if st.st_size as u64 != size {
                    return Err(self.damaged(format!("file {shown} changed size ({size} -> {} bytes)", st.st_size)));
                }
                self.files += 1;
                if size == 0 {
                    State::Next
                } else {
                    State::File { f, left: size, path }
                }
            }
            Rec::End { total, files } => {
                if total != self.total || files != self.files {
                    return Err(self.damaged(format!(
                        "{FILE_NAME}: expected {total} bytes in {files} files, re-assembled {} in {}",
                        self.total, self.files
                    )));
                }
                let actual = to_hex(&std::mem::take(&mut self.hasher).finalize());
                if actual != self.diff_hex {
                    return Err(self.damaged(format!(
                        "the re-assembled tar has digest sha256:{actual}, not the diff ID sha256:{}",
                        self.diff_hex
                    )));
                }
                State::Done
            }
        };
        Ok(())
    }
}

impl LayerTar {
    fn read_inner(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = match &mut self.state {
                State::Done => return Ok(0),
                State::Next => {
                    self.advance()?;
                    continue;
                }
                State::Raw(left) => {
                    let left = *left;
                    let want = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
                    let n = self.recs.r.read(&mut buf[..want]).map_err(|e| self.corrupt(e))?;
                    if n == 0 {
                        return Err(self.damaged(format!("{FILE_NAME}: tar-split data is truncated")));
                    }
                    self.state = if left == n as u64 { State::Next } else { State::Raw(left - n as u64) };
                    n
                }
                State::Zero(left) => {
                    let left = *left;
                    let n = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
                    buf[..n].fill(0);
                    self.state = if left == n as u64 { State::Next } else { State::Zero(left - n as u64) };
                    n
                }
                State::File { f, left, path } => {
                    let want = usize::try_from(*left).unwrap_or(usize::MAX).min(buf.len());
                    let n = match f.read(&mut buf[..want]) {
                        Ok(n) => n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => {
                            let entry = String::from_utf8_lossy(path).into_owned();
                            return Err(io::Error::new(
                                e.kind(),
                                StorageError::Entry { layer: self.chain_id.clone(), entry, what: "read", source: e },
                            ));
                        }
                    };
                    if n == 0 {
                        let shown = String::from_utf8_lossy(path).into_owned();
                        return Err(self.damaged(format!("file {shown} changed size (shorter than recorded)")));
                    }
                    *left -= n as u64;
                    if *left == 0 {
                        self.state = State::Next;
                    }
                    n
                }
            };
            self.hasher.update(&buf[..n]);
            self.total += n as u64;
            return Ok(n);
        }
    }
}

impl Read for LayerTar {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some((kind, msg)) = &self.failed {
            // Stay failed: a caller retrying must never see a clean end.
            return Err(io::Error::new(*kind, msg.clone()));
        }
        if buf.is_empty() {
            return Ok(0);
        }
        self.read_inner(buf).inspect_err(|e| self.failed = Some((e.kind(), e.to_string())))
    }
}

// ---- repair after replaced entries ----

/// Where a moved file's content is: under the scratch dir or the layer.
struct Found {
    in_scratch: bool,
    path: Vec<u8>,
}

/// Collects the paths of regular files below `dir` whose inode is wanted.
fn find_inodes(
    dir: BorrowedFd<'_>,
    prefix: &mut Vec<u8>,
    in_scratch: bool,
    wanted: &mut HashSet<u64>,
    found: &mut HashMap<u64, Found>,
) -> io::Result<()> {
    let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    let mut d = Dir::openat(dir, ".", flags, Mode::empty()).map_err(errno_io)?;
    let mut names = Vec::new();
    for ent in d.iter() {
        let ent = ent.map_err(errno_io)?;
        let n = ent.file_name().to_bytes();
        if n != b"." && n != b".." {
            names.push(n.to_vec());
        }
    }
    for name in names {
        if wanted.is_empty() {
            return Ok(());
        }
        let st = fstatat(d.as_fd(), name.as_slice(), AtFlags::AT_SYMLINK_NOFOLLOW).map_err(errno_io)?;
        let len = prefix.len();
        if !prefix.is_empty() {
            prefix.push(b'/');
        }
        prefix.extend_from_slice(&name);
        let fmt = st.st_mode & SFlag::S_IFMT.bits();
        if fmt == SFlag::S_IFREG.bits() {
            if wanted.remove(&st.st_ino) {
                found.insert(st.st_ino, Found { in_scratch, path: prefix.clone() });
            }
        } else if fmt == SFlag::S_IFDIR.bits() {
            let sub = nix::fcntl::openat(d.as_fd(), name.as_slice(), flags, Mode::empty()).map_err(errno_io)?;
            find_inodes(sub.as_fd(), prefix, in_scratch, wanted, found)?;
        }
        prefix.truncate(len);
    }
    Ok(())
}

/// Whether the FILE record `path` still names inode `ino` of `size` bytes.
fn still_there(root: BorrowedFd<'_>, path: &[u8], ino: u64, size: u64) -> bool {
    match open_content(root, path) {
        Ok((_, st)) => is_regular(&st) && st.st_ino == ino && st.st_size as u64 == size,
        Err(_) => false,
    }
}

/// Checks the tar-split at `path`, written while extracting into `root`
/// with FILE record *i* created as inode `inos[i]`, after entries were
/// replaced (moved into `scratch`, on the same file system): records whose
/// path now names another inode get the original content inlined as RAW,
/// found by inode in `scratch` or elsewhere in `root`. Nothing in either
/// was deleted, so every original inode is still there. Returns the number
/// of records inlined.
pub(crate) fn repair(path: &Path, root: BorrowedFd<'_>, scratch: BorrowedFd<'_>, inos: &[u64]) -> io::Result<usize> {
    let mut moved = Vec::new();
    {
        let mut recs = Records::open(File::open(path)?)?;
        let mut i = 0;
        loop {
            match recs.next()? {
                Rec::Raw(n) => recs.skip(n)?,
                Rec::Zero(_) => {}
                Rec::File { size, path } => {
                    let ino = *inos.get(i).ok_or_else(|| invalid("more FILE records than files"))?;
                    if !still_there(root, &path, ino, size) {
                        moved.push(i);
                    }
                    i += 1;
                }
                Rec::End { .. } => break,
            }
        }
    }
    if moved.is_empty() {
        return Ok(0);
    }
    let mut wanted: HashSet<u64> = moved.iter().map(|&i| inos[i]).collect();
    let mut found = HashMap::new();
    find_inodes(scratch, &mut Vec::new(), true, &mut wanted, &mut found)?;
    if !wanted.is_empty() {
        find_inodes(root, &mut Vec::new(), false, &mut wanted, &mut found)?;
    }
    if !wanted.is_empty() {
        return Err(io::Error::other(format!("the content of {} replaced file(s) is gone", wanted.len())));
    }

    let tmp = path.with_extension("zst.new");
    let _ = std::fs::remove_file(&tmp);
    let res = (|| -> io::Result<()> {
        let mut w = Writer::create(&tmp)?;
        let mut recs = Records::open(File::open(path)?)?;
        let mut i = 0;
        let mut next_moved = moved.iter().copied().peekable();
        loop {
            match recs.next()? {
                Rec::Raw(n) => w.raw_from(n, &mut recs.r)?,
                Rec::Zero(n) => w.zero(n)?,
                Rec::File { size, path: p } => {
                    if next_moved.peek() == Some(&i) {
                        next_moved.next();
                        let at = &found[&inos[i]];
                        let base = if at.in_scratch { scratch } else { root };
                        let (mut f, st) = open_content(base, &at.path).map_err(errno_io)?;
                        if st.st_size as u64 != size {
                            return Err(io::Error::other(format!(
                                "replaced file {} changed size",
                                String::from_utf8_lossy(&p)
                            )));
                        }
                        w.raw_from(size, &mut f)?;
                    } else {
                        w.file(size, &p)?;
                    }
                    i += 1;
                }
                Rec::End { total, .. } => return w.end(total),
            }
        }
    })();
    match res {
        Ok(()) => {
            std::fs::rename(&tmp, path)?;
            Ok(moved.len())
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uvarints_round_trip() {
        for v in [0u64, 1, 127, 128, 300, 16_383, 16_384, u64::from(u32::MAX), u64::MAX - 1, u64::MAX] {
            let mut buf = vec![T_RAW];
            put_uvarint(&mut buf, v).unwrap();
            let mut r = Records { r: &buf[..] };
            assert_eq!(r.next().unwrap(), Rec::Raw(v), "{v}");
        }
        // 11 bytes / overflowing the 64th bit: corrupt, not wrapped.
        let mut r = Records { r: &[T_RAW, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02][..] };
        assert!(r.next().is_err());
        let mut r = Records { r: &[T_RAW, 0x80][..] };
        assert!(r.next().is_err());
    }

    #[test]
    fn zero_runs_become_zero_records() {
        assert_eq!(zero_run(b""), None);
        assert_eq!(zero_run(&[0; 31]), None);
        assert_eq!(zero_run(&[0; 32]), Some((0, 32)));
        let mut data = b"ab".to_vec();
        data.extend([0; 100]);
        data.push(b'c');
        data.extend([0; 10]);
        data.push(b'd');
        data.extend([0; 40]);
        assert_eq!(zero_run(&data), Some((2, 100)));
        // Against the obvious byte loop, at every alignment and length.
        let naive = |b: &[u8]| {
            let mut run = 0;
            for (i, &x) in b.iter().enumerate() {
                if x == 0 {
                    run += 1;
                } else if run >= MIN_ZERO {
                    return Some((i - run, run));
                } else {
                    run = 0;
                }
            }
            (run >= MIN_ZERO).then(|| (b.len() - run, run))
        };
        let mut buf = [1u8; 200];
        for start in 0..60 {
            for len in [0, 1, 7, 8, 15, 16, 31, 32, 33, 39, 40, 64, 100] {
                buf.fill(1);
                buf[start..start + len].fill(0);
                buf[start + len + 3..start + len + 20].fill(0);
                for cut in [buf.len(), start + len, start + len + 1, start + 31] {
                    let b = &buf[..cut.min(buf.len())];
                    assert_eq!(zero_run(b), naive(b), "start {start} len {len} cut {cut}");
                }
            }
        }
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("ts.zst");
        let (rec, tap) = Recorder::create(&p).unwrap();
        tap.borrow_mut().observe(&data);
        rec.finish().unwrap();
        let mut r = Records::open(File::open(&p).unwrap()).unwrap();
        assert_eq!(r.next().unwrap(), Rec::Raw(2));
        r.skip(2).unwrap();
        assert_eq!(r.next().unwrap(), Rec::Zero(100));
        assert_eq!(r.next().unwrap(), Rec::Raw(12));
        r.skip(12).unwrap();
        assert_eq!(r.next().unwrap(), Rec::Zero(40));
        assert_eq!(r.next().unwrap(), Rec::End { total: data.len() as u64, files: 0 });
    }

    #[test]
    fn tap_classifies_by_offset() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("ts.zst");
        let (mut rec, tap) = Recorder::create(&p).unwrap();
        // Header "HH", content "cccc" already read, then "PP" padding.
        tap.borrow_mut().observe(b"HHcc");
        assert!(rec.file(2, 4, b"f").unwrap());
        tap.borrow_mut().observe(b"ccPPhh");
        // A second file whose content the parser has not read yet.
        assert!(rec.file(10, 3, b"g").unwrap());
        tap.borrow_mut().observe(b"ggg");
        // An offset before what is unclassified cannot be recorded.
        assert!(!rec.file(5, 1, b"x").unwrap());
        tap.borrow_mut().observe(b"ZZ");
        rec.finish().unwrap();
        let mut r = Records::open(File::open(&p).unwrap()).unwrap();
        let raw = |r: &mut Records<Decoded>, n| {
            let mut v = vec![0; n];
            r.r.read_exact(&mut v).unwrap();
            v
        };
        assert_eq!(r.next().unwrap(), Rec::Raw(2));
        assert_eq!(raw(&mut r, 2), b"HH");
        assert_eq!(r.next().unwrap(), Rec::File { size: 4, path: b"f".to_vec() });
        assert_eq!(r.next().unwrap(), Rec::Raw(4));
        assert_eq!(raw(&mut r, 4), b"PPhh");
        assert_eq!(r.next().unwrap(), Rec::File { size: 3, path: b"g".to_vec() });
        assert_eq!(r.next().unwrap(), Rec::Raw(2));
        assert_eq!(raw(&mut r, 2), b"ZZ");
        assert_eq!(r.next().unwrap(), Rec::End { total: 15, files: 2 });
    }

    #[test]
    fn skipped_data_is_not_held_in_memory() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("ts.zst");
        let (mut rec, tap) = Recorder::create(&p).unwrap();
        let chunk = vec![7u8; 100_000];
        for _ in 0..10 {
            tap.borrow_mut().observe(&chunk);
            assert!(tap.borrow().pending.len() < FLUSH);
        }
        assert!(rec.file(1_000_000, 5, b"f").unwrap());
        tap.borrow_mut().observe(b"fffff");
        rec.finish().unwrap();
        let mut r = Records::open(File::open(&p).unwrap()).unwrap();
        let mut raw = 0;
        loop {
            match r.next().unwrap() {
                Rec::Raw(n) => {
                    raw += n;
                    r.skip(n).unwrap();
                }
                Rec::Zero(n) => raw += n,
                Rec::File { size, .. } => assert_eq!((raw, size), (1_000_000, 5)),
                Rec::End { total, files } => {
                    assert_eq!((total, files), (1_000_005, 1));
                    break;
                }
            }
        }
    }
}
