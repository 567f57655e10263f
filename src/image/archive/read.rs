//! Reading image archives (`load`): random access to the files of an
//! input and the images they hold (see [`super`]).

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{self, BufReader, Read, Seek, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{anyhow, bail, Context as _};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::Value;
use sha2::Digest as _;

use crate::image::copy::Blobs;
use crate::image::lookup::normalize_name;
use crate::registry::manifest::{
    select_platform, DOCKER_CONFIG, OCI_CONFIG, OCI_LAYER, OCI_LAYER_GZIP, OCI_LAYER_ZSTD, OCI_MANIFEST,
};
use crate::registry::{
    decompress, Compression, Descriptor, Digest, ImageIndex, ImageManifest, Manifest, ManifestKind, Platform,
    Reference, VerifyingReader,
};

use super::{CONTAINERD_NAME, REF_NAME};

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
