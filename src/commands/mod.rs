//! One file per command. Each holds the command's `Args` (its flags, defined
//! once) and a `run` function that only turns flags into calls of library
//! code and prints the result.

pub mod completion;
pub mod history;
pub mod image_inspect;
pub mod image_prune;
pub mod images;
pub mod import;
pub mod info;
pub mod inspect;
pub mod load;
pub mod login;
pub mod logout;
pub mod pull;
pub mod push;
pub mod rmi;
pub mod run;
pub mod save;
pub mod search;
pub mod tag;
pub mod unshare;
pub mod untag;
pub mod version;

use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::Parser;

use crate::cli::{self, Cli, Command, ContainerCommand, ImageCommand, SystemCommand};
use crate::context::Context;
use crate::error::{self, ExitCode, Failure};

/// Run rpod with `args` (program name first); returns the exit code.
pub fn main(args: Vec<OsString>) -> i32 {
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
        Command::Import(args) | Command::Image(ImageCommand::Import(args)) => import::run(ctx, args),
        Command::Load(args) | Command::Image(ImageCommand::Load(args)) => load::run(ctx, args),
        Command::Push(args) | Command::Image(ImageCommand::Push(args)) => push::run(ctx, args),
        Command::Save(args) | Command::Image(ImageCommand::Save(args)) => save::run(ctx, args),
        Command::Unshare(args) => unshare::run(ctx, args),
        Command::Version(args) => version::run(args),
    }
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
