//! `rpod secret VERB`: one file per verb; the library is [`crate::secret`].

pub mod create;
pub mod inspect;
pub mod ls;
pub mod rm;

use clap::Subcommand;

use crate::context::Context;

/// `rpod secret ...`
#[derive(Debug, Subcommand)]
pub enum SecretCommand {
    /// Create a new secret
    Create(create::SecretCreateArgs),
    /// Inspect a secret
    Inspect(inspect::SecretInspectArgs),
    /// List secrets
    #[command(visible_alias = "list")]
    Ls(ls::SecretLsArgs),
    /// Remove one or more secrets
    Rm(rm::SecretRmArgs),
}

pub fn dispatch(ctx: &Context, command: SecretCommand) -> anyhow::Result<()> {
    match command {
        SecretCommand::Create(args) => create::run(ctx, args),
        SecretCommand::Inspect(args) => inspect::run(ctx, args),
        SecretCommand::Ls(args) => ls::run(ctx, args),
        SecretCommand::Rm(args) => rm::run(ctx, args),
    }
}
