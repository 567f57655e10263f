//! `rpod pod create`: a new pod and its infra container; prints the pod's ID.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use crate::commands::container::create::{
    parse_size, read_label_files, BridgeFlags, IdMapArgs, LimitFlags, NameFlags, ResourceFlags,
};
use crate::container::options::{Device, NsMode, Options};
use crate::context::{print, Context};

/// `-h` is the hostname, as in Podman: help is `--help` only.
#[derive(Debug, Args)]
#[command(disable_help_flag = true)]
pub struct PodCreateArgs {
    /// Print help
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,

    /// Assign a name to the pod
    #[arg(short, long, value_name = "NAME")]
    pub name: Option<String>,

    /// Create an infra container that holds the namespaces the pod shares (rpod's own init, no image)
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, require_equals = true, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub infra: bool,

    /// Assign a name to the infra container (default: the pod's short ID followed by -infra)
    #[arg(long, value_name = "NAME")]
    pub infra_name: Option<String>,

    /// Run this image as the infra container (its entrypoint and command, or --infra-command) instead of rpod's own init
    #[arg(long, value_name = "IMAGE")]
    pub infra_image: Option<String>,

    /// The infra container's command (its entrypoint; needs --infra-image)
    #[arg(long, value_name = "COMMAND")]
    pub infra_command: Option<String>,

    /// Write the PID of the infra container's monitor to the file
    #[arg(long, value_name = "FILE")]
    pub infra_conmon_pidfile: Option<PathBuf>,

    /// The kernel namespaces the pod's containers share, comma-separated (cgroup, ipc, net, pid, uts, none; +NS adds to the default ipc,net,uts)
    #[arg(long, value_name = "NAMESPACES")]
    pub share: Option<String>,

    /// Place the cgroups of the pod's containers in the pod's cgroup (default true)
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, require_equals = true, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub share_parent: bool,

    /// Set the pod's hostname (default: the pod's name)
    #[arg(short = 'h', long, value_name = "NAME")]
    pub hostname: Option<String>,

    /// Set metadata on the pod (KEY=VALUE)
    #[arg(short, long, value_name = "LABEL")]
    pub label: Vec<String>,

    /// Read in a line-delimited file of labels
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<PathBuf>,

    /// The pod's network: pasta[:OPTIONS] (the rootless default), none, host, private, bridge or a network name
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Vec<String>,

    /// Publish a port of the pod to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL])
    #[arg(short, long, value_name = "PORT")]
    pub publish: Vec<String>,

    #[command(flatten)]
    pub names: NameFlags,

    #[command(flatten)]
    pub bridge: BridgeFlags,

    /// The pod's PID namespace (with --share pid): private, host
    #[arg(long, value_name = "PID")]
    pub pid: Option<String>,

    /// The pod's UTS namespace: private, host
    #[arg(long, value_name = "UTS")]
    pub uts: Option<String>,

    /// Namespaced kernel parameters of the pod's shared namespaces (net.* with --share net; kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.* with --share ipc)
    #[arg(long, value_name = "KEY=VALUE")]
    pub sysctl: Vec<String>,

    /// Size of the pod's /dev/shm (e.g. 64m), which its containers share with
    /// its IPC namespace (each has its own of that size when --share leaves ipc out)
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,

    /// Add a host device to every container of the pod (HOST[:CONTAINER][:PERMISSIONS])
    #[arg(long, value_name = "DEVICE")]
    pub device: Vec<String>,

    /// Security options of every container of the pod: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]
    #[arg(long, value_name = "OPT")]
    pub security_opt: Vec<String>,

    /// Mount a host path or a volume in every container of the pod: HOST-DIR:CONTAINER-DIR[:OPTIONS], VOLUME:CONTAINER-DIR[:OPTIONS], or CONTAINER-DIR (an anonymous volume the pod's containers share)
    #[arg(short = 'v', long = "volume", value_name = "VOLUME")]
    pub volume: Vec<String>,

    /// Mount the volumes and bind mounts of a container in every container of the pod: CONTAINER[:ro|rw]
    #[arg(long, value_name = "CONTAINER")]
    pub volumes_from: Vec<String>,

    /// The cgroup under which the pod's cgroup is made (absolute: from the cgroup hierarchy's root; relative: from where rpod puts cgroups)
    #[arg(long, value_name = "PATH")]
    pub cgroup_parent: Option<String>,

    /// The limits of the pod's cgroup, which holds its containers' cgroups.
    #[command(flatten)]
    pub resources: LimitFlags,

    /// The user namespace of every container of the pod (its infra container's, which they join): host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the containers' files yours on the host)
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,

    /// The ID maps of the pod's user namespace, which every container of the pod joins.
    #[command(flatten)]
    pub id_maps: IdMapArgs,

    /// Write the pod's ID to the file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Option<PathBuf>,

    /// If a pod with the same name exists, replace it
    #[arg(long)]
    pub replace: bool,

    /// What the pod does when its last container exits (continue)
    #[arg(long, value_name = "POLICY")]
    pub exit_policy: Option<String>,

    /// The pod's name (instead of --name)
    #[arg(value_name = "NAME")]
    pub pod_name: Option<String>,
}

impl PodCreateArgs {
    pub fn to_options(&self) -> anyhow::Result<crate::pod::PodCreateOptions> {
        let name = match (&self.name, &self.pod_name) {
            (Some(_), Some(_)) => anyhow::bail!("cannot specify --name and NAME at the same time"),
            (n, p) => n.clone().or_else(|| p.clone()),
        };
        let mut labels = read_label_files(&self.label_file)?;
        labels.extend(self.label.iter().cloned());
        let mut options = Options::default();
        for s in &self.sysctl {
            let (k, v) = s.split_once('=').ok_or_else(|| anyhow::anyhow!("--sysctl {s}: expected KEY=VALUE"))?;
            options.sysctls.insert(k.to_string(), v.to_string());
        }
        options.shm_size = self.shm_size.as_deref().map(parse_size).transpose()?;
        options.devices = self.device.iter().map(|d| Device::parse(d)).collect::<anyhow::Result<_>>()?;
        for (flag, value, mode) in [("pid", &self.pid, &mut options.pid), ("uts", &self.uts, &mut options.uts)] {
            *mode = match NsMode::parse(flag, value.as_deref().unwrap_or(""))? {
                NsMode::Container(_) => {
                    anyhow::bail!("--{flag} container:...: a pod's namespace is its own or the host's")
                }
                m => m,
            };
        }
        let mut mounts = Vec::new();
        for v in &self.volume {
            mounts.push(crate::volume::mounts::parse_volume(v)?);
        }
        // The monitor writes it, from another working directory.
        let pidfile = self.infra_conmon_pidfile.as_deref().map(std::path::absolute).transpose();
        Ok(crate::pod::PodCreateOptions {
            name,
            infra: self.infra,
            infra_name: self.infra_name.clone(),
            share: self.share.clone(),
            hostname: self.hostname.clone(),
            labels: crate::commands::volume::key_values("--label", &labels)?,
            network: crate::network::Mode::parse_all(&self.network)?,
            publish: self.publish.clone(),
            names: self.names.settings()?,
            bridge: self.bridge.bridge()?,
            replace: self.replace,
            exit_policy: self.exit_policy.clone(),
            infra_image: self.infra_image.clone(),
            infra_command: self.infra_command.clone(),
            infra_conmon_pidfile: pidfile.context("--infra-conmon-pidfile")?,
            cgroup_parent: self.cgroup_parent.clone(),
            resources: ResourceFlags { limits: self.resources.clone(), ..Default::default() }.to_resources()?,
            share_parent: self.share_parent,
            options,
            security_opt: self.security_opt.clone(),
            mounts,
            volumes_from: self.volumes_from.clone(),
            userns: self.userns.clone(),
            id_map_flags: self.id_maps.flags(),
        })
    }
}

pub fn run(ctx: &Context, args: PodCreateArgs) -> anyhow::Result<()> {
    let opts = args.to_options()?;
    let pod = crate::pod::create(ctx, &opts)?;
    if let Some(f) = &args.pod_id_file {
        crate::files::write_atomic(f, pod.id.as_bytes())?;
    }
    print(&format!("{}\n", pod.id))
}
