//! `rpod secret rm`: remove secrets; prints the ID of each removed (a
//! missing one is reported, exit 125, as in Podman 4.3).

use clap::Args;

use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::secret::Store;

#[derive(Debug, Args)]
pub struct SecretRmArgs {
    /// Remove all secrets
    #[arg(short, long)]
    pub all: bool,

    /// The secrets' names or IDs
    #[arg(value_name = "SECRET")]
    pub names: Vec<String>,
}

pub fn run(ctx: &Context, args: SecretRmArgs) -> anyhow::Result<()> {
    if args.all != args.names.is_empty() {
        return Err(Failure::new(ExitCode::Engine, "`rpod secret rm` requires one argument, or the --all flag").into());
    }
    let store = Store::open(ctx)?;
    let names: Vec<String> =
        if args.all { store.list()?.into_iter().map(|s| s.id).collect() } else { args.names.clone() };
    crate::commands::each(&names, |n| {
        let id = store.remove(n)?;
        print(&format!("{id}\n"))
    })
}
