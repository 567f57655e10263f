//! `rpod network inspect NETWORK...`: the definitions in Podman's JSON
//! shape, or through a Go template.

use clap::Args;

use crate::context::{print, Context};
use crate::format;

#[derive(Debug, Args)]
pub struct NetworkInspectArgs {
    /// Networks to inspect, by name or ID
    #[arg(value_name = "NETWORK", required = true)]
    pub networks: Vec<String>,

    /// Pretty-print network to JSON or using a Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

pub fn run(ctx: &Context, args: NetworkInspectArgs) -> anyhow::Result<()> {
    let all = ctx.networks()?;
    let mut found = Vec::new();
    let mut error = None;
    for key in &args.networks {
        match crate::network::config::find(&all, key) {
            Ok(n) => found.push(n),
            Err(e) => {
                if let Some(prev) = error.replace(e) {
                    eprintln!("Error: {prev:#}");
                }
            }
        }
    }
    let docs = serde_json::to_value(&found)?;
    match args.format.as_deref().filter(|f| !f.trim().is_empty() && !format::is_json(f)) {
        // Podman indents network inspect by five spaces.
        None => print(&(format::to_json_indent(&docs, 5) + "\n"))?,
        Some(f) => {
            let rows: Vec<serde_json::Value> =
                found.iter().map(|n| crate::network::filter::template_row(n, true)).collect();
            let mut out = String::new();
            for r in &rows {
                out.push_str(&format::render_one(Some(f), r)?);
            }
            print(&out)?
        }
    }
    match error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
