//! `rpod run` / `rpod container run`: run a command in a new container, in
//! the foreground, and exit with its exit code.

use clap::{Args, ValueEnum};

use crate::container::run::{run as run_container, RunOptions};
use crate::context::Context;
use crate::error::{ExitCode, Failure};

/// `--network`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Network {
    /// An own network namespace with only loopback
    None,
    /// The host's network namespace
    Host,
    /// An own network namespace (loopback only until rootless networking lands)
    Private,
}

#[derive(Debug, Args)]
#[command(trailing_var_arg = true)]
pub struct RunArgs {
    /// Keep STDIN open
    #[arg(short, long)]
    pub interactive: bool,

    /// Allocate a pseudo-TTY
    #[arg(short, long)]
    pub tty: bool,

    /// Remove the container when it exits (every container is removed when it exits until the container lifecycle lands)
    #[arg(long)]
    pub rm: bool,

    /// Set environment variables (KEY=VALUE, or KEY to pass the caller's value)
    #[arg(short, long, value_name = "ENV")]
    pub env: Vec<String>,

    /// Read in a file of environment variables
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<String>,

    /// Overwrite the default ENTRYPOINT of the image (a program, or a JSON array)
    #[arg(long, value_name = "ENTRYPOINT", allow_hyphen_values = true)]
    pub entrypoint: Option<String>,

    /// Working directory inside the container (created if missing)
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,

    /// Username or UID (format: <name|uid>[:<group|gid>])
    #[arg(short, long, value_name = "USER")]
    pub user: Option<String>,

    /// Set container hostname (default: the short container ID)
    #[arg(long, value_name = "NAME")]
    pub hostname: Option<String>,

    /// Connect the container to a network
    #[arg(long, alias = "net", value_enum, default_value = "private")]
    pub network: Network,

    /// Make the container's root filesystem read-only
    #[arg(long)]
    pub read_only: bool,

    /// Add capabilities to the container
    #[arg(long, value_name = "CAP")]
    pub cap_add: Vec<String>,

    /// Drop capabilities from the container
    #[arg(long, value_name = "CAP")]
    pub cap_drop: Vec<String>,

    /// Give extended privileges to the container
    #[arg(long)]
    pub privileged: bool,

    /// Suppress output information when pulling images
    #[arg(short, long)]
    pub quiet: bool,

    /// Require HTTPS and verify certificates when pulling a missing image
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub tls_verify: Option<bool>,

    /// The image to run
    #[arg(value_name = "IMAGE")]
    pub image: String,

    /// The command and its arguments (default: the image's)
    #[arg(value_name = "COMMAND", allow_hyphen_values = true)]
    pub command: Vec<String>,
}

pub fn run(ctx: &Context, args: RunArgs) -> anyhow::Result<()> {
    let opts = RunOptions {
        image: args.image,
        args: args.command,
        entrypoint: args.entrypoint,
        env: args.env,
        env_files: args.env_file,
        workdir: args.workdir,
        user: args.user,
        hostname: args.hostname,
        network: match args.network {
            Network::None => rpod_runtime::NetworkMode::None,
            Network::Host => rpod_runtime::NetworkMode::Host,
            Network::Private => rpod_runtime::NetworkMode::Private,
        },
        read_only: args.read_only,
        cap_add: args.cap_add,
        cap_drop: args.cap_drop,
        privileged: args.privileged,
        interactive: args.interactive,
        tty: args.tty,
        quiet_pull: args.quiet,
        tls_verify: args.tls_verify,
    };
    match run_container(ctx, &opts)? {
        0 => Ok(()),
        code => Err(Failure::new(ExitCode::Container(code), "").into()),
    }
}
