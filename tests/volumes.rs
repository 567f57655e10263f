//! Bind mounts, volumes and tmpfs through the CLI, rootless and as root:
//! `-v` (owners, `:ro`, keep-id, `O`, `U`), `--mount`, `--tmpfs`,
//! `--volumes-from`, the image's `VOLUME`, `rm -v`/`--rm`, the `volume`
//! commands, and a symlink in the image that must not send a mount to the
//! host.

use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::time::Duration;

use rpod_testbed::bed::{describe, output_with_timeout, text, Bed};
use rpod_testbed::engine::{each_mode, is_id, Eng, Mode};
use serde_json::Value;

/// A directory of the test's store owned by the engine's user (the test
/// user rootless), with `files` in it.
fn host_dir(e: &Eng, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = e.dir.path().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for (f, content) in files {
        std::fs::write(dir.join(f), content).unwrap();
    }
    if e.mode == Mode::Rootless {
        let bed = Bed::get();
        for p in std::iter::once(dir.clone()).chain(files.iter().map(|(f, _)| dir.join(f))) {
            std::os::unix::fs::chown(&p, Some(bed.test_uid), Some(bed.test_gid)).unwrap();
        }
    }
    dir
}

/// The engine's own IDs on the host: the test user's rootless, root's as root.
fn engine_ids(e: &Eng) -> (u32, u32) {
    match e.mode {
        Mode::Rootless => (Bed::get().test_uid, Bed::get().test_gid),
        Mode::Root => (0, 0),
    }
}

#[test]
fn bind_mounts_read_write_with_owners_ro_and_keep_id() {
    each_mode("lc-bind", |e| {
        let dir = host_dir(e, "host", &[("f", "from the host\n")]);
        let d = dir.display().to_string();
        let out = e.ok(&[
            "run",
            "--rm",
            "-v",
            &format!("{d}:/d"),
            &e.image,
            "sh",
            "-c",
            "cat /d/f; stat -c %u /d/f; echo new > /d/g",
        ]);
        assert_eq!(out, "from the host\n0\n");
        let g = std::fs::metadata(dir.join("g")).unwrap();
        assert_eq!((g.uid(), g.gid()), engine_ids(e), "{:?}: a file written by the container's root", e.mode);
        assert_eq!(std::fs::read_to_string(dir.join("g")).unwrap(), "new\n");
        // :ro refuses writes; the file stays as it was.
        let out = e.run(&["run", "--rm", "-v", &format!("{d}:/d:ro,z"), &e.image, "sh", "-c", "echo x > /d/f"]);
        assert_ne!(out.status.code(), Some(0), "{}", describe(&out));
        assert!(text(&out.stderr).contains("Read-only file system"), "{}", describe(&out));
        assert_eq!(std::fs::read_to_string(dir.join("f")).unwrap(), "from the host\n");
        // --mount type=bind, relative to nothing: absolute, read-only.
        let m = format!("type=bind,source={d},target=/m,readonly");
        assert_eq!(e.ok(&["run", "--rm", "--mount", &m, &e.image, "cat", "/m/f"]), "from the host\n");
        assert_ne!(e.code(&["run", "--rm", "--mount", &m, &e.image, "touch", "/m/x"]), 0);
        // O: writes land in an overlay of the container's; the host directory stays.
        e.ok(&["run", "--rm", "-v", &format!("{d}:/o:O"), &e.image, "sh", "-c", "echo o > /o/over && cat /o/f"]);
        assert!(!dir.join("over").exists());
        // A missing host path, a bad option, idmap: clear errors, exit 125.
        for bad in
            [format!("{d}/missing:/x"), format!("{d}:/x:bogus"), format!("{d}:/x:idmap"), format!("{d}:/x:ro,rw")]
        {
            let out = e.run(&["run", "--rm", "-v", &bad, &e.image, "true"]);
            assert_eq!(out.status.code(), Some(125), "{bad}: {}", describe(&out));
        }
        if e.mode == Mode::Rootless {
            // keep-id: the container's user is the test user, and its files are the user's on the host.
            let bed = Bed::get();
            let out = e.ok(&[
                "run",
                "--rm",
                "--userns=keep-id",
                "-v",
                &format!("{d}:/d"),
                &e.image,
                "sh",
                "-c",
                "id -u; stat -c %u /d/f; echo kept > /d/k",
            ]);
            assert_eq!(out, format!("{0}\n{0}\n", bed.test_uid));
            let k = std::fs::metadata(dir.join("k")).unwrap();
            assert_eq!((k.uid(), k.gid()), (bed.test_uid, bed.test_gid));
            // U: the source becomes the container user's.
            e.ok(&["run", "--rm", "--user", "100:100", "-v", &format!("{d}:/u:U"), &e.image, "touch", "/u/by-100"]);
            let f = std::fs::metadata(dir.join("f")).unwrap();
            assert_ne!(f.uid(), bed.test_uid, "U changed the owner to the container's 100");
        }
    });
}

#[test]
fn named_volumes_and_volume_commands() {
    each_mode("lc-vol", |e| {
        assert_eq!(e.ok(&["volume", "create", "--label", "app=db", "data"]), "data\n");
        assert_eq!(e.code(&["volume", "create", "data"]), 125);
        assert_eq!(e.ok(&["volume", "create", "--ignore", "data"]), "data\n");
        assert_eq!(e.ok(&["volume", "ls"]), "DRIVER      VOLUME NAME\nlocal       data\n");
        let v: Value = serde_json::from_str(&e.ok(&["volume", "inspect", "data"])).unwrap();
        let keys: Vec<&str> = v[0].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "Name",
                "Driver",
                "Mountpoint",
                "CreatedAt",
                "Labels",
                "Scope",
                "Options",
                "MountCount",
                "NeedsCopyUp",
                "NeedsChown"
            ]
        );
        assert_eq!(v[0]["Labels"]["app"], "db");
        let mountpoint = e.dir.path().join("root/volumes/data/_data");
        assert_eq!(v[0]["Mountpoint"], mountpoint.display().to_string());
        assert_eq!(e.code(&["volume", "exists", "data"]), 0);
        assert_eq!(e.code(&["volume", "exists", "nope"]), 1);
        assert_eq!(e.code(&["volume", "inspect", "nope"]), 125);
        assert_eq!(e.code(&["volume", "rm", "nope"]), 1);
        // Data survives the container; a non-root user can write a new volume.
        e.ok(&["run", "--name", "writer", "-v", "data:/data", &e.image, "sh", "-c", "echo kept > /data/f"]);
        assert_eq!(e.ok(&["ps", "-a", "--filter", "volume=data", "--format", "{{.Names}}"]), "writer\n");
        assert_eq!(e.ok(&["ps", "-a", "--filter", "volume=/data", "--format", "{{.Names}}"]), "writer\n");
        let m = &e.inspect("writer")["Mounts"][0];
        assert_eq!(m["Type"], "volume");
        assert_eq!(m["Name"], "data");
        assert_eq!(m["Source"], mountpoint.display().to_string());
        assert_eq!(m["Destination"], "/data");
        assert_eq!(m["RW"], true);
        // In use: refused with exit 2.
        let out = e.run(&["volume", "rm", "data"]);
        assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
        assert!(text(&out.stderr).contains("volume is being used"), "{}", describe(&out));
        e.ok(&["rm", "writer"]);
        assert_eq!(e.ok(&["run", "--rm", "-v", "data:/again", &e.image, "cat", "/again/f"]), "kept\n");
        assert_eq!(
            e.ok(&[
                "run",
                "--rm",
                "--user",
                "1000:1000",
                "-v",
                "fresh:/w",
                &e.image,
                "sh",
                "-c",
                "echo w > /w/x && cat /w/x"
            ]),
            "w\n"
        );
        assert_eq!(e.ok(&["volume", "ls", "-q", "--filter", "label=app=db"]), "data\n");
        // export / import round trip.
        let tar = e.dir.path().join("data.tar");
        let out = e.run(&["volume", "export", "data"]);
        assert!(out.status.success(), "{}", describe(&out));
        std::fs::write(&tar, &out.stdout).unwrap();
        if e.mode == Mode::Rootless {
            std::os::unix::fs::chown(&tar, Some(Bed::get().test_uid), None).unwrap();
        }
        e.ok(&["volume", "create", "copy"]);
        e.ok(&["volume", "import", "copy", &tar.display().to_string()]);
        assert_eq!(e.ok(&["run", "--rm", "-v", "copy:/c", &e.image, "cat", "/c/f"]), "kept\n");
        // A tmpfs volume of the local driver.
        e.ok(&["volume", "create", "--opt", "type=tmpfs", "--opt", "device=tmpfs", "--opt", "o=size=1m", "mem"]);
        let out = e.ok(&["run", "--rm", "-v", "mem:/mem", &e.image, "sh", "-c", "grep ' /mem ' /proc/mounts"]);
        assert!(out.starts_with("tmpfs /mem tmpfs") && out.contains("size=1024k"), "{out}");
        // Concurrent creates of one name make one volume.
        let runs: Vec<_> = (0..4)
            .map(|_| {
                let mut cmd = e.cmd(&["volume", "create", "race"]);
                std::thread::spawn(move || output_with_timeout(&mut cmd, Duration::from_secs(60)))
            })
            .collect();
        let made = runs.into_iter().map(|r| r.join().unwrap().status.success()).filter(|made| *made).count();
        assert_eq!(made, 1);
        // prune removes the unused ones; rm -f removes the users first.
        e.ok(&["create", "--name", "holder", "-v", "data:/data", &e.image, "true"]);
        // `until=1h` means made more than an hour ago (Podman): none of these.
        assert_eq!(e.ok(&["volume", "prune", "-f", "--filter", "until=1h"]), "");
        let pruned = e.ok(&["volume", "prune", "-f"]);
        let mut pruned: Vec<&str> = pruned.lines().collect();
        pruned.sort();
        assert_eq!(pruned, ["copy", "fresh", "mem", "race"]);
        assert_eq!(e.ok(&["volume", "rm", "-f", "data"]), "data\n");
        assert_eq!(e.code(&["container", "exists", "holder"]), 1);
        assert_eq!(e.ok(&["volume", "ls", "-q"]), "");
    });
}

/// An image of busybox's /bin and /etc (and /data or /evil when `script`
/// makes them), imported with `changes`.
fn derived_image(e: &Eng, name: &str, script: &str, changes: &[&str]) {
    let out = e.run(&[
        "run",
        "--rm",
        &e.image,
        "sh",
        "-c",
        &format!("{script}; tar -c -f - bin etc $(ls -d /data /evil 2>/dev/null | tr -d /)"),
    ]);
    assert!(out.status.success(), "{}", describe(&out));
    let tar = e.dir.path().join(format!("{name}.tar"));
    std::fs::write(&tar, &out.stdout).unwrap();
    if e.mode == Mode::Rootless {
        std::os::unix::fs::chown(&tar, Some(Bed::get().test_uid), None).unwrap();
    }
    let mut args = vec!["import".to_string(), "-q".into()];
    for c in changes {
        args.push("-c".into());
        args.push(c.to_string());
    }
    args.push(tar.display().to_string());
    args.push(name.into());
    e.ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn tmpfs_mounts_volumes_from_image_volumes_and_rm_v() {
    each_mode("lc-vol2", |e| {
        let out = e.ok(&["run", "--rm", "--tmpfs", "/t:size=1m", &e.image, "sh", "-c", "grep ' /t ' /proc/mounts"]);
        assert!(out.starts_with("tmpfs /t tmpfs rw,nosuid,nodev,noexec") && out.contains("size=1024k"), "{out}");
        let out = e.ok(&[
            "run",
            "--rm",
            "--mount",
            "type=tmpfs,target=/t2,tmpfs-size=2m,tmpfs-mode=1770",
            &e.image,
            "sh",
            "-c",
            "grep ' /t2 ' /proc/mounts; stat -c %a /t2",
        ]);
        assert!(out.contains("size=2048k") && out.ends_with("1770\n"), "{out}");
        assert_eq!(
            e.ok(&[
                "run",
                "--rm",
                "--mount",
                &format!("type=image,source={},target=/img", e.image),
                &e.image,
                "ls",
                "/img/bin/busybox"
            ]),
            "/img/bin/busybox\n"
        );
        assert_eq!(
            e.code(&["run", "--rm", "--mount", "type=tmpfs,target=/x,bind-propagation=shared", &e.image, "true"]),
            125
        );
        assert_eq!(e.code(&["run", "--rm", "--tmpfs", "/x:tmpcopyup", &e.image, "true"]), 125);
        // The image's VOLUME: an anonymous volume with the image's files,
        // kept by rm, removed by rm -v and --rm.
        derived_image(
            e,
            "volimg",
            "mkdir /data && echo seed > /data/seed && chown 7:7 /data",
            &["VOLUME /data", "CMD [\"sh\"]"],
        );
        e.ok(&["run", "--name", "a", "volimg", "sh", "-c", "cat /data/seed; stat -c %u /data; echo more > /data/more"]);
        let anon = e.inspect("a")["Mounts"][0]["Name"].as_str().unwrap().to_string();
        assert!(is_id(&anon), "{anon}");
        let v: Value = serde_json::from_str(&e.ok(&["volume", "inspect", &anon])).unwrap();
        assert_eq!(v[0]["NeedsCopyUp"], false);
        assert_eq!(e.ok(&["logs", "a"]), "seed\n7\n");
        // --volumes-from, read-only.
        let out =
            e.run(&["run", "--rm", "--volumes-from", "a:ro", &e.image, "sh", "-c", "cat /data/more; touch /data/x"]);
        assert_eq!(text(&out.stdout), "more\n", "{}", describe(&out));
        assert_ne!(out.status.code(), Some(0));
        e.ok(&["run", "--rm", "--volumes-from", "a", &e.image, "touch", "/data/y"]);
        e.ok(&["rm", "a"]);
        assert_eq!(e.code(&["volume", "exists", &anon]), 0, "rm without -v keeps the anonymous volume");
        e.ok(&["run", "--name", "b", "volimg", "true"]);
        let anon_b = e.inspect("b")["Mounts"][0]["Name"].as_str().unwrap().to_string();
        e.ok(&["rm", "-v", "b"]);
        assert_eq!(e.code(&["volume", "exists", &anon_b]), 1);
        let before = e.ok(&["volume", "ls", "-q"]);
        e.ok(&["run", "--rm", "volimg", "true"]);
        e.ok(&["run", "--rm", "-v", "/anon", &e.image, "true"]);
        assert_eq!(e.ok(&["volume", "ls", "-q"]), before, "--rm removes the anonymous volumes");
        assert_eq!(e.ok(&["run", "--rm", "--image-volume", "ignore", "volimg", "cat", "/data/seed"]), "seed\n");
        e.ok(&["volume", "rm", &anon]);
    });
}

#[test]
fn a_symlink_in_the_image_cannot_send_a_mount_to_the_host() {
    each_mode("lc-volesc", |e| {
        let src = host_dir(e, "src", &[("f", "source\n")]);
        let victim = host_dir(e, "victim", &[]);
        // /evil in the image points at the victim's host path.
        derived_image(e, "evilimg", &format!("ln -s {} /evil", victim.display()), &["CMD [\"sh\"]"]);
        let out = e.ok(&[
            "run",
            "--rm",
            "-v",
            &format!("{}:/evil", src.display()),
            "evilimg",
            "sh",
            "-c",
            "cat /evil/f; echo written > /evil/new",
        ]);
        assert_eq!(out, "source\n");
        assert_eq!(std::fs::read_to_string(src.join("new")).unwrap(), "written\n");
        assert_eq!(std::fs::read_dir(&victim).unwrap().count(), 0, "the mount went to the host's {}", victim.display());
        // A volume mounted there, and a tmpfs, stay inside too.
        e.ok(&["run", "--rm", "-v", "v:/evil", "--tmpfs", "/evil2", "evilimg", "sh", "-c", "echo in > /evil/x"]);
        assert_eq!(std::fs::read_dir(&victim).unwrap().count(), 0);
        e.ok(&["volume", "rm", "v"]);
    });
}
