//! `rpod network create [NAME]`: a new bridge network (netavark's JSON in
//! the network config directory); prints its name.

use std::net::IpAddr;

use clap::Args;

use crate::context::{print, Context};
use crate::network::manage::{self, CreateRequest};

#[derive(Debug, Args)]
pub struct NetworkCreateArgs {
    /// Driver to manage the network (bridge)
    #[arg(short, long, value_name = "DRIVER", default_value = "bridge")]
    pub driver: String,

    /// Subnets in CIDR format (default: the first free /24 from 10.89.0.0 up)
    #[arg(long, value_name = "SUBNET")]
    pub subnet: Vec<String>,

    /// IPv4 or IPv6 gateway for the subnet (one per --subnet, in order)
    #[arg(long, value_name = "GATEWAY", value_delimiter = ',')]
    pub gateway: Vec<IpAddr>,

    /// Allocate container IPs from this range (CIDR or START-END, one per --subnet)
    #[arg(long, value_name = "RANGE")]
    pub ip_range: Vec<String>,

    /// IP Address Management driver (host-local)
    #[arg(long, value_name = "DRIVER")]
    pub ipam_driver: Option<String>,

    /// Enable IPv6 networking (adds a unique-local /64 when no IPv6 subnet is given)
    #[arg(long)]
    pub ipv6: bool,

    /// Restrict external access from this network
    #[arg(long)]
    pub internal: bool,

    /// Disable the DNS server (aardvark-dns) of the network
    #[arg(long)]
    pub disable_dns: bool,

    /// DNS servers aardvark-dns asks for the names it does not know
    #[arg(long, value_name = "IP", value_delimiter = ',')]
    pub dns: Vec<IpAddr>,

    /// Name of the bridge interface (default: podmanN, the first free)
    #[arg(long, value_name = "NAME")]
    pub interface_name: Option<String>,

    /// Set metadata on a network (KEY=VALUE)
    #[arg(long, value_name = "LABEL")]
    pub label: Vec<String>,

    /// Set driver specific options: mtu=, metric=, isolate=, com.docker.network.bridge.name=
    #[arg(short, long, value_name = "OPTION")]
    pub opt: Vec<String>,

    /// Do not fail when the network exists (print its name)
    #[arg(long)]
    pub ignore: bool,

    /// The network's name (default: podmanN, the first free)
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

pub fn run(ctx: &Context, args: NetworkCreateArgs) -> anyhow::Result<()> {
    let name = match args.name {
        Some(n) => n,
        None => {
            let all = ctx.networks()?;
            (1..).map(|i| format!("podman{i}")).find(|n| !all.iter().any(|x| x.name == *n)).expect("unbounded")
        }
    };
    let req = CreateRequest {
        name,
        driver: args.driver,
        subnets: args.subnet,
        gateways: args.gateway,
        ip_ranges: args.ip_range,
        ipv6: args.ipv6,
        internal: args.internal,
        disable_dns: args.disable_dns,
        dns: args.dns,
        labels: crate::commands::volume::key_values("--label", &args.label)?,
        options: crate::commands::volume::key_values("--opt", &args.opt)?,
        ipam_driver: args.ipam_driver,
        interface_name: args.interface_name,
    };
    let dir = ctx.network_dir()?;
    let net = manage::create(&dir, ctx.config()?.containers.default_subnet(), &req, args.ignore)?;
    print(&format!("{}\n", net.name))
}
