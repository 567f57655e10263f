//! The pod lifecycle: each verb is the container lifecycle's function run
//! on the pod's containers — the infra container started first and
//! stopped last; stops (and `rm -f`) of the others run in parallel, as in
//! Podman, so a pod stops in one container's timeout.

use std::time::Duration;

use anyhow::{anyhow, Context as _};

use super::{Pod, Pods};
use crate::container::lifecycle;
use crate::container::record::{Container, Containers, Status};
use crate::context::Context;
use crate::error::{ExitCode, Failure};

fn open_containers(ctx: &Context) -> anyhow::Result<Containers> {
    ctx.containers()
}

/// The infra container last.
fn infra_last(mut members: Vec<Container>) -> Vec<Container> {
    members.sort_by_key(|c| c.config.infra);
    members
}

/// The first error of several (the others logged).
fn first_error(errors: Vec<anyhow::Error>) -> anyhow::Result<()> {
    let mut it = errors.into_iter();
    let Some(first) = it.next() else { return Ok(()) };
    for e in it {
        eprintln!("{}", crate::error::render(&e));
    }
    Err(first)
}

/// `pod start`: the pod's init containers run to their end first (see
/// [`super::init`]), then every container not running is started, the
/// infra container first (the others join its namespaces).
pub fn start(ctx: &Context, pods: &Pods, pod: &Pod) -> anyhow::Result<()> {
    start_members(ctx, pods, pod, true)
}

/// [`start`]; with `init` the init containers run, otherwise they are
/// left alone (`pod restart`).
fn start_members(ctx: &Context, pods: &Pods, pod: &Pod, init: bool) -> anyhow::Result<()> {
    let mut containers = open_containers(ctx)?;
    let mut members = pods.members(&mut containers, pod)?;
    if init {
        let removed = super::init::run(ctx, &mut containers, &members)?;
        members.retain(|c| !removed.contains(&c.id));
    }
    if members.is_empty() {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("no containers in pod {} have no dependencies, cannot start pod: no such container", pod.id),
        )
        .into());
    }
    let mut errors = Vec::new();
    let mut ordered: Vec<Container> = members.into_iter().filter(|c| !super::init::is_init(c)).collect();
    ordered.sort_by_key(|c| !c.config.infra);
    for c in &ordered {
        // (Its state as it is now: the init containers started the infra container.)
        let c = containers.get(&c.id)?.unwrap_or_else(|| c.clone());
        if c.state.status.is_live() {
            continue;
        }
        if let Err(e) = lifecycle::start(ctx, &mut containers, &c, false) {
            errors.push(super::engine_failure(e.context(format!("starting container {}", c.id))));
        }
    }
    containers.event_of(&pod.event("start"));
    first_error(errors)
}

/// Runs `f` on each of `members` in a thread of its own (with its own
/// handle on the container table); the errors.
fn in_parallel(
    ctx: &Context,
    members: &[Container],
    f: impl Fn(&mut Containers, &Container) -> anyhow::Result<()> + Sync,
) -> Vec<anyhow::Error> {
    let (paths, events) = match ctx.paths().and_then(|p| Ok((p.clone(), ctx.event_log()?))) {
        Ok(p) => p,
        Err(e) => return vec![e],
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = members
            .iter()
            .map(|c| {
                let (paths, events, f) = (&paths, &events, &f);
                s.spawn(move || {
                    let mut containers = Containers::open(&paths.graph_root, &paths.run_root, events.clone())?;
                    f(&mut containers, c)
                })
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|h| match h.join() {
                Ok(r) => r.err(),
                Err(_) => Some(anyhow!("a stop thread panicked")),
            })
            .collect()
    })
}

/// `pod stop`: the containers other than the infra one stopped in
/// parallel (their stop signal, SIGKILL after `timeout`, by default each
/// one's stop timeout), then the infra container.
pub fn stop(ctx: &Context, pods: &Pods, pod: &Pod, timeout: Option<Duration>) -> anyhow::Result<()> {
    let mut containers = open_containers(ctx)?;
    let members = pods.members(&mut containers, pod)?;
    stop_members(ctx, &members, timeout)?;
    containers.event_of(&pod.event("stop"));
    Ok(())
}

fn stop_members(ctx: &Context, members: &[Container], timeout: Option<Duration>) -> anyhow::Result<()> {
    let stop_one = |containers: &mut Containers, c: &Container| {
        let t = timeout.unwrap_or_else(|| Duration::from_secs(u64::from(c.config.stop_timeout)));
        lifecycle::stop(containers, c, t, None).with_context(|| format!("stopping container {}", c.id))
    };
    let (infra, others): (Vec<Container>, Vec<Container>) =
        members.iter().filter(|c| c.state.status.is_live()).cloned().partition(|c| c.config.infra);
    let mut errors = in_parallel(ctx, &others, stop_one);
    errors.extend(in_parallel(ctx, &infra, stop_one));
    first_error(errors)
}

/// `pod kill`: `signal` to every running container of the pod.
pub fn kill(ctx: &Context, pods: &Pods, pod: &Pod, signal: i32) -> anyhow::Result<()> {
    let mut containers = open_containers(ctx)?;
    let live: Vec<Container> =
        infra_last(pods.members(&mut containers, pod)?).into_iter().filter(|c| c.state.status.is_live()).collect();
    if live.is_empty() {
        return Err(Failure::state_improper(format!(
            "no containers in pod {} are running: container state improper",
            pod.id
        ))
        .into());
    }
    let mut errors = Vec::new();
    for c in &live {
        match lifecycle::kill_number(&mut containers, c, signal) {
            Ok(()) => containers.event(c, "kill"),
            Err(e) => errors.push(e),
        }
    }
    containers.event_of(&pod.event("kill"));
    first_error(errors)
}

/// `pod pause` (`frozen`) or `pod unpause`: each running (or paused)
/// container of the pod.
pub fn pause(ctx: &Context, pods: &Pods, pod: &Pod, frozen: bool) -> anyhow::Result<()> {
    let mut containers = open_containers(ctx)?;
    let from = if frozen { Status::Running } else { Status::Paused };
    let mut errors = Vec::new();
    for c in pods.members(&mut containers, pod)?.iter().filter(|c| c.state.status == from) {
        if let Err(e) = lifecycle::set_paused(&mut containers, c, frozen, ctx.rootless()) {
            errors.push(e);
        }
    }
    containers.event_of(&pod.event(if frozen { "pause" } else { "unpause" }));
    first_error(errors)
}

/// `pod restart`: stopped, then started again; its init containers are
/// left alone (as in Podman, they run at `pod start` only).
pub fn restart(ctx: &Context, pods: &Pods, pod: &Pod) -> anyhow::Result<()> {
    let mut containers = open_containers(ctx)?;
    let mut members = pods.members(&mut containers, pod)?;
    members.retain(|c| !super::init::is_init(c));
    stop_members(ctx, &members, None)?;
    start_members(ctx, pods, pod, false)
}

/// `pod rm`: the pod's containers removed (the infra container last),
/// then the pod. Running or paused ones only with `force` (stopped first,
/// SIGKILL after `timeout`, by default each one's stop timeout);
/// otherwise Podman's error, exit 2.
pub fn remove(ctx: &Context, pods: &mut Pods, pod: &Pod, force: bool, timeout: Option<Duration>) -> anyhow::Result<()> {
    let mut containers = open_containers(ctx)?;
    let members = infra_last(pods.members(&mut containers, pod)?);
    if !force {
        if let Some(c) = members.iter().find(|c| c.state.status.is_live()) {
            return Err(Failure::state_improper(format!(
                "pod {} has containers that are not ready to be removed: cannot remove container {} as it is {} - running or paused containers cannot be removed without force: container state improper",
                pod.id,
                c.id,
                c.state.status.as_str()
            ))
            .into());
        }
    }
    stop_members(ctx, &members, timeout)?;
    for c in &members {
        // With their anonymous volumes (the pod's `-v /DIR` among them), as Podman.
        lifecycle::remove_with_volumes(ctx, &mut containers, c, force.then_some(Duration::ZERO), true)
            .with_context(|| format!("removing container {} of pod {}", c.id, pod.name))?;
    }
    if let Some(dir) =
        pod.config.cgroup.as_ref().and_then(|c| crate::container::limits::pod_cgroup_dir(c, ctx.rootless()))
    {
        // Normally gone with its last container (see `limits::remove_pod_cgroup`).
        if let Err(e) = rpod_runtime::cgroup_manager::remove(&dir) {
            log::warn!("{e}");
        }
    }
    pods.db().remove(&pod.id).map_err(|e| match e {
        // A container joined meanwhile.
        rpod_storage::StorageError::PodHasContainers { .. } => {
            anyhow::Error::from(Failure::state_improper(format!("{e}: container state improper")))
        }
        e => e.into(),
    })?;
    containers.event_of(&pod.event("remove"));
    Ok(())
}
