//! The offline test bed as the integration tests see it.
//!
//! `tests/run.sh` installs the packages, creates the unprivileged test user, builds the
//! fixture images, starts two local registries, pushes the fixtures and exports the
//! `RPOD_TEST_*` variables read here (see [`Bed::get`]). Integration tests then use
//! [`Bed`] to find the registries and fixtures and to run binaries as root or as the
//! unprivileged test user.
//!
//! Environment contract (all set by `tests/run.sh`):
//!
//! | variable | meaning |
//! | --- | --- |
//! | `RPOD_TEST_REGISTRY` | `127.0.0.1:PORT` of a plain-HTTP registry without auth |
//! | `RPOD_TEST_REGISTRY_TLS` | `127.0.0.1:PORT` of an HTTPS registry with htpasswd auth |
//! | `RPOD_TEST_REGISTRY_CA` | PEM file of the CA that signed the TLS registry's certificate |
//! | `RPOD_TEST_REGISTRY_CERT_DIR` | directory holding only `ca.crt` (a `certs.d`-style dir) |
//! | `RPOD_TEST_REGISTRY_USER`, `RPOD_TEST_REGISTRY_PASSWORD` | credentials of the TLS registry |
//! | `RPOD_TEST_FIXTURES` | fixtures dir: `fixtures.json`, `oci/<name>/`, `expected/` |
//! | `RPOD_TEST_USER` | name of the unprivileged test user (has subuid/subgid ranges) |
//! | `RPOD_TEST_HOME` | its HOME |
//! | `RPOD_TEST_RUNTIME_DIR` | its XDG_RUNTIME_DIR (0700, owned by it) |
//! | `RPOD_TEST_NOIDS_USER`, `RPOD_TEST_NOIDS_HOME`, `RPOD_TEST_NOIDS_RUNTIME_DIR` | a second unprivileged user with no subordinate ranges, its HOME and XDG_RUNTIME_DIR (see [`Bed::noids_user`]) |
//! | `RPOD_TEST_BIN_DIR` | a 0755 directory where binaries under test are copied |
//! | `RPOD_TEST_ROOT_HOME` | optional: HOME for commands run as root (default `/var/tmp/rpod-testbed/root-home`) |
//!
//! Pushed to `RPOD_TEST_REGISTRY`: `library/<name>:<tag>` for every entry of
//! `fixtures.json` (byte-identical, same digest) and `library/busybox:v2s2` (busybox:latest
//! converted to a Docker schema2 manifest). Pushed to `RPOD_TEST_REGISTRY_TLS`:
//! `library/busybox:latest`.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde::Deserialize;
use sha2::{Digest, Sha256};

/// The message every test that needs the bed panics with when it is missing.
pub const NEED_BED: &str = "integration tests need the test bed: run tests/run.sh (see README)";

/// PATH given to commands started through the bed.
pub const TEST_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Default time limit for [`Bed::run_root`] / [`Bed::run_rootless`]
/// (override with `RPOD_TEST_TIMEOUT` in seconds).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);

/// Everything the test bed provides.
#[derive(Debug, Clone)]
pub struct Bed {
    /// `127.0.0.1:PORT` of the plain-HTTP, no-auth registry.
    pub registry: String,
    /// `127.0.0.1:PORT` of the HTTPS registry with htpasswd auth.
    pub registry_tls: String,
    /// The CA certificate (PEM) of the TLS registry.
    pub ca: PathBuf,
    /// A directory holding only `ca.crt` (for `--cert-dir`).
    pub cert_dir: PathBuf,
    /// User name for the TLS registry.
    pub user: String,
    /// Password for the TLS registry.
    pub password: String,
    /// The fixtures directory (`fixtures.json`, `oci/`, `expected/`).
    pub fixtures: PathBuf,
    /// Name of the unprivileged test user.
    pub test_user: String,
    /// Its uid.
    pub test_uid: u32,
    /// Its primary gid.
    pub test_gid: u32,
    /// Its HOME.
    pub test_home: PathBuf,
    /// Its XDG_RUNTIME_DIR.
    pub test_runtime_dir: PathBuf,
    /// Where binaries under test are copied so the test user can run them.
    pub bin_dir: PathBuf,
    /// HOME for commands run as root.
    pub root_home: PathBuf,
}

/// An unprivileged user of the bed (see [`Bed::main_user`], [`Bed::noids_user`]).
#[derive(Debug, Clone)]
pub struct TestUser {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub home: PathBuf,
    /// Its XDG_RUNTIME_DIR (0700, owned by it).
    pub runtime_dir: PathBuf,
}

/// One entry of `fixtures.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct FixtureEntry {
    pub name: String,
    pub tag: String,
    /// Relative to the fixtures dir, e.g. `oci/busybox`.
    pub layout: String,
    /// `sha256:...` of the top manifest (or index).
    pub digest: String,
    /// `manifest` or `index`.
    pub kind: String,
    /// `gzip`, `zstd` or `none`.
    pub compression: String,
    #[serde(default)]
    pub platforms: serde_json::Value,
}

fn env_var(name: &str) -> Result<String, String> {
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => Ok(v),
        _ => Err(format!("{NEED_BED} ({name} is not set)")),
    }
}

/// uid and gid of `user` from /etc/passwd.
fn lookup_user(user: &str) -> Result<(u32, u32), String> {
    let passwd = fs::read_to_string("/etc/passwd").map_err(|e| format!("/etc/passwd: {e}"))?;
    for line in passwd.lines() {
        let f: Vec<&str> = line.split(':').collect();
        if f.len() >= 4 && f[0] == user {
            let uid = f[2].parse().map_err(|_| format!("bad uid for {user}"))?;
            let gid = f[3].parse().map_err(|_| format!("bad gid for {user}"))?;
            return Ok((uid, gid));
        }
    }
    Err(format!("{NEED_BED} (user {user} does not exist)"))
}

impl Bed {
    /// The bed described by the `RPOD_TEST_*` variables; panics with [`NEED_BED`] when
    /// they are absent.
    pub fn get() -> &'static Bed {
        match Self::try_get() {
            Ok(bed) => bed,
            Err(e) => panic!("{e}"),
        }
    }

    /// Like [`Bed::get`] but returns the reason instead of panicking.
    pub fn try_get() -> Result<&'static Bed, String> {
        static BED: OnceLock<Result<Bed, String>> = OnceLock::new();
        BED.get_or_init(Self::from_env).as_ref().map_err(Clone::clone)
    }

    fn from_env() -> Result<Bed, String> {
        let test_user = env_var("RPOD_TEST_USER")?;
        let (test_uid, test_gid) = lookup_user(&test_user)?;
        let bed = Bed {
            registry: env_var("RPOD_TEST_REGISTRY")?,
            registry_tls: env_var("RPOD_TEST_REGISTRY_TLS")?,
            ca: env_var("RPOD_TEST_REGISTRY_CA")?.into(),
            cert_dir: match std::env::var("RPOD_TEST_REGISTRY_CERT_DIR") {
                Ok(v) if !v.is_empty() => v.into(),
                _ => Path::new(&env_var("RPOD_TEST_REGISTRY_CA")?).parent().map(Path::to_path_buf).unwrap_or_default(),
            },
            user: env_var("RPOD_TEST_REGISTRY_USER")?,
            password: env_var("RPOD_TEST_REGISTRY_PASSWORD")?,
            fixtures: env_var("RPOD_TEST_FIXTURES")?.into(),
            test_user,
            test_uid,
            test_gid,
            test_home: env_var("RPOD_TEST_HOME")?.into(),
            test_runtime_dir: env_var("RPOD_TEST_RUNTIME_DIR")?.into(),
            bin_dir: env_var("RPOD_TEST_BIN_DIR")?.into(),
            root_home: std::env::var("RPOD_TEST_ROOT_HOME")
                .ok()
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "/var/tmp/rpod-testbed/root-home".into())
                .into(),
        };
        if !bed.fixtures.join("fixtures.json").is_file() {
            return Err(format!("{NEED_BED} ({} has no fixtures.json)", bed.fixtures.display()));
        }
        Ok(bed)
    }

    /// The test user (with subordinate ranges) as a [`TestUser`].
    pub fn main_user(&self) -> TestUser {
        TestUser {
            name: self.test_user.clone(),
            uid: self.test_uid,
            gid: self.test_gid,
            home: self.test_home.clone(),
            runtime_dir: self.test_runtime_dir.clone(),
        }
    }

    /// The first ID of the test user's subordinate range in `file`
    /// (`/etc/subuid` or `/etc/subgid`).
    pub fn sub_start(&self, file: &str) -> u32 {
        std::fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{}:", self.test_user)))
            .and_then(|r| r.split(':').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{file}: no range of {}", self.test_user))
    }

    /// The second test user, who has no lines in `/etc/subuid` and `/etc/subgid` (the
    /// bed removes any at set-up). Tests that give it a range for a while must restore
    /// the files and must not run in parallel with each other.
    pub fn noids_user(&self) -> TestUser {
        let get = |name: &str| env_var(name).unwrap_or_else(|e| panic!("{e}"));
        let name = get("RPOD_TEST_NOIDS_USER");
        let (uid, gid) = lookup_user(&name).unwrap_or_else(|e| panic!("{e}"));
        TestUser {
            name,
            uid,
            gid,
            home: get("RPOD_TEST_NOIDS_HOME").into(),
            runtime_dir: get("RPOD_TEST_NOIDS_RUNTIME_DIR").into(),
        }
    }

    /// The entries of `fixtures.json`.
    pub fn fixture_entries(&self) -> Vec<FixtureEntry> {
        let path = self.fixtures.join("fixtures.json");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()))
    }

    /// The `fixtures.json` entry for `name:tag`.
    pub fn fixture(&self, name: &str, tag: &str) -> FixtureEntry {
        self.fixture_entries()
            .into_iter()
            .find(|f| f.name == name && f.tag == tag)
            .unwrap_or_else(|| panic!("fixtures.json has no {name}:{tag}"))
    }

    /// `REGISTRY/library/name:tag` in the plain registry.
    pub fn image(&self, name: &str, tag: &str) -> String {
        format!("{}/library/{name}:{tag}", self.registry)
    }

    /// `REGISTRY_TLS/library/name:tag` in the TLS registry.
    pub fn image_tls(&self, name: &str, tag: &str) -> String {
        format!("{}/library/{name}:{tag}", self.registry_tls)
    }

    /// Copies the binary under test (`env!("CARGO_BIN_EXE_rpod")`) where the test user can
    /// run it and returns the copy's path. See [`Bed::install_bin`].
    pub fn install_rpod(&self, src: &Path) -> PathBuf {
        self.install_bin(src)
    }

    /// Copies `src` to `BIN_DIR/<hash of src's directory>/<file name>` (0755 dirs, 0755
    /// file) atomically (temp file + rename), only when the content changed, and returns
    /// the copy's path. Binaries of the same build directory land in the same directory.
    pub fn install_bin(&self, src: &Path) -> PathBuf {
        install_bin_into(&self.bin_dir, src)
            .unwrap_or_else(|e| panic!("installing {} into {}: {e}", src.display(), self.bin_dir.display()))
    }

    /// A command that runs `program` as root with a clean environment: HOME = the root
    /// test home (created 0700), PATH = [`TEST_PATH`], USER/LOGNAME = root, plus
    /// RUST_BACKTRACE/RUST_LOG/RPOD_LOG when set. stdin is /dev/null.
    pub fn root_command(&self, program: impl AsRef<OsStr>) -> Command {
        if let Err(e) = fs::create_dir_all(&self.root_home) {
            panic!("creating {}: {e}", self.root_home.display());
        }
        let _ = fs::set_permissions(&self.root_home, fs::Permissions::from_mode(0o700));
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .env("HOME", &self.root_home)
            .env("PATH", TEST_PATH)
            .env("USER", "root")
            .env("LOGNAME", "root")
            .current_dir(&self.root_home)
            .stdin(Stdio::null());
        pass_debug_env(&mut cmd);
        cmd
    }

    /// A command that runs `program` as the unprivileged test user (via
    /// `setpriv --reuid --regid --init-groups`) with a clean environment: HOME,
    /// XDG_RUNTIME_DIR, XDG_CONFIG_HOME (`HOME/.config`), XDG_DATA_HOME
    /// (`HOME/.local/share`), PATH, USER, LOGNAME (+ RUST_BACKTRACE/RUST_LOG/RPOD_LOG
    /// when set). Its working directory is HOME; stdin is /dev/null. `program` must be
    /// reachable by that user (see [`Bed::install_rpod`]).
    pub fn rootless_command(&self, program: impl AsRef<OsStr>) -> Command {
        self.user_command(&self.main_user(), program)
    }

    /// Like [`Bed::rootless_command`] for any [`TestUser`].
    pub fn user_command(&self, user: &TestUser, program: impl AsRef<OsStr>) -> Command {
        let mut cmd = Command::new("/usr/bin/setpriv");
        cmd.arg("--reuid")
            .arg(user.uid.to_string())
            .arg("--regid")
            .arg(user.gid.to_string())
            .arg("--init-groups")
            .arg("--")
            .arg(program);
        cmd.env_clear()
            .env("HOME", &user.home)
            .env("XDG_RUNTIME_DIR", &user.runtime_dir)
            .env("XDG_CONFIG_HOME", user.home.join(".config"))
            .env("XDG_DATA_HOME", user.home.join(".local/share"))
            .env("PATH", TEST_PATH)
            .env("USER", &user.name)
            .env("LOGNAME", &user.name)
            .current_dir(&user.home)
            .stdin(Stdio::null());
        pass_debug_env(&mut cmd);
        cmd
    }

    /// Runs `program args` as root (see [`Bed::root_command`]) with `env` added; waits at
    /// most `RPOD_TEST_TIMEOUT` (default 300 s) and panics on timeout.
    pub fn run_root(&self, program: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = self.root_command(program);
        cmd.args(args).envs(env.iter().copied());
        output_with_timeout(&mut cmd, timeout())
    }

    /// Runs `program args` as the test user (see [`Bed::rootless_command`]) with `env`
    /// added; waits at most `RPOD_TEST_TIMEOUT` (default 300 s) and panics on timeout.
    pub fn run_rootless(&self, program: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = self.rootless_command(program);
        cmd.args(args).envs(env.iter().copied());
        output_with_timeout(&mut cmd, timeout())
    }

    /// A fresh directory owned by the test user (0700) below its HOME, removed (as root,
    /// errors ignored) when dropped. Use it for a rootless `--root`/`--runroot`.
    pub fn user_tempdir(&self, prefix: &str) -> UserTempDir {
        self.tempdir_of(&self.main_user(), prefix)
    }

    /// Like [`Bed::user_tempdir`] for any [`TestUser`].
    pub fn tempdir_of(&self, user: &TestUser, prefix: &str) -> UserTempDir {
        let parent = user.home.join("tmp");
        make_owned_dir(&parent, user.uid, user.gid, 0o700);
        let path = unique_dir(&parent, prefix);
        make_owned_dir(&path, user.uid, user.gid, 0o700);
        UserTempDir { path }
    }

    /// A fresh directory owned by root (0700) below the root test home, removed when
    /// dropped.
    pub fn root_tempdir(&self, prefix: &str) -> UserTempDir {
        let parent = self.root_home.join("tmp");
        make_owned_dir(&parent, 0, 0, 0o700);
        let path = unique_dir(&parent, prefix);
        make_owned_dir(&path, 0, 0, 0o700);
        UserTempDir { path }
    }
}

/// A directory removed (recursively, errors ignored) on drop.
#[derive(Debug)]
pub struct UserTempDir {
    path: PathBuf,
}

impl UserTempDir {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for UserTempDir {
    fn drop(&mut self) {
        if std::env::var_os("RPOD_TEST_KEEP").is_none() {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

fn unique_dir(parent: &Path, prefix: &str) -> PathBuf {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    parent.join(format!("{prefix}-{}-{n}-{nanos:08x}", std::process::id()))
}

fn make_owned_dir(path: &Path, uid: u32, gid: u32, mode: u32) {
    if let Err(e) = fs::create_dir_all(path) {
        panic!("creating {}: {e}", path.display());
    }
    if let Err(e) = std::os::unix::fs::chown(path, Some(uid), Some(gid)) {
        panic!("chown {}: {e}", path.display());
    }
    if let Err(e) = fs::set_permissions(path, fs::Permissions::from_mode(mode)) {
        panic!("chmod {}: {e}", path.display());
    }
}

fn pass_debug_env(cmd: &mut Command) {
    for key in ["RUST_BACKTRACE", "RUST_LOG", "RPOD_LOG"] {
        if let Some(v) = std::env::var_os(key) {
            cmd.env(key, v);
        }
    }
}

fn timeout() -> Duration {
    std::env::var("RPOD_TEST_TIMEOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_TIMEOUT)
}

fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut f = fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex(&h.finalize()))
}

/// `sha256:<hex>` of `bytes`.
pub fn sha256_digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex(&Sha256::digest(bytes)))
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn ensure_dir_0755(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755))
}

/// See [`Bed::install_bin`].
pub fn install_bin_into(bin_dir: &Path, src: &Path) -> std::io::Result<PathBuf> {
    // Per process, hash each source once per (len, mtime).
    type Key = (PathBuf, u64, Option<std::time::SystemTime>);
    static DONE: OnceLock<Mutex<HashMap<Key, PathBuf>>> = OnceLock::new();
    let src = fs::canonicalize(src)?;
    let meta = fs::metadata(&src)?;
    let key: Key = (src.clone(), meta.len(), meta.modified().ok());
    let done = DONE.get_or_init(Default::default);
    if let Some(p) = done.lock().unwrap().get(&key) {
        return Ok(p.clone());
    }

    let name = src.file_name().ok_or_else(|| std::io::Error::other("source has no file name"))?;
    let src_dir = src.parent().unwrap_or(Path::new("/"));
    let dir_key = hex(&Sha256::digest(src_dir.as_os_str().as_encoded_bytes()))[..12].to_string();
    ensure_dir_0755(bin_dir)?;
    let dir = bin_dir.join(dir_key);
    ensure_dir_0755(&dir)?;
    let dest = dir.join(name);
    let stamp = dir.join(format!(".{}.sha256", name.to_string_lossy()));

    let want = sha256_file(&src)?;
    let current = fs::read_to_string(&stamp).ok();
    let up_to_date = current.as_deref().map(str::trim) == Some(want.as_str())
        && fs::metadata(&dest).map(|m| m.len() == meta.len()).unwrap_or(false);
    if !up_to_date {
        let unique = format!(
            "{}.{}.{:?}",
            std::process::id(),
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0),
            std::thread::current().id()
        )
        .replace(|c: char| !c.is_ascii_alphanumeric() && c != '.', "");
        let tmp = dir.join(format!(".{}.tmp.{unique}", name.to_string_lossy()));
        fs::copy(&src, &tmp)?;
        fs::set_permissions(&tmp, fs::Permissions::from_mode(0o755))?;
        fs::rename(&tmp, &dest)?;
        let tmp_stamp = dir.join(format!(".stamp.tmp.{unique}"));
        fs::write(&tmp_stamp, format!("{want}\n"))?;
        fs::set_permissions(&tmp_stamp, fs::Permissions::from_mode(0o644))?;
        fs::rename(&tmp_stamp, &stamp)?;
    }
    done.lock().unwrap().insert(key, dest.clone());
    Ok(dest)
}

/// Runs `cmd` capturing stdout and stderr, killing its whole process group when it takes
/// longer than `limit` (then panics with what it printed so far).
pub fn output_with_timeout(cmd: &mut Command, limit: Duration) -> Output {
    let desc = format!("{cmd:?}");
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("spawning {desc}: {e}"));
    let pid = child.id();
    let collect = |r: Option<Box<dyn Read + Send>>| {
        let buf = Arc::new(Mutex::new(Vec::new()));
        let b2 = buf.clone();
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        if let Some(mut r) = r {
            std::thread::spawn(move || {
                let mut chunk = [0u8; 8192];
                loop {
                    match r.read(&mut chunk) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => b2.lock().unwrap().extend_from_slice(&chunk[..n]),
                    }
                }
                let _ = tx.send(());
            });
        } else {
            let _ = tx.send(());
        }
        (buf, rx)
    };
    let (out_buf, out_done) = collect(child.stdout.take().map(|r| Box::new(r) as _));
    let (err_buf, err_done) = collect(child.stderr.take().map(|r| Box::new(r) as _));

    let start = Instant::now();
    let status: ExitStatus = loop {
        match child.try_wait() {
            Ok(Some(st)) => break st,
            Ok(None) if start.elapsed() >= limit => {
                // Kill the whole process group (it was made a group leader above).
                let _ = Command::new("kill").args(["-KILL", "--", &format!("-{pid}")]).stderr(Stdio::null()).status();
                let _ = child.kill();
                let _ = child.wait();
                std::thread::sleep(Duration::from_millis(200));
                panic!(
                    "timed out after {limit:?}: {desc}\n--- stdout ---\n{}\n--- stderr ---\n{}",
                    String::from_utf8_lossy(&out_buf.lock().unwrap()),
                    String::from_utf8_lossy(&err_buf.lock().unwrap())
                );
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => panic!("waiting for {desc}: {e}"),
        }
    };
    // A daemon left behind may keep the pipes open: do not wait for EOF forever.
    let grace = Duration::from_secs(10);
    let _ = out_done.recv_timeout(grace);
    let _ = err_done.recv_timeout(grace);
    let stdout = out_buf.lock().unwrap().clone();
    let stderr = err_buf.lock().unwrap().clone();
    Output { status, stdout, stderr }
}

/// Runs `cmd` (via [`output_with_timeout`], default limit) and panics unless it succeeds,
/// printing the command, its status, stdout and stderr.
#[track_caller]
pub fn run_ok(cmd: &mut Command) -> Output {
    let desc = format!("{cmd:?}");
    let out = output_with_timeout(cmd, timeout());
    if !out.status.success() {
        panic!("command failed: {desc}\n{}", describe(&out));
    }
    out
}

/// Status, stdout and stderr of `out`, for failure messages.
pub fn describe(out: &Output) -> String {
    let status = match (out.status.code(), out.status.signal()) {
        (Some(c), _) => format!("exit code {c}"),
        (None, Some(s)) => format!("killed by signal {s}"),
        _ => format!("{:?}", out.status),
    };
    format!(
        "status: {status}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Assertions and accessors on [`Output`].
pub trait OutputExt: Sized {
    /// Panics (printing status, stdout, stderr) unless the command exited 0.
    #[track_caller]
    fn assert_success(self) -> Self;
    /// Panics (printing status, stdout, stderr) if the command exited 0.
    #[track_caller]
    fn assert_failure(self) -> Self;
    /// Panics unless the exit code is `code`.
    #[track_caller]
    fn assert_code(self, code: i32) -> Self;
    fn stdout_str(&self) -> String;
    fn stderr_str(&self) -> String;
}

impl OutputExt for Output {
    fn assert_success(self) -> Self {
        if !self.status.success() {
            panic!("expected success\n{}", describe(&self));
        }
        self
    }
    fn assert_failure(self) -> Self {
        if self.status.success() {
            panic!("expected failure\n{}", describe(&self));
        }
        self
    }
    fn assert_code(self, code: i32) -> Self {
        if self.status.code() != Some(code) {
            panic!("expected exit code {code}\n{}", describe(&self));
        }
        self
    }
    fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    fn stderr_str(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Lossy UTF-8 of a command's output.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Stdout of a command that must have exited 0.
#[track_caller]
pub fn ok(out: &Output) -> String {
    assert!(out.status.success(), "expected success\n{}", describe(out));
    text(&out.stdout)
}

/// Exit code 125 and a message containing every `needle`, no panic trace;
/// returns stderr.
#[track_caller]
pub fn fails_with(out: &Output, needles: &[&str]) -> String {
    assert_eq!(out.status.code(), Some(125), "expected exit code 125\n{}", describe(out));
    let err = text(&out.stderr);
    for n in needles {
        assert!(err.contains(n), "stderr lacks {n:?}\n{}", describe(out));
    }
    assert!(!err.contains("panicked"), "{}", describe(out));
    err
}

/// Lower-case hex SHA-256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}
