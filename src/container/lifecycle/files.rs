//! The engine's files in the run directory (hostname, hosts, resolv.conf,
//! .containerenv), bind-mounted into the container.

use std::path::PathBuf;

use crate::container::record::Container;

/// The files rpod gives every container, written into its run directory
/// (not the container's upper layer) and bind-mounted, like Podman's:
/// returns (source, destination) pairs.
pub(super) fn write_files(
    run_dir: &std::path::Path,
    c: &Container,
    rootless: bool,
    owner: Option<(u32, u32)>,
) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let hostname = &c.config.hostname;
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
    let resolv = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let base = std::fs::read_to_string("/etc/hosts").unwrap_or_default();
    let files = [
        ("hostname", "/etc/hostname", format!("{hostname}\n")),
        ("hosts", "/etc/hosts", hosts_file(&base, hostname, &c.name, c.config.network == "host")),
        ("resolv.conf", "/etc/resolv.conf", resolv),
        (".containerenv", "/run/.containerenv", containerenv),
    ];
    let mut binds = Vec::new();
    for (name, dest, content) in files {
        let path = run_dir.join(name);
        // Readable by any user of the container, owned by its root.
        crate::files::write_atomic_as(&path, content.as_bytes(), Some(0o644), owner)?;
        binds.push((path, dest.to_string()));
    }
    Ok(binds)
}

/// The container's /etc/hosts, as Podman makes it: the host's entries
/// (`base`; localhost when it has none), then the container's own name
/// (on loopback: no network of its own yet), unless it shares the host's
/// network.
pub(super) fn hosts_file(base: &str, hostname: &str, name: &str, host_network: bool) -> String {
    let mut out = String::new();
    if base.lines().any(|l| l.split_whitespace().skip(1).any(|n| n == "localhost")) {
        out.push_str(base);
        if !out.ends_with('\n') {
            out.push('\n');
        }
    } else {
        out.push_str("127.0.0.1\tlocalhost localhost.localdomain\n::1\tlocalhost localhost.localdomain\n");
        out.push_str(base);
        if !base.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    if !host_network {
        out.push_str(&format!("127.0.1.1\t{hostname} {name}\n"));
    }
    out
}
