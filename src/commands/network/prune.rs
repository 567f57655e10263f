//! `rpod network prune`: remove the networks no container uses (never the
//! default one); prints their names.

use clap::Args;

use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct NetworkPruneArgs {
    /// Provide filter values (label=, label!=, until=)
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Do not prompt for confirmation
    #[arg(short, long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: NetworkPruneArgs) -> anyhow::Result<()> {
    let filters = crate::network::filter::Filters::parse_prune(&args.filter)?;
    if !args.force {
        let mut prompt = String::from(
            "WARNING! This will remove all networks not used by at least one container. The following networks will be removed:\n",
        );
        for n in crate::network::manage::prune(ctx, &filters, false)? {
            prompt.push_str(&format!("{n}\n"));
        }
        prompt.push_str("Are you sure you want to continue? [y/N] ");
        if !crate::commands::confirm(&prompt)? {
            return Ok(());
        }
    }
    let removed = crate::network::manage::prune(ctx, &filters, true)?;
    print(&removed.iter().map(|n| format!("{n}\n")).collect::<String>())
}
