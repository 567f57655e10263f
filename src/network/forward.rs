//! Published ports of rootless containers on user-defined networks: a
//! small forwarder of rpod's own, `rpod __port-forward` (shown as
//! `rpod-ports`), what Podman's rootlessport is to Podman. One per
//! container: it listens on the host's addresses the ports were published
//! on and, for each connection (each UDP peer), opens one in the rootless
//! network namespace to the same port on its loopback, where netavark's
//! DNAT sends it on to the container.
//!
//! pasta cannot carry these: a second pasta in the rootless namespace has
//! no address there of its own (the namespace's pasta has them), so only
//! its splice path works, which takes clients on the host's loopback only;
//! a client from any other address was reset (and Debian 12's pasta then
//! stopped forwarding altogether).
//!
//! The forwarder binds its listening sockets in the host's network
//! namespace, then moves into the rootless one (`setns`, fd 3): every
//! socket opened after that, by any of its threads, is opened there. It
//! says `ok` (or `error: …`) on standard output, then serves until it is
//! killed (the container's network teardown does that).

use std::io::{BufRead as _, Read as _, Write as _};
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::os::fd::{AsFd, AsRawFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{anyhow, bail, Context as _};

use super::bridge::PortMapping;

/// How long a UDP peer's flow is kept without traffic (Podman's
/// rootlessport and conntrack's UDP default are of this order).
const UDP_IDLE: Duration = Duration::from_secs(60);

/// One socket to listen on: `tcp` or `udp`, the host address and port
/// (also the port on the namespace's loopback it is carried to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listen {
    pub udp: bool,
    pub addr: SocketAddr,
}

impl Listen {
    /// As a word of `rpod __port-forward`: `tcp:ADDR:PORT`, `udp:[V6]:PORT`.
    pub fn word(&self) -> String {
        format!("{}:{}", if self.udp { "udp" } else { "tcp" }, self.addr)
    }

    pub fn parse(word: &str) -> Option<Listen> {
        let (proto, addr) = word.split_once(':')?;
        let udp = match proto {
            "tcp" => false,
            "udp" => true,
            _ => return None,
        };
        Some(Listen { udp, addr: addr.parse().ok()? })
    }
}

/// The sockets `ports` are listened on, one per port of a range. No host
/// address: every address, IPv6 and IPv4 alike (one dual-stack socket).
pub fn listens(ports: &[PortMapping]) -> anyhow::Result<Vec<Listen>> {
    let mut out = Vec::new();
    for p in ports {
        let udp = match p.protocol.as_str() {
            "tcp" => false,
            "udp" => true,
            other => bail!("-p {}/{other}: rootless, only tcp and udp ports can be published", p.container_port),
        };
        let ip = if p.host_ip.is_empty() {
            Ipv6Addr::UNSPECIFIED.into()
        } else {
            p.host_ip.parse().map_err(|_| anyhow!("-p: {:?} is not an IP address", p.host_ip))?
        };
        for i in 0..p.range.max(1) {
            let port = p.host_port.checked_add(i).ok_or_else(|| anyhow!("-p: port range beyond 65535"))?;
            out.push(Listen { udp, addr: SocketAddr::new(ip, port) });
        }
    }
    Ok(out)
}

/// Starts the forwarder of `ports` into the namespace `netns`; its PID and
/// start time once it listens on all of them. In the background, it
/// outlives this command.
pub fn start(netns: &impl AsFd, ports: &[PortMapping]) -> anyhow::Result<(i32, u64)> {
    let words: Vec<String> = listens(ports)?.iter().map(Listen::word).collect();
    let exe = std::env::current_exe().context("finding rpod's own executable")?;
    let mut cmd = Command::new(exe);
    cmd.arg0("rpod-ports")
        .arg("__port-forward")
        .args(&words)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .current_dir("/");
    crate::sys::pass_fds(&mut cmd, vec![netns.as_fd().as_raw_fd()]);
    log::debug!("starting rpod __port-forward {}", words.join(" "));
    let mut child = cmd.spawn().context("starting rpod __port-forward")?;
    let pid = child.id() as i32;
    let mut line = String::new();
    let out = child.stdout.take().expect("piped");
    let read = std::io::BufReader::new(out).read_line(&mut line);
    if read.is_err() || line.trim() != "ok" {
        let _ = child.kill();
        let _ = child.wait();
        let why = line.trim().trim_start_matches("error: ");
        bail!("forwarding the published ports: {}", if why.is_empty() { "the forwarder ended" } else { why });
    }
    // Reaped by whoever outlives it (it is not waited for).
    drop(child);
    let start = crate::procfs::process_start(pid).ok_or_else(|| anyhow!("the port forwarder {pid} is gone"))?;
    Ok((pid, start))
}

/// `rpod __port-forward WORD...` with the namespace as fd 3: listens,
/// joins the namespace, says so, serves. Never returns.
pub fn serve(listens: &[Listen]) -> ! {
    let _ = nix::unistd::setsid();
    let mut out = std::io::stdout();
    // The namespace its starter passed as fd 3 (`pass_fds`).
    let netns = std::fs::File::open("/proc/self/fd/3").context("opening the namespace passed as fd 3");
    let sockets = match netns.and_then(|n| Ok((n, bind_all(listens)?))).and_then(|(netns, s)| {
        nix::sched::setns(&netns, nix::sched::CloneFlags::CLONE_NEWNET)
            .map_err(|e| anyhow!("joining the rootless network namespace: {e}"))?;
        Ok(s)
    }) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(out, "error: {e:#}");
            std::process::exit(1);
        }
    };
    let _ = writeln!(out, "ok").and_then(|()| out.flush());
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        let _ = nix::unistd::dup2_stdout(&null);
    }
    // Threads made from here on (and their sockets) are in the namespace.
    for (listen, socket) in listens.iter().zip(sockets) {
        let target = inner(listen.addr.port());
        let _ = match socket {
            Bound::Tcp(l) => std::thread::Builder::new().spawn(move || serve_tcp(&l, target)),
            Bound::Udp(s) => std::thread::Builder::new().spawn(move || serve_udp(s, target)),
        };
    }
    loop {
        std::thread::park();
    }
}

enum Bound {
    Tcp(TcpListener),
    Udp(UdpSocket),
}

fn bind_all(listens: &[Listen]) -> anyhow::Result<Vec<Bound>> {
    listens
        .iter()
        .map(|l| {
            let bound = if l.udp {
                bind_either(l.addr, UdpSocket::bind).map(Bound::Udp)
            } else {
                bind_either(l.addr, TcpListener::bind).map(Bound::Tcp)
            };
            bound.map_err(|e| {
                let proto = if l.udp { "udp" } else { "tcp" };
                let hint =
                    if e.kind() == std::io::ErrorKind::AddrInUse { " (a published host port is in use)" } else { "" };
                anyhow!("listening on {}/{proto}: {e}{hint}", l.addr)
            })
        })
        .collect()
}

/// `[::]:PORT`, or `0.0.0.0:PORT` where the host has no IPv6.
fn bind_either<T>(addr: SocketAddr, bind: impl Fn(SocketAddr) -> std::io::Result<T>) -> std::io::Result<T> {
    match bind(addr) {
        Err(e) if addr.ip() == Ipv6Addr::UNSPECIFIED && e.raw_os_error() == Some(libc::EAFNOSUPPORT) => {
            bind(SocketAddr::new(Ipv4Addr::UNSPECIFIED.into(), addr.port()))
        }
        other => other,
    }
}

/// The port on the namespace's loopback that netavark forwards.
fn inner(port: u16) -> SocketAddr {
    SocketAddr::new(Ipv4Addr::LOCALHOST.into(), port)
}

/// Connections to `listener` carried to `target`.
fn serve_tcp(listener: &TcpListener, target: SocketAddr) {
    loop {
        match listener.accept() {
            Ok((client, _)) => {
                let _ = std::thread::Builder::new().spawn(move || carry_tcp(client, target));
            }
            // Out of descriptors or threads for a moment.
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// One connection, both ways, each half closed when its side is done.
fn carry_tcp(client: TcpStream, target: SocketAddr) {
    let Ok(server) = TcpStream::connect_timeout(&target, Duration::from_secs(10)) else { return };
    let _ = (client.set_nodelay(true), server.set_nodelay(true));
    let (Ok(c2), Ok(s2)) = (client.try_clone(), server.try_clone()) else { return };
    let up = std::thread::Builder::new().spawn(move || copy_half(&c2, &s2));
    copy_half(&server, &client);
    if let Ok(t) = up {
        let _ = t.join();
    }
}

fn copy_half(mut from: &TcpStream, mut to: &TcpStream) {
    let mut buf = vec![0u8; 128 * 1024];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if to.write_all(&buf[..n]).is_err() {
                    break;
                }
            }
        }
    }
    let _ = to.shutdown(std::net::Shutdown::Write);
}

/// Datagrams from each peer go out to `target` from a socket of that
/// peer's own (in the namespace); its answers come back from the listening
/// socket.
fn serve_udp(socket: UdpSocket, target: SocketAddr) {
    let socket = Arc::new(socket);
    let flows: Arc<Mutex<std::collections::HashMap<SocketAddr, Arc<UdpSocket>>>> = Arc::default();
    let mut buf = vec![0u8; 65536];
    loop {
        let Ok((n, peer)) = socket.recv_from(&mut buf) else { continue };
        let known = flows.lock().ok().and_then(|f| f.get(&peer).cloned());
        let flow = match known {
            Some(f) => f,
            None => {
                let Some(f) = new_flow(target) else { continue };
                let f = Arc::new(f);
                if let Ok(mut map) = flows.lock() {
                    map.insert(peer, f.clone());
                }
                let (back, flows, f2) = (socket.clone(), flows.clone(), f.clone());
                let _ = std::thread::Builder::new().spawn(move || {
                    let mut buf = vec![0u8; 65536];
                    while let Ok(n) = f2.recv(&mut buf) {
                        let _ = back.send_to(&buf[..n], peer);
                    }
                    // Idle (or failed): the flow is forgotten.
                    if let Ok(mut map) = flows.lock() {
                        map.remove(&peer);
                    }
                });
                f
            }
        };
        let _ = flow.send(&buf[..n]);
    }
}

fn new_flow(target: SocketAddr) -> Option<UdpSocket> {
    let s = UdpSocket::bind(SocketAddr::new(Ipv4Addr::UNSPECIFIED.into(), 0)).ok()?;
    s.connect(target).ok()?;
    s.set_read_timeout(Some(UDP_IDLE)).ok()?;
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pm(host_ip: &str, host_port: u16, protocol: &str, range: u16) -> PortMapping {
        PortMapping { container_port: 80, host_ip: host_ip.into(), host_port, protocol: protocol.into(), range }
    }

    #[test]
    fn ports_become_one_socket_each_and_words_read_back() {
        let l = listens(&[pm("", 8080, "tcp", 0), pm("127.0.0.1", 9000, "udp", 2), pm("::1", 53, "tcp", 1)]).unwrap();
        let words: Vec<String> = l.iter().map(Listen::word).collect();
        assert_eq!(words, ["tcp:[::]:8080", "udp:127.0.0.1:9000", "udp:127.0.0.1:9001", "tcp:[::1]:53"]);
        for (w, x) in words.iter().zip(&l) {
            assert_eq!(Listen::parse(w).as_ref(), Some(x));
        }
        assert_eq!(Listen::parse("sctp:1.2.3.4:5"), None);
        assert_eq!(Listen::parse("tcp:nothing"), None);
        assert!(listens(&[pm("", 1, "sctp", 0)]).unwrap_err().to_string().contains("only tcp and udp"));
        assert!(listens(&[pm("", 65535, "tcp", 2)]).is_err());
    }

    #[test]
    fn tcp_is_carried_both_ways_with_half_closes() {
        // The target: reads all, answers with what it read, reversed.
        let target = TcpListener::bind("127.0.0.1:0").unwrap();
        let to = target.local_addr().unwrap();
        std::thread::spawn(move || {
            for c in target.incoming().take(2) {
                let mut c = c.unwrap();
                let mut got = Vec::new();
                c.read_to_end(&mut got).unwrap();
                got.reverse();
                c.write_all(&got).unwrap();
            }
        });
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let at = listener.local_addr().unwrap();
        std::thread::spawn(move || serve_tcp(&listener, to));
        for msg in [&b"hello"[..], &vec![7u8; 3 << 20]] {
            let mut c = TcpStream::connect(at).unwrap();
            let writer = {
                let mut w = c.try_clone().unwrap();
                let msg = msg.to_vec();
                std::thread::spawn(move || {
                    w.write_all(&msg).unwrap();
                    w.shutdown(std::net::Shutdown::Write).unwrap();
                })
            };
            let mut back = Vec::new();
            c.read_to_end(&mut back).unwrap();
            writer.join().unwrap();
            let mut want = msg.to_vec();
            want.reverse();
            assert!(back == want, "{} bytes back of {}", back.len(), want.len());
        }
    }

    #[test]
    fn udp_peers_get_their_own_flows_and_answers() {
        // The target: answers each datagram with its sender's port.
        let target = UdpSocket::bind("127.0.0.1:0").unwrap();
        let to = target.local_addr().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 64];
            while let Ok((n, from)) = target.recv_from(&mut buf) {
                let answer = format!("{}:{}", String::from_utf8_lossy(&buf[..n]), from.port());
                target.send_to(answer.as_bytes(), from).unwrap();
            }
        });
        let listener = UdpSocket::bind("127.0.0.1:0").unwrap();
        let at = listener.local_addr().unwrap();
        std::thread::spawn(move || serve_udp(listener, to));
        let ask = |peer: &UdpSocket, msg: &str| -> (String, u16) {
            peer.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            peer.send_to(msg.as_bytes(), at).unwrap();
            let mut buf = [0u8; 64];
            let (n, from) = peer.recv_from(&mut buf).unwrap();
            assert_eq!(from, at, "answers come from the published address");
            let text = String::from_utf8_lossy(&buf[..n]).into_owned();
            let (m, port) = text.split_once(':').unwrap();
            (m.to_string(), port.parse().unwrap())
        };
        let (a, b) = (UdpSocket::bind("127.0.0.1:0").unwrap(), UdpSocket::bind("127.0.0.1:0").unwrap());
        let (m1, flow_a) = ask(&a, "one");
        let (m2, flow_a2) = ask(&a, "two");
        let (m3, flow_b) = ask(&b, "three");
        assert_eq!((m1.as_str(), m2.as_str(), m3.as_str()), ("one", "two", "three"));
        assert_eq!(flow_a, flow_a2, "one flow per peer");
        assert_ne!(flow_a, flow_b, "each peer its own");
    }
}
