//! Rootless networking through slirp4netns (Debian's `slirp4netns`, Podman
//! 4's rootless default), for `--network slirp4netns[:OPTIONS]` and when
//! pasta is not installed: a tap device in the container's namespace
//! (`--configure`: 10.0.2.100/24, gateway 10.0.2.2, DNS 10.0.2.3 by
//! default), started like pasta under the container's monitor and gone with
//! it. Published ports go through slirp4netns's API socket (`add_hostfwd`,
//! as Podman's `port_handler=slirp4netns`); the host's loopback is reachable
//! at the gateway address only with `allow_host_loopback=true`.

use std::io::{Read, Write};
use std::net::Ipv4Addr;
use std::os::fd::{AsFd, AsRawFd};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{bail, Context as _};

use super::pasta::{Helper, Ready};
use super::ports::{PortMapping, Proto};

/// The value of option `key` (`key=value`), the last one given.
fn option<'a>(opts: &'a [String], key: &str) -> Option<&'a str> {
    opts.iter().rev().find_map(|o| o.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
}

fn flag(opts: &[String], key: &str) -> anyhow::Result<bool> {
    match option(opts, key) {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(v) => bail!("--network slirp4netns:{key}={v}: expected true or false"),
    }
}

/// The network slirp4netns gives the container (`cidr`, default
/// 10.0.2.0/24).
pub fn network(opts: &[String]) -> anyhow::Result<Ipv4Addr> {
    let cidr = option(opts, "cidr").unwrap_or("10.0.2.0/24");
    let (net, bits) = cidr.split_once('/').unwrap_or((cidr, "24"));
    let net: Ipv4Addr =
        net.parse().map_err(|_| anyhow::anyhow!("--network slirp4netns:cidr={cidr}: not an IPv4 network"))?;
    let bits: u8 = bits.parse().ok().filter(|b| (8..=25).contains(b)).ok_or_else(|| {
        anyhow::anyhow!("--network slirp4netns:cidr={cidr}: the prefix length must be between 8 and 25")
    })?;
    if u32::from(net) & (u32::MAX >> bits) != 0 {
        bail!("--network slirp4netns:cidr={cidr}: host bits are set");
    }
    Ok(net)
}

/// Checks the options at create: values rpod can apply, ports it can
/// forward.
pub fn check(opts: &[String], ports: &[PortMapping]) -> anyhow::Result<()> {
    network(opts)?;
    flag(opts, "allow_host_loopback")?;
    flag(opts, "enable_ipv6")?;
    if let Some(m) = option(opts, "mtu") {
        if !m.parse::<u32>().is_ok_and(|m| (68..=65521).contains(&m)) {
            bail!("--network slirp4netns:mtu={m}: expected a number from 68 to 65521");
        }
    }
    match option(opts, "port_handler") {
        None | Some("slirp4netns") => {}
        Some("rootlesskit") => bail!(
            "--network slirp4netns:port_handler=rootlesskit: rpod has no rootlesskit port handler (use port_handler=slirp4netns, the default in rpod)"
        ),
        Some(v) => bail!("--network slirp4netns:port_handler={v}: expected slirp4netns"),
    }
    for m in ports {
        if m.protocol == Proto::Sctp {
            bail!("-p {}/sctp: slirp4netns forwards only tcp and udp", m.container_port);
        }
        if m.host_ip.contains(':') {
            bail!("-p {}:...: slirp4netns forwards IPv4 host addresses only", m.host_ip);
        }
    }
    Ok(())
}

/// The command line after `slirp4netns`: descriptors 3 (the namespace), 4
/// (readiness), 5 (the directory of the API socket).
pub fn arguments(opts: &[String]) -> anyhow::Result<Vec<String>> {
    let mut args: Vec<String> = ["--configure", "--enable-seccomp", "--ready-fd", "4"].map(String::from).to_vec();
    args.push(format!("--mtu={}", option(opts, "mtu").unwrap_or("65520")));
    if !flag(opts, "allow_host_loopback")? {
        args.push("--disable-host-loopback".into());
    }
    if flag(opts, "enable_ipv6")? {
        args.push("--enable-ipv6".into());
    }
    if let Some(c) = option(opts, "cidr") {
        args.push(format!("--cidr={c}"));
    }
    for (key, arg) in [("outbound_addr", "--outbound-addr"), ("outbound_addr6", "--outbound-addr6")] {
        if let Some(v) = option(opts, key) {
            args.push(format!("{arg}={v}"));
        }
    }
    args.extend(
        ["--api-socket", "/proc/self/fd/5/slirp4netns.sock", "--netns-type=path", "/proc/self/fd/3", "tap0"]
            .map(String::from),
    );
    Ok(args)
}

/// Starts slirp4netns for the network namespace `netns`, its messages in
/// `run_dir/slirp4netns.log`, without waiting: [`Helper::ready`] waits and
/// then forwards `ports`.
pub fn spawn(opts: &[String], ports: &[PortMapping], netns: &std::fs::File, run_dir: &Path) -> anyhow::Result<Helper> {
    let program = super::find_helper("slirp4netns").ok_or_else(|| {
        anyhow::anyhow!("slirp4netns is not installed: install the slirp4netns package, or use pasta")
    })?;
    let log_file = run_dir.join("slirp4netns.log");
    let _ = std::fs::remove_file(run_dir.join("slirp4netns.sock"));
    let args = arguments(opts)?;
    let log = std::fs::File::create(&log_file).with_context(|| format!("creating {}", log_file.display()))?;
    let dir = std::fs::File::open(run_dir).with_context(|| format!("opening {}", run_dir.display()))?;
    let (ready_r, ready_w) = nix::unistd::pipe().context("a pipe for slirp4netns")?;
    let mut cmd = Command::new(&program);
    cmd.args(&args).stdin(Stdio::null()).stdout(log.try_clone()?).stderr(log);
    crate::sys::pass_fds(&mut cmd, vec![netns.as_fd().as_raw_fd(), ready_w.as_raw_fd(), dir.as_raw_fd()]);
    crate::sys::helper_child(&mut cmd, 3);
    log::debug!("starting {} {}", program.display(), args.join(" "));
    let child = cmd.spawn().with_context(|| format!("starting {}", program.display()))?;
    drop(ready_w);
    let ready = Ready::Pipe { read: std::fs::File::from(ready_r), api_dir: dir, ports: ports.to_vec() };
    Ok(Helper::new(child, "slirp4netns", ready, log_file))
}

/// Reads the ready pipe: slirp4netns writes `1` once the tap device is
/// configured; EOF first means it failed.
pub(super) fn wait_pipe(read: &mut std::fs::File, timeout: std::time::Duration) -> anyhow::Result<bool> {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    let mut fds = [PollFd::new(read.as_fd(), PollFlags::POLLIN)];
    let t = PollTimeout::try_from(timeout).unwrap_or(PollTimeout::MAX);
    loop {
        match poll(&mut fds, t) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e).context("waiting for slirp4netns"),
            Ok(0) => bail!("slirp4netns was not ready after {}s", timeout.as_secs()),
            Ok(_) => break,
        }
    }
    let mut b = [0u8; 1];
    Ok(read.read(&mut b).context("reading slirp4netns's ready pipe")? == 1 && b[0] == b'1')
}

/// Publishes the ports through the API socket in `api_dir`, one request
/// per host port (`add_hostfwd`, as Podman's slirp4netns port handler).
pub(super) fn forward(api_dir: &std::fs::File, ports: &[PortMapping]) -> anyhow::Result<()> {
    for m in ports {
        for i in 0..m.range {
            let proto = if m.protocol == Proto::Udp { "udp" } else { "tcp" };
            let host = if m.host_ip.is_empty() { "0.0.0.0" } else { m.host_ip.as_str() };
            let req = serde_json::json!({
                "execute": "add_hostfwd",
                "arguments": {
                    "proto": proto,
                    "host_addr": host,
                    "host_port": m.host_port + i,
                    "guest_port": m.container_port + i,
                }
            });
            let answer = request(api_dir, &req.to_string())?;
            if let Some(e) = answer.get("error") {
                let desc = e.get("desc").and_then(|d| d.as_str()).unwrap_or("no reason given");
                bail!(
                    "publishing {host}:{}->{}/{proto} through slirp4netns: {desc} (is the host port in use?)",
                    m.host_port + i,
                    m.container_port + i
                );
            }
        }
    }
    Ok(())
}

fn request(api_dir: &std::fs::File, req: &str) -> anyhow::Result<serde_json::Value> {
    let path = format!("/proc/self/fd/{}/slirp4netns.sock", api_dir.as_raw_fd());
    let mut s = UnixStream::connect(&path).context("connecting to slirp4netns's API socket")?;
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))?;
    s.write_all(req.as_bytes())?;
    s.shutdown(std::net::Shutdown::Write)?;
    let mut out = String::new();
    s.read_to_string(&mut out).context("reading slirp4netns's API answer")?;
    serde_json::from_str(&out).with_context(|| format!("slirp4netns's API answered {out:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::ports::tests::pm;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn command_line() {
        assert_eq!(
            arguments(&[]).unwrap().join(" "),
            "--configure --enable-seccomp --ready-fd 4 --mtu=65520 --disable-host-loopback --api-socket /proc/self/fd/5/slirp4netns.sock --netns-type=path /proc/self/fd/3 tap0"
        );
        let a = arguments(&v(&["allow_host_loopback=true", "cidr=10.5.0.0/16", "mtu=1500", "enable_ipv6=true"]))
            .unwrap()
            .join(" ");
        assert_eq!(
            a,
            "--configure --enable-seccomp --ready-fd 4 --mtu=1500 --enable-ipv6 --cidr=10.5.0.0/16 --api-socket /proc/self/fd/5/slirp4netns.sock --netns-type=path /proc/self/fd/3 tap0"
        );
    }

    #[test]
    fn checks() {
        assert!(check(&[], &[pm("127.0.0.1", 8080, 80, 2, Proto::Udp)]).is_ok());
        assert!(check(&v(&["port_handler=rootlesskit"]), &[]).is_err());
        assert!(check(&v(&["allow_host_loopback=yes"]), &[]).is_err());
        assert!(check(&v(&["mtu=10"]), &[]).is_err());
        assert!(check(&v(&["cidr=10.0.2.1/24"]), &[]).is_err());
        assert!(check(&v(&["cidr=10.0.2.0/30"]), &[]).is_err());
        assert!(check(&[], &[pm("::1", 8080, 80, 1, Proto::Tcp)]).is_err());
        assert!(check(&[], &[pm("", 8080, 80, 1, Proto::Sctp)]).is_err());
        assert_eq!(network(&v(&["cidr=10.5.0.0/16"])).unwrap(), Ipv4Addr::new(10, 5, 0, 0));
    }
}
