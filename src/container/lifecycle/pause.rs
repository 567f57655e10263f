//! `pause` and `unpause`: every process of a container frozen or thawed
//! through its cgroup v2 (`cgroup.freeze`).

use crate::container::record::{Container, Containers, Status};
use crate::error::{ExitCode, Failure};

/// `pause` (`frozen`) or `unpause`: the container's cgroup v2 frozen or
/// thawed; a container not running (or not paused) is refused, as in
/// Podman.
pub fn set_paused(containers: &mut Containers, c: &Container, frozen: bool, rootless: bool) -> anyhow::Result<()> {
    let _lock = containers.lock(&c.id)?;
    let Some(c) = containers.get(&c.id)? else { anyhow::bail!("container {} was removed", c.id) };
    let (from, to, verb) =
        if frozen { (Status::Running, Status::Paused, "pause") } else { (Status::Paused, Status::Running, "unpause") };
    if c.state.status != from {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("\"{}\" is not {}, can't {verb}: container state improper", c.name, from.as_str()),
        )
        .into());
    }
    if c.state.cgroup.is_empty() {
        return Err(Failure::new(
            ExitCode::Engine,
            format!(
                "cannot {verb} {}: it has no cgroup (the cgroup v2 freezer is needed); {}",
                c.name,
                rpod_runtime::cgroup_manager::delegation_help(rootless)
            ),
        )
        .into());
    }
    rpod_runtime::cgroup_manager::freeze(std::path::Path::new(&c.state.cgroup), frozen)?;
    containers.update_state(&c.id, |s| {
        if s.status == from {
            s.status = to;
            true
        } else {
            false
        }
    })?;
    containers.event(&c, verb);
    Ok(())
}
