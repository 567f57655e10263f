//! `rpod container prune`: remove every container that is not running.

use std::io::{BufRead, Write};

use clap::Args;

use crate::container::lifecycle;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct ContainerPruneArgs {
    /// Do not prompt for confirmation
    #[arg(short, long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: ContainerPruneArgs) -> anyhow::Result<()> {
    if !args.force {
        eprint!("WARNING! This will remove all non running containers.\nAre you sure you want to continue? [y/N] ");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            return Ok(());
        }
    }
    let mut containers = ctx.containers()?;
    let mut out = String::new();
    let mut last_err = None;
    for c in containers.list()? {
        if c.state.status.is_live() {
            continue;
        }
        match lifecycle::remove(ctx, &mut containers, &c, false) {
            Ok(()) => {
                out.push_str(&c.id);
                out.push('\n');
            }
            Err(e) => {
                if let Some(prev) = last_err.replace(e) {
                    eprintln!("{}", crate::error::render(&prev));
                }
            }
        }
    }
    print(&out)?;
    last_err.map_or(Ok(()), Err)
}
