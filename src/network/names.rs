//! Name resolution in a container: its `/etc/resolv.conf` and `/etc/hosts`,
//! made as Podman makes them (containers/common `libnetwork/resolvconf` and
//! `libnetwork/etchosts`), from the host's files, the flags `--dns`,
//! `--dns-search`, `--dns-option`, `--add-host`, `--no-hosts` (or
//! containers.conf's `dns_*` and `no_hosts`) and what the container's
//! network gave it ([`Attachment`]).

use std::net::IpAddr;
use std::path::Path;

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
        // The network's domains go with its servers: not with --dns (Podman's).
        let mut v = if s.dns.is_empty() { net.search.clone() } else { Vec::new() };
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

/// `resolv.conf` after `network connect` of a running container: the new
/// network's name servers (`add`) put before the others, every other line
/// kept as it was (Podman's `resolvconf.Add`; a server already listed is
/// not listed twice).
pub fn resolv_add_servers(text: &str, add: &[IpAddr]) -> String {
    let listed = parse_resolv(text).nameservers;
    let new: String = add
        .iter()
        .filter(|ip| !listed.contains(ip))
        .fold(Vec::<IpAddr>::new(), |mut v, ip| {
            if !v.contains(ip) {
                v.push(*ip);
            }
            v
        })
        .iter()
        .map(|ip| format!("nameserver {ip}\n"))
        .collect();
    if new.is_empty() {
        return text.to_string();
    }
    let mut out = String::new();
    let mut done = false;
    for line in text.split_inclusive('\n') {
        if !done && line.split_whitespace().next() == Some("nameserver") {
            out.push_str(&new);
            done = true;
        }
        out.push_str(line);
    }
    if !done {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        // Before the options line, where rpod writes its servers.
        match out.find("\noptions").map(|i| i + 1).or_else(|| out.starts_with("options").then_some(0)) {
            Some(i) => out.insert_str(i, &new),
            None => out.push_str(&new),
        }
    }
    out
}

/// `resolv.conf` after `network disconnect`: the lines naming the
/// network's name servers (`remove`) dropped, every other line kept
/// (Podman's `resolvconf.Remove`).
pub fn resolv_remove_servers(text: &str, remove: &[IpAddr]) -> String {
    text.split_inclusive('\n')
        .filter(|line| {
            let mut w = line.split_whitespace();
            let server = match w.next() {
                Some("nameserver") => w.next().and_then(|a| a.split('%').next()).and_then(|a| a.parse::<IpAddr>().ok()),
                _ => None,
            };
            !server.is_some_and(|ip| remove.contains(&ip))
        })
        .collect()
}

/// The (address, names) of a hosts line, comments and blank lines `None`.
fn hosts_entry(line: &str) -> Option<(&str, Vec<&str>)> {
    let mut w = line.split('#').next().unwrap_or("").split_whitespace();
    let ip = w.next()?;
    let names: Vec<&str> = w.collect();
    (!names.is_empty()).then_some((ip, names))
}

/// Whether a hosts line is the container's own entry on one of `ips`: that
/// address and at least one of `names` (Podman's `checkIfEntryExists`).
fn is_own_entry(line: &str, ips: &[IpAddr], names: &[&str]) -> bool {
    hosts_entry(line).is_some_and(|(ip, n)| {
        ip.parse::<IpAddr>().is_ok_and(|ip| ips.contains(&ip)) && n.iter().any(|x| names.contains(x))
    })
}

/// `/etc/hosts` after `network connect` of a running container, as Podman
/// does it (`etchosts.AddIfExists`): the container's names (`names`: its
/// host name and name) on each new address appended, only when the file
/// has its entry on one of its earlier addresses (`old`) — an entry the
/// user took over (`--add-host NAME:IP`) is not contradicted; with no
/// earlier address, the names no line has yet. Other lines are kept.
pub fn hosts_add(text: &str, old: &[IpAddr], new: &[IpAddr], names: &[&str]) -> String {
    let names: Vec<&str> = names.iter().copied().filter(|n| !n.is_empty()).fold(Vec::new(), |mut v, n| {
        if !v.contains(&n) {
            v.push(n);
        }
        v
    });
    let add: Vec<&str> = if old.is_empty() {
        let taken: Vec<&str> = text.lines().filter_map(hosts_entry).flat_map(|(_, n)| n).collect();
        names.iter().copied().filter(|n| !taken.contains(n)).collect()
    } else if text.lines().any(|l| is_own_entry(l, old, &names)) {
        names
    } else {
        Vec::new()
    };
    let mut out = text.to_string();
    if add.is_empty() || new.is_empty() {
        return out;
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for ip in new {
        out.push_str(&format!("{ip}\t{}\n", add.join(" ")));
    }
    out
}

/// `/etc/hosts` after `network disconnect`: the container's entries on the
/// network's addresses (`gone`) dropped, every other line kept (Podman's
/// `etchosts.Remove`).
pub fn hosts_remove(text: &str, gone: &[IpAddr], names: &[&str]) -> String {
    text.split_inclusive('\n').filter(|l| !is_own_entry(l, gone, names)).collect()
}

/// After `network connect` of a running container: the new network's
/// name servers (`added`) first in the resolv.conf of its run directory
/// `dir`, its addresses with the container's `names` (host name, name) in
/// its hosts file, as Podman 4.3 does; `before` is what its other networks
/// give. The files are bind-mounted: rewritten in place. With `--dns` the
/// servers are the user's (as at start); with `--no-hosts` there is no
/// hosts file of rpod's; a file the user mounts over them is not these.
pub fn connected(
    dir: &Path,
    s: &NameSettings,
    names: &[&str],
    before: &Attachment,
    added: &Attachment,
) -> anyhow::Result<()> {
    if s.dns.is_empty() {
        let ipv6 = before.ipv6 || added.ipv6;
        let servers: Vec<IpAddr> = added.nameservers.iter().copied().filter(|ip| ip.is_ipv4() || ipv6).collect();
        edit(&dir.join("resolv.conf"), |t| resolv_add_servers(t, &servers))?;
    }
    if !s.no_hosts {
        edit(&dir.join("hosts"), |t| hosts_add(t, &before.ips, &added.ips, names))?;
    }
    Ok(())
}

/// After `network disconnect` of a running container: the network's name
/// servers and the container's entries on its addresses (`removed`) gone
/// from the files in its run directory `dir` (see [`connected`]).
pub fn disconnected(dir: &Path, s: &NameSettings, names: &[&str], removed: &Attachment) -> anyhow::Result<()> {
    if s.dns.is_empty() {
        edit(&dir.join("resolv.conf"), |t| resolv_remove_servers(t, &removed.nameservers))?;
    }
    if !s.no_hosts {
        edit(&dir.join("hosts"), |t| hosts_remove(t, &removed.ips, names))?;
    }
    Ok(())
}

/// The file at `path` (if there is one) rewritten in place by `f`.
fn edit(path: &Path, f: impl FnOnce(&str) -> String) -> anyhow::Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(anyhow::Error::new(e).context(format!("reading {}", path.display()))),
    };
    let new = f(&text);
    if new != text {
        crate::files::rewrite_in_place(path, &new)?;
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
        let dns_only = NameSettings { dns: vec![ip("1.1.1.1")], ..NameSettings::default() };
        assert_eq!(resolv_conf(host, &dns_only, &dns), "search example.org\nnameserver 1.1.1.1\noptions edns0\n");
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
    fn connect_edits_resolv_conf() {
        let ours = "search dns.podman example.org\nnameserver 10.89.0.1\nnameserver 192.0.2.1\noptions edns0\n";
        let added = resolv_add_servers(ours, &[ip("10.89.1.1")]);
        assert_eq!(
            added,
            "search dns.podman example.org\nnameserver 10.89.1.1\nnameserver 10.89.0.1\nnameserver 192.0.2.1\noptions edns0\n"
        );
        assert_eq!(resolv_remove_servers(&added, &[ip("10.89.1.1")]), ours);
        // Listed already: unchanged; nothing to add or remove: unchanged.
        assert_eq!(resolv_add_servers(ours, &[ip("192.0.2.1")]), ours);
        assert_eq!(resolv_remove_servers(ours, &[ip("10.89.7.1")]), ours);
        // The user's other lines (comments, a scoped server, sortlist) stay where they were.
        let user = "# mine\nsearch lan\nnameserver fe80::1%eth0\nsortlist 10.0.0.0\noptions ndots:2\n";
        let added = resolv_add_servers(user, &[ip("10.89.1.1")]);
        assert_eq!(
            added,
            "# mine\nsearch lan\nnameserver 10.89.1.1\nnameserver fe80::1%eth0\nsortlist 10.0.0.0\noptions ndots:2\n"
        );
        assert_eq!(resolv_remove_servers(&added, &[ip("10.89.1.1")]), user);
        assert_eq!(resolv_remove_servers(&added, &[ip("fe80::1")]).matches("nameserver").count(), 1);
        // No server yet: before the options line, or at the end.
        assert_eq!(resolv_add_servers("options a\n", &[ip("10.89.1.1")]), "nameserver 10.89.1.1\noptions a\n");
        assert_eq!(resolv_add_servers("search x", &[ip("10.89.1.1")]), "search x\nnameserver 10.89.1.1\n");
        assert_eq!(resolv_add_servers("", &[ip("10.89.1.1"), ip("10.89.1.1")]), "nameserver 10.89.1.1\n");
    }

    #[test]
    fn connect_edits_hosts() {
        let names = ["acd1e0befea3", "a"];
        let before = "127.0.0.1\tlocalhost\n# mine\n192.0.2.7 db\n10.89.0.2\tacd1e0befea3 a\n";
        let after = hosts_add(before, &[ip("10.89.0.2")], &[ip("10.89.1.3")], &names);
        // Podman 4.3's file after `network connect n2 a` (measured).
        assert_eq!(after, format!("{before}10.89.1.3\tacd1e0befea3 a\n"));
        assert_eq!(hosts_remove(&after, &[ip("10.89.1.3")], &names), before);
        // Removing the first network's leaves the second's.
        assert_eq!(
            hosts_remove(&after, &[ip("10.89.0.2")], &names),
            "127.0.0.1\tlocalhost\n# mine\n192.0.2.7 db\n10.89.1.3\tacd1e0befea3 a\n"
        );
        // A line on the address with other names only is the user's: kept.
        let user = "10.89.1.3 other\n";
        assert_eq!(hosts_remove(user, &[ip("10.89.1.3")], &names), user);
        // The user's --add-host a:IP took the names over: nothing added.
        let taken = "1.2.3.4\ta\n10.89.0.2\tacd1e0befea3\n";
        assert_eq!(
            hosts_add(taken, &[ip("10.89.0.2")], &[ip("10.89.1.3")], &names),
            format!("{taken}10.89.1.3\tacd1e0befea3 a\n")
        );
        let gone = "1.2.3.4\ta\n";
        assert_eq!(hosts_add(gone, &[ip("10.89.0.2")], &[ip("10.89.1.3")], &names), gone);
        // No earlier address: the names no line has yet.
        assert_eq!(hosts_add(gone, &[], &[ip("10.89.1.3")], &names), format!("{gone}10.89.1.3\tacd1e0befea3\n"));
        assert_eq!(hosts_add("x y", &[], &[ip("10.89.1.3")], &["h", "h"]), "x y\n10.89.1.3\th\n");
    }

    #[test]
    fn connect_and_disconnect_edit_the_run_directory() {
        let t = tempfile::tempdir().unwrap();
        let (r, h) = (t.path().join("resolv.conf"), t.path().join("hosts"));
        let resolv = "search dns.podman\nnameserver 10.89.0.1\nnameserver 192.0.2.1\n";
        let hosts = "127.0.0.1\tlocalhost\n10.89.0.2\tabc a\n";
        std::fs::write(&r, resolv).unwrap();
        std::fs::write(&h, hosts).unwrap();
        let before =
            Attachment { ips: vec![ip("10.89.0.2")], nameservers: vec![ip("10.89.0.1")], ..Attachment::default() };
        // An IPv6 server only for a container with IPv6.
        let n2 = Attachment {
            ips: vec![ip("10.89.1.3")],
            nameservers: vec![ip("fd00::1"), ip("10.89.1.1")],
            ..Attachment::default()
        };
        let none = NameSettings::default();
        connected(t.path(), &none, &["abc", "a"], &before, &n2).unwrap();
        let on = |p: &Path| std::fs::read_to_string(p).unwrap();
        assert_eq!(on(&r), "search dns.podman\nnameserver 10.89.1.1\nnameserver 10.89.0.1\nnameserver 192.0.2.1\n");
        assert_eq!(on(&h), format!("{hosts}10.89.1.3\tabc a\n"));
        disconnected(t.path(), &none, &["abc", "a"], &n2).unwrap();
        assert_eq!((on(&r), on(&h)), (resolv.to_string(), hosts.to_string()));
        // --dns: the servers are the user's; --no-hosts: no hosts file of rpod's.
        let user = NameSettings { dns: vec![ip("192.0.2.9")], no_hosts: true, ..NameSettings::default() };
        connected(t.path(), &user, &["abc", "a"], &before, &n2).unwrap();
        assert_eq!((on(&r), on(&h)), (resolv.to_string(), hosts.to_string()));
        // No files (the container's own kept): nothing to do.
        std::fs::remove_file(&h).unwrap();
        disconnected(t.path(), &none, &["abc", "a"], &before).unwrap();
        assert_eq!(on(&r), "search dns.podman\nnameserver 192.0.2.1\n");
        assert!(!h.exists());
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
