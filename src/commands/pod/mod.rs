//! `rpod pod VERB`: one file per verb; the library is [`crate::pod`].

pub mod create;
pub mod exists;
pub mod inspect;
pub mod kill;
pub mod logs;
pub mod pause;
pub mod prune;
pub mod ps;
pub mod restart;
pub mod rm;
pub mod start;
pub mod stats;
pub mod stop;
pub mod top;
pub mod unpause;

use std::path::PathBuf;

use clap::Subcommand;

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
    Pause(pause::PodPauseArgs),
    /// Remove all stopped pods and their containers
    Prune(prune::PodPruneArgs),
    /// List pods
    #[command(visible_aliases = ["ls", "list"])]
    Ps(ps::PodPsArgs),
    /// Restart one or more pods
    Restart(restart::PodRestartArgs),
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
    Unpause(unpause::PodUnpauseArgs),
}

pub fn dispatch(ctx: &Context, command: PodCommand) -> anyhow::Result<()> {
    match command {
        PodCommand::Create(args) => create::run(ctx, *args),
        PodCommand::Exists(args) => exists::run(ctx, args),
        PodCommand::Inspect(args) => inspect::run(ctx, args),
        PodCommand::Kill(args) => kill::run(ctx, args),
        PodCommand::Logs(args) => logs::run(ctx, args),
        PodCommand::Pause(args) => pause::run(ctx, args),
        PodCommand::Prune(args) => prune::run(ctx, args),
        PodCommand::Ps(args) => ps::run(ctx, args),
        PodCommand::Restart(args) => restart::run(ctx, args),
        PodCommand::Rm(args) => rm::run(ctx, args),
        PodCommand::Start(args) => start::run(ctx, args),
        PodCommand::Stats(args) => stats::run(ctx, args),
        PodCommand::Stop(args) => stop::run(ctx, args),
        PodCommand::Top(args) => top::run(ctx, args),
        PodCommand::Unpause(args) => unpause::run(ctx, args),
    }
}

/// Which pods a batch verb acts on: `--all`, `--latest`, names or IDs,
/// `--pod-id-file`s.
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
