//! The container lifecycle on the CLI side, from flag to monitor:
//!
//! - [`create`]: the image found (pulled when missing), the process worked
//!   out by Docker's rules, the storage driver and `--userns` settled, the
//!   image's layers held, the record stored (status `created`).
//! - [`start`]: the root file system assembled by the container's driver
//!   ([`super::rootfs`]: overlay of the layers plus the container's upper
//!   layer in this command's private mount namespace, through
//!   fuse-overlayfs when configured, or a vfs copy; for keep-id on the
//!   image's owner-translated copy), the engine's files written into the
//!   run directory, the OCI spec built, and the monitor
//!   ([`super::monitor`]) started: it detaches, owns the container's stdio
//!   and records how it ends.
//! - [`stop`], [`kill`], [`remove`], [`wait_for`].
//!
//! Commands that change a container hold its lock ([`Containers::lock`]);
//! readers (`ps`, `inspect`, `logs`) never do.

use std::io::{BufRead, BufReader};
use std::os::fd::{AsFd, OwnedFd};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context as _};
use nix::sys::signal::Signal;
use serde_json::Value;

use rpod_runtime::{default_spec, NetworkMode, SpecOptions};

use super::config::{expand_env, merge_env, process_args, read_env_file, ImageConfig};
use super::record::{now_ns, random_id, Container, ContainerConfig, Containers, RestartPolicy, State, Status};
use super::rootfs::{write_in_root, Rootfs};
use crate::context::Context;
use crate::error::{ExitCode, Failure};
use crate::image::pull::{PullOptions, Puller};
use crate::registry::Platform;

/// What `create` and `run` were asked for.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    pub image: String,
    pub name: Option<String>,
    pub args: Vec<String>,
    pub entrypoint: Option<String>,
    pub env: Vec<String>,
    pub env_files: Vec<String>,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub network: NetworkMode,
    pub read_only: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub privileged: bool,
    pub security_opt: Vec<String>,
    pub interactive: bool,
    pub tty: bool,
    pub rm: bool,
    pub init: bool,
    pub oom_score_adj: Option<i32>,
    pub runtime: Option<String>,
    pub userns: Option<String>,
    pub restart: RestartPolicy,
    pub labels: Vec<String>,
    /// `None`: containers.conf's `log_driver`.
    pub log_driver: Option<super::logfile::LogDriver>,
    pub log_max_size: u64,
    pub stop_signal: Option<String>,
    pub stop_timeout: Option<u32>,
    pub resources: rpod_runtime::cgroup_manager::Resources,
    pub quiet_pull: bool,
    pub tls_verify: Option<bool>,
    /// `--authfile` for that pull.
    pub authfile: Option<std::path::PathBuf>,
    pub pull: PullPolicy,
    /// Remove a container of the same name first (`--replace`).
    pub replace: bool,
    /// Pull for this platform instead of the host's.
    pub platform: Option<Platform>,
    /// `--env-host`: the caller's whole environment, below the image's.
    pub env_host: bool,
    /// `--env-merge KEY=VALUE` with `${KEY}` expanded from the image's value.
    pub env_merge: Vec<String>,
    /// `--unsetenv KEY`, `--unsetenv-all` (only the `--env` given stays).
    pub unsetenv: Vec<String>,
    pub unsetenv_all: bool,
    /// `--label-file` contents, before `--label`.
    pub label_files: Vec<String>,
    /// Settings applied to the spec at start (see [`super::options`]).
    pub options: super::options::Options,
}

/// `--pull`: when `create` and `run` pull the image.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum PullPolicy {
    /// Pull the image before every create
    Always,
    /// Pull only when the image is not in local storage
    #[default]
    Missing,
    /// Never pull: the image must be in local storage
    Never,
    /// Pull when the registry has a newer image (layers already stored are reused)
    Newer,
}

/// The holder name of a container's layer hold in the store.
pub fn holder(id: &str) -> String {
    format!("container-{id}")
}

/// `rpod create`: store a new container; returns it.
pub fn create(ctx: &Context, opts: &CreateOptions) -> anyhow::Result<Container> {
    // Checked before anything is stored.
    let _ = super::config::security_opts(&opts.security_opt)?;
    let _ = capabilities(&[], &opts.cap_add, &opts.cap_drop)?;
    if opts.rm && opts.restart.name != "no" && !opts.restart.name.is_empty() {
        return Err(Failure::new(ExitCode::Engine, "the --rm option conflicts with --restart").into());
    }
    let runtime = match &opts.runtime {
        None => None,
        Some(r) => {
            if opts.tty {
                return Err(Failure::new(
                    ExitCode::Engine,
                    "--runtime cannot be used with -t: the external runtime would own the terminal",
                )
                .into());
            }
            if !opts.resources.is_empty() {
                return Err(Failure::new(ExitCode::Engine, "resource limits cannot be used with --runtime").into());
            }
            let info = rpod_runtime::cgroups::detect(ctx.rootless());
            if !ctx.rootless() && info.layout != rpod_runtime::cgroups::Layout::Unified {
                return Err(Failure::new(
                    ExitCode::Engine,
                    format!(
                        "--runtime as root needs the cgroup v2 unified hierarchy: on this {} host the external runtime would create cgroups in the host's v1 hierarchy",
                        info.layout.name()
                    ),
                )
                .into());
            }
            Some(super::external::resolve(r)?.display().to_string())
        }
    };
    let userns = opts.userns.clone().unwrap_or_default();
    let keep_id = super::userns::Mode::parse(&userns)
        .and_then(|m| m.keep_id(ctx.rootless()))
        .map_err(|e| Failure::new(ExitCode::Engine, e.to_string()))?;
    if keep_id.is_some() && runtime.is_some() {
        return Err(Failure::new(ExitCode::Engine, "--userns=keep-id cannot be used with --runtime").into());
    }
    let driver = crate::driver::graph_driver(ctx)?;
    let mount_program = match &driver {
        rpod_storage::driver::Driver::Overlay { mount_program: Some(p) } => Some(p.display().to_string()),
        _ => None,
    };
    // A limit is never dropped silently: without usable cgroup v2
    // controllers it is refused, with the way to get them.
    if !opts.resources.is_empty() {
        super::limits::plan(&opts.resources, ctx.rootless())?;
    }
    // The image is looked up without entering the user namespace; only a
    // pull needs it.
    let mut store = ctx.metadata_store()?;
    let search = ctx.config()?.registries.search_registries().to_vec();
    opts.options.validate(opts.network == NetworkMode::Host, opts.hostname.is_some())?;
    let log_driver = match opts.log_driver {
        Some(d) => d,
        None => super::logfile::LogDriver::parse(ctx.config()?.containers.log_driver())
            .map_err(|e| anyhow!("containers.conf log_driver: {e}"))?,
    };
    log_driver.check().map_err(|e| Failure::new(ExitCode::Engine, e))?;
    let mut options = opts.options.clone();
    {
        // container:NAME modes name the container by its ID from here on.
        let paths = ctx.paths()?;
        let mut containers = Containers::open(&paths.graph_root, &paths.run_root)?;
        for mode in [&mut options.pid, &mut options.ipc, &mut options.uts, &mut options.cgroupns] {
            if let super::options::NsMode::Container(name) = mode {
                *name = containers.find(name)?.id;
            }
        }
    }
    let local = match crate::image::lookup::find(store, &search, &opts.image) {
        Ok(found) => Some(found),
        Err(rpod_storage::StorageError::ImageUnknown(_)) => None,
        Err(e) => return Err(e).with_context(|| format!("looking up image {}", opts.image)),
    };
    let local_name = local.as_ref().and_then(|f| f.name.clone());
    let image = match (local.map(|f| f.image), opts.pull) {
        (Some(image), PullPolicy::Missing | PullPolicy::Never) => image,
        (None, PullPolicy::Never) => {
            return Err(Failure::no_such(format!("{}: image not known", opts.image)).into());
        }
        // --pull always|newer with a local image pulls by the name the image was asked by.
        (_, _) => {
            store = ctx.store()?;
            let access = crate::registry::session::Access { authfile: opts.authfile.clone(), ..Default::default() };
            let puller = Puller::with_access(ctx, opts.quiet_pull, &access)?;
            let platform = opts.platform.clone().unwrap_or_else(Platform::host);
            puller.pull(&opts.image, &PullOptions { platform, tls_verify: opts.tls_verify, quiet: opts.quiet_pull })?
        }
    };
    // The image's full name, as Podman's ImageName and ps show it: the
    // stored name that matched, else (by ID) its first name.
    let qualified_name = local_name
        .or_else(|| {
            let asked = opts.image.as_str();
            image
                .names
                .iter()
                .find(|n| {
                    n.as_str() == asked
                        || [asked.to_string(), format!("{asked}:latest")].iter().any(|a| n.ends_with(&format!("/{a}")))
                })
                .cloned()
        })
        .or_else(|| image.names.first().cloned())
        .unwrap_or_else(|| opts.image.clone());
    let image_config: Value = serde_json::from_slice(&image.config).context("parsing the image configuration")?;
    let img = ImageConfig::from_json(&image_config);
    let all = process_args(&img, opts.entrypoint.as_deref(), &opts.args)?;
    let entrypoint = match &opts.entrypoint {
        Some(e) => super::config::parse_entrypoint(e),
        None => img.entrypoint.clone(),
    };
    let cmd: Vec<String> = all[entrypoint.len().min(all.len())..].to_vec();

    let id = random_id()?;
    // The short ID, or with the host's network the host's name (Docker's
    // and Podman's default).
    let hostname = match &opts.hostname {
        Some(h) => h.clone(),
        None if opts.network == NetworkMode::Host => {
            nix::unistd::gethostname().ok().and_then(|h| h.into_string().ok()).unwrap_or_else(|| id[..12].to_string())
        }
        None => id[..12].to_string(),
    };
    let mut from_files = Vec::new();
    for f in &opts.env_files {
        from_files.extend(read_env_file(f)?);
    }
    let from_flags: Vec<String> = opts.env.iter().filter_map(|e| expand_env(e)).collect();
    let defaults = ctx.config()?.containers.env();
    let own = vec![format!("HOSTNAME={hostname}"), "container=rpod".to_string()];
    let host: Vec<String> =
        if opts.env_host { std::env::vars().map(|(k, v)| format!("{k}={v}")).collect() } else { Vec::new() };
    let base = merge_env([defaults.as_slice(), img.env.as_slice()]);
    let merged: Vec<String> = opts.env_merge.iter().map(|e| super::config::expand_from(e, &base)).collect();
    let mut env = if opts.unsetenv_all {
        merge_env([from_files.as_slice(), from_flags.as_slice()])
    } else {
        merge_env([
            defaults.as_slice(),
            host.as_slice(),
            img.env.as_slice(),
            own.as_slice(),
            merged.as_slice(),
            from_files.as_slice(),
            from_flags.as_slice(),
        ])
    };
    env.retain(|e| !opts.unsetenv.iter().any(|u| e.split('=').next() == Some(u.as_str())));
    let mut labels = std::collections::BTreeMap::new();
    if let Some(l) = image_config["config"]["Labels"].as_object() {
        for (k, v) in l {
            labels.insert(k.clone(), v.as_str().unwrap_or_default().to_string());
        }
    }
    for l in opts.label_files.iter().chain(&opts.labels) {
        let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
        labels.insert(k.to_string(), v.to_string());
    }
    options.healthcheck = super::health::resolve(&options.health_flags, &image_config["config"]["Healthcheck"])?;
    let stop_signal = match &opts.stop_signal {
        Some(s) => s.clone(),
        None => image_config["config"]["StopSignal"].as_str().unwrap_or("SIGTERM").to_string(),
    };
    parse_signal(&stop_signal)?;

    let config = ContainerConfig {
        image_name: qualified_name,
        layers: image.layers.clone(),
        path: all[0].clone(),
        args: all[1..].to_vec(),
        entrypoint,
        cmd,
        env,
        working_dir: opts.workdir.clone().filter(|w| !w.is_empty()).unwrap_or_else(|| {
            if img.working_dir.is_empty() {
                "/".into()
            } else {
                img.working_dir.clone()
            }
        }),
        // keep-id runs as the kept user unless --user says otherwise.
        user: opts.user.clone().unwrap_or_else(|| match &keep_id {
            Some(k) => format!("{}:{}", k.uid, k.gid),
            None => img.user.clone(),
        }),
        hostname,
        tty: opts.tty,
        open_stdin: opts.interactive,
        auto_remove: opts.rm,
        init: opts.init,
        oom_score_adj: opts.oom_score_adj,
        runtime,
        storage_driver: driver.name().to_string(),
        mount_program,
        userns,
        keep_id,
        shifted_root: None,
        restart: opts.restart.clone(),
        stop_signal,
        stop_timeout: opts.stop_timeout.unwrap_or(10),
        labels,
        log_driver,
        log_max_size: opts.log_max_size,
        network: match opts.network {
            NetworkMode::None => "none",
            NetworkMode::Host => "host",
            NetworkMode::Private => "private",
        }
        .into(),
        read_only: opts.read_only,
        privileged: opts.privileged,
        cap_add: opts.cap_add.clone(),
        cap_drop: opts.cap_drop.clone(),
        security_opt: opts.security_opt.clone(),
        resources: opts.resources.clone(),
        options,
        spec: Value::Null,
        image_digest: image.digest.clone(),
        create_command: std::env::args().collect(),
        capabilities: {
            let caps = capabilities(&ctx.config()?.containers.default_capabilities(), &opts.cap_add, &opts.cap_drop)?;
            let caps = if opts.privileged { vec!["ALL".to_string()] } else { caps };
            let mut names: Vec<String> = rpod_runtime::caps::capability_set(&caps)
                .into_iter()
                .filter_map(|c| serde_json::to_value(c).ok()?.as_str().map(str::to_string))
                .collect();
            names.sort();
            names
        },
    };
    let paths = ctx.paths()?;
    let mut containers = Containers::open(&paths.graph_root, &paths.run_root)?;
    let name = match &opts.name {
        Some(n) => {
            check_name(n)?;
            n.clone()
        }
        None => super::names::generate(&containers)?,
    };
    let c = Container {
        id: id.clone(),
        name,
        image_id: image.id.clone(),
        created: now_ns(),
        config,
        state: State::default(),
    };
    let top = image.layers.last().cloned().ok_or_else(|| anyhow!("image {} has no layers", image.id))?;
    if opts.replace {
        if let Some(old) = containers.try_find(&c.name)?.filter(|o| o.name == c.name) {
            remove(ctx, &mut containers, &old, true).with_context(|| format!("replacing container {}", old.name))?;
        }
    }
    store.hold(&holder(&id), &top).context("holding the image's layers")?;
    if let Err(e) = containers.create(&c) {
        let _ = store.release(&holder(&id));
        return Err(e);
    }
    containers.event(&c, "create");
    Ok(c)
}

/// Docker's rule for names: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`.
pub fn check_name(n: &str) -> anyhow::Result<()> {
    let mut chars = n.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !ok {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("invalid container name \"{n}\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*"),
        )
        .into());
    }
    Ok(())
}

/// `SIGTERM`, `TERM`, `term`, `15`.
pub fn parse_signal(s: &str) -> anyhow::Result<Signal> {
    if let Ok(n) = s.parse::<i32>() {
        return Signal::try_from(n).map_err(|_| anyhow!("invalid signal: {s}"));
    }
    let upper = s.to_ascii_uppercase();
    let name = if upper.starts_with("SIG") { upper } else { format!("SIG{upper}") };
    name.parse::<Signal>().map_err(|_| anyhow!("invalid signal: {s}"))
}

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
    let _lock = containers.lock(&c.id)?;
    let c = containers.get(&c.id)?.ok_or_else(|| anyhow!("container {} was removed", c.id))?;
    if c.state.status.is_live() {
        return Ok(Started { pid: Some(c.state.pid), report: None });
    }
    // The store is opened in the user namespace and a private mount
    // namespace, where the overlay is mounted.
    let store = ctx.store()?;
    let paths = ctx.paths()?;
    let rootfs = Rootfs::new(&paths.graph_root, &c.id);
    let lowers: Vec<PathBuf> = c.config.layers.iter().map(|l| store.layer_diff_path(l)).collect();
    let mapping = c.config.keep_id.as_ref().map(super::userns::Mapping::keep_id).transpose()?;
    let program = c.config.mount_program.as_deref();
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
    let run_dir = containers.run_dir(&c.id);
    std::fs::create_dir_all(&run_dir).with_context(|| format!("creating {}", run_dir.display()))?;
    let spec = build_spec(ctx, &c, &rootfs, &run_dir, mapping.as_ref())?;
    crate::files::write_atomic(&run_dir.join("config.json"), &serde_json::to_vec(&spec)?[..])?;

    containers.event(&c, "init");
    let (rd, wr) = nix::unistd::pipe().context("creating a pipe")?;
    let mut monitor = super::monitor::command(ctx, &c.id, attach_first, ctx.rootless(), wr.as_fd())?;
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

fn read_line(r: &mut BufReader<std::fs::File>) -> anyhow::Result<String> {
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
fn failed(r: &mut BufReader<std::fs::File>, line: &str) -> anyhow::Error {
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

fn outcome_error(line: &str) -> anyhow::Error {
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

/// The OCI spec of a container whose root file system is mounted.
fn build_spec(
    ctx: &Context,
    c: &Container,
    rootfs: &Rootfs,
    run_dir: &std::path::Path,
    mapping: Option<&super::userns::Mapping>,
) -> anyhow::Result<rpod_runtime::oci_spec::runtime::Spec> {
    let conf = &c.config;
    // Files rpod writes belong to root inside the container.
    let owner = mapping.map(|m| m.root());
    let bind_files = write_files(run_dir, c, ctx.rootless(), owner)?;
    // Entries for keep-id's user, then (Podman's --passwd, the default) for
    // a numeric user the image does not know.
    let read = |f: &str| rpod_runtime::user::read_in_root(&rootfs.merged, f).map_err(|e| anyhow!("{e}"));
    let add = |(passwd, group): (Option<String>, Option<String>)| -> anyhow::Result<()> {
        if let Some(p) = passwd {
            write_in_root(&rootfs.merged, "/etc/passwd", p.as_bytes(), owner)?;
        }
        if let Some(g) = group {
            write_in_root(&rootfs.merged, "/etc/group", g.as_bytes(), owner)?;
        }
        Ok(())
    };
    if let Some(k) = &conf.keep_id {
        add(super::userns::passwd_entries(k, &read("/etc/passwd")?, &read("/etc/group")?))?;
    }
    if !conf.options.no_passwd {
        add(super::userns::user_entries(
            &conf.user,
            &conf.working_dir,
            conf.options.passwd_entry.as_deref(),
            &read("/etc/passwd")?,
            &read("/etc/group")?,
        )?)?;
    }
    let mut user = rpod_runtime::user::resolve(&rootfs.merged, &conf.user)
        .map_err(|e| anyhow!("{e}"))
        .with_context(|| format!("resolving user {:?} in the container", conf.user))?;
    user.additional_gids = super::userns::keep_settable_groups(&user.additional_gids, mapping);
    let capabilities = capabilities(&ctx.config()?.containers.default_capabilities(), &conf.cap_add, &conf.cap_drop)?;
    let (seccomp, no_new_privileges) = super::config::security_opts(&conf.security_opt)?;
    let mut args = vec![conf.path.clone()];
    args.extend(conf.args.iter().cloned());
    let spec = default_spec(&SpecOptions {
        rootfs: rootfs.merged.clone(),
        args,
        env: conf.env.clone(),
        cwd: conf.working_dir.clone(),
        hostname: conf.hostname.clone(),
        terminal: conf.tty,
        user,
        capabilities,
        read_only: conf.read_only,
        network: match conf.network.as_str() {
            "none" => NetworkMode::None,
            "host" => NetworkMode::Host,
            _ => NetworkMode::Private,
        },
        rootless: ctx.rootless(),
        privileged: conf.privileged,
        user_namespace: mapping
            .map(|m| rpod_runtime::UserNamespace { uid_mappings: m.uids.clone(), gid_mappings: m.gids.clone() }),
        seccomp,
        no_new_privileges,
        bind_files,
        ..SpecOptions::default()
    });
    let mut spec = spec;
    let groups = rpod_runtime::user::parse_group(
        &rpod_runtime::user::read_in_root(&rootfs.merged, "/etc/group").map_err(|e| anyhow!("{e}"))?,
    );
    let ns_of = |id: &str| -> anyhow::Result<i32> {
        let paths = ctx.paths()?;
        let mut containers = Containers::open(&paths.graph_root, &paths.run_root)?;
        let other = containers.find(id)?;
        if !other.state.status.is_live() || other.state.pid <= 0 {
            bail!("joining the namespaces of container {}: it is not running", other.name);
        }
        Ok(other.state.pid)
    };
    conf.options.apply(&mut spec, &groups, &ns_of, ctx.rootless())?;
    if conf.privileged {
        super::options::add_host_devices(&mut spec, ctx.rootless())?;
    }
    if let (Some(adj), Some(process)) = (conf.oom_score_adj, spec.process_mut()) {
        process.set_oom_score_adj(Some(adj));
    }
    // The pty starts with the size of the terminal that starts it (an
    // attach client's later size changes reach it through the monitor).
    if conf.tty {
        if let (Some(size), Some(process)) = (stdin_console_size()?, spec.process_mut()) {
            process.set_console_size(Some(size));
        }
    }
    Ok(spec)
}

/// The size of the terminal on standard input as an OCI console size
/// (`None` when standard input is no terminal).
pub fn stdin_console_size() -> anyhow::Result<Option<rpod_runtime::oci_spec::runtime::Box>> {
    let Some((rows, cols)) = crate::sys::window_size(std::io::stdin().as_fd()) else { return Ok(None) };
    let size = rpod_runtime::oci_spec::runtime::BoxBuilder::default()
        .height(u64::from(rows))
        .width(u64::from(cols))
        .build()
        .map_err(|e| anyhow!("{e}"))?;
    Ok(Some(size))
}

/// The default set with `--cap-add` / `--cap-drop` applied (`ALL` works in
/// both, as in Podman).
pub fn capabilities(defaults: &[String], add: &[String], drop: &[String]) -> anyhow::Result<Vec<String>> {
    let norm = |c: &String| rpod_runtime::caps::normalize(c).ok_or_else(|| anyhow!("unknown capability {c:?}"));
    let add: Vec<String> = add.iter().map(norm).collect::<anyhow::Result<_>>()?;
    let drop: Vec<String> = drop.iter().map(norm).collect::<anyhow::Result<_>>()?;
    let mut caps: Vec<String> = if drop.iter().any(|c| c == "ALL") { Vec::new() } else { defaults.to_vec() };
    caps.retain(|c| !drop.contains(c));
    if add.iter().any(|c| c == "ALL") {
        // Every capability rpod can give (see rpod_runtime::spec::capability_set).
        return Ok(vec!["ALL".to_string()]);
    }
    for c in add {
        if !caps.contains(&c) {
            caps.push(c);
        }
    }
    Ok(caps)
}

/// The files rpod gives every container, written into its run directory
/// (not the container's upper layer) and bind-mounted, like Podman's:
/// returns (source, destination) pairs.
fn write_files(
    run_dir: &std::path::Path,
    c: &Container,
    rootless: bool,
    owner: Option<(u32, u32)>,
) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let hostname = &c.config.hostname;
    // Podman's: empty, except for --privileged containers.
    let containerenv = if c.config.privileged {
        format!(
            "engine=\"rpod-{}\"\nname=\"{}\"\nid=\"{}\"\nimage=\"{}\"\nimageid=\"{}\"\n{}",
            env!("CARGO_PKG_VERSION"),
            c.name,
            c.id,
            c.config.image_name,
            c.image_id,
            if rootless { "rootless=1\n" } else { "" }
        )
    } else {
        String::new()
    };
    let resolv = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let base = std::fs::read_to_string("/etc/hosts").unwrap_or_default();
    let files = [
        ("hostname", "/etc/hostname", format!("{hostname}\n")),
        ("hosts", "/etc/hosts", hosts_file(&base, hostname, &c.name, c.config.network == "host")),
        ("resolv.conf", "/etc/resolv.conf", resolv),
        (".containerenv", "/run/.containerenv", containerenv),
    ];
    let mut binds = Vec::new();
    for (name, dest, content) in files {
        let path = run_dir.join(name);
        crate::files::write_atomic(&path, content.as_bytes())?;
        // Readable by any user of the container, owned by its root.
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o644))
            .with_context(|| format!("chmod {}", path.display()))?;
        if let Some((uid, gid)) = owner {
            std::os::unix::fs::chown(&path, Some(uid), Some(gid))
                .with_context(|| format!("chown {}", path.display()))?;
        }
        binds.push((path, dest.to_string()));
    }
    Ok(binds)
}

/// The container's /etc/hosts, as Podman makes it: the host's entries
/// (`base`; localhost when it has none), then the container's own name
/// (on loopback: no network of its own yet), unless it shares the host's
/// network.
fn hosts_file(base: &str, hostname: &str, name: &str, host_network: bool) -> String {
    let mut out = String::new();
    if base.lines().any(|l| l.split_whitespace().skip(1).any(|n| n == "localhost")) {
        out.push_str(base);
        if !out.ends_with('\n') {
            out.push('\n');
        }
    } else {
        out.push_str("127.0.0.1\tlocalhost localhost.localdomain\n::1\tlocalhost localhost.localdomain\n");
        out.push_str(base);
        if !base.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    if !host_network {
        out.push_str(&format!("127.0.1.1\t{hostname} {name}\n"));
    }
    out
}

/// Sends `signal` to a live container's init; marks it stopped by the
/// user (no restart by policy).
pub fn kill(containers: &mut Containers, c: &Container, signal: Signal) -> anyhow::Result<()> {
    let c = containers.update_state(&c.id, |s| {
        if s.status.is_live() {
            s.stopped_by_user = true;
            true
        } else {
            false
        }
    })?;
    let Some(c) = c else { bail!("container was removed") };
    if !c.state.status.is_live() || c.state.pid <= 0 {
        return Err(Failure::state_improper(format!(
            "can only kill running containers. {} is in state {}: container state improper",
            c.id,
            c.state.status.as_str()
        ))
        .into());
    }
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(c.state.pid), signal)
        .with_context(|| format!("sending {signal} to container {}", c.id))
}

/// `stop`: the container's stop signal (or `signal`), then SIGKILL after
/// `timeout` (at once when zero); returns when the monitor has recorded
/// the exit. A container that is not running is left as it is.
pub fn stop(
    containers: &mut Containers,
    c: &Container,
    timeout: Duration,
    signal: Option<Signal>,
) -> anyhow::Result<()> {
    let _lock = containers.lock(&c.id)?;
    let Some(c) = containers.get(&c.id)? else { return Ok(()) };
    if !c.state.status.is_live() {
        return Ok(());
    }
    // A paused container is thawed first, so it can act on the signal.
    if c.state.status == Status::Paused && !c.state.cgroup.is_empty() {
        rpod_runtime::cgroup_manager::freeze(std::path::Path::new(&c.state.cgroup), false)?;
        containers.update_state(&c.id, |s| {
            if s.status == Status::Paused {
                s.status = Status::Running;
                true
            } else {
                false
            }
        })?;
    }
    let signal = signal.unwrap_or_else(|| parse_signal(&c.config.stop_signal).unwrap_or(Signal::SIGTERM));
    if !timeout.is_zero() {
        kill(containers, &c, signal)?;
        // Paused containers get the signal once they are thawed.
        if wait_for(containers, &c.id, |s| !s.status.is_live(), Some(timeout))?.is_some() {
            containers.event(&c, "stop");
            return Ok(());
        }
        log::warn!(
            "StopSignal {} failed to stop container {} in {} seconds, resorting to SIGKILL",
            signal.as_str().trim_start_matches("SIG"),
            c.name,
            timeout.as_secs()
        );
    }
    match kill(containers, &c, Signal::SIGKILL) {
        Ok(()) => {}
        // Exited in the meantime.
        Err(_) if containers.get(&c.id)?.is_none_or(|c| !c.state.status.is_live()) => {
            containers.event(&c, "stop");
            return Ok(());
        }
        Err(e) => return Err(e),
    }
    if wait_for(containers, &c.id, |s| !s.status.is_live(), Some(Duration::from_secs(30)))?.is_none() {
        bail!("container {} did not exit after SIGKILL", c.id);
    }
    containers.event(&c, "stop");
    Ok(())
}

/// Polls the state until `cond` holds (returns it), the container is gone
/// (`Err`), or `timeout` passes (`None`).
pub fn wait_for(
    containers: &mut Containers,
    id: &str,
    cond: impl Fn(&State) -> bool,
    timeout: Option<Duration>,
) -> anyhow::Result<Option<State>> {
    wait_polling(containers, id, cond, timeout, None)
}

/// [`wait_for`], reading the state every `interval` (`wait --interval`)
/// instead of backing off from 2 to 50 ms.
pub fn wait_polling(
    containers: &mut Containers,
    id: &str,
    cond: impl Fn(&State) -> bool,
    timeout: Option<Duration>,
    interval: Option<Duration>,
) -> anyhow::Result<Option<State>> {
    let start = Instant::now();
    let mut pause = interval.unwrap_or(Duration::from_millis(2));
    loop {
        let Some(c) = containers.get(id)? else {
            return Err(
                Failure::new(ExitCode::Engine, format!("no container with ID {id} found: no such container")).into()
            );
        };
        if cond(&c.state) {
            return Ok(Some(c.state));
        }
        if timeout.is_some_and(|t| start.elapsed() >= t) {
            return Ok(None);
        }
        std::thread::sleep(pause);
        if interval.is_none() {
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }
}

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
    remove_files(containers, &paths.graph_root, &c.id)
}

pub fn wait_monitor_gone(s: &State, timeout: Duration) -> bool {
    let start = Instant::now();
    while super::record::monitor_alive(s) {
        if start.elapsed() > timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    true
}

/// Deletes what a container leaves: the record and the layer hold first (so
/// nothing lists a half-removed container), then its directories, and the
/// image's layers when it was their last user. Runs in the user namespace
/// (the upper layer holds the container's files).
pub fn remove_files(containers: &mut Containers, graph_root: &std::path::Path, id: &str) -> anyhow::Result<()> {
    // The record and the hold on the image's layers go first, together.
    let record = containers.get(id).ok().flatten();
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
    containers.drop_lock_file(id);
    if errors.is_empty() {
        Ok(())
    } else {
        bail!("removing container {id}: {}", errors.join("; "))
    }
}

/// A descriptor of `/dev/null`.
pub fn dev_null() -> anyhow::Result<OwnedFd> {
    Ok(std::fs::File::open("/dev/null").context("opening /dev/null")?.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_files_start_from_the_hosts() {
        let host = "127.0.0.1 localhost\n192.0.2.7 db.example\n";
        assert_eq!(super::hosts_file(host, "abc", "web", false), format!("{host}127.0.1.1\tabc web\n"));
        assert_eq!(super::hosts_file(host, "vm", "web", true), host);
        assert_eq!(
            super::hosts_file("", "abc", "web", false),
            "127.0.0.1\tlocalhost localhost.localdomain\n::1\tlocalhost localhost.localdomain\n127.0.1.1\tabc web\n"
        );
    }

    #[test]
    fn capability_flags() {
        let d: Vec<String> = ["CAP_CHOWN", "CAP_KILL"].iter().map(|s| s.to_string()).collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(capabilities(&d, &s(&["net_raw"]), &s(&["kill"])).unwrap(), s(&["CAP_CHOWN", "CAP_NET_RAW"]));
        assert_eq!(capabilities(&d, &s(&["chown"]), &s(&["ALL"])).unwrap(), s(&["CAP_CHOWN"]));
        assert_eq!(capabilities(&d, &s(&["all"]), &[]).unwrap(), s(&["ALL"]));
        assert!(capabilities(&d, &s(&["bogus"]), &[]).is_err());
    }

    #[test]
    fn signals_and_names() {
        assert_eq!(parse_signal("SIGTERM").unwrap(), Signal::SIGTERM);
        assert_eq!(parse_signal("kill").unwrap(), Signal::SIGKILL);
        assert_eq!(parse_signal("9").unwrap(), Signal::SIGKILL);
        assert!(parse_signal("SIGNOPE").is_err());
        assert!(check_name("web-1.a_b").is_ok());
        assert!(check_name("-x").is_err());
        assert!(check_name("a b").is_err());
        assert!(check_name("").is_err());
    }
}
