//! `run`/`create --rootfs PATH[:O]`: a container whose root file system is
//! a directory (no image), root and rootless.

use super::*;

/// `program args...` as the engine's user; must succeed.
#[track_caller]
fn as_engine_user(e: &Eng, program: &str, args: &[&str]) {
    let mut cmd = match e.mode {
        Mode::Rootless => Bed::get().rootless_command(program),
        Mode::Root => Bed::get().root_command(program),
    };
    cmd.args(args);
    let out = output_with_timeout(&mut cmd, Duration::from_secs(120));
    assert!(out.status.success(), "{:?} {program} {args:?}: {}", e.mode, describe(&out));
}

/// The busybox image's files unpacked by the engine's user into a
/// directory (rootless: the user's files, root's inside).
fn unpacked(e: &Eng) -> std::path::PathBuf {
    e.ok(&["create", "--name", "src", &e.image]);
    let tar = e.path("fs.tar").display().to_string();
    e.ok(&["export", "-o", &tar, "src"]);
    e.ok(&["rm", "src"]);
    let dir = e.path("fs");
    let d = dir.display().to_string();
    as_engine_user(e, "/bin/mkdir", &[&d]);
    as_engine_user(e, "/bin/tar", &["-C", &d, "-xf", &tar]);
    dir
}

/// The container runs in the directory and changes it in place; with
/// `:O` its changes land in an overlay that each start empties, the
/// directory untouched; `exec`, `inspect`'s Rootfs; what cannot work is
/// refused at create (exit 125) with nothing made.
#[test]
fn rootfs_runs_a_directory_and_overlay_discards() {
    each_mode("rootfs", |e| {
        let dir = unpacked(e);
        let d = dir.display().to_string();
        let got =
            e.ok(&["run", "--rm", "--rootfs", &d, "sh", "-c", "echo hi > /made; id -u; cat /etc/hostname | wc -l"]);
        assert_eq!(got, "0\n1\n", "{:?}", e.mode);
        assert_eq!(std::fs::read_to_string(dir.join("made")).unwrap(), "hi\n", "{:?}: written in place", e.mode);
        let me = match e.mode {
            Mode::Root => 0,
            Mode::Rootless => Bed::get().test_uid,
        };
        assert_eq!(std::fs::metadata(dir.join("made")).unwrap().uid(), me, "{:?}", e.mode);

        e.ok(&["run", "-d", "--name", "plain", "--rootfs", &d, "sleep", "600"]);
        assert_eq!(e.ok(&["exec", "plain", "cat", "/made"]), "hi\n");
        let c = e.inspect("plain");
        assert_eq!(c["Rootfs"], d.as_str(), "{:?}", e.mode);
        assert_eq!(c["ImageName"], "", "{:?}", e.mode);
        e.ok(&["rm", "-f", "-t", "0", "plain"]);
        assert!(dir.join("made").is_file(), "{:?}: rm leaves the directory alone", e.mode);

        let overlay = format!("{d}:O");
        let script = "test -e /new || echo fresh; echo x > /new; rm /made; test -e /bin/sh && echo ok";
        let got = e.ok(&["run", "--name", "o", "--rootfs", &overlay, "sh", "-c", script]);
        assert_eq!(got, "fresh\nok\n", "{:?}", e.mode);
        assert!(dir.join("made").is_file() && !dir.join("new").exists(), "{:?}: the directory is untouched", e.mode);
        let got = e.ok(&["start", "-a", "o"]);
        assert_eq!(got, "fresh\nok\n", "{:?}: the last run's changes are gone", e.mode);
        // The monitor discards them once the container has exited.
        let start = Instant::now();
        while !e.ok(&["diff", "o"]).is_empty() {
            assert!(start.elapsed() < Duration::from_secs(10), "{:?}: a stopped :O container keeps changes", e.mode);
            std::thread::sleep(Duration::from_millis(100));
        }
        e.ok(&["rm", "o"]);

        let file = dir.join("made").display().to_string();
        let missing = e.path("nothing-here").display().to_string();
        let bad: [(&[&str], &str); 4] = [
            (&["--rootfs", &missing, "true"], "No such file"),
            (&["--rootfs", &file, "true"], "not a directory"),
            (&["--rootfs", &d], "no command"),
            (&["--rootfs", "--uidmap", "0:1:10", &d, "true"], "cannot be used with --rootfs"),
        ];
        for (args, msg) in bad {
            let out = e.run(&[&["create"][..], args].concat());
            assert_eq!(out.status.code(), Some(125), "{:?} {args:?}: {}", e.mode, describe(&out));
            assert!(text(&out.stderr).contains(msg), "{:?} {args:?}: {}", e.mode, describe(&out));
        }
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "", "{:?}: nothing was created", e.mode);
    });
}
