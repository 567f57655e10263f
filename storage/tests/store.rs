//! The store: layers, images, names, removal, recovery, concurrency.

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::{Arc, Barrier};

use common::*;
use rpod_storage::layout::Layout;
use rpod_storage::{ContainerRecord, Containers, ImageRecord, LayerSpec, StorageError, Store, StoreOptions};

fn opts() -> StoreOptions {
    StoreOptions { rootless_xattrs: true, ..StoreOptions::default() }
}

fn open(root: &Path) -> Store {
    Store::open(root, opts()).unwrap()
}

fn tmp_is_empty(root: &Path) -> bool {
    names(&root.join("tmp")).is_empty()
}

fn layer_tar(tag: &str) -> Vec<u8> {
    TarB::new().dir("etc/", 0o755).file(&format!("etc/{tag}"), 0o644, tag.as_bytes()).finish()
}

/// An image whose config mentions `tag` (so IDs differ) over `layers`.
fn image(tag: &str, layers: &[&str], names: &[&str]) -> ImageRecord {
    let config = format!(r#"{{"architecture":"amd64","os":"linux","tag":"{tag}"}}"#).into_bytes();
    let manifest = format!(r#"{{"schemaVersion":2,"tag":"{tag}"}}"#).into_bytes();
    ImageRecord {
        id: sha256_hex(&config),
        digest: digest_of(&manifest),
        manifest,
        config,
        layers: layers.iter().map(|s| s.to_string()).collect(),
        names: names.iter().map(|s| s.to_string()).collect(),
        created: 1_704_067_200,
        ..ImageRecord::default()
    }
}

#[test]
fn put_layer_stores_an_overlay_lower_dir() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let tar = layer_tar("base");
    let spec = LayerSpec { compressed_digest: Some(format!("sha256:{}", "c".repeat(64))), ..base_spec(&tar) };
    assert!(!s.has_layer(&spec.chain_id));
    let info = put(&s, &spec, &tar).unwrap();
    assert_eq!(info.chain_id, spec.chain_id);
    // Podman's layer size: the uncompressed tar's length.
    assert_eq!(info.size, tar.len() as u64);
    assert!(s.has_layer(&spec.chain_id));
    let diff = s.layer_diff_path(&spec.chain_id);
    assert_eq!(diff, t.path().join("layers").join(&spec.chain_id[7..]).join("diff"));
    assert_eq!(fs::read(diff.join("etc/base")).unwrap(), b"base");
    assert!(tmp_is_empty(t.path()));
    assert!(t.path().join("db.sqlite").is_file());
    // Putting it again reads nothing and records another compressed digest.
    let again = LayerSpec { compressed_digest: Some(format!("sha256:{}", "d".repeat(64))), ..spec.clone() };
    let info = s.put_layer(&again, &mut std::io::empty()).unwrap();
    assert_eq!(info.compressed_digests.len(), 2);
    assert_eq!(
        s.layer_by_compressed_digest(&format!("sha256:{}", "d".repeat(64))).unwrap().unwrap().chain_id,
        spec.chain_id
    );
    let all = s.layers().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(s.verify_layer(&spec.chain_id).unwrap().diff_id, spec.diff_id);

    // A child layer.
    let tar2 = layer_tar("child");
    let child = child_spec(&spec.chain_id, &tar2);
    put(&s, &child, &tar2).unwrap();
    assert_eq!(s.verify_layer(&child.chain_id).unwrap().parent.as_deref(), Some(spec.chain_id.as_str()));
}

#[test]
fn bad_specs_are_refused_before_reading() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let tar = layer_tar("x");
    let good = base_spec(&tar);
    let bads = [
        LayerSpec { chain_id: "sha256:../../etc".into(), ..good.clone() },
        LayerSpec { diff_id: "md5:abc".into(), ..good.clone() },
        LayerSpec { chain_id: format!("sha256:{}", "e".repeat(64)), ..good.clone() },
        LayerSpec { parent: Some(good.chain_id.clone()), ..good.clone() },
    ];
    for b in bads {
        let e = put(&s, &b, &tar).unwrap_err();
        assert!(matches!(e, StorageError::Invalid { .. }), "{e}");
    }
    assert!(s.layers().unwrap().is_empty());
}

#[test]
fn diff_id_mismatch_discards_everything() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let tar = layer_tar("real");
    let other = layer_tar("other");
    let spec = base_spec(&other);
    let e = put(&s, &spec, &tar).unwrap_err();
    assert!(matches!(e, StorageError::DiffIdMismatch { .. }), "{e}");
    assert!(e.to_string().contains(&spec.diff_id));
    assert!(!s.has_layer(&spec.chain_id));
    assert!(names(&t.path().join("layers")).is_empty());
    assert!(tmp_is_empty(t.path()));
    // A trailing byte after the archive is part of the digest too.
    let mut padded = tar.clone();
    padded.extend_from_slice(&[0u8; 512]);
    assert!(matches!(put(&s, &base_spec(&tar), &padded), Err(StorageError::DiffIdMismatch { .. })));
    put(&s, &base_spec(&padded), &padded).unwrap();
}

#[test]
fn reader_error_mid_stream_discards_everything() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let tar = generated_layer(7, 200, 20_000);
    let spec = base_spec(&tar);
    for ok in [0, 1000, tar.len() / 2, tar.len() - 1] {
        let mut r = FailAfter { data: &tar, ok, pos: 0 };
        let e = s.put_layer(&spec, &mut r).unwrap_err();
        assert!(matches!(e, StorageError::Read { .. }), "{e}");
        assert!(!s.has_layer(&spec.chain_id));
        assert!(names(&t.path().join("layers")).is_empty());
        assert!(tmp_is_empty(t.path()));
    }
    // A hostile entry discards too.
    let bad = TarB::new().file("ok", 0o644, b"fine").file("../x", 0o644, b"bad").finish();
    assert!(matches!(put(&s, &base_spec(&bad), &bad), Err(StorageError::UnsafePath { .. })));
    assert!(tmp_is_empty(t.path()));
    put(&s, &spec, &tar).unwrap();
}

#[test]
fn concurrent_puts_of_the_same_layer_store_it_once() {
    let t = tempfile::tempdir().unwrap();
    let s = Arc::new(open(t.path()));
    let tar = Arc::new(generated_layer(3, 300, 10_000));
    let spec = base_spec(&tar);
    let n = 4;
    let barrier = Arc::new(Barrier::new(n));
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let (s, tar, spec, barrier) = (s.clone(), tar.clone(), spec.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                put(&s, &spec, &tar).unwrap()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap().chain_id, spec.chain_id);
    }
    assert_eq!(s.layers().unwrap().len(), 1);
    assert_eq!(names(&t.path().join("layers")), [spec.chain_id[7..].to_string()]);
    assert!(tmp_is_empty(t.path()));
}

#[test]
fn different_layers_extract_in_parallel() {
    let t = tempfile::tempdir().unwrap();
    let s = Arc::new(open(t.path()));
    let base_tar = layer_tar("base");
    let base = base_spec(&base_tar);
    let tars: Vec<Vec<u8>> = (0..4).map(|i| generated_layer(100 + i, 100, 5_000)).collect();
    // Children before the base: parents need not be stored first.
    let handles: Vec<_> = tars
        .into_iter()
        .map(|tar| {
            let (s, base) = (s.clone(), base.chain_id.clone());
            std::thread::spawn(move || put(&s, &child_spec(&base, &tar), &tar).unwrap())
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    put(&s, &base, &base_tar).unwrap();
    assert_eq!(s.layers().unwrap().len(), 5);
    assert!(tmp_is_empty(t.path()));
}

/// Two processes put the same layer at the same time: both succeed, one
/// copy is stored. (The child is this test binary in helper mode.)
#[test]
fn concurrent_puts_from_two_processes() {
    if let Ok(root) = std::env::var("RPOD_STORAGE_TEST_PUT") {
        let tar = generated_layer(11, 400, 8_000);
        let s = Store::open(Path::new(&root), opts()).unwrap();
        let info = put(&s, &base_spec(&tar), &tar).unwrap();
        println!("PUT-OK {}", info.chain_id);
        return;
    }
    let t = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let spawn = || {
        std::process::Command::new(&exe)
            .args(["--exact", "concurrent_puts_from_two_processes", "--nocapture", "--test-threads=1"])
            .env("RPOD_STORAGE_TEST_PUT", t.path())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    for _round in 0..3 {
        let _ = fs::remove_dir_all(t.path());
        let kids = [spawn(), spawn()];
        for k in kids {
            let out = k.wait_with_output().unwrap();
            assert!(out.status.success());
            assert!(String::from_utf8_lossy(&out.stdout).contains("PUT-OK sha256:"));
        }
        let s = open(t.path());
        assert_eq!(s.layers().unwrap().len(), 1);
        assert_eq!(names(&t.path().join("layers")).len(), 1);
        assert!(tmp_is_empty(t.path()));
    }
}

fn two_layers(s: &Store) -> (String, String) {
    let a = layer_tar("a");
    let b = layer_tar("b");
    let sa = base_spec(&a);
    let sb = child_spec(&sa.chain_id, &b);
    put(s, &sa, &a).unwrap();
    put(s, &sb, &b).unwrap();
    (sa.chain_id, sb.chain_id)
}

#[test]
fn images_names_move_and_lookup() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let (a, b) = two_layers(&s);
    let one = image("one", &[&a, &b], &["docker.io/library/x:latest", "docker.io/library/x:1"]);
    s.put_image(&one).unwrap();
    let got = s.image(&one.id).unwrap().unwrap();
    assert_eq!(got.names, one.names);
    assert_eq!(got.layers, [a.clone(), b.clone()]);
    assert_eq!(got.manifest, one.manifest);
    assert_eq!(got.config, one.config);
    assert_eq!(got.digests, std::slice::from_ref(&one.digest));
    // Podman's image size: the layers' tars, the config, the manifest twice.
    let layer_bytes: u64 = [&a, &b].iter().map(|l| s.layer(l).unwrap().unwrap().size).sum();
    assert_eq!(got.size, layer_bytes + (one.config.len() + 2 * one.manifest.len()) as u64);
    assert!(got.added > 0);
    assert_eq!(s.layer(&a).unwrap().unwrap().images, 1);

    // A second image takes one of the names.
    let two = image("two", &[&a], &["docker.io/library/x:latest"]);
    s.put_image(&two).unwrap();
    assert_eq!(s.image(&one.id).unwrap().unwrap().names, ["docker.io/library/x:1"]);
    assert_eq!(s.lookup("docker.io/library/x:latest").unwrap().id, two.id);
    s.untag(&one.id, "docker.io/library/x:1").unwrap();
    assert!(s.image(&one.id).unwrap().unwrap().names.is_empty(), "dangling");
    assert!(matches!(s.untag(&one.id, "nope"), Err(StorageError::NameNotOnImage { .. })));
    s.tag(&one.id, "docker.io/library/x:latest").unwrap();
    assert!(s.image(&two.id).unwrap().unwrap().names.is_empty());
    assert!(matches!(s.tag(&"0".repeat(64), "n"), Err(StorageError::ImageUnknown(_))));

    // Lookup: full ID, sha256: form, prefix.
    assert_eq!(s.lookup(&one.id).unwrap().id, one.id);
    assert_eq!(s.lookup(&format!("sha256:{}", one.id)).unwrap().id, one.id);
    assert_eq!(s.lookup(&one.id[..12]).unwrap().id, one.id);
    assert!(matches!(s.lookup(&one.id[..2]), Err(StorageError::ImageUnknown(_))));
    assert!(matches!(s.lookup("nothing"), Err(StorageError::ImageUnknown(_))));

    // Same config again (another manifest, e.g. the zstd variant): one
    // image, two digests, the latest is the image's digest.
    let mut again = one.clone();
    again.manifest = br#"{"schemaVersion":2,"variant":"zstd"}"#.to_vec();
    again.digest = digest_of(&again.manifest);
    again.names = vec!["docker.io/library/x:zstd".into()];
    s.put_image(&again).unwrap();
    let got = s.image(&one.id).unwrap().unwrap();
    assert_eq!(got.digests.len(), 2);
    assert_eq!(got.digest, again.digest);
    assert_eq!(got.manifest, again.manifest);
    assert_eq!(s.manifest(&one.id, &one.digest).unwrap().unwrap(), one.manifest);
    assert_eq!(got.names, ["docker.io/library/x:latest", "docker.io/library/x:zstd"]);
    assert_eq!(s.images().unwrap().len(), 2);
    assert_eq!(Layout::new(t.path()).image_count().unwrap(), 2);
}

#[test]
fn put_image_checks_its_input() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let (a, _) = two_layers(&s);
    let missing = format!("sha256:{}", "9".repeat(64));
    let e = s.put_image(&image("x", &[&a, &missing], &["n"])).unwrap_err();
    assert!(matches!(e, StorageError::LayerUnknown(ref l) if *l == missing), "{e}");
    let mut bad = image("x", &[&a], &[]);
    bad.id = "0".repeat(64);
    assert!(matches!(s.put_image(&bad), Err(StorageError::Invalid { .. })));
    let mut bad = image("x", &[&a], &[]);
    bad.digest = format!("sha256:{}", "0".repeat(64));
    assert!(matches!(s.put_image(&bad), Err(StorageError::Invalid { .. })));
    assert!(matches!(s.put_image(&image("x", &[&a], &["with space"])), Err(StorageError::Invalid { .. })));
    assert!(s.images().unwrap().is_empty());
}

#[test]
fn ambiguous_prefixes_list_the_matches() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let (a, _) = two_layers(&s);
    let first = image("p0", &[&a], &[]);
    // Find a second config whose ID shares the first 3 hex digits.
    let second = (1..).map(|i| image(&format!("p{i}"), &[&a], &[])).find(|r| r.id[..3] == first.id[..3]).unwrap();
    s.put_image(&first).unwrap();
    s.put_image(&second).unwrap();
    match s.lookup(&first.id[..3]) {
        Err(e @ StorageError::Ambiguous { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains(&first.id) && msg.contains(&second.id), "{msg}");
        }
        other => panic!("{other:?}"),
    }
    // A longer prefix tells them apart (they differ somewhere).
    let n = (0..64).find(|&i| first.id.as_bytes()[i] != second.id.as_bytes()[i]).unwrap();
    assert_eq!(s.lookup(&first.id[..n + 1]).unwrap().id, first.id);
    // A name that looks like a prefix wins over the prefix.
    s.tag(&second.id, &first.id[..3]).unwrap();
    assert_eq!(s.lookup(&first.id[..3]).unwrap().id, second.id);
}

/// Image `one` (base, top) and image `two` (base, other).
fn two_images_sharing_a_base(s: &Store) -> (String, String, LayerSpec, ImageRecord, ImageRecord) {
    let (base, top) = two_layers(s);
    let other_tar = layer_tar("other");
    let other = child_spec(&base, &other_tar);
    put(s, &other, &other_tar).unwrap();
    let one = image("one", &[&base, &top], &["one"]);
    let two = image("two", &[&base, &other.chain_id], &["two"]);
    s.put_image(&one).unwrap();
    s.put_image(&two).unwrap();
    (base, top, other, one, two)
}

#[test]
fn removal_keeps_shared_and_held_layers() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let (base, top, other, one, two) = two_images_sharing_a_base(&s);
    assert_eq!(s.layer(&base).unwrap().unwrap().images, 2);

    let removed = s.remove_image(&one.id).unwrap();
    assert_eq!(removed, std::slice::from_ref(&top));
    assert!(s.has_layer(&base));
    assert!(!s.has_layer(&top));
    assert!(!s.layer_diff_path(&top).exists());
    assert!(s.layer_diff_path(&base).join("etc/a").exists());
    assert!(matches!(s.lookup("one"), Err(StorageError::ImageUnknown(_))));
    assert!(tmp_is_empty(t.path()));

    // A hold (a container) keeps a layer, and the layers under it, past
    // their image.
    s.hold("container-1", &other.chain_id).unwrap();
    assert!(matches!(s.hold("c", &top), Err(StorageError::LayerUnknown(_))));
    let removed = s.remove_image(&two.id).unwrap();
    assert!(removed.is_empty(), "{removed:?}");
    assert!(s.has_layer(&other.chain_id) && s.has_layer(&base));
    assert_eq!(s.layer(&other.chain_id).unwrap().unwrap().holds, 1);
    assert!(matches!(s.remove_image(&two.id), Err(StorageError::ImageUnknown(_))));
    s.release("container-1").unwrap();
    assert_eq!(s.remove_unused_layers(std::time::Duration::from_secs(3600)).unwrap(), Vec::<String>::new());
    assert_eq!(s.remove_unused_layers(std::time::Duration::ZERO).unwrap(), [other.chain_id.as_str(), base.as_str()]);
    assert!(s.layers().unwrap().is_empty());
    assert!(names(&t.path().join("layers")).is_empty());
    assert!(tmp_is_empty(t.path()));
}

#[test]
fn a_held_layer_keeps_its_parents() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let (base, top) = two_layers(&s);
    let img = image("i", &[&base, &top], &[]);
    s.put_image(&img).unwrap();
    s.hold("container-1", &top).unwrap();
    assert!(s.remove_image(&img.id).unwrap().is_empty());
    assert!(s.has_layer(&base) && s.has_layer(&top));
    s.verify_layer(&top).unwrap();
    s.release("container-1").unwrap();
    let mut removed = s.remove_unused_layers(std::time::Duration::ZERO).unwrap();
    removed.sort();
    let mut want = vec![base, top];
    want.sort();
    assert_eq!(removed, want);
    assert!(names(&t.path().join("layers")).is_empty());
}

/// A container's removal reports the layers its hold was the last
/// reference to, and those go with their chain (not a layer another image
/// or holder still uses).
#[test]
fn a_container_removed_after_its_image_takes_the_layers() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let (base, top, other, one, two) = two_images_sharing_a_base(&s);
    let rec = |id: &str| ContainerRecord {
        id: id.repeat(64),
        name: id.into(),
        image_id: one.id.clone(),
        created: 0,
        config: b"{}".to_vec(),
        state: b"{}".to_vec(),
    };
    let mut c = Containers::open(t.path()).unwrap();
    for id in ["a", "b"] {
        c.create(&rec(id)).unwrap();
        s.hold(&format!("container-{id}"), &top).unwrap();
    }
    // The image still lists the layers: nothing to take.
    assert!(c.remove_with_holds(&"a".repeat(64), "container-a").unwrap().is_empty());
    assert!(s.remove_image(&one.id).unwrap().is_empty(), "held by b");
    let last = c.remove_with_holds(&"b".repeat(64), "container-b").unwrap();
    assert_eq!(last, std::slice::from_ref(&top));
    assert_eq!(s.remove_layer_chain_if_unused(&top).unwrap(), std::slice::from_ref(&top), "base: image two");
    assert!(!s.layer_diff_path(&top).exists());
    assert!(s.has_layer(&base) && s.has_layer(&other.chain_id));
    assert!(tmp_is_empty(t.path()));
    // Once the other image goes, the whole chain does.
    s.hold("container-c", &other.chain_id).unwrap();
    assert!(s.remove_image(&two.id).unwrap().is_empty());
    s.release("container-c").unwrap();
    assert_eq!(s.remove_layer_chain_if_unused(&other.chain_id).unwrap(), [other.chain_id.as_str(), base.as_str()]);
    assert!(names(&t.path().join("layers")).is_empty());
}

#[test]
fn removal_handles_read_only_trees() {
    let t = tempfile::tempdir().unwrap();
    let s = open(t.path());
    let tar = TarB::new().dir("ro/", 0o555).dir("ro/sub/", 0o000).file("ro/f", 0o000, b"x").finish();
    let spec = base_spec(&tar);
    put(&s, &spec, &tar).unwrap();
    s.put_image(&image("ro", &[&spec.chain_id], &[])).unwrap();
    let id = image("ro", &[&spec.chain_id], &[]).id;
    assert_eq!(s.remove_image(&id).unwrap(), std::slice::from_ref(&spec.chain_id));
    assert!(names(&t.path().join("layers")).is_empty());
    assert!(tmp_is_empty(t.path()));
}

#[test]
fn open_repairs_what_crashes_leave() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path();
    let (keep, gone_row, image_id) = {
        let s = open(root);
        let (a, b) = two_layers(&s);
        let img = image("i", &[&a, &b], &["i"]);
        s.put_image(&img).unwrap();
        (a, b, img.id)
    };
    let l = Layout::new(root);
    // (a) a layer directory the database does not know (killed between
    // rename and commit);
    let orphan = l.layer_diff_dir(&"a".repeat(64));
    fs::create_dir_all(orphan.join("usr")).unwrap();
    // (b) a row whose directory vanished (removed behind our back): the
    // row and the image using it go;
    fs::remove_dir_all(l.layer_dir(&gone_row[7..])).unwrap();
    // (c) an abandoned staging dir (lock free), a live one (lock held), a
    // staging dir without lock file, an old set-up dir and a trash dir.
    let dead = l.tmp_dir().join("stage-999999-dead");
    fs::create_dir_all(dead.join("layer/diff/x")).unwrap();
    fs::write(dead.join("lock"), b"").unwrap();
    let live = l.tmp_dir().join("stage-1-live");
    fs::create_dir_all(live.join("layer/diff")).unwrap();
    let lockf = fs::File::create(live.join("lock")).unwrap();
    let held = nix::fcntl::Flock::lock(lockf, nix::fcntl::FlockArg::LockExclusive).unwrap();
    fs::create_dir_all(l.tmp_dir().join("stage-2-nolock/layer")).unwrap();
    let newdir = l.tmp_dir().join(".new-3-old");
    fs::create_dir_all(&newdir).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::open(&newdir).unwrap().set_modified(old).unwrap();
    let fresh_new = l.tmp_dir().join(".new-4-fresh");
    fs::create_dir_all(&fresh_new).unwrap();
    fs::create_dir_all(l.tmp_dir().join("rm-5-x/diff/y")).unwrap();

    let s = open(root);
    assert!(!orphan.exists());
    assert!(!l.layer_dir(&"a".repeat(64)).exists());
    assert!(s.has_layer(&keep));
    assert!(!s.has_layer(&gone_row));
    assert!(s.image(&image_id).unwrap().is_none());
    assert_eq!(names(&l.tmp_dir()), [".new-4-fresh", "stage-1-live"]);
    drop(held);
    drop(s);
    let s = open(root);
    assert_eq!(names(&l.tmp_dir()), [".new-4-fresh"]);
    for info in s.layers().unwrap() {
        s.verify_layer(&info.chain_id).unwrap();
    }
}

#[test]
fn a_newer_schema_is_refused() {
    let t = tempfile::tempdir().unwrap();
    drop(open(t.path()));
    let c = rusqlite::Connection::open(t.path().join("db.sqlite")).unwrap();
    c.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'", []).unwrap();
    drop(c);
    let e = Store::open(t.path(), opts()).unwrap_err();
    assert!(matches!(e, StorageError::SchemaTooNew { found: 99, .. }), "{e}");
}

#[test]
fn database_settings() {
    let t = tempfile::tempdir().unwrap();
    let _s = open(t.path());
    let c = rusqlite::Connection::open(t.path().join("db.sqlite")).unwrap();
    let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    // The store's own directories are private.
    for d in ["layers", "tmp"] {
        assert_eq!(fs::metadata(t.path().join(d)).unwrap().mode() & 0o777, 0o700, "{d}");
    }
}

/// A full disk: a clear error, nothing half-stored, the store usable
/// afterwards. Root only (mounts a 2 MiB tmpfs in a private mount
/// namespace of a fresh thread).
#[test]
fn disk_full_is_a_clear_error_and_leaves_nothing() {
    if !is_root() {
        eprintln!("SKIPPED: mounting a small tmpfs needs root");
        return;
    }
    std::thread::spawn(|| {
        use nix::mount::{mount, umount2, MntFlags, MsFlags};
        nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNS).unwrap();
        mount(None::<&str>, "/", None::<&str>, MsFlags::MS_REC | MsFlags::MS_PRIVATE, None::<&str>).unwrap();
        let t = tempfile::tempdir().unwrap();
        mount(Some("tmpfs"), t.path(), Some("tmpfs"), MsFlags::empty(), Some("size=2m")).unwrap();
        let root = t.path().join("store");
        let s = open(&root);
        let big = TarB::new().file("big", 0o644, &vec![1u8; 4 << 20]).finish();
        let e = put(&s, &base_spec(&big), &big).unwrap_err();
        assert!(matches!(e, StorageError::Entry { .. }), "{e}");
        assert!(e.to_string().contains("No space left on device"), "{e}");
        assert!(s.layers().unwrap().is_empty());
        assert!(names(&root.join("layers")).is_empty());
        assert!(tmp_is_empty(&root));
        // Usable afterwards.
        let small = layer_tar("small");
        put(&s, &base_spec(&small), &small).unwrap();
        drop(s);
        let s = open(&root);
        assert_eq!(s.layers().unwrap().len(), 1);
        drop(s);
        umount2(t.path(), MntFlags::MNT_DETACH).unwrap();
    })
    .join()
    .unwrap();
}

#[test]
fn durable_mode_syncs_and_works() {
    let t = tempfile::tempdir().unwrap();
    let s = Store::open(t.path(), StoreOptions { durable: true, ..StoreOptions::default() }).unwrap();
    let tar = layer_tar("durable");
    put(&s, &base_spec(&tar), &tar).unwrap();
    assert_eq!(s.layers().unwrap().len(), 1);
    assert!(tmp_is_empty(t.path()));
}

/// Many processes opening a store that does not exist yet (two `rpod pull`
/// in a fresh home): each must get a usable store, none "database is
/// locked" while another switches the new database to WAL.
#[test]
fn concurrent_first_opens_all_succeed() {
    for round in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        let root = Arc::new(dir.path().join("store"));
        let barrier = Arc::new(Barrier::new(8));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (root, barrier) = (root.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    Store::open(&root, opts()).map(|s| s.images().unwrap().len())
                })
            })
            .collect();
        for t in threads {
            assert_eq!(t.join().unwrap().unwrap_or_else(|e| panic!("round {round}: {e}")), 0);
        }
    }
}

/// A store root other users can write into is refused (issue 12): they
/// could swap its contents under rpod; one made by rpod is 0700.
#[test]
fn a_root_others_can_write_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let t = tempfile::tempdir().unwrap();
    let made = t.path().join("made");
    open(&made);
    assert_eq!(fs::metadata(&made).unwrap().mode() & 0o777, 0o700);
    let shared = t.path().join("shared");
    fs::create_dir(&shared).unwrap();
    for mode in [0o777, 0o1777, 0o775, 0o757] {
        fs::set_permissions(&shared, fs::Permissions::from_mode(mode)).unwrap();
        match Store::open(&shared, opts()) {
            Err(e @ StorageError::UnsafeRoot { .. }) => assert!(e.to_string().contains("other users"), "{e}"),
            other => panic!("mode {mode:o}: {other:?}"),
        }
    }
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o755)).unwrap();
    open(&shared);
}
