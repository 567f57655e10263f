//! `rpod volume inspect`: volumes in Podman's JSON shape.

use clap::Args;
use serde_json::Value;

use crate::context::{print, Context};
use crate::format;

#[derive(Debug, Args)]
pub struct VolumeInspectArgs {
    /// Inspect all volumes
    #[arg(short, long)]
    pub all: bool,

    /// Format volume output using JSON or a Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// The volumes' names
    #[arg(value_name = "VOLUME", required_unless_present = "all")]
    pub names: Vec<String>,
}

pub fn run(ctx: &Context, args: VolumeInspectArgs) -> anyhow::Result<()> {
    let names: Vec<String> =
        if args.all { crate::volume::list(ctx)?.into_iter().map(|v| v.name).collect() } else { args.names.clone() };
    let mut docs = Vec::new();
    let mut last = None;
    for n in &names {
        let found = crate::volume::lookup(ctx, n).map_err(|e| match crate::error::cause_of(&e) {
            crate::error::Cause::NoSuchObject => crate::error::Failure::no_such(format!("no such volume {n}")).into(),
            _ => e,
        });
        match found.and_then(|v| crate::volume::inspect_json(ctx, &v)) {
            Ok(d) => docs.push(d),
            Err(e) => {
                if let Some(prev) = last.replace(e) {
                    eprintln!("{}", crate::error::render(&prev));
                }
            }
        }
    }
    let text = match args.format.as_deref() {
        None | Some("") | Some("json") => format::to_json_indent(&Value::Array(docs), 5) + "\n",
        Some(f) => {
            let mut out = String::new();
            for d in &docs {
                out.push_str(&format::render_one(Some(f), d)?);
            }
            out
        }
    };
    print(&text)?;
    match last {
        Some(e) => Err(e.context("inspecting object")),
        None => Ok(()),
    }
}
