//! Name resolution in a container: its `/etc/resolv.conf` and `/etc/hosts`,
//! made as Podman makes them (containers/common `libnetwork/resolvconf` and
//! `libnetwork/etchosts`), from the host's files, the flags `--dns`,
//! `--dns-search`, `--dns-option`, `--add-host`, `--no-hosts` (or
//! containers.conf's `dns_*` and `no_hosts`) and what the container's
//! network gave it ([`Attachment`]).

use std::net::IpAddr;

use anyhow::bail;
use serde::{Deserialize, Serialize};

/// The name `host.containers.internal` (Podman's) and Docker's
/// `host.docker.internal`: both name an address that reaches the host.
pub const HOST_NAMES: &str = "host.containers.internal host.docker.internal";

/// systemd-resolved's file with the real upstream servers, used when the
/// host's resolv.conf names only its loopback stub (as Podman does).
pub const RESOLVED_UPSTREAM: &str = "/run/systemd/resolve/resolv.conf";

/// Podman's fallback when no name server is left.
const DEFAULT_DNS: [&str; 2] = ["8.8.8.8", "8.8.4.4"];

/// What a container was told about name resolution, recorded at create.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NameSettings {
    /// `--dns`: replaces the host's name servers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dns: Vec<IpAddr>,
    /// `--dns-search`: replaces the search domains (`.`: none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dns_search: Vec<String>,
    /// `--dns-option`: replaces the options.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dns_option: Vec<String>,
    /// `--add-host NAME:IP` (or `NAME:host-gateway`), checked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub add_host: Vec<String>,
    /// `--no-hosts`: the image's /etc/hosts is left alone.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_hosts: bool,
}

impl NameSettings {
    pub fn is_empty(&self) -> bool {
        *self == NameSettings::default()
    }

    /// Checks the flags' values (exit 125 on bad input, before anything is
    /// stored).
    pub fn validate(&self) -> anyhow::Result<()> {
        for h in &self.add_host {
            parse_add_host(h)?;
        }
        for d in &self.dns_search {
            if d.is_empty() || d.contains(char::is_whitespace) {
                bail!("--dns-search {d:?}: not a domain name");
            }
        }
        for o in &self.dns_option {
            if o.is_empty() || o.contains(char::is_whitespace) {
                bail!("--dns-option {o:?}: not a resolver option");
            }
        }
        if self.no_hosts && !self.add_host.is_empty() {
            bail!("--no-hosts and --add-host cannot be set together");
        }
        Ok(())
    }

    /// Whether an `--add-host` entry asks for the host's address.
    pub fn wants_host_gateway(&self) -> bool {
        self.add_host.iter().any(|h| matches!(parse_add_host(h), Ok((_, HostAddr::HostGateway))))
    }
}

/// The address of an `--add-host` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostAddr {
    Ip(IpAddr),
    /// Docker's `host-gateway`: the address that reaches the host.
    HostGateway,
}

/// `NAME:IP` or `NAME:host-gateway` (an IPv6 address after the first colon,
/// with or without brackets).
pub fn parse_add_host(s: &str) -> anyhow::Result<(String, HostAddr)> {
    let Some((name, addr)) = s.split_once(':') else {
        bail!("--add-host {s:?}: expected NAME:IP or NAME:host-gateway");
    };
    let ok_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !ok_name {
        bail!("--add-host {s:?}: invalid host name {name:?}");
    }
    if addr == "host-gateway" {
        return Ok((name.to_string(), HostAddr::HostGateway));
    }
    let bare = addr.strip_prefix('[').and_then(|a| a.strip_suffix(']')).unwrap_or(addr);
    match bare.parse::<IpAddr>() {
        Ok(ip) => Ok((name.to_string(), HostAddr::Ip(ip))),
        Err(_) => bail!("--add-host {s:?}: invalid IP address {addr:?}"),
    }
}

/// What the container's network gives name resolution.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attachment {
    /// The host's network namespace (`--network host`): the host's files
    /// apply as they are.
    pub host_network: bool,
    /// The container's own addresses (its hosts entry); none: loopback only.
    pub ips: Vec<IpAddr>,
    /// The address inside the container that reaches the host
    /// (`host.containers.internal`, `host-gateway`); none when nothing does.
    pub host_ip: Option<IpAddr>,
    /// Name servers of the network itself (aardvark-dns), first in line.
    pub nameservers: Vec<IpAddr>,
    /// Search domains of the network (aardvark-dns's `dns.podman`).
    pub search: Vec<String>,
    /// The address that forwards DNS to the host's resolver (pasta's
    /// forwarder): it stands in for loopback name servers of the host.
    pub dns_forward: Option<IpAddr>,
    /// The network carries IPv6 (IPv6 name servers are kept).
    pub ipv6: bool,
}

/// The parts of a resolv.conf rpod looks at.
#[derive(Debug, Default, PartialEq, Eq)]
struct Resolv {
    nameservers: Vec<IpAddr>,
    search: Vec<String>,
    options: Vec<String>,
}

fn parse_resolv(text: &str) -> Resolv {
    let mut r = Resolv::default();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("nameserver") => {
                // A scoped IPv6 address (fe80::1%eth0) is kept without its zone.
                if let Some(ip) = words.next().and_then(|w| w.split('%').next()).and_then(|w| w.parse().ok()) {
                    r.nameservers.push(ip);
                }
            }
            // The last of search/domain wins (resolv.conf(5)).
            Some("search" | "domain") => r.search = words.map(str::to_string).collect(),
            Some("options") => r.options.extend(words.map(str::to_string)),
            _ => {}
        }
    }
    r
}

/// Whether the host's resolv.conf names only loopback servers (a local
/// stub such as systemd-resolved's 127.0.0.53).
pub fn only_loopback_servers(text: &str) -> bool {
    let r = parse_resolv(text);
    !r.nameservers.is_empty() && r.nameservers.iter().all(IpAddr::is_loopback)
}

/// The container's /etc/resolv.conf from the host's (`host`), as Podman
/// makes it: outside the host's network loopback servers cannot be
/// reached, so they are replaced by the DNS forwarder (pasta) or dropped
/// (the caller reads systemd-resolved's upstream file instead of a stub
/// one); the network's own servers come first; `--dns`, `--dns-search`,
/// `--dns-option` replace their parts; with no server left, Google's
/// (Podman's default).
pub fn resolv_conf(host: &str, s: &NameSettings, net: &Attachment) -> String {
    let h = parse_resolv(host);
    let nameservers: Vec<IpAddr> = if !s.dns.is_empty() {
        s.dns.clone()
    } else if net.host_network {
        h.nameservers
    } else {
        let mut v = net.nameservers.clone();
        let had_loopback = h.nameservers.iter().any(IpAddr::is_loopback);
        for ip in h.nameservers {
            if ip.is_loopback() || (ip.is_ipv6() && !net.ipv6) {
                continue;
            }
            if !v.contains(&ip) {
                v.push(ip);
            }
        }
        if let Some(fwd) = net.dns_forward.filter(|_| had_loopback) {
            if !v.contains(&fwd) {
                v.push(fwd);
            }
        }
        if v.is_empty() {
            v = DEFAULT_DNS.iter().filter_map(|a| a.parse().ok()).collect();
        }
        v
    };
    let search: Vec<String> = if s.dns_search.is_empty() {
        let mut v = net.search.clone();
        v.extend(h.search.into_iter().filter(|d| !net.search.contains(d)));
        v
    } else {
        s.dns_search.iter().filter(|d| *d != ".").cloned().collect()
    };
    let options = if s.dns_option.is_empty() { h.options } else { s.dns_option.clone() };
    let mut out = String::new();
    if !search.is_empty() {
        out.push_str(&format!("search {}\n", search.join(" ")));
    }
    for ns in nameservers {
        out.push_str(&format!("nameserver {ns}\n"));
    }
    if !options.is_empty() {
        out.push_str(&format!("options {}\n", options.join(" ")));
    }
    out
}

/// The container's /etc/hosts, as Podman makes it: the `--add-host`
/// entries, the base file's (the host's /etc/hosts; localhost added when it
/// has none), the container's own names on its address (127.0.1.1 without a
/// network; none in the host's network, whose files apply), and
/// `host.containers.internal` / `host.docker.internal` when an address
/// reaches the host (in the host's network too). `host-gateway` entries must have been checked against
/// `net.host_ip` ([`check_host_gateway`]).
pub fn hosts_file(base: &str, s: &NameSettings, hostname: &str, name: &str, net: &Attachment) -> String {
    let mut out = String::new();
    let mut names: Vec<String> = Vec::new();
    let entry = |out: &mut String, ip: &IpAddr, n: &str, names: &mut Vec<String>| {
        out.push_str(&format!("{ip}\t{n}\n"));
        names.extend(n.split_whitespace().map(str::to_string));
    };
    for h in &s.add_host {
        let Ok((n, addr)) = parse_add_host(h) else { continue };
        let ip = match addr {
            HostAddr::Ip(ip) => ip,
            HostAddr::HostGateway => match net.host_ip {
                Some(ip) => ip,
                None => continue,
            },
        };
        entry(&mut out, &ip, &n, &mut names);
    }
    if !base.lines().any(|l| l.split('#').next().unwrap_or("").split_whitespace().skip(1).any(|n| n == "localhost")) {
        out.push_str("127.0.0.1\tlocalhost localhost.localdomain\n::1\tlocalhost localhost.localdomain\n");
    }
    out.push_str(base);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for l in base.lines() {
        names.extend(l.split('#').next().unwrap_or("").split_whitespace().skip(1).map(str::to_string));
    }
    // The container's own names, unless an entry already has them (in the
    // host's network the host's file has the host's name).
    let mut own: Vec<&str> = Vec::new();
    for n in [hostname, name] {
        if !n.is_empty() && !names.iter().any(|x| x == n) && !own.contains(&n) {
            own.push(n);
        }
    }
    if !own.is_empty() && !net.host_network {
        if net.ips.is_empty() {
            out.push_str(&format!("127.0.1.1\t{}\n", own.join(" ")));
        } else {
            for ip in &net.ips {
                out.push_str(&format!("{ip}\t{}\n", own.join(" ")));
            }
        }
    }
    if let Some(ip) = net.host_ip {
        let host_names: Vec<&str> = HOST_NAMES.split(' ').filter(|n| !names.iter().any(|x| x == n)).collect();
        if !host_names.is_empty() {
            out.push_str(&format!("{ip}\t{}\n", host_names.join(" ")));
        }
    }
    out
}

/// `--add-host NAME:host-gateway` needs an address that reaches the host.
pub fn check_host_gateway(s: &NameSettings, net: &Attachment, mode: &str) -> anyhow::Result<()> {
    if s.wants_host_gateway() && net.host_ip.is_none() {
        bail!("--add-host NAME:host-gateway: the network {mode:?} has no address that reaches the host");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn add_host_values() {
        assert_eq!(parse_add_host("db:10.0.0.2").unwrap(), ("db".into(), HostAddr::Ip(ip("10.0.0.2"))));
        assert_eq!(parse_add_host("v6:::1").unwrap(), ("v6".into(), HostAddr::Ip(ip("::1"))));
        assert_eq!(parse_add_host("v6:[fd00::1]").unwrap(), ("v6".into(), HostAddr::Ip(ip("fd00::1"))));
        assert_eq!(parse_add_host("gw:host-gateway").unwrap(), ("gw".into(), HostAddr::HostGateway));
        assert!(parse_add_host("nocolon").is_err());
        assert!(parse_add_host(":1.2.3.4").is_err());
        assert!(parse_add_host("a b:1.2.3.4").is_err());
        assert!(parse_add_host("x:notanip").is_err());
    }

    #[test]
    fn resolv_conf_rules() {
        let host = "# comment\nnameserver 127.0.0.53\nnameserver 192.0.2.1\nnameserver fd00::1\nsearch example.org\noptions edns0\n";
        let none = NameSettings::default();
        let bridge = Attachment { ips: vec![ip("10.88.0.2")], ..Attachment::default() };
        assert_eq!(resolv_conf(host, &none, &bridge), "search example.org\nnameserver 192.0.2.1\noptions edns0\n");
        // The host's network: as it is.
        let host_net = Attachment { host_network: true, ..Attachment::default() };
        assert_eq!(
            resolv_conf(host, &none, &host_net),
            "search example.org\nnameserver 127.0.0.53\nnameserver 192.0.2.1\nnameserver fd00::1\noptions edns0\n"
        );
        // Only a stub: pasta's forwarder stands in; without one, Google's.
        let stub = "nameserver 127.0.0.53\n";
        let pasta = Attachment { dns_forward: Some(ip("169.254.1.1")), ..Attachment::default() };
        assert_eq!(resolv_conf(stub, &none, &pasta), "nameserver 169.254.1.1\n");
        assert_eq!(resolv_conf(stub, &none, &bridge), "nameserver 8.8.8.8\nnameserver 8.8.4.4\n");
        // aardvark-dns first, its search domain first.
        let dns =
            Attachment { nameservers: vec![ip("10.89.0.1")], search: vec!["dns.podman".into()], ..bridge.clone() };
        assert_eq!(
            resolv_conf(host, &none, &dns),
            "search dns.podman example.org\nnameserver 10.89.0.1\nnameserver 192.0.2.1\noptions edns0\n"
        );
        // Flags replace.
        let flags = NameSettings {
            dns: vec![ip("1.1.1.1")],
            dns_search: vec![".".into()],
            dns_option: vec!["ndots:2".into()],
            ..NameSettings::default()
        };
        assert_eq!(resolv_conf(host, &flags, &bridge), "nameserver 1.1.1.1\noptions ndots:2\n");
        assert!(only_loopback_servers(stub));
        assert!(!only_loopback_servers(host));
    }

    #[test]
    fn hosts_files() {
        let host = "127.0.0.1 localhost\n192.0.2.7 db.example\n";
        let none = NameSettings::default();
        let lo = Attachment::default();
        assert_eq!(hosts_file(host, &none, "abc", "web", &lo), format!("{host}127.0.1.1\tabc web\n"));
        let host_net = Attachment { host_network: true, host_ip: Some(ip("127.0.0.1")), ..Attachment::default() };
        assert_eq!(
            hosts_file(host, &none, "vm", "web", &host_net),
            format!("{host}127.0.0.1\thost.containers.internal host.docker.internal\n")
        );
        assert_eq!(
            hosts_file("", &none, "abc", "web", &lo),
            "127.0.0.1\tlocalhost localhost.localdomain\n::1\tlocalhost localhost.localdomain\n127.0.1.1\tabc web\n"
        );
        let bridge = Attachment { ips: vec![ip("10.88.0.5")], host_ip: Some(ip("10.88.0.1")), ..Attachment::default() };
        let s =
            NameSettings { add_host: vec!["foo:1.2.3.4".into(), "gw:host-gateway".into()], ..NameSettings::default() };
        assert_eq!(
            hosts_file(host, &s, "abc", "web", &bridge),
            format!(
                "1.2.3.4\tfoo\n10.88.0.1\tgw\n{host}10.88.0.5\tabc web\n10.88.0.1\thost.containers.internal host.docker.internal\n"
            )
        );
        // A name the user gave is not given again.
        let s = NameSettings { add_host: vec!["web:1.2.3.4".into()], ..NameSettings::default() };
        assert_eq!(
            hosts_file(host, &s, "abc", "web", &bridge),
            format!("1.2.3.4\tweb\n{host}10.88.0.5\tabc\n10.88.0.1\thost.containers.internal host.docker.internal\n")
        );
        assert!(check_host_gateway(
            &NameSettings { add_host: vec!["g:host-gateway".into()], ..none.clone() },
            &lo,
            "none"
        )
        .is_err());
    }

    #[test]
    fn settings_checks() {
        let bad = NameSettings { add_host: vec!["x".into()], ..NameSettings::default() };
        assert!(bad.validate().is_err());
        let both = NameSettings { add_host: vec!["x:1.2.3.4".into()], no_hosts: true, ..NameSettings::default() };
        assert!(both.validate().is_err());
        assert!(NameSettings { dns_search: vec!["a b".into()], ..NameSettings::default() }.validate().is_err());
    }
}
