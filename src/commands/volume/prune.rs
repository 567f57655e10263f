//! `rpod volume prune`: remove every volume no container uses; prints
//! their names.

use clap::Args;

use crate::context::{print, Context};

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
        let mut prompt = String::from(
            "WARNING! This will remove all volumes not used by at least one container. The following volumes will be removed:\n",
        );
        for v in crate::volume::prune_candidates(ctx, &filters)? {
            prompt.push_str(&format!("{}\n", v.name));
        }
        prompt.push_str("Are you sure you want to continue? [y/N] ");
        if !crate::commands::confirm(&prompt)? {
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
