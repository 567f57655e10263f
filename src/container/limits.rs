//! Where a container's cgroup goes and what limits it gets, decided one
//! way for `create` and `update` (which refuse what this host or user
//! cannot apply, exit 125, with the way to get delegation) and for the
//! monitor at each start (the host may have changed since).

use rpod_runtime::cgroup_manager::{delegation_help, place, Placement, Resources};

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
