//! `rpod untag IMAGE [NAME...]` / `rpod image untag`: take names away
//! from an image (all of them when none is given). The image stays, with
//! no names it is dangling.

use anyhow::Context as _;
use clap::Args;

use crate::context::Context;
use crate::image::lookup;

#[derive(Debug, Args)]
pub struct UntagArgs {
    /// The image, by name or ID
    #[arg(value_name = "IMAGE")]
    pub image: String,

    /// Names to remove (default: all of them)
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
}

pub fn run(ctx: &Context, args: UntagArgs) -> anyhow::Result<()> {
    let search = ctx.config()?.registries.search_registries().to_vec();
    let store = ctx.store()?;
    let image = lookup::find(store, &search, &args.image)?.image;
    let names = if args.names.is_empty() {
        image.names.clone()
    } else {
        let mut out = Vec::with_capacity(args.names.len());
        for n in &args.names {
            // The name as stored, else as Podman normalizes it.
            let name = if image.names.contains(n) { n.clone() } else { lookup::normalize_name(n)?.to_string() };
            if !image.names.contains(&name) {
                anyhow::bail!("{name}: tag not known");
            }
            out.push(name);
        }
        out
    };
    for name in &names {
        store.untag(&image.id, name).with_context(|| format!("removing the name {name}"))?;
        ctx.event(&crate::events::Event::image("untag", &image.id, name));
    }
    Ok(())
}
