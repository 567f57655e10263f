//! The fixture layouts checked with independent tools: umoci extracts the
//! multilayer image and must produce exactly `expected/multilayer.tree`;
//! skopeo must accept every layout and tag.
//!
//! The tools come from Debian (`umoci`, `skopeo`; tests/bed/deps.sh installs
//! them). A missing tool fails the test: a check that is skipped is no check.

use std::fs;
use std::path::Path;
use std::process::Command;

use rpod_testbed::fixtures::{build, check_mtimes, diff_trees, read_tree, BuildOptions, FixtureEntry};

fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().map(|o| o.status.success()).unwrap_or(false);
    assert!(found, "{tool} is not installed (run tests/bed/deps.sh, or apt-get install {tool})");
    found
}

fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Replaces the `uid:gid` column with `*`.
fn mask_owners(tree: &str) -> String {
    tree.lines()
        .map(|l| {
            let mut f: Vec<&str> = l.split('\t').collect();
            if f.len() > 3 {
                f[3] = "*";
            }
            f.join("\t") + "\n"
        })
        .collect()
}

fn small(out: &Path, only: &[&str]) -> Vec<FixtureEntry> {
    build(&BuildOptions { only: Some(only.iter().map(|s| s.to_string()).collect()), ..BuildOptions::small(out) })
        .unwrap()
}

#[test]
fn umoci_extraction_matches_expected_tree() {
    if !have("umoci") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    small(out.path(), &["multilayer"]);
    let work = tempfile::tempdir().unwrap();
    let bundle = work.path().join("bundle");
    let image = format!("{}:latest", out.path().join("oci/multilayer").display());
    // As root, umoci runs in its normal mode and applies the owners from
    // the tar headers (0, 1000, 65534) with lchown, so the trees compare
    // byte for byte. Unprivileged, only --rootless works: umoci then leaves
    // every file owned by the invoking user (the tar owner is recorded in a
    // `user.rootlesscontainers` xattr, not applied), so there is no
    // constant uid/gid offset to undo and the owner column is masked.
    let rootless = !is_root();
    let mut cmd = Command::new("umoci");
    cmd.arg("unpack");
    if rootless {
        cmd.arg("--rootless");
    }
    cmd.arg("--image").arg(&image).arg(&bundle);
    run(&mut cmd);
    let rootfs = bundle.join("rootfs");
    let actual = read_tree(&rootfs).unwrap();
    let expected = fs::read_to_string(out.path().join("expected/multilayer.tree")).unwrap();
    let (actual, expected) = if rootless { (mask_owners(&actual), mask_owners(&expected)) } else { (actual, expected) };
    let diff = diff_trees(&expected, &actual);
    assert!(diff.is_empty(), "umoci's extraction differs from expected/multilayer.tree:\n{diff}");
    assert_eq!(actual, expected);
    let mtimes = fs::read_to_string(out.path().join("expected/multilayer.mtimes")).unwrap();
    assert!(!mtimes.is_empty());
    check_mtimes(&rootfs, &mtimes).unwrap();
}

#[test]
fn skopeo_reads_every_tag() {
    if !have("skopeo") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let entries = small(out.path(), &["busybox", "hello", "multilayer"]);
    let dest = tempfile::tempdir().unwrap();
    for (i, e) in entries.iter().enumerate() {
        let src = e.oci_ref(out.path());
        // --raw: the manifest (or index) exactly as stored; digest must match
        let raw = run(Command::new("skopeo").args(["inspect", "--raw", &src]));
        let digest = format!("sha256:{}", {
            use sha2::Digest;
            let h = sha2::Sha256::digest(raw.as_bytes());
            h.iter().map(|b| format!("{b:02x}")).collect::<String>()
        });
        assert_eq!(digest, e.digest, "{src}");
        // a full copy verifies every blob digest along the way
        let target = format!("oci:{}:{}", dest.path().join(format!("c{i}")).display(), e.tag);
        let mut cmd = Command::new("skopeo");
        cmd.args(["copy", "--quiet", "--preserve-digests", "--dest-oci-accept-uncompressed-layers"]);
        if e.kind == "index" {
            cmd.arg("--all");
        }
        cmd.args([&src, &target]);
        run(&mut cmd);
        let copied = run(Command::new("skopeo").args(["inspect", "--raw", &target]));
        assert_eq!(copied, raw, "{src}: copy is not byte-identical");
    }
    // each platform of the hello index resolves to its own config
    let src = entries.iter().find(|e| e.name == "hello" && e.tag == "latest").unwrap().oci_ref(out.path());
    for (arch, variant) in [("amd64", None), ("arm64", Some("v8"))] {
        let mut cmd = Command::new("skopeo");
        cmd.args(["--override-arch", arch]);
        if let Some(v) = variant {
            cmd.args(["--override-variant", v]);
        }
        let cfg: serde_json::Value = serde_json::from_str(&run(cmd.args(["inspect", "--config", &src]))).unwrap();
        assert_eq!(cfg["architecture"], arch);
        assert_eq!(cfg["config"]["Cmd"][0], "/hello");
        if let Some(v) = variant {
            assert_eq!(cfg["variant"], v);
        }
    }
}
