//! The root of the command tree: the global flags, the top-level commands
//! and shortcuts, parsing and dispatch. Each command's flags are defined
//! once, in the `Args` struct of its file under `src/commands/<noun>/`; a
//! noun's `mod.rs` owns its subcommand enum. The man pages and the shell
//! completions are generated from this definition (see [`crate::generate`]).
//!
//! A management command (`system info`) and its top-level shortcut (`info`)
//! hold the same `Args` type and reach the same handler.

use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand};

use crate::commands::{
    buildx, completion, container, healthcheck, image, inspect, internal, login, logout, network, oci, pod, secret,
    system, unshare, version, volume,
};
use crate::context::{Context, GlobalArgs};
use crate::error::{self, ExitCode, Failure};

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
    disable_version_flag = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Print the version (Podman's -v as well as --version)
    #[arg(short = 'v', long, action = clap::ArgAction::Version)]
    pub version: Option<bool>,

    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Attach to a running container
    Attach(container::attach::AttachArgs),
    /// Build an image using instructions from Containerfiles
    Build(Box<image::build::BuildArgs>),
    /// Docker's buildx: build images
    #[command(subcommand)]
    Buildx(buildx::BuildxCommand),
    /// Create new image based on the changed container
    Commit(container::commit::CommitArgs),
    /// Generate shell completion scripts
    Completion(completion::CompletionArgs),
    /// Manage containers
    #[command(subcommand)]
    Container(container::ContainerCommand),
    /// Copy files/folders between a container and the local filesystem
    Cp(container::cp::CpArgs),
    /// Create but do not start a container
    Create(container::create::CreateArgs),
    /// Display the changes to the object's file system
    Diff(container::diff::DiffArgs),
    /// Show rpod events
    Events(system::events::EventsArgs),
    /// Run a process in a running container
    Exec(container::exec::ExecArgs),
    /// Export a container's filesystem contents as a tar archive
    Export(container::export::ExportArgs),
    /// Manage health checks on containers
    #[command(subcommand)]
    Healthcheck(healthcheck::HealthcheckCommand),
    /// Show history of a specified image
    History(image::history::HistoryArgs),
    /// Manage images
    #[command(subcommand)]
    Image(image::ImageCommand),
    /// List images in local storage
    Images(image::list::ImagesArgs),
    /// Import a tarball to create a filesystem image
    Import(image::import::ImportArgs),
    /// Display rpod related system information
    Info(system::info::InfoArgs),
    /// Display the configuration of object denoted by ID
    Inspect(inspect::InspectArgs),
    /// Kill one or more running containers with a specific signal
    Kill(container::kill::KillArgs),
    /// Load image(s) from a tar archive
    Load(image::load::LoadArgs),
    /// Log in to a container registry
    Login(login::LoginArgs),
    /// Log out of a container registry
    Logout(logout::LogoutArgs),
    /// Fetch the logs of a container
    Logs(container::logs::LogsArgs),
    /// Manage networks
    #[command(subcommand)]
    Network(network::NetworkCommand),
    /// The OCI runtime command line (runc's) over rpod's built-in runtime
    #[command(hide = true)]
    Oci(oci::OciArgs),
    /// Pause all the processes in one or more containers
    Pause(container::pause::PauseArgs),
    /// Manage pods
    #[command(subcommand)]
    Pod(pod::PodCommand),
    /// List port mappings of a container
    Port(container::port::PortArgs),
    /// List containers
    Ps(container::list::PsArgs),
    /// Pull an image from a registry
    Pull(image::pull::PullArgs),
    /// Push an image to a specified destination
    Push(image::push::PushArgs),
    /// Rename an existing container
    Rename(container::rename::RenameArgs),
    /// Restart one or more containers
    Restart(container::restart::RestartArgs),
    /// Remove one or more containers
    Rm(container::rm::RmArgs),
    /// Removes one or more images from local storage
    Rmi(image::rm::RmiArgs),
    /// Run a command in a new container
    Run(container::run::RunArgs),
    /// Save image(s) to an archive
    Save(image::save::SaveArgs),
    /// Search registries for images
    Search(image::search::SearchArgs),
    /// Manage secrets
    #[command(subcommand)]
    Secret(secret::SecretCommand),
    /// Start one or more containers
    Start(container::start::StartArgs),
    /// Display a live stream of container resource usage statistics
    Stats(container::stats::StatsArgs),
    /// Stop one or more containers
    Stop(container::stop::StopArgs),
    /// Manage rpod
    #[command(subcommand)]
    System(system::SystemCommand),
    /// Add an additional name to a local image
    Tag(image::tag::TagArgs),
    /// Display the running processes of a container
    Top(container::top::TopArgs),
    /// Unpause the processes in one or more containers
    Unpause(container::pause::PauseArgs),
    /// Run a command in a modified user namespace
    Unshare(unshare::UnshareArgs),
    /// Remove a name from a local image
    Untag(image::untag::UntagArgs),
    /// Update the resource limits of containers
    Update(container::update::UpdateArgs),
    /// Display the rpod version information
    Version(version::VersionArgs),
    /// Manage volumes
    #[command(subcommand)]
    Volume(volume::VolumeCommand),
    /// Block on one or more containers
    Wait(container::wait::WaitArgs),
}

/// Run rpod with `args` (program name first); returns the exit code.
pub fn main(args: Vec<OsString>) -> i32 {
    // The internal entry points (the monitor, the pause process) take the
    // short way: no command tree to build, so that a long-lived process
    // touches as little of the binary as it can.
    if let Some(entry) = internal::parse(&args) {
        return internal::run(entry);
    }
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(e, &args),
    };
    crate::logging::init(cli.global.log_level);
    // Storage options are checked here, not in `apply`: a monitor (which
    // opens no store) is not told `--storage-opt`, so a `$STORAGE_OPTS` the
    // flag overrode must not stop it.
    if let Err(e) = cli.global.apply().and_then(|()| cli.global.driver_options().map(drop)) {
        eprintln!("{}", error::render(&e));
        return error::exit_code_of(&e);
    }
    let ctx = Context::new(cli.global);
    match dispatch(&ctx, cli.command) {
        Ok(()) => 0,
        Err(e) => {
            // A container's own exit code carries no message.
            if error::failure_of(&e).is_none_or(|f| !f.to_string().is_empty()) {
                eprintln!("{}", error::render(&e));
            }
            error::exit_code_of(&e)
        }
    }
}

/// Send a parsed command to its handler. A shortcut and its long form
/// (`info`, `system info`) reach the same function.
pub fn dispatch(ctx: &Context, command: Command) -> anyhow::Result<()> {
    use container::ContainerCommand as C;
    use image::ImageCommand as I;
    match command {
        Command::Container(c) => container::dispatch(ctx, c),
        Command::Image(i) => image::dispatch(ctx, i),
        Command::Network(n) => network::dispatch(ctx, n),
        Command::Pod(p) => pod::dispatch(ctx, p),
        Command::Healthcheck(h) => healthcheck::dispatch(ctx, h),
        Command::Buildx(b) => buildx::dispatch(ctx, b),
        Command::System(s) => system::dispatch(ctx, s),
        // Shortcuts of container commands.
        Command::Attach(args) => container::dispatch(ctx, C::Attach(args)),
        Command::Commit(args) => container::dispatch(ctx, C::Commit(args)),
        Command::Cp(args) => container::dispatch(ctx, C::Cp(args)),
        Command::Create(args) => container::dispatch(ctx, C::Create(args)),
        Command::Diff(args) => container::dispatch(ctx, C::Diff(args)),
        Command::Exec(args) => container::dispatch(ctx, C::Exec(args)),
        Command::Export(args) => container::dispatch(ctx, C::Export(args)),
        Command::Kill(args) => container::dispatch(ctx, C::Kill(args)),
        Command::Logs(args) => container::dispatch(ctx, C::Logs(args)),
        Command::Pause(args) => container::dispatch(ctx, C::Pause(args)),
        Command::Port(args) => container::dispatch(ctx, C::Port(args)),
        Command::Ps(args) => container::dispatch(ctx, C::List(args)),
        Command::Rename(args) => container::dispatch(ctx, C::Rename(args)),
        Command::Restart(args) => container::dispatch(ctx, C::Restart(args)),
        Command::Rm(args) => container::dispatch(ctx, C::Rm(args)),
        Command::Run(args) => container::dispatch(ctx, C::Run(args)),
        Command::Start(args) => container::dispatch(ctx, C::Start(args)),
        Command::Stats(args) => container::dispatch(ctx, C::Stats(args)),
        Command::Stop(args) => container::dispatch(ctx, C::Stop(args)),
        Command::Top(args) => container::dispatch(ctx, C::Top(args)),
        Command::Unpause(args) => container::dispatch(ctx, C::Unpause(args)),
        Command::Update(args) => container::dispatch(ctx, C::Update(args)),
        Command::Wait(args) => container::dispatch(ctx, C::Wait(args)),
        // Shortcuts of image commands.
        Command::Build(args) => image::dispatch(ctx, I::Build(args)),
        Command::History(args) => image::dispatch(ctx, I::History(args)),
        Command::Images(args) => image::dispatch(ctx, I::List(args)),
        Command::Import(args) => image::dispatch(ctx, I::Import(args)),
        Command::Load(args) => image::dispatch(ctx, I::Load(args)),
        Command::Pull(args) => image::dispatch(ctx, I::Pull(args)),
        Command::Push(args) => image::dispatch(ctx, I::Push(args)),
        Command::Rmi(args) => image::dispatch(ctx, I::Rm(args)),
        Command::Save(args) => image::dispatch(ctx, I::Save(args)),
        Command::Search(args) => image::dispatch(ctx, I::Search(args)),
        Command::Tag(args) => image::dispatch(ctx, I::Tag(args)),
        Command::Untag(args) => image::dispatch(ctx, I::Untag(args)),
        // Shortcuts of system commands.
        Command::Info(args) => system::dispatch(ctx, system::SystemCommand::Info(args)),
        Command::Events(args) => system::dispatch(ctx, system::SystemCommand::Events(args)),
        // Commands of no noun.
        Command::Completion(args) => completion::run(args),
        Command::Inspect(args) => inspect::run(ctx, args),
        Command::Login(args) => login::run(ctx, args),
        Command::Logout(args) => logout::run(ctx, args),
        Command::Oci(args) => oci::run(ctx, args),
        Command::Unshare(args) => unshare::run(ctx, args),
        Command::Version(args) => version::run(args),
        Command::Secret(s) => secret::dispatch(ctx, s),
        Command::Volume(v) => volume::dispatch(ctx, v),
    }
}

/// Help and version requests print and succeed; anything else is a usage
/// error: Podman's message, the `See 'rpod X --help'.` hint, exit 125.
fn usage_error(e: clap::Error, args: &[OsString]) -> i32 {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let path = command_path(&args);
    let message = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return 0;
        }
        // `rpod help [COMMAND...]`: that command's help (Cobra's help command).
        _ if first_word(&args).as_deref() == Some("help") => {
            let topic = args.iter().skip_while(|a| *a != "help").skip(1);
            print_help(&command_path(&std::iter::once(args[0].clone()).chain(topic.cloned()).collect::<Vec<_>>()));
            return 0;
        }
        // Podman prints the command's help, then the error (exit 125).
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            print_help(&path);
            format!("missing command '{path} COMMAND'")
        }
        ErrorKind::MissingRequiredArgument => missing_arguments(&e, &args),
        _ => {
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            first.strip_prefix("error: ").unwrap_or(first).to_string()
        }
    };
    let failure = Failure::new(ExitCode::Engine, message).with_hint(format!("See '{path} --help'."));
    let err = anyhow::Error::from(failure);
    eprintln!("{}", error::render(&err));
    error::exit_code_of(&err)
}

/// Print the help of the command at `path` (`rpod system`) to stdout, as
/// `--help` does.
fn print_help(path: &str) {
    let argv = path.split(' ').chain(["--help"]);
    if let Err(e) = Cli::try_parse_from(argv) {
        if e.kind() == ErrorKind::DisplayHelp {
            let _ = e.print();
        }
    }
}

/// The first word that is not a global flag (or its value).
fn first_word(args: &[String]) -> Option<String> {
    let (path, _, words) = walk_command_line(args);
    words.into_iter().next().filter(|_| path.len() == 1)
}

/// Cobra's message for missing arguments, as Podman prints it: `requires at
/// least 1 arg(s), only received 0` (or `accepts 2 arg(s), received 1`,
/// `accepts between 1 and 2 arg(s), received 0`); for a missing required
/// flag `required flag(s) "name" not set`.
fn missing_arguments(e: &clap::Error, args: &[String]) -> String {
    use clap::error::{ContextKind, ContextValue};
    let missing = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let flags: Vec<String> = missing
        .iter()
        .filter(|m| m.starts_with('-'))
        .filter_map(|m| m.split([' ', '=']).next())
        .map(|f| format!("\"{}\"", f.trim_start_matches('-')))
        .collect();
    if !flags.is_empty() {
        return format!("required flag(s) {} not set", flags.join(", "));
    }
    let (_, cmd, words) = walk_command_line(args);
    let given = words.len();
    let (mut min, mut max) = (0usize, Some(0usize));
    for a in cmd.get_positionals() {
        let range = a.get_num_args().unwrap_or_else(|| 1.into());
        // Required, or required here (`required_unless_present`): named in
        // the error as `<CONTAINER>...`.
        let names = a.get_value_names().map(|n| n.to_vec()).unwrap_or_default();
        let named = |m: &String| names.iter().any(|n| m.contains(&format!("<{n}>")));
        if a.is_required_set() || missing.iter().any(named) {
            min += range.min_values().max(1);
        }
        let unbounded = range.max_values() == usize::MAX || matches!(a.get_action(), clap::ArgAction::Append);
        max = max.filter(|_| !unbounded).map(|m| m + range.max_values());
    }
    match max {
        None => format!("requires at least {min} arg(s), only received {given}"),
        Some(max) if max == min => format!("accepts {min} arg(s), received {given}"),
        Some(max) => format!("accepts between {min} and {max} arg(s), received {given}"),
    }
}

/// The clap definition of the whole tree.
pub fn command() -> clap::Command {
    Cli::command()
}

/// The command path a usage error belongs to (`rpod system info`), for the
/// `See 'rpod system info --help'.` hint. Flags and their values are
/// skipped; the walk stops at the first word that is not a subcommand.
pub fn command_path(args: &[String]) -> String {
    walk_command_line(args).0.join(" ")
}

/// The command a command line names (its path of names and its definition)
/// and the words after it that are not flags or flag values.
fn walk_command_line(args: &[String]) -> (Vec<String>, clap::Command, Vec<String>) {
    let root = command();
    let mut cmd = &root;
    let mut path = vec![root.get_name().to_string()];
    let mut words = Vec::new();
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
            words.extend(iter.cloned());
            break;
        }
        if arg.starts_with('-') && arg.len() > 1 {
            if !arg.contains('=') && (takes_value(cmd, arg) || takes_value(&root, arg)) {
                iter.next();
            }
            continue;
        }
        match cmd.find_subcommand(arg).filter(|_| words.is_empty()) {
            Some(sub) => {
                path.push(sub.get_name().to_string());
                cmd = sub;
            }
            None => words.push(arg.clone()),
        }
    }
    (path, cmd.clone(), words)
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

    fn parse(line: &[&str]) -> Command {
        Cli::try_parse_from(std::iter::once(&"rpod").chain(line)).unwrap_or_else(|e| panic!("{line:?}: {e}")).command
    }

    #[test]
    fn everything_after_the_image_is_the_containers_command() {
        let Command::Run(r) = parse(&["run", "--rm", "--entrypoint", "sh", "busybox", "-c", "echo hi"]) else {
            panic!()
        };
        assert_eq!(r.flags.image_and_command, ["busybox", "-c", "echo hi"]);
        assert!(r.flags.rm && r.flags.resources.limits.cpu_shares.is_none());
        let Command::Run(r) = parse(&["run", "--entrypoint", "ls", "busybox", "-d", "/tmp"]) else { panic!() };
        assert!(!r.detach);
        assert_eq!(r.flags.image_and_command, ["busybox", "-d", "/tmp"]);
        let Command::Create(c) = parse(&["create", "busybox", "-e", "x", "-l", "--", "y"]) else { panic!() };
        assert!(c.flags.env.is_empty() && c.flags.label.is_empty());
        assert_eq!(c.flags.image_and_command, ["busybox", "-e", "x", "-l", "--", "y"]);
        let Command::Exec(e) = parse(&["exec", "-u", "0", "ctr", "ls", "-d", "-u", "/"]) else { panic!() };
        assert!(!e.detach && e.user.as_deref() == Some("0"));
        assert_eq!(e.container_and_command, ["ctr", "ls", "-d", "-u", "/"]);
        let Command::Run(r) = parse(&["run", "-h", "web", "busybox"]) else { panic!() };
        assert_eq!(r.flags.hostname.as_deref(), Some("web"));
        // Flags before the image still count.
        let Command::Run(r) = parse(&["run", "-d", "--name", "x", "busybox"]) else { panic!() };
        assert!(r.detach && r.flags.name.as_deref() == Some("x"));
    }

    #[test]
    fn usage_hint_paths() {
        assert_eq!(command_path(&args("rpod --root /x system info --bogus")), "rpod system info");
        assert_eq!(command_path(&args("rpod info extra")), "rpod info");
        assert_eq!(command_path(&args("rpod --log-level debug nosuch")), "rpod");
        assert_eq!(command_path(&args("rpod --root=/x version")), "rpod version");
        assert_eq!(command_path(&args("rpod rm -f -- a rm")), "rpod rm");
    }

    /// The message of a usage error, as `usage_error` renders it.
    fn message(line: &str) -> String {
        let argv = args(line);
        let e = Cli::try_parse_from(&argv).unwrap_err();
        match e.kind() {
            ErrorKind::MissingRequiredArgument => missing_arguments(&e, &argv),
            kind => panic!("{line}: {kind:?}"),
        }
    }

    #[test]
    fn missing_arguments_are_counted_as_cobra_does() {
        assert_eq!(message("rpod run"), "requires at least 1 arg(s), only received 0");
        assert_eq!(message("rpod --root /x run --rm -e A=1"), "requires at least 1 arg(s), only received 0");
        assert_eq!(message("rpod --root /x image exists"), "accepts 1 arg(s), received 0");
        assert_eq!(message("rpod tag"), "requires at least 2 arg(s), only received 0");
        assert_eq!(message("rpod tag busybox"), "requires at least 2 arg(s), only received 1");
        assert_eq!(message("rpod container rename a"), "accepts 2 arg(s), received 1");
    }

    #[test]
    fn shortcut_and_long_form_parse_to_the_same_args() {
        let a = Cli::try_parse_from(["rpod", "info", "--format", "json"]).unwrap();
        let b = Cli::try_parse_from(["rpod", "system", "info", "--format", "json"]).unwrap();
        match (a.command, b.command) {
            (Command::Info(x), Command::System(system::SystemCommand::Info(y))) => assert_eq!(x.format, y.format),
            other => panic!("unexpected parse {other:?}"),
        }
    }
}
