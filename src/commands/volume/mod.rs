//! `rpod volume VERB`: one file per verb; the library is [`crate::volume`].

pub mod create;
pub mod exists;
pub mod export;
pub mod import;
pub mod inspect;
pub mod ls;
pub mod prune;
pub mod rm;

use clap::Subcommand;

use crate::context::Context;

/// `rpod volume ...`
#[derive(Debug, Subcommand)]
pub enum VolumeCommand {
    /// Create a new volume
    Create(create::VolumeCreateArgs),
    /// Check if the given volume exists (exit 0 if it does, 1 if not)
    Exists(exists::VolumeExistsArgs),
    /// Export the contents of a volume as a tar archive
    Export(export::VolumeExportArgs),
    /// Import a tar archive into a volume
    Import(import::VolumeImportArgs),
    /// Display detailed information on one or more volumes
    Inspect(inspect::VolumeInspectArgs),
    /// List volumes
    #[command(visible_alias = "list")]
    Ls(ls::VolumeLsArgs),
    /// Remove all unused volumes
    Prune(prune::VolumePruneArgs),
    /// Remove one or more volumes
    #[command(visible_alias = "remove")]
    Rm(rm::VolumeRmArgs),
}

pub fn dispatch(ctx: &Context, command: VolumeCommand) -> anyhow::Result<()> {
    match command {
        VolumeCommand::Create(args) => create::run(ctx, args),
        VolumeCommand::Exists(args) => exists::run(ctx, args),
        VolumeCommand::Export(args) => export::run(ctx, args),
        VolumeCommand::Import(args) => import::run(ctx, args),
        VolumeCommand::Inspect(args) => inspect::run(ctx, args),
        VolumeCommand::Ls(args) => ls::run(ctx, args),
        VolumeCommand::Prune(args) => prune::run(ctx, args),
        VolumeCommand::Rm(args) => rm::run(ctx, args),
    }
}

/// `KEY=VALUE` (or `KEY`, an empty value) flags into a map.
pub(crate) fn key_values(flag: &str, items: &[String]) -> anyhow::Result<std::collections::BTreeMap<String, String>> {
    let mut out = std::collections::BTreeMap::new();
    for i in items {
        let (k, v) = i.split_once('=').unwrap_or((i.as_str(), ""));
        if k.is_empty() {
            anyhow::bail!("{flag} {i:?}: expected KEY=VALUE");
        }
        out.insert(k.to_string(), v.to_string());
    }
    Ok(out)
}
