//! `rpod network ls`: the networks, as Podman lists them (`NETWORK ID
//! NAME DRIVER`, `-q` names, `--format json` the definitions).

use clap::Args;

use crate::context::{print, Context};
use crate::format;
use crate::network::config::Network;

const HEADERS: format::Headers =
    &[("ID", "NETWORK ID"), ("IPv6Enabled", "IPV6 ENABLED"), ("DNSEnabled", "DNS ENABLED")];

#[derive(Debug, Args)]
pub struct NetworkLsArgs {
    /// Pretty-print networks to JSON or using a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Display only network names
    #[arg(short, long)]
    pub quiet: bool,

    /// Do not truncate the network IDs
    #[arg(long)]
    pub no_trunc: bool,

    /// Do not print headers
    #[arg(long)]
    pub noheading: bool,

    /// Provide filter values (name=, id=, driver=, label=, label!=, dangling=, until=; the same key twice: either)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

pub fn run(ctx: &Context, args: NetworkLsArgs) -> anyhow::Result<()> {
    let filters = crate::network::filter::Filters::parse(&args.filter)?;
    let used = if filters.needs_users() { crate::network::filter::networks_in_use(ctx)? } else { Vec::new() };
    let nets: Vec<Network> =
        ctx.networks()?.into_iter().filter(|n| filters.keep(n, &used, crate::container::record::now_ns())).collect();
    if args.quiet {
        return print(&nets.iter().map(|n| format!("{}\n", n.name)).collect::<String>());
    }
    if args.format.as_deref().is_some_and(format::is_json) {
        let v = serde_json::to_value(&nets)?;
        return print(&(format::to_json_indent(&v, 2) + "\n"));
    }
    let rows: Vec<serde_json::Value> =
        nets.iter().map(|n| crate::network::filter::template_row(n, args.no_trunc)).collect();
    let default = "table {{.ID}}\t{{.Name}}\t{{.Driver}}";
    let fmt = format::without_heading(args.format.as_deref().unwrap_or(default), default, args.noheading);
    print(&format::render_list(Some(&fmt), &rows, default, HEADERS)?)
}
