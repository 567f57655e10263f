//! Escape regression tests (issue 12): each one failed on the code before
//! the fix named in its comment. Root and rootless.

use super::*;

/// `rpod exec` confines its process as the container's own: the
/// container's seccomp filter (mode 2), no_new_privs as configured, the
/// container's capabilities, and a session of its own without a
/// controlling terminal (so it cannot open the caller's /dev/tty and push
/// input into it with TIOCSTI), with `-t` a terminal of its own.
#[test]
fn exec_is_confined_like_the_container() {
    each_mode("esc-exec", |e| {
        e.ok(&["run", "-d", "--name", "c", &e.image, "sleep", "600"]);
        let run = e.ok(&["exec", "c", "grep", "-E", "^(Seccomp|NoNewPrivs|CapBnd):", "/proc/1/status"]);
        let exec = e.ok(&["exec", "c", "grep", "-E", "^(Seccomp|NoNewPrivs|CapBnd):", "/proc/self/status"]);
        assert!(exec.contains("Seccomp:\t2"), "{:?}: {exec}", e.mode);
        assert_eq!(exec, run, "{:?}: exec'd process differs from the container's", e.mode);
        // pid, session, tty_nr of the exec'd shell itself (`read` is a builtin).
        let stat = e.ok(&[
            "exec",
            "c",
            "sh",
            "-c",
            "read pid comm st ppid pgrp sid tty rest < /proc/self/stat; echo $pid $sid $tty",
        ]);
        let f: Vec<&str> = stat.split_whitespace().collect();
        assert_eq!(f.len(), 3, "{stat}");
        assert_eq!(f[0], f[1], "{:?}: the exec'd process leads its own session: {stat}", e.mode);
        assert_eq!(f[2], "0", "{:?}: no controlling terminal: {stat}", e.mode);
        let out = e.run(&["exec", "c", "sh", "-c", "echo x > /dev/tty"]);
        assert_ne!(out.status.code(), Some(0), "{:?}: /dev/tty opened: {}", e.mode, describe(&out));
        // With -t: a terminal of its own, as its controlling terminal.
        let (code, out) = e.in_pty(
            "",
            &[
                "exec",
                "-t",
                "c",
                "sh",
                "-c",
                "tty; read p c s pp pg sid tty r < /proc/self/stat; [ $p = $sid ] && echo leader",
            ],
            b"",
        );
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("/dev/pts/") && out.contains("leader"), "{:?}: {out}", e.mode);
        // The first child (outside the container) is gone; only the command is left.
        let ps = e.ok(&["exec", "c", "ps", "-o", "pid,comm"]);
        assert_eq!(ps.lines().count(), 3, "{:?}: {ps}", e.mode);
    });
}

/// A process `rpod exec` starts is never seen in the container's PID
/// namespace with the host's root: it joins every namespace (mount
/// included) and becomes non-dumpable before it is forked into the PID
/// namespace. A container with CAP_SYS_PTRACE watches /proc for a process
/// whose root holds a file that only exists on the host, while execs run.
#[test]
fn exec_is_never_visible_with_the_hosts_root() {
    each_mode("esc-exec-vis", |e| {
        let marker = format!("rpod-escape-marker-{}", std::process::id());
        let marker_path = e.dir.path().join(&marker);
        std::fs::write(&marker_path, "host").unwrap();
        let host_dir = e.dir.path().display().to_string();
        let watch = format!(
            "while true; do for p in /proc/[0-9]*; do [ -e $p/root{host_dir}/{marker} ] && echo seen > /tmp/seen; done; done"
        );
        e.ok(&["run", "-d", "--cap-add", "SYS_PTRACE", "--name", "w", &e.image, "sh", "-c", &watch]);
        for _ in 0..40 {
            e.ok(&["exec", "w", "true"]);
        }
        assert_eq!(
            e.code(&["exec", "w", "test", "-e", "/tmp/seen"]),
            1,
            "{:?}: an exec'd process was seen with the host's root",
            e.mode
        );
    });
}

/// `--init`: the container's PID 1 is `rpod-init` run from a sealed memfd,
/// never the engine's binary (the runc CVE-2019-5736 class): even with
/// CAP_SYS_PTRACE, /proc/1/exe hashes differently from the host's rpod,
/// and writing to it fails.
#[test]
fn init_is_not_the_engines_binary() {
    each_mode("esc-init", |e| {
        let host = std::process::Command::new("sha256sum").arg(rpod()).output().unwrap();
        let host_hash = text(&host.stdout).split_whitespace().next().unwrap_or_default().to_string();
        assert_eq!(host_hash.len(), 64, "{}", describe(&host));
        let script = "readlink /proc/1/exe; sha256sum /proc/1/exe; \
                      (echo x >> /proc/1/exe) 2>/dev/null && echo WROTE || echo refused; cat /proc/1/comm";
        let out = e.ok(&["run", "--rm", "--init", "--cap-add", "SYS_PTRACE", &e.image, "sh", "-c", script]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4, "{:?}: {out}", e.mode);
        assert!(lines[0].starts_with("/memfd:rpod-init"), "{:?}: {out}", e.mode);
        let hash = lines[1].split_whitespace().next().unwrap_or_default();
        assert_eq!(hash.len(), 64, "{:?}: {out}", e.mode);
        assert_ne!(hash, host_hash, "{:?}: /proc/1/exe is the engine's binary", e.mode);
        assert_eq!(lines[2], "refused", "{:?}: {out}", e.mode);
        assert_eq!(lines[3], "rpod-init", "{:?}: {out}", e.mode);
    });
}

/// Device nodes shipped in an image are inert (issue 12): with no device
/// cgroup (this host has none to make), the container's root file system
/// is mounted nodev, so a character device in a layer cannot be opened
/// (it could have been the host's serial port); `--privileged` (all
/// devices allowed) keeps them usable, as with Podman. Rootless, the node
/// is not even created (no mknod in a user namespace). The node here is
/// 1:3 (/dev/null), harmless on the host either way.
#[test]
fn image_device_nodes_are_inert() {
    each_mode("esc-dev", |e| {
        let src = e.dir.path().join("evil-src");
        std::fs::create_dir_all(src.join("bin")).unwrap();
        std::fs::copy("/bin/busybox", src.join("bin/busybox")).unwrap();
        std::os::unix::fs::symlink("busybox", src.join("bin/sh")).unwrap();
        let node = src.join("evilnull");
        nix::sys::stat::mknod(
            &node,
            nix::sys::stat::SFlag::S_IFCHR,
            nix::sys::stat::Mode::from_bits_truncate(0o666),
            nix::sys::stat::makedev(1, 3),
        )
        .unwrap();
        let tarball = e.dir.path().join("evil.tar");
        let st = std::process::Command::new("tar")
            .args(["-C", &src.display().to_string(), "-cf", &tarball.display().to_string(), "."])
            .status()
            .unwrap();
        assert!(st.success());
        if e.mode == Mode::Rootless {
            let b = Bed::get();
            std::os::unix::fs::chown(&tarball, Some(b.test_uid), Some(b.test_gid)).unwrap();
        }
        e.ok(&["import", &tarball.display().to_string(), "localhost/evil:1"]);
        let script = "if [ -c /evilnull ]; then (echo x > /evilnull) 2>/dev/null && echo WROTE || echo denied; \
                      else echo absent; fi";
        let out = e.ok(&["run", "--rm", "localhost/evil:1", "/bin/sh", "-c", script]);
        match e.mode {
            Mode::Root => assert_eq!(out, "denied\n", "an image's device node was usable"),
            Mode::Rootless => assert_ne!(out, "WROTE\n", "an image's device node was usable rootless"),
        }
        if e.mode == Mode::Root {
            let out = e.ok(&["run", "--rm", "--privileged", "localhost/evil:1", "/bin/sh", "-c", script]);
            assert_eq!(out, "WROTE\n", "--privileged allows every device");
            // --device still works, in /dev and outside it.
            let out = e.ok(&[
                "run",
                "--rm",
                "--device",
                "/dev/null:/mydev/null",
                "localhost/evil:1",
                "/bin/sh",
                "-c",
                "echo x > /mydev/null && echo ok",
            ]);
            assert_eq!(out, "ok\n");
        }
        // --device-cgroup-rule needs the device cgroup: refused rootless, and
        // as root on a host where no cgroup can be made (this hybrid one; the
        // VM suite shows the rule at work on cgroup v2).
        let hybrid = std::fs::read_to_string("/proc/self/mountinfo").unwrap().contains(" - cgroup ");
        if e.mode == Mode::Rootless || hybrid {
            let out = e.run(&[
                "run",
                "--rm",
                "--device-cgroup-rule",
                "c 4:64 rw",
                "localhost/evil:1",
                "/bin/sh",
                "-c",
                "true",
            ]);
            assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
            assert!(text(&out.stderr).contains("--device-cgroup-rule cannot be applied"), "{}", describe(&out));
        }
        let out = e.run(&["create", "--device-cgroup-rule", "c 4 rw", "localhost/evil:1"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("expected TYPE MAJOR:MINOR ACCESS"), "{}", describe(&out));
    });
}

/// What rpod makes is private whatever the umask (issue 12): run with
/// umask 000 under a `--root` that already exists with mode 0755 (which
/// rpod accepts: others may not write there), the container's directories
/// are 0700 (so other users cannot reach the setuid files a container
/// writes into its upper layer or a volume), its run directory 0700, the
/// attach socket, lock, log and events files 0600; as root the bridge's
/// state 0700 and a new network definitions directory 0755 (as Podman).
#[test]
fn modes_do_not_depend_on_the_umask() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    each_mode("esc-umask", |e| {
        let bed = Bed::get();
        let root = e.path("root755");
        let run = e.path("run000");
        std::fs::create_dir(&root).unwrap();
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
        if e.mode == Mode::Rootless {
            std::os::unix::fs::chown(&root, Some(bed.test_uid), Some(bed.test_gid)).unwrap();
        }
        let rpod_umask0 = |args: &[&str]| {
            let sh = "/bin/sh";
            let mut cmd = match e.mode {
                Mode::Root => bed.root_command(sh),
                Mode::Rootless => bed.rootless_command(sh),
            };
            cmd.args(["-c", "umask 000 && exec \"$@\"", "sh"]).arg(rpod());
            cmd.args(["--root", &root.display().to_string(), "--runroot", &run.display().to_string()]);
            cmd.args(args);
            let out = output_with_timeout(&mut cmd, Duration::from_secs(120));
            assert!(out.status.success(), "{:?} {args:?}: {}", e.mode, describe(&out));
            text(&out.stdout)
        };
        rpod_umask0(&["pull", "-q", "--tls-verify=false", &e.image]);
        let id = rpod_umask0(&[
            "run",
            "-d",
            "-v",
            "vol:/vol",
            &e.image,
            "sh",
            "-c",
            "cp /bin/busybox /suid && chmod 4755 /suid && cp /suid /vol/ && echo ready && sleep 600",
        ]);
        let id = id.trim().to_string();
        let deadline = Instant::now() + Duration::from_secs(30);
        while !rpod_umask0(&["logs", &id]).contains("ready") {
            assert!(Instant::now() < deadline, "the container did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let mode = |p: &Path| {
            let m = std::fs::symlink_metadata(p).unwrap_or_else(|err| panic!("{}: {err}", p.display()));
            (m.permissions().mode() & 0o7777, m.file_type())
        };
        for dir in [
            root.join("containers"),
            root.join("containers").join(&id),
            root.join("volumes"),
            root.join("volumes/vol"),
            root.join("layers"),
            run.join("containers").join(&id),
            run.join("locks"),
            run.join("events"),
        ] {
            assert_eq!(mode(&dir).0, 0o700, "{:?}: {}", e.mode, dir.display());
        }
        for file in [
            root.join("containers").join(&id).join("ctr.log"),
            run.join("locks").join(&id),
            run.join("events/events.log"),
        ] {
            assert_eq!(mode(&file).0, 0o600, "{:?}: {}", e.mode, file.display());
        }
        let (sock_mode, sock_type) = mode(&run.join("containers").join(&id).join("attach"));
        assert!(sock_type.is_socket());
        assert_eq!(sock_mode, 0o600, "{:?}: the attach socket", e.mode);
        // The setuid copies exist, behind those private directories.
        assert_eq!(mode(&root.join("containers").join(&id).join("upper/suid")).0 & 0o4000, 0o4000, "{:?}", e.mode);
        if e.mode == Mode::Root {
            // The bridge's state (netavark's --config, the namespace files)
            // and the machine-wide address claims: 0700, a claim 0600.
            let nets = run.join("networks");
            let ipam = Path::new("/run/rpod-networks/ipam");
            let claim = std::fs::read_dir(ipam)
                .unwrap()
                .flatten()
                .flat_map(|bridge| std::fs::read_dir(bridge.path()).into_iter().flatten().flatten())
                .map(|c| c.path())
                .find(|c| std::fs::read_to_string(c).is_ok_and(|owner| owner == id))
                .unwrap_or_else(|| panic!("no address claimed for {id} in {}", ipam.display()));
            for dir in [
                nets.as_path(),
                nets.join("containers").as_path(),
                run.join("netns").as_path(),
                ipam,
                claim.parent().unwrap(),
            ] {
                assert_eq!(mode(dir).0, 0o700, "{}", dir.display());
            }
            assert_eq!(mode(&claim).0, 0o600, "{}", claim.display());
            // The network definitions' directory: 0755 as Podman makes it.
            let defs = e.path("netdefs/networks");
            let defs_flag = defs.display().to_string();
            rpod_umask0(&["--network-config-dir", &defs_flag, "network", "create", "umasknet"]);
            assert_eq!(mode(&defs).0, 0o755);
            assert_eq!(mode(defs.parent().unwrap()).0, 0o755);
            assert_eq!(mode(&defs.join(".rpod.lock")).0, 0o600);
            rpod_umask0(&["--network-config-dir", &defs_flag, "network", "rm", "umasknet"]);
        }
        rpod_umask0(&["rm", "-f", "-v", &id]);
        rpod_umask0(&["volume", "rm", "vol"]);
    });
}
