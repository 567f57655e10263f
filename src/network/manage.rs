//! Network definitions made and removed: `network create` (names,
//! bridges and subnets allocated as Podman allocates them), `rm`, `prune`.
//!
//! Every change of the config directory happens under one lock
//! (`<dir>/.rpod.lock`), so of two `network create` of the same name at
//! once one wins and the other gets Podman's "network name already used";
//! each file is written atomically, in Podman's format (five-space
//! indented JSON, `NAME.json`), so Podman and netavark read it unchanged.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, bail, Context as _};
use serde_json::json;

use super::bridge::NetSettings;
use super::config::{list, Cidr, Network, Subnet, DEFAULT_NETWORK};
use super::Mode;
use crate::context::Context;
use crate::error::{ExitCode, Failure};

/// What `network create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateRequest {
    pub name: String,
    pub driver: String,
    pub subnets: Vec<String>,
    pub gateways: Vec<IpAddr>,
    pub ip_ranges: Vec<String>,
    pub ipv6: bool,
    pub internal: bool,
    pub disable_dns: bool,
    pub dns: Vec<IpAddr>,
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
    pub ipam_driver: Option<String>,
    pub interface_name: Option<String>,
}

/// The config directory's lock, held while it changes. The directory is
/// made 0755 whatever the umask (as Podman makes it: the definitions are
/// not secret, other tools read them), the lock file 0600.
pub fn lock_dir(dir: &Path) -> anyhow::Result<nix::fcntl::Flock<std::fs::File>> {
    crate::paths::dir_all_with_mode(dir, 0o755).with_context(|| format!("creating {}", dir.display()))?;
    crate::files::lock_exclusive(&dir.join(".rpod.lock"))
}

fn invalid(msg: String) -> anyhow::Error {
    Failure::new(ExitCode::Engine, format!("{msg}: invalid argument")).into()
}

/// Podman's rule for network names.
pub fn check_name(name: &str) -> anyhow::Result<()> {
    let ok = name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !ok {
        return Err(invalid(format!("network name {name} invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*")));
    }
    Ok(())
}

/// `network create`: the new network, written to `dir`; with `ignore` an
/// existing one of that name is returned unchanged.
pub fn create(dir: &Path, default_subnet: &str, req: &CreateRequest, ignore: bool) -> anyhow::Result<Network> {
    check_name(&req.name)?;
    let _lock = lock_dir(dir)?;
    let all = list(dir, default_subnet)?;
    if let Some(n) = all.iter().find(|n| n.name == req.name) {
        if ignore {
            return Ok(n.clone());
        }
        return Err(Failure::new(
            ExitCode::Engine,
            format!("network name {} already used: network already exists", req.name),
        )
        .into());
    }
    let net = build(req, &all, &host_subnets(), &host_interfaces())?;
    let path = dir.join(format!("{}.json", net.name));
    let text = crate::format::to_json_indent(&serde_json::to_value(&net)?, 5) + "\n";
    crate::files::write_atomic(&path, text.as_bytes())?;
    Ok(net)
}

/// The definition `req` asks for, next to the networks `all`, on a host
/// with routes to `host` and interfaces `ifaces`.
fn build(req: &CreateRequest, all: &[Network], host: &[Cidr], ifaces: &[String]) -> anyhow::Result<Network> {
    let driver = if req.driver.is_empty() { "bridge" } else { req.driver.as_str() };
    match driver {
        "bridge" => {}
        "macvlan" | "ipvlan" => bail!("driver {driver} is not supported by rpod (bridge is)"),
        d => return Err(invalid(format!("unsupported driver {d}"))),
    }
    match req.ipam_driver.as_deref() {
        None | Some("") | Some("host-local") => {}
        Some(d) => bail!("--ipam-driver {d}: not supported by rpod (host-local is)"),
    }
    // Docker's spellings of two options (as Podman maps them).
    let mut options = BTreeMap::new();
    let mut interface = req.interface_name.clone();
    for (k, v) in &req.options {
        match k.as_str() {
            "com.docker.network.bridge.name" => interface = Some(v.clone()),
            "com.docker.network.driver.mtu" | "mtu" => {
                v.parse::<u32>().map_err(|_| anyhow!("mtu {v:?} is not a number"))?;
                options.insert("mtu".to_string(), v.clone());
            }
            "metric" => {
                v.parse::<u32>().map_err(|_| anyhow!("metric {v:?} is not a number"))?;
                options.insert(k.clone(), v.clone());
            }
            "isolate" => {
                let b = match v.as_str() {
                    "true" | "1" => "true",
                    "false" | "0" => "false",
                    "strict" => bail!("isolate=strict needs netavark 1.9 or later (this one takes true or false)"),
                    _ => bail!("isolate {v:?}: expected true or false"),
                };
                options.insert(k.clone(), b.to_string());
            }
            _ => bail!("unsupported bridge network option {k}"),
        }
    }
    let dns_enabled = !req.disable_dns;
    if !req.dns.is_empty() && !dns_enabled {
        return Err(invalid("cannot set NetworkDNSServers if DNS is not enabled for the network".into()));
    }
    if req.gateways.len() > req.subnets.len() {
        bail!("cannot set more gateways than subnets");
    }
    if req.ip_ranges.len() > req.subnets.len() {
        bail!("cannot set more ranges than subnets");
    }
    let interface = match interface {
        Some(i) => {
            if i.is_empty() || i.len() > 15 || i.contains(['/', ' ', ':']) {
                return Err(invalid(format!("bridge name {i:?} is not a valid interface name")));
            }
            if all.iter().any(|n| n.network_interface.as_deref() == Some(i.as_str())) {
                return Err(invalid(format!("bridge name {i} already in use")));
            }
            i
        }
        None => (0..)
            .map(|n| format!("podman{n}"))
            .find(|c| !all.iter().any(|n| n.network_interface.as_deref() == Some(c.as_str())) && !ifaces.contains(c))
            .expect("an unbounded range"),
    };
    let mut used: Vec<Cidr> = host.to_vec();
    for n in all {
        for s in &n.subnets {
            if let Ok(c) = Cidr::parse(&s.subnet) {
                used.push(c);
            }
        }
    }
    let add_gateway = !req.internal || dns_enabled;
    let mut subnets = Vec::new();
    for (i, s) in req.subnets.iter().enumerate() {
        let cidr = Cidr::parse(s).map_err(|e| invalid(format!("{e:#}")))?;
        if used.iter().any(|u| overlaps(u, &cidr)) {
            return Err(invalid(format!("subnet {s} is already used on the host or by another config")));
        }
        used.push(cidr);
        let gateway = match req.gateways.get(i) {
            Some(g) => {
                if !cidr.contains(*g) || *g == cidr.addr {
                    return Err(invalid(format!("gateway {g} not in subnet {s}")));
                }
                Some(*g)
            }
            None if add_gateway => cidr.nth(1),
            None => None,
        };
        let lease_range = req.ip_ranges.get(i).map(|r| lease_range(&cidr, r)).transpose()?;
        subnets.push(Subnet { subnet: format!("{}/{}", cidr.addr, cidr.prefix), gateway, lease_range });
    }
    let has_v6 = subnets.iter().any(|s| s.subnet.contains(':'));
    if subnets.is_empty() {
        let cidr = free_v4(&used)?;
        used.push(cidr);
        subnets.push(auto_subnet(cidr, add_gateway));
    }
    let ipv6 = req.ipv6 || has_v6;
    if req.ipv6 && !has_v6 {
        subnets.push(auto_subnet(free_v6(&used)?, add_gateway));
    }
    let now = crate::container::record::now_ns();
    Ok(Network {
        name: req.name.clone(),
        id: crate::container::record::random_id()?,
        driver: driver.to_string(),
        network_interface: Some(interface),
        created: crate::timefmt::rfc3339_nano(now.div_euclid(1_000_000_000), now.rem_euclid(1_000_000_000) as u32),
        subnets,
        ipv6_enabled: ipv6,
        internal: req.internal,
        dns_enabled,
        network_dns_servers: req.dns.clone(),
        labels: req.labels.clone(),
        options,
        ipam_options: [("driver".to_string(), "host-local".to_string())].into(),
    })
}

fn auto_subnet(cidr: Cidr, gateway: bool) -> Subnet {
    Subnet {
        subnet: format!("{}/{}", cidr.addr, cidr.prefix),
        gateway: if gateway { cidr.nth(1) } else { None },
        lease_range: None,
    }
}

/// `--ip-range`: a subnet inside the network's (its first and last
/// address) or `START-END`.
fn lease_range(subnet: &Cidr, range: &str) -> anyhow::Result<serde_json::Value> {
    let (start, end) = match range.split_once('-') {
        Some((a, b)) => {
            let a: IpAddr = a.trim().parse().map_err(|_| invalid(format!("--ip-range {range}: bad start address")))?;
            let b: IpAddr = b.trim().parse().map_err(|_| invalid(format!("--ip-range {range}: bad end address")))?;
            (a, b)
        }
        None => {
            // Podman's FirstIPInSubnet and LastIPInSubnet.
            let r = Cidr::parse(range).map_err(|e| invalid(format!("--ip-range: {e:#}")))?;
            let width = if r.addr.is_ipv4() { 32 } else { 128 };
            let host_bits = width - u32::from(r.prefix);
            let ones: u128 = if host_bits >= 128 { u128::MAX } else { (1u128 << host_bits) - 1 };
            let first = if host_bits == 0 { bits(r.addr) } else { bits(r.addr) + 1 };
            (from_bits(r.addr.is_ipv4(), first), from_bits(r.addr.is_ipv4(), bits(r.addr) | ones))
        }
    };
    for ip in [start, end] {
        if !subnet.contains(ip) {
            return Err(invalid(format!(
                "--ip-range {range}: {ip} is not in subnet {}/{}",
                subnet.addr, subnet.prefix
            )));
        }
    }
    if bits(start) > bits(end) {
        return Err(invalid(format!("--ip-range {range}: the start is after the end")));
    }
    Ok(json!({"start_ip": start, "end_ip": end}))
}

fn bits(ip: IpAddr) -> u128 {
    match ip {
        IpAddr::V4(v) => u128::from(u32::from(v)),
        IpAddr::V6(v) => u128::from(v),
    }
}

fn from_bits(v4: bool, n: u128) -> IpAddr {
    if v4 {
        IpAddr::V4(Ipv4Addr::from(n as u32))
    } else {
        IpAddr::V6(Ipv6Addr::from(n))
    }
}

/// The range of addresses a network leases, `None` for the whole subnet.
pub fn range_of(s: &Subnet) -> Option<(IpAddr, IpAddr)> {
    let r = s.lease_range.as_ref()?;
    let start = r["start_ip"].as_str().and_then(|s| s.parse().ok());
    let end = r["end_ip"].as_str().and_then(|s| s.parse().ok());
    Some((start?, end?))
}

/// `ip` is inside `range` (inclusive).
pub fn in_range(ip: IpAddr, range: (IpAddr, IpAddr)) -> bool {
    ip.is_ipv4() == range.0.is_ipv4() && bits(ip) >= bits(range.0) && bits(ip) <= bits(range.1)
}

fn overlaps(a: &Cidr, b: &Cidr) -> bool {
    a.contains(b.addr) || b.contains(a.addr)
}

/// The first free /24 of Podman's default subnet pools (10.89.0.0/16
/// upward to 10.255.255.0/24).
fn free_v4(used: &[Cidr]) -> anyhow::Result<Cidr> {
    let start = u32::from(Ipv4Addr::new(10, 89, 0, 0));
    let end = u32::from(Ipv4Addr::new(10, 255, 255, 0));
    let mut n = start;
    while n <= end {
        let c = Cidr { addr: IpAddr::V4(Ipv4Addr::from(n)), prefix: 24 };
        if !used.iter().any(|u| overlaps(u, &c)) {
            return Ok(c);
        }
        n += 256;
    }
    bail!("could not find free subnet from subnet pools")
}

/// A random unique-local /64 (`fdXX:XXXX:XXXX:XXXX::/64`), as Podman picks one.
fn free_v6(used: &[Cidr]) -> anyhow::Result<Cidr> {
    for _ in 0..100 {
        let r = crate::container::record::random_id()?;
        let b = |i: usize| u8::from_str_radix(&r[2 * i..2 * i + 2], 16).unwrap_or(0);
        let mut o = [0u8; 16];
        o[0] = 0xfd;
        for (i, slot) in o.iter_mut().enumerate().take(8).skip(1) {
            *slot = b(i);
        }
        let c = Cidr { addr: IpAddr::V6(Ipv6Addr::from(o)), prefix: 64 };
        if !used.iter().any(|u| overlaps(u, &c)) {
            return Ok(c);
        }
    }
    bail!("failed to find free IPv6 subnet")
}

/// The subnets the host routes to (`/proc/net/route`, `/proc/net/ipv6_route`),
/// default routes left out.
pub fn host_subnets() -> Vec<Cidr> {
    let mut out = Vec::new();
    if let Ok(t) = std::fs::read_to_string("/proc/net/route") {
        out.extend(parse_routes_v4(&t));
    }
    if let Ok(t) = std::fs::read_to_string("/proc/net/ipv6_route") {
        out.extend(parse_routes_v6(&t));
    }
    out
}

fn parse_routes_v4(t: &str) -> Vec<Cidr> {
    t.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let dest = u32::from_str_radix(f.get(1)?, 16).ok()?.swap_bytes();
            let mask = u32::from_str_radix(f.get(7)?, 16).ok()?.swap_bytes();
            (mask != 0).then(|| Cidr { addr: IpAddr::V4(Ipv4Addr::from(dest)), prefix: mask.count_ones() as u8 })
        })
        .collect()
}

fn parse_routes_v6(t: &str) -> Vec<Cidr> {
    t.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let dest = u128::from_str_radix(f.first()?, 16).ok()?;
            let prefix = u8::from_str_radix(f.get(1)?, 16).ok()?;
            (prefix != 0 && prefix <= 128).then(|| Cidr { addr: IpAddr::V6(Ipv6Addr::from(dest)), prefix })
        })
        .collect()
}

fn host_interfaces() -> Vec<String> {
    std::fs::read_dir("/sys/class/net")
        .map(|rd| rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

/// The containers on network `name` (by their recorded networks).
pub fn users(ctx: &Context, name: &str) -> anyhow::Result<Vec<crate::container::record::Container>> {
    Ok(ctx
        .containers()?
        .list()?
        .into_iter()
        .filter(|c| super::filter::bridge_names(&c.config.network.text()).iter().any(|n| n == name))
        .collect())
}

/// The file that defines network `name` in `dir`: `NAME.json`, else the
/// file whose `name` it is.
fn file_of(dir: &Path, name: &str) -> Option<PathBuf> {
    let p = dir.join(format!("{name}.json"));
    if p.is_file() {
        return Some(p);
    }
    std::fs::read_dir(dir).ok()?.flatten().map(|e| e.path()).find(|p| {
        p.extension().is_some_and(|e| e == "json")
            && std::fs::read(p)
                .ok()
                .and_then(|b| serde_json::from_slice::<Network>(&b).ok())
                .is_some_and(|n| n.name == name)
    })
}

/// `network rm`: the network, found by name or ID; a network containers
/// use is refused (exit 2) unless `force_stop` says how long to give them
/// to stop before they are removed. Returns its name.
pub fn remove(ctx: &Context, key: &str, force_stop: Option<Duration>) -> anyhow::Result<String> {
    let net = super::config::find(&ctx.networks()?, key).map_err(|e| {
        let msg = format!("{e:#}");
        anyhow::Error::from(Failure::no_such(msg))
    })?;
    if net.name == DEFAULT_NETWORK {
        bail!("default network {DEFAULT_NETWORK} cannot be removed");
    }
    let users = users(ctx, &net.name)?;
    if !users.is_empty() {
        let Some(timeout) = force_stop else {
            return Err(Failure::state_improper(format!(
                "\"{}\" has associated containers with it. Use -f to forcibly delete containers and pods: network is being used",
                net.name
            ))
            .into());
        };
        // A pod whose infra container is on the network goes whole (its
        // containers share that network), as in Podman.
        let mut pods = None;
        for c in users.iter().filter(|c| c.config.infra) {
            let Some(id) = &c.config.pod else { continue };
            let pods = match &mut pods {
                Some(p) => p,
                None => pods.insert(crate::pod::Pods::open(ctx)?),
            };
            if let Some(pod) = pods.get(id)? {
                crate::pod::ops::remove(ctx, pods, &pod, true, Some(timeout))
                    .with_context(|| format!("removing pod {} that uses network {}", pod.name, net.name))?;
            }
        }
        let mut containers = ctx.containers()?;
        for c in users {
            if c.config.infra && c.config.pod.is_some() {
                continue;
            }
            crate::container::lifecycle::remove_stopping(ctx, &mut containers, &c, Some(timeout))
                .with_context(|| format!("removing container {} that uses network {}", c.name, net.name))?;
        }
    }
    let dir = ctx.network_dir()?;
    let _lock = lock_dir(&dir)?;
    if let Some(p) = file_of(&dir, &net.name) {
        std::fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
    }
    super::bridge::forget(&ctx.paths()?.run_root, &net);
    Ok(net.name)
}

/// `network prune`: the networks no container uses (never the default
/// one) that pass `filters`; `remove` removes them. Returns the names
/// removed (or that would be).
pub fn prune(ctx: &Context, filters: &super::filter::Filters, remove_them: bool) -> anyhow::Result<Vec<String>> {
    let used = super::filter::networks_in_use(ctx)?;
    let now = crate::container::record::now_ns();
    let candidates: Vec<Network> = ctx
        .networks()?
        .into_iter()
        .filter(|n| n.name != DEFAULT_NETWORK && !used.contains(&n.name) && filters.keep(n, &used, now))
        .collect();
    if !remove_them {
        return Ok(candidates.into_iter().map(|n| n.name).collect());
    }
    let dir = ctx.network_dir()?;
    let _lock = lock_dir(&dir)?;
    let mut out = Vec::new();
    for n in candidates {
        if let Some(p) = file_of(&dir, &n.name) {
            std::fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
        }
        super::bridge::forget(&ctx.paths()?.run_root, &n);
        out.push(n.name);
    }
    Ok(out)
}

/// The network `key` names, or Podman's "network not found" (exit 125).
fn network(ctx: &Context, key: &str) -> anyhow::Result<Network> {
    super::config::find(&ctx.networks()?, key)
}

/// `network connect`: container `ckey` joins network `nkey` with settings
/// `s` (`--ip`, `--mac-address`, `--alias`), at once when it is running,
/// recorded for its next start either way.
pub fn connect(ctx: &Context, nkey: &str, ckey: &str, s: NetSettings) -> anyhow::Result<()> {
    s.validate()?;
    let net = network(ctx, nkey)?;
    net.check()?;
    // Rootless, the networks are in the rootless network namespace, which
    // only the user namespace reaches.
    ctx.enter_user_namespace()?;
    let mut containers = ctx.containers()?;
    let found = containers.find(ckey)?;
    let _lock = containers.lock(&found.id)?;
    let mut c = containers.get(&found.id)?.ok_or_else(|| crate::container::record::unknown(ckey))?;
    let live = c.state.status.is_live();
    let mut names = match &c.config.network {
        Mode::Bridge(n) => n.clone(),
        Mode::Private | Mode::None if !live => Vec::new(),
        m => {
            bail!("container {} uses --network {m}: only containers on bridge networks can be connected to one", c.name)
        }
    };
    if names.contains(&net.name) {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("container {} is already connected to network {:?}: network is already connected", c.id, net.name),
        )
        .into());
    }
    super::check_usable(&Mode::Bridge(vec![net.name.clone()]), ctx.rootless())
        .map_err(|e| Failure::new(ExitCode::Engine, format!("{e:#}")))?;
    let mut settings = c.config.options.bridge.clone();
    settings.pin(&names);
    if s != NetSettings::default() {
        settings.networks.insert(net.name.clone(), s);
    }
    let mut resolution = Ok(());
    if live {
        let run_root = ctx.paths()?.run_root.clone();
        super::bridge::connect(&run_root, &c.id, &net, &settings.on(&net.name))?;
        // What the container sees of names: the new network's too.
        if let Some(a) = super::bridge::attached(&run_root, &c.id) {
            let (before, added) = (a.attachment_on(|n| n != net.name), a.attachment_on(|n| n == net.name));
            resolution =
                name_files(&mut containers, &c, |dir, s, own| super::names::connected(dir, s, own, &before, &added));
        }
    }
    names.push(net.name.clone());
    c.config.network = Mode::Bridge(names);
    c.config.options.bridge = settings;
    containers.set_config(&c.id, &c.config)?;
    ctx.event(&crate::events::Event::network(&c.id, &net.name, "connect"));
    resolution.context("updating the name resolution files (/etc/resolv.conf, /etc/hosts)")
}

/// `network disconnect`: container `ckey` leaves network `nkey`, at once
/// when it is running; `force` goes on when netavark's teardown fails.
/// `edit` applied to the name resolution files of running container `c`
/// and of the running containers in its network namespace (`--network
/// container:C`, a pod's members), each with its run directory, its name
/// settings and its own names (host name, name); the first error.
fn name_files(
    containers: &mut crate::container::record::Containers,
    c: &crate::container::record::Container,
    edit: impl Fn(&Path, &super::names::NameSettings, &[&str]) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let joined = Mode::Container(c.id.clone());
    let mut sharers = containers.list()?;
    sharers.retain(|o| o.config.network == joined && o.state.status.is_live());
    let mut result = Ok(());
    for o in std::iter::once(c).chain(&sharers) {
        let own = [o.config.hostname.as_str(), o.name.as_str()];
        let r = edit(&containers.run_dir(&o.id), &o.config.options.names, &own)
            .with_context(|| format!("container {}", o.name));
        result = result.and(r);
    }
    result
}

pub fn disconnect(ctx: &Context, nkey: &str, ckey: &str, force: bool) -> anyhow::Result<()> {
    let net = network(ctx, nkey)?;
    ctx.enter_user_namespace()?;
    let mut containers = ctx.containers()?;
    let found = containers.find(ckey)?;
    let _lock = containers.lock(&found.id)?;
    let mut c = containers.get(&found.id)?.ok_or_else(|| crate::container::record::unknown(ckey))?;
    let mut names = match &c.config.network {
        Mode::Bridge(n) if n.contains(&net.name) => n.clone(),
        _ => {
            return Err(Failure::new(
                ExitCode::Engine,
                format!("container {} is not connected to network {}", c.id, net.name),
            )
            .into())
        }
    };
    let mut resolution = Ok(());
    if c.state.status.is_live() {
        let run_root = ctx.paths()?.run_root.clone();
        let removed = super::bridge::attached(&run_root, &c.id).map(|a| a.attachment_on(|n| n == net.name));
        if let Err(e) = super::bridge::disconnect(&run_root, &c.id, &net.name) {
            if !force {
                return Err(e);
            }
            log::warn!("{e:#}");
        }
        // Its name servers and the container's addresses there gone from its files.
        if let Some(removed) = removed {
            resolution =
                name_files(&mut containers, &c, |dir, s, own| super::names::disconnected(dir, s, own, &removed));
        }
    }
    names.retain(|n| *n != net.name);
    c.config.options.bridge.networks.remove(&net.name);
    // No network left: loopback only.
    c.config.network = if names.is_empty() { Mode::Private } else { Mode::Bridge(names) };
    containers.set_config(&c.id, &c.config)?;
    ctx.event(&crate::events::Event::network(&c.id, &net.name, "disconnect"));
    resolution.context("updating the name resolution files (/etc/resolv.conf, /etc/hosts)")
}

/// `network reload`: the running container `ckey`'s networks set up
/// again (firewall rules included). Returns its ID.
pub fn reload(ctx: &Context, ckey: &str) -> anyhow::Result<String> {
    ctx.enter_user_namespace()?;
    let mut containers = ctx.containers()?;
    let found = containers.find(ckey)?;
    let _lock = containers.lock(&found.id)?;
    let c = containers.get(&found.id)?.ok_or_else(|| crate::container::record::unknown(ckey))?;
    let run_root = ctx.paths()?.run_root.clone();
    if !c.state.status.is_live() || !super::bridge::reload(&run_root, &c.id)? {
        return Err(Failure::state_improper(format!(
            "container {} network is not configured, refusing to reload: container state improper",
            c.id
        ))
        .into());
    }
    Ok(c.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(name: &str) -> CreateRequest {
        CreateRequest { name: name.into(), ..CreateRequest::default() }
    }

    #[test]
    fn names() {
        assert!(check_name("n1").is_ok() && check_name("a.b-c_d").is_ok());
        for bad in ["", "-a", "a b", "a/b", "ü"] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn subnets_and_bridges_are_allocated_around_what_is_used() {
        let default = Network::default_network("10.88.0.0/16").unwrap();
        let only_default = std::slice::from_ref(&default);
        let host = parse_routes_v4(
            "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\tMTU\tWindow\tIRTT\n\
             eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n\
             eth0\t0000590A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n",
        );
        assert_eq!(host, [Cidr::parse("10.89.0.0/24").unwrap()], "the default route is left out");
        let a = build(&req("a"), only_default, &host, &["podman1".into()]).unwrap();
        assert_eq!(a.subnets[0].subnet, "10.89.1.0/24", "the host's 10.89.0.0/24 is skipped");
        assert_eq!(a.subnets[0].gateway, Some("10.89.1.1".parse().unwrap()));
        assert_eq!(a.network_interface.as_deref(), Some("podman2"), "podman0 is the default's, podman1 the host's");
        assert!(a.dns_enabled && !a.internal && !a.ipv6_enabled);
        assert_eq!(a.id.len(), 64);
        let b = build(&req("b"), &[default.clone(), a.clone()], &host, &[]).unwrap();
        assert_eq!(b.subnets[0].subnet, "10.89.2.0/24");
        assert_eq!(b.network_interface.as_deref(), Some("podman1"));

        let mut r = req("c");
        r.subnets = vec!["10.89.1.128/25".into()];
        let e = build(&r, &[default.clone(), a.clone()], &host, &[]).unwrap_err();
        assert!(format!("{e:#}").contains("already used on the host or by another config"), "{e:#}");
        r.subnets = vec!["192.168.77.0/24".into()];
        r.gateways = vec!["192.168.77.254".parse().unwrap()];
        r.ip_ranges = vec!["192.168.77.128/26".into()];
        r.internal = true;
        r.disable_dns = true;
        r.options = [("mtu".to_string(), "1400".to_string())].into();
        let c = build(&r, only_default, &host, &[]).unwrap();
        assert_eq!(c.subnets[0].gateway, Some("192.168.77.254".parse().unwrap()));
        assert_eq!(c.subnets[0].lease_range, Some(json!({"start_ip": "192.168.77.129", "end_ip": "192.168.77.191"})));
        assert!(c.internal && !c.dns_enabled);
        assert_eq!(c.options["mtu"], "1400");
        r.gateways = vec!["10.0.0.1".parse().unwrap()];
        assert!(build(&r, only_default, &host, &[]).is_err(), "a gateway outside the subnet");

        let mut internal = req("d");
        internal.internal = true;
        internal.disable_dns = true;
        let d = build(&internal, only_default, &host, &[]).unwrap();
        assert_eq!(d.subnets[0].gateway, None, "an internal network without DNS has no gateway");

        let mut v6 = req("e");
        v6.ipv6 = true;
        let e = build(&v6, only_default, &host, &[]).unwrap();
        assert_eq!(e.subnets.len(), 2);
        assert!(e.ipv6_enabled && e.subnets[1].subnet.starts_with("fd") && e.subnets[1].subnet.ends_with("::/64"));

        let mut bad = req("f");
        bad.options = [("vlan".to_string(), "3".to_string())].into();
        assert!(build(&bad, only_default, &host, &[]).is_err());
        bad.options = [("com.docker.network.bridge.name".to_string(), "podman0".to_string())].into();
        assert!(build(&bad, only_default, &host, &[]).is_err(), "the default network's bridge");
        bad.options.clear();
        bad.disable_dns = true;
        bad.dns = vec!["192.0.2.1".parse().unwrap()];
        assert!(build(&bad, only_default, &host, &[]).is_err());
        bad.driver = "macvlan".into();
        assert!(build(&bad, &[default], &host, &[]).is_err());
    }

    #[test]
    fn create_writes_podmans_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = req("n1");
        r.subnets = vec!["10.123.45.0/24".into()];
        let n = create(dir.path(), "10.88.0.0/16", &r, false).unwrap();
        let text = std::fs::read_to_string(dir.path().join("n1.json")).unwrap();
        assert!(text.starts_with("{\n     \"name\": \"n1\",\n     \"id\": "), "{text}");
        assert_eq!(serde_json::from_str::<Network>(&text).unwrap(), n);
        let e = create(dir.path(), "10.88.0.0/16", &r, false).unwrap_err();
        assert_eq!(format!("{e:#}"), "network name n1 already used: network already exists");
        assert_eq!(create(dir.path(), "10.88.0.0/16", &r, true).unwrap(), n, "--ignore");
        assert!(create(dir.path(), "10.88.0.0/16", &req("podman"), false).is_err());
        let leases = range_of(&Subnet {
            subnet: "10.0.0.0/24".into(),
            gateway: None,
            lease_range: Some(json!({"start_ip": "10.0.0.10", "end_ip": "10.0.0.20"})),
        })
        .unwrap();
        assert!(in_range("10.0.0.10".parse().unwrap(), leases) && !in_range("10.0.0.21".parse().unwrap(), leases));
    }
}
