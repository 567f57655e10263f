//! `rm`: a container's record, layer hold and files removed.

use std::time::{Duration, Instant};

use anyhow::bail;

use super::*;
use crate::container::record::{Container, Containers, State};
use crate::container::rootfs::Rootfs;
use crate::context::Context;
use crate::error::Failure;

/// `rm`: a live container only with `force` (killed first). Removes the
/// record, the container's files and its hold on the image's layers.
pub fn remove(ctx: &Context, containers: &mut Containers, c: &Container, force: bool) -> anyhow::Result<()> {
    remove_stopping(ctx, containers, c, force.then_some(Duration::ZERO))
}

/// Remove a container; a running or paused one is refused, or with
/// `stop_first` stopped first with that timeout before SIGKILL (`rm -f -t`).
pub fn remove_stopping(
    ctx: &Context,
    containers: &mut Containers,
    c: &Container,
    stop_first: Option<Duration>,
) -> anyhow::Result<()> {
    remove_with_volumes(ctx, containers, c, stop_first, false)
}

/// [`remove_stopping`], and with `volumes` (`rm -v`, `--rm`) the
/// container's anonymous volumes that nothing else uses.
pub fn remove_with_volumes(
    ctx: &Context,
    containers: &mut Containers,
    c: &Container,
    stop_first: Option<Duration>,
    volumes: bool,
) -> anyhow::Result<()> {
    if c.state.status.is_live() {
        let Some(timeout) = stop_first else {
            return Err(Failure::state_improper(
                format!(
                    "cannot remove container {} as it is {} - running or paused containers cannot be removed without force: container state improper",
                    c.id,
                    c.state.status.as_str()
                ),
            )
            .into());
        };
        stop(containers, c, timeout, None)?;
    }
    let _lock = containers.lock(&c.id)?;
    let Some(c) = containers.get(&c.id)? else { return Ok(()) };
    if c.state.status.is_live() {
        bail!("container {} was started again while being removed", c.id);
    }
    // A monitor still cleaning up (its container has exited): let it finish.
    let _ = wait_monitor_gone(&c.state, Duration::from_secs(10));
    // The container's files belong to the user's subordinate IDs.
    ctx.enter_user_namespace()?;
    ctx.enter_mount_namespace()?;
    let paths = ctx.paths()?;
    remove_files(containers, &paths.graph_root, &c.id, volumes)
}

pub fn wait_monitor_gone(s: &State, timeout: Duration) -> bool {
    let start = Instant::now();
    while crate::container::record::monitor_alive(s) {
        if start.elapsed() > timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    true
}

/// Deletes what a container leaves: the record and the layer hold first (so
/// nothing lists a half-removed container), then its directories, and the
/// image's layers when it was their last user; with `anonymous_volumes`
/// its anonymous volumes nothing else uses. Runs in the user namespace
/// (the upper layer holds the container's files).
pub fn remove_files(
    containers: &mut Containers,
    graph_root: &std::path::Path,
    id: &str,
    anonymous_volumes: bool,
) -> anyhow::Result<()> {
    // Whatever still connects it to a network (nothing, normally: its
    // monitor or the command that noticed its end tore it down).
    containers.detach_network(id);
    // The record and the hold on the image's layers go first, together
    // (its uses of volumes go with the record).
    let record = containers.get(id).ok().flatten();
    let volumes = match anonymous_volumes {
        true => rpod_storage::Volumes::open(graph_root).and_then(|v| v.of_container(id)).unwrap_or_default(),
        false => Vec::new(),
    };
    let unreferenced = containers.remove_record(id)?;
    if let Some(c) = &record {
        containers.event(c, "remove");
    }
    let mut errors = Vec::new();
    if let Err(e) = Rootfs::new(graph_root, id).remove() {
        errors.push(format!("{e:#}"));
    }
    let run_dir = containers.run_dir(id);
    if let Err(e) = std::fs::remove_dir_all(&run_dir) {
        if e.kind() != std::io::ErrorKind::NotFound {
            errors.push(format!("removing {}: {e}", run_dir.display()));
        }
    }
    // Layers this container was the last user of (its image was removed
    // while it existed) go with it, after its own layer that lies on them.
    if !unreferenced.is_empty() {
        let removed =
            rpod_storage::Store::open_metadata(graph_root, rpod_storage::StoreOptions::default()).and_then(|store| {
                unreferenced.iter().try_for_each(|top| store.remove_layer_chain_if_unused(top).map(drop))
            });
        if let Err(e) = removed {
            errors.push(format!("removing the layers it was the last user of: {e}"));
        }
    }
    errors.extend(crate::volume::remove_unused_anonymous(graph_root, containers.events(), &volumes));
    containers.drop_lock_file(id);
    if errors.is_empty() {
        Ok(())
    } else {
        bail!("removing container {id}: {}", errors.join("; "))
    }
}
