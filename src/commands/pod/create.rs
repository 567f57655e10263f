//! `rpod pod create`: a new pod and its infra container; prints the pod's ID.

use std::path::PathBuf;

use clap::Args;

use crate::commands::container::create::{BridgeFlags, NameFlags};
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

    /// The kernel namespaces the pod's containers share, comma-separated (cgroup, ipc, net, pid, uts, none; +NS adds to the default ipc,net,uts)
    #[arg(long, value_name = "NAMESPACES")]
    pub share: Option<String>,

    /// Set the pod's hostname (default: the pod's name)
    #[arg(short = 'h', long, value_name = "NAME")]
    pub hostname: Option<String>,

    /// Set metadata on the pod (KEY=VALUE)
    #[arg(short, long, value_name = "LABEL")]
    pub label: Vec<String>,

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

    /// Write the pod's ID to the file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Option<PathBuf>,

    /// If a pod with the same name exists, replace it
    #[arg(long)]
    pub replace: bool,

    /// What the pod does when its last container exits (continue)
    #[arg(long, value_name = "POLICY")]
    pub exit_policy: Option<String>,
}

impl PodCreateArgs {
    pub fn to_options(&self) -> anyhow::Result<crate::pod::PodCreateOptions> {
        Ok(crate::pod::PodCreateOptions {
            name: self.name.clone(),
            infra: self.infra,
            infra_name: self.infra_name.clone(),
            share: self.share.clone(),
            hostname: self.hostname.clone(),
            labels: crate::commands::volume::key_values("--label", &self.label)?,
            network: crate::network::Mode::parse_all(&self.network)?,
            publish: self.publish.clone(),
            names: self.names.settings()?,
            bridge: self.bridge.bridge()?,
            replace: self.replace,
            exit_policy: self.exit_policy.clone(),
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
