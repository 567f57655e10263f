//! The container lifecycle through the CLI, rootless and as root, against
//! the test bed's registry: create/start/stop/kill/restart/wait/rm/rename,
//! ps and its status texts, logs, inspect, exec, restart policies, the
//! monitor's crash handling, concurrency, and interactive use through a
//! real pseudo-terminal (`script` from util-linux).

use std::io::{BufRead, BufReader};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use rpod_testbed::bed::{describe, output_with_timeout, text, Bed};
use rpod_testbed::engine::{assert_no_leftovers, each_mode, is_id, rpod, shell_quote, Eng, Mode};
use serde_json::Value;

#[test]
fn create_start_wait_logs_inspect_rm() {
    each_mode("lc-basic", |e| {
        let id = e.ok(&["create", "--name", "c1", &e.image, "sh", "-c", "echo out; echo err >&2; exit 3"]);
        let id = id.trim();
        assert!(is_id(id), "{id}");
        assert_eq!(e.status("c1"), "Created");
        assert!(!e.ok(&["ps"]).contains("c1"), "ps without -a lists only running containers");
        let dup = e.run(&["create", "--name", "c1", &e.image]);
        assert_eq!(dup.status.code(), Some(125));
        assert!(text(&dup.stderr).contains("already in use"), "{}", describe(&dup));
        assert_eq!(e.ok(&["start", "c1"]), "c1\n");
        assert_eq!(e.ok(&["wait", "c1"]), "3\n");
        assert!(e.status("c1").starts_with("Exited (3) "), "{}", e.status("c1"));
        let logs = e.run(&["logs", "c1"]);
        assert_eq!(text(&logs.stdout), "out\n");
        assert_eq!(text(&logs.stderr), "err\n");
        let v = e.inspect("c1");
        assert_eq!(v["Id"], id);
        assert_eq!(v["Name"], "c1");
        assert_eq!(v["Path"], "sh");
        assert_eq!(v["State"]["Status"], "exited");
        assert_eq!(v["State"]["ExitCode"], 3);
        assert_eq!(v["State"]["Running"], false);
        assert_eq!(v["HostConfig"]["RestartPolicy"]["Name"], "no");
        assert_eq!(e.ok(&["inspect", "--format", "{{.State.ExitCode}} {{.Name}}", "c1"]), "3 c1\n");
        // start -a: attached, with the container's exit code.
        let out = e.run(&["start", "-a", &id[..12]]);
        assert_eq!(out.status.code(), Some(3), "{}", describe(&out));
        assert_eq!(text(&out.stdout), "out\n");
        assert_eq!(text(&out.stderr), "err\n");
        // Rename; unique prefixes; missing names.
        e.ok(&["rename", "c1", "c2"]);
        assert!(!e.status("c2").is_empty());
        let missing = e.run(&["rm", "nosuch"]);
        assert_eq!(missing.status.code(), Some(1), "Podman's exit code for a missing container");
        assert!(
            text(&missing.stderr).contains("no container with name or ID \"nosuch\" found"),
            "{}",
            describe(&missing)
        );
        assert_eq!(e.code(&["rm", "-f", "nosuch"]), 0, "rm -f of a missing container is not an error");
        assert_eq!(e.code(&["container", "exists", "c2"]), 0);
        assert_eq!(e.code(&["container", "exists", "nosuch"]), 1);
        assert_eq!(e.ok(&["rm", &id[..10]]), format!("{}\n", &id[..10]));
        assert_eq!(e.code(&["container", "exists", "c2"]), 1);
    });
}

#[test]
fn detached_exec_stop_restart_kill_rm() {
    each_mode("lc-detached", |e| {
        let script = "trap 'echo bye; exit 0' TERM; echo started; while true; do sleep 0.1; done";
        let id = e.ok(&["run", "-d", "--name", "web", &e.image, "sh", "-c", script]).trim().to_string();
        assert!(is_id(&id));
        let v = e.inspect("web");
        assert_eq!(v["State"]["Status"], "running");
        assert!(v["State"]["Pid"].as_i64().unwrap() > 0);
        assert!(e.status("web").starts_with("Up "), "{}", e.status("web"));
        assert!(e.ok(&["ps", "--format", "{{.ID}} {{.Names}}"]).contains(&format!("{} web", &id[..12])));
        assert_eq!(e.ok(&["ps", "-q", "--no-trunc"]), format!("{id}\n"));
        // exec: exit codes, environment, user, working directory.
        assert_eq!(e.code(&["exec", "web", "sh", "-c", "exit 5"]), 5);
        assert_eq!(e.code(&["exec", "web", "no-such-cmd"]), 127);
        assert_eq!(e.code(&["exec", "web", "/etc/passwd"]), 126);
        assert_eq!(e.ok(&["exec", "web", "hostname"]), format!("{}\n", &id[..12]));
        assert_eq!(e.ok(&["exec", "-u", "65534", "web", "id", "-u"]), "65534\n");
        assert_eq!(e.ok(&["exec", "-w", "/tmp", "web", "pwd"]), "/tmp\n");
        assert_eq!(e.ok(&["exec", "-e", "X=y z", "web", "sh", "-c", "echo $X"]), "y z\n");
        let ps = e.ok(&["exec", "web", "ps", "-o", "pid,comm"]);
        assert!(ps.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["1", "sh"]), "{ps}");
        // rm without -f refuses a running container (Podman's exit code 2).
        let out = e.run(&["rm", "web"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains("running"), "{}", describe(&out));
        // stop: the trap runs, exit 0.
        assert_eq!(e.ok(&["stop", "web"]), "web\n");
        assert!(e.status("web").starts_with("Exited (0) "), "{}", e.status("web"));
        assert_eq!(e.ok(&["logs", "web"]), "started\nbye\n");
        assert_eq!(e.code(&["exec", "web", "true"]), 125);
        // restart, then kill with a signal.
        assert_eq!(e.ok(&["restart", "web"]), "web\n");
        e.wait_until("web", "running", |v| v["State"]["Status"] == "running");
        assert_eq!(e.ok(&["kill", "-s", "TERM", "web"]), "web\n");
        assert_eq!(e.ok(&["wait", "web"]), "0\n");
        assert_eq!(e.ok(&["logs", "--tail", "2", "web"]), "started\nbye\n");
        // A real-time signal by name (systemd's RTMIN+3: 37 with glibc), as Podman takes it.
        let rt = "trap 'echo rt; exit 0' 37; echo up; while true; do sleep 0.1; done";
        e.ok(&["run", "-d", "--name", "rt", &e.image, "sh", "-c", rt]);
        for _ in 0..100 {
            if e.ok(&["logs", "rt"]) == "up\n" {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert_eq!(e.ok(&["kill", "-s", "RTMIN+3", "rt"]), "rt\n");
        assert_eq!(e.ok(&["wait", "rt"]), "0\n");
        assert_eq!(e.ok(&["logs", "rt"]), "up\nrt\n");
        assert_eq!(e.code(&["kill", "-s", "RTMIN+99", "web"]), 125);
        e.ok(&["rm", "rt"]);
        // rm -f of a running one.
        e.ok(&["start", "web"]);
        e.wait_until("web", "running", |v| v["State"]["Status"] == "running");
        assert_eq!(e.ok(&["rm", "-f", "web"]), "web\n");
        assert_eq!(e.code(&["container", "exists", "web"]), 1);
    });
}

/// `exec`'s exit codes as Podman's: 125 when no process could be started
/// for a reason of the engine's (a container that is not running, an
/// unknown user or group), 127 for a `-w` directory that does not exist
/// (Podman's class of what the runtime reports: "no such file or
/// directory"; runc and crun do not create an exec's directory).
#[test]
fn exec_exit_codes_as_podman() {
    each_mode("lc-execcodes", |e| {
        e.ok(&["run", "-d", "--name", "x", &e.image, "sleep", "600"]);
        let fails = |args: &[&str], code: i32, message: &str| {
            let out = e.run(args);
            assert_eq!(out.status.code(), Some(code), "{:?} rpod {args:?}\n{}", e.mode, describe(&out));
            assert!(
                text(&out.stderr).to_lowercase().contains(&message.to_lowercase()),
                "{:?} rpod {args:?}: wanted {message:?}\n{}",
                e.mode,
                describe(&out)
            );
        };
        fails(
            &["exec", "-u", "nosuch", "x", "true"],
            125,
            "unable to find user nosuch: no matching entries in passwd file",
        );
        fails(&["exec", "-u", "0:nosuch", "x", "true"], 125, "unable to find group nosuch");
        fails(&["exec", "-w", "/nosuch", "x", "pwd"], 127, "no such file or directory");
        fails(&["exec", "--workdir", "/nosuch/deeper", "x", "pwd"], 127, "no such file or directory");
        e.ok(&["stop", "-t", "0", "x"]);
        fails(&["exec", "x", "true"], 125, "can only create exec sessions on running containers");
        e.ok(&["create", "--name", "y", &e.image, "true"]);
        fails(&["exec", "y", "true"], 125, "can only create exec sessions on running containers");
    });
}

/// The key paths of an inspect document, not descending into the maps
/// whose keys are user data (as tests/podman-4.3-container-inspect-keys.txt
/// was made).
fn inspect_key_paths(v: &Value, prefix: &str, out: &mut Vec<String>) {
    const USER_MAPS: [&str; 9] =
        ["Labels", "Annotations", "Options", "Networks", "Ports", "Healthcheck", "Data", "Sysctls", "Tmpfs"];
    let Some(map) = v.as_object() else { return };
    for (k, child) in map {
        let path = format!("{prefix}{k}");
        out.push(path.clone());
        if !USER_MAPS.contains(&k.as_str()) && path != "HostConfig.LogConfig.Config" {
            inspect_key_paths(child, &format!("{path}."), out);
        }
    }
}

/// `container inspect` has every key Podman 4.3's has (the list captured
/// from Podman, tests/podman-4.3-container-inspect-keys.txt), with
/// Podman's value shapes: the stop signal a number, the entrypoint a
/// string, no labels null, an empty health, `Config.Env` with the `HOME`
/// the process gets, the image's digest and full name, the capabilities,
/// the command line that created it, and Go times in templates.
#[test]
fn inspect_has_podmans_keys_and_shapes() {
    let podman: Vec<String> = include_str!("podman-4.3-container-inspect-keys.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_string)
        .collect();
    each_mode("lc-inspect", |e| {
        e.ok(&["create", "--name", "i", &e.image, "sleep", "100"]);
        let v = e.inspect("i");
        let mut keys = Vec::new();
        inspect_key_paths(&v, "", &mut keys);
        let missing: Vec<&String> = podman.iter().filter(|k| !keys.contains(k)).collect();
        assert!(missing.is_empty(), "{:?}: keys Podman 4.3 has and rpod lacks: {missing:?}", e.mode);
        assert_eq!(v["Config"]["StopSignal"], 15);
        assert_eq!(v["Config"]["Entrypoint"], "");
        assert_eq!(v["Config"]["Labels"], Value::Null);
        assert_eq!(v["State"]["Health"]["Status"], "");
        assert!(v["State"]["OciVersion"].as_str().is_some_and(|s| s.starts_with("1.")), "{}", v["State"]);
        assert_eq!(v["ExecIDs"], serde_json::json!([]));
        assert!(
            v["ImageDigest"].as_str().is_some_and(|d| d.starts_with("sha256:") && d.len() == 71),
            "{}",
            v["ImageDigest"]
        );
        assert_eq!(v["ImageName"], e.image.as_str());
        let caps = v["EffectiveCaps"].as_array().unwrap();
        assert!(caps.contains(&Value::from("CAP_CHOWN")) && !caps.contains(&Value::from("CAP_SYS_ADMIN")), "{caps:?}");
        assert_eq!(v["BoundingCaps"], v["EffectiveCaps"]);
        let cc: Vec<&str> = v["Config"]["CreateCommand"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        assert!(cc.ends_with(&["create", "--name", "i", &e.image, "sleep", "100"]), "{cc:?}");
        let env: Vec<&str> = v["Config"]["Env"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        assert!(env.contains(&"HOME=/root"), "{env:?}");
        // A user of the image: its home.
        e.ok(&[
            "create",
            "--name",
            "n",
            "--user",
            "nobody",
            "--entrypoint",
            "sleep",
            "--stop-signal",
            "KILL",
            "-l",
            "a=b",
            &e.image,
            "1",
        ]);
        let n = e.inspect("n");
        assert!(n["Config"]["Env"].as_array().unwrap().contains(&Value::from("HOME=/home")), "{}", n["Config"]["Env"]);
        assert_eq!((n["Config"]["Entrypoint"].as_str(), n["Config"]["StopSignal"].as_i64()), (Some("sleep"), Some(9)));
        assert_eq!(n["Config"]["Labels"]["a"], "b");
        // A short name is shown fully qualified.
        let short = e.image.rsplit_once('/').unwrap().1;
        e.ok(&["tag", &e.image, "localhost/mine:1"]);
        e.ok(&["create", "--name", "q", "mine:1", "true"]);
        assert_eq!(e.inspect("q")["ImageName"], "localhost/mine:1", "{short}");
        // Templates see Go times.
        let t = e.ok(&["container", "inspect", "--format", "{{.Created}}|{{.State.StartedAt}}", "i"]);
        let (created, started) = t.trim().split_once('|').unwrap();
        assert!(created.ends_with(" +0000 UTC") && created.as_bytes()[10] == b' ', "{t}");
        assert_eq!(started, "0001-01-01 00:00:00 +0000 UTC");
    });
}

/// The bash completion (completions/rpod.bash, as `rpod completion bash`
/// prints it) completes container and image names by asking rpod at
/// completion time: `start`/`rm` any positional, `exec` its first only,
/// `run` its image after flags and their values. The rpod it asks is the
/// one on `PATH` (here a wrapper onto this test's store).
#[test]
fn bash_completion_asks_rpod_for_names() {
    let script = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/rpod.bash")).unwrap();
    each_mode("lc-complete", |e| {
        e.ok(&["create", "--name", "alpha", &e.image, "true"]);
        e.ok(&["create", "--name", "beta", &e.image, "true"]);
        let dir = e.dir.path();
        let bin = dir.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let wrapper = bin.join("rpod");
        let base: Vec<String> = e.base_args().iter().map(|a| shell_quote(a)).collect();
        std::fs::write(
            &wrapper,
            format!("#!/bin/sh\nexec {} {} \"$@\"\n", shell_quote(&rpod().display().to_string()), base.join(" ")),
        )
        .unwrap();
        std::fs::write(dir.join("rpod.bash"), &script).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
        if e.mode == Mode::Rootless {
            let b = Bed::get();
            for p in [&bin, &wrapper, &dir.join("rpod.bash")] {
                std::os::unix::fs::chown(p, Some(b.test_uid), Some(b.test_gid)).unwrap();
            }
        }
        let complete = |words: &[&str]| -> Vec<String> {
            let quoted: Vec<String> = words.iter().map(|w| shell_quote(w)).collect();
            let line = format!(
                "source {}; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}; _rpod_with_names rpod {} {}; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
                shell_quote(&dir.join("rpod.bash").display().to_string()),
                quoted.join(" "),
                words.len() - 1,
                shell_quote(words[words.len() - 1]),
                shell_quote(words[words.len() - 2]),
            );
            let mut cmd = match e.mode {
                Mode::Rootless => Bed::get().rootless_command("/bin/bash"),
                Mode::Root => Bed::get().root_command("/bin/bash"),
            };
            cmd.env("PATH", format!("{}:/usr/bin:/bin", bin.display())).args(["-c", &line]);
            let out = output_with_timeout(&mut cmd, Duration::from_secs(60));
            assert!(out.status.success(), "{words:?}: {}", describe(&out));
            let mut got: Vec<String> =
                text(&out.stdout).lines().filter(|l| !l.is_empty()).map(str::to_string).collect();
            got.sort();
            got
        };
        assert_eq!(complete(&["rpod", "start", ""]), ["alpha", "beta"], "{:?}", e.mode);
        assert_eq!(complete(&["rpod", "start", "al"]), ["alpha"], "{:?}", e.mode);
        assert_eq!(complete(&["rpod", "container", "rm", "alpha", "b"]), ["beta"], "{:?}", e.mode);
        assert_eq!(complete(&["rpod", "exec", "-w", "/tmp", "b"]), ["beta"], "{:?}", e.mode);
        assert!(!complete(&["rpod", "exec", "alpha", "b"]).contains(&"beta".to_string()), "{:?}", e.mode);
        assert_eq!(complete(&["rpod", "run", "--name", "x", "127"]), std::slice::from_ref(&e.image), "{:?}", e.mode);
        assert_eq!(complete(&["rpod", "rmi", ""]), std::slice::from_ref(&e.image), "{:?}", e.mode);
    });
}

#[test]
fn killed_monitor_container_and_cli_leave_a_true_state() {
    each_mode("lc-kill9", |e| {
        // The monitor killed: its container dies with it and the next
        // command records the end.
        e.ok(&["run", "-d", "--name", "m", &e.image, "sleep", "1000"]);
        let v = e.inspect("m");
        let monitor = v["State"]["ConmonPid"].as_i64().unwrap() as i32;
        assert!(monitor > 0, "{v:#}");
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(monitor), nix::sys::signal::Signal::SIGKILL).unwrap();
        let v = e.wait_until("m", "exited", |v| v["State"]["Status"] == "exited");
        assert_eq!(v["State"]["ExitCode"], 137);
        assert!(e.status("m").starts_with("Exited (137)"), "{}", e.status("m"));
        // The container's PID 1 killed from outside.
        e.ok(&["run", "-d", "--name", "p", &e.image, "sleep", "1000"]);
        let pid = e.inspect("p")["State"]["Pid"].as_i64().unwrap() as i32;
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL).unwrap();
        assert_eq!(e.ok(&["wait", "p"]), "137\n");
        // The CLI of a foreground run killed: the container runs on.
        let mut fg = e.cmd(&["run", "--name", "fg", &e.image, "sleep", "1000"]);
        fg.stdout(Stdio::null()).stderr(Stdio::null());
        let mut child = fg.spawn().unwrap();
        e.wait_until("fg", "running", |v| v["State"]["Status"] == "running");
        child.kill().unwrap();
        child.wait().unwrap();
        std::thread::sleep(Duration::from_millis(200));
        assert!(e.status("fg").starts_with("Up "), "{}", e.status("fg"));
        e.ok(&["stop", "-t", "0", "fg"]);
        assert!(e.status("fg").starts_with("Exited (137)"), "{}", e.status("fg"));
        for n in ["m", "p", "fg"] {
            e.ok(&["rm", n]);
        }
    });
}

#[test]
fn restart_policies_and_auto_remove() {
    each_mode("lc-restart", |e| {
        e.ok(&["run", "-d", "--name", "flaky", "--restart", "on-failure:2", &e.image, "sh", "-c", "echo try; exit 1"]);
        let v = e.wait_until("flaky", "done restarting", |v| {
            v["State"]["Status"] == "exited" && v["RestartCount"] == 2 && v["State"]["ConmonPid"] == 0
        });
        assert_eq!(v["State"]["ExitCode"], 1);
        assert_eq!(v["HostConfig"]["RestartPolicy"]["Name"], "on-failure");
        assert_eq!(e.ok(&["logs", "flaky"]), "try\ntry\ntry\n");
        // always: restarted until stopped by the user.
        e.ok(&["run", "-d", "--name", "always", "--restart", "always", &e.image, "sh", "-c", "sleep 0.2; exit 0"]);
        e.wait_until("always", "restarted", |v| v["RestartCount"].as_u64().unwrap_or(0) >= 1);
        e.ok(&["stop", "-t", "0", "always"]);
        std::thread::sleep(Duration::from_millis(800));
        assert_eq!(e.inspect("always")["State"]["Status"], "exited");
        // A stop that comes while the container waits to be restarted (it
        // exits at once, so it mostly does) ends the restarts too.
        e.ok(&["run", "-d", "--name", "bouncy", "--restart", "always", &e.image, "true"]);
        e.wait_until("bouncy", "restarted", |v| v["RestartCount"].as_u64().unwrap_or(0) >= 2);
        e.ok(&["stop", "-t", "0", "bouncy"]);
        let count = e.inspect("bouncy")["RestartCount"].clone();
        std::thread::sleep(Duration::from_millis(1500));
        let v = e.inspect("bouncy");
        assert_eq!((&v["State"]["Status"], &v["RestartCount"]), (&"exited".into(), &count), "restarted after stop");
        e.wait_until("bouncy", "monitor gone", |v| v["State"]["ConmonPid"] == 0);
        // --rm -d: gone once it exits.
        let id = e.ok(&["run", "-d", "--rm", &e.image, "true"]).trim().to_string();
        let start = Instant::now();
        while e.code(&["container", "exists", &id]) == 0 {
            assert!(start.elapsed() < Duration::from_secs(20), "--rm container {id} was not removed");
            std::thread::sleep(Duration::from_millis(50));
        }
        assert_eq!(e.run(&["create", "--rm", "--restart", "always", &e.image]).status.code(), Some(125));
    });
}

/// `run --rm` returns once the container is gone, also when its start
/// fails: before the monitor (an unknown user) or in it (a command that is
/// not there), in the foreground and with `-d`. Without `--rm` a failed
/// start keeps the container, as in Podman.
#[test]
fn run_rm_leaves_nothing_even_when_the_start_fails() {
    each_mode("lc-rm", |e| {
        let nothing_left = |what: &str| assert_eq!(e.ok(&["ps", "-aq"]), "", "{:?}: {what} left a container", e.mode);
        for _ in 0..10 {
            e.ok(&["run", "--rm", &e.image, "true"]);
            nothing_left("run --rm true");
        }
        for detach in [&[][..], &["-d"]] {
            let run = |rest: &[&str]| e.code(&[&["run", "--rm"][..], detach, rest].concat());
            assert_eq!(run(&["--user", "nosuch", &e.image, "id"]), 125, "{:?} {detach:?}", e.mode);
            nothing_left("run --rm --user nosuch");
            for _ in 0..5 {
                assert_eq!(run(&[&e.image, "nosuchcmd"]), 127, "{:?} {detach:?}", e.mode);
                nothing_left("run --rm nosuchcmd");
            }
        }
        assert_eq!(e.code(&["run", "--name", "kept", "--user", "nosuch", &e.image, "id"]), 125);
        assert_eq!(e.status("kept"), "Created", "{:?}", e.mode);
    });
}

#[test]
fn logs_options_and_rotation() {
    each_mode("lc-logs", |e| {
        let script = "i=0; while [ $i -lt 300 ]; do echo line$i; i=$((i+1)); done; printf partial";
        e.ok(&["run", "--name", "l", "--log-opt", "max-size=2k", &e.image, "sh", "-c", script]);
        assert_eq!(e.ok(&["logs", "--tail", "2", "l"]), "line299\npartial");
        let all = e.ok(&["logs", "l"]);
        assert!(all.len() < 1500, "rotated: only the last part is kept ({} bytes)", all.len());
        assert!(all.ends_with("line299\npartial"), "{all}");
        let ts = e.ok(&["logs", "-t", "--tail", "1", "l"]);
        let (stamp, rest) = ts.split_once(' ').unwrap();
        assert!(stamp.len() == 30 && stamp.ends_with('Z') && stamp.contains('T'), "{ts}");
        assert_eq!(rest, "partial");
        assert_eq!(e.ok(&["logs", "--since", "1h", "--tail", "1", "l"]), "partial");
        assert_eq!(e.ok(&["logs", "--until", "2000-01-01T00:00:00Z", "l"]), "");
        // Every form of Podman's ParseInputTime: dates, RFC 3339 with or
        // without a zone, offsets and fractions, Unix times, Go durations.
        let tail = |flag: &str, v: &str| e.ok(&["logs", flag, v, "--tail", "1", "l"]);
        for past in [
            "2020-01-01",
            "2020-01-01Z",
            "2020-01-01T10:00:00",
            "2020-01-01T10:00:00+02:00",
            "1600000000",
            "1600000000.123",
            "2020-01-01T10:00:00.5Z",
            "1.5h",
            "90m",
            "1h30m",
        ] {
            assert_eq!(tail("--since", past), "partial", "--since {past}");
        }
        for future in ["2100-01-01", "4102444800.5", "10m", "500ms"] {
            // A duration counts forward from now for --until (Podman).
            assert_eq!(tail("--until", future), "partial", "--until {future}");
        }
        assert_eq!(e.ok(&["logs", "--until", "1600000000", "l"]), "");
        let out = e.run(&["logs", "--since", "yesterday", "l"]);
        assert_eq!(out.status.code(), Some(125));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("parsing --since \"yesterday\": unable to interpret time value"), "{err}");
        // -f follows until the container ends.
        e.ok(&["run", "-d", "--name", "f", &e.image, "sh", "-c", "echo a; sleep 0.5; echo b"]);
        assert_eq!(e.ok(&["logs", "-f", "f"]), "a\nb\n");
        let raw = std::fs::read_to_string(
            e.dir.path().join("root/containers").join(e.inspect("f")["Id"].as_str().unwrap()).join("ctr.log"),
        )
        .unwrap();
        let first = raw.lines().next().unwrap();
        assert!(first.ends_with(" stdout F a"), "k8s-file format: {first}");
        // --log-driver none: nothing to read.
        e.ok(&["run", "--name", "n", "--log-driver", "none", &e.image, "echo", "x"]);
        assert_eq!(e.code(&["logs", "n"]), 125);
    });
}

#[test]
fn ps_filters_and_formats() {
    each_mode("lc-ps", |e| {
        e.ok(&["create", "--name", "a", "--label", "tier=web", &e.image, "true"]);
        assert_eq!(e.code(&["run", "--name", "b", &e.image, "sh", "-c", "exit 2"]), 2);
        e.ok(&["run", "-d", "--name", "c", &e.image, "sleep", "100"]);
        let names = |f: &str| -> Vec<String> {
            let mut v: Vec<String> =
                e.ok(&["ps", "-a", "--filter", f, "--format", "{{.Names}}"]).lines().map(String::from).collect();
            v.sort();
            v
        };
        assert_eq!(names("status=created"), ["a"]);
        assert_eq!(names("status=exited"), ["b"]);
        assert_eq!(names("status=running"), ["c"]);
        assert_eq!(names("exited=2"), ["b"]);
        assert_eq!(names("label=tier=web"), ["a"]);
        assert_eq!(names("name=c"), ["c"]);
        assert_eq!(names(&format!("ancestor={}", e.image)).len(), 3);
        assert_eq!(e.ok(&["ps", "-l", "--format", "{{.Names}}"]), "c\n");
        assert_eq!(e.ok(&["ps", "-n", "2", "--format", "{{.Names}}"]), "c\nb\n");
        let table = e.ok(&["ps", "-a"]);
        let header = table.lines().next().unwrap();
        for col in ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"] {
            assert!(header.contains(col), "{header}");
        }
        let out = e.ok(&["ps", "-a", "--format", "json"]);
        assert!(out.starts_with("[\n  {\n    \"AutoRemove\""), "indented by 2 as Podman's: {out}");
        let json: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 3);
        // Podman's ListContainer: full ID, the command and names as lists, times.
        let b = json.as_array().unwrap().iter().find(|c| c["Names"] == serde_json::json!(["b"])).unwrap();
        assert_eq!(b["Id"].as_str().unwrap().len(), 64, "{b}");
        assert_eq!(b["Command"], serde_json::json!(["sh", "-c", "exit 2"]));
        assert_eq!(
            (b["Exited"].as_bool(), b["ExitCode"].as_i64(), b["State"].as_str()),
            (Some(true), Some(2), Some("exited"))
        );
        assert!(b["ExitedAt"].as_i64().unwrap() >= b["StartedAt"].as_i64().unwrap(), "{b}");
        assert!(b["StartedAt"].as_i64().unwrap() >= b["Created"].as_i64().unwrap(), "{b}");
        assert!(b["Created"].as_i64().unwrap() > 1_600_000_000, "{b}");
        assert!(b["CreatedAt"].as_str().unwrap().ends_with(" ago"), "{b}");
        for key in ["Pod", "PodName", "Namespaces", "IsInfra", "Mounts", "Ports", "Size", "ImageID", "Labels", "Pid"] {
            assert!(b.get(key).is_some(), "{key} missing: {b}");
        }
        // A misspelt field is an error (125), a missing label is <no value>.
        let out = e.run(&["ps", "-a", "--format", "{{.Nosuch}}"]);
        assert_eq!(out.status.code(), Some(125));
        assert!(String::from_utf8_lossy(&out.stderr).contains("can't evaluate field Nosuch"));
        let out = e.ok(&["ps", "-l", "--format", "{{.Labels.nosuch}}|{{.RunningFor}}"]);
        assert!(out.starts_with("<no value>|") && out.ends_with(" ago\n"), "{out}");
        let at = e.ok(&["ps", "-l", "--format", "{{.CreatedAt}}"]);
        assert!(at.ends_with(" +0000 UTC\n") && at.as_bytes()[10] == b' ', "{at}");
        assert_eq!(e.ok(&["container", "ls", "--format", "{{.Names}}: {{.Status}}"]).lines().count(), 1);
        assert_eq!(e.code(&["ps", "--filter", "bogus=1"]), 125);
        e.ok(&["rm", "-f", "c"]);
        let pruned = e.ok(&["container", "prune", "-f"]);
        assert_eq!(pruned.lines().count(), 2, "{pruned}");
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "");
    });
}

#[test]
fn many_concurrent_runs_ps_and_removals() {
    for mode in [Mode::Rootless, Mode::Root] {
        let e = Eng::new(mode, "lc-conc");
        for round in 0..2 {
            let handles: Vec<_> = (0..20)
                .map(|i| {
                    let mut cmd = e.cmd(&["run", "-d", "--name", &format!("c{round}-{i}"), &e.image, "sleep", "100"]);
                    std::thread::spawn(move || output_with_timeout(&mut cmd, Duration::from_secs(120)))
                })
                .collect();
            let ps: Vec<_> = (0..5)
                .map(|_| {
                    let mut cmd = e.cmd(&["ps", "-a"]);
                    std::thread::spawn(move || output_with_timeout(&mut cmd, Duration::from_secs(120)))
                })
                .collect();
            for h in handles.into_iter().chain(ps) {
                let out = h.join().unwrap();
                assert!(out.status.success(), "{mode:?}: {}", describe(&out));
            }
            let running = e.ok(&["ps", "-q"]).lines().count();
            assert_eq!(running, 20, "{mode:?} round {round}");
            let rms: Vec<_> = (0..20)
                .map(|i| {
                    let mut cmd = e.cmd(&["rm", "-f", &format!("c{round}-{i}")]);
                    std::thread::spawn(move || output_with_timeout(&mut cmd, Duration::from_secs(120)))
                })
                .collect();
            for h in rms {
                let out = h.join().unwrap();
                assert!(out.status.success(), "{mode:?}: {}", describe(&out));
            }
            assert_eq!(e.ok(&["ps", "-a", "-q"]), "");
            assert_no_leftovers(&e);
        }
    }
}

#[test]
fn interactive_terminal() {
    each_mode("lc-pty", |e| {
        // run -it: a prompt, ps shows sh as PID 1, exit ends it.
        let (code, out) = e.in_pty("", &["run", "-it", "--name", "it1", &e.image], b"ps -o pid,comm\nexit 4\n");
        assert_eq!(code, 4, "{out}");
        assert!(out.contains("/ #"), "a shell prompt: {out}");
        assert!(out.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["1", "sh"]), "{out}");
        assert!(e.status("it1").starts_with("Exited (4)"), "{}", e.status("it1"));
        // start -ai re-attaches to the same container.
        let (code, out) = e.in_pty("", &["start", "-ai", "it1"], b"echo again-$((20+22))\nexit\n");
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("again-42"), "{out}");
        // The terminal's size reaches the container.
        let (code, out) = e.in_pty("stty rows 33 cols 101", &["run", "--rm", "-it", &e.image, "stty", "size"], b"");
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("33 101"), "{out}");
        // Detach with ctrl-p ctrl-q; the container runs on.
        let line = format!("{} {} run -it --name d {} sh", rpod().display(), e.base_args().join(" "), e.image);
        let (code, out) = e.in_pty_steps(&line, &[b"echo before\n", b"\x10\x11"]);
        assert_eq!(code, 0, "{out}");
        assert!(e.status("d").starts_with("Up "), "{}", e.status("d"));
        let (code, out) = e.in_pty("", &["exec", "-it", "d", "sh"], b"echo in-exec-$((1+1))\nexit 3\n");
        assert_eq!(code, 3, "{out}");
        assert!(out.contains("in-exec-2"), "{out}");
        let (code, out) = e.in_pty("", &["attach", "d"], b"echo attached-$((2+3))\nexit 6\n");
        assert_eq!(code, 6, "{out}");
        assert!(out.contains("attached-5"), "{out}");
        assert!(e.status("d").starts_with("Exited (6)"), "{}", e.status("d"));
    });
}

#[test]
fn stdin_and_signals_without_a_terminal() {
    each_mode("lc-stdin", |e| {
        // -i: stdin is forwarded, EOF closes the container's stdin.
        let mut cmd = e.cmd(&["run", "-i", "--rm", &e.image, "sh", "-c", "cat; echo done"]);
        let input = e.dir.path().join("in.txt");
        std::fs::write(&input, "piped text\n").unwrap();
        if e.mode == Mode::Rootless {
            let b = Bed::get();
            std::os::unix::fs::chown(&input, Some(b.test_uid), Some(b.test_gid)).unwrap();
        }
        cmd.stdin(Stdio::from(std::fs::File::open(&input).unwrap()));
        let out = output_with_timeout(&mut cmd, Duration::from_secs(60));
        assert_eq!(text(&out.stdout), "piped text\ndone\n", "{}", describe(&out));
        // sig-proxy: SIGINT to rpod reaches the container.
        let script = "trap 'echo caught; exit 42' INT; echo ready; while :; do sleep 0.1; done";
        let mut cmd = e.cmd(&["run", "--rm", &e.image, "sh", "-c", script]);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        assert_eq!(lines.next().unwrap().unwrap(), "ready");
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), nix::sys::signal::Signal::SIGINT)
            .unwrap();
        assert_eq!(lines.next().unwrap().unwrap(), "caught");
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(42));
    });
}

/// The seed document's walkthrough, verbatim, rootless, with `docker` a
/// symlink to rpod and the test registry configured as the mirror of
/// docker.io (how the seed's `registry-mirrors` is expressed).
#[test]
fn seed_walkthrough_as_docker() {
    let bed = Bed::get();
    let home = bed.user_tempdir("seed");
    let reg = std::env::var("RPOD_TEST_REGISTRY").expect("RPOD_TEST_REGISTRY");
    let conf = home.path().join("config/containers");
    std::fs::create_dir_all(&conf).unwrap();
    std::fs::write(
        conf.join("registries.conf"),
        format!(
            "unqualified-search-registries = [\"docker.io\"]\n\n[[registry]]\nprefix = \"docker.io\"\nlocation = \"docker.io\"\n\n[[registry.mirror]]\nlocation = \"{reg}\"\ninsecure = true\n\n[[registry]]\nlocation = \"{reg}\"\ninsecure = true\n"
        ),
    )
    .unwrap();
    for d in ["data", "runtime", "bin"] {
        std::fs::create_dir_all(home.path().join(d)).unwrap();
    }
    let docker = home.path().join("bin/docker");
    std::os::unix::fs::symlink(rpod(), &docker).unwrap();
    let chown = |p: &Path| {
        let _ = std::process::Command::new("chown")
            .args(["-R", &format!("{}:{}", bed.test_uid, bed.test_gid), &p.display().to_string()])
            .status();
    };
    chown(home.path());
    let env = [
        ("XDG_CONFIG_HOME", home.path().join("config")),
        ("XDG_DATA_HOME", home.path().join("data")),
        ("XDG_RUNTIME_DIR", home.path().join("runtime")),
    ];
    let cmd = |args: &[&str]| {
        let mut c = bed.rootless_command(&docker);
        c.args(args);
        for (k, v) in &env {
            c.env(k, v);
        }
        c
    };
    let docker_ok = |args: &[&str]| -> String {
        let out = output_with_timeout(&mut cmd(args), Duration::from_secs(120));
        assert!(out.status.success(), "docker {args:?}\n{}", describe(&out));
        text(&out.stdout)
    };
    // Interactive steps through a pseudo-terminal, input in timed steps.
    let pty = |args: &[&str], steps: &[&[u8]]| -> (i32, String) {
        let mut line = String::new();
        for (k, v) in &env {
            line.push_str(&format!("{k}={} ", shell_quote(&v.display().to_string())));
        }
        line.push_str(&shell_quote(&docker.display().to_string()));
        for a in args {
            line.push(' ');
            line.push_str(&shell_quote(a));
        }
        let mut feeder = String::from("{ ");
        for st in steps {
            let octal: String = st.iter().map(|b| format!("\\{b:03o}")).collect();
            feeder.push_str(&format!("sleep 1; printf \"{octal}\"; "));
        }
        feeder.push_str("sleep 1; }");
        let mut c = bed.rootless_command("/bin/sh");
        c.args(["-c", &format!("{feeder} | /usr/bin/script -qec {} /dev/null", shell_quote(&line))]);
        let out = output_with_timeout(&mut c, Duration::from_secs(60));
        (out.status.code().unwrap_or(-1), text(&out.stdout))
    };
    let status = |name: &str| -> String {
        docker_ok(&["container", "ls", "-a", "--format", "{{.Names}}: {{.Status}}"])
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_string))
            .unwrap_or_default()
    };

    assert!(docker_ok(&["version"]).contains("Version:"));
    assert!(docker_ok(&["system", "info"]).contains("graphRoot"));
    let nets = docker_ok(&["network", "ls"]);
    assert!(nets.starts_with("NETWORK ID") && nets.contains("podman      bridge"), "{nets}");
    let found = docker_ok(&["search", &format!("{reg}/busybox"), "--limit", "5", "--format", "{{json .}}"]);
    assert!(found.contains("busybox"), "{found}");
    docker_ok(&["image", "pull", "busybox"]);
    let images = docker_ok(&["image", "ls", "--no-trunc", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"]);
    assert!(images.starts_with("docker.io/library/busybox:latest sha256:"), "{images}");
    docker_ok(&["container", "run", "--name", "bx0", "busybox"]);
    assert_eq!(docker_ok(&["container", "ls"]).lines().count(), 1, "only the header");
    assert!(docker_ok(&["container", "ls", "-a"]).contains("bx0"));
    assert!(status("bx0").starts_with("Exited (0) "), "{}", status("bx0"));
    assert_eq!(docker_ok(&["container", "rm", "bx0"]), "bx0\n");
    let (code, out) = pty(&["run", "--name", "bx1", "-it", "busybox"], &[b"ps\n", b"exit\n"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["1", "root", "sh"]), "{out}");
    assert!(status("bx1").starts_with("Exited (0) "), "{}", status("bx1"));
    assert_eq!(docker_ok(&["container", "start", "bx1"]), "bx1\n");
    assert!(status("bx1").starts_with("Up "), "{}", status("bx1"));
    let (code, out) = pty(&["container", "attach", "bx1"], &[b"echo attached-$((3*3))\n", b"exit\n"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("attached-9"), "{out}");
    // start -ai, and exec into it while attached.
    let attached = std::thread::scope(|s| {
        let h = s.spawn(|| pty(&["start", "-ai", "bx1"], &[b"echo in-start-$((4+4))\n", b"", b"", b"exit\n"]));
        let start = Instant::now();
        while !status("bx1").starts_with("Up ") {
            assert!(start.elapsed() < Duration::from_secs(20), "bx1 never came up");
            std::thread::sleep(Duration::from_millis(50));
        }
        let ps = docker_ok(&["container", "exec", "bx1", "ps"]);
        assert!(ps.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["1", "root", "sh"]), "{ps}");
        assert!(ps.lines().any(|l| l.trim_end().ends_with("ps")), "{ps}");
        h.join().unwrap()
    });
    assert_eq!(attached.0, 0, "{}", attached.1);
    assert!(attached.1.contains("in-start-8"), "{}", attached.1);
    docker_ok(&["container", "rm", "-f", "bx1"]);
    // The user namespace's pause process of this private runtime dir.
    if let Ok(p) = std::fs::read_to_string(home.path().join("runtime/rpod/pause.pid")) {
        if let Some(pid) = p.split_whitespace().next().and_then(|x| x.parse::<i32>().ok()) {
            let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
        }
    }
}

#[test]
fn top_and_an_image_in_use() {
    each_mode("lc-top", |e| {
        e.ok(&["run", "-d", "--name", "t", &e.image, "sh", "-c", "sleep 100 & sleep 200"]);
        e.ok(&["exec", "-d", "-u", "65534", "t", "sleep", "50"]);
        let top = e.ok(&["top", "t"]);
        let header: Vec<&str> = top.lines().next().unwrap().split_whitespace().collect();
        assert_eq!(header, ["USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"], "{top}");
        let start = Instant::now();
        let rows = loop {
            let rows: Vec<Vec<String>> = e
                .ok(&["container", "top", "t", "user,pid,args"])
                .lines()
                .skip(1)
                .map(|l| l.split_whitespace().map(String::from).collect())
                .collect();
            if rows.len() == 3 || start.elapsed() > Duration::from_secs(10) {
                break rows;
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        assert_eq!(rows[0], ["root", "1", "sleep", "200"], "{rows:?}");
        assert!(rows.iter().any(|r| r[..2] == ["nobody".to_string(), "3".to_string()]), "{rows:?}");
        assert_eq!(e.code(&["top", "t", "bogus"]), 125);
        // The image cannot go while a container uses it, unless forced.
        let out = e.run(&["rmi", &e.image]);
        assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
        assert!(text(&out.stderr).contains("image is in use by a container"), "{}", describe(&out));
        e.ok(&["rmi", "-f", &e.image]);
        assert_eq!(e.code(&["container", "exists", "t"]), 1);
        e.ok(&["pull", "-q", "--tls-verify=false", &e.image]);
    });
}

/// This host has no usable cgroup v2 controllers (hybrid layout): rpod
/// runs without limits, creates no cgroup, and refuses a requested limit,
/// pause, stats and update with the way to get delegation.
#[test]
fn limits_without_cgroup_v2_are_refused_not_dropped() {
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    let unified =
        mountinfo.lines().any(|l| l.contains(" - cgroup2 ")) && !mountinfo.lines().any(|l| l.contains(" - cgroup "));
    if unified {
        eprintln!("skipped: this host is in cgroup v2 unified mode (the VM tests cover it)");
        return;
    }
    each_mode("lc-nocg", |e| {
        let flags: [&[&str]; 6] = [
            &["-m", "64m"],
            &["--pids-limit", "10"],
            &["--cpus", "0.5"],
            &["--cpuset-cpus", "0"],
            &["--blkio-weight", "500"],
            &["--cgroup-conf", "memory.high=1G"],
        ];
        for flags in flags {
            let mut args = vec!["run", "--rm"];
            args.extend_from_slice(flags);
            args.extend([e.image.as_str(), "true"]);
            let out = e.run(&args);
            assert_eq!(out.status.code(), Some(125), "{flags:?}: {}", describe(&out));
            let err = text(&out.stderr);
            assert!(err.contains("cannot apply resource limits") && err.contains("cgroup_no_v1=all"), "{err}");
        }
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "", "a refused container is not created");
        // Bad device limits are refused before anything else, naming the flag.
        for (flag, value, why) in [
            ("--device-read-bps", "/dev/null:1mb", "not a block device"),
            ("--device-write-iops", "/dev/nonexistent:10", "/dev/nonexistent"),
            ("--blkio-weight-device", "/dev/null", "DEVICE:WEIGHT"),
            ("--blkio-weight", "5", "10 to 1000"),
            ("--cgroup-conf", "cgroup.procs=1", "managed by rpod"),
        ] {
            let out = e.run(&["create", flag, value, &e.image]);
            assert_eq!(out.status.code(), Some(125), "{flag} {value}: {}", describe(&out));
            assert!(text(&out.stderr).contains(why), "{flag} {value}: {}", describe(&out));
        }
        e.ok(&["run", "-d", "--name", "p", &e.image, "sleep", "100"]);
        assert_eq!(e.inspect("p")["HostConfig"]["CgroupPath"], "");
        for cmd in [&["pause", "p"][..], &["stats", "--no-stream", "p"], &["update", "--memory", "64m", "p"]] {
            let out = e.run(cmd);
            assert_eq!(out.status.code(), Some(125), "{cmd:?}: {}", describe(&out));
            assert!(text(&out.stderr).contains("cgroup_no_v1=all"), "{cmd:?}: {}", describe(&out));
        }
        let info: Value = serde_json::from_str(&e.ok(&["info", "--format", "json"])).unwrap();
        assert_eq!(info["host"]["cgroupManager"], "cgroupfs");
        assert_eq!(info["host"]["cgroupVersion"], "v1");
    });
}

/// `--init`: a tiny init is PID 1 (no binary in the image needed), the
/// command its child; signals are forwarded, orphans reaped, the exit code
/// passed through.
#[test]
fn init_reaps_and_forwards() {
    each_mode("lc-init", |e| {
        let out =
            e.ok(&["run", "--rm", "--init", &e.image, "sh", "-c", "(sleep 0.1 &); sleep 0.4; ps -o pid,stat,comm"]);
        let rows: Vec<Vec<&str>> = out.lines().skip(1).map(|l| l.split_whitespace().collect()).collect();
        assert_eq!(rows[0][0], "1");
        assert_eq!(rows[0][2], "rpod-init", "{out}");
        assert!(rows.iter().all(|r| !r[1].starts_with('Z')), "zombies were not reaped: {out}");
        assert_eq!(e.code(&["run", "--rm", "--init", &e.image, "sh", "-c", "exit 9"]), 9);
        assert_eq!(e.code(&["run", "--rm", "--init", &e.image, "no-such-cmd"]), 127);
        // sleep as PID 1 would ignore SIGTERM; under the init it gets it.
        e.ok(&["run", "-d", "--init", "--name", "i", &e.image, "sleep", "1000"]);
        let start = Instant::now();
        e.ok(&["stop", "-t", "20", "i"]);
        assert!(start.elapsed() < Duration::from_secs(10), "SIGTERM reached the command through the init");
        assert_eq!(e.inspect("i")["State"]["ExitCode"], 143);
        assert_eq!(e.inspect("i")["HostConfig"]["Init"], true);
    });
}

#[test]
fn oom_score_adj_and_ports() {
    each_mode("lc-oomadj", |e| {
        assert_eq!(
            e.ok(&["run", "--rm", "--oom-score-adj", "500", &e.image, "cat", "/proc/self/oom_score_adj"]),
            "500\n"
        );
        assert_eq!(e.code(&["run", "--rm", "--oom-score-adj", "2000", &e.image, "true"]), 125);
        e.ok(&["create", "--name", "pt", "--oom-score-adj", "300", &e.image, "true"]);
        assert_eq!(e.inspect("pt")["HostConfig"]["OomScoreAdj"], 300);
        // No container publishes ports before networking: none listed, and
        // asking for one says it is not published.
        assert_eq!(e.ok(&["port", "pt"]), "");
        let out = e.run(&["container", "port", "pt", "80"]);
        assert_eq!(out.status.code(), Some(125));
        assert!(text(&out.stderr).contains("failed to find published port \"80/tcp\""), "{}", describe(&out));
        assert_eq!(e.code(&["port", "nosuch"]), 125);
    });
}

/// `--runtime runc`, rootless: the external runtime starts the container
/// from the bundle rpod writes (the same spec, the overlay rpod mounted);
/// exit codes, exec, stop and removal work as with the built-in runtime.
/// As root on this hybrid host it is refused (runc would create cgroups in
/// the host's v1 hierarchy).
#[test]
fn an_external_runtime() {
    if std::process::Command::new("runc").arg("--version").output().is_err() {
        eprintln!("skipped: runc is not installed");
        return;
    }
    let e = Eng::new(Mode::Rootless, "lc-runc");
    let out =
        e.run(&["run", "--rm", "--runtime", "runc", &e.image, "sh", "-c", "echo hi from $(cat /proc/1/comm); exit 3"]);
    assert_eq!(out.status.code(), Some(3), "{}", describe(&out));
    assert_eq!(text(&out.stdout), "hi from sh\n");
    e.ok(&["run", "-d", "--name", "r", "--runtime", "runc", &e.image, "sleep", "100"]);
    assert_eq!(e.inspect("r")["HostConfig"]["Runtime"].as_str().unwrap().rsplit('/').next(), Some("runc"));
    let ps = e.ok(&["exec", "r", "ps", "-o", "pid,comm"]);
    assert!(ps.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["1", "sleep"]), "{ps}");
    e.ok(&["stop", "-t", "0", "r"]);
    assert_eq!(e.inspect("r")["State"]["ExitCode"], 137);
    e.ok(&["rm", "r"]);
    // A killed monitor: the next command records the end, and the runtime's
    // container does not outlive it.
    e.ok(&["run", "-d", "--name", "k", "--runtime", "runc", &e.image, "sleep", "4242"]);
    let v = e.inspect("k");
    let (monitor, init) = (v["State"]["ConmonPid"].as_i64().unwrap() as i32, v["State"]["Pid"].as_i64().unwrap());
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(monitor), nix::sys::signal::Signal::SIGKILL).unwrap();
    e.wait_until("k", "exited", |v| v["State"]["Status"] == "exited");
    let start = Instant::now();
    while std::path::Path::new(&format!("/proc/{init}")).exists()
        && std::fs::read_to_string(format!("/proc/{init}/cmdline")).unwrap_or_default().contains("4242")
    {
        assert!(start.elapsed() < Duration::from_secs(10), "the container's init {init} outlived its monitor");
        std::thread::sleep(Duration::from_millis(50));
    }
    e.ok(&["rm", "k"]);
    assert_eq!(e.code(&["run", "--rm", "-t", "--runtime", "runc", &e.image, "true"]), 125);
    // Podman's codes for a command that is missing (127) or not executable (126).
    let out = e.run(&["run", "--rm", "--runtime", "runc", &e.image, "/no/such/command"]);
    assert_eq!(out.status.code(), Some(127), "{}", describe(&out));
    assert!(text(&out.stderr).contains("/no/such/command"), "{}", describe(&out));
    assert_eq!(e.code(&["run", "--rm", "--runtime", "runc", &e.image, "/etc/passwd"]), 126);
    assert_eq!(e.ok(&["ps", "-aq"]), "", "a failed start leaves no container");
    for i in 0..5 {
        let out = e.run(&["run", "--rm", "--runtime", "runc", &e.image, "echo", "quick"]);
        assert_eq!(
            (out.status.code(), text(&out.stdout).as_str()),
            (Some(0), "quick\n"),
            "run {i}: {}",
            describe(&out)
        );
    }
    assert_eq!(e.code(&["run", "--rm", "--runtime", "/no/such/runtime", &e.image, "true"]), 125);
    // --runtime is a global flag, as Podman's: before the command too.
    let out = e.run(&["--runtime", "runc", "run", "--rm", &e.image, "cat", "/proc/1/comm"]);
    assert_eq!(text(&out.stdout), "cat\n", "{}", describe(&out));
    // system migrate --new-runtime: stopped containers move to runc; one
    // with a terminal cannot and is named.
    e.ok(&["create", "--name", "m", &e.image, "sleep", "100"]);
    e.ok(&["create", "--name", "t", "-t", &e.image, "sh"]);
    let out = e.run(&["system", "migrate", "--new-runtime", "runc"]);
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    assert!(text(&out.stdout).contains("container m now uses"), "{}", describe(&out));
    assert!(text(&out.stderr).contains("container t: --runtime cannot be used with -t"), "{}", describe(&out));
    assert_eq!(e.inspect("m")["HostConfig"]["Runtime"].as_str().unwrap().rsplit('/').next(), Some("runc"));
    assert_eq!(e.inspect("t")["HostConfig"]["Runtime"], "rpod");
    e.ok(&["start", "m"]);
    let ps = e.ok(&["exec", "m", "ps", "-o", "pid,comm"]);
    assert!(ps.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["1", "sleep"]), "{ps}");
    e.ok(&["rm", "-f", "m", "t"]);
    assert_eq!(e.code(&["system", "migrate", "--new-runtime", "/no/such/runtime"]), 125);
    drop(e);
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    if mountinfo.lines().any(|l| l.contains(" - cgroup ")) {
        let root = Eng::new(Mode::Root, "lc-runc-root");
        let out = root.run(&["run", "--rm", "--runtime", "runc", &root.image, "true"]);
        assert_eq!(out.status.code(), Some(125));
        assert!(text(&out.stderr).contains("cgroup v2 unified"), "{}", describe(&out));
    }
}

/// `--userns`: `host` is the default in both modes; `keep-id` (rootless
/// only) runs the process as the user in a user namespace of its own
/// where root-owned image files stay root's and what the container writes
/// belongs to the user on the host; the image's owner-translated copy is
/// made once per mapping and goes with the image.
#[test]
fn user_namespace_modes() {
    each_mode("lc-userns", |e| {
        let probe = ["sh", "-c", "id -u; wc -l < /proc/self/uid_map"];
        let default = e.ok(&[&["run", "--rm", &e.image][..], &probe].concat());
        assert_eq!(e.ok(&[&["run", "--rm", "--userns=host", &e.image][..], &probe].concat()), default);
        for bad in ["--userns=auto", "--userns=keep-id:size=3", "--userns=ns:/proc/1/ns/user"] {
            let out = e.run(&["run", "--rm", bad, &e.image, "true"]);
            assert_eq!(out.status.code(), Some(125), "{bad}: {}", describe(&out));
            assert!(text(&out.stderr).contains("keep-id"), "{bad}: {}", describe(&out));
        }
        if e.mode == Mode::Root {
            let out = e.run(&["run", "--rm", "--userns=keep-id", &e.image, "true"]);
            assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
            assert!(text(&out.stderr).contains("only supported in rootless mode"), "{}", describe(&out));
            return;
        }
        let bed = Bed::get();
        let (uid, gid) = (bed.test_uid, bed.test_gid);
        // The first keep-id starts of an image, at once: each makes the
        // owner-translated copy, one lands, all run, no staging is left.
        let runs: Vec<_> = (0..4)
            .map(|_| {
                let mut cmd = e.cmd(&["run", "--rm", "--userns=keep-id", &e.image, "id", "-u"]);
                std::thread::spawn(move || output_with_timeout(&mut cmd, Duration::from_secs(120)))
            })
            .collect();
        for r in runs {
            let out = r.join().unwrap();
            assert!(out.status.success(), "{}", describe(&out));
            assert_eq!(text(&out.stdout).trim(), uid.to_string());
        }
        let staging: Vec<_> =
            std::fs::read_dir(e.dir.path().join("root/tmp")).unwrap().flatten().map(|d| d.file_name()).collect();
        assert!(staging.is_empty(), "{staging:?}");
        let out = e.ok(&[
            "run",
            "--name",
            "k",
            "--userns=keep-id",
            &e.image,
            "sh",
            "-c",
            "id -u; id -g; id -un; stat -c %u:%g / /bin /bin/sh /etc/hostname; echo made > /tmp/made; cat /proc/self/uid_map",
        ]);
        let lines: Vec<&str> = out.lines().map(str::trim).collect();
        assert_eq!(
            lines[..7],
            [&uid.to_string(), &gid.to_string(), &bed.test_user, "0:0", "0:0", "0:0", "0:0"],
            "{out}"
        );
        let map: Vec<Vec<&str>> = lines[7..].iter().map(|l| l.split_whitespace().collect()).collect();
        let me = uid.to_string();
        assert_eq!(map[0], ["0", "1", &me], "{out}");
        assert_eq!(map[1], [&me, "0", "1"], "{out}");
        // Podman's inspect: private, and the maps from the engine's namespace.
        let host_config = &e.inspect("k")["HostConfig"];
        assert_eq!(host_config["UsernsMode"], "private");
        assert_eq!(host_config["IDMappings"]["UidMap"][1], format!("{uid}:0:1"), "{host_config}");
        assert_eq!(host_config["IDMappings"]["GidMap"][0], format!("0:1:{gid}"), "{host_config}");
        let lower = e.inspect("k")["GraphDriver"]["Data"]["LowerDir"].as_str().unwrap().to_string();
        assert!(lower.contains("/shifted/") && std::path::Path::new(&lower).join("bin/sh").exists(), "{lower}");
        // On the host the file is the user's own.
        let id = e.inspect("k")["Id"].as_str().unwrap().to_string();
        let made = e.dir.path().join("root/containers").join(&id).join("upper/tmp/made");
        let meta = std::fs::metadata(&made).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (uid, gid), "{}", made.display());

        e.ok(&["run", "-d", "--name", "kd", "--userns=keep-id", &e.image, "sleep", "100"]);
        assert_eq!(e.ok(&["exec", "kd", "id", "-u"]).trim(), me);
        assert_eq!(e.ok(&["exec", "-u", "0", "kd", "sh", "-c", "id -u; touch /etc/x; stat -c %u /etc/x"]), "0\n0\n");
        assert_eq!(
            e.ok(&[
                "run",
                "--rm",
                "--userns=keep-id:uid=200,gid=210",
                &e.image,
                "sh",
                "-c",
                "id -u; id -g; touch /tmp/y; stat -c %u:%g /tmp/y /"
            ]),
            "200\n210\n200:210\n0:0\n"
        );
        // One copy per mapping, in the top layer's directory.
        let copies: Vec<_> = std::fs::read_dir(e.dir.path().join("root/layers"))
            .unwrap()
            .flatten()
            .flat_map(|l| std::fs::read_dir(l.path().join("shifted")).into_iter().flatten().flatten())
            .collect();
        assert_eq!(copies.len(), 2, "{copies:?}");
        e.ok(&["rm", "-f", "k", "kd"]);
        e.ok(&["rmi", &e.image]);
        let left: Vec<_> = std::fs::read_dir(e.dir.path().join("root/layers")).unwrap().flatten().collect();
        assert!(left.is_empty(), "{left:?}");
        e.ok(&["pull", "-q", "--tls-verify=false", &e.image]);
    });
}

/// /etc/hostname, /etc/hosts, /etc/resolv.conf and /run/.containerenv are
/// the engine's files in the container's run directory, bind-mounted (as
/// Podman does): nothing of them lands in the container's upper layer.
#[test]
fn engine_files_are_bind_mounted() {
    each_mode("lc-files", |e| {
        e.ok(&["run", "-d", "--name", "f", "--hostname", "box", &e.image, "sleep", "100"]);
        let v = e.inspect("f");
        let hosts = v["HostsPath"].as_str().unwrap().to_string();
        let hostname = v["HostnamePath"].as_str().unwrap().to_string();
        assert!(!v["ResolvConfPath"].as_str().unwrap().is_empty(), "{v:#}");
        assert_eq!(std::fs::read_to_string(&hostname).unwrap(), "box\n");
        // Podman's /etc/hosts: the host's entries, then the container's name.
        let host_hosts = std::fs::read_to_string("/etc/hosts").unwrap();
        let inside = e.ok(&["exec", "f", "cat", "/etc/hosts"]);
        for l in host_hosts.lines().filter(|l| l.contains("localhost")) {
            assert!(inside.lines().any(|x| x == l), "{l:?} missing in {inside}");
        }
        // Rootless (loopback only) on 127.0.1.1; as root on its bridge
        // address, then the gateway as host.containers.internal.
        let own = match e.mode {
            Mode::Rootless => "127.0.1.1\tbox f\n".to_string(),
            Mode::Root => {
                let ip = e.ok(&["inspect", "--format", "{{.NetworkSettings.IPAddress}}", "f"]);
                format!("{}\tbox f\n", ip.trim())
            }
        };
        assert!(inside.contains(&own), "{inside}");
        // With the host's network: the host's name and hosts file.
        let host_name = nix::unistd::gethostname().unwrap().into_string().unwrap();
        let out = e.ok(&["run", "--rm", "--network", "host", &e.image, "sh", "-c", "hostname; cat /etc/hosts"]);
        assert!(out.starts_with(&format!("{host_name}\n")), "{out}");
        assert!(!out.contains("127.0.1.1"), "{out}");
        assert_eq!(e.ok(&["exec", "f", "cat", "/etc/hostname"]), "box\n");
        e.ok(&["exec", "f", "sh", "-c", "echo '10.0.0.1 extra' >> /etc/hosts"]);
        assert!(std::fs::read_to_string(&hosts).unwrap().ends_with("10.0.0.1 extra\n"));
        // Podman's /run/.containerenv: empty, with --privileged the engine's facts.
        assert_eq!(e.ok(&["exec", "f", "cat", "/run/.containerenv"]), "");
        let env = e.ok(&["run", "--rm", "--privileged", "--name", "p", &e.image, "cat", "/run/.containerenv"]);
        assert!(
            env.starts_with("engine=\"rpod-") && env.contains("name=\"p\"\n") && env.contains("imageid=\""),
            "{env}"
        );
        assert_eq!(env.contains("rootless=1\n"), e.mode == Mode::Rootless, "{env}");
        let upper = std::path::PathBuf::from(v["GraphDriver"]["Data"]["UpperDir"].as_str().unwrap());
        for f in ["etc/hostname", "etc/hosts", "etc/resolv.conf", "run/.containerenv"] {
            let len = std::fs::metadata(upper.join(f)).map(|m| m.len()).unwrap_or(0);
            assert_eq!(len, 0, "{f} has content in the upper layer");
        }
    });
}

/// The container's root as the multilayer fixture expects it (whiteouts,
/// opaque directories, type changes, owners, modes, times), read at `root`
/// (a path on the host), owners mapped back through the engine's map.
fn assert_multilayer_tree(e: &Eng, root: &Path) {
    use rpod_testbed::fixtures::tree::{check_mtimes, diff_trees, read_tree_mapped, IdMapping};
    let bed = Bed::get();
    let expected = std::fs::read_to_string(bed.fixtures.join("expected/multilayer.tree")).unwrap();
    let mtimes = std::fs::read_to_string(bed.fixtures.join("expected/multilayer.mtimes")).unwrap();
    let maps = |file: &str, own: u32| -> Vec<IdMapping> {
        if e.mode == Mode::Root {
            return Vec::new();
        }
        let text = std::fs::read_to_string(file).unwrap();
        let (start, size) = text
            .lines()
            .find_map(|l| {
                let f: Vec<&str> = l.split(':').collect();
                (f.len() == 3 && f[0] == bed.test_user).then(|| (f[1].parse().unwrap(), f[2].parse().unwrap()))
            })
            .unwrap();
        vec![IdMapping { container: 0, host: own, size: 1 }, IdMapping { container: 1, host: start, size }]
    };
    let tree = read_tree_mapped(root, &maps("/etc/subuid", bed.test_uid), &maps("/etc/subgid", bed.test_gid)).unwrap();
    // The runtime's mount points and the engine's files come on top.
    let engine = ["/proc", "/dev", "/sys", "/etc", "/run"];
    let actual: String = tree
        .lines()
        .filter(|l| {
            let path = l.split('\t').next().unwrap();
            expected.lines().any(|x| x.split('\t').next() == Some(path))
                || !engine.iter().any(|p| path == *p || path.starts_with(&format!("{p}/")))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(
        actual == expected,
        "{:?}: tree differs (- expected, + actual):\n{}",
        e.mode,
        diff_trees(&expected, &actual)
    );
    check_mtimes(root, &mtimes).unwrap();
}

/// `--storage-driver vfs`: the container's root is a plain copy of the
/// image's layers applied in order, which gives exactly the tree overlay
/// gives, keeps the container's changes across starts, and works with
/// keep-id. And overlay through fuse-overlayfs (storage.conf's
/// `mount_program`), when installed, gives the same tree.
#[test]
fn vfs_and_fuse_overlayfs_drivers() {
    let bed = Bed::get();
    let fuse = Path::new("/usr/bin/fuse-overlayfs").exists();
    each_mode("lc-drivers", |e| {
        let ml = bed.image("multilayer", "latest");
        e.ok(&["pull", "-q", "--tls-verify=false", &ml]);
        e.ok(&["--storage-driver", "vfs", "run", "--name", "v", &ml, "sh", "-c", ":"]);
        let v = e.inspect("v");
        assert_eq!(v["GraphDriver"]["Name"], "vfs", "{v:#}");
        assert_multilayer_tree(e, &e.dir.path().join("root/containers").join(v["Id"].as_str().unwrap()).join("merged"));

        // Changes stay across starts; the image's copy is the container's own.
        let script = "if test -f /data/mine; then echo again; else echo first > /data/mine; cat /data/mine; fi";
        e.ok(&["--storage-driver", "vfs", "create", "--name", "w", &ml, "sh", "-c", script]);
        assert_eq!(e.ok(&["start", "-a", "w"]), "first\n");
        assert_eq!(e.ok(&["start", "-a", "w"]), "again\n");
        assert_eq!(
            e.ok(&["--storage-driver", "vfs", "run", "--rm", &ml, "sh", "-c", "test -f /data/mine || echo clean"]),
            "clean\n"
        );
        if e.mode == Mode::Rootless {
            let out = e.ok(&[
                "--storage-driver",
                "vfs",
                "run",
                "--rm",
                "--userns=keep-id",
                "-u",
                "0",
                &ml,
                "sh",
                "-c",
                "stat -c %u:%g /data/chown-me /bin/busybox",
            ]);
            assert_eq!(out, "1000:1000\n0:0\n");
        }
        let out = e.run(&["--storage-driver", "btrfs", "run", "--rm", &ml, "sh", "-c", ":"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("unsupported storage driver"), "{}", describe(&out));

        // tests/bed/deps.sh installs it; a missing one is a broken test bed.
        assert!(fuse, "/usr/bin/fuse-overlayfs is missing: run tests/bed/deps.sh");
        let conf = e.dir.path().join("storage.conf");
        std::fs::write(
            &conf,
            "[storage]\ndriver = \"overlay\"\n[storage.options.overlay]\nmount_program = \"/usr/bin/fuse-overlayfs\"\n",
        )
        .unwrap();
        let fuse_run = |args: &[&str]| {
            let out = output_with_timeout(e.cmd(args).env("CONTAINERS_STORAGE_CONF", &conf), Duration::from_secs(60));
            assert!(out.status.success(), "{:?} {args:?}\n{}", e.mode, describe(&out));
            text(&out.stdout)
        };
        // A FUSE mount made in the user namespace is not the host root's to
        // read: the container lists its own tree, which must be what the
        // kernel's overlay shows.
        let listing = "find / -xdev -exec stat -c '%n|%F|%a|%u:%g|%s|%Y' {} +";
        let engine = ["/proc", "/dev", "/sys", "/etc", "/run"];
        let tree = |out: String| -> Vec<String> {
            let mut lines: Vec<String> = out
                .lines()
                .filter(|l| {
                    let path = l.split('|').next().unwrap();
                    path != "/" && !engine.iter().any(|p| path == *p || path.starts_with(&format!("{p}/")))
                })
                .map(str::to_string)
                .collect();
            lines.sort();
            lines
        };
        let native = tree(e.ok(&["run", "--rm", &ml, "sh", "-c", listing]));
        assert!(native.iter().any(|l| l.starts_with("/data/chown-me|regular file|644|1000:1000|")), "{native:?}");
        assert!(!native.iter().any(|l| l.starts_with("/data/remove-me.txt")), "{native:?}");
        let fused = tree(fuse_run(&["run", "--rm", &ml, "sh", "-c", listing]));
        assert_eq!(fused, native, "{:?}: fuse-overlayfs and the kernel's overlay differ", e.mode);
        let root_mount = fuse_run(&["run", "--rm", &ml, "sh", "-c", "read l < /proc/self/mountinfo; echo $l"]);
        assert!(root_mount.contains(" - fuse.fuse-overlayfs "), "{root_mount}");
    });
}

/// `--privileged` exposes the host's device nodes in `/dev`, as Podman
/// does: as root all of them (made in the container's own /dev); rootless
/// bound, without `/dev/ptmx` and `/dev/tty*` and without those the user can
/// neither read nor write. Only their presence is checked (nothing is
/// opened).
#[test]
fn privileged_exposes_the_hosts_devices() {
    let host = |p: &str| Path::new(p).exists();
    each_mode("lc-privdev", |e| {
        let list = |privileged: bool| {
            let mut args = vec!["run", "--rm"];
            if privileged {
                args.push("--privileged");
            }
            let script = "for d in /dev/* /dev/net/*; do if [ -c $d ]; then echo $d; fi; done";
            args.extend([e.image.as_str(), "sh", "-c", script]);
            e.ok(&args).lines().map(str::to_string).collect::<Vec<_>>()
        };
        let (plain, privileged) = (list(false), list(true));
        let has = |l: &[String], d: &str| l.iter().any(|x| x == d);
        for d in ["/dev/fuse", "/dev/net/tun"].into_iter().filter(|d| host(d)) {
            assert!(has(&privileged, d), "{:?} --privileged lacks {d}: {privileged:?}", e.mode);
            assert!(!has(&plain, d), "{:?} {d} without --privileged: {plain:?}", e.mode);
        }
        for d in ["/dev/tty0", "/dev/loop-control"].into_iter().filter(|d| host(d)) {
            // Root: every node; rootless: not the host's terminals, nor nodes of root's groups.
            assert_eq!(has(&privileged, d), e.mode == Mode::Root, "{:?} {d}: {privileged:?}", e.mode);
            assert!(!has(&plain, d), "{:?} {d} without --privileged: {plain:?}", e.mode);
        }
        assert!(has(&privileged, "/dev/null") && has(&plain, "/dev/null"));
    });
}

/// `--privileged` (and `--cap-add ALL`, and `exec --privileged`) give every
/// capability the engine has: its bounding set, which as root here lacks CAP_SYS_RESOURCE (the
/// container failed to start with EPERM when asked for all of them).
#[test]
fn privileged_gets_the_engines_capabilities() {
    let last: u32 = std::fs::read_to_string("/proc/sys/kernel/cap_last_cap").unwrap().trim().parse().unwrap();
    let all = (1u64 << (last + 1)) - 1;
    let own = std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("CapBnd:").map(|v| u64::from_str_radix(v.trim(), 16).unwrap()))
        .unwrap();
    each_mode("lc-priv", |e| {
        // Root: this process's set; rootless: everything, in the user namespace.
        let want = if e.mode == Mode::Root { own & all } else { all };
        for flags in [&["--privileged"][..], &["--cap-add", "ALL"]] {
            let out = e.ok(&[&["run", "--rm"][..], flags, &[&e.image, "grep", "CapEff", "/proc/self/status"]].concat());
            let got = u64::from_str_radix(out.trim().trim_start_matches("CapEff:").trim(), 16).unwrap();
            assert_eq!(got, want, "{:?} {flags:?}: {out}", e.mode);
        }
        // exec --privileged: the same set (it failed with EPERM, asking for
        // capabilities beyond the engine's bounding set), nothing ambient.
        e.ok(&["run", "-d", "--name", "busy", &e.image, "sleep", "1000"]);
        let out = e.ok(&["exec", "--privileged", "busy", "grep", "-E", "Cap(Eff|Amb)", "/proc/self/status"]);
        let field = |name: &str| {
            let v = out.lines().find_map(|l| l.strip_prefix(name)).unwrap_or_else(|| panic!("{name} in {out}"));
            u64::from_str_radix(v.trim(), 16).unwrap()
        };
        assert_eq!((field("CapEff:"), field("CapAmb:")), (want, 0), "{:?} exec --privileged: {out}", e.mode);
    });
}

/// The first paragraph of the command-line issue: Podman's flags and exit
/// codes that used to fail with "unexpected argument" or the wrong code.
#[test]
fn podmans_command_line_and_exit_codes() {
    each_mode("parity", |e| {
        let img = e.image.as_str();
        // Everything after the image is the container's command.
        assert_eq!(e.ok(&["run", "--rm", "--entrypoint", "sh", img, "-c", "echo hi"]), "hi\n");
        assert_eq!(e.ok(&["run", "--rm", "--entrypoint", "ls", img, "-d", "/tmp"]), "/tmp\n");
        assert_eq!(e.ok(&["run", "--rm", img, "sh", "-c", "printf '%s,' \"$0\" \"$@\"", "-e", "-l", "x"]), "-e,-l,x,");
        // -h is the hostname; -v the version.
        assert_eq!(e.ok(&["run", "--rm", "-h", "web", img, "hostname"]), "web\n");
        assert!(e.ok(&["-v"]).starts_with("rpod version "));
        // Missing containers: exit 1 with Podman's message; running without -f: 2.
        let out = e.run(&["rm", "missing"]);
        assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
        assert!(text(&out.stderr).contains("no container with name or ID \"missing\" found: no such container"));
        assert_eq!(e.code(&["stop", "missing"]), 1);
        assert_eq!(e.code(&["kill", "missing"]), 1);
        assert_eq!(e.code(&["stop", "--ignore", "missing"]), 0);
        assert_eq!(e.code(&["rm", "--ignore", "missing"]), 0);
        e.ok(&["run", "-d", "--name", "p1", img, "sleep", "300"]);
        assert_eq!(e.code(&["rm", "p1"]), 2);
        assert_eq!(e.code(&["rm", "p1", "missing"]), 1, "a missing one wins over a running one");
        assert_eq!(e.code(&["kill", "--all", "p1"]), 125, "--all with names is a usage error");
        // --replace, --cidfile, --latest, stop -s, stop --time 0.
        let cid = e.dir.path().join("cid");
        let cid = cid.to_str().unwrap();
        e.ok(&["run", "-d", "--replace", "--name", "p1", img, "sleep", "300"]);
        assert_eq!(e.status("p1").split(' ').next(), Some("Up"));
        assert_eq!(e.ok(&["ps", "-a", "-q"]).lines().count(), 1, "the old p1 was replaced");
        e.ok(&["create", "--name", "p2", img, "true"]);
        let p2 = e.inspect("p2")["Id"].as_str().unwrap().to_string();
        std::fs::write(cid, &p2).unwrap();
        assert_eq!(e.code(&["rm", "--cidfile", cid]), 0);
        assert_eq!(e.code(&["container", "exists", "p2"]), 1);
        assert_eq!(e.code(&["stop", "--time", "0", "--latest"]), 0);
        assert_eq!(e.inspect("p1")["State"]["ExitCode"], 137);
        e.ok(&["start", "p1"]);
        e.ok(&["stop", "-s", "KILL", "-t", "30", "p1"]);
        assert_eq!(e.inspect("p1")["State"]["ExitCode"], 137);
        // ps --all --external, --sort.
        e.ok(&["create", "--name", "a0", img, "true"]);
        let names = e.ok(&["ps", "--all", "--external", "--sort", "names", "--format", "{{.Names}}"]);
        assert_eq!(names, "a0\np1\n");
        // --pull=never of an image that is not there; --pull=always of one that is.
        let out = e.run(&["run", "--rm", "--pull=never", "nosuch.example/none:1", "true"]);
        assert_eq!(out.status.code(), Some(125));
        assert!(text(&out.stderr).contains("image not known"), "{}", describe(&out));
        e.ok(&["run", "--rm", "--pull=always", "--tls-verify=false", "-q", img, "true"]);
        // Docker-isms of --security-opt on a host without SELinux/AppArmor.
        e.ok(&["run", "--rm", "--security-opt", "label=disable", "--security-opt", "apparmor=unconfined", img, "true"]);
        // image exists / container exists: silent 0/1.
        let out = e.run(&["image", "exists", img]);
        assert!(out.status.success() && out.stdout.is_empty() && out.stderr.is_empty());
        assert_eq!(e.code(&["image", "exists", "nosuch"]), 1);
        // The issue's own example.
        assert_eq!(e.code(&["rm", "-t", "0", "--all", "--force", "--ignore"]), 0);
        assert_eq!(e.ok(&["ps", "-aq"]), "");
    });
}

/// run/create's process, namespace and file options (Podman's flags).
/// Podman's `--passwd` (the default): a numeric `--user` the image does
/// not know gets a passwd and a group entry (`id` names it, `HOME` is the
/// working directory); `--passwd-entry` is the template of the entry,
/// `--passwd=false` adds none; the user's supplementary groups come from
/// the image's /etc/group.
#[test]
fn numeric_users_get_passwd_and_group_entries() {
    each_mode("lc-passwd", |e| {
        let img = e.image.as_str();
        let script = "id; grep ^1000: /etc/passwd /etc/group; echo HOME=$HOME";
        assert_eq!(
            e.ok(&["run", "--rm", "--user", "1000:1000", img, "sh", "-c", script]),
            "uid=1000(1000) gid=1000(1000) groups=1000(1000)\n\
             /etc/passwd:1000:*:1000:1000:container user:/:/bin/sh\n\
             /etc/group:1000:x:1000:1000\n\
             HOME=/\n",
            "{:?}",
            e.mode
        );
        // The user only: GID 0, and the UID's group as a supplementary one.
        let out =
            e.ok(&["run", "--rm", "--user", "1000", "-w", "/tmp", img, "sh", "-c", "id -u; id -g; id -G; echo $HOME"]);
        assert_eq!(out, "1000\n0\n0 1000\n/tmp\n", "{:?}", e.mode);
        let entry = "$USERNAME:x:$UID:$GID:$NAME:$HOME:/bin/false";
        let out = e.ok(&[
            "run",
            "--rm",
            "--user",
            "1000:1000",
            "--passwd-entry",
            entry,
            "-w",
            "/tmp",
            img,
            "grep",
            "^1000:",
            "/etc/passwd",
        ]);
        assert_eq!(out, "1000:x:1000:1000:container user:/tmp:/bin/false\n", "{:?}", e.mode);
        let out = e.ok(&[
            "run",
            "--rm",
            "--user",
            "1000:1000",
            "--passwd=false",
            img,
            "sh",
            "-c",
            "id; grep -c ^1000: /etc/passwd /etc/group || true",
        ]);
        assert_eq!(out, "uid=1000 gid=1000\n/etc/passwd:0\n/etc/group:0\n", "{:?}", e.mode);
        // Known users keep the image's entries and get its groups (root is in wheel).
        assert_eq!(e.ok(&["run", "--rm", "--user", "0:0", img, "id", "-G"]), "0 10\n", "{:?}", e.mode);
        assert_eq!(
            e.ok(&["run", "--rm", "--user", "nobody", img, "sh", "-c", "grep -c ^nobody: /etc/passwd; id -un"]),
            "1\nnobody\n"
        );
        // A read-only root: the entries are there too.
        assert_eq!(
            e.ok(&["run", "--rm", "--read-only", "--user", "1000:1000", img, "id", "-un"]),
            "1000\n",
            "{:?}",
            e.mode
        );
    });
}

#[test]
fn run_and_create_options() {
    each_mode("options", |e| {
        let img = e.image.as_str();
        let dir = e.dir.path();
        let cid = dir.join("cid").display().to_string();
        let pidfile = dir.join("pid").display().to_string();
        let labels = dir.join("labels");
        std::fs::write(&labels, "# comment\na=1\n\nb=2\n").unwrap();
        let labels = labels.display().to_string();
        let out = e.ok(&[
            "run",
            "-d",
            "--name",
            "o1",
            "--cidfile",
            &cid,
            "--pidfile",
            &pidfile,
            "--annotation",
            "k=v",
            "--label-file",
            &labels,
            "--umask",
            "0077",
            "--ulimit",
            "nofile=1000:2000",
            "--sysctl",
            "net.ipv4.ip_unprivileged_port_start=80",
            "--shm-size",
            "8m",
            "--group-add",
            "wheel",
            "--group-add",
            "4321",
            "--tz",
            "UTC",
            img,
            "sleep",
            "300",
        ]);
        let id = out.trim();
        assert_eq!(std::fs::read_to_string(&cid).unwrap(), id);
        let v = e.inspect("o1");
        assert_eq!(std::fs::read_to_string(&pidfile).unwrap(), v["State"]["Pid"].to_string());
        assert_eq!(v["Config"]["Annotations"]["k"], "v");
        assert_eq!((v["Config"]["Labels"]["a"].as_str(), v["Config"]["Labels"]["b"].as_str()), (Some("1"), Some("2")));
        assert_eq!(v["HostConfig"]["ShmSize"], 8 << 20);
        let ex = |cmd: &str| e.ok(&["exec", "o1", "sh", "-c", cmd]);
        assert_eq!(ex("umask"), "0077\n");
        assert_eq!(ex("ulimit -n; ulimit -Hn"), "1000\n2000\n");
        assert_eq!(ex("cat /proc/sys/net/ipv4/ip_unprivileged_port_start"), "80\n");
        assert!(ex("df -k /dev/shm | tail -1").split_whitespace().nth(1) == Some("8192"), "{}", ex("df -k /dev/shm"));
        let groups = e.ok(&["exec", "o1", "id", "-G"]);
        assert!(groups.split_whitespace().any(|g| g == "10") && groups.contains("4321"), "{groups}");
        assert!(ex("ls -l /etc/localtime").contains("/etc/localtime"));
        // A second container with the same --cidfile is refused before it is created.
        let out = e.run(&["create", "--cidfile", &cid, img, "true"]);
        assert_eq!(out.status.code(), Some(125));
        assert!(text(&out.stderr).contains("container id file exists"), "{}", describe(&out));
        assert_eq!(e.ok(&["ps", "-aq"]).lines().count(), 1);
        // Namespaces: another container's UTS and IPC, the host's PID and cgroup namespaces.
        let host_uts = std::fs::read_link("/proc/self/ns/pid").unwrap();
        let out = e.ok(&["run", "--rm", "--uts", "container:o1", "--ipc", "container:o1", img, "hostname"]);
        assert_eq!(out.trim(), &id[..12]);
        let pidns = e.ok(&["run", "--rm", "--pid", "host", img, "readlink", "/proc/self/ns/pid"]);
        assert_eq!(pidns.trim(), host_uts.to_str().unwrap(), "--pid host shares the host's PID namespace");
        // --pid container:NAME: o1's PID namespace, its sleep is PID 1 there.
        let o1_pidns = std::fs::read_link(format!("/proc/{}/ns/pid", v["State"]["Pid"])).unwrap();
        let out = e.ok(&[
            "run",
            "--rm",
            "--pid",
            "container:o1",
            img,
            "sh",
            "-c",
            "readlink /proc/self/ns/pid; cat /proc/1/cmdline | tr '\\0' ' '; echo; test $$ != 1 && echo not-pid-1",
        ]);
        assert_eq!(out, format!("{}\nsleep 300 \nnot-pid-1\n", o1_pidns.display()), "{:?}", e.mode);
        // Refusals: not namespaced, --uts host with --hostname, an unknown zone, keep-groups.
        for bad in [
            &["--sysctl", "vm.swappiness=1"][..],
            &["--uts", "host", "--hostname", "x"],
            &["--tz", "Nowhere/Atlantis"],
            &["--group-add", "keep-groups"],
            &["--ulimit", "bogus=1"],
            &["--pid", "container:nonesuch"],
        ] {
            let mut args = vec!["create"];
            args.extend_from_slice(bad);
            args.extend([img, "true"]);
            let out = e.run(&args);
            assert_eq!(out.status.code(), Some(125), "{bad:?}: {}", describe(&out));
        }
        // Environment: --env-host, --env-merge, --unsetenv, --unsetenv-all.
        let mut cmd = e.cmd(&["run", "--rm", "--env-host", img, "sh", "-c", "echo $RPOD_HOST_VAR"]);
        cmd.env("RPOD_HOST_VAR", "from-host");
        let out = output_with_timeout(&mut cmd, Duration::from_secs(60));
        assert_eq!(text(&out.stdout), "from-host\n", "{}", describe(&out));
        let path = e.ok(&["run", "--rm", "--env-merge", "PATH=/opt/x:${PATH}", img, "/bin/sh", "-c", "echo $PATH"]);
        assert!(path.starts_with("/opt/x:/") && path.len() > 8, "{path}");
        assert_eq!(e.code(&["run", "--rm", img, "/bin/sh", "-c", "test -z \"$container\""]), 1);
        assert_eq!(
            e.code(&["run", "--rm", "--unsetenv", "container", img, "/bin/sh", "-c", "test -z \"$container\""]),
            0
        );
        let env = e.ok(&["run", "--rm", "--unsetenv-all", "-e", "ONLY=1", img, "/bin/sh", "-c", "env"]);
        assert!(env.contains("ONLY=1") && !env.contains("HOSTNAME=") && !env.contains("container="), "{env}");
        // --read-only: tmpfs on /tmp, /var/tmp and /run by default; off with --read-only-tmpfs=false.
        assert_eq!(e.code(&["run", "--rm", "--read-only", img, "sh", "-c", "touch /tmp/a /var/tmp/a /run/a"]), 0);
        assert_ne!(e.code(&["run", "--rm", "--read-only", "--read-only-tmpfs=false", img, "touch", "/tmp/a"]), 0);
        assert_ne!(e.code(&["run", "--rm", "--read-only", img, "touch", "/etc/a"]), 0);
        // --timeout: killed once it has run that long.
        let start = Instant::now();
        assert_eq!(e.code(&["run", "--rm", "--timeout", "1", img, "sleep", "60"]), 137);
        assert!(start.elapsed() < Duration::from_secs(20), "{:?}", start.elapsed());
        // --device: a host device node inside.
        assert_eq!(
            e.ok(&[
                "run",
                "--rm",
                "--device",
                "/dev/null:/dev/mynull",
                img,
                "sh",
                "-c",
                "echo x > /dev/mynull && echo ok"
            ]),
            "ok\n"
        );
    });
}

/// `events --stream=false --format TEMPLATE` for one container, one line
/// per event.
fn event_lines(e: &Eng, args: &[&str]) -> Vec<String> {
    let mut all = vec!["events", "--stream=false"];
    all.extend_from_slice(args);
    e.ok(&all).lines().map(str::to_string).collect()
}

#[test]
fn events_of_the_lifecycle_filters_and_times() {
    each_mode("lc-events", |e| {
        e.ok(&["create", "--name", "ev1", "--label", "app=x", &e.image, "sh", "-c", "exit 4"]);
        e.ok(&["start", "ev1"]);
        assert_eq!(e.ok(&["wait", "ev1"]), "4\n");
        e.ok(&["rm", "ev1"]);
        let fmt = ["--format", "{{.Type}} {{.Status}} {{.Name}}"];
        let mine = [&["--filter", "container=ev1"][..], &fmt[..]].concat();
        assert_eq!(
            event_lines(e, &mine),
            ["create", "init", "start", "died", "remove"].map(|s| format!("container {s} ev1")),
            "{:?}",
            e.mode
        );
        // Podman's default line, full IDs (--no-trunc is true by default).
        let human = event_lines(e, &["--filter", "container=ev1", "--filter", "event=create"]);
        assert_eq!(human.len(), 1, "{human:?}");
        let h = &human[0];
        let (time, rest) = h.split_once(" +0000 UTC ").unwrap_or_else(|| panic!("{h}"));
        assert!(time.len() >= 19 && time.as_bytes()[4] == b'-' && time.as_bytes()[10] == b' ', "{h}");
        let id = rest.strip_prefix("container create ").unwrap_or_else(|| panic!("{h}"));
        assert!(is_id(&id[..64]), "{h}");
        assert_eq!(&id[64..], format!(" (image={}, name=ev1, app=x)", e.image), "{h}");
        let short = e.ok(&["events", "--stream=false", "--no-trunc=false", "--filter", "event=create"]);
        assert!(short.contains(&format!("container create {} (", &id[..12])), "{short}");
        // JSON lines in Podman's field names; died carries the exit code.
        let json = event_lines(e, &["--filter", "container=ev1", "--format", "json"]);
        let docs: Vec<Value> = json.iter().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(docs[0]["Status"], "create");
        assert_eq!(docs[0]["Type"], "container");
        assert_eq!(docs[0]["ID"], &id[..64]);
        assert_eq!(docs[0]["Attributes"]["app"], "x");
        assert_eq!(docs[3]["Status"], "died");
        assert_eq!(docs[3]["ContainerExitCode"], 4);
        // Filters: one key's values are alternatives, different keys all apply.
        assert_eq!(
            event_lines(e, &["--filter", "event=died", "--filter", "event=remove", "--format", "{{.Status}}"]),
            ["died", "remove"]
        );
        assert_eq!(event_lines(e, &["--filter", "event=died", "--format", "{{.ContainerExitCode}}"]), ["4"]);
        assert_eq!(
            event_lines(e, &["--filter", "label=app=x", "--filter", "status=start", "--format", "{{.Name}}"]),
            ["ev1"]
        );
        assert!(event_lines(e, &["--filter", "label=app=y"]).is_empty());
        let images = event_lines(e, &["--filter", "type=image", "--format", "{{.Status}} {{.Name}}"]);
        assert_eq!(images, [format!("pull {}", e.image)]);
        e.ok(&["tag", &e.image, "localhost/evtag:1"]);
        e.ok(&["untag", "localhost/evtag:1", "localhost/evtag:1"]);
        let images = event_lines(
            e,
            &[
                "--filter",
                "type=image",
                "--filter",
                "event=tag",
                "--filter",
                "event=untag",
                "--format",
                "{{.Status}} {{.Name}}",
            ],
        );
        assert_eq!(images, ["tag localhost/evtag:1", "untag localhost/evtag:1"]);
        // --since / --until: a time of the log, a date, a duration.
        let died_at = docs[3]["Time"].as_str().unwrap();
        assert_eq!(event_lines(e, &[&mine[..], &["--since", died_at]].concat()).len(), 2, "since {died_at}");
        assert_eq!(event_lines(e, &[&mine[..], &["--until", died_at]].concat()).len(), 4, "until {died_at}");
        assert_eq!(event_lines(e, &[&mine[..], &["--since", "10m"]].concat()).len(), 5);
        assert!(event_lines(e, &["--until", "2020-01-01"]).is_empty());
        let bad = e.run(&["events", "--stream=false", "--filter", "nosuch=1"]);
        assert_eq!(bad.status.code(), Some(125), "{}", describe(&bad));
        assert!(text(&bad.stderr).contains("nosuch is an invalid filter"), "{}", describe(&bad));
        assert_eq!(e.code(&["events", "--stream=false", "--since", "yesterday"]), 125);
        assert_eq!(e.code(&["events", "--stream=false", "--format", "{{.Nosuch}}"]), 125);
        // system events is the same command.
        assert_eq!(
            e.ok(&["system", "events", "--stream=false", "--filter", "event=died", "--format", "{{.Name}}"]),
            "ev1\n"
        );
    });
}

#[test]
fn events_stream_and_concurrent_writers() {
    each_mode("lc-events-stream", |e| {
        // Streaming shows the new events, as they come.
        let mut follow = e.cmd(&["events", "--filter", "type=container", "--format", "{{.Status}} {{.Name}}"]);
        let mut child = follow.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        std::thread::sleep(Duration::from_millis(500));
        let handles: Vec<_> = (0..10)
            .map(|i| {
                let mut cmd = e.cmd(&[
                    "run",
                    "--rm",
                    "--name",
                    &format!("par{i}"),
                    "--label",
                    &format!("n={i}"),
                    &e.image,
                    "true",
                ]);
                std::thread::spawn(move || output_with_timeout(&mut cmd, Duration::from_secs(120)))
            })
            .collect();
        for h in handles {
            let out = h.join().unwrap();
            assert!(out.status.success(), "{:?}: {}", e.mode, describe(&out));
        }
        let mut streamed = Vec::new();
        let start = Instant::now();
        while streamed.iter().filter(|l: &&String| l.starts_with("remove ")).count() < 10 {
            assert!(start.elapsed() < Duration::from_secs(30), "{:?}: streamed {streamed:?}", e.mode);
            if let Ok(l) = rx.recv_timeout(Duration::from_millis(200)) {
                streamed.push(l);
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(streamed.len(), 50, "{streamed:?}");
        // Every line of the log is whole, and each container's events are in order.
        let json = event_lines(e, &["--format", "json", "--filter", "type=container"]);
        assert_eq!(json.len(), 50, "{json:?}");
        for i in 0..10 {
            let name = format!("par{i}");
            let statuses: Vec<String> = json
                .iter()
                .map(|l| serde_json::from_str::<Value>(l).unwrap_or_else(|err| panic!("{err}: {l}")))
                .filter(|v| v["Name"] == name.as_str())
                .map(|v| v["Status"].as_str().unwrap().to_string())
                .collect();
            assert_eq!(statuses, ["create", "init", "start", "died", "remove"], "{name}");
        }
    });
}

#[test]
fn healthchecks_status_run_and_on_failure_restart() {
    each_mode("lc-health", |e| {
        let failing = ["--health-cmd", "echo nope; exit 2", "--health-interval", "1s", "--health-retries", "2"];
        e.ok(&[&["run", "-d", "--name", "sick"][..], &failing[..], &[&e.image, "sleep", "1000"][..]].concat());
        assert!(e.status("sick").ends_with(" (starting)"), "{}", e.status("sick"));
        let v = e.wait_until("sick", "unhealthy", |v| v["State"]["Health"]["Status"] == "unhealthy");
        let h = &v["State"]["Health"];
        assert!(h["FailingStreak"].as_u64().unwrap() >= 2, "{h:#}");
        let last = h["Log"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["ExitCode"], 2, "{h:#}");
        assert_eq!(last["Output"], "nope\n", "{h:#}");
        assert_eq!(v["Config"]["Healthcheck"]["Test"], serde_json::json!(["CMD-SHELL", "echo nope; exit 2"]));
        assert!(e.status("sick").ends_with(" (unhealthy)"), "{}", e.status("sick"));
        let out = e.run(&["healthcheck", "run", "sick"]);
        assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
        assert_eq!(text(&out.stdout), "unhealthy\n");
        let ev = e.ok(&[
            "events",
            "--stream=false",
            "--filter",
            "event=health_status",
            "--format",
            "{{.Name}} {{.HealthStatus}}",
        ]);
        assert!(ev.lines().any(|l| l == "sick unhealthy"), "{ev}");

        // A passing check, exec form, run by hand only.
        e.ok(&[
            "run",
            "-d",
            "--name",
            "fine",
            "--health-cmd",
            r#"["true"]"#,
            "--health-interval",
            "disable",
            &e.image,
            "sleep",
            "1000",
        ]);
        assert_eq!(e.code(&["healthcheck", "run", "fine"]), 0);
        assert!(e.status("fine").ends_with(" (healthy)"), "{}", e.status("fine"));
        let h = e.inspect("fine")["State"]["Health"].clone();
        assert_eq!(h["Status"], "healthy");
        assert_eq!(h["FailingStreak"], 0);

        // No healthcheck, or not running: 125.
        e.ok(&["run", "-d", "--name", "plain", &e.image, "sleep", "1000"]);
        assert!(!e.status("plain").contains('('), "{}", e.status("plain"));
        assert_eq!(e.code(&["healthcheck", "run", "plain"]), 125);
        e.ok(&["create", "--name", "idle", "--health-cmd", "true", &e.image, "true"]);
        assert_eq!(e.code(&["healthcheck", "run", "idle"]), 125);
        assert_eq!(e.code(&["create", "--no-healthcheck", "--health-cmd", "true", &e.image]), 125);
        e.ok(&["rm", "-f", "sick", "fine", "plain", "idle"]);

        // --health-on-failure=restart restarts it.
        e.ok(&[
            "run",
            "-d",
            "--name",
            "flaky",
            "--health-cmd",
            "exit 1",
            "--health-interval",
            "1s",
            "--health-retries",
            "1",
            "--health-on-failure",
            "restart",
            "--stop-timeout",
            "1",
            &e.image,
            "sleep",
            "1000",
        ]);
        e.wait_until("flaky", "restarted", |v| {
            v["RestartCount"].as_u64().unwrap_or(0) >= 1 && v["State"]["Status"] == "running"
        });
    });
}

/// Docker's habits under `alias docker=rpod`: the json-file log driver,
/// journald refused clearly, `top` with ps(1) options, Docker's
/// `{{.ServerVersion}}` and `{{.Server.Version}}`.
#[test]
fn docker_isms_log_drivers_top_and_versions() {
    each_mode("dockerisms", |e| {
        let img = e.image.as_str();
        e.ok(&[
            "run",
            "-d",
            "--name",
            "j1",
            "--log-driver",
            "json-file",
            img,
            "sh",
            "-c",
            "echo out; echo err >&2; sleep 300",
        ]);
        e.wait_until("j1", "logged", |_| e.ok(&["logs", "j1"]).contains("out"));
        let out = e.run(&["logs", "j1"]);
        assert_eq!((text(&out.stdout).as_str(), text(&out.stderr).as_str()), ("out\n", "err\n"));
        let path = e.inspect("j1")["LogPath"].as_str().unwrap().to_string();
        let first = match e.mode {
            Mode::Rootless => e.ok(&["unshare", "head", "-n1", &path]),
            Mode::Root => std::fs::read_to_string(&path).unwrap().lines().next().unwrap().to_string(),
        };
        let record: Value = serde_json::from_str(first.trim()).unwrap_or_else(|err| panic!("{first:?}: {err}"));
        assert_eq!((record["log"].as_str(), record["stream"].as_str()), (Some("out\n"), Some("stdout")));
        assert_eq!(e.inspect("j1")["HostConfig"]["LogConfig"]["Type"], "json-file");
        let out = e.run(&["run", "--rm", "--log-driver", "journald", img, "true"]);
        assert_eq!(out.status.code(), Some(125));
        assert!(text(&out.stderr).contains("journal"), "{}", describe(&out));
        // top with ps(1) options.
        let ef = e.ok(&["top", "j1", "-ef"]);
        assert!(ef.starts_with("USER") && ef.contains("PPID") && ef.contains("sleep 300"), "{ef}");
        let aux = e.ok(&["top", "j1", "aux"]);
        assert!(aux.contains("RSS") && aux.contains("sleep 300"), "{aux}");
        assert_eq!(
            e.ok(&["top", "j1", "-o", "pid,comm"]).lines().nth(1).map(|l| l.split_whitespace().collect::<Vec<_>>()),
            Some(vec!["1", "sleep"])
        );
        // Docker's template fields.
        let v = e.ok(&["version", "--format", "{{.Server.Version}}={{.Client.Version}}"]);
        let (server, client) = v.trim().split_once('=').unwrap();
        assert!(!server.is_empty() && server == client, "{v}");
        assert_eq!(e.ok(&["info", "--format", "{{.ServerVersion}}"]).trim(), server);
        assert_eq!(e.ok(&["info", "--format", "{{.ContainersRunning}} {{.Driver}}"]).trim(), "1 overlay");
    });
}

/// Podman's selections beyond names: `--filter` on rm/stop/restart/start/
/// pause/unpause (the filters of `ps`), `start --all`, `--latest` on the
/// single-container commands, `--cidfile` on pause/unpause, `rm --depend`.
#[test]
fn filters_latest_and_depend_select_containers() {
    each_mode("select", |e| {
        let img = e.image.as_str();
        e.ok(&["create", "--name", "w1", "--label", "app=web", img, "sleep", "300"]);
        e.ok(&["create", "--name", "w2", "--label", "app=web", img, "sleep", "300"]);
        e.ok(&["create", "--name", "db", img, "sleep", "300"]);
        let id = |n: &str| e.inspect(n)["Id"].as_str().unwrap().to_string();
        // start --filter starts the matching ones only, printing their IDs.
        let started = e.ok(&["start", "--filter", "label=app=web"]);
        let mut want = vec![id("w1"), id("w2")];
        want.sort();
        let mut got: Vec<String> = started.lines().map(str::to_string).collect();
        got.sort();
        assert_eq!(got, want);
        assert_eq!(e.inspect("db")["State"]["Status"], "created");
        assert_eq!(e.code(&["start", "--filter", "nokey=1"]), 125);
        // stop --filter with a name: only the named one among the matches.
        assert_eq!(e.ok(&["stop", "-t", "0", "--filter", "label=app=web", "w1"]), format!("{}\n", id("w1")));
        assert_eq!(e.inspect("w1")["State"]["Status"], "exited");
        assert_eq!(e.inspect("w2")["State"]["Status"], "running");
        // restart --filter status=exited restarts w1 only.
        e.ok(&["restart", "-t", "0", "-f", "status=exited"]);
        assert_eq!(e.inspect("w1")["State"]["Status"], "running");
        assert_eq!(e.inspect("db")["State"]["Status"], "created");
        // start --all: every container that is not running (db).
        assert_eq!(e.ok(&["start", "--all"]), format!("{}\n", id("db")));
        assert_eq!(e.inspect("db")["State"]["Status"], "running");
        // pause/unpause select by --filter, --latest and --cidfile (the
        // freezer needs cgroup v2: where there is none, the error names
        // the container chosen).
        let cid = e.dir.path().join("cid");
        std::fs::write(&cid, id("w2")).unwrap();
        let cid = cid.to_str().unwrap();
        for (args, chosen) in [
            (vec!["pause", "--filter", "name=db"], "db"),
            (vec!["pause", "--latest"], "db"),
            (vec!["pause", "--cidfile", cid], "w2"),
        ] {
            let out = e.run(&args);
            if out.status.success() {
                assert_eq!(e.inspect(chosen)["State"]["Status"], "paused", "{args:?}");
                let mut back = args.clone();
                back[0] = "unpause";
                e.ok(&back);
                assert_eq!(e.inspect(chosen)["State"]["Status"], "running", "{back:?}");
            } else {
                let err = text(&out.stderr);
                assert!(err.contains(&format!("cannot pause {chosen}:")), "{args:?}: {}", describe(&out));
            }
        }
        assert_eq!(e.code(&["pause", "--latest", "db"]), 125, "--latest with a name");
        // --latest on the single-container commands: db was created last.
        e.ok(&["exec", "db", "sh", "-c", "echo from-db > /tmp/who"]);
        assert_eq!(e.ok(&["exec", "-l", "cat", "/tmp/who"]), "from-db\n");
        let top = e.ok(&["top", "-l", "pid", "comm"]);
        assert!(top.contains("sleep"), "{top}");
        assert_eq!(e.ok(&["port", "-l"]), "");
        let doc: Value = serde_json::from_str(&e.ok(&["inspect", "-l", "--size"])).unwrap();
        assert_eq!(doc[0]["Name"], "db");
        assert!(doc[0]["SizeRw"].as_u64().unwrap() > 0, "{}", doc[0]["SizeRw"]);
        assert!(doc[0]["SizeRootFs"].as_u64() > doc[0]["SizeRw"].as_u64());
        let doc: Value = serde_json::from_str(&e.ok(&["container", "inspect", "w1"])).unwrap();
        assert!(doc[0].get("SizeRw").is_none(), "no sizes without --size");
        assert_eq!(e.code(&["run", "--name", "last", img, "sh", "-c", "echo bye; exit 3"]), 3);
        assert_eq!(e.ok(&["logs", "-l"]), "bye\n");
        assert_eq!(e.ok(&["wait", "-l"]), "3\n");
        assert_eq!(e.code(&["attach", "-l"]), 125, "the latest has exited");
        assert_eq!(e.code(&["logs"]), 125, "a container or --latest is needed");
        // rm --filter removes the matching ones; rm --depend the ones that
        // joined a container's namespaces too, before it.
        e.ok(&["rm", "-f", "--filter", "label=app=web"]);
        assert_eq!(e.code(&["container", "exists", "w1"]), 1);
        assert_eq!(e.code(&["container", "exists", "w2"]), 1);
        e.ok(&["run", "-d", "--name", "joins", "--ipc", "container:db", "--uts", "container:db", img, "sleep", "300"]);
        e.ok(&["create", "--name", "joins2", "--cgroupns", "container:joins", img, "true"]);
        assert_eq!(e.code(&["rm", "-f", "--depend", "db"]), 0);
        for n in ["db", "joins", "joins2"] {
            assert_eq!(e.code(&["container", "exists", n]), 1, "{n} was removed");
        }
        assert_eq!(e.code(&["container", "exists", "last"]), 0, "unrelated containers stay");
    });
}

/// `ps --ns --sync --watch`, `wait --interval`, `logs --names --color` with
/// several containers, `stats --no-reset`.
#[test]
fn ps_namespaces_watch_wait_interval_logs_names_stats_no_reset() {
    each_mode("psns", |e| {
        let img = e.image.as_str();
        e.ok(&["run", "-d", "--name", "n1", img, "sleep", "300"]);
        let pid = e.inspect("n1")["State"]["Pid"].as_i64().unwrap();
        let ino = |ns: &str| {
            let link = std::fs::read_link(format!("/proc/{pid}/ns/{ns}")).unwrap();
            let l = link.to_string_lossy().to_string();
            l.split_once('[').unwrap().1.trim_end_matches(']').to_string()
        };
        let out = e.ok(&["ps", "--ns", "--sync"]);
        let mut lines = out.lines();
        let head: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
        assert_eq!(
            head,
            ["CONTAINER", "ID", "NAMES", "PID", "CGROUPNS", "IPC", "MNT", "NET", "PIDNS", "USERNS", "UTS"]
        );
        let row: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
        let want = [ino("cgroup"), ino("ipc"), ino("mnt"), ino("net"), ino("pid"), ino("user"), ino("uts")];
        assert_eq!(row[1..3], ["n1".to_string(), pid.to_string()]);
        assert_eq!(row[3..], want);
        let js: Value = serde_json::from_str(&e.ok(&["ps", "--ns", "--format", "json"])).unwrap();
        assert_eq!(js[0]["Namespaces"]["IPC"], ino("ipc").as_str());
        assert_eq!(js[0]["Namespaces"]["User"], ino("user").as_str());
        // --watch reprints on a cleared screen.
        let watched = e.streamed(&["ps", "--watch", "1", "--format", "{{.Names}}"], Duration::from_millis(2500));
        assert!(watched.matches("\x1b[2J\x1b[Hn1\n").count() >= 2, "{watched:?}");
        // wait --interval: the state is read that often (a bare number is ms).
        e.ok(&["run", "-d", "--name", "short", img, "sleep", "1"]);
        let t = Instant::now();
        assert_eq!(e.ok(&["wait", "--interval", "3s", "short"]), "0\n");
        assert!(t.elapsed() >= Duration::from_secs(3), "polled every 3s: {:?}", t.elapsed());
        assert_eq!(e.ok(&["wait", "-i", "100", "short"]), "0\n");
        assert_eq!(e.code(&["wait", "-i", "soon", "short"]), 125);
        // logs of several containers: each line prefixed by the short ID, or
        // the name (--names), coloured per container (--color).
        e.ok(&["run", "--name", "la", img, "echo", "from-a"]);
        e.ok(&["run", "--name", "lb", img, "echo", "from-b"]);
        let short = |n: &str| e.inspect(n)["Id"].as_str().unwrap()[..12].to_string();
        assert_eq!(e.ok(&["logs", "la", "lb"]), format!("{} from-a\n{} from-b\n", short("la"), short("lb")));
        assert_eq!(e.ok(&["logs", "--names", "la", "lb"]), "la from-a\nlb from-b\n");
        assert_eq!(e.ok(&["logs", "--names", "la"]), "from-a\n", "one container: no prefix (Podman)");
        let colored = e.ok(&["logs", "--names", "--color", "la", "lb"]);
        let lines: Vec<&str> = colored.lines().collect();
        assert!(lines[0].starts_with("\x1b[") && lines[0].ends_with("la\x1b[0m from-a"), "{colored:?}");
        assert!(lines[1].ends_with("lb\x1b[0m from-b"), "{colored:?}");
        assert_ne!(lines[0].split("la").next(), lines[1].split("lb").next(), "a colour each: {colored:?}");
        // stats streams on a cleared screen, or below the last table with
        // --no-reset (exited containers, which need no cgroup).
        let args = ["stats", "-a", "--interval", "1", "--format", "{{.Name}}", "lb"];
        let reset = e.streamed(&args, Duration::from_millis(2500));
        assert!(reset.contains("\x1b[2J"), "{reset:?}");
        let mut no_reset_args = args.to_vec();
        no_reset_args.insert(1, "--no-reset");
        let kept = e.streamed(&no_reset_args, Duration::from_millis(2500));
        assert!(!kept.contains("\x1b[2J") && kept.matches("lb\n").count() >= 2, "{kept:?}");
    });
}

/// `exec -it --detach-keys`: typing them leaves the process running (its
/// terminal held by rpod's drain) and rpod exits 0.
#[test]
fn exec_detach_keys_leave_the_process_running() {
    each_mode("execdk", |e| {
        e.ok(&["run", "-d", "--name", "c", &e.image, "sleep", "300"]);
        let mut line = shell_quote(&rpod().display().to_string());
        for a in e.base_args() {
            line.push(' ');
            line.push_str(&shell_quote(&a));
        }
        line.push_str(" exec -it --detach-keys ctrl-a,x c sh -c 'sleep 2; touch /tmp/done; sleep 300'");
        let t = Instant::now();
        let (code, out) = e.in_pty_steps(&line, &[b"", b"\x01x"]);
        assert_eq!(code, 0, "{out}");
        assert!(t.elapsed() < Duration::from_secs(30), "detached, not waited for: {:?}", t.elapsed());
        std::thread::sleep(Duration::from_secs(3));
        assert_eq!(e.code(&["exec", "c", "test", "-e", "/tmp/done"]), 0, "the process went on after the detach");
        assert_eq!(e.code(&["exec", "--detach-keys", "ctrl-", "c", "true"]), 125, "bad keys are refused");
    });
}

#[path = "lifecycle/escapes.rs"]
mod escapes;

#[path = "lifecycle/flags.rs"]
mod flags;

/// `run --rmi` removes the image once the container is gone, unless other
/// containers use it (then it says so, and the exit code stays the
/// container's); `--conmon-pidfile` gets the monitor's PID;
/// `--disable-content-trust` is accepted (Podman's no-op).
#[test]
fn rmi_conmon_pidfile_and_content_trust() {
    each_mode("rmi", |e| {
        let img = e.image.as_str();
        let (cpf, pf) = (e.path("conmon.pid").display().to_string(), e.path("ctr.pid").display().to_string());
        e.ok(&["run", "-d", "--name", "w", "--conmon-pidfile", &cpf, "--pidfile", &pf, img, "sleep", "100"]);
        let v = e.inspect("w");
        let read = |p: &str| std::fs::read_to_string(p).unwrap().trim().to_string();
        assert_eq!(read(&cpf), v["State"]["ConmonPid"].to_string());
        assert_eq!(read(&pf), v["State"]["Pid"].to_string());
        assert_eq!(v["ConmonPidFile"], cpf.as_str());
        let out = e.run(&["run", "--rmi", img, "sh", "-c", "exit 3"]);
        assert_eq!(out.status.code(), Some(3), "{}", describe(&out));
        assert!(text(&out.stderr).contains("in use"), "{}", describe(&out));
        assert_eq!(e.code(&["image", "exists", img]), 0);
        e.ok(&["rm", "-f", "w"]);
        e.ok(&["run", "--rmi", "--disable-content-trust", img, "true"]);
        assert_eq!(e.code(&["image", "exists", img]), 1, "--rmi removed the image");
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "", "--rmi implies --rm");
        let out = e.run(&["run", "-d", "--rmi", img, "true"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("--detach"), "{}", describe(&out));
        e.ok(&["pull", "--disable-content-trust", "-q", "--tls-verify=false", img]);
    });
}

/// `--requires`: the named containers start first (also when the
/// dependent is started later), inspect lists them as Dependencies, and a
/// container others depend on is removed only with them (`rm --depend`).
#[test]
fn requires_starts_dependencies_and_guards_removal() {
    each_mode("req", |e| {
        let img = e.image.as_str();
        e.ok(&["create", "--name", "db", img, "sleep", "300"]);
        e.ok(&["create", "--name", "cache", img, "sleep", "300"]);
        e.ok(&["run", "-d", "--name", "app", "--requires", "db,cache", img, "sleep", "300"]);
        let id = |n: &str| e.inspect(n)["Id"].as_str().unwrap().to_string();
        for dep in ["db", "cache"] {
            assert_eq!(e.inspect(dep)["State"]["Status"], "running", "{dep}");
        }
        assert_eq!(e.inspect("app")["Dependencies"], serde_json::json!([id("db"), id("cache")]));
        let out = e.run(&["rm", "-f", "db"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("has dependent containers"), "{}", describe(&out));
        assert!(text(&out.stderr).contains(&id("app")), "{}", describe(&out));
        e.ok(&["rm", "-f", "--depend", "db"]);
        assert_eq!(e.code(&["container", "exists", "app"]), 1);
        let out = e.run(&["create", "--requires", "nope", img]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("--requires nope"), "{}", describe(&out));
        e.ok(&["create", "--name", "a2", "--requires", "cache", img, "sleep", "300"]);
        e.ok(&["stop", "-t", "0", "cache"]);
        e.ok(&["start", "a2"]);
        assert_eq!(e.inspect("cache")["State"]["Status"], "running");
        // Removed together (rm -a -f), in any order: no refusal.
        e.ok(&["rm", "-f", "cache", "a2"]);
    });
}

/// containers.conf `[engine] hooks_dir`: OCI hook files (Podman's 1.0.0
/// schema) whose `when` matches run for `rpod run` containers at their
/// stages with the state on stdin; others do not; a failing prestart hook
/// fails the start (exit 125, the hook named).
#[test]
fn hooks_dir_hooks_run_for_matching_containers() {
    each_mode("hooks", |e| {
        let img = e.image.as_str();
        let dir = e.dir.path();
        let hooks = dir.join("hooks.d");
        std::fs::create_dir_all(&hooks).unwrap();
        let log = dir.join("hook.log");
        let hook = |stage: &str, when: Value, script: &str| {
            serde_json::json!({
                "version": "1.0.0",
                "hook": {"path": "/bin/sh", "args": ["sh", "-c", script], "timeout": 10},
                "when": when,
                "stages": [stage],
            })
            .to_string()
        };
        let record = |stage: &str| format!("s=$(cat); echo \"{stage} $s\" >> {}", log.display());
        let files = [
            (
                "10-prestart.json",
                hook("prestart", serde_json::json!({"annotations": {"^hookme$": "^yes$"}}), &record("prestart")),
            ),
            (
                "20-poststop.json",
                hook("poststop", serde_json::json!({"annotations": {"^hookme$": "."}}), &record("poststop")),
            ),
            ("30-fail.json", hook("prestart", serde_json::json!({"annotations": {"^hookme$": "^fail$"}}), "exit 7")),
            (
                "40-never.json",
                hook("prestart", serde_json::json!({"commands": ["^nothing-runs-this$"]}), &record("never")),
            ),
        ];
        for (name, text) in files {
            std::fs::write(hooks.join(name), text).unwrap();
        }
        let conf = dir.join("containers.conf");
        std::fs::write(&conf, format!("[engine]\nhooks_dir = [\"{}\"]\n", hooks.display())).unwrap();
        if e.mode == Mode::Rootless {
            let bed = Bed::get();
            let owner = format!("{}:{}", bed.test_uid, bed.test_gid);
            assert!(std::process::Command::new("chown").args(["-R", &owner]).arg(dir).status().unwrap().success());
        }
        let run = |args: &[&str]| {
            let mut cmd = e.cmd(args);
            cmd.env("CONTAINERS_CONF", &conf);
            output_with_timeout(&mut cmd, Duration::from_secs(60))
        };
        let out = run(&["run", "--name", "hooked", "--annotation", "hookme=yes", img, "true"]);
        assert!(out.status.success(), "{:?} {}", e.mode, describe(&out));
        let id = e.inspect("hooked")["Id"].as_str().unwrap().to_string();
        // poststop runs when the monitor sees the exit.
        let start = Instant::now();
        while !std::fs::read_to_string(&log).unwrap_or_default().contains("poststop") {
            assert!(start.elapsed() < Duration::from_secs(20), "{:?}: no poststop hook", e.mode);
            std::thread::sleep(Duration::from_millis(50));
        }
        let lines = std::fs::read_to_string(&log).unwrap();
        let stages: Vec<&str> = lines.lines().map(|l| l.split(' ').next().unwrap()).collect();
        assert_eq!(stages, ["prestart", "poststop"], "{:?}", e.mode);
        for line in lines.lines() {
            let (stage, json) = line.split_once(' ').unwrap();
            let s: Value = serde_json::from_str(json).unwrap();
            assert_eq!(s["id"], id.as_str());
            assert_eq!(s["annotations"]["hookme"], "yes");
            assert_eq!(s["status"], if stage == "prestart" { "created" } else { "stopped" });
        }
        // No annotation: no hook.
        std::fs::remove_file(&log).unwrap();
        let out = run(&["run", "--rm", img, "true"]);
        assert!(out.status.success(), "{}", describe(&out));
        assert!(!log.exists(), "{:?}: a hook ran without its annotation", e.mode);
        // A failing prestart hook fails the start.
        let out = run(&["run", "--rm", "--annotation", "hookme=fail", img, "true"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("prestart hook /bin/sh: exit status 7"), "{}", describe(&out));
        // The global --hooks-dir replaces containers.conf's hooks_dir (Podman).
        let other = dir.join("other.d");
        std::fs::create_dir_all(&other).unwrap();
        let given = hook("prestart", serde_json::json!({"annotations": {"^hookme$": "^yes$"}}), &record("given"));
        std::fs::write(other.join("10-given.json"), given).unwrap();
        if e.mode == Mode::Rootless {
            let bed = Bed::get();
            let owner = format!("{}:{}", bed.test_uid, bed.test_gid);
            assert!(std::process::Command::new("chown").args(["-R", &owner]).arg(&other).status().unwrap().success());
        }
        let flag = other.display().to_string();
        let out = run(&["--hooks-dir", &flag, "run", "--rm", "--annotation", "hookme=yes", img, "true"]);
        assert!(out.status.success(), "{}", describe(&out));
        let lines = std::fs::read_to_string(&log).unwrap_or_default();
        let stages: Vec<&str> = lines.lines().map(|l| l.split(' ').next().unwrap()).collect();
        assert_eq!(stages, ["given"], "{:?}: only the --hooks-dir hooks", e.mode);
        e.ok(&["rm", "-af"]);
    });
}

/// `--personality LINUX32`: the container's execution domain, so `uname -m`
/// reports a 32-bit machine (as `setarch linux32` would); `LINUX` is the
/// default; anything else is a usage error.
#[test]
fn personality_sets_the_execution_domain() {
    each_mode("pers", |e| {
        let img = e.image.as_str();
        let native = e.ok(&["run", "--rm", img, "uname", "-m"]);
        if native.trim() != "x86_64" {
            eprintln!("skipped: LINUX32 is checked on x86_64 (this is {native})");
            return;
        }
        assert_eq!(e.ok(&["run", "--rm", "--personality", "LINUX32", img, "uname", "-m"]), "i686\n");
        assert_eq!(e.ok(&["run", "--rm", "--personality", "linux", img, "uname", "-m"]), "x86_64\n");
        assert_eq!(e.code(&["run", "--rm", "--personality", "BSD", img, "true"]), 125);
    });
}

#[path = "lifecycle/idmap.rs"]
mod idmap;

#[path = "lifecycle/rootfs.rs"]
mod rootfs;
