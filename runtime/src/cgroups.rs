//! cgroup layout detection.
//!
//! rpod only ever uses cgroup v2. On a v1 or hybrid host (like the one this
//! was written on: v1 controllers, plus a cgroup2 mount with only
//! `hugetlb`) it must create no cgroups at all; the limits issue builds on
//! what is detected here.

use std::path::{Path, PathBuf};

/// How the host mounts cgroups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Only cgroup v2 (the "unified" mode).
    Unified,
    /// cgroup v1 controllers with a cgroup2 mount beside them.
    Hybrid,
    /// Only cgroup v1.
    Legacy,
    /// No cgroup filesystem is mounted.
    None,
}

impl Layout {
    /// The version Podman reports: "v2" only in unified mode.
    pub fn version(self) -> &'static str {
        match self {
            Layout::Unified => "v2",
            _ => "v1",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Layout::Unified => "unified",
            Layout::Hybrid => "hybrid",
            Layout::Legacy => "legacy",
            Layout::None => "none",
        }
    }
}

/// What rpod knows about cgroups on this host, for this user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CgroupInfo {
    pub layout: Layout,
    /// Where the cgroup2 hierarchy is mounted, if it is.
    pub v2_mount: Option<PathBuf>,
    /// This process's cgroup in the v2 hierarchy (`0::/path`).
    pub own_path: Option<String>,
    /// The v2 controllers rpod could use for containers: for root, those of
    /// the hierarchy's root; rootless, those of the caller's own cgroup when
    /// the user may write to it (delegation), else none.
    pub controllers: Vec<String>,
}

/// Parse `/proc/self/mountinfo`: the cgroup2 mount point, if any, and
/// whether a v1 hierarchy is mounted.
pub fn parse_mountinfo(content: &str) -> (Option<PathBuf>, bool) {
    let mut v2 = None;
    let mut v1 = false;
    for line in content.lines() {
        // Fields: id parent major:minor root mountpoint options [optional...] - fstype source superopts
        let Some((left, right)) = line.split_once(" - ") else { continue };
        let fstype = right.split_whitespace().next().unwrap_or("");
        let mountpoint = left.split_whitespace().nth(4).unwrap_or("");
        match fstype {
            "cgroup2" if v2.is_none() => v2 = Some(PathBuf::from(unescape_mount(mountpoint))),
            "cgroup" => v1 = true,
            _ => {}
        }
    }
    (v2, v1)
}

/// Mount points escape space, tab, newline and backslash as octal.
fn unescape_mount(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 3 < bytes.len() && bytes[i + 1..i + 4].iter().all(|b| (b'0'..=b'7').contains(b)) {
            let v = (bytes[i + 1] - b'0') * 64 + (bytes[i + 2] - b'0') * 8 + (bytes[i + 3] - b'0');
            out.push(v);
            i += 4;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The cgroup v2 path of a process from `/proc/PID/cgroup` (the `0::` line).
pub fn parse_own_v2_path(content: &str) -> Option<String> {
    content.lines().find_map(|l| l.strip_prefix("0::").map(str::to_string))
}

/// Detect the layout and usable controllers from the live system.
pub fn detect(rootless: bool) -> CgroupInfo {
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    let (v2_mount, v1) = parse_mountinfo(&mountinfo);
    let layout = match (&v2_mount, v1) {
        (Some(_), false) => Layout::Unified,
        (Some(_), true) => Layout::Hybrid,
        (None, true) => Layout::Legacy,
        (None, false) => Layout::None,
    };
    let own_path = std::fs::read_to_string("/proc/self/cgroup").ok().and_then(|c| parse_own_v2_path(&c));
    let controllers = match &v2_mount {
        Some(mount) => usable_controllers(mount, own_path.as_deref(), rootless),
        None => Vec::new(),
    };
    CgroupInfo { layout, v2_mount, own_path, controllers }
}

fn usable_controllers(mount: &Path, own: Option<&str>, rootless: bool) -> Vec<String> {
    let dir = if rootless {
        let Some(own) = own else { return Vec::new() };
        let dir = mount.join(own.trim_start_matches('/'));
        if !writable(&dir) || !writable(&dir.join("cgroup.procs")) {
            return Vec::new();
        }
        dir
    } else {
        mount.to_path_buf()
    };
    std::fs::read_to_string(dir.join("cgroup.controllers"))
        .map(|s| s.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

fn writable(path: &Path) -> bool {
    nix::unistd::access(path, nix::unistd::AccessFlags::W_OK).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HYBRID: &str = "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
";
    const UNIFIED: &str =
        "29 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate
";

    #[test]
    fn hybrid_and_unified_layouts() {
        assert_eq!(parse_mountinfo(HYBRID), (Some(PathBuf::from("/sys/fs/cgroup/unified")), true));
        assert_eq!(parse_mountinfo(UNIFIED), (Some(PathBuf::from("/sys/fs/cgroup")), false));
        assert_eq!(parse_mountinfo("1 0 0:1 / / rw - ext4 /dev/vda rw\n"), (None, false));
    }

    #[test]
    fn escaped_mount_points() {
        let line = "41 31 0:38 / /mnt/my\\040cg rw - cgroup2 cgroup2 rw\n";
        assert_eq!(parse_mountinfo(line).0, Some(PathBuf::from("/mnt/my cg")));
    }

    #[test]
    fn own_path() {
        assert_eq!(parse_own_v2_path("4:memory:/x\n0::/user.slice/u.scope\n").as_deref(), Some("/user.slice/u.scope"));
        assert_eq!(parse_own_v2_path("4:memory:/x\n"), None);
    }

    #[test]
    fn version_names() {
        assert_eq!(Layout::Hybrid.version(), "v1");
        assert_eq!(Layout::Unified.version(), "v2");
    }
}
