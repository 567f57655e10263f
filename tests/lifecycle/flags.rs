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
