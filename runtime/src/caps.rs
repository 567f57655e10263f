//! Linux capabilities: names and the default set of a container.

use std::collections::HashSet;
use std::str::FromStr;

use oci_spec::runtime::{Capabilities, Capability, LinuxCapabilities, LinuxCapabilitiesBuilder};

/// Podman's default capability set for containers (containers.conf
/// `default_capabilities`).
pub const DEFAULT_CAPABILITIES: [&str; 11] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_NET_BIND_SERVICE",
    "CAP_SETFCAP",
    "CAP_SETGID",
    "CAP_SETPCAP",
    "CAP_SETUID",
    "CAP_SYS_CHROOT",
];

/// Every capability the kernel knows, by number (`capabilities(7)`).
pub const ALL: [&str; 41] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
];

/// One capability set of this process from /proc/self/status (`CapBnd`,
/// `CapEff`, ...) as a bit mask (bit N = capability N).
pub fn status_mask(field: &str) -> Option<u64> {
    let key = format!("{field}:");
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix(key.as_str()).and_then(|v| u64::from_str_radix(v.trim(), 16).ok()))
}

/// This process's capability bounding set; all bits when unreadable.
pub fn bounding_mask() -> u64 {
    status_mask("CapBnd").unwrap_or(u64::MAX)
}

/// Normalise a capability name the way Podman accepts it: `chown`,
/// `CHOWN` and `CAP_CHOWN` all mean `CAP_CHOWN`. `ALL` stays `ALL`.
/// Returns `None` for a name the kernel does not know.
pub fn normalize(name: &str) -> Option<String> {
    let upper = name.trim().to_ascii_uppercase();
    if upper == "ALL" {
        return Some(upper);
    }
    let full = if upper.starts_with("CAP_") { upper } else { format!("CAP_{upper}") };
    ALL.contains(&full.as_str()).then_some(full)
}

/// The kernel's highest capability number (`/proc/sys/kernel/cap_last_cap`).
pub fn cap_last_cap() -> u32 {
    std::fs::read_to_string("/proc/sys/kernel/cap_last_cap").ok().and_then(|s| s.trim().parse().ok()).unwrap_or(40)
}

/// Parse a capability name (any spelling [`normalize`] accepts) into
/// the oci-spec type. `ALL` is not a single capability: `None`.
pub fn parse_capability(name: &str) -> Option<Capability> {
    let full = normalize(name)?;
    Capability::from_str(full.strip_prefix("CAP_")?).ok()
}

/// The set of capabilities named, with `ALL` expanded to every capability
/// this kernel knows. Unknown names are skipped (the CLI validates them).
pub fn capability_set(names: &[String]) -> Capabilities {
    let mut set = HashSet::new();
    for n in names {
        if normalize(n).as_deref() == Some("ALL") {
            // Every capability this process can give (Podman's --privileged
            // is the caller's bounding set): root without some of them, as
            // in some sandboxes, cannot raise them in a container.
            let last = cap_last_cap() as usize;
            let bounding = bounding_mask();
            set.extend(
                ALL.iter()
                    .enumerate()
                    .take(last + 1)
                    .filter(|(i, _)| bounding >> i & 1 == 1)
                    .filter_map(|(_, c)| parse_capability(c)),
            );
        } else if let Some(c) = parse_capability(n) {
            set.insert(c);
        }
    }
    set
}

/// A process's capabilities in the OCI spec: `caps` bounding, effective
/// and permitted; nothing inheritable or ambient.
pub fn process_capabilities(caps: Capabilities) -> LinuxCapabilities {
    LinuxCapabilitiesBuilder::default()
        .bounding(caps.clone())
        .effective(caps.clone())
        .permitted(caps)
        .inheritable(Capabilities::new())
        .ambient(Capabilities::new())
        .build()
        .expect("capabilities have no validation")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise() {
        assert_eq!(normalize("chown").as_deref(), Some("CAP_CHOWN"));
        assert_eq!(normalize("CAP_NET_RAW").as_deref(), Some("CAP_NET_RAW"));
        assert_eq!(normalize("all").as_deref(), Some("ALL"));
        assert_eq!(normalize("cap_nonsense"), None);
    }

    #[test]
    fn defaults_are_known_capabilities() {
        for c in DEFAULT_CAPABILITIES {
            assert_eq!(normalize(c).as_deref(), Some(c));
        }
        assert_eq!(ALL[21], "CAP_SYS_ADMIN");
        assert_eq!(ALL[40], "CAP_CHECKPOINT_RESTORE");
    }
}
