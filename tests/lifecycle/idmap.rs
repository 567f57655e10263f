//! `--uidmap`, `--gidmap`, `--subuidname`, `--subgidname` (a user
//! namespace of the container's own, Podman's maps), root and rootless.

use super::*;

fn sub_start(file: &str) -> u32 {
    Bed::get().sub_start(file)
}

/// A directory anyone may write, for binds.
fn open_dir(e: &Eng, name: &str) -> std::path::PathBuf {
    let d = e.path(name);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::set_permissions(&d, std::os::unix::fs::PermissionsExt::from_mode(0o777)).unwrap();
    d
}

fn owner(p: &Path) -> (u32, u32) {
    let m = std::fs::metadata(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    (m.uid(), m.gid())
}

/// The maps seen inside, the image's files root's there, and what the
/// container writes to a bind or a named volume owned by the mapped IDs on
/// the host; as root on the default bridge network (a namespace netavark
/// made, joined before the container's user namespace exists), rootless
/// on pasta; `exec` joins it; a kept container keeps its maps.
#[test]
fn uidmap_maps_files_and_writes() {
    let (subuid, subgid) = (sub_start("/etc/subuid"), sub_start("/etc/subgid"));
    each_mode("idmap", |e| {
        let out = open_dir(e, "out");
        let bind = format!("{}:/out", out.display());
        // FROM: a host ID as root, an ID of the user's namespace rootless.
        let (from, host_uid, host_gid) = match e.mode {
            Mode::Root => (100000u32, 100000u32, 100000u32),
            Mode::Rootless => (1, subuid, subgid),
        };
        let map = format!("0:{from}:5000");
        let script = "tr -s ' ' < /proc/self/uid_map; tr -s ' ' < /proc/self/gid_map; stat -c %u:%g /bin/busybox /etc/passwd; id -u; \
                      touch /out/f /data/g && stat -c %u:%g /data/g";
        let got =
            e.ok(&["run", "--rm", "--uidmap", &map, "-v", &bind, "-v", "idvol:/data", &e.image, "sh", "-c", script]);
        let lines: Vec<&str> = got.lines().map(str::trim).collect();
        let want_map = format!("0 {from} 5000");
        assert_eq!(lines, [&want_map, &want_map, "0:0", "0:0", "0", "0:0"], "{:?}: {got}", e.mode);
        assert_eq!(owner(&out.join("f")), (host_uid, host_gid), "{:?}: the bind's new file on the host", e.mode);
        std::fs::remove_file(out.join("f")).unwrap();

        // --gidmap apart; exec joins the namespace; the maps stay across starts.
        let gmap = format!("0:{}:5000", from + 10000);
        e.ok(&["run", "-d", "--name", "m", "--uidmap", &map, "--gidmap", &gmap, &e.image, "sleep", "600"]);
        let got = e.ok(&["exec", "m", "sh", "-c", "id -u; id -g; tr -s ' ' < /proc/self/gid_map"]);
        assert_eq!(got.lines().map(str::trim).collect::<Vec<_>>(), ["0", "0", &format!("0 {} 5000", from + 10000)]);
        e.ok(&["stop", "-t", "0", "m"]);
        e.ok(&["start", "m"]);
        let got = e.ok(&["exec", "m", "sh", "-c", "tr -s ' ' < /proc/self/uid_map"]);
        assert_eq!(got.trim(), want_map, "{:?}", e.mode);
        e.ok(&["rm", "-f", "-t", "0", "m"]);
        // A user-defined network's namespace (the engine's user namespace
        // owns it): joined by the container and by exec.
        e.ok(&["network", "create", "idnet"]);
        e.ok(&["run", "-d", "--name", "n", "--uidmap", &map, "--network", "idnet", &e.image, "sleep", "600"]);
        let got = e.ok(&["exec", "n", "sh", "-c", "id -u; ip -o -4 addr show eth0 | grep -c 'inet 10.89'"]);
        assert_eq!(got, "0\n1\n", "{:?}", e.mode);
        e.ok(&["rm", "-f", "-t", "0", "n"]);
        e.ok(&["network", "rm", "idnet"]);

        // commit and export give the container's own IDs.
        e.ok(&["run", "--name", "w", "--uidmap", &map, &e.image, "sh", "-c", "echo hi > /made; chown 7:8 /made"]);
        e.ok(&["commit", "-q", "w", "localhost/idimg"]);
        assert_eq!(e.ok(&["run", "--rm", "localhost/idimg", "stat", "-c", "%u:%g", "/made"]), "7:8\n", "{:?}", e.mode);
        let tar = e.path("w.tar").display().to_string();
        e.ok(&["export", "-o", &tar, "w"]);
        let listing = std::process::Command::new("tar").args(["-tvf", &tar, "made", "bin/busybox"]).output().unwrap();
        let listing = text(&listing.stdout);
        assert!(listing.contains(" 7/8 ") && listing.contains(" 0/0 "), "{:?}: {listing}", e.mode);
        e.ok(&["rm", "w"]);
        e.ok(&["rmi", "localhost/idimg"]);

        // Podman's example: the engine's own ID as a user of the container.
        let got = e.ok(&[
            "run",
            "--rm",
            "--uidmap",
            "1000:0:1",
            "--uidmap",
            &format!("0:{from}:10"),
            "--user",
            "1000",
            "-v",
            &bind,
            &e.image,
            "sh",
            "-c",
            "id -u; touch /out/mine",
        ]);
        assert_eq!(got.trim(), "1000");
        let me = match e.mode {
            Mode::Root => 0,
            Mode::Rootless => Bed::get().test_uid,
        };
        assert_eq!(owner(&out.join("mine")).0, me, "{:?}: 1000 inside is the engine's user", e.mode);
        std::fs::remove_file(out.join("mine")).unwrap();
        e.ok(&["volume", "rm", "idvol"]);
    });
}

/// NAME's ranges (root: the host's IDs; rootless: the user's own ranges
/// in the user's namespace); maps that cannot be used are refused at
/// create with exit 125 and nothing made.
#[test]
fn subuidname_and_bad_maps() {
    let (subuid, subgid) = (sub_start("/etc/subuid"), sub_start("/etc/subgid"));
    each_mode("idmap-bad", |e| {
        let user = Bed::get().test_user.clone();
        let first = match e.mode {
            Mode::Root => (subuid, subgid),
            Mode::Rootless => (1, 1),
        };
        let got = e.ok(&[
            "run",
            "--rm",
            "--subuidname",
            &user,
            &e.image,
            "sh",
            "-c",
            "head -1 /proc/self/uid_map; head -1 /proc/self/gid_map",
        ]);
        let lines: Vec<String> =
            got.lines().map(|l| l.split_whitespace().take(2).collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(lines, [format!("0 {}", first.0), format!("0 {}", first.1)], "{:?}: {got}", e.mode);

        let mut bad: Vec<(Vec<&str>, &str)> = vec![
            (vec!["--uidmap", "0:1"], "expected CONTAINER_ID:FROM_ID:AMOUNT"),
            (vec!["--uidmap", "0:1:0"], "at least 1"),
            (vec!["--uidmap", "0:1:10", "--uidmap", "5:100:10"], "overlap"),
            (vec!["--uidmap", "0:1:10", "--uidmap", "20:5:10"], "overlap"),
            (vec!["--subuidname", "nosuchuser"], "no range in /etc/subuid"),
            (vec!["--uidmap", "0:1:10", "--subuidname", &user], "mutually exclusive"),
            (vec!["--uidmap", "0:1:10", "--userns", "host"], "cannot be used with --userns"),
            (vec!["--uidmap", "0:1:10", "--pod", "new:idpod"], "cannot specify a new uid/gid map when entering a pod"),
        ];
        if e.mode == Mode::Rootless {
            bad.push((vec!["--uidmap", "0:1:100000000"], "outside your user namespace"));
        }
        for (flags, msg) in &bad {
            let out = e.run(&[&["create"][..], flags, &[&e.image]].concat());
            assert_eq!(out.status.code(), Some(125), "{:?} {flags:?}: {}", e.mode, describe(&out));
            assert!(text(&out.stderr).contains(msg), "{:?} {flags:?}: {}", e.mode, describe(&out));
        }
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "", "{:?}: nothing was created", e.mode);
        assert_eq!(e.ok(&["pod", "ps", "-q"]), "", "{:?}: no pod was made", e.mode);

        // Root's files cannot be owned by anyone when 0 is not mapped.
        let out = e.run(&["run", "--rm", "--uidmap", "1000:0:1", &e.image, "true"]);
        assert_eq!(out.status.code(), Some(125), "{:?}: {}", e.mode, describe(&out));
        assert!(text(&out.stderr).contains("no counterpart"), "{:?}: {}", e.mode, describe(&out));
    });
}
