//! The one way images enter the store: from a registry (`pull`) or an
//! archive (`load`). Missing layers are copied in parallel, each streamed
//! blob → digest check → decompression → extraction (nothing compressed is
//! written to disk); then the image record is written in one transaction.
//!
//! Verification: the blob reader a source hands out checks the blob's size
//! and digest when it reaches EOF, and `Store::put_layer` reads the
//! decompressed stream to its end and checks the diff_id; either mismatch
//! fails the layer and discards what was extracted.

use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, bail, Context as _};
use serde_json::Value;

use rpod_storage::{chain_id, ImageRecord, LayerSpec, StorageError, Store};

use super::progress::Progress;
use crate::registry::{decompress, Descriptor, ImageManifest};

/// Where the blobs of an image come from.
pub trait Blobs: Sync {
    /// A reader over the blob's bytes as published (compressed), which
    /// fails at EOF if they do not match `desc` (size and digest).
    fn open(&self, desc: &Descriptor) -> anyhow::Result<Box<dyn Read + Send>>;
}

/// One uncompressed layer tar in a (temporary) file as the only blob of
/// an image whose other layers are stored already (`import`, `commit`).
pub struct SpoolBlob {
    pub file: std::fs::File,
}

impl Blobs for SpoolBlob {
    fn open(&self, desc: &Descriptor) -> anyhow::Result<Box<dyn Read + Send>> {
        use std::io::Seek as _;
        let mut f = self.file.try_clone().context("reopening the temporary file")?;
        f.rewind().context("rewinding the temporary file")?;
        Ok(Box::new(crate::registry::VerifyingReader::new(f, "the layer", &desc.digest, Some(desc.size))?))
    }
}

/// An image to store.
pub struct Incoming<'a> {
    pub manifest_bytes: &'a [u8],
    pub manifest_digest: &'a str,
    pub manifest: &'a ImageManifest,
    pub config: &'a [u8],
    /// Names (`docker.io/library/busybox:latest`) to give the image.
    pub names: Vec<String>,
}

/// One layer of the image, as the store knows it.
struct Layer<'a> {
    desc: &'a Descriptor,
    spec: LayerSpec,
}

/// Store the image: copy the layers the store lacks (at most `parallel` at
/// once), then the record. Layers are held while the image is assembled, so
/// a concurrent `rmi` cannot remove one in between.
pub fn store_image(
    store: &Store,
    blobs: &dyn Blobs,
    img: &Incoming,
    parallel: usize,
    progress: &Progress,
) -> anyhow::Result<ImageRecord> {
    let config: Value = serde_json::from_slice(img.config).context("parsing the image configuration")?;
    let diff_ids: Vec<String> = config["rootfs"]["diff_ids"]
        .as_array()
        .ok_or_else(|| anyhow!("the image configuration has no rootfs.diff_ids"))?
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .ok_or_else(|| anyhow!("a diff_id of the image configuration is not a string"))
        })
        .collect::<anyhow::Result<_>>()?;
    if diff_ids.len() != img.manifest.layers.len() {
        bail!("the image configuration lists {} layers but the manifest {}", diff_ids.len(), img.manifest.layers.len());
    }
    let mut parent: Option<String> = None;
    let mut layers = Vec::with_capacity(diff_ids.len());
    for (desc, diff_id) in img.manifest.layers.iter().zip(&diff_ids) {
        let chain = chain_id(parent.as_deref(), diff_id);
        layers.push(Layer {
            desc,
            spec: LayerSpec {
                chain_id: chain.clone(),
                parent: parent.clone(),
                diff_id: diff_id.clone(),
                compressed_digest: Some(desc.digest.to_string()),
            },
        });
        parent = Some(chain);
    }

    let holder = format!("copy-{}-{}", std::process::id(), nanos());
    let result = copy_layers(store, blobs, &layers, parallel, progress, &holder).and_then(|()| {
        progress.line(&format!("Copying config {}", img.manifest.config.digest));
        progress.line("Writing manifest to image destination");
        let record = ImageRecord {
            id: rpod_storage_hex(&img.manifest.config.digest.to_string()),
            digest: img.manifest_digest.to_string(),
            manifest: img.manifest_bytes.to_vec(),
            config: img.config.to_vec(),
            layers: layers.iter().map(|l| l.spec.chain_id.clone()).collect(),
            names: img.names.clone(),
            size: 0,
            created: created_of(&config),
            added: now(),
            digests: vec![img.manifest_digest.to_string()],
        };
        store.put_image(&record).context("storing the image")?;
        store.image(&record.id)?.ok_or_else(|| anyhow!("image {} vanished after it was stored", record.id))
    });
    if let Err(e) = store.release(&holder) {
        log::debug!("releasing the layers held by {holder}: {e}");
    }
    if result.is_err() {
        // A failed copy (a full disk, a bad blob) leaves none of the
        // layers it stored that nothing else uses: another copy's layers
        // are held by it, an image's are listed by it.
        for layer in layers.iter().rev() {
            if let Err(e) = store.remove_layer_chain_if_unused(&layer.spec.chain_id) {
                log::debug!("removing layer {} after the failed copy: {e}", layer.spec.chain_id);
            }
        }
    }
    result
}

fn copy_layers(
    store: &Store,
    blobs: &dyn Blobs,
    layers: &[Layer],
    parallel: usize,
    progress: &Progress,
    holder: &str,
) -> anyhow::Result<()> {
    let mut todo = Vec::new();
    for layer in layers {
        // An image may list the same layer twice; copy it once.
        if store.has_layer(&layer.spec.chain_id) && store.hold(holder, &layer.spec.chain_id).is_ok() {
            progress.blob_skipped(&layer.desc.digest.to_string());
        } else if !todo.iter().any(|l: &&Layer| l.spec.chain_id == layer.spec.chain_id) {
            todo.push(layer);
        }
    }
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let errors = Mutex::new(Vec::new());
    let workers = parallel.clamp(1, todo.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= todo.len() || failed.load(Ordering::SeqCst) {
                    break;
                }
                if let Err(e) = copy_layer(store, blobs, todo[i], progress, holder) {
                    failed.store(true, Ordering::SeqCst);
                    errors.lock().unwrap_or_else(|p| p.into_inner()).push(e);
                }
            });
        }
    });
    match errors.into_inner().unwrap_or_else(|p| p.into_inner()).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn copy_layer(
    store: &Store,
    blobs: &dyn Blobs,
    layer: &Layer,
    progress: &Progress,
    holder: &str,
) -> anyhow::Result<()> {
    let digest = layer.desc.digest.to_string();
    let blob = blobs.open(layer.desc).with_context(|| format!("fetching blob {digest}"))?;
    let blob = SharedReader(Arc::new(Mutex::new(Shared {
        reader: progress.blob(&digest, layer.desc.size, blob),
        failure: None,
    })));
    let tar = decompress(&layer.desc.media_type, blob.clone()).with_context(|| format!("reading blob {digest}"))?;
    let mut tar = Pipe::spawn(tar).context("starting a decompression thread")?;
    if let Err(e) = store.put_layer(&layer.spec, &mut tar) {
        drop(tar);
        // A corrupted or truncated blob usually breaks decompression or
        // the tar format before its digest is checked at EOF: then read
        // the rest, and when the blob does not match its descriptor, say
        // that (not "invalid tar header"). Not after errors of the store
        // itself, such as ENOSPC: the blob is not their cause.
        if matches!(e, StorageError::Read { .. } | StorageError::UnsafePath { .. }) {
            let _ = blob.drain();
        }
        if let Some(failure) = blob.failure() {
            return Err(anyhow!(failure).context(format!("fetching blob {digest}")));
        }
        return Err(anyhow::Error::new(e).context(format!("storing layer {digest}")));
    }
    store.hold(holder, &layer.spec.chain_id).with_context(|| format!("holding layer {digest}"))?;
    Ok(())
}

/// A blob reader shared between the decompressor and [`copy_layer`], which
/// may read the rest of it after a failed extraction. It remembers the
/// blob's own verification failure (size or digest mismatch).
#[derive(Clone)]
struct SharedReader(Arc<Mutex<Shared>>);

struct Shared {
    reader: Box<dyn Read + Send>,
    failure: Option<String>,
}

impl SharedReader {
    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Reads to EOF, where the blob's size and digest are checked.
    fn drain(&self) -> std::io::Result<u64> {
        std::io::copy(&mut SharedReader(self.0.clone()), &mut std::io::sink())
    }

    /// The blob did not match its descriptor: why.
    fn failure(&self) -> Option<String> {
        self.lock().failure.clone()
    }
}

impl Read for SharedReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut shared = self.lock();
        let r = shared.reader.read(buf);
        if let Err(e) = &r {
            // The blob readers report a size or digest mismatch as InvalidData.
            if e.kind() == std::io::ErrorKind::InvalidData && shared.failure.is_none() {
                shared.failure = Some(e.to_string());
            }
        }
        r
    }
}

/// Bytes moved from the decompression thread to the extraction at a time,
/// and how many such chunks may wait.
const PIPE_CHUNK: usize = 1 << 20;
const PIPE_DEPTH: usize = 4;

/// A layer's stream decompressed (and its blob verified) on a thread of
/// its own, read here by the extraction (which hashes the tar and writes
/// the files): the two halves of a layer run on two cores, as in `zstd -dc
/// | tar -x`. Otherwise the largest layer, alone on one core, is the whole
/// pull's critical path. Chunks are recycled; memory stays bounded.
struct Pipe {
    rx: Option<std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>>,
    free: std::sync::mpsc::Sender<Vec<u8>>,
    current: Vec<u8>,
    pos: usize,
    done: bool,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Pipe {
    fn spawn(mut src: Box<dyn Read + Send>) -> std::io::Result<Pipe> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<std::io::Result<Vec<u8>>>(PIPE_DEPTH);
        let (free, free_rx) = std::sync::mpsc::channel::<Vec<u8>>();
        let thread = std::thread::Builder::new().name("decompress".into()).spawn(move || loop {
            let mut buf = free_rx.try_recv().unwrap_or_default();
            buf.resize(PIPE_CHUNK, 0);
            let mut n = 0;
            while n < PIPE_CHUNK {
                match src.read(&mut buf[n..]) {
                    Ok(0) => break,
                    Ok(k) => n += k,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                }
            }
            buf.truncate(n);
            // An empty chunk is the end of the stream.
            if tx.send(Ok(buf)).is_err() || n == 0 {
                return;
            }
        })?;
        Ok(Pipe { rx: Some(rx), free, current: Vec::new(), pos: 0, done: false, thread: Some(thread) })
    }
}

impl Read for Pipe {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        while self.pos == self.current.len() {
            if self.done {
                return Ok(0);
            }
            let used = std::mem::take(&mut self.current);
            self.pos = 0;
            if used.capacity() > 0 {
                let _ = self.free.send(used);
            }
            let next = match &self.rx {
                Some(rx) => rx.recv(),
                None => return Ok(0),
            };
            match next {
                Ok(Ok(chunk)) if chunk.is_empty() => {
                    self.done = true;
                    return Ok(0);
                }
                Ok(Ok(chunk)) => self.current = chunk,
                Ok(Err(e)) => {
                    self.done = true;
                    return Err(e);
                }
                Err(_) => {
                    self.done = true;
                    return Err(std::io::Error::other("the decompression thread stopped"));
                }
            }
        }
        let n = buf.len().min(self.current.len() - self.pos);
        buf[..n].copy_from_slice(&self.current[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

impl Drop for Pipe {
    fn drop(&mut self) {
        // Unblocks a thread waiting to send; it stops at its next chunk.
        self.rx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The 64-hex of a `sha256:...` digest (image IDs are stored without the
/// algorithm).
fn rpod_storage_hex(digest: &str) -> String {
    digest.strip_prefix("sha256:").unwrap_or(digest).to_string()
}

/// `created` of an image configuration as Unix seconds (0 if absent).
pub fn created_of(config: &Value) -> i64 {
    config["created"].as_str().and_then(crate::timefmt::parse_rfc3339).unwrap_or(0)
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

fn nanos() -> u128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
}
