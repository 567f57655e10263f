//! `save`, `load`, `import` and `push`, as root and as the test bed's
//! unprivileged user: save → rmi → load round trips (docker-archive,
//! oci-archive, gzip'd, several images, standard input and output) keep the
//! image ID and names; the fixture OCI layouts and a skopeo-made
//! docker-archive load with the IDs their configs give; `import` with
//! `--change`; `push` read back by skopeo and pulled into a fresh store;
//! bad input exits 125 and stores nothing. Needs the test bed (tests/run.sh).

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use rpod_testbed::bed::{describe, fails_with, ok, run_ok, sha256_hex, text, Bed};
use rpod_testbed::engine::{Eng, Mode};
use serde_json::Value;

/// A private store used as root or as the test user, with nothing pulled
/// (the shared engine handle), and the image helpers these tests use.
struct Rpod(Eng);

impl Rpod {
    fn new(rootless: bool, prefix: &str) -> Rpod {
        Rpod(Eng::empty(if rootless { Mode::Rootless } else { Mode::Root }, prefix))
    }

    fn run(&self, args: &[&str]) -> Output {
        self.0.run_for(args, Duration::from_secs(300))
    }

    /// With standard input from `file`.
    fn run_stdin(&self, args: &[&str], file: &Path) -> Output {
        self.0.run_stdin(args, file)
    }

    /// A path in the private directory (the test user can write there).
    fn path(&self, name: &str) -> PathBuf {
        self.0.path(name)
    }

    fn pull(&self, image: &str) -> String {
        ok(&self.run(&["pull", "-q", "--tls-verify=false", image])).trim().to_string()
    }

    /// (full ID, name) of every stored image, `<none>:<none>` for none.
    fn images(&self) -> BTreeSet<(String, String)> {
        let out = ok(&self.run(&["images", "--no-trunc", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}"]));
        out.lines()
            .map(|l| {
                let (id, name) = l.split_once(' ').unwrap();
                (id.trim_start_matches("sha256:").to_string(), name.to_string())
            })
            .collect()
    }

    fn remove_all(&self) {
        ok(&self.run(&["rmi", "-a", "-f"]));
        assert!(self.images().is_empty());
    }
}

/// The config digest (= image ID) of tag `tag` in the OCI layout `dir`.
fn layout_image_id(dir: &Path, tag: &str) -> String {
    let index: Value = serde_json::from_slice(&fs::read(dir.join("index.json")).unwrap()).unwrap();
    let entry = index["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["annotations"]["org.opencontainers.image.ref.name"] == tag)
        .unwrap_or_else(|| panic!("{} has no {tag}", dir.display()));
    let blob = |d: &str| dir.join("blobs/sha256").join(d.trim_start_matches("sha256:"));
    let manifest: Value = serde_json::from_slice(&fs::read(blob(entry["digest"].as_str().unwrap())).unwrap()).unwrap();
    let config = fs::read(blob(manifest["config"]["digest"].as_str().unwrap())).unwrap();
    let id = sha256_hex(&config);
    assert_eq!(format!("sha256:{id}"), manifest["config"]["digest"].as_str().unwrap());
    id
}

fn loaded_names(out: &str) -> Vec<String> {
    out.lines().filter_map(|l| l.strip_prefix("Loaded image: ")).map(str::to_string).collect()
}

fn set(items: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn gzip_file(src: &Path, dst: &Path) {
    let mut e = flate2::write::GzEncoder::new(File::create(dst).unwrap(), flate2::Compression::fast());
    e.write_all(&fs::read(src).unwrap()).unwrap();
    e.finish().unwrap();
}

// ---------------------------------------------------------------------------
// save → rmi → load

fn round_trip(rootless: bool) {
    let bed = Bed::get();
    let r = Rpod::new(rootless, "archives-rt");
    let multilayer = bed.image("multilayer", "latest");
    let busybox = bed.image("busybox", "latest");
    let ml_id = r.pull(&multilayer);
    let bb_id = r.pull(&busybox);
    ok(&r.run(&["tag", &multilayer, "localhost/extra/name:v2"]));
    let all = r.images();
    assert_eq!(
        all,
        set(&[(&ml_id, &multilayer), (&ml_id, "localhost/extra/name:v2"), (&bb_id, &busybox)]),
        "after pull and tag"
    );

    // Every format, to a file.
    for format in ["docker-archive", "oci-archive"] {
        let file = r.path(&format!("ml.{format}.tar"));
        let out = r.run(&[
            "save",
            "-q",
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
            &multilayer,
            "localhost/extra/name:v2",
        ]);
        ok(&out);
        r.remove_all();
        let out = ok(&r.run(&["load", "-i", file.to_str().unwrap()]));
        let mut names = loaded_names(&out);
        names.sort();
        let mut expected = vec!["localhost/extra/name:v2".to_string(), multilayer.clone()];
        expected.sort();
        assert_eq!(names, expected, "{format}: {out}");
        assert_eq!(r.images(), set(&[(&ml_id, &multilayer), (&ml_id, "localhost/extra/name:v2")]), "{format}");

        // The same archive gzip'd, from standard input.
        let gz = r.path(&format!("ml.{format}.tar.gz"));
        gzip_file(&file, &gz);
        r.remove_all();
        let out = ok(&r.run_stdin(&["load", "-q"], &gz));
        assert_eq!(loaded_names(&out).len(), 2, "{out}");
        assert_eq!(r.images(), set(&[(&ml_id, &multilayer), (&ml_id, "localhost/extra/name:v2")]), "{format} gzip");
    }

    // Several images in one docker-archive, written to standard output
    // (the short name finds the pulled image, the archive keeps its full name).
    assert_eq!(r.pull(&busybox), bb_id);
    let out = r.run(&["save", "-q", &multilayer, "busybox"]);
    assert!(out.status.success() && out.stdout.len() > 1 << 20 && out.stderr.is_empty(), "{}", describe(&out));
    let file = r.path("two.tar");
    fs::write(&file, &out.stdout).unwrap();
    r.remove_all();
    let out = ok(&r.run_stdin(&["load"], &file));
    let mut names = loaded_names(&out);
    names.sort();
    let mut expected = vec![busybox.clone(), multilayer.clone()];
    expected.sort();
    assert_eq!(names, expected, "{out}");
    assert_eq!(r.images(), set(&[(&ml_id, &multilayer), (&bb_id, &busybox)]));

    // By ID: no name, like Docker and Podman.
    let file = r.path("by-id.tar");
    ok(&r.run(&["save", "-q", "--format", "oci-archive", "-o", file.to_str().unwrap(), &bb_id[..12]]));
    r.remove_all();
    let out = ok(&r.run(&["load", "-q", "-i", file.to_str().unwrap()]));
    assert_eq!(out, format!("Loaded image: sha256:{bb_id}\n"));
    assert_eq!(r.images(), set(&[(&bb_id, "<none>:<none>")]));

    // An OCI layout directory round trip.
    ok(&r.run(&["tag", &bb_id, "localhost/dir/bb:1"]));
    let dir = r.path("layout");
    ok(&r.run(&["save", "-q", "--format", "oci-dir", "-o", dir.to_str().unwrap(), "localhost/dir/bb:1"]));
    assert_eq!(layout_image_id(&dir, "localhost/dir/bb:1"), bb_id);
    r.remove_all();
    let out = ok(&r.run(&["load", "-q", "-i", dir.to_str().unwrap()]));
    assert_eq!(out, "Loaded image: localhost/dir/bb:1\n");

    // An unknown image: an error, and no file.
    fails_with(&r.run(&["save", "-o", r.path("x.tar").to_str().unwrap(), "no-such-image"]), &["no-such-image"]);
    assert!(!r.path("x.tar").exists());
}

#[test]
fn save_rmi_load_round_trips_rootless() {
    round_trip(true);
}

#[test]
fn save_rmi_load_round_trips_as_root() {
    round_trip(false);
}

// ---------------------------------------------------------------------------
// load of archives rpod did not write

#[test]
fn load_fixture_layouts_and_foreign_archives() {
    let bed = Bed::get();
    let r = Rpod::new(true, "archives-layouts");
    for name in ["busybox", "multilayer"] {
        let dir = bed.fixtures.join("oci").join(name);
        let out = ok(&r.run(&["load", "-i", dir.to_str().unwrap()]));
        let index: Value = serde_json::from_slice(&fs::read(dir.join("index.json")).unwrap()).unwrap();
        let mut want = BTreeSet::new();
        for m in index["manifests"].as_array().unwrap() {
            let tag = m["annotations"]["org.opencontainers.image.ref.name"].as_str().unwrap();
            let id = layout_image_id(&dir, tag);
            // Podman's name for a layout directory: localhost/PATH, tagged.
            want.insert((id, format!("localhost{}:{tag}", dir.display())));
        }
        let got: BTreeSet<_> = r.images().into_iter().filter(|(_, n)| n.contains(&format!("/oci/{name}:"))).collect();
        assert_eq!(got, want, "{name}: {out}");
    }

    // A docker-archive written by skopeo (layers as uncompressed tars, names in RepoTags).
    let ml_id = layout_image_id(&bed.fixtures.join("oci/multilayer"), "latest");
    let tmp = bed.root_tempdir("archives-skopeo");
    let file = tmp.path().join("sk.tar");
    run_ok(bed.root_command("skopeo").args([
        "copy",
        "-q",
        &format!("oci:{}:latest", bed.fixtures.join("oci/multilayer").display()),
        &format!("docker-archive:{}:foo/bar:v1", file.display()),
    ]));
    let r2 = Rpod::new(true, "archives-skopeo");
    let out = ok(&r2.run_stdin(&["load"], &file));
    assert_eq!(loaded_names(&out), ["docker.io/foo/bar:v1"], "{out}");
    assert_eq!(r2.images(), set(&[(&ml_id, "docker.io/foo/bar:v1")]));

    // An oci-archive written by skopeo with a full reference, and one with none.
    let bb_id = layout_image_id(&bed.fixtures.join("oci/busybox"), "latest");
    let named = tmp.path().join("named.tar");
    let anon = tmp.path().join("anon.tar");
    let src = format!("oci:{}:latest", bed.fixtures.join("oci/busybox").display());
    run_ok(bed.root_command("skopeo").args([
        "copy",
        "-q",
        &src,
        &format!("oci-archive:{}:quay.io/x/y:z", named.display()),
    ]));
    run_ok(bed.root_command("skopeo").args(["copy", "-q", &src, &format!("oci-archive:{}", anon.display())]));
    let r3 = Rpod::new(false, "archives-skopeo-oci");
    assert_eq!(ok(&r3.run(&["load", "-q", "-i", named.to_str().unwrap()])), "Loaded image: quay.io/x/y:z\n");
    assert_eq!(ok(&r3.run_stdin(&["load", "-q"], &anon)), format!("Loaded image: sha256:{bb_id}\n"));
    assert_eq!(r3.images(), set(&[(&bb_id, "quay.io/x/y:z")]));
}

// ---------------------------------------------------------------------------
// import

/// A small root filesystem tarball.
fn rootfs_tar(path: &Path) {
    let mut b = tar::Builder::new(File::create(path).unwrap());
    let mut dir = tar::Header::new_ustar();
    dir.set_entry_type(tar::EntryType::Directory);
    dir.set_mode(0o755);
    dir.set_size(0);
    dir.set_uid(0);
    dir.set_gid(0);
    dir.set_mtime(1_700_000_000);
    b.append_data(&mut dir, "bin/", std::io::empty()).unwrap();
    let data = b"#!/bin/sh\necho hello\n";
    let mut f = tar::Header::new_ustar();
    f.set_mode(0o755);
    f.set_size(data.len() as u64);
    f.set_uid(0);
    f.set_gid(0);
    f.set_mtime(1_700_000_000);
    b.append_data(&mut f, "bin/hello", &data[..]).unwrap();
    b.into_inner().unwrap().flush().unwrap();
}

fn import(rootless: bool) {
    let r = Rpod::new(rootless, "archives-import");
    let tarball = r.path("rootfs.tar");
    rootfs_tar(&tarball);
    let out = r.run(&[
        "import",
        "--change",
        r#"CMD ["/bin/sh"]"#,
        "-c",
        "ENV A=1",
        "-c",
        "WORKDIR=/srv",
        "-c",
        "LABEL a=b",
        "-c",
        "EXPOSE 8080",
        "-m",
        "made by a test",
        tarball.to_str().unwrap(),
        "imported",
    ]);
    let stdout = ok(&out);
    let id = stdout.trim().strip_prefix("sha256:").unwrap_or_else(|| panic!("{}", describe(&out))).to_string();
    assert_eq!(id.len(), 64);
    assert_eq!(r.images(), set(&[(&id, "localhost/imported:latest")]));
    let inspect: Value = serde_json::from_str(&ok(&r.run(&["image", "inspect", "imported"]))).unwrap();
    let img = &inspect[0];
    assert_eq!(img["Config"]["Cmd"], serde_json::json!(["/bin/sh"]));
    assert_eq!(img["Config"]["Env"], serde_json::json!(["A=1"]));
    assert_eq!(img["Config"]["WorkingDir"], "/srv");
    assert_eq!(img["Config"]["Labels"]["a"], "b");
    assert_eq!(img["Config"]["ExposedPorts"], serde_json::json!({"8080/tcp": {}}));
    assert_eq!(img["Comment"], "made by a test");
    assert_eq!(img["Os"], "linux");
    assert_eq!(
        img["RootFS"]["Layers"],
        serde_json::json!([format!("sha256:{}", sha256_hex(&fs::read(&tarball).unwrap()))])
    );

    // gzip'd, from standard input, no name; -q prints only the ID.
    let gz = r.path("rootfs.tar.gz");
    gzip_file(&tarball, &gz);
    let out = r.run_stdin(&["import", "-q", "-"], &gz);
    let id2 = ok(&out).trim().trim_start_matches("sha256:").to_string();
    assert!(out.stderr.is_empty(), "{}", describe(&out));
    assert!(r.images().contains(&(id2, "<none>:<none>".to_string())));

    // Not a tarball; a bad change: 125, nothing stored.
    let before = r.images();
    let junk = r.path("junk");
    fs::write(&junk, b"this is not a tar archive, not at all, no\n".repeat(30)).unwrap();
    let err = fails_with(&r.run(&["import", junk.to_str().unwrap(), "junk"]), &["not a tar archive"]);
    assert!(!err.contains("not at all"), "the file's bytes are not printed: {err}");
    fails_with(&r.run(&["import", "-c", "RUN make", tarball.to_str().unwrap()]), &["RUN is not supported"]);
    assert_eq!(r.images(), before);
}

#[test]
fn import_rootfs_with_changes_rootless() {
    import(true);
}

#[test]
fn import_rootfs_with_changes_as_root() {
    import(false);
}

// ---------------------------------------------------------------------------
// push

fn push(rootless: bool, compression: &str) {
    let bed = Bed::get();
    let who = if rootless { "user" } else { "root" };
    let r = Rpod::new(rootless, "archives-push");
    let ml_id = r.pull(&bed.image("multilayer", "latest"));
    let dest = format!("{}/archives/pushed-{who}-{compression}-{}:v1", bed.registry, std::process::id());
    let out = r.run(&[
        "push",
        "--tls-verify=false",
        "--compression-format",
        compression,
        &bed.image("multilayer", "latest"),
        &format!("docker://{dest}"),
    ]);
    ok(&out);
    assert!(text(&out.stderr).contains("Writing manifest to image destination"), "{}", describe(&out));

    // skopeo reads it: the config is the image's, the layers compressed as asked.
    let raw = run_ok(bed.root_command("skopeo").args([
        "inspect",
        "--raw",
        "--tls-verify=false",
        &format!("docker://{dest}"),
    ]));
    let manifest: Value = serde_json::from_slice(&raw.stdout).unwrap();
    assert_eq!(manifest["config"]["digest"], format!("sha256:{ml_id}"), "{manifest}");
    for l in manifest["layers"].as_array().unwrap() {
        assert!(l["mediaType"].as_str().unwrap().ends_with(&format!("+{compression}")), "{manifest}");
    }
    let info = run_ok(bed.root_command("skopeo").args(["inspect", "--tls-verify=false", &format!("docker://{dest}")]));
    let info: Value = serde_json::from_slice(&info.stdout).unwrap();
    assert_eq!(info["Layers"].as_array().unwrap().len(), 5);
    let tmp = bed.root_tempdir("archives-push-oci");
    let layout = tmp.path().join("copy");
    run_ok(bed.root_command("skopeo").args([
        "copy",
        "-q",
        "--src-tls-verify=false",
        &format!("docker://{dest}"),
        &format!("oci:{}:v1", layout.display()),
    ]));
    assert_eq!(layout_image_id(&layout, "v1"), ml_id);

    // Pushing again uploads nothing new.
    let out = r.run(&[
        "push",
        "--tls-verify=false",
        "--compression-format",
        compression,
        &bed.image("multilayer", "latest"),
        &dest,
    ]);
    assert_eq!(text(&out.stderr).matches("skipped: already exists").count(), 5, "{}", describe(&out));

    // A pull into a fresh store gives the same image.
    let fresh = Rpod::new(rootless, "archives-push-pull");
    assert_eq!(fresh.pull(&dest), ml_id);
}

#[test]
fn push_is_readable_by_skopeo_and_pulls_back_rootless() {
    push(true, "gzip");
}

#[test]
fn push_zstd_as_root() {
    push(false, "zstd");
}

#[test]
fn push_an_imported_image_under_a_new_name() {
    let bed = Bed::get();
    let r = Rpod::new(true, "archives-push-import");
    let tarball = r.path("rootfs.tar");
    rootfs_tar(&tarball);
    let id = ok(&r.run(&["import", "-q", "-c", "CMD /bin/hello", tarball.to_str().unwrap(), "localhost/mine"]))
        .trim()
        .trim_start_matches("sha256:")
        .to_string();
    let dest = format!("{}/archives/imported-{}:latest", bed.registry, std::process::id());
    ok(&r.run(&["tag", "localhost/mine", &dest]));
    ok(&r.run(&["push", "-q", "--tls-verify=false", &dest]));
    let fresh = Rpod::new(true, "archives-push-import-pull");
    assert_eq!(fresh.pull(&dest), id);
    // Unknown image, unsupported transport.
    fails_with(&r.run(&["push", "--tls-verify=false", "nosuchimage"]), &["nosuchimage"]);
    fails_with(&r.run(&["push", "localhost/mine", "oci-archive:/tmp/x.tar"]), &["not supported"]);
}

#[test]
fn push_keeps_a_docker_manifest_unless_told_otherwise() {
    let bed = Bed::get();
    let r = Rpod::new(false, "archives-push-v2s2");
    let id = r.pull(&bed.image("busybox", "v2s2"));
    let raw = |dest: &str| -> Value {
        let out = run_ok(bed.root_command("skopeo").args([
            "inspect",
            "--raw",
            "--tls-verify=false",
            &format!("docker://{dest}"),
        ]));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let dest = format!("{}/archives/v2s2-{}:kept", bed.registry, std::process::id());
    ok(&r.run(&["push", "-q", "--tls-verify=false", &bed.image("busybox", "v2s2"), &dest]));
    let m = raw(&dest);
    assert_eq!(m["mediaType"], "application/vnd.docker.distribution.manifest.v2+json", "{m}");
    assert_eq!(m["config"]["mediaType"], "application/vnd.docker.container.image.v1+json", "{m}");
    assert_eq!(m["layers"][0]["mediaType"], "application/vnd.docker.image.rootfs.diff.tar.gzip", "{m}");
    assert_eq!(m["config"]["digest"], format!("sha256:{id}"));
    let dest = format!("{}/archives/v2s2-{}:oci", bed.registry, std::process::id());
    ok(&r.run(&["push", "-q", "--tls-verify=false", "--format", "oci", &bed.image("busybox", "v2s2"), &dest]));
    let m = raw(&dest);
    assert_eq!(m["mediaType"], "application/vnd.oci.image.manifest.v1+json", "{m}");
    assert_eq!(m["layers"][0]["mediaType"], "application/vnd.oci.image.layer.v1.tar+gzip", "{m}");
    let fresh = Rpod::new(false, "archives-push-v2s2-pull");
    assert_eq!(fresh.pull(&dest), id);
}

// ---------------------------------------------------------------------------
// bad input

#[test]
fn bad_archives_exit_125_and_store_nothing() {
    let bed = Bed::get();
    let r = Rpod::new(true, "archives-bad");
    let ml = bed.fixtures.join("oci/multilayer");

    // A good archive to damage.
    let good = r.path("good.tar");
    {
        let src = Rpod::new(true, "archives-bad-src");
        src.pull(&bed.image("multilayer", "latest"));
        ok(&src.run(&[
            "save",
            "-q",
            "--format",
            "oci-archive",
            "-o",
            good.to_str().unwrap(),
            &bed.image("multilayer", "latest"),
        ]));
    }
    let bytes = fs::read(&good).unwrap();

    // Truncated, plain and gzip'd.
    let cut = r.path("cut.tar");
    fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    fails_with(&r.run(&["load", "-i", cut.to_str().unwrap()]), &["truncated"]);
    let cut_gz = r.path("cut.tar.gz");
    gzip_file(&cut, &cut_gz);
    fails_with(&r.run_stdin(&["load"], &cut_gz), &["truncated"]);
    let gz = r.path("good.tar.gz");
    gzip_file(&good, &gz);
    let gz_bytes = fs::read(&gz).unwrap();
    let gz_cut = r.path("gz-cut.tar.gz");
    fs::write(&gz_cut, &gz_bytes[..gz_bytes.len() - 100]).unwrap();
    fails_with(&r.run(&["load", "-i", gz_cut.to_str().unwrap()]), &["Error: "]);

    // A flipped byte in a layer blob of an OCI layout.
    let layout = r.path("corrupt");
    run_ok(Command::new("cp").arg("-r").arg(&ml).arg(&layout));
    let index: Value = serde_json::from_slice(&fs::read(layout.join("index.json")).unwrap()).unwrap();
    let mdigest = index["manifests"][0]["digest"].as_str().unwrap().trim_start_matches("sha256:").to_string();
    let manifest: Value =
        serde_json::from_slice(&fs::read(layout.join("blobs/sha256").join(&mdigest)).unwrap()).unwrap();
    let ldigest = manifest["layers"][2]["digest"].as_str().unwrap().to_string();
    let blob = layout.join("blobs/sha256").join(ldigest.trim_start_matches("sha256:"));
    let mut data = fs::read(&blob).unwrap();
    let mid = data.len() / 2;
    data[mid] ^= 0x55;
    fs::write(&blob, &data).unwrap();
    run_ok(Command::new("chown").arg("-R").arg(format!("{}:{}", bed.test_uid, bed.test_gid)).arg(&layout));
    fails_with(&r.run(&["load", "-i", layout.to_str().unwrap()]), &[&ldigest, "digest mismatch"]);

    // A corrupted manifest blob.
    let mpath = layout.join("blobs/sha256").join(&mdigest);
    let mut m = fs::read(&mpath).unwrap();
    m[10] ^= 1;
    fs::write(&mpath, &m).unwrap();
    fails_with(&r.run(&["load", "-i", layout.to_str().unwrap()]), &["digest mismatch"]);

    // Not an archive at all; an empty input; a tar without images.
    let junk = r.path("junk");
    fs::write(&junk, b"hello, I am not an archive\n".repeat(100)).unwrap();
    let err = fails_with(
        &r.run(&["load", "-i", junk.to_str().unwrap()]),
        &["payload does not match any of the supported image formats", "not a tar archive"],
    );
    assert!(!err.contains("hello, I am"), "the file's bytes are not printed: {err}");
    let empty = r.path("empty");
    fs::write(&empty, b"").unwrap();
    fails_with(&r.run_stdin(&["load"], &empty), &["not an image archive"]);
    let plain = r.path("plain.tar");
    rootfs_tar(&plain);
    fails_with(&r.run(&["load", "-i", plain.to_str().unwrap()]), &["not an image archive"]);
    fails_with(&r.run(&["load", "-i", r.path("missing.tar").to_str().unwrap()]), &["missing.tar"]);

    assert!(r.images().is_empty(), "a failed load stored an image: {:?}", r.images());
    // And the store works afterwards.
    let out = ok(&r.run(&["load", "-q", "-i", good.to_str().unwrap()]));
    assert_eq!(loaded_names(&out), [bed.image("multilayer", "latest")]);
}
