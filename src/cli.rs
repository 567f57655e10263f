//! The command tree: every command and flag is defined once, here and in
//! the `Args` structs of `src/commands/*.rs`. The man pages and the shell
//! completions are generated from this definition (see [`crate::generate`]).
//!
//! A management command (`system info`) and its top-level shortcut (`info`)
//! hold the same `Args` type and reach the same handler.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::commands::{
    attach, completion, container_exists, container_inspect, container_prune, create, exec, history, image_inspect, image_prune,
    images, import, info, inspect, kill, load, login, logout, logs, monitor, network_ls, oci, pause, port, ps, pull, push, rename, restart, rm, rmi, run,
    save, search, start, stats, stop, tag, top, unshare, update, untag, version, wait,
};
use crate::logging::LogLevel;

/// What `--version` prints after the program name.
pub const VERSION: &str = concat!("version ", env!("CARGO_PKG_VERSION"));

#[derive(Debug, Parser)]
#[command(
    name = "rpod",
    version = VERSION,
    about = "Manage pods, containers and images, daemonless and rootless",
    long_about = "rpod is a daemonless, rootless container engine. It pulls images from OCI registries into \
                  per-user storage and runs containers, like Docker and Podman (`alias docker=rpod`).",
    subcommand_required = true,
    arg_required_else_help = true,
    disable_help_subcommand = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Path to the root directory in which data, including images, is stored
    #[arg(long, global = true, value_name = "PATH")]
    pub root: Option<PathBuf>,

    /// Path to the 'run directory' where all state information is stored
    #[arg(long, global = true, value_name = "PATH")]
    pub runroot: Option<PathBuf>,

    /// Select which storage driver is used to manage storage of images and containers
    #[arg(long, global = true, value_name = "DRIVER")]
    pub storage_driver: Option<String>,

    /// Log messages above specified level
    #[arg(long, global = true, value_name = "LEVEL", value_enum, default_value = "warn")]
    pub log_level: LogLevel,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Attach to a running container
    Attach(attach::AttachArgs),
    /// Generate shell completion scripts
    Completion(completion::CompletionArgs),
    /// Manage containers
    #[command(subcommand)]
    Container(ContainerCommand),
    /// Create but do not start a container
    Create(create::CreateArgs),
    /// Run a process in a running container
    Exec(exec::ExecArgs),
    /// Show history of a specified image
    History(history::HistoryArgs),
    /// Manage images
    #[command(subcommand)]
    Image(ImageCommand),
    /// List images in local storage
    Images(images::ImagesArgs),
    /// Import a tarball to create a filesystem image
    Import(import::ImportArgs),
    /// Display rpod related system information
    Info(info::InfoArgs),
    /// Display the configuration of object denoted by ID
    Inspect(inspect::InspectArgs),
    /// Kill one or more running containers with a specific signal
    Kill(kill::KillArgs),
    /// Load image(s) from a tar archive
    Load(load::LoadArgs),
    /// Log in to a container registry
    Login(login::LoginArgs),
    /// Log out of a container registry
    Logout(logout::LogoutArgs),
    /// Fetch the logs of a container
    Logs(logs::LogsArgs),
    /// The monitor of one container (started by rpod itself)
    #[command(name = "__monitor", hide = true)]
    Monitor(monitor::MonitorArgs),
    /// Manage networks
    #[command(subcommand)]
    Network(NetworkCommand),
    /// The OCI runtime command line (runc's) over rpod's built-in runtime
    #[command(hide = true)]
    Oci(oci::OciArgs),
    /// Pause all the processes in one or more containers
    Pause(pause::PauseArgs),
    /// List port mappings of a container
    Port(port::PortArgs),
    /// List containers
    Ps(ps::PsArgs),
    /// Pull an image from a registry
    Pull(pull::PullArgs),
    /// Push an image to a specified destination
    Push(push::PushArgs),
    /// Rename an existing container
    Rename(rename::RenameArgs),
    /// Restart one or more containers
    Restart(restart::RestartArgs),
    /// Remove one or more containers
    Rm(rm::RmArgs),
    /// Removes one or more images from local storage
    Rmi(rmi::RmiArgs),
    /// Run a command in a new container
    Run(run::RunArgs),
    /// Save image(s) to an archive
    Save(save::SaveArgs),
    /// Search registries for images
    Search(search::SearchArgs),
    /// Start one or more containers
    Start(start::StartArgs),
    /// Display a live stream of container resource usage statistics
    Stats(stats::StatsArgs),
    /// Stop one or more containers
    Stop(stop::StopArgs),
    /// Manage rpod
    #[command(subcommand)]
    System(SystemCommand),
    /// Add an additional name to a local image
    Tag(tag::TagArgs),
    /// Display the running processes of a container
    Top(top::TopArgs),
    /// Unpause the processes in one or more containers
    Unpause(pause::PauseArgs),
    /// Run a command in a modified user namespace
    Unshare(unshare::UnshareArgs),
    /// Remove a name from a local image
    Untag(untag::UntagArgs),
    /// Update the resource limits of containers
    Update(update::UpdateArgs),
    /// Display the rpod version information
    Version(version::VersionArgs),
    /// Block on one or more containers
    Wait(wait::WaitArgs),
}

/// `rpod container ...`
#[derive(Debug, Subcommand)]
pub enum ContainerCommand {
    /// Attach to a running container
    Attach(attach::AttachArgs),
    /// Create but do not start a container
    Create(create::CreateArgs),
    /// Run a process in a running container
    Exec(exec::ExecArgs),
    /// Check if a container exists in local storage
    Exists(container_exists::ContainerExistsArgs),
    /// Display the configuration of a container
    Inspect(container_inspect::ContainerInspectArgs),
    /// Kill one or more running containers with a specific signal
    Kill(kill::KillArgs),
    /// List containers
    #[command(visible_aliases = ["ls", "ps"])]
    List(ps::PsArgs),
    /// Pause all the processes in one or more containers
    Pause(pause::PauseArgs),
    /// List port mappings of a container
    Port(port::PortArgs),
    /// Fetch the logs of a container
    Logs(logs::LogsArgs),
    /// Remove all non running containers
    Prune(container_prune::ContainerPruneArgs),
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

/// `rpod image ...`
#[derive(Debug, Subcommand)]
pub enum ImageCommand {
    /// Show history of a specified image
    History(history::HistoryArgs),
    /// Import a tarball to create a filesystem image
    Import(import::ImportArgs),
    /// Display the configuration of an image
    Inspect(image_inspect::ImageInspectArgs),
    /// List images in local storage
    #[command(visible_alias = "ls")]
    List(images::ImagesArgs),
    /// Load image(s) from a tar archive
    Load(load::LoadArgs),
    /// Remove unused images
    Prune(image_prune::ImagePruneArgs),
    /// Pull an image from a registry
    Pull(pull::PullArgs),
    /// Push an image to a specified destination
    Push(push::PushArgs),
    /// Removes one or more images from local storage
    Rm(rmi::RmiArgs),
    /// Save image(s) to an archive
    Save(save::SaveArgs),
    /// Search registries for images
    Search(search::SearchArgs),
    /// Add an additional name to a local image
    Tag(tag::TagArgs),
    /// Remove a name from a local image
    Untag(untag::UntagArgs),
}

/// `rpod network ...`
#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// List networks
    #[command(visible_alias = "list")]
    Ls(network_ls::NetworkLsArgs),
}

/// `rpod system ...`
#[derive(Debug, Subcommand)]
pub enum SystemCommand {
    /// Display rpod related system information
    Info(info::InfoArgs),
}

/// The clap definition of the whole tree.
pub fn command() -> clap::Command {
    Cli::command()
}

/// The command path a usage error belongs to (`rpod system info`), for the
/// `See 'rpod system info --help'.` hint. Flags and their values are
/// skipped; the walk stops at the first word that is not a subcommand.
pub fn command_path(args: &[String]) -> String {
    let root = command();
    let mut cmd = &root;
    let mut path = vec![root.get_name().to_string()];
    let takes_value = |c: &clap::Command, flag: &str| {
        let name = flag.trim_start_matches('-');
        c.get_arguments().any(|a| {
            a.get_action().takes_values()
                && (a.get_long() == Some(name) || (flag.len() == 2 && a.get_short() == name.chars().next()))
        })
    };
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if arg.starts_with('-') {
            if !arg.contains('=') && (takes_value(cmd, arg) || takes_value(&root, arg)) {
                iter.next();
            }
            continue;
        }
        match cmd.find_subcommand(arg) {
            Some(sub) => {
                path.push(sub.get_name().to_string());
                cmd = sub;
            }
            None => break,
        }
    }
    path.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn definition_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn usage_hint_paths() {
        assert_eq!(command_path(&args("rpod --root /x system info --bogus")), "rpod system info");
        assert_eq!(command_path(&args("rpod info extra")), "rpod info");
        assert_eq!(command_path(&args("rpod --log-level debug nosuch")), "rpod");
        assert_eq!(command_path(&args("rpod --root=/x version")), "rpod version");
    }

    #[test]
    fn shortcut_and_long_form_parse_to_the_same_args() {
        let a = Cli::try_parse_from(["rpod", "info", "--format", "json"]).unwrap();
        let b = Cli::try_parse_from(["rpod", "system", "info", "--format", "json"]).unwrap();
        match (a.command, b.command) {
            (Command::Info(x), Command::System(SystemCommand::Info(y))) => assert_eq!(x.format, y.format),
            other => panic!("unexpected parse {other:?}"),
        }
    }
}
