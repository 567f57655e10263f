//! The last of Podman's `run`/`create`/`exec` flags (issue 11), root and
//! rootless.

use super::*;

/// `sh -c LINE` as the engine's user, `$RPOD` in LINE being rpod with the
/// engine's store flags (so that LINE can redirect descriptors for it).
fn shell(e: &Eng, line: &str) -> std::process::Output {
    let mut rpod_line = shell_quote(&rpod().display().to_string());
    for a in e.base_args() {
        rpod_line.push(' ');
        rpod_line.push_str(&shell_quote(&a));
    }
    let mut cmd = match e.mode {
        Mode::Rootless => Bed::get().rootless_command("/bin/sh"),
        Mode::Root => Bed::get().root_command("/bin/sh"),
    };
    cmd.args(["-c", &line.replace("$RPOD", &rpod_line)]);
    output_with_timeout(&mut cmd, Duration::from_secs(120))
}

/// A file the engine's user can read, holding `content`.
fn readable(e: &Eng, name: &str, content: &str) -> String {
    let p = e.path(name);
    std::fs::write(&p, content).unwrap();
    if e.mode == Mode::Rootless {
        let b = Bed::get();
        std::os::unix::fs::chown(&p, Some(b.test_uid), Some(b.test_gid)).unwrap();
    }
    shell_quote(&p.display().to_string())
}

/// `--preserve-fds N` hands the caller's descriptors 3..3+N to the
/// container's process (`run`, in the foreground and with `-d`, with the
/// built-in runtime and with runc) or to the exec'd one, as Podman; a
/// descriptor that is not open is Podman's error, exit 125.
#[test]
fn preserve_fds_reach_the_process() {
    each_mode("fl-fds", |e| {
        let a = readable(e, "a", "from fd 3\n");
        let b = readable(e, "b", "from fd 4\n");
        let img = shell_quote(&e.image);
        let out = shell(e, &format!("$RPOD run --rm --preserve-fds 2 {img} sh -c 'cat <&3; cat <&4' 3<{a} 4<{b}"));
        assert_eq!(text(&out.stdout), "from fd 3\nfrom fd 4\n", "{:?}: {}", e.mode, describe(&out));
        // Nothing beyond them: fd 5 is not the engine's.
        let out = shell(e, &format!("$RPOD run --rm --preserve-fds 1 {img} ls /proc/self/fd 3<{a}"));
        let mut fds: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
        fds.sort();
        assert_eq!(fds, ["0", "1", "2", "3", "4"], "{:?} (4: ls's own directory): {}", e.mode, describe(&out));
        // Detached: the monitor hands them over.
        let out = shell(e, &format!("$RPOD run -d --name d --preserve-fds 1 {img} sh -c 'cat <&3' 3<{a}"));
        assert!(out.status.success(), "{:?}: {}", e.mode, describe(&out));
        assert_eq!(e.ok(&["wait", "d"]), "0\n");
        assert_eq!(e.ok(&["logs", "d"]), "from fd 3\n");
        // exec.
        e.ok(&["run", "-d", "--name", "x", &e.image, "sleep", "600"]);
        let out = shell(e, &format!("$RPOD exec --preserve-fds 2 x sh -c 'cat <&4; cat <&3' 3<{a} 4<{b}"));
        assert_eq!(text(&out.stdout), "from fd 4\nfrom fd 3\n", "{:?}: {}", e.mode, describe(&out));
        // Without them: nothing extra, and a missing one is an error.
        let out = shell(e, "$RPOD exec x ls /proc/self/fd 3<&- 4<&-");
        assert_eq!(text(&out.stdout).lines().count(), 4, "{:?}: {}", e.mode, describe(&out));
        for line in [
            format!("$RPOD run --rm --preserve-fds 1 {img} true 3<&-"),
            format!("$RPOD exec --preserve-fds 2 x true 3<{a} 4<&-"),
        ] {
            let out = shell(e, &line);
            assert_eq!(out.status.code(), Some(125), "{:?} {line}: {}", e.mode, describe(&out));
            assert!(
                text(&out.stderr).contains(
                    "is not available - the preserve-fds option requires that file descriptors must be passed"
                ),
                "{}",
                describe(&out)
            );
        }
        e.ok(&["rm", "-f", "-t", "0", "x", "d"]);
        if e.mode == Mode::Rootless && std::process::Command::new("runc").arg("--version").output().is_ok() {
            let out = shell(e, &format!("$RPOD run --rm --runtime runc --preserve-fds 1 {img} sh -c 'cat <&3' 3<{a}"));
            assert_eq!(text(&out.stdout), "from fd 3\n", "runc: {}", describe(&out));
        }
    });
}

/// `create -a STREAM` (Docker's): `start -a` attaches only the streams
/// named, and `inspect` shows them in `Config.Attach*`; `container prune
/// --filter label=|label!=|until=` prunes only what matches; `container
/// exists --external` and `image prune --external` give the answers
/// without it (rpod has no external containers).
#[test]
fn create_attach_prune_filters_and_external() {
    each_mode("fl-att", |e| {
        let cmd = ["sh", "-c", "echo out; echo err >&2"];
        e.ok(&[&["create", "-a", "stdout", "--name", "o", &e.image][..], &cmd].concat());
        e.ok(&[&["create", "--name", "b", "--label", "keep=1", &e.image][..], &cmd].concat());
        let v = e.inspect("o");
        assert_eq!(
            (&v["Config"]["AttachStdin"], &v["Config"]["AttachStdout"], &v["Config"]["AttachStderr"]),
            (&Value::Bool(false), &Value::Bool(true), &Value::Bool(false))
        );
        assert_eq!(e.inspect("b")["Config"]["AttachStdout"], false);
        let out = e.run(&["start", "-a", "o"]);
        assert_eq!((text(&out.stdout).as_str(), text(&out.stderr).as_str()), ("out\n", ""), "{}", describe(&out));
        let out = e.run(&["start", "-a", "b"]);
        assert_eq!((text(&out.stdout).as_str(), text(&out.stderr).as_str()), ("out\n", "err\n"), "{}", describe(&out));
        assert_eq!(e.code(&["create", "-a", "bogus", &e.image]), 125);

        assert_eq!(e.code(&["container", "exists", "--external", "o"]), 0);
        assert_eq!(e.code(&["container", "exists", "--external", "nosuch"]), 1);
        let out = e.run(&["container", "prune", "-f", "--filter", "bogus=1"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        // Created before a time long gone: none.
        assert_eq!(e.ok(&["container", "prune", "-f", "--filter", "until=2000-01-01T00:00:00Z"]), "");
        let b = e.inspect("b")["Id"].as_str().unwrap().to_string();
        let o = e.inspect("o")["Id"].as_str().unwrap().to_string();
        assert_eq!(e.ok(&["container", "prune", "-f", "--filter", "label!=keep"]), format!("{o}\n"));
        e.ok(&["run", "-d", "--name", "r", "--label", "keep=1", &e.image, "sleep", "600"]);
        assert_eq!(
            e.ok(&["container", "prune", "-f", "--filter", "label=keep=1", "--filter", "until=0s"]),
            format!("{b}\n")
        );
        assert_eq!(e.ok(&["ps", "-a", "--format", "{{.Names}}"]), "r\n", "a running container is never pruned");
        // Without --force and without a terminal: refused, nothing removed.
        e.ok(&["stop", "-t", "0", "r"]);
        assert_eq!(e.code(&["container", "prune"]), 125);
        assert_eq!(e.ok(&["ps", "-a", "--format", "{{.Names}}"]), "r\n");
        e.ok(&["rm", "r"]);
        e.ok(&["image", "prune", "-f", "--external"]);
        assert_eq!(e.code(&["image", "exists", &e.image]), 0, "the image is not dangling");
    });
}

/// `--seccomp-policy=image`: the profile in the image's
/// `io.containers.seccomp.profile` label confines the container instead of
/// the default one (Podman's); an image without one is Podman's error.
/// `--chrootdirs`: the engine's files appear in each such directory too.
#[test]
fn seccomp_policy_image_and_chrootdirs() {
    each_mode("fl-sec", |e| {
        let profile = r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO"}]}"#;
        e.ok(&["create", "--name", "base", &e.image]);
        let label = format!("LABEL io.containers.seccomp.profile='{profile}'");
        e.ok(&["commit", "-q", "--change", &label, "base", "localhost/sec"]);
        e.ok(&["rm", "base"]);
        let img: Value = serde_json::from_str(&e.ok(&["image", "inspect", "localhost/sec"])).unwrap();
        assert_eq!(img[0]["Config"]["Labels"]["io.containers.seccomp.profile"], profile);
        let out = e.run(&["run", "--rm", "--seccomp-policy=image", "localhost/sec", "mkdir", "/tmp/x"]);
        assert_eq!(out.status.code(), Some(1), "{:?}: {}", e.mode, describe(&out));
        assert!(text(&out.stderr).contains("Operation not permitted"), "{}", describe(&out));
        // The default policy: the default profile, which allows mkdir.
        e.ok(&["run", "--rm", "localhost/sec", "mkdir", "/tmp/x"]);
        e.ok(&["run", "--rm", "--seccomp-policy", "default", "localhost/sec", "mkdir", "/tmp/x"]);
        let out = e.run(&["create", "--seccomp-policy=image", &e.image, "true"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("no seccomp policy defined by image"), "{}", describe(&out));
        assert_eq!(e.code(&["create", "--seccomp-policy=bogus", &e.image]), 125);
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "", "nothing was created");

        let out = e.ok(&[
            "run",
            "--rm",
            "--hostname",
            "hh",
            "--chrootdirs",
            "/jail,/other/",
            &e.image,
            "sh",
            "-c",
            "cat /jail/etc/hostname /other/etc/hostname; grep -c hh /jail/etc/hosts; test -e /jail/run/.containerenv && echo env",
        ]);
        assert_eq!(out, "hh\nhh\n1\nenv\n", "{:?}", e.mode);
        assert_eq!(e.code(&["create", "--chrootdirs", "relative", &e.image]), 125);
    });
}

/// Collects the datagrams sent to a unix socket until one has the line
/// `until` or a time-out: `listen.py SOCKET UNTIL SECONDS OUT`.
const LISTENER: &str = r#"
import os, socket, sys
path, until, secs, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
s.settimeout(secs)
open(out + ".up", "w").close()
got = []
try:
    while True:
        m = s.recv(4096).decode()
        got.append(m)
        if until in m.split("\n"):
            break
except socket.timeout:
    got.append("TIMEOUT")
open(out, "w").write("|".join(got))
"#;

/// `--sdnotify` under a caller with `NOTIFY_SOCKET` (a `Type=notify`
/// unit's, here a listener's): `conmon` sends the monitor's PID and
/// `READY=1` once the container runs; `container` (the default) gives the
/// container a socket of its own whose messages reach the caller's (after
/// the monitor's `MAINPID`); `ignore` leaves it alone.
#[test]
fn sdnotify_modes() {
    each_mode("fl-notify", |e| {
        let listener = readable(e, "listen.py", LISTENER);
        let sender = readable(
            e,
            "send.py",
            "import os, socket, time\ns = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\ns.sendto(b'STATUS=up\\nREADY=1', os.environ['NOTIFY_SOCKET'])\ntime.sleep(600)\n",
        );
        let sock = shell_quote(&e.path("notify.sock").display().to_string());
        let out_path = e.path("notified");
        let out_file = shell_quote(&out_path.display().to_string());
        let notified = |run: &str, until: &str, secs: u32| -> String {
            let _ = std::fs::remove_file(&out_path);
            let _ = std::fs::remove_file(e.path("notify.sock"));
            let line = format!(
                "python3 {listener} {sock} {until} {secs} {out_file} & while [ ! -e {out_file}.up ]; do sleep 0.1; done; NOTIFY_SOCKET={sock} {run}; rc=$?; wait; exit $rc"
            );
            let out = shell(e, &line);
            assert!(out.status.success(), "{:?} {line}: {}", e.mode, describe(&out));
            std::fs::read_to_string(&out_path).unwrap_or_default()
        };
        let img = shell_quote(&e.image);
        let got = notified(&format!("$RPOD run -d --name c --sdnotify conmon {img} sleep 600"), "READY=1", 30);
        let monitor = e.inspect("c")["State"]["ConmonPid"].as_i64().unwrap();
        assert_eq!(got, format!("MAINPID={monitor}\nREADY=1"), "{:?}", e.mode);

        let big = Bed::get().image("big", "latest");
        e.ok(&["pull", "-q", "--tls-verify=false", &big]);
        let got = notified(
            &format!("$RPOD run -d --name k -v {sender}:/send.py:ro {} python3 /send.py", shell_quote(&big)),
            "READY=1",
            60,
        );
        let monitor = e.inspect("k")["State"]["ConmonPid"].as_i64().unwrap();
        assert_eq!(got, format!("MAINPID={monitor}|STATUS=up\nREADY=1"), "{:?}", e.mode);

        let got = notified(
            &format!("$RPOD run --rm --sdnotify ignore {img} sh -c 'echo [$NOTIFY_SOCKET]; test ! -e /run/notify' > {out_file}.ctr"),
            "READY=1",
            3,
        );
        assert_eq!(got, "TIMEOUT", "{:?}: nothing is sent with ignore", e.mode);
        assert_eq!(std::fs::read_to_string(e.path("notified.ctr")).unwrap(), "[]\n");
        assert_eq!(e.code(&["create", "--sdnotify", "bogus", &e.image]), 125);
        e.ok(&["rm", "-f", "-t", "0", "c", "k"]);
    });
}

/// `--hostuser` copies a host user's passwd entry into the container (a
/// name or a UID; one the host lacks is an error).
#[test]
fn hostuser_gets_a_passwd_entry() {
    each_mode("fl-hostuser", |e| {
        let out = e.ok(&["run", "--rm", "--hostuser", "rpodtest", &e.image, "grep", "^rpodtest:", "/etc/passwd"]);
        assert!(out.starts_with("rpodtest:x:1001:1001:"), "{:?}: {out}", e.mode);
        let out = e.ok(&[
            "run",
            "--rm",
            "--hostuser",
            "1001",
            "--hostuser",
            "root",
            &e.image,
            "grep",
            "-c",
            "^rpodtest:\\|^root:",
            "/etc/passwd",
        ]);
        assert_eq!(out, "2\n", "{:?}: an entry the image has is kept, not doubled", e.mode);
        let out = e.run(&["run", "--rm", "--hostuser", "nosuchuser", &e.image, "true"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("--hostuser nosuchuser: no such user on the host"), "{}", describe(&out));
    });
}

/// `--init --init-path PROGRAM`: the host's program is the container's
/// init (PID 1, run as `/run/podman-init -- COMMAND...` from a read-only
/// mount, as Podman runs catatonit); without `--init` the flag changes
/// nothing, as in Podman.
#[test]
fn init_path_runs_the_given_init() {
    each_mode("fl-init", |e| {
        let init = e.path("my-init");
        std::fs::write(
            &init,
            "#!/bin/sh\n[ \"$1\" = -- ] && shift\necho \"my-init $$: $*\"\n\"$@\"\necho \"my-init: $?\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&init, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        if e.mode == Mode::Rootless {
            let b = Bed::get();
            std::os::unix::fs::chown(&init, Some(b.test_uid), Some(b.test_gid)).unwrap();
        }
        let p = init.display().to_string();
        let out = e.run(&["run", "--rm", "--init", "--init-path", &p, &e.image, "sh", "-c", "echo hello; exit 3"]);
        assert_eq!(
            text(&out.stdout),
            "my-init 1: sh -c echo hello; exit 3\nhello\nmy-init: 3\n",
            "{:?}: {}",
            e.mode,
            describe(&out)
        );
        let out =
            e.run(&["run", "--rm", "--init", "--init-path", &p, &e.image, "sh", "-c", "echo x >> /run/podman-init"]);
        let said = text(&out.stdout);
        assert!(
            said.contains("my-init: ") && !said.ends_with("my-init: 0\n"),
            "{:?}: the init program is read-only: {}",
            e.mode,
            describe(&out)
        );
        assert_eq!(std::fs::read_to_string(&init).unwrap().lines().count(), 5, "the host's file is unchanged");
        // Without --init: the command is PID 1 itself.
        let out = e.ok(&["run", "--rm", "--init-path", &p, &e.image, "sh", "-c", "echo $$"]);
        assert_eq!(out, "1\n");
        assert_eq!(e.code(&["create", "--init", "--init-path", "/no/such/init", &e.image]), 125);
    });
}

/// `--http-proxy` (Podman's default true): the caller's proxy variables,
/// both cases, reach the container below the image's and `-e`;
/// `--http-proxy=false` and containers.conf `http_proxy = false` keep them
/// out; recorded at create (`Config.Env`).
#[test]
fn http_proxy_passes_the_callers_proxy_variables() {
    each_mode("fl-proxy", |e| {
        let conf = e.path("containers.conf");
        std::fs::write(&conf, "[containers]\nhttp_proxy = false\n").unwrap();
        std::fs::set_permissions(&conf, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
        let run = |conf_file: Option<&std::path::Path>, args: &[&str]| -> String {
            let mut cmd = e.cmd(args);
            cmd.env("http_proxy", "http://p:1")
                .env("HTTPS_PROXY", "http://q:2")
                .env("no_proxy", "localhost")
                .env("FOO_PROXY", "not a proxy variable");
            if let Some(c) = conf_file {
                cmd.env("CONTAINERS_CONF", c);
            }
            let out = output_with_timeout(&mut cmd, Duration::from_secs(120));
            assert!(out.status.success(), "{:?} {args:?}\n{}", e.mode, describe(&out));
            let mut vars: Vec<String> =
                text(&out.stdout).lines().filter(|l| l.to_lowercase().contains("proxy")).map(str::to_string).collect();
            vars.sort();
            vars.join(" ")
        };
        let img = e.image.as_str();
        assert_eq!(
            run(None, &["run", "--rm", "--network", "none", img, "env"]),
            "HTTPS_PROXY=http://q:2 http_proxy=http://p:1 no_proxy=localhost"
        );
        assert_eq!(
            run(None, &["run", "--rm", "--network", "none", "-e", "http_proxy=mine", img, "env"]),
            "HTTPS_PROXY=http://q:2 http_proxy=mine no_proxy=localhost"
        );
        assert_eq!(run(None, &["run", "--rm", "--network", "none", "--http-proxy=false", img, "env"]), "");
        assert_eq!(run(Some(&conf), &["run", "--rm", "--network", "none", img, "env"]), "");
        assert_eq!(
            run(Some(&conf), &["run", "--rm", "--network", "none", "--http-proxy", img, "env"]),
            "HTTPS_PROXY=http://q:2 http_proxy=http://p:1 no_proxy=localhost"
        );
        run(None, &["create", "--name", "p", img, "true"]);
        let env = e.inspect("p")["Config"]["Env"].to_string();
        assert!(env.contains("\"http_proxy=http://p:1\"") && !env.contains("FOO_PROXY"), "{env}");
        e.ok(&["rm", "p"]);
    });
}

/// The global engine flags: `--noout`, `--events-backend file|none`
/// (journald refused), `--tmpdir` (where the events log is, for the
/// monitor too), `--cgroup-manager cgroupfs` (systemd refused),
/// `--runtime-flag` (for an external runtime; the built-in one refuses),
/// `--network-cmd-path` (the pasta that is run).
#[test]
fn global_engine_flags() {
    each_mode("global", |e| {
        let img = e.image.as_str();
        assert_eq!(e.ok(&["--noout", "images"]), "");
        assert!(e.ok(&["images"]).contains("IMAGE ID"));
        for (args, msg) in [
            (&["--cgroup-manager", "systemd", "ps"][..], "rpod manages its cgroups itself"),
            (&["--events-backend", "journald", "ps"][..], "rpod writes no journal"),
            (
                &["--events-backend", "none", "events", "--stream=false"][..],
                "cannot read events with the \"none\" backend",
            ),
            (&["--runtime-flag", "debug", "run", "--rm", img, "true"][..], "built-in runtime takes no flags"),
        ] {
            let out = e.run(args);
            assert_eq!(out.status.code(), Some(125), "{args:?}: {}", describe(&out));
            assert!(text(&out.stderr).contains(msg), "{args:?}: {}", describe(&out));
        }
        assert_eq!(e.ok(&["--cgroup-manager", "cgroupfs", "ps", "-aq"]), "");
        // --events-backend none records nothing, file (the default) does.
        let events = || e.ok(&["events", "--stream=false", "--format", "{{.Status}} {{.Name}}"]);
        e.ok(&["--events-backend", "none", "run", "--rm", "--name", "quiet", img, "true"]);
        assert!(!events().contains("quiet"), "{}", events());
        e.ok(&["--events-backend", "file", "run", "--rm", "--name", "loud", img, "true"]);
        assert!(events().contains("start loud"), "{}", events());
        // --tmpdir: the log is there, the monitor's events (died) included.
        let tmp = e.path("tmp");
        std::fs::create_dir(&tmp).unwrap();
        if e.mode == Mode::Rootless {
            let b = Bed::get();
            std::os::unix::fs::chown(&tmp, Some(b.test_uid), Some(b.test_gid)).unwrap();
        }
        let t = tmp.display().to_string();
        e.ok(&["--tmpdir", &t, "run", "--rm", "--name", "elsewhere", img, "true"]);
        let moved = e.ok(&["--tmpdir", &t, "events", "--stream=false", "--format", "{{.Status}} {{.Name}}"]);
        assert!(moved.contains("start elsewhere") && moved.contains("died elsewhere"), "{moved}");
        assert!(tmp.join("events/events.log").is_file());
        assert!(!events().contains("elsewhere"), "{}", events());
        // --network-cmd-path: this pasta is the one run.
        let marker = e.path("pasta-ran");
        let wrapper =
            readable(e, "pasta-wrapper", &format!("#!/bin/sh\ntouch {}\nexec pasta \"$@\"\n", marker.display()));
        let wrapper = wrapper.trim_matches('\'');
        std::fs::set_permissions(wrapper, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        let out = e.ok(&["--network-cmd-path", wrapper, "run", "--rm", "--network", "pasta", img, "echo", "net"]);
        assert_eq!(out, "net\n");
        assert!(marker.exists(), "{:?}: --network-cmd-path was not run", e.mode);
        let out = e.run(&["--network-cmd-path", "/no/such/pasta", "run", "--rm", "--network", "pasta", img, "true"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("/no/such/pasta"), "{}", describe(&out));
        // --runtime-flag reaches an external runtime (runc runs rootless here).
        if e.mode == Mode::Rootless {
            e.ok(&["--runtime", "runc", "--runtime-flag", "debug", "run", "--name", "flagged", img, "true"]);
            let id = e.inspect("flagged")["Id"].as_str().unwrap().to_string();
            let log = std::fs::read_to_string(e.path("run").join("containers").join(&id).join("bundle/runtime.log"));
            assert!(log.as_deref().unwrap_or("").contains("\"level\":\"debug\""), "{log:?}");
            e.ok(&["rm", "flagged"]);
        }
    });
}

/// `--cgroups` and `--cgroup-parent` on this machine: `disabled` runs (no
/// cgroup, shown by inspect) and Podman's rules between the settings hold;
/// on a host where rpod makes no cgroups (v1 or hybrid) a parent or
/// `split` is refused with the reason, never dropped. Where they place
/// the cgroup is checked in the cgroup v2 VM (tests/vm.rs: cgroups-*).
#[test]
fn cgroups_modes_and_parent() {
    each_mode("fl-cgroups", |e| {
        let img = e.image.as_str();
        let fails = |args: &[&str], message: &str| {
            let out = e.run(args);
            assert_eq!(out.status.code(), Some(125), "{:?} {args:?}\n{}", e.mode, describe(&out));
            assert!(text(&out.stderr).contains(message), "{:?} {args:?}: want {message:?}\n{}", e.mode, describe(&out));
        };
        assert_eq!(e.ok(&["run", "--rm", "--network", "none", "--cgroups=disabled", img, "echo", "hi"]), "hi\n");
        assert_eq!(e.ok(&["run", "--rm", "--network", "none", "--cgroups", "no-conmon", img, "echo", "hi"]), "hi\n");
        e.ok(&["create", "--name", "d", "--cgroups=disabled", img, "true"]);
        assert_eq!(
            e.ok(&["inspect", "--format", "{{.HostConfig.Cgroups}} [{{.HostConfig.CgroupPath}}]", "d"]),
            "disabled []\n"
        );
        fails(&["update", "--memory", "10m", "d"], "it has no cgroup (--cgroups=disabled)");
        e.ok(&["rm", "d"]);
        fails(
            &["create", "--cgroups=disabled", "-m", "10m", img, "true"],
            "the container has no cgroup (--cgroups=disabled)",
        );
        fails(
            &["create", "--cgroups=disabled", "--cgroup-parent", "/x", img, "true"],
            "cannot set cgroup parent if not creating cgroups",
        );
        fails(&["create", "--cgroups=disabled", "--pid", "host", img, "true"], "must create a private PID namespace");
        fails(
            &["create", "--cgroups=split", "--cgroup-parent", "/x", img, "true"],
            "cannot specify --cgroup-mode=split with a cgroup-parent",
        );
        fails(&["create", "--cgroup-parent", "../x", img, "true"], "--cgroup-parent \"../x\"");
        let hybrid_or_v1 =
            !std::fs::read_to_string("/proc/self/mountinfo").unwrap().lines().all(|l| !l.contains(" - cgroup "));
        if hybrid_or_v1 {
            fails(
                &["create", "--cgroup-parent", "/x", img, "true"],
                "--cgroup-parent /x cannot be applied: this host mixes cgroup v1 and v2",
            );
            fails(&["create", "--cgroups=split", img, "true"], "--cgroups=split cannot be applied");
        }
        assert_eq!(e.ok(&["ps", "-aq"]), "", "nothing made by the refused ones");
    });
}

/// `--systemd`: on a host where rpod cannot give the container a writable
/// cgroup of its own (v1, hybrid) systemd mode is refused with the reason
/// (`always`, and `true` for an init command), never run half set up;
/// `--systemd=false` runs the same command. A real-time stop signal
/// (systemd's SIGRTMIN+3) is recorded and sent. Systemd mode's tmpfs,
/// writable cgroup and stop signal are checked in the cgroup v2 VM
/// (tests/vm.rs: systemd-*).
#[test]
fn systemd_mode_and_realtime_stop_signals() {
    each_mode("fl-systemd", |e| {
        let img = e.image.as_str();
        let hybrid_or_v1 =
            std::fs::read_to_string("/proc/self/mountinfo").unwrap().lines().any(|l| l.contains(" - cgroup "));
        if hybrid_or_v1 {
            for args in [&["create", "--systemd=always", img, "true"][..], &["create", img, "/sbin/init"][..]] {
                let out = e.run(args);
                assert_eq!(out.status.code(), Some(125), "{:?} {args:?}\n{}", e.mode, describe(&out));
                assert!(text(&out.stderr).contains("systemd mode (--systemd) cannot be applied"), "{}", describe(&out));
            }
            assert_eq!(e.ok(&["ps", "-aq"]), "");
        }
        e.ok(&["create", "--name", "s", "--systemd=false", img, "/sbin/init"]);
        let v = e.inspect("s");
        assert!(v["Config"].get("SystemdMode").is_none(), "{}", v["Config"]);
        e.ok(&["rm", "s"]);
        let out = e.run(&["create", "--systemd", "bogus", img, "true"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        // SIGRTMIN+3: recorded as 37, sent by stop (the shell's trap ends it).
        e.ok(&[
            "run",
            "-d",
            "--name",
            "rt",
            "--stop-signal",
            "RTMIN+3",
            img,
            "sh",
            "-c",
            "trap 'exit 3' 37; touch /tmp/ready; while :; do sleep 0.1; done",
        ]);
        let start = Instant::now();
        while !e.run(&["exec", "rt", "test", "-f", "/tmp/ready"]).status.success() {
            assert!(start.elapsed() < Duration::from_secs(30), "the trap was never set");
            std::thread::sleep(Duration::from_millis(100));
        }
        assert_eq!(e.inspect("rt")["Config"]["StopSignal"], 37);
        e.ok(&["stop", "-t", "20", "rt"]);
        assert_eq!(e.inspect("rt")["State"]["ExitCode"], 3, "the trap of SIGRTMIN+3 ran");
        e.ok(&["rm", "rt"]);
    });
}
