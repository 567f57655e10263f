//! `create`: the image found (pulled when missing), the process worked out
//! by Docker's rules, the storage driver and `--userns` settled, the image's
//! layers held, the record stored.

use anyhow::{anyhow, Context as _};
use serde_json::Value;

use super::*;
use crate::container::config::{expand_env, merge_env, process_args, read_env_file, ImageConfig};
use crate::container::record::{now_ns, random_id, Container, ContainerConfig, Containers, RestartPolicy, State};
use crate::context::Context;
use crate::error::{ExitCode, Failure};
use crate::image::pull::{PullOptions, Puller};
use crate::network::Mode;
use crate::registry::Platform;

/// The image label whose value is the image's seccomp profile (`--seccomp-policy=image`).
pub const SECCOMP_LABEL: &str = "io.containers.seccomp.profile";

/// What `create` and `run` were asked for.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    /// The image, or with `rootfs` the root directory (`PATH[:O]`).
    pub image: String,
    /// `--rootfs`: `image` is the container's root file system.
    pub rootfs: bool,
    pub name: Option<String>,
    pub args: Vec<String>,
    pub entrypoint: Option<String>,
    pub env: Vec<String>,
    pub env_files: Vec<String>,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    /// `--network` (`None`: the default for the user, [`crate::network::Mode::default_for`]).
    pub network: Option<crate::network::Mode>,
    /// `-p/--publish` as given.
    pub publish: Vec<String>,
    /// `-P/--publish-all`.
    pub publish_all: bool,
    /// `--expose` as given.
    pub expose: Vec<String>,
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
    pub log_driver: Option<crate::container::logfile::LogDriver>,
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
    /// `--http-proxy` (`None`: containers.conf's `http_proxy`, true).
    pub http_proxy: Option<bool>,
    /// `--env-merge KEY=VALUE` with `${KEY}` expanded from the image's value.
    pub env_merge: Vec<String>,
    /// `--unsetenv KEY`, `--unsetenv-all` (only the `--env` given stays).
    pub unsetenv: Vec<String>,
    pub unsetenv_all: bool,
    /// `--label-file` contents, before `--label`.
    pub label_files: Vec<String>,
    /// Settings applied to the spec at start (see [`crate::container::options`]).
    pub options: crate::container::options::Options,
    /// `-v`, `--mount`, `--tmpfs`, in that order.
    pub mounts: Vec<crate::volume::mounts::MountSpec>,
    /// `--volumes-from CTR[:ro|rw]`.
    pub volumes_from: Vec<String>,
    /// `--image-volume`: what the image's `VOLUME`s become.
    pub image_volume: ImageVolume,
    /// `--pod`: a pod's name or ID, or `new:NAME` (a pod made for it, with
    /// its `-p` and `--network`); the pod's ID once joined.
    pub pod: Option<String>,
    /// The joined pod's name (set by [`crate::pod::prepare_member`]).
    pub pod_name: String,
    /// Set by `pod create --infra-image`: this is the infra container (with
    /// this ID) of the pod `pod` (its ID), made before the pod is complete.
    pub infra_id: Option<String>,
    /// `create --init-ctr`: an init container of the pod `pod`.
    pub init_ctr: Option<crate::pod::init::InitCtr>,
    /// A pod's container joining the infra container's user namespace
    /// (`options.userns`): the infra container's keep-id user, if that is
    /// its mode (set by [`crate::pod::prepare_member`]).
    pub pod_keep_id: Option<crate::container::userns::KeepId>,
}

/// `--image-volume`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ImageVolume {
    /// An anonymous volume, filled with the image's files there on first use
    #[default]
    Bind,
    /// A tmpfs
    Tmpfs,
    /// Nothing: the image's files stay as they are in the container's root
    Ignore,
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

/// `rpod create`: store a new container; returns it.
pub fn create(ctx: &Context, opts: &CreateOptions) -> anyhow::Result<Container> {
    if opts.init_ctr.is_some() && opts.pod.as_deref().is_none_or(str::is_empty) {
        return Err(Failure::new(ExitCode::Engine, "init containers must be created in a pod: invalid argument").into());
    }
    if !opts.options.id_map_flags.is_empty() && opts.userns.as_deref().is_some_and(|u| !u.is_empty()) {
        let msg = "--uidmap, --gidmap, --subuidname and --subgidname cannot be used with --userns";
        return Err(Failure::new(ExitCode::Engine, msg).into());
    }
    if let (Some(pod), None) = (&opts.pod, &opts.infra_id) {
        // Podman's rules: a pod's containers take its user namespace (see
        // `crate::pod::prepare_member`); `new:NAME` makes a pod with an infra
        // container, refused here before it is made.
        let new = pod.starts_with("new:");
        if !new && opts.userns.is_some() {
            return Err(Failure::new(ExitCode::Engine, "--userns and --pod cannot be set together").into());
        }
        if new && !opts.options.id_map_flags.is_empty() {
            return Err(Failure::new(ExitCode::Engine, crate::pod::create::NO_MEMBER_MAPS).into());
        }
    }
    if opts.options.shm_size.is_some() && opts.options.ipc == crate::container::options::NsMode::Host {
        let msg = "invalid config provided: cannot set shmsize when running in the {host } IPC Namespace";
        return Err(Failure::new(ExitCode::Engine, msg).into());
    }
    let own_shm_size = opts.options.shm_size.is_some();
    let joined;
    let opts = match &opts.pod {
        Some(_) if opts.infra_id.is_none() => {
            let mut o = opts.clone();
            crate::pod::prepare_member(ctx, &mut o)?;
            joined = o;
            &joined
        }
        _ => opts,
    };
    // Checked before anything is stored.
    let _ = crate::container::config::security_opts(&opts.security_opt)?;
    let _ = capabilities(&[], &opts.cap_add, &opts.cap_drop)?;
    if opts.rm && opts.restart.name != "no" && !opts.restart.name.is_empty() {
        return Err(Failure::new(ExitCode::Engine, "the --rm option conflicts with --restart").into());
    }
    let userns = opts.userns.clone().unwrap_or_default();
    let (keep_id, id_maps) = match &opts.options.userns {
        // The pod's user namespace, with its maps.
        crate::container::options::NsMode::Container(_) => (opts.pod_keep_id.clone(), opts.options.id_maps.clone()),
        _ => (
            crate::container::userns::Mode::parse(&userns)
                .and_then(|m| m.keep_id(ctx.rootless()))
                .map_err(|e| Failure::new(ExitCode::Engine, e.to_string()))?,
            crate::container::userns::IdMaps::from_flags(&opts.options.id_map_flags, ctx.rootless())
                .map_err(|e| Failure::new(ExitCode::Engine, format!("{e:#}")))?,
        ),
    };
    if let crate::container::options::NsMode::Container(owner) = &opts.options.ipc {
        if own_shm_size {
            // Podman takes the flag and mounts the owner's /dev/shm all the same.
            log::warn!(
                "--shm-size is ignored: the container shares the IPC namespace, and /dev/shm, of container {owner}"
            );
        }
    }
    let runtime = match &opts.runtime {
        None => None,
        Some(r) => {
            let own_userns = keep_id.is_some() || id_maps.is_some();
            external_runtime_allowed(ctx, opts.tty, &opts.resources, own_userns, &opts.options.ipc)?;
            if !opts.options.cgroups.is_default() || opts.options.cgroup_parent.is_some() {
                return Err(Failure::new(
                    ExitCode::Engine,
                    "--cgroups and --cgroup-parent cannot be used with --runtime (the external runtime makes the cgroup)",
                )
                .into());
            }
            Some(crate::container::external::resolve(r)?.display().to_string())
        }
    };
    let driver = crate::driver::graph_driver(ctx)?;
    let mount_program = match &driver {
        rpod_storage::driver::Driver::Overlay { mount_program: Some(p) } => Some(p.display().to_string()),
        _ => None,
    };
    // A limit is never dropped silently: without usable cgroup v2
    // controllers it is refused, with the way to get them.
    let cgroup_at = crate::container::limits::Where::of(&opts.options);
    cgroup_at.validate(
        matches!(opts.options.pid, crate::container::options::NsMode::Container(_)),
        opts.options.pid != crate::container::options::NsMode::Host,
    )?;
    if !opts.resources.is_empty() || cgroup_at.parent.is_some() || cgroup_at.mode != Default::default() {
        crate::container::limits::plan(&opts.resources, ctx.rootless(), cgroup_at)?;
    }
    // The image is looked up without entering the user namespace; only a
    // pull needs it.
    let mut store = ctx.metadata_store()?;
    let search = ctx.config()?.registries.search_registries().to_vec();
    let mut network = opts.network.clone().unwrap_or_else(|| Mode::default_for(ctx.rootless(), runtime.is_some()));
    if runtime.is_some() && crate::network::needs_helper(&network) {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("--network {network} cannot be used with --runtime (use --network private, none or host)"),
        )
        .into());
    }
    crate::network::check_usable(&network, ctx.rootless())
        .map_err(|e| Failure::new(ExitCode::Engine, format!("{e:#}")))?;
    opts.options.validate(network == Mode::Host, opts.hostname.is_some())?;
    if let Mode::Bridge(names) = &mut network {
        // The networks must exist (Podman checks at create too); an ID
        // is recorded as the network's name.
        let all = ctx.networks()?;
        for n in names.iter_mut() {
            let found = crate::network::config::find(&all, n)?;
            found.check()?;
            *n = found.name;
        }
        opts.options.bridge.check_networks(names)?;
    } else if !opts.options.bridge.is_empty() {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("--ip, --ip6, --mac-address and --network-alias need a bridge network, not --network {network}"),
        )
        .into());
    }
    let log_driver = match opts.log_driver {
        Some(d) => d,
        None => crate::container::logfile::LogDriver::parse(ctx.config()?.containers.log_driver())
            .map_err(|e| anyhow!("containers.conf log_driver: {e}"))?,
    };
    log_driver.check().map_err(|e| Failure::new(ExitCode::Engine, e))?;
    let mut options = opts.options.clone();
    options.id_maps = id_maps;
    config_name_defaults(&mut options.names, &ctx.config()?.containers)?;
    crate::secret::usage::resolve(&crate::secret::Store::open(ctx)?, &mut options.secrets)?;
    {
        // container:NAME modes and --requires name containers by their IDs from here on.
        let mut containers = ctx.containers()?;
        for (ns, mode) in [
            ("pid", &mut options.pid),
            ("ipc", &mut options.ipc),
            ("uts", &mut options.uts),
            ("cgroup", &mut options.cgroupns),
        ] {
            if let crate::container::options::NsMode::Container(name) = mode {
                *name = containers
                    .find(name)
                    .with_context(|| format!("looking up container to share {ns} namespace with"))?
                    .id;
            }
        }
        if let Mode::Container(name) = &mut network {
            *name = containers.find(name).context("looking up container to share net namespace with")?.id;
        }
        for name in options.requires.iter_mut() {
            *name = containers.find(name).with_context(|| format!("--requires {name}"))?.id;
        }
    }
    let rootfs = match opts.rootfs {
        true => Some(external_rootfs(&opts.image, keep_id.is_some() || options.id_maps.is_some())?),
        false => None,
    };
    let (image, qualified_name, image_config) = match &rootfs {
        // No image: the container's settings are the flags' alone.
        Some(_) => (None, String::new(), serde_json::json!({})),
        None => {
            let (image, name) = find_image(ctx, opts, &mut store, &search)?;
            let config: Value = serde_json::from_slice(&image.config).context("parsing the image configuration")?;
            (Some(image), name, config)
        }
    };
    let img = ImageConfig::from_json(&image_config);
    let all = process_args(&img, opts.entrypoint.as_deref(), &opts.args)?;
    let entrypoint = match &opts.entrypoint {
        Some(e) => crate::container::config::parse_entrypoint(e),
        None => img.entrypoint.clone(),
    };
    let cmd: Vec<String> = all[entrypoint.len().min(all.len())..].to_vec();

    let id = match &opts.infra_id {
        Some(id) => id.clone(),
        None => random_id()?,
    };
    // The short ID, or with the host's network the host's name (Docker's
    // and Podman's default).
    let hostname = match &opts.hostname {
        Some(h) => h.clone(),
        None if network == Mode::Host => {
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
    let host: Vec<String> = if opts.env_host {
        std::env::vars().map(|(k, v)| format!("{k}={v}")).collect()
    } else if opts.http_proxy.unwrap_or(ctx.config()?.containers.http_proxy()) {
        proxy_env(|k| std::env::var(k).ok())
    } else {
        Vec::new()
    };
    let base = merge_env([defaults.as_slice(), img.env.as_slice()]);
    let merged: Vec<String> = opts.env_merge.iter().map(|e| crate::container::config::expand_from(e, &base)).collect();
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
    if options.seccomp_from_image {
        // Podman's --seccomp-policy=image: the label is the profile itself.
        let profile = labels.get(SECCOMP_LABEL).filter(|p| !p.is_empty()).ok_or_else(|| {
            Failure::new(ExitCode::Engine, "--seccomp-policy=image: no seccomp policy defined by image")
        })?;
        rpod_runtime::seccomp::Profile::parse(profile).map_err(|e| {
            Failure::new(ExitCode::Engine, format!("the image's seccomp profile ({SECCOMP_LABEL}): {e}"))
        })?;
        options.image_seccomp = Some(profile.clone());
    }
    options.healthcheck =
        crate::container::health::resolve(&options.health_flags, &image_config["config"]["Healthcheck"])?;
    let image_exposed: Vec<String> =
        image_config["config"]["ExposedPorts"].as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default();
    let (ports, exposed) =
        crate::network::ports::resolve(&opts.publish, opts.publish_all, &image_exposed, &opts.expose)
            .map_err(|e| Failure::new(ExitCode::Engine, format!("{e:#}")))?;
    if !ports.is_empty() && !network.can_publish() {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("ports cannot be published with --network {network}: the container has no network the host can forward to"),
        )
        .into());
    }
    options.systemd = systemd_mode(&options.systemd_flag, &all);
    if options.systemd {
        systemd_possible(ctx, &options, runtime.is_some())?;
        if !env.iter().any(|e| e.starts_with("container_uuid=")) {
            env.push(format!("container_uuid={}", &id[..32]));
        }
    }
    let stop_signal = match (&opts.stop_signal, image_config["config"]["StopSignal"].as_str()) {
        (Some(s), _) => s.clone(),
        (None, Some(s)) => s.to_string(),
        // systemd's way to be told to shut down.
        (None, None) if options.systemd => "SIGRTMIN+3".to_string(),
        (None, None) => "SIGTERM".to_string(),
    };
    signal_number(&stop_signal)?;

    let config = ContainerConfig {
        image_name: qualified_name,
        layers: image.as_ref().map(|i| i.layers.clone()).unwrap_or_default(),
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
        rootfs_overlay: rootfs.as_ref().is_some_and(|r| r.1),
        rootfs: rootfs.map(|r| r.0),
        restart: opts.restart.clone(),
        stop_signal,
        stop_timeout: opts.stop_timeout.unwrap_or(10),
        labels,
        log_driver,
        log_max_size: opts.log_max_size,
        network,
        ports,
        exposed,
        publish_all: opts.publish_all,
        read_only: opts.read_only,
        privileged: opts.privileged,
        cap_add: opts.cap_add.clone(),
        cap_drop: opts.cap_drop.clone(),
        security_opt: opts.security_opt.clone(),
        resources: opts.resources.clone(),
        options,
        spec: Value::Null,
        image_digest: image.as_ref().map(|i| i.digest.clone()).unwrap_or_default(),
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
        mounts: Vec::new(),
        pod: opts.pod.clone(),
        pod_name: opts.pod_name.clone(),
        init_ctr: opts.init_ctr,
        infra: opts.infra_id.is_some(),
    };
    let mut containers = ctx.containers()?;
    let name = match &opts.name {
        Some(n) => {
            check_name(n)?;
            n.clone()
        }
        None => crate::container::names::generate(&containers)?,
    };
    let c = Container {
        id: id.clone(),
        name,
        image_id: image.as_ref().map(|i| i.id.clone()).unwrap_or_default(),
        created: now_ns(),
        config,
        state: State::default(),
    };
    let top = match &image {
        Some(image) => Some(image.layers.last().cloned().ok_or_else(|| anyhow!("image {} has no layers", image.id))?),
        None => None,
    };
    if opts.replace {
        if let Some(old) = containers.try_find(&c.name)?.filter(|o| o.name == c.name) {
            remove(ctx, &mut containers, &old, true).with_context(|| format!("replacing container {}", old.name))?;
        }
    }
    if let Some(top) = &top {
        store.hold(&holder(&id), top).context("holding the image's layers")?;
    }
    let made = store_with_mounts(ctx, &mut containers, &c, opts, (&image_config, store));
    let c = match made {
        Ok(c) => c,
        Err(e) => {
            let _ = store.release(&holder(&id));
            return Err(e);
        }
    };
    containers.event(&c, "create");
    Ok(c)
}

/// `--systemd`: `always`, `false`, or (`true`) when the command is an init
/// (Podman's list, a `/bin/sh -c` in front skipped) or named `systemd`.
fn systemd_mode(flag: &str, command: &[String]) -> bool {
    match flag {
        "always" => true,
        "false" => false,
        _ => {
            let cmd = match command {
                [sh, c, rest @ ..] if sh == "/bin/sh" && c == "-c" && !rest.is_empty() => rest,
                all => all,
            };
            cmd.first().is_some_and(|c| {
                matches!(c.as_str(), "/sbin/init" | "/usr/sbin/init" | "/usr/local/sbin/init")
                    || std::path::Path::new(c).file_name().is_some_and(|n| n == "systemd")
            })
        }
    }
}

/// Systemd mode needs a cgroup of the container's own that it can write
/// (cgroup v2, its own cgroup namespace): refused, with the reason, where
/// rpod cannot give one; never started without it.
fn systemd_possible(ctx: &Context, o: &crate::container::options::Options, external: bool) -> anyhow::Result<()> {
    let refuse = |why: String| -> anyhow::Result<()> {
        Err(Failure::new(
            ExitCode::Engine,
            format!("systemd mode (--systemd) cannot be applied: {why} (--systemd=false runs the command without it)"),
        )
        .into())
    };
    if external {
        return refuse("with --runtime the external runtime makes the cgroup".into());
    }
    if o.cgroups == crate::container::limits::CgroupsMode::Disabled {
        return refuse("systemd needs a cgroup of its own, and --cgroups=disabled gives none".into());
    }
    if o.cgroupns != crate::container::options::NsMode::Private {
        return refuse("systemd needs a cgroup namespace of its own (--cgroupns private)".into());
    }
    let info = rpod_runtime::cgroups::detect(ctx.rootless());
    match rpod_runtime::cgroup_manager::place(&info, ctx.rootless()) {
        rpod_runtime::cgroup_manager::Placement::Unavailable(why) => {
            refuse(format!("systemd needs a writable cgroup v2 hierarchy of the container's own: {why}"))
        }
        rpod_runtime::cgroup_manager::Placement::Under { .. } => Ok(()),
    }
}

/// The proxy variables Podman passes from the caller (`--http-proxy`), as `KEY=VALUE`.
pub fn proxy_env(get: impl Fn(&str) -> Option<String>) -> Vec<String> {
    const PROXY: [&str; 8] =
        ["http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY"];
    PROXY.iter().filter_map(|k| get(k).map(|v| format!("{k}={v}"))).collect()
}

/// `--rootfs PATH[:O]`: the directory (absolute, resolved) and whether it
/// is mounted as an overlay whose changes are discarded (Podman's `:O`).
/// rpod translates owners only in copies of images, so a user namespace
/// of the container's own cannot be used with it.
fn external_rootfs(arg: &str, own_userns: bool) -> anyhow::Result<(String, bool)> {
    let engine = |m: String| -> anyhow::Error { Failure::new(ExitCode::Engine, m).into() };
    let (path, overlay) = match arg.strip_suffix(":O") {
        Some(p) => (p, true),
        None => (arg, false),
    };
    if own_userns {
        return Err(engine(format!(
            "--rootfs {arg}: --userns=keep-id and --uidmap cannot be used with --rootfs (rpod translates file owners only in copies of images)"
        )));
    }
    let full = std::fs::canonicalize(path).map_err(|e| engine(format!("--rootfs {arg}: {path}: {e}")))?;
    if !full.is_dir() {
        return Err(engine(format!("--rootfs {arg}: {} is not a directory", full.display())));
    }
    if full == std::path::Path::new("/") {
        return Err(engine(format!("--rootfs {arg}: the host's root cannot be a container's root file system")));
    }
    Ok((full.display().to_string(), overlay))
}

/// The image `create` uses (found locally or pulled, by `--pull`) and its
/// full name, as Podman's ImageName and ps show it.
fn find_image<'a>(
    ctx: &'a Context,
    opts: &CreateOptions,
    store: &mut &'a rpod_storage::Store,
    search: &[String],
) -> anyhow::Result<(rpod_storage::ImageRecord, String)> {
    let local = match crate::image::lookup::find(store, search, &opts.image) {
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
            *store = ctx.store()?;
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
    Ok((image, qualified_name))
}

/// containers.conf's `dns_servers`, `dns_searches`, `dns_options` and
/// `no_hosts` where the flags set nothing.
pub(crate) fn config_name_defaults(
    names: &mut crate::network::names::NameSettings,
    conf: &crate::config::ContainersConf,
) -> anyhow::Result<()> {
    if names.dns.is_empty() {
        for d in conf.dns_servers.iter().flatten() {
            names.dns.push(d.parse().map_err(|_| anyhow!("containers.conf dns_servers: {d:?} is not an IP address"))?);
        }
    }
    if names.dns_search.is_empty() {
        names.dns_search = conf.dns_searches.clone().unwrap_or_default();
    }
    if names.dns_option.is_empty() {
        names.dns_option = conf.dns_options.clone().unwrap_or_default();
    }
    if names.add_host.is_empty() && conf.no_hosts == Some(true) {
        names.no_hosts = true;
    }
    names.validate()
}

/// Stores `c` with the mounts `opts` asks for (see [`resolve_mounts`];
/// the image's config and the store it holds image mounts in); the
/// anonymous volumes made for it are removed again when it cannot be
/// stored. Returns it as stored.
pub(crate) fn store_with_mounts(
    ctx: &Context,
    containers: &mut Containers,
    c: &Container,
    opts: &CreateOptions,
    (image_config, store): (&Value, &rpod_storage::Store),
) -> anyhow::Result<Container> {
    let (mounts, volumes, anonymous) = resolve_mounts(ctx, containers, opts, image_config, store, &holder(&c.id))?;
    let mut c = c.clone();
    c.config.mounts = mounts;
    if let Err(e) = containers.create_using(&c, &volumes) {
        let paths = ctx.paths()?;
        for err in crate::volume::remove_unused_anonymous(&paths.graph_root, &ctx.event_log()?, &anonymous) {
            log::warn!("{err}");
        }
        return Err(e);
    }
    Ok(c)
}

/// The container's mounts: `--volumes-from`, then its own flags, then the
/// image's `VOLUME`s not covered; named volumes made on first use,
/// anonymous ones made now, image mounts' layers held by `holder`.
/// Returns the mounts, the volumes they use and the anonymous ones made.
fn resolve_mounts(
    ctx: &Context,
    containers: &mut Containers,
    opts: &CreateOptions,
    image_config: &Value,
    store: &rpod_storage::Store,
    holder: &str,
) -> anyhow::Result<(Vec<crate::volume::mounts::MountSpec>, Vec<String>, Vec<String>)> {
    use crate::volume::mounts::{self, Kind};
    let mut inherited = Vec::new();
    for spec in &opts.volumes_from {
        let (name, _) = mounts::from_container(spec, &[])?;
        let other = containers.find(&name)?;
        inherited.extend(mounts::from_container(spec, &other.config.mounts)?.1);
    }
    let mut all = mounts::merge(inherited, opts.mounts.clone())?;
    if opts.image_volume != ImageVolume::Ignore {
        let mut paths: Vec<&String> =
            image_config["config"]["Volumes"].as_object().map(|o| o.keys().collect()).unwrap_or_default();
        paths.sort();
        for p in paths {
            let Ok(m) = (match opts.image_volume {
                ImageVolume::Tmpfs => mounts::parse_tmpfs(p),
                _ => mounts::parse_volume(p),
            }) else {
                log::warn!("the image's VOLUME {p:?} is not an absolute path: left out");
                continue;
            };
            if !all.iter().any(|o| o.destination == m.destination) {
                all.push(m);
            }
        }
    }
    mounts::check(&all)?;
    let search = ctx.config()?.registries.search_registries().to_vec();
    let mut volumes = Vec::new();
    let mut made: Vec<String> = Vec::new();
    let result = (|| {
        for m in all.iter_mut() {
            match m.kind {
                Kind::Volume if m.anonymous && m.source.is_empty() => {
                    let opts = crate::volume::CreateOptions { anonymous: true, ..Default::default() };
                    let v = crate::volume::create(ctx, None, &opts)?;
                    made.push(v.name.clone());
                    m.source = v.name;
                }
                Kind::Volume => {
                    crate::volume::ensure(ctx, &m.source)?;
                }
                Kind::Image => {
                    let found = crate::image::lookup::find(store, &search, &m.source)
                        .with_context(|| format!("--mount type=image,source={}", m.source))?;
                    let top = found
                        .image
                        .layers
                        .last()
                        .cloned()
                        .ok_or_else(|| anyhow!("image {} has no layers", m.source))?;
                    store.hold(holder, &top).context("holding the mounted image's layers")?;
                    m.source = found.image.id.clone();
                    m.layers = found.image.layers.clone();
                }
                _ => {}
            }
            if m.kind == Kind::Volume && !volumes.contains(&m.source) {
                volumes.push(m.source.clone());
            }
        }
        Ok::<_, anyhow::Error>(())
    })();
    if let Err(e) = result {
        let paths = ctx.paths()?;
        for err in crate::volume::remove_unused_anonymous(&paths.graph_root, &ctx.event_log()?, &made) {
            log::warn!("{err}");
        }
        return Err(e);
    }
    Ok((all, volumes, made))
}

/// May a container with these settings run under an external runtime
/// (`--runtime`, `system migrate --new-runtime`)?
fn external_runtime_allowed(
    ctx: &Context,
    tty: bool,
    resources: &rpod_runtime::cgroup_manager::Resources,
    own_userns: bool,
    ipc: &crate::container::options::NsMode,
) -> anyhow::Result<()> {
    let refuse = |why: String| Err(Failure::new(ExitCode::Engine, why).into());
    if let crate::container::options::NsMode::Container(owner) = ipc {
        return refuse(format!(
            "--runtime cannot be used with the IPC namespace of container {owner} (--ipc container:, or a pod's): the external runtime cannot mount that container's /dev/shm"
        ));
    }
    if tty {
        return refuse("--runtime cannot be used with -t: the external runtime would own the terminal".into());
    }
    if !resources.is_empty() {
        return refuse("resource limits cannot be used with --runtime".into());
    }
    if own_userns {
        return refuse("--userns=keep-id and --uidmap cannot be used with --runtime".into());
    }
    let info = rpod_runtime::cgroups::detect(ctx.rootless());
    if !ctx.rootless() && info.layout != rpod_runtime::cgroups::Layout::Unified {
        return refuse(format!(
            "--runtime as root needs the cgroup v2 unified hierarchy: on this {} host the external runtime would create cgroups in the host's v1 hierarchy",
            info.layout.name()
        ));
    }
    Ok(())
}

/// `system migrate --new-runtime`: every container (stopped by the caller)
/// moves to the external runtime `runtime`; returns their names. One that
/// cannot use an external runtime stays as it is and is reported.
pub fn set_runtime(ctx: &Context, runtime: &std::path::Path) -> anyhow::Result<Vec<String>> {
    let mut containers = ctx.containers()?;
    let (mut moved, mut refused) = (Vec::new(), Vec::new());
    for c in containers.list()? {
        let _lock = containers.lock(&c.id)?;
        let Some(mut c) = containers.get(&c.id)? else { continue };
        let conf = &c.config;
        let own_userns = conf.keep_id.is_some() || conf.options.id_maps.is_some();
        if let Err(e) = external_runtime_allowed(ctx, conf.tty, &conf.resources, own_userns, &conf.options.ipc) {
            refused.push(format!("container {}: {e}", c.name));
            continue;
        }
        c.config.runtime = Some(runtime.display().to_string());
        containers.set_config(&c.id, &c.config)?;
        moved.push(c.name.clone());
    }
    if !refused.is_empty() {
        for name in &moved {
            crate::context::print(&format!("container {name} now uses {}\n", runtime.display()))?;
        }
        anyhow::bail!("{}", refused.join("; "));
    }
    Ok(moved)
}
