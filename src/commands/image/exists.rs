//! `rpod image exists IMAGE`: exit 0 when the image is in local storage, 1
//! when not; silent either way (Podman's).

use clap::Args;

use rpod_storage::StorageError;

use crate::context::Context;
use crate::error::{ExitCode, Failure};
use crate::image::lookup;

#[derive(Debug, Args)]
pub struct ImageExistsArgs {
    /// The image (name or ID)
    #[arg(value_name = "IMAGE")]
    pub image: String,
}

pub fn run(ctx: &Context, args: ImageExistsArgs) -> anyhow::Result<()> {
    let store = ctx.metadata_store()?;
    let search = ctx.config()?.registries.search_registries().to_vec();
    match lookup::find(store, &search, &args.image) {
        Ok(_) => Ok(()),
        Err(StorageError::ImageUnknown(_)) => Err(Failure::new(ExitCode::Container(1), "").into()),
        Err(e) => Err(e.into()),
    }
}
