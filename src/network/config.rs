//! Network definitions in Podman's JSON format (the files of
//! `/etc/containers/networks`, what `podman network inspect` prints and
//! what netavark reads), and the built-in default network `podman`.
//!
//! rpod reads Podman's network config directory, so networks made for
//! Podman work unchanged: as root `/etc/containers/networks`, rootless
//! `<graph root>/networks`; containers.conf's `[network]
//! network_config_dir` or the global `--network-config-dir` name another.
//! The default network is built in (never written), unless the directory
//! has a `podman.json`, which then defines it (as in Podman).

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _};
use serde::{Deserialize, Serialize};

/// The default network's name (Podman's), and Docker's name for it.
pub const DEFAULT_NETWORK: &str = "podman";
pub const DOCKER_DEFAULT: &str = "bridge";
/// Podman's default network: subnet and bridge.
pub const DEFAULT_SUBNET: &str = "10.88.0.0/16";
pub const DEFAULT_BRIDGE_INTERFACE: &str = "podman0";

/// One network, as Podman stores and prints it (the keys in Podman's order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub name: String,
    pub id: String,
    pub driver: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_interface: Option<String>,
    #[serde(default)]
    pub created: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subnets: Vec<Subnet>,
    #[serde(default)]
    pub ipv6_enabled: bool,
    #[serde(default)]
    pub internal: bool,
    #[serde(default)]
    pub dns_enabled: bool,
    /// The upstream servers aardvark-dns asks for names it does not know
    /// (`network create --dns`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub network_dns_servers: Vec<IpAddr>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ipam_options: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subnet {
    /// CIDR form, `10.88.0.0/16`.
    pub subnet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<IpAddr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_range: Option<serde_json::Value>,
}

/// An IPv4 or IPv6 subnet: network address and prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    pub addr: IpAddr,
    pub prefix: u8,
}

impl Cidr {
    pub fn parse(s: &str) -> anyhow::Result<Cidr> {
        let (a, p) = s.split_once('/').ok_or_else(|| anyhow!("{s:?} is not a subnet (ADDRESS/PREFIX)"))?;
        let addr: IpAddr = a.parse().map_err(|_| anyhow!("{s:?}: {a:?} is not an IP address"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix: u8 = p.parse().ok().filter(|p| *p <= max).ok_or_else(|| anyhow!("{s:?}: bad prefix length"))?;
        Ok(Cidr { addr: Cidr::mask(addr, prefix), prefix })
    }

    fn bits(ip: IpAddr) -> (u128, u32) {
        match ip {
            IpAddr::V4(v) => (u128::from(u32::from(v)), 32),
            IpAddr::V6(v) => (u128::from(v), 128),
        }
    }

    fn from_bits(v4: bool, n: u128) -> IpAddr {
        if v4 {
            IpAddr::from((n as u32).to_be_bytes())
        } else {
            IpAddr::from(n.to_be_bytes())
        }
    }

    fn mask(ip: IpAddr, prefix: u8) -> IpAddr {
        let (n, width) = Cidr::bits(ip);
        let host_bits = width - u32::from(prefix);
        let masked = if host_bits >= 128 { 0 } else { (n >> host_bits) << host_bits };
        Cidr::from_bits(ip.is_ipv4(), masked)
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        ip.is_ipv4() == self.addr.is_ipv4() && Cidr::mask(ip, self.prefix) == self.addr
    }

    /// The `n`th address of the subnet (0 is the network address itself);
    /// `None` past its end (the broadcast address of IPv4 excluded).
    pub fn nth(&self, n: u128) -> Option<IpAddr> {
        let (base, width) = Cidr::bits(self.addr);
        let host_bits = width - u32::from(self.prefix);
        let size = if host_bits >= 128 { u128::MAX } else { 1u128 << host_bits };
        let last = if self.addr.is_ipv4() { size.saturating_sub(1) } else { size };
        if n >= last {
            return None;
        }
        Some(Cidr::from_bits(self.addr.is_ipv4(), base + n))
    }
}

impl Network {
    /// Podman's default network over `subnet` (containers.conf's
    /// `default_subnet`).
    pub fn default_network(subnet: &str) -> anyhow::Result<Network> {
        let cidr = Cidr::parse(subnet).context("containers.conf default_subnet")?;
        Ok(Network {
            name: DEFAULT_NETWORK.into(),
            id: network_id(DEFAULT_NETWORK),
            driver: "bridge".into(),
            network_interface: Some(DEFAULT_BRIDGE_INTERFACE.into()),
            created: {
                let ns = crate::container::record::now_ns();
                crate::timefmt::rfc3339_nano(ns.div_euclid(1_000_000_000), ns.rem_euclid(1_000_000_000) as u32)
            },
            subnets: vec![Subnet {
                subnet: format!("{}/{}", cidr.addr, cidr.prefix),
                gateway: cidr.nth(1),
                lease_range: None,
            }],
            ipv6_enabled: cidr.addr.is_ipv6(),
            internal: false,
            dns_enabled: false,
            network_dns_servers: Vec::new(),
            labels: BTreeMap::new(),
            options: BTreeMap::new(),
            ipam_options: [("driver".to_string(), "host-local".to_string())].into(),
        })
    }

    /// The checks rpod needs before it hands the network to netavark.
    pub fn check(&self) -> anyhow::Result<()> {
        if self.driver != "bridge" {
            bail!("network {}: driver {:?} is not supported by rpod (bridge is)", self.name, self.driver);
        }
        if self.network_interface.as_deref().unwrap_or("").is_empty() {
            bail!("network {}: no network_interface (bridge name)", self.name);
        }
        if let Some(d) = self.ipam_options.get("driver").filter(|d| *d != "host-local") {
            bail!("network {}: IPAM driver {d:?} is not supported by rpod (host-local is)", self.name);
        }
        if self.subnets.is_empty() {
            bail!("network {}: no subnets", self.name);
        }
        for s in &self.subnets {
            Cidr::parse(&s.subnet).with_context(|| format!("network {}", self.name))?;
        }
        Ok(())
    }
}

/// Podman's network IDs: the SHA-256 of the name (the default network's is
/// `2f259bab93aa…`).
pub fn network_id(name: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(name.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Where the network definitions are: `--network-config-dir`, else
/// containers.conf's `network_config_dir`, else Podman's place.
pub fn config_dir(
    flag: Option<&Path>,
    conf: &crate::config::ContainersConf,
    rootless: bool,
    graph_root: &Path,
) -> PathBuf {
    if let Some(d) = flag {
        return d.to_path_buf();
    }
    if let Some(d) = conf.network_config_dir.as_deref().filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    if rootless {
        graph_root.join("networks")
    } else {
        PathBuf::from("/etc/containers/networks")
    }
}

/// Every network: the default one (built in unless its file exists) and
/// the `*.json` files of `dir`, sorted by name. A file that cannot be read
/// is skipped with a warning (as Podman does).
pub fn list(dir: &Path, default_subnet: &str) -> anyhow::Result<Vec<Network>> {
    let mut out: Vec<Network> = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for entry in rd.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            match std::fs::read(&path).map_err(anyhow::Error::from).and_then(|b| Ok(serde_json::from_slice(&b)?)) {
                Ok(n) => out.push(n),
                Err(e) => log::warn!("skipping network file {}: {e:#}", path.display()),
            }
        }
    }
    if !out.iter().any(|n| n.name == DEFAULT_NETWORK) {
        out.push(Network::default_network(default_subnet)?);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// One network by name (`bridge` is the default network), full ID or ID
/// prefix, as Podman finds them; exit 125 "network not found" otherwise.
pub fn find(networks: &[Network], key: &str) -> anyhow::Result<Network> {
    let key = if key == DOCKER_DEFAULT { DEFAULT_NETWORK } else { key };
    if let Some(n) = networks.iter().find(|n| n.name == key || n.id == key) {
        return Ok(n.clone());
    }
    let by_prefix: Vec<&Network> = networks.iter().filter(|n| n.id.starts_with(key)).collect();
    match by_prefix.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(crate::error::Failure::new(
            crate::error::ExitCode::Engine,
            format!("network {key}: unable to find network with name or ID {key}: network not found"),
        )
        .into()),
        _ => bail!("more than one result for network ID {key}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subnets() {
        let c = Cidr::parse("10.88.7.9/16").unwrap();
        assert_eq!(c.addr.to_string(), "10.88.0.0");
        assert_eq!(c.nth(1).unwrap().to_string(), "10.88.0.1");
        assert_eq!(c.nth(65534).unwrap().to_string(), "10.88.255.254");
        assert_eq!(c.nth(65535), None, "the broadcast address");
        assert!(c.contains("10.88.200.1".parse().unwrap()));
        assert!(!c.contains("10.89.0.1".parse().unwrap()));
        let v6 = Cidr::parse("fd00:1::/64").unwrap();
        assert_eq!(v6.nth(1).unwrap().to_string(), "fd00:1::1");
        assert!(Cidr::parse("10.0.0.0/33").is_err());
        assert!(Cidr::parse("10.0.0.0").is_err());
    }

    #[test]
    fn the_default_network_is_podmans() {
        let n = Network::default_network(DEFAULT_SUBNET).unwrap();
        assert_eq!(n.id, "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9");
        let v = serde_json::to_value(&n).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "name",
                "id",
                "driver",
                "network_interface",
                "created",
                "subnets",
                "ipv6_enabled",
                "internal",
                "dns_enabled",
                "ipam_options"
            ]
        );
        assert_eq!(v["subnets"], serde_json::json!([{"subnet": "10.88.0.0/16", "gateway": "10.88.0.1"}]));
        n.check().unwrap();
        let all = [n];
        assert_eq!(find(&all, "bridge").unwrap().name, "podman");
        assert_eq!(find(&all, "2f259b").unwrap().name, "podman");
        assert!(find(&all, "nope").is_err());
    }
}
