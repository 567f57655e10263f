//! Bridge networks as root, through netavark (Podman's network stack),
//! driven by its JSON interface as Podman drives it: `netavark --config
//! DIR setup|teardown NETNS` with the networks and the container's
//! options (interface, static IPs, MAC, aliases, port mappings) as input.
//! netavark makes the bridge, the veth pair, the addresses and routes, and
//! the firewall rules (NAT, port forwarding); aardvark-dns serves names on
//! networks with DNS.
//!
//! Addresses are reserved machine-wide, per bridge (every store on the
//! machine shares the bridges): `/run/rpod-networks/ipam/BRIDGE/IP`, one
//! file per address in use holding the container's ID (created
//! exclusively: the allocation needs no lock). rpod keeps, under
//! `<run root>/networks/` (netavark's `--config` directory, aardvark-dns's
//! configuration inside), `containers/ID.json`: what was set up (the netns
//! path, netavark's input, its answer), so teardown repeats exactly that,
//! whatever the network files say by then.
//!
//! The container's network namespace is made before the container (so
//! netavark can configure it and the container joins it) and kept alive by
//! a bind mount at `<run root>/netns/ID`, both in the starting command's
//! private mount namespace (which the monitor and the container inherit)
//! and in the host's (the one rpod was started in: private ones go with
//! their processes): when the container's monitor is killed, the next
//! command still finds it and tears everything down ([`teardown`]).
//! netavark runs in the host's mount namespace, so aardvark-dns, which it
//! starts, never holds a container's mounts.
//!
//! Rootless, all of this happens in the user's rootless network namespace
//! ([`super::rootless_netns`]): netavark runs there (in its holder's
//! network and mount namespaces), the bind mounts are kept in the
//! holder's mount namespace, addresses are reserved in `<run
//! root>/networks/ipam`, and a published port is carried by a forwarder
//! of the container's own ([`super::forward`]) from the host into the
//! rootless namespace's loopback, where netavark's port forwarding takes
//! it to the container.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{anyhow, bail, Context as _};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::config::{Cidr, Network};
use super::names::Attachment;
use crate::error::{ExitCode, Failure};

/// Where Podman's helpers are installed (containers.conf's
/// `helper_binaries_dir` defaults).
const HELPER_DIRS: [&str; 4] =
    ["/usr/local/libexec/podman", "/usr/local/lib/podman", "/usr/libexec/podman", "/usr/lib/podman"];
/// netavark's firewall changes are serialized machine-wide (concurrent
/// runs race on the shared chains), as Podman serializes them.
const LOCK: &str = "/run/lock/rpod-netavark.lock";
/// The machine-wide address reservations.
const IPAM_DIR: &str = "/run/rpod-networks/ipam";

/// A container's own settings on bridge networks (`--ip`, `--ip6`,
/// `--mac-address`, `--network-alias`), recorded at create.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BridgeSettings {
    /// For every network (`--ip`, `--ip6`, `--mac-address`, `--network-alias`).
    #[serde(flatten)]
    pub all: NetSettings,
    /// Settings for one network (`network connect --ip/--ip6/--alias`), over
    /// the ones above.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub networks: BTreeMap<String, NetSettings>,
}

/// A container's settings on one network.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetSettings {
    /// `--ip`: the address asked for in the network's IPv4 subnet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip: Option<IpAddr>,
    /// `--ip6`: the address asked for in the network's IPv6 subnet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip6: Option<IpAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl BridgeSettings {
    pub fn is_empty(&self) -> bool {
        *self == BridgeSettings::default()
    }

    /// What applies on network `name`.
    pub fn on(&self, name: &str) -> NetSettings {
        self.networks.get(name).cloned().unwrap_or_else(|| self.all.clone())
    }

    /// The settings given for every network pinned to each of `networks`
    /// (before one more network is connected: `--ip` then stays with the
    /// network it was given for).
    pub fn pin(&mut self, networks: &[String]) {
        if self.all == NetSettings::default() {
            return;
        }
        for n in networks {
            let s = self.on(n);
            self.networks.entry(n.clone()).or_insert(s);
        }
        self.all = NetSettings::default();
    }

    /// Checks the values (exit 125 before anything is stored).
    pub fn validate(&self) -> anyhow::Result<()> {
        self.all.validate()?;
        for n in self.networks.values() {
            n.validate()?;
        }
        Ok(())
    }

    /// `--ip` and `--ip6` given for every network name one address: with
    /// several networks they are refused (Podman's message, exit 125).
    pub fn check_networks(&self, networks: &[String]) -> anyhow::Result<()> {
        if networks.len() < 2 || networks.iter().all(|n| self.networks.contains_key(n)) {
            return Ok(());
        }
        for (flag, set) in [("ip", self.all.ip.is_some()), ("ip6", self.all.ip6.is_some())] {
            if set {
                return Err(Failure::new(
                    ExitCode::Engine,
                    format!("--{flag} can only be set for a single network: invalid argument"),
                )
                .into());
            }
        }
        Ok(())
    }
}

impl NetSettings {
    /// The static addresses asked for (`--ip`, `--ip6`).
    pub fn static_ips(&self) -> Vec<IpAddr> {
        self.ip.into_iter().chain(self.ip6).collect()
    }

    /// Checks the values (exit 125 before anything is stored).
    pub fn validate(&self) -> anyhow::Result<()> {
        if let Some(ip) = self.ip.filter(IpAddr::is_ipv6) {
            bail!("--ip {ip}: not an IPv4 address (--ip6 sets the IPv6 one)");
        }
        if let Some(ip) = self.ip6.filter(IpAddr::is_ipv4) {
            bail!("--ip6 {ip}: not an IPv6 address (--ip sets the IPv4 one)");
        }
        if let Some(mac) = &self.mac_address {
            let parts: Vec<&str> = mac.split(':').collect();
            let ok = parts.len() == 6 && parts.iter().all(|p| p.len() == 2 && u8::from_str_radix(p, 16).is_ok());
            if !ok {
                bail!("--mac-address {mac:?}: not a MAC address (six hex pairs, 92:d0:c6:0a:29:33)");
            }
            if u8::from_str_radix(parts[0], 16).is_ok_and(|b| b & 1 == 1) {
                bail!("--mac-address {mac}: a multicast address cannot be an interface's");
            }
        }
        for a in &self.aliases {
            if a.is_empty() || !a.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')) {
                bail!("--network-alias {a:?}: not a host name");
            }
        }
        Ok(())
    }
}

/// One published port, netavark's `port_mappings` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortMapping {
    pub container_port: u16,
    pub host_ip: String,
    pub host_port: u16,
    pub protocol: String,
    pub range: u16,
}

/// What was set up for a container, kept until its teardown.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Attached {
    /// The netns bind mount (a path in the host's mount namespace).
    pub netns: PathBuf,
    /// netavark's input.
    pub options: Value,
    /// netavark's answer: per network, its StatusBlock.
    #[serde(default)]
    pub status: Value,
    /// (bridge, address) pairs reserved in the IPAM directory.
    pub ips: Vec<(String, IpAddr)>,
    /// Rootless: the rootless network namespace it was set up in
    /// ([`super::rootless_netns::Netns::id`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rootless_netns: Option<String>,
    /// Rootless: the forwarder carrying its published ports (PID, start
    /// time; [`super::forward`]).
    #[serde(default, alias = "ports_pasta", skip_serializing_if = "Option::is_none")]
    pub ports_forwarder: Option<(i32, u64)>,
}

impl Attached {
    /// The path the container joins (mounted in the starter's namespace).
    pub fn join_path(&self) -> PathBuf {
        self.netns.clone()
    }

    /// Name resolution's view: the container's addresses, the gateway
    /// (reaches the host), aardvark-dns's servers and search domains.
    pub fn attachment(&self) -> Attachment {
        self.attachment_on(|_| true)
    }

    /// [`Self::attachment`] from the networks whose name `keep` accepts.
    pub fn attachment_on(&self, keep: impl Fn(&str) -> bool) -> Attachment {
        let mut a = Attachment::default();
        let Some(nets) = self.status.as_object() else { return a };
        for block in nets.iter().filter(|(n, _)| keep(n)).map(|(_, b)| b) {
            for ip in block["dns_server_ips"].as_array().into_iter().flatten() {
                if let Some(ip) = ip.as_str().and_then(|s| s.parse().ok()) {
                    if !a.nameservers.contains(&ip) {
                        a.nameservers.push(ip);
                    }
                }
            }
            for d in block["dns_search_domains"].as_array().into_iter().flatten() {
                if let Some(d) = d.as_str().filter(|d| !a.search.iter().any(|x| x == d)) {
                    a.search.push(d.to_string());
                }
            }
            for iface in block["interfaces"].as_object().into_iter().flat_map(|m| m.values()) {
                for sub in iface["subnets"].as_array().into_iter().flatten() {
                    let addr = sub["ipnet"].as_str().and_then(|n| n.split('/').next()).and_then(|s| s.parse().ok());
                    if let Some(ip) = addr {
                        a.ips.push(ip);
                        a.ipv6 |= matches!(ip, IpAddr::V6(_));
                    }
                    // The first gateway, an IPv4 one rather (as Podman picks it).
                    if a.host_ip.is_none_or(|h: IpAddr| h.is_ipv6()) {
                        let gw: Option<IpAddr> = sub["gateway"].as_str().and_then(|g| g.parse().ok());
                        if a.host_ip.is_none() || gw.is_some_and(|g| g.is_ipv4()) {
                            a.host_ip = gw.or(a.host_ip);
                        }
                    }
                }
            }
        }
        a
    }
}

/// `<run root>/networks`: netavark's `--config` directory and rpod's state.
fn state_dir(run_root: &Path) -> PathBuf {
    run_root.join("networks")
}

/// The state directory and its `containers`, 0700 whatever the umask
/// (netavark's `--config`: its aardvark-dns files are made inside).
fn private_state_dir(dir: &Path) -> anyhow::Result<()> {
    for d in [dir.to_path_buf(), dir.join("containers")] {
        crate::paths::private_dir_all(&d).with_context(|| format!("creating {}", d.display()))?;
    }
    Ok(())
}

fn attached_path(run_root: &Path, id: &str) -> PathBuf {
    state_dir(run_root).join("containers").join(format!("{id}.json"))
}

/// Where netavark runs: in the host's namespaces (as root) or in the
/// rootless network namespace.
enum Place {
    Host,
    Rootless(super::rootless_netns::Netns),
}

/// This process is rootless rpod (or its monitor), in the user namespace
/// or not yet: its networks are in the rootless network namespace.
fn rootless() -> bool {
    if !nix::unistd::geteuid().is_root() {
        return true;
    }
    let map = std::fs::read_to_string("/proc/self/uid_map").unwrap_or_default();
    map.split_whitespace().collect::<Vec<_>>() != ["0", "0", "4294967295"]
}

/// Where addresses are reserved: machine-wide as root (the bridges are
/// the host's), in the run root rootless (they are the rootless
/// namespace's).
fn ipam_dir(run_root: &Path) -> PathBuf {
    if rootless() {
        state_dir(run_root).join("ipam")
    } else {
        PathBuf::from(IPAM_DIR)
    }
}

/// The place a container attached as `a` is torn down in: `None` when it
/// was attached in a rootless namespace that is gone (nothing of it is
/// left to undo but its address reservations). The caller holds the
/// rootless lock.
fn place_of(run_root: &Path, a: &Attached) -> Option<Place> {
    if !rootless() {
        return Some(Place::Host);
    }
    let n = super::rootless_netns::live(run_root)?;
    (a.rootless_netns.as_deref() == Some(n.id.as_str())).then_some(Place::Rootless(n))
}

/// The rootless lock (`None` as root).
fn rootless_lock(run_root: &Path) -> anyhow::Result<Option<nix::fcntl::Flock<std::fs::File>>> {
    if rootless() {
        Ok(Some(super::rootless_netns::lock(run_root)?))
    } else {
        Ok(None)
    }
}

/// Rootless: makes sure the rootless network namespace runs, before the
/// starting container's root file system is mounted (the holder's mount
/// namespace is a copy of the starter's: better without those mounts).
pub fn prepare(run_root: &Path) -> anyhow::Result<()> {
    if rootless() {
        rootless_netns(run_root)?;
    }
    Ok(())
}

/// Rootless: the rootless network namespace of `run_root`, made if need
/// be. One made with no container attached stays until the last container
/// on a user network leaves (`rpod unshare --rootless-netns`, as Podman's).
pub fn rootless_netns(run_root: &Path) -> anyhow::Result<super::rootless_netns::Netns> {
    let _lock = super::rootless_netns::lock(run_root)?;
    super::rootless_netns::ensure(run_root, &state_dir(run_root))
}

/// Rootless: the rootless network namespace ended when no container is
/// attached any more. The caller holds the rootless lock.
fn stop_if_unused(run_root: &Path) {
    let dir = state_dir(run_root);
    let any = std::fs::read_dir(dir.join("containers"))
        .map(|d| d.flatten().any(|e| e.file_name().to_string_lossy().ends_with(".json")))
        .unwrap_or(false);
    if !any && super::rootless_netns::live(run_root).is_some() {
        log::debug!("no container on a user network: ending the rootless network namespace");
        super::rootless_netns::stop(run_root, &dir);
    }
}

/// One of Podman's helper programs (`netavark`, `aardvark-dns`).
pub fn helper(name: &str) -> Option<PathBuf> {
    HELPER_DIRS.iter().map(|d| Path::new(d).join(name)).find(|p| p.is_file())
}

/// A command run in the host's mount namespace (util-linux's nsenter,
/// given this process's descriptor of it), or as it is when this process
/// is still there.
fn in_host_mounts(program: &Path) -> Command {
    use std::os::fd::AsRawFd;
    match crate::context::host_mount_namespace() {
        Some(fd) => {
            let mut cmd = Command::new("nsenter");
            cmd.arg(format!("--mount=/proc/{}/fd/{}", std::process::id(), fd.as_raw_fd())).arg("--").arg(program);
            cmd
        }
        None => Command::new(program),
    }
}

fn run_checked(cmd: &mut Command, what: &str) -> anyhow::Result<Vec<u8>> {
    let out = cmd.stdin(Stdio::null()).output().with_context(|| format!("{what}: running {:?}", cmd.get_program()))?;
    if !out.status.success() {
        // netavark reports its error as {"error": "..."} on stdout.
        let msg = serde_json::from_slice::<Value>(&out.stdout)
            .ok()
            .and_then(|v| v["error"].as_str().map(str::to_string))
            .unwrap_or_else(|| String::from_utf8_lossy(&out.stderr).trim().to_string());
        bail!("{what}: {msg}");
    }
    Ok(out.stdout)
}

/// The machine-wide netavark lock.
fn lock() -> anyhow::Result<nix::fcntl::Flock<std::fs::File>> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    // /run/lock is open to every user (1777): never a symlink, 0600 whatever
    // the umask, and one another user made (to hold it) is refused.
    let f = crate::paths::private_file()
        .create(true)
        .truncate(false)
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(LOCK)
        .with_context(|| format!("opening {LOCK}"))?;
    let owner = f.metadata().with_context(|| format!("checking {LOCK}"))?.uid();
    if owner != nix::unistd::geteuid().as_raw() {
        bail!("{LOCK} is owned by uid {owner}, not by this user: another user made it; remove it");
    }
    nix::fcntl::Flock::lock(f, nix::fcntl::FlockArg::LockExclusive).map_err(|(_, e)| anyhow!("locking {LOCK}: {e}"))
}

/// Reserve addresses on `net` for `id`, one per subnet (IPv4 and IPv6 on
/// a dual-stack network), in the network's order of subnets, as Podman's
/// IPAM does: in a subnet, the address of `wanted` it contains (`--ip`,
/// `--ip6`), else the lowest free one after the gateway (within
/// `--ip-range`). Each of `wanted` must be in a subnet. On failure nothing
/// stays reserved.
fn allocate(dir: &Path, net: &Network, id: &str, wanted: &[IpAddr]) -> anyhow::Result<Vec<IpAddr>> {
    let net_dir = dir.join(net.network_interface.as_deref().unwrap_or(&net.name));
    let subnets: Vec<(Cidr, Option<IpAddr>)> =
        net.subnets.iter().map(|s| Ok((Cidr::parse(&s.subnet)?, s.gateway))).collect::<anyhow::Result<_>>()?;
    for ip in wanted {
        let Some((cidr, gw)) = subnets.iter().find(|(c, _)| c.contains(*ip)) else {
            bail!("requested static ip {ip} not in any subnet on network {}", net.name);
        };
        if Some(*ip) == *gw || cidr.addr == *ip {
            bail!("requested static ip {ip} is the network's own address (network {})", net.name);
        }
    }
    for d in [dir, net_dir.as_path()] {
        crate::paths::private_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
    }
    let mut got: Vec<IpAddr> = Vec::new();
    let result = (|| -> anyhow::Result<()> {
        for (i, (cidr, gw)) in subnets.iter().enumerate() {
            let ip = match wanted.iter().find(|ip| cidr.contains(**ip)) {
                Some(ip) => claim_wanted(&net_dir, net, id, *ip)?,
                None => claim_free(&net_dir, net, id, i, cidr, *gw)?,
            };
            got.push(ip);
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(got),
        Err(e) => {
            let bridge = bridge_of(net);
            release(dir, &got.iter().map(|ip| (bridge.clone(), *ip)).collect::<Vec<_>>(), id);
            Err(e)
        }
    }
}

/// Reserves `ip` on `net` for `id` (the file created exclusively): whether
/// it was free.
fn claim(net_dir: &Path, net: &Network, id: &str, ip: IpAddr) -> anyhow::Result<bool> {
    match crate::paths::private_file().write(true).create_new(true).open(net_dir.join(ip.to_string())) {
        Ok(mut f) => {
            f.write_all(id.as_bytes())?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(anyhow!("reserving {ip} on network {}: {e}", net.name)),
    }
}

/// The address asked for, or Podman's IPAM error naming its holder.
fn claim_wanted(net_dir: &Path, net: &Network, id: &str, ip: IpAddr) -> anyhow::Result<IpAddr> {
    if claim(net_dir, net, id, ip)? {
        return Ok(ip);
    }
    let owner = std::fs::read_to_string(net_dir.join(ip.to_string())).unwrap_or_default();
    Err(Failure::new(
        ExitCode::Engine,
        format!("IPAM error: requested ip address {ip} is already allocated to container ID {}", owner.trim()),
    )
    .into())
}

/// The lowest free address of subnet `i` of `net` (`cidr`, gateway `gw`),
/// within its `--ip-range`.
fn claim_free(
    net_dir: &Path,
    net: &Network,
    id: &str,
    i: usize,
    cidr: &Cidr,
    gw: Option<IpAddr>,
) -> anyhow::Result<IpAddr> {
    // `--ip-range`: only its addresses are handed out.
    let range = net.subnets.get(i).and_then(super::manage::range_of);
    let offset = |ip: IpAddr| match (ip, cidr.addr) {
        (IpAddr::V4(a), IpAddr::V4(b)) => u128::from(u32::from(a).saturating_sub(u32::from(b))),
        (IpAddr::V6(a), IpAddr::V6(b)) => u128::from(a).saturating_sub(u128::from(b)),
        _ => 0,
    };
    let mut n: u128 = range.map_or(1, |(start, _)| offset(start).max(1));
    while let Some(ip) = cidr.nth(n) {
        if range.is_some_and(|r| !super::manage::in_range(ip, r)) {
            break;
        }
        if Some(ip) != gw && claim(net_dir, net, id, ip)? {
            return Ok(ip);
        }
        n += 1;
    }
    Err(Failure::new(ExitCode::Engine, format!("IPAM error: failed to find free IP in network {}", net.name)).into())
}

/// A removed network's empty address-reservation directory removed (one
/// still holding addresses is another store's network on that bridge).
pub fn forget(run_root: &Path, net: &Network) {
    let _ = std::fs::remove_dir(ipam_dir(run_root).join(bridge_of(net)));
}

fn release(dir: &Path, ips: &[(String, IpAddr)], id: &str) {
    for (net, ip) in ips {
        let p = dir.join(net).join(ip.to_string());
        // Only our own reservation (a stale state file must not free
        // another container's address).
        if std::fs::read_to_string(&p).is_ok_and(|owner| owner == id) {
            let _ = std::fs::remove_file(&p);
        }
    }
}

/// Connect container `id` (named `name`) to `networks`: the netns made and
/// bind-mounted, addresses reserved, netavark's setup run. On failure
/// everything done so far is undone.
pub fn setup(
    run_root: &Path,
    id: &str,
    name: &str,
    networks: &[Network],
    settings: &BridgeSettings,
    given: &[PortMapping],
) -> anyhow::Result<Attached> {
    let bin = need_netavark()?;
    for n in networks {
        n.check()?;
    }
    settings.check_networks(&networks.iter().map(|n| n.name.clone()).collect::<Vec<_>>())?;
    let _lock = rootless_lock(run_root)?;
    // Whatever an earlier start left (its monitor killed, nothing reconciled yet).
    teardown_locked(run_root, id)?;
    let dir = state_dir(run_root);
    private_state_dir(&dir)?;
    let place = if rootless() { Place::Rootless(super::rootless_netns::ensure(run_root, &dir)?) } else { Place::Host };
    // A new path each time: a stale copy of an earlier bind mount (in
    // mount namespaces made while it existed) must not be in the way.
    let netns = run_root.join("netns").join(format!("{id}-{}", crate::container::record::now_ns()));
    let mut attached = Attached {
        netns: netns.clone(),
        options: Value::Null,
        status: Value::Null,
        ips: Vec::new(),
        rootless_netns: match &place {
            Place::Rootless(n) => Some(n.id.clone()),
            Place::Host => None,
        },
        ports_forwarder: None,
    };
    // Rootless, the forwarder has taken the host's side: in the rootless
    // namespace a published port arrives on its loopback, whatever host
    // address it was published on.
    let ports: Vec<PortMapping> = match &place {
        Place::Rootless(_) => given.iter().map(|p| PortMapping { host_ip: String::new(), ..p.clone() }).collect(),
        Place::Host => given.to_vec(),
    };
    let result = (|| -> anyhow::Result<()> {
        let mut per_network = serde_json::Map::new();
        let mut info = serde_json::Map::new();
        for (i, net) in networks.iter().enumerate() {
            let s = settings.on(&net.name);
            let (ips, per) = per_network_options(run_root, net, id, &s, &format!("eth{i}"))?;
            attached.ips.extend(ips.into_iter().map(|ip| (bridge_of(net), ip)));
            per_network.insert(net.name.clone(), per);
            info.insert(net.name.clone(), serde_json::to_value(net)?);
        }
        attached.options = json!({
            "container_id": id,
            "container_name": name,
            "networks": per_network,
            "network_info": info,
            "port_mappings": if ports.is_empty() { None } else { Some(&ports) },
        });
        // The state first: whatever happens next, teardown finds it.
        crate::files::write_atomic(&attached_path(run_root, id), &serde_json::to_vec(&attached)?[..])?;
        make_netns(&netns, &place)?;
        let out = netavark(&bin, &dir, "setup", &attached.options, &netns, &place)?;
        attached.status = serde_json::from_slice(&out).context("reading netavark's answer")?;
        crate::files::write_atomic(&attached_path(run_root, id), &serde_json::to_vec(&attached)?[..])?;
        if let (Place::Rootless(n), false) = (&place, ports.is_empty()) {
            attached.ports_forwarder = Some(super::forward::start(&n.open()?, given)?);
            crate::files::write_atomic(&attached_path(run_root, id), &serde_json::to_vec(&attached)?[..])?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        if let Err(t) = teardown_locked(run_root, id) {
            log::warn!("undoing the network set-up of {id}: {t:#}");
        }
        return Err(match e.downcast::<Failure>() {
            Ok(f) => f.into(),
            Err(e) => Failure::new(ExitCode::Engine, format!("{e:#}")).into(),
        });
    }
    Ok(attached)
}

/// The bridge an address of `net` is reserved on.
fn bridge_of(net: &Network) -> String {
    net.network_interface.clone().unwrap_or_else(|| net.name.clone())
}

/// netavark's per-network options for container `id` on `net` (its
/// addresses reserved for it, one per subnet), interface `iface`.
fn per_network_options(
    run_root: &Path,
    net: &Network,
    id: &str,
    s: &NetSettings,
    iface: &str,
) -> anyhow::Result<(Vec<IpAddr>, Value)> {
    let ips = allocate(&ipam_dir(run_root), net, id, &s.static_ips())?;
    let mut aliases = s.aliases.clone();
    if net.dns_enabled {
        aliases.push(id[..12].to_string());
    }
    let per = json!({
        "aliases": if net.dns_enabled { Some(aliases) } else { None },
        "interface_name": iface,
        "static_ips": ips,
        "static_mac": s.mac_address,
    });
    Ok((ips, per))
}

/// `netavark setup|teardown NETNS` with `options` as input (as root under
/// the machine-wide lock, rootless under the caller's rootless lock); its
/// answer.
fn netavark(
    netavark: &Path,
    dir: &Path,
    verb: &str,
    options: &Value,
    netns: &Path,
    place: &Place,
) -> anyhow::Result<Vec<u8>> {
    let id = options["container_id"].as_str().unwrap_or("x");
    // An aardvark-dns that was killed leaves its pid file: netavark would
    // signal that pid and not start a new one.
    let stale = forget_dead_aardvark(dir);
    private_state_dir(dir)?;
    let input = dir.join("containers").join(format!("{id}.{verb}-{}.json", std::process::id()));
    crate::files::write_atomic(&input, &serde_json::to_vec(options)?[..])?;
    let what = if verb == "setup" { "setting up the network" } else { "tearing down the network" };
    let out = match place {
        Place::Host => {
            lock().and_then(|_lock| run_checked(netavark_cmd(netavark, dir, &input, place).arg(verb).arg(netns), what))
        }
        Place::Rootless(_) => run_checked(netavark_cmd(netavark, dir, &input, place).arg(verb).arg(netns), what),
    };
    let _ = std::fs::remove_file(&input);
    match out {
        // Nothing to tell a dead aardvark-dns (the next setup starts one).
        Err(e) if verb == "teardown" && (stale || !aardvark_alive(dir)) && is_only_aardvark_gone(&e) => Ok(Vec::new()),
        out => out,
    }
}

fn aardvark_pid_file(dir: &Path) -> PathBuf {
    dir.join("aardvark-dns").join("aardvark.pid")
}

/// The aardvark-dns of this config directory runs (its pid file names a
/// live process of that name, not a zombie).
fn aardvark_alive(dir: &Path) -> bool {
    let Some(pid) = std::fs::read_to_string(aardvark_pid_file(dir)).ok().and_then(|p| p.trim().parse::<u32>().ok())
    else {
        return false;
    };
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let state = stat.rsplit_once(") ").and_then(|(_, rest)| rest.chars().next());
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    matches!(state, Some(c) if c != 'Z' && c != 'X') && comm.trim() == "aardvark-dns"
}

/// Removes the pid file of a dead aardvark-dns; whether there was one.
fn forget_dead_aardvark(dir: &Path) -> bool {
    let path = aardvark_pid_file(dir);
    if path.exists() && !aardvark_alive(dir) {
        log::debug!("aardvark-dns of {} is gone: forgetting its pid", dir.display());
        let _ = std::fs::remove_file(&path);
        return true;
    }
    false
}

fn is_only_aardvark_gone(e: &anyhow::Error) -> bool {
    let msg = format!("{e:#}");
    msg.ends_with("aardvark pid not found") && msg.matches("error").count() <= 1
}

/// netavark's input narrowed to network `name`.
fn only(options: &Value, name: &str) -> Value {
    let mut o = options.clone();
    o["networks"] = json!({ name: options["networks"][name] });
    o["network_info"] = json!({ name: options["network_info"][name] });
    o
}

fn need_netavark() -> anyhow::Result<PathBuf> {
    helper("netavark").ok_or_else(|| {
        Failure::new(
            ExitCode::Engine,
            format!(
                "bridge networks need netavark, not found in {} (Debian: apt-get install netavark aardvark-dns)",
                HELPER_DIRS.join(", ")
            ),
        )
        .into()
    })
}

/// Connect the running container `id` (attached to its networks) to one
/// more, `net`: an interface `ethN` in its namespace, an address, its
/// names in aardvark-dns. The caller holds the container's lock.
pub fn connect(run_root: &Path, id: &str, net: &Network, s: &NetSettings) -> anyhow::Result<()> {
    let netavark_bin = need_netavark()?;
    net.check()?;
    let _lock = rootless_lock(run_root)?;
    let mut a = attached(run_root, id).ok_or_else(|| anyhow!("container {id} is not attached to its networks"))?;
    let place = place_of(run_root, &a).ok_or_else(|| replaced(id))?;
    let used: Vec<&str> = a.options["networks"]
        .as_object()
        .into_iter()
        .flat_map(|m| m.values())
        .filter_map(|v| v["interface_name"].as_str())
        .collect();
    let iface = (0..).map(|i| format!("eth{i}")).find(|i| !used.contains(&i.as_str())).expect("unbounded");
    let (ips, per) = per_network_options(run_root, net, id, s, &iface)?;
    let bridge = bridge_of(net);
    let mine: Vec<(String, IpAddr)> = ips.iter().map(|ip| (bridge.clone(), *ip)).collect();
    // The reservations recorded first: a teardown after a crash frees them.
    a.ips.extend(mine.iter().cloned());
    crate::files::write_atomic(&attached_path(run_root, id), &serde_json::to_vec(&a)?[..])?;
    let mut input = a.options.clone();
    input["networks"] = json!({ net.name.clone(): per.clone() });
    input["network_info"] = json!({ net.name.clone(): serde_json::to_value(net)? });
    let out = netavark(&netavark_bin, &state_dir(run_root), "setup", &input, &a.netns, &place)
        .and_then(|o| serde_json::from_slice::<Value>(&o).context("reading netavark's answer"));
    match out {
        Ok(status) => {
            a.options["networks"][&net.name] = per;
            a.options["network_info"][&net.name] = serde_json::to_value(net)?;
            if !a.status.is_object() {
                a.status = json!({});
            }
            a.status[&net.name] = status[&net.name].clone();
        }
        Err(e) => {
            release(&ipam_dir(run_root), &mine, id);
            a.ips.retain(|x| !mine.contains(x));
            crate::files::write_atomic(&attached_path(run_root, id), &serde_json::to_vec(&a)?[..])?;
            return Err(e);
        }
    }
    crate::files::write_atomic(&attached_path(run_root, id), &serde_json::to_vec(&a)?[..])
}

/// Disconnect the running container `id` from network `name`: its
/// interface there removed, its address freed, its names gone from
/// aardvark-dns. The caller holds the container's lock.
pub fn disconnect(run_root: &Path, id: &str, name: &str) -> anyhow::Result<()> {
    let _lock = rootless_lock(run_root)?;
    let Some(mut a) = attached(run_root, id) else { return Ok(()) };
    if a.options["networks"].get(name).is_none() {
        return Ok(());
    }
    let input = only(&a.options, name);
    // In a rootless namespace that is gone there is nothing to undo.
    let result = match place_of(run_root, &a) {
        Some(place) => netavark(&need_netavark()?, &state_dir(run_root), "teardown", &input, &a.netns, &place),
        None => Ok(Vec::new()),
    };
    let net: Option<Network> = serde_json::from_value(a.options["network_info"][name].clone()).ok();
    if let Some(net) = net {
        let bridge = bridge_of(&net);
        let mine: Vec<(String, IpAddr)> = a.ips.iter().filter(|(b, _)| *b == bridge).cloned().collect();
        release(&ipam_dir(run_root), &mine, id);
        a.ips.retain(|(b, _)| *b != bridge);
    }
    for key in ["networks", "network_info"] {
        if let Some(m) = a.options[key].as_object_mut() {
            m.remove(name);
        }
    }
    if let Some(m) = a.status.as_object_mut() {
        m.remove(name);
    }
    crate::files::write_atomic(&attached_path(run_root, id), &serde_json::to_vec(&a)?[..])?;
    result.map(|_| ())
}

/// `network reload`: container `id`'s networks set up again as they were
/// (same addresses and MAC addresses), e.g. after the firewall rules were
/// flushed. Returns whether it had any.
pub fn reload(run_root: &Path, id: &str) -> anyhow::Result<bool> {
    let _lock = rootless_lock(run_root)?;
    let Some(mut a) = attached(run_root, id) else { return Ok(false) };
    let place = place_of(run_root, &a).ok_or_else(|| replaced(id))?;
    let bin = need_netavark()?;
    let dir = state_dir(run_root);
    // Keep the MAC addresses the interfaces had.
    if let (Some(status), Some(nets)) = (a.status.as_object().cloned(), a.options["networks"].as_object_mut()) {
        for (name, per) in nets.iter_mut() {
            let mac =
                status.get(name).and_then(|b| b["interfaces"].as_object()?.values().next()?["mac_address"].as_str());
            if let (Some(mac), true) = (mac, per["static_mac"].is_null()) {
                per["static_mac"] = json!(mac);
            }
        }
    }
    if let Err(e) = netavark(&bin, &dir, "teardown", &a.options, &a.netns, &place) {
        log::debug!("reload of {id}: {e:#}");
    }
    let out = netavark(&bin, &dir, "setup", &a.options, &a.netns, &place)?;
    a.status = serde_json::from_slice(&out).context("reading netavark's answer")?;
    crate::files::write_atomic(&attached_path(run_root, id), &serde_json::to_vec(&a)?[..])?;
    Ok(true)
}

fn netavark_cmd(netavark: &Path, dir: &Path, input: &Path, place: &Place) -> Command {
    let mut cmd = match place {
        Place::Host => in_host_mounts(netavark),
        Place::Rootless(n) => {
            let mut c = n.command(netavark);
            c.arg("--rootless").arg("true");
            c
        }
    };
    cmd.arg("--config").arg(dir).arg("--file").arg(input);
    if let Some(a) = helper("aardvark-dns") {
        cmd.arg("--aardvark-binary").arg(a);
    }
    cmd
}

/// A new network namespace, bind-mounted at `path` in this process's mount
/// namespace (util-linux's `unshare --net=FILE`) and in the host's.
fn make_netns(path: &Path, place: &Place) -> anyhow::Result<()> {
    let parent = path.parent().ok_or_else(|| anyhow!("no parent of {}", path.display()))?;
    crate::paths::private_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    crate::paths::private_file_create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut cmd = Command::new("unshare");
    cmd.arg(format!("--net={}", path.display())).arg("true");
    run_checked(&mut cmd, "creating the network namespace")?;
    let keeper = match place {
        Place::Host => crate::context::host_mount_namespace().map(|_| in_host_mounts(Path::new("mount"))),
        Place::Rootless(n) => Some(n.mount_command(Path::new("mount"))),
    };
    if let Some(mut cmd) = keeper {
        // A namespace file may be bind-mounted across mount namespaces.
        let ns = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let src = format!("/proc/{}/fd/{}", std::process::id(), std::os::fd::AsRawFd::as_raw_fd(&ns));
        // Not canonicalized: the link names the namespace, not a path.
        cmd.arg("--no-canonicalize").arg("--bind").arg(src).arg(path);
        run_checked(&mut cmd, "keeping the network namespace")?;
    }
    Ok(())
}

/// Undo [`setup`] for container `id`, if anything is set up: netavark's
/// teardown (veth, firewall rules, the bridge when it was the last user,
/// aardvark-dns entries), the netns bind mount, the reserved addresses.
/// Safe to call any number of times, from any command; concurrent callers
/// leave it to the first. Rootless, the rootless network namespace ends
/// with its last container.
pub fn teardown(run_root: &Path, id: &str) -> anyhow::Result<()> {
    if !rootless() {
        return teardown_locked(run_root, id);
    }
    if !attached_path(run_root, id).exists() {
        return Ok(());
    }
    if !nix::unistd::geteuid().is_root() {
        // A command that did not enter the user namespace (`ps` noticing
        // a killed monitor) cannot reach the rootless namespace: the next
        // start of the container, or its removal, tears it down.
        log::debug!("container {id}: its network is torn down by a command in the user namespace");
        return Ok(());
    }
    let _lock = super::rootless_netns::lock(run_root)?;
    let result = teardown_locked(run_root, id);
    stop_if_unused(run_root);
    result
}

fn replaced(id: &str) -> anyhow::Error {
    anyhow!("container {id}: the rootless network namespace it was attached in is gone (its holder was killed): restart the container")
}

/// [`teardown`], the rootless lock held by the caller.
fn teardown_locked(run_root: &Path, id: &str) -> anyhow::Result<()> {
    let path = attached_path(run_root, id);
    // Taken over by renaming: only one caller gets it.
    let mine = path.with_extension(format!("teardown-{}", std::process::id()));
    match std::fs::rename(&path, &mine) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(anyhow!("taking {}: {e}", path.display())),
    }
    let attached: Attached =
        serde_json::from_slice(&std::fs::read(&mine)?).with_context(|| format!("reading {}", mine.display()))?;
    let dir = state_dir(run_root);
    let mut errors = Vec::new();
    let place = place_of(run_root, &attached);
    if let Some((pid, start)) = attached.ports_forwarder {
        if crate::procfs::process_start(pid) == Some(start) {
            let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
        }
    }
    let any = attached.options["networks"].as_object().is_some_and(|m| !m.is_empty());
    if let (Some(place), false, true) = (&place, attached.status.is_null(), any) {
        match helper("netavark") {
            Some(bin) => {
                if let Err(e) = netavark(&bin, &dir, "teardown", &attached.options, &attached.netns, place) {
                    errors.push(format!("{e:#}"));
                }
            }
            None => errors.push("netavark is gone: the network cannot be torn down".into()),
        }
    }
    // The host's (or the rootless holder's) bind mount (its copies in
    // private namespaces made since go with those), and this namespace's,
    // if any.
    let keeper = match &place {
        Some(Place::Host) => crate::context::host_mount_namespace().map(|_| in_host_mounts(Path::new("umount"))),
        Some(Place::Rootless(n)) => Some(n.mount_command(Path::new("umount"))),
        None => None,
    };
    if let Some(mut cmd) = keeper {
        cmd.arg("--lazy").arg(&attached.netns);
        if let Err(e) = run_checked(&mut cmd, "unmounting the network namespace") {
            log::debug!("{e:#}");
        }
    }
    let _ = nix::mount::umount2(&attached.netns, nix::mount::MntFlags::MNT_DETACH);
    let _ = std::fs::remove_file(&attached.netns);
    release(&ipam_dir(run_root), &attached.ips, id);
    let _ = std::fs::remove_file(&mine);
    if errors.is_empty() {
        Ok(())
    } else {
        bail!("container {id}: {}", errors.join("; "))
    }
}

/// The state of container `id` on its networks, if it is attached.
pub fn attached(run_root: &Path, id: &str) -> Option<Attached> {
    serde_json::from_slice(&std::fs::read(attached_path(run_root, id)).ok()?).ok()
}

/// `NetworkSettings` of inspect for an attached container (Docker's and
/// Podman's keys): per network its IPv4 address and gateway
/// (`IPAddress`, `Gateway`) and its IPv6 ones (`GlobalIPv6Address`,
/// `IPv6Gateway`); the first network's at the top, every network under
/// `Networks`.
pub fn inspect_settings(a: &Attached) -> BTreeMap<&'static str, Value> {
    let mut out = BTreeMap::new();
    let mut networks = serde_json::Map::new();
    let Some(nets) = a.status.as_object() else { return out };
    for (name, block) in nets {
        let Some((_, iface)) = block["interfaces"].as_object().and_then(|m| m.iter().next()) else { continue };
        // (address, prefix length, gateway) of the first subnet of a family.
        let first = |v6: bool| -> (String, u32, String) {
            for sub in iface["subnets"].as_array().into_iter().flatten() {
                let ipnet = sub["ipnet"].as_str().unwrap_or("");
                let (ip, prefix) = ipnet.split_once('/').unwrap_or((ipnet, "0"));
                if ip.parse::<IpAddr>().is_ok_and(|ip| ip.is_ipv6() == v6) {
                    let gateway = sub["gateway"].as_str().unwrap_or("").to_string();
                    return (ip.to_string(), prefix.parse().unwrap_or(0), gateway);
                }
            }
            (String::new(), 0, String::new())
        };
        let (ip, prefix, gateway) = first(false);
        let (ip6, prefix6, gateway6) = first(true);
        let mac = iface["mac_address"].as_str().unwrap_or("");
        let aliases = a.options["networks"][name]["aliases"].clone();
        let doc = json!({
            "EndpointID": "",
            "Gateway": gateway,
            "IPAddress": ip,
            "IPPrefixLen": prefix,
            "IPv6Gateway": gateway6,
            "GlobalIPv6Address": ip6,
            "GlobalIPv6PrefixLen": prefix6,
            "MacAddress": mac,
            "NetworkID": name,
            "DriverOpts": null,
            "IPAMConfig": null,
            "Links": null,
            "Aliases": if aliases.is_null() { json!([]) } else { aliases },
        });
        if out.is_empty() {
            for key in [
                "Gateway",
                "IPAddress",
                "IPPrefixLen",
                "IPv6Gateway",
                "GlobalIPv6Address",
                "GlobalIPv6PrefixLen",
                "MacAddress",
            ] {
                out.insert(key, doc[key].clone());
            }
            out.insert("SandboxKey", json!(a.netns.display().to_string()));
        }
        networks.insert(name.clone(), doc);
    }
    out.insert("Networks", Value::Object(networks));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(v: anyhow::Result<Vec<IpAddr>>) -> IpAddr {
        let v = v.unwrap();
        assert_eq!(v.len(), 1, "{v:?}");
        v[0]
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn addresses_are_reserved_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut net = Network::default_network("10.231.0.0/30").unwrap();
        net.network_interface = Some("t".into());
        let a = one(allocate(dir.path(), &net, "aaa", &[]));
        assert_eq!(a.to_string(), "10.231.0.2", "after the gateway");
        assert!(allocate(dir.path(), &net, "bbb", &[]).is_err(), "a /30 has one address for containers");
        release(dir.path(), &[("t".into(), a)], "bbb");
        assert!(allocate(dir.path(), &net, "bbb", &[]).is_err(), "only the owner frees it");
        release(dir.path(), &[("t".into(), a)], "aaa");
        assert_eq!(one(allocate(dir.path(), &net, "bbb", &[a])), a);
        let taken = allocate(dir.path(), &net, "ccc", &[a]).unwrap_err();
        assert_eq!(
            format!("{taken:#}"),
            "IPAM error: requested ip address 10.231.0.2 is already allocated to container ID bbb",
            "Podman's message"
        );
        assert!(allocate(dir.path(), &net, "ccc", &[ip("10.231.0.1")]).is_err(), "the gateway");
        let outside = allocate(dir.path(), &net, "ccc", &[ip("10.9.0.1")]).unwrap_err();
        assert_eq!(format!("{outside:#}"), "requested static ip 10.9.0.1 not in any subnet on network podman");
    }

    /// A dual-stack network: one address per subnet, in the network's
    /// order; `--ip6` pins the IPv6 one, `--ip` and `--ip6` together pin
    /// both; a failure leaves nothing reserved.
    #[test]
    fn one_address_per_subnet() {
        let dir = tempfile::tempdir().unwrap();
        let mut net = Network::default_network("10.232.0.0/24").unwrap();
        net.network_interface = Some("d".into());
        net.subnets.push(super::super::config::Subnet {
            subnet: "fd12:3456:789a:1::/64".into(),
            gateway: Some(ip("fd12:3456:789a:1::1")),
            lease_range: None,
        });
        let reserved = || -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(dir.path().join("d"))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        let a = allocate(dir.path(), &net, "aaa", &[]).unwrap();
        assert_eq!(a, [ip("10.232.0.2"), ip("fd12:3456:789a:1::2")]);
        let b = allocate(dir.path(), &net, "bbb", &[ip("fd12:3456:789a:1::10")]).unwrap();
        assert_eq!(b, [ip("10.232.0.3"), ip("fd12:3456:789a:1::10")], "--ip6 pins the IPv6 address only");
        let c = allocate(dir.path(), &net, "ccc", &[ip("10.232.0.50"), ip("fd12:3456:789a:1::50")]).unwrap();
        assert_eq!(c, [ip("10.232.0.50"), ip("fd12:3456:789a:1::50")], "--ip and --ip6 together");
        let before = reserved();
        let taken = allocate(dir.path(), &net, "ddd", &[ip("fd12:3456:789a:1::10")]).unwrap_err();
        assert_eq!(
            format!("{taken:#}"),
            "IPAM error: requested ip address fd12:3456:789a:1::10 is already allocated to container ID bbb"
        );
        assert_eq!(reserved(), before, "the IPv4 address reserved before the failure is freed");
        let outside = allocate(dir.path(), &net, "ddd", &[ip("fd99::5")]).unwrap_err();
        assert_eq!(format!("{outside:#}"), "requested static ip fd99::5 not in any subnet on network podman");
        assert!(allocate(dir.path(), &net, "ddd", &[ip("fd12:3456:789a:1::1")]).is_err(), "the IPv6 gateway");
        assert_eq!(reserved(), before);
        release(dir.path(), &b.iter().map(|x| ("d".to_string(), *x)).collect::<Vec<_>>(), "bbb");
        assert_eq!(reserved().len(), 4);

        // --ip6 on an IPv4-only network is refused as Podman refuses it.
        let v4 = Network::default_network("10.233.0.0/24").unwrap();
        let err = allocate(dir.path(), &v4, "eee", &[ip("fd12:3456:789a:1::7")]).unwrap_err();
        assert_eq!(format!("{err:#}"), "requested static ip fd12:3456:789a:1::7 not in any subnet on network podman");
        assert_eq!(one(allocate(dir.path(), &v4, "eee", &[])), ip("10.233.0.2"), "one address, IPv4");
    }

    #[test]
    fn ip_flags_are_checked() {
        let s = |ip: Option<&str>, ip6: Option<&str>| NetSettings {
            ip: ip.map(|x| x.parse().unwrap()),
            ip6: ip6.map(|x| x.parse().unwrap()),
            ..NetSettings::default()
        };
        assert!(s(Some("10.0.0.5"), Some("fd00::5")).validate().is_ok());
        assert_eq!(s(Some("10.0.0.5"), Some("fd00::5")).static_ips(), [ip("10.0.0.5"), ip("fd00::5")]);
        let e = s(None, Some("10.0.0.5")).validate().unwrap_err();
        assert!(format!("{e}").starts_with("--ip6 10.0.0.5: not an IPv6 address"), "{e}");
        let e = s(Some("fd00::5"), None).validate().unwrap_err();
        assert!(format!("{e}").starts_with("--ip fd00::5: not an IPv4 address"), "{e}");
        // Several networks: refused as Podman does.
        let two = ["a".to_string(), "b".to_string()];
        let b = BridgeSettings { all: s(None, Some("fd00::5")), ..BridgeSettings::default() };
        let e = b.check_networks(&two).unwrap_err();
        assert_eq!(format!("{e}"), "--ip6 can only be set for a single network: invalid argument");
        assert!(b.check_networks(&two[..1]).is_ok());
        let b = BridgeSettings { all: s(Some("10.0.0.5"), Some("fd00::5")), ..BridgeSettings::default() };
        assert_eq!(
            format!("{}", b.check_networks(&two).unwrap_err()),
            "--ip can only be set for a single network: invalid argument"
        );
        // Pinned per network (`network connect`): fine.
        let mut b = b;
        b.pin(&two);
        assert!(b.check_networks(&two).is_ok());
        assert_eq!(b.on("b").ip6, Some(ip("fd00::5")));
    }

    #[test]
    fn netavarks_answer_as_name_resolution_sees_it() {
        let a = Attached {
            netns: "/run/rpod/netns/x".into(),
            options: json!({}),
            status: json!({"podman": {"dns_search_domains": ["dns.podman"], "dns_server_ips": ["10.89.0.1"],
                "interfaces": {"eth0": {"mac_address": "aa:bb:cc:dd:ee:ff",
                    "subnets": [{"ipnet": "10.89.0.5/24", "gateway": "10.89.0.1"}]}}}}),
            ips: vec![],
            rootless_netns: None,
            ports_forwarder: None,
        };
        let n = a.attachment();
        assert_eq!(a.attachment_on(|n| n == "podman"), n);
        assert_eq!(a.attachment_on(|n| n != "podman"), Attachment::default());
        assert_eq!(n.ips, ["10.89.0.5".parse::<IpAddr>().unwrap()]);
        assert_eq!(n.host_ip, Some("10.89.0.1".parse().unwrap()));
        assert_eq!(n.nameservers, ["10.89.0.1".parse::<IpAddr>().unwrap()]);
        assert_eq!(n.search, ["dns.podman"]);
        let s = inspect_settings(&a);
        assert_eq!(s["IPAddress"], "10.89.0.5");
        assert_eq!(s["IPPrefixLen"], 24);
        assert_eq!(s["Networks"]["podman"]["MacAddress"], "aa:bb:cc:dd:ee:ff");
        assert_eq!(s["GlobalIPv6Address"], "", "no IPv6 address");
        assert_eq!(s["Networks"]["podman"]["IPv6Gateway"], "");
        let mac = |m: &str| NetSettings { mac_address: Some(m.into()), ..NetSettings::default() };
        assert!(mac("zz").validate().is_err());
        assert!(mac("01:00:5e:00:00:01").validate().is_err(), "multicast");
        assert!(mac("92:d0:c6:0a:29:33").validate().is_ok());
        let mut b = BridgeSettings { all: mac("92:d0:c6:0a:29:33"), ..BridgeSettings::default() };
        assert_eq!(
            serde_json::to_value(&b).unwrap(),
            json!({"mac_address": "92:d0:c6:0a:29:33"}),
            "as recorded before"
        );
        b.pin(&["a".into()]);
        assert_eq!(b.on("a").mac_address.as_deref(), Some("92:d0:c6:0a:29:33"));
        assert_eq!(b.on("b"), NetSettings::default(), "a network connected later");
    }

    #[test]
    fn dual_stack_addresses_in_inspect_and_names() {
        let a = Attached {
            netns: "/run/rpod/netns/x".into(),
            options: json!({"networks": {"n6": {"aliases": ["abc"]}}}),
            status: json!({"n6": {"dns_search_domains": [], "dns_server_ips": ["10.89.3.1"],
                "interfaces": {"eth0": {"mac_address": "aa:bb:cc:dd:ee:ff",
                    "subnets": [{"ipnet": "fd10::7/64", "gateway": "fd10::1"},
                                {"ipnet": "10.89.3.7/24", "gateway": "10.89.3.1"}]}}}}),
            ips: vec![],
            rootless_netns: None,
            ports_forwarder: None,
        };
        let s = inspect_settings(&a);
        let on = &s["Networks"]["n6"];
        assert_eq!(on["IPAddress"], "10.89.3.7", "the IPv4 address, whatever the order");
        assert_eq!(on["IPPrefixLen"], 24);
        assert_eq!(on["Gateway"], "10.89.3.1");
        assert_eq!(on["GlobalIPv6Address"], "fd10::7");
        assert_eq!(on["GlobalIPv6PrefixLen"], 64);
        assert_eq!(on["IPv6Gateway"], "fd10::1");
        assert_eq!(s["GlobalIPv6Address"], "fd10::7");
        assert_eq!(s["IPv6Gateway"], "fd10::1");
        assert_eq!(s["IPAddress"], "10.89.3.7");
        let n = a.attachment();
        assert_eq!(n.ips, [ip("fd10::7"), ip("10.89.3.7")]);
        assert!(n.ipv6);
        assert_eq!(n.host_ip, Some(ip("10.89.3.1")), "the IPv4 gateway reaches the host");
    }
}
