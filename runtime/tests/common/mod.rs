//! Test bed for the runtime's integration tests: a busybox root file system
//! built from Debian's busybox-static, containers run with pipes, and the
//! "rootless" mode (the test binary re-run as nobody under `unshare -U -r`).
#![allow(dead_code)]

use std::io::Read;
use std::os::fd::OwnedFd;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use rpod_runtime::oci_spec::runtime::Spec;
use rpod_runtime::{create, default_spec, wait, CreateOptions, RuntimeError, SpecOptions, Stdio};

pub const BUSYBOX: &str = "/bin/busybox";
pub const HOSTNAME: &str = "testhost";

const APPLETS: &[&str] = &[
    "sh", "echo", "cat", "ls", "ps", "id", "hostname", "mount", "sleep", "tty", "readlink", "stat", "test", "true",
    "false", "kill", "ip", "grep", "wc", "head", "touch", "env", "pwd", "mkdir", "tr", "cut", "sed", "uname", "printf",
];

/// Root of the initial user namespace, or root of a user namespace of its own?
pub fn rootless() -> bool {
    !rpod_runtime::in_initial_userns_as_root()
}

/// A throw-away root file system: busybox, its applets as symlinks,
/// /etc/passwd and /etc/group, a non-executable file.
pub fn rootfs() -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix("rpod-rt-rootfs-").tempdir().expect("tempdir");
    let r = dir.path();
    for d in ["bin", "etc", "proc", "dev", "sys", "tmp", "mnt", "root"] {
        std::fs::create_dir(r.join(d)).unwrap();
    }
    std::fs::set_permissions(r, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(r.join("tmp"), std::fs::Permissions::from_mode(0o1777)).unwrap();
    // Copied by `cp`, not by this process: a descriptor open for writing
    // here could be inherited by a container init another test thread is
    // cloning at that moment, and exec of the copy would fail with ETXTBSY.
    let st = Command::new("cp").arg(BUSYBOX).arg(r.join("bin/busybox")).status().expect("cp");
    assert!(st.success(), "copy busybox (Debian's busybox-static)");
    for a in APPLETS {
        std::os::unix::fs::symlink("busybox", r.join("bin").join(a)).unwrap();
    }
    std::fs::write(
        r.join("etc/passwd"),
        "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n",
    )
    .unwrap();
    std::fs::write(r.join("etc/group"), "root:x:0:\ntty:x:5:\nwheel:x:10:alice\naudio:x:29:alice\nalice:x:1000:\n")
        .unwrap();
    std::fs::write(r.join("bin/noexec"), "#!/bin/sh\necho should not run\n").unwrap();
    std::fs::set_permissions(r.join("bin/noexec"), std::fs::Permissions::from_mode(0o644)).unwrap();
    dir
}

/// The default options for a test container running `args`.
pub fn options(rootfs: &Path, args: &[&str]) -> SpecOptions {
    SpecOptions {
        rootfs: rootfs.to_path_buf(),
        args: args.iter().map(|s| s.to_string()).collect(),
        hostname: HOSTNAME.into(),
        rootless: rootless(),
        ..Default::default()
    }
}

pub fn spec(rootfs: &Path, args: &[&str]) -> Spec {
    default_spec(&options(rootfs, args))
}

#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn pipe() -> (OwnedFd, OwnedFd) {
    nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).expect("pipe")
}

pub fn devnull() -> OwnedFd {
    std::fs::File::open("/dev/null").unwrap().into()
}

/// Read both pipes to the end (stderr in a thread).
pub fn collect(stdout: OwnedFd, stderr: OwnedFd) -> (String, String) {
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::fs::File::from(stderr).read_to_string(&mut s);
        s
    });
    let mut out = String::new();
    let _ = std::fs::File::from(stdout).read_to_string(&mut out);
    (out, err.join().unwrap())
}

/// Run a container to its end, with its stdout and stderr captured.
pub fn run_with<'a>(spec: &'a Spec, tweak: impl FnOnce(&mut CreateOptions<'a>)) -> Result<Output, RuntimeError> {
    let (out_r, out_w) = pipe();
    let (err_r, err_w) = pipe();
    let mut opts = CreateOptions::new(spec);
    opts.stdio = Stdio::Fds { stdin: devnull(), stdout: out_w, stderr: err_w };
    tweak(&mut opts);
    let created = create(&opts);
    drop(opts);
    let created = created?;
    let (stdout, stderr) = collect(out_r, err_r);
    let code = wait(created.pid)?;
    Ok(Output { code, stdout, stderr })
}

pub fn run(spec: &Spec) -> Result<Output, RuntimeError> {
    run_with(spec, |_| {})
}

/// Run `sh -c script` in a default container; panics unless it exits 0.
pub fn sh(script: &str) -> String {
    let root = rootfs();
    let out = run(&spec(root.path(), &["sh", "-c", script])).expect("container runs");
    assert_eq!(out.code, 0, "script {script:?} failed: {out:?}");
    out.stdout
}

/// A copy of this test binary that nobody may execute (the work tree may
/// not be reachable for nobody), reused while the binary is unchanged.
fn helper_binary() -> &'static Path {
    static COPY: OnceLock<PathBuf> = OnceLock::new();
    COPY.get_or_init(|| {
        let exe = std::env::current_exe().unwrap();
        let meta = std::fs::metadata(&exe).unwrap();
        let mtime = meta.modified().unwrap().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        let dir = PathBuf::from("/tmp/rpod-runtime-test-bin");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let stem = exe.file_name().unwrap().to_string_lossy().into_owned();
        let name = format!("{stem}-{}-{mtime}", meta.len());
        let target = dir.join(&name);
        if !target.exists() {
            // Older copies of this binary go.
            for e in std::fs::read_dir(&dir).unwrap().flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if n.starts_with(&format!("{stem}-")) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
            let tmp = dir.join(format!(".{name}.{}", std::process::id()));
            std::fs::copy(&exe, &tmp).unwrap();
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755)).unwrap();
            std::fs::rename(&tmp, &target).unwrap();
        }
        target
    })
}

/// Run test case `case` of this binary as nobody, as root of a new user
/// namespace (`setpriv ... unshare -U -r -m`): a truly unprivileged caller,
/// as rootless rpod will be.
pub fn run_rootless(case: &str) {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("not root: cannot switch to nobody, skipping the rootless run of {case}");
        return;
    }
    let out = Command::new("setpriv")
        .args(["--reuid", "65534", "--regid", "65534", "--clear-groups", "unshare", "-U", "-r", "-m"])
        .arg(helper_binary())
        .args(["--exact", "rootless_helper", "--nocapture", "--test-threads=1"])
        .env("RPOD_RT_CASE", case)
        .env("TMPDIR", "/tmp")
        .current_dir("/")
        .output()
        .expect("run setpriv/unshare (util-linux)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "rootless {case} failed ({}):\n{stdout}\n{stderr}", out.status);
    assert!(stdout.contains("1 passed"), "rootless {case} did not run:\n{stdout}\n{stderr}");
}

/// The capability mask of `names` (bit n = capability n).
pub fn cap_mask(names: &[&str]) -> u64 {
    names.iter().map(|n| 1u64 << rpod_runtime::caps::ALL.iter().position(|a| a == n).unwrap()).fold(0, |a, b| a | b)
}
