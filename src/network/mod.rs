//! Container networking: the `--network` modes ([`mode`]), published ports
//! ([`ports`]), the address in a container that reaches the host
//! ([`host_address`]), network definitions ([`config`]), bridge networks
//! through netavark ([`bridge`]), name resolution ([`names`]), rootless
//! published ports on those ([`forward`]).

pub mod bridge;
pub mod config;
pub mod filter;
pub mod forward;
pub mod manage;
pub mod mode;
pub mod names;
pub mod pasta;
pub mod ports;
pub mod rootless_netns;
pub mod slirp;

use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context as _};

use names::Attachment;

pub use mode::Mode;
pub use ports::{PortMapping, Proto};

/// The address inside a container of this mode that reaches the host
/// (for `host.containers.internal`), `None` when there is none:
/// - pasta: the gateway address it copies from the host (the host's
///   default IPv4 gateway, or `-g/--gateway ADDR` among its options),
///   which pasta maps to the host's loopback; none with `--no-map-gw`;
/// - slirp4netns: `10.0.2.2` (`cidr`'s `.2`) with `allow_host_loopback=true`.
pub fn host_address(mode: &Mode) -> Option<IpAddr> {
    match mode {
        Mode::Pasta(opts) => {
            if opts.iter().any(|o| o == "--no-map-gw") {
                return None;
            }
            let mut gateway = None;
            let mut it = opts.iter();
            while let Some(o) = it.next() {
                if o == "-g" || o == "--gateway" {
                    gateway = it.next().map(String::as_str);
                } else if let Some(g) = o.strip_prefix("--gateway=") {
                    gateway = Some(g);
                }
            }
            match gateway {
                Some(g) => g.parse().ok(),
                None => default_gateway().map(IpAddr::V4),
            }
        }
        Mode::Slirp4netns(opts) => {
            let allowed = opts.iter().any(|o| o == "allow_host_loopback=true");
            if !allowed {
                return None;
            }
            let cidr = opts.iter().find_map(|o| o.strip_prefix("cidr=")).unwrap_or("10.0.2.0/24");
            let net: Ipv4Addr = cidr.split('/').next()?.parse().ok()?;
            Some(IpAddr::V4(Ipv4Addr::from(u32::from(net) + 2)))
        }
        _ => None,
    }
}

/// What name resolution gets from a network mode: the host's network
/// reaches the host on its loopback; pasta and slirp4netns through
/// [`host_address`]; `none` and `private` reach nothing.
/// containers.conf's `host_containers_internal_ip` overrides the address
/// (`none`: no `host.containers.internal`).
pub fn names_for(mode: &Mode, conf: &crate::config::ContainersConf) -> anyhow::Result<Attachment> {
    let mut a = match mode {
        Mode::Host => {
            Attachment { host_network: true, host_ip: Some(IpAddr::from([127, 0, 0, 1])), ..Attachment::default() }
        }
        Mode::Pasta(_) => Attachment { host_ip: host_address(mode), ..Attachment::default() },
        // slirp4netns's DNS forwarder (the network's .3) stands in for the
        // host's loopback name servers.
        Mode::Slirp4netns(opts) => Attachment {
            host_ip: host_address(mode),
            dns_forward: slirp::network(opts).ok().map(|n| IpAddr::V4(Ipv4Addr::from(u32::from(n) + 3))),
            ..Attachment::default()
        },
        _ => Attachment::default(),
    };
    host_ip_override(&mut a, conf)?;
    Ok(a)
}

/// containers.conf's `host_containers_internal_ip` over the address the
/// network picked.
pub fn host_ip_override(a: &mut Attachment, conf: &crate::config::ContainersConf) -> anyhow::Result<()> {
    match conf.host_containers_internal_ip.as_deref().unwrap_or("") {
        "" => {}
        "none" => a.host_ip = None,
        ip => {
            a.host_ip = Some(
                ip.parse()
                    .map_err(|_| anyhow!("containers.conf host_containers_internal_ip: {ip:?} is not an IP address"))?,
            )
        }
    }
    Ok(())
}

/// How to make /dev/net/tun usable (pasta and slirp4netns need it).
pub const TUN_FIX: &str = "chmod 0666 /dev/net/tun (as root); for good: echo 'KERNEL==\"tun\", MODE=\"0666\"' > /etc/udev/rules.d/60-tun.rules";

/// Where Podman's helper binaries live besides `PATH`.
pub const HELPER_DIRS: [&str; 4] =
    ["/usr/local/libexec/podman", "/usr/local/lib/podman", "/usr/libexec/podman", "/usr/lib/podman"];

/// `--network-cmd-path`: the network helper to run instead of looking.
static HELPER_PATH: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Sets `--network-cmd-path` for this process (once; later calls are ignored).
pub fn set_helper_path(path: Option<PathBuf>) {
    if let Some(p) = path {
        let _ = HELPER_PATH.set(p);
    }
}

/// A network helper program (`pasta`, `slirp4netns`): `--network-cmd-path`
/// when given (as Podman, for whichever helper the network needs), else in
/// `PATH` or Podman's helper directories.
pub fn find_helper(program: &str) -> Option<PathBuf> {
    if let Some(p) = HELPER_PATH.get() {
        return Some(p.clone());
    }
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/local/bin:/usr/bin:/bin".into());
    std::env::split_paths(&path)
        .chain(HELPER_DIRS.iter().map(PathBuf::from))
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

/// /dev/net/tun can be opened for reading and writing, else why not.
pub fn tun_usable() -> Result<(), String> {
    match std::fs::OpenOptions::new().read(true).write(true).open("/dev/net/tun") {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err("/dev/net/tun does not exist (modprobe tun, as root)".into())
        }
        Err(e) => {
            let mode = std::fs::metadata("/dev/net/tun")
                .map(|m| format!(" (mode {:04o})", std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o7777))
                .unwrap_or_default();
            Err(format!("/dev/net/tun cannot be opened{mode}: {e}; fix: {TUN_FIX}"))
        }
    }
}

/// Refuses a mode this host or rpod cannot give a container (exit 125 at
/// create, before anything is stored).
pub fn check_usable(mode: &Mode, rootless: bool) -> anyhow::Result<()> {
    match mode {
        Mode::Pasta(opts) => {
            pasta::check_options(opts)?;
            if find_helper("pasta").is_none() {
                anyhow::bail!("--network {mode}: pasta is not installed (Debian: apt-get install passt), or use --network private");
            }
            tun_usable().map_err(|e| anyhow::anyhow!("--network {mode}: {e}"))
        }
        Mode::Slirp4netns(opts) => {
            slirp::check(opts, &[])?;
            if find_helper("slirp4netns").is_none() {
                anyhow::bail!("--network {mode}: slirp4netns is not installed (Debian: apt-get install slirp4netns)");
            }
            tun_usable().map_err(|e| anyhow::anyhow!("--network {mode}: {e}"))
        }
        // Rootless, the rootless network namespace's way out is pasta.
        Mode::Bridge(_) if rootless => {
            if find_helper("pasta").is_none() {
                anyhow::bail!(
                    "--network {mode}: rootless user-defined networks need pasta (Debian: apt-get install passt)"
                );
            }
            tun_usable().map_err(|e| anyhow::anyhow!("--network {mode}: {e}"))
        }
        Mode::Ns(path) if !path.exists() => {
            anyhow::bail!("--network {mode}: {} does not exist", path.display())
        }
        _ => Ok(()),
    }
}

/// Starts the helper that connects the new network namespace of a
/// container's init (`init_pid`) as its mode says: pasta for it; `None` for
/// modes without a helper. The helper may not be ready yet:
/// [`pasta::Helper::ready`] waits for it.
pub fn attach(
    mode: &Mode,
    ports: &[PortMapping],
    init_pid: i32,
    run_dir: &Path,
) -> anyhow::Result<Option<pasta::Helper>> {
    match mode {
        Mode::Pasta(opts) => {
            let netns = open_netns(init_pid)?;
            Ok(Some(pasta::spawn(opts, ports, &netns, run_dir)?))
        }
        Mode::Slirp4netns(opts) => {
            slirp::check(opts, ports)?;
            let netns = open_netns(init_pid)?;
            Ok(Some(slirp::spawn(opts, ports, &netns, run_dir)?))
        }
        _ => Ok(None),
    }
}

fn open_netns(init_pid: i32) -> anyhow::Result<std::fs::File> {
    let path = format!("/proc/{init_pid}/ns/net");
    std::fs::File::open(&path).with_context(|| format!("opening {path}"))
}

/// The mode needs a helper started for the container's namespace before
/// its process runs.
pub fn needs_helper(mode: &Mode) -> bool {
    matches!(mode, Mode::Pasta(_) | Mode::Slirp4netns(_))
}

/// The host's default IPv4 gateway (`/proc/net/route`).
pub fn default_gateway() -> Option<Ipv4Addr> {
    parse_default_gateway(&std::fs::read_to_string("/proc/net/route").ok()?)
}

fn parse_default_gateway(table: &str) -> Option<Ipv4Addr> {
    table.lines().skip(1).find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        if f.len() < 8 || f[1] != "00000000" || f[7] != "00000000" {
            return None;
        }
        // Little-endian hex, as the kernel prints it on x86 and arm.
        let gw = u32::from_str_radix(f[2], 16).ok()?;
        (gw != 0).then(|| Ipv4Addr::from(gw.swap_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gateway_from_the_route_table() {
        let t = "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\tMTU\tWindow\tIRTT\n\
                 eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n\
                 eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n";
        assert_eq!(parse_default_gateway(t), Some(Ipv4Addr::new(192, 0, 2, 1)));
        assert_eq!(parse_default_gateway("Iface\n"), None);
    }

    #[test]
    fn host_addresses() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(host_address(&Mode::Pasta(v(&["-g", "10.1.1.1"]))), Some("10.1.1.1".parse().unwrap()));
        assert_eq!(host_address(&Mode::Pasta(v(&["--gateway=10.1.1.2"]))), Some("10.1.1.2".parse().unwrap()));
        assert_eq!(host_address(&Mode::Pasta(v(&["--no-map-gw"]))), None);
        assert_eq!(host_address(&Mode::Slirp4netns(vec![])), None);
        assert_eq!(
            host_address(&Mode::Slirp4netns(v(&["allow_host_loopback=true"]))),
            Some("10.0.2.2".parse().unwrap())
        );
        assert_eq!(host_address(&Mode::None), None);
        assert_eq!(host_address(&Mode::Host), None);
    }
}
