//! `rpod commit` / `rpod container commit`: a new image from a container's
//! changes (see [`crate::container::export::commit`]).

use anyhow::{bail, Context as _};
use clap::Args;

use crate::container::export::{self, CommitOptions};
use crate::context::{print, Context};
use crate::image::commit::NewImage;
use crate::image::lookup::normalize_name;
use crate::image::progress::Progress;

#[derive(Debug, Args)]
pub struct CommitArgs {
    /// Set the author for the image committed
    #[arg(short, long, value_name = "AUTHOR")]
    pub author: Option<String>,

    /// Apply a Dockerfile instruction to the image: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR
    #[arg(short, long = "change", value_name = "INSTRUCTION")]
    pub change: Vec<String>,

    /// Format of the image manifest and metadata: oci or docker
    #[arg(short, long, value_name = "FORMAT", default_value = "oci")]
    pub format: String,

    /// Write the image ID to the file
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<String>,

    /// Include the container's volumes as image volumes
    #[arg(long)]
    pub include_volumes: bool,

    /// Set the commit message of the committed image
    #[arg(short, long, value_name = "MESSAGE")]
    pub message: Option<String>,

    /// Pause the container during the commit
    #[arg(short, long)]
    pub pause: bool,

    /// Suppress the progress output
    #[arg(short, long)]
    pub quiet: bool,

    /// Squash the image's layers and the container's changes into one layer
    #[arg(short, long)]
    pub squash: bool,

    /// The container (name or ID)
    #[arg(value_name = "CONTAINER")]
    pub container: String,

    /// The new image's name
    #[arg(value_name = "IMAGE")]
    pub image: Option<String>,
}

pub fn run(ctx: &Context, args: CommitArgs) -> anyhow::Result<()> {
    let docker = match args.format.as_str() {
        "oci" => false,
        "docker" => true,
        f => bail!("unrecognized image type {f:?}: use oci or docker"),
    };
    let names = match &args.image {
        Some(r) => vec![normalize_name(r)?.to_string()],
        None => Vec::new(),
    };
    // Checked before any work.
    let mut probe = serde_json::Map::new();
    for c in &args.change {
        crate::image::changes::apply(&mut probe, c)?;
    }
    let mut containers = ctx.containers()?;
    let c = containers.find(&args.container)?;
    let opts = CommitOptions {
        image: NewImage {
            author: args.author,
            message: args.message,
            created_by: String::new(),
            config: serde_json::Map::new(),
            changes: args.change,
            docker,
            names,
            // Set from the container by the commit.
            owners: None,
        },
        pause: args.pause,
        squash: args.squash,
        include_volumes: args.include_volumes,
    };
    let progress = Progress::new(args.quiet);
    let rec = export::commit(ctx, &mut containers, &c, &opts, &progress)?;
    ctx.event(&crate::events::Event::image("commit", &rec.id, &c.name));
    if let Some(f) = &args.iidfile {
        std::fs::write(f, format!("sha256:{}", rec.id)).with_context(|| format!("writing {f}"))?;
    }
    print(&format!("{}\n", rec.id))
}
