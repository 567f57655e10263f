//! `rpod network connect NETWORK CONTAINER`: a container joins one more
//! network (at once when it runs).

use std::net::IpAddr;

use clap::Args;

use crate::context::Context;
use crate::network::bridge::NetSettings;

#[derive(Debug, Args)]
pub struct NetworkConnectArgs {
    /// Network scoped alias for the container (its name on networks with DNS)
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub alias: Vec<String>,

    /// A static IPv4 address for the container on this network
    #[arg(long, value_name = "IP")]
    pub ip: Option<IpAddr>,

    /// A static IPv6 address for the container on this network
    #[arg(long, value_name = "IP")]
    pub ip6: Option<IpAddr>,

    /// A static MAC address for the container on this network
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,

    /// The network, by name or ID
    #[arg(value_name = "NETWORK")]
    pub network: String,

    /// The container, by name or ID
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn run(ctx: &Context, args: NetworkConnectArgs) -> anyhow::Result<()> {
    let s = NetSettings { ip: args.ip, ip6: args.ip6, mac_address: args.mac_address, aliases: args.alias };
    crate::network::manage::connect(ctx, &args.network, &args.container, s)
}
