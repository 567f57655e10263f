//! Container networking: network definitions ([`config`]), name
//! resolution ([`names`]).

pub mod config;
pub mod filter;
pub mod names;

use std::net::IpAddr;

use anyhow::anyhow;

use names::Attachment;

/// What name resolution gets from a network mode that needs no set-up:
/// the host's network reaches the host on its loopback; `none` and
/// `private` reach nothing. containers.conf's `host_containers_internal_ip`
/// overrides the address (`none`: no `host.containers.internal`).
pub fn names_for(mode: &str, conf: &crate::config::ContainersConf) -> anyhow::Result<Attachment> {
    let mut a = match mode {
        "host" => {
            Attachment { host_network: true, host_ip: Some(IpAddr::from([127, 0, 0, 1])), ..Attachment::default() }
        }
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
