//! `rpod network ls`: the networks a container can join with `--network`.
//! Until rootless networking lands these are the built-in ones: `private`
//! (the default: a network namespace of its own with loopback), `host`
//! (the host's network namespace) and `none` (loopback only, never
//! connected).

use clap::Args;
use serde_json::json;

use crate::context::{print, Context};
use crate::format;

const HEADERS: format::Headers = &[("ID", "NETWORK ID")];

#[derive(Debug, Args)]
pub struct NetworkLsArgs {
    /// Pretty-print networks to JSON or using a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Display only network IDs
    #[arg(short, long)]
    pub quiet: bool,

    /// Do not truncate the network IDs
    #[arg(long)]
    pub no_trunc: bool,
}

/// (name, driver) of the built-in networks.
pub const NETWORKS: [(&str, &str); 3] = [("host", "host"), ("none", "null"), ("private", "loopback")];

pub fn run(_ctx: &Context, args: NetworkLsArgs) -> anyhow::Result<()> {
    let rows: Vec<serde_json::Value> = NETWORKS
        .iter()
        .map(|(name, driver)| {
            let full = network_id(name);
            let id = if args.no_trunc { full } else { full[..12].to_string() };
            json!({"ID": id, "Name": name, "Driver": driver, "Scope": "local", "Internal": *name != "host"})
        })
        .collect();
    if args.quiet {
        let mut out = String::new();
        for r in &rows {
            out.push_str(r["ID"].as_str().unwrap_or_default());
            out.push('\n');
        }
        return print(&out);
    }
    let default = "table {{.ID}}\t{{.Name}}\t{{.Driver}}";
    print(&format::render_list(args.format.as_deref(), &rows, default, HEADERS)?)
}

/// A stable ID for a built-in network: the SHA-256 of its name.
fn network_id(name: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(format!("rpod-network:{name}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
