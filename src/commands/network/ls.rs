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

    /// Do not print headers
    #[arg(long)]
    pub noheading: bool,

    /// Provide filter values (name=, id=, driver=; the same key twice: either)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

/// Podman's network filters that apply to the built-in networks: `name`
/// (a part of the name), `id` (a prefix), `driver` (exact).
fn keep(filters: &[(String, String)], name: &str, id: &str, driver: &str) -> bool {
    let mut keys: Vec<&str> = filters.iter().map(|(k, _)| k.as_str()).collect();
    keys.dedup();
    keys.iter().all(|key| {
        filters.iter().filter(|(k, _)| k == key).any(|(_, v)| match *key {
            "name" => name.contains(v.as_str()),
            "id" => id.starts_with(v.as_str()),
            _ => driver == v,
        })
    })
}

/// (name, driver) of the built-in networks.
pub const NETWORKS: [(&str, &str); 3] = [("host", "host"), ("none", "null"), ("private", "loopback")];

pub fn run(_ctx: &Context, args: NetworkLsArgs) -> anyhow::Result<()> {
    let mut filters = Vec::new();
    for f in &args.filter {
        match f.split_once('=') {
            Some((k, v)) if ["name", "id", "driver"].contains(&k) => filters.push((k.to_string(), v.to_string())),
            _ => anyhow::bail!("invalid filter {f:?}: supported are name=, id= and driver="),
        }
    }
    filters.sort();
    let rows: Vec<serde_json::Value> = NETWORKS
        .iter()
        .filter(|(name, driver)| keep(&filters, name, &network_id(name), driver))
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
    let fmt = format::without_heading(args.format.as_deref().unwrap_or(default), default, args.noheading);
    print(&format::render_list(Some(&fmt), &rows, default, HEADERS)?)
}

/// A stable ID for a built-in network: the SHA-256 of its name.
fn network_id(name: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(format!("rpod-network:{name}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
