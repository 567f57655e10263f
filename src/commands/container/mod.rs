//! `rpod container VERB`: one file per verb. The top-level shortcuts
//! (`rpod run`, `rpod ps`, ...) hold the same `Args` and reach the same
//! handler through [`dispatch`].

pub mod attach;
pub mod commit;
pub mod cp;
pub mod create;
pub mod diff;
pub mod exec;
pub mod exists;
pub mod export;
pub mod inspect;
pub mod kill;
pub mod list;
pub mod logs;
pub mod pause;
pub mod port;
pub mod prune;
pub mod rename;
pub mod restart;
pub mod rm;
pub mod run;
pub mod start;
pub mod stats;
pub mod stop;
pub mod top;
pub mod unpause;
pub mod update;
pub mod wait;

use clap::Subcommand;

use crate::context::Context;

/// `rpod container ...`
#[derive(Debug, Subcommand)]
pub enum ContainerCommand {
    /// Attach to a running container
    Attach(attach::AttachArgs),
    /// Create new image based on the changed container
    Commit(commit::CommitArgs),
    /// Copy files/folders between a container and the local filesystem
    Cp(cp::CpArgs),
    /// Create but do not start a container
    Create(create::CreateArgs),
    /// Inspect changes to the container's file systems
    Diff(diff::DiffArgs),
    /// Run a process in a running container
    Exec(exec::ExecArgs),
    /// Check if a container exists in local storage
    Exists(exists::ContainerExistsArgs),
    /// Export a container's filesystem contents as a tar archive
    Export(export::ExportArgs),
    /// Display the configuration of a container
    Inspect(inspect::ContainerInspectArgs),
    /// Kill one or more running containers with a specific signal
    Kill(kill::KillArgs),
    /// List containers
    #[command(visible_aliases = ["ls", "ps"])]
    List(list::PsArgs),
    /// Pause all the processes in one or more containers
    Pause(pause::PauseArgs),
    /// List port mappings of a container
    Port(port::PortArgs),
    /// Fetch the logs of a container
    Logs(logs::LogsArgs),
    /// Remove all non running containers
    Prune(prune::ContainerPruneArgs),
    /// Rename an existing container
    Rename(rename::RenameArgs),
    /// Restart one or more containers
    Restart(restart::RestartArgs),
    /// Remove one or more containers
    Rm(rm::RmArgs),
    /// Run a command in a new container
    Run(run::RunArgs),
    /// Start one or more containers
    Start(start::StartArgs),
    /// Display a live stream of container resource usage statistics
    Stats(stats::StatsArgs),
    /// Stop one or more containers
    Stop(stop::StopArgs),
    /// Display the running processes of a container
    Top(top::TopArgs),
    /// Unpause the processes in one or more containers
    Unpause(pause::PauseArgs),
    /// Update the resource limits of containers
    Update(update::UpdateArgs),
    /// Block on one or more containers
    Wait(wait::WaitArgs),
}

pub fn dispatch(ctx: &Context, command: ContainerCommand) -> anyhow::Result<()> {
    use ContainerCommand as C;
    match command {
        C::Attach(args) => attach::run(ctx, args),
        C::Commit(args) => commit::run(ctx, args),
        C::Cp(args) => cp::run(ctx, args),
        C::Create(args) => create::run(ctx, args),
        C::Diff(args) => diff::run(ctx, args),
        C::Exec(args) => exec::run(ctx, args),
        C::Exists(args) => exists::run(ctx, args),
        C::Export(args) => export::run(ctx, args),
        C::Inspect(args) => inspect::run(ctx, args),
        C::Kill(args) => kill::run(ctx, args),
        C::List(args) => list::run(ctx, args),
        C::Pause(args) => pause::run(ctx, args),
        C::Port(args) => port::run(ctx, args),
        C::Logs(args) => logs::run(ctx, args),
        C::Prune(args) => prune::run(ctx, args),
        C::Rename(args) => rename::run(ctx, args),
        C::Restart(args) => restart::run(ctx, args),
        C::Rm(args) => rm::run(ctx, args),
        C::Run(args) => run::run(ctx, args),
        C::Start(args) => start::run(ctx, args),
        C::Stats(args) => stats::run(ctx, args),
        C::Stop(args) => stop::run(ctx, args),
        C::Top(args) => top::run(ctx, args),
        C::Unpause(args) => unpause::run(ctx, args),
        C::Update(args) => update::run(ctx, args),
        C::Wait(args) => wait::run(ctx, args),
    }
}
