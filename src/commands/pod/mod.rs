//! `rpod pod VERB`: one file per verb; the library is [`crate::pod`].

pub mod create;
pub mod exists;
pub mod inspect;
pub mod kill;
pub mod logs;
pub mod prune;
pub mod ps;
pub mod rm;
pub mod start;
pub mod stats;
pub mod stop;
pub mod top;

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::context::{print, Context};
use crate::pod::{Pod, Pods};

/// `rpod pod ...`
#[derive(Debug, Subcommand)]
pub enum PodCommand {
    /// Create a new empty pod
    Create(Box<create::PodCreateArgs>),
    /// Check if a pod exists (exit 0 if it does, 1 if not)
    Exists(exists::PodExistsArgs),
    /// Display detailed information on one or more pods
    Inspect(inspect::PodInspectArgs),
    /// Send a signal to the containers of one or more pods
    Kill(kill::PodKillArgs),
    /// Fetch the logs of the containers of a pod
    Logs(logs::PodLogsArgs),
    /// Pause the containers of one or more pods
    Pause(PodSelection),
    /// Remove all stopped pods and their containers
    Prune(prune::PodPruneArgs),
    /// List pods
    #[command(visible_aliases = ["ls", "list"])]
    Ps(ps::PodPsArgs),
    /// Restart one or more pods
    Restart(PodSelection),
    /// Remove one or more stopped pods and their containers
    Rm(rm::PodRmArgs),
    /// Start one or more pods
    Start(start::PodStartArgs),
    /// Display the resource usage of the containers of pods
    Stats(stats::PodStatsArgs),
    /// Stop one or more pods
    Stop(stop::PodStopArgs),
    /// Display the running processes of the containers of a pod
    Top(top::PodTopArgs),
    /// Unpause the containers of one or more pods
    Unpause(PodSelection),
}

pub fn dispatch(ctx: &Context, command: PodCommand) -> anyhow::Result<()> {
    match command {
        PodCommand::Create(args) => create::run(ctx, *args),
        PodCommand::Exists(args) => exists::run(ctx, args),
        PodCommand::Inspect(args) => inspect::run(ctx, args),
        PodCommand::Kill(args) => kill::run(ctx, args),
        PodCommand::Logs(args) => logs::run(ctx, args),
        PodCommand::Pause(sel) => each(ctx, sel.targets(), |pods, pod| crate::pod::ops::pause(ctx, pods, pod, true)),
        PodCommand::Prune(args) => prune::run(ctx, args),
        PodCommand::Ps(args) => ps::run(ctx, args),
        PodCommand::Restart(sel) => each(ctx, sel.targets(), |pods, pod| crate::pod::ops::restart(ctx, pods, pod)),
        PodCommand::Rm(args) => rm::run(ctx, args),
        PodCommand::Start(args) => start::run(ctx, args),
        PodCommand::Stats(args) => stats::run(ctx, args),
        PodCommand::Stop(args) => stop::run(ctx, args),
        PodCommand::Top(args) => top::run(ctx, args),
        PodCommand::Unpause(sel) => each(ctx, sel.targets(), |pods, pod| crate::pod::ops::pause(ctx, pods, pod, false)),
    }
}

/// Which pods a batch verb (`start`, `stop`, `restart`, `kill`, `pause`,
/// `unpause`, `rm`) acts on: `--all`, `--latest`, names or IDs.
#[derive(Debug, Args)]
pub struct PodSelection {
    /// Act on all pods
    #[arg(short, long)]
    pub all: bool,

    /// Act on the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The pods (names or IDs)
    #[arg(value_name = "POD")]
    pub pods: Vec<String>,
}

impl PodSelection {
    /// The pods named here only (no `--pod-id-file`, no `--ignore`).
    pub(crate) fn targets(&self) -> Targets<'_> {
        Targets { all: self.all, latest: self.latest, ignore: false, pods: &self.pods, id_files: &[] }
    }
}

/// `pod rm` and `pod stop`: pods also named by files, missing ones
/// ignored, the stop timeout.
#[derive(Debug, Args)]
pub struct StopFlags {
    /// Ignore errors when a specified pod is missing
    #[arg(short, long)]
    pub ignore: bool,

    /// Read the pod ID from the file (repeatable)
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,

    /// Seconds to wait for the stop signal before killing running containers (default: each container's stop timeout; rm needs --force)
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,
}

impl StopFlags {
    /// The pods `sel` and the files name; `ignore` also when forced.
    pub(crate) fn targets<'a>(&'a self, sel: &'a PodSelection, ignore: bool) -> Targets<'a> {
        Targets { ignore: self.ignore || ignore, id_files: &self.pod_id_file, ..sel.targets() }
    }

    pub(crate) fn timeout(&self) -> Option<std::time::Duration> {
        self.time.map(std::time::Duration::from_secs)
    }
}

/// Which pods a batch verb acts on, resolved by [`each`].
pub(crate) struct Targets<'a> {
    pub all: bool,
    pub latest: bool,
    pub ignore: bool,
    pub pods: &'a [String],
    pub id_files: &'a [PathBuf],
}

/// Runs `f` on each pod `t` names and prints its ID, Podman's way (every
/// failure printed, exit 1 when one was missing, 2 when one was in the
/// wrong state).
pub(crate) fn each(
    ctx: &Context,
    t: Targets,
    mut f: impl FnMut(&mut Pods, &Pod) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut pods = Pods::open(ctx)?;
    // A missing --pod-id-file with --ignore is skipped.
    let files: Vec<PathBuf> = t.id_files.iter().filter(|f| !t.ignore || f.exists()).cloned().collect();
    let keys = crate::pod::select(&pods, t.all, t.latest, t.pods, &files)?;
    crate::commands::select::each(&keys, t.ignore, |key| {
        let pod = pods.find(key)?;
        f(&mut pods, &pod)?;
        print(&format!("{}\n", pod.id))
    })
}
