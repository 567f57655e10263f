//! `rpod system reset`: remove every container, image, volume and the
//! pause process of this user's rpod (see [`crate::system::reset`]).

use clap::Args;

use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// Do not prompt for confirmation
    #[arg(short, long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: ResetArgs) -> anyhow::Result<()> {
    if !args.force {
        let prompt = "WARNING! This will remove:\n - all containers\n - all images\n - all volumes\n - the pause process\nAre you sure you want to continue? [y/N] ";
        if !crate::commands::confirm(prompt)? {
            return Ok(());
        }
    }
    let r = crate::system::reset::reset(ctx)?;
    for e in &r.errors {
        eprintln!("{e}");
    }
    if r.errors.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(ExitCode::Engine, "some of rpod's files could not be removed").into())
    }
}
