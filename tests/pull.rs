//! `rpod pull` against real registries, as root and as the test bed's
//! unprivileged user: formats (gzip, zstd, uncompressed, Docker schema2),
//! indexes and `--platform`, the output, the extracted tree of the
//! multilayer image seen through overlay, concurrent pulls sharing layers,
//! `kill -9` at random points, and bad input (registry down, 401, 404,
//! malformed manifest, corrupted/truncated blob, hostile tars, ENOSPC).
//! Needs the test bed (tests/run.sh).
//!
//! Store checks go through rpod's own storage code: the ignored test
//! `store_report_helper` is this binary re-run (as root, or inside `rpod
//! unshare` for a rootless store) with `RPOD_PULL_TEST_REPORT=ROOT`; it opens
//! the store like any rpod command and prints its images and layers (each
//! verified) as one JSON line.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rpod_testbed::bed::{describe, fails_with, ok, output_with_timeout, sha256_hex, text, Bed, UserTempDir};
use rpod_testbed::engine::rpod;
use rpod_testbed::fixtures::{check_mtimes, diff_trees, read_tree_mapped, IdMapping};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------
// Basics

/// This test binary, where the test user can run it (for the report helper).
fn helper_bin() -> PathBuf {
    Bed::get().install_bin(&std::env::current_exe().expect("current_exe"))
}

fn hex_of(digest: &str) -> &str {
    digest.strip_prefix("sha256:").unwrap_or(digest)
}

/// Chain IDs computed from diff IDs, independently of rpod:
/// chain(1) = diff(1); chain(n) = sha256(chain(n-1) + " " + diff(n)).
fn chain_ids(diff_ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in diff_ids {
        let c = match out.last() {
            None => d.clone(),
            Some(p) => format!("sha256:{}", sha256_hex(format!("{p} {d}").as_bytes())),
        };
        out.push(c);
    }
    out
}

fn nonce() -> String {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("{}-{n}-{t:08x}", std::process::id())
}

fn chown_user(p: &Path) {
    let bed = Bed::get();
    std::os::unix::fs::chown(p, Some(bed.test_uid), Some(bed.test_gid)).unwrap();
}

/// A fresh 127.0.0.1 port nobody listens on (bound, then released).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

// ---------------------------------------------------------------------------
// Fixtures, read from the OCI layouts independently of rpod

/// One image manifest of a fixture.
#[derive(Debug, Clone)]
struct Fx {
    /// The image ID rpod must report: the config digest's hex.
    id: String,
    diff_ids: Vec<String>,
    /// (digest, media type) of each layer blob.
    layers: Vec<(String, String)>,
}

impl Fx {
    fn chains(&self) -> Vec<String> {
        chain_ids(&self.diff_ids)
    }
}

fn read_json(p: &Path) -> Value {
    let b = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_slice(&b).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn fixture_blob(name: &str, digest: &str) -> PathBuf {
    Bed::get().fixtures.join("oci").join(name).join("blobs/sha256").join(hex_of(digest))
}

fn fx_of_manifest(name: &str, manifest_digest: &str) -> Fx {
    let m = read_json(&fixture_blob(name, manifest_digest));
    let cfg_digest = m["config"]["digest"].as_str().unwrap().to_string();
    let config = read_json(&fixture_blob(name, &cfg_digest));
    let diff_ids =
        config["rootfs"]["diff_ids"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    let layers = m["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["digest"].as_str().unwrap().to_string(), l["mediaType"].as_str().unwrap().to_string()))
        .collect();
    Fx { id: hex_of(&cfg_digest).to_string(), diff_ids, layers }
}

/// The image manifest of `name:tag`; for an index, the entry for `arch`.
fn fixture(name: &str, tag: &str, arch: &str) -> Fx {
    let index = read_json(&Bed::get().fixtures.join("oci").join(name).join("index.json"));
    let entry = index["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["annotations"]["org.opencontainers.image.ref.name"] == tag)
        .unwrap_or_else(|| panic!("fixture {name}:{tag} missing"))
        .clone();
    let digest = entry["digest"].as_str().unwrap();
    if entry["mediaType"] == "application/vnd.oci.image.index.v1+json" {
        let idx = read_json(&fixture_blob(name, digest));
        let child = idx["manifests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["platform"]["architecture"] == arch)
            .unwrap_or_else(|| panic!("fixture {name}:{tag} has no {arch}"));
        return fx_of_manifest(name, child["digest"].as_str().unwrap());
    }
    fx_of_manifest(name, digest)
}

fn has_big() -> bool {
    Bed::get().fixture_entries().iter().any(|f| f.name == "big" && f.tag == "zstd")
}

// ---------------------------------------------------------------------------
// A store under test

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Root,
    Rootless,
}

/// One `--root`/`--runroot` pair, used as root or as the test user.
struct TStore {
    mode: Mode,
    root: PathBuf,
    runroot: PathBuf,
    env: Vec<(String, String)>,
    _dir: Option<UserTempDir>,
}

impl TStore {
    /// A fresh store in a temporary directory (removed on drop).
    fn new(mode: Mode, prefix: &str) -> TStore {
        let bed = Bed::get();
        let dir = match mode {
            Mode::Root => bed.root_tempdir(prefix),
            Mode::Rootless => bed.user_tempdir(prefix),
        };
        let mut s = TStore::at(mode, dir.path());
        s._dir = Some(dir);
        s
    }

    /// A store in `dir` (which the mode's user can write).
    fn at(mode: Mode, dir: &Path) -> TStore {
        TStore { mode, root: dir.join("root"), runroot: dir.join("run"), env: Vec::new(), _dir: None }
    }

    fn base_command(&self, program: &Path) -> Command {
        let bed = Bed::get();
        let mut cmd = match self.mode {
            Mode::Root => bed.root_command(program),
            Mode::Rootless => bed.rootless_command(program),
        };
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = self.base_command(&rpod());
        cmd.arg("--root").arg(&self.root).arg("--runroot").arg(&self.runroot).args(args);
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        output_with_timeout(&mut self.command(args), Duration::from_secs(180))
    }

    /// `rpod pull --tls-verify=false EXTRA... IMAGE`.
    fn pull(&self, image: &str, extra: &[&str]) -> Output {
        let mut args = vec!["pull", "--tls-verify=false"];
        args.extend_from_slice(extra);
        args.push(image);
        self.run(&args)
    }

    /// `pull -q`, which must succeed and print only the ID.
    #[track_caller]
    fn pull_id(&self, image: &str) -> String {
        let out = self.pull(image, &["-q"]);
        let id = ok(&out);
        assert!(is_id_line(&id), "-q must print only the image ID\n{}", describe(&out));
        id.trim().to_string()
    }

    /// Names of the layer directories (`layers/<hex>`).
    fn layer_dirs(&self) -> BTreeSet<String> {
        names_in(&self.root.join("layers"))
    }

    /// Staging leftovers in `tmp/`.
    fn stage_dirs(&self) -> BTreeSet<String> {
        names_in(&self.root.join("tmp")).into_iter().filter(|n| n.starts_with("stage-")).collect()
    }

    /// The store as rpod's storage code sees it (see the module docs).
    fn report(&self) -> Report {
        let bin = helper_bin();
        let root = self.root.to_str().unwrap().to_string();
        let helper_args = ["store_report_helper", "--exact", "--ignored", "--nocapture", "--test-threads=1", "-q"];
        let mut cmd = match self.mode {
            Mode::Root => {
                let mut c = self.base_command(&bin);
                c.args(helper_args);
                c
            }
            Mode::Rootless => {
                let mut c = self.command(&["unshare", bin.to_str().unwrap()]);
                c.args(helper_args).env("RPOD_PULL_TEST_ROOTLESS", "1");
                c
            }
        };
        cmd.env("RPOD_PULL_TEST_REPORT", &root);
        let out = output_with_timeout(&mut cmd, Duration::from_secs(60));
        let stdout = ok(&out);
        let line = stdout
            .lines()
            .find_map(|l| l.strip_prefix(REPORT_PREFIX))
            .unwrap_or_else(|| panic!("no report from the helper\n{}", describe(&out)));
        let v: Value = serde_json::from_str(line).unwrap();
        let images = v["images"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| ImageRow {
                id: i["id"].as_str().unwrap().into(),
                names: strings(&i["names"]),
                layers: strings(&i["layers"]),
                architecture: i["architecture"].as_str().unwrap_or("").into(),
            })
            .collect();
        let layers = v["layers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| (l["chain_id"].as_str().unwrap().to_string(), l["verify"].as_str().unwrap().to_string()))
            .collect();
        Report { images, layers }
    }

    /// The invariants that must hold between commands: no staging
    /// leftovers, every layer row verifies and has its directory (and no
    /// directory lacks a row), every image's layers are stored.
    #[track_caller]
    fn check_consistent(&self) -> Report {
        let dirs = self.layer_dirs();
        let stages = self.stage_dirs();
        assert!(stages.is_empty(), "staging leftovers in {}: {stages:?}", self.root.display());
        let r = self.report();
        for (chain, verify) in &r.layers {
            assert_eq!(verify, "ok", "layer {chain} does not verify");
        }
        let rows: BTreeSet<String> = r.layers.iter().map(|(c, _)| hex_of(c).to_string()).collect();
        assert_eq!(rows, dirs, "layer rows vs layer directories in {}", self.root.display());
        for img in &r.images {
            for l in &img.layers {
                assert!(rows.contains(hex_of(l)), "image {} uses layer {l}, which is not stored", img.id);
            }
        }
        // rpod itself lists the same images.
        let out = self.run(&["images", "-a", "-q", "--no-trunc"]);
        let listed: BTreeSet<String> = ok(&out).lines().map(|l| hex_of(l.trim()).to_string()).collect();
        let stored: BTreeSet<String> = r.images.iter().map(|i| i.id.clone()).collect();
        assert_eq!(listed, stored, "rpod images vs the store in {}", self.root.display());
        r
    }
}

fn names_in(dir: &Path) -> BTreeSet<String> {
    match std::fs::read_dir(dir) {
        Ok(rd) => rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeSet::new(),
        Err(e) => panic!("{}: {e}", dir.display()),
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect()).unwrap_or_default()
}

fn is_id_line(s: &str) -> bool {
    s.len() == 65 && s.ends_with('\n') && s[..64].bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

const REPORT_PREFIX: &str = "RPOD-STORE-REPORT ";

#[derive(Debug, Clone, PartialEq, Eq)]
struct ImageRow {
    id: String,
    names: Vec<String>,
    layers: Vec<String>,
    architecture: String,
}

#[derive(Debug)]
struct Report {
    images: Vec<ImageRow>,
    /// (chain ID, "ok" or why it does not verify)
    layers: Vec<(String, String)>,
}

impl Report {
    fn image(&self, id: &str) -> &ImageRow {
        self.images.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("image {id} not stored: {:?}", self.images))
    }
}

/// Not a test: prints the report of the store `$RPOD_PULL_TEST_REPORT`.
#[test]
#[ignore = "helper run by the other tests of this file"]
fn store_report_helper() {
    let Ok(root) = std::env::var("RPOD_PULL_TEST_REPORT") else {
        return;
    };
    let rootless = std::env::var_os("RPOD_PULL_TEST_ROOTLESS").is_some();
    let store = rpod_storage::Store::open(
        Path::new(&root),
        rpod_storage::StoreOptions { rootless_xattrs: rootless, ..Default::default() },
    )
    .expect("opening the store");
    let images: Vec<Value> = store
        .images()
        .unwrap()
        .iter()
        .map(|i| {
            let config: Value = serde_json::from_slice(&i.config).unwrap_or(Value::Null);
            json!({"id": i.id, "names": i.names, "layers": i.layers, "architecture": config["architecture"]})
        })
        .collect();
    let layers: Vec<Value> = store
        .layers()
        .unwrap()
        .iter()
        .map(|l| {
            let verify = match store.verify_layer(&l.chain_id) {
                Ok(_) => "ok".to_string(),
                Err(e) => e.to_string(),
            };
            json!({"chain_id": l.chain_id, "verify": verify})
        })
        .collect();
    println!("{REPORT_PREFIX}{}", json!({"images": images, "layers": layers}));
}

// ---------------------------------------------------------------------------
// Formats, output, indexes

fn busybox_formats(mode: Mode) {
    let bed = Bed::get();
    let bb = fixture("busybox", "latest", "amd64");
    let chain = hex_of(&bb.chains()[0]).to_string();

    // Plain output (stderr is a pipe): Podman's lines; the ID on stdout.
    let s = TStore::new(mode, "pull-bb");
    let image = bed.image("busybox", "latest");
    let out = s.pull(&image, &[]);
    assert_eq!(ok(&out), format!("{}\n", bb.id));
    let expected = [
        format!("Trying to pull {image}..."),
        "Getting image source signatures".to_string(),
        format!("Copying blob {}", bb.layers[0].0),
        format!("Copying config sha256:{}", bb.id),
        "Writing manifest to image destination".to_string(),
    ];
    assert_eq!(text(&out.stderr).lines().collect::<Vec<_>>(), expected, "{}", describe(&out));
    assert_eq!(s.layer_dirs(), BTreeSet::from([chain.clone()]));

    // Again: nothing is fetched.
    let out = s.pull(&image, &[]);
    assert_eq!(ok(&out), format!("{}\n", bb.id));
    let err = text(&out.stderr);
    assert!(err.contains(&format!("Copying blob {} skipped: already exists\n", bb.layers[0].0)), "{err}");

    // -q: only the ID, nothing on stderr.
    let out = s.pull(&image, &["-q"]);
    assert_eq!(ok(&out), format!("{}\n", bb.id));
    assert_eq!(text(&out.stderr), "", "{}", describe(&out));
    let r = s.check_consistent();
    assert_eq!(r.image(&bb.id).layers, bb.chains());
    assert!(r.image(&bb.id).names.contains(&image), "{:?}", r.images);

    // Each format into an empty store: same image ID (same config), same layer.
    for tag in ["zstd", "uncompressed", "v2s2"] {
        let s = TStore::new(mode, &format!("pull-bb-{tag}"));
        let image = bed.image("busybox", tag);
        let out = s.pull(&image, &[]);
        assert_eq!(ok(&out), format!("{}\n", bb.id), "{tag}");
        let err = text(&out.stderr);
        if tag != "v2s2" {
            let fx = fixture("busybox", tag, "amd64");
            assert!(err.contains(&format!("Copying blob {}\n", fx.layers[0].0)), "{tag}: {err}");
        }
        assert_eq!(s.layer_dirs(), BTreeSet::from([chain.clone()]), "{tag}");
        let r = s.check_consistent();
        assert_eq!(r.image(&bb.id).names, vec![image.clone()]);
    }
}

#[test]
fn pull_busybox_formats_root() {
    busybox_formats(Mode::Root);
}

#[test]
fn pull_busybox_formats_rootless() {
    busybox_formats(Mode::Rootless);
}

#[test]
fn pull_index_chooses_the_platform() {
    let bed = Bed::get();
    let amd64 = fixture("hello", "latest", "amd64");
    let arm64 = fixture("hello", "latest", "arm64");
    assert_ne!(amd64.id, arm64.id);
    let image = bed.image("hello", "latest");
    for mode in [Mode::Root, Mode::Rootless] {
        let s = TStore::new(mode, "pull-hello");
        assert_eq!(s.pull_id(&image), amd64.id, "{mode:?}: the host's platform");
        let out = s.pull(&image, &["-q", "--platform", "linux/arm64"]);
        assert_eq!(ok(&out).trim(), arm64.id, "{mode:?}");
        let r = s.check_consistent();
        assert_eq!(r.image(&arm64.id).architecture, "arm64");
        assert_eq!(r.image(&amd64.id).architecture, "amd64");
        let out = s.run(&["image", "inspect", "--format", "{{.Architecture}}", &arm64.id]);
        assert_eq!(ok(&out).trim(), "arm64", "{mode:?}: rpod image inspect");
        assert_eq!(r.image(&arm64.id).layers, arm64.chains());

        let before = s.layer_dirs();
        let out = s.pull(&image, &["--platform", "linux/s390x"]);
        fails_with(&out, &["no image found for platform linux/s390x", "linux/amd64", "linux/arm64/v8"]);
        assert_eq!(s.layer_dirs(), before);
    }
}

// ---------------------------------------------------------------------------
// The extracted tree of multilayer, through overlay

/// Mounts the layers (top first) read-only with overlay in a private
/// mount namespace (root: `unshare -m`; rootless: `rpod unshare`, with
/// `userxattr`), and reads the merged tree from outside through
/// `/proc/PID/root`, owners mapped back through the namespace's ID maps.
fn merged_tree(s: &TStore, chains: &[String], check: impl FnOnce(&Path, &[IdMapping], &[IdMapping])) {
    let merged = s.root.parent().unwrap().join("merged");
    std::fs::create_dir_all(&merged).unwrap();
    if s.mode == Mode::Rootless {
        chown_user(&merged);
    }
    let lower: Vec<String> =
        chains.iter().rev().map(|c| s.root.join("layers").join(hex_of(c)).join("diff").display().to_string()).collect();
    let opts = match s.mode {
        Mode::Root => format!("ro,lowerdir={}", lower.join(":")),
        Mode::Rootless => format!("ro,userxattr,lowerdir={}", lower.join(":")),
    };
    let script = format!("mount -t overlay overlay -o {opts} {m} && echo $$ && read x", m = merged.display());
    let mut cmd = match s.mode {
        Mode::Root => {
            let mut c = s.base_command(Path::new("/usr/bin/unshare"));
            c.args(["-m", "--propagation", "private", "sh", "-c", &script]);
            c
        }
        Mode::Rootless => s.command(&["unshare", "sh", "-c", &script]),
    };
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let Ok(pid) = line.trim().parse::<u32>() else {
        let _ = child.kill();
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        panic!("mounting the overlay ({:?}): {err}", s.mode);
    };
    let proc_root = PathBuf::from(format!("/proc/{pid}/root"));
    let maps = |f: &str| -> Vec<IdMapping> {
        if s.mode == Mode::Root {
            return Vec::new();
        }
        std::fs::read_to_string(format!("/proc/{pid}/{f}"))
            .unwrap()
            .lines()
            .map(|l| {
                let n: Vec<u32> = l.split_whitespace().map(|x| x.parse().unwrap()).collect();
                IdMapping { container: n[0], host: n[1], size: n[2] }
            })
            .collect()
    };
    let (uids, gids) = (maps("uid_map"), maps("gid_map"));
    let dir = proc_root.join(merged.strip_prefix("/").unwrap());
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&dir, &uids, &gids)));
    drop(child.stdin.take());
    let _ = child.wait();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

fn multilayer_tree(mode: Mode) {
    let bed = Bed::get();
    let fx = fixture("multilayer", "latest", "amd64");
    let s = TStore::new(mode, "pull-ml");
    assert_eq!(s.pull_id(&bed.image("multilayer", "latest")), fx.id);
    let chains = fx.chains();
    assert_eq!(s.layer_dirs(), chains.iter().map(|c| hex_of(c).to_string()).collect());
    let r = s.check_consistent();
    assert_eq!(r.image(&fx.id).layers, chains);

    let expected = std::fs::read_to_string(bed.fixtures.join("expected/multilayer.tree")).unwrap();
    let mtimes = std::fs::read_to_string(bed.fixtures.join("expected/multilayer.mtimes")).unwrap();
    merged_tree(&s, &chains, |dir, uids, gids| {
        let actual = read_tree_mapped(dir, uids, gids).unwrap();
        assert!(
            actual == expected,
            "{mode:?}: merged tree differs (- expected, + actual):\n{}",
            diff_trees(&expected, &actual)
        );
        check_mtimes(dir, &mtimes).unwrap();
    });
}

#[test]
fn multilayer_tree_root() {
    multilayer_tree(Mode::Root);
}

#[test]
fn multilayer_tree_rootless() {
    multilayer_tree(Mode::Rootless);
}

// ---------------------------------------------------------------------------
// Images built here: a hand-written tar writer and OCI layouts

enum Entry<'a> {
    Dir(&'a str),
    File(&'a str, &'a [u8]),
    Symlink(&'a str, &'a str),
    Hardlink(&'a str, &'a str),
}

/// A ustar stream written by hand (the tar crate refuses hostile names).
fn tar(entries: &[Entry]) -> Vec<u8> {
    fn header(name: &str, kind: u8, link: &str, size: usize, mode: u32) -> [u8; 512] {
        assert!(name.len() < 100 && link.len() < 100, "{name} / {link}");
        let mut h = [0u8; 512];
        h[..name.len()].copy_from_slice(name.as_bytes());
        let mut octal = |at: usize, len: usize, v: u64| {
            let s = format!("{v:0w$o}\0", w = len - 1);
            h[at..at + len].copy_from_slice(s.as_bytes());
        };
        octal(100, 8, u64::from(mode));
        octal(108, 8, 0);
        octal(116, 8, 0);
        octal(124, 12, size as u64);
        octal(136, 12, 1_704_067_200);
        h[148..156].copy_from_slice(b"        ");
        h[156] = kind;
        h[157..157 + link.len()].copy_from_slice(link.as_bytes());
        h[257..263].copy_from_slice(b"ustar\0");
        h[263..265].copy_from_slice(b"00");
        let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
        h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        h
    }
    let mut out = Vec::new();
    for e in entries {
        let (h, data): ([u8; 512], &[u8]) = match e {
            Entry::Dir(n) => (header(n, b'5', "", 0, 0o755), &[]),
            Entry::File(n, d) => (header(n, b'0', "", d.len(), 0o644), d),
            Entry::Symlink(n, t) => (header(n, b'2', t, 0, 0o777), &[]),
            Entry::Hardlink(n, t) => (header(n, b'1', t, 0, 0o644), &[]),
        };
        out.extend_from_slice(&h);
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.resize(out.len() + 1024, 0);
    out
}

struct LayerBlob {
    blob: Vec<u8>,
    media_type: String,
    diff_id: String,
}

fn gz_layer(tar: &[u8]) -> LayerBlob {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(tar).unwrap();
    LayerBlob {
        blob: e.finish().unwrap(),
        media_type: "application/vnd.oci.image.layer.v1.tar+gzip".into(),
        diff_id: format!("sha256:{}", sha256_hex(tar)),
    }
}

/// Writes an OCI layout holding one image per `(tag, layers)`; returns
/// the image IDs (config hex digests).
fn write_layout(dir: &Path, images: &[(&str, Vec<LayerBlob>)]) -> Vec<String> {
    let blobs = dir.join("blobs/sha256");
    std::fs::create_dir_all(&blobs).unwrap();
    let put = |data: &[u8]| -> (String, usize) {
        let hex = sha256_hex(data);
        std::fs::write(blobs.join(&hex), data).unwrap();
        (format!("sha256:{hex}"), data.len())
    };
    let mut index = Vec::new();
    let mut ids = Vec::new();
    for (tag, layers) in images {
        let config = json!({
            "created": "2024-01-01T00:00:00Z",
            "architecture": "amd64",
            "os": "linux",
            "config": {"Cmd": ["/bin/sh"]},
            "rootfs": {"type": "layers", "diff_ids": layers.iter().map(|l| l.diff_id.clone()).collect::<Vec<_>>()},
        });
        let (cd, cs) = put(&serde_json::to_vec(&config).unwrap());
        ids.push(hex_of(&cd).to_string());
        let layer_descs: Vec<Value> = layers
            .iter()
            .map(|l| {
                let (d, n) = put(&l.blob);
                json!({"mediaType": l.media_type, "digest": d, "size": n})
            })
            .collect();
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cd, "size": cs},
            "layers": layer_descs,
        });
        let (md, ms) = put(&serde_json::to_vec(&manifest).unwrap());
        index.push(json!({
            "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": md, "size": ms,
            "annotations": {"org.opencontainers.image.ref.name": tag},
        }));
    }
    std::fs::write(dir.join("oci-layout"), br#"{"imageLayoutVersion":"1.0.0"}"#).unwrap();
    std::fs::write(
        dir.join("index.json"),
        serde_json::to_vec(&json!({"schemaVersion": 2, "manifests": index})).unwrap(),
    )
    .unwrap();
    ids
}

/// `skopeo copy` of `oci:LAYOUT:TAG` to `docker://DEST` (plain HTTP), bytes as they are.
fn skopeo_push(layout: &str, dest: &str) {
    let bed = Bed::get();
    let mut cmd = bed.root_command("skopeo");
    cmd.args(["copy", "-q", "--retry-times", "2", "--preserve-digests", "--dest-tls-verify=false"])
        .arg(layout)
        .arg(format!("docker://{dest}"));
    let out = output_with_timeout(&mut cmd, Duration::from_secs(120));
    ok(&out);
}

/// busybox's layer plus one small layer, pushed once to the bed registry:
/// an image that shares its base layer with busybox. (reference, fixture)
fn busybox_plus() -> &'static (String, Fx) {
    static PLUS: OnceLock<(String, Fx)> = OnceLock::new();
    PLUS.get_or_init(|| {
        let bed = Bed::get();
        let bb = fixture("busybox", "latest", "amd64");
        let base = LayerBlob {
            blob: std::fs::read(fixture_blob("busybox", &bb.layers[0].0)).unwrap(),
            media_type: bb.layers[0].1.clone(),
            diff_id: bb.diff_ids[0].clone(),
        };
        let top = gz_layer(&tar(&[Entry::Dir("etc/"), Entry::File("etc/plus.txt", b"one layer more\n")]));
        let diff_ids = vec![base.diff_id.clone(), top.diff_id.clone()];
        let dir = bed.root_tempdir("plus-layout");
        let ids = write_layout(dir.path(), &[("latest", vec![base, top])]);
        // Not named like a fixture: search tests count the registry's busybox repositories.
        let reference = format!("{}/rpodtest/bbplus:latest", bed.registry);
        skopeo_push(&format!("oci:{}:latest", dir.path().display()), &reference);
        let fx = Fx { id: ids[0].clone(), diff_ids, layers: Vec::new() };
        (reference, fx)
    })
}

// ---------------------------------------------------------------------------
// Concurrency

/// Runs the commands at once; returns their outputs in order.
fn concurrently(cmds: Vec<Command>) -> Vec<Output> {
    std::thread::scope(|sc| {
        let handles: Vec<_> = cmds
            .into_iter()
            .map(|mut c| sc.spawn(move || output_with_timeout(&mut c, Duration::from_secs(180))))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

fn concurrent_pulls(mode: Mode) {
    let bed = Bed::get();
    let bb = fixture("busybox", "latest", "amd64");
    let (plus_ref, plus) = busybox_plus();
    let base = hex_of(&bb.chains()[0]).to_string();
    let plus_chains: BTreeSet<String> = plus.chains().iter().map(|c| hex_of(c).to_string()).collect();
    assert!(plus_chains.contains(&base));

    // Two images sharing a base layer, pulled at the same time (a few
    // rounds: each process extracts the base; one commits it, the other
    // discards its copy and uses the stored one).
    for round in 0..3 {
        let s = TStore::new(mode, "pull-conc");
        let a = bed.image("busybox", "latest");
        let outs = concurrently(vec![
            s.command(&["pull", "-q", "--tls-verify=false", &a]),
            s.command(&["pull", "-q", "--tls-verify=false", plus_ref]),
        ]);
        assert_eq!(ok(&outs[0]).trim(), bb.id, "round {round}");
        assert_eq!(ok(&outs[1]).trim(), plus.id, "round {round}");
        assert_eq!(s.layer_dirs(), plus_chains, "round {round}: the shared layer is stored once");
        let r = s.check_consistent();
        assert_eq!(r.layers.len(), 2);
        assert_eq!(r.image(&bb.id).layers[0], r.image(&plus.id).layers[0]);
    }

    // The same layer under two manifests (gzip and zstd), at the same time.
    let s = TStore::new(mode, "pull-conc-z");
    let outs = concurrently(vec![
        s.command(&["pull", "-q", "--tls-verify=false", &bed.image("busybox", "latest")]),
        s.command(&["pull", "-q", "--tls-verify=false", &bed.image("busybox", "zstd")]),
    ]);
    for o in &outs {
        assert_eq!(ok(o).trim(), bb.id);
    }
    assert_eq!(s.layer_dirs(), BTreeSet::from([base.clone()]));
    let r = s.check_consistent();
    assert_eq!(r.images.len(), 1);
    let names: BTreeSet<String> = r.images[0].names.iter().cloned().collect();
    assert_eq!(names, BTreeSet::from([bed.image("busybox", "latest"), bed.image("busybox", "zstd")]));

    // Four pulls of the same image.
    let ml = fixture("multilayer", "latest", "amd64");
    let s = TStore::new(mode, "pull-conc4");
    let image = bed.image("multilayer", "latest");
    let outs = concurrently((0..4).map(|_| s.command(&["pull", "-q", "--tls-verify=false", &image])).collect());
    for o in &outs {
        assert_eq!(ok(o).trim(), ml.id);
    }
    assert_eq!(s.layer_dirs(), ml.chains().iter().map(|c| hex_of(c).to_string()).collect());
    let r = s.check_consistent();
    assert_eq!(r.images.len(), 1);
    assert_eq!(r.image(&ml.id).layers, ml.chains());
}

#[test]
fn concurrent_pulls_root() {
    concurrent_pulls(Mode::Root);
}

#[test]
fn concurrent_pulls_rootless() {
    concurrent_pulls(Mode::Rootless);
}

// ---------------------------------------------------------------------------
// kill -9

/// A directory under /dev/shm (tmpfs: the trials measure the engine, not
/// the disk), owned by the mode's user, removed on drop.
struct ShmDir(PathBuf);

impl ShmDir {
    fn new(mode: Mode) -> ShmDir {
        let p = PathBuf::from(format!("/dev/shm/rpod-pulltest-{}", nonce()));
        std::fs::create_dir(&p).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o700)).unwrap();
        if mode == Mode::Rootless {
            chown_user(&p);
        }
        ShmDir(p)
    }
}

impl Drop for ShmDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// (entries, bytes of regular files) under `dir`: a complete layer has
/// exactly the counts of a layer pulled without interruption.
fn fingerprint(dir: &Path) -> (u64, u64) {
    let (mut n, mut bytes) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let m = e.path().symlink_metadata().unwrap();
            n += 1;
            if m.is_dir() {
                stack.push(e.path());
            } else if m.is_file() {
                bytes += m.len();
            }
        }
    }
    (n, bytes)
}

/// A small deterministic generator (xorshift), seeded from the clock and
/// printed, so a failing trial can be replayed with RPOD_PULL_KILL_SEED.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Pulls `image` into fresh stores (on tmpfs) and SIGKILLs each pull at a
/// point spread over the duration of an uninterrupted pull, until `kills`
/// pulls were killed mid-way; after each, a pull of the same image must
/// succeed and leave a consistent store whose layers are complete.
fn kill_trials(mode: Mode, image: &str, fx: &Fx, kills: usize, rng: &mut Rng) -> Vec<String> {
    let shm = ShmDir::new(mode);
    let chains: Vec<String> = fx.chains().iter().map(|c| hex_of(c).to_string()).collect();

    // A pull without interruption: the reference layers and its duration.
    let ref_dir = shm.0.join("ref");
    std::fs::create_dir(&ref_dir).unwrap();
    if mode == Mode::Rootless {
        chown_user(&ref_dir);
    }
    let reference = TStore::at(mode, &ref_dir);
    let start = Instant::now();
    assert_eq!(reference.pull_id(image), fx.id);
    let full = start.elapsed();
    let prints: BTreeMap<String, (u64, u64)> =
        chains.iter().map(|c| (c.clone(), fingerprint(&reference.root.join("layers").join(c).join("diff")))).collect();
    let _ = std::fs::remove_dir_all(&ref_dir);
    // A little past the uninterrupted duration: the last slices catch the
    // final commits (a pull that finished first is not counted).
    let window = full.mul_f64(1.1).max(Duration::from_millis(20));
    let mut log = vec![format!("{mode:?} {image}: an uninterrupted pull took {} ms", full.as_millis())];
    let mut killed = 0;
    let mut i = 0;
    while killed < kills && i < 3 * kills {
        // Stratified: trial i lands in the i-th slice of the window.
        let u = ((i % kills) as f64 + rng.next()) / kills as f64;
        let at = Duration::from_millis(5) + window.mul_f64(u);
        let dir = shm.0.join(format!("t{i}"));
        std::fs::create_dir(&dir).unwrap();
        if mode == Mode::Rootless {
            chown_user(&dir);
        }
        let s = TStore::at(mode, &dir);
        let mut cmd = s.command(&["pull", "-q", "--tls-verify=false", image]);
        cmd.stdout(Stdio::null()).stderr(Stdio::null()).process_group(0);
        let mut child = cmd.spawn().unwrap();
        std::thread::sleep(at);
        let was_killed = match child.try_wait().unwrap() {
            Some(_) => false,
            None => {
                let pgid = nix::unistd::Pid::from_raw(child.id() as i32);
                let _ = nix::sys::signal::killpg(pgid, nix::sys::signal::Signal::SIGKILL);
                true
            }
        };
        let _ = child.wait().unwrap();
        killed += usize::from(was_killed);
        let had = s.layer_dirs().len();
        let stages = s.stage_dirs().len();

        // The next command: a pull of the same image completes it.
        let out = s.pull(image, &[]);
        assert_eq!(ok(&out).trim(), fx.id, "trial {i} (killed at {at:?})");
        let skipped = text(&out.stderr).matches("skipped: already exists").count();
        let r = s.check_consistent();
        assert_eq!(r.image(&fx.id).layers, fx.chains(), "trial {i}");
        assert_eq!(s.layer_dirs(), chains.iter().cloned().collect(), "trial {i}");
        for c in &chains {
            assert_eq!(
                fingerprint(&s.root.join("layers").join(c).join("diff")),
                prints[c],
                "trial {i}: layer {c} is incomplete"
            );
        }
        log.push(format!(
            "{mode:?} trial {i}: {} at {:>4} ms: {had} layer dirs, {stages} staging dirs; the next pull skipped {skipped} of {}",
            if was_killed { "killed" } else { "finished before" },
            at.as_millis(),
            chains.len(),
        ));
        let _ = std::fs::remove_dir_all(&dir);
        i += 1;
    }
    assert_eq!(killed, kills, "{mode:?} {image}: too few pulls were still running when killed:\n{}", log.join("\n"));
    log
}

#[test]
fn kill9_at_random_points_then_pull_again() {
    let bed = Bed::get();
    let seed = std::env::var("RPOD_PULL_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
    });
    eprintln!("kill -9 trials: RPOD_PULL_KILL_SEED={seed}");
    let mut rng = Rng(seed);
    // big: three large layers extracted in parallel (a window of seconds);
    // multilayer: five small layers committed one after the other (start-up,
    // manifest, layer commits and the image record close together).
    let ml = fixture("multilayer", "latest", "amd64");
    let ml_image = bed.image("multilayer", "latest");
    let mut log = Vec::new();
    if has_big() {
        log.extend(kill_trials(Mode::Root, &bed.image("big", "zstd"), &fixture("big", "zstd", "amd64"), 8, &mut rng));
        log.extend(kill_trials(Mode::Root, &ml_image, &ml, 6, &mut rng));
    } else {
        log.extend(kill_trials(Mode::Root, &ml_image, &ml, 14, &mut rng));
    }
    log.extend(kill_trials(Mode::Rootless, &ml_image, &ml, 8, &mut rng));
    eprintln!("{}", log.join("\n"));
}

// ---------------------------------------------------------------------------
// Bad input

/// Runs a pull that must fail with exit 125 and the `needles` in its
/// message, leaving the store as it was (no new layer, no image, no
/// staging leftovers); returns stderr.
#[track_caller]
fn failed_pull_changes_nothing(s: &TStore, image: &str, extra: &[&str], needles: &[&str]) -> String {
    let mut args = vec!["pull", "--tls-verify=false"];
    args.extend_from_slice(extra);
    args.push(image);
    failed_run_changes_nothing(s, &args, needles)
}

#[track_caller]
fn failed_run_changes_nothing(s: &TStore, args: &[&str], needles: &[&str]) -> String {
    let before_dirs = s.layer_dirs();
    let before = s.report();
    let out = s.run(args);
    let err = fails_with(&out, needles);
    assert_eq!(s.layer_dirs(), before_dirs, "{args:?}: layer dirs changed");
    let after = s.check_consistent();
    assert_eq!(after.images, before.images, "{args:?}: images changed");
    assert_eq!(after.layers, before.layers, "{args:?}: layers changed");
    err
}

/// A registry that answers `/v2/` and serves `manifest` for any manifest
/// request (404 otherwise), one thread per connection. Leaks its thread.
fn fake_registry(manifest: &'static [u8], media_type: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { continue };
            std::thread::spawn(move || {
                let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
                let mut reader = BufReader::new(conn.try_clone().unwrap());
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return; // e.g. a TLS hello
                }
                loop {
                    let mut h = String::new();
                    match reader.read_line(&mut h) {
                        Ok(0) | Err(_) => return,
                        Ok(_) if h == "\r\n" || h == "\n" => break,
                        Ok(_) => {}
                    }
                }
                let mut parts = request.split_whitespace();
                let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let (status, ctype, body): (&str, &str, &[u8]) = if path == "/v2/" {
                    ("200 OK", "application/json", b"{}")
                } else if path.contains("/manifests/") {
                    ("200 OK", media_type, manifest)
                } else {
                    ("404 Not Found", "application/json", br#"{"errors":[{"code":"NOT_FOUND","message":"no"}]}"#)
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nDocker-Distribution-API-Version: registry/2.0\r\nDocker-Content-Digest: sha256:{}\r\nConnection: close\r\n\r\n",
                    body.len(),
                    sha256_hex(body)
                );
                let _ = conn.write_all(head.as_bytes());
                if method != "HEAD" {
                    let _ = conn.write_all(body);
                }
            });
        }
    });
    addr
}

fn bad_registries(mode: Mode) {
    let bed = Bed::get();
    let s = TStore::new(mode, "pull-bad");
    // Isolated credentials and configuration: no auth file anywhere.
    let home = s.root.parent().unwrap().join("home");
    let config = home.join(".config");
    let runtime = home.join("run");
    for d in [&home, &config.join("containers/certs.d").join(&bed.registry_tls), &runtime] {
        std::fs::create_dir_all(d).unwrap();
    }
    std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::copy(&bed.ca, config.join("containers/certs.d").join(&bed.registry_tls).join("ca.crt")).unwrap();
    if mode == Mode::Rootless {
        let out = Command::new("chown")
            .arg("-R")
            .arg(format!("{}:{}", bed.test_uid, bed.test_gid))
            .arg(&home)
            .output()
            .unwrap();
        ok(&out);
    }
    let mut s = s;
    s.env = vec![
        ("HOME".into(), home.display().to_string()),
        ("XDG_CONFIG_HOME".into(), config.display().to_string()),
        ("XDG_RUNTIME_DIR".into(), runtime.display().to_string()),
        ("REGISTRY_AUTH_FILE".into(), runtime.join("auth.json").display().to_string()),
        ("DOCKER_CONFIG".into(), home.join(".docker").display().to_string()),
    ];
    let bb = fixture("busybox", "latest", "amd64");
    assert_eq!(s.pull_id(&bed.image("busybox", "latest")), bb.id);

    // Registry down: a closed port, fails in seconds.
    let port = free_port();
    let start = Instant::now();
    failed_pull_changes_nothing(
        &s,
        &format!("127.0.0.1:{port}/library/hello:latest"),
        &[],
        &[&format!("127.0.0.1:{port}"), "connection refused"],
    );
    assert!(start.elapsed() < Duration::from_secs(5), "a closed port took {:?}", start.elapsed());

    // 401: the TLS registry without credentials. Rootless, its CA is
    // trusted through the user's certs.d; as root through --tls-verify=false
    // (the system certs.d is not ours to change).
    let tls_image = bed.image_tls("busybox", "latest");
    let needles =
        [format!("authentication required for {}", bed.registry_tls), format!("rpod login {}", bed.registry_tls)];
    let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
    match mode {
        Mode::Rootless => failed_run_changes_nothing(&s, &["pull", &tls_image], &needles),
        Mode::Root => failed_pull_changes_nothing(&s, &tls_image, &[], &needles),
    };

    // 404: an unknown tag, an unknown repository.
    failed_pull_changes_nothing(
        &s,
        &bed.image("hello", "no-such-tag"),
        &[],
        &["hello:no-such-tag", "manifest unknown"],
    );
    failed_pull_changes_nothing(
        &s,
        &format!("{}/library/no-such-repo:latest", bed.registry),
        &[],
        &["no-such-repo", "manifest unknown"],
    );

    // Malformed manifests: not JSON; JSON that is not a manifest.
    static TRUNCATED: &[u8] =
        br#"{"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": {"#;
    static WRONG: &[u8] =
        br#"{"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": 42, "layers": "x"}"#;
    for body in [TRUNCATED, WRONG] {
        let addr = fake_registry(body, "application/vnd.oci.image.manifest.v1+json");
        failed_pull_changes_nothing(&s, &format!("{addr}/bad/manifest:latest"), &[], &["parsing manifest", &addr]);
    }

    // Still usable.
    let ml = fixture("multilayer", "latest", "amd64");
    assert_eq!(s.pull_id(&bed.image("multilayer", "latest")), ml.id);
    let r = s.check_consistent();
    assert_eq!(r.images.len(), 2);
}

#[test]
fn bad_registries_root() {
    bad_registries(Mode::Root);
}

#[test]
fn bad_registries_rootless() {
    bad_registries(Mode::Rootless);
}

/// A `docker-registry` of our own, on a free port, with its storage in a
/// temporary directory (so its blobs can be tampered with).
struct PrivateRegistry {
    child: std::process::Child,
    addr: String,
    data: PathBuf,
    _dir: UserTempDir,
}

impl PrivateRegistry {
    fn start() -> PrivateRegistry {
        let bed = Bed::get();
        let dir = bed.root_tempdir("registry");
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        for _ in 0..5 {
            let port = free_port();
            let cfg = dir.path().join("config.yml");
            std::fs::write(
                &cfg,
                format!(
                    "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:{port}\n",
                    data.display()
                ),
            )
            .unwrap();
            let log = std::fs::File::create(dir.path().join("log")).unwrap();
            let mut child = Command::new("docker-registry")
                .arg("serve")
                .arg(&cfg)
                .stdin(Stdio::null())
                .stdout(log.try_clone().unwrap())
                .stderr(log)
                .spawn()
                .expect("docker-registry");
            let addr = format!("127.0.0.1:{port}");
            let deadline = Instant::now() + Duration::from_secs(15);
            while Instant::now() < deadline {
                if child.try_wait().unwrap().is_some() {
                    break;
                }
                if http_status(&addr, "/v2/") == Some(200) {
                    return PrivateRegistry { child, addr, data, _dir: dir };
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!(
            "docker-registry did not start: {}",
            std::fs::read_to_string(dir.path().join("log")).unwrap_or_default()
        );
    }

    fn blob_file(&self, digest: &str) -> PathBuf {
        let hex = hex_of(digest);
        self.data.join("docker/registry/v2/blobs/sha256").join(&hex[..2]).join(hex).join("data")
    }
}

impl Drop for PrivateRegistry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn http_status(addr: &str, path: &str) -> Option<u16> {
    let mut c = TcpStream::connect(addr).ok()?;
    c.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    c.write_all(format!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").as_bytes()).ok()?;
    let mut line = String::new();
    BufReader::new(c).read_line(&mut line).ok()?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn corrupted_and_truncated_blobs() {
    let bed = Bed::get();
    let reg = PrivateRegistry::start();
    let fx = fixture("busybox", "latest", "amd64");
    let image = format!("{}/corrupt/busybox:latest", reg.addr);
    skopeo_push(&format!("oci:{}:latest", bed.fixtures.join("oci/busybox").display()), &image);
    let blob = reg.blob_file(&fx.layers[0].0);
    let good = std::fs::read(&blob).unwrap();
    let digest = fx.layers[0].0.as_str();

    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x55;
    let mut tail_flipped = good.clone();
    let last = tail_flipped.len() - 20;
    tail_flipped[last] ^= 0x01;
    let truncated = good[..good.len() / 2].to_vec();

    for mode in [Mode::Root, Mode::Rootless] {
        let s = TStore::new(mode, "pull-corrupt");
        // Something stored already: the failures must not touch it.
        let ml = fixture("multilayer", "latest", "amd64");
        assert_eq!(s.pull_id(&bed.image("multilayer", "latest")), ml.id);
        for (what, bytes) in
            [("corrupted", &flipped), ("corrupted near its end", &tail_flipped), ("truncated", &truncated)]
        {
            std::fs::write(&blob, bytes).unwrap();
            let err = failed_pull_changes_nothing(&s, &image, &[], &[digest]);
            eprintln!("{mode:?}, blob {what}: {}", err.lines().last().unwrap_or(""));
            let clear = ["digest mismatch", "size mismatch"].iter().any(|n| err.contains(n));
            assert!(clear, "{mode:?}, blob {what}: the error must say the blob does not match its digest/size:\n{err}");
            assert!(err.contains(&format!("fetching blob {digest}")), "{mode:?}, blob {what}:\n{err}");
        }
        std::fs::write(&blob, &good).unwrap();
        assert_eq!(s.pull_id(&image), fx.id, "{mode:?}: the repaired blob pulls");
        s.check_consistent();
    }
}

/// A directory anyone may write, outside every store: an escaping layer
/// would write here.
fn outside_dir() -> UserTempDir {
    let d = Bed::get().user_tempdir("outside");
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    d
}

#[test]
fn hostile_layers_write_nothing_outside() {
    let bed = Bed::get();
    let reg = PrivateRegistry::start();
    let outside = outside_dir();
    let out_abs = outside.path().display().to_string();
    let rel_up = "../../../../../../../../../../../../..";
    let abs_target = format!("{out_abs}/pwned-abs");
    let hard_target = format!("{rel_up}/etc/passwd");
    let through_up = format!("up{out_abs}/pwned-up");
    // Refused outright, naming the entry.
    let refused: Vec<(&str, Vec<LayerBlob>, String)> = vec![
        (
            "dotdot",
            vec![gz_layer(&tar(&[
                Entry::Dir("etc/"),
                Entry::File("etc/ok", b"fine\n"),
                Entry::File("../escape-dotdot", b"x\n"),
            ]))],
            "../escape-dotdot".into(),
        ),
        (
            "deep-dotdot",
            vec![gz_layer(&tar(&[Entry::Dir("a/"), Entry::File("a/../../escape-deep", b"x\n")]))],
            "a/../../escape-deep".into(),
        ),
        ("absolute", vec![gz_layer(&tar(&[Entry::File(&abs_target, b"x\n")]))], abs_target.clone()),
        ("hardlink", vec![gz_layer(&tar(&[Entry::Hardlink("passwd-link", &hard_target)]))], "passwd-link".into()),
    ];
    // Writes through symlinks: resolved inside the layer, or refused; never outside.
    let through: Vec<(&str, Vec<LayerBlob>)> = vec![
        (
            "symlink-abs",
            vec![gz_layer(&tar(&[Entry::Symlink("evil", &out_abs), Entry::File("evil/pwned-link", b"x\n")]))],
        ),
        ("symlink-up", vec![gz_layer(&tar(&[Entry::Symlink("up", rel_up), Entry::File(&through_up, b"x\n")]))]),
        (
            "symlink-dir",
            vec![gz_layer(&tar(&[
                Entry::Symlink("d", &out_abs),
                Entry::Dir("d/"),
                Entry::File("d/pwned-dir", b"x\n"),
            ]))],
        ),
        // The link in one layer, the write through it in the next.
        (
            "two-layers",
            vec![
                gz_layer(&tar(&[Entry::Symlink("evil", &out_abs)])),
                gz_layer(&tar(&[Entry::Dir("evil/"), Entry::File("evil/pwned-2", b"x\n")])),
            ],
        ),
    ];
    let layout = bed.root_tempdir("hostile-layout");
    let mut all: Vec<(&str, Vec<LayerBlob>)> = Vec::new();
    let mut names = Vec::new();
    for (t, l, n) in refused {
        all.push((t, l));
        names.push(n);
    }
    let n_refused = all.len();
    all.extend(through);
    let ids = write_layout(layout.path(), &all);
    let tags: Vec<&str> = all.iter().map(|(t, _)| *t).collect();
    let image = |t: &str| format!("{}/hostile/image:{t}", reg.addr);
    for t in &tags {
        skopeo_push(&format!("oci:{}:{t}", layout.path().display()), &image(t));
    }
    let nlink = || std::os::unix::fs::MetadataExt::nlink(&std::fs::metadata("/etc/passwd").unwrap());
    let passwd_links = nlink();

    for mode in [Mode::Root, Mode::Rootless] {
        let s = TStore::new(mode, "pull-hostile");
        for (t, entry) in tags[..n_refused].iter().zip(&names) {
            let err = failed_pull_changes_nothing(&s, &image(t), &[], &[&format!("refusing entry {entry:?}")]);
            assert!(err.contains("layer sha256:"), "the layer must be named: {err}");
        }
        for (i, t) in tags.iter().enumerate().skip(n_refused) {
            let out = s.pull(&image(t), &["-q"]);
            let outcome = if out.status.success() {
                assert_eq!(text(&out.stdout).trim(), ids[i]);
                "stored (written inside the layer)".to_string()
            } else {
                fails_with(&out, &["layer sha256:"]);
                text(&out.stderr).lines().last().unwrap_or("").to_string()
            };
            eprintln!("{mode:?} {t}: {outcome}");
            s.check_consistent();
            let left = names_in(outside.path());
            assert!(left.is_empty(), "{mode:?} {t}: written outside the store: {left:?}");
        }
        assert!(find_named(s.root.parent().unwrap(), "escape-").is_empty(), "{mode:?}");
        assert_eq!(nlink(), passwd_links, "/etc/passwd got a hard link");
        // Usable afterwards.
        assert_eq!(s.pull_id(&bed.image("busybox", "latest")), fixture("busybox", "latest", "amd64").id);
        s.check_consistent();
    }
}

fn find_named(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            if e.file_name().to_string_lossy().starts_with(prefix) {
                found.push(e.path());
            }
            if e.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                stack.push(e.path());
            }
        }
    }
    found
}

#[test]
fn disk_full_fails_cleanly_root() {
    let bed = Bed::get();
    // The disk is a 64 MiB tmpfs that a filler file leaves FREE KiB of: less
    // than the image needs; the filler goes before the follow-up pull.
    let (image, free_kib) =
        if has_big() { (bed.image("big", "zstd"), 8192) } else { (bed.image("multilayer", "latest"), 512) };
    let dir = bed.root_tempdir("pull-enospc");
    let mnt = dir.path().join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let bb = fixture("busybox", "latest", "amd64");
    let helper = helper_bin();
    // In a private mount namespace: the tmpfs goes away with it.
    let script = format!(
        r#"exec 2>&1
mount -t tmpfs -o size=64m,mode=0700 rpod-enospc "$M" || exit 99
R="$M/store"; RR="$M/run"
avail=$(df -k --output=avail "$M" | tail -1)
head -c $(( (avail - {free_kib}) * 1024 )) /dev/zero > "$M/filler" || exit 98
echo "== pull big"; "$RPOD" --root "$R" --runroot "$RR" pull --tls-verify=false "$IMAGE"; echo "== rc=$?"
echo "== layers"; ls -A "$R/layers"
echo "== tmp"; ls -A "$R/tmp"
echo "== report"; RPOD_PULL_TEST_REPORT="$R" "$HELPER" store_report_helper --exact --ignored --nocapture --test-threads=1 -q | grep '^{REPORT_PREFIX}'
rm "$M/filler"
echo "== pull busybox"; "$RPOD" --root "$R" --runroot "$RR" pull -q --tls-verify=false "$BUSYBOX"; echo "== rc=$?"
echo "== end"
"#
    );
    let mut cmd = bed.root_command("/usr/bin/unshare");
    cmd.args(["-m", "--propagation", "private", "sh", "-c", &script])
        .env("M", &mnt)
        .env("RPOD", rpod())
        .env("IMAGE", &image)
        .env("HELPER", &helper)
        .env("BUSYBOX", bed.image("busybox", "latest"));
    let out = output_with_timeout(&mut cmd, Duration::from_secs(120));
    let log = text(&out.stdout);
    let mut sections: BTreeMap<String, String> = BTreeMap::new();
    let mut current = String::new();
    for line in log.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            current = name.to_string();
            sections.entry(current.clone()).or_default();
        } else {
            sections.entry(current.clone()).or_default().push_str(&format!("{line}\n"));
        }
    }
    let section =
        |name: &str| -> String { sections.get(name).cloned().unwrap_or_else(|| panic!("no section {name}:\n{log}")) };
    let pull = section("pull big");
    assert!(log.contains("== rc=125\n"), "the pull into a full disk must exit 125:\n{log}");
    assert!(pull.contains("No space left on device"), "{log}");
    assert!(!pull.contains("panicked"), "{log}");
    assert_eq!(section("layers").trim(), "", "no layer may be left behind:\n{log}");
    assert_eq!(section("tmp").trim(), "", "no staging leftovers:\n{log}");
    let report: Value =
        serde_json::from_str(section("report").trim().strip_prefix(REPORT_PREFIX).unwrap_or_else(|| panic!("{log}")))
            .unwrap();
    assert!(sections.contains_key("end"), "{log}");
    assert_eq!(report, json!({"images": [], "layers": []}), "{log}");
    assert!(log.contains(&format!("== pull busybox\n{}\n== rc=0\n", bb.id)), "the store must stay usable:\n{log}");
}
