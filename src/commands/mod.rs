//! One file per command. Each holds the command's `Args` (its flags, defined
//! once) and a `run` function that only turns flags into calls of library
//! code and prints the result.

pub mod attach;
pub mod completion;
pub mod container_exists;
pub mod container_inspect;
pub mod container_prune;
pub mod create;
pub mod exec;
pub mod history;
pub mod image_inspect;
pub mod image_prune;
pub mod images;
pub mod import;
pub mod info;
pub mod inspect;
pub mod kill;
pub mod load;
pub mod login;
pub mod logout;
pub mod logs;
pub mod monitor;
pub mod network_ls;
pub mod oci;
pub mod pause;
pub mod port;
pub mod ps;
pub mod pull;
pub mod push;
pub mod rename;
pub mod restart;
pub mod rm;
pub mod rmi;
pub mod run;
pub mod save;
pub mod search;
pub mod start;
pub mod stats;
pub mod stop;
pub mod tag;
pub mod top;
pub mod unshare;
pub mod untag;
pub mod update;
pub mod version;
pub mod wait;

use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::Parser;

use crate::cli::{self, Cli, Command, ContainerCommand, ImageCommand, NetworkCommand, SystemCommand};
use crate::context::Context;
use crate::error::{self, ExitCode, Failure};

/// Run rpod with `args` (program name first); returns the exit code.
pub fn main(args: Vec<OsString>) -> i32 {
    // The monitor takes the short way: no command tree to build, so that a
    // long-lived monitor touches as little of the binary as it can.
    if args.get(1).is_some_and(|a| a == "__pause") && args.len() == 3 {
        crate::pause::pause_forever(std::path::Path::new(&args[2]));
    }
    if let Some((global, opts)) = monitor::parse_fast(&args) {
        crate::logging::init(global.log_level);
        let ctx = Context::new(global);
        return match crate::container::monitor::main(&ctx, opts) {
            Ok(()) => 0,
            Err(_) => 125,
        };
    }
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(e, &args),
    };
    crate::logging::init(cli.global.log_level);
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
    match command {
        Command::Completion(args) => completion::run(args),
        Command::Info(args) | Command::System(SystemCommand::Info(args)) => info::run(ctx, args),
        Command::Login(args) => login::run(ctx, args),
        Command::Logout(args) => logout::run(ctx, args),
        Command::Pull(args) | Command::Image(ImageCommand::Pull(args)) => pull::run(ctx, args),
        Command::History(args) | Command::Image(ImageCommand::History(args)) => history::run(ctx, args),
        Command::Images(args) | Command::Image(ImageCommand::List(args)) => images::run(ctx, args),
        Command::Inspect(args) => inspect::run(ctx, args),
        Command::Image(ImageCommand::Inspect(args)) => image_inspect::run(ctx, args),
        Command::Image(ImageCommand::Prune(args)) => image_prune::run(ctx, args),
        Command::Rmi(args) | Command::Image(ImageCommand::Rm(args)) => rmi::run(ctx, args),
        Command::Tag(args) | Command::Image(ImageCommand::Tag(args)) => tag::run(ctx, args),
        Command::Untag(args) | Command::Image(ImageCommand::Untag(args)) => untag::run(ctx, args),
        Command::Search(args) | Command::Image(ImageCommand::Search(args)) => search::run(ctx, args),
        Command::Run(args) | Command::Container(ContainerCommand::Run(args)) => run::run(ctx, args),
        Command::Create(args) | Command::Container(ContainerCommand::Create(args)) => create::run(ctx, args),
        Command::Start(args) | Command::Container(ContainerCommand::Start(args)) => start::run(ctx, args),
        Command::Attach(args) | Command::Container(ContainerCommand::Attach(args)) => attach::run(ctx, args),
        Command::Exec(args) | Command::Container(ContainerCommand::Exec(args)) => exec::run(ctx, args),
        Command::Stop(args) | Command::Container(ContainerCommand::Stop(args)) => stop::run(ctx, args),
        Command::Kill(args) | Command::Container(ContainerCommand::Kill(args)) => kill::run(ctx, args),
        Command::Restart(args) | Command::Container(ContainerCommand::Restart(args)) => restart::run(ctx, args),
        Command::Wait(args) | Command::Container(ContainerCommand::Wait(args)) => wait::run(ctx, args),
        Command::Rm(args) | Command::Container(ContainerCommand::Rm(args)) => rm::run(ctx, args),
        Command::Rename(args) | Command::Container(ContainerCommand::Rename(args)) => rename::run(ctx, args),
        Command::Ps(args) | Command::Container(ContainerCommand::List(args)) => ps::run(ctx, args),
        Command::Logs(args) | Command::Container(ContainerCommand::Logs(args)) => logs::run(ctx, args),
        Command::Container(ContainerCommand::Inspect(args)) => container_inspect::run(ctx, args),
        Command::Container(ContainerCommand::Prune(args)) => container_prune::run(ctx, args),
        Command::Container(ContainerCommand::Exists(args)) => container_exists::run(ctx, args),
        Command::Monitor(args) => monitor::run(ctx, args),
        Command::Oci(args) => oci::run(ctx, args),
        Command::Port(args) | Command::Container(ContainerCommand::Port(args)) => port::run(ctx, args),
        Command::Pause(args) | Command::Container(ContainerCommand::Pause(args)) => pause::pause(ctx, args),
        Command::Unpause(args) | Command::Container(ContainerCommand::Unpause(args)) => pause::unpause(ctx, args),
        Command::Update(args) | Command::Container(ContainerCommand::Update(args)) => update::run(ctx, args),
        Command::Stats(args) | Command::Container(ContainerCommand::Stats(args)) => stats::run(ctx, args),
        Command::Top(args) | Command::Container(ContainerCommand::Top(args)) => top::run(ctx, args),
        Command::Network(NetworkCommand::Ls(args)) => network_ls::run(ctx, args),
        Command::Import(args) | Command::Image(ImageCommand::Import(args)) => import::run(ctx, args),
        Command::Load(args) | Command::Image(ImageCommand::Load(args)) => load::run(ctx, args),
        Command::Push(args) | Command::Image(ImageCommand::Push(args)) => push::run(ctx, args),
        Command::Save(args) | Command::Image(ImageCommand::Save(args)) => save::run(ctx, args),
        Command::Unshare(args) => unshare::run(ctx, args),
        Command::Version(args) => version::run(args),
    }
}

/// Run `f` on each name; every failure but the last is printed, the last
/// is returned (Podman reports each and exits 125).
pub fn each(names: &[String], mut f: impl FnMut(&String) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let mut last = None;
    for n in names {
        if let Err(e) = f(n) {
            if let Some(prev) = last.replace(e) {
                eprintln!("{}", error::render(&prev));
            }
        }
    }
    last.map_or(Ok(()), Err)
}

/// The containers a command acts on: the names given, or with `all` the
/// IDs of every container (only the live ones when `live_only`).
pub fn targets(
    containers: &mut crate::container::record::Containers,
    all: bool,
    live_only: bool,
    names: &[String],
) -> anyhow::Result<Vec<String>> {
    if !all {
        return Ok(names.to_vec());
    }
    Ok(containers.list()?.into_iter().filter(|c| !live_only || c.state.status.is_live()).map(|c| c.id).collect())
}

/// Help and version requests print and succeed; anything else is a usage
/// error: Podman's message, the `See 'rpod X --help'.` hint, exit 125.
fn usage_error(e: clap::Error, args: &[OsString]) -> i32 {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let path = cli::command_path(&args);
    let message = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return 0;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            format!("missing command '{path} COMMAND'")
        }
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
