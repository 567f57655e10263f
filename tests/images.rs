//! The image commands against real registries: `images` / `image ls`,
//! `image inspect` / `inspect`, `history`, `tag`, `untag`, `rmi` /
//! `image rm`, `image prune`. Rootless (the bed's user, a store in a
//! directory of its own) and as root. Needs the test bed (tests/run.sh).
//!
//! Images: the bed's `busybox` and `multilayer` fixtures from its plain
//! registry, and `derived`, served by a small read-only registry in this
//! process: busybox's layer plus one more, labels, annotations, a newer
//! `created` and `empty_layer` history entries — what the fixtures lack
//! (a shared base layer, labels, distinct creation times).

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rpod::format::human;
use rpod_testbed::bed::{sha256_digest, Bed, OutputExt, UserTempDir};
use rpod_testbed::fixtures::{layer_tar, Op};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------
// Running rpod on a private store.

struct Env {
    bed: &'static Bed,
    dir: UserTempDir,
    rootless: bool,
    bin: PathBuf,
}

impl Env {
    fn rootless(prefix: &str) -> Env {
        let bed = Bed::get();
        Env { bed, dir: bed.user_tempdir(prefix), rootless: true, bin: rpod_bin() }
    }

    fn root(prefix: &str) -> Env {
        let bed = Bed::get();
        Env { bed, dir: bed.root_tempdir(prefix), rootless: false, bin: rpod_bin() }
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    fn rpod(&self, args: &[&str]) -> Output {
        let store = self.store();
        let run = self.dir.path().join("run");
        let mut all = vec!["--root", store.to_str().unwrap(), "--runroot", run.to_str().unwrap()];
        all.extend_from_slice(args);
        if self.rootless {
            self.bed.run_rootless(&self.bin, &all, &[])
        } else {
            self.bed.run_root(&self.bin, &all, &[])
        }
    }

    #[track_caller]
    fn ok(&self, args: &[&str]) -> String {
        self.rpod(args).assert_success().stdout_str()
    }

    /// Pulls `reference` (plain HTTP) and returns the image ID it printed.
    #[track_caller]
    fn pull(&self, reference: &str) -> String {
        self.ok(&["pull", "-q", "--tls-verify=false", reference]).trim().to_string()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{out}"))
    }

    /// The directory of a stored layer (`layers/<chain hex>/diff`).
    fn layer_dir(&self, chain: &str) -> PathBuf {
        self.store().join("layers").join(chain.trim_start_matches("sha256:")).join("diff")
    }

    /// Runs SQL on the store's database as the store's owner: for states
    /// only older rpod versions could leave.
    #[track_caller]
    fn sql(&self, sql: &str) {
        let db = self.store().join("db.sqlite");
        let args = [db.to_str().unwrap(), sql];
        let sqlite3 = Path::new("/usr/bin/sqlite3");
        let out = if self.rootless {
            self.bed.run_rootless(sqlite3, &args, &[])
        } else {
            self.bed.run_root(sqlite3, &args, &[])
        };
        out.assert_success();
    }

    /// Names of the layer directories in the store.
    fn layer_dirs(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.store().join("layers"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

fn rpod_bin() -> PathBuf {
    Bed::get().install_rpod(Path::new(env!("CARGO_BIN_EXE_rpod")))
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

/// Go's text/tabwriter as Podman uses it (minwidth 12, padding 2; the last
/// cell unpadded): the expected text of a table.
fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.len() + 2).max().unwrap_or(0).max(12))
        .collect();
    let mut out = String::new();
    for r in rows {
        for (i, cell) in r.iter().enumerate() {
            if i + 1 == r.len() {
                out.push_str(cell);
            } else {
                out.push_str(&format!("{cell:<w$}", w = widths[i]));
            }
        }
        out.push('\n');
    }
    out
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------------------
// Fixtures.

/// A fixture's manifest and config, read from its OCI layout.
struct Fixture {
    reference: String,
    /// The manifest digest (`sha256:...`).
    digest: String,
    /// The config digest's hex: the image ID.
    id: String,
    diff_ids: Vec<String>,
    history: Vec<Value>,
    /// Podman's sizes: each layer's uncompressed tar, and the image's (the
    /// layers, the config and the manifest twice, as containers/storage
    /// counts them).
    layer_sizes: Vec<u64>,
    image_size: u64,
}

/// The length of a layer blob's uncompressed tar.
fn tar_len(layout: &Path, desc: &Value) -> u64 {
    let bytes = blob(layout, desc["digest"].as_str().unwrap());
    if desc["mediaType"].as_str().unwrap_or_default().ends_with("gzip") {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut out).unwrap();
        out.len() as u64
    } else {
        bytes.len() as u64
    }
}

fn blob(layout: &Path, digest: &str) -> Vec<u8> {
    let p = layout.join("blobs/sha256").join(digest.trim_start_matches("sha256:"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn fixture(name: &str, tag: &str) -> Fixture {
    let bed = Bed::get();
    let entry = bed.fixture(name, tag);
    let layout = bed.fixtures.join(&entry.layout);
    let manifest_bytes = blob(&layout, &entry.digest);
    let manifest: Value = serde_json::from_slice(&manifest_bytes).unwrap();
    let config_digest = manifest["config"]["digest"].as_str().unwrap();
    let config_bytes = blob(&layout, config_digest);
    let config: Value = serde_json::from_slice(&config_bytes).unwrap();
    let layer_sizes: Vec<u64> = manifest["layers"].as_array().unwrap().iter().map(|l| tar_len(&layout, l)).collect();
    let image_size = layer_sizes.iter().sum::<u64>() + config_bytes.len() as u64 + 2 * manifest_bytes.len() as u64;
    Fixture {
        layer_sizes,
        image_size,
        reference: bed.image(name, tag),
        digest: entry.digest.clone(),
        id: config_digest.trim_start_matches("sha256:").to_string(),
        diff_ids: config["rootfs"]["diff_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap().to_string())
            .collect(),
        history: config["history"].as_array().cloned().unwrap_or_default(),
    }
}

/// The OCI chain ID of each layer.
fn chain_ids(diff_ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in diff_ids {
        let chain = match out.last() {
            None => d.clone(),
            Some(parent) => sha256_digest(format!("{parent} {d}").as_bytes()),
        };
        out.push(chain);
    }
    out
}

/// The `derived` image and the registry serving it.
struct Derived {
    /// `127.0.0.1:PORT/rpod-test/derived:latest`
    reference: String,
    repository: String,
    digest: String,
    id: String,
    diff_ids: Vec<String>,
    /// Unix seconds of its `created` (2025-06-01T12:00:00.123456789Z).
    created: i64,
    /// Its top layer's tar and the image's size, as Podman counts them.
    top_size: u64,
    image_size: u64,
}

const DERIVED_CREATED: &str = "2025-06-01T12:00:00.123456789Z";

fn derived() -> &'static Derived {
    static D: OnceLock<Derived> = OnceLock::new();
    D.get_or_init(|| {
        let bed = Bed::get();
        let entry = bed.fixture("busybox", "latest");
        let layout = bed.fixtures.join(&entry.layout);
        let bb_manifest: Value = serde_json::from_slice(&blob(&layout, &entry.digest)).unwrap();
        let base = bb_manifest["layers"][0].clone();
        let base_bytes = blob(&layout, base["digest"].as_str().unwrap());
        let bb = fixture("busybox", "latest");

        let top = layer_tar(&[Op::dir("etc", 0o755), Op::file("etc/derived", 0o644, "derived\n")]).unwrap();
        let top_digest = sha256_digest(&top);
        let diff_ids = vec![bb.diff_ids[0].clone(), top_digest.clone()];
        let config = json!({
            "created": DERIVED_CREATED,
            "author": "rpod tests",
            "architecture": "amd64",
            "os": "linux",
            "config": {
                "Hostname": "not-in-podman's-output",
                "User": "nobody",
                "ExposedPorts": {"8080/tcp": {}},
                "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "MODE=test"],
                "Entrypoint": ["/bin/sh", "-c"],
                "Cmd": ["echo hi"],
                "Volumes": {"/data": {}},
                "WorkingDir": "/tmp",
                "Labels": {"org.rpod.test": "derived", "tier": "web"},
                "StopSignal": "SIGTERM"
            },
            "rootfs": {"type": "layers", "diff_ids": diff_ids},
            "history": [
                bb.history[0],
                {"created": "2025-06-01T12:00:00Z", "created_by": "/bin/sh -c #(nop)  LABEL tier=web org.rpod.test=derived", "empty_layer": true},
                {"created": "2025-06-01T12:00:00Z", "created_by": "/bin/sh -c echo derived > /etc/derived", "comment": "added"},
                {"created": "2025-06-01T12:00:00Z", "created_by": "/bin/sh -c #(nop)  CMD [\"echo hi\"]", "empty_layer": true}
            ]
        });
        let config_bytes = serde_json::to_vec(&config).unwrap();
        let config_digest = sha256_digest(&config_bytes);
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": config_bytes.len()},
            "layers": [
                base,
                {"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": top_digest, "size": top.len()}
            ],
            "annotations": {"org.rpod.test.annotation": "yes"}
        });
        let manifest_bytes = serde_json::to_vec(&manifest).unwrap();
        let digest = sha256_digest(&manifest_bytes);
        let top_size = top.len() as u64;
        let image_size =
            bb.layer_sizes[0] + top_size + config_bytes.len() as u64 + 2 * manifest_bytes.len() as u64;

        let mut content = HashMap::new();
        content.insert(digest.clone(), ("application/vnd.oci.image.manifest.v1+json".to_string(), manifest_bytes));
        content.insert(config_digest.clone(), ("application/octet-stream".to_string(), config_bytes));
        content.insert(base["digest"].as_str().unwrap().to_string(), ("application/octet-stream".to_string(), base_bytes));
        content.insert(top_digest, ("application/octet-stream".to_string(), top));
        let tags = HashMap::from([("latest".to_string(), digest.clone())]);
        let addr = serve(Registry { content, tags });
        let repository = format!("{addr}/rpod-test/derived");
        Derived {
            reference: format!("{repository}:latest"),
            repository,
            digest,
            id: config_digest.trim_start_matches("sha256:").to_string(),
            diff_ids,
            created: 1_748_779_200,
            top_size,
            image_size,
        }
    })
}

// ---------------------------------------------------------------------------
// A read-only registry (distribution API v2, plain HTTP, one request per
// connection) for `derived`.

struct Registry {
    /// digest -> (content type, bytes)
    content: HashMap<String, (String, Vec<u8>)>,
    /// tag -> manifest digest
    tags: HashMap<String, String>,
}

fn serve(reg: Registry) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let reg = Arc::new(reg);
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            let reg = reg.clone();
            std::thread::spawn(move || handle(conn, &reg));
        }
    });
    addr
}

fn handle(mut conn: TcpStream, reg: &Registry) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match conn.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
        // A TLS hello (the client tries HTTPS too): not ours.
        if head.len() == 1 && head[0] == 0x16 || head.len() > 64 * 1024 {
            return;
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut words = head.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let path = target.split('?').next().unwrap_or("");
    let found = if path == "/v2/" || path == "/v2" {
        Some(("application/json".to_string(), b"{}".to_vec(), None))
    } else if let Some(rest) = path.strip_prefix("/v2/") {
        let parts: Vec<&str> = rest.rsplitn(3, '/').collect();
        match parts.as_slice() {
            [reference, "manifests", _name] => {
                let digest = reg.tags.get(*reference).cloned().unwrap_or_else(|| reference.to_string());
                reg.content.get(&digest).map(|(t, b)| (t.clone(), b.clone(), Some(digest)))
            }
            [digest, "blobs", _name] => {
                reg.content.get(*digest).map(|(t, b)| (t.clone(), b.clone(), Some(digest.to_string())))
            }
            _ => None,
        }
    } else {
        None
    };
    let (status, ctype, body, digest) = match found {
        Some((t, b, d)) => ("200 OK", t, b, d),
        None => (
            "404 Not Found",
            "application/json".to_string(),
            br#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"not found"}]}"#.to_vec(),
            None,
        ),
    };
    let mut resp = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nDocker-Distribution-API-Version: registry/2.0\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(d) = digest {
        resp.push_str(&format!("Docker-Content-Digest: {d}\r\n"));
    }
    resp.push_str("\r\n");
    let _ = conn.write_all(resp.as_bytes());
    if method != "HEAD" {
        let _ = conn.write_all(&body);
    }
    let _ = conn.flush();
}

// ---------------------------------------------------------------------------
// images / image ls

#[test]
fn images_lists_one_row_per_name_newest_first() {
    let env = Env::rootless("images");
    let bb = fixture("busybox", "latest");
    let d = derived();
    assert_eq!(env.pull(&bb.reference), bb.id);
    assert_eq!(env.pull(&d.reference), d.id);

    let size_of = |id: &str| env.json(&["image", "inspect", id])[0]["Size"].as_u64().unwrap();
    let (bb_size, d_size) = (size_of(&bb.id), size_of(&d.id));
    let bb_repo = bb.reference.rsplit_once(':').unwrap().0.to_string();
    let expected = table(&[
        row(&["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"]),
        row(&[&d.repository, "latest", &d.id[..12], &human::ago(d.created, now()), &human::size(d_size)]),
        row(&[&bb_repo, "latest", &bb.id[..12], &human::ago(1_704_067_200, now()), &human::size(bb_size)]),
    ]);
    assert_eq!(env.ok(&["images"]), expected);
    // The long forms reach the same handler.
    assert_eq!(env.ok(&["image", "ls"]), expected);
    assert_eq!(env.ok(&["image", "list"]), expected);
    // -n drops the header (columns aligned on the rows alone).
    let noheading = env.ok(&["images", "-n"]);
    assert_eq!(lines(&noheading).len(), 2);
    assert!(noheading.starts_with(&format!("{}  latest", d.repository)), "{noheading}");

    // A second name: a second row with the same ID.
    env.ok(&["tag", &bb.id, "extra/name:v1"]);
    let out = env.ok(&["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"]);
    assert_eq!(
        out,
        format!(
            "{}:latest {}\n{bb_repo}:latest {}\nlocalhost/extra/name:v1 {}\n",
            d.repository,
            &d.id[..12],
            &bb.id[..12],
            &bb.id[..12]
        )
    );
    // -q: unique IDs, newest first; --no-trunc: full IDs.
    assert_eq!(env.ok(&["images", "-q"]), format!("{}\n{}\n", &d.id[..12], &bb.id[..12]));
    assert_eq!(env.ok(&["images", "-q", "--no-trunc"]), format!("sha256:{}\nsha256:{}\n", d.id, bb.id));
    let out = env.ok(&["images", "--no-trunc"]);
    assert!(out.contains(&format!("  sha256:{}  ", bb.id)), "{out}");
    // --digests: the manifest digest, as in fixtures.json.
    let out = env.ok(&["images", "--digests"]);
    assert!(lines(&out)[0].starts_with("REPOSITORY") && lines(&out)[0].contains("  DIGEST  "), "{out}");
    assert!(lines(&out)[2].contains(&format!("  {}  {}  ", bb.digest, &bb.id[..12])), "{out}");
    // A positional IMAGE filters by reference; the image keeps a row per name.
    assert_eq!(env.ok(&["images", "--format", "{{.Digest}}", &bb_repo]), format!("{0}\n{0}\n", bb.digest));
    assert_eq!(env.ok(&["images", "--format", "{{.Tag}}", "extra/name"]), "latest\nv1\n");
    // --sort.
    let mut repos = [bb_repo.clone(), d.repository.clone(), "localhost/extra/name".to_string()];
    repos.sort();
    assert_eq!(
        env.ok(&["images", "--sort", "repository", "--format", "{{.Repository}}"]),
        repos.iter().map(|r| format!("{r}\n")).collect::<String>()
    );
    assert_eq!(env.ok(&["images", "--sort", "size", "-q"]), format!("{}\n{}\n", &bb.id[..12], &d.id[..12]));
    let out = env.rpod(&["images", "--sort", "nosuch"]).assert_code(125);
    assert!(out.stderr_str().contains("nosuch"), "{}", out.stderr_str());
    // table templates have headers; field names are upper-cased; a space
    // between columns aligns them like a TAB (Podman).
    assert_eq!(
        env.ok(&["images", "--format", "table {{.ID}} {{.CreatedAt}}", "--filter", "reference=*derived*"]),
        format!("IMAGE ID      CREATED AT\n{}  2025-06-01 12:00:00 +0000 UTC\n", &d.id[..12])
    );

    // --format json: Podman's image summaries, one per image.
    let list = env.json(&["images", "--format", "json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    let bbj = &list[1];
    assert_eq!(bbj["Id"], bb.id);
    assert_eq!(bbj["Digest"], bb.digest);
    assert_eq!(bbj["Names"], json!([bb.reference, "localhost/extra/name:v1"]));
    assert_eq!(bbj["RepoTags"], json!([bb.reference, "localhost/extra/name:v1"]));
    assert_eq!(
        bbj["RepoDigests"],
        json!([format!("{bb_repo}@{}", bb.digest), format!("localhost/extra/name@{}", bb.digest)])
    );
    assert_eq!(bbj["Created"], 1_704_067_200);
    assert_eq!(bbj["CreatedAt"], "2024-01-01T00:00:00Z");
    assert_eq!(bbj["Size"], bb_size);
    assert_eq!(bbj["Containers"], 0);
    assert_eq!(bbj["Labels"], Value::Null);
    assert_eq!(list[0]["Labels"], json!({"org.rpod.test": "derived", "tier": "web"}));
    let keys: Vec<&str> = bbj.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "Id",
            "ParentId",
            "RepoTags",
            "RepoDigests",
            "Size",
            "SharedSize",
            "VirtualSize",
            "Labels",
            "Containers",
            "Names",
            "Digest",
            "History",
            "Created",
            "CreatedAt"
        ]
    );
    assert_eq!(env.ok(&["images", "--filter", "dangling=true", "--format", "json"]), "[]\n");
}

#[test]
fn images_filters() {
    let env = Env::root("filters");
    let bb = fixture("busybox", "latest");
    let ml = fixture("multilayer", "latest");
    let d = derived();
    env.pull(&bb.reference);
    env.pull(&ml.reference);
    env.pull(&d.reference);
    let ids = |filters: &[&str]| {
        let mut args = vec!["images", "-q", "--no-trunc"];
        for f in filters {
            args.extend(["--filter", f]);
        }
        let mut v: Vec<String> = env.ok(&args).lines().map(|l| l.trim_start_matches("sha256:").to_string()).collect();
        v.sort();
        v
    };
    let sorted = |mut v: Vec<&str>| {
        v.sort();
        v.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    assert_eq!(ids(&[]), sorted(vec![&bb.id, &ml.id, &d.id]));
    assert_eq!(ids(&["reference=*busy*"]), sorted(vec![&bb.id]));
    assert_eq!(ids(&["reference=library/*"]), sorted(vec![&bb.id, &ml.id]));
    assert_eq!(ids(&[&format!("reference={}", bb.reference)]), sorted(vec![&bb.id]));
    assert_eq!(ids(&["label=tier"]), sorted(vec![&d.id]));
    assert_eq!(ids(&["label=tier=web"]), sorted(vec![&d.id]));
    assert_eq!(ids(&["label=tier=db"]), Vec::<String>::new());
    assert_eq!(ids(&["label!=tier"]), sorted(vec![&bb.id, &ml.id]));
    assert_eq!(ids(&[&format!("before={}", d.reference)]), sorted(vec![&bb.id, &ml.id]));
    assert_eq!(ids(&["since=busybox"]), sorted(vec![&d.id]));
    assert_eq!(ids(&["since=busybox", "label=tier=db"]), Vec::<String>::new());
    assert_eq!(ids(&["dangling=false", "reference=multilayer"]), sorted(vec![&ml.id]));
    assert_eq!(ids(&["dangling=true"]), Vec::<String>::new());
    assert_eq!(ids(&[&format!("id={}", &ml.id[..6])]), sorted(vec![&ml.id]));

    // Moving busybox's only name to derived leaves busybox dangling.
    env.ok(&["tag", &d.id, &bb.reference]);
    assert_eq!(ids(&["dangling=true"]), sorted(vec![&bb.id]));
    let out = env.ok(&["images", "--filter", "dangling=true"]);
    assert_eq!(lines(&out)[1].split_whitespace().take(3).collect::<Vec<_>>(), ["<none>", "<none>", &bb.id[..12]]);
    let j = env.json(&["images", "--filter", "dangling=true", "--format", "json"]);
    assert_eq!(j[0]["Dangling"], true);
    assert!(j[0].get("Names").is_none(), "{j}");

    for (bad, msg) in [
        ("nosuch=1", "unsupported image filter \"nosuch\""),
        ("dangling=maybe", "non-boolean value \"maybe\" for dangling filter"),
        ("before=nosuch", "nosuch: image not known"),
    ] {
        let out = env.rpod(&["images", "--filter", bad]).assert_code(125);
        assert!(out.stderr_str().contains(msg), "{bad}: {}", out.stderr_str());
    }
}

// ---------------------------------------------------------------------------
// inspect

#[test]
fn inspect_prints_docker_image_inspect_json() {
    let env = Env::rootless("inspect");
    let bb = fixture("busybox", "latest");
    let ml = fixture("multilayer", "latest");
    let d = derived();
    env.pull(&bb.reference);
    env.pull(&ml.reference);
    env.pull(&d.reference);

    let doc = env.json(&["image", "inspect", "busybox"]);
    let img = &doc[0];
    assert_eq!(doc.as_array().unwrap().len(), 1);
    assert_eq!(img["Id"], bb.id);
    assert_eq!(img["Digest"], bb.digest);
    assert_eq!(img["RepoTags"], json!([bb.reference]));
    let bb_repo = bb.reference.rsplit_once(':').unwrap().0;
    assert_eq!(img["RepoDigests"], json!([format!("{bb_repo}@{}", bb.digest)]));
    assert_eq!(img["Parent"], "");
    assert_eq!(img["Comment"], "rpod-fixtures");
    assert_eq!(img["Created"], "2024-01-01T00:00:00Z");
    assert_eq!(img["Config"]["Cmd"], json!(["sh"]));
    assert_eq!(img["Config"]["Env"], json!(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]));
    assert_eq!(img["Architecture"], "amd64");
    assert_eq!(img["Os"], "linux");
    assert_eq!(img["RootFS"], json!({"Type": "layers", "Layers": bb.diff_ids}));
    assert_eq!(img["Labels"], Value::Null);
    assert_eq!(img["Annotations"], json!({}));
    assert_eq!(img["ManifestType"], "application/vnd.oci.image.manifest.v1+json");
    assert_eq!(img["User"], "");
    assert_eq!(img["History"], json!(bb.history));
    assert_eq!(img["NamesHistory"], json!([bb.reference]));
    assert!(img["Size"].as_u64().unwrap() > 1_000_000, "{img}");
    assert_eq!(img["Size"], img["VirtualSize"]);
    let driver = img["GraphDriver"]["Name"].as_str().unwrap();
    assert!(["overlay", "vfs"].contains(&driver), "{driver}");
    let info_driver = env.ok(&["info", "--format", "{{.Store.GraphDriverName}}"]);
    assert_eq!(info_driver.trim(), driver);
    let keys: Vec<&str> = img.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "Id",
            "Digest",
            "RepoTags",
            "RepoDigests",
            "Parent",
            "Comment",
            "Created",
            "Config",
            "Version",
            "Author",
            "Architecture",
            "Os",
            "Size",
            "VirtualSize",
            "GraphDriver",
            "RootFS",
            "Labels",
            "Annotations",
            "ManifestType",
            "User",
            "History",
            "NamesHistory"
        ]
    );

    // The layer directories, top first, are the store's.
    let ml_doc = env.json(&["image", "inspect", &ml.id[..12]]);
    let lower: Vec<PathBuf> =
        ml_doc[0]["GraphDriver"]["Data"]["LowerDir"].as_str().unwrap().split(':').map(PathBuf::from).collect();
    let mut want: Vec<PathBuf> = chain_ids(&ml.diff_ids).iter().map(|c| env.layer_dir(c)).collect();
    want.reverse();
    assert_eq!(lower, want);
    assert!(lower.iter().all(|p| p.is_dir()), "{lower:?}");
    assert_eq!(ml_doc[0]["RootFS"]["Layers"], json!(ml.diff_ids));

    // What an image built by a Dockerfile-like tool carries.
    let doc = env.json(&["image", "inspect", &d.reference]);
    let img = &doc[0];
    assert_eq!(img["Created"], DERIVED_CREATED);
    assert_eq!(img["Digest"], d.digest);
    assert_eq!(img["Author"], "rpod tests");
    assert_eq!(
        img["Config"],
        json!({
            "User": "nobody",
            "ExposedPorts": {"8080/tcp": {}},
            "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "MODE=test"],
            "Entrypoint": ["/bin/sh", "-c"],
            "Cmd": ["echo hi"],
            "Volumes": {"/data": {}},
            "WorkingDir": "/tmp",
            "Labels": {"org.rpod.test": "derived", "tier": "web"},
            "StopSignal": "SIGTERM"
        })
    );
    assert_eq!(img["Labels"], json!({"org.rpod.test": "derived", "tier": "web"}));
    assert_eq!(img["Annotations"], json!({"org.rpod.test.annotation": "yes"}));
    assert_eq!(img["User"], "nobody");
    assert_eq!(img["RootFS"]["Layers"], json!(d.diff_ids));
    assert_eq!(img["History"][1]["empty_layer"], true);
    assert_eq!(img["History"].as_array().unwrap().len(), 4);

    // Several images, in the order given; the top-level inspect agrees.
    let both = env.json(&["image", "inspect", &bb.id, &d.id]);
    assert_eq!(both[0]["Id"], bb.id);
    assert_eq!(both[1]["Id"], d.id);
    assert_eq!(env.ok(&["inspect", &bb.id, &d.id]), env.ok(&["image", "inspect", &bb.id, &d.id]));
    assert_eq!(env.ok(&["inspect", "--type", "image", &bb.id]), env.ok(&["image", "inspect", &bb.id]));

    // Templates.
    assert_eq!(env.ok(&["image", "inspect", "--format", "{{.Id}}", "busybox"]), format!("{}\n", bb.id));
    assert_eq!(
        env.ok(&["inspect", "-f", "{{.ID}} {{.Config.Cmd}} {{.Architecture}}", "busybox"]),
        format!("{} [sh] amd64\n", bb.id)
    );
    assert_eq!(
        env.ok(&["inspect", "--format", "{{.Id}} {{.Os}} {{.Config.WorkingDir}}", &bb.id, &d.id]),
        format!("{} linux \n{} linux /tmp\n", bb.id, d.id)
    );
    assert_eq!(env.ok(&["image", "inspect", "--format", "json", &bb.id]), env.ok(&["image", "inspect", &bb.id]));

    // Errors: Podman's messages and exit codes; what was found is printed.
    let out = env.rpod(&["inspect", "nosuch"]).assert_code(125);
    assert_eq!(out.stderr_str(), "Error: no such object: \"nosuch\"\n");
    assert_eq!(out.stdout_str(), "[]\n");
    let out = env.rpod(&["image", "inspect", "nosuch"]).assert_code(125);
    assert_eq!(out.stderr_str(), "Error: nosuch: image not known\n");
    let out = env.rpod(&["image", "inspect", &bb.id, "nosuch"]).assert_code(125);
    let printed: Value = serde_json::from_str(&out.stdout_str()).unwrap();
    assert_eq!(printed[0]["Id"], bb.id);
    let out = env.rpod(&["inspect", "--type", "container", "x"]).assert_code(125);
    assert!(out.stderr_str().contains("container"), "{}", out.stderr_str());
    let out = env.rpod(&["inspect", "--format", "{{.Nope", &bb.id]).assert_code(125);
    assert!(out.stderr_str().starts_with("Error: template"), "{}", out.stderr_str());
}

// ---------------------------------------------------------------------------
// history

/// Sizes as Podman computes them (and so as users compare them): a layer is
/// its uncompressed tar (`history`), an image its layers plus its config and
/// manifest twice, as containers/storage counts its data items (`images`,
/// `image inspect`); root and rootless alike. Podman 4.3.1 shows the
/// busybox fixture as 2132692 bytes (`2.13 MB`), its layer as 2131456.
#[test]
fn sizes_are_podmans() {
    let bb = fixture("busybox", "latest");
    let ml = fixture("multilayer", "latest");
    let d = derived();
    for env in [Env::rootless("sizes"), Env::root("sizes")] {
        env.pull(&bb.reference);
        env.pull(&ml.reference);
        env.pull(&d.reference);
        for (id, size, layers) in [
            (&bb.id, bb.image_size, bb.layer_sizes.clone()),
            (&ml.id, ml.image_size, ml.layer_sizes.clone()),
            (&d.id, d.image_size, vec![bb.layer_sizes[0], d.top_size]),
        ] {
            assert_eq!(env.json(&["image", "inspect", id])[0]["Size"], size, "{id}");
            assert_eq!(
                env.ok(&["images", "--filter", &format!("id={id}"), "--format", "{{.Size}}"]),
                format!("{}\n", human::size(size))
            );
            let hist = env.json(&["history", "--format", "json", id]);
            let mut got: Vec<u64> =
                hist.as_array().unwrap().iter().map(|h| h["size"].as_u64().unwrap()).filter(|s| *s > 0).collect();
            got.reverse();
            assert_eq!(got, layers, "{id}: {hist}");
        }
    }
}

#[test]
fn history_shows_the_build_steps() {
    let env = Env::rootless("history");
    let bb = fixture("busybox", "latest");
    let d = derived();
    env.pull(&bb.reference);
    env.pull(&d.reference);
    // Podman's sizes: each layer's uncompressed tar.
    let (base_size, top_size) = (bb.layer_sizes[0], d.top_size);
    let ago = |secs: i64| human::ago(secs, now());

    let bb_by = bb.history[0]["created_by"].as_str().unwrap();
    assert!(bb_by.len() > 45);
    // Podman shortens CREATED BY to 45 characters.
    let trunc = |s: &str| if s.len() > 45 { format!("{}...", &s[..42]) } else { s.to_string() };
    assert_eq!(
        env.ok(&["history", "busybox"]),
        table(&[
            row(&["ID", "CREATED", "CREATED BY", "SIZE", "COMMENT"]),
            row(&[&bb.id[..12], &ago(1_704_067_200), &trunc(bb_by), &human::size(base_size), "rpod-fixtures"]),
        ])
    );
    // Newest first; the top row shows the image, the newest row on
    // busybox's layer (here the LABEL step) shows busybox, like Podman.
    let expected = table(&[
        row(&["ID", "CREATED", "CREATED BY", "SIZE", "COMMENT"]),
        row(&[&d.id[..12], &ago(1_748_779_200), "/bin/sh -c #(nop)  CMD [\"echo hi\"]", "0 B", ""]),
        row(&[
            "<missing>",
            &ago(1_748_779_200),
            "/bin/sh -c echo derived > /etc/derived",
            &human::size(top_size),
            "added",
        ]),
        row(&[
            &bb.id[..12],
            &ago(1_748_779_200),
            &trunc("/bin/sh -c #(nop)  LABEL tier=web org.rpod.test=derived"),
            "0 B",
            "",
        ]),
        row(&["<missing>", &ago(1_704_067_200), &trunc(bb_by), &human::size(base_size), "rpod-fixtures"]),
    ]);
    assert_eq!(env.ok(&["history", &d.reference]), expected);
    assert_eq!(env.ok(&["image", "history", &d.id[..12]]), expected);
    assert_eq!(env.ok(&["history", "-q", &d.id]), format!("{}\n<missing>\n{}\n<missing>\n", &d.id[..12], &bb.id[..12]));
    let out = env.ok(&["history", "--no-trunc", "--format", "{{.ID}}|{{.CreatedBy}}", &d.id]);
    assert_eq!(lines(&out)[0], format!("{}|/bin/sh -c #(nop)  CMD [\"echo hi\"]", d.id));
    assert_eq!(lines(&out)[2], format!("{}|/bin/sh -c #(nop)  LABEL tier=web org.rpod.test=derived", bb.id));
    assert_eq!(lines(&out)[3], format!("<missing>|{bb_by}"));
    let out = env.ok(&["history", "--human=false", "--format", "{{.Created}} {{.Size}}", &d.id]);
    assert_eq!(
        out,
        format!("2025-06-01T12:00:00Z 0\n2025-06-01T12:00:00Z {top_size}\n2025-06-01T12:00:00Z 0\n2024-01-01T00:00:00Z {base_size}\n")
    );
    let j = env.json(&["history", "--format", "json", &d.id]);
    assert_eq!(j[0]["id"], d.id);
    assert_eq!(j[0]["size"], 0);
    assert_eq!(j[1]["id"], "<missing>");
    assert_eq!(j[1]["CreatedBy"], "/bin/sh -c echo derived > /etc/derived");
    assert_eq!(j[1]["comment"], "added");
    assert_eq!(j[2]["id"], bb.id);
    assert_eq!(j[2]["tags"], json!([bb.reference]));
    assert_eq!(j[3]["tags"], json!([bb.reference]));
    assert_eq!(j[3]["created"], "2024-01-01T00:00:00Z");

    let out = env.rpod(&["history", "nosuch"]).assert_code(125);
    assert_eq!(out.stderr_str(), "Error: nosuch: image not known\n");
}

// ---------------------------------------------------------------------------
// tag, untag, rmi, image prune

/// Names, untagging, deletion by name and ID, errors, pruning.
fn names_and_removal(env: &Env) {
    let bb = fixture("busybox", "latest");
    let zstd = fixture("busybox", "zstd");
    env.pull(&bb.reference);
    let names = |id: &str| env.json(&["image", "inspect", id])[0]["RepoTags"].clone();

    // tag: Podman's normalization; names move from other images.
    env.ok(&["tag", "busybox", "foo", "quay.io/x/y:v2", "docker.io/bar"]);
    env.ok(&["image", "tag", &bb.id[..8], "localhost/baz:1"]);
    assert_eq!(
        names(&bb.id),
        json!([
            bb.reference,
            "localhost/foo:latest",
            "quay.io/x/y:v2",
            "docker.io/library/bar:latest",
            "localhost/baz:1"
        ])
    );
    let out = env.rpod(&["tag", "busybox", "Bad:Name"]).assert_code(125);
    assert!(out.stderr_str().starts_with("Error: normalizing name \"Bad:Name\""), "{}", out.stderr_str());
    let out = env.rpod(&["tag", "nosuch", "x"]).assert_code(125);
    assert_eq!(out.stderr_str(), "Error: nosuch: image not known\n");
    let out = env.rpod(&["tag", "busybox", &format!("x@{}", bb.digest)]).assert_code(125);
    assert!(out.stderr_str().contains("tag by digest not supported"), "{}", out.stderr_str());

    // untag: given names (as stored or as `tag` would write them); all when none.
    env.ok(&["untag", &bb.id, "foo", "quay.io/x/y:v2"]);
    env.ok(&["image", "untag", &bb.id, "docker.io/library/bar:latest"]);
    assert_eq!(names(&bb.id), json!([bb.reference, "localhost/baz:1"]));
    let out = env.rpod(&["untag", &bb.id, "foo"]).assert_code(125);
    assert_eq!(out.stderr_str(), "Error: localhost/foo:latest: tag not known\n");

    // rmi by name of an image with other names: only the name goes.
    assert_eq!(env.ok(&["rmi", "baz:1"]), "Untagged: localhost/baz:1\n");
    // --no-prune (Podman's: keep dangling parents; rpod's images have
    // none): the same removal.
    env.ok(&["tag", &bb.id, "np:1"]);
    assert_eq!(env.ok(&["rmi", "--no-prune", "np:1"]), "Untagged: localhost/np:1\n");
    assert_eq!(names(&bb.id), json!([bb.reference]));
    // The same image under a second manifest (zstd): one image, two names, two digests.
    assert_eq!(env.pull(&zstd.reference), bb.id);
    let doc = env.json(&["image", "inspect", &bb.id]);
    assert_eq!(doc[0]["RepoTags"], json!([bb.reference, zstd.reference]));
    assert_eq!(doc[0]["RepoDigests"].as_array().unwrap().len(), 2, "{doc}");
    // ... by ID: refused unless forced, like Docker.
    let out = env.rpod(&["rmi", &bb.id[..12]]).assert_code(125);
    assert_eq!(
        out.stderr_str(),
        format!(
            "Error: unable to delete {} (must be forced) - image is referenced in multiple repositories\n",
            &bb.id[..12]
        )
    );
    assert_eq!(
        env.ok(&["image", "rm", "-f", &bb.id[..12]]),
        format!("Untagged: {}\nUntagged: {}\nDeleted: {}\n", bb.reference, zstd.reference, bb.id)
    );
    assert_eq!(env.layer_dirs(), Vec::<String>::new());
    assert_eq!(env.ok(&["images", "-q"]), "");

    // Not found: exit 1 (Podman), -i ignores it; what exists is still removed.
    let out = env.rpod(&["rmi", "nosuch"]).assert_code(1);
    assert_eq!(out.stderr_str(), "Error: nosuch: image not known\n");
    env.ok(&["rmi", "-i", "nosuch"]);
    env.pull(&bb.reference);
    let out = env.rpod(&["rmi", "nosuch", "busybox"]).assert_code(1);
    assert_eq!(out.stdout_str(), format!("Untagged: {}\nDeleted: {}\n", bb.reference, bb.id));
    let out = env.rpod(&["rmi", "a1", "b2"]).assert_code(1);
    assert_eq!(out.stderr_str(), "Error: 2 errors occurred:\n\t* a1: image not known\n\t* b2: image not known\n");
    assert_eq!(env.rpod(&["rmi"]).assert_code(125).stderr_str(), "Error: image name or ID must be specified\n");
    env.rpod(&["rmi", "-a", "busybox"]).assert_code(125);

    // Dangling images: untag leaves one, prune removes it.
    env.pull(&bb.reference);
    env.ok(&["untag", "busybox"]);
    assert_eq!(
        env.ok(&["images", "--format", "{{.Repository}} {{.Tag}} {{.ID}}"]),
        format!("<none> <none> {}\n", &bb.id[..12])
    );
    let out = env.rpod(&["image", "prune"]).assert_code(125);
    assert!(out.stderr_str().contains("--force"), "{}", out.stderr_str());
    assert_eq!(env.ok(&["images", "-q"]), format!("{}\n", &bb.id[..12]));
    assert_eq!(env.ok(&["image", "prune", "-f"]), format!("{}\n", bb.id));
    assert_eq!(env.ok(&["images", "-q"]), "");
    assert_eq!(env.ok(&["image", "prune", "-f"]), "");
}

#[test]
fn tag_untag_rmi_rootless() {
    names_and_removal(&Env::rootless("rmi"));
}

#[test]
fn tag_untag_rmi_as_root() {
    names_and_removal(&Env::root("rmi"));
}

/// Removing an image keeps the layers another image still uses.
fn shared_layers(env: &Env) {
    let bb = fixture("busybox", "latest");
    let d = derived();
    env.pull(&bb.reference);
    env.pull(&d.reference);
    let chains = chain_ids(&d.diff_ids);
    assert_eq!(chains[0], bb.diff_ids[0]);
    let hex = |c: &String| c.trim_start_matches("sha256:").to_string();
    let mut all: Vec<String> = chains.iter().map(hex).collect();
    all.sort();
    assert_eq!(env.layer_dirs(), all);

    assert_eq!(env.ok(&["rmi", "busybox"]), format!("Untagged: {}\nDeleted: {}\n", bb.reference, bb.id));
    assert!(env.layer_dir(&chains[0]).join("bin").is_dir(), "the shared base layer went with busybox");
    assert_eq!(env.layer_dirs(), all);
    let lower = env.ok(&["image", "inspect", "--format", "{{.GraphDriver.Data.LowerDir}}", &d.id]);
    assert_eq!(
        lower.trim(),
        format!("{}:{}", env.layer_dir(&chains[1]).display(), env.layer_dir(&chains[0]).display())
    );

    // prune -a: every image (no container uses any).
    env.pull(&bb.reference);
    let mut pruned: Vec<String> = env.ok(&["image", "prune", "-a", "-f"]).lines().map(str::to_string).collect();
    pruned.sort();
    let mut want = vec![bb.id.clone(), d.id.clone()];
    want.sort();
    assert_eq!(pruned, want);
    assert_eq!(env.layer_dirs(), Vec::<String>::new());
    assert_eq!(env.ok(&["images"]), table(&[row(&["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"])]));
}

/// `image prune` never removes an image a container uses (`-a` did, and
/// the image's layers then stayed for good once the container went); a
/// layer goes with its last reference, image or container; and `prune`
/// collects the layers stores of older versions leaked.
fn prune_and_the_last_reference(env: &Env) {
    let bb = fixture("busybox", "latest");
    let d = derived();
    env.pull(&bb.reference);
    env.pull(&d.reference);
    let mut all: Vec<String> = chain_ids(&d.diff_ids).iter().map(|c| c.trim_start_matches("sha256:").into()).collect();
    all.sort();
    let none = Vec::<String>::new();
    env.ok(&["create", "--name", "user", &d.reference]);
    assert_eq!(env.ok(&["image", "prune", "-a", "-f"]), format!("{}\n", bb.id), "only the image no container uses");
    assert_eq!(env.ok(&["images", "-q"]), format!("{}\n", &d.id[..12]));
    env.ok(&["untag", &d.id]);
    assert_eq!(env.ok(&["image", "prune", "-f"]), "", "dangling, but in use");
    assert_eq!(env.layer_dirs(), all);
    env.ok(&["rm", "user"]);
    assert_eq!(env.ok(&["image", "prune", "-f"]), format!("{}\n", d.id));
    assert_eq!(env.layer_dirs(), none);

    // An image removed before its last container (as `prune -a` did): the
    // container's removal takes the layers.
    env.pull(&d.reference);
    env.ok(&["create", "--name", "last", &d.reference]);
    env.sql(&format!("PRAGMA foreign_keys = ON; DELETE FROM images WHERE id = '{}'", d.id));
    assert_eq!(env.ok(&["images", "-q"]), "");
    assert_eq!(env.layer_dirs(), all, "held by the container");
    env.ok(&["rm", "last"]);
    assert_eq!(env.layer_dirs(), none);

    // Layers such a store leaked long ago (no image, no holder): prune
    // collects them; a young one may belong to a pull in progress.
    env.pull(&d.reference);
    env.sql(&format!("PRAGMA foreign_keys = ON; DELETE FROM images WHERE id = '{}'", d.id));
    assert_eq!(env.ok(&["image", "prune", "-f"]), "");
    assert_eq!(env.layer_dirs(), all, "too young to be collected");
    env.sql("UPDATE layers SET created = 0");
    assert_eq!(env.ok(&["image", "prune", "-f"]), "");
    assert_eq!(env.layer_dirs(), none);
}

#[test]
fn prune_and_the_last_reference_rootless() {
    prune_and_the_last_reference(&Env::rootless("prune"));
}

#[test]
fn prune_and_the_last_reference_as_root() {
    prune_and_the_last_reference(&Env::root("prune"));
}

#[test]
fn shared_layers_rootless() {
    shared_layers(&Env::rootless("shared"));
}

#[test]
fn shared_layers_as_root() {
    shared_layers(&Env::root("shared"));
}
