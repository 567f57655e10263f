//! Container networking through the CLI, rootless and as root: the
//! `--network` modes, published ports (`-p`, `-P`, `--expose`) and how
//! `port`, `ps` and `inspect` report them. Traffic goes only to 127.0.0.1
//! and into namespaces the tests create.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use rpod_testbed::bed::{describe, text};
use rpod_testbed::engine::{each_mode, processes_mentioning, Eng, Mode};

/// Fails with exit 125 and a message containing `needle`.
#[track_caller]
fn fails(n: &Eng, args: &[&str], needle: &str) {
    let out = n.run(args);
    assert_eq!(out.status.code(), Some(125), "{:?} rpod {args:?}\n{}", n.mode, describe(&out));
    assert!(text(&out.stderr).contains(needle), "{:?} rpod {args:?}: wanted {needle:?}\n{}", n.mode, describe(&out));
}

/// The inode of a network namespace file as `readlink` shows it: `net:[N]`.
fn netns_of(path: &Path) -> String {
    use std::os::unix::fs::MetadataExt;
    format!("net:[{}]", std::fs::metadata(path).unwrap().ino())
}

#[test]
fn network_modes() {
    let host_ns = netns_of(Path::new("/proc/self/ns/net"));
    each_mode("net-modes", |n| {
        let ns = |args: &[&str]| {
            let mut a = vec!["run", "--rm"];
            a.extend(args);
            a.extend([n.image.as_str(), "readlink", "/proc/self/ns/net"]);
            n.ok(&a).trim().to_string()
        };
        // none and private: a namespace of its own with only loopback.
        for mode in ["none", "private"] {
            assert_ne!(ns(&["--network", mode]), host_ns, "{mode}");
            let links = n.ok(&["run", "--rm", "--network", mode, &n.image, "ls", "/sys/class/net"]);
            assert_eq!(links, "lo\n", "{mode}");
        }
        // host: the host's namespace.
        assert_eq!(ns(&["--network", "host"]), host_ns);
        assert_eq!(ns(&["--net=host"]), host_ns);
        // container:NAME joins the other container's namespace.
        n.ok(&["run", "-d", "--name", "first", "--network", "none", &n.image, "sleep", "1000"]);
        let first = n.ok(&["exec", "first", "readlink", "/proc/self/ns/net"]).trim().to_string();
        assert_ne!(first, host_ns);
        assert_eq!(ns(&["--network", "container:first"]), first);
        let doc = n.inspect("first");
        let id = doc["Id"].as_str().unwrap();
        n.ok(&["create", "--name", "second", "--network", "container:first", &n.image, "true"]);
        assert_eq!(n.inspect("second")["HostConfig"]["NetworkMode"], format!("container:{id}"));
        assert_eq!(n.inspect("first")["HostConfig"]["NetworkMode"], "none");
        // ns:PATH joins a namespace file: the first container's, by its PID.
        let pid = doc["State"]["Pid"].as_i64().unwrap();
        assert_eq!(ns(&["--network", &format!("ns:/proc/{pid}/ns/net")]), first);
        n.ok(&["rm", "-f", "-t", "0", "second", "first"]);
        // Bad values: a clear error, exit 125, nothing created.
        fails(n, &["create", "--network", "container:nosuch", &n.image], "nosuch");
        fails(n, &["create", "--network", "ns:/nonexistent/ns", &n.image], "/nonexistent/ns");
        fails(n, &["create", "--network", "ns:relative", &n.image], "absolute");
        fails(n, &["create", "--network", "none:x", &n.image], "takes no options");
        fails(n, &["create", "--network", "host", "--network", "none", &n.image], "more than once");
        fails(n, &["create", "--network", "slirp4netns:bogus=1", &n.image], "bogus");
        // Ports need a network the host can forward to.
        fails(n, &["create", "--network", "none", "-p", "8080:80", &n.image], "cannot be published");
        fails(n, &["create", "--network", "host", "-p", "8080:80", &n.image], "cannot be published");
        fails(n, &["create", "--network", "none", "-p", "8080:0", &n.image], "port numbers");
        fails(n, &["create", "--network", "none", "-p", "8000-8005:80", &n.image], "same length");
        fails(n, &["create", "--network", "none", "--expose", "x", &n.image], "--expose x");
        assert_eq!(n.ok(&["ps", "-aq"]), "");
    });
}

/// A TCP port on 127.0.0.1 that is free right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// pasta processes serving containers of this engine (their PID file is in
/// the engine's run directory).
fn pastas(e: &Eng) -> Vec<String> {
    let run = e.dir.path().join("run").display().to_string();
    processes_mentioning(&run).into_iter().filter(|p| p.contains("--config-net")).collect()
}

#[track_caller]
fn wait_for(what: &str, cond: impl Fn() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(start.elapsed() < Duration::from_secs(10), "never: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
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

const HTTPD: &str = "mkdir -p /www && echo hello-web > /www/index.html && exec httpd -f -p 80 -h /www";

/// Rootless containers get pasta by default: the host's 127.0.0.1 through
/// host.containers.internal, published ports from the host, `port`, `ps`
/// and `inspect` showing them, a busy port failing cleanly, and no pasta
/// left after `rm` or after the monitor was killed.
#[test]
fn rootless_pasta_ports_and_the_host() {
    let e = Eng::new(Mode::Rootless, "net-pasta");
    // A service on the host's loopback, reached from the container.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let host_port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (mut c, _) = listener.accept().unwrap();
        c.write_all(b"hello-host\n").unwrap();
    });
    // nc's input stays open (a FIFO it never gets EOF from): Debian 12's pasta
    // (2023-03 snapshot) mishandles a connection the container half-closes
    // first, as nc does at once with its input at EOF; it then often never
    // passes the host's FIN on and, about once in 20 runs, delivers the host's
    // data over and over (measured with pasta and busybox nc alone, no rpod).
    // With the input open, nc ends on the host's close.
    let nc = format!("mkfifo /tmp/in && exec 3<>/tmp/in && timeout 5 nc host.containers.internal {host_port} <&3");
    let out = e.ok(&["run", "--rm", &e.image, "sh", "-c", &nc]);
    assert_eq!(out, "hello-host\n");
    server.join().unwrap();
    // The container has the host's addresses copied by pasta.
    let addrs = e.ok(&["run", "--rm", &e.image, "ip", "-o", "-4", "addr"]);
    assert!(addrs.lines().count() >= 2, "loopback and pasta's interface: {addrs}");

    // A published port serves the host.
    let port = free_port();
    let publish = format!("127.0.0.1:{port}:80");
    e.ok(&["run", "-d", "--name", "web", "-p", &publish, &e.image, "sh", "-c", HTTPD]);
    assert_eq!(curl(port), "hello-web\n");
    assert_eq!(e.ok(&["port", "web"]), format!("80/tcp -> 127.0.0.1:{port}\n"));
    assert_eq!(e.ok(&["port", "web", "80/tcp"]), format!("127.0.0.1:{port}\n"));
    assert_eq!(e.ok(&["ps", "--format", "{{.Ports}}"]), format!("127.0.0.1:{port}->80/tcp\n"));
    let doc = e.inspect("web");
    assert_eq!(doc["HostConfig"]["NetworkMode"], "pasta");
    assert_eq!(doc["NetworkSettings"]["Ports"]["80/tcp"][0]["HostPort"], port.to_string());
    assert_eq!(doc["HostConfig"]["PortBindings"]["80/tcp"][0]["HostIp"], "127.0.0.1");
    assert_eq!(pastas(&e).len(), 1, "{:?}", pastas(&e));

    // The same host port again: a clear error, exit 125, nothing running.
    let out = e.run(&["run", "-d", "--name", "busy", "-p", &publish, &e.image, "sleep", "100"]);
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    assert!(text(&out.stderr).contains("in use"), "{}", describe(&out));
    assert_ne!(e.inspect("busy")["State"]["Status"], "running");
    assert_eq!(pastas(&e).len(), 1, "{:?}", pastas(&e));
    assert_eq!(curl(port), "hello-web\n", "the first container still serves");

    // -P: the image's and --expose's ports on random host ports.
    e.ok(&["run", "-d", "--name", "all", "-P", "--expose", "80", &e.image, "sh", "-c", HTTPD]);
    let mapped = e.ok(&["port", "all", "80"]);
    let random: u16 = mapped.trim().rsplit(':').next().unwrap().parse().unwrap();
    assert_eq!(curl(random), "hello-web\n");

    // rm: pasta goes with the container.
    e.ok(&["rm", "-f", "-t", "0", "web", "all", "busy"]);
    wait_for("no pasta after rm", || pastas(&e).is_empty());

    // kill -9 of the monitor: pasta goes too (it dies with its parent).
    e.ok(&["run", "-d", "--name", "k", "-p", &publish, &e.image, "sleep", "1000"]);
    assert_eq!(pastas(&e).len(), 1);
    let monitor = e.inspect("k")["State"]["ConmonPid"].as_i64().unwrap();
    assert!(monitor > 0);
    Command::new("kill").args(["-9", &monitor.to_string()]).status().unwrap();
    wait_for("no pasta after kill -9 of the monitor", || pastas(&e).is_empty());
    // The host port is free again.
    wait_for("the port free again", || std::net::TcpListener::bind(("127.0.0.1", port)).is_ok());
    e.ok(&["rm", "-f", "k"]);
}

/// `--network pasta:OPTIONS` passes options on (rootless); as root
/// `--network pasta` is refused with the reason.
#[test]
fn pasta_options_and_root() {
    let e = Eng::new(Mode::Rootless, "net-pasta-opts");
    let links = e.ok(&["run", "--rm", "--network", "pasta:-I,pnet0", &e.image, "ls", "/sys/class/net"]);
    assert_eq!(links, "lo\npnet0\n");
    fails(&e, &["create", "--network", "pasta:--netns,/x", &e.image], "rpod sets this option");
    assert!(pastas(&e).is_empty());
    let r = Eng::new(Mode::Root, "net-pasta-root");
    fails(&r, &["create", "--network", "pasta", &r.image], "rootless");
}
