//! `pod create`: the pod's record and its infra container; [`join`]: what
//! a container joining a pod takes from it.

use anyhow::{bail, Context as _};

use super::{Pod, PodConfig, Pods, DEFAULT_SHARE};
use crate::container::options::NsMode;
use crate::container::record::{now_ns, random_id, Container, ContainerConfig, Containers, State};
use crate::context::Context;
use crate::error::{ExitCode, Failure};
use crate::network::Mode;

/// What `pod create` (and `run --pod new:NAME`) was asked for.
#[derive(Debug, Clone, Default)]
pub struct PodCreateOptions {
    pub name: Option<String>,
    /// `--infra` (Podman's default: true).
    pub infra: bool,
    pub infra_name: Option<String>,
    /// `--share` as given (`None`: `ipc,net,uts`).
    pub share: Option<String>,
    pub hostname: Option<String>,
    pub labels: std::collections::BTreeMap<String, String>,
    /// `--network` (`None`: the default for the user).
    pub network: Option<Mode>,
    /// `-p/--publish` as given.
    pub publish: Vec<String>,
    /// `--dns`, `--dns-search`, `--dns-option`, `--add-host`, `--no-hosts`.
    pub names: crate::network::names::NameSettings,
    /// `--ip`, `--ip6`, `--mac-address`, `--network-alias` (bridge networks).
    pub bridge: crate::network::bridge::BridgeSettings,
    /// Remove a pod of the same name first.
    pub replace: bool,
    /// `--exit-policy` (only `continue`).
    pub exit_policy: Option<String>,
    /// `--infra-image`: the infra container runs this image (its
    /// entrypoint and command, or `--infra-command`) instead of rpod's own
    /// init in an empty root.
    pub infra_image: Option<String>,
    /// `--infra-command`: the infra container's entrypoint (with `--infra-image`).
    pub infra_command: Option<String>,
    /// `--infra-conmon-pidfile`: the infra container's monitor's PID is written there.
    pub infra_conmon_pidfile: Option<std::path::PathBuf>,
    /// `--cgroup-parent`.
    pub cgroup_parent: Option<String>,
    /// The limits of the pod's cgroup (`--memory`, `--cpus` ...).
    pub resources: rpod_runtime::cgroup_manager::Resources,
    /// `--share-parent` (Podman's default: true): the pod's containers'
    /// cgroups go in the pod's cgroup.
    pub share_parent: bool,
    /// The infra container's `--sysctl`, `--shm-size`, `--device`,
    /// `--pid`, `--uts` (devices and the /dev/shm size are inherited by
    /// every container of the pod, as in Podman).
    pub options: crate::container::options::Options,
    /// `--security-opt`: the infra container's, inherited by every container.
    pub security_opt: Vec<String>,
    /// `-v` and `--volumes-from`: the infra container's mounts, inherited by
    /// every container of the pod.
    pub mounts: Vec<crate::volume::mounts::MountSpec>,
    pub volumes_from: Vec<String>,
    /// `--userns` (host, keep-id[:uid=,gid=]): the infra container's user
    /// namespace, which every container of the pod joins.
    pub userns: Option<String>,
    /// `--uidmap`, `--gidmap`, `--subuidname`, `--subgidname`: likewise.
    pub id_map_flags: crate::container::userns::IdMapFlags,
}

/// Podman's refusal of a pod container's own ID maps.
pub const NO_MEMBER_MAPS: &str =
    "cannot specify a new uid/gid map when entering a pod with an infra container: invalid argument";

/// The pod's user namespace, settled at `pod create` (Podman's rules: the
/// map flags conflict with `--userns`; `host` is none).
#[derive(Debug, Default)]
struct UserNs {
    keep_id: Option<crate::container::userns::KeepId>,
    id_maps: Option<crate::container::userns::IdMaps>,
}

impl UserNs {
    fn of(opts: &PodCreateOptions, rootless: bool) -> anyhow::Result<UserNs> {
        let userns = opts.userns.as_deref().unwrap_or_default();
        if !opts.id_map_flags.is_empty() && !userns.is_empty() {
            bail!("--uidmap, --gidmap, --subuidname and --subgidname cannot be used with --userns");
        }
        let keep_id = crate::container::userns::Mode::parse(userns)?.keep_id(rootless)?;
        let id_maps = crate::container::userns::IdMaps::from_flags(&opts.id_map_flags, rootless)?;
        Ok(UserNs { keep_id, id_maps })
    }

    fn is_own(&self) -> bool {
        self.keep_id.is_some() || self.id_maps.is_some()
    }
}

/// `--share`: the namespaces to share, sorted (`none`: nothing; `+NS`:
/// added to the default ones).
pub fn parse_share(value: Option<&str>) -> anyhow::Result<Vec<String>> {
    let Some(value) = value else { return Ok(DEFAULT_SHARE.iter().map(|s| s.to_string()).collect()) };
    let (mut out, list): (Vec<String>, &str) = match value.strip_prefix('+') {
        Some(rest) => (DEFAULT_SHARE.iter().map(|s| s.to_string()).collect(), rest),
        None => (Vec::new(), value),
    };
    for ns in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match ns {
            "none" => return Ok(Vec::new()),
            "net" | "ipc" | "uts" | "pid" | "cgroup" => {
                if !out.iter().any(|s| s == ns) {
                    out.push(ns.to_string());
                }
            }
            "user" => bail!("--share user: the pod's containers share its user namespace when it has one of its own (--userns, --uidmap, --gidmap, --subuidname, --subgidname), not by --share"),
            other => bail!("--share {other}: unknown namespace (cgroup, ipc, net, pid, uts, none)"),
        }
    }
    out.sort();
    Ok(out)
}

/// `rpod pod create`: the pod stored, with its infra container (created,
/// not started, as in Podman).
pub fn create(ctx: &Context, opts: &PodCreateOptions) -> anyhow::Result<Pod> {
    let engine = |m: String| -> anyhow::Error { Failure::new(ExitCode::Engine, m).into() };
    let share = parse_share(opts.share.as_deref()).map_err(|e| engine(format!("{e:#}")))?;
    if let Some(p) = opts.exit_policy.as_deref().filter(|p| *p != "continue") {
        return Err(engine(format!(
            "--exit-policy {p}: rpod supports only continue (the pod keeps running when its last container exits)"
        )));
    }
    if !opts.infra {
        if opts.share.is_some() && !share.is_empty() {
            return Err(engine(
                "You cannot share kernel namespaces on the pod level without an infra container".into(),
            ));
        }
        let infra_flags = [
            (!opts.publish.is_empty(), "--publish"),
            (opts.network.is_some(), "--network"),
            (opts.hostname.is_some(), "--hostname"),
            (!opts.names.is_empty(), "--dns, --dns-search, --dns-option, --add-host and --no-hosts"),
            (!opts.bridge.is_empty(), "--ip, --ip6, --mac-address and --network-alias"),
            (opts.infra_name.is_some(), "--infra-name"),
            (
                opts.userns.is_some() || !opts.id_map_flags.is_empty(),
                "--userns, --uidmap, --gidmap, --subuidname and --subgidname",
            ),
        ];
        if let Some((_, flag)) = infra_flags.iter().find(|(set, _)| *set) {
            return Err(engine(format!("{flag} needs an infra container (--infra=false was given)")));
        }
    }
    if !share.iter().any(|s| s == "net") && (!opts.publish.is_empty() || opts.network.is_some()) && opts.infra {
        return Err(engine("--publish and --network need the pod to share its network namespace (--share net)".into()));
    }
    check_infra_settings(opts, &share).map_err(|e| engine(format!("{e:#}")))?;
    let userns = UserNs::of(opts, ctx.rootless()).map_err(|e| engine(format!("{e:#}")))?;
    let mut share = share;
    if userns.is_own() {
        // As Podman's pod inspect lists it: every container joins it.
        share.push("user".into());
        share.sort();
    }
    let mut containers = ctx.containers()?;
    let mut pods = Pods::open(ctx)?;
    let name = match &opts.name {
        Some(n) => {
            crate::container::lifecycle::check_name(n).map_err(|_| {
                engine(format!("invalid pod name \"{n}\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*"))
            })?;
            n.clone()
        }
        None => crate::container::names::generate(&containers)?,
    };
    if opts.replace {
        if let Ok(old) = pods.find(&name) {
            if old.name == name {
                super::ops::remove(ctx, &mut pods, &old, true, Some(std::time::Duration::ZERO))
                    .with_context(|| format!("replacing pod {name}"))?;
            }
        }
    }
    let id = random_id()?;
    let infra_id = if opts.infra { random_id()? } else { String::new() };
    let hostname = opts.hostname.clone().unwrap_or_else(|| name.clone());
    let cgroup = crate::container::limits::PodCgroup {
        name: format!("pod-{id}"),
        parent: opts.cgroup_parent.clone().unwrap_or_default(),
        resources: opts.resources.clone(),
    };
    // Refused here, with the way to get cgroups, when they cannot be made.
    let at = crate::container::limits::Where { pod: Some(&cgroup), ..Default::default() };
    crate::container::limits::plan(&Default::default(), ctx.rootless(), at)?;
    let infra = match opts.infra {
        true => Some(infra_container(ctx, opts, (&id, &name), (&infra_id, &hostname), &cgroup, userns)?),
        false => None,
    };
    let pod = Pod {
        id: id.clone(),
        name,
        created: now_ns(),
        config: PodConfig {
            infra_id,
            share,
            hostname: if opts.hostname.is_some() { hostname } else { String::new() },
            labels: opts.labels.clone(),
            create_command: std::env::args().collect(),
            exit_policy: "continue".into(),
            cgroup: Some(cgroup),
            share_parent: opts.share_parent,
            volumes_from: opts.volumes_from.clone(),
        },
    };
    let rec = rpod_storage::PodRecord {
        id: pod.id.clone(),
        name: pod.name.clone(),
        created: pod.created,
        config: serde_json::to_vec(&pod.config)?,
    };
    pods.db().create(&rec).map_err(|e| match e {
        rpod_storage::StorageError::NameInUse { .. } => {
            engine(format!("adding pod to state: name \"{}\" is in use: pod already exists", pod.name))
        }
        e => anyhow::Error::from(e).context("storing the pod"),
    })?;
    // A kill -9 here leaves a pod whose infra container does not exist:
    // it is shown without one and removed as usual.
    let made = match infra {
        Some(Infra::Builtin(infra)) => store_builtin(ctx, &mut containers, opts, &infra),
        Some(Infra::Image(o)) => crate::container::lifecycle::create(ctx, &o).map(drop),
        None => Ok(()),
    };
    if let Err(e) = made {
        let _ = pods.db().remove(&pod.id);
        return Err(e);
    }
    containers.event_of(&pod.event("create"));
    Ok(pod)
}

/// The infra container to store: rpod's own (its record), or one from an
/// image (what `create` is asked).
enum Infra {
    Builtin(Box<Container>),
    Image(Box<crate::container::lifecycle::CreateOptions>),
}

/// Checks the infra container's settings against the namespaces the pod
/// shares (Podman's rules).
fn check_infra_settings(opts: &PodCreateOptions, share: &[String]) -> anyhow::Result<()> {
    let shares = |ns: &str| share.iter().any(|s| s == ns);
    if !opts.infra {
        let infra_flags = [
            (opts.infra_image.is_some(), "--infra-image"),
            (opts.infra_command.is_some(), "--infra-command"),
            (opts.infra_conmon_pidfile.is_some(), "--infra-conmon-pidfile"),
            (!opts.options.sysctls.is_empty(), "--sysctl"),
            (opts.options.pid != NsMode::Private, "--pid"),
            (opts.options.uts != NsMode::Private, "--uts"),
        ];
        if let Some((_, flag)) = infra_flags.iter().find(|(set, _)| *set) {
            bail!("{flag} needs an infra container (--infra=false was given)");
        }
        let inherited = !opts.options.devices.is_empty()
            || opts.options.shm_size.is_some()
            || !opts.security_opt.is_empty()
            || !opts.mounts.is_empty()
            || !opts.volumes_from.is_empty();
        if inherited {
            bail!("--device, --shm-size, --security-opt, --volume and --volumes-from are given to the pod's containers through its infra container (--infra=false was given)");
        }
        if !opts.share_parent && (opts.cgroup_parent.is_some() || !opts.resources.is_empty()) {
            bail!("the pod's resource limits and --cgroup-parent need its infra container or --share-parent");
        }
    }
    if shares("cgroup") && opts.share_parent {
        bail!("cannot define the pod as the cgroup parent at the same time as joining the infra container's cgroupNS: invalid argument");
    }
    if opts.infra_command.is_some() && opts.infra_image.is_none() {
        bail!("--infra-command needs --infra-image: rpod's own infra container (no image, an empty root) runs only its pause program");
    }
    if let Some(p) = &opts.cgroup_parent {
        if p.is_empty()
            || p.ends_with(".slice")
            || std::path::Path::new(p).components().any(|c| c == std::path::Component::ParentDir)
        {
            bail!("--cgroup-parent {p:?}: expected a cgroup path (rpod manages cgroups as cgroupfs: no systemd slice, no \"..\")");
        }
    }
    for key in opts.options.sysctls.keys() {
        let ipc = key.starts_with("kernel.") || key.starts_with("fs.mqueue.");
        if ipc && !shares("ipc") {
            bail!("--sysctl {key}: the pod does not share its IPC namespace (--share ipc)");
        }
        if key.starts_with("net.") && !shares("net") {
            bail!("--sysctl {key}: the pod does not share its network namespace (--share net)");
        }
    }
    if opts.options.pid != NsMode::Private && !shares("pid") {
        bail!("--pid {}: the pod does not share its PID namespace (--share pid)", opts.options.pid.text());
    }
    if opts.options.uts == NsMode::Host && opts.hostname.is_some() {
        bail!("--hostname cannot be set with --uts host");
    }
    Ok(())
}

/// Stores rpod's own infra container with its mounts (`-v`,
/// `--volumes-from`: volumes made, or removed again on failure).
fn store_builtin(
    ctx: &Context,
    containers: &mut Containers,
    opts: &PodCreateOptions,
    infra: &Container,
) -> anyhow::Result<()> {
    let asked = crate::container::lifecycle::CreateOptions {
        mounts: opts.mounts.clone(),
        volumes_from: opts.volumes_from.clone(),
        image_volume: crate::container::lifecycle::ImageVolume::Ignore,
        ..Default::default()
    };
    let store = ctx.metadata_store()?;
    let infra = crate::container::lifecycle::store_with_mounts(
        ctx,
        containers,
        infra,
        &asked,
        (&serde_json::Value::Null, store),
    )?;
    containers.event(&infra, "create");
    Ok(())
}

/// The infra container of pod `pod_id`: `rpod-init --pause` in an empty
/// root (or `--infra-image`'s process), owning the pod's network, ports,
/// name settings and hostname, placed in the pod's cgroup.
fn infra_container(
    ctx: &Context,
    opts: &PodCreateOptions,
    (pod_id, pod_name): (&str, &str),
    (id, hostname): (&str, &str),
    cgroup: &crate::container::limits::PodCgroup,
    userns: UserNs,
) -> anyhow::Result<Infra> {
    let engine = |m: String| -> anyhow::Error { Failure::new(ExitCode::Engine, m).into() };
    let network = opts.network.clone().unwrap_or_else(|| Mode::default_for(ctx.rootless(), false));
    crate::network::check_usable(&network, ctx.rootless()).map_err(|e| engine(format!("{e:#}")))?;
    if let Mode::Bridge(names) = &network {
        let all = ctx.networks()?;
        let mut found = Vec::new();
        for n in names {
            let net = crate::network::config::find(&all, n)?;
            net.check()?;
            found.push(net.name);
        }
        opts.bridge.check_networks(&found)?;
    } else if !opts.bridge.is_empty() {
        return Err(engine(format!(
            "--ip, --ip6, --mac-address and --network-alias need a bridge network, not --network {network}"
        )));
    }
    if matches!(network, Mode::Container(_)) {
        return Err(engine(format!("--network {network}: a pod cannot join another container's network")));
    }
    let (ports, _) =
        crate::network::ports::resolve(&opts.publish, false, &[], &[]).map_err(|e| engine(format!("{e:#}")))?;
    if !ports.is_empty() && !network.can_publish() {
        return Err(engine(format!(
            "ports cannot be published with --network {network}: the pod has no network the host can forward to"
        )));
    }
    let mut options = crate::container::options::Options {
        names: opts.names.clone(),
        bridge: opts.bridge.clone(),
        pod_cgroup: Some(cgroup.clone()),
        conmon_pidfile: opts.infra_conmon_pidfile.clone(),
        id_maps: userns.id_maps,
        id_map_flags: opts.id_map_flags.clone(),
        ..opts.options.clone()
    };
    if matches!(network, Mode::Bridge(_)) {
        // The pod is found by its name on its networks, as in Podman.
        options.bridge.all.aliases.push(pod_name.to_string());
    }
    let name = opts.infra_name.clone().unwrap_or_else(|| format!("{}-infra", &pod_id[..12]));
    crate::container::lifecycle::check_name(&name)?;
    let _ = crate::container::config::security_opts(&opts.security_opt)?;
    if let Some(image) = &opts.infra_image {
        return Ok(Infra::Image(Box::new(crate::container::lifecycle::CreateOptions {
            image: image.clone(),
            name: Some(name),
            entrypoint: opts.infra_command.clone(),
            hostname: Some(hostname.to_string()).filter(|_| network != Mode::Host || opts.hostname.is_some()),
            network: Some(network),
            publish: opts.publish.clone(),
            security_opt: opts.security_opt.clone(),
            options,
            mounts: opts.mounts.clone(),
            volumes_from: opts.volumes_from.clone(),
            pod: Some(pod_id.to_string()),
            pod_name: pod_name.to_string(),
            infra_id: Some(id.to_string()),
            userns: opts.userns.clone(),
            ..Default::default()
        })));
    }
    crate::container::lifecycle::config_name_defaults(&mut options.names, &ctx.config()?.containers)
        .map_err(|e| engine(format!("{e:#}")))?;
    // The empty root has no passwd to add entries to.
    options.no_passwd = true;
    options.validate(network == Mode::Host, opts.hostname.is_some())?;
    let defaults = ctx.config()?.containers.default_capabilities();
    let caps = crate::container::lifecycle::capabilities(&defaults, &[], &[])?;
    let mut capabilities: Vec<String> = rpod_runtime::caps::capability_set(&caps)
        .into_iter()
        .filter_map(|c| serde_json::to_value(c).ok()?.as_str().map(str::to_string))
        .collect();
    capabilities.sort();
    let hostname = if network == Mode::Host && opts.hostname.is_none() {
        nix::unistd::gethostname().ok().and_then(|h| h.into_string().ok()).unwrap_or_else(|| hostname.to_string())
    } else {
        hostname.to_string()
    };
    let config = ContainerConfig {
        path: "rpod-init".into(),
        args: vec!["--pause".into()],
        cmd: vec!["rpod-init".into(), "--pause".into()],
        env: vec!["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into(), "container=rpod".into()],
        working_dir: "/".into(),
        hostname,
        // An empty root, made at the first start (no layers to hold).
        storage_driver: "vfs".into(),
        stop_signal: "SIGTERM".into(),
        stop_timeout: 10,
        log_driver: crate::container::logfile::LogDriver::K8sFile,
        network,
        ports,
        options,
        security_opt: opts.security_opt.clone(),
        spec: serde_json::Value::Null,
        create_command: std::env::args().collect(),
        capabilities,
        pod: Some(pod_id.to_string()),
        pod_name: pod_name.to_string(),
        infra: true,
        userns: opts.userns.clone().unwrap_or_default(),
        keep_id: userns.keep_id,
        ..ContainerConfig::default()
    };
    Ok(Infra::Builtin(Box::new(Container {
        id: id.to_string(),
        name,
        image_id: String::new(),
        created: now_ns(),
        config,
        state: State::default(),
    })))
}

/// What a container joining `pod` (`--pod`) takes from it, applied to its
/// create settings: the `container:INFRA` modes of the namespaces the pod
/// shares, the pod's hostname and name settings when it shares uts and
/// net. Refuses what the pod decides (Podman's rules): `--network`,
/// `-p`/`-P`, `--hostname`, the name flags, a namespace flag for a shared
/// namespace.
pub fn join(
    pod: &Pod,
    infra: Option<&Container>,
    network: &mut Option<Mode>,
    publish: bool,
    hostname: &mut Option<String>,
    options: &mut crate::container::options::Options,
) -> anyhow::Result<()> {
    let engine = |m: String| -> anyhow::Error { Failure::new(ExitCode::Engine, m).into() };
    let Some(infra) = infra else {
        if !pod.config.infra_id.is_empty() {
            return Err(engine(format!(
                "pod {} has no infra container any more: remove and create it again",
                pod.name
            )));
        }
        return Ok(());
    };
    let shared = |ns: &str| pod.config.shares(ns);
    if shared("net") {
        if let Some(n) = network {
            return Err(engine(format!(
                "--network {n}: invalid config provided: networks must be defined when the pod is created: network cannot be configured when it is shared with a pod"
            )));
        }
        if publish {
            return Err(engine("invalid config provided: published or exposed ports must be defined when the pod is created: network cannot be configured when it is shared with a pod".into()));
        }
        if !options.names.is_empty() {
            return Err(engine("--dns, --dns-search, --dns-option, --add-host and --no-hosts are set on the pod (pod create) when it shares its network".into()));
        }
        *network = Some(Mode::Container(infra.id.clone()));
        options.names = infra.config.options.names.clone();
    }
    if shared("uts") {
        if hostname.is_some() {
            return Err(engine(
                "invalid config provided: cannot set hostname when joining the pod UTS namespace".into(),
            ));
        }
        if infra.config.options.uts != NsMode::Host {
            *hostname = Some(infra.config.hostname.clone());
        }
    }
    for (ns, mode) in [
        ("ipc", &mut options.ipc),
        ("uts", &mut options.uts),
        ("pid", &mut options.pid),
        ("cgroup", &mut options.cgroupns),
    ] {
        if !shared(ns) {
            continue;
        }
        if *mode != NsMode::Private {
            let flag = if ns == "cgroup" { "cgroupns" } else { ns };
            return Err(engine(format!("--{flag} {}: the pod shares its {ns} namespace", mode.text())));
        }
        // The infra container's is the host's (`pod create --pid|--uts
        // host`): the same, without joining by path (which a rootless
        // container may not do with the host's namespaces).
        let theirs = match ns {
            "ipc" => &infra.config.options.ipc,
            "uts" => &infra.config.options.uts,
            "pid" => &infra.config.options.pid,
            _ => &infra.config.options.cgroupns,
        };
        *mode = match theirs {
            NsMode::Host => NsMode::Host,
            _ => NsMode::Container(infra.id.clone()),
        };
    }
    Ok(())
}

/// `--pod` of `create`/`run`: `new:NAME` makes the pod (taking the
/// container's `-p` and `--network`, as Podman does); the pod is found and
/// its infra container's namespaces become the container's (see [`join`]);
/// `opts.pod` is then the pod's ID.
pub fn prepare_member(ctx: &Context, opts: &mut crate::container::lifecycle::CreateOptions) -> anyhow::Result<()> {
    let Some(key) = opts.pod.clone() else { return Ok(()) };
    let pods = Pods::open(ctx)?;
    let pod = match key.strip_prefix("new:") {
        Some(name) => create(
            ctx,
            &PodCreateOptions {
                name: Some(name.to_string()),
                infra: true,
                network: opts.network.take(),
                publish: std::mem::take(&mut opts.publish),
                share_parent: true,
                ..PodCreateOptions::default()
            },
        )?,
        None => pods.find(&key)?,
    };
    let mut containers = ctx.containers()?;
    if opts.init_ctr.is_some() {
        super::init::check_joinable(&pods.members(&mut containers, &pod)?)?;
    }
    let infra = match pod.config.infra_id.as_str() {
        "" => None,
        id => containers.get(id)?,
    };
    join(
        &pod,
        infra.as_ref(),
        &mut opts.network,
        !opts.publish.is_empty() || opts.publish_all,
        &mut opts.hostname,
        &mut opts.options,
    )?;
    if let Some(infra) = &infra {
        join_userns(infra, opts)?;
        inherit(infra, opts);
    }
    if pod.config.share_parent {
        opts.options.pod_cgroup = pod.config.cgroup.clone();
    }
    opts.pod = Some(pod.id.clone());
    opts.pod_name = pod.name;
    Ok(())
}

/// A pod with an infra container decides its containers' user namespace
/// (Podman's rules): their own ID maps are refused; when the infra
/// container has one of its own (`pod create --userns keep-id`,
/// `--uidmap` ...) they join it, with its maps (their image's files owned
/// as those say) and, with keep-id, its user (unless `--user`).
fn join_userns(infra: &Container, opts: &mut crate::container::lifecycle::CreateOptions) -> anyhow::Result<()> {
    if !opts.options.id_map_flags.is_empty() {
        return Err(Failure::new(ExitCode::Engine, NO_MEMBER_MAPS).into());
    }
    let theirs = &infra.config;
    if theirs.keep_id.is_none() && theirs.options.id_maps.is_none() {
        return Ok(());
    }
    opts.options.userns = NsMode::Container(infra.id.clone());
    opts.options.id_maps = theirs.options.id_maps.clone();
    opts.pod_keep_id = theirs.keep_id.clone();
    Ok(())
}

/// What every container of a pod takes from its infra container, as in
/// Podman (its `InfraInherit`): the mounts (`-v`, `--volumes-from` of `pod
/// create`: the same volumes), the devices, the security options and the
/// size of /dev/shm; the container's own settings come after (and win).
fn inherit(infra: &Container, opts: &mut crate::container::lifecycle::CreateOptions) {
    let theirs = &infra.config;
    if !theirs.mounts.is_empty() {
        opts.volumes_from.insert(0, infra.id.clone());
    }
    let own = std::mem::take(&mut opts.options.devices);
    opts.options.devices =
        theirs.options.devices.iter().filter(|d| !own.iter().any(|o| o.container == d.container)).cloned().collect();
    opts.options.devices.extend(own);
    opts.security_opt = theirs.security_opt.iter().chain(&opts.security_opt).cloned().collect();
    if opts.options.shm_size.is_none() && opts.options.ipc != NsMode::Host {
        opts.options.shm_size = theirs.options.shm_size;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_values() {
        let s = |v: Option<&str>| parse_share(v).unwrap();
        assert_eq!(s(None), vec!["ipc", "net", "uts"]);
        assert_eq!(s(Some("net,uts")), vec!["net", "uts"]);
        assert_eq!(s(Some("+pid")), vec!["ipc", "net", "pid", "uts"]);
        assert_eq!(s(Some("none")), Vec::<String>::new());
        assert_eq!(s(Some("cgroup,net,net")), vec!["cgroup", "net"]);
        assert!(parse_share(Some("user")).is_err());
        assert!(parse_share(Some("mnt")).is_err());
    }

    #[test]
    fn the_pods_user_namespace() {
        let with = |userns: Option<&str>, uidmap: &[&str]| PodCreateOptions {
            userns: userns.map(str::to_string),
            id_map_flags: crate::container::userns::IdMapFlags {
                uidmap: uidmap.iter().map(|s| s.to_string()).collect(),
                ..Default::default()
            },
            ..Default::default()
        };
        assert!(!UserNs::of(&with(None, &[]), false).unwrap().is_own());
        assert!(!UserNs::of(&with(Some("host"), &[]), false).unwrap().is_own());
        let u = UserNs::of(&with(None, &["0:100000:10"]), false).unwrap();
        assert!(u.is_own() && u.keep_id.is_none());
        assert_eq!(u.id_maps.unwrap().gids[0].host_id, 100000, "--gidmap defaults to --uidmap");
        let e = UserNs::of(&with(Some("keep-id"), &["0:100000:10"]), false).unwrap_err();
        assert!(e.to_string().contains("cannot be used with --userns"), "{e}");
        let e = UserNs::of(&with(Some("keep-id"), &[]), false).unwrap_err();
        assert!(e.to_string().contains("only supported in rootless mode"), "{e}");
        assert!(UserNs::of(&with(Some("auto"), &[]), false).is_err());
    }
}
