//! Network tests: against a real registry (Debian's `docker-registry`, CNCF
//! distribution 2.8) started here on 127.0.0.1 — plain HTTP, TLS with
//! htpasswd (Basic), and token auth (Bearer, with a small token server of
//! our own) — plus a scripted fake registry for the faults a real one will
//! not produce on demand (5xx bursts, malformed JSON, a dropped connection
//! mid-blob, a stalled server). Each test skips, saying why, only when
//! `/usr/bin/docker-registry` is missing.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use bytes::Bytes;
use futures_util::StreamExt;

use super::manifest::{self, Descriptor, ImageIndex, ImageManifest, Platform};
use super::*;

const REGISTRY_BIN: &str = "/usr/bin/docker-registry";
const USER: &str = "rpodtest";
const PASSWORD: &str = "rpod-test-password";

// ---------------------------------------------------------------------------
// A real registry

struct RegistryProcess {
    child: Child,
    addr: String,
    data: PathBuf,
    log: PathBuf,
}

impl Drop for RegistryProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn have_registry(test: &str) -> bool {
    if Path::new(REGISTRY_BIN).exists() {
        return true;
    }
    eprintln!("skipping {test}: {REGISTRY_BIN} is missing (apt-get install docker-registry, or run tests/bed/deps.sh)");
    false
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Start `docker-registry serve` with its storage in `dir`; `http_extra`
/// goes under `http:` (TLS), `extra` at the top level (auth).
fn start_registry(dir: &Path, http_extra: &str, extra: &str) -> RegistryProcess {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    for _attempt in 0..5 {
        let port = free_port();
        let config = dir.join("config.yml");
        std::fs::write(
            &config,
            format!(
                "version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: {}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:{port}\n{http_extra}{extra}",
                data.display()
            ),
        )
        .unwrap();
        let log = dir.join("registry.log");
        let out = std::fs::File::create(&log).unwrap();
        let child = Command::new(REGISTRY_BIN)
            .arg("serve")
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .expect("starting docker-registry");
        let mut reg = RegistryProcess { child, addr: format!("127.0.0.1:{port}"), data: data.clone(), log };
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return reg;
            }
            if let Ok(Some(_)) = reg.child.try_wait() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "docker-registry did not come up: {}",
                std::fs::read_to_string(&reg.log).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let log = std::fs::read_to_string(&reg.log).unwrap_or_default();
        if !log.contains("address already in use") {
            panic!("docker-registry exited: {log}");
        }
    }
    panic!("no free port for docker-registry");
}

/// Where the registry keeps a blob's bytes.
fn blob_file(reg: &RegistryProcess, d: &Digest) -> PathBuf {
    reg.data.join(format!("docker/registry/v2/blobs/{}/{}/{}/data", d.algorithm(), &d.hex()[..2], d.hex()))
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl").args(args).current_dir(dir).output().expect("running openssl");
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A CA, a server certificate for 127.0.0.1 and an RSA token-signing certificate.
fn make_pki(dir: &Path) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.crt",
            "-days",
            "2",
            "-subj",
            "/CN=rpod registry test CA",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=127.0.0.1",
        ],
    );
    std::fs::write(
        dir.join("server.ext"),
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "server.ext",
            "-out",
            "server.crt",
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "token.key",
            "-out",
            "token.csr",
            "-subj",
            "/CN=rpod token signer",
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "token.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-out",
            "token.crt",
        ],
    );
    openssl(dir, &["x509", "-in", "token.crt", "-outform", "DER", "-out", "token.der"]);
}

// ---------------------------------------------------------------------------
// Test content

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

fn pseudo_random(seed: u32, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    (0..len)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            // Half noise, half text: compresses somewhat.
            if (i / 4096) % 2 == 0 {
                x as u8
            } else {
                b"rpod layer content "[i % 19]
            }
        })
        .collect()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

struct TestLayer {
    desc: Descriptor,
    blob: Vec<u8>,
    tar: Vec<u8>,
}

struct TestImage {
    manifest: Bytes,
    media_type: String,
    config: Bytes,
    layers: Vec<TestLayer>,
}

impl TestImage {
    fn digest(&self) -> Digest {
        Digest::sha256_of(&self.manifest)
    }

    fn push_request(&self) -> PushImage {
        PushImage {
            manifest: self.manifest.clone(),
            manifest_media_type: self.media_type.clone(),
            config: self.config.clone(),
            layers: self
                .layers
                .iter()
                .map(|l| PushLayer {
                    descriptor: l.desc.clone(),
                    source: BlobSource::Bytes(Bytes::from(l.blob.clone())),
                })
                .collect(),
        }
    }
}

/// An OCI image (gzip, zstd and plain layers) or a Docker schema 2 one (gzip layers).
fn make_image(seed: u32, oci: bool, arch: &str) -> TestImage {
    let mut layers = Vec::new();
    let kinds: &[&str] = if oci {
        &[manifest::OCI_LAYER_GZIP, manifest::OCI_LAYER_ZSTD, manifest::OCI_LAYER]
    } else {
        &[manifest::DOCKER_LAYER_GZIP, manifest::DOCKER_LAYER_GZIP]
    };
    for (i, kind) in kinds.iter().enumerate() {
        let tar = pseudo_random(seed * 10 + i as u32, 150_000 + i * 10_000);
        let blob = match *kind {
            manifest::OCI_LAYER_ZSTD => zstd::encode_all(&tar[..], 3).unwrap(),
            manifest::OCI_LAYER => tar.clone(),
            _ => gzip(&tar),
        };
        layers.push(TestLayer { desc: Descriptor::of(kind, &blob), blob, tar });
    }
    let diff_ids: Vec<String> = layers.iter().map(|l| Digest::sha256_of(&l.tar).to_string()).collect();
    let config = serde_json::to_vec(&serde_json::json!({
        "architecture": arch, "os": "linux",
        "config": {"Cmd": ["/bin/sh"]},
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
    }))
    .unwrap();
    let (mt, ct) = if oci {
        (manifest::OCI_MANIFEST, manifest::OCI_CONFIG)
    } else {
        (manifest::DOCKER_MANIFEST, manifest::DOCKER_CONFIG)
    };
    let m = ImageManifest {
        schema_version: 2,
        media_type: Some(mt.to_string()),
        config: Descriptor::of(ct, &config),
        layers: layers.iter().map(|l| l.desc.clone()).collect(),
        annotations: None,
    };
    TestImage {
        manifest: Bytes::from(serde_json::to_vec(&m).unwrap()),
        media_type: mt.to_string(),
        config: Bytes::from(config),
        layers,
    }
}

fn index_of(images: &[(&TestImage, &str, Option<&str>)]) -> Bytes {
    let idx = ImageIndex {
        schema_version: 2,
        media_type: Some(manifest::OCI_INDEX.to_string()),
        manifests: images
            .iter()
            .map(|(img, arch, variant)| {
                let mut d = Descriptor::of(&img.media_type, &img.manifest);
                d.platform = Some(Platform {
                    architecture: arch.to_string(),
                    os: "linux".into(),
                    variant: variant.map(Into::into),
                    ..Platform::default()
                });
                d
            })
            .collect(),
        annotations: None,
    };
    Bytes::from(serde_json::to_vec(&idx).unwrap())
}

fn cand(s: &str, insecure: bool) -> Candidate {
    let r = Reference::parse(s).unwrap().with_default_tag();
    Candidate { name: r.clone(), location: r, insecure, is_mirror: false }
}

fn endpoint(addr: &str, insecure: bool) -> Endpoint {
    Endpoint { registry: addr.to_string(), insecure }
}

fn quick_opts() -> ClientOptions {
    ClientOptions { retry_backoff: Duration::from_millis(10), ..ClientOptions::default() }
}

/// Read a layer like the storage layer will: through BlobReader and decompress, to EOF.
fn read_layer(
    client: &Client,
    rt: &tokio::runtime::Runtime,
    c: &Candidate,
    creds: Option<&Credentials>,
    d: &Descriptor,
) -> std::io::Result<Vec<u8>> {
    let reader = client.blob_reader(rt.handle(), c, creds, d).unwrap();
    let mut dec = decompress(&d.media_type, reader)?;
    let mut out = Vec::new();
    dec.read_to_end(&mut out)?;
    finish(&mut dec)?;
    Ok(out)
}

/// Push two images and an index over them; check reading it all back.
fn push_and_read_back(
    client: &Client,
    rt: &tokio::runtime::Runtime,
    repo: &str,
    insecure: bool,
    creds: Option<&Credentials>,
) {
    let a = make_image(1, true, "amd64");
    let b = make_image(2, false, "arm64");
    let events = Mutex::new(Vec::new());
    let record = |e: PushEvent| events.lock().unwrap().push(format!("{e:?}").split('(').next().unwrap().to_string());
    let da = rt
        .block_on(client.push_image(&cand(&format!("{repo}:a"), insecure), creds, a.push_request(), &record))
        .unwrap();
    assert_eq!(da, a.digest());
    assert_eq!(events.lock().unwrap().iter().filter(|e| *e == "BlobUploaded").count(), 3);
    let db = rt
        .block_on(client.push_image(&cand(&format!("{repo}:b"), insecure), creds, b.push_request(), &|_| {}))
        .unwrap();
    assert_eq!(db, b.digest());
    let index = index_of(&[(&a, "amd64", None), (&b, "arm64", Some("v8"))]);
    let di = rt
        .block_on(client.push_manifest(
            &cand(&format!("{repo}:multi"), insecure),
            creds,
            index.clone(),
            manifest::OCI_INDEX,
        ))
        .unwrap();
    assert_eq!(di, Digest::sha256_of(&index));

    // Pushing again uploads nothing.
    events.lock().unwrap().clear();
    rt.block_on(client.push_image(&cand(&format!("{repo}:a2"), insecure), creds, a.push_request(), &record)).unwrap();
    let ev = events.lock().unwrap().clone();
    assert_eq!(ev.iter().filter(|e| *e == "BlobExists").count(), 3, "{ev:?}");
    assert!(!ev.iter().any(|e| e == "BlobUploaded"), "{ev:?}");

    // Manifests: by tag, by digest; the index resolved for a platform.
    let m = rt.block_on(client.fetch_manifest(&cand(&format!("{repo}:a"), insecure), creds)).unwrap();
    assert_eq!((m.media_type.as_str(), &m.digest, &m.bytes), (manifest::OCI_MANIFEST, &a.digest(), &a.manifest));
    let by_digest = cand(&format!("{repo}@{}", b.digest()), insecure);
    let m = rt.block_on(client.fetch_manifest(&by_digest, creds)).unwrap();
    assert_eq!((m.media_type.as_str(), &m.digest), (manifest::DOCKER_MANIFEST, &b.digest()));

    let multi = cand(&format!("{repo}:multi"), insecure);
    let amd64 = Platform::parse("linux/amd64").unwrap();
    let img = rt.block_on(client.fetch_image(&multi, creds, &amd64)).unwrap();
    assert_eq!(img.index.as_ref().map(|i| &i.digest), Some(&di));
    assert_eq!(img.manifest.digest, a.digest());
    assert_eq!(img.config, a.config);
    assert_eq!(img.image.layers.len(), 3);
    let arm = rt.block_on(client.fetch_image(&multi, creds, &Platform::parse("linux/arm64").unwrap())).unwrap();
    assert_eq!(
        (arm.manifest.digest.clone(), arm.manifest.media_type.as_str()),
        (b.digest(), manifest::DOCKER_MANIFEST)
    );
    let e = rt
        .block_on(client.fetch_image(&multi, creds, &Platform::parse("linux/s390x").unwrap()))
        .unwrap_err()
        .to_string();
    assert!(e.contains("no image found for platform linux/s390x (available: linux/amd64, linux/arm64/v8)"), "{e}");
    let single = rt.block_on(client.fetch_image(&cand(&format!("{repo}:b"), insecure), creds, &amd64)).unwrap();
    assert!(single.index.is_none(), "a single-image reference is used whatever the platform");
    let cfg = rt.block_on(client.fetch_config(&multi, creds, &single.image.config)).unwrap();
    assert_eq!(cfg, b.config);

    // Layers: streamed through the blocking reader, decompressed, verified.
    for l in a.layers.iter().chain(&b.layers) {
        assert_eq!(read_layer(client, rt, &multi, creds, &l.desc).unwrap(), l.tar, "layer {}", l.desc.media_type);
    }
    // And as an async stream.
    let s = rt.block_on(client.blob_stream(&multi, creds, &a.layers[1].desc)).unwrap();
    let got: Vec<Bytes> = rt.block_on(s.map(|c| c.unwrap()).collect());
    assert_eq!(got.concat(), a.layers[1].blob);

    // Listings.
    let tags = rt.block_on(client.tags(&multi, creds)).unwrap();
    assert_eq!(tags, ["a", "a2", "b", "multi"]);
}

// ---------------------------------------------------------------------------
// Tests against the real registry

#[test]
fn plain_registry_push_pull_and_errors() {
    if !have_registry("plain_registry_push_pull_and_errors") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let reg = start_registry(dir.path(), "", "");
    let rt = rt();
    let client = Client::new(quick_opts());
    let repo = format!("{}/test/app", reg.addr);
    push_and_read_back(&client, &rt, &repo, true, None);

    let repos = rt.block_on(client.catalog(&endpoint(&reg.addr, true), None)).unwrap();
    assert_eq!(repos, ["test/app"]);

    // 404s.
    let e = rt.block_on(client.fetch_manifest(&cand(&format!("{repo}:nope"), true), None)).unwrap_err();
    assert_eq!(e.to_string(), format!("{repo}:nope: manifest unknown"));
    assert!(e.is_not_found());
    let e = rt.block_on(client.fetch_manifest(&cand(&format!("{}/no/such:latest", reg.addr), true), None)).unwrap_err();
    assert_eq!(e.to_string(), format!("{}/no/such:latest: manifest unknown", reg.addr));
    let unknown = Descriptor::of(manifest::OCI_LAYER_GZIP, b"never pushed");
    let e = read_layer(&client, &rt, &cand(&repo, true), None, &unknown).unwrap_err().to_string();
    assert!(e.contains("blob sha256:") && e.contains("unknown to registry"), "{e}");

    // A registry over plain HTTP is refused unless insecure.
    let e = rt.block_on(client.fetch_manifest(&cand(&format!("{repo}:a"), false), None)).unwrap_err().to_string();
    assert!(e.starts_with(&format!("pinging container registry {}: ", reg.addr)), "{e}");
    assert!(e.contains("did not answer with TLS"), "{e}");

    // Corrupted and truncated blobs in the registry's storage are caught.
    let img = rt
        .block_on(client.fetch_image(&cand(&format!("{repo}:a"), true), None, &Platform::parse("linux/amd64").unwrap()))
        .unwrap();
    let layer = img.image.layers[0].clone();
    let path = blob_file(&reg, &layer.digest);
    let original = std::fs::read(&path).unwrap();
    let mut corrupt = original.clone();
    let mid = corrupt.len() / 2;
    corrupt[mid] ^= 0x55;
    std::fs::write(&path, &corrupt).unwrap();
    let raw_reader = client.blob_reader(rt.handle(), &cand(&repo, true), None, &layer).unwrap();
    let mut sink = Vec::new();
    let e = { raw_reader }.read_to_end(&mut sink).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
    assert!(e.to_string().contains(&format!("blob {}: digest mismatch", layer.digest)), "{e}");
    std::fs::write(&path, &original[..original.len() - 100]).unwrap();
    let e = read_layer(&client, &rt, &cand(&repo, true), None, &layer).unwrap_err().to_string();
    assert!(
        e.contains(&format!("size mismatch: expected {} bytes, got {}", original.len(), original.len() - 100)),
        "{e}"
    );
    std::fs::write(&path, &original).unwrap();
    assert!(read_layer(&client, &rt, &cand(&repo, true), None, &layer).is_ok());
    // A corrupted config.
    let cfg_path = blob_file(&reg, &img.image.config.digest);
    let mut cfg = std::fs::read(&cfg_path).unwrap();
    cfg[0] = b' ';
    std::fs::write(&cfg_path, &cfg).unwrap();
    let e = rt.block_on(client.fetch_config(&cand(&repo, true), None, &img.image.config)).unwrap_err().to_string();
    assert!(e.contains("digest mismatch"), "{e}");
}

#[test]
fn connection_refused_fails_fast() {
    let port = 1; // tcpmux: nothing listens there (a freed ephemeral port could be taken by a registry of another test)
    let rt = rt();
    // Default options: 3 retries, 200/400/800 ms apart.
    let client = Client::new(ClientOptions::default());
    let start = Instant::now();
    let (secure, insecure) = rt.block_on(futures_util::future::join(
        client.fetch_manifest(&cand(&format!("127.0.0.1:{port}/x:1"), false), None),
        client.fetch_manifest(&cand(&format!("127.0.0.1:{port}/x:1"), true), None),
    ));
    assert!(start.elapsed() < Duration::from_secs(5), "took {:?}", start.elapsed());
    for e in [secure.unwrap_err(), insecure.unwrap_err()] {
        let msg = e.to_string();
        eprintln!("{msg}");
        assert!(msg.starts_with(&format!("pinging container registry 127.0.0.1:{port}: Get \"https://127.0.0.1:{port}/v2/\": connect: connection refused")), "{msg}");
        assert!(matches!(e, Error::Unreachable { .. }));
    }
}

#[test]
fn tls_registry_with_basic_auth() {
    if !have_registry("tls_registry_with_basic_auth") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pki = dir.path().join("pki");
    std::fs::create_dir_all(&pki).unwrap();
    make_pki(&pki);
    let out = Command::new("htpasswd").args(["-Bbn", USER, PASSWORD]).output().expect("running htpasswd");
    assert!(out.status.success());
    std::fs::write(dir.path().join("htpasswd"), &out.stdout).unwrap();
    let reg = start_registry(
        dir.path(),
        &format!(
            "  tls:\n    certificate: {}\n    key: {}\n",
            pki.join("server.crt").display(),
            pki.join("server.key").display()
        ),
        &format!("auth:\n  htpasswd:\n    realm: rpod-test\n    path: {}\n", dir.path().join("htpasswd").display()),
    );
    let addr = reg.addr.clone();
    let repo = format!("{addr}/test/app");
    let rt = rt();
    let good = Credentials::new(USER, PASSWORD);
    let bad = Credentials::new(USER, "wrong");

    // Unknown CA.
    let e = rt.block_on(Client::new(quick_opts()).check_login(&endpoint(&addr, false), &good)).unwrap_err().to_string();
    assert!(e.contains("certificate signed by unknown authority"), "{e}");

    // --cert-dir (a directory with ca.crt).
    let cert_dir = dir.path().join("certdir");
    std::fs::create_dir_all(&cert_dir).unwrap();
    std::fs::copy(pki.join("ca.crt"), cert_dir.join("ca.crt")).unwrap();
    let client = Client::new(ClientOptions { cert_dir: Some(cert_dir), ..quick_opts() });
    let e = rt.block_on(client.fetch_manifest(&cand(&format!("{repo}:a"), false), None)).unwrap_err();
    assert_eq!(e.to_string(), format!("authentication required for {addr}: run 'rpod login {addr}'"));
    let e = rt.block_on(client.check_login(&endpoint(&addr, false), &bad)).unwrap_err();
    assert_eq!(e.to_string(), format!("authentication to {addr} failed: invalid username/password"));
    rt.block_on(client.check_login(&endpoint(&addr, false), &good)).unwrap();
    push_and_read_back(&client, &rt, &repo, false, Some(&good));
    let e = rt.block_on(client.fetch_manifest(&cand(&format!("{repo}:a"), false), Some(&bad))).unwrap_err();
    assert!(matches!(e, Error::AuthFailed { .. }), "{e}");
    assert_eq!(rt.block_on(client.catalog(&endpoint(&addr, false), Some(&good))).unwrap(), ["test/app"]);

    // certs.d/HOST:PORT/ca.crt, as Podman looks it up.
    let certs_d = dir.path().join("certs.d");
    std::fs::create_dir_all(certs_d.join(&addr)).unwrap();
    std::fs::copy(pki.join("ca.crt"), certs_d.join(&addr).join("ca.crt")).unwrap();
    let client = Client::new(ClientOptions { certs_d: vec![dir.path().join("none"), certs_d], ..quick_opts() });
    rt.block_on(client.check_login(&endpoint(&addr, false), &good)).unwrap();

    // --tls-verify=false: no CA needed.
    let client = Client::new(quick_opts());
    rt.block_on(client.check_login(&endpoint(&addr, true), &good)).unwrap();
    let m = rt.block_on(client.fetch_manifest(&cand(&format!("{repo}:b"), true), Some(&good))).unwrap();
    assert_eq!(m.media_type, manifest::DOCKER_MANIFEST);
}

/// A token server (distribution's token auth): grants what is asked to the
/// test user, refuses others; tokens are RS256 JWTs with an x5c chain.
struct TokenServer {
    server: FakeServer,
    scopes: Arc<Mutex<Vec<String>>>,
}

fn start_token_server(pki: &Path) -> TokenServer {
    let key = pki.join("token.key");
    let x5c = base64::engine::general_purpose::STANDARD.encode(std::fs::read(pki.join("token.der")).unwrap());
    let scopes = Arc::new(Mutex::new(Vec::new()));
    let seen = scopes.clone();
    let expected = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}")));
    let server = FakeServer::start(move |req| {
        if req.headers.get("authorization") != Some(&expected) {
            return Reply::json(401, r#"{"details":"invalid username/password"}"#);
        }
        let mut access = Vec::new();
        for (k, v) in &req.query {
            if k == "scope" {
                seen.lock().unwrap().push(v.clone());
                let (t, rest) = v.split_once(':').unwrap_or((v, ""));
                let (name, actions) = rest.rsplit_once(':').unwrap_or((rest, ""));
                access.push(
                    serde_json::json!({"type": t, "name": name, "actions": actions.split(',').collect::<Vec<_>>()}),
                );
            }
        }
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
        let b64 = |v: &serde_json::Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
        let header = b64(&serde_json::json!({"typ": "JWT", "alg": "RS256", "x5c": [x5c]}));
        let claims = b64(&serde_json::json!({
            "iss": "rpod-test-issuer", "sub": USER, "aud": "rpod-test", "exp": now + 600, "nbf": now - 10,
            "iat": now, "jti": format!("{now}-{}", access.len()), "access": access,
        }));
        let signing_input = format!("{header}.{claims}");
        let mut child = Command::new("openssl")
            .args(["dgst", "-sha256", "-sign"])
            .arg(&key)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(signing_input.as_bytes()).unwrap();
        let sig = child.wait_with_output().unwrap().stdout;
        let jwt = format!("{signing_input}.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sig));
        Reply::json(200, &serde_json::json!({"token": jwt, "expires_in": 600}).to_string())
    });
    TokenServer { server, scopes }
}

#[test]
fn token_auth_registry() {
    if !have_registry("token_auth_registry") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pki = dir.path().join("pki");
    std::fs::create_dir_all(&pki).unwrap();
    make_pki(&pki);
    let tokens = start_token_server(&pki);
    let reg = start_registry(
        dir.path(),
        "",
        &format!(
            "auth:\n  token:\n    realm: http://127.0.0.1:{}/token\n    service: rpod-test\n    issuer: rpod-test-issuer\n    rootcertbundle: {}\n",
            tokens.server.port,
            pki.join("ca.crt").display()
        ),
    );
    let addr = reg.addr.clone();
    let repo = format!("{addr}/test/app");
    let rt = rt();
    let client = Client::new(quick_opts());
    let good = Credentials::new(USER, PASSWORD);
    let bad = Credentials::new(USER, "nope");

    rt.block_on(client.check_login(&endpoint(&addr, true), &good)).unwrap();
    let e = rt.block_on(client.check_login(&endpoint(&addr, true), &bad)).unwrap_err();
    assert!(matches!(e, Error::AuthFailed { .. }), "{e}");
    let e = rt.block_on(client.fetch_manifest(&cand(&format!("{repo}:a"), true), None)).unwrap_err();
    assert_eq!(e.to_string(), format!("authentication required for {addr}: run 'rpod login {addr}'"));

    push_and_read_back(&client, &rt, &repo, true, Some(&good));
    let e = rt.block_on(client.fetch_manifest(&cand(&format!("{repo}:a"), true), Some(&bad))).unwrap_err();
    assert!(matches!(e, Error::AuthFailed { .. }), "{e}");
    assert_eq!(rt.block_on(client.catalog(&endpoint(&addr, true), Some(&good))).unwrap(), ["test/app"]);

    let scopes = tokens.scopes.lock().unwrap().clone();
    assert!(scopes.iter().any(|s| s == "repository:test/app:pull,push"), "{scopes:?}");
    assert!(scopes.iter().any(|s| s == "repository:test/app:pull"), "{scopes:?}");
    assert!(scopes.iter().any(|s| s == "registry:catalog:*"), "{scopes:?}");
}

// ---------------------------------------------------------------------------
// A scripted fake registry, for faults

struct Request {
    path: String,
    query: Vec<(String, String)>,
    headers: HashMap<String, String>,
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// Send only this many body bytes, then drop the connection.
    cut_after: Option<usize>,
    /// Wait this long before answering.
    stall: Option<Duration>,
    /// No `Content-Length`: the body runs until the connection closes.
    no_length: bool,
}

impl Reply {
    fn new(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply { status, headers: Vec::new(), body: body.into(), cut_after: None, stall: None, no_length: false }
    }

    fn json(status: u16, body: &str) -> Reply {
        let mut r = Reply::new(status, body);
        r.headers.push(("Content-Type".into(), "application/json".into()));
        r
    }

    fn header(mut self, k: &str, v: &str) -> Reply {
        self.headers.push((k.into(), v.into()));
        self
    }
}

struct FakeServer {
    port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FakeServer {
    fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> FakeServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let handler = Arc::new(handler);
        let stop2 = stop.clone();
        let thread = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(conn) = conn else { continue };
                let handler = handler.clone();
                std::thread::spawn(move || {
                    let _ = serve_one(conn, &*handler);
                });
            }
        });
        FakeServer { port, stop, thread: Some(thread) }
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve_one(mut conn: TcpStream, handler: &(dyn Fn(&Request) -> Reply + Send + Sync)) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = conn.read(&mut chunk)?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let text = String::from_utf8_lossy(&buf).to_string();
    let mut lines = text.split("\r\n");
    let target = lines.next().unwrap_or("").split(' ').nth(1).unwrap_or("/").to_string();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let decode = |s: &str| {
        let s = s.replace('+', " ");
        let mut out = Vec::new();
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' && i + 2 < b.len() {
                if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                    out.push(v);
                    i += 3;
                    continue;
                }
            }
            out.push(b[i]);
            i += 1;
        }
        String::from_utf8_lossy(&out).to_string()
    };
    let req = Request {
        path: path.to_string(),
        query: query
            .split('&')
            .filter(|q| !q.is_empty())
            .map(|q| {
                let (k, v) = q.split_once('=').unwrap_or((q, ""));
                (decode(k), decode(v))
            })
            .collect(),
        headers: lines
            .take_while(|l| !l.is_empty())
            .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string())))
            .collect(),
    };
    let reply = handler(&req);
    if let Some(d) = reply.stall {
        std::thread::sleep(d);
    }
    let mut head = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", reply.status);
    if !reply.no_length {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    conn.write_all(head.as_bytes())?;
    let body = match reply.cut_after {
        Some(n) => &reply.body[..n],
        None => &reply.body[..],
    };
    conn.write_all(body)?;
    conn.flush()?;
    Ok(())
}

/// Tag and repository listings, token answers and the login check are
/// bounded like manifests (issue 12): past the limit, announced by
/// `Content-Length` or streamed, a clear error before the body is read
/// whole (containers/image: tokens 1 MiB; listings: 8 MiB a page).
#[test]
fn listings_and_tokens_are_bounded() {
    fn streamed(mut r: Reply) -> Reply {
        r.no_length = true;
        r
    }
    let huge_tags = format!("{{\"tags\": [\"{}\"]}}", "a".repeat(9 << 20));
    let listings = FakeServer::start(move |req| match req.path.as_str() {
        "/v2/" => Reply::json(200, "{}"),
        "/v2/few/tags/list" => Reply::json(200, r#"{"name": "few", "tags": ["b", "a"]}"#),
        "/v2/many/tags/list" => Reply::json(200, &huge_tags),
        "/v2/endless/tags/list" => streamed(Reply::json(200, &huge_tags)),
        "/v2/_catalog" => Reply::json(200, &format!("{{\"repositories\": [\"{}\"]}}", "r".repeat(9 << 20))),
        _ => Reply::json(404, "{}"),
    });
    let addr = format!("127.0.0.1:{}", listings.port);
    let rt = rt();
    let client = Client::new(quick_opts());
    let at = |addr: &str, repo: &str| cand(&format!("{addr}/{repo}"), true);
    assert_eq!(rt.block_on(client.tags(&at(&addr, "few"), None)).unwrap(), ["a", "b"]);
    for repo in ["many", "endless"] {
        let e = rt.block_on(client.tags(&at(&addr, repo), None)).unwrap_err().to_string();
        assert_eq!(
            e,
            format!("listing tags of {addr}/{repo}: the registry sent more than 8388608 bytes, the most accepted")
        );
    }
    let e = rt.block_on(client.catalog(&endpoint(&addr, true), None)).unwrap_err().to_string();
    assert_eq!(
        e,
        format!("listing repositories of {addr}: the registry sent more than 8388608 bytes, the most accepted")
    );

    // A token realm that answers with 2 MiB (announced, or streamed for
    // the "endless" repository's scope).
    let tokens = FakeServer::start(|req| {
        let host = req.headers.get("host").cloned().unwrap_or_default();
        match req.path.as_str() {
            "/token" => {
                let r = Reply::json(200, &format!("{{\"token\": \"{}\"}}", "t".repeat(2 << 20)));
                if req.query.iter().any(|(k, v)| k == "scope" && v.contains("endless")) {
                    streamed(r)
                } else {
                    r
                }
            }
            _ => Reply::json(401, r#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#)
                .header("WWW-Authenticate", &format!("Bearer realm=\"http://{host}/token\",service=\"fake\"")),
        }
    });
    let addr = format!("127.0.0.1:{}", tokens.port);
    for repo in ["app", "endless"] {
        let e = rt.block_on(client.fetch_manifest(&at(&addr, repo), None)).unwrap_err().to_string();
        assert_eq!(
            e,
            format!(
                "getting a token from http://{addr}/token: the registry sent more than 1048576 bytes, the most accepted"
            )
        );
    }

    // Login: the registry's answer to /v2/ with the credentials.
    let basic = FakeServer::start(|req| match req.headers.get("authorization") {
        None => Reply::json(401, "{}").header("WWW-Authenticate", "Basic realm=\"fake\""),
        Some(_) => Reply::json(200, &format!("{{\"x\": \"{}\"}}", "x".repeat(2 << 20))),
    });
    let addr = format!("127.0.0.1:{}", basic.port);
    let creds = Credentials { username: "u".into(), password: "p".into() };
    let e = rt.block_on(client.check_login(&endpoint(&addr, true), &creds)).unwrap_err().to_string();
    assert_eq!(e, format!("logging into {addr}: the registry sent more than 1048576 bytes, the most accepted"));
}

#[test]
fn faults_retries_and_resume() {
    let good = make_image(3, true, "amd64");
    let manifest_bytes = good.manifest.clone();
    let blob = good.layers[0].blob.clone();
    let blob_digest = good.layers[0].desc.digest.to_string();
    let counts: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let ranges: Arc<Mutex<Vec<String>>> = Arc::default();
    let (c2, r2, blob_len) = (counts.clone(), ranges.clone(), blob.len());
    let server = FakeServer::start(move |req| {
        let n = {
            let mut c = c2.lock().unwrap();
            let e = c.entry(req.path.clone()).or_default();
            *e += 1;
            *e
        };
        let manifest = |b: &Bytes| Reply::new(200, b.to_vec()).header("Content-Type", manifest::OCI_MANIFEST);
        match req.path.as_str() {
            "/v2/" => Reply::json(200, "{}"),
            "/v2/flaky/manifests/latest" if n <= 2 => Reply::new(503, "busy"),
            "/v2/flaky/manifests/latest" => manifest(&manifest_bytes),
            "/v2/limited/manifests/latest" if n <= 1 => {
                Reply::json(429, r#"{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}"#)
            }
            "/v2/limited/manifests/latest" => manifest(&manifest_bytes),
            "/v2/down/manifests/latest" => Reply::new(500, "internal error"),
            "/v2/bad/manifests/latest" => Reply::json(200, "{not json"),
            // Past containers/image's 4 MiB, announced or streamed.
            "/v2/huge/manifests/latest" => Reply::json(200, &format!("{{\"x\": \"{}\"}}", "a".repeat(5 << 20))),
            "/v2/endless/manifests/latest" => {
                let mut r = Reply::json(200, &format!("{{\"x\": \"{}\"}}", "a".repeat(5 << 20)));
                r.no_length = true;
                r
            }
            "/v2/gone/manifests/latest" => {
                Reply::json(404, r#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{}}]}"#)
            }
            "/v2/private/manifests/latest" => {
                Reply::json(401, r#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#)
                    .header("WWW-Authenticate", "Basic realm=\"fake\"")
            }
            "/v2/slow/manifests/latest" => {
                let mut r = manifest(&manifest_bytes);
                r.stall = Some(Duration::from_secs(3));
                r
            }
            p if p == format!("/v2/resume/blobs/{blob_digest}") => {
                let range = req.headers.get("range").cloned().unwrap_or_default();
                r2.lock().unwrap().push(range.clone());
                let from: usize = range
                    .strip_prefix("bytes=")
                    .and_then(|r| r.strip_suffix('-'))
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(0);
                let mut r = Reply::new(206, blob[from..].to_vec())
                    .header("Content-Range", &format!("bytes {from}-{}/{}", blob.len() - 1, blob.len()));
                if n == 1 {
                    r.cut_after = Some(blob.len() / 3); // the connection drops mid-blob
                }
                r
            }
            _ => Reply::json(
                404,
                r#"{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}"#,
            ),
        }
    });
    let addr = format!("127.0.0.1:{}", server.port);
    let rt = rt();
    let client = Client::new(quick_opts());
    let at = |repo: &str| cand(&format!("{addr}/{repo}"), true);
    let count = |p: &str| counts.lock().unwrap().get(p).copied().unwrap_or(0);

    // 5xx and 429 are retried.
    let m = rt.block_on(client.fetch_manifest(&at("flaky"), None)).unwrap();
    assert_eq!(m.digest, good.digest());
    assert_eq!(count("/v2/flaky/manifests/latest"), 3);
    rt.block_on(client.fetch_manifest(&at("limited"), None)).unwrap();
    assert_eq!(count("/v2/limited/manifests/latest"), 2);
    let e = rt.block_on(client.fetch_manifest(&at("down"), None)).unwrap_err().to_string();
    assert_eq!(count("/v2/down/manifests/latest"), 4, "1 try + 3 retries");
    assert!(e.contains("500") && e.contains("internal error"), "{e}");

    // 4xx are not.
    let e = rt.block_on(client.fetch_manifest(&at("gone"), None)).unwrap_err().to_string();
    assert_eq!(e, format!("{addr}/gone:latest: manifest unknown"));
    assert_eq!(count("/v2/gone/manifests/latest"), 1);
    let e = rt.block_on(client.fetch_manifest(&at("nothere"), None)).unwrap_err().to_string();
    assert_eq!(e, format!("{addr}/nothere:latest: manifest unknown"));
    let e = rt.block_on(client.fetch_manifest(&at("private"), None)).unwrap_err().to_string();
    assert_eq!(e, format!("authentication required for {addr}: run 'rpod login {addr}'"));
    assert_eq!(count("/v2/private/manifests/latest"), 1);

    // Malformed JSON.
    let e = rt.block_on(client.fetch_manifest(&at("bad"), None)).unwrap_err().to_string();
    assert!(e.starts_with(&format!("parsing manifest of {addr}/bad:latest: ")), "{e}");

    // Manifests larger than 4 MiB: a clear error, not read whole.
    for repo in ["huge", "endless"] {
        let e = rt.block_on(client.fetch_manifest(&at(repo), None)).unwrap_err().to_string();
        assert_eq!(
            e,
            format!(
                "reading manifest {addr}/{repo}:latest: the registry sent more than 4194304 bytes, the most accepted"
            )
        );
        assert_eq!(count(&format!("/v2/{repo}/manifests/latest")), 1, "not retried");
    }

    // A blob whose connection drops mid-way resumes where it stopped.
    let d = &good.layers[0].desc;
    assert_eq!(read_layer(&client, &rt, &at("resume"), None, d).unwrap(), good.layers[0].tar);
    let ranges = ranges.lock().unwrap().clone();
    assert_eq!(ranges, ["bytes=0-".to_string(), format!("bytes={}-", blob_len / 3)]);

    // A stalled server hits the read timeout in seconds.
    let impatient = Client::new(ClientOptions { read_timeout: Duration::from_millis(500), retries: 0, ..quick_opts() });
    let start = Instant::now();
    let e = rt.block_on(impatient.fetch_manifest(&at("slow"), None)).unwrap_err().to_string();
    assert!(start.elapsed() < Duration::from_secs(3), "took {:?}: {e}", start.elapsed());
    assert!(e.contains("timeout") || e.contains("timed out"), "{e}");
    drop(server);
}
