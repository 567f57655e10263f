//! `rpod pod prune`: remove every pod none of whose containers runs;
//! prints their IDs.

use clap::Args;

use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct PodPruneArgs {
    /// Do not prompt for confirmation
    #[arg(short, long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: PodPruneArgs) -> anyhow::Result<()> {
    if !args.force
        && !crate::commands::confirm(
            "WARNING! This will remove all stopped/exited pods..\nAre you sure you want to continue? [y/N] ",
        )?
    {
        return Ok(());
    }
    let mut pods = crate::pod::Pods::open(ctx)?;
    let mut containers = ctx.containers()?;
    let mut out = String::new();
    let mut last = None;
    for pod in pods.list()? {
        let members = pods.members(&mut containers, &pod)?;
        if members.iter().any(|c| c.state.status.is_live()) {
            continue;
        }
        match crate::pod::ops::remove(ctx, &mut pods, &pod, false, None) {
            Ok(()) => out.push_str(&format!("{}\n", pod.id)),
            Err(e) => {
                if let Some(prev) = last.replace(e) {
                    eprintln!("{}", crate::error::render(&prev));
                }
            }
        }
    }
    print(&out)?;
    last.map_or(Ok(()), Err)
}
