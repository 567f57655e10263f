//! Writing image archives (`save`, `push`): layers re-created from the
//! store, compressed or streamed, and the archive formats (see [`super`]).

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, bail, Context as _};
use serde_json::Value;
use sha2::Digest as _;

use rpod_storage::{ImageRecord, Store};

use crate::image::progress::Progress;
use crate::registry::manifest::{
    DOCKER_CONFIG, DOCKER_LAYER, DOCKER_LAYER_GZIP, DOCKER_MANIFEST, OCI_CONFIG, OCI_INDEX, OCI_LAYER, OCI_LAYER_GZIP,
    OCI_LAYER_ZSTD, OCI_MANIFEST,
};
use crate::registry::{Compression, Descriptor, Digest, ImageIndex, ImageManifest};

use super::read::*;
use super::REF_NAME;

/// What `save` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveFormat {
    /// `docker save`'s tar: `manifest.json`, `ID.json`, `DIFFID.tar`.
    DockerArchive,
    /// A tar of an OCI image layout.
    OciArchive,
    /// An OCI image layout directory.
    OciDir,
    /// The `dir:` transport: `manifest.json` (Docker schema 2), `version`, blobs by hex.
    DockerDir,
}

impl SaveFormat {
    pub fn is_dir(self) -> bool {
        matches!(self, SaveFormat::OciDir | SaveFormat::DockerDir)
    }
}

/// An image to save under these names (full references; none: by ID).
pub struct SaveImage {
    pub image: ImageRecord,
    pub names: Vec<String>,
}

/// How layers are written.
#[derive(Debug, Clone, Copy)]
pub struct LayerCompression {
    pub compression: Compression,
    /// gzip 0–9 / zstd 1–22; `None`: the default.
    pub level: Option<i32>,
}

impl LayerCompression {
    pub const NONE: LayerCompression = LayerCompression { compression: Compression::None, level: None };
    pub const GZIP: LayerCompression = LayerCompression { compression: Compression::Gzip, level: None };
}

/// A layer as a blob: re-created from the store and compressed into a
/// temporary file, or (uncompressed) only counted, to be streamed again.
pub struct LayerBlob {
    pub chain_id: String,
    pub diff_id: Digest,
    /// Digest, size and media type (OCI's; see [`docker_media_type`]).
    pub desc: Descriptor,
    /// The compressed bytes; `None`: stream [`Store::layer_tar`] again.
    pub file: Option<tempfile::NamedTempFile>,
}

/// The Docker media type for an OCI layer media type.
pub fn docker_media_type(oci: &str) -> &'static str {
    match oci {
        OCI_LAYER => DOCKER_LAYER,
        _ => DOCKER_LAYER_GZIP,
    }
}

/// The chain IDs and diff IDs of an image's layers.
pub fn image_layers(image: &ImageRecord) -> anyhow::Result<Vec<(String, Digest)>> {
    let config: Value = serde_json::from_slice(&image.config).context("parsing the image configuration")?;
    let diff_ids = config["rootfs"]["diff_ids"].as_array().cloned().unwrap_or_default();
    if diff_ids.len() != image.layers.len() {
        bail!(
            "image {}: its configuration lists {} layers, the store {}",
            image.id,
            diff_ids.len(),
            image.layers.len()
        );
    }
    image
        .layers
        .iter()
        .zip(diff_ids)
        .map(|(c, d)| {
            let d = d.as_str().ok_or_else(|| anyhow!("image {}: a diff ID is not a string", image.id))?;
            Ok((c.clone(), Digest::parse(d).map_err(|e| anyhow!("image {}: {e}", image.id))?))
        })
        .collect()
}

/// Holds layers for the lifetime of a save or push (so a concurrent
/// `rmi` cannot remove them while they are read), released on drop.
pub struct LayerHold<'a> {
    store: &'a Store,
    holder: String,
}

impl<'a> LayerHold<'a> {
    pub fn new(store: &'a Store, what: &str, chain_ids: &[String]) -> anyhow::Result<LayerHold<'a>> {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let hold = LayerHold { store, holder: format!("{what}-{}-{nanos}", std::process::id()) };
        for c in chain_ids {
            store.hold(&hold.holder, c).with_context(|| format!("holding layer {c}"))?;
        }
        Ok(hold)
    }
}

impl Drop for LayerHold<'_> {
    fn drop(&mut self) {
        if let Err(e) = self.store.release(&self.holder) {
            log::debug!("releasing the layers held by {}: {e}", self.holder);
        }
    }
}

/// Prepare the blobs of `layers` (chain ID, diff ID; duplicates once), at
/// most `parallel` at a time: compressed into temporary files in `tmp`, or
/// counted. Each re-created tar is checked against its diff ID.
pub fn prepare_layers(
    store: &Store,
    layers: &[(String, Digest)],
    how: LayerCompression,
    parallel: usize,
    tmp: &Path,
    progress: &Progress,
) -> anyhow::Result<Vec<LayerBlob>> {
    let mut todo: Vec<&(String, Digest)> = Vec::new();
    for l in layers {
        // The same content on another parent is the same blob.
        if !todo.iter().any(|t| t.1 == l.1) {
            todo.push(l);
        }
    }
    if how.compression != Compression::None {
        fs::create_dir_all(tmp).with_context(|| format!("creating {}", tmp.display()))?;
    }
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let results: Mutex<Vec<Option<anyhow::Result<LayerBlob>>>> = Mutex::new((0..todo.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..parallel.clamp(1, todo.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= todo.len() || failed.load(Ordering::SeqCst) {
                    break;
                }
                let (chain, diff) = todo[i];
                progress.line(&format!("Copying blob {diff}"));
                let r = prepare_layer(store, chain, diff, how, tmp);
                if r.is_err() {
                    failed.store(true, Ordering::SeqCst);
                }
                results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
            });
        }
    });
    let mut out = Vec::with_capacity(todo.len());
    for r in results.into_inner().unwrap_or_else(|p| p.into_inner()) {
        match r {
            Some(Ok(b)) => out.push(b),
            Some(Err(e)) => return Err(e),
            None => {}
        }
    }
    if out.len() != todo.len() {
        bail!("preparing the layers failed");
    }
    Ok(out)
}

fn prepare_layer(
    store: &Store,
    chain: &str,
    diff: &Digest,
    how: LayerCompression,
    tmp: &Path,
) -> anyhow::Result<LayerBlob> {
    let what = || format!("layer {diff}");
    let mut tar = store.layer_tar(chain).with_context(what)?;
    if how.compression == Compression::None {
        let size = io::copy(&mut tar, &mut io::sink()).with_context(what)?;
        return Ok(LayerBlob {
            chain_id: chain.to_string(),
            diff_id: diff.clone(),
            desc: Descriptor::new(OCI_LAYER, diff.clone(), size),
            file: None,
        });
    }
    let file = tempfile::Builder::new()
        .prefix("rpod-layer-")
        .tempfile_in(tmp)
        .with_context(|| format!("creating a temporary file in {}", tmp.display()))?;
    let out = file.as_file().try_clone().context("opening a temporary file")?;
    let mut counter = HashingWriter::new(BufWriter::with_capacity(256 << 10, out));
    let media_type = match how.compression {
        Compression::Gzip => {
            let level = how.level.map(|l| l.clamp(0, 9) as u32).map(flate2::Compression::new).unwrap_or_default();
            let mut enc = flate2::write::GzEncoder::new(&mut counter, level);
            io::copy(&mut tar, &mut enc).with_context(what)?;
            enc.finish().with_context(what)?;
            OCI_LAYER_GZIP
        }
        Compression::Zstd => {
            let mut enc = zstd::stream::write::Encoder::new(&mut counter, how.level.unwrap_or(3)).with_context(what)?;
            io::copy(&mut tar, &mut enc).with_context(what)?;
            enc.finish().with_context(what)?;
            OCI_LAYER_ZSTD
        }
        Compression::None => unreachable!(),
    };
    counter.inner.flush().with_context(what)?;
    let HashingWriter { n, hash, .. } = counter;
    let digest = Digest::from_sha256(hash.finalize().into());
    Ok(LayerBlob {
        chain_id: chain.to_string(),
        diff_id: diff.clone(),
        desc: Descriptor::new(media_type, digest, n),
        file: Some(file),
    })
}

/// A writer that counts and hashes (SHA-256) what goes through it.
pub(crate) struct HashingWriter<W> {
    pub inner: W,
    pub hash: sha2::Sha256,
    pub n: u64,
}

impl<W> HashingWriter<W> {
    pub fn new(inner: W) -> Self {
        HashingWriter { inner, hash: sha2::Sha256::new(), n: 0 }
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.n += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl LayerBlob {
    /// A reader over the blob's bytes, which must be exactly `desc.size`.
    pub fn open(&self, store: &Store) -> anyhow::Result<Box<dyn Read + Send>> {
        let r: Box<dyn Read + Send> = match &self.file {
            Some(f) => Box::new(f.reopen().context("reopening a temporary file")?),
            None => Box::new(store.layer_tar(&self.chain_id).with_context(|| format!("layer {}", self.diff_id))?),
        };
        Ok(Box::new(ExactReader { inner: r, left: self.desc.size, what: format!("layer {}", self.diff_id) }))
    }
}

/// Fails unless the inner reader yields exactly `left` bytes.
pub(super) struct ExactReader<R> {
    pub(super) inner: R,
    pub(super) left: u64,
    pub(super) what: String,
}

impl<R: Read> Read for ExactReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // Must be the end, too.
            let mut one = [0u8; 1];
            return match self.inner.read(&mut one)? {
                0 => Ok(0),
                _ => Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{} changed size while it was read", self.what),
                )),
            };
        }
        let want = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("{} changed size while it was read", self.what),
            ));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// One image as written: its manifest and the blobs it needs.
pub(super) struct Written {
    pub(super) manifest: Vec<u8>,
    pub(super) manifest_desc: Descriptor,
    pub(super) config: Vec<u8>,
    pub(super) config_desc: Descriptor,
    /// Indexes into the prepared layer blobs, in order.
    pub(super) layers: Vec<usize>,
    pub(super) names: Vec<String>,
    pub(super) id: String,
}

/// Build an image manifest of `config` and `layers` (OCI, or Docker
/// schema 2 with `docker`).
pub fn build_manifest(config: &[u8], layers: &[&Descriptor], docker: bool) -> anyhow::Result<Vec<u8>> {
    let config_type = if docker { DOCKER_CONFIG } else { OCI_CONFIG };
    let m = ImageManifest {
        schema_version: 2,
        media_type: Some(if docker { DOCKER_MANIFEST } else { OCI_MANIFEST }.to_string()),
        config: Descriptor::of(config_type, config),
        layers: layers
            .iter()
            .map(|d| {
                let mut d = (*d).clone();
                if docker {
                    d.media_type = docker_media_type(&d.media_type).to_string();
                }
                d
            })
            .collect(),
        annotations: None,
    };
    Ok(serde_json::to_vec(&m)?)
}

/// Save `images` in `format` to `out` (an archive) or into the directory
/// `dir` (`OciDir`, `DockerDir`). Layers are compressed with `layers`
/// (archives and OCI layouts; `docker-archive` is always uncompressed).
pub fn save(
    store: &Store,
    images: &[SaveImage],
    format: SaveFormat,
    layers: LayerCompression,
    parallel: usize,
    progress: &Progress,
    out: SaveTarget,
) -> anyhow::Result<()> {
    if images.is_empty() {
        bail!("no image to save");
    }
    if format == SaveFormat::DockerDir && images.len() > 1 {
        bail!("docker-dir holds one image; use docker-archive or an OCI format for several");
    }
    let how = if format == SaveFormat::DockerArchive { LayerCompression::NONE } else { layers };
    let mut all = Vec::new();
    for img in images {
        all.extend(image_layers(&img.image)?);
    }
    let chains: Vec<String> = all.iter().map(|l| l.0.clone()).collect();
    let _hold = LayerHold::new(store, "save", &chains)?;
    progress.line("Getting image source signatures");
    let tmp = tmp_dir();
    let blobs = prepare_layers(store, &all, how, parallel, &tmp, progress)?;

    let docker = format == SaveFormat::DockerDir;
    let mut written = Vec::new();
    for img in images {
        let ls = image_layers(&img.image)?;
        let idx: Vec<usize> = ls
            .iter()
            .map(|(c, d)| {
                blobs.iter().position(|b| &b.diff_id == d).ok_or_else(|| anyhow!("layer {c} was not prepared"))
            })
            .collect::<anyhow::Result<_>>()?;
        let descs: Vec<&Descriptor> = idx.iter().map(|&i| &blobs[i].desc).collect();
        let manifest = build_manifest(&img.image.config, &descs, docker)?;
        let mt = if docker { DOCKER_MANIFEST } else { OCI_MANIFEST };
        progress.line(&format!("Copying config sha256:{}", img.image.id));
        written.push(Written {
            manifest_desc: Descriptor::of(mt, &manifest),
            manifest,
            config_desc: Descriptor::of(if docker { DOCKER_CONFIG } else { OCI_CONFIG }, &img.image.config),
            config: img.image.config.clone(),
            layers: idx,
            names: img.names.clone(),
            id: img.image.id.clone(),
        });
    }
    progress.line("Writing manifest to image destination");
    match (format, out) {
        (SaveFormat::DockerArchive, SaveTarget::Stream(w)) => write_docker_archive(store, &written, &blobs, w),
        (SaveFormat::OciArchive, SaveTarget::Stream(w)) => write_oci_archive(store, &written, &blobs, w),
        (SaveFormat::OciDir, SaveTarget::Dir(d)) => write_oci_dir(store, &written, &blobs, d),
        (SaveFormat::DockerDir, SaveTarget::Dir(d)) => write_docker_dir(store, &written[0], &blobs, d),
        (f, _) => bail!("internal error: {f:?} written to the wrong kind of target"),
    }
}

/// Where `save` writes.
pub enum SaveTarget<'a> {
    Stream(&'a mut dyn Write),
    Dir(&'a Path),
}

pub(super) fn tar_header(path: &str, size: u64, dir: bool) -> anyhow::Result<tar::Header> {
    let mut h = tar::Header::new_ustar();
    h.set_entry_type(if dir { tar::EntryType::Directory } else { tar::EntryType::Regular });
    h.set_size(size);
    h.set_mode(if dir { 0o755 } else { 0o644 });
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(0);
    h.set_path(path).with_context(|| format!("tar entry {path}"))?;
    h.set_cksum();
    Ok(h)
}

fn append_bytes<W: Write>(tar: &mut tar::Builder<W>, path: &str, data: &[u8]) -> anyhow::Result<()> {
    let h = tar_header(path, data.len() as u64, false)?;
    tar.append(&h, data).with_context(|| format!("writing {path}"))
}

fn append_layer<W: Write>(
    tar: &mut tar::Builder<W>,
    path: &str,
    store: &Store,
    blob: &LayerBlob,
) -> anyhow::Result<()> {
    let h = tar_header(path, blob.desc.size, false)?;
    let r = blob.open(store)?;
    tar.append(&h, r).with_context(|| format!("writing {path}"))
}

fn write_docker_archive(
    store: &Store,
    images: &[Written],
    blobs: &[LayerBlob],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut entries = Vec::new();
    for w in images {
        entries.push(serde_json::json!({
            "Config": format!("{}.json", w.id),
            "RepoTags": w.names,
            "Layers": w.layers.iter().map(|&i| format!("{}.tar", blobs[i].diff_id.hex())).collect::<Vec<_>>(),
        }));
    }
    let mut tar = tar::Builder::new(out);
    append_bytes(&mut tar, "manifest.json", &serde_json::to_vec(&entries)?)?;
    let mut done = Vec::new();
    for w in images {
        let path = format!("{}.json", w.id);
        if !done.contains(&path) {
            append_bytes(&mut tar, &path, &w.config)?;
            done.push(path);
        }
    }
    for b in blobs {
        append_layer(&mut tar, &format!("{}.tar", b.diff_id.hex()), store, b)?;
    }
    tar.into_inner().context("finishing the archive")?.flush().context("writing the archive")?;
    Ok(())
}

/// `index.json` of an OCI layout: an entry per name (annotated with it),
/// one without annotation for an image saved by ID.
pub(super) fn oci_index(images: &[Written], previous: Option<ImageIndex>) -> anyhow::Result<Vec<u8>> {
    let mut manifests = Vec::new();
    let mut new_names = Vec::new();
    for w in images {
        if w.names.is_empty() {
            manifests.push(w.manifest_desc.clone());
        }
        for n in &w.names {
            let mut d = w.manifest_desc.clone();
            d.annotations = Some(BTreeMap::from([(REF_NAME.to_string(), n.clone())]));
            manifests.push(d);
            new_names.push(n.clone());
        }
    }
    // Entries of an existing layout stay unless a name is taken over.
    if let Some(prev) = previous {
        let mut kept: Vec<Descriptor> = prev
            .manifests
            .into_iter()
            .filter(|d| {
                let name = d.annotations.as_ref().and_then(|a| a.get(REF_NAME));
                name.is_none_or(|n| !new_names.contains(n)) && !manifests.iter().any(|m| m == d)
            })
            .collect();
        kept.extend(manifests);
        manifests = kept;
    }
    let index = ImageIndex { schema_version: 2, media_type: Some(OCI_INDEX.to_string()), manifests, annotations: None };
    Ok(serde_json::to_vec(&index)?)
}

const OCI_LAYOUT: &[u8] = br#"{"imageLayoutVersion":"1.0.0"}"#;

fn write_oci_archive(
    store: &Store,
    images: &[Written],
    blobs: &[LayerBlob],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut tar = tar::Builder::new(out);
    append_bytes(&mut tar, "oci-layout", OCI_LAYOUT)?;
    append_bytes(&mut tar, "index.json", &oci_index(images, None)?)?;
    for dir in ["blobs/", "blobs/sha256/"] {
        tar.append(&tar_header(dir, 0, true)?, io::empty()).context("writing the archive")?;
    }
    let mut done: Vec<String> = Vec::new();
    let mut once = |d: &Digest| {
        let p = blob_path(d);
        if done.contains(&p) {
            None
        } else {
            done.push(p.clone());
            Some(p)
        }
    };
    for w in images {
        if let Some(p) = once(&w.manifest_desc.digest) {
            append_bytes(&mut tar, &p, &w.manifest)?;
        }
        if let Some(p) = once(&w.config_desc.digest) {
            append_bytes(&mut tar, &p, &w.config)?;
        }
    }
    for b in blobs {
        if let Some(p) = once(&b.desc.digest) {
            append_layer(&mut tar, &p, store, b)?;
        }
    }
    tar.into_inner().context("finishing the archive")?.flush().context("writing the archive")?;
    Ok(())
}

fn write_oci_dir(store: &Store, images: &[Written], blobs: &[LayerBlob], dir: &Path) -> anyhow::Result<()> {
    let blob_dir = dir.join("blobs/sha256");
    fs::create_dir_all(&blob_dir).with_context(|| format!("creating {}", blob_dir.display()))?;
    let previous = match fs::read(dir.join("index.json")) {
        Ok(b) => {
            Some(serde_json::from_slice::<ImageIndex>(&b).with_context(|| format!("{}/index.json", dir.display()))?)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("reading {}/index.json", dir.display())),
    };
    let put = |d: &Digest, r: Box<dyn Read + Send>| -> anyhow::Result<()> {
        let p = dir.join(blob_path(d));
        if p.is_file() {
            return Ok(());
        }
        crate::files::write_atomic(&p, r)
    };
    for b in blobs {
        put(&b.desc.digest, b.open(store)?)?;
    }
    for w in images {
        put(&w.config_desc.digest, Box::new(io::Cursor::new(w.config.clone())))?;
        put(&w.manifest_desc.digest, Box::new(io::Cursor::new(w.manifest.clone())))?;
    }
    crate::files::write_atomic(&dir.join("oci-layout"), OCI_LAYOUT)?;
    crate::files::write_atomic(&dir.join("index.json"), &oci_index(images, previous)?[..])
}

fn write_docker_dir(store: &Store, image: &Written, blobs: &[LayerBlob], dir: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for &i in &image.layers {
        let b = &blobs[i];
        let p = dir.join(b.desc.digest.hex());
        if !p.is_file() {
            crate::files::write_atomic(&p, b.open(store)?)?;
        }
    }
    crate::files::write_atomic(&dir.join(image.config_desc.digest.hex()), &image.config[..])?;
    crate::files::write_atomic(&dir.join("manifest.json"), &image.manifest[..])?;
    crate::files::write_atomic(&dir.join("version"), &b"Directory Transport Version: 1.1\n"[..])
}
