//! Where a container's cgroup goes and what limits it gets, decided one
//! way for `create` and `update` (which refuse what this host or user
//! cannot apply, exit 125, with the way to get delegation) and for the
//! monitor at each start (the host may have changed since).

use std::os::unix::fs::FileTypeExt;
use std::os::unix::fs::MetadataExt;

use anyhow::{bail, Context as _};
use rpod_runtime::cgroup_manager::{delegation_help, place, DeviceWeight, IoMax, Placement, Resources};

use serde::{Deserialize, Serialize};

use crate::error::{ExitCode, Failure};

/// `--cgroups`: Podman's modes. rpod's monitor (conmon's part) never gets
/// a cgroup of its own, it stays in the caller's: `no-conmon` is what
/// `enabled` does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum CgroupsMode {
    /// A cgroup of its own where the host lets rpod make one (with limits: required)
    #[default]
    Enabled,
    /// No cgroup of its own: the container stays in the caller's cgroup; no limits
    Disabled,
    /// As enabled (rpod's monitor never has a cgroup of its own)
    NoConmon,
    /// Its cgroup below the caller's own cgroup
    Split,
}

impl CgroupsMode {
    pub fn is_default(&self) -> bool {
        *self == CgroupsMode::Enabled
    }

    /// Podman's inspect `HostConfig.Cgroups`.
    pub fn inspect_text(&self) -> &'static str {
        match self {
            CgroupsMode::Disabled => "disabled",
            _ => "default",
        }
    }
}

/// Where a container's cgroup goes: `--cgroups` and `--cgroup-parent`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Where<'a> {
    pub mode: CgroupsMode,
    /// `--cgroup-parent`: absolute (from the hierarchy's root; rootless
    /// within your delegated cgroup) or relative (below where rpod puts
    /// containers).
    pub parent: Option<&'a str>,
    /// In the cgroup of its pod (unless placed by the two above).
    pub pod: Option<&'a PodCgroup>,
}

impl<'a> Where<'a> {
    pub fn of(o: &'a super::options::Options) -> Where<'a> {
        Where { mode: o.cgroups, parent: o.cgroup_parent.as_deref(), pod: o.pod_cgroup.as_ref() }
    }

    /// Podman's rules between the settings, checked at create.
    pub fn validate(&self, pid_joins_container: bool, private_pid: bool) -> anyhow::Result<()> {
        let invalid = |m: &str| -> anyhow::Result<()> {
            Err(Failure::new(ExitCode::Engine, format!("{m}: invalid argument")).into())
        };
        if let Some(p) = self.parent {
            if p.split('/').any(|c| c == "..") || p.trim_matches('/').is_empty() {
                return invalid(&format!("--cgroup-parent {p:?}: expected a cgroup path such as /mine or mine/sub"));
            }
        }
        match self.mode {
            CgroupsMode::Split if self.parent.is_some() => {
                invalid("cannot specify --cgroup-mode=split with a cgroup-parent")
            }
            CgroupsMode::Disabled if pid_joins_container => {
                invalid("cannot join another container's PID namespace if not creating cgroups")
            }
            CgroupsMode::Disabled if self.parent.is_some() => {
                invalid("cannot set cgroup parent if not creating cgroups")
            }
            CgroupsMode::Disabled if !private_pid => {
                invalid("containers not creating Cgroups must create a private PID namespace")
            }
            _ => Ok(()),
        }
    }
}

/// The cgroup of a pod, made at the start of a container placed in it
/// (the infra container, and with `--share-parent` every other one): the
/// pod's limits, its containers' cgroups inside.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PodCgroup {
    /// `pod-<pod ID>`.
    pub name: String,
    /// `pod create --cgroup-parent`: absolute (from the hierarchy's root)
    /// or relative to where rpod puts cgroups; "" for that place.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parent: String,
    /// The pod's limits (`pod create --memory` ...).
    #[serde(default, skip_serializing_if = "Resources::is_empty")]
    pub resources: Resources,
}

impl PodCgroup {
    /// The pod cgroup's path from where rpod puts cgroups (or from the
    /// hierarchy's root, when absolute).
    pub fn path(&self) -> String {
        match self.parent.trim_end_matches('/') {
            "" => self.name.clone(),
            p => format!("{p}/{}", self.name),
        }
    }
}

/// A container's cgroup, to be made at its start.
pub struct CgroupPlan {
    placement: Placement,
    resources: Resources,
    /// Made at this path (relative to `placement`'s parent, or absolute)
    /// instead of `rpod-<id>` there: `--cgroup-parent`, `--cgroups=split`.
    custom: Option<Custom>,
    /// In its pod's cgroup (made, with the pod's limits, on the way).
    pod: Option<(PodCgroup, Custom)>,
}

struct Custom {
    info: rpod_runtime::cgroups::CgroupInfo,
    parent: String,
    /// The caller's own cgroup, whose processes may move into a leaf.
    leaf_at: Option<std::path::PathBuf>,
}

/// The plan for limits `asked`, placed as `at` says: `None` on a host
/// without usable cgroup v2 controllers when nothing asks for a cgroup
/// (containers run without one of their own there) and with
/// `--cgroups=disabled`; an error when a limit or a placement is asked
/// for that cannot be applied. Adds Podman's default pids limit (2048)
/// where the pids controller is available.
pub fn plan(asked: &Resources, rootless: bool, at: Where) -> anyhow::Result<Option<CgroupPlan>> {
    let refuse = |m: String| -> anyhow::Result<Option<CgroupPlan>> { Err(Failure::new(ExitCode::Engine, m).into()) };
    if at.mode == CgroupsMode::Disabled {
        if !asked.is_empty() {
            return refuse("cannot apply resource limits: the container has no cgroup (--cgroups=disabled)".into());
        }
        return Ok(None);
    }
    let info = rpod_runtime::cgroups::detect(rootless);
    let placement = place(&info, rootless);
    // A pod's, unless the container is placed by its own flags.
    let pod = at.pod.filter(|_| at.parent.is_none() && at.mode != CgroupsMode::Split);
    let placed = match (at.parent, at.mode, pod) {
        (Some(p), _, _) => Some(format!("--cgroup-parent {p}")),
        (None, CgroupsMode::Split, _) => Some("--cgroups=split".to_string()),
        (None, _, Some(p)) if !p.parent.is_empty() && p.resources.is_empty() => {
            Some(format!("--cgroup-parent {}", p.parent))
        }
        _ => None,
    };
    let pod_limits = pod.is_some_and(|p| !p.resources.is_empty());
    let controllers = match &placement {
        Placement::Unavailable(why) => {
            return match (&placed, asked.is_empty() && !pod_limits) {
                (Some(flag), _) => refuse(format!("{flag} cannot be applied: {why}")),
                (None, true) => Ok(None),
                (None, false) => refuse(format!("cannot apply resource limits: {why}")),
            }
        }
        Placement::Under { controllers, .. } => controllers.clone(),
    };
    let mut wanted = asked.controllers();
    wanted.extend(pod.map(|p| p.resources.controllers()).unwrap_or_default());
    let mut missing: Vec<&str> = wanted.into_iter().filter(|c| !controllers.iter().any(|h| h == c)).collect();
    missing.dedup();
    if !missing.is_empty() {
        return refuse(format!(
            "cannot apply resource limits: the cgroup controllers {} are not available to you (available: {}); {}",
            missing.join(", "),
            controllers.join(" "),
            delegation_help(rootless)
        ));
    }
    let own = info.own_path.clone().unwrap_or_default();
    let own_dir = info.v2_mount.clone().unwrap_or_default().join(own.trim_start_matches('/'));
    // Rootless, only the delegated subtree (the caller's own cgroup) can be written.
    let writable = |p: &str| {
        match rootless && p.starts_with('/') && !within(p, &own) {
        true => refuse(format!(
            "--cgroup-parent {p} cannot be used rootless: it is outside your delegated cgroup {own} (give a path below it, or a relative one)"
        )),
        false => Ok(None),
    }
    };
    let pod = match pod {
        Some(p) => {
            writable(&p.parent)?;
            let Placement::Under { parent, needs_leaf, .. } = &placement else {
                unreachable!("placement checked above")
            };
            let leaf_at = needs_leaf.then(|| parent.clone());
            Some((p.clone(), Custom { info: info.clone(), parent: p.path(), leaf_at }))
        }
        None => None,
    };
    let custom = match (at.parent, at.mode) {
        (Some(p), _) => {
            writable(p)?;
            let leaf_at = rootless.then(|| own_dir.clone());
            Some(Custom { info: info.clone(), parent: p.trim_end_matches('/').to_string(), leaf_at })
        }
        (None, CgroupsMode::Split) => {
            if own.is_empty() {
                return refuse("--cgroups=split cannot be applied: cannot tell this process's cgroup".into());
            }
            Some(Custom { info: info.clone(), parent: own.clone(), leaf_at: Some(own_dir.clone()) })
        }
        _ => None,
    };
    let mut resources = asked.clone();
    if resources.pids_max.is_none() && controllers.iter().any(|c| c == "pids") {
        resources.pids_max = Some(2048);
    }
    Ok(Some(CgroupPlan { placement, resources, custom, pod }))
}

impl CgroupPlan {
    /// The pod's cgroup with its limits, then the container's in it: where
    /// rpod puts cgroups, every controller handed down (as a container's
    /// own cgroup has them); along the pod's `--cgroup-parent`, those the
    /// limits need (as along a container's).
    fn create_in_pod(
        &self,
        name: &str,
        pod: &PodCgroup,
        c: &Custom,
        parent: &std::path::Path,
    ) -> anyhow::Result<std::path::PathBuf> {
        use rpod_runtime::cgroup_manager::{create, create_path};
        let Placement::Under { controllers, .. } = &self.placement else { unreachable!("a plan has a place") };
        let mut tries = 0;
        loop {
            // Another container of the pod may remove the pod's cgroup as it
            // ends (see [`remove_pod_cgroup`]) between the steps: again.
            let made = match pod.parent.is_empty() {
                true => create(&self.placement, &pod.name, &pod.resources).map_err(|e| e.to_string()).and_then(|dir| {
                    let inside = Placement::Under { parent: dir, controllers: controllers.clone(), needs_leaf: false };
                    create(&inside, name, &self.resources).map_err(|e| e.to_string())
                }),
                // As a container's --cgroup-parent: the controllers the limits need, on the way down.
                false => create_path(&c.info, parent, &c.parent, &pod.resources, c.leaf_at.as_deref()).and_then(|_| {
                    let path = format!("{}/{name}", c.parent);
                    create_path(&c.info, parent, &path, &self.resources, c.leaf_at.as_deref())
                }),
            };
            match made {
                Err(e) if tries < 5 && e.contains("No such file") => tries += 1,
                r => {
                    return r
                        .map_err(|e| anyhow::anyhow!("creating the container's cgroup in its pod's {}: {e}", c.parent))
                }
            }
        }
    }
}

/// Where the pod's cgroup is (or would be) for this user; `None` on a
/// host where rpod makes no cgroups.
pub fn pod_cgroup_dir(pod: &PodCgroup, rootless: bool) -> Option<std::path::PathBuf> {
    let info = rpod_runtime::cgroups::detect(rootless);
    match place(&info, rootless) {
        Placement::Under { .. } if pod.parent.starts_with('/') => {
            Some(info.v2_mount?.join(pod.path().trim_start_matches('/')))
        }
        Placement::Under { parent, .. } => Some(parent.join(pod.path())),
        Placement::Unavailable(_) => None,
    }
}

/// After a container of a pod ended and its cgroup `dir` was removed: the
/// pod's cgroup (its parent) removed too when no other container is in it.
pub fn remove_pod_cgroup(dir: &std::path::Path, pod: &PodCgroup) {
    match dir.parent() {
        Some(p) if p.file_name() == Some(std::ffi::OsStr::new(&pod.name)) => {
            // EBUSY: another container of the pod still runs there.
            let _ = std::fs::remove_dir(p);
        }
        _ => {}
    }
}

/// Whether the cgroup path `p` is `own` or below it.
fn within(p: &str, own: &str) -> bool {
    let (p, own) = (p.trim_end_matches('/'), own.trim_end_matches('/'));
    p == own || p.starts_with(&format!("{own}/"))
}

impl CgroupPlan {
    /// Makes the container's cgroup (`rpod-<id>`) with the limits.
    pub fn create(&self, id: &str) -> anyhow::Result<std::path::PathBuf> {
        let name = format!("rpod-{id}");
        if let (Some((pod, c)), Placement::Under { parent, .. }) = (&self.pod, &self.placement) {
            return self.create_in_pod(&name, pod, c, parent);
        }
        match (&self.custom, &self.placement) {
            (Some(c), Placement::Under { parent, .. }) => rpod_runtime::cgroup_manager::create_path(
                &c.info,
                parent,
                &format!("{}/{name}", c.parent),
                &self.resources,
                c.leaf_at.as_deref(),
            )
            .map_err(|e| anyhow::anyhow!("creating the container's cgroup below {}: {e}", c.parent)),
            _ => Ok(rpod_runtime::cgroup_manager::create(&self.placement, &name, &self.resources)?),
        }
    }
}

/// The major and minor number of the block device at `path` (Docker's
/// `--blkio-weight-device` and `--device-*-bps|iops` name devices by path).
fn block_device(path: &str, flag: &str) -> anyhow::Result<(u64, u64)> {
    let md = std::fs::metadata(path).with_context(|| format!("{flag} {path}"))?;
    if !md.file_type().is_block_device() {
        bail!("{flag} {path}: not a block device");
    }
    let rdev = md.rdev();
    Ok((nix::sys::stat::major(rdev), nix::sys::stat::minor(rdev)))
}

/// `--blkio-weight-device DEVICE:WEIGHT` (weight 10-1000).
pub fn device_weight(spec: &str) -> anyhow::Result<DeviceWeight> {
    let flag = "--blkio-weight-device";
    let (path, w) = spec.rsplit_once(':').with_context(|| format!("{flag} {spec}: expected DEVICE:WEIGHT"))?;
    let w: u64 = w
        .parse()
        .ok()
        .filter(|w| (10..=1000).contains(w))
        .with_context(|| format!("{flag} {spec}: the weight must be a number from 10 to 1000"))?;
    let (major, minor) = block_device(path, flag)?;
    Ok(DeviceWeight {
        path: path.to_string(),
        major,
        minor,
        weight: rpod_runtime::cgroup_manager::blkio_weight_to_io_weight(w),
    })
}

/// Which `io.max` key a `--device-*` flag sets.
#[derive(Debug, Clone, Copy)]
pub enum IoLimit {
    ReadBps,
    WriteBps,
    ReadIops,
    WriteIops,
}

/// `--device-read-bps PATH:RATE` (RATE with a unit: 1mb, 512k) and the
/// others; IOPS rates are plain numbers.
pub fn device_rate(spec: &str, which: IoLimit) -> anyhow::Result<IoMax> {
    let flag = match which {
        IoLimit::ReadBps => "--device-read-bps",
        IoLimit::WriteBps => "--device-write-bps",
        IoLimit::ReadIops => "--device-read-iops",
        IoLimit::WriteIops => "--device-write-iops",
    };
    let (path, rate) = spec.rsplit_once(':').with_context(|| format!("{flag} {spec}: expected DEVICE:RATE"))?;
    let rate = match which {
        IoLimit::ReadBps | IoLimit::WriteBps => crate::commands::container::create::parse_size(rate).ok(),
        IoLimit::ReadIops | IoLimit::WriteIops => rate.parse::<u64>().ok(),
    }
    .filter(|r| *r > 0)
    .with_context(|| format!("{flag} {spec}: invalid rate"))?;
    let (major, minor) = block_device(path, flag)?;
    let mut m = IoMax { path: path.to_string(), major, minor, ..Default::default() };
    match which {
        IoLimit::ReadBps => m.rbps = Some(rate),
        IoLimit::WriteBps => m.wbps = Some(rate),
        IoLimit::ReadIops => m.riops = Some(rate),
        IoLimit::WriteIops => m.wiops = Some(rate),
    }
    Ok(m)
}

/// `--cgroup-conf KEY=VALUE`: a cgroup v2 file and its value.
pub fn cgroup_conf(spec: &str) -> anyhow::Result<(String, String)> {
    let (k, v) = spec.split_once('=').with_context(|| format!("--cgroup-conf {spec}: expected KEY=VALUE"))?;
    rpod_runtime::cgroup_manager::unified_controller(k).map_err(|e| anyhow::anyhow!("--cgroup-conf {spec}: {e}"))?;
    Ok((k.to_string(), v.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_limits_name_block_devices() {
        // /dev/null is a character device: refused like a missing path.
        assert!(device_rate("/dev/null:1mb", IoLimit::ReadBps).unwrap_err().to_string().contains("not a block device"));
        assert!(device_rate("/nonexistent:1mb", IoLimit::ReadBps).is_err());
        assert!(device_rate("/dev/null", IoLimit::ReadBps).unwrap_err().to_string().contains("DEVICE:RATE"));
        assert!(device_weight("/dev/null:5").unwrap_err().to_string().contains("10 to 1000"));
        assert_eq!(cgroup_conf("memory.high=1G").unwrap(), ("memory.high".into(), "1G".into()));
        assert!(cgroup_conf("memory.high").is_err());
        assert!(cgroup_conf("cgroup.procs=1").is_err());
    }
}
