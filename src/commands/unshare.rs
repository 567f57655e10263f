//! `rpod unshare [COMMAND...]`: run a command in rpod's user namespace (as
//! root over the user's subordinate IDs), e.g. to look at or remove files
//! of the store that belong to those IDs. With `--rootless-netns`, in the
//! rootless network namespace as well (where user-defined networks' bridges
//! are: a container's address there is reachable).

use std::os::unix::process::CommandExt;

use anyhow::Context as _;
use clap::Args;

use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
#[command(trailing_var_arg = true)]
pub struct UnshareArgs {
    /// Join the rootless network namespace (made if need be), where
    /// containers on user-defined networks are reachable by their address
    #[arg(long)]
    pub rootless_netns: bool,
    /// The command and its arguments (default: $SHELL, else /bin/sh)
    #[arg(value_name = "COMMAND", allow_hyphen_values = true)]
    pub command: Vec<String>,
}

pub fn run(ctx: &Context, args: UnshareArgs) -> anyhow::Result<()> {
    if !ctx.rootless() {
        return Err(Failure::new(ExitCode::Engine, "please use unshare with rootless").into());
    }
    let mut command = args.command;
    if command.is_empty() {
        command.push(std::env::var("SHELL").ok().filter(|s| !s.is_empty()).unwrap_or_else(|| "/bin/sh".into()));
    }
    let paths = ctx.paths()?.clone();
    ctx.enter_user_namespace()?;
    let mut cmd = if args.rootless_netns {
        // nsenter into its network and mount namespaces (its resolv.conf),
        // /usr/sbin on PATH (ip, iptables); nsenter then executes the
        // command (127/126 as below if it cannot).
        let netns = crate::network::bridge::rootless_netns(&paths.run_root)?;
        let mut c = netns.command(std::path::Path::new(&command[0]));
        c.args(&command[1..]);
        c
    } else {
        let mut c = std::process::Command::new(&command[0]);
        c.args(&command[1..]);
        c
    };
    let err = cmd.env("CONTAINERS_GRAPHROOT", &paths.graph_root).env("CONTAINERS_RUNROOT", &paths.run_root).exec();
    let exit = match err.kind() {
        std::io::ErrorKind::NotFound => ExitCode::NotFound,
        _ => ExitCode::CannotInvoke,
    };
    Err(anyhow::Error::from(err)).context(Failure::new(exit, format!("executing {}", command[0])))
}
