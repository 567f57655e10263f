//! `rpod pod top`: the processes of the running containers of a pod, with
//! ps-style columns (see [`crate::container::top`]).

use clap::Args;

use crate::container::top;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct PodTopArgs {
    /// Act on the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The pod (name or ID; not with --latest), then format descriptors (Podman's: user pid ppid pcpu ...) or ps(1) options
    #[arg(value_name = "POD", value_names = ["POD", "DESCRIPTORS"], allow_hyphen_values = true, trailing_var_arg = true)]
    pub pod_and_descriptors: Vec<String>,
}

pub fn run(ctx: &Context, args: PodTopArgs) -> anyhow::Result<()> {
    let (key, descriptors) = match args.pod_and_descriptors.split_first() {
        Some((first, rest)) if !args.latest => (vec![first.clone()], rest),
        _ => (Vec::new(), args.pod_and_descriptors.as_slice()),
    };
    let descriptors = top::descriptors(descriptors)?;
    let pods = crate::pod::Pods::open(ctx)?;
    let keys = crate::pod::select(&pods, false, args.latest, &key, &[])?;
    let pod = pods.find(&keys[0])?;
    let mut containers = ctx.containers()?;
    let live: Vec<_> = pods.members(&mut containers, &pod)?.into_iter().filter(|c| c.state.status.is_live()).collect();
    if live.is_empty() {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("pod top can only be used on pods with at least one running container: {} has none", pod.name),
        )
        .into());
    }
    // Containers sharing the pod's PID namespace list the same processes once.
    let mut rows: Vec<Vec<String>> = Vec::new();
    for c in &live {
        for (i, r) in top::table(c.state.pid, &descriptors)?.into_iter().enumerate() {
            if (i == 0 && !rows.is_empty()) || (i > 0 && rows.contains(&r)) {
                continue;
            }
            rows.push(r);
        }
    }
    print(&top::render(&rows))
}
