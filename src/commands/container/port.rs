//! `rpod port` / `rpod container port`: the published ports of running
//! containers, as Podman prints them (`80/tcp -> 0.0.0.0:8080`; with a
//! private port only the host address, `0.0.0.0:8080`).

use clap::Args;

use crate::commands::select;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::network::ports;

#[derive(Debug, Args)]
pub struct PortArgs {
    /// Display port information for all containers
    #[arg(short, long)]
    pub all: bool,

    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The container (name or ID)
    #[arg(value_name = "CONTAINER")]
    pub container: Option<String>,

    /// A private port, e.g. 80 or 80/tcp
    #[arg(value_name = "PRIVATE_PORT")]
    pub port: Option<String>,
}

pub fn run(ctx: &Context, args: PortArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    // With --latest or --all the one argument is the port.
    let (list, port) = if args.all || args.latest {
        if args.container.is_some() && args.port.is_some() {
            return Err(Failure::new(ExitCode::Engine, "no container name with --all or --latest").into());
        }
        let list = if args.all { containers.list()? } else { vec![select::latest_of(&mut containers)?] };
        (list, args.container.or(args.port))
    } else {
        if args.container.is_none() {
            return Err(Failure::new(ExitCode::Engine, "you must supply a running container name or ID").into());
        }
        (vec![select::one(&mut containers, false, args.container.as_deref())?], args.port)
    };
    if let Some(p) = &port {
        if p.split('/').count() > 2 {
            return Err(Failure::new(ExitCode::Engine, "port formats are port/protocol").into());
        }
    }
    let mut out = String::new();
    let mut found = false;
    // Podman reports running containers only.
    for c in list.iter().filter(|c| c.state.status.is_live() && !c.config.ports.is_empty()) {
        let prefix = if args.all { format!("{}\t", c.short_id()) } else { String::new() };
        match &port {
            None => {
                for l in ports::port_lines(&c.config.ports) {
                    out.push_str(&format!("{prefix}{l}\n"));
                }
            }
            Some(p) => {
                let hosts =
                    ports::lookup(&c.config.ports, p).map_err(|e| Failure::new(ExitCode::Engine, e.to_string()))?;
                found |= !hosts.is_empty();
                for h in hosts {
                    out.push_str(&format!("{h}\n"));
                }
            }
        }
    }
    if let Some(p) = port.filter(|_| !found) {
        let p = if p.contains('/') { p } else { format!("{p}/tcp") };
        return Err(Failure::new(ExitCode::Engine, format!("failed to find published port \"{p}\"")).into());
    }
    print(&out)
}
