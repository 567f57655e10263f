//! Bridge networks as root, through netavark: the default network, two
//! containers talking over it, a published port served to the host's
//! 127.0.0.1, `--ip`/`--mac-address`, name resolution, and nothing left
//! (bridge, veths, firewall rules, netns mounts, address reservations)
//! after `rm` or after the monitor is killed. Each test has its own network
//! config dir with its own bridge name and subnet (other runs of the suite
//! share the machine).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use rpod_testbed::engine::{processes_mentioning, Eng, Mode};

/// A root engine whose default network `podman` is this test's own.
struct Net {
    e: Eng,
    dir: String,
    bridge: String,
    /// `10.A.B`, the /24's first three octets.
    prefix: String,
}

impl Net {
    fn new(tag: u32) -> Net {
        let e = Eng::new(Mode::Root, "bridge");
        let pid = std::process::id();
        let bridge = format!("rpb{}{tag}", pid % 1_000_000);
        let prefix = format!("10.{}.{}", 200 + (pid + tag) % 50, (pid / 50) % 256);
        let dir = e.path("networks").display().to_string();
        std::fs::create_dir_all(&dir).unwrap();
        let def = serde_json::json!({
            "name": "podman", "id": "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9",
            "driver": "bridge", "network_interface": bridge, "created": "2026-01-01T00:00:00Z",
            "subnets": [{"subnet": format!("{prefix}.0/24"), "gateway": format!("{prefix}.1")}],
            "ipv6_enabled": false, "internal": false, "dns_enabled": false,
            "ipam_options": {"driver": "host-local"},
        });
        std::fs::write(Path::new(&dir).join("podman.json"), def.to_string()).unwrap();
        Net { e, dir, bridge, prefix }
    }

    fn args<'a>(&'a self, args: &[&'a str]) -> Vec<&'a str> {
        let mut a = vec!["--network-config-dir", self.dir.as_str()];
        a.extend_from_slice(args);
        a
    }

    #[track_caller]
    fn ok(&self, args: &[&str]) -> String {
        self.e.ok(&self.args(args))
    }

    fn ip_of(&self, name: &str) -> String {
        self.ok(&["inspect", "--format", "{{.NetworkSettings.IPAddress}}", name]).trim().to_string()
    }

    /// Nothing of the network is left on the host.
    #[track_caller]
    fn assert_gone(&self) {
        let start = Instant::now();
        loop {
            let link = Command::new("ip").args(["link", "show", &self.bridge]).output().unwrap();
            let rules = [("filter", "-S"), ("nat", "-S")]
                .iter()
                .map(|(t, f)| {
                    String::from_utf8_lossy(&Command::new("iptables").args(["-t", t, f]).output().unwrap().stdout)
                        .into_owned()
                })
                .collect::<String>();
            let ours: Vec<&str> = rules
                .lines()
                .filter(|l| l.contains(&format!("{}.", self.prefix)) || l.contains(&self.bridge))
                .collect();
            let mounts = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
            let netns: Vec<&str> = mounts.lines().filter(|l| l.contains(self.e.dir.path().to_str().unwrap())).collect();
            let ipam =
                std::fs::read_dir(format!("/run/rpod-networks/ipam/{}", self.bridge)).map(|d| d.count()).unwrap_or(0);
            if !link.status.success() && ours.is_empty() && netns.is_empty() && ipam == 0 {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "left behind: bridge {} up: {}, rules {ours:?}, mounts {netns:?}, {ipam} addresses",
                self.bridge,
                link.status.success()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn containers_talk_over_the_default_bridge_and_publish_ports() {
    let n = Net::new(1);
    let img = n.e.image.clone();
    // Two containers on the default network; one serves, the other connects.
    n.ok(&[
        "run",
        "-d",
        "--name",
        "srv",
        "--hostname",
        "server",
        &img,
        "sh",
        "-c",
        "echo hello | nc -l -p 7000; sleep 100",
    ]);
    let ip = n.ip_of("srv");
    assert!(ip.starts_with(&format!("{}.", n.prefix)), "{ip}");
    let got = n.ok(&[
        "run",
        "--rm",
        &img,
        "sh",
        "-c",
        &format!("for i in 1 2 3 4 5; do nc {ip} 7000 && break; sleep 0.2; done"),
    ]);
    assert_eq!(got, "hello\n");
    // Its files: its own address and name, the gateway as the host's.
    let hosts = n.ok(&["exec", "srv", "cat", "/etc/hosts"]);
    assert!(hosts.contains(&format!("{ip}\tserver srv\n")), "{hosts}");
    assert!(hosts.ends_with(&format!("{}.1\thost.containers.internal host.docker.internal\n", n.prefix)), "{hosts}");
    let v = n.e.inspect("srv");
    assert_eq!(v["NetworkSettings"]["Gateway"], format!("{}.1", n.prefix), "{:#}", v["NetworkSettings"]);
    assert_eq!(v["NetworkSettings"]["IPPrefixLen"], 24);
    assert_eq!(v["HostConfig"]["NetworkMode"], "bridge");
    let links = n.ok(&["exec", "srv", "ls", "/sys/class/net"]);
    assert_eq!(links, "eth0\nlo\n");

    // --ip and --mac-address.
    let fixed = format!("{}.77", n.prefix);
    let out = n.ok(&[
        "run",
        "--rm",
        "--ip",
        &fixed,
        "--mac-address",
        "92:d0:c6:0a:29:33",
        &img,
        "ip",
        "addr",
        "show",
        "eth0",
    ]);
    assert!(out.contains(&format!("inet {fixed}/24")) && out.contains("92:d0:c6:0a:29:33"), "{out}");
    let taken = n.e.run(&n.args(&["run", "--rm", "--ip", &ip, &img, "true"]));
    assert_eq!(taken.status.code(), Some(125), "{}", String::from_utf8_lossy(&taken.stderr));

    // A published port serves the host's loopback.
    n.ok(&[
        "run",
        "-d",
        "--name",
        "web",
        "-p",
        "127.0.0.1::8080",
        &img,
        "sh",
        "-c",
        "mkdir /www && echo served > /www/index.html && httpd -f -p 8080 -h /www",
    ]);
    let port = n.ok(&["port", "web", "8080"]).trim().rsplit(':').next().unwrap().to_string();
    let url = format!("http://127.0.0.1:{port}/");
    let start = Instant::now();
    let body = loop {
        let out = Command::new("curl").args(["-sf", "--max-time", "3", &url]).output().unwrap();
        if out.status.success() {
            break String::from_utf8_lossy(&out.stdout).into_owned();
        }
        assert!(start.elapsed() < Duration::from_secs(15), "curl {url}: {}", String::from_utf8_lossy(&out.stderr));
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(body, "served\n");

    n.ok(&["rm", "-f", "-a"]);
    n.assert_gone();
}

#[test]
fn a_killed_monitor_leaves_no_network_behind() {
    let n = Net::new(2);
    let img = n.e.image.clone();
    let id = n.ok(&["run", "-d", "-p", "127.0.0.1::8080", &img, "sleep", "1000"]).trim().to_string();
    let monitors: Vec<i32> = processes_mentioning(&id)
        .iter()
        .filter(|p| p.contains("__monitor"))
        .filter_map(|p| p.split(':').next()?.parse().ok())
        .collect();
    assert_eq!(monitors.len(), 1, "{:?}", processes_mentioning(&id));
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(monitors[0]), nix::sys::signal::Signal::SIGKILL).unwrap();
    // The next command notices and tears the network down.
    let start = Instant::now();
    while !n.ok(&["ps", "-a", "--format", "{{.Status}}"]).starts_with("Exited") {
        assert!(start.elapsed() < Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(100));
    }
    n.assert_gone();
    // It starts again, on a fresh network, and is removed cleanly.
    n.ok(&["start", &id]);
    assert!(n.ip_of(&id).starts_with(&format!("{}.", n.prefix)));
    n.ok(&["rm", "-f", &id]);
    n.assert_gone();
}
