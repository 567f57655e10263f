//! `rpod image VERB`: one file per verb. The top-level shortcuts (`rpod
//! pull`, `rpod images`, `rpod rmi`, ...) hold the same `Args` and reach the
//! same handler through [`dispatch`].

pub mod build;
pub mod diff;
pub mod exists;
pub mod history;
pub mod import;
pub mod inspect;
pub mod list;
pub mod load;
pub mod prune;
pub mod pull;
pub mod push;
pub mod rm;
pub mod save;
pub mod search;
pub mod tag;
pub mod untag;

use clap::Subcommand;

use crate::context::Context;

/// `rpod image ...`
#[derive(Debug, Subcommand)]
pub enum ImageCommand {
    /// Build an image using instructions from Containerfiles
    Build(Box<build::BuildArgs>),
    /// Inspect changes to the image's file systems
    Diff(diff::ImageDiffArgs),
    /// Check if an image exists in local storage
    Exists(exists::ImageExistsArgs),
    /// Show history of a specified image
    History(history::HistoryArgs),
    /// Import a tarball to create a filesystem image
    Import(import::ImportArgs),
    /// Display the configuration of an image
    Inspect(inspect::ImageInspectArgs),
    /// List images in local storage
    #[command(visible_alias = "ls")]
    List(list::ImagesArgs),
    /// Load image(s) from a tar archive
    Load(load::LoadArgs),
    /// Remove unused images
    Prune(prune::ImagePruneArgs),
    /// Pull an image from a registry
    Pull(pull::PullArgs),
    /// Push an image to a specified destination
    Push(push::PushArgs),
    /// Removes one or more images from local storage
    Rm(rm::RmiArgs),
    /// Save image(s) to an archive
    Save(save::SaveArgs),
    /// Search registries for images
    Search(search::SearchArgs),
    /// Add an additional name to a local image
    Tag(tag::TagArgs),
    /// Remove a name from a local image
    Untag(untag::UntagArgs),
}

pub fn dispatch(ctx: &Context, command: ImageCommand) -> anyhow::Result<()> {
    use ImageCommand as I;
    match command {
        I::Build(args) => build::run(ctx, *args),
        I::Diff(args) => diff::run(ctx, args),
        I::Exists(args) => exists::run(ctx, args),
        I::History(args) => history::run(ctx, args),
        I::Import(args) => import::run(ctx, args),
        I::Inspect(args) => inspect::run(ctx, args),
        I::List(args) => list::run(ctx, args),
        I::Load(args) => load::run(ctx, args),
        I::Prune(args) => prune::run(ctx, args),
        I::Pull(args) => pull::run(ctx, args),
        I::Push(args) => push::run(ctx, args),
        I::Rm(args) => rm::run(ctx, args),
        I::Save(args) => save::run(ctx, args),
        I::Search(args) => search::run(ctx, args),
        I::Tag(args) => tag::run(ctx, args),
        I::Untag(args) => untag::run(ctx, args),
    }
}
