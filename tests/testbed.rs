//! Checks of the offline test bed itself (tests/run.sh): registries, pushed fixtures, the
//! unprivileged test user. If these fail, every other integration test is suspect.

use std::fs;
use std::path::Path;
use std::process::Command;

use rpod_testbed::bed::{run_ok, sha256_digest, Bed, FixtureEntry, OutputExt};

fn skopeo(bed: &Bed) -> Command {
    bed.root_command("skopeo")
}

/// The digest recorded for `tag` in the index.json of the OCI layout at `dir`.
fn layout_tag_digest(dir: &Path, tag: &str) -> String {
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("index.json")).expect("index.json")).unwrap();
    index["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["annotations"]["org.opencontainers.image.ref.name"] == tag)
        .unwrap_or_else(|| panic!("{} has no tag {tag}: {index}", dir.display()))["digest"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Copies `name:tag` from the plain registry into a new OCI layout `dir` (tag `tag`).
fn copy_out(bed: &Bed, f: &FixtureEntry, dir: &Path) {
    let mut cmd = skopeo(bed);
    cmd.args(["copy", "-q", "--retry-times", "2", "--preserve-digests", "--src-tls-verify=false"]);
    if f.kind == "index" {
        cmd.arg("--all");
    }
    if f.compression == "none" {
        cmd.arg("--dest-oci-accept-uncompressed-layers");
    }
    cmd.arg(format!("docker://{}", bed.image(&f.name, &f.tag))).arg(format!("oci:{}:{}", dir.display(), f.tag));
    run_ok(&mut cmd);
}

#[test]
fn every_fixture_round_trips_through_the_plain_registry() {
    let bed = Bed::get();
    let entries = bed.fixture_entries();
    assert!(!entries.is_empty(), "fixtures.json is empty");
    for f in &entries {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join(&f.name);
        copy_out(bed, f, &dir);
        assert_eq!(
            layout_tag_digest(&dir, &f.tag),
            f.digest,
            "{}:{} copied back from the registry has another digest",
            f.name,
            f.tag
        );
        // The manifest blob is there and really hashes to the digest.
        let blob = dir.join("blobs/sha256").join(f.digest.trim_start_matches("sha256:"));
        assert_eq!(sha256_digest(&fs::read(&blob).unwrap()), f.digest);
        if f.kind == "index" {
            let index: serde_json::Value = serde_json::from_slice(&fs::read(&blob).unwrap()).unwrap();
            for m in index["manifests"].as_array().unwrap() {
                let d = m["digest"].as_str().unwrap();
                assert!(
                    dir.join("blobs/sha256").join(d.trim_start_matches("sha256:")).is_file(),
                    "{}:{}: child manifest {d} was not copied",
                    f.name,
                    f.tag
                );
            }
        }
    }
}

#[test]
fn zstd_fixtures_have_zstd_layers_in_the_registry() {
    let bed = Bed::get();
    for f in bed.fixture_entries().iter().filter(|f| f.compression == "zstd" && f.kind == "manifest") {
        let out = run_ok(skopeo(bed).args([
            "inspect",
            "--raw",
            "--tls-verify=false",
            &format!("docker://{}", bed.image(&f.name, &f.tag)),
        ]));
        let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for l in m["layers"].as_array().unwrap() {
            let mt = l["mediaType"].as_str().unwrap();
            assert!(mt.ends_with("+zstd"), "{}:{} has a {mt} layer", f.name, f.tag);
        }
    }
}

#[test]
fn v2s2_variant_is_a_docker_schema2_manifest() {
    let bed = Bed::get();
    let out = run_ok(skopeo(bed).args([
        "inspect",
        "--raw",
        "--tls-verify=false",
        &format!("docker://{}", bed.image("busybox", "v2s2")),
    ]));
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(m["mediaType"], "application/vnd.docker.distribution.manifest.v2+json");
    assert_eq!(m["config"]["mediaType"], "application/vnd.docker.container.image.v1+json");
}

#[test]
fn tls_registry_needs_credentials_and_the_ca() {
    let bed = Bed::get();
    let image = format!("docker://{}", bed.image_tls("busybox", "latest"));
    let cert_dir = bed.cert_dir.to_str().unwrap();

    // Anonymous: refused.
    let out =
        bed.run_root(Path::new("skopeo"), &["inspect", "--raw", "--no-creds", "--cert-dir", cert_dir, &image], &[]);
    let err = out.stderr_str().to_lowercase();
    let out = out.assert_failure();
    assert!(
        err.contains("unauthorized") || err.contains("401") || err.contains("authentication required"),
        "anonymous access should be refused as unauthorized:\n{}",
        out.stderr_str()
    );

    // Credentials but no CA: the certificate is not trusted.
    let creds = format!("{}:{}", bed.user, bed.password);
    let empty = tempfile::tempdir().unwrap();
    let out = bed
        .run_root(
            Path::new("skopeo"),
            &["inspect", "--raw", "--creds", &creds, "--cert-dir", empty.path().to_str().unwrap(), &image],
            &[],
        )
        .assert_failure();
    assert!(out.stderr_str().contains("certificate"), "expected a certificate error:\n{}", out.stderr_str());

    // Credentials and CA: the same busybox:latest as in fixtures.json.
    let out = bed
        .run_root(Path::new("skopeo"), &["inspect", "--raw", "--creds", &creds, "--cert-dir", cert_dir, &image], &[])
        .assert_success();
    assert_eq!(sha256_digest(&out.stdout), bed.fixture("busybox", "latest").digest);

    // The CA file is a PEM certificate readable by everyone (rootless clients need it).
    let pem = fs::read_to_string(&bed.ca).unwrap();
    assert!(pem.contains("BEGIN CERTIFICATE"));
    assert!(bed.cert_dir.join("ca.crt").is_file());
}

fn sub_range(file: &str, user: &str, uid: u32) -> (u64, u64) {
    let text = fs::read_to_string(file).unwrap();
    for line in text.lines() {
        let f: Vec<&str> = line.split(':').collect();
        if f.len() == 3 && (f[0] == user || f[0] == uid.to_string()) {
            return (f[1].parse().unwrap(), f[2].parse().unwrap());
        }
    }
    panic!("{file} has no range for {user}");
}

#[test]
fn test_user_exists_with_subids_and_runs_commands() {
    let bed = Bed::get();
    assert_ne!(bed.test_uid, 0);
    for (file, own) in [("/etc/subuid", bed.test_uid), ("/etc/subgid", bed.test_gid)] {
        let (start, count) = sub_range(file, &bed.test_user, bed.test_uid);
        assert!(count >= 65536, "{file}: range of {} too small", bed.test_user);
        assert!(
            !(start..start + count).contains(&(own as u64)),
            "{file}: range of {} contains its own id",
            bed.test_user
        );
    }

    let out = bed.run_rootless(Path::new("id"), &["-u"], &[]).assert_success();
    assert_eq!(out.stdout_str().trim(), bed.test_uid.to_string());
    let out = bed.run_rootless(Path::new("id"), &["-g"], &[]).assert_success();
    assert_eq!(out.stdout_str().trim(), bed.test_gid.to_string());

    // Its environment: clean, with HOME and XDG_RUNTIME_DIR of its own (+ extra env).
    let out = bed.run_rootless(Path::new("env"), &[], &[("RPOD_X", "1")]).assert_success();
    let env = out.stdout_str();
    assert!(env.contains(&format!("HOME={}\n", bed.test_home.display())), "{env}");
    assert!(env.contains(&format!("XDG_RUNTIME_DIR={}\n", bed.test_runtime_dir.display())), "{env}");
    assert!(env.contains("RPOD_X=1\n"), "{env}");
    assert!(!env.contains("RPOD_TEST_REGISTRY"), "env leaked into the rootless command:\n{env}");

    // XDG_RUNTIME_DIR: owned by the user, 0700.
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(&bed.test_runtime_dir).unwrap();
    assert_eq!(meta.uid(), bed.test_uid);
    assert_eq!(meta.mode() & 0o777, 0o700);

    // The user can enter a user namespace mapped through newuidmap with its subuid range.
    let out = bed
        .run_rootless(Path::new("unshare"), &["--map-auto", "--map-root-user", "cat", "/proc/self/uid_map"], &[])
        .assert_success();
    let (start, _) = sub_range("/etc/subuid", &bed.test_user, bed.test_uid);
    assert!(out.stdout_str().contains(&start.to_string()), "{}", out.stdout_str());

    // ... can read the fixtures, and run the installed rpod.
    let out = bed
        .run_rootless(Path::new("cat"), &[bed.fixtures.join("fixtures.json").to_str().unwrap()], &[])
        .assert_success();
    assert!(out.stdout_str().contains("busybox"));
    let rpod = bed.install_rpod(Path::new(env!("CARGO_BIN_EXE_rpod")));
    assert_eq!(rpod, bed.install_rpod(Path::new(env!("CARGO_BIN_EXE_rpod"))));
    bed.run_rootless(&rpod, &["version"], &[]).assert_success();
}

#[test]
fn multilayer_from_the_registry_unpacks_to_the_expected_tree() {
    let bed = Bed::get();
    let f = bed.fixture("multilayer", "latest");
    let tmp = tempfile::tempdir().unwrap();
    let layout = tmp.path().join("multilayer");
    copy_out(bed, &f, &layout);
    let bundle = tmp.path().join("bundle");
    run_ok(bed.root_command("umoci").args([
        "unpack",
        "--image",
        &format!("{}:{}", layout.display(), f.tag),
        bundle.to_str().unwrap(),
    ]));
    let rootfs = bundle.join("rootfs");
    let actual = rpod_testbed::fixtures::read_tree(&rootfs).unwrap();
    let expected = fs::read_to_string(bed.fixtures.join("expected/multilayer.tree")).unwrap();
    if actual != expected {
        panic!(
            "umoci's unpacking of multilayer differs from expected/multilayer.tree:\n{}",
            rpod_testbed::fixtures::diff_trees(&expected, &actual)
        );
    }
    let mtimes = bed.fixtures.join("expected/multilayer.mtimes");
    if mtimes.is_file() {
        rpod_testbed::fixtures::check_mtimes(&rootfs, &fs::read_to_string(&mtimes).unwrap()).unwrap();
    }
}
