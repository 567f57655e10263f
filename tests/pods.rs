//! Pods through the CLI, rootless and as root: a pod's published port
//! serves the host through one of its containers, containers in a pod
//! share its network (localhost), IPC and UTS (hostname) namespaces, the
//! lifecycle verbs act on every container, `pod rm -a -f` leaves nothing.
//! Traffic goes only to 127.0.0.1.

use std::os::unix::fs::MetadataExt as _;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use rpod_testbed::bed::{describe, text};
use rpod_testbed::engine::{assert_no_leftovers, each_mode, is_id, Eng, Mode};

/// Fails with `code` and a message containing `needle`.
#[track_caller]
fn fails(e: &Eng, code: i32, args: &[&str], needle: &str) {
    let out = e.run(args);
    assert_eq!(out.status.code(), Some(code), "{:?} rpod {args:?}\n{}", e.mode, describe(&out));
    assert!(text(&out.stderr).contains(needle), "{:?} rpod {args:?}: wanted {needle:?}\n{}", e.mode, describe(&out));
}

/// A TCP port on 127.0.0.1 that is free right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `curl` from the host to 127.0.0.1:PORT (retried while the server starts).
fn curl(port: u16) -> String {
    let url = format!("http://127.0.0.1:{port}/");
    for _ in 0..50 {
        let out = Command::new("curl").args(["-s", "--max-time", "5", &url]).output().unwrap();
        if out.status.success() {
            return text(&out.stdout);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("curl {url} never succeeded");
}

fn refused(port: u16) -> bool {
    std::net::TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_secs(2)).is_err()
}

/// The namespace a process is in, as `readlink /proc/PID/ns/KIND` shows it.
fn ns(pid: i64, kind: &str) -> String {
    std::fs::read_link(Path::new(&format!("/proc/{pid}/ns/{kind}"))).unwrap().display().to_string()
}

const HTTPD: &str = "mkdir -p /www && echo hello-pod > /www/index.html && exec httpd -f -p 80 -h /www";

/// The pod's port serves the host through a container in it; its
/// containers share the network (localhost), IPC and UTS namespaces of
/// the infra container (rpod's own init, no image); what joining a pod
/// refuses; ps/inspect show the pod; stop, start, restart, kill, rm.
#[test]
fn a_pod_serves_the_host_and_shares_its_namespaces() {
    each_mode("pods", |e| {
        let port = free_port();
        let publish = format!("127.0.0.1:{port}:80");
        let id = e.ok(&["pod", "create", "--name", "web", "-p", &publish, "--hostname", "podhost", "--label", "app=x"]);
        let id = id.trim();
        assert!(is_id(id), "{id}");
        assert_eq!(
            e.ok(&["pod", "ps", "--format", "{{.Name}} {{.Status}} {{.NumberOfContainers}}"]),
            "web Created 1\n"
        );
        assert_eq!(e.code(&["pod", "exists", "web"]), 0);
        assert_eq!(e.code(&["pod", "exists", "nope"]), 1);

        // The first container starts the infra container; the pod's port reaches it.
        e.ok(&["run", "-d", "--pod", "web", "--name", "srv", &e.image, "sh", "-c", HTTPD]);
        assert_eq!(curl(port), "hello-pod\n");
        // A second container sees the first on localhost and the pod's hostname.
        let out =
            e.ok(&["run", "--rm", "--pod", "web", &e.image, "sh", "-c", "hostname; wget -qO- http://127.0.0.1:80/"]);
        assert_eq!(out, "podhost\nhello-pod\n");
        let pod = e.ok(&["pod", "inspect", "web"]);
        let doc: serde_json::Value = serde_json::from_str(&pod).unwrap();
        assert_eq!(doc["Id"], id);
        assert_eq!(doc["State"], "Running");
        assert_eq!(doc["NumContainers"], 2);
        assert_eq!(doc["Labels"]["app"], "x");
        assert_eq!(doc["SharedNamespaces"], serde_json::json!(["ipc", "net", "uts"]));
        assert_eq!(doc["InfraConfig"]["PortBindings"]["80/tcp"][0]["HostPort"], port.to_string());
        let infra = doc["InfraContainerID"].as_str().unwrap().to_string();
        assert_eq!(e.inspect("srv")["Pod"], id);
        let (srv_pid, infra_pid) =
            (e.inspect("srv")["State"]["Pid"].as_i64().unwrap(), e.inspect(&infra)["State"]["Pid"].as_i64().unwrap());
        for kind in ["net", "ipc", "uts"] {
            assert_eq!(ns(srv_pid, kind), ns(infra_pid, kind), "{kind}");
        }
        assert_ne!(ns(srv_pid, "pid"), ns(infra_pid, "pid"), "pid is not shared by default");
        let exe = std::fs::read(format!("/proc/{infra_pid}/cmdline")).unwrap();
        assert_eq!(String::from_utf8_lossy(&exe), "rpod-init\0--pause\0");
        let ps = e.ok(&["ps", "-a", "--pod", "--filter", "pod=web", "--format", "{{.Names}} {{.PodName}} {{.Pod}}"]);
        let short = &id[..12];
        assert!(ps.contains(&format!("srv web {short}\n")), "{ps}");
        assert_eq!(ps.lines().count(), 2, "srv and the infra container: {ps}");
        let table = e.ok(&["ps", "--pod"]);
        assert!(table.lines().next().unwrap().ends_with("POD ID        PODNAME"), "{table}");

        // What the pod decides is refused for its containers.
        fails(e, 125, &["create", "--pod", "web", "-p", "8080:80", &e.image], "published or exposed ports");
        fails(e, 125, &["create", "--pod", "web", "--network", "none", &e.image], "network cannot be configured");
        fails(e, 125, &["create", "--pod", "web", "--hostname", "x", &e.image], "cannot set hostname");
        fails(e, 125, &["create", "--pod", "nope", &e.image], "no pod with name or ID nope found");
        fails(e, 125, &["rm", "-f", &infra], "is the infra container of pod");
        fails(e, 2, &["pod", "rm", "web"], "running or paused containers cannot be removed without force");

        // Lifecycle: every container, the infra container last down, first up.
        assert_eq!(e.ok(&["pod", "stop", "-t", "1", "web"]), format!("{id}\n"));
        assert_eq!(e.inspect("srv")["State"]["Status"], "exited");
        assert_eq!(e.inspect(&infra)["State"]["Status"], "exited");
        assert!(refused(port));
        assert_eq!(e.ok(&["pod", "ps", "--format", "{{.Status}}"]), "Exited\n");
        e.ok(&["pod", "start", "web"]);
        assert_eq!(curl(port), "hello-pod\n");
        e.ok(&["pod", "restart", "web"]);
        assert_eq!(curl(port), "hello-pod\n");
        e.ok(&["pod", "kill", "web"]);
        e.wait_until("srv", "exited", |d| d["State"]["Status"] == "exited");
        e.wait_until(&infra, "exited", |d| d["State"]["Status"] == "exited");
        e.ok(&["pod", "rm", "web"]);
        assert_eq!(e.code(&["pod", "exists", "web"]), 1);
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "");
        assert!(refused(port));

        // pod rm -a -f: running pods and their containers, nothing left.
        e.ok(&["pod", "create", "--name", "a", "-p", &publish]);
        e.ok(&["run", "-d", "--pod", "a", &e.image, "sh", "-c", HTTPD]);
        e.ok(&["run", "-d", "--pod", "a", &e.image, "sleep", "1000"]);
        e.ok(&["pod", "create", "--name", "b", "--network", "none"]);
        e.ok(&["run", "-d", "--pod", "b", &e.image, "sleep", "1000"]);
        assert_eq!(curl(port), "hello-pod\n");
        e.ok(&["pod", "rm", "-a", "-f", "-t", "0"]);
        assert_eq!(e.ok(&["pod", "ps", "-q"]), "");
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "");
        assert_no_leftovers(e);
        assert!(refused(port));
    });
}

/// `run --pod new:NAME` (the container's -p goes to the pod), names shared
/// with containers, --replace, --infra=false, --share +pid (the infra
/// container is PID 1 for all), pod ps flags and filters, logs, top,
/// prune, --pod-id-file.
#[test]
fn pod_creation_forms_listing_and_logs() {
    each_mode("pods2", |e| {
        let port = free_port();
        let publish = format!("127.0.0.1:{port}:80");
        e.ok(&["run", "-d", "--pod", "new:np", "--name", "c1", "-p", &publish, &e.image, "sh", "-c", HTTPD]);
        assert_eq!(curl(port), "hello-pod\n");
        let np = e.ok(&["pod", "inspect", "--format", "{{.Id}}", "np"]).trim().to_string();
        assert_eq!(e.inspect("c1")["HostConfig"]["PortBindings"], serde_json::json!({}), "the port is the pod's");
        fails(e, 125, &["pod", "create", "--name", "np"], "pod already exists");
        fails(e, 125, &["pod", "create", "--name", "c1"], "is in use");
        fails(e, 125, &["create", "--name", "np", &e.image], "already in use");

        // Logs of the pod's containers, with their names.
        e.ok(&["run", "--pod", "np", "--name", "logger", &e.image, "echo", "hi-from-logger"]);
        let logs = e.ok(&["pod", "logs", "--names", "np"]);
        assert!(logs.contains("logger hi-from-logger\n"), "{logs}");
        assert_eq!(e.ok(&["pod", "logs", "-c", "logger", "np"]), "hi-from-logger\n");
        let top = e.ok(&["pod", "top", "np"]);
        assert!(top.contains("httpd") && top.contains("rpod-init --pause"), "{top}");

        // Listing: columns, formats, filters, sort.
        let file = e.path("pod-id");
        let file_s = file.display().to_string();
        e.ok(&["pod", "create", "--name", "bare", "--infra=false", "--pod-id-file", &file_s]);
        let bare = std::fs::read_to_string(&file).unwrap();
        assert!(is_id(&bare), "{bare}");
        fails(e, 125, &["pod", "start", "bare"], "no containers in pod");
        let shown = e.ok(&[
            "pod",
            "inspect",
            "--format",
            "{{.CreateInfra}} {{.SharedNamespaces}} {{.InfraContainerID}}",
            "bare",
        ]);
        assert_eq!(shown, "false [] \n");
        fails(e, 125, &["pod", "create", "--infra=false", "--share", "net"], "without an infra container");
        fails(e, 125, &["pod", "create", "--infra=false", "-p", "8080:80"], "needs an infra container");
        let head = e.ok(&["pod", "ps"]);
        let first = head.lines().next().unwrap();
        assert!(first.starts_with("POD ID") && first.ends_with("# OF CONTAINERS"), "{head}");
        assert!(first.contains("INFRA ID"), "{head}");
        assert_eq!(e.ok(&["pod", "ps", "--sort", "name", "--format", "{{.Name}}"]), "bare\nnp\n");
        assert_eq!(
            e.ok(&["pod", "ls", "--noheading", "--filter", "name=ba", "--format", "{{.Name}} {{.InfraID}}"]),
            "bare \n"
        );
        assert_eq!(e.ok(&["pod", "list", "-q", "--no-trunc", "--filter", "status=degraded"]), format!("{np}\n"));
        let names = e.ok(&["pod", "ps", "--ctr-names", "--filter", "name=np", "--format", "{{.ContainerNames}}"]);
        assert!(names.contains("c1") && names.contains("logger"), "{names}");
        let json: serde_json::Value = serde_json::from_str(&e.ok(&["pod", "ps", "--format", "json"])).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 2);
        fails(e, 125, &["pod", "ps", "--filter", "bogus=1"], "invalid filter");

        // rm -a leaves pods' infra containers to their pods.
        e.ok(&["rm", "-a", "-f", "-t", "0"]);
        assert_eq!(e.ok(&["pod", "ps", "--filter", "name=np", "--format", "{{.NumberOfContainers}}"]), "1\n");

        // --replace: a new pod of the same name, the old one removed.
        let old = np;
        let new = e.ok(&["pod", "create", "--replace", "--name", "np"]).trim().to_string();
        assert_ne!(new, old);
        assert_eq!(e.code(&["pod", "exists", &old]), 1);

        // --share +pid: the infra container's init is PID 1 of every container.
        e.ok(&["pod", "create", "--name", "pp", "--share", "+pid", "--network", "none"]);
        let ps = e.ok(&["run", "--rm", "--pod", "pp", &e.image, "ps", "-o", "pid,comm"]);
        assert!(ps.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["1", "rpod-init"]), "{ps}");

        // A pod on a user network (root: rootless user networks are not there
        // yet) is found by its name there.
        if e.mode == Mode::Root {
            e.ok(&["network", "create", "podnet"]);
            e.ok(&["pod", "create", "--network", "podnet", "--name", "onnet"]);
            e.ok(&["run", "-d", "--pod", "onnet", &e.image, "sh", "-c", HTTPD]);
            let got = e.ok(&[
                "run",
                "--rm",
                "--network",
                "podnet",
                &e.image,
                "sh",
                "-c",
                "for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://onnet/ && exit; sleep 0.3; done; exit 1",
            ]);
            assert_eq!(got, "hello-pod\n");
            assert_eq!(
                e.ok(&["pod", "ps", "--filter", "network=podnet", "--format", "{{.Name}} {{.Networks}}"]),
                "onnet podnet\n"
            );
            e.ok(&["pod", "rm", "-f", "-t", "0", "onnet"]);
            e.ok(&["network", "rm", "podnet"]);
        }

        // kill -9 of the infra container's monitor: the pod is degraded (its
        // other container runs on) and is removed as usual.
        e.ok(&["pod", "create", "--name", "k9", "--network", "none"]);
        e.ok(&["run", "-d", "--pod", "k9", "--name", "k9c", &e.image, "sleep", "1000"]);
        let infra = e.ok(&["pod", "inspect", "--format", "{{.InfraContainerID}}", "k9"]).trim().to_string();
        let monitor = e.inspect(&infra)["State"]["ConmonPid"].as_i64().unwrap();
        assert!(monitor > 0);
        Command::new("kill").args(["-9", &monitor.to_string()]).status().unwrap();
        e.wait_until(&infra, "exited", |d| d["State"]["Status"] == "exited");
        assert_eq!(e.ok(&["pod", "ps", "--filter", "name=k9", "--format", "{{.Status}}"]), "Degraded\n");
        e.ok(&["pod", "rm", "-f", "-t", "0", "k9"]);

        // prune: every pod with nothing running.
        e.ok(&["pod", "stop", "pp"]);
        let pruned = e.ok(&["pod", "prune", "-f"]);
        assert_eq!(pruned.lines().count(), 3, "bare, np, pp: {pruned}");
        assert_eq!(e.ok(&["pod", "ps", "-q"]), "");
        assert_no_leftovers(e);
    });
}

/// What `pod create` gives every container of the pod through its infra
/// container, as in Podman: `--sysctl` (the shared network namespace),
/// `--shm-size`, `-v` (a host directory and an anonymous volume the
/// containers share), `--volumes-from`, `--device`, `--security-opt`;
/// `--label-file`, `--infra-conmon-pidfile`, `--uts host`, `pod ps --ns`;
/// `--infra-image` with `--infra-command`; what is refused (resource
/// limits where `run --memory` is refused, with the same error).
#[test]
fn pod_settings_reach_every_container() {
    each_mode("pods3", |e| {
        let data = e.path("data");
        std::fs::create_dir_all(&data).unwrap();
        std::fs::write(data.join("f"), "from-the-host\n").unwrap();
        let labels = e.path("labels");
        std::fs::write(&labels, "# the pod's\na=1\nb=2\n").unwrap();
        let pidfile = e.path("infra.pid");
        let bind = format!("{}:/data", data.display());
        let (labels_s, pidfile_s) = (labels.display().to_string(), pidfile.display().to_string());
        e.ok(&[
            "pod",
            "create",
            "--name",
            "set",
            "--network",
            "none",
            "--sysctl",
            "net.ipv4.ip_forward=1",
            "--shm-size",
            "32m",
            "-v",
            &bind,
            "-v",
            "/shared",
            "--device",
            "/dev/null:/dev/podnull",
            "--security-opt",
            "no-new-privileges",
            "--label-file",
            &labels_s,
            "--label",
            "b=3",
            "--infra-conmon-pidfile",
            &pidfile_s,
        ]);
        let script = "cat /proc/sys/net/ipv4/ip_forward; df -k /dev/shm | tail -1 | awk '{print $2}'; cat /data/f; \
                      test -c /dev/podnull && echo device; grep NoNewPrivs /proc/self/status | tr -d '\\t'; \
                      echo written > /shared/x";
        assert_eq!(
            e.ok(&["run", "--rm", "--pod", "set", &e.image, "sh", "-c", script]),
            "1\n32768\nfrom-the-host\ndevice\nNoNewPrivs:1\n"
        );
        // The anonymous volume is the pod's: another container sees what the first wrote.
        assert_eq!(e.ok(&["run", "--rm", "--pod", "set", &e.image, "cat", "/shared/x"]), "written\n");
        // A container's own --shm-size: the pod shares its /dev/shm with its IPC
        // namespace, so it keeps the pod's size (Podman's way).
        assert_eq!(
            e.ok(&["run", "--rm", "--pod", "set", "--shm-size", "8m", &e.image, "df", "-k", "/dev/shm"])
                .lines()
                .last()
                .unwrap()
                .split_whitespace()
                .nth(1),
            Some("32768")
        );
        let doc: serde_json::Value = serde_json::from_str(&e.ok(&["pod", "inspect", "set"])).unwrap();
        assert_eq!(doc["Labels"], serde_json::json!({"a": "1", "b": "3"}));
        assert_eq!(doc["devices"][0]["PathInContainer"], "/dev/podnull");
        assert_eq!(doc["security_opt"], serde_json::json!(["no-new-privileges"]));
        let infra = doc["InfraContainerID"].as_str().unwrap().to_string();
        let monitor = e.inspect(&infra)["State"]["ConmonPid"].as_i64().unwrap();
        assert_eq!(std::fs::read_to_string(&pidfile).unwrap().trim(), monitor.to_string());
        let head = e.ok(&["pod", "ps", "--ns"]);
        assert!(head.lines().next().unwrap().contains("CGROUP      NAMESPACES  # OF CONTAINERS"), "{head}");

        // --volumes-from: another container's volumes in every container of the pod.
        e.ok(&[
            "run",
            "--name",
            "src",
            "--network",
            "none",
            "-v",
            "/vol",
            &e.image,
            "sh",
            "-c",
            "echo from-src > /vol/v",
        ]);
        e.ok(&["pod", "create", "--name", "vf", "--network", "none", "--volumes-from", "src:ro", "--uts", "host"]);
        let host = text(&Command::new("hostname").output().unwrap().stdout);
        let out = e.ok(&[
            "run",
            "--rm",
            "--pod",
            "vf",
            &e.image,
            "sh",
            "-c",
            "cat /vol/v; hostname; touch /vol/w || echo ro",
        ]);
        assert_eq!(out.lines().collect::<Vec<_>>(), ["from-src", host.trim(), "ro"], "{out}");
        let doc: serde_json::Value = serde_json::from_str(&e.ok(&["pod", "inspect", "vf"])).unwrap();
        assert_eq!(doc["InfraConfig"]["uts_ns"], "host");
        assert_eq!(doc["volumes_from"], serde_json::json!(["src:ro"]));

        // --infra-image: the infra container runs the image (with --infra-command).
        e.ok(&[
            "pod",
            "create",
            "--name",
            "img",
            "--network",
            "none",
            "--infra-image",
            &e.image,
            "--infra-command",
            "[\"sleep\",\"1000\"]",
        ]);
        e.ok(&["run", "-d", "--pod", "img", &e.image, "sleep", "1000"]);
        let top = e.ok(&["pod", "top", "img"]);
        assert!(top.contains("sleep 1000") && !top.contains("rpod-init"), "{top}");
        let infra = e.ok(&["pod", "inspect", "--format", "{{.InfraContainerID}}", "img"]).trim().to_string();
        assert_eq!(e.inspect(&infra)["Config"]["Entrypoint"], "sleep 1000");
        assert_eq!(e.inspect(&infra)["State"]["Status"], "running");

        // Refused, with Podman's or a clear error.
        fails(e, 125, &["pod", "create", "--infra-command", "/pause"], "--infra-command needs --infra-image");
        fails(e, 125, &["pod", "create", "--share", "cgroup"], "cannot define the pod as the cgroup parent");
        fails(e, 125, &["pod", "create", "--share", "net", "--sysctl", "kernel.shmmax=1"], "does not share its IPC");
        fails(e, 125, &["pod", "create", "--pid", "host"], "does not share its PID namespace");
        fails(e, 125, &["pod", "create", "--name", "x", "y"], "cannot specify --name and NAME");
        // The pod's limits are refused exactly where a container's are.
        let run = e.run(&["run", "--rm", "--network", "none", "--memory", "64m", &e.image, "true"]);
        let pod = e.run(&["pod", "create", "--name", "lim", "--network", "none", "--memory", "64m", "--cpus", "0.5"]);
        if run.status.success() {
            assert!(pod.status.success(), "{}", describe(&pod));
        } else {
            assert_eq!(pod.status.code(), Some(125), "{}", describe(&pod));
            assert_eq!(text(&pod.stderr), text(&run.stderr));
            assert_eq!(e.code(&["pod", "exists", "lim"]), 1);
        }

        e.ok(&["pod", "rm", "-a", "-f", "-t", "0"]);
        e.ok(&["rm", "-f", "-v", "src"]);
        assert_eq!(e.ok(&["volume", "ls", "-q"]), "", "the pod's anonymous volume goes with it");
        assert_no_leftovers(e);
    });
}

/// `create --pod POD --init-ctr always|once`, as in Podman: at `pod start`
/// the init containers run one at a time in creation order, each to its
/// end, before the pod's other containers start; a `once` one is removed
/// after it ran, an `always` one runs at every `pod start` (not at `pod
/// restart`, nor when a member is started alone); one that fails stops
/// the pod's start with Podman's error and the regular containers stay
/// down; Podman's errors for the flag; the pod's state leaves them out.
#[test]
fn init_containers_run_before_the_pod_starts() {
    each_mode("podinit", |e| {
        let img = e.image.as_str();
        // The flag's checks, Podman's messages, in its order; `run` has no --init-ctr (nor has Podman's).
        fails(e, 125, &["create", "--init-ctr", "once", img, "true"], "must specify pod value with init-ctr");
        fails(e, 125, &["container", "create", "--init-ctr", "bogus", img], "must specify pod value with init-ctr");
        let file = e.path("pod-id");
        std::fs::write(&file, "x").unwrap();
        let file_s = file.display().to_string();
        fails(e, 125, &["create", "--pod-id-file", &file_s, "--init-ctr", "once", img], "must specify pod value");
        fails(
            e,
            125,
            &["create", "--init-ctr", "bogus", "--pod", "nope", img],
            "init-ctr value must be 'always' or 'once'",
        );
        fails(e, 125, &["create", "--init-ctr", "", "--pod", "nope", img], "init-ctr value must be 'always' or 'once'");
        fails(e, 125, &["create", "--pod", "", "--init-ctr", "once", img], "init containers must be created in a pod");
        assert_eq!(e.code(&["run", "--pod", "nope", "--init-ctr", "once", img, "true"]), 125);

        // Two init containers (`once` writes a marker in a shared volume,
        // `always` appends a line once it sees it) and a regular container
        // that exits 9 unless both markers are there when it starts.
        e.ok(&["pod", "create", "--name", "ip", "--network", "none"]);
        let vol = ["-v", "initvol:/v"];
        let create = |name: &str, init: Option<&str>, script: &str| {
            let mut args = vec!["create", "--pod", "ip", "--name", name];
            if let Some(t) = init {
                args.extend(["--init-ctr", t]);
            }
            args.extend(vol);
            args.extend([img, "sh", "-c", script]);
            e.ok(&args).trim().to_string()
        };
        create("once1", Some("once"), "echo once >> /v/log");
        create("always1", Some("always"), "grep -q once /v/log && echo always >> /v/log");
        create(
            "main",
            None,
            "grep -q once /v/log && grep -q always /v/log || exit 9; echo main >> /v/log; exec sleep 1000",
        );
        let log = || e.ok(&["run", "--rm", "--network", "none", "-v", "initvol:/v", img, "cat", "/v/log"]);
        let pod_row = || e.ok(&["pod", "ps", "--filter", "name=ip", "--format", "{{.Status}} {{.NumberOfContainers}}"]);
        assert_eq!(pod_row(), "Created 4\n");

        let id = e.ok(&["pod", "start", "ip"]);
        assert_eq!(e.ok(&["pod", "inspect", "--format", "{{.Id}}", "ip"]), id);
        assert_eq!(log(), "once\nalways\nmain\n");
        assert_eq!(e.inspect("main")["State"]["Status"], "running");
        assert_eq!(e.code(&["container", "exists", "once1"]), 1, "a once init container is removed after its run");
        let always = e.inspect("always1");
        assert_eq!((&always["State"]["Status"], &always["State"]["ExitCode"]), (&"exited".into(), &0.into()));
        // The pod's state leaves its init containers out; its lists do not.
        assert_eq!(pod_row(), "Running 3\n");
        let doc: serde_json::Value = serde_json::from_str(&e.ok(&["pod", "inspect", "ip"])).unwrap();
        assert_eq!(doc["State"], "Running");
        let states: Vec<String> = doc["Containers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| format!("{}={}", c["Name"].as_str().unwrap(), c["State"].as_str().unwrap()))
            .collect();
        assert!(states.contains(&"always1=exited".to_string()) && states.len() == 3, "{states:?}");
        let ps = e.ok(&["ps", "-a", "--pod", "--filter", "pod=ip", "--format", "{{.Names}} {{.PodName}}"]);
        assert!(ps.contains("always1 ip\n") && ps.contains("main ip\n"), "{ps}");
        fails(
            e,
            125,
            &["create", "--pod", "ip", "--init-ctr", "once", img, "true"],
            "cannot add init-ctr to a running pod",
        );

        // Every pod start runs the `always` one again (a running pod's too,
        // as Podman), the `once` one never; restart and a member's own
        // start run none.
        e.ok(&["pod", "stop", "-t", "0", "ip"]);
        e.ok(&["pod", "start", "ip"]);
        assert_eq!(log(), "once\nalways\nmain\nalways\nmain\n");
        e.ok(&["pod", "restart", "ip"]);
        assert_eq!(log(), "once\nalways\nmain\nalways\nmain\nmain\n");
        e.ok(&["pod", "start", "ip"]);
        assert_eq!(log(), "once\nalways\nmain\nalways\nmain\nmain\nalways\n");
        e.ok(&["pod", "stop", "-t", "0", "ip"]);
        e.ok(&["start", "main"]);
        e.wait_until("main", "running", |d| d["State"]["Status"] == "running");
        assert_eq!(log(), "once\nalways\nmain\nalways\nmain\nmain\nalways\nmain\n");

        // A failing init container: Podman's error, the next init container
        // and the regular one are not started, the failed `once` one stays.
        e.ok(&["pod", "create", "--name", "bad", "--network", "none"]);
        let made = |args: &[&str]| e.ok(&[&["create", "--pod", "bad"], args].concat()).trim().to_string();
        made(&["--name", "ok1", "--init-ctr", "always", img, "true"]);
        let failing = made(&["--name", "fail1", "--init-ctr", "once", img, "sh", "-c", "exit 3"]);
        made(&["--name", "after1", "--init-ctr", "always", img, "true"]);
        made(&["--name", "reg", img, "sleep", "1000"]);
        let out = e.run(&["pod", "start", "bad"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert_eq!(text(&out.stderr), format!("Error: init container {failing} exited with code 3\n"));
        assert_eq!(text(&out.stdout), "");
        for (name, status) in [("ok1", "exited"), ("fail1", "exited"), ("after1", "created"), ("reg", "created")] {
            assert_eq!(e.inspect(name)["State"]["Status"], status, "{name}");
        }
        assert_eq!(e.inspect("fail1")["State"]["ExitCode"], 3);
        // (Its infra container was started for the init containers, as in Podman.)
        assert_eq!(e.ok(&["pod", "ps", "--filter", "name=bad", "--format", "{{.Status}}"]), "Degraded\n");

        // A command that cannot run: the start's error, exit 125 (not 127),
        // nothing after it started. (The infra container runs: stopped
        // first, else the new init container is refused, as in Podman.)
        fails(e, 125, &["create", "--pod", "bad", "--init-ctr", "once", img], "cannot add init-ctr to a running pod");
        e.ok(&["pod", "stop", "-t", "0", "bad"]);
        e.ok(&["rm", "fail1"]);
        made(&["--name", "nf1", "--init-ctr", "once", img, "/nonexistent"]);
        let out = e.run(&["pod", "start", "bad"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("/nonexistent"), "{}", describe(&out));
        assert_eq!(e.inspect("reg")["State"]["Status"], "created");
        e.ok(&["rm", "nf1"]);
        e.ok(&["pod", "stop", "-t", "0", "bad"]);
        // An init container with --rm: its exit code still counts, it is gone after.
        made(&["--name", "rm1", "--rm", "--init-ctr", "always", img, "sh", "-c", "exit 4"]);
        let out = e.run(&["pod", "start", "bad"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("exited with code 4"), "{}", describe(&out));
        assert_eq!(e.code(&["container", "exists", "rm1"]), 1);
        assert_eq!(e.inspect("reg")["State"]["Status"], "created");
        e.ok(&["pod", "stop", "-t", "0", "bad"]);
        made(&["--name", "rm2", "--rm", "--init-ctr", "always", img, "true"]);
        e.ok(&["pod", "start", "bad"]);
        assert_eq!(e.code(&["container", "exists", "rm2"]), 1);
        assert_eq!(e.inspect("after1")["State"]["Status"], "exited");
        assert_eq!(e.inspect("reg")["State"]["Status"], "running");

        e.ok(&["pod", "rm", "-f", "-t", "0", "ip", "bad"]);
        e.ok(&["volume", "rm", "initvol"]);
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "");
        assert_no_leftovers(e);
    });
}

/// `pod create --uidmap` (root: host IDs; rootless: IDs of the user's
/// namespace) and `--userns keep-id` (rootless): the infra container has
/// the user namespace and every container of the pod joins it — the same
/// namespace and maps, each with a PID namespace of its own inside it, its
/// image's files root's, what it writes owned by the mapped IDs on the
/// host; a container's own --userns or maps are refused with Podman's
/// errors; the pod's stop and start make a new namespace all join again.
#[test]
fn a_pod_shares_its_user_namespace() {
    let bed = rpod_testbed::bed::Bed::get();
    let (subuid, subgid) = (bed.sub_start("/etc/subuid"), bed.sub_start("/etc/subgid"));
    each_mode("pods-userns", |e| {
        let out = e.path("out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::set_permissions(&out, std::os::unix::fs::PermissionsExt::from_mode(0o777)).unwrap();
        let bind = format!("{}:/out", out.display());
        let (from, host_ids) = match e.mode {
            Mode::Root => (100000u32, (100000u32, 100000u32)),
            Mode::Rootless => (1, (subuid, subgid)),
        };
        let map = format!("0:{from}:5000");
        e.ok(&["pod", "create", "--name", "up", "--uidmap", &map]);
        let doc: serde_json::Value = serde_json::from_str(&e.ok(&["pod", "inspect", "up"])).unwrap();
        assert_eq!(doc["InfraConfig"]["userns"], "private", "{:?}", e.mode);
        assert_eq!(doc["SharedNamespaces"], serde_json::json!(["ipc", "net", "user", "uts"]));
        let infra = doc["InfraContainerID"].as_str().unwrap().to_string();

        e.ok(&["run", "-d", "--pod", "up", "--name", "a", "-v", &bind, &e.image, "sleep", "600"]);
        e.ok(&["run", "-d", "--pod", "up", "--name", "b", &e.image, "sleep", "600"]);
        let pid = |name: &str| e.inspect(name)["State"]["Pid"].as_i64().unwrap();
        let check_joined = || {
            let (a, b, i) = (pid("a"), pid("b"), pid(&infra));
            for kind in ["user", "net", "ipc", "uts"] {
                assert_eq!(ns(a, kind), ns(i, kind), "{:?} {kind}", e.mode);
                assert_eq!(ns(b, kind), ns(i, kind), "{:?} {kind}", e.mode);
            }
            assert_ne!(ns(a, "user"), ns(std::process::id() as i64, "user"), "{:?}", e.mode);
            assert_ne!(ns(a, "pid"), ns(b, "pid"), "{:?}: each its own PID namespace", e.mode);
            let maps = |p: i64| std::fs::read_to_string(format!("/proc/{p}/uid_map")).unwrap();
            assert_eq!(maps(a), maps(i), "{:?}", e.mode);
        };
        check_joined();
        // POSIX shared memory: the infra container's /dev/shm, for both.
        e.ok(&["exec", "a", "sh", "-c", "echo from-a > /dev/shm/u"]);
        assert_eq!(e.ok(&["exec", "b", "cat", "/dev/shm/u"]), "from-a\n", "{:?}", e.mode);
        // Inside: the pod's maps, root, the image's files root's, PID 1.
        let script =
            "tr -s ' ' < /proc/self/uid_map; tr -s ' ' < /proc/self/gid_map; id -u; stat -c %u:%g /bin/busybox; \
                      tr '\\0' ' ' < /proc/1/cmdline; echo; touch /out/f";
        let got = e.ok(&["exec", "a", "sh", "-c", script]);
        let want_map = format!("0 {from} 5000");
        let lines: Vec<&str> = got.lines().map(str::trim).collect();
        assert_eq!(lines, [&want_map, &want_map, "0", "0:0", "sleep 600"], "{:?}: {got}", e.mode);
        let m = std::fs::metadata(out.join("f")).unwrap();
        assert_eq!((m.uid(), m.gid()), host_ids, "{:?}: the bind's new file on the host", e.mode);
        assert_eq!(e.ok(&["run", "--rm", "--pod", "up", &e.image, "sh", "-c", "echo $$"]), "1\n");
        let host_config = &e.inspect("a")["HostConfig"];
        assert_eq!(host_config["UsernsMode"], format!("container:{infra}"));
        assert_eq!(host_config["IDMappings"]["UidMap"], serde_json::json!([format!("0:{from}:5000")]));

        // A container of the pod takes the pod's user namespace (Podman's errors).
        fails(
            e,
            125,
            &["create", "--pod", "up", "--userns", "host", &e.image],
            "--userns and --pod cannot be set together",
        );
        fails(e, 125, &["create", "--pod", "up", "--uidmap", "0:1:1", &e.image], "cannot specify a new uid/gid map");
        fails(e, 125, &["pod", "create", "--uidmap", &map, "--userns", "keep-id"], "cannot be used with --userns");
        fails(e, 125, &["pod", "create", "--infra=false", "--uidmap", &map], "needs an infra container");
        fails(e, 125, &["pod", "create", "--share", "user"], "--share user");

        // Stopped and started: a new namespace, joined by all again.
        e.ok(&["pod", "stop", "-t", "0", "up"]);
        e.ok(&["pod", "start", "up"]);
        check_joined();
        e.ok(&["pod", "rm", "-f", "-t", "0", "up"]);
        assert_no_leftovers(e);

        // Namespaces the pod does not share are the container's own, made
        // inside the pod's user namespace (its network too: pasta or a bridge).
        e.ok(&["pod", "create", "--name", "un", "--share", "ipc", "--uidmap", &map]);
        e.ok(&["run", "-d", "--pod", "un", "--name", "c", &e.image, "sleep", "600"]);
        let got = e.ok(&["exec", "c", "sh", "-c", "id -u; ip -o link | grep -c ' lo:'"]);
        assert_eq!(got, "0\n1\n", "{:?}", e.mode);
        let infra = e.ok(&["pod", "inspect", "--format", "{{.InfraContainerID}}", "un"]).trim().to_string();
        let (c, i) = (pid("c"), pid(&infra));
        assert_eq!(ns(c, "user"), ns(i, "user"), "{:?}", e.mode);
        assert_eq!(ns(c, "ipc"), ns(i, "ipc"), "{:?}", e.mode);
        for kind in ["net", "uts", "pid"] {
            assert_ne!(ns(c, kind), ns(i, kind), "{:?} {kind}", e.mode);
        }
        e.ok(&["pod", "rm", "-f", "-t", "0", "un"]);

        // On a user-defined network (its namespace netavark's as root, or
        // in the rootless network namespace: not owned by the pod's user
        // namespace, joined before it), the infra container from an image.
        e.ok(&["network", "create", "upnet"]);
        let infra_cmd = "[\"sleep\",\"1000\"]";
        let pod_args =
            ["--network", "upnet", "--uidmap", &map, "--infra-image", &e.image, "--infra-command", infra_cmd];
        e.ok(&[&["pod", "create", "--name", "un2"][..], &pod_args].concat());
        e.ok(&["run", "-d", "--pod", "un2", "--name", "d", &e.image, "sleep", "600"]);
        let got = e.ok(&["exec", "d", "sh", "-c", "id -u; ip -o -4 addr show eth0 | grep -c 'inet 10.89'"]);
        assert_eq!(got, "0\n1\n", "{:?}", e.mode);
        let infra = e.ok(&["pod", "inspect", "--format", "{{.InfraContainerID}}", "un2"]).trim().to_string();
        let (d, i) = (pid("d"), pid(&infra));
        for kind in ["user", "net", "ipc", "uts"] {
            assert_eq!(ns(d, kind), ns(i, kind), "{:?} {kind}", e.mode);
        }
        let maps = e.ok(&["exec", &infra, "sh", "-c", "tr -s ' ' < /proc/self/uid_map"]);
        assert_eq!(maps.trim(), want_map, "{:?}: the infra container's own maps", e.mode);
        e.ok(&["pod", "rm", "-f", "-t", "0", "un2"]);
        e.ok(&["network", "rm", "upnet"]);

        // keep-id: the caller's own IDs inside (rootless only, as Podman).
        match e.mode {
            Mode::Root => {
                fails(e, 125, &["pod", "create", "--userns", "keep-id"], "keep-id is only supported in rootless mode")
            }
            Mode::Rootless => {
                e.ok(&["pod", "create", "--name", "kp", "--userns", "keep-id"]);
                let got =
                    e.ok(&["run", "--rm", "--pod", "kp", "-v", &bind, &e.image, "sh", "-c", "id -u; touch /out/k"]);
                assert_eq!(got, format!("{}\n", bed.test_uid));
                assert_eq!(std::fs::metadata(out.join("k")).unwrap().uid(), bed.test_uid);
                e.ok(&["create", "--pod", "kp", "--name", "km", &e.image, "true"]);
                let host_config = &e.inspect("km")["HostConfig"];
                assert!(host_config["UsernsMode"].as_str().unwrap().starts_with("container:"), "{host_config}");
                assert_eq!(host_config["IDMappings"]["UidMap"][1], format!("{}:0:1", bed.test_uid), "{host_config}");
                e.ok(&["pod", "rm", "-f", "-t", "0", "kp"]);
            }
        }
        assert_eq!(e.ok(&["pod", "ps", "-q"]), "");
        assert_no_leftovers(e);
    });
}

/// The size column of `df -k /dev/shm` (busybox: `shm 2048 0 2048 0% /dev/shm`).
fn shm_kib(df: &str) -> &str {
    df.lines().find(|l| l.ends_with(" /dev/shm")).and_then(|l| l.split_whitespace().nth(1)).unwrap_or_default()
}

/// POSIX shared memory (`shm_open`) lives in /dev/shm: the containers of a
/// pod that shares its IPC namespace share the infra container's /dev/shm
/// (Podman binds the infra's shm tmpfs into each), of `pod create
/// --shm-size`; so does a container run with `--ipc container:X`; a
/// member's own --shm-size is ignored (Podman takes it too), with a
/// warning; a pod that does not share IPC gives each its own, of the pod's
/// size; `--ipc host` is the host's, and takes no size (Podman's error).
#[test]
fn containers_that_share_ipc_share_dev_shm() {
    each_mode("pods-shm", |e| {
        e.ok(&["pod", "create", "--name", "shm", "--network", "none", "--shm-size", "2m"]);
        e.ok(&["run", "-d", "--pod", "shm", "--name", "w", &e.image, "sleep", "600"]);
        e.ok(&["exec", "w", "sh", "-c", "echo from-w > /dev/shm/f"]);
        let script = "cat /dev/shm/f; echo from-r > /dev/shm/g; df -k /dev/shm";
        let got = e.ok(&["run", "--rm", "--pod", "shm", &e.image, "sh", "-c", script]);
        assert_eq!(got.lines().next(), Some("from-w"), "{:?}: {got}", e.mode);
        assert_eq!(shm_kib(&got), "2048", "{:?}: {got}", e.mode);
        assert_eq!(e.ok(&["exec", "w", "cat", "/dev/shm/g"]), "from-r\n", "{:?}", e.mode);
        let infra = e.ok(&["pod", "inspect", "--format", "{{.InfraContainerID}}", "shm"]).trim().to_string();
        let infra_pid = e.inspect(&infra)["State"]["Pid"].as_i64().unwrap();
        let in_infra = std::fs::read_to_string(format!("/proc/{infra_pid}/root/dev/shm/f")).unwrap();
        assert_eq!(in_infra, "from-w\n", "{:?}: the infra container's own /dev/shm", e.mode);

        // --ipc container:X: X's /dev/shm (here a member's: the pod's).
        let script = "cat /dev/shm/g; df -k /dev/shm; echo from-j > /dev/shm/h";
        let got = e.ok(&["run", "--rm", "--network", "none", "--ipc", "container:w", &e.image, "sh", "-c", script]);
        assert_eq!(got.lines().next(), Some("from-r"), "{:?}: {got}", e.mode);
        assert_eq!(shm_kib(&got), "2048", "{:?}: {got}", e.mode);
        assert_eq!(e.ok(&["exec", "w", "cat", "/dev/shm/h"]), "from-j\n", "{:?}", e.mode);
        e.ok(&["run", "-d", "--network", "none", "--name", "solo", "--shm-size", "3m", &e.image, "sleep", "600"]);
        e.ok(&["exec", "solo", "sh", "-c", "echo from-solo > /dev/shm/s"]);
        let got = e.ok(&[
            "run",
            "--rm",
            "--network",
            "none",
            "--ipc",
            "container:solo",
            &e.image,
            "sh",
            "-c",
            "cat /dev/shm/s; df -k /dev/shm",
        ]);
        assert_eq!((got.lines().next(), shm_kib(&got)), (Some("from-solo"), "3072"), "{:?}: {got}", e.mode);

        // A member's own --shm-size: the pod's /dev/shm all the same.
        let args =
            ["run", "--rm", "--pod", "shm", "--shm-size", "4m", &e.image, "sh", "-c", "cat /dev/shm/f; df -k /dev/shm"];
        let out = e.run(&args);
        assert!(out.status.success(), "{:?}\n{}", e.mode, describe(&out));
        assert_eq!((text(&out.stdout).lines().next(), shm_kib(&text(&out.stdout))), (Some("from-w"), "2048"));
        assert!(text(&out.stderr).contains("--shm-size is ignored"), "{:?}\n{}", e.mode, describe(&out));

        // Not running: started first (as Podman).
        e.ok(&["create", "--network", "none", "--name", "later", &e.image, "sleep", "600"]);
        let args = ["run", "--rm", "--network", "none", "--ipc", "container:later", &e.image, "df", "-k", "/dev/shm"];
        assert_eq!(shm_kib(&e.ok(&args)), "65536", "{:?}", e.mode);
        assert_eq!(e.inspect("later")["State"]["Status"], "running");
        let args = ["run", "--rm", "--network", "none", "--ipc", "container:nope", &e.image, "true"];
        fails(e, 125, &args, "looking up container to share ipc namespace with");

        // A pod that does not share its IPC namespace: each its own /dev/shm, of the pod's size.
        e.ok(&["pod", "create", "--name", "own", "--network", "none", "--share", "net", "--shm-size", "2m"]);
        e.ok(&["run", "-d", "--pod", "own", "--name", "o", &e.image, "sleep", "600"]);
        e.ok(&["exec", "o", "touch", "/dev/shm/mine"]);
        let got = e.ok(&["run", "--rm", "--pod", "own", &e.image, "sh", "-c", "ls /dev/shm; df -k /dev/shm"]);
        assert!(!got.contains("mine") && shm_kib(&got) == "2048", "{:?}: {got}", e.mode);

        // --ipc host: the host's /dev/shm (and /dev/mqueue, where the host
        // has one: this host may not), and no size of its own.
        {
            let name = format!("rpod-test-shm-{}", std::process::id());
            let host_file = Path::new("/dev/shm").join(&name);
            std::fs::write(&host_file, "host\n").unwrap();
            std::fs::set_permissions(&host_file, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
            let shown = format!("/dev/shm/{name}");
            let got = e.run(&["run", "--rm", "--network", "none", "--ipc", "host", &e.image, "cat", &shown]);
            std::fs::remove_file(&host_file).unwrap();
            assert_eq!(text(&got.stdout), "host\n", "{:?}\n{}", e.mode, describe(&got));
        }
        let args = ["run", "--rm", "--ipc", "host", "--shm-size", "2m", &e.image, "true"];
        fails(e, 125, &args, "cannot set shmsize when running in the {host } IPC Namespace");

        e.ok(&["rm", "-f", "-t", "0", "solo", "later"]);
        e.ok(&["pod", "rm", "-f", "-t", "0", "shm", "own"]);
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "");
        assert_no_leftovers(e);
    });
}
