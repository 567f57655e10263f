//! Blocking readers over streamed blobs: digest/size verification at EOF and
//! decompression.
//!
//! The storage layer extracts layers from a `std::io::Read`. [`BlobReader`]
//! is that `Read`, fed by an async download running on the tokio runtime
//! through a bounded channel (so a slow extractor slows the download, and
//! memory stays bounded). It hashes what passes and, at EOF, returns an
//! `io::Error` if the size or digest differ from the descriptor's: the
//! consumer must read to EOF (see [`finish`]) and discard the layer on error.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use bytes::Bytes;
use futures_util::StreamExt;
use sha2::Digest as _;

use super::manifest::{self, Descriptor};
use super::reference::{hex, Digest};
use super::Error;

/// Chunks buffered between the download and the reader.
const CHANNEL_CHUNKS: usize = 32;

/// A running hash for one of the supported digest algorithms.
#[derive(Clone)]
pub(crate) enum Hasher {
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl Hasher {
    pub(crate) fn for_digest(d: &Digest) -> Result<Hasher, Error> {
        Ok(match d.algorithm() {
            "sha256" => Hasher::Sha256(sha2::Sha256::new()),
            "sha384" => Hasher::Sha384(sha2::Sha384::new()),
            "sha512" => Hasher::Sha512(sha2::Sha512::new()),
            other => return Err(Error::Other(format!("unsupported digest algorithm {other:?}"))),
        })
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha384(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
        }
    }

    /// `algorithm:hex`.
    pub(crate) fn finish(self) -> String {
        match self {
            Hasher::Sha256(h) => format!("sha256:{}", hex(&h.finalize())),
            Hasher::Sha384(h) => format!("sha384:{}", hex(&h.finalize())),
            Hasher::Sha512(h) => format!("sha512:{}", hex(&h.finalize())),
        }
    }
}

/// Checks a byte stream against an expected digest and (optionally) size.
pub(crate) struct Verifier {
    what: String,
    expected: Digest,
    size: Option<u64>,
    hasher: Option<Hasher>,
    seen: u64,
}

impl Verifier {
    pub(crate) fn new(what: String, expected: &Digest, size: Option<u64>) -> Result<Verifier, Error> {
        Ok(Verifier { what, expected: expected.clone(), size, hasher: Some(Hasher::for_digest(expected)?), seen: 0 })
    }

    /// Account for `data`; an error as soon as there are more bytes than expected.
    pub(crate) fn update(&mut self, data: &[u8]) -> Result<(), Error> {
        self.seen += data.len() as u64;
        if let Some(size) = self.size {
            if self.seen > size {
                return Err(Error::SizeMismatch { what: self.what.clone(), expected: size, actual: self.seen });
            }
        }
        if let Some(h) = &mut self.hasher {
            h.update(data);
        }
        Ok(())
    }

    /// At EOF: size and digest must match.
    pub(crate) fn finish(&mut self) -> Result<(), Error> {
        let Some(h) = self.hasher.take() else { return Ok(()) };
        if let Some(size) = self.size {
            if self.seen != size {
                return Err(Error::SizeMismatch { what: self.what.clone(), expected: size, actual: self.seen });
            }
        }
        let actual = h.finish();
        if actual != self.expected.to_string() {
            return Err(Error::DigestMismatch { what: self.what.clone(), expected: self.expected.to_string(), actual });
        }
        Ok(())
    }

    pub(crate) fn seen(&self) -> u64 {
        self.seen
    }
}

/// A `Read` that hashes what passes through and fails at EOF if the digest
/// (or the size, when given) differs. Use it for the compressed blob (its
/// descriptor digest) or for the uncompressed tar (the config's diff_id).
pub struct VerifyingReader<R> {
    inner: R,
    verifier: Verifier,
    done: bool,
}

impl<R: Read> VerifyingReader<R> {
    /// `what` names the content in messages (e.g. `blob sha256:…`).
    pub fn new(inner: R, what: impl Into<String>, expected: &Digest, size: Option<u64>) -> Result<Self, Error> {
        Ok(VerifyingReader { inner, verifier: Verifier::new(what.into(), expected, size)?, done: false })
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.verifier.seen()
    }
}

impl<R: Read> Read for VerifyingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.done || buf.is_empty() {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        if n == 0 {
            self.done = true;
            self.verifier.finish().map_err(Error::into_io)?;
            return Ok(0);
        }
        self.verifier.update(&buf[..n]).map_err(|e| {
            self.done = true;
            e.into_io()
        })?;
        Ok(n)
    }
}

/// A blocking `Read` over a blob downloaded by an async task: see the module
/// docs. Dropping it cancels the download.
///
/// It must not be read from inside the tokio runtime's worker threads (it
/// blocks); use a plain thread or `spawn_blocking`.
pub struct BlobReader {
    rx: tokio::sync::mpsc::Receiver<Result<Bytes, Error>>,
    current: Bytes,
    verifier: Verifier,
    done: bool,
    progress: Arc<AtomicU64>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl BlobReader {
    /// Run `stream` (unverified blob bytes) on `handle` and read it here,
    /// verified against `desc` (digest and size).
    pub fn spawn<S>(handle: &tokio::runtime::Handle, stream: S, desc: &Descriptor) -> Result<BlobReader, Error>
    where
        S: futures_util::Stream<Item = Result<Bytes, Error>> + Send + 'static,
    {
        let verifier = Verifier::new(format!("blob {}", desc.digest), &desc.digest, Some(desc.size))?;
        let (tx, rx) = tokio::sync::mpsc::channel(CHANNEL_CHUNKS);
        let task = handle.spawn(async move {
            let mut stream = std::pin::pin!(stream);
            while let Some(item) = stream.next().await {
                let stop = item.is_err();
                if tx.send(item).await.is_err() || stop {
                    return; // reader gone, or error delivered
                }
            }
        });
        Ok(BlobReader {
            rx,
            current: Bytes::new(),
            verifier,
            done: false,
            progress: Arc::new(AtomicU64::new(0)),
            task: Some(task),
        })
    }

    /// A counter of the bytes read so far (for progress bars), shared with
    /// the reader.
    pub fn progress(&self) -> Arc<AtomicU64> {
        self.progress.clone()
    }
}

impl Drop for BlobReader {
    fn drop(&mut self) {
        if let Some(t) = self.task.take() {
            t.abort();
        }
    }
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        while self.current.is_empty() {
            if self.done {
                return Ok(0);
            }
            match self.rx.blocking_recv() {
                Some(Ok(chunk)) => {
                    if let Err(e) = self.verifier.update(&chunk) {
                        self.done = true;
                        return Err(e.into_io());
                    }
                    self.current = chunk;
                }
                Some(Err(e)) => {
                    self.done = true;
                    return Err(e.into_io());
                }
                None => {
                    self.done = true;
                    self.verifier.finish().map_err(Error::into_io)?;
                    return Ok(0);
                }
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        let _ = self.current.split_to(n);
        self.progress.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A layer's compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    /// What the media type says (`None` when it does not say: unknown types).
    pub fn from_media_type(media_type: &str) -> Option<Compression> {
        match media_type {
            manifest::OCI_LAYER_GZIP | manifest::DOCKER_LAYER_GZIP | manifest::DOCKER_FOREIGN_LAYER_GZIP => {
                Some(Compression::Gzip)
            }
            manifest::OCI_LAYER_ZSTD => Some(Compression::Zstd),
            manifest::OCI_LAYER | manifest::DOCKER_LAYER => Some(Compression::None),
            m if m.ends_with("+gzip") || m.ends_with(".gzip") => Some(Compression::Gzip),
            m if m.ends_with("+zstd") => Some(Compression::Zstd),
            _ => None,
        }
    }

    /// What the first bytes are.
    pub fn sniff(head: &[u8]) -> Result<Compression, &'static str> {
        match head {
            [0x1f, 0x8b, ..] => Ok(Compression::Gzip),
            [0x28, 0xb5, 0x2f, 0xfd, ..] => Ok(Compression::Zstd),
            [b'B', b'Z', b'h', ..] => Err("bzip2"),
            [0xfd, b'7', b'z', b'X', b'Z', 0x00, ..] => Err("xz"),
            _ => Ok(Compression::None),
        }
    }
}

/// Decompress a layer for extraction. The compression is taken from the
/// stream's magic bytes (gzip `1f 8b`, zstd `28 b5 2f fd`, else a plain
/// tar) — they are authoritative, as in containers/image, since media types
/// lie (Docker's `.tar.gzip` is used for anything); `media_type` only
/// produces a debug message when it disagrees.
///
/// Gzip uses flate2 (zlib-rs backend) and accepts concatenated members;
/// zstd accepts several frames. Both read their input to its end, so a
/// [`BlobReader`] or [`VerifyingReader`] underneath sees EOF and checks the
/// digest — provided the caller reads *this* reader to EOF (see [`finish`]).
pub fn decompress<R: Read + Send + 'static>(media_type: &str, reader: R) -> io::Result<Box<dyn Read + Send>> {
    let mut buffered = BufReader::with_capacity(256 * 1024, reader);
    let head = buffered.fill_buf()?;
    let sniffed = Compression::sniff(head).map_err(|what| {
        io::Error::new(io::ErrorKind::InvalidData, format!("unsupported layer compression {what} ({media_type})"))
    })?;
    if let Some(declared) = Compression::from_media_type(media_type) {
        if declared != sniffed && !head.is_empty() {
            log::debug!("layer media type {media_type} says {declared:?}, content is {sniffed:?}; using {sniffed:?}");
        }
    }
    Ok(match sniffed {
        Compression::Gzip => Box::new(flate2::bufread::MultiGzDecoder::new(buffered)),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::with_buffer(buffered)?),
        Compression::None => Box::new(buffered),
    })
}

/// Read `reader` to its end, discarding the bytes: after a tar extractor has
/// stopped at the end-of-archive marker, this reaches EOF so the digests
/// underneath are checked. Returns the number of bytes drained.
pub fn finish<R: Read + ?Sized>(reader: &mut R) -> io::Result<u64> {
    io::copy(reader, &mut io::sink())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn desc(data: &[u8]) -> Descriptor {
        Descriptor::of(manifest::OCI_LAYER_GZIP, data)
    }

    fn chunks(data: &[u8], size: usize) -> Vec<Result<Bytes, Error>> {
        data.chunks(size).map(|c| Ok(Bytes::copy_from_slice(c))).collect()
    }

    fn read_all(mut r: impl Read) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        r.read_to_end(&mut out)?;
        Ok(out)
    }

    fn rt() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap()
    }

    #[test]
    fn blob_reader_passes_good_data() {
        let rt = rt();
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let r = BlobReader::spawn(rt.handle(), futures_util::stream::iter(chunks(&data, 7000)), &desc(&data)).unwrap();
        let progress = r.progress();
        assert_eq!(read_all(r).unwrap(), data);
        assert_eq!(progress.load(Ordering::Relaxed), data.len() as u64);
    }

    #[test]
    fn blob_reader_detects_wrong_digest_and_size() {
        let rt = rt();
        let data = b"hello world".to_vec();
        // Asked for under another blob's digest.
        let wrong = Descriptor::new(manifest::OCI_LAYER, Digest::sha256_of(b"other"), data.len() as u64);
        let r = BlobReader::spawn(rt.handle(), futures_util::stream::iter(chunks(&data, 3)), &wrong).unwrap();
        let e = read_all(r).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("digest mismatch"), "{e}");
        // Truncated.
        let r =
            BlobReader::spawn(rt.handle(), futures_util::stream::iter(chunks(&data[..5], 3)), &desc(&data)).unwrap();
        let e = read_all(r).unwrap_err().to_string();
        assert!(e.contains("size mismatch: expected 11 bytes, got 5"), "{e}");
        // Too long: fails before EOF.
        let mut longer = data.clone();
        longer.extend_from_slice(b"!!");
        let r = BlobReader::spawn(rt.handle(), futures_util::stream::iter(chunks(&longer, 4)), &desc(&data)).unwrap();
        let e = read_all(r).unwrap_err().to_string();
        assert!(e.contains("size mismatch"), "{e}");
        // A transfer error is passed on.
        let items = vec![
            Ok(Bytes::from_static(b"hel")),
            Err(Error::Network { what: "x".into(), detail: "reset".into(), transient: true }),
        ];
        let r = BlobReader::spawn(rt.handle(), futures_util::stream::iter(items), &desc(&data)).unwrap();
        let e = read_all(r).unwrap_err().to_string();
        assert_eq!(e, "x: reset");
    }

    #[test]
    fn blob_reader_drop_cancels() {
        let rt = rt();
        let data = vec![7u8; 1 << 20];
        let mut r =
            BlobReader::spawn(rt.handle(), futures_util::stream::iter(chunks(&data, 1024)), &desc(&data)).unwrap();
        let mut buf = [0u8; 10];
        r.read_exact(&mut buf).unwrap();
        drop(r); // must not hang or panic
    }

    #[test]
    fn verifying_reader() {
        let data = b"some tar bytes";
        let d = Digest::sha256_of(data);
        assert_eq!(read_all(VerifyingReader::new(&data[..], "layer", &d, None).unwrap()).unwrap(), data);
        let e = read_all(VerifyingReader::new(&b"other"[..], "layer diff_id", &d, None).unwrap()).unwrap_err();
        assert!(e.to_string().starts_with("layer diff_id: digest mismatch: expected sha256:"), "{e}");
        let e = read_all(VerifyingReader::new(&data[..], "x", &d, Some(3)).unwrap()).unwrap_err();
        assert!(e.to_string().contains("size mismatch"), "{e}");
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn decompress_sniffs() {
        let data: Vec<u8> = (0..100_000u32).flat_map(|i| i.to_le_bytes()).collect();
        let gz = gzip(&data);
        let zst = zstd::encode_all(&data[..], 1).unwrap();
        // Correct media types.
        assert_eq!(read_all(decompress(manifest::OCI_LAYER_GZIP, io::Cursor::new(gz.clone())).unwrap()).unwrap(), data);
        assert_eq!(
            read_all(decompress(manifest::OCI_LAYER_ZSTD, io::Cursor::new(zst.clone())).unwrap()).unwrap(),
            data
        );
        assert_eq!(read_all(decompress(manifest::OCI_LAYER, io::Cursor::new(data.clone())).unwrap()).unwrap(), data);
        // Lying / ambiguous media types: the magic bytes win.
        assert_eq!(
            read_all(decompress(manifest::DOCKER_LAYER_GZIP, io::Cursor::new(zst.clone())).unwrap()).unwrap(),
            data
        );
        assert_eq!(
            read_all(decompress(manifest::DOCKER_LAYER_GZIP, io::Cursor::new(data.clone())).unwrap()).unwrap(),
            data
        );
        assert_eq!(
            read_all(decompress("application/octet-stream", io::Cursor::new(gz.clone())).unwrap()).unwrap(),
            data
        );
        // Concatenated gzip members.
        let mut two = gzip(&data[..1000]);
        two.extend(gzip(&data[1000..]));
        assert_eq!(read_all(decompress(manifest::OCI_LAYER_GZIP, io::Cursor::new(two)).unwrap()).unwrap(), data);
        // Empty input is an empty tar stream.
        assert!(read_all(decompress(manifest::OCI_LAYER, io::Cursor::new(Vec::new())).unwrap()).unwrap().is_empty());
        // Unsupported.
        let e = decompress(manifest::OCI_LAYER, io::Cursor::new(b"BZh91AY".to_vec())).err().unwrap();
        assert!(e.to_string().contains("unsupported layer compression bzip2"), "{e}");
        // Corrupt gzip is an error, not silence.
        let mut bad = gz.clone();
        let mid = bad.len() / 2;
        bad[mid] ^= 0xff;
        assert!(read_all(decompress(manifest::OCI_LAYER_GZIP, io::Cursor::new(bad)).unwrap()).is_err());
    }

    #[test]
    fn decompress_over_verified_blob_checks_digest_at_eof() {
        let rt = rt();
        let data = vec![42u8; 300_000];
        let gz = gzip(&data);
        let d = desc(&gz);
        let r = BlobReader::spawn(rt.handle(), futures_util::stream::iter(chunks(&gz, 8192)), &d).unwrap();
        let mut dec = decompress(&d.media_type, r).unwrap();
        let mut first = vec![0u8; 1000];
        dec.read_exact(&mut first).unwrap();
        assert!(finish(&mut dec).is_ok());
        // Corrupted in transit (same size): the gzip CRC or our digest fails.
        let mut bad = gz.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1; // the ISIZE trailer
        let r = BlobReader::spawn(rt.handle(), futures_util::stream::iter(chunks(&bad, 8192)), &d).unwrap();
        let mut dec = decompress(&d.media_type, r).unwrap();
        assert!(finish(&mut dec).is_err());
    }
}
