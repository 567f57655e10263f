//! `rpod pod stats`: resource use of the containers of pods (the
//! container stats, a row per container with its pod, with Podman's
//! `pod stats` field names).

use clap::Args;
use serde_json::json;

use crate::commands::container::stats::{show, View};
use crate::context::Context;
use crate::format;

// Podman's fields (`CPU`, `Mem`, `PIDS`); the container ones work too.
const DEFAULT: &str =
    "table {{.Pod}}\t{{.CID}}\t{{.Name}}\t{{.CPU}}\t{{.MemUsage}}\t{{.Mem}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDS}}";
const HEADERS: format::Headers = &[
    ("Pod", "POD"),
    ("CID", "CID"),
    ("CPU", "CPU %"),
    ("CPUPerc", "CPU %"),
    ("MemUsage", "MEM USAGE/ LIMIT"),
    ("MemUsageBytes", "MEM USAGE/ LIMIT"),
    ("Mem", "MEM %"),
    ("MemPerc", "MEM %"),
    ("NetIO", "NET IO"),
    ("BlockIO", "BLOCK IO"),
    ("PIDS", "PIDS"),
    ("PIDs", "PIDS"),
];

#[derive(Debug, Args)]
pub struct PodStatsArgs {
    /// Show the stats of all pods (default: those with running containers)
    #[arg(short, long)]
    pub all: bool,

    /// Pretty-print the stats as JSON or with a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Act on the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Do not clear the screen between intervals when streaming
    #[arg(long)]
    pub no_reset: bool,

    /// Print the stats once instead of streaming them
    #[arg(long)]
    pub no_stream: bool,

    /// The pods (names or IDs)
    #[arg(value_name = "POD")]
    pub pods: Vec<String>,
}

pub fn run(ctx: &Context, args: PodStatsArgs) -> anyhow::Result<()> {
    let pods = crate::pod::Pods::open(ctx)?;
    let keys = if args.pods.is_empty() && !args.latest {
        pods.list()?.into_iter().map(|p| p.id).collect()
    } else {
        crate::pod::select(&pods, false, args.latest, &args.pods, &[])?
    };
    let chosen = keys.iter().map(|k| pods.find(k)).collect::<anyhow::Result<Vec<_>>>()?;
    let view = View {
        all: false,
        no_stream: args.no_stream,
        no_reset: args.no_reset,
        no_trunc: false,
        interval: 5,
        format: args.format.as_deref(),
        default: DEFAULT,
        headers: HEADERS,
        aliases: &[("CPU", "CPUPerc"), ("Mem", "MemPerc")],
    };
    show(ctx, &view, |containers| {
        let mut out = Vec::new();
        for pod in &chosen {
            for c in pods.members(containers, pod)? {
                let mut extra = serde_json::Map::new();
                extra.insert("Pod".into(), json!(pod.short_id()));
                extra.insert("CID".into(), json!(c.short_id()));
                out.push((c, extra));
            }
        }
        Ok(out)
    })
}
