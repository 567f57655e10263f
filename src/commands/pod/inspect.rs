//! `rpod pod inspect`: Podman's JSON of pods (one object for one pod, a
//! list for several, as Podman 4.3), or a Go template per pod.

use clap::Args;
use serde_json::Value;

use crate::context::{print, Context};
use crate::format;

#[derive(Debug, Args)]
pub struct PodInspectArgs {
    /// Format the output as JSON or with a Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Inspect the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The pods (names or IDs)
    #[arg(value_name = "POD")]
    pub pods: Vec<String>,
}

pub fn run(ctx: &Context, args: PodInspectArgs) -> anyhow::Result<()> {
    let pods = crate::pod::Pods::open(ctx)?;
    let keys = crate::pod::select(&pods, false, args.latest, &args.pods, &[])?;
    let mut containers = ctx.containers()?;
    let mut docs = Vec::new();
    let mut missing = None;
    for k in &keys {
        match pods.find(k) {
            Ok(pod) => {
                let members = pods.members(&mut containers, &pod)?;
                let dir = pod.config.cgroup.as_ref().and_then(|c| crate::pod::cgroup_path(c, ctx.rootless()));
                docs.push(crate::pod::view::inspect(&pod, &members, dir.as_deref()));
            }
            Err(e) => missing = Some(e),
        }
    }
    let out = match args.format.as_deref() {
        Some(f) if !f.trim().is_empty() && !format::is_json(f) => {
            let mut text = String::new();
            for d in &docs {
                text.push_str(&format::render_one(Some(f), &crate::pod::view::with_every_field(d.clone()))?);
            }
            text
        }
        _ if docs.len() == 1 && keys.len() == 1 => format::to_json_indent(&docs[0], 5) + "\n",
        _ => format::to_json_indent(&Value::Array(docs), 5) + "\n",
    };
    print(&out)?;
    match missing {
        Some(e) => Err(e.context("inspecting object")),
        None => Ok(()),
    }
}
