//! `kill -9` at random points of a layer put never leaves a half layer.
//!
//! The child is this test binary re-run in a helper mode (environment
//! variable `RPOD_STORAGE_CRASH_CHILD`): it opens the store and puts a
//! generated layer of about 1200 files. The parent SIGKILLs it after a
//! random delay spread over the whole duration of a put (measured first),
//! then checks that `Store::open` succeeds, no staging directory remains,
//! every layer the database lists has its directory and is complete, and
//! finally that a normal put succeeds.

mod common;

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use rpod_storage::layout::Layout;
use rpod_storage::{Store, StoreOptions};

const TRIALS: usize = 40;

fn opts() -> StoreOptions {
    StoreOptions { rootless_xattrs: true, ..StoreOptions::default() }
}

fn layer() -> Vec<u8> {
    generated_layer(42, 1200, 12_000)
}

/// tmpfs when there is one: the test is about crash consistency, not the
/// disk, and this keeps it fast.
fn scratch_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let writable = nix::unistd::access(shm, nix::unistd::AccessFlags::W_OK).is_ok();
    if shm.is_dir() && writable {
        if let Ok(t) = tempfile::tempdir_in(shm) {
            return t;
        }
    }
    tempfile::tempdir().unwrap()
}

fn spawn_child(root: &Path, tar: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "sigkill_at_random_points_leaves_no_half_layer", "--nocapture", "--test-threads=1"])
        .env("RPOD_STORAGE_CRASH_CHILD", root)
        .env("RPOD_STORAGE_CRASH_TAR", tar)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn child_main(root: &str, tar: &str) {
    let data = std::fs::read(tar).unwrap();
    let spec = base_spec(&data);
    let s = Store::open(Path::new(root), opts()).unwrap();
    let f = std::fs::File::open(tar).unwrap();
    s.put_layer(&spec, &mut BufReader::new(f)).unwrap();
    println!("CHILD-DONE");
}

/// The invariants after a crash.
fn check_store(root: &Path, expected_entries: usize) -> Store {
    let s = Store::open(root, opts()).expect("open after a crash");
    let l = Layout::new(root);
    let tmp = names(&l.tmp_dir());
    assert!(tmp.iter().all(|n| n.starts_with(".new-")), "leftovers in tmp/: {tmp:?}");
    let listed = s.layers().unwrap();
    for info in &listed {
        s.verify_layer(&info.chain_id).unwrap();
        let n = walk(&s.layer_diff_path(&info.chain_id)).len();
        assert_eq!(n, expected_entries, "layer {} is incomplete", info.chain_id);
    }
    // Nothing on disk that the database does not list.
    let on_disk = names(&l.layers_dir());
    assert_eq!(on_disk.len(), listed.len(), "{on_disk:?}");
    s
}

#[test]
fn sigkill_at_random_points_leaves_no_half_layer() {
    if let (Ok(root), Ok(tar)) = (std::env::var("RPOD_STORAGE_CRASH_CHILD"), std::env::var("RPOD_STORAGE_CRASH_TAR")) {
        child_main(&root, &tar);
        return;
    }
    let t = scratch_dir();
    let tar_path: PathBuf = t.path().join("layer.tar");
    let data = layer();
    std::fs::write(&tar_path, &data).unwrap();
    let spec = base_spec(&data);

    // Complete runs (the second one warm), to learn the duration and the
    // expected tree.
    let scratch = t.path().join("scratch");
    let mut full = Duration::MAX;
    for _ in 0..2 {
        let _ = std::fs::remove_dir_all(&scratch);
        let start = Instant::now();
        let out = spawn_child(&scratch, &tar_path).wait_with_output().unwrap();
        full = full.min(start.elapsed());
        assert!(String::from_utf8_lossy(&out.stdout).contains("CHILD-DONE"));
    }
    let expected = walk(&Store::open(&scratch, opts()).unwrap().layer_diff_path(&spec.chain_id)).len();
    assert!(expected > 1200);

    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    eprintln!("crash test: full put {full:?}, {expected} entries, seed {seed}");
    let mut rng = Rng(seed | 1);
    let root = t.path().join("store");
    let span = full.as_micros() as u64 * 12 / 10;
    let (mut completed, mut killed) = (0, 0);
    for trial in 0..TRIALS {
        // Spread delays over the whole put, startup and commit included.
        let delay = Duration::from_micros(rng.below(span.max(1)));
        let mut child = spawn_child(&root, &tar_path);
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let out = child.wait_with_output().unwrap();
        if String::from_utf8_lossy(&out.stdout).contains("CHILD-DONE") {
            completed += 1;
        } else {
            killed += 1;
        }
        let s = check_store(&root, expected);
        if s.has_layer(&spec.chain_id) {
            // Committed before the kill: start the next trial from scratch.
            assert_eq!(
                s.remove_unused_layers(Duration::ZERO).unwrap(),
                std::slice::from_ref(&spec.chain_id),
                "trial {trial}"
            );
        }
    }
    eprintln!("crash test: {killed} killed mid-way, {completed} completed");
    assert!(killed >= TRIALS / 4, "too few kills landed mid-way ({killed}/{TRIALS})");

    // And a normal put afterwards.
    let s = check_store(&root, expected);
    put(&s, &spec, &data).unwrap();
    drop(s);
    let s = check_store(&root, expected);
    assert!(s.has_layer(&spec.chain_id));
}
