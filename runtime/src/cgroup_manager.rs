//! Container cgroups on cgroup v2 (the "cgroupfs" manager: plain files, no
//! systemd).
//!
//! Where a container's cgroup goes ([`place`]):
//! - root: `<cgroup2 mount>/rpod/<name>`, with the controllers enabled down
//!   the way;
//! - rootless: beside the caller, in the caller's own cgroup when the user
//!   may write it (a delegated subtree: systemd's `user@UID.service`, or
//!   any subtree chowned to the user). A cgroup with processes cannot hand
//!   controllers to children (the no-internal-process rule), so the
//!   processes there are moved into a leaf `init` first, once.
//!
//! Nothing is ever created unless the host is in cgroup v2 unified mode
//! with the needed controllers: on a v1 or hybrid host (or without
//! delegation) [`place`] says why, and the engine refuses a requested
//! limit with that explanation rather than dropping it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::cgroups::{CgroupInfo, Layout};

/// Resource limits, in cgroup v2 terms.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Resources {
    /// `memory.max`, bytes.
    pub memory_max: Option<i64>,
    /// `memory.low`, bytes.
    pub memory_low: Option<i64>,
    /// `memory.swap.max`, bytes (-1: unlimited).
    pub memory_swap_max: Option<i64>,
    /// `cpu.weight` (1-10000).
    pub cpu_weight: Option<u64>,
    /// `cpu.max`: quota (None: unlimited) and period, microseconds.
    pub cpu_max: Option<(Option<u64>, u64)>,
    pub cpuset_cpus: Option<String>,
    pub cpuset_mems: Option<String>,
    /// `pids.max` (-1: unlimited).
    pub pids_max: Option<i64>,
    /// `io.weight` default (1-10000).
    pub io_weight: Option<u64>,
    /// `io.weight` per device.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub io_weight_device: Vec<DeviceWeight>,
    /// `io.max` per device.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub io_max: Vec<IoMax>,
    /// Other cgroup v2 files, written as given (`--cgroup-conf`, OCI
    /// `linux.resources.unified`), after the limits above.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub unified: std::collections::BTreeMap<String, String>,
}

/// A block device's `io.weight`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeviceWeight {
    /// The device's path as given (for `inspect`), empty from an OCI spec.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub path: String,
    pub major: u64,
    pub minor: u64,
    pub weight: u64,
}

/// A block device's `io.max` line (None: not limited).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IoMax {
    /// The device's path as given (for `inspect`), empty from an OCI spec.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub path: String,
    pub major: u64,
    pub minor: u64,
    pub rbps: Option<u64>,
    pub wbps: Option<u64>,
    pub riops: Option<u64>,
    pub wiops: Option<u64>,
}

impl IoMax {
    /// The `io.max` line (`MAJ:MIN rbps=N ...`).
    pub fn line(&self) -> String {
        let mut l = format!("{}:{}", self.major, self.minor);
        for (k, v) in [("rbps", self.rbps), ("wbps", self.wbps), ("riops", self.riops), ("wiops", self.wiops)] {
            if let Some(v) = v {
                l.push_str(&format!(" {k}={v}"));
            }
        }
        l
    }

    /// Merges another limit of the same device into this one.
    pub fn merge(&mut self, other: &IoMax) {
        self.rbps = other.rbps.or(self.rbps);
        self.wbps = other.wbps.or(self.wbps);
        self.riops = other.riops.or(self.riops);
        self.wiops = other.wiops.or(self.wiops);
    }
}

/// The cgroup v2 controllers rpod knows, for the keys of `unified`.
pub const CONTROLLERS: [&str; 8] = ["cpu", "cpuset", "io", "memory", "pids", "hugetlb", "rdma", "misc"];

/// Checks a cgroup v2 file name for `unified` (`controller.file`, or a
/// `cgroup.` core file other than the ones the manager owns) and returns
/// the controller it needs (None for core files).
pub fn unified_controller(key: &str) -> Result<Option<&'static str>, String> {
    let bad = || format!("{key:?} is not a cgroup v2 file (CONTROLLER.FILE, e.g. memory.high)");
    let (prefix, rest) = key.split_once('.').ok_or_else(bad)?;
    if rest.is_empty() || key.contains('/') || key.contains("..") || key.chars().any(char::is_whitespace) {
        return Err(bad());
    }
    if prefix == "cgroup" {
        if matches!(rest, "procs" | "threads" | "subtree_control" | "kill" | "freeze" | "type") {
            return Err(format!("{key} is managed by rpod and cannot be set"));
        }
        return Ok(None);
    }
    CONTROLLERS.iter().find(|c| **c == prefix).map(|c| Some(*c)).ok_or_else(bad)
}

/// Docker's `--blkio-weight` (10-1000) as cgroup v2's `io.weight`
/// (1-10000), crun's conversion.
pub fn blkio_weight_to_io_weight(w: u64) -> u64 {
    if w == 0 {
        return 0;
    }
    1 + (w.clamp(10, 1000) - 10) * 9999 / 990
}

impl Resources {
    /// The controllers these limits need.
    pub fn controllers(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.memory_max.is_some() || self.memory_low.is_some() || self.memory_swap_max.is_some() {
            v.push("memory");
        }
        if self.cpu_weight.is_some() || self.cpu_max.is_some() {
            v.push("cpu");
        }
        if self.cpuset_cpus.is_some() || self.cpuset_mems.is_some() {
            v.push("cpuset");
        }
        if self.pids_max.is_some() {
            v.push("pids");
        }
        if self.io_weight.is_some() || !self.io_weight_device.is_empty() || !self.io_max.is_empty() {
            v.push("io");
        }
        for key in self.unified.keys() {
            if let Ok(Some(c)) = unified_controller(key) {
                if !v.contains(&c) {
                    v.push(c);
                }
            }
        }
        v
    }

    pub fn is_empty(&self) -> bool {
        self.controllers().is_empty() && self.unified.is_empty()
    }

    /// Adds an `io.max` limit, merged with an earlier one of the same device.
    pub fn add_io_max(&mut self, m: IoMax) {
        match self.io_max.iter_mut().find(|x| x.major == m.major && x.minor == m.minor) {
            Some(x) => x.merge(&m),
            None => self.io_max.push(m),
        }
    }

    /// The files and values to write, in a safe order.
    pub fn writes(&self) -> Vec<(String, String)> {
        let num = |v: i64| if v < 0 { "max".to_string() } else { v.to_string() };
        let mut w = Vec::new();
        if let Some(c) = &self.cpuset_cpus {
            w.push(("cpuset.cpus", c.clone()));
        }
        if let Some(m) = &self.cpuset_mems {
            w.push(("cpuset.mems", m.clone()));
        }
        if let Some(v) = self.memory_low {
            w.push(("memory.low", num(v)));
        }
        if let Some(v) = self.memory_max {
            w.push(("memory.max", num(v)));
        }
        if let Some(v) = self.memory_swap_max {
            w.push(("memory.swap.max", num(v)));
        }
        if let Some(v) = self.cpu_weight {
            w.push(("cpu.weight", v.to_string()));
        }
        if let Some((quota, period)) = self.cpu_max {
            w.push(("cpu.max", format!("{} {period}", quota.map_or("max".to_string(), |q| q.to_string()))));
        }
        if let Some(v) = self.pids_max {
            w.push(("pids.max", num(v)));
        }
        if let Some(v) = self.io_weight {
            w.push(("io.weight", format!("default {v}")));
        }
        for d in &self.io_weight_device {
            w.push(("io.weight", format!("{}:{} {}", d.major, d.minor, d.weight)));
        }
        for m in &self.io_max {
            w.push(("io.max", m.line()));
        }
        let mut w: Vec<(String, String)> = w.into_iter().map(|(f, v)| (f.to_string(), v)).collect();
        w.extend(self.unified.iter().map(|(k, v)| (k.clone(), v.clone())));
        w
    }
}

/// crun's conversion of cgroup v1 `cpu.shares` (2-262144) to v2
/// `cpu.weight` (1-10000).
pub fn shares_to_weight(shares: u64) -> u64 {
    if shares == 0 {
        return 100;
    }
    let s = shares.clamp(2, 262_144);
    1 + ((s - 2) * 9999) / 262_142
}

/// The leaf cgroup the caller's processes are moved to (rootless) so that
/// containers' cgroups can be made beside it.
const LEAF: &str = "init";

/// Why cgroups cannot be used, or where they go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// Container cgroups are created under this directory, which has (or
    /// can be given) these controllers.
    Under { parent: PathBuf, controllers: Vec<String>, needs_leaf: bool },
    /// No usable cgroup v2 controllers; the reason, for the user.
    Unavailable(String),
}

/// The explanation for a host without usable cgroup v2 controllers.
pub fn delegation_help(rootless: bool) -> &'static str {
    if rootless {
        "resource limits need cgroup v2 with controllers delegated to your user: boot with the unified hierarchy \
         (systemd.unified_cgroup_hierarchy=1, or cgroup_no_v1=all) and delegate them, e.g. with a systemd drop-in \
         /etc/systemd/system/user@.service.d/delegate.conf with the lines \"[Service]\" and \
         \"Delegate=cpu cpuset io memory pids\" (then log in again), or run rpod inside a cgroup subtree chowned to you"
    } else {
        "resource limits need the cgroup v2 unified hierarchy (boot with systemd.unified_cgroup_hierarchy=1 or \
         cgroup_no_v1=all); on a v1 or hybrid host rpod creates no cgroups"
    }
}

/// Where this process may put container cgroups.
pub fn place(info: &CgroupInfo, rootless: bool) -> Placement {
    let Some(mount) = &info.v2_mount else {
        return Placement::Unavailable(format!("no cgroup v2 hierarchy is mounted; {}", delegation_help(rootless)));
    };
    if info.layout != Layout::Unified {
        return Placement::Unavailable(format!(
            "this host mixes cgroup v1 and v2 ({} layout); {}",
            info.layout.name(),
            delegation_help(rootless)
        ));
    }
    if info.controllers.is_empty() {
        return Placement::Unavailable(format!(
            "no cgroup v2 controllers are available to you; {}",
            delegation_help(rootless)
        ));
    }
    if rootless {
        let Some(own) = &info.own_path else {
            return Placement::Unavailable(format!("cannot tell this process's cgroup; {}", delegation_help(rootless)));
        };
        // A process already in the leaf rpod made (see `move_into_leaf`) puts
        // containers beside that leaf, as the first one did: every container
        // of a session in one place (a pod's cgroup is shared).
        let own = own.trim_start_matches('/');
        let own = match own.rsplit_once('/') {
            Some((above, LEAF)) => above,
            _ => own,
        };
        Placement::Under { parent: mount.join(own), controllers: info.controllers.clone(), needs_leaf: true }
    } else {
        Placement::Under { parent: mount.join("rpod"), controllers: info.controllers.clone(), needs_leaf: false }
    }
}

/// A cgroup error, with the file it concerns.
#[derive(Debug, thiserror::Error)]
#[error("cgroup {}: {what}: {source}", path.display())]
pub struct CgroupError {
    pub path: PathBuf,
    pub what: String,
    #[source]
    pub source: std::io::Error,
}

fn err(path: &Path, what: impl Into<String>) -> impl FnOnce(std::io::Error) -> CgroupError + '_ {
    let what = what.into();
    move |source| CgroupError { path: path.to_path_buf(), what, source }
}

fn write(dir: &Path, file: &str, value: &str) -> Result<(), CgroupError> {
    let p = dir.join(file);
    std::fs::write(&p, value).map_err(err(&p, format!("writing {value:?}")))
}

/// Enables `controllers` (those available) in `dir`'s subtree_control.
fn enable(dir: &Path, controllers: &[String]) -> Result<(), CgroupError> {
    let have = std::fs::read_to_string(dir.join("cgroup.subtree_control")).unwrap_or_default();
    let avail = std::fs::read_to_string(dir.join("cgroup.controllers")).unwrap_or_default();
    let missing: Vec<String> = controllers
        .iter()
        .filter(|c| avail.split_whitespace().any(|a| a == c.as_str()))
        .filter(|c| !have.split_whitespace().any(|h| h == c.as_str()))
        .map(|c| format!("+{c}"))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    write(dir, "cgroup.subtree_control", &missing.join(" "))
}

/// Moves every process of `dir` into its child `leaf` (created).
fn move_into_leaf(dir: &Path, leaf: &str) -> Result<(), CgroupError> {
    let leaf_dir = dir.join(leaf);
    match std::fs::create_dir(&leaf_dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(err(&leaf_dir, "creating")(e)),
    }
    for _ in 0..10 {
        let procs = std::fs::read_to_string(dir.join("cgroup.procs")).map_err(err(dir, "reading cgroup.procs"))?;
        if procs.trim().is_empty() {
            return Ok(());
        }
        for pid in procs.split_whitespace() {
            // A process may exit meanwhile (ESRCH): fine.
            let _ = std::fs::write(leaf_dir.join("cgroup.procs"), pid);
        }
    }
    Ok(())
}

/// Creates the container cgroup `name` per `placement`, with the
/// controllers enabled and `res` written. Returns its directory.
pub fn create(placement: &Placement, name: &str, res: &Resources) -> Result<PathBuf, CgroupError> {
    let Placement::Under { parent, controllers, needs_leaf } = placement else {
        return Err(CgroupError {
            path: PathBuf::new(),
            what: "no usable cgroup v2 hierarchy".into(),
            source: std::io::Error::from(std::io::ErrorKind::Unsupported),
        });
    };
    if !needs_leaf {
        // Root: the hierarchy's root hands the controllers to `rpod`.
        if let Some(root) = parent.parent() {
            enable(root, controllers)?;
        }
        match std::fs::create_dir(parent) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(err(parent, "creating")(e)),
        }
        enable(parent, controllers)?;
    } else if enable(parent, controllers).is_err() {
        // Processes live in the caller's cgroup: move them to a leaf first.
        move_into_leaf(parent, LEAF)?;
        enable(parent, controllers)?;
    }
    let dir = parent.join(name);
    match std::fs::create_dir(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(err(&dir, "creating")(e)),
    }
    if let Err(e) = apply(&dir, res) {
        let _ = std::fs::remove_dir(&dir);
        return Err(e);
    }
    Ok(dir)
}

/// Writes the limits (also for `update` on a running container).
pub fn apply(dir: &Path, res: &Resources) -> Result<(), CgroupError> {
    for (file, value) in res.writes() {
        write(dir, &file, &value)?;
    }
    Ok(())
}

/// Kills what is left in the cgroup and removes it (waiting briefly for
/// the processes to go).
pub fn remove(dir: &Path) -> Result<(), CgroupError> {
    if !dir.exists() {
        return Ok(());
    }
    let _ = std::fs::write(dir.join("cgroup.kill"), "1");
    let start = Instant::now();
    loop {
        match std::fs::remove_dir(dir) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) if start.elapsed() < Duration::from_secs(5) && e.raw_os_error() == Some(libc::EBUSY) => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(err(dir, "removing")(e)),
        }
    }
}

/// `cgroup.freeze`: freezes or thaws, waiting until `cgroup.events` says
/// so.
pub fn freeze(dir: &Path, frozen: bool) -> Result<(), CgroupError> {
    write(dir, "cgroup.freeze", if frozen { "1" } else { "0" })?;
    let want = if frozen { "frozen 1" } else { "frozen 0" };
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        let events = std::fs::read_to_string(dir.join("cgroup.events")).map_err(err(dir, "reading cgroup.events"))?;
        if events.lines().any(|l| l.trim() == want) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Err(err(dir, "waiting for cgroup.events")(std::io::Error::from(std::io::ErrorKind::TimedOut)))
}

/// The `oom_kill` count of `memory.events`.
pub fn oom_kills(dir: &Path) -> u64 {
    key_value(&std::fs::read_to_string(dir.join("memory.events")).unwrap_or_default(), "oom_kill").unwrap_or(0)
}

fn key_value(text: &str, key: &str) -> Option<u64> {
    text.lines().find_map(|l| {
        let mut f = l.split_whitespace();
        (f.next() == Some(key)).then(|| f.next().and_then(|v| v.parse().ok())).flatten()
    })
}

/// What `stats` shows, read from the cgroup's files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub cpu_usage_usec: u64,
    pub nr_throttled: u64,
    pub memory_current: u64,
    /// None: unlimited.
    pub memory_max: Option<u64>,
    pub pids_current: u64,
    pub io_read_bytes: u64,
    pub io_write_bytes: u64,
}

pub fn stats(dir: &Path) -> Stats {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_default();
    let cpu = read("cpu.stat");
    let mut io_r = 0;
    let mut io_w = 0;
    for line in read("io.stat").lines() {
        for kv in line.split_whitespace().skip(1) {
            if let Some(v) = kv.strip_prefix("rbytes=") {
                io_r += v.parse::<u64>().unwrap_or(0);
            } else if let Some(v) = kv.strip_prefix("wbytes=") {
                io_w += v.parse::<u64>().unwrap_or(0);
            }
        }
    }
    Stats {
        cpu_usage_usec: key_value(&cpu, "usage_usec").unwrap_or(0),
        nr_throttled: key_value(&cpu, "nr_throttled").unwrap_or(0),
        memory_current: read("memory.current").trim().parse().unwrap_or(0),
        memory_max: read("memory.max").trim().parse().ok(),
        pids_current: read("pids.current").trim().parse().unwrap_or(0),
        io_read_bytes: io_r,
        io_write_bytes: io_w,
    }
}

/// Do the device rules of `linux.resources` need the device cgroup's
/// filter ([`crate::devices`])? Without one the runtime's stand-in (a
/// `nodev` root file system, only the listed device nodes made) gives
/// runc's default (deny everything first, then allow rules for nodes the
/// runtime makes), not a deny rule beyond the leading deny-all.
pub fn devices_need_filter(r: &oci_spec::runtime::LinuxResources) -> bool {
    r.devices().iter().flatten().enumerate().any(|(i, d)| {
        let all = d.typ().is_none_or(|t| t == oci_spec::runtime::LinuxDeviceType::A)
            && d.major().is_none_or(|m| m < 0)
            && d.minor().is_none_or(|m| m < 0)
            && d.access().as_deref().is_none_or(|a| a == "rwm");
        !(d.allow() || i == 0 && all)
    })
}

/// The limits of an OCI config's `linux.resources` in cgroup v2 terms. A
/// setting this manager cannot apply is an error naming it, never dropped.
/// Device rules are the runtime's (a filter on the cgroup), checked here
/// only for their form.
pub fn from_oci(r: &oci_spec::runtime::LinuxResources) -> Result<Resources, String> {
    let unsupported = |what: &str| Err(format!("linux.resources.{what} is not supported by rpod's runtime"));
    let mut out = Resources::default();
    crate::devices::rules_from_oci(r.devices().as_deref().unwrap_or_default())
        .and_then(|rules| crate::devices::Filter::new(&rules))
        .map_err(|e| format!("linux.resources.devices: {e}"))?;
    if let Some(m) = r.memory() {
        if m.kernel_tcp().is_some() || m.swappiness().is_some() || m.disable_oom_killer() == Some(true) {
            return unsupported("memory (kernelTCP, swappiness, disableOOMKiller: cgroup v1 only)");
        }
        #[allow(deprecated)]
        if m.kernel().is_some() {
            return unsupported("memory.kernel (cgroup v1 only)");
        }
        out.memory_max = m.limit().filter(|&l| l != 0);
        out.memory_low = m.reservation().filter(|&l| l != 0);
        // OCI's swap is memory+swap (cgroup v1); v2 limits swap alone.
        out.memory_swap_max = match (m.swap(), out.memory_max) {
            (None | Some(0), _) => None,
            (Some(-1), _) => Some(-1),
            (Some(s), Some(l)) if l > 0 && s >= l => Some(s - l),
            (Some(s), _) => return Err(format!("linux.resources.memory.swap {s} needs a memory limit no larger")),
        };
    }
    if let Some(c) = r.cpu() {
        if c.realtime_runtime().is_some() || c.realtime_period().is_some() || c.idle().is_some() || c.burst().is_some()
        {
            return unsupported("cpu (realtimeRuntime, realtimePeriod, idle, burst)");
        }
        out.cpu_weight = c.shares().filter(|&s| s != 0).map(shares_to_weight);
        out.cpu_max = match (c.quota(), c.period()) {
            (None | Some(0), None | Some(0)) => None,
            (q, p) => Some((q.filter(|&q| q > 0).map(|q| q as u64), p.filter(|&p| p != 0).unwrap_or(100_000))),
        };
        out.cpuset_cpus = c.cpus().clone().filter(|s| !s.is_empty());
        out.cpuset_mems = c.mems().clone().filter(|s| !s.is_empty());
    }
    if let Some(p) = r.pids() {
        out.pids_max = Some(if p.limit() > 0 { p.limit() } else { -1 });
    }
    if let Some(b) = r.block_io() {
        if b.leaf_weight().is_some() || b.weight_device().iter().flatten().any(|d| d.leaf_weight().is_some()) {
            return unsupported("blockIO.leafWeight (cgroup v1 only)");
        }
        out.io_weight = b.weight().filter(|&w| w != 0).map(|w| blkio_weight_to_io_weight(w.into()));
        for d in b.weight_device().iter().flatten() {
            if let Some(w) = d.weight() {
                let weight = blkio_weight_to_io_weight(w.into());
                out.io_weight_device.push(DeviceWeight {
                    path: String::new(),
                    major: d.major() as u64,
                    minor: d.minor() as u64,
                    weight,
                });
            }
        }
        let lists = [
            (b.throttle_read_bps_device(), 0),
            (b.throttle_write_bps_device(), 1),
            (b.throttle_read_iops_device(), 2),
            (b.throttle_write_iops_device(), 3),
        ];
        for (list, which) in lists {
            for d in list.iter().flatten() {
                let mut m = IoMax { major: d.major() as u64, minor: d.minor() as u64, ..Default::default() };
                let rate = Some(d.rate());
                match which {
                    0 => m.rbps = rate,
                    1 => m.wbps = rate,
                    2 => m.riops = rate,
                    _ => m.wiops = rate,
                }
                out.add_io_max(m);
            }
        }
    }
    if r.hugepage_limits().as_ref().is_some_and(|h| !h.is_empty()) {
        return unsupported("hugepageLimits");
    }
    if r.network().is_some() {
        return unsupported("network");
    }
    if r.rdma().as_ref().is_some_and(|h| !h.is_empty()) {
        return unsupported("rdma");
    }
    for (k, v) in r.unified().iter().flatten() {
        unified_controller(k).map_err(|e| format!("linux.resources.unified: {e}"))?;
        out.unified.insert(k.clone(), v.clone());
    }
    Ok(out)
}

/// Creates the cgroup of an OCI container (`linux.cgroupsPath`, as runc's
/// cgroupfs driver reads it: an absolute path is from the root of the v2
/// hierarchy, a relative one below where [`place`] puts containers, none
/// means `default_name` there), with the controllers `res` needs enabled
/// on the way down and `res` written. Where no usable cgroup v2 hierarchy
/// exists the error says why and how to get one.
pub fn create_oci(
    info: &CgroupInfo,
    rootless: bool,
    cgroups_path: Option<&str>,
    default_name: &str,
    res: &Resources,
) -> Result<PathBuf, String> {
    let what = "cannot apply linux.cgroupsPath/linux.resources";
    let (parent, available, needs_leaf) = match place(info, rootless) {
        Placement::Unavailable(why) => return Err(format!("{what}: {why}")),
        Placement::Under { parent, controllers, needs_leaf } => (parent, controllers, needs_leaf),
    };
    let need: Vec<String> = res.controllers().into_iter().map(String::from).collect();
    let missing: Vec<&str> = need.iter().filter(|c| !available.contains(c)).map(String::as_str).collect();
    if !missing.is_empty() {
        return Err(format!(
            "{what}: the cgroup controllers {} are not available (available: {}); {}",
            missing.join(", "),
            available.join(" "),
            delegation_help(rootless)
        ));
    }
    let rel = cgroups_path.unwrap_or(default_name);
    let leaf_at = needs_leaf.then_some(parent.as_path());
    create_path(info, &parent, rel, res, leaf_at).map_err(|e| format!("{what}: {e}"))
}

/// Creates the cgroup `rel` (absolute: from the hierarchy's root;
/// relative: below `parent`, where containers go by default) and its
/// missing parents, the controllers `res` needs enabled on the way down;
/// the processes of `leaf_at` (the caller's own cgroup) are moved into a
/// leaf when it must hand controllers down. Writes `res`; returns the
/// directory.
pub fn create_path(
    info: &CgroupInfo,
    parent: &Path,
    rel: &str,
    res: &Resources,
    leaf_at: Option<&Path>,
) -> Result<PathBuf, String> {
    let mount = info.v2_mount.clone().ok_or_else(|| "no cgroup v2 hierarchy is mounted".to_string())?;
    if rel.split('/').any(|c| c == "..") || rel.trim_matches('/').is_empty() {
        return Err(format!("bad cgroup path {rel:?}"));
    }
    let need: Vec<String> = res.controllers().into_iter().map(String::from).collect();
    let dir = if rel.starts_with('/') { mount.join(rel.trim_start_matches('/')) } else { parent.join(rel) };
    let below = dir.strip_prefix(&mount).map_err(|_| format!("{} is outside {}", dir.display(), mount.display()))?;
    let fail = |e: CgroupError| e.to_string();
    let mut cur = mount.clone();
    for comp in below.components() {
        if leaf_at == Some(cur.as_path()) {
            // The caller's own cgroup holds processes: move them to a leaf
            // first (enabling only threaded controllers such as pids would
            // succeed with them inside, and make the subtree threaded).
            move_into_leaf(&cur, LEAF).map_err(fail)?;
        }
        enable(&cur, &need).map_err(fail)?;
        cur.push(comp);
        match std::fs::create_dir(&cur) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(fail(err(&cur, "creating")(e))),
        }
    }
    apply(&dir, res).map_err(fail)?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oci_resources_convert_or_are_refused() {
        let r: oci_spec::runtime::LinuxResources = serde_json::from_value(serde_json::json!({
            "devices": [{"allow": false, "access": "rwm"}, {"allow": true, "type": "c", "major": 1, "minor": 3}],
            "memory": {"limit": 67108864, "swap": 134217728},
            "cpu": {"shares": 1024, "quota": 50000, "period": 100000, "cpus": "0"},
            "pids": {"limit": 0}
        }))
        .unwrap();
        let res = from_oci(&r).unwrap();
        assert_eq!(res.memory_max, Some(64 << 20));
        assert_eq!(res.memory_swap_max, Some(64 << 20));
        assert_eq!(res.cpu_weight, Some(39));
        assert_eq!(res.cpu_max, Some((Some(50_000), 100_000)));
        assert_eq!(res.cpuset_cpus.as_deref(), Some("0"));
        assert_eq!(res.pids_max, Some(-1));
        let deny: oci_spec::runtime::LinuxResources = serde_json::from_value(
            serde_json::json!({"devices": [{"allow": false, "type": "c", "major": 1, "minor": 3, "access": "rwm"}]}),
        )
        .unwrap();
        assert!(from_oci(&deny).unwrap().is_empty() && devices_need_filter(&deny));
        assert!(!devices_need_filter(&r));
        let odd: oci_spec::runtime::LinuxResources =
            serde_json::from_value(serde_json::json!({"devices": [{"allow": true, "access": "rwx"}]})).unwrap();
        assert!(from_oci(&odd).unwrap_err().contains("linux.resources.devices"));
        for bad in [
            serde_json::json!({"blockIO": {"leafWeight": 10}}),
            serde_json::json!({"memory": {"swappiness": 10}}),
            serde_json::json!({"hugepageLimits": [{"pageSize": "2MB", "limit": 1}]}),
        ] {
            let r: oci_spec::runtime::LinuxResources = serde_json::from_value(bad.clone()).unwrap();
            let e = from_oci(&r).unwrap_err();
            assert!(e.contains("not supported"), "{bad}: {e}");
        }
        let r: oci_spec::runtime::LinuxResources = serde_json::from_value(serde_json::json!({
            "blockIO": {"weight": 1000, "throttleReadBpsDevice": [{"major": 8, "minor": 0, "rate": 4096}],
                        "throttleWriteIOPSDevice": [{"major": 8, "minor": 0, "rate": 10}]},
            "unified": {"memory.high": "1G"}
        }))
        .unwrap();
        let res = from_oci(&r).unwrap();
        assert_eq!(res.io_weight, Some(10000));
        assert_eq!(res.io_max.len(), 1);
        assert_eq!(res.io_max[0].line(), "8:0 rbps=4096 wiops=10");
        assert_eq!(res.unified.get("memory.high").map(String::as_str), Some("1G"));
        let r: oci_spec::runtime::LinuxResources =
            serde_json::from_value(serde_json::json!({"unified": {"../../x": "1"}})).unwrap();
        assert!(from_oci(&r).is_err());
        // The default of `runc spec` asks for nothing this host must refuse.
        let r: oci_spec::runtime::LinuxResources =
            serde_json::from_value(serde_json::json!({"devices": [{"allow": false, "access": "rwm"}]})).unwrap();
        assert!(from_oci(&r).unwrap().is_empty());
    }

    #[test]
    fn oci_cgroups_on_a_hybrid_host_name_the_way_out() {
        let info = CgroupInfo {
            layout: Layout::Hybrid,
            v2_mount: Some("/nonexistent/unified".into()),
            own_path: Some("/".into()),
            controllers: vec!["hugetlb".into()],
        };
        let res = Resources { memory_max: Some(1 << 20), ..Default::default() };
        let e = create_oci(&info, false, Some("/x"), "y", &res).unwrap_err();
        assert!(e.contains("linux.cgroupsPath") && e.contains("cgroup_no_v1=all"), "{e}");
    }

    #[test]
    fn crun_weights() {
        assert_eq!(shares_to_weight(2), 1);
        assert_eq!(shares_to_weight(1024), 39);
        assert_eq!(shares_to_weight(262_144), 10_000);
        assert_eq!(shares_to_weight(0), 100);
    }

    #[test]
    fn writes_and_controllers() {
        let r = Resources {
            memory_max: Some(64 << 20),
            cpu_max: Some((Some(50_000), 100_000)),
            pids_max: Some(100),
            ..Default::default()
        };
        assert_eq!(r.controllers(), ["memory", "cpu", "pids"]);
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        assert_eq!(r.writes(), pairs(&[("memory.max", "67108864"), ("cpu.max", "50000 100000"), ("pids.max", "100")]));
        assert!(Resources::default().is_empty());
        let u = Resources { memory_swap_max: Some(-1), cpu_max: Some((None, 100_000)), ..Default::default() };
        assert_eq!(u.writes(), pairs(&[("memory.swap.max", "max"), ("cpu.max", "max 100000")]));
        let io = Resources {
            io_weight: Some(500),
            io_weight_device: vec![DeviceWeight { path: String::new(), major: 8, minor: 0, weight: 200 }],
            io_max: vec![IoMax { major: 8, minor: 0, rbps: Some(1 << 20), wiops: Some(100), ..Default::default() }],
            unified: [("memory.high".to_string(), "1G".to_string()), ("cgroup.max.depth".to_string(), "2".to_string())]
                .into(),
            ..Default::default()
        };
        assert_eq!(io.controllers(), ["io", "memory"]);
        assert_eq!(
            io.writes(),
            pairs(&[
                ("io.weight", "default 500"),
                ("io.weight", "8:0 200"),
                ("io.max", "8:0 rbps=1048576 wiops=100"),
                ("cgroup.max.depth", "2"),
                ("memory.high", "1G"),
            ])
        );
        assert_eq!(unified_controller("memory.high"), Ok(Some("memory")));
        assert_eq!(unified_controller("cgroup.max.depth"), Ok(None));
        assert!(unified_controller("cgroup.procs").is_err());
        assert!(unified_controller("../x.y").is_err());
        assert!(unified_controller("bogus.file").is_err());
        assert!(unified_controller("memory").is_err());
        assert_eq!(blkio_weight_to_io_weight(10), 1);
        assert_eq!(blkio_weight_to_io_weight(1000), 10000);
        assert_eq!(blkio_weight_to_io_weight(500), 4950);
    }

    #[test]
    fn hybrid_hosts_get_no_cgroups() {
        let info = CgroupInfo {
            layout: Layout::Hybrid,
            v2_mount: Some("/sys/fs/cgroup/unified".into()),
            own_path: Some("/".into()),
            controllers: vec!["hugetlb".into()],
        };
        match place(&info, true) {
            Placement::Unavailable(why) => assert!(why.contains("Delegate=") && why.contains("hybrid"), "{why}"),
            p => panic!("{p:?}"),
        }
        let unified = CgroupInfo {
            layout: Layout::Unified,
            v2_mount: Some("/sys/fs/cgroup".into()),
            own_path: Some("/user.slice/user-1000/s1".into()),
            controllers: vec!["memory".into(), "pids".into()],
        };
        assert_eq!(
            place(&unified, true),
            Placement::Under {
                parent: "/sys/fs/cgroup/user.slice/user-1000/s1".into(),
                controllers: vec!["memory".into(), "pids".into()],
                needs_leaf: true
            }
        );
        // Once moved to rpod's leaf, the same place (not inside the leaf).
        let moved = CgroupInfo { own_path: Some("/user.slice/user-1000/s1/init".into()), ..unified.clone() };
        assert_eq!(place(&moved, true), place(&unified, true));
        assert!(matches!(place(&unified, false), Placement::Under { needs_leaf: false, .. }));
    }

    #[test]
    fn files_in_a_fake_cgroup() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 2\n").unwrap();
        std::fs::write(d.path().join("cpu.stat"), "usage_usec 1500\nuser_usec 1000\nnr_throttled 7\n").unwrap();
        std::fs::write(d.path().join("memory.current"), "4096\n").unwrap();
        std::fs::write(d.path().join("memory.max"), "max\n").unwrap();
        std::fs::write(d.path().join("io.stat"), "8:0 rbytes=10 wbytes=20 rios=1\n8:16 rbytes=1 wbytes=2\n").unwrap();
        assert_eq!(oom_kills(d.path()), 2);
        let s = stats(d.path());
        assert_eq!((s.cpu_usage_usec, s.nr_throttled, s.memory_current, s.memory_max), (1500, 7, 4096, None));
        assert_eq!((s.io_read_bytes, s.io_write_bytes), (11, 22));
    }
}
