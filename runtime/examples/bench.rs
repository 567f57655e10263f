//! Start latency of the runtime: `create` + `wait` of busybox `true` in a
//! container with all six namespaces and Podman's default spec, as root and
//! rootless (this binary re-run as nobody under `unshare -U -r -m`).
//!
//!     cargo run --release -p rpod-runtime --example bench [-- RUNS]
//!
//! Prints the median, minimum and 90th percentile of RUNS (default 50)
//! runs per mode, and the median of the phases: building the spec, `create`
//! (clone3 .. execve done), and `wait` (the command runs and exits, the
//! namespaces go).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rpod_runtime::{create, default_spec, wait, CreateOptions, SpecOptions, Stdio};

fn rootfs() -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix("rpod-bench-rootfs-").tempdir().unwrap();
    let r = dir.path();
    for d in ["bin", "etc", "proc", "dev", "sys", "tmp"] {
        std::fs::create_dir(r.join(d)).unwrap();
    }
    std::fs::set_permissions(r, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::copy("/bin/busybox", r.join("bin/busybox")).expect("Debian's busybox-static");
    for a in ["sh", "true"] {
        std::os::unix::fs::symlink("busybox", r.join("bin").join(a)).unwrap();
    }
    std::fs::write(r.join("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n").unwrap();
    dir
}

fn stats(mut v: Vec<Duration>) -> (f64, f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (ms(v[v.len() / 2]), ms(v[0]), ms(v[(v.len() * 9 / 10).min(v.len() - 1)]))
}

fn measure(mode: &str, runs: usize) {
    let root = rootfs();
    let null = || -> std::os::fd::OwnedFd {
        std::fs::OpenOptions::new().read(true).write(true).open("/dev/null").unwrap().into()
    };
    let opts = SpecOptions {
        rootfs: root.path().to_path_buf(),
        args: vec!["true".into()],
        hostname: "bench".into(),
        rootless: !rpod_runtime::in_initial_userns_as_root(),
        network: if std::env::var_os("RPOD_BENCH_HOST_NET").is_some() {
            rpod_runtime::NetworkMode::Host
        } else {
            rpod_runtime::NetworkMode::Private
        },
        ..Default::default()
    };
    let (mut total, mut spec_t, mut create_t, mut wait_t) = (vec![], vec![], vec![], vec![]);
    for i in 0..runs + 3 {
        let t0 = Instant::now();
        let spec = default_spec(&opts);
        let t1 = Instant::now();
        let mut c = CreateOptions::new(&spec);
        c.stdio = Stdio::Fds { stdin: null(), stdout: null(), stderr: null() };
        let created = create(&c).expect("create");
        let t2 = Instant::now();
        let code = wait(created.pid).expect("wait");
        let t3 = Instant::now();
        assert_eq!(code, 0);
        if i >= 3 {
            // (the first runs warm the page cache and the kernel's slabs)
            total.push(t3 - t0);
            spec_t.push(t1 - t0);
            create_t.push(t2 - t1);
            wait_t.push(t3 - t2);
        }
    }
    let (med, min, p90) = stats(total);
    println!(
        "{mode:<9} create+wait of `true`, {runs} runs: median {med:.2} ms (min {min:.2}, p90 {p90:.2}); \
         median phases: spec {:.3} ms, create {:.2} ms, wait {:.2} ms",
        stats(spec_t).0,
        stats(create_t).0,
        stats(wait_t).0
    );
}

/// A copy of this binary nobody may run (the build tree may be closed to it).
fn public_copy() -> PathBuf {
    let dir = PathBuf::from("/tmp/rpod-runtime-bench");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let target = dir.join("bench");
    let tmp = dir.join(format!(".bench.{}", std::process::id()));
    std::fs::copy(std::env::current_exe().unwrap(), &tmp).unwrap();
    std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::rename(&tmp, &target).unwrap();
    target
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    if std::env::var_os("RPOD_BENCH_ROOTLESS").is_some() {
        measure("rootless", runs);
        return;
    }
    if !nix::unistd::geteuid().is_root() {
        measure("rootless", runs);
        return;
    }
    measure("root", runs);
    let copy = public_copy();
    let status = Command::new("setpriv")
        .args(["--reuid", "65534", "--regid", "65534", "--clear-groups", "unshare", "-U", "-r", "-m"])
        .arg(&copy)
        .arg(runs.to_string())
        .env("RPOD_BENCH_ROOTLESS", "1")
        .env("TMPDIR", "/tmp")
        .current_dir("/")
        .status()
        .expect("setpriv/unshare");
    let _ = std::fs::remove_file(Path::new(&copy));
    assert!(status.success(), "rootless run failed: {status}");
}
