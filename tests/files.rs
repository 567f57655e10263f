//! A container's files through the CLI, rootless and as root: `cp` both
//! ways (Docker's path rules, owners, `-` streams, running and stopped
//! containers) and its two historic escapes (CVE-2018-15664,
//! CVE-2019-14271); `diff`, `export` and `commit` round trips.

use std::collections::BTreeSet;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;

use rpod_testbed::bed::{describe, text, Bed};
use rpod_testbed::engine::{each_mode, Eng, Mode};
use serde_json::Value;

/// Makes `path` a directory the engine's user can write.
fn dir_for(e: &Eng, path: &Path) {
    std::fs::create_dir_all(path).unwrap();
    if e.mode == Mode::Rootless {
        let b = Bed::get();
        std::os::unix::fs::chown(path, Some(b.test_uid), Some(b.test_gid)).unwrap();
    }
}

/// The IDs the engine's user owns files as on the host: the caller's.
fn caller(e: &Eng) -> (u32, u32) {
    match e.mode {
        Mode::Root => (0, 0),
        Mode::Rootless => (Bed::get().test_uid, Bed::get().test_gid),
    }
}

/// The host UID of container UID `id` (rootless: from the test user's
/// subordinate range).
fn host_uid(e: &Eng, id: u32) -> u32 {
    if e.mode == Mode::Root || id == 0 {
        return if id == 0 { caller(e).0 } else { id };
    }
    let user = std::env::var("RPOD_TEST_USER").unwrap();
    let subuid = std::fs::read_to_string("/etc/subuid").unwrap();
    let start: u32 = subuid
        .lines()
        .find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f[0] == user || f[0] == Bed::get().test_uid.to_string()).then(|| f[1].parse().unwrap())
        })
        .unwrap();
    start + id - 1
}

fn tar_names(bytes: &[u8]) -> BTreeSet<String> {
    let mut a = tar::Archive::new(bytes);
    a.entries().unwrap().map(|e| e.unwrap().path().unwrap().display().to_string()).collect()
}

#[test]
fn cp_both_ways_by_dockers_rules() {
    each_mode("files-cp", |e| {
        let src = e.path("src");
        dir_for(e, &src);
        dir_for(e, &src.join("sub"));
        std::fs::write(src.join("a.txt"), "alpha\n").unwrap();
        std::fs::write(src.join("sub/b.txt"), "beta\n").unwrap();
        std::fs::set_permissions(src.join("a.txt"), std::os::unix::fs::PermissionsExt::from_mode(0o640)).unwrap();
        let (uid, gid) = match e.mode {
            Mode::Root => (1234, 2345),
            Mode::Rootless => (Bed::get().test_uid, Bed::get().test_gid),
        };
        for f in ["a.txt", "sub/b.txt"] {
            std::os::unix::fs::chown(src.join(f), Some(uid), Some(gid)).unwrap();
        }
        let s = |p: &str| src.join(p).display().to_string();
        e.ok(&["run", "-d", "--name", "c", &e.image, "sleep", "600"]);

        // Into a running container: a file into a directory, owned by the
        // container's root unless -a; its mode kept.
        e.ok(&["cp", &s("a.txt"), "c:/tmp/"]);
        assert_eq!(e.ok(&["exec", "c", "stat", "-c", "%u:%g %a", "/tmp/a.txt"]), "0:0 640\n");
        e.ok(&["cp", "-a", &s("a.txt"), "c:/tmp/a-archive.txt"]);
        let kept = if e.mode == Mode::Root { "1234:2345" } else { "0:0" };
        assert_eq!(e.ok(&["exec", "c", "stat", "-c", "%u:%g", "/tmp/a-archive.txt"]), format!("{kept}\n"));
        // A directory: to a new name (its content), into an existing one, its content with /.
        e.ok(&["cp", &s(""), "c:/new"]);
        assert_eq!(e.ok(&["exec", "c", "cat", "/new/sub/b.txt"]), "beta\n");
        e.ok(&["cp", &s(""), "c:/tmp"]);
        assert_eq!(e.ok(&["exec", "c", "cat", "/tmp/src/sub/b.txt"]), "beta\n");
        e.ok(&["exec", "c", "mkdir", "/dot"]);
        e.ok(&["cp", &format!("{}/.", s("sub")), "c:/dot"]);
        assert_eq!(e.ok(&["exec", "c", "ls", "/dot"]), "b.txt\n");
        // Errors: a missing source, a missing parent, a directory onto a file.
        let out = e.run(&["cp", "c:/nope", &s("x")]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("\"/nope\" could not be found on container c"), "{}", describe(&out));
        let out = e.run(&["cp", &s("a.txt"), "c:/no/such/dir"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        let out = e.run(&["cp", &s("sub"), "c:/etc/passwd"]);
        assert!(text(&out.stderr).contains("destination must be a directory"), "{}", describe(&out));
        let out = e.run(&["cp", "c:/etc/passwd/", &s("x")]);
        assert!(text(&out.stderr).contains("not a directory"), "{}", describe(&out));
        let out = e.run(&["cp", &s("a.txt"), &s("b")]);
        assert_eq!(out.status.code(), Some(125), "two host paths: {}", describe(&out));

        // Out of the container: owned by the caller unless -a.
        e.ok(&["exec", "c", "sh", "-c", "echo owned > /tmp/o; chown 1000:1000 /tmp/o; ln -s /etc/passwd /pw"]);
        e.ok(&["cp", "c:/tmp/o", &s("o1")]);
        let m = std::fs::metadata(src.join("o1")).unwrap();
        assert_eq!((m.uid(), m.gid()), caller(e), "{:?}", e.mode);
        assert_eq!(std::fs::read_to_string(src.join("o1")).unwrap(), "owned\n");
        e.ok(&["cp", "-a", "c:/tmp/o", &s("o2")]);
        assert_eq!(std::fs::metadata(src.join("o2")).unwrap().uid(), host_uid(e, 1000), "{:?}", e.mode);
        e.ok(&["cp", "c:/etc", &s("etc-copy")]);
        assert!(src.join("etc-copy/passwd").is_file());
        e.ok(&["cp", "c:/etc/passwd", &s("sub")]);
        assert!(src.join("sub/passwd").is_file());
        // -L: the link's target under the link's name; without: the link.
        e.ok(&["cp", "c:/pw", &s("pw-link")]);
        assert!(std::fs::symlink_metadata(src.join("pw-link")).unwrap().file_type().is_symlink());
        e.ok(&["cp", "-L", "c:/pw", &s("pw-file")]);
        assert!(std::fs::read_to_string(src.join("pw-file")).unwrap().starts_with("root:"));

        // Tar streams: out to stdout, in from stdin (into a directory).
        let out = e.run(&["cp", "c:/new", "-"]);
        assert!(out.status.success(), "{}", describe(&out));
        let names = tar_names(&out.stdout);
        assert!(names.contains("new/sub/b.txt") && names.contains("new/a.txt"), "{names:?}");
        let tarball = e.path("in.tar");
        std::fs::write(&tarball, &out.stdout).unwrap();
        let r = e.run_stdin(&["cp", "-", "c:/tmp"], &tarball);
        assert!(r.status.success(), "{}", describe(&r));
        assert_eq!(e.ok(&["exec", "c", "cat", "/tmp/new/sub/b.txt"]), "beta\n");
        let r = e.run_stdin(&["cp", "-", "c:/etc/passwd"], &tarball);
        assert_eq!(r.status.code(), Some(125), "{}", describe(&r));

        // A stopped container, both ways; the change is there at the next start.
        e.ok(&["stop", "-t", "0", "c"]);
        e.ok(&["cp", &s("a.txt"), "c:/stopped.txt"]);
        e.ok(&["cp", "c:/tmp/o", &s("from-stopped")]);
        assert_eq!(std::fs::read_to_string(src.join("from-stopped")).unwrap(), "owned\n");
        e.ok(&["start", "c"]);
        assert_eq!(e.ok(&["exec", "c", "cat", "/stopped.txt"]), "alpha\n");
        // container cp is the same command.
        e.ok(&["container", "cp", "c:/stopped.txt", &s("again")]);
        assert!(src.join("again").is_file());
    });
}

/// A symlink in the container that points to `/` (or anywhere) resolves
/// inside the container: no copy reads or writes a host file through it.
#[test]
fn cp_never_follows_a_container_symlink_to_the_host() {
    each_mode("files-cp-link", |e| {
        let host = e.path("hostside");
        dir_for(e, &host);
        std::fs::write(host.join("secret"), "host secret\n").unwrap();
        let secret = host.join("secret").display().to_string();
        e.ok(&["run", "-d", "--name", "c", &e.image, "sleep", "600"]);
        e.ok(&["exec", "c", "sh", "-c", "ln -s / /escape; ln -s ../../../../../.. /up; ln -s / /tmp/root"]);
        for link in ["/escape", "/up", "/tmp/root"] {
            let out = e.run(&["cp", &format!("c:{link}{secret}"), &e.path("leak").display().to_string()]);
            assert!(!out.status.success(), "{:?}: {link}: {}", e.mode, describe(&out));
            assert!(!e.path("leak").exists());
            let out = e.run(&["cp", &secret, &format!("c:{link}{}/planted", host.display())]);
            assert!(!out.status.success(), "{:?}: {link}: {}", e.mode, describe(&out));
            assert!(!host.join("planted").exists(), "{:?}: written through {link}", e.mode);
        }
        // Writing to the link's directory lands in the container's root.
        e.ok(&["cp", &secret, "c:/escape/landed"]);
        assert_eq!(e.ok(&["exec", "c", "cat", "/landed"]), "host secret\n");
        assert!(!Path::new("/landed").exists());
        // Stopped: the same through the mounted root.
        e.ok(&["stop", "-t", "0", "c"]);
        let out = e.run(&["cp", &format!("c:/escape{secret}"), &e.path("leak2").display().to_string()]);
        assert!(!out.status.success() && !e.path("leak2").exists(), "{}", describe(&out));
    });
}

/// CVE-2018-15664: the container swaps a directory and a symlink to `/`
/// at the path being copied while the copies run; every copy still
/// resolves inside the container.
#[test]
fn cp_symlink_swap_race_stays_in_the_container() {
    each_mode("files-cve-15664", |e| {
        let host = e.path("race");
        dir_for(e, &host);
        std::fs::write(host.join("secret"), "host secret\n").unwrap();
        std::fs::write(host.join("payload"), "payload\n").unwrap();
        let secret = host.join("secret").display().to_string();
        e.ok(&[
            "run",
            "-d",
            "--name",
            "racer",
            &e.image,
            "sh",
            "-c",
            "while :; do rm -rf /w; mkdir -p /w; rm -rf /w; ln -s / /w; done",
        ]);
        let planted = format!("{}/planted", host.display());
        for i in 0..40 {
            let _ = e.run(&["cp", &host.join("payload").display().to_string(), &format!("c:/w{planted}")]);
            let _ = e.run(&["cp", &host.join("payload").display().to_string(), "racer:/w/in-root"]);
            let out = e.path(&format!("out-{i}"));
            let _ = e.run(&["cp", &format!("racer:/w{secret}"), &out.display().to_string()]);
            assert!(!out.exists(), "{:?}: round {i}: a host file was read through the container's symlink", e.mode);
            assert!(!Path::new(&planted).exists(), "{:?}: round {i}: a host file was written", e.mode);
        }
        // The copies that succeeded landed in the container's root.
        assert!(!Path::new("/in-root").exists());
    });
}

/// CVE-2019-14271: `docker cp` loaded the container's NSS libraries. An
/// NSS library in the container that would leave a marker when loaded
/// never is, whatever the copy.
#[test]
fn cp_loads_nothing_from_the_container() {
    each_mode("files-cve-14271", |e| {
        let dir = e.path("nss");
        dir_for(e, &dir);
        let marker = dir.join("loaded");
        let src = dir.join("evil.c");
        std::fs::write(
            &src,
            format!(
                "#include <fcntl.h>\n#include <unistd.h>\n__attribute__((constructor)) static void pwn(void) {{ int fd = open(\"{}\", O_CREAT | O_WRONLY, 0666); if (fd >= 0) close(fd); }}\n",
                marker.display()
            ),
        )
        .unwrap();
        let lib = dir.join("libnss_files.so.2");
        let cc = Command::new("cc").args(["-shared", "-fPIC", "-o"]).arg(&lib).arg(&src).output().unwrap();
        assert!(cc.status.success(), "{}", describe(&cc));
        let nsswitch = dir.join("nsswitch.conf");
        std::fs::write(&nsswitch, "passwd: files\ngroup: files\nhosts: files\n").unwrap();
        for p in [&lib, &nsswitch] {
            std::fs::set_permissions(p, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        }
        e.ok(&["run", "-d", "--name", "c", &e.image, "sleep", "600"]);
        e.ok(&["exec", "c", "mkdir", "-p", "/lib/x86_64-linux-gnu", "/lib64", "/usr/lib/x86_64-linux-gnu"]);
        let l = lib.display().to_string();
        for d in ["/lib/x86_64-linux-gnu/", "/lib64/", "/lib/", "/usr/lib/x86_64-linux-gnu/"] {
            e.ok(&["cp", &l, &format!("c:{d}")]);
        }
        e.ok(&["cp", &nsswitch.display().to_string(), "c:/etc/nsswitch.conf"]);
        e.ok(&["exec", "c", "sh", "-c", "echo x > /tmp/f; chown 1000:1000 /tmp/f"]);
        let out = e.path("out");
        for archive in [false, true] {
            let a: &[&str] = if archive { &["-a"] } else { &[] };
            e.ok(&[&["cp"], a, &["c:/tmp/f", &out.display().to_string()]].concat());
            e.ok(&[&["cp"], a, &[&l, "c:/tmp/"]].concat());
        }
        e.ok(&["stop", "-t", "0", "c"]);
        e.ok(&["cp", "-a", "c:/etc/passwd", &out.display().to_string()]);
        e.ok(&["cp", "-a", &l, "c:/tmp/"]);
        assert!(!marker.exists(), "{:?}: a library of the container was loaded", e.mode);
    });
}

#[test]
fn diff_export_commit_round_trip() {
    each_mode("files-commit", |e| {
        e.ok(&[
            "run",
            "--name",
            "c",
            &e.image,
            "sh",
            "-c",
            "echo hi > /etc/new; rm /etc/group; mkdir -p /opt/x; echo y > /opt/x/y; rm -rf /home",
        ]);
        let diff = e.ok(&["diff", "c"]);
        for line in ["C /etc", "A /etc/new", "D /etc/group", "A /opt", "A /opt/x/y"] {
            assert!(diff.lines().any(|l| l == line), "{:?}: {line} missing in\n{diff}", e.mode);
        }
        assert!(!diff.contains("/etc/hosts") && !diff.contains(".containerenv"), "{diff}");
        let json: Value = serde_json::from_str(&e.ok(&["container", "diff", "--format", "json", "c"])).unwrap();
        assert!(json["added"].as_array().unwrap().iter().any(|p| p == "/etc/new"), "{json}");
        assert!(json["deleted"].as_array().unwrap().iter().any(|p| p == "/etc/group"), "{json}");
        assert_eq!(e.code(&["diff", "--format", "table", "c"]), 125);

        // export: the merged files, to a file and to standard output.
        let file = e.path("c.tar");
        e.ok(&["export", "-o", &file.display().to_string(), "c"]);
        let names = tar_names(&std::fs::read(&file).unwrap());
        assert!(names.contains("etc/new") && names.contains("bin/sh") && !names.contains("etc/group"), "{names:?}");
        let out = e.run(&["container", "export", "c"]);
        assert!(out.status.success(), "{}", describe(&out));
        assert_eq!(tar_names(&out.stdout), names);

        // commit: the image runs with the change; the deletion is a whiteout.
        let id = e.ok(&[
            "commit",
            "-q",
            "-a",
            "tester",
            "-m",
            "the message",
            "-c",
            "CMD [\"cat\", \"/etc/new\"]",
            "-c",
            "ENV FOO=bar",
            "-c",
            "LABEL k=v",
            "-c",
            "WORKDIR /opt",
            "-c",
            "EXPOSE 8080",
            "-c",
            "USER 0",
            "-c",
            "STOPSIGNAL SIGINT",
            "-c",
            "VOLUME /data",
            "-c",
            "ONBUILD RUN true",
            "-c",
            "ENTRYPOINT []",
            "c",
            "committed",
        ]);
        let id = id.trim();
        assert_eq!(id.len(), 64, "{id}");
        assert_eq!(e.ok(&["run", "--rm", "committed"]), "hi\n");
        // (Without USER: a user without a group entry would get one written.)
        e.ok(&["commit", "-q", "c", "plain"]);
        let out = e.run(&["run", "--rm", "plain", "ls", "/etc/group", "/home"]);
        assert_eq!(text(&out.stdout), "", "{:?}: deleted files came back: {}", e.mode, describe(&out));
        assert_eq!(e.ok(&["run", "--rm", "committed", "sh", "-c", "pwd; echo $FOO; cat /opt/x/y"]), "/opt\nbar\ny\n");
        let v: Value = serde_json::from_str(&e.ok(&["image", "inspect", "committed"])).unwrap();
        let v = &v[0];
        assert_eq!(v["Author"], "tester");
        assert_eq!(v["Config"]["Labels"]["k"], "v");
        assert_eq!(v["Config"]["StopSignal"], "SIGINT");
        assert!(v["Config"]["ExposedPorts"]["8080/tcp"].is_object(), "{v}");
        assert!(v["Config"]["Volumes"]["/data"].is_object(), "{v}");
        assert_eq!(v["RootFS"]["Layers"].as_array().unwrap().len(), 2, "{v}");
        assert!(e.ok(&["history", "committed"]).contains("the message"));
        let idiff = e.ok(&["image", "diff", "committed"]);
        assert!(idiff.lines().any(|l| l == "D /etc/group") && idiff.lines().any(|l| l == "A /etc/new"), "{idiff}");

        // save and load keep the ID.
        let saved = e.path("committed.tar");
        e.ok(&["save", "-o", &saved.display().to_string(), "committed"]);
        e.ok(&["rmi", "committed"]);
        e.ok(&["load", "-i", &saved.display().to_string()]);
        assert_eq!(e.ok(&["images", "-q", "--no-trunc", "committed"]).trim(), format!("sha256:{id}"));

        // --squash: one layer; --format docker: a Docker manifest; a
        // running container with --pause; progress only without -q.
        e.ok(&["commit", "-q", "--squash", "c", "squashed"]);
        let v: Value = serde_json::from_str(&e.ok(&["image", "inspect", "squashed"])).unwrap();
        assert_eq!(v[0]["RootFS"]["Layers"].as_array().unwrap().len(), 1);
        assert_eq!(e.ok(&["run", "--rm", "squashed", "cat", "/etc/new"]), "hi\n");
        e.ok(&["run", "-d", "--name", "live", &e.image, "sh", "-c", "echo live > /live; sleep 600"]);
        e.wait_until("live", "running", |v| v["State"]["Running"] == true);
        std::thread::sleep(std::time::Duration::from_millis(300));
        let mut out = e.run(&["commit", "--pause", "--format", "docker", "live", "fromlive"]);
        if !out.status.success() {
            // Without a (delegated) cgroup there is no freezer: a clear error.
            assert!(text(&out.stderr).contains("no cgroup"), "{}", describe(&out));
            out = e.run(&["commit", "--format", "docker", "live", "fromlive"]);
        }
        assert!(out.status.success(), "{:?}: {}", e.mode, describe(&out));
        assert!(text(&out.stderr).contains("Writing manifest"), "{}", describe(&out));
        assert_eq!(e.ok(&["inspect", "--format", "{{.State.Status}}", "live"]), "running\n");
        assert_eq!(e.ok(&["run", "--rm", "fromlive", "cat", "/live"]), "live\n");
        let v: Value = serde_json::from_str(&e.ok(&["image", "inspect", "fromlive"])).unwrap();
        assert!(v[0]["ManifestType"].as_str().unwrap().contains("docker"), "{}", v[0]["ManifestType"]);
        assert_eq!(e.code(&["commit", "--format", "x", "live"]), 125);
        assert_eq!(e.code(&["commit", "-c", "BOGUS x", "live"]), 125);
        e.ok(&["rm", "-f", "live"]);
    });
}

#[test]
fn system_df_prune_reset() {
    each_mode("files-system", |e| {
        e.ok(&["run", "--name", "c1", "--label", "x=1", &e.image, "sh", "-c", "head -c 100000 /dev/zero > /data"]);
        e.ok(&["create", "--name", "c2", &e.image, "true"]);
        let df = e.ok(&["system", "df"]);
        let lines: Vec<&str> = df.lines().collect();
        assert_eq!(lines.len(), 4, "{df}");
        assert!(lines[0].starts_with("TYPE") && lines[0].contains("RECLAIMABLE"), "{df}");
        assert!(lines[1].starts_with("Images") && lines[3].starts_with("Local Volumes"), "{df}");
        let rows: Value = serde_json::from_str(&e.ok(&["system", "df", "--format", "json"])).unwrap();
        assert_eq!(rows[0]["Type"], "Images");
        assert_eq!(rows[0]["Total"], 1);
        assert_eq!(rows[0]["Active"], 1);
        assert_eq!(rows[1]["Total"], 2);
        assert_eq!(rows[1]["Active"], 0);
        assert!(rows[1]["RawSize"].as_u64().unwrap() >= 100_000, "{rows}");
        assert_eq!(rows[1]["RawReclaimable"], rows[1]["RawSize"]);
        assert_eq!(
            e.ok(&["system", "df", "--format", "{{.Type}}={{.Total}}"]),
            "Images=1\nContainers=2\nLocal Volumes=0\n"
        );
        let v = e.ok(&["system", "df", "-v"]);
        assert!(v.contains("Images space usage:") && v.contains("Containers space usage:"), "{v}");
        assert!(v.contains("c1") && v.contains("c2"), "{v}");

        // A dangling image (committed without a name) and a labelled filter.
        let dangling = e.ok(&["commit", "-q", "c2"]).trim().to_string();
        let out = e.run(&["system", "prune"]);
        assert_eq!(out.status.code(), Some(125), "no terminal, no --force: {}", describe(&out));
        assert_eq!(e.code(&["system", "prune", "-f", "--filter", "bogus=1"]), 125);
        let out = e.ok(&["system", "prune", "-f", "--filter", "label=x=1"]);
        assert!(out.starts_with("Deleted Containers\n"), "{out}");
        assert!(out.contains("Total reclaimed space: "), "{out}");
        assert!(e.ok(&["ps", "-a", "--format", "{{.Names}}"]).trim() == "c2", "only c1 had the label");
        let out = e.ok(&["system", "prune", "-f"]);
        assert!(out.contains("Deleted Containers\n") && out.contains("Deleted Images\n"), "{out}");
        assert!(out.contains(&dangling), "{out}");
        assert_eq!(e.ok(&["ps", "-aq"]), "");
        assert_eq!(e.ok(&["images", "-q"]).lines().count(), 1, "the named image stays without -a");
        let out = e.ok(&["system", "prune", "-a", "-f"]);
        assert!(out.contains("Deleted Images\n"), "{out}");
        assert_eq!(e.ok(&["images", "-q"]), "");
        let rows: Value = serde_json::from_str(&e.ok(&["system", "df", "--format", "json"])).unwrap();
        assert_eq!(rows[0]["RawSize"], 0, "{rows}");

        // reset: everything gone, the pause process too.
        e.ok(&["pull", "-q", "--tls-verify=false", &e.image]);
        e.ok(&["run", "-d", "--name", "live", &e.image, "sleep", "600"]);
        let pause_pid = (e.mode == Mode::Rootless).then(|| {
            let dir = std::env::var("RPOD_TEST_RUNTIME_DIR").unwrap();
            let text = std::fs::read_to_string(format!("{dir}/rpod/pause.pid")).unwrap_or_default();
            text.split_whitespace().next().unwrap_or("0").parse::<i32>().unwrap()
        });
        let out = e.run(&["system", "reset"]);
        assert_eq!(out.status.code(), Some(125), "no terminal, no --force: {}", describe(&out));
        e.ok(&["system", "reset", "-f"]);
        assert!(!e.path("root").join("layers").exists(), "{:?}: the store is left", e.mode);
        if let Some(pid) = pause_pid.filter(|p| *p > 0) {
            // Signalled: gone (or a zombie) within a moment.
            let gone = || {
                std::fs::read_to_string(format!("/proc/{pid}/stat"))
                    .map_or(true, |s| s.rsplit(") ").next().is_some_and(|r| r.starts_with('Z')))
            };
            let start = std::time::Instant::now();
            while !gone() && start.elapsed() < std::time::Duration::from_secs(10) {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            assert!(gone(), "the pause process {pid} still runs");
        }
        assert_eq!(e.ok(&["ps", "-aq"]), "");
        assert_eq!(e.ok(&["images", "-q"]), "");
    });
}

/// `cp` goes through a container's bind mounts and volumes, running or
/// stopped; `commit --include-volumes` declares them; `system df` counts
/// volumes and `system prune --volumes` removes unused ones.
#[test]
fn cp_through_volumes_and_binds_commit_include_volumes_prune_volumes() {
    each_mode("files-vol", |e| {
        let host = e.path("bound");
        dir_for(e, &host);
        let payload = e.path("payload");
        std::fs::write(&payload, "payload\n").unwrap();
        let p = payload.display().to_string();
        let bind = format!("{}:/b", host.display());
        e.ok(&[
            "run",
            "-d",
            "--name",
            "c",
            "-v",
            &bind,
            "-v",
            "vol:/v",
            "-v",
            "rovol:/ro:ro",
            &e.image,
            "sleep",
            "600",
        ]);
        // Running: through the container's own mounts.
        e.ok(&["cp", &p, "c:/b/run"]);
        assert_eq!(std::fs::read_to_string(host.join("run")).unwrap(), "payload\n");
        e.ok(&["cp", &p, "c:/v/run"]);
        assert_eq!(e.ok(&["run", "--rm", "-v", "vol:/v", &e.image, "cat", "/v/run"]), "payload\n");
        assert_ne!(e.code(&["cp", &p, "c:/ro/x"]), 0, "{:?}: a read-only volume was written", e.mode);
        // Stopped: the same places, mounted for the copy.
        e.ok(&["stop", "-t", "0", "c"]);
        e.ok(&["cp", &p, "c:/b/stopped"]);
        assert_eq!(std::fs::read_to_string(host.join("stopped")).unwrap(), "payload\n");
        e.ok(&["cp", &p, "c:/v/stopped"]);
        assert_eq!(e.ok(&["run", "--rm", "-v", "vol:/v", &e.image, "cat", "/v/stopped"]), "payload\n");
        let out = e.path("out");
        e.ok(&["cp", "c:/v/run", &out.display().to_string()]);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "payload\n");
        assert_ne!(e.code(&["cp", &p, "c:/ro/x"]), 0, "{:?}: a read-only volume was written", e.mode);
        let diff = e.ok(&["diff", "c"]);
        assert!(!diff.contains("/v/run") && !diff.contains("/b/run"), "{:?}: volume files in the diff: {diff}", e.mode);

        // commit --include-volumes.
        e.ok(&["commit", "-q", "--include-volumes", "c", "withvols"]);
        let v: Value = serde_json::from_str(&e.ok(&["image", "inspect", "withvols"])).unwrap();
        for d in ["/v", "/b", "/ro"] {
            assert!(v[0]["Config"]["Volumes"][d].is_object(), "{d}: {}", v[0]["Config"]);
        }
        e.ok(&["commit", "-q", "c", "novols"]);
        let v: Value = serde_json::from_str(&e.ok(&["image", "inspect", "novols"])).unwrap();
        assert!(v[0]["Config"]["Volumes"].get("/v").is_none(), "{}", v[0]["Config"]);

        // df counts the volumes; prune --volumes removes the unused ones.
        let rows: Value = serde_json::from_str(&e.ok(&["system", "df", "--format", "json"])).unwrap();
        assert_eq!(rows[2]["Type"], "Local Volumes");
        assert_eq!(rows[2]["Total"], 2, "{rows}");
        assert!(rows[2]["RawSize"].as_u64().unwrap() >= 16, "{rows}");
        e.ok(&["rm", "c"]);
        let out = e.ok(&["system", "prune", "-f", "--volumes"]);
        assert!(
            out.contains("Deleted Volumes\nrovol\nvol\n") || out.contains("Deleted Volumes\nvol\nrovol\n"),
            "{out}"
        );
        assert_eq!(e.ok(&["volume", "ls", "-q"]), "");
    });
}
