//! `rpod pod logs`: what the containers of a pod wrote (the infra
//! container's none), through `rpod logs` of those containers.

use clap::Args;

use crate::commands::container::logs::{self, LogsArgs};
use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct PodLogsArgs {
    /// Output the containers with different colors in the log
    #[arg(long)]
    pub color: bool,

    /// Only the logs of this container of the pod (name or ID)
    #[arg(short, long, value_name = "CONTAINER")]
    pub container: Option<String>,

    /// Follow log output
    #[arg(short, long)]
    pub follow: bool,

    /// Act on the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Output the container names instead of the container IDs in the log
    #[arg(short, long)]
    pub names: bool,

    /// Show logs since TIMESTAMP (RFC 3339 or a date, Unix seconds, or a duration like 10m: that long ago)
    #[arg(long, value_name = "TIMESTAMP")]
    pub since: Option<String>,

    /// Output the specified number of lines at the end of the logs (-1: all)
    #[arg(long, value_name = "LINES", default_value_t = -1, allow_negative_numbers = true)]
    pub tail: i64,

    /// Output the timestamps of the log entries
    #[arg(short, long)]
    pub timestamps: bool,

    /// Show logs until TIMESTAMP (RFC 3339 or a date, Unix seconds, or a duration like 10m: that long from now)
    #[arg(long, value_name = "TIMESTAMP")]
    pub until: Option<String>,

    /// The pod (name or ID)
    #[arg(value_name = "POD")]
    pub pod: Option<String>,
}

pub fn run(ctx: &Context, args: PodLogsArgs) -> anyhow::Result<()> {
    let pods = crate::pod::Pods::open(ctx)?;
    let keys = crate::pod::select(&pods, false, args.latest, args.pod.as_slice(), &[])?;
    let pod = pods.find(&keys[0])?;
    let mut containers = ctx.containers()?;
    let members: Vec<_> = pods.members(&mut containers, &pod)?.into_iter().filter(|c| !c.config.infra).collect();
    let chosen: Vec<String> = match &args.container {
        Some(key) => {
            let c = containers.find(key)?;
            if !members.iter().any(|m| m.id == c.id) {
                return Err(Failure::new(
                    ExitCode::Engine,
                    format!("container {key} is not in pod {}: no such container", pod.name),
                )
                .into());
            }
            vec![c.id]
        }
        None => members.iter().map(|c| c.id.clone()).collect(),
    };
    if chosen.is_empty() {
        return Err(
            Failure::new(ExitCode::Engine, format!("pod {} has no containers to read the logs of", pod.name)).into()
        );
    }
    logs::run(
        ctx,
        LogsArgs {
            follow: args.follow,
            since: args.since,
            until: args.until,
            tail: args.tail,
            timestamps: args.timestamps,
            latest: false,
            names: args.names,
            color: args.color,
            containers: chosen,
        },
    )
}
