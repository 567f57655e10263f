//! The engine's files in the run directory (hostname, hosts, resolv.conf,
//! .containerenv), bind-mounted into the container.

use std::path::PathBuf;

use crate::container::record::Container;
use crate::network::names::{hosts_file, only_loopback_servers, resolv_conf, Attachment, RESOLVED_UPSTREAM};

/// The files rpod gives every container, written into its run directory
/// (not the container's upper layer) and bind-mounted, like Podman's:
/// returns (source, destination) pairs.
pub(super) fn write_files(
    run_dir: &std::path::Path,
    c: &Container,
    rootless: bool,
    owner: Option<(u32, u32)>,
    net: &Attachment,
    rootfs: &std::path::Path,
    conf: &crate::config::ContainersConf,
) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let hostname = &c.config.hostname;
    let names = &c.config.options.names;
    // Podman's: empty, except for --privileged containers.
    let containerenv = if c.config.privileged {
        format!(
            "engine=\"rpod-{}\"\nname=\"{}\"\nid=\"{}\"\nimage=\"{}\"\nimageid=\"{}\"\n{}",
            env!("CARGO_PKG_VERSION"),
            c.name,
            c.id,
            c.config.image_name,
            c.image_id,
            if rootless { "rootless=1\n" } else { "" }
        )
    } else {
        String::new()
    };
    let mut resolv = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    // A loopback stub (systemd-resolved) cannot be reached from another
    // network namespace: its upstream servers can (Podman's rule).
    if !net.host_network && net.dns_forward.is_none() && only_loopback_servers(&resolv) {
        if let Ok(upstream) = std::fs::read_to_string(RESOLVED_UPSTREAM) {
            resolv = upstream;
        }
    }
    let mut files = vec![
        ("hostname", "/etc/hostname", format!("{hostname}\n")),
        ("resolv.conf", "/etc/resolv.conf", resolv_conf(&resolv, names, net)),
        (".containerenv", "/run/.containerenv", containerenv),
    ];
    if !names.no_hosts {
        let base = match conf.base_hosts_file() {
            Some(path) => std::fs::read_to_string(path).unwrap_or_default(),
            None => rpod_runtime::user::read_in_root(rootfs, "/etc/hosts").unwrap_or_default(),
        };
        files.push(("hosts", "/etc/hosts", hosts_file(&base, names, hostname, &c.name, net)));
    }
    let mut binds = Vec::new();
    for (name, dest, content) in files {
        let path = run_dir.join(name);
        // Readable by any user of the container, owned by its root.
        crate::files::write_atomic_as(&path, content.as_bytes(), Some(0o644), owner)?;
        binds.push((path, dest.to_string()));
    }
    Ok(binds)
}
