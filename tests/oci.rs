//! `rpod oci` (the hidden OCI runtime command line), as root: bundles made
//! by `rpod oci spec` / `runc spec` with a rootfs of Debian's static
//! busybox; the OCI lifecycle; the same bundle under runc gives the same
//! output (runc runs rootless, as nobody, so it makes no cgroups).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const NOBODY: u32 = 65534;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

#[track_caller]
fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

struct Oci {
    dir: tempfile::TempDir,
}

impl Oci {
    fn new() -> Oci {
        let dir = tempfile::Builder::new().prefix("rpod-oci-test").tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        Oci { dir }
    }

    fn state_root(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_rpod"));
        c.arg("oci").arg("--root").arg(self.state_root()).args(args);
        c
    }

    fn rpod(&self, args: &[&str]) -> Output {
        self.cmd(args).stdin(Stdio::null()).output().unwrap()
    }

    /// A bundle `name` whose rootfs is /bin/busybox plus a few applet
    /// links; `config` is edited by `edit`.
    fn bundle(&self, name: &str, config: Value, edit: impl FnOnce(&mut Value)) -> PathBuf {
        let b = self.dir.path().join(name);
        let bin = b.join("rootfs/bin");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::copy("/bin/busybox", bin.join("busybox")).unwrap();
        for applet in ["sh", "echo", "sleep", "id", "hostname", "cat", "true", "ls"] {
            std::os::unix::fs::symlink("busybox", bin.join(applet)).unwrap();
        }
        let mut config = config;
        config["process"]["terminal"] = Value::Bool(false);
        edit(&mut config);
        std::fs::write(b.join("config.json"), serde_json::to_vec_pretty(&config).unwrap()).unwrap();
        b
    }

    /// `rpod oci spec` in a scratch dir, parsed.
    fn spec(&self, rootless: bool) -> Value {
        let d = self.dir.path().join(if rootless { "spec-rootless" } else { "spec-root" });
        std::fs::create_dir_all(&d).unwrap();
        let mut args = vec!["spec", "--bundle", d.to_str().unwrap()];
        if rootless {
            args.push("--rootless");
        }
        ok(self.rpod(&args));
        // A second spec into the same dir refuses to overwrite.
        assert!(!self.rpod(&args).status.success());
        serde_json::from_slice(&std::fs::read(d.join("config.json")).unwrap()).unwrap()
    }

    fn status(&self, id: &str) -> String {
        let v: Value = serde_json::from_str(&ok(self.rpod(&["state", id]))).unwrap();
        v["status"].as_str().unwrap().to_string()
    }
}

fn busybox_ok() -> bool {
    let ok = Path::new("/bin/busybox").exists() && is_root();
    if !ok {
        eprintln!("skipped: needs root and Debian's static /bin/busybox");
    }
    ok
}

#[test]
fn run_prints_and_passes_the_exit_code() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let spec = t.spec(false);
    assert_eq!(spec["process"]["args"], serde_json::json!(["sh"]));
    let b = t.bundle("hi", spec.clone(), |c| c["process"]["args"] = serde_json::json!(["echo", "hi"]));
    assert_eq!(ok(t.rpod(&["run", "--bundle", b.to_str().unwrap(), "hi"])), "hi\n");
    // The state is gone after run.
    assert!(!t.rpod(&["state", "hi"]).status.success());
    let b = t.bundle("three", spec, |c| c["process"]["args"] = serde_json::json!(["sh", "-c", "exit 3"]));
    assert_eq!(t.rpod(&["run", "-b", b.to_str().unwrap(), "three"]).status.code(), Some(3));
    let b = t.bundle("nf", t.spec(true), |c| c["process"]["args"] = serde_json::json!(["no-such-cmd"]));
    let out = t.rpod(&["run", "-b", b.to_str().unwrap(), "nf"]);
    assert_eq!(out.status.code(), Some(127), "{}", text(&out.stderr));
}

#[test]
fn lifecycle_create_start_state_kill_delete() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let b = t.bundle("life", t.spec(false), |c| {
        c["process"]["args"] = serde_json::json!(["sleep", "30"]);
        c["annotations"] = serde_json::json!({"org.example.k": "v"});
    });
    let pid_file = t.dir.path().join("pid");
    // The container keeps create's stdio: give it no pipe to hold open.
    let st = t
        .cmd(&["create", "--bundle", b.to_str().unwrap(), "--pid-file", pid_file.to_str().unwrap(), "life"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    let state: Value = serde_json::from_str(&ok(t.rpod(&["state", "life"]))).unwrap();
    assert_eq!(state["status"], "created", "{state}");
    assert_eq!(state["id"], "life");
    assert_eq!(state["ociVersion"].as_str().unwrap().split('.').next(), Some("1"));
    assert_eq!(state["bundle"], b.canonicalize().unwrap().to_str().unwrap());
    assert_eq!(state["annotations"]["org.example.k"], "v");
    let pid = state["pid"].as_i64().unwrap();
    assert_eq!(std::fs::read_to_string(&pid_file).unwrap().trim(), pid.to_string());
    // Wrong states: a second create with the ID, delete without -f, kill with a bad signal.
    assert!(!t.rpod(&["create", "--bundle", b.to_str().unwrap(), "life"]).status.success());
    assert!(!t.rpod(&["delete", "life"]).status.success());
    assert!(!t.rpod(&["kill", "life", "NOPE"]).status.success());

    ok(t.rpod(&["start", "life"]));
    assert_eq!(t.status("life"), "running");
    assert!(!t.rpod(&["start", "life"]).status.success(), "start twice");
    // exec in the running container.
    let out =
        t.cmd(&["exec", "life", "--", "sh", "-c", "echo $$ inside; exit 4"]).stdin(Stdio::null()).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with(" inside\n"));

    ok(t.rpod(&["kill", "life", "KILL"]));
    let deadline = Instant::now() + Duration::from_secs(10);
    while t.status("life") != "stopped" {
        assert!(Instant::now() < deadline, "still {} after SIGKILL", t.status("life"));
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!t.rpod(&["kill", "life"]).status.success(), "kill of a stopped container");
    assert!(!t.rpod(&["start", "life"]).status.success(), "start of a stopped container");
    ok(t.rpod(&["delete", "life"]));
    assert!(!t.rpod(&["state", "life"]).status.success());
    assert!(!t.rpod(&["delete", "life"]).status.success());

    // delete -f of a created container kills it.
    let st = t
        .cmd(&["create", "-b", b.to_str().unwrap(), "gated"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    assert_eq!(t.status("gated"), "created");
    let pid: Value = serde_json::from_str(&ok(t.rpod(&["state", "gated"]))).unwrap();
    let pid = pid["pid"].as_i64().unwrap();
    ok(t.rpod(&["delete", "-f", "gated"]));
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    assert!(stat.is_empty() || stat.contains(") Z "), "init of a force-deleted container lives on: {stat}");
    assert_eq!(std::fs::read_dir(t.state_root()).unwrap().count(), 0, "state left behind");
}

#[test]
fn a_runc_spec_bundle_gives_the_same_output_as_runc() {
    if !busybox_ok() {
        return;
    }
    if Command::new("runc").arg("--version").output().is_err() {
        eprintln!("skipped: runc is not installed");
        return;
    }
    let t = Oci::new();
    let script = "echo hi; echo pid $$; id -u; hostname; cat /proc/self/uid_map | wc -l";
    // `runc spec --rootless` (runc runs rootless as nobody: no cgroups made on this host).
    let gen = t.dir.path().join("runc-spec");
    std::fs::create_dir_all(&gen).unwrap();
    ok(Command::new("runc").args(["spec", "--rootless", "--bundle", gen.to_str().unwrap()]).output().unwrap());
    let spec: Value = serde_json::from_slice(&std::fs::read(gen.join("config.json")).unwrap()).unwrap();
    let b = t.bundle("same", spec.clone(), |c| {
        c["process"]["args"] = serde_json::json!(["sh", "-c", script]);
        c["linux"]["uidMappings"][0]["hostID"] = NOBODY.into();
        c["linux"]["gidMappings"][0]["hostID"] = NOBODY.into();
    });
    // runc runs as nobody, mapped to root in its user namespace: the
    // bundle must be nobody's so it can create mount points in it.
    ok(Command::new("chown").args(["-R", "65534:65534"]).arg(&b).output().unwrap());
    let runc_root = t.dir.path().join("runc-root");
    std::fs::create_dir_all(&runc_root).unwrap();
    std::os::unix::fs::chown(&runc_root, Some(NOBODY), Some(NOBODY)).unwrap();
    let runc = ok(Command::new("setpriv")
        .args(["--reuid", "65534", "--regid", "65534", "--clear-groups", "--", "runc", "--root"])
        .arg(&runc_root)
        .args(["run", "--bundle", b.to_str().unwrap(), "same"])
        .env_clear()
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .current_dir("/")
        .stdin(Stdio::null())
        .output()
        .unwrap());
    assert_eq!(runc, "hi\npid 1\n0\nrunc\n1\n");
    let rpod = ok(t.rpod(&["run", "--bundle", b.to_str().unwrap(), "same"]));
    assert_eq!(rpod, runc);
    // And a root bundle from `runc spec` (run by rpod only: runc as root would make cgroups).
    let gen = t.dir.path().join("runc-spec-root");
    std::fs::create_dir_all(&gen).unwrap();
    ok(Command::new("runc").args(["spec", "--bundle", gen.to_str().unwrap()]).output().unwrap());
    let spec: Value = serde_json::from_slice(&std::fs::read(gen.join("config.json")).unwrap()).unwrap();
    let b = t.bundle("root", spec, |c| {
        c["process"]["args"] = serde_json::json!(["sh", "-c", "echo hi; echo pid $$; hostname"])
    });
    assert_eq!(ok(t.rpod(&["run", "--bundle", b.to_str().unwrap(), "root"])), "hi\npid 1\nrunc\n");
}

/// The unprivileged test user runs a bundle from `rpod oci spec --rootless`
/// (its own ID mapped to root), through the whole create/start/state/delete
/// cycle.
#[test]
fn rootless_user_runs_a_rootless_bundle() {
    use rpod_testbed::bed::{describe, output_with_timeout, Bed};
    if !busybox_ok() {
        return;
    }
    let bed = Bed::get();
    let rpod = bed.install_rpod(Path::new(env!("CARGO_BIN_EXE_rpod")));
    let dir = bed.user_tempdir("oci-rootless");
    let b = dir.path().join("bundle");
    let bin = b.join("rootfs/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::copy("/bin/busybox", bin.join("busybox")).unwrap();
    for applet in ["sh", "id", "cat", "sleep"] {
        std::os::unix::fs::symlink("busybox", bin.join(applet)).unwrap();
    }
    ok(Command::new("chown").args(["-R", &format!("{}:{}", bed.test_uid, bed.test_gid)]).arg(&b).output().unwrap());
    let state = dir.path().join("state");
    let user = |args: &[&str]| {
        let mut c = bed.rootless_command(&rpod);
        c.arg("oci").arg("--root").arg(&state).args(args);
        output_with_timeout(&mut c, std::time::Duration::from_secs(60))
    };
    let out = user(&["spec", "--rootless", "--bundle", b.to_str().unwrap()]);
    assert!(out.status.success(), "{}", describe(&out));
    let mut spec: Value = serde_json::from_slice(&std::fs::read(b.join("config.json")).unwrap()).unwrap();
    assert_eq!(spec["linux"]["uidMappings"][0]["hostID"], bed.test_uid);
    spec["process"]["terminal"] = Value::Bool(false);
    spec["process"]["args"] = serde_json::json!(["sh", "-c", "id -u; cat /proc/self/uid_map | wc -l; exit 4"]);
    std::fs::write(b.join("config.json"), serde_json::to_vec(&spec).unwrap()).unwrap();
    let _ = Command::new("chown").arg(format!("{}:{}", bed.test_uid, bed.test_gid)).arg(b.join("config.json")).status();
    let out = user(&["run", "--bundle", b.to_str().unwrap(), "r1"]);
    assert_eq!(out.status.code(), Some(4), "{}", describe(&out));
    assert_eq!(text(&out.stdout), "0\n1\n");
    // create / state / start / delete.
    spec["process"]["args"] = serde_json::json!(["sleep", "100"]);
    std::fs::write(b.join("config.json"), serde_json::to_vec(&spec).unwrap()).unwrap();
    let out = user(&["create", "--bundle", b.to_str().unwrap(), "r2"]);
    assert!(out.status.success(), "{}", describe(&out));
    let st: Value = serde_json::from_slice(&user(&["state", "r2"]).stdout).unwrap();
    assert_eq!(st["status"], "created");
    assert!(user(&["start", "r2"]).status.success());
    let st: Value = serde_json::from_slice(&user(&["state", "r2"]).stdout).unwrap();
    assert_eq!(st["status"], "running");
    assert!(user(&["kill", "r2", "KILL"]).status.success());
    let start = std::time::Instant::now();
    loop {
        let st: Value = serde_json::from_slice(&user(&["state", "r2"]).stdout).unwrap();
        if st["status"] == "stopped" {
            break;
        }
        assert!(start.elapsed().as_secs() < 10, "{st}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(user(&["delete", "r2"]).status.success());
    assert!(!user(&["state", "r2"]).status.success());
}

/// `linux.resources` limits and `linux.cgroupsPath` are applied through the
/// cgroup v2 manager or refused with the reason: on a host without a usable
/// cgroup v2 hierarchy (hybrid, like the CI host) create fails, naming how
/// to get one, and leaves nothing behind; on a unified host the cgroup is
/// made at the path with the limit, the init is in it, delete removes it.
#[test]
fn create_applies_or_refuses_cgroups_path_and_resources() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let path = format!("/rpod-oci-test-{}", std::process::id());
    let spec = t.spec(false);
    let b = t.bundle("lim", spec.clone(), |c| {
        c["process"]["args"] = serde_json::json!(["sleep", "30"]);
        c["linux"]["cgroupsPath"] = path.clone().into();
        c["linux"]["resources"]["memory"] = serde_json::json!({"limit": 33554432});
    });
    // The container keeps create's stdio: stderr goes to a file, not a pipe.
    let err_file = t.dir.path().join("create.err");
    let out = t
        .cmd(&["create", "--bundle", b.to_str().unwrap(), "lim"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err_file).unwrap())
        .output()
        .unwrap();
    let stderr = std::fs::read_to_string(&err_file).unwrap();
    let info = rpod_runtime::cgroups::detect(false);
    if info.layout != rpod_runtime::cgroups::Layout::Unified || !info.controllers.iter().any(|c| c == "memory") {
        if out.status.success() {
            let _ = t.rpod(&["delete", "-f", "lim"]);
        }
        assert_eq!(out.status.code(), Some(125), "create with a memory limit on a {:?} host: {stderr}", info.layout);
        let err = stderr;
        assert!(err.contains("linux.cgroupsPath/linux.resources") && err.contains("cgroup_no_v1=all"), "{err}");
        assert!(!t.rpod(&["state", "lim"]).status.success(), "state left behind");
        // A cgroupsPath alone is not dropped either.
        let b = t.bundle("path", spec, |c| c["linux"]["cgroupsPath"] = path.clone().into());
        let out = t.rpod(&["run", "--bundle", b.to_str().unwrap(), "path"]);
        assert_eq!(out.status.code(), Some(125), "{}", text(&out.stderr));
        return;
    }
    assert!(out.status.success(), "{stderr}");
    let dir = info.v2_mount.unwrap().join(path.trim_start_matches('/'));
    assert_eq!(std::fs::read_to_string(dir.join("memory.max")).unwrap().trim(), "33554432");
    let state: Value = serde_json::from_str(&ok(t.rpod(&["state", "lim"]))).unwrap();
    let procs = std::fs::read_to_string(dir.join("cgroup.procs")).unwrap();
    let pid = state["pid"].to_string();
    assert!(procs.split_whitespace().any(|p| p == pid), "{procs}");
    ok(t.rpod(&["delete", "-f", "lim"]));
    assert!(!dir.exists(), "cgroup left behind");
}

/// SELinux labels and AppArmor profiles are refused where the LSM is not
/// enabled, never ignored.
#[test]
fn lsm_settings_are_refused_not_ignored() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let spec = t.spec(false);
    for (name, field, edit) in [
        (
            "se",
            "process.selinuxLabel",
            serde_json::json!({"process": {"selinuxLabel": "system_u:system_r:container_t:s0"}}),
        ),
        (
            "ml",
            "linux.mountLabel",
            serde_json::json!({"linux": {"mountLabel": "system_u:object_r:container_file_t:s0"}}),
        ),
        ("aa", "process.apparmorProfile", serde_json::json!({"process": {"apparmorProfile": "rpod-default"}})),
    ] {
        let b = t.bundle(name, spec.clone(), |c| {
            c["process"]["args"] = serde_json::json!(["true"]);
            for (k, v) in edit.as_object().unwrap() {
                for (k2, v2) in v.as_object().unwrap() {
                    c[k][k2] = v2.clone();
                }
            }
        });
        let out = t.rpod(&["run", "--bundle", b.to_str().unwrap(), name]);
        assert_eq!(out.status.code(), Some(125), "{field} was ignored: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains(field), "{}", text(&out.stderr));
    }
}

/// Mounts are made in the order the config lists them (the kernel lists a
/// namespace's mounts in the order they were made): a bind mount without a
/// `type` used to be made before every tmpfs, /proc and /dev.
#[test]
fn mounts_are_made_in_the_listed_order() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let b = t.bundle("order", t.spec(false), |c| {
        c["process"]["args"] = serde_json::json!(["cat", "/proc/self/mountinfo"]);
        let mounts = c["mounts"].as_array_mut().unwrap();
        mounts.push(serde_json::json!({"destination": "/m1", "type": "tmpfs", "source": "tmpfs"}));
        mounts.push(serde_json::json!({"destination": "/m2", "source": "/etc", "options": ["bind"]}));
        mounts.push(serde_json::json!({"destination": "/m3", "type": "tmpfs", "source": "tmpfs"}));
        mounts.push(serde_json::json!({"destination": "/m4", "source": "/etc", "options": ["rbind", "ro"]}));
    });
    let config: Value = serde_json::from_slice(&std::fs::read(b.join("config.json")).unwrap()).unwrap();
    let listed: Vec<String> =
        config["mounts"].as_array().unwrap().iter().map(|m| m["destination"].as_str().unwrap().to_string()).collect();
    let info = ok(t.rpod(&["run", "--bundle", b.to_str().unwrap(), "order"]));
    // The mount points in mountinfo's order, first occurrence, restricted to the listed ones.
    let mut seen: Vec<String> = Vec::new();
    for line in info.lines() {
        let point = line.split_whitespace().nth(4).unwrap_or("").to_string();
        if listed.contains(&point) && !seen.contains(&point) {
            seen.push(point);
        }
    }
    let expected: Vec<String> = listed.iter().filter(|d| seen.contains(d)).cloned().collect();
    assert!(seen.len() >= 6, "listed mounts missing: {seen:?}\n{info}");
    assert_eq!(seen, expected, "\n{info}");
}

/// A config without a mount namespace inherits the caller's (the spec's
/// rule for every namespace type): the init only chroots, exec follows it
/// into that root, and what would need mounting is refused.
#[test]
fn no_mount_namespace_unless_asked() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let spec = t.spec(false);
    let no_mnt = |c: &mut Value| {
        c["linux"]["namespaces"].as_array_mut().unwrap().retain(|n| n["type"] != "mount");
    };
    let b = t.bundle("refused", spec.clone(), |c| {
        no_mnt(c);
        c["process"]["args"] = serde_json::json!(["true"]);
    });
    let out = t.rpod(&["run", "--bundle", b.to_str().unwrap(), "refused"]);
    assert_eq!(out.status.code(), Some(125), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("needs a mount namespace"), "{}", text(&out.stderr));

    let b = t.bundle("chroot", spec, |c| {
        no_mnt(c);
        c["process"]["args"] = serde_json::json!(["sleep", "30"]);
        c["mounts"] = serde_json::json!([]);
        c["root"]["readonly"] = false.into();
        c["linux"].as_object_mut().unwrap().remove("maskedPaths");
        c["linux"].as_object_mut().unwrap().remove("readonlyPaths");
    });
    let st = t
        .cmd(&["create", "--bundle", b.to_str().unwrap(), "chroot"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    let state: Value = serde_json::from_str(&ok(t.rpod(&["state", "chroot"]))).unwrap();
    let pid = state["pid"].as_i64().unwrap();
    let theirs = std::fs::read_link(format!("/proc/{pid}/ns/mnt")).unwrap();
    let ours = std::fs::read_link("/proc/self/ns/mnt").unwrap();
    let root = std::fs::read_link(format!("/proc/{pid}/root")).unwrap();
    ok(t.rpod(&["start", "chroot"]));
    let listing = t.cmd(&["exec", "chroot", "--", "ls", "/"]).stdin(Stdio::null()).output().unwrap();
    ok(t.rpod(&["delete", "-f", "chroot"]));
    assert_eq!(theirs, ours, "the container got a mount namespace of its own");
    assert_eq!(root, b.join("rootfs").canonicalize().unwrap());
    assert_eq!(ok(listing), "bin\n", "exec did not follow the container's root");
}

/// The state root is the caller's own and private (issue 12): a `--root`
/// another user owns or can write into is refused; the rootless default
/// is in rpod's private run directory, never `/tmp/rpod-oci-$UID` (which
/// another local user could make first, with a forged `state.json`); a
/// container's directory is 0700 and its start fifo 0622 whatever the
/// umask.
#[test]
fn state_root_is_private_and_checked() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    use rpod_testbed::bed::{describe, output_with_timeout, Bed};
    if !busybox_ok() {
        return;
    }
    let bed = Bed::get();
    let t = Oci::new();
    let root = t.state_root();
    std::fs::create_dir(&root).unwrap();
    std::os::unix::fs::chown(&root, Some(bed.test_uid), Some(bed.test_gid)).unwrap();
    let out = t.rpod(&["state", "x"]);
    assert!(!out.status.success() && text(&out.stderr).contains("owned by uid"), "{}", describe(&out));
    std::os::unix::fs::chown(&root, Some(0), Some(0)).unwrap();
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = t.rpod(&["state", "x"]);
    assert!(!out.status.success() && text(&out.stderr).contains("lets other users write"), "{}", describe(&out));
    std::fs::remove_dir(&root).unwrap();

    // Whatever the umask: the container's directory 0700, the fifo 0622.
    let b = t.bundle("um", t.spec(false), |c| c["process"]["args"] = serde_json::json!(["true"]));
    let line = format!(
        "umask 0277; exec {} oci --root {} create --bundle {} um",
        env!("CARGO_BIN_EXE_rpod"),
        root.display(),
        b.display()
    );
    let st = Command::new("sh").args(["-c", &line]).stdin(Stdio::null()).stdout(Stdio::null()).status().unwrap();
    assert!(st.success());
    let mode = |p: &Path| std::fs::symlink_metadata(p).unwrap().mode() & 0o7777;
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("um")), 0o700);
    assert_eq!(mode(&root.join("um/exec.fifo")), 0o622);
    assert_eq!(mode(&root.join("um/state.json")), 0o600);
    ok(t.rpod(&["delete", "-f", "um"]));

    // Rootless without XDG_RUNTIME_DIR: a state another user planted where
    // the old default was is not read.
    let rpod = bed.install_rpod(Path::new(env!("CARGO_BIN_EXE_rpod")));
    let planted = PathBuf::from(format!("/tmp/rpod-oci-{}", bed.test_uid));
    let _ = std::fs::remove_dir_all(&planted);
    std::fs::create_dir_all(planted.join("forged")).unwrap();
    let forged = serde_json::json!({"id": "forged", "pid": 1, "bundle": "/", "start_time": 0, "created": "now"});
    std::fs::write(planted.join("forged/state.json"), forged.to_string()).unwrap();
    let mut c = bed.rootless_command(&rpod);
    c.env_remove("XDG_RUNTIME_DIR").args(["oci", "state", "forged"]);
    let out = output_with_timeout(&mut c, Duration::from_secs(30));
    let _ = std::fs::remove_dir_all(&planted);
    assert!(!out.status.success() && text(&out.stderr).contains("does not exist"), "{}", describe(&out));
    let private = PathBuf::from(format!("/tmp/rpod-run-{}", bed.test_uid));
    assert_eq!(mode(&private), 0o700);
    assert_eq!(std::fs::metadata(&private).unwrap().uid(), bed.test_uid);
}
