//! `rpod image inspect IMAGE...`: the ImageInspect document of each image
//! (Docker's and Podman's shape), as a JSON array or through a template.
//! The top-level `rpod inspect` (src/commands/inspect.rs) shares this.

use std::collections::HashMap;

use clap::Args;
use serde_json::Value;

use rpod_storage::StorageError;

use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::format;
use crate::image::inspect::{self, GraphDriver};
use crate::image::lookup;

#[derive(Debug, Args)]
pub struct ImageInspectArgs {
    /// Images to inspect, by name or ID
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<String>,

    /// Format the output using the given Go template, or 'json' (the default)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

pub fn run(ctx: &Context, args: ImageInspectArgs) -> anyhow::Result<()> {
    inspect_images(ctx, &args.images, args.format.as_deref(), |name, e| match e {
        StorageError::ImageUnknown(_) => Failure::new(ExitCode::Engine, format!("{name}: image not known")).into(),
        e => anyhow::Error::from(e).context(format!("inspecting {name}")),
    })
}

/// Inspect `names`; print the documents of those found (a JSON array, `[]`
/// when none is, or the template once per image), then fail with the
/// first lookup error (`missing` turns it into the command's message),
/// printing the others before it like Podman.
pub fn inspect_images(
    ctx: &Context,
    names: &[String],
    format: Option<&str>,
    missing: impl Fn(&str, StorageError) -> anyhow::Error,
) -> anyhow::Result<()> {
    let driver = crate::driver::graph_driver(ctx)?;
    let search = ctx.config()?.registries.search_registries().to_vec();
    let store = ctx.store()?;
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let mut layer_dirs: HashMap<String, String> = HashMap::new();
    for name in names {
        match lookup::find(store, &search, name) {
            Ok(found) => {
                let rec = found.image;
                let lower_dirs = rec
                    .layers
                    .iter()
                    .rev()
                    .map(|l| {
                        layer_dirs
                            .entry(l.clone())
                            .or_insert_with(|| store.layer_diff_path(l).display().to_string())
                            .clone()
                    })
                    .collect();
                docs.push(inspect::inspect(&rec, &GraphDriver { name: driver.name().to_string(), lower_dirs }));
            }
            Err(e) => errors.push(missing(name, e)),
        }
    }
    let text = match format.map(str::trim) {
        None | Some("") | Some("json") | Some("{{json .}}") => format::to_json_pretty(&Value::Array(docs)) + "\n",
        Some(_) => {
            let mut out = String::new();
            for doc in &docs {
                out.push_str(&format::render_one(format, &inspect::for_template(doc))?);
            }
            out
        }
    };
    print(&text)?;
    let mut errors = errors.into_iter();
    match errors.next() {
        None => Ok(()),
        Some(first) => {
            for e in errors {
                eprintln!("error inspecting object: {}", crate::error::render(&e).trim_start_matches("Error: "));
            }
            Err(first)
        }
    }
}
