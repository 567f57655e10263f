//! `start`: the root file system assembled, the engine's files written, the
//! spec built and the monitor started; the monitor's report read back.

use std::io::{BufRead, BufReader};
use std::os::fd::AsFd;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context as _};

use super::*;
use crate::container::record::{Container, Containers};
use crate::container::rootfs::Rootfs;
use crate::context::Context;
use crate::error::{ExitCode, Failure};

/// How `start` hands over to the monitor.
pub struct Started {
    /// The container's init, when it started without waiting for a client.
    pub pid: Option<i32>,
    /// The monitor's report pipe, still open when `attach_first` (the
    /// container starts once a client has connected; read the outcome with
    /// [`read_outcome`]).
    pub report: Option<BufReader<std::fs::File>>,
}

/// `rpod start` (and the second half of `run`): mount, build the spec, start
/// the monitor. With `attach_first` the monitor waits for one attach client
/// before it starts the container. A running container is left alone.
pub fn start(ctx: &Context, containers: &mut Containers, c: &Container, attach_first: bool) -> anyhow::Result<Started> {
    start_preserving(ctx, containers, c, attach_first, &[])
}

/// [`start`] handing `preserve` to the container's process as its
/// descriptors 3, 4, ... (`run --preserve-fds`); a container already
/// running is left alone.
pub fn start_preserving(
    ctx: &Context,
    containers: &mut Containers,
    c: &Container,
    attach_first: bool,
    preserve: &[std::os::fd::BorrowedFd],
) -> anyhow::Result<Started> {
    if !ctx.global.runtime_flag.is_empty() && c.config.runtime.is_none() {
        anyhow::bail!("--runtime-flag: rpod's built-in runtime takes no flags (they are for an external runtime given with --runtime)");
    }
    start_dependencies(ctx, containers, c, &mut vec![c.id.clone()])?;
    let _lock = containers.lock(&c.id)?;
    let c = containers.get(&c.id)?.ok_or_else(|| anyhow!("container {} was removed", c.id))?;
    if c.state.status.is_live() {
        return Ok(Started { pid: Some(c.state.pid), report: None });
    }
    // The monitor of its last run may still be tearing its network down
    // (the exit is recorded first): that must not meet the new set-up.
    let _ = super::wait_monitor_gone(&c.state, Duration::from_secs(10));
    if matches!(c.config.network, crate::network::Mode::Bridge(_)) {
        // (Rootless, the namespace's holder is made in the user namespace.)
        ctx.enter_user_namespace()?;
        crate::network::bridge::prepare(&ctx.paths()?.run_root)?;
    }
    let (rootfs, mapping) = mount_rootfs(ctx, containers, &c)?;
    let run_dir = containers.run_dir(&c.id);
    crate::paths::private_dir_all(&run_dir).with_context(|| format!("creating {}", run_dir.display()))?;
    // Bridge networks are set up before the container (it joins the
    // namespace netavark configured) and undone if it does not start.
    let run_root = ctx.paths()?.run_root.clone();
    let (net, netns) = attach_network(ctx, &c, &run_root)?;
    let result = launch(
        ctx,
        containers,
        &c,
        &rootfs,
        &run_dir,
        mapping.as_ref(),
        (&net, netns.as_deref()),
        (attach_first, preserve),
    );
    if result.is_err() && netns.is_some() {
        if let Err(e) = crate::network::bridge::teardown(&run_root, &c.id) {
            log::warn!("{e:#}");
        }
    }
    result
}

/// What name resolution gets from the container's network, and the
/// network namespace to join (bridge networks, set up here).
fn attach_network(
    ctx: &Context,
    c: &Container,
    run_root: &std::path::Path,
) -> anyhow::Result<(crate::network::names::Attachment, Option<PathBuf>)> {
    let conf = &ctx.config()?.containers;
    let crate::network::Mode::Bridge(names) = &c.config.network else {
        let net = match &c.config.network {
            // The joined container's network (a pod's infra container's).
            crate::network::Mode::Container(id) => {
                let mut containers = ctx.containers()?;
                match containers.get(id)? {
                    Some(o) if matches!(o.config.network, crate::network::Mode::Bridge(_)) => {
                        let mut net = containers.attached_network(id).map(|a| a.attachment()).unwrap_or_default();
                        crate::network::host_ip_override(&mut net, conf)?;
                        net
                    }
                    Some(o) => crate::network::names_for(&o.config.network, conf)?,
                    None => crate::network::names_for(&c.config.network, conf)?,
                }
            }
            mode => crate::network::names_for(mode, conf)?,
        };
        crate::network::names::check_host_gateway(&c.config.options.names, &net, &c.config.network.text())?;
        return Ok((net, None));
    };
    let all = ctx.networks()?;
    let networks = names.iter().map(|n| crate::network::config::find(&all, n)).collect::<anyhow::Result<Vec<_>>>()?;
    let ports: Vec<crate::network::bridge::PortMapping> = c
        .config
        .ports
        .iter()
        .map(|p| crate::network::bridge::PortMapping {
            container_port: p.container_port,
            host_ip: p.host_ip.clone(),
            host_port: p.host_port,
            protocol: p.protocol.name().to_string(),
            range: p.range,
        })
        .collect();
    let attached =
        crate::network::bridge::setup(run_root, &c.id, &c.name, &networks, &c.config.options.bridge, &ports)?;
    let mut net = attached.attachment();
    crate::network::host_ip_override(&mut net, conf)?;
    Ok((net, Some(attached.join_path())))
}

/// The spec written and the monitor started (see [`start`]).
#[allow(clippy::too_many_arguments)]
fn launch(
    ctx: &Context,
    containers: &mut Containers,
    c: &Container,
    rootfs: &Rootfs,
    run_dir: &std::path::Path,
    mapping: Option<&crate::container::userns::Mapping>,
    (net, netns): (&crate::network::names::Attachment, Option<&std::path::Path>),
    (attach_first, preserve): (bool, &[std::os::fd::BorrowedFd]),
) -> anyhow::Result<Started> {
    crate::network::names::check_host_gateway(&c.config.options.names, net, &c.config.network.text())?;
    let spec = build_spec(ctx, c, rootfs, run_dir, mapping, net, netns)?;
    crate::files::write_atomic(&run_dir.join("config.json"), &serde_json::to_vec(&spec)?[..])?;

    containers.event(c, "init");
    let (rd, wr) = nix::unistd::pipe().context("creating a pipe")?;
    let mut monitor =
        crate::container::monitor::command(ctx, &c.id, attach_first, ctx.rootless(), wr.as_fd(), preserve)?;
    let mut child = monitor.spawn().context("starting the container's monitor")?;
    drop(wr);
    drop(monitor);
    // The first monitor process forks the real one and exits at once.
    let _ = child.wait();
    let mut report = BufReader::new(std::fs::File::from(rd));
    let first = read_line(&mut report)?;
    if first != "listening" {
        return Err(failed(&mut report, &first));
    }
    if attach_first {
        return Ok(Started { pid: None, report: Some(report) });
    }
    let pid = read_outcome(&mut report)?;
    Ok(Started { pid: Some(pid), report: None })
}

/// Assemble and mount the container's root file system by its storage
/// driver (see [`Rootfs`]) on `<container dir>/merged`, in this command's
/// private mount namespace. Call with the container's lock held and the
/// container not running. Returns it with the container's keep-id
/// mapping, if any.
pub fn mount_rootfs(
    ctx: &Context,
    containers: &mut Containers,
    c: &Container,
) -> anyhow::Result<(Rootfs, Option<crate::container::userns::Mapping>)> {
    // The store is opened in the user namespace and a private mount
    // namespace, where the overlay is mounted.
    let store = ctx.store()?;
    let paths = ctx.paths()?;
    let rootfs = Rootfs::new(&paths.graph_root, &c.id);
    let lowers: Vec<PathBuf> = c.config.layers.iter().map(|l| store.layer_diff_path(l)).collect();
    let mapping = crate::container::userns::Mapping::of(&c.config)?;
    let program = c.config.mount_program.as_deref();
    if let Some(dir) = &c.config.rootfs {
        // --rootfs: the directory itself, or (:O) an overlay on it.
        let dir = std::path::Path::new(dir);
        if c.config.rootfs_overlay {
            rootfs.mount_discarding(dir, ctx.rootless(), program)?;
            return Ok((rootfs, None));
        }
        return Ok((rootfs.external(dir)?, None));
    }
    if c.config.storage_driver == "vfs" {
        rootfs.materialize(&lowers, mapping.as_ref())?;
    } else if let Some(m) = &mapping {
        // keep-id: the image's copy with translated owners is the one lower layer.
        let top = c.config.layers.last().ok_or_else(|| anyhow!("the image has no layers"))?;
        let shifted = rootfs.shifted_image(store, top, &lowers, m)?;
        rootfs.mount(std::slice::from_ref(&shifted), ctx.rootless(), program, Some(m.root()))?;
        let shown = Some(shifted.display().to_string());
        if c.config.shifted_root != shown {
            let mut config = c.config.clone();
            config.shifted_root = shown;
            containers.set_config(&c.id, &config)?;
        }
    } else {
        rootfs.mount(&lowers, ctx.rootless(), program, None)?;
    }
    Ok((rootfs, mapping))
}

/// Starts what `c` depends on (`--requires`, `container:` namespaces,
/// the network's too: a pod that shares only its network) and is not
/// running, theirs first, as Podman does; `seen` guards cycles.
fn start_dependencies(
    ctx: &Context,
    containers: &mut Containers,
    c: &Container,
    seen: &mut Vec<String>,
) -> anyhow::Result<()> {
    let network = match &c.config.network {
        crate::network::Mode::Container(id) => Some(id.as_str()),
        _ => None,
    };
    for id in c.config.options.depends_on().into_iter().chain(network) {
        if seen.iter().any(|s| s == id) {
            continue;
        }
        seen.push(id.to_string());
        let dep = containers.get(id)?.ok_or_else(|| {
            Failure::new(
                ExitCode::Engine,
                format!("container {} depends on container {id}, which does not exist", c.name),
            )
        })?;
        if dep.state.status.is_live() {
            continue;
        }
        start_dependencies(ctx, containers, &dep, seen)?;
        start(ctx, containers, &dep, false)
            .with_context(|| format!("starting {}, which {} depends on", dep.name, c.name))?;
    }
    Ok(())
}

pub(crate) fn read_line(r: &mut BufReader<std::fs::File>) -> anyhow::Result<String> {
    let mut line = String::new();
    r.read_line(&mut line).context("reading the monitor's report")?;
    Ok(line.trim_end().to_string())
}

/// The monitor's second report: `started <pid>`, or the error that kept the
/// container from starting (with Docker's exit codes 125, 126, 127), once
/// the monitor has finished with the container (recorded its end, removed
/// it with `--rm`).
pub fn read_outcome(r: &mut BufReader<std::fs::File>) -> anyhow::Result<i32> {
    let line = read_line(r)?;
    match line.strip_prefix("started ") {
        Some(pid) => pid.parse().map_err(|_| anyhow!("bad report from the monitor: {line}")),
        None => Err(failed(r, &line)),
    }
}

/// The error the monitor reported, returned once the monitor has exited:
/// the end of its report pipe (only the monitor holds the writing end),
/// or at most 30 seconds.
pub(crate) fn failed(r: &mut BufReader<std::fs::File>, line: &str) -> anyhow::Error {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    use std::io::Read as _;
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut buf = [0u8; 256];
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        let mut fds = [PollFd::new(r.get_ref().as_fd(), PollFlags::POLLIN)];
        let ms = u16::try_from(left.as_millis()).unwrap_or(u16::MAX);
        match poll(&mut fds, PollTimeout::from(ms)) {
            Ok(0) => break,
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => break,
            Ok(_) => {}
        }
        match r.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
    outcome_error(line)
}

pub(crate) fn outcome_error(line: &str) -> anyhow::Error {
    if let Some(rest) = line.strip_prefix("error ") {
        let (code, msg) = rest.split_once(' ').unwrap_or((rest, ""));
        let exit = match code {
            "126" => ExitCode::CannotInvoke,
            "127" => ExitCode::NotFound,
            _ => ExitCode::Engine,
        };
        return Failure::new(exit, msg.to_string()).into();
    }
    if line.is_empty() {
        return anyhow!("the container's monitor exited before starting the container");
    }
    anyhow!("unexpected report from the container's monitor: {line}")
}
