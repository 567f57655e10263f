//! `rpod load` / `rpod image load`: images from an oci-archive, a
//! docker-archive (either gzip/zstd-compressed or not) or an OCI layout
//! directory into the store; prints `Loaded image: NAME` for each.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Context as _};
use clap::Args;

use crate::context::{print, Context};
use crate::image::archive::{self, Input};
use crate::image::copy::{store_image, Incoming};
use crate::image::progress::Progress;

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Read from the archive FILE (or OCI layout directory) instead of standard input
    #[arg(short, long, value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Suppress the progress output
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(ctx: &Context, args: LoadArgs) -> anyhow::Result<()> {
    let input = match &args.input {
        Some(p) => Input::Path(p),
        None if std::io::stdin().is_terminal() => {
            bail!("cannot read from terminal, use command-line redirection or the --input flag")
        }
        None => Input::Stdin,
    };
    let parallel = ctx.config()?.containers.image_parallel_copies();
    let store = ctx.store()?;
    let progress = Progress::new(args.quiet);
    let what = match &args.input {
        Some(p) => p.display().to_string(),
        None => "standard input".to_string(),
    };
    let archive = archive::open(input, &archive::tmp_dir()).with_context(|| format!("loading {what}"))?;
    let images = archive.images().with_context(|| format!("loading {what}"))?;
    let mut loaded = Vec::new();
    for img in &images {
        progress.line("Getting image source signatures");
        let record = store_image(
            store,
            &archive.blobs(img),
            &Incoming {
                manifest_bytes: &img.manifest_bytes,
                manifest_digest: &img.manifest_digest,
                manifest: &img.manifest,
                config: &img.config,
                names: img.names.clone(),
            },
            parallel,
            &progress,
        )
        .with_context(|| format!("loading {what}"))?;
        ctx.event(&crate::events::Event::image("load", &record.id, &img.names.join(",")));
        if img.names.is_empty() {
            loaded.push(format!("sha256:{}", record.id));
        } else {
            loaded.extend(img.names.iter().cloned());
        }
    }
    let out: String = loaded.iter().map(|n| format!("Loaded image: {n}\n")).collect();
    print(&out)
}
