//! `rpod system doctor` and the rootless traps it names, each built for
//! real: a user without subordinate ranges, a too-small range, a range
//! holding the user's own ID, a copy of newuidmap without setuid first on
//! PATH, an unset or foreign XDG_RUNTIME_DIR, /dev/net/tun 0600, a store
//! with a stray layer. Tests that change /etc/subuid, /etc/subgid or
//! /dev/net/tun run one at a time and restore them when they end, even on
//! failure. Needs the test bed (tests/run.sh).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rpod_testbed::bed::{describe, output_with_timeout, text, Bed, TestUser, UserTempDir, TEST_PATH};
use rpod_testbed::engine::rpod;
use serde_json::Value;

/// Tests that change shared machine state take turns.
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// A user with a private store, run directory and XDG_RUNTIME_DIR (so
/// that its pause process is its own).
struct Session {
    user: Option<TestUser>,
    dir: UserTempDir,
}

impl Session {
    fn as_user(user: TestUser, prefix: &str) -> Session {
        let bed = Bed::get();
        let dir = bed.tempdir_of(&user, prefix);
        let xdg = dir.path().join("xdg");
        std::fs::create_dir(&xdg).unwrap();
        std::os::unix::fs::chown(&xdg, Some(user.uid), Some(user.gid)).unwrap();
        std::fs::set_permissions(&xdg, std::fs::Permissions::from_mode(0o700)).unwrap();
        Session { user: Some(TestUser { runtime_dir: xdg, ..user }), dir }
    }

    fn as_root(prefix: &str) -> Session {
        Session { user: None, dir: Bed::get().root_tempdir(prefix) }
    }

    fn command(&self, program: &Path) -> Command {
        let bed = Bed::get();
        match &self.user {
            Some(u) => bed.user_command(u, program),
            None => bed.root_command(program),
        }
    }

    fn rpod_cmd(&self, args: &[&str]) -> Command {
        let mut cmd = self.command(&rpod());
        cmd.arg("--root")
            .arg(self.dir.path().join("root"))
            .arg("--runroot")
            .arg(self.dir.path().join("run"))
            .args(args);
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        output_with_timeout(&mut self.rpod_cmd(args), Duration::from_secs(120))
    }

    fn run_with(&self, args: &[&str], tweak: impl FnOnce(&mut Command)) -> Output {
        let mut cmd = self.rpod_cmd(args);
        tweak(&mut cmd);
        output_with_timeout(&mut cmd, Duration::from_secs(120))
    }
}

/// `doctor --format json`, parsed; the exit code must be 0 or 1 and match
/// whether a check failed.
#[track_caller]
fn doctor(out: Output) -> Value {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e})\n{}", describe(&out)));
    let failed = v["checks"].as_array().unwrap().iter().any(|c| c["status"] == "fail");
    assert_eq!(out.status.code(), Some(if failed { 1 } else { 0 }), "{}", describe(&out));
    assert_eq!(v["status"] == "fail", failed);
    v
}

#[track_caller]
fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {report:#}"))
}

#[track_caller]
fn assert_check(report: &Value, name: &str, status: &str, found: &[&str], fix: &[&str]) {
    let c = check(report, name);
    assert_eq!(c["status"], status, "{c:#}");
    let (f, x) = (c["found"].as_str().unwrap(), c["fix"].as_str().unwrap_or(""));
    for n in found {
        assert!(f.contains(n), "found of {name} lacks {n:?}: {c:#}");
    }
    for n in fix {
        assert!(x.contains(n), "fix of {name} lacks {n:?}: {c:#}");
    }
}

/// Replaces the lines of `user` in /etc/subuid and /etc/subgid with
/// `user:START:COUNT` for as long as it lives.
struct SubIds {
    saved: Vec<(PathBuf, String)>,
}

impl SubIds {
    fn set(user: &str, start: u64, count: u64) -> SubIds {
        let mut saved = Vec::new();
        for file in ["/etc/subuid", "/etc/subgid"] {
            let old = std::fs::read_to_string(file).unwrap_or_default();
            let mut new: String =
                old.lines().filter(|l| !l.starts_with(&format!("{user}:"))).map(|l| format!("{l}\n")).collect();
            new.push_str(&format!("{user}:{start}:{count}\n"));
            std::fs::write(file, new).unwrap();
            saved.push((PathBuf::from(file), old));
        }
        SubIds { saved }
    }
}

impl Drop for SubIds {
    fn drop(&mut self) {
        for (file, text) in &self.saved {
            let _ = std::fs::write(file, text);
        }
    }
}

#[test]
fn a_user_without_ranges_runs_busybox_and_doctor_says_how_to_add_them() {
    let _serial = serial();
    let bed = Bed::get();
    let user = bed.noids_user();
    let s = Session::as_user(user.clone(), "noids");
    let image = bed.image("busybox", "latest");
    let out = s.run(&["pull", "-q", "--tls-verify=false", &image]);
    assert!(out.status.success(), "{}", describe(&out));
    assert!(text(&out.stderr).contains("no subordinate ID ranges"), "{}", describe(&out));

    // busybox's root is in group wheel (10), which a single-ID namespace cannot map.
    let out = s.run(&["run", "--rm", &image, "id"]);
    assert!(out.status.success(), "{}", describe(&out));
    assert!(text(&out.stdout).starts_with("uid=0(root) gid=0(root)"), "{}", describe(&out));
    assert!(
        text(&out.stderr).contains("Additional gid=10 is not present in the user namespace, skip setting it"),
        "{}",
        describe(&out)
    );
    // exec as root of the container, likewise.
    let out = s.run(&["run", "-d", "--name", "sleeper", &image, "sleep", "60"]);
    assert!(out.status.success(), "{}", describe(&out));
    let out = s.run(&["exec", "-u", "root", "sleeper", "id", "-u"]);
    let _ = s.run(&["rm", "-f", "-t", "0", "sleeper"]);
    assert_eq!(text(&out.stdout), "0\n", "{}", describe(&out));
    assert!(text(&out.stderr).contains("Additional gid=10 is not present"), "{}", describe(&out));

    let report = doctor(s.run(&["system", "doctor", "--format", "json"]));
    assert_eq!(report["rootless"], true);
    assert_eq!(report["user"], user.name.as_str());
    for (name, flag) in [("subuid", "--add-subuids"), ("subgid", "--add-subgids")] {
        assert_check(
            &report,
            name,
            "warning",
            &[&format!("no range for {}", user.name), "only your own ID is mapped"],
            &[&format!("usermod {flag} "), &user.name, "rpod system migrate"],
        );
    }
    // newuidmap is not needed without ranges: at worst a warning.
    assert_ne!(check(&report, "newuidmap")["status"], "fail");
    // The text form: one line per check, the fix below it.
    let out = s.run(&["system", "doctor"]);
    let t = text(&out.stdout);
    let line = t.lines().find(|l| l.starts_with("warning") && l.contains(" subuid ")).expect("a subuid line");
    assert!(line.contains("no range for"), "{t}");
    assert!(t.lines().any(|l| l.trim_start().starts_with("fix: usermod --add-subuids")), "{t}");
}

#[test]
fn a_too_small_range_is_named_by_doctor_and_by_the_failing_pull() {
    let _serial = serial();
    let bed = Bed::get();
    let user = bed.noids_user();
    let _ids = SubIds::set(&user.name, 3_000_000_000, 1000);
    let s = Session::as_user(user.clone(), "small");
    let report = doctor(s.run(&["system", "doctor", "--format", "json"]));
    for (name, flag) in [("subuid", "subuids"), ("subgid", "subgids")] {
        assert_check(
            &report,
            name,
            "warning",
            &[&format!("{}:3000000000:1000", user.name), "1000 IDs", "insufficient"],
            &[&format!("--del-{flag} 3000000000-3000000999 --add-{flag} "), "rpod system migrate"],
        );
    }
    // The multilayer fixture has a file owned by 65534.
    let out = s.run(&["pull", "-q", "--tls-verify=false", &bed.image("multilayer", "latest")]);
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    let err = text(&out.stderr);
    assert!(err.contains("65534 not mapped") && err.contains("/etc/sub"), "{err}");
    assert!(err.contains("rpod system doctor"), "{err}");
}

#[test]
fn a_range_holding_the_own_id_fails_doctor_and_the_namespace() {
    let _serial = serial();
    let bed = Bed::get();
    let user = bed.noids_user();
    let start = u64::from(user.uid) - 10;
    let _ids = SubIds::set(&user.name, start, 65536);
    let s = Session::as_user(user.clone(), "own");
    let report = doctor(s.run(&["system", "doctor", "--format", "json"]));
    assert_eq!(report["status"], "fail");
    assert_check(
        &report,
        "subuid",
        "fail",
        &[&format!("contains your own ID {}", user.uid)],
        &[&format!("--del-subuids {start}-"), "--add-subuids "],
    );
    let out = s.run(&["unshare", "true"]);
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    let err = text(&out.stderr);
    assert!(err.contains("check the ranges of") && err.contains("/etc/sub"), "{err}");
    assert!(err.contains("rpod system doctor"), "{err}");
}

#[test]
fn a_newuidmap_without_setuid_first_on_path_is_named() {
    let bed = Bed::get();
    let s = Session::as_user(bed.main_user(), "helper");
    let bin = s.dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let copy = bin.join("newuidmap");
    std::fs::copy("/usr/bin/newuidmap", &copy).unwrap(); // the copy has no setuid bit
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
    for p in [&bin, &copy] {
        std::os::unix::fs::chown(p, Some(bed.test_uid), Some(bed.test_gid)).unwrap();
    }
    let path = format!("{}:{TEST_PATH}", bin.display());
    let report = doctor(s.run_with(&["system", "doctor", "--format", "json"], |c| {
        c.env("PATH", &path);
    }));
    assert_check(
        &report,
        "newuidmap",
        "fail",
        &[&copy.display().to_string(), "not setuid root", "first newuidmap on PATH"],
        &[&format!("remove {}", copy.display()), "put /usr/bin before"],
    );
    assert_check(&report, "newgidmap", "ok", &["/usr/bin/newgidmap (setuid root)"], &[]);
    // A fresh XDG_RUNTIME_DIR: no pause process to join, so newuidmap runs.
    let out = s.run_with(&["unshare", "true"], |c| {
        c.env("PATH", &path);
    });
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    let err = text(&out.stderr);
    assert!(err.contains(&format!("{} is setuid root", copy.display())), "{err}");
    assert!(err.contains("rpod system doctor"), "{err}");
}

#[test]
fn an_unset_or_foreign_runtime_dir_is_reported_and_a_planted_fallback_fails() {
    let _serial = serial();
    let bed = Bed::get();
    let user = bed.noids_user();
    let s = Session::as_user(user.clone(), "xdg");
    let fallback = PathBuf::from(format!("/tmp/rpod-run-{}", user.uid));
    let _ = std::fs::remove_dir_all(&fallback);

    let report = doctor(s.run_with(&["system", "doctor", "--format", "json"], |c| {
        c.env_remove("XDG_RUNTIME_DIR");
    }));
    assert_check(
        &report,
        "runtime_dir",
        "warning",
        &["XDG_RUNTIME_DIR is unset", &fallback.display().to_string(), "does not survive a reboot"],
        &[&format!("install -d -m 0700 -o {} /run/user/{}", user.name, user.uid), "export XDG_RUNTIME_DIR="],
    );
    let report = doctor(s.run_with(&["system", "doctor", "--format", "json"], |c| {
        c.env("XDG_RUNTIME_DIR", "/run");
    }));
    assert_check(&report, "runtime_dir", "warning", &["XDG_RUNTIME_DIR=/run is owned by uid 0"], &["/run/user/"]);

    // A fallback someone else made: doctor fails, and so does any command.
    std::fs::remove_dir_all(&fallback).unwrap();
    std::fs::create_dir(&fallback).unwrap();
    struct Remove(PathBuf);
    impl Drop for Remove {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    let _remove = Remove(fallback.clone());
    let unset = |c: &mut Command| {
        c.env_remove("XDG_RUNTIME_DIR");
    };
    let report = doctor(s.run_with(&["system", "doctor", "--format", "json"], unset));
    assert_check(
        &report,
        "runtime_dir",
        "fail",
        &["owned by uid 0", "cannot be used"],
        &[&format!("remove {}", fallback.display())],
    );
    let mut cmd = s.command(&rpod());
    cmd.env_remove("XDG_RUNTIME_DIR").args(["--root", s.dir.path().join("root").to_str().unwrap(), "info"]);
    let out = output_with_timeout(&mut cmd, Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    assert!(text(&out.stderr).contains("set XDG_RUNTIME_DIR"), "{}", describe(&out));
}

#[test]
fn a_closed_dev_net_tun_is_reported_with_the_chmod() {
    let _serial = serial();
    let bed = Bed::get();
    let tun = Path::new("/dev/net/tun");
    let Ok(meta) = std::fs::metadata(tun) else {
        eprintln!("no /dev/net/tun here: skipped");
        return;
    };
    struct Restore(u32);
    impl Drop for Restore {
        fn drop(&mut self) {
            let _ = std::fs::set_permissions("/dev/net/tun", std::fs::Permissions::from_mode(self.0));
        }
    }
    let _restore = Restore(meta.permissions().mode() & 0o7777);
    std::fs::set_permissions(tun, std::fs::Permissions::from_mode(0o600)).unwrap();
    let s = Session::as_user(bed.main_user(), "tun");
    let report = doctor(s.run(&["system", "doctor", "--format", "json"]));
    assert_check(
        &report,
        "tun",
        "warning",
        &["/dev/net/tun cannot be opened (mode 0600)", "pasta and slirp4netns need it"],
        &["chmod 0666 /dev/net/tun"],
    );
    // Open again: ok.
    std::fs::set_permissions(tun, std::fs::Permissions::from_mode(0o666)).unwrap();
    let report = doctor(s.run(&["system", "doctor", "--format", "json"]));
    assert_check(&report, "tun", "ok", &["can be opened"], &[]);
}

/// As root: no rootless checks, the cgroup layout as /proc/self/mountinfo
/// shows it, and a stray layer directory reported (not removed).
#[test]
fn root_doctor_reports_the_cgroup_layout_and_a_stray_layer() {
    let bed = Bed::get();
    let s = Session::as_root("doctor");
    let out = s.run(&["pull", "-q", "--tls-verify=false", &bed.image("busybox", "latest")]);
    assert!(out.status.success(), "{}", describe(&out));
    let report = doctor(s.run(&["system", "doctor", "--format", "json"]));
    assert_eq!(report["rootless"], false);
    for c in report["checks"].as_array().unwrap() {
        let keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["name", "status", "found", "fix"]);
        assert!(!["subuid", "newuidmap", "runtime_dir", "pause", "userns"].contains(&c["name"].as_str().unwrap()));
    }
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    let fstypes: Vec<&str> =
        mountinfo.lines().filter_map(|l| l.split(" - ").nth(1)?.split_whitespace().next()).collect();
    let (v1, v2) = (fstypes.contains(&"cgroup"), fstypes.contains(&"cgroup2"));
    let cg = check(&report, "cgroups");
    if v1 && v2 {
        assert_eq!(cg["status"], "warning", "{cg:#}");
        assert!(cg["found"].as_str().unwrap().starts_with("hybrid layout"), "{cg:#}");
        assert!(cg["found"].as_str().unwrap().contains("resource limits"), "{cg:#}");
        assert!(cg["fix"].as_str().unwrap().contains("cgroup_no_v1=all"), "{cg:#}");
        assert_eq!(check(&report, "cgroup_controllers")["status"], "warning");
    } else if v2 {
        assert_eq!(cg["status"], "ok", "{cg:#}");
    }
    assert_check(&report, "store", "ok", &["database ok"], &[]);

    let stray = s.dir.path().join("root/layers").join("ab".repeat(32));
    std::fs::create_dir_all(stray.join("diff")).unwrap();
    let report = doctor(s.run(&["system", "doctor", "--format", "json"]));
    assert_check(&report, "store", "warning", &["1 layer directories without a record"], &["rpod images"]);
    assert!(stray.exists(), "doctor must not repair");
    // A monitor whose container is gone (a stand-in with a monitor's
    // command line for this store) is reported with the kill that ends it.
    assert_check(&report, "leftovers", "ok", &["no stale mounts"], &[]);
    let root = s.dir.path().join("root");
    let mut fake = std::process::Command::new("sh")
        .args(["-c", "sleep 60", "sh", "--root", root.to_str().unwrap(), "__monitor", &"cd".repeat(32)])
        .spawn()
        .unwrap();
    let report = doctor(s.run(&["system", "doctor", "--format", "json"]));
    let _ = fake.kill();
    let _ = fake.wait();
    assert_check(
        &report,
        "leftovers",
        "warning",
        &["1 monitor processes of removed containers", "cdcdcdcdcdcd"],
        &[&format!("kill {}", fake.id())],
    );
    // A template sees the same fields.
    let out = s.run(&["system", "doctor", "--format", "{{.status}}"]);
    assert_eq!(text(&out.stdout).trim(), report["status"].as_str().unwrap(), "{}", describe(&out));
}

/// storage.conf's `ignore_chown_errors` lets a user with one ID pull an
/// image whose files belong to other users: they are stored as the user's.
#[test]
fn ignore_chown_errors_stores_unmapped_owners_as_the_users_own() {
    let _serial = serial();
    let bed = Bed::get();
    let user = bed.noids_user();
    let s = Session::as_user(user.clone(), "chown");
    let image = bed.image("multilayer", "latest");
    // Without it the pull fails and names both fixes.
    let out = s.run(&["pull", "-q", "--tls-verify=false", &image]);
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    let err = text(&out.stderr);
    assert!(
        err.contains("not mapped") && err.contains("ignore_chown_errors") && err.contains("rpod system doctor"),
        "{err}"
    );
    let report = doctor(s.run(&["system", "doctor", "--format", "json"]));
    assert_check(&report, "subuid", "warning", &["no range"], &["usermod --add-subuids", "ignore_chown_errors"]);

    let conf = s.dir.path().join("storage.conf");
    std::fs::write(
        &conf,
        "[storage]\ndriver = \"overlay\"\n\n[storage.options.overlay]\nignore_chown_errors = \"true\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&conf, std::fs::Permissions::from_mode(0o644)).unwrap();
    let with_conf = |c: &mut Command| {
        c.env("CONTAINERS_STORAGE_CONF", &conf);
    };
    let out = s.run_with(&["pull", "-q", "--tls-verify=false", &image], with_conf);
    assert!(out.status.success(), "{}", describe(&out));
    let mut found = Vec::new();
    for layer in std::fs::read_dir(s.dir.path().join("root/layers")).unwrap() {
        let file = layer.unwrap().path().join("diff/home/nobody-file");
        if let Ok(m) = std::fs::symlink_metadata(&file) {
            found.push((std::os::unix::fs::MetadataExt::uid(&m), std::os::unix::fs::MetadataExt::gid(&m)));
        }
    }
    assert_eq!(found, [(user.uid, user.gid)], "the file owned by 65534 in the image belongs to the user on disk");
    let report = doctor(s.run_with(&["system", "doctor", "--format", "json"], with_conf));
    assert_check(&report, "subuid", "warning", &["ignore_chown_errors is on"], &[]);
}

/// After the ranges changed, doctor names `rpod system migrate`, which
/// stops the containers and the pause process; the next command maps the
/// new ranges.
#[test]
fn migrate_restarts_the_pause_process_after_the_ranges_changed() {
    let _serial = serial();
    let bed = Bed::get();
    let user = bed.noids_user();
    let s = Session::as_user(user.clone(), "migrate");
    let image = bed.image("busybox", "latest");
    assert!(s.run(&["pull", "-q", "--tls-verify=false", &image]).status.success());
    let out = s.run(&["run", "-d", "--name", "old", "--stop-timeout", "1", &image, "sleep", "60"]);
    assert!(out.status.success(), "{}", describe(&out));
    let pid: i32 = std::fs::read_to_string(user_run(&s).join("pause.pid"))
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_check(
        &doctor(s.run(&["system", "doctor", "--format", "json"])),
        "pause",
        "ok",
        &[&format!("pause process {pid}")],
        &[],
    );

    let _ids = SubIds::set(&user.name, 3_000_000_000, 65536);
    let report = doctor(s.run(&["system", "doctor", "--format", "json"]));
    assert_check(
        &report,
        "pause",
        "warning",
        &[&format!("pause process {pid}"), "older ranges"],
        &["rpod system migrate"],
    );
    let out = s.run(&["system", "migrate"]);
    assert!(out.status.success(), "{}", describe(&out));
    let said = text(&out.stdout);
    assert!(said.contains("stopped container old"), "{said}");
    assert!(said.contains("stopped pause process"), "{said}");
    let start = std::time::Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(start.elapsed() < Duration::from_secs(10), "pause process {pid} still runs");
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = s.run(&["unshare", "cat", "/proc/self/uid_map"]);
    assert!(text(&out.stdout).contains("3000000000"), "{}", describe(&out));
    let _ = s.run(&["rm", "-f", "old"]);
    let _ = s.run(&["system", "migrate"]);
}

fn user_run(s: &Session) -> PathBuf {
    s.user.as_ref().unwrap().runtime_dir.join("rpod")
}
