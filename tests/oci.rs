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
fn preserve_fds_reach_the_process() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let b =
        t.bundle("fds", t.spec(false), |c| c["process"]["args"] = serde_json::json!(["sh", "-c", "cat <&3; cat <&4"]));
    let (three, four) = (t.dir.path().join("three"), t.dir.path().join("four"));
    std::fs::write(&three, "from three\n").unwrap();
    std::fs::write(&four, "from four\n").unwrap();
    // The descriptors 3 and 4 opened by a shell that then becomes rpod.
    let shell = |n: &str, id: &str| {
        let rpod = t.cmd(&["run", "--preserve-fds", n, "-b", b.to_str().unwrap(), id]);
        let mut sh = Command::new("/bin/sh");
        sh.args(["-c", "exec 3<\"$1\" 4<\"$2\"; shift 2; exec \"$@\"", "sh"]).arg(&three).arg(&four);
        sh.arg(rpod.get_program()).args(rpod.get_args());
        sh.stdin(Stdio::null()).output().unwrap()
    };
    assert_eq!(ok(shell("2", "fds")), "from three\nfrom four\n");
    // Without --preserve-fds the process does not get them.
    let out = shell("0", "fds0");
    assert_ne!(out.status.code(), Some(0), "{}", text(&out.stdout));
    // More than were passed: Podman's message, exit 125, nothing made.
    let out = shell("3", "fds3");
    assert_eq!(out.status.code(), Some(125), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("file descriptor 5 is not available"), "{}", text(&out.stderr));
    assert!(!t.rpod(&["state", "fds3"]).status.success());
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

/// crun's mount extensions that change what is mounted (`tmpcopyup`, `idmap`,
/// `ridmap`) are refused by name, never skipped.
#[test]
fn mount_extensions_rpod_lacks_are_refused_not_ignored() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let spec = t.spec(false);
    for (name, typ, opt) in [("tc", "tmpfs", "tmpcopyup"), ("im", "bind", "idmap"), ("ri", "bind", "ridmap")] {
        let b = t.bundle(name, spec.clone(), |c| {
            c["process"]["args"] = serde_json::json!(["true"]);
            let src = if typ == "bind" { "/tmp" } else { "tmpfs" };
            let mut opts = vec![opt];
            if typ == "bind" {
                opts.push("rbind");
            }
            c["mounts"].as_array_mut().unwrap().push(serde_json::json!(
                {"destination": "/etc", "type": typ, "source": src, "options": opts}
            ));
        });
        let out = t.rpod(&["run", "--bundle", b.to_str().unwrap(), name]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(125), "{opt} was ignored: {err}");
        assert!(err.contains(&format!("mount option {opt}")) && err.contains("/etc"), "{err}");
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

/// Without a mount namespace of its own the container's mounts are made
/// under its root in the caller's namespace (as runc does); delete removes
/// them (runc leaves them).
#[test]
fn mounts_without_a_mount_namespace_land_under_the_root_and_go_with_delete() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let b = t.bundle("shared", t.spec(false), |c| {
        c["linux"]["namespaces"].as_array_mut().unwrap().retain(|n| n["type"] != "mount");
        c["process"]["args"] = serde_json::json!(["sh", "-c", "cat /proc/self/mountinfo; sleep 30"]);
        c["root"]["readonly"] = false.into();
        c["linux"].as_object_mut().unwrap().remove("maskedPaths");
        c["linux"].as_object_mut().unwrap().remove("readonlyPaths");
    });
    let root = b.join("rootfs").canonicalize().unwrap();
    let under = |info: &str| -> Vec<String> {
        info.lines()
            .filter_map(|l| l.split(' ').nth(4))
            .filter(|m| Path::new(m).starts_with(&root) && Path::new(m) != root)
            .map(str::to_string)
            .collect()
    };
    let st = t
        .cmd(&["create", "--bundle", b.to_str().unwrap(), "shared"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    let made = under(&info);
    for dest in ["/proc", "/dev", "/dev/pts", "/dev/shm", "/sys"] {
        let p = format!("{}{dest}", root.display());
        assert!(made.contains(&p), "{p} not mounted in our namespace: {made:?}");
    }
    ok(t.rpod(&["delete", "-f", "shared"]));
    let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    assert_eq!(under(&info), Vec::<String>::new(), "mounts left after delete");
}

/// A process that holds new namespaces (`unshare --fork`): its PID, and the
/// links of its namespaces (`pid` is its children's).
struct Holder {
    child: std::process::Child,
}

impl Holder {
    fn new(flags: &[&str]) -> Holder {
        let ours = std::fs::read_link("/proc/self/ns/uts").unwrap();
        let child = Command::new("unshare").args(flags).args(["--fork", "sleep", "300"]).spawn().unwrap();
        let h = Holder { child };
        // unshare switches after it started (one unshare call, with --uts
        // always among the flags): wait until it has.
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::fs::read_link(h.path("uts")).ok().as_ref() == Some(&ours) {
            assert!(Instant::now() < deadline, "unshare did not make its namespaces");
            std::thread::sleep(Duration::from_millis(20));
        }
        h
    }

    fn path(&self, ns: &str) -> String {
        let file = if ns == "pid" { "pid_for_children" } else { ns };
        format!("/proc/{}/ns/{file}", self.child.id())
    }

    fn link(&self, ns: &str) -> String {
        std::fs::read_link(self.path(ns)).unwrap().display().to_string()
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Existing namespaces joined by `namespaces[].path`: ipc, uts (with a
/// hostname, which lands in the joined namespace), net, mnt and pid (the
/// process is not PID 1 there: the holder's sleep is); a user namespace
/// joined with new ones made inside it, a new PID namespace among them (its
/// init forked into it).
#[test]
fn namespaces_are_joined_by_path() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let spec = t.spec(false);
    let h = Holder::new(&["--ipc", "--uts", "--net", "--mount", "--pid"]);
    let kinds = [("ipc", "ipc"), ("uts", "uts"), ("network", "net"), ("mount", "mnt"), ("pid", "pid")];
    let b = t.bundle("joined", spec.clone(), |c| {
        c["hostname"] = "joined-uts".into();
        c["process"]["args"] = serde_json::json!([
            "sh",
            "-c",
            "for n in ipc uts net mnt pid; do readlink /proc/self/ns/$n; done; hostname; echo $$; cat /proc/1/cmdline"
        ]);
        let ns = c["linux"]["namespaces"].as_array_mut().unwrap();
        for (typ, file) in kinds {
            ns.retain(|n| n["type"] != typ);
            ns.push(serde_json::json!({"type": typ, "path": h.path(file)}));
        }
    });
    let out = ok(t.rpod(&["run", "--bundle", b.to_str().unwrap(), "joined"]));
    let lines: Vec<&str> = out.lines().collect();
    let expected: Vec<String> = kinds.iter().map(|(_, f)| h.link(f)).collect();
    assert_eq!(lines[..5], expected.iter().map(String::as_str).collect::<Vec<_>>()[..], "{out}");
    assert_eq!(lines[5], "joined-uts");
    assert_ne!(lines[6], "1", "the process is PID 1 of a joined PID namespace");
    assert!(lines[7].starts_with("sleep"), "{out}");
    // The hostname was set in the joined UTS namespace.
    let host = Command::new("nsenter").args(["-t", &h.child.id().to_string(), "-u", "hostname"]).output().unwrap();
    assert_eq!(text(&host.stdout), "joined-uts\n");

    // A joined user namespace; the other new namespaces belong to it.
    let u = Holder::new(&["--user", "--map-root-user", "--uts"]);
    let b = t.bundle("userns", spec.clone(), |c| {
        c["process"]["args"] = serde_json::json!(["sleep", "30"]);
        c["mounts"] = serde_json::json!([{"destination": "/tmp", "type": "tmpfs", "source": "tmpfs"}]);
        c["linux"].as_object_mut().unwrap().remove("maskedPaths");
        c["linux"].as_object_mut().unwrap().remove("readonlyPaths");
        c["linux"].as_object_mut().unwrap().remove("resources");
        c["root"]["readonly"] = false.into();
        let ns = c["linux"]["namespaces"].as_array_mut().unwrap();
        ns.retain(|n| n["type"] != "pid");
        ns.push(serde_json::json!({"type": "user", "path": u.path("user")}));
    });
    // Started at once (`run -d`): without a /proc of its own (it may not
    // mount one for the host's PID namespace) the init cannot reopen the
    // start fifo.
    let st = t
        .cmd(&["run", "-d", "--bundle", b.to_str().unwrap(), "userns"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    let state: Value = serde_json::from_str(&ok(t.rpod(&["state", "userns"]))).unwrap();
    assert_eq!(state["status"], "running");
    let pid = state["pid"].as_i64().unwrap();
    let link = |ns: &str| std::fs::read_link(format!("/proc/{pid}/ns/{ns}")).unwrap().display().to_string();
    let user_link = link("user");
    let uts_link = link("uts");
    let owner = Command::new("lsns").args(["-n", "-o", "ONS", "-t", "uts", "-p", &pid.to_string()]).output().unwrap();
    ok(t.rpod(&["delete", "-f", "userns"]));
    assert_eq!(user_link, u.link("user"));
    assert_ne!(uts_link, u.link("uts"), "the config asked for a new UTS namespace");
    // The new UTS namespace belongs to the joined user namespace.
    let owner = text(&owner.stdout);
    assert!(user_link.contains(&format!("[{}]", owner.trim())), "owner {owner} of {uts_link}, user ns {user_link}");
    let uid_map = std::fs::read_to_string(format!("/proc/{}/uid_map", u.child.id())).unwrap();
    assert_eq!(uid_map.split_whitespace().collect::<Vec<_>>(), ["0", "0", "1"]);

    // A new PID namespace inside the joined user namespace: the init is
    // forked into it (PID 1 there, its /proc mounted).
    let b = t.bundle("userpid", spec, |c| {
        c["process"]["args"] = serde_json::json!(["sh", "-c", "echo $$; readlink /proc/self/ns/user; id -u"]);
        c["linux"]["namespaces"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"type": "user", "path": u.path("user")}));
    });
    let out = ok(t.rpod(&["run", "--bundle", b.to_str().unwrap(), "userpid"]));
    assert_eq!(out, format!("1\n{}\n0\n", u.link("user")));
}

/// The six hook kinds, each with the container's state on stdin, in the
/// lifecycle's order: createRuntime and createContainer at create (status
/// creating), prestart and startContainer at start (created; startContainer
/// in the container, its path resolved there), poststart (running),
/// poststop at delete (stopped, PID 0).
#[test]
fn hooks_run_at_their_stages_with_the_state_on_stdin() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let log_in_container = "/hooklog";
    let b = t.bundle("hooked", t.spec(false), |c| {
        c["process"]["args"] = serde_json::json!(["sleep", "30"]);
        c["root"]["readonly"] = false.into();
        c["annotations"] = serde_json::json!({"org.example.hook": "yes"});
    });
    let log = b.join("rootfs/hooklog");
    let hook = |stage: &str, path: &str, log: &str| serde_json::json!({"path": path, "args": ["sh", "-c", format!("s=$(cat); echo \"{stage} $s\" >> {log}")], "timeout": 10});
    let host_log = log.to_str().unwrap();
    let mut config: Value = serde_json::from_slice(&std::fs::read(b.join("config.json")).unwrap()).unwrap();
    config["hooks"] = serde_json::json!({
        "createRuntime": [hook("createRuntime", "/bin/sh", host_log)],
        "createContainer": [hook("createContainer", "/bin/sh", host_log)],
        "prestart": [hook("prestart", "/bin/sh", host_log)],
        "startContainer": [hook("startContainer", "/bin/sh", log_in_container)],
        "poststart": [hook("poststart", "/bin/sh", host_log)],
        "poststop": [hook("poststop", "/bin/sh", host_log)],
    });
    std::fs::write(b.join("config.json"), serde_json::to_vec(&config).unwrap()).unwrap();
    let st = t
        .cmd(&["create", "--bundle", b.to_str().unwrap(), "hooked"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    let stages = |s: &str| s.lines().map(|l| l.split(' ').next().unwrap().to_string()).collect::<Vec<_>>();
    let after_create = std::fs::read_to_string(&log).unwrap();
    assert_eq!(stages(&after_create), ["createRuntime", "createContainer"]);
    let state: Value = serde_json::from_str(&ok(t.rpod(&["state", "hooked"]))).unwrap();
    ok(t.rpod(&["start", "hooked"]));
    ok(t.rpod(&["delete", "-f", "hooked"]));
    let all = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        stages(&all),
        ["createRuntime", "createContainer", "prestart", "startContainer", "poststart", "poststop"],
        "{all}"
    );
    for line in all.lines() {
        let (stage, json) = line.split_once(' ').unwrap();
        let s: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{stage}: {e}: {json}"));
        let status = match stage {
            "createRuntime" | "createContainer" => "creating",
            "prestart" | "startContainer" => "created",
            "poststart" => "running",
            _ => "stopped",
        };
        assert_eq!(s["status"], status, "{line}");
        assert_eq!(s["id"], "hooked");
        assert_eq!(s["bundle"], state["bundle"]);
        assert_eq!(s["annotations"]["org.example.hook"], "yes");
        let pid = if stage == "poststop" { serde_json::json!(0) } else { state["pid"].clone() };
        assert_eq!(s["pid"], pid, "{line}");
    }
}

/// A failing createRuntime/createContainer hook (or one past its timeout)
/// fails create and leaves nothing; a failing prestart/startContainer fails
/// start and the container is gone; poststart/poststop failures are
/// warnings and the later hooks still run; `rpod oci run` runs them all.
#[test]
fn hook_failures_follow_the_spec() {
    if !busybox_ok() {
        return;
    }
    let t = Oci::new();
    let spec = t.spec(false);
    let with_hooks = |name: &str, hooks: Value| {
        t.bundle(name, spec.clone(), |c| {
            c["process"]["args"] = serde_json::json!(["sleep", "30"]);
            c["hooks"] = hooks;
        })
    };
    let sh = |script: &str| serde_json::json!({"path": "/bin/sh", "args": ["sh", "-c", script]});
    let create = |b: &Path, id: &str| {
        let err = t.dir.path().join(format!("{id}.err"));
        let st = t
            .cmd(&["create", "--bundle", b.to_str().unwrap(), id])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&err).unwrap())
            .status()
            .unwrap();
        (st.code(), std::fs::read_to_string(&err).unwrap())
    };
    for stage in ["createRuntime", "createContainer"] {
        let b = with_hooks(stage, serde_json::json!({ stage: [sh("echo no way >&2; exit 2")] }));
        let (code, err) = create(&b, stage);
        assert_eq!(code, Some(125), "{err}");
        assert!(err.contains(&format!("{stage} hook /bin/sh: exit status 2: no way")), "{err}");
        assert!(!t.rpod(&["state", stage]).status.success(), "{stage}: state left behind");
    }
    let mut slow = sh("sleep 30");
    slow["timeout"] = 1.into();
    let b = with_hooks("slow", serde_json::json!({ "createRuntime": [slow] }));
    let began = Instant::now();
    let (code, err) = create(&b, "slow");
    assert_eq!(code, Some(125));
    assert!(err.contains("timed out after 1s") && began.elapsed() < Duration::from_secs(15), "{err}");

    for stage in ["prestart", "startContainer"] {
        let b = with_hooks(stage, serde_json::json!({ stage: [sh("exit 1")] }));
        assert_eq!(create(&b, stage).0, Some(0));
        let out = t.rpod(&["start", stage]);
        assert_eq!(out.status.code(), Some(125), "{stage}");
        assert!(text(&out.stderr).contains(&format!("{stage} hook")), "{}", text(&out.stderr));
        assert!(!t.rpod(&["state", stage]).status.success(), "{stage}: the container was not deleted");
    }

    let marks = t.dir.path().join("marks");
    let mark = |m: &str| sh(&format!("echo {m} >> {}", marks.display()));
    let b = with_hooks(
        "warn",
        serde_json::json!({
            "poststart": [sh("exit 3"), mark("poststart-2")],
            "poststop": [sh("exit 4"), mark("poststop-2")],
        }),
    );
    assert_eq!(create(&b, "warn").0, Some(0));
    let out = t.rpod(&["start", "warn"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("poststart hook /bin/sh: exit status 3"), "{}", text(&out.stderr));
    assert_eq!(t.status("warn"), "running");
    let out = t.rpod(&["delete", "-f", "warn"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("poststop hook /bin/sh: exit status 4"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&marks).unwrap(), "poststart-2\npoststop-2\n");

    // `run`: every stage, in order.
    std::fs::remove_file(&marks).unwrap();
    let b = t.bundle("runall", spec.clone(), |c| {
        c["process"]["args"] = serde_json::json!(["true"]);
        // startContainer runs in the container: the marks file is bound in.
        let dir = t.dir.path().to_str().unwrap();
        let bind = serde_json::json!({"destination": dir, "source": dir, "options": ["bind"]});
        c["mounts"].as_array_mut().unwrap().push(bind);
        c["hooks"] = serde_json::json!({
            "createRuntime": [mark("createRuntime")], "createContainer": [mark("createContainer")],
            "prestart": [mark("prestart")], "startContainer": [mark("startContainer")],
            "poststart": [mark("poststart")], "poststop": [mark("poststop")],
        });
    });
    ok(t.rpod(&["run", "--bundle", b.to_str().unwrap(), "runall"]));
    assert_eq!(
        std::fs::read_to_string(&marks).unwrap(),
        "createRuntime\ncreateContainer\nprestart\nstartContainer\npoststart\npoststop\n"
    );
}
