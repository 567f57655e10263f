//! rpod as an unprivileged user (the test bed's user with subordinate ID
//! ranges): paths, the run-directory fallback, ID mappings, native overlay
//! and the user's own configuration files. Needs the test bed (tests/run.sh).

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Output;

use rpod_testbed::bed::Bed;
use rpod_testbed::engine::rpod;
use serde_json::Value;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
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

fn info_json(out: Output) -> Value {
    serde_json::from_str(&ok(out)).expect("info --format json is JSON")
}

#[test]
fn rootless_paths_and_id_mappings() {
    let bed = Bed::get();
    let info = info_json(bed.run_rootless(&rpod(), &["info", "--format", "json"], &[]));
    assert_eq!(info["host"]["security"]["rootless"], true);
    assert_eq!(info["store"]["graphRoot"], bed.test_home.join(".local/share/rpod").to_str().unwrap());
    assert_eq!(info["store"]["runRoot"], bed.test_runtime_dir.join("rpod").to_str().unwrap());

    // The mapping comes from /etc/subuid and /etc/subgid, read here independently.
    for (file, key, own) in [("/etc/subuid", "uidmap", bed.test_uid), ("/etc/subgid", "gidmap", bed.test_gid)] {
        let content = std::fs::read_to_string(file).unwrap();
        let line = content
            .lines()
            .find(|l| l.starts_with(&format!("{}:", bed.test_user)))
            .unwrap_or_else(|| panic!("{} has no range in {file}", bed.test_user));
        let f: Vec<&str> = line.split(':').collect();
        let map = info["host"]["idMappings"][key].as_array().unwrap();
        assert_eq!(map[0], serde_json::json!({"container_id": 0, "host_id": own, "size": 1}));
        assert_eq!(map[1]["container_id"], 1);
        assert_eq!(map[1]["host_id"].to_string(), f[1]);
        assert_eq!(map[1]["size"].to_string(), f[2]);
    }
}

#[test]
fn rootless_cgroup_controllers_are_those_delegated_to_the_user() {
    let bed = Bed::get();
    let info = info_json(bed.run_rootless(&rpod(), &["info", "--format", "json"], &[]));
    // The user's own v2 cgroup, and whether the user may write there, seen by a shell as that user.
    let probe = ok(bed.run_rootless(
        Path::new("/bin/sh"),
        &["-c", "p=$(sed -n 's/^0:://p' /proc/self/cgroup); m=$(awk '$9==\"cgroup2\"{print $5; exit}' /proc/self/mountinfo); d=\"$m$p\"; if [ -n \"$m\" ] && [ -w \"$d\" ] && [ -w \"$d/cgroup.procs\" ]; then cat \"$d/cgroup.controllers\"; fi"],
        &[],
    ));
    let expected: Vec<&str> = probe.split_whitespace().collect();
    let got: Vec<&str> =
        info["host"]["cgroupControllers"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(got, expected);
}

#[test]
fn native_overlay_report_matches_what_the_kernel_allows() {
    let bed = Bed::get();
    let scratch = bed.user_tempdir("ovl");
    let info = info_json(bed.run_rootless(
        &rpod(),
        &["--runroot", scratch.path().join("run").to_str().unwrap(), "info", "--format", "json"],
        &[],
    ));
    // Independently: can this user mount overlay with userxattr in a user namespace?
    let dir = scratch.path().join("probe");
    let script = format!(
        "mkdir -p {d} && unshare -U -r -m sh -c 'mount -t tmpfs none {d} && mkdir {d}/l {d}/u {d}/w {d}/m && mount -t overlay overlay -o lowerdir={d}/l,upperdir={d}/u,workdir={d}/w,userxattr {d}/m'",
        d = dir.display()
    );
    let kernel_allows = bed.run_rootless(Path::new("/bin/sh"), &["-c", &script], &[]).status.success();
    assert_eq!(info["store"]["graphStatus"]["Native Overlay Diff"], kernel_allows.to_string());
    // Native overlay, else fuse-overlayfs (also the "overlay" driver), else vfs.
    let expected_driver =
        if kernel_allows || Path::new("/usr/bin/fuse-overlayfs").exists() { "overlay" } else { "vfs" };
    assert_eq!(info["store"]["graphDriverName"], expected_driver);
}

#[test]
fn run_directory_falls_back_to_a_private_one() {
    let bed = Bed::get();
    let fallback = PathBuf::from(format!("/tmp/rpod-run-{}", bed.test_uid));
    let _ = std::fs::remove_dir_all(&fallback);
    let root = bed.user_tempdir("fallback");
    let root_arg = root.path().join("store");
    let args = ["--root", root_arg.to_str().unwrap(), "info", "--format", "{{.Store.RunRoot}}"];

    // XDG_RUNTIME_DIR unset.
    let mut cmd = bed.rootless_command(rpod());
    cmd.env_remove("XDG_RUNTIME_DIR").args(args);
    let out = ok(cmd.output().unwrap());
    assert_eq!(out.trim(), fallback.join("rpod").to_str().unwrap());
    let meta = std::fs::symlink_metadata(&fallback).unwrap();
    assert!(meta.is_dir());
    assert_eq!(meta.uid(), bed.test_uid);
    assert_eq!(meta.permissions().mode() & 0o777, 0o700);

    // XDG_RUNTIME_DIR owned by someone else (root's /run): the same private directory.
    let out = ok(bed.run_rootless(&rpod(), &args, &[("XDG_RUNTIME_DIR", "/run")]));
    assert_eq!(out.trim(), fallback.join("rpod").to_str().unwrap());

    // A fallback directory that another user planted is refused, with a clear error.
    std::fs::remove_dir_all(&fallback).unwrap();
    std::fs::create_dir(&fallback).unwrap(); // owned by root
    let out = bed.run_rootless(&rpod(), &args, &[("XDG_RUNTIME_DIR", "/run")]);
    std::fs::remove_dir_all(&fallback).unwrap();
    assert_eq!(out.status.code(), Some(125), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains(&format!("{}: owned by uid 0, not {}", fallback.display(), bed.test_uid)), "{err}");
}

#[test]
fn user_configuration_files_are_read_and_bad_ones_named() {
    let bed = Bed::get();
    let home = bed.user_tempdir("conf");
    let config_home = home.path().join("config");
    let containers = config_home.join("containers");
    let as_user = |p: &Path| std::os::unix::fs::chown(p, Some(bed.test_uid), Some(bed.test_gid)).unwrap();
    std::fs::create_dir_all(containers.join("registries.conf.d")).unwrap();
    as_user(&config_home);
    as_user(&containers);
    std::fs::write(
        containers.join("registries.conf"),
        format!(
            "unqualified-search-registries = [\"{reg}\", \"docker.io\"]\n\n[[registry]]\nprefix = \"docker.io\"\nlocation = \"docker.io\"\n\n[[registry.mirror]]\nlocation = \"{reg}\"\ninsecure = true\n",
            reg = bed.registry
        ),
    )
    .unwrap();
    std::fs::write(
        containers.join("registries.conf.d/50-blocked.conf"),
        "[[registry]]\nprefix = \"evil.example.com\"\nlocation = \"evil.example.com\"\nblocked = true\n",
    )
    .unwrap();
    std::fs::write(
        containers.join("containers.conf"),
        "[containers]\ndefault_capabilities = [\"chown\", \"KILL\"]\nsome_future_key = 1\n",
    )
    .unwrap();
    let env = [("XDG_CONFIG_HOME", config_home.to_str().unwrap())];

    let info = info_json(bed.run_rootless(&rpod(), &["info", "--format", "json"], &env));
    let regs = &info["registries"];
    assert_eq!(regs["search"], serde_json::json!([bed.registry, "docker.io"]));
    assert_eq!(regs["docker.io"]["Mirrors"][0]["Location"], bed.registry.as_str());
    assert_eq!(regs["docker.io"]["Mirrors"][0]["Insecure"], true);
    assert_eq!(regs["evil.example.com"]["Blocked"], true);
    assert_eq!(info["host"]["security"]["capabilities"], "CAP_CHOWN,CAP_KILL");

    // A syntax error on line 3 is reported with the file and line, exit 125.
    std::fs::write(containers.join("registries.conf"), "# comment\n\nunqualified-search-registries = [\"a\"\n")
        .unwrap();
    let out = bed.run_rootless(&rpod(), &["info"], &env);
    assert_eq!(out.status.code(), Some(125));
    let err = text(&out.stderr);
    let file = containers.join("registries.conf");
    assert!(err.contains(&format!("{}:3:", file.display())), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn unshare_runs_commands_as_root_over_the_subordinate_ids() {
    let bed = Bed::get();
    let out = ok(bed.run_rootless(&rpod(), &["unshare", "cat", "/proc/self/uid_map", "/proc/self/gid_map"], &[]));
    let rows: Vec<Vec<u64>> = out.lines().map(|l| l.split_whitespace().map(|n| n.parse().unwrap()).collect()).collect();
    let subuid = std::fs::read_to_string("/etc/subuid").unwrap();
    let range: Vec<u64> = subuid
        .lines()
        .find(|l| l.starts_with(&format!("{}:", bed.test_user)))
        .unwrap()
        .split(':')
        .skip(1)
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(rows[0], [0, u64::from(bed.test_uid), 1]);
    assert_eq!(rows[1], [1, range[0], range[1]]);
    assert_eq!(rows[2][..2], [0, u64::from(bed.test_gid)]);

    // Root inside: chown to a subordinate ID works, and shows up shifted outside.
    let dir = bed.user_tempdir("unshare");
    let file = dir.path().join("f");
    let script = format!("touch {f} && chown 5:7 {f} && stat -c %u:%g {f} && exit 7", f = file.display());
    let out = bed.run_rootless(&rpod(), &["unshare", "sh", "-c", &script], &[]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "5:7\n");
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(u64::from(meta.uid()), range[0] + 4);

    // Exit codes: not found 127, cannot invoke 126.
    assert_eq!(bed.run_rootless(&rpod(), &["unshare", "/no-such-dir-rpod/cmd"], &[]).status.code(), Some(127));
    assert_eq!(bed.run_rootless(&rpod(), &["unshare", "/etc/passwd"], &[]).status.code(), Some(126));
}

/// The first command that needs the user namespace creates it and leaves a
/// pause process in it; later commands join that namespace. A pause
/// process that is gone (or whose PID file is stale) is replaced.
#[test]
fn later_commands_join_the_pause_process_namespace() {
    let bed = Bed::get();
    let dir = bed.user_tempdir("pause");
    let runtime = dir.path().join("runtime");
    std::fs::create_dir_all(&runtime).unwrap();
    let _ = std::process::Command::new("chown")
        .args([&format!("{}:{}", bed.test_uid, bed.test_gid), runtime.to_str().unwrap()])
        .status();
    std::fs::set_permissions(&runtime, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    let env = [("XDG_RUNTIME_DIR", runtime.to_str().unwrap())];
    let root = dir.path().join("store");
    let ns_of_unshare = || {
        let out = bed.run_rootless(
            &rpod(),
            &["--root", root.to_str().unwrap(), "unshare", "readlink", "/proc/self/ns/user"],
            &env,
        );
        ok(out).trim().to_string()
    };
    let pause = || -> i32 {
        let text = std::fs::read_to_string(runtime.join("rpod/pause.pid")).expect("a pause.pid");
        text.split_whitespace().next().unwrap().parse().unwrap()
    };
    let first = ns_of_unshare();
    let pid = pause();
    let pause_ns = std::fs::read_link(format!("/proc/{pid}/ns/user")).unwrap();
    assert_eq!(first, pause_ns.to_str().unwrap(), "the pause process holds the namespace");
    assert_eq!(ns_of_unshare(), first, "a second command joins it");
    assert_eq!(pause(), pid);
    // Gone: the next command makes a new namespace and a new pause process.
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL).unwrap();
    let start = std::time::Instant::now();
    while std::path::Path::new(&format!("/proc/{pid}/ns")).exists() && start.elapsed().as_secs() < 5 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let again = ns_of_unshare();
    assert_ne!(again, first);
    let new_pid = pause();
    assert_ne!(new_pid, pid);
    // A pause process whose PID file is gone (its run directory removed)
    // exits by itself.
    std::fs::remove_file(runtime.join("rpod/pause.pid")).unwrap();
    let start = std::time::Instant::now();
    while std::path::Path::new(&format!("/proc/{new_pid}/ns")).exists() {
        assert!(start.elapsed().as_secs() < 60, "the orphaned pause process {new_pid} did not exit");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}
