//! Published ports (`-p/--publish`, `-P/--publish-all`, `--expose`) and
//! how `port`, `ps` and `inspect` show them (Podman 4.3's shapes).
//!
//! `-p` takes Docker's forms: `80` (a random host port), `8080:80`,
//! `127.0.0.1:8080:80`, `127.0.0.1::80`, `[::1]:8080:80`, `8080:80/udp`,
//! ranges `8000-8005:80-85` and `80-85` (random host ports). A random host
//! port is picked at create (as Podman does), so `port` and `inspect` show
//! it before the container starts.

use std::collections::BTreeMap;
use std::net::IpAddr;

use anyhow::{bail, Context as _};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// A transport protocol of a port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Proto {
    Tcp,
    Udp,
    Sctp,
}

impl Proto {
    pub fn parse(s: &str) -> anyhow::Result<Proto> {
        match s.to_ascii_lowercase().as_str() {
            "tcp" | "" => Ok(Proto::Tcp),
            "udp" => Ok(Proto::Udp),
            "sctp" => Ok(Proto::Sctp),
            _ => bail!("invalid protocol {s:?}: expected tcp, udp or sctp"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Proto::Tcp => "tcp",
            Proto::Udp => "udp",
            Proto::Sctp => "sctp",
        }
    }
}

/// One published port or range (Podman's `PortMapping`): `range`
/// consecutive host ports from `host_port` to as many container ports from
/// `container_port`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortMapping {
    /// "" = every address of the host.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub host_ip: String,
    /// 0 until a random one is picked ([`assign_random`]).
    pub host_port: u16,
    pub container_port: u16,
    pub range: u16,
    pub protocol: Proto,
    /// `-p FIRST-LAST:PORT` (Docker's form): one free host port of this
    /// range, picked at create ([`assign_random`]); never stored.
    #[serde(skip)]
    pub pick_from: Option<(u16, u16)>,
}

impl PortMapping {
    /// The host ports and the container ports it covers, pairwise.
    pub fn pairs(&self) -> impl Iterator<Item = (u16, u16)> + '_ {
        (0..self.range).map(move |i| (self.host_port.wrapping_add(i), self.container_port + i))
    }

    /// The host address as `port` and `ps` show it: `0.0.0.0` when any.
    pub fn shown_ip(&self) -> &str {
        if self.host_ip.is_empty() {
            "0.0.0.0"
        } else {
            &self.host_ip
        }
    }
}

/// `N` or `N-M` (inclusive): first port and count.
fn port_range(s: &str, what: &str, zero_ok: bool) -> anyhow::Result<(u16, u16)> {
    let num = |p: &str| -> anyhow::Result<u16> {
        let n: u16 = p.trim().parse().map_err(|_| anyhow::anyhow!("invalid {what} {s:?}"))?;
        if n == 0 && !zero_ok {
            bail!("invalid {what} {s:?}: port numbers are 1-65535");
        }
        Ok(n)
    };
    match s.split_once('-') {
        None => Ok((num(s)?, 1)),
        Some((a, b)) => {
            let (a, b) = (num(a)?, num(b)?);
            if b < a {
                bail!("invalid {what} {s:?}: the range ends before it starts");
            }
            Ok((a, b - a + 1))
        }
    }
}

/// One `-p/--publish` value.
pub fn parse_publish(spec: &str) -> anyhow::Result<PortMapping> {
    let ctx = || format!("-p {spec}");
    let (rest, proto) = match spec.rsplit_once('/') {
        Some((r, p)) => (r, Proto::parse(p).with_context(ctx)?),
        None => (spec, Proto::Tcp),
    };
    // [IPv6]:HOST:CONTAINER, IP:HOST:CONTAINER, HOST:CONTAINER, CONTAINER.
    let (ip, host, container) = if let Some(v6) = rest.strip_prefix('[') {
        let Some((ip, after)) = v6.split_once(']') else { bail!("-p {spec}: missing ']' after the IPv6 address") };
        let Some((host, container)) = after.strip_prefix(':').and_then(|a| a.split_once(':')) else {
            bail!("-p {spec}: expected [IPv6]:HOST_PORT:CONTAINER_PORT")
        };
        (ip, host, container)
    } else {
        let parts: Vec<&str> = rest.split(':').collect();
        match parts.as_slice() {
            [c] => ("", "", *c),
            [h, c] => ("", *h, *c),
            [ip, h, c] => (*ip, *h, *c),
            _ => bail!("-p {spec}: expected [IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL] (IPv6 addresses in brackets)"),
        }
    };
    if !ip.is_empty() {
        ip.parse::<IpAddr>().map_err(|_| anyhow::anyhow!("-p {spec}: invalid IP address {ip:?}"))?;
    }
    let (container_port, range) = port_range(container, "container port", false).with_context(ctx)?;
    let host_port = if host.is_empty() {
        0
    } else {
        let (h, hrange) = port_range(host, "host port", false).with_context(ctx)?;
        if hrange > 1 && range == 1 {
            // A range of host ports for one container port: one free
            // port of it, picked at create (as Docker).
            return Ok(PortMapping {
                host_ip: ip.to_string(),
                host_port: 0,
                container_port,
                range,
                protocol: proto,
                pick_from: Some((h, h + (hrange - 1))),
            });
        }
        if hrange != range {
            bail!("-p {spec}: the host port range and the container port range must have the same length (or the container port one port)");
        }
        h
    };
    if u32::from(host_port) + u32::from(range) - 1 > 65535 {
        bail!("-p {spec}: the host port range passes 65535");
    }
    Ok(PortMapping { host_ip: ip.to_string(), host_port, container_port, range, protocol: proto, pick_from: None })
}

/// `--expose` and the image's `ExposedPorts`: `80`, `80/udp`, `8000-8010/tcp`.
pub fn parse_expose(spec: &str) -> anyhow::Result<Vec<(u16, Proto)>> {
    let (ports, proto) = match spec.split_once('/') {
        Some((p, proto)) => (p, Proto::parse(proto).with_context(|| format!("--expose {spec}"))?),
        None => (spec, Proto::Tcp),
    };
    let (first, count) = port_range(ports, "port", false).with_context(|| format!("--expose {spec}"))?;
    Ok((0..count).map(|i| (first + i, proto)).collect())
}

/// The ports of a container: its mappings (from `-p`, and `-P` for every
/// exposed port not published otherwise), its exposed ports (image and
/// `--expose`), with random host ports picked. Overlapping host ports
/// are refused.
pub fn resolve(
    publish: &[String],
    publish_all: bool,
    image_exposed: &[String],
    expose: &[String],
) -> anyhow::Result<(Vec<PortMapping>, Vec<String>)> {
    let mut mappings = publish.iter().map(|p| parse_publish(p)).collect::<anyhow::Result<Vec<_>>>()?;
    let mut exposed: Vec<(u16, Proto)> = Vec::new();
    for e in image_exposed {
        // An image's odd entry is not the user's fault: skipped.
        if let Ok(p) = parse_expose(e) {
            exposed.extend(p);
        }
    }
    for e in expose {
        exposed.extend(parse_expose(e)?);
    }
    exposed.sort();
    exposed.dedup();
    if publish_all {
        for &(port, proto) in &exposed {
            let published = mappings
                .iter()
                .any(|m| m.protocol == proto && (m.container_port..m.container_port + m.range).contains(&port));
            if !published {
                mappings.push(PortMapping {
                    host_ip: String::new(),
                    host_port: 0,
                    container_port: port,
                    range: 1,
                    protocol: proto,
                    pick_from: None,
                });
            }
        }
    }
    check_overlaps(&mappings)?;
    assign_random(&mut mappings)?;
    check_overlaps(&mappings)?;
    Ok((mappings, exposed.iter().map(|(p, proto)| format!("{p}/{}", proto.name())).collect()))
}

/// Two mappings may not take the same host port (on overlapping
/// addresses) nor the same container port.
fn check_overlaps(mappings: &[PortMapping]) -> anyhow::Result<()> {
    for (i, a) in mappings.iter().enumerate() {
        for b in &mappings[i + 1..] {
            if a.protocol != b.protocol {
                continue;
            }
            let overlap = |x: u16, y: u16| {
                let (x, y, r1, r2) = (u32::from(x), u32::from(y), u32::from(a.range), u32::from(b.range));
                x < y + r2 && y < x + r1
            };
            let same_ip = a.host_ip.is_empty() || b.host_ip.is_empty() || a.host_ip == b.host_ip;
            if a.host_port != 0 && b.host_port != 0 && same_ip && overlap(a.host_port, b.host_port) {
                bail!(
                    "host port {}/{} is published twice (-p): each host port can go to one container port",
                    b.host_port,
                    b.protocol.name()
                );
            }
        }
    }
    Ok(())
}

/// Picks free host ports for mappings without one: the kernel's choice
/// for a single port, consecutive free ports for a range, the first free
/// one of `FIRST-LAST` for `-p FIRST-LAST:PORT`.
pub fn assign_random(mappings: &mut [PortMapping]) -> anyhow::Result<()> {
    let taken: Vec<(u16, Proto)> = mappings
        .iter()
        .filter(|m| m.host_port != 0)
        .flat_map(|m| m.pairs().map(move |(h, _)| (h, m.protocol)))
        .collect();
    let mut picked: Vec<(u16, Proto)> = Vec::new();
    for m in mappings.iter_mut().filter(|m| m.host_port == 0) {
        if let Some((first, last)) = m.pick_from.take() {
            let free = (first..=last).find(|&p| {
                !taken.contains(&(p, m.protocol))
                    && !picked.contains(&(p, m.protocol))
                    && port_free(&m.host_ip, p, m.protocol)
            });
            let port = free.ok_or_else(|| {
                anyhow::anyhow!("-p {first}-{last}:{}: no host port of the range is free", m.container_port)
            })?;
            picked.push((port, m.protocol));
            m.host_port = port;
            continue;
        }
        let mut found = None;
        for _ in 0..50 {
            let first = free_port(&m.host_ip, m.protocol)?;
            if u32::from(first) + u32::from(m.range) > 65536 {
                continue;
            }
            let ok = (0..m.range).all(|i| {
                let p = first + i;
                !taken.contains(&(p, m.protocol))
                    && !picked.contains(&(p, m.protocol))
                    && (i == 0 || port_free(&m.host_ip, p, m.protocol))
            });
            if ok {
                found = Some(first);
                break;
            }
        }
        let first = found.ok_or_else(|| {
            anyhow::anyhow!("no {} free host ports in a row for container port {}", m.range, m.container_port)
        })?;
        picked.extend((0..m.range).map(|i| (first + i, m.protocol)));
        m.host_port = first;
    }
    Ok(())
}

fn bind_addr(ip: &str, port: u16) -> std::net::SocketAddr {
    let ip: IpAddr = ip.parse().unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
    std::net::SocketAddr::new(ip, port)
}

/// A port the kernel hands out as free right now.
fn free_port(ip: &str, proto: Proto) -> anyhow::Result<u16> {
    let addr = bind_addr(ip, 0);
    let port = match proto {
        Proto::Udp => std::net::UdpSocket::bind(addr).and_then(|s| s.local_addr()),
        _ => std::net::TcpListener::bind(addr).and_then(|s| s.local_addr()),
    }
    .with_context(|| format!("finding a free host port on {}", addr.ip()))?
    .port();
    Ok(port)
}

fn port_free(ip: &str, port: u16, proto: Proto) -> bool {
    let addr = bind_addr(ip, port);
    match proto {
        Proto::Udp => std::net::UdpSocket::bind(addr).is_ok(),
        _ => std::net::TcpListener::bind(addr).is_ok(),
    }
}

/// `ps`'s PORTS column: `0.0.0.0:8080->80/tcp, 127.0.0.1:8000-8001->80-81/tcp`.
pub fn ps_text(mappings: &[PortMapping]) -> String {
    mappings
        .iter()
        .map(|m| {
            let p = m.protocol.name();
            let ip = m.shown_ip();
            if m.range > 1 {
                let (h, c, r) = (m.host_port, m.container_port, m.range - 1);
                format!("{ip}:{h}-{}->{c}-{}/{p}", h + r, c + r)
            } else {
                format!("{ip}:{}->{}/{p}", m.host_port, m.container_port)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `ps --format json`'s `Ports`: Podman's `PortMapping` objects, null
/// without any.
pub fn ps_json(mappings: &[PortMapping]) -> Value {
    if mappings.is_empty() {
        return Value::Null;
    }
    json!(mappings
        .iter()
        .map(|m| json!({
            "host_ip": m.host_ip,
            "container_port": m.container_port,
            "host_port": m.host_port,
            "range": m.range,
            "protocol": m.protocol.name(),
        }))
        .collect::<Vec<_>>())
}

/// `port CTR`: one line per port, `80/tcp -> 0.0.0.0:8080`.
pub fn port_lines(mappings: &[PortMapping]) -> Vec<String> {
    let mut out = Vec::new();
    for m in mappings {
        for (h, c) in m.pairs() {
            out.push(format!("{c}/{} -> {}:{h}", m.protocol.name(), m.shown_ip()));
        }
    }
    out
}

/// `port CTR PRIVATE[/PROTO]`: the host addresses of that container port.
pub fn lookup(mappings: &[PortMapping], private: &str) -> anyhow::Result<Vec<String>> {
    let (port, proto) = match private.split_once('/') {
        Some((p, proto)) => (p, Proto::parse(proto)?),
        None => (private, Proto::Tcp),
    };
    let port: u16 = port.parse().map_err(|_| anyhow::anyhow!("invalid port {private:?}"))?;
    Ok(mappings
        .iter()
        .filter(|m| m.protocol == proto)
        .flat_map(|m| m.pairs().filter(|(_, c)| *c == port).map(|(h, _)| format!("{}:{h}", m.shown_ip())))
        .collect())
}

/// `inspect`'s `NetworkSettings.Ports` and `HostConfig.PortBindings`:
/// `{"80/tcp": [{"HostIp": "", "HostPort": "8080"}], "443/tcp": null}`
/// (every port of a range on its own, exposed ports without a mapping null).
pub fn inspect_map(mappings: &[PortMapping], exposed: &[String]) -> Value {
    let mut map: BTreeMap<String, Value> = exposed.iter().map(|e| (e.clone(), Value::Null)).collect();
    for m in mappings {
        for (h, c) in m.pairs() {
            let key = format!("{c}/{}", m.protocol.name());
            let entry = json!({"HostIp": m.host_ip, "HostPort": h.to_string()});
            match map.get_mut(&key) {
                Some(Value::Array(list)) => list.push(entry),
                _ => {
                    map.insert(key, json!([entry]));
                }
            }
        }
    }
    json!(map)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn pm(ip: &str, h: u16, c: u16, range: u16, protocol: Proto) -> PortMapping {
        PortMapping { host_ip: ip.into(), host_port: h, container_port: c, range, protocol, pick_from: None }
    }

    #[test]
    fn publish_forms() {
        let p = |s: &str| parse_publish(s).unwrap();
        assert_eq!(p("8080:80"), pm("", 8080, 80, 1, Proto::Tcp));
        assert_eq!(p("127.0.0.1:8080:80"), pm("127.0.0.1", 8080, 80, 1, Proto::Tcp));
        assert_eq!(p("127.0.0.1::80"), pm("127.0.0.1", 0, 80, 1, Proto::Tcp));
        assert_eq!(p("8080:80/udp"), pm("", 8080, 80, 1, Proto::Udp));
        assert_eq!(p("8000-8005:80-85"), pm("", 8000, 80, 6, Proto::Tcp));
        assert_eq!(p("80"), pm("", 0, 80, 1, Proto::Tcp));
        assert_eq!(p("80-81/udp"), pm("", 0, 80, 2, Proto::Udp));
        assert_eq!(p("[::1]:8080:80"), pm("::1", 8080, 80, 1, Proto::Tcp));
        assert_eq!(p("[::1]::80/tcp"), pm("::1", 0, 80, 1, Proto::Tcp));
        for bad in [
            "",
            "x",
            "0",
            "8080:0",
            "70000:80",
            "8000-8001:80-85",
            "80/icmp",
            "::1:8080:80",
            "[::1:8080:80",
            "300.1.1.1:80:80",
            "a:b:c:d",
            "85-80",
        ] {
            assert!(parse_publish(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn expose_and_publish_all() {
        assert_eq!(parse_expose("80").unwrap(), vec![(80, Proto::Tcp)]);
        assert_eq!(parse_expose("53/udp").unwrap(), vec![(53, Proto::Udp)]);
        assert_eq!(parse_expose("7000-7001").unwrap(), vec![(7000, Proto::Tcp), (7001, Proto::Tcp)]);
        assert!(parse_expose("x").is_err());
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let (m, exposed) =
            resolve(&s(&["127.0.0.1:18080:80"]), true, &s(&["80/tcp", "443/tcp"]), &s(&["53/udp"])).unwrap();
        assert_eq!(exposed, s(&["53/udp", "80/tcp", "443/tcp"]));
        assert_eq!(m.len(), 3, "{m:?}");
        assert_eq!(m[0], pm("127.0.0.1", 18080, 80, 1, Proto::Tcp));
        assert!(m[1..].iter().all(|m| m.host_port != 0 && m.host_ip.is_empty()));
        assert!(resolve(&s(&["8080:80", "8080:81"]), false, &[], &[]).is_err());
        assert!(
            resolve(&s(&["8080:80", "8080:80/udp", "127.0.0.1:8081:81", "127.0.0.2:8081:82"]), false, &[], &[]).is_ok()
        );
        let (m, _) = resolve(&s(&["80-83"]), false, &[], &[]).unwrap();
        assert_ne!(m[0].host_port, 0);
        // FIRST-LAST:PORT: the first free host port of the range, not one
        // another mapping took.
        let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let b = busy.local_addr().unwrap().port();
        assert_eq!(parse_publish(&format!("127.0.0.1:{b}-{}:80", b + 5)).unwrap().pick_from, Some((b, b + 5)));
        let (m, _) =
            resolve(&s(&[&format!("127.0.0.1:{}:81", b + 1), &format!("127.0.0.1:{b}-{}:80", b + 5)]), false, &[], &[])
                .unwrap();
        assert!(m[1].host_port > b + 1 && m[1].host_port <= b + 5, "{m:?}");
        assert_eq!((m[1].range, m[1].pick_from), (1, None));
        let spec = format!("127.0.0.1:{}-{}:80", b + 1, b + 2);
        let taken = format!("127.0.0.1:{}-{}:81-82", b + 1, b + 2);
        assert!(resolve(&s(&[&taken, &spec]), false, &[], &[]).is_err(), "no port of the range left");
    }

    #[test]
    fn shown() {
        let m = vec![
            pm("127.0.0.1", 18555, 80, 1, Proto::Tcp),
            pm("", 18560, 90, 2, Proto::Tcp),
            pm("", 18556, 81, 1, Proto::Udp),
            pm("::1", 18557, 82, 1, Proto::Tcp),
        ];
        // Podman 4.3's ps.
        assert_eq!(
            ps_text(&m),
            "127.0.0.1:18555->80/tcp, 0.0.0.0:18560-18561->90-91/tcp, 0.0.0.0:18556->81/udp, ::1:18557->82/tcp"
        );
        assert_eq!(
            port_lines(&m),
            vec![
                "80/tcp -> 127.0.0.1:18555",
                "90/tcp -> 0.0.0.0:18560",
                "91/tcp -> 0.0.0.0:18561",
                "81/udp -> 0.0.0.0:18556",
                "82/tcp -> ::1:18557"
            ]
        );
        assert_eq!(lookup(&m, "91").unwrap(), vec!["0.0.0.0:18561"]);
        assert_eq!(lookup(&m, "81/udp").unwrap(), vec!["0.0.0.0:18556"]);
        assert!(lookup(&m, "81").unwrap().is_empty());
        // Podman 4.3's inspect.
        assert_eq!(
            inspect_map(&m, &["7000/tcp".to_string()]).to_string(),
            r#"{"7000/tcp":null,"80/tcp":[{"HostIp":"127.0.0.1","HostPort":"18555"}],"81/udp":[{"HostIp":"","HostPort":"18556"}],"82/tcp":[{"HostIp":"::1","HostPort":"18557"}],"90/tcp":[{"HostIp":"","HostPort":"18560"}],"91/tcp":[{"HostIp":"","HostPort":"18561"}]}"#
        );
    }
}
