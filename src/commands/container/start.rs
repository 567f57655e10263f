//! `rpod start` / `rpod container start`: start one or more created or
//! stopped containers; with `-a` stay attached to (one) until it exits.

use clap::Args;

use crate::commands::select::{All, Selection};
use crate::container::attach::{self, ClientOptions};
use crate::container::lifecycle;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct StartArgs {
    /// Start all containers that are not running
    #[arg(long)]
    pub all: bool,

    /// Attach the container's STDOUT and STDERR
    #[arg(short, long)]
    pub attach: bool,

    /// Attach the container's STDIN
    #[arg(short, long)]
    pub interactive: bool,

    /// Override the key sequence for detaching a container
    #[arg(long, value_name = "KEYS", default_value = attach::DEFAULT_DETACH_KEYS)]
    pub detach_keys: String,

    /// Proxy received signals to the container (without a terminal)
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub sig_proxy: bool,

    /// Start the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: StartArgs) -> anyhow::Result<()> {
    let detach_keys = attach::parse_detach_keys(&args.detach_keys)?;
    let mut containers = ctx.containers()?;
    if args.all && (args.attach || args.interactive) {
        anyhow::bail!("you cannot start and attach all containers");
    }
    let selection =
        Selection { latest: args.latest, cidfile: Vec::new(), ignore: false, containers: args.containers.clone() };
    let mut targets = selection.resolve_filtered(&mut containers, args.all.then_some(All::Every), &args.filter)?;
    if args.all {
        // Those not running already.
        let list = containers.list()?;
        targets.retain(|id| list.iter().any(|c| c.id == *id && !c.state.status.is_live()));
    }
    if args.attach || args.interactive {
        if targets.len() != 1 {
            anyhow::bail!("you cannot start and attach multiple containers at once");
        }
        let c = containers.find(&targets[0])?;
        let started = lifecycle::start(ctx, &mut containers, &c, true)?;
        let sock = attach::connect(&containers.run_dir(&c.id))?;
        let pid = match started.report {
            Some(mut report) => lifecycle::read_outcome(&mut report)?,
            // Running already: attach to it.
            None => started.pid.unwrap_or(0),
        };
        let ended = attach::client(
            sock,
            &ClientOptions {
                // The streams `create -a` named, all of them by default.
                stdin: args.interactive && c.config.open_stdin && c.config.options.attaches("stdin"),
                stdout: c.config.options.attaches("stdout"),
                stderr: c.config.options.attaches("stderr"),
                tty: c.config.tty,
                detach_keys,
                proxy_signals_to: (args.sig_proxy && !c.config.tty && pid > 0).then_some(pid),
            },
        )?;
        return super::attach::finish(&mut containers, &c.id, ended);
    }
    let mut failed = None;
    for name in &targets {
        let r = containers.find(name).and_then(|c| lifecycle::start(ctx, &mut containers, &c, false).map(|_| ()));
        match r {
            Ok(()) => print(&format!("{name}\n"))?,
            Err(e) => {
                if let Some(prev) = failed.replace(e) {
                    eprintln!("Error: {}", crate::error::render(&prev).trim_start_matches("Error: "));
                }
            }
        }
    }
    failed.map_or(Ok(()), Err)
}
