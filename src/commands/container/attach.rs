//! `rpod attach` / `rpod container attach`: connect this terminal to a
//! running container's stdio (through its monitor) until it exits or the
//! detach keys are typed.

use clap::Args;

use crate::commands::select;
use crate::container::attach::{self, ClientOptions, Ended};
use crate::container::lifecycle;
use crate::container::record::{Containers, Status};
use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct AttachArgs {
    /// Do not attach STDIN
    #[arg(long)]
    pub no_stdin: bool,

    /// Override the key sequence for detaching a container
    #[arg(long, value_name = "KEYS", default_value = attach::DEFAULT_DETACH_KEYS)]
    pub detach_keys: String,

    /// Proxy received signals to the container (without a terminal)
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub sig_proxy: bool,

    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The container (name or ID)
    #[arg(value_name = "CONTAINER")]
    pub container: Option<String>,
}

pub fn run(ctx: &Context, args: AttachArgs) -> anyhow::Result<()> {
    let detach_keys = attach::parse_detach_keys(&args.detach_keys)?;
    let mut containers = ctx.containers()?;
    let c = select::one(&mut containers, args.latest, args.container.as_deref())?;
    if c.state.status != Status::Running {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("you can only attach to running containers: {} is {}", c.name, c.state.status.as_str()),
        )
        .into());
    }
    let sock = attach::connect(&containers.run_dir(&c.id))?;
    containers.event(&c, "attach");
    let ended = attach::client(
        sock,
        &ClientOptions {
            stdin: c.config.open_stdin && !args.no_stdin,
            stdout: true,
            stderr: true,
            tty: c.config.tty,
            detach_keys,
            proxy_signals_to: (args.sig_proxy && !c.config.tty).then_some(c.state.pid),
        },
    )?;
    finish(&mut containers, &c.id, ended)
}

/// The exit of an attach: the container's code, or success on detach.
pub fn finish(containers: &mut Containers, id: &str, ended: Ended) -> anyhow::Result<()> {
    let code = match ended {
        Ended::Exited(code) => code,
        Ended::Detached => return Ok(()),
        Ended::Closed => exit_code_after_close(containers, id)?,
    };
    match code {
        0 => Ok(()),
        code => Err(Failure::new(ExitCode::Container(code), "").into()),
    }
}

/// The connection closed without an exit frame: the monitor is gone, or
/// the container is finishing; its recorded exit code.
pub fn exit_code_after_close(containers: &mut Containers, id: &str) -> anyhow::Result<i32> {
    let state = lifecycle::wait_for(containers, id, |s| !s.status.is_live(), Some(std::time::Duration::from_secs(10)))?;
    Ok(state.map_or(125, |s| s.exit_code))
}
