//! `rpod container top` / `rpod top`: the processes of a running
//! container, with ps-style columns (see [`crate::container::top`]).

use clap::Args;

use crate::commands::select;
use crate::container::record::Status;
use crate::container::top;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct TopArgs {
    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The container (name or ID; not with --latest), then format descriptors (Podman's: user pid ppid pcpu ...), separated by spaces or commas, or ps(1) options (-ef, aux, -o pid,comm)
    #[arg(value_name = "CONTAINER", value_names = ["CONTAINER", "DESCRIPTORS"], allow_hyphen_values = true, trailing_var_arg = true)]
    pub container_and_descriptors: Vec<String>,
}

pub fn run(ctx: &Context, args: TopArgs) -> anyhow::Result<()> {
    let (name, descriptors) = match args.container_and_descriptors.split_first() {
        Some((first, rest)) if !args.latest => (Some(first.as_str()), rest),
        _ => (None, args.container_and_descriptors.as_slice()),
    };
    let descriptors = top::descriptors(descriptors)?;
    let mut containers = ctx.containers()?;
    let c = select::one(&mut containers, args.latest, name)?;
    if c.state.status != Status::Running && c.state.status != Status::Paused {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("top can only be used on running containers: {} is {}", c.name, c.state.status.as_str()),
        )
        .into());
    }
    let rows = top::table(c.state.pid, &descriptors)?;
    print(&top::render(&rows))
}
