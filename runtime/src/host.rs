//! Facts about the host that `rpod info` reports and the runtime needs.

use std::collections::HashMap;

/// The architecture in Go's (and the OCI image spec's) spelling.
pub fn oci_arch() -> &'static str {
    oci_arch_of(std::env::consts::ARCH)
}

/// Rust's `target_arch` names to GOARCH names.
pub fn oci_arch_of(rust_arch: &str) -> &'static str {
    match rust_arch {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "arm" => "arm",
        "powerpc64" => "ppc64le",
        "s390x" => "s390x",
        "riscv64" => "riscv64",
        "loongarch64" => "loong64",
        _ => "unknown",
    }
}

/// Kernel release, e.g. `6.1.0-28-cloud-amd64`.
pub fn kernel_release() -> String {
    nix::sys::utsname::uname().map(|u| u.release().to_string_lossy().into_owned()).unwrap_or_default()
}

pub fn hostname() -> String {
    nix::unistd::gethostname().map(|h| h.to_string_lossy().into_owned()).unwrap_or_default()
}

/// CPUs this process may run on.
pub fn cpus() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// `/proc/meminfo` values in bytes, by their names (`MemTotal`, ...).
pub fn parse_meminfo(content: &str) -> HashMap<String, u64> {
    content
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            let mut parts = v.split_whitespace();
            let n: u64 = parts.next()?.parse().ok()?;
            let mult = match parts.next() {
                Some("kB") => 1024,
                _ => 1,
            };
            Some((k.trim().to_string(), n * mult))
        })
        .collect()
}

pub fn meminfo() -> HashMap<String, u64> {
    parse_meminfo(&std::fs::read_to_string("/proc/meminfo").unwrap_or_default())
}

/// `/etc/os-release` as key/value pairs (quotes removed).
pub fn parse_os_release(content: &str) -> HashMap<String, String> {
    content
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once('=')?;
            Some((k.trim().to_string(), v.trim().trim_matches('"').trim_matches('\'').to_string()))
        })
        .collect()
}

pub fn os_release() -> HashMap<String, String> {
    let text = std::fs::read_to_string("/etc/os-release")
        .or_else(|_| std::fs::read_to_string("/usr/lib/os-release"))
        .unwrap_or_default();
    parse_os_release(&text)
}

/// Seconds since boot.
pub fn uptime_secs() -> u64 {
    std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse::<f64>().ok()))
        .map(|f| f as u64)
        .unwrap_or(0)
}

/// Whether the kernel offers seccomp filters (`Seccomp:` in `/proc/self/status`).
pub fn kernel_has_seccomp() -> bool {
    std::fs::read_to_string("/proc/self/status").map(|s| s.contains("\nSeccomp:")).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meminfo_in_bytes() {
        let m = parse_meminfo("MemTotal:       24578436 kB\nMemFree:  100 kB\nHugePages_Total:       0\n");
        assert_eq!(m["MemTotal"], 24578436 * 1024);
        assert_eq!(m["MemFree"], 102400);
        assert_eq!(m["HugePages_Total"], 0);
    }

    #[test]
    fn os_release_unquotes() {
        let r = parse_os_release("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        assert_eq!(r["ID"], "debian");
        assert_eq!(r["VERSION_ID"], "12");
    }

    #[test]
    fn arch_names() {
        assert_eq!(oci_arch_of("x86_64"), "amd64");
        assert_eq!(oci_arch_of("aarch64"), "arm64");
    }
}
