//! `rpod secret inspect`: secrets in Podman's JSON shape, a template, or
//! `--pretty` text. Never the data.

use clap::Args;
use serde_json::Value;

use crate::context::{print, Context};
use crate::format;
use crate::secret::Store;

#[derive(Debug, Args)]
pub struct SecretInspectArgs {
    /// Format inspect output using Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Print inspect output in human-readable format (over --format)
    #[arg(long)]
    pub pretty: bool,

    /// The secrets' names or IDs
    #[arg(value_name = "SECRET", required = true)]
    pub names: Vec<String>,
}

pub fn run(ctx: &Context, args: SecretInspectArgs) -> anyhow::Result<()> {
    let store = Store::open(ctx)?;
    let mut found = Vec::new();
    let mut last: Option<anyhow::Error> = None;
    for n in &args.names {
        match store.lookup(n) {
            Ok(s) => found.push(s),
            Err(e) => {
                if let Some(prev) = last.replace(e) {
                    eprintln!("{}", crate::error::render(&prev.context("inspecting secret")));
                }
            }
        }
    }
    let text = if args.pretty {
        found.iter().map(|s| s.pretty()).collect()
    } else {
        let docs: Vec<Value> = found.iter().map(|s| s.inspect_json()).collect();
        match args.format.as_deref() {
            None | Some("") | Some("json") => format::to_json_pretty(&Value::Array(docs)) + "\n",
            Some(f) => docs.iter().map(|d| format::render_one(Some(f), d)).collect::<Result<String, _>>()?,
        }
    };
    print(&text)?;
    match last {
        Some(e) => Err(e.context("inspecting secret")),
        None => Ok(()),
    }
}
