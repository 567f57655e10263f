//! `rpod run` end to end, rootless (the test bed's user) and as root: a
//! real image from the bed's registry, a real container in every namespace.

use std::path::Path;
use std::process::Output;

use rpod_testbed::bed::{Bed, UserTempDir};
use rpod_testbed::engine::rpod;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[derive(Clone, Copy, Debug)]
enum Mode {
    Rootless,
    Root,
}

struct Ctx {
    mode: Mode,
    dir: UserTempDir,
}

impl Ctx {
    fn new(mode: Mode) -> Ctx {
        let bed = Bed::get();
        let dir = match mode {
            Mode::Rootless => bed.user_tempdir("run"),
            Mode::Root => bed.root_tempdir("run"),
        };
        Ctx { mode, dir }
    }

    fn rpod(&self, args: &[&str]) -> Output {
        let bed = Bed::get();
        let root = self.dir.path().join("store");
        let runroot = self.dir.path().join("state");
        let mut all = vec!["--root", root.to_str().unwrap(), "--runroot", runroot.to_str().unwrap()];
        all.extend_from_slice(args);
        match self.mode {
            Mode::Rootless => bed.run_rootless(&rpod(), &all, &[]),
            Mode::Root => bed.run_root(&rpod(), &all, &[]),
        }
    }

    /// `rpod run --rm --tls-verify=false BUSYBOX args...`, the image pulled on first use.
    fn run(&self, flags: &[&str], cmd: &[&str]) -> Output {
        let image = Bed::get().image("busybox", "latest");
        let mut args = vec!["run", "--rm", "-q", "--tls-verify=false"];
        args.extend_from_slice(flags);
        args.push(&image);
        args.extend_from_slice(cmd);
        self.rpod(&args)
    }
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

fn each_mode(f: impl Fn(&Ctx)) {
    for mode in [Mode::Rootless, Mode::Root] {
        let ctx = Ctx::new(mode);
        f(&ctx);
        // Nothing of the containers is left behind.
        let left: Vec<_> = std::fs::read_dir(ctx.dir.path().join("store/containers"))
            .map(|rd| rd.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert!(left.is_empty(), "{mode:?}: leftover container dirs {left:?}");
    }
}

#[test]
fn runs_a_command_and_returns_its_exit_code() {
    each_mode(|c| {
        assert_eq!(ok(c.run(&[], &["echo", "hi"])), "hi\n", "{:?}", c.mode);
        assert_eq!(c.run(&[], &["sh", "-c", "exit 3"]).status.code(), Some(3));
        assert_eq!(
            c.run(&[], &["sh", "-c", "kill -9 $$; sleep 1"]).status.code(),
            Some(0),
            "PID 1 ignores SIGKILL from inside"
        );
        assert_eq!(c.run(&[], &["sh", "-c", "sleep 10 & kill -9 $!; wait $!"]).status.code(), Some(137));
        let out = c.run(&[], &["no-such-command"]);
        assert_eq!(out.status.code(), Some(127), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains("no-such-command"), "{}", text(&out.stderr));
        assert_eq!(c.run(&[], &["/etc/passwd"]).status.code(), Some(126));
        // The image's Cmd (["sh"]) with stdin closed: exits 0 at once.
        assert_eq!(c.run(&[], &[]).status.code(), Some(0));
    });
}

#[test]
fn the_container_is_isolated() {
    for masked in ["/proc/timer_list", "/proc/keys"] {
        assert!(
            !std::fs::read(masked).unwrap().is_empty(),
            "{masked} is empty on the host: the masking check would prove nothing"
        );
    }
    let sentinel = std::env::temp_dir().join(format!("rpod-run-sentinel-{}", std::process::id()));
    std::fs::write(&sentinel, "host").unwrap();
    each_mode(|c| {
        let script = format!(
            "echo pid=$$; hostname; test -e {s} && echo VISIBLE; ls /sys/class/net; grep CapEff /proc/self/status; cat /proc/timer_list /proc/keys | wc -c; touch /proc/sys/kernel/x 2>/dev/null && echo WRITABLE; mount -t tmpfs none /mnt 2>/dev/null && echo MOUNTED; ls /proc/self/fd",
            s = sentinel.display()
        );
        // (loopback only: the networks are tests/network.rs's)
        let out = ok(c.run(&["--network", "none"], &["sh", "-c", &script]));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "pid=1", "{out}");
        assert_eq!(lines[1].len(), 12, "hostname is the short ID: {out}");
        assert!(
            !out.contains("VISIBLE") && !out.contains("WRITABLE") && !out.contains("MOUNTED"),
            "{:?}: {out}",
            c.mode
        );
        assert_eq!(lines[2], "lo", "{out}");
        assert_eq!(lines[3], "CapEff:\t00000000800405fb", "the 11 default capabilities: {out}");
        // Both are non-empty on the host (checked below): masked, they read empty.
        assert_eq!(lines[4].trim(), "0", "masked /proc/timer_list, /proc/keys: {out}");
        assert_eq!(&lines[5..], ["0", "1", "2", "3"], "no leaked descriptors: {out}");
    });
    std::fs::remove_file(&sentinel).unwrap();
}

#[test]
fn flags_shape_the_process() {
    each_mode(|c| {
        let env_file = c.dir.path().join("env");
        std::fs::write(&env_file, "# comment\nFROM_FILE=1\nBOTH=file\n").unwrap();
        if matches!(c.mode, Mode::Rootless) {
            let _ = std::os::unix::fs::chown(&env_file, Some(Bed::get().test_uid), None);
        }
        let out = ok(c.run(
            &[
                "-e",
                "A=b c",
                "-e",
                "BOTH=flag",
                "--env-file",
                env_file.to_str().unwrap(),
                "-w",
                "/new/dir",
                "-u",
                "65534:65534",
                "--hostname",
                "box",
            ],
            &["sh", "-c", "echo $A; echo $FROM_FILE $BOTH; pwd; id -u; id -g; hostname; echo $HOSTNAME; echo $PATH"],
        ));
        assert_eq!(
            out,
            "b c\n1 flag\n/new/dir\n65534\n65534\nbox\nbox\n/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n",
            "{:?}",
            c.mode
        );
        assert_eq!(ok(c.run(&["--entrypoint", "echo"], &["from", "entrypoint"])), "from entrypoint\n");
        assert_eq!(ok(c.run(&["-u", "nobody"], &["id", "-un"])), "nobody\n");
        let ro = c.run(&["--read-only"], &["touch", "/x"]);
        assert_ne!(ro.status.code(), Some(0), "read-only root accepted a write");
        assert_eq!(
            ok(c.run(&["--cap-drop", "all"], &["grep", "CapEff", "/proc/self/status"])),
            "CapEff:\t0000000000000000\n"
        );
        let host_ifaces = std::fs::read_dir("/sys/class/net").unwrap().count();
        let out = ok(c.run(&["--network", "host"], &["ls", "/sys/class/net"]));
        assert_eq!(out.lines().count(), host_ifaces, "{out}");
    });
}

#[test]
fn a_tty_is_a_real_terminal() {
    // util-linux's `script` gives rpod a pseudo-terminal as its stdio.
    let bed = Bed::get();
    let c = Ctx::new(Mode::Rootless);
    let root = c.dir.path().join("store");
    let cmd = format!(
        "{} --root {} run --rm -q -t --tls-verify=false {} sh -c 'tty; stty size'",
        rpod().display(),
        root.display(),
        bed.image("busybox", "latest")
    );
    let out = ok(bed.run_rootless(Path::new("/usr/bin/script"), &["-qec", &cmd, "/dev/null"], &[]));
    assert!(out.contains("/dev/pts/0"), "{out:?}");
}

/// /etc/resolv.conf and /etc/hosts as Podman makes them: from the host's,
/// with `--dns`, `--dns-search`, `--dns-option`, `--add-host` (also
/// `host-gateway`), `--no-hosts`, and `host.containers.internal` where an
/// address reaches the host.
#[test]
fn name_resolution_files_and_flags() {
    let host_resolv = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let host_servers: Vec<&str> = host_resolv
        .lines()
        .filter_map(|l| l.strip_prefix("nameserver"))
        .map(str::trim)
        .filter(|s| !s.starts_with("127.") && *s != "::1")
        .collect();
    each_mode(|c| {
        let m = c.mode;
        let out = ok(c.run(
            &["--network", "none", "--hostname", "box", "--name", "nm"],
            &["sh", "-c", "cat /etc/hosts; echo ---; cat /etc/resolv.conf"],
        ));
        let (hosts, resolv) = out.split_once("---\n").unwrap();
        assert!(hosts.lines().any(|l| l.contains("localhost")), "{m:?}: {hosts}");
        assert!(hosts.ends_with("127.0.1.1\tbox nm\n"), "{m:?}: {hosts}");
        assert!(!hosts.contains("host.containers.internal"), "nothing reaches the host: {hosts}");
        for s in &host_servers {
            assert!(resolv.contains(&format!("nameserver {s}\n")), "{m:?}: {resolv}");
        }
        assert!(!resolv.contains("nameserver 127."), "{m:?}: {resolv}");

        let out = ok(c.run(
            &[
                "--network",
                "none",
                "--dns",
                "192.0.2.53",
                "--dns-search",
                "example.org",
                "--dns-option",
                "ndots:2",
                "--add-host",
                "db.example:192.0.2.7",
                "--add-host",
                "v6:[fd00::7]",
            ],
            &["sh", "-c", "cat /etc/resolv.conf; echo ---; cat /etc/hosts"],
        ));
        let (resolv, hosts) = out.split_once("---\n").unwrap();
        assert_eq!(resolv, "search example.org\nnameserver 192.0.2.53\noptions ndots:2\n", "{m:?}");
        assert!(hosts.starts_with("192.0.2.7\tdb.example\nfd00::7\tv6\n"), "{m:?}: {hosts}");

        // The host's network: the host's loopback reaches the host.
        let out = ok(c.run(&["--network", "host", "--add-host", "gw:host-gateway"], &["sh", "-c", "cat /etc/hosts"]));
        assert!(out.starts_with("127.0.0.1\tgw\n"), "{m:?}: {out}");
        assert!(out.ends_with("127.0.0.1\thost.containers.internal host.docker.internal\n"), "{m:?}: {out}");

        // --no-hosts: the image's own /etc/hosts, not the engine's.
        let out =
            ok(c.run(&["--network", "none", "--no-hosts", "--name", "nh"], &["sh", "-c", "cat /etc/hosts 2>&1; true"]));
        assert!(!out.contains("nh"), "{m:?}: {out}");
        let image = Bed::get().image("busybox", "latest");
        ok(c.rpod(&[
            "create",
            "-q",
            "--tls-verify=false",
            "--name",
            "insp",
            "--dns",
            "192.0.2.1",
            "--dns-search",
            "a.example",
            "--dns-option",
            "ndots:3",
            "--add-host",
            "x:192.0.2.2",
            &image,
        ]));
        let inspect = ok(c.rpod(&[
            "inspect",
            "--format",
            "{{.HostConfig.Dns}} {{.HostConfig.DnsSearch}} {{.HostConfig.DnsOptions}} {{.HostConfig.ExtraHosts}}",
            "insp",
        ]));
        assert_eq!(inspect, "[192.0.2.1] [a.example] [ndots:3] [x:192.0.2.2]\n", "{m:?}");
        ok(c.rpod(&["rm", "insp"]));

        // Bad values: clear errors, exit 125, nothing created.
        for (flags, needle) in [
            (&["--network", "none", "--add-host", "gw:host-gateway"][..], "host-gateway"),
            (&["--no-hosts", "--add-host", "a:192.0.2.1"][..], "--no-hosts"),
            (&["--dns", "not-an-ip"][..], "--dns"),
            (&["--add-host", "nocolon"][..], "--add-host"),
        ] {
            let out = c.run(flags, &["true"]);
            assert_eq!(out.status.code(), Some(125), "{m:?} {flags:?}: {}", text(&out.stderr));
            assert!(text(&out.stderr).contains(needle), "{m:?} {flags:?}: {}", text(&out.stderr));
        }
    });
}
