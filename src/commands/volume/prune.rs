//! `rpod volume prune`: remove every volume no container uses; prints
//! their names.

use std::io::{BufRead, IsTerminal, Write};

use clap::Args;

use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct VolumePruneArgs {
    /// Prune only the volumes that match (label=, label!=, until=, name=, driver=, anonymous=)
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Do not prompt for confirmation
    #[arg(short, long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: VolumePruneArgs) -> anyhow::Result<()> {
    let filters = crate::volume::Filters::parse(&args.filter)?;
    if !args.force {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Err(Failure::new(
                ExitCode::Engine,
                "standard input is not a terminal to confirm on: use --force to prune without confirmation",
            )
            .into());
        }
        eprintln!("WARNING! This will remove all volumes not used by at least one container. The following volumes will be removed:");
        for v in crate::volume::prune_candidates(ctx, &filters)? {
            eprintln!("{}", v.name);
        }
        eprint!("Are you sure you want to continue? [y/N] ");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        stdin.lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes" | "YES") {
            return Ok(());
        }
    }
    let (removed, errors) = crate::volume::prune(ctx, &filters)?;
    let out: String = removed.iter().map(|n| format!("{n}\n")).collect();
    print(&out)?;
    let mut last = None;
    for e in errors {
        if let Some(prev) = last.replace(e) {
            eprintln!("{}", crate::error::render(&prev));
        }
    }
    last.map_or(Ok(()), Err)
}
