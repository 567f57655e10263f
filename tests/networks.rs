//! User-defined networks: `network create/ls/inspect/exists/rm/prune`,
//! containers on them finding each other by name, alias and short ID
//! through aardvark-dns and talking over TCP, `network connect` and
//! `disconnect` on running containers, `reload`, and the faults (aardvark-dns
//! or a monitor killed with -9) that must not block the next run. Nothing
//! (bridges, firewall rules, aardvark-dns, netns mounts, address
//! reservations, config files) is left after `rm -a -f` and `network
//! prune -f`. Each test has its own network config dir, bridge names and
//! subnets (other runs of the suite share the machine). Rootless, the
//! networks live in the rootless network namespace (its holder, pasta,
//! aardvark-dns): it goes with the last container, and a holder killed
//! with -9 is replaced by the next run.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use rpod_testbed::engine::{each_mode, processes_mentioning, Eng, Mode};

/// An engine with its own network config dir.
struct Nets<'a> {
    e: &'a Eng,
    dir: String,
    /// `10.A.B`: this test's /24s are `10.A.B` and `10.A.(B+1)`.
    prefix: (u32, u32),
    tag: String,
    num: u32,
}

impl<'a> Nets<'a> {
    fn new(e: &'a Eng, tag: u32) -> Nets<'a> {
        let pid = std::process::id();
        let dir = e.path("networks").display().to_string();
        let prefix = (150 + (pid + tag) % 40, ((pid / 40) % 120) * 2);
        Nets { e, dir, prefix, tag: format!("{}{tag}", pid % 100_000), num: tag }
    }

    fn subnet(&self, i: u32) -> String {
        format!("10.{}.{}.0/24", self.prefix.0, self.prefix.1 + i)
    }

    fn net_prefix(&self, i: u32) -> String {
        format!("10.{}.{}.", self.prefix.0, self.prefix.1 + i)
    }

    /// Address `k` of network `i`'s IPv6 subnet (if it has one),
    /// `fd5a:P:T:i+1::k` (P from the pid, T the test's tag).
    fn ip6(&self, i: u32, k: u16) -> std::net::Ipv6Addr {
        let pid = (std::process::id() % 65536) as u16;
        std::net::Ipv6Addr::new(0xfd5a, pid, self.num as u16, i as u16 + 1, 0, 0, 0, k)
    }

    fn subnet6(&self, i: u32) -> String {
        format!("{}/64", self.ip6(i, 0))
    }

    fn bridge(&self, i: u32) -> String {
        format!("rpn{}{i}", self.tag)
    }

    fn args<'b>(&'b self, args: &[&'b str]) -> Vec<&'b str> {
        let mut a = vec!["--network-config-dir", self.dir.as_str()];
        a.extend_from_slice(args);
        a
    }

    #[track_caller]
    fn ok(&self, args: &[&str]) -> String {
        self.e.ok(&self.args(args))
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        self.e.run(&self.args(args))
    }

    /// `network create` of network `i` of this test.
    fn create(&self, name: &str, i: u32, extra: &[&str]) {
        let (subnet, bridge) = (self.subnet(i), self.bridge(i));
        let mut a = vec!["network", "create", "--subnet", &subnet, "--interface-name", &bridge];
        a.extend_from_slice(extra);
        a.push(name);
        assert_eq!(self.ok(&a), format!("{name}\n"));
    }

    /// Runs container `name` on `network` (with `extra` flags) answering
    /// `reply` on TCP port 7000; its ID.
    #[track_caller]
    fn serve(&self, name: &str, network: &str, extra: &[&str], reply: &str) -> String {
        let script = format!("while true; do echo {reply} | nc -l -p 7000; done");
        let mut a = vec!["run", "-d", "--name", name, "--network", network];
        a.extend_from_slice(extra);
        a.extend([self.e.image.as_str(), "sh", "-c", &script]);
        self.ok(&a).trim().to_string()
    }

    fn aardvarks(&self) -> Vec<String> {
        processes_mentioning(&format!("{}/networks/aardvark-dns", self.e.path("run").display()))
            .into_iter()
            .filter(|p| p.contains("aardvark-dns --config"))
            .collect()
    }

    /// Runs `script` in a new container on `network` until it succeeds
    /// (name resolution and servers take a moment), returns its output.
    #[track_caller]
    fn from(&self, network: &str, script: &str) -> String {
        let img = self.e.image.clone();
        let wrapped = format!("for i in $(seq 50); do out=$( {script} ) && break; sleep 0.2; done; echo \"$out\"");
        self.ok(&["run", "--rm", "--network", network, &img, "sh", "-c", &wrapped])
    }

    /// Nothing of networks `0..n` is left on the host.
    #[track_caller]
    fn assert_gone(&self, n: u32) {
        let start = Instant::now();
        loop {
            let mut left = Vec::new();
            for i in 0..n {
                if Command::new("ip").args(["link", "show", &self.bridge(i)]).output().unwrap().status.success() {
                    left.push(format!("bridge {}", self.bridge(i)));
                }
                for (cmd, t) in
                    [("iptables", "filter"), ("iptables", "nat"), ("ip6tables", "filter"), ("ip6tables", "nat")]
                {
                    let out = Command::new(cmd).args(["-t", t, "-S"]).output().unwrap();
                    let rules = String::from_utf8_lossy(&out.stdout).into_owned();
                    left.extend(
                        rules
                            .lines()
                            .filter(|l| {
                                l.contains(&self.net_prefix(i))
                                    || l.contains(&self.subnet6(i))
                                    || l.contains(&self.bridge(i))
                            })
                            .map(str::to_string),
                    );
                }
                if Path::new(&format!("/run/rpod-networks/ipam/{}", self.bridge(i))).exists() {
                    left.push(format!("address reservations of {}", self.bridge(i)));
                }
            }
            let mounts = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
            left.extend(mounts.lines().filter(|l| l.contains(self.e.dir.path().to_str().unwrap())).map(str::to_string));
            left.extend(self.aardvarks());
            // Rootless: the rootless network namespace's holder and pastas.
            let run = self.e.path("run");
            left.extend(processes_mentioning(&run.join("rootless-netns").display().to_string()));
            left.extend(
                processes_mentioning(&run.join("networks").display().to_string())
                    .into_iter()
                    .filter(|p| p.contains("pasta")),
            );
            if run.join("rootless-netns").exists() {
                left.push("the rootless network namespace's directory".into());
            }
            let files: Vec<String> = std::fs::read_dir(&self.dir)
                .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
                .unwrap_or_default();
            left.extend(files.into_iter().filter(|f| f.ends_with(".json")));
            if left.is_empty() {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "left behind: {left:#?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn network_definitions() {
    each_mode("networks", |e| {
        let n = Nets::new(e, 1);
        n.create("n1", 0, &["--label", "team=a", "-o", "mtu=1400"]);
        let again = n.run(&["network", "create", "n1"]);
        assert_eq!(again.status.code(), Some(125));
        let err = String::from_utf8_lossy(&again.stderr);
        assert!(err.contains("network name n1 already used: network already exists"), "{err}");
        assert_eq!(n.ok(&["network", "create", "--ignore", "n1"]), "n1\n");
        // The file is Podman's, five-space indented.
        let file = std::fs::read_to_string(Path::new(&n.dir).join("n1.json")).unwrap();
        assert!(file.starts_with("{\n     \"name\": \"n1\",\n"), "{file}");
        let v: serde_json::Value = serde_json::from_str(&n.ok(&["network", "inspect", "n1"])).unwrap();
        let net = &v[0];
        assert_eq!(net["subnets"][0]["subnet"], n.subnet(0));
        assert_eq!(net["subnets"][0]["gateway"], format!("{}1", n.net_prefix(0)));
        assert_eq!(net["network_interface"], n.bridge(0));
        assert_eq!(net["dns_enabled"], true);
        assert_eq!(net["labels"]["team"], "a");
        assert_eq!(net["options"]["mtu"], "1400");
        // An automatic subnet overlaps none and no route of the host.
        assert_eq!(n.ok(&["network", "create", "auto"]), "auto\n");
        let auto = n.ok(&["network", "inspect", "--format", "{{range .Subnets}}{{.Subnet}}{{end}}", "auto"]);
        assert!(auto.starts_with("10.") && auto.trim().ends_with("/24"), "{auto}");
        assert_ne!(auto.trim(), n.subnet(0));
        let taken = n.run(&["network", "create", "--subnet", &n.subnet(0), "dup"]);
        assert_eq!(taken.status.code(), Some(125), "{taken:?}");

        assert_eq!(n.e.code(&n.args(&["network", "exists", "n1"])), 0);
        assert_eq!(n.e.code(&n.args(&["network", "exists", "nope"])), 1);
        assert_eq!(n.ok(&["network", "ls", "-q", "--filter", "label=team=a"]), "n1\n");
        assert_eq!(n.ok(&["network", "ls", "-q", "--filter", "label!=team=a"]), "auto\npodman\n");
        assert_eq!(n.ok(&["network", "ls", "-q", "--filter", "dangling=true"]), "auto\nn1\n");
        let bad = n.run(&["network", "create", "-o", "bogus=1", "x"]);
        assert_eq!(bad.status.code(), Some(125));
        assert!(!Path::new(&n.dir).join("x.json").exists(), "nothing half-written");
        assert_eq!(n.e.code(&n.args(&["network", "rm", "podman"])), 125, "the default network stays");
        assert_eq!(n.e.code(&n.args(&["network", "rm", "nope"])), 1);
        assert_eq!(n.ok(&["network", "rm", "auto"]), "auto\n");
        assert_eq!(n.ok(&["network", "prune", "-f", "--filter", "label=team=b"]), "");
        assert_eq!(n.ok(&["network", "prune", "-f"]), "n1\n");
        assert_eq!(n.ok(&["network", "ls", "-q"]), "podman\n");

        // Two creates of one name at once: one wins, one is told.
        let mut kids: Vec<_> = (0..2)
            .map(|_| {
                let mut c = n.e.cmd(&n.args(&["network", "create", "--subnet", &n.subnet(5), "race"]));
                c.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
                c.spawn().unwrap()
            })
            .collect();
        let outs: Vec<_> = kids.drain(..).map(|k| k.wait_with_output().unwrap()).collect();
        let won = outs.iter().filter(|o| o.status.success()).count();
        assert_eq!(won, 1, "{outs:?}");
        let lost = outs.iter().find(|o| !o.status.success()).unwrap();
        assert!(String::from_utf8_lossy(&lost.stderr).contains("network name race already used"), "{lost:?}");
        n.ok(&["network", "rm", "race"]);
    });
}

#[test]
fn containers_find_each_other_by_name_and_alias() {
    each_mode("networks", |e| {
        let n = Nets::new(e, 2);
        let img = n.e.image.clone();
        n.create("n1", 0, &[]);
        n.create("n2", 1, &[]);
        let id = n.serve("srv", "n1", &["--network-alias", "db"], "hello");
        assert_eq!(n.aardvarks().len(), 1, "aardvark-dns started with the first container on a network with DNS");
        for name in ["srv", "db", &id[..12]] {
            let got = n.from("n1", &format!("nc {name} 7000"));
            assert_eq!(got, "hello\n", "by {name}");
        }
        let resolv = n.ok(&["run", "--rm", "--network", "n1", &img, "cat", "/etc/resolv.conf"]);
        assert!(resolv.contains(&format!("nameserver {}1\n", n.net_prefix(0))), "{resolv}");
        assert!(resolv.contains("search dns.podman"), "{resolv}");
        let v = n.e.inspect("srv");
        let on = &v["NetworkSettings"]["Networks"]["n1"];
        assert_eq!(on["Gateway"], format!("{}1", n.net_prefix(0)), "{on:#}");
        assert!(on["IPAddress"].as_str().unwrap().starts_with(&n.net_prefix(0)), "{on:#}");
        assert_eq!(on["Aliases"], serde_json::json!(["db", &id[..12]]));
        assert_eq!(n.ok(&["ps", "--filter", "network=n1", "--format", "{{.Names}}"]), "srv\n");
        assert_eq!(n.ok(&["ps", "--filter", "network=n2", "--format", "{{.Names}}"]), "");

        // Several networks at once.
        let two = n.ok(&["run", "--rm", "--network", "n1", "--network", "n2", &img, "ls", "/sys/class/net"]);
        assert_eq!(two, "eth0\neth1\nlo\n");

        // connect and disconnect a running container.
        n.ok(&["run", "-d", "--name", "other", "--network", "n2", &img, "sleep", "1000"]);
        n.ok(&["network", "connect", "--alias", "friend", "n2", "srv"]);
        assert_eq!(n.ok(&["exec", "srv", "ls", "/sys/class/net"]), "eth0\neth1\nlo\n");
        let got =
            n.ok(&["exec", "other", "sh", "-c", "for i in $(seq 50); do nc friend 7000 && break; sleep 0.2; done"]);
        assert_eq!(got, "hello\n");
        let v = n.e.inspect("srv");
        assert!(v["NetworkSettings"]["Networks"]["n2"]["IPAddress"].as_str().unwrap().starts_with(&n.net_prefix(1)));
        assert_eq!(n.ok(&["ps", "--filter", "network=n2", "--format", "{{.Names}}"]), "other\nsrv\n");
        let twice = n.run(&["network", "connect", "n2", "srv"]);
        assert_eq!(twice.status.code(), Some(125));
        // reload: the same addresses again.
        assert_eq!(n.ok(&["network", "reload", "srv"]).trim(), id);
        assert_eq!(
            n.e.inspect("srv")["NetworkSettings"]["Networks"]["n2"]["IPAddress"],
            v["NetworkSettings"]["Networks"]["n2"]["IPAddress"]
        );
        n.ok(&["network", "disconnect", "n2", "srv"]);
        assert_eq!(n.ok(&["exec", "srv", "ls", "/sys/class/net"]), "eth0\nlo\n");
        let events = n.ok(&[
            "events",
            "--stream=false",
            "--filter",
            "network=n2",
            "--format",
            "{{.Status}} {{.ID}} {{.Network}}",
        ]);
        assert_eq!(events, format!("connect {id} n2\ndisconnect {id} n2\n"));
        let gone = n.run(&["exec", "other", "nslookup", "friend"]);
        assert!(!gone.status.success(), "{gone:?}");
        // Stopped and started again, it is on n1 only.
        n.ok(&["stop", "-t", "0", "srv"]);
        n.ok(&["start", "srv"]);
        assert_eq!(n.ok(&["exec", "srv", "ls", "/sys/class/net"]), "eth0\nlo\n");

        // A network in use is removed with its containers only by force.
        let used = n.run(&["network", "rm", "n1"]);
        assert_eq!(used.status.code(), Some(2), "{used:?}");
        assert!(String::from_utf8_lossy(&used.stderr).contains("network is being used"));
        assert_eq!(n.ok(&["network", "rm", "-f", "-t", "0", "n1"]), "n1\n");
        assert_eq!(n.e.code(&["container", "exists", "srv"]), 1);
        n.ok(&["rm", "-f", "-a"]);
        assert_eq!(n.ok(&["network", "prune", "-f"]), "n2\n");
        n.assert_gone(2);
    });
}

#[test]
fn killed_helpers_do_not_block_the_next_run() {
    each_mode("networks", |e| {
        let n = Nets::new(e, 3);
        let img = n.e.image.clone();
        n.create("k1", 0, &[]);
        n.ok(&[
            "run",
            "-d",
            "--name",
            "srv",
            "--network",
            "k1",
            &img,
            "sh",
            "-c",
            "while true; do echo hi | nc -l -p 7000; done",
        ]);
        // aardvark-dns killed: the next container on the network starts
        // another, which knows every container.
        let pid: i32 = n.aardvarks()[0].split(':').next().unwrap().parse().unwrap();
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL).unwrap();
        assert_eq!(n.from("k1", "nc srv 7000"), "hi\n");
        assert_eq!(n.aardvarks().len(), 1);

        // The monitor killed: the next command tears its network down, and
        // it starts again under its name.
        let id = n.ok(&["inspect", "--format", "{{.Id}}", "srv"]).trim().to_string();
        let monitors: Vec<i32> = processes_mentioning(&id)
            .iter()
            .filter(|p| p.contains("__monitor"))
            .filter_map(|p| p.split(':').next()?.parse().ok())
            .collect();
        assert_eq!(monitors.len(), 1);
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(monitors[0]), nix::sys::signal::Signal::SIGKILL).unwrap();
        let start = Instant::now();
        while !n.ok(&["ps", "-a", "--format", "{{.Status}}"]).starts_with("Exited") {
            assert!(start.elapsed() < Duration::from_secs(10));
            std::thread::sleep(Duration::from_millis(100));
        }
        n.ok(&["start", "srv"]);
        assert_eq!(n.from("k1", "nc srv 7000"), "hi\n");
        n.ok(&["rm", "-f", "-a"]);
        // The last container gone, aardvark-dns goes.
        let start = Instant::now();
        while !n.aardvarks().is_empty() {
            assert!(start.elapsed() < Duration::from_secs(10), "{:?}", n.aardvarks());
            std::thread::sleep(Duration::from_millis(100));
        }
        assert_eq!(n.ok(&["network", "prune", "-f"]), "k1\n");
        n.assert_gone(1);
    });
}

/// A free port on the host's loopback (for a moment).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// What the server at 127.0.0.1:`port` says, retried while it comes up.
#[track_caller]
fn read_port(port: u16) -> String {
    use std::io::Read;
    let start = Instant::now();
    loop {
        let mut got = String::new();
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let _ = s.read_to_string(&mut got);
            if !got.is_empty() {
                return got;
            }
        }
        assert!(start.elapsed() < Duration::from_secs(20), "nothing from 127.0.0.1:{port}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn published_ports_on_a_user_network_and_network_rm_of_a_pod() {
    each_mode("networks", |e| {
        let n = Nets::new(e, 5);
        let img = n.e.image.clone();
        n.create("p1", 0, &[]);
        let port = free_port();
        let publish = format!("127.0.0.1:{port}:80");
        n.ok(&[
            "run",
            "-d",
            "--name",
            "web",
            "--network",
            "p1",
            "-p",
            &publish,
            &img,
            "sh",
            "-c",
            "while true; do echo web | nc -l -p 80; done",
        ]);
        assert_eq!(read_port(port), "web\n");
        // The other containers on the network reach it by name too.
        assert_eq!(n.from("p1", "nc web 80"), "web\n");
        n.ok(&["rm", "-f", "-t", "0", "web"]);
        assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err(), "the port is closed with its container");

        // A pod on the network: its containers serve its published port.
        let port = free_port();
        let publish = format!("127.0.0.1:{port}:8080");
        n.ok(&["pod", "create", "--name", "pp", "--network", "p1", "-p", &publish]);
        n.ok(&["run", "-d", "--pod", "pp", &img, "sh", "-c", "while true; do echo pod | nc -l -p 8080; done"]);
        assert_eq!(read_port(port), "pod\n");
        // `network rm -f` removes the pod whose infra is on the network
        // (with its containers), and the other containers on it.
        n.ok(&["run", "-d", "--name", "solo", "--network", "p1", &img, "sleep", "1000"]);
        assert_eq!(n.ok(&["network", "rm", "-f", "-t", "0", "p1"]), "p1\n");
        assert_eq!(n.e.code(&["pod", "exists", "pp"]), 1);
        assert_eq!(n.ok(&["ps", "-a", "-q"]), "", "the pod's containers and solo are gone");
        assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
        n.assert_gone(1);
    });
}

/// A network namespace of the test's own, joined to the host by a veth
/// pair on a /30 (`host`, `peer`): a client whose address is not the
/// host's loopback. Removed (with the pair) on drop.
struct Client {
    name: String,
    host: String,
}

impl Client {
    fn new(tag: &str, net: &str) -> Client {
        let name = format!("rpc{tag}");
        let (host, peer) = (format!("{net}1"), format!("{net}2"));
        let sh = |script: &str| {
            let out = Command::new("sh").args(["-ec", script]).output().unwrap();
            assert!(out.status.success(), "{script}: {out:?}");
        };
        let _ = Command::new("ip").args(["netns", "del", &name]).output();
        sh(&format!(
            "ip netns add {name}; ip link add {name}h type veth peer name {name}n; ip link set {name}n netns {name}; \
             ip addr add {host}/30 dev {name}h; ip link set {name}h up; \
             ip netns exec {name} ip addr add {peer}/30 dev {name}n; ip netns exec {name} ip link set {name}n up"
        ));
        Client { name, host }
    }

    /// Sends `hello` to the host's `port` from the namespace, then reads
    /// what comes back (retried while the server comes up).
    #[track_caller]
    fn ask(&self, port: u16) -> String {
        let script = format!("exec 3<>/dev/tcp/{}/{port}; echo hello >&3; timeout 5 cat <&3", self.host);
        let start = Instant::now();
        loop {
            let out = Command::new("ip").args(["netns", "exec", &self.name, "bash", "-c", &script]).output().unwrap();
            let got = String::from_utf8_lossy(&out.stdout).into_owned();
            if !got.is_empty() || start.elapsed() > Duration::from_secs(20) {
                return got;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.name]).output();
    }
}

/// A port published on a user network serves clients on other addresses
/// than the host's loopback too (rootless: rpod's forwarder, Podman's
/// rootlessport), and the host's loopback still; it closes with the
/// container.
#[test]
fn published_ports_on_a_user_network_serve_other_addresses() {
    each_mode("networks", |e| {
        let n = Nets::new(e, 8);
        let img = n.e.image.clone();
        n.create("o1", 0, &[]);
        let client = Client::new(&n.tag, &n.net_prefix(1));
        let port = free_port();
        let publish = format!("{port}:80");
        let serve = "while true; do nc -l -p 80 -e sh -c 'read x; echo got $x'; done";
        n.ok(&["run", "-d", "--name", "web", "--network", "o1", "-p", &publish, &img, "sh", "-c", serve]);
        assert_eq!(client.ask(port), "got hello\n");
        assert_eq!(client.ask(port), "got hello\n", "again: the forwarding outlives a client");
        // From the host's loopback as well (retried a moment: as root,
        // other runs' netavark may be rewriting the shared firewall chains).
        let local = || -> std::io::Result<String> {
            let mut s = std::net::TcpStream::connect(("127.0.0.1", port))?;
            s.set_read_timeout(Some(Duration::from_secs(5)))?;
            std::io::Write::write_all(&mut s, b"local\n")?;
            let mut got = String::new();
            std::io::Read::read_to_string(&mut s, &mut got)?;
            Ok(got)
        };
        let start = Instant::now();
        let got = loop {
            match local() {
                Ok(got) if !got.is_empty() => break got,
                other if start.elapsed() > Duration::from_secs(10) => {
                    panic!("{:?}: 127.0.0.1:{port}: {other:?}", n.e.mode)
                }
                _ => std::thread::sleep(Duration::from_millis(200)),
            }
        };
        assert_eq!(got, "got local\n");
        n.ok(&["rm", "-f", "-t", "0", "web"]);
        assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err(), "the port is closed with its container");
        assert!(
            processes_mentioning(&format!("__port-forward tcp:[::]:{port}")).is_empty(),
            "the forwarder went with the container"
        );
        assert_eq!(n.ok(&["network", "prune", "-f"]), "o1\n");
        n.assert_gone(1);
    });
}

#[test]
fn a_killed_rootless_netns_holder_is_replaced() {
    let e = Eng::new(Mode::Rootless, "networks");
    let n = Nets::new(&e, 6);
    let img = n.e.image.clone();
    n.create("h1", 0, &[]);
    let serve = ["sh", "-c", "while true; do echo up | nc -l -p 7000; done"];
    let mut args = vec!["run", "-d", "--name", "a", "--network", "h1", &img];
    args.extend(serve);
    n.ok(&args);
    let record = std::fs::read_to_string(n.e.path("run/rootless-netns/holder")).unwrap();
    let holder: i32 = record.split_whitespace().next().unwrap().parse().unwrap();
    assert!(processes_mentioning("__rootless-netns").iter().any(|p| p.starts_with(&format!("{holder}:"))));
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(holder), nix::sys::signal::Signal::SIGKILL).unwrap();
    // The next run makes a new namespace; a container there finds another.
    let mut args = vec!["run", "-d", "--name", "b", "--network", "h1", &img];
    args.extend(serve);
    n.ok(&args);
    let again = std::fs::read_to_string(n.e.path("run/rootless-netns/holder")).unwrap();
    assert_ne!(again, record, "a new holder");
    assert_eq!(n.from("h1", "nc b 7000"), "up\n");
    assert_eq!(n.aardvarks().len(), 1, "{:?}", n.aardvarks());
    // The container of the old namespace is removed cleanly, and with the
    // last one the namespace goes.
    n.ok(&["rm", "-f", "-t", "0", "a"]);
    n.ok(&["rm", "-f", "-t", "0", "b"]);
    assert_eq!(n.ok(&["network", "prune", "-f"]), "h1\n");
    n.assert_gone(1);
}

/// `unshare --rootless-netns`: a command in the rootless network namespace
/// (the holder's, made if need be) reaches a container by its address on a
/// user network, as Podman's does.
#[test]
fn unshare_rootless_netns_reaches_containers_by_address() {
    let e = Eng::new(Mode::Rootless, "networks");
    let n = Nets::new(&e, 7);
    let img = n.e.image.clone();
    n.create("u1", 0, &[]);
    n.ok(&[
        "run",
        "-d",
        "--name",
        "a",
        "--network",
        "u1",
        &img,
        "sh",
        "-c",
        "while true; do echo up | nc -l -p 7000; done",
    ]);
    let ip = n.e.inspect("a")["NetworkSettings"]["Networks"]["u1"]["IPAddress"].as_str().unwrap().to_string();
    let record = std::fs::read_to_string(n.e.path("run/rootless-netns/holder")).unwrap();
    let holder = record.split_whitespace().next().unwrap().to_string();
    let script = format!(
        "readlink /proc/self/ns/net; for i in $(seq 50); do exec 3<>/dev/tcp/{ip}/7000 && cat <&3 && break; sleep 0.2; done"
    );
    let out = n.ok(&["unshare", "--rootless-netns", "bash", "-c", &script]);
    let holder_ns = n.ok(&["unshare", "readlink", &format!("/proc/{holder}/ns/net")]);
    assert_eq!(out, format!("{holder_ns}up\n"), "the holder's namespace, and the container answers");
    // Without it, the address is not reachable (the host has no route to it).
    let plain = n.ok(&["unshare", "readlink", "/proc/self/ns/net"]);
    assert_ne!(plain, holder_ns);
    // A command that is not there: nsenter's 127, as without the flag.
    let out = n.run(&["unshare", "--rootless-netns", "no-such-command-here"]);
    assert_eq!(out.status.code(), Some(127), "{out:?}");
    n.ok(&["rm", "-f", "-t", "0", "a"]);
    assert_eq!(n.ok(&["network", "prune", "-f"]), "u1\n");
    n.assert_gone(1);
}

/// A DNS server on the host's loopback answering every A query with
/// 192.0.2.77 (the upstream aardvark-dns forwards unknown names to).
fn fake_resolver(addr: &str) {
    let sock = std::net::UdpSocket::bind((addr, 53)).unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 512];
        while let Ok((n, from)) = sock.recv_from(&mut buf) {
            let q = &buf[..n];
            let mut end = 12;
            while end < n && q[end] != 0 {
                end += 1 + q[end] as usize;
            }
            end += 5;
            if end > n {
                continue;
            }
            let mut r = Vec::from(&q[..2]);
            r.extend_from_slice(&[0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0]);
            r.extend_from_slice(&q[12..end]);
            r.extend_from_slice(&[0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 77]);
            let _ = sock.send_to(&r, from);
        }
    });
}

#[test]
fn external_names_resolve_through_aardvark() {
    let e = Eng::new(Mode::Root, "networks");
    let n = Nets::new(&e, 4);
    let upstream = format!("127.{}.{}.53", n.prefix.0, n.prefix.1);
    fake_resolver(&upstream);
    n.create("ext", 0, &["--dns", &upstream]);
    let v: serde_json::Value = serde_json::from_str(&n.ok(&["network", "inspect", "ext"])).unwrap();
    assert_eq!(v[0]["network_dns_servers"], serde_json::json!([upstream]));
    let got = n.from("ext", "nslookup example.test | grep -A1 '^Name:'");
    assert!(got.contains("example.test") && got.contains("192.0.2.77"), "{got}");
    assert_eq!(n.ok(&["network", "rm", "ext"]), "ext\n");
    n.assert_gone(1);
}

/// `/proc/net/if_inet6`'s form of an address (32 hex digits).
fn if_inet6(ip: std::net::Ipv6Addr) -> String {
    ip.segments().iter().map(|s| format!("{s:04x}")).collect()
}

/// A dual-stack network: every container gets an IPv4 and an IPv6
/// address (one per subnet), aardvark-dns answers AAAA, containers talk
/// over IPv6; `--ip6` pins the IPv6 address on `run`, `network connect`
/// and `pod create` (Podman's errors when it is taken, outside the
/// network's subnets or given with several networks).
#[test]
fn dual_stack_networks_and_ip6() {
    each_mode("networks", |e| {
        let n = Nets::new(e, 9);
        let img = n.e.image.clone();
        let subnet6 = n.subnet6(0);
        n.create("n6", 0, &["--subnet", &subnet6]);
        n.create("n4", 1, &[]);
        let v: serde_json::Value = serde_json::from_str(&n.ok(&["network", "inspect", "n6"])).unwrap();
        assert_eq!(v[0]["ipv6_enabled"], true, "{v:#}");
        let fixed = n.ip6(0, 0x50);
        let fixed_s = fixed.to_string();
        let id = n.serve("srv", "n6", &["--ip6", &fixed_s], "six");
        n.ok(&["run", "-d", "--name", "cli", "--network", "n6", &img, "sleep", "1000"]);
        // Both have an address of each family, in inspect and inside.
        for name in ["srv", "cli"] {
            let v = n.e.inspect(name);
            let on = &v["NetworkSettings"]["Networks"]["n6"];
            assert!(on["IPAddress"].as_str().unwrap().starts_with(&n.net_prefix(0)), "{on:#}");
            assert_eq!(on["IPPrefixLen"], 24, "{on:#}");
            assert_eq!(on["IPv6Gateway"], n.ip6(0, 1).to_string(), "{on:#}");
            assert_eq!(on["GlobalIPv6PrefixLen"], 64, "{on:#}");
            let ip6: std::net::Ipv6Addr = on["GlobalIPv6Address"].as_str().unwrap().parse().unwrap();
            assert_eq!(v["NetworkSettings"]["GlobalIPv6Address"], ip6.to_string());
            assert_eq!(ip6.segments()[..4], n.ip6(0, 0).segments()[..4], "{on:#}");
            if name == "srv" {
                assert_eq!(ip6, fixed, "--ip6 pins the address");
            }
            let inside = n.ok(&["exec", name, "cat", "/proc/net/if_inet6"]);
            assert!(inside.lines().any(|l| l.starts_with(&if_inet6(ip6)) && l.ends_with("eth0")), "{inside}");
            let addrs = n.ok(&["exec", name, "ip", "addr", "show", "eth0"]);
            assert!(addrs.contains(&format!("inet6 {ip6}/64 scope global")), "{addrs}");
            assert!(addrs.contains(&format!("inet {}", on["IPAddress"].as_str().unwrap())), "{addrs}");
        }
        // By name over IPv6: aardvark-dns answers AAAA with srv's address,
        // and TCP to it reaches srv.
        let script = "a=$(nslookup -type=AAAA srv | sed -n '/^Name:/,$ s/^Address: *//p'); \
                      for i in $(seq 50); do out=$(nc $a 7000) && [ -n \"$out\" ] && break; sleep 0.2; done; \
                      echo \"$a $out\"";
        assert_eq!(n.ok(&["exec", "cli", "sh", "-c", script]), format!("{fixed} six\n"));

        // The address taken: Podman's IPAM error.
        let taken = n.run(&["run", "--rm", "--network", "n6", "--ip6", &fixed_s, &img, "true"]);
        assert_eq!(taken.status.code(), Some(125), "{taken:?}");
        let err = String::from_utf8_lossy(&taken.stderr);
        assert!(
            err.contains(&format!(
                "IPAM error: requested ip address {fixed} is already allocated to container ID {id}"
            )),
            "{err}"
        );
        // Not in the network's subnets (n4 is IPv4 only): Podman's message.
        let other = n.ip6(0, 0x51).to_string();
        let outside = n.run(&["run", "--rm", "--network", "n4", "--ip6", &other, &img, "true"]);
        assert_eq!(outside.status.code(), Some(125), "{outside:?}");
        let err = String::from_utf8_lossy(&outside.stderr);
        assert!(err.contains(&format!("requested static ip {other} not in any subnet on network n4")), "{err}");
        // Several networks, or an IPv4 address: refused at create.
        let several = n.run(&["create", "--network", "n4", "--network", "n6", "--ip6", &other, &img]);
        assert_eq!(several.status.code(), Some(125), "{several:?}");
        assert!(
            String::from_utf8_lossy(&several.stderr).contains("--ip6 can only be set for a single network"),
            "{several:?}"
        );
        let v4 = format!("{}9", n.net_prefix(0));
        assert_eq!(n.e.code(&n.args(&["create", "--network", "n6", "--ip6", &v4, &img])), 125);
        assert_eq!(n.ok(&["ps", "-a", "--format", "{{.Names}}"]), "cli\nsrv\n", "nothing created by the refusals");
        // --ip and --ip6 together.
        let both4 = format!("{}60", n.net_prefix(0));
        let both6 = n.ip6(0, 0x60);
        let out = n.ok(&[
            "run",
            "--rm",
            "--network",
            "n6",
            "--ip",
            &both4,
            "--ip6",
            &both6.to_string(),
            &img,
            "ip",
            "addr",
            "show",
            "eth0",
        ]);
        assert!(out.contains(&format!("inet {both4}/24")) && out.contains(&format!("inet6 {both6}/64")), "{out}");

        // network connect --ip6 on a running container.
        n.ok(&["run", "-d", "--name", "late", "--network", "n4", &img, "sleep", "1000"]);
        let late6 = n.ip6(0, 0x70);
        let busy = n.run(&["network", "connect", "--ip6", &fixed_s, "n6", "late"]);
        assert_eq!(busy.status.code(), Some(125), "{busy:?}");
        assert!(String::from_utf8_lossy(&busy.stderr).contains("is already allocated to container ID"), "{busy:?}");
        n.ok(&["network", "connect", "--ip6", &late6.to_string(), "n6", "late"]);
        let eth1 = n.ok(&["exec", "late", "ip", "addr", "show", "eth1"]);
        assert!(
            eth1.contains(&format!("inet6 {late6}/64")) && eth1.contains(&format!("inet {}", n.net_prefix(0))),
            "{eth1}"
        );
        let on = &n.e.inspect("late")["NetworkSettings"]["Networks"];
        assert_eq!(on["n6"]["GlobalIPv6Address"], late6.to_string(), "{on:#}");
        assert_eq!(on["n4"]["GlobalIPv6Address"], "", "{on:#}");
        let script = format!(
            "for i in $(seq 50); do out=$(nc {fixed} 7000) && [ -n \"$out\" ] && break; sleep 0.2; done; echo $out"
        );
        assert_eq!(n.ok(&["exec", "late", "sh", "-c", &script]), "six\n");
        n.ok(&["network", "disconnect", "n6", "late"]);

        // pod create --ip6: the infra has it, so the pod's containers.
        let pod6 = n.ip6(0, 0x80);
        n.ok(&["pod", "create", "--name", "p6", "--network", "n6", "--ip6", &pod6.to_string()]);
        n.ok(&["run", "-d", "--pod", "p6", "--name", "member", &img, "sleep", "1000"]);
        let inside = n.ok(&["exec", "member", "cat", "/proc/net/if_inet6"]);
        assert!(inside.lines().any(|l| l.starts_with(&if_inet6(pod6))), "{inside}");
        let twice = n.run(&["pod", "create", "--name", "p7", "--network", "n6", "--network", "n4", "--ip6", &other]);
        assert_eq!(twice.status.code(), Some(125), "{twice:?}");

        n.ok(&["pod", "rm", "-a", "-f", "-t", "0"]);
        n.ok(&["rm", "-a", "-f", "-t", "0"]);
        assert_eq!(n.ok(&["network", "prune", "-f"]), "n4\nn6\n");
        n.assert_gone(2);
    });
}

/// `network connect`/`disconnect` of a running container change what it
/// sees of names at once, as Podman 4.3 does: the network's name server
/// first in its /etc/resolv.conf and its address with the container's
/// names in its /etc/hosts, and both gone again after `disconnect`; the
/// user's `--dns`, `--no-hosts` and mounted files are left alone.
#[test]
fn connect_updates_resolv_conf_and_hosts_of_running_containers() {
    each_mode("networks", |e| {
        let n = Nets::new(e, 10);
        let img = n.e.image.clone();
        n.create("n1", 0, &[]);
        n.create("n2", 1, &[]);
        let (gw1, gw2) = (format!("{}1", n.net_prefix(0)), format!("{}1", n.net_prefix(1)));
        n.serve("b", "n2", &[], "from-b");
        let user_resolv = n.e.path("user-resolv.conf");
        std::fs::write(&user_resolv, "nameserver 192.0.2.77\n").unwrap();
        let mount = format!("{}:/etc/resolv.conf", user_resolv.display());
        for (name, extra) in [
            ("a", vec![]),
            ("c", vec!["--dns", "192.0.2.9", "--add-host", "foo:1.2.3.4"]),
            ("d", vec!["--no-hosts"]),
            ("u", vec!["-v", mount.as_str()]),
        ] {
            let mut args = vec!["run", "-d", "--name", name, "--network", "n1"];
            args.extend(extra);
            args.extend([img.as_str(), "sleep", "1000"]);
            n.ok(&args);
        }
        // s shares a's network namespace: its files follow a's networks.
        n.ok(&["run", "-d", "--name", "s", "--network", "container:a", &img, "sleep", "1000"]);
        let cat = |c: &str, f: &str| n.ok(&["exec", c, "sh", "-c", &format!("cat {f} 2>&1; true")]);
        let files = |c: &str| (cat(c, "/etc/resolv.conf"), cat(c, "/etc/hosts"));
        let before: Vec<(String, String)> = ["a", "c", "d", "u", "s"].iter().map(|c| files(c)).collect();
        for i in [0, 2, 4] {
            assert!(before[i].0.contains(&format!("nameserver {gw1}\n")), "{}", before[i].0);
        }
        assert!(!before[0].0.contains(&gw2), "{}", before[0].0);
        let lookup = "for i in $(seq 50); do nslookup b >/dev/null 2>&1 && nc b 7000 && break; sleep 0.2; done";
        assert_eq!(n.ok(&["exec", "a", "sh", "-c", "nslookup b >/dev/null 2>&1 || echo no"]), "no\n");

        for c in ["a", "c", "d", "u"] {
            n.ok(&["network", "connect", "n2", c]);
        }
        let ip2 = |c: &str| n.ok(&["inspect", "--format", "{{(index .NetworkSettings.Networks \"n2\").IPAddress}}", c]);
        let host = |c: &str| n.ok(&["inspect", "--format", "{{.Config.Hostname}}", c]).trim().to_string();
        // a: n2's server first (Podman's resolvconf.Add), its n2 address
        // with its names appended to /etc/hosts (as Podman 4.3 measured).
        let (resolv, hosts) = files("a");
        let first = format!("nameserver {gw1}\n");
        assert_eq!(resolv, before[0].0.replacen(&first, &format!("nameserver {gw2}\n{first}"), 1));
        assert_eq!(hosts, format!("{}{}\t{} a\n", before[0].1, ip2("a").trim(), host("a")));
        // Without a restart, a finds b by name through n2's aardvark-dns.
        assert_eq!(n.ok(&["exec", "a", "sh", "-c", lookup]), "from-b\n");
        // c: --dns is the user's: resolv.conf as it was; hosts as a's.
        let (resolv, hosts) = files("c");
        assert_eq!(resolv, "nameserver 192.0.2.9\n");
        assert_eq!(resolv, before[1].0);
        assert!(hosts.starts_with("1.2.3.4\tfoo\n"), "{hosts}");
        assert_eq!(hosts, format!("{}{}\t{} c\n", before[1].1, ip2("c").trim(), host("c")));
        // d: --no-hosts: the image's /etc/hosts untouched; resolv.conf as a's.
        let (resolv, hosts) = files("d");
        assert_eq!(hosts, before[2].1);
        assert_eq!(resolv, before[2].0.replacen(&first, &format!("nameserver {gw2}\n{first}"), 1));
        // s: as a, with its own names (as it got at start).
        let (resolv, hosts) = files("s");
        assert_eq!(resolv, before[4].0.replacen(&first, &format!("nameserver {gw2}\n{first}"), 1));
        assert_eq!(hosts, format!("{}{}\t{} s\n", before[4].1, ip2("a").trim(), host("s")));
        assert_eq!(n.ok(&["exec", "s", "sh", "-c", lookup]), "from-b\n");
        // u: the user's mounted resolv.conf untouched.
        assert_eq!(files("u").0, "nameserver 192.0.2.77\n");
        assert_eq!(std::fs::read_to_string(&user_resolv).unwrap(), "nameserver 192.0.2.77\n");

        for c in ["a", "c", "d", "u"] {
            n.ok(&["network", "disconnect", "n2", c]);
        }
        // As before the connect: n2's server and the n2 entry gone.
        let after: Vec<(String, String)> = ["a", "c", "d", "u", "s"].iter().map(|c| files(c)).collect();
        assert_eq!(after, before);
        assert_eq!(n.ok(&["exec", "a", "sh", "-c", "nslookup b >/dev/null 2>&1 || echo no"]), "no\n");
        // The same container connected again gets them back.
        n.ok(&["network", "connect", "n2", "a"]);
        assert_eq!(n.ok(&["exec", "a", "sh", "-c", lookup]), "from-b\n");

        n.ok(&["rm", "-f", "-a", "-t", "0"]);
        assert_eq!(n.ok(&["network", "prune", "-f"]), "n1\nn2\n");
        n.assert_gone(2);
    });
}
