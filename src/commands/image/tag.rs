//! `rpod tag IMAGE TARGET...` / `rpod image tag`: give an image more names.
//! Names are normalized like Podman (`foo` → `localhost/foo:latest`); a
//! name another image had moves to this one.

use anyhow::{bail, Context as _};
use clap::Args;

use crate::context::Context;
use crate::image::lookup;

#[derive(Debug, Args)]
pub struct TagArgs {
    /// The image to tag, by name or ID
    #[arg(value_name = "IMAGE")]
    pub image: String,

    /// The new names: [REGISTRY/]NAME[:TAG]
    #[arg(value_name = "TARGET", required = true)]
    pub targets: Vec<String>,
}

pub fn run(ctx: &Context, args: TagArgs) -> anyhow::Result<()> {
    let search = ctx.config()?.registries.search_registries().to_vec();
    let targets = args
        .targets
        .iter()
        .map(|t| {
            let r = lookup::normalize_name(t)?;
            if r.digest().is_some() {
                bail!("{t}: tag by digest not supported");
            }
            Ok(r.to_string())
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let store = ctx.store()?;
    let image = lookup::find(store, &search, &args.image)?.image;
    for name in &targets {
        store.tag(&image.id, name).with_context(|| format!("tagging {} as {name}", args.image))?;
        ctx.event(&crate::events::Event::image("tag", &image.id, name));
    }
    Ok(())
}
