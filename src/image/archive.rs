//! Image archives: OCI image layouts (a directory, or a tar of one:
//! `oci-archive`), Docker's `docker save` format (`docker-archive`) and the
//! `dir:` transport's directory (`docker-dir`, written only).
//!
//! Reading (`load`): [`open`] gives random access to the files of an input —
//! a directory as it is; an uncompressed tar file indexed in place (entry
//! offsets, data read with `pread`, nothing copied); a compressed tar or a
//! stream (stdin) decompressed into an unlinked temporary file first (gone
//! when rpod exits, even on `kill -9`) and indexed. [`Archive::images`]
//! then finds the images (`index.json`, else `manifest.json`), verifying
//! manifests and configs against their digests; their layers go through
//! [`super::copy::store_image`] with [`Archive::blobs`], whose readers verify
//! each blob's size and digest at EOF.
//!
//! Writing (`save`, `push`): layers are re-created from the store with
//! [`Store::layer_tar`] (the exact tar whose sha256 is the diff ID, checked
//! at EOF), compressed into temporary files in parallel when the format
//! wants them compressed (a tar header and a manifest need the size and
//! digest before the bytes), or counted first and streamed when not.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, bail, Context as _};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::Value;
use sha2::Digest as _;

use rpod_storage::{ImageRecord, Store};

use super::copy::Blobs;
use super::lookup::normalize_name;
use super::progress::Progress;
use crate::registry::manifest::{
    select_platform, DOCKER_CONFIG, DOCKER_LAYER, DOCKER_LAYER_GZIP, DOCKER_MANIFEST, OCI_CONFIG, OCI_INDEX, OCI_LAYER,
    OCI_LAYER_GZIP, OCI_LAYER_ZSTD, OCI_MANIFEST,
};
use crate::registry::{
    decompress, Compression, Descriptor, Digest, ImageIndex, ImageManifest, Manifest, ManifestKind, Platform,
    Reference, VerifyingReader,
};

/// The annotation an OCI index entry names its image with.
pub const REF_NAME: &str = "org.opencontainers.image.ref.name";
/// containerd's (and BuildKit's, Docker 25's) annotation with the full name.
pub const CONTAINERD_NAME: &str = "io.containerd.image.name";

/// Largest manifest, index or config read into memory.
const MAX_METADATA: u64 = 64 << 20;

/// Where temporary files go: `$TMPDIR`, else `/var/tmp` (Podman's
/// `image_copy_tmp_dir` default: on disk, unlike a tmpfs run directory,
/// since a layer or a whole archive may be large).
pub fn tmp_dir() -> PathBuf {
    std::env::var_os("TMPDIR").filter(|v| !v.is_empty()).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/var/tmp"))
}

// ---------------------------------------------------------------------
// Reading: files of an archive

/// The files of an archive or a directory, by their clean relative path.
pub trait Files: Sync {
    /// A reader over the file's bytes and its size; `NotFound` when absent.
    fn open(&self, path: &str) -> io::Result<(Box<dyn Read + Send>, u64)>;
    fn contains(&self, path: &str) -> bool;
}

/// A relative path with `.` and empty components removed and `..`
/// resolved; `None` if it climbs out of the root. Leading `/` is ignored.
pub fn clean(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for c in path.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            c => parts.push(c),
        }
    }
    Some(parts.join("/"))
}

/// A directory (an OCI layout given with `-i DIR`).
pub struct DirFiles {
    root: PathBuf,
}

impl DirFiles {
    pub fn new(root: &Path) -> DirFiles {
        DirFiles { root: root.to_path_buf() }
    }

    fn path(&self, path: &str) -> io::Result<PathBuf> {
        let p = clean(path).filter(|p| !p.is_empty()).ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, format!("{path:?}: not a path inside the archive"))
        })?;
        Ok(self.root.join(p))
    }
}

impl Files for DirFiles {
    fn open(&self, path: &str) -> io::Result<(Box<dyn Read + Send>, u64)> {
        let p = self.path(path)?;
        let f = File::open(&p)?;
        let meta = f.metadata()?;
        if !meta.is_file() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, format!("{}: not a regular file", p.display())));
        }
        Ok((Box::new(f), meta.len()))
    }

    fn contains(&self, path: &str) -> bool {
        self.path(path).is_ok_and(|p| p.is_file())
    }
}

#[derive(Debug, Clone)]
enum TarEntry {
    Data {
        offset: u64,
        size: u64,
    },
    /// A symlink or hard link, to this clean path.
    Link(String),
}

/// A tar file, indexed: every regular file's data offset and size, links
/// resolved on lookup. Data is read with `pread`, so blobs can be read by
/// several threads at once.
pub struct TarFiles {
    file: Arc<File>,
    entries: HashMap<String, TarEntry>,
}

impl TarFiles {
    /// Index `file` (positioned at its start).
    pub fn index(file: File) -> anyhow::Result<TarFiles> {
        let len = file.metadata().context("reading the archive")?.len();
        let mut entries = HashMap::new();
        {
            let mut archive = tar::Archive::new(&file);
            let iter = archive.entries_with_seek().map_err(|e| tar_header_error(&e, 0))?;
            for (n, entry) in iter.enumerate() {
                let entry = entry.map_err(|e| tar_header_error(&e, n))?;
                let raw = entry.path_bytes();
                let name = String::from_utf8_lossy(&raw).into_owned();
                let Some(path) = clean(&name).filter(|p| !p.is_empty()) else {
                    log::debug!("archive: skipping entry {name:?}");
                    continue;
                };
                let kind = entry.header().entry_type();
                if kind.is_file() || kind == tar::EntryType::Continuous {
                    let (offset, size) = (entry.raw_file_position(), entry.size());
                    if offset.checked_add(size).is_none_or(|end| end > len) {
                        bail!("the archive is truncated: {path} ends past the end of the file ({len} bytes)");
                    }
                    entries.insert(path, TarEntry::Data { offset, size });
                } else if kind.is_symlink() || kind.is_hard_link() {
                    let Some(target) = entry.link_name_bytes() else { continue };
                    let target = String::from_utf8_lossy(&target).into_owned();
                    let resolved = if kind.is_symlink() && !target.starts_with('/') {
                        let dir = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
                        clean(&format!("{dir}/{target}"))
                    } else {
                        clean(&target)
                    };
                    match resolved {
                        Some(t) => {
                            entries.insert(path, TarEntry::Link(t));
                        }
                        None => log::debug!("archive: skipping link {name:?} -> {target:?}"),
                    }
                }
            }
        }
        Ok(TarFiles { file: Arc::new(file), entries })
    }

    fn find(&self, path: &str) -> Option<(u64, u64)> {
        let mut p = clean(path)?;
        for _ in 0..16 {
            match self.entries.get(&p)? {
                TarEntry::Data { offset, size } => return Some((*offset, *size)),
                TarEntry::Link(t) => p = t.clone(),
            }
        }
        None
    }
}

/// A tar header that cannot be read, `entries` entries into the archive.
/// The tar crate's message quotes the header's raw bytes (the start of
/// whatever file it was given, e.g. `/etc/passwd`): only logged, the error
/// says what the file is not.
pub fn tar_header_error(e: &io::Error, entries: usize) -> anyhow::Error {
    log::debug!("tar header after {entries} entries: {e}");
    if entries == 0 {
        anyhow!("not a tar archive")
    } else {
        anyhow!("damaged tar archive: the header after {entries} entries is unreadable")
    }
}

impl Files for TarFiles {
    fn open(&self, path: &str) -> io::Result<(Box<dyn Read + Send>, u64)> {
        let (offset, size) = self
            .find(path)
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("{path}: not in the archive")))?;
        Ok((Box::new(SliceReader { file: self.file.clone(), pos: offset, end: offset + size }), size))
    }

    fn contains(&self, path: &str) -> bool {
        self.find(path).is_some()
    }
}

/// `size` bytes of a file from `pos`, with `pread`.
struct SliceReader {
    file: Arc<File>,
    pos: u64,
    end: u64,
}

impl Read for SliceReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let want = buf.len().min(usize::try_from(self.end - self.pos).unwrap_or(usize::MAX));
        if want == 0 {
            return Ok(0);
        }
        let n = self.file.read_at(&mut buf[..want], self.pos)?;
        if n == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the archive is truncated"));
        }
        self.pos += n as u64;
        Ok(n)
    }
}

/// What to load from.
pub enum Input<'a> {
    Path(&'a Path),
    Stdin,
}

/// Open an archive: a directory as an OCI layout; a plain tar file in
/// place; anything else (compressed, or a pipe) decompressed into an
/// unlinked temporary file in `tmp` first.
pub fn open(input: Input, tmp: &Path) -> anyhow::Result<Archive> {
    let (file, what) = match input {
        Input::Path(p) => {
            let meta = fs::metadata(p).with_context(|| format!("opening {}", p.display()))?;
            if meta.is_dir() {
                let abs = fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                return Ok(Archive { files: Box::new(DirFiles::new(p)), source: Source::Dir(abs) });
            }
            (File::open(p).with_context(|| format!("opening {}", p.display()))?, p.display().to_string())
        }
        Input::Stdin => {
            use std::os::fd::AsFd;
            let fd = io::stdin().as_fd().try_clone_to_owned().context("reading standard input")?;
            (File::from(fd), "standard input".to_string())
        }
    };
    let meta = file.metadata().with_context(|| format!("reading {what}"))?;
    let mut head = [0u8; 6];
    let in_place = meta.is_file() && {
        let mut f = &file;
        f.stream_position().is_ok_and(|p| p == 0) && {
            let n = file.read_at(&mut head, 0).unwrap_or(0);
            Compression::sniff(&head[..n]) == Ok(Compression::None)
        }
    };
    let file = if in_place {
        file
    } else {
        fs::create_dir_all(tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let mut spool =
            tempfile::tempfile_in(tmp).with_context(|| format!("creating a temporary file in {}", tmp.display()))?;
        let mut tar = decompress("archive", BufReader::new(file)).context("reading the archive")?;
        io::copy(&mut tar, &mut spool).context("decompressing the archive")?;
        spool.rewind().context("rewinding the temporary file")?;
        spool
    };
    let files = TarFiles::index(file).map_err(|e| {
        // Podman's words for input that is none of its formats.
        if e.to_string() == "not a tar archive" {
            anyhow!("payload does not match any of the supported image formats (oci-archive, docker-archive, oci-dir): not a tar archive")
        } else {
            e
        }
    })?;
    Ok(Archive { files: Box::new(files), source: Source::Tar })
}

enum Source {
    /// An OCI layout directory (its absolute path names its images).
    Dir(PathBuf),
    Tar,
}

/// An opened archive.
pub struct Archive {
    files: Box<dyn Files>,
    source: Source,
}

/// One image found in an archive.
pub struct ArchiveImage {
    pub manifest_bytes: Vec<u8>,
    pub manifest_digest: String,
    pub manifest: ImageManifest,
    pub config: Vec<u8>,
    /// Full names (`docker.io/library/busybox:latest`); empty: none.
    pub names: Vec<String>,
    /// Where each layer blob is, by digest (docker-archive); OCI blobs are
    /// at `blobs/ALG/HEX`.
    paths: HashMap<String, String>,
}

impl ArchiveImage {
    /// The image ID (hex of the config's sha256).
    pub fn id(&self) -> String {
        self.manifest.config.digest.hex().to_string()
    }
}

/// The blobs of one image of an archive, verified as they are read.
pub struct ArchiveBlobs<'a> {
    files: &'a dyn Files,
    image: &'a ArchiveImage,
}

impl Blobs for ArchiveBlobs<'_> {
    fn open(&self, desc: &Descriptor) -> anyhow::Result<Box<dyn Read + Send>> {
        let digest = desc.digest.to_string();
        let path = self.image.paths.get(&digest).cloned().unwrap_or_else(|| blob_path(&desc.digest));
        let (reader, _) = self.files.open(&path).with_context(|| format!("opening {path} in the archive"))?;
        Ok(Box::new(VerifyingReader::new(reader, format!("blob {digest}"), &desc.digest, Some(desc.size))?))
    }
}

/// `blobs/ALG/HEX`.
pub fn blob_path(d: &Digest) -> String {
    format!("blobs/{}/{}", d.algorithm(), d.hex())
}

impl Archive {
    /// Every image of the archive, manifests and configs verified:
    /// `index.json` (an OCI layout; entries that are indexes contribute the
    /// image for this host's platform) or else `manifest.json` (a Docker
    /// archive, with an OCI manifest made up for each image).
    pub fn images(&self) -> anyhow::Result<Vec<ArchiveImage>> {
        if self.files.contains("index.json") {
            self.oci_images()
        } else if self.files.contains("manifest.json") {
            self.docker_images()
        } else {
            bail!("not an image archive: it has neither index.json (OCI) nor manifest.json (Docker)")
        }
    }

    pub fn blobs<'a>(&'a self, image: &'a ArchiveImage) -> ArchiveBlobs<'a> {
        ArchiveBlobs { files: self.files.as_ref(), image }
    }

    fn read_file(&self, path: &str) -> anyhow::Result<Vec<u8>> {
        let (mut r, size) = self.files.open(path).with_context(|| format!("reading {path}"))?;
        if size > MAX_METADATA {
            bail!("{path}: {size} bytes is too large");
        }
        let mut out = Vec::with_capacity(size as usize);
        r.read_to_end(&mut out).with_context(|| format!("reading {path}"))?;
        Ok(out)
    }

    /// A small blob, checked against its descriptor.
    fn read_blob(&self, desc: &Descriptor) -> anyhow::Result<Vec<u8>> {
        if desc.size > MAX_METADATA {
            bail!("blob {}: {} bytes is too large", desc.digest, desc.size);
        }
        let path = blob_path(&desc.digest);
        let (r, _) =
            self.files.open(&path).with_context(|| format!("blob {} is missing from the archive", desc.digest))?;
        let mut v = VerifyingReader::new(r, format!("blob {}", desc.digest), &desc.digest, Some(desc.size))?;
        let mut out = Vec::with_capacity(desc.size as usize);
        v.read_to_end(&mut out).with_context(|| format!("reading blob {}", desc.digest))?;
        Ok(out)
    }

    fn oci_images(&self) -> anyhow::Result<Vec<ArchiveImage>> {
        if let Ok(layout) = self.read_file("oci-layout") {
            let v: Value = serde_json::from_slice(&layout).context("oci-layout is not JSON")?;
            match v["imageLayoutVersion"].as_str() {
                Some(ver) if ver.starts_with("1.") => {}
                other => bail!("oci-layout: unsupported imageLayoutVersion {other:?}"),
            }
        }
        let index: ImageIndex = serde_json::from_slice(&self.read_file("index.json")?).context("parsing index.json")?;
        let host = Platform::host();
        let mut images: Vec<ArchiveImage> = Vec::new();
        for entry in &index.manifests {
            let what = format!("manifest {}", entry.digest);
            let bytes = self.read_blob(entry)?;
            let mut m = Manifest::from_bytes(Bytes::from(bytes), entry.digest.clone(), Some(&entry.media_type), &what)?;
            if m.kind() == Some(ManifestKind::Index) {
                let idx = m.index(&what)?;
                let chosen = select_platform(&idx, &host, &what)?.clone();
                let bytes = self.read_blob(&chosen)?;
                m = Manifest::from_bytes(Bytes::from(bytes), chosen.digest.clone(), Some(&chosen.media_type), &what)?;
                if m.kind() != Some(ManifestKind::Image) {
                    bail!("{what}: the entry for {host} is not an image manifest");
                }
            }
            let manifest = m.image(&what)?;
            if !is_image_config(&manifest.config.media_type) {
                log::debug!("skipping {what}: config type {} is not an image's", manifest.config.media_type);
                continue;
            }
            let names = self.oci_names(entry.annotations.as_ref());
            let digest = m.digest.to_string();
            if let Some(existing) = images.iter_mut().find(|i| i.manifest_digest == digest) {
                for n in names {
                    if !existing.names.contains(&n) {
                        existing.names.push(n);
                    }
                }
                continue;
            }
            let config = self.read_blob(&manifest.config)?;
            images.push(ArchiveImage {
                manifest_bytes: m.bytes.to_vec(),
                manifest_digest: digest,
                manifest,
                config,
                names,
                paths: HashMap::new(),
            });
        }
        if images.is_empty() {
            bail!("index.json lists no image");
        }
        Ok(images)
    }

    /// The names of an OCI index entry: containerd's full-name annotation,
    /// else `ref.name` when it is a full reference; else Podman's rule — in
    /// an archive the normalized `ref.name` (`foo` → `localhost/foo:latest`),
    /// in a directory `localhost/PATH:TAG` (Podman uses tag `latest`; a
    /// tag-only `ref.name` becomes the tag here so that a layout with
    /// several images keeps them apart). No usable name: none (the image is
    /// known by its ID).
    fn oci_names(&self, ann: Option<&BTreeMap<String, String>>) -> Vec<String> {
        let get = |k: &str| ann.and_then(|a| a.get(k)).map(String::as_str).filter(|s| !s.is_empty());
        if let Some(n) = get(CONTAINERD_NAME) {
            if let Ok(r) = normalize_name(n) {
                return vec![r.to_string()];
            }
        }
        let ref_name = get(REF_NAME);
        if let Some(n) = ref_name {
            if let Ok(r) = Reference::parse_qualified(n) {
                return vec![r.with_default_tag().to_string()];
            }
        }
        match &self.source {
            Source::Tar => {
                ref_name.and_then(|n| normalize_name(n).ok()).map(|r| vec![r.to_string()]).unwrap_or_default()
            }
            Source::Dir(path) => {
                let tag = ref_name.filter(|t| crate::registry::reference::is_tag(t)).unwrap_or("latest");
                let repo = path.to_string_lossy().trim_matches('/').to_string();
                match Reference::from_parts("localhost", &repo, Some(tag.to_string()), None) {
                    Ok(r) => vec![r.to_string()],
                    Err(e) => {
                        log::warn!("the image in {} gets no name: {e}", path.display());
                        Vec::new()
                    }
                }
            }
        }
    }

    fn docker_images(&self) -> anyhow::Result<Vec<ArchiveImage>> {
        #[derive(Deserialize)]
        struct Entry {
            #[serde(rename = "Config")]
            config: String,
            #[serde(rename = "RepoTags", default)]
            repo_tags: Option<Vec<String>>,
            #[serde(rename = "Layers", default)]
            layers: Vec<String>,
        }
        let entries: Vec<Entry> =
            serde_json::from_slice(&self.read_file("manifest.json")?).context("parsing manifest.json")?;
        if entries.is_empty() {
            bail!("manifest.json lists no image");
        }
        let mut images = Vec::new();
        for e in entries {
            let config = self.read_file(&e.config)?;
            let parsed: Value = serde_json::from_slice(&config).with_context(|| format!("parsing {}", e.config))?;
            let diff_ids: Vec<&str> = parsed["rootfs"]["diff_ids"]
                .as_array()
                .ok_or_else(|| anyhow!("{}: no rootfs.diff_ids", e.config))?
                .iter()
                .map(|v| v.as_str().unwrap_or(""))
                .collect();
            if diff_ids.len() != e.layers.len() {
                bail!("manifest.json: {} lists {} layers but its config {}", e.config, e.layers.len(), diff_ids.len());
            }
            let mut layers = Vec::new();
            let mut paths = HashMap::new();
            for (path, diff_id) in e.layers.iter().zip(&diff_ids) {
                let desc = self.docker_layer(path, diff_id)?;
                paths.insert(desc.digest.to_string(), path.clone());
                layers.push(desc);
            }
            let manifest = ImageManifest {
                schema_version: 2,
                media_type: Some(OCI_MANIFEST.to_string()),
                config: Descriptor::of(OCI_CONFIG, &config),
                layers,
                annotations: None,
            };
            let manifest_bytes = serde_json::to_vec(&manifest)?;
            let mut names = Vec::new();
            for t in e.repo_tags.unwrap_or_default() {
                match Reference::parse(&t) {
                    Ok(r) => {
                        let n = r.with_default_tag().to_string();
                        if !names.contains(&n) {
                            names.push(n);
                        }
                    }
                    Err(err) => log::warn!("manifest.json: ignoring the name {t:?}: {err}"),
                }
            }
            images.push(ArchiveImage {
                manifest_digest: Digest::sha256_of(&manifest_bytes).to_string(),
                manifest_bytes,
                manifest,
                config,
                names,
                paths,
            });
        }
        Ok(images)
    }

    /// The descriptor of a docker-archive layer: an uncompressed tar's
    /// digest is its diff ID (checked as it is stored); a compressed one is
    /// hashed here.
    fn docker_layer(&self, path: &str, diff_id: &str) -> anyhow::Result<Descriptor> {
        let (mut r, size) =
            self.files.open(path).with_context(|| format!("layer {path} is missing from the archive"))?;
        let mut head = [0u8; 6];
        let mut n = 0;
        while n < head.len() {
            match r.read(&mut head[n..]).with_context(|| format!("reading {path}"))? {
                0 => break,
                k => n += k,
            }
        }
        let (media_type, digest) = match Compression::sniff(&head[..n]) {
            Ok(Compression::None) => {
                (OCI_LAYER, Digest::parse(diff_id).map_err(|e| anyhow!("layer {path}: diff ID: {e}"))?)
            }
            Ok(c) => {
                let (mut r, _) = self.files.open(path)?;
                let mut h = sha2::Sha256::new();
                io::copy(&mut r, &mut HashWriter(&mut h)).with_context(|| format!("reading {path}"))?;
                let d = Digest::from_sha256(h.finalize().into());
                (if c == Compression::Gzip { OCI_LAYER_GZIP } else { OCI_LAYER_ZSTD }, d)
            }
            Err(what) => bail!("layer {path}: unsupported compression {what}"),
        };
        Ok(Descriptor::new(media_type, digest, size))
    }
}

fn is_image_config(media_type: &str) -> bool {
    matches!(media_type, OCI_CONFIG | DOCKER_CONFIG)
}

struct HashWriter<'a>(&'a mut sha2::Sha256);

impl Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

// ---------------------------------------------------------------------
// Writing

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
struct ExactReader<R> {
    inner: R,
    left: u64,
    what: String,
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
struct Written {
    manifest: Vec<u8>,
    manifest_desc: Descriptor,
    config: Vec<u8>,
    config_desc: Descriptor,
    /// Indexes into the prepared layer blobs, in order.
    layers: Vec<usize>,
    names: Vec<String>,
    id: String,
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

fn tar_header(path: &str, size: u64, dir: bool) -> anyhow::Result<tar::Header> {
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
fn oci_index(images: &[Written], previous: Option<ImageIndex>) -> anyhow::Result<Vec<u8>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_paths() {
        assert_eq!(clean("./a//b/./c").as_deref(), Some("a/b/c"));
        assert_eq!(clean("/blobs/sha256/x").as_deref(), Some("blobs/sha256/x"));
        assert_eq!(clean("a/../b").as_deref(), Some("b"));
        assert_eq!(clean("../x"), None);
        assert_eq!(clean("a/../../x"), None);
    }

    fn tar_of(entries: &[(&str, &[u8])], links: &[(&str, &str)]) -> File {
        let mut b = tar::Builder::new(Vec::new());
        for (p, d) in entries {
            b.append(&tar_header(p, d.len() as u64, false).unwrap(), *d).unwrap();
        }
        for (p, t) in links {
            let mut h = tar::Header::new_gnu();
            h.set_entry_type(tar::EntryType::Symlink);
            h.set_size(0);
            b.append_link(&mut h, p, t).unwrap();
        }
        let bytes = b.into_inner().unwrap();
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(&bytes).unwrap();
        f.rewind().unwrap();
        f
    }

    fn read(files: &dyn Files, p: &str) -> Vec<u8> {
        let (mut r, n) = files.open(p).unwrap();
        let mut v = Vec::new();
        r.read_to_end(&mut v).unwrap();
        assert_eq!(v.len() as u64, n);
        v
    }

    #[test]
    fn tar_index_reads_entries_and_links() {
        let big: Vec<u8> = (0..100_000u32).map(|i| (i % 253) as u8).collect();
        let f = tar_of(
            &[("./manifest.json", b"[]"), ("abc.tar", &big)],
            &[("x/layer.tar", "../abc.tar"), ("loop", "loop")],
        );
        let t = TarFiles::index(f).unwrap();
        assert_eq!(read(&t, "manifest.json"), b"[]");
        assert_eq!(read(&t, "abc.tar"), big);
        assert_eq!(read(&t, "x/layer.tar"), big);
        assert!(!t.contains("loop"));
        assert!(!t.contains("nope"));
    }

    #[test]
    fn truncated_and_junk_tars_are_refused() {
        let big = vec![7u8; 10_000];
        let f = tar_of(&[("a", &big)], &[]);
        let len = f.metadata().unwrap().len();
        f.set_len(len - 2048 - 1000).unwrap();
        let e = TarFiles::index(f).err().unwrap().to_string();
        assert!(e.contains("truncated"), "{e}");

        let mut f = tempfile::tempfile().unwrap();
        f.write_all(&b"root:x:0:0:root:/root:/bin/bash\n".repeat(60)).unwrap();
        f.rewind().unwrap();
        let e = TarFiles::index(f).err().unwrap().to_string();
        // What it is not, without the raw bytes the tar crate quotes.
        assert_eq!(e, "not a tar archive");

        let mut f = tar_of(&[("a", b"x")], &[]);
        f.seek(io::SeekFrom::Start(1024)).unwrap();
        f.write_all(&[b'y'; 512]).unwrap();
        f.rewind().unwrap();
        let e = TarFiles::index(f).err().unwrap().to_string();
        assert_eq!(e, "damaged tar archive: the header after 1 entries is unreadable");
    }

    #[test]
    fn exact_reader_checks_the_size() {
        let mut v = Vec::new();
        let r = ExactReader { inner: &b"hello"[..], left: 5, what: "x".into() };
        io::copy(&mut { r }, &mut v).unwrap();
        let mut r = ExactReader { inner: &b"hello"[..], left: 4, what: "x".into() };
        assert!(io::copy(&mut r, &mut io::sink()).is_err());
        let mut r = ExactReader { inner: &b"hello"[..], left: 6, what: "x".into() };
        assert!(io::copy(&mut r, &mut io::sink()).is_err());
    }

    #[test]
    fn index_entries_per_name() {
        let w = Written {
            manifest: b"{}".to_vec(),
            manifest_desc: Descriptor::of(OCI_MANIFEST, b"{}"),
            config: vec![],
            config_desc: Descriptor::of(OCI_CONFIG, b""),
            layers: vec![],
            names: vec!["localhost/a:1".into(), "localhost/b:2".into()],
            id: String::new(),
        };
        let idx: ImageIndex = serde_json::from_slice(&oci_index(std::slice::from_ref(&w), None).unwrap()).unwrap();
        assert_eq!(idx.manifests.len(), 2);
        assert_eq!(idx.manifests[1].annotations.as_ref().unwrap()[REF_NAME], "localhost/b:2");
        // An existing layout keeps other names, loses the retaken ones.
        let mut old = idx.clone();
        old.manifests[0].digest = Digest::sha256_of(b"old");
        old.manifests[1].digest = Digest::sha256_of(b"older");
        old.manifests[1].annotations = Some(BTreeMap::from([(REF_NAME.to_string(), "localhost/c:3".to_string())]));
        let idx: ImageIndex = serde_json::from_slice(&oci_index(&[w], Some(old)).unwrap()).unwrap();
        let names: Vec<&str> =
            idx.manifests.iter().map(|d| d.annotations.as_ref().unwrap()[REF_NAME].as_str()).collect();
        assert_eq!(names, ["localhost/c:3", "localhost/a:1", "localhost/b:2"]);
    }
}
