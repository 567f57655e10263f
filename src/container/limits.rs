//! Where a container's cgroup goes and what limits it gets, decided one
//! way for `create` and `update` (which refuse what this host or user
//! cannot apply, exit 125, with the way to get delegation) and for the
//! monitor at each start (the host may have changed since).

use std::os::unix::fs::FileTypeExt;
use std::os::unix::fs::MetadataExt;

use anyhow::{bail, Context as _};
use rpod_runtime::cgroup_manager::{delegation_help, place, DeviceWeight, IoMax, Placement, Resources};

use crate::error::{ExitCode, Failure};

/// A container's cgroup, to be made at its start.
pub struct CgroupPlan {
    placement: Placement,
    resources: Resources,
}

/// The plan for limits `asked`: `None` on a host without usable cgroup v2
/// controllers when no limit is asked for (containers run without a
/// cgroup of their own there); an error when a limit is asked for that
/// cannot be applied. Adds Podman's default pids limit (2048) where the
/// pids controller is available.
pub fn plan(asked: &Resources, rootless: bool) -> anyhow::Result<Option<CgroupPlan>> {
    let info = rpod_runtime::cgroups::detect(rootless);
    let placement = place(&info, rootless);
    let controllers = match &placement {
        Placement::Unavailable(_) if asked.is_empty() => return Ok(None),
        Placement::Unavailable(why) => {
            return Err(Failure::new(ExitCode::Engine, format!("cannot apply resource limits: {why}")).into())
        }
        Placement::Under { controllers, .. } => controllers.clone(),
    };
    let missing: Vec<&str> = asked.controllers().into_iter().filter(|c| !controllers.iter().any(|h| h == c)).collect();
    if !missing.is_empty() {
        return Err(Failure::new(
            ExitCode::Engine,
            format!(
                "cannot apply resource limits: the cgroup controllers {} are not available to you (available: {}); {}",
                missing.join(", "),
                controllers.join(" "),
                delegation_help(rootless)
            ),
        )
        .into());
    }
    let mut resources = asked.clone();
    if resources.pids_max.is_none() && controllers.iter().any(|c| c == "pids") {
        resources.pids_max = Some(2048);
    }
    Ok(Some(CgroupPlan { placement, resources }))
}

impl CgroupPlan {
    /// Makes the container's cgroup (`rpod-<id>`) with the limits.
    pub fn create(&self, id: &str) -> anyhow::Result<std::path::PathBuf> {
        Ok(rpod_runtime::cgroup_manager::create(&self.placement, &format!("rpod-{id}"), &self.resources)?)
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
