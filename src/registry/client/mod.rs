//! The registry client.
//!
//! Built on `oci-client` (manifests, blobs, push, tags) and, for the few
//! requests it cannot make the way rpod needs, the same HTTP stack
//! (`reqwest` with rustls and the `ring` provider): the `/v2/` ping that
//! picks HTTPS or plain HTTP and reads the auth challenge, the login check,
//! and `/v2/_catalog` (oci-client asks for a repository-scoped token there,
//! which token-auth registries refuse for the catalog).
//!
//! One connection (a pair of HTTP clients with their TLS settings and
//! credentials) is kept per registry, insecure flag and credentials.
//!
//! - TLS: the system roots plus every `*.crt` of the registry's
//!   `certs.d/HOST:PORT/` directory (the first of
//!   `~/.config/containers/certs.d`, `/etc/containers/certs.d`,
//!   `/etc/docker/certs.d` that has one; `--cert-dir` replaces the search).
//!   An insecure registry is tried over HTTPS without verification, then
//!   over plain HTTP.
//! - Timeouts: connect 5 s, read 30 s (idle). Connection errors, 5xx and 429
//!   are retried (3 times, 200/400/800 ms); 4xx and connect timeouts are not.
//!   A blob download that breaks mid-way resumes with a `Range` request.
//! - Auth: anonymous, Basic, or Bearer tokens fetched from the challenge's
//!   realm with the Basic credentials (oci-client's flow).

use std::collections::HashMap;
use std::future::Future;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use futures_util::stream::{self, BoxStream, StreamExt, TryStreamExt};
use oci_client::client::{BlobResponse, ClientConfig, ClientProtocol, LayerDescriptor};
use oci_client::errors::OciDistributionError;
use oci_client::secrets::RegistryAuth;

use super::auth::Credentials;
use super::blob::{BlobReader, Verifier};
use super::manifest::{self, select_platform, Descriptor, ImageManifest, Manifest, ManifestKind, Platform};
use super::reference::{Digest, Reference};
use super::resolve::{Candidate, Endpoint};
use super::Error;

mod errors;
mod http;

use errors::*;
use http::*;

const USER_AGENT: &str = concat!("rpod/", env!("CARGO_PKG_VERSION"));
/// Largest config blob accepted (they are a few KiB).
const MAX_CONFIG_SIZE: u64 = 64 << 20;
/// Largest manifest or index accepted: containers/image's limit.
const MAX_MANIFEST_SIZE: u64 = 4 << 20;
/// Largest token response accepted: containers/image's `MaxAuthTokenBodySize`.
const MAX_TOKEN_SIZE: u64 = 1 << 20;
/// Largest page of a tag or repository listing (1000 entries are asked for,
/// a few hundred KiB; a registry that ignores `n` still fits tens of
/// thousands). containers/image reads these whole; a hostile registry
/// should not make rpod read gigabytes into memory.
const MAX_LISTING_SIZE: u64 = 8 << 20;
/// Largest body of any other answer (`/v2/` at login, errors): containers/image's `MaxErrorBodySize`.
const MAX_OTHER_SIZE: u64 = 1 << 20;
/// Most pages followed for a catalog or tag list.
const MAX_PAGES: usize = 10_000;

/// Client settings.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// `--cert-dir`: the `*.crt` files of this directory are trusted for
    /// every registry (instead of the `certs.d` search).
    pub cert_dir: Option<PathBuf>,
    /// Directories holding one `HOST[:PORT]` sub-directory per registry; the
    /// first that has the registry's is used.
    pub certs_d: Vec<PathBuf>,
    pub connect_timeout: Duration,
    /// Longest wait for data on an open connection.
    pub read_timeout: Duration,
    /// Retries of a request failing with a transient error.
    pub retries: u32,
    /// First retry delay, doubled for each next one (unless `retry_fixed`).
    pub retry_backoff: Duration,
    /// Every retry waits `retry_backoff` (`build --retry-delay`).
    pub retry_fixed: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            cert_dir: None,
            certs_d: Vec::new(),
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(30),
            retries: 3,
            retry_backoff: Duration::from_millis(200),
            retry_fixed: false,
        }
    }
}

impl ClientOptions {
    /// Podman's `certs.d` places: rootless `$XDG_CONFIG_HOME/containers/certs.d`
    /// (`~/.config/...`) first, then `/etc/containers/certs.d` and `/etc/docker/certs.d`.
    pub fn system(rootless: bool) -> ClientOptions {
        let mut certs_d = Vec::new();
        if rootless {
            let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
            if let Some(cfg) = var("XDG_CONFIG_HOME").or_else(|| var("HOME").map(|h| h.join(".config"))) {
                certs_d.push(cfg.join("containers/certs.d"));
            }
        }
        certs_d.push(PathBuf::from("/etc/containers/certs.d"));
        certs_d.push(PathBuf::from("/etc/docker/certs.d"));
        ClientOptions { certs_d, ..ClientOptions::default() }
    }
}

/// What [`Client::fetch_image`] found.
#[derive(Debug, Clone)]
pub struct ResolvedImage {
    /// The index / manifest list the reference pointed to, if it did.
    pub index: Option<Manifest>,
    /// The image manifest (chosen from the index for the platform).
    pub manifest: Manifest,
    pub image: ImageManifest,
    /// The config blob, verified against its descriptor.
    pub config: Bytes,
}

/// Where a pushed blob's bytes come from.
pub enum BlobSource {
    Bytes(Bytes),
    File(PathBuf),
    /// Opened when the upload starts (e.g. a layer compressed on the fly);
    /// such an upload cannot be retried.
    Reader(Box<dyn FnOnce() -> io::Result<Box<dyn Read + Send>> + Send>),
}

/// A layer to push: its descriptor (digest and size must be right: the
/// registry checks them) and its bytes.
pub struct PushLayer {
    pub descriptor: Descriptor,
    pub source: BlobSource,
}

/// An image to push.
pub struct PushImage {
    /// The manifest's exact bytes (their digest is the image's digest).
    pub manifest: Bytes,
    pub manifest_media_type: String,
    pub config: Bytes,
    pub layers: Vec<PushLayer>,
}

/// Progress of [`Client::push_image`].
#[derive(Debug)]
pub enum PushEvent<'a> {
    /// The registry already has it (HEAD): not uploaded.
    BlobExists(&'a Descriptor),
    BlobUploaded(&'a Descriptor),
    ConfigUploaded(&'a Descriptor),
    ManifestWritten(&'a Digest),
}

/// A blob download: verified against its descriptor (a digest or size
/// mismatch is the last item).
pub struct BlobStream {
    inner: BoxStream<'static, Result<Bytes, Error>>,
}

impl futures_util::Stream for BlobStream {
    type Item = Result<Bytes, Error>;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

/// The registry client. Cheap to clone; share one per command.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    opts: ClientOptions,
    conns: Mutex<HashMap<ConnKey, Arc<tokio::sync::OnceCell<Arc<Conn>>>>>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct ConnKey {
    registry: String,
    insecure: bool,
    creds: Option<Credentials>,
}

/// The auth scheme a registry asked for on `/v2/`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Challenge {
    None,
    Basic,
    Bearer { realm: String, service: Option<String> },
}

/// A `/v2/` probe: scheme, URL, and the status and challenge (or the failure).
type ProbeResult = (&'static str, String, Result<(u16, Option<Challenge>), reqwest::Error>);

/// One registry, reachable.
struct Conn {
    /// `host[:port]` as the user names it.
    registry: String,
    /// `scheme://host[:port]` of the API.
    base: String,
    oci: oci_client::Client,
    http: reqwest::Client,
    challenge: Challenge,
    creds: Option<Credentials>,
    tokens: tokio::sync::Mutex<HashMap<String, String>>,
}

/// What an operation was about, for messages.
#[derive(Clone, Copy)]
enum Op<'a> {
    Manifest(&'a str),
    Blob(&'a str, &'a str),
    Push(&'a str),
}

impl Op<'_> {
    fn what(&self) -> String {
        match self {
            Op::Manifest(r) => format!("reading manifest {r}"),
            Op::Blob(r, d) => format!("reading blob {d} of {r}"),
            Op::Push(r) => format!("pushing {r}"),
        }
    }
}

/// The host the API is reached at (Docker Hub's `docker.io` is an alias,
/// as oci-client resolves it).
fn api_host(registry: &str) -> &str {
    if registry == "docker.io" {
        "index.docker.io"
    } else {
        registry
    }
}

/// An oci-client reference for a location.
/// The body of `resp`, at most `max` bytes: more (announced by
/// `Content-Length` or streamed) is an error before it is all read.
async fn read_bounded(mut resp: reqwest::Response, max: u64, conn: &Conn, what: &str) -> Result<Bytes, Error> {
    let too_large = || Error::Other(format!("{what}: the registry sent more than {max} bytes, the most accepted"));
    if resp.content_length().is_some_and(|n| n > max) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| reqwest_error(e, conn, what))? {
        if (body.len() + chunk.len()) as u64 > max {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(body))
}

fn oci_ref(loc: &Reference) -> oci_client::Reference {
    let (d, p) = (loc.domain().to_string(), loc.path().to_string());
    match (loc.tag(), loc.digest()) {
        (Some(t), Some(dg)) => oci_client::Reference::with_tag_and_digest(d, p, t.to_string(), dg.to_string()),
        (None, Some(dg)) => oci_client::Reference::with_digest(d, p, dg.to_string()),
        (Some(t), None) => oci_client::Reference::with_tag(d, p, t.to_string()),
        (None, None) => oci_client::Reference::with_tag(d, p, "latest".to_string()),
    }
}

impl Default for Client {
    fn default() -> Self {
        Client::new(ClientOptions::default())
    }
}

impl Client {
    pub fn new(opts: ClientOptions) -> Client {
        // reqwest is built without a default crypto provider: use ring.
        let _ = rustls::crypto::ring::default_provider().install_default();
        Client { inner: Arc::new(Inner { opts, conns: Mutex::new(HashMap::new()) }) }
    }

    pub fn options(&self) -> &ClientOptions {
        &self.inner.opts
    }

    // ------------------------------------------------------------------
    // Pull

    /// The manifest `candidate.location` names (by tag or digest), checked
    /// against the digest in the reference and the registry's digest header.
    pub async fn fetch_manifest(&self, candidate: &Candidate, creds: Option<&Credentials>) -> Result<Manifest, Error> {
        let conn = self.conn(candidate.registry(), candidate.insecure, creds).await?;
        self.manifest_at(&conn, &candidate.location).await
    }

    /// GET of the manifest itself (not oci-client's, which reads any body
    /// whole): at most [`MAX_MANIFEST_SIZE`] bytes are read, checked
    /// against the reference's digest and the registry's
    /// `Docker-Content-Digest`.
    async fn manifest_at(&self, conn: &Conn, location: &Reference) -> Result<Manifest, Error> {
        let shown = location.to_string();
        let op = Op::Manifest(&shown);
        let what = op.what();
        let tail = match (location.digest(), location.tag()) {
            (Some(d), _) => d.to_string(),
            (None, Some(t)) => t.to_string(),
            (None, None) => "latest".to_string(),
        };
        let url = format!("{}/v2/{}/manifests/{tail}", conn.base, location.path());
        let scope = format!("repository:{}:pull", location.path());
        let accept = manifest::ACCEPTED_MANIFEST_TYPES.join(", ");
        let (status, headers, bytes) =
            self.retry(|| self.get_bounded(conn, &url, Some(&scope), &what, Some(&accept), MAX_MANIFEST_SIZE)).await?;
        if status != 200 {
            return Err(http_error(conn, status, &bytes, &what, Some(op)));
        }
        let header = headers.get("docker-content-digest").and_then(|v| v.to_str().ok()).map(str::to_string);
        let mut expected = Vec::new();
        expected.extend(location.digest().cloned());
        if let Some(h) = header.as_deref().and_then(|h| Digest::parse(h).ok()) {
            expected.push(h);
        }
        for d in &expected {
            let mut v = Verifier::new(format!("manifest {shown}"), d, None)?;
            v.update(&bytes)?;
            v.finish()?;
        }
        let digest = expected.into_iter().next().unwrap_or_else(|| Digest::sha256_of(&bytes));
        Manifest::from_bytes(bytes, digest, None, &shown)
    }

    /// The manifest, the platform's manifest if it is an index (`platform`:
    /// `--platform`/`--arch`/`--os`, or [`Platform::host`]), and the config.
    pub async fn fetch_image(
        &self,
        candidate: &Candidate,
        creds: Option<&Credentials>,
        platform: &Platform,
    ) -> Result<ResolvedImage, Error> {
        let conn = self.conn(candidate.registry(), candidate.insecure, creds).await?;
        let first = self.manifest_at(&conn, &candidate.location).await?;
        let shown = candidate.location.to_string();
        let (index, manifest) = match first.kind() {
            Some(ManifestKind::Index) => {
                let idx = first.index(&shown)?;
                let chosen = select_platform(&idx, platform, &shown)?;
                let child_loc = candidate.location.clone().without_tag().with_digest(chosen.digest.clone());
                let child = self.manifest_at(&conn, &child_loc).await?;
                if child.kind() != Some(ManifestKind::Image) {
                    return Err(Error::InvalidManifest {
                        reference: child_loc.to_string(),
                        detail: format!("expected an image manifest for {platform}, got {}", child.media_type),
                    });
                }
                (Some(first), child)
            }
            _ => (None, first),
        };
        let image = manifest.image(&shown)?;
        let config = self.blob_bytes(&conn, &candidate.location, &image.config, MAX_CONFIG_SIZE).await?;
        Ok(ResolvedImage { index, manifest, image, config })
    }

    /// A config (or any small blob), verified against `desc`.
    pub async fn fetch_config(
        &self,
        candidate: &Candidate,
        creds: Option<&Credentials>,
        desc: &Descriptor,
    ) -> Result<Bytes, Error> {
        let conn = self.conn(candidate.registry(), candidate.insecure, creds).await?;
        self.blob_bytes(&conn, &candidate.location, desc, MAX_CONFIG_SIZE).await
    }

    async fn blob_bytes(
        &self,
        conn: &Arc<Conn>,
        location: &Reference,
        desc: &Descriptor,
        max: u64,
    ) -> Result<Bytes, Error> {
        if desc.size > max {
            return Err(Error::Other(format!("blob {} is too large ({} bytes) for a config", desc.digest, desc.size)));
        }
        let mut verifier = Verifier::new(format!("blob {}", desc.digest), &desc.digest, Some(desc.size))?;
        let mut out = Vec::with_capacity(desc.size as usize);
        let mut s = std::pin::pin!(self.raw_blob(Some(conn.clone()), location.clone(), None, false, desc.clone()));
        while let Some(chunk) = s.next().await {
            let chunk = chunk?;
            verifier.update(&chunk)?;
            out.extend_from_slice(&chunk);
        }
        verifier.finish()?;
        Ok(Bytes::from(out))
    }

    /// A blob (layer) as a stream, verified against `desc`: a digest or size
    /// mismatch is the stream's last item. Interrupted transfers resume.
    pub async fn blob_stream(
        &self,
        candidate: &Candidate,
        creds: Option<&Credentials>,
        desc: &Descriptor,
    ) -> Result<BlobStream, Error> {
        let conn = self.conn(candidate.registry(), candidate.insecure, creds).await?;
        let mut verifier = Verifier::new(format!("blob {}", desc.digest), &desc.digest, Some(desc.size))?;
        let raw = self.raw_blob(Some(conn), candidate.location.clone(), None, candidate.insecure, desc.clone());
        let mut finished = false;
        let verified = raw.map(Some).chain(stream::once(async { None })).filter_map(move |item| {
            let out = match item {
                _ if finished => None,
                Some(Ok(chunk)) => match verifier.update(&chunk) {
                    Ok(()) => Some(Ok(chunk)),
                    Err(e) => {
                        finished = true;
                        Some(Err(e))
                    }
                },
                Some(Err(e)) => {
                    finished = true;
                    Some(Err(e))
                }
                None => verifier.finish().err().map(Err),
            };
            std::future::ready(out)
        });
        Ok(BlobStream { inner: verified.boxed() })
    }

    /// A blocking reader over a layer, for extraction: the download runs on
    /// `handle`, the reader verifies size and digest at EOF (see
    /// [`BlobReader`]). Connection errors surface on the first read.
    pub fn blob_reader(
        &self,
        handle: &tokio::runtime::Handle,
        candidate: &Candidate,
        creds: Option<&Credentials>,
        desc: &Descriptor,
    ) -> Result<BlobReader, Error> {
        let raw = self.raw_blob(None, candidate.location.clone(), creds.cloned(), candidate.insecure, desc.clone());
        BlobReader::spawn(handle, raw, desc)
    }

    /// The blob's bytes as they come (unverified), resuming after transient
    /// failures with a `Range` request. `conn` is made on first poll if not given.
    fn raw_blob(
        &self,
        conn: Option<Arc<Conn>>,
        location: Reference,
        creds: Option<Credentials>,
        insecure: bool,
        desc: Descriptor,
    ) -> impl futures_util::Stream<Item = Result<Bytes, Error>> + Send + 'static {
        struct State {
            client: Client,
            conn: Option<Arc<Conn>>,
            location: Reference,
            creds: Option<Credentials>,
            insecure: bool,
            desc: Descriptor,
            body: Option<BoxStream<'static, Result<Bytes, io::Error>>>,
            offset: u64,
            skip: u64,
            failures: u32,
            done: bool,
        }
        let state = State {
            client: self.clone(),
            conn,
            location,
            creds,
            insecure,
            desc,
            body: None,
            offset: 0,
            skip: 0,
            failures: 0,
            done: false,
        };
        stream::unfold(state, |mut s| async move {
            loop {
                if s.done || (s.body.is_none() && s.offset >= s.desc.size) {
                    // Nothing (more) to fetch: an empty blob, or all bytes in.
                    return None;
                }
                if s.body.is_none() {
                    let opened = async {
                        let conn = match &s.conn {
                            Some(c) => c.clone(),
                            None => {
                                let c = s.client.conn(s.location.domain(), s.insecure, s.creds.as_ref()).await?;
                                s.conn = Some(c.clone());
                                c
                            }
                        };
                        s.client.open_blob(&conn, &s.location, &s.desc, s.offset).await
                    }
                    .await;
                    match opened {
                        Ok((body, full)) => {
                            s.skip = if full { s.offset } else { 0 };
                            s.body = Some(body);
                        }
                        Err(e) => {
                            s.done = true;
                            return Some((Err(e), s));
                        }
                    }
                }
                match s.body.as_mut().unwrap().next().await {
                    Some(Ok(mut chunk)) => {
                        if s.skip > 0 {
                            let n = (s.skip as usize).min(chunk.len());
                            let _ = chunk.split_to(n);
                            s.skip -= n as u64;
                        }
                        if chunk.is_empty() {
                            continue;
                        }
                        s.offset += chunk.len() as u64;
                        return Some((Ok(chunk), s));
                    }
                    Some(Err(e)) => {
                        s.body = None;
                        let err = Error::Network {
                            what: format!("reading blob {} of {}", s.desc.digest, s.location),
                            detail: describe_io(&e),
                            transient: true,
                        };
                        if s.failures < s.client.inner.opts.retries {
                            s.failures += 1;
                            log::debug!("{err}; resuming at byte {} (retry {})", s.offset, s.failures);
                            tokio::time::sleep(s.client.backoff(s.failures)).await;
                            continue;
                        }
                        s.done = true;
                        return Some((Err(err), s));
                    }
                    None => return None,
                }
            }
        })
    }

    /// GET a blob from `offset`; `true` if the registry ignored the range
    /// (the body starts at byte 0).
    async fn open_blob(
        &self,
        conn: &Conn,
        location: &Reference,
        desc: &Descriptor,
        offset: u64,
    ) -> Result<(BoxStream<'static, Result<Bytes, io::Error>>, bool), Error> {
        let r = oci_ref(location);
        let digest = desc.digest.to_string();
        let shown = location.to_string();
        let op = Op::Blob(&shown, &digest);
        self.retry(|| {
            let (r, digest, urls) = (&r, &digest, &desc.urls);
            async move {
                // Always a range request (`bytes=0-` at first): a 206 is not
                // hashed by oci-client, we verify once, in our reader.
                let layer = LayerDescriptor { digest, urls };
                match conn.oci.pull_blob_stream_partial(r, &layer, offset, None).await {
                    Ok(BlobResponse::Partial(s)) => Ok((s.stream, false)),
                    Ok(BlobResponse::Full(s)) => Ok((s.stream, true)),
                    Err(e) => Err(map_oci(e, op, conn)),
                }
            }
        })
        .await
    }

    // ------------------------------------------------------------------
    // Push

    /// Push an image: each layer unless the registry has it (HEAD), the
    /// config, then the manifest under `dest.location`'s tag (or digest).
    /// Returns the manifest's digest.
    pub async fn push_image(
        &self,
        dest: &Candidate,
        creds: Option<&Credentials>,
        image: PushImage,
        on_event: &(dyn Fn(PushEvent) + Send + Sync),
    ) -> Result<Digest, Error> {
        let conn = self.conn(dest.registry(), dest.insecure, creds).await?;
        let shown = dest.location.to_string();
        let r = oci_ref(&dest.location);
        let parsed: ImageManifest = serde_json::from_slice(&image.manifest)
            .map_err(|e| Error::InvalidManifest { reference: shown.clone(), detail: e.to_string() })?;
        let config_desc = parsed.config.clone();
        if Digest::sha256_of(&image.config) != config_desc.digest {
            return Err(Error::DigestMismatch {
                what: format!("config of {shown}"),
                expected: config_desc.digest.to_string(),
                actual: Digest::sha256_of(&image.config).to_string(),
            });
        }

        let op = Op::Push(&shown);
        let uploads = image.layers.into_iter().map(|layer| {
            let (conn, r) = (&conn, &r);
            async move {
                let desc = layer.descriptor;
                if self.blob_exists(conn, r, &desc.digest, op).await? {
                    on_event(PushEvent::BlobExists(&desc));
                    return Ok(());
                }
                self.upload(conn, r, &desc, layer.source, op).await?;
                on_event(PushEvent::BlobUploaded(&desc));
                Ok::<(), Error>(())
            }
        });
        stream::iter(uploads).buffer_unordered(3).try_collect::<Vec<()>>().await?;

        if !self.blob_exists(&conn, &r, &config_desc.digest, op).await? {
            self.upload(&conn, &r, &config_desc, BlobSource::Bytes(image.config.clone()), op).await?;
        }
        on_event(PushEvent::ConfigUploaded(&config_desc));

        let digest = self.put_manifest(&conn, &dest.location, image.manifest, &image.manifest_media_type).await?;
        on_event(PushEvent::ManifestWritten(&digest));
        Ok(digest)
    }

    /// Push a manifest or an index as is (what it references must already
    /// be in the repository). Returns its digest.
    pub async fn push_manifest(
        &self,
        dest: &Candidate,
        creds: Option<&Credentials>,
        bytes: Bytes,
        media_type: &str,
    ) -> Result<Digest, Error> {
        let conn = self.conn(dest.registry(), dest.insecure, creds).await?;
        self.put_manifest(&conn, &dest.location, bytes, media_type).await
    }

    async fn put_manifest(
        &self,
        conn: &Conn,
        location: &Reference,
        bytes: Bytes,
        media_type: &str,
    ) -> Result<Digest, Error> {
        let shown = location.to_string();
        let op = Op::Push(&shown);
        let r = oci_ref(location);
        let content_type = reqwest::header::HeaderValue::from_str(media_type)
            .map_err(|_| Error::Other(format!("invalid manifest media type {media_type:?}")))?;
        let digest = Digest::sha256_of(&bytes);
        self.retry(|| {
            let (r, bytes, content_type) = (&r, bytes.clone(), content_type.clone());
            async move { conn.oci.push_manifest_raw(r, bytes, content_type).await.map_err(|e| map_oci(e, op, conn)) }
        })
        .await?;
        Ok(digest)
    }

    async fn blob_exists(
        &self,
        conn: &Conn,
        r: &oci_client::Reference,
        digest: &Digest,
        op: Op<'_>,
    ) -> Result<bool, Error> {
        let digest = digest.to_string();
        self.retry(|| {
            let digest = &digest;
            async move { conn.oci.blob_exists(r, digest).await.map_err(|e| map_oci(e, op, conn)) }
        })
        .await
    }

    async fn upload(
        &self,
        conn: &Conn,
        r: &oci_client::Reference,
        desc: &Descriptor,
        source: BlobSource,
        op: Op<'_>,
    ) -> Result<(), Error> {
        let digest = desc.digest.to_string();
        match source {
            BlobSource::Bytes(b) => {
                self.retry(|| {
                    let (b, digest) = (b.clone(), &digest);
                    async move { conn.oci.push_blob(r, b, digest).await.map(|_| ()).map_err(|e| map_oci(e, op, conn)) }
                })
                .await
            }
            BlobSource::File(path) => {
                self.retry(|| {
                    let (path, digest) = (path.clone(), &digest);
                    async move {
                        let s = reader_stream(Box::new(move || {
                            Ok(Box::new(std::fs::File::open(&path)?) as Box<dyn Read + Send>)
                        }));
                        conn.oci
                            .push_blob_stream(r, s, digest, Some(desc.size))
                            .await
                            .map(|_| ())
                            .map_err(|e| map_oci(e, op, conn))
                    }
                })
                .await
            }
            BlobSource::Reader(open) => {
                let s = reader_stream(open);
                conn.oci
                    .push_blob_stream(r, s, &digest, Some(desc.size))
                    .await
                    .map(|_| ())
                    .map_err(|e| map_oci(e, op, conn))
            }
        }
    }

    // ------------------------------------------------------------------
    // Listings and login

    /// All tags of `candidate.location`'s repository (`pull --all-tags`):
    /// `/v2/NAME/tags/list` read by rpod (not oci-client, which reads any
    /// body whole), at most [`MAX_LISTING_SIZE`] bytes a page.
    pub async fn tags(&self, candidate: &Candidate, creds: Option<&Credentials>) -> Result<Vec<String>, Error> {
        let conn = self.conn(candidate.registry(), candidate.insecure, creds).await?;
        let path = candidate.location.path();
        let what = format!("listing tags of {}", candidate.location.name());
        let scope = format!("repository:{path}:pull");
        #[derive(serde::Deserialize)]
        struct Page {
            #[serde(default)]
            tags: Option<Vec<String>>,
        }
        const PAGE: usize = 1000;
        // Registries may ignore `n`/`last` and need not sort: stop at a
        // short page or when a page brings nothing new.
        let mut out = std::collections::BTreeSet::new();
        let mut last: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut url = format!("{}/v2/{path}/tags/list?n={PAGE}", conn.base);
            if let Some(l) = &last {
                url.push_str("&last=");
                url.push_str(l);
            }
            let (status, _, body) =
                self.retry(|| self.get_bounded(&conn, &url, Some(&scope), &what, None, MAX_LISTING_SIZE)).await?;
            if status != 200 {
                return Err(http_error(&conn, status, &body, &what, None));
            }
            let page: Page =
                serde_json::from_slice(&body).map_err(|e| Error::Other(format!("{what}: invalid response: {e}")))?;
            let tags = page.tags.unwrap_or_default();
            let n = tags.len();
            // The next page starts after a tag of the tag grammar (it goes
            // into the URL as it is).
            last = tags.last().filter(|t| crate::registry::reference::is_tag(t)).cloned();
            let before = out.len();
            out.extend(tags);
            if n < PAGE || out.len() == before || last.is_none() {
                break;
            }
        }
        Ok(out.into_iter().collect())
    }

    /// The repositories of a registry (`/v2/_catalog`, all pages), for `search`.
    pub async fn catalog(&self, endpoint: &Endpoint, creds: Option<&Credentials>) -> Result<Vec<String>, Error> {
        let conn = self.conn(&endpoint.registry, endpoint.insecure, creds).await?;
        let what = format!("listing repositories of {}", endpoint.registry);
        #[derive(serde::Deserialize)]
        struct Page {
            #[serde(default)]
            repositories: Option<Vec<String>>,
        }
        let mut url = format!("{}/v2/_catalog?n=1000", conn.base);
        let mut out = Vec::new();
        for _ in 0..MAX_PAGES {
            let (status, headers, body) = self
                .retry(|| self.get_bounded(&conn, &url, Some("registry:catalog:*"), &what, None, MAX_LISTING_SIZE))
                .await?;
            if status != 200 {
                return Err(http_error(&conn, status, &body, &what, None));
            }
            let page: Page =
                serde_json::from_slice(&body).map_err(|e| Error::Other(format!("{what}: invalid response: {e}")))?;
            out.extend(page.repositories.unwrap_or_default());
            match next_link(&headers) {
                Some(next) if next.starts_with('/') => url = format!("{}{next}", conn.base),
                Some(next) => url = next,
                None => break,
            }
        }
        Ok(out)
    }

    /// `login`: do these credentials work on this registry? A registry that
    /// asks for no authentication accepts any.
    pub async fn check_login(&self, endpoint: &Endpoint, creds: &Credentials) -> Result<(), Error> {
        let conn = self.conn(&endpoint.registry, endpoint.insecure, Some(creds)).await?;
        let what = format!("logging into {}", endpoint.registry);
        let url = format!("{}/v2/", conn.base);
        match &conn.challenge {
            Challenge::None => Ok(()),
            _ => {
                let (status, _, body) =
                    self.retry(|| self.get_bounded(&conn, &url, None, &what, None, MAX_OTHER_SIZE)).await?;
                match status {
                    200 => Ok(()),
                    401 => Err(Error::AuthFailed { registry: conn.registry.clone(), detail: body_message(&body) }),
                    s => Err(http_error(&conn, s, &body, &what, None)),
                }
            }
        }
    }

    // ------------------------------------------------------------------
    // Connections

    /// The connection to `registry` (pinged once per process).
    async fn conn(&self, registry: &str, insecure: bool, creds: Option<&Credentials>) -> Result<Arc<Conn>, Error> {
        let key = ConnKey { registry: registry.to_string(), insecure, creds: creds.cloned() };
        let cell = self.inner.conns.lock().unwrap().entry(key).or_default().clone();
        cell.get_or_try_init(|| self.connect(registry, insecure, creds)).await.cloned()
    }

    async fn connect(&self, registry: &str, insecure: bool, creds: Option<&Credentials>) -> Result<Arc<Conn>, Error> {
        let opts = &self.inner.opts;
        let certs = self.load_certs(registry)?;
        let host = api_host(registry);
        let build = |accept_invalid: bool| -> Result<reqwest::Client, Error> {
            let mut b = reqwest::Client::builder()
                .connect_timeout(opts.connect_timeout)
                .read_timeout(opts.read_timeout)
                .user_agent(USER_AGENT)
                .tls_danger_accept_invalid_certs(accept_invalid);
            for pem in &certs {
                let c = reqwest::Certificate::from_pem(pem.as_bytes())
                    .map_err(|e| Error::Other(format!("certificate for {registry}: {e}")))?;
                b = b.tls_certs_merge([c]);
            }
            b.build()
                .map_err(|e| Error::Other(format!("setting up the HTTP client for {registry}: {}", describe_chain(&e))))
        };

        // HTTPS; an insecure registry may also be unverified HTTPS or plain
        // HTTP: both are tried at once (HTTPS wins if both answer), so a
        // plain-HTTP server that never answers a TLS hello costs nothing.
        let http = build(insecure)?;
        let (scheme, challenge) = self
            .retry(|| {
                let http = &http;
                async move {
                    let probe = |scheme: &'static str| async move {
                        let url = format!("{scheme}://{host}/v2/");
                        let r = http.get(&url).send().await.map(|resp| {
                            let challenge = parse_challenge(resp.headers().get_all(reqwest::header::WWW_AUTHENTICATE));
                            (resp.status().as_u16(), challenge)
                        });
                        (scheme, url, r)
                    };
                    // A registry's answer: 2xx, or 401 asking for credentials.
                    let usable = |r: &ProbeResult| matches!(r.2, Ok((200..=299 | 401, _)));
                    let results = if insecure {
                        let (https, plain) = (Box::pin(probe("https")), Box::pin(probe("http")));
                        match futures_util::future::select(https, plain).await {
                            futures_util::future::Either::Left((a, other)) => {
                                if usable(&a) {
                                    vec![a]
                                } else {
                                    vec![a, other.await]
                                }
                            }
                            futures_util::future::Either::Right((b, other)) => {
                                if usable(&b) {
                                    vec![b]
                                } else {
                                    vec![other.await, b]
                                }
                            }
                        }
                    } else {
                        vec![probe("https").await]
                    };
                    if let Some((scheme, _, Ok((status, challenge)))) = results.iter().find(|r| usable(r)) {
                        let challenge = match status {
                            401 => challenge.clone().unwrap_or(Challenge::Basic),
                            _ => Challenge::None,
                        };
                        return Ok((*scheme, challenge));
                    }
                    if let Some((_, _, Ok((s, _)))) = results.iter().find(|r| r.2.is_ok()) {
                        return Err(Error::Unreachable {
                            registry: registry.to_string(),
                            detail: format!("invalid status code from registry {s} ({})", status_text(*s)),
                            transient: *s == 429 || *s >= 500,
                        });
                    }
                    // Refused or reset: maybe restarting, worth a retry; a
                    // timeout has waited long enough, a TLS failure will not change.
                    let errors: Vec<(&String, &reqwest::Error)> =
                        results.iter().filter_map(|(_, url, r)| r.as_ref().err().map(|e| (url, e))).collect();
                    let transient = errors.iter().all(|(_, e)| !e.is_timeout() && !is_tls_error(e));
                    let detail = errors
                        .iter()
                        .map(|(url, e)| format!("Get {url:?}: {}", describe_reqwest(e, registry)))
                        .collect::<Vec<_>>()
                        .join("; ");
                    Err(Error::Unreachable { registry: registry.to_string(), detail, transient })
                }
            })
            .await?;
        log::debug!("registry {registry}: {scheme}, challenge {challenge:?}");

        let oci_config = ClientConfig {
            protocol: if scheme == "http" { ClientProtocol::Http } else { ClientProtocol::Https },
            // As Podman: an insecure registry's TLS (and its token realm's)
            // is not verified. (Also spares loading the system roots.)
            accept_invalid_certificates: insecure,
            extra_root_certificates: certs
                .iter()
                .map(|pem| oci_client::client::Certificate {
                    encoding: oci_client::client::CertificateEncoding::Pem,
                    data: pem.as_bytes().to_vec(),
                })
                .collect(),
            platform_resolver: None,
            use_monolithic_push: true,
            read_timeout: Some(opts.read_timeout),
            connect_timeout: Some(opts.connect_timeout),
            user_agent: USER_AGENT,
            ..ClientConfig::default()
        };
        let oci = oci_client::Client::try_from(oci_config)
            .map_err(|e| Error::Other(format!("setting up the registry client for {registry}: {e}")))?;
        let oci_auth = match creds {
            Some(c) => RegistryAuth::Basic(c.username.clone(), c.password.clone()),
            None => RegistryAuth::Anonymous,
        };
        // oci-client keeps credentials per registry; register them now, so
        // that calls which take none (blob_exists, blob streams) use them.
        oci.store_auth_if_needed(host, &oci_auth).await;
        Ok(Arc::new(Conn {
            registry: registry.to_string(),
            base: format!("{scheme}://{host}"),
            oci,
            http,
            challenge,
            creds: creds.cloned(),
            tokens: tokio::sync::Mutex::new(HashMap::new()),
        }))
    }

    /// The PEM certificates to trust for `registry` besides the system's.
    fn load_certs(&self, registry: &str) -> Result<Vec<String>, Error> {
        let opts = &self.inner.opts;
        let dir = match &opts.cert_dir {
            Some(d) => Some(d.clone()),
            None => opts.certs_d.iter().map(|base| base.join(registry)).find(|d| d.is_dir()),
        };
        let Some(dir) = dir else { return Ok(Vec::new()) };
        let io_err = |p: &Path, e: io::Error| Error::Other(format!("reading certificates in {}: {e}", p.display()));
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&dir).map_err(|e| io_err(&dir, e))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        let mut pems = Vec::new();
        for f in files {
            match f.extension().and_then(|e| e.to_str()) {
                Some("crt") => {
                    let text = std::fs::read_to_string(&f).map_err(|e| io_err(&f, e))?;
                    let before = pems.len();
                    pems.extend(split_pem(&text));
                    if pems.len() == before {
                        return Err(Error::Other(format!("{}: no PEM certificate in it", f.display())));
                    }
                    log::debug!("trusting {} for {registry}", f.display());
                }
                Some("cert") | Some("key") => {
                    log::debug!("{}: client certificates are not supported, ignored", f.display());
                }
                _ => {}
            }
        }
        Ok(pems)
    }

    /// GET `url` with the connection's credentials (a Bearer token for
    /// `scope` when the registry uses tokens) and an `Accept` header,
    /// reading at most `max` bytes of the body (more is an error, found
    /// before it is all read). Returns status, headers, body.
    async fn get_bounded(
        &self,
        conn: &Conn,
        url: &str,
        scope: Option<&str>,
        what: &str,
        accept: Option<&str>,
        max: u64,
    ) -> Result<(u16, reqwest::header::HeaderMap, Bytes), Error> {
        let mut req = conn.http.get(url);
        if let Some(a) = accept {
            req = req.header(reqwest::header::ACCEPT, a);
        }
        match &conn.challenge {
            Challenge::None => {}
            Challenge::Basic => {
                if let Some(c) = &conn.creds {
                    req = req.basic_auth(&c.username, Some(&c.password));
                }
            }
            Challenge::Bearer { realm, service } => {
                let token = self.token(conn, realm, service.as_deref(), scope).await?;
                req = req.bearer_auth(token);
            }
        }
        let resp = req.send().await.map_err(|e| reqwest_error(e, conn, what))?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let body = read_bounded(resp, max, conn, what).await?;
        if status == 429 || status >= 500 {
            return Err(http_error(conn, status, &body, what, None));
        }
        Ok((status, headers, body))
    }

    /// A Bearer token from the challenge's realm (cached per scope).
    async fn token(
        &self,
        conn: &Conn,
        realm: &str,
        service: Option<&str>,
        scope: Option<&str>,
    ) -> Result<String, Error> {
        let key = scope.unwrap_or("").to_string();
        if let Some(t) = conn.tokens.lock().await.get(&key) {
            return Ok(t.clone());
        }
        let mut query: Vec<(&str, &str)> = Vec::new();
        if let Some(s) = service {
            query.push(("service", s));
        }
        if let Some(s) = scope {
            query.push(("scope", s));
        }
        let mut req = conn.http.get(realm).query(&query);
        if let Some(c) = &conn.creds {
            req = req.query(&[("account", c.username.as_str())]).basic_auth(&c.username, Some(&c.password));
        }
        let what = format!("getting a token from {realm}");
        let resp = req.send().await.map_err(|e| reqwest_error(e, conn, &what))?;
        let status = resp.status().as_u16();
        let body = read_bounded(resp, MAX_TOKEN_SIZE, conn, &what).await?;
        match status {
            200 => {}
            401 | 403 if conn.creds.is_some() => {
                return Err(Error::AuthFailed { registry: conn.registry.clone(), detail: body_message(&body) })
            }
            401 | 403 => return Err(Error::AuthRequired { registry: conn.registry.clone() }),
            s => return Err(http_error(conn, s, &body, &what, None)),
        }
        #[derive(serde::Deserialize)]
        struct Token {
            token: Option<String>,
            access_token: Option<String>,
        }
        let t: Token =
            serde_json::from_slice(&body).map_err(|e| Error::Other(format!("{what}: invalid response: {e}")))?;
        let token = t
            .token
            .or(t.access_token)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| Error::Other(format!("{what}: no token in the response")))?;
        conn.tokens.lock().await.insert(key, token.clone());
        Ok(token)
    }

    fn backoff(&self, attempt: u32) -> Duration {
        if self.inner.opts.retry_fixed {
            return self.inner.opts.retry_backoff;
        }
        self.inner.opts.retry_backoff * 2u32.saturating_pow(attempt.saturating_sub(1))
    }

    /// Run `f` until it succeeds, fails for good, or the retries are spent.
    async fn retry<T, F, Fut>(&self, mut f: F) -> Result<T, Error>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        let mut attempt = 0;
        loop {
            match f().await {
                Ok(v) => return Ok(v),
                Err(e) if e.is_transient() && attempt < self.inner.opts.retries => {
                    attempt += 1;
                    log::debug!("{e} (retry {attempt} of {})", self.inner.opts.retries);
                    tokio::time::sleep(self.backoff(attempt)).await;
                }
                Err(e) => return Err(e),
            }
        }
    }
}

/// A stream of an opened reader's bytes (read on a blocking thread).
fn reader_stream(
    open: Box<dyn FnOnce() -> io::Result<Box<dyn Read + Send>> + Send>,
) -> impl futures_util::Stream<Item = Result<Bytes, OciDistributionError>> + Send + 'static {
    let (tx, rx) = tokio::sync::mpsc::channel::<io::Result<Bytes>>(4);
    tokio::task::spawn_blocking(move || {
        let mut reader = match open() {
            Ok(r) => r,
            Err(e) => {
                let _ = tx.blocking_send(Err(e));
                return;
            }
        };
        loop {
            let mut buf = vec![0u8; 1 << 20];
            match reader.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => {
                    buf.truncate(n);
                    if tx.blocking_send(Ok(Bytes::from(buf))).is_err() {
                        return;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = tx.blocking_send(Err(e));
                    return;
                }
            }
        }
    });
    stream::unfold(
        rx,
        |mut rx| async move { rx.recv().await.map(|item| (item.map_err(OciDistributionError::IoError), rx)) },
    )
}

#[cfg(test)]
mod unit_tests {
    use super::*;
    #[allow(unused_imports)]
    use super::{errors::*, http::*};

    #[test]
    fn challenges() {
        let mut h = reqwest::header::HeaderMap::new();
        h.append(
            reqwest::header::WWW_AUTHENTICATE,
            r#"Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull""#.parse().unwrap(),
        );
        assert_eq!(
            parse_challenge(h.get_all(reqwest::header::WWW_AUTHENTICATE)),
            Some(Challenge::Bearer {
                realm: "https://auth.example.com/token".into(),
                service: Some("registry.example.com".into())
            })
        );
        let mut h = reqwest::header::HeaderMap::new();
        h.append(reqwest::header::WWW_AUTHENTICATE, r#"Basic realm="x""#.parse().unwrap());
        assert_eq!(parse_challenge(h.get_all(reqwest::header::WWW_AUTHENTICATE)), Some(Challenge::Basic));
        assert_eq!(parse_challenge(reqwest::header::HeaderMap::new().get_all(reqwest::header::WWW_AUTHENTICATE)), None);
        let p = parse_auth_params(r#"realm="a,b", service=svc , error="x\"y""#);
        assert_eq!(p["realm"], "a,b");
        assert_eq!(p["service"], "svc");
        assert_eq!(p["error"], "x\"y");
    }

    #[test]
    fn links_and_pems_and_messages() {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert(reqwest::header::LINK, r#"</v2/_catalog?last=b&n=2>; rel="next""#.parse().unwrap());
        assert_eq!(next_link(&h).as_deref(), Some("/v2/_catalog?last=b&n=2"));
        assert_eq!(next_link(&reqwest::header::HeaderMap::new()), None);
        let pem = "junk\n-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nBBB\n-----END CERTIFICATE-----\n";
        assert_eq!(split_pem(pem).len(), 2);
        assert_eq!(
            body_message(br#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{}}]}"#),
            "manifest unknown: manifest unknown"
        );
        assert_eq!(body_message(b" plain text "), "plain text");
    }

    #[test]
    fn refs_for_oci_client() {
        let r = oci_ref(&Reference::parse("127.0.0.1:5000/a/b:t").unwrap());
        assert_eq!((r.registry(), r.repository(), r.tag(), r.digest()), ("127.0.0.1:5000", "a/b", Some("t"), None));
        let d = Digest::sha256_of(b"x");
        let r = oci_ref(&Reference::parse("busybox").unwrap().with_digest(d.clone()));
        assert_eq!(r.resolve_registry(), "index.docker.io");
        assert_eq!(r.repository(), "library/busybox");
        assert_eq!(r.digest(), Some(d.to_string().as_str()));
        assert_eq!(api_host("docker.io"), "index.docker.io");
    }
}
